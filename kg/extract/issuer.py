"""The issuer: the organisation that puts a release out, which is not always the first named.

Evidence, strongest first:

1. the registrant of an SEC filing ("KESSEL BIO, INC.\n(Exact name of registrant as specified
   in its charter)");
2. the company that labels the headline, as wires print it ("Kessel: Kessel and Orvane
   enter into ...", "EQS-News: Kessel AG: ...");
3. the subject of the dateline: the company that opens the text after the place and date
   ("BOSTON, March 3, 2015 -- Kessel, Inc. (Nasdaq: KSSL), a biotech company, today
   announced ..."); two companies as one subject ("Kessel and Orvane today announced") are a
   joint release, put out first by the first named;
4. the subject of "announces", "announced", "reports" near the top of the body;
5. the first "About X" boilerplate about a company;
6. the subject of the headline ("Kessel Earns Milestone from Orvane"): last of the strong
   clues, as a reprint's headline often leads with the partner;
7. the company whose ticker the text states first (a quote page, an investor-relations page);
8. the first company the body names.

A regulator never issues a release. When the body opens with two companies side by side and
no clue from 1 to 6 says which of them speaks ("Kessel, Orvane Extend Research Term"), the
issuer is unknown rather than guessed from 7 or 8.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.organizations import OrgRecord, OrgTable, mention_pattern, release_subject
from kg.extract.text import Layout

# Between a subject and its verb: tickers and definitions in parentheses, an apposition.
_PARENTHESES = re.compile(r"(?:\s*[(\[][^()\[\]]{0,200}[)\]])*")
_APPOSITION = re.compile(r",\s+(?:an?|the|one|which|headquartered|based)\b[^;]{0,300}?,\s+")
_ANNOUNCES = re.compile(
    r"(?i)\s*,?\s*(?:today\s+|also\s+|has\s+|have\s+|jointly\s+|formally\s+|hereby\s+)*"
    r"(?:announce[sd]?|report(?:s|ed)?|disclose[sd]?|confirm(?:s|ed)?|unveil(?:s|ed)?)\b"
)
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|(?:and|&)\s+)")
# What may stand between a dateline and its subject: rules, a time and zone, a stray day and
# month, the label of a regulated disclosure.
_LEAD = re.compile(
    r"(?:[\s\-–—:;,|•*·\[\]()/]+|I\s|\d{1,2}[:.]\d\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,5}\b)?"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|(?i:regulated\s+information|inside\s+information|ad[\s-]hoc\s+announcement"
    r"|(?:press|news)\s+release|for\s+immediate\s+release)"
    r"|The\s+(?=[A-Z]))*"  # "The Kessel Research Institute enters …"
)
_ABOUT = re.compile(r"(?m)^[ \t]*About[ \t]+(?:the[ \t]+)?")
_REGISTRANT = re.compile(
    r"(?im)^[ \t]*(?P<name>[^\n(|]{2,120}?)[ \t]*\n[ \t|]*\((?:exact\s+name\s+of\s+registrant"
    r"|translation\s+of\s+registrant|name\s+of\s+registrant)"
)
_OPENING_CHARS = 1500  # how far into the body an "X announced" still speaks for the release

Mention = tuple[int, int, OrgRecord]


@dataclass(frozen=True)
class Issuer:
    name: str | None  # who put the release out; None where the release does not say
    about: str | None  # the company the release is about: the issuer, else the first named
    # The companies that announce together at the opening ("Kessel and Orvane today
    # announced"): in a joint release, each is the other's side of the deal.
    joint: tuple[str, ...] = ()


def find_issuer(text: str, layout: Layout, table: OrgTable) -> Issuer:
    """The organisation that put the release out, and the company the release is about."""
    # Every clue but the boilerplate is at the top: names further down are not read.
    companies = _company_mentions(text, table, max(0, layout.body_start) + _OPENING_CHARS)
    if not companies:
        companies = _company_mentions(text, table, len(text))
    if not companies:
        return Issuer(None, None)
    body = [c for c in companies if c[0] >= layout.body_start]
    first = (body or companies)[0][2].name
    subject, ambiguous = _dateline_subject(text, layout, companies)
    joint = _joint_announcers(text, layout, companies)
    abouts = _about_subjects(text, layout, table)
    for record in (
        _registrant(text, table),
        _headline_label(text, layout, companies),
        _joint_with_own_boilerplate(abouts, joint),
        _from_the_dateline_country(text, layout, table, joint),
        subject,
        _based_in_the_dateline_city(text, layout, companies) if ambiguous else None,
        _announcer(text, layout, companies),
        abouts[0] if abouts else None,  # the first "About X" boilerplate
        _headline_subject(text, layout, companies),
    ):
        if record is not None:
            return Issuer(record.name, record.name, joint)
    if ambiguous:
        return Issuer(None, first, joint)
    listed = _first_ticker(table)
    name = listed.name if listed is not None else first
    return Issuer(name, name, joint)


_DATELINE_CITY = re.compile(r"\s*(?P<city>[A-Z][A-Za-z .'’-]{1,30}?),")
_DATELINE_COUNTRY = re.compile(
    r"\s*[A-Z][A-Za-z .'’-]{1,30}?,\s*(?P<country>[A-Z][A-Za-z .]{1,25}?),"
)
# The country an exchange or a legal form places a company in (general knowledge, lower case).
_COUNTRY_OF_EXCHANGE = {
    "asx": "australia", "tsx": "canada", "tsxv": "canada", "tsx-v": "canada",
    "lse": "united kingdom", "aim": "united kingdom", "hkex": "hong kong", "sehk": "hong kong",
    "kosdaq": "korea", "krx": "korea", "kospi": "korea", "tse": "japan", "tyo": "japan",
    "six": "switzerland", "swx": "switzerland", "tase": "israel", "sgx": "singapore",
    "wse": "poland", "gpw": "poland", "nse": "india", "bse": "india", "twse": "taiwan",
    "tpex": "taiwan", "sse": "china", "szse": "china", "jse": "south africa", "bmv": "mexico",
    "omx": "sweden", "sto": "sweden", "cph": "denmark", "ose": "norway", "hel": "finland",
}  # fmt: skip
_COUNTRY_OF_LEGAL_FORM = {
    "n.v.": "netherlands", "b.v.": "netherlands", "k.k.": "japan", "a/s": "denmark",
    "oyj": "finland", "s.p.a.": "italy", "pty": "australia",
}  # fmt: skip
_COUNTRY_NAMES = {
    "uk": "united kingdom", "england": "united kingdom", "scotland": "united kingdom",
    "u.k.": "united kingdom", "south korea": "korea", "republic of korea": "korea",
    "the netherlands": "netherlands", "holland": "netherlands",
}  # fmt: skip


def _from_the_dateline_country(
    text: str, layout: Layout, table: OrgTable, joint: tuple[str, ...]
) -> OrgRecord | None:
    """'MELBOURNE, Australia -- Lilly (NYSE: LLY) and Acrux (ASX: ACR) announced': of the
    companies announcing together, the one its exchange or legal form places in the dateline's
    country put the release out (each partner publishes its own copy from home)."""
    if len(joint) < 2 or layout.dateline_start < 0:
        return None
    dateline = _DATELINE_COUNTRY.match(text, layout.dateline_start, layout.body_start)
    if dateline is None:
        return None
    country = dateline.group("country").strip().lower()
    country = _COUNTRY_NAMES.get(country, country)
    home = [
        record
        for name in joint
        if (record := table.get(name)) is not None and country in _countries_of(record)
    ]
    return home[0] if len(home) == 1 else None


def _countries_of(record: OrgRecord) -> set[str]:
    """The countries a company's listing and its legal form ("Pty Ltd", "N.V.") place it in."""
    found = {_COUNTRY_OF_EXCHANGE.get((record.exchange or "").lower())}
    for form in record.forms:
        found |= {_COUNTRY_OF_LEGAL_FORM.get(w.lower().strip(",")) for w in form.split()[-2:]}
    return {country for country in found if country}


