"""LaTeX pasted as an article (a report's source, an Overleaf export): its sectioning commands,
lists and ``tabular`` tables read as the markdown they typeset to.

A document is LaTeX when two or more lines start with its structure commands (``latex_document``).
Its lines are then rewritten one for one (``latex_line``), so no source line moves: ``\\section{X}``
as ``## X``, ``\\item X`` as a markdown item nested by its environments, preamble and
environment lines blank, inline commands as their markdown. A ``tabular`` is read whole by the
segmenter (``tabular_rows``): rows end at ``\\\\``, cells part at ``&``, rules are no rows.
"""

from __future__ import annotations

import re

# A line that gives a LaTeX document its structure (``latex_document``).
# Only the environments of a document's structure count: a markdown article's math block (``\\begin{aligned}``)
# makes no LaTeX source of it.
_STRUCTURE = re.compile(
    r"[ \t]*+\\(?:documentclass|(?:begin|end)\{(?:document|itemize|enumerate|description|tabular|table|abstract)"
    r"|(?:sub){0,2}+section\*?+\{|chapter\*?+\{|title\{|item(?![A-Za-z]))"
)
# Fewest structure lines that make a document LaTeX: one alone may be a snippet quoted in prose.
MIN_LATEX_LINES = 2
# Sectioning commands and the markdown heading level they typeset as.
HEADING_LEVELS = {"title": 1, "part": 1, "chapter": 1, "section": 2, "subsection": 3, "subsubsection": 4}
_HEADING = re.compile(
    r"[ \t]*+\\([a-z]{4,13}+)\*?+\{([^{}\n]{1,300}+)\}[ \t]*+(?:\\label\{[^{}\n]{0,100}+\}[ \t]*+)?+$"
)
_ENV = re.compile(r"[ \t]*+\\(begin|end)\{([A-Za-z*]{1,30}+)\}")
_ITEM = re.compile(r"([ \t]*+)\\item(?![A-Za-z])(?:\[([^\]\n]{0,200}+)\])?+[ \t]*+")
_CAPTION = re.compile(r"[ \t]*+\\caption\{([^{}\n]{1,300}+)\}")
# A line that is one command and its arguments only ("\centering", "\usepackage[x]{booktabs}"): markup.
_COMMAND_LINE = re.compile(r"[ \t]*+\\[A-Za-z]{1,30}+\*?+(?:\[[^\]\n]{0,200}+\]|\{[^{}\n]{0,200}+\})*+[ \t]*+$")
_INLINE = re.compile(r"\\(textbf|textit|emph|texttt|underline|url|mbox)\{([^{}\n]{0,300}+)\}")
_HREF = re.compile(r"\\href\{([^{}\n]{0,300}+)\}\{([^{}\n]{0,300}+)\}")
_ESCAPED = re.compile(r"\\([%&$#_{}])")
_COMMENT = re.compile(r"(?<!\\)%.*+")
_INLINE_MARKS = {"textbf": "**", "textit": "*", "emph": "*", "texttt": "`"}
# Environments whose items are lists, and whether they are ordered.
LIST_ENVIRONMENTS = {"itemize": False, "enumerate": True, "description": False}
# Rules between a tabular's rows: no row of their own.
_RULE = re.compile(
    r"\\(?:hline|toprule|midrule|bottomrule|cline\{[^{}]{0,20}+\}|cmidrule(?:\([a-z]{0,3}+\))?+\{[^{}]{0,20}+\})"
)
_AMPERSAND = re.compile(r"(?<!\\)&")
_MULTICOLUMN = re.compile(r"\\multicolumn\{(\d{1,2}+)\}\{[^{}]{0,20}+\}\{([^{}\n]{0,300}+)\}")


def latex_document(lines: list[str]) -> bool:
    """Two or more lines open LaTeX structure (``\\section{``, ``\\begin{itemize}``, ``\\item`` ...): a LaTeX
    source. Not a markdown article with a fenced code block: LaTeX there is a sample, not the article."""
    found = 0
    for line in lines:
        if "\\" in line and _STRUCTURE.match(line):
            found += 1
        elif line[:3] in ("```", "~~~"):
            return False
    return found >= MIN_LATEX_LINES


def latex_inline(text: str) -> str:
    """A LaTeX text line as markdown: comments dropped, ``\\textbf{x}`` as ``**x**``, escapes and ties as text."""
    if "%" in text:
        text = _COMMENT.sub("", text)
    if "\\" in text:
        text = _HREF.sub(r"[\2](\1)", text)
        text = _INLINE.sub(lambda m: f"{_INLINE_MARKS.get(m[1], '')}{m[2]}{_INLINE_MARKS.get(m[1], '')}", text)
        text = _ESCAPED.sub(r"\1", text)
        text = text.rstrip(" \t")
        if text.endswith("\\\\"):
            text = text[:-2].rstrip(" \t")  # a forced line break
    return text.replace("~", " ").replace("``", "\u201c").replace("''", "\u201d")


