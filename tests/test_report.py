"""The HTML report on small published roots: normal, empty, older, hostile, with and without the prose datasets."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_briefs.report import Bars, build_report, chart_label, documents_bars, draw_chart, read_published
from nato_briefs.report.briefs import PAGE_SIZE, _anchors, _statements_html, index_html, select_documents
from nato_briefs.report.prose import countries_by_theme
from nato_briefs.report.stats import ensure_themes, history_bars, quarantine_rows
from nato_briefs.schema import DATASETS, SCHEMA_VERSION
from nato_briefs.themes import load_taxonomy

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
DOC_ID = "a62f1593c3994747ea0970c4f8be2c2d85cfe411a8335140e160620ed779cfe3"
DOC = "004_664f1cef579698de.txt"
HOSTILE = "<script>alert('x')</script> & \"quotes\" $\\frac{1}{0}$ \x00\x1b[31m 🚀"
PROSE = ("statements", "mentions")
# The v1.0 datasets (no prose): what the older tests publish, whatever the schema module holds now.
CORE = {
    name: pa.schema([f for f in schema if not (name == "documents" and f.name == "countries")])
    for name, schema in DATASETS.items()
    if name not in PROSE
}


class Page(HTMLParser):
    """Just enough of the page to check it: title, images, tables, scripts, visible text."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.title = ""
        self.images: list[dict[str, str | None]] = []
        self.scripts = 0
        self.n_tables = 0
        self.data: list[str] = []
        self._in_title = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_title = tag == "title"
        self.images += [dict(attrs)] if tag == "img" else []
        self.scripts += tag == "script"
        self.n_tables += tag == "table"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        self.title += data if self._in_title else ""
        self.data.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.data).split())


def write_dataset(out: Path, name: str, rows: list[dict], schema: pa.Schema | None = None, part: int = 0) -> None:
    schema = schema or CORE[name]
    table = pa.table({f.name: [row.get(f.name) for row in rows] for f in schema}, schema=schema)
    (out / name).mkdir(parents=True, exist_ok=True)
    pq.write_table(table, out / name / f"part-{part}.parquet")


def document(source_path: str = DOC, **overrides: object) -> dict:
    row = {
        "doc_id": DOC_ID,
        "source_path": source_path,
        "title": "NATO Deputy Secretary General Engages",
        "n_tables": 3,
        "n_list_items": 14,
        "schema_version": SCHEMA_VERSION,
        "n_sections": 6,
        "n_table_rows": 9,
        "n_priorities": 9,
        "n_unmapped_tables": 0,
        "n_lists": 4,
        "encoding": "utf-8",
        "size_bytes": 6707,
        "n_lines": 49,
        "n_suspect_lines": 0,
        "validation_status": "passed",
    }
    return row | overrides


def priority(area: str, theme: str | None, row_index: int = 0) -> dict:
    return {
        "doc_id": DOC_ID,
        "source_path": DOC,
        "section": "Focused Discussions",
        "table_index": 0,
        "row_index": row_index,
        "area": area,
        "focus": "Joint Simulations",
        "outcome": "Operational Readiness",
        "line": 11 + row_index,
        "theme": theme,
    }


def initiative(name: str, theme: str | None, item_index: int = 0) -> dict:
    return {
        "doc_id": DOC_ID,
        "source_path": DOC,
        "section": None,
        "list_index": 0,
        "item_index": item_index,
        "name": name,
        "detail": None,
        "text": name,
        "line": 5 + item_index,
        "theme": theme,
    }


def rejection(reason_code: str) -> dict:
    return {"source_path": "bad.txt", "doc_id": None, "stage": "ingest", "reason": "r", "reason_code": reason_code}


def write_empty_root(out: Path) -> None:
    for name in CORE:
        write_dataset(out, name, [])


@pytest.fixture
def sample_out(tmp_path: Path) -> Path:
    return write_sample(tmp_path / "out")