def _based_in_the_dateline_city(
    text: str, layout: Layout, companies: list[Mention]
) -> OrgRecord | None:
    """'REDMOND, Wash. -- Kessel and Orvane, a Redmond, Washington-based company, have
    entered …': of the companies opening a joint release, the one the text places in the
    dateline's city put it out."""
    if layout.dateline_start < 0 or layout.body_start <= layout.dateline_start:
        return None
    dateline = _DATELINE_CITY.match(text, layout.dateline_start, layout.body_start)
    if dateline is None:
        return None
    city = re.escape(dateline.group("city").strip())
    home = re.compile(
        rf"(?i)\b{city}\b[^.;]{{0,30}}?-(?:based|headquartered)|\b(?:based|headquartered)\s+in\s+{city}\b"
    )
    opening = [c for c in companies if layout.body_start <= c[0] < layout.body_start + 300]
    placed = set()
    for i, (_, end, record) in enumerate(opening):
        stop = opening[i + 1][0] if i + 1 < len(opening) else end + 200
        if home.search(text, end, stop):
            placed.add(id(record))
    if len(placed) != 1:
        return None
    return next(c[2] for c in opening if id(c[2]) in placed)


def _company_mentions(text: str, table: OrgTable, end: int) -> list[Mention]:
    pattern = mention_pattern(table)
    if pattern is None:
        return []
    return [
        (m.start(), m.end(), record)
        for m in pattern.finditer(text, 0, end)
        if (record := table.get(m.group(0))) is not None and not record.agency
    ]


