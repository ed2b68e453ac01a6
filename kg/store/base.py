"""The one interface every kg store offers, and the logic the stores share.

A kg store holds one named graph per release. Two implementations: the embedded Oxigraph
store on disk (:mod:`kg.store.embedded`) and any SPARQL 1.1 server (:mod:`kg.store.remote`).
Everything here is written in SPARQL over the few primitives a subclass supplies (run a query,
apply an update, read one graph), so both stores plan and apply a load the same way, and the
rest of kg does not know which store it has.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

import pyoxigraph as ox

from kg.errors import QueryError

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.namespace import ClosedNamespace

Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
# The ontology is kept in the store as a named graph of its own, so that any client can ask it
# (the labels and comments of kg's terms; the words of its concept schemes, which the canned
# queries read). It is not a release graph: named_graphs() and len() leave it out.
ONTOLOGY_GRAPH = "https://w3id.org/biopharma-kg/ontology"
# What several releases say about one organisation, compound or event, joined (kg.identity):
# derived from the release graphs after every ingest, and not a release graph either.
IDENTITY_GRAPH = "https://w3id.org/biopharma-kg/id/graph/identity"
DERIVED_GRAPHS = (ONTOLOGY_GRAPH, IDENTITY_GRAPH)


class Loadable(Protocol):
    """A release graph ready to load: :class:`kg.build.ReleaseGraph`, or its N-Triples form
    sent back from a worker process."""

    @property
    def iri(self) -> object: ...
    @property
    def release(self) -> object: ...
    @property
    def source(self) -> str: ...
    @property
    def ntriples(self) -> str: ...


class LoadOutcome(Enum):
    ADDED = "added"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class StoredRelease:
    graph: str
    release: str
    sources: tuple[str, ...]


class Store(ABC):
    """A kg store: release graphs, plus the bookkeeping of which release came from where.

    ``location`` names the store in messages (a folder, or a server's URL).
    """

    location: str
    read_only: bool

    # -- opening ---------------------------------------------------------------------------

    @staticmethod
    def open(path: Path | str | None, *, read_only: bool = False) -> Store:
        """The embedded store at ``path`` (created if need be); ``None`` is one in memory."""
        from kg.store.embedded import EmbeddedStore

        return EmbeddedStore.open(path, read_only=read_only)

    def close(self) -> None:  # noqa: B027 (most stores hold nothing open)
        """Release what the store holds open (the embedded store flushes to disk)."""

    def flush(self) -> None:  # noqa: B027 (a server makes its own writes durable)
        """Make what was written durable; a long ingest calls this every few thousand releases."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- what a store supplies -------------------------------------------------------------

    @abstractmethod
    def query(self, sparql: str, *, union_default_graph: bool = False) -> Result:
        """Run a read-only SPARQL query; with ``union_default_graph`` the default graph is the
        union of the release graphs (handy ad hoc; canned queries say ``GRAPH ?g`` instead)."""

    @abstractmethod
    def _update(self, update: str) -> None:
        """Apply one SPARQL update request, wholly or not at all."""

    @abstractmethod
    def graph_ntriples(self, graph: str) -> str:
        """One named graph as N-Triples text."""

    @abstractmethod
    def named_graphs(self) -> Iterator[str]:
        """The release graphs' IRIs."""

    @abstractmethod
    def __len__(self) -> int:
        """How many quads the release graphs hold."""

    @abstractmethod
    def dump(
        self, output: BinaryIO, fmt: ox.RdfFormat, prefixes: dict[str, str] | None = None
    ) -> None:
        """Write every release graph to ``output`` in a dataset format (N-Quads, TriG...)."""

    @abstractmethod
    def union_triples(self) -> Iterator[ox.Triple]:
        """Every distinct triple of every release graph, sorted (the Turtle export's view)."""

    # -- writing ---------------------------------------------------------------------------

    def load_release(self, release: Loadable) -> LoadOutcome:
        """Put a release's graph in the store, replacing what the same source gave before.

        The same text under a second file name is the same release: its graph stays, and the
        new file name is recorded as one more source.
        """
        return self.load_releases([release])[0]

    def load_releases(self, releases: Iterable[Loadable]) -> list[LoadOutcome]:
        """Load several releases; each request the store receives is applied whole or not at
        all, so every release is wholly present or absent whatever happens meanwhile. The
        first load a store object makes also brings its ontology graph up to date."""
        batch = list(releases)
        plans = self._plan_loads(batch)
        updates = [update for _, update in plans if update]
        if updates and not getattr(self, "_ontology_refreshed", False):
            updates.insert(0, ontology_update())
        self._apply(updates)
        if updates:
            self._ontology_refreshed = True
        return [outcome for outcome, _ in plans]

    def refresh_ontology(self) -> None:
        """Replace the store's ontology graph with the ontology this kg ships."""
        self._update(ontology_update())
        self._ontology_refreshed = True

    def has_ontology(self) -> bool:
        return bool(self.query(f"ASK {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}"))

    def derived_graphs(self) -> list[str]:
        """The ontology's and the identity links' graphs, those the store holds."""
        return [g for g in DERIVED_GRAPHS if self.query(f"ASK {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")]

    def _apply(self, updates: Sequence[str]) -> None:
        """Apply each release's update; the embedded store applies a batch as one transaction."""
        if updates:
            self._update(" ;\n".join(updates))

    def _plan_loads(self, batch: Sequence[Loadable]) -> list[tuple[LoadOutcome, str]]:
        """The update that loads each release, and what it will amount to, from three lookups
        for the whole batch (not several per release: a server is a round trip away). Each
        plan updates the picture the next one sees, as if applied in order."""
        if not batch:
            return []
        graphs_of_source = self._graphs_of_sources({r.source for r in batch})
        known = {str(r.iri) for r in batch} | {g for gs in graphs_of_source.values() for g in gs}
        sources_of_graph = self._sources_of_graphs(known)
        holding = self._graphs_holding_triples({str(r.iri) for r in batch})
        return [self._plan_load(r, graphs_of_source, sources_of_graph, holding) for r in batch]

    def _plan_load(
        self,
        release: Loadable,
        graphs_of_source: dict[str, set[str]],
        sources_of_graph: dict[str, set[str]],
        holding: set[str],
    ) -> tuple[LoadOutcome, str]:
        iri, source = str(release.iri), release.source
        graph, term = ox.NamedNode(iri), ox.Literal(source)
        previous = sorted(graphs_of_source.get(source, set()) - {iri})
        steps = []
        for old in previous:  # the graph this file gave before it changed
            others = sources_of_graph.get(old, set()) - {source}
            if others:  # the same text under other names stays; this name leaves it
                steps.append(f"DELETE WHERE {{ GRAPH <{old}> {{ ?r {source_term()} {term} }} }}")
            else:
                steps.append(f"DROP SILENT GRAPH <{old}>")
            sources_of_graph[old] = others
        sources = sources_of_graph.setdefault(iri, set())
        if not sources:  # a release graph always names its source: no source, no graph
            # Drop whatever a broken load left there, but only in a graph that held triples when
            # the batch began (the others are empty, or were dropped by an earlier step): Oxigraph
            # drops a graph by reading the transaction's writes so far, and that made a batch of
            # new releases twice as dear to load.
            if iri in holding:
                steps.append(f"DROP SILENT GRAPH {graph}")
            steps.append(f"INSERT DATA {{ GRAPH {graph} {{\n{release.ntriples}\n}} }}")
            outcome = LoadOutcome.REPLACED if previous else LoadOutcome.ADDED
        elif source not in sources:  # the same text under another file name
            node = ox.NamedNode(str(release.release))
            steps.append(f"INSERT DATA {{ GRAPH {graph} {{ {node} {source_term()} {term} }} }}")
            outcome = LoadOutcome.ADDED
        else:
            outcome = LoadOutcome.REPLACED if previous else LoadOutcome.UNCHANGED
        sources.add(source)
        graphs_of_source[source] = {iri}
        return outcome, " ;\n".join(steps)

    def replace_graphs(self, graphs: Mapping[str, str]) -> None:
        """Make each named graph hold exactly the given N-Triples (``kg push``/``kg pull``)."""
        holding = self._graphs_holding_triples(graphs) if graphs else set()
        updates = []
        for g, nt in graphs.items():
            drop = f"DROP SILENT GRAPH <{g}> ;\n" if g in holding else ""  # why: see _plan_load
            updates.append(f"{drop}INSERT DATA {{ GRAPH <{g}> {{\n{nt}\n}} }}")
        self._apply(updates)

    def update(self, sparql: str) -> None:
        """Apply a user's SPARQL update (the CLI allows it only when asked explicitly)."""
        try:
            self._update(sparql)
        except SyntaxError as err:
            raise QueryError(f"the SPARQL update does not parse: {err}") from err

    # -- reading ---------------------------------------------------------------------------

    def _graphs_of_sources(self, sources: Iterable[str]) -> dict[str, set[str]]:
        values = " ".join(str(ox.Literal(s)) for s in sorted(sources))  # escaped RDF terms
        query = f"""
            SELECT ?g ?s WHERE {{ VALUES ?s {{ {values} }}
                                  GRAPH ?g {{ ?r {source_term()} ?s }} }}"""
        found: dict[str, set[str]] = {}
        for row in self.query(query):
            found.setdefault(row["s"].value, set()).add(row["g"].value)
        return found

    def _sources_of_graphs(self, graphs: Iterable[str]) -> dict[str, set[str]]:
        values = " ".join(f"<{ox.NamedNode(g).value}>" for g in sorted(graphs))
        query = f"""
            SELECT ?g ?s WHERE {{ VALUES ?g {{ {values} }}
                                  GRAPH ?g {{ ?r {source_term()} ?s }} }}"""
        found: dict[str, set[str]] = {}
        for row in self.query(query):
            found.setdefault(row["g"].value, set()).add(row["s"].value)
        return found

    def _graphs_holding_triples(self, graphs: Iterable[str]) -> set[str]:
        values = " ".join(f"<{ox.NamedNode(g).value}>" for g in sorted(graphs))
        query = f"""
            SELECT ?g WHERE {{ VALUES ?g {{ {values} }}
                               FILTER EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} }} }}"""
        return {row["g"].value for row in self.query(query)}

    def graphs_for_source(self, source: str) -> list[str]:
        return sorted(self._graphs_of_sources([source]).get(source, set()))

    def releases(self) -> list[StoredRelease]:
        query = f"""
            SELECT ?g ?r ?s WHERE {{
              GRAPH ?g {{ ?r a {release_class_term()} ; {source_term()} ?s }}
            }}"""
        sources: dict[tuple[str, str], list[str]] = {}
        for row in self.query(query):
            sources.setdefault((row["g"].value, row["r"].value), []).append(row["s"].value)
        return [
            StoredRelease(graph, release, tuple(sorted(found)))
            for (graph, release), found in sorted(sources.items())
        ]

    def loaded_sources(self) -> set[tuple[str, str]]:
        """Every (graph, source) pair in the store: what a rerun may skip without reading."""
        query = f"SELECT DISTINCT ?g ?s WHERE {{ GRAPH ?g {{ ?r {source_term()} ?s }} }}"
        return {(row["g"].value, row["s"].value) for row in self.query(query)}

    def graph_sizes(self) -> dict[str, int]:
        """How many triples each release graph holds: what ``kg push``/``kg pull`` compare."""
        query = f"""
            SELECT ?g (COUNT(*) AS ?n) WHERE {{
              {{ SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?r a {release_class_term()} }} }} }}
              GRAPH ?g {{ ?s ?p ?o }}
            }} GROUP BY ?g"""
        return {row["g"].value: int(row["n"].value) for row in self.query(query)}

    def graph(self, graph: str) -> Graph:
        """One named graph copied into an rdflib graph (for validation or inspection)."""
        from rdflib import Graph

        return Graph(identifier=graph).parse(data=self.graph_ntriples(graph), format="nt")

    def graphs_ntriples(self, graphs: Iterable[str]) -> Iterator[tuple[str, str]]:
        """Several named graphs as N-Triples, one pair each (a server reads them in batches)."""
        for graph in graphs:
            yield graph, self.graph_ntriples(graph)

    def quads(self, graphs: Iterable[str] | None = None) -> Iterator[ox.Quad]:
        """The release graphs' quads, graph by graph."""
        names = sorted(self.named_graphs()) if graphs is None else list(graphs)
        for graph, text in self.graphs_ntriples(names):
            name = ox.NamedNode(graph)
            for triple in ox.parse(text, format=ox.RdfFormat.N_TRIPLES):
                yield ox.Quad(triple.subject, triple.predicate, triple.object, name)


def ontology_triples() -> list[ox.Triple]:
    """``ontology/kg.ttl`` as the store keeps it: its blank nodes (the members of a union, the
    disjoint classes) given IRIs of their own, numbered in the file's order (RDF 1.1
    skolemisation), so every store holds the same graph and servers that refuse blank nodes
    in INSERT DATA (Virtuoso) take it."""
    from kg.resources import ontology_file

    names: dict[str, ox.NamedNode] = {}

    def named(term: ox.Term) -> ox.Term:
        if not isinstance(term, ox.BlankNode):
            return term
        if term.value not in names:
            names[term.value] = ox.NamedNode(f"{SKOLEM}{len(names) + 1}")
        return names[term.value]

    triples = ox.parse(ontology_file().read_bytes(), format=ox.RdfFormat.TURTLE)
    return [ox.Triple(named(t.subject), t.predicate, named(t.object)) for t in triples]


SKOLEM = ONTOLOGY_GRAPH + "/.well-known/genid/"


def ontology_ntriples() -> str:
    return ox.serialize(ontology_triples(), format=ox.RdfFormat.N_TRIPLES).decode()


def ontology_update() -> str:
    """The SPARQL update that replaces the ontology graph with ``ontology/kg.ttl``."""
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    return (
        f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{ontology_ntriples()}}} }}"
    )


def kg_terms() -> ClosedNamespace:
    """The ontology's terms, imported when first needed: kg.namespace pulls in rdflib (80 ms),
    which a read-only query never uses."""
    from kg.namespace import KG

    return KG


def source_term() -> str:
    return f"<{kg_terms().source}>"


def release_class_term() -> str:
    return f"<{kg_terms().Release}>"
