"""The ontology, its alignment and its shapes agree with kg/namespace.py, and with each other.

Every term Python uses (kg.namespace.KG) is declared in ontology/kg.ttl with the right OWL type,
a label and a comment; the ontology declares nothing Python does not know; every controlled
word is a SKOS concept with the word as its notation; and the alignment and shapes files use no
kg: term the ontology does not declare.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib.resources.abc import Traversable

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDFS, SKOS

from kg import resources
from kg.namespace import (
    CLASSES,
    KG,
    ONTOLOGY_IRI,
    PROPERTIES,
    SCHEMES,
    VOCAB,
    all_concepts,
    scheme_iri,
)

SH = Namespace("http://www.w3.org/ns/shacl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # plain: rdflib's XSD warns under pytest
KG_BASE = str(KG)

FACT_CLASSES = (
    "Organization",
    "Person",
    "Position",
    "Agreement",
    "Compound",
    "RegulatoryEvent",
    "PaymentEvent",
    "Acquisition",
    "Partnership",
)
CONCEPT_CLASSES = tuple(str(cls).removeprefix(KG_BASE) for cls, _words in SCHEMES.values())


def packaged_text(resource: Callable[[], Traversable]) -> str:
    """A file the package ships in kg.ontology, read through kg.resources."""
    return resource().read_text(encoding="utf-8")


ONTOLOGY_TEXT = packaged_text(resources.ontology_file)
ALIGNMENT_TEXT = packaged_text(resources.alignment_file)
SHAPES_TEXT = packaged_text(resources.shapes_file)
ONTOLOGY = Graph().parse(data=ONTOLOGY_TEXT, format="turtle")
ALIGNMENT = Graph().parse(data=ALIGNMENT_TEXT, format="turtle")
SHAPES = Graph().parse(data=SHAPES_TEXT, format="turtle")


def kg_terms_in(graph: Graph) -> set[URIRef]:
    """Every kg: IRI a graph uses, in any position, and inside any SPARQL text it holds."""
    found = {
        term
        for triple in graph
        for term in triple
        if isinstance(term, URIRef) and term.startswith(KG_BASE)
    }
    for query in graph.objects(None, SH.select):
        found |= {KG[name] for name in re.findall(r"\bkg:(\w+)", str(query))}
    return found


def english(graph: Graph, subject: URIRef, predicate: URIRef) -> list[Literal]:
    return [
        o
        for o in graph.objects(subject, predicate)
        if isinstance(o, Literal) and o.language == "en"
    ]


# -- reading the files -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "resource", [resources.ontology_file, resources.alignment_file, resources.shapes_file]
)
def test_files_are_readable_through_kg_resources(resource: Callable[[], Traversable]) -> None:
    assert resource().read_text(encoding="utf-8").startswith("#")


def test_the_three_files_parse() -> None:
    assert len(ONTOLOGY) > 500
    assert len(ALIGNMENT) > 50
    assert len(SHAPES) > 200


# -- the ontology header -----------------------------------------------------------------------


def test_ontology_has_a_version_iri_title_description_and_license() -> None:
    ontology = URIRef(ONTOLOGY_IRI)
    assert (ontology, RDF.type, OWL.Ontology) in ONTOLOGY
    version = ONTOLOGY.value(ontology, OWL.versionInfo)
    assert ONTOLOGY.value(ontology, OWL.versionIRI) == URIRef(f"{ONTOLOGY_IRI}/{version}")
    for predicate in (DCTERMS.title, DCTERMS.description, RDFS.comment):
        assert english(ONTOLOGY, ontology, predicate), predicate
    assert isinstance(ONTOLOGY.value(ontology, DCTERMS.license), URIRef)


def test_ontology_comment_states_the_summing_and_undisclosed_rules() -> None:
    comment = " ".join(str(c) for c in ONTOLOGY.objects(URIRef(ONTOLOGY_IRI), RDFS.comment))
    assert "never summed together" in comment
    assert "never recorded as zero" in comment


# -- every KG term is declared, and nothing else -------------------------------------------------


@pytest.mark.parametrize("name", CLASSES)
def test_class_is_declared_with_label_and_comment(name: str) -> None:
    term = KG[name]
    assert (term, RDF.type, OWL.Class) in ONTOLOGY
    assert len(english(ONTOLOGY, term, RDFS.label)) == 1
    assert english(ONTOLOGY, term, RDFS.comment)


@pytest.mark.parametrize("name", PROPERTIES)
def test_property_is_declared_with_label_and_comment(name: str) -> None:
    term = KG[name]
    types = set(ONTOLOGY.objects(term, RDF.type)) & {OWL.ObjectProperty, OWL.DatatypeProperty}
    assert len(types) == 1, f"kg:{name} must be exactly one of object or datatype property"
    assert len(english(ONTOLOGY, term, RDFS.label)) == 1
    assert english(ONTOLOGY, term, RDFS.comment)


@pytest.mark.parametrize("name", PROPERTIES)
def test_property_type_fits_its_range(name: str) -> None:
    """A datatype property ranges over an XSD datatype; an object property over a kg class."""
    term = KG[name]
    ranges = list(ONTOLOGY.objects(term, RDFS.range))
    assert len(ranges) == 1, f"kg:{name} has {len(ranges)} ranges"
    if (term, RDF.type, OWL.DatatypeProperty) in ONTOLOGY:
        assert str(ranges[0]).startswith(str(XSD)), ranges
    else:
        assert (ranges[0], RDF.type, OWL.Class) in ONTOLOGY, ranges


@pytest.mark.parametrize("name", PROPERTIES)
def test_property_domain_is_a_kg_class_or_a_union_of_them(name: str) -> None:
    domain = ONTOLOGY.value(KG[name], RDFS.domain)
    assert domain is not None, f"kg:{name} has no domain"
    union = ONTOLOGY.value(domain, OWL.unionOf)
    classes = list(Collection(ONTOLOGY, union)) if union is not None else [domain]
    assert classes and all((c, RDF.type, OWL.Class) in ONTOLOGY and c in KG for c in classes)


@pytest.mark.parametrize(
    ("name", "domain"),
    [
        ("name", {"Organization", "Person", "Compound"}),
        ("target", {"Agreement", "Compound"}),
        ("compound", {"PaymentEvent", "RegulatoryEvent"}),
        ("date", {"PaymentEvent", "RegulatoryEvent"}),
        ("organization", {"Position", "Partnership"}),
    ],
)
def test_shared_property_has_a_union_domain(name: str, domain: set[str]) -> None:
    union = ONTOLOGY.value(ONTOLOGY.value(KG[name], RDFS.domain), OWL.unionOf)
    assert {str(c).removeprefix(KG_BASE) for c in Collection(ONTOLOGY, union)} == domain


def test_ontology_declares_no_term_the_namespace_lacks() -> None:
    declared = kg_terms_in(ONTOLOGY)
    assert declared == {KG[name] for name in (*CLASSES, *PROPERTIES)}


def test_closed_namespace_refuses_a_typo() -> None:
    with pytest.raises(AttributeError):
        _ = KG.Paymnet


@pytest.mark.parametrize("name", FACT_CLASSES)
def test_fact_class_is_a_subclass_of_fact(name: str) -> None:
    assert (KG[name], RDFS.subClassOf, KG.Fact) in ONTOLOGY


def test_only_fact_classes_are_subclasses_of_fact() -> None:
    assert set(ONTOLOGY.subjects(RDFS.subClassOf, KG.Fact)) == {KG[n] for n in FACT_CLASSES}


@pytest.mark.parametrize("name", CONCEPT_CLASSES)
def test_concept_class_is_a_subclass_of_skos_concept(name: str) -> None:
    assert (KG[name], RDFS.subClassOf, SKOS.Concept) in ONTOLOGY


# -- controlled words are SKOS concepts ----------------------------------------------------------


@pytest.mark.parametrize("slug", SCHEMES)
def test_concept_scheme_is_declared_with_a_label(slug: str) -> None:
    scheme = scheme_iri(slug)
    assert (scheme, RDF.type, SKOS.ConceptScheme) in ONTOLOGY
    assert english(ONTOLOGY, scheme, RDFS.label)


@pytest.mark.parametrize(
    ("iri", "scheme", "word"),
    [(iri, scheme, word) for iri, (scheme, word) in all_concepts().items()],
    ids=[f"{scheme}:{word}" for scheme, word in all_concepts().values()],
)
def test_concept_is_declared_with_its_word_as_notation(iri: URIRef, scheme: str, word: str) -> None:
    cls, _words = SCHEMES[scheme]
    assert {cls, SKOS.Concept} <= set(ONTOLOGY.objects(iri, RDF.type))
    assert ONTOLOGY.value(iri, SKOS.inScheme) == scheme_iri(scheme)
    assert [str(n) for n in ONTOLOGY.objects(iri, SKOS.notation)] == [word]
    assert len(english(ONTOLOGY, iri, SKOS.prefLabel)) == 1
    assert english(ONTOLOGY, iri, SKOS.definition)


def test_ontology_declares_no_concept_or_scheme_the_namespace_lacks() -> None:
    assert set(ONTOLOGY.subjects(RDF.type, SKOS.Concept)) == set(all_concepts())
    assert set(ONTOLOGY.subjects(RDF.type, SKOS.ConceptScheme)) == {scheme_iri(s) for s in SCHEMES}


def test_status_definitions_say_earned_and_potential_are_never_summed() -> None:
    scheme = scheme_iri("payment-status")
    assert "never summed together" in str(ONTOLOGY.value(scheme, SKOS.definition))


# -- the alignment ---------------------------------------------------------------------------------


def test_alignment_has_its_own_ontology_header_and_imports_nothing() -> None:
    headers = set(ALIGNMENT.subjects(RDF.type, OWL.Ontology))
    assert len(headers) == 1
    (header,) = headers
    assert header != URIRef(ONTOLOGY_IRI)
    assert "kg ontology" in str(ALIGNMENT.value(header, DCTERMS.description))
    assert not list(ALIGNMENT.objects(header, OWL.imports))


def test_alignment_uses_only_declared_kg_terms() -> None:
    assert kg_terms_in(ALIGNMENT) <= {KG[name] for name in (*CLASSES, *PROPERTIES)}


def test_alignment_maps_only_known_concepts() -> None:
    vocab = {t for triple in ALIGNMENT for t in triple if str(t).startswith(VOCAB)}
    assert vocab and vocab <= set(all_concepts())


def test_alignment_links_every_kg_term_it_names_to_an_outside_term() -> None:
    for subject in {s for s in ALIGNMENT.subjects() if str(s).startswith(KG_BASE)}:
        targets = set(ALIGNMENT.objects(subject, None))
        assert targets, subject
        assert all(not str(t).startswith(KG_BASE) for t in targets), subject


# -- the shapes ------------------------------------------------------------------------------------


def test_shapes_use_only_declared_kg_terms() -> None:
    assert kg_terms_in(SHAPES) <= {KG[name] for name in (*CLASSES, *PROPERTIES)}


def test_shapes_sparql_prefixes_are_declared() -> None:
    declared = {
        str(SHAPES.value(d, SH.prefix)): str(SHAPES.value(d, SH.namespace))
        for d in SHAPES.objects(None, SH.declare)
    }
    assert declared["kg"] == KG_BASE
    for query in SHAPES.objects(None, SH.select):
        assert set(re.findall(r"\b([a-z]+):\w", str(query))) <= set(declared), query


def node_shapes() -> list[URIRef]:
    return sorted(SHAPES.subjects(RDF.type, SH.NodeShape))


def property_shapes() -> list[tuple[URIRef, URIRef]]:
    return sorted(
        (shape, SHAPES.value(prop, SH.path))
        for shape in node_shapes()
        for prop in SHAPES.objects(shape, SH.property)
    )


@pytest.mark.parametrize("shape", node_shapes(), ids=lambda s: str(s).rsplit("#", 1)[-1])
def test_node_shape_is_labelled_and_explained(shape: URIRef) -> None:
    assert english(SHAPES, shape, RDFS.label)
    assert english(SHAPES, shape, RDFS.comment)


@pytest.mark.parametrize(
    ("shape", "path"),
    property_shapes(),
    ids=[f"{str(s).rsplit('#', 1)[-1]}-{str(p).rsplit('#', 1)[-1]}" for s, p in property_shapes()],
)
def test_property_shape_is_named_and_has_a_message(shape: URIRef, path: URIRef) -> None:
    (prop,) = [p for p in SHAPES.objects(shape, SH.property) if SHAPES.value(p, SH.path) == path]
    assert SHAPES.value(prop, SH.name) is not None
    assert english(SHAPES, prop, SH.message)


def test_every_fact_class_is_targeted_by_the_fact_shape() -> None:
    fact_shape = URIRef("https://w3id.org/biopharma-kg/shapes#FactShape")
    targets = set(SHAPES.objects(fact_shape, SH.targetClass))
    assert targets == {KG.Fact, *(KG[n] for n in FACT_CLASSES)}


@pytest.mark.parametrize("slug", SCHEMES)
def test_closed_vocabulary_lists_every_concept_of_its_scheme(slug: str) -> None:
    """Each sh:in list is one whole scheme, so a new word in kg/facts.py needs a shapes edit."""
    concepts = {iri for iri, (scheme, _word) in all_concepts().items() if scheme == slug}
    lists = [set(Collection(SHAPES, node)) for node in SHAPES.objects(None, SH["in"])]
    assert concepts in lists
