"""What ``kg --endpoint`` does when the server fails: a clear ``Error:`` naming the server and
what failed, exit code 2, retries only for transient failures, nothing half-loaded.

Real servers where a real server shows the fault (Oxigraph: a rejected query, a wrong path, a
read-only store; Virtuoso: a result cut short at ResultSetMaxRows); a listening socket that
never answers for a timeout; a port nobody listens on for a server that is down; and a small
HTTP server here for the faults no healthy server shows on demand (503, 500, X-SQL-State).
"""

from __future__ import annotations

import contextlib
import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner, Result
from servers import free_port, oxigraph_server, virtuoso_server

from kg.cli import main
from kg.store import Endpoint, RemoteStore, Store

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
SEED = Path(__file__).resolve().parents[1] / "data" / "releases"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def kg(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


def test_a_server_that_is_down_is_named_and_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"http://127.0.0.1:{free_port()}/query"  # nobody listens there
    started = time.monotonic()
    result = kg("--endpoint", url, "query", "releases")
    assert result.exit_code == 2
    assert f"Error: cannot reach the SPARQL server at {url}: connection refused" in result.stderr
    assert "tried 4 times" in result.stderr  # transient: retried, with backoff
    assert time.monotonic() - started >= 0.5 + 1 + 2
    assert "Traceback" not in result.stderr


def test_a_server_that_does_not_answer_times_out() -> None:
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/query"
        started = time.monotonic()
        result = kg("--endpoint", url, "--timeout", "1", "query", "releases")
    assert result.exit_code == 2
    assert f"the SPARQL server at {url} did not answer the query within 1 s" in result.stderr
    assert "--timeout" in result.stderr  # the hint
    assert time.monotonic() - started < 10  # a timeout is not retried


def test_a_wrong_path_is_a_404_naming_the_url() -> None:
    with oxigraph_server() as server:
        result = kg("--endpoint", server.base + "/nothing-here", "query", "releases")
    assert result.exit_code == 2
    assert f"no SPARQL endpoint at {server.base}/nothing-here (HTTP 404)" in result.stderr


def test_a_query_the_server_rejects_says_why() -> None:
    with oxigraph_server() as server:
        result = kg("--endpoint", server.query_url, "sparql", "SELECT * WHERE { ?s ?p }")
    assert result.exit_code == 2
    assert f"the SPARQL server at {server.query_url} rejected the query (HTTP 400)" in (
        result.stderr
    )


def test_an_update_sent_to_the_query_url_hints_at_update_endpoint() -> None:
    with oxigraph_server() as server:
        result = kg("--endpoint", server.query_url, "ingest", str(SEED))
        assert result.exit_code == 2
        assert "rejected the update" in result.stderr and "--update-endpoint" in result.stderr
        assert len(RemoteStore(Endpoint(server.query_url))) == 0  # nothing loaded


def test_wrong_credentials_are_refused_by_name() -> None:
    with virtuoso_server() as server:
        env = {**server.env, "KG_ENDPOINT_PASSWORD": "wrong"}
        result = kg("--endpoint", server.query_url, "ingest", str(SEED), env=env)
    assert result.exit_code == 2
    assert "HTTP 401" in result.stderr and "KG_ENDPOINT_PASSWORD" in result.stderr


def test_a_result_cut_short_by_virtuoso_is_an_error_not_a_short_answer() -> None:
    with virtuoso_server(max_rows=10) as server:
        # The server's own system graphs hold thousands of triples: more than 10 rows.
        result = kg(
            "--endpoint",
            server.base + "/sparql",
            "sparql",
            "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }",
        )
        small = kg(
            "--endpoint",
            server.base + "/sparql",
            "sparql",
            "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 3",
        )
    assert result.exit_code == 2
    assert "cut the result short at 10 rows" in result.stderr
    assert "ResultSetMaxRows" in result.stderr
    assert small.exit_code == 0, small.stderr  # a result under the limit is whole


# -- faults no healthy server shows on demand ------------------------------------------------


class _Faulty(http.server.BaseHTTPRequestHandler):
    """Answers each POST with the next planned (status, headers); then a good answer."""

    plan: ClassVar[list[tuple[int, dict[str, str]]]] = []
    hits = 0

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        type(self).hits += 1
        status, headers = self.plan.pop(0) if self.plan else (200, {})
        body = (
            json.dumps(
                {
                    "head": {"vars": ["n"]},
                    "results": {
                        "bindings": [
                            {"n": {"type": "typed-literal", "value": "1", "datatype": XSD_INTEGER}}
                        ]
                    },
                }
            ).encode()
            if status == 200
            else b"the server is busy"
        )
        self.send_response(status)
        self.send_header("Content-Type", "application/sparql-results+json")
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


@contextlib.contextmanager
def faulty(plan: list[tuple[int, dict[str, str]]]) -> Iterator[tuple[str, type[_Faulty]]]:
    handler = type("Handler", (_Faulty,), {"plan": list(plan), "hits": 0})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql", handler
    finally:
        server.shutdown()
        server.server_close()


def test_a_503_is_retried_with_backoff_until_it_passes() -> None:
    with faulty([(503, {}), (503, {})]) as (url, handler):
        started = time.monotonic()
        rows = list(RemoteStore(Endpoint(url)).query(COUNT))
    assert [row["n"].value for row in rows] == ["1"]
    assert handler.hits == 3
    assert time.monotonic() - started >= 0.5 + 1  # backing off between tries


def test_a_503_that_lasts_is_an_error_after_the_retries() -> None:
    with faulty([(503, {})] * 10) as (url, handler):
        result = kg("--endpoint", url, "sparql", COUNT)
    assert result.exit_code == 2
    assert f"the SPARQL server at {url} failed on the query (HTTP 503)" in result.stderr
    assert "tried 4 times" in result.stderr and handler.hits == 4


def test_a_500_is_not_retried() -> None:
    with faulty([(500, {})]) as (url, handler):
        result = kg("--endpoint", url, "sparql", COUNT)
    assert result.exit_code == 2
    assert "rejected the query (HTTP 500): the server is busy" in result.stderr
    assert handler.hits == 1


def test_an_incomplete_result_flagged_by_x_sql_state_is_an_error() -> None:
    """Virtuoso's 'anytime' answer when MaxQueryExecutionTime runs out: HTTP 200, some rows,
    and only a header to say they are not all."""
    state = {"X-SQL-State": "S1TAT", "X-SQL-Message": "RC...: Returning incomplete results"}
    with faulty([(200, state)]) as (url, _):
        result = kg("--endpoint", url, "sparql", COUNT)
    assert result.exit_code == 2
    assert "returned an incomplete result (X-SQL-State S1TAT" in result.stderr


# -- nothing half-loaded -----------------------------------------------------------------------


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpus/dev is absent")
def test_a_killed_ingest_leaves_every_release_whole_or_absent(tmp_path: Path) -> None:
    local = tmp_path / "whole"
    assert kg("--store", str(local), "ingest", "-q", str(DEV)).exit_code == 0
    with Store.open(local, read_only=True) as whole:
        expected = whole.graph_sizes()
    with oxigraph_server() as server:
        command = [
            sys.executable,
            "-m",
            "kg.cli",
            "--endpoint",
            server.query_url,
            "--update-endpoint",
            server.update_url,
            "ingest",
            "-q",
            "-j",
            "0",
            "--batch-size",
            "1",
            str(DEV),
        ]
        process = subprocess.Popen(command, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        time.sleep(2.5)  # well into the load: the first graphs are there, not all of them
        process.send_signal(signal.SIGKILL)
        process.wait()
        found = RemoteStore(Endpoint(server.query_url)).graph_sizes()
    assert all(expected[graph] == size for graph, size in found.items()), "a release half there"
    assert set(found) <= set(expected)
