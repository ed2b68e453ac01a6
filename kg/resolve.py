"""Resolve names to identities: one IRI per organisation, person and compound across releases.

Two releases that write "ImmunoGen, Inc." and "ImmunoGen" name one company: the key of an
organisation is its name compared case-blind, without punctuation, legal suffixes or a leading
"the" (the same rule the gold annotations use). Inside one release every alias the text gives
resolves to the organisation's canonical name first, so a payment "to the Company" and the
"About ImmunoGen, Inc." boilerplate land on the same node.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rdflib import URIRef

from kg.facts import ReleaseFacts
from kg.namespace import ID

# Legal-form suffixes that do not change which company is meant (KGaA does: Merck KGaA).
LEGAL_SUFFIXES = frozenset(
    [
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "limited",
        "plc",
        "ag",
        "sa",
        "nv",
        "gmbh",
        "llc",
        "lp",
        "as",
        "ab",
        "oy",
        "spa",
        "bv",
        "kk",
        "sarl",
        "srl",
        "aps",
        "sas",
        "ltda",
        "pty",
        "sdn",
        "bhd",
    ]
)
_SPACED_SUFFIXES = re.compile(
    r"\b(s\.?\s?a|n\.?\s?v|a/s|b\.?\s?v|s\.?p\.?a|k\.?k|s\.?\s?a\.?\s?r\.?\s?l|s\.?\s?r\.?\s?l)\.?\s*$",
    re.I,
)


@lru_cache(maxsize=65536)  # called ~150 times a release, mostly on names seen before
def name_key(name: str) -> str:
    """The comparison key of an organisation name: 'The ImmunoGen, Inc.' -> 'immunogen'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("&", " and ")
    text = _SPACED_SUFFIXES.sub("", text.strip())
    words = re.sub(r"[^\w\s]", " ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    stripped = False
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
        stripped = True
    if stripped and len(words) > 1 and words[-1] == "and":
        words.pop()  # "Orvane and Company", "Kessel & Co., Inc."
    return " ".join(words)


def slug(text: str) -> str:
    """A readable IRI segment: 'BAY 94-9343' -> 'bay-94-9343'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "unnamed"


def organization_iri(name: str) -> URIRef:
    return ID[f"org/{slug(name_key(name))}"]


def person_iri(name: str) -> URIRef:
    return ID[f"person/{slug(name)}"]


def compound_iri(name: str) -> URIRef:
    return ID[f"compound/{slug(name)}"]


def release_iri(content_hash: str) -> URIRef:
    return ID[f"release/{content_hash[:20]}"]


def graph_iri(content_hash: str) -> URIRef:
    """The named graph holding one release's facts."""
    return ID[f"graph/{content_hash[:20]}"]


class NameResolver:
    """Maps every name form a release uses for an organisation or compound to its canonical name."""

    def __init__(self, facts: ReleaseFacts) -> None:
        self._organizations: dict[str, str] = {}
        for org in facts.organizations:
            for form in (org.name, *org.aliases):
                self._organizations.setdefault(name_key(form), org.name)
        self._compounds: dict[str, str] = {}
        for compound in facts.compounds:
            for form in (compound.name, *compound.aliases):
                self._compounds.setdefault(form.lower(), compound.name)

    def organization(self, name: str) -> str:
        return self._organizations.get(name_key(name), name)

    def compound(self, name: str) -> str:
        return self._compounds.get(name.lower(), name)
