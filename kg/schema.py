"""The ontology as data: its prefixes, classes, properties and controlled words.

Everything here is read from ``ontology/kg.ttl`` (the one edited source), with pyoxigraph, so
``kg query`` can check a controlled word or predeclare a prefix without importing rdflib.
``kg schema``, the checks on canned query parameters, the prefixes of ``kg sparql`` and of the
exports, and the generated guide in ``docs/`` all read the ontology through this module.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox

from kg.resources import ontology_file

ONTOLOGY_IRI = "https://w3id.org/biopharma-kg/ontology"
KG = ONTOLOGY_IRI + "#"
VOCAB = "https://w3id.org/biopharma-kg/vocab/"
ID = "https://w3id.org/biopharma-kg/id/"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"


@dataclass(frozen=True)
class Property:
    iri: str
    kind: str  # "object" or "datatype"
    label: str
    comment: str
    domains: tuple[str, ...]  # class IRIs (a union domain lists each member)
    range: str  # a class or datatype IRI


@dataclass(frozen=True)
class OntologyClass:
    iri: str
    label: str
    comment: str
    parents: tuple[str, ...]
    properties: tuple[Property, ...] = field(default=())  # those whose domain names the class


@dataclass(frozen=True)
class Scheme:
    """A SKOS concept scheme: one list of controlled words (payment kinds, statuses, ...)."""

    iri: str
    slug: str  # "payment-status"
    label: str
    concept_class: str  # kg:PaymentStatus
    words: dict[str, str]  # word (skos:notation) -> concept IRI, in the ontology's order

    def concept(self, word: str) -> str | None:
        """The concept for ``word``, ignoring case ('Earned' is earned); None when not a word."""
        folded = {w.casefold(): iri for w, iri in self.words.items()}
        return folded.get(word.strip().casefold())


@dataclass(frozen=True)
class Ontology:
    iri: str
    version: str
    prefixes: dict[str, str]
    classes: dict[str, OntologyClass]
    properties: dict[str, Property]
    schemes: dict[str, Scheme]  # by slug

    def short(self, iri: str) -> str:
        """``kg:PaymentEvent`` for the IRI, with the longest matching prefix; the IRI if none."""
        best = max(
            (p for p, ns in self.prefixes.items() if iri.startswith(ns)),
            key=lambda p: len(self.prefixes[p]),
            default=None,
        )
        return f"{best}:{iri[len(self.prefixes[best]) :]}" if best is not None else f"<{iri}>"

    def sparql_prologue(self) -> str:
        """PREFIX declarations for every prefix the ontology declares, on one line."""
        return " ".join(f"PREFIX {p}: <{ns}>" for p, ns in sorted(self.prefixes.items()))


@cache
def ontology() -> Ontology:
    """The ontology, parsed once per process (about 20 ms)."""
    parser = ox.parse(ontology_file().read_bytes(), format=ox.RdfFormat.TURTLE)
    triples = [(q.subject, q.predicate, q.object) for q in parser]
    return _build(triples, dict(parser.prefixes))


def _build(triples: list[tuple[ox.Term, ox.NamedNode, ox.Term]], prefixes: dict) -> Ontology:
    about: dict[object, dict[str, list[ox.Term]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        about[s][p.value].append(o)

    def first(subject: object, predicate: str) -> str:
        values = about[subject].get(predicate, [])
        english = [v for v in values if isinstance(v, ox.Literal) and v.language == "en"]
        chosen = (english or values or [None])[0]
        return " ".join(chosen.value.split()) if chosen is not None else ""

    def members(node: object) -> tuple[str, ...]:
        """A class, or the members of an owl:unionOf class (an RDF list)."""
        if isinstance(node, ox.NamedNode):
            return (node.value,)
        found: list[str] = []
        for union in about[node].get(OWL + "unionOf", []):
            cell = union
            while isinstance(cell, ox.BlankNode):
                found += [m.value for m in about[cell].get(RDF + "first", [])]
                cell = (about[cell].get(RDF + "rest") or [None])[0]
        return tuple(found)

    def typed(kind: str) -> list[ox.NamedNode]:
        return sorted(
            (s for s, _p, o in triples if _p.value == RDF + "type" and o.value == kind),
            key=lambda n: n.value,
        )

    properties: dict[str, Property] = {}
    for kind, owl_type in (("object", "ObjectProperty"), ("datatype", "DatatypeProperty")):
        for node in typed(OWL + owl_type):
            if not node.value.startswith(KG):
                continue
            domains = tuple(d for dom in about[node].get(RDFS + "domain", []) for d in members(dom))
            ranges = about[node].get(RDFS + "range", [])
            properties[node.value] = Property(
                iri=node.value,
                kind=kind,
                label=first(node, RDFS + "label"),
                comment=first(node, RDFS + "comment"),
                domains=domains,
                range=ranges[0].value if ranges and isinstance(ranges[0], ox.NamedNode) else "",
            )
    classes: dict[str, OntologyClass] = {}
    for node in typed(OWL + "Class"):
        if not node.value.startswith(KG):
            continue
        classes[node.value] = OntologyClass(
            iri=node.value,
            label=first(node, RDFS + "label"),
            comment=first(node, RDFS + "comment"),
            parents=tuple(p.value for p in about[node].get(RDFS + "subClassOf", [])),
            properties=tuple(p for p in properties.values() if node.value in p.domains),
        )
    return Ontology(
        iri=ONTOLOGY_IRI,
        version=first(ox.NamedNode(ONTOLOGY_IRI), OWL + "versionInfo"),
        prefixes=prefixes,
        classes=classes,
        properties=properties,
        schemes=_schemes(triples, about, first),
    )


def _schemes(triples: list, about: dict, first: object) -> dict[str, Scheme]:
    concepts_of: dict[str, list[ox.NamedNode]] = defaultdict(list)
    for s, p, o in triples:  # in file order, which is the order the ontology lists them
        if p.value == SKOS + "inScheme":
            concepts_of[o.value].append(s)
    schemes = {}
    for scheme_iri, concepts in sorted(concepts_of.items()):
        words = {about[c][SKOS + "notation"][0].value: c.value for c in concepts}
        classes = [
            t.value for t in about[concepts[0]].get(RDF + "type", []) if t.value.startswith(KG)
        ]
        slug = scheme_iri.removeprefix(VOCAB)
        schemes[slug] = Scheme(
            iri=scheme_iri,
            slug=slug,
            label=first(ox.NamedNode(scheme_iri), RDFS + "label"),  # type: ignore[operator]
            concept_class=classes[0] if classes else "",
            words=words,
        )
    return schemes


# -- for people: kg schema -----------------------------------------------------------------------


def describe(*, only_prefixes: bool = False, class_name: str | None = None) -> str:
    """The ontology as ``kg schema`` prints it: prefixes, classes with their properties (and
    what each points to), and the words of each concept scheme."""
    onto = ontology()
    lines = [f"kg ontology {onto.version} <{onto.iri}>", "", "Prefixes (kg sparql declares them):"]
    width = max(len(p) for p in onto.prefixes)
    lines += [f"  {p + ':':{width + 1}} <{ns}>" for p, ns in sorted(onto.prefixes.items())]
    if only_prefixes:
        return "\n".join(lines[2:]) + "\n"
    classes = fact_classes(onto)
    if class_name is not None:
        wanted = class_name.removeprefix("kg:").casefold()
        classes = [c for c in classes if c.iri.removeprefix(KG).casefold() == wanted]
        if not classes:
            from kg.errors import KgError

            names = ", ".join(c.iri.removeprefix(KG) for c in fact_classes(onto))
            raise KgError(f"no class {class_name!r} in the ontology", hint=f"one of: {names}")
    lines += ["", "Classes and their properties (?x PROPERTY VALUE):"]
    for cls in classes:
        lines += ["", *_wrap(f"{onto.short(cls.iri)} — {cls.label}: ", cls.comment, 0)]
        for prop in properties_of(onto, cls):
            head = f"  {onto.short(prop.iri):20} -> {range_name(onto, prop):20} "
            lines += _wrap(head, prop.comment, len(head))
    if class_name is None:
        lines += ["", "Controlled words (skos:notation of each concept):"]
        for scheme in onto.schemes.values():
            lines.append(f"  {scheme.slug:22} {', '.join(scheme.words)}")
    return "\n".join(lines) + "\n"


# The classes a researcher queries, in the order of the data's story; the concept classes
# follow (their instances are the controlled words).
_ORDER = (
    "Release", "PaymentEvent", "MonetaryAmount", "Agreement", "Acquisition", "Partnership",
    "RegulatoryEvent", "Compound", "Organization", "Person", "Position", "Evidence", "Fact",
)  # fmt: skip


def fact_classes(onto: Ontology) -> list[OntologyClass]:
    """The ontology's classes, the ones holding data first, then the concept classes."""
    ordered = [onto.classes[KG + name] for name in _ORDER if KG + name in onto.classes]
    return ordered + [c for iri, c in sorted(onto.classes.items()) if c not in ordered]


def properties_of(onto: Ontology, cls: OntologyClass) -> list[Property]:
    """The properties a class's instances have: its own, then those it inherits (a fact's
    kg:statedIn and kg:evidence)."""
    own = list(cls.properties)
    for parent in cls.parents:
        if parent in onto.classes:
            own += [p for p in onto.classes[parent].properties if p not in own]
    return own


def _wrap(head: str, comment: str, indent: int, width: int = 100) -> list[str]:
    import textwrap

    return textwrap.wrap(
        head + first_sentence(comment), width=width, subsequent_indent=" " * (indent or 4)
    )


def range_name(onto: Ontology, prop: Property) -> str:
    return onto.short(prop.range) if prop.range else "(several)"


def first_sentence(text: str) -> str:
    """The first sentence of a comment ("e.g." and "i.e." do not end one)."""
    match = re.match(r"(.+?(?<!e\.g)(?<!i\.e)[.!?])(\s+[A-Z\"(]|\s*$)", text)
    return match.group(1) if match else text
