"""Validate a release's graph against the SHACL shapes before it may be loaded.

The graph of one release (about a hundred triples) is validated on its own, in memory, with
pySHACL: validating over the whole store is what makes SHACL slow, and a release's shapes only
ever look inside that release. Results of severity ``sh:Warning`` are reported but do not stop
a release from loading (``allow_warnings``).

pySHACL is the reference engine and writes every report. For the ingest gate,
:class:`ReleaseValidator` first asks pyrudof (Rust), which keeps the shapes loaded and gives
the same verdicts about 15x faster (2.5 against 35-45 ms a release; and a test holds the two
engines to the same verdict on every shape's breaking graph); only a release it rejects is
validated again by pySHACL, for the full report.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from kg.errors import ShapesError
from kg.namespace import KG
from kg.resources import shapes_file

if TYPE_CHECKING:
    from kg.build import ReleaseGraph
    from kg.store import Store

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    """One SHACL result, with the sentence the offending fact came from when it has one."""

    focus: str
    path: str | None
    component: str
    message: str
    severity: str
    value: str | None = None
    sentence: str | None = None

    def describe(self) -> str:
        where = f" ({_short(self.path)})" if self.path else ""
        line = f"{self.severity}: {_short(self.focus)}{where}: {self.message}"
        if self.sentence:
            line += f'\n    evidence: "{_clip(self.sentence)}"'
        return line


@dataclass(frozen=True)
class ValidationReport:
    """What pySHACL says: conforms, the W3C report graph, and the results readably."""

    conforms: bool
    graph: Graph
    violations: list[Violation] = field(default_factory=list)

    @property
    def text(self) -> str:
        if not self.violations:
            return "Conforms: the graph passes every shape."
        lines = [f"{len(self.violations)} result(s):"]
        lines += [v.describe() for v in self.violations]
        return "\n".join(lines)


@lru_cache(maxsize=1)
def load_shapes() -> Graph:
    """The shapes graph, parsed once per process."""
    try:
        return Graph().parse(data=shapes_file().read_text(encoding="utf-8"), format="turtle")
    except Exception as err:  # a broken shapes file is a shapes error, whatever the parser raises
        raise ShapesError(f"cannot load the SHACL shapes: {err}") from err


def validate_graph(data: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``data`` (one release's graph, or any graph) against the shapes."""
    from pyshacl import validate

    conforms, report, _text = validate(
        data,
        shacl_graph=shapes if shapes is not None else load_shapes(),
        inference="none",
        allow_warnings=True,
        advanced=True,
    )
    return ValidationReport(
        conforms=bool(conforms), graph=report, violations=_violations(report, data)
    )


class ReleaseValidator:
    """The ingest gate: pyrudof's verdict, with pySHACL's report for what it rejects.

    Holds one pyrudof session with the shapes loaded; each graph is staged into it, validated
    and rolled back (re-reading data per call costs 90-180 ms; staging costs a few). Falls back
    to pySHACL alone where pyrudof is not installed.
    """

    def __init__(self, engine: str = "auto") -> None:
        if engine not in ("auto", "pyshacl", "rudof"):
            raise ValueError(f"unknown SHACL engine {engine!r}")
        self._rudof = None if engine == "pyshacl" else _rudof_session(required=engine == "rudof")

    @property
    def engine(self) -> str:
        return "pyshacl" if self._rudof is None else "rudof+pyshacl"

    def validate(self, data: Graph) -> ValidationReport:
        if self._rudof is not None and self.conforms_ntriples(ntriples(data)):
            return ValidationReport(conforms=True, graph=Graph())
        return validate_graph(data)

    def validate_release(self, release: ReleaseGraph) -> ValidationReport:
        """The gate for a built release: its N-Triples go to pyrudof as they are, and only a
        rejected release is turned into an rdflib graph for pySHACL."""
        if self._rudof is not None and self.conforms_ntriples(release.ntriples):
            return ValidationReport(conforms=True, graph=Graph())
        return validate_graph(release.graph)

    def conforms_ntriples(self, ntriples: str) -> bool:
        """pyrudof's verdict on a graph given as N-Triples text (no rdflib graph needed).

        The text is parsed strictly inside a staging frame: Rust's parser takes a release in
        about 1.3 ms where ``add_triples`` took 3.2 ms (23 us a triple), and a line it cannot
        parse is an error, never a triple silently left out of the check.
        """
        if self._rudof is None:
            raise ShapesError("conforms_ntriples needs the rudof engine")
        import pyrudof

        rudof = self._rudof
        rudof.begin_staging()
        try:
            try:
                rudof.read_data(
                    ntriples,
                    format=pyrudof.RDFFormat.NTriples,
                    merge=True,
                    reader_mode=pyrudof.ReaderMode.Strict,
                )
            except pyrudof.DataError as err:
                raise ShapesError(f"pyrudof cannot parse the graph's N-Triples: {err}") from err
            return bool(rudof.validate_shacl().conforms)
        finally:
            rudof.rollback_staging()