def write_sample(out: Path) -> Path:
    """Two documents (seeds 004 and 000) with priorities, initiatives and quarantine, no prose datasets."""
    write_empty_root(out)
    write_dataset(out, "documents", [document(), document("000_cd744a2011959f1e.txt", n_tables=0, doc_id="b" * 64)])
    write_dataset(
        out,
        "table_rows",
        [
            {
                "doc_id": DOC_ID,
                "source_path": DOC,
                "section": None,
                "table_index": 0,
                "row_index": 0,
                "headers": ["Priority Area"],
                "cells": ["Cybersecurity"],
                "line": 11,
            },
        ],
    )
    areas = [
        ("Defense Modernization", "modernization_technology"),
        ("Cybersecurity", "cyber"),
        ("Cyber Defense", "cyber"),
        ("Command & Control", "command_control"),
        ("Budget", None),
    ]
    write_dataset(out, "priorities", [priority(a, t, i) for i, (a, t) in enumerate(areas * 2)])
    exercises = [initiative("Joint military exercises", "exercises_training", i) for i in range(3)]
    write_dataset(out, "initiatives", exercises)
    write_dataset(out, "quarantine", [rejection("binary"), rejection("binary"), rejection("empty")])
    return out


def check_page(index: Path) -> Page:
    page = Page(index.read_text(encoding="utf-8"))
    assert page.title.strip() == "nato-briefs report"
    assert page.images, "the page has no charts"
    for image in page.images:
        assert image.get("alt"), f"image without alt text: {image}"
        src = image["src"]
        assert src and "/" not in src, f"chart not beside the page: {src}"
        png = index.parent / src
        assert png.is_file(), f"missing chart {png}"
        assert png.read_bytes()[:8] == PNG_MAGIC, f"{png} is not a PNG"
        assert png.stat().st_size > 2048, f"{png} is suspiciously small"
    assert page.scripts == 0
    return page


def test_report_of_a_normal_root(sample_out: Path) -> None:
    index = build_report(sample_out)
    assert index == sample_out / "report" / "index.html"
    page = check_page(index)
    assert len(page.images) == 4
    for headline in ("2 documents", "3 tables", "10 priorities", "3 initiatives", "3 quarantined"):
        assert headline in page.text
    assert "3 Cyber Defense 2 1 Cyber" in page.text  # rank, area, rows, documents, main theme
    assert "Command &amp; Control" in index.read_text(encoding="utf-8")
    assert "from the validation_status column of documents" in page.text
    assert "Documents by file size" in page.text  # no date or folder column: the label says what is shown
    # Which file was rejected and why: source_path, stage, reason_code, record, reason.
    assert "Quarantine source_path stage reason_code record reason bad.txt ingest binary r bad.txt" in page.text


def test_report_of_empty_datasets(tmp_path: Path) -> None:
    write_empty_root(tmp_path)
    page = check_page(build_report(tmp_path))
    assert "0 documents" in page.text and "0 quarantined" in page.text
    assert "Quarantine nothing was quarantined" in page.text
    assert all("no data" in (image["alt"] or "") for image in page.images)


def test_report_of_a_root_with_nothing_in_it(tmp_path: Path) -> None:
    page = check_page(build_report(tmp_path / "never-published"))
    assert "dataset 'documents' not found" in page.text


def test_data_is_escaped(sample_out: Path) -> None:
    write_dataset(sample_out, "documents", [document(title=HOSTILE, source_path="<img src=x onerror=alert(1)>.txt")])
    write_dataset(sample_out, "priorities", [priority(HOSTILE, "cyber"), priority(HOSTILE, None, 1)])
    write_dataset(sample_out, "quarantine", [rejection("<b>bold</b>")])
    index = build_report(sample_out)
    raw = index.read_text(encoding="utf-8")
    page = check_page(index)
    assert "<script" not in raw.lower()
    assert "<b>bold" not in raw and "onerror=alert(1)>" not in raw
    assert "<script>alert('x')</script>" in page.text  # shown as text, not run
    assert len(page.images) == 4  # the hostile src did not add an image


def test_a_corrupt_part_file_is_reported_not_fatal(sample_out: Path) -> None:
    (sample_out / "priorities" / "part-1.parquet").write_bytes(b"PAR1 not really parquet")
    page = check_page(build_report(sample_out))
    assert "dataset 'priorities' could not be read" in page.text
    assert "2 documents" in page.text


