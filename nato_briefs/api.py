"""The library API: read one article, or a small folder, without Prefect or Great Expectations.

Data scientists exploring an article in a notebook should get exactly the
records a flow run would publish for it (same reader, same normalizer, same
schemas), without starting an API server or loading GX. Validation and the
atomic publish stay the pipeline's job; nothing here writes a file.
"""

from __future__ import annotations

import hashlib
import html
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pyarrow as pa

from nato_briefs.batch import rejections_table
from nato_briefs.config import IngestLimits, ParseLimits
from nato_briefs.ingest import Rejection, SourceDocument, decode_bytes, discover, read_source
from nato_briefs.normalize import BatchNormalizer
from nato_briefs.parse import ListItem, ParsedDocument, ParseLimitError, Section, Table, parse_document
from nato_briefs.schema import DATASETS, sort_rows
from nato_briefs.vocab import ReasonCode, Stage

if TYPE_CHECKING:
    from collections.abc import Callable

    import pandas as pd

_ARTICLE_SUFFIXES = (".md", ".txt")
DtypeBackend = Literal["numpy_nullable", "pyarrow"]


def _types_mapper(dtype_backend: DtypeBackend | None) -> Callable[[pa.DataType], object] | None:
    """The Arrow -> pandas mapping ``pandas.read_parquet(dtype_backend=...)`` applies, built from public dtypes."""
    import pandas as pd

    if dtype_backend is None:
        return None
    if dtype_backend == "pyarrow":
        return pd.ArrowDtype
    if dtype_backend != "numpy_nullable":
        raise ValueError(f"dtype_backend must be 'numpy_nullable', 'pyarrow' or None, not {dtype_backend!r}")
    mapping = {
        pa.int8(): pd.Int8Dtype(),
        pa.int16(): pd.Int16Dtype(),
        pa.int32(): pd.Int32Dtype(),
        pa.int64(): pd.Int64Dtype(),
        pa.bool_(): pd.BooleanDtype(),
        pa.string(): pd.StringDtype(),
        pa.large_string(): pd.StringDtype(),
        pa.float32(): pd.Float32Dtype(),
        pa.float64(): pd.Float64Dtype(),
    }
    return mapping.get


class Datasets(dict[str, pa.Table]):
    """The datasets by name (``documents``, ``priorities``, ...), each an Arrow table in the published schema.

    A plain dict, except that a misspelt name says which names exist: in a notebook,
    ``KeyError: 'priority'`` alone leaves the reader guessing.
    """

    def __missing__(self, name: str) -> pa.Table:
        raise KeyError(f"no dataset {name!r}; the datasets are: {', '.join(self)}")


class ArticleError(ValueError):
    """The text is not an article the pipeline would read (binary, empty, over a limit)."""

    def __init__(self, reason_code: str, reason: str) -> None:
        super().__init__(f"{reason_code}: {reason}")
        self.reason_code = reason_code
        self.reason = reason


@dataclass(repr=False)
class Article:
    """One parsed article: its structure as read, and its records as the datasets hold them.

    ``records`` holds one Arrow table per dataset (the published schemas, sorted as
    published); ``to_pandas(name)`` and ``rows(name)`` give the same records as a
    DataFrame or plain dicts. ``sections``, ``tables`` and ``list_items`` are the parsed
    structure, each element with its source ``line``.
    """

    source_path: str
    doc_id: str
    parsed: ParsedDocument
    records: Datasets = field(default_factory=Datasets)

    def __post_init__(self) -> None:
        if not isinstance(self.records, Datasets):
            self.records = Datasets(self.records)

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

    def counts(self) -> dict[str, int]:
        """Rows per dataset: what this article adds to each published dataset."""
        return {name: table.num_rows for name, table in self.records.items()}

    def rows(self, dataset: str) -> list[dict]:
        """The records of one dataset as plain Python dicts (``article.rows("priorities")``)."""
        return self.records[dataset].to_pylist()

    def to_pandas(self, dataset: str, dtype_backend: DtypeBackend | None = None) -> pd.DataFrame:
        """The records of one dataset as a DataFrame, as ``pandas.read_parquet`` reads the same rows.

        So code written against one article runs unchanged on the published
        datasets. ``dtype_backend`` is ``read_parquet``'s: by default a nullable
        integer column (``sections.level``) is ``int`` when these rows hold no null and
        ``float64`` with NaN when they do, so one article and a whole corpus may
        differ; ``"numpy_nullable"`` (``Int8``, ``boolean``, ``string``) or ``"pyarrow"``
        give the same dtypes whatever the rows. Polars: ``polars.from_arrow(article.records[name])``.
        """
        return self.records[dataset].to_pandas(types_mapper=_types_mapper(dtype_backend))

    def __repr__(self) -> str:
        # The dataclass default printed the whole parsed document (11 kB for a seed article).
        counts = ", ".join(f"{name} {n}" for name, n in self.counts().items() if name != "documents")
        return (
            f"<Article {self.source_path!r} title={self.title!r} doc_id={self.doc_id[:12]}…: "
            f"{len(self.sections)} sections, {len(self.tables)} tables, {len(self.list_items)} list items; "
            f"records: {counts}>"
        )

    def _repr_html_(self) -> str:
        """Jupyter's rendering: title, source and the rows per dataset, as a small table."""
        e = html.escape
        rows = "".join(f"<tr><td><code>{e(n)}</code></td><td>{c}</td></tr>" for n, c in self.counts().items())
        return (
            f"<div><b>{e(self.title or '(no title)')}</b><br><code>{e(self.source_path)}</code> "
            f"· doc_id <code>{e(self.doc_id[:12])}…</code> · {len(self.sections)} sections, "
            f"{len(self.tables)} tables, {len(self.list_items)} list items"
            f"<table><thead><tr><th>dataset</th><th>rows</th></tr></thead><tbody>{rows}</tbody></table>"
            "<small>article.to_pandas(name) · article.rows(name) · article.records[name] (Arrow)</small></div>"
        )


