"""Find the raw articles and turn their bytes into text, or into a precise rejection.

The raw folder is filled by other people's scrapers and exports, so nothing
here trusts a file: symlinks are not followed out of the raw root, only
regular files are opened, sizes are checked before reading, and a file is
text only when it decodes and looks like text. Every rejection carries a
stable ``reason_code`` and a human-readable reason for the `quarantine` dataset.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
import threading
import time
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from nato_briefs.budget import check_budget
from nato_briefs.config import INPUT_SUFFIXES, IngestLimits, ParseLimits
from nato_briefs.vocab import ReasonCode, Stage

# Magic numbers of formats that arrive renamed to .txt.
_MAGIC = (
    (b"\x1f\x8b", "gzip archive"),
    (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive (empty)"),
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE) document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"PAR1", "Parquet file"),
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")  # UTF-32 LE's starts with UTF-16 LE's: tried first
_MAX_CONTROL_SHARE = 0.01  # share of control characters above which decoded "text" is binary
# Control characters that no text holds (not tab, line ends, form feed). Searched one by one: 59 C-level
# substring searches cost ~7 us on a 6 kB article, one search of their class ~47 us (~4 CPU s per 100k).
_CONTROL_CHARS = tuple(map(chr, (*range(0x01, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0))))
_CONTROL = re.compile(f"[{re.escape(''.join(_CONTROL_CHARS))}]")  # counts them, once one is there
_LINE_BREAK = re.compile("\r\n|\r|\n")  # the parser's (CommonMark's) line breaks, not str.splitlines()


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes UTF-8 rejects are read as cp1252; the 5 bytes cp1252 leaves undefined
    (0x81 0x8D 0x8F 0x90 0x9D) as latin-1, i.e. U+0081..., as Windows itself does."""
    bad = error.object[error.start : error.end]
    if error.encoding.replace("-", "").lower() == "utf8":
        return bad.decode("cp1252", errors="nato_briefs_cp1252"), error.end
    return bad.decode("latin-1"), error.end


codecs.register_error("nato_briefs_cp1252", _cp1252_fallback)


def _printable_ascii(magic: bytes) -> bool:
    return magic.isascii() and magic.decode("ascii").isprintable()


Signature = str  # "size:mtime_ns:ctime_ns:inode:device" of a stat(): one hashable value per file


def file_signature(info: os.stat_result) -> Signature:
    """What an incremental run compares to skip re-hashing a file, as git's index does.

    Any write to a file moves its ctime (which user tools cannot set back), and
    replacing it by a rename changes its inode, so an unchanged signature means
    unchanged bytes; the document's identity is still its content hash.
    """
    return f"{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}:{info.st_dev}"


# A file changed within this long before it was read may change again within
# the same timestamp tick: its signature is not trusted by the next run.
RACY_NS = 2_000_000_000


def trusted_signature(info: os.stat_result, read_at_ns: int) -> Signature | None:
    if max(info.st_mtime_ns, info.st_ctime_ns) >= read_at_ns - RACY_NS:
        return None
    return file_signature(info)


@dataclass(frozen=True)
class SourceFile:
    """A candidate input found under the raw root (not read yet)."""

    source_path: str  # relative, '/' separated
    path: str  # absolute (a str: a corpus has 100k of them, and Path() costs more than the stat)
    size_bytes: int
    signature: Signature | None = None  # as stat() saw it in discover()
    # How read_source() reaches exactly the file discover() saw: the raw root, the
    # components of the real file under it (a link inside the root: its target's),
    # and that file's (st_dev, st_ino). Empty for a SourceFile built by hand.
    root: str = ""
    parts: tuple[str, ...] = ()
    identity: tuple[int, int] | None = None
    folder: tuple[int, int] | None = None  # (st_dev, st_ino) of the folder holding parts[-1], as walked


@dataclass(frozen=True)
class SourceDocument:
    source_path: str
    doc_id: str
    text: str
    encoding: str
    size_bytes: int
    signature: Signature | None = None  # trusted stat signature of the bytes read (None: changed too recently)


@dataclass(frozen=True)
class Rejection:
    source_path: str
    doc_id: str | None
    stage: str
    reason_code: str
    reason: str


def display_path(relative: str) -> str:
    """A '/'-separated path that is always valid UTF-8 (undecodable name bytes escaped)."""
    escaped = relative.replace(os.sep, "/").replace("\\", "\\\\")  # a literal backslash must not mimic an escape
    return escaped.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


