"""Document structure of a release: sentences with offsets, zones, dateline, date and title.

Everything here works on offsets into the release text so that every later fact can point
at the sentence it came from. Nothing raises: all parsing is regex-based and bounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_WORD = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# "June 14, 2011", "Jun. 14 2011", "14 June 2011", "2011-06-14", "2011/6/14", "12/1/2009",
# "22.10.2009". The numeric forms are ambiguous enough that they count only where a label says
# they are a date or they stand alone on their line (see ``_acceptable``).
DATE_RE = re.compile(
    rf"\b(?P<mon>{_MONTH_WORD})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_MONTH_WORD})\.?,?\s+(?P<year2>(?:19|20)\d\d)\b"
    r"|(?<![\d/.-])(?P<iy>(?:19|20)\d\d)(?P<isep>[-/.])(?P<im>[01]?\d)(?P=isep)(?P<id>[0-3]?\d)(?![\d/.-]?\d)"
    r"|(?<![\d/.])(?P<nm>[0-3]?\d)/(?P<nd>[0-3]?\d)/(?P<ny>(?:19|20)\d\d)\b"
    r"|(?<![\d/.])(?P<ed>[0-3]?\d)\.(?P<em>[01]?\d)\.(?P<ey>(?:19|20)\d\d)\b"
)
YEAR_RE = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")
# Markers of the wire service in a dateline: "(BUSINESS WIRE)", "/PRNewswire-FirstCall/".
WIRE_RE = re.compile(
    r"\(?\b(?:BUSINESS\s+WIRE|Business\s+Wire|GLOBE\s+NEWSWIRE|GlobeNewswire|MARKET\s+WIRE"
    r"|Marketwire|Marketwired|PRNewswire(?:-FirstCall|-USNewswire|-Asia)?|PR\s+Newswire|ACCESSWIRE"
    r"|HSMN\s+NewsFeed|Canada\s+NewsWire|CNW(?:\s+Telbec)?|EQS-News|Newsfile|JCN\s+Newswire"
    r"|ACN\s+Newswire|AETOSWire|PRWeb|Cision)\b\)?/?",
)
_HEAD_CHARS = 4000  # a date near a line start this far in may be the release date
_DATELINE_CHARS = 10000  # a dateline proper (place, date, dash) is looked for this far in
# After the date of a dateline proper: a time, a wire marker, then the dash before the text.
_AFTER_DATELINE = re.compile(
    r"[ \t]*\)?(?:,?[ \t]*\d{1,2}[:.]\d\d[ \t]*(?:[AaPp]\.?[Mm]\.?)?(?:[ \t]*[A-Z]{2,5}\b)?)?"
    r"[ \t]*(?:/?[ \t]*(?:" + WIRE_RE.pattern + r")[ \t]*)?(?:--|[–—]|-[ \t]|\|[ \t]|I[ \t]|:[ \t])"
)
_WIRE_BEFORE = re.compile(r"(?:" + WIRE_RE.pattern + r")[ \t]*(?:--|[–—-])?[ \t]*$")
_DASH_BEFORE = re.compile(
    r"[A-Za-z.][ \t]*(?:--|[–—])[ \t]*$"
)  # "BOTHELL, Wash. -- October 23, 2012"
# The places of a dateline that lost its line break: "Tokyo, Japan and Cambridge, UK, ".
_PLACE_RUN = re.compile(r"(?<![\w,])(?:(?:[A-Z][\w.'’()-]*|and|&)[,;]?[ \t]+){1,10}$")
# The place of a wire dateline that lost its line breaks, in capitals before the wire:
# "... Headline Words SEATTLE--(BUSINESS WIRE)--", "SOUTH SAN FRANCISCO, Calif.--(BUSINESS WIRE)--".
_PLACE_BEFORE_WIRE = re.compile(
    r"(?<![\w,])[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+)*(?:,[ \t]*[A-Z][\w.]*)?[ \t]*"
    r"(?:--|[–—-])?[ \t]*(?:" + WIRE_RE.pattern + r")[ \t]*(?:--|[–—-])?[ \t]*$"
)
_DATE_LABEL = re.compile(
    r"(?i)^\W*(?:date(?:\s+of\s+report\b[^:\n]{0,60})?|dated|published(?:\s+on)?|posted(?:\s+on)?"
    r"|released(?:\s+on)?|release\s+date|(?:news|press)\s+release)\s*[:\-–—|]?\s*$"
)
_WEEKDAY_ONLY = re.compile(r"(?i)^\W*(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*$")
_SIGNATURE_DATE = re.compile(r"(?im)^[ \t]*dated?[ \t]*:[ \t]*")
_PUBLICATION_NOTE = re.compile(
    r"(?i)\b(?:submitted|released|issued)\s+for\s+publication\b[^.]{0,160}?\b(?:on|at)\s+"
)
# A sentence that is only a place and a date: "Stockholm, Sweden, March 3, 2021."
_PLACE_AND_DATE = re.compile(
    rf"(?m)(?:^|(?<=[.!?][ \t]))[ \t]*(?:[A-Z][\w.'’-]*,?[ \t]+){{1,4}}"
    rf"(?P<date>(?:{_MONTH_WORD})\.?[ \t]+\d{{1,2}},?[ \t]+(?:19|20)\d\d"
    rf"|\d{{1,2}}[ \t]+(?:{_MONTH_WORD})\.?,?[ \t]+(?:19|20)\d\d)\.?[ \t]*$"
)
_DATELINE_TAIL = re.compile(
    r"(?:[\s\-–—/|()]|\sI\s)*(?:" + WIRE_RE.pattern + r")?(?:[\s\-–—/|()]|\sI\s)*"
)
# An e-mail address is tried only where a run of non-space starts: tried at every offset, a long
# run without "@" made the search quadratic (minutes for one 200,000-character "word").
_URL_RE = re.compile(r"(?:https?://|www\.)\S+|(?<!\S)[^\s@]+@\S+\.\w+")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s)")
_ABBREVIATIONS = frozenset(
    [
        "inc",
        "corp",
        "co",
        "ltd",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "no",
        "vs",
        "approx",
        "mil",  # "32 mil. Canadian dollars"
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "ph.d",
        "m.d",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mass",
        "calif",
        "fla",
        "wash",
        "colo",
        "conn",
        "pa",
        "md",
        "va",
        "ill",
        "mich",
        "minn",
        "tenn",
        "ariz",
        "del",
        "n.j",
        "n.y",
        "d.c",
        "sr",
        "jr",
        "dir",
        "fig",
        "ref",
        "est",
        "mo",
        "wis",
        "ind",
        "okla",
        "ore",
        "nev",
        "neb",
        "la",
        "ga",
        "al",
        "ky",
        "n.v",
        "s.a",
        "b.v",
        "s.p.a",
        "k.k",
        "l.p",
        "l.l.c",
        "a.g",
        "s.e",
    ]
)
_SENTENCE_STARTERS = frozenset(
    [
        "the",
        "this",
        "these",
        "that",
        "it",
        "its",
        "under",
        "in",
        "as",
        "on",
        "for",
        "a",
        "an",
        "our",
        "we",
        "he",
        "she",
        "they",
        "following",
    ]
)
_FLS_HEAD = re.compile(
    r"(?i)^\W*(?:safe\s+harbou?r|forward[- ]looking\s+statements?|cautionary\s+(?:note|statement)"
    r"|this\s+(?:press\s+)?release\s+(?:contains|includes)\s+forward[- ]looking"
    r"|statements\s+in\s+this\s+(?:press\s+)?release)"
)
_ABOUT_HEAD = re.compile(r"^\s*About\s+[A-Z\w]", re.M)
_CONTACT_HEAD = re.compile(
    r"(?im)^\W*(?:(?:media|investor|investors|company|press)?\s*contacts?\s*(?:information)?"
    r"|for\s+(?:further|more)\s+information(?:,?\s+please\s+contact)?|for\s+(?:media|investors?)"
    r"(?:\s+\w+)?|enquiries|inquiries|source:.*)\s*:?[\s*_]*$"
)
_DEBRIS_LINE = re.compile(
    r"(?i)^\W*(?:bookmark|share|print|email|navigation|press\s+release|news\s+release|exhibit\b"
    r"|for\s+immediate\s+release|attached\s+files|logo|date\s*:|company\s+website|sign\s+up"
    r"|free\b|staying\s+up|https?:|www\.|vice\s+president|director|contacts?\b|market\s+snapshot|ticker|related|tweet|\d|[-•*]|[A-Z]\W*$)"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    zone: str  # "head" (headline block), "body", "about", "fls", "contact"


# The safe-harbour section and the contact block: no deal, payment or event is read there.
NO_FACT_ZONES = ("fls", "contact")


@dataclass(frozen=True)
class Layout:
    """Where the parts of a release are, as offsets into the text."""

    body_start: int  # end of the dateline; the headline block is before it
    dateline_start: int
    about_start: int  # first "About X" heading, or len(text)
    fls_start: int  # forward-looking statements section, or len(text)
    contact_start: int  # contacts block, or len(text)
    published: date | None
    title: tuple[int, int] | None


@lru_cache(maxsize=8192)
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern built from a release's own names, compiled once per process.

    Names recur across releases (one big pharma is in thousands of them), so most of these
    patterns were compiled before. ``re``'s own cache is too small for them: it keeps 512
    patterns, oldest out first, and with a dozen new ones a release it also pushed out the
    literal patterns of this package, which then compiled again (2 ms a release in all).
    """
    return re.compile(pattern, flags)


