"""The canned queries: their headers, their exact answers on a small store, their parameters.

The store holds three hand-made releases (see ``factories``): the ImmunoGen/Bayer seed, a
Biotest release that names ImmunoGen again with a EUR payment, an undisclosed payment and an
acquisition, and an undated Amgen release loaded under two file names.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from factories import (
    AMGEN_SOURCES,
    BIOTEST_SOURCE,
    IMMUNOGEN_SOURCE,
    amgen,
    biotest,
    compound,
    fill,
    immunogen,
    org,
    person,
    span,
)

from kg import facts as f
from kg.build import build_graph, name_key_literal
from kg.errors import QueryError
from kg.identity import refresh_identity
from kg.query import (
    canned_queries,
    organizations_named,
    param_types,
    parse_canned,
    run_canned,
)
from kg.read import parse_release
from kg.resources import queries_dir
from kg.store import Store

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"

R1, R2, R3 = immunogen().iri, biotest().iri, amgen().iri
A1, A2, A3 = (f"{release}/agreement/1" for release in (R1, R2, R3))

# Every shipped query with its parameters: name -> (type, required).
EXPECTED_QUERIES = {
    "acquisitions": {},
    "agreements": {"organization": ("organization", False)},
    "compounds": {"name": ("compound", False)},
    "conflicts": {"organization": ("organization", False)},
    "deal-value": {"organization": ("organization", False)},
    "earned-by-year": {"organization": ("organization", False), "currency": ("currency", False)},
    "evidence": {"fact": ("iri", True)},
    "organizations": {"name": ("organization", False)},
    "partner-network": {"organization": ("organization", False)},
    "partnerships": {},
    "payments": {
        "organization": ("organization", False),
        "kind": ("payment-kind", False),
        "status": ("payment-status", False),
        "currency": ("currency", False),
        "since": ("date", False),
        "until": ("date", False),
    },
    "people": {},
    "regulatory-events": {},
    "releases": {},
    "timeline": {"organization": ("organization", True)},
}


@pytest.fixture(scope="module")
def store() -> Store:
    return fill(Store.open(None))


def run(store: Store, query: str, /, **params: str | list[str]) -> list[dict[str, str]]:
    return run_canned(store, canned_queries()[query], params).dicts()


def column(rows: list[dict[str, str]], name: str) -> list[str]:
    return [row[name] for row in rows]


# -- headers ---------------------------------------------------------------------------------


def test_every_shipped_query_is_listed() -> None:
    stems = {path.stem for path in QUERIES_DIR.glob("*.rq")}
    assert stems == set(EXPECTED_QUERIES)
    assert set(canned_queries()) == stems


@pytest.mark.parametrize("name", sorted(EXPECTED_QUERIES))
def test_header(name: str) -> None:
    text = (QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8")
    query = parse_canned(name, text)
    assert query.name == name
    assert query.summary and "\n" not in query.summary
    assert len(query.description) > len(query.summary)
    assert all(param.type in param_types() and param.doc for param in query.params)
    params = {param.name: (param.type, param.required) for param in query.params}
    assert params == EXPECTED_QUERIES[name]
    assert re.search(r"^ORDER BY ", text, re.MULTILINE), "a stable order"
    assert canned_queries()[name] == query


@pytest.mark.parametrize("name", sorted(EXPECTED_QUERIES))
def test_a_header_naming_another_query_is_refused(name: str) -> None:
    text = (QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8")
    with pytest.raises(QueryError):
        parse_canned(name + "-copy", text)


def test_the_package_finds_its_queries_folder() -> None:
    """The installed package (kg.queries) ships exactly the repository's queries."""
    names = {entry.name for entry in queries_dir().iterdir() if entry.name.endswith(".rq")}
    assert names == {path.name for path in QUERIES_DIR.glob("*.rq")}


def test_unknown_and_missing_parameters_are_refused() -> None:
    with pytest.raises(QueryError, match="unknown parameter"):
        canned_queries()["payments"].bind({"payer": "Bayer"})
    with pytest.raises(QueryError, match="needs --param organization"):
        canned_queries()["timeline"].bind({})
    with pytest.raises(QueryError, match="needs --param fact"):
        canned_queries()["evidence"].bind({})
    with pytest.raises(QueryError, match="wants a date"):
        canned_queries()["payments"].bind({"since": "14 June 2011"})


# -- releases --------------------------------------------------------------------------------


def test_releases(store: Store) -> None:
    assert run(store, "releases") == [
        {
            "release": R3,
            "source": "; ".join(sorted(AMGEN_SOURCES)),
            "title": "Amgen and ImmunoGen Sign Collaboration",
            "published": "",
            "issuer": "",
        },
        {
            "release": R1,
            "source": IMMUNOGEN_SOURCE,
            "title": "ImmunoGen, Inc. Earns Milestone with BAY 94-9343 IND Submission",
            "published": "2011-06-14",
            "issuer": "ImmunoGen, Inc.",
        },
        {
            "release": R2,
            "source": BIOTEST_SOURCE,
            "title": "Biotest AG Expands License with ImmunoGen for BT-062",
            "published": "2013-02-25",
            "issuer": "Biotest AG",
        },
    ]


