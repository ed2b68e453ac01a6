"""Compounds: each kind of error the extractor made on unseen releases, in sentences of our own.

Every company and compound here is invented; each test fails if its rule goes away.
"""

from __future__ import annotations

import pytest

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


# ---- second round: kinds of error seen on a second set of unseen releases ------------------


def test_trademarked_brand_names_its_generic_name_in_brackets_whatever_its_stem() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. said the EMA accepted its application for ZELVORA™ (INN: "
        "quorlifidase) and that NOVIRA® (pentafetamine dimesylate) was approved in Japan."
    )
    assert found["quorlifidase"].aliases == ["ZELVORA"]
    assert found["pentafetamine dimesylate"].aliases == ["NOVIRA"]
    # without the sign, a bracket of English words names no drug
    assert compounds_of("Quarry Bio, Inc. sells KORVA (worldwide) and TAVLO (formerly).") == {}


def test_trademark_sign_set_apart_from_its_brand_by_line_breaks() -> None:
    for gap in ("\n \n ", "\\n \\n "):  # real line breaks, and those of text pasted from JSON
        found = compounds_of(
            f"Halden Pharma AG will commercialize TRIVELLA{gap}®{gap}(surogolix/estradiol/"
            f"norethindrone acetate), QUELLO{gap}®{gap}(surogolix) and zelbegron in Canada."
        )
        assert set(found) == {
            "surogolix/estradiol/norethindrone acetate",
            "surogolix",
            "zelbegron",
        }, gap
        assert found["surogolix/estradiol/norethindrone acetate"].aliases == ["TRIVELLA"]
        assert found["surogolix"].aliases == ["QUELLO"]


def test_two_word_inn_of_a_biologic_is_one_compound_with_its_short_form() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. received a milestone for velanimod alpha (QX321) from Halden Pharma "
        "AG. Velanimod alpha is in Phase 2; velanimod’s safety was good. Halden Pharma AG also "
        "develops brelanase alfa."
    )
    assert set(found) == {"velanimod alpha", "brelanase alfa"}
    assert found["velanimod alpha"].aliases == ["QX321", "velanimod"]


def test_code_names_of_more_shapes() -> None:
    found = compounds_of(
        "Halden Pharma AG develops X4-1187 (QRY 455), an anti-HER7 monoclonal antibody, and "
        "licensed QR-06651600 and QB-7201a to Quarry Bio, Inc."
    )
    assert set(found) == {"X4-1187", "QR-06651600", "QB-7201a"}
    assert found["X4-1187"].aliases == ["QRY 455"]
    assert found["X4-1187"].target == "HER7"


def test_periods_postcodes_years_patents_and_indices_are_not_code_names() -> None:
    facts = facts_from(
        "Quarry Bio, Inc., 12 Elm Street, Waltham, MA 02451, reported Q3-2019 revenue under the "
        "SECURITIES EXCHANGE ACT OF 1934. Its patent EP 1234567 protects the FTSE 100 listing."
    )
    assert facts.compounds == []


def test_two_digit_code_names_a_compound_only_where_the_text_calls_it_one() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. paid €25m for an option on Halden's QV-77 RNA programme. The IL-17 "
        "and EASI-75 results of the QV-77 programme were strong."
    )
    assert list(found) == ["QV-77"]


def test_drug_named_after_its_class_without_a_known_stem() -> None:
    found = compounds_of(
        "Halden Pharma AG gains rights to Quarry's first-in-class PPAR alpha and delta agonist "
        "velifibranor. The TRPX inhibitor program and the JAK inhibitor therapy area grow."
    )
    assert list(found) == ["velifibranor"]
    assert found["velifibranor"].target == "PPAR alpha and delta"


def test_compound_named_by_its_target_and_kind() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. licensed its IL-47 mAb to Halden Pharma AG. Halden Pharma AG also "
        "has a CD99 mAb and a clinical-stage, FRα-targeted, Topo1 ADC."
    )
    assert list(found) == ["IL-47 mAb"]
    assert found["IL-47 mAb"].target == "IL-47"


def test_drugs_named_as_acids_but_not_nucleic_acids() -> None:
    found = compounds_of(
        "Patients had failed tolucholic acid (TCA) or quinodronic acid. Quarry Bio, Inc. makes "
        "ribonucleic acid (RNA) medicines."
    )
    assert set(found) == {"tolucholic acid", "quinodronic acid"}
    assert found["tolucholic acid"].aliases == ["TCA"]


def test_the_product_a_trade_name_stands_for_is_the_compound_not_a_company() -> None:
    facts = facts_from(
        "Quarry Bio, Inc. said Japan approved ZORVIX™. ZORVIX™ is the Japanese trade name of "
        "the QDM SLIT-tablet licensed by Quarry Bio, Inc. to Halden Pharma AG."
    )
    assert [(c.name, c.aliases) for c in facts.compounds] == [("ZORVIX", ["QDM SLIT-tablet"])]
    assert "QDM SLIT-tablet" not in {o.name for o in facts.organizations}