def test_older_output_without_theme_column(tmp_path: Path) -> None:
    write_empty_root(tmp_path)
    old = pa.schema([f for f in DATASETS["priorities"] if f.name != "theme"])
    write_dataset(tmp_path, "priorities", [priority("Cybersecurity", None)], schema=old)
    old_items = pa.schema([f for f in DATASETS["initiatives"] if f.name != "theme"])
    write_dataset(tmp_path, "initiatives", [initiative("Joint military exercises", None)], schema=old_items)
    page = check_page(build_report(tmp_path))
    assert "priorities has no theme column" in page.text
    assert "Cybersecurity 1 1 Cyber" in page.text  # computed from the taxonomy


def test_part_files_with_and_without_theme_read_together(tmp_path: Path) -> None:
    write_empty_root(tmp_path)
    old = pa.schema([f for f in DATASETS["priorities"] if f.name != "theme"])
    write_dataset(tmp_path, "priorities", [priority("Budget", None)], schema=old, part=0)
    write_dataset(tmp_path, "priorities", [priority("Cybersecurity", "cyber")], part=1)
    page = check_page(build_report(tmp_path))
    assert "2 priorities" in page.text


def test_validation_report_json_is_used_when_published(sample_out: Path) -> None:
    (sample_out / "validation").mkdir()
    # The shape nato_briefs.validate writes (ValidationReport.to_dict), trimmed.
    report = {
        "passed": False,
        "errors": 1,
        "warnings": 1,
        "suites": [
            {
                "dataset": "documents",
                "kind": "dataset",
                "rows": 2,
                "success": True,
                "evaluated": 12,
                "failed_errors": 0,
                "failed_warnings": 1,
                "seconds": 0.01,
                "failures": [{"severity": "warning", "message": "title is null in 1 of 2 rows"}],
            },
            {
                "dataset": "<i>priorities</i>",
                "success": False,
                "evaluated": 9,
                "failed_errors": 1,
                "failed_warnings": 0,
                "failures": [{"severity": "error", "message": "<b>area</b> is empty"}],
            },
        ],
    }
    (sample_out / "validation" / "report.json").write_text(json.dumps(report), encoding="utf-8")
    (sample_out / "validation" / "index.html").write_text("<p>gx</p>", encoding="utf-8")
    index = build_report(sample_out)
    page = check_page(index)
    raw = index.read_text(encoding="utf-8")
    assert "Overall: failed (from validation/report.json)" in page.text
    assert "documents passed with warnings rows: 2, evaluated: 12" in page.text
    assert "[warning] title is null in 1 of 2 rows" in page.text
    assert "<i>priorities</i> failed" in page.text and "<b>area</b> is empty" in page.text
    assert "<i>" not in raw and "<b>area" not in raw
    assert 'href="../validation/index.html"' in raw


def test_passing_validation_report(sample_out: Path) -> None:
    (sample_out / "validation").mkdir()
    report = {"passed": True, "suites": [{"dataset": "documents", "success": True, "failed_warnings": 0}]}
    (sample_out / "validation" / "report.json").write_text(json.dumps(report), encoding="utf-8")
    page = check_page(build_report(sample_out))
    assert "Overall: passed (from validation/report.json)" in page.text


def test_unreadable_validation_report_falls_back_to_the_documents_column(sample_out: Path) -> None:
    (sample_out / "validation").mkdir()
    (sample_out / "validation" / "report.json").write_text("{not json", encoding="utf-8")
    write_dataset(sample_out, "documents", [document(validation_status="passed"), document(validation_status="warn")])
    page = check_page(build_report(sample_out))
    assert "from the validation_status column of documents" in page.text
    assert "status documents passed 1 warn 1" in page.text


def test_symlinked_versions_layout(sample_out: Path, tmp_path: Path) -> None:
    root = tmp_path / "published"
    version = root / ".versions" / "run-1"
    shutil.copytree(sample_out, version)
    os.symlink(".versions/run-1", root / "current")
    for name in CORE:
        os.symlink(f"current/{name}", root / name)
    page = check_page(build_report(root))
    assert "10 priorities" in page.text