def ntriples(data: Graph) -> str:
    """An rdflib graph as N-Triples text, one triple a line, as the gate reads it."""
    from kg.build import ntriples_term

    return "".join(f"{s.n3()} {p.n3()} {ntriples_term(o)} .\n" for s, p, o in data)


def _rudof_session(*, required: bool) -> object | None:
    try:
        import pyrudof
    except ImportError:
        if required:
            raise ShapesError(
                "the rudof SHACL engine needs pyrudof (pip install pyrudof)"
            ) from None
        return None
    session = pyrudof.Rudof(pyrudof.RudofConfig())
    try:
        session.read_shacl(
            shapes_file().read_text(encoding="utf-8"), format=pyrudof.ShaclFormat.Turtle
        )
    except Exception as err:  # pyrudof raises its own error types for a bad shapes file
        raise ShapesError(f"pyrudof cannot load the SHACL shapes: {err}") from err
    # Staging needs loaded data to stage over: one triple that no shape targets.
    session.read_data(
        "<urn:kg:none> <urn:kg:none> <urn:kg:none> .", format=pyrudof.RDFFormat.NTriples
    )
    return session


def _violations(report: Graph, data: Graph) -> list[Violation]:
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        found.append(
            Violation(
                focus=str(focus),
                path=str(path) if isinstance(path, URIRef) else None,
                component=_short(str(report.value(result, SH.sourceConstraintComponent))),
                message=str(report.value(result, SH.resultMessage) or "violates a shape"),
                severity=_short(str(report.value(result, SH.resultSeverity))),
                value=_str_or_none(report.value(result, SH.value)),
                sentence=_sentence_of(data, focus),
            )
        )
    return sorted(found, key=lambda v: (v.focus, v.path or "", v.component, v.message))


def _sentence_of(data: Graph, focus: Node | None) -> str | None:
    if focus is None:
        return None
    evidence = data.value(focus, KG.evidence)
    return _str_or_none(data.value(evidence, KG.sentence)) if evidence is not None else None


def _str_or_none(node: Node | None) -> str | None:
    return None if node is None else str(node)


def _short(iri: str | None) -> str:
    if not iri:
        return ""
    if "/id/" in iri:  # our own resources: 'release/ab12…/payment/1' reads better than '1'
        return iri.split("/id/", 1)[1]
    return re.split(r"[#/]", iri)[-1] or iri


def _clip(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# -- validating many graphs: the store, or files ----------------------------------------------

RDF_SUFFIXES = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
}


@dataclass
class CombinedReport:
    """The verdict over several graphs, each validated on its own, as one SHACL report."""

    checked: int = 0
    failures: dict[str, ValidationReport] = field(default_factory=dict)
    warnings: dict[str, ValidationReport] = field(default_factory=dict)

    @property
    def conforms(self) -> bool:
        return not self.failures

    def add(self, name: str, report: ValidationReport) -> None:
        self.checked += 1
        if not report.conforms:
            self.failures[name] = report
        elif report.violations:
            self.warnings[name] = report

    @property
    def text(self) -> str:
        lines = []
        for name, report in {**self.failures, **self.warnings}.items():
            lines.append(f"{name}:")
            lines += ["  " + v.describe().replace("\n", "\n  ") for v in report.violations]
        verdict = "conform" if self.conforms else f"{len(self.failures)} do not conform"
        lines.append(f"{self.checked} graph(s) checked: {verdict}.")
        return "\n".join(lines)

    @property
    def report_graph(self) -> Graph:
        """One sh:ValidationReport holding every graph's results."""
        from rdflib import BNode

        merged = Graph()
        merged.bind("sh", str(SH))
        report = BNode()
        merged.add((report, RDF.type, SH.ValidationReport))
        merged.add((report, SH.conforms, Literal(self.conforms)))
        for part in [*self.failures.values(), *self.warnings.values()]:
            for triple in part.graph:
                if triple[1] == SH.conforms or triple[2] == SH.ValidationReport:
                    continue
                if triple[1] == SH.result:
                    merged.add((report, SH.result, triple[2]))
                else:
                    merged.add(triple)
        return merged


