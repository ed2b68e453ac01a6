"""Payments: which amounts of money move between organisations, and who pays whom.

Each amount is read as a *frame* in its clause:

* the **verb** that governs it, and that verb's class: the subject of *receive*, *earn*, *be
  eligible* is the payee; the subject of *pay*, *make a payment*, *invest*, *purchase shares* is
  the payer; the subject of *acquire* (a company, an asset, a voucher) pays its seller; the
  subject of *trigger*, *result in*, *generate* is an event, not a party;
* the organisations in the verb's **slots**: its subject, the object right after it ("pay
  Kessel", "earning Orvane", "acquire Brindle") and the ones the prepositions mark:
  *from* and *by* mark the payer, *to* and *in* the payee, "X's shares" the company whose
  shares are bought; *from* after *acquire* (or *license*, *buy*) marks the seller, and so does
  the owner of what is acquired ("acquired a portion of X's royalty");
* the **mood** of the verb group and the words around the amount: "up to", "eligible",
  "could", "if", "upon achievement", "subject to" make it potential; "received", "earned",
  "triggers", "has been achieved" make it earned; an upfront payment, an option fee or an
  equity purchase is owed on signing, so it is earned unless the release says the deal has
  not yet closed.

A role the clause leaves open is filled from the other side of the deal (the issuer and its
partner), never from a guess about a third party; an amount with no role at all follows the
direction of the release's explicit frames. Amounts stated twice (headline and body, a bullet
and its sentence) are merged, the explicit reading of each field winning over a default.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import Protocol

from kg.extract.learned import Review
from kg.extract.money import (
    AT_CLOSING,
    FORWARD_LOOKING,
    INSTEAD_OF,
    RIGHTS_OBJECT,
    MoneyMention,
    classify_kind,
    qualifier_of,
)
from kg.extract.text import NO_FACT_ZONES, Gated, Sentence, compiled
from kg.facts import Money, Payment, Span


class Mention(Protocol):
    """An organisation named in a sentence, at offsets into the sentence's text."""

    start: int
    end: int
    org: str
    agency: bool


class ReleaseView(Protocol):
    """What payment extraction reads of a release."""

    sentences: list[Sentence]
    issuer: str | None
    partner: str | None
    own_side: frozenset[str]  # the issuer's own units and parent

    def mentions(self, sentence: Sentence, *, issuer_words: bool = True) -> Sequence[Mention]: ...
    def money(self, sentence: Sentence) -> list[MoneyMention]: ...
    def parent_of(self, org: str) -> str | None: ...


# ---- the verbs that govern an amount -------------------------------------------------------------

# "… Kessel Pharma with exclusive rights": whom rights are provided (never "with an upfront
# option payment": money, not an option, is what Kessel is provided with).
_WITH_RIGHTS = (
    r"\s+(?-i:[A-Z])[\w.&-]*(?:\s+(?-i:[A-Z])[\w.&-]*){0,3}\s+with\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:licen[cs]es?|rights|options?)\b"
    r"(?!\s+(?:(?:exercise\s+)?(?:payments?|fees?)|exercise)\b)"
)
RECEIVE, PAY, ACQUIRE, SELL, TRIGGER, PASSIVE, NOUN = (
    "receive", "pay", "acquire", "sell", "trigger", "passive", "noun"
)  # fmt: skip
_VERB = re.compile(
    r"(?i)\b(?:"
    r"(?P<receive>receiv(?:e|es|ed|ing)|earn(?:s|ed|ing)?|eligible|entitled|collect(?:s|ed)?"
    r"|gets?|got|grabs?|secur(?:es|ed)|achiev(?:es|ed)|generat(?:e|es|ed|ing)|book(?:s|ed)?|rais(?:es|ed)"
    r"|recogni[sz](?:e|es|ed)|award(?:s|ed)?"
    # "X banks $5.6M milestone payment", "after banking a milestone payment"
    r"|(?-i:bank(?:s|ed|ing))(?=\s+(?:an?\s+|the\s+|its\s+)?(?:US\$|[$€£¥]|\d|[\w-]+\s+payment)))"
    r"|(?P<pay>pa(?:y|ys|ying|id)|ma(?:ke|kes|king|de)|invest(?:s|ed|ing)?"
    # "Telix will give ARTMS $42.5 million upfront": a company given an amount is paid it
    r"|g(?:ive|ives|ave)(?=\s+(?-i:[A-Z])[\w.&-]*(?:\s+(?-i:[A-Z])[\w.&-]*){0,3}\s+(?:an?\s+)?"
    r"(?:US\$|[$€£¥]|(?-i:[A-Z]{3})\s?\d))"
    # "funds managed by Blackstone", "by funds advised by X": investment funds, not a verb
    r"|(?<!\bby\s)(?<!\bof\s)(?<!\bthe\s)(?<!\bits\s)fund(?:s|ed)?"
    r"(?!\s+(?:managed|advised|controlled|affiliated|sponsored|owned)\b)"
    r"|provid(?:e|es|ed|ing)(?!"
    + _WITH_RIGHTS
    + r")|contribut(?:e|es|ed|ing)|subscrib(?:e|es|ed|ing)|owe[sd]?"
    # "a cash purchase price of", "the Stock Purchase Agreement": nouns, not verbs
    r"|reimburs(?:e|es|ed|ing)|purchas(?:e|es|ed|ing)(?!\s+(?:price|agreement|option)s?\b)"
    r"|bu(?:y|ys|ying)|bought)"
    r"|(?P<acquire>(?:re-?)?acquir(?:e|es|ed|ing)|acquisition\s+of|in-?licens(?:e|es|ed|ing)"
    r"|t(?:ake|akes|aking|ook)\s+over"
    # "X will gain an exclusive license to …, for up to $960 million": X takes and pays
    r"|gain(?:s|ed)?(?=\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:licen[cs]e|rights?)\b)"
    r"|(?:licens(?:es|ed|ing)|(?:(?<=\bto\s)|(?<=\bwill\s)|(?<=\bwould\s)|(?<=\bmay\s))licen[cs]e)(?=[^.;:$€£¥]{0,100}?\bfrom\s+(?:the\s+)?(?-i:[A-Z]))"
    # "X has exclusively licensed the rights to develop Y's product": X takes the rights
    r"|licens(?:es|ed)(?=\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?rights\s+to\s+(?:develop|commerciali[sz]e"
    r"|market|sell|manufacture)\b))"
    # Rights given "to X" for money are sold to X: "licensed its rights in Japan to X in
    # exchange for an upfront payment of $11 million" (X, who takes them, pays). "license" is a
    # verb only after "to" or a modal: "an exclusive license to X's candidate" is a noun.
    # "out-license" is a verb after "to" or a modal: "an Out-License Deal of $492M" is a noun
    r"|(?P<sell>sel(?:l|ls|ling)|sold|divest(?:s|ed|ing)?|out-?licens(?:es|ed|ing)"
    # "will grant Kessel an exclusive license … in exchange for $25 million": Kessel takes, pays
    r"|grant(?:s|ed|ing)?(?=\s+(?-i:[A-Z])[\w.&-]*(?:\s+(?-i:[A-Z])[\w.&-]*){0,3}\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:licen[cs]es?|rights|options?)\b)"
    # "granted worldwide rights to Kessel … in return for an upfront payment": Kessel pays
    r"|grant(?:s|ed|ing)?(?=\s+(?:[\w-]+\s+){0,3}?(?:licen[cs]es?|rights|options?)\s+"
    r"(?:[\w-]+\s+){0,4}?to\s+(?:the\s+)?(?-i:[A-Z]))"
    # "provides Kessel with exclusive rights to X in exchange for $10 million": Kessel pays
    r"|provid(?:e|es|ed|ing)(?=" + _WITH_RIGHTS + r")"
    r"|(?:(?<=\bto\s)|(?<=\bwill\s)|(?<=\bwould\s)|(?<=\bmay\s))out-?licen[cs]e"
    r"|(?:licens(?:es|ed|ing)|(?:(?<=\bto\s)|(?<=\bwill\s)|(?<=\bwould\s)|(?<=\bmay\s))licen[cs]e|transferr(?:ed|ing)|transfers?|assign(?:s|ed|ing)?)"
    r"(?=[^.;:$€£¥]{0,100}?\bto\s+(?:the\s+)?(?-i:[A-Z])))"
    r"|(?P<trigger>trigger(?:s|ed|ing)?|le(?:d|ads?)\s+to|result(?:s|ed|ing)?\s+in"
    r"|entitl(?:e|es|ing)|due)"
    r")\b"
)
# A receiving verb's "by" marks the receiver ("was received by X"), not the payer.
_RECEIVED_BY = re.compile(
    r"(?i)\b(?:received|earned|collected|obtained)\s+(?:(?:to\s+date|so\s+far|today)\s+)?by\s+"
    r"(?:the\s+)?$"
)
# "earn" and "award" take the payee as their object when they have one: "…, earning
# Orvane $15 million", "NIH awarded X a grant of $3 million" (the subject awards).
_EARN = re.compile(r"(?i)earn|award")
_AWARD = re.compile(r"(?i)award")
_GRANT = re.compile(r"(?i)grant|provid")
_BE_AWARDED = re.compile(r"(?i)\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?award")
_FUNDS = re.compile(r"(?i)\bfund(?:s|ed|ing)?$|\breimburs(?:e|es|ed|ing)$")
_INVESTS = re.compile(r"(?i)invest\w*$")
_INVEST_IN = re.compile(r"\s+in\s+(?:the\s+)?[A-Z]")
# A purchase of shares is an investment in their issuer; of anything else, an acquisition.
_SHARES = re.compile(r"(?i)\b(?:shares?|stock|equity|ADSs?|stake)\b")
# The amount is the subject of a passive verb: "$13.5 million of which has been achieved".
_PASSIVE_AFTER = re.compile(
    r"(?i)(?:\s*\([^)]*\))?(?:(?!\b(?:if|once|when|unless|until|upon|after)\b)[^,;()]){0,80}?"
    r"(?:,\s*(?:which|that)\s+)?"  # "…, which was triggered by the dosing"
    r"\b(?:has|have|had|was|were|is|are)\s+(?:been\s+|now\s+|"
    r"already\s+)*(?P<word>earned|achieved|paid|received|triggered|made|generated|recogni[sz]ed"
    r"|invoiced|due|payable|expected|anticipated)\b"
)
# A participle after the amount that reports it done, with no auxiliary (a reduced relative
# clause): "the $5 million fee paid by X", "a $40 million payment received in May 2020".
_REDUCED_RELATIVE = re.compile(
    r"(?i)(?:\s*\([^)]*\))?\s+(?:(?!(?:to|will|would|is|are|be|been|was|were|has|have|if|when"
    r"|upon|once)\b)[\w-]+\s+){0,6}?(?P<word>received|paid|made|earned|collected)\s+"
    r"(?=by\b|from\b|in\s+(?:[A-Z][a-z]+\s+)?\d{4}\b|today\b|to\s+date\b|so\s+far\b|earlier\b"
    r"|last\s+(?:year|month|week|quarter)\b|previously\b)"
)
_BROKEN_DOWN = re.compile(r"(?i)\s*,?\s*(?:comprising|consisting\s+of|made\s+up\s+of)\b")
# The words after an amount that list what it includes ("…, including an upfront and equity
# payment"; "… that includes an upfront payment of $6 million and milestone payments").
_INCLUDES = re.compile(
    r"(?i)^[^.;$€£¥]{0,90}?\b(?:including|that\s+includes?|which\s+includes?)\b(?P<list>[^.;]{0,240})"
    # "over $55 million from milestones, fees, royalties and this sale": where it came from
    r"|^\s*(?:in|from)\s+(?P<sources>(?:[\w-]+,?\s+){0,2}[\w-]+,\s+[^.;$€£¥]{3,100}"
    # "$96 million in an initial upfront payment and other near-term committed funding"
    r"|(?:an?\s+)?[\w\s-]{3,60}?\s+and\s+other\s+[^.;$€£¥]{3,60})"
)
_DEALS_ROYALTIES = re.compile(
    r"(?i),?\s+(?:as\s+well\s+as|plus|and|alongside|along\s+with|together\s+with|in\s+addition\s+to)"
    r"\s+[^,;]{0,40}?\broyalt.*$"
)
_KIND_WORDS = {
    "upfront": re.compile(r"(?i)\bup-?\s?front|\binitial\s+payment|\bsigning\b"),
    "milestone": re.compile(r"(?i)\bmilestones?\b"),
    "equity": re.compile(r"(?i)\bequity\b|\bshares?\b"),
    "royalty": re.compile(r"(?i)\broyalt(?:y|ies)\b"),
    "license_fee": re.compile(r"(?i)\blicen[cs]e\s+fees?\b"),
    "option_fee": re.compile(r"(?i)\boption\s+(?:exercise\s+)?fees?\b"),
    "research_funding": re.compile(r"(?i)\bcommitted\s+funding\b|\bresearch\s+funding\b"),
}
_PART_BEFORE = re.compile(
    r"(?i)\b(?:(?:which|that)\s+includ\w*|including|comprising|consisting\s+of)\b[^$€£¥\d]{0,40}$"
)
# The parts a purchase price is paid in: "with the price being paid by way of an initial
# payment of £1.9 million", "the consideration is payable in instalments of"
_PRICE_PAID_AS = re.compile(
    r"(?i)\b(?:price|consideration)\s+(?:(?:being|is|was|will\s+be|to\s+be)\s+)?"
    r"(?:paid|payable|settled|satisfied)\s+(?:by\s+way\s+of|in|through|as)\b[^$€£¥\d]{0,40}$"
)
_OF_WHICH_AFTER = re.compile(r"(?i)^\s*(?:\([^)]*\)\s*)?,?\s*of\s+which\b")
# Where one frame ends and another begins.
# "… received $225,000 and Orvane has committed to a payment of $775,000": a clause with a
# subject of its own starts after "and"; the verb before it does not govern what follows.
_NEW_SUBJECT = re.compile(
    r",?\s+and\s+(?=(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,4}\s+(?:has|have|had|will"
    r"|would|is|are|was|were|also|shall)\b)"
)
_POSSESSIVE = re.compile(r"['’]s?\s+(?!(?:shares?|stock|common|ordinary|ADSs?)\b)")
_CLAUSE_BOUNDARY = re.compile(r";|[•»]|\s[–—]\s|:\s(?![A-Z0-9.]{1,10}\))|\s-\s")
# The words between an amount and a verb that continues its frame: "… $120 million and purchase".
_CONTINUES = re.compile(
    r"(?i),?\s*(?:and|or)\s+(?:(?:is|are|will|would|has|have|also|then|to|be)\s+)*"
    r"(?:\w+ly\s+)?(?:(?:agreed|obligated|entitled|eligible)\s+to\s+)?$"
)
_RELATIVE = re.compile(r"(?i)\b(?:which|that|who|whereby|wherein|whose)\b")
_PREPOSITION_BEFORE = re.compile(
    r"(?i)\b(?:with|of|by|from|to|for|at|between|into|under|on|in|than|via|through|among|"
    r"including|like|versus|vs\.?|over|against|about)\s+(?:the\s+|its\s+|their\s+|an?\s+)?$"
)
_STOCK_AFTER = re.compile(
    r"(?i)['’]?s?\s+(?:[\w-]+\s+){0,2}?(?:shares?|stock|equity|ADSs?|shareholders?|stockholders?"
    r"|ordinary|common)\b"
)
_STOCK_BEFORE = re.compile(r"(?i)\b(?:shares|stock|stake|equity|ADSs)\s+(?:of|in)\s+(?:the\s+)?$")
# "Upfront payment of US$3M payable through the issuance of 906,077 Common Shares of X": X pays,
# in shares it issues (the payment keeps its kind: it is no purchase of X's shares)
_PAID_BY_ISSUING = (
    r"\b(?:payable|paid|settled|satisfied)\s+(?:through|by|in|via|with)\s+(?:the\s+)?"
    r"(?:issu(?:ance|ing)|allotment|delivery)\b"
)
_HOW_PAID_IN_SHARES = re.compile(r"(?is)^\s*,?\s*" + _PAID_BY_ISSUING + r".*")
# "$30 million in either cash or a combination of cash and X common stock upon …": what the
# payer may pay it in, not shares it buys
_IN_CASH_OR_SHARES = re.compile(
    r"(?i)^\s*,?\s*in\s+(?:either\s+)?cash\s+or\s+(?:a\s+combination\s+of\s+cash\s+and\s+)?"
    r"(?:[\w.&-]+\s+){0,3}?(?:common\s+|ordinary\s+)?(?:stock|shares)\b"
)
_PAID_IN_OWN_SHARES = re.compile(r"(?i)" + _PAID_BY_ISSUING + r"\s+(?:of\s+)?[^.;$€£¥]{0,60}$")
# "from our partner X", "to its licensee, X": the noun between a preposition and its party.
# "from its ex-Europe partner X", "from BRAND (inn) partner X": a few words may qualify the noun.
_PARTNER_NOUN = (
    r"(?:(?:the|its|our|their)\s+)?(?:(?:long-?time|existing|strategic|development|licensing|"
    r"commercial|collaboration)\s+)?(?:(?:[\w.()®™-]+\s+){0,3}?(?:partner|licensee|licensor"
    r"|collaborator|parent|subsidiary|affiliate)\s*,?\s+"
    # "to the former stockholders of X": a company's holders are paid for it
    r"|(?:former\s+|selling\s+)?(?:stockholders|shareholders|equity\s*holders|owners)\s+of\s+"
    r"(?:the\s+)?)?"
)
# What is taken from the company after "from": "a $440 million pact to license a drug from Y"
_TAKEN_FROM = re.compile(
    r"(?i)\b(?:in-?licen[cs]e|licen[cs]e|acquire|buy|purchase)\s+[^.;$€£¥]{0,60}?\bfrom\s+"
    r"(?:the\s+)?$"
)
# The amount, then whom it is paid to: "pay $465m to the US Department of Justice"
_PAID_TO_RIGHT_AFTER = re.compile(
    r"\S+(?:\s+(?:million|billion))?\s+to\s+(?:the\s+)?(?:(?:U\.S\.|US|UK|EU)\s+)?"
)
# The amount, then whom it comes from: "received $2 million in grant funding from the Kessel
# Authority"
_RECEIVED_FROM_RIGHT_AFTER = re.compile(
    r"\S+(?:\s+(?:million|billion))?\s+(?:in\s+(?:[\w-]+\s+){1,2}?)?from\s+(?:the\s+)?"
    r"(?:(?:U\.S\.|US|UK|EU)\s+)?"
)
# A country before a public body's name, which kg's name leaves out: "to the US Department of
# Justice"
_COUNTRY_BEFORE = r"(?:(?-i:U\.S\.|US|UK|EU)\s+)?"
_SLOT_BEFORE = {
    "from": re.compile(rf"(?i)\bfrom\s+{_PARTNER_NOUN}{_COUNTRY_BEFORE}$"),
    "to": re.compile(rf"(?i)\bto\s+{_PARTNER_NOUN}{_COUNTRY_BEFORE}$"),
    "by": re.compile(rf"(?i)\bby\s+{_PARTNER_NOUN}{_COUNTRY_BEFORE}$"),
    "in": re.compile(r"(?i)\b(?:in|at)\s+(?:the\s+)?$"),
    "with": re.compile(r"(?i)\bwith\s+(?:the\s+)?$"),
    # "offered $1.3 billion to buy Y": what the price is offered for
    "bought": re.compile(r"(?i)\bto\s+(?:buy|acquire|purchase|take\s+over)\s+(?:the\s+)?$"),
}
# A noun of handing something over, after the amount: its "to"/"from" is the noun's, not the
# payment's ("…, given the return of the marketing rights to Y").
_HANDED_OVER = re.compile(r"(?i)\b(?:return|transfer|reversion|assignment)\s+of\b")
_PARTICIPLE_BY = re.compile(
    r"(?i)\b(?:purchased|paid|made|provided|funded|invested|subscribed|acquired|purchase|"
    r"investment|subscription)\s+by\s+(?:the\s+)?$"
)
_DETERMINERS = frozenset(["our", "its", "their"])
_IT_SUBJECT = re.compile(
    r"(?i)\bit\s+(?:has\s+|had\s+|will\s+|is\s+|was\s+|would\s+|could\s+|may\s+)?(?:\w+\s+){0,3}$"
)
_IT_REPORTS = re.compile(r"(?i)\b(?:announce[sd]?|reports?|reported|said|says)\s+that\s+it\b")
_REPORTING = re.compile(r"(?i)\b(?:announced|announces|said|says|reported|reports|stated)\b")

# ---- the mood of a frame -------------------------------------------------------------------------