# Every folder and file is opened relative to its parent's descriptor, never through
# a symlink: a link swapped in after discover() fails to open instead of being followed.
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
# open() with O_NOFOLLOW / O_DIRECTORY on something that is no longer what discover() saw
_SWAPPED_ERRNOS = (errno.ELOOP, errno.ENOTDIR)


def _open_dir(root: str, parts: tuple[str, ...]) -> int:
    """A descriptor of root/parts..., each component opened with O_NOFOLLOW relative to its parent."""
    fd = os.open(root, _DIR_FLAGS)
    try:
        for name in parts:
            child = os.open(name, _DIR_FLAGS, dir_fd=fd)
            os.close(fd)
            fd = child
    except BaseException:
        os.close(fd)
        raise
    return fd


def _identity(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def discover(raw_root: Path, limits: IngestLimits) -> tuple[list[SourceFile], list[Rejection]]:
    """Every *.txt / *.md file under raw_root, sorted by source_path; rejections for the rest.

    Symlinks are followed only when they resolve inside raw_root; directories
    behind symlinks are never walked (no loops, no escapes). Each folder is
    opened relative to its parent's descriptor with O_NOFOLLOW and must be the
    folder its parent listed (device, inode): a folder swapped for a link while
    walking is not walked (``changed_during_run``). One scandir() per folder and
    one stat() per file: an incremental run over 100k files starts here.
    """
    root = str(raw_root.resolve())
    found: list[SourceFile] = []
    rejected: list[Rejection] = []
    # (components under root, display prefix with a trailing separator, (dev, ino) its parent listed)
    folders: list[tuple[tuple[str, ...], str, tuple[int, int] | None]] = [((), "", None)]
    while folders:
        parts, prefix, expected = folders.pop()
        label = display_path(prefix.rstrip(os.sep) or ".")
        try:
            fd = _open_dir(root, parts)
        except OSError as exc:
            rejected.append(_folder_rejection(label, exc))
            continue
        try:
            here = _identity(os.fstat(fd))
            if expected is not None and here != expected:
                rejected.append(Rejection(label, None, Stage.INGEST, ReasonCode.CHANGED_DURING_RUN, _FOLDER_SWAPPED))
                continue
            with os.scandir(fd) as listing:
                entries = list(listing)
            where = (root, parts, here, os.path.join(root, *parts, ""))  # the last: the folder's path + separator
            _walk_entries(entries, where, prefix, limits, folders, found, rejected)
        except OSError as exc:
            rejected.append(_folder_rejection(label, exc))
        finally:
            os.close(fd)  # entries of an fd listing stat() through it: only used above
    found.sort(key=lambda f: f.source_path)
    rejected.sort(key=lambda r: r.source_path)
    return found, rejected


_FOLDER_SWAPPED = "folder was replaced (by a symlink, a file or another folder) while the run walked it; not walked"


def _folder_rejection(label: str, exc: OSError) -> Rejection:
    if exc.errno in _SWAPPED_ERRNOS:
        return Rejection(label, None, Stage.INGEST, ReasonCode.CHANGED_DURING_RUN, _FOLDER_SWAPPED)
    return Rejection(label, None, Stage.INGEST, ReasonCode.UNREADABLE, f"cannot list folder: {exc.strerror or exc}")


def _walk_entries(entries, where, prefix, limits, folders, found, rejected) -> None:
    """Sort one folder's entries into sub-folders to walk, candidate files and rejections.

    ``where``: (raw root, the folder's components under it, the folder's (dev, ino), its path + separator).
    """
    parts = where[1]
    for entry in entries:
        if _is_real_dir(entry):
            try:
                identity = _identity(entry.stat(follow_symlinks=False))
            except OSError:
                identity = None  # vanished: opening it reports why
            folders.append(((*parts, entry.name), prefix + entry.name + os.sep, identity))
            continue
        name = entry.name
        if not name.lower().endswith(INPUT_SUFFIXES) or name.startswith("."):
            continue
        outcome = _check_file(entry, where, display_path(prefix + name), limits)
        if isinstance(outcome, Rejection):
            rejected.append(outcome)
        elif outcome is not None:
            found.append(outcome)


def _is_real_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _check_file(
    entry: os.DirEntry, where: tuple[str, tuple[str, ...], tuple[int, int], str], rel: str, limits: IngestLimits
) -> SourceFile | Rejection | None:
    def reject(code: ReasonCode, reason: str) -> Rejection:
        return Rejection(rel, None, Stage.INGEST, code, reason)

    root, parts, folder, folder_path = where
    path = folder_path + entry.name
    real_parts = (*parts, entry.name)
    try:
        if entry.is_symlink():
            if entry.is_dir():
                return None  # a link to a folder is never walked, whatever its name
            target = Path(path).resolve()
            if not target.is_relative_to(root):
                return reject(
                    ReasonCode.SYMLINK_OUTSIDE_ROOT, f"symlink to {target} points outside the raw root; not followed"
                )
            real_parts = target.relative_to(root).parts  # read_source() opens the target, never the link
            folder = None  # the target's folder was not walked here
        info = entry.stat()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop in Path.resolve() before Python 3.13
        return reject(ReasonCode.UNREADABLE, f"cannot stat file: {getattr(exc, 'strerror', None) or exc}")
    if not stat.S_ISREG(info.st_mode):
        return reject(ReasonCode.NOT_REGULAR_FILE, "not a regular file (device, FIFO or socket); not opened")
    if info.st_size > limits.max_file_bytes:
        return reject(
            ReasonCode.TOO_LARGE, f"file is {info.st_size:,} bytes, above the limit of {limits.max_file_bytes:,} bytes"
        )
    return SourceFile(rel, path, info.st_size, file_signature(info), root, real_parts, _identity(info), folder)


_FILE_VANISHED = "file vanished (deleted or renamed) between discovery and reading; not read"
# Bytes read while a writer appends, truncates or rewrites the file are a prefix, or half of one version and half
# of another: published, they were an article that never existed on disk (its end lost without a word).
_FILE_CHANGED_WHILE_READ = (
    "file changed (size or modification time) while it was read; not published this run, the next run reads it whole"
)
_FILE_SWAPPED = "file was replaced (by a symlink, FIFO, folder or another file) between discovery and reading; not read"


def _open_source(source: SourceFile) -> int:
    """A descriptor of the file discover() saw, reached without following any symlink."""
    if not source.parts:  # built by hand (tests, tools): its own path, the last component not followed
        return os.open(source.path, _FILE_FLAGS)
    if source.folder is None:
        dir_fd = _open_dir(source.root, source.parts[:-1])
        try:
            return os.open(source.parts[-1], _FILE_FLAGS, dir_fd=dir_fd)
        finally:
            os.close(dir_fd)
    return os.open(source.parts[-1], _FILE_FLAGS, dir_fd=_folder_fd(source))


# One open folder per thread: a batch's files are sorted by path, so consecutive files
# share their folder, and opening root/a/b/ again for each would be most of the opens.
_FOLDER = threading.local()


def _folder_fd(source: SourceFile) -> int:
    """A descriptor of the folder discover() walked for ``source`` (cached per thread, checked by identity)."""
    key = (os.getpid(), source.root, source.parts[:-1], source.folder)
    cached = getattr(_FOLDER, "entry", None)
    if cached is not None and cached[0] == key:
        return cached[1]
    fd = _open_dir(source.root, source.parts[:-1])
    if _identity(os.fstat(fd)) != source.folder:
        os.close(fd)
        raise OSError(errno.ENOTDIR, "folder replaced since discovery")  # -> changed_during_run
    if cached is not None and cached[0][0] == os.getpid():
        os.close(cached[1])
    _FOLDER.entry = (key, fd)
    return fd


def _not_the_discovered_file(source: SourceFile, info: os.stat_result) -> tuple[str, str] | None:
    """(reason_code, reason) when the open descriptor is not the regular file discover() saw.

    The type is checked with the inode: a number freed by an unlink is often
    handed straight to the FIFO or folder created in its place.
    """
    if source.identity is not None and (_identity(info) != source.identity or not stat.S_ISREG(info.st_mode)):
        return "changed_during_run", _FILE_SWAPPED
    if not stat.S_ISREG(info.st_mode):  # a FIFO opened O_NONBLOCK did not wait for a writer
        return "not_regular_file", "no longer a regular file when read (device, FIFO, socket or folder); not read"
    return None


def read_source(
    source: SourceFile, limits: IngestLimits, parse_limits: ParseLimits | None = None
) -> SourceDocument | Rejection:
    """Read, hash and decode exactly the file discover() saw.

    It is opened without following links (O_NOFOLLOW, relative to folder
    descriptors) and must still be the same regular file (device, inode):
    anything swapped in since, even a link to a file inside the root, is
    quarantined as ``changed_during_run`` and never read.
    """

    def reject(code: ReasonCode, reason: str) -> Rejection:
        return Rejection(source.source_path, None, Stage.INGEST, code, reason)

    try:
        fd = _open_source(source)
    except OSError as exc:
        if exc.errno in _SWAPPED_ERRNOS:
            return reject(ReasonCode.CHANGED_DURING_RUN, _FILE_SWAPPED)
        if exc.errno == errno.ENOENT and source.identity is not None:  # discover() saw it: deleted since
            return reject(ReasonCode.CHANGED_DURING_RUN, _FILE_VANISHED)
        return reject(ReasonCode.UNREADABLE, f"cannot read file: {exc.strerror or exc}")
    try:
        info = os.fstat(fd)
        problem = _not_the_discovered_file(source, info)
        if problem is not None:
            os.close(fd)
            return reject(*problem)
        with open(fd, "rb") as handle:
            os.set_blocking(fd, True)
            data = _read_up_to(handle, info.st_size, limits.max_file_bytes + 1)
            read_at = time.time_ns()
            after = os.fstat(fd)
    except OSError as exc:
        return reject(ReasonCode.UNREADABLE, f"cannot read file: {exc.strerror or exc}")
    if file_signature(info) != file_signature(after):
        return reject(ReasonCode.CHANGED_DURING_RUN, _FILE_CHANGED_WHILE_READ)
    doc_id = hashlib.sha256(data).hexdigest()
    outcome = decode_bytes(source.source_path, doc_id, data, limits, parse_limits)
    if isinstance(outcome, SourceDocument) and len(data) == info.st_size:
        return replace(outcome, signature=trusted_signature(info, read_at))
    return outcome


def _read_up_to(handle, expected: int, limit: int) -> bytes:
    """At most ``limit`` bytes. Asking for the size stat() gave, not the limit, spares a 20 MB
    buffer per file (most of ingest's time); a file that grew since is still read on."""
    data = handle.read(min(expected + 1, limit))
    while len(data) < limit:
        more = handle.read(min(1 << 20, limit - len(data)))
        if not more:
            break
        data += more
    return data


def decode_bytes(
    source_path: str, doc_id: str, data: bytes, limits: IngestLimits, parse_limits: ParseLimits | None = None
) -> SourceDocument | Rejection:
    """The document, or why it is quarantined; ``parse_limits`` (the parse's own) size its cost budget."""

    def reject(code: ReasonCode, reason: str) -> Rejection:
        return Rejection(source_path, doc_id, Stage.INGEST, code, reason)

    if len(data) > limits.max_file_bytes:
        return reject(ReasonCode.TOO_LARGE, f"file is over the limit of {limits.max_file_bytes:,} bytes")
    if not data.strip():
        return reject(ReasonCode.EMPTY, "file is empty" if not data else "file holds only white space")
    for magic, kind in _MAGIC:
        # a printable magic ("BZh", "GIF8", "PAR1", "%PDF-") also starts real text: trust it only with a NUL byte
        if data.startswith(magic) and (not _printable_ascii(magic) or b"\x00" in data):
            return reject(ReasonCode.BINARY, f"binary content: {kind} (magic bytes {magic[:4].hex()})")
    text, encoding = _decode(data)
    if text is None:
        return reject(ReasonCode.UNDECODABLE, "bytes are not valid UTF-8, UTF-16, cp1252 or latin-1 text")
    if "\x00" in text:
        offset = text.index("\x00")
        return reject(ReasonCode.BINARY, f"binary content: NUL character at offset {offset}")
    control = len(_CONTROL.findall(text)) if any(c in text for c in _CONTROL_CHARS) else 0
    if control > _MAX_CONTROL_SHARE * len(text):
        return reject(ReasonCode.BINARY, f"binary content: {control:,} control characters in {len(text):,}")
    if not text.strip():
        return reject(ReasonCode.EMPTY, "file holds only white space")
    longest = max(map(len, _LINE_BREAK.split(text))) if len(text) > limits.max_line_chars else 0
    if longest > limits.max_line_chars:
        return reject(
            ReasonCode.LINE_TOO_LONG, f"a line has {longest:,} characters, above the limit of {limits.max_line_chars:,}"
        )
    over = check_budget(text, limits, parse_limits)  # before markdown-it builds millions of tokens
    if over is not None:
        return reject(over.reason_code, over.reason)
    return SourceDocument(source_path, doc_id, text, encoding, len(data))


def _decode(data: bytes) -> tuple[str | None, str]:
    """UTF-32 with a BOM or UTF-16 without one, UTF-8 (a BOM dropped), then UTF-16 with a BOM,
    then cp1252 for the bytes that are not UTF-8.

    A file that is UTF-8 but for a few stray cp1252 bytes keeps its UTF-8 text ("utf-8+cp1252");
    a file with no valid multi-byte UTF-8 at all is cp1252, its 5 undefined bytes read as latin-1.
    """
    wide = _utf32_or_bomless_utf16(data)
    if wide is not None:
        return wide
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    try:
        return body.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError:
        pass
    if not bom and data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return None, ""
    single = body.decode("cp1252", errors="nato_briefs_cp1252")
    mixed = body.decode("utf-8", errors="nato_briefs_cp1252")
    return (single, "cp1252") if mixed == single else (mixed, "utf-8+cp1252")


def _utf32_or_bomless_utf16(data: bytes) -> tuple[str | None, str] | None:
    """The text of a UTF-32 file (with a BOM or without) or of a UTF-16 file without one; None for anything else.

    All are valid UTF-8 or cp1252 byte for byte (NUL is a character), so without this they
    were quarantined as ``binary`` for their NUL characters: a text file lost, and a misleading reason.
    Without a BOM, UTF-32 is recognised by its always-NUL top byte; UTF-16 only when it cannot be
    anything else: an even length, no NUL in one half of the bytes, and either NULs in at least half
    of the other (mostly Latin text) or the text of another script (``_other_script_utf16``).
    """
    if data.startswith(_UTF32_BOMS):
        try:
            return data.decode("utf-32"), "utf-32"
        except UnicodeDecodeError:
            return None, ""
    if b"\x00" not in data or data.startswith(_UTF16_BOMS):
        return None  # no NUL: not UTF-16; a UTF-16 BOM: read by _decode as it always was
    wide = _bomless_utf32(data)
    if wide is not None or len(data) % 2:
        return wide
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    codec = "utf-16-le" if not even and odd else "utf-16-be" if not odd and even else None
    if codec is None:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if 2 * (odd or even) >= half or _other_script_utf16(text, data, odd or even):
        return text, codec
    return None


def _bomless_utf32(data: bytes) -> tuple[str, str] | None:
    """UTF-32 without a BOM: its top byte (no code point is above U+10FFFF) is NUL in every character."""
    if len(data) % 4 or len(data) < 8:
        return None
    quarter = len(data) // 4
    for codec, top in (("utf-32-le", data[3::4]), ("utf-32-be", data[0::4])):
        if top.count(0) == quarter:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                return None
    return None


# What genuine UTF-16 text of another script (Cyrillic, Greek, Chinese...) shows, where a text in
# another encoding with stray NULs, read two bytes at a time, does not:
# - two NULs or more (its spaces, digits, punctuation) and a line break (a stray NUL pairs with a
#   neighbour: the text's own 0x0A bytes do not become U+000A);
# - characters below U+0100 (the ones holding a NUL) mostly ASCII: a stray NUL pairs with a neighbour,
#   which in UTF-8 of another script is a byte of 0x80 or above;
# - bytes that are not mostly printable ASCII: ASCII text read in pairs turns into CJK-looking letters;
# - assigned, non-control characters only: stray pairs land on unassigned and private-use code points.
_WIDE_MIN_NULS = 2
_WIDE_SAMPLE = 65_536
_WIDE_MAX_ASCII_BYTES = 0.8
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"
_NOT_TEXT = frozenset(("Cn", "Co", "Cs", "Cc"))


def _other_script_utf16(text: str, data: bytes, nuls: int) -> bool:
    if nuls < _WIDE_MIN_NULS or not ("\n" in text or "\r" in text):
        return False
    sample, raw = text[:_WIDE_SAMPLE], data[: 2 * _WIDE_SAMPLE]
    ascii_bytes = len(raw) - len(raw.translate(None, _PRINTABLE_ASCII))
    if ascii_bytes > _WIDE_MAX_ASCII_BYTES * (len(raw) - raw.count(0)):
        return False
    low = [char for char in sample if char < "\u0100"]
    if sum(char >= "\x80" for char in low) * 10 > len(low):
        return False
    odd = sum(1 for char in sample if unicodedata.category(char) in _NOT_TEXT and char not in "\t\n\r\f")
    return odd <= len(sample) // 100
