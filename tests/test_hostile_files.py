"""Hostile files round 3: what sits in raw/ besides articles, and files that change while they are read.

Rounds 1-2 (tests/hostile_corpus.py, tests/test_ingest.py) covered FIFOs, sockets, symlinks in and out of the
root, a folder named ``*.txt``, names with a newline or undecodable bytes, a 243-character name, a path beyond
PATH_MAX, a file grown past the limit or swapped after discovery. Here: device nodes, names of exactly 255 bytes,
mode 000 files and folders for a user who is not root, a raw root that is itself a symlink, hard links (inside
and to a file outside the root), sparse files claiming terabytes, a file that grows or shrinks *while* it is
read, and names that differ only by case or by Unicode normalisation. Each ends published, ignored or
quarantined with a reason code.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import nato_briefs.ingest
from nato_briefs.api import read_folder
from nato_briefs.config import IngestLimits
from nato_briefs.ingest import Rejection, SourceDocument, discover, read_source
from tests.conftest import PROJECT
from tests.hostile_corpus import article

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NAME_MAX = os.pathconf("/", "PC_NAME_MAX") if hasattr(os, "pathconf") else 255


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def read_all(raw: Path, limits: IngestLimits | None = None) -> tuple[dict[str, SourceDocument], dict[str, Rejection]]:
    """discover() then read_source() of every file: {source_path: document}, {source_path: rejection}."""
    limits = limits or IngestLimits()
    files, rejections = discover(raw, limits)
    documents = {}
    for source in files:
        outcome = read_source(source, limits)
        if isinstance(outcome, Rejection):
            rejections.append(outcome)
        else:
            documents[outcome.source_path] = outcome
    return documents, {r.source_path: r for r in rejections}


# --------------------------------------------------------------------------- device nodes


@pytest.mark.skipif(not IS_ROOT, reason="creating device nodes needs root (CAP_MKNOD)")
@pytest.mark.parametrize(
    ("name", "kind", "device"),
    [("zero.md", stat.S_IFCHR, (1, 5)), ("random.txt", stat.S_IFCHR, (1, 8)), ("loop.md", stat.S_IFBLK, (7, 0))],
)
def test_a_device_node_is_never_opened(tmp_path: Path, name: str, kind: int, device: tuple[int, int]):
    """/dev/zero or /dev/random named like an article would be read until the size limit (or forever): it is
    refused on its type by discover(), before any open()."""
    raw = tmp_path / "raw"
    write(raw / "good.md", article("Good"))
    try:
        os.mknod(raw / name, 0o644 | kind, os.makedev(*device))
    except PermissionError:
        pytest.skip("no CAP_MKNOD in this container")
    documents, rejected = read_all(raw)
    assert set(documents) == {"good.md"}
    assert rejected[name].reason_code == "not_regular_file" and "device" in rejected[name].reason


# --------------------------------------------------------------------------- names


def _name_of_bytes(stem: str, size: int) -> str:
    """A name of exactly ``size`` UTF-8 bytes ending in .md, built from ``stem`` characters."""
    unit = len(stem.encode())
    count, pad = divmod(size - 3, unit)
    return stem * count + "n" * pad + ".md"


@pytest.mark.parametrize("stem", ["n", "北", "é", "🛡"])
def test_a_name_of_name_max_bytes_is_read(tmp_path: Path, stem: str):
    """NAME_MAX (255) bytes, in 1-, 2-, 3- and 4-byte characters: published under its exact name."""
    name = _name_of_bytes(stem, NAME_MAX)
    assert len(name.encode()) == NAME_MAX
    raw = tmp_path / "raw"
    write(raw / "sub" / name, article(stem))
    documents, rejected = read_all(raw)
    assert rejected == {} and list(documents) == [f"sub/{name}"]


def test_names_differing_only_by_case_are_two_documents(tmp_path: Path):
    """brief.md, Brief.md and BRIEF.MD are three files on a case-sensitive disk: three documents, or a
    ``duplicate`` for the same bytes, never one silently written over another."""
    raw = tmp_path / "raw"
    write(raw / "brief.md", article("Lower"))
    if (raw / "BRIEF.MD").exists():
        pytest.skip("case-insensitive file system")
    write(raw / "Brief.md", article("Capital"))
    write(raw / "BRIEF.MD", article("Lower"))  # the same bytes as brief.md
    datasets = read_folder(raw)
    titles = dict(zip(*datasets["documents"].select(["source_path", "title"]).to_pydict().values(), strict=True))
    assert titles == {"BRIEF.MD": "Allied Briefing Lower", "Brief.md": "Allied Briefing Capital"}  # code point order
    quarantine = datasets["quarantine"].to_pydict()
    assert (quarantine["source_path"], quarantine["reason_code"]) == (["brief.md"], ["duplicate"])
    assert quarantine["reason"] == ["same bytes as BRIEF.MD; kept there"]


def test_names_equal_after_unicode_normalisation_are_two_documents(tmp_path: Path):
    """café.md in NFC and in NFD (macOS writes the second) are two names on Linux: two documents, each under
    its own bytes' path, never merged nor one lost."""
    raw = tmp_path / "raw"
    nfc, nfd = "caf\u00e9.md", "cafe\u0301.md"
    write(raw / nfc, article("Composed"))
    write(raw / nfd, article("Decomposed"))
    if len(os.listdir(raw)) != 2:
        pytest.skip("the file system normalises names")
    titles = dict(
        zip(*read_folder(raw)["documents"].select(["source_path", "title"]).to_pydict().values(), strict=True)
    )
    assert titles == {nfc: "Allied Briefing Composed", nfd: "Allied Briefing Decomposed"}


