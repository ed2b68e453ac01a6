"""Canned and ad hoc SPARQL: find the questions in ``queries/``, bind parameters, run, page.

A canned query is a ``.rq`` file of plain SPARQL 1.1 whose header comment says what it
answers::

    # name: payments
    # summary: One row per payment a release reports.
    # description: Earned and potential payments are separate rows, never summed.
    # param: organization (organization, optional, repeatable): payer or payee
    # param: status (payment-status, optional) as ?statusConcept: earned or potential
    # list: parties

A parameter binds the variable of its name (or those ``as`` names). Its place in the query is
a clause ``VALUES ?variable { UNDEF }`` (``VALUES (?a ?b) { (UNDEF UNDEF) }`` for two); kg
puts the values given in place of ``UNDEF``, one row each, and removes the clause of a
parameter not given, so its variable stays unbound. Each value is first parsed into an RDF
term of the parameter's type and written in its escaped N-Triples form: user text is never
pasted into a query. The types:

* ``string``, ``iri``, ``date`` (YYYY-MM-DD), ``decimal``, ``integer``, ``boolean``;
* ``currency``: an ISO 4217 code (three letters, upper-cased);
* ``organization`` and ``compound``: a name or alias (any case), an identity key, or an IRI,
  resolved here to the IRIs of every organisation (compound) it means; a name no release
  gives is an error that lists the nearest names;
* a concept scheme of the ontology (``payment-kind``, ``payment-status``, ...): one of its
  words, bound as the concept's IRI; another word is an error that lists the allowed ones.

``iri``, ``organization`` and ``compound`` values may be the short IRIs tables print
(``release/9bd9…/payment/1``, ``org/immunogen``). ``list:`` names the columns that
GROUP_CONCAT joins: SPARQL promises no order inside them, so kg sorts their items.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.resources import queries_dir
from kg.results import Table, sort_lists
from kg.store.base import IDENTITY_GRAPH

if TYPE_CHECKING:
    from kg.cache import ResultCache
    from kg.store import Store

XSD = "http://www.w3.org/2001/XMLSchema#"
KG = "https://w3id.org/biopharma-kg/ontology#"
ID = "https://w3id.org/biopharma-kg/id/"
BASIC_TYPES = ("string", "iri", "date", "decimal", "integer", "boolean", "currency")
RESOLVED_TYPES = ("organization", "compound")
Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
FORMATS = ("table", "csv", "tsv", "json", "graphml", "dot")

_HEADER_LINE = re.compile(
    r"^#\s?(?P<key>name|summary|description|param|list|graph):\s*(?P<value>.*)$"
)
_CONTINUATION = re.compile(r"^#\s{2,}(?P<value>\S.*)$")
_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*"
    r"\((?P<type>[\w-]+)(?P<flags>(?:\s*,\s*(?:optional|required|repeatable))*)\s*\)"
    r"(?:\s+as\s+(?P<vars>\?\w+(?:\s+\?\w+)*))?"
    r"\s*:?\s*(?P<doc>.*)$"
)
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
# A parameter's place: VALUES ?x { UNDEF }, or VALUES (?x ?y) { (UNDEF UNDEF) }.
_PLACEHOLDER = re.compile(
    r"VALUES\s*(?:\?(?P<one>\w+)|\((?P<many>(?:\s*\?\w+)+)\s*\))"
    r"\s*\{\s*(?:UNDEF|\(\s*(?:UNDEF\s*)+\))\s*\}[ \t]*\n?",
    re.IGNORECASE,
)
_ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.IGNORECASE)
_SHORT_IRI = re.compile(r"^(?:release|graph|org|person|compound)/\S+$")

Term = ox.NamedNode | ox.Literal


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    doc: str
    repeatable: bool = False
    variables: tuple[str, ...] = ()

    def term(self, raw: str) -> Term:
        """Parse a user's value into an RDF term of this parameter's type (not for the
        organisation and compound types, which need the store)."""
        from kg.schema import ontology

        schemes = ontology().schemes
        if self.type in schemes:
            return _concept(self.name, schemes[self.type], raw)
        try:
            return _TERM_PARSERS[self.type](raw)
        except (ValueError, InvalidOperation) as err:
            raise QueryError(
                f"parameter {self.name!r} wants {_TYPE_WORDS.get(self.type, 'a ' + self.type)}"
                f", not {raw!r}" + (f" ({err})" if self.type not in _TYPE_WORDS else "")
            ) from None


@dataclass(frozen=True)
class CannedQuery:
    name: str
    summary: str
    description: str
    text: str
    params: tuple[Param, ...] = field(default=())
    lists: tuple[str, ...] = field(default=())
    graph: Mapping[str, str] = field(default_factory=dict)

    def bind(
        self,
        values: Mapping[str, str | Sequence[str]],
        store: Store | None = None,
        *,
        units: bool = False,
    ) -> str:
        """The query text with ``values`` bound as RDF terms (unknown names are an error).

        A value may be a list for a repeatable parameter. Organisation and compound values
        are looked up in ``store``; with ``units``, an organisation also means every unit the
        releases name as part of it ("Bayer HealthCare, a member of the Bayer Group").
        """
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            hint = f"{self.name} takes: {', '.join(known) or 'no parameters'}"
            raise QueryError(f"unknown parameter(s) {', '.join(unknown)}", hint=hint)
        missing = [p.name for p in self.params if p.required and p.name not in values]
        if missing:
            raise QueryError(f"{self.name} needs --param {missing[0]}=VALUE")
        terms: dict[str, list[Term]] = {}
        for name, given in values.items():
            param = known[name]
            raws = [given] if isinstance(given, str) else list(given)
            if len(raws) > 1 and not param.repeatable:
                raise QueryError(
                    f"parameter {name!r} takes one value, not {len(raws)}",
                    hint=f"give --param {name}=VALUE once",
                )
            terms[name] = _dedupe(
                t for raw in raws for t in self._terms(param, raw, store, units=units)
            )
        return fill_placeholders(self.text, {p: terms.get(p.name) for p in self.params})

    def _terms(self, param: Param, raw: str, store: Store | None, *, units: bool) -> list[Term]:
        if param.type == "iri" and store is not None:
            return [_known_iri(store, param.term(raw))]  # type: ignore[arg-type]
        if param.type not in RESOLVED_TYPES:
            return [param.term(raw)]
        if store is None:
            raise QueryError(f"{self.name}: {param.name} names an {param.type}; it needs the store")
        if param.type == "organization":
            return organizations_named(store, raw, strict=True, units=units)
        return compounds_named(store, raw, strict=True)


def _dedupe(terms: object) -> list[Term]:
    return list(dict.fromkeys(terms))  # type: ignore[call-overload]


# -- parsing values ----------------------------------------------------------------------------

_TYPE_WORDS = {
    "date": "a date as YYYY-MM-DD (e.g. 2011-06-14)",
    "decimal": "a number (e.g. 2000000 or 2.5)",
    "integer": "a whole number",
    "boolean": "true or false",
    "currency": "an ISO 4217 currency code of three letters (e.g. USD)",
}


def param_types() -> tuple[str, ...]:
    """Every type a canned query's parameter may have (the concept schemes from the ontology)."""
    from kg.schema import ontology

    return (*BASIC_TYPES, *RESOLVED_TYPES, *ontology().schemes)


