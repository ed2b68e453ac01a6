"""The ingest gate: pyrudof's verdicts equal pySHACL's on every shape's breaking graph."""

from __future__ import annotations

import pytest
from test_shapes import CASES, VALID, broken

from kg.validate import ReleaseValidator, validate_graph

RUDOF = ReleaseValidator(engine="rudof")
PYSHACL = ReleaseValidator(engine="pyshacl")


def test_the_engines_are_what_they_say():
    assert RUDOF.engine == "rudof+pyshacl"
    assert PYSHACL.engine == "pyshacl"


def test_a_valid_graph_passes_the_fast_gate():
    assert RUDOF._rudof_conforms(VALID)
    assert RUDOF.validate(VALID).conforms


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_rudof_gives_pyshacls_verdict(case):
    graph = broken(case)
    assert RUDOF._rudof_conforms(graph) == validate_graph(graph).conforms


def test_a_rejected_graph_gets_pyshacls_full_report():
    case = next(c for c in CASES if not validate_graph(broken(c)).conforms)
    report = RUDOF.validate(broken(case))
    assert not report.conforms
    assert report.violations == validate_graph(broken(case)).violations


def test_staging_leaves_nothing_behind_between_graphs():
    failing = next(c for c in CASES if not validate_graph(broken(c)).conforms)
    assert not RUDOF._rudof_conforms(broken(failing))
    assert RUDOF._rudof_conforms(VALID)
