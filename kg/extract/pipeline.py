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
from datetime import date
from itertools import pairwise

from kg.extract.compounds import (
    EVENT_PATTERNS,
    CompoundRecord,
    describe_compound,
    find_compounds,
)
from kg.extract.money import (
    FORWARD_LOOKING,
    MoneyMention,
    classify_kind,
    classify_status,
    find_money,
    qualifier_of,
    trigger_of,
)
from kg.extract.organizations import PARTNER_LIST_RE as _PARTNER_LIST
from kg.extract.organizations import (
    OrgTable,
    find_organizations,
    find_people,
    mention_pattern,
    split_list,
)
from kg.extract.text import (
    Layout,
    Sentence,
    compiled,
    find_layout,
    mask_urls,
    split_sentences,
)
from kg.facts import (
    Acquisition,
    Agreement,
    Compound,
    Money,
    Organization,
    Partnership,
    Payment,
    Person,
    RegulatoryEvent,
    ReleaseFacts,
    Span,
)
from kg.read import Release
from kg.resolve import name_key

_PARTNER_WORDS = re.compile(r"\b(?:partners|collaborators|licensees)\b")
_ISSUER_WORDS = re.compile(r"\b(?:the\s+Company|the\s+company|[Ww]e|[Oo]ur|[Uu]s|its)\b")
_COMPANY_REF = re.compile(
    r"\bthe\s+Company\b|\bthe\s+companies\b|\bthe\s+parties\b|\bboth\s+companies\b"
)
_APPOSITION_SPAN = re.compile(
    r",\s*(?:which\s+was\s+)?(?:acquired|owned|formerly\s+known)\s+by\s+[^,]{2,60},"
    r"|(?:prior\s+to|before|after)\s+its\s+(?:spin-?off|separation|acquisition)\s+of\s+[^,]{2,40},"
    r"|\(?\s*,?\s*(?:a\s+member\s+of\s+the\s+[\w\s]{2,40}?Group|a\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+company"
    r"|a\s+(?:wholly[- ]owned\s+)?subsidiary\s+of\s+[^,)]{2,60})\s*\)?"
)
_PAYMENT_CUE = re.compile(
    r"(?i)\b(?:pay|paid|payments?|fees?|milestones?|up-?front|royalt|receive|received|earn|earned|"
    r"equity|purchase|funding|stockholders|shareholders|deal\s+value|generated|proceeds|reimburs|"
    r"acquisition|acquire|price)\w*"
)
_UNDISCLOSED = re.compile(
    r"(?i)\b(?:received|paid|made|earned|will\s+(?:receive|pay|make))\s+an?\s+"
    r"(?P<kind>up-?front|milestone|licen[cs]e|option(?:\s+exercise)?)\s+(?:payment|fee)\b"
)
# An amount right after the payment noun: "a milestone payment of CHF 10 million" is disclosed.
_AMOUNT_FOLLOWS = re.compile(
    r"\s*(?:of|totaling|totalling|amounting\s+to)\s+(?:approximately\s+)?$"
)
_UNDISCLOSED_KIND = {"upfront": "upfront", "up-front": "upfront", "milestone": "milestone"}
_AGREEMENT_NOUN = re.compile(
    r"(?i)\b(?P<noun>(?:collaboration|alliance|partnership)"
    r"(?:,?\s+(?:and\s+)?licen[cs]e)?(?:\s+(?:agreements?|partners?))?|agreements?)\b"
)
_DESC_WORD = re.compile(r"[\w-]+,?")
_DESC_STOP = re.compile(r"[.;:()\"“”'’]")
_DESCRIPTOR_KINDS = [
    ("co_development", re.compile(r"(?i)co-?develop")),
    ("merger", re.compile(r"(?i)\bmerger")),
    ("option", re.compile(r"(?i)\boption\b")),
    ("supply", re.compile(r"(?i)\bsupply")),
    (
        "license",
        re.compile(
            r"(?i)\blicen[cs]|\bmarketing\b|\bcommerciali[sz]ation\b|\bdistribution\b"
            r"|\btechnology\s+transfer\b"  # the usual name of a licence in Korea, Japan, China
        ),
    ),
    ("collaboration", re.compile(r"(?i)\bcollaborat|\bresearch\b|\balliance\b|\bpartnership\b")),
    ("other", re.compile(r"(?i)\basset\s+purchase")),
]
_RIGHTS_GRANTED = re.compile(
    r"(?i)\b(?:licensed|grants?|granted|granting)\b[^.]{0,80}\b(?:rights?|access|licen[cs]e)\b"
    r"|\bexclusive\s+(?:[\w.-]+\s+){0,4}(?:rights?|access)\b|\bgives\s+[^.]{0,20}access\b"
)
_LICENSED_VERB = re.compile(r"\blicen[cs]ed\b")
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?:the\s+)?")
_AGREEMENT_OBJECT = re.compile(
    r"(?i)\b(?:agreement|collaboration|deal|partnership|alliance|licen[cs]e)\s+with\s+(?:the\s+)?$"
)
# A licence that the words create even without "license agreement": a deal to license a
# compound, an in-licence, an option exercised to obtain a licence.
_LICENSE_DEED = re.compile(
    r"(?i)\b(?:deal|pact|agreement|agreed)\s+to\s+(?:in-?)?licen[cs]e\b|\bin-?licen[cs](?:ed|es|ing)\b"
    r"|\bexercis\w+\s+(?:its|an|the|their)\s+option\s+to\s+(?:obtain|acquire|take)\s+"
    r"(?:an?\s+)?(?:[\w-]+\s+){0,3}licen[cs]e\b"
    r"|\b(?:obtained|obtains|received|receives|acquired|granted|grants)\s+(?:\w+\s+)?an?\s+"
    r"(?:[\w-]+\s+){0,3}licen[cs]e\s+(?:from|to)\b"
)
_OPTION_DEED = re.compile(
    r"(?i)\b(?:for|obtained|received|acquired|granted)\s+(?:\w+\s+)?an?\s+(?:exclusive\s+)?"
    r"option\s+to\s+(?:acquire|license|licence|obtain|in-?license)\b"
)
_COLLABORATOR = re.compile(r"(?i)\b(?:collaborator|collaborative\s+partner)\b")
_AGREEMENT_STATUS = [
    ("terminated", re.compile(r"(?i)\bterminat")),
    ("option_exercised", re.compile(r"(?i)\bexercis\w*\b[^.]{0,40}\boption|\boption\s+exercise")),
    ("expanded", re.compile(r"(?i)\bexpand")),
    (
        "extended",
        re.compile(
            r"(?i)\bextend(?:ed|s)\s+(?:the|its|our)\s+(?:agreement|collaboration)|\bextension\s+of\s+the\s+(?:agreement|collaboration)"
        ),
    ),
    ("amended", re.compile(r"(?i)\bamend(?:ed|ment)\b[^.]{0,30}\bagreement")),
    (
        "new",
        re.compile(
            r"(?i)\b(?:entered\s+into|has\s+entered|signed|formed|established|announced\s+(?:a|an)\s)"
        ),
    ),
]
_TECHNOLOGY = re.compile(
    r"(?i)\b(?:use|utili[sz]e|access(?:\s+to)?|rights\s+to)\s+(?:the\s+|its\s+)?"
    r"(?:Company['’]s\s+|[A-Z][\w-]+['’]s?\s+)?(?P<tech>(?:[\w-]+\s+){0,4}?(?:technology|platform))\b"
)
_AGREEMENT_TARGET = re.compile(
    r"\b(?:that\s+)?target(?:s|ing)?\s+(?P<target>[a-z]{5,}in|[A-Z][A-Z0-9-]{1,9})\b"
)
_ACQUIRE_FORWARD = re.compile(
    r"^\s*(?:\([^)]{0,30}\)\s*)?,?\s*(?:\w+\s+)?(?:has\s+|had\s+|have\s+)?(?:acquired|acquires|to\s+acquire|will\s+acquire|"
    r"agreed\s+to\s+acquire|completed\s+(?:its|the)\s+acquisition\s+of)\s+(?:all\s+of\s+)?$"
    r"|^['’]s?\s+(?:proposed\s+|pending\s+|planned\s+)?acquisition\s+of\s+$"
    r"|^[^.]{0,100}?\bthat\s+it\s+(?:has\s+)?(?:acquired|will\s+acquire|agreed\s+to\s+acquire"
    r"|(?:completed|closed)\s+(?:its|the)\s+acquisition\s+of)\s+$",
    re.I,
)
_ACQUIRE_BACKWARD = re.compile(
    r"^\s*,?\s*(?:which\s+)?(?:was\s+|has\s+been\s+|had\s+been\s+)?acquired\s+by\s+$", re.I
)
_PAID_BY = re.compile(
    r"(?i)^[^,;]{0,40}\b(?:investment|payment|subscription|purchase|funding|paid|made|invested)"
    r"\s+by\s+(?:the\s+)?$"
)
_EXPECTATION = re.compile(r"(?i)\b(?:expects?|anticipates?|plans?|intends?)\s+to\b")
_POSSESSIVE_PARTNER = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,2}(?:partner|collaborator|licensee|licensing\s+partner)s?,?\s+"
)
_PAY_OBJECT = re.compile(r"(?i)\b(?:pay|paid|to)\s+(?:the\s+)?$")
_PRICE_FOR = re.compile(r"(?i)\bfor\s+(?:approximately\s+|about\s+|up\s+to\s+)?$")
_ACQUISITION_WORDS = re.compile(r"(?i)\b(?:acquisition\s+of|acquires?|acquired|to\s+acquire)\b")
_PAYEE_VERBS = re.compile(
    r"(?i)\b(?:earn\w*|receiv\w*|eligible|entitled|generated|get|gets|collect\w*|will\s+record|recorded)\b"
)
_PAYER_VERBS = re.compile(
    r"(?i)\b(?:pay|pays|paid|make|makes|made|purchase[sd]?|invest\w*|to\s+pay|provides?|provided"
    r"|funds?|funded|contribut\w*)\b"
)


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
        self.payer_of: dict[str, str] = {}  # payee -> payer, from sentences that name both
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
    facts.acquisitions = _acquisitions(ctx, facts.published)
    facts.payments = _payments(ctx, facts.published)
    _price_acquisitions(facts.acquisitions, facts.payments, release.text)
    facts.agreements = _agreements(ctx, facts.acquisitions)
    facts.partnerships = _partnerships(ctx)
    facts.partnerships += _possessive_partners(ctx, facts.partnerships, facts.agreements)
    facts.regulatory_events = _regulatory_events(ctx, facts.compounds)
    _link_payments_to_agreements(facts.payments, facts.agreements)
    if facts.published is None:
        facts.warnings.append("no publication date found")
    if facts.issuer is None:
        facts.warnings.append("no issuer found")
    return facts


