"""The embedded store: one graph per release, replaced whole, never duplicated or half-written."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kg import facts as f
from kg.build import ReleaseGraph, build_graph
from kg.errors import StoreError
from kg.read import parse_release
from kg.store import LoadOutcome, Store


def release_graph(text: str, source: str) -> ReleaseGraph:
    release = parse_release(text.encode(), source=source)
    first = f.Span(0, release.text.index("\n"))
    facts = f.ReleaseFacts(
        text=release.text,
        title=release.text[first.start : first.end],
        published=date(2020, 1, 2),
        issuer="ACME",
        title_evidence=first,
        organizations=[f.Organization("ACME", first, aliases=["ACME Corp."])],
    )
    return build_graph(release, facts)


def graph_count(store: Store) -> int:
    return len(list(store.named_graphs()))


def test_a_release_is_one_named_graph_with_its_source():
    store = Store.open(None)
    graph = release_graph("ACME Corp. signs a deal\n", "a.txt")
    assert store.load_release(graph) is LoadOutcome.ADDED
    assert list(store.named_graphs()) == [str(graph.iri)]
    assert len(store) == len(graph.graph)
    assert store.graphs_for_source("a.txt") == [str(graph.iri)]


def test_loading_the_same_release_again_changes_nothing():
    store = Store.open(None)
    graph = release_graph("ACME Corp. signs a deal\n", "a.txt")
    store.load_release(graph)
    before = len(store)
    assert store.load_release(graph) is LoadOutcome.UNCHANGED
    assert len(store) == before and graph_count(store) == 1


def test_a_changed_file_replaces_its_graph():
    store = Store.open(None)
    old = release_graph("ACME Corp. signs a deal\n", "a.txt")
    new = release_graph("ACME Corp. signs a bigger deal\n", "a.txt")
    store.load_release(old)
    assert store.load_release(new) is LoadOutcome.REPLACED
    assert list(store.named_graphs()) == [str(new.iri)]
    assert len(store) == len(new.graph)


def test_the_same_release_under_two_names_is_one_graph_with_two_sources():
    store = Store.open(None)
    first = release_graph("ACME Corp. signs a deal\n", "a.txt")
    second = release_graph("ACME Corp. signs a deal\n", "copy-of-a.txt")
    store.load_release(first)
    assert store.load_release(second) is LoadOutcome.ADDED
    assert graph_count(store) == 1
    (stored,) = store.releases()
    assert stored.sources == ("a.txt", "copy-of-a.txt")


def test_changing_one_of_two_sources_keeps_the_other():
    store = Store.open(None)
    store.load_release(release_graph("ACME Corp. signs a deal\n", "a.txt"))
    store.load_release(release_graph("ACME Corp. signs a deal\n", "b.txt"))
    changed = release_graph("ACME Corp. ends the deal\n", "a.txt")
    assert store.load_release(changed) is LoadOutcome.REPLACED
    by_graph = {r.graph: r.sources for r in store.releases()}
    assert by_graph[str(changed.iri)] == ("a.txt",)
    assert sorted(by_graph.values()) == [("a.txt",), ("b.txt",)]


def test_a_graph_a_broken_load_left_is_replaced_whole():
    store = Store.open(None)
    graph = release_graph("ACME Corp. signs a deal\n", "a.txt")
    stray = "<urn:kg:stray> <urn:kg:stray> <urn:kg:stray>"
    store.update(f"INSERT DATA {{ GRAPH <{graph.iri}> {{ {stray} }} }}")  # no source: broken
    assert store.load_release(graph) is LoadOutcome.ADDED
    assert len(store) == len(graph.graph)
    assert "urn:kg:stray" not in store.graph_ntriples(str(graph.iri))


@pytest.mark.parametrize("order", ["changed first", "copy first"])
def test_a_batch_may_move_a_text_from_one_file_to_another(order: str) -> None:
    store = Store.open(None)
    old_text, new_text = "ACME Corp. signs a deal\n", "ACME Corp. ends the deal\n"
    store.load_release(release_graph(old_text, "a.txt"))
    changed, copy = release_graph(new_text, "a.txt"), release_graph(old_text, "b.txt")
    batch = [changed, copy] if order == "changed first" else [copy, changed]
    store.load_releases(batch)
    by_graph = {r.graph: r.sources for r in store.releases()}
    assert by_graph == {str(changed.iri): ("a.txt",), str(copy.iri): ("b.txt",)}
    assert len(store) == len(changed.graph) + len(copy.graph)


def test_replacing_graphs_leaves_only_the_new_triples():
    store = Store.open(None)
    old, new = "urn:kg:test-old", "urn:kg:test-new"
    store.update(f"INSERT DATA {{ GRAPH <{old}> {{ <urn:kg:a> <urn:kg:b> <urn:kg:c> }} }}")
    store.replace_graphs(
        {old: "<urn:kg:d> <urn:kg:e> <urn:kg:f> .", new: "<urn:kg:g> <urn:kg:h> <urn:kg:i> ."}
    )
    assert store.graph_ntriples(old) == "<urn:kg:d> <urn:kg:e> <urn:kg:f> .\n"
    assert store.graph_ntriples(new) == "<urn:kg:g> <urn:kg:h> <urn:kg:i> .\n"


def test_the_store_persists_on_disk(tmp_path):
    path = tmp_path / "store"
    graph = release_graph("ACME Corp. signs a deal\n", "a.txt")
    with Store.open(path) as store:
        store.load_release(graph)
    with Store.open(path, read_only=True) as store:
        assert list(store.named_graphs()) == [str(graph.iri)]


def test_opening_a_missing_store_read_only_says_how_to_fill_it(tmp_path):
    with pytest.raises(StoreError, match="no kg store") as caught:
        Store.open(tmp_path / "nothing", read_only=True)
    assert "kg ingest" in (caught.value.hint or "")


def test_a_store_held_by_another_process_is_a_clear_error(tmp_path):
    path = tmp_path / "store"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); print('open', flush=True);"
            " sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match="in use by another kg process"):
            Store.open(path)
        with Store.open(path, read_only=True) as reader:  # reading alongside is fine
            assert len(reader) == 0
    finally:
        holder.communicate("")


def test_a_flushed_store_keeps_every_release(tmp_path):
    # Ingest flushes RocksDB's in-memory tables every few thousand releases to bound memory.
    store = Store.open(tmp_path / "store")
    store.load_release(release_graph("ACME Corp. signs a deal.\n", "a.txt"))
    store.flush()
    quads = len(store)
    store.close()
    reopened = Store.open(tmp_path / "store", read_only=True)
    assert len(reopened) == quads > 0
    reopened.flush()  # a read-only store has nothing to write: no error


def test_a_store_is_created_whole_or_not_at_all(tmp_path: Path) -> None:
    # What a process killed while creating a store leaves: a half-made folder beside it.
    leftover = tmp_path / ".store.creating"
    leftover.mkdir()
    (leftover / "LOCK").write_text("", encoding="utf-8")
    with Store.open(tmp_path / "store") as store:
        assert len(store) == 0
    assert (tmp_path / "store" / "CURRENT").exists()
    assert not leftover.exists()
    with Store.open(tmp_path / "store", read_only=True) as store:  # a reader can open it
        assert len(store) == 0
