"""The pyarrow schemas of every published dataset: the single source of truth.

The output contract (CONTRACT.md) names the required columns; the schemas here
add a few more. Column descriptions live in the field metadata so that they
travel inside every Parquet file and feed the generated data dictionary.
"""

from __future__ import annotations

import pyarrow as pa

# The contract version whose datasets and columns this writes (v1.1: statements, mentions, documents.countries).
SCHEMA_VERSION = "1.1"


def _field(name: str, type_: pa.DataType, description: str, *, nullable: bool = False) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"description": description})


_DOC_ID = _field("doc_id", pa.string(), "SHA-256 hex digest of the source file's raw bytes.")
_SOURCE_PATH = _field("source_path", pa.string(), "Path of the source file relative to the raw root, '/' separated.")
_SECTION = _field(
    "section", pa.string(), "Text of the nearest heading above the record; null when none precedes it.", nullable=True
)
_LINE = _field("line", pa.int32(), "1-based line number in the source file where the record starts.")
_THEME = _field(
    "theme",
    pa.string(),
    "Theme from the taxonomy file assigned by keyword rules; null when nothing matches.",
    nullable=True,
)

DOCUMENTS = pa.schema(
    [
        _DOC_ID,
        _SOURCE_PATH,
        _field(
            "title", pa.string(), "First heading of the document when it precedes every table and list.", nullable=True
        ),
        _field(
            "n_tables",
            pa.int32(),
            "Number of tables in the document (markdown pipe, HTML, pandoc and tab-separated alike; "
            "a header-only table counts but has no table_rows).",
        ),
        _field("n_list_items", pa.int32(), "Number of list items (all lists, nested ones included)."),
        _field(
            "countries",
            pa.list_(pa.string()),
            "ISO 3166-1 alpha-3 codes of the countries the document names anywhere (groups expanded; Kosovo XKX), "
            "sorted and unique: the union of its `mentions`.",
        ),
        _field("schema_version", pa.string(), "Version of the output contract the row was written under."),
        _field("n_sections", pa.int32(), "Number of rows the document has in `sections`."),
        _field("n_table_rows", pa.int32(), "Number of table body rows in the document."),
        _field("n_priorities", pa.int32(), "Number of table rows mapped onto area/focus/outcome."),
        _field("n_unmapped_tables", pa.int32(), "Tables whose headers did not map onto area/focus/outcome."),
        _field("n_lists", pa.int32(), "Number of lists, nested ones included."),
        _field("encoding", pa.string(), "Text encoding the file was decoded with (utf-8, utf-8-sig, cp1252, ...)."),
        _field("size_bytes", pa.int64(), "Size of the source file in bytes."),
        _field("n_lines", pa.int32(), "Number of lines in the source file."),
        _field(
            "n_suspect_lines",
            pa.int32(),
            "Lines that look like a list item, table row or HTML block but were read as prose (an unread format).",
        ),
        _field(
            "validation_status",
            pa.string(),
            "passed, or records_quarantined when validation moved some of the document's records to quarantine.",
        ),
    ]
)

SECTIONS = pa.schema(
    [
        _DOC_ID,
        _SOURCE_PATH,
        _field("section_index", pa.int32(), "0-based index of the section within the document."),
        _field("heading", pa.string(), "Heading text; null for the prose before the first heading.", nullable=True),
        _field(
            "heading_kind",
            pa.string(),
            "How the heading was written: atx (#), setext, bold (whole-line bold) or bare (title line); "
            "null without heading.",
            nullable=True,
        ),
        _field("level", pa.int8(), "Heading level 1-6 for atx/setext headings, null otherwise.", nullable=True),
        _field("text", pa.string(), "The section's paragraphs joined by a blank line; tables and lists excluded."),
        _LINE,
    ]
)

TABLE_ROWS = pa.schema(
    [
        _DOC_ID,
        _SOURCE_PATH,
        _SECTION,
        _field("table_index", pa.int32(), "0-based index of the table within the document."),
        _field("row_index", pa.int32(), "0-based index of the body row within its table (header excluded)."),
        _field("headers", pa.list_(pa.string()), "Header cells of the table, as text."),
        _field("cells", pa.list_(pa.string()), "Body cells of the row, as text; same length as headers."),
        _LINE,
    ]
)

