"""Query results as a table of RDF terms, and the formats they are written in.

A :class:`Table` holds the variables and rows of a SELECT query as RDF terms (pyoxigraph's), so
the W3C formats keep every value's datatype: CSV (values only), TSV (terms in Turtle syntax,
``?name`` headers) and JSON (``type``, ``value``, ``datatype``, ``xml:lang``). ``table`` is for
people: kg's own IRIs without their long common prefix, long cells cut. A query that declares
a ``graph`` (pairs of organisations) can also be written as GraphML or Graphviz DOT.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.errors import QueryError

ID = "https://w3id.org/biopharma-kg/id/"
VOCABULARY = "https://w3id.org/biopharma-kg/"  # the ontology's terms and its concept schemes
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
TABLE_WIDTH = 60

Term = ox.NamedNode | ox.Literal | ox.BlankNode
TEXT_FORMATS = ("table", "csv", "tsv", "json")
GRAPH_FORMATS = ("graphml", "dot")


@dataclass
class Table:
    """The answer to a SELECT query: its variables and rows (``None`` for an unbound cell)."""

    variables: list[str]
    rows: list[list[Term | None]] = field(default_factory=list)

    @classmethod
    def of(cls, solutions: ox.QuerySolutions) -> Table:
        names = [v.value for v in solutions.variables]
        return cls(names, [[solution[name] for name in names] for solution in solutions])

    def dicts(self) -> list[dict[str, str]]:
        """Plain rows, as the CSV format gives them (an unbound cell is "")."""
        return [
            {
                name: "" if term is None else term.value
                for name, term in zip(self.variables, row, strict=True)
            }
            for row in self.rows
        ]

    def column(self, name: str) -> list[Term | None]:
        index = self.variables.index(name)
        return [row[index] for row in self.rows]


def write(table: Table, fmt: str, graph: Mapping[str, str] | None = None) -> str:
    """``table`` in one of :data:`TEXT_FORMATS` (or a graph format, given the ``graph`` spec)."""
    if fmt == "table":
        return as_text_table(table)
    if fmt == "csv":
        return as_csv(table)
    if fmt == "tsv":
        return as_tsv(table)
    if fmt == "json":
        return as_json(table)
    if fmt in GRAPH_FORMATS:
        if not graph:
            raise QueryError(
                f"this query's rows are not a graph: {fmt} is for partner-network",
                hint=f"use one of {', '.join(TEXT_FORMATS)}",
            )
        return as_graphml(table, graph) if fmt == "graphml" else as_dot(table, graph)
    raise QueryError(f"unknown format {fmt!r}", hint=f"use one of {', '.join(TEXT_FORMATS)}")


# -- W3C formats -------------------------------------------------------------------------------


def as_csv(table: Table) -> str:
    """SPARQL 1.1 Query Results CSV: variable names, then each value's plain text; CRLF ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.variables)
    for row in table.rows:
        writer.writerow(["" if t is None else _csv_value(t) for t in row])
    return out.getvalue()


