"""The SHACL shapes: a correct release graph conforms, and each shape catches graphs that break it.

The valid graph is built by kg.build from a hand-made ReleaseFacts (the ImmunoGen/Bayer seed,
plus an invented acquisition so every fact class occurs). Each breaking case alters that graph
with rdflib and names the focus node, the constraint component and the node shape that must
report it; a node shape with no breaking case fails the suite.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDFS
from rdflib.term import Node

from kg import facts as f
from kg import resources
from kg.build import build_graph
from kg.namespace import KG, VOCAB, concept
from kg.read import parse_release
from kg.validate import validate_graph

SH = Namespace("http://www.w3.org/ns/shacl#")
# A plain Namespace: rdflib's XSD warns whenever pytest inspects the module's names.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
KGSH = Namespace("https://w3id.org/biopharma-kg/shapes#")


# Each file the package ships in kg.ontology, with the kg.resources function that finds it.
RESOURCES = {
    "kg.ttl": resources.ontology_file,
    "alignment.ttl": resources.alignment_file,
    "shapes.ttl": resources.shapes_file,
}


def packaged_graph(name: str) -> Graph:
    """Parse a file the package ships in kg.ontology, found through kg.resources."""
    text = RESOURCES[name]().read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


SHAPES = packaged_graph("shapes.ttl")
ONTOLOGY = packaged_graph("kg.ttl")


# A short release, made up from the ImmunoGen/Bayer release of 2011-06-14; the acquisition
# sentence is invented so that every fact class occurs in the valid graph.
TEXT = """\
ImmunoGen, Inc. Earns Milestone with BAY 94-9343 IND Submission

WALTHAM, Mass., Jun 14, 2011 -- ImmunoGen, Inc. (Nasdaq: IMGN) today announced that Bayer \
HealthCare Pharmaceuticals' submission of an IND application for BAY 94-9343 triggers a \
$2 million milestone payment to ImmunoGen.

BAY 94-9343 is in development by Bayer HealthCare under an agreement with ImmunoGen that grants \
Bayer HealthCare exclusive rights to use the Company's maytansinoid TAP technology to develop \
anticancer therapeutics that target mesothelin.

Under this agreement, ImmunoGen is entitled to receive milestone payments potentially totaling \
up to $170.5 million for each resulting product plus royalties on sales.

"BAY 94-9343 is a promising therapeutic for mesothelin-expressing cancers," commented Daniel \
Junius, ImmunoGen President and CEO.

ImmunoGen's collaborative partners include Amgen, Bayer HealthCare Pharmaceuticals and Genentech.

In 2006, Bayer AG acquired Schering AG for EUR 16.3 billion, or EUR 86 per share.
"""


def seed_facts(text: str) -> f.ReleaseFacts:
    """The facts of TEXT, with evidence spans found by the sentence's opening words."""

    def span(opening: str) -> f.Span:
        start = text.index(opening)
        end = text.index("\n", start)
        return f.Span(start, end)

    title = span("ImmunoGen, Inc. Earns")
    earned = span("WALTHAM")
    agreement = span("BAY 94-9343 is")
    potential = span("Under this")
    quote = span('"BAY')
    partners = span("ImmunoGen's collab")
    acquisition = span("In 2006")
    return f.ReleaseFacts(
        text=text,
        title=text[title.start : title.end],
        published=date(2011, 6, 14),
        issuer="ImmunoGen, Inc.",
        title_evidence=title,
        organizations=[
            f.Organization(
                "ImmunoGen, Inc.", earned, ["ImmunoGen", "the Company"], "IMGN", "Nasdaq"
            ),
            f.Organization("Bayer HealthCare Pharmaceuticals", earned, ["Bayer HealthCare"]),
            f.Organization("Amgen", partners),
            f.Organization("Genentech", partners),
            f.Organization("Bayer AG", acquisition),
            f.Organization("Schering AG", acquisition),
        ],
        people=[f.Person("Daniel Junius", quote, "President and CEO", "ImmunoGen")],
        compounds=[
            f.Compound(
                "BAY 94-9343",
                agreement,
                target="mesothelin",
                payload="DM4",
                developer="Bayer HealthCare",
                phase="Preclinical",
                indications=["mesothelin-expressing cancers"],
            )
        ],
        agreements=[
            f.Agreement(
                "license",
                agreement,
                parties=["ImmunoGen", "Bayer HealthCare"],
                licensor="ImmunoGen",
                licensee="Bayer HealthCare",
                technology="maytansinoid TAP technology",
                target="mesothelin",
                exclusive=True,
                royalties=True,
                status="in_force",
            )
        ],
        payments=[
            f.Payment(
                "milestone",
                "earned",
                earned,
                money=f.Money(Decimal("2000000"), "USD"),
                payer="Bayer HealthCare Pharmaceuticals",
                payee="ImmunoGen",
                trigger="IND submission for BAY 94-9343",
                compound="BAY 94-9343",
                agreement=0,
                date=date(2011, 6, 14),
            ),
            f.Payment(
                "milestone",
                "potential",
                potential,
                money=f.Money(Decimal("170500000"), "USD"),
                payer="Bayer HealthCare",
                payee="ImmunoGen",
                qualifier="per_product",
                agreement=0,
            ),
        ],
        acquisitions=[
            f.Acquisition(
                "Bayer AG",
                "Schering AG",
                acquisition,
                price=f.Money(Decimal("16300000000"), "EUR"),
                price_per_share=f.Money(Decimal("86"), "EUR"),
                year=2006,
            )
        ],
        partnerships=[
            f.Partnership("ImmunoGen", partner, partners)
            for partner in ("Amgen", "Bayer HealthCare Pharmaceuticals", "Genentech")
        ],
        regulatory_events=[
            f.RegulatoryEvent(
                "IND submission", earned, "BAY 94-9343", "Bayer HealthCare", date(2011, 6, 14)
            )
        ],
    )


