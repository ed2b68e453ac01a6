"""Extraction: a release's text -> :class:`ReleaseFacts`.

The pipeline reads the document structure first (headline block, dateline, body, "About"
boilerplate, forward-looking-statements section, contacts), splits sentences with offsets,
and then reads each fact type from the sentences where it can occur:

* organisations need evidence (legal suffix, ticker, agency name, deal cue); their aliases
  are grouped and the shortest form the text uses on its own becomes the name;
* payments come from money amounts in headline and body sentences, never from the
  safe-harbour section, and a sentence that only speculates ("expects to receive") yields none;
* agreements, acquisitions and regulatory events come from cue phrases around known names;
* partnerships come from partner lists ("collaborative partners include A, B and C").

Every fact carries the span of the sentence it was read from. Helpers live in the private
``kg._extract_*`` modules; this module wires them together and decides who pays whom.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kg.extract.agreements import (
    acquisitions_in,
    agreements_in,
    link_payments_to_agreements,
    partnerships_in,
    price_acquisitions,
)
from kg.extract.compounds import (
    EVENT_PATTERNS,
    CompoundRecord,
    describe_compound,
    find_compounds,
)
from kg.extract.money import (
    MoneyMention,
    find_money,
)
from kg.extract.organizations import (
    OrgTable,
    find_organizations,
    find_people,
    mention_pattern,
)
from kg.extract.payments import find_payments
from kg.extract.text import (
    Layout,
    Sentence,
    compiled,
    find_layout,
    mask_urls,
    split_sentences,
)
from kg.facts import (
    Compound,
    Organization,
    Person,
    RegulatoryEvent,
    ReleaseFacts,
    Span,
)
from kg.read import Release
from kg.resolve import name_key

_ISSUER_WORDS = re.compile(r"\b(?:the\s+Company|the\s+company|[Ww]e|[Oo]ur|[Uu]s|its)\b")
_EXPECTATION = re.compile(r"(?i)\b(?:expects?|anticipates?|plans?|intends?)\s+to\b")


@dataclass
class _Mention:
    start: int
    end: int
    org: str
    agency: bool


class _Context:
    """What the later stages share: the text, its sentences, the organisations and the issuer."""

    def __init__(self, release: Release) -> None:
        self.text = release.text
        self.masked = mask_urls(release.text)
        self.layout: Layout = find_layout(self.masked)
        self.sentences = split_sentences(self.masked, self.layout)
        self.compounds: list[CompoundRecord] = find_compounds(self.text, self.masked)
        excluded = {name_key(c.name) for c in self.compounds}
        excluded |= {name_key(a) for c in self.compounds for a in c.aliases}
        self.orgs: OrgTable = find_organizations(
            self.masked, self.sentences, excluded, self.layout.body_start
        )
        self.pattern = mention_pattern(self.orgs)
        self._mention_cache: dict[tuple[int, str, bool], list[_Mention]] = {}
        self._money_cache: dict[int, list[MoneyMention]] = {}
        self.agency = {r.name: r.agency for r in self.orgs.records}
        self.issuer = self._find_issuer()
        self.partner = self._main_partner()

    def mentions(self, sentence: Sentence, *, issuer_words: bool = True) -> list[_Mention]:
        key = (sentence.start, sentence.text, issuer_words)
        if key not in self._mention_cache:
            self._mention_cache[key] = self._find_mentions(sentence, issuer_words)
        return self._mention_cache[key]

    def money(self, sentence: Sentence) -> list[MoneyMention]:
        """Amounts in a sentence, read once per release."""
        if sentence.start not in self._money_cache:
            self._money_cache[sentence.start] = find_money(sentence.text)
        return self._money_cache[sentence.start]

    def _find_mentions(self, sentence: Sentence, issuer_words: bool) -> list[_Mention]:
        found: list[_Mention] = []
        text = sentence.text
        if self.pattern is not None:
            for m in self.pattern.finditer(text):
                record = self.orgs.get(m.group(0))
                if record is not None:
                    found.append(_Mention(m.start(), m.end(), record.name, record.agency))
        if issuer_words and self.issuer:
            for m in _ISSUER_WORDS.finditer(text):
                if m.group(0).lower() in ("its",):
                    continue
                found.append(_Mention(m.start(), m.end(), self.issuer, False))
        return sorted(found, key=lambda x: x.start)

    def _find_issuer(self) -> str | None:
        body = [s for s in self.sentences if s.end > self.layout.body_start and s.zone == "body"]
        for s in body[:3]:
            for m in self.mentions(s, issuer_words=False):
                if s.start + m.start >= self.layout.body_start - 1 and not m.agency:
                    return m.org
        ticker = [r for r in self.orgs.records if r.ticker and not r.agency]
        if ticker:
            return min(ticker, key=lambda r: r.first).name
        companies = [r for r in self.orgs.records if not r.agency]
        return min(companies, key=lambda r: r.first).name if companies else None

    def _main_partner(self) -> str | None:
        """The company named most often besides the issuer; a tie goes to the one named first."""
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for s in self.sentences:
            if s.zone in ("body", "head"):
                for m in self.mentions(s, issuer_words=False):
                    if not m.agency and m.org != self.issuer:
                        counts[m.org] += 1
                        first.setdefault(m.org, s.start + m.start)
        return min(counts, key=lambda org: (-counts[org], first[org], org)) if counts else None

    def span(self, sentence: Sentence) -> Span:
        return Span(sentence.start, sentence.end)


def extract(release: Release) -> ReleaseFacts:
    """Read the facts of one release. Never raises for any text."""
    ctx = _Context(release)
    facts = ReleaseFacts(text=release.text)
    facts.published = ctx.layout.published
    facts.issuer = ctx.issuer
    if ctx.layout.title is not None:
        start, end = ctx.layout.title
        facts.title = " ".join(release.text[start:end].split())
        facts.title_evidence = Span(start, end)
    facts.organizations = _organizations(ctx)
    facts.compounds = _compounds(ctx)
    facts.people = _people(ctx)
    facts.acquisitions = acquisitions_in(ctx, facts.published)
    facts.payments = find_payments(ctx, facts.published, lambda text: _compounds_in(ctx, text))
    price_acquisitions(facts.acquisitions, facts.payments, release.text)
    facts.agreements = agreements_in(ctx, facts.acquisitions, facts.payments)
    facts.partnerships = partnerships_in(ctx, facts.agreements)
    facts.regulatory_events = _regulatory_events(ctx, facts.compounds)
    link_payments_to_agreements(facts.payments, facts.agreements)
    if facts.published is None:
        facts.warnings.append("no publication date found")
    if facts.issuer is None:
        facts.warnings.append("no issuer found")
    return facts


# ---- organisations, people, compounds ------------------------------------------------------


def _organizations(ctx: _Context) -> list[Organization]:
    result = []
    for record in sorted(ctx.orgs.records, key=lambda r: r.first):
        sentence = _sentence_at(ctx, record.first)
        aliases = sorted(f for f in record.forms if f != record.name)
        result.append(
            Organization(record.name, ctx.span(sentence), aliases, record.ticker, record.exchange)
        )
    return result


def _sentence_at(ctx: _Context, pos: int) -> Sentence:
    for s in ctx.sentences:
        if s.start <= pos < s.end:
            return s
    return (
        min(ctx.sentences, key=lambda s: abs(s.start - pos))
        if ctx.sentences
        else Sentence(0, 0, "", "body")
    )


def _people(ctx: _Context) -> list[Person]:
    people = []
    for p in find_people(ctx.masked, ctx.sentences, ctx.orgs):
        org = p.organization
        if org is None and p.role and re.search(r"(?i)\b(?:CEO|President|Chief|Officer)\b", p.role):
            org = ctx.issuer
        people.append(Person(p.name, ctx.span(_sentence_at(ctx, p.start)), p.role, org))
    return people


def _compounds(ctx: _Context) -> list[Compound]:
    orgs = [
        (
            r.name,
            compiled("|".join(re.escape(f) for f in sorted(r.forms, key=lambda f: (-len(f), f)))),
        )
        for r in ctx.orgs.records
    ]
    result = []
    for record in ctx.compounds:
        describe_compound(record, ctx.sentences, orgs)
        result.append(
            Compound(
                record.name,
                ctx.span(_sentence_at(ctx, record.start)),
                list(record.aliases),
                record.target,
                record.payload,
                record.developer,
                record.phase,
            )
        )
    return result


# ---- payments -------------------------------------------------------------------------------


def _compound_in(ctx: _Context, text: str) -> str | None:
    for c in ctx.compounds:
        for form in (c.name, *c.aliases):
            if compiled(rf"(?<![\w-]){re.escape(form)}(?![\w-])", re.I).search(text):
                return c.name
    return None


def _compounds_in(ctx: _Context, text: str) -> list[str]:
    """Every compound the text names, once each, in the order of the release's compounds."""
    return [
        c.name
        for c in ctx.compounds
        if any(
            compiled(rf"(?<![\w-]){re.escape(form)}(?![\w-])", re.I).search(text)
            for form in (c.name, *c.aliases)
        )
    ]


# ---- regulatory events ---------------------------------------------------------------------


def _regulatory_events(ctx: _Context, compounds: list[Compound]) -> list[RegulatoryEvent]:
    events: list[RegulatoryEvent] = []
    seen: set[tuple[str, str | None, str | None]] = set()
    for s in ctx.sentences:
        if s.zone in ("fls", "contact", "head"):
            continue
        for kind, pattern in EVENT_PATTERNS:
            m = pattern.search(s.text)
            if not m or _event_is_speculative(s.text, m):
                continue
            compound = _compound_in(ctx, s.text)
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


def _title_compound(ctx: _Context, kind: str) -> str | None:
    start, end = ctx.layout.title or (0, 0)
    return _compound_in(ctx, ctx.masked[start:end])


def _sponsor(
    ctx: _Context, s: Sentence, compound: str | None, compounds: list[Compound]
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


__all__ = ["extract"]