# -- payments --------------------------------------------------------------------------------

PAYMENT_EARNED_USD = {
    "release": R1,
    "published": "2011-06-14",
    "payer": "Bayer HealthCare",
    "payee": "ImmunoGen, Inc.",
    "amount": "2000000",
    "currency": "USD",
    "kind": "milestone",
    "status": "earned",
    "qualifier": "",
    "trigger": "IND submission for BAY 94-9343",
    "compound": "BAY 94-9343",
    "agreement": A1,
    "payment": f"{R1}/payment/1",
}
PAYMENT_POTENTIAL_USD = {
    "release": R1,
    "published": "2011-06-14",
    "payer": "Bayer HealthCare",
    "payee": "ImmunoGen, Inc.",
    "amount": "170500000",
    "currency": "USD",
    "kind": "milestone",
    "status": "potential",
    "qualifier": "per_product",
    "trigger": "",
    "compound": "",
    "agreement": A1,
    "payment": f"{R1}/payment/2",
}
PAYMENT_EARNED_EUR = {
    "release": R2,
    "published": "2013-02-25",
    "payer": "Biotest AG",
    "payee": "ImmunoGen",
    "amount": "1500000",
    "currency": "EUR",
    "kind": "upfront",
    "status": "earned",
    "qualifier": "",
    "trigger": "",
    "compound": "BT-062",
    "agreement": A2,
    "payment": f"{R2}/payment/1",
}
PAYMENT_UNDISCLOSED = {
    "release": R2,
    "published": "2013-02-25",
    "payer": "Biotest AG",
    "payee": "ImmunoGen",
    "amount": "",
    "currency": "",
    "kind": "option_fee",
    "status": "potential",
    "qualifier": "",
    "trigger": "",
    "compound": "",
    "agreement": A2,
    "payment": f"{R2}/payment/2",
}
ALL_PAYMENTS = [PAYMENT_EARNED_USD, PAYMENT_POTENTIAL_USD, PAYMENT_EARNED_EUR, PAYMENT_UNDISCLOSED]


def test_payments(store: Store) -> None:
    assert run(store, "payments") == ALL_PAYMENTS


def test_an_undisclosed_amount_is_an_empty_cell_never_zero(store: Store) -> None:
    rows = run(store, "payments", kind="option_fee")
    assert rows == [PAYMENT_UNDISCLOSED]
    assert rows[0]["amount"] == "" and rows[0]["currency"] == ""
    result = store.query(canned_queries()["payments"].bind({"kind": "option_fee"}))
    (solution,) = list(result)
    assert solution["amount"] is None  # unbound, not "0" or ""


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # a name the release gives, in any case
        ("IMMUNOGEN", ALL_PAYMENTS),
        ("immunogen, inc.", ALL_PAYMENTS),
        # an alias the release gives (Bayer HealthCare Pharmaceuticals is Bayer HealthCare)
        ("bayer healthcare pharmaceuticals", ALL_PAYMENTS[:2]),
        # the identity key finds the organisation whatever the release calls it
        ("ImmunoGen Inc", ALL_PAYMENTS),
        ("The Biotest AG", ALL_PAYMENTS[2:]),
        ("Biotest", ALL_PAYMENTS[2:]),
        ("Amgen", []),  # in the store, but no payments
        # the short IRI a table prints
        ("org/biotest", ALL_PAYMENTS[2:]),
        (org("Biotest"), ALL_PAYMENTS[2:]),
        # several organisations
        (["biotest", "bayer healthcare"], ALL_PAYMENTS),
    ],
)
def test_payments_by_organization(store: Store, value: str, expected: list[dict]) -> None:
    assert run(store, "payments", organization=value) == expected


