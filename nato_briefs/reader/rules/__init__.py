"""Line rules: how one line of an article starts a block, named and tested one by one.

markdown-it's ``rules_block`` is the model: each rule is a small function that
looks at one line and says whether (and how) it opens a block. ``parse.py``
applies them in the segmentation pass, before markdown-it sees the text, and
rewrites list items that are not markdown (``•``, ``(a)``, ``i.`` ...) as
markdown items at the right nesting, keeping the source line of every line.

Every pattern here is anchored and uses possessive repeats only (no repeat can
give characters back), so each match is linear in the line's length; the
audit test in ``tests/test_reader_linear.py`` checks that on the compiled
patterns themselves.

The rules live in submodules by what they decide (``items``, ``markup``, ``titles``, ``tables``,
``dialects``, ``front_matter``); this package re-exports them, and names every rule in ``RULES``; the linear-time
audit reads every submodule's patterns.
"""

from __future__ import annotations

from collections.abc import Callable

from nato_briefs.reader.rules.authoring import (
    asciidoc_cells,
    br_cell_list,
    cell_list_text,
    is_jsx_comment,
    is_logseq_hidden_property,
    is_myst_break,
    is_org_block_marker,
    is_org_cookie_row,
    is_org_planning_line,
    is_rst_target,
    is_span_underline,
    is_txt2tags_setting,
    is_typst_rule,
    mediawiki_cell,
    org_heading_text,
    textile_line,
    wikidot_header,
)
from nato_briefs.reader.rules.boilerplate import (
    atx_without_space,
    dash_delimiter,
    ends_in_endnote_ref,
    inline_html_bold,
    is_abbreviation,
    is_boilerplate,
    is_breadcrumb,
    is_furniture,
    is_indented_paragraph_start,
    is_markup_marker,
    is_org_drawer_line,
    is_sign_off,
    is_wire_slug,
    jira_macro,
    paragraph_indent,
    record_blocks,
    record_field,
    signs_off,
    strip_shortcodes,
    wire_headline_prefix,
)
from nato_briefs.reader.rules.desk_copies import (
    bylines_reading_time,
    clip_masthead,
    ends_in_edited_mark,
    factiva_fields,
    header_block_end,
    is_chat_export_line,
    is_copyright_line,
    is_digest_end,
    is_reading_time,
    is_thread_chrome,
    is_weekday_date,
    name_over_forward,
    name_over_header_block,
    strip_glued_link_targets,
)
from nato_briefs.reader.rules.dialects import (
    asciidoc_columns,
    asciidoc_ordered_item,
    bang_heading,
    bang_table_header,
    bbcode_to_markdown,
    has_bbcode,
    heading_item,
    heading_item_text,
    ini_section,
    is_asciidoc_attribute_entry,
    is_asciidoc_author_line,
    is_asciidoc_block_line,
    is_asciidoc_document,
    is_mediawiki_table_open,
    is_org_keyword,
    is_org_table_rule,
    is_overline,
    is_pasted_org,
    is_pmwiki_table_attributes,
    is_rst_underline,
    jira_brace_marks,
    mediawiki_bold,
    org_heading,
    psql_rule,
    rst_directive,
    rst_directive_body,
    rst_table_columns,
    tight_mediawiki_item,
    unspaced_wiki_heading,
    unwrap_table_directive,
    wiki_heading,
    wiki_ordered_item,
    wiki_table_header,
    wraps_document,
)
from nato_briefs.reader.rules.docs_sites import (
    closes_container,
    heads_nothing,
    is_cjk_dated_byline,
    is_snippet_include,
    item_wraps_before_dash,
    strip_heading_template_call,
)
from nato_briefs.reader.rules.exported_pages import (
    br_as_space_break,
    breaks_into_sentence,
    embed_directive,
    ends_in_space_break,
    is_parenthetical_link_line,
    is_policy_date_line,
    shows_url,
    tight_number_item,
    underline_matches,
    without_nbsp_indent,
)
from nato_briefs.reader.rules.exports import (
    chat_bold,
    closes_markdown_wrapper,
    confluence_tasks,
    continues_word_list,
    is_attribution_line,
    is_chat_bold_document,
    is_converter_alert,
    is_credit_byline,
    is_page_separator,
    is_ragged_tail,
    is_reply_attribution,
    is_section_label,
    is_solid_rule,
    mediawiki_caption,
    opens_markdown_wrapper,
    opens_quoted_message,
    outline_heading,
    quote_opens_with_attribution,
    quoted_message_start,
    repeats_header,
    split_at_repeated_headers,
    strip_empty_anchors,
    strip_heading_suffix,
    trac_header,
    trac_row,
    two_row_header,
    unquote,
    word_list_level,
    word_list_marker,
)
from nato_briefs.reader.rules.extracted import (
    EXTRACTED_RULES,
    numbers_next,
    text_over_page_turn,
)
from nato_briefs.reader.rules.front_matter import (
    MAX_FRONT_MATTER_CHARS,
    FrontMatter,
    front_matter,
    is_kramdown_rfc_section,
    logseq_page_properties,
    multimarkdown_metadata,
)
from nato_briefs.reader.rules.group_rows import (
    is_group_label_row,
    is_spanning_label,
    is_totals_row,
    is_units_row,
)
from nato_briefs.reader.rules.html_elements import (
    br_paragraph_title,
    bullet_column_items,
    class_table,
    is_bold_style,
    is_marker_free_wrapper,
    is_permalink_anchor,
    is_reply_fallback,
    is_title_style,
    nest_indented_items,
    superscript_mark,
)
from nato_briefs.reader.rules.interchange import INTERCHANGE_RULES
from nato_briefs.reader.rules.items import (
    BULLET_GLYPHS,
    GLYPH_LEVEL,
    ITEM_RULES,
    MAX_SYMBOL_BULLET,
    SUB_BULLET_GLYPHS,
    TAB_BULLET_GLYPHS,
    THEMATIC_BREAK,
    Marker,
    ascii_bullet_item,
    bullet_item,
    cjk_enumerator_item,
    empty_item_after_prose,
    entity_bullet_item,
    entity_space_bullet,
    enumerator_item,
    glyph_before_bold,
    glyph_elements_run,
    indentation,
    is_cjk_inline_enumeration,
    is_divider,
    is_label_only_item,
    is_lettered,
    is_reference_tail,
    labelled_entry,
    lead_char,
    lone_bullet,
    markdown_item,
    markdown_marker_end,
    match_item,
    o_bullet_run,
    o_space_bullet,
    o_under_bullet,
    opens_sub_lettering,
    paren_numeral_style,
    shortcode_bullet_item,
    star_level_item,
    starts_letter_item,
    step_label,
    symbol_bullet_item,
    symbol_run_resumes,
    tight_dash_item,
    tight_glyph_item,
    tight_marker_line,
    typed_marker_item,
    upper_lettered_item,
    wrapped_symbol_run,
)
from nato_briefs.reader.rules.latex import MIN_LATEX_LINES, latex_document, latex_inline, latex_lines, tabular_rows
from nato_briefs.reader.rules.liquid import LIQUID_RULES
from nato_briefs.reader.rules.markup import (
    comment_block_end,
    container_left_open,
    dash_continues,
    definition_start,
    final_link_text,
    has_bare_url,
    has_lowercase_content_word,
    html_block_tag,
    image_alt,
    is_attribute_line,
    is_block_id_line,
    is_byline,
    is_caption,
    is_label_line,
    is_parenthetical,
    is_template_tag_line,
    is_title_case,
    is_unclosed_star_line,
    leaves_link_open,
    leaves_sentence_open,
    letters_inline,
    looks_like_structure,
    mend_template_links,
    opens_comment_block,
    opens_mid_sentence,
    parenthetical_runs_on,
    replace_wikilinks,
    runs_on_into_math,
    strip_amendment_mark,
    strip_bold_markers,
    strip_callout_marker,
    strip_fenced_code,
    strip_footnote_refs,
    strip_heading_attributes,
    strip_note_marks,
    strip_single_tildes,
    strip_trailing_markup,
    strip_trailing_tags,
    tag_balance,
    task_marker,
    without_code_spans,
    wraps_inside_span,
)
from nato_briefs.reader.rules.notes import closes_open_link, is_block_tag, is_figure_line
from nato_briefs.reader.rules.notices import (
    answers_question,
    breaks_before_answer,
    in_page_link_text,
    is_date_first_byline,
    is_date_first_dateline,
    is_spaced_cjk_sentence,
    names_fields,
    opens_with_duration,
    runs_into_items,
)
from nato_briefs.reader.rules.office_exports import (
    custom_element_block,
    document_tags_block,
    raw_text_blank,
    unclosed_raw_element,
)
from nato_briefs.reader.rules.page_copy import (
    chrome_head_end,
    document_margin,
    indented_item_run,
    is_chrome_list,
    is_contents_label,
    is_metadata_field,
    is_metadata_label,
    is_page_landmark,
    page_margin,
    strip_footnote_refs_inline,
    strip_link_numbers,
)
from nato_briefs.reader.rules.page_furniture import (
    blank_repeated_letterheads,
    blank_running_headers,
    first_sentence_line,
)
from nato_briefs.reader.rules.pipeline_text import (
    after_page_turn,
    aria_element,
    cell_line_table,
    is_agency_slug,
    is_banner_rule,
    is_clock_stamp,
    is_dated_chat_stamp,
    is_joint_byline,
    is_mail_header_field,
    is_mail_header_table,
    is_prompt_line,
    is_source_credit,
    is_teleprinter_header,
    replace_chat_links,
    unprefixed_xhtml,
)
from nato_briefs.reader.rules.plain_shapes import (
    caps_runs_on,
    colon_title,
    half_piped_rows,
    is_cable_field,
    is_document_number,
)
from nato_briefs.reader.rules.posts import (
    breaks_after_label,
    opens_html_block,
    set_image_apart,
    without_trailing_comment,
)
from nato_briefs.reader.rules.sequences import (
    HASH_NUMBER,
    NUMBER_COLON,
    NUMBER_DOT_HYPHEN,
    NUMERO,
    PAREN_NUMBER_DOT,
    counts_on,
    flat_outline_levels,
    in_numbered_run,
    line_record,
    record_lines,
    run_neighbours,
)
from nato_briefs.reader.rules.tables import (
    FULLWIDTH_PIPE,
    MIN_BARE_PIPE_ROWS,
    aligned_cells,
    aligned_columns,
    aligned_continuation,
    bare_pipe_cells,
    box_table_line,
    cell_markers,
    combine_header_rows,
    continuation_row,
    crosses_columns,
    csv_delimiter,
    csv_fields,
    cut_delimiter_row,
    cut_header_row,
    empty_first_column,
    equals_delimiter,
    excel_separator,
    fenced_table_end,
    fullwidth_pipes,
    glued_fence_table,
    grid_border,
    grid_cell_fragment,
    grid_cells,
    header_from_first_row,
    is_boxed_row,
    is_dash_line,
    is_delimiter_row,
    is_empty_row,
    is_empty_tab_row,
    is_footer_note,
    is_note_row,
    is_rule_row,
    is_table_border,
    is_table_row,
    lone_title_header,
    mismatched_delimiter,
    opens_grid_table,
    opens_pre_table,
    pipe_cells,
    pipe_cut_row,
    pipe_run_ends_apart,
    quoted_header_only,
    quoted_tab_row,
    quoted_table_end,
    right_aligned_table,
    row_borders,
    row_count_footer,
    short_wrapped_row,
    simple_table_cells,
    simple_table_columns,
    simple_table_runs_out,
    spaced_pipe_row,
    spaced_rows_end,
    spaced_simple_row,
    splits_into_rows,
    tab_fields,
    tab_row_under_item,
    table_margin,
    title_under_rows,
    unaligned_run,
    without_hard_break,
    without_quoted_fields,
    wrapped_role_header,
    wrapped_row,
    wrapped_tab_row,
)
from nato_briefs.reader.rules.titles import (
    ANSWER_WORDS,
    KICKERS,
    admonition_title,
    content_tab_label,
    dash_underline,
    dedent,
    ends_in_cjk_lead_in,
    ends_in_hard_break,
    ends_in_lead_in,
    ends_on_particle,
    ends_split_word,
    framed_heading,
    has_ideographic_full_stop,
    has_letter,
    in_line_stack,
    is_answer,
    is_button_link,
    is_byline_name,
    is_chat_stamp,
    is_code_span_line,
    is_comment_line,
    is_dated_byline,
    is_dated_entry,
    is_dateline,
    is_end_mark,
    is_field_line,
    is_footnote_definition,
    is_kicker,
    is_link_only,
    is_link_row,
    is_mdx_import,
    is_mkdocs_admonition,
    is_numbered_link,
    is_page_chrome,
    is_page_furniture,
    is_page_number,
    is_page_turn_furniture,
    is_release_label,
    is_result_footer,
    is_running_header,
    is_share_bar,
    is_signature_separator,
    is_speaker_turn,
    is_time_stamp,
    is_toc_marker,
    is_toc_placeholder,
    is_unspaced_sentence,
    is_whole_line_italic,
    join_hyphen_breaks,
    memo_outline_headings,
    memo_section_bodies,
    mend_spaced_bold,
    numbered_headings,
    page_break_end,
    pipe_page_turn,
    plain_text_heading,
    spaced_field_neighbours,
    starred_heading,
    strip_bracketed_spans,
    strip_permalink,
    strip_trailing_hashtags,
    title_lead,
    unclosed_tilde_underline,
    wrapped_span,
)
from nato_briefs.reader.rules.tool_copies import (
    bold_record_field,
    is_comment_row,
    is_emoji_lead_in,
    overflow_cells,
    page_break_continuation,
    rtf_residue_lines,
    stacked_records,
    summary_over_markdown,
    unrtf_banner_end,
    unwrapped_docs_clipboard,
)
from nato_briefs.reader.rules.wiki_exports import (
    bold_runs_on,
    is_glyph_only_item,
    item_runs_onto_tag,
    leaves_inline_tag_open,
    opens_with_inline_tag,
    shortcode_end,
    strip_span_attributes,
    wrapped_bold_line,
)
from nato_briefs.reader.rules.wraps import (
    WRAP_PAIR_SLACK,
    broken_before_long_word,
    ends_in_word_hyphen,
    ends_on_function_word,
    has_sentence_break,
    headline_over_wrap,
    next_word_fits,
    opens_scribe_continuation,
    opens_with_requirement,
    wrapped_name_line,
    wrapped_title,
    wraps_at_width,
    wraps_with_next,
)
from nato_briefs.reader.text import clean_source, decode_qp_escapes, repair_mojibake, unify_line_breaks

