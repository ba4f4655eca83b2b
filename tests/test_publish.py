"""Staging, atomic publication, version retention and the writer lock, without Prefect."""

from __future__ import annotations

import os
import time

import pandas as pd
import pyarrow as pa
import pytest

import nato_briefs.publish
from nato_briefs.publish import (
    KEEP_VERSIONS,
    LockHeldError,
    OutputRoot,
    _gc_versions,
    clean_stale_staging,
    publish,
    read_manifest,
    read_parquet_files,
    write_parquet,
    writer_lock,
)
from nato_briefs.schema import DATASETS, SCHEMA_VERSION


def _stage(root: OutputRoot, run_id: str, n_docs: int) -> None:
    staging = root.staging_dir(run_id)
    for name, schema in DATASETS.items():
        table = schema.empty_table()
        if name == "documents":
            rows = [
                dict(
                    doc_id=f"{i:064x}",
                    source_path=f"d{i}.txt",
                    title=None,
                    n_tables=0,
                    n_list_items=0,
                    schema_version=SCHEMA_VERSION,
                    n_sections=0,
                    n_table_rows=0,
                    n_priorities=0,
                    n_unmapped_tables=0,
                    n_lists=0,
                    encoding="utf-8",
                    size_bytes=1,
                    n_lines=1,
                    n_suspect_lines=0,
                    validation_status="passed",
                )
                for i in range(n_docs)
            ]
            table = table.from_pylist(rows, schema=schema)
        write_parquet(table, root, root.sub(staging, name, "part-00000.parquet"), {"run_id": run_id})


def test_publish_swaps_versions_and_keeps_the_previous_one(tmp_path, monkeypatch):
    monkeypatch.setattr(nato_briefs.publish, "VERSION_GRACE_SECONDS", 0.0)  # no grace: only KEEP_VERSIONS
    root = OutputRoot.open(tmp_path / "out")
    for i, run_id in enumerate(["r1", "r2", "r3"], start=1):
        _stage(root, run_id, i)
        publish(root, run_id, {"batches": []})
        assert len(pd.read_parquet(tmp_path / "out" / "documents")) == i
        assert read_manifest(root)["run_id"] == run_id
    versions = sorted(os.listdir(tmp_path / "out" / ".versions"))
    assert versions == ["r2", "r3"] and KEEP_VERSIONS == 2
    assert os.readlink(tmp_path / "out" / "current") == os.path.join(".versions", "r3")
    for name in DATASETS:  # one link per dataset, straight to the immutable folder
        assert os.readlink(tmp_path / "out" / name) == os.path.join(".versions", "r3", name)
    assert os.listdir(tmp_path / "out" / "documents") == ["part-r3-00000.parquet"]
    assert read_manifest(root)["files"]["documents"] == ["documents/part-r3-00000.parquet"]


def test_superseded_versions_are_kept_for_the_grace_period(tmp_path, monkeypatch):
    monkeypatch.setattr(nato_briefs.publish, "VERSION_GRACE_SECONDS", 3600.0)
    root = OutputRoot.open(tmp_path / "out")
    for run_id in ("r1", "r2", "r3", "r4"):
        _stage(root, run_id, 1)
        publish(root, run_id, {"batches": []})
    assert sorted(os.listdir(tmp_path / "out" / ".versions")) == ["r1", "r2", "r3", "r4"]
    later = time.time() + 3601
    assert sorted(os.path.basename(p) for p in _gc_versions(root, now=later)) == ["r1", "r2"]
    assert sorted(os.listdir(tmp_path / "out" / ".versions")) == ["r3", "r4"]


def test_manifest_batches_name_the_renamed_parts(tmp_path):
    root = OutputRoot.open(tmp_path / "out")
    _stage(root, "r1", 2)
    publish(root, "r1", {"batches": [{"parts": {"documents": "documents/part-00000.parquet"}}]})
    (batch,) = read_manifest(root)["batches"]
    assert batch["parts"]["documents"] == "documents/part-r1-00000.parquet"
    assert (tmp_path / "out" / "documents" / "part-r1-00000.parquet").is_file()


def test_links_switched_before_a_crash_are_put_back_on_current(tmp_path):
    """A run killed between the dataset links and ``current``: the next run's clean-up repoints them."""
    root = OutputRoot.open(tmp_path / "out")
    _stage(root, "r1", 1)
    publish(root, "r1", {"batches": []})
    _stage(root, "r2", 2)
    os.rename(root.staging_dir("r2"), root.join(".versions", "r2"))
    os.replace(_tmp_link(tmp_path, ".versions/r2/documents"), tmp_path / "out" / "documents")
    assert len(pd.read_parquet(tmp_path / "out" / "documents")) == 2
    clean_stale_staging(root)
    assert os.readlink(tmp_path / "out" / "documents") == os.path.join(".versions", "r1", "documents")
    assert len(pd.read_parquet(tmp_path / "out" / "documents")) == 1
    assert read_manifest(root)["run_id"] == "r1"