MIN_GRAPHS_PER_WORKER = 200  # below this, starting worker processes costs more than it saves


@lru_cache(maxsize=1)
def shared_validator() -> ReleaseValidator:
    """One validator per process: it keeps the shapes loaded between graphs."""
    return ReleaseValidator()


def validate_store(
    store: Store, validator: ReleaseValidator | None = None, *, workers: int | None = None
) -> CombinedReport:
    """Validate every release graph in the store, each graph on its own.

    This process reads each graph out of the store as N-Triples and ``workers`` processes
    (default: one per core for a large store) give pyrudof's verdict on it; only a graph the
    gate rejects is copied into rdflib for pySHACL's full report, here.
    """
    validator = validator or shared_validator()
    combined = CombinedReport()
    names = sorted(store.named_graphs())
    if validator.engine == "pyshacl":
        for name in names:
            combined.add(name, validate_graph(store.graph(name)))
        return combined
    texts = store.graphs_ntriples(names)
    pool = worker_count(workers, len(names), MIN_GRAPHS_PER_WORKER)
    for name, conforms in _gate_all(texts, validator, pool):
        if conforms:
            combined.add(name, ValidationReport(conforms=True, graph=Graph()))
        else:
            combined.add(name, validate_graph(store.graph(name)))
    return combined


def worker_count(requested: int | None, items: int, per_worker: int) -> int:
    """How many worker processes: ``requested`` if given, else one per core, but none unless
    there are at least two workers' worth of items (``per_worker`` each) to repay starting
    them. Ingest and whole-store validation both size their pools with it."""
    if requested is not None:
        return max(requested, 0)
    if items < 2 * per_worker:
        return 0
    return min(os.cpu_count() or 1, items // per_worker)


def _gate_all(
    texts: Iterator[tuple[str, str]], validator: ReleaseValidator, workers: int
) -> Iterator[tuple[str, bool]]:
    """(graph name, pyrudof's verdict) for each graph, in order, here or in worker processes."""
    if workers <= 1:
        for name, text in texts:
            yield name, validator.conforms_ntriples(text)
        return
    import multiprocessing

    # forkserver: the workers must not inherit the open store (RocksDB threads do not fork).
    context = multiprocessing.get_context("forkserver")
    with context.Pool(workers) as pool:
        yield from pool.imap(_gate_in_worker, texts, chunksize=16)


def _gate_in_worker(item: tuple[str, str]) -> tuple[str, bool]:
    name, text = item
    return name, shared_validator().conforms_ntriples(text)


def validate_files(paths: Iterable[Path]) -> CombinedReport:
    """Validate RDF files (.ttl, .nt, .nq, .trig, .jsonld), each named graph on its own, or
    release files run through extraction without loading them.

    A file that cannot be read or parsed is a :class:`ShapesError` (the CLI's exit 2).
    """
    combined = CombinedReport()
    for path in paths:
        rdf_format = RDF_SUFFIXES.get(path.suffix.lower())
        if rdf_format is None:
            combined.add(str(path), _validate_release_file(path))
            continue
        for name, graph in _parse_rdf_file(path, rdf_format):
            combined.add(name, validate_graph(graph))
    return combined


def _parse_rdf_file(path: Path, rdf_format: str) -> list[tuple[str, Graph]]:
    from rdflib import Dataset

    try:
        dataset = Dataset().parse(path, format=rdf_format)
    except Exception as err:  # rdflib's parsers raise many types; every one means bad data
        raise ShapesError(f"{path}: cannot parse it as {rdf_format}: {err}") from err
    graphs = [g for g in dataset.graphs() if len(g)]
    if len(graphs) == 1:
        return [(str(path), graphs[0])]
    return [(f"{path} <{g.identifier}>", g) for g in graphs]


def _validate_release_file(path: Path) -> ValidationReport:
    from kg.errors import ReleaseReadError
    from kg.ingest import prepare_release
    from kg.read import read_release

    try:
        release = read_release(path)
    except ReleaseReadError as err:
        raise ShapesError(str(err)) from err
    _graph, report, _warnings = prepare_release(release)
    return report
