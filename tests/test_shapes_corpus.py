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

from tests.labelled_corpus import LabelledCorpus

# article -> why it still fails (strict: a pass means the mark must go)
KNOWN_LOSSES: dict[str, str] = {  # article -> why it is still read wrong (xfail, strict)
    # 52 (a wrapped 14-word sentence-case line read as a title) is read since session 13 (name_runs_over)
    # 121 (a footnote reference in a cell) is read since session 14 (footnote_refs_inline)
    # session 8, articles 170-249: 52 of 80 read wrongly untuned, 47 fixed; these five are not
    # (207, bold group-label rows, is read since session 14: group_label_row)
    "192_json_escaped_string.txt": (
        "a whole file that is one JSON string literal (\\n escapes): decoding it would renumber every line, "
        "so it stays one line of prose"
    ),
    "211_md_transposed_table.md": (
        "transposed markdown table (the roles in its first column): mapping a first column onto the roles "
        "belongs to normalize.py's header mapping, outside the reader"
    ),
    # session 9 (round 5), articles 250-311: 40 of 62 read wrongly untuned; the last one (310) fixed in round 6
    # session 10 (round 6), articles 312-362: 24 of 51 read wrongly untuned, 21 fixed in the reader,
    # 337 later in normalize.py (the full-width colon); these two are not
    # (347, the lynx dump, is read since session 14: indented_list_run, link_numbers)
    "339_quoted_printable_email.txt": (
        "quoted-printable soft line breaks (=) are not joined: joining them would renumber every line below "
        "(its =E2=80=99 escapes are decoded since session 14, qp_escapes)"
    ),
    # round 6b, articles 363-382 (a second fresh batch, after the round 6 fixes): 11 of 20 read wrongly untuned,
    # 8 fixed, 378 in session 12 (<pre> over a grid table), 368 and 369 in session 14 (slash_number;
    # metadata_label, contents_label, a release label over the headline, tab rows no wrap width)
    # round 6c, articles 383-396 (a third fresh batch): 10 of 14 read wrongly untuned, 8 fixed in the reader,
    # 395 later in normalize.py (time_words), 396 in session 13 (ini_section)
    # round 6d, articles 397-402 (enumerators and bullets): 4 of 6 read wrongly untuned, 2 fixed in the reader,
    # 400 later in normalize.py (the full-width colon), 397 in session 12 ((A) over (B) opens lettering)
    # the LaTeX snippet 240 (session 8) is read since session 12 (rules/latex.py)
    # session 12 (shapes), articles 403-442: 14 of 40 read wrongly untuned, 13 fixed (9 by header synonyms),
    # 430 in session 13 (wrapped_role_header)
    # session 12 (shapes2), articles 443-485: 9 of 43 read wrongly untuned, all 9 fixed in the reader
    # session 13 (shapes9), articles 486-525: 23 of 40 read wrongly untuned (27 failed, 4 of them label slips),
    # all 23 fixed (8 by header synonyms, 15 in the reader)
    # session 13 (shapes10), articles 526-550: 8 of 25 read wrongly untuned, all 8 fixed (5 by header synonyms,
    # 3 in the reader: custom_element, raw_element_run, tagged_headings)
    # session 13 (shapes11, round 10 part B), articles 551-575: 9 of 25 read wrongly untuned, all 9 fixed
    # (4 by header synonyms, 5 in the reader: rules/plain_shapes.py and script_joiner)
    # session 14 (shapes12a, round 11 part A), articles 576-600: 18 of 25 read wrongly untuned, all 18 fixed
    # (4 by header synonyms, 1 by a furniture wording, 13 in the reader: rules/pipeline_text.py, qp_escapes and
    # ocr_letters)
    # session 14 (shapes12b, round 11 part B), articles 601-625: 18 of 25 read wrongly untuned, 17 fixed in the
    # reader (rules/authoring.py); this one is not
    # session 14 (shapes12c, round 11 part C), articles 626-645 (seed-style, written inconsistently): 5 of 20 read
    # wrongly untuned, all 5 fixed (1 by header synonyms, 4 in the reader: boxed_pipe_run, space_break_sentence,
    # quoted_table_end, br_cell_list)
    # session 14 (shapes12d, round 11 part D), articles 646-665 (seed content as common tools hand it on): 11 of 20
    # read wrongly untuned (12 failed; 653 only on a label slip, nested items labelled out of list_index order, as
    # 646 also was), all 11 fixed in the reader (rules/tool_copies.py and three segmenter rules)
    # session 15 (shapes13), articles 666-690 (documents handed from tool to tool): 16 of 25 read wrongly untuned,
    # all 16 fixed (1 by the header mapping's two_outcomes, 15 in the reader: rules/interchange.py)
    # session 15 (shapes14), articles 691-715 (hurried writers: unicode markers, HTML in markdown, wrapped lines, new
    # header wordings): 13 of 25 read wrongly untuned, 12 fixed (3 by header synonyms, 9 in the reader: rules then in
    # hurried.py, tight_marker, cell_marker_list, short_wrapped_row); this one is not
    # session 16 (shapes15), articles 716-740 (the same four gaps in new variants): 14 of 25 read wrongly untuned, all
    # 14 fixed (5 by the header mapping: header_aside, header_parts, postpositive, head_before and four phrases; 9 in
    # the reader: rules then in breadth.py, wide_space_marker, fullwidth_paren_number, roman_paren, the minus-sign
    # bullet and cell_list_items)
    # session 17 (shapes16), articles 741-765 (the four gaps again: bullets of other fonts, legacy and editor HTML,
    # wraps at 60/72, abbreviated and plain-language headers): 12 of 25 read wrongly untuned, all 12 fixed (5 by the
    # header mapping: header_abbreviations and four wordings; 7 in the reader: rules then in shapes16.py, named_bullet,
    # symbol_font_bullet)
    # session 17 (shapes17), articles 766-790 (pasted between everyday tools: Jira Cloud, Slack, mail clients, Word and
    # Docs levels pasted flat, Matrix, Trix, converted caption rows, form questions and JSON keys as headers): 13 of 25
    # read wrongly untuned, all 13 fixed (4 by the header mapping: question_header, camel_case_header and a phrase; 9 in
    # the reader: rules then in shapes17.py)
    # session 17 (shapes18), articles 791-815 (the four gaps in their most ordinary forms, combined: ▪/→/⇒/✓/☐/✗/+
    # bullets, "1 –"/"1:"/"#1"/"No. 1" items, HTML th scope=row, <dl>, <sup> marks and tfoot totals, rows wrapped at
    # 72, sentence-case and footnoted headers, totals and notes rows, em-dash and letter-spaced headings): 8 of 25
    # read wrongly untuned (9 failed, one a label slip), all 8 fixed (1 by the header mapping: header_determiners; 7
    # in the reader: rules then in shapes18.py)
    # session 17 (shapes19), articles 816-835 (seed 004 with one ordinary shape changed: repeated header rows, rule,
    # empty and blank rows in tables, •/o, 1.), (1.), 1.- items, ;-ended items, ===/---/[ ]/~~~~ headings, (What)/
    # (Why) and Area / Domain headers, bold <td> headers, <li><p>, nbsp cells, full-width pipes): 9 of 20 read
    # wrongly untuned, 7 fixed in the reader (rules then in shapes19.py); these two are not
    "819_seed004_blank_line_inside_table.txt": (
        "one blank line before a pipe table's last row, its other rows adjacent: cmark-gfm ends the table there and "
        "so do we (test_blank_line_ends_a_table); only a table double-spaced throughout is joined (blank_between_rows)"
    ),
    "827_seed004_heading_in_square_brackets.txt": (
        "a heading written [Closing Remarks]: a bracketed line alone is as often an editor's note ([Photo], "
        "[Advertisement], [Updated]) as a heading; ini_section reads such lines only in a run"
    ),
    # session 18 (shapes20), articles 836-860 (chat assistants' answers, newsletters, PDF text, other dialects pasted
    # into a feed, seed 004 with one thing changed): 19 of 25 read wrongly untuned, 9 fixed (1 in normalize.py:
    # double_hyphen_dash; 8 in the reader: glyph_bold_lead, asciidoc_author_line, starred_heading, fenced_table,
    # bulleted_records, piped_records); 7 more in shapes20b (mismatched_delimiter 857, numbered_heading 859,
    # indented_document 860, lone_number_run 852, pasted_org 856, wrapped_heading 848, pipe_page_turn and
    # repeated_running_header 850); these three are not
    "847_medium_html_export_pre_br_table.md": (
        "Medium's HTML <pre> whose lines are <br>-broken, holding a pipe table: the HTML reader keeps a <pre> as "
        "code; reading its <br>s as line ends and the lines as a table is a change to html.py left for a later round"
    ),
    "849_pdf_hyphenated_line_breaks_in_items_and_cells.txt": (
        "words hyphenated at PDF line ends inside item names (De- / fence) and a table row wrapped mid-word under a "
        "pipe-less header: the items keep 'De-fence' and the header row becomes a heading, the table lost"
    ),
    "855_myst_list_table_directive_in_md_feed.md": (
        "a MyST ```{list-table} fence (:header-rows: 1, '* - cell' rows): the fence stays code; rst list-table "
        "(171) is read only as a '.. list-table::' directive"
    ),
    "704_br_separated_bullet_lines_nbsp_nested.md": (
        "a markdown paragraph of <br>-ended lines written as a list (•&nbsp; items, &nbsp;-indented ◦ sub-items, "
        "a bold label line): markdown reads one paragraph; splitting it into items needs the entities decoded "
        "before the segmenter measures indentation, a change to the line pass left for a later round"
    ),
    "605_org_transposed_table.txt": (
        "transposed org table (areas as columns, the roles down the first column), as 211: a priority per column "
        "would have a row_index with no table_rows row, which cross_dataset.json forbids"
    ),
    # session 18 (shapes21), articles 861-885 (the four gaps as ordinary writers and tools produce them: unicode
    # bullets and numbering nested and mixed, Word/Google Docs/WordPress/Outlook HTML, text hard-wrapped at 55-80,
    # header wordings in plural, caps, other orders and French/German/Spanish/Polish): 6 of 25 read wrongly
    # untuned, all 6 fixed (4 by the header mapping: key_after_noun, inflected_plurals; 2 in the reader:
    # docs_title_class, wrapped_heading)
    # session 19 (shapes22), articles 886-910 (shapes no earlier round named: Sphinx/GitHub/Notion/Outlook-web/Blogger
    # HTML, Wingdings letters and ∘ as bullets, tab-opened wire paragraphs, box-drawn tables, Problem/Solution/Impact
    # and six more languages' wordings): 7 of 25 read right untuned, 17 wrongly (892 only on a label slip), all 17
    # fixed (9 by the header mapping: nineteen words, Romanian participles, dotted_capital_i; 8 in the reader:
    # raw_text_blank, permalink_anchor, sign_off_lines, bold_br_line over loose text, wingdings_letter_bullet,
    # ring_sub_bullet, tab_indented_text, box_records)
    # session 19 (shapes23), articles 911-930 (header layouts, Quill/Word-for-the-web/LibreOffice/Cocoa/Thunderbird
    # HTML, »/⒜/⒈/Ⅰ/keycap markers, justified and 40-column wraps): 10 of 20 read right untuned, 10 wrongly, all
    # 10 fixed in the reader (double_guillemet_bullet, document_tags_block, paragraph_heading_role,
    # mail_header_table, narrow_wrapped_title, capitalised_continuation_cell, group_header_note, indent_class_items,
    # units_row, aligned_repeated_header)
    # session 20 (shapes24), articles 931-955 (the four gaps as analysts' own tools deliver them: PDF copies with page
    # breaks, ligatures and line-end hyphens, reader view, digests and Outlook/Thunderbird plain text, LexisNexis/
    # Factiva/monitoring clips, WordPress and Blogger feeds, Teams/WhatsApp/Signal/Slack copies, DeepL and Google
    # Translate output, staff header abbreviations): 10 of 25 read right untuned, 15 wrongly, all 15 fixed (4 by the
    # header mapping: contracted_participle and five abbreviations, "effet final"; 11 in the reader:
    # rules/desk_copies.py, marking_page_turn, page_turn_run_on, split_word_ending)
    # session 20 (shapes25), articles 956-975 (markdown written by converters and generators: html2text, turndown,
    # markdownify, pandoc's markdown/markdown_strict/commonmark_x/docx output, gd2md-html, MarkItDown's xlsx,
    # nbconvert, pandas to_markdown, Google Docs' markdown, Obsidian, chat answers, Jina Reader, marker, MinerU,
    # ox-md): 14 of 20 read right untuned, 6 wrongly, all 6 fixed in the reader (wrapped_span, converter_alert,
    # page_separator, highlight_marks, block_id, percent_comment_block, task_status_marker, loose_definition_term)
    # session 20 (shapes26), articles 976-1000 (the four gaps as publishing systems deliver them: Gutenberg/Drupal/
    # Joomla/Ghost/Contentful/Arc XP/Squarespace HTML, NewsML-G2, AP/Reuters/ANSA/dpa wire copy, HTML e-mail layout
    # tables and image bullets, government pages, Acrobat and poppler HTML, MediaWiki typed without blanks, EN/FR
    # staff headers): 10 of 25 read right untuned, 15 wrongly, 12 fixed in the reader (unspaced_wiki_heading,
    # tight_mediawiki_item, wire_headline_prefix, style_bold, numbered_paragraph, bullet_column, container_left_open,
    # glyph_lines_then_prose, entity_space_bullet, teleprinter_header, pipe_run_before_title, NewsML-G2 metadata);
    # the other three (989, 990, 991: page chrome of GOV.UK, Canada.ca, europa.eu) are read since session 20
    # (chrome: page_landmark, chrome_list, chrome_head, metadata_field, date_first_dateline, indented_page_items)
    # session 21 (shapes28), articles 1021-1045 (markdown variants: closing #'s, mixed +/*/- markers, pipe-less and
    # escaped-pipe tables, code and links in cells, lists from 4 and "1)", lazy continuations, nested sub-items,
    # __bold:__ headings, pandoc simple/grid tables; whole and fragment HTML with thead/td, ol type=a, dl, <br> lines,
    # HTML 3.2; tab, aligned and RST text; Swedish/Finnish/Czech/Greek/Hungarian and Sector/Course of action
    # headers): 25 of 25 read right untuned; the misses were found by probes beyond them (docs/READING.md) and fixed
    # (sibilant_plural and header nouns, quoted_csv_field, tight_atx closed, record_blocks indented, o_bullet_run,
    # sub_lettering, simple_table_run_out, spaced_simple_rows)
    # session 22 (shapes29), articles 1046-1070 (shapes no earlier round used: NFD French, XWiki, Vimwiki, a top-posted
    # reply quoting the article, U+26AB/U+21E8/U+27A3/U+22C5 bullets, a div-class table, HTML5 optional end tags,
    # microdata, five English header wordings, Serbian/Norwegian/Portuguese headers, RLM-opened Arabic lines, zero-width
    # marks, an AsciiDoc cell-per-line table under attribute entries, psql output, reference links, a press release):
    # 18 of 25 read right untuned, all 7 misses fixed (decomposed_accents and "lines of work" in the header mapping;
    # operator_bullet, wrapped_symbol_run, name_over_reply, asciidoc_attribute_entry, class_table in the reader)
    # session 23 (readerfix), articles 1200-1206 (the known leftovers, labelled by hand, each failing before its rule: a
    # memo outline, a headline over a hard-wrapped paragraph, psql's unaligned output with prose under it, step labels
    # before item names, header triples with no area): all 7 fixed (memo_outline, headline_over_wrap, unaligned_run,
    # step_label in the reader; aim_before_action in the header mapping); the marks above were read again and stay
    # session 23 (shapes30), articles 1073-1097 (pandoc grid with two-line header, LaTeX tabular/itemize as text,
    # DokuWiki ordered items, phpBB BBCode, kramdown IAL, Obsidian callouts, Google Docs and Word plain text, Outlook
    # MsoNormal HTML, RTF residue, all-caps teletype, SRT cues, Excel sep=; CSV, a -|-|- table, de/nl/da/cs/el
    # headers, Roman-numeral sections, ⁌/—/– items, pandas to_string()): 18 of 25 passed untuned, 7 failed, one of
    # them a label slip (1078: callout titles, no headings as in 354); all 6 misses fixed (aanpak and přínos in the
    # header words; one_line_teleprinter_header, excel_separator, right_aligned_table, notebook_prompt, rtf_residue)
}


CORPUS = LabelledCorpus(Path(__file__).parent / "shapes_corpus", KNOWN_LOSSES)


def test_every_article_is_labelled():
    assert CORPUS.articles_on_disk() == set(CORPUS.expected)


def test_every_known_loss_names_an_article():
    assert set(KNOWN_LOSSES) <= set(CORPUS.expected)


@pytest.mark.parametrize("name", CORPUS.params())
def test_article_reads_as_its_author_meant(name: str):
    CORPUS.check(name)
