"""Score what a user gets against gold annotations: precision, recall and F1 per fact type.

A gold directory holds ``STEM.txt`` releases next to ``STEM.json`` annotations (the shared
corpus's ``SCHEMA.md``). Each release goes the user's way: ingested into a store of its own
(read, extract, build, SHACL gate, load), then read back through the canned queries. What the
queries return is matched to the gold, so a fact lost anywhere on that path counts as missed.

Matching follows the schema: organisation names compare by :func:`kg.resolve.name_key` and any
alias of the same organisation counts; compounds compare case-blind by name or alias; each gold
fact is matched at most once (greedy, in order), so a second node for one organisation is an
extra. Several fact types are scored at two depths: the fact itself, and the fact with the terms
a researcher relies on (a payment's qualifier and compound, an agreement's kind and licence
roles, a compound's target and payload, an acquisition's price).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kg.ingest import Status, ingest_paths
from kg.query import canned_query, rows_as_dicts
from kg.read import RELEASE_SUFFIXES
from kg.resolve import name_key
from kg.store import Store

Row = dict[str, str]
Match = Callable[[Any, Row], bool]

# (fact type, what it means); the order of the report.
FACT_TYPES: dict[str, str] = {
    "organizations": "one node per real organisation (a duplicate is an extra)",
    "people": "name",
    "payments": "payer, payee, amount, currency, kind and status",
    "payments_terms": "the same, and qualifier and compound",
    "payment_amounts": "amount and currency alone",
    "agreements": "every party, kind-blind",
    "agreements_terms": "parties, kind, licensor and licensee",
    "acquisitions": "acquirer and acquired",
    "acquisitions_price": "the same, and the price",
    "partnerships": "organisation and partner",
    "compounds": "name or alias",
    "compounds_terms": "the same, and target and payload",
    "regulatory_events": "kind and compound",
    "published": "release date",
    "issuer": "the organisation that put the release out",
}
# The fact types micro-F1 adds up: each fact once, at its basic depth.
PRIMARY_TYPES = (
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
_QUERIES = (
    "releases",
    "organizations",
    "people",
    "payments",
    "agreements",
    "acquisitions",
    "partnerships",
    "compounds",
    "regulatory-events",
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

    def add(self, other: TypeScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


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
    rejected: list[str] = field(default_factory=list)  # scored as all missed, as a user gets them
    invented_payments: int = 0

    @property
    def scores(self) -> dict[str, float]:
        """F1 per fact type."""
        return {name: score.f1 for name, score in self.counts.items()}

    @property
    def micro(self) -> TypeScore:
        """Every primary fact counted once, whatever its type."""
        total = TypeScore()
        for name in PRIMARY_TYPES:
            total.add(self.counts[name])
        return total

    def as_dict(self) -> dict[str, Any]:
        return {
            "releases": len(self.files),
            "skipped": self.errors,
            "rejected": self.rejected,
            "fact_types": {name: score.as_dict() for name, score in self.counts.items()},
            "micro": self.micro.as_dict(),
            "invented_payments": self.invented_payments,
        }

    def format(self, verbose: bool = False) -> str:
        lines = [
            f"{len(self.files)} releases evaluated"
            + (f", {len(self.errors)} skipped" if self.errors else ""),
            "",
            f"{'fact type':<19} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'recall':>6} {'F1':>6}",
        ]
        rows = [*self.counts.items(), ("micro (primary)", self.micro)]
        for name, s in rows:
            lines.append(
                f"{name:<19} {s.tp:>4} {s.fp:>4} {s.fn:>4} "
                f"{s.precision:>6.2f} {s.recall:>6.2f} {s.f1:>6.2f}"
            )
        lines.append(
            f"\ninvented payments (in releases whose gold has none): {self.invented_payments}"
        )
        lines.extend(f"skipped: {error}" for error in self.errors)
        lines.extend(f"not loaded (every fact missed): {reason}" for reason in self.rejected)
        if verbose:
            for result in self.files:
                if not (result.misses or result.extras):
                    continue
                lines.append(f"\n== {result.stem}")
                lines.extend(f"  MISS  {kind:<18} {what}" for kind, what in result.misses)
                lines.extend(f"  EXTRA {kind:<18} {what}" for kind, what in result.extras)
        return "\n".join(lines)


def evaluate_dir(path: Path | str) -> EvalReport:
    """Ingest every release (``STEM.txt``, ``.md``, ``.html``) that has a ``STEM.json`` in
    ``path``, each into a store of its own, and score what the canned queries return."""
    return evaluate_dirs([path])


def evaluate_dirs(paths: Iterable[Path | str]) -> EvalReport:
    """:func:`evaluate_dir` over several folders, the counts added up."""
    report = EvalReport()
    for folder in map(Path, paths):
        if not folder.is_dir():
            report.errors.append(f"{folder}: not a folder")
            continue
        for text_path in _release_files(folder):
            gold_path = text_path.with_suffix(".json")
            if not gold_path.is_file():
                continue
            gold = _load_gold(gold_path, report)
            if gold is None:
                continue
            rows = read_back(text_path, report)
            if rows is not None:
                report.files.append(score_release(text_path.stem, gold, rows, report))
    return report


def evaluate_agreement(first: Path | str, second: Path | str) -> EvalReport:
    """Score a second annotator's gold (``second``, the same stems) against the first's, with
    the matching ``kg eval`` uses: how far two people agree on the same releases, which is the
    most any extractor can be expected to reach on them. Only stems both folders annotate are
    scored; the others are listed as skipped."""
    first, second = Path(first), Path(second)
    report = EvalReport()
    for folder in (first, second):
        if not folder.is_dir():
            report.errors.append(f"{folder}: not a folder")
    if report.errors:
        return report
    first_stems = {p.stem for p in first.glob("*.json")}
    second_stems = {p.stem for p in second.glob("*.json")}
    for stem in sorted(first_stems ^ second_stems):
        missing = second if stem in first_stems else first
        report.errors.append(f"{stem}.json: not annotated in {missing}")
    for stem in sorted(first_stems & second_stems):
        gold = _load_gold(first / f"{stem}.json", report)
        other = _load_gold(second / f"{stem}.json", report)
        if gold is not None and other is not None:
            report.files.append(score_release(stem, gold, gold_as_rows(other), report))
    return report


def gold_as_rows(gold: dict[str, Any]) -> dict[str, list[Row]]:
    """A gold record in the shape of the canned queries' rows, so that it can be matched to
    another gold record as kg's answers are."""

    def text(value: Any) -> str:
        return "" if value is None else str(value)

    def joined(values: Any) -> str:
        return "; ".join(_strings(values))

    def fields(record: dict[str, Any], *names: str) -> Row:
        return {name: text(record.get(name)) for name in names}

    return {
        "releases": [
            {"published": text(gold.get("published")), "issuer": text(gold.get("issuer"))}
        ],
        "organizations": [
            {"organization": text(o.get("name")), "aliases": joined(o.get("aliases"))}
            for o in _records(gold.get("organizations"))
        ],
        "people": [
            {"person": text(p.get("name")), **fields(p, "role", "organization")}
            for p in _records(gold.get("people"))
        ],
        "payments": [
            fields(
                p,
                "amount",
                "currency",
                "kind",
                "status",
                "payer",
                "payee",
                "qualifier",
                "compound",
                "trigger",
            )
            for p in _records(gold.get("payments"))
        ],
        "agreements": [
            {"parties": joined(a.get("parties")), **fields(a, "kind", "licensor", "licensee")}
            for a in _records(gold.get("agreements"))
        ],
        "acquisitions": [
            fields(a, "acquirer", "acquired", "amount", "currency")
            for a in _records(gold.get("acquisitions"))
        ],
        "partnerships": [
            {"organization": text(p[0]), "partner": text(p[1])}
            for p in gold.get("partnerships") or []
            if isinstance(p, list) and len(p) == 2
        ],
        "compounds": [
            {
                "compound": text(c.get("name")),
                "aliases": joined(c.get("aliases")),
                **fields(c, "target", "payload"),
            }
            for c in _records(gold.get("compounds"))
        ],
        "regulatory-events": [
            fields(e, "kind", "compound", "sponsor")
            for e in _records(gold.get("regulatory_events"))
        ],
    }


