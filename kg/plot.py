"""Charts of canned query results: earned money by year, one organisation's timeline, and the
partner network, drawn with matplotlib (and networkx for the network's layout).

They are an optional extra, ``pip install 'kg[plot]'``; without it ``kg plot`` says so. Each
chart is drawn from the rows the canned query gives (``kg query NAME`` shows the same data),
to SVG or PNG by the output file's suffix.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.query import canned_query, run_canned
from kg.results import Table
from kg.store import Store

CHARTS = ("earned-by-year", "timeline", "partner-network")
SUFFIXES = (".svg", ".png")
# One colour per payment kind and per kind of event, the same in every chart.
PALETTE = (
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
)  # fmt: skip


def plot(
    store: Store,
    name: str,
    values: Mapping[str, str | Sequence[str]],
    output: Path,
    *,
    top: int = 40,
) -> Path:
    """Draw the chart of canned query ``name`` with ``values`` bound into ``output``."""
    if name not in CHARTS:
        raise KgError(f"no chart for {name!r}", hint=f"kg plot draws: {', '.join(CHARTS)}")
    if output.suffix.lower() not in SUFFIXES:
        raise KgError(
            f"cannot tell the picture format of {output.name!r}",
            hint="name the output FILE.svg or FILE.png",
        )
    pyplot = _pyplot()
    table = run_canned(store, canned_query(name), values)
    if not table.rows:
        raise KgError(f"{name} has no rows to draw for these parameters")
    draw: dict[str, Callable[..., Any]] = {
        "earned-by-year": _earned_by_year,
        "timeline": _timeline,
        "partner-network": _partner_network,
    }
    figure = draw[name](pyplot, table, values, top)
    try:
        figure.savefig(output, metadata=_metadata(output), bbox_inches="tight")
    except OSError as err:
        raise KgError(f"cannot write {output}: {err.strerror or err}") from None
    finally:
        pyplot.close(figure)
    return output


def _pyplot() -> Any:
    try:
        import matplotlib

        matplotlib.use("Agg")
        matplotlib.rcParams["svg.hashsalt"] = "kg"  # the same data gives the same SVG
        import matplotlib.pyplot as pyplot
    except ImportError:
        raise KgError(
            "kg plot needs matplotlib, an optional extra",
            hint="pip install 'kg[plot]'",
        ) from None
    return pyplot


def _metadata(output: Path) -> dict[str, Any]:
    if output.suffix.lower() == ".svg":
        return {"Date": None, "Creator": "kg plot"}
    return {"Software": "kg plot"}


def _rows(table: Table) -> list[dict[str, Any]]:
    names = table.variables
    return [
        {name: None if term is None else term.value for name, term in zip(names, row, strict=True)}
        for row in table.rows
    ]


# -- earned money by year ----------------------------------------------------------------------


def _earned_by_year(pyplot: Any, table: Table, values: Mapping[str, Any], top: int) -> Any:
    """Bars per year, stacked by payment kind; one panel per currency (never added up)."""
    totals: dict[str, dict[int, dict[str, Decimal]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(Decimal))
    )
    payees: set[str] = set()
    payments: dict[str, int] = defaultdict(int)
    for row in _rows(table):
        totals[row["currency"]][int(row["year"])][row["kind"]] += Decimal(row["earned"])
        payees.add(row["payee"])
        payments[row["currency"]] += int(row["payments"])
    # The currencies with the most payments (amounts in different currencies do not compare).
    currencies = sorted(totals, key=lambda c: (-payments[c], c))[:3]
    kinds = sorted({kind for c in currencies for y in totals[c].values() for kind in y})
    colours = {kind: PALETTE[i % len(PALETTE)] for i, kind in enumerate(kinds)}
    figure, axes = pyplot.subplots(
        len(currencies), 1, figsize=(9, 3.2 * len(currencies)), squeeze=False, sharex=True
    )
    every_year = sorted({year for currency in currencies for year in totals[currency]})
    for axis, currency in zip(axes[:, 0], currencies, strict=True):
        years = sorted(totals[currency])
        bottom = [0.0] * len(years)
        for kind in kinds:
            heights = [float(totals[currency][y].get(kind, 0)) / 1e6 for y in years]
            if any(heights):
                axis.bar(years, heights, bottom=bottom, label=kind, color=colours[kind])
                bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        axis.set_ylabel(f"earned, million {currency}")
        axis.set_xticks(
            every_year, [str(y) for y in every_year], rotation=45 if len(every_year) > 12 else 0
        )
        axis.grid(axis="y", alpha=0.3)
        axis.spines[["top", "right"]].set_visible(False)
        axis.legend(
            title="payment kind", fontsize=8, title_fontsize=8, frameon=False,
            loc="upper left", bbox_to_anchor=(1.0, 1.0),
        )  # fmt: skip
    who = next(iter(payees)) if len(payees) == 1 else f"{len(payees)} payees"
    axes[0, 0].set_title(f"Money earned per year and kind of payment — {who}")
    figure.text(
        0.99, 0.0, "earned payments with a stated amount; potential amounts are not counted",
        ha="right", va="top", fontsize=7, color="#666666",
    )  # fmt: skip
    return figure


# -- one organisation's timeline -------------------------------------------------------------------

_LANES = ("payment", "agreement", "regulatory event", "acquisition")


def _timeline(pyplot: Any, table: Table, values: Mapping[str, Any], top: int) -> Any:
    """Each dated fact of the organisation as a mark on a time axis, one lane per kind of fact;
    a payment's mark grows with its amount."""
    from datetime import date

    rows = _rows(table)
    largest = max(
        (float(r["amount"]) for r in rows if r["event"] == "payment" and r["amount"]), default=1.0
    )
    organization = values.get("organization")
    name = organization if isinstance(organization, str) else ", ".join(organization or [])
    figure, axis = pyplot.subplots(figsize=(10, 3.6))
    for lane, event in enumerate(_LANES):
        marks = [r for r in rows if r["event"] == event]
        if not marks:
            continue
        days = [date.fromisoformat(r["date"]) for r in marks]
        sizes = [_mark_size(r, largest) for r in marks]
        axis.scatter(
            days, [lane] * len(marks), s=sizes, alpha=0.6, color=PALETTE[lane],
            edgecolors="white", linewidths=0.5, label=f"{event} ({len(marks)})",
        )  # fmt: skip
    axis.legend(
        loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8, markerscale=0.6
    )
    axis.set_yticks(range(len(_LANES)), _LANES)
    axis.set_ylim(-0.7, len(_LANES) - 0.3)
    axis.grid(axis="x", alpha=0.3)
    axis.spines[["top", "right"]].set_visible(False)
    axis.set_title(f"Timeline of {name}: {len(rows)} dated facts")
    note = "a payment's mark grows with its amount; a fact is dated by itself, else by its release"
    figure.text(0.99, 0.0, note, ha="right", va="top", fontsize=7, color="#666666")
    figure.autofmt_xdate()
    return figure


