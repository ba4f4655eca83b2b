"""What the prose datasets say, summed up: statements by kind and theme, countries by theme.

The countries × themes matrix counts two things in one cell, because analysts
ask one question ("what is said about cyber, and which countries does it
concern?"): each statement naming the country with that theme, plus each
priority and initiative with that theme in a document naming the country
(``documents.countries``). Tables and lists have no countries of their own, so
their document's are the best available; the caption says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pycountry

from nato_briefs.report.draw import Bars, Heatmap
from nato_briefs.report.read import Published
from nato_briefs.report.stats import UNASSIGNED
from nato_briefs.themes import Taxonomy

KINDS = ("commitment", "priority", "concern")
TOP_COUNTRIES = 20
# Codes the contract uses that ISO 3166-1 (and so pycountry) does not have.
_EXTRA_NAMES = {"XKX": "Kosovo"}


@lru_cache(maxsize=4096)
def country_name(code: str) -> str:
    """The short English name of an ISO alpha-3 code; the code itself when unknown (foreign or hostile data)."""
    if code in _EXTRA_NAMES:
        return _EXTRA_NAMES[code]
    try:
        country = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    except (KeyError, LookupError):
        country = None
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def _theme_ids(taxonomy: Taxonomy, seen: pd.Series) -> list[str]:
    """Taxonomy order, then themes found in the data but not in the taxonomy, then unassigned."""
    extra = sorted(set(seen.dropna().astype(str)) - set(taxonomy.ids) - {UNASSIGNED})
    return [*taxonomy.ids, *extra, UNASSIGNED]


def _theme_label(taxonomy: Taxonomy, theme_id: str) -> str:
    return UNASSIGNED if theme_id == UNASSIGNED else taxonomy.label(theme_id)


def _themes_of(frame: pd.DataFrame) -> pd.Series:
    if "theme" not in frame:
        return pd.Series(UNASSIGNED, index=frame.index, dtype=str)
    return frame["theme"].fillna(UNASSIGNED).astype(str)


def _arrow(columns: dict[str, pd.Series]) -> pa.Table:
    """Pandas columns as an Arrow table, for Arrow's hash grouping (several times pandas' on a million rows)."""
    return pa.table({name: pa.array(column, pa.string(), from_pandas=True) for name, column in columns.items()})


@dataclass(frozen=True)
class StatementSummary:
    by_kind: Bars
    by_theme: Bars
    headers: tuple[str, ...]
    rows: list[tuple[object, ...]]  # theme, one count per kind, total, documents


def statement_summary(statements: pd.DataFrame, taxonomy: Taxonomy) -> StatementSummary:
    kinds = statements.get("kind", pd.Series(dtype=object)).fillna("(none)").astype(str)
    docs = statements.get("source_path", pd.Series("", index=statements.index)).astype(str)
    frame = _arrow({"theme": _themes_of(statements), "kind": kinds, "doc": docs})
    # One grouping pass each; every lookup below is in the small (theme, kind) table.
    grouped = frame.group_by(["theme", "kind"]).aggregate([([], "count_all")]).to_pylist()
    cells = {(g["theme"], g["kind"]): g["count_all"] for g in grouped}
    documents = {
        g["theme"]: g["doc_count_distinct"]
        for g in frame.group_by("theme").aggregate([("doc", "count_distinct")]).to_pylist()
    }
    seen_kinds = {kind for _, kind in cells}
    all_kinds = [*KINDS, *sorted(seen_kinds - set(KINDS))]
    by_kind = Bars(
        "Statements by kind",
        all_kinds,
        {"statements": [sum(n for (_, kind), n in cells.items() if kind == k) for k in all_kinds]},
    )
    ids = _theme_ids(taxonomy, pd.Series(list(documents), dtype=object))
    labels = [_theme_label(taxonomy, i) for i in ids]
    series = {k: [int(cells.get((i, k), 0)) for i in ids] for k in all_kinds}
    by_theme = Bars("Statements per theme and kind", labels, series, "statements")
    rows = []
    for theme_id, label in zip(ids, labels, strict=True):
        counts = [int(cells.get((theme_id, k), 0)) for k in all_kinds]
        if sum(counts):  # the chart keeps every theme, for comparing runs; the table only what was found
            rows.append((label, *counts, sum(counts), int(documents.get(theme_id, 0))))
    return StatementSummary(by_kind, by_theme, ("theme", *all_kinds, "total", "documents"), rows)


def _statement_cells(published: Published) -> pd.DataFrame:
    """(country, theme, n) from each statement's own countries."""
    exploded = published.countries.get("statements")
    if exploded is None or not exploded.num_rows:
        return pd.DataFrame(columns=["country", "theme", "n"])
    frame = exploded.to_pandas()
    frame = pd.DataFrame({"country": frame["country"], "theme": _themes_of(frame)})
    return frame.groupby(["country", "theme"]).size().rename("n").reset_index()