def _iri(raw: str) -> ox.NamedNode:
    text = raw.strip()
    if _SHORT_IRI.match(text):
        return ox.NamedNode(ID + text)
    prefixed = re.match(r"^([A-Za-z][\w-]*):([^/\s].*)?$", text)
    if prefixed and "://" not in text:
        from kg.schema import ontology

        namespace = ontology().prefixes.get(prefixed.group(1))
        if namespace is not None:
            return ox.NamedNode(namespace + (prefixed.group(2) or ""))
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", text):
        raise ValueError(
            "an IRI starts with a scheme such as https:, or is one a table prints "
            "(release/…, org/…, compound/…)"
        )
    try:
        return ox.NamedNode(text)
    except ValueError as err:
        raise ValueError(f"not a valid IRI: {err}") from None


def _date(raw: str) -> ox.Literal:
    text = raw.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError("not YYYY-MM-DD")
    return ox.Literal(date.fromisoformat(text).isoformat(), datatype=ox.NamedNode(XSD + "date"))


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


def _currency(raw: str) -> ox.Literal:
    if not re.fullmatch(r"[A-Za-z]{3}", raw.strip()):
        raise ValueError("not three letters")
    return ox.Literal(raw.strip().upper())


_TERM_PARSERS = {
    "string": ox.Literal,
    "iri": _iri,
    "date": _date,
    "decimal": _decimal,
    "integer": _integer,
    "boolean": _boolean,
    "currency": _currency,
}


