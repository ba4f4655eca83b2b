"""``build_report(OUT)``: read what is published, draw the charts, write the briefs, then the main page.

The main page is written last, so a reader who opens it finds every chart and
brief it links to; each file is replaced atomically.
"""

from __future__ import annotations

from pathlib import Path

from nato_briefs.publish import safe_out_dir
from nato_briefs.report.briefs import select_documents, write_briefs
from nato_briefs.report.draw import Panel, draw_chart
from nato_briefs.report.markup import write_atomic
from nato_briefs.report.page import MainPage, Prose, render_html
from nato_briefs.report.prose import countries_by_theme, country_table, statement_summary
from nato_briefs.report.read import Published, read_published
from nato_briefs.report.stats import (
    areas_bars,
    documents_bars,
    ensure_themes,
    history_bars,
    quarantine_bars,
    theme_bars,
    top_areas,
    top_documents,
)
from nato_briefs.report.validation import read_validation, validation_bars
from nato_briefs.themes import Taxonomy, load_taxonomy

REPORT_DIR = "report"
_PROSE_CHARTS = ("statements.png", "countries.png")


def _prose(published: Published, taxonomy: Taxonomy) -> Prose:
    charts: dict[str, tuple[str, list[Panel]]] = {}
    summary = None
    if published.has("statements"):
        summary = statement_summary(published.frames["statements"], taxonomy)
        charts["statements"] = ("statements.png", [summary.by_kind, summary.by_theme])
    countries = None
    if published.countries:
        charts["countries"] = ("countries.png", [countries_by_theme(published, taxonomy)])
        countries = country_table(published)
    return Prose(summary, countries, charts)


def build_report(out_dir: str | Path) -> Path:
    out = Path(out_dir)
    report_dir = Path(safe_out_dir(out, REPORT_DIR))  # never written through a planted symlink
    taxonomy = load_taxonomy()
    published = read_published(out)
    theme_notes = ensure_themes(published, taxonomy)
    validation = read_validation(out, published.frames["documents"])
    areas = top_areas(published.frames["priorities"], taxonomy)
    charts: list[tuple[str, list[Panel]]] = [
        ("documents.png", [b for b in (history_bars(out), documents_bars(published.frames["documents"])) if b]),
        ("themes.png", [theme_bars(published, taxonomy)]),
        ("areas.png", [areas_bars(areas)]),
        ("validation.png", [validation_bars(validation), quarantine_bars(published.frames["quarantine"])]),
    ]
    prose = _prose(published, taxonomy)
    for name, panels in [*charts, *prose.charts.values()]:
        draw_chart(report_dir / name, panels)
    for stale in set(_PROSE_CHARTS) - {name for name, _ in prose.charts.values()}:
        (report_dir / stale).unlink(missing_ok=True)
    briefs = select_documents(published)
    write_briefs(report_dir, published, briefs, taxonomy)
    documents = top_documents(published.frames["documents"])
    notes = published.notes + theme_notes
    page = MainPage(out, published, charts, prose, areas, documents, validation, briefs, notes)
    index = report_dir / "index.html"
    write_atomic(index, render_html(page))
    return index


def main(argv: list[str]) -> int:
    """``python -m nato_briefs.report [OUT]``: (re)build the report of an output root."""
    print(build_report(argv[0] if argv else "outputs"))
    return 0
