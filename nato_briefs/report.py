"""A one-page HTML overview of a published output root, for people who do not open Parquet.

``build_report(OUT)`` reads the datasets under ``OUT/<name>/`` and writes
``OUT/report/index.html`` with PNG charts beside it. It reads only what it
finds: datasets may be missing, empty, or from an older run without a
``theme`` column; the page then says so instead of failing. Every string that
comes from the data is treated as hostile (articles are untrusted input): it is
HTML-escaped, and chart labels are cleaned and drawn without mathtext.

Charts are drawn on ``Figure`` objects with the Agg canvas directly, never
through pyplot, so building a report changes no global matplotlib state in the
process that calls it (a Prefect worker, a test).
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib as mpl
import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from nato_briefs.publish import safe_out_dir
from nato_briefs.schema import DATASETS
from nato_briefs.themes import Taxonomy, load_taxonomy, theme_array

REPORT_DIR = "report"
TOP_AREAS = 15
TOP_DOCUMENTS = 10
MAX_BARS = 15
UNASSIGNED = "unassigned"
_DATE_COLUMNS = ("first_seen", "first_seen_at", "ingested_at", "ingest_date", "ingest_time")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_SIZE_EDGES = [0, 1 << 10, 10 << 10, 100 << 10, 1 << 20, float("inf")]
_SIZE_LABELS = ["< 1 KB", "1–10 KB", "10–100 KB", "100 KB–1 MB", "≥ 1 MB"]

# Only these columns are read: a report over millions of rows should not load the text columns.
_WANTED: dict[str, tuple[str, ...]] = {
    "documents": (
        "doc_id",
        "source_path",
        "title",
        "n_tables",
        "n_priorities",
        "n_list_items",
        "size_bytes",
        "validation_status",
        *_DATE_COLUMNS,
    ),
    "table_rows": ("doc_id", "source_path", "table_index"),
    "priorities": ("doc_id", "area", "focus", "outcome", "theme"),
    "initiatives": ("name", "detail", "theme"),
    "quarantine": ("reason_code", "record"),
}


@dataclass
class Published:
    """What could be read of one output root, with the reasons for whatever could not."""

    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Bars:
    title: str
    labels: list[str]
    series: dict[str, list[int]]  # legend label -> one count per label
    xlabel: str = "count"


@dataclass(frozen=True)
class Validation:
    source: str  # where the status comes from, shown to the reader
    overall: str | None
    rows: list[tuple[str, ...]]  # the table shown on the page, under `headers`
    counts: dict[str, int]  # status -> how many `unit` have it, for the chart
    unit: str = "suites"
    headers: tuple[str, ...] = ("suite", "status", "details")


# ---------------------------------------------------------------- reading


def _dataset_dir(out: Path, name: str) -> Path | None:
    for base in (out / name, out / "current" / name):
        if base.is_dir():
            return base.resolve()
    return None


def _read_dataset(directory: Path, columns: Sequence[str]) -> tuple[pd.DataFrame, int]:
    # No exclude_invalid_files: a corrupt part file must show on the page, not silently lower the counts.
    dataset = ds.dataset(directory, format="parquet")
    schemas = [fragment.physical_schema for fragment in dataset.get_fragments()]
    if not schemas:
        return pd.DataFrame(columns=list(columns)), 0
    # Older part files may lack newer columns (theme): unify so they read as nulls.
    schema = pa.unify_schemas(schemas, promote_options="permissive")
    dataset = ds.dataset(directory, schema=schema, format="parquet")
    present = [c for c in columns if c in schema.names]
    table = dataset.to_table(columns=present)
    return table.to_pandas(), table.num_rows


def read_published(out: Path) -> Published:
    published = Published()
    for name in DATASETS:
        wanted = _WANTED.get(name, ())
        published.frames[name], published.rows[name] = pd.DataFrame(columns=list(wanted)), 0
        directory = _dataset_dir(out, name)
        if directory is None:
            published.notes.append(f"dataset {name!r} not found under the output root: counted as empty")
            continue
        try:
            published.frames[name], published.rows[name] = _read_dataset(directory, wanted)
        except (pa.ArrowException, OSError, ValueError) as exc:
            published.notes.append(f"dataset {name!r} could not be read ({type(exc).__name__}): counted as empty")
    return published


# ---------------------------------------------------------------- figures for the charts


def _counts(values: pd.Series, limit: int = MAX_BARS) -> tuple[list[str], list[int]]:
    # Ties in label order, so the same data always draws the same chart.
    counts = values.value_counts(dropna=True).sort_index(kind="stable").sort_values(ascending=False, kind="stable")
    if len(counts) > limit:
        counts = pd.concat([counts.iloc[: limit - 1], pd.Series({"(other)": int(counts.iloc[limit - 1 :].sum())})])
    return [str(k) for k in counts.index], [int(v) for v in counts.to_numpy()]


def _numbers(frame: pd.DataFrame, column: str) -> pd.Series:
    """A count column as floats, NaN where absent or not a number (older or foreign outputs)."""
    if column not in frame:
        return pd.Series(float("nan"), index=frame.index)
    return pd.to_numeric(frame[column], errors="coerce").astype("float64")


def documents_bars(docs: pd.DataFrame) -> Bars:
    """By date when the data has one, else by folder, else by size: the title says which."""
    for column in _DATE_COLUMNS:
        if column in docs and docs[column].notna().any():
            stamps = pd.to_datetime(docs[column], errors="coerce", utc=True, format="mixed")
            days = stamps.dt.strftime("%Y-%m-%d").dropna()
            if not days.empty:
                counts = days.value_counts().sort_index()
                shown = f"last {MAX_BARS * 2} days with documents" if len(counts) > MAX_BARS * 2 else "UTC day"
                counts = counts.tail(MAX_BARS * 2)
                title = f"Documents by {column.replace('_', ' ')} ({shown})"
                return Bars(title, list(counts.index), {"documents": [int(v) for v in counts]})
    paths = docs.get("source_path", pd.Series(dtype=object)).dropna().astype(str)
    if paths.str.contains("/", regex=False).any():
        folders = paths.map(lambda p: p.split("/", 1)[0] if "/" in p else "(top level)")
        labels, counts = _counts(folders)
        return Bars("Documents by source folder", labels, {"documents": counts})
    sizes = _numbers(docs, "size_bytes")
    if sizes.notna().any():
        buckets = pd.cut(sizes, _SIZE_EDGES, labels=_SIZE_LABELS, right=False)
        counts = buckets.value_counts().reindex(_SIZE_LABELS, fill_value=0)
        title = "Documents by file size (the data has no date or folder to group by)"
        return Bars(title, _SIZE_LABELS, {"documents": [int(v) for v in counts]})
    return Bars("Documents processed (no date, folder or size in the data)", ["all"], {"documents": [len(docs)]})


def history_bars(out: Path) -> Bars | None:
    """Documents parsed and reused per published run, from OUT/_runs.jsonl (None without history)."""
    path = out / "_runs.jsonl"
    if not path.is_file():
        return None
    runs = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[-MAX_BARS * 2 :]:
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict):
            runs.append(record)
    if not runs:
        return None
    labels = [str(r.get("finished_at", "?")).replace("T", " ").removesuffix("Z")[:16] for r in runs]
    series = {
        "parsed": [int(r.get("files_parsed") or 0) for r in runs],
        "unchanged (reused)": [int(r.get("files_reused") or 0) for r in runs],
    }
    return Bars(f"Documents processed per run (last {len(runs)} runs, UTC)", labels, series, xlabel="documents")


_THEME_FIELDS = {"priorities": ("area", "focus", "outcome"), "initiatives": ("name", "detail")}


def ensure_themes(published: Published, taxonomy: Taxonomy) -> list[str]:
    """Older outputs have no theme column: compute it now from the taxonomy, and say so on the page."""
    notes = []
    for name, fields in _THEME_FIELDS.items():
        frame = published.frames[name]
        if "theme" in frame:
            continue
        present = [frame[c] for c in fields if c in frame]
        themes = theme_array(taxonomy, present).to_pylist() if present else [None] * len(frame)
        published.frames[name] = frame.assign(theme=pd.Series(themes, index=frame.index, dtype=object))
        if len(frame):
            notes.append(f"{name} has no theme column (older output): themes computed now from nato_briefs/themes.yaml")
    return notes


def theme_bars(published: Published, taxonomy: Taxonomy) -> Bars:
    per_dataset = {}
    for name in _THEME_FIELDS:
        themes = published.frames[name].get("theme", pd.Series(dtype=object)).astype(object)
        per_dataset[name] = themes.where(themes.notna(), UNASSIGNED).astype(str)
    # Every theme and "unassigned" get a bar, zero or not, so charts of two runs compare line by line.
    seen = set().union(*(set(s) for s in per_dataset.values()))
    ids = [*taxonomy.ids, *sorted(seen - set(taxonomy.ids) - {UNASSIGNED}), UNASSIGNED]
    labels = [taxonomy.label(i) if i != UNASSIGNED else UNASSIGNED for i in ids]
    series = {name: [int((s == i).sum()) for i in ids] for name, s in per_dataset.items()}
    return Bars("Priorities and initiatives per theme", labels, series, "rows")


def top_areas(priorities: pd.DataFrame, taxonomy: Taxonomy, limit: int = TOP_AREAS) -> pd.DataFrame:
    columns = ["area", "rows", "documents", "theme"]
    if "area" not in priorities or priorities.empty:
        return pd.DataFrame(columns=columns)
    areas = priorities["area"].astype(str).str.strip()
    keep = areas != ""
    docs = priorities["doc_id"] if "doc_id" in priorities else pd.Series(0, index=priorities.index)
    frame = pd.DataFrame({"area": areas, "doc": docs})[keep]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    grouped = frame.groupby("area")
    table = pd.DataFrame({"rows": grouped.size(), "documents": grouped["doc"].nunique()}).reset_index()
    table = table.sort_values(["rows", "area"], ascending=[False, True], kind="stable").head(limit)
    # The main theme only for the rows shown: a per-group Python call over every area would dominate at 1M rows.
    themes = priorities["theme"] if "theme" in priorities else pd.Series(None, index=priorities.index, dtype=object)
    table["theme"] = [_label_of_mode(themes[keep & (areas == a)], taxonomy) for a in table["area"]]
    return table[columns].reset_index(drop=True)


def top_documents(docs: pd.DataFrame, limit: int = TOP_DOCUMENTS) -> list[tuple[str, str, int, int]]:
    """The documents that feed most of the analysis: where a reader should look first."""
    needed = ("source_path", "n_priorities", "n_list_items")
    if docs.empty or not all(c in docs for c in needed):
        return []
    n_priorities, n_items = (_numbers(docs, c).fillna(0).astype("int64") for c in ("n_priorities", "n_list_items"))
    frame = docs.assign(p=n_priorities, i=n_items, weight=n_priorities + n_items)
    frame = frame.sort_values(["weight", "source_path"], ascending=[False, True], kind="stable").head(limit)
    titles = frame["title"] if "title" in frame else pd.Series(None, index=frame.index, dtype=object)
    return [
        (str(path), "" if pd.isna(title) else str(title), int(p), int(i))
        for path, title, p, i in zip(frame["source_path"], titles, frame["p"], frame["i"], strict=True)
    ]


def _label_of_mode(themes: pd.Series, taxonomy: Taxonomy) -> str:
    modes = themes.dropna().mode()
    return taxonomy.label(str(modes.iloc[0])) if len(modes) else UNASSIGNED


def areas_bars(areas: pd.DataFrame) -> Bars:
    counts = [int(v) for v in areas["rows"]]
    return Bars(f"Top {TOP_AREAS} priority areas", list(areas["area"]), {"rows": counts}, "rows")


def quarantine_bars(quarantine: pd.DataFrame) -> Bars:
    codes = quarantine.get("reason_code", pd.Series(dtype=object)).fillna("(no code)").astype(str)
    labels, counts = _counts(codes)
    return Bars("Quarantine by reason_code", labels, {"rows": counts})


# ---------------------------------------------------------------- validation


def _suite_status(suite: dict) -> str:
    """Understands nato_briefs.validate's report.json first, and a few common shapes of other reports."""
    for key in ("status", "result"):
        if isinstance(suite.get(key), str):
            return suite[key]
    for key in ("success", "passed", "ok"):
        if isinstance(suite.get(key), bool):
            warnings_ = suite.get("failed_warnings", suite.get("warnings"))
            if not suite[key]:
                return "failed"
            return "passed with warnings" if isinstance(warnings_, int) and warnings_ > 0 else "passed"
    return "unknown"