_UP_TO = re.compile(
    r"(?i)\b(?:up\s+to(?:\s+(?:an?\s+)?(?:additional|further|total\s+of|aggregate\s+of))?"
    r"|as\s+much\s+as|potential(?:ly)?|of\s+up)\s+(?:approximately\s+|about\s+|around\s+|~)?$"
)
_POTENTIAL_VERB = re.compile(
    r"(?i)\b(?:eligible|entitled|could|(?-i:may)|might|would|can|potential(?:ly)?|stands?\s+to|seek(?:s|ing)?|"
    r"obligated\s+to\s+make\s+potential|is\s+to\s+receive\s+up)\b"
)
_CONDITION = re.compile(
    r"(?i)\b(?:if|unless|once|subject\s+to|contingent|assuming|pending|provided\s+that|in\s+the\s+event"
    r"|upon\s+(?:the\s+)?(?:achiev\w+|reach\w*|meet\w*|successful|future|attainment|"
    r"satisfaction|fulfil\w*|regulatory|approval|first\s+commercial|commerciali[sz]ation|launch)"
    r"|upon\s+(?:the\s+)?(?:dosing|initiation|start|filing|submission|acceptance|expiration|expiry"
    r"|clearance|termination\s+of\s+the\s+waiting)"
    r"|when\s+(?:certain|the)\s+|expected|anticipated|could|(?-i:may)|might"
    # "potential milestones", never "a royalty on potential worldwide sales of X"
    r"|(?:potential|future)(?!\s+(?:\w+\s+)?(?:sales|royalt\w*|revenues?|markets?)\b)"
    r"|success-based|option\s+to\s+(?:increase|extend|expand|provide|invest|fund|co-fund)"
    r"|(?:to\s+be\s+)?based\s+on\s+(?:the\s+)?achievement"
    r"|(?:up)?on\s+(?:the\s+)?(?:transfer|delivery)\s+of"
    r"|warrants?\s+to\s+(?:acquire|purchase|buy|subscribe))\b"
)
_LEAD_CONDITION = re.compile(
    r"(?i)^\W*(?:if|once|upon\s+(?:the\s+)?achiev|should|subject\s+to|assuming|pending|provided)\b"
)
_EARNED_WORDS = re.compile(
    r"(?i)\b(?:received|receives|earned|earns|triggered|triggers|paid|pays|achieved|achieves|made|obtained|"
    r"generated|generates|generating|triggering|earning|resulting\s+in|collected|recogni[sz]ed|"
    r"grabs|led\s+to|leads\s+to|resulted\s+in|committed|awarded|entitles|raises|raised|banks|banked|"
    r"banking|"
    r"results\s+in|has\s+(?:now\s+|already\s+)?(?:been\s+)?|have\s+(?:been\s+)?|had\s+)"
)
# A verb that reports a payment as done, whatever conditions it was earned on.
_PAST_PAYMENT = re.compile(
    # ("to be paid", "will be made": a payment yet to come)
    r"(?i)(?<!\bto\sbe\s)(?<!\bwill\sbe\s)(?<!\bshall\sbe\s)"
    r"\b(?:received|earned|triggered|paid|collected|generated|achieved|made|raised)\b(?![\w-])"
)
# A present passive with a condition states a rule, not an event: "… are paid when …".
_HABITUAL = re.compile(
    r"(?i)\b(?:is|are)\s+(?:\w+\s+)?(?:paid|made|due|payable)\s+(?:when|if|upon|once|as|after)\b"
)
_MILESTONE_WORD = re.compile(r"(?i)\bmilestones?\b")
_LEADING_BRACKET = re.compile(r"^[*†\s]*\([^()]{0,60}\)")
_ACHIEVEMENT_OF = re.compile(
    r"(?i)\bachievement\s+of\s+(?:an?|the|this)\s+$"
    # "X today announces a milestone payment of USD 750 000 from its partner": one it has had
    r"|\bannounc(?:es|ed|e)\s+(?:the\s+receipt\s+of\s+)?(?:an?|the)\s+(?:[\w-]+\s+){0,2}?"
    r"payment\s+of\s+$"
)
# "… milestones of $1.7 million, including that announced today, have been earned"
_HAVE_BEEN_EARNED = re.compile(
    r"(?i)^(?:[^;.]{0,80}?,)?\s*(?:has|have|had)\s+(?:now\s+|already\s+)?been\s+"
    r"(?:earned|received|paid|achieved|collected)\b"
)
# A one-time or lump-sum payment with no condition is owed when the agreement is made.
_ONE_TIME = re.compile(r"(?i)\b(?:one-?time|lump[- ]sum)\s+(?:cash\s+)?(?:payment|fee)\s+of\s+$")
_OWED = re.compile(r"(?i)\b(?:owes|owed|(?:is|are)\s+(?:now\s+)?due)\s*$")
_NOW_OWED = re.compile(
    r"(?i)\bnow\s+(?:entitled|due|owed)\b|\b(?:has|have)\s+(?:now\s+)?become\s+(?:due|payable)\b"
)
_DUE_ON_SIGNING = re.compile(
    r"(?i)\b(?:upon|on|at|following)\s+(?:the\s+)?(?:signing|execution|deal\s+execution|"
    r"effectiveness|entry\s+into)\b|\bwithin\s+\w+\s+(?:business\s+)?days\b"
)
_FUTURE = re.compile(
    r"(?i)\b(?:will|shall|(?:agreed|expected|is|are)\s+to|to\s+(?:receive|pay|make|earn|get|acquire|"
    r"purchase|invest|provide|fund|buy))\b"
)
# Where the words that qualify an amount end: the next coordinated item has its own.
# ("from A and B for the achievement of …": an "and" between two payers goes on)
_TAIL_END = re.compile(
    r"(?i);|,?\s+(?:and(?!\s+(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){0,3}\s+"
    r"(?:for|in|to|under|upon|on|within)\b)|but|while|plus|as\s+well\s+as"
    # "$200 million upfront payment with a potential of up to $2.4 billion": the next item's
    r"|with(?=\s+(?:an?\s+|the\s+)?(?:potential|additional|further|up\s+to)\b))\b"
)
# Where an amount's own phrase ends for its kind: "…, and potential milestone payments" is the
# next item's ("development, regulatory and sales milestones" is still this one's).
_NEXT_ITEM = re.compile(
    r"(?i);|,\s*(?:and|plus|but|while)\b|\s+plus\b|\bas\s+well\s+as\b"
    # "…, including an upfront payment and research funding": the parts' kinds, not the whole's
    r"|,?\s+(?:including|comprising|consisting\s+of)\b"
    # "…for £14.5 million, with the price being paid by way of an initial payment of": how the
    # price is paid is the next items' words
    r"|,\s*with\s+the\s+(?:purchase\s+)?(?:price|consideration)\b"
    # ("$3.1 million over the next 18 months with an initial payment of $1.2 million": the
    # initial payment is the next item's)
    r"|,?\s+with\s+(?:an?\s+|the\s+)?(?:initial|first)\s+(?:payment|instal?lment|tranche)\b"
    # "… $3 million and GSK will make an equity investment": a new clause with its own subject
    r"|\s+and\s+(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*){0,3}\s+(?:will|shall|has|have|is|are"
    r"|would|could|may|also|agreed)\b"
)
# The subject's own forecast: "Norvane expects to receive …" (not "X is expected to pay").
_FORECAST = re.compile(
    r"(?i)\b(?:expects?|anticipates?|plans?|intends?|hopes?|believes?|aims?|seeks?)\s+to\b"
)
_PAST_AUX = re.compile(r"(?i)\b(?:was|were|has|have|had|did)\b")
# An event that is the subject of a trigger verb: what a milestone is paid for.
# "The approval of X triggers …", "Y has dosed the first patient, triggering …".
# Words that report a payment made, not one promised.
# Kinds of payment owed only when something happens (a milestone met, an option exercised).
_CONTINGENT_KINDS = ("milestone", "option_fee")
_DONE_WORDS = re.compile(
    r"(?i)\b(?:received|paid|earned|triggered|has\s+been|have\s+been|was|were)\b"
)
# An event done that now entitles a company to a payment: the payment is earned.
_EVENT_ENTITLES = re.compile(
    r"(?i)\b(?:execution|initiation|start|dosing|completion|achievement|acceptance|approval"
    r"|filing|submission|enrol(?:l)?ment)\s+of\s+[^.;]{0,60}?\bentitles\b"
)
_EVENT_SUBJECT = re.compile(
    r"(?i)\b(?:approv(?:al|ed)|dos(?:ing|ed)|initiat(?:ion|ed)|start(?:ed)?|accept(?:ance|ed)"
    r"|submi(?:ssion|tted)|fil(?:ing|ed)|clear(?:ance|ed)|launch(?:ed)?|enrol(?:l)?(?:ment|ed)"
    r"|achieve(?:ment|d|s)|complet(?:ion|ed)|nominat(?:ion|ed)|select(?:ion|ed)"
    r"|first\s+(?:patient|subject|(?:commercial\s+)?sale))\b[^.;]{0,120}$"
)
# A clause that opens as the consequence of what the text just said happened: the money it
# names is owed now.
_CONSEQUENCE = re.compile(
    r"(?i)(?:^|[.;]\s+|\n)(?:as\s+a\s+(?:result|consequence)(?:\s+of\s+(?:this|the)\s+"
    r"(?:achievement|event|milestone|dosing|approval|acceptance|submission|initiation))?"
    r"|consequently|accordingly|with\s+(?:this|the)\s+achievement(?:\s+of\s+this\s+milestone)?)"
    r",?\s*$"
)
# A verb of paying in the passive voice makes its subject the payee.
_PASSIVE_PAY = re.compile(r"(?i)(?:paid|funded|reimbursed)$")
_ACQUIRED = re.compile(r"(?i)acquired$")
_BE_BEFORE = re.compile(r"(?i)\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|also\s+)?$")
# Verbs that give or take rights without buying the asset: their price is no acquisition.
_GIVES_RIGHTS = re.compile(r"(?i)(?:out-?)?licens|transfer|assign|grant|provid")
# "X is entitled to acquire an exclusive license … upon the payment of $5 million": rights
_BUYS_RIGHTS = re.compile(rf"(?i){RIGHTS_OBJECT}")
# A list after a colon itemises what the words before it say: "announced the receipt of two
# milestones from X: an equity investment of … and a milestone payment of …".
_RECEIPT_BEFORE_COLON = re.compile(
    r"(?i)\b(?:receipt|received|receives|earned|earns|achieved)\b[^.:;]{0,80}:\s*$"
)
_GIVEN_DONE = re.compile(r"(?i)(?:licens|transferr|assign)ed$")
# A sale named as a noun governs the amount like "sell": "the sale of its interest to X for
# $40 million" (X, the buyer, pays).
_SALE_NOUN = re.compile(r"(?i)\b(?:sale|divestiture|divestment|disposal)\s+of\b")
# What a royalty monetisation buys: "its royalty interest in X", "rights to royalties on X".
_ROYALTY_BOUGHT = re.compile(
    r"(?i)\broyalt(?:y|ies)\s+(?:interests?|rights?|streams?|entitlements?)\b"
    r"|\b(?:interests?|rights?|stake)\s+(?:in|to)\s+(?:\w+\s+){0,3}?royalt(?:y|ies)\b"
)
_ACQUISITION_DONE = re.compile(
    r"(?i)\b(?:completed|completes|closed|closes|consummated|(?<!be\s)acquired|acquires|finali[sz]ed"
    r"|sold|bought|purchased|divested|(?<!be\s)paid)\b"
)
_DATED_ACQUISITION = re.compile(r"(?i)\b(?:19|20)\d\d\s+(?:acquisition|purchase|takeover)\b")
# The whole deal is not yet closed: signing money waits for closing.
_DEAL_PENDING = Gated(
    re.compile(
        r"(?i)\bsubject\s+to\s+(?:the\s+)?(?:(?:potential|certain|applicable)\s+)?(?:customary|clearance"
        r"|antitrust|competition\s+(?:authority\s+)?(?:clearances?|approvals?)|(?:regulatory|government"
        r"(?:al)?)\s+(?:approvals?|clearances?|review)|approval\s+by|shareholder|stockholder|the\s+expiration|the\s+satisfaction|"
        r"closing|the\s+closing|completion|the\s+receipt|HSR|Hart-Scott)"
        r"|\b(?:expected|anticipated|scheduled|plans?|planned|intends?)\s+to\s+(?:close|be\s+completed|complete)\b"
        r"|\b(?:upon|on|at|following)\s+(?:the\s+)?closing\b"
        r"|\bclosing\s+of\s+the\s+(?:transaction|acquisition|merger|deal)\b"
    ),
    ("subject", "clos", "complet"),
    ignore_case=True,
)
_DEAL_CLOSED = Gated(
    re.compile(
        r"(?i)\b(?:has|have)\s+(?:now\s+)?(?:closed|completed)\b|\bcompleted\s+(?:its|the)\s+"
        r"acquisition\b|\bclosing\s+(?:has\s+)?occurred\b|\bsuccessfully\s+closed\b"
        r"|\bannounced\s+(?:the\s+)?(?:successful\s+)?(?:completion|closing)\s+of\s+(?:its|the)\s+"
        r"(?:previously[\s-]announced\s+)?(?:\w+\s+){0,2}?(?:acquisition|sale|divestiture|merger"
        r"|agreement|collaboration|transaction|deal)\b"
        # a headline's present: "X Completes Transformational Acquisition of Y"
        r"|\b(?:completes|closes)\s+(?:its\s+|the\s+)?(?:\w+\s+){0,2}?(?:acquisition|merger|sale)\b"
    ),
    ("clos", "complet"),
    ignore_case=True,
)
_SIGNING_KINDS = ("upfront", "equity", "option_fee", "license_fee", "research_funding")
_PENDING_KINDS = ("upfront", "equity", "acquisition", "option_fee", "license_fee", "other")

# ---- what is a payment ---------------------------------------------------------------------------

