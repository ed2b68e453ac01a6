"""Organisations: one node per real organisation, no organ, ticker, deal or broken name.

Every release here is invented (companies, people, places); each test fails if its rule goes.
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.facts import Organization, ReleaseFacts
from kg.read import parse_release
from kg.resolve import name_key

DATELINE = "LUND, Sweden, March 3, 2015 /PRNewswire/ -- "


def facts_from(text: str) -> ReleaseFacts:
    return extract(parse_release(text.encode("utf-8"), source="inline"))


def orgs(facts: ReleaseFacts) -> dict[str, Organization]:
    return {o.name: o for o in facts.organizations}


def forms(facts: ReleaseFacts) -> set[str]:
    return {f for o in facts.organizations for f in (o.name, *o.aliases)}


def test_a_kgaa_and_the_bare_name_are_two_companies() -> None:
    facts = facts_from(
        "Orvane Signs Deal\n\n" + DATELINE + "Orvane Bio, Inc. (Nasdaq: ORVB) today announced a "
        "license agreement with a subsidiary of Kessel KGaA, Lund, Sweden. Separately, "
        "Kessel Therapeutics, Inc. agreed to pay Orvane $2 million.\n\n"
        '"We are pleased," said Ida Brandt, Head of Research, Kessel KGaA, Lund, Sweden.\n'
    )
    found = orgs(facts)
    kgaa = next(o for o in facts.organizations if "Kessel KGaA" in (o.name, *o.aliases))
    assert not any(name_key(f) == "kessel" for f in (kgaa.name, *kgaa.aliases))
    assert "Kessel" in found or "Kessel Therapeutics" in found


def test_governance_bodies_are_not_organisations() -> None:
    facts = facts_from(
        "Orvane to Acquire Linden\n\n" + DATELINE + "Orvane AG (FSE: ORV) announces that it "
        "will acquire Linden Pharmaceuticals, Inc. (Nasdaq: LNDN). The transaction has been "
        "approved by the Management Board (Vorstand) and the Supervisory Board (Aufsichtsrat) "
        "of Orvane, as well as the Board of Directors of Linden, at a meeting of the Board of "
        "Directors held on March 2, 2015. The Joint Steering Committee will oversee the work.\n"
    )
    assert set(orgs(facts)) == {"Orvane", "Linden"}


def test_a_ticker_on_a_quote_page_is_not_part_of_the_name() -> None:
    facts = facts_from(
        "KSSL KesselBio SE\n\nkesselbio Enters Into Agreement\n\nNovember 23, 2020\n\n"
        "Halden, Norway\n– kesselbio (Euronext & Nasdaq: KSSL), a global immunology company, "
        "today announced that it has agreed to acquire a voucher from Orvane Pharma, Inc. for "
        "$98 million.\n\nkesselbio expects to use the voucher in 2021.\n"
    )
    assert len(facts.organizations) == 2
    kessel = next(o for o in facts.organizations if o.name != "Orvane Pharma")
    assert {"kesselbio", "KesselBio SE"} <= {kessel.name, *kessel.aliases}
    assert kessel.ticker == "KSSL"
    assert facts.issuer == kessel.name
    assert not any("KSSL" in f for f in forms(facts))


def test_a_lower_case_word_before_a_ticker_needs_to_open_a_sentence_too() -> None:
    facts = facts_from(
        "Orvane Update\n\n" + DATELINE + "Orvane Bio, Inc. today announced that holders of "
        "its common stock (Nasdaq: ORVB) approved the plan.\n"
    )
    assert set(orgs(facts)) == {"Orvane Bio"}


def test_a_name_cut_off_at_the_end_of_the_text_is_not_an_organisation() -> None:
    facts = facts_from(
        "Linden and Kessel Collaborate\n\n" + DATELINE + "Linden Therapeutics and Kessel "
        "Pharmaceutical Company today announced a collaboration.\n\n"
        "Linden received an upfront payment of $2 million from Kessel.\n\n"
        '"We are excited to be collaborating with Kes'
    )
    assert set(orgs(facts)) == {"Linden", "Kessel"}
    assert "Kessel Pharmaceutical Company" in orgs(facts)["Kessel"].aliases
    assert not any(" and " in f for f in forms(facts))


def test_a_venture_arm_is_its_own_organisation_with_its_parent() -> None:
    facts = facts_from(
        "Linden and Kessel Collaborate\n\n" + DATELINE + "Linden Therapeutics and Kessel "
        "Pharmaceutical Company today announced a collaboration. Linden received an upfront "
        "payment of $2 million and an equity investment of $3 million by Kessel Ventures Inc., "
        "a wholly-owned subsidiary of Kessel.\n"
    )
    found = orgs(facts)
    assert set(found) == {"Linden", "Kessel", "Kessel Ventures"}
    assert found["Kessel Ventures"].parent == "Kessel"
    assert found["Kessel"].parent is None
    assert "Kessel Pharmaceutical Company" in found["Kessel"].aliases


def test_a_member_of_a_group_and_a_national_unit_stay_apart() -> None:
    facts = facts_from(
        "Kessel Licenses Drug\n\n" + DATELINE + "Kessel Bio AB (STO: KSSL) today announced "
        "a license agreement with Orvane, a member of the Linden Group. Kessel also acquired "
        "Linden Japan K.K. from Linden.\n"
    )
    found = orgs(facts)
    assert found["Orvane"].parent == "Linden"
    assert {"Kessel", "Orvane", "Linden", "Linden Japan"} <= set(found)


def test_formerly_known_as_and_defined_names_group_the_aliases() -> None:
    facts = facts_from(
        "Kessel Notified of Termination\n\n" + DATELINE + "On December 30, 2021, Ardent "
        'Therapeutics Inc. (f/k/a Pellam Bio Inc.) ("Orvane") notified Kessel Therapeutics, '
        'Inc. ("Kessel") of its termination of the license agreement between Kessel and '
        'Orvane (the "Collaboration Agreement").\n'
    )
    found = orgs(facts)
    assert set(found) == {"Kessel", "Orvane"}
    assert {"Ardent Therapeutics Inc.", "Pellam Bio Inc."} <= set(found["Orvane"].aliases)
    assert not any("Collaboration" in f for f in forms(facts))


def test_together_defines_one_name_for_a_list_and_a_quoted_acronym_is_an_alias() -> None:
    facts = facts_from(
        "Kessel Group to Acquire Units\n\n" + DATELINE + "Kessel Group Corporation (the “Company”; "
        "TSE: 4599) announces that it has resolved to acquire from Orvane Ltd and Orvane "
        "Pharmaceutical Ltd (together “Orvane”) all shares of Orvane Pharmaceuticals Japan Ltd "
        "(“OPJ”) (the “Transaction”).\n"
    )
    found = orgs(facts)
    assert set(found) == {"Kessel Group", "Orvane", "Orvane Pharmaceuticals Japan"}
    assert {"Orvane Ltd", "Orvane Pharmaceutical Ltd"} <= set(found["Orvane"].aliases)
    assert "OPJ" in found["Orvane Pharmaceuticals Japan"].aliases
    assert not any(f in ("Company", "Transaction") for f in forms(facts))
    assert found["Kessel Group"].ticker == "4599"


def test_known_as_outside_a_region_is_an_alias_and_and_co_is_a_legal_form() -> None:
    facts = facts_from(
        "Kessel Earns Milestone\n\nHALDEN, Norway I June 27, 2017 I Kessel [Euronext Brussels: "
        "KSSL] today announced that Orvane & Co., Inc., Rahway, New Jersey, USA, known as OVD "
        "outside the United States and Canada, has started a study. Orvane will pay Kessel "
        "EUR 2 million.\n\nAbout the collaboration between Kessel and Orvane & Co., Inc., "
        "Rahway, New Jersey, USA\n"
    )
    found = orgs(facts)
    assert set(found) == {"Kessel", "Orvane"}
    assert {"OVD", "Orvane & Co., Inc."} <= set(found["Orvane"].aliases)
    assert found["Kessel"].ticker == "KSSL"
    assert not any(f.startswith("I ") or " and " in f for f in forms(facts))
    assert name_key("Orvane & Co., Inc.") == name_key("Orvane") == "orvane"
    assert name_key("Linden and Company") == "linden"


def test_a_headline_repeated_in_the_body_gives_no_name() -> None:
    headline = (
        "Kessel Therapeutics Announces Orvane Notified Co. Of Its Termination Of License "
        "Agreement, Effective June 28, 2022"
    )
    facts = facts_from(
        f"{headline}\n\nBenzinga | Jan 6, 2022 06:59AM EST\n\n{headline}\n\n"
        "Orvane Bio Inc. notified Kessel Therapeutics, Inc. of its termination.\n"
    )
    assert set(orgs(facts)) == {"Kessel Therapeutics", "Orvane Bio"}
    assert not any("Announces" in f or "Notified" in f for f in forms(facts))


def test_words_of_a_headline_before_a_known_name_are_not_part_of_it() -> None:
    facts = facts_from(
        "Orvane Takes License for Rights to Use Kessel, Inc.'s Platform\n\n"
        "WALTHAM, Mass.--(BUSINESS WIRE)--Kessel, Inc. (NASDAQ: KSSL) today announced that "
        "Orvane has licensed the platform and will pay Kessel $1 million.\n"
    )
    assert not any(f.startswith("Use ") for f in forms(facts))
    assert "Kessel, Inc." in orgs(facts)["Kessel"].aliases


def test_a_deal_name_is_never_an_alias() -> None:
    facts = facts_from(
        "Kessel Earns $6 Million\n\n" + DATELINE + "Kessel Corporation (Nasdaq: KSSL) "
        "announced that it has earned a milestone. Under the Kessel-Orvane Collaboration and "
        "License Agreement signed in 2009, Orvane received exclusive rights.\n"
    )
    assert not any("Collaboration" in f for f in forms(facts))


def test_a_contact_name_above_the_company_line_is_not_part_of_the_name() -> None:
    facts = facts_from(
        "Kessel Licenses Platform\n\n" + DATELINE + "Kessel Bio, Inc. (Nasdaq: KSSL) today "
        "announced a license agreement with Orvane University.\n\n"
        "Investor Contact\nIda Brandt\nKessel Bio, Inc.\n(919) 555-0163\n"
    )
    assert not any("Brandt" in f for f in forms(facts))


def test_a_role_in_parentheses_is_not_an_alias_but_a_camel_case_acronym_is() -> None:
    facts = facts_from(
        "Kessel Raises Funds\n\n" + DATELINE + "Kessel plc announced a subscription agreement "
        "with GlaxoLinden (GL).\n\nPellam Securities Limited (Nominated Adviser and "
        "Broker)\nIda Brandt, +44 20 7946 0000\n"
    )
    assert "GL" in orgs(facts)["GlaxoLinden"].aliases
    assert not any("Adviser" in f for f in forms(facts))


def test_a_foreign_issuers_filing_its_tickers_and_its_defined_name() -> None:
    facts = facts_from(
        "FORM 6-K\nREPORT OF FOREIGN PRIVATE ISSUER\nFor the month of March 2021\n"
        "KESSELFIT S.A.\n(Translation of registrant's name into English)\n\nEXHIBIT 99.1\n"
        "Lille (France), Cambridge (Massachusetts, United States), March 3, 2021 - Orvane "
        'Pharma Co., Ltd. (Head Office: Osaka, Japan; hereafter "Orvane") will pay KESSELFIT '
        "(Nasdaq and Euronext: KSFT) EUR 35 million, KESSELFIT announced. Linden AG (Vienna "
        "Stock Exchange: LNDN) and Pellam Biopharma, Inc. (9926.HK) are not parties; the "
        "product is approved by Swissmedic.\n"
    )
    found = orgs(facts)
    assert facts.issuer == "KESSELFIT"
    assert "Kesselfit S.A." in forms(facts)  # a name in capitals: its legal form keeps them
    assert found["KESSELFIT"].ticker == "KSFT"
    assert "Orvane Pharma Co., Ltd." in found["Orvane"].aliases
    assert not any(f.endswith(" Co") for f in forms(facts))
    assert found["Linden"].ticker == "LNDN"
    assert found["Pellam Biopharma"].ticker == "9926.HK"
    assert "Swissmedic" in found


def test_a_company_described_as_one_and_a_unit_of_a_named_group() -> None:
    facts = facts_from(
        "Kessel Forms Alliance\n\n" + DATELINE + "Kessel Bio, Inc. (Nasdaq: KSSL) today "
        "announced an alliance. It will use targets from the partnership between Kessel and "
        "Orvane, a company engaged in target discovery. Linden, a member of the Pellam Group, "
        "is not a party. Halvard is a clinical-stage biopharmaceutical company.\n"
    )
    found = orgs(facts)
    assert set(found) == {"Kessel", "Orvane", "Linden", "Pellam", "Halvard"}
    assert found["Linden"].parent == "Pellam"
    assert not any(" and " in f for f in forms(facts))


def test_the_university_is_a_reference_not_a_name() -> None:
    facts = facts_from(
        "Kessel Licenses Technology\n\n" + DATELINE + "Kessel Bio, Inc. (Nasdaq: KSSL) today "
        "announced an exclusive license from the University of Halden. Kessel paid the "
        "University a license fee of $500,000.\n"
    )
    university = orgs(facts)["University of Halden"]
    assert university.aliases == []
    paid = {(p.payer, p.payee) for p in facts.payments}
    assert paid == {("Kessel", "University of Halden")}


def test_a_company_whose_name_is_its_ticker_keeps_it() -> None:
    facts = facts_from(
        "KSL Licenses Drug\n\n" + DATELINE + "KSL plc (LSE/NYSE: KSL) today announced a licence "
        'agreement with Orvane Bio, Inc. ("Licensee"). ODB SA (Euronext: ODB) is not a party.\n'
    )
    found = orgs(facts)
    assert set(found) == {"KSL", "Orvane Bio", "ODB"}
    assert found["KSL"].aliases == ["KSL plc"] and found["KSL"].ticker == "KSL"
    assert facts.issuer == "KSL"
    assert "Licensee" not in forms(facts)


def test_institutions_named_with_of_and_and_keep_their_whole_names() -> None:
    facts = facts_from(
        "Kessel Licenses Technology\n\n" + DATELINE + "Kessel Bio, Inc. (Nasdaq: KSSL) today "
        "announced a collaboration with Halden Biotech, Inc. (Halden), one of the Halden "
        "Pharmaceutical Companies of Orvane & Orvane, and an exclusive license from the "
        "Lund Institute of Technology (LIT). The work was done at the Berg Institute of LIT "
        "and Uppsala. The Institute will receive royalties.\n"
    )
    found = orgs(facts)
    assert {"Lund Institute of Technology", "Berg Institute of LIT and Uppsala"} <= set(found)
    assert found["Halden"].parent == "Orvane & Orvane"
    assert not any(f in ("Technology", "Uppsala", "Orvane") for f in forms(facts))
    assert not any(f.endswith(" of") for f in forms(facts))


def test_a_name_before_a_parenthesis_of_tickers() -> None:
    facts = facts_from(
        "Approval in Japan\n\nLund, 2015-03-03 09:00 CET (GLOBE NEWSWIRE) -- \n\n"
        "Kessel (KSL:DC / OMX: KSL B / KSLBY): Approval releases a milestone payment to "
        "Kessel. Kessel today announced that its partner Orvane has received approval.\n"
    )
    kessel = orgs(facts)["Kessel"]
    assert kessel.ticker == "KSL"
    assert facts.issuer == "Kessel"


def test_a_product_licensed_by_a_company_is_not_a_company() -> None:
    facts = facts_from(
        "Approval\n\n" + DATELINE + "Kessel AB today announced the approval of the BRX "
        "SLIT-tablet licensed by Kessel to Orvane Pharma for Japan.\n"
    )
    assert set(orgs(facts)) == {"Kessel", "Orvane Pharma"}


def test_agency_names_with_a_list_of_domains_and_two_agencies_joined_by_and() -> None:
    facts = facts_from(
        "Approvals\n\n" + DATELINE + "Kessel AB today announced that the Ministry of Health, "
        "Labour and Welfare approved velotamab. Orvane Pharma has received approvals from "
        "Halden Commission of Commerce and Halden Development and Reform Commission. The "
        "Office of the Deputy Director for Research and Innovation has been informed.\n"
    )
    assert {
        "Ministry of Health, Labour and Welfare",
        "Halden Commission of Commerce",
        "Halden Development and Reform Commission",
        "Office of the Deputy Director for Research and Innovation",
    } <= set(orgs(facts))


def test_an_agency_acronym_is_the_initials_of_its_name() -> None:
    facts = facts_from(
        "IND\n\n" + DATELINE + "Kessel AB today announced progress with the Halden Food "
        'and Drug Administration. "The HFDA approval is a step," said Ida Brandt, CEO.\n'
    )
    agency = next(o for o in facts.organizations if "HFDA" in (o.name, *o.aliases))
    assert "Halden Food and Drug Administration" in (agency.name, *agency.aliases)
    assert len(facts.organizations) == 2


def test_a_country_that_ends_the_dateline_place_is_not_part_of_the_name() -> None:
    facts = facts_from(
        "Results\n\nKessel Antibody Tech Group PLC 07 February 2015 FOR IMMEDIATE RELEASE "
        "KESSEL ANTIBODY TECHNOLOGY GROUP PLC ANNOUNCES RESULTS Kessel, UK Kessel Antibody "
        "Technology (LSE: KAT) today announces results. Orvane Pharma AG paid Kessel Antibody "
        "Technology £5 million.\n"
    )
    found = orgs(facts)
    assert "Kessel Antibody Technology" in found
    kessel = found["Kessel Antibody Technology"]
    # the page header's cut-short name and the headline's full one are the same company
    assert "Kessel Antibody Tech Group PLC" in kessel.aliases
    assert not any(f.startswith("UK") or f == "Kessel" for f in forms(facts))
    assert facts.issuer == "Kessel Antibody Technology"


def test_an_institute_named_after_a_group_leaves_the_bare_name_to_the_company() -> None:
    facts = facts_from(
        "Target Accepted\n\n" + DATELINE + "Kessel, Inc. (Nasdaq: KSSL) today announced that "
        "Orvane Pharma AG (NYSE: ORV) has accepted a drug target, which results in a milestone "
        'payment of $2 million to Kessel. Orvane specializes in autoimmunity. "We are '
        'pleased," said Ida Brandt, head of the Orvane Research Institute Halden/Norway.\n'
    )
    found = orgs(facts)
    assert "Orvane" in found and "Orvane Pharma AG" in found["Orvane"].aliases
    assert "Orvane Research Institute Halden/Norway" in found
    assert {(p.payer, p.payee) for p in facts.payments} == {("Orvane", "Kessel")}


def test_a_nationality_before_a_role_word_is_not_part_of_the_name() -> None:
    facts = facts_from(
        "Milestone\n\n" + DATELINE + "Kessel AB today announced that it has received a "
        "milestone payment from Chinese Partner Linden Bio.\n"
    )
    assert set(orgs(facts)) == {"Kessel", "Linden Bio"}


def test_the_firms_among_a_companys_investors_not_the_people() -> None:
    facts = facts_from(
        "Acquisition\n\n" + DATELINE + "Kessel AB today announced it will acquire Orvane Bio "
        "GmbH. Orvane Bio's investors include Halden Partners, Lund Venture, J. de Vries "
        "Investment Partners, Fjord Science Partners and Ida Brandt, as well as private "
        "individuals.\n"
    )
    assert {
        "Halden Partners",
        "Lund Venture",
        "J. de Vries Investment Partners",
        "Fjord Science Partners",
    } <= set(orgs(facts))
    assert "Ida Brandt" not in orgs(facts)


def test_partners_named_by_what_they_do_together() -> None:
    facts = facts_from(
        "Results\n\n" + DATELINE + "Kessel AB today announced its results. Product candidates "
        "from Linden and Fjordine enter clinical trials. The lead product, which is being "
        "co-developed with Halvard, is KSL-101.\n"
    )
    assert {"Linden", "Fjordine", "Halvard"} <= set(orgs(facts))


def test_a_one_word_name_that_opens_the_release() -> None:
    facts = facts_from(
        "September 12, 2024\n\nKesselpeptides signs license agreement with ORVA for Velotix\n\n"
        "Kesselpeptides today announces it has signed an exclusive license agreement with "
        "ORVA Inc., a Korean pharmaceutical company.\n"
    )
    assert set(orgs(facts)) == {"Kesselpeptides", "ORVA"}
    assert facts.issuer == "Kesselpeptides"


def test_the_company_of_a_chief_executive() -> None:
    facts = facts_from(
        "License\n\n" + DATELINE + "ORVA Inc. has signed a license agreement for Velotix.\n\n"
        '"We are pleased," said Ida Brandt, CEO of Kesselpeptides.\n'
    )
    assert set(orgs(facts)) == {"Kesselpeptides", "ORVA"}
    (person,) = facts.people
    assert person.organization == "Kesselpeptides"


def test_a_national_unit_of_a_company_is_a_company_of_its_own() -> None:
    facts = facts_from(
        "License\n\n" + DATELINE + "Kessel Therapeutics Inc. (TSX: KSL) and Orvane Pharma "
        "America Inc. announced today a license to commercialize in Canada. Kessel will begin "
        "commercial activities following a transition period from Orvane Pharma Canada.\n"
    )
    found = orgs(facts)
    assert "Orvane Pharma Canada" in found
    assert "Canada" not in forms(facts)
    assert found["Orvane Pharma Canada"] is not found.get("Orvane Pharma America")


def test_a_country_that_starts_a_company_name_in_a_list_stays() -> None:
    facts = facts_from(
        "Alliance\n\n" + DATELINE + "Kessel AB today announced agreements with Orvane Pharma, "
        "Japan Linden Co., Ltd. and Halvard AG.\n"
    )
    assert "Japan Linden" in orgs(facts)


def test_a_headline_with_tickers_is_no_name() -> None:
    facts = facts_from(
        "Kessel Reports Third Quarter Results (KSL:DC / OMX: KSSL)\n\n" + DATELINE + "Kessel "
        "AB (Nasdaq: KSSL) today reported its results.\n"
    )
    assert forms(facts) == {"Kessel", "Kessel AB"}


def test_the_partner_of_a_contract_named_with_capitals() -> None:
    facts = facts_from(
        "Kessel Earns Milestone\n\n" + DATELINE + "Kessel Bio AB (Nasdaq Stockholm: KSSL) today "
        "announced a payment under its License and Collaboration Agreement with Orvane.\n"
    )
    assert "Orvane" in orgs(facts)


def test_a_definition_between_the_name_and_its_ticker() -> None:
    facts = facts_from(
        "- Orvane will pay Kessel-X up to $20 million\n\n" + DATELINE + 'Kessel-X (the "Company") '
        "(Nasdaq: KSX), a biotech company, announced today an agreement with Orvane Pharma "
        'Group ("Orvane").\n'
    )
    assert orgs(facts)["Kessel-X"].ticker == "KSX"
    assert facts.issuer == "Kessel-X"


def test_a_ticker_that_is_the_first_word_of_the_name() -> None:
    facts = facts_from(
        "Kessel Deal\n\nLund, Sweden, June 25, 2007 - KSL\nBiotech AG (Frankfurt Stock Exchange: "
        "KSL) today announced a license agreement with Orvane Co. Ltd. for Japan.\n"
    )
    assert orgs(facts)["KSL Biotech"].ticker == "KSL"
    assert facts.issuer == "KSL Biotech"


def test_a_name_written_in_capitals_is_found_where_the_text_writes_it_so() -> None:
    facts = facts_from(
        "News Release\n\nTOKYO, March 22, 2022 — KESSELFILM Corporation (President: Ida Brandt) "
        "has announced an amendment of its agreement with Orvane Inc. (Orvane). Kesselfilm will "
        "receive a fee from Halden Pharma S.A. (HP: 4321), a Dorn company.\n"
    )
    assert facts.issuer is not None and name_key(facts.issuer) == "kesselfilm"


def test_a_sarl_and_a_limited_listed_together_are_two_companies() -> None:
    facts = facts_from(
        "Kessel Buys Out Royalties\n\n" + DATELINE + "Kessel Bio Inc. (Nasdaq: KSSL) today "
        "announced an agreement with Orvane Pharma Luxembourg S.a.r.l. and Orvane Pharma Holland "
        "Limited, subsidiaries of Dorn Health Companies Inc.\n"
    )
    found = orgs(facts)
    assert "Orvane Pharma Luxembourg" in found and "Orvane Pharma Holland" in found


def test_a_country_or_a_city_before_the_name_is_not_part_of_it() -> None:
    facts = facts_from(
        "Kessel Signs Deal\n\n" + DATELINE + "Kessel Bio Inc. (Nasdaq: KSSL) today announced a "
        "license agreement with Orvane. The product is sold by Japan's Halden Tanabe Pharma, "
        '"a fine partner," said Ida Brandt, CEO of Lund-based Kessel Bio.\n'
    )
    assert "Halden Tanabe Pharma" in forms(facts)
    assert not any("Japan" in f or "based" in f for f in forms(facts))


def test_a_group_word_in_brackets_and_an_ordinal_open_or_join_a_name() -> None:
    facts = facts_from(
        "Kessel Signs Licence\n\n" + DATELINE + "Kessel Bio plc (AIM: KSSL) today announced a "
        "licence agreement with Linden Pharma Development Co., Ltd., a subsidiary of Linden Pharma "
        '(Group) Co., Ltd. ("Linden"). Kessel bought the compound from 1st Halden '
        "Pharmaceuticals, Inc. (1st Halden) in 2017.\n"
    )
    linden = next(o for o in facts.organizations if "Linden" in (o.name, *o.aliases))
    assert "Linden Pharma (Group) Co., Ltd." in linden.aliases
    assert "1st Halden Pharmaceuticals, Inc." in forms(facts)
    assert not any(f.startswith("Halden") for f in forms(facts))


def test_a_joint_subject_with_defined_names_is_two_parties() -> None:
    facts = facts_from(
        "Alliance for Viral Diseases\n\n" + DATELINE + "Kesselberg (KB) and Orvane Lindqvist "
        "today announced that they have entered into a worldwide alliance.\n"
    )
    assert {"Kesselberg", "Orvane Lindqvist"} <= forms(facts)


def test_a_companys_own_centre_is_no_organisation() -> None:
    facts = facts_from(
        "Kessel Signs Deal\n\n" + DATELINE + "Kessel Bio Inc. (Nasdaq: KSSL) today announced an "
        "agreement with Orvane Pharma Inc. Orvane will take part through its Viral Diseases "
        "Centre of Excellence for Drug Discovery.\n"
    )
    assert not any("Centre" in f for f in forms(facts))


def test_a_partner_a_reprint_once_wrote_in_lower_case() -> None:
    facts = facts_from(
        "Dec 21 Kessel\n\n"
        "* Says announces a research collaboration and license agreement with Orvane and issues "
        "new shares to Orvane\n\n"
        "* Says orvane makes a $6 million equity investment in new shares in Kessel\n\n"
        "* Says under terms of deal, Orvane will pay Kessel approximately $10 million\n"
    )
    assert "Orvane" in orgs(facts)


def test_an_english_word_capitalised_in_a_heading_is_no_partner() -> None:
    facts = facts_from(
        "Offer to Purchase\n\n" + DATELINE + "Kessel Bio AB (Nasdaq Stockholm: KSSL) today "
        "made an offer. The offer is an agreement with Offer holders.\n"
    )
    assert "Offer" not in orgs(facts)


def test_a_contracts_defined_term_is_no_partner_however_often_it_is_capitalised() -> None:
    facts = facts_from(
        "Merger Agreement\n\n" + DATELINE + "Kessel Bio AB (Nasdaq Stockholm: KSSL) and its parent "
        '("Parent") signed an agreement with Parent. The shares of Parent, held by Parent, go to '
        "Parent for cash; Parent will pay $10 per share.\n"
    )
    assert "Parent" not in orgs(facts)


def test_the_name_is_one_the_text_writes() -> None:
    facts = facts_from(
        "Kessel Licenses Drug in Korea\n\n" + DATELINE + "Kessel Bio AB (Nasdaq Stockholm: KSSL) "
        "today announced a license agreement with KORVA Inc. KORVA will pay Kessel an "
        "upfront fee.\n"
    )
    assert "KORVA" in orgs(facts)


def test_a_name_that_opens_with_digits_and_no_bare_legal_form() -> None:
    facts = facts_from(
        "Kessel Deal\n\n" + DATELINE + "4KS AG (Frankfurt Stock Exchange: VKS) today announced an "
        "agreement with 3K Company. 3K will pay 4KS EUR 5 million.\n"
    )
    found = forms(facts)
    assert {"4KS", "4KS AG", "3K", "3K Company"} <= found
    assert "AG" not in found and facts.issuer == "4KS"


def test_danish_finnish_french_and_brazilian_legal_forms() -> None:
    facts = facts_from(
        "Kessel Deal\n\n" + DATELINE + "Kessel Bio ApS today announced agreements with Orvane "
        "Pharma SAS, Lindqvist Oy and Halden Farma Ltda. for Brazil.\n"
    )
    found = forms(facts)
    assert {"Kessel Bio ApS", "Orvane Pharma SAS", "Lindqvist Oy", "Halden Farma"} <= found
    assert "Halden Farma Ltda." in found


def test_australian_and_malaysian_legal_forms_and_a_place_in_a_chinese_name() -> None:
    facts = facts_from(
        "Kessel Deal\n\n" + DATELINE + "Kessel Bio AB today announced agreements with Orvane "
        "Pharmaceuticals Pty Ltd, Lindqvist Sdn Bhd and Halden (Suzhou) Biopharma Co., Ltd.\n"
    )
    names = {o.name for o in facts.organizations}
    assert {"Orvane Pharmaceuticals", "Lindqvist"} <= names
    assert not names & {"Orvane Pharmaceuticals Pty", "Biopharma"}  # no legal form, no bare kind


def test_a_name_made_of_industry_words_with_a_legal_form_is_still_a_name() -> None:
    facts = facts_from(
        "Kessel Deal\n\n" + DATELINE + "Kessel Bio AB today announced agreements with The "
        "Medicines Company and Genomics plc.\n"
    )
    assert {"Medicines", "Genomics"} <= {o.name for o in facts.organizations}


def test_partners_listed_after_collaborations_with_or_partners_of() -> None:
    facts = facts_from(
        "Kessel Signs Deal\n\n" + DATELINE + "Kessel Bio AB (Nasdaq Stockholm: KSSL) today "
        "announced a deal. Kessel has established collaborations with Asliax, Nays Therapeutics "
        "and Xenova. Partners of Orvane include Korta, Cela, Vicoix and Halden University. "
        "Orvane has established collaborations with Maroys and Janiova.\n"
    )
    found = forms(facts)
    assert {"Asliax", "Nays Therapeutics", "Xenova", "Korta", "Cela", "Vicoix"} <= found
    assert {"Maroys", "Janiova"} <= found and "Maroys and Janiova" not in found


def test_what_an_agency_reviews_is_not_part_of_its_name() -> None:
    facts = facts_from(
        "Kessel Announces MAA Validation\n\n" + DATELINE + "Kessel Bio AB (Nasdaq Stockholm: "
        "KSSL) today announced the validation of its Marketing Authorization Application by the "
        "European Medicines Agency for KSL-5195, a small molecule.\n"
    )
    assert "European Medicines Agency" in orgs(facts)
    assert not any("KSL-5195" in f for f in forms(facts))


def test_a_headlines_capitals_are_no_alias() -> None:
    facts = facts_from(
        "KESSEL BIO, INC. AND ORVANE SIGN DEAL\n\n" + DATELINE + "Kessel Bio, Inc. (Nasdaq: KSSL) "
        "today announced an agreement with Orvane Pharma AB.\n"
    )
    kessel = orgs(facts)["Kessel Bio"]
    assert not any(a.isupper() for a in kessel.aliases)


def test_a_title_cased_copy_of_a_name_in_capitals_is_no_alias() -> None:
    facts = facts_from(
        "Kessel Licenses Drug in Korea\n\n" + DATELINE + "Kessel Bio AB (Nasdaq Stockholm: KSSL) "
        "today announced a license agreement with KORVA Inc. KORVA will pay Kessel an upfront "
        "fee.\n"
    )
    korva = orgs(facts)["KORVA"]
    assert "KORVA Inc." in korva.aliases
    assert not any(a.startswith("Korva") for a in korva.aliases)


# ---- names that only the grammar of money and deals gives ----------------------------------------


def test_a_name_without_legal_form_before_its_short_name_pays() -> None:
    facts = facts_from(
        "Kessel News\n\n" + DATELINE + "Kessel Bio AB (Nasdaq Stockholm: KSSL) today announced "
        "that Brenner-Oakes Stahl (BOS) has paid $3 million as a milestone payment to Kessel.\n"
    )
    assert "Brenner-Oakes Stahl" in orgs(facts)
    (payment,) = facts.payments
    assert payment.payer == "Brenner-Oakes Stahl"


def test_a_joint_opening_names_the_partner_after_the_first_ones_legal_form() -> None:
    facts = facts_from(
        "Kessel News\n\n" + DATELINE + "Kessel Bio, Inc. (Nasdaq: KSSL) and CALDERA today "
        "announced that they have entered into a definitive agreement under which Kessel Bio "
        "will acquire CALDERA for $800 million.\n"
    )
    assert "CALDERA" in orgs(facts)
    assert [(a.acquirer, a.acquired) for a in facts.acquisitions] == [("Kessel Bio", "CALDERA")]


def test_a_company_that_enters_into_a_deal_or_makes_an_offer_is_named() -> None:
    facts = facts_from(
        "Kessel News\n\n" + DATELINE + "Morvane has entered into a definitive agreement to "
        "acquire all outstanding shares of Swedish biotech company Kessel Bio AB. Kessel Bio "
        "had received an unsolicited proposal from Brennholt last year.\n"
    )
    assert {"Morvane", "Brennholt"} <= set(orgs(facts))
    assert [(a.acquirer, a.acquired) for a in facts.acquisitions] == [("Morvane", "Kessel Bio")]


def test_a_short_acronym_that_pays_is_a_company_and_a_country_code_is_not() -> None:
    facts = facts_from(
        "Kessel News\n\n" + DATELINE + "Kessel Bio AB (Nasdaq Stockholm: KSSL) today announced "
        "that it has earned a $5 million milestone payment from TVK. Kessel Bio is also entitled "
        "to royalties from US sales. To date, Kessel Bio has received $20 million from TVK.\n"
    )
    assert "TVK" in orgs(facts)
    assert "US" not in orgs(facts)
    assert {p.payer for p in facts.payments} == {"TVK"}


def test_an_acronym_of_the_name_without_its_legal_form_and_generic_tail_is_an_alias() -> None:
    facts = facts_from(
        "Kessel News\n\n" + DATELINE + "Kessel Bio AB (Nasdaq Stockholm: KSSL) today announced "
        "the return of its rights to Lindqvist Nordholm International S.A. (LN). Kessel Bio "
        "will receive a transfer fee from LN. LN will market the product.\n"
    )
    assert "LN" in orgs(facts)["Lindqvist Nordholm International"].aliases
    assert "LN" not in orgs(facts)


def test_an_opening_of_several_words_or_with_a_bracket_and_description_names_the_issuer() -> None:
    group = facts_from(
        "Halvard News\n\n" + DATELINE + "Halvard Group today announced that it received EUR 2 "
        "million from Orvane Pharma AB.\n"
    )
    assert "Halvard Group" in orgs(group)
    described = facts_from(
        "Corvix News\n\n" + DATELINE + "Corvix Scientific (FR0000000001, ALCVX), a leading French "
        "group in diagnostics, announces today that it received from Tenby (now Orvane) a "
        "milestone payment of US $430,000.\n"
    )
    assert {"Corvix Scientific", "Tenby"} <= set(orgs(described))
    assert [(p.payer, p.payee) for p in described.payments] == [("Tenby", "Corvix Scientific")]


def test_a_partner_named_before_for_and_a_code_a_short_form_and_a_licensee_are_found() -> None:
    facts = facts_from(
        "Kessel News\n\n" + DATELINE + "Kessel Pharmaceutical Group Limited (HKG:9999) today "
        "announced a global collaboration with Orvane Labs for KX-B01D1 and that it granted an "
        "exclusive license to Tenvik Health to sell KX-12 tablets in the US. Kessel Pharma will "
        "get an upfront payment of $15 million.\n"
    )
    names = set(orgs(facts))
    assert {"Orvane Labs", "Tenvik Health"} <= names
    assert len([n for n in names if n.startswith("Kessel")]) == 1  # "Kessel Pharma" is short
    assert "KX-B01D1" in {c.name for c in facts.compounds}


def test_a_name_opening_in_lower_case_before_a_capitalised_word_and_its_legal_form() -> None:
    facts = facts_from(
        "Kessel News\n\n" + DATELINE + "eKESSEL Therapeutics, Inc. (NASDAQ: EKSL) today announced "
        "that it had dosed the first patient in its trial, run with Orvane AB and Tenvik Inc. "
        "(NYSE: TNV).\n"
    )
    assert "eKESSEL Therapeutics" in orgs(facts)
    assert not any(name.startswith("and ") for name in orgs(facts))


def test_a_company_called_by_its_ticker_is_that_company_and_one_before_an_agency_apart() -> None:
    ticker = facts_from(
        "Kessel News\n\n" + DATELINE + "Kessel Holdings plc (LSE: KSL) today announced that it "
        "has agreed to sell its royalty interest to Orvane Capital LLC. KSL will receive an "
        "upfront payment of $342 million.\n"
    )
    assert set(orgs(ticker)) == {"Kessel Holdings", "Orvane Capital"}
    joint = facts_from(
        "Kessel News\n\n" + DATELINE + 'Kessel Pharma and Lund-Oster Cancer Center ("LOCC") '
        "announced today that they have completed the sale of a royalty interest.\n"
    )
    assert orgs(joint)["Kessel Pharma"].aliases == []
    assert "LOCC" in orgs(joint)["Lund-Oster Cancer Center"].aliases


def test_the_trustees_of_a_university_are_no_organisation_of_their_own() -> None:
    facts = facts_from(
        "Kessel News\n\n" + DATELINE + "Kessel Bio AB (Nasdaq Stockholm: KSSL) today announced a "
        "license agreement with The Trustees of the University of Lund. Under the agreement, the "
        "University of Lund granted Kessel Bio an exclusive license.\n"
    )
    assert "Trustees" not in orgs(facts)
    assert "University of Lund" in orgs(facts)


def test_a_lower_case_name_with_its_legal_form_opening_a_release_and_a_payer_after_an_amount() -> (
    None
):
    facts = facts_from(
        "Kessel News\n\n" + DATELINE + "kessel NV, today announced it has received a milestone "
        "payment. kessel will receive $1.5 million from Orvane Tarrow for advancing a candidate.\n"
    )
    assert {"kessel", "Orvane Tarrow"} <= set(orgs(facts))
    assert facts.issuer == "kessel"


def test_a_name_with_a_capital_inside_and_a_legal_form_is_a_company_anywhere() -> None:
    facts = facts_from(
        "Kessel News\n\n" + DATELINE + "Kessel Bio AB (Nasdaq Stockholm: KSSL) gained the "
        "antibody with the acquisition of iKorvan, Inc. for $175 million in 2014.\n"
    )
    assert "iKorvan" in orgs(facts)


def test_a_people_is_no_company_and_a_firm_described_after_with_is_one() -> None:
    facts = facts_from(
        "Kessel News\n\n" + DATELINE + "Kessel Bio AB has entered into a strategic collaboration "
        "agreement with the US firm Orvane that will see the Danes receive $175 million upfront.\n"
    )
    assert set(orgs(facts)) == {"Kessel Bio", "Orvane"}


def test_new_opens_a_place_in_a_university_name_and_its_initials_are_an_alias() -> None:
    facts = facts_from(
        "Kessel News\n\n" + DATELINE + "New York University has sold a portion of its royalty "
        "interest to Orvane Capital LLC. NYU will receive $650 million in cash. NYU retains the "
        "rest.\n"
    )
    assert orgs(facts)["New York University"].aliases == ["NYU"]


def test_a_name_opening_with_a_common_word_that_the_text_repeats_is_a_company() -> None:
    facts = facts_from(
        "Kessel News\n\n" + DATELINE + "Kessel Bio AB today announced that it has sold a portion "
        "of its royalty stream to Drug Royalty USA for $24.1 million. Terms of the agreement with "
        "Drug Royalty provide for an initial payment of $20.5 million. Kessel Bio will receive "
        "an additional $3.6 million from Drug Royalty upon approval of a patent extension.\n"
    )
    assert "Drug Royalty" in orgs(facts)


def test_a_licensor_after_in_licensed_from_and_an_acronym_that_leaves_out_partners() -> None:
    facts = facts_from(
        "Kessel News\n\n" + DATELINE + "Kessel Bio AB originally in-licensed the program from "
        "Families of Lund (FOL), a patient organisation, and signed a financing agreement with "
        "Orvane Royalty Partners (ORP). ORP will pay Kessel Bio $25 million.\n"
    )
    assert "Families of Lund" in orgs(facts)
    assert "ORP" in orgs(facts)["Orvane Royalty Partners"].aliases


def test_makers_before_their_products_and_owners_before_their_units_are_companies() -> None:
    facts = facts_from(
        "Kessel Sells Part of Veltrax Royalty to Kessel Royalty\n\n" + DATELINE + "Orvane Capital "
        "LLC today said it bought part of the Veltrax royalty from Kessel Royalty Trust. Orvane "
        "Capital also has royalty interests in drugs such as Tenvik Laboratories' Quellora, "
        "Halden's Marvexa, and Brisko's Sorvant. Pharmaceutical group Lindqvist's Korvan said "
        "it had exercised its option. Korvan will pay Orvane Capital $5 million.\n"
    )
    assert {"Tenvik Laboratories", "Halden", "Brisko", "Lindqvist"} <= set(orgs(facts))
    assert {"Quellora", "Marvexa", "Sorvant"} <= {c.name for c in facts.compounds}
    assert "Kessel" not in orgs(facts)  # "Royalty" and "Kessel" of a title are no short names


def test_a_company_that_has_announced_that_or_is_paying() -> None:
    facts = facts_from(
        "Kessel News\n\n" + DATELINE + "Kessel Myers has announced that it has entered into a "
        "definitive merger agreement with biotech Orvane Therapeutics. KM is paying $58.00 per "
        "Orvane share in cash for a total deal value of $4.8B. KM is a large company.\n"
    )
    assert "Kessel Myers" in orgs(facts)
    assert any(name.startswith("Orvane") for name in orgs(facts))


def test_a_joint_opening_with_an_apposition_and_a_company_named_after_what_it_is() -> None:
    joint = facts_from(
        "Kessel News\n\n" + DATELINE + "Kessel Therapeutics, producer of the award-winning "
        "KESSELAN, and Orvane Bio today announced that Kessel will acquire all of the issued "
        "and outstanding shares of Orvane Bio common stock for $53 per share in cash.\n"
    )
    assert {"Kessel", "Orvane"} <= {n.split()[0] for n in orgs(joint)}
    described = facts_from(
        "Kessel News\n\n" + DATELINE + "US biotech Kessonix has been awarded up to $2.86 million "
        "in non-dilutive funding by the Lund Accelerator Fund.\n"
    )
    assert "Kessonix" in orgs(described)


def test_a_short_name_a_filing_defines_with_or() -> None:
    facts = facts_from(
        "Kessel News\n\n" + DATELINE + "On December 30, 2018, we entered into a series of "
        "agreements to license certain intellectual property to Orvane Jingdong Pharmaceutical "
        "Co., Ltd., or OJ. OJ will pay an upfront payment of $14.5 million.\n"
    )
    assert "OJ" in orgs(facts)["Orvane Jingdong Pharmaceutical"].aliases
    assert "OJ" not in orgs(facts)


def test_a_possessive_followed_by_a_place_is_no_part_of_a_name() -> None:
    facts = facts_from(
        "Kessel News\n\n"
        + DATELINE
        + "Kessel Bio AB reported that the FDA has accepted for review "
        "the application that was submitted by Kessel's US partner Orvane Pharmaceuticals.\n"
    )
    assert not any("'" in name for name in orgs(facts))


def test_each_company_a_list_after_companies_including_names() -> None:
    facts = facts_from(
        "Kessel News\n\n" + DATELINE + "Including Kessel Bio AB, the foundation has backed 10 such "
        "companies including Alvre, Anacor Biologics, Genvox Biosciences, and Zyomix.\n"
    )
    assert {"Alvre", "Anacor Biologics", "Genvox Biosciences", "Zyomix"} <= set(orgs(facts))


def test_a_comma_joined_name_its_acronym_spells_out_is_one_organisation() -> None:
    facts = facts_from(
        "Kessel News\n\n" + DATELINE + "Kessel Bio AB has received its first milestone payment "
        "from its licensing agreement with Lund, Tarrow and Orvane (LTO). The US$3 million "
        "payment brings to US$8 million the payments received.\n"
    )
    lto = [o for o in facts.organizations if "LTO" in (o.name, *o.aliases)]
    assert len(lto) == 1 and "Lund, Tarrow and Orvane" in (lto[0].name, *lto[0].aliases)
    assert "Tarrow" not in orgs(facts)


def test_a_name_with_an_initial_inside_and_a_name_that_defines_its_short_form() -> None:
    foundation = facts_from(
        "Kessel News\n\n" + DATELINE + "Kessel Bio AB has received a $4.9 million grant from The "
        "Lena K. Orvane Foundation for Parkinson's Research (LKOF).\n"
    )
    assert "LKOF" in orgs(foundation)["Lena K. Orvane Foundation for Parkinson's Research"].aliases
    trust = facts_from(
        "Kessel News\n\n" + DATELINE + "Kessel Bio AB announces that it has sold its royalty "
        'interest to Orvane Healthcare Trust ("Orvane Healthcare"), effective June 28.\n'
    )
    assert "Orvane Healthcare Trust" in {
        f for o in trust.organizations for f in (o.name, *o.aliases)
    }


def test_a_lower_case_name_may_open_with_digits() -> None:
    facts = facts_from(
        "4seven bio Agrees to be Acquired by Orvane Pharma\n\n" + DATELINE + "4seven bio, Inc. "
        "(Nasdaq: FSVN), today announced a merger agreement under which Orvane Pharma AG will "
        "acquire all of the outstanding shares of 4seven bio for $4.00 per share in cash.\n"
    )
    assert "4seven bio" in orgs(facts)
    assert facts.issuer == "4seven bio"


def test_a_name_led_by_digits_before_its_ticker_is_whole() -> None:
    facts = facts_from(
        "Milestone Received\n\n" + DATELINE + "Early-stage biotech 4Kessel Therapeutics (Nasdaq: "
        "FKSL) has received a milestone payment of $5 million from Orvane Pharma AG.\n"
    )
    assert "4Kessel Therapeutics" in orgs(facts)
    assert [p.payee for p in facts.payments] == ["4Kessel Therapeutics"]


def test_a_companys_center_is_a_unit_of_its_own() -> None:
    facts = facts_from(
        "Deal Signed\n\n" + DATELINE + "Orvane Bio has signed a contract with the Kessel Pharma "
        "Gene Therapy Center. The Kessel Pharma Gene Therapy Center is a subsidiary of Kessel "
        "Pharma, a large Swedish pharmaceutical company.\n"
    )
    assert {"Kessel Pharma Gene Therapy Center", "Kessel Pharma"} <= set(orgs(facts))


def test_a_bio_and_a_pharma_before_one_legal_form_are_two_companies() -> None:
    facts = facts_from(
        "Deal Forged\n\n" + DATELINE + "Orvane Bio and Kessel Pharma Ltd forged a deal to "
        "develop OB-101.\n"
    )
    assert {"Orvane Bio", "Kessel Pharma"} <= set(orgs(facts))


def test_a_company_named_after_biotech_company_opens_the_release() -> None:
    facts = facts_from(
        "Milestone Completed\n\n" + DATELINE + "On May 4, US-based biotech company Kesselix "
        "announced that it had completed the first milestone under its agreement with Orvane "
        "Therapeutics Inc.\n"
    )
    assert "Kesselix" in orgs(facts)
    assert facts.issuer == "Kesselix"


@pytest.mark.parametrize(
    ("opening", "name"),
    [
        ("Kesselix has completed its acquisition of Orvane Corp. for $5 million.", "Kesselix"),
        ("On 20 May, 4Kessel announced a licensing agreement with Orvane Inc.", "4Kessel"),
        ("Drugmaker Kessel Lindqvist and Co said on Monday it would buy Orvane Inc.",
         "Kessel Lindqvist"),
        ("Dutch biotech company Kesselix, focusing on rare diseases, has agreed with Orvane "
         "Inc. to advance three compounds.", "Kesselix"),
        ("Germany-based biotech Kesselix (KSLX) announced on Friday it has been pledged a "
         "grant by Orvane Inc.", "Kesselix"),
        ("Pharmaceutical company Orvane's Kesselix said it had exercised its option to acquire "
         "all remaining shares in Lumen Inc.", "Kesselix"),
    ],
)  # fmt: skip
def test_the_subject_of_the_first_sentence_is_a_company_and_the_issuer(
    opening: str, name: str
) -> None:
    facts = facts_from("News\n\n" + DATELINE + opening + "\n")
    assert name in orgs(facts)
    assert facts.issuer == name


def test_a_short_form_of_initials_and_a_cut_word_is_the_same_company() -> None:
    facts = facts_from(
        "News\n\n" + DATELINE + "Kessel Orvane Lund Pharmaceutical (KOL Pharm), a Swedish "
        "drugmaker, said it has signed a deal with Tenby Pharma AG. KOL Pharm said Monday it "
        "will receive $5 million.\n"
    )
    kol = [o for o in facts.organizations if "KOL Pharm" in (o.name, *o.aliases)]
    assert len(kol) == 1
    assert "Kessel Orvane Lund Pharmaceutical" in (kol[0].name, *kol[0].aliases)


def test_a_joint_release_is_put_out_by_the_party_based_in_the_dateline_city() -> None:
    facts = facts_from(
        "KLS, Orvane In $8.4-Bn Pact\n\nREDMOND, Wash., December 11, 2023 -- Kessel Lund Squibb "
        "(KLS) and Orvane, a Redmond, Washington-based clinical-stage company, have entered an "
        "exclusive license agreement for Orvane's OR-01. KLS will pay $800 million upfront.\n"
    )
    kls = orgs(facts)["Kessel Lund Squibb"]  # the name its initials spell, known as KLS
    assert kls.aliases == ["KLS"]
    assert facts.issuer == "Orvane"


def test_a_name_that_opens_with_its_ticker_keeps_it() -> None:
    facts = facts_from(
        "KSLX Announces Contract\n\n" + DATELINE + "KSLX Technologies, Inc. (NASDAQ: KSLX), a "
        "commercial-stage company, today announced the exercise of options under its contract "
        "with Orvane AB.\n"
    )
    assert "KSLX Technologies" in orgs(facts)
    assert facts.issuer == "KSLX Technologies"


def test_a_headline_pair_that_announces_a_deal_is_two_companies() -> None:
    facts = facts_from(
        "Kessel and Orvane Announce Co-Exclusive Licensing Agreement\n\n"
        + DATELINE
        + "As part of Kessel's commitment to vaccines, the company has entered into a licensing "
        "agreement with Orvane, a biotechnology company. Orvane will receive an upfront payment "
        "of $50 million. Kessel will take a minority equity investment in Orvane.\n"
    )
    assert {"Kessel", "Orvane"} <= set(orgs(facts))
    assert [(p.payer, p.payee) for p in facts.payments] == [("Kessel", "Orvane")]


def test_a_headline_pair_is_only_companies_the_text_names_again() -> None:
    facts = facts_from(
        "Lund and Malmo Announce a Vaccine Programme\n\n"
        + DATELINE
        + "Orvane Bio, Inc. (Nasdaq: ORVB) will receive a grant of $2 million.\n"
    )
    assert not {"Lund", "Malmo"} & forms(facts)


def test_two_legal_names_that_share_a_word_are_two_companies() -> None:
    facts = facts_from(
        "Kessel Bio acquires Kessel AG\n\n"
        + DATELINE
        + "Kessel Bio, Inc., a biopharmaceutical company, has announced the acquisition of "
        "Kessel AG, a patent-holding company. The purchase price is $80 million.\n"
    )
    names = {name_key(o.name) for o in facts.organizations}
    assert {"kessel bio", "kessel"} <= names
    assert [(a.acquirer, name_key(a.acquired)) for a in facts.acquisitions] == [
        ("Kessel Bio", "kessel")
    ]


def test_a_name_before_its_chief_executives_title_is_a_company() -> None:
    facts = facts_from(
        "Biotech regains its vaccine\n\n"
        + DATELINE
        + "The project returns to Orvane. In a webcast, Orvane CEO Ida Brandt said the "
        "decision was made by the partner.\n"
    )
    assert "Orvane" in orgs(facts)


def test_a_company_written_as_anothers_possession_is_its_unit() -> None:
    facts = facts_from(
        "Kessel’s Linden ends licensing deal with Norwegian biotech\n\n"
        + DATELINE
        + "The California-based company, a Kessel subsidiary, signed a licensing deal in 2020 "
        "to study a vaccine. For that, Linden paid $200 million upfront. Now Linden returns "
        "the project to Orvane, which regains the rights. Orvane CEO Ida Brandt spoke.\n"
    )
    assert [(p.payer, p.payee) for p in facts.payments] == [("Linden", "Orvane")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Orvane shares jumped on the news of its licence.",
        "Orvane picked up a $118 million contract which could grow.",
        "Orvane won a $5 million grant for its vaccine.",
    ],
)
def test_a_company_is_known_by_what_only_a_company_does(sentence: str) -> None:
    facts = facts_from("Vaccine makers win contracts\n\n" + DATELINE + sentence + "\n")
    assert "Orvane" in orgs(facts)


def test_an_agency_a_company_has_a_deal_for_money_with_is_a_party() -> None:
    facts = facts_from(
        "Orvane wins vaccine deal\n\n" + DATELINE + "Orvane Bio, Inc. (Nasdaq: ORVB) shares "
        "jumped on its $97 million deal with the Biomedical Advanced Research and Development "
        "Authority, which includes an option to expand it.\n"
    )
    assert [(p.payer, p.payee) for p in facts.payments] == [
        ("Biomedical Advanced Research and Development Authority", "Orvane")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Linden Bio, Inc. signed a deal with Kessel group Orvane to develop antibodies.",
        "Linden Bio, Inc. will discover antibodies, while Orvane will be responsible for their "
        "clinical development.",
    ],
)
def test_a_partner_named_as_a_groups_unit_or_by_its_duties_is_a_company(sentence: str) -> None:
    facts = facts_from("Linden ties with Kessel\n\n" + DATELINE + sentence + "\n")
    assert "Orvane" in orgs(facts)


def test_a_professor_of_a_university_is_a_person_and_the_university_an_organisation() -> None:
    facts = facts_from(
        "Orvane licenses drug\n\n" + DATELINE + "Orvane Bio, Inc. (Nasdaq: ORVB) has been "
        "researching AP-1 in a research collaboration with Professor Ida Brandt of Lund "
        "University and Professor Karl Holm of Malmo University.\n"
    )
    assert {"Lund University", "Malmo University"} <= forms(facts)
    assert not any(f.startswith("Professor") for f in forms(facts))


def test_what_an_agency_approves_is_no_part_of_its_name() -> None:
    facts = facts_from(
        "Orvane earns milestone\n\n" + DATELINE + "Orvane Bio, Inc. (Nasdaq: ORVB) will receive "
        "$20 million following approval by the U.S. Food and Drug Administration of ZX-101 "
        "for adults.\n"
    )
    assert not any(f.endswith("ZX-101") for f in forms(facts))


def test_where_a_company_is_headquartered_is_no_name() -> None:
    facts = facts_from(
        "Grant for research\n\n" + DATELINE + "Linden Bio, Inc. announced today a $15 million "
        "research agreement with Ireland-headquartered drugmaker Orvane (LSE: ORV).\n"
    )
    assert "Orvane" in orgs(facts)
    assert not any("headquartered" in f for f in forms(facts))


@pytest.mark.parametrize("exchange", ["MCE", "MSE"])
def test_a_name_before_the_madrid_exchanges_ticker_is_a_company(exchange: str) -> None:
    facts = facts_from(
        "Kessel receives the first milestone payment from Orvane Pharmaceuticals\n\nMADRID, "
        f"March 4, 2022 -- On March 4, 2022 Kessel ({exchange}:KSL) reported the receipt of "
        "payment of $25 million from its U.S. partner, Orvane Pharmaceuticals.\n"
    )
    assert "Kessel" in orgs(facts)
    assert facts.issuer == "Kessel"


def test_a_company_described_before_its_name_after_from_is_a_company() -> None:
    facts = facts_from(
        "Kessel banks milestone\n\n" + DATELINE + "Kessel AB is $5.6 million richer after "
        "banking a milestone payment from Japanese electronics business Orvane.\n"
    )
    assert "Orvane" in orgs(facts)
    assert not any("Japanese" in f for f in forms(facts))


@pytest.mark.parametrize("adjective", ["Nasdaq-quoted", "NYSE-traded"])
def test_where_a_company_is_quoted_or_traded_is_not_part_of_its_name(adjective: str) -> None:
    facts = facts_from(
        "Kessel Deal\n\n" + DATELINE + "The deal was clinched by Kessel AB with "
        f"{adjective} Orvane Therapeutics Inc. Orvane will pay Kessel $7 million.\n"
    )
    assert not any(adjective in f for f in forms(facts))
    assert "Orvane" in orgs(facts) or "Orvane Therapeutics" in orgs(facts)


def test_a_company_called_by_its_name_without_the_city_it_opens_with_is_one_company() -> None:
    facts = facts_from(
        "Kessel inks deal with Orvane\n\n" + DATELINE + "Shanghai Kessel Biotech, Inc. "
        "announced a licensing agreement with Orvane AG. Under the agreement, Kessel will be "
        "responsible for development, and is eligible to receive up to $301 million.\n"
    )
    (kessel,) = [o for o in facts.organizations if o.name != "Orvane"]  # one Kessel
    assert {(p.payer, p.payee) for p in facts.payments} == {("Orvane", kessel.name)}


def test_whom_payments_go_to_and_who_receives_after_an_adverb_is_a_company() -> None:
    facts = facts_from(
        "Avelor Bio and Tenby team up on a flu vaccine\n\n" + DATELINE + "Avelor Bio Inc. will "
        "work with Tenby on a flu vaccine, AV-12. The deal is worth up to $40 million in license "
        "and milestone payments to Tenby. Tenby will immediately receive $2 million.\n"
    )
    assert "Tenby" in forms(facts)
    assert [(p.payer, p.payee) for p in facts.payments] == [("Avelor Bio", "Tenby")] * 2


def test_a_currency_after_up_to_is_no_company() -> None:
    facts = facts_from(
        "Avelor Bio Signs Deal\n\n" + DATELINE + "Avelor Bio AB will receive an upfront payment "
        "of Euros 5 million and up to Euros 20 million in milestone payments from Tenby Pharma "
        "Ltd.\n"
    )
    assert "Euros" not in forms(facts)


def test_a_company_that_can_earn_a_pharma_that_is_paying_and_the_company_apposition() -> None:
    facts = facts_from(
        "Tenby licenses Avelor antibody\n\n" + DATELINE + "Osaka-based pharma Tenby is "
        "widening its pipeline. The company is paying $6 million upfront for an antibody from "
        "Avelor. Avelor can earn up to $479 million in milestones. Orvane, the Oxford gene "
        "therapy company, has no part in the deal. Separately, the Korean company can also "
        "receive royalties.\n"
    )
    assert {"Tenby", "Avelor", "Orvane"} <= forms(facts)
    assert "Separately" not in forms(facts)
    assert [(p.payer, p.payee) for p in facts.payments] == [("Tenby", "Avelor")] * 2


def test_whom_a_royalty_is_sold_to_is_a_company_and_what_a_deal_is_for_is_no_name() -> None:
    facts = facts_from(
        "Avelor Bio Sells Half Its Royalty\n\n" + DATELINE + "Avelor Bio Corporation (NASDAQ: "
        "AVLR) has sold half of its royalty on ZUMAB™ (zumatinib). Avelor earns the royalty "
        "under its license agreement with Kessel for ZUMAB. The royalty has been sold to ORVA, "
        "effective today, for US $20 million.\n"
    )
    assert {"Kessel", "ORVA"} <= forms(facts)
    assert not any(" for " in f for f in forms(facts))
    assert [(p.payer, p.payee) for p in facts.payments] == [("ORVA", "Avelor")]


def test_a_company_awarded_a_contract_that_opens_the_body_after_a_headline_ending_in_drug() -> None:
    facts = facts_from(
        "Tenby wins US$40 million order from health ministry for antiviral drug\n\n"
        + DATELINE
        + "Tenby has been awarded a three-year supply contract by the Ruritanian Ministry of "
        "Health. The order is valued at US$40 million. Tenby will begin to receive payment "
        "once the first doses are shipped.\n"
    )
    assert "Tenby" in forms(facts)
    assert not any(c.name == "Tenby" for c in facts.compounds)
    assert facts.issuer == "Tenby"


def test_a_company_granted_rights_under_its_short_name_and_one_of_the_top_companies() -> None:
    facts = facts_from(
        "Avelor signs licence for AV-01\n\n" + DATELINE + "Avelor Biologics AG (Avelor) "
        "today signed an agreement granting Tenbyclin (TCN) exclusive rights to AV-01. Avelor "
        'will receive an up-front payment of £ 3 million. "Orvanex, one of the largest drug '
        'companies in Europe, is also talking to us," said the CEO.\n'
    )
    assert {"Tenbyclin", "Orvanex"} <= forms(facts)
    assert [(p.payer, p.payee) for p in facts.payments] == [("Tenbyclin", "Avelor")]


def test_a_company_described_as_the_biggest_specialist_after_its_name() -> None:
    facts = facts_from(
        "Avelor buys out its clinic partner\n\n" + DATELINE + "Avelor, the Dutch generics "
        "group, has agreed a $60m deal to buy the remaining half of Tenbury Care, the largest "
        "dialysis specialist in Ohio.\n"
    )
    assert {"Avelor", "Tenbury Care"} <= forms(facts)
    assert [{p.payer, p.payee} for p in facts.payments] == [{"Avelor", "Tenbury Care"}]


@pytest.mark.parametrize(
    ("sentence", "government"),
    [
        (
            "The Halden Federal Government will provide EUR 5 million to Orvane.",
            "Halden Federal Government",
        ),
        (
            "Orvane also obtained a grant of $2 million from the Halden Government.",
            "Halden Government",
        ),
        ("Orvane said the Japanese government will fund the plant.", "Japanese government"),
        ("Orvane has received $1 million from the U.S. government.", "U.S. government"),
    ],
)
def test_a_government_is_an_organisation(sentence: str, government: str) -> None:
    facts = facts_from(
        "Orvane wins support\n\n" + DATELINE + "Orvane Bio, Inc. (Nasdaq: ORVB) "
        "reported progress. " + sentence + "\n"
    )
    assert government in orgs(facts)


def test_government_before_a_noun_is_a_modifier_not_a_name() -> None:
    facts = facts_from(
        "Orvane meets sponsors\n\n" + DATELINE + "Orvane Bio, Inc. (Nasdaq: ORVB) will meet its "
        "U.S government sponsors and apply for Japanese government grants.\n"
    )
    assert not any("government" in f for f in forms(facts))


def test_an_agency_named_centers_for_one_thing_and_another_is_one_name() -> None:
    facts = facts_from(
        "Orvane signs contract\n\n" + DATELINE + "Orvane Bio, Inc. (Nasdaq: ORVB) signed a "
        "contract with the Halden Centers for Disease Control and Prevention.\n"
    )
    assert "Halden Centers for Disease Control and Prevention" in orgs(facts)


def test_a_country_before_or_after_a_company_s_name_is_no_part_of_it() -> None:
    facts = facts_from(
        "Orvane signs licence\n\n" + DATELINE + "South Korea’s Orvane Bio Co., Ltd. signed a "
        "licence with Kessel Pharmaceutical of Japan, which will pay Orvane $5 million.\n"
    )
    assert "Kessel Pharmaceutical" in orgs(facts)
    assert any(name.startswith("Orvane") for name in orgs(facts))
    assert not any("Korea" in f or "Japan" in f for f in forms(facts))


def test_a_contract_s_defined_role_and_a_place_area_are_no_organisations() -> None:
    facts = facts_from(
        "Orvane completes tender offer\n\n" + DATELINE + "Under the merger agreement among "
        'Orvane Bio, Inc., a Delaware corporation ("Parent"), and Kessel Labs, Inc. ("Kessel"), '
        "a wholly owned subsidiary of Parent bought the shares of Kessel, a Lund-area company.\n"
    )
    assert "Parent" not in forms(facts)
    assert not any(f.endswith("-area") for f in forms(facts))
    assert "Kessel" in forms(facts)


def test_a_company_named_after_and_with_the_issuer_before_its_legal_form_is_its_own() -> None:
    facts = facts_from(
        "Orvane signs licence\n\n" + DATELINE + "Swedish firm Orvane and Kessel Lund "
        "Pharmaceutical Group Co. (KLPG), a subsidiary of Halden-based Tenby Pharma, has entered "
        "into a licensing agreement. KLPG will pay Orvane $12 million.\n"
    )
    assert "Kessel Lund Pharmaceutical Group" in orgs(facts)
    assert not any(" and " in f for f in forms(facts))
    # the subsidiary that signs pays, not its parent
    assert [p.payer for p in facts.payments] == ["Kessel Lund Pharmaceutical Group"]


def test_what_is_bought_for_an_amount_in_a_lowercased_code_is_a_company() -> None:
    facts = facts_from(
        "Orvane buys Kesselmedica\n\n" + DATELINE + "Orvane Bio AB (publ) acquires Kesselmedica "
        "for sek 900 million, paid in cash.\n"
    )
    assert "Kesselmedica" in orgs(facts)
    assert [a.acquired for a in facts.acquisitions] == ["Kesselmedica"]


@pytest.mark.parametrize(
    ("sentence", "advisers"),
    [
        (
            "Orvane Capital Markets is serving as exclusive financial advisor to Kessel, and "
            "Halden Ward Phillips & Vineberg is serving as Kessel's legal counsel.",
            {"Orvane Capital Markets", "Halden Ward Phillips & Vineberg"},
        ),
        (
            "Brandt is the financial adviser to Kessel with Orvane & Asahi and Halden & Plimpton "
            "providing legal advice.",
            {"Brandt", "Orvane & Asahi", "Halden & Plimpton"},
        ),
        (
            "Brandt Securities is advising Kessel with Orvane, Swaine & Moore acting as legal "
            "counsel.",
            {"Brandt Securities", "Orvane, Swaine & Moore"},
        ),
        (
            "Brandt Partners LLC and Orvane Villeneuve Franklin & Halden, LLP are acting as "
            "financial and legal advisors to Kessel, respectively.",
            {"Orvane Villeneuve Franklin & Halden, LLP"},
        ),
    ],
)
def test_a_deals_advisers_are_organisations(sentence: str, advisers: set[str]) -> None:
    facts = facts_from(
        f"Kessel to Acquire Tenby\n\n{DATELINE}Kessel AB will acquire Tenby Ltd for SEK 5 "
        f"million. {sentence}\n"
    )
    assert advisers <= forms(facts)


def test_a_persons_title_of_counsel_names_no_organisation() -> None:
    facts = facts_from(
        f"Kessel to Acquire Tenby\n\n{DATELINE}Kessel AB will acquire Tenby Ltd. Ida Brandt "
        "serves as General Counsel of Kessel.\n"
    )
    assert "Ida Brandt" not in forms(facts)


def test_a_regulator_keeps_its_country_as_the_text_writes_it() -> None:
    facts = facts_from(
        f"Kessel News\n\n{DATELINE}Kessel AB said the tablet was approved by the US Food and "
        "Drug Administration last year.\n"
    )
    assert "US Food and Drug Administration" in forms(facts)


def test_an_agency_of_two_domains_is_one_agency() -> None:
    facts = facts_from(
        f"Kessel News\n\n{DATELINE}Kessel AB keeps the dossier with Japan's Pharmaceuticals "
        "and Medical Devices Agency, the filing said.\n"
    )
    assert "Pharmaceuticals and Medical Devices Agency" in forms(facts)
    assert "Medical Devices Agency" not in forms(facts)


@pytest.mark.parametrize("verb", ["signs", "inks", "enters into"])
def test_the_subject_that_signs_a_deal_in_the_present_is_a_company(verb: str) -> None:
    facts = facts_from(
        f"Tenby News\n\n{DATELINE}Tenby AB:\n\n* Kessel Halden {verb} an exclusive agreement "
        "with Tenby AB for AV-101\n"
    )
    assert "Kessel Halden" in forms(facts)


def test_the_partner_after_a_deals_noun_in_a_headline_is_a_company() -> None:
    facts = facts_from(
        "Tenby Announces Clearance For Vaccine Collaboration With Orvane\n\n"
        f"{DATELINE}TENBY AB:\n\n* AGREEMENT WITH ORVANE IS NOW EFFECTIVE AND TENBY WILL RECEIVE "
        "A $130 MILLION UPFRONT PAYMENT\n"
    )
    assert "Orvane" in orgs(facts)
    assert [(p.payer, p.payee) for p in facts.payments] == [("Orvane", "Tenby")]


def test_a_name_joined_to_a_known_company_is_a_company_of_its_own() -> None:
    facts = facts_from(
        f"Tenby News\n\n{DATELINE}Tenby Pharmaceuticals AB said its longtime partners Tenby "
        "Pharmaceuticals and Orvane have settled their dispute.\n"
    )
    assert {"Tenby Pharmaceuticals", "Orvane"} <= set(orgs(facts))


def test_a_month_or_a_day_is_no_company() -> None:
    facts = facts_from(
        f"Kessel News\n\n{DATELINE}Kessel AB (KSL.ST) Monday said further payments totaling "
        "$15.0 million are due from December 1997 through December 1998 from Tenby Ltd.\n"
    )
    assert not {"Monday", "December"} & forms(facts)


def test_a_units_place_in_brackets_is_part_of_its_name() -> None:
    facts = facts_from(
        f'Kessel News\n\n{DATELINE}On May 7, 1997, Kessel AB (the "Company") acquired from '
        "Tenby (USA) Inc. the US rights to two nasal sprays.\n"
    )
    assert "Tenby (USA) Inc." in forms(facts)


def test_a_short_name_in_brackets_after_inc_does_not_end_the_sentence() -> None:
    facts = facts_from(
        f"Item 2. Acquisition of Assets\n\n{DATELINE}On May 7, 1997, Kessel Pharmaceuticals, "
        'Inc. (the "Company") acquired from Tenby (USA) Inc. the US rights to two nasal '
        "sprays. The purchase price consisted of $70.0 million paid in cash at closing.\n"
    )
    assert [(p.payer, p.payee) for p in facts.payments] == [("Kessel Pharmaceuticals", "Tenby")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Kessel AB said it has signed an agreement to buy Halden Care International (HCII) for "
        "$600 million in cash.",
        "Kessel AB has announced that it will acquire all shares of Orvane-Therapeutics for a "
        "total of EUR 1.18bn.",
    ],
)
def test_what_is_bought_for_a_price_is_a_company(sentence: str) -> None:
    facts = facts_from(f"Kessel News\n\n{DATELINE}{sentence}\n")
    assert len(facts.acquisitions) == 1
    assert facts.acquisitions[0].acquirer == "Kessel"


def test_what_a_whole_stake_is_bought_in_is_one_company() -> None:
    facts = facts_from(
        f"Kessel News\n\n{DATELINE}Kessel AB has entered into a definitive agreement to acquire a "
        "100% stake in Halden Serums and Vaccines Limited (HSV) from Tenby Capital.\n"
    )
    assert "Vaccines Limited" not in forms(facts)
    assert "Halden Serums and Vaccines Limited" in forms(facts)


def test_whom_a_company_will_pay_an_amount_is_a_company() -> None:
    facts = facts_from(
        f"Kessel News\n\n{DATELINE}Kessel AB is stepping up its push into medicine. The Swiss "
        "group will pay Orvane Halden 10 million euros upfront for rights to its patch test.\n"
    )
    assert "Orvane Halden" in orgs(facts)


def test_euros_after_up_to_is_no_company() -> None:
    facts = facts_from(
        f"Kessel News\n\n{DATELINE}Kessel AB is eligible for payments of up to Euros 46 million "
        "from Tenby Ltd.\n"
    )
    assert "Euros" not in forms(facts)


def test_the_market_of_a_region_is_no_company_that_markets() -> None:
    facts = facts_from(
        f"Kessel News\n\n{DATELINE}Kessel AB pays $37 million for rights in Europe, while Tenby "
        "Ltd retains rights to the North American market and all other territories. Tenby "
        "will market the drug in Canada.\n"
    )
    assert "North American" not in forms(facts)
    assert "Tenby" in orgs(facts)


def test_the_city_before_a_region_based_company_is_a_place() -> None:
    facts = facts_from(
        "Avelor Bio Signs Licence\n\n" + DATELINE + "Avelor Bio, Inc. has signed a licence "
        "agreement with Lyon, France-based Tenby Pharma SA for AV-7, which was developed by "
        "Cambridge, Mass.-based Kessel Therapeutics. Tenby Pharma will pay Avelor Bio $5 million.\n"
    )
    assert set(orgs(facts)) == {"Avelor Bio", "Tenby Pharma", "Kessel Therapeutics"}


def test_a_party_named_after_what_it_is_in_a_joint_venture() -> None:
    facts = facts_from(
        "Avelor Bio Receives Investment\n\n" + DATELINE + "Avelor Bio, Inc. will receive $5 "
        "million from Tenby Capital. Avelor Bio, a joint venture between Orvane Pharma and South "
        "Korean biotechnology firm Kessel, was set up in 2016. It has a joint venture with German "
        "drugmaker Halden.\n"
    )
    assert {"Orvane Pharma", "Kessel", "Halden"} <= set(orgs(facts))
    assert "South Korean" not in orgs(facts)


def test_a_short_name_defined_in_single_quotes_is_the_same_organisation() -> None:
    facts = facts_from(
        "Avelor Bio Signs Agreement\n\n" + DATELINE + "Avelor Bio, Inc. has signed an agreement "
        "to acquire the business from Tenby Investment Fund LP (‘Tenby’) for US$4 million. Avelor "
        "Bio will pay US$500k in cash to Tenby on the first anniversary of closing.\n"
    )
    assert set(orgs(facts)) == {"Avelor Bio", "Tenby"}