def _link_payments_to_agreements(payments: list[Payment], agreements: list[Agreement]) -> None:
    """A payment between the two sides of exactly one agreement falls under that agreement.

    Releases describe one deal's payments in the sentences around it ("under this agreement,
    X is entitled to..."); when two agreements join the same pair, which one a payment belongs
    to is not stated, so none is guessed.
    """
    for payment in payments:
        if payment.agreement is not None or not (payment.payer and payment.payee):
            continue
        pair = {name_key(payment.payer), name_key(payment.payee)}
        matching = [
            i
            for i, agreement in enumerate(agreements)
            if pair
            <= {
                name_key(p)
                for p in (*agreement.parties, agreement.licensor, agreement.licensee)
                if p
            }
        ]
        if len(matching) == 1:
            payment.agreement = matching[0]


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


def _payments(ctx: _Context, published: date | None) -> list[Payment]:
    head: list[Payment] = []
    body: list[Payment] = []
    for s in ctx.sentences:
        if s.zone in ("fls", "contact"):
            continue
        found = _sentence_payments(ctx, s)
        (head if s.zone == "head" else body).extend(found)
    merged = _merge_headline(_dedupe(head), _dedupe_body(body))
    for p in merged:
        if p.status == "earned":
            p.date = published
    return merged


def _sentence_payments(ctx: _Context, s: Sentence) -> list[Payment]:
    text = s.text
    money = ctx.money(s)
    fl = bool(FORWARD_LOOKING.search(text))
    mentions = [m for m in ctx.mentions(s) if not m.agency]
    payments: list[Payment] = []
    previous_kind: str | None = None
    previous_parties: tuple[str | None, str | None] = (None, None)
    bounds = [0, *[m.end for m in money]]
    total_kind: str | None = None
    for i, m in enumerate(money):
        before = text[bounds[i] : m.start]
        after = text[m.end : money[i + 1].start if i + 1 < len(money) else len(text)]
        if m.conversion:
            continue
        if m.total:
            # Only the parts of a broken-down total are payments; they share its context.
            total_kind = classify_kind(before, "", None)
            previous_parties = _parties(ctx, text, m, before, after, mentions, previous_parties)
            continue
        if m.part_of is not None:
            part_after = re.split(r"\)|\band\b|,", after, maxsplit=1)[0]
            kind = (
                "equity"
                if re.search(r"(?i)equity|stock|shares", part_after)
                else total_kind or "other"
            )
            status = classify_status(text[: money[m.part_of].start], after, kind, fl) or "earned"
            payments.append(
                Payment(kind, status, ctx.span(s), Money(m.amount, m.currency), *previous_parties)
            )
            continue
        if m.per_share or re.search(
            r"(?i)\b(?:the|this)\s+(?:additional\s+|same\s+)?$", before[-25:]
        ):
            continue  # "including the $2.8 million": a payment already counted
        if not _PAYMENT_CUE.search(before[-120:] + " " + after[:100]):
            continue
        kind = classify_kind(before, after, previous_kind)
        if _PRICE_FOR.search(before[-30:]) and _ACQUISITION_WORDS.search(text):
            kind = "acquisition"  # "completed its acquisition of X ... for $85 million"
        status = classify_status(before, after, kind, fl)
        if status is None:
            continue
        if kind == previous_kind and not re.search(
            r"(?i)milestone|upfront|fee|equity", before + after[:40]
        ):
            kind = kind if status == (payments[-1].status if payments else status) else "other"
        payer, payee = _parties(ctx, text, m, before, after, mentions, previous_parties)
        if payer is None and payee is None:
            continue
        payments.append(
            Payment(
                kind=kind,
                status=status,
                evidence=ctx.span(s),
                money=Money(m.amount, m.currency),
                payer=payer,
                payee=payee,
                qualifier=qualifier_of(before, after),
                trigger=trigger_of(text, text[: m.start], after),
                compound=_compound_in(ctx, text),
            )
        )
        previous_kind, previous_parties = kind, (payer, payee)
    if not fl and s.zone == "body":
        payments.extend(_undisclosed(ctx, s, mentions))
    return payments