def _concept(name: str, scheme: object, raw: str) -> ox.NamedNode:
    iri = scheme.concept(raw)  # type: ignore[attr-defined]
    if iri is None:
        words = ", ".join(scheme.words)  # type: ignore[attr-defined]
        close = difflib.get_close_matches(raw.strip(), list(scheme.words), n=1)  # type: ignore[attr-defined]
        hint = f"did you mean {close[0]!r}?" if close else None
        raise QueryError(
            f"parameter {name!r} must be one of the {scheme.label}: {words}; "  # type: ignore[attr-defined]
            f"not {raw!r}",
            hint=hint,
        )
    return ox.NamedNode(iri)


# -- binding -----------------------------------------------------------------------------------


def fill_placeholders(text: str, terms: Mapping[Param, Sequence[Term] | None]) -> str:
    """Put each parameter's terms in place of its ``VALUES ... { UNDEF }`` clauses, one row per
    term; drop the clauses of a parameter with no terms (not given)."""
    owner = {var: param for param in terms for var in param.variables}

    def replace(match: re.Match[str]) -> str:
        names = [match["one"]] if match["one"] else re.findall(r"\?(\w+)", match["many"])
        param = owner[names[0]]
        given = terms[param]
        if not given:
            return ""
        ending = "\n" if match.group().endswith("\n") else ""
        if len(names) == 1:
            return f"VALUES ?{names[0]} {{ {' '.join(map(str, given))} }}{ending}"
        rows = " ".join("(" + " ".join([str(term)] * len(names)) + ")" for term in given)
        return f"VALUES ({' '.join('?' + n for n in names)}) {{ {rows} }}{ending}"

    return _sub_in_code(_PLACEHOLDER, replace, text)


def _sub_in_code(pattern: re.Pattern[str], replace: object, text: str) -> str:
    """``pattern.sub`` on the query's code only: not inside comments, strings or IRIs."""
    code = _code_only(text)
    pieces, last = [], 0
    for match in pattern.finditer(code):
        pieces.append(text[last : match.start()])
        pieces.append(replace(match))  # type: ignore[operator]
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def bind_values(text: str, terms: Mapping[str, Term | Sequence[Term] | None]) -> str:
    """Fill the placeholders of variables named in ``terms`` directly (for kg's own small
    queries): a term, a list of terms (one row each), or None to leave the variable unbound."""
    params = {
        Param(name, "string", False, "", True, (name,)): (
            None if value is None else [value] if isinstance(value, Term) else list(value)
        )
        for name, value in terms.items()
    }
    return fill_placeholders(text, params)


# -- organisations and compounds ---------------------------------------------------------------

# kg:nameKey is every name and alias in lower case: one index lookup finds what a name means.
# (The class is written into the text, not bound by VALUES: a class in VALUES makes Oxigraph
# start from every instance of the class.)
_NAMED = """
PREFIX kg: <https://w3id.org/biopharma-kg/ontology#>
SELECT DISTINCT ?thing WHERE {
  VALUES ?wanted { UNDEF }
  GRAPH ?g { ?thing kg:nameKey ?wanted ; a CLASS }
}
"""
_EXISTS = """
SELECT ?thing WHERE {
  VALUES ?thing { UNDEF }
  GRAPH ?g { ?thing a CLASS }
}
LIMIT 1
"""
_ALL_NAMES = """
PREFIX kg: <https://w3id.org/biopharma-kg/ontology#>
SELECT DISTINCT ?text WHERE {
  GRAPH ?g { ?thing a CLASS ; kg:name|kg:alias ?text }
}
"""


