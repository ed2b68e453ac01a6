"""What the extractor must reach, read back through the store as a user gets it.

The targets are requirements, not snapshots of what the code scored: every corpus must reach
them. ``../shared/corpus`` holds real releases with gold (dev, blind-1, dev-2); those tests skip
where it is absent. ``fixtures/heldout`` holds releases written for the tests: they are unit
tests of the rules, not a measure of how the extractor does on releases nobody tuned it for.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluate import EvalReport, evaluate_dir

HERE = Path(__file__).resolve().parent
HELDOUT = HERE / "fixtures" / "heldout"
SHARED = HERE.parents[1] / "shared" / "corpus"
# F1 each corpus must reach, per fact type (kg eval's names).
TARGETS = {
    "payments": 0.95,
    "agreements": 0.95,
    "compounds": 0.95,
    "organizations": 0.95,
    "published": 0.95,
}

_reports: dict[Path, EvalReport] = {}


def report_for(folder: Path) -> EvalReport:
    if folder not in _reports:
        _reports[folder] = evaluate_dir(folder)
    return _reports[folder]


def below_target(report: EvalReport, targets: dict[str, float]) -> dict[str, tuple[float, float]]:
    return {
        name: (round(report.scores[name], 3), floor)
        for name, floor in targets.items()
        if report.scores[name] < floor
    }


def test_every_heldout_release_has_gold() -> None:
    stems = {p.stem for p in HELDOUT.iterdir() if p.suffix in (".txt", ".md", ".html")}
    golds = {p.stem for p in HELDOUT.glob("*.json")}
    assert stems == golds
    assert len(stems) >= 15


def test_heldout_fixtures_reach_the_targets() -> None:
    report = report_for(HELDOUT)
    assert not report.errors, report.errors
    missed = below_target(report, TARGETS)
    assert not missed, f"F1 below target: {missed}\n{report.format(verbose=True)}"


def test_no_payment_is_invented_on_heldout() -> None:
    report = report_for(HELDOUT)
    assert report.invented_payments == 0, report.format(verbose=True)


# What the issue asks of each shared corpus: the same targets, and payments with their
# qualifier and compound at 0.90. dev-2 is the corpus kept unseen while the rules were
# written; it is measured, not tuned to.
CORPUS_TARGETS = {**TARGETS, "payments_terms": 0.90}


# Where a corpus does not reach the targets yet, the test says so rather than pass: it is an
# expected failure, strict, so the day the corpus reaches them the mark must come off. The
# figures measured on each corpus are in the README ("Measuring the extractor").
NOT_REACHED_YET = pytest.mark.xfail(
    strict=True,
    reason="issue 9 is open: dev-2 does not reach the targets yet (see the README)",
)


@pytest.mark.parametrize(
    "corpus",
    ["dev", "blind-1", pytest.param("dev-2", marks=NOT_REACHED_YET)],
)
def test_shared_corpus_reaches_the_targets(corpus: str) -> None:
    folder = SHARED / corpus
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here")
    report = report_for(folder)
    missed = below_target(report, CORPUS_TARGETS)
    assert not missed, f"F1 below target on {corpus}: {missed}"


@pytest.mark.parametrize("corpus", ["dev", "blind-1", "dev-2"])
def test_no_payment_is_invented_on_a_shared_corpus(corpus: str) -> None:
    """Whatever the recall, a release whose gold has no payment must get none."""
    folder = SHARED / corpus
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here")
    report = report_for(folder)
    assert not report.errors, report.errors
    assert report.invented_payments == 0, report.format(verbose=True)
