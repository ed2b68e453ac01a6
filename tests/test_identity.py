"""One identity per organisation, compound and deal across releases, and totals that count
each payment once (kg.identity and the canned queries that read its links).

Four releases of our own about one deal, read by the real extractor into a real store:

* Halvard announces an exclusive license to Eli Lilly and Company ("Lilly") for HB-101: a
  $25 million upfront payment and up to $300 million in milestones;
* Lilly announces the same deal the next day under its own names (Lilly, NYSE: LLY);
* a year later Halvard earns a $10 million milestone for HB-101, now named velarimab, and
  recalls the upfront payment Lilly made when the license was signed;
* another issuer, Corvane, reports the same upfront payment as $20 million (a conflict).

These are unit tests of the joining rules, not a measure: the corpus test below states the
totals of the seed issuer's deals on the real releases.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.identity import refresh_identity
from kg.ingest import ingest_paths
from kg.namespace import KG as TERMS
from kg.query import canned_queries, run_canned
from kg.results import Table
from kg.schema import KG
from kg.store import IDENTITY_GRAPH, Store

HALVARD_LICENSE = """\
Halvard Biosciences Grants Lilly Exclusive License to HB-101

BOSTON, March 4, 2019 /PRNewswire/ -- Halvard Biosciences, Inc. (Nasdaq: HLVD) today announced \
that it has entered into an exclusive license agreement with Eli Lilly and Company ("Lilly") for \
HB-101, Halvard's antibody in Phase 1 development for psoriasis.

Under the terms of the agreement, Lilly will pay Halvard an upfront payment of $25 million. \
Halvard is eligible to receive up to $300 million in development and regulatory milestone \
payments.
"""

LILLY_LICENSE = """\
Lilly Licenses HB-101 from Halvard Biosciences

INDIANAPOLIS, March 5, 2019 /PRNewswire/ -- Eli Lilly and Company (NYSE: LLY) today announced \
an exclusive license agreement with Halvard Biosciences, Inc. for HB-101, an antibody in Phase 1 \
development for psoriasis.

Under the terms of the agreement, Lilly will pay Halvard Biosciences an upfront payment of $25 \
million. Halvard Biosciences is eligible to receive up to $300 million in development and \
regulatory milestone payments.
"""

HALVARD_MILESTONE = """\
Halvard Biosciences Earns $10 Million Milestone from Lilly

BOSTON, June 1, 2020 /PRNewswire/ -- Halvard Biosciences, Inc. (Nasdaq: HLVD) today announced \
that it has earned a $10 million milestone payment from Lilly following the dosing of the first \
patient in a Phase 2 trial of velarimab (HB-101) in psoriasis.

Lilly paid Halvard an upfront payment of $25 million when the license agreement was signed in \
March 2019.
"""

CORVANE_NOTE = """\
Corvane Notes the Halvard Biosciences License

