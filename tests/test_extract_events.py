"""Regulatory events: each kind of error the extractor made on unseen releases, in sentences of
our own (invented companies and compounds). Each test fails if its rule goes away."""

from __future__ import annotations

from kg.extract import extract
from kg.facts import ReleaseFacts
from kg.read import parse_release

DATELINE = "BOSTON, May 10, 2022 (BUSINESS WIRE) -- "


def facts_from(body: str, title: str = "Quarry Bio Update") -> ReleaseFacts:
    text = f"{title}\n\n{DATELINE}{body}\n"
    return extract(parse_release(text.encode("utf-8"), source="inline"))


def events_of(body: str, title: str = "Quarry Bio Update") -> list[tuple[str, str | None]]:
    return [(e.kind, e.compound) for e in facts_from(body, title).regulatory_events]


def test_phase_starts_in_all_their_wordings() -> None:
    wordings = [
        "Halden Pharma AG has enrolled the first subject in a Phase 1 trial of QRY-101.",
        "Halden Pharma AG dosed the first patient in its Phase 2 study of QRY-101.",
        "The first participant was randomized in the trial of QRY-101 by Halden Pharma AG.",
        "Halden Pharma AG initiated a global Phase 2b registration-enabling study of QRY-101.",
        "The milestone was triggered by dosing of the first patient with QRY-101.",
        "QRY-101, formerly HLD-7, has begun clinical studies at Halden Pharma AG.",
    ]
    for sentence in wordings:
        assert events_of(f"Quarry Bio, Inc. said that {sentence}") == [
            ("phase start", "QRY-101")
        ], sentence


def test_plans_and_conditions_are_no_events() -> None:
    for sentence in [
        "Halden Pharma AG plans to start a Phase 3 trial of QRY-101 in 2024.",
        "Quarry Bio anticipates initiating a Phase 1 trial of QRY-101 next year.",
        "Quarry Bio has received $5 million, and the next payment is due upon dosing of the "
        "first patient in a Phase 3 trial of QRY-101.",
        "Quarry Bio is eligible for $9 million upon the start of a Phase 2 trial of QRY-101.",
        "The voucher will not be used for the BLA filing of QRY-101.",
        "Dosing of the first patient with QRY-101 is expected in March.",
    ]:
        assert events_of(f"Quarry Bio, Inc. said that {sentence}") == [], sentence


def test_an_earned_milestone_upon_a_start_reports_the_start() -> None:
    assert events_of(
        "Quarry Bio, Inc. earned a $7 million milestone from Halden Pharma AG upon initiation "
        "of the Phase III trial of velantamab."
    ) == [("phase start", "velantamab")]


def test_approval_of_an_ind_is_an_active_ind_not_an_approval() -> None:
    assert events_of(
        "Quarry Bio, Inc. received a milestone triggered by the approval of an Investigational "
        "New Drug (IND) application from the U.S. Food and Drug Administration for the Phase I "
        "trial of a candidate licensed to Halden Pharma AG."
    ) == [("IND active", None)]


def test_approvals_name_their_compound_in_every_wording() -> None:
    for sentence in [
        "the U.S. Food and Drug Administration (FDA) has approved VELMORA for adults.",
        "the European Commission (EC) granted a conditional marketing authorization for "
        "VELMORA (tarvistinib).",
        "the milestone was triggered by the PMDA approval of VELMORA® (tarvistinib).",
    ]:
        body = f"Quarry Bio, Inc. (Nasdaq: QRRY) said that {sentence} About VELMORA (tarvistinib)"
        assert events_of(body) == [("approval", "tarvistinib")], sentence


def test_boards_opinions_and_pricing_approve_nothing_regulatory() -> None:
    for sentence in [
        "The transaction has been approved by the Management Board and the Supervisory Board.",
        "A positive opinion for approval of tarvistinib was issued by the committee.",
        "Halden Pharma AG obtained pricing and reimbursement approval for tarvistinib in Spain.",
    ]:
        assert events_of(f"Quarry Bio, Inc. said that {sentence}") == [], sentence


def test_a_submission_is_a_definite_one() -> None:
    assert (
        events_of(
            "A voucher entitles the holder to priority review of a single New Drug Application or "
            "Biologics License Application (BLA) made by Quarry Bio, Inc."
        )
        == []
    )
    assert events_of(
        "Quarry Bio, Inc. said the FDA has accepted its Biologics License Application (BLA) for "
        "tarvistinib and granted priority review."
    ) == [("BLA submission", "tarvistinib")]


