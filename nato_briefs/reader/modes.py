"""The constructs the segmentation pass can be inside, one at a time.

Each reads its own lines by its own rules until it ends; outside them (``TEXT``)
a line is read as a block, an item, a title or a table row. One mode at a time is
the invariant: a fence cannot open inside an HTML block's lines, nor a grid table
inside a signature. The data a mode needs (the fence's marker, the grid's rows)
stays on the segmenter, meaningful only while its mode is open.
"""

from __future__ import annotations

from enum import Enum


class Mode(Enum):
    TEXT = "text"  # ordinary lines
    GRID = "grid"  # a pandoc grid table (``grid``: its rows so far)
    SIMPLE = "simple"  # a pandoc simple table (``simple``: its column starts)
    FENCE = "fence"  # fenced code, kept as written (``fence``: its opening marker)
    HTML = "html"  # an HTML block, kept whole (``html_tag``, ``html_depth``)
    SIGNATURE = "signature"  # an e-mail signature below "-- ": prose as written, to a blank line
    COMMENT = "comment"  # an HTML comment over several lines, kept as written to its "-->" (CommonMark's type 2)
    FOOTNOTE = "footnote"  # after a footnote definition ("[^1]: ..."): its paragraphs indented four are its text
