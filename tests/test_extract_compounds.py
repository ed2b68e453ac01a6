"""Compounds: each kind of error the extractor made on unseen releases, in sentences of our own.

Every company and compound here is invented; each test fails if its rule goes away.
"""

from __future__ import annotations

from kg.extract import extract
from kg.facts import Compound, ReleaseFacts
from kg.read import parse_release

DATELINE = "BOSTON, May 10, 2022 (BUSINESS WIRE) -- "


def facts_from(body: str, title: str = "Quarry Bio Update") -> ReleaseFacts:
    text = f"{title}\n\n{DATELINE}{body}\n"
    return extract(parse_release(text.encode("utf-8"), source="inline"))


def compounds_of(body: str) -> dict[str, Compound]:
    return {c.name: c for c in facts_from(body).compounds}


def test_brand_in_capitals_joins_the_inn_in_brackets() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. (Nasdaq: QRRY) said the FDA has approved VELMORA (tarvistinib) "
        "for adults with myelofibrosis. VELMORA is the first approved product of Quarry Bio."
    )
    assert list(found) == ["tarvistinib"]
    assert found["tarvistinib"].aliases == ["VELMORA"]


def test_registered_sign_written_as_text_marks_a_brand() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. will receive royalties on net sales of Ostrivo(R) and of "
        "DELANTRA(r) (zorimab) in Europe."
    )
    assert set(found) == {"Ostrivo", "zorimab"}
    assert found["zorimab"].aliases == ["DELANTRA"]


def test_inn_keeps_its_fda_suffix() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. announced that PELANZO (velotuximab-qrtz) was approved in Japan."
    )
    assert list(found) == ["velotuximab-qrtz"]
    assert found["velotuximab-qrtz"].aliases == ["PELANZO"]


def test_new_stems_name_drugs() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. will receive milestones for dorabresib, ketanorexant and "
        "rivotigimod, and for the antibody velantabart."
    )
    assert set(found) == {"dorabresib", "ketanorexant", "rivotigimod", "velantabart"}


def test_code_name_with_a_partner_code_after_a_slash() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. said its vaccine mRNA-7731/QX205 entered a Phase 2 trial. "
        "mRNA-7731 is given with a checkpoint inhibitor."
    )
    assert list(found) == ["mRNA-7731"]
    assert found["mRNA-7731"].aliases == ["mRNA-7731/QX205"]


def test_two_word_adc_inn_is_one_compound() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. acquired rights to corlatabart vexitecan (Cor-V), an ADC in Phase 1."
    )
    assert list(found) == ["corlatabart vexitecan"]
    assert found["corlatabart vexitecan"].aliases == ["Cor-V"]


def test_amounts_in_a_currency_code_are_not_code_names() -> None:
    facts = facts_from(
        "Quarry Bio, Inc. has received a EUR500,000 milestone payment and USD250,000 in "
        "research funding from Halden Pharma AG."
    )
    assert facts.compounds == []


def test_trademarked_technologies_are_not_compounds() -> None:
    facts = facts_from(
        "Quarry Bio, Inc. will use its proprietary Lumibody(TM) format. Halden Pharma AG "
        "gains access to the Zentrax® platform and to FlexiMab® bispecific antibodies. "
        "Halden Pharma AG has started a toxicology study with a bi-specific Corabody®; "
        "Corabodies are small. Quarry Bio, Inc. uses conjugation platforms, Quikcon® and Q+™, "
        "and Tandem Mapping(TM)."
    )
    assert facts.compounds == []


def test_generic_biology_words_are_not_compounds() -> None:
    facts = facts_from(
        "Quarry Bio, Inc. said its antibody fragment lowers immunoglobulin G levels and binds "
        "tubulin in cells."
    )
    assert facts.compounds == []


def test_formerly_and_previously_known_names_join_the_compound() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. said Halden Pharma AG dosed the first patient with HLD-204, "
        "previously known as QRY-XKL. HLD-204, formerly QRY-XKL, treats gout."
    )
    assert list(found) == ["HLD-204"]
    assert found["HLD-204"].aliases == ["QRY-XKL"]


def test_multiword_other_name_is_whole_and_target_is_no_alias() -> None:
    found = compounds_of(
        "About MAROVA\nMAROVA (sertacept injection), also known as IL6 Trap-Eye, is a fusion "
        "protein that binds all forms of IL-6A."
    )
    assert list(found) == ["sertacept"]
    assert sorted(found["sertacept"].aliases) == ["IL6 Trap-Eye", "MAROVA"]
    assert found["sertacept"].target == "IL-6A"


def test_an_adcs_antibody_is_not_the_adc() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. said the IND for dalotuzumab-DM4 is active. Dalotuzumab-DM4 "
        "comprises the cell-killing agent, DM4, linked to the antibody, dalotuzumab, which "
        "targets overexpression of the GPR87 protein."
    )
    assert set(found) == {"dalotuzumab-DM4", "dalotuzumab"}
    assert (found["dalotuzumab-DM4"].payload, found["dalotuzumab"].payload) == ("DM4", None)
    assert found["dalotuzumab"].target == "GPR87"
    assert found["dalotuzumab-DM4"].target == "GPR87"  # what its antibody binds


def test_target_from_the_words_attached_to_each_compound() -> None:
    found = compounds_of(
        "The trial tests dexorafinib, a selective MEKK3 inhibitor, in combination with "
        "lumavotinib in adults. Quarry Bio also develops QRY-382, a small molecule cKIT "
        "inhibitor, its FcRn antagonist lirgatigimod and the anti-CD19 antibody tovalumab."
    )
    assert found["dexorafinib"].target == "MEKK3"
    assert found["lumavotinib"].target is None  # the inhibitor phrase is dexorafinib's
    assert found["QRY-382"].target == "cKIT"
    assert found["lirgatigimod"].target == "FcRn"
    assert found["tovalumab"].target == "CD19"


def test_target_named_by_its_acronym_or_with_receptor() -> None:
    found = compounds_of(
        "Halvomab is an antibody targeting tumor cells overexpressing the trophoblast cell "
        "surface antigen (TROP7). Nelotoparib is an oral poly (ADP-ribose) polymerase (PARP7) "
        "inhibitor. QRY-118 is an oral GLP-2 receptor agonist. Pravotinib is a peripherally "
        "acting kappa-opioid receptor antagonist."
    )
    assert found["halvomab"].target == "TROP7"
    assert found["nelotoparib"].target == "PARP7"
    assert found["QRY-118"].target == "GLP-2 receptor"
    assert found["pravotinib"].target == "kappa-opioid receptor"


def test_payload_of_an_adc_stated_as_its_class() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. adds corlatabart vexitecan (Cor-V) to its pipeline. Cor-V, a "
        "clinical-stage, CLDN6-targeted, Topo1 ADC, is in a Phase 1 trial."
    )
    record = found["corlatabart vexitecan"]
    assert (record.target, record.payload) == ("CLDN6", "Topo1")