# A case-insensitive pattern also reads "İ" and "ı" as "i", and "ſ" as "s" (and "K" as "k",
# which str.lower already does).
_CASE_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def fold_case(text: str) -> str:
    """The text in lower case as a case-insensitive pattern reads it: a word such a pattern
    matches is in it in lower case (a quick test before trying the pattern)."""
    # translate() maps a text with any non-ASCII character ("’", "®") one character at a time,
    # and most texts hold none of the three letters it changes: lower() alone gives the same.
    if "İ" in text or "ı" in text or "ſ" in text:
        text = text.translate(_CASE_FOLD)
    return text.lower()


@dataclass(frozen=True)
class Gated:
    """A pattern searched only in a text that holds what every match of it contains.

    A pattern that starts with a lookaround or "\\b" (most patterns of a name start with the
    name) is tried by the regex engine at every offset of a text, and often fails late: a name
    pattern reads up to seven words before the cue after them. Looking for the cue's words
    first (a substring test, or a pattern that starts with a literal) rules out most texts for
    a fraction of that cost and finds the same matches.
    ``words``: one of them is in every match; ``needs``: every match holds a match of it (read
    in the same text, so its lookarounds see the same context). A test holds each gate to it.
    """

    pattern: re.Pattern[str]
    words: tuple[str, ...] = ()
    needs: re.Pattern[str] | None = None
    ignore_case: bool = False  # the words are in lower case, looked for in fold_case(text)

    @property
    def groupindex(self) -> Mapping[str, int]:
        return self.pattern.groupindex

    def may_match(self, text: str) -> bool:
        if self.words:
            words_of = fold_case(text) if self.ignore_case else text
            # contains_any, inlined: this runs for every gate on every sentence
            if not any(map(words_of.__contains__, self.words)):
                return False
        return self.needs is None or self.needs.search(text) is not None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.may_match(text) else iter(())

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        # (the gate reads the whole text: what a match from ``pos`` holds is in it too)
        return self.pattern.search(text, pos) if self.may_match(text) else None