def _suite_details(suite: dict) -> str:
    numbers = [f"{k}: {v}" for k, v in suite.items() if isinstance(v, int) and not isinstance(v, bool)]
    failures = suite.get("failures") if isinstance(suite.get("failures"), list) else []
    messages = [
        f"[{f.get('severity', '?')}] {f.get('message') or f.get('description') or f.get('expectation_type')}"
        for f in failures[:3]
        if isinstance(f, dict)
    ]
    more = [f"… {len(failures) - 3} more"] if len(failures) > 3 else []
    return "; ".join([", ".join(numbers), *messages, *more]).strip("; ")[:600]


def _suites(payload: object) -> list[tuple[str, str, str]]:
    suites = payload.get("suites", payload.get("results")) if isinstance(payload, dict) else payload
    if isinstance(suites, dict):
        suites = [v | {"name": k} if isinstance(v, dict) else {"name": k, "status": str(v)} for k, v in suites.items()]
    if not isinstance(suites, list):
        return []
    items = [s for s in suites if isinstance(s, dict)]
    return [(_suite_name(s, i), _suite_status(s), _suite_details(s)) for i, s in enumerate(items)]


def _suite_name(suite: dict, position: int) -> str:
    for key in ("name", "dataset", "suite", "suite_name"):
        if suite.get(key):
            return str(suite[key])
    return f"suite {position + 1}"


