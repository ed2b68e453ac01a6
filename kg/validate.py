"""Validate a release's graph against the SHACL shapes before it may be loaded.

The graph of one release (about a hundred triples) is validated on its own, in memory, with
pySHACL: validating over the whole store is what makes SHACL slow, and a release's shapes only
ever look inside that release. Results of severity ``sh:Warning`` are reported but do not stop
a release from loading (``allow_warnings``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.term import Node

from kg.errors import ShapesError
from kg.namespace import KG
from kg.resources import shapes_file

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
    return ValidationReport(conforms=bool(conforms), graph=report, violations=_violations(report, data))


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
    for sep in ("#", "/"):
        if sep in iri:
            head, tail = iri.rsplit(sep, 1)
            if "/id/" in iri and sep == "/":
                return iri.split("/id/", 1)[1]
            return tail
    return iri


def _clip(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
