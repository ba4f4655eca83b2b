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

import pandas as pd
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
    themes = frame.get("theme", pd.Series(None, index=frame.index, dtype=object)).astype(object)
    return themes.where(themes.notna(), UNASSIGNED).astype(str)


@dataclass(frozen=True)
class StatementSummary:
    by_kind: Bars
    by_theme: Bars
    headers: tuple[str, ...]
    rows: list[tuple[object, ...]]  # theme, one count per kind, total, documents


def statement_summary(statements: pd.DataFrame, taxonomy: Taxonomy) -> StatementSummary:
    kinds = statements.get("kind", pd.Series(dtype=object)).fillna("(none)").astype(str)
    themes = _themes_of(statements)
    all_kinds = [*KINDS, *sorted(set(kinds) - set(KINDS))]
    by_kind = Bars("Statements by kind", all_kinds, {"statements": [int((kinds == k).sum()) for k in all_kinds]})
    ids = _theme_ids(taxonomy, themes)
    labels = [_theme_label(taxonomy, i) for i in ids]
    series = {k: [int(((kinds == k) & (themes == i)).sum()) for i in ids] for k in all_kinds}
    by_theme = Bars("Statements per theme and kind", labels, series, "statements")
    docs = statements.get("source_path", pd.Series("", index=statements.index))
    rows = []
    for theme_id, label in zip(ids, labels, strict=True):
        here = themes == theme_id
        counts = [int((here & (kinds == k)).sum()) for k in all_kinds]
        if here.any():  # the chart keeps every theme, for comparing runs; the table only what was found
            rows.append((label, *counts, int(here.sum()), int(docs[here].nunique())))
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
    """(country, theme, n) from priorities and initiatives, through their document's countries."""
    exploded = published.countries.get("documents")
    if exploded is None or not exploded.num_rows:
        return pd.DataFrame(columns=["country", "theme", "n"])
    records = [published.frames[name] for name in ("priorities", "initiatives")]
    records = [f.assign(theme=_themes_of(f))[["source_path", "theme"]] for f in records if "source_path" in f]
    if not records:
        return pd.DataFrame(columns=["country", "theme", "n"])
    per_doc = pd.concat(records).groupby(["source_path", "theme"]).size().rename("n").reset_index()
    countries = exploded.to_pandas().drop_duplicates()
    joined = countries.merge(per_doc, on="source_path")
    return joined.groupby(["country", "theme"])["n"].sum().reset_index()


def countries_by_theme(published: Published, taxonomy: Taxonomy, top: int = TOP_COUNTRIES) -> Heatmap:
    cells = pd.concat([_statement_cells(published), _document_cells(published)])
    cells = cells.groupby(["country", "theme"])["n"].sum().reset_index() if not cells.empty else cells
    title = f"Countries × themes (top {top} countries): statements + priorities and initiatives"
    what = "statements + records"
    if cells.empty:
        return Heatmap(title, [], [], [], what)
    totals = cells.groupby("country")["n"].sum().sort_index(kind="stable").sort_values(ascending=False, kind="stable")
    countries = list(totals.index[:top])
    ids = _theme_ids(taxonomy, cells["theme"])
    ids = [i for i in ids if cells.loc[cells["theme"] == i, "n"].sum() or i in taxonomy.ids]
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
