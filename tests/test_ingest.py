"""Ingest: bad input is reported by name and skipped, the rest goes in, nothing is lost."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.ingest import Status, ingest_paths
from kg.store import Store

SEED = Path(__file__).resolve().parents[1] / "data" / "releases"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "releases"

TEMPLATE = """{acquirer} Earns ${amount} Million Milestone from {payer}

BOSTON, March {day}, 2015 (BUSINESS WIRE) -- {acquirer}, Inc. (Nasdaq: {ticker}) today announced \
that {payer} AG's start of a Phase 2 study of {code} triggers a ${amount} million milestone \
payment to {acquirer}.

Under the agreement, {acquirer} is eligible to receive up to ${total} million in milestone \
payments plus royalties.

About {acquirer}, Inc.

{acquirer} develops medicines.
"""


def good_release(i: int) -> str:
    """Fifty distinct, well-formed releases from one template (names and numbers vary)."""
    letters = "".join(chr(ord("A") + (i // 26**k) % 26) for k in range(3))
    return TEMPLATE.format(
        acquirer=f"Novabio{letters.title()}",
        payer=f"Pharmaco{letters.lower()}",
        ticker=f"NV{letters}",
        code=f"NB-{100 + i}",
        amount=i % 9 + 1,
        total=(i % 9 + 1) * 50,
        day=i % 28 + 1,
    )


def write_good_releases(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"release-{i:03}.txt"
        path.write_text(good_release(i))
        paths.append(path)
    return paths


def quads(store_path: Path) -> int:
    with Store.open(store_path, read_only=True) as store:
        return len(store)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "store") as opened:
        yield opened


BAD_FILES = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\n\t ", "empty (only white space)"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "PNG image"),
    "scan.txt": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "PDF file"),
    "archive.md": (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "zip archive"),
    "scripts.html": (b"<html><script>alert(1)</script><style>p{}</style></html>", "no text left"),
}


def test_one_broken_release_among_fifty_good_ones(tmp_path, store):
    folder = tmp_path / "releases"
    write_good_releases(folder, 50)
    for name, (data, _reason) in BAD_FILES.items():
        (folder / name).write_bytes(data)
    summary = ingest_paths([folder], store)
    assert summary.count(Status.ADDED) == 50
    failed = {Path(r.source).name: r.reason for r in summary.failed}
    assert set(failed) == set(BAD_FILES)
    for name, (_data, reason) in BAD_FILES.items():
        assert reason in failed[name], (name, failed[name])
    assert len(list(store.named_graphs())) == 50


def test_bad_files_lose_nothing_already_in_the_store(tmp_path, store):
    ingest_paths([SEED], store)
    before = len(store)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02 binary")
    summary = ingest_paths([bad, tmp_path / "missing.txt"], store)
    assert [r.status for r in summary.results] == [Status.UNREADABLE, Status.UNREADABLE]
    assert len(store) == before


def test_legacy_encodings_and_byte_order_marks_are_read(tmp_path, store):
    text = good_release(7).replace("develops medicines", "develops médicaments – «vite»")
    (tmp_path / "latin1.txt").write_bytes(text.replace("–", "-").encode("latin-1"))
    (tmp_path / "cp1252.txt").write_bytes(
        good_release(8).replace("develops", "“develops”").encode("cp1252")
    )
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + good_release(9).encode())
    summary = ingest_paths([tmp_path], store)
    assert summary.count(Status.ADDED) == 3, [(r.source, r.reason) for r in summary.results]
    warned = [r for r in summary.results if r.warnings]
    assert {Path(r.source).name for r in warned} >= {"latin1.txt", "cp1252.txt"}


def test_a_release_with_no_date_or_issuer_goes_in_with_a_warning(tmp_path, store):
    release = tmp_path / "undated.txt"
    release.write_text("Pharmacoxyz pays a fee\n\nIt was a good year for the company.\n")
    (result,) = ingest_paths([release], store).results
    assert result.status is Status.ADDED
    assert any("date" in w for w in result.warnings)


def test_the_same_release_under_two_names_is_one_graph(tmp_path, store):
    shutil.copy(SEED / "immunogen-2011-06-14-bay-94-9343-ind.txt", tmp_path / "one.txt")
    shutil.copy(SEED / "immunogen-2011-06-14-bay-94-9343-ind.txt", tmp_path / "two.txt")
    ingest_paths([tmp_path], store)
    (stored,) = store.releases()
    assert [Path(s).name for s in stored.sources] == ["one.txt", "two.txt"]


def test_ingest_is_idempotent_and_a_changed_file_replaces_its_graph(tmp_path, store):
    paths = write_good_releases(tmp_path / "r", 5)
    ingest_paths([tmp_path / "r"], store)
    before = len(store)
    again = ingest_paths([tmp_path / "r"], store)
    assert again.count(Status.UNCHANGED) == 5 and len(store) == before
    paths[0].write_text(good_release(40))
    changed = ingest_paths([tmp_path / "r"], store)
    assert changed.count(Status.REPLACED) == 1 and changed.count(Status.UNCHANGED) == 4
    assert len(list(store.named_graphs())) == 5


def test_worker_processes_give_the_same_store_as_one_process(tmp_path):
    write_good_releases(tmp_path / "r", 12)
    (tmp_path / "r" / "bad.txt").write_bytes(b"")
    stores = {}
    for workers in (0, 2):
        with Store.open(tmp_path / f"store-{workers}") as store:
            summary = ingest_paths([tmp_path / "r"], store, workers=workers, batch_size=5)
            assert summary.count(Status.ADDED) == 12 and len(summary.failed) == 1
            graphs = list(store.named_graphs())
            stores[workers] = sorted(
                f"{g} {t}" for g in graphs for t in store.graph_ntriples(g).splitlines()
            )
    assert stores[0] == stores[2]


class _Results:
    """A pool's results as Pool.imap gives them: the first one not ready at once."""

    def __init__(self, items: list[str]) -> None:
        self.items = iter(items)
        self.waited = False

    def next(self, timeout: float | None = None) -> str:
        import multiprocessing

        if timeout == 0 and not self.waited:
            self.waited = True
            raise multiprocessing.TimeoutError
        return next(self.items)


