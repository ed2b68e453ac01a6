"""Copy release graphs from one store to another, graph by graph (``kg push``, ``kg pull``).

A graph is copied when the target lacks it or holds a different number of triples; a graph
already there whole is left alone, so a second run copies nothing and an interrupted run
picks up where it stopped. Each graph is replaced whole (one update a graph, several graphs
a request), so the target never holds part of one. Graphs the target has and the source does
not are left alone: a copy adds and refreshes, it never deletes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kg.store.base import ONTOLOGY_GRAPH, Store, ontology_ntriples

TRIPLES_PER_WRITE = 20_000  # graphs are written in batches of about this many triples


@dataclass(frozen=True)
class CopySummary:
    copied: int
    unchanged: int
    triples: int

    def describe(self, verb: str) -> str:
        total = self.copied + self.unchanged
        return (
            f"{total} graph(s): {self.copied} {verb}, {self.unchanged} already there "
            f"({self.triples} triples {verb})."
        )


def copy_graphs(
    source: Store,
    target: Store,
    *,
    on_start: Callable[[int], None] | None = None,
    on_graph: Callable[[str], None] | None = None,
) -> CopySummary:
    """Make ``target`` hold every release graph of ``source``, as ``source`` has it."""
    wanted = source.graph_sizes()
    present = target.graph_sizes()
    todo = sorted(g for g, size in wanted.items() if present.get(g) != size)
    if on_start is not None:
        on_start(len(todo))
    batch: dict[str, str] = {}
    size = 0
    for graph, ntriples in source.graphs_ntriples(todo):
        batch[graph] = ntriples
        size += wanted[graph]
        if size >= TRIPLES_PER_WRITE:
            _write(target, batch, on_graph)
            size = 0
    _write(target, batch, on_graph)
    # The ontology's graph too, the way the release graphs went: the canned queries read their
    # words from it.
    target.replace_graphs({ONTOLOGY_GRAPH: ontology_ntriples()})
    target.flush()
    return CopySummary(len(todo), len(wanted) - len(todo), sum(wanted[g] for g in todo))


def _write(target: Store, batch: dict[str, str], on_graph: Callable[[str], None] | None) -> None:
    if not batch:
        return
    target.replace_graphs(batch)
    if on_graph is not None:
        for graph in batch:
            on_graph(graph)
    batch.clear()
