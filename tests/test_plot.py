"""kg plot: the three charts are drawn from the canned queries' rows, to SVG or PNG.

The plot extra (matplotlib, networkx) is installed by scripts/test; the pictures are checked
for what they must show (the title, the organisations, the kinds of payment) and that the
same data gives the same SVG.
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from factories import fill

from kg.cli import main
from kg.errors import KgError
from kg.plot import plot
from kg.store import Store

pytest.importorskip("matplotlib", reason="the plot extra: pip install 'kg[plot]'")
pytest.importorskip("networkx", reason="the plot extra: pip install 'kg[plot]'")


@pytest.fixture(scope="module")
def store() -> Store:
    return fill(Store.open(None))


def svg_text(path: Path) -> str:
    root = ElementTree.parse(path).getroot()  # well-formed XML
    assert root.tag.endswith("svg")
    return path.read_text(encoding="utf-8")


def test_earned_by_year_has_bars_per_kind_and_a_panel_per_currency(store, tmp_path):
    picture = plot(store, "earned-by-year", {}, tmp_path / "earned.svg")
    text = svg_text(picture)
    assert "Money earned per year and kind of payment" in text
    assert "milestone" in text and "upfront" in text  # the legend's kinds
    assert "million USD" in text and "million EUR" in text  # never added together
    assert "2011" in text and "2013" in text


def test_the_same_data_gives_the_same_svg(store, tmp_path):
    first = plot(store, "earned-by-year", {}, tmp_path / "a.svg").read_bytes()
    second = plot(store, "earned-by-year", {}, tmp_path / "b.svg").read_bytes()
    assert first == second


def test_a_timeline_of_one_organisation(store, tmp_path):
    picture = plot(store, "timeline", {"organization": "ImmunoGen"}, tmp_path / "t.svg")
    text = svg_text(picture)
    assert "Timeline of ImmunoGen: 6 dated facts" in text
    assert "payment (4)" in text and "agreement (2)" in text


def test_the_partner_network_names_the_organisations(store, tmp_path):
    picture = plot(store, "partner-network", {}, tmp_path / "n.svg")
    text = svg_text(picture)
    for name in ("ImmunoGen", "Rhein Antibody GmbH", "Genentech"):
        assert name in text
    assert "Who works with whom: 7 pairs" in text


def test_png_is_written_too(store, tmp_path):
    picture = plot(store, "partner-network", {"organization": "biotest"}, tmp_path / "n.png")
    assert picture.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize(
    ("name", "values", "output", "message"),
    [
        ("payments", {}, "p.svg", "no chart for 'payments'"),
        ("earned-by-year", {}, "e.pdf", "name the output FILE.svg or FILE.png"),
        ("timeline", {}, "t.svg", "timeline needs --param organization"),
        ("timeline", {"organization": "Nobody At All"}, "t.svg", "no release names"),
    ],
)
def test_errors_say_what_to_do(store, tmp_path, name, values, output, message):
    with pytest.raises(KgError) as raised:
        plot(store, name, values, tmp_path / output)
    assert message in f"{raised.value} {raised.value.hint}"


def test_without_the_plot_extra_kg_plot_says_how_to_get_it(store, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib now fails
    with pytest.raises(KgError, match="needs matplotlib") as raised:
        plot(store, "earned-by-year", {}, tmp_path / "e.svg")
    assert raised.value.hint == "pip install 'kg[plot]'"


def test_the_cli_draws_and_reports(tmp_path):
    path = tmp_path / "store"
    fill(Store.open(path)).close()
    out = tmp_path / "earned.png"
    result = CliRunner().invoke(
        main, ["--store", str(path), "plot", "earned-by-year", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert f"Wrote {out}." in result.output and out.stat().st_size > 1000