RELEASE = parse_release(TEXT.encode("utf-8"), source="test.txt")
VALID = build_graph(RELEASE, seed_facts(RELEASE.text)).graph


def the(cls: URIRef, *where: tuple[URIRef, Node]) -> URIRef:
    """The one node of class ``cls`` in the valid graph with all the (predicate, object) pairs."""
    found = [
        node
        for node in VALID.subjects(RDF.type, cls)
        if all((node, p, o) in VALID for p, o in where)
    ]
    assert len(found) == 1, f"expected one {cls} with {where}, found {found}"
    return found[0]


def org(name: str) -> URIRef:
    return the(KG.Organization, (KG.name, Literal(name)))


REL = the(KG.Release)
IMMUNOGEN = org("ImmunoGen, Inc.")
BAYER_HC = org("Bayer HealthCare Pharmaceuticals")
AMGEN = org("Amgen")
COMPOUND = the(KG.Compound)
PERSON = the(KG.Person)
POSITION = the(KG.Position)
AGREEMENT = the(KG.Agreement)
EARNED = the(KG.PaymentEvent, (KG.paymentStatus, concept("payment-status", "earned")))
POTENTIAL = the(KG.PaymentEvent, (KG.paymentStatus, concept("payment-status", "potential")))
AMOUNT = VALID.value(EARNED, KG.amount)
ACQUISITION = the(KG.Acquisition)
PARTNERSHIP = the(KG.Partnership, (KG.partner, AMGEN))
EVENT = the(KG.RegulatoryEvent)
EVIDENCE = VALID.value(EARNED, KG.evidence)
EARNED_STATUS = concept("payment-status", "earned")
POTENTIAL_STATUS = concept("payment-status", "potential")


# -- how to break a graph --------------------------------------------------------------------

# A change alters a copy of the valid graph around one focus node.
Change = Callable[[Graph, URIRef], None]


def text(value: str) -> Literal:
    return Literal(value)


def drop(*predicates: URIRef) -> Change:
    def change(g: Graph, node: URIRef) -> None:
        for predicate in predicates:
            g.remove((node, predicate, None))

    return change


def put(predicate: URIRef, value: Node) -> Change:
    return lambda g, node: g.set((node, predicate, value))


def add(predicate: URIRef, value: Node) -> Change:
    return lambda g, node: g.add((node, predicate, value))


def drop_value(predicate: URIRef, value: Node) -> Change:
    return lambda g, node: g.remove((node, predicate, value))


def offsets(start: int, end: int) -> Change:
    def change(g: Graph, node: URIRef) -> None:
        g.set((node, KG.start, Literal(start)))
        g.set((node, KG.end, Literal(end)))

    return change