def organizations_named(
    store: Store, text: str, *, strict: bool = False, units: bool = False
) -> list[ox.NamedNode]:
    """The organisations ``text`` means: the one whose identity key it gives ("immunogen" and
    "ImmunoGen, Inc." both mean ``org/immunogen``), every organisation a release names or
    aliases so, ignoring case ("Bayer" when a release says 'Bayer HealthCare ("Bayer")'), and
    every node the identity links join to one of these (the names the organisation went by in
    other releases); an IRI (or the short form a table prints) means itself and its other
    nodes. With ``units``, also every unit a release names as part of one of them, and its
    units. Sorted, so a bound query reads the same every time. With ``strict``, an
    organisation no release names is an error listing the nearest names the store holds."""
    from kg.resolve import organization_iri

    found = _named(
        store, text, KG + "Organization", str(organization_iri(text)), "organisation", strict
    )
    return _with_units(store, found) if units else found


def compounds_named(store: Store, text: str, *, strict: bool = False) -> list[ox.NamedNode]:
    """The compounds ``text`` means: by name or alias, ignoring case, or by IRI."""
    from kg.resolve import compound_iri

    return _named(store, text, KG + "Compound", str(compound_iri(text)), "compound", strict)


def _named(
    store: Store, text: str, cls: str, key_iri: str, what: str, strict: bool
) -> list[ox.NamedNode]:
    klass = ox.NamedNode(cls)
    if _looks_like_iri(text):
        node = _iri(text)
        if strict and not _exists(store, node, klass):
            raise QueryError(f"no {what} {node.value} in the store")
        return _same_as(store, {node.value})
    wanted = ox.Literal(" ".join(text.lower().split()))  # as kg.build.name_key_literal
    lookup = bind_values(_NAMED.replace("CLASS", str(klass)), {"wanted": wanted})
    found = {row["thing"].value for row in store.query(lookup)}
    key = ox.NamedNode(key_iri)
    if not strict or _exists(store, key, klass):
        found.add(key.value)
    if not found:
        article = "an" if what[0] in "aeiou" else "a"
        raise QueryError(
            f"no release names {article} {what} {text!r}", hint=_nearest(store, text, klass)
        )
    return _same_as(store, found)


# Every node the identity links join to one of the nodes given: one real organisation or
# compound under every name the releases gave it.
_SAME_AS = f"""
PREFIX kg: <{KG}>
SELECT DISTINCT ?other WHERE {{
  VALUES ?thing {{ UNDEF }}
  GRAPH <{IDENTITY_GRAPH}> {{ ?thing kg:canonical ?canonical . ?other kg:canonical ?canonical }}
}}
"""
_UNITS = f"""
PREFIX kg: <{KG}>
SELECT DISTINCT ?unit WHERE {{
  VALUES ?group {{ UNDEF }}
  GRAPH ?g {{ ?unit kg:subOrganizationOf ?group }}
}}
"""


def _same_as(store: Store, found: set[str]) -> list[ox.NamedNode]:
    nodes = [ox.NamedNode(iri) for iri in sorted(found)]
    others = {row["other"].value for row in store.query(bind_values(_SAME_AS, {"thing": nodes}))}
    return [ox.NamedNode(iri) for iri in sorted(found | others)]


def _with_units(store: Store, groups: list[ox.NamedNode]) -> list[ox.NamedNode]:
    """The groups and, level by level, every unit a release names as part of one of them."""
    found = {g.value for g in groups}
    frontier = list(groups)
    while frontier:
        rows = store.query(bind_values(_UNITS, {"group": frontier}))
        new = {row["unit"].value for row in rows} - found
        found |= {n.value for n in _same_as(store, new)} if new else set()
        frontier = [ox.NamedNode(iri) for iri in sorted(new)]
    return [ox.NamedNode(iri) for iri in sorted(found)]


_MENTIONED = """
SELECT ?g WHERE {
  VALUES ?thing { UNDEF }
  GRAPH ?g { ?thing ?p ?o }
}
LIMIT 1
"""


