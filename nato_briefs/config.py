"""Every tunable of the pipeline in one place, with the defaults users get."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
HEADER_SYNONYMS_FILE = PACKAGE_DIR / "header_synonyms.yaml"
THEMES_FILE = PACKAGE_DIR / "themes.yaml"
# The reviewed GX suites; a team may point the pipeline at its own copy.
EXPECTATIONS_DIR = Path(os.environ.get("NATO_BRIEFS_EXPECTATIONS_DIR") or PROJECT_DIR / "expectations")

INPUT_SUFFIXES = (".txt", ".md")


@dataclass(frozen=True)
class ParseLimits:
    """Structural limits: a document beyond them is quarantined, not parsed forever."""

    max_table_columns: int = 1_000
    max_list_depth: int = 100
    max_title_chars: int = 120
    max_title_words: int = 20


@dataclass(frozen=True)
class IngestLimits:
    max_file_bytes: int = 20 * 1024 * 1024
    max_line_chars: int = 1_000_000
    # The per-document budget (nato_briefs/budget.py), checked before parsing: what the
    # parse would build must fit a worker (about 1 kB of heap per table cell).
    max_table_cells: int = 50_000
    max_document_cells: int = 100_000
    max_parse_tokens: int = 500_000
    max_nesting_work: int = 200_000_000  # characters x list/quote depth


@dataclass(frozen=True)
class Settings:
    raw_dir: Path = Path("raw")
    out_dir: str = "outputs"
    batch_size: int | None = None  # average documents per batch; None: sized from the corpus
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    validation_chunk_docs: int = 20_000  # documents validated per GX pass: bounds memory on large corpora
    # At most this many files to read: batches run in the flow's process. Starting a
    # pool costs seconds, about what two cores save on ~5,000 files.
    inline_max_files: int = 3_000
    # Reused part files are always checked for size and footer row count; True: their checksums too.
    verify: bool = False
    # A run that would drop more than this share of the published documents refuses to publish.
    max_shrink_share: float = 0.5
    parse: ParseLimits = field(default_factory=ParseLimits)
    ingest: IngestLimits = field(default_factory=IngestLimits)
