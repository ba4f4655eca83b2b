"""Tests of the rules in ``nato_briefs/reader/rules/latex.py``: each rule's positive and near-miss cases."""

from __future__ import annotations

from nato_briefs.reader import rules

# Moved from tests/test_reader_rules.py (session 20): the tests of this module's rules.
LATEX = [
    r"\documentclass{article}",
    r"\title{Allies Agree Plan}",
    r"\begin{document}",
    r"\section{Priorities}\label{sec:p}",
    r"Ministers met in Brussels, 50\% of them in person. % a comment",
    r"\begin{itemize}",
    r"  \item \textbf{Data}: share it",
    r"  \begin{enumerate}",
    r"    \item First step",
    r"    \item Second step,",
    r"    continued here",
    r"  \end{enumerate}",
    r"  \item[Radars] link them",
    r"\end{itemize}",
    r"\end{document}",
]


def test_latex_lines_read_one_for_one_as_markdown():
    """LaTeX's sectioning, lists and inline commands as markdown, no line moved (shapes 240, 409)."""
    assert rules.latex_document(LATEX)
    assert rules.latex_lines(LATEX) == [
        "",
        "# Allies Agree Plan",
        "",
        "## Priorities",
        "Ministers met in Brussels, 50% of them in person.",
        "",
        "- **Data**: share it",
        "",
        "  1. First step",
        "  1. Second step,",
        "     continued here",
        "",
        "- **Radars**: link them",
        "",
        "",
    ]


def test_latex_document_needs_two_structure_lines():
    assert not rules.latex_document(["Use \\section{Title} for a heading.", "\\section{Only one}"])
    assert not rules.latex_document(["Price: \\$5", "\\textbf{bold} text"])  # inline commands only
    assert rules.latex_document(["\\section*{A}", "\\subsection*{B}"])
    assert not rules.latex_document(["$$", "\\begin{aligned}", "x &= 1", "\\end{aligned}", "$$"])  # markdown math
    assert not rules.latex_document(["```latex", "\\section{A}", "\\section{B}", "```"])  # a sample in a fence


def test_tabular_rows():
    """A tabular's rows end at \\\\ (one may span lines), rules are no rows, widths must agree."""
    lines = [
        r"\begin{tabular}{|l|l|l|}",
        r"\hline",
        r"\textbf{Area} & Focus & Outcome \\ \hline",
        r"Air & Interceptors &",
        r"  Coverage \\ \hline",
        r"\multicolumn{2}{l}{Cyber} & Detection \\",
        r"\end{tabular}",
    ]
    assert rules.tabular_rows(lines, 0) == (
        [
            (["**Area**", "Focus", "Outcome"], 3),
            (["Air", "Interceptors", "Coverage"], 4),
            (["Cyber", "", "Detection"], 6),
        ],
        6,
    )
    assert rules.tabular_rows(lines[:-1], 0) is None  # never closed
    assert rules.tabular_rows([lines[0], "a & b \\\\", "c & d & e \\\\", lines[-1]], 0) is None  # ragged
