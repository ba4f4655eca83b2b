"""The segmentation pass: the blank lines our authors imply, inserted before markdown-it reads the text.

The articles are line-oriented: a title line, a paragraph line, a bullet and a
table row follow each other with no blank line, which strict CommonMark reads
as one lazy paragraph inside the last bullet. ``segment_blocks`` inserts a blank
line wherever a new block starts, rewrites non-markdown items as markdown items
at their depth and remembers which lines are bare or bold title lines, mapping
every line back to its source line.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, partial
from re import Match

from nato_briefs.config import ParseLimits
from nato_briefs.reader.errors import ParseLimitError
from nato_briefs.reader.lines import (
    BLOCK_START,
    FENCE,
    HTML_CONTAINERS,
    HTML_RAW,
    MAX_SENTENCE_CASE_TITLE_WORDS,
    MIN_NAME_BREAK_WORDS,
    ORDERED_START,
    THEMATIC_BREAK,
    caption_stands_alone,
    ends_mid_phrase,
    ends_sentence,
    is_blank,
    is_block_line,
    is_rule_under_sentence,
    is_setext_underline,
    is_whole_line_bold,
    looks_like_title,
    name_runs_over,
    runs_on,
    starts_like_new_sentence,
    wrap_width,
)
from nato_briefs.reader.modes import Mode
from nato_briefs.reader.rules import (
    BULLET_GLYPHS,
    FULLWIDTH_PIPE,
    GLYPH_LEVEL,
    MIN_BARE_PIPE_ROWS,
    MIN_LATEX_LINES,
    SUB_BULLET_GLYPHS,
    Marker,
    admonition_title,
    asciidoc_ordered_item,
    atx_without_space,
    bare_pipe_cells,
    bbcode_to_markdown,
    box_table_line,
    combine_header_rows,
    comment_block_end,
    container_left_open,
    continuation_row,
    csv_delimiter,
    csv_fields,
    custom_element_block,
    dash_continues,
    dash_delimiter,
    dedent,
    definition_start,
    document_tags_block,
    empty_item_after_prose,
    equals_delimiter,
    excel_separator,
    front_matter,
    fullwidth_pipes,
    has_bbcode,
    html_block_tag,
    indentation,
    inline_html_bold,
    is_abbreviation,
    is_asciidoc_block_line,
    is_asciidoc_document,
    is_attribute_line,
    is_block_id_line,
    is_boilerplate,
    is_boxed_row,
    is_button_link,
    is_caption,
    is_chat_stamp,
    is_comment_line,
    is_converter_alert,
    is_delimiter_row,
    is_end_mark,
    is_field_line,
    is_footnote_definition,
    is_indented_paragraph_start,
    is_kicker,
    is_lettered,
    is_link_only,
    is_markup_marker,
    is_mdx_import,
    is_mediawiki_table_open,
    is_note_row,
    is_org_drawer_line,
    is_org_keyword,
    is_org_table_rule,
    is_overline,
    is_page_number,
    is_page_separator,
    is_pasted_org,
    is_prompt_line,
    is_reference_tail,
    is_release_label,
    is_rst_underline,
    is_sign_off,
    is_signature_separator,
    is_snippet_include,
    is_speaker_turn,
    is_table_row,
    is_teleprinter_header,
    is_template_tag_line,
    is_time_stamp,
    is_toc_placeholder,
    jira_macro,
    labelled_entry,
    latex_document,
    latex_lines,
    lead_char,
    leaves_link_open,
    leaves_sentence_open,
    letters_inline,
    lone_bullet,
    markdown_marker_end,
    match_item,
    mediawiki_bold,
    memo_outline_headings,
    memo_section_bodies,
    mend_spaced_bold,
    mend_template_links,
    mismatched_delimiter,
    numbered_headings,
    opens_comment_block,
    opens_mid_sentence,
    org_heading,
    page_break_end,
    paragraph_indent,
    parenthetical_runs_on,
    pipe_cells,
    pipe_page_turn,
    plain_text_heading,
    quoted_header_only,
    quoted_table_end,
    raw_text_blank,
    record_blocks,
    right_aligned_table,
    rst_table_columns,
    shortcode_bullet_item,
    spaced_field_neighbours,
    spaced_pipe_row,
    spaced_rows_end,
    star_level_item,
    starts_letter_item,
    strip_bracketed_spans,
    strip_callout_marker,
    strip_note_marks,
    strip_permalink,
    strip_shortcodes,
    symbol_bullet_item,
    tag_balance,
    tight_dash_item,
    tight_glyph_item,
    tight_mediawiki_item,
    unclosed_raw_element,
    unspaced_wiki_heading,
    unwrap_table_directive,
    wiki_heading,
    wiki_ordered_item,
    wiki_table_header,
    wire_headline_prefix,
    wrapped_row,
    wrapped_span,
    wraps_document,
    wraps_inside_span,
    wraps_with_next,
)
from nato_briefs.reader.rules.authoring import (
    WIKIDOT_MARKS,
    is_logseq_hidden_property,
    is_org_block_marker,
    is_org_cookie_row,
    is_org_planning_line,
    markup_lines,
    may_markup,
    org_title,
    outline_item,
    textile_lines,
    txt2tags_preamble,
    wikidot_lines,
)
from nato_briefs.reader.rules.desk_copies import (
    bylines_reading_time,
    clip_masthead,
    factiva_fields,
    header_block_end,
    name_over_forward,
    name_over_header_block,
    strip_glued_link_targets,
)
from nato_briefs.reader.rules.dialects import (
    MIN_BANG_HEADINGS,
    MIN_INI_SECTIONS,
    bang_heading,
    bang_table_header,
    heading_item,
    heading_item_text,
    ini_section,
    is_asciidoc_attribute_entry,
    is_asciidoc_author_line,
    is_pmwiki_table_attributes,
    jira_brace_marks,
    psql_rule,
)
from nato_briefs.reader.rules.docs_sites import heads_nothing, item_wraps_before_dash, strip_heading_template_call
from nato_briefs.reader.rules.exported_pages import (
    blocks_ending_unbroken,
    br_as_space_break,
    breaks_into_sentence,
    embed_directive,
    ends_in_space_break,
    tight_number_item,
)
from nato_briefs.reader.rules.exports import (
    chat_bold,
    closes_markdown_wrapper,
    confluence_tasks,
    continues_word_list,
    is_chat_bold_document,
    is_section_label,
    is_solid_rule,
    opens_markdown_wrapper,
    outline_heading,
    quoted_message_start,
    ragged_quote_tails,
    strip_empty_anchors,
    strip_heading_suffix,
    trac_header,
    trac_row,
    two_row_header,
    unquote,
)
from nato_briefs.reader.rules.extracted import (
    is_double_spaced,
    is_source_pointer,
    lone_number_lines,
    runs_across_blank,
    spaced_pairs,
    text_over_page_turn,
    wrapped_heading_lines,
)
from nato_briefs.reader.rules.front_matter import FrontMatter, is_kramdown_rfc_section
from nato_briefs.reader.rules.interchange import interchange_lines, may_interchange, namespaced_element_block
from nato_briefs.reader.rules.items import (
    glyph_elements_run,
    is_label_only_item,
    o_bullet_run,
    o_space_bullet,
    o_under_bullet,
    opens_sub_lettering,
    paren_numeral_style,
    symbol_run_resumes,
    tight_marker_item,
    wrapped_symbol_run,
)
from nato_briefs.reader.rules.liquid import (
    HIGHLIGHT_FENCE,
    closes_highlight,
    highlight_fence,
    is_template_tag_run,
    liquid_tag_end,
    mend_padded_template_links,
    strip_liquid_tags,
    strip_mdbook_includes,
)
from nato_briefs.reader.rules.markup import runs_on_into_math
from nato_briefs.reader.rules.notes import closes_open_link, is_figure_line
from nato_briefs.reader.rules.notices import (
    answers_question,
    breaks_before_answer,
    opens_with_duration,
    runs_into_items,
)
from nato_briefs.reader.rules.page_copy import (
    chrome_head_end,
    document_margin,
    indented_item_run,
    is_contents_label,
    is_metadata_field,
    is_metadata_label,
    page_margin,
)
from nato_briefs.reader.rules.page_furniture import blank_page_furniture
from nato_briefs.reader.rules.pipeline_text import (
    MAX_HEADER_CELL_CHARS,
    MAX_PAGE_TURN_LINES,
    MIN_BANNER_RULE,
    cell_line_table,
    is_banner_rule,
)
from nato_briefs.reader.rules.plain_shapes import caps_runs_on, colon_title, half_piped_rows, is_document_number
from nato_briefs.reader.rules.posts import breaks_after_label, opens_html_block
from nato_briefs.reader.rules.sequences import (
    RECORD_BULLETS,
    SEQUENCE_LEADS,
    SEQUENCE_STYLES,
    counts_on,
    flat_outline_levels,
    in_numbered_run,
    may_open_sequence,
    record_lines,
    run_neighbours,
)
from nato_briefs.reader.rules.tables import (
    MIN_SPACED_PIPE_ROWS,
    cut_delimiter_row,
    cut_header_row,
    empty_first_column,
    glued_fence_table,
    is_empty_row,
    is_table_border,
    opens_grid_table,
    pipe_cut_row,
    pipe_run_ends_apart,
    row_count_footer,
    rule_under_body_row,
    short_wrapped_row,
    table_margin,
    unaligned_run,
)
from nato_briefs.reader.rules.titles import (
    content_tab_label,
    dash_underline,
    framed_heading,
    in_line_stack,
    is_numbered_link,
    is_page_turn_furniture,
    starred_heading,
    unclosed_tilde_underline,
)
from nato_briefs.reader.rules.tool_copies import (
    is_comment_row,
    is_emoji_lead_in,
    page_break_continuation,
    rtf_residue_lines,
    stacked_records,
    summary_over_markdown,
    unrtf_banner_end,
    unwrapped_docs_clipboard,
)
from nato_briefs.reader.rules.wiki_exports import (
    bold_runs_on,
    item_runs_onto_tag,
    shortcode_end,
    strip_span_attributes,
    wrapped_bold_line,
)
from nato_briefs.reader.rules.wraps import (
    broken_before_long_word,
    headline_over_wrap,
    is_wrapped_item_line,
    longest_wrapped_line,
    next_word_fits,
    opens_scribe_continuation,
    opens_with_requirement,
    wrapped_title,
    wraps_at_width,
)
from nato_briefs.reader.starts import LineStarts
from nato_briefs.reader.text_tables import (
    MultilineTable,
    TextTables,
    aligned_table,
    csv_table,
    multiline_table_lines,
)
from nato_briefs.vocab import ReasonCode

# Bullet glyphs that, typed onto a word ("•Detection"), open an item in a run of them (``tight_glyph``).
TIGHT_GLYPHS = ("\u2022", "\u25aa", "\u25cf", "\u25e6", "\u30fb")
# What a run of items typed onto their word opens with (``run_item``): a dash, a shortcode's colon, a glyph.
_RUN_LEADS = frozenset(("-", ":", *TIGHT_GLYPHS))
# The modes the per-line tests read, bound once: an enum member looked up on its class goes through the
# metaclass's __getattr__ hook, several times a module global's cost.
_TEXT, _FOOTNOTE = Mode.TEXT, Mode.FOOTNOTE
# How far below a blank line inside an HTML table its closing tag may be for the table to go on (a design
# template's table of paragraph cells runs to a hundred lines; one scan per table, as the mode ends or skips).
MAX_TABLE_GAP_LINES = 400
# Deepest reply-in-a-reply whose quoted message is unquoted as the article (``nested_quoted_message``).
MAX_QUOTE_LEVELS = 4


@dataclass(slots=True)
class Segmented:
    text: str
    line_of: list[int]  # 1-based source line of every segmented line
    bare_titles: frozenset[int]  # segmented line indexes that are bare title lines
    bold_titles: frozenset[int]
    lines: list[str] = field(default_factory=list)  # the segmented lines (text split)
    front_matter_title: str | None = None
    # segmented line indexes of the header rows of tables written from another syntax (grid, simple, aligned ...;
    # not TSV, whose print titles repeat the header: ``tsv_repeated_header``):
    # they are read as written, never split at a row that repeats the header (``repeated_header``)
    converted_tables: frozenset[int] = frozenset()


@dataclass(slots=True)
class _OpenItem:
    """An item of the list being segmented: where its marker was and where its text now starts."""

    indent: int  # visual indentation of the marker in the source
    col: int  # column of the item's text in the emitted line: markdown nests a child there
    verbatim: bool  # emitted as written (markdown, and every parent too)
    glyph: str
    style: str  # what the author's marker looks like: a change of style at one depth starts a new list
    emitted: str  # the markdown marker written for it ("-", "*", "1.", "1)")


def _check_markers_on_line(line: str, marker: Marker, limit: int) -> None:
    """Refuse a line of list markers nested deeper than the limit ("- - - - ... x").

    markdown-it opens one nested list per marker and rescans the line for each:
    quadratic (2,000 markers took 1.2 s before the recursion limit stopped it).
    """
    rest, depth = line[marker.content :], 1
    while rest[:1] in ("-", "+", "*") or rest[:1].isdigit():
        end = markdown_marker_end(rest)
        if end is None:
            return
        rest, depth = rest[end:], depth + 1
        if depth > limit:
            raise ParseLimitError(ReasonCode.NESTING_TOO_DEEP, f"a line holds more than {limit} nested list markers")


def _escape_block_start(text: str) -> str:
    """The text with a backslash before a start that markdown would read as a block, so it stays text."""
    if not (BLOCK_START.match(text) or markdown_marker_end(text) is not None or THEMATIC_BREAK.match(text)):
        return text
    if text[:1] == "<" and not opens_html_block(text):
        return text  # "<b>14 November</b> <br>": inline markup, no HTML block (``item_tag_escape``)
    digits = ORDERED_START.match(text)
    cut = digits.end() if digits else 0
    return f"{text[:cut]}\\{text[cut:]}"


def _marker_style(marker: Marker) -> str:
    """``•``, ``(1)``, ``(a)``, ``a)``, ``i.``, ``1 -``, ``1.`` ...: the marker, its letters and digits generalised."""
    glyph = marker.glyph
    if not marker.ordered:
        return glyph
    if "\u2460" <= glyph[:1] <= "\u2793":
        return "①"  # circled digits: one style, whatever the number
    if glyph[:1] == "(" and glyph[1:2].isdigit():
        return "(1)"
    if glyph[:1] == "(":
        return "(i)" if len(glyph) > 3 else "(a)"
    if glyph[:1].isdigit() or glyph == "#.":  # reST's auto-numbered "#." numbers like "1."
        return "1" + glyph[-1]
    if glyph.endswith(")"):
        return "A)" if glyph[:1].isupper() else "a)"
    if glyph in SEQUENCE_STYLES:
        return glyph  # "I.", "Step", "1-", "1°": the glyph of a numbered run is its style
    return "a." if len(glyph) == 2 and glyph[0] not in "ivx" else "i."


def _markdown_marker(ordered: bool, style: str, sibling: _OpenItem | None) -> str:
    """The markdown marker for a rewritten item: the sibling's when it looks the same, else the other one.

    Markdown starts a new list when the bullet character or the number's
    delimiter changes; an author who switches from ``(1)`` to ``i.`` means that too.
    """
    first, second = ("1.", "1)") if ordered else ("-", "*")
    if sibling is None:
        return first
    if sibling.style == style:
        return sibling.emitted
    return second if sibling.emitted in ("1.", "-", ".") else first


def _same_glyph(found: Marker | None, marker: Marker) -> bool:
    return found is not None and found.glyph == marker.glyph


def _rewritten(line: str) -> str:
    """The line as markdown would read its author's meaning: one pass, each rewrite a named rule.

    A box-drawn table row (``│ a │``, ``├──┼──┤``) is a pandoc grid row drawn with other characters
    (``box_table``), a documentation site's ``¶`` after a heading goes (``permalink``), full-width
    pipes are pipes (``fullwidth_pipes``), Confluence's ``<ac:task-list>`` is a ``<ul>`` (``confluence_tasks``),
    Google Docs' clipboard wrapper goes (``docs_clipboard``).
    """
    if "\u2500" <= line[:1] <= "\u257f":
        line = box_table_line(line)
    if "¶" in line[-3:]:
        line = strip_permalink(line)
    if "<ac:task" in line:
        line = confluence_tasks(line)  # Confluence storage markup's task list as the <ul> it renders
    if line[:1] == "<" and "docs-internal-guid" in line[:160]:
        line = unwrapped_docs_clipboard(line)  # Google Docs' clipboard wrapper: not bold (``docs_clipboard``)
    return fullwidth_pipes(line) if FULLWIDTH_PIPE in line else line


def _rewrites_some(starts: LineStarts) -> bool:
    """``_rewritten`` may change a line of the document (as ``starts`` describes it): its tests, on the whole text;
    a box-drawing character opens the line."""
    text = starts.text
    return (
        "¶" in text
        or FULLWIDTH_PIPE in text
        or "<ac:task" in text
        or ("<" in starts.leads and "docs-internal-guid" in text)
        or any("\u2500" <= lead <= "\u257f" for lead in starts.leads)
    )


def _page_furniture(line: str) -> bool:
    """A page's foot or head line a PDF's text keeps (``page_turn_run_on``): its number, running header or marking,
    or the document's number its header repeats (``PO(2026)0117``)."""
    return is_page_turn_furniture(line) or is_document_number(line.strip(" \t"))


