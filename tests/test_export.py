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


# -- taken as they are by other tools ------------------------------------------------------


@pytest.fixture
def seeded_store(tmp_path):
    """A store with the hand-made releases (every kind of fact) and the ontology graph."""
    from factories import fill

    path = tmp_path / "seeded"
    fill(Store.open(path)).close()
    with Store.open(path, read_only=True) as reader:
        yield reader


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_turtle_and_trig_use_the_ontology_prefixes_and_plain_names(seeded_store, fmt):
    text = _export(seeded_store, fmt).decode()
    assert "\\/" not in text  # no escaped local names (kgv:phase\/approved was one)
    for prefix in ("kg", "pk", "pst", "pq", "agk", "rek", "phase", "xsd"):
        assert f"@prefix {prefix}: <" in text
    assert "kg:paymentKind pk:milestone" in text and "phase:approved" in text
    head = [line for line in text.splitlines() if line.startswith("@prefix")]
    assert head == sorted(head)  # written in one order, so the bytes stay the same


def test_trig_is_the_same_bytes_every_time(seeded_store):
    assert _export(seeded_store, "trig") == _export(seeded_store, "trig")


def test_jsonld_has_a_context_with_the_ontology_prefixes(seeded_store):
    import json

    document = json.loads(_export(seeded_store, "jsonld"))
    assert document["@context"]["kg"] == str(KG)
    assert document["@context"]["pk"].endswith("/vocab/payment-kind/")
    graphs = {graph["@id"] for graph in document["@graph"]}
    assert "https://w3id.org/biopharma-kg/ontology" in graphs
    nodes = [node for graph in document["@graph"] for node in graph["@graph"]]
    assert any(node.get("kg:paymentKind") == [{"@id": "pk:milestone"}] for node in nodes)
    dataset = Dataset().parse(data=_export(seeded_store, "jsonld"), format="json-ld")
    trig = Dataset().parse(data=_export(seeded_store, "trig"), format="trig")
    for graph in trig.graphs():
        if len(graph):
            assert isomorphic(dataset.graph(graph.identifier), graph), graph.identifier


def test_the_void_description_counts_the_dataset(seeded_store):
    from kg.export import void_description

    void = Graph().parse(data=void_description(seeded_store, "file:///tmp/kg.trig", "trig"))
    VOID = Namespace("http://rdfs.org/ns/void#")
    DCT = Namespace("http://purl.org/dc/terms/")
    DCAT = Namespace("http://www.w3.org/ns/dcat#")
    (dataset,) = void.subjects(predicate=VOID.triples)
    assert int(void.value(dataset, VOID.triples)) == len(seeded_store)
    partitions = {
        str(void.value(p, VOID["class"])): int(void.value(p, VOID.entities))
        for p in void.objects(dataset, VOID.classPartition)
    }
    assert partitions[str(KG.Release)] == 3 and partitions[str(KG.PaymentEvent)] == 4
    assert str(void.value(dataset, DCT.conformsTo)).endswith("/ontology/0.2.0")
    period = void.value(dataset, DCT.temporal)
    assert str(void.value(period, DCAT.startDate)) == "2011-06-14"
    assert str(void.value(period, DCAT.endDate)) == "2013-02-25"
    assert str(void.value(dataset, VOID.dataDump)) == "file:///tmp/kg.trig"


RAPPER_SYNTAX = {"turtle": "turtle", "trig": "trig", "nquads": "nquads"}


@pytest.mark.parametrize("fmt", sorted(RAPPER_SYNTAX))
def test_a_second_parser_takes_the_export_without_a_warning(seeded_store, tmp_path, fmt):
    """rapper (Debian's raptor2-utils, which scripts/test installs) reads every export."""
    import shutil

    rapper = shutil.which("rapper")
    if rapper is None:
        pytest.skip("rapper is not installed (scripts/test installs raptor2-utils)")
    path = tmp_path / f"kg.{fmt}"
    path.write_bytes(_export(seeded_store, fmt))
    done = subprocess.run(
        [rapper, "-i", RAPPER_SYNTAX[fmt], "-c", str(path)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if "warning" in line.lower()]
    assert not warnings and "error" not in done.stderr.lower(), done.stderr
    assert "Parsing returned" in done.stderr
    from kg.export import void_description

    void = tmp_path / "kg.void.ttl"
    void.write_text(void_description(seeded_store, path.as_uri(), fmt))
    checked = subprocess.run(
        [rapper, "-i", "turtle", "-c", str(void)], capture_output=True, text=True
    )
    assert checked.returncode == 0 and "warning" not in checked.stderr.lower(), checked.stderr