# The named rules, for documentation and their tests.
RULES: dict[str, Callable[[str], object]] = {
    **dict(ITEM_RULES),
    "table_row": is_table_row,
    "delimiter_row": is_delimiter_row,
    "caption": is_caption,
    "byline": is_byline,
    "footnote_refs": strip_footnote_refs,
    "trailing_tags": strip_trailing_tags,
    "heading_attributes": strip_heading_attributes,
    "parenthetical": is_parenthetical,
    "attribute_line": is_attribute_line,
    "template_tag_line": is_template_tag_line,
    "tab_row": tab_fields,
    "empty_tab_row": is_empty_tab_row,
    "grid_border": grid_border,
    "simple_table_rule": simple_table_columns,
    "rst_table_border": rst_table_columns,
    "multiline_border": is_dash_line,
    "unclosed_star": is_unclosed_star_line,
    "sentence_open": leaves_sentence_open,
    "mid_sentence": opens_mid_sentence,
    "link_open": leaves_link_open,
    "bold_cell": strip_bold_markers,
    "inline_lettering": letters_inline,
    "bare_url": has_bare_url,
    "label_line": is_label_line,
    "image_alt": image_alt,
    "wikilinks": replace_wikilinks,
    "definition": definition_start,
    "callout_marker": strip_callout_marker,
    "title_case": is_title_case,
    "html_block": html_block_tag,
    "suspect_structure": looks_like_structure,
    "code_spans": without_code_spans,
    "entity_bullet": bullet_item,
    "symbol_bullet": symbol_bullet_item,
    "field_line": is_field_line,
    "chat_stamp": is_chat_stamp,
    "release_label": is_release_label,
    "dateline": is_dateline,
    "byline_name": is_byline_name,
    "time_stamp": is_time_stamp,
    "wiki_heading": wiki_heading,
    "pipe_run_before_title": pipe_run_ends_apart,  # bare pipe rows right over the next title: a table
    "psql_unaligned": row_count_footer,  # bare pipe rows over psql's "(3 rows)": a table
    "teleprinter_header": is_teleprinter_header,  # "ZCZC" / "ANS0423 3 EST 0 ZCZ" over the headline
    "one_line_teleprinter_header": is_teleprinter_header,  # "ZCZC BRU123 4 NATO": mark and codes on one line
    "entity_space_bullet": entity_space_bullet,  # "•&#160;Name": the blank an entity
    "container_left_open": container_left_open,  # "...</h2><table>": the HTML block runs on to </table>
    "bullet_column": bullet_column_items,  # <td><img alt="•"></td><td>Name</td> rows: a list
    "style_bold": is_bold_style,  # <p style="font-weight:bold">: as bold as <p><strong>
    "wire_headline_prefix": wire_headline_prefix,  # "UPDATE 1-NATO allies ...": the title without the label
    # session 20 (chrome): page chrome of government pages, as HTML and copied as text (``rules/page_copy.py``)
    "page_landmark": is_page_landmark,  # <nav>, a <header>/<footer>/<aside> outside <main>: no article text
    "chrome_list": is_chrome_list,  # <ul aria-label="Share">, "Share this page" over a list of links: chrome
    "chrome_head": chrome_head_end,  # "Skip to main content" / "Home" / ... over the headline: the headline a title
    "metadata_field": is_metadata_field,  # "From: National Defence": a page's field, no title
    "indented_page_items": indented_item_run,  # "    - Name: detail" items under a heading and a blank: a list
    "date_first_dateline": is_date_first_dateline,  # "December 1, 2026 – Ottawa, Ontario – National Defence"
    "unspaced_wiki_heading": unspaced_wiki_heading,  # "==Priorities==" in a MediaWiki document: a heading
    "tight_mediawiki_item": tight_mediawiki_item,  # "*Name: detail" in a MediaWiki document: an item
    "overline": is_overline,
    "wiki_table_header": wiki_table_header,
    "wiki_ordered_item": wiki_ordered_item,
    "org_table_rule": is_org_table_rule,
    "org_heading": org_heading,
    "org_keyword": is_org_keyword,
    "mediawiki_bold": mediawiki_bold,
    "bbcode": bbcode_to_markdown,
    "footnote_continuation": is_footnote_definition,
    "kicker": is_kicker,
    "page_chrome": is_page_chrome,
    "answer": is_answer,
    "hard_break": ends_in_hard_break,
    "share_bar": is_share_bar,
    "hyphen_break": join_hyphen_breaks,
    "bare_pipe_table": bare_pipe_cells,
    "boxed_pipe_run": is_boxed_row,
    "quoted_table_end": lambda line: quoted_table_end(line.split("\n"), line.count("\n")),
    "result_footer": is_result_footer,
    "end_mark": is_end_mark,
    "page_furniture": is_page_furniture,
    "trailing_hashtags": strip_trailing_hashtags,
    "bracketed_spans": strip_bracketed_spans,
    "template_link_target": mend_template_links,
    "spaced_bold": mend_spaced_bold,
    "whole_line_italic": is_whole_line_italic,
    "comment_line": is_comment_line,
    "plain_text_heading": plain_text_heading,
    "signature_separator": is_signature_separator,
    "has_letter": has_letter,
    "link_only": is_link_only,
    "button_link": is_button_link,
    "mdx_import": is_mdx_import,
    "admonition": admonition_title,
    "lettered": is_lettered,
    "title_lead": title_lead,
    "headerless_table": header_from_first_row,
    "footer_note": is_footer_note,
    "box_table": box_table_line,
    "toc_placeholder": is_toc_placeholder,
    "result_rows": splits_into_rows,
    "row_borders": row_borders,
    # session 8
    "bullet_divider": is_divider,
    "shortcode_bullet": shortcode_bullet_item,
    "tight_dash": tight_dash_item,
    "labelled_entry": labelled_entry,
    "lone_bullet": lone_bullet,
    "csv_row": csv_delimiter,
    "right_aligned_table": right_aligned_table,  # pandas' to_string(): right-aligned columns beside an index
    "named_index": right_aligned_table,  # its index's name alone under the header: the first column's header
    "notebook_prompt": is_prompt_line,  # "In [3]: ...": a notebook's prompt, never a heading
    "excel_separator": excel_separator,  # "sep=;" over a pasted CSV: Excel's directive, no row and no prose
    "quoted_csv_field": without_quoted_fields,
    "simple_table_run_out": simple_table_runs_out,  # caption, prose or a title right under a simple table's rows
    "spaced_simple_rows": spaced_simple_row,  # a simple table's rows apart by blank lines (``blank_between_rows``)
    "asciidoc_item": asciidoc_ordered_item,
    "page_number": is_page_number,
    "running_header": is_running_header,
    "permalink": strip_permalink,
    "rst_underline": is_rst_underline,
    "fenced_document": wraps_document,
    "header_rows": combine_header_rows,
    "equals_delimiter": equals_delimiter,
    "fullwidth_pipes": fullwidth_pipes,
    "continuation_row": continuation_row,
    "wrapped_row": wrapped_row,
    "note_row": is_note_row,
    "aligned_table": aligned_columns,
    "latex_document": latex_document,  # LaTeX source: \section, itemize/enumerate, tabular
    "latex_line": latex_lines,
    "latex_inline": latex_inline,
    "tabular": tabular_rows,
    "pre_table": opens_pre_table,  # <pre> over a grid table: the table is read
    "aligned_continuation": aligned_continuation,  # a cell wrapped onto the next line at its column
    "table_margin": table_margin,
    "rst_directive": rst_directive,
    "rst_table_directive": unwrap_table_directive,
    "quoted_tab_row": quoted_tab_row,
    "dash_continuation": dash_continues,
    "lettered_run": starts_letter_item,
    "star_level": star_level_item,
    "page_break": page_break_end,
    "dated_entry": is_dated_entry,
    "empty_item": empty_item_after_prose,
    "unspaced_sentence": is_unspaced_sentence,
    "comment_block": opens_comment_block,
    "single_tilde": strip_single_tildes,
    "paren_continuation": parenthetical_runs_on,
    "lead_in": ends_in_lead_in,
    "wrap_pair": wraps_with_next,
    "fenced_code_in_html": strip_fenced_code,
    "mmd_metadata": multimarkdown_metadata,
    # session 9, real-world sweep 2
    "other_language_run_on": ends_on_function_word,
    "word_hyphen_break": ends_in_word_hyphen,
    "dated_byline": is_dated_byline,
    "link_row": is_link_row,
    "item_wrap": wraps_at_width,
    "inner_sentence_break": has_sentence_break,
    # session 10, real-world sweep 3
    "ideographic_full_stop": has_ideographic_full_stop,
    "line_stack": in_line_stack,
    "kramdown_rfc_section": is_kramdown_rfc_section,
    "table_border": is_table_border,
    # session 12, real-world sweep 4
    "logseq_page_properties": logseq_page_properties,
    "logseq_block_property": is_logseq_hidden_property,
    "math_run_on": runs_on_into_math,
    "org_block_marker": is_org_block_marker,
    # session 12, real-world sweep 5
    "heads_nothing": heads_nothing,
    "final_link_text": final_link_text,
    "content_tab": content_tab_label,
    "grid_cell_markup": grid_cell_fragment,
    # session 13, real-world sweep 6 (``rules/exported_pages.py``)
    "matched_underline": underline_matches,
    "shown_url": shows_url,
    "parenthetical_link": is_parenthetical_link_line,
    "space_break": ends_in_space_break,
    "space_break_sentence": breaks_into_sentence,
    "tight_number": tight_number_item,
    "embed": embed_directive,
    "policy_date": is_policy_date_line,
    # session 13, round 10 part A (``rules/office_exports.py``)
    "custom_element": custom_element_block,
    "raw_element_run": unclosed_raw_element,
    # the text rules (``reader/text.py``), applied to the whole source before any line is read
    "invisible_marks": clean_source,
    "ligatures": clean_source,
    "line_separators": unify_line_breaks,
    "asciidoc_block_line": is_asciidoc_block_line,
    "asciidoc_columns": asciidoc_columns,
    # session 9 (round 5): ``rules/boilerplate.py``, wordings in ``nato_briefs/furniture.yaml``
    "furniture": is_furniture,
    "wire_slug": is_wire_slug,
    "breadcrumb": is_breadcrumb,
    "boilerplate_block": is_boilerplate,
    "endnote_refs": ends_in_endnote_ref,
    "sign_off": is_sign_off,
    "toc_marker": is_markup_marker,
    "abbreviation": is_abbreviation,
    "org_drawer": is_org_drawer_line,
    "jira_macro": jira_macro,
    "wp_shortcode": strip_shortcodes,
    "dash_delimiter": dash_delimiter,
    "tight_atx": atx_without_space,
    "inline_html_bold": inline_html_bold,
    "record_blocks": record_field,
    "mojibake": repair_mojibake,  # a text rule (``reader/text.py``), on the whole source
    "indented_text": is_indented_paragraph_start,
    # session 10 (round 6): ``rules/exports.py`` (mail, site generators, converters) and extensions
    "repeated_header": repeats_header,  # a paged export's header row repeated mid-table starts a new part
    "two_row_header": two_row_header,  # "| Priority |" over "| Area |" over the delimiter row: one header
    "rule_joints": is_org_table_rule,  # "|---+---|" under a pipe header, in any document (was org-mode only)
    "empty_anchor": strip_empty_anchors,  # '<a id="_Toc1"></a>__Title__': the title behind a bookmark
    "markdown_wrapper": opens_markdown_wrapper,  # kramdown's <div markdown="1"> and its </div>: blank lines
    "quoted_message": opens_quoted_message,  # an article forwarded whole under "Subject:" / "wrote:", unquoted
    "chat_bold": chat_bold,  # Slack / plain-text mail "*Priorities*" in a document without "**"
    "bbcode_table": bbcode_to_markdown,  # [table][tr][th] as the HTML table it stands for
    "mediawiki_caption": mediawiki_caption,  # "|+ caption" under "{|": prose, the table read
    "aligned_under_title": aligned_columns,  # a space-aligned table right under a bare title line
    "ordinal_item": enumerator_item,  # "1º", "2ª", "1.º": Portuguese / Spanish / Italian numbering
    "letter_item": enumerator_item,  # "а)", "α)": Cyrillic and Greek lettering, as "a)"
    "heading_suffix": strip_heading_suffix,  # "Priorities[edit]": a wiki's edit link (data)
    "credit_byline": is_credit_byline,  # "Recorded by Jane Doe": never a title (credit verbs are data)
    "outline_heading": outline_heading,  # "1<TAB>Background" alone: Word's outline numbering, a heading
    "trac_table": trac_header,  # Trac's "||= Area =||" header over "|| a || b ||" rows: a table
    "section_label": is_section_label,  # "News" over the headline on the first line: navigation (data)
    "tight_glyph": tight_glyph_item,  # "•Detection: ..." in a run of them: a bullet typed onto the word
    "cjk_enumerator": cjk_enumerator_item,  # "一、", "１．": Chinese and Japanese numbering
    "solid_rule": is_solid_rule,  # "_______" under an aligned table's header: pdftotext's rule, no row
    # session 12 (shapes2): ``rules/sequences.py``
    "numbered_run": in_numbered_run,  # "I." over "II.", "Step 1:", "1-", "1°", "Ⅰ.", "A." over the next: a run only
    "typed_markers": typed_marker_item,  # "<p>- Patrols<br>- Sensors</p>", "1. ...<br>2. ...": a list in a paragraph
    "record_lines": record_lines,  # "Priority Area: X — Key Focus: Y" a line, two or more: a table
    # session 13 (shapes9)
    "word_list": word_list_level,  # <p style="mso-list:l0 level2">o&nbsp; text</p>: Word's item at its level
    "word_list_run": continues_word_list,  # consecutive Word list paragraphs: one HTML block, one nested list
    "ini_section": ini_section,  # "[Priorities]" over its section, two or more in a document: bare titles
    "bang_heading": bang_heading,  # TiddlyWiki / PmWiki "!! Priorities", two or more in a document: headings
    "bang_table": bang_table_header,  # "|!Area |!Focus |", "||!Area ||!Focus ||": a header row
    "heading_item": heading_item,  # Logseq's "- ## Measures": the heading, its children a list under it
    "psql_rule": psql_rule,  # psql's "-----+-----" under " area | focus ": the delimiter row
    "confluence_tasks": confluence_tasks,  # Confluence storage "<ac:task-list><ac:task>": <ul><li>
    "wrapped_role_header": wrapped_role_header,  # "Priority  Key" over "Area  Focus", no rule: one header
    # session 13 (shapes11): ``rules/plain_shapes.py``
    "caps_runs_on": caps_runs_on,  # teletext "... AGREED A NEW" over "PLAN TO ... FLANK,": one sentence, no heading
    "document_number": is_document_number,  # "PO(2025)0123" alone on its line: a reference, never a heading
    "cable_field": is_cable_field,  # a cable's "SUBJECT: ..." / "REF: A. ..." field: never a heading
    "colon_title": colon_title,  # "Allies agree new cyber rules:" first, over a blank and prose: the title
    "half_piped_rows": half_piped_rows,  # "| a | b | c" over "d | e | f |": two rows, not one cut row
    # session 14, real-world sweep 7 (``rules/wiki_exports.py``)
    "inline_tag_item": item_runs_onto_tag,  # "- ✅" over "<a ...>Jane Smith</a>": the name is the item's text
    "wrapped_bold": wrapped_bold_line,  # "**Proposal: ... (Maria" over "Lopez)**": one bold title
    "span_attributes": strip_span_attributes,  # '![icon](x.png){: style="..."}': kramdown's attribute list dropped
    "multiline_shortcode": shortcode_end,  # "{{< figure" / 'src="/x.png"' / ">}}": all of it markup, as on one line
    "bold_runs_on": bold_runs_on,  # "**[Download the report](x)**" over "to take a closer look ...": one paragraph
    # session 14 (shapes12b): ``rules/authoring.py``, authoring tools' markup (block rules take the lines)
    "jsx_comment": is_jsx_comment,  # "{/* note */}" alone: MDX's comment, nothing (also "export const x = {...}")
    "myst_break": is_myst_break,  # '+++ {"tags": [...]}': a MyST notebook's cell break, nothing
    "rst_target": is_rst_target,  # ".. _maritime-plan:": a reST link target, nothing
    "txt2tags_setting": is_txt2tags_setting,  # "%!target: html": txt2tags' settings (its "%" comments too)
    "typst_rule": is_typst_rule,  # "#set text(size: 11pt)", "#show heading: ...": Typst code, nothing
    "org_heading_text": org_heading_text,  # "* TODO Follow-up   :nato:": the heading "Follow-up"
    "org_planning": is_org_planning_line,  # "SCHEDULED: <2026-07-01 Wed>" under an org heading: nothing
    "org_table_layout": lambda line: is_org_cookie_row(line.strip("|").split("|")),  # "| <l13> | <r> |": no row
    "textile_attributes": textile_line,  # "h2(#id){color:navy}. Priorities", "|{font-weight:bold}. x |": no attrs
    "wiki_cell_attributes": mediawiki_cell,  # '| rowspan="2" | Air Defence': the text, spanning two rows
    "asciidoc_cell_spec": asciidoc_cells,  # ".2+|Maritime Security", "a|text": the cell, its spans
    "br_cell_list": br_cell_list,  # "• a<br>• b" in a pipe cell: "a<br>b"
    "cell_list": lambda line: cell_list_text(line.split("\n")),  # "- a" over "- b" in a grid cell: "a b"
    "span_underline": is_span_underline,  # "-----  -------" in a reST simple table's header: a group label's span
    "wikidot_header": wikidot_header,  # "||~ Area ||~ Focus ||": a Wikidot header row
    # session 14, real-world sweep 8 (``rules/docs_sites.py``)
    "cjk_byline": is_cjk_dated_byline,  # "2024 年 12 月 05 日 [The Team](/team)": a translated post's byline
    "container_end": closes_container,  # "React tree" over "</Diagram>": a caption, it heads nothing
    "item_dash_wrap": item_wraps_before_dash,  # "- [SSE](x)" over "  – for one-way traffic": one item
    "heading_template_call": strip_heading_template_call,  # "## Overview {{ osib_anchor(...) }}" -> "## Overview"
    # session 14 (the known losses): ``rules/page_copy.py``, ``rules/group_rows.py``; "1/" over "2/" is numbered_run
    "footnote_refs_inline": strip_footnote_refs_inline,  # "Core defence[^2]": the reference is markup, removed
    "link_numbers": strip_link_numbers,  # lynx's "[1]Regional plans": the link number is removed
    "metadata_label": is_metadata_label,  # "From:" over "Ministry of Defence", "Published" over a date: no headings
    "contents_label": is_contents_label,  # "Contents" over the links it lists: a heading, the links its prose
    "page_margin": page_margin,  # lynx's 3-space margin: a "     * item" after a blank line is an item, not code
    "group_label_row": is_group_label_row,  # "| **Eastern flank** | | |": names the rows below, no priority
    # session 14 (shapes12a, round 11 part A): text as pipelines deliver it (``rules/pipeline_text.py``)
    "source_credit": is_source_credit,  # "SOURCE North Atlantic Treaty Organization": a wire's credit, no heading
    "agency_slug": is_agency_slug,  # "AP-NATO-Ministers,0489" over the headline: a slug, boilerplate
    "clock_stamp": is_clock_stamp,  # "2025-06-05 14:12:31.418 GMT" alone: a time stamp, no heading
    "joint_byline": is_joint_byline,  # "By Jane Doe and John Roe": a byline, no heading; no sentence runs into it
    "dated_chat_stamp": is_dated_chat_stamp,  # "[05-Jun-25 10:42 AM] anna.k": a chat export's message header
    "banner_rules": is_banner_rule,  # "====" / "Guild: ..." / "====": an exporter's banner, no setext heading
    "mail_header_fields": is_mail_header_field,  # "From:<TAB>NATO Press": a forwarded message's field, no table
    "chat_link": replace_chat_links,  # Slack's "<https://...|shown text>": the shown text
    "xhtml_prefix": unprefixed_xhtml,  # Atom's "<xhtml:table>": the XHTML element
    "aria_roles": aria_element,  # <div role="table">, <div role="listitem">: the table or list they stand for
    "page_turn": after_page_turn,  # an aligned table's rows go on after a page's footer and the next header
    "cell_lines": cell_line_table,  # pdftotext without -layout: a table written a cell a line
    "qp_escapes": decode_qp_escapes,  # a text rule (``reader/text.py``): saved mail's "=20", "=E2=80=99"
    # session 14, real-world sweep 9 (``rules/notes.py``; ``indented_code_list`` is ``Segmenter.code_if_kept``)
    "block_tag_space": is_block_tag,  # "indicators</li><li>Find" in a table cell: "indicators Find"
    "link_text_wrap": closes_open_link,  # "- [A short guide" over "](https://x)": one item, one link
    "item_figure": is_figure_line,  # "![Reset button.](x.png)" right under an item: the item's, the list goes on
    # session 14 (shapes12d, round 11 part D): articles as common tools hand them on (``rules/tool_copies.py``;
    # ``tsv_repeated_header``, ``tsv_table_end`` and ``aligned_after_list`` are the segmenter's, no function)
    "rtf_residue": rtf_residue_lines,  # "...\\par" lines: RTF's body as text, its control words read
    "unrtf_banner": unrtf_banner_end,  # "### Translation from RTF performed by UnRTF ...": the converter's, blank
    "bold_record_field": bold_record_field,  # "**Priority Area:** Cyber": a record field, as record_blocks reads
    "comment_row": is_comment_row,  # "<!-- | Air Policing | ... | -->" between rows: hidden, the table goes on
    "docs_clipboard": unwrapped_docs_clipboard,  # Google Docs' <b id="docs-internal-guid-..."> wrapper: no bold
    "overflow_row": overflow_cells,  # an aligned row whose long cell pushed the rest right: still a row
    "emoji_lead_in": is_emoji_lead_in,  # "📌 Key priorities:" over "🔸 ..." lines: the run's lead-in, prose
    "summary_markdown": summary_over_markdown,  # "<summary>X</summary>" right over a pipe row: the table below
    "page_break_rows": page_break_continuation,  # "<!-- PageBreak -->" between a table's parts: one table
    "stacked_records": stacked_records,  # a responsive table copied: label over value, a block a row
    # session 14, real-world sweep 10 (``rules/posts.py``)
    "image_space": set_image_apart,  # "[![logo](x.png)](x.png)The summit": "logo The summit"
    "item_tag_escape": opens_html_block,  # "🗓️ <b>14 November</b>": the <b> is markup, not escaped text
    "item_label_break": breaks_after_label,  # "* **Air defence**:␣␣" over its text: one item
    "excerpt_mark": without_trailing_comment,  # "... entries:<!-- more -->" ends on its colon: no title
    # session 15, real-world sweep 11 (``rules/notices.py``; ``link_text_inside`` is ``Segmenter.starts_block``'s)
    "spaced_key_template": names_fields,  # "---" / "feature name: x" / "rfc pr: y" / "---": an RFC's front matter
    "question_break": breaks_before_answer,  # "**Have you searched?**␣␣" over "We have not searched": its answer
    "lone_answer": answers_question,  # "**Does it involve GitHub?**" / "GitHub" / "**Describe it.**": the answer
    "clause_into_items": runs_into_items,  # "Before disabling any content, GitHub" over "- contacted ...": prose
    "date_first_byline": is_date_first_byline,  # "March 18, 2026 · AWS CDK Team": a post's byline
    "spaced_cjk": is_spaced_cjk_sentence,  # "其余 9 个盟国 ... GDP 的 2% ...，因此 ...": a sentence without its stop
    "duration_lead": opens_with_duration,  # "=> 20m: Rotation", "== 15m: Venue": an agenda's time, no markup
    "toc_anchor": in_page_link_text,  # "[Air Policing {#air-policing}](#...)": the entry reads as its heading
    "template_link_path": mend_template_links,  # "[Report]({{ site.baseurl }}/x.pdf)": a link (sweep 12)
    "data_attribute": strip_heading_attributes,  # "## Requirements { data-search-exclude }": the attribute goes
    **EXTRACTED_RULES,  # session 16, real-world sweep 12: PDF text layers, hand-edited front matter (``extracted``)
    "cell_spaced_bold": mend_spaced_bold,  # "| **Income ** |" (Word via pandoc): the cell's bold, stars gone (sweep 13)
    **LIQUID_RULES,  # session 17, real-world sweep 13: Jekyll's Liquid tags and link targets (``rules/liquid.py``)
    # session 18, real-world sweep 14: security advisories, root-cause reports and working-group minutes
    "question_label": is_label_line,  # "**Is the exploit method known?** Yes": a labelled answer, no title
    "spaced_field_run": spaced_field_neighbours,  # "CWE-613: ..." / blank / "Severity: Medium": metadata
    "item_reference_tail": is_reference_tail,  # "* Audit build process" / "[#1037](...)": one item
    **INTERCHANGE_RULES,  # session 15 (shapes13): documents handed from tool to tool (``rules/interchange.py``)
    # session 15 (shapes14): lists and tables as hurried writers type them
    "tight_marker": tight_marker_line,  # "▪Partnerships: ...", "1)Eastern Sentry: ..." in a list of that marker
    "short_wrapped_row": short_wrapped_row,  # "| a | b |" over "c |" under a three-cell row: one row
    "cell_marker_list": cell_markers,  # "1) Rail<br>2) Ports", "‣ Secure networks" in a pipe cell: markers dropped
    # session 16 (shapes15): sub-bullets, wrapped numbers and rows, group rows
    "o_space_bullet": o_space_bullet,  # "    o Germany ..." beside another such line, under an item: a sub-bullet
    "number_wrap": counts_on,  # "- ... by" over "2035. National ...": the sentence runs on, no ordered item
    "pipe_cut_row": pipe_cut_row,  # "| a | b" over "| c |" under a three-cell row: one row
    "wrapped_tab_row": wrapped_tab_row,  # "a<TAB>b c" over "d<TAB>e" under three columns: one row "a | b c d | e"
    "spanning_group_row": is_spanning_label,  # "<td colspan=3>Eastern flank</td>" in the body: a group's label
    # session 16: the seeds re-rendered as tools write them (``tests/test_rerender.py``)
    "unforced_break": next_word_fits,  # "- ... threats" over "A summary ...", "A" fitting: the item ends there
    "long_word_wrap": broken_before_long_word,  # "... the earlier issues" over "[NCIA-...](https://...) and"
    "lowercase_content_word": has_lowercase_content_word,  # "The visit of NATO ...": "visit" is no Title Case word
    "wrapped_name_line": wrapped_name_line,  # "The visit of NATO Deputy ... the United" over "States ...": wrapped
    "paren_roman": paren_numeral_style,  # "(i)" over "(ii)": one roman-numbered list
    "closing_pipe_row": pipe_cut_row,  # "| a | b | c" over "|": one row (the last pipe cut off: ``pipe_cut_row``)
    "cut_header_row": cut_header_row,  # "| a | b | Expected" over "Outcome |" over "|---|---|---|": one header
    "cut_delimiter_row": cut_delimiter_row,  # "| --- | --- |" over "--- |" under three cells: one rule
    "wrapped_run": run_neighbours,  # "I. ... to" over "bolster ..." over "II. ...": a numbered run, wrapped
    "glyph_element_run": glyph_elements_run,  # "<div>•&nbsp;a</div>" over "<div>•&nbsp;b</div>": one list
    "grid_after_list": opens_grid_table,  # "- item" over "+---+---+": the list ends, a grid table opens
    "tsv_after_item": tab_row_under_item,  # "- item" over "Area<TAB>Focus<TAB>Outcome": the list ends, a table opens
    # session 17 (shapes16): symbol runs resumed, list wrappers, quotes in quotes
    "symbol_run_resumes": symbol_run_resumes,  # "□ Space" after a "○"/"-" sub-list under "□ Defence industry": an item
    "marker_free_wrapper": is_marker_free_wrapper,  # <li style="list-style-type:none"><ul>: no item, its list nests
    "dash_underline": dash_underline,  # "Priorities" over "———" (an autocorrected "---"): a setext heading
    "attribution_line": is_attribution_line,  # "Anna wrote:" over a quote to the end: the quoted message is the article
    "nested_quoted_message": quote_opens_with_attribution,  # "> Anna wrote:" over ">> ...": the inner message
    # session 17 (shapes17): articles pasted between everyday tools
    "jira_brace_marks": jira_brace_marks,  # "{*}Space centre{*}:", "{color:#172b4d}...{color}": Jira Cloud markup
    "glued_fence_table": glued_fence_table,  # "```| Area | ... |" ... "| ... |```": a Slack code block's table
    "ragged_quote_tail": is_ragged_tail,  # "> ... will be paid" / "from the common budget." / "> ...": still quoted
    "flat_outline_levels": flat_outline_levels,  # "1." / "1.1." / "1.1.1." or "1)" / "a)" / "i)" at the margin
    "empty_first_column": empty_first_column,  # "\tArea\tFocus\tOutcome\t": a range pasted from column B
    "lone_title_header": lone_title_header,  # "| Table 1: ... | | |" over "| **Priority Area** | ...": row 1 heads
    "reply_fallback": is_reply_fallback,  # <mx-reply>: the message replied to, hidden by Matrix clients
    "br_paragraph_title": br_paragraph_title,  # "<div>Title<br><br>Text ...": the title part is a bare title
    # session 17 (shapes18): the four gaps in their ordinary forms
    "number_colon_run": NUMBER_COLON.match,  # "1: Intelligence sharing – ..." over "2: ...": a numbered run
    "hash_number_run": HASH_NUMBER.match,  # "#1 Cyber Defense: ..." over "#2 ...": a numbered run
    "numero_run": NUMERO.match,  # "No. 1 Unified Threat Assessment – ..." over "No. 2 ...": a numbered run
    "totals_row": is_totals_row,  # "| **Total** | | | **1,250** |" last: no priority, kept in table_rows
    "sup_footnote_mark": superscript_mark,  # "<th>Priority Area<sup>1</sup></th>": "Priority Area¹"
    # session 17 (shapes19): seed 004 with one ordinary shape changed
    "number_dot_hyphen_run": NUMBER_DOT_HYPHEN.match,  # "1.- Joint military exercises: ..." over "2.- ...": a run
    "paren_number_dot_run": PAREN_NUMBER_DOT.match,  # "(1.) Cyber Defense Enhancement: ..." over "(2.) ...": a run
    "dash_rule_row": is_rule_row,  # "|------|------|------|" between body rows: a rule, no row
    "empty_row": is_empty_row,  # "|  |  |  |" between body rows: a gap, no row
    "unclosed_tilde_underline": unclosed_tilde_underline,  # "Title" over "~~~~~" and prose, never closed
    "o_under_bullet": o_under_bullet,  # "• Name" over "o Detail" at the margin: Word's sub-item pasted flat
    "o_bullet_run": o_bullet_run,  # "o Name: ..." lines in a run under a blank line or a colon: Word's "o" bullets
    "sub_lettering": opens_sub_lettering,  # "   a. ..." under "2. ...": the numbered item's one sub-point
    "framed_heading": framed_heading,  # "--- Priorities ---": a heading, as "=== Priorities ===" is
    # session 18 (shapes20): chat assistants, newsletters, PDF text and other dialects' shapes, each in its concern
    "glyph_bold_lead": glyph_before_bold,  # "- ✅ **Patriot batteries** – ...": the emoji a glyph, the bold the lead
    "asciidoc_author_line": is_asciidoc_author_line,  # "= Title" over "Press Office <press@...>": no heading
    "starred_heading": starred_heading,  # "*** PRIORITIES ***": a plain-text newsletter's section heading
    "fenced_table": fenced_table_end,  # "```markdown" over a pipe table, "```" over a simple table: the table
    "bulleted_records": record_lines,  # "- **Area:** X — **Focus:** Y — **Outcome:** Z", a line each: a table
    "piped_records": line_record,  # "**Priority Area:** X | **Key Focus:** Y | ...": a record a line
    # session 18 (shapes20b): the round's known losses
    "mismatched_delimiter": mismatched_delimiter,  # "|---|---|" under a three-cell header over three-cell rows
    "numbered_heading": numbered_headings,  # "1." to "4." alone over prose, sections apart: headings, no lists
    "lone_number_run": numbers_next,  # "2." alone under "1. Brigade Lithuania: ..." (pdftotext -raw): the next item
    "pasted_org": is_pasted_org,  # "* Title" first, "** X" headings, "|---+---|", "- X :: y": an org file pasted
    "repeated_running_header": blank_running_headers,  # a PDF's running header, known under a page number: blanked
    "pipe_page_turn": pipe_page_turn,  # a page number and running header between a pipe table's rows: crossed
    "indented_document": document_margin,  # every text line four spaces in or more: the page's margin, no code
    # session 18 (shapes21): the four gaps as ordinary writers and tools produce them, each in its concern
    "docs_title_class": is_title_style,  # Google Docs' <p class="c0 title">: the headline, as MsoTitle is
    "wrapped_title": wrapped_title,  # "... with Jordan," over "Mauritania and ...", between blanks: one title
    # session 19 (shapes22): the four gaps as docs generators, page exports, mail clients and old fonts give them
    "raw_text_blank": raw_text_blank,  # Notion's "<html>...<style>" line over a style sheet with blank lines
    "permalink_anchor": is_permalink_anchor,  # Sphinx's "<h2>Priorities<a class="headerlink" href="#p">¶</a>"
    "sign_off_lines": signs_off,  # "<div>Best regards,</div><div>Anna</div>": the signer's name, no title
    "tab_indented_text": paragraph_indent,  # "\tBRUSSELS (AP) -- NATO allies agreed ..." over its wrap: a paragraph
    "wingdings_letter_bullet": bullet_item,  # "Ø  Hub for the South: ...", "ü  Ministers review ...": Word's bullets
    "ring_sub_bullet": bullet_item,  # "   ∘ Land phase: ..." under "➜ Steadfast Defender": a second-level bullet
    "box_records": box_table_line,  # "╠═══╬═══╣" under the header, no rules between rows: a record a line
    # session 19, real-world sweep 15: incident response docs, working-group minutes, newsletters, policy sites
    "bang_admonition": is_mkdocs_admonition,  # "!!! note \"Contacts\"" twice: admonitions, no TiddlyWiki headings
    "mediawiki_table_open": is_mediawiki_table_open,  # "{|bonjour| @translate=yes}": a literal, no MediaWiki table
    "snippet_include": is_snippet_include,  # "--8<-- \"docs/_info-box.partial\"": MkDocs' include, markup
    "open_span_wrap": wraps_inside_span,  # "- [A Guide to the Allied" over "Air Policing ...](x)": one item
    "quoted_header_only": quoted_header_only,  # ">Area | Focus" over an unquoted "---|---": the table's header
    "requirement_keyword_wrap": opens_with_requirement,  # "... by a handler" over "MAY be different ...": one sentence
    "speaker_turn": is_speaker_turn,  # "SFC: No" between "EAO: ..." turns: a transcript's turn, no title
    # session 20, real-world sweep 16: W3C minutes, Jekyll newsroom archives, Japanese release notes, testing guides
    # (``template_element`` and ``liquid_highlight`` are ``rules/liquid.py``'s, in ``LIQUID_RULES``)
    "cjk_inline_enumeration": is_cjk_inline_enumeration,  # "（１）...、（２）..." opening a sentence: no item
    "particle_wrap": ends_on_particle,  # "... 新しい機能や" over "様々な ...": a Japanese line wrapped after a particle
    "scribe_continuation": opens_scribe_continuation,  # "Kenji: ..." over "... feedback is welcome": one turn
    "numbered_contents_link": is_numbered_link,  # "4.3 [Identity Management](03/README.md)" in a run: contents
    "code_span_line": is_code_span_line,  # "`SELECT id FROM users WHERE id=1`" alone: code, no title
    "tab_row_hard_break": without_hard_break,  # "01:08:27<TAB>Anna:<TAB>scikit-learn  \\": no "\\" in the cell
    # session 21, real-world sweep 17: a legal gazette's norms, PDF council agreements, disclosure timelines
    "nbsp_indent": without_nbsp_indent,  # "&nbsp; &nbsp; Que, ..." (U+00A0): a paragraph, no indented code
    "repeated_letterhead": blank_repeated_letterheads,  # every page's letterhead after the first: blanked
    "label_only_item": is_label_only_item,  # "* **2015-08-25:** " over "Google asks ...": the item's text
    "romance_dateline": is_dateline,  # "Lima, 16 de mayo de 2002", "Ana Ruiz - 1 abril, 2026": a dateline, no title
    "amendment_mark": strip_amendment_mark,  # "... del Reglamento.**(\\*)**" alone: a sentence, no title
    # session 22, real-world sweep 18: disclosure advisories, a council's mdBook reports (``mdbook_include``: liquid)
    "cjk_first_sentence": first_sentence_line,  # "开发者需要提供一份RFC，...；": the text begun, no letterhead below
    "aligned_field": is_field_line,  # "CVE ID     : CVE-2024-6387" / blank / "CVSS Score : 8.1": fields, no titles
    "cjk_lead_in": ends_in_cjk_lead_in,  # "代码如下" over a code block: a lead-in, no title
    "br_break": br_as_space_break,  # "**CVE**<br>" over "CVE-2018-14737": a hard break, the label heads its value
    # session 23, real-world sweep 19: notebooks' markdown cells, a club's rules signed at a place and date
    "opened_autolink": strip_glued_link_targets,  # "**<https://...>**", "`<http://...> ...`": an autolink, kept
    "article_dateline": is_dateline,  # "Fait à Genas, le 17 juillet 2025": a dateline, no title
    "bold_speaker_turn": is_speaker_turn,  # "**M** - OK" between "**Duncan** - ..." turns: a minute's turn
    "heading_item_text": heading_item_text,  # "* #### Invoice: ..." over "    its wrapped text": text, no code
    # session 19 (shapes23): header layouts, editor and office HTML, rarer markers and narrow wraps
    "double_guillemet_bullet": bullet_item,  # "» Cold Response: winter training": a bullet, "»Wir ...«" a quote
    "document_tags_block": document_tags_block,  # LibreOffice's "<body ...><h1>NATO" over the heading's rest
    "paragraph_heading_role": aria_element,  # Word for the web's <p role="heading" aria-level="1">: a heading
    "narrow_wrapped_title": wrapped_title,  # "NATO Allies Agree Priorities for" (40 columns) over the title's rest
    "capitalised_continuation_cell": continuation_row,  # "| | all NATO commands | Allies |": the row above's rest
    "group_header_note": combine_header_rows,  # <th colspan=2>Plan for 2026</th> over Key Focus: "Key Focus (Plan ...)"
    "indent_class_items": nest_indented_items,  # Quill's flat <li class="ql-indent-1">: a sub-item of the one above
    "units_row": is_units_row,  # "| | | (EUR million) | (by 2030) |" under the header: the units, no priority
    "mail_header_table": is_mail_header_table,  # Thunderbird's Subject:/Date:/From:/To: table over a forward
    # session 20 (shapes24): an analyst's desk tools (``rules/desk_copies.py``)
    "glued_link_target": strip_glued_link_targets,  # "Hub for the South<https://...>": the link's text only
    "weekday_date": is_weekday_date,  # "December 2, 2026 Wednesday": a clip's date, no title
    "copyright_line": is_copyright_line,  # "Copyright 2026 Defence Daily Wire All Rights Reserved"
    "clip_masthead": clip_masthead,  # the publication over a LexisNexis clip's date, no heading
    "digest_end": is_digest_end,  # "End of NATO-PRESS Digest - 2 Dec 2026 (#2026-231)"
    "thread_chrome": is_thread_chrome,  # "3 replies", "Last reply today at 10:02 AM"
    "edited_mark": ends_in_edited_mark,  # "... (edited)": a chat message, no heading
    "chat_export_line": is_chat_export_line,  # "02/12/2026, 08:43 - Mihai: ...": an exported chat's message
    "reading_time": is_reading_time,  # "4–5 minutes": a reader view's reading time
    "reading_time_byline": bylines_reading_time,  # the name over a reading time: the byline
    "name_over_forward": name_over_forward,  # "Lars" over Outlook's "_____" rule: the forwarder's signature
    "marking_page_turn": is_page_turn_furniture,  # "NATO UNCLASSIFIED" centred between a table's rows: a page turn
    "page_turn_run_on": text_over_page_turn,  # "... centre in" / page foot and head / "Greece": no title
    "factiva_fields": factiva_fields,  # "HD<TAB>headline", "BY<TAB>...": a Factiva clip's fields
    "split_word_ending": ends_split_word,  # "strength-" / "en": a word split at a line end, no compound
    # session 20 (shapes25): markdown written by converters and generators, as content pipelines hand it over
    "wrapped_span": wrapped_span,  # pandoc's "[Commercial Space" over "Strategy]{.underline}": the span's text
    "converter_alert": is_converter_alert,  # gd2md-html's red "<p ...>>>>>>  gd2md-html alert: ...": no text
    "page_separator": is_page_separator,  # marker's "{1}------------------------------------------------": markup
    "highlight_marks": strip_note_marks,  # Obsidian's "==increase support==": the words, highlighted
    "block_id": is_block_id_line,  # Obsidian's "^priorities-2026" alone and a closing " ^intro": markup
    "percent_comment_block": comment_block_end,  # Obsidian's "%%" / "Draft: ask ..." / "%%": hidden
    "task_status_marker": task_marker,  # Obsidian Tasks' "- [/] Drone Wall: ..." / "- [-] ...": a task box
    "loose_definition_term": definition_start,  # "ARF" / blank / ":   Allied Reaction Force": a term, no heading
    # ``aligned_repeated_header`` is the segmenter's (a space-aligned table is paged: split at its repeated header)
    # session 20 (shapes27): seed-style articles with the four gaps of issue 1 combined
    "blank_between_rows": spaced_rows_end,  # header, delimiter, then blank / "| Cyber | ... |" every row: one table
    # session 22 (shapes29): the four gaps in shapes no earlier round used
    "operator_bullet": symbol_bullet_item,  # "  ⋅ EGUERMIN: ..." in a run: a typesetter's dot operator, a bullet
    "wrapped_symbol_run": wrapped_symbol_run,  # "➣ Name: ..." / "  wrap" / "➣ Name: ...": a run, hard-wrapped
    "asciidoc_attribute_entry": is_asciidoc_attribute_entry,  # ":doctype: article" under "= Title": a setting
    "reply_attribution_languages": is_reply_attribution,  # "Am 01.12.2026 um 16:42 schrieb Mark <m@x.org>:"
    "tab_after_symbol": tab_fields,  # "⇨\tToxic Valley – an exercise": a bullet and its tab, no spreadsheet row
    "class_table": class_table,  # <div class="table"> / "table-row" / "table-cell" (no ARIA roles): a table
    "name_over_reply": name_over_forward,  # "Anna" / blank / "On ..., Mark <m@x.org> wrote:": the note's signature
    "name_over_header_block": name_over_header_block,  # "Anna" / blank / "From: ..." over "Sent: ...": a signature
    "header_block_end": header_block_end,  # "Subject: ..." right over the quoted title: the header block ends
    # session 23 (readerfix): the reader's known leftovers
    "unaligned_run": unaligned_run,  # "Area|Focus|Outcome" rows, no blank beside a pipe, prose under: a table
    "step_label": step_label,  # "- Step 1: Military Mobility Pledge - plans": the name follows the step label
    "memo_outline": memo_outline_headings,  # "1. PRIORITIES" / blank / "   | Area | ... |": a memo's section header
    "headline_over_wrap": headline_over_wrap,  # a sentence-case headline its author broke over a wrapped paragraph
}


