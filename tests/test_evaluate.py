"""The evaluator: matching rules on a small gold file, and the dev corpus against the baseline."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.evaluate import FACT_TYPES, PRIMARY_TYPES, evaluate_agreement, evaluate_dir

GOLD = Path(__file__).resolve().parent / "fixtures" / "gold"
STEM = "vantis-2019-09-09-kestrel-option"


def gold_copy(tmp_path: Path, edit: Any = None) -> Path:
    """The fixture pair in a fresh folder, with the gold record changed by ``edit``."""
    shutil.copy(GOLD / f"{STEM}.txt", tmp_path / f"{STEM}.txt")
    record = json.loads((GOLD / f"{STEM}.json").read_text(encoding="utf-8"))
    if edit is not None:
        edit(record)
    (tmp_path / f"{STEM}.json").write_text(json.dumps(record), encoding="utf-8")
    return tmp_path


def test_perfect_match_scores_one() -> None:
    report = evaluate_dir(GOLD)
    assert report.errors == []
    assert len(report.files) == 1
    assert set(report.scores) == set(FACT_TYPES)
    assert all(report.scores[name] == 1.0 for name in PRIMARY_TYPES), report.format(verbose=True)
    assert report.micro.f1 == 1.0
    assert report.invented_payments == 0


def test_a_payment_term_counts_only_at_the_deeper_depth(tmp_path: Path) -> None:
    def wrong_qualifier(record: dict[str, Any]) -> None:
        record["payments"][1]["qualifier"] = "per_target"

    report = evaluate_dir(gold_copy(tmp_path, wrong_qualifier))
    assert report.scores["payments"] == 1.0
    assert report.counts["payments_terms"].fn >= 1


def test_a_second_node_for_one_organisation_is_an_extra(tmp_path: Path) -> None:
    def split_kestrel(record: dict[str, Any]) -> None:
        record["organizations"].append({"name": "Kestrel", "aliases": []})

    report = evaluate_dir(gold_copy(tmp_path, split_kestrel))
    # The gold now wants two nodes where kg (rightly) made one: the second gold one is missed.
    assert report.counts["organizations"].fn == 1


def test_json_figures_for_scripts(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    result = CliRunner().invoke(main, ["eval", str(GOLD), "--json", str(out)])
    assert result.exit_code == 0, result.output
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["releases"] == 1
    assert figures["fact_types"]["payments"]["f1"] == 1.0
    assert set(figures["fact_types"]) == set(FACT_TYPES)
    assert figures["micro"]["tp"] > 0
    printed = CliRunner().invoke(main, ["eval", str(GOLD), "--json", "-"])
    assert json.loads(printed.output)["invented_payments"] == 0


def test_missing_payment_lowers_recall(tmp_path: Path) -> None:
    def add_payment(record: dict[str, Any]) -> None:
        record["payments"].append(
            {"payer": "Kestrel Pharma", "payee": "Vantis Bio", "amount": 5000000, "currency": "EUR",
             "kind": "research_funding", "status": "potential"}
        )  # fmt: skip

    report = evaluate_dir(gold_copy(tmp_path, add_payment))
    payments = report.counts["payments"]
    assert (payments.tp, payments.fp, payments.fn) == (2, 0, 1)
    assert payments.precision == 1.0
    assert payments.recall == pytest.approx(2 / 3)
    text = report.format(verbose=True)
    assert "MISS  payments" in text and "research_funding" in text


def test_invented_payment_lowers_precision_and_counts(tmp_path: Path) -> None:
    def drop_payments(record: dict[str, Any]) -> None:
        record["payments"] = []

    report = evaluate_dir(gold_copy(tmp_path, drop_payments))
    payments = report.counts["payments"]
    assert (payments.tp, payments.fp, payments.fn) == (0, 2, 0)
    assert payments.precision == 0.0
    assert report.invented_payments == 2
    assert "invented payments (in releases whose gold has none): 2" in report.format()


def test_one_wrong_field_fails_a_payment(tmp_path: Path) -> None:
    def wrong_status(record: dict[str, Any]) -> None:
        record["payments"][1]["status"] = "earned"

    report = evaluate_dir(gold_copy(tmp_path, wrong_status))
    payments = report.counts["payments"]
    assert (payments.tp, payments.fp, payments.fn) == (1, 1, 1)
    assert report.invented_payments == 0


def test_names_match_without_case_punctuation_or_suffix(tmp_path: Path) -> None:
    def rename(record: dict[str, Any]) -> None:
        record["organizations"][1] = {"name": "KESTREL PHARMA, AG", "aliases": []}
        record["organizations"][0] = {"name": "the Vantis Bio, N.V.", "aliases": []}
        for p in record["payments"]:
            p["payer"], p["payee"] = "kestrel pharma ag", "The Vantis Bio"
        for a in record["agreements"]:
            a["parties"] = ["Kestrel Pharma, AG", "vantis bio"]
        record["issuer"] = "VANTIS BIO"

    report = evaluate_dir(gold_copy(tmp_path, rename))
    for fact_type in ("organizations", "payments", "agreements", "issuer"):
        assert report.scores[fact_type] == 1.0, report.format(verbose=True)


def test_any_alias_counts(tmp_path: Path) -> None:
    def alias_only(record: dict[str, Any]) -> None:
        record["organizations"][1] = {"name": "Kestrel", "aliases": ["Kestrel Pharma AG"]}
        for p in record["payments"]:
            p["payer"] = "Kestrel"

    report = evaluate_dir(gold_copy(tmp_path, alias_only))
    assert report.scores["organizations"] == 1.0
    assert report.scores["payments"] == 1.0


def test_bad_files_are_reported_and_skipped(tmp_path: Path) -> None:
    gold_copy(tmp_path)
    (tmp_path / "broken.txt").write_text("Some release.\n", encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "empty.json").write_text("{}", encoding="utf-8")
    (tmp_path / "list.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "lonely.txt").write_text("No gold for this one.\n", encoding="utf-8")
    report = evaluate_dir(tmp_path)
    assert len(report.files) == 1
    text = report.format()
    for name in ("broken.json", "empty.txt", "list.json"):
        assert name in text
    assert "lonely" not in text
    assert "Traceback" not in text


def test_missing_folder_is_an_error_not_a_crash(tmp_path: Path) -> None:
    report = evaluate_dir(tmp_path / "nowhere")
    assert report.files == [] and report.errors


def test_identity_counts_a_second_node_of_one_organisation_as_an_extra() -> None:
    from kg.evaluate import _keys, _score_identity

    gold = [["Tenby", "Tenby Pharma Ltd."], ["Tenby Pharma"], ["Avelor Bio"]]  # two releases
    nodes = [["Tenby"], ["Tenby Pharma, Ltd."], ["Avelor Bio", "Tenby"], ["Corrin"]]
    score = _score_identity(gold, nodes, _keys)
    assert (score.score.tp, score.score.fp, score.score.fn) == (2, 2, 0)
    assert score.duplicates == ["Tenby Pharma, Ltd.  (and Tenby)"]
    assert score.joined == ["Avelor Bio | Tenby"]


def test_eval_together_ingests_every_folder_into_one_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", str(GOLD), "--together", "--json", "-"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["releases"] == 1
    assert figures["organizations"]["f1"] == 1.0
    assert figures["organizations"]["duplicates"] == []


def second_annotation(tmp_path: Path, edit: Any = None) -> tuple[Path, Path]:
    """The fixture's gold as a first annotator's folder and, edited, as a second one's."""
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    record = json.loads((GOLD / f"{STEM}.json").read_text(encoding="utf-8"))
    (first / f"{STEM}.json").write_text(json.dumps(record), encoding="utf-8")
    if edit is not None:
        edit(record)
    (second / f"{STEM}.json").write_text(json.dumps(record), encoding="utf-8")
    return first, second


