"""Export: W3C formats that parse back to the same graphs; Turtle deterministic, decimals exact."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest
from rdflib import Dataset, Graph, Literal, Namespace
from rdflib.compare import isomorphic

from kg import facts as f
from kg.build import build_graph
from kg.export import export
from kg.namespace import KG
from kg.read import parse_release
from kg.store import Store

# A plain Namespace: rdflib's closed XSD namespace warns when pytest inspects module names.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

TEXTS = [
    "ACME Corp. earns $170.5 million.\nBig Pharma AG pays it.\n",
    "Big Pharma AG pays ACME Corp. EUR 0.25 million.\nIt is a deal.\n",
]


def _graph(text: str, source: str, amount: str, currency: str):
    release = parse_release(text.encode(), source=source)
    span = f.Span(0, release.text.index("\n"))
    facts = f.ReleaseFacts(
        text=release.text,
        title="ACME",
        published=date(2021, 3, 4),
        issuer="ACME Corp.",
        title_evidence=span,
        organizations=[
            f.Organization("ACME", span, aliases=["ACME Corp."]),
            f.Organization("Big Pharma", span, aliases=["Big Pharma AG"]),
        ],
        payments=[
            f.Payment(
                "milestone",
                "earned",
                span,
                money=f.Money(Decimal(amount), currency),
                payer="Big Pharma",
                payee="ACME",
                date=date(2021, 3, 4),
            )
        ],
    )
    return build_graph(release, facts)


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "store"
    graphs = [
        _graph(TEXTS[0], "a.txt", "170500000", "USD"),
        _graph(TEXTS[1], "b.txt", "250000.50", "EUR"),
    ]
    with Store.open(path) as writer:
        writer.load_releases(graphs)
    with Store.open(path, read_only=True) as reader:
        reader.expected = graphs  # type: ignore[attr-defined]
        yield reader


def _export(store: Store, fmt: str) -> bytes:
    sink = io.BytesIO()
    export(store, fmt, sink)
    return sink.getvalue()


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("trig", "trig"), ("nquads", "nquads")])
def test_dataset_formats_keep_one_graph_per_release(store, fmt, rdflib_format):
    dataset = Dataset().parse(data=_export(store, fmt), format=rdflib_format)
    for expected in store.expected:
        assert isomorphic(dataset.graph(expected.iri), expected.graph)


def test_jsonld_round_trips_to_the_same_graphs(store):
    dataset = Dataset().parse(data=_export(store, "jsonld"), format="json-ld")
    for expected in store.expected:
        assert isomorphic(dataset.graph(expected.iri), expected.graph)


def test_turtle_is_the_union_of_the_release_graphs(store):
    exported = Graph().parse(data=_export(store, "turtle"), format="turtle")
    union = Graph()
    for expected in store.expected:
        union += expected.graph
    assert isomorphic(exported, union)


def test_turtle_keeps_exact_decimals(store):
    exported = Graph().parse(data=_export(store, "turtle"), format="turtle")
    values = set(exported.objects(None, KG.value))
    assert values == {
        Literal("170500000", datatype=XSD.decimal),
        Literal("250000.5", datatype=XSD.decimal),
    }


def test_turtle_is_the_same_bytes_every_time(store):
    script = (
        "import sys, io; from kg.store import Store; from kg.export import export;"
        "s = Store.open(sys.argv[1], read_only=True); b = io.BytesIO(); export(s, 'turtle', b);"
        "sys.stdout.buffer.write(b.getvalue())"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", script, str(store.path)], capture_output=True, check=True
        ).stdout
        for _ in range(2)
    }
    runs.add(_export(store, "turtle"))
    assert len(runs) == 1


def test_turtle_includes_triples_a_user_put_in_the_default_graph(store):
    extra = Store.open(None)
    extra.load_releases(store.expected)
    extra.update("INSERT DATA { <urn:x:note> <urn:x:says> 'added by hand' }")
    exported = Graph().parse(data=_export(extra, "turtle"), format="turtle")
    assert (None, None, Literal("added by hand")) in exported
    assert len(exported) == len(Graph().parse(data=_export(store, "turtle"), format="turtle")) + 1
