"""Damaged state between runs: the next run repairs it (outputs equal to a full refresh) or refuses
in one line; never republished damage, never a traceback. And the guard against mass loss.

Each test starts from a copy of one published output root, damages it the way an
operator or a disk might, and runs the real CLI on it.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from flows.cli import main
from nato_briefs.batch import part_name
from nato_briefs.config import Settings
from nato_briefs.publish import MANIFEST
from tests.conftest import PROJECT
from tests.test_incremental import _corpus, assert_same, datasets

PREFECT_RECORD = re.compile(r"\d\d:\d\d:\d\d\.\d+ \| ")  # a line of Prefect's console log

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]


def _run(raw: Path, out: Path, summary: Path, *extra: str) -> int:
    args = ["run", "--raw", str(raw), "--out", str(out), "--no-report", "--batch-size", "4", "--workers", "1"]
    return main([*args, "--summary-json", str(summary), *extra])


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A 25-file corpus published once (a full run: the reference every repaired run must equal)."""
    base = tmp_path_factory.mktemp("published")
    raw = _corpus(base / "raw", 24)
    assert _run(raw, base / "out", base / "summary.json") == 0
    return raw, base / "out", datasets(base / "out")


@pytest.fixture
def copy(published, tmp_path):
    raw, out, reference = published
    shutil.copytree(out, tmp_path / "out", symlinks=True)
    return raw, tmp_path / "out", reference


class _Tracebacks(logging.Handler):
    """Every record logged under ``prefect`` (flow and task run loggers included) that carries a traceback."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            self.found.append(f"{record.name}: {record.getMessage()}")


@pytest.fixture
def logged_tracebacks():
    """Prefect writes its log lines to the stderr it saw at start-up, past capsys: collect them at the source."""
    handler = _Tracebacks()
    logging.getLogger("prefect").addHandler(handler)
    yield handler.found
    logging.getLogger("prefect").removeHandler(handler)


def _part(out: Path, index: int, name: str = "priorities") -> Path:
    """The published part of batch ``index``: parts carry the run's id (part-<run>-NNNNN.parquet)."""
    suffix = part_name(index).removeprefix("part")  # "-NNNNN.parquet"
    (found,) = [p for p in (out / "current" / name).iterdir() if p.name.endswith(suffix)]
    return found


def _manifest(out: Path) -> Path:
    return out / "current" / MANIFEST


def _garbage(out: Path) -> str:
    _part(out, 1).write_bytes(os.urandom(_part(out, 1).stat().st_size))
    return _part(out, 1).name


def _swapped(out: Path) -> str:
    a, b = _part(out, 0), _part(out, 2)
    tmp = a.with_suffix(".x")
    a.rename(tmp)
    b.rename(a)
    tmp.rename(b)
    return _part(out, 0).name


def _deleted(out: Path) -> str:
    _part(out, 1, "sections").unlink()
    return _part(out, 1).name


def _edited_counts(out: Path) -> str:
    manifest = json.loads(_manifest(out).read_text("utf-8"))
    manifest["batches"][1]["counts"]["priorities"] += 5
    manifest["counts"]["priorities"] += 5
    _manifest(out).write_text(json.dumps(manifest), "utf-8")
    return _part(out, 1).name


def _wrong_shape(out: Path) -> str:
    manifest = json.loads(_manifest(out).read_text("utf-8"))
    manifest["batches"] = {"0": manifest["batches"][0]}
    _manifest(out).write_text(json.dumps(manifest), "utf-8")
    return MANIFEST


