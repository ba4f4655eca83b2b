"""The documented loading recipes run, as written, against a published outputs/ folder.

Every ```python block of README's "Loading the datasets" and of docs/DATASETS.md is
extracted from the document itself, so the docs and these tests cannot drift apart:
a new recipe is run as soon as it is written. The published folder holds the two
seeds plus a few odd shapes (no title, an HTML table, a list-only article) and an
empty file, so the recipes meet nulls and a quarantine row, as on a real corpus.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

import nato_briefs
from nato_briefs.schema import DATASETS
from tests.conftest import PROJECT, RAW

pytestmark = pytest.mark.usefixtures("prefect_harness")

DATASETS_DOC = PROJECT / "docs" / "DATASETS.md"
SHAPES = PROJECT / "tests" / "shapes_corpus"
EXTRA = ("05_cms_th_first_column.md", "28_list_only_feed.txt", "37_jekyll_post_wrapped.md")


def _python_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


def _readme_section(heading: str) -> str:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    return readme.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


def _readme_recipes() -> list[str]:
    return _python_blocks(_readme_section("Loading the datasets"))


RECIPES = _readme_recipes()


def _library(code: str) -> str:
    found = re.search(r"^import (pandas|polars|duckdb|pyarrow)", code, flags=re.M)
    return found.group(1) if found else "other"


def test_readme_has_pandas_polars_duckdb_recipes():
    text = "\n".join(RECIPES)
    for library in ("pandas", "polars", "duckdb", "pyarrow"):
        assert f"import {library}" in text


@pytest.fixture(scope="module")
def project_like_dir(tmp_path_factory):
    from flows.cli import main

    base = tmp_path_factory.mktemp("recipes")
    shutil.copytree(RAW, base / "raw")
    for name in EXTRA:
        shutil.copy(SHAPES / name, base / "raw" / name)
    (base / "raw" / "empty.md").write_bytes(b"")
    assert (
        main(["run", "--raw", str(base / "raw"), "--out", str(base / "outputs"), "--workers", "1", "--no-report"]) == 0
    )
    return base


def _run(code: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("code", RECIPES, ids=[f"{i}-{_library(c)}" for i, c in enumerate(RECIPES)])
def test_recipe_runs_against_published_outputs(project_like_dir, code):
    proc = _run(code, project_like_dir)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip()


def test_recipes_resolve_each_link_once():
    """Only a read of the folder a link names is complete during a publish (README "Guarantees")."""
    for code in [*RECIPES, *_python_blocks(DATASETS_DOC.read_text(encoding="utf-8"))]:
        assert code.count('"outputs/') == code.count('os.path.realpath("outputs/'), code


def test_data_dictionary_recipe_runs(project_like_dir):
    """docs/DATASETS.md's block is the one users copy first: it must run as written."""
    (code,) = _python_blocks(DATASETS_DOC.read_text(encoding="utf-8"))
    proc = _run(code + "\nprint(len(priorities), documents.height)", project_like_dir)
    assert proc.returncode == 0, proc.stderr
    *shown, counts = proc.stdout.strip().splitlines()
    assert any("count_star()" in line for line in shown)  # the DuckDB query's table
    n_priorities, n_documents = map(int, counts.split())
    assert n_priorities > 0 and n_documents == len(list(RAW.glob("*.txt"))) + len(EXTRA)


def test_the_key_value_metadata_the_dictionary_names_is_in_every_file(project_like_dir):
    named = set(re.findall(r"`(nato_briefs\.[a-z_]+)`", DATASETS_DOC.read_text(encoding="utf-8")))
    assert len(named) >= 5
    for name in DATASETS:
        for part in (project_like_dir / "outputs" / name).glob("*.parquet"):
            keys = {k.decode() for k in pq.read_metadata(part).metadata}
            assert named <= keys, (part, named - keys)


