"""The local store as a read-only SPARQL endpoint with a query page: ``kg serve``.

kg runs a well-kept server rather than one of its own: Oxigraph's (the ``oxigraph`` package,
the same engine and on-disk format as the embedded store). ``oxigraph serve-read-only`` opens
the store read-only, so the SPARQL 1.1 Protocol's queries work and updates are refused, and
serves YASGUI, a query page, at ``/``. With ``--union-default-graph`` the default graph is the
union of the release graphs, as for ``kg sparql``; kg's canned queries name their graphs and
read the same either way.

Oxigraph documents that a read-only opening while another process writes the store is
undefined behaviour: stop ``kg serve`` before ``kg ingest``, or serve a copy.
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
from pathlib import Path
from typing import NoReturn

from kg.errors import StoreError


def oxigraph_server() -> str:
    """The ``oxigraph`` command installed with kg (beside this Python), else one on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if found is None:
        raise StoreError(
            "the Oxigraph server (the oxigraph command) is not installed",
            hint="pip install oxigraph (it comes with kg)",
        )
    return found


def serve_command(store: Path, host: str, port: int) -> list[str]:
    return [
        oxigraph_server(),
        "serve-read-only",
        "--location",
        str(store),
        "--bind",
        f"{host}:{port}",
        "--union-default-graph",
    ]


def check_can_serve(store: Path, host: str, port: int) -> None:
    """Say what is wrong before starting the server, in kg's words rather than a backtrace."""
    if not (store / "CURRENT").exists():
        raise StoreError(
            f"no kg store at {store}",
            hint="ingest releases first (kg ingest PATH), or pass --store / set KG_STORE",
        )
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as err:
        raise StoreError(
            f"cannot serve on {host}:{port}: {err.strerror or err}",
            hint="choose another --port (or --host)",
        ) from None


def run_server(store: Path, host: str, port: int) -> NoReturn:
    """Become the Oxigraph server (exec): Ctrl-C and the signals a service manager sends
    reach the server itself, and nothing is left running behind a stopped kg."""
    check_can_serve(store, host, port)
    command = serve_command(store, host, port)
    sys.stdout.flush()
    os.execv(command[0], command)