def _is_metadata_field(line: str) -> bool:
    """``Owner: Defence Investment Division``: a field whose value is no sentence (``Q: Will NATO ...?`` is one)."""
    return is_field_line(line) and not ends_sentence(line)


def _glyph_indent(marker: Marker, stack: list[_OpenItem]) -> int:
    """Where a second- or third-level glyph (``◦``, ``o``, ``§``) nests, even written unindented.

    ``◦`` under ``•`` nests; ``§`` under ``o`` nests one deeper; a glyph of a level
    already open is a sibling of that item (``o`` after ``§`` goes back up a level).
    """
    level, indent = GLYPH_LEVEL[marker.glyph], marker.indent
    for item in reversed(stack):
        item_level = GLYPH_LEVEL.get(item.glyph, 0)
        if item_level == level:
            return max(indent, item.indent)  # a sibling of the item at this glyph's level
        if item_level < level:
            return indent if indent > item.indent else item.indent + 1  # nests under it, even unindented
    return indent


class _Segmenter(TextTables):
    """Insert the blank lines our authors imply, mapping every line back to the source.

    Rules (CONTRACT.md): a list ends at the first line that is not a list item or
    a continuation (indented, or starting lowercase); a table ends at the first
    line that is not a table row; a table header may follow a sentence directly;
    a bare title line or a whole-line bold line is a heading of its own; items
    that are not markdown are rewritten as markdown items at their depth; an
    HTML block is kept whole, blank lines inside a container dropped. Fenced
    code and block quotes are left exactly as written.
    """

    def __init__(self, lines: list[str], limits: ParseLimits) -> None:
        lines, source = self.source_passes(lines)
        self.open_reading_state(limits)
        # a PDF's running headers and letterheads, blanked; a pandoc multiline table's lines exempt (``page_furniture``)
        blank_page_furniture(self.lines, self.starts().text, multiline_table_lines)
        self.width = wrap_width(lines)
        if self.width is not None:  # a heading wrapped over two lines, the document's headings wrapping
            wrapped_heading_lines(self.lines, ends_mid_phrase)  # (``wrapped_heading``)
        # a PDF's text layer with a blank line after every line: the blanks inside a sentence read as none
        pairs = spaced_pairs(self.lines) if self.width is not None else []
        self.double_spaced = bool(pairs) and is_double_spaced(self.lines, pairs)
        self.soft_blanks = self.sentence_blanks(pairs) if self.double_spaced else frozenset()
        self.source_lines = lines  # as given, before any pass rewrote them (``fit_width``)
        self.unbroken_end: list[bool] | None = None  # two-space breaks are deliberate (``space_break``), on demand
        self.margin: int | None = None  # a text browser's page margin (``page_margin``), on demand
        # the last ``cell_line_table`` read: its line and the table there, or None (``cell_line_table``)
        self.cell_table: tuple[int, tuple[list[tuple[list[str], int]], int] | None] | None = None
        self.admonition = False  # inside an MkDocs admonition: its lines indented four, read dedented (any mode)
        self.sign_off_gap = False  # a contact block's lead line was just read: one blank line may follow it
        self.wrappers = 0  # open <div markdown="1"> wrappers: their </div> is markup too
        bbcode = self.scan_dialects(lines, source)
        if self.starts().opens("h") and textile_lines(self.lines):  # "h2(#id). Title": Textile with attributes
            self.wiki = True
        if self.starts().opens(*WIKIDOT_MARKS):
            wikidot_lines(self.lines)
        self.find_text_ends(lines)
        if self.starts().opens("sep="):
            self.excel_separator_lines()
        self.dialect_passes(lines, bbcode)

    def source_passes(self, lines: list[str]) -> tuple[list[str], LineStarts]:
        """The source's own passes (``self.lines``: a margin dropped, lines rewritten, markup and interchange lines,
        a converter's banner, a table directive unwrapped, delimiter rows as their authors drew them): the lines
        given without their margin, and how they opened (``LineStarts``)."""
        # The whole-document passes below run only where a line opens as they look for (``self.starts()``: how
        # the lines open as they stand, rebuilt after a pass that changed any); most articles have none.
        margin = document_margin(lines)  # a whole article set four spaces in: its margin (``indented_document``)
        if margin:
            lines = [line[margin:] for line in lines]
        source = LineStarts(lines)
        self.lines = [_rewritten(line) for line in lines] if _rewrites_some(source) else list(lines)
        self._starts = source
        settings = "%!" in [line[:2] for line in lines[1:6]]  # txt2tags: its header area, then settings
        self.preamble = txt2tags_preamble(self.lines) if settings else None
        if may_markup(self.starts()):  # Liquid comments, MDX exports, MyST cell breaks ...: nothing
            markup_lines(self.lines)  # (``rules/authoring``)
        if may_interchange(self.starts()):  # Org's ruled titles, gemtext links, MoinMoin rows ...
            interchange_lines(self.lines)  # (``rules/interchange``)
        lone_number_lines(self.lines)  # a PDF's "10." alone over its item's text: one item (``lone_number``)
        for k in range(unrtf_banner_end(self.lines)):  # the converter's banner: blank lines (``unrtf_banner``)
            self.lines[k] = ""
        if "\\par" in self.starts().text:
            rtf_residue_lines(self.lines)  # "Priorities\\par", "\\bullet\\tab Name\\par": RTF's body as text
        if self.starts().opens(".. table::"):
            k = 0
            while k < len(self.lines):  # ".. table::" over an indented table: the table, unwrapped
                k = unwrap_table_directive(self.lines, k) if self.lines[k][:10] == ".. table::" else k + 1
        if "|" in self.starts().text:
            self.delimiter_rows(self.starts().text)
        return lines, source

    def open_reading_state(self, limits: ParseLimits) -> None:
        """What the line reader keeps as it goes (``step``): the output, its open block, table, list or mode."""
        self.limits = limits
        self.out: list[str] = []
        self.line_of: list[int] = []
        self.bare: set[int] = set()
        self.bold: set[int] = set()
        self.converted: set[int] = set()  # header rows of tables written from another syntax
        self.mode = Mode.TEXT
        self.fence = ""  # the open code fence's marker (``` or ~~~, as long as written)
        self.in_table = False
        self.spaced_end = -1  # the last row of the open pipe table written double-spaced (``blank_between_rows``)
        self.tsv_width: int | None = None  # cells per row of the open tab-separated table
        self.grid = None  # the open pandoc grid table (a text_tables._Grid)
        self.simple: list[int] | None = None  # column starts of the open pandoc simple table
        self.simple_rule = False  # the next line is the simple table's rule, to skip
        self.simple_spaced_end: int | None = None  # its double-spaced rows' last (None: no body line yet)
        self.skip_to = 0  # a pandoc multiline table is written whole at its top border: its lines up to here
        # ``bare_pipe_run``'s last run: start, end, rows, the rows' line numbers, its lines that are no boxed row
        self.bare_run: tuple[int, int, list, list[int], list[int]] | None = None
        self.in_list = False
        self.items: list[_OpenItem] = []
        self.html_tag = ""  # the open HTML block's tag
        self.html_depth = 0
        self.html_next = -1  # index of the next non-blank line, while inside an HTML container
        self.indented_paragraphs = False  # a paragraph opened with an indented first line (``indented_text``)
        self.heading_item_content: int | None = None  # "* #### Term: ..." read as a heading: its item's column
        self.prev = ""  # previous source line (top level)

    def find_text_ends(self, lines: list[str]) -> None:
        """The document's first and last text lines (``first_text``, ``last_text``): a wrapper around the whole
        article blanked, a teleprinter's header lines and a wire's label over the headline passed."""
        first = next((k for k, line in enumerate(lines) if not is_blank(line)), -1)
        last = next((k for k in range(len(lines) - 1, -1, -1) if not is_blank(lines[k])), -1)
        self.first_text, self.last_text = first, last
        if first >= 0 and wraps_document(lines[first], lines[last]):
            second = next((k for k in range(first + 1, len(lines)) if not is_blank(lines[k])), -1)
            if 0 <= second < last:  # three text lines or more
                self.lines[first] = self.lines[last] = ""  # the article inside, not a code sample
                self.first_text = second
                self.last_text = next(k for k in range(last - 1, -1, -1) if not is_blank(lines[k]))
        while 0 <= self.first_text < last and is_teleprinter_header(lines[self.first_text], lines[self.first_text - 1]):
            self.first_text += 1  # a teleprinted story's header lines: the headline is the first text under them
        if self.first_text >= 0 and (bare := wire_headline_prefix(self.lines[self.first_text])) is not None:
            self.lines[self.first_text] = bare  # "UPDATE 1-NATO allies ...": the wire's label, no part of the title

    def excel_separator_lines(self) -> None:
        """Excel's ``sep=;`` line right over the CSV table it names (``excel_separator``): blank, no row, no prose;
        the title over it stands over the table (shapes30, 1085: "Priorities" had joined it as a paragraph).
        The scan goes on under the table it found, so each line is read once."""
        k = 0
        while k + 1 < len(self.lines):
            line = self.lines[k]
            separator = excel_separator(line) if line[:1] == "s" else None
            if separator is not None and csv_delimiter(self.lines[k + 1]) == separator:
                table = csv_table(self.lines, k + 1)
                if table is not None:
                    self.lines[k] = ""
                    k = table.end
            k += 1

    def dialect_passes(self, lines: list[str], bbcode: bool) -> None:
        """The whole-document dialects and pastes, each read where its lines open as it looks for: org-mode,
        AsciiDoc, LaTeX, BBCode, Trac and bang tables, INI sections, quoted messages, chat bold, numbered
        section headings and a page copy's chrome over its headline."""
        # whole-document dialects: org-mode (its first line a "#+TITLE:" keyword), wiki markup ("h2." headings)
        self.org = self.first_text >= 0 and is_org_keyword(lines[self.first_text])
        if not self.org and self.starts().opens("* "):  # or pasted whole, without its keywords (``pasted_org``)
            self.org = is_pasted_org(self.lines, self.first_text)
        first = lines[self.first_text : self.first_text + 1] if self.first_text >= 0 else []
        self.asciidoc = self.asciidoc or is_asciidoc_document(first, 0 if first else -1)
        # a LaTeX source: its commands read as the markdown they typeset to, its tabulars as tables
        self.latex = self.backslash_lines >= MIN_LATEX_LINES and not self.fenced_doc and latex_document(self.lines)
        if self.latex:
            self.lines = latex_lines(self.lines)
        if bbcode:  # a forum post: its BBCode tags read as markdown
            self.lines = [bbcode_to_markdown(line) if "[" in line else line for line in self.lines]
        if self.starts().opens("||="):
            self.trac_tables()
        if self.bang_table:
            self.bang_tables()
        if self.ini_sections >= MIN_INI_SECTIONS:
            self.ini_headings()
        if self.bang_headings >= MIN_BANG_HEADINGS:
            self.bang_heading_lines()
        self.pasted_lines()  # pasted between everyday tools
        self.quoted_from = -1  # the unquoted message opens a block of its own
        for _ in range(MAX_QUOTE_LEVELS):  # a reply quoting a reply: the innermost message (``nested_quoted_message``)
            quoted = quoted_message_start(self.lines)
            if quoted is None:
                break
            self.quoted_from = quoted  # a forwarded article quoted whole under its e-mail header: the article
            self.lines[quoted:] = [unquote(line) for line in self.lines[quoted:]]
        if self.starts().opens("\u2014\u2014", "\u2013\u2013"):
            self.dash_underlines()
        if self.starts().opens("*") and is_chat_bold_document(self.lines):  # Slack / plain-text mail: "*Title*" bold
            self.lines = [(chat_bold(line) or line) if line[:1] == "*" else line for line in self.lines]
        if self.org:  # an org table's "|---+---|" rule is GFM's delimiter row with "+" at the joints
            self.lines = [line.replace("+", "|") if is_org_table_rule(line) else line for line in self.lines]
        # "1. Focused Discussions ..." to "4. Closing Remarks", spread over the document: its numbered section
        # headings, not one-item lists (``numbered_heading``)
        self.numbered = numbered_headings(self.lines) if self.starts().opens("1") else frozenset()
        if (
            self.starts().opens("1", "I") and not self.numbered
        ):  # "1. PRIORITIES" / blank / "   | ... |" (``memo_outline``)
            self.numbered = memo_outline_headings(self.lines)
            if self.numbered:
                self.lines = memo_section_bodies(self.lines, self.numbered)
        # a page copy's chrome lines over its headline (``chrome_head``): none is a title, the headline opens a block
        self.chrome_head = chrome_head_end(self.lines, self.first_text)

    def pasted_lines(self) -> None:
        """Lines pasted between everyday tools, mended in place, each pass only where a line opens as it looks for:
        Jira Cloud's brace marks, a Slack code block's glued fences, a rewrapped quote's tails, a spreadsheet range
        pasted from column B, multilevel numbering pasted flat. The gates read the lines as they stood before the
        first pass. A mail client's link addresses glued to their text go (``glued_link_target``), a Factiva clip's
        field codes are read (``factiva_fields``)."""
        lines, starts = self.lines, self.starts()
        if self.wiki and "{" in starts.text:
            lines[:] = [jira_brace_marks(line) for line in lines]
        if starts.opens("```"):
            glued_fence_table(lines)
        if starts.opens(">"):
            ragged_quote_tails(lines)
        if starts.opens("\t"):
            empty_first_column(lines)
        if starts.opens("1.", "1)"):
            flat_outline_levels(lines)
        if starts.opens("HD\t"):
            factiva_fields(lines)  # a Factiva clip's field codes (``factiva_fields``)
        if "<" in starts.text and ("<http" in starts.text or "<mailto:" in starts.text):
            lines[:] = [strip_glued_link_targets(line) for line in lines]  # "Text<https://...>" (``glued_link_target``)

    def dash_underlines(self) -> None:
        """Rows of em or en dashes under a heading's line, as the ``---`` they were typed as (``dash_underline``)."""
        lines = self.lines
        for i in range(1, len(lines)):
            above_above = lines[i - 2] if i > 1 else ""
            if lines[i][:2] in ("\u2014\u2014", "\u2013\u2013") and dash_underline(lines[i], lines[i - 1], above_above):
                lines[i] = "---"

    @cached_property
    def last_tilde_rule(self) -> int:
        """The index of the document's last line opening with ``~~~`` (-1 if none): a ``~~~`` line below it has no
        fence to close it (``unclosed_tilde_underline``). Computed on first use, one pass."""
        return max((k for k, line in enumerate(self.lines) if line.lstrip(" \t")[:3] == "~~~"), default=-1)

    @cached_property
    def last_highlight_close(self) -> int:
        """The index of the document's last ``{% endhighlight %}`` line (-1 if none): a ``{% highlight %}`` tag below
        it is never closed, which Jekyll refuses, and stays text (``liquid_highlight``). Computed on first use."""
        closing = (k for k, line in enumerate(self.lines) if "endhighlight" in line and closes_highlight(line))
        return max(closing, default=-1)

    @cached_property
    def fit_width(self) -> int | None:
        """The longest line the wrap left (``unforced_break``): ``wrap_width`` (a typical line) may understate it.

        Computed on first use, a pass over the document that only an item's wrapped-looking line needs.
        """
        return longest_wrapped_line(self.source_lines, self.width) if self.width is not None else None

    def starts(self) -> LineStarts:
        """How the lines open as they stand (``LineStarts``): built again when a pass changed a line."""
        if not self._starts.describes(self.lines):
            self._starts = LineStarts(self.lines)
        return self._starts

    def delimiter_rows(self, text: str) -> None:
        """Delimiter rows as their authors drew them, as GFM's (and a header wrapped over two rows joined).

        Each rule reads a pipe row right above, so only lines under a line with a pipe are read; and a rule
        whose character the text (the lines joined) lacks is skipped: none of them writes another's.
        """
        lines = self.lines
        equals, plus, dashes = "=" in text, "+" in text, "—" in text or "–" in text
        for k in range(1, len(lines)):
            if "|" not in lines[k - 1] and (k == 1 or "|" not in lines[k - 2]):
                continue  # no table row above: none of the rules below applies
            line = lines[k]
            if lines[k - 1][:1] == ">" and "-" in line:  # ">Area | Focus" over "---|---" (``quoted_header_only``)
                lines[k - 1] = quoted_header_only(lines[k - 1], line) or lines[k - 1]
            if equals and "=" in line[:4] and is_table_row(lines[k - 1]):  # "====|====" under a pipe header
                lines[k] = equals_delimiter(line) or line
            elif plus and "+" in line and is_org_table_rule(line) and is_table_row(lines[k - 1]):
                lines[k] = line.replace("+", "|")  # "|---+---|" under a pipe header (``rule_joints``)
            elif plus and "+" in line and line.lstrip(" \t")[:1] == "-" and is_table_row(lines[k - 1]):
                lines[k] = psql_rule(line, lines[k - 1]) or line  # psql's "---+---"
            elif dashes and "|" in line and is_table_row(lines[k - 1]):  # "|—|—|": Word's autocorrected dashes
                lines[k] = dash_delimiter(line) or line
            if "-" in lines[k] and "|" in lines[k - 1]:  # "|---|---|" under three header cells
                lines[k] = mismatched_delimiter(lines, k) or lines[k]
            if k > 1 and "-" in lines[k] and is_table_row(lines[k - 2]):
                self.join_header_rows(k)

    def trac_tables(self) -> None:
        """Trac's tables (``||= Area =||`` over ``|| a ||`` rows) as Jira's header and GFM's rows (``trac_table``)."""
        starts = [j for j, line in enumerate(self.lines) if line[:3] == "||="]  # most documents: none
        self.double_pipe_tables(starts, trac_header)

    def bang_tables(self) -> None:
        """TiddlyWiki's ``|!Area |!Focus |`` and PmWiki's ``||!Area ||!Focus ||`` headers as Jira's, PmWiki's
        ``||a ||b ||`` rows as GFM's, its ``||border=1`` line above as nothing (``bang_table``)."""
        starts = [j for j, line in enumerate(self.lines) if line[:2] == "|!" or line[:3] == "||!"]
        self.double_pipe_tables(starts, bang_table_header, is_pmwiki_table_attributes)

    def double_pipe_tables(
        self, starts: list[int], header_of: Callable[[str], str | None], markup: Callable[[str], bool] | None = None
    ) -> None:
        """The headers at ``starts`` in Jira's form (``header_of``), the ``|| a || b ||`` rows under each as GFM's,
        and the line above a header as nothing where it is ``markup`` (PmWiki's table attributes)."""
        lines = self.lines
        k = 0
        for start in starts:
            header = header_of(lines[start]) if start >= k else None
            if header is None:
                continue
            lines[start] = header
            if markup is not None and start and markup(lines[start - 1]):
                lines[start - 1] = ""
            k = start + 1
            while k < len(lines) and (row := trac_row(lines[k])) is not None:
                lines[k] = row
                k += 1

    def ini_headings(self) -> None:
        """``[Priorities]`` lines, each under a blank line and over its section's first line, as bare titles when
        two or more are (``ini_section``); a transcript's ``[Applause]`` stands between blank lines.

        The name alone is left on the line, so the bare-title rule reads it as it reads the document's other
        titles (an ATX heading here would make the bare title above it prose in a markdown document).
        """
        found = [
            (k, name)
            for k, line in enumerate(self.lines)
            if line[:1] == "["
            and (k == 0 or is_blank(self.lines[k - 1]))
            and k + 1 < len(self.lines)
            and not is_blank(self.lines[k + 1])
            and (name := ini_section(line))
        ]
        if len(found) >= MIN_INI_SECTIONS:
            for k, name in found:
                self.lines[k] = name

    def bang_heading_lines(self) -> None:
        """TiddlyWiki / PmWiki ``!! Priorities`` lines as markdown headings (``bang_heading``)."""
        for k, line in enumerate(self.lines):
            found = bang_heading(line) if line[:1] == "!" else None
            if found is not None:
                self.lines[k] = f"{'#' * found[0]} {found[1]}"

    def join_header_rows(self, k: int) -> None:
        """A header wrapped over the two pipe rows above the delimiter row at ``k``, as one row (``two_row_header``).

        The upper row's line is left blank and the joined header stands on the lower row's line, so no
        line moves; GFM would read the upper row as a paragraph and the lower one as the header.
        """
        upper, lower = self.lines[k - 2], self.lines[k - 1]
        if not is_table_row(lower) or is_delimiter_row(lower) or not is_delimiter_row(self.lines[k]):
            return
        if is_delimiter_row(upper):
            return  # a boxed table's top border over its header (``table_border``), not half a header
        if k > 2 and is_table_row(self.lines[k - 3]):
            return  # three or more rows above: not a header wrapped in two
        top, bottom = pipe_cells(upper), pipe_cells(lower)
        if len(pipe_cells(self.lines[k])) != len(top) or not two_row_header(top, bottom):
            return
        self.lines[k - 2] = ""
        self.lines[k - 1] = "| " + " | ".join(combine_header_rows(top, bottom)) + " |"

    def scan_dialects(self, lines: list[str], source: LineStarts) -> bool:
        """The document's whole-document dialects (wiki ``h2.`` headings, MediaWiki, an AsciiDoc ``|===`` table,
        fenced code ...) as flags; True when it is written in BBCode.

        Each is looked for in the source lines, and only when a line opens as it needs (``source``); BBCode in
        the rewritten lines.
        """
        self.wiki = source.opens("h") and any(
            line[:1] == "h" and line[2:3] == "." and wiki_heading(line) for line in lines
        )
        self.mediawiki = source.opens("{|", "==") and any(
            line[:2] in ("{|", "==") and _is_mediawiki_line(line) for line in lines
        )
        self.asciidoc = source.opens("|===") and any(
            line[:4] == "|===" and line.rstrip(" \t") == "|===" for line in lines
        )
        self.bang_table = source.opens("|!") or (source.opens("||!") and any(line[:3] == "||!" for line in lines))
        self.fenced_doc = source.opens("```", "~~~", " ") and any(
            line[:1] in ("`", "~", " ") and line.lstrip(" ")[:3] in ("```", "~~~") for line in lines
        )
        self.ini_sections = self.bang_headings = self.backslash_lines = 0  # "[Priorities]", "!! Priorities" lines
        if source.opens("["):
            self.ini_sections = sum(line[:1] == "[" and ini_section(line) is not None for line in lines)
        if source.opens("!") and not self.mediawiki:  # MediaWiki's "! Area" lines are a table's header cells
            self.bang_headings = sum(line[:1] == "!" and bang_heading(line) is not None for line in lines)
        if source.opens("\\"):  # lines opening with "\\": a LaTeX source is looked for only past two
            self.backslash_lines = sum(line[:1] == "\\" for line in lines)
        text = self.starts().text
        return (
            "[" in text
            and "[/" in text
            and any(
                "[/" in rewritten and not is_blank(line) and has_bbcode(rewritten)
                for line, rewritten in zip(lines, self.lines, strict=True)
            )
        )

    def emit(self, text: str, source_line: int) -> None:
        self.out.append(text)
        self.line_of.append(source_line)

    def blank(self) -> None:
        if self.out and not is_blank(self.out[-1]):
            self.emit("", self.line_of[-1])

    def run(self) -> Segmented:
        lines = self.lines
        meta = front_matter(lines) if self.preamble is None else FrontMatter(*self.preamble)
        start = 0 if meta is None else meta.end + 1
        for i in range(start):  # metadata, not the article: blank lines, so no record holds them
            self.emit("", i + 1)
        if self.soft_blanks:  # a double-spaced text: its blank lines inside a sentence are no lines at all
            kept = [i for i in range(start, len(lines)) if i not in self.soft_blanks]
            for i, j in zip(kept, [*kept[1:], len(lines)], strict=True):
                self.step(i, lines[i], lines[j] if j < len(lines) else "")
        else:
            body = lines[start:]  # empty when the front matter ends on the last line (a file of metadata only)
            for i, (line, nxt) in enumerate(zip(body, [*body[1:], ""] if body else [], strict=True), start):
                self.step(i, line, nxt)
        self.grid_end()
        title = None if meta is None else meta.title
        return Segmented(
            "\n".join(self.out),
            self.line_of,
            frozenset(self.bare),
            frozenset(self.bold),
            self.out,
            title,
            frozenset(self.converted),
        )

    def sentence_blanks(self, pairs: list[int]) -> frozenset[int]:
        """The blank lines of a double-spaced text that fall inside a sentence (``double_spaced``).

        Each line of a PDF's text layer became a paragraph: ``Members thanked the Chief Executive ... and they``
        / blank / ``welcomed the initiatives ...`` read as a bare title over the rest of its sentence. In such a
        text a blank line whose sentence runs across it (``runs_across_blank``, with the wrap tests adjacent
        lines get; ``pairs`` are its ``spaced_pairs``) is read as no line; the others still part paragraphs and
        set titles apart.
        """
        return frozenset(k for k in pairs if runs_across_blank(self.lines[k - 1], self.lines[k + 1], self.wraps_into))

    def wraps_into(self, line: str, below: str) -> bool:
        """``line`` over ``below`` is one wrapped sentence: full-width prose, capitals running on, a joining word."""
        return runs_on(line, below, self.width) or caps_runs_on(line, below) or ends_mid_phrase(line)

    def step(self, i: int, line: str, nxt: str) -> None:
        """Source line ``i`` (``nxt`` the line under it): read in the open mode, or prepared (a header row an
        e-mail client cut joined, an admonition's body and an indented line dedented, a footnote escaped, a
        Liquid highlight read as a fence) and read by its lead character (``dispatch``)."""
        if i < self.skip_to:
            return
        # a header row cut by an e-mail client: its rest does not open with a pipe, or its line does not close with one
        cut = nxt[:1] != "|" or line.rstrip(" \t")[-1:] != "|"
        if line[:1] == "|" and not self.in_table and cut and i + 2 < len(self.lines):
            line, nxt = self.wrapped_header(i, line, nxt)
        if i == self.quoted_from and not is_blank(self.prev):
            self.blank()  # "On ... wrote:" right above the quote: the quote was a block of its own
            self.prev = ""
        elif i and line[:1].isalpha() and header_block_end(self.lines, i):
            self.blank()  # "Subject: ..." right above the quoted article's title: Outlook's header block ends there
            self.prev = ""
        if self.admonition:
            line, nxt = self.admonition_body(line, nxt)
        if self.mode is not _TEXT and self.mode_line(i, line):
            return
        if self.in_list and line[:1] in (" ", "\t") and "::" in line and is_logseq_hidden_property(line):
            return  # a Logseq block's hidden property: outline state, dropped like front matter
        if "#" in line and "#+" in line and self.org_block_marker(i, line):  # a memchr first (see markup_line)
            return
        if line[:1] in ("|", "-", ":", " ") and is_table_border(self.lines, i):  # a boxed pipe table's border
            self.in_table = False
            self.emit("", i + 1)
            self.prev = ""
            return
        if self.opens_text_table(i, line, nxt):
            return
        if self.dialect_markup(i, line, nxt):
            self.emit("", i + 1)
            self.prev = ""
            return
        if self.heading_item_content is not None:
            line = self.under_heading_item(line)
        if (line[:4] == "    " or line[:1] == "\t") and not self.fenced_doc and self.mode is _TEXT:
            line = self.unindented(line, nxt) if not self.in_list else self.indented_after_list(line, nxt)
        lead = lead_char(line)
        if lead == "[" and not line[:1].isspace() and is_footnote_definition(line):
            self.mode = Mode.FOOTNOTE
            # escaped: "[^1]: Estimates." is a link reference definition to markdown-it, which would drop
            # the note and make its references links; a footnote's text is prose (``footnote_refs_inline``)
            line = "\\" + line
        fence = highlight_fence(line) if lead == "{" and "highlight" in line else None
        if fence is not None and i < self.last_highlight_close:
            line, lead = fence, "`"  # "{% highlight text %}" opens a code block (``liquid_highlight``)
        opening = FENCE.match(line) if lead in ("`", "~") else None
        self.dispatch(i, line, nxt, lead, opening)

    def dispatch(self, i: int, line: str, nxt: str, lead: str, opening: Match[str] | None) -> None:
        """Line ``i`` as its lead character ``lead`` opens it (``opening``: its code fence's match): a fence, a
        blank line, a row of an open table, markup read as a blank line, a signature, or a block's line."""
        if (
            opening
            and lead == "~"
            and i
            and (
                is_rst_underline(line, self.lines[i - 1], nxt)
                or (i >= self.last_tilde_rule and unclosed_tilde_underline(line, self.lines[i - 1]))
            )
        ):
            self.emit("", i + 1)  # a title's underline, reST's or unclosed: the title above stands alone
            self.prev = ""
        elif opening:
            self.tsv_width = None
            self.open_fence(i, line, opening.group(1))
        elif ("\t" in line and self.empty_tab_row(i, line, nxt)) or (
            self.in_table
            and not line.strip()
            and (self.page_break_rows(i) or self.page_turn_rows(i) or self.rows_after_blank(i))
        ):
            pass
        elif not line or line.isspace():
            self.in_table = False
            self.tsv_width = None
            # empty for markdown-it too: CommonMark's blank line holds only spaces and tabs, so a line of
            # em or ideographic spaces (copy-paste) would join the title to the paragraph below
            self.emit("", i + 1)
            self.prev = line
        elif ("\t" in line and lead.isdigit() and self.outline_title(i, line, nxt)) or (
            "\t" in line and self.tab_separated(i, line, nxt)
        ):
            pass
        elif lead == "<" and self.markdown_wrapper(line):  # kramdown's <div markdown="1">: read as a blank line
            self.in_table = False
            self.tsv_width = None
            self.emit("", i + 1)
            self.prev = ""
        elif (
            lead in ("=", "-") and line[:MIN_BANNER_RULE] == lead * MIN_BANNER_RULE and is_banner_rule(self.lines, i)
        ) or (
            lead in (":", "{", "%", "#", "-", "–", "—", "^") and self.is_markup_line(line, lead)
        ):  # markup, or an exporter's "====" framing its notes (``banner_rules``): a blank line
            self.in_table = False
            self.emit("", i + 1)
            self.prev = ""
        elif (
            (lead in ("[", "*", ":", "{", "$") and self.markup_only(i, line))
            or (lead in (":", "!", "?", "i", "=") and self.admonition_or_import(i, line))
            or (lead == "{" and self.shortcode_lines(i))  # Hugo's "{{< figure" over its arguments: markup
            or (lead == "%" and self.comment_lines(i))  # Obsidian's "%%" over a hidden note (``percent_comment_block``)
            or (lead == "<" and self.converter_alert(i, line))  # gd2md-html's red alerts (``converter_alert``)
        ):
            pass
        elif lead in ("*", "-", "1") and is_toc_placeholder(line, nxt):  # "* TOC" over "{:toc}": markup
            self.emit("", i + 1)
            self.prev = ""
        elif lead == "-" and not self.in_list and is_signature_separator(line, nxt):
            self.in_table = False
            self.blank()
            self.emit("", i + 1)  # what is above it stays a sign-off, not a setext heading
            self.mode = Mode.SIGNATURE
        elif self.in_table and lead == "<" and is_table_row(nxt) and is_comment_row(line, nxt):
            self.prev = line  # a row commented out between rows: hidden, the table goes on (``comment_row``)
        elif (
            self.in_table
            and is_table_row(line)
            and (
                not is_delimiter_row(nxt)
                or self.org
                or is_table_border(self.lines, i + 1)
                or cut_delimiter_row(line, nxt, self.out[-1] if self.out else "")  # its end below: one rule
                # nxt is a delimiter row here: a rule under data, no new table
                or rule_under_body_row(line, pipe_cells(nxt), self.out[-1] if self.out else "")
            )
        ):
            self.table_row(i, line, nxt)
        else:
            if self.tsv_width is not None:  # the line ends the tab-separated table
                self.tsv_width = None
                self.blank()
                self.prev = ""  # and opens a block, as a line under a pipe table's row does (``tsv_table_end``)
            if self.in_table:
                self.in_table = False
                self.blank()
            self.block(i, line, nxt, lead)

    def org_block_marker(self, i: int, line: str) -> bool:
        """``#+BEGIN_NOTE`` alone (a blank line; in a list, no line at all) or after a bullet (an empty item
        that the block's lines continue): markup, as Logseq writes org blocks (``org_block_marker``)."""
        body = line.lstrip(" \t")
        marker = match_item(line) if body[:2] != "#+" else None
        if marker is not None and is_org_block_marker(line[marker.content :]):
            below = self.lines[i + 1] if i + 1 < len(self.lines) else ""
            if not below.strip():
                return False
            if is_org_block_marker(below):
                return True  # an empty block: no text, no item (its closing fence is dropped below)
            after = self.lines[i + 2] if i + 2 < len(self.lines) else ""
            self.block(i, line[: marker.content] + below.strip(" \t"), after, lead_char(line))
            self.skip_to = i + 2  # the block's first line is the item's text
            return True
        if body[:2] != "#+" or not is_org_block_marker(body):
            return False
        if not self.in_list:
            self.in_table = False
            self.emit("", i + 1)
            self.prev = ""
        return True

    def outline_title(self, i: int, line: str, nxt: str) -> bool:
        """``1<TAB>Background`` standing alone: a heading of Word's outline numbering (``outline_heading``)."""
        if self.in_list or not is_blank(self.prev) or not is_blank(nxt):
            return False
        title = outline_heading(line)
        if title is None or not looks_like_title(title, self.limits):
            return False
        self.bare_title(i, title, nxt)
        return True

    def markdown_wrapper(self, line: str) -> bool:
        """A kramdown ``<div markdown="1">`` line, or the ``</div>`` closing one (``markdown_wrapper``)."""
        if opens_markdown_wrapper(line):
            self.wrappers += 1
            return True
        if self.wrappers and closes_markdown_wrapper(line):
            self.wrappers -= 1
            return True
        return False

    def mode_line(self, i: int, line: str) -> bool:
        """Give the line to the open mode; False when it is not the mode's (the mode may have ended on it)."""
        mode = self.mode
        if mode is Mode.FENCE:
            self.fenced(i, line)
            return True
        if mode is Mode.COMMENT:
            self.keep(i, line)
            if "-->" in line:
                self.mode = Mode.TEXT
            return True
        if mode is Mode.HTML:
            self.html_line(i, line)
            return True
        if mode is Mode.GRID:
            if self.grid_line(i, line):
                return True
            self.grid_end()
            return False
        if mode is Mode.SIMPLE:
            return self.simple_row(i, line)
        if mode is Mode.SIGNATURE:
            return self.signature_line(i, line)
        return self.footnote_line(i, line)

    def opens_text_table(self, i: int, line: str, nxt: str) -> bool:
        """The line opens a plain-text table (pandoc grid, simple or multiline; MediaWiki, AsciiDoc, reST)."""
        if self.in_list and self.mode is Mode.TEXT and not self.in_table and opens_grid_table(line, nxt):
            self.end_list()  # a grid table's border right under an item (``grid_after_list``)
        if not self.at_top_level():
            return self.in_list and "  " in line and self.aligned_after_list(i, line, nxt)  # gated: runs every line
        if line[:1] == "+" and nxt[:1] == "|" and self.grid_start(line, nxt):
            return True
        if nxt[:1] == "+" and "<" in line[:4] and self.pre_table_start(i, line, nxt):
            return True
        if self.dashed_table_start(i, line, nxt):
            return True
        if "  " in line and ("  " in nxt or is_solid_rule(nxt)) and self.aligned_start(i, line):
            return True
        if line[:1] == " " and nxt[:1].isalnum() and self.whole_table(right_aligned_table(self.lines, i)):
            return True  # pandas' DataFrame.to_string(): right-aligned columns beside an index (right_aligned_table)
        if line[:3] == ".. " and self.directive_table_start(i, line):
            return True
        if self.latex and "\\begin{tabular" in line and self.latex_table_start(i, line):
            return True
        if (
            (
                (head := line[table_margin(line) :])[:1].isupper()
                or head[:2] in ("**", "__")
                or line[:2] in RECORD_BULLETS
            )
            and ":" in line
            and ":" in nxt
            and is_blank(self.prev)
            and self.record_start(i)
        ):
            return True
        if (
            not self.prev  # after a blank line or a bare title, as a table opens
            and line[:1].isalpha()
            and len(line) <= MAX_HEADER_CELL_CHARS
            and 0 < len(nxt) <= MAX_HEADER_CELL_CHARS
            and self.cell_lines_start(i)
        ):
            return True
        if (
            ("," in nxt or ";" in nxt)
            and lead_char(line) not in ("", "-", "*", "+", "#", ">", "<")
            and self.csv_start(i, line)
        ):
            return True
        return line[:1] in "{|=:#" and _opens_wiki_table(line) and self.wiki_table_start(i, line)

    def record_start(self, i: int) -> bool:
        """Blocks of ``Label: value`` lines with the same labels (``record_blocks``): a table, read whole."""
        return self.whole_table(record_blocks(self.lines, i) or record_lines(self.lines, i))

    def whole_table(self, found: tuple[list[tuple[list[str], int]], int] | None) -> bool:
        """Write a table a rule read whole (its rows, its last line) as pipe rows and skip its lines; False if none."""
        return found is not None and self.write_whole(MultilineTable(*found))

    def over_cell_lines(self, i: int) -> bool:
        """Line ``i`` stands right over a table written a cell a line (``cell_lines``), which is no line stack."""
        _, below = self.neighbours(i)
        if not below[:1].isalpha() or len(below) > MAX_HEADER_CELL_CHARS:
            return False
        return self.cell_table_at(i + 1) is not None

    def cell_lines_start(self, i: int) -> bool:
        """A table written a cell a line (``cell_lines``: pdftotext without -layout) or a label over each cell
        (``stacked_records``: a responsive table copied from a phone): read whole, as pipe rows."""
        return self.whole_table(self.cell_table_at(i) or stacked_records(self.lines, i))

    def cell_table_at(self, i: int) -> tuple[list[tuple[list[str], int]], int] | None:
        """``cell_line_table`` at line ``i``, read once: the title test over a table (``over_cell_lines``) reads
        it, then the table's first line asks again."""
        if self.cell_table is None or self.cell_table[0] != i:
            self.cell_table = (i, cell_line_table(self.lines, i))
        return self.cell_table[1]

    def footnote_line(self, i: int, line: str) -> bool:
        """A footnote definition's further paragraph, indented four (``footnote_continuation``): prose, not code.

        Markdown without footnotes reads it as an indented code block, and its text would
        leave the article's prose.
        """
        if is_blank(line):
            return False
        if indentation(line)[0] < 4:
            self.mode = Mode.FOOTNOTE if is_footnote_definition(line) else Mode.TEXT
            return False
        if not is_blank(self.prev):
            return False  # the definition's own wrapped line: markdown keeps it in the paragraph
        self.emit(_escape_block_start(line.strip()), i + 1)
        self.prev = line
        return True

    def dialect_markup(self, i: int, line: str, nxt: str) -> bool:
        """An org ``#+KEY:`` line, or an AsciiDoc ``[cols=...]`` line over its ``|===`` table: settings, not text.

        In an AsciiDoc document, its block delimiters and attribute lines too (``asciidoc_block_line``); in an
        org document its planning lines, and a ``#+TITLE:`` no heading repeats is the title (``org_title``).
        """
        if self.org and line[:2] == "#+" and is_org_keyword(line):
            title = org_title(self.lines, i) if line[2:3] in ("T", "t") else None
            if title is not None:
                self.emit(f"# {title}", i + 1)
            return True
        if self.org and line.lstrip(" \t")[:1] in ("S", "D", "C") and is_org_planning_line(line):
            return True
        if self.asciidoc and line[:1] in "[=*_+." and is_asciidoc_block_line(line):
            return True
        if self.asciidoc and line[:1] == ":" and is_asciidoc_attribute_entry(line):
            return True  # ":doctype: article" under the title: a setting, no text (``asciidoc_attribute_entry``)
        return line[:1] == "[" and line.rstrip(" \t")[-1:] == "]" and nxt.strip(" \t") == "|==="

    @staticmethod
    def is_markup_line(line: str, lead: str) -> bool:
        """A line of markup only: a pandoc div fence or attribute list, a template tag, a comment, an end mark."""
        if lead in (":", "{"):
            return (
                is_attribute_line(line)
                or is_template_tag_line(line)
                or is_template_tag_run(line)
                or is_page_separator(line)  # marker's "{1}-----...": a page break (``page_separator``)
            )
        if lead == "%":
            return is_comment_line(line)
        if lead == "^":
            return is_block_id_line(line)  # "^priorities-2026" under a table: Obsidian's block id (``block_id``)
        if lead == "-" and is_snippet_include(line):  # "--8<-- \"path\"": MkDocs' include (``snippet_include``)
            return True
        return is_end_mark(line) or is_page_number(line) or is_kramdown_rfc_section(line)

    def markup_only(self, i: int, line: str) -> bool:
        """A line of markup only (round 5): a contents marker (``[TOC]``), an abbreviation (``*[NCIA]: ...``),
        an org drawer line (``:PROPERTIES:``) or a Jira macro (``{panel:title=Summary}``, whose title stays a
        paragraph). A blank line, as CommonMark reads a link reference definition.
        """
        title: str | None = None
        if is_markup_marker(line) or is_abbreviation(line) or (self.org and is_org_drawer_line(line)):
            title = ""
        elif self.wiki:
            title = jira_macro(line)
        if title is None:
            return False
        self.in_table = False
        if title:
            self.blank()
            self.emit(_escape_block_start(title), i + 1)
        self.emit("", i + 1)
        self.prev = ""
        return True

    def unindented(self, line: str, nxt: str) -> str:
        """Plain text's centred title or first-line-indented paragraph, dedented (``indented_text``); else the line.

        In a document without fenced code, after a blank line: a title-like line indented eight or more
        with a blank line below is centred; a prose line indented up to eight, or by one tab (a wire
        story's, ``tab_indented_text``), over a line at the margin opens its paragraph. CommonMark read both
        as code, and their text left the article. Once a paragraph opened so, the document indents its
        paragraphs' first lines: a one-line paragraph (a blank or another indented line below) opens one too.
        """
        width = paragraph_indent(line)
        if width is None or not is_blank(self.prev):
            return line
        text = line.strip(" \t")
        if width >= 8 and is_blank(nxt) and looks_like_title(text, self.limits):
            return text
        below = nxt[:1].isalpha() or (self.indented_paragraphs and (is_blank(nxt) or nxt[:1] in (" ", "\t")))
        if width <= 8 and below and is_indented_paragraph_start(text):
            self.indented_paragraphs = True
            return text
        return line

    def under_heading_item(self, line: str) -> str:
        """A line under a heading written as a bullet, indented to the bullet's text, dedented; else the line, and
        the heading's lines end (``heading_item_text``)."""
        text = heading_item_text(line, self.heading_item_content or 0)
        if text is None:
            self.heading_item_content = None
            return line
        return text

    def indented_after_list(self, line: str, nxt: str) -> str:
        """A first-line-indented paragraph after a list and a blank line, in a document whose paragraphs open so
        (``indented_text``): the list ends and the paragraph is dedented; else the line, the item's to read.

        CommonMark reads a line indented past the item's marker after a blank line as the item's next
        paragraph; in a wire story whose every paragraph opens with a tab that line opens the paragraph after
        the list, as its author meant.
        """
        if not self.indented_paragraphs:
            return line
        text = self.unindented(line, nxt)
        if text is not line:
            self.end_list()
        return text

    def admonition_or_import(self, i: int, line: str) -> bool:
        """An admonition's opening line (its title, if any, a paragraph of its own) or an MDX import (a blank line)."""
        if is_mdx_import(line):
            self.emit("", i + 1)
            self.prev = ""
            return True
        title = content_tab_label(line) if lead_char(line) == "=" else admonition_title(line)
        if title is None:
            return False
        self.end_list()
        self.in_table = False
        self.blank()
        if title:
            self.emit(_escape_block_start(title), i + 1)
        self.emit("", i + 1)
        self.prev = ""
        self.admonition = lead_char(line) in ("!", "?", "=")  # MkDocs admonitions and content tabs: indented by four
        return True

    def admonition_body(self, line: str, nxt: str) -> tuple[str, str]:
        """An MkDocs admonition's body line, dedented by four; the first unindented text line ends it."""
        if line.strip() and indentation(line)[0] < 4:
            self.admonition = False
            return line, nxt
        return dedent(line, 4), dedent(nxt, 4) if indentation(nxt)[0] >= 4 else nxt

    def signature_line(self, i: int, line: str) -> bool:
        """A line of an e-mail signature: prose as written (no title, item or table), up to a blank line."""
        if not line.strip():
            if self.sign_off_gap:  # "Kind regards," then a blank line, then the name
                self.sign_off_gap = False
                self.emit("", i + 1)
                self.prev = line
                return True
            self.mode = Mode.TEXT
            return False
        self.sign_off_gap = False
        self.emit(_escape_block_start(line.strip()), i + 1)
        self.prev = line
        return True

    # pandoc grid tables -------------------------------------------------------------
    def aligned_after_list(self, i: int, line: str, nxt: str) -> bool:
        """A space-aligned table at the margin after a list and a blank line ends the list (``aligned_after_list``).

        CommonMark ends a list at an unindented line after a blank one, so the table opens at the top level,
        as a pasted spreadsheet's does (``tsv_start``); an indented line may still continue the last item.
        Called on a list's lines holding two spaces only (``opens_text_table`` checks, as it runs on every line).
        """
        if self.in_table or self.mode is not _TEXT or not is_blank(self.prev):
            return False
        if line[:1] in (" ", "\t") or "  " not in nxt:
            return False
        table = aligned_table(self.lines, i)
        if table is None:
            return False
        self.end_list()
        return self.write_whole(table)

    def at_top_level(self) -> bool:
        """Outside any mode but a footnote's, lists and tables: where a plain-text table can start."""
        return (self.mode is _TEXT or self.mode is _FOOTNOTE) and not self.in_list and not self.in_table

    def keep(self, i: int, line: str) -> None:
        self.out.append(line)
        self.line_of.append(i + 1)
        self.prev = line

    def block(self, i: int, line: str, nxt: str, lead: str) -> None:
        """A line outside any mode: markup of another dialect, a list item, a table, a title or prose."""
        if i in self.numbered and self.heading(i, (2, line.strip(" \t")), line.split(None, 1)[1]):
            return  # "1. Background": a heading keeping its number, when the text after the number is a title
        if lead == "<":
            bare = strip_empty_anchors(line)  # "<a id="_Toc1"></a>__Priorities__": the title behind the anchor
            if bare is not line:
                line, lead = bare, lead_char(bare)
        if line[-1:] == "]" or line.rstrip(" \t")[-1:] == "]":
            line = strip_heading_suffix(line)  # "Priorities[edit]": the heading without the wiki's edit link
        mended = self.markup_line(i, line, nxt, lead)
        if mended is None:
            return
        marker, line = self.item_marker(i, mended, lead)
        starts_table = is_table_row(line) and is_delimiter_row(nxt) and is_table_row(nxt + line) and lead != ">"
        if self.in_list and marker is None and (starts_table or not self.continues_item(line, lead)):
            if line[:1] in (" ", "\t") and not starts_table:
                line = line.lstrip(" \t")  # at the list's margin (``item_margin``): markdown must not nest it
            self.end_list()
            self.blank()
            self.prev = ""  # the list ended: this line starts a block, whatever its wrapped last item said
        if marker is not None:
            self.list_item(i, line, marker)
        elif self.in_list:
            # "2035. National ..." at the margin: markdown-it lets any number interrupt an item's paragraph there
            # (``number_wrap``); indented, the item's paragraph goes on, as CommonMark reads it
            self.continuation(i, _escape_block_start(line) if line[:1].isdigit() else line)
        elif starts_table:  # a table ends a list even when indented: markdown-it nests it by its indentation
            self.blank()
            self.in_table = True
            self.keep(i, line)
        elif lead == "[" and is_chat_stamp(line):
            self.stamp(i, line)
        elif i < self.first_text:
            self.stamp(i, line)  # "ZCZC" / "ANS0423 3 EST 0 ZCZ" over the headline (``teleprinter_header``)
        elif (lead.isdigit() or lead in "UuPpFf") and self.opens_block() and is_time_stamp(line):
            self.stamp(i, line)  # "14:40" over a live blog's entry: the entry's text starts below it
        elif lead in ("*", "_") and self.is_bold_title(line, nxt):
            self.bold_title(i, line, nxt)
        elif lead in ("*", "_") and self.wrapped_bold_title(i, line, nxt):
            pass
        elif line.rstrip(" \t")[-1:] in (",", ":") and is_sign_off(line) and self.contact_follows(i):
            self.keep(i, line)  # the contact's lines below: prose as written, up to a blank line
            self.mode = Mode.SIGNATURE
            self.sign_off_gap = True
        elif self.wrapped_title(i, line, nxt):
            pass
        elif self.is_bare_title(i, line, nxt):
            self.bare_title(i, line, nxt)
        else:
            if self.is_setext_after_sentence(line, nxt):
                self.blank()  # the heading is the underlined line alone, not the prose above it
            self.keep(i, line)
            if is_rule_under_sentence(line, nxt, self.limits) or (self.double_spaced and is_setext_underline(nxt)):
                self.emit("", i + 1)  # the "---" below is a rule (a converter's page break): the sentence stays prose
            elif caption_stands_alone(line, nxt, self.width):
                self.emit("", i + 1)  # "Source: NSPA" over a new sentence: a paragraph of its own

    def markup_line(self, i: int, line: str, nxt: str, lead: str) -> str | None:
        """Another dialect's markup on the line read as its markdown: None when the line was written whole.

        Headings, tables and definitions of other dialects, an HTML block's start and a reST
        overline are written here; inline markup (org items, MediaWiki and Google Docs bold,
        pandoc spans, callout markers) is rewritten and the line returned.
        """
        if line[-1:] in (">", " ") and lead != "<" and (broken := br_as_space_break(line, nxt)) is not None:
            line = self.lines[i] = broken  # "**CVE**<br>" over "CVE-2018-14737": a hard break (``br_break``)
        if lead in ("h", "=") and not opens_with_duration(line) and self.wiki_heading(i, line):
            return None  # "== 15m: Venue" is an agenda's time allowance, no heading (``duration_lead``)
        if lead == "-" and line[-1:] == "-" and (found := framed_heading(line)) and self.heading(i, found):
            return None  # "--- Priorities ---": a heading (``framed_heading``)
        if lead == "*" and line[-1:] == "*" and (found := starred_heading(line)) and self.heading(i, found):
            return None  # "*** PRIORITIES ***": a newsletter's section heading (``starred_heading``)
        if lead == "@" and self.embed(i):
            return None
        if lead == "#" and line[:1] == "#":
            tight = atx_without_space(line)  # "##Priorities": the heading its author meant
            if tight is not None and looks_like_title(tight.lstrip("#").strip(), self.limits):
                line = tight
        # a two-character substring test scans the whole line in Python's C loop, several times a memchr:
        # the rare first character is looked for first
        if "[" in line and "[/" in line:
            line = strip_shortcodes(line)  # WordPress: "[caption ...]text[/caption]" is its text
        if self.org and line[:1] == "*" and self.org_heading(i, line):
            return None
        if self.org and " :: " in line and lead in "-+":
            line = line.replace(" :: ", ": ", 1)  # org's description item "- Term :: text" is "Term: text"
        if self.org and lead in "-+" and "[-] " in line[:12]:
            line = line.replace("[-] ", "[ ] ", 1)  # org's half-done checkbox: a task marker (``org_checkbox``)
        if self.mediawiki and lead in ("*", "#") and (tight := tight_mediawiki_item(line)) is not None:
            line = tight  # "*Name: detail": MediaWiki's item typed without a blank (``tight_mediawiki_item``)
        if self.mediawiki and "''" in line:
            line = mediawiki_bold(line)  # MediaWiki's bold and italic (three and two apostrophes)
        if lead and lead in "|^" and not self.in_table and is_table_row(nxt) and self.wiki_table_header(i, line):
            return None
        if "|" in line and self.at_top_level() and not is_table_row(self.prev) and self.bare_pipe_table(i, line, nxt):
            return None
        if lead in "=-~*#+^" and is_overline(line, nxt, self.lines[i + 2] if i + 2 < len(self.lines) else ""):
            self.blank()  # a reST title's overline: the title below keeps its underline alone
            self.prev = ""
            return None
        if lead == "*" and line[:2] == "**" and self.in_list and i:
            marker = star_level_item(line, self.lines[i - 1])  # Textile/AsciiDoc "** item" under "* item"
            if marker is not None:
                self.list_item(i, line, marker)
                return None
        if "*" in line and "**" in line:
            line = mend_spaced_bold(line)  # Google Docs: "**Key measures: **"
            if lead == "*" and self.plain_text_heading(i, line):
                return None
        if "{" in line:  # none of these rewrites adds a brace
            rewritten = self.brace_markup(i, line)
            if rewritten is None:
                return None
            line = rewritten
        if "==" in line or " ^" in line:
            line = strip_note_marks(line)  # Obsidian: "==highlight==", a closing " ^intro" (``highlight_marks``)
        if lead == "#" and "{{" in line:
            line = strip_heading_template_call(line)  # MkDocs-macros: "## Overview {{ osib_anchor(...) }}"
        if lead == ">":
            end = quoted_table_end(self.lines, i) if i and "|" in self.lines[i - 1] else None
            if end is not None:
                self.emit(end, i + 1)  # the quote's empty line: the quoted table ends above (``quoted_table_end``)
            line = strip_callout_marker(line)  # "> [!NOTE]": the alert's type is markup, not text
        elif lead in (":", "~") and not self.in_list and self.definition(i, line):
            return None
        if lead == "<" and self.html_block_start(i, line, nxt):
            return None
        return line

    def brace_markup(self, i: int, line: str) -> str | None:
        """A line holding a brace with mdBook includes, Liquid tags, pandoc spans, template links or span
        attributes, read as its text (the tags, attributes and calls dropped); None when only an include or a Liquid
        tag stood on it (a blank line)."""
        if "{{#" in line or "{%" in line:
            if "{{#" in line:
                line = strip_mdbook_includes(line)  # "{{#include x.md:1}} Text" (``mdbook_include``)
            if "{%" in line:
                line = strip_liquid_tags(line)  # "... step. {% assign t=\"1:27\" %}" (``inline_liquid_tag``)
            if not line.strip(" \t"):  # "{% comment %}<!-- ... -->{% endcomment %}", an include alone: a blank line
                self.in_table = False
                self.emit("", i + 1)
                self.prev = ""
                return None
        if "]{" in line:
            line = strip_bracketed_spans(line)  # pandoc from Word: "[Priorities]{.underline}"
            if "]{" in line and self.out and self.line_of[-1] == i:
                mended = wrapped_span(self.out[-1], line)  # "[Commercial Space" over "Strategy]{.underline}"
                if mended is not None:
                    self.out[-1], line = mended
        if "]({" in line:
            line = mend_template_links(line)  # Jekyll: "[Plan]({{ '/x/' | relative_url }})"
        if "](" in line:
            line = mend_padded_template_links(line)  # Canada.ca: "[Study]( {{ '/x' | prepend: y }} )"
        if "{:" in line:
            line = strip_span_attributes(line)  # kramdown / MkDocs: "![icon](x.png){: style=...}"
        return line

    def html_block_start(self, i: int, line: str, nxt: str) -> bool:
        """A line opening with ``<`` that starts a block, written here: an HTML comment block, an HTML block (a
        custom, namespaced, raw or document element's in a ``<div>``), or a whole-line bold title."""
        if opens_comment_block(line):
            self.end_list()
            self.blank()
            self.keep(i, line)
            self.mode = Mode.COMMENT
            return True
        tag = html_block_tag(line)
        if tag is not None:
            self.open_html(i, line, tag)
            return True
        tag = (  # markdown-it opens no block at these: a <div> in front makes one
            custom_element_block(line)
            or namespaced_element_block(line)
            or unclosed_raw_element(line)
            or document_tags_block(line)
        )
        if tag is not None:
            self.open_html(i, "<div>" + line, tag)
            return True
        if not self.in_list:
            bold = inline_html_bold(line)  # "<font size=4><b>Priorities</b></font>": a whole-line bold title
            if bold is not None and self.is_bold_title(bold, nxt):
                self.bold_title(i, bold, nxt)
                return True
        return False

    def item_marker(self, i: int, line: str, lead: str) -> tuple[Marker | None, str]:
        """The line's list marker, when it opens an item here (not a year wrapped to a line start, ...),
        and the line as the item reads it (an AsciiDoc ``Term:: text`` as ``Term: text``, a lone bullet
        with the next line's text)."""
        marker = match_item(line) if lead else None
        if marker is not None and self.runs_into(marker, i, line):
            marker = None
        if marker is not None and is_lettered(marker) and not self.continues_lettering(marker, i):
            marker = None
        if marker is not None and not self.in_list and empty_item_after_prose(line, marker, self.prev):
            marker = None  # "* " under a sentence: a placeholder, the paragraph's text as cmark-gfm reads it
        if marker is not None and marker.glyph == "=>" and opens_with_duration(line):
            marker = None  # "=> 20m: Rotation": at least twenty minutes, no arrow bullet (``duration_lead``)
        if marker is not None and marker.glyph in ("–", "—") and not self.in_list:
            marker = None if dash_continues(self.prev, line[marker.content :]) else marker
        if (
            marker is not None
            and marker.glyph in ("–", "—")
            and self.in_list
            and item_wraps_before_dash(self.prev, line, self.neighbours(i)[1])
        ):
            marker = None  # "- [SSE](...)" over "  – for one-way traffic": the item wrapped before its dash
        if marker is None and lead == "#" and (self.wiki or self.mediawiki):
            marker = wiki_ordered_item(line)  # Textile/Confluence "# item": markdown would make it a heading
        if marker is None and lead == "." and self.asciidoc:
            marker = asciidoc_ordered_item(line)
        if marker is None and lead and not lead.isalnum() and not lead.isspace() and lead not in "<>|#`~*_-[(":
            marker = self.symbol_bullet(i, line)
        if marker is None and (lead in _RUN_LEADS or (lead.isalpha() and ":" in line and "::" in line)):
            marker, line = self.run_item(i, line, lead)
        if marker is None and self.in_list and lead.isdigit() and "." in line[:12]:
            marker = outline_item(line, [item.glyph for item in self.items])  # "1.1." under "1."
        if marker is None and lead.isdigit():
            tight = tight_number_item(line, *self.neighbours(i))  # "4.Location: ..." between "3." and "5."
            if tight is not None:
                line, marker = tight, match_item(tight)
        # a capital letter opens no typed-on marker (``_TIGHT_MARKER``): most prose lines skip the rule
        if marker is None and (lead.isalnum() or lead == "(" or lead in BULLET_GLYPHS) and not "A" <= line[:1] <= "Z":
            styles = {item.style for item in self.items} if self.in_list else set()
            tight = tight_marker_item(line, self.neighbours(i), styles, _marker_style)  # "▪Cyber", "1)Eastern"
            if tight is not None:
                line, marker = tight, match_item(tight)
        # may_open_sequence, inline: most lines get here, and a capital leads most of them
        if marker is None and (lead in SEQUENCE_LEADS or ("A" <= lead <= "Z" and "." in line[:8])):
            marker = in_numbered_run(line, *self.neighbours(i))  # "I." over "II.", "A." over "B."
            if marker is None and any(is_wrapped_item_line(text) for text in self.neighbours(i)):
                marker = in_numbered_run(line, *run_neighbours(self.lines, i))  # items wrapped (``wrapped_run``)
        if marker is None and lead == "o" and self.in_list and self.items:
            marker = o_space_bullet(line, self.neighbours(i), self.items[0].indent)  # "    o Germany ..."
            marker = marker or o_under_bullet(self.lines, i)  # "o Detail" under "• Name" at the margin
        if marker is None and lead == "o":
            marker = o_bullet_run(self.lines, i)  # "o Name: ..." lines under a heading: Word's "o" bullets
        if marker is None and lead in BULLET_GLYPHS:
            joined = lone_bullet(line, self.neighbours(i)[1])
            if joined is not None:
                line, marker = joined, match_item(joined)
                self.skip_to = i + 2  # the next line is this item's text
        return marker, line

    def prev_text(self, i: int, reach: int = 2) -> str:
        """The first non-blank line above line ``i`` within ``reach`` lines, or ''."""
        for j in range(i - 1, max(-1, i - 1 - reach), -1):
            if self.lines[j].strip():
                return self.lines[j]
        return ""

    def next_text(self, i: int, reach: int = 2) -> str:
        """The first non-blank line below line ``i`` within ``reach`` lines, or ''."""
        for j in range(i + 1, min(len(self.lines), i + 1 + reach)):
            if self.lines[j].strip():
                return self.lines[j]
        return ""

    def in_link_run(self, i: int, reach: int = 3, entries: bool = False) -> bool:
        """The nearest text line above or below line ``i`` (a blank or two apart) is a link alone too (with
        ``entries``, a numbered contents entry also counts: ``numbered_contents_link``)."""
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(self.lines) and abs(j - i) <= reach and not self.lines[j].strip():
                j += step
            if 0 <= j < len(self.lines) and abs(j - i) <= reach:
                near = self.lines[j]
                if is_link_only(near) or (entries and is_numbered_link(near)):
                    return True
        return False

    def opens_block(self) -> bool:
        """Nothing or a blank line above: the line starts a block (a date line's time below it does not)."""
        return not self.out or is_blank(self.out[-1])

    def stamp(self, i: int, line: str) -> None:
        """``[10:02] Jan de Vries``, ``14:40``: a pasted message's header or a live blog entry's time stamp
        alone on its line, a paragraph of its own (never a title, never the start of the entry's first sentence)."""
        self.blank()
        self.keep(i, line)
        self.emit("", i + 1)
        self.prev = ""

    def page_break_rows(self, i: int) -> bool:
        """The open pipe table goes on across a converter's page break (``page_break_rows``): the markers are
        skipped, the next part's header row is a body row, its delimiter row none."""
        above = self.out[-1] if self.out else ""
        if not is_table_row(above) or "PageBreak" not in "".join(self.lines[i : i + MAX_PAGE_TURN_LINES]):
            return False
        j = page_break_continuation(self.lines, i, len(pipe_cells(above)))
        if j is None:
            return False
        self.keep(j, self.lines[j])
        self.skip_to = j + 2
        return True

    def rows_after_blank(self, i: int) -> bool:
        """The open pipe table goes on across the blank lines between its rows when it is written double-spaced
        from its delimiter row on (``blank_between_rows``): the run is measured once, at the blank under the
        delimiter row, so each later gap costs nothing."""
        if self.out and is_delimiter_row(self.out[-1]):
            width = len(pipe_cells(self.out[-1]))
            row = partial(spaced_pipe_row, self.lines, width=width)
            self.spaced_end = spaced_rows_end(self.lines, i, row, MIN_SPACED_PIPE_ROWS)
        return i < self.spaced_end

    def page_turn_rows(self, i: int) -> bool:
        """The open pipe table goes on across a PDF's page number and running header (``pipe_page_turn``): the
        furniture between its rows is skipped, as no line of the article."""
        above = self.out[-1] if self.out else ""
        j = pipe_page_turn(self.lines, i, len(pipe_cells(above))) if is_table_row(above) else None
        if j is None:
            return False
        self.skip_to = j
        return True

    def wrapped_header(self, i: int, line: str, nxt: str) -> tuple[str, str]:
        """A header row wrapped over its delimiter row, joined (``short_wrapped_row`` cut right after a pipe,
        ``cut_header_row`` anywhere else): the header and the delimiter row as the lines to read; else the lines
        as they were."""
        below = self.lines[i + 2]
        header = short_wrapped_row(line, nxt, below) if is_delimiter_row(below) else None
        after = self.lines[i + 3] if i + 3 < len(self.lines) else ""
        header = header or cut_header_row(line, nxt, below, after)  # cut elsewhere, or over a cut delimiter row
        if header is None:
            return line, nxt
        self.skip_to = i + 2
        return header, below

    def table_row(self, i: int, line: str, nxt: str) -> None:
        """A body row of the open pipe table: as written, or joined to its wrapped end, or merged into the
        row above it continues (``wrapped_row``, ``continuation_row``), or a note under the table (``note_row``)."""
        joined = wrapped_row(line, nxt)
        if joined is None and line[-1:] == "|" and self.out:
            joined = short_wrapped_row(line, nxt, self.out[-1])  # cut right after a pipe
        elif joined is None and self.out and nxt[:1] == "|":
            joined = pipe_cut_row(line, nxt, self.out[-1])  # cut right before a pipe, the last one too
        if joined is not None and half_piped_rows(line, nxt):  # two rows, each half-piped: not one cut row
            joined = None
        if joined is not None:
            line = joined
            self.skip_to = i + 2
        cells = pipe_cells(line)
        if self.org and (is_org_cookie_row(cells) or (is_delimiter_row(line) and is_table_row(self.out[-2]))):
            return  # org's alignment cookies, its rule between row groups: layout, no row (``org_table_layout``)
        if self.layout_row(line, cells, nxt):
            return  # "|------|------|" or "|  |  |" between body rows: a rule or a gap, no row
        if is_note_row(cells):
            self.in_table = False
            self.blank()
            self.emit(_escape_block_start(cells[0]), i + 1)
            self.prev = line
            return
        merged = None
        if not cells[0] and len(cells) > 1:  # only a row whose first cell is empty may continue the one above
            above = self.out[-1] if self.out else ""
            if is_table_row(above) and not is_delimiter_row(above):
                merged = continuation_row(pipe_cells(above), cells)
        if merged is not None:
            self.out[-1] = "| " + " | ".join(cell.replace("|", "\\|") for cell in merged) + " |"
            self.prev = line
            return
        self.keep(i, line)

    def layout_row(self, line: str, cells: list[str], nxt: str) -> bool:
        """A body row that is only layout: a rule of dashes under a body row that is no header (``dash_rule_row``),
        or a row of empty cells between body rows (``empty_row``). A rule under a row whose cells map onto the
        priorities roles is that table's delimiter row: a second table set right under the first, as before; an
        empty row at a table's end is kept, as cmark-gfm keeps it. A rule under a row narrower or wider than the
        row before it is a new table's delimiter row too (``| Country | Year |`` under a three-column table)."""
        above = self.out[-1] if self.out else ""
        if not is_table_row(above) or len(self.out) < 2 or not is_table_row(self.out[-2]):
            return False
        if is_empty_row(cells):
            return is_table_row(nxt) and not is_delimiter_row(nxt)
        return is_delimiter_row(line) and rule_under_body_row(above, cells, self.out[-2])

    def wiki_table_header(self, i: int, line: str) -> bool:
        """Jira's ``||Area||Focus||`` or Textile's ``|_. Area |`` header row: a GFM header and delimiter row."""
        cells = wiki_table_header(line)
        if cells is None:
            return False
        self.end_list()
        self.pipe_table([(cells, i + 1)])
        self.in_table = True
        self.prev = line
        return True

    def bare_pipe_table(self, i: int, line: str, nxt: str) -> bool:
        """A run of pipe rows without a delimiter row, standing alone: a table, its first line the header.

        A run of boxed rows (``| a | b |``, ``boxed_pipe_run``) may stand right under a paragraph line and
        over the next, as the line-oriented articles write their tables. Read whole here (the scan stops at
        the first line that is no such row) and skipped as the pass reaches its lines.
        """
        if is_delimiter_row(nxt):
            return False  # a GFM table: markdown reads it
        rows, j = self.bare_pipe_run(i, line)
        if len(rows) < MIN_BARE_PIPE_ROWS:
            return False
        below = self.lines[j] if j < len(self.lines) else None
        apart = is_blank(self.prev) and (
            pipe_run_ends_apart(below, lambda text: looks_like_title(text, self.limits))
            or row_count_footer(below, rows[0][0], len(rows) - 1)
            or unaligned_run([self.lines[number - 1] for _, number in rows], rows[0][0])
        )
        if not apart and self.unboxed_in(i, j):
            return False
        self.pipe_table(rows)
        self.blank()
        self.skip_to = j
        return True

    def bare_pipe_run(self, i: int, line: str) -> tuple[list[tuple[list[str], int]], int]:
        """The pipe rows as wide as line ``i``'s from there on (a page break skipped), and the index past them.

        A run read from an earlier line and not taken as a table is not read again from each of its rows: the
        same rows follow (as wide as the first), and ``bare_pipe_table`` is asked once per row. Read anew, 1,600
        such lines (a template link's ``| filter`` on each) cost 5 s, quadratic (hostile round 3).
        """
        run = self.bare_run
        if run is not None and run[0] < i < run[1]:
            rows, end = run[2], run[1]
            at = bisect_left(run[3], i + 1)  # the rows' line numbers, ascending
            if at < len(rows) and rows[at][1] == i + 1:
                return rows[at:], end
        header = bare_pipe_cells(line)
        if header is None:
            return [], i
        rows = [(header, i + 1)]
        j = i + 1
        while j < len(self.lines):
            cells = bare_pipe_cells(self.lines[j])
            if cells is None:  # a PDF's page break: the page's number, then the next page's rows (``page_break``)
                resume = page_break_end(self.lines, j)
                cells = bare_pipe_cells(self.lines[resume]) if resume is not None else None
                j = resume if cells is not None and resume is not None else j
            if cells is None or len(cells) != len(header):
                break
            rows.append((cells, j + 1))
            j += 1
        unboxed = [k for k in range(i, j) if not is_boxed_row(self.lines[k])]
        self.bare_run = (i, j, rows, [number for _, number in rows], unboxed)
        return rows, j

    def unboxed_in(self, i: int, j: int) -> bool:
        """Does a line of ``i .. j - 1`` (within the run ``bare_pipe_run`` read last) fail ``is_boxed_row``?"""
        assert self.bare_run is not None
        unboxed = self.bare_run[4]
        at = bisect_left(unboxed, i)
        return at < len(unboxed) and unboxed[at] < j

    def org_heading(self, i: int, line: str) -> bool:
        """An org-mode ``* Title`` / ``** Priorities`` line in an org document: a heading of its level."""
        found = org_heading(line)
        return found is not None and self.heading(i, found)

    def wiki_heading(self, i: int, line: str) -> bool:
        """Jira/Textile ``h2. Priorities``, MediaWiki ``== Priorities ==``, AsciiDoc ``== Priorities``: a heading."""
        if line[:1] in " \t" or self.in_table:
            return False
        found = wiki_heading(line)
        if found is None and self.mediawiki and line[:1] == "=":
            found = unspaced_wiki_heading(line)  # "==Priorities==" (``unspaced_wiki_heading``)
        # MediaWiki's equals signs on both sides mark a heading whatever its words ("==See also==")
        closed = self.mediawiki and line.rstrip(" \t")[-1:] == "="
        return found is not None and self.heading(i, found, marked=closed)

    def heading(self, i: int, found: tuple[int, str], title: str | None = None, marked: bool = False) -> bool:
        """Write a heading found in another markup as an ATX heading, when its text (or ``title``, the text
        without a section number) looks like a title, or is ``marked`` a heading on both sides and short."""
        text = found[1] if title is None else title
        if not (looks_like_title(text, self.limits) or (marked and len(text) <= self.limits.max_title_chars)):
            return False
        self.end_list()
        self.blank()
        self.emit(f"{'#' * found[0]} {found[1]}", i + 1)
        self.emit("", i + 1)
        self.prev = ""
        return True

    def plain_text_heading(self, i: int, line: str) -> bool:
        """Mailchimp's plain-text heading (``** Priorities``): written as an ATX heading."""
        text = plain_text_heading(line)
        if text is None or not looks_like_title(text, self.limits):
            return False
        self.end_list()
        self.in_table = False
        self.blank()
        self.emit(f"## {text}", i + 1)
        self.prev = ""
        return True

    def symbol_bullet(self, i: int, line: str) -> Marker | None:
        """``👉 Faster contracts``: an emoji-led line is an item in a run of them (a line above or below is one too)."""
        marker = symbol_bullet_item(line)
        if marker is None:
            return None
        above, below = (symbol_bullet_item(text) for text in self.neighbours(i))
        if is_emoji_lead_in(marker.glyph, line, above, below):
            return None  # "📌 Key priorities:" over "🔸 ..." lines: the run's lead-in (``emoji_lead_in``)
        if above or below or wrapped_symbol_run(self.lines, i, marker):
            return marker  # a run, or one whose items are hard-wrapped with hanging lines (``wrapped_symbol_run``)
        resumed = self.in_list and symbol_run_resumes(marker.glyph, [item.glyph for item in self.items])
        return marker if resumed else None  # "□ Space" after a sub-list under "□ ..." (``symbol_run_resumes``)

    def continues_lettering(self, marker: Marker, i: int) -> bool:
        """``a.``/``A)`` open a lettered list when a ``b.``/``B)`` follows (``lettered_run``); ``b.``/``B)`` ... are
        items only inside one. ``p. 12`` is prose; so is a paragraph opening ``a.`` that no ``b.`` follows
        (a design note's options, each a paragraph with code between them, as cmark-gfm reads them)."""
        paren = marker.glyph[0] == "("  # "(A)" over "(B)"
        if marker.glyph[paren] in "aA":
            if self.in_list and self.items and opens_sub_lettering(marker, self.items[-1].indent, self.items[-1].glyph):
                return True  # "   a. ..." under "2. ...": the item's one sub-point (``sub_lettering``)
            return self.lettering_follows(i, "()" if paren else marker.glyph[1])
        style = "(a)" if paren else "A)" if marker.glyph[1] == ")" else "a."
        return self.in_list and any(item.style == style for item in self.items)

    def lettering_follows(self, i: int, delimiter: str, reach: int = 6) -> bool:
        """Another lettered item (``b.``) below line ``i``: in the same block, or right after one blank line."""
        for j in range(i + 1, min(len(self.lines), i + 1 + reach)):
            text = self.lines[j].lstrip(" \t")
            if not text:
                return j + 1 < len(self.lines) and starts_letter_item(self.lines[j + 1].lstrip(" \t"), delimiter)
            if starts_letter_item(text, delimiter):
                return True
        return False

    def run_item(self, i: int, line: str, lead: str) -> tuple[Marker | None, str]:
        """Items that only a run of them makes (a line above or below is one of the same kind).

        ``-Mobility: ...`` (a dash typed onto the word), ``:white_check_mark: ...`` (the same
        shortcode on each line), ``Term:: text`` (AsciiDoc's labelled list, read as ``Term: text``),
        """
        rule = tight_dash_item if lead == "-" else shortcode_bullet_item if lead == ":" else None
        rule = tight_glyph_item if lead in TIGHT_GLYPHS else rule
        if rule is not None:
            marker = rule(line)
            if marker is None or not any(_same_glyph(rule(text), marker) for text in self.neighbours(i)):
                return None, line
            return marker, line
        entry = labelled_entry(line)
        if entry is None or not any(labelled_entry(text) for text in self.neighbours(i)):
            return None, line
        return match_item(f"- {entry}"), f"- {entry}"

    def neighbours(self, i: int) -> tuple[str, str]:
        """The source lines directly above and below line ``i`` ('' past either end)."""
        return (self.lines[i - 1] if i else "", self.lines[i + 1] if i + 1 < len(self.lines) else "")

    def runs_into(self, marker: Marker, i: int, line: str) -> bool:
        """A number other than 1 after a sentence that runs on continues it ("... until\n2027. The ...").

        Hard-wrapped text puts years at line starts; CommonMark too lets only
        "1." interrupt a paragraph. After a finished sentence ("include:") a
        "2." still starts a list, as the sample articles write them. An
        enumerator after a word that needs one more, lettering the sentence inline
        ("... except that (a) an\nimage ..., and\n(b) an image", "... which\n(a) is slow,
        and (b) ...") is the sentence's own lettering, unless it follows a sibling item
        of its own style ("(b) ...; and\n(c) ..."). "agreed that\n(a) ...\n(b) ..." stays a list.
        """
        prev = self.prev
        if marker.kind == "enumerator":
            sibling = self.items[-1].style if self.in_list and self.items else None
            return (
                sibling != _marker_style(marker)
                and ends_mid_phrase(prev)
                and letters_inline(marker.glyph, line, self.paragraph_above(i))
            )
        if marker.kind != "markdown" or not marker.ordered or marker.glyph[:-1] == "1":
            return False
        if self.in_list:  # "- Core defence: ... by" / "2035. National plans ..." (``number_wrap``)
            return self.number_wraps(marker.glyph)
        return not is_blank(prev) and not ends_sentence(prev) and not is_block_line(prev)

    def number_wraps(self, glyph: str) -> bool:
        """In a list, a number no open list counts to, under a line cut mid-phrase, is the sentence's (``number_wrap``).

        A hard wrap puts a year at a line start (``... by`` / ``2035. National plans ...``); CommonMark lets no
        number but 1 interrupt a paragraph, so the item goes on. ``2.`` under ``1. ... by`` still counts on.
        """
        return ends_mid_phrase(self.prev) and not counts_on(glyph, [item.glyph for item in self.items])

    def paragraph_above(self, i: int, limit: int = 5) -> list[str]:
        """The source lines directly above line ``i`` up to a blank one, nearest first (a few at most)."""
        above: list[str] = []
        j = i - 1
        while j >= 0 and len(above) < limit and not is_blank(self.lines[j]):
            above.append(self.lines[j])
            j -= 1
        return above

    # fences and HTML ------------------------------------------------------------
    def fenced(self, i: int, line: str) -> None:
        if self.fence == HIGHLIGHT_FENCE and closes_highlight(line):
            line = HIGHLIGHT_FENCE  # "{% endhighlight %}" closes Jekyll's code block (``liquid_highlight``)
        self.keep(i, line)
        stripped = line.strip()
        if stripped.startswith(self.fence) and not stripped.strip(self.fence[0]):
            self.mode = Mode.TEXT

    def open_fence(self, i: int, line: str, fence: str) -> None:
        if (self.in_list and not line[:1].isspace()) or self.in_table:
            self.blank()
        self.end_list()
        self.in_table = False
        self.mode, self.fence = Mode.FENCE, fence
        self.keep(i, line)

    def open_html(self, i: int, line: str, tag: str) -> None:
        self.end_list()
        self.blank()
        self.keep(i, line)
        self.mode, self.html_tag, self.html_depth = Mode.HTML, tag, tag_balance(line, tag)
        self.close_html_when_balanced(i)

    def html_line(self, i: int, line: str) -> None:
        if not line.strip():
            if self.html_tag in HTML_RAW:  # markdown-it reads these up to their closing tag, blank lines included
                self.keep(i, raw_text_blank(self.html_tag, line))  # a style sheet's: a comment (``raw_text_blank``)
                return
            if i < self.html_next or (self.html_tag in HTML_CONTAINERS and self.next_is_tag(i)):
                return  # a blank line inside an open container: markdown-it would end the block here
            if self.html_tag == "table" and self.table_closes_soon(i):
                return  # markdown in a cell, set off by blank lines (GitHub READMEs): still the table
            self.close_html(i)
            return
        self.keep(i, line)
        if self.html_tag == "details" and i + 1 < len(self.lines) and summary_over_markdown(line, self.lines[i + 1]):
            self.close_html(i)  # "<summary>..." right over a table or list: markdown below (``summary_markdown``)
            return
        self.html_depth += tag_balance(line, self.html_tag)
        self.close_html_when_balanced(i)

    def close_html_when_balanced(self, i: int) -> None:
        """Line ``i`` closed the block's element: the block ends, unless the list's next element follows."""
        if self.html_depth <= 0 and (left := container_left_open(self.lines[i])) is not None:
            self.html_tag, self.html_depth = left  # "...</h2><table>": the block runs on to the table's close
            return
        if self.html_depth <= 0 and not self.list_element_runs_on(i):
            self.close_html(i)

    def list_element_runs_on(self, i: int) -> bool:
        """Line ``i`` closes one item's element and the next opens the next item's: a Word list paragraph
        (``word_list_run``) or a ``<div>•&nbsp;...</div>`` (``glyph_element_run``). The block goes on."""
        if i + 1 >= len(self.lines):
            return False
        line, nxt = self.lines[i], self.lines[i + 1]
        if not (continues_word_list(line, nxt) or glyph_elements_run(line, nxt)):
            return False
        self.html_depth = 0
        return True

    def table_closes_soon(self, i: int) -> bool:
        """The open ``<table>`` closes within a few lines below, before any other table opens.

        An unterminated table still ends at its first blank line, as markdown-it reads it.
        """
        if i < self.html_next:
            return True
        for j in range(i + 1, min(i + 1 + MAX_TABLE_GAP_LINES, len(self.lines))):
            low = self.lines[j].lower()
            if "<table" in low:
                return False
            if "</table" in low:
                self.html_next = j  # blank lines up to the closing tag stay inside
                return True
        return False

    def next_is_tag(self, i: int) -> bool:
        j = i + 1
        while j < len(self.lines) and not self.lines[j].strip():
            j += 1
        self.html_next = j if j < len(self.lines) and lead_char(self.lines[j]) == "<" else -1
        return self.html_next > 0

    def close_html(self, i: int) -> None:
        self.mode, self.html_next = Mode.TEXT, -1
        self.emit("", i + 1)
        self.prev = ""

    # lists --------------------------------------------------------------------------
    def end_list(self) -> None:
        """The open list (if any) ends: the next item opens a new one."""
        self.in_list = False
        self.items.clear()

    def continues_item(self, line: str, lead: str) -> bool:
        """A line directly under an item belongs to it when indented, or when it starts lowercase (as in GFM).

        Lowercase behind opening markup too (```enum` definition``, ``*or* jump``); and
        whatever it starts with after a hard line break (a final ``\\``), which only joins
        lines of one block, or after a line cut mid-phrase (``... ties with the`` /
        ``United States and Canada.``, ``... from Estonia, Latvia,`` / ``Lithuania ...``).
        """
        prev = self.prev
        # not ``is_wrapped_item_line``: any space indents (NBSP too), the lead behind markup counts, the line above too
        if line[:1].isspace():
            return not (is_blank(prev) and self.left_of_list(line))
        if is_blank(prev):
            return False
        if lead.islower() or (not lead.isalnum() and opens_mid_sentence(line)):
            return True
        if lead in "#[G" and is_reference_tail(line):  # "* Audit build ..." / "[#1037](...)" (``item_reference_tail``)
            return True
        if lead == "]" and closes_open_link(prev, line):  # "- [A short guide" / "](https://x)" (``link_text_wrap``)
            return True
        if wraps_inside_span(prev, line):  # "- [A Guide to the Allied" / "Air Policing ...](x)" (``open_span_wrap``)
            return not is_block_line(line)
        if lead == "!" and is_figure_line(line):  # a screenshot under its step (``item_figure``)
            return True
        if (lead == "<" or "<" in prev) and item_runs_onto_tag(prev, line):  # "- ✅" over "<a ...>Name</a>"
            return True
        runs_on = prev[-1:] == "\\" or ends_mid_phrase(prev) or prev.rstrip()[-1:] == ","
        runs_on = runs_on or breaks_after_label(prev)  # "* **Air defence**:␣␣" over its text (``item_label_break``)
        runs_on = runs_on or is_label_only_item(prev)  # "* **2015-08-25:** " over its event (``label_only_item``)
        # "(1) ... Procurement" / "Agency as ...", unless "Agency" would have fit (``unforced_break``)
        if not runs_on and wraps_at_width(prev, self.width) and not next_word_fits(prev, line, self.fit_width):
            runs_on = not looks_like_title(line, self.limits)
        if runs_on and lead.isdigit():  # "2035. National plans ...": a wrapped year, not an item (``number_wrap``)
            found = match_item(line)
            return found is None or (found.kind == "markdown" and self.number_wraps(found.glyph))
        return runs_on and not is_block_line(line)

    def left_of_list(self, line: str) -> bool:
        """The line, after a blank line, stands no deeper than the open list's first marker (``item_margin``).

        A list rewritten from glyphs (``  • Cold Response: ...``) starts its markdown item at the margin,
        so a paragraph indented as far as the glyph (Org's ASCII export indents the whole section body)
        became the last item's continuation. Indented no deeper than the marker, it is the section's text,
        as the contract's wrapped-item rule reads a line under an item; a markdown list is left to markdown.
        """
        return bool(self.items) and not self.items[0].verbatim and indentation(line)[0] <= self.items[0].indent

    def list_item(self, i: int, line: str, marker: Marker) -> None:
        if marker.glyph in ("-", "*", "+") and line[marker.content : marker.content + 1] == "#":
            heading = heading_item(line[marker.content :])
            if heading is not None:  # Logseq's "- ## Measures": a heading written as a block (``heading_item``)
                self.end_list()
                self.blank()
                self.emit(heading, i + 1)
                self.blank()
                self.prev = ""
                self.heading_item_content = marker.content  # its lines indented under it (``heading_item_text``)
                return
        if not self.in_list:
            if not is_blank(self.prev) and not is_block_line(self.prev):
                self.blank()  # a list may follow a sentence directly, even "2." items
            self.in_list = True
            self.items.clear()
        stack = self.items
        indent = marker.indent
        if marker.glyph in SUB_BULLET_GLYPHS and stack:
            indent = _glyph_indent(marker, stack)
        sibling = None
        while stack and stack[-1].indent >= indent:
            sibling = stack.pop()
        parent = stack[-1] if stack else None
        style = _marker_style(marker)
        if style == "i." and sibling is not None and sibling.style == "a." and len(marker.glyph) == 2:
            style = "a."  # "h.", "i.", "j.": a letter of the lettered list, not a roman numeral
        # "(i)" over "(ii)": a roman numeral; after "(h)" a letter (``paren_roman``)
        style = paren_numeral_style(marker.glyph, sibling.style if sibling else None) or style
        verbatim = (parent is None or parent.verbatim) and (sibling is None or sibling.verbatim)
        if marker.kind == "markdown" and verbatim and not self.code_if_kept(i, marker, parent, sibling):
            _check_markers_on_line(line, marker, self.limits.max_list_depth)
            self.keep(i, line)
            stack.append(_OpenItem(indent, marker.content_col, True, marker.glyph, style, marker.glyph[-1]))
            return
        base = parent.col if parent else 0
        md_marker = _markdown_marker(marker.ordered, style, sibling)
        text = _escape_block_start(line[marker.content :].strip())
        self.emit(f"{' ' * base}{md_marker} {text}", i + 1)
        self.prev = line
        stack.append(_OpenItem(indent, base + len(md_marker) + 1, False, marker.glyph, style, md_marker))

    def code_if_kept(self, i: int, marker: Marker, parent: _OpenItem | None, sibling: _OpenItem | None) -> bool:
        """A list's first item indented four or more, right under a paragraph line (``indented_list_under_line``)
        or after a blank line in a text browser's dump whose page margin it stays within (``page_margin``).

        The blank put before the list would make the item, kept as written, an indented code block:
        ``ADM: Options are to use one of three:`` / ``    1. a single fund``. Rewritten, it stays an item.
        The items after a first item kept as code stay in that code block (``indented_code_list``), as in
        CommonMark: rewritten, they became a list (or, numbered, prose with the numbers cut) under the code.
        """
        if parent is not None or marker.indent < 4 or i == 0 or sibling is not None:
            return False
        if not is_blank(self.lines[i - 1]):
            return True
        if self.margin is None:  # one pass over the document, the first time an item is indented this deep
            self.margin = page_margin(self.lines)
        if marker.indent < self.margin + 4:
            return True  # within a dump's margin: an item, not code (``page_margin``)
        return (  # a page copy's list under its heading and a blank (``indented_page_items``)
            self.chrome_head is not None
            and not self.fenced_doc
            and i >= 2
            and looks_like_title(self.lines[i - 2], self.limits)
            and (i < 3 or is_blank(self.lines[i - 3]))
            and indented_item_run(self.lines, i)
        )

    def continuation(self, i: int, line: str) -> None:
        stack = self.items
        if not stack or stack[-1].verbatim:
            self.keep(i, line)
            return
        width, _ = indentation(line)
        if width:
            while len(stack) > 1 and stack[-1].indent >= width:
                stack.pop()
        self.emit(" " * stack[-1].col + line.strip(), i + 1)
        self.prev = line

    def definition(self, i: int, line: str) -> bool:
        """A definition (``Term`` / ``: text``, pandoc allows a blank line between): a paragraph, without the marker."""
        start = definition_start(line)
        if start is None:
            return False
        self.blank()
        self.emit(_escape_block_start(line[start:]), i + 1)
        self.prev = line
        return True

    # headings -----------------------------------------------------------------------
    @staticmethod
    def is_bold_title(line: str, nxt: str) -> bool:
        bold = is_whole_line_bold(line) and not is_caption(line)
        if not bold or is_setext_underline(nxt):
            return False
        # "**[Report](x)**" / "to take ...", unless a question's hard break puts its answer there (``question_break``)
        return not bold_runs_on(nxt) or breaks_before_answer(line)

    def bold_title(self, i: int, line: str, nxt: str) -> None:
        self.blank()
        self.bold.add(len(self.out))
        self.emit(line, i + 1)
        if not is_blank(nxt) and not is_block_line(nxt):
            self.emit("", i + 1)
        self.prev = ""

    def wrapped_bold_title(self, i: int, line: str, nxt: str) -> bool:
        """``**Proposal: ... (Maria`` over ``Lopez)**``: a bold title cut by a hard wrap, one title (``wrapped_bold``).

        Only when the joined text looks like a title: a bold sentence wrapped over two lines stays prose.
        """
        joined = wrapped_bold_line(line, nxt)
        if joined is None or not looks_like_title(joined[2:-2], self.limits):
            return False
        below = self.lines[i + 2] if i + 2 < len(self.lines) else ""
        if not self.is_bold_title(joined, below):
            return False
        self.bold_title(i, joined, below)
        self.skip_to = i + 2
        return True

    def wrapped_title(self, i: int, line: str, nxt: str) -> bool:
        """A title cut by a hard wrap over two lines between blank lines: one bare title (``wrapped_title``)."""
        if i + 1 >= len(self.lines) or (i and not is_blank(self.lines[i - 1])) or is_blank(nxt):
            return False
        below = self.lines[i + 2] if i + 2 < len(self.lines) else ""
        if not is_blank(below) or is_block_line(nxt) or is_block_line(line):
            return False
        joined = wrapped_title(line, nxt, ends_mid_phrase(line))
        if joined is None or not looks_like_title(joined, self.limits):
            return False
        self.bare_title(i, joined, below)
        self.skip_to = i + 2
        return True

    def contact_follows(self, i: int) -> bool:
        """Under a sign-off (``Kind regards,``, ``Media contact:``): a short line, not an item, table or markup."""
        below = self.next_text(i).strip(" \t")
        if not 0 < len(below) <= 60 or lead_char(below) in ("#", "<", "|", ">") or match_item(below) is not None:
            return False
        # an e-mail signature's "--" below keeps its own reading (``signature_separator``)
        return not any(self.lines[j].rstrip(" \t") == "--" for j in range(i + 1, min(len(self.lines), i + 6)))

    def in_spaced_fields(self, i: int) -> bool:
        """Field line ``i`` has a field one blank line above or below it (``spaced_field_run``): an advisory's
        ``CWE-613: ...`` / blank / ``Severity: Medium`` is a run of metadata, as fields on adjacent lines are."""
        return any(_is_metadata_field(text) for text in spaced_field_neighbours(self.lines, i))

    def in_speaker_turns(self, i: int, nxt: str) -> bool:
        """Turn ``i`` has another turn right above or below it, or one blank line away (``speaker_turn``)."""
        above = self.lines[i - 1] if i else ""
        return any(is_speaker_turn(text) for text in (above, nxt, *spaced_field_neighbours(self.lines, i)))

    def is_bare_title(self, i: int, line: str, nxt: str) -> bool:
        prev = self.prev
        if i == self.last_text and i != self.first_text:
            return False  # a heading heads something: the article's last line is a sign-off or a note
        # the two tests that most lines fail come first (about 1 line in 10 passes both); the rest only refuse
        if not self.starts_block(i, prev):
            return False
        if not (looks_like_title(line, self.limits) or self.colon_titles(i, line, nxt)):
            return False
        if self.chrome_head is not None and self.first_text <= i < self.chrome_head:
            return False  # "Skip to main content" / "Home" / "Press release" over the headline (``chrome_head``)
        below = self.next_text(i)  # the first text line under it, a blank or two apart
        if self.soft_blanks and i + 1 in self.soft_blanks:
            return False  # its sentence runs on across the blank line below (``double_spaced``)
        if line[:1] in ("I", "O") and is_prompt_line(line):
            return False  # "In [3]: print(df.to_string())": a notebook's input prompt, code (``notebook_prompt``)
        if is_field_line(line) and (_is_metadata_field(prev) or _is_metadata_field(nxt) or self.in_spaced_fields(i)):
            return False  # a run of "Status: In progress" lines: metadata, not headings
        if is_speaker_turn(line) and self.in_speaker_turns(i, nxt):
            return False  # "SFC: No" between "EAO: ..." turns: a meeting's transcript (``speaker_turn``)
        if i == self.first_text and is_kicker(line, below):
            return False  # "ANALYSIS" over "# Why the new force model matters": the section's label
        if i == self.first_text and is_section_label(line) and looks_like_title(nxt, self.limits):
            return False  # "News" right over the headline: the site's section (``section_label``)
        if is_metadata_label(line) or is_metadata_label(prev) or is_metadata_field(line):
            return False  # "Published" over "12 June 2025": a page's metadata field and its value (``metadata_label``)
        if is_link_only(line) and (self.in_link_run(i) or is_button_link(line) or is_source_pointer(line)):
            return False  # "[Subscribe now](...)" over "[Share](...)": buttons, not headings
        if line[:1].isalnum() and is_numbered_link(line) and self.in_link_run(i, entries=True):
            return False  # "4.3 [Identity Management Testing](03-.../README.md)": contents (``numbered_contents_link``)
        above = self.lines[i - 1] if i else ""
        if self.asciidoc and is_asciidoc_author_line(line, above):
            return False  # "= Title" over "Press Office <press@example.org>": the header's author line
        if above[-2:] == "  " and ends_in_space_break(above, line) and is_whole_line_bold(above):
            return False  # "**Have you searched ...?**␣␣" over "We have not searched": its text (``question_break``)
        asked = self.prev_text(i)
        if ("?" in asked or "？" in asked) and answers_question(asked, below):
            return False  # "**Does your claim involve GitHub?**" / "GitHub" / "**Describe ...**" (``lone_answer``)
        if ", " in line and is_block_line(nxt) and runs_into_items(line, nxt):
            return False  # "Before disabling any content ..., GitHub" over "- contacted ...": ``clause_into_items``
        over = text_over_page_turn(self.lines, i, _page_furniture) if self.lines[i - 1 : i] == [""] else None
        if over is not None and ends_mid_phrase(over):
            return False  # "... a new training centre in" / page foot and head / "Greece": one sentence
        if clip_masthead(line, below) or bylines_reading_time(line, below) or name_over_forward(line, nxt, below):
            return False  # a clip's publication, a reader view's byline, a forward's signature (``rules/desk_copies``)
        at = i + 2 if self.lines[i + 2 : i + 3] == [below] else i + 3  # ``below``'s line (a blank or two under)
        if below and name_over_header_block(line, nxt, below, self.next_text(at, reach=1)):
            return False  # "Anna" / blank / "From: ..." / "Sent: ...": the note's signature over Outlook's header block
        return (
            not is_setext_underline(nxt)
            and not is_delimiter_row(nxt)
            and definition_start(below) is None  # a definition list's term, pandoc's blank line between
            and (is_blank(nxt) or is_block_line(nxt) or starts_like_new_sentence(nxt))
            and (not runs_on(line, nxt, self.width) or self.headline_over_wrap(line, nxt))
            and not broken_before_long_word(line, nxt, self.fit_width)  # "... earlier issues" over "[NCIA-1](...)"
            and not parenthetical_runs_on(nxt)
            and not caps_runs_on(line, nxt)  # teletext capitals: one sentence over two lines
            and not opens_with_requirement(nxt)  # "... by a handler" over "MAY be ..." (``requirement_keyword_wrap``)
            and (self.width is not None or not wraps_with_next(line, nxt))  # "..., a common" over "NATO data link"
            # attendees, an address: one block of lines; "Contents" over the links it lists heads them, and a
            # title may stand over a table written a cell a line
            and (
                is_contents_label(line)
                or not in_line_stack(len(self.lines), i, self.title_like)
                or self.over_cell_lines(i)
                or header_block_end(self.lines, i)  # under Outlook's header block: the quoted title, no stack
            )
            and not runs_on_into_math(line, nxt, below)  # "... we obtain" over "$$": the equation goes on
            and not heads_nothing(below)  # over "## Next" or a closing ":::": the section's last line
            and not self.space_broken(i, line, nxt)  # "LY Corporation␣␣" over "Attn: ...": an address
            and not opens_scribe_continuation(below)  # a turn over its "... " (``scribe_continuation``)
        )

    def headline_over_wrap(self, line: str, nxt: str) -> bool:
        """A sentence-case headline its author broke right over a hard-wrapped paragraph (``headline_over_wrap``):
        ``runs_on`` took it for the paragraph's first line only by its width. A line of more words than a title
        has, one ending mid-phrase or on a name the next line finishes still runs on."""
        words = len(line.split())
        return (
            words <= MAX_SENTENCE_CASE_TITLE_WORDS
            and not (words >= MIN_NAME_BREAK_WORDS and name_runs_over(line, nxt))
            and not ends_mid_phrase(line)
            and headline_over_wrap(line, nxt, self.width, self.fit_width)
        )

    def tight_item(self, j: int, line: str) -> bool:
        """Line ``j`` opens an item with its marker typed onto the word, in a run of them (``tight_marker``)."""
        return tight_marker_item(line, self.neighbours(j), set(), _marker_style) is not None

    def starts_block(self, i: int, prev: str) -> bool:
        """Line ``i`` opens a block: after a blank, a block line, a table row, boilerplate, a label or a sentence."""
        return (
            is_blank(prev)
            or is_block_line(prev)
            or is_table_row(prev)
            or is_boilerplate(prev)  # under "Home > News", "NATO UNCLASSIFIED"
            or i == self.chrome_head  # under a page's chrome lines (``chrome_head``)
            or (i - 1 == self.first_text and (is_section_label(prev) or is_release_label(prev)))
            # a sentence's end, not a colon inside a link's text ("[Reference Architecture:", ``link_text_inside``)
            or (ends_sentence(prev) and not leaves_sentence_open(prev) and not ("[" in prev and leaves_link_open(prev)))
        )

    def colon_titles(self, i: int, line: str, nxt: str) -> bool:
        """The first line is a headline written with a closing colon over a blank and a paragraph (``colon_title``)."""
        if i != self.first_text or not is_blank(nxt):
            return False
        below = self.next_text(i)
        text = colon_title(line, below, is_block_line(below) or is_table_row(below))
        return text is not None and looks_like_title(text, self.limits)

    def shortcode_lines(self, i: int) -> bool:
        """A Hugo shortcode or a Liquid tag opens at line ``i`` and closes lines below: all of it markup.

        ``multiline_shortcode`` (``{{< figure`` / ``>}}``) and ``multiline_liquid_tag`` (``{% include x`` / ``%}``).
        """
        end = shortcode_end(self.lines, i)
        if end is None:
            end = liquid_tag_end(self.lines, i)
        return end is not None and self.hide_lines(i, end)

    def comment_lines(self, i: int) -> bool:
        """An Obsidian comment opens at line ``i`` and closes lines below (``percent_comment_block``): all hidden."""
        end = comment_block_end(self.lines, i)
        return end is not None and self.hide_lines(i, end)

    def hide_lines(self, i: int, end: int) -> bool:
        """Lines ``i`` .. ``end`` are markup the author never meant as text: each a blank line, kept in place."""
        self.in_table = False
        for j in range(i, end + 1):
            self.emit("", j + 1)
        self.prev = ""
        self.skip_to = end + 1
        return True

    def converter_alert(self, i: int, line: str) -> bool:
        """A converter's notice line (``converter_alert``): a blank line, so no list or prose of the article."""
        if not is_converter_alert(line):
            return False
        self.in_table = False
        self.blank()
        self.emit("", i + 1)
        self.prev = ""
        return True

    def embed(self, i: int) -> bool:
        """An embed directive opens at line ``i`` (``embed``): its captions written as a paragraph, the rest skipped."""
        found = embed_directive(self.lines, i)
        if found is None:
            return False
        end, texts = found
        self.blank()
        for text in texts:  # "Initial Screen", then the caption: a paragraph each
            self.keep(i, text)
            self.emit("", end + 1)
        self.prev = ""
        self.skip_to = end + 1
        return True

    def space_broken(self, i: int, line: str, nxt: str) -> bool:
        """Line ``i`` ends in a deliberate two-space hard break into the text below (``space_break``)."""
        if not ends_in_space_break(line, nxt) or is_block_line(nxt) or breaks_into_sentence(nxt):
            return False  # a title over its paragraph keeps the line it was written on (``space_break_sentence``)
        if self.unbroken_end is None:  # one pass over the document, the first time a line ends in two spaces
            self.unbroken_end = blocks_ending_unbroken(self.lines)
        return self.unbroken_end[i]

    def title_like(self, j: int) -> bool:
        """Line ``j`` would stand alone as a title (``in_line_stack`` asks it of a candidate's neighbours).

        Structure is none: a table's row without outer pipes (``Energy Security | Resilience``), a pasted CSV
        row (``Priority Area,Key Focus``) or an item of any marker (``A) Air defence``, ``♦ Ukraine``), so a
        title over a table or a list stays; nor is a line of hard-wrapped prose that runs on into the next.
        """
        line = self.lines[j]
        if j < self.first_text or (self.chrome_head is not None and j < self.chrome_head):
            return False  # a teleprinted story's header lines, a page's chrome lines: apart from the headline
        if not looks_like_title(line, self.limits) or is_table_row(line):
            return False
        if match_item(line) is not None or symbol_bullet_item(line) is not None or self.tight_item(j, line):
            return False
        bare = line.lstrip(" \t")
        if may_open_sequence(bare, bare[:1]) and in_numbered_run(line, *self.neighbours(j)) is not None:
            return False  # "1- Brigades" over "2- Stocks": items of a numbered run
        if csv_fields(line, ",") is not None or csv_fields(line, ";") is not None:
            return False
        return j + 1 >= len(self.lines) or not runs_on(line, self.lines[j + 1], self.width)

    def is_setext_after_sentence(self, line: str, nxt: str) -> bool:
        """A title line underlined with ``===``/``---`` directly under a finished sentence.

        CommonMark makes the whole paragraph the heading ("Allies met on Monday.
        Priorities"); line-oriented authors underline only the title line.
        """
        prev = self.prev
        return (
            is_setext_underline(nxt)
            and not is_blank(prev)
            and not is_block_line(prev)
            and not is_table_row(prev)
            and ends_sentence(prev)
            and not leaves_sentence_open(prev)
            and looks_like_title(line, self.limits)
        )

    def bare_title(self, i: int, line: str, nxt: str) -> None:
        self.blank()
        self.bare.add(len(self.out))
        self.emit(line, i + 1)
        if not is_blank(nxt):
            self.emit("", i + 1)
        self.prev = ""


def _opens_wiki_table(line: str) -> bool:
    """``{|`` (MediaWiki), ``|===`` / ``:===`` (AsciiDoc), ``=====  =====`` (reST) or ``{% table %}`` (Markdoc):
    where a wiki table may start."""
    body = line.rstrip(" \t")
    if body[:2] in ("{%", "#t"):
        return body.startswith(("{% table", "#table("))  # Markdoc's table tag, Typst's table call
    return body.startswith("{|") or body in ("|===", ":===") or rst_table_columns(body) is not None


def _is_mediawiki_line(line: str) -> bool:
    """A MediaWiki table opening (``{|``, ``mediawiki_table_open``) or a heading closed by equals signs
    (``== Background ==``)."""
    body = line.rstrip(" \t")
    return is_mediawiki_table_open(body) or (len(body) > 4 and body.endswith("==") and wiki_heading(body) is not None)


def segment_blocks(lines: list[str], limits: ParseLimits) -> Segmented:
    """Re-segment the lines so that markdown-it reads every block as its author meant it."""
    return _Segmenter(lines, limits).run()
