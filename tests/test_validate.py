"""The ingest gate: pyrudof's verdicts equal pySHACL's on every shape's breaking graph."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from test_shapes import CASES, VALID, broken

from kg.errors import ShapesError
from kg.validate import ReleaseValidator, ntriples, validate_graph

RUDOF = ReleaseValidator(engine="rudof")


def terms(graph):
    return ntriples(graph)


PYSHACL = ReleaseValidator(engine="pyshacl")


def test_the_engines_are_what_they_say():
    assert RUDOF.engine == "rudof+pyshacl"
    assert PYSHACL.engine == "pyshacl"


def test_a_valid_graph_passes_the_fast_gate():
    assert RUDOF.conforms_ntriples(terms(VALID))
    assert RUDOF.validate(VALID).conforms


def test_a_line_the_gate_cannot_parse_is_an_error_not_a_pass():
    with pytest.raises(ShapesError, match="cannot parse"):
        RUDOF.conforms_ntriples(terms(VALID) + "<urn:x:a> <urn:x:b> unterminated .\n")


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_rudof_gives_pyshacls_verdict(case):
    graph = broken(case)
    assert RUDOF.conforms_ntriples(terms(graph)) == validate_graph(graph).conforms


def test_a_rejected_graph_gets_pyshacls_full_report():
    case = next(c for c in CASES if not validate_graph(broken(c)).conforms)
    report = RUDOF.validate(broken(case))
    assert not report.conforms
    assert report.violations == validate_graph(broken(case)).violations


def test_staging_leaves_nothing_behind_between_graphs():
    failing = next(c for c in CASES if not validate_graph(broken(c)).conforms)
    assert not RUDOF.conforms_ntriples(terms(broken(failing)))
    assert RUDOF.conforms_ntriples(terms(VALID))


def test_whole_store_validation_finds_the_one_broken_graph():
    from rdflib.compare import isomorphic

    from kg.build import ReleaseGraph
    from kg.store import Store
    from kg.validate import validate_store

    failing = next(c for c in CASES if not validate_graph(broken(c)).conforms)
    good = ReleaseGraph.of_graph(VALID.identifier, VALID.identifier, "a", VALID)
    bad_graph = broken(failing)
    bad = ReleaseGraph.of_graph(URIRef("urn:kg:test:bad"), bad_graph.identifier, "b", bad_graph)
    store = Store.open(None)
    store.load_releases([good, bad])  # the store itself takes anything: the gate is ingest's
    assert isomorphic(store.graph(str(good.iri)), VALID)
    for validator, workers in ((RUDOF, 0), (RUDOF, 2), (PYSHACL, None)):
        report = validate_store(store, validator, workers=workers)
        assert report.checked == 2
        assert list(report.failures) == ["urn:kg:test:bad"]
        assert "1 do not conform" in report.text
        assert report.failures["urn:kg:test:bad"].violations  # pySHACL's report, not a bare no


@pytest.mark.parametrize(
    "sentence",
    ['"We remain committed,"\nsaid the CEO.', 'ends with a quote "', "tab\tand\\backslash", "ünï"],
)
def test_the_fast_gate_takes_any_literal(sentence):
    from kg.namespace import KG

    graph = Graph()
    for triple in VALID:
        graph.add(triple)
    evidence = next(graph.subjects(KG.sentence, None))
    graph.set((evidence, KG.sentence, Literal(sentence)))
    assert RUDOF.conforms_ntriples(terms(graph)) == validate_graph(graph).conforms
