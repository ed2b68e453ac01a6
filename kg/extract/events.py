"""Regulatory events: submissions, acceptances and decisions by a regulator, clinical starts.

Each event is read from a body sentence whose words state it (a cue per kind), unless the sentence
only speculates about it; the compound is the one the sentence (or else the headline) names, the
sponsor the organisation that submits or develops it.
"""

from __future__ import annotations

import re
from typing import Protocol

from kg.extract.compounds import CompoundRecord, compound_named
from kg.extract.text import Layout, Sentence
from kg.facts import Compound, RegulatoryEvent, Span


class Mention(Protocol):
    """An organisation named in a sentence, at offsets into the sentence."""

    start: int
    end: int
    org: str
    agency: bool


class EventContext(Protocol):
    """What events are read from: the release's sentences, organisations and compounds."""

    masked: str
    layout: Layout
    sentences: list[Sentence]
    compounds: list[CompoundRecord]
    issuer: str | None

    def mentions(self, sentence: Sentence, *, issuer_words: bool = True) -> list[Mention]: ...

    def span(self, sentence: Sentence) -> Span: ...


EVENT_PATTERNS = [
    (
        "IND active",
        re.compile(
            r"(?is)\bIND\b.{0,200}?\b(?:is\s+now|has\s+become|became|becoming|now)\s+(?:active|effective)\b|\bactive\s+IND\b"
            # the regulator cleared it: "the FDA's clearance of Marlowe's IND", "IND was cleared"
            r"|\bclearance\s+of\s+(?:\S+\s+){0,3}?IND\b|\bIND\b[^.]{0,60}?\b(?:was|has\s+been)\s+cleared\b"
        ),
    ),
    (
        "IND submission",
        re.compile(
            r"(?is)\b(?:submi(?:ssion|tted|ts?)|fil(?:ing|ed|es?))\b.{0,80}?\b(?:Investigational\s+New\s+Drug|IND\b|Clinical\s+Trial\s+(?:Authori[sz]ation|Application)|CTA\b)|\bIND\s+(?:submission|filing)"
        ),
    ),
    ("BLA submission", re.compile(r"(?s)\bBiologics?\s+License\s+Application|\bBLA\b")),
    ("NDA submission", re.compile(r"(?s)(?<!Investigational\s)\bNew\s+Drug\s+Application|\bNDA\b")),
    ("MAA submission", re.compile(r"(?s)\bMarketing\s+Authori[sz]ation\s+Application|\bMAA\b")),
    (
        "approval",
        re.compile(
            r"(?i)\b(?:approval\s+of|approved\s+(?:by|in)|received\s+approval|granted\s+(?:marketing\s+)?approval)\b"
            # a board or the shareholders approving a transaction is no regulatory decision
            r"(?!\s+(?:the\s+)?(?:boards?|shareholders|stockholders|directors)\b)"
        ),
    ),
    (
        "phase start",
        re.compile(
            r"(?i)\b(?:start(?:s|ed|ing)?|initiat\w+|commence\w*|dosing\s+of\s+the\s+first|dosed\s+(?:the\s+)?first)\b[^.]{0,60}?\bphase\s+(?:[123]|I{1,3})\b|\bphase\s+(?:[123]|I{1,3})\b[^.]{0,40}\b(?:initiated|started|commenced|began)\b"
        ),
    ),
]
_EXPECTATION = re.compile(r"(?i)\b(?:expects?|anticipates?|plans?|intends?)\s+to\b")


def regulatory_events(ctx: EventContext, compounds: list[Compound]) -> list[RegulatoryEvent]:
    """Submissions, acceptances, regulators' decisions and clinical starts the release reports,
    each with the compound it is about and the organisation behind it."""
    events: list[RegulatoryEvent] = []
    seen: set[tuple[str, str | None, str | None]] = set()
    for s in ctx.sentences:
        if s.zone in ("fls", "contact", "head"):
            continue
        for kind, pattern in EVENT_PATTERNS:
            m = pattern.search(s.text)
            if not m or _event_is_speculative(s.text, m):
                continue
            compound = compound_named(ctx.compounds, s.text)
            if compound is None and ctx.layout.title:
                compound = _title_compound(ctx, kind)
            sponsor = _sponsor(ctx, s, compound, compounds)
            key = (kind, compound, sponsor)
            repeat = bool(re.search(r"(?i)\b(?:second|another|different|also)\b", s.text))
            if key in seen and not repeat:
                continue
            seen.add(key)
            events.append(
                RegulatoryEvent(kind, ctx.span(s), compound, sponsor, ctx.layout.published)
            )
            if kind == "IND active":
                break
    return events


def _event_is_speculative(text: str, m: re.Match[str]) -> bool:
    if _EXPECTATION.search(text, max(0, m.start() - 200), m.start()):
        return True  # "expects to receive ... upon the start of the Phase II trial"
    window = text[max(0, m.start() - 80) : m.end() + 40]
    return bool(
        re.search(
            r"(?i)\b(?:plans?|planned|expects?|expected|anticipates?|intends?|will|may|could|would|if|"
            r"once|recommending|should|potential|risks?|uncertaint\w*|to\s+initiate|to\s+file|to\s+submit)\b",
            window,
        )
    ) and not re.search(
        r"(?i)\b(?:triggers?|triggered|has\s+(?:been\s+)?(?:filed|submitted)|is\s+now|became)\b",
        window,
    )


def _title_compound(ctx: EventContext, kind: str) -> str | None:
    start, end = ctx.layout.title or (0, 0)
    return compound_named(ctx.compounds, ctx.masked[start:end])


def _sponsor(
    ctx: EventContext, s: Sentence, compound: str | None, compounds: list[Compound]
) -> str | None:
    mentions = [m for m in ctx.mentions(s, issuer_words=False) if not m.agency]
    by = re.search(r"(?:submitted|filed|sponsored)\s+by\s+", s.text)
    if by:
        after = next((m for m in mentions if m.start >= by.end()), None)
        if after:
            return after.org
    for m in mentions:
        tail = s.text[m.end : m.end + 40]
        if re.match(r"['’]s?\s+(?:submission|filing)|\s+(?:has\s+)?(?:submitted|filed)", tail):
            return m.org
    developer = next((c.developer for c in compounds if c.name == compound and c.developer), None)
    if developer:
        return developer
    others = [m.org for m in mentions if m.org != ctx.issuer]
    if others:
        return others[0]
    return mentions[0].org if mentions else ctx.issuer
