"""People: names with several initials, credentials, honorifics and roles after the name.

Every release here is invented; each test fails if its rule goes away.
"""

from __future__ import annotations

from kg.extract import extract
from kg.facts import ReleaseFacts
from kg.read import parse_release

DATELINE = "BOSTON, March 3, 2015 /PRNewswire/ -- Kessel Bio, Inc. (Nasdaq: KSSL) today "


def facts_from(text: str) -> ReleaseFacts:
    return extract(parse_release(text.encode("utf-8"), source="inline"))


def people(facts: ReleaseFacts) -> dict[str, tuple[str | None, str | None]]:
    return {p.name: (p.role, p.organization) for p in facts.people}


def test_several_initials_and_a_credential_before_a_lower_case_role() -> None:
    facts = facts_from(
        "Kessel Earns Milestone\n\n" + DATELINE + "announced a milestone from Orvane Pharma.\n\n"
        "“This marks an important milestone,” said Ida K.M. Brandt, Ph.D., executive vice "
        "president, research and development, Orvane Pharma. “We look forward to it.”\n"
    )
    assert people(facts) == {
        "Ida K.M. Brandt": ("executive vice president, research and development", "Orvane Pharma")
    }


def test_a_credential_without_a_comma() -> None:
    facts = facts_from(
        "Kessel Earns Milestone\n\n" + DATELINE + "announced a milestone from Orvane Pharma.\n\n"
        "“We are excited,” said Tomas Lind D.Phil., president, chief executive officer and "
        "chairman of Kessel Bio.\n"
    )
    assert people(facts) == {
        "Tomas Lind": ("president, chief executive officer and chairman", "Kessel Bio")
    }


def test_an_honorific_marks_a_person_anywhere() -> None:
    facts = facts_from(
        "Kessel Acquires Unit\n\n" + DATELINE + "announced the purchase of a team led by Dr. "
        "Haruki SatoPurchase price is JPY 6 billion. The technology comes from the laboratory "
        "of Professor Hanna Lind. Dr. Orvane Laboratories Ltd is not a person.\n"
    )
    assert people(facts) == {"Haruki Sato": (None, None), "Hanna Lind": ("Professor", None)}


def test_a_name_said_without_a_role_and_a_later_role_fills_it_in() -> None:
    facts = facts_from(
        "Kessel Earns Milestone\n\n" + DATELINE + "announced a milestone, said Ida Brandt.\n\n"
        "“We are pleased,” said Ida Brandt, Chief Executive Officer of Kessel Bio.\n\n"
        "“A good day,” Tomas Lind said. The milestone was paid, said Kessel Bio.\n"
    )
    assert people(facts) == {
        "Ida Brandt": ("Chief Executive Officer", "Kessel Bio"),
        "Tomas Lind": (None, None),
    }


def test_a_role_and_name_in_a_japanese_companys_parenthesis() -> None:
    facts = facts_from(
        "Kessel Announces Agreement\n\nTOKYO, March 3, 2021 - Kessel Pharma Inc. (TSE: 4503, "
        'President and CEO: Haruki Sato, Ph.D., "Kessel") today announced a license '
        "agreement with Orvane Therapeutics, Inc. (Head Office: Osaka, Japan).\n"
    )
    assert people(facts) == {"Haruki Sato": ("President and CEO", "Kessel")}


def test_roles_in_running_text_a_signed_quote_and_an_appointment() -> None:
    facts = facts_from(
        "Kessel Appoints CFO\n\n" + DATELINE + "announced a collaboration with Orvane Pharma.\n\n"
        "Commenting on the agreement, Tomas Lind, Chief Executive Officer of Kessel Bio, said "
        "the deal was important. The work will be led by Hanna Berg, M.D., Chief Medical "
        "Officer of Kessel Bio. Nils Ek has been appointed Chief Financial Officer.\n\n"
        "“A milestone for us.” – Ida Brandt, Head of Research, Orvane Pharma\n\n"
        "Media contact\nPer Olsen, CFO, +46 8 555 120 00\n"
    )
    found = people(facts)
    assert found["Tomas Lind"] == ("Chief Executive Officer", "Kessel Bio")
    assert found["Hanna Berg"] == ("Chief Medical Officer", "Kessel Bio")
    assert found["Nils Ek"][0] == "Chief Financial Officer"
    assert found["Ida Brandt"] == ("Head of Research", "Orvane Pharma")
    assert "+46" not in (found["Per Olsen"][0] or "")


