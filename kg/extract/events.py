"""Regulatory events: submissions, acceptances and decisions by a regulator, clinical starts.

Each event is read from a sentence whose words state it (a cue per kind: "dosed the first
patient", "initiated a Phase 2b study", "the FDA has accepted its BLA", "the EC granted a
marketing authorisation for X", "the IND became effective"), unless the words that govern the
cue make it a plan, a condition or a possibility ("plans to start", "upon dosing of the first
patient", "will not be used for the BLA filing"). A submission must be a definite one (its
BLA, the X BLA, a BLA submitted for X), not a mention of the kind of application; an approval
must be a regulator's decision about a drug, not a board's about a transaction. The compound is
the one named nearest the cue, else the headline's, else the release's only compound; the
sponsor is the organisation that files, doses or develops it. One event per kind and
compound, whoever a sentence makes its sponsor (approvals one per place: the approval in Japan
and the earlier European one), unless the text says it is another one ("a second IND"); an
event of no named compound beside a named one of its kind is that one.
"""

from __future__ import annotations

import re
from typing import Protocol

from kg.extract.compounds import CompoundRecord, compound_named
from kg.extract.text import NO_FACT_ZONES, Layout, Sentence, compiled, contains_any, fold_case
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


_PHASE = r"phase\s+(?:[123]|I{1,3}|IV)[ab]?(?:/(?:[123]|I{1,3})[ab]?)?"
_FIRST = r"(?:first|initial)\s+(?:patients?|subjects?|participants?|volunteers?)"
EVENT_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "IND active",
        re.compile(
            r"(?is)\bIND\b.{0,200}?\b(?:is\s+now|has\s+become|became|becoming|now)\s+(?:active|effective)\b"
            r"|\bactive\s+IND\b"
            # the regulator cleared, accepted or approved it
            r"|\b(?:clearance|approval|acceptance|grant(?:ing)?)\s+of\s+(?:\S+\s+){0,3}?"
            r"(?:IND|Investigational\s+New\s+Drug)\b"
            r"|\bIND\s+(?:approval|clearance)\b"
            r"|\bIND\b[^.]{0,60}?\b(?:was|has\s+been|were)\s+(?:cleared|approved|accepted)\b"
            r"|\b(?:cleared|approved|accepted|granted)\s+(?:\S+\s+){0,2}?"
            r"(?:IND|Investigational\s+New\s+Drug|clinical\s+trial\s+applications?|CTA)\b"
        ),
    ),
    (
        "IND submission",
        re.compile(
            r"(?is)\b(?:submi(?:ssion|tted|ts?)|fil(?:ing|ed|es?))\b.{0,80}?\b(?:Investigational\s+New\s+Drug|IND\b|Clinical\s+Trial\s+(?:Authori[sz]ation|Application)|CTA\b)"
            r"|\bIND\s+(?:submission|filing)"
        ),
    ),
    # a supplemental application ("sBLA") is one of its kind
    ("BLA submission", re.compile(r"(?s)\bBiologics?\s+License\s+Application|\bs?BLA\b")),
    (
        "NDA submission",
        re.compile(r"(?s)(?<!Investigational\s)\bNew\s+Drug\s+Application|\bs?NDA\b"),
    ),
    ("MAA submission", re.compile(r"(?s)\bMarketing\s+Authori[sz]ation\s+Application|\bMAA\b")),
    (
        "approval",
        re.compile(
            r"(?i)\b(?:approval\s+(?:of|by|from)|approved\s+(?:by|in|for)|(?:has|have|had|was|were|been|is)\s+"
            r"(?:\w+\s+)?approved|approves|received\s+(?:\w+\s+){0,2}approval"
            r"|(?:granted|grants|obtained|receives?d?)\s+(?:\w+\s+){0,3}?(?:approval|marketing\s+authori[sz]ation)"
            r"|marketing\s+authori[sz]ation\s+(?:was\s+|has\s+been\s+)?granted"
            r"|(?:FDA|EMA|PMDA|regulatory|marketing|EC|European|EU|Japanese|Chinese|Canadian"
            r"|U\.S\.|US)\s+approval"
            # "the Commission approved Kesselra (kesselumab) for adults with …": a drug approved
            # for its patients or use
            r"|approved\s+(?:[^\s.;]+\s+){1,6}?for\s+(?:the\s+)?(?:\w+\s+)?(?:treatment|use|adults?"
            r"|patients|children|people)\b"
            # "the U.S. Food and Drug Administration today approved X": a regulator's decision
            r"|(?:FDA|Administration|Commission|EMA|Agency|MHRA|PMDA|NMPA|Swissmedic)\s+"
            r"(?:today\s+)?approved(?=\s+(?:the\s+|an?\s+|its\s+|their\s+)?(?-i:[A-Z])))\b"
        ),
    ),
    (
        "phase start",
        re.compile(
            rf"(?i)\b{_FIRST}\b[^.;]{{0,60}}?\b(?:dosed|enrolled|randomi[sz]ed|treated)\b"
            rf"|\b(?:dosed|enrolled|randomi[sz]ed|treated)\s+(?:the\s+|its\s+|their\s+)?{_FIRST}\b"
            rf"|\b(?:dosing|enrol(?:l)?ment|randomi[sz]ation)\s+of\s+(?:the\s+)?{_FIRST}\b"
            r"|\b(?:start(?:s|ed|ing)?|initiat\w+|commence\w*|launch(?:ed|es|ing)?|began|begun|begins?)\b"
            rf"[^.;]{{0,60}}?\b(?:{_PHASE}|first-in-human|clinical)\b"
            r"|\b"
            + _PHASE
            + r"\b[^.;]{0,40}\b(?:initiated|started|commenced|began|begun|is\s+underway)\b"
            # "candidates from X and Y enter clinical trials", "entered Phase 2"
            r"|\b(?:enter(?:s|ed|ing)?|advanc\w+\s+into|moved?\s+into)\s+(?:the\s+)?"
            rf"(?:clinic\b|clinical\s+(?:trials?|development|studies|testing)|{_PHASE})"
        ),
    ),
]
# What every match of each kind's pattern holds: one word of each group (in the folded lower
# case where the pattern ignores case). The patterns start with "\b", which the engine tries at
# every offset of a sentence; most sentences lack the words, and a substring test says so fast.
_EVENT_WORDS: dict[str, tuple[bool, tuple[tuple[str, ...], ...]]] = {
    "IND active": (
        True,
        (
            ("ind", "investigational", "clinical", "cta"),
            ("activ", "effectiv", "clear", "approv", "accept", "grant"),
        ),
    ),
    "IND submission": (True, (("ind", "investigational", "clinical", "cta"), ("submi", "fil"))),
    "BLA submission": (False, (("BLA", "Biologic"),)),
    "NDA submission": (False, (("NDA", "Drug"),)),
    "MAA submission": (False, (("MAA", "Marketing"),)),
    "approval": (True, (("approv", "authori"),)),
    "phase start": (
        True,
        (("dos", "enrol", "randomi", "treated", "phase", "first-in-human", "clinic"),),
    ),
}