def _overall(payload: object, suites: list[tuple[str, str, str]]) -> str | None:
    if isinstance(payload, dict):
        status = _suite_status(payload)
        if status != "unknown":
            return status
    if suites:
        return "passed" if all(s[1].startswith("passed") for s in suites) else "failed"
    return None


def _report_files(out: Path) -> list[Path]:
    for base in (out / "validation", out / "current" / "validation"):
        if base.is_dir():
            files = sorted(base.glob("*.json"), key=lambda p: (p.name != "report.json", p.name))
            if files:
                return files
    return []


def read_validation(out: Path, docs: pd.DataFrame) -> Validation | None:
    """The per-suite JSON report when one is published, else the documents' own status column."""
    for path in _report_files(out):
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        suites = _suites(payload)
        if suites or _overall(payload, suites):
            counts = dict(zip(*_counts(pd.Series([s[1] for s in suites], dtype=object)), strict=True))
            return Validation(f"{path.parent.name}/{path.name}", _overall(payload, suites), suites, counts)
    if "validation_status" in docs and docs["validation_status"].notna().any():
        counts = dict(zip(*_counts(docs["validation_status"].fillna("(none)").astype(str)), strict=True))
        rows = [(status, str(n)) for status, n in counts.items()]
        source = "the validation_status column of documents"
        return Validation(source, None, rows, counts, "documents", ("status", "documents"))
    return None