def test_an_organization_no_release_names_is_an_error_naming_the_nearest(store: Store) -> None:
    with pytest.raises(QueryError, match="no release names an organisation 'Bayr'") as raised:
        run(store, "payments", organization="Bayr")
    assert "Bayer HealthCare" in (raised.value.hint or "")
    with pytest.raises(QueryError, match=r"no organisation .*org/roche"):
        run(store, "payments", organization="org/roche")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "milestone"}, ALL_PAYMENTS[:2]),
        ({"kind": "MILESTONE"}, ALL_PAYMENTS[:2]),
        ({"kind": "royalty"}, []),
        ({"kind": ["upfront", "option_fee"]}, ALL_PAYMENTS[2:]),
        ({"status": "earned"}, [PAYMENT_EARNED_USD, PAYMENT_EARNED_EUR]),
        ({"status": "potential"}, [PAYMENT_POTENTIAL_USD, PAYMENT_UNDISCLOSED]),
        ({"currency": "USD"}, ALL_PAYMENTS[:2]),
        ({"currency": "eur"}, [PAYMENT_EARNED_EUR]),
        ({"currency": "JPY"}, []),
        ({"currency": ["usd", "EUR"]}, ALL_PAYMENTS[:3]),
        ({"since": "2011-06-14"}, ALL_PAYMENTS),
        ({"since": "2011-06-15"}, ALL_PAYMENTS[2:]),
        ({"until": "2011-06-14"}, ALL_PAYMENTS[:2]),
        ({"until": "2011-06-13"}, []),
        ({"since": "2012-01-01", "until": "2013-12-31"}, ALL_PAYMENTS[2:]),
        (
            {"organization": "ImmunoGen", "status": "earned", "currency": "USD"},
            [PAYMENT_EARNED_USD],
        ),
    ],
)
def test_payments_filters(store: Store, params: dict[str, str], expected: list[dict]) -> None:
    assert run(store, "payments", **params) == expected


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"status": "earnd"}, r"must be one of the payment statuses: earned, potential"),
        ({"kind": "milestones"}, r"must be one of the payment kinds: milestone, upfront"),
        ({"since": "14 June 2011"}, r"wants a date as YYYY-MM-DD"),
        ({"since": "2011-6-14"}, r"wants a date as YYYY-MM-DD"),
        ({"currency": "dollars"}, r"ISO 4217 currency code"),
        ({"status": ["earned", "potential"]}, r"takes one value, not 2"),
        ({"since": ["2011-01-01", "2012-01-01"]}, r"takes one value, not 2"),
    ],
)
def test_a_wrong_parameter_is_an_error_never_zero_rows(
    store: Store, params: dict[str, str], message: str
) -> None:
    with pytest.raises(QueryError, match=message):
        run(store, "payments", **params)


def test_a_misspelt_word_gets_a_suggestion(store: Store) -> None:
    with pytest.raises(QueryError) as raised:
        run(store, "payments", status="earnd")
    assert raised.value.hint == "did you mean 'earned'?"


# -- agreements ------------------------------------------------------------------------------

AGREEMENT_BAYER = {
    "release": R1,
    "agreement": A1,
    "kind": "license",
    "parties": "Bayer HealthCare; ImmunoGen, Inc.",
    "licensor": "ImmunoGen, Inc.",
    "licensee": "Bayer HealthCare",
    "technology": "maytansinoid TAP technology",
    "target": "mesothelin",
    "exclusive": "true",
    "royalties": "true",
}
AGREEMENT_BIOTEST = {
    "release": R2,
    "agreement": A2,
    "kind": "license",
    "parties": "Biotest AG; ImmunoGen",
    "licensor": "ImmunoGen",
    "licensee": "Biotest AG",
    "technology": "TAP technology",
    "target": "CD138",
    "exclusive": "",
    "royalties": "",
}
AGREEMENT_AMGEN = {
    "release": R3,
    "agreement": A3,
    "kind": "collaboration",
    "parties": "Amgen; ImmunoGen",
    "licensor": "",
    "licensee": "",
    "technology": "",
    "target": "",
    "exclusive": "",
    "royalties": "",
}


def test_agreements(store: Store) -> None:
    # The undated release sorts first.
    assert run(store, "agreements") == [AGREEMENT_AMGEN, AGREEMENT_BAYER, AGREEMENT_BIOTEST]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("immunogen", [AGREEMENT_AMGEN, AGREEMENT_BAYER, AGREEMENT_BIOTEST]),
        ("AMGEN", [AGREEMENT_AMGEN]),
        ("Bayer HealthCare Pharmaceuticals", [AGREEMENT_BAYER]),
        ("biotest", [AGREEMENT_BIOTEST]),
        ("Sanofi", []),
    ],
)
def test_agreements_by_organization(store: Store, value: str, expected: list[dict]) -> None:
    assert run(store, "agreements", organization=value) == expected


# -- acquisitions ----------------------------------------------------------------------------


def test_acquisitions(store: Store) -> None:
    assert run(store, "acquisitions") == [
        {
            "release": R2,
            "acquirer": "Biotest AG",
            "acquired": "Rhein Antibody GmbH",
            "amount": "20000000",
            "currency": "EUR",
            "acquisition": f"{R2}/acquisition/1",
        }
    ]


# -- compounds -------------------------------------------------------------------------------

COMPOUND_BAY = {
    "compound": "BAY 94-9343",
    "aliases": "",
    "target": "mesothelin",
    "payload": "DM4",
    "developer": "Bayer HealthCare",
    "phase": "Preclinical",
    "indications": "mesothelioma; ovarian cancer",
    "compound_iri": compound("BAY 94-9343"),
}
COMPOUND_BT062 = {
    "compound": "BT-062",
    "aliases": "indatuximab ravtansine",
    "target": "CD138",
    "payload": "DM4",
    "developer": "Biotest AG",
    "phase": "Phase I",
    "indications": "multiple myeloma",
    "compound_iri": compound("BT-062"),
}
COMPOUND_TDM1 = {
    # described by both releases: one row, the aliases of both, the most advanced phase
    "compound": "trastuzumab emtansine",
    "aliases": "Kadcyla; T-DM1",
    "target": "",
    "payload": "",
    "developer": "Genentech",
    "phase": "Approved",
    "indications": "",
    "compound_iri": compound("trastuzumab emtansine"),
}