def may_state_event(kind: str, text: str, folded: str) -> bool:
    """Whether a sentence (``folded``: :func:`fold_case` of it) has the words of the kind's
    pattern (which decides the rest)."""
    ignores_case, groups = _EVENT_WORDS[kind]
    words_of = folded if ignores_case else text
    return all(contains_any(words_of, group) for group in groups)


_SUBMISSIONS = ("BLA submission", "NDA submission", "MAA submission")
# A definite application: its verb ("submitted", "accepted") or the drug it is for.
_SUBMITTED = re.compile(r"(?i)\b(?:submi\w+|fil(?:ed|ing|es)|accept\w*|validat\w*|resubmi\w+)\b")
# What governs the cue and makes the event a plan, a condition or a possibility.
_GOVERNED = re.compile(
    r"(?i)\b(upon|once|if|when|until|unless|plans?|planned|planning|expects?|expected|anticipates?"
    r"|anticipating|intends?|will|shall|would|could|(?-i:may)|might|should|aims?|to|prior\s+to|before"
    r"|pending|not|next|future|potential(?:ly)?|eligible|towards?|goals?|objectives?|ambitions?"
    r"|hopes?)\s+(?:[\w'’-]+\s+){0,4}$"
)
# A temporal clause in the simple present speaks of the future: "after Kessel submits the NDA",
# "when the company files".
_FUTURE_CLAUSE = re.compile(
    r"(?i)\b(?:after|before|when|once|until|as\s+soon\s+as)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:submits|files|receives|obtains|completes|initiates|starts|begins|enrol(?:l)?s|doses"
    r"|gains|achieves|reaches)\b"
)
# The cue is what a payment is due for: "a $5 million milestone payment at the start of Phase 1".
_TRIGGER_BEFORE = re.compile(
    r"(?i)\b(?:payments?|milestones?|fees?)\s+(?:due\s+|payable\s+)?(?:at|on|upon|for|following)"
    r"\s+(?:the\s+|a\s+)?$"
)
# What a drug is, not what happened to it: "X is the first and only Y approved for Z".
_STANDING = re.compile(r"(?i)\b(?:is|are|remains?)\s+(?:the|a)\s+(?:first|only)\b[^.;]{0,80}$")
_EXPECTATION = re.compile(r"(?i)\b(?:expects?|anticipates?|plans?|intends?)\s+to\b")
_AFTER_FUTURE = re.compile(
    r"(?i)^[^.;]{0,30}\b(?:is|are)\s+(?:expected|planned|anticipated|scheduled)\b"
    # the cue's noun phrase is the subject of a modal: "the initiation of a Phase 1 trial will
    # keep us on track" (not a relative clause: "a Phase 2 trial, which will enrol ...")
    r"|^(?:(?!\b(?:which|that|who|and|where)\b)[^,.;]){0,30}?\b(?:will|would|shall|(?-i:may)"
    r"|might|could)\b"
)
_NOT_A_DRUG_DECISION = re.compile(
    r"(?i)\b(?:boards?|shareholders?|stockholders?|directors|supervisory|transactions?|mergers?"
    r"|acquisitions?|antitrust|HSR|competition|court|pricing|reimbursement|budget)\b"
)
# A class of compounds counted, not one of them: "Nine TAP compounds ... have an active IND".
_COUNTED = re.compile(
    r"(?i)\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|other)"
    r"\s+(?:[\w-]+\s+){0,2}(?:compounds|programs|products|candidates|drugs)\b"
)
# An unnamed compound: "a new drug candidate", "an undisclosed target".
_UNNAMED = re.compile(
    r"(?i)\b(?:a|an|another)\s+(?:[\w-]+\s+){0,3}"
    r"(?:candidate|compound|molecule|program(?:me)?|antibody|drug|product)\b"
    # several of them: "product candidates from X and Y enter clinical trials"
    r"|\b(?:candidates|compounds|molecules|programs|programmes|antibodies|drugs|products)\b"
)
# Words that make an approval someone's request or a committee's advice, not the decision.
_NOT_YET_DECIDED = re.compile(
    r"(?i)\b(?:opinion|recommend\w*|seek\w*|applie[sd]|apply|submi\w+|filed|for)\s+"
    r"(?:[\w-]+\s+){0,2}$"
)
_REPEAT = re.compile(r"(?i)\b(?:second|another|different|also)\b")
# A regulator's decision on an application: "has approved the New Drug Application".
_DECIDED_APPLICATION = re.compile(
    r"(?i)\b(?:approv\w*|grant\w*|reject\w*|refus\w*)\s+(?:\w+\s+){0,3}$"
)
# Places counted: "approved in almost 60 countries", "in two of the three largest markets".
_PLACES_COUNTED = re.compile(
    r"(?i)\b(?:in|across)\s+(?:[\w-]+\s+){0,6}?(?:countries|markets|territories|jurisdictions)\b"
)


