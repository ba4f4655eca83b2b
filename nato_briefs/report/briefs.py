"""One short brief per document: title, countries, statements, priorities and initiatives, each with its line.

Briefs are written to ``report/briefs/<n>.html``, ``PAGE_SIZE`` documents a
page, each under the anchor ``#doc-<doc_id[:12]>``, and listed in an index on
the main page. A large corpus gets briefs for at most ``MAX_BRIEFS`` documents
(those with the most statements, priorities and initiatives: where an analyst
has most to read) and the page says so; everything is still in the datasets.
Inside a brief, each table is capped too, and long sentences are cut, so that
one hostile document cannot make the page unreadable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from nato_briefs.report.markup import e, page, table, write_atomic
from nato_briefs.report.prose import country_name
from nato_briefs.report.read import Published, rows_of
from nato_briefs.themes import Taxonomy

MAX_BRIEFS = 500
PAGE_SIZE = 100
MAX_ROWS = 200  # per table of one brief
MAX_TEXT = 1000  # characters of one cell
BRIEFS_DIR = "briefs"
_NOT_ANCHOR = re.compile(r"[^0-9A-Za-z_-]")
_STATEMENT_COLUMNS = ("source_path", "sentence_index", "line", "column", "kind", "theme", "countries", "text", "cue")


@dataclass
class Entry:
    """A document that gets a brief, and where it is."""

    doc_id: str
    source_path: str
    title: str
    anchor: str
    page: int = 1
    countries: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # statements / priorities / initiatives

    @property
    def href(self) -> str:
        """Relative to the report folder."""
        return f"{BRIEFS_DIR}/{self.page}.html#{self.anchor}"


@dataclass(frozen=True)
class Selection:
    entries: list[Entry]
    total: int  # documents published

    @property
    def capped(self) -> bool:
        return len(self.entries) < self.total

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.entries) // PAGE_SIZE))


def _short(value: object, limit: int = MAX_TEXT) -> str:
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _per_document(frame: pd.DataFrame) -> pd.Series:
    return frame["source_path"].value_counts() if "source_path" in frame else pd.Series(dtype="int64")


def _anchors(doc_ids: Sequence[str]) -> list[str]:
    """``doc-`` and the first 12 characters of the doc_id; made unique when two documents share them."""
    seen: dict[str, int] = {}
    anchors = []
    for doc_id in doc_ids:
        base = "doc-" + (_NOT_ANCHOR.sub("", doc_id)[:12] or "x")
        seen[base] = seen.get(base, 0) + 1
        anchors.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return anchors


def select_documents(published: Published, limit: int = MAX_BRIEFS) -> Selection:
    docs = published.frames["documents"]
    if docs.empty or "source_path" not in docs:
        return Selection([], len(docs))
    docs = docs.drop_duplicates("source_path")
    counts = {n: _per_document(published.frames[n]) for n in ("statements", "priorities", "initiatives")}
    paths = docs["source_path"].astype(str)
    weight = sum(counts[n].reindex(paths, fill_value=0).to_numpy() for n in counts)
    chosen = docs.assign(_weight=weight, _path=paths.to_numpy())
    chosen = chosen.sort_values(["_weight", "_path"], ascending=[False, True], kind="stable").head(limit)
    chosen = chosen.sort_values("_path", kind="stable")
    doc_ids = [("" if pd.isna(d) else str(d)) for d in chosen.get("doc_id", pd.Series("", index=chosen.index))]
    titles = chosen.get("title", pd.Series(None, index=chosen.index))
    countries = _countries(published, set(chosen["_path"]))
    entries = []
    for i, (doc_id, path, title, anchor) in enumerate(
        zip(doc_ids, chosen["_path"], titles, _anchors(doc_ids), strict=True)
    ):
        entry = Entry(doc_id, path, _short(title, 300) or path, anchor, page=i // PAGE_SIZE + 1)
        entry.countries = countries.get(path, [])
        entry.counts = {n: int(counts[n].get(path, 0)) for n in counts}
        entries.append(entry)
    return Selection(entries, len(docs))


def _countries(published: Published, paths: set[str]) -> dict[str, list[str]]:
    """documents.countries when published, else the union of the document's mentions, else of its statements."""
    exploded = published.countries.get("documents")
    if exploded is not None:
        frame = exploded.to_pandas()
    else:
        name = next((n for n in ("mentions", "statements") if n in published.countries), None)
        if name is None:
            return {}
        frame = rows_of(published.out, name, ("source_path", "countries"), sorted(paths))
        frame = frame.explode("countries").rename(columns={"countries": "country"}).dropna(subset=["country"])
    frame = frame[frame["source_path"].isin(paths)]
    return {p: sorted(set(map(str, g))) for p, g in frame.groupby("source_path")["country"]}