def test_compounds(store: Store) -> None:
    assert run(store, "compounds") == [COMPOUND_BAY, COMPOUND_BT062, COMPOUND_TDM1]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("t-dm1", [COMPOUND_TDM1]),
        ("KADCYLA", [COMPOUND_TDM1]),
        ("Trastuzumab Emtansine", [COMPOUND_TDM1]),
        ("bay 94-9343", [COMPOUND_BAY]),
        ("Indatuximab Ravtansine", [COMPOUND_BT062]),
        ("compound/bt-062", [COMPOUND_BT062]),
        (["bt-062", "kadcyla"], [COMPOUND_BT062, COMPOUND_TDM1]),
    ],
)
def test_compounds_by_name(store: Store, value: str, expected: list[dict]) -> None:
    assert run(store, "compounds", name=value) == expected


def test_an_unknown_compound_is_an_error(store: Store) -> None:
    with pytest.raises(QueryError, match="no release names a compound 'DM4'"):
        run(store, "compounds", name="DM4")
    with pytest.raises(QueryError) as raised:
        run(store, "compounds", name="BT062")
    assert "BT-062" in (raised.value.hint or "")


# -- organizations ---------------------------------------------------------------------------


def organization_row(name: str, aliases: str = "", ticker: str = "", exchange: str = "") -> dict:
    return {
        "organization": name,
        "aliases": aliases,
        "ticker": ticker,
        "exchange": exchange,
        "organization_iri": org(name),
    }


ORGANIZATIONS = [
    organization_row("Amgen"),
    organization_row("Bayer HealthCare", "Bayer HealthCare Pharmaceuticals"),
    organization_row("Biotest", "Biotest AG", "BIO3", "Frankfurt"),
    organization_row("Genentech"),
    organization_row("ImmunoGen", "ImmunoGen, Inc.", "IMGN", "Nasdaq"),
    organization_row("Novartis"),
    organization_row("Rhein Antibody GmbH"),
    organization_row("Sanofi"),
]


def test_organizations(store: Store) -> None:
    assert run(store, "organizations") == ORGANIZATIONS


def test_an_organization_described_by_every_release_is_one_row(store: Store) -> None:
    described_in = store.query(
        "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { "
        f"<{org('ImmunoGen')}> <https://w3id.org/biopharma-kg/ontology#name> ?name }} }}"
    )
    assert next(iter(described_in))["n"].value == "3"
    rows = run(store, "organizations")
    assert [row["organization"] for row in rows].count("ImmunoGen") == 1
    assert len({row["organization"] for row in rows}) == len(rows)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("immunogen", "ImmunoGen"),
        ("IMMUNOGEN, INC.", "ImmunoGen"),
        ("ImmunoGen Incorporated", "ImmunoGen"),
        ("bayer healthcare pharmaceuticals", "Bayer HealthCare"),
        ("Biotest AG", "Biotest"),
        ("rhein antibody", "Rhein Antibody GmbH"),
    ],
)
def test_organizations_by_name(store: Store, value: str, expected: str) -> None:
    assert column(run(store, "organizations", name=value), "organization") == [expected]


def test_organizations_by_unknown_name(store: Store) -> None:
    with pytest.raises(QueryError, match="no release names an organisation 'Roche'"):
        run(store, "organizations", name="Roche")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IMMUNOGEN, INC.", ["immunogen"]),  # the identity key, and a name, ignoring case
        (
            "bayer healthcare pharmaceuticals",
            ["bayer-healthcare", "bayer-healthcare-pharmaceuticals"],
        ),
        ("biotest ag", ["biotest"]),  # an alias: the key of "biotest ag" is "biotest" too
        ("Roche", ["roche"]),  # nobody: only the key, which matches nothing
    ],
)
def test_what_an_organization_name_means(store: Store, text: str, expected: list[str]) -> None:
    iris = [node.value for node in organizations_named(store, text)]
    assert iris == [org_iri(key) for key in expected]


def org_iri(key: str) -> str:
    return f"https://w3id.org/biopharma-kg/id/org/{key}"


# -- people, partnerships, regulatory events -------------------------------------------------


def test_people(store: Store) -> None:
    assert run(store, "people") == [
        {
            "person": "Daniel Junius",
            "role": "President and CEO",
            "organization": "ImmunoGen, Inc.",
            "person_iri": person("Daniel Junius"),
        },
        {
            "person": "Gregor Schulz",
            "role": "Chief Executive Officer",
            "organization": "Biotest AG",
            "person_iri": person("Gregor Schulz"),
        },
    ]


def test_partnerships(store: Store) -> None:
    # ImmunoGen and Genentech are partners in both releases: one row.
    pairs = [
        ("ImmunoGen", "Genentech"),
        ("ImmunoGen, Inc.", "Amgen"),
        ("ImmunoGen, Inc.", "Bayer HealthCare"),
        ("ImmunoGen, Inc.", "Biotest"),
        ("ImmunoGen, Inc.", "Novartis"),
        ("ImmunoGen, Inc.", "Sanofi"),
    ]
    assert run(store, "partnerships") == [
        {"organization": a, "partner": b, "organization_iri": org(a), "partner_iri": org(b)}
        for a, b in pairs
    ]