__all__ = [
    "ANSWER_WORDS",
    "BULLET_GLYPHS",
    "FULLWIDTH_PIPE",
    "GLYPH_LEVEL",
    "ITEM_RULES",
    "KICKERS",
    "MAX_FRONT_MATTER_CHARS",
    "MAX_SYMBOL_BULLET",
    "MIN_BARE_PIPE_ROWS",
    "MIN_LATEX_LINES",
    "RULES",
    "SUB_BULLET_GLYPHS",
    "TAB_BULLET_GLYPHS",
    "THEMATIC_BREAK",
    "WRAP_PAIR_SLACK",
    "FrontMatter",
    "Marker",
    "admonition_title",
    "after_page_turn",
    "aligned_cells",
    "aligned_columns",
    "aligned_continuation",
    "answers_question",
    "aria_element",
    "ascii_bullet_item",
    "asciidoc_columns",
    "asciidoc_ordered_item",
    "atx_without_space",
    "bang_heading",
    "bang_table_header",
    "bare_pipe_cells",
    "bbcode_to_markdown",
    "blank_running_headers",
    "bold_record_field",
    "bold_runs_on",
    "box_table_line",
    "br_as_space_break",
    "breaks_after_label",
    "breaks_before_answer",
    "breaks_into_sentence",
    "bullet_item",
    "cell_line_table",
    "chat_bold",
    "cjk_enumerator_item",
    "closes_container",
    "closes_markdown_wrapper",
    "closes_open_link",
    "combine_header_rows",
    "comment_block_end",
    "confluence_tasks",
    "container_left_open",
    "continuation_row",
    "continues_word_list",
    "crosses_columns",
    "csv_delimiter",
    "csv_fields",
    "custom_element_block",
    "dash_continues",
    "dash_delimiter",
    "decode_qp_escapes",
    "dedent",
    "definition_start",
    "document_margin",
    "document_tags_block",
    "embed_directive",
    "empty_item_after_prose",
    "ends_in_cjk_lead_in",
    "ends_in_endnote_ref",
    "ends_in_hard_break",
    "ends_in_lead_in",
    "ends_in_space_break",
    "ends_on_particle",
    "entity_bullet_item",
    "entity_space_bullet",
    "enumerator_item",
    "equals_delimiter",
    "excel_separator",
    "first_sentence_line",
    "front_matter",
    "fullwidth_pipes",
    "grid_border",
    "grid_cells",
    "has_bare_url",
    "has_bbcode",
    "has_letter",
    "header_from_first_row",
    "heading_item",
    "heading_item_text",
    "html_block_tag",
    "image_alt",
    "in_numbered_run",
    "in_page_link_text",
    "indentation",
    "ini_section",
    "inline_html_bold",
    "is_abbreviation",
    "is_agency_slug",
    "is_answer",
    "is_asciidoc_block_line",
    "is_asciidoc_document",
    "is_attribute_line",
    "is_banner_rule",
    "is_block_id_line",
    "is_block_tag",
    "is_boilerplate",
    "is_bold_style",
    "is_boxed_row",
    "is_breadcrumb",
    "is_button_link",
    "is_byline",
    "is_byline_name",
    "is_caption",
    "is_chat_bold_document",
    "is_chat_stamp",
    "is_cjk_dated_byline",
    "is_cjk_inline_enumeration",
    "is_clock_stamp",
    "is_code_span_line",
    "is_comment_line",
    "is_comment_row",
    "is_converter_alert",
    "is_credit_byline",
    "is_dash_line",
    "is_date_first_byline",
    "is_date_first_dateline",
    "is_dated_chat_stamp",
    "is_dated_entry",
    "is_dateline",
    "is_delimiter_row",
    "is_divider",
    "is_emoji_lead_in",
    "is_empty_tab_row",
    "is_end_mark",
    "is_field_line",
    "is_figure_line",
    "is_footer_note",
    "is_footnote_definition",
    "is_furniture",
    "is_glyph_only_item",
    "is_indented_paragraph_start",
    "is_joint_byline",
    "is_kicker",
    "is_label_line",
    "is_lettered",
    "is_link_only",
    "is_mail_header_field",
    "is_markup_marker",
    "is_mdx_import",
    "is_mediawiki_table_open",
    "is_mkdocs_admonition",
    "is_note_row",
    "is_numbered_link",
    "is_org_drawer_line",
    "is_org_keyword",
    "is_org_table_rule",
    "is_overline",
    "is_page_chrome",
    "is_page_furniture",
    "is_page_number",
    "is_page_separator",
    "is_parenthetical",
    "is_parenthetical_link_line",
    "is_pasted_org",
    "is_pmwiki_table_attributes",
    "is_policy_date_line",
    "is_prompt_line",
    "is_release_label",
    "is_result_footer",
    "is_rst_underline",
    "is_running_header",
    "is_section_label",
    "is_share_bar",
    "is_sign_off",
    "is_signature_separator",
    "is_solid_rule",
    "is_source_credit",
    "is_spaced_cjk_sentence",
    "is_speaker_turn",
    "is_table_row",
    "is_teleprinter_header",
    "is_template_tag_line",
    "is_time_stamp",
    "is_title_case",
    "is_toc_marker",
    "is_toc_placeholder",
    "is_unclosed_star_line",
    "is_unspaced_sentence",
    "is_whole_line_italic",
    "is_wire_slug",
    "item_runs_onto_tag",
    "item_wraps_before_dash",
    "jira_macro",
    "join_hyphen_breaks",
    "labelled_entry",
    "latex_document",
    "latex_inline",
    "latex_lines",
    "lead_char",
    "leaves_inline_tag_open",
    "leaves_link_open",
    "leaves_sentence_open",
    "letters_inline",
    "line_record",
    "logseq_page_properties",
    "lone_bullet",
    "looks_like_structure",
    "markdown_item",
    "markdown_marker_end",
    "match_item",
    "mediawiki_bold",
    "mediawiki_caption",
    "memo_outline_headings",
    "memo_section_bodies",
    "mend_spaced_bold",
    "mend_template_links",
    "mismatched_delimiter",
    "multimarkdown_metadata",
    "names_fields",
    "numbered_headings",
    "numbers_next",
    "opens_comment_block",
    "opens_html_block",
    "opens_markdown_wrapper",
    "opens_mid_sentence",
    "opens_pre_table",
    "opens_quoted_message",
    "opens_scribe_continuation",
    "opens_with_duration",
    "opens_with_inline_tag",
    "org_heading",
    "outline_heading",
    "overflow_cells",
    "page_break_continuation",
    "page_break_end",
    "paragraph_indent",
    "parenthetical_runs_on",
    "pipe_cells",
    "pipe_page_turn",
    "plain_text_heading",
    "psql_rule",
    "quoted_header_only",
    "quoted_message_start",
    "quoted_tab_row",
    "quoted_table_end",
    "raw_text_blank",
    "record_blocks",
    "record_field",
    "record_lines",
    "repeats_header",
    "replace_chat_links",
    "replace_wikilinks",
    "right_aligned_table",
    "row_borders",
    "rst_directive",
    "rst_directive_body",
    "rst_table_columns",
    "rtf_residue_lines",
    "runs_into_items",
    "set_image_apart",
    "shortcode_bullet_item",
    "shortcode_end",
    "shows_url",
    "signs_off",
    "simple_table_cells",
    "simple_table_columns",
    "simple_table_runs_out",
    "spaced_pipe_row",
    "spaced_rows_end",
    "spaced_simple_row",
    "split_at_repeated_headers",
    "splits_into_rows",
    "stacked_records",
    "star_level_item",
    "starts_letter_item",
    "strip_bold_markers",
    "strip_bracketed_spans",
    "strip_callout_marker",
    "strip_empty_anchors",
    "strip_fenced_code",
    "strip_footnote_refs",
    "strip_heading_attributes",
    "strip_heading_suffix",
    "strip_heading_template_call",
    "strip_note_marks",
    "strip_permalink",
    "strip_shortcodes",
    "strip_single_tildes",
    "strip_span_attributes",
    "strip_trailing_hashtags",
    "strip_trailing_markup",
    "strip_trailing_tags",
    "summary_over_markdown",
    "symbol_bullet_item",
    "tab_fields",
    "table_margin",
    "tabular_rows",
    "tag_balance",
    "task_marker",
    "tight_dash_item",
    "tight_glyph_item",
    "tight_mediawiki_item",
    "tight_number_item",
    "title_lead",
    "title_under_rows",
    "trac_header",
    "trac_row",
    "two_row_header",
    "typed_marker_item",
    "unclosed_raw_element",
    "underline_matches",
    "unprefixed_xhtml",
    "unquote",
    "unrtf_banner_end",
    "unspaced_wiki_heading",
    "unwrap_table_directive",
    "unwrapped_docs_clipboard",
    "upper_lettered_item",
    "wiki_heading",
    "wiki_ordered_item",
    "wiki_table_header",
    "wire_headline_prefix",
    "without_code_spans",
    "without_hard_break",
    "without_quoted_fields",
    "without_trailing_comment",
    "word_list_level",
    "word_list_marker",
    "wrapped_bold_line",
    "wrapped_role_header",
    "wrapped_row",
    "wrapped_span",
    "wraps_document",
    "wraps_inside_span",
    "wraps_with_next",
]
