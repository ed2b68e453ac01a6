"""How long the canned queries take on a store that is already there: every row, and the first
page (``kg query NAME --limit 20``), broad (no filter) and for one organisation.

``kg bench queries STORE`` runs each canned query as ``kg query`` does (binding, the
organisation lookup, the run, the sorting of list columns) several times and reports the
median wall time: of every row; of the first page asked of the store (the engine must still
evaluate and order every row first); and of the first page once the answer is in kg's result
cache (:mod:`kg.cache`, as every ``kg query`` after the first while the store is unchanged).

A 100,000-release store takes a quarter of an hour or more to build (``kg bench generate``
then ``kg ingest``); this measures it as often as wanted without building it again.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.cache import ResultCache
from kg.query import CannedQuery, Page, canned_queries, run_canned
from kg.store import Store

FIRST_PAGE = 20


@dataclass(frozen=True)
class QueryTiming:
    query: str
    case: str  # "all", or the parameter and value used
    rows: int
    all_rows_s: float
    first_page_s: float
    cached_page_s: float
    runs: int


@dataclass
class QueryBench:
    store: str
    releases: int
    quads: int
    timings: list[QueryTiming] = field(default_factory=list)

    def format(self) -> str:
        lines = [
            f"kg bench queries: {self.store} ({self.releases:,} releases, {self.quads:,} quads)",
            f"median wall time of each canned query as kg query runs it; first page = "
            f"--limit {FIRST_PAGE}",
            "",
            f"{'query':18} {'case':34} {'rows':>9} {'all rows':>10} {'first page':>11} "
            f"{'cached':>8}",
        ]
        for t in self.timings:
            lines.append(
                f"{t.query:18} {t.case[:34]:34} {t.rows:>9,} {_seconds(t.all_rows_s):>10} "
                f"{_seconds(t.first_page_s):>11} {_seconds(t.cached_page_s):>8}"
            )
        slowest = max((t.first_page_s for t in self.timings), default=0.0)
        cached = max((t.cached_page_s for t in self.timings), default=0.0)
        lines += [
            "",
            f"slowest first page: {_seconds(slowest)} asked of the store, "
            f"{_seconds(cached)} from the result cache",
        ]
        return "\n".join(lines) + "\n"


def bench_queries(
    store_path: Path | str,
    *,
    runs: int = 3,
    names: list[str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> QueryBench:
    """Time every canned query (or those ``names``) on the store at ``store_path``."""
    with Store.open(store_path, read_only=True) as store:
        releases = len(store.releases())
        result = QueryBench(str(store_path), releases, len(store))
        organization = busiest_organization(store)
        fact = some_payment(store)
        for name, canned in canned_queries().items():
            if names and name not in names:
                continue
            for case, values in cases(canned, organization, fact):
                if progress is not None:
                    progress(f"{name} ({case})")
                result.timings.append(_time(store, canned, case, values, runs))
    return result


def cases(
    canned: CannedQuery, organization: str | None, fact: str | None = None
) -> list[tuple[str, dict[str, str]]]:
    """The broad question (every optional parameter unbound), the question about one
    organisation where the query takes one, and a fact's evidence."""
    found: list[tuple[str, dict[str, str]]] = []
    if not any(p.required for p in canned.params):
        found.append(("all", {}))
    iri_params = [p for p in canned.params if p.type == "iri" and p.required]
    if iri_params and fact is not None:
        found.append((f"{iri_params[0].name}=a payment", {iri_params[0].name: fact}))
    org_params = [p for p in canned.params if p.type == "organization"]
    if org_params and organization is not None:
        param = org_params[0]
        found.append((f"{param.name}={organization}", {param.name: organization}))
    return found


def busiest_organization(store: Store) -> str | None:
    """The organisation in the most releases' deals: a name a researcher would look up."""
    query = """
        PREFIX kg: <https://w3id.org/biopharma-kg/ontology#>
        SELECT ?org (MIN(?name) AS ?first) (COUNT(DISTINCT ?g) AS ?releases) WHERE {
          GRAPH ?g { ?fact kg:involves ?org . ?org kg:name ?name }
        }
        GROUP BY ?org ORDER BY DESC(?releases) ?org LIMIT 1"""
    rows = list(store.query(query))
    return rows[0]["first"].value if rows else None


def some_payment(store: Store) -> str | None:
    query = """
        PREFIX kg: <https://w3id.org/biopharma-kg/ontology#>
        SELECT ?payment WHERE { GRAPH ?g { ?payment a kg:PaymentEvent } } LIMIT 1"""
    rows = list(store.query(query))
    return rows[0]["payment"].value if rows else None


def _time(
    store: Store, canned: CannedQuery, case: str, values: dict[str, str], runs: int
) -> QueryTiming:
    every, first, cached, rows = [], [], [], 0
    with tempfile.TemporaryDirectory(prefix="kg-bench-cache-") as folder:
        cache = ResultCache(store.path, Path(folder)) if store.path is not None else None
        page = Page(limit=FIRST_PAGE)
        for _ in range(runs):
            started = time.perf_counter()
            rows = len(run_canned(store, canned, values).rows)
            every.append(time.perf_counter() - started)
            started = time.perf_counter()
            run_canned(store, canned, values, page)
            first.append(time.perf_counter() - started)
        if cache is not None:
            run_canned(store, canned, values, page, cache)  # fills the cache
            for _ in range(runs):
                started = time.perf_counter()
                run_canned(store, canned, values, page, cache)
                cached.append(time.perf_counter() - started)
    return QueryTiming(
        canned.name,
        case,
        rows,
        statistics.median(every),
        statistics.median(first),
        statistics.median(cached) if cached else float("nan"),
        runs,
    )


def _seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.1f} s"
