"""The reader's one error: a document beyond a structural limit (quarantined with the reason code)."""

from __future__ import annotations


class ParseLimitError(ValueError):
    """The document exceeds a configured structural limit (columns, nesting)."""

    def __init__(self, reason_code: str, message: str) -> None:
        super().__init__(message)
        self.reason_code = reason_code