def test_documents_chart_says_what_it_groups_by() -> None:
    by_folder = documents_bars(pd.DataFrame({"source_path": ["2024/a.md", "2024/b.md", "c.md"]}))
    assert by_folder.title == "Documents by source folder"
    assert dict(zip(by_folder.labels, by_folder.series["documents"], strict=True)) == {"2024": 2, "(top level)": 1}
    by_date = documents_bars(pd.DataFrame({"source_path": ["a"], "first_seen": ["2024-05-01T10:00:00Z"]}))
    assert by_date.title.startswith("Documents by first seen") and by_date.labels == ["2024-05-01"]
    by_size = documents_bars(pd.DataFrame({"source_path": ["a", "b"], "size_bytes": [10, 2_000_000]}))
    assert "file size" in by_size.title and sum(by_size.series["documents"]) == 2


@pytest.mark.parametrize("label", [HOSTILE, "$$", "\\", "x" * 10_000, "", "\u202e right-to-left"])
def test_hostile_chart_labels_draw(tmp_path: Path, label: str) -> None:
    assert len(chart_label(label)) <= 42 and "\x00" not in chart_label(label)
    path = tmp_path / "chart.png"
    draw_chart(path, [Bars(label, [label, "ok"], {label: [1, 2]})])
    assert path.read_bytes()[:8] == PNG_MAGIC


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.slow  # starts a browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (apt-get install chromium)")
def test_page_renders_in_headless_chromium(sample_out: Path, tmp_path: Path) -> None:
    index = build_report(sample_out)
    shot = tmp_path / "screenshot.png"
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--screenshot={shot}",
        "--window-size=1280,2400",
        index.as_uri(),
    ]
    subprocess.run(command, check=True, timeout=120, capture_output=True)
    assert shot.read_bytes()[:8] == PNG_MAGIC
    assert shot.stat().st_size > 20_000  # a blank page compresses far below this


def test_documents_over_time_from_the_run_history(sample_out: Path) -> None:
    runs = [
        {"finished_at": "2026-11-20T06:00:05Z", "files_parsed": 2, "files_reused": 0},
        {"finished_at": "2026-11-21T06:00:04Z", "files_parsed": 1, "files_reused": 2},
        "not a record",
    ]
    (sample_out / "_runs.jsonl").write_text("\n".join(json.dumps(r) for r in runs) + "\n{broken\n", encoding="utf-8")
    page = check_page(build_report(sample_out))
    assert "Documents processed per run (last 2 runs, UTC)" in page.text
    assert "Documents by file size" in page.text  # the per-document chart is still there


# ---------------------------------------------------------------- the prose datasets (contract v1.1)

SEED0, SEED0_ID = "000_cd744a2011959f1e.txt", "b" * 64
_SCHEMA_OR = {
    "statements": pa.schema(
        [
            ("doc_id", pa.string()),
            ("source_path", pa.string()),
            ("section", pa.string()),
            ("sentence_index", pa.int32()),
            ("kind", pa.string()),
            ("text", pa.string()),
            ("theme", pa.string()),
            ("countries", pa.list_(pa.string())),
            ("line", pa.int32()),
            ("column", pa.int32()),
            ("cue", pa.string()),
        ]
    ),
    "mentions": pa.schema(
        [
            ("doc_id", pa.string()),
            ("source_path", pa.string()),
            ("line", pa.int32()),
            ("column", pa.int32()),
            ("surface", pa.string()),
            ("entity_type", pa.string()),
            ("entity_id", pa.string()),
            ("countries", pa.list_(pa.string())),
        ]
    ),
}
# The schema module's own when it has them (after the prose work is merged), else the contract's columns.
STATEMENTS = DATASETS.get("statements", _SCHEMA_OR["statements"])
MENTIONS = DATASETS.get("mentions", _SCHEMA_OR["mentions"])
DOCUMENTS_V11 = (
    DATASETS["documents"]
    if "countries" in DATASETS["documents"].names
    else DATASETS["documents"].append(pa.field("countries", pa.list_(pa.string())))
)
RUSSIA = "One of the main topics discussed was increased Russian military activity around NATO’s borders."
BALTIC = "These steps include strengthening the troop presence in the Baltic states and increasing military exercises."