def test_regulatory_events(store: Store) -> None:
    assert run(store, "regulatory-events") == [
        {
            "release": R1,
            "kind": "IND submission",
            "compound": "BAY 94-9343",
            "sponsor": "Bayer HealthCare",
            "event": f"{R1}/event/1",
        },
        # "Kadcyla" in the release resolves to the compound's name
        {
            "release": R2,
            "kind": "approval",
            "compound": "trastuzumab emtansine",
            "sponsor": "Genentech",
            "event": f"{R2}/event/1",
        },
        {
            "release": R2,
            "kind": "phase start",
            "compound": "BT-062",
            "sponsor": "",
            "event": f"{R2}/event/2",
        },
    ]


# -- evidence --------------------------------------------------------------------------------


def test_evidence_of_a_payment(store: Store) -> None:
    text = immunogen().release.text
    sentence = (
        "WALTHAM, Mass., June 14, 2011 -- ImmunoGen, Inc. (Nasdaq: IMGN) today announced that "
        "Bayer HealthCare Pharmaceuticals' submission of an Investigational New Drug (IND) "
        "application for BAY 94-9343 triggers a $2 million milestone payment to ImmunoGen."
    )
    start = text.index(sentence)
    assert run(store, "evidence", fact=f"{R1}/payment/1") == [
        {
            "release": R1,
            "source": IMMUNOGEN_SOURCE,
            "sentence": sentence,
            "start": str(start),
            "end": str(start + len(sentence)),
            "preceding_sentence": "",
        }
    ]


def test_evidence_gives_the_sentence_before_one_that_refers_back(store: Store) -> None:
    text = immunogen().release.text
    rows = run(store, "evidence", fact=f"{R1}/payment/2")  # "Under this agreement, ..."
    assert [row["sentence"][:28] for row in rows] == ["Under this agreement, Immuno"]
    before = rows[0]["preceding_sentence"]
    assert before.startswith("BAY 94-9343 is in development by Bayer HealthCare")
    assert before.endswith("that target mesothelin.") and before in " ".join(text.split())


def test_the_short_iri_a_table_prints_is_a_parameter(store: Store) -> None:
    short = f"{R1}/payment/1".removeprefix("https://w3id.org/biopharma-kg/id/")
    assert run(store, "evidence", fact=short) == run(store, "evidence", fact=f"{R1}/payment/1")


def test_evidence_of_an_organization_named_by_every_release(store: Store) -> None:
    rows = {row["release"]: row for row in run(store, "evidence", fact=org("ImmunoGen"))}
    assert sorted(rows) == sorted([R1, R2, R3])
    assert rows[R1]["sentence"] == immunogen().facts.title  # the issuer's evidence: the title
    assert rows[R3]["source"] == "; ".join(sorted(AMGEN_SOURCES))


def test_every_evidence_span_quotes_its_release(store: Store) -> None:
    texts = {sample.iri: sample.release.text for sample in (immunogen(), biotest(), amgen())}
    facts = store.query(
        "SELECT DISTINCT ?fact WHERE { GRAPH ?g { "
        "?fact <https://w3id.org/biopharma-kg/ontology#evidence> ?e } }"
    )
    checked = 0
    for solution in facts:
        for row in run(store, "evidence", fact=solution["fact"].value):
            start, end = int(row["start"]), int(row["end"])
            assert texts[row["release"]][start:end] == row["sentence"]
            checked += 1
    assert checked > 30


def test_evidence_of_an_unknown_fact_is_an_error(store: Store) -> None:
    with pytest.raises(QueryError, match="the store says nothing about"):
        run(store, "evidence", fact="https://example.org/no-such-fact")


@pytest.mark.parametrize(
    "value",
    [
        "https://example.org/a> } ; DROP ALL ; #",
        "https://example.org/a b",
        "https://example.org/a\nb",
        'https://example.org/"a"',
        "<https://example.org/a>",
        "no scheme",
    ],
)
def test_an_iri_parameter_that_is_not_an_iri_is_refused(value: str) -> None:
    with pytest.raises(QueryError):
        canned_queries()["evidence"].bind({"fact": value})


# -- deal value ------------------------------------------------------------------------------


def deal(release: str, published: str, agreement: str, parties: str, **cells: str) -> dict:
    row = {
        "release": release,
        "published": published,
        "agreement": agreement,
        "kind": "license",
        "parties": parties,
        "currency": "",
        "earned": "",
        "potential": "",
        "potential_qualifiers": "",
        "payments": "0",
        "aggregate": "",
        "per_unit": "",
        "undisclosed": "0",
        "payer": "",
        "payee": "",
    }
    row.update(cells)
    return row


DEAL_AMGEN = deal(R3, "", A3, "Amgen; ImmunoGen", kind="collaboration")
DEAL_BAYER_USD = deal(
    R1,
    "2011-06-14",
    A1,
    "Bayer HealthCare; ImmunoGen, Inc.",
    currency="USD",
    earned="2000000",
    potential_qualifiers="per_product",
    payments="2",
    per_unit="170500000 per_product",  # per product: listed as such, never summed into a total
)
DEAL_BIOTEST_UNDISCLOSED = deal(
    R2, "2013-02-25", A2, "Biotest AG; ImmunoGen", payments="1", undisclosed="1"
)
DEAL_BIOTEST_EUR = deal(
    R2, "2013-02-25", A2, "Biotest AG; ImmunoGen", currency="EUR", earned="1500000", payments="1"
)


