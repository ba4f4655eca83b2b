"""The ingest stage against hostile raw folders: discover() + read_source() + parse_document().

Every case of ``tests/hostile_corpus.py`` is checked on its own. No timing is asserted; the
pathological inputs (5,000 columns, 500-deep list, 5 MB line, FIFOs) only have to *finish* with the right outcome.
"""

from __future__ import annotations

import builtins
import errno
import hashlib
import os
import random
import threading
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pytest
from hostile_corpus import (
    CONTROL_FIRST_ROW_LINE,
    CONTROL_TITLE,
    DEEP_LIST_LEVELS,
    HOSTILE_LIMITS,
    HOSTILE_MAX_FILE_BYTES,
    REASON_CODES,
    WIDE_TABLE_COLUMNS,
    Expect,
    article,
    build_hostile_corpus,
    control_text,
    deep_list,
    hostile_cases,
    wide_table,
)
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import nato_briefs.ingest
from nato_briefs.config import IngestLimits, ParseLimits
from nato_briefs.ingest import (
    Rejection,
    SourceDocument,
    SourceFile,
    decode_bytes,
    discover,
    file_signature,
    read_source,
)
from nato_briefs.parse import ParseLimitError, parse_document

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
DECODE_REASONS = {"empty", "binary", "undecodable", "too_large", "line_too_long"}  # what decode_bytes emits
# Labels decode_bytes may put in SourceDocument.encoding ("utf-8+cp1252" is the label proposed for mixed files).
KNOWN_ENCODINGS = {
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "cp1252",
    "latin-1",
    "utf-8+cp1252",
    "utf-32-le",
    "utf-32-be",
}
ASCII_MAGIC = (b"%PDF-", b"GIF8", b"BZh", b"PAR1")  # printable magic numbers _MAGIC rejects as binary


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- FIFO watchdog


class FifoWatchdog:
    """Keeps a test from hanging forever if the code under test opens a FIFO for reading.

    Every ``interval`` seconds it opens each FIFO for writing without blocking: that succeeds only
    when somebody holds the FIFO open for reading (ENXIO otherwise), and closing it again hands the
    blocked reader an EOF. ``opened`` lists the FIFOs that were found opened by a reader.
    """

    def __init__(self, fifos: list[Path], interval: float = 3.0) -> None:
        self.fifos = fifos
        self.interval = interval
        self.opened: list[Path] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._stop.wait(self.interval):
            for fifo in self.fifos:
                try:
                    fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
                except OSError:
                    continue  # ENXIO: no reader, i.e. nobody opened it
                os.close(fd)
                self.opened.append(fifo)

    def __enter__(self) -> FifoWatchdog:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _is_fifo(path: Path) -> bool:
    try:
        return path.is_fifo()
    except OSError:
        return False


# --------------------------------------------------------------------------- the hostile corpus


@dataclass
class Corpus:
    root: Path
    expects: dict[str, Expect]
    files: list[SourceFile]
    rejections: list[Rejection]
    found: dict[str, SourceFile] = field(default_factory=dict)
    rejected: dict[str, Rejection] = field(default_factory=dict)
    outcomes: dict[str, SourceDocument | Rejection] = field(default_factory=dict)
    fifos_opened: list[Path] = field(default_factory=list)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("hostile") / "raw"
    expects = build_hostile_corpus(root, big=True)
    fifos = [root / p for p in expects if _is_fifo(root / p)]
    with FifoWatchdog(fifos) as dog:
        files, rejections = discover(root, HOSTILE_LIMITS)
        outcomes = {f.source_path: read_source(f, HOSTILE_LIMITS) for f in files}
    return Corpus(
        root,
        expects,
        files,
        rejections,
        found={f.source_path: f for f in files},
        rejected={r.source_path: r for r in rejections},
        outcomes=outcomes,
        fifos_opened=dog.opened,
    )


CASES = hostile_cases(big=True)


def _case_params():
    for path in sorted(CASES):
        yield pytest.param(path, id=path.encode("unicode_escape").decode("ascii"))


def test_corpus_exercises_every_reason_code_and_outcome():
    outcomes = {e.outcome for e in CASES.values()}
    codes = {e.reason_code for e in CASES.values() if e.reason_code}
    assert outcomes == {"ok", "quarantine", "ignored"}
    assert codes == set(REASON_CODES)
    assert len(CASES) >= 40


def test_discover_finds_exactly_the_expected_paths(corpus: Corpus):
    expected = {p for p, e in corpus.expects.items() if e.outcome != "ignored"}
    seen = [f.source_path for f in corpus.files] + [r.source_path for r in corpus.rejections]
    assert len(seen) == len(set(seen)), "a path was both found and rejected, or listed twice"
    assert set(seen) == expected
    assert [f.source_path for f in corpus.files] == sorted(f.source_path for f in corpus.files)


def test_fifos_are_never_opened(corpus: Corpus):
    assert corpus.fifos_opened == []


def test_every_rejection_has_a_known_code_and_a_reason(corpus: Corpus):
    for rejection in [*corpus.rejections, *(o for o in corpus.outcomes.values() if isinstance(o, Rejection))]:
        assert rejection.reason_code in REASON_CODES
        assert rejection.stage == "ingest" and rejection.reason.strip()


