"""The one place Python names ontology terms.

``KG`` is a closed namespace: ``KG.Paymnet`` raises instead of minting a new IRI, and
``tests/test_ontology.py`` checks that every term listed here is declared, labelled and
commented in ``ontology/kg.ttl`` (and that the ontology declares nothing missing here).

Controlled words (payment kinds, statuses, phases, ...) are SKOS concepts, one scheme each;
:func:`concept` maps a word used in :mod:`kg.facts` to its concept IRI.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import ClosedNamespace

from kg import facts

BASE = "https://w3id.org/biopharma-kg/"
ONTOLOGY_IRI = BASE + "ontology"
ID = Namespace(BASE + "id/")
VOCAB = BASE + "vocab/"

CLASSES = (
    "Release",
    "Fact",
    "Evidence",
    "Organization",
    "Person",
    "Position",
    "Agreement",
    "Compound",
    "RegulatoryEvent",
    "PaymentEvent",
    "MonetaryAmount",
    "Acquisition",
    "Partnership",
    "PaymentKind",
    "PaymentStatus",
    "PaymentQualifier",
    "AgreementKind",
    "AgreementStatus",
    "RegulatoryEventKind",
    "DevelopmentPhase",
    "OrganizationPair",
)

PROPERTIES = (
    # releases and provenance
    "title",
    "published",
    "issuer",
    "source",
    "contentHash",
    "statedIn",
    "evidence",
    "sentence",
    "start",
    "end",
    "inRelease",
    "precedingSentence",
    # names
    "name",
    "alias",
    "nameKey",
    "ticker",
    "exchange",
    # people
    "holder",
    "organization",
    "involves",
    "roleTitle",
    # agreements
    "agreementKind",
    "agreementStatus",
    "party",
    "licensor",
    "licensee",
    "technology",
    "target",
    "exclusive",
    "royalties",
    # compounds and events
    "payload",
    "developer",
    "phase",
    "indication",
    "eventKind",
    "compound",
    "sponsor",
    "date",
    # payments and money
    "paymentKind",
    "paymentStatus",
    "qualifier",
    "amount",
    "value",
    "currency",
    "payer",
    "payee",
    "trigger",
    "underAgreement",
    # acquisitions and partnerships
    "acquirer",
    "acquired",
    "price",
    "pricePerShare",
    "year",
    "partner",
    # controlled words
    "phaseRank",
    # identity across releases
    "subOrganizationOf",
    "canonical",
    "restates",
    "conflictsWith",
    "canonicalName",
    "countedUnder",
    "countedWithoutAgreement",
    "withoutPayments",
    "partyNames",
    "canonicalPayer",
    "canonicalPayee",
    "between",
    "linkedBy",
    "firstPublished",
    "lastPublished",
)

KG = ClosedNamespace(BASE + "ontology#", [*CLASSES, *PROPERTIES])

# One SKOS concept scheme per controlled word list: scheme slug -> (class, words).
SCHEMES: dict[str, tuple[URIRef, tuple[str, ...]]] = {
    "payment-kind": (KG.PaymentKind, facts.PAYMENT_KINDS),
    "payment-status": (KG.PaymentStatus, facts.PAYMENT_STATUSES),
    "payment-qualifier": (KG.PaymentQualifier, facts.QUALIFIERS),
    "agreement-kind": (KG.AgreementKind, facts.AGREEMENT_KINDS),
    "agreement-status": (KG.AgreementStatus, facts.AGREEMENT_STATUSES),
    "regulatory-event-kind": (KG.RegulatoryEventKind, facts.REGULATORY_EVENT_KINDS),
    "phase": (KG.DevelopmentPhase, facts.PHASES),
}


def word_slug(word: str) -> str:
    """'IND submission' -> 'ind-submission'; 'per_product' stays 'per_product'."""
    return word.strip().lower().replace(" ", "-")


def scheme_iri(scheme: str) -> URIRef:
    return URIRef(f"{VOCAB}{scheme}")


def concept(scheme: str, word: str) -> URIRef:
    """The concept IRI for ``word`` in ``scheme``; a word outside the scheme is a KeyError."""
    _cls, words = SCHEMES[scheme]
    if word not in words:
        raise KeyError(f"{word!r} is not in the {scheme} scheme ({', '.join(words)})")
    return URIRef(f"{VOCAB}{scheme}/{word_slug(word)}")


def all_concepts() -> dict[URIRef, tuple[str, str]]:
    """Every concept IRI with its scheme slug and word (its skos:notation)."""
    return {
        concept(scheme, word): (scheme, word)
        for scheme, (_cls, words) in SCHEMES.items()
        for word in words
    }
