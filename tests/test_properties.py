"""Property-based tests: any text goes through read -> extract -> build -> validate without an
exception, and whatever comes out either conforms or is rejected with a reason; exports parse
back to the same graphs."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.build import build_graph
from kg.errors import ReleaseReadError
from kg.export import export
from kg.extract import extract
from kg.read import parse_release
from kg.store import Store
from kg.validate import validate_graph

FRAGMENTS = [
    "ImmunoGen, Inc. (Nasdaq: IMGN) today announced",
    "BOSTON, June 14, 2011 /PRNewswire/ --",
    "triggers a $2 million milestone payment to ImmunoGen",
    "is eligible to receive up to €170.5 million per product",
    "Bayer HealthCare AG",
    "an exclusive license to the maytansinoid TAP technology",
    "trastuzumab emtansine (T-DM1) is in Phase III",
    "acquired Abgenix, Inc. for $22.50 per share in cash",
    "the IND submission for BAY 94-9343",
    '"We are pleased," said Jane Doe, President and CEO.',
    "About ImmunoGen, Inc.",
    "collaborative partners include Amgen, Biotest, Genentech and Sanofi.",
    "This press release contains forward-looking statements. The Company expects",
    "JPY 65 billion",
    "single-digit millions",
    "terminated the agreement with",
    "\n\n",
    ". ",
    "(",
    ")",
    "$",
    "\u00a0",
]

release_like = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=40).map("".join)
any_text = st.text(min_size=1, max_size=2000)

SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def through_the_pipeline(text: str) -> None:
    try:
        release = parse_release(text.encode("utf-8", "surrogatepass"), source="prop.txt")
    except ReleaseReadError as err:
        assert err.reason  # refused, with a reason
        return
    facts = extract(release)
    graph = build_graph(release, facts)
    report = validate_graph(graph.graph)
    assert report.conforms or report.violations  # conforms, or says why not


@SLOW
@given(any_text)
def test_any_unicode_text_goes_through_without_an_exception(text):
    through_the_pipeline(text)


@SLOW
@given(release_like)
def test_release_like_text_goes_through_without_an_exception(text):
    through_the_pipeline(text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(release_like)
def test_exports_round_trip_to_isomorphic_graphs(text):
    try:
        release = parse_release(text.encode(), source="prop.txt")
    except ReleaseReadError:
        return
    graph = build_graph(release, extract(release))
    store = Store.open(None)
    store.load_release(graph)
    for fmt, rdflib_format in (("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")):
        sink = io.BytesIO()
        export(store, fmt, sink)
        dataset = Dataset().parse(data=sink.getvalue(), format=rdflib_format)
        assert isomorphic(dataset.graph(graph.iri), graph.graph), fmt
    sink = io.BytesIO()
    export(store, "turtle", sink)
    assert isomorphic(Graph().parse(data=sink.getvalue(), format="turtle"), graph.graph)
