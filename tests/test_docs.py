"""The guide in docs/: written from the ontology (it cannot drift), and its examples run.

``kg.guide`` writes ``docs/ontology.md``, ``docs/ontology.dot`` and a page per class from
``ontology/kg.ttl``; the files in the repository must be exactly what it writes today, and the
picture ``docs/ontology.svg`` must be drawn from today's ``ontology.dot``. Every example query
in ``docs/examples/`` runs on the development releases and answers something.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.guide import DATA_CLASSES, digest, render
from kg.ingest import ingest_paths
from kg.query import run_sparql
from kg.results import Table
from kg.schema import ontology
from kg.store import Store

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EXAMPLES = sorted((DOCS / "examples").glob("*.rq"))
DEV = ROOT.parent / "shared" / "corpus" / "dev"


@pytest.mark.parametrize("relative", sorted(render()))
def test_the_generated_pages_are_up_to_date(relative: str) -> None:
    written = (DOCS / relative).read_text(encoding="utf-8")
    assert written == render()[relative], f"docs/{relative} is stale: run scripts/docs"


def test_the_diagram_is_drawn_from_its_source() -> None:
    picture = (DOCS / "ontology.svg").read_text(encoding="utf-8")
    source = (DOCS / "ontology.dot").read_text(encoding="utf-8")
    assert f"sha256:{digest(source)}" in picture, "docs/ontology.svg is stale: run scripts/docs"
    for name in DATA_CLASSES:
        assert f"kg:{name}" in picture


def test_every_class_and_property_of_the_data_is_documented() -> None:
    onto = ontology()
    pages = render()
    for name in DATA_CLASSES:
        page = pages[f"classes/{name}.md"]
        for prop in onto.classes[onto.prefixes["kg"] + name].properties:
            assert onto.short(prop.iri) in page
        assert "## Example" in page and "```turtle" in page
    assert all(f"(classes/{name}.md)" in pages["ontology.md"] for name in DATA_CLASSES)


def test_every_example_is_listed_in_the_guide() -> None:
    guide = (DOCS / "README.md").read_text(encoding="utf-8")
    assert len(EXAMPLES) >= 12
    for path in EXAMPLES:
        assert f"(examples/{path.name})" in guide


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_an_example_declares_its_prefixes_and_says_what_it_asks(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# "), "a comment saying what it asks"
    used = set(re.findall(r"(?<![\w<\"?])([a-z]+):[A-Za-z_]", re.sub(r"<[^>]*>|#.*", "", text)))
    declared = set(re.findall(r"PREFIX\s+(\w+):", text))
    assert used <= declared, f"undeclared prefixes {used - declared}: it must run in any client"


@pytest.fixture(scope="module")
def dev_store() -> Store:
    if not DEV.is_dir():
        pytest.skip("the development corpus is not at ../shared/corpus/dev")
    store = Store.open(None)
    ingest_paths([DEV], store, workers=0)
    return store


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_an_example_runs_on_the_dev_releases(dev_store: Store, path: Path) -> None:
    result = run_sparql(dev_store, path.read_text(encoding="utf-8"))
    table = Table.of(result)
    assert table.rows, f"{path.name} answers nothing on the dev releases"
    # a value in every column of some row: no column the query forgot to bind
    for column in table.variables:
        assert any(value is not None for value in table.column(column)), column


@pytest.mark.parametrize("name", DATA_CLASSES)
def test_a_class_pages_query_finds_each_of_its_columns(dev_store: Store, name: str) -> None:
    # Each property is read where the store states it: a release's graph, or the identity
    # graph (kg:canonicalName), so a column the dev releases hold is never empty.
    page = (DOCS / "classes" / f"{name}.md").read_text(encoding="utf-8")
    query = re.search(r"```sparql\n(.*?)```", page, re.S).group(1).replace("LIMIT 10", "")
    table = Table.of(run_sparql(dev_store, query))
    assert table.rows, name
    for column in table.variables:
        stated = run_sparql(dev_store, f"ASK {{ GRAPH ?g {{ ?s kg:{column} ?o }} }}")
        if column != table.variables[0] and stated:
            assert any(v is not None for v in table.column(column)), f"{name}: {column}"