def test_a_role_before_the_name_set_off_by_commas() -> None:
    facts = facts_from(
        "Milestone\n\n" + DATELINE + "announced a milestone from Orvane Pharma.\n\n"
        'Kessel Bio CEO, Ida Brandt, commented, "We are pleased."\n\n'
        'Orvane’s CEO Lin Wei, added, "We look forward to the next phase."\n'
    )
    found = people(facts)
    assert found["Ida Brandt"] == ("CEO", "Kessel Bio")
    assert found["Lin Wei"] == ("CEO", "Orvane")


def test_a_contact_with_a_middle_name_and_a_label_above_a_contact() -> None:
    facts = facts_from(
        "Exhibit 99.1\nFOR IMMEDIATE RELEASE\nIda K. Brandt\nVice President, Investor "
        "Relations & Corporate Communications\n617 555 0100\nKessel Earns Milestone\n"
        + DATELINE
        + "announced a milestone from Orvane Pharma.\n\nContacts\n\nJon Erik Halvorsen, Vice "
        "President, Investor Relations,\ntelephone +45 2148 0118\n"
    )
    found = people(facts)
    assert (
        found["Ida K. Brandt"][0] == "Vice President, Investor Relations & Corporate Communications"
    )
    assert found["Jon Erik Halvorsen"][0] == "Vice President, Investor Relations"
    assert set(found) == {"Ida K. Brandt", "Jon Erik Halvorsen"}


def test_a_hyphenated_given_name_that_starts_like_a_legal_form() -> None:
    facts = facts_from(
        "Kessel Earns Milestone\n\n" + DATELINE + "announced a milestone from Orvane Pharma.\n\n"
        "“We are pleased,” said Se-Jin Park, Ph.D., Chief Executive Officer at Orvane Pharma.\n"
    )
    assert people(facts) == {"Se-Jin Park": ("Chief Executive Officer", "Orvane Pharma")}


def test_a_name_with_accented_capitals() -> None:
    facts = facts_from(
        "Kessel Earns Milestone\n\n" + DATELINE + "announced a milestone from Orvane Pharma.\n\n"
        "Dr. Ömer Čapek, CEO and co-founder of Orvane Pharma said, “A good day for us.”\n"
    )
    assert people(facts) == {"Ömer Čapek": ("CEO and co-founder", "Orvane Pharma")}


def test_a_wire_service_byline_is_no_person() -> None:
    facts = facts_from(
        "Kessel Earns Milestone\n\nBy PR Newswire | May 10, 2016\n\n"
        + DATELINE
        + "announced a milestone from Orvane Pharma.\n"
    )
    assert people(facts) == {}


def test_contacts_at_an_organisation_on_one_run_of_text() -> None:
    facts = facts_from(
        "EXHIBIT 99.1 FOR IMMEDIATE RELEASE: Contact at Kessel Bio: Ida Brandt or Tomas Lind "
        "555-123-4567 Contact at Orvane Pharma: Eva Berg 555-765-4321 KESSEL, ORVANE SIGN DEAL "
        "BOSTON, March 3, 2015 - Kessel Bio, Inc. (Nasdaq: KSSL) and Orvane Pharma Inc "
        "(NYSE: ORV) today announced an agreement.\n"
    )
    assert people(facts) == {
        "Ida Brandt": ("Contact", "Kessel Bio"),
        "Tomas Lind": ("Contact", "Kessel Bio"),
        "Eva Berg": ("Contact", "Orvane Pharma"),
    }


