"""The README's loading recipes run, as written, against a published outputs/ folder."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import PROJECT, RAW

pytestmark = pytest.mark.usefixtures("prefect_harness")


def _recipes() -> list[str]:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Loading the datasets", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def test_readme_has_pandas_polars_duckdb_recipes():
    text = "\n".join(_recipes())
    for library in ("pandas", "polars", "duckdb", "pyarrow"):
        assert f"import {library}" in text


@pytest.fixture(scope="module")
def project_like_dir(tmp_path_factory):
    from flows.cli import main

    base = tmp_path_factory.mktemp("recipes")
    shutil.copytree(RAW, base / "raw")
    assert main(["run", "--raw", str(base / "raw"), "--out", str(base / "outputs"), "--workers", "1",
                 "--no-report"]) == 0
    return base


@pytest.mark.parametrize("index", range(4))
def test_recipe_runs_against_published_outputs(project_like_dir, index):
    code = _recipes()[index]
    proc = subprocess.run([sys.executable, "-c", code], cwd=project_like_dir, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip()


def test_data_dictionary_recipe_runs_and_resolves_each_link_once(project_like_dir):
    """docs/DATASETS.md's block is the one users copy first: it must run, and never read through a link."""
    text = (PROJECT / "docs" / "DATASETS.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert code.count('"outputs/') == code.count('os.path.realpath("outputs/')
    proc = subprocess.run([sys.executable, "-c", code + "\nprint(len(priorities), documents.height)"],
                          cwd=project_like_dir, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    n_priorities, n_documents = map(int, proc.stdout.split())
    assert n_priorities > 0 and n_documents == len(list(RAW.glob("*.txt")))
