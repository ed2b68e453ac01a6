"""The issuer: the organisation that puts the release out, not the first one named.

Every release here is invented; each test fails if its rule goes away.
"""

from __future__ import annotations

from decimal import Decimal

from kg.extract import extract
from kg.facts import ReleaseFacts
from kg.read import parse_release


def facts_from(text: str) -> ReleaseFacts:
    return extract(parse_release(text.encode("utf-8"), source="inline"))


def test_the_dateline_subject_not_the_partner_in_the_headline() -> None:
    facts = facts_from(
        "Orvane Takes Third License for Rights to Use Kessel, Inc.'s Platform\n\n"
        "WALTHAM, Mass.--(BUSINESS WIRE)--Kessel, Inc. (NASDAQ: KSSL), a biotechnology "
        "company, today announced that Orvane Pharma has licensed its platform.\n"
    )
    assert facts.issuer == "Kessel"


def test_a_joint_release_is_put_out_by_the_first_named() -> None:
    facts = facts_from(
        "Linden and Orvane Form Alliance\n\nApril 11, 2011\n\n"
        "CAMBRIDGE, England, April 11, 2011 /PRNewswire/ –\n\n"
        "– Deal Includes Upfront Cash and Equity –\n\n"
        "Linden Therapeutics and Orvane Pharmaceutical Company today announced a drug "
        "discovery collaboration.\n"
    )
    assert facts.issuer == "Linden"


def test_a_joint_release_with_one_partners_boilerplate_is_that_partners_copy() -> None:
    facts = facts_from(
        "Linden and Orvane Form Alliance\n\n"
        "CAMBRIDGE, England, April 11, 2011 /PRNewswire/ -- Linden Therapeutics and Orvane "
        "Pharmaceutical Company today announced a drug discovery collaboration.\n\n"
        "About Orvane\nOrvane Pharmaceutical Company discovers antibodies.\n"
    )
    assert facts.issuer == "Orvane Pharmaceutical"


def test_a_subject_list_with_appositions_before_the_verb() -> None:
    facts = facts_from(
        "Orvane and Kessel Form Alliance\n\nCAMBRIDGE, Mass.--(BUSINESS WIRE)--\nKessel\n"
        "Bio, Inc. (Nasdaq: KSSL), a leading RNAi company, and Orvane, a Linden company "
        "(EURONEXT: LND and NYSE: LNY),\nannounced today that they have formed an alliance.\n"
    )
    assert facts.issuer == "Kessel Bio"
    kessel = next(o for o in facts.organizations if o.name == "Kessel Bio")
    assert "Kessel Bio, Inc." in kessel.aliases  # the name broken over the dateline's lines


def test_the_registrant_of_a_filing() -> None:
    facts = facts_from(
        "FORM 8-K\nCURRENT REPORT\nDate of Report (Date of earliest event reported): "
        "March 3, 2015\nKESSEL BIO, INC.\n(Exact name of registrant as specified in its "
        "charter)\n\nItem 1.01 Entry Into a Material Definitive Agreement\nOn March 2, 2015, "
        "the Company announced a license agreement with Orvane plc (LSE: ORV). Orvane will "
        "pay Kessel $20 million.\n"
    )
    assert facts.issuer == "Kessel"


def test_the_subject_after_a_regulated_information_label() -> None:
    facts = facts_from(
        "EXHIBIT 99.1\nLinden and Orvane restructure collaboration\nMechelen, Belgium; "
        "24 October 2018; 22.02 CET; regulated information - Orvane NV (Euronext: ORV) and "
        "Linden, Inc (NYSE: LND) announce a restructuring of their alliance.\n"
    )
    assert facts.issuer == "Orvane"


def test_about_boilerplate_when_nothing_else_says() -> None:
    facts = facts_from(
        "Phase 3 for Velotamab\n\nOrvane Pharma will advance velotamab into Phase 3 under "
        "its agreement with Kessel Bio AG.\n\nAbout Kessel Bio\nKessel Bio AG is a "
        "biotechnology company.\n"
    )
    assert facts.issuer == "Kessel Bio"