def test_contact_blocks_side_by_side_are_read_column_by_column() -> None:
    facts = facts_from(
        "Company Contact:    Investor Contact:\n"
        "Ida K. Brandt, Ph.D.    Tomas Lind/ Eva Berg, Ph.D.\n"
        "President and CEO    Media Contact:\n"
        "Kessel Bio, Inc.    Nils Holm\n"
        "555.727.3157    The Holm Agency\n"
        "   555.825.3210\n\n"
        "KESSEL RECEIVES MILESTONE\n\n" + DATELINE + "announced a milestone from Orvane Pharma.\n\n"
        "“A good day,” said Ida Brandt, President and CEO of Kessel Bio.\n"
    )
    assert people(facts) == {
        "Ida K. Brandt": ("President and CEO", "Kessel Bio"),
        "Tomas Lind": ("Investor Contact", None),
        "Eva Berg": ("Investor Contact", None),
        "Nils Holm": ("Media Contact", None),
    }


def test_a_role_between_a_company_and_a_name_and_in_a_photo_caption() -> None:
    facts = facts_from(
        "Kessel Signs Deal\n\n" + DATELINE + "announced a deal with Orvane Pharma.\n\n"
        "Ida Brandt (left), CEO of Kessel Bio, and Orvane Pharma CEO Tomas Lind, pose for a "
        "photo after signing the agreement.\n"
    )
    assert people(facts) == {
        "Ida Brandt": ("CEO", "Kessel Bio"),
        "Tomas Lind": ("CEO", "Orvane Pharma"),
    }


def test_a_person_among_a_companys_investors() -> None:
    facts = facts_from(
        "Kessel Acquires Orvane\n\n" + DATELINE + "announced it will acquire Orvane Pharma AG.\n\n"
        "Orvane Pharma's investors include Halden Partners, Lund Ventures and Nils Holm, as well "
        "as private individuals.\n"
    )
    assert people(facts) == {"Nils Holm": ("investor", "Orvane")}


def test_a_contact_block_that_lost_its_lines_and_columns() -> None:
    facts = facts_from(
        "Kessel Bio PLC 07 February 2005 FOR IMMEDIATE RELEASE For further information contact: "
        "Kessel Bio Holm Agency (Europe) Tel: +44 (0) 1223 471 471 Tel: +44 (0) 20 7067 0700 Ida "
        "Brandt, Chief Executive Officer Nils Holm Tomas Lind, Chief Financial Officer Eva Berg "
        "Anna Dahl, Director of Corporate Communications Communications/The Lund Group (USA) "
        "Tel: +1 212 477 9007 Per Sand, ext 17 (media) KESSEL BIO PLC ANNOUNCES RESULTS "
        + DATELINE
        + "announced its results.\n"
    )
    found = people(facts)
    assert found["Ida Brandt"][0] == "Chief Executive Officer"
    assert found["Tomas Lind"][0] == "Chief Financial Officer"
    assert found["Anna Dahl"][0] == "Director of Corporate Communications"
    assert found["Per Sand"][0] == "Contact"
    assert "Nils Holm" not in found  # a bare name: which column it was in is lost


def test_a_web_pages_furniture_is_no_person() -> None:
    facts = facts_from(
        "Kessel Earns Milestone\n\n" + DATELINE + "announced a milestone from Orvane Pharma.\n\n"
        "CONTACT:\nInvestors:\nIda Brandt\nVice President, Investor Relations\n+45 3555 6425\n"
        "ida@kessel.dk\n\nRelated Links\n\nMarket Snapshot\nTicker Volume Price Change\n"
        "KSSL 787,507 29.16 +1.77\n\n© 2020 BioWire Daily. All rights reserved.\n"
    )
    assert set(people(facts)) == {"Ida Brandt"}


def test_a_contact_role_that_opens_with_sr() -> None:
    facts = facts_from(
        "Kessel Earns Milestone\n\n" + DATELINE + "announced a milestone from Orvane Pharma.\n\n"
        "Contact:\nRob Lindqvist, Sr. Dir. Business Development\n555-550-2000\n"
    )
    assert people(facts)["Rob Lindqvist"][0] == "Sr. Dir. Business Development"
