"""The gates in front of the slow patterns of extraction only ever save time.

A gate (``kg.extract.text.Gated``) lets a pattern be searched only in a text that holds
its cue's words. If a gate asked for a word some match does not contain, that match would be
lost without any other test noticing on its own release; here every gated pattern is tried on
every sentence of the fixtures, a synthetic corpus and the shared corpora (when present).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.bench.synthetic import generate
from kg.extract import agreements, compounds, organizations, payments
from kg.extract.text import Gated, find_layout, mask_urls, split_sentences
from kg.read import find_release_files, read_release

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared" / "corpus"
FOLDERS = [HERE / "fixtures" / "releases", *(SHARED / n for n in ("dev", "blind-1", "dev-2"))]


def all_gates() -> list[Gated]:
    modules = (organizations, compounds, agreements, payments)
    gates = [g for m in modules for g in vars(m).values() if isinstance(g, Gated)]
    return gates + list(organizations.GATED_CUES)


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    synthetic = tmp_path_factory.mktemp("synthetic")
    generate(300, synthetic)
    found = []
    for path in find_release_files([synthetic, *(f for f in FOLDERS if f.is_dir())]):
        if not isinstance(path, Exception):
            found.append(mask_urls(read_release(path).text))
    return found


@pytest.fixture(scope="module")
def sentences(texts: list[str]) -> list[str]:
    """Every sentence of every text, and every text whole (some gates guard whole texts)."""
    found = list(texts)
    for text in texts:
        found += [s.text for s in split_sentences(text, find_layout(text))]
    return found


def test_every_slow_pattern_of_a_sentence_is_gated() -> None:
    gated = {g.pattern for g in all_gates()}
    assert {organizations.SUFFIX_RE, organizations.TICKER_RE, organizations.AGENCY_RE} <= gated
    assert set(organizations.CUE_RES) <= gated


def test_no_gate_turns_away_a_sentence_its_pattern_matches(sentences: list[str]) -> None:
    assert len(sentences) > 5_000
    checked = 0
    for gate in all_gates():
        matched = [s for s in sentences if gate.pattern.search(s)]
        lost = [s for s in matched if not gate.may_match(s)]
        assert not lost, f"the gate turns away a match of {gate.pattern.pattern[:60]}: {lost[0]!r}"
        checked += bool(matched)
    assert checked >= len(all_gates()) * 2 // 3  # most gates met a match to let through


def test_a_gate_turns_away_a_sentence_without_its_words() -> None:
    with_cue = "Kessel Bio entered into a licence agreement with Orvane Therapeutics."
    assert organizations.GATED_CUES[0].may_match(with_cue)
    assert not organizations.GATED_CUES[0].may_match(with_cue.replace("with", "and"))
    assert list(organizations.GATED_CUES[0].finditer(with_cue.replace("with", "and"))) == []


def test_a_sentence_turned_away_from_the_money_pattern_has_no_amount(sentences: list[str]) -> None:
    from kg.extract.money import MONEY_RE, _may_state_money

    with_money = [s for s in sentences if MONEY_RE.search(s)]
    assert len(with_money) > 500
    assert all(_may_state_money(s) for s in with_money)
    assert _may_state_money("It pays USD 5 million.") and not _may_state_money("In 2015 we grew.")


def test_a_sentence_turned_away_from_an_event_pattern_states_no_such_event(
    sentences: list[str],
) -> None:
    from kg.extract.events import EVENT_PATTERNS, may_state_event
    from kg.extract.text import fold_case

    checked = 0
    for kind, pattern in EVENT_PATTERNS:
        stating = [s for s in sentences if pattern.search(s)]
        lost = [s for s in stating if not may_state_event(kind, s, fold_case(s))]
        assert not lost, f"{kind}: {lost[0]!r}"
        checked += bool(stating)
    assert checked >= 5


def test_the_case_fold_reads_letters_as_a_case_insensitive_pattern_does() -> None:
    from kg.extract.text import fold_case

    assert fold_case("İND ıs ſubmitted") == "ind is submitted"


@pytest.mark.parametrize(
    "sentence",
    [
        "Kessel and Orvane will collaborate to develop new medicines.",
        "Kessel (KSL) and Orvane (ORV) today entered into a licence agreement.",
        "Kessel and Orvane undertook a joint study.",
        "The product was licensed by Orvane Labs in 2019.",
        "Kessel paid Orvane Bio for the rights.",
        "Kessel pays Orvane Bio 5 million upfront.",
    ],
)
def test_a_wording_no_corpus_holds_passes_its_cue_gate(sentence: str) -> None:
    # The corpora cannot hold every wording a pattern allows; these are written for the
    # alternatives they lack, so a gate that forgets a word of its pattern fails here.
    matching = [g for g in organizations.GATED_CUES if g.pattern.search(sentence)]
    assert matching, sentence
    assert all(g.may_match(sentence) for g in matching)


def test_every_regulator_the_pattern_names_passes_its_gate() -> None:
    source = organizations.REGULATOR_RE.pattern
    names = source[source.index("(?:") + 3 : source.rindex(")")].split("|")
    for name in (n.replace(r"\s+", " ") for n in names):
        sentence = f"The application went to the {name} last week."
        assert organizations.REGULATOR_RE.search(sentence), name
        assert organizations._GATED_REGULATOR.may_match(sentence), name


def test_money_is_searched_from_far_enough_before_the_first_digit(sentences: list[str]) -> None:
    # find_money starts its search _LONGEST_PREFIX characters before a sentence's first digit:
    # no amount may start further before its own first digit.
    import re

    from kg.extract.money import _LONGEST_PREFIX, MONEY_RE

    written = ["paid U.S. $ 5 million", "paid Euros 5 million", "paid MEUR 5", "paid Rs. 5 crore"]
    amounts = [m for s in [*sentences, *written] for m in MONEY_RE.finditer(s)]
    assert len(amounts) > 500
    for m in amounts:
        digit = re.search(r"\d", m.group())
        assert digit is not None and digit.start() <= _LONGEST_PREFIX, m.group()