_PAYMENT_CUE = re.compile(
    r"(?i)\b(?:pay|paid|payments?|payable|fees?|milestones?|up-?front|royalt\w*|receiv\w*|earn\w*|"
    r"bu(?:y|ys|ying)|bought|offer(?:s|ed)?\s+[^.;]{0,80}?\bto\s+(?:buy|acquire)|"
    r"equity|invest\w*|purchase\w*|funding|fund(?:s|ed)?|stockholders|shareholders|deal\s+value|"
    r"generated|proceeds|reimburs\w*|acquisition|acquir\w*|price|consideration|trigger\w*|"
    r"eligible|entitled|subscri\w*|placement|shares|stock|bonds?|loan|financing|upon|"
    r"achiev\w*|of\s+which|(?:deal|transaction|agreement)\s+(?:is\s+)?valued\s+at|"
    r"(?:contract|transaction)\s+value|(?:value|amount|size)\s+of\s+the\s+(?:\w+\s+)?(?:deals?"
    r"|agreements?|contracts?|transactions?)|(?:deal|transaction|acquisition|purchase)\s+amounts?"
    r"\s+to|cost\s+(?:for|of)\s+(?:this|the)\s+(?:agreement|deal|transaction|acquisition)|"
    r"(?:deals?|transactions?|agreements?|contracts?|collaboration|partnership|alliance),?\s+"
    # (a full stop inside the sentence is an abbreviation's: "with Tenby Pharma Ltd. worth")
    r"(?:is\s+|are\s+|(?:could|would|may)\s+be\s+|with\s+[^;$€£¥]{1,60}?\s+"
    r"|(?:potentially|possibly|reportedly)\s+)?worth"
    # "The deal, which could exceed $123 million"
    r"|(?:deals?|transactions?|agreements?),?\s+which\s+(?:could|would|may)\s+(?:exceed|reach|total))\b"
)
# Figures that are not money changing hands: results, balances, markets, share prices.
_LIST_ITEM_START = re.compile(r"(?i),\s*(?:and|plus)\s+|;\s*")
# "worth" is a valuation ("a company worth $2 billion"), except where a deal or a payment is
# what is worth the amount: "a deal worth", "the deal could be worth", "payments worth up to".
_WORTH_SUBJECTS = [
    f"{noun}{verb}"
    for noun in ("deal", "deals", "transaction", "agreement", "agreement,", "contract", "payment",
                 "payments", "collaboration", "partnership", "alliance")
    for verb in ("", " is", " are", " could be", " would be", " may be")
]  # fmt: skip
_NOT_A_DEAL_BEFORE = "".join(
    rf"(?<!{re.escape(w).replace(chr(92) + ' ', chr(92) + 's')}\s)" for w in _WORTH_SUBJECTS
)
_NOT_PAYMENT = re.compile(
    r"(?i)\b(?:revenues?|net\s+(?:loss|income|sales)|sales\s+of|in\s+sales|market(?:\s+size)?|"
    # "push its sales up from NOK 6.4 billion to around 10 billion": a sales figure
    r"sales\s+(?:(?:up|down|rising|growing|grew|rose|fell|increas\w*|decreas\w*)\s+)?(?:from|to)|"
    r"cash(?:,\s+cash|\s+and\s+(?:cash\s+)?equivalents|\s+equivalents|\s+position|\s+balance|"
    r"\s+runway|\s+(?:out|in)flows?|\s+burn|\s+and\s+(?:liquid|short-term|marketable))|"
    r"balance\s+sheet|"
    r"expenses?|costs?\s+of|valuation|market\s+cap\w*|closed\s+(?:\S+\s+){0,3}at|share\s+price|"
    # "shares of X closed down 8,000 yen to 887,000 yen": a share price's move
    r"(?:closed|ended|finished)\s+(?:up|down|higher|lower)\b|"
    r"stock\s+price|" + _NOT_A_DEAL_BEFORE + r"worth"
    r"|spend\w*|budget|(?:a\s+)?loss\b|profit|in\s+the\s+(?:range|region)\s+of|"
    r"guidance|EBITDA|outlook|forecast|expectations?|estimated\s+(?:at|to\s+be))\b"
    # "fund 60% of development costs, estimated at $50 million": a share of the amount is paid
    r"|\b\d+(?:\.\d+)?\s*(?:%|percent\b)\s+of\b"
)
_DEAL_WITH_WORTH = re.compile(
    r"(?i)\b(?:agreement|deal|contract|collaboration|partnership)\s+with\s+[^;$€£¥]{1,60}?\s+"
    r"worth\s+(?:up\s+to\s+|about\s+|approximately\s+|more\s+than\s+)?\W{0,2}$"
)
_IN_PAYMENTS_AFTER = re.compile(
    r"(?i)\s*in\s+(?:[\w-]+\s+){0,4}?(?:payments?|milestones|royalties|fees)\b"
)
# What a company has or holds is a balance, not a payment: "X will have approximately $42
# million in cash after closing".
_HOLDS = re.compile(
    r"(?i)\b(?:ha(?:ve|s|d)|hold(?:s|ing)?|held)\s+(?:(?:approximately|about|around|roughly|over"
    r"|more\s+than|nearly|some|almost)\s+)?~?\s*$"
)
# Obligations a deal terminates, waives or buys out: "terminates all of X's future financial
# obligations to Y, including up to $39.6 million in milestones".
_RELIEVED = re.compile(
    r"(?i)\b(?:terminat\w*|eliminat\w*|extinguish\w*|waiv\w*|cancel\w*|buy\w*\s+out|bought\s+out"
    r"|relie(?:ve|ves|ved|f)\s+(?:\w+\s+)?(?:of|from))\b[^;$€£¥]{0,80}\bobligations?\b[^;$€£¥]{0,60}$"
    # "plus the waiver of earned but unpaid milestones totaling $18.75 million"
    r"|\bwaiv(?:er|es|ed|ing)\s+(?:of\s+)?[^;$€£¥]{0,60}(?:milestones?|payments?|fees?|amounts?)"
    r"[^;$€£¥]{0,30}$"
)
# Money raised from investors or lenders at large: no counterparty to read a payment between.
_FINANCING = re.compile(
    r"(?i)\b(?:(?:initial\s+)?public\s+offering|IPO|(?:registered\s+direct|follow-on|underwritten"
    r"|at-the-market)\s+offering|offering\s+of|private\s+placement|(?:Series\s+[A-H]|seed|equity|"
    r"venture|growth|crossover)\s+(?:preferred\s+)?(?:financing|round|funding)|financing\s+round"
    r"|loan\s+(?:facility|agreement)|term\s+loan|credit\s+facility|convertible\s+(?:senior\s+)?notes"
    r"|underwrit\w*|institutional\s+investors)\b"
)
# Parties that each put in the same sum pay a third party (a venture, a trial), not each other.
_EACH_PAYS = re.compile(
    r"(?i)\b(?:will\s+|shall\s+|have\s+|has\s+)?each\s+(?:\w+\s+)?(?:contribute|invest|fund|pay"
    r"|provide|commit)\w*\b[^.;]{0,40}$"
)
_REVENUE_AFTER = re.compile(r"(?i)\s*(?:of|in)\s+(?:\w+\s+)?revenues?\b")
_IN_PARENTHESES = re.compile(r"\([^()]{0,40}$")
_MIN_AMOUNT = Decimal(1000)  # "GBP60.5" lost its "million"; no deal pays sixty pounds
# A small amount to the cent is a price (a share's, a product's), in whatever currency's units
_PRICE_CEILING = Decimal(100_000)
# "X has paid the $3 million milestone": a verb of payment done, of the release's first mention
_PAID_THE = re.compile(r"(?i)\b(?:paid|received|earned|collected)\s+(?:the|this)\s+$")
_ALREADY_COUNTED = re.compile(r"(?i)\b(?:the|this|that|these)\s+(?:additional\s+|same\s+)?$")
_DISTINCT = re.compile(
    r"(?i)\b(?:another|second|third|also|additional|earlier|previously|prior|originally)\b"
)
_RIGHT_NOT_OBLIGATION = re.compile(
    r"(?i)\s*for\s+(?:an?|the)\s+(?:exclusive\s+)?right\s*,?\s*but\s+not\s+the\s+obligation\b"
)
_EXERCISE = re.compile(r"(?i)\bexercis(?:e|es|ed|ing)\b(?!\s+price)")
_OPTION_EXERCISE = re.compile(
    r"(?i)\bexercis\w*\s+(?:of\s+)?(?:its|an|the|their)\s+option\b|\boption\s+exercise\b"
)
_MILESTONE_EVENT = re.compile(
    # "EUR6 million upon the European Medicines Agency granting approval", "on the first
    # commercial sales of the product"
    r"(?i)\bon\s+(?:the\s+)?(?:first\s+commercial\s+sales?|(?:(?-i:[A-Z][\w.-]*)\s+){1,6}granting)\b"
    r"|\bon\s+(?:(?:regulatory|marketing|FDA|EMA)\s+)?approval\b"
    r"(?!\s+(?:by|of)\s+(?:the\s+|its\s+)?(?:board|shareholders|stockholders|directors))"
    r"|\bupon\s+(?:the\s+)?(?:(?:(?-i:[A-Z][\w.-]*)|and|\((?-i:[A-Z]+)\))\s+){0,6}"
    # ("upon marketing approvals for X")
    r"(?:granting\s+|receiving\s+)?(?:(?:regulatory|marketing|clinical|commercial)\s+)?(?:dosing"
    r"|initiation|start|first|approvals?|filing|submission|acceptance|launch|achiev\w*|reach\w*"
    r"|completion|availability\s+of\s+commercial|issuance\s+of\s+(?:the\s+)?marketing)\b"
    # "a $5 million payment, triggered by the dosing of the first patient in a Phase 2 trial", "is
    # due after sales approval of X"
    r"|\b(?:triggered\s+by|following|after|for|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:dosing"
    r"|initiation|start|approval|filing|submission|acceptance|launch|achievement|completion|enrol?lment)\s+of\b"
    # "US$20 million on receiving regulatory approval", "US$10 million on certain clinical and
    # manufacturing outcomes"
    r"|\b(?:on|upon)\s+(?:receiving|achieving|reaching|meeting|obtaining)\b"
    # "a payment of $1 million from SKK once the trial begins"
    r"|\b(?:once|when)\s+(?:the\s+)?[^.;]{0,40}?\b(?:trial|study|dosing|product)\s+(?:begins|starts"
    r"|commences|is\s+(?:approved|initiated|launched))\b"
    r"|\b(?:on|upon)\s+(?:certain\s+|specified\s+)?(?:clinical|regulatory|development|commercial"
    r"|sales|manufacturing)\b[^.;]{0,40}?\b(?:outcomes|milestones|events|goals|targets)\b"
    # "contingent payments based on progress in the development of X": milestones by another name
    r"|\bcontingent\s+(?:cash\s+)?(?:payments?|consideration)\s+(?:based\s+on|tied\s+to|linked\s+to"
    r"|upon|subject\s+to)\s+(?:the\s+)?(?:progress|development|achiev\w*|clinical|regulatory|sales)"
    # "$50 million in additional payments contingent on the achievement of regulatory approvals"
    r"|\bcontingent\s+(?:up)?on\s+(?:the\s+)?(?:achievement|attainment|occurrence)\s+of\s+"
    r"(?:certain\s+)?(?:development|clinical|regulatory|sales|commercial|approvals?|milestones?)"
)
_STAGED = re.compile(
    r"(?i)\b(?:over\s+(?:the\s+next\s+)?\w+\s+(?:years|months)|annual\w*|per\s+year|each\s+year)\b"
)
_OPEN_ENDED = re.compile(r"(?i)\b(?:in\s+excess\s+of|upwards\s+of)\s+$")
_BUNDLE_KINDS = (
    # "in milestones and other payments": a kind and the rest
    # (never "royalties" after milestones: uncapped, they are the deal's, not the amount's)
    r"(?:up-?front|milestone|licen[cs]e|equity|option|royalty|other\s+payments"
    # "as up-front license fees and payments upon the completion of specified milestones"
    r"|payments?\s+(?:up)?on\s+(?:the\s+)?(?:\w+\s+){0,3}?(?:of\s+)?(?:\w+\s+)?milestones?)"
)
_BUNDLE = re.compile(
    r"(?i)\s*(?:from\s+[^,;$€£¥]{1,40}?\s+(?=(?:in|for)\s))?(?:"
    # the kinds right after the amount: "$35 million upfront and milestone payments" (never
    # "a $31 million upfront and additional milestone payments": an item, then another)
    r"(?:combined\s+|total\s+)?(?:up-?front|milestone|licen[cs]e|equity|option|signing)\w*"
    r"(?:\s+\w+){0,2},?\s+(?:and|&|plus)\s+(?:near-term\s+|potential\s+|future\s+)?"
    + _BUNDLE_KINDS
    # or after "in", "for", "as", "of", as a list: "as upfront, development, regulatory and
    # sales-based milestone payments", "USD152m of upfront and milestone payments", "in tiered
    # and milestone payments" (tiered: royalties)
    + r"|(?:in|for|as|of)\s+(?:combined\s+|total\s+)?(?:up-?front|milestone|licen[cs]e|equity"
    r"|option|signing|tiered)\w*(?:,?\s+[\w-]+){0,4}?,?\s+(?:and|&|plus)\s+(?:[\w-]+\s+){0,2}?"
    + _BUNDLE_KINDS
    + r")"
)
_ITS_OWN_AMOUNT_NEXT = re.compile(
    r"(?i)\w*(?:\s+payments?)?\s+(?:of\s+|in\s+(?:the\s+)?(?:sum|amount|total)\s+of\s+|totall?ing\s+"
    r"|worth\s+)?(?:up\s+to\s+|approximately\s+)?\W{0,2}$"
)
# "X will pay Y up-front and milestone payments of up to $101 million", "upfront and potential
# milestone payments worth up to 1.2 trillion won": the kinds before it.
_BUNDLE_BEFORE = re.compile(
    r"(?i)\b(?:up-?front|milestone|licen[cs]e|equity|option|(?:committed\s+)?funding)\w*"
    r"(?:\s+(?:exercise\s+)?(?:payments?|fees?))?,?\s+(?:and|&|plus)\s+"
    r"(?:(?:near-term|potential|future|all|additional|further|subsequent)\s+){0,2}"
    r"(?:up-?front|milestone|licen[cs]e|equity|option|royalt|(?:development\s+|research\s+)?funding)"
    r"\w*(?:\s+from\s+[^,;$€£¥]{1,40}?)?"
    r"(?:\s+(?:payments?|fees?)\s+|\s+(?=(?:which\s+|that\s+)?(?:could|can|may|will|would)\s)"
    r"|\s+(?=of\s+))"
    # "… milestone payments to Kessel in the amount of $57.5 million"
    r"(?:to\s+(?:[A-Z][\w.-]*\s+){1,3}(?:in\s+the\s+(?:amount|sum)\s+)?)?"
    # "milestone payments and development funding payments which could total up to £27 million",
    # "committed funding and all milestones could reach as high as $220 million"
    # "that could potentially total 670 million", "can be up to 0.11 billion US dollars"
    r"(?:(?:which\s+|that\s+)?(?:could|can|may|will|would)\s+(?:potentially\s+|together\s+)?"
    r"(?:total|reach|amount\s+to|be)\s+(?:as\s+(?:high|much)\s+as\s+)?|of\s+|totall?ing\s+"
    r"|worth\s+)?"
    r"(?:up\s+to\s+)?(?:approximately\s+|about\s+)?$"
)
# "the value of the deal could exceed $50 million": what the whole deal may bring, of no one
# kind
_VALUE_OF_THE_DEAL_BEFORE = re.compile(
    r"(?i)(?:\bvalue\s+of\s+the\s+(?:\w+\s+)?(?:deal|agreement|transaction|collaboration"
    r"|partnership|contract)s?|\b(?:deal|transaction)\s+value)\s+"
    r"(?:(?:could|may|would|will)\s+)?(?:exceed|reach|total|be|is|amounts\s+to)\s+"
    r"(?:up\s+to\s+|as\s+much\s+as\s+|more\s+than\s+|about\s+|approximately\s+)?\W{0,3}$"
)
# "in development, regulatory, and sales milestones": one noun after a list of its kinds
# (the list's ", and" does not start the next item).
_KINDS_LISTED = re.compile(
    # ("… if all development, regulatory, and commercial milestones are met")
    r"(?i)\s*(?:in|if\s+all|upon\s+(?:the\s+)?achievement\s+of)\s+(?:(?:[\w-]+\s+)?[\w-]+,\s+){1,4}"
    r"(?:and|&)\s+(?:[\w-]+\s+){1,2}?(?:milestones?|milestone\s+payments|fees|payments)\b"
)
# What a deal's money buys: "rights to (develop and) commercialize X", "a licence to X".
# (this and the two patterns of licensing below are tried on every sentence, case-insensitive,
# at every offset: each behind a gate of the words every match of it holds)
_RIGHTS_TO = Gated(
    re.compile(
        r"(?i)\b(?:rights?|licen[cs]e|option)\s+(?:to|for|on)\s+(?:the\s+)?"
        r"(?:(?:develop|commerciali[sz]e|"
        r"market|manufacture|sell|use|license|in-?license|research|patent)\w*,?\s+(?:and\s+)?)*"
    ),
    ("right", "licen", "option"),
    ignore_case=True,
)
# "Under the contract, X has exclusive rights to …": rights a party holds under the deal were
# granted to it by the deal.
_HOLDS_UNDER_DEAL = re.compile(
    r"(?i)\bunder\s+the\s+(?:[\w-]+\s+){0,3}(?:contract|agreement|licen[cs]e|licence)\b"
    r"[^.;]{0,60}\b(?:has|have|holds?)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$"
)
# The verb that licenses a compound itself: "to license ostacitinib from Y", "in-licensed X".
_LICENSES = Gated(
    re.compile(
        r"(?i)\b(?:in-?|out-?)?licen[cs](?:e|es|ed|ing)\s+(?:the\s+)?"
        r"(?=[\w-]+\b(?!\s+(?:to|for|on|agreement|rights)\b))"
    ),
    ("licen",),
    ignore_case=True,
)
# A compound named as the thing licensed: "X, licensed to Y in 2012", "X is the tablet licensed
# by A to B".
_LICENSED_BY = Gated(
    re.compile(r"(?i)\blicen[cs]ed\s+(?:by|to|from)\s+(?=[A-Z])"), ("licen",), ignore_case=True
)
# Rights that change hands (granted, obtained, acquired), not rights a company keeps.
_TRANSFER = re.compile(
    r"(?i)\b(?:grant\w*|obtain\w*|receiv\w*|acquir\w*|gain\w*|secur\w*|licens\w*|"
    r"transfer\w*|get|gets|got|exercis\w*|purchas\w*|buy\w*|bought)\b"
)
_CASH_AT_SIGNING = re.compile(r"(?i)^\s*in\s+cash\b")
_DEBT = re.compile(r"(?i)\b(?:bonds?|loans?|notes|debt|credit\s+facility)\b")

# ---- undisclosed amounts -------------------------------------------------------------------------

_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}
# A payment named without its amount: "X received an upfront payment", "the approval releases
# a milestone payment to X". An event's consequence ("will result in a milestone payment") is
# owed already; a singular or counted payment only ("milestone payments" may be any number).
_UNDISCLOSED = Gated(
    re.compile(
        r"(?i)\b(?:(?P<owed>received|receives|paid|made|earned|earns|triggers|triggered|releases|released"
        r"|results?\s+in|resulted\s+in|will\s+result\s+in|leads?\s+to|led\s+to)|will\s+(?:receive|pay|"
        r"make))\s+(?:(?P<count>an?|one|two|three|four)\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?P<kind>up-?front|milestone|licen[cs]e|option(?:\s+exercise)?)\s+(?:payment|fee)(?P<plural>s)?\b"
    ),
    ("payment", "fee"),
    ignore_case=True,
)
_AMOUNT_FOLLOWS = re.compile(
    r"\s*(?:of|totaling|totalling|amounting\s+to)\s+(?:approximately\s+)?$"
)


@dataclass
class Frame:
    """One verb and the organisations in its slots."""

    verb: str  # RECEIVE, PAY, ACQUIRE, SELL, TRIGGER, PASSIVE or NOUN
    verb_start: int
    verb_end: int
    verb_text: str = ""
    subject: str | None = None
    object: str | None = None
    slots: dict[str, str] = field(default_factory=dict)
    group: str = ""  # the verb group: "is also eligible to receive"
    lead: str = ""  # the sentence before the subject: "If milestones are met, "
    # slots naming two parties, with the second: "from X and Y"
    joint: dict[str, str] = field(default_factory=dict)

    def roles(self) -> tuple[str | None, str | None]:
        """(payer, payee) as the syntax states them; None where it is silent."""
        s, o, slot = self.subject, self.object, dict(self.slots)
        if "received_by" in slot:  # "was received by X": X is the payee
            return slot.get("from"), slot["received_by"]
        if "by_participle" in slot:  # "$3 million purchased by X": X paid this amount
            slot["by"] = slot["from"] = slot["agent"] = slot["by_participle"]
            s = s if self.verb in (PAY, ACQUIRE) else None
        if (  # "BARDA awarded a $51 million contract to X"; never "X (was) awarded $5m by Y"
            self.verb == RECEIVE
            and s is not None
            and _AWARD.match(self.verb_text)
            and "by" not in slot
            and "from" not in slot
            and not _BE_AWARDED.search(self.group)
            # "X awarded $4.9M grant from Y": a headline's passive, with no one it goes to
            and (self.verb_text.lower() != "awarded" or "to" in slot or o not in (None, s))
        ):
            return s, slot.get("to") or (o if o != s else None)
        if self.verb == RECEIVE and (s is not None or o is not None):
            if o is not None and _EARN.match(self.verb_text):
                return slot.get("from") or slot.get("by") or _other(s, o), o
            return slot.get("from") or slot.get("by"), s
        if self.verb == PAY:  # "fund research at X", "invest in X"
            return s or slot.get("by"), o or slot.get("to") or slot.get("stock") or slot.get("in")
        if self.verb == ACQUIRE:  # whose assets are bought sells them
            seller = slot.get("from") or o or slot.get("bought") or slot.get("owner")
            return s or slot.get("by"), seller
        if self.verb == SELL and _ACQUIRED.match(self.verb_text):
            return slot.get("by"), s  # "X is to be acquired by Y": Y buys X
        if self.verb == SELL:  # "X will sell its royalty interest to Y for $80 million"
            # Only the buyer pays: what is sold ("its shares of Y", "its unit Y") pays nothing;
            # whom a licence is granted pays ("X grants Y an exclusive license").
            granted = o if _GRANT.match(self.verb_text) and o != s else None
            return slot.get("to") or granted, s or slot.get("by")
        payee = slot.get("to") or o or slot.get("stock") or slot.get("seller")
        payer = slot.get("from") or slot.get("by") or slot.get("agent")
        return payer or slot.get("in_own_shares"), payee


def _other(a: str | None, b: str | None) -> str | None:
    return a if a != b else None


@dataclass
class _Draft:
    """A payment as read from one mention, with how firmly each field was read."""

    payment: Payment
    sentence: int
    zone: str
    explicit_roles: int  # how many of payer and payee the clause states
    explicit_status: bool
    explicit_kind: bool  # the words decided the kind ("other" included), not a fallback
    distinct: bool  # "another", "earlier this month": not a restatement of an earlier one
    shareable: bool = True  # its roles hold for the other amounts of its sentence
    frame: Frame | None = None  # the frame it was read in
    compound_open: bool = False  # nothing around it says which compound it is for
    passed_on: bool = False  # a share the payee passes on to a third party: not the deal's way
    broken_down: bool = False  # the text breaks it into its parts: a total of its own
    from_a_source: bool = False  # "… from the sale of its assets": money from no party named
    to_lenders: bool = False  # "assumption of $9 million of X's debt": paid to no party named
    payer_open: bool = False  # paid by two parties named together: each one's share unknown
    payee_open: bool = False  # "acquire X from Y and Z for $1 billion": to whom, not said
    deal_worth: bool = False  # "the agreements are worth an aggregate $104 million": a value
    # payer and payee as the clause states them, before the deal's direction fills a gap
    stated: tuple[str | None, str | None] = (None, None)


def find_payments(
    release: ReleaseView,
    published: date | None,
    compounds_in: Callable[[str], list[str]],
) -> list[Payment]:
    """Every payment the release states, merged across its restatements.

    ``compounds_in`` names the compounds a text mentions, once each.
    """
    pending, closed = _deal_state(release)
    licensed = _licensed_compound(release, compounds_in)
    drafts: list[_Draft] = []
    for index, sentence in enumerate(release.sentences):
        if sentence.zone in NO_FACT_ZONES:
            continue
        drafts += _sentence_drafts(
            release, index, sentence, (pending, closed), compounds_in, licensed
        )
    _fill_missing_roles(release, drafts)
    _parts_of_an_earlier_payment(release, drafts)
    merged = _drop_sums_of_parts(release, _merge_conversions(release, _merge(drafts)))
    _totals_of_earned_and_potential_parts(merged)
    _closing_price_of_a_purchase(release, merged)
    _paid_for_a_milestone_said_before(release, merged)
    _deal_value_holds_milestones(release, merged)
    _money_for_research_bodies(merged)
    _headline_compound_for_the_rest(release, merged, compounds_in)
    _second_opinion(release, merged)
    # A payment between no parties the text names says nothing a user can use, and the shapes
    # refuse it (with the whole release): "the company is paying 5 million Swiss francs" where
    # neither company was recognised.
    payments = [d.payment for d in merged if d.payment.payer or d.payment.payee]
    for p in payments:
        if p.status == "earned":
            p.date = published
    return payments


def _second_opinion(release: ReleaseView, drafts: list[_Draft]) -> None:
    """Where the rules fell back to a default (a kind of "other" no word names, a status no word
    says), the classifiers trained on gold decide, when they are sure (kg.extract.learned)."""
    review = Review(release)
    for d in drafts:
        p = d.payment
        if p.kind == "other" and not d.explicit_kind:
            p.kind = review.kind(p) or p.kind
        if not d.explicit_status:
            p.status = review.status(p) or p.status


_UPFRONT_WORD = re.compile(r"(?i)\bup-?\s?front\b|\bsigning\b")
_COST_OF_DEAL = re.compile(
    r"(?i)\b(?:cost|price|consideration)\s+(?:for|of)\s+(?:this|the)\s+"
    r"(?:agreement|deal|transaction|acquisition|purchase)\b"
)
# In a purchase, what the buyer "paid" with no word of another kind is the price ("Aspen paid
# £180m"); milestones, shares, loans, fees and amounts "up to" are not.
_PRICE_PAID = re.compile(r"(?i)\b(?:paid|pays|paying|purchase\s+price|cash\s+consideration)\b")
_OTHER_KIND_WORD = re.compile(
    r"(?i)\b(?:milestones?|royalt\w*|contingent|earn-?outs?|equity|shares?|stock|loan|financ\w*"
    r"|licen[cs]\w*|fees?|up\s+to|potential)\b"
)
# "to acquire all currently marketed products from X": buying a company or its assets, not
# taking a licence to them
_PURCHASE_LEAD = re.compile(
    r"(?i)\b(?:acquir(?:e|es|ed|ing)|acquisition\s+(?:from\s+[^;]{1,40}?\s+)?(?:of|agreement)"
    # ("have completed the sale of Kessel's oncology assets to Avelor", "an agreement for the sale
    # of its specialties subsidiary": the same, from the seller; never "a milestone in connection
    # with its 2008 sale of X", a product)
    r"|purchas(?:e|es|ed|ing)|(?:complet\w*|clos\w*)\s+(?:of\s+)?the\s+sale\s+of"
    r"|sale\s+of\s+(?:its\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:subsidiar\w*|business\w*"
    r"|assets|operations|division|unit))\b"
    r"(?![^.;]{0,80}\b(?:licen[cs]\w*|rights)\b)"
)


