"""The embedded store: one named graph per release in an Oxigraph (RocksDB) store on disk.

Oxigraph was chosen by measurement (``../shared/perf-landscape.md``): at 1,000 releases its
SPARQL answered research queries in 3-16 ms where rdflib's engine took 2-61 s, and it loads
and serialises 10-60x faster. Every write here is one SPARQL update, which Oxigraph applies
in a single transaction: a release is wholly present or absent, even if the process is killed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.store.base import DERIVED_GRAPHS, Result, Store

STORE_ENV = "KG_STORE"


def default_store_path() -> Path:
    """``$KG_STORE``, else ``$XDG_DATA_HOME/kg/store`` (``~/.local/share/kg/store``)."""
    if os.environ.get(STORE_ENV):
        return Path(os.environ[STORE_ENV])
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "kg" / "store"


class EmbeddedStore(Store):
    """An Oxigraph store on disk (or in memory), opened by this process."""

    def __init__(self, oxigraph_store: ox.Store, path: Path | None, read_only: bool) -> None:
        self.ox = oxigraph_store
        self.path = path
        self.location = str(path) if path is not None else "(memory)"
        self.read_only = read_only

    @classmethod
    def open(cls, path: Path | str | None, *, read_only: bool = False) -> EmbeddedStore:
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
        if not path.exists() or (path.is_dir() and not any(path.iterdir())):
            _create_whole(path)
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

    def _update(self, update: str) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.path} is open read-only")
        try:
            self.ox.update(update)
        except OSError as err:
            raise StoreError(f"cannot write the store at {self.path}: {err}") from err

    def query(self, sparql: str, *, union_default_graph: bool = False) -> Result:
        try:
            return self.ox.query(sparql, use_default_graph_as_union=union_default_graph)
        except SyntaxError as err:  # kept as the cause: kg sparql shows where it failed
            raise QueryError(f"the SPARQL query does not parse: {err}") from err
        except OSError as err:
            raise StoreError(f"cannot read the store at {self.path}: {err}") from err

    def graph_ntriples(self, graph: str) -> str:
        """One named graph as N-Triples text, without going through rdflib."""
        quads = self.ox.quads_for_pattern(None, None, None, ox.NamedNode(graph))
        triples = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()

    def named_graphs(self) -> Iterator[str]:
        """The release graphs (not the ontology's, nor the identity links')."""
        for graph in self.ox.named_graphs():
            if graph.value not in DERIVED_GRAPHS:
                yield graph.value

    def __len__(self) -> int:
        """The quads of the release graphs (the derived graphs are not counted)."""
        return len(self.ox) - sum(self._graph_size(graph) for graph in DERIVED_GRAPHS)

    def _graph_size(self, graph: str) -> int:
        # Counted by the query engine: iterating the quads in Python took about 0.2 s at 1,000
        # releases (the identity graph's 18,000 quads), at the end of every ingest.
        counted = self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        return int(next(iter(counted))[0].value)

    def dump(
        self, output: BinaryIO, fmt: ox.RdfFormat, prefixes: dict[str, str] | None = None
    ) -> None:
        """Every graph: the releases' and the ontology's."""
        self.ox.dump(output, format=fmt, prefixes=prefixes)

    def union_triples(self) -> Iterator[ox.Triple]:
        """Every distinct triple of every graph, sorted, one subject at a time.

        Only the subjects are held in memory, not the triples: at 100,000 releases (12 million
        quads) a set of every triple took gigabytes. Each subject's triples are looked up by
        index across the graphs, de-duplicated and sorted.
        """
        ontology, identity = (ox.NamedNode(graph) for graph in DERIVED_GRAPHS)
        every_subject = f"""SELECT DISTINCT ?s WHERE {{
            {{ ?s ?p ?o }} UNION
            {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {ontology} && ?g != {identity}) }}
        }}"""
        found = self.query(every_subject)
        for subject in sorted((row[0] for row in found), key=str):
            triples = {
                ox.Triple(subject, q.predicate, q.object)
                for q in self.ox.quads_for_pattern(subject, None, None)
                if q.graph_name not in (ontology, identity)
            }
            yield from sorted(triples, key=lambda t: (str(t.predicate), str(t.object)))


def _create_whole(path: Path) -> None:
    """Create a new store beside ``path`` and move it into place once RocksDB has written all
    its column families: a process killed while creating it leaves no store that a reader
    cannot open, only a ``.creating`` folder that the next run replaces."""
    staging = path.with_name(f".{path.name}.creating")
    if staging.exists():
        shutil.rmtree(staging)
    try:
        created = _open_oxigraph(staging, read_only=False)
        created.flush()
        del created  # releases RocksDB's lock
        if path.exists():
            path.rmdir()  # an empty folder the user made for it
        os.replace(staging, path)
    except OSError as err:
        raise StoreError(
            f"cannot create the store at {path}: {err.strerror or err}",
            hint="choose a writable place with --store or KG_STORE",
        ) from err


def _open_oxigraph(path: Path, *, read_only: bool) -> ox.Store:
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
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
