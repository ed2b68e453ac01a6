"""The release date and the dateline, in every layout a release comes in.

Each text is invented (companies and places included); each test fails if its rule goes away.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract
from kg.facts import ReleaseFacts
from kg.read import parse_release

BODY = (
    "Kessel Therapeutics, Inc. (Nasdaq: KSSL) today announced that it has received a "
    "$5 million milestone payment from Orvane Pharma.\n"
)


def facts_from(text: str) -> ReleaseFacts:
    return extract(parse_release(text.encode("utf-8"), source="inline"))


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # wire datelines
        ("BOSTON, Mass., March 3, 2015 /PRNewswire/ -- ", date(2015, 3, 3)),
        ("BOSTON, Mass.--(BUSINESS WIRE)--Mar. 3, 2015-- ", date(2015, 3, 3)),
        ("BOSTON and LONDON, UK, Sept. 03, 2015 (GLOBE NEWSWIRE) -- ", date(2015, 9, 3)),
        ("Lund, Sweden, 3 March 2015 – ", date(2015, 3, 3)),
        ("Lund, Sweden; 3 March 2015; 07.00 CET; regulated information - ", date(2015, 3, 3)),
        ("Halden, Norway (March 3, 2015) – ", date(2015, 3, 3)),
        ("HALDEN, NORWAY I March 3, 2015 I ", date(2015, 3, 3)),
        ("Halden, Norway - March 3, 2015: ", date(2015, 3, 3)),
        ("BOTHELL, Wash. -- March 3, 2015\n\n", date(2015, 3, 3)),
        # labelled dates and dates alone on a line
        (" date 2015-03-03 ", date(2015, 3, 3)),
        ("Date: 3/12/2015\n\n", date(2015, 3, 12)),
        ("Published: Mar 3, 2015\n\n", date(2015, 3, 3)),
        ("03.03.2015\n\n", date(2015, 3, 3)),
        ("Basel, 03.03.2015\n\n", date(2015, 3, 3)),  # a European place-and-date line
        ("2015/03/03\n\n", date(2015, 3, 3)),
        ("News Release - March 3, 2015\n", date(2015, 3, 3)),
        ("Tuesday, March 3, 2015\n\n", date(2015, 3, 3)),
    ],
)
def test_every_dateline_layout_yields_the_date(head: str, expected: date) -> None:
    facts = facts_from("Kessel Receives Milestone Payment from Orvane\n\n" + head + BODY)
    assert facts.published == expected


def test_8k_date_of_report() -> None:
    text = (
        "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nFORM 8-K\nCURRENT REPORT\n"
        "Date of Report (Date of earliest event reported): March 3, 2015 (March 2, 2015)\n"
        "KESSEL THERAPEUTICS, INC.\n(Exact name of registrant as specified in its charter)\n\n"
        "Item 8.01 Other Events.\nOn March 2, 2015, the Company entered into an agreement.\n"
    )
    assert facts_from(text).published == date(2015, 3, 3)


def test_signature_date_of_a_filing_without_a_dateline() -> None:
    text = (
        "FORM 6-K\nREPORT OF FOREIGN PRIVATE ISSUER\nFor the month of March 2015\n\n"
        "Kessel Therapeutics, Inc. received a milestone payment under an agreement signed "
        "on June 5, 2011.\n\nSIGNATURES\nKessel Therapeutics, Inc.\nBy: /s/ Ida Brandt\n"
        "Date: March 4, 2015\n"
    )
    assert facts_from(text).published == date(2015, 3, 4)


def test_a_date_inside_a_sentence_is_not_the_release_date() -> None:
    text = (
        "Kessel Accepts Filing\n"
        "- Prescription Drug User Fee Act target action date of May 21, 2016\n"
        "Lund, Sweden, November 20, 2015 – " + BODY
    )
    assert facts_from(text).published == date(2015, 11, 20)


def test_a_past_deal_in_the_body_is_not_the_release_date() -> None:
    text = (
        "Kessel Receives Milestone\n\n"
        "Kessel Therapeutics, Inc. (Nasdaq: KSSL) today announced a payment under the "
        "agreement signed on June 5, 2011 with Orvane Pharma.\n"
    )
    facts = facts_from(text)
    assert facts.published is None
    assert "no publication date found" in facts.warnings


def test_a_page_date_above_the_text_gives_way_to_the_dateline() -> None:
    text = (
        "Kessel Receives Milestone\n\n"
        "- The Company will host a call on Thursday, March 5 at 8:00 a.m. EST -\n"
        "BOSTON and LONDON, United Kingdom, March 3, 2015 (GLOBE NEWSWIRE) -- " + BODY
    )
    assert facts_from(text).published == date(2015, 3, 3)


def test_dateline_in_a_text_that_lost_its_line_breaks() -> None:
    text = (
        "Transaction adds commercial capability in JapanLean model well positioned to scale "
        "The Company will host a call on Thursday, 5 March 2015 (details below) Tokyo, Japan "
        "and Halden, Norway, 3 March 2015 – " + BODY.strip()
    )
    facts = facts_from(text)
    assert facts.published == date(2015, 3, 3)
    assert facts.issuer == "Kessel Therapeutics"


def test_a_wire_dateline_after_a_headline_on_the_same_line() -> None:
    facts = facts_from(
        "EX-99.1 2 ex991.txt KESSEL, INC. EXHIBIT 99.1 Exhibit 99.1 Kessel Receives Notice "
        "from Orvane to Extend Option and License Agreement "
        "HALDEN--(BUSINESS WIRE)--March 3, 2015-- Orvane Extends Option to License Rights to "
        "Proteins Through 2017 Kessel Therapeutics, Inc. (Nasdaq: KSSL) announced today that "
        "Orvane will pay Kessel $2 million."
    )
    assert facts.published == date(2015, 3, 3)
    # The subtitle after the dateline ("Orvane Extends ...") is not the first sentence.
    assert facts.issuer == "Kessel"
    assert {o.name for o in facts.organizations} == {"Kessel", "Orvane"}


def test_a_canadian_wire_dateline_over_a_date_above_it() -> None:
    facts = facts_from(
        "Kessel Licenses Drug\n\nTuesday, March 10, 2015\n\nMONTREAL, March 3, 2015 /CNW/ - " + BODY
    )
    assert facts.published == date(2015, 3, 3)
    assert facts.issuer == "Kessel Therapeutics"


@pytest.mark.parametrize(
    "closing",
    [
        "Stockholm, Sweden, March 3, 2015.\n",
        "The information was submitted for publication, through the agency of the contact "
        "person set out above, at 08:00 CET on 3 March 2015.\n",
    ],
)
def test_a_release_dated_only_at_its_end(closing: str) -> None:
    text = (
        "Kessel AB (publ) today announced an agreement with Orvane Pharma A/S, signed on "
        "June 5, 2014.\n\n" + closing
    )
    assert facts_from(text).published == date(2015, 3, 3)