# ---------------------------------------------------------------- HTML


def _codes(codes: object) -> str:
    """ISO codes with their names on hover; escaped, since codes come from the data."""
    values = [] if codes is None or isinstance(codes, float) else [str(c) for c in codes]
    return ", ".join(f'<abbr title="{e(country_name(c))}">{e(c)}</abbr>' for c in values)


def _line(value: object) -> int | str:
    try:
        return "" if value is None or pd.isna(value) else int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""


Record = dict[str, object]


def _capped(rows: list[Record], what: str) -> tuple[list[Record], str]:
    if len(rows) <= MAX_ROWS:
        return rows, ""
    more = f'<p class="muted">… and {len(rows) - MAX_ROWS:,} more {e(what)} (see the dataset)</p>'
    return rows[:MAX_ROWS], more


def _statements_html(rows: list[Record] | None, taxonomy: Taxonomy) -> str:
    if rows is None:
        return '<h3>Statements</h3><p class="muted">no prose datasets in this version</p>'
    if not rows:
        return '<h3>Statements (0)</h3><p class="muted">no commitment, priority or concern found in the prose</p>'
    shown, more = _capped(rows, "statements")
    cells = [
        (
            _line(r.get("line")),
            f'<span class="kind-{e(r.get("kind"))}">{e(r.get("kind"))}</span>',
            _theme(r.get("theme"), taxonomy),
            _codes(r.get("countries")),
            _short(r.get("text")),
            _short(r.get("cue"), 80),
        )
        for r in shown
    ]
    headers = ["line", "kind", "theme", "countries", "statement", "cue"]
    return f"<h3>Statements ({len(rows):,})</h3>" + table(headers, cells, raw_columns=(1, 3)) + more


def _theme(value: object, taxonomy: Taxonomy) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return taxonomy.label(str(value)) if str(value) in taxonomy.ids else str(value)


def _records_html(title: str, rows: list[Record], fields: Sequence[str], taxonomy: Taxonomy) -> str:
    if not rows:
        return f"<h3>{e(title)} (0)</h3>"
    shown, more = _capped(rows, title.lower())
    cells = [
        (_line(r.get("line")), *(_short(r.get(f)) for f in fields), _theme(r.get("theme"), taxonomy)) for r in shown
    ]
    return f"<h3>{e(title)} ({len(rows):,})</h3>" + table(["line", *fields, "theme"], cells) + more


def _by_document(frame: pd.DataFrame, order: Sequence[str]) -> dict[str, list[Record]]:
    """The rows of each document in reading order, as plain dicts: grouped once, not filtered per brief."""
    if frame.empty or "source_path" not in frame:
        return {}
    keys = ["source_path", *(c for c in order if c in frame)]
    frame = frame.sort_values(keys, kind="stable")
    grouped: dict[str, list[Record]] = {}
    for record in frame.to_dict("records"):
        grouped.setdefault(str(record["source_path"]), []).append(record)
    return grouped


@dataclass(frozen=True)
class _Records:
    statements: dict[str, list[Record]] | None  # None: no statements dataset in this version
    priorities: dict[str, list[Record]]
    initiatives: dict[str, list[Record]]

    def of(self, name: str, path: str) -> list[Record] | None:
        grouped = getattr(self, name)
        return None if grouped is None else grouped.get(path, [])