def _undisclosed(ctx: _Context, s: Sentence, mentions: list[_Mention]) -> list[Payment]:
    """'X received an upfront payment' with no amount: a payment whose money is unknown."""
    found = []
    for m in _UNDISCLOSED.finditer(s.text):
        if _amount_follows(ctx, s, m.end()):
            continue
        raw = m.group("kind").lower()
        kind = _UNDISCLOSED_KIND.get(
            raw, "option_fee" if raw.startswith("option") else "license_fee"
        )
        fake = MoneyMention(m.start(), m.end(), 0, "", False, False)  # type: ignore[arg-type]
        payer, payee = _parties(
            ctx, s.text, fake, s.text[: m.start()], s.text[m.end() :], mentions, (None, None)
        )
        found.append(Payment(kind, "earned", ctx.span(s), None, payer, payee, None, None, None))
    return found


def _amount_follows(ctx: _Context, s: Sentence, pos: int) -> bool:
    return any(
        m.start >= pos and _AMOUNT_FOLLOWS.fullmatch(s.text[pos : m.start]) for m in ctx.money(s)
    )


def _parties(
    ctx: _Context,
    text: str,
    money: MoneyMention,
    before: str,
    after: str,
    mentions: list[_Mention],
    previous: tuple[str | None, str | None],
) -> tuple[str | None, str | None]:
    """Who pays and who receives the amount at ``money``; explicit cues first, then defaults."""
    payer = payee = None
    start = money.start - len(before)
    after_start = money.end
    clause_after = re.split(r";|\.\s", after, maxsplit=1)[0][:160]
    for m in mentions:
        if m.start >= after_start and m.start - after_start <= len(clause_after):
            gap = text[after_start : m.start]
            if payer is None and re.search(r"(?i)\bfrom\s+(?:the\s+)?$", gap) and len(gap) < 120:
                payer = m.org
            elif payer is None and _PAID_BY.search(gap):
                payer = m.org  # "£14 million strategic investment by Halvorsen"
            elif payee is None and re.search(r"(?i)\bto\s+(?:the\s+)?$", gap) and len(gap) < 60:
                payee = m.org
        if start <= m.start < money.start:
            gap = text[m.end : money.start]
            if re.search(r"(?i)\bfrom\s+$", text[max(0, m.start - 6) : m.start]):
                payer = payer or m.org
                continue
            if _PAY_OBJECT.search(text, max(0, m.start - 10), m.start):
                payee = payee or m.org
                continue
            if re.match(
                r"(?i)\s*(?:['’]s\s+)?(?:shareholder|stockholder|stock|shares|common)", gap
            ):
                payee = m.org  # "becomes a major Alnylam shareholder": Alnylam sells the shares
                continue
            if re.search(
                r"(?i)\b(?:with|of|by|and|for|at|between|into|under|on)\s+(?:the\s+)?$",
                text[max(0, m.start - 12) : m.start],
            ):
                continue  # an object, not the subject that pays or receives
            if _PAYER_VERBS.search(gap[:60]) and not _PAYEE_VERBS.search(gap[:40]):
                payer = m.org
            elif _PAYEE_VERBS.search(gap[:80]):
                payee = m.org
            elif re.match(r"['’]s?\s+\w+", gap) and re.search(r"(?i)trigger", gap):
                payer = payer or m.org
    if payer is not None and payer == payee:
        payee = None
    if payer is not None and payee is not None:
        ctx.payer_of[payee] = payer  # remembered: "X will also be eligible to receive ..."
    if payer is None and payee is None and previous != (None, None):
        return previous
    if payer is None:
        payer = previous[0] if previous[0] and previous[0] != payee else None
    if payer is None:
        others = [m.org for m in mentions if m.org != (payee or ctx.issuer)]
        payer = _nearest_org(others, mentions, money.start) if others else None
    if payer is None and payee is not None:
        payer = _counterparty(ctx, payee)
    if payer is None:
        payer = ctx.partner if ctx.partner != (payee or ctx.issuer) else None
    if payee is None:
        payee = ctx.issuer if payer != ctx.issuer else ctx.partner
    if payer == payee:
        payer = ctx.partner if payee == ctx.issuer else ctx.issuer
    return payer, payee


