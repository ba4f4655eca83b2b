"""A ``str`` that adds up what its ``find`` calls may read: work done in C, which line counts miss.

``tests/test_reader_linear.work`` counts Python lines; a loop that calls ``str.find`` once per
candidate can be linear in lines and still quadratic in the characters ``find`` reads (bench/fuzz.py
found two). Passing a ``CountedText`` where the code takes its text measures that, deterministically.
``CountedList`` does the same for a list: a slice copies every item it holds, in C (session 15 found a
slice per image of a line's inline children).
"""

from __future__ import annotations


class CountedText(str):
    """Text whose ``find`` calls add the characters they may read to ``read`` (from start to the hit's end), as
    its ``count`` calls do (start to end), and whose ``replace`` returns a copy that carries the count on, with
    the whole text read once more."""

    read = 0

    def find(self, sub, start=None, end=None):  # type: ignore[override]
        at = super().find(sub, start, end)
        begin = 0 if start is None else start
        stop = len(self) if end is None else min(end, len(self))
        self.read += stop - begin if at == -1 else at + len(sub) - begin
        return at

    def count(self, sub, start=None, end=None):  # type: ignore[override]
        """Counted too: it reads from start to end (hostile round 3 found a count from 0 per Liquid tag)."""
        begin = 0 if start is None else start
        self.read += max(0, (len(self) if end is None else min(end, len(self))) - begin)
        return super().count(sub, start, end)

    def replace(self, old, new, count=-1):  # type: ignore[override]
        """The copy, counted too: its ``read`` goes on from this text's, plus the whole text a replace reads."""
        out = CountedText(super().replace(old, new, count))
        out.read = self.read + len(self)
        return out


class CountedList(list):
    """A list adding to ``read`` the items its reads touch: one per index, a slice's length, all on iteration."""

    read = 0

    def __getitem__(self, key):  # type: ignore[override]
        found = super().__getitem__(key)
        self.read += len(found) if isinstance(key, slice) else 1
        return found

    def __iter__(self):
        self.read += len(self)
        return super().__iter__()
