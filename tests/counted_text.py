"""A ``str`` that adds up what its ``find`` calls may read: work done in C, which line counts miss.

``tests/test_reader_linear.work`` counts Python lines; a loop that calls ``str.find`` once per
candidate can be linear in lines and still quadratic in the characters ``find`` reads (bench/fuzz.py
found two). Passing a ``CountedText`` where the code takes its text measures that, deterministically.
"""

from __future__ import annotations


class CountedText(str):
    """Text whose ``find`` calls add the characters they may read to ``read`` (from start to the hit's end)."""

    read = 0

    def find(self, sub, start=None, end=None):  # type: ignore[override]
        at = super().find(sub, start, end)
        begin = 0 if start is None else start
        stop = len(self) if end is None else min(end, len(self))
        self.read += stop - begin if at == -1 else at + len(sub) - begin
        return at
