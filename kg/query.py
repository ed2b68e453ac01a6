"""Canned and ad hoc SPARQL: find the questions in ``queries/``, bind parameters, run, format.

A canned query is a ``.rq`` file whose header comment says what it answers::

    # name: payments
    # summary: One row per payment a release reports.
    # description: Earned and potential payments are separate rows, never summed.
    # param: payer (string, optional): only payments made by this organisation

Parameters are bound as RDF terms: each value is parsed into a typed term (a literal with its
datatype, or a checked IRI), written in its escaped N-Triples form into a ``VALUES`` block at
the top of the query's ``WHERE`` group. User text is never pasted into the query: whatever
quotes, braces or keywords a value holds stay inside one literal.

An ``organization`` parameter is resolved here, before the query runs, into the IRIs of every
organisation the text names (:func:`organizations_named`), one ``VALUES`` row each: the query
then looks facts up by organisation through the store's indexes, where a case-insensitive
name test inside the query would read every fact of the store.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from itertools import product
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import QueryError
from kg.resources import queries_dir

if TYPE_CHECKING:
    from kg.store import Store

XSD = "http://www.w3.org/2001/XMLSchema#"
PARAM_TYPES = ("string", "iri", "date", "decimal", "integer", "boolean", "organization")
FORMATS = ("table", "csv", "tsv", "json")

_HEADER_LINE = re.compile(r"^#\s?(?P<key>name|summary|description|param):\s*(?P<value>.*)$")
_CONTINUATION = re.compile(r"^#\s{2,}(?P<value>\S.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\((?P<type>\w+)(?:,\s*(?P<need>optional|required))?\)"
    r"\s*:?\s*(?P<doc>.*)$"
)
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)
# Long strings first, then short strings, IRIs and comments (a '#' inside an IRI is no comment).
_NOT_CODE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*|BASE)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)


Term = ox.NamedNode | ox.Literal


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    doc: str

    def term(self, raw: str) -> Term:
        """Parse a user's value into an RDF term of this parameter's type."""
        try:
            return _TERM_PARSERS[self.type](raw)
        except (ValueError, InvalidOperation) as err:
            raise QueryError(
                f"parameter {self.name!r} wants a {self.type}, not {raw!r}: {err}"
            ) from None


@dataclass(frozen=True)
class CannedQuery:
    name: str
    summary: str
    description: str
    text: str
    params: tuple[Param, ...] = field(default=())

    def bind(self, values: Mapping[str, str], store: Store | None = None) -> str:
        """The query text with ``values`` bound as RDF terms (unknown names are an error).

        An ``organization`` value is looked up in ``store`` (see :func:`organizations_named`).
        """
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            hint = f"{self.name} takes: {', '.join(known) or 'no parameters'}"
            raise QueryError(f"unknown parameter(s) {', '.join(unknown)}", hint=hint)
        missing = [p.name for p in self.params if p.required and p.name not in values]
        if missing:
            raise QueryError(f"{self.name} needs --param {missing[0]}=VALUE")
        if not self.params:
            return self.text
        terms: dict[str, Term | list[Term]] = {}
        for name, raw in values.items():
            param = known[name]
            if param.type != "organization":
                terms[name] = param.term(raw)
            elif store is None:
                raise QueryError(f"{self.name}: {name} names an organisation; it needs the store")
            else:
                terms[name] = organizations_named(store, raw)
        return bind_values(self.text, {p.name: terms.get(p.name) for p in self.params})


def _iri(raw: str) -> ox.NamedNode:
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", raw):
        raise ValueError("an IRI starts with a scheme such as https:")
    return ox.NamedNode(raw)


def _date(raw: str) -> ox.Literal:
    return ox.Literal(
        date.fromisoformat(raw.strip()).isoformat(), datatype=ox.NamedNode(XSD + "date")
    )


def _decimal(raw: str) -> ox.Literal:
    value = Decimal(raw.strip().replace(",", ""))
    if not value.is_finite():
        raise ValueError("not a finite number")
    return ox.Literal(format(value, "f"), datatype=ox.NamedNode(XSD + "decimal"))


def _integer(raw: str) -> ox.Literal:
    return ox.Literal(str(int(raw.strip())), datatype=ox.NamedNode(XSD + "integer"))


def _boolean(raw: str) -> ox.Literal:
    words = {
        "true": "true",
        "yes": "true",
        "1": "true",
        "false": "false",
        "no": "false",
        "0": "false",
    }
    if raw.strip().lower() not in words:
        raise ValueError("use true or false")
    return ox.Literal(words[raw.strip().lower()], datatype=ox.NamedNode(XSD + "boolean"))


_TERM_PARSERS = {
    "string": ox.Literal,
    "iri": _iri,
    "date": _date,
    "decimal": _decimal,
    "integer": _integer,
    "boolean": _boolean,
}


def bind_values(text: str, terms: Mapping[str, Term | Sequence[Term] | None]) -> str:
    """Insert ``VALUES (?a ?b) { (term UNDEF) }`` at the top of the query's WHERE group.

    An unbound (``None``) parameter stays UNDEF, so a query can test it with ``BOUND(?x)``. A
    list of terms gives one row per term (an empty list, no row: the query answers nothing).
    """
    match = _first_where(text)
    if match is None:
        raise QueryError("cannot bind parameters: the query has no 'WHERE {'")
    names = " ".join(f"?{name}" for name in terms)
    choices = [
        ["UNDEF"] if term is None else [str(term)] if isinstance(term, Term) else map(str, term)
        for term in terms.values()
    ]
    rows = " ".join(f"({' '.join(row)})" for row in product(*choices))
    values = f"\n  VALUES ({names}) {{ {rows} }}\n"
    return text[: match.end()] + values + text[match.end() :]


# Every organisation a release names or aliases with the text, ignoring case: one scan of the
# names, a few ms per thousand releases. Over every release graph by a GRAPH pattern, never by
# a union default graph, which a SPARQL server need not offer.
_NAMED = """
PREFIX kg: <https://w3id.org/biopharma-kg/ontology#>
SELECT DISTINCT ?org WHERE {
  GRAPH ?g { ?org kg:name|kg:alias ?text }
  FILTER(LCASE(STR(?text)) = ?wanted)
}
"""


def organizations_named(store: Store, text: str) -> list[ox.NamedNode]:
    """The organisations ``text`` means: the one whose identity key it gives
    ("immunogen" and "ImmunoGen, Inc." both mean ``org/immunogen``), and every organisation a
    release names or aliases so, ignoring case ("Bayer" when a release says 'Bayer HealthCare
    ("Bayer")'). Sorted, so a bound query reads the same every time."""
    from kg.resolve import organization_iri

    found = {str(organization_iri(text))}
    lookup = bind_values(_NAMED, {"wanted": ox.Literal(text.lower())})
    found |= {row["org"].value for row in store.query(lookup)}
    return [ox.NamedNode(iri) for iri in sorted(found)]


def _first_where(text: str) -> re.Match[str] | None:
    """The first ``WHERE {`` that is not inside a comment line."""
    offset = 0
    for line in text.splitlines(keepends=True):
        if not line.lstrip().startswith("#"):
            match = _WHERE.search(line)
            if match:
                return _WHERE.search(text, offset + match.start())
        offset += len(line)
    return None


def parse_canned(name: str, text: str) -> CannedQuery:
    """Read a canned query's header comment; the file's stem must match its ``name``."""
    header: dict[str, list[str]] = {"summary": [], "description": [], "param": []}
    declared_name = None
    last_key = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER_LINE.match(line)
        if match:
            last_key, value = match["key"], match["value"].strip()
            if last_key == "name":
                declared_name = value
            else:
                header[last_key].append(value)
        elif (cont := _CONTINUATION.match(line)) and last_key in (
            "summary",
            "description",
            "param",
        ):
            header[last_key][-1] += " " + cont["value"].strip()
    if declared_name != name:
        raise QueryError(f"queries/{name}.rq: its header names it {declared_name!r}, not {name!r}")
    return CannedQuery(
        name=name,
        summary=" ".join(header["summary"]),
        description=" ".join(header["description"]),
        text=text,
        params=tuple(_parse_param(name, raw) for raw in header["param"]),
    )


def _parse_param(query: str, raw: str) -> Param:
    match = _PARAM.match(raw)
    if not match or match["type"] not in PARAM_TYPES:
        raise QueryError(
            f"queries/{query}.rq: bad param line {raw!r}",
            hint=f"write 'param: NAME (TYPE, optional): what it does' with TYPE in {PARAM_TYPES}",
        )
    return Param(match["name"], match["type"], match["need"] == "required", match["doc"].strip())


def canned_queries() -> dict[str, CannedQuery]:
    """Every canned query, found by scanning the queries folder, by name."""
    found = {}
    for entry in sorted(queries_dir().iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            found[name] = parse_canned(name, entry.read_text(encoding="utf-8"))
    return found


def canned_query(name: str) -> CannedQuery:
    queries = canned_queries()
    if name not in queries:
        raise QueryError(
            f"no canned query named {name!r}", hint=f"try one of: {', '.join(queries)}"
        )
    return queries[name]


def is_update(text: str) -> bool:
    """Whether ``text`` is a SPARQL update (INSERT, DELETE, DROP, LOAD, CLEAR...)."""
    return _UPDATE.match(_code_only(text)) is not None


def check_allowed(text: str, *, allow_update: bool = False, allow_service: bool = False) -> None:
    """Refuse what a query command must not do unless the user asked for it explicitly:
    change the store (an update), or reach out to another endpoint (``SERVICE``)."""
    code = _code_only(text)
    update = _UPDATE.match(code)
    if update and not allow_update:
        raise QueryError(
            f"this is a SPARQL update ({update[1].upper()}); kg's queries are read-only",
            hint="pass --allow-update if you mean to change the store",
        )
    if _SERVICE.search(code) and not allow_service:
        raise QueryError(
            "the query calls another endpoint (SERVICE); kg does not reach out unless asked",
            hint="pass --allow-service to allow federated queries",
        )


def _code_only(text: str) -> str:
    """The query with comments, strings and IRIs blanked out, to look for keywords safely."""
    return _NOT_CODE.sub(" ", text)


# -- results ---------------------------------------------------------------------------------

Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples

_RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
}


def format_result(result: Result, fmt: str) -> str:
    """W3C SPARQL results for csv/tsv/json; an aligned text table for people."""
    if isinstance(result, ox.QueryTriples):
        return ox.serialize(result, format=ox.RdfFormat.TURTLE).decode("utf-8")
    if fmt == "table":
        return _table(result)
    if fmt not in _RESULT_FORMATS:
        raise QueryError(f"unknown format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    return result.serialize(format=_RESULT_FORMATS[fmt]).decode("utf-8")


def _table(result: ox.QuerySolutions | ox.QueryBoolean) -> str:
    if isinstance(result, ox.QueryBoolean):
        return "true\n" if bool(result) else "false\n"
    from kg.namespace import ID  # here, not at the top: csv, tsv and json need no rdflib

    header = [v.value for v in result.variables]
    rows = [[_cell(solution[name], str(ID)) for name in header] for solution in result]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]
    widths = [min(w, 60) for w in widths]
    lines = [_row(header, widths), _row(["-" * w for w in widths], widths)]
    lines += [_row(row, widths) for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _cell(term: ox.NamedNode | ox.Literal | ox.BlankNode | None, own: str) -> str:
    """A value as people read it: kg's own IRIs (under ``own``) without that long common
    prefix ('release/9bd9…/payment/1'); csv, tsv and json keep every IRI whole."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode) and term.value.startswith(own):
        return term.value[len(own) :]
    return " ".join(term.value.split())


def _row(cells: list[str], widths: list[int]) -> str:
    clipped = [c if len(c) <= w else c[: w - 1] + "…" for c, w in zip(cells, widths, strict=True)]
    return "  ".join(c.ljust(w) for c, w in zip(clipped, widths, strict=True)).rstrip()


def rows_as_dicts(result: ox.QuerySolutions) -> list[dict[str, str]]:
    """Plain rows (the CSV view) for library users and tests."""
    text = result.serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))