LIST_ITEMS = pa.schema(
    [
        _DOC_ID,
        _SOURCE_PATH,
        _SECTION,
        _field("list_index", pa.int32(), "0-based index of the list in document order of its first item."),
        _field("item_index", pa.int32(), "0-based index of the item within its list."),
        _field("depth", pa.int16(), "Nesting depth of the list; 0 = top level."),
        _field("ordered", pa.bool_(), "True for a numbered list."),
        _field("text", pa.string(), "Text of the item itself (nested lists excluded)."),
        _LINE,
        _field(
            "parent_list_index",
            pa.int32(),
            "list_index of the enclosing list for a nested list, else null.",
            nullable=True,
        ),
        _field("checked", pa.bool_(), "Task-list state ([x] true, [ ] false); null for a plain item.", nullable=True),
    ]
)

PRIORITIES = pa.schema(
    [
        _DOC_ID,
        _SOURCE_PATH,
        _SECTION,
        _field("table_index", pa.int32(), "0-based index of the table within the document."),
        _field("row_index", pa.int32(), "0-based index of the body row within its table."),
        _field("area", pa.string(), "Priority area (column mapped by the header synonyms); '' when the cell is empty."),
        _field("focus", pa.string(), "Key focus or initiative of the row; '' when the cell is empty."),
        _field("outcome", pa.string(), "Expected outcome of the row; '' when the cell is empty."),
        _LINE,
        _THEME,
    ]
)

INITIATIVES = pa.schema(
    [
        _DOC_ID,
        _SOURCE_PATH,
        _SECTION,
        _field("list_index", pa.int32(), "0-based index of the list in document order of its first item."),
        _field("item_index", pa.int32(), "0-based index of the item within its list."),
        _field(
            "name",
            pa.string(),
            "Lead phrase before ':' (or the full-width '：' of CJK text), '—', ' - ' or ' – ', or the bold lead; "
            "else the whole text.",
        ),
        _field("detail", pa.string(), "What follows the name; null when the item has no separator.", nullable=True),
        _field("text", pa.string(), "Whole text of the item."),
        _LINE,
        _THEME,
    ]
)

STATEMENTS = pa.schema(
    [
        _DOC_ID,
        _SOURCE_PATH,
        _SECTION,
        _field(
            "sentence_index",
            pa.int32(),
            "0-based index of the sentence among all prose sentences of the document, statement or not.",
        ),
        _field("kind", pa.string(), "commitment, priority or concern (precedence in that order)."),
        _field("text", pa.string(), "The sentence, normalized."),
        _THEME,
        _field(
            "countries",
            pa.list_(pa.string()),
            "Sorted unique ISO 3166-1 alpha-3 codes of the countries the sentence names (groups expanded).",
        ),
        _LINE,
        _field("column", pa.int32(), "1-based code point on its line where the sentence starts."),
        _field("cue", pa.string(), "The rule of statement_rules.yaml that decided the kind, as written there."),
    ]
)

MENTIONS = pa.schema(
    [
        _DOC_ID,
        _SOURCE_PATH,
        _field("line", pa.int32(), "1-based line in the source file where the mention is written."),
        _field(
            "column",
            pa.int32(),
            "1-based code point on that line where the mention starts; 1 when the text was rewritten "
            "(e.g. white space collapsed) and the mention could not be found on its line.",
        ),
        _field("surface", pa.string(), "The mention as written (e.g. 'U.S.', 'Kyiv', 'Baltic states')."),
        _field(
            "entity_type",
            pa.string(),
            "country, group (one of the groups the contract expands, to its members) or organization "
            "(also a forum of states such as the G7, with no countries).",
        ),
        _field(
            "entity_id",
            pa.string(),
            "ISO 3166-1 alpha-3 code of a country (Kosovo XKX), or the snake_case id of a group or organisation "
            "(baltic_states, nato, eu) from nato_briefs/gazetteer.yaml.",
        ),
        _field(
            "countries",
            pa.list_(pa.string()),
            "Alpha-3 codes the mention stands for: the country, a group's members, empty for an organisation.",
        ),
        _field("mention_index", pa.int32(), "0-based index of the mention in the document, in (line, column) order."),
        _field(
            "field", pa.string(), "Where it was found: title, heading, prose, table_header, table_cell or list_item."
        ),
        _field(
            "section",
            pa.string(),
            "Text of the nearest heading above the mention; for a mention in the title or a heading, that "
            "heading itself. Null when none precedes it.",
            nullable=True,
        ),
    ]
)