def read_back(text_path: Path, report: EvalReport) -> dict[str, list[Row]] | None:
    """Ingest one release into a fresh store and return every canned query's rows.

    A release whose graph the shapes reject is loaded as nothing: every fact of it is missed,
    as it would be for a user.
    """
    with Store.open(None) as store:
        summary = ingest_paths([text_path], store, workers=1)
        unreadable = [r for r in summary.results if r.status is Status.UNREADABLE]
        if unreadable:
            report.errors.append(f"{text_path.name}: {unreadable[0].reason}")
            return None
        report.rejected += [
            f"{text_path.name}: {r.reason}" for r in summary.results if r.status is Status.INVALID
        ]
        return {
            name: rows_as_dicts(store.query(canned_query(name).bind({}, store)))
            for name in _QUERIES
        }


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


# ---- matching --------------------------------------------------------------------------------


class _Names:
    """Organisation identity on both sides: any name form of the same organisation matches."""

    def __init__(self, gold: dict[str, Any], organizations: list[Row]) -> None:
        self.gold_forms = _form_groups(
            [o.get("name"), *_strings(o.get("aliases"))]
            for o in _records(gold.get("organizations"))
        )
        self.pred_forms = _form_groups(
            [row["organization"], *_split(row.get("aliases"))] for row in organizations
        )

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


