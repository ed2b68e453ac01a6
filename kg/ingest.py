"""Ingest: the data's whole path for each file, read -> extract -> build -> validate -> load.

Each release is handled on its own: a file that cannot be read, or whose graph fails the
shapes, is reported with its name and reason and skipped; the others still go in. A release
goes into the store only after its graph conforms.

The CPU work (reading, extraction, building, SHACL) runs in worker processes when there are
enough files to repay starting them; the main process loads the conforming graphs in batches,
one transaction per batch (whatever has come in whenever the workers have nothing ready), so
the store never holds half a release and a killed run loses at most the batch in flight. A
rerun skips files whose text is already stored from that source before any extraction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from kg.build import ReleaseGraph, build_graph
from kg.errors import ReleaseReadError
from kg.identity import IdentitySummary, refresh_identity
from kg.read import Release, find_release_files, read_release
from kg.resolve import graph_iri
from kg.store import IDENTITY_GRAPH, LoadOutcome, Store
from kg.validate import (
    ReleaseValidator,
    ValidationReport,
    Violation,
    shared_validator,
    worker_count,
)

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext
    from multiprocessing.pool import IMapIterator

BATCH_SIZE = 200  # releases per transaction: large enough to amortise, small enough to lose
# Fewest releases loaded while the workers have no result ready: a load costs about the same
# per release from 25 releases a batch up, and the releases that arrive during one are the
# next batch, so the batch left when the workers finish stays small.
IDLE_LOAD_MIN = 25
FLUSH_EVERY = 2_000  # releases between store flushes: bounds RocksDB's memory (about 300 MB)
MIN_FILES_PER_WORKER = 40  # below this, starting worker processes costs more than it saves
# Files a worker takes at a time (Pool.imap's chunks, made here: with a chunksize above 1 it
# hands back a plain generator, which cannot tell whether the next result is ready).
CHUNK_SIZE = 8
WORKER_MODULES = ["kg.ingest", "kg.extract.pipeline"]  # what a worker runs, preloaded once


class Status(Enum):
    ADDED = "added"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"
    UNREADABLE = "unreadable"
    INVALID = "invalid"


@dataclass(frozen=True)
class FileResult:
    """What happened to one input file."""

    source: str
    status: Status
    reason: str | None = None
    warnings: tuple[str, ...] = ()
    violations: tuple[Violation, ...] = ()
    graph: str | None = None

    @property
    def ok(self) -> bool:
        return self.status not in (Status.UNREADABLE, Status.INVALID)


@dataclass(frozen=True)
class Prepared:
    """A conforming release graph in N-Triples, as a worker hands it back for loading."""

    iri: str
    release: str
    source: str
    ntriples: str
    warnings: tuple[str, ...]


@dataclass
class IngestSummary:
    results: list[FileResult] = field(default_factory=list)
    identity: IdentitySummary | None = None  # the links across releases, when rewritten

    def count(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status is status)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if not r.ok]


def prepare_release(
    release: Release, validator: ReleaseValidator | None = None
) -> tuple[ReleaseGraph, ValidationReport, tuple[str, ...]]:
    """Extract a release's facts, build its graph and validate it (nothing touches the store)."""
    from kg.extract import extract

    facts = extract(release)
    graph = build_graph(release, facts)
    report = (validator or shared_validator()).validate_release(graph)
    return graph, report, (*release.warnings, *facts.warnings)


def process_file(path: Path, loaded: frozenset[tuple[str, str]]) -> FileResult | Prepared:
    """Everything but loading, for one file: a :class:`Prepared` graph, or why there is none."""
    try:
        release = read_release(path)
    except ReleaseReadError as err:
        return FileResult(str(path), Status.UNREADABLE, reason=err.reason)
    graph = str(graph_iri(release.content_hash))
    if (graph, release.source) in loaded:
        return FileResult(release.source, Status.UNCHANGED, graph=graph)
    try:
        release_graph, report, warnings = prepare_release(release)
    except Exception as err:  # a bug met on one release must not end a 100,000-file run
        reason = f"kg failed on it ({type(err).__name__}: {err}); please report this release"
        return FileResult(release.source, Status.INVALID, reason=reason)
    if not report.conforms:
        return FileResult(
            release.source,
            Status.INVALID,
            reason="its graph does not conform to the shapes",
            warnings=warnings,
            violations=tuple(report.violations),
        )
    return Prepared(
        graph, str(release_graph.release), release.source, release_graph.ntriples, warnings
    )


