"""Write the guide to the graph (``docs/ontology.md`` and ``docs/classes/*.md``) from the ontology.

Everything these pages say about classes and properties is read from ``ontology/kg.ttl``, and
each class's example is the graph ``kg.build`` writes for a fixed, hand-made release: so the
pages cannot drift from the ontology or from what kg stores. ``tests/test_docs.py`` fails when
the files in ``docs/`` differ from what this module writes; ``scripts/docs`` writes them.

Run it as ``python -m kg.guide docs``.
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox

from kg.identity import IDENTITY_PROPERTIES
from kg.schema import (
    KG,
    Ontology,
    OntologyClass,
    first_sentence,
    ontology,
    properties_of,
    range_name,
)
from kg.store import IDENTITY_GRAPH

# The classes drawn in the diagram and given a page: those that hold data.
DATA_CLASSES = (
    "Release",
    "PaymentEvent",
    "MonetaryAmount",
    "Agreement",
    "Acquisition",
    "Partnership",
    "RegulatoryEvent",
    "Compound",
    "Organization",
    "Person",
    "Position",
    "Evidence",
)
HEADER = (
    "<!-- Written by `python -m kg.guide docs` from ontology/kg.ttl: "
    "edit the ontology, not this. -->"
)


def render() -> dict[str, str]:
    """Every generated file of ``docs/``, by path relative to it."""
    onto = ontology()
    example = example_graph()
    files = {"ontology.md": ontology_page(onto), "ontology.dot": diagram(onto)}
    for name in DATA_CLASSES:
        cls = onto.classes[KG + name]
        files[f"classes/{name}.md"] = class_page(onto, cls, example)
    return files


def write(folder: Path) -> list[Path]:
    """Write the pages and the diagram's source, and draw the diagram (Graphviz's ``dot``)."""
    written = []
    for relative, text in render().items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    written.append(draw(folder / "ontology.dot", folder / "ontology.svg"))
    return written


def draw(source: Path, picture: Path) -> Path:
    """Render the DOT source to SVG, stamped with the source's digest so a test can tell the
    picture was drawn from the source as it is now."""
    import subprocess

    svg = subprocess.run(
        ["dot", "-Tsvg", str(source)], capture_output=True, check=True
    ).stdout.decode("utf-8")
    stamp = f"<!-- drawn from ontology.dot sha256:{digest(source.read_text(encoding='utf-8'))} -->"
    picture.write_text(svg.replace("<svg ", stamp + "\n<svg ", 1), encoding="utf-8")
    return picture


def digest(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- the diagram -----------------------------------------------------------------------------


def ontology_page(onto: Ontology) -> str:
    lines = [
        HEADER,
        "",
        f"# The kg ontology {onto.version}",
        "",
        f"`<{onto.iri}>`; prefix `kg:` is `<{KG}>`.",
        "",
        "Each release is a named graph of its own, and the ontology is in the store too, as the",
        f"named graph `<{onto.iri}>`. In the diagram a box is a class with its literal-valued",
        "properties; an arrow is a property that points to another node; a property in italics",
        "points to a controlled word (a SKOS concept). Every class but Release, MonetaryAmount",
        "and Evidence is a kind of `kg:Fact`: it has `kg:statedIn` (its release) and",
        "`kg:evidence` (the sentence that states it).",
        "",
        "![The kg ontology: classes and the properties between them](ontology.svg)",
        "",
        "([ontology.dot](ontology.dot) is the diagram's source, written from `ontology/kg.ttl`.)",
        "",
        "## Classes",
        "",
        "| class | what it is |",
        "| --- | --- |",
    ]
    for name in DATA_CLASSES:
        cls = onto.classes[KG + name]
        lines.append(f"| [kg:{name}](classes/{name}.md) | {first_sentence(cls.comment)} |")
    lines += [
        "",
        "## Controlled words",
        "",
        "Kinds, statuses and phases are SKOS concepts; a concept's `skos:notation` is the word",
        "the canned queries print and take as a parameter.",
        "",
        "| concept scheme | prefix | words (`skos:notation`) |",
        "| --- | --- | --- |",
    ]
    for scheme in onto.schemes.values():
        prefix = next((p for p, ns in sorted(onto.prefixes.items()) if ns == scheme.iri + "/"), "")
        words = ", ".join(f"`{w}`" for w in scheme.words)
        lines.append(f"| {scheme.label} | `{prefix}:` | {words} |")
    return "\n".join(lines) + "\n"


def diagram(onto: Ontology) -> str:
    """The ontology as Graphviz DOT: data classes as boxes listing their literal properties
    (and, in italics, those pointing to controlled words), object properties as arrows (a
    property with a union domain is drawn from each member)."""
    shown = {KG + name for name in DATA_CLASSES}
    lines = [
        "digraph kg {",
        f'  graph [rankdir=LR, fontname="Helvetica", label="kg ontology {onto.version}", '
        "labelloc=t, nodesep=0.3, ranksep=0.9];",
        '  node [shape=plain, fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=9, color="#555555"];',
    ]
    for name in DATA_CLASSES:
        cls = onto.classes[KG + name]
        rows = [f'<tr><td bgcolor="#dde8f5"><b>kg:{name}</b></td></tr>']
        for prop in cls.properties:
            if prop.kind == "datatype":
                rows.append(
                    f'<tr><td align="left">{_local(prop.iri)}: {onto.short(prop.range)}</td></tr>'
                )
            elif prop.range not in shown:
                rows.append(
                    f'<tr><td align="left"><i>{_local(prop.iri)}: '
                    f"{range_name(onto, prop)}</i></td></tr>"
                )
        table = '<table border="1" cellborder="0" cellspacing="0" cellpadding="3">'
        lines.append(f"  {name} [label=<{table}{''.join(rows)}</table>>];")
    for name in DATA_CLASSES:
        for prop in onto.classes[KG + name].properties:
            if prop.kind == "object" and prop.range in shown:
                # kg:involves repeats the other links to organisations: drawn faint.
                style = ', style=dashed, color="#aaaaaa"' if prop.iri == KG + "involves" else ""
                label = _local(prop.iri)
                lines.append(f'  {name} -> {_local(prop.range)} [label="{label}"{style}];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


# -- a page per class ------------------------------------------------------------------------


def class_page(onto: Ontology, cls: OntologyClass, example: list[ox.Triple]) -> str:
    name = _local(cls.iri)
    lines = [
        HEADER,
        "",
        f"# kg:{name} — {cls.label}",
        "",
        cls.comment,
        "",
        "## Properties",
        "",
        "| property | points to | what it says |",
        "| --- | --- | --- |",
    ]
    for prop in properties_of(onto, cls):
        lines.append(
            f"| `{onto.short(prop.iri)}` | `{range_name(onto, prop)}` "
            f"| {first_sentence(prop.comment)} |"
        )
    incoming = [
        (other, prop)
        for other in onto.classes.values()
        for prop in other.properties
        if prop.range == cls.iri
    ]
    if incoming:
        lines += ["", "## Pointed to by", ""]
        seen = set()
        for other, prop in incoming:
            key = (_local(other.iri), onto.short(prop.iri))
            if key not in seen:
                seen.add(key)
                lines.append(f"- `?{key[0][0].lower() + key[0][1:]} {key[1]} ?this`")
    node = _example_node(example, cls.iri)
    if node is not None:
        lines += [
            "",
            "## Example",
            "",
            "As kg writes it for a release like the bundled seed (its own named graph):",
            "",
            "```turtle",
            *_turtle(onto, example, node),
            "```",
        ]
    lines += [
        "",
        "## Query",
        "",
        "```sparql",
        *_query(onto, cls),
        "```",
        "",
        "Run it with `kg sparql -f FILE` (the prefixes are declared for you) or any SPARQL",
        "client. [All classes](../ontology.md).",
    ]
    return "\n".join(lines) + "\n"


def _example_node(example: list[ox.Triple], cls: str) -> ox.NamedNode | None:
    typed = sorted(
        (
            t.subject
            for t in example
            if t.predicate.value.endswith("#type") and t.object.value == cls
        ),
        key=lambda n: n.value,
    )
    return typed[0] if typed else None


def _turtle(onto: Ontology, example: list[ox.Triple], node: ox.NamedNode) -> list[str]:
    triples = sorted(
        (t for t in example if t.subject == node),
        key=lambda t: (t.predicate.value != _RDF_TYPE, t.predicate.value, str(t.object)),
    )
    lines = [f"<{node.value}>"]
    for index, triple in enumerate(triples):
        predicate = (
            "a" if triple.predicate.value == _RDF_TYPE else onto.short(triple.predicate.value)
        )
        end = " ;" if index < len(triples) - 1 else " ."
        lines.append(f"    {predicate} {_object(onto, triple.object)}{end}")
    return lines


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _object(onto: Ontology, term: ox.Term) -> str:
    if isinstance(term, ox.NamedNode):
        return onto.short(term.value)
    if (
        isinstance(term, ox.Literal)
        and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string"
    ):
        return f'"{term.value}"^^{onto.short(term.datatype.value)}'
    return str(term)


_IDENTITY_IRIS = frozenset(map(str, IDENTITY_PROPERTIES))


def _graph_of(prop: str) -> str:
    """Where a property is stated: the identity graph, or the release's graph (?g)."""
    return f"<{IDENTITY_GRAPH}>" if prop in _IDENTITY_IRIS else "?g"