QUARANTINE = pa.schema(
    [
        _SOURCE_PATH,
        _field("doc_id", pa.string(), "SHA-256 of the file's bytes when they could be read, else null.", nullable=True),
        _field("stage", pa.string(), "Pipeline stage that rejected the input: ingest, parse or validate."),
        _field("reason", pa.string(), "Precise, human-readable reason for the rejection."),
        _field("reason_code", pa.string(), "Stable machine-readable code of the reason (e.g. binary, too_large)."),
        _field(
            "record",
            pa.string(),
            "For a rejected record: dataset and key, e.g. 'table_rows[2,0]'; null for a file.",
            nullable=True,
        ),
    ]
)

DATASETS: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "sections": SECTIONS,
    "table_rows": TABLE_ROWS,
    "list_items": LIST_ITEMS,
    "priorities": PRIORITIES,
    "initiatives": INITIATIVES,
    "statements": STATEMENTS,
    "mentions": MENTIONS,
    "quarantine": QUARANTINE,
}

# The order every dataset is sorted by: deterministic and what readers expect.
SORT_KEYS: dict[str, list[str]] = {
    "documents": ["source_path"],
    "sections": ["source_path", "section_index"],
    "table_rows": ["source_path", "table_index", "row_index"],
    "list_items": ["source_path", "list_index", "item_index"],
    "priorities": ["source_path", "table_index", "row_index"],
    "initiatives": ["source_path", "list_index", "item_index"],
    "statements": ["source_path", "sentence_index"],
    "mentions": ["source_path", "mention_index"],
    "quarantine": ["source_path", "stage", "reason_code"],
}


# Groupings of the datasets, each defined here once.
# The records that belong to one document (each row carries its doc_id and source_path).
RECORD_DATASETS: tuple[str, ...] = (
    "sections",
    "table_rows",
    "list_items",
    "priorities",
    "initiatives",
    "statements",
    "mentions",
)
# What parsing one document produces: its documents row and its records.
DOCUMENT_DATASETS: tuple[str, ...] = ("documents", *RECORD_DATASETS)

# The columns that identify one row of a dataset (for quarantine, the columns shown with a row: not unique).
RECORD_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("doc_id",),
    "sections": ("doc_id", "section_index"),
    "table_rows": ("doc_id", "table_index", "row_index"),
    "list_items": ("doc_id", "list_index", "item_index"),
    "priorities": ("doc_id", "table_index", "row_index"),
    "initiatives": ("doc_id", "list_index", "item_index"),
    "statements": ("doc_id", "sentence_index"),
    "mentions": ("doc_id", "mention_index"),
    "quarantine": ("source_path", "stage", "reason_code"),
}


def sort_rows(name: str, table: pa.Table) -> pa.Table:
    """A dataset's rows in the contract's order (Arrow's sort is stable: ties keep their order)."""
    return table.sort_by([(key, "ascending") for key in SORT_KEYS[name]])


# Not a dataset: the state an incremental run starts from, one row per published
# input, kept with each version (OUT/current/_inputs.parquet). The stat signature
# lets the next run skip reading a file whose signature is unchanged; null when the
# file had changed too recently to be trusted (it is then read and hashed again).
INPUT_INDEX = pa.schema(
    [
        _field("source_path", pa.string(), "Path of the input, relative to the raw folder."),
        _field("doc_id", pa.string(), "SHA-256 of the file's bytes."),
        _field("batch", pa.int32(), "Index of the batch (part file) holding the document's records."),
        _field(
            "stat_signature",
            pa.string(),
            "size:mtime_ns:ctime_ns:inode:device when the file was read; null if it had just changed.",
            nullable=True,
        ),
    ]
)
