"""Compare the canned queries' answers across SPARQL engines, as SPARQL promises them.

Rows are compared after what SPARQL leaves open is set aside:
- **numbers by value** (Jena prints a computed decimal as "20000000.0", Oxigraph "20000000");
- **lists made by GROUP_CONCAT as sets**: SPARQL promises no order inside a GROUP_CONCAT;
- **an empty GROUP_CONCAT and an unbound cell alike** (Virtuoso gives "", Oxigraph nothing;
  CSV shows both as an empty cell anyway);
- **row order only where the query's final ORDER BY fixes it**: the rows are compared as a
  multiset, and the columns the ORDER BY sorts on (while they are plain output columns) must
  come in the same sequence; rows tied on those may come in any order.

``cases`` derives parameter values from a store's own answers, so the same comparison runs on
the development corpus and on a generated one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kg.query import CannedQuery, canned_queries, rows_as_dicts
from kg.store import Store

Rows = list[dict[str, str]]

_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_GROUP_CONCAT = re.compile(
    r'GROUP_CONCAT\s*\(\s*(?:DISTINCT\s+)?\?\w+\s*;\s*SEPARATOR\s*=\s*"((?:[^"\\]|\\.)*)"\s*\)'
    r"\s*AS\s*\?(\w+)",
    re.IGNORECASE,
)
# Columns the query contract documents as lists joined by "; " (some are built from a
# GROUP_CONCAT through BINDs the text scan below cannot follow).
LIST_COLUMNS = {
    "releases": ("source",),
    "agreements": ("parties",),
    "compounds": ("aliases", "target", "payload", "developer", "indications"),
    "organizations": ("aliases", "ticker", "exchange"),
    "deal-value": ("parties", "potential_qualifiers"),
    "evidence": ("source",),
    "timeline": ("counterparty",),
}
_RENAME = re.compile(r"\(\s*\?(\w+)\s+AS\s+\?(\w+)\s*\)", re.IGNORECASE)
_COMMENT = re.compile(r"#[^\n]*")


@dataclass(frozen=True)
class Case:
    query: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
        bound = ",".join(f"{k}={v}" for k, v in self.params)
        return f"{self.query}({bound})" if bound else self.query


@dataclass(frozen=True)
class Shape:
    """What a query's text promises about its rows: which columns are lists, which order."""

    lists: dict[str, str]  # column -> separator
    order: tuple[str, ...]  # leading ORDER BY columns that are output columns

    @classmethod
    def of(cls, text: str, columns: Iterable[str]) -> Shape:
        code = _COMMENT.sub("", text)
        columns = list(columns)
        lists = {alias: _unescape(sep) for sep, alias in _GROUP_CONCAT.findall(code)}
        for source, alias in _RENAME.findall(code):
            if source in lists:
                lists[alias] = lists[source]
        return cls({c: s for c, s in lists.items() if c in columns}, _order_keys(code, columns))


def _unescape(separator: str) -> str:
    return separator.encode().decode("unicode_escape")


def _order_keys(code: str, columns: list[str]) -> tuple[str, ...]:
    """The final ORDER BY's leading keys that are plain output columns (DESC/ASC allowed)."""
    depth, top_level = 0, []
    for char in code:
        depth += char == "{"
        depth -= char == "}"
        top_level.append(char if depth == 0 else " ")
    outer = "".join(top_level)
    found = list(re.finditer(r"ORDER\s+BY\s+(.*)$", outer, re.IGNORECASE | re.DOTALL))
    if not found:
        return ()
    keys = []
    for token in re.findall(r"(?:(?:ASC|DESC)\s*\(\s*\?\w+\s*\)|\?\w+|\S+)", found[-1][1]):
        name = re.sub(r"^(?:ASC|DESC)\s*\(\s*\?|\s*\)$|^\?", "", token, flags=re.IGNORECASE)
        if name.upper() in ("LIMIT", "OFFSET") or name not in columns:
            break
        keys.append(name)
    return tuple(keys)


def normalise(rows: Rows, shape: Shape) -> list[tuple[str, ...]]:
    return [tuple(_cell(k, v, shape) for k, v in row.items()) for row in rows]


