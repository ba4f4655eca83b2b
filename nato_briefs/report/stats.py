"""The pipeline's own statistics: documents over time, themes, top areas, top documents, quarantine.

Every function takes what ``read.read_published`` found, which may be empty or
from an older run (no ``theme`` column: ``ensure_themes`` computes it and says so).
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from nato_briefs.report.draw import Bars
from nato_briefs.report.read import DATE_COLUMNS as _DATE_COLUMNS
from nato_briefs.report.read import Published
from nato_briefs.themes import Taxonomy, theme_array

TOP_AREAS = 15
TOP_DOCUMENTS = 10
MAX_QUARANTINE_ROWS = 100  # listed on the page; the dataset has them all
MAX_BARS = 15
UNASSIGNED = "unassigned"
_SIZE_EDGES = [0, 1 << 10, 10 << 10, 100 << 10, 1 << 20, float("inf")]
_SIZE_LABELS = ["< 1 KB", "1–10 KB", "10–100 KB", "100 KB–1 MB", "≥ 1 MB"]


def counts_of(values: pd.Series, limit: int = MAX_BARS) -> tuple[list[str], list[int]]:
    # Ties in label order, so the same data always draws the same chart.
    counts = values.value_counts(dropna=True).sort_index(kind="stable").sort_values(ascending=False, kind="stable")
    if len(counts) > limit:
        counts = pd.concat([counts.iloc[: limit - 1], pd.Series({"(other)": int(counts.iloc[limit - 1 :].sum())})])
    return [str(k) for k in counts.index], [int(v) for v in counts.to_numpy()]


def numbers(frame: pd.DataFrame, column: str) -> pd.Series:
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
        labels, counts = counts_of(folders)
        return Bars("Documents by source folder", labels, {"documents": counts})
    sizes = numbers(docs, "size_bytes")
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
    last = "the last run" if len(runs) == 1 else f"last {len(runs)} runs"
    return Bars(f"Documents processed per run ({last}, UTC)", labels, series, xlabel="documents")


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


def theme_counts(frame: pd.DataFrame) -> pd.Series:
    """Rows per theme id, nulls counted as ``unassigned``: one pass, whatever the number of themes."""
    themes = frame.get("theme", pd.Series(dtype=object)).astype(object)
    return themes.fillna(UNASSIGNED).astype(str).value_counts()


def theme_bars(published: Published, taxonomy: Taxonomy) -> Bars:
    per_dataset = {name: theme_counts(published.frames[name]) for name in _THEME_FIELDS}
    # Every theme and "unassigned" get a bar, zero or not, so charts of two runs compare line by line.
    seen = set().union(*(set(s.index) for s in per_dataset.values()))
    ids = [*taxonomy.ids, *sorted(seen - set(taxonomy.ids) - {UNASSIGNED}), UNASSIGNED]
    labels = [taxonomy.label(i) if i != UNASSIGNED else UNASSIGNED for i in ids]
    series = {name: [int(s.get(i, 0)) for i in ids] for name, s in per_dataset.items()}
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
    n_priorities, n_items = (numbers(docs, c).fillna(0).astype("int64") for c in ("n_priorities", "n_list_items"))
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
    labels, counts = counts_of(codes)
    return Bars("Quarantine by reason_code", labels, {"rows": counts})


def quarantine_rows(quarantine: pd.DataFrame, limit: int = MAX_QUARANTINE_ROWS) -> list[tuple[str, ...]]:
    """What was rejected and why, file by file: a chart of reason codes alone does not say which file to fix."""
    columns = ("source_path", "stage", "reason_code", "record", "reason")
    frame = quarantine.head(limit)
    values = [frame[c] if c in frame else pd.Series(None, index=frame.index, dtype=object) for c in columns]
    return [tuple("" if pd.isna(v) else str(v)[:300] for v in row) for row in zip(*values, strict=True)]