def _looks_like_a_path(text: str) -> bool:
    """A one-line string naming an existing article file: the user meant the file, not that text."""
    one_line = len(text) < 4096 and "\n" not in text
    return one_line and text.strip().lower().endswith(_ARTICLE_SUFFIXES) and os.path.isfile(text.strip())


def _utf8(text: str) -> bytes:
    """The UTF-8 of ``text``; a byte ``os.fsdecode`` or ``errors="surrogateescape"`` kept as U+DC80..U+DCFF is
    that byte again (as in the file it came from). Any other lone surrogate has no bytes: ``undecodable``."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError as exc:
        where = f"U+{ord(exc.object[exc.start]):04X} at offset {exc.start:,}"
        raise ArticleError(
            ReasonCode.UNDECODABLE, f"the text holds a lone surrogate ({where}): no UTF-8 for it"
        ) from None


def _source_document(
    text: str | bytes, source_path: str, limits: IngestLimits, parse_limits: ParseLimits | None
) -> SourceDocument:
    data = text if isinstance(text, bytes) else _utf8(text)
    outcome = decode_bytes(source_path, hashlib.sha256(data).hexdigest(), data, limits, parse_limits)
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
    text: str | bytes | os.PathLike[str],
    source_path: str | None = None,
    *,
    parse_limits: ParseLimits | None = None,
    ingest_limits: IngestLimits | None = None,
) -> Article:
    """Parse one article given as text, as the file's bytes, or as a ``pathlib.Path`` to the file.

    ``doc_id`` is the SHA-256 of the bytes (of the UTF-8 encoding for a ``str``),
    so it equals the published one for a UTF-8 file read with ``read_bytes()`` or
    given as a ``Path``. ``source_path`` defaults to the file's name for a ``Path``,
    else ``"<article>"``; pass the path relative to the raw folder to get the
    published ``source_path``. Raises ``ArticleError`` (with the run's
    ``reason_code``) where a run would quarantine the file.
    """
    if isinstance(text, os.PathLike):
        path = Path(text)
        if not path.is_file():
            raise FileNotFoundError(f"no article file at {str(path)!r}: pass an existing *.md / *.txt file or its text")
        text, source_path = path.read_bytes(), source_path or path.name
    elif isinstance(text, str) and _looks_like_a_path(text):
        raise ValueError(
            f"{text.strip()!r} names a file, and read_article reads the text it is given: pass "
            f"pathlib.Path({text.strip()!r}) to read that file, or its contents"
        )
    source = _source_document(text, source_path or "<article>", ingest_limits or IngestLimits(), parse_limits)
    parsed = _parse(source.text, parse_limits)
    normalizer = BatchNormalizer()
    normalizer.add(source, parsed)
    # every dataset name works: an article that would be quarantined has raised, so its quarantine is empty
    return Article(source.source_path, source.doc_id, parsed, _datasets(normalizer, []))


def read_folder(
    path: str | Path,
    *,
    parse_limits: ParseLimits | None = None,
    ingest_limits: IngestLimits | None = None,
) -> Datasets:
    """Every dataset for the ``*.txt``/``*.md`` files under ``path``, as Arrow tables.

    For a small folder in a notebook: one process, everything in memory, no
    incremental state, no validation. Files a run would quarantine are rows of
    the ``quarantine`` table, with the same reason codes. A missing folder, or a
    file, raises instead: a run's preflight refuses them too, and an empty result
    with one quarantine row would hide the typo.
    """
    folder = Path(path)
    if not folder.exists():
        raise FileNotFoundError(f"no folder at {str(folder)!r}: pass the folder that holds the *.md / *.txt articles")
    if not folder.is_dir():
        raise NotADirectoryError(
            f"{str(folder)!r} is a file: read one article with nato_briefs.read_article(pathlib.Path({str(folder)!r}))"
        )
    ingest_limits = ingest_limits or IngestLimits()
    files, rejections = discover(folder, ingest_limits)
    normalizer = BatchNormalizer()
    first_path: dict[str, str] = {}  # doc_id -> the path kept: a run's stage.finalize_duplicates, in one pass
    for source_file in files:
        outcome = read_source(source_file, ingest_limits, parse_limits)
        if isinstance(outcome, Rejection):
            rejections.append(outcome)
            continue
        try:
            parsed = _parse(outcome.text, parse_limits)
        except ArticleError as exc:
            rejections.append(Rejection(outcome.source_path, outcome.doc_id, Stage.PARSE, exc.reason_code, exc.reason))
            continue
        kept = first_path.setdefault(outcome.doc_id, outcome.source_path)
        if kept != outcome.source_path:
            reason = f"same bytes as {kept}; kept there"
            rejections.append(
                Rejection(outcome.source_path, outcome.doc_id, Stage.INGEST, ReasonCode.DUPLICATE, reason)
            )
            continue
        normalizer.add(outcome, parsed)
    return _datasets(normalizer, rejections)


def _datasets(normalizer: BatchNormalizer, rejections: list[Rejection]) -> Datasets:
    """Every dataset of what ``normalizer`` read, in the published order, with ``rejections`` as the quarantine."""
    tables = normalizer.finish().tables
    tables["quarantine"] = rejections_table(rejections)
    return Datasets((name, sort_rows(name, tables[name])) for name in DATASETS if name in tables)