def test_two_annotators_who_agree_score_one(tmp_path: Path) -> None:
    report = evaluate_agreement(*second_annotation(tmp_path))
    assert report.errors == []
    assert all(report.scores[name] == 1.0 for name in PRIMARY_TYPES), report.format(verbose=True)


def test_annotators_who_read_a_status_differently_disagree_on_that_payment(
    tmp_path: Path,
) -> None:
    def earned_milestone(record: dict[str, Any]) -> None:
        record["payments"][1]["status"] = "earned"

    report = evaluate_agreement(*second_annotation(tmp_path, earned_milestone))
    payments = report.counts["payments"]
    assert (payments.tp, payments.fp, payments.fn) == (1, 1, 1)
    assert report.counts["payment_amounts"].f1 == 1.0


def test_a_release_only_one_annotator_read_is_skipped_and_named(tmp_path: Path) -> None:
    first, second = second_annotation(tmp_path)
    (first / "orvane-2020-01-01-extra.json").write_text("{}", encoding="utf-8")
    report = evaluate_agreement(first, second)
    assert len(report.files) == 1
    assert report.errors == [f"orvane-2020-01-01-extra.json: not annotated in {second}"]


def test_eval_against_a_second_annotation_reads_no_release(tmp_path: Path) -> None:
    first, second = second_annotation(tmp_path)
    result = CliRunner().invoke(main, ["eval", str(first), "--against", str(second), "--json", "-"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["fact_types"]["payments"]["f1"] == 1.0
    both = CliRunner().invoke(main, ["eval", str(first), str(first), "--against", str(second)])
    assert both.exit_code == 2
    assert "one DIRECTORY" in both.output
