"""Compare the extractor with gold annotations: precision, recall and F1 per fact type.

A gold directory holds ``STEM.txt`` releases next to ``STEM.json`` annotations (the shared
corpus's ``SCHEMA.md``). Matching follows that schema: organisation names compare by
:func:`kg.resolve.name_key` and any alias of the same organisation counts; compounds compare
case-blind by name or alias; a payment matches only when amount, currency, kind, status,
payer and payee all agree. Each gold fact is matched at most once (greedy, in order).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kg.errors import ReleaseReadError
from kg.extract import extract
from kg.facts import ReleaseFacts
from kg.read import RELEASE_SUFFIXES, read_release
from kg.resolve import name_key

FACT_TYPES = (
    "organizations",
    "people",
    "payments",
    "agreements",
    "acquisitions",
    "partnerships",
    "compounds",
    "regulatory_events",
    "published",
    "issuer",
)
_SPACES = re.compile(r"\s+")


@dataclass
class TypeScore:
    """Counts for one fact type; the ratios follow from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class FileResult:
    """What one release got wrong: descriptions of misses (in gold only) and extras."""

    stem: str
    misses: list[tuple[str, str]] = field(default_factory=list)
    extras: list[tuple[str, str]] = field(default_factory=list)
    invented_payments: int = 0


