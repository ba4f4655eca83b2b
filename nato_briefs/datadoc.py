"""Generate docs/DATASETS.md, the data dictionary, from the schemas themselves.

The column meanings live in the pyarrow field metadata (nato_briefs/schema.py), so
the dictionary is rendered from there rather than written by hand: a test
compares the committed file with this rendering, and a schema change that is
not re-documented fails CI instead of silently drifting.

``python -m nato_briefs.datadoc`` rewrites the file.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pyarrow as pa

from nato_briefs.config import PROJECT_DIR
from nato_briefs.schema import DATASETS, RECORD_KEYS, SCHEMA_VERSION, SORT_KEYS
from nato_briefs.themes import load_taxonomy
from nato_briefs.vocab import DocumentStatus, ReasonCode, Stage

DOC_PATH = PROJECT_DIR / "docs" / "DATASETS.md"

# What one row stands for; the wording follows CONTRACT.md ("any table": markdown, HTML, tab-separated and
# pandoc tables alike; "any list": markdown, HTML, unicode bullets and other enumerators).
ROW_MEANING: dict[str, str] = {
    "documents": "input file that was read",
    "sections": "heading and the prose under it",
    "table_rows": "body row of any table (lossless)",
    "list_items": "item of any list (lossless)",
    "priorities": "table row mapped onto the canonical area / focus / outcome columns",
    "initiatives": "list item split into a name and an optional detail",
    "statements": "prose sentence that states a commitment, priority or concern",
    "mentions": "mention of a country, country group or organisation anywhere in the text",
    "quarantine": "input file or record that was rejected",
}

# What a column's description cannot say: how a dataset relates to the others. Shown under its table.
DATASET_NOTES: dict[str, str] = {
    "documents": "Every other dataset's rows join on `doc_id` (or `source_path`). `n_sections`, `n_table_rows`, "
    "`n_list_items` and `n_priorities` equal the document's rows in those datasets and `n_lists` its distinct "
    "`list_index` (checked by validation); `n_tables` also counts a table without body rows, which has no "
    "`table_rows`.",
    "sections": "The `section` column of the other datasets holds the text of the heading above the record, as "
    "`heading` does here: join on `doc_id` and `section` = `heading`. It is null before the first heading.",
    "table_rows": "A table's header is repeated on each of its rows. `priorities` holds the rows of the tables "
    "whose headers map onto area / focus / outcome, under the same (`doc_id`, `table_index`, `row_index`).",
    "list_items": "Nested items have `depth` > 0 and their list's `parent_list_index`. `initiatives` holds every "
    "item again (less any that validation quarantined), under the same (`doc_id`, `list_index`, `item_index`).",
    "priorities": "Join `table_rows` on (`doc_id`, `table_index`, `row_index`) for the table's other columns "
    "(Timeline, Lead Nation, ...).",
    "initiatives": "Join `list_items` on (`doc_id`, `list_index`, `item_index`) for `depth`, `ordered` and `checked`.",
    "statements": "Only the prose sentences that state something are rows; `sentence_index` counts every prose "
    "sentence, so gaps are the sentences that are not statements. `line` and `column` point at the sentence's "
    "first character in the source file; a sentence whose first words the source does not hold as written "
    "(rewritten by normalization), or that a hostile section leaves unsought once its search budget is spent, "
    "gets its paragraph's line and column 1.",
    "mentions": "For a mention in the title or a heading, `section` is that heading itself. `documents.countries` "
    "is the union of a document's mentions' `countries`.",
    "quarantine": "A file rejected whole has `record` null and none of its rows in the other datasets. A record "
    "rejected by validation names its dataset and key in `record` (e.g. `initiatives[1,0]`: list 1, item 0); "
    "the rest of its document is published, with `documents.validation_status` `records_quarantined`.",
}

_DOC_004 = "004_664f1cef579698de.txt"
_FROM_004 = ("documents", "sections", "table_rows", "list_items", "priorities", "initiatives", "statements", "mentions")
_DOC_ID_004 = "a62f1593c3994747ea0970c4f8be2c2d85cfe411a8335140e160620ed779cfe3"
_SECTION_004 = "Focused Discussions on Security Challenges and Defense Collaboration"
_TITLE_004 = "NATO Deputy Secretary General Engages with U.S. Officials to Strengthen Transatlantic Ties"
_ITEM_004 = "Joint military exercises: Increasing the frequency and complexity to bolster interoperability."

# Real values from raw/004_664f1cef579698de.txt, so readers recognise them in the data;
# quarantine holds nothing from 004, so its examples mimic what ingest writes.
EXAMPLES: dict[tuple[str, str], Any] = {
    **{(name, "doc_id"): _DOC_ID_004 for name in _FROM_004},
    **{(name, "source_path"): _DOC_004 for name in _FROM_004},
    ("documents", "title"): _TITLE_004,
    ("documents", "n_tables"): 3,
    ("documents", "n_list_items"): 14,
    ("documents", "countries"): ["USA"],
    ("documents", "schema_version"): SCHEMA_VERSION,
    ("documents", "n_sections"): 6,
    ("documents", "n_table_rows"): 9,
    ("documents", "n_priorities"): 9,
    ("documents", "n_unmapped_tables"): 0,
    ("documents", "n_lists"): 4,
    ("documents", "encoding"): "utf-8",
    ("documents", "size_bytes"): 6707,
    ("documents", "n_lines"): 49,
    ("documents", "n_suspect_lines"): 0,
    ("sections", "section_index"): 2,
    ("sections", "heading"): _SECTION_004,
    ("sections", "heading_kind"): "bare",
    ("sections", "level"): None,
    ("sections", "text"): "During the high-level meetings in Washington, the NATO Deputy Secretary General …",
    ("sections", "line"): 14,
    ("table_rows", "section"): _SECTION_004,
    ("table_rows", "table_index"): 1,
    ("table_rows", "row_index"): 0,
    ("table_rows", "headers"): ["Focus Area", "Key Initiative", "Expected Outcome"],
    ("table_rows", "cells"): [
        "Cyber Defense",
        "Unified Cybersecurity Task Force",
        "Rapid threat detection and response",
    ],
    ("table_rows", "line"): 23,
    ("list_items", "section"): _SECTION_004,
    ("list_items", "list_index"): 1,
    ("list_items", "item_index"): 0,
    ("list_items", "depth"): 0,
    ("list_items", "ordered"): False,
    ("list_items", "text"): _ITEM_004,
    ("list_items", "line"): 17,
    ("list_items", "parent_list_index"): None,
    ("list_items", "checked"): None,
    ("priorities", "section"): _TITLE_004,
    ("priorities", "table_index"): 0,
    ("priorities", "row_index"): 0,
    ("priorities", "area"): "Defense Modernization",
    ("priorities", "focus"): "Upgrading joint military equipment",
    ("priorities", "outcome"): "Improved interoperability",
    ("priorities", "line"): 11,
    ("priorities", "theme"): "modernization_technology",
    ("initiatives", "section"): _SECTION_004,
    ("initiatives", "list_index"): 1,
    ("initiatives", "item_index"): 0,
    ("initiatives", "name"): "Joint military exercises",
    ("initiatives", "detail"): "Increasing the frequency and complexity to bolster interoperability.",
    ("initiatives", "text"): _ITEM_004,
    ("initiatives", "line"): 17,
    ("initiatives", "theme"): "exercises_training",
    ("statements", "section"): _SECTION_004,
    ("statements", "sentence_index"): 11,
    ("statements", "kind"): "priority",
    ("statements", "text"): "Particular attention was devoted to strengthening NATO’s deterrence posture by enhancing "
    "intelligence sharing and streamlining communication channels between member states.",
    ("statements", "theme"): "intelligence_sharing",
    ("statements", "countries"): [],
    ("statements", "line"): 15,
    ("statements", "column"): 328,
    ("statements", "cue"): "particular attention",
    ("mentions", "line"): 1,
    ("mentions", "column"): 76,
    ("mentions", "surface"): "United States",
    ("mentions", "entity_type"): "country",
    ("mentions", "entity_id"): "USA",
    ("mentions", "countries"): ["USA"],
    ("mentions", "mention_index"): 1,
    ("mentions", "field"): "prose",
    ("mentions", "section"): None,
    ("quarantine", "source_path"): "archive/scan_2023.txt",
    ("quarantine", "doc_id"): None,
    ("quarantine", "stage"): "ingest",
    ("quarantine", "reason"): "file is 31,457,280 bytes, above the limit of 20,971,520 bytes",
    ("quarantine", "reason_code"): "too_large",
    ("quarantine", "record"): None,
}

_INTRO = """\
# Data dictionary

