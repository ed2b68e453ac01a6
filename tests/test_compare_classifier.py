"""scripts/compare-classifier and scripts/train-classifier: the dataset they build from the gold,
the classifiers, the rules run from a git revision, and the models written for the extractor.
The figures they print are in the README; these tests hold the parts those figures rest on.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from kg.extract import extract, learned
from kg.read import read_release

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpus is absent")


def load_script(name: str):
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(ROOT / "scripts"))  # where they find classifier_data
    loader = importlib.machinery.SourceFileLoader(
        name.replace("-", "_"), str(ROOT / "scripts" / name)
    )
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[loader.name] = module  # dataclasses look their module up
    loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script():
    return load_script("compare-classifier")


@pytest.fixture(scope="module")
def trainer():
    return load_script("train-classifier")


def test_nearly_every_gold_payment_with_its_own_amount_is_found_in_its_text(script):
    items, tally = script.load_items(script.split_stems("dev") + script.split_stems("blind-1"))
    own_amount = (
        tally["gold payments"] - tally["no amount"] - tally["amount shared by two gold payments"]
    )
    assert tally["aligned"] == len(items) >= 0.95 * own_amount
    assert all(item.contexts for item in items)


def test_the_classifier_reads_more_than_the_majority_label(script):
    train, _ = script.load_items(script.split_stems("dev") + script.split_stems("dev-2"))
    test, _ = script.load_items(script.split_stems("blind-1"))
    for label in ("kind", "status"):
        model = script.train(train, label, 10.0)
        right = 0
        for i in test:
            p = script.predict_proba(model, i)
            right += max(p, key=p.__getitem__) == getattr(i, label)
        majority = Counter(getattr(i, label) for i in train).most_common(1)[0][0]
        assert right > sum(getattr(i, label) == majority for i in test), label


def test_the_shipped_form_of_a_model_gives_sklearns_probabilities(script, trainer):
    items, _ = script.load_items(script.split_stems("dev"))
    for label, c in (("kind", 30.0), ("status", 0.3)):
        fitted = script.train(items, label, c)
        model = trainer.shipped(fitted, 0.9)
        for item in items[:20]:
            expected = script.predict_proba(fitted, item)
            assert model.probabilities(item.contexts) == pytest.approx(expected, abs=1e-3)


def test_the_direction_is_overruled_only_from_the_issuer_paying_to_it_being_paid(script):
    sure_in = {"in": 0.99, "out": 0.005, "other": 0.005}
    # (kind, status, direction of the rules, direction once payer and payee swap)
    assert script.overruled("direction", ("upfront", "earned", "out", "in"), sure_in, 0.9) == "in"
    assert script.overruled("direction", ("upfront", "earned", "other", ""), sure_in, 0.9) == (
        "other"
    )
    assert script.overruled("direction", ("upfront", "earned", "out", "in"), None, 0.9) == "out"


def test_the_rules_of_a_revision_are_that_revisions_extractor(script, monkeypatch):
    inside = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--is-inside-work-tree"], capture_output=True
    )
    if inside.returncode != 0:
        pytest.skip("not a git checkout")
    stems = script.split_stems("dev")[:3]
    found = script.rule_payments("HEAD", stems)
    monkeypatch.setattr(learned, "model", lambda decision: None)  # the rules alone
    for folder, stem in stems:
        facts = extract(read_release(folder / f"{stem}.txt"))
        here = [
            [str(p.money.amount), p.money.currency, p.kind, p.status, p.payer, p.payee]
            for p in facts.payments
            if p.money is not None
        ]
        assert [entry[:6] for entry in found[stem]] == here
    assert any(found.values())


def test_mcnemar_counts_the_items_only_one_side_gets_right(script):
    assert script.mcnemar([True, True, False], [False, True, True]) == (1, 1, 1.0)
    only_a, only_b, p = script.mcnemar([True] * 10, [False] * 10)
    assert (only_a, only_b) == (10, 0) and p < 0.01
    assert Decimal("2000000") == sys.modules["classifier_data"]._decimal(2000000.0)


def test_as_shipped_the_classifier_decides_only_where_the_rules_fell_back(script):
    rule = ("other", "earned", "in", "")
    sure = {"milestone": 0.97, "other": 0.03}
    assert script.where_asked("kind", rule, sure, 0.9, asked=True) == "milestone"
    assert script.where_asked("kind", rule, sure, 0.9, asked=False) == "other"
    assert script.where_asked("kind", rule, sure, 0.99, asked=True) == "other"


def test_the_rules_note_where_they_ask_the_classifiers(script):
    inside = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--is-inside-work-tree"], capture_output=True
    )
    if inside.returncode != 0:
        pytest.skip("not a git checkout")
    stems = [(SHARED / "dev", p.stem) for p in sorted((SHARED / "dev").glob("*.json"))]
    found = script.rule_payments("HEAD", stems, asked=True)
    flags = [entry[6:8] for entries in found.values() for entry in entries]
    assert flags and all(len(f) == 2 for f in flags)
    assert any(any(f) for f in flags), "the rules of dev ask about no payment: nothing is noted"
    assert not all(all(f) for f in flags), "every payment asked about: the flags say nothing"