def test_links_of_the_former_layout_are_accepted_and_replaced(tmp_path):
    root = OutputRoot.open(tmp_path / "out")
    _stage(root, "r1", 1)
    publish(root, "r1", {"batches": []})
    for name in DATASETS:
        os.replace(_tmp_link(tmp_path, f"current/{name}"), tmp_path / "out" / name)
    _stage(root, "r2", 3)
    publish(root, "r2", {"batches": []})
    assert os.readlink(tmp_path / "out" / "documents") == os.path.join(".versions", "r2", "documents")
    assert len(pd.read_parquet(tmp_path / "out" / "documents")) == 3


def _tmp_link(tmp_path, target: str):
    link = tmp_path / "out" / "tmp-link"
    link.symlink_to(target)
    return link


def test_stale_staging_is_removed(tmp_path):
    root = OutputRoot.open(tmp_path / "out")
    _stage(root, "crashed", 1)
    assert clean_stale_staging(root)
    assert not os.listdir(tmp_path / "out" / ".staging")


def test_rewriting_a_hard_linked_part_never_changes_the_old_version(tmp_path):
    root = OutputRoot.open(tmp_path / "out")
    _stage(root, "r1", 2)
    publish(root, "r1", {"batches": []})
    old = tmp_path / "out" / ".versions" / "r1" / "documents" / "part-r1-00000.parquet"
    before = old.read_bytes()
    new = tmp_path / "out" / ".staging" / "r2" / "documents" / "part-00000.parquet"
    new.parent.mkdir(parents=True)
    os.link(old, new)
    write_parquet(DATASETS["documents"].empty_table(), root, str(new), {"run_id": "r2"})
    assert old.read_bytes() == before


def test_object_store_publish_through_the_manifest():
    root = OutputRoot.open("memory://publish-test/out")
    for run_id, n in (("r1", 1), ("r2", 3)):
        _stage(root, run_id, n)
        publish(root, run_id, {"batches": [{"parts": {"documents": "documents/part-00000.parquet"}}]})
    manifest = read_manifest(root)
    assert manifest["files"]["documents"] == ["documents/part-r2-00000.parquet"]
    assert manifest["batches"][0]["parts"]["documents"] == "documents/part-r2-00000.parquet"
    listed = root.fs.ls("/publish-test/out/documents", detail=False)
    assert listed == ["/publish-test/out/documents/part-r2-00000.parquet"]
    assert len(pd.read_parquet("memory://publish-test/out/documents")) == 3


def test_writer_lock_is_exclusive_and_names_its_holder(tmp_path):
    root = OutputRoot.open(tmp_path / "out")
    with (
        writer_lock(root),
        pytest.raises(LockHeldError, match=f"pid {os.getpid()}"),
        writer_lock(root, wait_seconds=0.3),
    ):
        pass
    with writer_lock(root):  # released
        pass


@pytest.mark.parametrize("texts", [["a", "bb", ""], ["a", None, "c"], []])
def test_placeholder_columns_keep_type_and_nullness_but_not_the_bytes(tmp_path, texts):
    """With no nulls (footer statistics) the column is not read at all; with nulls it is read and blanked."""
    root = OutputRoot.open(tmp_path / "out")
    schema = DATASETS["sections"]
    rows = [
        dict(
            doc_id="d" * 64,
            source_path=f"p{i}",
            section_index=i,
            heading=None,
            heading_kind=None,
            level=None,
            text=t,
            line=1,
        )
        for i, t in enumerate(texts)
    ]
    table = pa.Table.from_pylist(rows, schema=schema) if rows else schema.empty_table()
    if None in texts:
        table = table.cast(pa.schema([f.with_nullable(True) if f.name == "text" else f for f in schema]))
    path = root.join("sections", "part-00000.parquet")
    write_parquet(table, root, path, {"run_id": "r"})
    slim = read_parquet_files(root, [path], "sections", placeholders=("text",))
    assert slim.schema.names == schema.names and slim.schema.field("text").type == pa.string()
    assert slim["text"].to_pylist() == [None if t is None else "" for t in texts]
    assert slim.drop_columns(["text"]).equals(read_parquet_files(root, [path], "sections").drop_columns(["text"]))