def latex_lines(lines: list[str]) -> list[str]:
    """The document's lines as markdown, one for one (``latex_line``); a tabular's left for ``tabular_rows``."""
    lists: list[list] = []  # open list environments: [ordered, marker column, text column of the last item]
    environments: list[str] = []
    return [_latex_line(line, lists, environments) for line in lines]


def _latex_line(line: str, lists: list[list], environments: list[str]) -> str:
    """One line as markdown, the open environments updated (``latex_line``)."""
    if environments[-1:] == ["tabular"]:
        if line.lstrip(" \t").startswith("\\end{tabular"):
            environments.pop()
        return line
    env = _ENV.match(line) if "\\" in line else None
    if env is not None:
        return _environment(line, env, lists, environments)
    item = _ITEM.match(line) if lists else None
    if item is not None:
        entry = lists[-1]
        marker = "1. " if entry[0] else "- "
        entry[2] = entry[1] + len(marker)  # a list opened inside this item nests under its text
        text = latex_inline(line[item.end() :])
        if item[2] is not None:
            text = f"**{latex_inline(item[2])}**: {text}"
        return " " * entry[1] + marker + text
    heading = _HEADING.match(line) if "\\" in line else None
    if heading is not None and heading[1] in HEADING_LEVELS:
        return "#" * HEADING_LEVELS[heading[1]] + " " + latex_inline(heading[2])
    caption = _CAPTION.match(line) if "\\" in line else None
    if caption is not None:
        kind = "Figure" if "figure" in environments else "Table"
        return f"{kind}: {latex_inline(caption[1])}"  # a caption line: prose, never a heading
    if "\\" in line and _COMMAND_LINE.match(line):
        return ""
    text = latex_inline(line)
    if lists and text.strip(" \t"):
        return " " * lists[-1][2] + text.lstrip(" \t")  # an item's text wrapped onto the next line
    return text


def _environment(line: str, env: re.Match[str], lists: list[list], environments: list[str]) -> str:
    """A ``\\begin{..}`` or ``\\end{..}`` line: blank, the environments updated; a tabular's left as written."""
    name = env[2]
    if env[1] == "end":
        if environments:
            environments.pop()
        if name in LIST_ENVIRONMENTS and lists:
            lists.pop()
        return ""
    if name.startswith("tabular"):
        environments.append("tabular")
        return line  # the segmenter reads the table whole from here
    environments.append(name)
    if name in LIST_ENVIRONMENTS:
        column = lists[-1][2] if lists else 0
        lists.append([LIST_ENVIRONMENTS[name], column, column])
    return ""


def tabular_rows(lines: list[str], top: int) -> tuple[list[tuple[list[str], int]], int] | None:
    """The rows of the ``tabular`` opened at ``lines[top]`` (``tabular``) and the index of its ``\\end{tabular}``.

    Rows end at ``\\\\`` (they may span lines), cells part at an unescaped ``&``, rule commands
    are no rows, ``\\multicolumn{n}`` fills n cells. None when it is not closed, or its rows
    differ in width (a layout this reading would get wrong).
    """
    rows: list[tuple[list[str], int]] = []
    pending, start = "", -1
    for j in range(top + 1, len(lines)):
        line = lines[j]
        if "\\begin{tabular" in line:
            return None  # a table opened inside, or this one never closed: each line is scanned once in a run
        if line.strip(" \t").startswith("\\end{tabular"):
            if pending.strip(" \t"):
                rows.append((_cells(pending), start + 1))
            widths = {len(cells) for cells, _ in rows}
            return (rows, j) if len(rows) >= 2 and len(widths) == 1 and widths.pop() >= 2 else None
        text = _RULE.sub("", _COMMENT.sub("", line) if "%" in line else line)
        while text.strip(" \t"):
            if start < 0 or not pending.strip(" \t"):
                start = j
            head, sep, text = text.partition("\\\\")
            pending += " " + head
            if not sep:
                break
            rows.append((_cells(pending), start + 1))
            pending, start = "", -1
    return None


def _cells(row: str) -> list[str]:
    """A tabular row's cells: split at unescaped ``&``, ``\\multicolumn`` spread, inline markup read."""
    row = _MULTICOLUMN.sub(lambda m: m[2] + " &" * (int(m[1]) - 1), row)
    parts = _AMPERSAND.split(row)
    return [latex_inline(part).strip(" \t") for part in parts]
