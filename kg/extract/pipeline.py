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
from decimal import Decimal

from kg.extract.agreements import (
    acquisitions_in,
    agreements_in,
    link_payments_to_agreements,
    partnerships_in,
    price_acquisitions,
)
from kg.extract.compounds import (
    CompoundRecord,
    compound_named,
    compounds_named,
    describe_compounds,
    find_compounds,
)
from kg.extract.events import regulatory_events
from kg.extract.issuer import find_issuer
from kg.extract.learned import amount_contexts
from kg.extract.money import (
    MoneyMention,
    find_money,
)
from kg.extract.organizations import (
    OrgTable,
    case_copy,
    find_organizations,
    find_people,
    funding_agencies,
    is_generic,
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
    ReleaseFacts,
    Span,
)
from kg.read import Release
from kg.resolve import name_key

# Words of a deal or of money: the sentences that name the release's parties to it.
_DEAL_WORDS = re.compile(
    r"(?i)\b(?:agreements?|collaborat\w*|licen[cs]\w*|partner\w*|alliance|milestones?|upfront"
    r"|up-front|royalt\w*|payments?|pays?|paid|fees?|acqui\w*|merger|options?|fund(?:s|ed|ing)?"
    r"|awards?|awarded|contracts?|equity|invest(?:s|ed|ing|ments?|ors?)?|deal)\b"
)
# "an exclusive licence agreement with ": the party a deal is signed with follows.
_WITH_BEFORE = re.compile(r"(?i)\bwith\s+(?:the\s+)?$")
# The issuer's own sale in a lead sentence: "has agreed to sell", "to transfer the rights to"
_SELLS = re.compile(
    r"\b(?:sell|sells|sold|selling|transfer|transfers|transferred|transferring|sale\s+of)\b"
)
_TO_BEFORE = re.compile(r"\bto\s+(?:the\s+)?$")
_ISSUER_WORDS = re.compile(r"\b(?:[Tt]he\s+Company|the\s+company|[Ww]e|[Oo]ur|[Uu]s|its)\b")


@dataclass
class _Mention:
    start: int
    end: int
    org: str
    agency: bool


def _without_dateline(ctx: _Context) -> str:
    """The text with its dateline blanked: 'HYDERABAD, June 3, 2020 --' names a city, never a
    drug, though it is written in capitals like a brand."""
    start, end = ctx.layout.dateline_start, ctx.layout.body_start
    if not 0 <= start < end <= len(ctx.masked):
        return ctx.masked
    return ctx.masked[:start] + " " * (end - start) + ctx.masked[end:]


# "its operating subsidiary Atugen AG", "its wholly-owned unit X"
_ITS_UNIT = re.compile(
    r"\bits\s+(?:[\w-]+\s+){0,2}?(?:subsidiary|affiliate|unit|division)\s*,?\s+(?:company\s+)?$"
)