def validation_bars(validation: Validation | None) -> Bars:
    if validation is None:
        return Bars("Validation status: see documents", [], {})
    labels = list(validation.counts)
    return Bars(f"Validation status ({validation.source})", labels, {validation.unit: list(validation.counts.values())})


# ---------------------------------------------------------------- drawing


def chart_label(text: object, limit: int = 42) -> str:
    """Hostile labels: no control characters, bounded length; mathtext is off where they are drawn."""
    clean = " ".join(_CONTROL.sub(" ", str(text)).split())
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def _draw_bars(ax: Axes, bars: Bars) -> None:
    ax.set_title(chart_label(bars.title, 90), fontsize=11, loc="left")
    total = sum(sum(v) for v in bars.series.values())
    if not bars.labels or total == 0:
        ax.text(0.5, 0.5, "no data", ha="center", va="center", fontsize=16, color="#777", transform=ax.transAxes)
        ax.set_xticks([])
        ax.set_yticks([])
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


def draw_chart(path: Path, panels: Sequence[Bars]) -> None:
    n_bars = max([len(p.labels) for p in panels] + [4])
    with mpl.rc_context({"text.parse_math": False, "text.usetex": False}), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing glyphs in hostile labels are not worth a warning per chart
        figure = Figure(figsize=(6.5 * len(panels), 1.2 + 0.32 * n_bars), dpi=100, layout="constrained")
        FigureCanvasAgg(figure)
        for ax, bars in zip(figure.subplots(1, len(panels), squeeze=False)[0], panels, strict=True):
            _draw_bars(ax, bars)
        figure.savefig(path, format="png")


