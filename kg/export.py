"""Export the store in the W3C formats, written so that other tools take them as they are.

TriG, N-Quads and JSON-LD keep one named graph per release (and so the provenance), plus the
ontology's own graph. Turtle has no graphs: it writes the union of the releases' triples once
each, the view most tools want. Turtle and TriG use the ontology's prefixes (``kg:``, ``pk:``,
``phase:`` ...), so every vocabulary term is a plain prefixed name (``phase:approved``, never
``vocab:phase\\/approved``); JSON-LD carries the same prefixes in its ``@context``. Turtle, TriG
and JSON-LD output is deterministic: the same store gives the same bytes.

Every export can come with a VoID description of the dataset (:func:`void_description`): how
many releases, facts and triples, the publication dates they span, and which version of the
ontology they follow.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import KgError
from kg.schema import ID, KG, XSD, ontology
from kg.store import Store

FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}
SUFFIXES = {"turtle": ".ttl", "trig": ".trig", "nquads": ".nq", "jsonld": ".jsonld"}
W3C_FORMAT_NAMES = {"turtle": "Turtle", "trig": "TriG", "nquads": "N-Quads", "jsonld": "JSON-LD"}


def prefixes() -> dict[str, str]:
    """The ontology's prefixes, sorted by name."""
    return dict(sorted(ontology().prefixes.items()))