def _truncated(out: Path) -> str:
    text = _manifest(out).read_text("utf-8")
    _manifest(out).write_text(text[: len(text) // 3], "utf-8")
    return MANIFEST


def _deleted_current(out: Path) -> str | None:
    """OUT/_manifest.json links into the version itself, so the state survives: nothing to warn about."""
    (out / "current").unlink()
    return None


def _deleted_dataset_link(out: Path) -> str | None:
    """A reader-facing link gone (OUT/priorities): the state is intact, the publish links it again."""
    (out / "priorities").unlink()
    return None


def _deleted_root_manifest(out: Path) -> None:
    """OUT/_manifest.json (a link into the version) gone: the start-of-run clean-up links it again from `current`."""
    (out / MANIFEST).unlink()
    return None


def _deleted_current_and_manifest(out: Path) -> str:
    """Both ways to the state gone, runs published before (OUT/_runs.jsonl): a full refresh, with a warning."""
    (out / "current").unlink()
    (out / MANIFEST).unlink()
    return MANIFEST


def _emptied_current(out: Path) -> str:
    """`rm -rf outputs/current/*`: the version's folder emptied through the link, every link now dangling."""
    for entry in (out / "current").iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    return MANIFEST


DAMAGE = [_garbage, _swapped, _deleted, _edited_counts, _wrong_shape, _truncated, _deleted_current,
          _deleted_dataset_link, _deleted_root_manifest, _deleted_current_and_manifest, _emptied_current]  # fmt: skip


@pytest.mark.parametrize("damage", DAMAGE)
def test_next_run_repairs_the_damage(copy, tmp_path, capsys, logged_tracebacks, damage):
    raw, out, reference = copy
    named = damage(out)
    summary_file = tmp_path / "summary.json"
    assert _run(raw, out, summary_file) == 0
    summary = json.loads(summary_file.read_text())
    if named is None:
        assert summary["warnings"] == []
        assert all((out / link).is_symlink() for link in ("current", *reference))  # the publish put them back
    else:
        assert summary["warnings"] and all(named in w for w in summary["warnings"][:1])
    assert_same(datasets(out), reference)
    assert summary["records"] == {name: len(frame) for name, frame in reference.items()}
    assert "Traceback" not in capsys.readouterr().err and logged_tracebacks == []
    # And the version it published is whole again: the next run has nothing to repair.
    assert _run(raw, out, summary_file) == 0
    again = json.loads(summary_file.read_text())
    assert again["warnings"] == [] and again["mode"] == "incremental"
    assert again["batches_reused"] == again["batches"]


def test_run_on_damage_with_verify_finds_a_same_size_edit(copy, tmp_path):
    """A flipped byte inside a data page keeps size and footer: only the checksum sees it."""
    from flows.pipeline import nato_briefs_flow

    raw, out, reference = copy
    path = _part(out, 1, "sections")
    data = bytearray(path.read_bytes())
    data[len(data) // 3] ^= 0x01
    path.write_bytes(bytes(data))
    settings = replace(Settings(), batch_size=4, workers=1, verify=True)
    summary = nato_briefs_flow(str(raw), str(out), settings=settings)
    assert any("checksum" in w and path.name in w for w in summary["warnings"])
    assert_same(datasets(out), reference)


def _drop_raw(raw: Path, share: float) -> int:
    files = sorted(p for p in raw.rglob("*") if p.is_file())
    doomed = files[: int(len(files) * share)]
    for path in doomed:
        path.unlink()
    return len(doomed)


@pytest.fixture
def shrunk(published, tmp_path):
    raw, out, reference = published
    shutil.copytree(raw, tmp_path / "raw")
    shutil.copytree(out, tmp_path / "out", symlinks=True)
    lost = _drop_raw(tmp_path / "raw", 0.6)
    return tmp_path / "raw", tmp_path / "out", reference, lost


def test_mass_loss_is_refused_in_one_line(shrunk, tmp_path, capsys, logged_tracebacks):
    raw, out, reference, lost = shrunk
    before = os.readlink(out / "current")
    assert _run(raw, out, tmp_path / "summary.json") == 1
    err = capsys.readouterr().err
    last = err.strip().splitlines()[-1]
    assert last.startswith(f"error: refusing to publish: {lost:,} of the {len(reference['documents']):,} published")
    assert "--allow-shrink" in last and "Traceback" not in err and logged_tracebacks == []
    assert os.readlink(out / "current") == before
    assert_same(datasets(out), reference)


def test_mass_loss_is_published_when_allowed(shrunk):
    from flows.pipeline import nato_briefs_flow

    raw, out, reference, lost = shrunk
    settings = replace(Settings(), batch_size=4, workers=1)
    summary = nato_briefs_flow(str(raw), str(out), settings=settings, allow_shrink=True)
    assert summary["published"] and summary["records"]["documents"] == len(reference["documents"]) - lost
    # A share above the loss lets the run through too (the setting, not only the flag).
    (raw / "late.md").write_text("Late Title\nSome prose.\n", "utf-8")
    summary = nato_briefs_flow(str(raw), str(out), settings=replace(settings, max_shrink_share=0.0))
    assert summary["published"]  # growing is never a loss


def _delete_when_staging_starts(raw: Path, out: Path, deleted: threading.Event, stop: threading.Event) -> None:
    """Delete RAW as soon as the run has staged its first part: discovery is over, most files are still unread."""
    while not stop.is_set():
        if any((out / ".staging").glob("*/documents/*.parquet")):
            shutil.rmtree(raw)
            deleted.set()
            return
        time.sleep(0.002)


def test_raw_deleted_mid_run_is_not_published(published, tmp_path):
    """The issue's case: RAW removed while a run reads it (433 of 3,000 documents were published, exit 0).

    The real CLI in a subprocess: its whole output is checked (Prefect's own log lines included).
    """
    from prefect.settings import PREFECT_API_URL

    raw, out, reference = published
    shutil.copytree(raw, tmp_path / "raw")
    shutil.copytree(out, tmp_path / "out", symlinks=True)
    raw, out = tmp_path / "raw", tmp_path / "out"
    before = os.readlink(out / "current")
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value() or "", "PYTHONPATH": str(PROJECT)}
    command = [
        sys.executable,
        "-m",
        "flows",
        "run",
        "--raw",
        str(raw),
        "--out",
        str(out),
        "--no-report",
        "--workers",
        "1",
        "--batch-size",
        "1",
        "--full-refresh",
    ]  # one file per batch: 25 batches
    deleted, stop = threading.Event(), threading.Event()
    watcher = threading.Thread(target=_delete_when_staging_starts, args=(raw, out, deleted, stop), daemon=True)
    watcher.start()
    try:
        proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    finally:
        stop.set()
        watcher.join(10)
    assert deleted.is_set(), "RAW was never deleted: the run staged nothing?"
    assert proc.returncode == 1, proc.stderr[-3000:]
    # Prefect's exit-time flush may log after it ("EventsWorker - Still processing items"): skip its records
    last = [line for line in proc.stderr.strip().splitlines() if not PREFECT_RECORD.match(line)][-1]
    assert last.startswith("error: refusing to publish: ") and "--allow-shrink" in last, last
    assert f"of the {len(reference['documents']):,} published documents" in last
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr[-3000:]
    assert os.readlink(out / "current") == before
    assert_same(datasets(out), reference)