def test_deal_value(store: Store) -> None:
    assert run(store, "deal-value") == [
        DEAL_AMGEN,
        DEAL_BAYER_USD,
        DEAL_BIOTEST_UNDISCLOSED,
        DEAL_BIOTEST_EUR,
    ]


def test_deal_value_never_adds_earned_to_potential_nor_currencies(store: Store) -> None:
    rows = run(store, "deal-value")
    cells = {cell for row in rows for cell in (row["earned"], row["potential"])}
    assert "172500000" not in cells  # 2,000,000 earned + 170,500,000 potential
    assert "3500000" not in cells  # 2,000,000 USD + 1,500,000 EUR
    assert "0" not in cells  # nothing to add is an empty cell
    for row in rows:
        assert (row["earned"] == row["potential"] == "") or row["currency"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Bayer HealthCare Pharmaceuticals", [DEAL_BAYER_USD]),
        ("biotest", [DEAL_BIOTEST_UNDISCLOSED, DEAL_BIOTEST_EUR]),
        ("amgen", [DEAL_AMGEN]),
        ("Novartis", []),  # a partner, in no agreement
    ],
)
def test_deal_value_by_organization(store: Store, value: str, expected: list[dict]) -> None:
    assert run(store, "deal-value", organization=value) == expected


def test_deal_value_never_sums_an_aggregate_or_an_amount_per_unit() -> None:
    text = "Acme licenses its platform to Beta.\n\nBeta pays Acme milestones.\n"
    release = parse_release(text.encode(), source="acme.txt")
    deal_span, paid_span = span(release.text, "Acme licenses"), span(release.text, "Beta pays")
    usd = lambda amount: f.Money(Decimal(amount), "USD")  # noqa: E731
    payments = [
        f.Payment("milestone", "potential", paid_span, usd("10"), qualifier="per_target"),
        f.Payment("milestone", "potential", paid_span, usd("5.5"), qualifier="aggregate"),
        f.Payment("milestone", "potential", paid_span, usd("1")),
        f.Payment("upfront", "earned", paid_span, usd("3")),
        f.Payment("royalty", "potential", paid_span, None),
    ]
    for payment in payments:
        payment.payer, payment.payee, payment.agreement = "Beta", "Acme", 0
    facts = f.ReleaseFacts(
        text=release.text,
        agreements=[f.Agreement("license", deal_span, parties=["Acme", "Beta"])],
        payments=payments,
    )
    store = Store.open(None)
    store.load_release(build_graph(release, facts))
    refresh_identity(store)
    rows = run(store, "deal-value")
    assert [
        (
            row["currency"],
            row["earned"],
            row["potential"],
            row["aggregate"],
            row["per_unit"],
            row["potential_qualifiers"],
            row["undisclosed"],
        )
        for row in rows
    ] == [
        ("", "", "", "", "", "", "1"),  # the royalty whose amount is not disclosed
        # Only the unqualified potential amount is open in total; the aggregate and the amount
        # per target are shown as such, never added to it.
        ("USD", "3", "1", "5.5", "10 per_target", "aggregate; per_target", "0"),
    ]
    assert [row["payments"] for row in rows] == ["1", "4"]


# -- partner network -------------------------------------------------------------------------


def link(organization: str, partner: str, releases: int, first: str, last: str, **kinds: int):
    counts = {"agreements": 0, "payments": 0, "partnerships": 0, "acquisitions": 0} | kinds
    return {
        "organization": organization,
        "partner": partner,
        "releases": str(releases),
        **{kind: str(count) for kind, count in counts.items()},
        "first": first,
        "last": last,
        "organization_iri": org(organization),
        "partner_iri": org(partner),
    }


def test_partner_network(store: Store) -> None:
    # Each organisation is named as `organizations` lists it, whichever release states the
    # link: "ImmunoGen", though the Bayer HealthCare release says "ImmunoGen, Inc.".
    assert run(store, "partner-network") == [
        # the Amgen release is undated: first and last come from the ImmunoGen release
        link("Amgen", "ImmunoGen", 2, "2011-06-14", "2011-06-14", agreements=1, partnerships=1),
        link(
            "Biotest",
            "ImmunoGen",
            2,
            "2011-06-14",
            "2013-02-25",
            agreements=1,
            payments=2,
            partnerships=1,
        ),
        link("Genentech", "ImmunoGen", 2, "2011-06-14", "2013-02-25", partnerships=2),
        link(
            "Bayer HealthCare",
            "ImmunoGen",
            1,
            "2011-06-14",
            "2011-06-14",
            agreements=1,
            payments=2,
            partnerships=1,
        ),
        link("Biotest", "Rhein Antibody GmbH", 1, "2013-02-25", "2013-02-25", acquisitions=1),
        link("ImmunoGen", "Novartis", 1, "2011-06-14", "2011-06-14", partnerships=1),
        link("ImmunoGen", "Sanofi", 1, "2011-06-14", "2011-06-14", partnerships=1),
    ]


