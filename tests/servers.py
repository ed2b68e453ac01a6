"""Real SPARQL servers for the tests, started on 127.0.0.1 on a free port and stopped after.

- Oxigraph server: the ``oxigraph`` package, one of kg's own dependencies (always there).
- Virtuoso 7: Debian's ``virtuoso-opensource-7`` (``scripts/install-servers`` installs it).
- Jena ARQ: Debian's ``libapache-jena-java``, run over an N-Quads file (no server in Debian).

A server that is not installed skips its tests, except in CI (``CI`` set), where it fails
them: CI installs every server, so a missing one there is a broken install step.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def missing(what: str, how: str) -> None:
    """Skip (on a developer's machine) or fail (in CI) for a server that is not installed."""
    message = f"{what} is not installed ({how})"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must install it (scripts/install-servers)")
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped at start: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers, if only to say no
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server at {url} did not come up in {seconds} s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass(frozen=True)
class Server:
    name: str
    query_url: str
    update_url: str
    env: dict[str, str]  # credentials, as kg reads them
    process: subprocess.Popen
    base: str


# -- Oxigraph server ---------------------------------------------------------------------------


def oxigraph_binary() -> str | None:
    beside_python = Path(sys.executable).parent / "oxigraph"
    return str(beside_python) if beside_python.exists() else shutil.which("oxigraph")


@contextlib.contextmanager
def oxigraph_server(
    location: Path | None = None, *, read_only: bool = False, union: bool = False
) -> Iterator[Server]:
    binary = oxigraph_binary()
    if binary is None:
        missing("the Oxigraph server", "pip install oxigraph")
    port = free_port()
    command = [binary, "serve-read-only" if read_only else "serve", "--bind", f"127.0.0.1:{port}"]
    if location is not None:
        command += ["--location", str(location)]
    if union:
        command.append("--union-default-graph")
    with tempfile.TemporaryDirectory(prefix="kg-oxigraph-") as folder:
        log = Path(folder) / "log"
        with log.open("wb") as sink:
            process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(base + "/query?query=ASK%7B%7D", process, log)
            yield Server("oxigraph", base + "/query", base + "/update", {}, process, base)
        finally:
            stop(process)


# -- Virtuoso 7 --------------------------------------------------------------------------------

VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = ., {dir}
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = 120
"""


@contextlib.contextmanager
def virtuoso_server(max_rows: int = 1_000_000) -> Iterator[Server]:
    """A fresh Virtuoso database. kg writes through ``/sparql-auth`` (HTTP digest, the
    database's ``dba`` account), as against a real deployment, where ``/sparql`` is read-only."""
    binary = shutil.which("virtuoso-t")
    if binary is None:
        missing("Virtuoso 7", "apt-get install virtuoso-opensource-7")
    with tempfile.TemporaryDirectory(prefix="kg-virtuoso-") as folder:
        http_port, sql_port = free_port(), free_port()
        ini = Path(folder) / "virtuoso.ini"
        ini.write_text(
            VIRTUOSO_INI.format(
                dir=folder, sql_port=sql_port, http_port=http_port, max_rows=max_rows
            )
        )
        log = Path(folder) / "out.log"
        with log.open("wb") as sink:
            process = subprocess.Popen(
                [binary, "+configfile", str(ini), "+foreground"],
                cwd=folder,
                stdout=sink,
                stderr=subprocess.STDOUT,
            )
        base = f"http://127.0.0.1:{http_port}"
        try:
            wait_until_up(base + "/sparql?query=ASK%7B%7D", process, log, seconds=120)
            url = base + "/sparql-auth"
            env = {
                "KG_ENDPOINT_USER": "dba",
                "KG_ENDPOINT_PASSWORD": "dba",
                "KG_ENDPOINT_AUTH": "digest",
            }
            yield Server("virtuoso", url, url, env, process, base)
        finally:
            stop(process)


# -- Jena ARQ ----------------------------------------------------------------------------------

JENA_PACKAGES = [
    "libapache-jena-java",
    "libcommons-cli-java",
    "libcommons-codec-java",
    "libcommons-compress-java",
    "libcommons-csv-java",
    "libcommons-io-java",
    "libcommons-lang3-java",
    "libdexx-java",
    "libgoogle-gson-java",
    "libguava-java",
    "libhttpclient-java",
    "libhttpcore-java",
    "libcommons-logging-java",
    "libjackson2-core-java",
    "libjackson2-databind-java",
    "libjackson2-annotations-java",
    "libjsonld-java",
    "libjsonp2-java",
    "libprotobuf-java",
    "libthrift-java",
    "libtitanium-json-ld-java",
    "libcaffeine-java",
]


def jena_classpath(work: Path) -> str | None:
    """Debian's Jena jars and what they need. Debian's jena-core relocates Xerces's classes
    to ``xerces.*`` but leaves their messages under ``org/apache/jena/ext/xerces``, so Jena
    fails to start ("internal error"); a folder with the messages where the classes look for
    them comes first on the class path."""
    core = Path("/usr/share/java/jena-core.jar")
    if not core.exists() or shutil.which("java") is None:
        return None
    fix = work / "xerces-messages"
    prefix = "org/apache/jena/ext/xerces/"
    with zipfile.ZipFile(core) as jar:
        for name in jar.namelist():
            if name.startswith(prefix) and name.endswith(".properties"):
                target = fix / "xerces" / name[len(prefix) :]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(jar.read(name))
    jars: set[str] = {"/usr/share/java/slf4j-api.jar", "/usr/share/java/slf4j-nop.jar"}
    for package in JENA_PACKAGES:
        listed = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True)
        for line in listed.stdout.splitlines():
            if line.startswith("/usr/share/java/") and line.endswith(".jar"):
                versioned = line.rsplit("-", 1)[-1][:1].isdigit()  # foo-1.2.jar is a link
                if line.count("/") == 4 and not versioned:
                    jars.add(line)
    return ":".join([str(fix), *sorted(jars)])


def run_jena(data: Path, queries: dict[str, str], work: Path) -> dict[str, bytes]:
    """Run each query with Jena ARQ over an N-Quads file, in one JVM; SPARQL JSON results."""
    classpath = jena_classpath(work)
    if classpath is None:
        missing("Jena", "apt-get install libapache-jena-java default-jre-headless")
    folder = work / "jena-queries"
    folder.mkdir(exist_ok=True)
    for name, text in queries.items():
        (folder / f"{name}.rq").write_text(text, encoding="utf-8")
    subprocess.run(
        ["java", "-cp", classpath, str(HERE / "jena" / "RunQueries.java"), str(data), str(folder)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return {name: (folder / f"{name}.json").read_bytes() for name in queries}