def statement(
    path: str,
    index: int,
    kind: str,
    text: str,
    theme: str | None,
    countries: list[str],
    line: int = 3,
    cue: str = "cue",
) -> dict:
    doc_id = SEED0_ID if path == SEED0 else DOC_ID
    return {
        "doc_id": doc_id,
        "source_path": path,
        "section": None,
        "sentence_index": index,
        "kind": kind,
        "text": text,
        "theme": theme,
        "countries": countries,
        "line": line,
        "column": 1 + 40 * index,
        "cue": cue,
    }


def mention(path: str, surface: str, entity_type: str, entity_id: str, countries: list[str]) -> dict:
    doc_id = SEED0_ID if path == SEED0 else DOC_ID
    _MENTION_INDEX[path] = _MENTION_INDEX.get(path, -1) + 1  # the extra columns of the published schema
    return {
        "doc_id": doc_id,
        "source_path": path,
        "line": 3,
        "column": 1,
        "surface": surface,
        "entity_type": entity_type,
        "entity_id": entity_id,
        "countries": countries,
        "mention_index": _MENTION_INDEX[path],
        "field": "prose",
        "section": None,
    }


_MENTION_INDEX: dict[str, int] = {}


STATEMENT_ROWS = [
    statement(SEED0, 2, "priority", RUSSIA, "deterrence_posture", ["RUS"], cue="main topics"),
    statement(
        SEED0,
        3,
        "commitment",
        "Leaders of member states expressed deep concern about the aggressive actions "
        "and affirmed commitment to enhancing collective defense.",
        "deterrence_posture",
        [],
        cue="commit",
    ),
    statement(SEED0, 4, "commitment", BALTIC, "deterrence_posture", ["EST", "LTU", "LVA"], cue="steps include"),
    statement(
        SEED0,
        6,
        "concern",
        "Apart from that, this meeting also highlighted the challenge of global terrorism.",
        "counter_terrorism",
        [],
        cue="challenge",
    ),
    statement(
        SEED0,
        11,
        "concern",
        "In this digital era, cyber attacks are one of the most damaging threats.",
        "cyber",
        [],
        cue="threats",
    ),
    statement(
        DOC,
        1,
        "commitment",
        "The visit aims to strengthen cooperation on key security challenges.",
        "partnerships",
        [],
        line=1,
        cue="aims to",
    ),
    statement(
        DOC,
        7,
        "priority",
        "Among the key topics were cybersecurity cooperation and modernization.",
        "cyber",
        ["USA"],
        line=5,
        cue="key topics",
    ),
]
MENTION_ROWS = [
    mention(SEED0, "Russian", "country", "RUS", ["RUS"]),
    mention(SEED0, "Baltic states", "group", "baltic_states", ["EST", "LTU", "LVA"]),
    mention(SEED0, "NATO", "organization", "nato", []),
    mention(SEED0, "Japan", "country", "JPN", ["JPN"]),
    mention(SEED0, "Australia", "country", "AUS", ["AUS"]),
    mention(DOC, "United States", "country", "USA", ["USA"]),
    mention(DOC, "Washington", "country", "USA", ["USA"]),
]


def write_prose(out: Path, statements: list[dict] = STATEMENT_ROWS, mentions: list[dict] = MENTION_ROWS) -> None:
    documents = [
        document(countries=["USA"]),
        document(
            SEED0,
            n_tables=0,
            doc_id=SEED0_ID,
            title="NATO Leadership Meeting",
            countries=["AUS", "EST", "JPN", "LTU", "LVA", "RUS"],
        ),
    ]
    write_dataset(out, "documents", documents, schema=DOCUMENTS_V11)
    write_dataset(out, "statements", statements, schema=STATEMENTS)
    write_dataset(out, "mentions", mentions, schema=MENTIONS)


@pytest.fixture
def prose_out(sample_out: Path) -> Path:
    write_prose(sample_out)
    return sample_out


