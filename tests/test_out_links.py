"""Symlinks planted under OUT are never followed: the run refuses before touching anything.

Each case plants one path the run creates, deletes or appends to as a link to
a decoy outside OUT (a folder of files, or a file), runs the publish-level
steps of a run (or the real CLI), and checks the decoy is byte for byte the same.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_publish import _stage

from nato_briefs.publish import (
    MANIFEST,
    RUN_HISTORY,
    OutputRoot,
    UnsafeOutputError,
    append_run_history,
    check_output_root,
    clean_stale_staging,
    publish,
    safe_out_dir,
    writer_lock,
)
from tests.conftest import RAW


def checksum(path: Path) -> str:
    """Digest of a file, or of every name and byte under a folder (links not followed)."""
    digest = hashlib.sha256()
    paths = [path] if path.is_file() else sorted(path.rglob("*"))
    for p in paths:
        digest.update(os.fsencode(p.relative_to(path.parent)))
        if p.is_file() and not p.is_symlink():
            digest.update(p.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def decoys(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "decoy"
    for rel in ("keep.txt", "run-x/part.parquet", "documents/part-00000.parquet", "index.html"):
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(f"precious {rel}\n", encoding="utf-8")
    file = tmp_path / "precious.json"
    file.write_text('{"run_id": "precious", "batches": []}\n', encoding="utf-8")
    return {"folder": folder, "file": file}


def _published(tmp_path: Path) -> OutputRoot:
    """OUT with one published version, a run history and a report folder, as after a real run."""
    root = OutputRoot.open(tmp_path / "out")
    with writer_lock(root):
        _stage(root, "r1", 1)
        publish(root, "r1", {"batches": []})
        append_run_history(root, {"run_id": "r1"})
    (Path(safe_out_dir(root.path, "report")) / "index.html").write_text("report\n", encoding="utf-8")
    return root


def _run(root: OutputRoot) -> None:
    """What a run does under OUT, in order: lock, clean-up, stage, publish, history, report."""
    with writer_lock(root):
        clean_stale_staging(root)
        _stage(root, "r2", 2)
        publish(root, "r2", {"batches": []})
        append_run_history(root, {"run_id": "r2"})
    (Path(safe_out_dir(root.path, "report")) / "index.html").write_text("report 2\n", encoding="utf-8")


def _plant(out: Path, rel: str, target: Path) -> Path:
    path = out / rel
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)
    return path


# (path under OUT, decoy kind): every path of issue 14, the publisher's own links, and entries inside folders
PLANTED = [
    (".staging", "folder"),
    (".versions", "folder"),
    (".lock", "file"),
    (RUN_HISTORY, "file"),
    (MANIFEST, "file"),
    (MANIFEST, "folder"),
    ("report", "folder"),
    ("validation", "folder"),
    ("current", "folder"),
    ("documents", "folder"),
    (".staging/crashed-run", "folder"),
    (".versions/r0", "folder"),
    ("report/index.html", "file"),
    ("report/themes.png", "file"),
]


@pytest.mark.parametrize(("rel", "kind"), PLANTED)
def test_planted_link_refuses_the_run_and_leaves_the_decoy_alone(tmp_path, decoys, rel, kind):
    root = _published(tmp_path)
    decoy = decoys[kind]
    before = checksum(decoy)
    planted = _plant(tmp_path / "out", rel, decoy)
    with pytest.raises(UnsafeOutputError) as caught:
        _run(root)
    assert caught.value.path == str(planted)
    assert str(planted) in str(caught.value)
    assert checksum(decoy) == before
    assert os.readlink(tmp_path / "out" / "current") == os.path.join(".versions", "r1") or rel == "current"


def test_a_run_over_a_clean_root_passes_the_check(tmp_path):
    root = _published(tmp_path)
    _run(root)  # the publisher's own links are accepted
    check_output_root(root)
    assert os.readlink(tmp_path / "out" / "current") == os.path.join(".versions", "r2")


@pytest.mark.parametrize(("rel", "kind"), [(".versions", "folder"), (".staging/other", "folder")])
def test_link_planted_during_the_run_stops_the_publish(tmp_path, decoys, rel, kind):
    """Planted after the start-of-run check: publish() checks again before it renames or links anything."""
    root = _published(tmp_path)
    decoy = decoys[kind]
    before = checksum(decoy)
    with writer_lock(root):
        _stage(root, "r2", 2)
        planted = _plant(tmp_path / "out", rel, decoy)
        with pytest.raises(UnsafeOutputError, match=str(planted)):
            publish(root, "r2", {"batches": []})
    assert checksum(decoy) == before


def test_run_history_planted_during_the_run_is_not_appended_to(tmp_path, decoys):
    root = _published(tmp_path)
    before = checksum(decoys["file"])
    _plant(tmp_path / "out", RUN_HISTORY, decoys["file"])
    with pytest.raises(UnsafeOutputError):
        append_run_history(root, {"run_id": "r2"})
    assert checksum(decoys["file"]) == before


def test_real_folder_where_a_file_belongs_is_refused(tmp_path):
    root = _published(tmp_path)
    (tmp_path / "out" / ".lock").unlink()
    (tmp_path / "out" / ".lock").mkdir()
    with pytest.raises(UnsafeOutputError, match="not a regular file"):
        check_output_root(root)


def test_object_store_roots_have_no_links_to_check():
    check_output_root(OutputRoot.open("memory://out-links/out"))


# --------------------------------------------------------------------------- the real command line


def _cli_env() -> dict[str, str]:
    from prefect.settings import PREFECT_API_URL

    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value() or ""}
    env.pop("NATO_BRIEFS_CRASH_AT", None)
    return env


def _cli_run(raw: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "flows", "run", "--raw", str(raw), "--out", str(out), "--no-report"]


@pytest.fixture(scope="module")
def cli_published(tmp_path_factory, prefect_harness) -> tuple[Path, Path]:
    """RAW published once by the real CLI (a subprocess: ~8 CPU s); each case plants its link in a copy."""
    base = tmp_path_factory.mktemp("cli")
    raw, out = shutil.copytree(RAW, base / "raw"), base / "out"
    subprocess.run(_cli_run(raw, out), env=_cli_env(), check=True, capture_output=True, timeout=300)
    return raw, out


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
@pytest.mark.parametrize(("rel", "kind"), [(".staging", "folder"), (RUN_HISTORY, "file"), (".versions", "folder")])
def test_cli_run_exits_1_naming_the_planted_link(tmp_path, decoys, cli_published, rel, kind):
    raw, out = (shutil.copytree(path, tmp_path / path.name, symlinks=True) for path in cli_published)
    env, cmd = _cli_env(), _cli_run(raw, out)
    decoy = decoys[kind]
    before = checksum(decoy)
    published = checksum(out / "documents")
    planted = _plant(out, rel, decoy)
    proc = subprocess.run([*cmd, "--full-refresh"], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert f"error: unsafe output path {planted}" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert checksum(decoy) == before
    if rel != ".versions":  # the published data itself is untouched (with .versions replaced, it is gone)
        assert checksum(out / "documents") == published


def test_dataset_urls_are_asset_keys_or_none(tmp_path):
    from nato_briefs.outroot import dataset_urls

    urls = dataset_urls(OutputRoot.open(tmp_path / "out"), ["documents", "quarantine"])
    assert urls == {name: f"file://{(tmp_path / 'out').resolve()}/{name}" for name in ("documents", "quarantine")}
    assert dataset_urls(OutputRoot.open(tmp_path / "with space"), ["documents"]) is None
    assert dataset_urls(OutputRoot.open("memory://bucket/out/"), ["documents"]) == {
        "documents": "memory://bucket/out/documents"
    }
