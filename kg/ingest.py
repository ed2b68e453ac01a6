"""Ingest: the data's whole path for each file, read -> extract -> build -> validate -> load.

Each release is handled on its own: a file that cannot be read, or whose graph fails the
shapes, is reported with its name and reason and skipped; the others still go in. A release
goes into the store only after its graph conforms, in one transaction, so the store never
holds half a release.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from kg.build import ReleaseGraph, build_graph
from kg.errors import ReleaseReadError
from kg.read import Release, find_release_files, read_release
from kg.resolve import graph_iri
from kg.store import LoadOutcome, Store
from kg.validate import ValidationReport, validate_graph


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
    report: ValidationReport | None = None
    graph: str | None = None

    @property
    def ok(self) -> bool:
        return self.status not in (Status.UNREADABLE, Status.INVALID)


@dataclass
class IngestSummary:
    results: list[FileResult] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status is status)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if not r.ok]


def prepare_release(release: Release) -> tuple[ReleaseGraph, ValidationReport, tuple[str, ...]]:
    """Extract a release's facts, build its graph and validate it (nothing touches the store)."""
    from kg.extract import extract

    facts = extract(release)
    graph = build_graph(release, facts)
    report = validate_graph(graph.graph)
    return graph, report, (*release.warnings, *facts.warnings)


def ingest_file(path: Path, store: Store) -> FileResult:
    """Read, extract, validate and load one release file."""
    try:
        release = read_release(path)
    except ReleaseReadError as err:
        return FileResult(str(path), Status.UNREADABLE, reason=err.reason)
    if store.has_release(str(graph_iri(release.content_hash)), release.source):
        return FileResult(
            release.source, Status.UNCHANGED, graph=str(graph_iri(release.content_hash))
        )
    graph, report, warnings = prepare_release(release)
    if not report.conforms:
        return FileResult(
            release.source,
            Status.INVALID,
            reason="its graph does not conform to the shapes",
            warnings=warnings,
            report=report,
        )
    outcome = store.load_release(graph)
    status = {LoadOutcome.ADDED: Status.ADDED, LoadOutcome.REPLACED: Status.REPLACED}.get(
        outcome, Status.UNCHANGED
    )
    return FileResult(
        release.source, status, warnings=warnings, report=report, graph=str(graph.iri)
    )


def ingest_paths(
    paths: Iterable[Path | str],
    store: Store,
    on_result: Callable[[FileResult], None] | None = None,
) -> IngestSummary:
    """Ingest every release file under ``paths``; bad files are reported, never fatal."""
    summary = IngestSummary()
    for result in _ingest_each(paths, store):
        summary.results.append(result)
        if on_result is not None:
            on_result(result)
    return summary


def _ingest_each(paths: Iterable[Path | str], store: Store) -> Iterator[FileResult]:
    for found in find_release_files(paths):
        if isinstance(found, ReleaseReadError):
            yield FileResult(found.path, Status.UNREADABLE, reason=found.reason)
        else:
            yield ingest_file(found, store)