def test_the_compound_of_an_event_is_the_one_named_next_to_it() -> None:
    assert events_of(
        "Quarry Bio, Inc. markets zorimab. Halden Pharma AG dosed the first patient in a Phase 1 "
        "trial of QRY-330, which may later be combined with zorimab."
    ) == [("phase start", "QRY-330")]


def test_a_headline_event_is_the_body_one_not_another() -> None:
    facts = facts_from(
        "Quarry Bio, Inc. said Halden Pharma AG has dosed the first patient in the Phase 1 trial "
        "of QRY-101.",
        title="Quarry Bio Announces Dosing of First Patient in Phase 1 Trial of QRY-101",
    )
    assert [(e.kind, e.compound) for e in facts.regulatory_events] == [("phase start", "QRY-101")]
    event = facts.regulatory_events[0]
    assert "Halden" in facts.text[event.evidence.start : event.evidence.end]
    assert event.sponsor == "Halden Pharma"


def test_a_counted_class_of_compounds_is_no_event() -> None:
    assert (
        events_of(
            "Quarry Bio, Inc. said nine partner compounds are now in clinical testing and/or "
            "have an active IND."
        )
        == []
    )


def test_an_unnamed_candidate_does_not_borrow_the_releases_compound() -> None:
    assert events_of(
        "Quarry Bio, Inc. markets QRY-101. Halden Pharma AG has dosed the first subject in a "
        "clinical trial with a new drug candidate from the collaboration."
    ) == [("phase start", None)]


# ---- second round: kinds of error seen on a second set of unseen releases ------------------


def test_an_approved_application_is_the_approval_not_a_submission() -> None:
    assert events_of(
        "Quarry Bio, Inc. announced that the Japanese Ministry of Health, Labour and Welfare has "
        "approved the New Drug Application for VELMORA® (tarvistinib)."
    ) == [("approval", "tarvistinib")]


def test_a_drugs_standing_in_many_countries_is_no_new_approval() -> None:
    assert events_of(
        "Halden Pharma AG has filed a New Drug Application for zorimab in Japan. Zorimab has "
        "been approved in almost 40 countries to date and is marketed in 30 of them."
    ) == [("NDA submission", "zorimab")]


def test_candidates_entering_the_clinic_are_a_start_of_no_named_compound() -> None:
    assert events_of(
        "Summary Royalties on VELMORA received from Halden Pharma AG Licensing: product "
        "candidates from Orrin Bio and Tessel Bio enter clinical trials Net cash of £9 million"
    ) == [("phase start", None), ("phase start", None)]  # one for each company's candidate


def test_a_start_that_a_modal_governs_is_a_plan() -> None:
    assert events_of(
        "Quarry Bio, Inc. said the FDA has cleared the IND for QRY503. Quarry Bio is thrilled, "
        "and the initiation of a Phase 1 trial will keep QRY503 on track."
    ) == [("IND active", "QRY503")]
    assert events_of(
        "Quarry Bio, Inc. initiated a Phase 2 trial of QRY503, which will enrol 90 adults."
    ) == [("phase start", "QRY503")]


def test_one_event_however_many_sentences_and_sponsors_tell_it() -> None:
    assert events_of(
        "Quarry Bio's partner Halden Pharma AG initiates a clinical Phase I study with QRY-107. "
        "The initiation of the Phase I study with QRY-107 releases a milestone payment to "
        "Quarry Bio, Inc. Halden Pharma AG dosed the first patient in the Phase 1 trial of "
        "QRY-107. The milestone was triggered when the first subject was dosed with a product "
        "candidate from the collaboration."
    ) == [("phase start", "QRY-107")]


def test_approvals_in_two_places_are_two_events() -> None:
    assert events_of(
        "Quarry Bio, Inc. said the Japanese Ministry of Health, Labour and Welfare approved "
        "VELMORA® (tarvistinib). Today's approval in Japan follows the European approval we "
        "received in August. VELMORA is approved in Japan for adults."
    ) == [("approval", "tarvistinib"), ("approval", "tarvistinib")]