def _closing_price_of_a_purchase(release: ReleaseView, drafts: list[_Draft]) -> None:
    """Money paid at closing, or what the deal costs, in a release whose lead or headline buys a
    company or its products is the price of the purchase, not a licence's upfront; so is what
    the text says the price is paid in."""
    lead = _lead(release)
    headline = next((s for s in release.sentences if s.zone == "head"), None)
    if not any(s is not None and _PURCHASE_LEAD.search(s.text) for s in (lead, headline)):
        return
    for d in drafts:
        text = release.sentences[d.sentence].text
        p = d.payment
        at_closing = p.kind == "upfront" and AT_CLOSING.search(text)
        # "The cost for this agreement is $205 million": what the purchase costs
        cost = (p.kind, p.qualifier) == ("other", None) and _COST_OF_DEAL.search(text)
        # "Aspen paid £180m": what the buyer pays, with no word of another kind
        paid = (
            (p.kind, p.qualifier) == ("other", None)
            and _PRICE_PAID.search(text)
            and not _OTHER_KIND_WORD.search(text)
        )
        if (at_closing or cost or paid) and not _UPFRONT_WORD.search(text):
            p.kind = "acquisition"
        elif _may_be_the_price(p, text) and (price := _paid_as_the_price(release, d.sentence)):
            p.kind = "acquisition"
            if not d.explicit_status:  # paid once the purchase has closed
                pending, closed = _deal_state(release)
                done = (closed and not pending) or _PAID_ALREADY.search(price)
                p.status = "earned" if done else "potential"


def _paid_for_a_milestone_said_before(release: ReleaseView, drafts: list[_Draft]) -> None:
    """'Y has informed X that a new milestone has been achieved. This means that X receives a
    payment of 6 MUSD': money that follows from a milestone the sentence before reports met is
    that milestone's payment."""
    for d in drafts:
        p = d.payment
        if p.kind != "other" or d.explicit_kind or not d.sentence:
            continue
        if _IT_FOLLOWS.match(release.sentences[d.sentence].text) and _MILESTONE_MET.search(
            release.sentences[d.sentence - 1].text
        ):
            p.kind = "milestone"
            if not d.explicit_status:
                p.status = "earned"


_IT_FOLLOWS = re.compile(
    r"(?i)\W*(?:this\s+means|as\s+a\s+(?:result|consequence)|consequently|accordingly"
    r"|following\s+this|with\s+this)\b"
)
_MILESTONE_MET = re.compile(
    r"(?i)\bmilestones?\b[^.;]{0,60}?\b(?:has|have|had|was|were)\s+(?:now\s+|been\s+)*"
    r"(?:achieved|reached|met|attained)\b"
    r"|\b(?:achieved|reached|met|attained)\s+(?:a|an|the|its)\s+(?:[\w-]+\s+){0,3}?milestone\b"
)


# "received $130 million in cash and 924,984 shares of X common stock": the price, in cash and
# the buyer's shares
_CASH_AND_SHARES = re.compile(
    r"(?i)\bin\s+cash\s+and\s+[\d,.]+\s+(?:million\s+)?(?:new\s+|ordinary\s+|common\s+)?shares\b"
)


def _may_be_the_price(p: Payment, text: str) -> bool:
    """A payment whose kind no word of its own names: the fallback, an upfront read from "in
    cash" alone, or equity read from the shares the buyer pays in besides."""
    if p.qualifier is not None:
        return False
    if p.kind == "upfront":
        return not _UPFRONT_WORD.search(text)
    return p.kind == "other" or (p.kind == "equity" and bool(_CASH_AND_SHARES.search(text)))


def _paid_as_the_price(release: ReleaseView, index: int) -> str:
    """'will pay Y $450 million for the unit', 'The consideration has been paid in cash and
    shares. This represents EUR 67.1 million in cash and …': the price, in whatever it is paid,
    with no word of another kind of payment. The sentence that says so, or ""."""
    text = release.sentences[index].text
    said_before = release.sentences[index - 1].text if index else ""
    if _NOT_THE_PRICE.search(text):
        return ""
    if _CONSIDERATION.search(text):
        return text
    if _THIS_REPRESENTS.match(text) and _CONSIDERATION.search(said_before):
        return said_before
    return ""


_PAID_ALREADY = re.compile(
    r"(?i)\b(?:has|have|had)\s+been\s+(?:paid|settled)\b|\b(?:was|were)\s+(?:paid|settled)\b"
)


# What the purchase's price is paid in: "the consideration", "the transaction will be funded
# by", "will pay Y $450 million for the unit"
_CONSIDERATION = re.compile(
    r"(?i)\b(?:consideration|(?:amount|value|size)\s+of\s+the\s+(?:transaction|acquisition|purchase)"
    r"|(?:transaction|acquisition|purchase)\s+amounts?\s+to"
    r"|(?:transaction|acquisition|purchase)\s+(?:will\s+be|is|was|has\s+been)"
    r"\s+(?:funded|paid|settled)\s+(?:by|in|with)"
    r"|pa(?:y|ys|id|ying)\s+[^.;]{0,60}?\bfor\s+(?:the|its|their)\s+"
    r"(?:unit|business|division|company|stake|shares|assets|subsidiary)\b)"
)
_THIS_REPRESENTS = re.compile(
    r"(?i)\W*(?:this|these|it|which)\s+(?:represents?|comprises?|consists?)"
)
# Words of another kind of payment beside the price
_NOT_THE_PRICE = re.compile(
    r"(?i)\b(?:milestones?|royalt\w*|contingent|earn-?outs?|licen[cs]\w*|fees?|up\s+to|loans?"
    r"|upfront|up-front)\b"
)


# "out-licensed its agent X to Y for 380 billion won": a licence's price
_LICENSED_FOR = re.compile(
    r"(?i)\blicen[cs]\w*\b[^;$€£¥]{0,160}\bfor\s+(?:about\s+|approximately\s+)?"
    r"(?:US\$|[$€£¥]|\d|[A-Z]{2,3}\s?\d)"
)


def _deal_value_holds_milestones(release: ReleaseView, drafts: list[_Draft]) -> None:
    """'out-licensed X to Y for 380 billion won' and later a 6.8 billion won upfront and 13.6
    billion won in milestones: a licence's price above every other amount is the deal's value,
    which holds money still to be earned."""
    priced = [d.payment for d in drafts if d.payment.money is not None]
    for d in drafts:
        p = d.payment
        if p.money is None or (p.kind, p.status, p.qualifier) != ("other", "earned", None):
            continue
        if not _LICENSED_FOR.search(release.sentences[d.sentence].text):
            continue
        others = [q for q in priced if q is not p]
        if (
            others
            and all(
                q.money is not None
                and q.money.currency == p.money.currency
                and q.money.amount < p.money.amount
                for q in others
            )
            and any(q.kind == "milestone" and q.status == "potential" for q in others)
        ):
            p.status = "potential"  # read with the words of the other amounts: not reviewed


# A university, institute, college or hospital: a research body
_RESEARCH_BODY = re.compile(
    r"\b(?:Universit(?:y|ies|é|ät|à|ad)|Institutes?|Institut|College|Hospital|School|Research)\b"
)


# "Kessel Pharma Advanced Research", "Orvane Research Foundation": a company or a funder
_FIRM_OR_FUNDER = re.compile(
    r"\b(?:Pharma\w*|Therapeutics|Bio\w*|Laborator\w+|Company|Holdings|Foundation)\b"
)


def _money_for_research_bodies(drafts: list[_Draft]) -> None:
    """'Pfizer will pay Scripps Research $100 million over five years': money of no named kind
    paid to a research body pays for its research."""
    for d in drafts:
        p = d.payment
        if p.money is None or (p.kind, p.qualifier) != ("other", None) or not p.payee:
            continue  # (an undisclosed share of a licensee's income is a licensor's, no grant)
        to_research = _RESEARCH_BODY.search(p.payee) and not _FIRM_OR_FUNDER.search(p.payee)
        if to_research and (p.payer is None or not _RESEARCH_BODY.search(p.payer)):
            p.kind = "research_funding"


def _headline_compound_for_the_rest(
    release: ReleaseView, drafts: list[_Draft], compounds_in: Callable[[str], list[str]]
) -> None:
    """A payment whose own sentence names no compound is for the one compound the headline
    and the lead sentence name, unless the release buys a company (its payments are for the
    company)."""
    for d in drafts:  # "… received a $10 million milestone payment. The milestone payment was
        if d.compound_open and d.payment.compound is None:  # made on completion of … X"
            d.payment.compound = _compound_said_next(release, d.sentence, compounds_in)
    if any(d.payment.kind == "acquisition" for d in drafts):
        return
    headline = _headline_compound(release, compounds_in)
    for d in drafts:
        if d.compound_open and d.payment.compound is None:
            d.payment.compound = headline


def _compound_said_next(
    release: ReleaseView, index: int, compounds_in: Callable[[str], list[str]]
) -> str | None:
    """The one compound the next sentence names when it goes on about the same payment ("The
    milestone payment was made in connection with … X")."""
    following = release.sentences[index + 1] if index + 1 < len(release.sentences) else None
    if following is None or not _SAME_PAYMENT.match(following.text):
        return None
    named = compounds_in(following.text)
    return named[0] if len(named) == 1 else None


_DEBT_ASSUMED = re.compile(
    r"(?i)\bassum(?:ption|e|es|ed|ing)\s+(?:of\s+)?(?:approximately\s+|about\s+|roughly\s+)?\W{0,2}$"
)
_OF_DEBT = re.compile(
    r"(?i)\s*(?:of|in)\s+(?:[\w’'-]+\s+){0,4}?(?:net\s+)?(?:debt|liabilities|loans?|obligations)\b"
)
_TOGETHER = re.compile(r"(?i)\b(?:which|that)\s+(?:together|combined|in\s+total)\b[^,;]{0,60}$")


def _deal_state(release: ReleaseView) -> tuple[bool, bool]:
    """(pending, closed): the release's deal is signed but not closed (it says so and never
    says it closed), or it says the deal closed."""
    body = [s.text for s in release.sentences if s.zone in ("head", "body")]
    closed = any(_DEAL_CLOSED.search(t) for t in body)
    return any(_DEAL_PENDING.search(t) for t in body) and not closed, closed


# ---- one sentence --------------------------------------------------------------------------------


def _sentence_drafts(
    release: ReleaseView,
    index: int,
    sentence: Sentence,
    deal: tuple[bool, bool],
    compounds_in: Callable[[str], list[str]],
    licensed: str | None,
) -> list[_Draft]:
    text = sentence.text
    money = release.money(sentence)
    # Agencies can pay (a funding award); "our", "its", "their" are determiners, not parties.
    mentions = [
        m for m in release.mentions(sentence) if text[m.start : m.end].lower() not in _DETERMINERS
    ]
    drafts: list[_Draft] = []
    previous: _Draft | None = None
    total_kind: str | None = None
    total_frame: tuple[str | None, str | None, int] | None = None
    bounds = _word_bounds(money)
    rejected = False  # whether the amount before this one was no payment
    for i, m in enumerate(money):
        before = _words_before(text, money, bounds, i)
        # The words after an amount run to the next amount that is not a conversion of it.
        following = [n.start for n in money[i + 1 :] if not n.conversion]
        after = text[m.end : following[0] if following else len(text)]
        if m.conversion or m.per_share:
            continue
        if m.total:  # only the parts of a broken-down total are payments
            total_kind = classify_kind(before, "", None)
            frame = _frame_for(release, sentence, mentions, m.start, m.end)
            payer, payee = frame.roles()
            total_frame = (payer, payee, _count(payer, payee))
            continue
        if m.part_of is not None and total_frame is not None:
            drafts.append(_part(index, sentence, m, after, total_kind, total_frame))
            continue
        frame = _frame_for(release, sentence, mentions, m.start, m.end)
        part = previous is not None and _PART_BEFORE.search(before)
        comparative = rejected and _IN_PARENTHESES.search(before)  # "£9.7 million (£6.6 million …)"
        # "the $5 million" refers back to an amount, unless it is the release's first mention
        # and a participle dates or attributes it ("the EUR 150 m investment made in 2007").
        restated = _ALREADY_COUNTED.search(before[-25:]) and (
            _stated_before(release, index, m)
            or not (_reported_done(text, m.end) or _PAID_THE.search(before[-40:]))
        )
        paid = part or _is_payment(m, text, before, after, frame, release.issuer)
        if comparative or restated or not paid:
            rejected = True
            continue
        rejected = False
        draft = _read_amount(release, index, sentence, mentions, m, before, after, previous, deal)
        if draft is None:
            continue
        p = draft.payment
        if draft.frame is not None:
            p.trigger = _trigger(release, index, draft.frame, m, after, bounds[i])
        p.compound = _payment_compound(release, index, p, compounds_in, licensed, after)
        draft.compound_open = p.compound is None and _compound_open(release, index, p, compounds_in)
        drafts.append(draft)
        previous = draft
    if sentence.zone == "body":
        for draft in _undisclosed(release, index, sentence, mentions) + _shares_passed_on(
            release, index, sentence, mentions
        ):
            p = draft.payment
            p.compound = _payment_compound(release, index, p, compounds_in, licensed)
            draft.compound_open = p.compound is None and _compound_open(
                release, index, p, compounds_in
            )
            drafts.append(draft)
    return drafts


# The words from a price per share to the total that restates it: "per share, or a total of".
_RESTATED_AS_TOTAL = re.compile(
    r"(?i)^\s*(?:/|per)\s*(?:share|ADS|unit)\b[^.;$€£¥\d]{0,40}?\b(?:or|for|representing|totall?ing"
    r"|valuing)\b[^.;$€£¥\d]{0,50}$"
)


def _words_before(text: str, money: list[MoneyMention], bounds: list[int], i: int) -> str:
    """The words before amount ``i``; for a total that restates a price per share, the words
    before that price ("for a cash purchase price of")."""
    start, end = bounds[i], money[i].start
    price = money[i - 1] if i else None
    if price is not None and price.per_share and _RESTATED_AS_TOTAL.match(text[price.end : end]):
        end = price.start
    return text[start:end]


def _kinds_included(rest: str) -> tuple[set[str], bool]:
    """The kinds of payment the words after an amount say it includes ("…, including an
    upfront and equity payment") or came from ("… from milestones, fees and royalties"), and
    whether they are its parts (an "including" list) rather than its sources; royalties named
    last ("as well as royalties") are the deal's, not the amount's."""
    m = _INCLUDES.match(rest)
    if m is None:
        return set(), False
    listed = _DEALS_ROYALTIES.sub("", m.group("sources") or m.group("list"))
    return {kind for kind, cue in _KIND_WORDS.items() if cue.search(listed)}, bool(m.group("list"))


# "…, totaling $175 million", "… for a total of up to $50 million": a sum of what was listed;
# "both totaling": of this and the amount before
_TOTALLED = re.compile(
    r"(?i)(?P<list>[^.;:]{0,200}?),?\s+(?:(?P<both>both|all|together)\s+)?(?:totall?ing(?:\s+to)?"
    r"|which\s+totals?|for\s+a\s+total\s+of|amounting\s+in\s+total\s+to)\s+"
    r"(?:up\s+to\s+|approximately\s+|about\s+|over\s+)?\S*$"
)


def _kinds_totalled(before: str, previous: _Draft | None, index: int) -> set[str]:
    """The kinds of payment a list before "totaling" names, of which the amount is the sum
    (with "both", the kind of the amount before it in the sentence too)."""
    if "otal" not in before:
        return set()
    m = _TOTALLED.search(before[-240:])
    if m is None:
        return set()
    # "an upfront payment …, with future milestone payments totaling up to $12 million": the
    # list starts after "with"
    listed = re.split(r"(?i)\b(?:with|while|whereas)\b", m.group("list"))[-1]
    kinds = {kind for kind, cue in _KIND_WORDS.items() if cue.search(listed)}
    if m.group("both") and previous is not None and previous.sentence == index and kinds:
        kinds.add(previous.payment.kind)
    return kinds


def _word_bounds(money: list[MoneyMention]) -> list[int]:
    """Where the words before each amount start: the end of the amount before it. A price per
    share is not such an end: the total after it restates it ("$5.00 per share, or a total of
    $54.8 million"), so the total reads the words before the price ("a purchase price of")."""
    bounds, last = [], 0
    for m in money:
        bounds.append(last)
        if not m.per_share:
            last = m.end
    return bounds


def _payment_compound(
    release: ReleaseView,
    index: int,
    payment: Payment,
    compounds_in: Callable[[str], list[str]],
    licensed: str | None,
    after: str = "",
) -> str | None:
    """The compound a payment is for: the one its sentence names, or the sentence its "this
    milestone" refers to, else the one compound the deal grants rights to. Shares, companies
    and amounts per product or per target are not for one compound; a sentence naming several
    compounds says which only in the amount's own phrase ("$30 million for X and … for Y")."""
    if payment.kind in ("equity", "acquisition") or payment.qualifier in (
        "per_product",
        "per_target",
    ):
        return None
    text = release.sentences[index].text
    named = compounds_in(text)
    if not named and _refers_back(text) and index > 0:
        named = compounds_in(release.sentences[index - 1].text)
    if len(named) > 1:
        own = _NEXT_ITEM.split(after, maxsplit=1)[0][:80]
        if sum(c in own for c in named) > 1:
            return None  # "for X and Y": for both
        return next((c for c in named if _for_compound(c).search(own)), None)
    if named:
        return named[0]
    return licensed


def _for_compound(compound: str) -> re.Pattern[str]:
    """'for X', 'for the rights to X', 'for the development of X' in an amount's phrase."""
    return compiled(
        rf"(?i)^[^.;]{{0,30}}?\bfor\s+(?:the\s+)?(?:(?:rights?|licen[cs]e)\s+to\s+|"
        rf"(?:development|commerciali[sz]ation)\s+of\s+)?{re.escape(compound)}(?![\w-])"
    )


def _compound_open(
    release: ReleaseView, index: int, payment: Payment, compounds_in: Callable[[str], list[str]]
) -> bool:
    """Whether nothing around the payment says which compound it is for (so the deal's
    compound may): a payment for one compound, in a sentence that names none."""
    if payment.kind in ("equity", "acquisition") or payment.qualifier in (
        "per_product",
        "per_target",
    ):
        return False
    text = release.sentences[index].text
    return not compounds_in(text) and not (_refers_back(text) and index > 0)


def _headline_compound(
    release: ReleaseView, compounds_in: Callable[[str], list[str]]
) -> str | None:
    """The one compound the headline names, else the one the lead sentence names: what a
    release's deal is about (a lead may name a second compound the deal is not about, "in
    combination with an approved antibody")."""
    named: list[str] = []
    for s in release.sentences:
        if s.zone == "head":
            named += [c for c in compounds_in(s.text) if c not in named]
    lead = _lead(release)
    if not named and lead is not None:
        named = compounds_in(lead.text)
    return named[0] if len(named) == 1 else None


def _lead(release: ReleaseView) -> Sentence | None:
    """The release's lead: its first body sentence that names an organisation (a dateline or
    a date line alone is not)."""
    return next((s for s in release.sentences if s.zone == "body" and release.mentions(s)), None)


def _licensed_compound(
    release: ReleaseView, compounds_in: Callable[[str], list[str]]
) -> str | None:
    """The one compound the release's deal grants rights to ("exclusive rights to
    commercialize X", "a licence to X"): what the deal's money is paid for."""
    named: set[str] = set()
    for s in release.sentences:
        if s.zone not in ("head", "body"):
            continue
        for m in _RIGHTS_TO.finditer(s.text):
            lead = s.text[max(0, m.start() - 80) : m.start()]
            granted = _TRANSFER.search(lead) or _HOLDS_UNDER_DEAL.search(lead)
            if granted and not re.search(r"(?i)\bretain", lead[-40:]):
                named.update(compounds_in(s.text[m.end() : m.end() + 60])[:1])
        for m in _LICENSES.finditer(s.text):  # "a deal to license X from Y"
            named.update(compounds_in(s.text[m.end() : m.end() + 40])[:1])
        for m in _LICENSED_BY.finditer(s.text):  # "X is the tablet licensed by A to B"
            named.update(compounds_in(s.text[max(0, m.start() - 100) : m.start()])[-1:])
    return named.pop() if len(named) == 1 else None


_NOT_DONE = ("due", "payable", "expected", "anticipated")


def _reported_done(text: str, end: int) -> bool:
    """A participle or a passive after the amount reports it paid: "… made in 2007", "… was
    triggered by the dosing"."""
    if _REDUCED_RELATIVE.match(text, end):
        return True
    passive = _PASSIVE_AFTER.match(text, end)
    return passive is not None and passive.group("word") not in (
        "due",
        "payable",
        "expected",
        "anticipated",
    )


def _stated_before(release: ReleaseView, index: int, m: MoneyMention) -> bool:
    """'the $5 million' refers back only to an amount the release has already stated."""
    return any(
        (n.amount, n.currency) == (m.amount, m.currency)
        for s in release.sentences[:index]
        if s.zone not in NO_FACT_ZONES
        for n in release.money(s)
    )