def test_pandas_dtypes_are_as_the_dictionary_says(project_like_dir):
    out = project_like_dir / "outputs"
    sections = pd.read_parquet(os.path.realpath(out / "sections"))
    items = pd.read_parquet(os.path.realpath(out / "list_items"))
    assert (str(sections["level"].dtype), str(items["parent_list_index"].dtype)) == ("float64", "float64")
    assert str(items["checked"].dtype) == "object"
    if int(pd.__version__.split(".")[0]) >= 3:  # the pinned pandas; pandas 2 reads strings as object
        assert str(sections["heading"].dtype) == "str" and sections["heading"].isna().any()
    nullable = pd.read_parquet(os.path.realpath(out / "sections"), dtype_backend="numpy_nullable")
    assert str(nullable["level"].dtype) == "Int8" and nullable["level"].isna().any()
    documents = pd.read_parquet(os.path.realpath(out / "documents"))
    exploded = documents.explode("countries")
    assert set(exploded["countries"].dropna()) >= {"USA"}
    quarantine = pd.read_parquet(os.path.realpath(out / "quarantine"))
    assert quarantine[["source_path", "reason_code"]].values.tolist() == [["empty.md", "empty"]]


@pytest.mark.parametrize("name", [n for n in DATASETS if n != "quarantine"])
def test_read_article_frames_equal_the_published_rows(project_like_dir, name):
    """What a notebook gets for one article is what the run published for it, dtypes included.

    With ``numpy_nullable``: by default pandas makes a nullable integer column float64 only
    when the rows it reads hold a null, so one article and the corpus may differ there.
    """
    out, raw = project_like_dir / "outputs", project_like_dir / "raw"
    published = pd.read_parquet(os.path.realpath(out / name), dtype_backend="numpy_nullable")
    for path in sorted(raw.glob("*.*")):
        if path.name == "empty.md":
            continue
        article = nato_briefs.read_article(path)
        mine = published[published["source_path"] == path.name].reset_index(drop=True)
        if name == "documents":
            mine = mine.drop(columns="validation_status")  # set by validation, which read_article does not run
        frame = article.to_pandas(name, dtype_backend="numpy_nullable")[list(mine.columns)]
        pd.testing.assert_frame_equal(frame, mine, obj=f"{name} of {path.name}")


SEED_000, SEED_004 = sorted(path.name for path in RAW.glob("*.txt"))


def test_cross_dataset_question_gives_the_rows_the_readme_describes(project_like_dir):
    """README "One question across datasets", run as written: its answer on the two samples, row by row."""
    (code,) = _python_blocks(_readme_section("One question across datasets"))
    proc = _run(code + "\nimport json\nprint(json.dumps(cyber.fetchall()))", project_like_dir)
    assert proc.returncode == 0, proc.stderr
    assert "said_as" in proc.stdout  # the recipe's own print shows the relation
    documents = pd.read_parquet(os.path.realpath(project_like_dir / "outputs" / "documents"))
    titles = dict(zip(documents["title"], documents["source_path"], strict=True))
    rows = json.loads(proc.stdout.strip().splitlines()[-1])
    seeds = [(titles[title], *rest) for title, *rest in rows if titles.get(title) in (SEED_000, SEED_004)]
    named_in_000 = ["AUS", "EST", "JPN", "LTU", "LVA", "RUS"]
    assert [(doc, said_as, in_sentence, in_section) for doc, said_as, _text, in_sentence, in_section in seeds] == [
        (SEED_000, "priority", [], named_in_000),
        (SEED_000, "concern", [], named_in_000),
        (SEED_000, "priority", [], named_in_000),
        (SEED_004, "priority", [], ["USA"]),
        (SEED_004, "table row", None, ["USA"]),
        (SEED_004, "table row", None, ["USA"]),
        (SEED_004, "list item", None, ["USA"]),
        (SEED_004, "list item", None, ["USA"]),
    ]
    texts = [text for _doc, _said_as, text, *_ in seeds]
    assert "Cyber Defense | Unified Cybersecurity Task Force | Rapid threat detection and response" in texts
    assert all("cyber" in text.lower() for text in texts)


def test_the_samples_counts_in_the_readme_are_what_the_reader_gives():
    """README "Two commands" tells a new user what `make run` publishes for raw/: the reader's own counts."""
    said = re.search(r"the summary's records are: ([^.]*)\.", " ".join(_readme_section("Two commands").split()))
    assert said, "README no longer states the samples' counts"
    stated = {name: int(count) for name, count in re.findall(r"([a-z_]+) (\d+)", said.group(1))}
    assert stated == {name: table.num_rows for name, table in nato_briefs.read_folder(RAW).items()}
