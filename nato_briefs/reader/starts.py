"""How a document's lines open, as a set: which whole-document passes can find anything in it.

The segmenter runs a dozen passes over every line before it reads the text, each looking for lines that
open a certain way (``||=`` for Trac's tables, ``h2.`` for wiki headings, ``+++`` for a MyST cell break ...).
Most articles have no such line. One set of every line's first two characters, built once, tells each pass
at a set lookup whether it has anything to read: a Python test per line per pass costs more, and so does a
substring search of the joined text for a start of two or three characters (a C scan of every character).
"""

from __future__ import annotations

from collections.abc import Sequence


class LineStarts:
    """The first two characters of each line (``pairs``) and its first (``leads``; ``""`` for an empty line),
    and the lines joined (``text``, built on first use: a rare character anywhere is one C memchr).

    A snapshot of the lines it was built from: ``describes`` tells whether they still stand as they were (a
    list comparison, item by item identity first), so a pass that rewrote lines cannot leave a stale one.
    """

    __slots__ = ("_text", "leads", "lines", "pairs")

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)
        self.pairs = {line[:2] for line in self.lines}
        self.leads = {pair[:1] for pair in self.pairs}
        self._text: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "\n".join(self.lines)
        return self._text

    def describes(self, lines: list[str]) -> bool:
        return lines == self.lines

    def opens(self, *starts: str) -> bool:
        """Some line may open with one of ``starts``: exactly so for starts of one or two characters, by the
        first two for a longer one (a necessary condition: the pass then reads its lines itself)."""
        return any(start in self.leads if len(start) == 1 else start[:2] in self.pairs for start in starts)
