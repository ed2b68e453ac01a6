"""Where the installed package finds its first-class source files: ontology, shapes, queries."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def ontology_file() -> Traversable:
    return files("kg.ontology") / "kg.ttl"


def alignment_file() -> Traversable:
    return files("kg.ontology") / "alignment.ttl"


def shapes_file() -> Traversable:
    return files("kg.ontology") / "shapes.ttl"


def queries_dir() -> Traversable:
    return files("kg.queries")
