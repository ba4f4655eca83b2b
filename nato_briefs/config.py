"""Every tunable of the pipeline in one place, with the defaults users get.

A field carrying ``help`` metadata (see :func:`tunable`) is a command-line
option of ``nato-briefs run``: ``nato_briefs/cli.py`` builds its argparse options from
these fields, so the help shows the real defaults and cannot go stale.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterator
from dataclasses import MISSING, Field, dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
HEADER_SYNONYMS_FILE = PACKAGE_DIR / "header_synonyms.yaml"
THEMES_FILE = PACKAGE_DIR / "themes.yaml"
# The reviewed GX suites; a team may point the pipeline at its own copy.
EXPECTATIONS_DIR = Path(os.environ.get("NATO_BRIEFS_EXPECTATIONS_DIR") or PROJECT_DIR / "expectations")

INPUT_SUFFIXES = (".txt", ".md")


def tunable(
    default: Any = MISSING,
    *,
    help: str,
    flag: str | None = None,
    scale: float = 1,
    minimum: float | None = 1,
    default_factory: Callable[[], Any] | Any = MISSING,
) -> Any:
    """A settings field that is also a CLI option.

    ``flag`` overrides the option name (default: ``--field-name``); the option's
    value times ``scale`` is the field's value (``--max-file-mb`` sets bytes);
    ``minimum`` is the smallest accepted option value (``None``: no bound),
    checked before the run starts.
    """
    metadata = {"help": help, "flag": flag, "scale": scale, "minimum": minimum}
    if default_factory is not MISSING:
        return field(default_factory=default_factory, metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class ParseLimits:
    """Structural limits: a document beyond them is quarantined, not parsed forever."""

    max_table_columns: int = 1_000
    max_list_depth: int = 100
    max_title_chars: int = 120
    max_title_words: int = 20


@dataclass(frozen=True)
class IngestLimits:
    max_file_bytes: int = tunable(
        20 * 1024 * 1024, flag="--max-file-mb", scale=1024**2, help="files above this size (MB) are quarantined"
    )
    max_line_chars: int = 1_000_000
    # The per-document budget (nato_briefs/budget.py), checked before parsing: what the
    # parse would build must fit a worker (about 1 kB of heap per table cell).
    max_table_cells: int = 50_000
    max_document_cells: int = 100_000
    max_parse_tokens: int = 500_000
    max_nesting_work: int = 200_000_000  # characters x list/quote depth


@dataclass(frozen=True)
class Settings:
    raw_dir: Path = tunable(  # noqa: RUF009  (tunable() returns a dataclasses.field)
        Path("raw"), flag="--raw", minimum=None, help="folder of *.txt / *.md articles"
    )
    out_dir: str = tunable("outputs", flag="--out", minimum=None, help="output root, local path or fsspec URL")
    batch_size: int | None = tunable(
        None, help="average documents per batch (default: sized from the corpus, a power of two in 128..1024)"
    )
    workers: int = tunable(
        default_factory=lambda: os.cpu_count() or 1, help="parallel batch workers (default: one per core)"
    )
    # At most this many files to read: batches run in the flow's process. Starting a
    # pool costs seconds, about what two cores save on ~5,000 files.
    inline_max_files: int = tunable(
        3_000, minimum=0, help="at most this many files to read: batches run in the flow's process, no pool"
    )
    validation_chunk_docs: int = tunable(
        10_000, help="documents validated per Great Expectations pass (bounds memory on large corpora)"
    )
    dask_address: str | None = tunable(
        None, minimum=None, help="run batches on an existing Dask cluster tcp://HOST:PORT (implies a pool)"
    )
    wait_lock: float = tunable(0.0, minimum=0, help="seconds to wait for another run's lock on OUT")
    # Reused part files are always checked for size and footer row count; True (--verify): their checksums too.
    verify: bool = False
    # A run that would drop more than this share of the published documents refuses to publish.
    max_shrink_share: float = tunable(
        0.5, minimum=0, help="refuse to publish when more than this share of the published documents would go"
    )
    parse: ParseLimits = field(default_factory=ParseLimits)
    ingest: IngestLimits = field(default_factory=IngestLimits)


# --------------------------------------------------------------------------- command-line options


def _tunables(cls: type, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Field, Any]]:
    """(path, field, default) of every field with ``help`` metadata, nested settings included."""
    instance = cls()
    for item in fields(cls):
        value = getattr(instance, item.name)
        if is_dataclass(value):
            yield from _tunables(type(value), (*prefix, item.name))
        elif "help" in item.metadata:
            yield (*prefix, item.name), item, value


def _flag(item: Field) -> str:
    return item.metadata["flag"] or "--" + item.name.replace("_", "-")


def _option_type(item: Field, default: Any) -> type:
    if item.metadata["scale"] != 1:
        return float
    annotation = str(item.type)
    return next((kind for kind in (int, float) if kind.__name__ in annotation.split(" | ")), str)


def add_settings_options(parser: argparse.ArgumentParser, cls: type) -> None:
    """One option per tunable, its help ending in the default users get (``scale`` applied)."""
    for _path, item, default in _tunables(cls):
        shown = default / item.metadata["scale"] if isinstance(default, int | float) else default
        if isinstance(shown, float) and shown.is_integer():
            shown = int(shown)
        text = item.metadata["help"]
        if "default:" not in text:
            text += f" (default: {'not set' if shown is None else shown})"
        flag = _flag(item)
        parser.add_argument(
            flag,
            dest="_".join(_path),
            type=_option_type(item, default),
            default=None,
            metavar=flag.lstrip("-").replace("-", "_").upper(),
            help=text.replace("%", "%%"),
        )


def tunable_values(args: argparse.Namespace, cls: type) -> Iterator[tuple[str, Any, float | None]]:
    """(flag, value given on the command line or None, minimum) per tunable: what preflight checks."""
    for path, item, _default in _tunables(cls):
        yield _flag(item), getattr(args, "_".join(path)), item.metadata["minimum"]


def settings_from_args(args: argparse.Namespace, cls: type) -> Any:
    """The defaults of ``cls``, replaced by every option given (times its ``scale``)."""
    settings = cls()
    for path, item, default in _tunables(cls):
        given = getattr(args, "_".join(path))
        if given is None:
            continue
        value = given * item.metadata["scale"]
        value = type(default)(value) if isinstance(default, int | float | Path) else value
        settings = _replace_path(settings, path, value)
    return settings


def _replace_path(obj: Any, path: tuple[str, ...], value: Any) -> Any:
    if len(path) == 1:
        return replace(obj, **{path[0]: value})
    return replace(obj, **{path[0]: _replace_path(getattr(obj, path[0]), path[1:], value)})