class _Context:
    """What the later stages share: the text, its sentences, the organisations and the issuer."""

    def __init__(self, release: Release) -> None:
        self.text = release.text
        self.masked = mask_urls(release.text)
        self.layout: Layout = find_layout(self.masked)
        self.sentences = split_sentences(self.masked, self.layout)
        self.compounds: list[CompoundRecord] = find_compounds(self.text, _without_dateline(self))
        excluded = {name_key(c.name) for c in self.compounds}
        excluded |= {name_key(a) for c in self.compounds for a in c.aliases}
        self.orgs: OrgTable = find_organizations(
            self.masked, self.sentences, excluded, self.layout.body_start
        )
        self.pattern = mention_pattern(self.orgs)
        self._mention_cache: dict[tuple[int, str, bool], list[_Mention]] = {}
        self._money_cache: dict[int, list[MoneyMention]] = {}
        # An agency takes no part in a deal (it approves, designates, reviews) unless the text
        # shows it paying: a funding award or a government contract makes it a party.
        funders = funding_agencies(self.sentences, self.orgs)
        self.agency = {r.name: r.agency and r.name not in funders for r in self.orgs.records}
        found = find_issuer(self.masked, self.layout, self.orgs)
        self.declared_issuer = found.name
        # Who pays whom is read relative to the company a release is about, also where the
        # release does not say who put it out (then the issuer reported stays unknown).
        self.issuer = found.about
        self.joint = found.joint
        self._units_of_the_issuer()
        # The issuer's own units and parent are on its side of a deal, never its partner.
        self.own_side = self._own_side()
        self.partner = self._main_partner()
        # The parent of a partner unit ("X, a subsidiary of Y"), when the deal is with the unit.
        unit = self.orgs.get(self.partner) if self.partner else None
        self.partner_parent = unit.parent.name if unit and unit.parent else None

    def mentions(self, sentence: Sentence, *, issuer_words: bool = True) -> list[_Mention]:
        key = (sentence.start, sentence.text, issuer_words)
        if key not in self._mention_cache:
            self._mention_cache[key] = self._find_mentions(sentence, issuer_words)
        return self._mention_cache[key]

    def parent_of(self, org: str) -> str | None:
        """The organisation the text names as the parent of this one ("X and its subsidiary
        Y")."""
        record = self.orgs.get(org)
        return record.parent.name if record is not None and record.parent else None

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
                    agency = self.agency[record.name]
                    found.append(_Mention(m.start(), m.end(), record.name, agency))
        if issuer_words and self.issuer:
            for m in _ISSUER_WORDS.finditer(text):
                if m.group(0).lower() in ("its",):
                    continue
                found.append(_Mention(m.start(), m.end(), self.issuer, False))
        return sorted(found, key=lambda x: x.start)

    def _units_of_the_issuer(self) -> None:
        """'SR Pharma announces that its operating subsidiary Atugen AG will receive …': a unit
        the release calls its own belongs to the issuer."""
        issuer = self.orgs.get(self.issuer) if self.issuer else None
        if issuer is None:
            return
        for s in self.sentences:
            if s.zone not in ("body", "head") or "its " not in s.text:
                continue
            for m in self.mentions(s, issuer_words=False):
                record = self.orgs.get(m.org)
                own = _ITS_UNIT.search(s.text, max(0, m.start - 40), m.start)
                if own and record is not None and record is not issuer and record.parent is None:
                    record.parent = issuer

    def _own_side(self) -> frozenset[str]:
        issuer = self.orgs.get(self.issuer) if self.issuer else None
        if issuer is None:
            return frozenset()
        units = {r.name for r in self.orgs.records if r.parent is issuer}
        return frozenset(units | ({issuer.parent.name} if issuer.parent else set()))

    def _main_partner(self) -> str | None:
        """The other side of the release's deal: of the parties besides the issuer, the one
        named most often where the text speaks of a deal or of money, then the one named most
        often at all, then the one named first. A company or institute named in passing (a
        founder's institute, a competitor) never outweighs one the deal sentences name. In a
        joint release of two companies each is the other's partner."""
        others = [org for org in self.joint if org != self.issuer and not self.agency.get(org)]
        if len(others) == 1 and self.issuer in self.joint:
            return others[0]
        buyer = self._buyer_in_lead()
        if buyer is not None:
            return buyer
        counts: Counter[str] = Counter()
        in_deals: Counter[str] = Counter()
        first: dict[str, int] = {}
        for s in self.sentences:
            if s.zone not in ("body", "head"):
                continue
            deal = bool(_DEAL_WORDS.search(s.text)) or bool(self.money(s))
            for m in self.mentions(s, issuer_words=False):
                if not m.agency and m.org != self.issuer and m.org not in self.own_side:
                    counts[m.org] += 1
                    in_deals[m.org] += deal
                    first.setdefault(m.org, s.start + m.start)
        if not counts:
            return None
        winner = min(counts, key=lambda org: (-in_deals[org], -counts[org], first[org], org))
        return self._contracting_unit(winner) or winner

    def _buyer_in_lead(self) -> str | None:
        """'X has agreed to sell its royalty interest in Y, which Z markets, to W': the company
        the lead sentence has the issuer sell or transfer something to is the deal's other
        side, however often the release names the company that owes what is sold."""
        lead = next((s for s in self.sentences if s.zone == "body"), None)
        if lead is None or self.issuer is None:
            return None
        sale = _SELLS.search(lead.text)
        if sale is None:
            return None
        for m in self.mentions(lead, issuer_words=False):
            if m.start < sale.end() or not _TO_BEFORE.search(lead.text, 0, m.start):
                continue
            if m.org != self.issuer and m.org not in self.own_side and not m.agency:
                return m.org
        return None

    def _contracting_unit(self, parent: str) -> str | None:
        """'signs a licence agreement with X, a subsidiary of Y': the deal is signed with the
        unit X, whatever Y is called afterwards. Only the unit named right after 'with' in a
        sentence of a deal counts; a unit named elsewhere (a venture arm buying shares) keeps its
        own payments and leaves the parent the partner."""
        for record in self.orgs.records:
            if record.parent is None or record.parent.name != parent or record.agency:
                continue
            if record.name == self.issuer:
                continue
            for s in self.sentences:
                if s.zone not in ("body", "head") or not _DEAL_WORDS.search(s.text):
                    continue
                for m in self.mentions(s, issuer_words=False):
                    if m.org == record.name and _WITH_BEFORE.search(s.text, 0, m.start):
                        return record.name
        return None

    def span(self, sentence: Sentence) -> Span:
        return Span(sentence.start, sentence.end)