def export(store: Store, fmt: str, output: BinaryIO) -> None:
    """Write the whole store to ``output`` in ``fmt`` (turtle, trig, nquads or jsonld)."""
    if fmt not in FORMATS:
        raise KgError(f"unknown export format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    if fmt == "turtle":
        _with_sorted_prefixes(output, lambda sink: _turtle(store, sink))
    elif fmt == "trig":
        _with_sorted_prefixes(
            output, lambda sink: store.dump(sink, FORMATS[fmt], prefixes=prefixes())
        )
    elif fmt == "nquads":
        store.dump(output, FORMATS[fmt])  # N-Quads takes no prefixes
    else:
        write_jsonld(store, output)


def _turtle(store: Store, sink: BinaryIO) -> None:
    ox.serialize(union_triples(store), sink, format=ox.RdfFormat.TURTLE, prefixes=prefixes())


def union_triples(store: Store) -> Iterator[ox.Triple]:
    """Every distinct triple of every release graph, sorted, one subject at a time (the store
    knows how to do that without holding every triple in memory)."""
    return store.union_triples()


class _PrefixSorter(io.RawIOBase):
    """A sink that passes everything through but writes the ``@prefix`` lines sorted.

    Oxigraph writes the prefixes it is given in an order of its own (a hash map's), which
    would make two exports of one store differ; the lines come first, so they are held back
    until the first other line and then written in order."""

    def __init__(self, output: BinaryIO) -> None:
        self.output = output
        self.head: bytes | None = b""

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if self.head is None:
            self.output.write(data)
            return len(data)
        self.head += bytes(data)
        lines = self.head.split(b"\n")
        if all(line.startswith(b"@prefix ") for line in lines[:-1]) and not (
            lines[-1] and not b"@prefix ".startswith(lines[-1][:8])
        ):
            return len(data)
        self._release()
        return len(data)

    def _release(self) -> None:
        assert self.head is not None
        lines = self.head.split(b"\n")
        count = 0
        while count < len(lines) - 1 and lines[count].startswith(b"@prefix "):
            count += 1
        self.output.write(b"".join(line + b"\n" for line in sorted(lines[:count])))
        self.output.write(b"\n".join(lines[count:]))
        self.head = None

    def finish(self) -> None:
        if self.head is not None:
            self._release()


def _with_sorted_prefixes(output: BinaryIO, write: object) -> None:
    sink = _PrefixSorter(output)
    write(sink)  # type: ignore[operator]
    sink.finish()


# -- JSON-LD ---------------------------------------------------------------------------------


def write_jsonld(store: Store, output: BinaryIO) -> None:
    """The store as JSON-LD: an ``@context`` with the ontology's prefixes, then one named
    graph object per graph (``@id`` the graph's IRI), its nodes sorted by ``@id``."""
    context = {**prefixes(), "id": ID}
    output.write(b'{\n"@context": ' + _dumps(context) + b',\n"@graph": [')
    graphs = sorted([*store.named_graphs(), *store.derived_graphs()])
    for index, graph in enumerate(graphs):
        body = {"@id": _compact(graph), "@graph": _nodes(store.quads([graph]))}
        output.write((b",\n" if index else b"\n") + _dumps(body))
    output.write(b"\n]\n}\n")


def _nodes(quads: Iterable[ox.Quad]) -> list[dict[str, object]]:
    nodes: dict[str, dict[str, list[object]]] = {}
    for quad in quads:
        node = nodes.setdefault(_node_id(quad.subject), {})
        node.setdefault(_compact(quad.predicate.value), []).append(_value(quad.object))
    return [
        {"@id": subject, **{p: sorted(vs, key=_dumps) for p, vs in sorted(props.items())}}
        for subject, props in sorted(nodes.items())
    ]


def _node_id(term: ox.NamedNode | ox.BlankNode) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else _compact(term.value)


def _value(term: ox.Term) -> object:
    if isinstance(term, ox.NamedNode | ox.BlankNode):
        return {"@id": _node_id(term)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value == XSD + "string":
        return term.value
    return {"@value": term.value, "@type": _compact(term.datatype.value)}


def _compact(iri: str) -> str:
    """``kg:name`` for a term of a prefix; kg's own IRIs as ``id:...``; others in full."""
    if iri.startswith(ID):
        return "id:" + iri[len(ID) :]
    short = ontology().short(iri)
    return iri if short.startswith("<") else short


def _dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# -- VoID ------------------------------------------------------------------------------------

_COUNTS = f"""
PREFIX kg: <{KG}>
SELECT ?class (COUNT(DISTINCT ?fact) AS ?facts) WHERE {{
  GRAPH ?g {{ ?release a kg:Release }}
  GRAPH ?g {{ ?fact a ?class }}
}}
GROUP BY ?class
"""
_DATES = f"""
PREFIX kg: <{KG}>
SELECT (COUNT(DISTINCT ?release) AS ?releases) (MIN(?date) AS ?first) (MAX(?date) AS ?last)
WHERE {{ GRAPH ?g {{ ?release a kg:Release ; kg:published ?date }} }}
"""


def void_description(store: Store, dump: str | None = None, fmt: str | None = None) -> str:
    """A VoID description of the store's data, in Turtle: its triples, releases and facts per
    class, the publication dates they span, the ontology version, and the dump it describes."""
    onto = ontology()
    classes = {
        row["class"].value: int(row["facts"].value)
        for row in store.query(_COUNTS)
        if row["class"].value.startswith(KG)
    }
    dated = next(iter(store.query(_DATES)))
    dataset = ox.NamedNode(ID + "dataset")
    lines = [
        "@prefix void: <http://rdfs.org/ns/void#> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "@prefix dcat: <http://www.w3.org/ns/dcat#> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        f"@prefix kg: <{KG}> .",
        "",
        f"{dataset} a void:Dataset ;",
        '    dcterms:title "Biopharma deal events read from press releases by kg" ;',
        f"    dcterms:description {_literal(_summary(classes, dated))} ;",
        f"    void:triples {len(store)} ;",
        f"    void:entities {sum(classes.values())} ;",
        f"    void:uriSpace {_literal(ID)} ;",
        f"    void:vocabulary <{onto.iri}> ;",
        f"    dcterms:conformsTo <{onto.iri}/{onto.version}> ;",
    ]
    if dated["first"] is not None:
        lines += [
            "    dcterms:temporal [ a dcterms:PeriodOfTime ;",
            f"        dcat:startDate {dated['first']} ; dcat:endDate {dated['last']} ] ;",
        ]
    if dump is not None:
        lines.append(f"    void:dataDump <{dump}> ;")
    if fmt in W3C_FORMAT_NAMES:
        lines.append(f"    void:feature <http://www.w3.org/ns/formats/{W3C_FORMAT_NAMES[fmt]}> ;")
    partitions = [
        f"[ void:class <{cls}> ; void:entities {count} ]" for cls, count in sorted(classes.items())
    ]
    lines.append("    void:classPartition " + " ,\n        ".join(partitions) + " .")
    return "\n".join(lines) + "\n"


def _summary(classes: dict[str, int], dated: ox.QuerySolution) -> str:
    releases = classes.get(KG + "Release", 0)
    span = (
        f", published {dated['first'].value} to {dated['last'].value}"
        if dated["first"] is not None
        else ""
    )
    return f"{releases} press releases{span}, one named graph each."


def _literal(text: str) -> str:
    return str(ox.Literal(text))
