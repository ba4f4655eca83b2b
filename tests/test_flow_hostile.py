"""The whole flow over hostile inputs and hostile surroundings: every bad file quarantined with its reason,
the rest published; an output folder that cannot be written is refused, or leaves the last good outputs."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from flows.cli import main
from tests.conftest import RAW
from tests.hostile_corpus import HOSTILE_MAX_FILE_BYTES, article, build_hostile_corpus


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
def test_hostile_corpus_publishes_good_files_and_quarantines_the_rest(tmp_path):
    raw = tmp_path / "raw"
    cases = build_hostile_corpus(raw, big=True)
    out = tmp_path / "out"
    max_mb = HOSTILE_MAX_FILE_BYTES / 1024**2
    assert main(["run", "--raw", str(raw), "--out", str(out), "--max-file-mb", str(max_mb), "--workers", "2"]) == 0

    documents = pd.read_parquet(out / "documents").set_index("source_path")
    quarantine = pd.read_parquet(out / "quarantine")
    by_path = quarantine.groupby("source_path").reason_code.apply(set).to_dict()
    for path, expect in cases.items():
        if expect.outcome == "ok":
            assert path in documents.index, path
            assert documents.loc[path, "encoding"] in expect.accepted_encodings, path
            if expect.title:
                assert documents.loc[path, "title"] == expect.title, path
        elif expect.outcome == "quarantine":
            assert path not in documents.index, path
            assert expect.reason_code in by_path.get(path, set()), (path, by_path.get(path))
        else:
            assert path not in documents.index and path not in by_path, path
    assert quarantine.reason.str.len().min() > 10  # every reason says something precise
    assert documents.index.is_monotonic_increasing
    # the datasets are readable and the record datasets only hold published documents
    for name in ("table_rows", "list_items", "priorities", "initiatives", "sections"):
        frame = pd.read_parquet(out / name)
        assert set(frame.source_path) <= set(documents.index), name
    assert main(["validate", "--out", str(out)]) == 0


def _small_raw(root: Path) -> Path:
    root.mkdir(parents=True)
    for path in sorted(RAW.glob("*.txt"))[:2]:
        shutil.copy(path, root / path.name)
    (root / "alpha.md").write_text(article("Alpha"), encoding="utf-8")
    return root


def _unwritable_folder(tmp_path: Path) -> Path:
    """A folder no new file can be created in: /sys for root (who ignores mode bits), else a 0o500 folder."""
    if os.geteuid() != 0:
        folder = tmp_path / "read_only"
        folder.mkdir(mode=0o500)
        return folder / "out"
    if not os.path.isdir("/sys"):
        pytest.skip("no read-only folder to point --out at")
    return Path("/sys/nato-briefs-out")


def test_an_unwritable_out_is_refused_before_the_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """The preflight checked HOME and PREFECT_HOME but not --out: a read-only OUT started Prefect, ran the flow,
    and failed after ~60 s on OUT/.lock with a Prefect flow-run traceback (OSError: Read-only file system)."""
    raw = _small_raw(tmp_path / "raw")
    assert main(["run", "--raw", str(raw), "--out", str(_unwritable_folder(tmp_path)), "--no-report"]) == 2
    err = capsys.readouterr().err
    assert "--out" in err and "not writable" in err and "Traceback" not in err


@contextlib.contextmanager
def _small_disk(where: Path, size: str = "16m"):
    """A tmpfs of ``size`` mounted at ``where`` (skips where mounting is not allowed), unmounted after."""
    where.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root and CAP_SYS_ADMIN)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _fill(disk: Path) -> Path:
    """Write one file until the disk is full; return it."""
    filler = disk / "filler"
    with open(filler, "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * (1 << 20))
                handle.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC, exc
    return filler


@pytest.mark.slow
@pytest.mark.usefixtures("prefect_harness")
def test_a_full_disk_keeps_the_last_good_outputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """An OSError raised while writing (ENOSPC from pyarrow) escaped the CLI as a Python traceback: the last
    good outputs stayed, but the run's last words were a stack, not what happened and what was kept."""
    raw = _small_raw(tmp_path / "raw")
    with _small_disk(tmp_path / "disk") as disk:
        out = disk / "out"
        run = ["run", "--raw", str(raw), "--out", str(out), "--no-report", "--workers", "1"]
        assert main(run) == 0
        before, documents = os.readlink(out / "current"), pd.read_parquet(out / "documents")
        (raw / "bravo.md").write_text(article("Bravo"), encoding="utf-8")
        filler = _fill(disk)
        capsys.readouterr()

        assert main([*run, "--full-refresh"]) == 1
        last = capsys.readouterr().err.strip().splitlines()[-1]  # Prefect logs its own traceback before it
        assert last.startswith("error: the run stopped:") and "No space left on device" in last, last
        assert os.readlink(out / "current") == before
        pd.testing.assert_frame_equal(pd.read_parquet(out / "documents"), documents)

        filler.unlink()
        assert main(run) == 0  # the next run cleans up and publishes
        assert "bravo.md" in set(pd.read_parquet(out / "documents").source_path)
        assert os.listdir(out / ".staging") == []