def _form_groups(groups: Iterable[list[Any]]) -> dict[str, set[str]]:
    """Name key -> the keys of every form of the same organisation."""
    forms: dict[str, set[str]] = {}
    for group in groups:
        keys = _keys(group)
        for key in keys:
            forms.setdefault(key, set()).update(keys)
    return forms


class _Compounds:
    """Compound identity over gold and the store together: a name and its aliases are one."""

    def __init__(self, gold: dict[str, Any], compounds: list[Row]) -> None:
        groups = [
            [c.get("name"), *_strings(c.get("aliases"))] for c in _records(gold.get("compounds"))
        ]
        groups += [[row["compound"], *_split(row.get("aliases"))] for row in compounds]
        self.forms: dict[str, set[str]] = {}
        for group in groups:
            folded = {_fold(str(x)) for x in group if x}
            for form in folded:
                self.forms.setdefault(form, set()).update(folded)

    def same(self, gold_name: Any, pred_name: Any) -> bool:
        if not gold_name or not pred_name:
            return not gold_name and not pred_name
        g, p = _fold(str(gold_name)), _fold(str(pred_name))
        return bool(self.forms.get(g, {g}) & self.forms.get(p, {p}))


def score_release(
    stem: str, gold: dict[str, Any], rows: dict[str, list[Row]], report: EvalReport
) -> FileResult:
    """Match one release's query rows to its gold record, adding to ``report``'s counts."""
    result = FileResult(stem)
    names = _Names(gold, rows["organizations"])
    compounds = _Compounds(gold, rows["compounds"])

    def org(g: dict[str, Any], p: Row) -> bool:
        return bool(
            _keys([g.get("name"), *_strings(g.get("aliases"))])
            & _keys([p["organization"], *_split(p.get("aliases"))])
        )

    def person(g: dict[str, Any], p: Row) -> bool:
        return _fold(g.get("name") or "") == _fold(p["person"])

    def amount(g: dict[str, Any], p: Row) -> bool:
        gold_amount, pred_amount = _decimal(g.get("amount")), _decimal(p.get("amount"))
        if gold_amount is None or pred_amount is None:
            return gold_amount is None and pred_amount is None
        return gold_amount == pred_amount and g.get("currency") == (p.get("currency") or None)

    def payment(g: dict[str, Any], p: Row) -> bool:
        return (
            amount(g, p)
            and g.get("kind") == p["kind"]
            and g.get("status") == p["status"]
            and names.same(g.get("payer"), p.get("payer"))
            and names.same(g.get("payee"), p.get("payee"))
        )

    def payment_terms(g: dict[str, Any], p: Row) -> bool:
        return (
            payment(g, p)
            and (g.get("qualifier") or None) == (p.get("qualifier") or None)
            and compounds.same(g.get("compound"), p.get("compound"))
        )

    def agreement(g: dict[str, Any], p: Row) -> bool:
        return names.same_set(_strings(g.get("parties")), _split(p.get("parties")))

    def agreement_terms(g: dict[str, Any], p: Row) -> bool:
        return (
            agreement(g, p)
            and g.get("kind") == p["kind"]
            and names.same(g.get("licensor"), p.get("licensor"))
            and names.same(g.get("licensee"), p.get("licensee"))
        )

    def acquisition(g: dict[str, Any], p: Row) -> bool:
        return names.same(g.get("acquirer"), p.get("acquirer")) and names.same(
            g.get("acquired"), p.get("acquired")
        )

    def acquisition_price(g: dict[str, Any], p: Row) -> bool:
        return acquisition(g, p) and amount(g, p)

    def partnership(g: Any, p: Row) -> bool:
        return (
            isinstance(g, list)
            and len(g) == 2
            and names.same(g[0], p.get("organization"))
            and names.same(g[1], p.get("partner"))
        )

    def compound(g: dict[str, Any], p: Row) -> bool:
        return compounds.same(g.get("name"), p["compound"])

    def compound_terms(g: dict[str, Any], p: Row) -> bool:
        return (
            compound(g, p)
            and _fold(g.get("target") or "") == _fold(p.get("target") or "")
            and _fold(g.get("payload") or "") == _fold(p.get("payload") or "")
        )

    def event(g: dict[str, Any], p: Row) -> bool:
        return g.get("kind") == p["kind"] and compounds.same(g.get("compound"), p.get("compound"))

    # fact family -> (its gold records, the rows that answer them, how a row is shown)
    family: dict[str, tuple[list[Any], list[Row], Callable[[Row], str]]] = {
        "organizations": (
            _records(gold.get("organizations")),
            rows["organizations"],
            _describe_org,
        ),
        "people": (_records(gold.get("people")), rows["people"], _describe_person),
        "payments": (_records(gold.get("payments")), rows["payments"], _describe_payment),
        "agreements": (_records(gold.get("agreements")), rows["agreements"], _describe_agreement),
        "acquisitions": (
            _records(gold.get("acquisitions")),
            rows["acquisitions"],
            _describe_acquisition,
        ),
        "partnerships": (
            [p for p in gold.get("partnerships") or [] if isinstance(p, list)],
            rows["partnerships"],
            _describe_partnership,
        ),
        "compounds": (_records(gold.get("compounds")), rows["compounds"], _describe_compound),
        "regulatory_events": (
            _records(gold.get("regulatory_events")),
            rows["regulatory-events"],
            _describe_event,
        ),
    }
    plan: list[tuple[str, str, Match]] = [
        ("organizations", "organizations", org),
        ("people", "people", person),
        ("payments", "payments", payment),
        ("payments_terms", "payments", payment_terms),
        ("payment_amounts", "payments", amount),
        ("agreements", "agreements", agreement),
        ("agreements_terms", "agreements", agreement_terms),
        ("acquisitions", "acquisitions", acquisition),
        ("acquisitions_price", "acquisitions", acquisition_price),
        ("partnerships", "partnerships", partnership),
        ("compounds", "compounds", compound),
        ("compounds_terms", "compounds", compound_terms),
        ("regulatory_events", "regulatory_events", event),
    ]
    for fact_type, name, match in plan:
        gold_items, predicted, describe = family[name]
        _match_lists(
            fact_type, gold_items, predicted, match, describe, report.counts[fact_type], result
        )

    gold_payments = family["payments"][0]
    if not gold_payments and rows["payments"]:
        result.invented_payments = len(rows["payments"])
        report.invented_payments += len(rows["payments"])

    release = rows["releases"][0] if rows["releases"] else {}
    gold_date, pred_date = gold.get("published"), release.get("published") or None
    _score_single("published", gold_date, pred_date, gold_date == pred_date, report, result)
    gold_issuer, pred_issuer = gold.get("issuer"), release.get("issuer") or None
    same_issuer = names.same(gold_issuer, pred_issuer)
    _score_single("issuer", gold_issuer, pred_issuer, same_issuer, report, result)
    return result