def ingest_paths(
    paths: Iterable[Path | str],
    store: Store,
    on_result: Callable[[FileResult], None] | None = None,
    *,
    on_start: Callable[[int], None] | None = None,
    workers: int | None = None,
    batch_size: int = BATCH_SIZE,
    any_suffix: bool = False,
) -> IngestSummary:
    """Ingest every release file under ``paths``; bad files are reported, never fatal.

    ``workers`` is the number of processes doing the CPU work (default: one per core, or
    none at all for a handful of files). A file named one by one is read only if it is a
    release file (.txt, .md, .html, .htm) unless ``any_suffix``. ``on_start`` hears how many
    files there are; ``on_result`` hears about each file as it is done.
    """
    summary = IngestSummary()

    def report(result: FileResult) -> None:
        summary.results.append(result)
        if on_result is not None:
            on_result(result)

    files: list[Path] = []
    for found in find_release_files(paths, any_suffix=any_suffix):
        if isinstance(found, ReleaseReadError):
            report(FileResult(found.path, Status.UNREADABLE, reason=found.reason))
        else:
            files.append(found)
    if on_start is not None:
        on_start(len(files) + len(summary.results))
    pool = worker_count(workers, len(files), MIN_FILES_PER_WORKER)
    if pool > 1:
        _start_fork_server()
    store.refresh_ontology()  # the store's copy of the ontology follows this kg's
    loaded = frozenset(store.loaded_sources())
    loader = _Loader(store, report, batch_size)
    for outcome in _process_all(files, loaded, pool):
        if outcome is None:  # the workers have nothing ready: load what has come in meanwhile
            loader.load(minimum=min(batch_size, IDLE_LOAD_MIN))
        elif isinstance(outcome, FileResult):
            report(outcome)
        else:
            loader.add(outcome)
    loader.load()
    changed = summary.count(Status.ADDED) or summary.count(Status.REPLACED)
    if changed or IDENTITY_GRAPH not in store.derived_graphs():
        summary.identity = _refresh_identity_while_flushing(store)
    return summary


class _Loader:
    """Loads conforming releases in batches, one transaction each, and flushes the store every
    :data:`FLUSH_EVERY` releases."""

    def __init__(self, store: Store, report: Callable[[FileResult], None], batch_size: int) -> None:
        self.store = store
        self.report = report
        self.batch_size = batch_size
        self.batch: list[Prepared] = []
        self.since_flush = 0

    def add(self, prepared: Prepared) -> None:
        self.batch.append(prepared)
        if len(self.batch) >= self.batch_size:
            self.load()

    def load(self, minimum: int = 1) -> None:
        """Load the batch so far, if it holds at least ``minimum`` releases."""
        if len(self.batch) < minimum:
            return
        statuses = {LoadOutcome.ADDED: Status.ADDED, LoadOutcome.REPLACED: Status.REPLACED}
        outcomes = self.store.load_releases(self.batch)
        for prepared, outcome in zip(self.batch, outcomes, strict=True):
            status = statuses.get(outcome, Status.UNCHANGED)
            self.report(
                FileResult(prepared.source, status, warnings=prepared.warnings, graph=prepared.iri)
            )
        self.since_flush += len(self.batch)
        self.batch = []
        if self.since_flush >= FLUSH_EVERY:
            self.store.flush()
            self.since_flush = 0


def _refresh_identity_while_flushing(store: Store) -> IdentitySummary:
    """Recompute the identity links while the store writes the loaded releases out to disk.

    The refresh is the first step after the last load (about 1 s at 1,000 releases) and the
    flush on closing the store the next (about 0.5 s): RocksDB flushes outside Python's lock,
    on the other core, while this thread reads the releases' names and facts, so closing the
    store is left with the identity graph to write out.
    """
    with ThreadPoolExecutor(max_workers=1) as flushing:
        flushed = flushing.submit(store.flush)
        identity = refresh_identity(store)
        flushed.result()  # raises here if the flush failed
    return identity


def _process_all(
    files: list[Path], loaded: frozenset[tuple[str, str]], workers: int
) -> Iterator[FileResult | Prepared | None]:
    """Process files in order, in this process or in a pool of ``workers`` processes (whose
    results come with ``None`` marks where the next was not ready yet)."""
    if workers <= 1:
        for path in files:
            yield process_file(path, loaded)
        return
    chunks = [files[i : i + CHUNK_SIZE] for i in range(0, len(files), CHUNK_SIZE)]
    with _worker_context().Pool(workers, initializer=_init_worker, initargs=(loaded,)) as pool:
        for chunk in _with_idle_marks(pool.imap(_process_in_worker, chunks)):
            yield from chunk if chunk is not None else (None,)


def _worker_context() -> BaseContext:
    """Where the worker processes come from.

    forkserver: the pool must not inherit the open store (RocksDB threads do not survive
    fork). The fork server imports the workers' code once and each worker is forked from it
    with the extractor's patterns already compiled, instead of every worker importing it afresh
    (about 0.35 s of CPU each). Importing them starts no thread (no store is opened there), so
    the fork server can still fork safely.
    """
    import multiprocessing

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(WORKER_MODULES)
    return context


def _start_fork_server() -> None:
    """Start the fork server before the pool: its imports (about 0.4 s) then overlap this
    process's own start (the store's ontology, the sources already loaded)."""
    from multiprocessing import forkserver

    _worker_context()
    forkserver.ensure_running()


def _with_idle_marks(results: IMapIterator) -> Iterator[list[FileResult | Prepared] | None]:
    """The pool's results in order, with ``None`` before each one that was not ready yet.

    The main process has nothing else to do while it waits, so it loads the batch so far then:
    loading only full batches left the last one (about 0.5 s at 200 releases) to load after
    the workers had finished, with one core idle.
    """
    from multiprocessing import TimeoutError as NotReady

    while True:
        try:
            outcome = results.next(timeout=0)
        except NotReady:
            yield None
            try:
                outcome = results.next()
            except StopIteration:
                return
        except StopIteration:
            return
        yield outcome


_worker_loaded: frozenset[tuple[str, str]] = frozenset()


def _init_worker(loaded: frozenset[tuple[str, str]]) -> None:
    global _worker_loaded
    _worker_loaded = loaded


def _process_in_worker(paths: list[Path]) -> list[FileResult | Prepared]:
    return [process_file(path, _worker_loaded) for path in paths]