def _alt(bars: Bars, limit: int = 8) -> str:
    if not bars.labels or not any(any(v) for v in bars.series.values()):
        return f"{bars.title}: no data"
    parts = []
    for i, label in enumerate(bars.labels[:limit]):
        counts = ", ".join(f"{name} {values[i]}" for name, values in bars.series.items())
        parts.append(f"{chart_label(label, 60)} ({counts})")
    more = f"; and {len(bars.labels) - limit} more" if len(bars.labels) > limit else ""
    return f"Bar chart, {bars.title}: " + "; ".join(parts) + more


# ---------------------------------------------------------------- HTML

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1400px;color:#222;
padding:0 1rem}
h1{margin-bottom:.2rem}.muted{color:#666}.cards{display:flex;gap:1rem;flex-wrap:wrap;margin:1.5rem 0}
.card{border:1px solid #ddd;border-radius:8px;padding:.8rem 1.2rem;min-width:9rem}
.card b{display:block;font-size:1.8rem}figure{margin:1.5rem 0}img{max-width:100%;height:auto;border:1px solid #eee}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ddd;padding:.3rem .6rem;text-align:left}
td.num{text-align:right}.passed{color:#1a7f37}.failed{color:#cf222e}
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _figure(src: str, bars_list: Sequence[Bars]) -> str:
    alt = " | ".join(_alt(b) for b in bars_list)
    caption = " · ".join(b.title for b in bars_list)
    return f'<figure><img src="{_e(src)}" alt="{_e(alt)}"><figcaption>{_e(caption)}</figcaption></figure>'


def _table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(f'<td class="num">{_e(c)}</td>' if isinstance(c, int) else f"<td>{_e(c)}</td>" for c in row)
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _validation_html(validation: Validation | None, out: Path) -> str:
    if validation is None:
        return "<p>validation status: see documents (no validation report was published with these datasets)</p>"
    overall = validation.overall or "see table"
    css = "passed" if overall.startswith("passed") else "failed" if overall.startswith("failed") else ""
    source = f'<span class="muted">(from {_e(validation.source)})</span>'
    parts = [f'<p>Overall: <b class="{css}">{_e(overall)}</b> {source}']
    if (out / "validation" / "index.html").is_file():
        parts.append(' — <a href="../validation/index.html">full validation report</a>')
    parts.append("</p>")
    if validation.rows:
        parts.append(_table(validation.headers, validation.rows))
    return "".join(parts)


def _headline(published: Published) -> dict[str, int]:
    docs, table_rows = published.frames["documents"], published.frames["table_rows"]
    if "n_tables" in docs and not docs.empty:
        tables = int(_numbers(docs, "n_tables").fillna(0).sum())
    else:
        key = [c for c in ("doc_id", "source_path", "table_index") if c in table_rows]
        tables = len(table_rows[key].drop_duplicates()) if key and not table_rows.empty else 0
    return {
        "documents": published.rows["documents"],
        "tables": tables,
        "priorities": published.rows["priorities"],
        "initiatives": published.rows["initiatives"],
        "quarantined": published.rows["quarantine"],
    }


@dataclass(frozen=True)
class _Page:
    out: Path
    published: Published
    headline: dict[str, int]
    charts: list[tuple[str, list[Bars]]]
    areas: pd.DataFrame
    documents: list[tuple[str, str, int, int]]
    validation: Validation | None
    notes: list[str]


def render_html(page: _Page) -> str:
    cards = "".join(f'<div class="card"><b>{n:,}</b>{_e(k)}</div>' for k, n in page.headline.items())
    notes = "".join(f"<li>{_e(n)}</li>" for n in page.notes)
    figures = "".join(_figure(src, bars) for src, bars in page.charts)
    areas = (
        _table(
            ["#", "area", "rows", "documents", "main theme"],
            [(i + 1, r.area, int(r.rows), int(r.documents), r.theme) for i, r in enumerate(page.areas.itertuples())],
        )
        if not page.areas.empty
        else "<p>no data: no priorities with an area were published</p>"
    )
    documents = (
        _table(["source_path", "title", "priorities", "list items"], page.documents)
        if page.documents
        else "<p>no data</p>"
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>nato-briefs report</title><style>{_CSS}</style></head>
<body><h1>nato-briefs report</h1>
<p class="muted">Datasets under {_e(page.out)}</p>
<div class="cards">{cards}</div>
{f'<ul class="muted">{notes}</ul>' if notes else ""}
<h2>Charts</h2>{figures}
<h2>Top {TOP_AREAS} priority areas</h2>{areas}
<h2>Documents with the most priorities and list items</h2>{documents}
<h2>Validation</h2>{_validation_html(page.validation, page.out)}
</body></html>
"""


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def build_report(out_dir: str | Path) -> Path:
    out = Path(out_dir)
    report_dir = Path(safe_out_dir(out, REPORT_DIR))  # never written through a planted symlink
    taxonomy = load_taxonomy()
    published = read_published(out)
    theme_notes = ensure_themes(published, taxonomy)
    themes = theme_bars(published, taxonomy)
    validation = read_validation(out, published.frames["documents"])
    areas = top_areas(published.frames["priorities"], taxonomy)
    charts = [
        ("documents.png", [b for b in (history_bars(out), documents_bars(published.frames["documents"])) if b]),
        ("themes.png", [themes]),
        ("areas.png", [areas_bars(areas)]),
        ("validation.png", [validation_bars(validation), quarantine_bars(published.frames["quarantine"])]),
    ]
    for name, panels in charts:
        draw_chart(report_dir / name, panels)
    documents = top_documents(published.frames["documents"])
    notes = published.notes + theme_notes
    page = _Page(out, published, _headline(published), charts, areas, documents, validation, notes)
    index = report_dir / "index.html"
    _write_atomic(index, render_html(page))
    return index


def main(argv: list[str]) -> int:
    """``python -m nato_briefs.report [OUT]``: (re)build the report of an output root."""
    print(build_report(argv[0] if argv else "outputs"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