class Briefs(HTMLParser):
    """The text of every ``<section id=...>`` of a briefs page, and its links."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.sections: dict[str, str] = {}
        self.links: list[str] = []
        self._current: str | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "section" and found.get("id"):
            self._current = found["id"]
            self.sections[self._current] = ""
        if tag == "a" and found.get("href"):
            self.links.append(found["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        self._current = None if tag == "section" else self._current

    def handle_data(self, data: str) -> None:
        if self._current:
            self.sections[self._current] += " " + data

    def text(self, anchor: str) -> str:
        return " ".join(self.sections[anchor].split())


def brief_of(index: Path, anchor: str) -> str:
    """Follow the main page's link to a document's brief, and return the brief's text."""
    links = [h for h in Briefs(index.read_text(encoding="utf-8")).links if h.endswith(f"#{anchor}")]
    assert len(links) == 1, f"the index does not link {anchor} exactly once: {links}"
    page = index.parent / links[0].split("#")[0]
    return Briefs(page.read_text(encoding="utf-8")).text(anchor)


@pytest.mark.slow  # builds whole reports / runs processes or 20 publishes: seconds each
def test_report_with_the_prose_datasets(prose_out: Path) -> None:
    index = build_report(prose_out)
    page = check_page(index)
    assert {i["src"] for i in page.images} >= {"statements.png", "countries.png"}
    assert len(page.images) == 6
    assert "7 statements" in page.text and "7 countries named" in page.text
    assert "no prose datasets" not in page.text
    # Statements per theme: theme, commitment, priority, concern, total, documents.
    assert "Cyber 0 1 1 2 2" in page.text
    assert "Deterrence & posture 2 1 0 3 1" in page.text
    assert "Logistics 0 0 0 0 0" not in page.text  # the table lists the themes found; the chart all of them
    alts = " ".join(i["alt"] or "" for i in page.images)
    assert "Statements by kind: commitment (statements 3); priority (statements 2); concern (statements 2)" in alts
    # Countries: code, name, documents, mentions, statements.
    assert "EST Estonia 1 1 1" in page.text and "RUS Russian Federation 1 1 1" in page.text
    assert "USA United States 1 2 1" in page.text


@pytest.mark.slow  # builds whole reports / runs processes or 20 publishes: seconds each
def test_each_document_has_a_brief_with_its_statements_and_records(prose_out: Path) -> None:
    index = build_report(prose_out)
    seed0 = brief_of(index, f"doc-{SEED0_ID[:12]}")
    assert seed0.startswith("NATO Leadership Meeting")
    assert "Countries: AUS , EST , JPN , LTU , LVA , RUS" in seed0
    assert "Statements (5)" in seed0
    assert f"3 priority Deterrence & posture RUS {RUSSIA} main topics" in seed0
    assert f"3 commitment Deterrence & posture EST , LTU , LVA {BALTIC} steps include" in seed0
    assert seed0.index(RUSSIA) < seed0.index(BALTIC)  # in reading order
    assert "Priorities (0)" in seed0 and "Initiatives (0)" in seed0
    seed4 = brief_of(index, f"doc-{DOC_ID[:12]}")
    assert "Statements (2)" in seed4 and "1 commitment Partnerships" in seed4
    assert "Priorities (10)" in seed4
    assert "11 Defense Modernization Joint Simulations Operational Readiness Modernization & technology" in seed4
    assert "Initiatives (3)" in seed4 and "5 Joint military exercises" in seed4
    assert "Countries: USA" in seed4


def test_countries_by_theme_counts_statements_and_document_records(prose_out: Path) -> None:
    published = read_published(prose_out)
    taxonomy = load_taxonomy()
    ensure_themes(published, taxonomy)
    heat = countries_by_theme(published, taxonomy)
    assert len(set(heat.columns)) == len(heat.columns)
    cell = {
        (r.split()[0], c): v
        for r, row in zip(heat.rows, heat.cells, strict=True)
        for c, v in zip(heat.columns, row, strict=True)
    }
    # USA: its statement (cyber) + the 004 priorities (4 cyber, 2 modernization, ...) + 3 exercise initiatives.
    assert cell[("USA", "Cyber")] == 1 + 4
    assert cell[("USA", "Exercises & training")] == 3
    # What has no theme is left out of the matrix (it set the colour scale), and counted in the title.
    assert "unassigned" not in heat.columns and heat.columns[: len(taxonomy.ids)] == [
        taxonomy.label(i) for i in taxonomy.ids
    ]
    assert heat.title.endswith("(2 without a theme not shown)")
    assert cell[("EST", "Deterrence & posture")] == 1 and cell[("RUS", "Deterrence & posture")] == 1
    assert not any(r.startswith("JPN") for r in heat.rows)  # named, but nothing with a theme goes with it
    assert heat.rows[0].startswith("USA")  # most counts first