def _counterparty(ctx: _Context, payee: str) -> str | None:
    """Who pays ``payee`` when the sentence names only the payee: the payer an earlier sentence
    gave it, else the other side of the deal (a release is about the issuer and its partner)."""
    if payee in ctx.payer_of:
        return ctx.payer_of[payee]
    if payee == ctx.partner:
        return ctx.issuer
    if payee == ctx.issuer:
        return ctx.partner
    return ctx.issuer


def _nearest_org(names: list[str], mentions: list[_Mention], pos: int) -> str | None:
    best = min(
        (m for m in mentions if m.org in names), key=lambda m: abs(m.start - pos), default=None
    )
    return best.org if best else None


def _compound_in(ctx: _Context, text: str) -> str | None:
    for c in ctx.compounds:
        for form in (c.name, *c.aliases):
            if compiled(rf"(?<![\w-]){re.escape(form)}(?![\w-])", re.I).search(text):
                return c.name
    return None


def _dedupe(payments: list[Payment]) -> list[Payment]:
    out: list[Payment] = []
    for p in payments:
        same = next((q for q in out if _same_money(p, q)), None)
        if same is None:
            out.append(p)
        else:
            _fill(same, p)
    return out


def _dedupe_body(payments: list[Payment]) -> list[Payment]:
    """Two mentions of one amount between the same parties, one of them vaguer: one payment.

    Two equal, equally specific payments stay two ("another $1 million milestone").
    """
    out: list[Payment] = []
    for p in payments:
        same = next(
            (
                q
                for q in out
                if _same_money(p, q)
                and (q.payer, q.payee) == (p.payer, p.payee)
                and (
                    ("other" in (p.kind, q.kind) and p.kind != q.kind)
                    or (p.kind == q.kind and p.status != q.status)
                )
            ),
            None,
        )
        if same is None:
            out.append(p)
        else:
            _fill(same, p)
    return out


