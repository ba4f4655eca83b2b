"""The library API: one article or a small folder, without Prefect or Great Expectations."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import nato_briefs
from nato_briefs.schema import DATASETS

ROOT = Path(__file__).resolve().parent.parent
SEED_004 = ROOT / "raw" / "004_664f1cef579698de.txt"


def test_read_article_gives_structure_and_records_of_the_seed():
    article = nato_briefs.read_article(SEED_004.read_bytes(), source_path="004.txt")
    assert article.title.startswith("NATO Deputy Secretary General Engages")
    assert len(article.tables) == 3
    assert article.records["priorities"].num_rows == 9
    assert article.records["initiatives"].num_rows == 14
    assert article.records["documents"].column("doc_id").to_pylist() == [article.doc_id]
    first = article.rows("priorities")[0]
    assert (first["area"], first["focus"], first["outcome"]) == (
        "Defense Modernization",
        "Upgrading joint military equipment",
        "Improved interoperability",
    )
    for name, table in article.records.items():
        assert table.schema.equals(DATASETS[name], check_metadata=False), name


def test_str_and_bytes_give_the_same_doc_id_for_utf8():
    text = SEED_004.read_text(encoding="utf-8")
    assert nato_briefs.read_article(text).doc_id == nato_briefs.read_article(text.encode()).doc_id


def test_bad_bytes_raise_article_error_with_the_runs_reason_code():
    with pytest.raises(nato_briefs.ArticleError) as info:
        nato_briefs.read_article(b"\x00\x01\x02" * 100)
    assert info.value.reason_code == "binary"
    with pytest.raises(nato_briefs.ArticleError) as info:
        nato_briefs.read_article("   \n")
    assert info.value.reason_code == "empty"


def test_read_folder_gives_every_dataset_and_quarantines_like_a_run(tmp_path):
    (tmp_path / "a.md").write_bytes(SEED_004.read_bytes())
    (tmp_path / "b.txt").write_bytes(b"")
    tables = nato_briefs.read_folder(tmp_path)
    assert set(tables) == set(DATASETS)
    assert tables["documents"].column("source_path").to_pylist() == ["a.md"]
    assert tables["quarantine"].column("reason_code").to_pylist() == ["empty"]
    assert tables["priorities"].num_rows == 9


def test_readme_example_runs_without_prefect_or_great_expectations():
    """The README's notebook example, run as written, in a fresh interpreter."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```python\n(import nato_briefs\n.*?)```", readme, re.S)
    assert example, "README has no `import nato_briefs` example"
    check = (
        "\nimport sys\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('prefect', 'great_expectations')]\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", example.group(1) + check], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "Defense Modernization" in done.stdout