def any_of(words: str) -> tuple[str, ...]:
    """A gate's words, written as one string."""
    return tuple(words.split())


def one_of(words: Iterable[str]) -> re.Pattern[str]:
    """A gate's words as one pattern, for ``needs``. Where the words start with letters few
    texts hold (capitals), the pattern skips from one such letter to the next, and finds a
    word several times faster than one substring scan for each word."""
    return re.compile("|".join(re.escape(word) for word in words))


def contains_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of the words is in the text (map, not a generator: this runs hundreds of
    times a release, mostly over a few words, where a generator costs more than the tests)."""
    return any(map(text.__contains__, words))


def mask_urls(text: str) -> str:
    """Blank out URLs and e-mail addresses (same length) so no rule reads names out of them."""
    if "://" not in text and "www." not in text and "@" not in text:
        return text  # what every match holds: the pattern tries every word of the text
    return _URL_RE.sub(lambda m: " " * len(m.group()), text)


def parse_date(match: re.Match[str]) -> date | None:
    g = match.groupdict()
    try:
        if g["mon"]:
            return date(int(g["year"]), MONTHS[g["mon"][:3].lower()], int(g["day"]))
        if g["mon2"]:
            return date(int(g["year2"]), MONTHS[g["mon2"][:3].lower()], int(g["day2"]))
        if g["iy"]:
            return date(int(g["iy"]), int(g["im"]), int(g["id"]))
        if g["ey"]:
            return date(int(g["ey"]), int(g["em"]), int(g["ed"]))
        month, day, year = int(g["nm"]), int(g["nd"]), int(g["ny"])
        if month > 12:  # "22/10/2009": only day first can be meant
            month, day = day, month
        return date(year, month, day)
    except (ValueError, KeyError):
        return None


def find_layout(text: str) -> Layout:
    end = len(text)
    dateline_start, body_start, published = _find_dateline(text)
    about = _first(_ABOUT_HEAD, text, body_start, end)
    fls = _find_fls(text, body_start)
    contact = _first(_CONTACT_HEAD, text, body_start, end)
    if fls < contact:
        contact = _first(_CONTACT_HEAD, text, fls, end)
    title = _find_title(text, dateline_start)
    return Layout(body_start, dateline_start, about, fls, contact, published, title)


def _first(pattern: re.Pattern[str], text: str, start: int, default: int) -> int:
    match = pattern.search(text, start)
    return match.start() if match else default


def _find_fls(text: str, start: int) -> int:
    """Start of the safe-harbour paragraph: a heading, or a paragraph that opens with it."""
    offset = start
    for line in text[start:].split("\n"):
        if _FLS_HEAD.match(line) or (
            "forward-looking statements" in line.lower() and "safe harbor" in line.lower()
        ):
            return offset
        offset += len(line) + 1
    return len(text)


def _find_dateline(text: str) -> tuple[int, int, date | None]:
    """The dateline and the release date.

    Returns (start of the dateline, end of the dateline, the date). In order of trust: a
    dateline proper (a place, the date, then a wire marker or a dash before the first
    sentence); a date near the start of a line in the head of the text (a date line above
    the headline, "Date of Report: ...", "date 2019-12-23"); a "Date:" line anywhere (the
    signature of an SEC filing). Dates inside a sentence ("issued on October 23, 2009", "a
    target action date of May 21, 2021") are never the release date.
    """
    dates = list(_dates(text, 0, _HEAD_CHARS))
    proper = _dateline_proper(text, dates)
    if proper is not None:
        return proper
    head = text[:_HEAD_CHARS]
    for match in dates:
        line_start = head.rfind("\n", 0, match.start()) + 1
        if not _acceptable(head[line_start : match.start()], match):
            continue
        found = parse_date(match)
        if found is None:
            continue
        # A date line above the subtitles: the dateline proper is the later wire line.
        wire = WIRE_RE.search(head, match.end(), match.end() + 1500)
        if wire and "announced" not in head[match.end() : wire.start()].lower():
            wire_line = head.rfind("\n", 0, wire.start()) + 1
            return wire_line, _dateline_end(text, wire.end()), found
        return line_start, _dateline_end(text, match.end()), found
    later = _dates(text, dates[-1].end() if dates else 0, _DATELINE_CHARS)
    proper = _dateline_proper(text, later)  # after a long page header
    if proper is not None:
        return proper
    wire = WIRE_RE.search(head)
    if wire:
        line_start = head.rfind("\n", 0, wire.start()) + 1
        return line_start, _dateline_end(text, wire.end()), _closing_date(text)
    return 0, 0, _closing_date(text)


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _dates(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """DATE_RE's matches in ``text[start:end]``, found from their years: the full pattern tried
    at every offset of a long page cost more than the rest of the layout."""
    done = start
    for year in _YEAR.finditer(text, start, end):
        if year.start() < done:
            continue
        window = DATE_RE.finditer(text, max(done, year.start() - 25), min(end, year.end() + 6))
        for match in window:
            if match.start() <= year.start() and match.end() >= year.end():
                done = match.end()
                yield match
                break


def _dateline_proper(text: str, dates: Iterable[re.Match[str]]) -> tuple[int, int, date] | None:
    """'LEXINGTON, Mass., Nov. 12, 2021 (BUSINESS WIRE) -- Kessel ...', also in the middle of
    a line whose breaks were lost ('... (details below) Tokyo, Japan, 20 July 2023 - Kessel')."""
    for match in dates:
        if not (match.group("mon") or match.group("mon2") or match.group("iy")):
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        prefix = text[line_start : match.start()]
        if not (
            _AFTER_DATELINE.match(text, match.end())
            or _WIRE_BEFORE.search(prefix[-60:])
            or _DASH_BEFORE.search(prefix)
        ):
            continue
        start = line_start
        if len(prefix) > 120 or _looks_like_prose(prefix):
            run = _PLACE_RUN.search(prefix[-150:]) or _PLACE_BEFORE_WIRE.search(prefix[-150:])
            if run is None:
                continue
            start = match.start() - len(prefix[-150:]) + run.start()
            prefix = text[start : match.start()]
        if not re.search(r"[A-Z][\w.]*[A-Za-z]", prefix):
            continue  # no place: a date line above the headline, not a dateline
        found = parse_date(match)
        if found is not None:
            return start, _dateline_end(text, match.end()), found
    return None


def _acceptable(prefix: str, match: re.Match[str]) -> bool:
    """A date near the start of its line after nothing that reads like a sentence; the
    numeric forms only after a label or alone."""
    labelled = bool(_DATE_LABEL.match(prefix))
    if (
        match.group("mon")
        or match.group("mon2")
        or (match.group("iy") and match.group("isep") == "-")
    ):
        return labelled or (len(prefix) <= 70 and not _looks_like_prose(prefix))
    return (
        labelled
        or not prefix.strip(" \t|•·*-–—:")
        or bool(_WEEKDAY_ONLY.match(prefix))
        or bool(_PLACE_ONLY.match(prefix) and _LINE_ENDS.match(match.string, match.end()))
    )


# "Basel, 03.03.2021" on a line of its own: a European dateline, the place then the date.
_PLACE_ONLY = re.compile(r"^[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3},[ \t]*$")
_LINE_ENDS = re.compile(r"[ \t]*(?:[-–—:|][ \t]*)?(?:\n|$)")


def _closing_date(text: str) -> date | None:
    """Where a release without a dateline says when it was put out, at its end: a filing's
    'Date: February 6, 2007' line, the disclosure note of a European exchange ('The
    information was submitted for publication ... at 08:00 CET on 3 March 2021'), or the
    place and date on their own ('Stockholm, Sweden, March 3, 2021.')."""
    for label in _SIGNATURE_DATE.finditer(text):
        match = DATE_RE.match(text, label.end())
        if match is not None:
            return parse_date(match)
    for note in _PUBLICATION_NOTE.finditer(text):
        match = DATE_RE.search(text, note.end(), note.end() + 80)
        if match is not None:
            return parse_date(match)
    for match in _PLACE_AND_DATE.finditer(text):
        found = DATE_RE.fullmatch(match.group("date"))
        if found is not None:
            return parse_date(found)
    return None


def _looks_like_prose(prefix: str) -> bool:
    """'... was issued on' before a date: a sentence, not a dateline ('PHILADELPHIA and
    OXFORDSHIRE, United Kingdom,' is a dateline: only words written in lower case count)."""
    words = re.findall(r"(?<![\w'’-])[a-z]{3,}", prefix)
    return len([w for w in words if w not in ("and", "the")]) >= 2 or bool(
        re.search(r"(?i)\b(?:on|since|until|in|from|by|to|of|at|for|before|after)\s*$", prefix)
    )


def _dateline_end(text: str, pos: int) -> int:
    """Skip wire markers and dashes after the date to where the first sentence begins."""
    tail = _DATELINE_TAIL.match(text, pos, min(len(text), pos + 80))
    return tail.end() if tail else pos


def _find_title(text: str, limit: int) -> tuple[int, int] | None:
    """The headline: the first substantial line before the dateline that is not page debris."""
    offset = 0
    for line in text[:limit].split("\n"):
        stripped = line.strip()
        if (
            len(stripped.split()) >= 5
            and not _DEBRIS_LINE.match(stripped)
            and not DATE_RE.match(stripped)
            and not stripped.isupper()
            and len(re.findall(r"\d+(?:[.,]\d+)*", stripped)) < 3
            and ": " not in stripped[:40]
            and (not re.search(r"[.!?]\s*$", stripped) or len(stripped) < 200)
        ):
            lead = line.index(stripped[0])
            return offset + lead, offset + lead + len(stripped)
        offset += len(line) + 1
    return None


def split_sentences(text: str, layout: Layout) -> list[Sentence]:
    """Sentences with offsets; a hard line break ends a sentence only where it looks like one."""
    sentences: list[Sentence] = []
    for start, end in _join_dateline_subject(text, _paragraphs(text), layout.body_start):
        for s_start, s_end in _cut_at(_sentences_in(text, start, end), layout.dateline_start):
            chunk = text[s_start:s_end]
            if chunk.strip():
                sentences.append(Sentence(s_start, s_end, chunk, _zone(s_start, layout)))
    return sentences


def _join_dateline_subject(
    text: str, blocks: list[tuple[int, int]], body_start: int
) -> list[tuple[int, int]]:
    """'--(BUSINESS WIRE)--\nKessel\nBio, Inc. (Nasdaq: KSSL) today announced': a short line
    that opens the body is the start of its first sentence, not a heading."""
    for i, ((start, end), (following, after)) in enumerate(pairwise(blocks)):
        if start > body_start + 3:
            break
        line = text[max(start, body_start) : end]
        if (
            end > body_start
            and len(line.split()) <= 3
            and not re.search(r"[.!?:]\s*$", line)
            and text[end:following].count("\n") == 1
        ):
            return [*blocks[:i], (start, after), *blocks[i + 2 :]]
    return blocks


def _cut_at(spans: list[tuple[int, int]], pos: int) -> list[tuple[int, int]]:
    """A dateline in the middle of a line that lost its breaks starts a sentence of its own:
    what comes before it is the headline block."""
    cut: list[tuple[int, int]] = []
    for start, end in spans:
        if start < pos < end:
            cut.extend([(start, pos), (pos, end)])
        else:
            cut.append((start, end))
    return cut


def _zone(pos: int, layout: Layout) -> str:
    if pos < layout.dateline_start:
        return "head"
    if layout.fls_start < layout.contact_start <= pos:
        return "contact"  # contacts printed after the safe-harbour paragraph
    if pos >= layout.fls_start:
        return "fls"
    if pos >= layout.contact_start:
        return "contact"
    if pos >= layout.about_start:
        return "about"
    return "body"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks separated by blank lines, cut further at lines that are not soft wraps."""
    blocks: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n](?:[^\n]|\n(?![ \t]*\n))*", text):
        blocks.extend(_unwrap(text, match.start(), match.end()))
    return blocks


# The patterns of _unwrap and _sentences_in, compiled here: they run for every line and every
# full stop of a release.
_ENDS_A_LINE = re.compile(r"[.!?:\"”]$")
_OPENS_AN_ITEM = re.compile(r"[-•*·]\s")
_HYPHEN_END = re.compile(r"\w-$")
_LAST_WORD = re.compile(r"([\w.]+)\W*$")
_FIRST_WORD = re.compile(r"\W*(\w+)")
_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")


def _unwrap(text: str, start: int, end: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    pos = start
    for line in text[start:end].split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    if len(lines) == 1:
        return lines
    widths = sorted(e - s for s, e in lines)
    typical = widths[int(len(widths) * 0.75)]
    pieces: list[tuple[int, int]] = []
    piece_start = lines[0][0]
    for (s, e), (ns, ne) in pairwise(lines):
        line, following = text[s:e].rstrip(), text[ns:ne].lstrip()
        soft = (
            len(line) >= 0.6 * typical
            and not _ENDS_A_LINE.search(line)
            and not _OPENS_AN_ITEM.match(following)
        ) or (line[-1:] in (",", ";", "(", "&") or _HYPHEN_END.search(line) is not None)
        if following[:1].islower():
            soft = True
        if not soft:
            pieces.append((piece_start, e))
            piece_start = ns
    pieces.append((piece_start, lines[-1][1]))
    return pieces


def _sentences_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    s = start
    for match in _SENTENCE_END.finditer(text, start, end):
        cut = match.end()
        before = text[max(s, cut - 12) : cut]
        after = text[cut : cut + 20].lstrip()
        if not after or not (after[0].isupper() or after[0] in "\"“'(‘"):
            continue
        word = _LAST_WORD.search(before)
        if word and word.group(1).rstrip(".").lower() in _ABBREVIATIONS:
            first = _FIRST_WORD.match(after)
            lowered = word.group(1).rstrip(".").lower()
            if (
                lowered not in ("inc", "corp", "co", "ltd", "n.v", "s.a", "b.v", "s.p.a")
                or not first
                or after[0] == "("  # "Kessel, Inc. (the "Company") acquired": its short name
            ):
                continue
            if first.group(1).lower() not in _SENTENCE_STARTERS:
                continue
        initials = word.group(1).rstrip(".") if word else ""
        if _INITIALS.fullmatch(initials) and initials.lower() not in _ABBREVIATIONS:
            continue  # initials: "Ida M. Brandt", "Ida K.M. Brandt"
        spans.append((s, cut))
        s = cut
        while s < end and text[s].isspace():
            s += 1
    if s < end:
        spans.append((s, end))
    return [(a, b) for a, b in spans if b > a]