def _at(companies: list[Mention], pos: int) -> Mention | None:
    return next((c for c in companies if c[0] == pos), None)


def _after_subject(text: str, end: int) -> int:
    """Skip tickers, definitions and an apposition after a subject: where its verb starts."""
    end = _PARENTHESES.match(text, end).end()
    apposition = _APPOSITION.match(text, end)
    return apposition.end() if apposition else end


def _subject_at(text: str, pos: int, companies: list[Mention]) -> tuple[OrgRecord | None, bool]:
    """The company that is the subject of a clause opening at ``pos``; (None, True) when the
    clause opens with two companies and no verb of announcing says which one speaks."""
    first = _at(companies, _LEAD.match(text, pos).end())
    if first is None:
        return None, False
    end, listed = _end_of_list(text, first, companies)
    if not listed or _ANNOUNCES.match(text, end):
        return first[2], False
    return None, True


def _end_of_list(text: str, first: Mention, companies: list[Mention]) -> tuple[int, bool]:
    """Where a subject that opens with ``first`` ends ('Kessel (Nasdaq: KSSL) and Orvane, a
    ... company,'), and whether it names more than one company."""
    end, listed = _after_subject(text, first[1]), False
    while True:
        joined = _LIST_JOIN.match(text, _PARENTHESES.match(text, end).end())
        following = _at(companies, joined.end()) if joined else None
        if following is None or following[2] is first[2]:
            return end, listed
        end, listed = _after_subject(text, following[1]), True


def _dateline_subject(
    text: str, layout: Layout, companies: list[Mention]
) -> tuple[OrgRecord | None, bool]:
    if layout.body_start <= 0:
        return None, False
    subject, ambiguous = _subject_at(text, layout.body_start, companies)
    if subject is None and not ambiguous:
        # "Pharmaceutical company AstraZeneca's Alexion said", "On 20 May, 3SBio announced"
        opening = release_subject(text, layout.body_start)
        named = _at(companies, opening[0]) if opening else None
        subject = named[2] if named else None
    if subject is not None and _TITLE_WORDS.match(text, _after_company(text, layout, companies)):
        # "-- Orvane Extends Option to License Rights to Proteins Kessel, Inc. announced
        # today": a subtitle in title case that lost its line break, not the first sentence.
        return None, False
    return subject, ambiguous


# Five words in title case in a row (small words between them aside): a heading, not prose.
_TITLE_WORDS = re.compile(
    r"(?:\s+(?:(?:to|of|and|the|for|in|on|with|from|a|an|by|at)\s+)*[A-Z][\w'’-]*){5}"
)


def _after_company(text: str, layout: Layout, companies: list[Mention]) -> int:
    first = _at(companies, _LEAD.match(text, layout.body_start).end())
    return first[1] if first is not None else layout.body_start