@dataclass
class EvalReport:
    """Scores over a directory of gold files, with per-file detail for ``--verbose``."""

    counts: dict[str, TypeScore] = field(
        default_factory=lambda: {t: TypeScore() for t in FACT_TYPES}
    )
    files: list[FileResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    invented_payments: int = 0

    @property
    def scores(self) -> dict[str, float]:
        """F1 per fact type."""
        return {name: score.f1 for name, score in self.counts.items()}

    def format(self, verbose: bool = False) -> str:
        lines = [
            f"{len(self.files)} releases evaluated"
            + (f", {len(self.errors)} skipped" if self.errors else ""),
            "",
            f"{'fact type':<18} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'recall':>6} {'F1':>6}",
        ]
        for name, s in self.counts.items():
            lines.append(
                f"{name:<18} {s.tp:>4} {s.fp:>4} {s.fn:>4} "
                f"{s.precision:>6.2f} {s.recall:>6.2f} {s.f1:>6.2f}"
            )
        lines.append(
            f"\ninvented payments (in releases whose gold has none): {self.invented_payments}"
        )
        for error in self.errors:
            lines.append(f"skipped: {error}")
        if verbose:
            for result in self.files:
                if not (result.misses or result.extras):
                    continue
                lines.append(f"\n== {result.stem}")
                lines.extend(f"  MISS  {kind:<17} {what}" for kind, what in result.misses)
                lines.extend(f"  EXTRA {kind:<17} {what}" for kind, what in result.extras)
        return "\n".join(lines)


def evaluate_dir(path: Path | str) -> EvalReport:
    """Extract every release (``STEM.txt``, ``.md``, ``.html``) that has a ``STEM.json`` in ``path``
    and score it against gold."""
    report = EvalReport()
    folder = Path(path)
    if not folder.is_dir():
        report.errors.append(f"{folder}: not a folder")
        return report
    for text_path in _release_files(folder):
        gold_path = text_path.with_suffix(".json")
        if not gold_path.is_file():
            continue
        gold = _load_gold(gold_path, report)
        if gold is None:
            continue
        try:
            release = read_release(text_path)
        except ReleaseReadError as err:
            report.errors.append(str(err))
            continue
        facts = extract(release)
        report.files.append(_score_release(text_path.stem, gold, facts, report))
    return report


def _release_files(folder: Path) -> list[Path]:
    """Release files by stem; a stem with several files is read from the first suffix listed."""
    by_stem: dict[str, Path] = {}
    for suffix in RELEASE_SUFFIXES:
        for path in sorted(folder.glob(f"*{suffix}")):
            by_stem.setdefault(path.stem, path)
    return [by_stem[stem] for stem in sorted(by_stem)]


def _load_gold(path: Path, report: EvalReport) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        report.errors.append(f"{path.name}: unreadable ({err})")
        return None
    except json.JSONDecodeError as err:
        report.errors.append(f"{path.name}: bad JSON ({err.msg} at line {err.lineno})")
        return None
    if not isinstance(data, dict):
        report.errors.append(f"{path.name}: bad gold record (not a JSON object)")
        return None
    return data


class _Names:
    """Organisation identity on both sides: any name form of the same organisation matches."""

    def __init__(self, gold: dict[str, Any], facts: ReleaseFacts) -> None:
        self.gold_forms: dict[str, set[str]] = {}
        for org in _records(gold.get("organizations")):
            forms = _keys([org.get("name"), *_strings(org.get("aliases"))])
            for key in forms:
                self.gold_forms.setdefault(key, set()).update(forms)
        self.pred_forms: dict[str, set[str]] = {}
        for org in facts.organizations:
            forms = _keys([org.name, *org.aliases])
            for key in forms:
                self.pred_forms.setdefault(key, set()).update(forms)

    def same(self, gold_name: Any, pred_name: Any) -> bool:
        if not gold_name or not pred_name:
            return not gold_name and not pred_name
        gold_key, pred_key = name_key(str(gold_name)), name_key(str(pred_name))
        gold = self.gold_forms.get(gold_key, {gold_key})
        pred = self.pred_forms.get(pred_key, {pred_key})
        return bool(gold & pred)

    def same_set(self, gold_names: Iterable[Any], pred_names: Iterable[str]) -> bool:
        gold_list, pred_list = list(gold_names), list(pred_names)
        if len(gold_list) != len(pred_list):
            return False
        remaining = list(pred_list)
        for gold_name in gold_list:
            hit = next((p for p in remaining if self.same(gold_name, p)), None)
            if hit is None:
                return False
            remaining.remove(hit)
        return True


def _score_release(
    stem: str, gold: dict[str, Any], facts: ReleaseFacts, report: EvalReport
) -> FileResult:
    result = FileResult(stem)
    names = _Names(gold, facts)
    compound_forms = _compound_forms(gold, facts)

    def org_match(g: dict[str, Any], p: Any) -> bool:
        forms = _keys([g.get("name"), *_strings(g.get("aliases"))])
        return bool(forms & _keys([p.name, *p.aliases]))

    def compound_match(g: dict[str, Any], p: Any) -> bool:
        forms = {_fold(x) for x in [g.get("name"), *_strings(g.get("aliases"))] if x}
        return bool(forms & {_fold(x) for x in [p.name, *p.aliases]})

    def same_compound(g: Any, p: Any) -> bool:
        if not g or not p:
            return not g and not p
        return bool(
            compound_forms.get(_fold(str(g)), {_fold(str(g))})
            & compound_forms.get(_fold(p), {_fold(p)})
        )

    def payment_match(g: dict[str, Any], p: Any) -> bool:
        amount = _decimal(g.get("amount"))
        if p.money is None:
            if amount is not None:
                return False
        elif amount is None or p.money.amount != amount or p.money.currency != g.get("currency"):
            return False
        return (
            g.get("kind") == p.kind
            and g.get("status") == p.status
            and names.same(g.get("payer"), p.payer)
            and names.same(g.get("payee"), p.payee)
        )

    def agreement_match(g: dict[str, Any], p: Any) -> bool:
        return g.get("kind") == p.kind and names.same_set(_strings(g.get("parties")), p.parties)

    def acquisition_match(g: dict[str, Any], p: Any) -> bool:
        return names.same(g.get("acquirer"), p.acquirer) and names.same(
            g.get("acquired"), p.acquired
        )

    def partnership_match(g: Any, p: Any) -> bool:
        return (
            isinstance(g, list)
            and len(g) == 2
            and names.same(g[0], p.organization)
            and names.same(g[1], p.partner)
        )

    def event_match(g: dict[str, Any], p: Any) -> bool:
        return g.get("kind") == p.kind and same_compound(g.get("compound"), p.compound)

    def person_match(g: dict[str, Any], p: Any) -> bool:
        return _fold(g.get("name") or "") == _fold(p.name)

    plan: list[
        tuple[str, list[Any], list[Any], Callable[[Any, Any], bool], Callable[[Any], str]]
    ] = [
        (
            "organizations",
            _records(gold.get("organizations")),
            facts.organizations,
            org_match,
            _describe_org,
        ),
        ("people", _records(gold.get("people")), facts.people, person_match, _describe_person),
        (
            "payments",
            _records(gold.get("payments")),
            facts.payments,
            payment_match,
            _describe_payment,
        ),
        (
            "agreements",
            _records(gold.get("agreements")),
            facts.agreements,
            agreement_match,
            _describe_agreement,
        ),
        (
            "acquisitions",
            _records(gold.get("acquisitions")),
            facts.acquisitions,
            acquisition_match,
            _describe_acquisition,
        ),
        (
            "partnerships",
            [p for p in gold.get("partnerships") or [] if isinstance(p, list)],
            facts.partnerships,
            partnership_match,
            _describe_partnership,
        ),
        (
            "compounds",
            _records(gold.get("compounds")),
            facts.compounds,
            compound_match,
            _describe_compound,
        ),
        (
            "regulatory_events",
            _records(gold.get("regulatory_events")),
            facts.regulatory_events,
            event_match,
            _describe_event,
        ),
    ]
    for fact_type, gold_items, predicted, match, describe in plan:
        _match_lists(
            fact_type, gold_items, predicted, match, describe, report.counts[fact_type], result
        )

    if not _records(gold.get("payments")) and facts.payments:
        result.invented_payments = len(facts.payments)
        report.invented_payments += len(facts.payments)

    gold_date = gold.get("published")
    pred_date = facts.published.isoformat() if facts.published else None
    _score_single("published", gold_date, pred_date, gold_date == pred_date, report, result)
    gold_issuer = gold.get("issuer")
    _score_single(
        "issuer", gold_issuer, facts.issuer, names.same(gold_issuer, facts.issuer), report, result
    )
    return result


def _match_lists(
    fact_type: str,
    gold_items: list[Any],
    predicted: list[Any],
    match: Callable[[Any, Any], bool],
    describe: Callable[[Any], str],
    score: TypeScore,
    result: FileResult,
) -> None:
    unmatched = list(predicted)
    for item in gold_items:
        hit = next((p for p in unmatched if match(item, p)), None)
        if hit is None:
            score.fn += 1
            result.misses.append((fact_type, _describe_gold(item)))
        else:
            score.tp += 1
            unmatched.remove(hit)
    score.fp += len(unmatched)
    result.extras.extend((fact_type, describe(p)) for p in unmatched)


def _score_single(
    fact_type: str, gold: Any, predicted: Any, same: bool, report: EvalReport, result: FileResult
) -> None:
    """A single value (date, issuer): a null on both sides is a match that counts nothing."""
    score = report.counts[fact_type]
    if gold is None and predicted is None:
        return
    if same:
        score.tp += 1
        return
    if gold is not None:
        score.fn += 1
        result.misses.append((fact_type, str(gold)))
    if predicted is not None:
        score.fp += 1
        result.extras.append((fact_type, str(predicted)))


def _compound_forms(gold: dict[str, Any], facts: ReleaseFacts) -> dict[str, set[str]]:
    """Name form -> every form of the same compound, over gold and extraction together."""
    forms: dict[str, set[str]] = {}
    groups = [[c.get("name"), *_strings(c.get("aliases"))] for c in _records(gold.get("compounds"))]
    groups += [[c.name, *c.aliases] for c in facts.compounds]
    for group in groups:
        folded = {_fold(x) for x in group if x}
        for form in folded:
            forms.setdefault(form, set()).update(folded)
    return forms


def _records(value: Any) -> list[dict[str, Any]]:
    return [item for item in value or [] if isinstance(item, dict)]


def _strings(value: Any) -> list[str]:
    return [str(item) for item in value or [] if item]


def _keys(names: Iterable[Any]) -> set[str]:
    return {name_key(str(n)) for n in names if n} - {""}


def _fold(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _describe_gold(item: Any) -> str:
    if isinstance(item, dict):
        return ", ".join(f"{k}={v}" for k, v in item.items() if v not in (None, [], ""))
    return str(item)


def _describe_org(o: Any) -> str:
    return o.name + (f" (aliases {o.aliases})" if o.aliases else "")


def _describe_person(p: Any) -> str:
    return f"{p.name}, {p.role}, {p.organization}"


def _describe_payment(p: Any) -> str:
    money = f"{p.money.amount} {p.money.currency}" if p.money else "undisclosed"
    return f"{money} {p.kind} {p.status} {p.payer} -> {p.payee} [{p.qualifier}]"


def _describe_agreement(a: Any) -> str:
    return f"{a.kind} {a.parties} status={a.status}"


def _describe_acquisition(a: Any) -> str:
    return f"{a.acquirer} acquires {a.acquired} ({a.year})"


def _describe_partnership(p: Any) -> str:
    return f"{p.organization} ~ {p.partner}"


def _describe_compound(c: Any) -> str:
    return c.name + (f" (aliases {c.aliases})" if c.aliases else "")


def _describe_event(e: Any) -> str:
    return f"{e.kind} {e.compound} by {e.sponsor}"