def brief_html(entry: Entry, records: _Records, taxonomy: Taxonomy, has_countries: bool) -> str:
    countries = _codes(entry.countries) or "none named"
    if not has_countries:
        countries = '<span class="muted">no prose datasets in this version</span>'
    doc_id = f" · doc_id <code>{e(entry.doc_id[:12])}…</code>" if entry.doc_id else ""
    path = entry.source_path
    return (
        f'<section class="brief" id="{e(entry.anchor)}"><h2>{e(entry.title)}</h2>'
        f'<p class="muted"><code>{e(entry.source_path)}</code>{doc_id}</p>'
        f"<p><b>Countries:</b> {countries}</p>"
        + _statements_html(records.of("statements", path), taxonomy)
        + _records_html("Priorities", records.of("priorities", path) or [], ("area", "focus", "outcome"), taxonomy)
        + _records_html("Initiatives", records.of("initiatives", path) or [], ("name", "detail"), taxonomy)
        + '<p><a href="../index.html#briefs">↑ document index</a></p></section>'
    )


def _nav(number: int, pages: int) -> str:
    links = ['<a href="../index.html">← report</a>', '<a href="../index.html#briefs">document index</a>']
    if number > 1:
        links.append(f'<a href="{number - 1}.html">← previous page</a>')
    if number < pages:
        links.append(f'<a href="{number + 1}.html">next page →</a>')
    return f"<nav>{''.join(links)}</nav>"


def _page_html(number: int, pages: int, entries: list[Entry], body: str) -> str:
    contents = "".join(f'<li><a href="#{e(x.anchor)}">{e(x.title)}</a></li>' for x in entries)
    return page(
        f"nato-briefs: document briefs {number}/{pages}",
        f"{_nav(number, pages)}<h1>Document briefs, page {number} of {pages}</h1><ol>{contents}</ol>{body}"
        f"{_nav(number, pages)}",
    )


def _records(published: Published, paths: list[str]) -> _Records:
    statements = None
    if published.has("statements"):
        rows = rows_of(published.out, "statements", _STATEMENT_COLUMNS, paths)
        statements = _by_document(rows, ("sentence_index", "line", "column"))
    wanted = set(paths)
    grouped = {}
    for name in ("priorities", "initiatives"):
        frame = published.frames[name]
        frame = frame[frame["source_path"].isin(wanted)] if "source_path" in frame else frame.iloc[0:0]
        grouped[name] = _by_document(frame, ("line",))
    return _Records(statements, grouped["priorities"], grouped["initiatives"])


def write_briefs(report_dir: Path, published: Published, selection: Selection, taxonomy: Taxonomy) -> list[Path]:
    """Every briefs page, written atomically; pages left over from a larger earlier report are removed."""
    folder = report_dir / BRIEFS_DIR
    folder.mkdir(exist_ok=True)
    records = _records(published, [x.source_path for x in selection.entries])
    has_countries = bool(published.countries)
    written = []
    for number in range(1, selection.pages + 1):
        entries = [x for x in selection.entries if x.page == number]
        body = "".join(brief_html(x, records, taxonomy, has_countries) for x in entries)
        if not entries:
            body = "<p>no documents were published</p>"
        path = folder / f"{number}.html"
        write_atomic(path, _page_html(number, selection.pages, entries, body))
        written.append(path)
    for stale in folder.glob("*.html"):
        if stale not in written:
            stale.unlink(missing_ok=True)
    return written


def index_html(selection: Selection) -> str:
    """The document index on the main page: every brief, by source path, with what it holds."""
    if not selection.entries:
        return "<p>no documents were published</p>"
    note = ""
    if selection.capped:
        note = (
            f'<p class="muted">Briefs of {len(selection.entries):,} of {selection.total:,} documents: those with the '
            "most statements, priorities and initiatives (the rest are in the datasets).</p>"
        )
    rows = [
        (
            i + 1,
            f'<a href="{e(x.href)}">{e(x.title)}</a>',
            x.source_path,
            _codes(x.countries),
            *(x.counts.get(n, 0) for n in ("statements", "priorities", "initiatives")),
        )
        for i, x in enumerate(selection.entries)
    ]
    headers = ["#", "document", "source_path", "countries", "statements", "priorities", "initiatives"]
    return note + table(headers, rows, raw_columns=(1, 3))
