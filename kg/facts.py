"""The facts read out of one release: plain values passed from extraction to the graph builder.

The shape mirrors the gold records in the shared corpus (see ``SCHEMA.md`` there), with one
addition: every fact carries the :class:`Span` of the sentence it was read from, so the graph
can say where each fact came from.

Organisations are referred to by their ``name`` inside one release; :mod:`kg.resolve` turns
names into identities that hold across releases.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

PAYMENT_KINDS = (
    "milestone",
    "upfront",
    "royalty",
    "equity",
    "license_fee",
    "option_fee",
    "research_funding",
    "acquisition",
    "other",
)
PAYMENT_STATUSES = ("earned", "potential")
QUALIFIERS = ("per_product", "per_target", "aggregate")
AGREEMENT_KINDS = (
    "license",
    "collaboration",
    "option",
    "technology_access",
    "co_development",
    "supply",
    "merger",
    "other",
)
AGREEMENT_STATUSES = (
    "new",
    "expanded",
    "extended",
    "amended",
    "terminated",
    "option_exercised",
    "in_force",
)
REGULATORY_EVENT_KINDS = (
    "IND submission",
    "IND active",
    "BLA submission",
    "NDA submission",
    "MAA submission",
    "approval",
    "phase start",
)
PHASES = ("Preclinical", "Phase I", "Phase II", "Phase III", "Approved")


@dataclass(frozen=True)
class Span:
    """Character offsets ``[start, end)`` of a sentence in the release text."""

    start: int
    end: int

    def quote(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass
class Organization:
    name: str
    evidence: Span
    aliases: list[str] = field(default_factory=list)
    ticker: str | None = None
    exchange: str | None = None
    parent: str | None = None  # the ``name`` of the organisation this one is a unit of


@dataclass
class Person:
    name: str
    evidence: Span
    role: str | None = None
    organization: str | None = None


@dataclass
class Money:
    """An amount in a currency's unit: ``Money(Decimal("2000000"), "USD")`` for "$2 million"."""

    amount: Decimal
    currency: str


@dataclass
class Payment:
    kind: str
    status: str
    evidence: Span
    money: Money | None = None  # None: the release does not disclose the amount (not zero)
    payer: str | None = None
    payee: str | None = None
    qualifier: str | None = None
    trigger: str | None = None
    compound: str | None = None
    agreement: int | None = None  # index into ReleaseFacts.agreements
    date: date | None = None


@dataclass
class Agreement:
    kind: str
    evidence: Span
    parties: list[str] = field(default_factory=list)
    licensor: str | None = None
    licensee: str | None = None
    technology: str | None = None
    target: str | None = None
    exclusive: bool | None = None
    royalties: bool | None = None
    status: str | None = None


@dataclass
class Acquisition:
    acquirer: str
    acquired: str
    evidence: Span
    price: Money | None = None
    price_per_share: Money | None = None
    year: int | None = None


@dataclass
class Partnership:
    organization: str
    partner: str
    evidence: Span


@dataclass
class Compound:
    name: str
    evidence: Span
    aliases: list[str] = field(default_factory=list)
    target: str | None = None
    payload: str | None = None
    developer: str | None = None
    phase: str | None = None
    indications: list[str] = field(default_factory=list)


@dataclass
class RegulatoryEvent:
    kind: str
    evidence: Span
    compound: str | None = None
    sponsor: str | None = None
    date: date | None = None


@dataclass
class ReleaseFacts:
    """Everything read out of one release, with the text the spans point into."""

    text: str
    title: str | None = None
    published: date | None = None
    issuer: str | None = None
    title_evidence: Span | None = None
    organizations: list[Organization] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    payments: list[Payment] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    acquisitions: list[Acquisition] = field(default_factory=list)
    partnerships: list[Partnership] = field(default_factory=list)
    compounds: list[Compound] = field(default_factory=list)
    regulatory_events: list[RegulatoryEvent] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