def _query(onto: Ontology, cls: OntologyClass) -> list[str]:
    """A first query over the class: each instance with its literal values."""
    name = _local(cls.iri)
    var = name[0].lower() + name[1:]
    literals = [p for p in properties_of(onto, cls) if p.kind == "datatype"][:4]
    lines = [
        f"# Every {cls.label}{', with ' if literals else ''}"
        + ", ".join(p.label for p in literals)
        + (" when stated" if literals else ""),
        "PREFIX kg: <https://w3id.org/biopharma-kg/ontology#>",
        f"SELECT ?{var} {' '.join('?' + _local(p.iri) for p in literals)}",
        "WHERE {",
        f"  GRAPH ?g {{ ?{var} a kg:{name} }}",
    ]
    for p in literals:
        pattern = f"?{var} {onto.short(p.iri)} ?{_local(p.iri)}"
        lines.append(f"  OPTIONAL {{ GRAPH {_graph_of(p.iri)} {{ {pattern} }} }}")
    lines += ["}", "LIMIT 10"]
    return lines


# -- the example release -------------------------------------------------------------------------

EXAMPLE_TEXT = """\
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

ImmunoGen's collaborative partners include Amgen and Genentech.

In 2006, Bayer AG acquired Schering AG for EUR 16.3 billion.
"""


