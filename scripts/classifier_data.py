"""The gold payments of real releases, each with what the classifiers read of its amount.

Shared by ``scripts/train-classifier`` and ``scripts/compare-classifier``. A set is a corpus of
``../shared/corpus`` (dev, blind-1, dev-2), a half of dev-2 listed by the gold files in
``../notes/<name>`` (dev2-A, dev2-B), or any folder of releases with their gold (a path).
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

# A few hundred rows: one thread is plenty, and leaves the other core to whoever shares it.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.extract.pipeline import payment_contexts  # noqa: E402
from kg.read import read_release  # noqa: E402
from kg.resolve import name_key  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
NOTES = ROOT.parent / "notes"
FIELDS = ("kind", "status", "direction")
# Every real release with gold: the sets the rules were written on, and B, F, K, L, M, N, O, Q
# and R, each kept unseen until the rules and the classifiers of its day had been measured on
# it, and P, scored once on first contact. No set is left out: the next measure of the
# classifiers on unseen text needs a new set (compare-classifier --test DIR).
OPENED = ("", *(f"-{s}" for s in "bcdefghijklmnopqr"))
TRAIN_SETS = ["dev", "blind-1", "dev-2", *(str(NOTES / f"realset{s}") for s in OPENED)]
# The regularisations and thresholds tried, and for each shipped decision the (C, threshold) that
# gained most over the rules on the sets the rules had not seen, each left out of the training in
# turn (scripts/compare-classifier's first step; it says if its search no longer agrees).
C_GRID = (0.3, 1.0, 3.0, 10.0, 30.0, 100.0)
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
CHOSEN = {"kind": (1.0, 0.95), "status": (1.0, 0.95)}


@dataclass
class Item:
    """One gold payment and the contexts of its amount's mentions in its release."""

    release: str
    amount: Decimal
    currency: str | None
    kind: str
    status: str
    direction: str  # the issuer's side: "in" (it is paid), "out" (it pays) or "other"
    issuer_read: str | None = None  # the company the extractor reads the release as about
    issuer_keys: frozenset[str] = frozenset()  # the gold issuer's name and aliases, as keys
    # Who pays whom is reviewed (the trial of scripts/compare-classifier) only in a release
    # with one issuer: in a joint release which announcer is the issuer is a convention.
    direction_reviewed: bool = False
    # ... and its issuer is the gold's: the contexts mark the label's issuer (for training).
    direction_known: bool = False
    contexts: list[dict[str, int]] = field(default_factory=list)  # one per mention


def split_stems(name: str) -> list[tuple[Path, str]]:
    """(folder, stem) of every release of a set."""
    if (CORPUS / name).is_dir():  # a corpus, or any folder given as a path
        folder, listing = CORPUS / name, CORPUS / name
    elif (NOTES / name).is_dir() and "/" not in name:
        folder, listing = CORPUS / "dev-2", NOTES / name
    else:
        raise SystemExit(f"error: {name}: no such corpus in {CORPUS} nor split in {NOTES}")
    return [(folder, p.stem) for p in sorted(listing.glob("*.json"))]


def load_items(stems: list[tuple[Path, str]]) -> tuple[list[Item], Counter[str]]:
    """The gold payments with an amount stated in their release; an amount the gold gives to
    two payments of one release is left out (it cannot say which mention is which)."""
    items: list[Item] = []
    tally: Counter[str] = Counter()
    for folder, stem in stems:
        gold = json.loads((folder / f"{stem}.json").read_text())
        read = payment_contexts(read_release(folder / f"{stem}.txt"))
        issuer_keys = _keys_of(gold, gold["issuer"])
        same_issuer = name_key(read.issuer or "-") in issuer_keys
        groups = Counter((_decimal(p["amount"]), p["currency"]) for p in gold["payments"])
        for p in gold["payments"]:
            tally["gold payments"] += 1
            if p["amount"] is None:
                tally["no amount"] += 1
                continue
            amount = _decimal(p["amount"])
            if groups[(amount, p["currency"])] > 1:
                tally["amount shared by two gold payments"] += 1
                continue
            direction = side(p["payer"], p["payee"], issuer_keys)
            item = Item(stem, amount, p["currency"], p["kind"], p["status"], direction)
            item.issuer_read, item.issuer_keys = read.issuer, issuer_keys
            item.direction_reviewed = read.issuer is not None and not read.joint
            item.direction_known = item.direction_reviewed and same_issuer
            item.contexts = read.by_amount.get((amount, p["currency"]), [])
            if not item.contexts:
                tally["amount not found in the text"] += 1
                continue
            tally["aligned"] += 1
            items.append(item)
    return items, tally


def _keys_of(gold: dict, name: str | None) -> frozenset[str]:
    """The keys of an organisation of the gold under its name and every alias."""
    if name is None:
        return frozenset()
    forms = [name]
    for org in gold["organizations"]:
        if org["name"] == name:
            forms += org.get("aliases") or []
    return frozenset(name_key(f) for f in forms)


def side(payer: str | None, payee: str | None, issuer_keys: frozenset[str]) -> str:
    """Which way a payment between two named organisations goes for the issuer."""
    if payee is not None and name_key(payee) in issuer_keys:
        return "in"
    if payer is not None and name_key(payer) in issuer_keys:
        return "out"
    return "other"


def _decimal(value: float | int | None) -> Decimal:
    return Decimal(str(value)) if value is not None else Decimal(-1)


def train(items: list[Item], label: str, c: float):
    """A logistic regression of one field on the contexts; each payment weighs one, however
    often its amount is restated."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    if label == "direction":
        items = [i for i in items if i.direction_known]
    rows, labels, weights = [], [], []
    for item in items:
        for context in item.contexts:
            rows.append(context)
            labels.append(getattr(item, label))
            weights.append(1 / len(item.contexts))
    model = make_pipeline(DictVectorizer(), LogisticRegression(C=c, max_iter=3000))
    model.fit(rows, labels, logisticregression__sample_weight=weights)
    return model


def predict_proba(model, item: Item) -> dict[str, float]:
    """The mean probability of each label over the mentions of the payment's amount."""
    mean = model.predict_proba(item.contexts).mean(axis=0)
    return dict(zip(model.classes_, (float(p) for p in mean), strict=True))