def _same_money(a: Payment, b: Payment) -> bool:
    return a.money is not None and b.money is not None and a.money == b.money


def _fill(keep: Payment, other: Payment) -> None:
    """Complete a payment from another mention of the same amount (a headline, usually)."""
    if keep.kind == "other" and other.kind != "other":
        keep.kind = other.kind
    if other.status == "earned" and keep.status == "potential" and keep.kind not in ("upfront",):
        keep.status = "earned"
    keep.trigger = keep.trigger or other.trigger
    keep.compound = keep.compound or other.compound


def _merge_headline(head: list[Payment], body: list[Payment]) -> list[Payment]:
    result = list(body)
    for h in head:
        same = next((b for b in result if _same_money(h, b)), None)
        if same is None:
            result.append(h)
        else:
            _fill(same, h)
    return result


# ---- agreements, acquisitions, partnerships -----------------------------------------------


def _agreements(ctx: _Context, acquisitions: list[Acquisition]) -> list[Agreement]:
    found: dict[tuple[str, frozenset[str]], Agreement] = {}
    body = [s for s in ctx.sentences if s.zone == "body"]
    rights = any(_RIGHTS_GRANTED.search(s.text) for s in body)
    for s in body:
        if _PARTNER_WORDS.search(s.text) and _PARTNER_LIST.search(s.text):
            continue
        for kind in _agreement_kinds(s.text, rights):
            parties, licensor, licensee = _agreement_parties(ctx, s)
            if len(parties) < 2:
                continue
            key = (kind, frozenset(parties))
            agreement = found.get(key)
            if agreement is None:
                agreement = found[key] = Agreement(kind, ctx.span(s), sorted(parties))
            _describe_agreement(agreement, s.text, licensor, licensee)
    if re.search(r"(?i)\bmerger\s+agreement", ctx.text):
        for a in acquisitions:
            key = ("merger", frozenset((a.acquirer, a.acquired)))
            if key not in found:
                found[key] = Agreement("merger", a.evidence, sorted(key[1]), status="new")
    royalties = any(
        re.search(r"(?i)\broyalt", s.text) for s in ctx.sentences if s.zone in ("body", "head")
    )
    for a in found.values():
        if royalties and a.kind in ("license", "collaboration", "option") and a.royalties is None:
            a.royalties = True
    return list(found.values())


