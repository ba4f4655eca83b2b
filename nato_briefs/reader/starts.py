"""How a document's lines open, as a set: which whole-document passes can find anything in it.

The segmenter runs a dozen passes over every line before it reads the text, each looking for lines that
open a certain way (``||=`` for Trac's tables, ``h2.`` for wiki headings, ``+++`` for a MyST cell break ...).
Most articles have no such line. One set of every line's first two characters, built once, tells each pass
at a set lookup whether it has anything to read: a Python test per line per pass costs more, and so does a
substring search of the joined text for a start of two or three characters (a C scan of every character).
"""

from __future__ import annotations

from collections.abc import Iterable


class LineStarts:
    """The first two characters of each line (``pairs``) and its first (``leads``; ``""`` for an empty line).

    A snapshot: build it again after a pass that rewrote lines (one that only blanks them leaves every
    absent start absent).
    """

    __slots__ = ("leads", "pairs")

    def __init__(self, lines: Iterable[str]) -> None:
        self.pairs = {line[:2] for line in lines}
        self.leads = {pair[:1] for pair in self.pairs}

    def opens(self, *starts: str) -> bool:
        """Some line may open with one of ``starts``: exactly so for starts of one or two characters, by the
        first two for a longer one (a necessary condition: the pass then reads its lines itself)."""
        return any(start in self.leads if len(start) == 1 else start[:2] in self.pairs for start in starts)
