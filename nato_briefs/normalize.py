"""Parsed documents -> the normalized datasets, built column-wise as Arrow tables.

Domain rules that no library knows live here: how a list item splits into a
name and a detail, and the theme of each record; which table headers mean
area / focus / outcome is ``headers.py`` (the reader asks it too).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from nato_briefs.countries import Gazetteer, LocatedMention, document_mentions, load_gazetteer, union_countries
from nato_briefs.headers import HeaderSynonyms, load_header_synonyms, map_headers
from nato_briefs.ingest import SourceDocument
from nato_briefs.parse import ListItem, ParsedDocument, Table, source_lines
from nato_briefs.prose import BoundedMemo, StatementRecord, process_memo, read_statements
from nato_briefs.reader.rules.items import glyph_prefix, step_label
from nato_briefs.schema import DATASETS, DOCUMENT_DATASETS, SCHEMA_VERSION
from nato_briefs.themes import Taxonomy, load_taxonomy, theme_array

# Earliest separator wins: "Name: detail", "Name — detail", "Name – detail", "Name - detail", and "Name -- detail"
# (``double_hyphen_dash``: the em dash typed on a keyboard, as plain text, reST, AsciiDoc and Org writers do;
# AsciiDoc and smartypants render it as one). Every alternative has a fixed width, so a search is linear even on
# a long run of blanks (the former "\s*[—–]\s*" rescanned the run from every position: quadratic).
# The full-width colon of Chinese and Japanese text takes no space after it ("能力目标：由所有盟国通过").
_SEPARATOR = re.compile(r":(?=\s|$)|：|—|\s[-–](?=\s)|\s--(?=\s)")


# --------------------------------------------------------------------------- initiatives


def split_initiative(text: str, bold_lead: str | None = None) -> tuple[str, str | None]:
    """Split a list item into (name, detail) as the contract defines."""
    if bold_lead:
        name = bold_lead.rstrip(":").strip()
        if not text.startswith(bold_lead) and (after := text[glyph_prefix(text) :]).startswith(bold_lead):
            text = after  # "✅ Patriot batteries – ...": a glyph before the lead (glyph_bold_lead)
        rest = text[len(bold_lead) :] if text.startswith(bold_lead) else ""
        detail = rest.lstrip().lstrip(":—–-").strip()
        if name and not (detail and step_label(f"{name}: {detail}") and (split := _split_after_label(detail))):
            return name, detail or None
        if name:
            return split  # "**Step 1:** Name - detail": the bold lead is the step label, the name follows
    if (label := step_label(text)) and (split := _split_after_label(text[label:])):
        return split  # "Step 1: Name - detail" (step_label): the label is numbering, the name is the lead phrase
    return _split_at_separator(text)


def _split_after_label(rest: str) -> tuple[str, str] | None:
    """The rest of an item after its step label split at a separator, when it has one with a name before it."""
    name, detail = _split_at_separator(rest)
    return (name, detail) if detail is not None else None


def _split_at_separator(text: str) -> tuple[str, str | None]:
    for match in _SEPARATOR.finditer(text):
        start, end = match.span()
        if match.group() == "—" and text[start - 1 : start].isdigit() and text[end : end + 1].isdigit():
            continue  # 2025—2030: a range, not a separator
        name = text[:start].strip()
        if name:
            detail = text[end:].strip()
            return name, detail or None
    return text, None


# --------------------------------------------------------------------------- column builders


class ColumnBuilder:
    """Collects one dataset's rows as tuples and turns them into Arrow record batches.

    One tuple append per row, one transposition (zip, in C) per chunk: far
    cheaper than row dicts or an append per cell. Rows become Arrow every
    ``CHUNK_ROWS``: a row tuple of Python strings takes several times the
    memory of the same values in Arrow, and a batch may hold thousands of documents.
    """

    CHUNK_ROWS = 8_192

    def __init__(self, schema: pa.Schema) -> None:
        self.schema = schema
        self.rows: list[tuple] = []
        self.chunks: list[pa.RecordBatch] = []

    def add(self, *values: object) -> None:
        self.rows.append(values)
        if len(self.rows) >= self.CHUNK_ROWS:
            self._flush()

    def _flush(self) -> None:
        columns = zip(*self.rows, strict=True)
        arrays = [pa.array(col, type=fld.type) for col, fld in zip(columns, self.schema, strict=True)]
        self.chunks.append(pa.RecordBatch.from_arrays(arrays, schema=self.schema))
        self.rows = []

    def to_table(self) -> pa.Table:
        if self.rows:
            self._flush()
        if not self.chunks:
            return self.schema.empty_table()
        return pa.Table.from_batches(self.chunks, schema=self.schema)


def document_stats(documents: pa.Table) -> dict[str, int]:
    """Tables not mapped to priorities, and lines that look like structure but were read as prose.

    Read off the ``documents`` records, so any set of them (a batch, a part with unchanged
    documents merged back, a part reused whole) counts the same way.
    """
    suspect = documents["n_suspect_lines"]
    return {
        "unmapped_tables": pc.sum(documents["n_unmapped_tables"]).as_py() or 0,
        "suspect_lines": pc.sum(suspect).as_py() or 0,
        "suspect_documents": pc.sum(pc.greater(suspect, 0).cast(pa.int64())).as_py() or 0,
    }


@dataclass
class BatchTables:
    """The records of one batch of documents, one Arrow table per dataset."""

    tables: dict[str, pa.Table]

    @property
    def n_unmapped_tables(self) -> int:
        return document_stats(self.tables["documents"])["unmapped_tables"]

    @property
    def n_suspect_lines(self) -> int:
        return document_stats(self.tables["documents"])["suspect_lines"]

    @property
    def n_suspect_documents(self) -> int:
        return document_stats(self.tables["documents"])["suspect_documents"]


class BatchNormalizer:
    """Accumulates documents of a batch into column builders."""

    def __init__(
        self,
        synonyms: HeaderSynonyms | None = None,
        taxonomy: Taxonomy | None = None,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        self.synonyms = synonyms or load_header_synonyms()
        self.taxonomy = taxonomy or load_taxonomy()
        self.gazetteer = gazetteer or load_gazetteer()
        self.mention_memo: dict = {}  # headers and cells repeat across a batch: each distinct one is scanned once
        self.sentence_memo = process_memo()  # so do sentences, across batches too: each distinct one is read once
        self.country_memo = BoundedMemo()  # statement sentence -> its countries
        self.builders = {name: ColumnBuilder(DATASETS[name]) for name in DOCUMENT_DATASETS}

    def add(self, source: SourceDocument, doc: ParsedDocument) -> None:
        """Every record of one document, or none: what can fail is computed before any row is added.

        A document that breaks a rule here is quarantined by the caller while the rest
        of its batch is published; rows half-added would leave it in some datasets only.
        """
        key = (source.doc_id, source.source_path)
        lines = source_lines(source.text)  # split once, for statements and mentions both
        statements = self._statements(source, doc, lines)
        mentions = self._mentions(source, doc, lines)
        columns = [map_headers(table.headers, self.synonyms) for table in doc.tables]
        splits = [split_initiative(item.text, item.bold_lead) for item in doc.items]
        for s in doc.sections:
            self.builders["sections"].add(*key, s.index, s.heading, s.heading_kind, s.level, s.text, s.line)
        n_rows, n_priorities, n_unmapped = self._add_tables(key, doc, columns)
        for item, split in zip(doc.items, splits, strict=True):
            self._add_item(key, item, split)
        for r in statements:
            self.builders["statements"].add(
                *key, r.section, r.sentence_index, r.kind, r.text, r.theme, list(r.countries), r.line, r.column, r.cue
            )
        countries = self._add_mentions(key, mentions)
        self.builders["documents"].add(
            *key,
            doc.title,
            len(doc.tables),
            len(doc.items),
            sorted(countries),
            SCHEMA_VERSION,
            len(doc.sections),
            n_rows,
            n_priorities,
            n_unmapped,
            doc.n_lists,
            source.encoding,
            source.size_bytes,
            doc.n_lines,
            doc.n_suspect_lines,
            "passed",  # until validation quarantines one of its records
        )

    def _add_tables(
        self, key: tuple[str, str], doc: ParsedDocument, columns: list[tuple[int, int, int] | None]
    ) -> tuple[int, int, int]:
        """Every table's rows, and the priorities of those that map; (rows, priorities, unmapped tables)."""
        n_rows, n_priorities, n_unmapped = 0, 0, 0
        for table, mapped in zip(doc.tables, columns, strict=True):
            n_rows += len(table.rows)
            self._add_table_rows(key, table)
            if mapped is None:
                n_unmapped += 1
            else:
                n_priorities += self._add_priorities(key, table, mapped)
        return n_rows, n_priorities, n_unmapped

    def _add_mentions(self, key: tuple[str, str], mentions: list[LocatedMention]) -> set[str]:
        """The document's mentions, numbered in order; the countries they name (``documents.countries``)."""
        countries: set[str] = set()
        for i, lm in enumerate(mentions):
            m = lm.mention
            countries.update(m.countries)
            self.builders["mentions"].add(
                *key, lm.line, lm.column, m.surface, m.entity_type, m.entity_id, m.countries, i, lm.field, lm.section
            )
        return countries

    def _add_table_rows(self, key: tuple[str, str], table: Table) -> None:
        width = len(table.headers)
        for row_index, row in enumerate(table.rows):
            cells = (row.cells + [""] * width)[:width]
            self.builders["table_rows"].add(*key, table.section, table.index, row_index, table.headers, cells, row.line)

    def _add_priorities(self, key: tuple[str, str], table: Table, columns: tuple[int, int, int]) -> int:
        """The table's rows as priorities, but its group-label rows (``| **Eastern flank** | | |``), which
        name the rows below, and its totals row (``| **Total** | | | **1,250** |``: ``totals_row``), which sums
        them: neither holds an area, focus or outcome; ``row_index`` stays the row's in the table."""
        a, f, o = columns
        n = 0
        for row_index, row in enumerate(table.rows):
            if row.about_other_rows:
                continue
            cells = row.cells
            area, focus, outcome = (cells[c] if c < len(cells) else "" for c in (a, f, o))
            self.builders["priorities"].add(
                *key, table.section, table.index, row_index, area, focus, outcome, row.line, None
            )
            n += 1
        return n

    def _add_item(self, key: tuple[str, str], item: ListItem, split: tuple[str, str | None]) -> None:
        self.builders["list_items"].add(
            *key,
            item.section,
            item.list_index,
            item.item_index,
            item.depth,
            item.ordered,
            item.text,
            item.line,
            item.parent_list_index,
            item.checked,
        )
        name, detail = split
        self.builders["initiatives"].add(
            *key, item.section, item.list_index, item.item_index, name, detail, item.text, item.line, None
        )

    def _sentence_countries(self, text: str) -> list[str]:
        """The countries a statement names, by the same gazetteer as ``mentions`` (groups expanded).

        Memoized for the batch: a statement repeated across articles is scanned once.
        """
        countries = self.country_memo.get(text)
        if countries is None:
            countries = union_countries(self.gazetteer.find(text))
            self.country_memo.remember(text, countries)
        return list(countries)

    def _statements(self, source: SourceDocument, doc: ParsedDocument, lines: list[str]) -> list[StatementRecord]:
        """Prose sentences that state a commitment, priority or concern (rules in statement_rules.yaml)."""
        taxonomy = self.taxonomy
        return list(read_statements(lines, doc.sections, self._sentence_countries, taxonomy, memo=self.sentence_memo))

    def _mentions(self, source: SourceDocument, doc: ParsedDocument, lines: list[str]) -> list[LocatedMention]:
        """The document's mentions in (line, column) order."""
        return document_mentions(doc, source.text, self.gazetteer, self.mention_memo, lines)

    def finish(self) -> BatchTables:
        tables = {name: b.to_table() for name, b in self.builders.items()}
        # Themes are assigned column-wise: each distinct text is matched once per batch.
        for name, fields in (("priorities", ("area", "focus", "outcome")), ("initiatives", ("name", "detail"))):
            table = tables[name]
            themes = theme_array(self.taxonomy, [table[f] for f in fields])
            tables[name] = table.set_column(table.schema.get_field_index("theme"), table.schema.field("theme"), themes)
        return BatchTables(tables)
