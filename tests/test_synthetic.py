"""The synthetic corpus: deterministic, shaped like wire copy, with identities that recur."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from kg.bench.synthetic import generate
from kg.read import read_release


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path], dict]:
    root = tmp_path_factory.mktemp("synthetic")
    paths = generate(400, root, seed=0)
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    return root, paths, manifest


def test_the_same_seed_gives_the_same_bytes(tmp_path: Path):
    generate(40, tmp_path / "a", seed=7)
    generate(40, tmp_path / "b", seed=7)
    first, second = tree_bytes(tmp_path / "a"), tree_bytes(tmp_path / "b")
    assert len(first) == 41  # 40 releases and the manifest
    assert first == second


def test_another_seed_gives_other_releases(tmp_path: Path):
    generate(40, tmp_path / "a", seed=7)
    generate(40, tmp_path / "b", seed=8)
    first = sorted(tree_bytes(tmp_path / "a").values())
    second = sorted(tree_bytes(tmp_path / "b").values())
    assert len(set(first) & set(second)) == 0


def test_a_small_corpus_is_the_start_of_a_larger_one(tmp_path: Path):
    small = generate(10, tmp_path / "small", seed=3)
    large = generate(25, tmp_path / "large", seed=3)
    assert [p.read_bytes() for p in small] == [p.read_bytes() for p in large[:10]]


def test_files_are_returned_in_path_order_and_sharded(corpus):
    root, paths, _manifest = corpus
    assert len(paths) == 400
    assert paths == sorted(paths)
    assert all(p.parent.parent == root for p in paths)


def test_every_file_reads_as_a_release(corpus):
    _root, paths, manifest = corpus
    assert {p.suffix for p in paths} == {".txt", ".html", ".md"}
    records = {r["id"]: r for r in manifest["releases"]}
    for path in paths:
        release = read_release(path)
        record = records[path.stem]
        assert release.text.strip()
        assert not release.warnings
        # The headline survives reading (markup and Markdown escapes removed).
        assert record["title"].split(" ")[0] in release.text


def test_the_manifest_says_what_each_release_states(corpus):
    root, paths, manifest = corpus
    assert manifest["count"] == len(manifest["releases"]) == len(paths)
    for record in manifest["releases"]:
        assert (root / record["file"]).is_file()
        assert record["issuer"] in {o["name"] for o in record["organizations"]}
        for payment in record["payments"]:
            assert payment["kind"] in {
                "milestone",
                "upfront",
                "equity",
                "acquisition",
                "research_funding",
            }
            assert payment["status"] in {"earned", "potential"}
            assert payment["amount"] is None or payment["amount"] > 0


def test_identities_repeat_across_releases(corpus):
    _root, _paths, manifest = corpus
    releases = manifest["releases"]
    orgs = Counter(o["name"] for r in releases for o in r["organizations"])
    compounds = Counter(c["name"] for r in releases for c in r["compounds"])
    assert len(orgs) > 200  # drawn from a pool of thousands...
    assert orgs.most_common(1)[0][1] >= 20  # ...Zipf-like: a few recur very often
    assert sum(1 for n in orgs.values() if n >= 2) >= 50
    assert compounds.most_common(1)[0][1] >= 5


def test_the_corpus_varies_like_real_wire_copy(corpus):
    _root, paths, manifest = corpus
    releases = manifest["releases"]
    assert {r["kind"] for r in releases} == {
        "milestone",
        "license",
        "equity",
        "acquisition",
        "termination",
        "news",
    }
    currencies = {p["currency"] for r in releases for p in r["payments"]}
    assert {"USD", "EUR", "CHF", "GBP", "JPY", "DKK"} <= currencies
    text = "\n".join(p.read_text(encoding="utf-8") for p in paths)
    for marker in (
        "/PRNewswire",
        "(BUSINESS WIRE)",
        "(GLOBE NEWSWIRE)",
        "Exhibit 99.1",
        "Forward-Looking Statements",
        "collaborative partners include",
        "Back to news",
        "up to ",
        "per share",
        "®",
        "€",
        "£",
        "¥",
        "CHF ",
        "DKK ",
        "US$",
    ):
        assert marker in text, marker