# "signed a $3.87 billion contract with …", "a $700 million licensing, development and
# commercialization agreement with X": the amount is what the deal is worth, no one payment
_VALUE_OF_DEAL_AFTER = re.compile(
    r"(?i)\s*(?:(?!(?:than|that|larger|smaller|bigger|more|less|our|its|their|previous|earlier"
    r"|prior|research|funding|grant|supply|procurement|services?)\b)[\w-]+,?\s+(?:and\s+)?){0,4}?"
    r"(?:deal|contract|agreement|pact|partnership)s?\s+(?:with|for|to)\b"
)


_RAISED = re.compile(r"(?i)rais(?:es|ed)$")


def _values_a_deal(frame: Frame, after: str) -> bool:
    """The amount is what a deal is worth, a deal still in force ("its 500 billion won contract
    with X had been canceled" is worth nothing now)."""
    return (
        frame.verb == NOUN
        and bool(_VALUE_OF_DEAL_AFTER.match(after))
        and not _CANCELLED.search(after)
    )


_CANCELLED = re.compile(r"(?i)\b(?:cancel+(?:ed|led)|terminated|ended|scrapped|withdrawn)\b")


# What a company spends on itself or plans, not money that changes hands: "has invested CNY72
# million in its research and development", "the Trust's £91 million, five-year plan", "an
# investment of $2.5 billion in Beijing to establish its R&D centre", "acquires $26.2 million
# in net assets"
_OWN_SPENDING_AFTER = re.compile(
    r"(?i)\s*(?:\([^()]*\)\s*)?(?:in\s+(?:its|their|our)\s+(?:own\s+)?(?:research|development|r&d"
    r"|pipeline|manufacturing|facilit|capacit|operations|infrastructure)"
    r"|in\s+net\s+assets\b|,\s*(?:[\w-]+\s+){0,2}(?:plan|initiative|scheme|budget)\b"
    r"|in\s+(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?\s+to\s+(?:establish|build|set\s+up|open)\b)"
)
# "taking our investment for inorganic growth to $450 million": what a company has spent in all
_OWN_TOTAL_BEFORE = re.compile(
    r"(?i)\b(?:tak(?:e|es|ing)|took|bring(?:s|ing)?|brought)\s+(?:our|its|their)\s+(?:total\s+)?"
    r"(?:investments?|spend(?:ing)?|outlay|expenditure)\b[^.;$€£¥]{0,80}\bto\s+\W{0,3}$"
)
# "a pre-tax return of approximately US$700 million to shareholders": what a company hands its
# own owners (a return of capital, a dividend) is no deal's payment
_RETURN_BEFORE = re.compile(r"(?i)\b(?:return|distribution|dividend)s?\b[^.;$€£¥]{0,60}$")
_TO_HOLDERS_AFTER = re.compile(
    r"(?i)\s*to\s+(?:its\s+|our\s+|their\s+)?(?:share|stock)holders\b(?!\s+of\b)"
)
# "Net cash out-flow upon signing of the acquisition was therefore $1.9 million"
_NET_FIGURE_BEFORE = re.compile(r"(?i)\bnet\s+cash\s+(?:out-?flow|in-?flow|position)\b[^.;]*$")


def _financed_by(frame: Frame, issuer: str | None) -> bool:
    """Financing the clause says who provides: both sides named, or a named investor other than
    the issuer putting in the money ("X has committed to provide up to CHF 30 million in equity
    financing": to the issuer)."""
    payer, payee = frame.roles()
    if _count(payer, payee) == 2:
        return True
    return frame.verb == PAY and payer is not None and payer != issuer and payee is None


def _is_payment(
    m: MoneyMention, text: str, before: str, after: str, frame: Frame, issuer: str | None
) -> bool:
    """Money that changes hands, not a revenue line, a market or a share price."""
    if m.amount < _MIN_AMOUNT or (m.amount < _PRICE_CEILING and m.amount % 1):
        return False  # "GBP60.5" lost its "million"; "₹ 1,638.35" is a price to the paisa
    if _RELIEVED.search(before[-160:]):
        return False  # obligations the deal ends will not be paid
    if _FINANCING.search(before[-100:] + " " + after[:60]) and not _financed_by(frame, issuer):
        return False  # an offering, a financing round or a loan whose lender the clause names not
    if _EACH_PAYS.search(before[-80:]):
        return False  # "X and Y will each contribute $10 million to the venture": to a third
    if _REVENUE_AFTER.match(after):
        return False  # "recognized $12 million of revenue": a results line, not a payment
    if (
        _OWN_SPENDING_AFTER.match(after)
        or _NET_FIGURE_BEFORE.search(before[-100:])
        or _OWN_TOTAL_BEFORE.search(before[-160:])
    ):
        return False  # a company's own budget or spending, assets taken over, a net figure
    if _RETURN_BEFORE.search(before[-80:]) and _TO_HOLDERS_AFTER.match(after):
        return False  # a return of capital to the company's own shareholders
    if re.match(r"(?i)\s*net\s+of\b", after):
        return False  # "$3.05 billion, or approximately $2.67 billion net of its cash": restated
    if _HOLDS.search(before[-40:]) and not _REDUCED_RELATIVE.match(text, m.end):
        return False  # "has $42 million in cash", not "has $24 million royalties received from"
    near = before[-120:] + " " + after[:100]
    if frame.verb in (NOUN, PASSIVE) and not (
        _PAYMENT_CUE.search(near) or _values_a_deal(frame, after)
    ):
        return False
    # the words the verb governs up to this amount, from its own item of a list on ("eligible to
    # receive $124 million, plus royalties on net sales, and $93.3 million for each …")
    governed = _LIST_ITEM_START.split(text[frame.verb_end : m.start])[-1]
    if frame.verb in (RECEIVE, PAY, ACQUIRE, SELL) and any(frame.roles()):
        # "X will receive $50 million in cash": said of a party, it changes hands, unless a
        # figure stands between the verb and the amount ("… reports sales of $852 million").
        # a figure that governs the amount ("reports sales of $852 million", "cash position is
        # now more than EUR 200 m"), not one the phrase passed ("its royalty on sales of Abreva
        # to X for $24 million")
        in_payments = _IN_PAYMENTS_AFTER.match(after)
        # costs are what a reimbursing or funding party pays: "will reimburse X for development
        # costs of up to $30 million"
        covers_costs = frame.verb == PAY and re.match(r"(?i)reimburs|fund", frame.verb_text)
        return not any(
            len(governed) - f.end() <= 25
            and not (in_payments and f.group(0).lower() == "worth")
            and not (covers_costs and f.group(0).lower().startswith("cost"))
            and not _SALES_OF_A_PRODUCT.match(governed, f.start())
            for f in _NOT_PAYMENT.finditer(governed)
        )  # "could potentially be worth up to $A750 million in tiered and milestone payments"
    figure = _NOT_PAYMENT.search(before[-70:] + " " + after[:30])
    if figure is not None and _DEAL_WITH_WORTH.search(before[-160:]):
        return True  # "signed an agreement with Regeneron worth $135 million to the firm"
    return figure is None or bool(
        re.search(
            r"(?i)\b(?:payments?|fees?|milestones?|up-?front|paid|pay)\b",
            before[-40:] + " " + after[:40],
        )
    )


def _read_amount(
    release: ReleaseView,
    index: int,
    sentence: Sentence,
    mentions: list[Mention],
    m: MoneyMention,
    before: str,
    after: str,
    previous: _Draft | None,
    deal: tuple[bool, bool],
) -> _Draft | None:
    text = sentence.text
    # "$13.5 million of which has been achieved", "…, which includes the base package of
    # $32 million": a part of the amount before it, with its kind and its parties.
    of_which = bool(_OF_WHICH_AFTER.match(after))
    part = of_which or bool(previous and _PART_BEFORE.search(before))
    frame = _frame_for(release, sentence, mentions, m.start, m.end)
    kind, kind_said = _kind(
        text, m, before, after, previous, of_which, frame.verb, frame.verb_end, frame.verb_text
    )
    if _values_a_deal(frame, after):
        kind, kind_said = "other", True
    if part and kind == "other" and previous is not None:
        kind = previous.payment.kind
    if (
        previous is not None
        and previous.payment.kind == "acquisition"
        and _PRICE_PAID_AS.search(before)
    ):
        kind = "acquisition"  # "…, with the price being paid by way of an initial payment of"
    if kind == "other" and previous is None and _OPENS_AT_SIGNING.search(text, 0, m.start):
        kind = "upfront"  # "Upon signing of the amended agreement, X will receive $15 million"
    if kind == "other" and previous is not None and _RESPECTIVELY.match(after):
        kind = previous.payment.kind  # "milestones … amounting to €1.33 million and €0.4 million,
        # respectively": one noun for both amounts
    payer, payee = frame.roles()
    if frame.verb == NOUN and "from" in frame.slots and _PURCHASE_AFTER.match(after):
        # "Royalty Pharma Announces $100 million Acquisition of Royalty Rights … from
        # Cytokinetics": what is bought comes from the seller, who is paid
        payer, payee = None, frame.slots["from"]
    payer, payer_open = _joint_role(release, frame, payer)
    payee, payee_open = _joint_role(release, frame, payee)
    if _RAISED.match(frame.verb_text) and "from" not in frame.slots and "by" not in frame.slots:
        # "X raises in total 28 million DKK": from investors the clause does not name
        payer, payer_open, kind, kind_said = None, True, "other", True
    if part and previous is not None:  # a part is paid by and to whoever pays the whole
        payer, payee = previous.payment.payer, previous.payment.payee
    owed = _OF_DEBT.match(after) if _DEBT_ASSUMED.search(before[-40:]) else None
    debt = owed is not None
    if owed:  # "assumption of approximately $9 million of Forendo debt": owed to its lenders
        # ("… of potential future milestone payment obligations": milestones, to whoever)
        kind, payee = ("milestone" if "milestone" in owed.group(0).lower() else "other"), None
        kind_said = True
    status, explicit = _status(frame, kind, text, m, before, after, deal)
    if debt:  # assumed with the company: once the deal has closed, it has been taken on
        status, explicit = ("earned" if deal == (False, True) else "potential"), True
    # "expects to receive $60 million": a forecast, not a payment; but a price a company plans
    # to buy something for is an offer ("plans to purchase X's business for $810 million")
    forecast = _FORECAST.search(_without_appositions(frame.group))
    bids = (
        frame.verb == ACQUIRE
        and kind == "acquisition"
        and (frame.object is not None or "from" in frame.slots)  # a named seller, never "companies"
    )
    if status is None or (forecast and not bids):
        return None
    if not explicit and FORWARD_LOOKING.search(
        _without_appositions(frame.lead[-80:] + frame.group)
    ):
        return None
    # "$600 million, which together could amount to total consideration of $954 million": the
    # words after the last comma before another amount are that amount's
    followed = m.end + len(after) < len(text)
    own_after = after[: after.rfind(",")] if followed and "," in after else after
    qualifier = qualifier_of(before, own_after, kind, sentence_start=text.startswith(before))
    if kind == "other" and qualifier in ("per_product", "per_target") and previous is not None:
        # "milestones of up to $124 million for this product, and $93.3 million for each
        # subsequent product": the same kind of payment, for each further product
        kind = previous.payment.kind
    if (
        kind == "option_fee"
        and qualifier in ("per_product", "per_target")
        and status == "earned"
        and not _DONE_WORDS.search(frame.group)
    ):
        status = "potential"  # "an option fee of $10 million for each selected target": to come
    if of_which and qualifier == "aggregate":
        qualifier = None  # "…, $13.5 million of which has been achieved to date": a part
    if previous is not None and previous.sentence == index and _TOGETHER.search(before[-80:]):
        # "a $75 million upfront payment, … milestones of up to $600 million, which together
        # could amount to total consideration of $954 million": the sum of the parts before
        kind, qualifier, kind_said = "other", "aggregate", True
    included, parts = _kinds_included(text[m.end :])
    if _BROKEN_DOWN.match(after):  # "US$40 million, comprising a fee and an equity purchase"
        kind, qualifier, kind_said = "other", "aggregate", True
    elif len(included) >= 2:
        # "up to $605 million in payments, including upfront, development, and commercial
        # milestones": several kinds, a total where the text says so; potential as long as
        # milestones are in it
        kind, kind_said = "other", True
        qualifier = qualifier_of(before, after, kind, sentence_start=text.startswith(before))
        if "milestone" in included and parts:
            status = "potential"
    totalled = _kinds_totalled(before, previous, index)
    if len(totalled) >= 2:
        # "an upfront payment, near-term milestone payments and option exercise fees, totaling
        # $175 million": the sum of several kinds, potential while milestones are in it
        kind, qualifier, kind_said = "other", "aggregate", True
        if "milestone" in totalled:
            status = "potential"
    payment = Payment(
        kind=kind,
        status=status,
        evidence=Span(sentence.start, sentence.end),
        money=Money(m.amount, m.currency),
        payer=payer,
        payee=payee,
        qualifier=qualifier,
    )
    explicit_roles = (
        previous.explicit_roles if part and previous is not None else _count(payer, payee)
    )
    return _Draft(
        payment,
        index,
        sentence.zone,
        explicit_roles,
        explicit,
        kind_said or kind != "other",
        _distinct(release, sentence, m),
        shareable="by_participle" not in frame.slots,
        frame=frame,
        broken_down=len(included) >= 2,
        from_a_source=bool(_FROM_A_SOURCE.match(after)),
        to_lenders=debt,
        payer_open=payer_open and not part,
        payee_open=payee_open and not part,
        deal_worth=bool(_WORTH_BEFORE.search(before[-80:])),
    )


# What a deal is worth, said right before the amount: "a licence agreement worth up to",
# "could be worth as much as", "valued at", "a total deal value of"
_WORTH_BEFORE = re.compile(
    r"(?i)\b(?:worth|valued\s+at|(?:deal|transaction|agreement|contract)\s+value\s+of"
    r"|total\s+(?:potential\s+)?value\s+of)\s+(?:up\s+to\s+|as\s+much\s+as\s+|an?\s+aggregate"
    r"(?:\s+of)?\s+|about\s+|approximately\s+|more\s+than\s+|over\s+|in\s+excess\s+of\s+)?\W{0,3}$"
)


def _distinct(release: ReleaseView, sentence: Sentence, m: MoneyMention) -> bool:
    """'another', 'earlier this month': a payment of its own, not a restatement of an earlier
    one. 'An additional $121 million' after the sentence's own upfront is additional to that
    upfront, not to an equal amount elsewhere."""
    window_start = max(0, m.start - 200)
    for word in _DISTINCT.finditer(sentence.text, window_start, m.start):
        if word.group(0).lower() not in ("additional", "also"):
            return True
        if not any(a.end <= word.start() for a in release.money(sentence)):
            return True
    return False


def _part(
    index: int,
    sentence: Sentence,
    m: MoneyMention,
    after: str,
    total_kind: str | None,
    total_frame: tuple[str | None, str | None, int],
) -> _Draft:
    """'$8.5 million ($5 million in cash and $3.5 million in equity)': a part of a total."""
    part_after = re.split(r"\)|\band\b|,", after, maxsplit=1)[0]
    kind = "equity" if _SHARES.search(part_after) else total_kind or "other"
    payer, payee, explicit = total_frame
    payment = Payment(
        kind, "earned", Span(sentence.start, sentence.end), Money(m.amount, m.currency),
        payer, payee,
    )  # fmt: skip
    said = kind != "other"
    return _Draft(payment, index, sentence.zone, explicit, False, said, distinct=False)


# ", a pharmaceutical company that … with the aim to improve …,": what a company is, not a plan
_APPOSITION = re.compile(r",\s+(?:an?|the)\s+[^,;]{0,200}?,")


def _without_appositions(text: str) -> str:
    """The text with what its companies are (', a company that …,') left out."""
    return _APPOSITION.sub(" ", text)


def _in_apposition(text: str, pos: int, amount_start: int) -> bool:
    """Is ``pos`` inside what a company is (', a company that sells …,'), closed before the
    amount? Its verb says what the company does, not what happens to the money."""
    return any(
        a.start() < pos < a.end() <= amount_start
        for a in _COMPANY_APPOSITION.finditer(text, 0, pos + 200)
    )


# What a company is, with what it does: ", a $1-billion drug company that sells products in
# Asia," (never a clause after a sentence adverb: "Furthermore, the Company is entitled to …,")
_COMPANY_APPOSITION = re.compile(
    r",\s+(?:an?|the)\s+[^,;]{0,80}?\b(?:company|firm|maker|drugmaker|group|business|developer"
    r"|biotech\w*|provider|manufacturer|leader|specialist|subsidiary|unit)\s+(?:that|which|whose)\b"
    r"[^,;]{0,160},"
)


def _count(payer: str | None, payee: str | None) -> int:
    return (payer is not None) + (payee is not None)


# ---- the frame -----------------------------------------------------------------------------------


def _frame_for(
    release: ReleaseView, sentence: Sentence, mentions: list[Mention], start: int, end: int
) -> Frame:
    """The frame that governs the amount at ``start:end`` of the sentence."""
    text = sentence.text
    clause_start = _clause_start(text, start)
    relative = _relative_frame(release, sentence, mentions, start, end)
    if relative is not None:
        return relative
    passive = _PASSIVE_AFTER.match(text, end)
    verb = _governing_verb(text, clause_start, start)
    if verb is not None and _participle_of_earlier_amount(release, sentence, verb, start):
        verb = None
    if verb is not None and _in_apposition(text, verb.start(), start):
        verb = None  # "The deal with X, a drug company that sells products in Asia, encompasses"
    reduced = _REDUCED_RELATIVE.match(text, end) if verb is None and not passive else None
    passive = passive or reduced
    if verb is None or (passive and passive.group("word") != "due"):
        sale = None if passive else _SALE_NOUN.search(text, clause_start, start)
        frame = Frame(PASSIVE if passive else NOUN, start, end)
        frame.verb_text = passive.group("word") if passive else ""
        if sale is not None:  # its words, like a verb's, start what it governs
            frame = Frame(SELL, sale.start(), sale.end(), sale.group(0))
        # A participle's agent is in its own phrase: "$5 million paid by X and … received by Y".
        clause_end = _frame_end(text, passive.end()) if reduced else _clause_end(text, end)
        others = _other_amounts(release, sentence, start)
        _fill_slots(frame, text, mentions, clause_start, clause_end, start, others)
        frame.group = text[clause_start:start]
        frame.lead = text[:clause_start]
        if passive:
            frame.group += " " + passive.group(0)
        elif _RECEIPT_BEFORE_COLON.search(frame.lead):
            _slots_before_colon(frame, text, mentions, clause_start)
        return frame
    kind = verb.lastgroup or NOUN
    if (
        kind == PAY
        and _PASSIVE_PAY.match(verb.group(0))
        and _BE_BEFORE.search(text, 0, verb.start())
    ):
        kind = RECEIVE  # "X will be paid $5 million by Y": the subject is paid, "by" pays
    if (
        kind == ACQUIRE
        and _ACQUIRED.match(verb.group(0))
        and _BE_BEFORE.search(text, 0, verb.start())
    ):
        kind = SELL  # "X agreed to be acquired by Y for $1 billion": X sells itself to Y
    buys = re.match(r"(?i)purchas|bu[yi]|bought", verb.group(0))
    every_share = _ALL_SHARES_AFTER.match(text, verb.end())
    if kind == PAY and buys and (every_share or not _SHARES.search(text[verb.end() : end + 40])):
        kind = ACQUIRE  # buying a voucher, an asset, a company (every share of it)
    frame = Frame(kind, verb.start(), verb.end(), verb.group(0))
    # The frame of this verb starts after the last amount before it: an organisation before
    # that amount belongs to an earlier frame, unless this verb only continues it ("… pay
    # Kessel $120 million and purchase shares …").
    floor = max([clause_start, *(a.end for a in release.money(sentence) if a.end <= verb.start())])
    subject = _subject(release, text, mentions, floor, verb.start())
    if subject is None and floor > clause_start and _CONTINUES.search(text, floor, verb.start()):
        earlier = max([clause_start, *(a.end for a in release.money(sentence) if a.end < floor)])
        subject = _subject(release, text, mentions, earlier, _verb_before(text, earlier, floor))
    if subject is None and _SEMICOLON_BEFORE.search(text, 0, verb.start()):
        # "X In-Licenses TB-7 from Y; Pays $3 Million Upfront": the clause shares the subject
        subject = _subject(release, text, mentions, 0, _verb_before(text, 0, clause_start))
    frame.subject = subject.org if subject is not None else None
    group_start = subject.end if subject is not None else floor
    frame.group = text[group_start : verb.end()]
    frame.lead = text[: subject.start if subject is not None else floor]
    others = _other_amounts(release, sentence, start)
    _fill_slots(frame, text, mentions, verb.end(), _frame_end(text, end), start, others)
    return frame


# "$1.7 million that Palatin received from …": a relative clause after the amount with a
# subject and a verb of its own is the amount's frame.
_RELATIVE_OPEN = re.compile(r"\s+(?:that|which)\s+")
_RELATIVE_VERB = re.compile(
    r"\s+(?:has\s+|had\s+|have\s+)?(?:already\s+)?(?P<verb>received|earned|collected|paid|invested)\b"
)


