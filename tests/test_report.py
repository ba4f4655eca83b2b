"""The HTML report on small published roots: normal, empty, older, hostile."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from nato_briefs.report import Bars, build_report, chart_label, documents_bars, draw_chart
from nato_briefs.schema import DATASETS, SCHEMA_VERSION

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
DOC_ID = "a62f1593c3994747ea0970c4f8be2c2d85cfe411a8335140e160620ed779cfe3"
DOC = "004_664f1cef579698de.txt"
HOSTILE = "<script>alert('x')</script> & \"quotes\" $\\frac{1}{0}$ \x00\x1b[31m 🚀"


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
    schema = schema or DATASETS[name]
    table = pa.table({f.name: [row.get(f.name) for row in rows] for f in schema}, schema=schema)
    (out / name).mkdir(parents=True, exist_ok=True)
    pq.write_table(table, out / name / f"part-{part}.parquet")


def document(source_path: str = DOC, **overrides: object) -> dict:
    row = {
        "doc_id": DOC_ID, "source_path": source_path, "title": "NATO Deputy Secretary General Engages",
        "n_tables": 3, "n_list_items": 14, "schema_version": SCHEMA_VERSION, "n_sections": 6, "n_table_rows": 9,
        "n_priorities": 9, "n_unmapped_tables": 0, "n_lists": 4, "encoding": "utf-8", "size_bytes": 6707,
        "n_lines": 49, "n_suspect_lines": 0, "validation_status": "passed",
    }
    return row | overrides


def priority(area: str, theme: str | None, row_index: int = 0) -> dict:
    return {
        "doc_id": DOC_ID, "source_path": DOC, "section": "Focused Discussions", "table_index": 0,
        "row_index": row_index, "area": area, "focus": "Joint Simulations", "outcome": "Operational Readiness",
        "line": 11 + row_index, "theme": theme,
    }


def initiative(name: str, theme: str | None, item_index: int = 0) -> dict:
    return {
        "doc_id": DOC_ID, "source_path": DOC, "section": None, "list_index": 0, "item_index": item_index,
        "name": name, "detail": None, "text": name, "line": 5 + item_index, "theme": theme,
    }


def rejection(reason_code: str) -> dict:
    return {"source_path": "bad.txt", "doc_id": None, "stage": "ingest", "reason": "r", "reason_code": reason_code}


def write_empty_root(out: Path) -> None:
    for name in DATASETS:
        write_dataset(out, name, [])


@pytest.fixture
def sample_out(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    write_empty_root(out)
    write_dataset(out, "documents", [document(), document("000_cd744a2011959f1e.txt", n_tables=0, doc_id="b" * 64)])
    write_dataset(out, "table_rows", [
        {"doc_id": DOC_ID, "source_path": DOC, "section": None, "table_index": 0, "row_index": 0,
         "headers": ["Priority Area"], "cells": ["Cybersecurity"], "line": 11},
    ])
    areas = [("Defense Modernization", "modernization_technology"), ("Cybersecurity", "cyber"),
             ("Cyber Defense", "cyber"), ("Command & Control", "command_control"), ("Budget", None)]
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


def test_report_of_empty_datasets(tmp_path: Path) -> None:
    write_empty_root(tmp_path)
    page = check_page(build_report(tmp_path))
    assert "0 documents" in page.text and "0 quarantined" in page.text
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
    report = {"passed": False, "errors": 1, "warnings": 1, "suites": [
        {"dataset": "documents", "kind": "dataset", "rows": 2, "success": True, "evaluated": 12,
         "failed_errors": 0, "failed_warnings": 1, "seconds": 0.01,
         "failures": [{"severity": "warning", "message": "title is null in 1 of 2 rows"}]},
        {"dataset": "<i>priorities</i>", "success": False, "evaluated": 9, "failed_errors": 1, "failed_warnings": 0,
         "failures": [{"severity": "error", "message": "<b>area</b> is empty"}]},
    ]}
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
    for name in DATASETS:
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


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (apt-get install chromium)")
def test_page_renders_in_headless_chromium(sample_out: Path, tmp_path: Path) -> None:
    index = build_report(sample_out)
    shot = tmp_path / "screenshot.png"
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1280,2400",
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
    (sample_out / "_runs.jsonl").write_text(
        "\n".join(json.dumps(r) for r in runs) + "\n{broken\n", encoding="utf-8"
    )
    page = check_page(build_report(sample_out))
    assert "Documents processed per run (last 2 runs, UTC)" in page.text
    assert "Documents by file size" in page.text  # the per-document chart is still there
