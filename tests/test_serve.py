"""``kg serve``: the local store as a read-only SPARQL endpoint, with a query page.

The page is opened in a real headless Chromium (Debian's ``chromium`` and ``chromium-driver``,
driven by Selenium): a query typed there runs on the store, and the rows it shows are the
store's. Updates are refused, through the protocol and through kg.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from servers import free_port, missing, stop, wait_until_up

from kg.cli import main
from kg.query import rows_as_dicts
from kg.store import Endpoint, RemoteStore, Store

SEED = Path(__file__).resolve().parents[1] / "data" / "releases"
NAMES = """PREFIX kg: <https://w3id.org/biopharma-kg/ontology#>
SELECT DISTINCT ?name WHERE { ?o a kg:Organization ; kg:name ?name } ORDER BY ?name"""
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store"
    assert CliRunner().invoke(main, ["--store", str(path), "ingest", str(SEED)]).exit_code == 0
    return path


@pytest.fixture(scope="module")
def served(store: Path) -> Iterator[str]:
    """``kg serve`` running in its own process, as a user starts it."""
    port = free_port()
    log = store.parent / "serve.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "--store", str(store), "serve", "--port", str(port)],
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/query?query=ASK%7B%7D", process, log)
        yield base
    finally:
        stop(process)


def test_the_page_runs_a_query_and_shows_the_stores_rows(store: Path, served: str) -> None:
    with Store.open(store, read_only=True) as local:
        expected = [
            row["name"] for row in rows_as_dicts(local.query(NAMES, union_default_graph=True))
        ]
    assert len(expected) > 3
    shown = _rows_shown_in_chromium(served, NAMES)
    assert [cells[1:] for cells in shown] == [[name] for name in expected]
    assert [cells[0] for cells in shown] == [str(i) for i in range(1, len(expected) + 1)]


def test_updates_are_refused(served: str, store: Path) -> None:
    insert = "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }"
    request = urllib.request.Request(
        served + "/update", data=urllib.parse.urlencode({"update": insert}).encode()
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403
    result = CliRunner().invoke(
        main,
        [
            "--endpoint",
            served + "/query",
            "--update-endpoint",
            served + "/update",
            "sparql",
            "--allow-update",
            insert,
        ],
    )
    assert result.exit_code == 2 and "HTTP 403" in result.stderr
    with Store.open(store, read_only=True) as local:  # the seed release, unchanged
        assert len(RemoteStore(Endpoint(served + "/query"))) == len(local)


def test_canned_queries_read_the_same_through_the_server(store: Path, served: str) -> None:
    """The served store is a SPARQL endpoint like any other: kg --endpoint reads it."""
    args = ["--endpoint", served + "/query", "query", "payments", "--format", "csv"]
    there = CliRunner().invoke(main, args)
    here = CliRunner().invoke(main, ["--store", str(store), "query", "payments", "--format", "csv"])
    assert there.exit_code == 0, there.stderr
    assert there.output == here.output and there.output.count("\n") == 3


def test_serving_a_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "none"), "serve"])
    assert result.exit_code == 2 and "no kg store at" in result.stderr


def test_a_busy_port_is_a_clear_error(store: Path, served: str) -> None:
    port = served.rsplit(":", 1)[1]
    result = CliRunner().invoke(main, ["--store", str(store), "serve", "--port", port])
    assert result.exit_code == 2 and f"cannot serve on 127.0.0.1:{port}" in result.stderr


def _rows_shown_in_chromium(url: str, query: str) -> list[list[str]]:
    """Open the query page, type the query into its editor, run it, read the result table."""
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if chromium is None or driver is None:
        missing("Chromium", "apt-get install chromium chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile:
        options.add_argument(f"--user-data-dir={profile}")
        browser = webdriver.Chrome(service=Service(driver), options=options)
        try:
            browser.get(url + "/")
            wait = WebDriverWait(browser, 30)
            wait.until(lambda b: b.execute_script("return !!document.querySelector('.CodeMirror')"))
            browser.execute_script(
                "document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0])", query
            )
            browser.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()
            wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, ".yasr table tbody tr td"))
            return [
                [cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
                for row in browser.find_elements(By.CSS_SELECTOR, ".yasr table tbody tr")
            ]
        finally:
            browser.quit()