def test_doc_ids_are_unique_except_the_declared_duplicate(corpus: Corpus):
    by_id: dict[str, list[str]] = {}
    for path, outcome in corpus.outcomes.items():
        if isinstance(outcome, SourceDocument):
            by_id.setdefault(outcome.doc_id, []).append(path)
    shared = sorted(sorted(paths) for paths in by_id.values() if len(paths) > 1)
    assert shared == [["dup/original.txt", "dup/zz_copy.txt"]]


def _read_by_descriptors(source: SourceFile) -> bytes:
    """The file's bytes, folder by folder: a path beyond PATH_MAX cannot be opened as one string."""
    fd = os.open(source.root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for part in source.parts[:-1]:
            child = os.open(part, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd = child
        with os.fdopen(os.open(source.parts[-1], os.O_RDONLY, dir_fd=fd), "rb") as handle:
            return handle.read()
    finally:
        os.close(fd)


@pytest.mark.parametrize("path", list(_case_params()))
def test_hostile_case(corpus: Corpus, path: str):
    expect = corpus.expects.get(path)
    if expect is None:
        pytest.skip("this filesystem / platform refused to create the case")
    on_disk = corpus.root / path

    if expect.outcome == "ignored":
        assert path not in corpus.found and path not in corpus.rejected
        if on_disk.is_symlink():  # a directory symlink: never walked
            assert not [p for p in [*corpus.found, *corpus.rejected] if p.startswith(path + "/")]
        return

    if expect.detected_by == "discover":
        assert path not in corpus.found
        rejection = corpus.rejected[path]
        assert (rejection.reason_code, rejection.stage, rejection.doc_id) == (expect.reason_code, "ingest", None)
        return

    assert path not in corpus.rejected, corpus.rejected.get(path)
    source = corpus.found[path]
    data = _read_by_descriptors(source)
    outcome = corpus.outcomes[path]
    if expect.detected_by == "read":
        assert isinstance(outcome, Rejection), f"expected {expect.reason_code}, got a document ({outcome.encoding})"
        assert (outcome.reason_code, outcome.stage) == (expect.reason_code, "ingest"), outcome.reason
        assert outcome.doc_id == sha(data)
        return

    assert isinstance(outcome, SourceDocument), outcome
    assert outcome.doc_id == sha(data) and outcome.size_bytes == len(data) == source.size_bytes
    assert outcome.encoding in expect.accepted_encodings
    for needle in expect.text_contains:
        assert needle in outcome.text
    for needle in expect.text_excludes:
        assert needle not in outcome.text

    if expect.detected_by == "parse":
        with pytest.raises(ParseLimitError) as raised:
            parse_document(outcome.text, ParseLimits())
        assert raised.value.reason_code == expect.reason_code
        return

    parsed = parse_document(outcome.text, ParseLimits())
    if expect.title is not None:
        assert parsed.title == expect.title
    if expect.first_row_line is not None:
        assert parsed.tables[0].rows[0].line == expect.first_row_line
    if expect.detected_by == "run":  # duplicate: same bytes as the path that is kept
        kept = corpus.outcomes[expect.duplicate_of]
        assert isinstance(kept, SourceDocument) and kept.doc_id == outcome.doc_id
        assert expect.duplicate_of < path  # finalize_duplicates keeps the first path in source_path order


def test_encoded_variants_of_the_control_parse_identically(corpus: Corpus):
    control = parse_document(corpus.outcomes["control/004_664f1cef579698de.txt"].text)
    for path in (
        "encoding/utf8_bom.txt",
        "encoding/utf16_le_bom.txt",
        "encoding/utf16_be_bom.txt",
        "encoding/utf16_le_no_bom.txt",
        "encoding/utf16_be_no_bom.txt",
        "encoding/utf32_le_bom.txt",
        "encoding/crlf_line_endings.txt",
    ):
        variant = parse_document(corpus.outcomes[path].text)
        assert variant.title == control.title == CONTROL_TITLE, path
        assert [(t.headers, t.rows, t.line) for t in variant.tables] == [
            (t.headers, t.rows, t.line) for t in control.tables
        ], path
        assert [(i.text, i.line, i.section) for i in variant.items] == [
            (i.text, i.line, i.section) for i in control.items
        ], path
        assert [(s.heading, s.line) for s in variant.sections] == [(s.heading, s.line) for s in control.sections]


def test_source_paths_are_relative_with_forward_slashes(corpus: Corpus):
    root = corpus.root.resolve()
    for f in corpus.files:
        posix = PurePosixPath(f.source_path)
        assert not posix.is_absolute() and ".." not in posix.parts
        assert f.source_path.encode("utf-8")  # always valid UTF-8, even for undecodable name bytes
        assert Path(f.path).resolve().is_relative_to(root)
        if "\\x" not in f.source_path:
            assert Path(f.path) == root.joinpath(*f.source_path.split("/"))
    assert Path(corpus.found["nested/level1/level2/deep_article.md"].path) == root / "nested" / "level1" / "level2" / (
        "deep_article.md"
    )
    for r in corpus.rejections:
        assert not PurePosixPath(r.source_path).is_absolute() and ".." not in PurePosixPath(r.source_path).parts


def test_too_large_is_also_caught_when_read_directly(corpus: Corpus):
    path = corpus.root / "limits/too_large.txt"
    source = SourceFile("limits/too_large.txt", path, 0)  # as if it had grown after discover()
    outcome = read_source(source, HOSTILE_LIMITS)
    assert isinstance(outcome, Rejection) and outcome.reason_code == "too_large"
    assert path.stat().st_size == HOSTILE_MAX_FILE_BYTES + 1


def test_small_corpus_is_the_big_one_without_the_big_files(tmp_path: Path):
    small = build_hostile_corpus(tmp_path / "raw", big=False)
    assert "limits/five_mb_single_line.txt" not in small
    assert set(small) <= set(CASES)
    # os.walk skips the folders whose path is beyond PATH_MAX (the deep-path case, a few bytes)
    files = [Path(top, name) for top, _, names in os.walk(tmp_path / "raw") for name in names]
    assert max(p.stat().st_size for p in files if p.is_file() and not p.is_symlink()) < HOSTILE_MAX_FILE_BYTES + 2


# --------------------------------------------------------------------------- parse limits


def test_wide_table_and_deep_list_complete_under_the_default_limits():
    defaults = ParseLimits()
    assert defaults.max_table_columns < WIDE_TABLE_COLUMNS and defaults.max_list_depth < DEEP_LIST_LEVELS
    with pytest.raises(ParseLimitError) as wide:
        parse_document(wide_table(), defaults)
    assert wide.value.reason_code == "too_many_columns"
    # It completes; what it raises is pinned by the corpus case limits/list_nested_500_deep.md.
    with pytest.raises((ParseLimitError, RecursionError)):
        parse_document(deep_list(), defaults)


def test_wide_table_parses_when_the_limit_allows_it():
    doc = parse_document(wide_table(), ParseLimits(max_table_columns=WIDE_TABLE_COLUMNS))
    (table,) = doc.tables
    assert len(table.headers) == WIDE_TABLE_COLUMNS and table.headers[-1] == f"h{WIDE_TABLE_COLUMNS - 1}"
    assert len(table.rows) == 1 and len(table.rows[0].cells) == WIDE_TABLE_COLUMNS


@pytest.mark.parametrize("limit", [1, 3, 50])
def test_parse_limits_are_exact(limit: int):
    limits = ParseLimits(max_table_columns=limit, max_list_depth=limit)
    assert len(parse_document(wide_table(limit), limits).tables[0].headers) == limit
    with pytest.raises(ParseLimitError) as wide:
        parse_document(wide_table(limit + 1), limits)
    assert wide.value.reason_code == "too_many_columns"
    doc = parse_document(deep_list(limit), limits)
    assert max(item.depth for item in doc.items) == limit - 1
    with pytest.raises(ParseLimitError) as deep:
        parse_document(deep_list(limit + 1), limits)
    assert deep.value.reason_code == "nesting_too_deep"


# --------------------------------------------------------------------------- decoding, case by case


def test_cp1252_smart_quotes():
    out = decode_bytes("a.txt", "id", b"NATO\x92s allies \x93agree\x94", IngestLimits())
    assert isinstance(out, SourceDocument)
    assert (out.text, out.encoding) == ("NATO’s allies “agree”", "cp1252")


def test_short_latin1_with_undefined_cp1252_byte_decides_honestly():
    data = b"Caf\xe9 na\xefve \x81 text"
    out = decode_bytes("a.txt", "id", data, IngestLimits())
    if isinstance(out, SourceDocument):  # then the text must be the bytes' latin-1 reading, nothing invented
        assert out.text == data.decode("latin-1") and out.encoding in ("latin-1", "cp1252")
    else:  # 1 control character in 17 is a fair reason to call it binary
        assert out.reason_code in ("binary", "undecodable")


def test_bom_title_and_line_numbers():
    text = "A Short Title\nThe allies met.\n| Area | Focus |\n|---|---|\n| Cyber | Defence |\n- one\n"
    out = decode_bytes("a.txt", "id", b"\xef\xbb\xbf" + text.encode(), IngestLimits())
    assert isinstance(out, SourceDocument) and out.encoding == "utf-8-sig" and out.text == text
    doc = parse_document(out.text)
    assert doc.title == "A Short Title" and doc.sections[0].line == 1
    assert doc.tables[0].rows[0].line == 5 and doc.items[0].line == 6


def test_utf16_edge_cases():
    limits = IngestLimits()
    blank = decode_bytes("a.txt", "id", " \n\t\u3000".encode("utf-16"), limits)
    assert isinstance(blank, Rejection) and blank.reason_code == "empty"
    odd = decode_bytes("a.txt", "id", b"\xff\xfe" + "Allies".encode("utf-16-le") + b"A", limits)
    assert isinstance(odd, Rejection) and odd.reason_code == "undecodable"
    lone_surrogate = decode_bytes("a.txt", "id", b"\xff\xfe" + "Allies".encode("utf-16-le") + b"\x00\xd8", limits)
    assert isinstance(lone_surrogate, Rejection) and lone_surrogate.reason_code == "undecodable"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_wide_encodings_are_text_not_binary(codec: str):
    text = "Allied Briefing\nLes alliés de l’OTAN se réunissent à Bruxelles.\n"
    bom = "\ufeff".encode(codec) if codec in ("utf-32-le", "utf-32-be") else b""  # "utf-32" writes its own
    data = bom + text.encode(codec)
    out = decode_bytes("a.txt", "id", data, IngestLimits())
    assert isinstance(out, SourceDocument), out
    assert out.text == text and out.encoding == ("utf-32" if codec.startswith("utf-32") else codec)


def test_bomless_utf16_needs_a_clear_nul_pattern():
    """NULs on both byte parities (random binary, a stray NUL pair) are not UTF-16: still binary."""
    limits = IngestLimits()
    pair = decode_bytes("a.txt", "id", b"Allies met\x00\x00 today.\n", limits)
    assert isinstance(pair, Rejection) and pair.reason_code == "binary"
    sparse = decode_bytes("a.txt", "id", "Allies".encode("utf-16-le") + b"x" * 40, limits)
    assert isinstance(sparse, Rejection) and sparse.reason_code == "binary"
    truncated = decode_bytes("a.txt", "id", "Allies met".encode("utf-16-le")[:-1], limits)
    assert isinstance(truncated, Rejection) and truncated.reason_code == "binary"


def test_line_limit_counts_characters_of_one_line():
    limits = IngestLimits(max_line_chars=100)
    assert isinstance(decode_bytes("a.txt", "id", (("x" * 100 + "\n") * 3).encode(), limits), SourceDocument)
    out = decode_bytes("a.txt", "id", ("x" * 101).encode(), limits)
    assert isinstance(out, Rejection) and out.reason_code == "line_too_long"


@pytest.mark.parametrize("separator", ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
def test_unicode_line_separators_do_not_hide_a_long_line(separator: str):
    text = separator.join(["word " * 50] * 8) + "\n"  # one 2,000+ character line for the parser
    out = decode_bytes("a.txt", "id", text.encode(), IngestLimits(max_line_chars=1_000))
    assert isinstance(out, Rejection) and out.reason_code == "line_too_long"


@pytest.mark.parametrize("opening", ["BZh", "GIF89a", "PAR1", "%PDF-"])
def test_text_starting_like_a_magic_number_is_text(opening: str):
    text = f"{opening} is how this briefing starts, and it is plain text.\nAllies agreed.\n"
    out = decode_bytes("a.txt", "id", text.encode(), IngestLimits())
    assert isinstance(out, SourceDocument) and out.text == text


# --------------------------------------------------------------------------- hypothesis


_BOMS_AND_MAGIC = st.sampled_from(
    [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x1f\x8b", b"PK\x03\x04", b"%PDF-", b"BZh", b" \n"]
)
_TEXTS_IN_ENCODINGS = st.builds(
    lambda text, encoding: text.encode(encoding, errors="ignore"),
    st.text(max_size=300),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"]),
)
ARBITRARY_BYTES = st.one_of(
    st.binary(max_size=2_048),
    st.builds(bytes.__add__, _BOMS_AND_MAGIC, st.binary(max_size=512)),
    _TEXTS_IN_ENCODINGS,
)
LIMITS = st.sampled_from(
    [
        IngestLimits(),
        IngestLimits(max_file_bytes=64, max_line_chars=16),
        IngestLimits(max_file_bytes=0, max_line_chars=0),
    ]
)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(data=ARBITRARY_BYTES, limits=LIMITS)
@example(data=b"\xef\xbb\xbf\xff", limits=IngestLimits())
@example(data=b"\xff\xfe\x00", limits=IngestLimits())
@example(data=b"\x00" * 10, limits=IngestLimits())
@example(data=b"\x81\x8d\x8f\x90\x9d", limits=IngestLimits())
def test_decode_bytes_never_raises(data: bytes, limits: IngestLimits):
    out = decode_bytes("fuzz.txt", "doc-id", data, limits)
    if isinstance(out, Rejection):
        assert out.reason_code in DECODE_REASONS
        assert (out.source_path, out.doc_id, out.stage) == ("fuzz.txt", "doc-id", "ingest")
        assert isinstance(out.reason, str) and out.reason
    else:
        assert isinstance(out, SourceDocument)
        assert out.encoding in KNOWN_ENCODINGS
        assert out.size_bytes == len(data) <= limits.max_file_bytes
        assert out.text.strip() and "\x00" not in out.text
        out.text.encode("utf-8")  # publishable: no lone surrogates


_GOOD_CHARS = st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\n\t\r ")


@settings(max_examples=400)
@given(text=st.text(_GOOD_CHARS, min_size=1, max_size=400))
@example(text="NATO’s allies “agree” – Ünïcødé 北约 🚀")
@example(text="\ufeffAllies")
def test_decode_bytes_never_loses_a_good_file(text: str):
    data = text.encode("utf-8")
    expected = data.decode("utf-8-sig")  # a leading U+FEFF is a BOM, not content
    assume(expected.strip())
    assume(not data.startswith(ASCII_MAGIC))  # covered by test_text_starting_like_a_magic_number_is_text
    out = decode_bytes("good.txt", "doc-id", data, IngestLimits())
    assert isinstance(out, SourceDocument), out
    assert out.text == expected and out.encoding in ("utf-8", "utf-8-sig")


# --------------------------------------------------------------------------- discover: symlinks and the root


def test_discover_never_leaves_the_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    outside = tmp_path / "outside"
    write(outside / "secret.txt", article("Secret"))
    write(outside / "sub" / "deeper.md", article("Deeper"))
    raw = tmp_path / "raw"
    write(raw / "good.txt", article("Good"))
    write(raw / "sub" / "nested.md", article("Nested"))
    links = {
        "to_outside": (outside, True),
        "to_fs_root": (Path("/"), True),
        "up": (Path(".."), True),
        "self": (Path("."), True),
        "sub/back_to_root": (Path(".."), True),
        "abs_out.txt": (outside / "secret.txt", False),
        "rel_out.md": (Path("../outside/secret.txt"), False),
        "out_and_back.txt": (Path("../raw/good.txt"), False),
        "sub/via_dir_link.txt": (Path("../to_outside/secret.txt"), False),
    }
    for name, (target, is_dir) in links.items():
        os.symlink(target, raw / name, target_is_directory=is_dir)
    os.symlink(raw, tmp_path / "raw_link", target_is_directory=True)
    monkeypatch.chdir(tmp_path)

    real_root = raw.resolve()
    for root_arg in (raw, tmp_path / "raw_link", raw / "sub" / "..", Path("raw"), Path("raw_link")):
        files, rejections = discover(root_arg, IngestLimits())
        assert [f.source_path for f in files] == ["good.txt", "out_and_back.txt", "sub/nested.md"], root_arg
        assert {r.source_path: r.reason_code for r in rejections} == {
            "abs_out.txt": "symlink_outside_root",
            "rel_out.md": "symlink_outside_root",
            "sub/via_dir_link.txt": "symlink_outside_root",
        }
        for f in files:
            assert Path(f.path).resolve().is_relative_to(real_root)
            assert Path(f.path).is_absolute() and Path(f.path).parent.resolve().is_relative_to(real_root)


def test_source_path_of_a_nested_file(tmp_path: Path):
    write(tmp_path / "raw" / "a b" / "Ünï" / "c.md", article("Deep Name"))
    (source,), _ = discover(tmp_path / "raw", IngestLimits())
    assert source.source_path == "a b/Ünï/c.md"
    assert "\\" not in source.source_path and not source.source_path.startswith("/")


def test_symlink_loop_is_quarantined_not_a_crash(tmp_path: Path):
    raw = tmp_path / "raw"
    write(raw / "good.txt", article("Good"))
    os.symlink("loop.txt", raw / "loop.txt")
    os.symlink("b.md", raw / "a.md")
    os.symlink("a.md", raw / "b.md")
    files, rejections = discover(raw, IngestLimits())
    assert [f.source_path for f in files] == ["good.txt"]
    assert {r.source_path: r.reason_code for r in rejections} == {
        "a.md": "unreadable",
        "b.md": "unreadable",
        "loop.txt": "unreadable",
    }


def test_resolve_runtime_error_is_quarantined_not_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    raw = tmp_path / "raw"
    write(raw / "good.txt", article("Good"))
    os.symlink("good.txt", raw / "link.txt")
    real_resolve = Path.resolve

    def resolve(self: Path, strict: bool = False) -> Path:
        if self.name == "link.txt":
            raise RuntimeError(f"Symlink loop from {str(self)!r}")  # what Python 3.11/3.12 raise
        return real_resolve(self, strict=strict)

    monkeypatch.setattr(Path, "resolve", resolve)
    files, rejections = discover(raw, IngestLimits())
    assert [f.source_path for f in files] == ["good.txt"]
    assert [(r.source_path, r.reason_code) for r in rejections] == [("link.txt", "unreadable")]


def test_source_paths_are_unique_even_for_undecodable_names(tmp_path: Path):
    raw = tmp_path / "raw"
    raw.mkdir()
    try:
        fd = os.open(os.fsencode(raw) + b"/caf\xe9.txt", os.O_WRONLY | os.O_CREAT, 0o644)
    except OSError:
        pytest.skip("this filesystem refuses non-UTF-8 file names")
    os.write(fd, article("Latin Name").encode())
    os.close(fd)
    write(raw / "caf\\xe9.txt", article("Backslash Name"))
    files, _ = discover(raw, IngestLimits())
    paths = [f.source_path for f in files]
    assert len(paths) == 2 and len(set(paths)) == 2


# --------------------------------------------------------------------------- unreadable, vanishing, swapped


def _one_source(raw: Path, name: str = "x.txt") -> tuple[Path, SourceFile]:
    path = write(raw / name, article("Swapped"))
    (source,), rejections = discover(raw, IngestLimits())
    assert rejections == []
    return path, source


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Root reads through chmod 000, so the permission error is injected at open() (builtin and os)."""
    path, source = _one_source(tmp_path / "raw", "locked.txt")
    denied = os.path.realpath(path)
    real_open, real_os_open = builtins.open, os.open

    def check(file: object, dir_fd: int | None = None) -> None:
        if isinstance(file, (str, bytes, os.PathLike)):
            where = os.fspath(file) if dir_fd is None else os.path.join(f"/proc/self/fd/{dir_fd}", os.fspath(file))
            if os.path.realpath(where) == denied:
                raise PermissionError(errno.EACCES, "Permission denied", os.fspath(file))

    def fake_open(file, *args, **kwargs):
        check(file)
        return real_open(file, *args, **kwargs)

    def fake_os_open(file, *args, dir_fd=None, **kwargs):  # read_source() opens relative to a folder's fd
        check(file, dir_fd)
        return real_os_open(file, *args, dir_fd=dir_fd, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    out = read_source(source, IngestLimits())
    assert isinstance(out, Rejection)
    assert (out.reason_code, out.stage, out.doc_id, out.source_path) == ("unreadable", "ingest", None, "locked.txt")
    assert "Permission denied" in out.reason


@pytest.mark.skipif(IS_ROOT or not hasattr(os, "geteuid"), reason="root reads files whatever their mode bits")
def test_unreadable_file_real_permissions(tmp_path: Path):
    path, source = _one_source(tmp_path / "raw", "locked.txt")
    path.chmod(0)
    try:
        out = read_source(source, IngestLimits())
    finally:
        path.chmod(0o644)
    assert isinstance(out, Rejection) and out.reason_code == "unreadable"


def test_missing_file_built_by_hand_is_unreadable(tmp_path: Path):
    """A SourceFile discover() never saw (no identity) that does not exist: nothing changed, it is just missing."""
    out = read_source(SourceFile("gone.md", str(tmp_path / "gone.md"), 0), IngestLimits())
    assert isinstance(out, Rejection) and (out.reason_code, out.doc_id) == ("unreadable", None)


def test_file_replaced_by_a_directory_between_discover_and_read(tmp_path: Path):
    path, source = _one_source(tmp_path / "raw")
    path.unlink()
    path.mkdir()
    out = read_source(source, IngestLimits())
    assert isinstance(out, Rejection) and out.reason_code == "changed_during_run"


def test_directory_named_txt_is_walked_not_opened(tmp_path: Path):
    raw = tmp_path / "raw"
    write(raw / "x.txt" / "inside.md", article("Inside"))
    files, rejections = discover(raw, IngestLimits())
    assert [f.source_path for f in files] == ["x.txt/inside.md"] and rejections == []
    out = read_source(SourceFile("x.txt", raw / "x.txt", 0), IngestLimits())  # handed a directory anyway
    assert isinstance(out, Rejection) and out.reason_code in ("unreadable", "not_regular_file")


def test_file_growing_past_the_limit_after_discover(tmp_path: Path):
    path, source = _one_source(tmp_path / "raw")
    limits = IngestLimits(max_file_bytes=source.size_bytes + 10)
    path.write_bytes(path.read_bytes() + b"x" * 11)
    out = read_source(source, limits)
    assert isinstance(out, Rejection) and out.reason_code == "too_large"


def test_file_swapped_for_a_fifo_after_discover_is_not_opened(tmp_path: Path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    path, source = _one_source(tmp_path / "raw")
    path.unlink()
    os.mkfifo(path)
    result: dict[str, object] = {}
    reader = threading.Thread(target=lambda: result.update(out=read_source(source, IngestLimits())), daemon=True)
    reader.start()
    reader.join(2)
    if reader.is_alive():  # blocked in open(): hand it a writer and an EOF so the test can finish
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(10)
    out = result["out"]
    assert isinstance(out, Rejection) and out.reason_code == "changed_during_run"


def test_unlistable_folder_is_reported_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    raw = tmp_path / "raw"
    write(raw / "good.txt", article("Good"))
    write(raw / "locked" / "inside.txt", article("Locked"))
    locked = (raw / "locked").stat().st_ino
    real_scandir = os.scandir

    def scandir(path="."):  # discover() lists folders through descriptors opened with O_NOFOLLOW
        if isinstance(path, int) and os.fstat(path).st_ino == locked:
            raise PermissionError(errno.EACCES, "Permission denied", "locked")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, rejections = discover(raw, IngestLimits())
    assert [f.source_path for f in files] == ["good.txt"]
    assert [(r.source_path, r.reason_code) for r in rejections] == [("locked", "unreadable")]


@pytest.mark.skipif(IS_ROOT or not hasattr(os, "geteuid"), reason="root lists folders whatever their mode bits")
def test_unlistable_folder_is_reported_real_permissions(tmp_path: Path):
    raw = tmp_path / "raw"
    write(raw / "good.txt", article("Good"))
    write(raw / "locked" / "inside.txt", article("Locked"))
    (raw / "locked").chmod(0)
    try:
        files, rejections = discover(raw, IngestLimits())
    finally:
        (raw / "locked").chmod(0o755)
    assert [f.source_path for f in files] == ["good.txt"]
    assert [(r.source_path, r.reason_code) for r in rejections] == [("locked", "unreadable")]


def test_control_text_is_the_sample_article():
    assert control_text().splitlines()[1] == CONTROL_TITLE
    assert parse_document(control_text()).tables[0].rows[0].line == CONTROL_FIRST_ROW_LINE


def test_signature_of_a_file_read_just_after_a_write_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path, source = _one_source(tmp_path / "raw")
    assert source.signature == file_signature(path.stat())
    fresh = read_source(source, IngestLimits())
    assert isinstance(fresh, SourceDocument) and fresh.signature is None  # ctime is seconds old: racy
    monkeypatch.setattr(nato_briefs.ingest, "RACY_NS", 0)
    settled = read_source(source, IngestLimits())
    assert isinstance(settled, SourceDocument) and settled.signature == source.signature
    path.write_text(path.read_text() + "more\n")
    (changed,), _ = discover(tmp_path / "raw", IngestLimits())
    assert changed.signature != source.signature


# --------------------------------------------------------------------------- swapped between discovery and read


DECOY = "DECOY-SECRET root:x:0:0:root:/root:/bin/bash\n"


def _decoy(tmp_path: Path) -> Path:
    """A file outside the raw root whose contents must never be read."""
    return write(tmp_path / "elsewhere" / "passwd.txt", article("Decoy") + DECOY)


def _never_read(out: object) -> None:
    assert isinstance(out, Rejection) and out.reason_code == "changed_during_run", out
    assert out.doc_id is None and "DECOY" not in out.reason


def test_file_swapped_for_a_symlink_outside_after_discover_is_quarantined(tmp_path: Path):
    decoy = _decoy(tmp_path)
    path, source = _one_source(tmp_path / "raw")
    path.unlink()
    path.symlink_to(decoy)  # the attack of issue 14: within seconds of "found N input files"
    _never_read(read_source(source, IngestLimits()))


def test_file_swapped_for_a_symlink_inside_the_root_is_not_followed_either(tmp_path: Path):
    path, source = _one_source(tmp_path / "raw")
    other = write(tmp_path / "raw" / "other.txt", article("Other"))
    path.unlink()
    path.symlink_to(other)
    _never_read(read_source(source, IngestLimits()))


def test_file_replaced_by_another_file_after_discover_is_quarantined(tmp_path: Path):
    decoy = _decoy(tmp_path)
    path, source = _one_source(tmp_path / "raw")
    os.link(decoy, tmp_path / "raw" / "new.tmp")  # another inode renamed over it (a hard link, here to the decoy)
    os.replace(tmp_path / "raw" / "new.tmp", path)
    _never_read(read_source(source, IngestLimits()))


def test_folder_swapped_for_a_symlink_after_discover_is_not_traversed(tmp_path: Path):
    raw = tmp_path / "raw"
    decoy = _decoy(tmp_path)
    write(raw / "sub" / "x.txt", article("Inside"))
    (source,), _ = discover(raw, IngestLimits())
    (raw / "sub").rename(tmp_path / "moved")
    os.link(decoy, decoy.with_name("x.txt"))  # the decoy folder holds a file of the same name
    (raw / "sub").symlink_to(decoy.parent)
    _never_read(read_source(source, IngestLimits()))


def test_file_edited_in_place_after_discover_is_read_with_its_new_bytes(tmp_path: Path):
    """Same inode: the file discover() saw, changed; its signature is then not trusted for the next run."""
    path, source = _one_source(tmp_path / "raw")
    path.write_text(article("Edited"), encoding="utf-8")
    out = read_source(source, IngestLimits())
    assert isinstance(out, SourceDocument) and "Edited" in out.text and out.signature is None


def test_link_inside_the_root_is_read_through_its_target_even_if_retargeted(tmp_path: Path):
    raw = tmp_path / "raw"
    decoy = _decoy(tmp_path)
    write(raw / "real.txt", article("Real"))
    (raw / "alias.txt").symlink_to(raw / "real.txt")
    files, _ = discover(raw, IngestLimits())
    alias = next(f for f in files if f.source_path == "alias.txt")
    assert alias.parts == ("real.txt",)
    (raw / "alias.txt").unlink()
    (raw / "alias.txt").symlink_to(decoy)  # retargeted out of the root after discovery
    out = read_source(alias, IngestLimits())
    assert isinstance(out, SourceDocument) and "Real" in out.text and "DECOY" not in out.text


class _Listed(list):
    """A folder listing already read (and lstat-ed, as discover() does), usable like os.scandir()."""

    def __enter__(self) -> _Listed:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _swap_after_listing(folder: Path, swap):
    """An os.scandir() that runs ``swap`` once, right after listing ``folder``, before its sub-folders are walked."""
    real_scandir, folder_ino, done = os.scandir, folder.stat().st_ino, []

    def scandir(path="."):
        if not (isinstance(path, int) and os.fstat(path).st_ino == folder_ino) or done:
            return real_scandir(path)
        with real_scandir(path) as listing:
            entries = _Listed(listing)
        for entry in entries:
            entry.stat(follow_symlinks=False)  # cached, as discover() reads it
        swap()
        done.append(True)
        return entries

    return scandir


def test_folder_swapped_for_a_symlink_while_walking_is_not_walked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A hook between listing a folder and walking its sub-folder: the sub-folder becomes a link out."""
    raw = tmp_path / "raw"
    decoy = _decoy(tmp_path)
    write(raw / "a.txt", article("A"))
    write(raw / "sub" / "b.txt", article("B"))

    def swap() -> None:
        (raw / "sub").rename(tmp_path / "moved")
        (raw / "sub").symlink_to(decoy.parent)

    scandir = _swap_after_listing(raw, swap)

    monkeypatch.setattr(os, "scandir", scandir)
    files, rejections = discover(raw, IngestLimits())
    assert [f.source_path for f in files] == ["a.txt"]
    assert [(r.source_path, r.reason_code) for r in rejections] == [("sub", "changed_during_run")]


def test_folder_replaced_by_another_folder_while_walking_is_not_walked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    raw = tmp_path / "raw"
    write(raw / "sub" / "b.txt", article("B"))
    write(tmp_path / "other" / "c.txt", article("C"))

    def swap() -> None:
        (raw / "sub").rename(tmp_path / "moved")
        (tmp_path / "other").rename(raw / "sub")  # a real folder from outside, moved in

    scandir = _swap_after_listing(raw, swap)

    monkeypatch.setattr(os, "scandir", scandir)
    files, rejections = discover(raw, IngestLimits())
    assert files == []
    assert [(r.source_path, r.reason_code) for r in rejections] == [("sub", "changed_during_run")]


def test_discovered_files_carry_what_read_source_checks(tmp_path: Path):
    path, source = _one_source(tmp_path / "raw" / "deep", "x.txt")
    info = path.stat()
    assert source.identity == (info.st_dev, info.st_ino)
    assert source.parts == ("x.txt",) and Path(source.root) == (tmp_path / "raw" / "deep").resolve()


def test_folder_replaced_by_a_real_folder_after_discover_is_quarantined(tmp_path: Path):
    """Another real folder (moved in from outside the root) where discovery walked one: not read."""
    raw = tmp_path / "raw"
    decoy = _decoy(tmp_path)
    write(raw / "sub" / "x.txt", article("Inside"))
    (source,), _ = discover(raw, IngestLimits())
    (raw / "sub").rename(tmp_path / "moved")
    os.link(decoy, decoy.with_name("x.txt"))
    decoy.parent.rename(raw / "sub")
    _never_read(read_source(source, IngestLimits()))


def test_files_of_one_folder_read_through_one_descriptor_stay_the_discovered_ones(tmp_path: Path):
    raw = tmp_path / "raw"
    decoy = _decoy(tmp_path)
    for name in ("a.txt", "b.txt"):
        write(raw / "sub" / name, article(name))
    first, second = discover(raw, IngestLimits())[0]
    assert isinstance(read_source(first, IngestLimits()), SourceDocument)
    (raw / "sub").rename(tmp_path / "moved")
    (raw / "sub").symlink_to(decoy.parent)  # after the folder's descriptor was opened
    out = read_source(second, IngestLimits())
    assert isinstance(out, SourceDocument) and "b.txt" in out.text and "DECOY" not in out.text


# --------------------------------------------------------------------------- session 9: wide encodings of other scripts

_RUSSIAN = "Брифинг альянса\n\nСоюзники НАТО встретились в Брюсселе и согласовали план.\n" * 3
_CHINESE = "北约简报\n\n北约盟国在布鲁塞尔举行会议并商定了计划。\n" * 3


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (_RUSSIAN, "utf-16-le"),
        (_RUSSIAN, "utf-16-be"),
        (_CHINESE, "utf-16-le"),
        (_CHINESE, "utf-16-be"),
        (_RUSSIAN, "utf-32-le"),
        (_CHINESE, "utf-32-be"),
        ("Allied Briefing\nAllies met.\n", "utf-32-le"),
    ],
)
def test_bomless_wide_text_of_any_script_is_text(text: str, codec: str):
    """A BOM-less UTF-16 file of a non-Latin script (NULs only in the high bytes of its spaces and line
    breaks, fewer than half its characters) or a BOM-less UTF-32 file was quarantined as 'binary: NUL
    character': a text file lost under a misleading reason."""
    out = decode_bytes("a.txt", "id", text.encode(codec), IngestLimits())
    assert isinstance(out, SourceDocument), out
    assert out.text == text and out.encoding == codec


@pytest.mark.parametrize(
    "data",
    [
        _RUSSIAN.encode() + b"\x00",  # UTF-8 of another script with a stray NUL: pairs land on Hangul, no line break
        _RUSSIAN.encode()[:40] + b"\n\x00" + _RUSSIAN.encode()[42:],  # one NUL right after a line break
        _CHINESE.encode("utf-16-le")[:-2] + b"\x00\xd8",  # a lone surrogate
        random.Random(9).randbytes(4_000).replace(b"\x00", b"\x01")[:-2] + b"\n\x00",
    ],
)
def test_stray_nuls_in_other_text_are_still_binary(data: bytes):
    out = decode_bytes("a.txt", "id", data, IngestLimits())
    assert isinstance(out, Rejection) and out.reason_code == "binary", out


def test_file_that_vanished_after_discover_changed_during_run(tmp_path: Path):
    """Was 'unreadable' (cannot read file: No such file or directory), the code of a permission problem."""
    path, source = _one_source(tmp_path / "raw")
    path.unlink()
    out = read_source(source, IngestLimits())
    assert isinstance(out, Rejection) and (out.reason_code, out.doc_id) == ("changed_during_run", None)
    assert "vanished" in out.reason


@pytest.mark.parametrize("code", [0x01, 0x08, 0x0E, 0x1F, 0x7F, 0x85, 0x9F])
def test_each_control_character_counts_towards_binary(code: int):
    """Every control character of the class is seen (they are searched one by one) and counted; tab, line
    ends, vertical tab and form feed are text."""
    prose = "Allies met in Brussels and agreed on the plan.\n" * 3  # 141 characters: 1% is 1.41
    out = decode_bytes("a.txt", "id", (prose + chr(code) * 2).encode("utf-8"), IngestLimits())
    assert isinstance(out, Rejection) and out.reason_code == "binary", out
    assert "2 control characters in 143" in out.reason
    assert isinstance(decode_bytes("a.txt", "id", (prose + chr(code)).encode("utf-8"), IngestLimits()), SourceDocument)
    spaced = (prose + "\t\x0b\x0c\r\n" * 2).encode("utf-8")
    assert isinstance(decode_bytes("a.txt", "id", spaced, IngestLimits()), SourceDocument)