def regulatory_events(ctx: EventContext, compounds: list[Compound]) -> list[RegulatoryEvent]:
    """Submissions, acceptances, regulators' decisions and clinical starts the release reports,
    each with the compound it is about and the organisation behind it."""
    events: list[RegulatoryEvent] = []
    zones: list[str] = []
    seen: list[tuple[str, str | None, str | None]] = []
    for s in sorted(ctx.sentences, key=lambda s: s.zone == "head"):  # the body's first
        if s.zone in NO_FACT_ZONES:
            continue
        folded = fold_case(s.text)
        for kind, pattern in EVENT_PATTERNS:
            m = pattern.search(s.text) if may_state_event(kind, s.text, folded) else None
            if not m or _event_is_speculative(s.text, m):
                continue
            compound = _nearest_compound(ctx, s.text, m)
            if not _is_definite(kind, s.text, m, compound):
                continue
            if compound is None:
                compound = _fallback_compound(ctx, s.text)
            listed = _listed_sponsors(ctx, s, m.start()) if compound is None else []
            if len(listed) > 1:  # "candidates from A and B enter clinical trials": one each
                for sponsor in listed:
                    key = (kind, None, sponsor)
                    if key not in seen:
                        seen.append(key)
                        events.append(
                            RegulatoryEvent(kind, ctx.span(s), None, sponsor, ctx.layout.published)
                        )
                        zones.append(s.zone)
                continue
            sponsor = _subject_of(ctx, s, m.start()) or _sponsor(ctx, s, compound, compounds)
            place = _place(s.text, m) if kind == "approval" else None
            key = (kind, compound, place)
            if any(_same_event(key, k) for k in seen) and not _REPEAT.search(s.text):
                if kind == "IND active":
                    break  # "the approval of the IND" told again approves no drug
                continue
            seen.append(key)
            events.append(
                RegulatoryEvent(kind, ctx.span(s), compound, sponsor, ctx.layout.published)
            )
            zones.append(s.zone)
            if kind == "IND active":
                break
    return _without_unnamed_repeats(_without_headline_repeats(events, zones))


