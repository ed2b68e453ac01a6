"""scripts/compare-classifier: the dataset it builds from the gold, its classifier, and the rules
it runs from a git revision. The figures it prints are in the README; these tests hold the parts
those figures rest on.
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

from kg.extract import extract
from kg.read import read_release

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"

pytestmark = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpus is absent")


@pytest.fixture(scope="module")
def script():
    pytest.importorskip("sklearn")
    loader = importlib.machinery.SourceFileLoader(
        "compare_classifier", str(ROOT / "scripts" / "compare-classifier")
    )
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[loader.name] = module  # dataclasses look their module up
    loader.exec_module(module)
    return module


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
    for label in script.FIELDS:
        model = script.train(train, label, 10.0)
        right = sum(script.predict(model, i) == getattr(i, label) for i in test)
        majority = Counter(getattr(i, label) for i in train).most_common(1)[0][0]
        assert right > sum(getattr(i, label) == majority for i in test), label


def test_the_rules_of_a_revision_are_that_revisions_extractor(script):
    inside = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--is-inside-work-tree"], capture_output=True
    )
    if inside.returncode != 0:
        pytest.skip("not a git checkout")
    stems = script.split_stems("dev")[:3]
    found = script.rule_payments("HEAD", stems)
    for folder, stem in stems:
        facts = extract(read_release(folder / f"{stem}.txt"))
        here = [
            [str(p.money.amount), p.money.currency, p.kind, p.status]
            for p in facts.payments
            if p.money is not None
        ]
        assert found[stem] == here
    assert any(found.values())


def test_mcnemar_counts_the_items_only_one_side_gets_right(script):
    assert script.mcnemar([True, True, False], [False, True, True]) == (1, 1, 1.0)
    only_a, only_b, p = script.mcnemar([True] * 10, [False] * 10)
    assert (only_a, only_b) == (10, 0) and p < 0.01
    assert Decimal("2000000") == script._decimal(2000000.0)