def test_a_trademarked_company_name_is_not_a_compound() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. signed a supply deal with Halvex® Biologics GmbH for DELTRA® (zorimab)."
    )
    assert list(found) == ["zorimab"]


def test_target_written_as_a_binding_protein() -> None:
    found = compounds_of(
        "The FDA cleared the IND for QRY503, a high affinity anti-IL-47 binding protein "
        "antibody licensed to Halden Pharma AG."
    )
    assert found["QRY503"].target == "IL-47 binding protein"


def test_a_dosage_form_after_an_inn_is_the_same_compound() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. said the MAA for velnoparatide-SC was validated. Velnoparatide is "
        "given once daily."
    )
    assert list(found) == ["velnoparatide"]
    assert found["velnoparatide"].aliases == ["velnoparatide-SC"]


def test_code_names_with_a_version_a_second_number_or_three_parts() -> None:
    found = compounds_of(
        "Halden Pharma AG licensed QBT162b2, QNC0165-1875, QLN-TTR02 and QBBV-CLS-484 to Quarry "
        "Bio, Inc. under its ANTI-CD20 PROGRAM."
    )
    assert set(found) == {"QBT162b2", "QNC0165-1875", "QLN-TTR02", "QBBV-CLS-484"}


def test_gene_and_cell_therapies_and_insulins_have_two_word_inns() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. makes velanogene dorparvovec and zolcabtagene autoleucel, and Halden "
        "Pharma AG makes insulin quorvadec (QRY-5). Insulin resistance and insulin glucose "
        "control are endpoints."
    )
    assert set(found) == {
        "velanogene dorparvovec",
        "zolcabtagene autoleucel",
        "insulin quorvadec",
    }
    assert found["insulin quorvadec"].aliases == ["QRY-5"]


def test_brands_named_as_products_or_sold_under_a_name() -> None:
    found = compounds_of(
        "Halden Pharma AG will sell the product Quvora in Korea. Tarvistinib is sold in Europe "
        "as Zentiva and the vaccine ORVAX in Japan."
    )
    assert set(found) == {"Quvora", "tarvistinib", "ORVAX"}
    assert found["tarvistinib"].aliases == ["Zentiva"]


def test_a_company_renamed_gives_no_compound_another_name() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. licensed QRY-101 to Halden Pharma AG, formerly known as Orrin Bio. "
        "QRY-101 is marketed by Tessel Therapeutics, Inc. under the name Tessel Bio Inc."
    )
    assert [(c.name, c.aliases) for c in found.values()] == [("QRY-101", [])]


def test_a_company_shaped_like_an_inn_is_not_a_compound() -> None:
    facts = facts_from(
        "Quarry Bio, Inc. entered a partnership with Zenmab to discover antibodies. The deal "
        "gives Zenmab rights in Asia."
    )
    assert facts.compounds == []


def test_brands_listed_after_what_they_are() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. will use the upfront payment to launch the two blockbuster drugs, "
        "Keltravo and Vexorin, in China later this year."
    )
    assert set(found) == {"Keltravo", "Vexorin"}


def test_a_brand_in_capitals_after_a_capitalised_verb() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. returns the rights to Halden Pharma AG.\n"
        "  • *1 Includes KESSELAN® Injection, an amino acid solution."
    )
    assert set(found) == {"KESSELAN"}


def test_a_drug_named_by_an_apposition_that_says_what_it_is() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. has signed a contract with Halden Pharma AG to launch Orvessa-K, a "
        "cell gene therapy for osteoarthritis developed by its subsidiary."
    )
    assert set(found) == {"Orvessa-K"}


def test_a_code_among_other_items_in_the_bracket_after_an_inn() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. will out-license its bispecific antibody, tarvimab (PD-1/VEGF, "
        "QB112), to Halden Pharma AG."
    )
    assert list(found) == ["tarvimab"]
    assert found["tarvimab"].aliases == ["QB112"]


def test_an_inn_of_the_hypnotics_stem() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. and Halden Pharma AG today announced an agreement for the development "
        "of zoriplon, Quarry Bio's Phase III compound for the treatment of insomnia."
    )
    assert set(found) == {"zoriplon"}


def test_targets_named_with_their_class_noun_and_first_in_a_bracket() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. bought out the royalties on QRY-1101, which is a Kv9 potassium channel "
        "opener for epilepsy. Halden Pharma AG licensed the inhaled neutrophil elastase "
        "inhibitor, HLD6014, in cystic fibrosis. Quarry Bio will out-license its bispecific "
        "antibody, tarvimab (PD-1/VEGF, QB112), to Halden Pharma AG."
    )
    assert found["QRY-1101"].target == "Kv9 potassium channel"
    assert found["HLD6014"].target == "neutrophil elastase"
    assert found["tarvimab"].target == "PD-1/VEGF"