# --------------------------------------------------------------------------- the root, links


def test_a_raw_root_that_is_a_symlink_is_read_through(tmp_path: Path):
    """raw/ a link to the real folder (a mounted share): its files are inside, and so is a link in it that
    names its target through the raw/ link; a link out of the real folder is still outside."""
    real = tmp_path / "store" / "articles"
    write(real / "a.md", article("Alpha"))
    write(tmp_path / "secret.md", article("Secret"))
    raw = tmp_path / "raw"
    raw.symlink_to(real, target_is_directory=True)
    (real / "via_link.md").symlink_to(raw / "a.md")  # absolute, through the raw/ link itself
    (real / "out.md").symlink_to(tmp_path / "secret.md")
    documents, rejected = read_all(raw)
    assert set(documents) == {"a.md", "via_link.md"}
    assert documents["via_link.md"].text == documents["a.md"].text
    assert {k: r.reason_code for k, r in rejected.items()} == {"out.md": "symlink_outside_root"}


def test_hard_links_are_one_file_under_two_names(tmp_path: Path):
    """Two names of one inode inside raw/: the second is a ``duplicate`` of the first (same bytes), in
    ``read_folder`` as in a run (read_folder published both: one doc_id twice, which a run never does). A hard link
    to a file elsewhere is a file of raw/ (nothing tells it from one, and hard-linking a file needs read access
    to it): its bytes are read once, as any file's, never the path it was linked from."""
    raw = tmp_path / "raw"
    first = write(raw / "a.md", article("Linked"))
    os.link(first, raw / "b.md")
    datasets = read_folder(raw)
    assert datasets["documents"].column("source_path").to_pylist() == ["a.md"]
    quarantine = datasets["quarantine"].to_pydict()
    assert (quarantine["source_path"], quarantine["reason_code"]) == (["b.md"], ["duplicate"])


# --------------------------------------------------------------------------- sparse files


@pytest.mark.parametrize("size", [1 << 40, 21 * 1024 * 1024])
def test_a_sparse_file_claiming_a_huge_size_is_never_read(tmp_path: Path, size: int):
    """A 1 TB (or just over the limit) sparse file takes no disk: refused on its size by discover(), not read."""
    raw = tmp_path / "raw"
    write(raw / "good.md", article("Good"))
    with open(raw / "huge.md", "wb") as handle:
        handle.write(article("Huge").encode())
        handle.truncate(size)
    documents, rejected = read_all(raw)
    assert set(documents) == {"good.md"}
    assert rejected["huge.md"].reason_code == "too_large" and f"{size:,}" in rejected["huge.md"].reason


def test_a_sparse_file_within_the_limit_is_binary(tmp_path: Path):
    """An article followed by a 5 MB hole reads as NUL bytes: ``binary``, within the size limit."""
    raw = tmp_path / "raw"
    with open(write(raw / "holes.md", article("Holes")), "r+b") as handle:
        handle.truncate(5 * 1024 * 1024)
    documents, rejected = read_all(raw)
    assert documents == {} and rejected["holes.md"].reason_code == "binary"


# --------------------------------------------------------------------------- changed while read


def _changing_while_read(monkeypatch: pytest.MonkeyPatch, path: Path, change) -> None:
    """The file is really changed on disk while read_source() holds it open, between its reads."""
    real = nato_briefs.ingest._read_up_to

    def read_then_change(handle, expected: int, limit: int) -> bytes:
        data = handle.read(max(1, expected // 2))
        change(path)
        return data + real(handle, expected - len(data), limit - len(data))

    monkeypatch.setattr(nato_briefs.ingest, "_read_up_to", read_then_change)


def _append(path: Path) -> None:
    with open(path, "ab") as handle:
        handle.write(b"\nA paragraph the scraper was still writing.\n" * 50)


def _truncate(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 3)


def _rewrite_same_size(path: Path) -> None:
    data = path.read_bytes()
    with open(path, "r+b") as handle:  # rewritten in place: another article of the same length
        handle.write(data.replace(b"Torn", b"Tore"))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))


