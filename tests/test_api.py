"""The library API: one article or a small folder, without Prefect or Great Expectations."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    assert set(article.records) == set(DATASETS)  # quarantine too (empty): every dataset name works
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


def test_repr_is_one_line_naming_the_article_and_its_records():
    article = nato_briefs.read_article(SEED_004.read_bytes(), source_path="004.txt")
    text = repr(article)
    assert "\n" not in text and len(text) < 400  # the dataclass default printed the whole parse: 11 kB
    assert text.startswith("<Article '004.txt' title='NATO Deputy Secretary General Engages")
    assert "3 tables, 14 list items" in text and "priorities 9, initiatives 14" in text


@given(st.text(max_size=60))
@settings(max_examples=40)
def test_html_repr_shows_the_title_as_text(title: str):
    article = nato_briefs.read_article(b"# placeholder\n\nNATO met.\n")
    article.parsed.title = title  # hostile or odd titles reach Jupyter escaped
    rendered = article._repr_html_()
    assert "<script" not in rendered.lower().replace("&lt;script", "")
    assert rendered.count("<tr>") == 1 + len(DATASETS)


@pytest.mark.parametrize("backend", [None, "numpy_nullable", "pyarrow"])
@pytest.mark.parametrize("name", sorted(DATASETS))
def test_to_pandas_gives_what_read_parquet_gives(tmp_path, name, backend):
    """Notebook code on one article runs unchanged on the published datasets."""
    article = nato_briefs.read_article(SEED_004.read_bytes(), source_path="004.txt")
    pq.write_table(article.records[name], tmp_path / "part.parquet")
    published = pd.read_parquet(tmp_path, **({"dtype_backend": backend} if backend else {}))
    frame = article.to_pandas(name, dtype_backend=backend)
    pd.testing.assert_frame_equal(frame, published)
    assert list(frame.columns) == DATASETS[name].names


def test_to_pandas_refuses_an_unknown_dtype_backend():
    article = nato_briefs.read_article(SEED_004.read_bytes())
    with pytest.raises(ValueError, match="dtype_backend must be 'numpy_nullable', 'pyarrow' or None"):
        article.to_pandas("sections", dtype_backend="numpy")


def test_a_misspelt_dataset_names_the_real_ones():
    article = nato_briefs.read_article(SEED_004.read_bytes())
    for call in (
        lambda: article.rows("priority"),
        lambda: article.to_pandas("priority"),
        lambda: article.records["priority"],
    ):
        with pytest.raises(KeyError, match="no dataset 'priority'; the datasets are: documents, sections"):
            call()
    with pytest.raises(KeyError, match=r"the datasets are: .*quarantine"):
        nato_briefs.read_folder(SEED_004.parent)["statement"]


def test_a_path_reads_the_file_and_a_path_string_says_to_pass_a_path(tmp_path):
    article = nato_briefs.read_article(SEED_004)
    assert article.source_path == SEED_004.name
    assert article.doc_id == nato_briefs.read_article(SEED_004.read_bytes()).doc_id
    assert nato_briefs.read_article(SEED_004, source_path="x/004.txt").source_path == "x/004.txt"
    with pytest.raises(ValueError, match=r"pass pathlib\.Path\("):
        nato_briefs.read_article(str(SEED_004))
    with pytest.raises(FileNotFoundError, match="no article file at"):
        nato_briefs.read_article(tmp_path / "missing.md")
    # A one-line article that merely ends like a file name is still text.
    assert nato_briefs.read_article("See the annex in notes.txt").doc_id


def test_read_folder_refuses_a_missing_folder_or_a_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="no folder at"):
        nato_briefs.read_folder(tmp_path / "nope")
    with pytest.raises(NotADirectoryError, match=r"read_article\(pathlib\.Path\("):
        nato_briefs.read_folder(SEED_004)


@pytest.mark.parametrize(
    ("text", "code"), [("Title\n\nAllies \udcff met.\n", None), ("Title\n\n\ud800\n", "undecodable")]
)
def test_read_article_of_a_str_with_lone_surrogates(text: str, code: str | None):
    """read_article encoded a str with strict UTF-8: a lone surrogate (what os.fsdecode or
    errors='surrogateescape' leave for undecodable bytes) raised UnicodeEncodeError, not ArticleError."""
    if code is None:  # an escaped byte (U+DC80..U+DCFF): read as that byte, as a file holding it would be
        assert nato_briefs.read_article(text).title == "Title"
        return
    with pytest.raises(nato_briefs.ArticleError) as raised:
        nato_briefs.read_article(text)
    assert raised.value.reason_code == code
