"""The kg command end to end through click's runner, on the bundled seed release."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from kg.cli import main
from kg.schema import ID
from kg.store import IDENTITY_GRAPH

SEED = Path(__file__).resolve().parents[1] / "data" / "releases"


@pytest.fixture
def run(tmp_path):
    store = tmp_path / "store"

    def invoke(*args: str, **kwargs):
        return CliRunner().invoke(main, ["--store", str(store), *args], **kwargs)

    invoke.store = store
    return invoke


@pytest.fixture
def seeded(run):
    result = run("ingest", str(SEED))
    assert result.exit_code == 0, result.output
    return run


def test_ingest_reports_each_file_and_the_store_size(run):
    result = run("ingest", "--verbose", str(SEED))
    assert result.exit_code == 0
    assert "added" in result.output
    assert "immunogen-2011-06-14-bay-94-9343-ind.txt" in result.output
    assert "the store holds" in result.output


def test_ingesting_again_changes_nothing(seeded):
    quads = seeded(
        "sparql", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--format", "csv"
    )
    again = seeded("ingest", str(SEED))
    assert again.exit_code == 0 and "1 unchanged" in again.output
    after = seeded(
        "sparql", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "--format", "csv"
    )
    assert quads.output == after.output


def test_the_seed_payments_come_out_of_kg_query(seeded):
    result = seeded("query", "payments", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    earned = [r for r in rows if r["status"] == "earned"]
    potential = [r for r in rows if r["status"] == "potential"]
    assert [(r["payer"], r["payee"], r["amount"], r["currency"], r["kind"]) for r in earned] == [
        ("Bayer HealthCare", "ImmunoGen", "2000000", "USD", "milestone")
    ]
    assert earned[0]["published"] == "2011-06-14"
    assert [(r["amount"], r["qualifier"]) for r in potential] == [("170500000", "per_product")]


def test_query_json_follows_the_sparql_results_format(seeded):
    result = seeded("query", "payments", "--format", "json")
    document = json.loads(result.output)
    assert "payer" in document["head"]["vars"]
    assert len(document["results"]["bindings"]) == 2


def test_query_table_is_for_people(seeded):
    result = seeded("query", "payments")
    assert result.exit_code == 0
    assert result.output.splitlines()[0].split()[:2] == ["release", "published"]
    assert result.output.rstrip().endswith("(2 rows)")
    first_row = result.output.splitlines()[2]
    assert first_row.startswith("release/") and "https://" not in first_row


def test_unknown_query_is_an_error_with_a_hint(seeded):
    result = seeded("query", "nope")
    assert result.exit_code == 2
    assert "Error: no canned query named 'nope'" in result.output
    assert "Hint: try one of:" in result.output
    assert "Traceback" not in result.output


def test_queries_lists_the_canned_queries(run):
    result = run("queries")
    assert result.exit_code == 0
    assert "payments" in result.output and "--param" in result.output


def test_sparql_refuses_updates_unless_allowed(seeded):
    refused = seeded("sparql", "DROP ALL")
    assert refused.exit_code == 2 and "read-only" in refused.output
    count = seeded("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv")
    assert count.output.splitlines()[1] != "0"
    allowed = seeded("sparql", "--allow-update", "DROP ALL")
    assert allowed.exit_code == 0
    empty = seeded("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv")
    assert empty.output.splitlines()[1] == "0"


def test_sparql_reads_a_query_file(seeded, tmp_path):
    query = tmp_path / "q.rq"
    query.write_text("ASK { ?s ?p ?o }")
    result = seeded("sparql", "-f", str(query))
    assert result.exit_code == 0 and result.output.strip() == "true"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SELECT WHERE {", "SPARQL syntax error at line 1, column "),
        (
            "SELEC ?s WHERE { ?s ?p ?o }",
            "line 1, column 1: a query starts with SELECT, CONSTRUCT, ASK or DESCRIBE "
            "(after any PREFIX lines), not 'SELEC'",
        ),
        (
            "SELECT ?s WHERE {\n  ?s foo:bar ?o\n}",
            "SPARQL syntax error at line 2, column 6: unknown prefix foo:",
        ),
        ("SELECT ?s WHERE {\n  ?s ?p ?o\n  FILTER(?o = )\n}", "at line 3, column "),
    ],
)
def test_sparql_syntax_errors_are_one_line_with_the_position(seeded, text, message):
    result = seeded("sparql", text)
    assert result.exit_code == 2
    error = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(error) == 1 and message in error[0], result.output
    assert len(error[0]) < 200 and "\\u{" not in result.output


def test_sparql_knows_the_ontology_prefixes(seeded):
    query = (
        "SELECT ?kind WHERE { GRAPH ?g { ?p kg:paymentKind ?kind } FILTER(?kind = pk:milestone) }"
    )
    result = seeded("sparql", query, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert (
        result.output.splitlines()[1:]
        == ["https://w3id.org/biopharma-kg/vocab/payment-kind/milestone"] * 2
    )
    own = seeded("sparql", "PREFIX kg: <urn:x:> SELECT * WHERE { ?s kg:nothing ?o }")
    assert own.exit_code == 0 and "(0 rows)" in own.output


def test_the_ontology_is_in_the_store_for_any_client(seeded):
    query = (
        "SELECT ?label WHERE { GRAPH <https://w3id.org/biopharma-kg/ontology> "
        "{ kg:payer rdfs:label ?label } }"
    )
    result = seeded("sparql", query, "--format", "csv")
    assert result.output.splitlines()[1:] == ["payer"]


def test_query_before_any_ingest_says_what_to_do(run):
    result = run("query", "payments")
    assert result.exit_code == 2
    assert "no kg store" in result.output and "kg ingest" in result.output


@pytest.mark.parametrize(("fmt", "parse_as"), [("trig", "trig"), ("nquads", "nquads")])
def test_export_keeps_the_release_graph(seeded, tmp_path, fmt, parse_as):
    out = tmp_path / f"kg.{fmt}"
    result = seeded("export", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    dataset = Dataset().parse(out, format=parse_as)
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    derived = {"https://w3id.org/biopharma-kg/ontology", IDENTITY_GRAPH}
    release_graphs = {g for g in graphs - derived if g.startswith(f"{ID}graph/")}
    assert len(release_graphs) == 1
    # the ontology and the links that join releases travel with them
    assert graphs == release_graphs | derived
    # and a VoID description of it, next to it
    void = Graph().parse(out.with_name("kg.void.ttl"), format="turtle")
    assert len(void) > 10


def test_export_turtle_to_stdout(seeded):
    result = seeded("export")
    assert result.exit_code == 0
    assert len(Graph().parse(data=result.output, format="turtle")) > 50


def test_validate_the_store(seeded, tmp_path):
    report = tmp_path / "report.ttl"
    result = seeded("validate", "--report", str(report))
    assert result.exit_code == 0, result.output
    assert "1 graph(s) checked: conform" in result.output
    assert "conforms" in report.read_text()


def test_validate_files_exit_codes(run, seeded, tmp_path):
    good = tmp_path / "good.trig"
    seeded("export", "--format", "trig", "-o", str(good))
    assert run("validate", str(good)).exit_code == 0
    text = good.read_text()
    broken = tmp_path / "broken.trig"
    broken.write_text(text.replace('"USD"', '"usd"', 1))
    failed = run("validate", str(broken))
    assert failed.exit_code == 1, failed.output
    assert "do not conform" in failed.output
    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("this is not turtle {")
    unreadable = run("validate", str(garbage))
    assert unreadable.exit_code == 2 and "cannot parse" in unreadable.output


def test_validate_a_release_file_without_loading_it(run):
    result = run("validate", str(SEED / "immunogen-2011-06-14-bay-94-9343-ind.txt"))
    assert result.exit_code == 0, result.output
    assert not run.store.exists()


def test_eval_scores_the_extractor_against_gold_files(run):
    gold = Path(__file__).resolve().parent / "fixtures" / "gold"
    result = run("eval", str(gold))
    assert result.exit_code == 0, result.output
    assert "payments" in result.output and "F1" in result.output
    verbose = run("eval", "--verbose", str(gold))
    assert len(verbose.output) >= len(result.output)


def test_eval_of_a_missing_folder_is_a_usage_error(run, tmp_path):
    result = run("eval", str(tmp_path / "nowhere"))
    assert result.exit_code == 2 and "does not exist" in result.output


def test_the_default_store_is_created_where_xdg_says(tmp_path, monkeypatch):
    monkeypatch.delenv("KG_STORE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "not" / "yet" / "there"))
    result = CliRunner().invoke(main, ["ingest", str(SEED)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "not" / "yet" / "there" / "kg" / "store" / "CURRENT").exists()


def test_schema_prints_the_classes_properties_and_words():
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0, result.output
    assert "kg:PaymentEvent — payment" in result.output
    assert "kg:payer" in result.output and "-> kg:Organization" in result.output
    assert "payment-status         earned, potential" in result.output
    assert "pk:      <https://w3id.org/biopharma-kg/vocab/payment-kind/>" in result.output
    one = CliRunner().invoke(main, ["schema", "--class", "agreement"])
    assert "kg:Agreement — agreement" in one.output and "kg:PaymentEvent" not in one.output
    unknown = CliRunner().invoke(main, ["schema", "--class", "Deal"])
    assert unknown.exit_code == 2 and "no class 'Deal'" in unknown.output