<!-- Generated by `python -m nato_briefs.datadoc` from the schemas and themes.yaml. Do not edit by hand. -->

Schema version: **{version}** (the `schema_version` column of `documents`; the output contract, CONTRACT.md, says
what may change only with a new version). Each dataset is a directory `OUT/<name>/` of Parquet files (`OUT` is
`outputs/` unless `--out` says otherwise) and is read as a whole. `OUT/<name>` is a link that each publish
switches: resolve it once (`os.path.realpath`) and read the folder it names, so a run publishing meanwhile
cannot cut the read short:

```python
import os

import pandas as pd
priorities = pd.read_parquet(os.path.realpath("outputs/priorities"))

import pyarrow.dataset as ds
initiatives = ds.dataset(os.path.realpath("outputs/initiatives"), format="parquet").to_table()

import duckdb
current = os.path.realpath("outputs/current")  # one version for every dataset of the query
duckdb.sql(f"SELECT theme, count(*) FROM '{{current}}/priorities/*.parquet' GROUP BY ALL").show()

import polars as pl
documents = pl.read_parquet(os.path.realpath("outputs/documents") + "/*.parquet")
```

The meanings below also travel inside every Parquet file, in the field metadata:
`pyarrow.parquet.read_schema(path).field("area").metadata[b"description"]`; each file's key-value metadata
(`pyarrow.parquet.read_metadata(path).metadata`) names its `nato_briefs.dataset`, `nato_briefs.schema_version`,
`nato_briefs.run_id`, `nato_briefs.flow_run_id` (the Prefect flow run) and `nato_briefs.code_version`.