def _agreement_kinds(text: str, rights_in_release: bool) -> list[str]:
    """Kinds of the agreements a sentence describes, from the words that name them.

    "collaboration and license agreement" is a licence when the release says rights were
    granted, a collaboration otherwise; a bare "the agreement" refers back to one already
    named and adds nothing.
    """
    kinds: list[str] = []
    for m in _AGREEMENT_NOUN.finditer(text):
        window = _DESC_STOP.split(text[max(0, m.start() - 70) : m.start()])[-1]
        words = _DESC_WORD.findall(window)[-5:]
        lead = " ".join(words)
        desc = lead + " " + m.group("noun")
        named = [k for k, cue in _DESCRIPTOR_KINDS if cue.search(desc)]
        if "co_development" in named:
            named = ["co_development"]
        if "license" in named and "collaboration" in named:
            named.remove("license" if not rights_in_release else "collaboration")
        if "license" in named and "supply" in named and re.search(r"(?i)marketing", desc):
            named.remove("supply")
        if not named:
            follow = text[m.end() : m.end() + 30]
            if not (
                re.match(r"\s+(?:with|between|made\s+with|signed|established|entered)\b", follow)
                or re.search(r"(?i)\ban$", lead)
            ):
                continue
            named = ["license" if _RIGHTS_GRANTED.search(text) else "other"]
        kinds.extend(k for k in named if k not in kinds)
    if _LICENSED_VERB.search(text) and not kinds:
        kinds.append("license")
    if _LICENSE_DEED.search(text) and "license" not in kinds:
        kinds.append("license")
    if _OPTION_DEED.search(text) and not kinds:
        kinds.append("option")
    if _COLLABORATOR.search(text) and not kinds:
        kinds.append("collaboration")
    if (
        re.search(r"(?i)\bco-?develop", text)
        and "co_development" not in kinds
        and not (
            re.search(r"(?i)co-?development\s+option", text) and not re.search(r"(?i)exercis", text)
        )
    ):
        kinds.append("co_development")
    if (
        "co_development" in kinds
        and re.search(r"(?i)co-?development\s+option", text)
        and not re.search(r"(?i)exercis", text)
    ):
        kinds.remove("co_development")
    if "other" in kinds and len(kinds) > 1:
        kinds.remove("other")
    return kinds


def _agreement_parties(ctx: _Context, s: Sentence) -> tuple[set[str], str | None, str | None]:
    text = _APPOSITION_SPAN.sub(lambda m: " " * len(m.group(0)), s.text)
    probe = Sentence(s.start, s.end, text, s.zone)
    mentions = [m for m in ctx.mentions(probe) if not m.agency]
    parties = {m.org for m in mentions}
    explicit = False
    between = re.search(r"\bbetween\s+(?:the\s+)?", text)
    if between:
        pair = [m.org for m in mentions if m.start >= between.end()][:2]
        if len(pair) == 2 and re.match(
            r"\s*,?\s*(?:and|&)\s+", text[_end_of(mentions, pair[0], between.end()) :]
        ):
            parties, explicit = set(pair), True
            for m in mentions:
                if m.start < between.start() and re.search(
                    r"licen[cs]ed", text[m.end : between.start()]
                ):
                    parties.add(m.org)
    if _COMPANY_REF.search(text) and ctx.issuer:
        parties.add(ctx.issuer)
    if (
        re.search(
            r"\bthe\s+companies\b|\bthe\s+parties\b|\bboth\s+companies\b|\btwo\s+companies", text
        )
        and ctx.partner
    ):
        parties.add(ctx.partner)
    if len(parties) == 1 and ctx.issuer and re.search(r"(?i)\b(?:its|our|we)\b", text):
        parties.add(ctx.issuer)
    if len(parties) == 1 and ctx.issuer and _only_object_named(text, mentions):
        parties.add(ctx.issuer)  # "Signed a license agreement with Pelham": the issuer signed
    licensor, licensee = _license_roles(text, mentions, ctx)
    listed = _listed_partners(text, mentions)
    if listed and ctx.issuer:
        parties, explicit = {ctx.issuer, *listed}, True  # "collaboration with A and B"
    if len(parties) > 2 and not explicit:
        parties = _two_parties(ctx, parties, licensor, licensee, mentions)
    return parties, licensor, licensee


