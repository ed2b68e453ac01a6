"""A second opinion on two decisions of the payment rules, from classifiers trained on gold.

The rules decide a payment's kind and whether it is earned or potential. Where their words
decide, they keep the decision; where they fall back to a default (a kind of "other" that no
word names, a status that no word says), they ask two small logistic regressions trained on the
real releases with gold (``scripts/train-classifier``), and take the answer if it is nearly sure.

The classifiers read the words around each mention of the payment's amount, with every
organisation the release names written as ``xissuerx`` (the company the release is about, also
where the text says "we" or "the Company") or ``xorgx`` (any other), so that they learn the
language of deals, never a name; a payment's probabilities are averaged over the mentions of its
amount. How sure is sure was chosen on releases the rules had not been written on, and the whole
was measured on releases neither had seen (README, "Kind and status: rules, then a classifier").
A third classifier, of who pays whom, lost to the rules there and is not used.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Protocol

from kg.extract.money import MoneyMention
from kg.extract.text import NO_FACT_ZONES, Sentence
from kg.facts import Payment

MODELS = Path(__file__).with_name("models")
DECISIONS = ("kind", "status")
ISSUER_WORD, ORG_WORD, AMOUNT_WORD = "xissuerx", "xorgx", "xamountx"
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_OTHER_AMOUNT = re.compile(r"[$€£¥]\s*\d[\d,.]*(?:\s*(?:million|billion|m|bn))?")


class _Mention(Protocol):
    start: int
    end: int
    org: str


class ReleaseView(Protocol):
    """What the classifiers read of a release (the payment rules' view of it)."""

    sentences: list[Sentence]
    issuer: str | None

    def mentions(self, sentence: Sentence, *, issuer_words: bool = True) -> Sequence[_Mention]: ...
    def money(self, sentence: Sentence) -> list[MoneyMention]: ...


# ---- features --------------------------------------------------------------------------------


def features(sentence: str, start: int, end: int, previous: str, zone: str) -> dict[str, int]:
    """Words around one amount at ``sentence[start:end]``: the 12 words before it and the 10
    after (single words and pairs, by side), the sentence's words and the sentence before's,
    and the zone. Other amounts in the text are one word."""
    before = _words(sentence[:start])[-12:]
    after = _words(sentence[end:])[:10]
    found: dict[str, int] = {}
    for side, words in (("L", before), ("R", after)):
        for key in (*words, *(f"{a}_{b}" for a, b in pairwise(words))):
            found[f"{side}:{key}"] = found.get(f"{side}:{key}", 0) + 1
    found.update(dict.fromkeys((f"S:{w}" for w in _words(sentence)), 1))
    found.update(dict.fromkeys((f"P:{w}" for w in _words(previous)), 1))
    found[f"Z:{zone}"] = 1
    return found


def _words(text: str) -> list[str]:
    return _WORD.findall(_OTHER_AMOUNT.sub(f" {AMOUNT_WORD} ", text.lower()))


def with_placeholders(release: ReleaseView, sentence: Sentence) -> tuple[str, list[int]]:
    """The sentence with each organisation the release names written as a placeholder word, and
    where each of the original text's offsets went (to find an amount in the new text)."""
    text, issuer = sentence.text, release.issuer
    parts: list[str] = []
    offsets: list[int] = []
    length = done = 0
    for m in release.mentions(sentence):
        if m.start < done:
            continue  # overlapping mentions: the first one stands
        offsets += range(length, length + m.start - done)
        word = f" {ISSUER_WORD if issuer is not None and m.org == issuer else ORG_WORD} "
        length += m.start - done
        offsets += [length] * (m.end - m.start)
        parts += [text[done : m.start], word]
        length += len(word)
        done = m.end
    offsets += range(length, length + len(text) - done + 1)
    parts.append(text[done:])
    return "".join(parts), offsets


def amount_contexts(release: ReleaseView) -> dict[tuple[Decimal, str], list[dict[str, int]]]:
    """The features of every mention of every amount the release states where payments are
    read (per-share prices left out), by amount and currency."""
    found: dict[tuple[Decimal, str], list[dict[str, int]]] = {}
    sentences = release.sentences
    for i, sentence in enumerate(sentences):
        if sentence.zone in NO_FACT_ZONES:
            continue
        money = [m for m in release.money(sentence) if not m.per_share]
        if not money:
            continue
        text, at = with_placeholders(release, sentence)
        previous = with_placeholders(release, sentences[i - 1])[0] if i else ""
        for m in money:
            words = features(text, at[m.start], at[m.end], previous, sentence.zone)
            found.setdefault((m.amount, m.currency), []).append(words)
    return found


# ---- the classifiers --------------------------------------------------------------------------


@dataclass(frozen=True)
class LinearModel:
    """A multinomial logistic regression over sparse word features, as trained and written by
    ``scripts/train-classifier``; two classes are one weight vector for the second."""

    classes: tuple[str, ...]
    weights: Mapping[str, Sequence[float]]  # feature -> one weight per class (or one for two)
    intercept: Sequence[float]
    threshold: float  # the least probability that overrules the rules

    def probabilities(self, contexts: Sequence[Mapping[str, int]]) -> dict[str, float]:
        """The probability of each class, averaged over the mentions' contexts."""
        total = [0.0] * len(self.classes)
        for context in contexts:
            for k, p in enumerate(self._one(context)):
                total[k] += p / len(contexts)
        return dict(zip(self.classes, total, strict=True))

    def _one(self, context: Mapping[str, int]) -> list[float]:
        get = self.weights.get
        rows = [get(name) for name in context]  # most words are seen once: one row each
        rows += [get(name) for name, n in context.items() if n > 1 for _ in range(n - 1)]
        columns = zip(*filter(None, rows), strict=True)
        scores = [b + sum(column) for b, column in zip(self.intercept, columns, strict=False)]
        scores += self.intercept[len(scores) :]  # no feature known: the intercepts alone
        if len(self.classes) == 2:  # one score: the log-odds of the second class
            return [1 / (1 + math.exp(scores[0])), 1 / (1 + math.exp(-scores[0]))]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        return [e / sum(exp) for e in exp]

    def overrules(self, contexts: Sequence[Mapping[str, int]], current: str) -> str | None:
        """The class to put in place of ``current``, if the model is sure enough of another."""
        probabilities = self.probabilities(contexts)
        best = max(probabilities, key=probabilities.__getitem__)
        return best if best != current and probabilities[best] >= self.threshold else None

    def to_json(self) -> dict:
        return {
            "classes": list(self.classes),
            "threshold": self.threshold,
            "intercept": list(self.intercept),
            "weights": {k: list(v) for k, v in sorted(self.weights.items())},
        }

    @classmethod
    def from_json(cls, data: Mapping) -> LinearModel:
        weights = {k: tuple(v) for k, v in data["weights"].items()}
        return cls(tuple(data["classes"]), weights, tuple(data["intercept"]), data["threshold"])


@cache
def model(decision: str) -> LinearModel | None:
    """The shipped model of one decision (``kind`` or ``status``), if any."""
    path = MODELS / f"{decision}.json"
    if not path.is_file():
        return None
    return LinearModel.from_json(json.loads(path.read_text(encoding="utf-8")))


# ---- the review -------------------------------------------------------------------------------


class Review:
    """The classifiers' reading of the payments of one release: a kind or status where they are
    sure of one other than the rules' (the rules ask only where they fell back to a default)."""

    def __init__(self, release: ReleaseView) -> None:
        self._release = release
        self._contexts: dict[tuple[Decimal, str], list[dict[str, int]]] | None = None

    def kind(self, payment: Payment) -> str | None:
        return self._overrule("kind", payment, payment.kind)

    def status(self, payment: Payment) -> str | None:
        return self._overrule("status", payment, payment.status)

    def _overrule(self, decision: str, payment: Payment, current: str) -> str | None:
        classifier = model(decision)
        if classifier is None or payment.money is None:
            return None
        if self._contexts is None:  # read only for a release with a decision to review
            self._contexts = amount_contexts(self._release)
        seen = self._contexts.get((payment.money.amount, payment.money.currency))
        return classifier.overrules(seen, current) if seen else None
