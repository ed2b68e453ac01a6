"""The benchmark: a smoke run at a tiny size, and the table's pieces. No speed is asserted."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kg.bench import Measure, run_benchmark
from kg.bench import runner as bench
from kg.bench.synthetic import generate
from kg.errors import KgError
from kg.query import canned_queries


@pytest.fixture(scope="module")
def smoke(tmp_path_factory: pytest.TempPathFactory) -> bench.BenchResult:
    root = tmp_path_factory.mktemp("bench-corpus")
    generate(24, root, seed=0)
    return run_benchmark(
        root,
        [20, 500],  # 500 is more than the corpus holds: a note, not a run
        plain_stack=True,
        query_runs=1,
        timeout_s=60,
        sample_size=5,
        query_budget_s=2,
        workdir=tmp_path_factory.mktemp("bench-work"),
    )


def test_the_smoke_run_measures_every_stage_and_query_on_both_sides(smoke):
    assert [entry.size for entry in smoke.sizes] == [20]
    entry = smoke.sizes[0]
    assert entry.kg.error is None, entry.kg.info.get("error")
    assert entry.plain is not None and entry.plain.error is None, entry.plain.info.get("error")
    for side in (entry.kg, entry.plain):
        ingest = side.steps["ingest"]
        assert ingest.ok and ingest.seconds > 0 and ingest.items == 20
        for stage in ("read", "extract", "build", "load"):
            measure = side.steps[f"ingest: {stage}"]
            assert measure.ok and measure.seconds > 0, (side.name, stage, measure)
        assert side.steps["validate store"].ok
        for fmt in ("turtle", "nquads"):
            export = side.steps[f"export {fmt}"]
            assert export.ok and export.seconds > 0 and export.size_bytes > 0
        assert side.info["quads"] > 0
        assert side.info["rss_peak_mb"] > 0
    assert entry.kg.steps["ingest: validate"].ok
    assert entry.kg.info["quads"] == entry.plain.info["quads"]


def test_every_canned_query_has_a_figure_or_a_reason(smoke):
    entry = smoke.sizes[0]
    names = set(canned_queries())
    assert set(entry.queries) == names
    for name in names:
        measure = entry.kg.steps[f"query {name}"]
        if measure.status == "skipped":
            assert measure.note  # says which parameter it lacked
            continue
        assert measure.ok and measure.seconds > 0 and measure.runs == 1
        assert measure.rows is not None
        plain = entry.plain.steps[f"query {name}"]
        assert plain.status in ("ok", "timeout", "error")  # rdflib may fail some queries
        if plain.ok:  # both sides answer from the same quads, identity links included
            assert plain.rows == measure.rows, name


def test_the_table_has_a_row_per_stage_and_per_query(smoke):
    table = smoke.format()
    lines = table.splitlines()
    labels = [line.strip().split("  ")[0] for line in lines]
    for label in (
        "ingest",
        "read",
        "extract",
        "build",
        "validate",
        "load",
        "validate store",
        "export turtle",
        "export nquads",
        "peak memory (RSS)",
        "peak during ingest",
    ):
        assert label in labels, label
    for name in canned_queries():
        assert any(label.startswith(f"query {name}") for label in labels), name
    assert "20 releases" in table
    assert "size 500 skipped" in table
    assert "×" in table  # speed-up ratios


def test_the_plain_stack_can_be_left_out(tmp_path: Path):
    generate(3, tmp_path / "corpus", seed=1)
    result = run_benchmark(
        tmp_path / "corpus",
        None,
        plain_stack=False,
        query_runs=1,
        timeout_s=60,
        sample_size=2,
        workdir=tmp_path,
    )
    entry = result.sizes[0]
    assert entry.size == 3 and entry.plain is None
    assert "plain stack not run" in result.format()


def test_an_empty_folder_is_an_error(tmp_path: Path):
    with pytest.raises(KgError, match="no release files"):
        run_benchmark(tmp_path)


def test_a_step_that_runs_out_of_time_is_stopped():
    started = time.perf_counter()
    with pytest.raises(bench._StepTimeout), bench._time_limit(0.05):
        while True:
            pass
    assert time.perf_counter() - started < 5


def test_cells_and_ratios_read_as_the_table_says():
    kg = Measure(seconds=0.004, rows=3)
    plain = Measure(seconds=2.3, rows=3)
    assert bench._cell(kg) == "4 ms (3 rows, 1 run)"
    assert bench._ratio(kg, plain) == "575×"
    out_of_time = Measure(status="timeout", limit_s=300)
    assert bench._cell(out_of_time) == "did not finish in 300 s"
    assert bench._ratio(kg, out_of_time) == "> 75,000×"
    rate = Measure("rate", 2.0, 1000, "rel")
    assert bench._cell(rate) == "500 rel/s (2 s)"
    assert bench._ratio(rate, Measure("rate", 4.0, 1000, "rel")) == "2.0×"


def test_bench_queries_times_every_canned_query_on_a_store(tmp_path: Path) -> None:
    from factories import fill

    from kg.bench.queries import bench_queries
    from kg.store import Store

    path = tmp_path / "store"
    fill(Store.open(path)).close()
    result = bench_queries(path, runs=1)
    timed = {t.query for t in result.timings}
    assert timed == set(canned_queries())
    cases = {(t.query, t.case) for t in result.timings}
    assert ("payments", "all") in cases and ("timeline", "organization=ImmunoGen") in cases
    assert all(t.all_rows_s > 0 and t.first_page_s > 0 for t in result.timings)
    table = result.format()
    assert "first page" in table and "slowest first page" in table