@pytest.mark.parametrize("change", [_append, _truncate, _rewrite_same_size], ids=["grows", "shrinks", "rewritten"])
def test_a_file_changed_while_read_is_not_published_torn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change):
    """Bytes read while a writer appends, truncates or rewrites the file are half of one version and half of
    another (or a prefix): published, they were an article that never existed on disk, its end lost with no
    word. It is ``changed_during_run`` instead: the next run reads it whole."""
    raw = tmp_path / "raw"
    path = write(raw / "torn.md", article("Torn") * 20)
    (source,), _ = discover(raw, IngestLimits())
    _changing_while_read(monkeypatch, path, change)
    out = read_source(source, IngestLimits())
    assert isinstance(out, Rejection), out
    assert out.reason_code == "changed_during_run" and "while" in out.reason


def test_a_file_read_whole_before_a_change_is_published(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The near miss: a change after the read (and its fstat) leaves a whole version read."""
    raw = tmp_path / "raw"
    path = write(raw / "whole.md", article("Whole"))
    (source,), _ = discover(raw, IngestLimits())
    real = nato_briefs.ingest.decode_bytes

    def decode_then_change(*args, **kwargs):
        _append(path)
        return real(*args, **kwargs)

    monkeypatch.setattr(nato_briefs.ingest, "decode_bytes", decode_then_change)
    out = read_source(source, IngestLimits())
    assert isinstance(out, SourceDocument) and out.text == article("Whole")


# --------------------------------------------------------------------------- mode 000, as a user who is not root

_AS_NOBODY = """
import json, os, sys
from nato_briefs.api import read_folder
read_folder(sys.argv[1])  # everything imported and loaded while root (nobody cannot read the interpreter's files)
os.setgroups([]); os.setgid(65534); os.setuid(65534)
seen = {}
for raw in sys.argv[2:]:
    datasets = read_folder(raw)
    seen[raw] = {
        "documents": datasets["documents"].column("source_path").to_pylist(),
        "quarantine": dict(zip(*datasets["quarantine"].select(["source_path", "reason_code"]).to_pydict().values())),
    }
print(json.dumps(seen))
"""


def _as_nobody(*raws: Path) -> list[dict]:
    """read_folder() of each folder in one child process that dropped root for nobody (mode bits then apply)."""
    warm = write(raws[0].parent / "warm_up" / "a.md", article("Warm"))
    env = {**os.environ, "PYTHONPATH": str(PROJECT), "HOME": "/tmp"}
    command = [sys.executable, "-c", _AS_NOBODY, str(warm.parent), *map(str, raws)]
    proc = subprocess.run(command, capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    seen = json.loads(proc.stdout.splitlines()[-1])
    return [seen[str(raw)] for raw in raws]


@pytest.fixture
def open_tmp():
    """A folder under /tmp that another user may enter (pytest's tmp_path sits in a 0700 folder of root's)."""
    folder = Path(tempfile.mkdtemp(prefix="hostile-"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(folder)


@pytest.mark.slow  # a child interpreter that loads the rules: ~10 s
@pytest.mark.skipif(not IS_ROOT, reason="dropping to another user needs root (as non-root, tests/test_ingest.py's)")
def test_mode_000_files_and_folders_are_unreadable_and_the_rest_published(open_tmp: Path):
    """A file of mode 000, a folder of mode 000, and a folder that can be entered but not listed (0o111): each
    quarantined ``unreadable`` with the OS's words; the readable files beside and inside them are published.
    A raw root of mode 000 is one ``unreadable`` row for the root itself."""
    raw, closed_root = open_tmp / "raw", open_tmp / "closed_root"
    write(raw / "good.md", article("Good"))
    write(raw / "locked.md", article("Locked")).chmod(0)
    write(raw / "closed" / "inside.md", article("Closed"))
    write(raw / "blind" / "inside.md", article("Blind"))
    write(raw / "open" / "fine.md", article("Fine"))
    write(closed_root / "good.md", article("Good"))
    for folder in open_tmp.rglob("*"):
        if folder.is_dir():
            folder.chmod(0o755)
    (raw / "closed").chmod(0)
    (raw / "blind").chmod(0o111)
    closed_root.chmod(0)
    seen, seen_closed = _as_nobody(raw, closed_root)
    assert seen["documents"] == ["good.md", "open/fine.md"]
    assert seen["quarantine"] == {"blind": "unreadable", "closed": "unreadable", "locked.md": "unreadable"}
    assert seen_closed == {"documents": [], "quarantine": {".": "unreadable"}}