def _relative_frame(
    release: ReleaseView, sentence: Sentence, mentions: list[Mention], start: int, end: int
) -> Frame | None:
    text = sentence.text
    opening = _RELATIVE_OPEN.match(text, end)
    subject = next((c for c in mentions if opening and c.start == opening.end()), None)
    verb = _RELATIVE_VERB.match(text, subject.end) if subject is not None else None
    if subject is None or verb is None:
        return None
    kind = PAY if verb.group("verb") in ("paid", "invested") else RECEIVE
    frame = Frame(kind, verb.start("verb"), verb.end("verb"), verb.group("verb"))
    frame.subject = subject.org
    others = _other_amounts(release, sentence, start)
    _fill_slots(frame, text, mentions, verb.end(), _frame_end(text, verb.end()), start, others)
    frame.group = text[subject.end : verb.end()]
    frame.lead = text[:start]
    return frame


def _participle_of_earlier_amount(
    release: ReleaseView, sentence: Sentence, verb: re.Match[str], start: int
) -> bool:
    """'the $150 million investment made in 2007 and the $80 million fee': "made" belongs to
    the amount before it, not to this one."""
    earlier = [a for a in release.money(sentence) if a.end <= verb.start()]
    if not earlier:
        return False
    reduced = _REDUCED_RELATIVE.match(sentence.text, earlier[-1].end)
    return reduced is not None and reduced.start("word") == verb.start()


def _other_amounts(release: ReleaseView, sentence: Sentence, start: int) -> list[int]:
    return [a.start for a in release.money(sentence) if a.start != start]


def _verb_before(text: str, start: int, end: int) -> int:
    """Where the last verb of the lexicon in ``text[start:end]`` starts (``end`` if none)."""
    verbs = list(_VERB.finditer(text, start, end))
    return verbs[-1].start() if verbs else end


def _slots_before_colon(frame: Frame, text: str, mentions: list[Mention], colon: int) -> None:
    """'the receipt of two milestones from X: a fee of …': the "from" before the colon is the
    payer of each item after it."""
    for c in mentions:
        if c.end <= colon and _SLOT_BEFORE["from"].search(text, max(0, c.start - 70), c.start):
            frame.slots.setdefault("from", c.org)


# Money whose source is a deed, not a party: "$1.7 million received from the sale of tax losses",
# "$5 million from the exercise of warrants".
_FROM_A_SOURCE = re.compile(
    r"(?i)^[^.;$€£¥]{0,40}?\bfrom\s+(?:the\s+)?(?:sales?|exercise|issuance|offering|operations"
    r"|disposal|divestiture|interest\s+income"
    # "had raised $41 million from a group of investors": from no party the text names
    r"|(?:a\s+(?:group|syndicate)\s+of\s+|its\s+|new\s+|existing\s+)?investors)\b"
)
# "acquisition of major Swiss rival X", "to acquire cancer drugmaker X": the object after what
# it is.
_ALL_SHARES_AFTER = re.compile(
    r"(?i)\s+all\s+(?:of\s+)?(?:the\s+)?(?:issued\s+and\s+)?(?:outstanding\s+)?shares\b"
)
_DESCRIBED_OBJECT = re.compile(
    r"(?i)\s*(?:all\s+(?:of\s+)?(?:the\s+)?(?:issued\s+and\s+)?(?:outstanding\s+)?shares\s+(?:in|of)\s+)?"
    r"(?:(?:the|a|an|its)\s+)?(?:(?:[\w-]+\s+|\([A-Z]{2,6}\)\s+){0,4}(?:rival|company|firm|biotech"
    r"|drugmaker|maker|developer|peer|competitor|start-?up|specialist)\s*,?\s*|[\w.-]+-based\s+)?"
)
# The agent of a deed other than paying: "a drug marketed by X", "developed by X".
_AGENT_OF_OTHER_DEED = re.compile(
    r"(?i)\b(?:marketed|developed|owned|manufactured|discovered|invented|sponsored|conducted|led"
    r"|approved|commerciali[sz]ed|distributed|sold|founded|run|operated|managed|controlled"
    r"|advised|backed)\s+by\s+(?:the\s+)?$"
)
# What comes between a verb of acquiring and the owner of what it acquires: "acquired X's rights",
# "acquired a portion of X's royalty interests".
_PART_OF = re.compile(
    r"(?i)\s*(?:(?:a\s+|the\s+)?(?:portion|part|share|some|all|most|half)\s+of\s+)?"
)
# What "by" marks a payer after: a participle ("paid by", "funded by") or a noun of paying ("a
# payment by X"); after another noun it marks who does that ("a facility by X").
_BY_OF_PAYING = re.compile(
    rf"(?i)\b(?:\w+ed|paid|made|payable|due|owed|borne|payments?|investments?|purchases?"
    rf"|subscriptions?|fees?|funding|contributions?|milestones?|up-?\s?front)\s+by\s+"
    rf"{_PARTNER_NOUN}$"
)
# A name used as a modifier of the noun after it ("the FDA approval", "the Kessel agreement")
# is not the subject of the verb that follows the noun.
_ATTRIBUTIVE = re.compile(
    r"['’]?s?\s+(?:approval|acceptance|clearance|decision|designation|review|filing|submission"
    r"|agreement|collaboration|deal|partnership|license|licence|program|programme|trial|study)s?\b"
)


def _clause_start(text: str, pos: int) -> int:
    starts = [m.end() for m in _CLAUSE_BOUNDARY.finditer(text, 0, pos)]
    starts += [m.end() for m in _NEW_SUBJECT.finditer(text, 0, pos)] if " and " in text else []
    return max(starts, default=0)


def _clause_end(text: str, pos: int) -> int:
    m = _CLAUSE_BOUNDARY.search(text, pos)
    return m.start() if m else len(text)


def _frame_end(text: str, pos: int) -> int:
    """Where the frame of the verb before ``pos`` ends: at the next verb, or the clause's end."""
    end = _clause_end(text, pos)
    for following in _VERB.finditer(text, pos, end):
        if not re.match(r"\s+by\b", text[following.end() :]):  # "purchased by X" goes on
            return following.start()
    return end


# "X has offered $1.3 billion (…) to buy Y": an offer of a price for a company, read as a verb
# of acquiring (what it offers for comes after the amount)
_OFFER_TO_BUY = Gated(
    re.compile(
        r"(?i)\b(?P<acquire>offer(?:s|ed|ing)?)(?=(?:[^.;]|\.\d){0,80}?\bto\s+(?:buy|acquire"
        r"|purchase|take\s+over)\b)"
    ),
    ("offer",),
    ignore_case=True,
)


def _governing_verb(text: str, clause_start: int, pos: int) -> re.Match[str] | None:
    """The last verb of the lexicon before the amount, in its clause; an offer of the amount
    "to buy" a company is one to acquire it ("has offered $50 million to buy Y")."""
    found = None
    for m in _VERB.finditer(text, clause_start, pos):
        found = m
    offer = _OFFER_TO_BUY.search(text, clause_start)
    if offer is not None and offer.end() <= pos and (found is None or found.end() <= offer.end()):
        return offer
    return found


def _subject(
    release: ReleaseView, text: str, mentions: list[Mention], clause_start: int, verb_start: int
) -> Mention | None:
    """The organisation the verb is said of: the nearest one before it that is not the object
    of a preposition or of another verb, inside the same clause and relative clause."""
    floor = clause_start
    relative = None
    for relative in _RELATIVE.finditer(text, clause_start, verb_start):
        floor = relative.end()
    for c in reversed(mentions):
        if c.end > verb_start or c.start < floor:
            continue
        absolute = _WITH_BEFORE.search(text, max(0, c.start - 6), c.start) and re.match(
            r"\s+(?:\w+ing|eligible|entitled)\b", text[c.end : verb_start + 20]
        )  # "with P&G providing additional funding", "with Immutep eligible for up to …"
        # "AurKa Pharma shareholders will get an upfront payment": paid to the company's holders
        holders = _HOLDERS_AS_SUBJECT.match(text[c.end : verb_start])
        if (_is_object(text, c) and not (absolute or holders)) or _in_parentheses(
            text, floor, c.start
        ):
            continue
        if _ATTRIBUTIVE.match(text, c.end):
            continue  # "This FDA approval also resulted in the obligation to pay": FDA pays nothing
        if _IN_APPOSITION.match(text, c.end) and _APPOSITION_OPENS.search(text, floor, c.start):
            continue  # "Tenby, Avelor's partner in Japan, paid": Tenby pays, not Avelor
        return c
    if relative is not None:
        # "… sales by Kessel Inc., which has agreed to pay $24 million": the company the
        # relative clause hangs on
        antecedent = _antecedent_of_relative(text, mentions, relative)
        if antecedent is not None:
            return antecedent
    it = _IT_SUBJECT.search(text, floor, verb_start)
    if it is not None and it.end() == verb_start:
        verb = _VERB.match(text, verb_start)
        pays = verb is not None and verb.group("pay") is not None
        return _Pronoun(
            it.start(), it.start() + 2, _antecedent(release, text, mentions, it.start(), pays)
        )
    return None


_BEFORE_WHICH = re.compile(r"(?:,?\s*(?:Inc|Ltd|AG|plc|Corp|LLC|GmbH|S\.A|N\.V|B\.V)\.?)?\s*,\s*")


def _antecedent_of_relative(
    text: str, mentions: list[Mention], relative: re.Match[str]
) -> Mention | None:
    """The company a 'which' or 'who' clause is said of: the one named right before its comma."""
    if relative.group(0).lower() not in ("which", "who"):
        return None
    return next(
        (
            c
            for c in reversed(mentions)
            if c.end <= relative.start() and _BEFORE_WHICH.fullmatch(text, c.end, relative.start())
        ),
        None,
    )


@dataclass
class _Pronoun:
    start: int
    end: int
    org: str | None
    agency: bool = False


def _antecedent(
    release: ReleaseView, text: str, mentions: list[Mention], pos: int, pays: bool = False
) -> str | None:
    """'X announced that it has earned …': the company that announces; "It will pay" after a
    sentence about what another company did: that company; else the issuer (a release tells
    what its issuer receives)."""
    reporting = list(_REPORTING.finditer(text, 0, pos))
    if reporting:
        before = [
            c
            for c in mentions
            if c.end <= reporting[-1].start()
            and not _is_object(text, c)
            and not _in_parentheses(text, 0, c.start)  # "(NASDAQ/TSX:TRIL)": a listing, no actor
        ]
        if before:
            return before[-1].org
    if pays and not text[:pos].strip():  # "GSK exercised its option. It will pay €2.5 million"
        opener = _previous_subject(release, text)
        if opener is not None:
            return opener
    if not pays and not text[:pos].strip() and _ALSO_RECEIVES.match(text, pos + 2):
        # "CSPC will receive an upfront payment. It is also entitled to get …": the same payee
        receiver = _previous_receiver(release, text)
        if receiver is not None:
            return receiver
    return release.issuer


# A sentence that opens with a company doing something: "GSK exercised its option …".
_OPENS_WITH_SUBJECT = re.compile(r"(?i)\W*(?:(?:the|this)\s+)?$")
_ACTS_NEXT = re.compile(r"\s+(?!and\b|or\b)(?:has\s+|have\s+|had\s+|will\s+|also\s+)?[a-z]+ed\b")


def _previous_subject(release: ReleaseView, text: str) -> str | None:
    """The company a sentence opening with "It" goes on about: the one that opens the sentence
    before it as the subject of a verb in the past ("GSK exercised its option to these
    candidates. It will pay €2.5 million for these licenses"); None when that sentence opens
    otherwise."""
    index = next((i for i, s in enumerate(release.sentences) if s.text == text), None)
    if not index:
        return None
    previous = release.sentences[index - 1]
    mentions = release.mentions(previous)
    if not mentions:
        return None
    first = min(mentions, key=lambda c: c.start)
    if _OPENS_WITH_SUBJECT.fullmatch(previous.text[: first.start]) and _ACTS_NEXT.match(
        previous.text, first.end
    ):
        return first.org
    return None


# "It is also entitled to", "It will also receive": a sentence going on about the last payee
_ALSO_RECEIVES = re.compile(
    r"(?i)\s+(?:(?:is|will|would|may|can|could|shall)\s+)?also\s+(?:be\s+)?"
    r"(?:entitled|eligible|receiv\w*|get|earn\w*)\b"
)
_RECEIVES_AFTER = re.compile(
    r"(?i)(?:\s*\([^()]{0,40}\))?\s+(?:(?:will|would|is|was|has|had|may|can|could|shall)\s+)*"
    r"(?:be\s+)?(?:receiv\w*|entitled|eligible|get|gets|earn\w*)\b"
)


def _previous_receiver(release: ReleaseView, text: str) -> str | None:
    """The one company the sentence before makes the subject of a verb of receiving."""
    index = next((i for i, s in enumerate(release.sentences) if s.text == text), None)
    if not index:
        return None
    previous = release.sentences[index - 1]
    found = {
        c.org for c in release.mentions(previous) if _RECEIVES_AFTER.match(previous.text, c.end)
    }
    return found.pop() if len(found) == 1 else None


_AS_EVENT_HAPPENS = re.compile(
    r"(?i)^[^.;]{0,80}?\b(?:as|now\s+that|because)\s+[^.;]{0,60}?\b(?:begins|starts|initiates"
    r"|launches|doses|enrol?ls|has\s+(?:begun|started|initiated|dosed|enrol?led|launched))\b"
)
_OPENS_AT_SIGNING = re.compile(
    r"(?i)(?:^|--|[•–—])\W*(?:upon|on|at)\s+(?:the\s+)?(?:signing|execution)\b[^,;$€£¥]{0,80},"
)
_THE_PAYMENT_INCLUDES = re.compile(
    r"(?i)\W*(?:the|this|that)\s+(?:\w+\s+)?payments?\s+(?:includes?|comprises?|consists?\s+of)\b"
)
# "a royalty on worldwide sales of omecamtiv mecarbil for $90 million": sales of a product the
# price is "for", not a sales figure ("sales of $852 million")
_SALES_OF_A_PRODUCT = re.compile(
    r"(?i)sales\s+of\s+(?:[\w-]+\s+){1,3}for\s+(?:approximately\s+|about\s+|around\s+)?(?:US\s?)?"
    r"\W{0,3}$"
)
_PURCHASE_AFTER = re.compile(r"(?i)\s*(?:\w+\s+)?(?:acquisition|purchase)\s+of\b")
_RESPECTIVELY = re.compile(r"(?i)\s*,?\s*respectively\b")
# A possessive inside an apposition after the subject: "Tenby, Avelor's partner in Japan, paid".
_IN_APPOSITION = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,4}?[\w-]+,")
_APPOSITION_OPENS = re.compile(r",\s*(?:the\s+)?$")
_SEMICOLON_BEFORE = re.compile(r";\s*(?:(?:also|then|and)\s+)?$")
_WITH_BEFORE = re.compile(r"(?i)\bwith\s+$")
_HOLDERS_AS_SUBJECT = re.compile(
    r"(?i)['’]?s?\s+(?:share|stock|equity\s+)holders\s+(?:(?:will|would|shall|may|can|also"
    r"|are|were|to)\s+)*(?:be\s+)?$"
)


def _is_object(text: str, c: Mention) -> bool:
    head = text[max(0, c.start - 16) : c.start]
    if _PREPOSITION_BEFORE.search(head) or _STOCK_AFTER.match(text, c.end):
        return True
    verb = list(_VERB.finditer(text, max(0, c.start - 20), c.start))
    return bool(verb) and not text[verb[-1].end() : c.start].strip(" the")


def _in_parentheses(text: str, start: int, pos: int) -> bool:
    segment = text[start:pos]
    return segment.count("(") > segment.count(")")


def _fill_slots(
    frame: Frame,
    text: str,
    mentions: list[Mention],
    start: int,
    end: int,
    amount: int,
    others: list[int],
) -> None:
    """The organisations the prepositions (and the object position) mark, from the verb to
    the end of its clause; an agent before a trigger ("dosing by Pfizer triggers").

    ``others`` are where the clause's other amounts start: a participle's agent ("… $3 million
    purchased by X") belongs to the amount just before it (``amount`` is where the amount of
    this frame starts), not to the whole frame.
    """
    for c in mentions:
        if c.start < start or c.end > end:
            if frame.verb in (TRIGGER, PASSIVE, NOUN) and c.end <= start:
                _agent(frame, text, c)
            continue
        if c.agency and not (
            (frame.verb == PAY and _PAID_TO_RIGHT_AFTER.fullmatch(text, amount, c.start))
            or (
                frame.verb == RECEIVE
                and _RECEIVED_FROM_RIGHT_AFTER.fullmatch(text, amount, c.start)
            )
        ):
            # a regulator that approves or accepts pays nothing ("triggered by FDA"); a public
            # body is paid what is paid to it ("agreed to pay $465m to the DOJ") and pays what
            # comes from it ("received $2 million from the Halden Government")
            continue
        if _RECEIVED_BY.search(text, max(0, c.start - 40), c.start):
            frame.slots.setdefault("received_by", c.org)
            continue
        if _PARTICIPLE_BY.search(text, max(0, c.start - 30), c.start):
            if not any(amount < o < c.start for o in others):
                frame.slots.setdefault("by_participle", c.org)
            continue
        gap = text[start : c.start]
        if (
            frame.object is None
            and frame.verb != NOUN
            and (not gap.strip(" ,") or _DESCRIBED_OBJECT.fullmatch(gap))
        ):
            frame.object = c.org
            continue
        if _POSSESSIVE.match(text, c.end):
            if frame.verb == ACQUIRE and c.end <= amount and _PART_OF.fullmatch(gap):
                frame.slots.setdefault("owner", c.org)  # "acquired a portion of X's royalty"
            continue  # "a license to X's candidate": X owns the thing, it is no party here
        if _PAID_IN_OWN_SHARES.search(text, amount, c.start) and _STOCK_BEFORE.search(
            text, 0, c.start
        ):
            frame.slots.setdefault("in_own_shares", c.org)  # X pays with shares it issues
            continue
        if _STOCK_BEFORE.search(text, 0, c.start) or _STOCK_AFTER.match(text, c.end):
            frame.slots.setdefault("stock", c.org)
            continue
        head = text[max(0, c.start - 70) : c.start]
        if _AGENT_OF_OTHER_DEED.search(head):
            continue  # "should Remicade, marketed by X, exceed …": X markets, it does not pay
        for slot, pattern in _SLOT_BEFORE.items():
            if pattern.search(head):
                if slot == "in" and frame.verb != PAY:
                    break
                if slot == "by" and not _BY_OF_PAYING.search(head):
                    break  # "the build-out of a facility by X": X builds, it does not pay
                if slot in ("to", "from") and _HANDED_OVER.search(text, amount, c.start):
                    break  # "$5 million, given the return of the rights to Y": Y is the return's
                if slot == "from" and frame.verb == NOUN and _TAKEN_FROM.search(head):
                    # "a $440 million pact to license a drug from Y": Y sells, it is paid
                    frame.slots.setdefault("seller", c.org)
                    break
                if slot not in frame.slots and slot in ("to", "from"):
                    other = _joined_with_another(text, c, mentions)
                    if other is not None:
                        frame.joint[slot] = other
                frame.slots.setdefault(slot, c.org)
                break


# "from X (NYSE: X) and Y": a second party joined to the first
_JOINED_GAP = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:and|&)\s+$")


def _joined_with_another(text: str, c: Mention, mentions: list[Mention]) -> str | None:
    """The second organisation a slot names together with this one ("acquire X from Y and
    Z"), if any."""
    following = [n for n in mentions if n.start >= c.end]
    if not following:
        return None
    n = min(following, key=lambda n: n.start)
    if n.org != c.org and _JOINED_GAP.fullmatch(text, c.end, n.start):
        return n.org
    return None


def _joint_role(release: ReleaseView, frame: Frame, org: str | None) -> tuple[str | None, bool]:
    """The party a role stands for, and whether it is left open: two companies named together
    pay or are paid in shares the text does not give, so neither is the party, unless one is
    the other's parent ("from X and its subsidiary Y": the group, under the parent's name)."""
    for slot, other in frame.joint.items():
        if org is None or frame.slots.get(slot) != org:
            continue
        if release.parent_of(other) == org:
            return org, False
        if release.parent_of(org) == other:
            return other, False
        return None, True
    return org, False


def _agent(frame: Frame, text: str, c: Mention) -> None:
    """'Dosing by Pfizer triggers …', 'Bayer's submission … triggers …': who did the event
    (a regulator that approves something pays nothing)."""
    if c.agency:
        return
    head = text[max(0, c.start - 6) : c.start]
    if re.search(r"(?i)\bby\s+$", head) or re.match(r"['’]s?\s", text[c.end : c.end + 3]):
        frame.slots.setdefault("agent", c.org)