def test_the_main_process_hears_when_no_worker_result_is_ready():
    from kg.ingest import _with_idle_marks

    assert list(_with_idle_marks(_Results(["a", "b"]))) == [None, "a", "b"]
    assert list(_with_idle_marks(_Results([]))) == [None]


def test_the_cli_names_bad_files_and_exits_1(tmp_path):
    folder = tmp_path / "in"
    write_good_releases(folder, 3)
    (folder / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "s"), "ingest", str(folder)])
    assert result.exit_code == 1
    assert f"Error: {folder / 'empty.txt'}: empty file" in result.output
    assert "3 added" in result.output and "1 unreadable" in result.output


def test_a_path_that_does_not_exist_is_named(tmp_path):
    missing = tmp_path / "nope"
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "s"), "ingest", str(missing)])
    assert result.exit_code == 1
    assert f"{missing}: no such file or folder" in result.output


def test_a_store_path_that_is_a_file_is_a_clear_error(tmp_path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    result = CliRunner().invoke(main, ["--store", str(not_a_folder), "ingest", str(SEED)])
    assert result.exit_code == 2
    assert "Error:" in result.output and "Traceback" not in result.output


# -- killed half-way ------------------------------------------------------------------------


def stored_sources(store_path: Path) -> dict[str, tuple[str, ...]]:
    with Store.open(store_path, read_only=True) as store:
        return {r.graph: r.sources for r in store.releases()}


def assert_every_release_whole(store_path: Path, folder: Path) -> None:
    """Each stored graph equals the graph ingesting its file alone gives: whole, not partial."""
    with Store.open(None) as reference:
        ingest_paths([folder], reference, workers=0)
        expected = {
            g: sorted(str(q) for q in reference.ox.quads_for_pattern(None, None, None, _n(g)))
            for g in reference.named_graphs()
        }
    with Store.open(store_path, read_only=True) as store:
        for graph in store.named_graphs():
            got = sorted(str(q) for q in store.ox.quads_for_pattern(None, None, None, _n(graph)))
            assert got == expected[graph], f"graph {graph} is not whole"


def _n(iri: str):
    import pyoxigraph

    return pyoxigraph.NamedNode(iri)


@pytest.mark.parametrize("delay", [0.6, 1.2, 2.0, 3.0])
def test_killing_ingest_leaves_whole_releases_and_the_rerun_completes(tmp_path, delay):
    folder = tmp_path / "r"
    write_good_releases(folder, 60)
    store_path = tmp_path / "store"
    command = [
        sys.executable,
        "-m",
        "kg.cli",
        "--store",
        str(store_path),
        "ingest",
        "-q",
        "--workers",
        "0",
        "--batch-size",
        "3",
        str(folder),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    if (store_path / "CURRENT").exists():
        assert_every_release_whole(store_path, folder)
    rerun = subprocess.run(command, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert len(stored_sources(store_path)) == 60
    assert_every_release_whole(store_path, folder)


def test_a_bug_met_on_one_release_does_not_end_the_run(tmp_path, store, monkeypatch):
    import kg.extract

    real_extract = kg.extract.extract

    def extract_failing_on_one(release):
        if release.source.endswith("release-001.txt"):
            raise RecursionError("simulated extractor bug")
        return real_extract(release)

    monkeypatch.setattr(kg.extract, "extract", extract_failing_on_one)
    write_good_releases(tmp_path / "r", 3)
    summary = ingest_paths([tmp_path / "r"], store, workers=0)
    assert summary.count(Status.ADDED) == 2
    (failed,) = summary.failed
    assert failed.source.endswith("release-001.txt")
    assert "RecursionError: simulated extractor bug" in failed.reason


@pytest.fixture
def read_only_copy_of(tmp_path):
    """A read-only view (a read-only bind mount) of a folder; skipped where mounting is not
    allowed."""
    mounted: list[Path] = []

    def make(source: Path) -> Path:
        view = tmp_path / "read-only"
        view.mkdir()
        bind = subprocess.run(["mount", "--bind", str(source), str(view)], capture_output=True)
        if bind.returncode != 0:
            pytest.skip(f"cannot bind-mount here: {bind.stderr.decode().strip()}")
        mounted.append(view)
        subprocess.run(["mount", "-o", "remount,ro,bind", str(view)], check=True)
        return view

    yield make
    for view in mounted:
        subprocess.run(["umount", str(view)], check=True)


def test_a_store_on_a_read_only_disk_is_a_clear_error_and_still_answers(
    tmp_path, read_only_copy_of
):
    writable = tmp_path / "store"
    runner = CliRunner()
    assert runner.invoke(main, ["--store", str(writable), "ingest", str(SEED)]).exit_code == 0
    read_only = read_only_copy_of(writable)
    refused = runner.invoke(main, ["--store", str(read_only), "ingest", str(SEED)])
    assert refused.exit_code == 2
    assert f"Error: cannot write the store at {read_only}" in refused.output
    assert "Read-only file system" in refused.output and "Traceback" not in refused.output
    answered = runner.invoke(
        main, ["--store", str(read_only), "query", "organizations", "--format", "csv"]
    )
    assert answered.exit_code == 0 and "ImmunoGen" in answered.output


def test_a_release_failing_the_shapes_is_not_loaded_and_says_why(tmp_path, store, monkeypatch):
    import kg.extract

    real_extract = kg.extract.extract

    def extract_with_payer_as_payee(release):
        facts = real_extract(release)
        facts.payments[0].payee = facts.payments[0].payer  # payer = payee breaks a shape
        return facts

    monkeypatch.setattr(kg.extract, "extract", extract_with_payer_as_payee)
    (result,) = ingest_paths([SEED], store, workers=0).results
    assert result.status is Status.INVALID
    assert result.source.endswith("immunogen-2011-06-14-bay-94-9343-ind.txt")
    (violation,) = result.violations
    assert violation.focus.endswith("/payment/1")
    assert violation.component.startswith("Disjoint")
    assert "triggers a $2 million milestone payment" in violation.sentence
    assert len(store) == 0
    cli = CliRunner().invoke(main, ["--store", str(tmp_path / "cli"), "ingest", str(SEED)])
    assert cli.exit_code == 1
    assert "does not conform" in cli.output and "evidence:" in cli.output


def test_a_warning_names_its_file(tmp_path):
    undated = tmp_path / "undated.txt"
    undated.write_text("Acme and Beta sign a deal\n\nAcme and Beta today signed a licence.\n")
    result = CliRunner().invoke(main, ["--store", str(tmp_path / "s"), "ingest", str(undated)])
    assert result.exit_code == 0, result.output
    assert f"warning: {undated}: no publication date found" in result.output


def test_only_release_files_are_ingested_unless_asked(tmp_path):
    notes = tmp_path / "notes.json"
    notes.write_text(good_release(1))
    store = ["--store", str(tmp_path / "s")]
    refused = CliRunner().invoke(main, [*store, "ingest", str(notes)])
    assert refused.exit_code == 1
    assert f"Error: {notes}: not read: a release is a .txt" in refused.output
    allowed = CliRunner().invoke(main, [*store, "ingest", "--any-suffix", str(notes)])
    assert allowed.exit_code == 0 and "1 added" in allowed.output
