"""Reading releases: decoding, markup, normalisation, and clear errors for what is not a release."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from kg.errors import ReleaseReadError
from kg.read import find_release_files, parse_release, read_release

TEXT = "ACME Corp. Earns Milestone\n\nBOSTON, Jan 2, 2020 -- ACME Corp. (Nasdaq: ACME) said so.\n"


def test_utf8_text_is_read_as_is():
    release = parse_release(TEXT.encode(), source="a.txt")
    assert release.text == TEXT
    assert release.source == "a.txt"
    assert len(release.content_hash) == 64


def test_byte_order_mark_is_dropped_and_identity_kept():
    plain = parse_release(TEXT.encode(), source="a.txt")
    with_bom = parse_release(b"\xef\xbb\xbf" + TEXT.encode(), source="b.txt")
    assert with_bom.text == plain.text
    assert with_bom.content_hash == plain.content_hash


def test_windows_1252_is_decoded_with_a_warning():
    data = "Novo Nordisk A/S \u201cexpects\u201d \u20ac10 million \u2013 caf\u00e9".encode("cp1252")
    release = parse_release(data, source="w.txt")
    assert "\u201cexpects\u201d \u20ac10 million \u2013 caf\u00e9" in release.text
    assert any("not UTF-8" in w for w in release.warnings)


def test_latin_1_is_decoded():
    release = parse_release("Société Générale à Zürich, 2020".encode("latin-1"), source="l.txt")
    assert "Société Générale à Zürich" in release.text


def test_crlf_and_markdown_links_and_escapes_are_normalised():
    data = b"[ImmunoGen, Inc.](http://www.immunogen.com) triggers a \\$2 million payment\r\n"
    release = parse_release(data, source="m.md")
    assert release.text == "ImmunoGen, Inc. triggers a $2 million payment\n"


def test_a_full_stop_or_comma_that_lost_its_space_gets_it_back():
    data = (
        b"Kessel Bio.Orvane will pay a firm,Linden, 1,000 times. See www.kessel.Com, "
        b"ida.Brandt@k.com\n"
    )
    release = parse_release(data, source="glued.txt")
    assert release.text == (
        "Kessel Bio. Orvane will pay a firm, Linden, 1,000 times. See www.kessel.Com, "
        "ida.Brandt@k.com\n"
    )


def test_html_markup_scripts_and_styles_are_stripped():
    markup = (
        "<html><head><title>Deal</title><style>p{color:red}</style>"
        "<script>var tracker = 'x';</script></head><body><h1>ACME signs deal</h1>"
        "<p>ACME <b>Corp.</b> signed a license.</p><p>Second paragraph.</p></body></html>"
    )
    release = parse_release(markup.encode(), source="d.html", html=True)
    assert "tracker" not in release.text and "color:red" not in release.text
    assert "ACME signs deal" in release.text
    assert "ACME Corp. signed a license." in release.text
    assert release.text.index("signed a license") < release.text.index("Second paragraph")
    assert "\n" in release.text[release.text.index("license.") : release.text.index("Second")]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\t\n  ", "empty (only white space)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF file"),
        (b"ELF\x00\x01\x02\x00\x00binary", "NUL bytes"),
    ],
    ids=["empty", "whitespace", "png", "pdf", "nul-bytes"],
)
def test_what_is_not_a_release_is_refused_with_the_reason(data, reason):
    with pytest.raises(ReleaseReadError) as caught:
        parse_release(data, source="bad.txt")
    assert "bad.txt" in str(caught.value)
    assert reason in str(caught.value)


def test_html_with_no_text_is_refused(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><script>x()</script></head><body>  </body></html>")
    with pytest.raises(ReleaseReadError, match="no text left after removing the markup"):
        read_release(page)


def test_zip_file_is_named_as_an_archive(tmp_path):
    archive = tmp_path / "release.txt"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("inner.txt", "hello")
    with pytest.raises(ReleaseReadError, match="zip archive"):
        read_release(archive)


def test_a_file_too_large_for_a_release_is_refused(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (21 * 1024 * 1024 // 5))
    with pytest.raises(ReleaseReadError, match=r"too large .*big\.txt|big\.txt.*too large"):
        read_release(big)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(ReleaseReadError, match="no such file"):
        read_release(tmp_path / "nope.txt")


def _without_root_file_access() -> list[str]:
    """A command prefix under which permission bits apply: root reads any file, so as root
    the child runs with the capabilities that bypass them dropped."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: file permissions cannot apply")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}"]


def test_unreadable_file_is_named(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(TEXT)
    secret.chmod(0)
    script = (
        "import sys; from kg.read import read_release; from kg.errors import ReleaseReadError\n"
        "try:\n    read_release(sys.argv[1])\nexcept ReleaseReadError as err:\n    print(err)"
    )
    done = subprocess.run(
        [*_without_root_file_access(), sys.executable, "-c", script, str(secret)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == f"{secret}: permission denied"


def test_folders_expand_to_release_files_in_order(tmp_path):
    (tmp_path / "b.txt").write_text(TEXT)
    (tmp_path / "a.md").write_text(TEXT)
    (tmp_path / "notes.json").write_text("{}")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.html").write_text("<p>x</p>")
    found = list(find_release_files([tmp_path, tmp_path / "missing.txt"]))
    names = [p.name for p in found if not isinstance(p, ReleaseReadError)]
    assert names == ["a.md", "b.txt", "c.html"]
    errors = [e for e in found if isinstance(e, ReleaseReadError)]
    assert len(errors) == 1 and "missing.txt" in str(errors[0])


def test_links_to_folders_are_followed_once(tmp_path):
    elsewhere = tmp_path / "archive" / "2011"
    elsewhere.mkdir(parents=True)
    (elsewhere / "a.txt").write_text(TEXT)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "2011").symlink_to(elsewhere, target_is_directory=True)
    (corpus / "loop").symlink_to(corpus, target_is_directory=True)  # a cycle must end
    found = list(find_release_files([corpus]))
    assert [p.name for p in found] == ["a.txt"]


def test_a_file_named_one_by_one_must_be_a_release_file_unless_asked(tmp_path):
    annotation = tmp_path / "release.json"
    annotation.write_text("{}")
    (error,) = find_release_files([annotation])
    assert isinstance(error, ReleaseReadError)
    assert "not read: a release is a .txt, .md, .html, .htm file" in str(error)
    assert "--any-suffix" in str(error)
    assert list(find_release_files([annotation], any_suffix=True)) == [annotation]
