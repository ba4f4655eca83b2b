"""The project's words, each defined once: pipeline stages, reason codes, dataset names.

They are ``StrEnum``s, so a member *is* its string: it compares equal to the
literal, is written to Parquet as the literal and sorts as the literal. A typo
in a member name fails at import time, where a typo in a string literal would
publish a new reason code nobody filters on.

Records rejected by validation carry the failed expectation's type as their
reason code (``expect_column_values_to_not_be_null``, ...): those codes belong
to the suites in ``expectations/`` and to GX, not to this list.
"""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    """Pipeline stage that rejected an input (quarantine.stage)."""

    INGEST = "ingest"
    PARSE = "parse"
    VALIDATE = "validate"


class ReasonCode(StrEnum):
    """Stable machine-readable reason of an ingest or parse rejection (quarantine.reason_code)."""

    # ingest: the file itself
    UNREADABLE = "unreadable"
    SYMLINK_OUTSIDE_ROOT = "symlink_outside_root"
    NOT_REGULAR_FILE = "not_regular_file"
    TOO_LARGE = "too_large"
    EMPTY = "empty"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    LINE_TOO_LONG = "line_too_long"
    CHANGED_DURING_RUN = "changed_during_run"
    DUPLICATE = "duplicate"
    # parse: the markdown inside it
    NESTING_TOO_DEEP = "nesting_too_deep"
    TOO_MANY_COLUMNS = "too_many_columns"
    TOO_MANY_CELLS = "too_many_cells"
    TOO_COSTLY = "too_costly"
    UNSAFE_OUTPUT = "unsafe_output"
    PARSE_ERROR = "parse_error"
    BATCH_FAILED = "batch_failed"


class Dataset(StrEnum):
    """Names of the published datasets (their schemas and groupings live in nato_briefs.schema)."""

    DOCUMENTS = "documents"
    SECTIONS = "sections"
    TABLE_ROWS = "table_rows"
    LIST_ITEMS = "list_items"
    PRIORITIES = "priorities"
    INITIATIVES = "initiatives"
    STATEMENTS = "statements"
    MENTIONS = "mentions"
    QUARANTINE = "quarantine"


class DocumentStatus(StrEnum):
    """documents.validation_status."""

    PASSED = "passed"
    RECORDS_QUARANTINED = "records_quarantined"