def _mark_size(row: Mapping[str, Any], largest: float) -> float:
    """A mark's area: payments by the square root of their amount against the largest."""
    if row["event"] != "payment" or not row["amount"]:
        return 30.0
    return 20.0 + 280.0 * (float(row["amount"]) / largest) ** 0.5


# -- the partner network ---


def _packed_layout(networkx: Any, graph: Any) -> dict[str, tuple[float, float]]:
    """Each connected group of organisations laid out on its own (a spring layout), larger
    groups larger, the groups packed in rows, biggest first: one layout for the whole graph
    flings small groups to the edges and crushes the big one."""
    groups = sorted(networkx.connected_components(graph), key=lambda g: (-len(g), sorted(g)))
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    width = 4.0 * max(len(groups[0]), 1) ** 0.5
    for group in groups:
        size = 1.2 * max(len(group), 2) ** 0.5
        if x > 0 and x + size > width:
            x, y, row_height = 0.0, y - row_height - 0.6, 0.0
        layout = networkx.spring_layout(graph.subgraph(group), seed=0, iterations=200)
        for node, (px, py) in layout.items():
            positions[node] = (x + size / 2 + px * size / 2, y - size / 2 + py * size / 2)
        x, row_height = x + size + 0.6, max(row_height, size)
    return positions


# -- the partner network ---------------------------------------------------------------------------


def _partner_network(pyplot: Any, table: Table, values: Mapping[str, Any], top: int) -> Any:
    """The pairs stated by the most releases (``top`` of them), as a graph: an organisation's
    box grows with its partners, a line thickens with the releases stating the pair."""
    try:
        import networkx
    except ImportError:
        raise KgError(
            "kg plot partner-network needs networkx, an optional extra",
            hint="pip install 'kg[plot]'",
        ) from None
    rows = _rows(table)[:top]
    graph = networkx.Graph()
    for row in rows:
        graph.add_edge(row["organization"], row["partner"], weight=int(row["releases"]))
    positions = _packed_layout(networkx, graph)
    figure, axis = pyplot.subplots(figsize=(12, 9))
    heaviest = max(graph.edges[e]["weight"] for e in graph.edges)
    widths = [0.6 + 2.4 * graph.edges[e]["weight"] / heaviest for e in graph.edges]
    networkx.draw_networkx_edges(graph, positions, ax=axis, width=widths, edge_color="#8899aa")
    degree = dict(graph.degree())
    networkx.draw_networkx_nodes(
        graph, positions, ax=axis, node_color="#4e79a7", alpha=0.85,
        node_size=[80 + 60 * degree[n] for n in graph.nodes],
    )  # fmt: skip
    label_box = {"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"}
    networkx.draw_networkx_labels(
        graph, positions, ax=axis, font_size=8, bbox={**label_box, "alpha": 0.7}
    )
    axis.set_axis_off()
    shown = (
        f"the {len(rows)} pairs stated by the most releases"
        if len(rows) == top
        else (f"{len(rows)} pairs")
    )
    axis.set_title(f"Who works with whom: {shown}")
    return figure
