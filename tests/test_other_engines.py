"""The same commands and answers on Virtuoso 7 (through ``kg --endpoint``) and Jena ARQ.

Virtuoso is Debian's ``virtuoso-opensource-7`` and Jena Debian's ``libapache-jena-java``
(``scripts/install-servers`` installs both; CI runs it). Each canned query, with and without
parameters, is compared with the embedded store's answer as SPARQL promises it
(:mod:`engines`). A query that still differs on an engine is listed in ``STILL_DIFFERS`` with
the reason found; it is expected to fail until the query is rewritten, and is reported as
XPASS once it matches (then take it off the list).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result
from engines import cases, differences, rows_of_json, run, shape_of
from servers import Server, run_jena, virtuoso_server

from kg.cli import main
from kg.errors import KgError
from kg.query import canned_queries
from kg.store import Endpoint, RemoteStore, Store

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"

# (engine, query) -> why it still differs (measured on the development corpus).
# Every canned query now gives the embedded rows on Virtuoso and Jena (issue 12 rewrote the
# queries in plain SPARQL 1.1 that avoids the engine bugs issue 11 measured).
STILL_DIFFERS: dict[tuple[str, str], str] = {}


def kg(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


def on(server: Server, *args: str) -> Result:
    endpoint = ["--endpoint", server.query_url, "--update-endpoint", server.update_url]
    return kg(*endpoint, *args, env=server.env)


def remote(server: Server) -> RemoteStore:
    user, password = server.env.get("KG_ENDPOINT_USER"), server.env.get("KG_ENDPOINT_PASSWORD")
    auth = server.env.get("KG_ENDPOINT_AUTH", "basic")
    return RemoteStore(
        Endpoint(server.query_url, server.update_url, user=user, password=password, auth=auth)
    )


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not DEV.is_dir():
        pytest.skip("../shared/corpus/dev is absent")
    path = tmp_path_factory.mktemp("embedded") / "store"
    result = kg("--store", str(path), "ingest", "-q", str(DEV))
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def virtuoso(embedded: Path) -> Iterator[Server]:
    with virtuoso_server() as running:
        result = on(running, "ingest", "-q", str(DEV))
        assert result.exit_code == 0, result.output + result.stderr
        yield running


@pytest.fixture(scope="module")
def jena_answers(embedded: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Every case's bound query, run by Jena ARQ over kg's N-Quads export."""
    work = tmp_path_factory.mktemp("jena")
    exported = kg(
        "--store", str(embedded), "export", "--format", "nquads", "-o", str(work / "kg.nq")
    )
    assert exported.exit_code == 0
    queries = canned_queries()
    with Store.open(embedded, read_only=True) as local:
        texts = {
            f"case{i}": queries[c.query].bind(dict(c.params), local)
            for i, c in enumerate(cases(local))
        }
    return run_jena(work / "kg.nq", texts, work)


def _compare(engine: str, name: str, embedded: Path, answer) -> None:
    """Compare every case of query ``name``; ``answer(index, case)`` gives the engine's rows."""
    reason = STILL_DIFFERS.get((engine, name))
    problems = []
    with Store.open(embedded, read_only=True) as local:
        for index, case in enumerate(cases(local)):
            if case.query != name:
                continue
            expected = run(local, canned_queries()[name], dict(case.params))
            try:
                got = answer(index, case)
            except KgError as err:  # a query the engine refuses is a difference too
                problems.append(f"{case.label}: {err}")
                continue
            shape = shape_of(case, expected[0] if expected else got[0] if got else [])
            problems += [f"{case.label}: {p}" for p in differences(expected, got, shape)]
    if problems and reason:
        pytest.xfail(f"{reason}; " + "; ".join(problems))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", sorted(canned_queries()))
def test_virtuoso_gives_the_embedded_rows(name: str, embedded: Path, virtuoso: Server) -> None:
    _compare(
        "virtuoso",
        name,
        embedded,
        lambda _, case: run(remote(virtuoso), canned_queries()[case.query], dict(case.params)),
    )


@pytest.mark.parametrize("name", sorted(canned_queries()))
def test_jena_gives_the_embedded_rows(
    name: str, embedded: Path, jena_answers: dict[str, bytes]
) -> None:
    _compare("jena", name, embedded, lambda index, _: rows_of_json(jena_answers[f"case{index}"]))


def test_virtuoso_ingest_and_validate(virtuoso: Server) -> None:
    releases = len(list(DEV.glob("*.txt")))
    again = on(virtuoso, "ingest", "-q", str(DEV))
    assert f"{releases} file(s): 0 added, {releases} unchanged" in again.output
    checked = on(virtuoso, "validate")
    assert checked.exit_code == 0, checked.output + checked.stderr
    assert f"{releases} graph(s) checked: conform." in checked.output


def test_virtuoso_holds_what_the_embedded_store_holds(embedded: Path, virtuoso: Server) -> None:
    """Its own system graphs are not taken for release graphs, and every term comes back
    as it went in (dates, decimals, language tags, non-ASCII text)."""
    with Store.open(embedded, read_only=True) as local:
        assert remote(virtuoso).graph_sizes() == local.graph_sizes()
        assert set(remote(virtuoso).quads()) == set(local.quads())


def test_virtuoso_push_and_pull_round_trip(embedded: Path, tmp_path: Path) -> None:
    with virtuoso_server() as fresh:
        env = fresh.env
        args = ["--store", str(embedded), "push", fresh.query_url]
        pushed = kg(*args, env=env)
        assert pushed.exit_code == 0, pushed.output + pushed.stderr
        assert " 0 pushed" in kg(*args, env=env).output
        copy = tmp_path / "copy"
        pulled = kg("--store", str(copy), "pull", fresh.query_url, env=env)
        assert pulled.exit_code == 0, pulled.output + pulled.stderr
    with Store.open(embedded, read_only=True) as a, Store.open(copy, read_only=True) as b:
        assert set(a.quads()) == set(b.quads())


def test_virtuoso_export_is_the_embedded_export(
    embedded: Path, virtuoso: Server, tmp_path: Path
) -> None:
    local = kg("--store", str(embedded), "export", "--format", "turtle", "-o", str(tmp_path / "a"))
    there = on(virtuoso, "export", "--format", "turtle", "-o", str(tmp_path / "b"))
    assert local.exit_code == 0 and there.exit_code == 0, there.output + there.stderr
    assert (tmp_path / "a").read_bytes() == (tmp_path / "b").read_bytes()
    assert set(ox.parse((tmp_path / "a").read_bytes(), format=ox.RdfFormat.TURTLE))