Conventions: text is UTF-8 with inline markdown removed; `doc_id` + `source_path` identify a document in every
dataset; indexes are 0-based within their parent, `line` is 1-based; "nullable: no" means the column never holds
null (an empty cell is `''`). Lines end where CommonMark ends them (LF, CRLF, a lone CR) and also, as their writers
see them, at U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR and CR CR LF (a file converted to Windows line ends
twice), one break each; a vertical tab, a form feed or U+0085 never ends a line, and a BOM is no character of
line 1. `column` counts code points of the source line, zero-width ones included.

In pandas (`pd.read_parquet`), a `string` column reads as pandas 3's `str` dtype, null as `NaN` (pandas 2:
`object`, null `None`), a nullable integer column (`sections.level`, `list_items.parent_list_index`)
reads as `float64` with `NaN`, a nullable `bool` (`list_items.checked`) as `object`, and each value of a
`list<string>` column (`countries`, `headers`, `cells`) as a NumPy array (`frame.explode("countries")` gives
one row per code). `pd.read_parquet(path, dtype_backend="numpy_nullable")` keeps the integers (`Int8`,
`Int32`) and booleans with `<NA>`; polars, DuckDB and pyarrow keep the Parquet types as listed.

The rows one article would add, without a run: `nato_briefs.read_article(pathlib.Path("raw/x.md"))` gives an
`Article` whose `to_pandas("priorities")` (or `records["priorities"]`, Arrow) holds them, in these schemas.
What the articles say on one theme and which countries it concerns (statements, priorities, initiatives,
mentions and documents in one DuckDB query): README, "One question across datasets".