CHICAGO, March 6, 2019 /PRNewswire/ -- Corvane Analytics, Inc. today noted that Lilly will pay \
Halvard Biosciences an upfront payment of $20 million under their license agreement for HB-101.
"""

DEAL = {
    "halvard-2019-03-04.txt": HALVARD_LICENSE,
    "lilly-2019-03-05.txt": LILLY_LICENSE,
    "halvard-2020-06-01.txt": HALVARD_MILESTONE,
}


def _store(folder: Path, releases: dict[str, str]) -> Store:
    folder.mkdir()
    for name, text in releases.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = Store.open(None)
    ingest_paths([folder], store, workers=0)
    return store


@pytest.fixture(scope="module")
def deal(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return _store(tmp_path_factory.mktemp("deal") / "releases", DEAL)


def _run(store: Store, query: str, **params: str) -> list[dict[str, str]]:
    table: Table = run_canned(store, canned_queries()[query], params)
    return [
        {v: (row[i].value if row[i] is not None else "") for i, v in enumerate(table.variables)}
        for row in table.rows
    ]


def test_one_organisation_under_every_name_the_releases_give_it(deal: Store) -> None:
    [lilly] = _run(deal, "organizations", name="Lilly")
    assert {"Eli Lilly and Company"} <= set(lilly["aliases"].split("; ")) | {lilly["organization"]}
    assert lilly["ticker"] == "LLY"  # stated by one release, true of the organisation
    [halvard] = _run(deal, "organizations", name="Halvard Biosciences")
    assert halvard["ticker"] == "HLVD"


def test_a_query_by_one_name_finds_the_releases_that_use_another(deal: Store) -> None:
    # Only Halvard's first release says "Eli Lilly and Company ("Lilly")"; asking for "Eli
    # Lilly" finds the payments of all three releases, whichever name each uses.
    found = _run(deal, "payments", organization="Eli Lilly")
    assert {row["published"] for row in found} == {"2019-03-04", "2019-03-05", "2020-06-01"}


def test_a_renamed_compound_is_one_compound(deal: Store) -> None:
    rows = _run(deal, "compounds", name="velarimab")
    assert len(rows) == 1
    names = {rows[0]["compound"], *rows[0]["aliases"].split("; ")}
    assert {"HB-101", "velarimab"} <= names


def test_a_deal_both_parties_announce_is_one_deal_and_each_payment_counts_once(
    deal: Store,
) -> None:
    rows = _run(deal, "deal-value", organization="Halvard Biosciences")
    licenses = [r for r in rows if r["agreement"]]
    assert len(licenses) == 1, rows  # three releases recall it; it is one row, its first report's
    [license] = licenses
    assert license["published"] == "2019-03-04"
    # $25M upfront (three reports) + $10M milestone; up to $300M still open (two reports)
    assert Decimal(license["earned"]) == Decimal(35_000_000)
    assert Decimal(license["potential"]) == Decimal(300_000_000)
    assert not [r for r in rows if not r["agreement"] and r["earned"]]


def test_earned_by_year_counts_a_restated_payment_once(deal: Store) -> None:
    rows = _run(deal, "earned-by-year", organization="Halvard")
    by_year = {(r["year"], r["kind"]): Decimal(r["earned"]) for r in rows}
    assert by_year == {("2019", "upfront"): 25_000_000, ("2020", "milestone"): 10_000_000}


def test_the_later_reports_restate_the_first(deal: Store) -> None:
    restates = f"<{KG}restates>"
    found = deal.query(
        f"SELECT * WHERE {{ GRAPH <{IDENTITY_GRAPH}> {{ ?later {restates} ?earlier }} }}"
    )
    # the upfront twice, the potential milestones once, the license twice
    assert len(list(found)) == 5


def test_releases_that_disagree_on_a_figure_both_stay_and_conflicts_shows_them(
    tmp_path: Path,
) -> None:
    store = _store(tmp_path / "releases", {**DEAL, "corvane-2019-03-06.txt": CORVANE_NOTE})
    rows = _run(store, "conflicts", organization="Halvard")
    assert len(rows) == 1, rows
    [row] = rows
    assert {Decimal(row["amount"]), Decimal(row["other_amount"])} == {
        Decimal(25_000_000),
        Decimal(20_000_000),
    }
    assert row["published"] != row["other_published"]
    # both figures stay in the store, each with its release
    upfronts = [
        r for r in _run(store, "payments", organization="Halvard") if r["kind"] == "upfront"
    ]
    assert {Decimal(r["amount"]) for r in upfronts} == {Decimal(25_000_000), Decimal(20_000_000)}


def test_the_links_follow_the_releases(tmp_path: Path) -> None:
    # Lilly's release alone: nothing to join. Halvard's first release makes "Lilly" and "Eli
    # Lilly and Company" one; ingesting it rewrites the links.
    folder = tmp_path / "releases"
    store = _store(folder, {"lilly-2019-03-05.txt": LILLY_LICENSE})
    assert len(_run(store, "deal-value", organization="Lilly")) == 1
    (folder / "halvard-2019-03-04.txt").write_text(HALVARD_LICENSE, encoding="utf-8")
    ingest_paths([folder], store, workers=0)
    [license] = _run(store, "deal-value", organization="Lilly")
    assert license["published"] == "2019-03-04"  # the first report now
    assert Decimal(license["earned"]) == Decimal(25_000_000)


# ---- on the real releases -------------------------------------------------------------------

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DEV_AND_BLIND = [CORPUS / "dev", CORPUS / "blind-1"]


@pytest.fixture(scope="module")
def corpus() -> Store:
    if not all(folder.is_dir() for folder in DEV_AND_BLIND):
        pytest.skip("../shared/corpus/dev and blind-1 are absent")
    store = Store.open(None)
    ingest_paths(DEV_AND_BLIND, store)
    return store


def _earned_with(rows: list[dict[str, str]], partner: str) -> Decimal:
    """What the seed's issuer earned in its deals with ``partner``, over every row."""
    return sum(
        (
            Decimal(r["earned"])
            for r in rows
            if r["earned"] and (partner in r["parties"].split("; ") or r["payer"] == partner)
        ),
        Decimal(0),
    )