def _cell(column: str, value: str, shape: Shape) -> str:
    if column in shape.lists and value:
        return shape.lists[column].join(
            sorted(_cell("", v, shape) for v in value.split(shape.lists[column]))
        )
    if _NUMBER.match(value):
        try:
            number = Decimal(value)
        except InvalidOperation:
            return value
        return (
            format(number.normalize(), "f")
            if number == number.to_integral()
            else str(number.normalize())
        )
    return value


def differences(expected: Rows, got: Rows, shape: Shape) -> list[str]:
    """Why ``got`` does not give the same answer as ``expected``; empty when it does."""
    if expected and got and list(expected[0]) != list(got[0]):
        return [f"columns {list(got[0])} instead of {list(expected[0])}"]
    want, have = normalise(expected, shape), normalise(got, shape)
    problems = []
    if Counter(want) != Counter(have):
        missing = list((Counter(want) - Counter(have)).elements())
        extra = list((Counter(have) - Counter(want)).elements())
        problems.append(
            f"{len(have)} rows instead of {len(want)}: {len(missing)} missing"
            f"{' e.g. ' + str(missing[0]) if missing else ''}, {len(extra)} unexpected"
            f"{' e.g. ' + str(extra[0]) if extra else ''}"
        )
    elif shape.order:
        columns = list(expected[0]) if expected else []
        at = [columns.index(c) for c in shape.order]
        if [tuple(r[i] for i in at) for r in want] != [tuple(r[i] for i in at) for r in have]:
            problems.append(f"the same rows in another order (ORDER BY {', '.join(shape.order)})")
    return problems


# -- cases -------------------------------------------------------------------------------------


def cases(store: Store) -> list[Case]:
    """Every canned query without parameters (where it needs none), and with each of its
    parameters bound to a value the store's own answers hold."""
    queries = canned_queries()
    unbound = {
        name: run(store, query)
        for name, query in queries.items()
        if not any(p.required for p in query.params)
    }
    found = []
    for name, query in queries.items():
        if name in unbound:
            found.append(Case(name))
        for param in query.params:
            value = _value_for(param.name, param.type, name, unbound)
            if value is not None:
                found.append(Case(name, ((param.name, value),)))
    return found


def _value_for(param: str, kind: str, query: str, answers: dict[str, Rows]) -> str | None:
    def most_common(name: str, column: str) -> str | None:
        values = Counter(r[column] for r in answers.get(name, []) if r.get(column))
        return values.most_common(1)[0][0] if values else None

    if kind == "organization" and query == "earned-by-year":  # it asks about payees
        return most_common("earned-by-year", "payee")
    if kind == "organization":
        return most_common("payments", "payer") or most_common("organizations", "organization")
    if kind == "iri":
        return most_common("agreements", "agreement")
    if kind == "date":
        dates = sorted(r["published"] for r in answers.get("releases", []) if r.get("published"))
        return dates[len(dates) // 2] if dates else None
    if param in (answers.get(query) or [{}])[0]:
        return most_common(query, param)
    if param == "name" and answers.get(query):
        return most_common(query, next(iter(answers[query][0])))
    return None


def bound_text(store: Store, case: Case, queries: dict[str, CannedQuery] | None = None) -> str:
    query = (queries or canned_queries())[case.query]
    return query.bind(dict(case.params), store)


def run(store: Store, query: CannedQuery | str, params: dict[str, str] | None = None) -> Rows:
    text = query if isinstance(query, str) else query.bind(params or {}, store)
    return rows_as_dicts(store.query(text))


def rows_of_json(body: bytes) -> Rows:
    """SPARQL JSON results (another engine's answer) as rows, read the way kg reads a server's."""
    from kg.store.remote import parse_json_results

    return rows_as_dicts(parse_json_results(body, "the engine"))


def shape_of(case: Case, columns: Iterable[str]) -> Shape:
    columns = list(columns)
    shape = Shape.of(canned_queries()[case.query].text, columns)
    known = {c: "; " for c in LIST_COLUMNS.get(case.query, ()) if c in columns}
    return Shape({**known, **shape.lists}, shape.order)
