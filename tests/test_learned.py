"""The classifiers' second opinion on a payment's kind and status (kg.extract.learned).

The arithmetic is checked on small models written here; the wiring on short releases of our
own, with a model that is always sure, so that what the rules decide and what they leave to
the classifiers can be told apart. The shipped models are checked for what they must hold.
"""

from __future__ import annotations

import math

import pytest

from kg.extract import extract, learned
from kg.extract.learned import LinearModel
from kg.extract.pipeline import payment_contexts
from kg.facts import PAYMENT_KINDS, PAYMENT_STATUSES, Payment
from kg.read import parse_release

DATELINE = "BOSTON, May 4, 2021 (BUSINESS WIRE) -- "


def release(body: str, headline: str = "Avelor Bio Announces News"):
    return parse_release(f"{headline}\n\n{DATELINE}{body}\n".encode(), source="inline")


def payments(body: str) -> list[Payment]:
    return extract(release(body)).payments


# ---- the arithmetic ------------------------------------------------------------------------------


def test_two_classes_read_one_weight_as_the_second_class_log_odds() -> None:
    model = LinearModel(("earned", "potential"), {"L:may": (2.0,)}, (-1.0,), 0.8)
    p = model.probabilities([{"L:may": 1}])
    assert p["potential"] == pytest.approx(1 / (1 + math.exp(-1.0)))
    assert p["earned"] == pytest.approx(1 - p["potential"])


def test_more_classes_are_a_softmax_and_a_word_seen_twice_counts_twice() -> None:
    model = LinearModel(("a", "b", "c"), {"w": (1.0, 0.0, -1.0)}, (0.0, 0.0, 0.0), 0.9)
    p = model.probabilities([{"w": 2}])
    total = math.exp(2) + 1 + math.exp(-2)
    assert p == pytest.approx({"a": math.exp(2) / total, "b": 1 / total, "c": math.exp(-2) / total})


def test_words_the_model_never_saw_leave_the_intercepts_alone() -> None:
    model = LinearModel(("a", "b"), {"w": (3.0,)}, (0.0,), 0.9)
    assert model.probabilities([{"unseen": 1}]) == pytest.approx({"a": 0.5, "b": 0.5})
    assert model.probabilities([{}]) == pytest.approx({"a": 0.5, "b": 0.5})


def test_the_mentions_of_one_amount_are_averaged() -> None:
    model = LinearModel(("a", "b"), {"w": (50.0,)}, (-50.0,), 0.9)
    assert model.probabilities([{"w": 1}, {}])["b"] == pytest.approx(0.25)


def test_a_model_overrules_only_with_another_class_it_is_sure_of() -> None:
    model = LinearModel(("earned", "potential"), {"w": (4.0,)}, (0.0,), 0.9)
    assert model.overrules([{"w": 1}], "earned") == "potential"  # p = 0.98
    assert model.overrules([{"w": 1}], "potential") is None  # the same class
    assert model.overrules([{}], "earned") is None  # p = 0.5, not sure


def test_a_model_reads_back_what_it_writes() -> None:
    model = LinearModel(("a", "b", "c"), {"w": (1.0, 0.5, -1.0)}, (0.1, 0.2, 0.3), 0.95)
    assert LinearModel.from_json(model.to_json()) == model


# ---- what the classifiers read -------------------------------------------------------------------


def test_organisations_are_read_as_placeholders_never_as_names() -> None:
    read = payment_contexts(
        release(
            "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that Tenby Pharma Ltd. will pay "
            "Avelor Bio a fee of $20 million for rights to TB-101."
        )
    )
    assert read.issuer == "Avelor Bio"
    (contexts,) = read.by_amount.values()
    words = set(contexts[0])
    assert {"L:xorgx_will", "L:xissuerx", "L:fee_of", "R:for_rights"} <= words
    assert not any("avelor" in w or "tenby" in w for w in words)


def test_other_amounts_are_one_word() -> None:
    read = payment_contexts(
        release("Tenby Pharma Ltd. will pay Avelor Bio, Inc. $5 million upfront and $2 million.")
    )
    assert "R:xamountx" in read.by_amount[(5000000, "USD")][0]


# ---- where the rules let the classifiers decide --------------------------------------------------


def sure_of(label: str, classes: tuple[str, ...]) -> LinearModel:
    """A model that always gives ``label`` with probability close to 1."""
    intercept = tuple(20.0 if c == label else 0.0 for c in classes)
    if len(classes) == 2:
        intercept = (20.0 if label == classes[1] else -20.0,)
    return LinearModel(classes, {}, intercept, 0.9)


@pytest.fixture
def sure_models(monkeypatch: pytest.MonkeyPatch):
    def use(kind: str, status: str) -> None:
        models = {
            "kind": sure_of(kind, tuple(sorted(PAYMENT_KINDS))),
            "status": sure_of(status, PAYMENT_STATUSES),
        }
        monkeypatch.setattr(learned, "model", models.get)

    return use


def test_a_kind_no_word_names_is_left_to_the_classifier(sure_models) -> None:
    body = "Tenby Pharma Ltd. will pay Avelor Bio, Inc. $5 million under the agreement."
    assert [p.kind for p in payments(body)] == ["other"]
    sure_models("royalty", "earned")
    assert [p.kind for p in payments(body)] == ["royalty"]


def test_a_kind_the_words_name_stays_the_rules(sure_models) -> None:
    sure_models("royalty", "earned")
    body = "Tenby Pharma Ltd. will pay Avelor Bio, Inc. a $5 million milestone payment."
    assert [p.kind for p in payments(body)] == ["milestone"]
    # several kinds in one amount: "other" said on purpose, not a fallback
    body = "Avelor Bio, Inc. received $35 million in upfront and milestone payments from Tenby."
    assert [p.kind for p in payments(body)] == ["other"]


def test_a_status_the_words_say_stays_the_rules(sure_models) -> None:
    sure_models("milestone", "earned")
    body = "Avelor Bio, Inc. is eligible to receive up to $50 million from Tenby Pharma Ltd."
    assert [p.status for p in payments(body)] == ["potential"]


def test_a_status_no_word_says_is_left_to_the_classifier(sure_models) -> None:
    body = "Tenby Pharma Ltd. will pay Avelor Bio, Inc. a milestone payment of $5 million."
    assert [p.status for p in payments(body)] == ["potential"]  # a milestone waits, by default
    sure_models("milestone", "earned")
    (p,) = payments(body)
    assert p.status == "earned" and p.date is not None  # an earned payment has its date


# ---- the shipped models --------------------------------------------------------------------------


@pytest.mark.parametrize("decision", learned.DECISIONS)
def test_the_shipped_models_speak_the_ontologys_words(decision: str) -> None:
    model = learned.model(decision)
    assert model is not None, f"kg/extract/models/{decision}.json is missing"
    allowed = set(PAYMENT_KINDS if decision == "kind" else PAYMENT_STATUSES)
    assert set(model.classes) <= allowed and len(model.classes) >= 2
    assert 0.5 < model.threshold <= 1
    assert any(learned.ISSUER_WORD in w for w in model.weights)  # read with placeholders
