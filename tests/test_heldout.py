"""Generalisation guard: the extractor on releases it was not written against.

``fixtures/heldout`` holds releases invented for this purpose (issuers, wire services,
currencies and layouts absent from the dev corpus), with gold records in the shared
corpus's format. Scores may rise; they must not fall below ``heldout_baseline.json``, and no
payment may be invented in a release whose gold has none.
"""

from __future__ import annotations

import json
from pathlib import Path

from kg.evaluate import FACT_TYPES, evaluate_dir

HERE = Path(__file__).resolve().parent
HELDOUT = HERE / "fixtures" / "heldout"
BASELINE = HERE / "heldout_baseline.json"


def test_every_heldout_release_has_gold() -> None:
    stems = {p.stem for p in HELDOUT.iterdir() if p.suffix in (".txt", ".md", ".html")}
    golds = {p.stem for p in HELDOUT.glob("*.json")}
    assert stems == golds
    assert len(stems) >= 15


def test_heldout_does_not_regress() -> None:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    report = evaluate_dir(HELDOUT)
    assert not report.errors, report.errors
    assert set(baseline["f1"]) == set(FACT_TYPES)
    drops = {
        name: (round(report.scores[name], 3), floor)
        for name, floor in baseline["f1"].items()
        if report.scores[name] < floor
    }
    assert not drops, f"F1 below baseline: {drops}\n{report.format(verbose=True)}"


def test_no_payment_is_invented_on_heldout() -> None:
    report = evaluate_dir(HELDOUT)
    assert report.invented_payments == 0, report.format(verbose=True)