def _known_iri(store: Store, node: ox.NamedNode) -> ox.NamedNode:
    """An IRI the store says something about; another is a wrong parameter, not 0 rows."""
    if not list(store.query(bind_values(_MENTIONED, {"thing": node}))):
        raise QueryError(
            f"the store says nothing about {node.value}",
            hint="copy the IRI from a query's output (the short form a table prints will do)",
        )
    return node


def _looks_like_iri(text: str) -> bool:
    return bool(_SHORT_IRI.match(text.strip()) or re.match(r"^(https?|urn):", text.strip()))


def _exists(store: Store, node: ox.NamedNode, klass: ox.NamedNode) -> bool:
    text = bind_values(_EXISTS.replace("CLASS", str(klass)), {"thing": node})
    return bool(list(store.query(text)))


def _nearest(store: Store, text: str, klass: ox.NamedNode) -> str:
    names = {row["text"].value for row in store.query(_ALL_NAMES.replace("CLASS", str(klass)))}
    close = nearest_names(text, names)
    if not close:
        return "no name in the store comes close; kg query organizations lists them"
    return "the nearest names in the store: " + ", ".join(close)


def nearest_names(text: str, names: set[str], count: int = 5) -> list[str]:
    """The names most like ``text``, ignoring case: alike as a whole, or in one of their
    words ("Bayr" is near "Bayer HealthCare")."""
    wanted = text.strip().casefold()

    def likeness(name: str) -> float:
        folded = name.casefold()
        if wanted and wanted in folded:
            return 1.0
        parts = [folded, *folded.replace(",", " ").split()]
        return max(difflib.SequenceMatcher(None, wanted, part).ratio() for part in parts)

    scored = sorted(((likeness(n), n) for n in names), key=lambda pair: (-pair[0], pair[1]))
    return [name for score, name in scored[:count] if score >= 0.6]


# -- reading the queries -----------------------------------------------------------------------


def parse_canned(name: str, text: str) -> CannedQuery:
    """Read a canned query's header comment; the file's stem must match its ``name``, and every
    parameter must have its place in the query (a ``VALUES ... { UNDEF }`` clause)."""
    header: dict[str, list[str]] = {k: [] for k in ("summary", "description", "param", "list")}
    header["graph"] = []
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
        elif (cont := _CONTINUATION.match(line)) and last_key in header:
            header[last_key][-1] += " " + cont["value"].strip()
    if declared_name != name:
        raise QueryError(f"queries/{name}.rq: its header names it {declared_name!r}, not {name!r}")
    params = tuple(_parse_param(name, raw) for raw in header["param"])
    _check_placeholders(name, text, params)
    graph = dict(item.split("=", 1) for raw in header["graph"] for item in raw.split())
    return CannedQuery(
        name=name,
        summary=" ".join(header["summary"]),
        description=" ".join(header["description"]),
        text=text,
        params=params,
        lists=tuple(word for raw in header["list"] for word in raw.replace(",", " ").split()),
        graph=graph,
    )


def _parse_param(query: str, raw: str) -> Param:
    types = param_types()
    match = _PARAM.match(raw)
    if not match or match["type"] not in types:
        raise QueryError(
            f"queries/{query}.rq: bad param line {raw!r}",
            hint="write 'param: NAME (TYPE, optional[, repeatable]) [as ?VAR]: what it does' "
            f"with TYPE one of {', '.join(types)}",
        )
    flags = re.findall(r"\w+", match["flags"] or "")
    variables = tuple(re.findall(r"\?(\w+)", match["vars"] or "")) or (match["name"],)
    return Param(
        match["name"],
        match["type"],
        "required" in flags,
        match["doc"].strip(),
        repeatable="repeatable" in flags,
        variables=variables,
    )