def test_a_regulator_never_issues_the_release() -> None:
    facts = facts_from(
        "Approval\n\nBOSTON, March 3, 2015 /PRNewswire/ -- The U.S. Food and Drug "
        "Administration has approved velotamab, Kessel Bio, Inc. (Nasdaq: KSSL) announced.\n"
    )
    assert facts.issuer == "Kessel Bio"


def test_two_companies_side_by_side_and_no_one_speaking_leave_the_issuer_unknown() -> None:
    facts = facts_from(
        " date 2021-09-30 Orvane, Kessel Bio Extend Research Program\n"
        "- Orvane Inc (NYSE: ORV) has extended the research term of its agreement with Kessel "
        "Bio Inc (NASDAQ: KSSL).\n- As part of this extension, Kessel Bio is eligible to "
        "receive up to $10 million.\n"
    )
    assert facts.issuer is None
    assert "no issuer found" in facts.warnings
    # who pays whom is still read against the company the release is about
    paid = {(p.payer, p.payee, p.money.amount) for p in facts.payments if p.money}
    assert paid == {("Orvane", "Kessel Bio", Decimal(10_000_000))}


def test_the_company_that_labels_the_headline_puts_the_release_out() -> None:
    facts = facts_from(
        "KESSEL: Orvane and Kessel enter into a license agreement for velotamab\n"
        "Lund (Sweden); March 3, 2015, Orvane (Euronext: ORV) and KESSEL (Nasdaq: KSSL) have "
        "entered into a license agreement. Orvane will pay KESSEL EUR 20 million.\n"
    )
    assert facts.issuer == "KESSEL"


def test_a_charitable_trust_puts_out_its_own_release() -> None:
    facts = facts_from(
        "Linden Trust issues first grants to encourage drug discovery\n\n"
        "LONDON, January 19, 2007 -- The first awards have been made in the Linden Trust's "
        "£91 million plan for novel drugs.\n\n"
        "Orvane, an Oxford-based biotech company, has been awarded £3.48 million to create "
        "new antibacterials.\n"
    )
    assert facts.issuer == "Linden Trust"
    assert {(p.payer, p.payee) for p in facts.payments} >= {("Linden Trust", "Orvane")}


def test_a_headline_subject_after_the_is_the_issuer_when_the_body_names_no_speaker() -> None:
    facts = facts_from(
        "The Linden Research Institute enters five-year collaboration with Orvane\n\n"
        "LA JOLLA, Calif., November 30, 2006 -- Under the terms of the agreement, Orvane "
        "Pharma, Inc. will pay Linden Research Institute $100 million over five years.\n"
    )
    assert facts.issuer == "Linden Research Institute"


def test_of_two_companies_announcing_together_the_one_listed_in_the_datelines_country() -> None:
    body = (
        " -- Linden Pharma Inc. (NYSE: LND) and Orvane (ASX: ORV) announced today that they "
        "have entered into an exclusive worldwide license agreement.\n"
    )
    melbourne = facts_from(
        "Linden licenses Orvane's gel\n\nMELBOURNE, Australia, March 16, 2010" + body
    )
    boston = facts_from("Linden licenses Orvane's gel\n\nBOSTON, Mass., March 16, 2010" + body)
    assert (melbourne.issuer, boston.issuer) == ("Orvane", "Linden")


def test_the_warsaw_and_mumbai_exchanges_place_a_company_in_the_datelines_country() -> None:
    def issuer(dateline: str, exchange: str) -> str | None:
        return facts_from(
            f"New Linden / Orvane alliance\n\n{dateline}, January 30, 2012 -- Linden and Orvane "
            f"({exchange}:ORV) announced today that they have formed a joint venture.\n"
        ).issuer

    assert issuer("Warsaw, Poland", "WSE") == "Orvane"
    assert issuer("Mumbai, India", "NSE") == "Orvane"
