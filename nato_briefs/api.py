"""The library API: read one article, or a small folder, without Prefect or Great Expectations.

Data scientists exploring an article in a notebook should get exactly the
records a flow run would publish for it (same reader, same normalizer, same
schemas), without starting an API server or loading GX. Validation and the
atomic publish stay the pipeline's job; nothing here writes a file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from nato_briefs.batch import rejections_table
from nato_briefs.config import IngestLimits, ParseLimits
from nato_briefs.ingest import Rejection, SourceDocument, decode_bytes, discover, read_source
from nato_briefs.normalize import BatchNormalizer
from nato_briefs.parse import ListItem, ParsedDocument, ParseLimitError, Section, Table, parse_document
from nato_briefs.schema import DATASETS, sort_rows
from nato_briefs.vocab import Stage


class ArticleError(ValueError):
    """The text is not an article the pipeline would read (binary, empty, over a limit)."""

    def __init__(self, reason_code: str, reason: str) -> None:
        super().__init__(f"{reason_code}: {reason}")
        self.reason_code = reason_code
        self.reason = reason


@dataclass
class Article:
    """One parsed article: its structure as read, and its records as the datasets hold them."""

    source_path: str
    doc_id: str
    parsed: ParsedDocument
    records: dict[str, pa.Table] = field(repr=False)

    @property
    def title(self) -> str | None:
        return self.parsed.title

    @property
    def sections(self) -> list[Section]:
        return self.parsed.sections

    @property
    def tables(self) -> list[Table]:
        return self.parsed.tables

    @property
    def list_items(self) -> list[ListItem]:
        return self.parsed.items

    def rows(self, dataset: str) -> list[dict]:
        """The records of one dataset as plain Python dicts (``article.rows("priorities")``)."""
        return self.records[dataset].to_pylist()


def _source_document(text: str | bytes, source_path: str, limits: IngestLimits) -> SourceDocument:
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    outcome = decode_bytes(source_path, hashlib.sha256(data).hexdigest(), data, limits)
    if isinstance(outcome, Rejection):
        raise ArticleError(outcome.reason_code, outcome.reason)
    return outcome


def _parse(text: str, limits: ParseLimits | None) -> ParsedDocument:
    try:
        return parse_document(text, limits or ParseLimits())
    except ParseLimitError as exc:
        raise ArticleError(exc.reason_code, str(exc)) from exc
    except RecursionError as exc:
        raise ArticleError("nesting_too_deep", "markdown nested too deeply") from exc


def read_article(
    text: str | bytes,
    source_path: str = "<article>",
    *,
    parse_limits: ParseLimits | None = None,
    ingest_limits: IngestLimits | None = None,
) -> Article:
    """Parse one article given as text (or as the file's bytes, decoded as a run would).

    ``doc_id`` is the SHA-256 of the bytes (of the UTF-8 encoding for a ``str``),
    so it equals the published one for a UTF-8 file read with ``read_bytes()``.
    Raises ``ArticleError`` where a run would quarantine the file.
    """
    source = _source_document(text, source_path, ingest_limits or IngestLimits())
    parsed = _parse(source.text, parse_limits)
    normalizer = BatchNormalizer()
    normalizer.add(source, parsed)
    records = {name: sort_rows(name, table) for name, table in normalizer.finish().tables.items()}
    return Article(source.source_path, source.doc_id, parsed, records)


def read_folder(
    path: str | Path,
    *,
    parse_limits: ParseLimits | None = None,
    ingest_limits: IngestLimits | None = None,
) -> dict[str, pa.Table]:
    """Every dataset for the ``*.txt``/``*.md`` files under ``path``, as Arrow tables.

    For a small folder in a notebook: one process, everything in memory, no
    incremental state, no validation. Files a run would quarantine are rows of
    the ``quarantine`` table, with the same reason codes.
    """
    ingest_limits = ingest_limits or IngestLimits()
    files, rejections = discover(Path(path), ingest_limits)
    normalizer = BatchNormalizer()
    for source_file in files:
        outcome = read_source(source_file, ingest_limits)
        if isinstance(outcome, Rejection):
            rejections.append(outcome)
            continue
        try:
            parsed = _parse(outcome.text, parse_limits)
        except ArticleError as exc:
            rejections.append(Rejection(outcome.source_path, outcome.doc_id, Stage.PARSE, exc.reason_code, exc.reason))
            continue
        normalizer.add(outcome, parsed)
    tables = normalizer.finish().tables
    tables["quarantine"] = rejections_table(rejections)
    return {name: sort_rows(name, tables[name]) for name in DATASETS if name in tables}