def _same_event(
    new: tuple[str, str | None, str | None], old: tuple[str, str | None, str | None]
) -> bool:
    """One event told twice: of one kind and compound (whoever the sentence makes its sponsor;
    an approval also in one place, or in a place one of the two leaves unsaid), or of no
    named compound."""
    kind, compound, place = new
    if kind != old[0] or compound != old[1]:
        return False
    return compound is None or place is None or old[2] is None or place == old[2]


def _without_unnamed_repeats(events: list[RegulatoryEvent]) -> list[RegulatoryEvent]:
    """An event of no named compound, where the release reports one of that kind for a named
    compound, is that one told without its name."""
    named = {e.kind for e in events if e.compound is not None}
    return [e for e in events if e.compound is not None or e.kind not in named]


# Where a regulator decides: its name, or the place the sentence names; nearest the cue first.
_PLACES = [
    ("US", r"FDA|Food\s+and\s+Drug\s+Administration|U\.S\.|US(?!\$)|United\s+States"),
    ("EU", r"EMA|EC|European|Europe|EU|CHMP"),
    ("Japan", r"PMDA|MHLW|Japan\w*|Ministry\s+of\s+Health,\s+Labour\s+and\s+Welfare"),
    ("China", r"NMPA|CFDA|China|Chinese"),
    ("Canada", r"Health\s+Canada|Canad\w*"),
    ("UK", r"MHRA|United\s+Kingdom|UK|British"),
    ("Korea", r"MFDS|Korea\w*"),
    ("Australia", r"TGA|Australia\w*"),
    ("Switzerland", r"Swissmedic|Switzerland|Swiss"),
]
_PLACE_RE = re.compile("|".join(rf"(?P<{name}>\b(?:{words})\b)" for name, words in _PLACES))