# ---- kind and status -----------------------------------------------------------------------------


def _kind(
    text: str,
    m: MoneyMention,
    before: str,
    after: str,
    previous: _Draft | None,
    of_which: bool,
    verb: str,
    verb_end: int,
    verb_text: str = "",
) -> tuple[str, bool]:
    """The kind of the payment of an amount, and whether the words decided it rather than it
    being the fallback "other" no word names."""
    previous_kind = previous.payment.kind if previous is not None else None
    if of_which and previous_kind:
        return previous_kind, True
    listed = _KINDS_LISTED.match(after)
    own_after = listed.group(0) if listed else _NEXT_ITEM.split(after, maxsplit=1)[0]
    if re.match(r"(?i)\s*,?\s*(?:and|plus|as\s+well\s+as)\b", own_after):
        own_after = ""  # "$1 billion and tiered royalties": the royalties are the next item
    # "$3M payable through the issuance of shares of X": how it is paid, not what it buys
    own_after = _HOW_PAID_IN_SHARES.sub("", own_after)
    own_after = _IN_CASH_OR_SHARES.sub("", own_after)
    own_before = before
    if previous is not None:  # "… $20 million upfront fee and $20 million for equity": the fee
        own_before = re.split(r"(?i)\b(?:and|plus|with)\b|,|;", before)[-1]  # is the last item's
    kind = classify_kind(own_before, own_after, previous_kind)
    # ("~$100 million (SEK 890 million) as upfront and milestone payments": past the conversion)
    bundle = _BUNDLE.match(_LEADING_BRACKET.sub("", own_after))
    if (
        bundle
        and _ITS_OWN_AMOUNT_NEXT.match(own_after, bundle.end())
        and m.end + len(after) < len(text)
    ):
        bundle = None  # "$5 million upfront and milestones of up to $50 million": two items
    if bundle or _BUNDLE_BEFORE.search(own_before) or _VALUE_OF_THE_DEAL_BEFORE.search(before):
        return "other", True  # "$35 million in upfront and milestone payments": several kinds
    said = kind != "other"
    if kind == "upfront" and _STAGED.search(own_after[:60]):
        kind = "other"  # "an additional $150 million over five years" is not paid up front
    if kind == "upfront" and _OPEN_ENDED.search(before[-40:]):
        # an upfront is one known sum: "in excess of $700 million upfront" is a total
        kind = "other"
    near = text[max(0, m.start - 160) : m.end + 80]
    own = before[-60:] + own_after[:100]
    if kind == "other" and _RIGHT_NOT_OBLIGATION.match(after):
        kind = "option_fee"  # "$1m for the exclusive right, but not the obligation, to acquire"
    if kind in ("other", "milestone") and _OPTION_EXERCISE.search(near):
        kind = kind if re.search(r"(?i)milestone", own) else "option_fee"
    if kind == "other":
        # The phrase of this amount only: after its own verb, or after the item before it
        # ("$30 million in milestones and up to $1.2 billion in total" names no kind).
        phrase = text[max(0, m.start - 200, verb_end) : m.start]
        if previous is not None and verb_end <= m.start - len(before):
            phrase = own_before
        kind = _kind_in_phrase(phrase) or kind
    if kind == "other" and verb == PAY and _FUNDS.search(text[:verb_end]):
        kind = "research_funding"  # "X will fund up to $40 million of work at Y"
    if kind == "research_funding" and _DEBT.search(after[:60]):
        kind, said = "other", True
    cash = _CASH_AT_SIGNING.match(own_after) and not _CONDITION.search(own_after)
    if kind == "other" and verb in (RECEIVE, PAY) and cash:
        kind = "upfront"  # "will receive $50 million in cash" when a deal is signed
    if (
        kind == "other"
        and verb == PAY
        and _INVEST_IN.match(after)
        and _INVESTS.search(text[:verb_end])
    ):
        kind = "equity"  # "X will invest $10 million in Y": shares of Y
    as_kind = _AS_A_KIND_LEAD.match(text) if kind == "other" and previous is None else None
    if as_kind:  # "As an upfront payment, X will receive $35 million"
        kind = classify_kind(as_kind.group("kind"), "", None)
    if kind == "other" and verb == PAY and _FOR_A_BUSINESS.match(after):
        kind = "acquisition"  # "X agreed to pay Y $625m for three plants and 11 drugs"
    if (
        kind == "other"
        and verb in (ACQUIRE, SELL)
        and not _GIVES_RIGHTS.match(verb_text)
        and not (verb == ACQUIRE and _BUYS_RIGHTS.match(text, verb_end))
    ):
        kind = "acquisition"  # "agreed to acquire a voucher from X for $98 million"
    shares = (
        _SHARES_BOUGHT.search(text, max(0, m.start - 250), m.start)
        if kind in ("other", "acquisition")
        else None
    )
    if shares and ";" not in text[shares.end() : m.start]:
        kind = "equity"  # "will subscribe for 13,270,000 common shares …, for proceeds of $35M"
    if kind == "acquisition" and _ROYALTY_BOUGHT.search(text[verb_end : m.start]):
        kind = "upfront"  # the price of a royalty interest is paid upfront (a monetisation)
    if kind in ("other", "acquisition") and _MILESTONE_EVENT.search(
        _NEXT_ITEM.split(after)[0][:100]
    ):
        kind = "milestone"
    if (
        kind == "other"
        and verb == TRIGGER
        and _EXERCISE.search(text, max(0, verb_end - 80), verb_end)
    ):
        return "option_fee", True  # "The exercise triggers a payment of US $2.0 million to X"
    if kind == "other" and verb == TRIGGER and _EVENT_SUBJECT.search(text[:verb_end]):
        kind = "milestone"  # "the approval of X triggers a $10 million payment"
    if kind == "other" and INSTEAD_OF.search(own_after[:60]):
        return kind, True  # "$7 million in lieu of future sales milestones": the words say it
    return kind, said or kind != "other"


# A number of shares bought or subscribed for (never a percentage of a company): equity.
_SHARES_BOUGHT = re.compile(
    r"(?i)\b(?:subscrib\w*\s+(?:for|to)|purchas\w*|acquir\w*|bu(?:y|ys|ying)|bought)\s+"
    r"(?:a\s+total\s+of\s+)?\d[\d,.]*\s+(?:million\s+)?(?:[\w'’-]+\s+){0,3}?(?:shares|ADSs|units)\b"
)
# A kind the sentence names before its clause: "As an upfront payment, X will receive $35 million"
_AS_A_KIND_LEAD = re.compile(
    r"(?i)^\W*as\s+(?:an?|the|its)\s+(?P<kind>(?:up-?front|milestone|royalty|option|licen[cs]e)"
    r"\s+(?:cash\s+)?(?:payments?|fees?))\s*,"
)
# What a price paid is for, when it buys a business: "for three manufacturing facilities and a
# portfolio of drugs", "for its generics business" (never rights or a licence: an upfront).
_FOR_A_BUSINESS = re.compile(
    r"(?i)\s*(?:\([^()]{0,30}\)\s*)?for\s+(?:its\s+|the\s+|their\s+|a\s+|an\s+|all\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:business(?:es)?|facilit(?:y|ies)|plants?|operations|divisions?"
    r"|subsidiar(?:y|ies)|assets)\b"
)


def _kind_in_phrase(phrase: str) -> str | None:
    """A kind named earlier in the amount's noun phrase, across its commas: "milestone
    payments, assuming the achievement of all specified milestones, of up to $276 million"."""
    cut = re.split(r"(?i)\b(?:and|plus)\s+(?:is|are|will|has|have)\b|;|\.\s+(?=[A-Z])", phrase)[-1]
    found = classify_kind(cut.replace(",", " "), "", None)
    return None if found == "other" else found


# An event that will trigger a payment has not happened yet (one that has triggered it, or whose
# achievement the text reports, is read before this)
_WILL_TRIGGER = re.compile(r"(?i)\b(?:will|shall|would)\s+trigger")
# "a $15 million upfront payment (which was received at closing)": the amount's own words say
# it has been paid
_SAID_RECEIVED = re.compile(
    r"(?i)^[^,;()]{0,40}?\(?\s*(?:which|that)\s+(?:was|were|has\s+been|had\s+been)\s+"
    r"(?:received|paid|collected)\b"
)


def _status(
    frame: Frame,
    kind: str,
    text: str,
    m: MoneyMention,
    before: str,
    after: str,
    deal: tuple[bool, bool],
) -> tuple[str | None, bool]:
    """('earned' | 'potential' | None, whether the words said so rather than a default).
    ``deal`` says whether the release's deal is pending, and whether it says it closed."""
    pending, closed = deal
    near_before = before[-60:]
    tail = _own_tail(after, followed=m.end + len(after) < len(text))
    if _values_a_deal(frame, after):
        return "potential", True  # "a $700 million licensing agreement with X": what it may bring
    if frame.verb == PASSIVE and _HABITUAL.search(after[:120]):
        return "potential", True  # "milestone payments that are paid when each is achieved"
    if frame.verb == PASSIVE and not re.search(
        r"(?i)due|payable|expected|anticipated", frame.group
    ):
        return "earned", True
    if (
        re.match(
            r"(?i)^[^,;]{0,30}?\b(?:earned|received|achieved|paid)\s+(?:to\s+date|so\s+far)", tail
        )
        or _SAID_RECEIVED.match(tail)
        or _HAVE_BEEN_EARNED.match(tail)
    ):
        return "earned", True
    if (_NOW_OWED.search(frame.group) or _NOW_OWED.search(after[:40])) and not _UP_TO.search(
        near_before
    ):
        return "earned", True  # "X is now entitled to a $7 million milestone payment"
    group = frame.group
    if frame.verb == NOUN and len(before) < len(group):
        # An amount before this one in its clause: its words end at this item's "and" ("up
        # to $39.6 million in potential milestones and … for a one-time payment of $6 million").
        group = re.split(r"(?i),|\band\b", before)[-1]
    potential_words = {w.lower() for w in _POTENTIAL_VERB.findall(group)}
    # "X is entitled to an upfront payment of $7.5 million": owed now, as signing money is
    # and in reported speech "X would receive an upfront payment" is the "will" of the release
    owed_at_signing = (potential_words == {"entitled"} and kind in _SIGNING_KINDS) or (
        potential_words == {"would"} and kind == "upfront" and not pending
    )
    if kind == "upfront" and _INCLUDING_BEFORE.search(near_before):
        # "eligible to receive up to $301 million, including a $31 million upfront": the upfront
        # part of a potential total is owed at signing
        return _pending(kind, "earned", pending), True
    if _UP_TO.search(near_before) or (potential_words and not owed_at_signing):
        return "potential", True
    # ("a royalty on potential worldwide sales of X for $90 million": the sales may come)
    potential_sales = r"(?!\s+(?:\w+\s+)?(?:sales|royalt\w*|revenues?|markets?)\b)"
    if re.search(
        r"(?i)\bpotential(?:ly)?\b" + potential_sales, text[frame.verb_end : m.start]
    ) or re.match(r"(?i)\s*in\s+potential\b", after):
        return "potential", True  # "… and $14.0 million in potential sales-based milestones"
    if _EVENT_ENTITLES.search(frame.lead + frame.group):
        return "earned", True  # "The execution of the trial entitles X to receive a $6m milestone"
    if kind == "milestone" and _THIS_MILESTONE.search(near_before + " " + after[:80]):
        return "earned", True  # "A EUR 10 million payment associated with this milestone"
    if _PAST_PAYMENT.search(frame.group) and kind != "acquisition":
        return _pending(kind, "earned", pending), True  # "earned $7.5 million upon initiation"
    if (
        _CONDITION.search(near_before[-50:].replace("expected", "").replace("anticipated", ""))
        or _CONDITION.search(tail)
        or _LEAD_CONDITION.search(frame.lead)
    ):
        return "potential", True
    if frame.subject is not None and _OWED.search(frame.group):
        return _pending(kind, "earned", pending), True  # "X owes Y", "X is due a $3 million"
    if _ACHIEVEMENT_OF.search(near_before):
        return "earned", True  # "announced the achievement of a $10 million milestone"
    if kind == "acquisition":
        if _DATED_ACQUISITION.search(frame.group):
            return "earned", True  # "a 2011 acquisition of Nycomed for €9.6 billion": long done
        done = _ACQUISITION_DONE.search(frame.group + " " + frame.lead[-80:])
        # "announced the completion of its acquisition of B. Consideration includes a $75
        # million upfront payment": a fixed price is paid once the deal has closed
        done = done or (closed and not _POTENTIAL_VERB.search(frame.group))
        return ("earned", True) if done and not pending else ("potential", True)
    if _DEAL_WORTH.search(near_before):
        return "potential", True  # "a contract worth $32 million": what the whole deal may bring
    if _EARNED_WORDS.search(frame.group) and not _FUTURE.search(frame.group):
        return _pending(kind, "earned", pending), True
    if frame.verb == TRIGGER and _WILL_TRIGGER.search(frame.group):
        return "potential", True  # "completion of the option exercise will trigger a payment"
    if kind in _SIGNING_KINDS or _DUE_ON_SIGNING.search(tail) or _ONE_TIME.search(near_before):
        return _pending(kind, "earned", pending), True
    if frame.verb == TRIGGER and _FUTURE.search(frame.group):
        return "potential", True  # "the approval will trigger a $10 million payment"
    if frame.verb == NOUN and _RECEIPT_BEFORE_COLON.search(frame.lead):
        return "earned", True  # "the receipt of two payments from X: a fee of … and a …"
    if _GIVEN_DONE.match(frame.verb_text) and not _FUTURE.search(frame.group):
        return _pending(kind, "earned", pending), True  # "licensed X to Y for $5 million"
    if _CONSEQUENCE.search(frame.lead[-60:]):
        return "earned", True  # "… has started a trial. As a result, X will receive $5 million"
    if _AS_EVENT_HAPPENS.match(after):
        return "earned", True  # "will receive a $7.4 million milestone as GSK begins a trial"
    if _FUTURE.search(frame.group):
        # "will receive $50 million in cash": owed, with no condition said; a milestone is
        # conditional by nature until the release says it was achieved, and so is a sum that
        # holds milestones ("will make upfront and near-term milestone payments of $57.5m")
        holds_milestones = kind == "other" and _MILESTONE_WORD.search(near_before + after[:120])
        if kind == "milestone" or holds_milestones:
            return "potential", False
        return _pending(kind, "earned", pending), False
    return ("earned" if _PAST_AUX.search(frame.group) else "potential"), False


_INCLUDING_BEFORE = re.compile(r"(?i)\bincluding\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}$")
# The milestone the sentence before reported as reached
_THIS_MILESTONE = re.compile(
    r"(?i)\b(?:associated\s+with|for|related\s+to|triggered\s+by|upon|on)\s+"
    r"(?:this|that|the\s+above)\s+milestone\b(?!\s+(?:is|being)\s+(?:achieved|met|reached))"
)
_DEAL_WORTH = re.compile(
    r"(?i)\b(?:deals?|transactions?|agreements?|contracts?|collaborations?|partnerships?),?"
    r"\s+(?:\w+\s+){0,2}?(?:is\s+|are\s+)?worth\s+(?:up\s+to\s+|about\s+|approximately\s+|more\s+than\s+)?\W{0,2}$"
)


def _own_tail(after: str, *, followed: bool) -> str:
    """The words after an amount that are still its own. Where another amount follows, the
    words after the last comma before it introduce that one ("$11 million, potential milestone
    payments of $13 million": "potential" is the second amount's)."""
    tail = INSTEAD_OF.split(_TAIL_END.split(after, maxsplit=1)[0], maxsplit=1)[0]
    if followed and "," in after:
        tail = tail[: after.rfind(",")]
    return tail[:120]


def _pending(kind: str, status: str, pending: bool) -> str:
    return "potential" if pending and kind in _PENDING_KINDS else status


def _trigger(
    release: ReleaseView, index: int, frame: Frame, m: MoneyMention, after: str, bounds_start: int
) -> str | None:
    """The event that triggers a payment, in a few words, or None: the event a trigger verb
    is said of ("The target selection triggers …"), the clause a participle follows
    ("Halvard has enrolled the first subject, earning …"), or the event after "upon", "for",
    "following" or "triggered by"; "this milestone" is the event of the sentence before."""
    text = release.sentences[index].text
    event: str | None = None
    # A trigger verb is said of an event ("Bayer's submission of an IND triggers …"), whatever
    # organisation the event names; a participle follows the clause of its event.
    if frame.verb == TRIGGER or (_PARTICIPLE.match(frame.verb_text) and frame.subject is None):
        event = _event_phrase(text[_clause_start(text, frame.verb_start) : frame.verb_start])
    if event is None:
        own = text[max(frame.verb_end, bounds_start) : m.start] + " " + _TAIL_END.split(after)[0]
        phrase = _EVENT_AFTER.search(own[-300:])
        event = _event_phrase(phrase.group(1), leading=True) if phrase else None
    refers_back = event == "this milestone"
    if refers_back or (event is None and _refers_back(text)):
        return _event_of(release.sentences[index - 1].text) if index > 0 else None
    return event


def _event_phrase(text: str, *, leading: bool = False) -> str | None:
    """A phrase that names an event ("the first subject was enrolled"), tidied; None if it
    names none (a company, a compound, an amount). With ``leading``, the event must be named
    in its first words ("the initiation of …", not "the treatment of … after …")."""
    anchor = list(re.finditer(r"(?i)\b(?:that|announced|reported|today)\s+", text))
    phrase = text[anchor[-1].end() :] if anchor else text
    phrase = re.sub(
        r"^\W*(?:(?:In|On|By)\s+)?(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?\d{4},\s+", "", phrase
    )
    phrase = re.sub(r"\s*\([^)]*\)", "", phrase)
    phrase = re.sub(r"(?i)^\W*(?:the|an?)\s+", "", " ".join(phrase.split()))
    phrase = re.sub(
        r"(?i)(?:[\s,]+(?:earning|generating|triggering|which|and|has|have|had|will|is|was))+$",
        "",
        phrase,
    )
    phrase = phrase.strip(" ,;:*-–")
    if _REFERS_BACK.search(phrase):
        return "this milestone"  # the event is in the sentence before
    words = phrase.split()
    head = " ".join(words[:5]) if leading else phrase
    if not (1 <= len(words) <= 18) or not _EVENT.search(head):
        return None
    return phrase


_EVENT = re.compile(
    r"(?i)\b(?:approv\w*|initiat\w*|start\w*|dos(?:ing|ed)|submi\w*|fil(?:ing|ed)|accept\w*|"
    r"achiev\w*|complet\w*|select\w*|nominat\w*|sale|launch\w*|enrol\w*|declar\w*|exercis\w*|"
    r"signing|execution|closing|reimburs\w*|results?|advance\w*|progress|clearance|designat\w*|"
    r"IND|NDA|BLA|MAA|CTA|trials?|stud(?:y|ies)|proof\s+of|pricing|entry\s+into|expansion|"
    r"extension|becom\w*|became|active|effective)\b"
)
_PARTICIPLE = re.compile(r"(?i)\w+ing$")  # "…, earning Orvane $15 million"
_EVENT_AFTER = re.compile(
    r"(?i)\b(?:triggered\s+by|upon|for|following|after|in\s+connection\s+with|related\s+to)\s+"
    r"((?:the\s+)?[^,;.]{4,120}?)(?=[,;.]|\s+(?:and|as|which|under|in\s+the\s+\w+\s+quarter)\b|$)"
)
_SAME_PAYMENT = re.compile(
    r"(?i)\W*(?:the|this|that)\s+(?:[\w-]+\s+){0,2}(?:payment|milestone|fee)s?\b(?![^.]{0,40}\$)"
)
_REFERS_BACK = re.compile(
    r"(?i)\b(?:this|the)\s+(?:event|milestone|achievement|progress|selection|decision)\b"
)


def _refers_back(text: str) -> bool:
    return bool(_REFERS_BACK.search(text))


def _event_of(previous: str) -> str | None:
    """The event a previous sentence reports: what follows its "announced that"."""
    m = re.search(
        r"(?i)\b(?:announced|reported)\s+(?:today\s+)?that\s+(.{8,200}?)(?:[,.;]|$)", previous
    )
    return _event_phrase(m.group(1)) if m else None


# ---- undisclosed amounts -------------------------------------------------------------------------


