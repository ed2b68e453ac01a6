"""Read a release: bytes on disk -> the plain text every later stage works on.

The text returned here is *the* release text: evidence offsets point into it and its SHA-256
is the release's identity, so the same release under two file names is one release. It is
normalised once (line endings, markup, Markdown links and escapes) and never again.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import ReleaseReadError

RELEASE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_BYTES = 5 * 1024 * 1024  # a press release is kilobytes; anything this big is not one

# Signatures of files that are certainly not text, for a clearer message than "binary".
_MAGIC = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a zip archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}
_BLOCK_TAGS = (
    "p, div, br, h1, h2, h3, h4, h5, h6, li, tr, table, section, article, header, footer, "
    "blockquote, pre, dd, dt, title"
)
_DROP_TAGS = "script, style, noscript, template, svg, iframe, head > meta, head > link"
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$&%])")


@dataclass(frozen=True)
class Release:
    """One release as read: its normalised text, where it came from, and its identity."""

    text: str
    source: str
    content_hash: str
    warnings: tuple[str, ...] = field(default=())


def read_release(path: Path | str, *, max_bytes: int = MAX_BYTES) -> Release:
    """Read one release file; raise :class:`ReleaseReadError` naming the file and the reason."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ReleaseReadError(
                path,
                f"too large for a press release ({size / 1e6:.1f} MB > {max_bytes / 1e6:.0f} MB)",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReleaseReadError(path, "no such file") from None
    except IsADirectoryError:
        raise ReleaseReadError(path, "is a folder, not a file") from None
    except PermissionError:
        raise ReleaseReadError(path, "permission denied") from None
    except OSError as err:
        raise ReleaseReadError(path, err.strerror or str(err)) from None
    return parse_release(data, source=str(path), html=path.suffix.lower() in (".html", ".htm"))


def parse_release(data: bytes, *, source: str, html: bool = False) -> Release:
    """Turn a release's bytes into a :class:`Release`; ``source`` names it in errors."""
    text, warnings = decode(data, source)
    if html or _looks_like_html(text):
        text = html_to_text(text)
    text = normalise(text)
    if not text.strip():
        reason = "no text left after removing the markup" if html else "empty (only white space)"
        raise ReleaseReadError(source, reason)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Release(text=text, source=source, content_hash=digest, warnings=tuple(warnings))


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Bytes -> str: UTF-8 (BOM or not) first, then the best guess; binary data is an error."""
    if not data:
        raise ReleaseReadError(source, "empty file")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise ReleaseReadError(source, f"not a text file: it is {what}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), []
    if b"\x00" in data[:8192]:
        raise ReleaseReadError(source, "not a text file: it holds NUL bytes (binary data)")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, source)


def _decode_legacy(data: bytes, source: str) -> tuple[str, list[str]]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    # Press releases that are not UTF-8 are nearly always Windows-1252 (a superset of Latin-1
    # for printable text); prefer it when the guess is a rarer single-byte code page.
    encoding = best.encoding if best is not None else "cp1252"
    if encoding not in ("cp1252", "latin_1", "iso8859_15") and _is_cp1252_text(data):
        encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise ReleaseReadError(source, "not a text file: no text encoding fits its bytes") from None
    if _control_ratio(text) > 0.05:
        raise ReleaseReadError(source, "not a text file: mostly control characters (binary data)")
    return text, [f"{source}: not UTF-8; read as {encoding}"]


def _is_cp1252_text(data: bytes) -> bool:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return _control_ratio(text) < 0.001


def _control_ratio(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(len(text), 1)


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def html_to_text(markup: str) -> str:
    """Strip markup with a real HTML parser, keeping block boundaries as line breaks."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(markup)
    for node in tree.css(_DROP_TAGS):
        node.decompose()
    for node in tree.css(_BLOCK_TAGS):
        node.insert_before("\n")
        node.insert_after("\n")
    root = tree.body or tree.root
    title = tree.css_first("head > title")
    text = root.text(separator="", strip=False) if root is not None else ""
    if title is not None and title.text(strip=True) and title.text(strip=True) not in text:
        text = title.text(strip=True) + "\n\n" + text
    return text


# "… shares of Kessel Bio.Orvane will obtain …", "a drug delivery firm,Orvane": a copy that
# lost the space after a full stop or a comma (a word in lower case, then a capitalised word
# and a space; never a URL's or e-mail's dot).
_GLUED_STOP = re.compile(r"[.,](?<=[a-z]{2}[.,])(?=[A-Z][\w'’-]*[\s,.])")


def _unglue_sentences(text: str) -> str:
    def space(m: re.Match[str]) -> str:
        start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        word = text[start : m.start()]
        return m.group() if any(c in word for c in "/@.") else m.group() + " "

    return _GLUED_STOP.sub(space, text)


def normalise(text: str) -> str:
    """One canonical form: LF line ends, no Markdown link syntax or escapes, tidy blank lines,
    plain spaces and hyphens (a non-breaking hyphen in "co‑development" is still a hyphen)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    text = text.replace("\u2010", "-").replace("\u2011", "-")
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    text = _unglue_sentences(text)
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n ") + "\n"


def find_release_files(
    paths: Iterable[Path | str], *, any_suffix: bool = False
) -> Iterator[Path | ReleaseReadError]:
    """Expand files and folders into release files (sorted), yielding errors for bad paths.

    Only .txt, .md, .html and .htm files are releases, in a folder or named one by one (a
    .json beside a release is its annotation, not another release); ``any_suffix`` reads a
    file named one by one whatever its suffix."""
    kinds = ", ".join(RELEASE_SUFFIXES)
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in _files_under(path) if p.suffix.lower() in RELEASE_SUFFIXES)
            if not found:
                yield ReleaseReadError(path, f"no release files ({kinds})")
            yield from found
        elif path.exists() or path.is_symlink():
            if any_suffix or path.suffix.lower() in RELEASE_SUFFIXES:
                yield path
            else:
                yield ReleaseReadError(
                    path, f"not read: a release is a {kinds} file (--any-suffix reads it anyway)"
                )
        else:
            yield ReleaseReadError(path, "no such file or folder")


def _files_under(folder: Path) -> Iterator[Path]:
    """Every file under ``folder``, following symbolic links to folders (a corpus is often a
    folder of links to where the releases live), each real folder once, so a link cycle ends."""
    seen: set[str] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            dirs.clear()
            continue
        seen.add(real)
        for name in files:
            candidate = Path(root, name)
            if candidate.is_file():
                yield candidate
