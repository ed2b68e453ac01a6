"""``kg query`` and ``kg queries`` through click: formats, parameters and errors.

The store is a real one on disk, filled with the hand-made releases of ``factories`` and closed
before the CLI opens it read-only.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from factories import biotest, fill, immunogen

from kg.cli import main
from kg.query import canned_queries
from kg.store import Store

PAYMENT_COLUMNS = [
    "release",
    "published",
    "payer",
    "payee",
    "amount",
    "currency",
    "kind",
    "status",
    "qualifier",
    "trigger",
    "compound",
    "agreement",
    "payment",
]
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    store = Store.open(path)
    fill(store)
    store.close()
    return path


def kg(store_path: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--store", str(store_path), *args])


def test_csv_is_the_w3c_sparql_csv_format(store_path: Path) -> None:
    result = kg(store_path, "query", "payments", "--param", "kind=milestone", "--format", "csv")
    assert result.exit_code == 0, result.output
    # W3C CSV: a header of variable names, CRLF line ends (click's Result.stdout turns them to LF)
    assert result.stdout_bytes.startswith((",".join(PAYMENT_COLUMNS) + "\r\n").encode())
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(row["amount"], row["currency"], row["status"]) for row in rows] == [
        ("2000000", "USD", "earned"),
        ("170500000", "USD", "potential"),
    ]
    assert rows[0]["release"] == immunogen().iri
    assert rows[0]["payer"] == "Bayer HealthCare"


def test_tsv_is_the_w3c_sparql_tsv_format(store_path: Path) -> None:
    result = kg(store_path, "query", "acquisitions", "--format", "tsv")
    assert result.exit_code == 0, result.output
    header, *lines = result.stdout.splitlines()
    assert header == "?release\t?acquirer\t?acquired\t?amount\t?currency\t?acquisition"
    # terms in Turtle syntax, with their datatypes
    assert lines == [
        f'<{biotest().iri}>\t"Biotest AG"\t"Rhein Antibody GmbH"\t"20000000"^^<{XSD}decimal>'
        f'\t"EUR"\t<{biotest().iri}/acquisition/1>'
    ]


def test_json_is_the_w3c_sparql_json_format(store_path: Path) -> None:
    result = kg(store_path, "query", "payments", "-p", "organization=biotest", "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["head"]["vars"] == PAYMENT_COLUMNS
    bindings = document["results"]["bindings"]
    assert len(bindings) == 2
    amount = {"type": "literal", "value": "1500000", "datatype": f"{XSD}decimal"}
    assert bindings[0]["amount"] == amount
    published = {"type": "literal", "value": "2013-02-25", "datatype": f"{XSD}date"}
    assert bindings[0]["published"] == published
    assert bindings[0]["payer"] == {"type": "literal", "value": "Biotest AG"}  # xsd:string
    assert bindings[0]["release"] == {"type": "uri", "value": biotest().iri}
    # the undisclosed amount is absent from the binding: not 0, not ""
    assert "amount" not in bindings[1] and "currency" not in bindings[1]
    assert bindings[1]["kind"]["value"] == "option_fee"


def test_table_for_people(store_path: Path) -> None:
    result = kg(store_path, "query", "organizations", "--param", "name=immunogen")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["organization", "aliases", "ticker", "exchange", "organization_iri"]
    # kg's own IRIs without their common prefix: the form parameters take back
    assert lines[2].split() == [
        "ImmunoGen",
        "ImmunoGen,",
        "Inc.",
        "IMGN",
        "Nasdaq",
        "org/immunogen",
    ]
    assert lines[-1] == "(1 row)"


@pytest.mark.parametrize("name", sorted(canned_queries()))
@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "table"])
def test_every_query_runs_in_every_format(store_path: Path, name: str, fmt: str) -> None:
    required = {"organization": "ImmunoGen", "fact": immunogen().iri + "/agreement/1"}
    args = [
        arg
        for param in canned_queries()[name].params
        if param.required
        for arg in ("--param", f"{param.name}={required[param.name]}")
    ]
    result = kg(store_path, "query", name, *args, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert result.stdout


def test_a_date_parameter(store_path: Path) -> None:
    result = kg(store_path, "query", "payments", "-p", "since=2012-01-01", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {row["published"] for row in rows} == {"2013-02-25"}


def test_a_hostile_value_is_just_a_value(store_path: Path) -> None:
    hostile = 'x" } ; DROP ALL ; # \n SERVICE <http://example.org/> { ?s ?p ?o }'
    result = kg(store_path, "query", "payments", "-p", f"organization={hostile}", "--format", "csv")
    assert result.exit_code == 2
    assert "no release names an organisation" in result.stderr
    after = kg(store_path, "query", "payments", "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(after.stdout)))) == 4


def test_queries_lists_every_query_and_its_parameters() -> None:
    result = CliRunner().invoke(main, ["queries"])
    assert result.exit_code == 0, result.output
    for name, query in canned_queries().items():
        assert f"{name:20} {query.summary}" in result.stdout
    assert "--param organization=<organization> (optional, repeatable)" in result.stdout
    assert "--param status=<payment-status> (optional)" in result.stdout
    assert "columns: release, published, payer, payee, amount" in result.stdout
    assert "--param fact=<iri> (required)" in result.stdout
    assert "--param since=<date> (optional)" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "no-such-query"], "no canned query named 'no-such-query'"),
        (["query", "timeline"], "timeline needs --param organization=VALUE"),
        (["query", "payments", "-p", "payer=Bayer"], "unknown parameter(s) payer"),
        (["query", "payments", "-p", "since=June 2011"], "wants a date as YYYY-MM-DD"),
        (["query", "payments", "-p", "status=earnd"], "earned, potential"),
        (["query", "payments", "-p", "organization=Bayr"], "Bayer HealthCare"),
        (["query", "payments", "-p", "since=2011-01-01", "-p", "since=2012-01-01"], "one value"),
        (["query", "paymnets"], "did you mean payments?"),
        (["query", "payments", "--order-by", "cost"], "no such column"),
        (["query", "evidence", "-p", "fact=https://example.org/a> } ; DROP ALL ; #"], "iri"),
        (["query", "evidence", "-p", "fact=https://example.org/a b"], "iri"),
    ],
)
def test_errors(store_path: Path, args: list[str], message: str) -> None:
    result = kg(store_path, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_a_missing_store_is_an_error(tmp_path: Path) -> None:
    result = kg(tmp_path / "nothing-here", "query", "releases")
    assert result.exit_code == 2
    assert "no kg store" in result.stderr


@pytest.mark.parametrize("fmt", ["csv", "json", "tsv"])
def test_a_query_does_not_import_rdflib(store_path: Path, fmt: str):
    # kg query's start-up time is part of its answer time: rdflib alone takes 80 ms to import.
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from kg.cli import main\n"
        f"main(['--store', {str(store_path)!r}, 'query', 'payments', '--format', {fmt!r}],"
        " standalone_mode=False)\n"
        "print('rdflib imported' if 'rdflib' in sys.modules else 'no rdflib')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert "ImmunoGen" in out
    assert out.rstrip().endswith("no rdflib")


def test_partner_network_as_graphml_and_dot(store_path: Path, tmp_path: Path) -> None:
    networkx = pytest.importorskip("networkx")
    rows = kg(store_path, "query", "partner-network", "--format", "csv")
    pairs = list(csv.DictReader(io.StringIO(rows.stdout)))
    graphml = kg(store_path, "query", "partner-network", "--format", "graphml")
    assert graphml.exit_code == 0, graphml.output
    path = tmp_path / "network.graphml"
    path.write_text(graphml.stdout)
    graph = networkx.read_graphml(path)
    assert graph.number_of_edges() == len(pairs)
    assert graph.nodes[pairs[0]["organization_iri"]]["label"] == pairs[0]["organization"]
    edge = graph.edges[pairs[0]["organization_iri"], pairs[0]["partner_iri"]]
    assert edge["releases"] == pairs[0]["releases"]
    dot = kg(store_path, "query", "partner-network", "--format", "dot")
    assert dot.stdout.startswith("graph partners {") and dot.stdout.rstrip().endswith("}")
    assert dot.stdout.count(" -- ") == len(pairs)
    import shutil
    import subprocess

    if shutil.which("dot"):
        drawn = subprocess.run(["dot", "-Tsvg"], input=dot.stdout, capture_output=True, text=True)
        assert drawn.returncode == 0 and "<svg" in drawn.stdout
    refused = kg(store_path, "query", "payments", "--format", "graphml")
    assert refused.exit_code == 2 and "not a graph" in refused.stderr


def test_pages_come_from_the_cache_until_the_store_changes(tmp_path: Path) -> None:
    import os

    path = tmp_path / "store"
    fill(Store.open(path)).close()
    cache = tmp_path / "cache"
    env = {"KG_CACHE": str(cache)}

    def payments(*args: str) -> list[dict[str, str]]:
        done = CliRunner(env=env).invoke(
            main, ["--store", str(path), "query", "payments", "--format", "csv", *args]
        )
        assert done.exit_code == 0, done.output
        return list(csv.DictReader(io.StringIO(done.stdout)))

    every = payments()
    kept = list(cache.rglob("*.jsonl"))
    assert len(kept) == 1
    assert payments("--limit", "2") == every[:2]
    assert payments("--limit", "2", "--offset", "2") == every[2:4]
    assert payments("--order-by", "-amount", "--limit", "1")[0]["amount"] == "170500000"
    assert len(list(cache.rglob("*.jsonl"))) == 2  # another order, another answer
    # the cache answers: make its copy say something else, and see it come back
    first = kept[0].read_text().splitlines()
    first[1] = first[1].replace("Bayer HealthCare", "From The Cache")
    kept[0].write_text("\n".join(first) + "\n")
    assert payments("--limit", "1")[0]["payer"] == "From The Cache"
    assert payments("--no-cache", "--limit", "1")[0]["payer"] == "Bayer HealthCare"
    # any write to the store makes it ask the store again
    with Store.open(path) as store:
        store.update("INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> 'x' } }")
    assert payments("--limit", "1")[0]["payer"] == "Bayer HealthCare"
    assert not any("From The Cache" in p.read_text() for p in cache.rglob("*.jsonl"))
    assert os.environ.get("KG_CACHE") != str(cache)  # the CLI's own environment only


def test_a_table_names_the_ontology_terms_by_their_prefixes(store_path: Path) -> None:
    query = "SELECT DISTINCT ?kind WHERE { GRAPH ?g { ?p kg:paymentKind ?kind } } ORDER BY ?kind"
    table = kg(store_path, "sparql", query)
    assert table.stdout.splitlines()[2:5] == ["pk:milestone", "pk:option_fee", "pk:upfront"]
    whole = kg(store_path, "sparql", query, "--format", "csv")
    assert "https://w3id.org/biopharma-kg/vocab/payment-kind/milestone" in whole.stdout
