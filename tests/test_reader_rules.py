"""The reader's rules table (nato_briefs/reader/rules/__init__.py): every rule named in ``RULES``.

Each rule's own tests are in the test file of the module that defines it (tests/test_reader_<module>.py).
"""

from __future__ import annotations

import pytest

from nato_briefs.reader import rules
from nato_briefs.reader.rules import extracted, interchange, liquid

# The rule names each round added, as docs/READING.md and the round's tests name them: each is in ``RULES``.
ROUND_RULES = {
    "text rules": ("invisible_marks", "ligatures", "line_separators", "csv_row", "aligned_table"),
    "round 5": (
        "furniture", "wire_slug", "breadcrumb", "endnote_refs", "sign_off", "toc_marker", "abbreviation",
        "org_drawer", "jira_macro", "wp_shortcode", "dash_delimiter", "tight_atx", "indented_text",
    ),
    "round 6": (
        "repeated_header", "two_row_header", "rule_joints", "empty_anchor", "markdown_wrapper", "quoted_message",
        "chat_bold", "bbcode_table", "mediawiki_caption", "aligned_under_title", "ordinal_item",
    ),
    "round 6b": ("letter_item", "heading_suffix", "credit_byline", "outline_heading", "solid_rule"),
    "sweep 2": (
        "other_language_run_on", "word_hyphen_break", "dated_byline", "link_row", "item_wrap", "inner_sentence_break",
    ),
    "sweep 3": ("ideographic_full_stop", "line_stack", "kramdown_rfc_section", "table_border"),
    "sweep 4": ("logseq_page_properties", "logseq_block_property", "math_run_on", "org_block_marker"),
    "sweep 5": ("heads_nothing", "final_link_text", "content_tab", "grid_cell_markup"),
    "shapes2": ("numbered_run", "record_lines", "typed_markers"),
    "sweep 6": (
        "matched_underline", "shown_url", "parenthetical_link", "space_break", "tight_number", "embed", "policy_date",
    ),
    "shapes9": ("word_list", "word_list_run", "ini_section", "bang_heading", "bang_table", "heading_item"),
    "sweep 7": ("inline_tag_item", "wrapped_bold", "span_attributes", "multiline_shortcode", "bold_runs_on"),
    "round 10b": ("caps_runs_on", "document_number", "cable_field", "colon_title", "half_piped_rows"),
    "session 14": (
        "footnote_refs_inline", "link_numbers", "metadata_label", "contents_label", "page_margin", "group_label_row",
    ),
    "round 11a": (
        "source_credit", "agency_slug", "clock_stamp", "joint_byline", "dated_chat_stamp", "banner_rules",
        "mail_header_fields", "chat_link", "xhtml_prefix", "aria_roles", "page_turn", "cell_lines",
    ),
    "round 11d": (
        "unrtf_banner", "bold_record_field", "comment_row", "docs_clipboard", "overflow_row", "emoji_lead_in",
        "summary_markdown", "page_break_rows", "stacked_records",
    ),
    "shapes13": tuple(interchange.INTERCHANGE_RULES),
    "shapes14": ("tight_marker", "short_wrapped_row", "cell_marker_list"),
    "shapes15": ("o_space_bullet", "number_wrap", "pipe_cut_row", "wrapped_tab_row", "spanning_group_row"),
    "rerendered": (
        "unforced_break", "long_word_wrap", "lowercase_content_word", "wrapped_name_line", "paren_roman",
        "closing_pipe_row", "cut_header_row", "cut_delimiter_row", "wrapped_run", "glyph_element_run",
        "grid_after_list", "tsv_after_item",
    ),
    "sweep 12": (*extracted.EXTRACTED_RULES, "template_link_path", "data_attribute"),
    "sweep 13": tuple(liquid.LIQUID_RULES),
    "shapes16": (
        "symbol_run_resumes", "marker_free_wrapper", "dash_underline", "attribution_line", "nested_quoted_message",
    ),
    "shapes17": (
        "jira_brace_marks", "glued_fence_table", "ragged_quote_tail", "flat_outline_levels", "empty_first_column",
        "lone_title_header", "reply_fallback", "br_paragraph_title",
    ),
    "shapes18": ("number_colon_run", "hash_number_run", "numero_run", "totals_row", "sup_footnote_mark"),
    "shapes19": (
        "number_dot_hyphen_run", "paren_number_dot_run", "dash_rule_row", "empty_row", "unclosed_tilde_underline",
        "o_under_bullet", "framed_heading",
    ),
    "shapes20": (
        "glyph_bold_lead", "asciidoc_author_line", "starred_heading", "fenced_table", "bulleted_records",
        "piped_records",
    ),
    "shapes20b": (
        "mismatched_delimiter", "numbered_heading", "indented_document", "lone_number_run", "pasted_org",
        "pipe_page_turn", "repeated_running_header",  # wrapped_heading: wrapped_title read over a whole document
    ),
    "shapes21": ("docs_title_class", "wrapped_title"),
    "shapes22": (
        "raw_text_blank", "permalink_anchor", "sign_off_lines", "tab_indented_text", "wingdings_letter_bullet",
        "ring_sub_bullet", "box_records",
    ),
    "shapes23": (
        "double_guillemet_bullet", "document_tags_block", "paragraph_heading_role", "narrow_wrapped_title",
        "capitalised_continuation_cell", "group_header_note", "indent_class_items", "units_row", "mail_header_table",
    ),
    "shapes24": (
        "glued_link_target", "weekday_date", "copyright_line", "clip_masthead", "digest_end", "thread_chrome",
        "edited_mark", "chat_export_line", "reading_time", "reading_time_byline", "name_over_forward",
        "marking_page_turn", "page_turn_run_on", "factiva_fields", "split_word_ending",  # ``page_number`` centred
    ),
    "sweep 14": ("question_label", "spaced_field_run", "item_reference_tail", "long_word_wrap"),
    "sweep 15": (
        "bang_admonition", "open_span_wrap", "quoted_header_only", "speaker_turn", "requirement_keyword_wrap",
        "snippet_include", "inline_liquid_tag", "mediawiki_table_open",
    ),
    "shapes25": (
        "wrapped_span", "converter_alert", "page_separator", "highlight_marks", "block_id", "percent_comment_block",
        "task_status_marker", "loose_definition_term",
    ),
    "sweep 16": (
        "template_element", "liquid_highlight", "cjk_inline_enumeration", "particle_wrap", "scribe_continuation",
        "numbered_contents_link", "code_span_line", "tab_row_hard_break",
    ),
    "sweep 17": ("nbsp_indent", "repeated_letterhead", "label_only_item", "amendment_mark", "romance_dateline"),
    "sweep 18": ("br_break", "mdbook_include", "cjk_lead_in", "aligned_field", "cjk_first_sentence"),
    "sweep 19": ("opened_autolink", "article_dateline", "bold_speaker_turn", "heading_item_text"),
    "shapes26": (
        "unspaced_wiki_heading", "tight_mediawiki_item", "wire_headline_prefix", "style_bold", "bullet_column",
        "container_left_open", "entity_space_bullet", "teleprinter_header", "pipe_run_before_title",
        # session 20 (chrome): page chrome of government pages (989, 990, 991)
        "page_landmark", "chrome_list", "chrome_head", "metadata_field", "date_first_dateline", "indented_page_items",
    ),
    "shapes27": ("blank_between_rows",),  # and ``two_focuses`` in headers.py's mapping (as ``two_outcomes``)
    "shapes28": (
        "quoted_csv_field", "o_bullet_run", "sub_lettering", "simple_table_run_out", "spaced_simple_rows",
    ),
    # and ``decomposed_accents`` in headers.py's mapping
    "shapes29": (
        "operator_bullet", "wrapped_symbol_run", "name_over_reply", "asciidoc_attribute_entry", "class_table",
        "reply_attribution_languages", "tab_after_symbol", "psql_unaligned",
        "name_over_header_block", "header_block_end",
    ),
    # session 23 (readerfix): the reader's known leftovers; and ``aim_before_action`` in headers.py's mapping
    "readerfix": ("memo_outline", "headline_over_wrap", "unaligned_run", "step_label"),
    # and the header words aanpak (nl) and přínos (cs) in header_synonyms.yaml
    "shapes30": (
        "one_line_teleprinter_header", "excel_separator", "right_aligned_table", "notebook_prompt", "rtf_residue",
        "named_index",
    ),
}  # fmt: skip


@pytest.mark.parametrize("round_name", list(ROUND_RULES))
def test_each_rounds_rules_are_named(round_name):
    assert set(ROUND_RULES[round_name]) <= set(rules.RULES)


def test_rules_table_names_every_rule():
    assert set(rules.RULES) >= {"markdown_item", "bullet_item", "enumerator_item", "delimiter_row", "caption"}
    assert all(callable(rule) for rule in rules.RULES.values())