def _document_cells(published: Published) -> pd.DataFrame:
    """(country, theme, n) from priorities and initiatives, through their document's countries.

    Counted with integer codes: a (document x theme) count matrix, then each (document, country)
    pair adds its document's row to its country's. A hash grouping on the million path strings
    took seconds; this takes a fraction of one.
    """
    exploded = published.countries.get("documents")
    frames = [published.frames[name] for name in ("priorities", "initiatives")]
    frames = [f for f in frames if "source_path" in f and not f.empty]
    if exploded is None or not exploded.num_rows or not frames:
        return pd.DataFrame(columns=["country", "theme", "n"])
    path_codes, paths = pd.factorize(pd.concat([f["source_path"].astype(str) for f in frames], ignore_index=True))
    theme_codes, themes = pd.factorize(pd.concat([_themes_of(f) for f in frames], ignore_index=True))
    per_doc = np.bincount(path_codes * len(themes) + theme_codes, minlength=len(paths) * len(themes))
    per_doc = per_doc.reshape(len(paths), len(themes))
    pairs = exploded.select(["source_path", "country"]).group_by(["source_path", "country"]).aggregate([])
    doc_rows = pd.Index(paths).get_indexer(pairs["source_path"].to_pandas())
    named = doc_rows >= 0
    country_codes, countries = pd.factorize(pairs["country"].to_pandas()[named])
    totals = np.zeros((len(countries), len(themes)), dtype=np.int64)
    np.add.at(totals, country_codes, per_doc[doc_rows[named]])
    cells = pd.DataFrame(totals, index=pd.Index(countries, name="country"), columns=pd.Index(themes, name="theme"))
    cells = cells.stack().rename("n").reset_index()
    return cells[cells["n"] > 0]


def countries_by_theme(published: Published, taxonomy: Taxonomy, top: int = TOP_COUNTRIES) -> Heatmap:
    """Top countries x themes; what has no theme is left out (and counted in the title).

    An ``unassigned`` column held more than all themes together on real text (a
    sentence without a theme keyword is common), so it set the colour scale and
    washed every theme cell out to white; the country table counts everything.
    """
    cells = pd.concat([_statement_cells(published), _document_cells(published)])
    cells = cells.groupby(["country", "theme"])["n"].sum().reset_index() if not cells.empty else cells
    unassigned = int(cells.loc[cells["theme"] == UNASSIGNED, "n"].sum()) if not cells.empty else 0
    cells = cells[cells["theme"] != UNASSIGNED] if not cells.empty else cells
    left_out = f" ({unassigned:,} without a theme not shown)" if unassigned else ""
    title = f"Countries × themes, top {top} countries{left_out}"
    what = "statements + priorities and initiatives"
    if cells.empty:
        return Heatmap(title, [], [], [], what)
    totals = cells.groupby("country")["n"].sum().sort_index(kind="stable").sort_values(ascending=False, kind="stable")
    countries = list(totals.index[:top])
    ids = [i for i in _theme_ids(taxonomy, cells["theme"]) if i != UNASSIGNED]
    matrix = cells.pivot_table(index="country", columns="theme", values="n", aggfunc="sum", fill_value=0)
    matrix = matrix.reindex(index=countries, columns=ids, fill_value=0)
    rows = [f"{c} {country_name(c)}" if country_name(c) != c else c for c in countries]
    columns = [_theme_label(taxonomy, i) for i in ids]
    return Heatmap(title, rows, columns, [[int(v) for v in row] for row in matrix.to_numpy()], what)


def country_table(published: Published, top: int = TOP_COUNTRIES) -> list[tuple[object, ...]]:
    """code, name, documents naming it, mentions, statements naming it: the top countries by documents."""
    counts: dict[str, pd.Series] = {}
    for name, column in (("documents", "documents"), ("mentions", "mentions"), ("statements", "statements")):
        exploded = published.countries.get(name)
        if exploded is None or not exploded.num_rows:
            continue
        frame = exploded.to_pandas()
        if name == "documents":
            frame = frame.drop_duplicates()
        counts[column] = frame["country"].value_counts()
    if not counts:
        return []
    table = pd.DataFrame(counts).fillna(0).astype("int64")
    for column in ("documents", "mentions", "statements"):
        if column not in table:
            table[column] = 0
    table = table.sort_index(kind="stable").sort_values(["documents", "statements"], ascending=False, kind="stable")
    return [
        (str(code), country_name(str(code)), int(r.documents), int(r.mentions), int(r.statements))
        for code, r in table.head(top).iterrows()
    ]