def _listed_partners(text: str, mentions: list[_Mention]) -> list[str]:
    """'a collaboration with Kobayashi Pharma Co., Ltd. and Delmont University': every name
    of the list after "with" is a party (with the issuer), not just the first two found."""
    heads = [m for m in mentions if _AGREEMENT_OBJECT.search(text, max(0, m.start - 40), m.start)]
    if not heads:
        return []
    listed = [heads[0]]
    for m in mentions:
        if m.start > listed[-1].start and _LIST_JOIN.fullmatch(text, listed[-1].end, m.start):
            listed.append(m)
    return [m.org for m in listed] if len(listed) > 1 else []


def _only_object_named(text: str, mentions: list[_Mention]) -> bool:
    """Every mention is the object of "agreement with", "license from", ...: no subject named."""
    return all(_AGREEMENT_OBJECT.search(text, max(0, m.start - 40), m.start) for m in mentions)


def _two_parties(
    ctx: _Context,
    parties: set[str],
    licensor: str | None,
    licensee: str | None,
    mentions: list[_Mention],
) -> set[str]:
    """Too many names in one sentence: keep the licence roles, else the issuer and its partner."""
    if licensor and licensee:
        return {licensor, licensee}
    keep = {ctx.issuer} if ctx.issuer in parties else set()
    if ctx.partner in parties:
        keep.add(ctx.partner)
    for m in mentions:
        if len(keep) >= 2:
            break
        keep.add(m.org)
    return {p for p in keep if p}


def _end_of(mentions: list[_Mention], org: str, after: int) -> int:
    for m in mentions:
        if m.org == org and m.start >= after:
            return m.end
    return after


def _license_roles(
    text: str, mentions: list[_Mention], ctx: _Context
) -> tuple[str | None, str | None]:
    for m in mentions:
        tail = text[m.end : m.end + 160]
        lic = re.match(r"[^.]{0,15}?\b(?:has\s+|had\s+)?(?:licensed|granted|grants)\b", tail)
        if lic:
            obj = next(
                (
                    n
                    for n in mentions
                    if n.start > m.end
                    and n.org != m.org
                    and re.search(r"\b(?:to|from)\s+$", text[max(0, n.start - 6) : n.start])
                ),
                None,
            )
            if obj is not None and re.search(
                r"\bfrom\s+$", text[max(0, obj.start - 6) : obj.start]
            ):
                return obj.org, m.org
            if obj is not None:
                return m.org, obj.org
            if re.match(r"[^.]{0,15}?\b(?:has\s+|had\s+)?licensed\s+rights", tail):
                return None, m.org
    m = re.search(r"\b(?:grants?|granted|granting|gives)\s+", text)
    if m:
        obj = next((n for n in mentions if n.start >= m.end() and n.start - m.end() < 5), None)
        if obj is not None:
            other = next((n.org for n in mentions if n.org != obj.org), None)
            return other, obj.org
    m = re.search(r"(?i)\breceived\s+exclusive", text)
    if m:
        subj = [n for n in mentions if n.end <= m.start()]
        if subj:
            other = next((n.org for n in mentions if n.org != subj[-1].org), None)
            return other, subj[-1].org
    return None, None


def _describe_agreement(
    a: Agreement, text: str, licensor: str | None, licensee: str | None
) -> None:
    roles = a.kind in ("license", "option", "collaboration") and licensor and licensee
    if roles and licensor in a.parties and licensee in a.parties:
        a.licensor = a.licensor or licensor
        a.licensee = a.licensee or licensee
    if a.technology is None:
        tech = _TECHNOLOGY.search(text)
        if tech:
            a.technology = " ".join(tech.group("tech").split())
    if a.target is None:
        target = _AGREEMENT_TARGET.search(text)
        if target and "undisclosed" not in target.group("target"):
            a.target = target.group("target")
    if re.search(r"(?i)\bnon-exclusive", text):
        a.exclusive = False
    elif re.search(r"(?i)\bexclusive\b", text) and a.exclusive is None:
        a.exclusive = True
    if a.status is None or a.status == "in_force":
        a.status = next((name for name, cue in _AGREEMENT_STATUS if cue.search(text)), "in_force")