def _undisclosed(
    release: ReleaseView, index: int, sentence: Sentence, mentions: list[Mention]
) -> list[_Draft]:
    """'X received an upfront payment', 'triggers two milestone payments to X': payments whose
    amount the release does not disclose (the money is unknown, not zero)."""
    drafts = []
    text = sentence.text
    for m in _UNDISCLOSED.finditer(text):
        if any(
            m.start() <= a.start < m.end()  # "triggers a CHF 5 million milestone payment"
            or (a.start >= m.end() and _AMOUNT_FOLLOWS.fullmatch(text[m.end() : a.start]))
            for a in release.money(sentence)
        ):
            continue
        raw = m.group("kind").lower()
        kind = {"upfront": "upfront", "up-front": "upfront", "milestone": "milestone"}.get(
            raw, "option_fee" if raw.startswith("option") else "license_fee"
        )
        frame = _frame_for(release, sentence, mentions, m.end(), m.end())
        if FORWARD_LOOKING.search(frame.lead[-80:] + text[frame.verb_start : m.start()]):
            continue
        payer, payee = frame.roles()
        count = (m.group("count") or "").lower()
        if m.group("plural") and count in ("", "a", "an", "one"):
            continue  # "will receive milestone payments": how many, and of what, is not said
        status = "potential" if not m.group("owed") and kind in _CONTINGENT_KINDS else "earned"
        for _ in range(_COUNTS.get(count, 1)):
            payment = Payment(kind, status, Span(sentence.start, sentence.end), None, payer, payee)
            roles = _count(payer, payee)
            drafts.append(_Draft(payment, index, sentence.zone, roles, True, True, distinct=True))
    return drafts


# "X will pay 50 percent of the upfront payment to Y", "X is required to pay a percentage of
# any milestone payments … to Y": a share of the deal's money passed on to a third party, owed
# by the clause's subject to the company after "to"; its amount is not stated.
_SHARE_OF_PAYMENTS = re.compile(
    r"(?i)\bpay\s+(?:an?\s+(?:percentage|portion|share|part)|\d+(?:\.\d+)?\s*(?:percent|per\s+cent|%))"
    r"\s+of\s+(?:the\s+|any\s+|all\s+|each\s+of\s+the\s+)?(?:[\w-]+\s+){0,4}?(?:payments?|amounts?"
    r"|proceeds|income|consideration|fees?)\b"
)


def _shares_passed_on(
    release: ReleaseView, index: int, sentence: Sentence, mentions: list[Mention]
) -> list[_Draft]:
    """A share of the deal's money the subject must pass on to a company the sentence names
    after "to": a payment of unknown amount. Both sides must be stated."""
    text = sentence.text
    drafts = []
    for m in _SHARE_OF_PAYMENTS.finditer(text):
        if any(m.start() <= a.start < m.end() for a in release.money(sentence)):
            continue  # "pay 50 percent of the $10 million": the amount is stated
        end = _clause_end(text, m.end())
        payee = next(
            (
                c.org
                for c in mentions
                if m.end() <= c.start < end and _SLOT_BEFORE["to"].search(text, 0, c.start)
            ),
            None,
        )
        payer = _subject(release, text, mentions, _clause_start(text, m.start()), m.start())
        lead = text[: m.start()]
        if payee is None or payer is None or payer.org in (None, payee):
            continue
        if FORWARD_LOOKING.search(lead[-80:]):
            continue
        payment = Payment("other", "potential", Span(sentence.start, sentence.end), None)
        payment.payer, payment.payee = payer.org, payee
        drafts.append(
            _Draft(
                payment, index, sentence.zone, 2, True, True, True, shareable=False, passed_on=True
            )
        )
    return drafts


# ---- filling in and merging ----------------------------------------------------------------------


# "The milestone payment will consist of $2.8 million in cash and $2.4 million in equity": the
# amounts are the parts of the payment the sentence before stated.
_PARTS_OF_EARLIER = re.compile(
    r"(?i)^\W*(?:the|this|that|such)\s+(?:[\w-]+\s+){0,2}payments?\s+(?:will\s+|would\s+|shall\s+)?"
    r"(?:consists?|comprises?|be\s+made\s+up|is\s+made\s+up)\b"
)


def _parts_of_an_earlier_payment(release: ReleaseView, drafts: list[_Draft]) -> None:
    """Each part takes the parties, kind and status of the payment it is a part of."""
    for d in drafts:
        if not _PARTS_OF_EARLIER.match(release.sentences[d.sentence].text):
            continue
        earlier = [e for e in drafts if e.sentence < d.sentence and e.payment.money is not None]
        if not earlier:
            continue
        whole, part = earlier[-1].payment, d.payment
        part.payer, part.payee = whole.payer, whole.payee
        part.kind, part.status = whole.kind, whole.status
        d.explicit_roles = earlier[-1].explicit_roles


def _fill_missing_roles(release: ReleaseView, drafts: list[_Draft]) -> None:
    """A role the clause leaves open comes from the other side of the deal."""
    for d in drafts:
        p = d.payment
        d.stated = (p.payer, p.payee)
        if p.payer is not None and p.payer == p.payee:
            p.payer = None  # a company does not pay itself: one of the two readings is wrong
            d.explicit_roles = 1
    explicit = Counter(
        (d.payment.payer, d.payment.payee)
        for d in drafts
        if d.explicit_roles == 2 and not d.passed_on
    )
    direction = explicit.most_common(1)[0][0] if explicit else _direction_of(release, drafts)
    for d in drafts:
        p = d.payment
        local = _sentence_direction(d, drafts) or direction
        if d.to_lenders:
            p.payer = p.payer or local[0]
            continue
        if p.payer is None and d.from_a_source:
            # "$700,000 from the sale of fixed assets": whoever paid, not the partner; the
            # buyer where the sale names one ("from the sale of AV-9 to Tenby")
            buyer = d.frame.slots.get("to") if d.frame is not None else None
            p.payer = buyer if buyer != p.payee else None
            p.payee = p.payee or local[1]
            continue
        party = _deal_party_in_sentence(release, d) if None in (p.payer, p.payee) else None
        if p.payer is None and p.payee is None:
            p.payer, p.payee = _deal_said_before(release, d, local) or _with_party(
                local, party, release.issuer
            )
        elif p.payer is None:
            known = p.payee
            p.payer = party if party not in (None, known) else _counterpart(release, known, local)
        elif p.payee is None:
            known = p.payer
            p.payee = party if party not in (None, known) else _counterpart(release, known, local)
        if party is not None and party in (p.payer, p.payee):
            d.explicit_roles = 2  # the sentence names the deal's other side: firmer than a default
        if d.payer_open:
            p.payer = None
        if d.payee_open:
            p.payee = None
        if p.payer == p.payee:
            p.payer = None


# "… a $15 million up-front payment in a deal in which Y gained rights to X": the other party of
# the deal the payment's own sentence names
_DEAL_IN_WHICH = re.compile(
    r"(?i)\b(?:deal|agreement|transaction|arrangement|collaboration|partnership)\s+"
    r"(?:in\s+which|under\s+which|whereby)\s+(?:the\s+)?$"
)


def _with_party(
    direction: tuple[str | None, str | None], party: str | None, issuer: str | None
) -> tuple[str | None, str | None]:
    """The deal's direction with the other side the sentence names in place of the partner."""
    payer, payee = direction
    if party is None or issuer is None or party in direction:
        return direction
    if payee == issuer:
        return party, payee
    return (payer, party) if payer == issuer else direction


def _deal_party_in_sentence(release: ReleaseView, draft: _Draft) -> str | None:
    """The company the payment's sentence introduces as the other party of its deal ("in a
    deal in which Y …"), if it names one."""
    sentence = release.sentences[draft.sentence]
    for m in release.mentions(sentence, issuer_words=False):
        if m.agency or m.org == release.issuer or m.org in release.own_side:
            continue
        if _DEAL_IN_WHICH.search(sentence.text, max(0, m.start - 60), m.start):
            return m.org
    return None


# "The deal, which could exceed $123 million, …": the deal the sentence before spoke of
_THE_DEAL_OPENS = re.compile(r"(?i)\s*the\s+(?:deal|acquisition|transaction|agreement|purchase)\b")


def _deal_said_before(
    release: ReleaseView, draft: _Draft, direction: tuple[str | None, str | None]
) -> tuple[str | None, str | None] | None:
    """The parties of a sentence that opens with "The deal": the issuer and the one other
    company the sentence before names, in the release's direction."""
    if draft.sentence == 0 or not _THE_DEAL_OPENS.match(release.sentences[draft.sentence].text):
        return None
    before = release.sentences[draft.sentence - 1]
    others = {
        m.org
        for m in release.mentions(before, issuer_words=False)
        if not m.agency and m.org != release.issuer and m.org not in release.own_side
    }
    if len(others) != 1 or release.issuer is None:
        return None
    (other,) = others
    return (release.issuer, other) if direction[0] == release.issuer else (other, release.issuer)


def _direction_of(release: ReleaseView, drafts: list[_Draft]) -> tuple[str | None, str | None]:
    """Who pays whom in the release's deal where no frame names both sides: the issuer pays
    its partner if its own frames say it pays more often than it receives, else the partner
    pays the issuer (a release mostly announces money coming in)."""
    issuer, partner = release.issuer, release.partner
    drafts = [d for d in drafts if not d.passed_on]
    # A frame that names only the other side says it too: "a payment to Y" is money going out.
    pays = sum(1 for d in drafts if d.explicit_roles and _out(d.payment, issuer))
    receives = sum(1 for d in drafts if d.explicit_roles and _out(d.payment, issuer, inward=True))
    if issuer and _issuer_buys(release):
        return issuer, partner
    return (issuer, partner) if issuer and pays > receives else (partner, issuer)


def _out(payment: Payment, issuer: str | None, *, inward: bool = False) -> bool:
    """Whether the payment leaves the issuer (with ``inward``, reaches it), by the role its
    frame names: the issuer's own, or only the other side's."""
    own, other = (payment.payee, payment.payer) if inward else (payment.payer, payment.payee)
    return own == issuer or (own is None and other is not None and other != issuer)


def _issuer_buys(release: ReleaseView) -> bool:
    """The release's lead, or else its headline, says the issuer acquires or in-licenses ("X
    announces that it has agreed to acquire ... from Y", "X Acquires Four Products from Y"):
    the deal's money goes out, whatever no frame says."""
    lead = _lead(release)
    headline = next((s for s in release.sentences if s.zone == "head"), None)
    for sentence in (lead, headline):
        buyer = _buyer(release, sentence) if sentence is not None else None
        if buyer is not None:
            return buyer == release.issuer
    return False


def _buyer(release: ReleaseView, sentence: Sentence) -> str | None:
    """The subject of the sentence's first verb of acquiring, if it names one."""
    mentions = list(release.mentions(sentence))
    for verb in _VERB.finditer(sentence.text):
        if verb.lastgroup != ACQUIRE:
            continue
        subject = _subject(release, sentence.text, mentions, 0, verb.start())
        if subject is None and _IT_REPORTS.search(sentence.text, 0, verb.start()) and mentions:
            subject = mentions[0]  # "X announces that it has resolved … to acquire"
        return subject.org if subject is not None else None
    return None


def _sentence_direction(
    draft: _Draft, drafts: list[_Draft]
) -> tuple[str | None, str | None] | None:
    """The explicit frame of another amount in the same sentence that shares a role with this
    one: "Medivation paid BioMarin $410 million, and BioMarin is entitled to $160 million"."""
    p = draft.payment
    for d in drafts:
        q = d.payment
        if d is draft or d.sentence != draft.sentence or d.explicit_roles < 2 or not d.shareable:
            continue
        if (p.payee is not None and p.payee == q.payee) or (p.payer and p.payer == q.payer):
            return q.payer, q.payee
        if p.payer is None and p.payee is None:
            return q.payer, q.payee
    return None


def _counterpart(
    release: ReleaseView, known: str | None, direction: tuple[str | None, str | None]
) -> str | None:
    payer, payee = direction
    if known == payee:
        return payer
    if known == payer:
        return payee
    if known == release.issuer or known in release.own_side:
        return release.partner  # "its subsidiary Atugen AG will receive …": from the partner
    return release.issuer


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One payment per amount the release states, however often it states it."""
    kept: list[_Draft] = []
    for d in sorted(drafts, key=lambda d: (d.zone == "head", d.sentence)):
        candidates = [k for k in kept if _restates(k, d)]
        same = next((k for k in candidates if k.payment.kind == d.payment.kind), None) or next(
            iter(candidates), None
        )
        if same is None:
            kept.append(d)
        else:
            _combine(same, d)
    kept.sort(key=lambda d: (d.zone == "head", d.sentence))
    return kept


def _merge_conversions(release: ReleaseView, drafts: list[_Draft]) -> list[_Draft]:
    """'¥1.2 billion (~$10 million)' in the body and '$10 million' in the headline: one
    payment, kept in the currency the deal is stated in."""
    converted: dict[tuple[Decimal, str], tuple[Decimal, str]] = {}
    for s in release.sentences:
        if s.zone in NO_FACT_ZONES:
            continue
        original = None
        for m in release.money(s):
            if not m.conversion:
                original = m
            elif original is not None:
                converted.setdefault((m.amount, m.currency), (original.amount, original.currency))
    kept: list[_Draft] = []
    for d in drafts:
        money = d.payment.money
        stated = converted.get((money.amount, money.currency)) if money else None
        target = next(
            (
                k
                for k in drafts
                if k is not d
                and k.payment.money is not None
                and (k.payment.money.amount, k.payment.money.currency) == stated
                and (
                    k.payment.kind == d.payment.kind or "other" in (k.payment.kind, d.payment.kind)
                )
            ),
            None,
        )
        if target is None:
            kept.append(d)
        else:
            _combine(target, d)
    return kept


_PRICE_KINDS = {"acquisition", "upfront"}


def _restates(kept: _Draft, other: _Draft) -> bool:
    a, b = kept.payment, other.payment
    if (a.money is None) != (b.money is None):
        # "Immutep received a milestone payment" beside "the milestone payment of $1 million";
        # never "triggers an undisclosed milestone payment" beside the "up to US$700 million"
        # of milestones it is one of (each firmly read, one earned, one potential)
        said_apart = kept.explicit_status and other.explicit_status and a.status != b.status
        return (
            a.kind == b.kind
            and _compatible(a.payer, b.payer)
            and _compatible(a.payee, b.payee)
            and not said_apart
        )
    if a.money is None or b.money is None:
        return False
    if a.money != b.money and not _rounded(kept, other):
        return False
    totals = "aggregate" in (a.qualifier, b.qualifier) and "other" in (a.kind, b.kind)
    if other.distinct and other.zone != "head" and kept.zone != "head" and not totals:
        return False  # "an additional $5 million", unless a deal's total is said again
    if kept.sentence == other.sentence:
        # "$25 million on April 14 and an additional $25 million upon approval": two payments
        return a.kind == b.kind and a.status == b.status
    # a sale's price "for $130 million" and "a lump sum of $130 million upon closing": one
    if a.kind != b.kind and "other" not in (a.kind, b.kind) and {a.kind, b.kind} != _PRICE_KINDS:
        return False
    return (
        (_compatible(a.payer, b.payer) and _compatible(a.payee, b.payee))
        or min(kept.explicit_roles, other.explicit_roles) == 0
        # (a role one mention leaves to the deal's direction and the other names is no conflict)
        or _stated_alike(kept.stated, other.stated)
    )


def _stated_alike(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    """Two mentions' stated roles fit one payment: no role named differently, and no company
    named as payer by one and payee by the other."""
    payer, payee = a[0] or b[0], a[1] or b[1]
    return _compatible(a[0], b[0]) and _compatible(a[1], b[1]) and (payer is None or payer != payee)


def _rounded(kept: _Draft, other: _Draft) -> bool:
    """One amount restated with fewer digits: 'to Receive $24 Million' in the headline for
    '$24.1 million' in the body (within 5%); 'a deal worth up to 1.2 trillion won' and '1.27
    trillion won' for 'the total contract value is 1.272 trillion won' anywhere (the precise
    amount rounded or cut short)."""
    a, b = kept.payment.money, other.payment.money
    if a is None or b is None or a.currency != b.currency:
        return False
    short, long = sorted((a.amount, b.amount), key=_significant_digits)
    digits = _significant_digits(short)
    if digits >= _significant_digits(long):
        return False
    unit = Decimal(1).scaleb(long.adjusted() - digits + 1)
    rounded = short in (long.quantize(unit, ROUND_DOWN), long.quantize(unit, ROUND_HALF_UP))
    if "head" in (kept.zone, other.zone):
        # a headline rounds the body, not the other way round: "at maximum $796 million" in
        # the headline is the sum of $6 million and "up to $790 million" in the body; and
        # "to earn EUR875m" is no rounding of "up to EUR857.5 million" (their sum with EUR17.5
        # million, the deal's value)
        in_head = a if kept.zone == "head" else b
        return in_head.amount == short and rounded
    if kept.payment.kind != "other" or other.payment.kind != "other":
        return False  # a deal's value is what gets restated; two milestones are two payments
    return rounded


def _significant_digits(amount: Decimal) -> int:
    return len(amount.normalize().as_tuple().digits)


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _combine(keep: _Draft, other: _Draft) -> None:
    """Complete a payment from another mention of it, the firmer reading of each field winning."""
    k, o = keep.payment, other.payment
    if k.kind == "other" and o.kind != "other":
        k.kind = o.kind
    keep.explicit_kind = keep.explicit_kind or other.explicit_kind
    # An explicit reading beats a default; of two, "earned" wins (a headline's "earns" over the
    # body's "will pay"), except over an upfront the release holds back until closing.
    firmer = not keep.explicit_status or o.status == "earned"
    held_back = k.status == "potential" and keep.explicit_status and k.kind == "upfront"
    if other.explicit_status and firmer and not held_back:
        k.status = o.status
        keep.explicit_status = True
    if other.explicit_roles > keep.explicit_roles:
        k.payer, k.payee = o.payer, o.payee
        keep.explicit_roles = other.explicit_roles
    if k.money is None or (
        o.money is not None
        and o.money.currency == k.money.currency
        and _significant_digits(o.money.amount) > _significant_digits(k.money.amount)
    ):
        k.money = o.money  # the precise statement of a rounded amount
    k.qualifier = k.qualifier or o.qualifier
    k.trigger = k.trigger or o.trigger
    k.compound = k.compound or o.compound


def _drop_sums_of_parts(release: ReleaseView, drafts: list[_Draft]) -> list[_Draft]:
    """'GBP4.5 million upfront cash and equity' beside GBP1.7 million upfront and GBP2.8 million
    in equity: the bundle restates its parts and is not a payment of its own. A payment the
    text names whole and then breaks down ("received $28 million as an initial payment. The
    payment includes a $10 million fee and $18 million in equity") stays beside its parts."""
    broken_down = {
        i for i, s in enumerate(release.sentences) if _THE_PAYMENT_INCLUDES.match(s.text)
    }
    kept = []
    for d in drafts:
        parts = _sum_of_others(d, drafts)
        if parts is None:
            kept.append(d)
        elif d.sentence + 1 in broken_down or d.payment.kind == "acquisition" or d.deal_worth:
            # one payment of the two kinds it includes; "to acquire X for up to $1.14bn" or "a
            # licence worth up to $63 million": the deal's value, its upfront and its milestones
            # together, as firm as they are (a total where the words call it one)
            d.payment.kind, d.explicit_kind = "other", True
            if not d.deal_worth:
                d.payment.qualifier = d.payment.qualifier or "aggregate"
            if d.zone == "head":
                d.payment.status = parts[0].status
            kept.append(d)
    return kept


def _totals_of_earned_and_potential_parts(drafts: list[_Draft]) -> None:
    """'Avelor set to earn EUR875m' over a EUR17.5 million upfront and up to EUR857.5 million
    in milestones: a deal's total with a part still to come is potential, whatever the
    headline's tense (a sum of parts of one status is dropped as their restatement)."""
    for d in drafts:
        if d.payment.kind != "other" or (d.explicit_status and d.zone != "head"):
            continue
        if any({a.status, b.status} == {"earned", "potential"} for a, b in _parts_of(d, drafts)):
            d.payment.status = "potential"


def _parts_of(draft: _Draft, drafts: list[_Draft]) -> Iterator[tuple[Payment, Payment]]:
    """Every two other payments, in the draft's currency, whose amounts add up to its own."""
    money = draft.payment.money
    if money is None:
        return
    parts = [
        d.payment
        for d in drafts
        if d is not draft
        and d.payment.money is not None
        and d.payment.money.currency == money.currency
        and d.payment.money.amount < money.amount
    ]
    for i, a in enumerate(parts):
        for b in parts[i + 1 :]:
            if a.money.amount + b.money.amount == money.amount:  # type: ignore[union-attr]
                yield a, b


def _sum_of_others(draft: _Draft, drafts: list[_Draft]) -> tuple[Payment, Payment] | None:
    """The two payments of different kinds the draft's amount is the sum of, if any (a
    headline's tense says nothing of the parts' status: "X acquires Y for $310M")."""
    if draft.payment.qualifier == "aggregate" or draft.broken_down:
        return None  # a total the text says is a total, or breaks down itself
    firm = draft.explicit_status and draft.zone != "head"
    return next(
        (
            (a, b)
            for a, b in _parts_of(draft, drafts)
            if a.kind != b.kind  # a bundle restates parts of two kinds ("cash and equity")
            and a.status == b.status
            and (a.status == draft.payment.status or not firm)
        ),
        None,
    )