def test_the_seed_issuers_deals_add_up_as_a_careful_reader_would(corpus: Store) -> None:
    rows = _run(corpus, "deal-value", organization="ImmunoGen")
    assert _earned_with(rows, "Genentech") == 2_000_000  # the trastuzumab-DM1 IND, 2006
    assert _earned_with(rows, "Bayer HealthCare") == 2_000_000  # the BAY 94-9343 IND, 2011
    # $1 million when each of two Amgen INDs went active, November 2011; the release of 14
    # November recalls the first, which counts once
    assert _earned_with(rows, "Amgen") == 2_000_000
    [bayer] = [r for r in rows if "Bayer HealthCare" in r["parties"].split("; ")]
    assert bayer["per_unit"] == "170500000 per_product" and not bayer["potential"]
    # Lilly's licence (under the earlier Multi-Target Agreement, a second agreement) carries
    # the milestones
    [lilly] = [r for r in rows if "Lilly" in r["parties"].split("; ") and r["kind"] == "license"]
    assert Decimal(lilly["potential"]) == 200_500_000 and not lilly["earned"]

    by_year = {
        (r["year"], r["kind"], r["currency"]): (Decimal(r["earned"]), int(r["payments"]))
        for r in _run(corpus, "earned-by-year", organization="ImmunoGen")
    }
    assert by_year == {
        ("2006", "milestone", "USD"): (2_000_000, 1),
        ("2011", "milestone", "USD"): (4_000_000, 3),  # Bayer's and Amgen's two
    }


def test_one_node_per_real_organisation_and_compound_across_dev_and_blind_1(
    corpus: Store,
) -> None:
    from kg.evaluate import evaluate_identity

    report = evaluate_identity(DEV_AND_BLIND)
    assert report.organizations.score.f1 >= 0.97
    assert report.compounds.duplicates == [] and report.compounds.joined == []
    assert report.compounds.score.f1 >= 0.97


KESSEL_UNIT = """\
Halvard Biosciences Signs Research Agreement with Kessel Ventures

BOSTON, September 9, 2020 /PRNewswire/ -- Halvard Biosciences, Inc. (Nasdaq: HLVD) today \
announced a research collaboration agreement with Kessel Ventures, Inc., a subsidiary of Kessel \
Pharma AG. Kessel Ventures will pay Halvard an upfront payment of $5 million.
"""


