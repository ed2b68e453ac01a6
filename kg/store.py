"""The embedded store: one named graph per release in an Oxigraph (RocksDB) store on disk.

Oxigraph was chosen by measurement (``../shared/perf-landscape.md``): at 1,000 releases its
SPARQL answered research queries in 3-16 ms where rdflib's engine took 2-61 s, and it loads
and serialises 10-60x faster. Every write here is one SPARQL update, which Oxigraph applies
in a single transaction: a release is wholly present or absent, even if the process is killed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

import pyoxigraph as ox

from kg.errors import QueryError, StoreError

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.namespace import ClosedNamespace

STORE_ENV = "KG_STORE"
Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
# The ontology is kept in the store as a named graph of its own, so that any client can ask it
# (the labels and comments of kg's terms; the words of its concept schemes, which the canned
# queries read). It is not a release graph: named_graphs() and len() leave it out.
ONTOLOGY_GRAPH = "https://w3id.org/biopharma-kg/ontology"


def default_store_path() -> Path:
    """``$KG_STORE``, else ``$XDG_DATA_HOME/kg/store`` (``~/.local/share/kg/store``)."""
    if os.environ.get(STORE_ENV):
        return Path(os.environ[STORE_ENV])
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "kg" / "store"


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


class Store:
    """A kg store: an Oxigraph store plus the bookkeeping of which release came from where."""

    def __init__(self, oxigraph_store: ox.Store, path: Path | None, read_only: bool) -> None:
        self.ox = oxigraph_store
        self.path = path
        self.read_only = read_only
        self._ontology_refreshed = False

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str | None, *, read_only: bool = False) -> Store:
        """Open (or create) the store at ``path``; ``None`` is a store in memory."""
        if path is None:
            return cls(ox.Store(), None, read_only=False)
        path = Path(path)
        if read_only:
            if not (path / "CURRENT").exists():
                raise StoreError(
                    f"no kg store at {path}",
                    hint="ingest releases first (kg ingest PATH), or pass --store / set KG_STORE",
                )
            return cls(_open_oxigraph(path, read_only=True), path, read_only=True)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)  # e.g. ~/.local/share/kg on first use
        except OSError as err:
            raise StoreError(
                f"cannot create the store at {path}: {err.strerror or err}",
                hint="choose a writable place with --store or KG_STORE",
            ) from err
        return cls(_open_oxigraph(path, read_only=False), path, read_only=False)

    def close(self) -> None:
        self.flush()
        del self.ox

    def flush(self) -> None:
        """Write what RocksDB holds in memory out to disk. Its in-memory tables otherwise grow
        with every write, about 1 KB a quad (1.3 GB after 10,000 releases); a long ingest
        calls this every few thousand releases to keep its memory flat."""
        if self.read_only or self.path is None:
            return
        try:
            self.ox.flush()
        except OSError as err:
            raise StoreError(f"cannot write the store at {self.path}: {err}") from err

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def load_release(self, release: Loadable) -> LoadOutcome:
        """Put a release's graph in the store, replacing what the same source gave before.

        The same text under a second file name is the same release: its graph stays, and the
        new file name is recorded as one more source.
        """
        return self.load_releases([release])[0]

    def load_releases(self, releases: Iterable[Loadable]) -> list[LoadOutcome]:
        """Load several releases in one transaction (all or none)."""
        outcomes: list[LoadOutcome] = []
        statements: list[str] = []
        if not self._ontology_refreshed:
            statements.append(ontology_update())
        for release in releases:
            outcome, update = self._plan_load(release)
            outcomes.append(outcome)
            if update:
                statements.append(update)
        if len(statements) > (0 if self._ontology_refreshed else 1):
            self._update(" ;\n".join(statements))
            self._ontology_refreshed = True
        return outcomes

    def refresh_ontology(self) -> None:
        """Replace the store's ontology graph with the ontology this kg ships (done anyway by
        the first load of a session)."""
        self._update(ontology_update())
        self._ontology_refreshed = True

    def has_ontology(self) -> bool:
        return self.ox.contains_named_graph(ox.NamedNode(ONTOLOGY_GRAPH))

    def _plan_load(self, release: Loadable) -> tuple[LoadOutcome, str]:
        """The update that loads one release, and what it will amount to."""
        graph = ox.NamedNode(str(release.iri))
        source = ox.Literal(release.source)
        previous = [g for g in self.graphs_for_source(release.source) if g != str(release.iri)]
        steps = [self._forget_source(ox.NamedNode(g), source) for g in previous]
        if not self.ox.contains_named_graph(graph):
            steps.append(f"INSERT DATA {{ GRAPH {graph} {{\n{release.ntriples}\n}} }}")
            outcome = LoadOutcome.REPLACED if previous else LoadOutcome.ADDED
        elif not self._has_source(graph, source):  # the same text under another file name
            node = ox.NamedNode(str(release.release))
            steps.append(f"INSERT DATA {{ GRAPH {graph} {{ {node} <{_kg().source}> {source} }} }}")
            outcome = LoadOutcome.ADDED
        else:
            outcome = LoadOutcome.REPLACED if previous else LoadOutcome.UNCHANGED
        return outcome, ";\n".join(steps)

    def _forget_source(self, graph: ox.NamedNode, source: ox.Literal) -> str:
        """Drop a graph that only this source gave, or just this source from a shared graph."""
        sources = self._sources(graph)
        if len(sources) <= 1:
            return f"DROP SILENT GRAPH {graph}"
        return f"DELETE WHERE {{ GRAPH {graph} {{ ?release <{_kg().source}> {source} }} }}"

    def update(self, sparql: str) -> None:
        """Apply a user's SPARQL update (the CLI allows it only when asked explicitly)."""
        try:
            self._update(sparql)
        except SyntaxError as err:
            raise QueryError(f"the SPARQL update does not parse: {err}") from err

    def _update(self, update: str) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.path} is open read-only")
        try:
            self.ox.update(update)
        except OSError as err:
            raise StoreError(f"cannot write the store at {self.path}: {err}") from err

    # -- reading ---------------------------------------------------------------------------

    def graphs_for_source(self, source: str) -> list[str]:
        term = ox.Literal(source)  # written as an escaped RDF term, never as pasted text
        query = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?r <{_kg().source}> {term} }} }}"
        return sorted(row["g"].value for row in self.ox.query(query))

    def _sources(self, graph: ox.NamedNode) -> list[str]:
        query = f"SELECT DISTINCT ?s WHERE {{ GRAPH {graph} {{ ?r <{_kg().source}> ?s }} }}"
        return [row["s"].value for row in self.ox.query(query)]

    def _has_source(self, graph: ox.NamedNode, source: ox.Literal) -> bool:
        return bool(self.ox.query(f"ASK {{ GRAPH {graph} {{ ?r <{_kg().source}> {source} }} }}"))

    def releases(self) -> list[StoredRelease]:
        query = f"""
            SELECT ?g ?r (GROUP_CONCAT(?s; separator="\\n") AS ?sources) WHERE {{
              GRAPH ?g {{ ?r a <{_kg().Release}> ; <{_kg().source}> ?s }}
            }} GROUP BY ?g ?r ORDER BY ?g"""
        return [
            StoredRelease(
                row["g"].value, row["r"].value, tuple(sorted(row["sources"].value.split("\n")))
            )
            for row in self.ox.query(query)
        ]

    def graph(self, graph: str) -> Graph:
        """One named graph copied into an rdflib graph (for validation or inspection)."""
        from rdflib import Graph

        return Graph(identifier=graph).parse(data=self.graph_ntriples(graph), format="nt")

    def query(self, sparql: str, *, union_default_graph: bool = False) -> Result:
        """Run a read-only SPARQL query; with ``union_default_graph`` the default graph is the
        union of the release graphs (handy ad hoc; canned queries say ``GRAPH ?g`` instead)."""
        try:
            return self.ox.query(sparql, use_default_graph_as_union=union_default_graph)
        except SyntaxError as err:
            raise QueryError(f"the SPARQL query does not parse: {err}") from err
        except OSError as err:
            raise StoreError(f"cannot read the store at {self.path}: {err}") from err

    def loaded_sources(self) -> set[tuple[str, str]]:
        """Every (graph, source) pair in the store: what a rerun may skip without reading."""
        query = f"SELECT DISTINCT ?g ?s WHERE {{ GRAPH ?g {{ ?r <{_kg().source}> ?s }} }}"
        return {(row["g"].value, row["s"].value) for row in self.ox.query(query)}

    def graph_ntriples(self, graph: str) -> str:
        """One named graph as N-Triples text, without going through rdflib."""
        quads = self.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph))
        triples = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()

    def named_graphs(self) -> Iterator[str]:
        """The release graphs (not the ontology's)."""
        for graph in self.ox.named_graphs():
            if graph.value != ONTOLOGY_GRAPH:
                yield graph.value

    def __len__(self) -> int:
        """The quads of the release graphs (the ontology's graph is not counted)."""
        ontology = self.ox.quads_for_pattern(None, None, None, ox.NamedNode(ONTOLOGY_GRAPH))
        return len(self.ox) - sum(1 for _ in ontology)

    def dump(
        self, output: BinaryIO, fmt: ox.RdfFormat, prefixes: dict[str, str] | None = None
    ) -> None:
        self.ox.dump(output, format=fmt, prefixes=prefixes)


