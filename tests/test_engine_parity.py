"""The canned queries mean the same on two SPARQL engines: Oxigraph (kg's store) and rdflib's.

Each query, with and without its parameters, runs on the store and on an rdflib ``Dataset``
holding the same quads (the store's N-Quads, the ontology's graph included); the rows must be
the same, in the same order, values compared as RDF terms (numbers by value). The small store
is the hand-made releases of ``factories``, and the development corpus when it is there.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from factories import fill
from rdflib import BNode, Dataset, Literal, URIRef

from kg.ingest import ingest_paths
from kg.query import CannedQuery, canned_queries, run_canned
from kg.results import Table, sort_lists
from kg.store import Store

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
NUMERIC = {
    "http://www.w3.org/2001/XMLSchema#" + t for t in ("integer", "decimal", "double", "float")
}


def _dataset(store: Store) -> Dataset:
    sink = io.BytesIO()
    store.ox.dump(sink, format=ox.RdfFormat.N_QUADS)
    return Dataset().parse(data=sink.getvalue().decode(), format="nquads")


@pytest.fixture(scope="module")
def engines(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Store, Dataset]]:
    small = fill(Store.open(None))
    found = [("hand-made releases", small, _dataset(small))]
    if DEV.is_dir():
        dev = Store.open(None)
        ingest_paths([DEV], dev, workers=0)
        found.append(("dev corpus", dev, _dataset(dev)))
    return found


def _value(term: ox.Term | None) -> object:
    """A cell as a comparable value: numbers by value, other terms as themselves."""
    if term is None:
        return None
    if isinstance(term, ox.Literal) and term.datatype.value in NUMERIC:
        return ("number", Decimal(term.value))
    return (type(term).__name__, str(term))


def _rdflib_table(dataset: Dataset, canned: CannedQuery, text: str) -> Table:
    result = dataset.query(text)
    names = [str(v) for v in result.vars]
    rows = [[_to_ox(row[name]) for name in names] for row in result]
    return sort_lists(Table(names, rows), canned.lists)


def _to_ox(term: object) -> ox.Term | None:
    if term is None:
        return None
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    assert isinstance(term, Literal)
    if term.language:
        return ox.Literal(str(term), language=term.language)
    datatype = term.datatype or URIRef("http://www.w3.org/2001/XMLSchema#string")
    return ox.Literal(str(term), datatype=ox.NamedNode(str(datatype)))


def _cases(store: Store) -> list[tuple[str, Mapping[str, str | Sequence[str]]]]:
    """Every canned query broad, and with each of its parameters given a value from the data."""
    organization = next(iter(run_canned(store, canned_queries()["partner-network"]).rows))[0]
    payment = run_canned(store, canned_queries()["payments"]).column("payment")[0]
    compound = run_canned(store, canned_queries()["compounds"]).column("compound")[0]
    values = {
        "organization": organization.value,
        "compound": compound.value,
        "iri": payment.value,
        "date": "2012-01-01",
        "currency": "USD",
        "payment-kind": "milestone",
        "payment-status": "earned",
    }
    cases = []
    for name, canned in canned_queries().items():
        required = {p.name: values[p.type] for p in canned.params if p.required}
        cases.append((name, required))
        for param in canned.params:
            if not param.required:
                cases.append((name, {**required, param.name: values[param.type]}))
    return cases


def test_every_canned_query_gives_the_same_rows_on_oxigraph_and_rdflib(engines) -> None:
    checked = 0
    for corpus, store, dataset in engines:
        for name, params in _cases(store):
            canned = canned_queries()[name]
            oxigraph = run_canned(store, canned, params)
            text = canned.bind(params, store)
            rdflib = _rdflib_table(dataset, canned, text)
            assert rdflib.variables == oxigraph.variables
            expected = [[_value(t) for t in row] for row in oxigraph.rows]
            got = [[_value(t) for t in row] for row in rdflib.rows]
            assert got == expected, f"{name} {dict(params)} on the {corpus}"
            checked += bool(expected)
    assert checked >= 20  # most cases have rows to compare
