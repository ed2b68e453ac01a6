"""Export the store in the W3C formats.

TriG, N-Quads and JSON-LD keep one named graph per release (and so the provenance). Turtle
has no graphs: it writes the union of every release's triples once each, the view most tools
want. Turtle output is deterministic: triples are sorted before writing, so the same store
gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

import pyoxigraph as ox

from kg.errors import KgError
from kg.namespace import BASE, KG
from kg.store import Store

FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}
PREFIXES = {
    "kg": str(KG),
    "kgv": BASE + "vocab/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def export(store: Store, fmt: str, output: BinaryIO) -> None:
    """Write the whole store to ``output`` in ``fmt`` (turtle, trig, nquads or jsonld)."""
    if fmt not in FORMATS:
        raise KgError(f"unknown export format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    if fmt == "turtle":
        ox.serialize(union_triples(store), output, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    elif fmt == "nquads":
        store.dump(output, FORMATS[fmt])  # N-Quads takes no prefixes
    else:
        store.dump(output, FORMATS[fmt], prefixes=PREFIXES)


def union_triples(store: Store) -> Iterator[ox.Triple]:
    """Every distinct triple of every graph, sorted, one subject at a time (the store knows how
    to do that without holding every triple in memory)."""
    return store.union_triples()