def ontology_update() -> str:
    """The SPARQL update that replaces the ontology graph with ``ontology/kg.ttl``."""
    from kg.resources import ontology_file

    triples = ox.parse(ontology_file().read_bytes(), format=ox.RdfFormat.TURTLE)
    text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    return f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{text}}} }}"


def _kg() -> ClosedNamespace:
    """The ontology's terms, imported when a method first needs one: kg.namespace pulls in
    rdflib (80 ms), which a read-only query never uses."""
    from kg.namespace import KG

    return KG


def _open_oxigraph(path: Path, *, read_only: bool) -> ox.Store:
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except RuntimeError as err:
        # A store whose first write never finished (its writer was killed at once) has no
        # storage version yet, and a read-only open cannot write one: open it for writing
        # once, which does, then read it.
        if not read_only or "read-write" not in str(err):
            raise StoreError(f"cannot open the store at {path}: {err}") from err
        _open_oxigraph(path, read_only=False).flush()
        return _open_oxigraph(path, read_only=True)
    except OSError as err:
        message = str(err)
        if "lock" in message.lower():
            raise StoreError(
                f"the store at {path} is in use by another kg process",
                hint="wait for the other command to finish (queries can run meanwhile)",
            ) from err
        if "permission" in message.lower() or "read-only" in message.lower():
            raise StoreError(
                f"cannot write the store at {path}: {message}",
                hint="choose a writable place with --store or KG_STORE",
            ) from err
        raise StoreError(f"cannot open the store at {path}: {message}") from err