def example_graph() -> list[ox.Triple]:
    """The graph kg.build writes for EXAMPLE_TEXT with its facts written out by hand (not by
    the extractor, so that the pages change only when the ontology or the build does)."""
    from kg import facts as f
    from kg.build import build_graph
    from kg.read import parse_release

    release = parse_release(EXAMPLE_TEXT.encode("utf-8"), source="immunogen-2011-06-14.txt")
    text = release.text

    def span(opening: str) -> f.Span:
        start = text.index(opening)
        return f.Span(start, text.index("\n", start))

    earned, agreement, potential = span("WALTHAM"), span("BAY 94-9343 is"), span("Under this")
    quote, partners, bought = span('"BAY'), span("ImmunoGen's collab"), span("In 2006")
    facts = f.ReleaseFacts(
        text=text,
        title=text[: text.index("\n")],
        published=date(2011, 6, 14),
        issuer="ImmunoGen, Inc.",
        title_evidence=span("ImmunoGen, Inc. Earns"),
        organizations=[
            f.Organization("ImmunoGen, Inc.", earned, ["ImmunoGen"], "IMGN", "Nasdaq"),
            f.Organization("Bayer HealthCare Pharmaceuticals", earned, ["Bayer HealthCare"]),
            f.Organization("Amgen", partners),
            f.Organization("Genentech", partners),
            f.Organization("Bayer AG", bought),
            f.Organization("Schering AG", bought),
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
            )
        ],
        payments=[
            f.Payment(
                "milestone",
                "earned",
                earned,
                money=f.Money(Decimal("2000000"), "USD"),
                payer="Bayer HealthCare",
                payee="ImmunoGen",
                trigger="submission of an IND application for BAY 94-9343",
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
                "Bayer AG", "Schering AG", bought, price=f.Money(Decimal("16.3e9"), "EUR")
            )
        ],
        partnerships=[f.Partnership("ImmunoGen", p, partners) for p in ("Amgen", "Genentech")],
        regulatory_events=[
            f.RegulatoryEvent(
                "IND submission", earned, "BAY 94-9343", "Bayer HealthCare", date(2011, 6, 14)
            )
        ],
    )
    graph = build_graph(release, facts)
    quads = ox.parse(graph.ntriples.encode(), format=ox.RdfFormat.N_TRIPLES)
    return [ox.Triple(q.subject, q.predicate, q.object) for q in quads]


if __name__ == "__main__":  # pragma: no cover
    for path in write(Path(sys.argv[1] if len(sys.argv) > 1 else "docs")):
        print(path)
