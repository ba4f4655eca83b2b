"""On conventional (blank-line separated) markdown the parser agrees with cmark-gfm.

cmark-gfm is GitHub's own parser (PyPI `cmarkgfm`). Documents are generated
from blocks separated by blank lines; tables, list items and headings found by
both parsers must be identical.
"""

from __future__ import annotations

import os
from html.parser import HTMLParser

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nato_briefs.parse import parse_document
from nato_briefs.reader.rules.exports import repeats_header


class _Collector(HTMLParser):
    """Tables (headers + rows), list items (own text) and headings from cmark-gfm's HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[list[str], list[list[str]]]] = []
        self.items: list[str] = []
        self.headings: list[str] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._in_head = False
        self._item_stack: list[list[str]] = []
        self._item_order: list[int] = []
        self._heading: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append(([], []))
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "li":
            self._item_order.append(len(self.items))
            self.items.append("")
            self._item_stack.append([])
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = []
        elif tag in ("ul", "ol") and self._item_stack:
            self._skip += 1
        elif tag == "br":
            self.handle_data(" ")
        elif tag == "img":
            self.handle_data(dict(attrs).get("alt") or "")
        elif tag == "pre":
            self._skip += 1

    def handle_endtag(self, tag):
        norm = lambda parts: " ".join("".join(parts).split())  # noqa: E731
        if tag == "thead":
            self._in_head = False
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(norm(self._cell))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            headers, rows = self.tables[-1]
            if self._in_head:
                headers.extend(self._row)
            else:
                rows.append(self._row)
            self._row = None
        elif tag == "li":
            self.items[self._item_order.pop()] = norm(self._item_stack.pop())
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self._heading is not None:
            self.headings.append(norm(self._heading))
            self._heading = None
        elif (tag in ("ul", "ol") and self._skip and self._item_stack) or tag == "pre":
            self._skip -= 1

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        elif self._heading is not None:
            self._heading.append(data)
        elif self._item_stack and self._skip <= len(self._item_stack) - 1:
            self._item_stack[-1].append(data)


def cmark(text: str) -> _Collector:
    html = cmarkgfm.markdown_to_html_with_extensions(
        text, options=Options.CMARK_OPT_UNSAFE, extensions=["table", "strikethrough"]
    )
    collector = _Collector()
    collector.feed(html)
    return collector


def ours(text: str):
    doc = parse_document(text)
    tables = [(t.headers, [r.cells for r in t.rows]) for t in doc.tables]
    # cmark lists items in document order of their start; ours are (list_index, item_index)
    items = [i.text for i in sorted(doc.items, key=lambda i: (i.line, i.depth))]
    headings = [s.heading for s in doc.sections if s.heading_kind in ("atx", "setext")]
    return tables, items, headings


_WORD = st.sampled_from(
    [
        "NATO",
        "cyber",
        "defense",
        "allies",
        "**bold**",
        "`code`",
        "[link](http://x.y)",
        "R&amp;D",
        "~~old~~",
        "x \\| y",
        "<br>",
        "exercise",
        "Baltic",
        "readiness",
        "&#8212;",
    ]
)
_PHRASE = st.lists(_WORD, min_size=1, max_size=6).map(" ".join)
_SENTENCE = _PHRASE.map(lambda p: p + ".")


@st.composite
def _table(draw):
    width = draw(st.integers(1, 4))
    headers = draw(st.lists(_PHRASE, min_size=width, max_size=width))
    rows = draw(st.lists(st.lists(_PHRASE, min_size=1, max_size=width + 1), max_size=4))
    # a row repeating the header is a paged export's repeated header by design (``repeated_header``,
    # docs/READING.md): it starts a new table where cmark-gfm reads a row, so it is no conventional markdown
    rows = [row for row in rows if not repeats_header(headers, [*row, *[""] * width][:width])]  # as GFM cuts it
    outer = draw(st.booleans())
    delim = draw(st.sampled_from(["---", ":---", ":---:", "---:"]))

    def line(cells):
        body = " | ".join(c.replace("|", "\\|") if "\\|" not in c else c for c in cells)
        return f"| {body} |" if outer or len(cells) == 1 else body

    return "\n".join([line(headers), line([delim] * width), *(line(r) for r in rows)])


@st.composite
def _list(draw):
    ordered = draw(st.booleans())
    marker = draw(st.sampled_from(["1.", "1)"] if ordered else ["-", "*", "+"]))
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        # items start with a word: an item starting with a raw tag is an HTML block in CommonMark
        lines.append(f"{marker} allies {draw(_PHRASE)}")
        if draw(st.booleans()):
            lines.append(f"{' ' * (len(marker) + 1)}- allies {draw(_PHRASE)}")
    return "\n".join(lines)


_BLOCK = st.one_of(
    st.lists(_SENTENCE, min_size=1, max_size=3).map(" ".join),
    _PHRASE.map(lambda p: "## " + p),
    _table(),
    _list(),
    _table().map(lambda t: "```\n" + t + "\n```"),
)


@pytest.mark.slow  # hundreds of generated documents: seconds; make test and CI run it
@settings(
    max_examples=int(os.environ.get("DIFF_EXAMPLES", "200")),
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(_BLOCK, min_size=1, max_size=6))
def test_conventional_markdown_agrees_with_cmark_gfm(blocks):
    text = "\n\n".join(blocks) + "\n"
    ref = cmark(text)
    tables, items, headings = ours(text)
    assert tables == ref.tables
    assert items == ref.items
    assert headings == [h for h in ref.headings if h]  # an empty heading starts no section


def test_collector_sanity():
    ref = cmark("| a | b |\n|---|---|\n| 1 | 2 |\n\n- x\n  - y\n- z\n")
    assert ref.tables == [(["a", "b"], [["1", "2"]])]
    assert ref.items == ["x", "y", "z"]


def test_a_header_of_markup_only_is_no_headerless_table():
    """``| <br> |`` heads its table as cmark-gfm reads it; only blank header cells (pandoc) yield to the first row."""
    text = "| <br> |\n| --- |\n| NATO |\n| NATO |\n"
    assert ours(text)[0] == cmark(text).tables == [([""], [["NATO"], ["NATO"]])]
    assert ours("|   |   |\n|---|---|\n| A | B |\n| c | d |\n")[0] == [(["A", "B"], [["c", "d"]])]
