"""The main page, ``report/index.html``: what the corpus says first, then how the pipeline did."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow.compute as pc

from nato_briefs.report.briefs import Selection, index_html
from nato_briefs.report.draw import Panel, alt_text
from nato_briefs.report.markup import e, page, table
from nato_briefs.report.prose import StatementSummary
from nato_briefs.report.read import Published
from nato_briefs.report.stats import TOP_AREAS, numbers, quarantine_rows
from nato_briefs.report.validation import Validation

NO_PROSE = "no prose datasets in this version"


@dataclass(frozen=True)
class Prose:
    """The analyst's part; ``None`` fields mean the output root predates the dataset."""

    statements: StatementSummary | None
    countries: list[tuple[object, ...]] | None  # the country table
    charts: dict[str, tuple[str, list[Panel]]]  # "statements" / "countries" -> (file, panels)


@dataclass(frozen=True)
class MainPage:
    out: Path
    published: Published
    charts: list[tuple[str, list[Panel]]]
    prose: Prose
    areas: pd.DataFrame
    documents: list[tuple[str, str, int, int]]
    validation: Validation | None
    briefs: Selection
    notes: list[str]


def figure(src: str, panels: Sequence[Panel], caption: str = "") -> str:
    alt = " | ".join(alt_text(p) for p in panels)
    caption = caption or " · ".join(p.title for p in panels)
    return f'<figure><img src="{e(src)}" alt="{e(alt)}"><figcaption>{e(caption)}</figcaption></figure>'


def headline(published: Published) -> dict[str, int]:
    docs, table_rows = published.frames["documents"], published.frames["table_rows"]
    if "n_tables" in docs and not docs.empty:
        tables = int(numbers(docs, "n_tables").fillna(0).sum())
    else:
        key = [c for c in ("doc_id", "source_path", "table_index") if c in table_rows]
        tables = len(table_rows[key].drop_duplicates()) if key and not table_rows.empty else 0
    cards = {
        "documents": published.rows["documents"],
        "tables": tables,
        "priorities": published.rows["priorities"],
        "initiatives": published.rows["initiatives"],
    }
    if published.has("statements"):
        cards["statements"] = published.rows["statements"]
    if published.countries:
        named = [set(pc.unique(t["country"]).to_pylist()) for t in published.countries.values()]
        cards["countries named"] = len(set().union(*named))
    return cards | {"quarantined": published.rows["quarantine"]}


def _statements_section(prose: Prose, published: Published) -> str:
    if "statements" in published.unreadable:
        return "<p>the <code>statements</code> dataset could not be read (see the notes above)</p>"
    if prose.statements is None:
        return f"<p>{NO_PROSE} (no <code>statements</code> dataset was published)</p>"
    src, panels = prose.charts["statements"]
    summary = prose.statements
    return figure(src, panels) + table(summary.headers, summary.rows)


def _countries_section(prose: Prose) -> str:
    if "countries" not in prose.charts:
        return f"<p>{NO_PROSE} (no <code>countries</code> in documents, statements or mentions)</p>"
    src, panels = prose.charts["countries"]
    caption = (
        "Each cell: statements naming the country with that theme, plus priorities and initiatives with that "
        "theme in documents naming the country (documents.countries). What has no theme is left out here; "
        "the table below counts every document, mention and statement."
    )
    rows = prose.countries or []
    listing = (
        table(["code", "country", "documents", "mentions", "statements"], rows) if rows else "<p>no countries named</p>"
    )
    return figure(src, panels, caption) + "<h3>Countries named most often</h3>" + listing


def _validation_html(validation: Validation | None, out: Path) -> str:
    if validation is None:
        return "<p>validation status: see documents (no validation report was published with these datasets)</p>"
    overall = validation.overall or "see table"
    css = "passed" if overall.startswith("passed") else "failed" if overall.startswith("failed") else ""
    source = f'<span class="muted">(from {e(validation.source)})</span>'
    parts = [f'<p>Overall: <b class="{css}">{e(overall)}</b> {source}']
    if (out / "validation" / "index.html").is_file():
        parts.append(' — <a href="../validation/index.html">full validation report</a>')
    parts.append("</p>")
    if validation.rows:
        parts.append(table(validation.headers, validation.rows))
    return "".join(parts)


def _areas_html(areas: pd.DataFrame) -> str:
    if areas.empty:
        return "<p>no data: no priorities with an area were published</p>"
    rows = [(i + 1, r.area, int(r.rows), int(r.documents), r.theme) for i, r in enumerate(areas.itertuples())]
    return table(["#", "area", "rows", "documents", "main theme"], rows)


def _quarantine_html(published: Published) -> str:
    total = published.rows["quarantine"]
    if not total:
        return "<p>nothing was quarantined</p>"
    rows = quarantine_rows(published.frames["quarantine"])
    more = f'<p class="muted">the first {len(rows):,} of {total:,} rows (all are in the dataset)</p>'
    listing = table(["source_path", "stage", "reason_code", "record", "reason"], rows)
    return listing + (more if total > len(rows) else "")


_TOC = (
    '<nav><a href="#statements">Statements</a><a href="#countries">Countries × themes</a>'
    '<a href="#pipeline">Pipeline</a><a href="#validation">Validation</a><a href="#quarantine">Quarantine</a>'
    '<a href="#briefs">Document briefs</a></nav>'
)


def render_html(p: MainPage) -> str:
    cards = "".join(f'<div class="card"><b>{n:,}</b>{e(k)}</div>' for k, n in headline(p.published).items())
    notes = "".join(f"<li>{e(n)}</li>" for n in p.notes)
    documents = (
        table(["source_path", "title", "priorities", "list items"], p.documents) if p.documents else "<p>no data</p>"
    )
    statements = _statements_section(p.prose, p.published)
    charts = "".join(figure(src, panels) for src, panels in p.charts)
    body = f"""<h1>nato-briefs report</h1>
<p class="muted">Datasets under {e(p.out)}</p>
<div class="cards">{cards}</div>
{f'<ul class="muted">{notes}</ul>' if notes else ""}{_TOC}
<h2 id="statements">Statements: commitments, priorities and concerns in the prose</h2>{statements}
<h2 id="countries">Countries × themes</h2>{_countries_section(p.prose)}
<h2 id="pipeline">Pipeline: documents, themes, areas, validation</h2>{charts}
<h2>Top {TOP_AREAS} priority areas</h2>{_areas_html(p.areas)}
<h2>Documents with the most priorities and list items</h2>{documents}
<h2 id="validation">Validation</h2>{_validation_html(p.validation, p.out)}
<h2 id="quarantine">Quarantine</h2>{_quarantine_html(p.published)}
<section id="briefs"><h2>Document briefs</h2>{index_html(p.briefs)}</section>"""
    return page("nato-briefs report", body)