def test_a_company_or_a_sentences_first_word_in_an_apposition_is_no_drug() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. signed with Halvane, a company developing a treatment for gout. "
        "Today, the therapy for gout is limited."
    )
    assert found == {}


def test_inns_of_the_hypnotic_oestrogen_receptor_and_dopamine_stems() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. licensed zoltapidem, velestrant and rimadopa to Halden Pharma AG."
    )
    assert set(found) == {"zoltapidem", "velestrant", "rimadopa"}


def test_a_class_of_enzymes_is_no_target_and_a_named_target_after_it_wins() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. licensed tarvetinib, its small molecule kinase inhibitor "
        "targeting ATR, to Halden Pharma AG. Halden also holds QRY-770, a protease inhibitor for "
        "gout."
    )
    assert found["tarvetinib"].target == "ATR"
    assert found["QRY-770"].target is None


def test_a_code_shaped_target_after_targeting_is_no_compound() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. licensed QB 62-9992, its monoclonal antibody targeting CD321, to "
        "Halden Pharma AG."
    )
    assert set(found) == {"QB 62-9992"}
    assert found["QB 62-9992"].target == "CD321"


def test_a_spaced_code_in_the_bracket_after_an_inn_is_its_alias() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. licensed tarvetinib (QB 82-3825), its kinase inhibitor, to Halden "
        "Pharma AG."
    )
    assert list(found) == ["tarvetinib"]
    assert found["tarvetinib"].aliases == ["QB 82-3825"]


def test_a_company_named_like_a_drug_after_a_deal_word_is_a_company() -> None:
    # "-rsen" ends antisense drugs' names; after "an agreement with" a capitalised word is a party
    facts = facts_from(
        "Quarry Bio, Inc. today announced a license agreement with Halvorsen Co., Ltd. for the "
        "development of QB-201 in Japan."
    )
    assert "Halvorsen" in [o.name for o in facts.organizations]
    assert [c.name for c in facts.compounds] == ["QB-201"]


def test_a_drug_capitalised_in_a_sentence_is_still_a_drug() -> None:
    names = compounds_of(
        "Quarry Bio, Inc. today reported a study of patients treated with Kesselsiran in "
        "combination with Quarrumab."
    )
    assert set(names) == {"kesselsiran", "quarrumab"}


def test_a_code_also_known_by_its_generic_name_is_one_compound() -> None:
    names = compounds_of(
        "Quarry Bio, Inc. today announced that its lead candidate, QB-101 (also known as "
        "quarritinib), entered Phase 2."
    )
    assert set(names) == {"QB-101"} and names["QB-101"].aliases == ["quarritinib"]


def test_a_dateline_city_in_capitals_is_no_compound() -> None:
    text = (
        "Fund grants $14 m to Quarry Bio for a new vaccine\n\nHYDERABAD, June 3, 2020 -- The "
        "Coalition for "
        "Vaccines, in collaboration with Quarry Bio, will provide a fund of $14.1 million to "
        "advance development of a vaccine.\n"
    )
    facts = extract(parse_release(text.encode("utf-8"), source="inline"))
    assert [c.name for c in facts.compounds] == []


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Orvane has licensed T-5224, its lead candidate for arthritis, to Linden Ltd.", "T-5224"),
        ("Orvane licensed ALT-B4 to Linden Ltd. ALT-B4 is an oral AP-1 inhibitor.", "ALT-B4"),
        ("Orvane will develop JAB-23E73, a small molecule KRAS inhibitor.", "JAB-23E73"),
        ("The Phase 2 trial of VB10.Neo began in May.", "VB10.Neo"),
        ("Orvane will advance its lead candidate TA-46 into the clinic.", "TA-46"),
    ],
)
def test_a_code_the_text_calls_a_drug_is_a_compound(sentence: str, code: str) -> None:
    assert code in compounds_of(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Orvane filed a Form S-1 and its 10-K.",
        "Orvane's CD47 programs complement its strategy.",
        "Pimicotinib is a small molecule CSF-1R inhibitor.",
        "The COVID-19 vaccine and an IL-15 inhibitor were discussed.",
    ],
)
def test_a_target_a_form_or_a_virus_shaped_like_a_code_is_no_compound(sentence: str) -> None:
    assert not {"S-1", "10-K", "CD47", "CSF-1R", "COVID-19", "IL-15"} & set(compounds_of(sentence))


