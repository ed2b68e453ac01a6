"""Payment frames: who pays whom, earned or potential, what is a payment at all.

Each test is a short release of our own, written for one kind of error seen on real releases
from issuers the rules were not written for. Companies and compounds are invented.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract import extract
from kg.facts import Payment
from kg.read import parse_release

DATELINE = "BOSTON, May 4, 2021 (BUSINESS WIRE) -- "


def payments(body: str, headline: str = "Avelor Bio Announces News") -> list[Payment]:
    text = f"{headline}\n\n{DATELINE}{body}\n"
    return extract(parse_release(text.encode("utf-8"), source="inline")).payments


def only(body: str, headline: str = "Avelor Bio Announces News") -> Payment:
    (payment,) = payments(body, headline)
    return payment


def reading(p: Payment) -> tuple[str | None, str | None, Decimal | None, str, str]:
    return (p.payer, p.payee, p.money.amount if p.money else None, p.kind, p.status)


# ---- who pays whom ------------------------------------------------------------------------------


def test_the_issuer_pays_when_it_is_the_subject_of_pay() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that it will pay Tenby Pharma Ltd. an "
        "upfront payment of $20 million for exclusive rights to TB-101 in Europe."
    )
    assert reading(p) == ("Avelor Bio", "Tenby Pharma", Decimal(20_000_000), "upfront", "earned")


def test_the_seller_of_an_asset_is_paid_by_its_buyer() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that the company has agreed to acquire "
        "a priority review voucher from Corrin Therapeutics, Inc. for $95 million."
    )
    assert reading(p) == (
        "Avelor Bio", "Corrin Therapeutics", Decimal(95_000_000), "acquisition", "potential"
    )  # fmt: skip


def test_a_partner_as_subject_earns_the_issuer_a_milestone() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that Tenby Pharma Ltd. (LSE: TNB) has "
        "dosed the first patient in a Phase 2 trial, earning Avelor Bio a $10 million milestone "
        "payment."
    )
    assert reading(p) == ("Tenby Pharma", "Avelor Bio", Decimal(10_000_000), "milestone", "earned")


def test_an_investment_by_a_venture_arm_is_paid_by_the_venture_arm() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) and Tenby Pharma Ltd. today announced a research "
        "collaboration. Upon signing, Avelor Bio received an upfront payment of $5 million and an "
        "investment in an equity stake of $3 million purchased by Tenby Ventures Inc., a "
        "subsidiary of Tenby Pharma."
    )
    assert {reading(p) for p in found} == {
        ("Tenby Pharma", "Avelor Bio", Decimal(5_000_000), "upfront", "earned"),
        ("Tenby Ventures", "Avelor Bio", Decimal(3_000_000), "equity", "earned"),
    }


def test_the_subject_of_to_receive_is_the_payee() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) signed a licence with Tenby Pharma Ltd. Avelor Bio is "
        "to receive up to $507 million in development and sales milestones.",
        headline="Avelor Bio to Receive up to $507 Million from Tenby Pharma",
    )
    assert reading(p) == (
        "Tenby Pharma", "Avelor Bio", Decimal(507_000_000), "milestone", "potential"
    )  # fmt: skip


def test_an_investment_in_shares_is_paid_to_their_issuer() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) received a license fee of $12 million from Tenby Pharma "
        "Ltd., and Tenby Pharma invested $30 million in Avelor Bio shares."
    )
    assert {reading(p) for p in found} == {
        ("Tenby Pharma", "Avelor Bio", Decimal(12_000_000), "license_fee", "earned"),
        ("Tenby Pharma", "Avelor Bio", Decimal(30_000_000), "equity", "earned"),
    }


def test_a_second_verb_keeps_the_subject_of_the_first() -> None:
    found = payments(
        "Under the agreement, Tenby Pharma Ltd. has agreed to pay Avelor Bio, Inc. an upfront "
        "payment of $40 million and purchase 2 million shares of Avelor Bio stock at $10 per "
        "share, for an equity investment of $20 million."
    )
    assert {reading(p) for p in found} == {
        ("Tenby Pharma", "Avelor Bio", Decimal(40_000_000), "upfront", "earned"),
        ("Tenby Pharma", "Avelor Bio", Decimal(20_000_000), "equity", "earned"),
    }


def test_a_payment_with_no_party_named_follows_the_release_s_deal() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced a collaboration with Tenby Pharma Ltd. "
        "The agreement includes an upfront payment of $25 million and potential milestone "
        "payments of up to $300 million."
    )
    assert {reading(p) for p in found} == {
        ("Tenby Pharma", "Avelor Bio", Decimal(25_000_000), "upfront", "earned"),
        ("Tenby Pharma", "Avelor Bio", Decimal(300_000_000), "milestone", "potential"),
    }


# ---- earned or potential -------------------------------------------------------------------------


# (sentence, "kind status")
STATUS_CASES = [
    ("Avelor Bio received a $4 million milestone payment.", "milestone earned"),
    ("Avelor Bio will receive an upfront payment of $12 million.", "upfront earned"),
    ("The first dosing triggers a $6 million milestone payment to Avelor Bio.", "milestone earned"),
    ("Avelor Bio earned a $7 million milestone upon initiation of a trial.", "milestone earned"),
    ("Avelor Bio is eligible to receive up to $200 million in milestones.", "milestone potential"),
    ("Avelor Bio could receive a $9 million milestone upon approval.", "milestone potential"),
    ("Tenby Pharma will pay Avelor Bio $15 million to exercise its option.", "option_fee earned"),
    ("Avelor Bio will get research funding of $8 million a year.", "research_funding earned"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), STATUS_CASES)
def test_status_from_the_verb_and_its_conditions(sentence: str, expected: str) -> None:
    p = only("Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. " + sentence)
    assert f"{p.kind} {p.status}" == expected


def test_money_due_at_signing_waits_for_a_deal_that_has_not_closed() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced a collaboration with Tenby Pharma Ltd. "
        "Avelor Bio will receive an upfront payment of $50 million. The collaboration is subject "
        "to clearance under antitrust laws."
    )
    assert [(p.kind, p.status) for p in found] == [("upfront", "potential")]


def test_money_waits_for_competition_authority_clearances() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) and Tenby Pharma Ltd. today announced a license "
        "agreement. Avelor Bio will receive an upfront payment of $40M. This transaction is "
        "subject to potential competition authority clearances and other closing conditions."
    )
    assert [(p.kind, p.status) for p in found] == [("upfront", "potential")]


def test_an_agreed_acquisition_is_potential_and_a_completed_one_earned() -> None:
    agreed = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that it will acquire Corrin "
        "Therapeutics, Inc. for a total equity value of $1.2 billion."
    )
    done = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that it has completed its acquisition "
        "of Corrin Therapeutics, Inc. for $1.2 billion in cash."
    )
    assert reading(agreed)[:2] == reading(done)[:2] == ("Avelor Bio", "Corrin Therapeutics")
    assert (agreed.kind, agreed.status) == ("acquisition", "potential")
    assert (done.kind, done.status) == ("acquisition", "earned")
    assert agreed.qualifier is None  # a total price, not an aggregate of payments


def test_part_of_an_aggregate_that_has_been_achieved_is_earned() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) is entitled to receive milestone payments from Tenby "
        "Pharma Ltd. of up to $276 million, $14 million of which has been achieved to date."
    )
    assert {reading(p) for p in found} == {
        ("Tenby Pharma", "Avelor Bio", Decimal(276_000_000), "milestone", "potential"),
        ("Tenby Pharma", "Avelor Bio", Decimal(14_000_000), "milestone", "earned"),
    }


# ---- what is a payment ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Avelor Bio had cash, cash equivalents and marketable securities of $212 million.",
        "Avelor Bio reported revenues of $48 million for the quarter.",
        "Avelor Bio stock closed 2% lower at $18.65 on Wednesday.",
        "Avelor Bio expects to receive a $5 million milestone payment when the study completes.",
        "Avelor Bio is eligible for up to GBP60.5 in future milestone payments.",
    ],
)
def test_figures_that_are_not_payments(sentence: str) -> None:
    assert (
        payments("Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. " + sentence) == []
    )


def test_a_headline_and_its_sentence_are_one_payment() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that it has earned a $10 million "
        "milestone payment from Tenby Pharma Ltd.",
        headline="Avelor Bio Earns $10 Million Milestone from Tenby Pharma",
    )
    assert [reading(p) for p in found] == [
        ("Tenby Pharma", "Avelor Bio", Decimal(10_000_000), "milestone", "earned")
    ]


def test_another_payment_of_the_same_amount_is_a_second_payment() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) announced that an IND became active, which triggers a "
        "$1 million milestone payment to Avelor Bio from Tenby Pharma Ltd. Earlier this month, "
        "another IND also became active and triggered a $1 million milestone payment to Avelor "
        "Bio."
    )
    assert len(found) == 2


def test_a_bundle_that_restates_its_parts_is_not_a_payment_of_its_own() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) and Tenby Pharma Ltd. formed an alliance. The deal "
        "includes $4.5 million upfront cash and equity. Upon signing, Avelor Bio received an "
        "upfront payment of $1.7 million and an equity investment of $2.8 million from Tenby "
        "Pharma."
    )
    assert sorted(p.money.amount for p in found if p.money) == [
        Decimal(1_700_000), Decimal(2_800_000)
    ]  # fmt: skip


def test_several_kinds_in_one_figure_are_other() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) previously received $35 million in upfront and "
        "milestone payments from Tenby Pharma Ltd. under the agreement."
    )
    assert (p.kind, p.status) == ("other", "earned")


def test_an_undisclosed_pair_of_milestones_is_two_payments_of_unknown_amount() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that Tenby Pharma Ltd. declared proof "
        "of principle for two targets. This milestone triggers two single-digit million-dollar "
        "milestone payments to Avelor Bio, which the company expects to receive this quarter."
    )
    assert [(p.money, p.kind, p.status, p.payee) for p in found] == [
        (None, "milestone", "earned", "Avelor Bio")
    ] * 2


# ---- the terms of a payment ----------------------------------------------------------------------


def test_a_payment_is_for_the_compound_the_deal_grants_rights_to() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that it has granted Tenby Pharma Ltd. "
        "exclusive rights to commercialize velotinib in Japan. Avelor Bio will receive an upfront "
        "payment of $20 million and is eligible for up to $90 million in milestone payments."
    )
    assert [p.compound for p in found] == ["velotinib", "velotinib"]


def test_rights_a_company_keeps_do_not_say_what_a_payment_is_for() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) will receive an upfront payment of $20 million from "
        "Tenby Pharma Ltd. under the agreement. Avelor Bio retains exclusive rights to develop "
        "velotinib."
    )
    assert [p.compound for p in found] == [None]


def test_a_sentence_naming_several_compounds_does_not_say_which_one_is_paid_for() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) is eligible for milestone payments of up to $150 million "
        "from Tenby Pharma Ltd. for velotinib, corozumab and ratenib."
    )
    assert p.compound is None


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("milestone payments of up to $170 million for each resulting product.", "per_product"),
        ("up to $220 million in milestone payments per additional target.", "per_target"),
        ("up to $160 million in milestone payments in the aggregate.", "aggregate"),
        ("up to EUR 285 million (approx. $426 million) in total in milestones.", "aggregate"),
        ("milestone payments potentially totaling $200 million.", None),
    ],
)
def test_qualifier_as_the_text_says(sentence: str, qualifier: str | None) -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) signed a licence with Tenby Pharma Ltd. and is "
        "eligible to receive " + sentence
    )
    assert p.qualifier == qualifier


# ---- round two: kinds of error seen on releases from still other issuers -------------------------


def test_a_range_is_read_as_its_top_and_a_conversion_after_us_dollars_is_skipped() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) estimates the total potential deal value with Tenby "
        "Pharma Ltd. to be SEK 150-300 million. Tenby Pharma will provide Avelor Bio with CHF "
        "850,000 (approx. US $900,000) of research funding."
    )
    assert {(p.money.amount, p.money.currency, p.kind) for p in found if p.money} == {
        (Decimal(300_000_000), "SEK", "other"),
        (Decimal(850_000), "CHF", "research_funding"),
    }


def test_an_agency_can_pay_a_funding_award() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that it has been awarded an additional "
        "$12 million by the National Institutes of Health (NIH) under its contract."
    )
    assert (p.payer, p.payee, p.kind, p.status) == (
        "National Institutes of Health", "Avelor Bio", "research_funding", "earned"
    )  # fmt: skip


def test_our_partner_is_the_partner_not_us() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) said: \u201cWe are thrilled that the IND clearance "
        "triggers a $30 million milestone payment from our partner Tenby Pharma Ltd.\u201d"
    )
    assert (p.payer, p.payee) == ("Tenby Pharma", "Avelor Bio")


def test_an_item_after_and_is_the_next_item_s_kind() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) is now eligible for total milestones from Tenby Pharma "
        "Ltd. in excess of $1 billion and tiered royalty payments on net sales."
    )
    assert (p.kind, p.qualifier) == ("milestone", "aggregate")


def test_cash_on_signing_is_an_upfront() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) entered into a collaboration with Tenby Pharma Ltd. "
        "The Company will receive $50 million in cash from Tenby Pharma."
    )
    assert (p.kind, p.status) == ("upfront", "earned")


def test_a_total_the_text_breaks_down_is_kept_beside_its_parts_until_closing() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) signed agreements with Tenby Pharma Ltd. On closing, "
        "Avelor Bio will receive $40 million, comprising a $20 million upfront technology access "
        "fee and $20 million for equity in Avelor Bio purchased by Tenby Pharma."
    )
    assert {(p.money.amount, p.kind, p.status, p.qualifier) for p in found if p.money} == {
        (Decimal(40_000_000), "other", "potential", "aggregate"),
        (Decimal(20_000_000), "upfront", "potential", None),
        (Decimal(20_000_000), "equity", "potential", None),
    }


def test_a_payment_named_without_its_amount_is_the_one_named_with_it() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) received a milestone payment from Tenby Pharma Ltd. "
        "after the IND was granted. The milestone payment of US$1 million relates to AV-101.",
        headline="Avelor Bio Receives Milestone Payment",
    )
    assert [(p.money.amount if p.money else None, p.status) for p in found] == [
        (Decimal(1_000_000), "earned")
    ]


def test_the_issuer_that_pays_in_one_frame_pays_in_the_frames_that_say_nothing() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) licensed the Canadian rights to three products of Tenby "
        "Pharma Ltd. The consideration includes an upfront amount of C$25 million and Avelor Bio "
        "may pay contingent payments of up to C$15 million upon achieving sales milestones."
    )
    assert {(p.payer, p.payee) for p in found} == {("Avelor Bio", "Tenby Pharma")}


def test_a_part_a_total_includes_is_paid_like_the_total() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) has been awarded $12 million by the National Institutes "
        "of Health (NIH). It brings the total committed NIH funding to $44 million, which includes "
        "the base package of $32 million announced last year."
    )
    assert {(p.money.amount, p.payer) for p in found if p.money} == {
        (Decimal(12_000_000), "National Institutes of Health"),
        (Decimal(44_000_000), "National Institutes of Health"),
        (Decimal(32_000_000), "National Institutes of Health"),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Avelor Bio expects operating profit to be in the range of DKK 350-400 million.",
        "Avelor Bio expects a loss in the region of DKK 80 - 100 million for the year.",
    ],
)
def test_guidance_is_not_a_payment(sentence: str) -> None:
    assert (
        payments("Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. " + sentence) == []
    )


def test_an_event_that_releases_a_payment_has_earned_it_and_plural_payments_are_no_count() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) announced that the initiation of the Phase 1 study "
        "releases a milestone payment to Avelor Bio from Tenby Pharma Ltd. Avelor Bio will "
        "receive milestone payments as the programme advances."
    )
    assert [(p.money, p.kind, p.status, p.payee) for p in found] == [
        (None, "milestone", "earned", "Avelor Bio")
    ]


def test_a_figure_between_the_verb_and_the_amount_makes_it_no_payment() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) has $24 million back royalties received from Tenby "
        "Pharma Ltd. Tenby Pharma reports worldwide sales of the drug at $852 million. Net cash "
        "outflow: £9.7 million for the quarter (£6.6 million for the same quarter last year)"
    )
    assert [p.money.amount for p in found if p.money] == [Decimal(24_000_000)]


# ---- round three: kinds of error seen on all of dev-2 --------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "amount", "currency"),
    [
        ("Avelor Bio received a EUR 40 m option fee from Tenby Pharma.", 40_000_000, "EUR"),
        ("Avelor Bio received an upfront payment of 30 billion won.", 30_000_000_000, "KRW"),
        ("Avelor Bio will receive a 1.5 million dollar milestone payment.", 1_500_000, "USD"),
        ("Avelor Bio received an upfront payment of 30 billion Korean won.", 30 * 10**9, "KRW"),
        ("Avelor Bio received an upfront payment of 100 million yuan.", 100_000_000, "CNY"),
        ("Avelor Bio received an upfront payment of 5 million Swedish kronor.", 5_000_000, "SEK"),
    ],
)
def test_amounts_written_the_way_other_markets_write_them(
    sentence: str, amount: int, currency: str
) -> None:
    p = only("Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. " + sentence)
    assert (p.money.amount, p.money.currency) == (Decimal(amount), currency)  # type: ignore[union-attr]


def test_won_after_a_number_without_a_scale_is_a_verb() -> None:
    from kg.extract.money import find_money

    assert find_money("The team won 5 awards and 3 won prizes.") == []


def test_the_agent_of_received_is_the_payee() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. A EUR 40 million option "
        "fee agreed with Tenby Pharma was received by Avelor Bio today."
    )
    assert reading(p) == ("Tenby Pharma", "Avelor Bio", Decimal(40_000_000), "option_fee", "earned")


def test_amounts_reported_done_by_a_participle_after_them_are_earned() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) has an alliance with Tenby Pharma Ltd. Together with the "
        "EUR 150 million equity investment made in September 2019 and the EUR 80 million option "
        "fee and upfront licence fee paid in November 2019, the payment brings the cash received "
        "to date by Avelor Bio under the alliance to a total of EUR 270 million."
    )
    assert {reading(p) for p in found} == {
        ("Tenby Pharma", "Avelor Bio", Decimal(150_000_000), "equity", "earned"),
        ("Tenby Pharma", "Avelor Bio", Decimal(80_000_000), "other", "earned"),
        ("Tenby Pharma", "Avelor Bio", Decimal(270_000_000), "other", "earned"),
    }


def test_a_total_including_parts_is_other_and_the_parts_keep_their_kinds() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) signed a licence with Tenby Pharma Ltd. Tenby Pharma will "
        "pay Avelor Bio a total of up to $300 million, including an upfront payment of $20 million."
    )
    assert {(p.money.amount, p.kind, p.status, p.qualifier) for p in found if p.money} == {
        (Decimal(300_000_000), "other", "potential", "aggregate"),
        (Decimal(20_000_000), "upfront", "earned", None),
    }


def test_a_kind_word_after_one_amount_is_not_the_kind_of_the_next() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) will pay Tenby Pharma Ltd. an upfront payment of $24 "
        "million and milestone payments of up to $150 million.",
        headline="$24 Million Upfront Payment with $150 Million of Potential Milestone Payments",
    )
    assert {(p.money.amount, p.kind) for p in found if p.money} == {
        (Decimal(24_000_000), "upfront"),
        (Decimal(150_000_000), "milestone"),
    }


def test_a_new_clause_after_and_has_its_own_kind() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) entered an alliance with Tenby Pharma Ltd. (Tenby). "
        "Avelor Bio will receive an upfront fee for the first antiviral programme of $3m "
        "(£1.5m) and Tenby will make an equity investment of $5m (£2.5m) in Avelor Bio."
    )
    assert {(p.money.amount, p.kind) for p in found if p.money} == {
        (Decimal(3_000_000), "upfront"),
        (Decimal(5_000_000), "equity"),
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In connection with the option exercise, Tenby Pharma will pay Avelor Bio an "
            "additional $2,000,000.",
            "option_fee earned",
        ),
        (
            "Avelor Bio's shareholders will become eligible to receive up to EUR 500 million in "
            "further contingent payments based on progress in the development of AV-12.",
            "milestone potential",
        ),
        (
            "Avelor Bio may pay future contingent payments of up to C$15 million upon achieving "
            "certain sales thresholds.",
            "milestone potential",
        ),
        (
            "Avelor Bio will receive £6.0 million (US$7.9 million) on entering into the Agreement.",
            "upfront earned",
        ),
        (
            "Avelor Bio has received US$24 million back royalties from Tenby Pharma.",
            "royalty earned",
        ),
    ],
)
def test_kinds_named_by_other_words(sentence: str, expected: str) -> None:
    p = only("Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. " + sentence)
    assert f"{p.kind} {p.status}" == expected


def test_money_due_at_signing_waits_for_government_approval() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) signed a collaboration with Tenby Pharma Ltd. Under "
        "the collaboration, which is subject to government approval, Avelor Bio will receive an "
        "initial payment of $100 million."
    )
    assert (p.kind, p.status) == ("upfront", "potential")


def test_a_cash_outflow_is_not_a_payment() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Net cash outflow before "
        "financing: £9.7 million for the three months."
    )
    assert found == []


def test_an_amount_stated_as_a_conversion_elsewhere_is_the_same_payment() -> None:
    found = payments(
        "Tenby Pharma Ltd. is to provide an upfront payment of ¥1.2 billion (~$10 million) to "
        "Avelor Bio, Inc. (Nasdaq: AVLR) under the licence.",
        headline="Avelor Bio licenses AV-7 in Japan; deal includes $10 million upfront payment",
    )
    assert [(p.money.amount, p.money.currency) for p in found if p.money] == [
        (Decimal(1_200_000_000), "JPY")
    ]


def test_additional_to_an_amount_of_its_own_sentence_restates_an_equal_amount_elsewhere() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) licensed AV-7 to Tenby Pharma Ltd. Avelor Bio to "
        "receive CHF6.5 million upfront and is eligible for additional CHF121 million in future "
        "milestone payments. Under the agreement, Avelor Bio will receive an upfront payment of "
        "CHF6.5 million and could receive up to an additional CHF121 million in milestones."
    )
    assert sorted(p.money.amount for p in found if p.money) == [
        Decimal(6_500_000), Decimal(121_000_000)
    ]  # fmt: skip


def test_us_dollars_written_out() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) will pay Tenby Pharma Ltd. an upfront payment of 24 "
        "million dollars.",
        headline="24 Million US Dollars Upfront Payment with 150 Million Dollars of Total "
        "Potential Milestone Payments",
    )
    assert {(p.money.amount, p.kind) for p in found if p.money} == {
        (Decimal(24_000_000), "upfront"),
        (Decimal(150_000_000), "milestone"),
    }


def test_a_payment_is_for_the_one_compound_the_headline_names() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) has licensed Japanese rights to Tenby Pharma Ltd. Avelor "
        "Bio will receive an upfront payment of $20 million and up to $90 million in milestones.",
        headline="Avelor Bio and Tenby Pharma sign licence for AVL-301 in Japan",
    )
    assert [p.compound for p in found] == ["AVL-301", "AVL-301"]


def test_the_headline_compound_is_not_what_the_price_of_a_company_buys() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that it will acquire Corrin "
        "Therapeutics, Inc. for $300 million. Corrin shareholders may also receive up to $50 "
        "million in milestone payments.",
        headline="Avelor Bio to acquire Corrin Therapeutics and its lead candidate CT-44",
    )
    assert {p.compound for p in found} == {None}


def test_cash_a_company_will_have_is_a_balance_not_a_payment() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) will acquire Corrin Therapeutics, Inc. from Tenby "
        "Pharma Ltd. Avelor Bio will have approximately JPY42 billion in cash post completion."
    )
    assert found == []


def test_a_footnote_mark_after_a_scale_word_keeps_the_scale() -> None:
    from kg.extract.money import find_money

    (m,) = find_money("Purchase price of approximately JPY65 billion2 is fully funded")
    assert (m.amount, m.currency) == (Decimal(65_000_000_000), "JPY")


def test_obligations_a_deal_terminates_are_not_payments() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced an agreement that terminates all of "
        "Avelor Bio's future financial obligations to Tenby Pharma Ltd., including up to $40 "
        "million in potential milestones, in exchange for a one-time payment of $6 million."
    )
    assert p.money.amount == Decimal(6_000_000)  # type: ignore[union-attr]


def test_payments_that_are_paid_when_a_milestone_is_achieved_are_potential() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) licensed AV-7 to Tenby Pharma Ltd. The total contract "
        "is 60 billion won, including an upfront payment of 3 billion won and 57 billion won in "
        "milestone payments that are paid when each milestone is achieved."
    )
    assert {(p.money.amount, p.kind, p.status) for p in found if p.money} >= {
        (Decimal(57_000_000_000), "milestone", "potential"),
    }


def test_the_seller_is_paid_by_whoever_it_sells_to() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Avelor Bio will sell its "
        "royalty interest in AV-9 to Tenby Pharma for $80 million upfront."
    )
    assert reading(p) == ("Tenby Pharma", "Avelor Bio", Decimal(80_000_000), "upfront", "earned")


def test_a_sale_named_as_a_noun_is_paid_by_the_buyer() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Avelor Bio completed the "
        "sale of its rights to AV-9 to Tenby Pharma for $40 million."
    )
    expected = ("Tenby Pharma", "Avelor Bio", Decimal(40_000_000), "acquisition", "earned")
    assert reading(p) == expected


def test_a_sale_in_the_past_tense_is_done_and_one_agreed_is_not() -> None:
    body = "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Avelor Bio {} its rights "
    body += "to AV-9 to Tenby Pharma for $40 million in cash."
    assert only(body.format("sold")).status == "earned"
    assert only(body.format("has agreed to sell")).status == "potential"


def test_the_price_of_a_royalty_interest_is_upfront_not_a_royalty() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Avelor Bio sold its "
        "royalty interest in AV-9 to Tenby Pharma for $40 million."
    )
    assert reading(p) == ("Tenby Pharma", "Avelor Bio", Decimal(40_000_000), "upfront", "earned")


def test_an_investment_in_a_company_is_equity() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Tenby Ventures Inc., the "
        "venture arm of Tenby Pharma, will invest $10 million in Avelor Bio."
    )
    assert reading(p) == ("Tenby Ventures", "Avelor Bio", Decimal(10_000_000), "equity", "earned")


def test_a_regulator_that_triggers_a_milestone_does_not_pay_it() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. The $7 million milestone "
        "payment was triggered by the U.S. Food and Drug Administration (FDA) acceptance of the "
        "NDA for AV-9."
    )
    assert (p.payer, p.payee, p.status) == ("Tenby Pharma", "Avelor Bio", "earned")


@pytest.mark.parametrize(
    ("sentence", "amount", "expected"),
    [
        (
            "Avelor Bio will receive an upfront payment of $25 million, and Tenby Pharma will "
            "also purchase $15 million of Avelor Bio stock at a premium.",
            15_000_000,
            "equity earned",
        ),
        (
            "Avelor Bio received $8 million, consisting of a $5 million upfront payment and $3 "
            "million for the purchase of Avelor Bio shares.",
            3_000_000,
            "equity earned",
        ),
        (
            "Tenby Pharma agreed to pay $20 million upfront, $30 million in near-term milestones "
            "and up to $1.2 billion in total.",
            1_200_000_000,
            "other potential",
        ),
        (
            "Avelor Bio will receive a $3 million payment from Tenby Pharma upon the expiration "
            "of the HSR waiting period.",
            3_000_000,
            "other potential",
        ),
        (
            "Tenby Pharma will fund up to $40 million of research at Avelor Bio over four years.",
            40_000_000,
            "research_funding potential",
        ),
    ],
)
def test_kind_and_status_of_one_amount_among_others(
    sentence: str, amount: int, expected: str
) -> None:
    found = payments("Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. " + sentence)
    (p,) = [p for p in found if p.money and p.money.amount == amount]
    assert f"{p.kind} {p.status}" == expected


def test_revenue_recognised_is_not_a_payment() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Avelor Bio recognized $12 "
        "million of revenue from the Tenby Pharma collaboration in the quarter."
    )
    assert found == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Avelor Bio announced the achievement of a $10 million milestone, which it will receive "
        "in the fourth quarter.",
        "Avelor Bio will receive a $10 million milestone payment, which was triggered by the "
        "dosing of the first patient.",
        "Avelor Bio is now entitled to a $7 million milestone payment from Tenby Pharma.",
        "Avelor Bio is due a $3 million milestone payment from Tenby Pharma following the "
        "approval.",
    ],
)
def test_a_milestone_the_text_says_was_achieved_is_earned(sentence: str) -> None:
    p = only("Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. " + sentence)
    assert (p.kind, p.status) == ("milestone", "earned")


@pytest.mark.parametrize(
    "sentence",
    [
        "Avelor Bio closed its initial public offering, with gross proceeds of $100 million.",
        "Avelor Bio completed a $25 million private placement with institutional investors.",
        "Orbis Ventures LLC led a $40 million Series C financing of Avelor Bio.",
        "Avelor Bio entered into a $30 million loan facility with Hercules Capital, Inc.",
    ],
)
def test_money_raised_from_investors_at_large_is_no_payment_of_the_deal(sentence: str) -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) signed a licence with Tenby Pharma Ltd. " + sentence
    )
    assert found == []


def test_a_partner_buying_shares_in_a_placement_still_pays() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) signed a licence with Tenby Pharma Ltd. Tenby Pharma "
        "purchased $20 million of Avelor Bio shares in a private placement."
    )
    assert reading(p) == ("Tenby Pharma", "Avelor Bio", Decimal(20_000_000), "equity", "earned")


def test_a_payment_is_for_the_one_compound_the_lead_sentence_names() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that it has received a milestone "
        "payment of $10 million from its partner Tenby Pharma Ltd. following the dosing of the "
        "first patient in the Phase 2 study of AVL-301. Avelor Bio remains eligible for up to "
        "$285 million in further milestones.",
        headline="Avelor Bio receives milestone payment",
    )
    assert [p.compound for p in found] == ["AVL-301", "AVL-301"]


def test_a_leading_for_each_target_qualifies_the_sentence_s_amount() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) expanded its alliance with Tenby Pharma Ltd. For each "
        "new target, Avelor Bio is eligible to receive up to $310 million in development, "
        "regulatory and commercial milestones. For the other programs, Avelor Bio is eligible "
        "to receive up to $50 million per program, or up to $400 million in aggregate."
    )
    assert {(p.money.amount, p.qualifier) for p in found if p.money} == {
        (Decimal(310_000_000), "per_target"),
        (Decimal(50_000_000), "per_product"),
        (Decimal(400_000_000), "aggregate"),
    }


def test_a_part_achieved_to_date_is_no_aggregate() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) is entitled to receive milestone payments from Tenby "
        "Pharma Ltd. of up to $276 million, $14 million of which has been achieved to date."
    )
    assert {(p.money.amount, p.qualifier) for p in found if p.money} == {
        (Decimal(276_000_000), None),
        (Decimal(14_000_000), None),
    }


def test_a_company_that_plans_to_complete_the_transfer_has_not_closed() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Under the amendment, a "
        "lump sum payment from Tenby Pharma will become $200 million. Avelor Bio plans to "
        "complete the share transfer to Tenby Pharma on March 28."
    )
    assert p.status == "potential"


def test_a_one_time_payment_after_potential_items_is_owed_now() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. The agreement announced "
        "today ends Avelor Bio's obligations to Tenby Pharma, which included up to $40 million "
        "in potential clinical milestones and a royalty on sales, in exchange for a one-time "
        "payment of $6 million."
    )
    assert {(p.money.amount, p.status) for p in found if p.money} >= {
        (Decimal(6_000_000), "earned")
    }


def test_a_lead_that_says_the_issuer_buys_sends_the_deal_s_money_out() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) announces that it has resolved, at a meeting of its "
        "board, to acquire from Tenby Pharma Ltd. all shares of Tenby Japan. The purchase price "
        "of approximately $50 million is funded from existing cash."
    )
    assert (p.payer, p.payee) == ("Avelor Bio", "Tenby Pharma")


def test_payments_that_are_due_at_a_rate_state_a_rule() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) licensed AV-7 to Tenby Pharma Ltd. In addition, profit "
        "milestone payments are due at a rate of 5% of net profits, leading to total estimated "
        "milestone payments of £80 million provided all milestones are met."
    )
    assert p.status == "potential"


def test_the_subject_that_awards_a_grant_pays_it() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that the National Institutes of Health "
        "(NIH) awarded Avelor Bio a grant of up to $3 million over two years."
    )
    assert (p.payer, p.payee, p.kind) == (
        "National Institutes of Health", "Avelor Bio", "research_funding"
    )  # fmt: skip


def test_the_amount_a_company_retains_is_no_new_payment() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) announced that Tenby Pharma Ltd. will terminate the "
        "licence. All rights revert to Avelor Bio, which will retain the $90 million upfront "
        "payment already received."
    )
    assert found == []


def test_the_next_sentence_about_the_payment_says_its_compound() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that the Company has received a $10 "
        "million milestone payment from Tenby Pharma Ltd. The milestone payment was made in "
        "connection with the completion of two Phase 2 trials with AVL-301.",
        headline="Avelor Bio receives $10 million milestone payment",
    )
    assert [p.compound for p in found] == ["AVL-301"]


def test_a_deal_to_license_a_compound_is_paid_for_it() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced a deal with Tenby Pharma Ltd. Under "
        "the deal, Avelor Bio will in-license velotinib, a JAK inhibitor, from Tenby Pharma. "
        "Avelor Bio will pay Tenby Pharma $60 million upfront for global rights outside China.",
        headline="Avelor Bio bets $60M upfront on a gut-restricted JAK inhibitor",
    )
    assert {(p.money.amount, p.compound) for p in found if p.money} >= {
        (Decimal(60_000_000), "velotinib")
    }


def test_the_lead_is_the_first_sentence_that_names_a_company_not_a_date_line() -> None:
    text = (
        "ASX ANNOUNCEMENT\n\n22 August 2022\n\nAvelor Bio Ltd signs licence agreement with "
        "Tenby Pharma Ltd for AVL-301 in the United States\n\nTenby Pharma will pay Avelor Bio "
        "an upfront payment of A$12 million.\n"
    )
    found = extract(parse_release(text.encode("utf-8"), source="inline")).payments
    assert [p.compound for p in found] == ["AVL-301"]


def test_an_open_ended_sum_called_upfront_is_a_total_not_an_upfront() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced a research alliance with Tenby Pharma "
        "Ltd. under which Avelor could receive in excess of $300 million upfront, in milestones "
        "and in royalties."
    )
    assert p.kind == "other"
    assert p.status == "potential"


def test_rights_a_partner_holds_under_the_deal_say_what_the_deal_pays_for() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that it has signed a contract with "
        "Tenby Pharma Ltd. for Japan. Avelor will receive an upfront payment of $12 million. "
        "Under the contract, Tenby has exclusive rights to research, develop, patent and "
        "commercialize AVL-303 in Japan."
    )
    assert p.compound == "AVL-303"


def test_a_compound_named_as_licensed_by_the_issuer_is_what_the_deal_pays_for() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced a $7 million milestone payment from "
        "its partner Tenby Pharma Ltd. The Halden Medicines Agency has approved the tablet in "
        "Japan. AVL-303 is the code name of the tablet licensed by Avelor to Tenby for Japan."
    )
    assert p.compound == "AVL-303"


def test_the_to_of_a_return_of_rights_is_not_the_payee() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced an amendment to its agreement with "
        "Tenby Pharma Ltd. Under the amendment, a lump sum payment from Tenby Pharma will become "
        "$40 million, given the return of the marketing rights of AV-101 to Corrin Therapeutics "
        "Inc."
    )
    assert (p.payer, p.payee) == ("Tenby Pharma", "Avelor Bio")


def test_a_share_of_the_deal_money_passed_on_is_a_payment_of_unknown_amount() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced a license agreement with Tenby Pharma "
        "Ltd. Avelor will receive an upfront payment of $15 million. Under an existing license, "
        "Avelor is required to pay a percentage of any milestone payments to Corrin Therapeutics "
        "Inc."
    )
    assert {reading(p) for p in found} == {
        ("Tenby Pharma", "Avelor", Decimal(15_000_000), "upfront", "earned"),
        ("Avelor", "Corrin Therapeutics", None, "other", "potential"),
    }


def test_a_share_with_no_one_named_to_receive_it_is_no_payment() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced a license agreement with Tenby Pharma "
        "Ltd. Avelor will receive an upfront payment of $15 million. Avelor will pay a portion "
        "of any milestone payments under its earlier licenses."
    )
    assert [p.money is not None for p in found] == [True]


def test_an_upfront_payment_in_excess_of_a_sum_stays_an_upfront() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced a license agreement with Tenby Pharma "
        "Ltd. The agreement provides for an upfront payment in excess of $30 million to Avelor."
    )
    assert p.kind == "upfront"


def test_a_passive_verb_after_a_long_subject_reports_the_payment_done() -> None:
    # the subject names the payer and the kind before its verb: "… from X was triggered by"
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. The $9 million development "
        "milestone payment from Tenby Pharma was triggered by the start of a Phase 3 study."
    )
    assert reading(p) == ("Tenby Pharma", "Avelor Bio", Decimal(9_000_000), "milestone", "earned")


def test_the_subject_of_a_passive_pay_is_paid_by_its_agent() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Avelor Bio will be paid "
        "$5 million by Tenby Pharma upon signing."
    )
    assert reading(p) == ("Tenby Pharma", "Avelor Bio", Decimal(5_000_000), "upfront", "earned")


def test_money_due_at_signing_is_upfront() -> None:
    p = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Avelor Bio will in-license "
        "TB-4 from Tenby Pharma, paying $4 million at signing and up to $60 million in milestones."
    )[0]
    assert reading(p) == ("Avelor Bio", "Tenby Pharma", Decimal(4_000_000), "upfront", "earned")


def test_money_upon_a_regulators_decision_is_a_milestone() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Tenby Pharma will pay "
        "Avelor Bio $5 million upon FDA approval of AV-9."
    )
    assert reading(p) == (
        "Tenby Pharma",
        "Avelor Bio",
        Decimal(5_000_000),
        "milestone",
        "potential",
    )


def test_money_named_as_the_result_of_an_event_just_reported_is_earned() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that its partner Tenby Pharma Ltd. has "
        "started a Phase 2 trial of TB-4. As a result, Avelor Bio will receive a $5 million "
        "milestone payment. As a result of the agreement, Avelor Bio is eligible for up to "
        "$100 million in further milestones."
    )
    assert [(p.money.amount, p.status) for p in found if p.money] == [
        (Decimal(5_000_000), "earned"),
        (Decimal(100_000_000), "potential"),
    ]


def test_an_event_that_will_trigger_a_payment_makes_a_potential_milestone() -> None:
    body = (
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. The approval of AV-9 {} a "
        "$10 million payment from Tenby Pharma to Avelor Bio."
    )
    assert reading(only(body.format("will trigger")))[3:] == ("milestone", "potential")
    assert reading(only(body.format("triggered")))[3:] == ("milestone", "earned")


def test_each_amount_is_for_the_compound_its_own_phrase_names() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced a license agreement with Tenby Pharma "
        "Ltd. Tenby Pharma will pay $30 million upfront for AV-101 and up to $20 million for "
        "AV-202. It will also pay up to $9 million in milestones for AV-101 and AV-202."
    )
    assert [p.compound for p in found] == ["AV-101", "AV-202", None]


def test_for_each_of_several_programs_is_per_product() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. For each of the three "
        "programs, Tenby Pharma will pay Avelor Bio development milestones of up to $40 million."
    )
    assert (p.kind, p.status, p.qualifier) == ("milestone", "potential", "per_product")


def test_a_payment_an_event_just_done_triggers_is_a_milestone() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that its licensee, Tenby Pharma Ltd., "
        "has dosed the first patient in a Phase 1 trial of AV-9, triggering a $3 million "
        "payment to Avelor Bio."
    )
    assert reading(p) == ("Tenby Pharma", "Avelor Bio", Decimal(3_000_000), "milestone", "earned")


def test_what_a_payment_replaces_is_not_its_kind() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced an amendment to its license agreement "
        "with Tenby Pharma Ltd. Tenby Pharma will make a one-time payment of $7 million to "
        "Avelor Bio in lieu of future sales milestones."
    )
    assert reading(p) == ("Tenby Pharma", "Avelor Bio", Decimal(7_000_000), "other", "earned")


def test_an_amount_a_share_is_taken_of_is_not_the_payment() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Tenby Pharma will fund 60% "
        "of development costs, estimated at $50 million."
    )
    assert [p for p in found if p.money is not None] == []


def test_a_down_payment_is_upfront_and_a_part_that_names_its_kind_keeps_it() -> None:
    down = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Avelor Bio has received "
        "the down payment of KRW 10 billion from Tenby Pharma."
    )
    assert reading(down)[3:] == ("upfront", "earned")
    total, part = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. The total contract amount "
        "is CNY 300 million, of which CNY 50 million is a non-refundable upfront payment by "
        "Tenby Pharma."
    )
    assert (total.kind, part.kind, part.status) == ("other", "upfront", "earned")


def test_two_companies_that_each_put_in_a_sum_pay_neither_each_other_nor_a_new_company() -> None:
    text = (
        "Avelor Bio Announces News\n\n" + DATELINE + "Avelor Bio, Inc. (Nasdaq: AVLR) today "
        "announced that Avelor and Tenby Pharma AG will each contribute $10 million to the "
        "joint venture.\n"
    )
    facts = extract(parse_release(text.encode("utf-8"), source="inline"))
    assert facts.payments == []
    assert "Avelor and Tenby Pharma" not in {o.name for o in facts.organizations}


def test_buying_every_share_of_a_company_is_its_acquisition_and_the_total_restates_the_price() -> (
    None
):
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that it has entered into a definitive "
        "agreement to acquire all outstanding shares of Danish biotech company Tenby Pharma A/S "
        "for a cash purchase price of $4.00 per share, or a total of approximately $61.5 million."
    )
    assert reading(p) == (
        "Avelor Bio",
        "Tenby Pharma",
        Decimal(61_500_000),
        "acquisition",
        "potential",
    )


def test_up_front_in_two_words_and_initial_payments_are_upfront() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Tenby Pharma will get "
        "EUR 2 million up front. Avelor Bio has paid initial payments of $5 million to Tenby "
        "Pharma."
    )
    assert [p.kind for p in found] == ["upfront", "upfront"]


def test_rights_given_to_a_company_for_money_are_paid_for_by_that_company() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that the Company licensed exclusive "
        "commercialization rights in Japan to Tenby Pharma Co., Ltd. in exchange for a "
        "non-refundable upfront payment of $11 million, potential milestone payments totaling "
        "approximately $13 million, and royalties."
    )
    assert [reading(p) for p in found] == [
        ("Tenby Pharma", "Avelor Bio", Decimal(11_000_000), "upfront", "earned"),
        ("Tenby Pharma", "Avelor Bio", Decimal(13_000_000), "milestone", "potential"),
    ]


def test_rights_taken_from_a_company_are_paid_for_by_the_taker() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that it licensed TB-7 from Tenby Pharma "
        "AG for an upfront payment of $4 million, paid upon full execution of the agreement."
    )
    assert reading(p) == ("Avelor Bio", "Tenby Pharma", Decimal(4_000_000), "upfront", "earned")


def test_a_transfer_of_rights_for_a_price_is_no_acquisition() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that it transferred its rights to AV-3 "
        "to Tenby Pharma AG for a payment of $6 million."
    )
    assert reading(p) == ("Tenby Pharma", "Avelor Bio", Decimal(6_000_000), "other", "earned")


def test_the_payer_is_the_partner_a_few_words_describe_after_from() -> None:
    found = payments(
        "Avelor Group today announced that its subsidiary Lindmar S.A. has received a EUR 19 "
        "million milestone payment from Marvexa (solbectedin) ex-Europe partner Tenby Pharma NV. "
        "Lindmar S.A. also received EUR 5 million from its long-standing U.S. partner Orvane Inc.",
        headline="Avelor Group Announces News",
    )
    assert [(p.payer, p.payee) for p in found] == [
        ("Tenby Pharma", "Lindmar"),
        ("Orvane", "Lindmar"),
    ]


def test_a_clause_with_a_subject_of_its_own_after_and_is_not_governed_by_the_verb_before() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Avelor Bio received an "
        "upfront payment of $250,000 and Tenby Pharma has committed to a milestone payment of "
        "$700,000 upon the successful completion of a Phase 2 study."
    )
    assert [(p.kind, p.status) for p in found] == [
        ("upfront", "earned"),
        ("milestone", "potential"),
    ]


def test_a_sum_of_kinds_a_list_of_milestone_kinds_and_a_total_consideration() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced a collaboration with Tenby Pharma Ltd. "
        "Avelor Bio will receive an aggregate of $413 million from Tenby Pharma in upfront "
        "licensing fees and equity investment, and will be eligible for up to an additional "
        "$980 million in development, regulatory, and sales milestones, for a total potential "
        "consideration of up to $1.4 billion."
    )
    assert [(p.kind, p.qualifier) for p in found] == [
        ("other", "aggregate"),
        ("milestone", None),
        ("other", "aggregate"),
    ]


def test_that_it_acquired_all_shares_is_an_acquisition_and_a_contingent_value_right_its_price() -> (
    None
):
    text = (
        "Avelor Bio Announces News\n\n" + DATELINE + "Avelor Bio S.A. (Euronext: AVLR) today "
        "announced that it acquired all outstanding shares of Tenby Pharma Inc. for a purchase "
        "price of $25 per share in cash. Tenby Pharma shareholders may receive a contingent value "
        "right that will pay $4.00 per share upon approval of TB-7, representing a potential "
        "additional $146 million in aggregate contingent consideration.\n"
    )
    facts = extract(parse_release(text.encode("utf-8"), source="inline"))
    assert [(a.acquirer, a.acquired) for a in facts.acquisitions] == [
        ("Avelor Bio", "Tenby Pharma")
    ]
    assert [(p.kind, p.status, p.money.amount) for p in facts.payments] == [
        ("acquisition", "potential", Decimal(146_000_000))
    ]


def test_a_list_after_a_colon_itemises_what_was_received() -> None:
    text = (
        "KESSEL RECEIVES ORVANE MILESTONES TOTALING US$6.5 MILLION\n\n" + DATELINE + "Kessel "
        "Biotechnologies Corporation (TSX: KSB) and its wholly-owned subsidiary, Kessel "
        "Development Corporation, announced the receipt of two milestones from Orvane AG: an "
        "equity investment of approximately US$4,000,000 and a development milestone payment of "
        "approximately US$2,500,000. Kessel will use the funds for its lead product.\n"
    )
    facts = extract(parse_release(text.encode("utf-8"), source="inline"))
    assert len([o for o in facts.organizations if o.name.startswith("Kessel")]) == 2
    assert [(p.payer, p.payee, p.kind, p.status) for p in facts.payments] == [
        ("Orvane", "Kessel Biotechnologies", "equity", "earned"),
        ("Orvane", "Kessel Biotechnologies", "milestone", "earned"),
    ]


def test_payments_contingent_on_the_achievement_of_approvals_are_milestones() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that it has agreed to sell its royalty "
        "interest in TB-7 to Tenby Capital. Avelor Bio will receive an upfront payment of $342 "
        "million and up to $50 million in additional payments contingent on the achievement of "
        "regulatory approvals of TB-7."
    )
    assert [(p.kind, p.status) for p in found] == [
        ("upfront", "earned"),
        ("milestone", "potential"),
    ]


def test_a_regulator_as_a_modifier_pays_nothing_and_a_payment_to_the_partner_sets_the_way() -> None:
    text = (
        "Avelor Bio Announces News\n\n" + DATELINE + "Avelor Bio, Inc. today announced that "
        "Velquira received its initial FDA approval. This approval resulted in a $0.75 million "
        "milestone payment to Tenby Pharma Inc. as required by the license agreement. This FDA "
        "approval also resulted in the obligation to pay a $20 million milestone payment.\n"
    )
    facts = extract(parse_release(text.encode("utf-8"), source="inline"))
    assert "Velquira" not in {o.name for o in facts.organizations}
    assert [(p.payer, p.payee) for p in facts.payments] == [
        ("Avelor Bio", "Tenby Pharma"),
        ("Avelor Bio", "Tenby Pharma"),
    ]


def test_success_based_fees_are_potential() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Tenby Pharma will "
        "additionally pay $22 million in success-based fees per subsequent compound developed."
    )
    assert (p.status, p.qualifier) == ("potential", "per_product")


def test_who_gains_a_license_pays_and_a_company_named_as_an_owner_is_no_party() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) and Tenby Pharma Ltd. said that Tenby Pharma will gain "
        "an exclusive worldwide license to Avelor Bio's treatment candidate for potentially up "
        "to $960 million."
    )
    assert (p.payer, p.payee) == ("Tenby Pharma", "Avelor Bio")


def test_reacquired_rights_are_paid_for_by_who_reacquires_and_a_waiver_is_no_payment() -> None:
    p = only(
        "Avelor Bio, Inc. said it would reacquire all development and commercial rights to the "
        "programs from Tenby Pharma SAS for $1.25 million in cash, plus the waiver of earned but "
        "as-yet unpaid milestones totaling $18.75 million."
    )
    assert (p.payer, p.payee, p.money.amount) == ("Avelor Bio", "Tenby Pharma", Decimal(1_250_000))


def test_kinds_named_together_before_one_amount_are_a_bundle() -> None:
    p = only(
        "Avelor Bio AG today announced a licensing partnership with Tenby Asia Pte. Ltd. Tenby "
        "Asia will pay Avelor Bio up-front and milestone payments of up to $101.2 million."
    )
    assert (p.payer, p.kind) == ("Tenby Asia", "other")


def test_a_total_that_lists_its_kinds_is_one_other_payment_kept_beside_its_parts() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Avelor Bio will be "
        "eligible to receive up to USD 1.13 billion, including USD 400 million upfront on closing "
        "of the agreement, and up to USD 730 million in additional potential payments relating to "
        "regulatory, development and commercial sales milestones, as well as royalties."
    )
    assert [(p.kind, p.status, p.money.amount) for p in found] == [
        ("other", "potential", Decimal(1_130_000_000)),
        ("upfront", "potential", Decimal(400_000_000)),  # owed only on closing
        ("milestone", "potential", Decimal(730_000_000)),
    ]


def test_money_from_several_kinds_of_payment_is_of_no_one_kind() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Since licensing AV-1, "
        "Avelor Bio will have received over $55 million from milestones, fees, royalties and this "
        "sale of rights to future royalties."
    )
    assert (p.kind, p.status) == ("other", "earned")


def test_an_upfront_the_acquirer_pays_is_the_price_earned_once_the_deal_closed() -> None:
    agreed = only(
        "Avelor Bio A/S and Tenby Therapeutics BV today announced signing of a definitive "
        "agreement in which Avelor Bio will acquire Tenby Therapeutics. Under terms of the "
        "agreement, Avelor Bio will pay EUR 100 million upfront."
    )
    closed = payments(
        "Avelor Bio Inc. announced the acquisition of Boston-based privately held clinical-stage "
        "biotechnology company Tenby Therapeutics, Inc. The total transaction is valued at $665 "
        "million, including $120 million paid upon closing of the acquisition and potential "
        "milestone payments."
    )
    assert (agreed.kind, agreed.status) == ("acquisition", "potential")
    assert [(p.kind, p.status, p.money.amount) for p in closed] == [
        ("other", "potential", Decimal(665_000_000)),
        ("acquisition", "earned", Decimal(120_000_000)),
    ]


def test_pounds_in_words_and_a_bundle_after_for_are_read() -> None:
    found = payments(
        "Avelor Bio plc (LSE: AVLR) works with Tenby Pharma AG. Avelor Bio said it will pay up "
        "to 48 million pounds ($62.6 million) for the license. Tenby Pharma will receive up to "
        "34.8 billion won from Avelor Bio soon for upfront fees and near-term milestones."
    )
    assert [(p.money.currency, p.money.amount, p.kind) for p in found] == [
        ("GBP", Decimal(48_000_000), "other"),
        ("KRW", Decimal(34_800_000_000), "other"),
    ]


def test_an_option_exercised_to_acquire_the_rest_of_a_company_is_its_acquisition() -> None:
    text = (
        "Avelor Bio Announces News\n\n" + DATELINE + "Avelor Bio said it had exercised its option "
        "to acquire all remaining shares in Tenby Biosciences. Upon closing the acquisition, "
        "Avelor Bio would pay Tenby Biosciences the agreed option exercise price of approximately "
        "$150m, with the potential for additional payments of up to $350m upon achievement of "
        "regulatory and commercial milestones.\n"
    )
    facts = extract(parse_release(text.encode("utf-8"), source="inline"))
    assert [(a.acquirer, a.acquired) for a in facts.acquisitions] == [
        ("Avelor Bio", "Tenby Biosciences")
    ]
    assert [(p.kind, p.status) for p in facts.payments] == [
        ("acquisition", "potential"),
        ("milestone", "potential"),
    ]


def test_who_markets_a_drug_pays_nothing_and_money_from_a_sale_has_no_partner_as_payer() -> None:
    found = payments(
        "Avelor University today announced that it has sold a portion of its royalty interest to "
        "Tenby Capital LLC. Avelor University will receive $650 million in cash plus additional "
        "payments should the drug, marketed by Orvane Pharma Inc., exceed certain sales. The "
        "$4 million received from Tenby Capital, coupled with $1.7 million that Avelor University "
        "received from the sale of tax losses to the State of Kessel, funds its research.",
        headline="Avelor University Announces News",
    )
    assert [(p.payer, p.payee, p.money.amount) for p in found] == [
        ("Tenby Capital", "Avelor University", Decimal(650_000_000)),
        ("Tenby Capital", "Avelor University", Decimal(4_000_000)),
        (None, "Avelor University", Decimal(1_700_000)),
    ]


def test_equal_amounts_in_one_sentence_are_two_payments_and_no_sum_of_two_milestones() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced a financing agreement with Tenby "
        "Royalty Partners. Avelor Bio will receive $25 million from Tenby Royalty Partners on "
        "April 14, 2020 and is entitled to receive an additional $25 million upon the U.S. Food "
        "and Drug Administration (FDA) approval of AV-1 and an additional $15 million upon the "
        "availability of commercial drug supply. Avelor Bio is also entitled to receive an "
        "additional $10 million subject to the achievement of a commercial milestone."
    )
    assert [(p.kind, p.status, p.money.amount) for p in found] == [
        ("other", "earned", Decimal(25_000_000)),
        ("milestone", "potential", Decimal(25_000_000)),
        ("milestone", "potential", Decimal(15_000_000)),
        ("milestone", "potential", Decimal(10_000_000)),
    ]


def test_royalties_on_net_sales_in_an_earlier_item_do_not_make_the_next_amount_a_figure() -> None:
    found = payments(
        "Avelor Bio Ltd (ASX: AVL) works with Tenby Pharma plc. Avelor Bio is eligible to receive "
        "development, launch and sales milestones of up to US$124 million, plus tiered royalties "
        "on net sales for this initial product, and US$93.3 million for each subsequent qualifying "
        "product."
    )
    assert [(p.money.amount, p.kind, p.qualifier) for p in found] == [
        (Decimal(124_000_000), "milestone", None),
        (Decimal(93_300_000), "milestone", "per_product"),  # the same kind, for each product
    ]


def test_a_figure_the_phrase_passes_is_not_the_one_that_governs_the_amount() -> None:
    sold = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) announced today that it has sold a portion of its future "
        "royalty stream on North American sales of Veltrax to Tenby Royalty LLC for $24.1 million."
    )
    assert (sold.payer, sold.money.amount) == ("Tenby Royalty", Decimal(24_100_000))
    assert (
        payments(
            "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Avelor Bio's cash "
            "position is now more than EUR 200 m."
        )
        == []
    )


def test_a_payee_with_its_ticker_and_a_payment_for_obtaining_a_license() -> None:
    p = only(
        "Avelor Bio PLC (AVL.LN) has exercised an option to obtain a global license. Avelor Bio "
        "said that it will pay up to 48 million pounds ($62.60 million) to Tenby Cell (TNBC) for "
        "obtaining a license for its therapy."
    )
    assert (p.payer, p.payee, p.kind, p.status) == (
        "Avelor Bio",
        "Tenby Cell",
        "license_fee",
        "potential",
    )


def test_money_obtained_by_a_company_is_its_own_and_a_contract_fee_is_upfront() -> None:
    found = payments(
        "Avelor Bio Corporation works with Tenby Biotech. The contract fee and milestones obtained "
        "by Avelor Bio through the transfer of AV-7 technology include a contract fee of $50 "
        "million in November 2018 and $60 million for the commercialization milestone."
    )
    assert [(p.payer, p.payee, p.kind, p.status) for p in found] == [
        ("Tenby Biotech", "Avelor Bio", "upfront", "earned"),
        ("Tenby Biotech", "Avelor Bio", "milestone", "earned"),
    ]


def test_the_former_stockholders_of_a_company_are_paid_for_it_and_parts_follow_the_whole() -> None:
    found = payments(
        "Avelor Bio, Inc. today announced that it has received clearance to begin clinical trials "
        "with AV-17. The clearance of its IND triggers a $5.2 million milestone payment to the "
        "former stockholders of Tenby Pharmaceuticals, Inc. The milestone payment will consist of "
        "$2.8 million in cash payments and the issuance of approximately $2.4 million in equity, "
        "representing approximately 1.5 million shares of Avelor Bio common stock."
    )
    assert [(p.payer, p.payee, p.kind, p.status) for p in found] == [
        ("Avelor Bio", "Tenby Pharmaceuticals", "milestone", "earned"),
    ] * 3


def test_an_amount_net_of_cash_restates_the_price() -> None:
    p = only(
        "Avelor Bio, Inc. and Tenby Bio today announced that Avelor Bio will acquire Tenby Bio for "
        "$53 per share in cash, which represents an equity value of approximately $3.05 billion, "
        "or approximately $2.67 billion net of Tenby Bio's cash and cash equivalents."
    )
    assert (p.kind, p.money.amount) == ("acquisition", Decimal(3_050_000_000))


def test_buying_every_share_of_a_described_company_acquires_it_and_a_deal_worth_is_its_price() -> (
    None
):
    text = (
        "Avelor Bio Announces News\n\n"
        + DATELINE
        + "Avelor Bio will acquire a US cancer drugmaker "
        "in a deal worth more than five billion dollars. Avelor Bio will buy all of the "
        "outstanding shares in Massachusetts-based Tenby Pharmaceuticals for US$24.00 (RM107.45) "
        "per share, in a cash deal worth US$5.2 billion. Avelor Bio made a 2011 acquisition of "
        "major Swiss rival Orvane for €9.6 billion (then $13.6 billion).\n"
    )
    facts = extract(parse_release(text.encode("utf-8"), source="inline"))
    assert ("Avelor Bio", "Tenby Pharmaceuticals") in [
        (a.acquirer, a.acquired) for a in facts.acquisitions
    ]
    paid = {(p.payee, p.money.currency, p.money.amount, p.kind) for p in facts.payments}
    assert ("Tenby Pharmaceuticals", "USD", Decimal(5_200_000_000), "acquisition") in paid
    assert ("Orvane", "EUR", Decimal(9_600_000_000), "acquisition") in paid
    assert not any(p.money.amount == Decimal(13_600_000_000) for p in facts.payments)


def test_it_refers_to_the_company_that_announces_not_to_an_exchange_in_its_listing() -> None:
    p = only(
        "Avelor Bio Inc. (“Avelor” or the “Company”) (NASDAQ/TSX:AVLR), a clinical stage company, "
        "today announced that it has agreed to sell 2,297,794 of its common shares at a price of "
        "$10.88 per share to Tenby Pharma Inc. (NYSE: TNB), for gross proceeds of $25.0 million. "
        "Avelor is also listed on the Toronto Stock Exchange (TSX)."
    )
    assert (p.payer, p.payee, p.kind) == ("Tenby Pharma", "Avelor", "equity")


def test_an_acquisition_of_a_number_of_shares_is_an_equity_purchase() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Under the stock purchase "
        "agreement, Avelor Bio has received $50 million from Tenby Pharma's acquisition of "
        "2,491,988 shares at a price per share of $20.06."
    )
    assert reading(p) == ("Tenby Pharma", "Avelor Bio", Decimal(50_000_000), "equity", "earned")


def test_a_payment_no_party_is_named_for_is_left_out_so_the_release_still_goes_in() -> None:
    found = payments(
        "The company is paying 5 million Swiss francs ($6.3 million) upfront for a preclinical "
        "program, which the two companies will work on together.",
        headline="Deal News",
    )
    assert all(p.payer or p.payee for p in found)


def test_an_exercise_payment_funding_of_development_costs_and_an_option_to_increase() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. Tenby Pharma will pay to "
        "Avelor Bio a one-time, non-refundable exercise payment of US$35 million. Tenby Pharma "
        "will provide Avelor Bio up to $100 million to fund ongoing development costs for AV-3, "
        "and the companies have a mutual option to increase the total funding amount to $125 "
        "million."
    )
    assert [(p.kind, p.status, p.money.amount) for p in found] == [
        ("option_fee", "earned", Decimal(35_000_000)),
        ("research_funding", "potential", Decimal(100_000_000)),
        ("research_funding", "potential", Decimal(125_000_000)),
    ]


def test_a_company_bought_after_what_it_specialises_in_is_the_one_acquired() -> None:
    text = (
        "Avelor Bio Announces News\n\n" + DATELINE + "Avelor Bio has agreed to acquire Swiss-based "
        "antibody-drug-conjugate (ADC) specialist Tenby Biotech for up to $1.14bn. Avelor Bio will "
        "pay $400 million upfront.\n"
    )
    facts = extract(parse_release(text.encode("utf-8"), source="inline"))
    assert [(a.acquirer, a.acquired) for a in facts.acquisitions] == [
        ("Avelor Bio", "Tenby Biotech")
    ]


def test_a_headline_that_rounds_the_bodys_amount_states_the_same_payment() -> None:
    found = payments(
        "Avelor Bio (Amex: AVL) announced today that it has sold a portion of its royalty stream "
        "on North American sales of Veltrax to Tenby Royalty LLC for $24.1 million.",
        headline="Avelor Bio to Receive $24 Million for Rights to Veltrax Royalty Stream",
    )
    assert [p.money.amount for p in found] == [Decimal(24_100_000)]


def test_a_payment_an_options_exercise_triggers_is_an_option_fee() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that Tenby Pharma Ltd. has exercised its "
        "option under the 2016 Option Agreement. The exercise triggers a payment of US $2.0 "
        "million to Avelor Bio."
    )
    assert (p.payer, p.payee, p.kind) == ("Tenby Pharma", "Avelor Bio", "option_fee")


def test_an_event_done_entitles_a_payment_earned_but_potential_totals_stay_potential() -> None:
    earned = only(
        "Avelor Bio, Inc. today announced the following. The execution of the trial entitles "
        "Avelor Bio to receive a $6m milestone payment from Tenby Pharma, its partner in a "
        "worldwide strategic alliance."
    )
    potential = only(
        "Avelor Bio, Inc. works with Tenby Pharma Ltd. Execution of the license agreement "
        "entitles Avelor Bio to receive milestone payments from Tenby Pharma potentially totaling "
        "$200.5 million."
    )
    assert (earned.status, potential.status) == ("earned", "potential")


def test_an_acronym_a_deal_is_made_with_is_a_company() -> None:
    p = only(
        "Avelor Bio (a holding subsidiary of Avelor Group Co., Ltd) announced today that it has "
        "entered into an exclusive license agreement with MSD (the tradename of Tenby & Co., "
        "Inc.). Avelor Bio and MSD will also collaborate. In return, Avelor Bio will receive an "
        "upfront payment of $35 million."
    )
    assert (p.payer, p.payee) == ("MSD", "Avelor Bio")


def test_an_option_fee_for_each_target_yet_to_be_chosen_is_potential() -> None:
    p = only(
        "Avelor Bio plc (Nasdaq: AVLR) works with Tenby Pharma AB. Under the agreement, Tenby "
        "Pharma will pay Avelor Bio an option fee of $10 million for each selected target at the "
        "point of candidate nomination."
    )
    assert (p.kind, p.status, p.qualifier) == ("option_fee", "potential", "per_target")


def test_a_right_but_not_the_obligation_to_acquire_is_an_option_bought() -> None:
    found = payments(
        "Avelor Bio has obtained an exclusive option to buy Tenby Pharma, a privately owned "
        "company. Under the terms of the option and merger agreement, Avelor Bio will pay Tenby "
        "Pharma US$1m for the exclusive right, but not the obligation, to acquire all of the "
        "outstanding shares of Tenby Pharma for US$8.75m."
    )
    first = found[0]
    assert (first.payer, first.payee, first.kind) == (
        "Avelor Bio",
        "Tenby Pharma",
        "option_fee",
    )


def test_who_awards_pays_and_who_is_awarded_receives() -> None:
    awards = only(
        "The Lund Health Authority (LHA) awarded a $51 million contract to Avelor Bio, Inc. for "
        "the development of a new vaccine.",
        headline="LHA awards $51 million contract for a new vaccine",
    )
    awarded = only(
        "Avelor Bio, Inc. today announces that it has been awarded an additional $12 million "
        "under its contract with the Lund Health Authority.",
        headline="Avelor Bio Awarded Additional $12 Million by Lund Health Authority",
    )
    assert (awards.payer, awards.payee) == ("LHA", "Avelor Bio")  # the name the text uses
    assert (awarded.payer, awarded.payee) == ("Lund Health Authority", "Avelor Bio")


def test_a_sum_restated_in_another_currency_after_or_is_a_conversion() -> None:
    found = payments(
        "Tenby Pharma GmbH paid Avelor Bio, Inc. an upfront payment of €12.5 million or $14 "
        "million for the rights to AV-101."
    )
    assert [(p.money.amount, p.money.currency) for p in found if p.money] == [
        (Decimal(12_500_000), "EUR")
    ]


def test_a_contract_worth_an_amount_is_what_the_deal_may_bring() -> None:
    found = payments(
        "Avelor Bio announced on the 2nd that it has signed a technology transfer contract worth "
        "32 million dollars (about 43 billion won) with Tenby Pharma Ltd. He will receive $ 15 "
        "million as a down payment."
    )
    assert {reading(p) for p in found} == {
        ("Tenby Pharma", "Avelor Bio", Decimal(32_000_000), "other", "potential"),
        ("Tenby Pharma", "Avelor Bio", Decimal(15_000_000), "upfront", "earned"),
    }


def test_the_consideration_of_a_completed_acquisition_is_read_part_by_part() -> None:
    found = payments(
        "Avelor Bio, Inc. (NYSE: AVLR), a specialty eye care company, today announced the "
        "completion of its acquisition of Tenby Pharma Oy, a private clinical-stage company. "
        "The consideration comprises a $40 million upfront payment, the assumption of about $6 "
        "million of Tenby Pharma's debt and sales milestones of up to $300 million, which "
        "together could amount to total consideration of $346 million."
    )
    assert {(*reading(p), p.qualifier) for p in found} == {
        ("Avelor Bio", "Tenby Pharma", Decimal(40_000_000), "acquisition", "earned", None),
        ("Avelor Bio", None, Decimal(6_000_000), "other", "earned", None),  # to its lenders
        ("Avelor Bio", "Tenby Pharma", Decimal(300_000_000), "milestone", "potential", None),
        ("Avelor Bio", "Tenby Pharma", Decimal(346_000_000), "other", "potential", "aggregate"),
    }


def test_a_currency_code_may_carry_its_scale_and_dollars_their_country() -> None:
    found = payments(
        "The approval entitles Avelor Bio AB to a milestone payment of MEUR 25 from Tenby Pharma "
        "Ltd. Tenby Pharma may pay up to $A40 million more in sales milestones."
    )
    assert {(p.money.amount, p.money.currency) for p in found if p.money} == {
        (Decimal(25_000_000), "EUR"),
        (Decimal(40_000_000), "AUD"),
    }


@pytest.mark.parametrize(
    ("words", "currency"),
    [("2.40 billion rupees", "INR"), ("2.40 billion zlotys", "PLN"), ("PLN 2.40 billion", "PLN")],
)
def test_rupees_and_zlotys_are_currencies_and_a_dollar_figure_after_them_a_conversion(
    words: str, currency: str
) -> None:
    found = payments(
        f"Tenby Pharma Ltd. will pay Avelor Bio AB upfront and milestone payments totaling up to "
        f"{words} ($33.9 million), plus royalties."
    )
    assert [(p.money.amount, p.money.currency) for p in found if p.money] == [
        (Decimal(2_400_000_000), currency)
    ]


def test_a_scaled_currency_code_may_follow_its_number() -> None:
    found = payments(
        "Tenby Pharma Ltd. has informed Avelor Bio AB that a milestone has been achieved. This "
        "means that Avelor Bio receives a payment of 6 MUSD from Tenby Pharma."
    )
    assert [(p.money.amount, p.money.currency) for p in found if p.money] == [
        (Decimal(6_000_000), "USD")
    ]


@pytest.mark.parametrize(
    "headline",
    [
        "Avelor Bio Closed an Out-License Deal of $492M USD with Tenby Pharma",
        "Avelor Bio to out-license AV-101 to Tenby Pharma for $492M",
    ],
)
def test_an_out_licence_in_a_headline_restates_the_bodys_milestones(headline: str) -> None:
    found = payments(
        "Avelor Bio, Inc. and Tenby Pharma S.A. announced today that they have entered into an "
        "exclusive licensing agreement for AV-101. Avelor Bio will receive a $15 million upfront "
        "payment, and up to $492 million in development and commercial milestone payments.",
        headline=headline,
    )
    assert {(p.money.amount, p.kind) for p in found if p.money} == {
        (Decimal(15_000_000), "upfront"),
        (Decimal(492_000_000), "milestone"),
    }


def test_a_licence_in_effect_its_worth_and_an_upfront_the_licensor_is_entitled_to() -> None:
    found = payments(
        "Avelor Bio said its licensing deal with pharma giant Tenby is in effect. The deal is "
        "worth up to $90 million for Avelor Bio. Under the agreement, Avelor Bio is entitled to "
        "an upfront payment of $4 million, along with potential future milestone payments of up "
        "to $86 million."
    )
    assert {reading(p) for p in found} == {
        ("Tenby", "Avelor Bio", Decimal(90_000_000), "other", "potential"),
        ("Tenby", "Avelor Bio", Decimal(4_000_000), "upfront", "earned"),
        ("Tenby", "Avelor Bio", Decimal(86_000_000), "milestone", "potential"),
    }


@pytest.mark.parametrize(
    ("body", "kinds"),
    [
        (
            "Tenby Pharma will make upfront and near-term milestone payments to Avelor Bio in "
            "the amount of $57.5 million.",
            {(Decimal(57_500_000), "other")},
        ),
        (  # royalties are the deal's, with no cap: the amount is the milestones'
            "Tenby Pharma will pay Avelor Bio as much as $300 million in milestones and "
            "royalties if a product is successfully launched.",
            {(Decimal(300_000_000), "milestone")},
        ),
        (
            "Tenby Pharma will pay Avelor Bio $5 million upfront and milestones of up to $50 "
            "million.",
            {(Decimal(5_000_000), "upfront"), (Decimal(50_000_000), "milestone")},
        ),
    ],
)
def test_one_figure_for_two_kinds_is_a_bundle_but_two_figures_are_two_items(
    body: str, kinds: set[tuple[Decimal, str]]
) -> None:
    assert {(p.money.amount, p.kind) for p in payments(body) if p.money} == kinds


def test_in_reported_speech_an_upfront_that_would_be_received_is_owed() -> None:
    found = payments(
        "Avelor Bio said it had entered into an exclusive licence agreement with Tenby Pharma "
        "Ltd. Avelor Bio would receive an upfront payment of £200,000 and was eligible to receive "
        "£900,000 in sales milestones."
    )
    assert {(p.money.amount, p.kind, p.status) for p in found if p.money} == {
        (Decimal(200_000), "upfront", "earned"),
        (Decimal(900_000), "milestone", "potential"),
    }


def test_payments_and_a_deal_may_be_worth_an_amount_but_a_company_is_valued() -> None:
    found = payments(
        "Avelor Bio announced an agreement with Tenby Pharma Ltd. to develop AV-101. The deal "
        "could be worth $1.1 billion or more. Avelor Bio will make a $300 million up-front "
        "payment to Tenby Pharma and future payments worth up to $800 million more, based on "
        "meeting certain milestones. Tenby Pharma, a company worth $9 billion, will lead."
    )
    assert {reading(p) for p in found} == {
        ("Avelor Bio", "Tenby Pharma", Decimal(1_100_000_000), "other", "potential"),
        ("Avelor Bio", "Tenby Pharma", Decimal(300_000_000), "upfront", "earned"),
        ("Avelor Bio", "Tenby Pharma", Decimal(800_000_000), "milestone", "potential"),
    }


def test_a_deal_value_restated_rounded_is_one_payment_at_its_precise_amount() -> None:
    found = payments(
        "Avelor Bio has licensed out its candidate to Tenby Pharma in a deal worth up to 1.2 "
        "trillion won. Avelor Bio has licensed out AV-301 to Tenby Pharma, in a deal worth up to "
        "1.27 trillion won. The total contract value is 1.272 trillion won (about US$1.06 "
        "billion). Avelor Bio will receive a down payment of 90 billion won."
    )
    assert {(p.money.amount, p.kind) for p in found if p.money} == {
        (Decimal(1_272_000_000_000), "other"),
        (Decimal(90_000_000_000), "upfront"),
    }


def test_a_currency_code_may_follow_the_amount() -> None:
    found = payments(
        "Tenby Pharma Co., Ltd. will pay Avelor Bio an upfront of 10 billion KRW immediately, and "
        "up to 300 million RMB in milestones."
    )
    assert {(p.money.amount, p.money.currency) for p in found if p.money} == {
        (Decimal(10_000_000_000), "KRW"),
        (Decimal(300_000_000), "CNY"),
    }


def test_what_a_deal_could_be_worth_in_payments_is_a_payment() -> None:
    found = payments(
        "In a landmark deal Tenby Pharma GmbH will pay €20 million upfront to Avelor Bio but "
        "could potentially be worth up to $A500 million in milestone payments."
    )
    assert {(p.money.amount, p.money.currency, p.status) for p in found if p.money} == {
        (Decimal(20_000_000), "EUR", "earned"),
        (Decimal(500_000_000), "AUD", "potential"),
    }


def test_two_payers_a_milestone_achieved_and_a_bundle_received_in_part() -> None:
    found = payments(
        "Nordwind Foods and its subsidiary Tenby Pharmaceutical have begun the Phase III trial "
        "of AV-101. As per the licence agreement, Avelor Bio will receive a non-refundable "
        "milestone payment of $4m from Nordwind Foods and Tenby Pharmaceutical for the "
        "achievement of the milestone within 30 days. They will also pay Avelor Bio up to $90m "
        "as up-front license fees and payments upon the completion of specified milestones, of "
        "which $21m has been already received by Avelor Bio."
    )
    assert {reading(p) for p in found} == {
        ("Nordwind Foods", "Avelor Bio", Decimal(4_000_000), "milestone", "earned"),
        ("Nordwind Foods", "Avelor Bio", Decimal(90_000_000), "other", "potential"),
        ("Nordwind Foods", "Avelor Bio", Decimal(21_000_000), "other", "earned"),
    }


def test_a_headline_awarded_from_is_passive_and_an_agency_may_be_named_in_apposition() -> None:
    grant = only(
        "Avelor Bio, a biopharmaceutical company, announced today that it has been awarded a "
        "$4.9 million grant from The Kessel Foundation for Parkinson's Research (KFPR).",
        headline="Avelor Bio awarded $4.9M grant from The Kessel Foundation for Parkinson's "
        "research",
    )
    assert (grant.payer, grant.payee) == (
        "Kessel Foundation for Parkinson's Research",
        "Avelor Bio",
    )
    award = only(
        "Avelor Bio plc has announced that it has been awarded a £3 million grant by the "
        "Swedish innovation agency, Innovate Lund, to support viral vector production."
    )
    assert (award.payer, award.payee) == ("Innovate Lund", "Avelor Bio")


def test_obligations_assumed_and_an_amount_in_potential_milestones() -> None:
    found = payments(
        "Avelor Bio announces that it has sold its royalty interest in AV-101 to Tenby Royalty "
        'Trust ("Tenby Royalty"). The transaction is valued at up to $30 million, which '
        "consists of $10 million paid upfront in cash, $8 million in potential sales-based "
        "milestone payments and Tenby Royalty's assumption of $12 million of potential future "
        "milestone payment obligations."
    )
    assert {reading(p) for p in found} >= {
        ("Tenby Royalty", "Avelor Bio", Decimal(8_000_000), "milestone", "potential"),
        ("Tenby Royalty", None, Decimal(12_000_000), "milestone", "potential"),
    }


@pytest.mark.parametrize(
    ("body", "kind", "status"),
    [
        (
            "Avelor Bio has received a $5 million payment from Tenby Pharma, triggered by the "
            "dosing of the first patient in a Phase 2 trial.",
            "milestone",
            "earned",
        ),
        (
            "Avelor Bio received $3 million from Tenby Pharma for the submission of an IND for "
            "AV-1.",
            "milestone",
            "earned",
        ),
        (
            "Tenby Pharma paid Avelor Bio $10 million for the acquisition of its rights.",
            "acquisition",
            "earned",
        ),
    ],
)
def test_a_payment_for_an_event_is_a_milestone_and_a_price_paid_is_earned(
    body: str, kind: str, status: str
) -> None:
    p = only(body)
    assert (p.kind, p.status) == (kind, status)


def test_more_after_an_upfront_a_collaborations_worth_and_costs_reimbursed() -> None:
    more = payments(
        "Avelor Bio will receive $20 million upfront from Tenby Pharma, with the potential to "
        "receive an additional $480 million."
    )
    assert {(p.money.amount, p.kind) for p in more if p.money} == {
        (Decimal(20_000_000), "upfront"),
        (Decimal(480_000_000), "other"),
    }
    worth = only(
        "The collaboration could be worth more than $1 billion to Avelor Bio, Tenby Pharma said."
    )
    assert reading(worth) == (
        "Tenby Pharma", "Avelor Bio", Decimal(1_000_000_000), "other", "potential"
    )  # fmt: skip
    costs = only(
        "Tenby Pharma will reimburse Avelor Bio for development costs of up to $30 million."
    )
    assert reading(costs) == (
        "Tenby Pharma", "Avelor Bio", Decimal(30_000_000), "research_funding", "potential"
    )  # fmt: skip


def test_the_amount_a_partner_has_paid_is_a_payment_on_first_mention() -> None:
    p = only(
        "Avelor Bio announced that its partner, Tenby Pharma, has paid the $3 million milestone."
    )
    assert reading(p) == ("Tenby Pharma", "Avelor Bio", Decimal(3_000_000), "milestone", "earned")


def test_whom_a_licence_is_granted_pays_and_a_milestone_achieved_results_in_a_payment() -> None:
    granted = payments(
        "Avelor Bio will grant Tenby Pharma an exclusive license in exchange for $25 million in "
        "cash and $10 million of Tenby Pharma common stock."
    )
    assert {(p.payer, p.payee, p.money.amount) for p in granted if p.money} == {
        ("Tenby Pharma", "Avelor Bio", Decimal(25_000_000)),
        ("Tenby Pharma", "Avelor Bio", Decimal(10_000_000)),
    }
    achieved = only(
        "Avelor Bio has achieved the second development milestone under its agreement with "
        "Tenby Pharma, resulting in a payment of $6 million."
    )
    assert (achieved.kind, achieved.status) == ("milestone", "earned")


def test_a_short_form_of_initials_and_a_cut_word_and_the_noun_an_amount_is_of() -> None:
    found = payments(
        "Kessel Orvane Lund Pharmaceutical (KOL Pharm), a Swedish drugmaker, said it has signed "
        "a deal with Tenby Pharma AG to license out KOL-510. KOL Pharm will receive a "
        "non-refundable upfront payment of $80 million, milestone payments of up to $1.2 "
        "billion for future development milestones, and sales royalties."
    )
    assert {reading(p) for p in found} == {
        ("Tenby Pharma", "KOL Pharm", Decimal(80_000_000), "upfront", "earned"),
        ("Tenby Pharma", "KOL Pharm", Decimal(1_200_000_000), "milestone", "potential"),
    }  # the short form the text uses: one company under either name


def test_initials_with_an_ampersand_a_with_clause_subject_and_an_agreement_worth() -> None:
    found = payments(
        "Lund & Kessel has signed an agreement with Tenby worth $135million to the biotechnology "
        "firm. There is also an option to extend the link-up, with L&K providing additional "
        "funding of $20 million."
    )
    assert {(p.payer, p.payee, p.money.amount) for p in found if p.money} == {
        ("Lund & Kessel", "Tenby", Decimal(135_000_000)),
        ("Lund & Kessel", "Tenby", Decimal(20_000_000)),
    }


def test_a_company_said_it_would_buy_pays_the_holders_of_the_company_it_buys() -> None:
    found = payments(
        "Drugmaker Kessel Lindqvist and Co said on Monday it would buy Tenby Pharma Inc to get "
        "access to its cancer treatment. Tenby Pharma shareholders will get an upfront payment "
        "of $110 million and will be eligible to receive up to $465 million in milestones."
    )
    assert {reading(p) for p in found} == {
        ("Kessel Lindqvist", "Tenby Pharma", Decimal(110_000_000), "acquisition", "potential"),
        ("Kessel Lindqvist", "Tenby Pharma", Decimal(465_000_000), "milestone", "potential"),
    }


def test_a_partner_named_a_leader_and_sums_on_receiving_approval_or_outcomes() -> None:
    found = payments(
        "This morning Avelor Bio announced that it has entered into a strategic partnership with "
        "global pain management leader Tenbyhal to develop AV-06. These payments include "
        "commitments up to US$45 million within the first year comprising US$15 million on "
        "signing, US$20 million on receiving regulatory approval to begin a Phase III trial, and "
        "US$10 million on certain clinical and manufacturing outcomes."
    )
    assert {(p.payer, p.money.amount, p.kind) for p in found if p.money} >= {
        ("Tenbyhal", Decimal(15_000_000), "upfront"),
        ("Tenbyhal", Decimal(20_000_000), "milestone"),
        ("Tenbyhal", Decimal(10_000_000), "milestone"),
    }


def test_an_acronym_of_capitals_an_event_happening_now_and_with_x_eligible() -> None:
    found = payments(
        "Sydney biotech company Avelor says it will receive a $7.4 million milestone payment "
        "from KesselOrvaneTenby as the global pharma giant begins a new clinical trial. KOT "
        "licensed the drug from Avelor in 2010, with Avelor eligible for up to $118 million in "
        "milestone payments as well as royalties.",
        headline="Avelor to receive $7.4m from KOT",
    )
    assert {reading(p) for p in found} == {
        ("KesselOrvaneTenby", "Avelor", Decimal(7_400_000), "milestone", "earned"),
        ("KesselOrvaneTenby", "Avelor", Decimal(118_000_000), "milestone", "potential"),
    }


def test_two_companies_the_text_joins_with_and_are_never_one() -> None:
    found = payments(
        "Kessel Pharma Advanced Research Company (KPARC) has licensed out Xelvo, an eye drop, to "
        "a subsidiary of Kessel Pharma for the US market. In addition to up-front payment of USD "
        "3 million, KPARC will receive certain other milestone payments, both totaling to USD 16 "
        "million from Kessel Pharma, Kessel Pharma and KPARC said in a joint statement today. "
        'Commenting on the in-licensing, Ida Brandt, Senior Vice President, Kessel Pharma said: "'
        "The in-licensing of Xelvo will facilitate Kessel Pharma's entry into the US.\""
    )
    assert {(p.payer, p.payee) for p in found} == {
        ("Kessel Pharma", "Kessel Pharma Advanced Research")
    }


def test_a_completed_sale_to_a_buyer_controlled_by_funds_is_paid_by_the_buyer() -> None:
    p = only(
        "Avelor Pharmaceutical Company Limited (TOKYO:4599) today announced the completion of "
        "its previously-announced sale of Avelor Consumer Company Limited to Orvane A-Co KK, a "
        "company controlled by funds managed by The Tenby Group Inc. for a total value of JPY "
        "242.0 billion."
    )
    assert (p.payer, p.payee, p.kind, p.status) == (
        "Orvane", "Avelor Pharmaceutical Company", "acquisition", "earned"
    )  # fmt: skip


def test_a_payment_sought_whom_rights_are_granted_and_one_due_once_a_trial_begins() -> None:
    sought = payments(
        "Avelor Pharmaceuticals Ltd on Wednesday said that it is seeking an upfront payment of "
        "US$2 million, and up to US$11 million in milestones, in an agreement with a partner. "
        "Avelor would grant Kessgen exclusive rights to commercialize AV-1 in South Korea."
    )
    assert {(p.payer, p.money.amount, p.status) for p in sought if p.money} == {
        ("Kessgen", Decimal(2_000_000), "potential"),
        ("Kessgen", Decimal(11_000_000), "potential"),
    }
    once = only(
        "Avelor Bio Ltd. announced today that its licensee Tenby Corporation will shortly "
        "commence a Phase I trial. Avelor will receive a payment of $1 million from Tenby once "
        "the trial begins."
    )
    assert (once.kind, once.status) == ("milestone", "potential")


def test_down_payments_in_the_plural_are_upfront() -> None:
    p = only(
        "Under the deal, Tenby Pharma will pay Avelor Bio as much as USD120 million in phased "
        "non-refundable down payments."
    )
    assert (p.kind, p.status) == ("upfront", "potential")


def test_the_value_of_the_contracts_and_amounts_of_one_noun_respectively() -> None:
    found = payments(
        "Avelor Bio said Tenby SAS terminated its two licence contracts. The total value of the "
        "two contracts is 166.95 million euros including a 5.3 million euros upfront payment "
        "fee. Avelor Bio also received milestone payments in 2022 and 2023 from Tenby SAS, "
        "amounting to 1.33 million euros and 400,000 euros, respectively."
    )
    assert {(p.money.amount, p.kind) for p in found if p.money} >= {
        (Decimal(166_950_000), "other"),
        (Decimal(1_330_000), "milestone"),
        (Decimal(400_000), "milestone"),
    }


def test_payments_and_funding_which_could_total_and_an_initial_sum() -> None:
    found = payments(
        "Under the collaboration, Avelor Bio is eligible for milestone payments and development "
        "funding payments which could total up to £27 million from Tenby plc. Their original "
        "accord gave the Dutch firm an initial £16 million and eligibility for milestones of as "
        "much as £428 million."
    )
    assert {(p.money.amount, p.kind) for p in found if p.money} == {
        (Decimal(27_000_000), "other"),
        (Decimal(16_000_000), "upfront"),
        (Decimal(428_000_000), "milestone"),
    }


def test_is_acquiring_money_raised_from_investors_and_events_named_by_their_agents() -> None:
    bought = payments(
        "Avelor Pharmaceutical said it is acquiring San Diego-based Tenbyline for $190 million "
        "in cash. Started five years ago, Tenbyline had raised $41 million from a group of "
        "investors that includes venture capital firms."
    )
    assert {(p.payer, p.payee, p.money.amount, p.kind) for p in bought if p.money} == {
        ("Avelor Pharmaceutical", "Tenbyline", Decimal(190_000_000), "acquisition"),
        (None, "Tenbyline", Decimal(41_000_000), "other"),
    }
    terms = payments(
        "Upon signing of the amended agreement, Avelor Bio will receive $15 million from Tenby "
        "Inc. Under the terms of the licensing agreement, Avelor Bio will get EUR6 million upon "
        "the European Medicines Agency granting approval for a new can of the product; and a "
        "payment of up to EUR10 million on the first commercial sales of the product in France."
    )
    assert {(p.money.amount, p.kind) for p in terms if p.money} == {
        (Decimal(15_000_000), "upfront"),
        (Decimal(6_000_000), "milestone"),
        (Decimal(10_000_000), "milestone"),
    }


def test_a_payment_received_at_a_closing_then_broken_down_stays_beside_its_parts() -> None:
    found = payments(
        "Avelor Bio (Nasdaq: AVLB) today announced the closing of the collaborative agreement "
        "with Tenby Inc. on OP-7. Avelor Bio received $28 million as an initial payment at the "
        "closing. The payment includes a $10 million technology access fee and the purchase of "
        "$18 million in equity at $11.67 per share."
    )
    assert {(p.money.amount, p.kind, p.status) for p in found if p.money} == {
        (Decimal(28_000_000), "other", "earned"),
        (Decimal(10_000_000), "license_fee", "earned"),
        (Decimal(18_000_000), "equity", "earned"),
    }


def test_the_issuers_own_unit_is_paid_by_the_partner_never_by_its_parent() -> None:
    text = (
        "Avelor Pharma Sublicenses KS-801i\n\nLONDON, September 26, 2006 -- Avelor Pharma plc "
        "(London LSE: AVP) announces that its operating subsidiary Kessgen AG will receive "
        "milestone payments of up to US$95 million as a result of a deal announced today "
        "between Kessgen AG and Tenby Inc.\n\nAvelor Pharma plc has two operating subsidiaries "
        "Kessgen AG based in Berlin, Germany and Lund Rook Ltd based in London, UK.\n"
    )
    facts = extract(parse_release(text.encode("utf-8"), source="inline"))
    assert [(p.payer, p.payee) for p in facts.payments] == [("Tenby", "Kessgen")]
    assert "Lund Rook" in {o.name for o in facts.organizations}
    assert not any(o.name.startswith("Germany") for o in facts.organizations)


def test_a_signing_payment_and_sums_to_be_paid_or_based_on_achievement() -> None:
    found = payments(
        "Avelor Bio would receive US$200 million for the licensing of the drugs from Tenby Inc., "
        "which includes US$12 million in newly issued Tenby shares as a signing payment. Avelor "
        "Bio said it would receive milestone payments of up to $70m, with a $5m milestone "
        "payment to be paid on regulatory approval, and $65m to be based on achievement of "
        "overall sales targets."
    )
    assert {(p.money.amount, p.kind, p.status) for p in found if p.money} >= {
        (Decimal(12_000_000), "upfront", "earned"),
        (Decimal(5_000_000), "milestone", "potential"),
        (Decimal(65_000_000), "milestone", "potential"),
    }


def test_an_apposition_owner_does_not_pay_and_a_named_buyer_pays_the_proceeds() -> None:
    partner = only("Tenby Pharma, Avelor Bio's partner in Japan, paid $3 million on approval.")
    assert reading(partner) == (
        "Tenby Pharma", "Avelor Bio", Decimal(3_000_000), "milestone", "earned"
    )  # fmt: skip
    proceeds = only(
        "Proceeds of $12 million from the sale of AV-9 to Tenby Pharma were received by Avelor Bio."
    )
    assert (proceeds.payer, proceeds.payee) == ("Tenby Pharma", "Avelor Bio")
    assets = only("Avelor Bio received $700,000 from the sale of fixed assets.")
    assert (assets.payer, assets.payee) == (None, "Avelor Bio")


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Tenby Pharma Pays Avelor Bio $5M Milestone",
         ("Tenby Pharma", "Avelor Bio", Decimal(5_000_000), "milestone", "earned")),
        ("Avelor Bio Achieves Milestone, Triggering $10 Million Payment",
         ("Tenby Pharma", "Avelor Bio", Decimal(10_000_000), "milestone", "earned")),
        ("Avelor Bio In-Licenses TB-7 from Tenby Pharma; Pays $3 Million Upfront",
         ("Avelor Bio", "Tenby Pharma", Decimal(3_000_000), "upfront", "earned")),
    ],
)  # fmt: skip
def test_headlines_in_the_present_say_what_happened(
    headline: str, expected: tuple[str, str, Decimal, str, str]
) -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced news about its agreement with Tenby "
        "Pharma AG.",
        headline=headline,
    )
    assert reading(p) == expected


def test_whom_an_agreement_provides_with_rights_pays_for_them() -> None:
    p = only(
        "Avelor Bio, Inc. announced a licence agreement with Tenby Pharma AG. The agreement "
        "provides Tenby Pharma with exclusive rights to AV-1 in exchange for $10 million upfront."
    )
    assert (p.payer, p.payee, p.kind) == ("Tenby Pharma", "Avelor Bio", "upfront")


def test_a_payment_that_has_become_payable_is_earned() -> None:
    p = only("A milestone payment of $4 million has become payable to Avelor Bio by Tenby Pharma.")
    assert reading(p) == ("Tenby Pharma", "Avelor Bio", Decimal(4_000_000), "milestone", "earned")


def test_a_nationality_described_partner_a_company_acquired_and_an_amount_given() -> None:
    licence = payments(
        "Avelor Ltd on Wednesday said it has signed a $700 million licensing agreement with German "
        "drugmaker Tenby Ingelheim to develop a new drug. Avelor will receive an upfront payment "
        "of $20 million."
    )
    assert {(p.payer, p.money.amount) for p in licence if p.money} >= {
        ("Tenby Ingelheim", Decimal(20_000_000))
    }
    bought = payments(
        "Avelor Pharmaceuticals has entered into an agreement to acquire Canadian isotope "
        "technology company KSTMS. In exchange, Avelor will give KSTMS $42.5 million upfront, "
        "$15 million at closing and a possible $24.5 million in future milestone payments."
    )
    assert {(p.payer, p.payee, p.money.amount) for p in bought if p.money} == {
        ("Avelor", "KSTMS", Decimal(42_500_000)),  # the short name the text goes on to use
        ("Avelor", "KSTMS", Decimal(15_000_000)),
        ("Avelor", "KSTMS", Decimal(24_500_000)),
    }


def test_a_royalty_bought_from_a_seller_for_a_price_on_potential_sales() -> None:
    found = payments(
        "Tenby Royalty and Avelor Bio, Inc. today announced that Avelor Bio has agreed to sell "
        "to Tenby Royalty a portion of its royalty. Avelor Bio sold to Tenby Royalty a 4.5 "
        "percent royalty on potential worldwide sales of omecavir for $90 million in an upfront "
        "cash payment.",
        headline="Tenby Royalty Announces $100 million Acquisition of Rights from Avelor Bio",
    )
    assert {reading(p) for p in found} >= {
        ("Tenby Royalty", "Avelor Bio", Decimal(90_000_000), "upfront", "earned"),
    }
    assert all((p.payer, p.payee) == ("Tenby Royalty", "Avelor Bio") for p in found)


def test_a_licensee_of_a_company_names_it() -> None:
    found = payments(
        "Avelor Pharmaceuticals of the UK is to acquire a US drug delivery firm for up to $170 "
        "million. A further $10 million in cash will be paid upon receipt of a milestone payment "
        "from a licensee of Tenbyvene."
    )
    assert "Tenbyvene" in {p.payee for p in found}


def test_milestone_sums_named_around_royalties_events_and_a_transfer_to_come() -> None:
    found = payments(
        "Avelor Bio will receive an upfront payment of $50 million from Tenby Inc. plus $3 "
        "million on the transfer of manufacturing assets. Avelor Bio is further eligible for $87 "
        "million upon the issuance of marketing authorization by the FDA. Depending on future "
        "development, regulatory, and commercial achievements, Avelor Bio is eligible to receive "
        "up to $1.9 billion in milestone payments, alongside tiered royalties on net sales, and "
        "up to $480.0 million if all development, regulatory, and commercial milestones are met."
    )
    assert {(p.money.amount, p.kind, p.status) for p in found if p.money} == {
        (Decimal(50_000_000), "upfront", "earned"),
        (Decimal(3_000_000), "other", "potential"),
        (Decimal(87_000_000), "milestone", "potential"),
        (Decimal(1_900_000_000), "milestone", "potential"),
        (Decimal(480_000_000), "milestone", "potential"),
    }


def test_another_sum_due_later_unless_the_deal_ends_is_neither_upfront_nor_earned() -> None:
    found = payments(
        "Tenby Pharma Inc. will pay Avelor Bio $165 million upfront and another $130 million in "
        "June 2018 unless it terminates the agreement prior to that date."
    )
    assert {(p.money.amount, p.kind, p.status) for p in found if p.money} == {
        (Decimal(165_000_000), "upfront", "earned"),
        (Decimal(130_000_000), "other", "potential"),
    }


def test_shares_subscribed_and_warrants_to_acquire_more_are_equity() -> None:
    found = payments(
        "Tenby Biologics will subscribe to Avelor Pharma's shares for a total consideration of "
        "$50M, and be granted stock warrants to acquire additional shares for $50M within the "
        "next two years."
    )
    assert {(p.money.amount, p.kind, p.status) for p in found if p.money} == {
        (Decimal(50_000_000), "equity", "earned"),
        (Decimal(50_000_000), "equity", "potential"),
    }


def test_an_initial_payment_and_a_closed_asset_purchase_with_a_holdback() -> None:
    initial = only(
        "Tenby Biotech, one of the top biotechnology companies, initially will pay "
        "Boston-based Avelor Bio $35 million for the rights."
    )
    assert (initial.kind, initial.status) == ("upfront", "earned")
    closing = payments(
        'Avelor Therapeutics Inc. (TSX: AVL) ("Avelor") announced today that it has completed '
        "the acquisition of the Tenby business, under the terms of the Asset Purchase Agreement "
        "entered with Tenby Pharma Inc. On the closing date, Avelor paid approximately $107 "
        "million in cash. The payment at closing was reduced by a holdback amount of $15.4 "
        "million, of which $10 million may be released under specific conditions."
    )
    found = {p.money.amount: (p.kind, p.status) for p in closing if p.money}
    assert found[Decimal(107_000_000)] == ("acquisition", "earned")
    assert found[Decimal(10_000_000)][1] == "potential"  # held back until the conditions hold


def test_sterling_written_stg_and_a_legal_form_written_plc() -> None:
    text = (
        "BRIEF-Avelor Group to buy Tenby for 441.3 million stg\n\n" + DATELINE + "Avelor Group "
        "and Tenby Plc have reached agreement on terms of a recommended merger, valued at "
        "approximately 441.3 million stg in aggregate.\n"
    )
    facts = extract(parse_release(text.encode("utf-8"), source="inline"))
    assert {"Avelor Group", "Tenby"} <= {o.name for o in facts.organizations}
    assert [(p.money.amount, p.money.currency) for p in facts.payments if p.money] == [
        (Decimal(441_300_000), "GBP")
    ]


def test_an_option_to_provide_more_and_a_royalty_financing_are_no_royalty_earned() -> None:
    found = payments(
        "Tenby Royalty will provide Avelor Bio with $75 million to fund the Phase 2b study. Based "
        "on the results, Tenby Royalty will have an option to provide an additional $425 million "
        "to co-fund the Phase 3 program.",
        headline="Avelor Enters Into $100 Mln Royalty Financing Agreement With Tenby Royalty",
    )
    found_by_amount = {p.money.amount: (p.kind, p.status) for p in found if p.money}
    assert found_by_amount[Decimal(425_000_000)][1] == "potential"
    assert found_by_amount[Decimal(100_000_000)][0] != "royalty"


def test_an_acquisition_in_the_lead_decides_who_pays_the_price() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) has announced the acquisition of Corrin AG. The total "
        "purchase price is $80 million. In addition, the purchase price will be increased by up "
        "to $40 million of any cash that may be received by Avelor Bio from a lawsuit."
    )
    price = next(p for p in found if p.money.amount == Decimal(80_000_000))
    assert reading(price)[:2] == ("Avelor Bio", "Corrin")


def test_money_to_two_sellers_named_together_leaves_the_payee_open() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) agreed to acquire a royalty interest from Corrin "
        "Therapeutics Inc. (CRRN) and Tenby Pharma Ltd. (TNBY) for $1.3 billion in cash."
    )
    assert [reading(p)[:3] for p in found] == [("Avelor Bio", None, Decimal(1_300_000_000))]


def test_money_from_a_parent_and_its_subsidiary_is_the_parents() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) licensed its drug to Tenby Pharma Ltd. and its "
        "subsidiary Corrin Therapeutics Inc. Avelor Bio will receive a milestone payment of "
        "$5 million from Tenby Pharma and Corrin Therapeutics."
    )
    assert [reading(p)[:2] for p in found] == [("Tenby Pharma", "Avelor Bio")]


def test_an_amount_totalling_several_kinds_listed_before_it_is_their_sum() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) will receive from Tenby Pharma Ltd. an upfront "
        "payment, near-term milestone payments and option exercise fees, totaling $175 million."
    )
    assert [(p.kind, p.status, p.qualifier) for p in found] == [("other", "potential", "aggregate")]


def test_both_totaling_sums_the_amount_before_and_the_payments_listed() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) and Tenby Pharma Ltd. signed a licence. In addition to "
        "an up-front payment of USD 3 million, Avelor Bio will receive certain other milestone "
        "payments, both totaling to USD 16 million from Tenby Pharma."
    )
    total = next(p for p in found if p.money.amount == Decimal(16_000_000))
    assert (total.kind, total.status, total.qualifier) == ("other", "potential", "aggregate")


def test_an_option_exercise_payment_named_without_its_amount_is_to_come() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) entered into an option agreement with Tenby Pharma Ltd. "
        "Avelor Bio will initiate three programs, in exchange for option payments of $2.5 "
        "million per program. If Avelor Bio decides to exercise an option, it will make an "
        "option exercise payment to Tenby Pharma."
    )
    assert {(p.kind, p.status) for p in found} == {("option_fee", "potential")}


def test_money_at_closing_of_a_purchase_of_products_is_its_price() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that it has entered into an agreement "
        "to acquire all currently marketed products from Tenby Pharma, Inc. The terms of the "
        "deal stipulate a cash payment in the amount of $118 million at closing. The "
        "transaction is subject to expiration of the waiting period under the HSR Act."
    )
    assert [reading(p) for p in found] == [
        ("Avelor Bio", "Tenby Pharma", Decimal(118_000_000), "acquisition", "potential")
    ]


def test_a_licences_price_above_its_upfront_and_milestones_is_the_deals_value() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) said that it has out-licensed its agent Zumab to Tenby "
        "Pharma Ltd. for 380 billion won. Avelor Bio will receive 6.8 billion won upfront and "
        "13.6 billion won in milestones from Tenby Pharma."
    )
    value = next(p for p in found if p.money.amount == Decimal(380_000_000_000))
    assert (value.kind, value.status) == ("other", "potential")


def test_a_contracts_total_value_said_again_is_one_payment() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) announced that the Orvane Research Agency has awarded "
        "the Company a contract for up to $83.9 million for vaccine development. Under the "
        "contract, Avelor Bio will receive initial funding of $13.2 million. Additional options "
        "could bring the total potential value of the contract up to approximately $83.9 "
        "million, provided that certain milestones are achieved."
    )
    assert sorted(p.money.amount for p in found) == [Decimal(13_200_000), Decimal(83_900_000)]


def test_a_headline_that_has_the_issuer_acquire_decides_who_pays_what_the_deal_costs() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that it signed a product acquisition "
        "agreement with Tenby Pharma Ltd. (Headquarters: California, Chairman and interim CEO: "
        "Ida Brandt) for its four products. The cost for this agreement is U.S. $205 million.",
        headline="Avelor Bio Acquires Four Products from Tenby Pharma",
    )
    assert reading(p)[:4] == ("Avelor Bio", "Tenby Pharma", Decimal(205_000_000), "acquisition")


def test_an_amount_that_names_what_a_deal_is_worth_is_its_potential_value() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) said it has signed a $700 million licensing, "
        "development and commercialization agreement with drugmaker Tenby Pharma Ltd."
    )
    assert reading(p) == ("Tenby Pharma", "Avelor Bio", Decimal(700_000_000), "other", "potential")


@pytest.mark.parametrize(
    "sentence",
    [
        "Its 500 billion won export contract with Tenby Pharma Ltd. had been canceled.",
        "The new deal is 170 billion won larger than our previous deal with Tenby Pharma Ltd.",
    ],
)
def test_a_cancelled_deal_or_a_comparison_is_worth_nothing(sentence: str) -> None:
    assert payments("Avelor Bio, Inc. (Nasdaq: AVLR) signed a licence. " + sentence) == []


def test_the_deal_of_a_sentence_is_the_one_the_sentence_before_names() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) completed its purchase of Tenby Pharma Ltd. for $42.5 "
        "million. Back in November, Avelor Bio revealed the proposed acquisition of Corrin "
        "Therapeutics. The deal, which could exceed $123 million, was made official in February."
    )
    deal = next(p for p in found if p.money.amount == Decimal(123_000_000))
    assert reading(deal)[:2] == ("Avelor Bio", "Corrin Therapeutics")


def test_a_buyers_cash_and_own_shares_for_a_company_are_the_price_it_has_agreed() -> None:
    found = payments(
        "Avelor Bio of the UK is to acquire a US drug delivery firm, Corrin Therapeutics, for "
        "up to $170 million. Avelor Bio will initially pay $25 million in cash and $65 million "
        "in new ordinary shares."
    )
    parts = {reading(p) for p in found if p.money.amount < 100_000_000}
    assert parts == {
        ("Avelor Bio", "Corrin Therapeutics", Decimal(25_000_000), "acquisition", "potential"),
        ("Avelor Bio", "Corrin Therapeutics", Decimal(65_000_000), "acquisition", "potential"),
    }


def test_money_to_a_company_with_research_in_its_name_is_no_grant() -> None:
    p = only(
        "Under the terms of the agreement, Tenby Pharma Ltd. will pay Avelor Pharma Advanced "
        "Research Company $30 million for the rights.",
        headline="Avelor Pharma Advanced Research Company licenses its drug",
    )
    assert p.kind != "research_funding"


def test_money_of_no_named_kind_paid_to_a_research_institute_funds_its_research() -> None:
    p = only(
        "Under the terms of the agreement, Tenby Pharma Ltd. will pay the Avelor Research "
        "Institute $100 million over a five year period, during which scientists will work "
        "together on projects of mutual interest.",
        headline="Avelor Research Institute and Tenby Pharma sign research pact",
    )
    assert (p.kind, p.payee) == ("research_funding", "Avelor Research Institute")


@pytest.mark.parametrize(
    "sentence",
    [
        "Avelor Bio has invested CNY72 million (USD10 million) in its research and development.",
        "The first awards were made in the Avelor Trust's £91 million, five-year plan for drugs.",
        "Avelor Bio announced an investment of $2.5 billion in Beijing to establish its centre.",
        "Avelor Bio acquires about $26.2 million in net assets at Tenby Pharma.",
        "Net cash out-flow upon signing of the acquisition was therefore $1.9 million.",
    ],
)
def test_own_spending_plans_assets_and_net_figures_are_no_payments(sentence: str) -> None:
    assert (
        payments("Avelor Bio, Inc. (Nasdaq: AVLR) works with Tenby Pharma Ltd. " + sentence) == []
    )


def test_a_payment_for_the_milestone_the_release_reports_is_earned() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) announced that Tenby Pharma Ltd. completed the review "
        "of the Phase III plan for AV-101, a milestone under their licence. A EUR 10 million "
        "payment associated with this milestone should be received by Avelor Bio from Tenby "
        "Pharma before the end of June."
    )
    assert [(p.kind, p.status) for p in found] == [("milestone", "earned")]


def test_a_sales_price_and_the_lump_sum_paid_at_its_closing_are_one_payment() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) has agreed to sell its priority review voucher to Tenby "
        "Pharma Ltd. for $130 million. Under the agreement, Avelor Bio will receive a lump sum "
        "payment of $130 million upon the closing of the transaction, which is subject to "
        "customary closing conditions."
    )
    assert len(found) == 1


def test_a_headline_price_that_sums_the_bodys_parts_is_their_aggregate_as_firm_as_they() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) said it is acquiring San Diego-based Corrin "
        "Therapeutics for $190 million in cash and as much as $120 million more should it reach "
        "certain clinical milestones.",
        headline="Avelor Bio acquires Corrin Therapeutics for $310M",
    )
    total = next(p for p in found if p.money.amount == Decimal(310_000_000))
    assert (total.kind, total.status, total.qualifier) == ("other", "potential", "aggregate")


def test_money_a_company_raises_in_total_comes_from_no_one_named() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) announces that it has received a 18 million DKK award "
        "from the Tenby Trust.",
        headline="Avelor Bio Receives Tenby Trust Award And Raises In Total 28 MIO DKK",
    )
    total = next(p for p in found if p.money.amount == Decimal(28_000_000))
    assert reading(total)[:2] == (None, "Avelor Bio")


def test_an_amount_in_an_upfront_and_other_committed_funding_is_a_bundle() -> None:
    p = only(
        "Avelor Bio, Inc. (Nasdaq: AVLR) will receive from Tenby Pharma Ltd. $96 million in an "
        "initial upfront payment and other near-term committed funding."
    )
    assert (p.kind, p.status) == ("other", "earned")


@pytest.mark.parametrize("verb", ["raised", "raises"])
def test_money_a_company_raised_from_an_investor_is_earned(verb: str) -> None:
    p = only(f"Avelor Bio, Inc. (Nasdaq: AVLR) {verb} $50 million from Tenby Capital Ltd.")
    assert reading(p) == ("Tenby Capital", "Avelor Bio", Decimal(50_000_000), "other", "earned")


def test_a_potential_sum_after_with_is_the_next_items_not_the_upfronts() -> None:
    p = payments(
        "Avelor Bio, Inc. licensed rights to AV-101 to Tenby Pharma Ltd. As per the deal, "
        "Tenby Pharma will make a $200 million upfront payment with a potential of up to "
        "$2.4 billion on reaching certain regulatory targets."
    )
    assert {(x.money.amount, x.kind, x.status) for x in p if x.money} == {
        (Decimal(200_000_000), "upfront", "earned"),
        (Decimal(2_400_000_000), "milestone", "potential"),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Avelor Bio AB will receive a payment of 300 million yen within 40 days of executing "
        "the agreement with Tenby Pharma Ltd.",
        "Avelor Bio AB will receive 45 million euros as an advance payment from Tenby Pharma Ltd.",
    ],
)
def test_an_advance_and_money_due_within_days_of_signing_are_upfront(sentence: str) -> None:
    (p,) = payments(sentence)
    assert (p.kind, p.status) == ("upfront", "earned")


def test_the_upfront_part_of_a_potential_total_is_owed_at_signing() -> None:
    found = payments(
        "Avelor Bio, Inc. licensed rights to AV-101 to Tenby Pharma Ltd. Avelor Bio is eligible "
        "to receive up to a total of $301 million, including a $31 million upfront and "
        "additional milestone payments."
    )
    assert {(p.money.amount, p.kind, p.status) for p in found if p.money} == {
        (Decimal(301_000_000), "other", "potential"),
        (Decimal(31_000_000), "upfront", "earned"),
    }


def test_with_the_potential_for_future_payments_is_the_next_items() -> None:
    found = payments(
        "Avelor Bio, Inc. will receive a total upfront fee of $50 million from Tenby Pharma Ltd. "
        "with the potential for future payments of up to $280 million."
    )
    assert {(p.money.amount, p.status) for p in found if p.money} == {
        (Decimal(50_000_000), "earned"),
        (Decimal(280_000_000), "potential"),
    }


def test_a_plan_in_what_a_company_is_is_no_forecast_and_a_completed_acquisition_is_paid() -> None:
    found = payments(
        "Avelor Bio, a pharmaceutical company that focuses on innovation with the aim to improve "
        "patients' lives, announces the acquisition of Tenby Pharma Ltd. for €140 million.",
        headline="Avelor Bio Completes Transformational Acquisition of Tenby Pharma",
    )
    assert [(p.money.amount, p.kind, p.status) for p in found if p.money] == [
        (Decimal(140_000_000), "acquisition", "earned")
    ]


def test_acquiring_an_option_or_a_licence_is_no_acquisition() -> None:
    found = payments(
        "Under the terms of this option agreement, Avelor Bio is set to receive 40 million USD "
        "from Tenby Pharma Ltd. to acquire the option to license AV-101. Under the terms of the "
        "option, Tenby is entitled to acquire an exclusive license to the technology upon the "
        "payment to Avelor Bio of an additional $6 million."
    )
    assert [(p.money.amount, p.kind) for p in found if p.money] == [
        (Decimal(40_000_000), "option_fee"),
        (Decimal(6_000_000), "other"),
    ]


def test_an_amount_of_a_company_s_common_and_preferred_stock_buys_equity() -> None:
    p = only("Tenby Pharma Ltd. said it will buy $12 million of Avelor common and preferred stock.")
    assert (p.money.amount, p.kind) == (Decimal(12_000_000), "equity")


def test_a_total_after_with_totals_only_the_items_after_it() -> None:
    found = payments(
        "Avelor Bio will receive an upfront payment of $3 million and royalties on AV-101 sales, "
        "with future milestone payments possibly totaling up to $14 million.",
        headline="Avelor Bio Licenses AV-101 to Tenby Pharma",
    )
    assert [(p.money.amount, p.kind) for p in found if p.money] == [
        (Decimal(3_000_000), "upfront"),
        (Decimal(14_000_000), "milestone"),
    ]


def test_it_pays_is_said_of_the_company_the_sentence_before_opens_with() -> None:
    found = payments(
        "Avelor Bio reports that two preclinical programs of its collaboration with Tenby Pharma "
        "Ltd. have been completed. Tenby exercised its option to these candidates. It will pay "
        "EUR 2.5 million for these licenses. Avelor Bio received a first milestone of CHF 3 "
        "million in 2019. It will earn a CHF 6 million milestone upon the start of Phase 2."
    )
    assert [(p.payer, p.payee, p.money.amount) for p in found if p.money] == [
        ("Tenby", "Avelor Bio", Decimal(2_500_000)),
        ("Tenby", "Avelor Bio", Decimal(3_000_000)),
        ("Tenby", "Avelor Bio", Decimal(6_000_000)),
    ]


def test_an_upfront_license_fee_is_the_upfront_and_the_next_item_keeps_its_own_kind() -> None:
    found = payments(
        "The license agreement with Tenby Pharma plc provides for, in addition to the already "
        "received up-front license fee payment of 5 million EURO (approximately 47 MSEK) and "
        "this milestone payment of 2 million EURO, additional milestone payments."
    )
    assert [(p.money.amount, p.kind) for p in found if p.money and p.money.amount] == [
        (Decimal(5_000_000), "upfront"),
        (Decimal(2_000_000), "milestone"),
    ]


@pytest.mark.parametrize(
    ("words", "amount", "currency"),
    [
        ("Euros 24 million", 24_000_000, "EUR"),
        ("Rs 247 crore", 2_470_000_000, "INR"),
        ("Rs. 246.67 crore", 2_466_700_000, "INR"),
        ("Rs 3,600 cr", 36_000_000_000, "INR"),
        ("₹50 lakh", 5_000_000, "INR"),
    ],
)
def test_euros_before_the_number_and_rupees_in_crore_and_lakh(
    words: str, amount: int, currency: str
) -> None:
    p = only(f"Avelor Bio will receive an upfront payment of {words} from Tenby Pharma Ltd.")
    assert (p.money.amount, p.money.currency) == (Decimal(amount), currency)


def test_a_bracketed_amount_after_an_amount_kg_does_not_read_is_its_conversion() -> None:
    found = payments(
        "Avelor Bio will buy a 40 percent stake in Kessel Lanka from Tenby Pharma Ltd. for a "
        "cash consideration of LKR 400,000 (over Rs 1.5 lakh) and will pay Tenby Pharma "
        "USD 25 million (around Rs 110 crore) for the rights to AV-101."
    )
    assert [(p.money.amount, p.money.currency) for p in found if p.money] == [
        (Decimal(25_000_000), "USD")
    ]


def test_what_a_company_has_invested_in_all_is_no_payment() -> None:
    found = payments(
        "Avelor Bio will acquire a portfolio of drugs from Tenby Pharma Ltd. for USD 171 million. "
        '"This would be our 7th acquisition in the last two years, taking our investment for '
        'inorganic growth to $450 million across our businesses," said the chairman.'
    )
    assert [p.money.amount for p in found if p.money] == [Decimal(171_000_000)]


def test_a_headline_with_more_digits_than_the_body_does_not_round_it() -> None:
    found = payments(
        "Avelor Bio will receive an up-front payment of $6 million from Tenby Pharma Ltd., and "
        "will be eligible to receive up to $790 million in the course of clinical development.",
        headline="Avelor Bio licenses AV-101 to Tenby Pharma at maximum $796 million",
    )
    assert Decimal(790_000_000) in {p.money.amount for p in found if p.money}


def test_the_sale_of_a_unit_is_paid_for_by_the_buyer_and_a_return_to_holders_is_no_payment() -> (
    None
):
    found = payments(
        "Avelor Bio Limited announced that it has entered into a definitive agreement for the "
        "sale of its specialties subsidiary, Kessel Specialties Private Limited, to Tenby Pharma "
        "Inc. Under the terms of the agreement, Avelor Bio will receive US$1,600 million in cash "
        "on closing. Following closing, Avelor Bio proposes to utilise proceeds towards "
        "providing a pre-tax return of approximately US$700 million to US$800 million to "
        "shareholders.",
        headline="Avelor Bio to sell Kessel Specialties to Tenby Pharma",
    )
    assert [(p.payer, p.payee, p.money.amount) for p in found if p.money] == [
        ("Tenby Pharma", "Avelor Bio", Decimal(1_600_000_000))
    ]


def test_a_small_amount_to_the_cent_is_a_price_in_any_currency() -> None:
    found = payments(
        "Avelor Bio will acquire a stake in Tenby Pharma Ltd. for a total investment cost of "
        "₹ 2,000 crore. Avelor Bio shares hit their 52-week high level at ₹ 1,638.35 on 12 "
        "September 2025."
    )
    assert Decimal("1638.35") not in {p.money.amount for p in found if p.money}


@pytest.mark.parametrize(
    ("words", "amount", "currency"),
    [
        ("USD 750 000", 750_000, "USD"),  # thousands set apart by spaces
        ("EUR 1 500 000", 1_500_000, "EUR"),
        ("8.9 billion Danish crowns", 8_900_000_000, "DKK"),
        ("32 mil. Canadian dollars", 32_000_000, "CAD"),
        ("L3 million", 3_000_000, "GBP"),  # the pound sign as 1990s wires sent it in ASCII
        ("#10 million", 10_000_000, "GBP"),
        ("E15 million", 15_000_000, "EUR"),  # and the euro sign
        ("$1.3 bln", 1_300_000_000, "USD"),
    ],
)
def test_spaced_thousands_crowns_mil_and_the_ascii_pound_are_read(
    words: str, amount: int, currency: str
) -> None:
    p = only(f"Avelor Bio will receive an upfront payment of {words} from Tenby Pharma Ltd.")
    assert (p.money.amount, p.money.currency) == (Decimal(amount), currency)


def test_an_l_or_hash_before_a_number_is_no_pound_without_millions() -> None:
    from kg.extract.money import find_money

    text = "Avelor Bio tested L24 and #10 in 40 patients; the L-24 line cost $3 million."
    assert [m.currency for m in find_money(text)] == ["USD"]


def test_a_company_that_is_paying_for_an_option_and_a_minority_stake() -> None:
    found = payments(
        "Tenby is paying $12 million up front for an option on Avelor's eye program. It is also "
        "paying $4 million for a 5% stake in Avelor. Ida Brandt, CEO, Avelor said the money "
        "funds two trials.",
        headline="Avelor grants Tenby option on eye program",
    )
    assert [(p.payer, p.payee, p.money.amount, p.kind) for p in found if p.money] == [
        ("Tenby", "Avelor", Decimal(12_000_000), "option_fee"),
        ("Tenby", "Avelor", Decimal(4_000_000), "equity"),
    ]


def test_a_company_provided_with_an_option_payment_is_paid_not_given_an_option() -> None:
    p = only(
        "Under the terms of the agreement, Tenby Pharma Ltd. will provide Avelor Bio Inc. with "
        "an upfront option payment of $14 million."
    )
    assert (p.payer, p.payee, p.kind) == ("Tenby Pharma", "Avelor Bio", "option_fee")


def test_by_after_a_noun_of_another_deed_marks_no_payer() -> None:
    found = payments(
        "Tenby Pharma Ltd. has exclusively licensed the rights to develop Avelor Bio Inc.'s "
        "inhaler, AV-1, in Europe. The deal includes $8 million in up-front fees and a $5 million "
        "loan for the expansion of a plant by Avelor Bio.",
        headline="Tenby Takes Avelor Asthma Inhaler Into Europe",
    )
    assert {(p.payer, p.payee) for p in found} == {("Tenby Pharma", "Avelor Bio")}


def test_an_amount_whose_own_words_say_it_was_received_is_earned() -> None:
    found = payments(
        "Avelor Bio Inc. and Tenby Pharma Ltd. signed a licence. Avelor Bio gets a $4 million "
        "upfront payment (which was received at closing), with up to $30 million in potential "
        "milestones."
    )
    assert [(p.money.amount, p.status) for p in found if p.money] == [
        (Decimal(4_000_000), "earned"),
        (Decimal(30_000_000), "potential"),
    ]


def test_whose_assets_are_acquired_is_paid_for_them_and_sales_of_a_product_is_no_figure() -> None:
    found = payments(
        "Last year Orvane Capital Inc. bought part of Kessel's royalty interests on sales of "
        "Zumab for approximately US $90 million."
    )
    assert [(p.payer, p.payee, p.money.amount) for p in found if p.money] == [
        ("Orvane Capital", "Kessel", Decimal(90_000_000))
    ]


def test_an_offer_of_a_price_to_buy_a_company_is_its_potential_acquisition() -> None:
    found = payments(
        "Tenby Pharma 4521.T has offered 2.1 billion Danish crowns ($300 million) to buy "
        "Avelor AVLR.CO, the Japanese group said on Tuesday.",
        headline="Tenby makes offer for Avelor",
    )
    assert [(p.payer, p.payee, p.money.amount, p.kind, p.status) for p in found] == [
        ("Tenby", "Avelor", Decimal(2_100_000_000), "acquisition", "potential")
    ]


def test_a_public_body_paid_right_after_the_amount_is_the_payee_a_regulator_later_is_not() -> None:
    found = payments(
        "Avelor Bio will pay $12m to the US Department of Justice (DOJ) to resolve a pricing "
        "dispute. Tenby Pharma Ltd. will pay Avelor Bio $5 million upon the first submission of "
        "a New Drug Application to the US Food and Drug Administration."
    )
    assert [(p.payer, p.payee, p.money.amount) for p in found if p.money] == [
        ("Avelor Bio", "DOJ", Decimal(12_000_000)),
        ("Tenby Pharma", "Avelor Bio", Decimal(5_000_000)),
    ]


def test_whom_a_pact_licenses_a_drug_from_is_paid() -> None:
    found = payments(
        "Tenby Pharma Ltd. is signing a $90 million pact to license an asthma drug from Avelor "
        "Bio Inc.",
        headline="Tenby Pharma in-licenses Avelor asthma drug",
    )
    assert [(p.payer, p.payee, p.money.amount) for p in found if p.money] == [
        ("Tenby Pharma", "Avelor", Decimal(90_000_000))
    ]


def test_a_share_price_apiece_is_no_payment() -> None:
    found = payments(
        "Meanwhile, Avelor Bio will pay Rs 40 crore to Tenby Pharma Ltd. to license three "
        "brands. Avelor Bio shares finished on NSE at Rs 1,212 apiece, up slightly."
    )
    assert [p.money.amount for p in found if p.money] == [Decimal(400_000_000)]


def test_what_is_paid_in_a_purchase_with_no_word_of_another_kind_is_its_price() -> None:
    found = payments(
        "Avelor Bio Inc. has entered into an agreement to acquire Tenby Pharma Ltd. Following "
        "approval in Europe, $120M will be paid. Tenby Pharma Ltd. will also receive up to $50M "
        "in milestones.",
        headline="Avelor Bio to acquire Tenby Pharma",
    )
    assert [(p.money.amount, p.kind) for p in found if p.money] == [
        (Decimal(120_000_000), "acquisition"),
        (Decimal(50_000_000), "milestone"),
    ]


def test_money_received_from_a_public_body_is_paid_by_it() -> None:
    found = payments(
        "Tenby Pharma Ltd. will pay Avelor Bio Inc. $3 million. Avelor Bio has also received "
        "$1 million in grant funding from the Halden Government."
    )
    assert [(p.payer, p.payee, p.money.amount) for p in found if p.money] == [
        ("Tenby Pharma", "Avelor Bio", Decimal(3_000_000)),
        ("Halden Government", "Avelor Bio", Decimal(1_000_000)),
    ]


def test_a_headline_total_is_no_rounding_of_a_part_within_a_twentieth_of_it() -> None:
    found = payments(
        "Avelor Bio, Inc. signed a licence with Tenby Pharma Ltd. Avelor Bio will receive an "
        "upfront payment of EUR 17.5 million and up to EUR 857.5 million in milestones.",
        headline="Avelor Bio set to earn EUR875m from Tenby Pharma",
    )
    assert [(p.money.amount, p.kind, p.status) for p in found if p.money] == [
        (Decimal(17_500_000), "upfront", "earned"),
        (Decimal(857_500_000), "milestone", "potential"),
        (Decimal(875_000_000), "other", "potential"),
    ]


def test_a_headline_that_rounds_a_body_amount_restates_it() -> None:
    found = payments(
        "Tenby Pharma Ltd. will pay Avelor Bio, Inc. an upfront payment of $24.1 million.",
        headline="Avelor Bio to receive $24 million from Tenby Pharma",
    )
    assert [p.money.amount for p in found if p.money] == [Decimal(24_100_000)]


def test_what_a_deal_is_worth_stays_beside_the_parts_it_sums() -> None:
    found = payments(
        "Avelor Bio, Inc. signed a licence agreement with Tenby Pharma Ltd. worth up to $63 "
        "million plus royalties. Tenby Pharma will pay Avelor Bio licence fees of up to $5 "
        "million. In addition, Tenby Pharma will pay Avelor Bio up to $58 million in milestones."
    )
    assert [(p.money.amount, p.kind, p.status) for p in found if p.money] == [
        (Decimal(63_000_000), "other", "potential"),
        (Decimal(5_000_000), "license_fee", "potential"),
        (Decimal(58_000_000), "milestone", "potential"),
    ]


def test_what_a_purchase_price_is_paid_in_is_the_price() -> None:
    found = payments(
        "Avelor Bio Inc. is buying Tenby Pharma Ltd. The consideration was settled partly in "
        "new Avelor shares. This represents EUR 40 million in cash and two million shares "
        "valued at EUR 25 million.",
        headline="Avelor Bio acquires Tenby Pharma",
    )
    assert {(p.money.amount, p.kind, p.status) for p in found if p.money} >= {
        (Decimal(40_000_000), "acquisition", "earned"),
        (Decimal(25_000_000), "acquisition", "earned"),
    }


def test_paying_a_seller_for_its_unit_is_the_price_of_the_unit() -> None:
    found = payments(
        "Avelor Bio Inc. grows through its acquisition from Tenby Pharma Ltd. of a vaccine "
        "business. Avelor Bio will pay Tenby Pharma $300 million for the unit once the deal "
        "closes. The acquisition should lift Avelor's sales up from $200 million to about $500 "
        "million.",
        headline="Avelor Bio becomes a vaccine maker",
    )
    assert [(p.money.amount, p.kind, p.status) for p in found if p.money] == [
        (Decimal(300_000_000), "acquisition", "potential")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tenby Pharma Ltd. may pay Avelor Bio up to $40 million in milestones and other payments.",
        "Avelor Bio stands to collect as much as $40 million in signing fees and milestone "
        "payments from Tenby Pharma Ltd.",
        "Avelor Bio said the value of the collaboration could reach $40 million, counting "
        "royalties and milestones.",
        "Research funding and all milestones from Tenby Pharma Ltd. may total as much as $40 "
        "million for Avelor Bio.",
    ],
)
def test_a_figure_of_several_kinds_or_a_deal_s_value_is_other(sentence: str) -> None:
    found = payments("Avelor Bio, Inc. signed a licence with Tenby Pharma Ltd. " + sentence)
    assert [(p.money.amount, p.kind, p.status) for p in found if p.money] == [
        (Decimal(40_000_000), "other", "potential")
    ]


@pytest.mark.parametrize(
    ("words", "amount", "currency"),
    [
        ("₩12 billion", 12_000_000_000, "KRW"),
        ("RUB 300 million", 300_000_000, "RUB"),
        ("300 million Russian roubles", 300_000_000, "RUB"),
        ("R$ 45 million", 45_000_000, "BRL"),
        ("NIS 8 million", 8_000_000, "ILS"),
        ("₪8 million", 8_000_000, "ILS"),
        ("S$6 million", 6_000_000, "SGD"),
        ("ZAR 90 million", 90_000_000, "ZAR"),
        ("NZ$4 million", 4_000_000, "NZD"),
    ],
)
def test_more_of_the_world_s_currencies_are_read(words: str, amount: int, currency: str) -> None:
    p = only(f"Avelor Bio will receive an upfront payment of {words} from Tenby Pharma Ltd.")
    assert (p.money.amount, p.money.currency) == (Decimal(amount), currency)


def test_a_won_amount_is_the_deal_s_and_its_dollars_a_conversion() -> None:
    found = payments("Tenby Pharma Ltd. invested ₩12 billion (US$9 million) in Avelor Bio Co.")
    assert [(p.money.amount, p.money.currency) for p in found if p.money] == [
        (Decimal(12_000_000_000), "KRW")
    ]


@pytest.mark.parametrize(
    "sentence",
    ["The amount of the transaction is $240 million.", "The purchase amounts to $240 million."],
)
def test_the_amount_of_a_purchase_is_its_price(sentence: str) -> None:
    found = payments(
        "Avelor Bio, Inc. has completed its acquisition of Tenby Pharma Ltd. " + sentence,
        headline="Avelor Bio completes acquisition of Tenby Pharma",
    )
    assert [(p.money.amount, p.kind, p.status) for p in found if p.money] == [
        (Decimal(240_000_000), "acquisition", "earned")
    ]


def test_a_share_price_s_move_is_no_payment() -> None:
    found = payments(
        "Tenby Pharma Ltd. will pay Avelor Bio, Inc. $4 million upfront. Shares of Tenby "
        "Pharma closed down 300 yen to 41,500 yen in Tokyo."
    )
    assert [p.money.amount for p in found if p.money] == [Decimal(4_000_000)]


@pytest.mark.parametrize(
    "body",
    [
        "Avelor Bio, Inc. banks a $4 million milestone payment from Tenby Pharma Ltd.",
        "Avelor Bio, Inc. today announces a milestone payment of USD 4 000 000 from its partner "
        "Tenby Pharma Ltd. under their licence.",
        "Tenby Pharma Ltd. milestones of $4 million, including the one reported in May, have "
        "been received by Avelor Bio, Inc.",
    ],
)
def test_a_milestone_banked_announced_or_said_to_have_been_received_is_earned(body: str) -> None:
    p = only(body)
    assert (p.money.amount, p.kind, p.status) == (Decimal(4_000_000), "milestone", "earned")


def test_an_undisclosed_milestone_earned_is_not_the_pool_of_milestones_it_comes_from() -> None:
    found = payments(
        "The approval in Japan triggers an undisclosed milestone payment to Avelor Bio, Inc. by "
        "Tenby Pharma Ltd. out of payments of up to $300 million, subject to further milestones."
    )
    assert sorted((str(p.money.amount if p.money else None), p.status) for p in found) == [
        ("300000000", "potential"),
        ("None", "earned"),
    ]


def test_a_sum_that_holds_milestones_is_potential_though_it_will_be_paid() -> None:
    p = only(
        "Avelor Bio, Inc. said its licence with Tenby Pharma Ltd. has closed. Tenby Pharma will "
        "make upfront and near-term milestone payments to Avelor Bio in the amount of $30 "
        "million."
    )
    assert (p.money.amount, p.kind, p.status) == (Decimal(30_000_000), "other", "potential")


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (
            "Avelor Bio, Inc. will receive a total of ~$40 million* (SEK 400 million*) as upfront, "
            "clinical, regulatory and sales milestone payments from Tenby Pharma Ltd.",
            "other",
        ),
        (
            "Avelor Bio, Inc. will receive US$ 40 million as upfront fee and stepwise sales "
            "milestones in sum of up to US$ 300 million from Tenby Pharma Ltd.",
            "upfront",
        ),
    ],
)
def test_kinds_listed_after_as_are_one_sum_unless_the_list_has_its_own_amount(
    body: str, kind: str
) -> None:
    (p, *_) = payments(body)
    assert (p.money.amount, p.kind) == (Decimal(40_000_000), kind)


def test_money_upon_marketing_approvals_is_a_milestone() -> None:
    found = payments(
        "Avelor Bio, Inc. will receive an upfront payment of $10 million from Tenby Pharma Ltd. "
        "and may receive up to an additional $20 million upon marketing approvals for AV-101 in "
        "Europe."
    )
    assert [(p.money.amount, p.kind) for p in found if p.money] == [
        (Decimal(10_000_000), "upfront"),
        (Decimal(20_000_000), "milestone"),
    ]


def test_money_that_follows_a_milestone_met_the_sentence_before_is_its_payment() -> None:
    p = only(
        "Tenby Pharma Ltd. told Avelor Bio, Inc. that the second development milestone was "
        "reached in June. As a result, Avelor Bio will be paid EUR 2 million."
    )
    assert (p.money.amount, p.kind, p.status) == (Decimal(2_000_000), "milestone", "earned")


@pytest.mark.parametrize(
    "sentence",
    [
        "Tenby Pharma Ltd. may pay Avelor Bio, Inc. up to $40 million in tiered and milestone "
        "payments.",
        "Avelor Bio, Inc. may earn option exercise fees and milestone payments that could "
        "together total $40 million from Tenby Pharma Ltd.",
        "The deal value amounts to $40 million, payable by Tenby Pharma Ltd. to Avelor Bio, Inc.",
        "Avelor Bio, Inc. may also earn an option exercise fee and further potential milestones "
        "of up to about $40 million from Tenby Pharma Ltd.",
        "Avelor Bio, Inc. could earn up to $40 million of upfront and milestone payments from "
        "Tenby Pharma Ltd.",
        "Upfront and milestone payments from Tenby Pharma Ltd. to Avelor Bio, Inc. can be up to "
        "$40 million.",
    ],
)
def test_a_sum_of_several_kinds_in_other_words_is_other(sentence: str) -> None:
    p = only(sentence)
    assert (p.money.amount, p.kind, p.status) == (Decimal(40_000_000), "other", "potential")


def test_the_company_a_which_clause_hangs_on_is_the_subject_of_its_verb() -> None:
    found = payments(
        "Avelor Bio, Inc. settled with a regulator. The penalty concerns sales by Avelor Bio, "
        "which, under the settlement, has agreed to pay $3 million."
    )
    # the payer, never the payee; to whom the clause does not say
    assert [(p.payer, p.payee, p.money.amount) for p in found if p.money] == [
        ("Avelor Bio", None, Decimal(3_000_000))
    ]


def test_whom_rights_are_granted_to_pays_for_them() -> None:
    found = payments(
        "Avelor Bio, Inc. granted exclusive global rights to Tenby Pharma Ltd. last year, "
        "against an upfront payment of $8m and milestones of up to $90m."
    )
    assert [(p.payer, p.payee, p.money.amount) for p in found if p.money] == [
        ("Tenby Pharma", "Avelor Bio", Decimal(8_000_000)),
        ("Tenby Pharma", "Avelor Bio", Decimal(90_000_000)),
    ]


def test_performance_based_payments_are_milestones() -> None:
    p = only(
        "Over the life of the programme, Avelor Bio, Inc. will pay Tenby Pharma Ltd. up to $90 "
        "million in performance-based payments."
    )
    assert (p.money.amount, p.kind, p.status) == (Decimal(90_000_000), "milestone", "potential")


def test_a_payment_made_in_shares_a_company_issues_is_paid_by_that_company() -> None:
    found = payments(
        "Avelor Bio, Inc. has reached an agreement with Tenby Pharma Inc. for the rights to "
        "AV-101 in Europe. The agreement provides for milestones including:\n\n"
        "Upfront payment of US$3M payable through the issuance of 906,077 Common Shares of "
        "Tenby Pharma;\n\nA milestone of US$10M upon European sales reaching US$150M."
    )
    assert [reading(p) for p in found][:2] == [
        ("Tenby Pharma", "Avelor Bio", Decimal(3_000_000), "upfront", "earned"),
        ("Tenby Pharma", "Avelor Bio", Decimal(10_000_000), "milestone", "potential"),
    ]


def test_it_that_also_receives_is_the_payee_of_the_sentence_before() -> None:
    found = payments(
        "Avelor Bio, Inc. said it has entered into an exclusive license agreement with Tenby "
        "Pharma Ltd. As per the deal, Tenby Pharma will receive an upfront payment of $100 "
        "million. It is also entitled to get payments of up to $1.92 billion on achieving "
        "development targets."
    )
    assert {(p.payer, p.payee) for p in found} == {("Avelor Bio", "Tenby Pharma")}


def test_an_initial_license_payment_is_the_upfront() -> None:
    found = payments(
        "Avelor Bio, Inc. (Nasdaq: AVLR) signed a licence with Tenby Pharma Inc. Avelor Bio will "
        "receive an initial license payment of $25 million and is eligible to receive clinical "
        "and regulatory milestone payments totaling up to $60 million."
    )
    assert reading(found[0]) == (
        "Tenby Pharma",
        "Avelor Bio",
        Decimal(25_000_000),
        "upfront",
        "earned",
    )


def test_a_payment_due_after_an_approval_is_a_milestone_to_come() -> None:
    found = payments(
        "Avelor Bio, Inc. signed a licence with Tenby Pharma Inc. A payment of USD 29.1 million "
        "is due after sales approval of Zorvex."
    )
    assert reading(found[0]) == (
        "Tenby Pharma",
        "Avelor Bio",
        Decimal(29_100_000),
        "milestone",
        "potential",
    )


def test_a_price_agreed_for_plants_or_a_business_is_an_acquisition_to_come() -> None:
    found = payments(
        "Tenby Pharma Inc. has agreed to pay Avelor Bio, Inc. $625m (€598m) for three "
        "manufacturing facilities and a portfolio of 11 approved injectable drugs. Separately, "
        "Tenby will pay Avelor Bio $25 million for the rights to Zorvex."
    )
    assert [(p.money.amount, p.kind, p.status) for p in found if p.money] == [
        (Decimal(625_000_000), "acquisition", "potential"),
        (Decimal(25_000_000), "other", "earned"),
    ]


def test_the_parts_a_purchase_price_is_paid_in_are_the_acquisitions() -> None:
    found = payments(
        "Avelor Bio plc has made the final payment to Tenby Pharma for Zorvex(R). Avelor Bio "
        "acquired Zorvex(R) in December 2001 for £14.5 million, with the price being paid by way "
        "of an initial payment of £1.9 million and the balance by instalments over 3 years."
    )
    assert [(p.money.amount, p.kind) for p in found if p.money] == [
        (Decimal(14_500_000), "acquisition"),
        (Decimal(1_900_000), "acquisition"),
    ]


def test_a_price_a_company_plans_to_buy_a_named_business_for_is_an_acquisition_to_come() -> None:
    found = payments(
        "Avelor Bio announced that it plans to purchase Tenby Pharma's U.S. and international "
        "generics businesses for roughly $810 million. Avelor Bio plans to acquire companies for "
        "up to $500 million this year and expects to receive $60 million from product sales."
    )
    assert [reading(p) for p in found] == [
        ("Avelor Bio", "Tenby Pharma", Decimal(810_000_000), "acquisition", "potential")
    ]


def test_a_price_paid_in_cash_and_the_buyers_shares_is_the_acquisition() -> None:
    found = payments(
        "Avelor Bio, Inc. and Tenby Pharma Inc. announced today that the two companies have "
        "completed the sale of Tenby Pharma's oncology assets to Avelor Bio. In consideration for "
        "the assets, Tenby Pharma received from Avelor Bio $130 million in cash and 924,984 shares "
        "of Avelor Bio common stock. Additionally, Avelor Bio will pay to Tenby Pharma up to an "
        "additional $30 million in either cash or a combination of cash and Avelor Bio common "
        "stock upon the achievement of certain milestones.",
        headline="Avelor Bio and Tenby Pharma Announce Closing of Oncology Assets Deal",
    )
    assert [(p.money.amount, p.kind, p.status) for p in found if p.money] == [
        (Decimal(130_000_000), "acquisition", "earned"),
        (Decimal(30_000_000), "milestone", "potential"),
    ]


def test_money_in_investment_from_an_investor_buys_shares() -> None:
    found = payments(
        "Avelor Bio, Inc. is set to receive US$55 million in investment from New York-based "
        "investment firm Tenby Capital (TC) to develop new drugs."
    )
    assert [(p.payer, p.payee, p.kind) for p in found] == [
        ("Tenby Capital", "Avelor Bio", "equity")
    ]


def test_the_party_a_payments_sentence_names_as_its_deals_other_side_pays() -> None:
    found = payments(
        "Avelor Bio Inc. picked up a $15 million up-front payment in a deal in which Tenby "
        "Pharmaceutical Co. Ltd., of Osaka, Japan, gained rights to Zorvex in Japan. Avelor Bio "
        "originally granted worldwide rights for Zorvex to Kessel under a 2005 agreement. Kessel "
        "retains its rights elsewhere. Avelor Bio has received $39 million from Kessel to date.",
        headline="Avelor Bio Gets $15M Up Front in Zorvex Deal for Japan",
    )
    fifteen = [p for p in found if p.money and p.money.amount == 15_000_000]
    assert [(p.payer, p.payee) for p in fifteen] == [("Tenby Pharmaceutical", "Avelor Bio")]


def test_a_sum_paid_over_months_is_no_upfront_nor_the_kind_of_its_first_instalment() -> None:
    found = payments(
        "Avelor Bio, Inc. has settled the arbitration with Tenby Pharma Inc. In return, Avelor "
        "Bio will pay Tenby Pharma $3.1 million over the next 18 months with an initial payment "
        "of $1.2 million due on December 2, 2010."
    )
    assert (found[0].money.amount, found[0].kind) == (Decimal(3_100_000), "other")


def test_financing_a_named_investor_commits_to_provide_is_a_payment_from_it() -> None:
    found = payments(
        "Avelor Bio AG has entered into a Standby Equity Distribution Agreement with Tenby Global "
        "Ltd. Under the terms of the agreement, Tenby Global has committed to provide up to CHF "
        "30 million in equity financing over a 36 month period. Avelor Bio also raised $12 "
        "million in a private placement."
    )
    assert [reading(p) for p in found] == [
        ("Tenby Global", "Avelor Bio", Decimal(30_000_000), "equity", "potential")
    ]


def test_a_kind_the_sentence_names_before_its_clause_is_the_amounts() -> None:
    found = payments(
        "Avelor Bio, Inc. and Tenby Pharma Inc. have entered into a definitive agreement. As an "
        "upfront payment, Avelor Bio will receive from Tenby Pharma $35 million. As a milestone "
        "payment, Tenby Pharma paid Avelor Bio $5 million in 2006."
    )
    assert [(p.money.amount, p.kind) for p in found if p.money] == [
        (Decimal(35_000_000), "upfront"),
        (Decimal(5_000_000), "milestone"),
    ]


@pytest.mark.parametrize(
    ("written", "currency"),
    [("CAD$35 million", "CAD"), ("AUD$5 million", "AUD"), ("NZD$5 million", "NZD"),
     ("HKD$5 million", "HKD"), ("SGD$5 million", "SGD"), ("USD$5 million", "USD")],
)  # fmt: skip
def test_a_dollars_code_before_its_sign_says_which_dollar(written: str, currency: str) -> None:
    from kg.extract.money import find_money

    assert [m.currency for m in find_money(f"for aggregate proceeds of {written}, or")] == [
        currency
    ]


def test_a_number_of_shares_subscribed_for_is_equity_not_an_acquisition() -> None:
    found = payments(
        "Avelor Bio Corp. announced an equity investment by Tenby Pharma Inc. Under the terms of "
        "the transaction, Tenby Pharma will subscribe for 13,270,000 Avelor Bio common shares and "
        "1,000,000 common share purchase warrants, for aggregate proceeds of approximately "
        "CAD$35 million, or CAD$2.67 per unit."
    )
    assert [(p.payer, p.payee, p.kind) for p in found] == [("Tenby Pharma", "Avelor Bio", "equity")]


def test_what_a_company_does_in_an_apposition_is_no_verb_of_the_payment() -> None:
    found = payments(
        "Avelor Bio Corp. announced a research and investment deal with Tenby Pharma. The deal "
        "with Tenby Pharma, a $1-billion drug company that sells products principally in the Far "
        "East, encompasses a $5-million equity investment by Tenby Pharma in Avelor Bio. "
        "Furthermore, the Company is entitled to payments of $1.0 million as of December 1, 2023 "
        "and further $0.3 million as of June 30, 2024."
    )
    assert [(p.payer, p.payee, p.money.amount) for p in found if p.money] == [
        ("Tenby Pharma", "Avelor Bio", Decimal(5_000_000)),
        ("Tenby Pharma", "Avelor Bio", Decimal(1_000_000)),
        ("Tenby Pharma", "Avelor Bio", Decimal(300_000)),
    ]


def test_a_payment_an_event_will_trigger_is_to_come_unless_the_event_is_done() -> None:
    found = payments(
        "Avelor Bio plc announced that it has exercised its option with Tenby Pharma. Completion "
        "of the option exercise will trigger a payment of $5 million to Tenby Pharma. Avelor Bio "
        "has achieved the first milestone, which will trigger a milestone payment of $2 million "
        "from Tenby Pharma."
    )
    assert [(p.money.amount, p.kind, p.status) for p in found if p.money] == [
        (Decimal(5_000_000), "option_fee", "potential"),
        (Decimal(2_000_000), "milestone", "earned"),
    ]