def test_report_without_the_prose_datasets_says_so(sample_out: Path) -> None:
    index = build_report(sample_out)
    page = check_page(index)
    assert len(page.images) == 4
    assert "no prose datasets in this version (no statements dataset was published)" in page.text
    assert "no prose datasets in this version (no countries in documents, statements or mentions)" in page.text
    assert "statements" not in {i["src"] for i in page.images}
    assert "dataset 'statements' not found" not in page.text  # an older version, not missing data
    brief = brief_of(index, f"doc-{DOC_ID[:12]}")
    assert "Countries: no prose datasets in this version" in brief
    assert "Statements no prose datasets in this version" in brief
    assert "Priorities (10)" in brief


@pytest.mark.slow  # builds whole reports / runs processes or 20 publishes: seconds each
def test_prose_charts_of_an_earlier_report_are_removed(prose_out: Path) -> None:
    build_report(prose_out)
    assert (prose_out / "report" / "countries.png").is_file()
    for name in PROSE:
        shutil.rmtree(prose_out / name)
    write_dataset(prose_out, "documents", [document()])
    check_page(build_report(prose_out))
    assert not (prose_out / "report" / "countries.png").exists()
    assert not (prose_out / "report" / "statements.png").exists()


@pytest.mark.slow  # builds whole reports / runs processes or 20 publishes: seconds each
def test_prose_text_is_escaped(sample_out: Path) -> None:
    hostile_statements = [
        statement(
            SEED0,
            0,
            "<i>commitment</i>",
            HOSTILE,
            "<b>theme</b>",
            ["<img src=x onerror=alert(1)>", "EST"],
            cue="<script>cue</script>",
        ),
    ]
    hostile_mentions = [mention(SEED0, HOSTILE, "country", "<b>X</b>", ["<b>X</b>"])]
    write_prose(sample_out, hostile_statements, hostile_mentions)
    write_dataset(
        sample_out,
        "documents",
        [
            document(SEED0, doc_id='"><script>alert(1)</script>', title=HOSTILE, countries=["<b>X</b>"]),
        ],
        schema=DOCUMENTS_V11,
    )
    index = build_report(sample_out)
    check_page(index)
    pages = [index, *sorted((index.parent / "briefs").glob("*.html"))]
    for path in pages:
        raw = path.read_text(encoding="utf-8")
        assert "<script" not in raw.lower(), path
        assert "<b>X" not in raw and "<i>commitment" not in raw and "onerror=alert(1)>" not in raw, path
    brief = Briefs((index.parent / "briefs" / "1.html").read_text(encoding="utf-8"))
    (anchor,) = brief.sections
    assert anchor == "doc-scriptalert1"  # only letters, digits, '-' and '_' survive into the anchor
    assert "<script>alert('x')</script>" in brief.text(anchor)  # the statement, shown as text
    assert "<i>commitment</i>" in brief.text(anchor) and "<script>cue</script>" in brief.text(anchor)


@pytest.mark.slow  # builds whole reports / runs processes or 20 publishes: seconds each
def test_briefs_are_paged_and_capped(tmp_path: Path) -> None:
    write_empty_root(tmp_path)
    docs = [document(f"d/{i:03}.txt", doc_id=f"{i:012x}" + "f" * 52, title=f"Doc {i}") for i in range(PAGE_SIZE + 5)]
    write_dataset(tmp_path, "documents", docs)
    write_dataset(tmp_path, "initiatives", [initiative("x", None) | {"source_path": "d/104.txt"}])
    index = build_report(tmp_path)
    briefs = index.parent / "briefs"
    assert sorted(p.name for p in briefs.glob("*.html")) == ["1.html", "2.html"]
    last = Briefs((briefs / "2.html").read_text(encoding="utf-8"))
    assert list(last.sections) == [f"doc-{i:012x}" for i in range(PAGE_SIZE, PAGE_SIZE + 5)]
    assert f"briefs/2.html#doc-{104:012x}" in index.read_text(encoding="utf-8")
    # Capped: the documents with most to read are kept, and the page says how many of how many.
    selection = select_documents(read_published(tmp_path), limit=3)
    assert selection.capped and selection.entries[0].source_path == "d/000.txt"
    assert "d/104.txt" in {e.source_path for e in selection.entries}
    assert "Briefs of 3 of 105 documents" in Page(index_html(selection)).text
    # A smaller corpus later: the second page goes.
    write_dataset(tmp_path, "documents", docs[:3])
    build_report(tmp_path)
    assert sorted(p.name for p in briefs.glob("*.html")) == ["1.html"]