def test_a_kinase_inhibitors_name_capitalised_in_running_text_is_still_the_drug() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. (Nasdaq: QRRY) signed a contract to transfer all rights of "
        "Orvanitinib to Linden Ltd. In 2009 Quarry Bio licensed a company, to co-develop "
        "Orvanitinib in China."
    )
    assert "orvanitinib" in {name.lower() for name in found}


@pytest.mark.parametrize("inn", ["orvaprazan", "kesselgliatin", "lindenbamate", "quarrarotene"])
def test_the_stems_of_acid_blockers_glucokinase_activators_carbamates_and_retinoids(
    inn: str,
) -> None:
    found = compounds_of(
        f"Quarry Bio, Inc. (Nasdaq: QRRY) licensed {inn} to Linden Ltd. for gastric disease."
    )
    assert inn in {name.lower() for name in found}


def test_a_scaled_currency_code_before_a_number_is_money_not_a_code_name() -> None:
    found = compounds_of(
        "Kessel AB (STO: KSL) reported revenue of MSEK 113 for the quarter and licensed KS-1234 "
        "to Orvane AB."
    )
    assert list(found) == ["KS-1234"]


@pytest.mark.parametrize("name", ["kesselmetostat", "orvapixant", "lindosporin"])
def test_more_who_stems_mark_a_drug(name: str) -> None:
    assert name in compounds_of(f"Kessel Bio licensed {name} to Orvane Pharma, Inc.")


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Kessel Bio licensed its antibody-drug conjugate Kesseltuzumab (KSL-A1811).", "KSL-A1811"),
        ("Kessel Bio will use its new drug K606 for the treatment of two indications.", "K606"),
        ("Kessel Bio granted rights to its biosimilar KLX13 in the United States.", "KLX13"),
    ],
)
def test_codes_a_text_calls_a_drug(sentence: str, code: str) -> None:
    assert code in compounds_of(sentence)


def test_a_letter_and_two_digits_is_no_drug_for_being_called_one() -> None:
    assert not compounds_of("Kessel Bio will report its new drug Q3 results in May.")


def test_a_code_whose_number_looks_like_a_year_is_a_drug_where_the_text_calls_it_one() -> None:
    found = compounds_of(
        "Kessel Bio signed a licence agreement with Orvane, Inc. for its investigational asset "
        "KSB 2001. The Securities Exchange Act OF 1934 applies."
    )
    assert list(found) == ["KSB 2001"]


def test_a_target_shaped_code_that_is_developed_or_tried_is_a_drug_unless_a_noun_follows() -> None:
    found = compounds_of(
        "The milestone reflects progress in the development of KX-88 in liver cancer. Orvane "
        "continues the development of CD47 antibodies."
    )
    assert list(found) == ["KX-88"]


@pytest.mark.parametrize(
    ("body", "product"),
    [
        # what is sold, or earns a royalty, is a product
        (
            "Quarry Bio, Inc. will pay up to $5.00 per share if net sales of ZENVARA are achieved.",
            "ZENVARA",
        ),
        ("Quarry Bio, Inc. will receive royalties on net sales of Zenvara in Japan.", "Zenvara"),
        ("Quarry Bio, Inc. earns a royalty on Zenvara in Europe.", "Zenvara"),
        # a product named by what it is
        ("Tenby Pharma has launched the eye treatment Zenvara in Britain.", "Zenvara"),
        (
            "Quarry Bio, Inc. signed an agreement with Tenby Pharma for ZENVARA, a "
            "prostate-specific antigen-targeting cancer immunotherapy.",
            "ZENVARA",
        ),
    ],
)
def test_a_product_is_named_by_its_sales_its_royalties_or_what_it_is(
    body: str, product: str
) -> None:
    assert product in compounds_of(body)


def test_the_maker_of_products_whose_sales_earn_a_royalty_is_no_product() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. will pay Tenby Pharma a royalty on Kessovan product sales in Japan."
    )
    assert "Kessovan" not in found


def test_a_companys_name_after_royalties_on_is_no_product() -> None:
    found = compounds_of(
        "Quarry Bio, Inc. would receive royalties on Tenby Merieux's sales of products "
        "developed through the partnership."
    )
    assert "Tenby" not in found


def test_what_rights_are_gained_to_is_a_product_not_a_company() -> None:
    facts = facts_from(
        "Quarry Bio, Inc. received a $15 million upfront payment in a deal in which Halden "
        "Pharma AG gained rights to Veltrax in Japan. Halden will pay royalties on net sales of "
        "subcutaneous Zorvex. Quarry Bio granted rights to Orrin Bio in 2019. Tessel Bio will "
        "pay $3 million to acquire 65% of the intellectual property rights to Quvix."
    )
    assert {c.name for c in facts.compounds} == {"Veltrax", "Zorvex", "Quvix"}
    names = {o.name for o in facts.organizations}
    assert not names & {"Veltrax", "Quvix"} and "Orrin Bio" in names
