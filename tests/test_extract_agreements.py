"""Agreements: which deals a release describes, their kind, parties and licence roles.

Short releases of our own, one for each kind of error seen on releases the rules were not
written for. Companies and compounds are invented.
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.facts import Agreement
from kg.read import parse_release

DATELINE = "BOSTON, May 4, 2021 (BUSINESS WIRE) -- "


def agreements(body: str, headline: str = "Avelor Bio Announces News") -> list[Agreement]:
    text = f"{headline}\n\n{DATELINE}{body}\n"
    return extract(parse_release(text.encode("utf-8"), source="inline")).agreements


def summary(found: list[Agreement]) -> set[tuple[str, tuple[str, ...], str | None, str | None]]:
    return {(a.kind, tuple(sorted(a.parties)), a.licensor, a.licensee) for a in found}


def test_an_option_exercised_to_co_develop_is_two_agreements() -> None:
    found = agreements(
        "Tenby Pharma Ltd. (NYSE: TNB) exercised its option to jointly develop and commercialize "
        "Avelor Bio's (Nasdaq: AVLR) vaccine AV-101. The two companies will share costs and any "
        "profits equally."
    )
    assert {a.kind for a in found} == {"option", "co_development"}


def test_an_option_to_extend_a_term_is_not_an_agreement_of_its_own() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) announced that under its research collaboration with "
        "Tenby Pharma Ltd., Tenby Pharma exercised its option to extend the research term by "
        "one year."
    )
    assert {a.kind for a in found} == {"collaboration"}


def test_an_agreement_with_a_subsidiary_of_a_company_is_with_that_company() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced a research collaboration and "
        "commercial licensing agreement with a subsidiary of Tenby Pharma AG, Basel."
    )
    assert {tuple(sorted(a.parties)) for a in found} == {("Avelor Bio", "Tenby Pharma")}


def test_one_deal_named_two_ways_is_one_agreement() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) announced that Tenby Pharma Ltd. terminated the "
        "Research Collaboration and License Agreement between Avelor Bio and Tenby Pharma. Under "
        "the Collaboration Agreement, Avelor Bio granted Tenby Pharma an exclusive license to "
        "its technology."
    )
    assert summary(found) == {
        ("collaboration", ("Avelor Bio", "Tenby Pharma"), "Avelor Bio", "Tenby Pharma")
    }


def test_the_licensee_is_the_one_who_pays_for_the_rights() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced a license agreement with Tenby Pharma "
        "Ltd. Tenby Pharma receives exclusive rights to develop AV-202 in Japan. Avelor Bio will "
        "receive an upfront payment of $10 million from Tenby Pharma."
    )
    assert summary(found) == {
        ("license", ("Avelor Bio", "Tenby Pharma"), "Avelor Bio", "Tenby Pharma")
    }


def test_a_deal_described_only_in_an_about_the_agreement_section_is_found() -> None:
    found = agreements(
        "Avelor Bio, Inc. (the \u201cCompany\u201d) today announced that Tenby Pharma Ltd. will "
        "start a Phase 3 trial of AV-303.\n\nAbout the Avelor-Tenby agreement\n\nOn April 24, "
        "2015, the Company signed a co\u2011development and commercialization agreement with "
        "Tenby Pharma to develop AV-303."
    )
    assert {(a.kind, tuple(sorted(a.parties))) for a in found} == {
        ("co_development", ("Avelor Bio", "Tenby Pharma"))
    }


def test_each_acquisition_gets_its_own_price() -> None:
    text = (
        "Avelor Bio to Acquire Corrin Therapeutics and Dunmore Labs\n\n" + DATELINE + "Avelor Bio, "
        "Inc. (Nasdaq: AVLR) today announced that it will acquire Corrin Therapeutics, Inc. for "
        "$12.00 per share in cash, or a total equity value of $600 million. In a separate "
        "transaction, Avelor Bio will acquire Dunmore Labs, Inc. for $3.50 per share, or a total "
        "equity value of $90 million.\n"
    )
    facts = extract(parse_release(text.encode("utf-8"), source="inline"))
    prices = {
        d.acquired: (d.price.amount if d.price else None, d.price_per_share.amount)
        for d in facts.acquisitions
        if d.price_per_share
    }
    assert prices == {"Corrin Therapeutics": (600_000_000, 12), "Dunmore Labs": (90_000_000, 3.5)}


def test_buying_an_asset_from_a_company_is_an_agreement_with_it() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that the company has agreed to acquire "
        "a priority review voucher from Corrin Therapeutics, Inc. for $95 million."
    )
    assert {(a.kind, tuple(sorted(a.parties))) for a in found} == {
        ("other", ("Avelor Bio", "Corrin Therapeutics"))
    }


def test_the_company_that_takes_rights_is_the_licensee() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that Tenby Pharma Ltd. has licensed "
        "the exclusive right to use the Company's conjugation technology under a license "
        "agreement with Avelor Bio."
    )
    assert summary(found) == {
        ("license", ("Avelor Bio", "Tenby Pharma"), "Avelor Bio", "Tenby Pharma")
    }


def test_the_agreement_to_acquire_a_company_is_a_merger_agreement() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that it has entered into a definitive "
        "agreement with Corrin Therapeutics, Inc. whereby Avelor Bio will acquire Corrin "
        "Therapeutics for $600 million."
    )
    assert {a.kind for a in found} == {"merger"}


def test_a_settlement_agreement_is_an_agreement_of_its_own() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that it has entered into a settlement "
        "agreement with Tenby Pharma Ltd. and has signed a new license agreement with Tenby "
        "Pharma under which Avelor Bio granted Tenby Pharma a license to its technology."
    )
    assert {a.kind for a in found} == {"other", "license"}


def test_the_agreement_the_partner_is_named_in_is_with_the_issuer() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) announced that Tenby Pharma Ltd. dosed the first "
        "patient with AV-101. Under the terms of the license agreement, Tenby Pharma has all "
        "rights to AV-101."
    )
    assert {(a.kind, tuple(sorted(a.parties))) for a in found} == {
        ("license", ("Avelor Bio", "Tenby Pharma"))
    }


def test_an_agency_is_a_party_to_the_contract_that_funds_work() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) has been awarded $12 million under its contract with "
        "the National Institutes of Health (NIH)."
    )
    assert {(a.kind, tuple(sorted(a.parties))) for a in found} == {
        ("other", ("Avelor Bio", "National Institutes of Health"))
    }


def test_a_funding_partnership_is_an_agreement_of_its_own_kind() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) announced that it has entered into a long-term "
        "strategic funding partnership with Tenby Capital Ltd."
    )
    assert {a.kind for a in found} == {"other"}


def test_rights_to_co_develop_are_a_licence_not_a_co_development() -> None:
    found = agreements(
        "Avelor Bio A/S (Nasdaq: AVLR) has reached the first milestone under its collaboration "
        "with Tenby Pharma Ltd. on AV-101. Avelor Bio licensed exclusive worldwide rights to "
        "co-develop and commercialize AV-101 to Tenby Pharma in 2020."
    )
    assert summary(found) == {
        ("license", ("Avelor Bio", "Tenby Pharma"), "Avelor Bio", "Tenby Pharma")
    }


def test_a_collaboration_that_is_a_new_deal_stays_beside_the_licence() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) established a research collaboration with Tenby Pharma "
        "Ltd. in 2019. Avelor Bio licensed exclusive rights to AV-101 to Tenby Pharma in 2020."
    )
    assert {a.kind for a in found} == {"collaboration", "license"}


def test_a_bare_agreement_that_names_a_deal_is_an_agreement() -> None:
    under_terms = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) reported results. Under terms of agreement, Tenby "
        "Pharma Ltd. made an upfront payment of $45 million to Avelor Bio."
    )
    reached = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) reported results. Under the agreement reached with "
        "Tenby Pharma Ltd. in May, Avelor Bio is entitled to receive up to $400 million."
    )
    indefinite = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) and Tenby Pharma Ltd. today announced a global "
        "agreement for the development of AV-101."
    )
    for found in (under_terms, reached, indefinite):
        assert {tuple(sorted(a.parties)) for a in found} == {("Avelor Bio", "Tenby Pharma")}


def test_a_partnership_named_in_passing_is_a_partnership_not_an_agreement() -> None:
    text = (
        "Avelor Bio AG (Nasdaq: AVLR) announced a research collaboration with Tenby Pharma Ltd. "
        "for kidney disease. The alliance may draw on compounds from the two-year-old "
        "partnership between Avelor Bio and Corvane Labs, Inc., a data company."
    )
    facts = extract(parse_release(f"Avelor Bio News\n\n{DATELINE}{text}\n".encode(), source="x"))
    assert {tuple(sorted(a.parties)) for a in facts.agreements} == {("Avelor Bio", "Tenby Pharma")}
    assert {(p.organization, p.partner) for p in facts.partnerships} == {
        ("Avelor Bio", "Corvane Labs")
    }


def acquisitions(body: str) -> set[tuple[str, str, object]]:
    text = f"Avelor Bio News\n\n{DATELINE}{body}\n"
    facts = extract(parse_release(text.encode("utf-8"), source="inline"))
    return {
        (d.acquirer, d.acquired, d.price.amount if d.price else None) for d in facts.acquisitions
    }


def test_the_acquired_company_may_follow_a_description_of_it() -> None:
    found = acquisitions(
        "Avelor Bio, Inc. (Nasdaq: AVLR) announced that it has entered into an agreement to "
        "acquire the privately held firm, Corrin Therapeutics GmbH, a German biotech company."
    )
    assert {(a, b) for a, b, _ in found} == {("Avelor Bio", "Corrin Therapeutics")}


def test_buying_all_shares_of_companies_from_their_parent_acquires_each_of_them() -> None:
    found = acquisitions(
        "Avelor Bio, Inc. (Nasdaq: AVLR) announces that it has resolved to acquire from Tenby "
        "Pharma AG all shares of Tenby Japan Ltd (\u201cTJ\u201d) and Tenby Korea Co., Ltd "
        "(\u201cTK\u201d)."
    )
    assert {(a, b) for a, b, _ in found} == {
        ("Avelor Bio", "Tenby Japan"),
        ("Avelor Bio", "Tenby Korea"),
    }


def test_an_acquisition_is_priced_by_its_fixed_payment_not_the_contingent_one() -> None:
    found = acquisitions(
        "Avelor Bio, Inc. (Nasdaq: AVLR) announced that it will acquire Corrin Therapeutics "
        "GmbH. Avelor Bio will pay EUR 300 million to acquire 100% of the equity in Corrin "
        "Therapeutics. In addition, the shareholders of Corrin Therapeutics will become eligible "
        "to receive up to EUR 700 million in further contingent payments."
    )
    assert found == {("Avelor Bio", "Corrin Therapeutics", 300_000_000)}


@pytest.mark.parametrize(
    "body",
    [
        # a verb of buying in any form, after any auxiliaries
        "Avelor Bio, Inc. said on Monday that it had bought Corrin Therapeutics GmbH.",
        "Avelor Bio, Inc. announced today that it will be acquiring Boston, Massachusetts-based "
        "Corrin Therapeutics GmbH for $736 million in cash.",
        # the noun after a verb of announcing or completing
        "Avelor Bio, Inc., a specialty pharmaceutical group, announces the acquisition of "
        "Corrin Therapeutics GmbH and its subsidiaries for EUR 140 million.",
        "Avelor Bio, Inc. today completed the previously announced acquisition of Corrin "
        "Therapeutics GmbH.",
        # an agreement or a deal to buy; the whole, a majority or the rest of the company
        "Avelor Bio, Inc. has signed an agreement to acquire 100% of the share capital of Corrin "
        "Therapeutics GmbH, a Polish pharmaceutical company.",
        "Avelor Bio, Inc. said it would acquire a controlling stake in Corrin Therapeutics GmbH, a "
        "German contract manufacturer, for EUR 300 million.",
        "Avelor Bio Ltd (AVB), a leading domestic player in the contract research (CRAMS) "
        "segment, has acquired 100 per cent stake in US-based injectable maker Corrin "
        "Therapeutics GmbH for $138 million.",
        "Avelor Bio, Inc. today announced that it will acquire 100% ownership of Corrin "
        "Therapeutics GmbH, the generics division of a Spanish group.",
        # the buyer named after the company bought
        "Tenby Pharma AG notes the completion of the acquisition of Corrin Therapeutics GmbH "
        "(NASDAQ: CRRN) by Avelor Bio, Inc. (NASDAQ: AVLR).",
    ],
)
def test_buying_a_company_is_read_in_all_the_forms_of_its_verb(body: str) -> None:
    assert ("Avelor Bio", "Corrin Therapeutics") in {(a, b) for a, b, _ in acquisitions(body)}


@pytest.mark.parametrize(
    "body",
    [
        # a minority stake is an investment
        "Avelor Bio, Inc. said it would acquire a 20% stake in Corrin Therapeutics GmbH.",
        # a part of the company, not the company
        "Avelor Bio, Inc. will buy Corrin Therapeutics GmbH stake for $59 million.",
        "Avelor Bio, Inc. agreed to buy Corrin Therapeutics Plc.'s (CRN.L) antibiotics business.",
        "Avelor Bio, Inc. has agreed to buy the transdermal delivery business of Swiss "
        "pharmaceutical firm Corrin Therapeutics GmbH for EUR 245 million.",
        # the company named is an object: the deal's other party buys
        "Tenby Pharma AG has signed an agreement with Avelor Bio, Inc. to acquire the remaining "
        "stake in Corrin Therapeutics GmbH.",
    ],
)
def test_buying_a_part_of_a_company_or_being_named_beside_the_buyer_is_no_acquisition(
    body: str,
) -> None:
    assert ("Avelor Bio", "Corrin Therapeutics") not in {(a, b) for a, b, _ in acquisitions(body)}


def test_one_agreement_named_by_two_kinds_is_the_kind_that_governs() -> None:
    supply = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) has signed an exclusive license and supply agreement "
        "with Tenby Pharma Ltd. for AV-101 in Korea."
    )
    licence_first = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) announced the expansion of its license and "
        "collaboration agreement with Tenby Pharma Ltd. for AV-101."
    )
    assert [{a.kind for a in found} for found in (supply, licence_first)] == [
        {"license"},
        {"license"},
    ]


def test_license_and_supply_agreements_in_the_plural_are_two_agreements() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) has entered into license and supply agreements with "
        "Tenby Pharma Ltd. for AV-101."
    )
    assert {a.kind for a in found} == {"license", "supply"}


def test_a_companys_partnership_with_its_licensee_is_the_licence() -> None:
    found = agreements(
        "AV-101 is the tablet licensed by Avelor Bio A/S (AVLR) to Tenby Pharma Ltd. for Japan. "
        "Avelor Bio’s partnership with Tenby Pharma covers two tablets."
    )
    assert {a.kind for a in found} == {"license"}


def test_a_compound_licensed_to_a_company_is_licensed_by_the_issuer() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that the FDA has cleared the IND for "
        "AV-503, an antibody licensed to Tenby Pharma, Inc. Tenby Pharma will run the trial."
    )
    assert summary(found) == {
        ("license", ("Avelor Bio", "Tenby Pharma"), "Avelor Bio", "Tenby Pharma")
    }


def test_agreements_with_titles_of_their_own_are_distinct_agreements() -> None:
    found = agreements(
        "Avelor Bio, Inc. (the \u201cCompany\u201d) entered into an Asset Purchase Agreement (the "
        "\u201cPurchase Agreement\u201d) with Tenby Pharma Ltd. Each of the Company and Tenby "
        "Pharma made customary covenants in the Purchase Agreement. At closing the parties will "
        "enter into a Transition Services Agreement under which Tenby Pharma will provide "
        "services to the Company."
    )
    assert sorted(a.kind for a in found) == ["other", "other"]


def test_a_titled_agreement_beside_a_licence_is_an_agreement_of_its_own() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) announced that it has licensed AV-101 to Tenby Pharma "
        "Ltd. on an exclusive basis. This license was granted under an existing Framework "
        "Agreement signed by the Company and Tenby Pharma in 2019."
    )
    assert {(a.kind, tuple(sorted(a.parties))) for a in found} == {
        ("license", ("Avelor Bio", "Tenby Pharma")),
        ("other", ("Avelor Bio", "Tenby Pharma")),
    }


def test_an_option_period_to_negotiate_an_acquisition_is_an_option() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) and Tenby Pharma Ltd. have entered into an agreement "
        "under which Avelor Bio has been granted an exclusive option period to review and "
        "negotiate to acquire an asset in Tenby Pharma's pipeline."
    )
    assert {a.kind for a in found} == {"option"}


def test_rights_granted_in_the_headline_make_a_collaboration_and_license_a_licence() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced a collaboration and license agreement "
        "with Tenby Pharma Ltd.",
        headline="Avelor Bio to out-license to Tenby Pharma exclusive rights to AV-101",
    )
    assert {a.kind for a in found} == {"license"}


def test_a_company_that_signs_an_agreement_with_no_one_named_signs_it_with_the_issuer() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) announced a strategic investment. Under its terms, "
        "Tenby Pharma Ltd. entered into a $20 million equity purchase agreement at $2.10 per "
        "share."
    )
    assert summary(found) == {("other", ("Avelor Bio", "Tenby Pharma"), None, None)}


def test_a_discovery_and_licensing_agreement_is_a_collaboration() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) said Tenby Pharma Ltd. selected two targets under "
        "their discovery, development and licensing agreement."
    )
    assert {a.kind for a in found} == {"collaboration"}


def test_a_collaboration_and_license_agreement_is_a_licence_unless_it_is_research() -> None:
    plain = agreements(
        "AV-101 is part of a global collaboration and license agreement that the Company "
        "entered in 2021 with Tenby Pharma Ltd. \u201cOur partnership with Tenby Pharma has "
        "moved forward rapidly,\u201d said the CEO of Avelor Bio, Inc. (Nasdaq: AVLR)."
    )
    research = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) said Tenby Pharma Ltd. selected a target under the "
        "research collaboration and license agreement between Avelor Bio and Tenby Pharma."
    )
    assert [{a.kind for a in found} for found in (plain, research)] == [
        {"license"},
        {"collaboration"},
    ]


def test_a_licence_for_the_co_development_of_a_drug_is_not_a_co_development_agreement() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) announced the expansion of its license and "
        "collaboration agreement with Tenby Pharma, Inc. for the co-development and "
        "commercialization of AV-200."
    )
    assert {a.kind for a in found} == {"license"}


def test_an_option_to_co_develop_has_no_licensor() -> None:
    found = agreements(
        "Tenby Pharma Ltd. (NYSE: TNB) exercised its option to jointly develop and commercialize "
        "AV-101 of Avelor Bio, Inc. (Nasdaq: AVLR). Tenby Pharma will pay Avelor Bio $250 "
        "million to exercise its option."
    )
    option = next(a for a in found if a.kind == "option")
    assert (option.licensor, option.licensee) == (None, None)


def test_an_option_to_license_names_the_licensor_by_who_is_paid() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) announced an option agreement with Tenby Pharma Ltd. "
        "Tenby Pharma has an option until May 2022 to license AV-101. Tenby Pharma will pay "
        "Avelor Bio an option fee of $5 million."
    )
    option = next(a for a in found if a.kind == "option")
    assert (option.licensor, option.licensee) == ("Avelor Bio", "Tenby Pharma")


def test_the_deal_the_issuer_alone_is_named_in_is_with_its_partner() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) and Tenby Pharma Ltd. today announced a global "
        "agreement for the development of AV-101. Under terms of the collaboration, Avelor Bio "
        "will receive an initial payment of $100 million."
    )
    assert {(a.kind, tuple(sorted(a.parties))) for a in found} == {
        ("collaboration", ("Avelor Bio", "Tenby Pharma"))
    }


def test_a_licence_in_the_headline_names_the_partnership_of_the_body() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) and Tenby Pharma Ltd. have entered into a long-term "
        "strategic partnership. The agreement gives Tenby Pharma an exclusive worldwide license "
        "to AV-101.",
        headline="Avelor Bio and Tenby Pharma enter into exclusive licensing agreement for AV-101",
    )
    assert {a.kind for a in found} == {"license"}


def test_a_technology_export_contract_is_a_licence_and_its_contract_refers_back_to_it() -> None:
    found = agreements(
        "Avelor Bio Co. (KOSDAQ: AVLR) announced that it has signed a technology export "
        "contract with Tenby Pharma Ltd. to launch AV-101 in Japan. Avelor Bio hopes that its "
        "contract with Tenby Pharma will speed its entry into Japan."
    )
    assert {a.kind for a in found} == {"license"}


def test_a_licence_under_which_one_company_pays_another_joins_those_two() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) received $20 million from Tenby Pharma Ltd. Under the "
        "terms of an existing license agreement, Avelor Bio is required to pay a share of "
        "the payments received from Tenby Pharma to the Corran University Research Foundation."
    )
    assert (
        "license",
        ("Avelor Bio", "Corran University Research Foundation"),
        "Corran University Research Foundation",
        "Avelor Bio",
    ) in summary(found)


def test_the_recently_completed_acquisition_with_no_acquirer_named_is_the_issuers() -> None:
    found = acquisitions(
        "Avelor Bio AG (VSE: AVLR) reported its results. After the costs of the recently "
        "completed acquisition of Corrin Therapeutics Inc., the cash position is EUR 200 m."
    )
    assert {(a, b) for a, b, _ in found} == {("Avelor Bio", "Corrin Therapeutics")}


def test_our_agreement_with_one_party_of_a_three_party_licence_is_that_licence() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) said Tenby Pharma had licensed rights to use the "
        "Company's platform under an agreement established in 2000 between Avelor Bio and "
        "Corrin Labs; Tenby Pharma acquired Corrin Labs in 2006. \u201cThis is the first "
        "compound to advance through our agreement with Tenby Pharma,\u201d said the CEO."
    )
    assert [a.kind for a in found] == ["license"]


def test_licensing_agreements_in_the_plural_between_two_companies_are_two_licences() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced revisions to the licensing agreements "
        "with Tenby Pharma Ltd. for AV-101 and AV-202."
    )
    assert [a.kind for a in found] == ["license", "license"]


def test_a_deal_with_one_company_in_a_crowded_summary_is_the_issuers() -> None:
    found = agreements(
        "Avelor Bio plc (LSE: AVL) today announces results. Highlights Broad research alliance "
        "with Tenby Pharma in the field of inflammation: new shares issued Successful outcome to "
        "legal action against Corrin Labs Inc. Products from Dunmore Ltd enter trials."
    )
    assert {tuple(sorted(a.parties)) for a in found} == {("Avelor Bio", "Tenby Pharma")}


def test_a_company_that_signs_itself_is_a_party_in_a_crowded_sentence() -> None:
    found = agreements(
        "Avelor Bio Inc. (Nasdaq: AVLR) reported news. Corrin Labs Inc. has entered into a share "
        "transfer agreement with Tenby Pharma Ltd. in relation to the business of Dunmore Ltd."
    )
    assert ("Avelor Bio", "Tenby Pharma") not in {tuple(sorted(a.parties)) for a in found}


def test_an_amended_agreement_is_the_original_one_not_a_second() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) has licensed AV-101 to Tenby Pharma Ltd. under the "
        "Original Agreement. The Amended and Restated Agreement between Avelor Bio and Tenby "
        "Pharma extends the term."
    )
    assert [a.kind for a in found] == ["license"]


def test_a_headline_names_the_deal_the_body_calls_only_the_agreement() -> None:
    found = agreements(
        "The two companies today announced a deal for AV-101. Under the terms of the agreement, "
        "Tenby Pharma Ltd. will pay Avelor Bio, Inc. (Nasdaq: AVLR) an upfront payment of $30 "
        "million.",
        headline="Avelor Bio and Tenby Pharma Enter into Option Agreement for AV-101",
    )
    assert {a.kind for a in found} == {"option"}


def test_rights_acquired_from_their_developer_are_a_purchase_from_it() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) acquired Tenby Pharma Ltd. Tenby Pharma licensed the "
        "rights to AV-101 from Corrin Labs Inc., which was developing the product after acquiring "
        "the rights from the inventor, Dunmore University."
    )
    assert (
        "other",
        ("Corrin Labs", "Dunmore University"),
        "Dunmore University",
        "Corrin Labs",
    ) in (summary(found))


def test_an_option_named_with_a_licence_is_not_merged_into_the_licence() -> None:
    # "an option, collaboration and license agreement": only a licence and a collaboration
    # named together are one deal; the option stays whatever order the names come in.
    from kg.extract.agreements import _merge_two_kind_names
    from kg.facts import Span

    pair = frozenset({"Avelor Bio", "Tenby Pharma"})
    found = {
        (kind, pair): Agreement(kind, Span(0, 1), sorted(pair))
        for kind in ("option", "license", "collaboration")
    }
    _merge_two_kind_names(found, {("option", pair)})
    assert ("option", pair) in found


def test_the_agreements_with_a_partner_in_the_plural_are_more_than_one() -> None:
    found = agreements(
        "Avelor Bio Ltd (ASX: AVL) announced a strategic alliance with Tenby Pharma Ltd. for "
        "China. Under the terms of the agreements with Tenby Pharma, Avelor Bio will receive "
        "US$40 million on closing."
    )
    assert sorted(a.kind for a in found) == ["collaboration", "other"]


def test_a_payment_falls_under_the_agreement_its_sentence_names() -> None:
    text = (
        "Avelor Bio News\n\n" + DATELINE + "Avelor Bio, Inc. (Nasdaq: AVLR) announced that "
        "Tenby Pharma Ltd. took a license. The license was granted under an existing "
        "Framework Agreement signed by the Company and Tenby Pharma in 2019. Execution "
        "of the license agreement entitles us to receive milestone payments potentially "
        "totaling $200 million from Tenby Pharma.\n"
    )
    facts = extract(parse_release(text.encode("utf-8"), source="inline"))
    linked = {facts.agreements[p.agreement].kind for p in facts.payments if p.agreement is not None}
    assert linked == {"license"}


def test_an_about_the_agreement_section_gives_the_roles_of_the_deal() -> None:
    text = (
        "Avelor Bio Selects Second Target\n\n" + DATELINE + "Avelor Bio, Inc. (Nasdaq: AVLR) "
        "today announced that Tenby Pharma Ltd. selected a second target under the companies' "
        "research collaboration and license agreement.\n\n"
        "About the Research Collaboration and License Agreement\n\n"
        "Under the terms of the 2019 Research Collaboration and License Agreement, Tenby Pharma "
        "receives exclusive worldwide rights to develop and commercialize antibodies against two "
        "targets.\n\n"
        "About Avelor Bio\n\nAvelor Bio is a biotechnology company in Boston.\n"
    )
    facts = extract(parse_release(text.encode("utf-8"), source="inline"))
    assert summary(facts.agreements) == {
        ("collaboration", ("Avelor Bio", "Tenby Pharma"), "Avelor Bio", "Tenby Pharma")
    }


def test_who_obtains_rights_said_apart_from_the_deal_gives_its_roles() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) and Tenby Pharma Ltd. announced today that they have "
        "formed an alliance for the development of RNA medicines. Avelor Bio will keep product "
        "rights in the United States, while Tenby Pharma will obtain the right to access Avelor "
        "Bio's pipeline in the rest of the world."
    )
    assert summary(found) == {
        ("collaboration", ("Avelor Bio", "Tenby Pharma"), "Avelor Bio", "Tenby Pharma")
    }


def test_an_option_and_license_agreement_is_one_option() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) and Tenby Pharma Ltd. entered into an option and "
        "license agreement in 2019 under which Tenby Pharma pays Avelor an annual option fee."
    )
    assert {a.kind for a in found} == {"option"}


def test_a_licence_transferred_to_another_company_is_held_by_it() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced a milestone from Corrin Therapeutics "
        "Ltd. In 2016, Avelor and Tenby Pharma Ltd. entered into a licensing agreement whereby "
        "Avelor granted Tenby Pharma exclusive rights to AV-101 in Korea. In 2018, the license "
        "was transferred from Tenby Pharma to Corrin Therapeutics."
    )
    # "Avelor" is the name the text uses alone (no longer swallowed into "Avelor and Tenby
    # Pharma Ltd.", once a junk alias of Tenby Pharma)
    assert summary(found) == {
        (
            "license",
            ("Avelor", "Corrin Therapeutics", "Tenby Pharma"),
            "Avelor",
            "Corrin Therapeutics",
        )
    }


def test_a_share_passed_on_under_a_contract_says_nothing_of_licence_roles() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that it has signed a license agreement "
        "granting Tenby Pharma Ltd. exclusive rights to AV-101 in Japan. Avelor will pay 50 "
        "percent of the total contract amount to Corrin Therapeutics Inc. in accordance with the "
        "agreement between the two firms, Avelor and Corrin Therapeutics."
    )
    others = [a for a in found if "Corrin Therapeutics" in a.parties]
    assert others and all(a.licensor is None and a.licensee is None for a in others)


def test_granting_a_named_company_a_license_is_a_license_to_it() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that it has granted Tenby Pharma Ltd. "
        "an exclusive license to develop and commercialize AV-9 in China."
    )
    assert summary(found) == {
        ("license", ("Avelor Bio", "Tenby Pharma"), "Avelor Bio", "Tenby Pharma")
    }


def test_a_company_that_agreed_to_be_acquired_is_the_one_bought() -> None:
    text = (
        "Avelor Bio to be Acquired\n\n" + DATELINE + "Avelor Bio, Inc. (Nasdaq: AVLR) today "
        "announced that it has entered into a definitive agreement to be acquired by Tenby "
        "Pharma Ltd. for $12.50 per share in cash, or approximately $1.1 billion.\n"
    )
    facts = extract(parse_release(text.encode("utf-8"), source="inline"))
    assert [(a.acquirer, a.acquired) for a in facts.acquisitions] == [
        ("Tenby Pharma", "Avelor Bio")
    ]
    (price,) = facts.payments
    assert (price.payer, price.payee, price.kind, price.status) == (
        "Tenby Pharma",
        "Avelor Bio",
        "acquisition",
        "potential",
    )


def test_a_previously_announced_acquisition_completed_names_the_buyer() -> None:
    text = (
        "Tenby Completes Acquisition\n\n" + DATELINE + "Tenby Pharma Ltd. (NYSE: TNB) has "
        "completed its previously announced acquisition of Avelor Bio, Inc. for $1.1 billion.\n"
    )
    facts = extract(parse_release(text.encode("utf-8"), source="inline"))
    assert [(a.acquirer, a.acquired) for a in facts.acquisitions] == [
        ("Tenby Pharma", "Avelor Bio")
    ]


def test_a_licence_purchased_from_a_company_makes_it_the_licensor() -> None:
    found = agreements(
        "Avelor Bio, Inc. (Nasdaq: AVLR) today announced that it has purchased an exclusive "
        "global license to develop TB-7 agonists from Tenby Labs, Inc."
    )
    assert summary(found) == {("license", ("Avelor Bio", "Tenby Labs"), "Tenby Labs", "Avelor Bio")}


def test_an_agreement_for_a_licence_and_a_sublicence_agreement_are_licences() -> None:
    for_licence = agreements(
        "Avelor Bio A/S (OMX: AVLR) announced today that it has entered into an agreement for an "
        "exclusive license from Tenby Pharma Inc. to a panel of antibodies."
    )
    sublicence = agreements(
        "Avelor Bio Inc. (CSE: AVLR) is pleased to announce that it has entered into an amended "
        'and restated sublicense agreement (the "Agreement") with Tenby Pharma Inc.'
    )
    assert {a.kind for a in for_licence} == {a.kind for a in sublicence} == {"license"}


def test_a_licensing_deal_is_a_licence_and_taking_a_company_over_acquires_it() -> None:
    deal = agreements(
        "Avelor Bio Ltd. said it has entered into an agreement with Tenby Pharma Co. on a "
        "licensing deal for its drug AV-105."
    )
    assert {a.kind for a in deal} == {"license"}
    text = (
        "Avelor Bio Announces News\n\n" + DATELINE + "Avelor Bio Inc. today announced that it has "
        "signed an agreement to take over Tenby Therapeutics for $175 million.\n"
    )
    facts = extract(parse_release(text.encode("utf-8"), source="inline"))
    assert [(a.acquirer, a.acquired) for a in facts.acquisitions] == [
        ("Avelor Bio", "Tenby Therapeutics")
    ]
    assert [(p.payer, p.kind) for p in facts.payments] == [("Avelor Bio", "acquisition")]


def test_acquiring_a_companys_asset_does_not_acquire_the_company() -> None:
    found = acquisitions(
        "Oslo based Corrin Biologics has signed an agreement with Tenby Pharma GmbH for it to "
        "acquire Corrin Biologics’ preclinical antibody."
    )
    assert found == set()


def test_an_apposition_may_stand_between_the_acquirer_and_its_verb() -> None:
    found = acquisitions(
        "Avelor Bio, Inc. (NYSE: AVLR), a specialty eye care company, today announced the "
        "completion of its acquisition of Tenby Pharma Oy."
    )
    assert {(a, b) for a, b, _ in found} == {("Avelor Bio", "Tenby Pharma")}


def test_whose_shareholders_are_paid_at_an_acquisitions_closing_is_acquired() -> None:
    found = acquisitions(
        "Under the terms of the agreement with Tenby Therapeutics, Avelor Pharma will make an "
        "upfront payment of $200 million to the shareholders of Tenby Therapeutics on closing of "
        "the acquisition."
    )
    assert {(a, b) for a, b, _ in found} == {("Avelor Pharma", "Tenby Therapeutics")}


def test_a_past_dated_acquisition_is_done_and_never_prices_the_release_deal() -> None:
    text = (
        "Avelor Buys Tenby\n\n" + DATELINE + "Avelor Pharma has agreed to acquire Tenby "
        "Pharmaceuticals for $5.2 billion, subject to customary closing conditions. Avelor, "
        "based in Osaka, has been active in foreign acquisitions in recent years, including a "
        "2011 acquisition of major Swiss rival Lundcomed for €9.6 billion.\n"
    )
    facts = extract(parse_release(text.encode("utf-8"), source="inline"))
    prices = {d.acquired: d.price.amount if d.price else None for d in facts.acquisitions}
    assert prices.get("Tenby Pharmaceuticals", prices.get("Tenby")) == 5_200_000_000
    past = next(p for p in facts.payments if p.money and p.money.currency == "EUR")
    assert (past.kind, past.status) == ("acquisition", "earned")


def test_an_acquisition_for_up_to_its_parts_is_the_deal_value() -> None:
    text = (
        "Avelor outlays $1.14bn to acquire Tenby\n\n" + DATELINE + "Avelor Pharmaceutical has "
        "agreed to acquire Swiss-based ADC specialist Tenby Biotech for up to $1.14bn. Avelor "
        "will pay $400 million upfront, and up to $740 million in milestones. The acquisition is "
        "expected to close in the second quarter.\n"
    )
    facts = extract(parse_release(text.encode("utf-8"), source="inline"))
    found = {(p.money.amount, p.kind) for p in facts.payments if p.money}
    assert found == {
        (1_140_000_000, "other"),
        (400_000_000, "acquisition"),
        (740_000_000, "milestone"),
    }
    assert [d.price.amount for d in facts.acquisitions if d.price] == [400_000_000]


def test_a_fee_paid_for_an_option_is_an_option_agreement() -> None:
    found = agreements(
        "Avelor Bio announced that it has regained worldwide rights to AV-101 from Tenby Pharma "
        "Ltd. In 2014, Tenby Pharma acquired an option to license the development of AV-101 for "
        "€37.5 million."
    )
    assert summary(found) == {
        ("option", ("Avelor Bio", "Tenby Pharma"), "Avelor Bio", "Tenby Pharma")
    }


@pytest.mark.parametrize(
    ("body", "roles"),
    [
        # bought from a seller: rights (their seller licenses them), a royalty stream, assets
        (
            "Avelor Bio, Inc. acquired the rights to AV-101 from Tenby Pharma Ltd. in 2019.",
            ("Tenby Pharma", "Avelor Bio"),
        ),
        (
            "Avelor Bio, Inc. acquires partial royalty streams on AV-101 from Tenby Pharma Ltd. "
            "for $20 million.",
            (None, None),
        ),
        (
            "Avelor Bio, Inc. has acquired a portfolio of on-market dermatology assets from "
            "Tenby Pharma Ltd. for $50 million.",
            (None, None),
        ),
        # sold to a buyer
        (
            "Tenby Pharma Ltd. announced the sale of its AV-101 royalty interest to Avelor Bio, "
            "Inc. for $100 million.",
            (None, None),
        ),
    ],
)
def test_a_purchase_of_rights_royalties_or_assets_is_an_agreement_of_kind_other(
    body: str, roles: tuple[str | None, str | None]
) -> None:
    assert summary(agreements(body)) == {("other", ("Avelor Bio", "Tenby Pharma"), *roles)}


@pytest.mark.parametrize(
    ("body", "licensor", "licensee"),
    [
        (
            "Avelor Bio, Inc. is licensing gene therapy capsids from the Japanese firm Tenby "
            "Pharma Ltd. for five programmes.",
            "Tenby Pharma",
            "Avelor Bio",
        ),
        (
            "Avelor Bio, Inc. licenses AV-101 to Tenby Pharma Ltd. for the US market.",
            "Avelor Bio",
            "Tenby Pharma",
        ),
        (
            "Avelor Bio, Inc. has exclusively licensed the global rights to its antibody "
            "programme to Tenby Pharma Ltd.",
            "Avelor Bio",
            "Tenby Pharma",
        ),
        (
            "Tenby Pharma Ltd. will obtain an exclusive license to AV-101 from Avelor Bio, Inc.",
            "Avelor Bio",
            "Tenby Pharma",
        ),
    ],
)
def test_a_licence_is_read_from_its_verb_with_whom_it_goes_to_or_comes_from(
    body: str, licensor: str, licensee: str
) -> None:
    assert summary(agreements(body)) == {
        ("license", ("Avelor Bio", "Tenby Pharma"), licensor, licensee)
    }


@pytest.mark.parametrize(
    "body",
    [
        "Avelor Bio, Inc. paid $5 million for certain rights and licenses from Tenby Pharma Ltd. "
        "under an option agreement.",
        "Under the option agreement, Avelor Bio, Inc. has an exclusive option to obtain a "
        "license to AV-101 from Tenby Pharma Ltd.",
    ],
)
def test_licences_as_a_noun_or_an_option_to_one_make_no_licence(body: str) -> None:
    assert "license" not in {a.kind for a in agreements(body)}
