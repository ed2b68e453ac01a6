"""Parameter binding and the read-only guard, on queries written here (not the shipped ones)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.query import check_allowed, is_update, parse_canned, rows_as_dicts

QUERY = """# name: names
# summary: Names, optionally one.
# description: A test query.
#   It spans two lines.
# param: who (string, optional): only this name
# param: since (date, optional): not before this day
# param: at_least (decimal, optional): a threshold
SELECT ?name WHERE {
  VALUES ?who { UNDEF }
  VALUES ?since { UNDEF }
  VALUES ?at_least { UNDEF }
  GRAPH ?g { ?s <http://e/name> ?name }
  FILTER(!BOUND(?who) || ?name = ?who)
}
ORDER BY ?name
"""


@pytest.fixture
def store() -> ox.Store:
    store = ox.Store()
    for name in ("Amgen", "ImmunoGen", 'Evil "quoted" } name'):
        subject = ox.NamedNode(f"http://e/{abs(hash(name))}")
        store.add(
            ox.Quad(
                subject, ox.NamedNode("http://e/name"), ox.Literal(name), ox.NamedNode("http://g")
            )
        )
    return store


def names(store: ox.Store, text: str) -> list[str]:
    return [row["name"] for row in rows_as_dicts(store.query(text))]


def test_header_gives_name_summary_description_and_typed_params():
    canned = parse_canned("names", QUERY)
    assert canned.summary == "Names, optionally one."
    assert canned.description == "A test query. It spans two lines."
    assert [(p.name, p.type, p.required) for p in canned.params] == [
        ("who", "string", False),
        ("since", "date", False),
        ("at_least", "decimal", False),
    ]


def test_a_parameter_without_its_place_in_the_query_is_refused():
    text = QUERY.replace("  VALUES ?since { UNDEF }\n", "")
    with pytest.raises(QueryError, match="parameter 'since' has no place in the query"):
        parse_canned("names", text)
    text = QUERY.replace("VALUES ?since", "VALUES ?until")
    with pytest.raises(QueryError, match=r"VALUES [?]until .* belongs to no parameter"):
        parse_canned("names", text)


def test_an_unbound_parameter_leaves_no_values_clause():
    bound = parse_canned("names", QUERY).bind({"who": "Amgen"})
    assert 'VALUES ?who { "Amgen" }' in bound
    assert "UNDEF" not in bound and "?since {" not in bound


def test_a_repeatable_parameter_gives_one_row_per_value():
    query = QUERY.replace("(string, optional)", "(string, optional, repeatable)")
    bound = parse_canned("names", query).bind({"who": ["Amgen", "ImmunoGen"]})
    assert 'VALUES ?who { "Amgen" "ImmunoGen" }' in bound
    with pytest.raises(QueryError, match="takes one value, not 2"):
        parse_canned("names", QUERY).bind({"who": ["Amgen", "ImmunoGen"]})


def test_a_file_whose_header_names_another_query_is_refused():
    with pytest.raises(QueryError, match="names it 'names', not 'other'"):
        parse_canned("other", QUERY)


def test_unbound_optional_parameter_matches_everything(store):
    assert names(store, parse_canned("names", QUERY).bind({})) == [
        "Amgen",
        'Evil "quoted" } name',
        "ImmunoGen",
    ]


def test_bound_parameter_filters(store):
    assert names(store, parse_canned("names", QUERY).bind({"who": "Amgen"})) == ["Amgen"]


@pytest.mark.parametrize(
    "hostile",
    [
        'Amgen" || true || "',
        "Amgen } ; DROP ALL ; #",
        'x" } } SERVICE <http://example.org/sparql> { ?s ?p ?o } #',
        "line one\nline two",
        "Amgen' || '1'='1",
    ],
)
def test_hostile_values_stay_one_literal(store, hostile):
    before = len(store)
    assert names(store, parse_canned("names", QUERY).bind({"who": hostile})) == []
    assert len(store) == before


def test_a_value_with_quotes_and_braces_still_matches_itself(store):
    bound = parse_canned("names", QUERY).bind({"who": 'Evil "quoted" } name'})
    assert names(store, bound) == ['Evil "quoted" } name']


@pytest.mark.parametrize(
    ("param", "value", "message"),
    [
        ("since", "14/06/2011", "wants a date"),
        ("at_least", "lots", "wants a number"),
        ("at_least", "NaN", "wants a number"),
        ("nobody", "x", "unknown parameter"),
    ],
)
def test_badly_typed_or_unknown_parameters_are_refused(param, value, message):
    with pytest.raises(QueryError, match=message):
        parse_canned("names", QUERY).bind({param: value})


def test_iri_parameters_are_checked_iris():
    query = QUERY.replace("(string, optional): only this name", "(iri, required): a subject")
    canned = parse_canned("names", query)
    with pytest.raises(QueryError, match="needs --param who"):
        canned.bind({})
    for bad in ("http://e/a> } DROP ALL {", "not an iri", "http://e/a b"):
        with pytest.raises(QueryError, match=r"wants an? iri"):
            canned.bind({"who": bad})
    assert "<http://e/a>" in canned.bind({"who": "http://e/a"})


@pytest.mark.parametrize(
    "update",
    [
        "DROP ALL",
        "PREFIX kg: <http://e/> INSERT DATA { kg:a kg:b kg:c }",
        "  # a comment\n delete where { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "CLEAR DEFAULT",
    ],
)
def test_updates_are_refused_unless_allowed(update):
    assert is_update(update)
    with pytest.raises(QueryError, match="read-only"):
        check_allowed(update)
    check_allowed(update, allow_update=True)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { ?s ?p ?o }",
        'SELECT * WHERE { ?s ?p "DROP ALL; SERVICE" }',
        "SELECT * WHERE { ?s <http://e/SERVICE#INSERT> ?o } # SERVICE in a comment",
    ],
)
def test_queries_that_only_mention_keywords_pass(query):
    assert not is_update(query)
    check_allowed(query)


def test_service_is_refused_unless_allowed():
    query = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
    with pytest.raises(QueryError, match="SERVICE"):
        check_allowed(query)
    check_allowed(query, allow_service=True)


def test_a_damaged_cache_is_ignored(tmp_path):
    from factories import fill

    from kg.cache import ResultCache
    from kg.query import Page, canned_query, run_canned
    from kg.store import Store

    path = tmp_path / "store"
    fill(Store.open(path)).close()
    cache = ResultCache(path, tmp_path / "cache")
    with Store.open(path, read_only=True) as store:
        payments = canned_query("payments")
        fresh = run_canned(store, payments, {}, Page(limit=3), cache)
        for entry in cache.entries():
            entry.write_text("not json\n")
        again = run_canned(store, payments, {}, Page(limit=3), cache)
    assert again.dicts() == fresh.dicts() and len(fresh.rows) == 3