def _match_lists(
    fact_type: str,
    gold_items: list[Any],
    predicted: list[Row],
    match: Match,
    describe: Callable[[Row], str],
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


# ---- values ----------------------------------------------------------------------------------


def _records(value: Any) -> list[dict[str, Any]]:
    return [item for item in value or [] if isinstance(item, dict)]


def _strings(value: Any) -> list[str]:
    return [str(item) for item in value or [] if item]


def _split(cell: str | None) -> list[str]:
    """A cell the queries joined with "; "."""
    return [part for part in (cell or "").split("; ") if part]


def _keys(names: Iterable[Any]) -> set[str]:
    return {name_key(str(n)) for n in names if n} - {""}


def _fold(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _describe_gold(item: Any) -> str:
    if isinstance(item, dict):
        return ", ".join(f"{k}={v}" for k, v in item.items() if v not in (None, [], ""))
    return str(item)


def _describe_org(row: Row) -> str:
    return row["organization"] + (f" (aliases {row['aliases']})" if row.get("aliases") else "")


def _describe_person(row: Row) -> str:
    return f"{row['person']}, {row.get('role')}, {row.get('organization')}"


def _describe_payment(row: Row) -> str:
    money = f"{row['amount']} {row['currency']}" if row.get("amount") else "undisclosed"
    terms = ", ".join(f"{k}={row[k]}" for k in ("qualifier", "compound", "trigger") if row.get(k))
    return (
        f"{money} {row['kind']} {row['status']} {row.get('payer') or '?'} -> "
        f"{row.get('payee') or '?'}" + (f" [{terms}]" if terms else "")
    )


def _describe_agreement(row: Row) -> str:
    roles = f" licensor={row['licensor']} licensee={row['licensee']}" if row.get("licensor") else ""
    return f"{row['kind']} [{row.get('parties')}]{roles}"


def _describe_acquisition(row: Row) -> str:
    price = f" for {row['amount']} {row['currency']}" if row.get("amount") else ""
    return f"{row.get('acquirer')} acquires {row.get('acquired')}{price}"


def _describe_partnership(row: Row) -> str:
    return f"{row.get('organization')} ~ {row.get('partner')}"


def _describe_compound(row: Row) -> str:
    terms = ", ".join(f"{k}={row[k]}" for k in ("aliases", "target", "payload") if row.get(k))
    return row["compound"] + (f" ({terms})" if terms else "")


def _describe_event(row: Row) -> str:
    return f"{row['kind']} {row.get('compound') or None} by {row.get('sponsor') or None}"


# ---- identity across releases -------------------------------------------------------------------


@dataclass
class IdentityScore:
    """How well the store keeps one node per real organisation (or compound) across releases.

    A gold identity is the union of every name and alias the gold records give it, over all
    the releases. A node that shares a name with a gold identity already matched is a
    duplicate (an extra); a node that shares names with two gold identities joins them.
    """

    score: TypeScore = field(default_factory=TypeScore)
    duplicates: list[str] = field(default_factory=list)
    joined: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


@dataclass
class IdentityReport:
    releases: int = 0
    organizations: IdentityScore = field(default_factory=IdentityScore)
    compounds: IdentityScore = field(default_factory=IdentityScore)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "releases": self.releases,
            **{
                name: {
                    **s.score.as_dict(),
                    "duplicates": s.duplicates,
                    "joined": s.joined,
                    "missed": s.missed,
                }
                for name, s in (
                    ("organizations", self.organizations),
                    ("compounds", self.compounds),
                )
            },
        }

    def format(self, verbose: bool = False) -> str:
        lines = [
            f"{self.releases} releases in one store: one node per real organisation and compound",
            "",
            f"{'identity':<19} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'recall':>6} {'F1':>6}"
            f" {'dup':>4} {'join':>4}",
        ]
        for name, s in (("organizations", self.organizations), ("compounds", self.compounds)):
            t = s.score
            lines.append(
                f"{name:<19} {t.tp:>4} {t.fp:>4} {t.fn:>4} {t.precision:>6.2f} {t.recall:>6.2f}"
                f" {t.f1:>6.2f} {len(s.duplicates):>4} {len(s.joined):>4}"
            )
        if verbose:
            for name, s in (("organizations", self.organizations), ("compounds", self.compounds)):
                lines.extend(f"  DUPLICATE {name:<14} {d}" for d in s.duplicates)
                lines.extend(f"  JOINED    {name:<14} {j}" for j in s.joined)
                lines.extend(f"  MISS      {name:<14} {m}" for m in s.missed)
        lines.extend(f"skipped: {error}" for error in self.errors)
        return "\n".join(lines)


def evaluate_identity(folders: Iterable[Path | str]) -> IdentityReport:
    """Ingest every release with gold in ``folders`` into one store and score whether each real
    organisation and compound is one node across all of them."""
    report = IdentityReport()
    texts: list[Path] = []
    golds: list[dict[str, Any]] = []
    for folder in map(Path, folders):
        for text_path in _release_files(folder) if folder.is_dir() else []:
            gold_path = text_path.with_suffix(".json")
            holder = EvalReport()
            gold = _load_gold(gold_path, holder) if gold_path.is_file() else None
            report.errors += holder.errors
            if gold is not None:
                texts.append(text_path)
                golds.append(gold)
    report.releases = len(texts)
    with Store.open(None) as store:
        ingest_paths(texts, store)
        organizations = rows_as_dicts(store.query(canned_query("organizations").bind({}, store)))
        compounds = rows_as_dicts(store.query(canned_query("compounds").bind({}, store)))
    gold_orgs = [
        [o.get("name"), *_strings(o.get("aliases"))]
        for g in golds
        for o in _records(g.get("organizations"))
    ]
    gold_compounds = [
        [c.get("name"), *_strings(c.get("aliases"))]
        for g in golds
        for c in _records(g.get("compounds"))
    ]
    nodes_orgs = [[r["organization"], *_split(r.get("aliases"))] for r in organizations]
    nodes_compounds = [[r["compound"], *_split(r.get("aliases"))] for r in compounds]
    report.organizations = _score_identity(gold_orgs, nodes_orgs, _keys)
    report.compounds = _score_identity(gold_compounds, nodes_compounds, _folds)
    return report


def _score_identity(
    gold: list[list[Any]], nodes: list[list[str]], keys: Callable[[Iterable[Any]], set[str]]
) -> IdentityScore:
    identities = _unite([keys(names) for names in gold])
    result = IdentityScore()
    matched: dict[int, str] = {}
    for names in nodes:
        node_keys = keys(names)
        hits = [i for i, identity in enumerate(identities) if identity & node_keys]
        label = " | ".join(str(n) for n in names)
        if len(hits) > 1:
            result.joined.append(label)
        if not hits:
            result.score.fp += 1
            continue
        free = [i for i in hits if i not in matched]
        if free:
            matched[free[0]] = label
            result.score.tp += 1
        else:
            result.score.fp += 1
            result.duplicates.append(f"{label}  (and {matched[hits[0]]})")
    for i, identity in enumerate(identities):
        if i not in matched:
            result.score.fn += 1
            result.missed.append(" | ".join(sorted(identity)))
    return result


def _unite(groups: list[set[str]]) -> list[set[str]]:
    """Groups that share a member, joined (the gold names one company the same way across
    releases, or lists the other forms as aliases)."""
    merged: list[set[str]] = []
    for group in groups:
        if not group:
            continue
        overlapping = [m for m in merged if m & group]
        for m in overlapping:
            merged.remove(m)
            group = group | m
        merged.append(group)
    return merged


def _folds(names: Iterable[Any]) -> set[str]:
    return {_fold(str(n)) for n in names if n} - {""}