def _place(text: str, m: re.Match[str]) -> str | None:
    """The place of an approval: a place word inside the cue ("the European approval"), else
    the one nearest it in the sentence."""
    best, best_gap = None, None
    for hit in _PLACE_RE.finditer(text):
        if hit.end() <= m.start():
            gap = m.start() - hit.end()
        elif hit.start() >= m.end():
            gap = hit.start() - m.end()
        else:
            return hit.lastgroup
        if best_gap is None or gap < best_gap:
            best, best_gap = hit.lastgroup, gap
    return best


def _without_headline_repeats(
    events: list[RegulatoryEvent], zones: list[str]
) -> list[RegulatoryEvent]:
    """A headline states what the body reports: its event counts only when the body has none
    of that kind."""
    body_kinds = {e.kind for e, z in zip(events, zones, strict=True) if z != "head"}
    return [
        e for e, z in zip(events, zones, strict=True) if z != "head" or e.kind not in body_kinds
    ]


def _is_definite(kind: str, text: str, m: re.Match[str], compound: str | None) -> bool:
    if kind in _SUBMISSIONS:
        if _DECIDED_APPLICATION.search(text, max(0, m.start() - 50), m.start()):
            return bool(_SUBMITTED.search(text))  # "approved the NDA": the decision, not a filing
        return bool(compound or _SUBMITTED.search(text))
    if kind == "approval":
        near = text[max(0, m.start() - 60) : m.end() + 60]
        if _NOT_YET_DECIDED.search(text, max(0, m.start() - 40), m.start()):
            return False
        if _PLACES_COUNTED.search(near) or _STANDING.search(text, 0, m.start()):
            return False  # "approved in almost 60 countries": the drug's standing, not news
        return not _NOT_A_DRUG_DECISION.search(near) and (
            compound is not None
            or bool(re.search(r"\b(?:FDA|EMA|PMDA|MHLW|NMPA)\b|Commission", text))
            or _PLACE_RE.search(m.group(0)) is not None  # "the European approval"
        )
    return compound is not None or not _COUNTED.search(text)


def _event_is_speculative(text: str, m: re.Match[str]) -> bool:
    if _FUTURE_CLAUSE.search(text, max(0, m.start() - 80), m.start()):
        return True
    if _TRIGGER_BEFORE.search(text, max(0, m.start() - 40), m.start()) and not _realised(
        text[: m.start()]
    ):
        return True
    governed = _GOVERNED.search(text, max(0, m.start() - 60), m.start())
    if governed and not (
        governed.group(1).lower() in ("upon", "once", "when") and _realised(text[: m.start()])
    ):
        return True  # "plans to start", "upon dosing of the first patient", "will not file"
    if _AFTER_FUTURE.search(text[m.end() : m.end() + 60]):
        return True  # "first patient dosing is expected in March"
    if _EXPECTATION.search(text, max(0, m.start() - 200), m.start()):
        return True  # "expects to receive ... upon the start of the Phase II trial"
    window = text[max(0, m.start() - 80) : m.end()]
    return bool(
        re.search(
            r"(?i)\b(?:plans?|planned|expects?|expected|anticipates?|intends?|will|(?-i:may)|could|would|if|"
            r"once|recommending|should|potential|risks?|uncertaint\w*|to\s+initiate|to\s+file|to\s+submit)\b",
            window,
        )
    ) and not re.search(
        r"(?i)\b(?:triggers?|triggered|has\s+(?:been\s+)?(?:filed|submitted)|is\s+now|became)\b",
        window,
    )


def _realised(before: str) -> bool:
    """'Earned a milestone upon initiation of ...': a payment the cue triggered, so it happened;
    not when a modal or "next" stands between ("received $5M, and the next is due upon ...")."""
    ends = [m.end() for m in _DONE.finditer(before)]
    return bool(ends) and not _MODAL.search(before, ends[-1])