def _check_placeholders(name: str, text: str, params: tuple[Param, ...]) -> None:
    code = _code_only(text)
    placed: dict[str, set[str]] = {}
    for match in _PLACEHOLDER.finditer(code):
        names = [match["one"]] if match["one"] else re.findall(r"\?(\w+)", match["many"])
        placed.setdefault(names[0], set()).update(names)
    owners = {var: p for p in params for var in p.variables}
    for first, names in placed.items():
        owner = owners.get(first)
        if owner is None or not names <= set(owner.variables):
            raise QueryError(
                f"queries/{name}.rq: VALUES ?{first} {{ UNDEF }} belongs to no parameter",
                hint="each VALUES ... { UNDEF } clause holds the variables of one parameter",
            )
    for param in params:
        if not set(param.variables) <= {n for names in placed.values() for n in names}:
            raise QueryError(
                f"queries/{name}.rq: parameter {param.name!r} has no place in the query",
                hint=f"add 'VALUES ?{param.variables[0]} {{ UNDEF }}' where it is used",
            )


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
        close = difflib.get_close_matches(name, list(queries), n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise QueryError(
            f"no canned query named {name!r}", hint=f"{hint}try one of: {', '.join(queries)}"
        )
    return queries[name]


# -- running -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """Which rows to return: at most ``limit`` after skipping ``offset``, sorted first by the
    ``order_by`` columns (a leading '-' sorts that column in descending order)."""

    limit: int | None = None
    offset: int = 0
    order_by: tuple[str, ...] = ()


def run_canned(
    store: Store,
    canned: CannedQuery,
    values: Mapping[str, str | Sequence[str]] | None = None,
    page: Page | None = None,
    cache: ResultCache | None = None,
    *,
    units: bool = False,
) -> Table:
    """Bind, page and run a canned query; its list columns come back sorted.

    With a ``cache`` (:mod:`kg.cache`), the whole ordered answer is kept the first time and
    every page is read from it while the store is unchanged. ``units`` as in
    :meth:`CannedQuery.bind`."""
    page = page or Page()
    _require_identity_links(store)
    text = canned.bind(values or {}, store, units=units)
    columns = _projected(canned.text)
    if cache is None:
        return sort_lists(Table.of(store.query(paged(text, page, columns))), canned.lists)
    ordered = paged(text, Page(order_by=page.order_by), columns)
    found = cache.read(ordered, page.offset, page.limit)
    if found is not None:
        return found
    state = cache.state()
    table = sort_lists(Table.of(store.query(ordered)), canned.lists)
    cache.write(ordered, table, state)
    end = None if page.limit is None else page.offset + page.limit
    return Table(table.variables, table.rows[page.offset : end])


_HAS_IDENTITY = f"ASK {{ GRAPH <{IDENTITY_GRAPH}> {{ ?node <{KG}canonical> ?canonical }} }}"
_HAS_RELEASES = f"ASK {{ GRAPH ?g {{ ?release a <{KG}Release> }} }}"


def _require_identity_links(store: Store) -> None:
    """The canned queries read organisations and compounds through the identity links: a
    store with releases but none (an older kg's, or graphs loaded by other means) would
    answer with rows missing."""
    if not store.query(_HAS_IDENTITY) and store.query(_HAS_RELEASES):
        raise StoreError(
            "the store holds releases but not the links that join them across releases",
            hint="run kg ingest on any folder of releases (nothing is added twice) to make them",
        )


def paged(text: str, page: Page, columns: Sequence[str]) -> str:
    """The query with the page's order put first in its ORDER BY, and LIMIT and OFFSET."""
    keys = []
    for item in page.order_by:
        column = item.lstrip("-")
        if column not in columns:
            raise QueryError(
                f"cannot order by {column!r}: the query has no such column",
                hint=f"its columns: {', '.join(columns)}",
            )
        keys.append(f"DESC(?{column})" if item.startswith("-") else f"?{column}")
    if keys:
        last = _last_order_by(text)
        if last is None:
            text = text.rstrip() + "\nORDER BY " + " ".join(keys) + "\n"
        else:
            text = text[: last.end()] + " " + " ".join(keys) + text[last.end() :]
    if page.limit is not None:
        text = text.rstrip() + f"\nLIMIT {page.limit}"
    if page.offset:
        text = text.rstrip() + f"\nOFFSET {page.offset}"
    return text + "\n"


def _last_order_by(text: str) -> re.Match[str] | None:
    """The outer query's ORDER BY (the last one outside any braces)."""
    code = _code_only(text)
    found = None
    for match in _ORDER_BY.finditer(code):
        before = code[: match.start()]
        if before.count("{") == before.count("}"):
            found = match
    return found


def _projected(text: str) -> list[str]:
    """The columns of a SELECT query: the variables of its outer SELECT clause."""
    code = _code_only(text)
    select = re.search(r"\bSELECT\b(.*?)\bWHERE\b|\bSELECT\b(.*?)\{", code, re.I | re.S)
    if not select:
        return []
    clause = select.group(1) or select.group(2) or ""
    clause = re.sub(r"\((?:[^()]|\([^()]*\))*\bAS\s+\?(\w+)\s*\)", r" ?\1 ", clause, flags=re.I)
    return re.findall(r"\?(\w+)", clause)


# -- ad hoc queries ------------------------------------------------------------------------------


def run_sparql(store: Store, text: str) -> Result:
    """Run a user's query with the ontology's prefixes declared, over the union of the graphs;
    a syntax error comes back as one readable line."""
    try:
        return store.query(with_prefixes(text), union_default_graph=True)
    except QueryError as err:
        if isinstance(err.__cause__, SyntaxError):
            raise syntax_error(err.__cause__, text, line_offset=1) from None
        raise


def run_update(store: Store, text: str) -> None:
    """Apply a user's update with the ontology's prefixes declared."""
    try:
        store.update(with_prefixes(text))
    except QueryError as err:
        if isinstance(err.__cause__, SyntaxError):
            raise syntax_error(err.__cause__, text, line_offset=1) from None
        raise


def with_prefixes(text: str) -> str:
    """The query with the ontology's prefixes declared on one line before it (those the query
    declares itself are left to it), so ``kg:name`` or ``pk:milestone`` work as they are."""
    from kg.schema import ontology

    declared = {m.lower() for m in re.findall(r"\bPREFIX\s+([\w-]*):", _code_only(text), re.I)}
    missing = {p: ns for p, ns in ontology().prefixes.items() if p.lower() not in declared}
    prologue = " ".join(f"PREFIX {p}: <{ns}>" for p, ns in sorted(missing.items()))
    return prologue + "\n" + text


def syntax_error(err: SyntaxError | ValueError, text: str, *, line_offset: int = 0) -> QueryError:
    """A SPARQL parse error as one readable line: where, what was expected, what was found."""
    message = str(err)
    found = re.match(r"error at (\d+):(\d+):\s*(.*)", message, re.S)
    first_word = _first_keyword(text)
    if first_word is not None:
        line, column, word = first_word
        return QueryError(
            f"SPARQL syntax error at line {line}, column {column}: a query starts with SELECT, "
            f"CONSTRUCT, ASK or DESCRIBE (after any PREFIX lines), not {word!r}"
        )
    if not found:
        return QueryError(f"SPARQL syntax error: {' '.join(message.split())[:200]}")
    line, column = int(found[1]) - line_offset, int(found[2])
    lines = text.splitlines() or [""]
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    if "Prefix not found" in found[3]:
        # Oxigraph points past the prefixed name; name the last one before that point.
        code_line = _code_only(source)
        names = [m for m in re.finditer(r"(?<![\w?$])([A-Za-z][\w.-]*)?:", code_line)]
        names = [m for m in names if m.start() < column]
        if names:
            column, what = names[-1].start() + 1, f"unknown prefix {names[-1].group()}"
        else:
            what = "unknown prefix"
        return QueryError(
            f"SPARQL syntax error at line {line}, column {column}: {what}",
            hint="declare it with PREFIX, or use one of the ontology's (kg schema --prefixes)",
        )
    # Oxigraph reports the furthest point its parser reached, often past the mistake; rdflib's
    # parser stops at the clause that fails, which is where a person should look.
    line, column = _where_rdflib_stops(text) or (line, column)
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    near = source[max(column - 1, 0) :].strip()
    near = near if len(near) <= 40 else near[:39] + "…"
    at = f" at {near!r}" if near else " at the end of the query"
    prefix = re.match(r"([A-Za-z][\w.-]*)?:(?!//)", near)
    declared = re.findall(r"\bPREFIX\s+([\w.-]*):", _code_only(text), re.IGNORECASE)
    if prefix and (prefix.group(1) or "") not in declared:
        from kg.schema import ontology

        if (prefix.group(1) or "") not in ontology().prefixes:
            return QueryError(
                f"SPARQL syntax error at line {line}, column {column}: unknown prefix "
                f"{prefix.group()}",
                hint="declare it with PREFIX, or use one of the ontology's (kg schema --prefixes)",
            )
    if near.count('"') % 2 or near.count("'") % 2:
        return QueryError(
            f"SPARQL syntax error at line {line}, column {column}{at}: a string is not closed"
        )
    expected = _expected(found[3])
    wanted = f": expected {expected}" if expected else ""
    return QueryError(f"SPARQL syntax error at line {line}, column {column}{at}{wanted}")


def _where_rdflib_stops(text: str) -> tuple[int, int] | None:
    try:
        from rdflib.plugins.sparql.parser import parseQuery

        parseQuery(text)
    except Exception as err:  # pyparsing's ParseException, or whatever else it raises
        line, column = getattr(err, "lineno", None), getattr(err, "col", None)
        if isinstance(line, int) and isinstance(column, int):
            return line, column
    return None


_QUERY_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")


def _first_keyword(text: str) -> tuple[int, int, str] | None:
    """Where the query's first word is, when it is not a query form (a typo such as SELEC)."""
    code = _code_only(text)
    prologue = re.match(r"\s*(?:(?:PREFIX\s+[\w-]*:\s*|BASE\s*)\s*\S*\s*)*", code, re.I)
    start = prologue.end() if prologue else 0
    word = re.match(r"[A-Za-z]+", code[start:])
    if word is None or word.group().upper() in (*_QUERY_FORMS, "PREFIX", "BASE"):
        return None
    if _UPDATE.match(code[start:]):
        return None
    line = code.count("\n", 0, start) + 1
    column = start - (code.rfind("\n", 0, start) + 1) + 1
    return line, column, word.group()


_FUNCTIONS = {"ABS", "STR", "IRI", "MAX", "SUM", "NOW", "ENCODE_FOR_URI", "STRSTARTS"}


def _expected(raw: str) -> str:
    """Oxigraph's list of what it expected, without the character classes of a name; a list
    of functions is 'an expression'; a long list is left out."""
    text = re.sub(r"^expected (one of )?", "", " ".join(raw.split()))
    if _FUNCTIONS & set(re.findall(r"[A-Z_]+", text)):
        return "an expression (a variable, a value or a function call)"
    items = [i.strip() for i in re.split(r",\s*(?![^\[]*\])", text) if i.strip()]
    words: list[str] = []
    for item in items:
        if "..=" in item or "\\u{" in item or item.startswith("['") or item == "[_]":
            item = "a variable or a name"
        item = item.strip("\"'")
        if "\\" in item or item in ("LATERAL",):
            continue
        if item and item not in words and item != "Prefix not found":
            words.append(item)
    if len(words) > 5:
        return ""
    return " or ".join(words) if len(words) <= 2 else ", ".join(words[:-1]) + " or " + words[-1]


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
    """The query with comments, strings and IRIs blanked out (same length, same lines), to
    look for keywords safely."""
    return _NOT_CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


# -- results, for library users and tests ------------------------------------------------------


def format_result(result: Result | Table, fmt: str, graph: Mapping[str, str] | None = None) -> str:
    """W3C SPARQL results for csv/tsv/json; an aligned text table for people."""
    from kg.results import write

    if isinstance(result, ox.QueryTriples):
        return ox.serialize(result, format=ox.RdfFormat.TURTLE).decode("utf-8")
    if isinstance(result, ox.QueryBoolean):
        if fmt == "json":
            return '{"head":{},"boolean":' + ("true" if bool(result) else "false") + "}\n"
        return "true\n" if bool(result) else "false\n"
    table = result if isinstance(result, Table) else Table.of(result)
    return write(table, fmt, graph)


def rows_as_dicts(result: ox.QuerySolutions | Table) -> list[dict[str, str]]:
    """Plain rows (the CSV view) for library users and tests."""
    from kg.results import rows_of

    return rows_of(result)