def test_partner_network_of_one_organization_puts_it_first(store: Store) -> None:
    rows = run(store, "partner-network", organization="immunogen")
    assert [(row["organization"], row["partner"], row["releases"]) for row in rows] == [
        ("ImmunoGen", "Amgen", "2"),
        ("ImmunoGen", "Biotest", "2"),
        ("ImmunoGen", "Genentech", "2"),
        ("ImmunoGen", "Bayer HealthCare", "1"),
        ("ImmunoGen", "Novartis", "1"),
        ("ImmunoGen", "Sanofi", "1"),
    ]
    assert {row["organization_iri"] for row in rows} == {org("ImmunoGen")}
    # the same links as without the filter, seen from ImmunoGen
    unfiltered = {
        frozenset((row["organization_iri"], row["partner_iri"])): row["releases"]
        for row in run(store, "partner-network")
    }
    for row in rows:
        pair = frozenset((row["organization_iri"], row["partner_iri"]))
        assert unfiltered[pair] == row["releases"]
    rows = run(store, "partner-network", organization="Rhein Antibody GmbH")
    assert rows == [
        link("Rhein Antibody GmbH", "Biotest", 1, "2013-02-25", "2013-02-25", acquisitions=1)
    ]
    assert run(store, "partner-network", organization="Bayer HealthCare Pharmaceuticals") == [
        link(
            "Bayer HealthCare",
            "ImmunoGen",
            1,
            "2011-06-14",
            "2011-06-14",
            agreements=1,
            payments=2,
            partnerships=1,
        )
    ]
    with pytest.raises(QueryError, match="no release names an organisation 'Roche'"):
        run(store, "partner-network", organization="Roche")


# -- timeline --------------------------------------------------------------------------------


def event(date: str, dated_by: str, event: str, fact: str, **cells: str) -> dict:
    release = fact[: fact.index("/", fact.index("/release/") + 9)]
    row = {
        "date": date,
        "dated_by": dated_by,
        "event": event,
        "kind": "",
        "status": "",
        "role": "",
        "counterparty": "",
        "amount": "",
        "currency": "",
        "compound": "",
        "release": release,
        "fact": fact,
    }
    row.update(cells)
    return row


def test_timeline(store: Store) -> None:
    # The undated Amgen release gives no date, so its agreement is left out.
    assert run(store, "timeline", organization="ImmunoGen") == [
        event(
            "2011-06-14",
            "release",
            "agreement",
            f"{R1}/agreement/1",
            kind="license",
            role="licensor",
            counterparty="Bayer HealthCare",
        ),
        event(
            "2011-06-14",
            "event",
            "payment",
            f"{R1}/payment/1",
            kind="milestone",
            status="earned",
            role="payee",
            counterparty="Bayer HealthCare",
            amount="2000000",
            currency="USD",
            compound="BAY 94-9343",
        ),
        event(
            "2011-06-14",
            "release",
            "payment",
            f"{R1}/payment/2",
            kind="milestone",
            status="potential",
            role="payee",
            counterparty="Bayer HealthCare",
            amount="170500000",
            currency="USD",
        ),
        event(
            "2013-02-25",
            "release",
            "agreement",
            f"{R2}/agreement/1",
            kind="license",
            status="expanded",
            role="licensor",
            counterparty="Biotest AG",
        ),
        event(
            "2013-02-25",
            "event",
            "payment",
            f"{R2}/payment/1",
            kind="upfront",
            status="earned",
            role="payee",
            counterparty="Biotest AG",
            amount="1500000",
            currency="EUR",
            compound="BT-062",
        ),
        event(
            "2013-02-25",
            "release",
            "payment",
            f"{R2}/payment/2",
            kind="option_fee",
            status="potential",
            role="payee",
            counterparty="Biotest AG",
        ),
    ]


def test_timeline_of_other_organizations(store: Store) -> None:
    assert run(store, "timeline", organization="Genentech") == [
        event(
            "2013-02-22",
            "event",
            "regulatory event",
            f"{R2}/event/1",
            kind="approval",
            role="sponsor",
            compound="trastuzumab emtansine",
        )
    ]
    bayer = run(store, "timeline", organization="Bayer HealthCare Pharmaceuticals")
    assert [(row["date"], row["event"], row["role"], row["kind"]) for row in bayer] == [
        ("2011-06-14", "agreement", "licensee", "license"),
        ("2011-06-14", "payment", "payer", "milestone"),
        ("2011-06-14", "payment", "payer", "milestone"),
        ("2011-06-14", "regulatory event", "sponsor", "IND submission"),
    ]
    biotest_rows = run(store, "timeline", organization="biotest")
    assert [(row["event"], row["role"], row["counterparty"]) for row in biotest_rows] == [
        ("acquisition", "acquirer", "Rhein Antibody GmbH"),
        ("agreement", "licensee", "ImmunoGen"),
        ("payment", "payer", "ImmunoGen"),
        ("payment", "payer", "ImmunoGen"),
    ]
    assert biotest_rows[0]["amount"] == "20000000"
    with pytest.raises(QueryError, match="no release names an organisation 'Roche'"):
        run(store, "timeline", organization="Roche")