_DONE = re.compile(
    r"(?i)\b(?:earned|received|triggered|achieved|collected|was\s+paid|has\s+been\s+paid)\b"
)
_MODAL = re.compile(
    r"(?i)\b(?:will|would|(?-i:may)|might|could|eligible|potential\w*|next|up\s+to|expects?|future)\b"
)


def _nearest_compound(ctx: EventContext, text: str, m: re.Match[str]) -> str | None:
    """The compound named closest to the cue, in the same sentence and near it (a run-on
    summary line is no sentence); none where compounds it leaves unnamed stand closer
    ("... of X. Candidates from A and B enter clinical trials")."""
    forms = {f.casefold(): c.name for c in ctx.compounds for f in (c.name, *c.aliases)}
    if not forms:
        return None
    alternatives = sorted((re.escape(f) for f in forms), key=lambda f: (-len(f), f))
    pattern = compiled("|".join(rf"(?<![\w-]){f}(?![\w-])" for f in alternatives), re.I)
    best, best_gap, between = None, None, (0, 0)
    for hit in pattern.finditer(text):
        gap = m.start() - hit.end() if hit.end() <= m.start() else max(0, hit.start() - m.end())
        if gap <= _NEAR and (best_gap is None or gap < best_gap):
            best, best_gap = forms[hit.group(0).casefold()], gap
            between = (hit.end(), m.start()) if hit.end() <= m.start() else (m.end(), hit.start())
    if best is not None and _SEVERAL_UNNAMED.search(text, *between):
        return None
    return best


_NEAR = 200
_SEVERAL_UNNAMED = re.compile(
    r"(?i)\b(?:candidates|compounds|molecules|programs|programmes|antibodies|drugs|products)\b"
)


def _fallback_compound(ctx: EventContext, text: str) -> str | None:
    """The headline's compound, else the only compound the release names, unless the sentence
    speaks of one it does not name ("a new drug candidate")."""
    if _UNNAMED.search(text):
        return None
    start, end = ctx.layout.title or (0, 0)
    title = compound_named(ctx.compounds, ctx.masked[start:end]) if end else None
    if title is not None:
        return title
    return ctx.compounds[0].name if len(ctx.compounds) == 1 else None


def _subject_of(ctx: EventContext, s: Sentence, cue: int) -> str | None:
    """The organisation that does what the cue says: "Halden (Nasdaq: HLD) has enrolled ..."."""
    before = [m for m in ctx.mentions(s, issuer_words=False) if not m.agency and m.end <= cue]
    if before and _SUBJECT_GAP.fullmatch(s.text, before[-1].end, cue):
        return before[-1].org
    return None


def _listed_sponsors(ctx: EventContext, s: Sentence, cue: int) -> list[str]:
    """'product candidates from Kessel and Orvane enter clinical trials': the companies whose
    unnamed candidates the cue is about, each with its own event."""
    head = _CANDIDATES_FROM.search(s.text, max(0, cue - 120), cue)
    if head is None:
        return []
    names: list[str] = []
    pos = head.end()
    for m in ctx.mentions(s, issuer_words=False):
        if m.start < pos or m.agency:
            continue
        if m.start != pos:
            break
        names.append(m.org)
        joined = _LIST_JOINER.match(s.text, m.end)
        pos = joined.end() if joined else m.end
    return list(dict.fromkeys(names)) if s.text[pos:cue].strip() == "" else []


_CANDIDATES_FROM = re.compile(
    r"(?i)\b(?:candidates|compounds|molecules|programs|programmes|products)\s+(?:from|of|by)\s+"
)
_LIST_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")


_SUBJECT_GAP = re.compile(r"(?:\s*\([^()]{0,40}\))?\s*(?:,[^,]{0,60},)?\s*(?:has|have|had)?\s*")


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