def cite_evidence_of_other_release(g: Graph, fact: URIRef) -> None:
    """The earned payment's only evidence becomes a (valid) sentence of another (valid) release."""
    other, evidence = URIRef(f"{fact}-other"), URIRef(f"{fact}-other/evidence/0-10")
    g.add((other, RDF.type, KG.Release))
    g.add((other, KG.source, text("other.txt")))
    g.add((other, KG.contentHash, text("0" * 64)))
    g.add((evidence, RDF.type, KG.Evidence))
    g.add((evidence, KG.inRelease, other))
    g.add((evidence, KG.sentence, text("Some words")))
    g.add((evidence, KG.start, Literal(0)))
    g.add((evidence, KG.end, Literal(10)))
    g.set((EARNED, KG.evidence, evidence))


def also_cite_evidence_of_other_release(g: Graph, fact: URIRef) -> None:
    """The earned payment keeps its own evidence and also cites a sentence of another release."""
    own = g.value(EARNED, KG.evidence)
    cite_evidence_of_other_release(g, fact)
    g.add((EARNED, KG.evidence, own))


@dataclass(frozen=True)
class Case:
    """A graph that breaks ``shape``: the report must name ``focus`` and ``component``."""

    id: str
    shape: str
    focus: URIRef
    component: str
    change: Change
    severity: str = "Violation"
    value: Node | None = None  # the sh:value the result must name, when it matters


def breaking(
    shape: str, focus: URIRef, rows: list[tuple[str, str, Change]], severity: str = "Violation"
) -> list[Case]:
    """Cases of one shape and focus node: (id, constraint component, change) rows."""
    return [Case(id, shape, focus, component, change, severity) for id, component, change in rows]


OTHER_KIND = concept("agreement-kind", "license")  # a concept, but of another scheme
UNKNOWN_KIND = URIRef(f"{VOCAB}agreement-kind/handshake")  # not a concept at all
UNKNOWN_QUALIFIER = URIRef(f"{VOCAB}payment-qualifier/per_year")
UNKNOWN_PHASE = URIRef(f"{VOCAB}phase/phase-iv")

