"""Damaged state between runs: the next run repairs it (outputs equal to a full refresh) or refuses
in one line; never republished damage, never a traceback. And the guard against mass loss.

Each test starts from a copy of one published output root, damages it the way an
operator or a disk might, and runs the real CLI on it.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from flows.cli import main
from nato_briefs.batch import part_name
from nato_briefs.config import Settings
from nato_briefs.publish import MANIFEST
from tests.test_incremental import _corpus, assert_same, datasets

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


@pytest.mark.parametrize(
    "damage", [_garbage, _swapped, _deleted, _edited_counts, _wrong_shape, _truncated, _deleted_current]
)
def test_next_run_repairs_the_damage(copy, tmp_path, capsys, damage):
    raw, out, reference = copy
    named = damage(out)
    summary_file = tmp_path / "summary.json"
    assert _run(raw, out, summary_file) == 0
    summary = json.loads(summary_file.read_text())
    if named is None:
        assert (out / "current").is_symlink()  # the publish put the commit point back
    else:
        assert summary["warnings"] and all(named in w for w in summary["warnings"][:1])
    assert_same(datasets(out), reference)
    assert summary["records"] == {name: len(frame) for name, frame in reference.items()}
    assert "Traceback" not in capsys.readouterr().err
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


def test_mass_loss_is_refused_in_one_line(shrunk, tmp_path, capsys):
    raw, out, reference, lost = shrunk
    before = os.readlink(out / "current")
    assert _run(raw, out, tmp_path / "summary.json") == 1
    err = capsys.readouterr().err
    last = err.strip().splitlines()[-1]
    assert last.startswith(f"error: refusing to publish: {lost:,} of the {len(reference['documents']):,} published")
    assert "--allow-shrink" in last and "Traceback" not in err
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