# -- hostile parameter values ----------------------------------------------------------------

HOSTILE = [
    '"',
    "'",
    '" } ; DROP ALL ; #',
    "} ; DROP ALL ; #",
    'ImmunoGen" } UNION { ?s ?p ?o } #',
    "ImmunoGen\n} ; CLEAR ALL",
    "{ }",
    "\\",
    '""" ) ) ) }',
    "SERVICE <http://example.org/> { ?s ?p ?o }",
    "} SERVICE <http://example.org/sparql> { ?s ?p ?o } {",
    "ImmunoGen'); DROP ALL; --",
    "# comment\nImmunoGen",
]
NAME_PARAMS = [
    (name, param)
    for name, params in sorted(EXPECTED_QUERIES.items())
    for param, (kind, _required) in params.items()
    if kind in ("organization", "compound")
]


@pytest.mark.parametrize(("name", "param"), NAME_PARAMS)
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_cannot_change_a_query(
    store: Store, name: str, param: str, value: str
) -> None:
    size = len(store)
    with pytest.raises(QueryError, match="no release names"):
        run(store, name, **{param: value})
    assert len(store) == size


@pytest.mark.parametrize(("name", "param"), NAME_PARAMS)
def test_a_hostile_name_is_looked_up_as_one_literal(name: str, param: str) -> None:
    hostile = '" } ; DROP ALL ; #\nSERVICE <http://example.org/> { ?s ?p ?o }'
    kind = EXPECTED_QUERIES[name][param][0]
    cls = "Organization" if kind == "organization" else "Compound"
    node = org("Evil") if kind == "organization" else compound("Evil")
    store = Store.open(None)
    key = ox.Literal(str(name_key_literal(hostile)))  # the lower-case key kg.build writes
    store.update(
        f"PREFIX kg: <https://w3id.org/biopharma-kg/ontology#> INSERT DATA {{ GRAPH <urn:g> {{ "
        f"<{node}> a kg:{cls} ; kg:name {ox.Literal(hostile)} ; kg:nameKey {key} }} }}"
    )
    bound = canned_queries()[name].bind({param: hostile.upper()}, store)
    assert f"<{node}>" in bound  # found by its name, ignoring case
    assert "DROP" not in bound and "example.org" not in bound


@pytest.mark.parametrize(("name", "param"), NAME_PARAMS)
def test_a_name_param_needs_the_store(name: str, param: str) -> None:
    with pytest.raises(QueryError, match="needs the store"):
        canned_queries()[name].bind({param: "ImmunoGen"})


def test_the_store_is_unchanged_by_every_query(store: Store) -> None:
    size = len(store)
    graphs = sorted(store.named_graphs())
    values = {
        "organization": "ImmunoGen",
        "compound": "BT-062",
        "iri": f"{R1}/payment/1",
        "date": "2011-01-01",
        "currency": "USD",
        "payment-kind": "milestone",
        "payment-status": "earned",
    }
    for name, params in EXPECTED_QUERIES.items():
        run(store, name, **{param: values[kind] for param, (kind, _) in params.items()})
    assert len(store) == size
    assert sorted(store.named_graphs()) == graphs


def test_results_do_not_depend_on_the_load_order() -> None:
    forward = fill(Store.open(None))
    backward = fill(Store.open(None), [amgen(), biotest(), immunogen()])
    for name, params in EXPECTED_QUERIES.items():
        values = {"organization": "ImmunoGen", "fact": org("ImmunoGen")}
        chosen = {param: values[param] for param, (_, required) in params.items() if required}
        assert run(forward, name, **chosen) == run(backward, name, **chosen), name


@pytest.mark.parametrize("name", sorted(EXPECTED_QUERIES))
def test_a_query_is_plain_sparql_without_engine_tricks(name: str) -> None:
    """No placeholder IRIs, no sameTerm inside an expression, no nested REPLACE, no reliance
    on a union default graph, every SELECT with its WHERE, UNDEF only as a parameter's place."""
    from kg.query import _PLACEHOLDER, _code_only

    code = _code_only((QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8"))
    assert "urn:x-kg" not in (QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8")
    assert "sameTerm" not in code and "REPLACE(" not in code.upper()
    assert code.count("SELECT") == len(re.findall(r"\bWHERE\b", code)), "a SELECT without WHERE"
    assert "UNDEF" not in _PLACEHOLDER.sub("", code)
    patterns = re.findall(r"\?\w+\s+(?:a|kg:\w+)\s", code)
    assert patterns and "GRAPH" in code  # facts are read from named graphs


def test_every_parameter_has_its_place_and_the_header_says_so() -> None:
    for name, query in canned_queries().items():
        for param in query.params:
            for variable in param.variables:
                assert re.search(rf"VALUES\s*\(?[^)]*\?{variable}\b", query.text), (name, variable)
        if query.params:
            assert "UNDEF" in query.text and "kg puts" in query.text, name