# fmt: off
CASES = [
    *breaking("ReleaseShape", REL, [
        ("release-without-source", "MinCount", drop(KG.source)),
        ("release-without-hash", "MinCount", drop(KG.contentHash)),
        ("release-hash-not-sha256", "Pattern", put(KG.contentHash, text("ABC123"))),
        ("release-date-as-text", "Datatype", put(KG.published, text("June 14, 2011"))),
        ("release-with-two-titles", "MaxCount", add(KG.title, text("Another title"))),
        ("release-issued-by-compound", "Class", put(KG.issuer, COMPOUND)),
    ]),
    *breaking("FactShape", EARNED, [
        ("payment-in-no-release", "MinCount", drop(KG.statedIn)),
        ("payment-in-two-releases", "MaxCount", add(KG.statedIn, URIRef(f"{REL}-other"))),
        ("payment-stated-in-evidence", "Class", put(KG.statedIn, EVIDENCE)),
        ("payment-without-evidence", "MinCount", drop(KG.evidence)),
        ("payment-evidence-a-string", "NodeKind", put(KG.evidence, text("a sentence"))),
    ]),
    *breaking("FactShape", AGREEMENT, [
        ("agreement-without-evidence", "MinCount", drop(KG.evidence)),
    ]),
    *breaking("FactShape", IMMUNOGEN, [
        ("organization-in-no-release", "MinCount", drop(KG.statedIn)),
    ]),
    Case(
        "evidence-in-other-release", "FactShape", EARNED, "Equals",
        cite_evidence_of_other_release, value=URIRef(f"{EARNED}-other"),
    ),
    Case(
        "evidence-also-in-other-release", "FactShape", EARNED, "Equals",
        also_cite_evidence_of_other_release, value=URIRef(f"{EARNED}-other"),
    ),
    *breaking("EvidenceShape", EVIDENCE, [
        ("evidence-ends-before-start", "LessThanOrEquals", offsets(40, 30)),
        ("evidence-start-negative", "MinInclusive", put(KG.start, Literal(-1))),
        ("evidence-end-as-text", "Datatype", put(KG.end, text("285"))),
        ("evidence-without-sentence", "MinCount", drop(KG.sentence)),
        ("evidence-in-no-release", "MinCount", drop(KG.inRelease)),
        ("evidence-preceded-by-nothing", "MinLength", put(KG.precedingSentence, text(""))),
    ]),
    *breaking("OrganizationShape", IMMUNOGEN, [
        ("organization-without-name", "MinCount", drop(KG.name)),
        ("organization-name-a-number", "Datatype", put(KG.name, Literal(42))),
        ("organization-with-two-tickers", "MaxCount", add(KG.ticker, text("IMGX"))),
        ("organization-unit-of-a-compound", "Class", put(KG.subOrganizationOf, COMPOUND)),
    ]),
    *breaking("PersonShape", PERSON, [("person-without-name", "MinCount", drop(KG.name))]),
    *breaking("PositionShape", POSITION, [
        ("position-held-by-company", "Class", put(KG.holder, IMMUNOGEN)),
        ("position-without-holder", "MinCount", drop(KG.holder)),
        ("position-without-role-or-org", "Or", drop(KG.roleTitle, KG.organization)),
    ]),
    *breaking("AgreementShape", AGREEMENT, [
        ("agreement-with-one-party", "MinCount", drop_value(KG.party, BAYER_HC)),
        ("agreement-without-kind", "MinCount", drop(KG.agreementKind)),
        ("agreement-kind-unknown", "In", put(KG.agreementKind, UNKNOWN_KIND)),
        ("agreement-status-of-payment", "In", put(KG.agreementStatus, EARNED_STATUS)),
        ("agreement-exclusive-as-text", "Datatype", put(KG.exclusive, text("yes"))),
        ("licensor-is-licensee", "Disjoint", put(KG.licensee, IMMUNOGEN)),
    ]),
    *breaking("CompoundShape", COMPOUND, [
        ("compound-without-name", "MinCount", drop(KG.name)),
        ("compound-phase-unknown", "In", put(KG.phase, UNKNOWN_PHASE)),
        ("compound-developed-by-person", "Class", put(KG.developer, PERSON)),
    ]),
    *breaking("RegulatoryEventShape", EVENT, [
        ("event-without-kind", "MinCount", drop(KG.eventKind)),
        ("event-kind-of-agreement", "In", put(KG.eventKind, OTHER_KIND)),
        ("event-date-as-text", "Datatype", put(KG.date, text("2011-06-14"))),
    ]),
    *breaking("PaymentEventShape", EARNED, [
        ("payment-without-status", "MinCount", drop(KG.paymentStatus)),
        ("payment-earned-and-potential", "MaxCount", add(KG.paymentStatus, POTENTIAL_STATUS)),
        ("payment-kind-of-agreement", "In", put(KG.paymentKind, OTHER_KIND)),
        ("payer-is-payee", "Disjoint", put(KG.payee, BAYER_HC)),
        ("payment-without-payer-or-payee", "Or", drop(KG.payer, KG.payee)),
        ("payment-amount-zero-literal", "NodeKind", put(KG.amount, Literal(Decimal(0)))),
        ("payment-date-as-text", "Datatype", put(KG.date, text("2011-06-14"))),
    ]),
    *breaking("PaymentEventShape", POTENTIAL, [
        ("payment-qualifier-unknown", "In", put(KG.qualifier, UNKNOWN_QUALIFIER)),
    ]),
    *breaking("EarnedPaymentShape", EARNED, [
        ("earned-payment-without-date", "MinCount", drop(KG.date)),
    ], severity="Warning"),
    *breaking("MonetaryAmountShape", AMOUNT, [
        ("currency-lower-case", "Pattern", put(KG.currency, text("usd"))),
        ("currency-a-symbol", "Pattern", put(KG.currency, text("$"))),
        ("amount-without-currency", "MinCount", drop(KG.currency)),
        ("amount-without-value", "MinCount", drop(KG.value)),
        ("amount-negative", "MinInclusive", put(KG.value, Literal("-2", datatype=XSD.decimal))),
        ("amount-a-double", "Datatype", put(KG.value, Literal(2e6))),
    ]),
    *breaking("AcquisitionShape", ACQUISITION, [
        ("acquisition-without-acquirer", "MinCount", drop(KG.acquirer)),
        ("acquirer-buys-itself", "Disjoint", put(KG.acquired, org("Bayer AG"))),
        ("acquisition-year-an-integer", "Datatype", put(KG.year, Literal(2006))),
        ("acquisition-price-a-company", "Class", put(KG.price, AMGEN)),
    ]),
    *breaking("PartnershipShape", PARTNERSHIP, [
        ("partnership-without-partner", "MinCount", drop(KG.partner)),
        ("partner-of-itself", "Disjoint", put(KG.partner, IMMUNOGEN)),
    ]),
]
# fmt: on


