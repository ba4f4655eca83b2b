"""The document model the reader produces: sections, tables, list items (CONTRACT.md's records).

Kept apart from the segmentation and the token walk so that both, and
``nato_briefs.parse`` which re-exports them, import it without a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Section:
    index: int
    heading: str | None
    heading_kind: str | None  # atx | setext | bold | bare
    level: int | None
    text: str
    line: int


@dataclass(slots=True)
class TableRow:
    cells: list[str]
    line: int
    # The row is about the table's other rows, not one of them: it names the rows below ("| **Eastern flank** | | |",
    # ``group_label_row``, ``spanning_group_row``) or sums those above ("| **Total** | | | 1,250 |", ``totals_row``).
    # It stays in table_rows (lossless); priorities leaves it out.
    about_other_rows: bool = False


@dataclass(slots=True)
class Table:
    index: int
    section: str | None
    headers: list[str]
    rows: list[TableRow]
    line: int


@dataclass(slots=True)
class ListItem:
    list_index: int
    item_index: int
    depth: int
    ordered: bool
    text: str
    bold_lead: str | None  # text of a leading **bold** span, if the item starts with one
    checked: bool | None
    section: str | None
    line: int
    parent_list_index: int | None


@dataclass(slots=True)
class ParsedDocument:
    title: str | None = None
    sections: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    items: list[ListItem] = field(default_factory=list)
    n_lists: int = 0
    n_lines: int = 0
    # lines that look like a list item, table row or HTML block but were read as prose
    n_suspect_lines: int = 0