def test_units_widens_an_organisation_to_the_units_named_as_part_of_it(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import main

    folder = tmp_path / "releases"
    folder.mkdir()
    (folder / "halvard-2020-09-09.txt").write_text(KESSEL_UNIT, encoding="utf-8")
    store = ["--store", str(tmp_path / "store")]
    assert CliRunner().invoke(main, [*store, "ingest", "-q", str(folder)]).exit_code == 0

    def payers(*options: str) -> list[str]:
        args = [*store, "query", "payments", "-p", "organization=Kessel Pharma", *options]
        result = CliRunner().invoke(main, [*args, "--format", "csv", "--no-cache"])
        assert result.exit_code == 0, result.output
        return [line.split(",")[2] for line in result.output.splitlines()[1:]]

    assert payers() == []  # the group itself pays nothing
    assert payers("--units") == ["Kessel Ventures"]  # its unit does


# ---- evidence a release contradicts joins nothing ------------------------------------------------

_ORG = "https://w3id.org/biopharma-kg/id/org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _release_graph(*organizations: tuple[str, str, list[str], str]) -> str:
    """N-Triples of a release graph naming organisations: (slug, name, aliases, ticker)."""
    lines = []
    for slug, name, aliases, ticker in organizations:
        node = f"<{_ORG}{slug}>"
        lines.append(f"{node} <{RDF_TYPE}> <{TERMS.Organization}> .")
        lines.append(f'{node} <{TERMS.name}> "{name}" .')
        lines += [f'{node} <{TERMS.alias}> "{alias}" .' for alias in aliases]
        if ticker:
            lines.append(f'{node} <{TERMS.ticker}> "{ticker}" .')
            lines.append(f'{node} <{TERMS.exchange}> "Nasdaq" .')
    return "\n".join(lines)


def _canonical_of(store: Store) -> dict[str, str]:
    rows = store.query(
        f"SELECT ?node ?canonical WHERE {{ GRAPH <{IDENTITY_GRAPH}> "
        f"{{ ?node <{TERMS.canonical}> ?canonical }} }}"
    )
    return {r["node"].value[len(_ORG) :]: r["canonical"].value[len(_ORG) :] for r in rows}


def test_an_alias_or_a_listing_that_one_release_contradicts_joins_nothing() -> None:
    """One release gives Orvane a stray alias "Kessel Institute" and another release shares
    its ticker; a third names Orvane and Kessel Institute side by side, and a fourth Orvane
    and Brindle: those are two organisations each, so neither the alias nor the listing is
    evidence. An alias nothing contradicts still joins ("Lilly")."""
    store = Store.open(None)
    releases = {
        "r1": _release_graph(("orvane", "Orvane", ["Kessel Institute"], "ORV")),
        "r2": _release_graph(("kessel-institute", "Kessel Institute", [], "")),
        "r3": _release_graph(("brindle", "Brindle", [], "ORV")),
        "r4": _release_graph(
            ("orvane", "Orvane", [], ""),
            ("kessel-institute", "Kessel Institute", [], ""),
            ("brindle", "Brindle", [], ""),
        ),
        "r5": _release_graph(("eli-lilly", "Eli Lilly and Company", ["Lilly"], "")),
        "r6": _release_graph(("lilly", "Lilly", [], "")),
    }
    store.replace_graphs(
        {f"https://w3id.org/biopharma-kg/id/release/{k}": v for k, v in releases.items()}
    )
    refresh_identity(store)
    canonical = _canonical_of(store)
    assert len({canonical["orvane"], canonical["kessel-institute"], canonical["brindle"]}) == 3
    assert canonical["eli-lilly"] == canonical["lilly"]


# What the identity graph keeps for the queries must be what the release graphs say, computed
# the long way: each canonical node's first name, each pair's first and last dates and the
# facts that link it, the agreement (as first reported) each payment that restates none
# counts towards, the payments that restate none and no agreement holds, the agreements (as
# first reported) no report of which holds a payment, and each payment's payer and payee as
# canonical nodes.
_PREFIXES = f"PREFIX kg: <{TERMS}>\n"
_DERIVED_VS_LONG_WAY = {
    "canonical names": (
        f"""SELECT ?node ?name WHERE {{
          GRAPH <{IDENTITY_GRAPH}> {{ ?node kg:canonicalName ?name }} }}""",
        f"""SELECT ?node (MIN(STR(?n)) AS ?name) WHERE {{
          GRAPH <{IDENTITY_GRAPH}> {{ ?node kg:canonical ?node }}
          GRAPH ?g {{ ?node kg:name ?n }} }} GROUP BY ?node""",
    ),
    "pair dates": (
        f"""SELECT ?a ?b ?first ?last WHERE {{
          GRAPH <{IDENTITY_GRAPH}> {{
            ?pair a kg:OrganizationPair ; kg:between ?a , ?b ;
                  kg:firstPublished ?first ; kg:lastPublished ?last }}
          FILTER(STR(?a) < STR(?b)) }}""",
        f"""SELECT ?a ?b (MIN(?published) AS ?first) (MAX(?published) AS ?last) WHERE {{
          GRAPH ?g {{ ?link kg:involves ?x , ?y . ?release a kg:Release ; kg:published ?published }}
          GRAPH <{IDENTITY_GRAPH}> {{ ?x kg:canonical ?a . ?y kg:canonical ?b }}
          FILTER(STR(?a) < STR(?b)) }} GROUP BY ?a ?b""",
    ),
    "pair links": (
        f"""SELECT ?a ?b ?link WHERE {{
          GRAPH <{IDENTITY_GRAPH}> {{
            ?pair a kg:OrganizationPair ; kg:between ?a , ?b ; kg:linkedBy ?link }}
          FILTER(STR(?a) < STR(?b)) }}""",
        f"""SELECT DISTINCT ?a ?b ?link WHERE {{
          GRAPH ?g {{ ?link kg:involves ?x , ?y }}
          GRAPH <{IDENTITY_GRAPH}> {{ ?x kg:canonical ?a . ?y kg:canonical ?b }}
          FILTER(STR(?a) < STR(?b)) }}""",
    ),
    "counted payments": (
        f"""SELECT ?payment ?agreement WHERE {{
          GRAPH <{IDENTITY_GRAPH}> {{ ?payment kg:countedUnder ?agreement }} }}""",
        f"""SELECT DISTINCT ?payment ?agreement WHERE {{
          GRAPH ?g {{ ?payment kg:underAgreement ?reported }}
          FILTER NOT EXISTS {{ GRAPH <{IDENTITY_GRAPH}> {{ ?payment kg:restates ?earlier }} }}
          OPTIONAL {{ GRAPH <{IDENTITY_GRAPH}> {{ ?reported kg:restates ?first }} }}
          BIND(COALESCE(?first, ?reported) AS ?agreement) }}""",
    ),
    "payments counted without agreement": (
        f"""SELECT ?payment WHERE {{
          GRAPH <{IDENTITY_GRAPH}> {{ ?payment kg:countedWithoutAgreement true }} }}""",
        f"""SELECT DISTINCT ?payment WHERE {{
          GRAPH ?g {{ ?payment a kg:PaymentEvent }}
          FILTER NOT EXISTS {{ GRAPH ?g {{ ?payment kg:underAgreement ?agreement }} }}
          FILTER NOT EXISTS {{
            GRAPH <{IDENTITY_GRAPH}> {{ ?payment kg:restates ?earlier }} }} }}""",
    ),
    "agreements without payments": (
        f"""SELECT ?agreement WHERE {{
          GRAPH <{IDENTITY_GRAPH}> {{ ?agreement kg:withoutPayments true }} }}""",
        f"""SELECT DISTINCT ?agreement WHERE {{
          GRAPH ?g {{ ?agreement a kg:Agreement }}
          FILTER NOT EXISTS {{ GRAPH <{IDENTITY_GRAPH}> {{ ?agreement kg:restates ?first }} }}
          FILTER NOT EXISTS {{ GRAPH ?h {{ ?payment kg:underAgreement ?agreement }} }}
          FILTER NOT EXISTS {{
            GRAPH <{IDENTITY_GRAPH}> {{ ?later kg:restates ?agreement }}
            GRAPH ?k {{ ?laterPayment kg:underAgreement ?later }} }} }}""",
    ),
    "canonical payers and payees": (
        f"""SELECT ?payment ?role ?node WHERE {{ GRAPH <{IDENTITY_GRAPH}> {{
          {{ ?payment kg:canonicalPayer ?node BIND("payer" AS ?role) }}
          UNION {{ ?payment kg:canonicalPayee ?node BIND("payee" AS ?role) }} }} }}""",
        f"""SELECT DISTINCT ?payment ?role ?node WHERE {{
          GRAPH ?g {{
            {{ ?payment kg:payer ?found BIND("payer" AS ?role) }}
            UNION {{ ?payment kg:payee ?found BIND("payee" AS ?role) }} }}
          GRAPH <{IDENTITY_GRAPH}> {{ ?found kg:canonical ?node }} }}""",
    ),
}


@pytest.mark.parametrize("what", sorted(_DERIVED_VS_LONG_WAY))
def test_what_the_identity_graph_keeps_for_the_queries_is_what_releases_say(
    corpus: Store, what: str
) -> None:
    kept, long_way = _DERIVED_VS_LONG_WAY[what]
    kept_rows = {tuple(str(t) for t in row) for row in corpus.query(_PREFIXES + kept)}
    long_rows = {tuple(str(t) for t in row) for row in corpus.query(_PREFIXES + long_way)}
    assert long_rows, f"no {what} on dev + blind-1: the check would pass on nothing"
    assert kept_rows == long_rows


def test_each_agreements_party_names_are_its_parties_names_once_each_in_order(
    corpus: Store,
) -> None:
    kept = {
        str(row["agreement"]): str(row["names"].value)
        for row in corpus.query(
            _PREFIXES
            + f"""SELECT ?agreement ?names WHERE {{
              GRAPH <{IDENTITY_GRAPH}> {{ ?agreement kg:partyNames ?names }} }}"""
        )
    }
    long_way: dict[str, set[str]] = {}
    for row in corpus.query(
        _PREFIXES
        + """SELECT ?agreement ?name WHERE {
          GRAPH ?g { ?agreement a kg:Agreement ; kg:party ?party . ?party kg:name ?name } }"""
    ):
        long_way.setdefault(str(row["agreement"]), set()).add(str(row["name"].value))
    assert long_way, "no agreement with a named party on dev + blind-1"
    assert kept == {agreement: "; ".join(sorted(names)) for agreement, names in long_way.items()}
