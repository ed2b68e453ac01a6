"""The other side of a release's deal: who pays where a clause names only one side.

Payments fall back on the release's partner when a clause names only the issuer, so a
bystander taken as partner makes a wrong payment and a paying agency left out makes a payer
unknown. Every release here is invented; each test fails if its rule goes away.
"""

from __future__ import annotations

from decimal import Decimal

from kg.extract import extract
from kg.facts import ReleaseFacts
from kg.read import parse_release

DATELINE = "BOSTON, March 3, 2015 /PRNewswire/ -- Kessel Bio, Inc. (Nasdaq: KSSL) today "


def facts_from(text: str) -> ReleaseFacts:
    return extract(parse_release(text.encode("utf-8"), source="inline"))


def paid(facts: ReleaseFacts) -> set[tuple[str | None, str | None, Decimal | None]]:
    return {(p.payer, p.payee, p.money.amount if p.money else None) for p in facts.payments}


def test_an_institute_named_in_passing_is_not_the_partner() -> None:
    facts = facts_from(
        "Kessel Earns Milestone\n\n" + DATELINE + "announced that it has received a $3 million "
        "milestone payment.\n\nThe milestone was triggered by the start of a Phase 2 trial of "
        "velotamab, which Kessel licensed to Orvane Pharma in 2012. The trial is run by "
        "investigators at the Lund Institute of Oncology. The Lund Institute of Oncology "
        "enrolled the first patient in February. Professor Ida Brandt of the Lund Institute of "
        "Oncology leads the trial.\n"
    )
    assert paid(facts) == {("Orvane Pharma", "Kessel", Decimal(3_000_000))}


def test_an_agency_that_funds_the_issuer_pays() -> None:
    facts = facts_from(
        "Kessel Awarded Additional $12 Million by HARA\n\n" + DATELINE + "announced that it "
        "has been awarded an additional $12 million under its contract with the Halden "
        "Advanced Research Authority (HARA). It brings the total committed HARA funding to $44 "
        "million.\n"
    )
    payers = {payer for payer, _, _ in paid(facts)}
    assert payers == {"HARA"}


def test_a_regulator_that_grants_a_designation_pays_nothing() -> None:
    facts = facts_from(
        "Fast Track\n\n" + DATELINE + "announced that the Halden Medicines Agency (HMA) has "
        "granted Fast Track designation to velotamab. The HMA grants Fast Track designation to "
        "medicines for serious conditions. Kessel has received a $2 million milestone payment "
        "related to the designation.\n"
    )
    assert paid(facts) == {(None, "Kessel", Decimal(2_000_000))}


def test_a_designation_awarded_by_a_regulator_makes_it_no_party() -> None:
    facts = facts_from(
        "Orphan Drug Designation\n\n" + DATELINE + "announced that Orphan Drug Designation "
        "has been awarded by the Halden Medicines Agency to velotamab. Kessel has received a "
        "$2 million milestone payment related to the designation.\n"
    )
    assert paid(facts) == {(None, "Kessel", Decimal(2_000_000))}


def test_in_a_joint_release_the_co_announcer_is_the_partner_not_its_group() -> None:
    facts = facts_from(
        "Kessel and Orvane Pharma enter into License Agreements for Orvane's Portfolio\n\n"
        "MONTREAL, June 5, 2025 (GLOBE NEWSWIRE) -- Kessel Therapeutics Inc. (TSX: KSL) "
        '("Kessel"), a specialty pharmaceutical company, and Orvane Pharma America Inc. '
        '("OPA") announced today that Kessel and OPA\'s affiliates have entered into license '
        "agreements. Orvane Pharma has license agreements with partners in Asia. Orvane Pharma "
        "has partnerships in Europe. The consideration includes an upfront amount of C$25 "
        "million.\n"
    )
    # who pays is the payment frames' business; the other side is the co-announcer
    assert {frozenset((payer, payee)) for payer, payee, _ in paid(facts)} == {
        frozenset(("Kessel", "Orvane Pharma America"))
    }


def test_a_deal_signed_with_a_subsidiary_is_the_subsidiarys() -> None:
    facts = facts_from(
        "Kessel Licenses Velotamab\n\n" + DATELINE + "announced that it has signed an exclusive "
        "licence agreement with Orvane Therapeutics Ltd., a subsidiary of Orvane Holdings Co., "
        'Ltd. ("Orvane"), for velotamab in Japan.\n\nUnder the terms of the Agreement, Orvane '
        "will fund the development of velotamab in Japan. Orvane is a leading healthcare group. "
        "Kessel will receive $5 million on entering into the Agreement.\n"
    )
    assert paid(facts) == {("Orvane Therapeutics", "Kessel", Decimal(5_000_000))}
    assert [sorted(a.parties) for a in facts.agreements] == [["Kessel", "Orvane Therapeutics"]]


def test_a_venture_arm_named_apart_leaves_the_parent_the_partner() -> None:
    facts = facts_from(
        "Kessel and Orvane Collaborate\n\n" + DATELINE + "announced a research collaboration "
        "with Orvane Pharma. Orvane Pharma will pay Kessel $4 million upfront. Orvane Ventures, a "
        "subsidiary of Orvane Pharma, will buy $2 million of Kessel shares.\n\nKessel will "
        "receive up to $90 million in milestone payments.\n"
    )
    assert ("Orvane Pharma", "Kessel", Decimal(90_000_000)) in paid(facts)


def test_whom_the_lead_sells_to_is_the_partner_not_who_owes_what_is_sold() -> None:
    facts = facts_from(
        "Kessel Sells Royalty Interest in Zelvotinib\n\n" + DATELINE + "announced that it has "
        "agreed to sell its royalty interest in zelvotinib, which Tenby Pharma Ltd. markets in "
        "the United States, to Corvane Capital LLC.\n\nUnder the terms of the agreement, Kessel "
        "will receive an upfront payment of $100 million.\n\nZelvotinib was licensed to Tenby "
        "Pharma in 2015. Tenby Pharma pays Kessel royalties on its sales, and Tenby Pharma is "
        "responsible for all development.\n"
    )
    assert paid(facts) == {("Corvane Capital", "Kessel", Decimal(100_000_000))}
