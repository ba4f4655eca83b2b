"""The report's charts as PNG files: horizontal bars and a count heatmap.

Charts are drawn on ``Figure`` objects with the Agg canvas directly, never
through pyplot, so building a report changes no global matplotlib state in the
process that calls it (a Prefect worker, a test). Labels come from the data and
are hostile: control characters are removed, lengths bounded, and mathtext is
off wherever they are drawn (``$...$`` in a title must not be parsed).
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


@dataclass(frozen=True)
class Bars:
    title: str
    labels: list[str]
    series: dict[str, list[int]]  # legend label -> one count per label
    xlabel: str = "count"


@dataclass(frozen=True)
class Heatmap:
    """Counts of ``rows`` x ``columns``; ``cells[i][j]`` belongs to rows[i], columns[j]."""

    title: str
    rows: list[str]
    columns: list[str]
    cells: list[list[int]]
    what: str = "count"  # what a cell counts, for the colour bar and the alt text

    @property
    def empty(self) -> bool:
        return not any(any(row) for row in self.cells)


Panel = Bars | Heatmap


def chart_label(text: object, limit: int = 42) -> str:
    """Hostile labels: no control characters, bounded length; mathtext is off where they are drawn."""
    clean = " ".join(_CONTROL.sub(" ", str(text)).split())
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def _no_data(ax: Axes) -> None:
    ax.text(0.5, 0.5, "no data", ha="center", va="center", fontsize=16, color="#777", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])


def _draw_bars(ax: Axes, bars: Bars) -> None:
    ax.set_title(chart_label(bars.title, 90), fontsize=11, loc="left")
    total = sum(sum(v) for v in bars.series.values())
    if not bars.labels or total == 0:
        _no_data(ax)
        return
    height = 0.8 / len(bars.series)
    positions = range(len(bars.labels))
    for k, (name, values) in enumerate(bars.series.items()):
        ax.barh([p + k * height for p in positions], values, height=height, label=chart_label(name))
    ax.set_yticks([p + height * (len(bars.series) - 1) / 2 for p in positions])
    ax.set_yticklabels([chart_label(label) for label in bars.labels], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(bars.xlabel)
    ax.xaxis.get_major_locator().set_params(integer=True)
    if len(bars.series) > 1:
        ax.legend(fontsize=8, loc="best")


def _draw_heatmap(ax: Axes, heat: Heatmap) -> None:
    ax.set_title(chart_label(heat.title, 120), fontsize=11, loc="left")
    if heat.empty:
        _no_data(ax)
        return
    image = ax.imshow(heat.cells, cmap="Blues", aspect="auto", interpolation="nearest")
    ax.set_xticks(range(len(heat.columns)))
    ax.set_xticklabels([chart_label(c, 28) for c in heat.columns], rotation=40, ha="right", fontsize=8)
    ax.set_yticks(range(len(heat.rows)))
    ax.set_yticklabels([chart_label(r, 36) for r in heat.rows], fontsize=8)
    top = max(max(row) for row in heat.cells)
    for i, row in enumerate(heat.cells):
        for j, value in enumerate(row):
            if value:
                colour = "white" if value > top * 0.6 else "#222"
                ax.text(j, i, str(value), ha="center", va="center", fontsize=7, color=colour)
    ax.figure.colorbar(image, ax=ax, label=chart_label(heat.what, 60), shrink=0.6)


def _size(panels: Sequence[Panel]) -> tuple[float, float]:
    if any(isinstance(p, Heatmap) for p in panels):
        rows = max([len(p.rows) for p in panels if isinstance(p, Heatmap)] + [4])
        columns = max([len(p.columns) for p in panels if isinstance(p, Heatmap)] + [4])
        return 3.5 + 0.55 * columns, 2.5 + 0.32 * rows
    n_bars = max([len(p.labels) for p in panels if isinstance(p, Bars)] + [4])
    return 6.5 * len(panels), 1.2 + 0.32 * n_bars


def draw_chart(path: Path, panels: Sequence[Panel]) -> None:
    """One PNG with the panels side by side, written atomically (a reader never sees half a file)."""
    with mpl.rc_context({"text.parse_math": False, "text.usetex": False}), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing glyphs in hostile labels are not worth a warning per chart
        figure = Figure(figsize=_size(panels), dpi=100, layout="constrained")
        FigureCanvasAgg(figure)
        for ax, panel in zip(figure.subplots(1, len(panels), squeeze=False)[0], panels, strict=True):
            if isinstance(panel, Heatmap):
                _draw_heatmap(ax, panel)
            else:
                _draw_bars(ax, panel)
        tmp = path.with_name(f".{path.name}.tmp")
        figure.savefig(tmp, format="png")
    os.replace(tmp, path)


def alt_text(panel: Panel, limit: int = 8) -> str:
    """What the chart shows, in words, for readers who cannot see it (and for tests that read the page)."""
    if isinstance(panel, Heatmap):
        return _heatmap_alt(panel, limit)
    if not panel.labels or not any(any(v) for v in panel.series.values()):
        return f"{panel.title}: no data"
    parts = []
    for i, label in enumerate(panel.labels[:limit]):
        counts = ", ".join(f"{name} {values[i]}" for name, values in panel.series.items())
        parts.append(f"{chart_label(label, 60)} ({counts})")
    more = f"; and {len(panel.labels) - limit} more" if len(panel.labels) > limit else ""
    return f"Bar chart, {panel.title}: " + "; ".join(parts) + more


def _heatmap_alt(heat: Heatmap, limit: int) -> str:
    if heat.empty:
        return f"{heat.title}: no data"
    cells = [
        (value, row, column)
        for row, values in zip(heat.rows, heat.cells, strict=True)
        for column, value in zip(heat.columns, values, strict=True)
    ]
    cells.sort(key=lambda cell: -cell[0])
    top = "; ".join(f"{chart_label(r, 40)} × {chart_label(c, 40)}: {v}" for v, r, c in cells[:limit] if v)
    return f"Heatmap, {heat.title} ({heat.what}), largest cells: {top}"
