"""Build one release's named graph from the facts read out of it.

Every fact node is typed with its class, points to the release it was stated in
(``kg:statedIn``) and to the sentence that states it (``kg:evidence``: the quoted sentence and
its character offsets in the release text). Organisations, people and compounds get IRIs that
hold across releases (:mod:`kg.resolve`); agreements, payments and events are release-scoped.
Nothing here decides what a fact *is*; it only writes down what extraction found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from rdflib import RDF, XSD, Graph, Literal, URIRef

from kg import facts as f
from kg.namespace import KG, concept
from kg.read import Release
from kg.resolve import (
    NameResolver,
    compound_iri,
    graph_iri,
    organization_iri,
    person_iri,
    release_iri,
)

Triple = tuple[URIRef, URIRef, URIRef | Literal]


@dataclass(frozen=True)
class ReleaseGraph:
    """A release's graph, ready to validate and load into the named graph ``iri``.

    It is kept as a plain tuple of triples: an rdflib ``Graph`` costs about 15 µs a triple to
    fill, and ingest needs one only when pySHACL must explain a rejected release.
    """

    iri: URIRef
    release: URIRef
    source: str
    triples: tuple[Triple, ...]

    @classmethod
    def of_graph(cls, iri: URIRef, release: URIRef, source: str, graph: Graph) -> ReleaseGraph:
        return cls(iri=iri, release=release, source=source, triples=tuple(graph))

    @cached_property
    def graph(self) -> Graph:
        """The triples as an rdflib graph named ``iri`` (for pySHACL and for tests)."""
        graph = Graph(identifier=self.iri)
        graph.bind("kg", str(KG))
        graph.addN((s, p, o, graph) for s, p, o in self.triples)
        return graph

    @cached_property
    def terms(self) -> list[tuple[str, str, str]]:
        """The triples as N-Triples terms, as pyrudof and the store take them."""
        written: dict[URIRef, str] = {}  # an IRI is in many triples: rdflib checks it each time

        def term(node: URIRef | Literal) -> str:
            if isinstance(node, Literal):
                return ntriples_term(node)
            if node not in written:
                written[node] = node.n3()
            return written[node]

        return [(term(s), term(p), term(o)) for s, p, o in self.triples]

    @cached_property
    def ntriples(self) -> str:
        """The graph as N-Triples: how it travels between processes and into the store."""
        return "".join(f"{s} {p} {o} .\n" for s, p, o in self.terms)


def ntriples_term(term: URIRef | Literal) -> str:
    """A term in N-Triples syntax. rdflib's ``n3()`` writes a multi-line literal in Turtle's
    long-string form, which is not N-Triples (pyrudof rejects it); pyoxigraph writes the
    escaped one-line form."""
    if not isinstance(term, Literal):
        return term.n3()
    import pyoxigraph as ox

    if term.language:
        return str(ox.Literal(str(term), language=term.language))
    datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
    return str(ox.Literal(str(term), datatype=datatype))


def name_key_literal(name: str) -> Literal:
    """The kg:nameKey of a name: the name in lower case, white space made single, which is
    what a query looks a name up by (kg.query lower-cases the name asked for the same way)."""
    return Literal(" ".join(name.lower().split()))


def decimal_literal(value: Decimal) -> Literal:
    """An exact xsd:decimal in canonical form ('170500000', '250000.5'), as Oxigraph stores it,
    so a graph read back from the store is the same graph, term for term."""
    return Literal(format(value.normalize(), "f"), datatype=XSD.decimal)


def build_graph(release: Release, facts: f.ReleaseFacts) -> ReleaseGraph:
    """The named graph of one release: the release node, its facts and their evidence."""
    builder = _Builder(release, facts)
    builder.add_all()
    return ReleaseGraph(
        iri=graph_iri(release.content_hash),
        release=builder.release,
        source=release.source,
        triples=tuple(builder.triples),
    )


class _Builder:
    def __init__(self, release: Release, facts: f.ReleaseFacts) -> None:
        self.text = release.text
        self.source = release.source
        self.content_hash = release.content_hash
        self.facts = facts
        self.names = NameResolver(facts)
        self.release = release_iri(release.content_hash)
        self.triples: dict[Triple, None] = {}  # an ordered set
        self._organizations_seen: set[URIRef] = set()
        self._compounds_seen: set[URIRef] = set()

    # -- helpers -----------------------------------------------------------------------------

    def add(self, subject: URIRef, predicate: URIRef, value: object) -> None:
        """Add a triple unless the value is missing; plain Python values become literals."""
        if value is None:
            return
        if isinstance(value, URIRef | Literal):
            obj = value
        elif isinstance(value, Decimal):
            obj = decimal_literal(value)
        else:
            obj = Literal(value)
        self.triples[(subject, predicate, obj)] = None

    def involve(self, fact: URIRef, role: URIRef, organization: URIRef | None) -> None:
        """The organisation in its role, and the materialised ``kg:involves`` link that lets a
        query find every fact about an organisation in one lookup."""
        self.add(fact, role, organization)
        self.add(fact, KG.involves, organization)

    def scoped(self, *parts: object) -> URIRef:
        """A release-scoped IRI: .../release/<hash>/payment/1."""
        return URIRef(f"{self.release}/" + "/".join(str(p) for p in parts))

    def fact(self, node: URIRef, cls: URIRef, evidence: f.Span) -> URIRef:
        self.add(node, RDF.type, cls)
        self.add(node, KG.statedIn, self.release)
        self.add(node, KG.evidence, self.evidence(evidence))
        return node

    def evidence(self, span: f.Span) -> URIRef:
        node = self.scoped("evidence", f"{span.start}-{span.end}")
        if (node, RDF.type, KG.Evidence) not in self.triples:
            self.add(node, RDF.type, KG.Evidence)
            self.add(node, KG.inRelease, self.release)
            self.add(node, KG.sentence, span.quote(self.text))
            # xsd:integer, not nonNegativeInteger: Oxigraph stores derived integer types as
            # xsd:integer, and the graph must read back from the store unchanged.
            self.add(node, KG.start, Literal(span.start, datatype=XSD.integer))
            self.add(node, KG.end, Literal(span.end, datatype=XSD.integer))
            if refers_back(span.quote(self.text)):
                self.add(node, KG.precedingSentence, preceding_sentence(self.text, span.start))
        return node

    def organization(self, name: str | None, evidence: f.Span) -> URIRef | None:
        """The IRI for an organisation name, adding a bare node for names not listed as orgs."""
        if not name:
            return None
        canonical = self.names.organization(name)
        node = organization_iri(canonical)
        if node not in self._organizations_seen:
            self._organizations_seen.add(node)
            self.fact(node, KG.Organization, evidence)
            self.named(node, canonical)
        return node

    def compound(self, name: str | None, evidence: f.Span) -> URIRef | None:
        if not name:
            return None
        canonical = self.names.compound(name)
        node = compound_iri(canonical)
        if node not in self._compounds_seen:
            self._compounds_seen.add(node)
            self.fact(node, KG.Compound, evidence)
            self.named(node, canonical)
        return node

    def named(self, node: URIRef, name: str) -> None:
        self.add(node, KG.name, name)
        self.add(node, KG.nameKey, name_key_literal(name))

    def aliased(self, node: URIRef, alias: str) -> None:
        self.add(node, KG.alias, alias)
        self.add(node, KG.nameKey, name_key_literal(alias))

    def money(self, node: URIRef, money: f.Money | None) -> URIRef | None:
        if money is None:
            return None
        self.add(node, RDF.type, KG.MonetaryAmount)
        self.add(node, KG.value, money.amount)
        self.add(node, KG.currency, money.currency)
        return node

    # -- the facts ---------------------------------------------------------------------------

    def add_all(self) -> None:
        self.add_release()
        for org in self.facts.organizations:
            self.add_organization(org)
        for compound in self.facts.compounds:
            self.add_compound(compound)
        for person in self.facts.people:
            self.add_person(person)
        agreements = [self.add_agreement(i, a) for i, a in enumerate(self.facts.agreements, 1)]
        for i, payment in enumerate(self.facts.payments, 1):
            self.add_payment(i, payment, agreements)
        for i, acquisition in enumerate(self.facts.acquisitions, 1):
            self.add_acquisition(i, acquisition)
        for i, partnership in enumerate(self.facts.partnerships, 1):
            self.add_partnership(i, partnership)
        for i, event in enumerate(self.facts.regulatory_events, 1):
            self.add_regulatory_event(i, event)

    def add_release(self) -> None:
        node, facts = self.release, self.facts
        self.add(node, RDF.type, KG.Release)
        self.add(node, KG.source, self.source)
        self.add(node, KG.contentHash, self.content_hash)
        self.add(node, KG.title, facts.title)
        self.add(node, KG.published, facts.published)
        if facts.issuer:
            span = facts.title_evidence or f.Span(0, 0)
            self.add(node, KG.issuer, self.organization(facts.issuer, span))

    def add_organization(self, org: f.Organization) -> None:
        node = self.organization(org.name, org.evidence)
        for alias in org.aliases:
            if alias != org.name:
                self.aliased(node, alias)
        self.add(node, KG.ticker, org.ticker)
        self.add(node, KG.exchange, org.exchange)
        if org.parent and self.names.organization(org.parent) != self.names.organization(org.name):
            self.add(node, KG.subOrganizationOf, self.organization(org.parent, org.evidence))

    def add_compound(self, compound: f.Compound) -> None:
        node = self.compound(compound.name, compound.evidence)
        for alias in compound.aliases:
            if alias != compound.name:
                self.aliased(node, alias)
        self.add(node, KG.target, compound.target)
        self.add(node, KG.payload, compound.payload)
        self.add(node, KG.developer, self.organization(compound.developer, compound.evidence))
        if compound.phase:
            self.add(node, KG.phase, concept("phase", compound.phase))
        for indication in compound.indications:
            self.add(node, KG.indication, indication)

    def add_person(self, person: f.Person) -> None:
        node = self.fact(person_iri(person.name), KG.Person, person.evidence)
        self.add(node, KG.name, person.name)
        if person.role or person.organization:
            position = self.fact(
                self.scoped("position", slug_of(node)), KG.Position, person.evidence
            )
            self.add(position, KG.holder, node)
            self.add(position, KG.roleTitle, person.role)
            self.add(
                position, KG.organization, self.organization(person.organization, person.evidence)
            )

    def add_agreement(self, index: int, agreement: f.Agreement) -> URIRef:
        node = self.fact(self.scoped("agreement", index), KG.Agreement, agreement.evidence)
        span = agreement.evidence
        self.add(node, KG.agreementKind, concept("agreement-kind", agreement.kind))
        if agreement.status:
            self.add(node, KG.agreementStatus, concept("agreement-status", agreement.status))
        # A licensor and a licensee are parties, whether or not the text lists them as such.
        for party in (*agreement.parties, agreement.licensor, agreement.licensee):
            self.involve(node, KG.party, self.organization(party, span))
        self.add(node, KG.licensor, self.organization(agreement.licensor, span))
        self.add(node, KG.licensee, self.organization(agreement.licensee, span))
        self.add(node, KG.technology, agreement.technology)
        self.add(node, KG.target, agreement.target)
        self.add(node, KG.exclusive, agreement.exclusive)
        self.add(node, KG.royalties, agreement.royalties)
        return node

    def add_payment(self, index: int, payment: f.Payment, agreements: list[URIRef]) -> None:
        node = self.fact(self.scoped("payment", index), KG.PaymentEvent, payment.evidence)
        span = payment.evidence
        self.add(node, KG.paymentKind, concept("payment-kind", payment.kind))
        self.add(node, KG.paymentStatus, concept("payment-status", payment.status))
        if payment.qualifier:
            self.add(node, KG.qualifier, concept("payment-qualifier", payment.qualifier))
        self.add(
            node, KG.amount, self.money(self.scoped("payment", index, "amount"), payment.money)
        )
        self.involve(node, KG.payer, self.organization(payment.payer, span))
        self.involve(node, KG.payee, self.organization(payment.payee, span))
        self.add(node, KG.trigger, payment.trigger)
        self.add(node, KG.compound, self.compound(payment.compound, span))
        if payment.agreement is not None and 0 <= payment.agreement < len(agreements):
            self.add(node, KG.underAgreement, agreements[payment.agreement])
        self.add(node, KG.date, payment.date)

    def add_acquisition(self, index: int, acquisition: f.Acquisition) -> None:
        node = self.fact(self.scoped("acquisition", index), KG.Acquisition, acquisition.evidence)
        span = acquisition.evidence
        self.involve(node, KG.acquirer, self.organization(acquisition.acquirer, span))
        self.involve(node, KG.acquired, self.organization(acquisition.acquired, span))
        self.add(
            node,
            KG.price,
            self.money(self.scoped("acquisition", index, "price"), acquisition.price),
        )
        per_share = self.scoped("acquisition", index, "price-per-share")
        self.add(node, KG.pricePerShare, self.money(per_share, acquisition.price_per_share))
        if acquisition.year is not None:
            self.add(node, KG.year, Literal(str(acquisition.year), datatype=XSD.gYear))

    def add_partnership(self, index: int, partnership: f.Partnership) -> None:
        node = self.fact(self.scoped("partnership", index), KG.Partnership, partnership.evidence)
        span = partnership.evidence
        self.involve(node, KG.organization, self.organization(partnership.organization, span))
        self.involve(node, KG.partner, self.organization(partnership.partner, span))

    def add_regulatory_event(self, index: int, event: f.RegulatoryEvent) -> None:
        node = self.fact(self.scoped("event", index), KG.RegulatoryEvent, event.evidence)
        self.add(node, KG.eventKind, concept("regulatory-event-kind", event.kind))
        self.add(node, KG.compound, self.compound(event.compound, event.evidence))
        self.involve(node, KG.sponsor, self.organization(event.sponsor, event.evidence))
        self.add(node, KG.date, event.date)


# A sentence that opens by pointing back at the one before: "This milestone ...", "It follows
# ...", "Under the agreement, ...". Read alone, it does not say what "this" is.
_REFERS_BACK = re.compile(
    r"^\W*(?:this|these|that|those|such|it|its|they|their|the\s+(?:former|latter)"
    r"|(?:under|pursuant\s+to|as\s+part\s+of|in\s+connection\s+with)\s+(?:this|these|that|those|the)"
    r"\s+(?:agreement|amendment|collaboration|deal|licen[cs]e|option|terms|transaction)s?)\b",
    re.IGNORECASE,
)
# A sentence ends at . ! or ? (and any closing quote or bracket) before white space and a capital
# letter or an opening quote, unless the word before is an abbreviation or an initial.
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[A-Z\"“‘(])|\n\s*\n")
_ABBREVIATION = re.compile(
    r"(?:\b(?:inc|corp|co|ltd|mr|mrs|ms|dr|st|no|vs|approx|e\.g|i\.e|u\.s|n\.v|s\.a)|\b[A-Z])\.$",
    re.IGNORECASE,
)
_MAX_PRECEDING = 1000


def refers_back(sentence: str) -> bool:
    """Whether ``sentence`` opens by referring to the sentence before it."""
    return _REFERS_BACK.match(sentence) is not None


def preceding_sentence(text: str, start: int) -> str | None:
    """The sentence of ``text`` that ends just before offset ``start`` (None at the start)."""
    before = text[:start].rstrip()
    if not before:
        return None
    cut = 0
    for match in _SENTENCE_END.finditer(before):
        head = before[: match.start() + 1]
        if match.group().startswith("\n") or not _ABBREVIATION.search(head):
            cut = match.end()
    sentence = " ".join(before[cut:].split())
    return sentence[-_MAX_PRECEDING:] or None


def slug_of(node: URIRef) -> str:
    return str(node).rsplit("/", 1)[-1]
