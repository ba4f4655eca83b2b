"""Articles in the shapes real sources export (pandoc, CMS HTML, wire feeds, Word, CRLF ...).

Each article in ``tests/shapes_corpus`` is read through the public API and compared with
``expected.yaml``, which was labelled by hand from CONTRACT.md, not from the parser: the
title, every heading (so a prose, caption, image or footnote line that became a heading
fails), the priorities rows and the initiative names, and (``prose_has``, where given) phrases
that must stay in a section's prose, so a line read as markup or dropped fails. Known losses are marked xfail with
the reason, strictly, so a fix that makes one pass must remove its mark.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import nato_briefs

CORPUS = Path(__file__).parent / "shapes_corpus"
EXPECTED: dict[str, dict] = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))

# article -> why it still fails (strict: a pass means the mark must go)
KNOWN_LOSSES: dict[str, str] = {  # article -> why it is still read wrong (xfail, strict)
    "52_pandoc_docx_grid_spans.md": "a wrapped sentence-case line (14 words, no wrap width to see) read as a title",
    "121_footnotes_multiline.md": "a footnote reference kept in a table cell (the reader keeps [^n] in all text)",
    # session 8, articles 170-249 read untuned: 52 of 80 wrong (each mark goes when its rule lands)
    "170_rst_field_list.txt": (
        "reST `~~~~` section underline opens a `~~~` code fence: the simple table and the next heading are swallowed"
    ),
    "171_rst_list_table.txt": (
        "reST `.. list-table::` directive (rows as `* -` nested bullets) read as lists, not as a table"
    ),
    "172_rst_csv_table.txt": (
        "reST `.. csv-table::` directive (`:header:` option + quoted CSV rows) not read as a table"
    ),
    "174_rst_table_directive_grid.txt": (
        "grid table indented under `.. table::` not read; `#####` over/underline kept as prose"
    ),
    "175_textile_nested_lists.txt": "Textile `** item` (second level) read as a bold heading instead of a nested item",
    "176_asciidoc_header_blocks.txt": (
        "AsciiDoc `====` example-block delimiter read as a setext underline; `** item` nested level lost"
    ),
    "177_asciidoc_csv_table.txt": (
        "AsciiDoc `format=csv` table body and `. item` ordered items not read (rows became headings)"
    ),
    "178_asciidoc_csv_shorthand.txt": "AsciiDoc `,===` CSV table shorthand not read as a table",
    "183_pdf_running_header.txt": "PDF running header (`NATO Review      June 2026`, a wide gap) read as the title",
    "184_pdf_dash_page_numbers.txt": "PDF page numbers `- 1 -` read as list items",
    "186_pdf_table_continued_rows.txt": (
        "pipe rows with no delimiter row, cut by a page number and form feed, read as headings; later rows lost"
    ),
    "189_email_space_aligned_table.txt": (
        "space-aligned plain-text table (columns by 2+ spaces, no rules) not read; its header read as a heading"
    ),
    "190_slack_emoji_shortcodes.txt": "Slack `:white_check_mark:` emoji-shortcode bullets not list items",
    "191_atom_escaped_html.txt": (
        "entity-escaped HTML (`&lt;h2&gt;`) of a feed entry not unescaped: no title, headings or list"
    ),
    "192_json_escaped_string.txt": "a whole file that is one JSON string literal (`\\n` escapes) not decoded",
    "193_double_cr_line_ends.md": (
        "`\\r\\r\\n` line ends (a twice-converted file) read as blank lines between every line: table broken"
    ),
    "194_ascii_arrow_bullets.txt": "ASCII arrows `->` / `=>` at line start not list bullets",
    "196_plain_checkboxes.txt": "bare `[x]` / `[ ]` checkbox lines (no list marker) not list items; their heading lost",
    "197_upper_paren_letters.txt": "uppercase `A)` enumerators not items; read as headings",
    "199_section_sign_headings.txt": "`§ 1 Scope` section-sign headings read as prose",
    "204_fullwidth_pipes.txt": "full-width pipes `｜` (CJK input) not table cell separators",
    "206_md_table_source_row.md": (
        "markdown table's last row `*Source: ...*` (first cell only) kept as a priorities row"
    ),
    "207_md_table_group_rows.md": "bold group-label rows (`| **Eastern flank** | | |`) kept as priorities rows",
    "208_wrapped_cells_continuation_rows.md": (
        "wrapped cells continued on a row with an empty first cell read as separate rows"
    ),
    "209_rtl_lrm_zero_width.md": "LRM/RLM marks (U+200E/U+200F) kept in headings and cells",
    "210_word_html_mso_lists.md": "Word HTML `MsoListParagraph` paragraphs with a `·` span bullet not list items",
    "211_md_transposed_table.md": "transposed markdown table (roles in the first column) not mapped onto priorities",
    "212_html_grouped_header_rows.md": "HTML two-row header (rowspan/colspan group) not combined: header does not map",
    "216_circled_number_bullets.txt": "circled digits `①②③` not enumerators; read as headings",
    "217_dingbat_arrow_bullets.txt": "`⇒` not a bullet glyph (only `➔` lines read)",
    "218_dash_bullets_no_space.txt": "`-Item` (dash bullet without a space) not list items",
    "219_slack_name_time_stamps.txt": "Slack `Name  10:02 AM` stamps read as the title and headings",
    "220_email_wrapped_table_row.txt": (
        "a pipe row wrapped by e-mail line length (`| Better` / `coverage |`) split into two rows"
    ),
    "223_asciidoc_checklist_labeled.txt": "AsciiDoc labelled list `Term:: text` read as a heading, not items",
    "225_pdf_ligatures_soft_hyphens.txt": "ligatures (`ﬁ`, `ﬂ`) and soft hyphens (U+00AD) kept in text",
    "226_pdf_wingdings_bullets.txt": "Wingdings private-use bullets U+F0A7 / U+F0D8 not bullets",
    "227_header_footnote_marks.md": "headers with footnote marks (`Priority Area¹`, `Key Focus*`, `(2030)`) do not map",
    "228_equals_delimiter_row.txt": (
        "`====|====` delimiter row under a header not read as the delimiter (kept as a body row)"
    ),
    "232_divider_lines.txt": "`• • •` divider read as a list item",
    "233_roman_paren_and_dot_paren.txt": "`1.)` enumerators not items; read as headings",
    "234_unicode_line_separators.txt": "U+2028 / U+2029 line and paragraph separators not line breaks",
    "235_tsv_quoted_multiline_cell.txt": "tab-separated rows with a quoted multi-line cell (Excel copy) not read",
    "236_pasted_csv.txt": "comma-separated rows (pasted CSV) not read as a table; rows became headings",
    "237_pasted_semicolon_csv.txt": "semicolon-separated rows (European Excel CSV) not read; rows became headings",
    "238_fenced_markdown_article.md": "a whole article wrapped in a ```` ```markdown ```` fence read as code",
    "239_multimarkdown_metadata.md": "MultiMarkdown `Title:` metadata block not used for documents.title",
    "240_latex_snippet.txt": "LaTeX `\\section`, `tabular`, `itemize` not read",
    "241_dokuwiki.txt": "DokuWiki `^ H ^` header row not read (headings and lists were)",
    "244_html_br_bullets.md": "`•` bullets split by `<br>` inside one `<p>` not list items",
    "245_rss_cdata_item.md": "RSS `<item><title>` not read as the title",
    "246_pdf_bullet_glyph_own_line.txt": (
        "a bullet glyph alone on its line (pdftotext) does not open the item on the next line"
    ),
    "247_sphinx_pilcrow_headings.txt": "Sphinx permalink `¶` kept at the end of headings",
}


def _params() -> list:
    out = []
    for name in sorted(EXPECTED):
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN_LOSSES[name])] if name in KNOWN_LOSSES else []
        out.append(pytest.param(name, marks=marks, id=name))
    return out


def _read(name: str) -> nato_briefs.Article:
    return nato_briefs.read_article((CORPUS / name).read_bytes(), source_path=name)


def test_every_article_is_labelled():
    on_disk = {p.name for p in CORPUS.iterdir() if p.suffix in (".md", ".txt")}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", _params())
def test_article_reads_as_its_author_meant(name: str):
    want = dict(EXPECTED[name])
    article = _read(name)
    got = {
        "title": article.title,
        "headings": [s.heading for s in article.sections if s.heading is not None],
        "priorities": [[r["area"], r["focus"], r["outcome"]] for r in article.rows("priorities")],
        "initiatives": [r["name"] for r in article.rows("initiatives")],
    }
    phrases = want.pop("prose_has", [])
    assert got == want
    prose = "\n".join(s.text for s in article.sections)
    assert [p for p in phrases if p not in prose] == []