def test_an_ind_granted_or_cleared_in_more_wordings() -> None:
    for sentence in [
        "The payment follows the granting of Halden Pharma's Investigational New Drug (IND) "
        "application for QRY-330 in China.",
        "The FDA has cleared the investigational new drug (IND) application for QRY-330.",
    ]:
        assert events_of(f"Quarry Bio, Inc. said that {sentence}") == [("IND active", "QRY-330")], (
            sentence
        )


def test_the_approval_of_an_ind_told_again_approves_no_drug() -> None:
    assert events_of(
        "Quarry Bio, Inc. received a milestone after the granting of the IND for QRY-330 in "
        "China. Halden Pharma AG said: we are encouraged by the CFDA approval of the IND. "
        "QRY-330 showed activity."
    ) == [("IND active", "QRY-330")]


def test_a_supplemental_application_is_a_submission_of_its_kind() -> None:
    assert events_of(
        "Quarry Bio, Inc. said the FDA has accepted its sBLA for zorimab in a new indication."
    ) == [("BLA submission", "zorimab")]


def test_a_temporal_clause_in_the_present_is_no_event() -> None:
    assert (
        events_of(
            "This sales force details Halden's products to psychiatrists after Quarry Bio submits "
            "the QRY-101 New Drug Application (NDA) to the U.S. Food and Drug Administration."
        )
        == []
    )


def test_what_a_milestone_payment_is_due_for_is_no_event() -> None:
    assert (
        events_of(
            "In addition, Halden Pharma AG may receive further milestones from Quarry Bio, "
            "including a 1.5 million dollar milestone payment upon filing an IND and a 8.5 million "
            "dollar milestone payment at the start of phase 1 studies with QRY-101."
        )
        == []
    )


def test_a_goal_of_approval_is_no_approval() -> None:
    assert (
        events_of(
            '"We look forward to our partnership with Halden Pharma AG and to achieving the '
            'shared goal of gaining FDA approval for QRY-101," said Ida Brandt.'
        )
        == []
    )


def test_what_a_drug_is_is_no_approval() -> None:
    assert (
        events_of(
            "Quarry Bio bought QRY-101 from Halden Pharma AG. QRY-101 is the first and only "
            "non-competitive receptor antagonist approved for epilepsy."
        )
        == []
    )


def test_unnamed_candidates_of_two_companies_are_two_phase_starts() -> None:
    facts = facts_from(
        "Quarry Bio, Inc. reports its quarter. IP licensing: product candidates from Halden "
        "Pharma AG and Orvane Therapeutics enter clinical trials."
    )
    assert sorted((e.kind, e.sponsor) for e in facts.regulatory_events) == [
        ("phase start", "Halden Pharma"),
        ("phase start", "Orvane Therapeutics"),
    ]


def test_an_approval_by_the_regulator_that_triggered_a_milestone() -> None:
    assert events_of(
        "Quarry Bio, Inc. achieved a $7.5 million milestone payment from Halden Pharma AG. The "
        "milestone was triggered by approval by the FDA for QRY-601, an antibody targeting HTT."
    ) == [("approval", "QRY-601")]


def test_an_agency_that_approved_a_drug_for_its_patients_is_an_approval() -> None:
    assert events_of(
        "The European Commission approved Quarzo (quarrumab-abcd) for adults with asthma."
    ) == [("approval", "quarrumab-abcd")]
    assert events_of("The board approved the plan for the treatment facility.") == []


def test_an_approved_clinical_trial_application_is_an_active_ind_not_an_approval() -> None:
    assert events_of("The China NMPA has approved the clinical trial application for QB-111.") == [
        ("IND active", "QB-111")
    ]


def test_a_regulator_that_approved_a_brand_in_the_simple_past_is_an_approval_of_it() -> None:
    assert events_of(
        "Quarry Bio, Inc. today announced that the U.S. Food and Drug Administration today "
        "approved Velquira to treat adults with a rare metabolic disease."
    ) == [("approval", "Velquira")]
    assert events_of(
        "Quarry Bio, Inc. today announced that the European Commission approved Sorvant "
        "(quarratinib malate) for the adjuvant treatment of adults with kidney cancer."
    ) == [("approval", "quarratinib malate")]
    assert (
        events_of(
            "Quarry Bio, Inc. licenses a technology that has enabled five FDA approved products."
        )
        == []
    )