| dataset | one row per | key | sorted by |
|---|---|---|---|
"""


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render_type(type_: pa.DataType) -> str:
    """``list<item: string>`` reads as noise to analysts; ``list<string>`` is what they expect."""
    if pa.types.is_list(type_) or pa.types.is_large_list(type_):
        return f"list<{render_type(type_.value_type)}>"
    return str(type_)


def render_example(value: Any) -> str:
    if value is None:
        return "`null`"
    if isinstance(value, str):
        return f"`{_md_cell(value)}`"
    return f"`{_md_cell(json.dumps(value, ensure_ascii=False))}`"


def description(field: pa.Field) -> str:
    return (field.metadata or {}).get(b"description", b"").decode("utf-8")


def _dataset_table(name: str, schema: pa.Schema) -> str:
    rows = [
        f"### `{name}`",
        "",
        f"One row per {ROW_MEANING.get(name, 'record')}. Sorted by {', '.join(f'`{k}`' for k in SORT_KEYS[name])}.",
        "",
        "| column | type | nullable | meaning | example |",
        "|---|---|---|---|---|",
    ]
    for field in schema:
        example = render_example(EXAMPLES[(name, field.name)]) if (name, field.name) in EXAMPLES else "—"
        cells = [f"`{field.name}`", f"`{render_type(field.type)}`", "yes" if field.nullable else "no"]
        rows.append("| " + " | ".join([*cells, _md_cell(description(field)), example]) + " |")
    if name in DATASET_NOTES:
        rows += ["", DATASET_NOTES[name]]
    return "\n".join(rows) + "\n"


def _key(name: str) -> str:
    """The columns that identify a row; quarantine has none (one file may be rejected for several reasons)."""
    if name == "quarantine":
        return "none"
    return ", ".join(RECORD_KEYS[name])


def _themes_section() -> str:
    taxonomy = load_taxonomy()
    rows = [
        "## Theme values",
        "",
        "`priorities.theme`, `initiatives.theme` and `statements.theme` hold one of these ids, or null when no",
        "keyword matched. The rules and keywords are in [nato_briefs/themes.yaml](../nato_briefs/themes.yaml):",
        "the first field that matches wins (area, focus, outcome for priorities; name, detail for initiatives;",
        "a statement has one field, its sentence), and inside a field the theme listed first in the file.",
        "",
        "| id | label |",
        "|---|---|",
    ]
    rows += [f"| `{t.id}` | {_md_cell(t.label)} |" for t in taxonomy.themes]
    return "\n".join(rows) + "\n"


def _codes(values: list[str]) -> str:
    return ", ".join(f"`{v}`" for v in values)


def _values_section() -> str:
    """The closed value sets, from nato_briefs/vocab.py, so a new code cannot go undocumented."""
    return "\n".join(
        [
            "## Code values",
            "",
            f"- `documents.validation_status`: {_codes(list(DocumentStatus))}.",
            f"- `quarantine.stage`: {_codes(list(Stage))}.",
            f"- `quarantine.reason_code` for a file (stage ingest or parse): {_codes(sorted(ReasonCode))};",
            "  for a record (stage validate): the type of the expectation it failed",
            "  (e.g. `expect_column_values_to_not_be_null`), from the suites in `expectations/`.",
            "",
        ]
    )


def render_data_dictionary() -> str:
    index = [
        f"| [`{name}`](#{name}) | {ROW_MEANING.get(name, '')} | {_key(name)} | {', '.join(SORT_KEYS[name])} |"
        for name in DATASETS
    ]
    parts = [_INTRO.format(version=SCHEMA_VERSION) + "\n".join(index) + "\n", "## Datasets\n"]
    parts += [_dataset_table(name, schema) for name, schema in DATASETS.items()]
    parts.append(_themes_section())
    parts.append(_values_section())
    return "\n".join(parts)


def write_data_dictionary(path: Path = DOC_PATH) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_data_dictionary(), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m nato_briefs.datadoc", description="Regenerate the data dictionary from the schemas."
    )
    parser.add_argument("path", nargs="?", type=Path, default=DOC_PATH, help=f"where to write it (default: {DOC_PATH})")
    print(f"wrote {write_data_dictionary(parser.parse_args(argv).path)}")


if __name__ == "__main__":
    main()