def _csv_value(term: Term) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def as_tsv(table: Table) -> str:
    """SPARQL 1.1 Query Results TSV: ``?name`` headers, then each term in Turtle syntax
    (``<iri>``, ``"text"``, ``"2000000"^^<...#decimal>``, ``"x"@en``); an unbound cell is empty."""
    lines = ["\t".join(f"?{name}" for name in table.variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in table.rows]
    return "\n".join(lines) + "\n"


def as_json(table: Table) -> str:
    """SPARQL 1.1 Query Results JSON, with every literal's datatype or language."""
    bindings = [
        {name: _json_term(t) for name, t in zip(table.variables, row, strict=True) if t is not None}
        for row in table.rows
    ]
    document = {"head": {"vars": table.variables}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False) + "\n"


def _json_term(term: Term) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    found = {"type": "literal", "value": term.value}
    if term.language:
        found["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        found["datatype"] = term.datatype.value
    return found


# -- for people ------------------------------------------------------------------------------


def as_text_table(table: Table) -> str:
    header = table.variables
    rows = [[cell(t) for t in row] for row in table.rows]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]
    widths = [min(w, TABLE_WIDTH) for w in widths]
    lines = [_line(header, widths), _line(["-" * w for w in widths], widths)]
    lines += [_line(row, widths) for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def cell(term: Term | None) -> str:
    """A value as people read it: kg's own IRIs without their long common prefix
    ('release/9bd9…/payment/1', which parameters accept as it is), the ontology's terms by
    their prefixed names ('pk:milestone', 'kg:PaymentEvent'); csv, tsv and json keep every IRI
    whole."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        if term.value.startswith(ID):
            return term.value[len(ID) :]
        if term.value.startswith(VOCABULARY):
            from kg.schema import ontology

            return ontology().short(term.value)
    return " ".join(term.value.split())


def _line(cells: list[str], widths: list[int]) -> str:
    clipped = [c if len(c) <= w else c[: w - 1] + "…" for c, w in zip(cells, widths, strict=True)]
    return "  ".join(c.ljust(w) for c, w in zip(clipped, widths, strict=True)).rstrip()


# -- graphs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    weight: str
    attributes: dict[str, str]


def edges(table: Table, graph: Mapping[str, str]) -> tuple[dict[str, str], list[Edge]]:
    """The nodes (IRI -> label) and edges of a table whose rows are pairs, as ``graph`` says
    (source, target, source_label, target_label and weight columns)."""
    index = {name: i for i, name in enumerate(table.variables)}
    nodes: dict[str, str] = {}
    found: list[Edge] = []
    for row in table.rows:
        source, target = row[index[graph["source"]]], row[index[graph["target"]]]
        if source is None or target is None:
            continue
        for end, label in (
            (source, graph.get("source_label")),
            (target, graph.get("target_label")),
        ):
            named = row[index[label]] if label else None
            nodes.setdefault(end.value, named.value if named is not None else cell(end))
        weight = row[index[graph["weight"]]] if "weight" in graph else None
        attributes = {
            name: row[i].value
            for name, i in index.items()
            if row[i] is not None and isinstance(row[i], ox.Literal)
        }
        found.append(Edge(source.value, target.value, weight.value if weight else "1", attributes))
    return nodes, found


def as_graphml(table: Table, graph: Mapping[str, str]) -> str:
    """GraphML (undirected): a node per organisation with its label, an edge per row with the
    row's counts and dates as edge data."""
    nodes, links = edges(table, graph)
    keys = sorted({key for link in links for key in link.attributes})
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
        '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
        *(
            f'  <key id="{_xml_id(k)}" for="edge" attr.name={quoteattr(k)} attr.type="string"/>'
            for k in keys
        ),
        '  <graph id="G" edgedefault="undirected">',
    ]
    for iri, label in nodes.items():
        lines.append(
            f'    <node id={quoteattr(iri)}><data key="label">{escape(label)}</data></node>'
        )
    for link in links:
        data = "".join(
            f'<data key="{_xml_id(k)}">{escape(v)}</data>'
            for k, v in sorted(link.attributes.items())
        )
        ends = f"source={quoteattr(link.source)} target={quoteattr(link.target)}"
        lines.append(f"    <edge {ends}>{data}</edge>")
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"


def _xml_id(name: str) -> str:
    return "e_" + "".join(ch if ch.isalnum() or ch == "_" else "_" for ch in name)


def as_dot(table: Table, graph: Mapping[str, str]) -> str:
    """Graphviz DOT (undirected): nodes labelled with names, edges weighted by releases."""
    nodes, links = edges(table, graph)
    lines = ["graph partners {", "  node [shape=box, fontname=Helvetica];"]
    lines += [f"  {_dot(iri)} [label={_dot(label)}];" for iri, label in nodes.items()]
    lines += [
        f"  {_dot(link.source)} -- {_dot(link.target)} [weight={_dot(link.weight)}, "
        f"label={_dot(link.weight)}];"
        for link in links
    ]
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


# -- list columns ----------------------------------------------------------------------------


def sort_lists(table: Table, columns: Iterable[str], separator: str = "; ") -> Table:
    """Sort the items of each list column (GROUP_CONCAT promises no order) and drop empty
    items; a list left empty is an unbound cell, whatever the engine gave for it."""
    indexes = [table.variables.index(c) for c in columns if c in table.variables]
    for row in table.rows:
        for i in indexes:
            term = row[i]
            if term is None:
                continue
            items = sorted({s for s in term.value.split(separator) if s}, key=_name_order)
            row[i] = ox.Literal(separator.join(items)) if items else None
    return table


def _name_order(text: str) -> tuple[str, str]:
    return (text.casefold(), text)


def rows_of(found: Table | ox.QuerySolutions) -> list[dict[str, str]]:
    """Plain rows of a table or of pyoxigraph solutions (for library users and tests)."""
    table = found if isinstance(found, Table) else Table.of(found)
    return table.dicts()