def _acquisitions(ctx: _Context, published: date | None) -> list[Acquisition]:
    found: dict[tuple[str, str], Acquisition] = {}
    for s in ctx.sentences:
        if s.zone in ("fls", "contact") or "acqui" not in s.text.lower():
            continue
        mentions = [m for m in ctx.mentions(s, issuer_words=False) if not m.agency]
        for i, a in enumerate(mentions):
            for b in mentions[i + 1 :]:
                if a.org == b.org:
                    continue
                gap = s.text[a.end : b.start]
                pair = None
                if _ACQUIRE_FORWARD.search(gap):
                    pair = (a.org, b.org)
                elif _ACQUIRE_BACKWARD.search(gap):
                    pair = (b.org, a.org)
                if pair and pair not in found:
                    year = _year_after(s.text[b.end : b.end + 40]) or (
                        published.year if published else None
                    )
                    price, per_share = _acquisition_price(ctx, pair[1])
                    found[pair] = Acquisition(pair[0], pair[1], ctx.span(s), price, per_share, year)
    return list(found.values())


def _price_acquisitions(deals: list[Acquisition], payments: list[Payment], text: str) -> None:
    """The price of a company is paid by its acquirer to it: set the parties of every
    acquisition-kind payment from the deal it prices, and the deal's total price from it."""
    for p in payments:
        if p.kind != "acquisition" or p.money is None:
            continue
        sentence = p.evidence.quote(text)
        deal = next((d for d in deals if d.acquired in sentence), None)
        if deal is None and len(deals) == 1:
            deal = deals[0]
        if deal is None:
            continue
        p.payer, p.payee = deal.acquirer, deal.acquired
        if deal.price is None or deal.price.amount < p.money.amount:
            deal.price = p.money


def _year_after(text: str) -> int | None:
    m = re.match(r"[^.;]{0,30}?\b(?:in|on)\s+(?:\w+\s+){0,2}((?:19|20)\d\d)\b", text)
    return int(m.group(1)) if m else None


def _acquisition_price(ctx: _Context, acquired: str) -> tuple[Money | None, Money | None]:
    price = per_share = None
    for s in ctx.sentences:
        if s.zone in ("fls", "contact"):
            continue
        for m in ctx.money(s):
            if m.per_share and per_share is None and re.search(r"(?i)share|tender|offer", s.text):
                per_share = Money(m.amount, m.currency)
    return price, per_share


def _partnerships(ctx: _Context) -> list[Partnership]:
    found: dict[tuple[str, str], Partnership] = {}
    for s in ctx.sentences:
        if not _PARTNER_WORDS.search(s.text):
            continue
        for m in _PARTNER_LIST.finditer(s.text):
            owner_record = ctx.orgs.get(m.group("owner").split()[-1]) or ctx.orgs.get(
                m.group("owner")
            )
            owner = owner_record.name if owner_record else ctx.issuer
            if owner is None:
                continue
            for item in split_list(m.group("items")):
                record = ctx.orgs.get(item)
                if record is None or record.name == owner:
                    continue
                found.setdefault((owner, record.name), Partnership(owner, record.name, ctx.span(s)))
    return list(found.values())


def _possessive_partners(
    ctx: _Context, known: list[Partnership], agreements: list[Agreement]
) -> list[Partnership]:
    """'Ostara's existing partner Jinhai Pharma': a partnership stated in passing, unless the
    release describes the agreement between the two."""
    seen = {(p.organization, p.partner) for p in known}
    seen |= {(a, b) for ag in agreements for a in ag.parties for b in ag.parties}
    found: list[Partnership] = []
    for s in ctx.sentences:
        if s.zone not in ("body", "about"):
            continue
        mentions = [m for m in ctx.mentions(s, issuer_words=False) if not m.agency]
        for a, b in pairwise(mentions):
            pair = (a.org, b.org)
            if (
                a.org != b.org
                and pair not in seen
                and _POSSESSIVE_PARTNER.fullmatch(s.text, a.end, b.start)
            ):
                seen.add(pair)
                found.append(Partnership(a.org, b.org, ctx.span(s)))
    return found


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
