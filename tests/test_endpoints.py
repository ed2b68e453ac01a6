"""kg against a real SPARQL server: the Oxigraph server, started here on a free port.

Every command that reads or writes the store runs through ``kg --endpoint`` and must give what
the embedded store gives on the same releases: every canned query with and without parameters,
validate, export; push and pull copy a store there and back.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result
from engines import cases, differences, run, shape_of
from servers import Server, oxigraph_server

from kg.cli import main
from kg.query import canned_queries
from kg.store import IDENTITY_GRAPH, Endpoint, RemoteStore, Store

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
needs_corpus = pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpus/dev is absent")


def kg(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


def on(server: Server, *args: str) -> Result:
    endpoint = ["--endpoint", server.query_url, "--update-endpoint", server.update_url]
    return kg(*endpoint, *args, env=server.env)


def remote(server: Server) -> RemoteStore:
    return RemoteStore(Endpoint(server.query_url, server.update_url))


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    if not DEV.is_dir():
        pytest.skip("../shared/corpus/dev is absent")
    path = tmp_path_factory.mktemp("embedded") / "store"
    result = kg("--store", str(path), "ingest", "-q", str(DEV))
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def server(embedded: Path) -> Iterator[Server]:
    """An Oxigraph server, filled by ``kg --endpoint … ingest`` from the same releases."""
    with oxigraph_server() as running:
        result = on(running, "ingest", "-q", str(DEV))
        assert result.exit_code == 0, result.output + result.stderr
        yield running


@needs_corpus
def test_ingest_through_the_endpoint_adds_each_release_once(server: Server) -> None:
    again = on(server, "ingest", "-q", str(DEV))
    assert again.exit_code == 0
    releases = len(list(DEV.glob("*.txt")))
    assert f"{releases} file(s): 0 added, {releases} unchanged" in again.output


@needs_corpus
def test_the_server_holds_what_the_embedded_store_holds(embedded: Path, server: Server) -> None:
    with Store.open(embedded, read_only=True) as local:
        expected = local.graph_sizes()
        assert remote(server).graph_sizes() == expected
        for graph in sorted(expected)[:5]:
            assert _triples(remote(server).graph_ntriples(graph)) == _triples(
                local.graph_ntriples(graph)
            )


@needs_corpus
def test_every_canned_query_gives_the_embedded_rows(embedded: Path, server: Server) -> None:
    queries = canned_queries()
    problems = []
    with Store.open(embedded, read_only=True) as local:
        found = cases(local)
        assert {case.query for case in found} == set(queries)  # every query, at least once
        assert len(found) > len(queries)  # and some with parameters
        for case in found:
            expected = run(local, queries[case.query], dict(case.params))
            got = run(remote(server), queries[case.query], dict(case.params))
            # (no two dev releases disagree on a figure: conflicts has rows in test_identity)
            may_be_empty = ("evidence", "conflicts")
            assert expected or case.query in may_be_empty, f"{case.label} found nothing"
            shape = shape_of(case, expected[0] if expected else got[0] if got else [])
            problems += [f"{case.label}: {p}" for p in differences(expected, got, shape)]
    assert not problems, "\n".join(problems)


@needs_corpus
def test_validate_through_the_endpoint(server: Server) -> None:
    result = on(server, "validate")
    releases = len(list(DEV.glob("*.txt")))
    assert result.exit_code == 0, result.output
    assert f"{releases} graph(s) checked: conform." in result.output


@needs_corpus
@pytest.mark.parametrize("fmt", ["turtle", "nquads", "trig"])
def test_export_through_the_endpoint_is_the_embedded_export(
    embedded: Path, server: Server, tmp_path: Path, fmt: str
) -> None:
    local = kg("--store", str(embedded), "export", "--format", fmt, "-o", str(tmp_path / "a"))
    there = on(server, "export", "--format", fmt, "-o", str(tmp_path / "b"))
    assert local.exit_code == 0 and there.exit_code == 0, there.output + there.stderr
    a, b = (tmp_path / "a").read_bytes(), (tmp_path / "b").read_bytes()
    if fmt == "turtle":
        assert a == b  # sorted, so the same bytes
    else:
        rdf = ox.RdfFormat.N_QUADS if fmt == "nquads" else ox.RdfFormat.TRIG
        assert set(ox.parse(a, format=rdf)) == set(ox.parse(b, format=rdf))


@needs_corpus
def test_sparql_sees_the_union_of_the_release_graphs(embedded: Path, server: Server) -> None:
    count = (
        "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/biopharma-kg/ontology#Release> }"
    )
    local = kg("--store", str(embedded), "sparql", count, "--format", "csv")
    there = on(server, "sparql", count, "--format", "csv")
    assert there.exit_code == 0, there.stderr
    assert there.output == local.output
    assert there.output.split()[-1] == str(len(list(DEV.glob("*.txt"))))


@needs_corpus
def test_push_then_pull_round_trips_every_graph(embedded: Path, tmp_path: Path) -> None:
    with oxigraph_server() as fresh:
        pushed = kg(
            "--store", str(embedded), "push", fresh.query_url, "--update-endpoint", fresh.update_url
        )
        assert pushed.exit_code == 0, pushed.output + pushed.stderr
        assert " 0 already there" in pushed.output
        assert IDENTITY_GRAPH in remote(fresh).derived_graphs()  # made there, from all it holds
        again = kg(
            "--store", str(embedded), "push", fresh.query_url, "--update-endpoint", fresh.update_url
        )
        assert again.exit_code == 0 and " 0 pushed" in again.output  # idempotent
        copy = tmp_path / "copy"
        pulled = kg("--store", str(copy), "pull", fresh.query_url)
        assert pulled.exit_code == 0, pulled.output + pulled.stderr
        again = kg("--store", str(copy), "pull", fresh.query_url)
        assert " 0 pulled" in again.output
    with Store.open(embedded, read_only=True) as a, Store.open(copy, read_only=True) as b:
        assert set(a.quads()) == set(b.quads())
        assert len(a) == len(b)


@needs_corpus
def test_push_by_the_graph_store_protocol(embedded: Path) -> None:
    with oxigraph_server() as fresh:
        pushed = kg(
            "--store",
            str(embedded),
            "push",
            fresh.query_url,
            "--graph-store",
            fresh.base + "/store",
        )
        assert pushed.exit_code == 0, pushed.output + pushed.stderr
        with Store.open(embedded, read_only=True) as local:
            assert remote(fresh).graph_sizes() == local.graph_sizes()


def _triples(ntriples: str) -> set[ox.Triple]:
    return set(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES))