@given(st.lists(st.text(max_size=70), min_size=1, max_size=6))
@settings(max_examples=60)
def test_anchors_are_unique_and_safe(doc_ids: list[str]) -> None:
    anchors = _anchors(doc_ids)
    assert len(set(anchors)) == len(anchors)
    assert all(re.fullmatch(r"doc-[0-9A-Za-z_-]{1,12}(-\d+)?", a) for a in anchors)


@given(st.text(max_size=300))
@settings(max_examples=80)
def test_any_statement_text_reaches_the_page_as_text(text: str) -> None:
    taxonomy = load_taxonomy()
    html_text = _statements_html([statement(SEED0, 0, "concern", text, "cyber", ["EST"])], taxonomy)
    assert "<script" not in html_text.lower()
    shown = " ".join(Page(f"<body>{html_text}</body>").data)
    assert " ".join(text.split()) in " ".join(shown.split())  # the statement comes back as written


@pytest.mark.slow  # builds whole reports / runs processes or 20 publishes: seconds each
def test_without_documents_countries_a_brief_takes_them_from_the_mentions(prose_out: Path) -> None:
    seed0 = document(SEED0, doc_id=SEED0_ID, title="NATO Leadership Meeting")
    write_dataset(prose_out, "documents", [document(), seed0])  # v1.0 documents: no countries column
    index = build_report(prose_out)
    assert "Countries: AUS , EST , JPN , LTU , LVA , RUS" in brief_of(index, f"doc-{SEED0_ID[:12]}")
    assert "Countries: USA" in brief_of(index, f"doc-{DOC_ID[:12]}")


def test_empty_prose_datasets_draw_empty_charts(sample_out: Path) -> None:
    write_prose(sample_out, statements=[], mentions=[])
    write_dataset(sample_out, "documents", [], schema=DOCUMENTS_V11)
    page = check_page(build_report(sample_out))
    prose = [i for i in page.images if i["src"] in ("statements.png", "countries.png")]
    assert len(prose) == 2 and all("no data" in (i["alt"] or "") for i in prose)
    assert "0 statements" in page.text and "no prose datasets" not in page.text


def test_an_unreadable_statements_dataset_is_said_so(prose_out: Path) -> None:
    (prose_out / "statements" / "part-1.parquet").write_bytes(b"PAR1 not really parquet")
    page = check_page(build_report(prose_out))
    assert "dataset 'statements' could not be read" in page.text
    assert "the statements dataset could not be read (see the notes above)" in page.text


def test_a_single_run_of_history_is_the_last_run(tmp_path: Path) -> None:
    (tmp_path / "_runs.jsonl").write_text(json.dumps({"finished_at": "2026-11-20T06:00:05Z", "files_parsed": 2}) + "\n")
    bars = history_bars(tmp_path)
    assert bars is not None and bars.title == "Documents processed per run (the last run, UTC)"
    assert bars.series == {"parsed": [2], "unchanged (reused)": [0]}


def test_the_quarantine_listing_is_capped_and_says_so() -> None:
    frame = pd.DataFrame([rejection("empty") | {"source_path": f"{i}.txt", "reason": "x" * 500} for i in range(5)])
    rows = quarantine_rows(frame, limit=3)
    assert [r[0] for r in rows] == ["0.txt", "1.txt", "2.txt"]
    assert rows[0][1:4] == ("ingest", "empty", "") and len(rows[0][4]) == 300  # null record, long reason cut
    assert quarantine_rows(pd.DataFrame(columns=["reason_code"])) == []