def extract(release: Release) -> ReleaseFacts:
    """Read the facts of one release. Never raises for any text."""
    ctx = _Context(release)
    facts = ReleaseFacts(text=release.text)
    facts.published = ctx.layout.published
    facts.issuer = ctx.declared_issuer
    if ctx.layout.title is not None:
        start, end = ctx.layout.title
        facts.title = " ".join(release.text[start:end].split())
        facts.title_evidence = Span(start, end)
    facts.organizations = _organizations(ctx)
    facts.compounds = _compounds(ctx)
    facts.people = _people(ctx)
    facts.acquisitions = acquisitions_in(ctx, facts.published)
    facts.payments = find_payments(
        ctx, facts.published, lambda text: compounds_named(ctx.compounds, text)
    )
    price_acquisitions(facts.acquisitions, facts.payments, release.text)
    facts.agreements = agreements_in(ctx, facts.acquisitions, facts.payments)
    facts.partnerships = partnerships_in(ctx, facts.agreements)
    facts.regulatory_events = regulatory_events(ctx, facts.compounds)
    link_payments_to_agreements(facts.payments, facts.agreements, release.text)
    if facts.published is None:
        facts.warnings.append("no publication date found")
    if facts.issuer is None:
        facts.warnings.append("no issuer found")
    return facts


@dataclass(frozen=True)
class PaymentContexts:
    """What the payment classifiers read of a release (for training them)."""

    issuer: str | None  # the company the release is about, written xissuerx
    joint: bool  # two companies announce the release together
    by_amount: dict[tuple[Decimal, str], list[dict[str, int]]]


def payment_contexts(release: Release) -> PaymentContexts:
    """The words around each amount of a release, as the payment classifiers read them."""
    ctx = _Context(release)
    return PaymentContexts(ctx.issuer, len(ctx.joint) > 1, amount_contexts(ctx))


# ---- organisations, people, compounds ------------------------------------------------------


def _organizations(ctx: _Context) -> list[Organization]:
    result = []
    for record in sorted(ctx.orgs.records, key=lambda r: r.first):
        sentence = _sentence_at(ctx, record.first)
        aliases = sorted(
            f
            for f in record.forms
            if f != record.name and not is_generic(f) and not case_copy(f, record, ctx.masked)
        )
        parent = record.parent.name if record.parent in ctx.orgs.records else None
        result.append(
            Organization(
                record.name, ctx.span(sentence), aliases, record.ticker, record.exchange, parent
            )
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
    describe_compounds(ctx.compounds, ctx.sentences, orgs)
    result = []
    for record in ctx.compounds:
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
    return compound_named(ctx.compounds, text)


__all__ = ["extract"]