def _announcer(text: str, layout: Layout, companies: list[Mention]) -> OrgRecord | None:
    """'Kessel Bio AG (FSE: KSL), a ... company, today announced', 'Kessel and Orvane today
    announced': the (first) subject of the first verb of announcing near the top of the body."""
    limit = layout.body_start + _OPENING_CHARS
    for mention in companies:
        if layout.body_start <= mention[0] <= limit:
            end, _ = _end_of_list(text, mention, companies)
            if _ANNOUNCES.match(text, end):
                return mention[2]
    return None


# "Kessel: ", "EQS-News: Kessel AG: " at the start of a line of the headline block.
_LABEL_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[A-Za-z][\w-]{1,20}:[ \t]*)?$")
_LABEL_AFTER = re.compile(r"[ \t]*:[ \t]+\S")


def _headline_label(text: str, layout: Layout, companies: list[Mention]) -> OrgRecord | None:
    """'Kessel: Kessel and Orvane enter into a licence agreement': the wire prints the name of
    the company that puts the release out before its headline."""
    end = max(layout.dateline_start, 0)
    for start, stop, record in companies:
        if start >= end:
            break
        if _LABEL_AFTER.match(text, stop) and _LABEL_BEFORE.search(text, max(0, start - 30), start):
            return record
    return None


def _joint_announcers(text: str, layout: Layout, companies: list[Mention]) -> tuple[str, ...]:
    """'Kessel Inc. ("Kessel"), a ... company, and Orvane America Inc. ("OA") announced today':
    the companies of the first subject list near the top of the body that announces."""
    limit = layout.body_start + _OPENING_CHARS
    for mention in companies:
        if not layout.body_start <= mention[0] <= limit:
            continue
        names = [mention[2].name]
        end = _after_subject(text, mention[1])
        while True:
            joined = _LIST_JOIN.match(text, _PARENTHESES.match(text, end).end())
            following = _at(companies, joined.end()) if joined else None
            if following is None:
                break
            names.append(following[2].name)
            end = _after_subject(text, following[1])
        if _ANNOUNCES.match(text, end):
            return tuple(dict.fromkeys(names)) if len(names) > 1 else ()
    return ()


def _headline_subject(text: str, layout: Layout, companies: list[Mention]) -> OrgRecord | None:
    if layout.title is None:
        return None
    record, _ = _subject_at(text, layout.title[0], companies)
    return record


def _about_subjects(text: str, layout: Layout, table: OrgTable) -> list[OrgRecord]:
    """Every company an "About X" boilerplate is about, in order ('About Kessel Therapeutics':
    the boilerplate of the company behind the release)."""
    pattern = mention_pattern(table)
    found = []
    for about in _ABOUT.finditer(text, max(0, layout.body_start)):
        named = pattern.match(text, about.end()) if pattern is not None else None
        record = table.get(named.group(0)) if named else _short_name(text, about.end(), table)
        if record is not None and not record.agency and record not in found:
            found.append(record)
    return found


def _short_name(text: str, start: int, table: OrgTable) -> OrgRecord | None:
    """'About Orvane' over the boilerplate of Orvane Pharmaceutical Company: the one company
    whose name starts with the heading's words."""
    line_end = text.find("\n", start)
    heading = text[start : line_end if line_end != -1 else len(text)].strip()
    if not heading or len(heading) > 60:
        return None
    starts = [r for r in table.records if re.match(rf"{re.escape(heading)}\b", r.name)]
    return starts[0] if len(starts) == 1 else None


def _joint_with_own_boilerplate(
    abouts: list[OrgRecord], joint: tuple[str, ...]
) -> OrgRecord | None:
    """'Kessel and Orvane today announced …' with "About Orvane" alone at the end: the copy of
    a joint release that Orvane put out (each partner publishes its own, with its own
    boilerplate)."""
    if len(joint) < 2:
        return None
    own = [r for r in abouts if r.name in joint]
    return own[0] if len(own) == 1 else None


def _registrant(text: str, table: OrgTable) -> OrgRecord | None:
    found = _REGISTRANT.search(text)
    if found is None:
        return None
    record = table.get(found.group("name"))
    return record if record is not None and not record.agency else None


def _first_ticker(table: OrgTable) -> OrgRecord | None:
    listed = [r for r in table.records if r.ticker and not r.agency]
    return min(listed, key=lambda r: r.first) if listed else None