# -- reading a report -------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    """One validation result, in the terms a Case names."""

    focus: Node
    component: str
    shape: str
    severity: str
    value: Node | None


def node_shape_of(source: Node) -> Node:
    """The node shape a result comes from: the source shape itself, or the shape owning it."""
    return SHAPES.value(predicate=SH.property, object=source) or source


def results(report: Graph) -> list[Result]:
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        component = str(report.value(result, SH.sourceConstraintComponent))
        shape = node_shape_of(report.value(result, SH.sourceShape))
        found.append(
            Result(
                focus=report.value(result, SH.focusNode),
                component=component.removeprefix(str(SH)).removesuffix("ConstraintComponent"),
                shape=str(shape).removeprefix(str(KGSH)),
                severity=str(report.value(result, SH.resultSeverity)).removeprefix(str(SH)),
                value=report.value(result, SH.value),
            )
        )
    return found


def copy_of_valid() -> Graph:
    graph = Graph()
    graph += VALID
    return graph


def broken(case: Case) -> Graph:
    graph = copy_of_valid()
    case.change(graph, case.focus)
    assert set(graph) != set(VALID), f"{case.id} does not change the graph"
    return graph


# -- the valid graph --------------------------------------------------------------------------


def test_the_seed_graph_has_every_fact_class() -> None:
    fact_classes = set(ONTOLOGY.subjects(RDFS.subClassOf, KG.Fact))
    assert fact_classes, "the ontology declares no fact classes"
    assert fact_classes <= set(VALID.objects(None, RDF.type))


def test_a_correct_release_graph_conforms_without_warnings() -> None:
    report = validate_graph(VALID, SHAPES)
    assert report.conforms, report.text
    assert report.violations == [], report.text


def test_a_release_with_no_date_conforms_with_a_warning_only() -> None:
    graph = copy_of_valid()
    graph.remove((REL, KG.published, None))
    for payment in graph.subjects(RDF.type, KG.PaymentEvent):
        graph.remove((payment, KG.date, None))
    report = validate_graph(graph, SHAPES)
    assert report.conforms, report.text
    assert {(v.focus, v.severity) for v in report.violations} == {(str(EARNED), "Warning")}


def test_a_payment_with_undisclosed_amount_conforms() -> None:
    graph = copy_of_valid()
    graph.remove((POTENTIAL, KG.amount, None))
    assert validate_graph(graph, SHAPES).conforms


# Oxigraph stores derived integer types as xsd:integer, so kg/build.py writes them that way.
STORED_AS = {XSD.nonNegativeInteger: XSD.integer}


def test_every_predicate_in_a_release_graph_is_declared_with_a_fitting_owl_type() -> None:
    for predicate in set(VALID.predicates()) - {RDF.type}:
        values = set(VALID.objects(None, predicate))
        if all(isinstance(v, Literal) for v in values):
            assert (predicate, RDF.type, OWL.DatatypeProperty) in ONTOLOGY, predicate
            written_as = {v.datatype or XSD.string for v in values}
            declared = ONTOLOGY.value(predicate, RDFS.range)
            assert written_as == {STORED_AS.get(declared, declared)}, predicate
        else:
            assert all(isinstance(v, URIRef) for v in values), predicate
            assert (predicate, RDF.type, OWL.ObjectProperty) in ONTOLOGY, predicate


# -- each shape catches what breaks it --------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_shape_catches_broken_graph(case: Case) -> None:
    report = validate_graph(broken(case), SHAPES)
    expected = (case.focus, case.component, case.shape, case.severity)
    found = [
        r for r in results(report.graph) if (r.focus, r.component, r.shape, r.severity) == expected
    ]
    assert found, report.text
    assert case.value is None or case.value in {r.value for r in found}, report.text
    assert report.conforms is (case.severity == "Warning"), report.text


def test_case_ids_are_unique() -> None:
    assert len({case.id for case in CASES}) == len(CASES)


def test_every_node_shape_has_a_breaking_case() -> None:
    node_shapes = {str(s).removeprefix(str(KGSH)) for s in SHAPES.subjects(RDF.type, SH.NodeShape)}
    assert node_shapes == {case.shape for case in CASES}
