"""`nato-briefs validate` on published outputs that were corrupted after publishing."""

from __future__ import annotations

import shutil

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from flows.cli import main
from nato_briefs.schema import DATASETS
from tests.conftest import RAW

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    base = tmp_path_factory.mktemp("published")
    shutil.copytree(RAW, base / "raw")
    assert main(["run", "--raw", str(base / "raw"), "--out", str(base / "out"), "--workers", "1", "--no-report"]) == 0
    return base / "out"


def _copy(published, tmp_path):
    out = tmp_path / "out"
    for name in DATASETS:
        shutil.copytree(published / name, out / name)  # the current version's files, symlinks resolved
    return out


def _rewrite(out, name, edit):
    (part,) = sorted((out / name).glob("*.parquet"))
    table = pq.read_table(part)
    pq.write_table(edit(table), part)


def _set(table, column, index, value):
    values = table[column].to_pylist()
    values[index] = value
    position = table.schema.get_field_index(column)
    field = table.schema.field(position)
    if value is None:
        field = field.with_nullable(True)  # what a foreign writer could produce
    return table.set_column(position, field, pa.array(values, type=field.type))


CORRUPTIONS = {
    "null key": ("documents", lambda t: _set(t, "doc_id", 0, None), "expect_column_values_to_not_be_null"),
    "duplicate key": ("table_rows", lambda t: pa.concat_tables([t, t.slice(0, 1)]), "unique"),
    "ragged cells": ("table_rows", lambda t: _set(t, "cells", 0, ["only one"]), "table_rows_shape"),
    "orphan doc_id": ("priorities", lambda t: _set(t, "doc_id", 0, "f" * 64), "cross_dataset"),
    "wrong type": (
        "documents",
        lambda t: t.set_column(3, pa.field("n_tables", pa.string()), pc.cast(t["n_tables"], pa.string())),
        "expect_column_type_to_be",
    ),
}


def test_untouched_outputs_pass(published, capsys):
    assert main(["validate", "--out", str(published)]) == 0
    assert "PASSED" in capsys.readouterr().out


@pytest.mark.parametrize("corruption", list(CORRUPTIONS))
def test_corrupted_outputs_fail_naming_the_expectation(published, tmp_path, capsys, corruption):
    name, edit, expected = CORRUPTIONS[corruption]
    out = _copy(published, tmp_path)
    _rewrite(out, name, edit)
    assert main(["validate", "--out", str(out)]) == 1
    printed = capsys.readouterr().out
    assert "FAILED" in printed and expected in printed, printed[-3000:]
