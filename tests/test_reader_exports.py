"""Round 6's line rules (nato_briefs/reader/rules/exports.py and the rules round 6 extended), each with a
positive and a near miss, and the segmentation steps that apply them, read through ``parse_document``.

Found by tests/shapes_corpus/312-362 (e-mail forwards and replies, chat-style bold, paged exports, mammoth,
kramdown, MediaWiki and BBCode tables, PDF text, Portuguese numbering).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_briefs.parse import parse_document
from nato_briefs.reader import rules
from nato_briefs.reader.records import TableRow
from nato_briefs.reader.rules import exports

P3 = "| Priority Area | Key Focus | Expected Outcome |\n|---|---|---|\n"


def headings(doc):
    return [s.heading for s in doc.sections if s.heading is not None]


def prose(doc):
    return "\n".join(s.text for s in doc.sections)


# --------------------------------------------------------------------------- repeated header


def test_repeats_header():
    head = ["Priority Area", "Key Focus", "Expected Outcome"]
    assert rules.repeats_header(head, ["priority area", "Key  Focus", "EXPECTED OUTCOME"])
    # near misses: one cell differs, another width, a one-column table
    assert not rules.repeats_header(head, ["Priority Area", "Key Focus", "Outcome"])
    assert not rules.repeats_header(head, ["Priority Area", "Key Focus"])
    assert not rules.repeats_header(["Yes", ""], ["Yes", ""])


def test_split_at_repeated_headers_is_lossless():
    head = ["A", "B"]
    rows = [TableRow(["1", "2"], 3), TableRow(["A", "B"], 4), TableRow(["5", "6"], 5)]
    parts = rules.split_at_repeated_headers(head, rows)
    assert [(h, [r.cells for r in rs], at) for h, rs, at in parts] == [
        (["A", "B"], [["1", "2"]], None),
        (["A", "B"], [["5", "6"]], 4),
    ]
    # a header repeated as the first row is not split off (nothing above it to head)
    first = [TableRow(["A", "B"], 3), TableRow(["1", "2"], 4)]
    assert len(rules.split_at_repeated_headers(head, first)) == 1


def test_a_repeated_header_row_starts_a_new_table():
    doc = parse_document(
        "# T\n\n" + P3 + "| a | b | c |\n| Priority Area | Key Focus | Expected Outcome |\n| d | e | f |\n"
    )
    assert [[r.cells for r in t.rows] for t in doc.tables] == [[["a", "b", "c"]], [["d", "e", "f"]]]
    assert doc.tables[1].line == 6 and doc.tables[1].section == "T"
    near = parse_document("# T\n\n" + P3 + "| a | b | c |\n| Priority Area | Key Focus | Outcome |\n")
    assert len(near.tables) == 1 and len(near.tables[0].rows) == 2


# --------------------------------------------------------------------------- two-row header


def test_two_row_header():
    assert rules.two_row_header(["Priority", "Key", "Expected"], ["Area", "Focus", "Outcome"])
    # near misses: other widths, a number, a sentence-long cell
    assert not rules.two_row_header(["Priority", "Key"], ["Area", "Focus", "Outcome"])
    assert not rules.two_row_header(["Year", "Total"], ["2025", "12"])
    assert not rules.two_row_header(["Priority", "Key"], ["The allies agreed to build up stocks by 2030", "x"])


def test_a_header_wrapped_over_two_rows_is_one_header():
    text = "# T\n\n| Priority | Key | Expected |\n| Area | Focus | Outcome |\n|---|---|---|\n| a | b | c |\n"
    doc = parse_document(text)
    assert doc.tables[0].headers == ["Priority Area", "Key Focus", "Expected Outcome"]
    assert [(r.cells, r.line) for r in doc.tables[0].rows] == [(["a", "b", "c"], 6)]
    # near miss: a blank line above the lower row leaves the upper row a paragraph, as cmark-gfm reads it
    near = parse_document(
        "# T\n\n| Priority | Key | Expected |\n\n| Area | Focus | Outcome |\n|---|---|---|\n| a | b | c |\n"
    )
    assert near.tables[0].headers == ["Area", "Focus", "Outcome"]


# --------------------------------------------------------------------------- "|---+---|" in any document


def test_a_delimiter_row_with_plus_joints_under_a_pipe_header():
    doc = parse_document("# T\n\n| Area | Focus | Outcome |\n|------+-------+---------|\n| a | b | c |\n")
    assert doc.tables[0].headers == ["Area", "Focus", "Outcome"] and doc.tables[0].rows[0].cells == ["a", "b", "c"]
    # near miss: the same rule under prose is no delimiter row
    near = parse_document("Some prose here.\n|------+-------|\n")
    assert near.tables == []


# --------------------------------------------------------------------------- empty anchors


@pytest.mark.parametrize(
    ("line", "expected"),
    [('<a id="_Toc1"></a>__Priorities__', "__Priorities__"),
     ("<a name='x'></a><span id=\"h.1\"></span>**Plan**", "**Plan**"),
     # near misses: an anchor with text (a link), a line of anchors only, prose
     ('<a href="/x">Plan</a> text', '<a href="/x">Plan</a> text'), ('<a id="x"></a>', '<a id="x"></a>'),
     ("Plain prose", "Plain prose")],
)  # fmt: skip
def test_strip_empty_anchors(line, expected):
    assert rules.strip_empty_anchors(line) == expected


def test_a_bold_title_behind_a_bookmark_is_a_heading():
    doc = parse_document('<a id="_Toc1"></a>__Allies Agree Plan__\n\nText.\n\n<a id="_Toc2"></a>__1\\. Priorities__\n')
    assert headings(doc) == ["Allies Agree Plan", "1. Priorities"] and doc.title == "Allies Agree Plan"


# --------------------------------------------------------------------------- kramdown wrappers


@pytest.mark.parametrize(
    ("line", "expected"),
    [('<div markdown="1">', True), ('<div class="table-responsive" markdown="1">', True),
     ("<section markdown='block'>", True),
     # near misses: a plain div (an HTML block), markdown="0", a div with content on its line
     ('<div class="note">', False), ('<div markdown="0">', False), ('<div markdown="1">Text</div>', False)],
)  # fmt: skip
def test_opens_markdown_wrapper(line, expected):
    assert rules.opens_markdown_wrapper(line) is expected


def test_markdown_inside_a_kramdown_wrapper_is_read():
    doc = parse_document(
        '# T\n\n<div markdown="1">\n' + P3 + '| a | b | c |\n</div>\n\n<div markdown="1">\n- x: y\n</div>\n'
    )
    assert doc.tables[0].rows[0].cells == ["a", "b", "c"] and [i.text for i in doc.items] == ["x: y"]
    # near miss: a plain <div> still opens an HTML block, as CommonMark reads it
    near = parse_document('# T\n\n<div class="x">\n' + P3 + "| a | b | c |\n</div>\n")
    assert near.tables == []


# --------------------------------------------------------------------------- quoted messages


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Subject: RE: Summit readout", True), ("-----Original Message-----", True),
     ("---------- Forwarded message ---------", True), ("On Tue, 10 Jun 2025 at 09:14, Jane <j@x.org> wrote:", True),
     # near misses: a subject line without a subject, prose about a message, an attribution without "wrote:"
     ("Subject:", False), ("The original message was lost.", False), ("On Tuesday the ministers met:", False)],
)  # fmt: skip
def test_opens_quoted_message(line, expected):
    assert rules.opens_quoted_message(line) is expected


def test_an_article_forwarded_whole_under_its_header_is_unquoted():
    text = "FYI.\n\nFrom: A\nSubject: Readout\n\n> Allies Agree Plan\n>\n> Text of it.\n>\n"
    text += "> Priorities\n> - Air: more jets\n"
    doc = parse_document(text)
    assert headings(doc) == ["Allies Agree Plan", "Priorities"] and doc.items[0].line == 11
    # near misses: a quote inside a reply (text after it), a quote under a prose line
    reply = parse_document(text + "\nMy notes follow.\n")
    assert headings(reply) == []
    assert rules.quoted_message_start(["Thanks.", "", "> Allies Agree Plan", "> Text."]) is None


def test_unquote():
    assert rules.unquote("> text") == "text" and rules.unquote(">text") == "text" and rules.unquote(">") == ""
    assert rules.unquote("> > deeper") == "> deeper" and rules.unquote("plain") == "plain"


# --------------------------------------------------------------------------- chat-style bold


@pytest.mark.parametrize(
    ("line", "expected"),
    [("*Priorities*", "**Priorities**"), ("*Next steps*", "**Next steps**"),
     # near misses: markdown bold, an item marker, a star inside, a space inside the stars
     ("**Priorities**", None), ("* Priorities", None), ("*a*b*", None), ("* Priorities *", None)],
)  # fmt: skip
def test_chat_bold(line, expected):
    assert rules.chat_bold(line) == expected


def test_single_star_bold_titles_in_a_chat_style_document():
    text = "*Allies Agree Space Plan*\nMinisters agreed a plan today.\n\n*Priorities*\n• Space: data\n"
    doc = parse_document(text)
    assert headings(doc) == ["Allies Agree Space Plan", "Priorities"]
    # near misses: one such line is an italic note; a document with ** bold keeps *x* as italics
    assert rules.is_chat_bold_document(text.splitlines())
    assert not rules.is_chat_bold_document(["*Photo by the author*", "Text."])
    assert not rules.is_chat_bold_document(["*A note*", "*Another note*", "**Bold** text"])


# --------------------------------------------------------------------------- BBCode and MediaWiki tables


def test_bbcode_table_tags_are_read_as_the_html_table():
    assert rules.bbcode_to_markdown("[tr][th]Area[/th][/tr]") == "<tr><th>Area</th></tr>"
    text = (
        "[b]Plan[/b]\n\n[table]\n[tr][th]Priority Area[/th][th]Key Focus[/th][th]Expected Outcome[/th][/tr]\n"
        "[tr][td]a[/td][td]b[/td][td]c[/td][/tr]\n[/table]\n"
    )
    doc = parse_document(text)
    assert (
        doc.tables[0].headers == ["Priority Area", "Key Focus", "Expected Outcome"] and doc.tables[0].rows[0].line == 5
    )
    # near miss: outside a BBCode post "[table]" is text
    assert parse_document("Plan\n\n[table] is a word here.\n").tables == []


def test_mediawiki_caption():
    assert rules.mediawiki_caption("|+ Agreed priorities") == "Agreed priorities"
    assert rules.mediawiki_caption("|+") is None and rules.mediawiki_caption("|- row") is None
    text = (
        "== Plan ==\n{|\n|+ Agreed priorities\n! Area !! Focus !! Outcome\n|-\n| a || b || c\n|-\n| d || e || f\n|}\n"
    )
    doc = parse_document(text)
    assert [r.cells for r in doc.tables[0].rows] == [["a", "b", "c"], ["d", "e", "f"]]
    assert "Agreed priorities" in prose(doc) and headings(doc) == ["Plan"]


# --------------------------------------------------------------------------- aligned table under a title


def test_a_space_aligned_table_right_under_a_title():
    text = "Report\n\nText here.\n\nPriorities\nArea        Focus       Outcome\n"
    text += "Air         Jets        Cover\nSea         Ships       Lanes\n"
    doc = parse_document(text)
    assert headings(doc) == ["Report", "Priorities"] and doc.tables[0].headers == ["Area", "Focus", "Outcome"]
    # near miss: under a prose sentence the aligned lines stay prose
    near = parse_document("Report\n\nThe table follows here.\nArea        Focus\nAir         Jets\nSea         Ships\n")
    assert near.tables == []


# --------------------------------------------------------------------------- ordinal indicators


@pytest.mark.parametrize(
    ("line", "ordered"),
    [("1º Metas: aprovadas", True), ("2ª Fase: em curso", True),
     # near misses: a degree sign, no space after, a year
     ("1° Reggimento arrived", None), ("1ºMetas", None), ("2025 was a year", None)],
)  # fmt: skip
def test_ordinal_item(line, ordered):
    found = rules.match_item(line)
    assert (found.ordered if found else None) is ordered


@settings(max_examples=60)
@given(st.text(alphabet="*>|-+<aAbz:º 1\n\t", max_size=80))
def test_round_6_rules_never_raise_and_keep_line_numbers(text):
    doc = parse_document(text)
    n_lines = text.count("\n") + 1
    assert all(1 <= row.line <= n_lines for table in doc.tables for row in table.rows)
    assert all(1 <= item.line <= n_lines for item in doc.items)
    assert exports.quoted_message_start(text.split("\n")) in (None, *range(n_lines))


# --------------------------------------------------------------------------- round 6b


@pytest.mark.parametrize(
    ("line", "ordered"),
    [("а) Цели: приети", True), ("б) Производство: планове", True), ("α) Στόχοι: εγκρίθηκαν", True),
     ("1.º Objetivos: aprobados", True),
     # near misses: a capital Cyrillic letter, a Cyrillic word, no space after the parenthesis
     ("Б) Производство", None), ("Министрите се срещнаха", None), ("а)Цели", None)],
)  # fmt: skip
def test_letter_and_ordinal_items(line, ordered):
    found = rules.match_item(line)
    assert (found.ordered if found else None) is ordered


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Priorities[edit]", "Priorities"), ("Outcomes [edit source]", "Outcomes"),
     ("Prioritäten[Bearbeiten]", "Prioritäten"),
     # near misses: the link alone, another bracket, a footnote mark
     ("[edit]", "[edit]"), ("Priorities [draft]", "Priorities [draft]"), ("Spending[2]", "Spending[2]")],
)  # fmt: skip
def test_strip_heading_suffix(line, expected):
    assert rules.strip_heading_suffix(line) == expected


def test_a_wikipedia_copy_reads_its_headings_without_edit_links():
    doc = parse_document(
        "2025 NATO summit\nFrom Wikipedia, the free encyclopedia\n\nText.\n\nPriorities[edit]\n- Spending: 5%\n"
    )
    assert headings(doc) == ["2025 NATO summit", "Priorities"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Recorded by Jane Doe", True), ("Compiled by the Press Office", True), ("**Written by John Roe**", True),
     # near misses: another verb, a sentence, a title that holds "by"
     ("Backed by Allies", False), ("Recorded by Jane Doe, the meeting lasted two hours and ended late.", False),
     ("Defence by Design", False)],
)  # fmt: skip
def test_credit_byline(line, expected):
    assert rules.is_credit_byline(line) is expected


def test_a_credit_byline_under_a_title_is_prose():
    doc = parse_document("Meeting Recap\nRecorded by Jane Doe\n\nRecap\nThe board met.\n")
    assert headings(doc) == ["Meeting Recap", "Recap"] and "Recorded by Jane Doe" in prose(doc)


@pytest.mark.parametrize(
    ("line", "expected"),
    [("1\tBackground", "1 Background"), ("2.3\tScope of the Plan", "2.3 Scope of the Plan"),
     # near misses: a numbered list item ("1."), a spreadsheet row, no tab
     ("1.\tInstructors", None), ("1\tAir\tJets", None), ("1 Background", None)],
)  # fmt: skip
def test_outline_heading(line, expected):
    assert rules.outline_heading(line) == expected


def test_word_outline_headings_standing_alone():
    doc = parse_document("Report\n\n1\tBackground\n\nLeaders met.\n\n2\tNext Steps\n\n•\tReview: 2026\n")
    assert headings(doc) == ["Report", "1 Background", "2 Next Steps"]
    # near miss: the same line inside a block is not a heading
    near = parse_document("Report\n\nLeaders met.\n1\tBackground\nMore text.\n")
    assert headings(near) == ["Report"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [("_" * 40, True), ("-" * 12, True), ("  " + "=" * 20, True),
     # near misses: short, mixed, a dashed line with gaps (a simple table's rule)
     ("_" * 5, False), ("_-" * 10, False), ("-----  -----", False)],
)  # fmt: skip
def test_is_solid_rule(line, expected):
    assert rules.is_solid_rule(line) is expected


def test_an_aligned_table_with_a_rule_under_its_header():
    text = "Board\n\nPriorities\n\nArea        Focus        Outcome\n" + "_" * 40 + "\n"
    text += "Quantum     Networks     Trust\nBiotech     Research     Health\n"
    doc = parse_document(text)
    assert doc.tables[0].headers == ["Area", "Focus", "Outcome"] and [r.line for r in doc.tables[0].rows] == [7, 8]


def test_a_message_quoted_right_under_its_attribution_stays_a_block_of_its_own():
    doc = parse_document("Thanks.\n\nOn Mon, 3 Mar 2025, Tom <t@x.org> wrote:\n> Can you send the priorities?\n")
    assert doc.sections[0].text.endswith("wrote:\n\nCan you send the priorities?")


@pytest.mark.parametrize(
    ("line", "expected"),
    [("||= Priority Area =||= Key Focus =||", "||Priority Area||Key Focus||"),
     # near misses: Jira's header (no "="), a body row, one cell
     ("||Area||Focus||", None), ("|| a || b ||", None), ("||= Area =||", None)],
)  # fmt: skip
def test_trac_header(line, expected):
    assert rules.trac_header(line) == expected


def test_jira_header_row():
    assert exports.jira_header_row(["Priority Area", "Key Focus"]) == "||Priority Area||Key Focus||"
    # near misses: one cell, an empty cell (the wikis' rules then leave the line as written)
    assert exports.jira_header_row(["Area"]) is None and exports.jira_header_row(["Area", ""]) is None


def test_a_trac_table_is_read():
    text = "== Plan ==\n\n||= Area =||= Focus =||= Outcome =||\n|| a || b || c ||\n|| d || e || f ||\n"
    doc = parse_document(text)
    assert doc.tables[0].headers == ["Area", "Focus", "Outcome"]
    assert [r.cells for r in doc.tables[0].rows] == [["a", "b", "c"], ["d", "e", "f"]]
    assert rules.trac_row("|| a || b ||") == "| a | b |" and rules.trac_row("| a | b |") is None
    # near miss: double-pipe rows without a Trac header are left to the other rules
    assert parse_document("== Plan ==\n\n|| a || b || c ||\n").tables == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [("News", True), ("NATO News", True), ("**Latest news**", True),
     # near misses: a headline holding the word, a longer label
     ("News from the Summit", False), ("NATO News Agency Reports", False)],
)  # fmt: skip
def test_is_section_label(line, expected):
    assert rules.is_section_label(line) is expected


def test_a_section_label_over_the_headline_is_not_the_title():
    doc = parse_document("News\nSecretary General visits Latvia\nLast updated: 12 Jun. 2025\n\nText.\n")
    assert doc.title == "Secretary General visits Latvia" and headings(doc) == ["Secretary General visits Latvia"]
    # near misses: the label alone over prose is a heading as before; lower down it is a heading too
    assert headings(parse_document("News\n\nThe ministers met on Thursday.\n")) == ["News"]
    assert headings(parse_document("Report\n\nText.\n\nNews\n\nMore text.\n")) == ["Report", "News"]


@pytest.mark.parametrize(
    ("line", "glyph"),
    [("•Detection: faster", "•"), ("▪Recovery", "▪"),
     # near misses: a digit after the glyph, a lone letter, a glyph with its blank (another rule's)
     ("•5% more", None), ("•A", None), ("• Detection", None)],
)  # fmt: skip
def test_tight_glyph_item(line, glyph):
    found = rules.tight_glyph_item(line)
    assert (found.glyph if found else None) == glyph


def test_a_run_of_tight_glyph_items_is_a_list_and_one_alone_is_not():
    doc = parse_document("Lessons\n•Detection: faster\n•Recovery: backups worked\n")
    assert [i.text for i in doc.items] == ["Detection: faster", "Recovery: backups worked"]
    assert parse_document("Lessons\n\n•Detection is what matters.\n").items == []


@pytest.mark.parametrize(
    ("line", "ordered"),
    [("一、能力目标：通过", True), ("十二、创新", True), ("１．サイバー防衛", True), ("２、宇宙", True),
     # near misses: an ideograph without the enumeration comma, a word starting with a numeral, ASCII digits
     ("一个新的计划", None), ("三国会议、东京", None), ("1、plan", None)],
)  # fmt: skip
def test_cjk_enumerator_item(line, ordered):
    found = rules.match_item(line)
    assert (found.ordered if found else None) is ordered


def test_a_table_written_from_another_syntax_is_never_split_at_a_row_equal_to_its_header():
    simple = "Intro.\n\nArea    Focus\n------  ------\nAir     Jets\nArea    Focus\nSea     Ships\n\nEnd.\n"
    doc = parse_document(simple)
    assert len(doc.tables) == 1 and [r.cells for r in doc.tables[0].rows][1] == ["Area", "Focus"]
    # near miss: the same rows typed as a pipe table are a paged export's repeated header
    piped = "Intro.\n\n| Area | Focus |\n|---|---|\n| Air | Jets |\n| Area | Focus |\n| Sea | Ships |\n"
    assert len(parse_document(piped).tables) == 2


# --------------------------------------------------------------------------- mail: attributions, rewrapped quotes
# (session 17: shapes16, shapes17)


def _headings(text: str) -> list[str]:
    return headings(parse_document(text))


def _prose(text: str) -> str:
    return prose(parse_document(text))


# --------------------------------------------------------------------------- quotes: attribution_line, nested


def test_attribution_line():
    assert exports.is_attribution_line("Anna wrote:")
    assert exports.is_attribution_line("Anna Nowak <anna@example.org> wrote:")
    assert rules.opens_quoted_message("Jan de Vries wrote:")


def test_attribution_line_near_misses():
    assert not exports.is_attribution_line("As the Secretary General wrote in his report:")
    assert not exports.is_attribution_line("the minister wrote:")  # no name
    assert not exports.is_attribution_line("The paper that the ministers of the Allies agreed last year wrote:")


NESTED = "Thanks.\n\n> Anna wrote:\n>\n>> Allies Agree Plan\n>>\n>> Text of it.\n>>\n>> Priorities\n"


NESTED += ">> - Air: more jets\n"


def test_nested_quoted_message_is_the_article():
    doc = parse_document(NESTED)
    assert _headings(NESTED) == ["Allies Agree Plan", "Priorities"] and doc.items[0].line == 10


def test_nested_quoted_message_near_misses():
    assert _headings(NESTED + "\nMy notes follow.\n") == []  # a quote inside a reply stays a quote
    lines = ["Thanks.", "", "> Anna wrote:", "> Great news, see below."]  # no message quoted under it
    assert rules.quoted_message_start(lines) is None


# --------------------------------------------------------------------------- ragged_quote_tail

LONG = "> NATO foreign ministers met in Brussels on Monday and agreed new steps, which will be paid"


def test_ragged_quote_tail_stays_quoted():
    assert exports.is_ragged_tail(LONG, "from the common budget.", "> Agreed steps:")
    text = f"Forwarding.\n\nOn Tue, 14 Oct 2025 at 09:12, Anna <a@b.org> wrote:\n> Allies Agree Steps\n>\n{LONG}\n"
    text += "from the common budget.\n>\n> - Training: more courses\n"
    assert _headings(text) == ["Allies Agree Steps"]
    assert "which will be paid from the common budget." in _prose(text)


def test_ragged_quote_tail_near_misses():
    assert not exports.is_ragged_tail(LONG, "That is right, and more.", "> next")  # a reply: a sentence
    assert not exports.is_ragged_tail(LONG + ".", "from the budget", "> next")  # the line above ended
    assert not exports.is_ragged_tail("> short line", "from the budget", "> next")  # not near the wrap width
    assert not exports.is_ragged_tail(LONG, "from the budget", "My notes follow.")  # the quote does not resume


# Moved from tests/test_reader_rules.py (session 20): the tests of this module's rules.
@pytest.mark.parametrize(
    ("style", "level"),
    [("text-indent:-18.0pt;mso-list:l0 level1 lfo1", 1), ("margin-left:72.0pt;mso-list:l2 level3 lfo4", 3),
     # near misses: no list style, a list style without its level, another mso property
     ("text-indent:-18.0pt", 0), ("mso-list:Ignore", 0), ("mso-add-space:auto", 0)],
)  # fmt: skip
def test_word_list_level(style, level):
    assert rules.word_list_level(style) == level


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("o\xa0\xa0 Poland: two radars", ("Poland: two radars", False)), ("§\xa0 Rzeszów", ("Rzeszów", False)),
     ("1.\xa0\xa0 Radars", ("Radars", True)), ("a)\xa0 Radars", ("Radars", True)),
     # near misses: no no-break space after a marker, a word too long to be one, nothing before the space
     ("Poland: two radars", None), ("Interceptors\xa0more", None), ("\xa0Radars", None)],
)  # fmt: skip
def test_word_list_marker(raw, expected):
    assert rules.word_list_marker(raw) == expected


@pytest.mark.parametrize(
    ("line", "nxt", "runs_on"),
    [("<p style='mso-list:l0 level1 lfo1'>·&nbsp; A</p>", "<p class=MsoList style='mso-list:l0 level2'>", True),
     # near misses: the next paragraph is no list item, the line is none, the next line is no paragraph
     ("<p style='mso-list:l0 level1 lfo1'>·&nbsp; A</p>", "<p class=MsoNormal>The steps.</p>", False),
     ("<p class=MsoNormal>Intro</p>", "<p style='mso-list:l0 level1 lfo1'>", False),
     ("<p style='mso-list:l0 level1 lfo1'>·&nbsp; A</p>", "<h2>Next</h2>", False)],
)  # fmt: skip
def test_continues_word_list(line, nxt, runs_on):
    assert rules.continues_word_list(line, nxt) is runs_on


def test_word_list_levels_nest_and_an_o_paragraph_elsewhere_stays_prose():
    item = "<p class=MsoListParagraph style='mso-list:l0 level{} lfo1'><span>{}&nbsp;&nbsp; </span>{}</p>\n"
    doc = parse_document(
        "<h2>Steps</h2>\n" + item.format(1, "·", "Radars") + item.format(2, "o", "Poland") + item.format(1, "·", "Jets")
        + "<p class=MsoNormal>o&nbsp;&nbsp; boy, the steps take effect in 2026.</p>\n"
    )  # fmt: skip
    assert [(i.text, i.depth) for i in doc.items] == [("Radars", 0), ("Jets", 0), ("Poland", 1)]
    assert "o boy, the steps take effect in 2026." in doc.sections[-1].text


_TASK = "<ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>Go</ac:task-body>"


@pytest.mark.parametrize(
    ("line", "expected"),
    [("<ac:task-list>", "<ul>"), ("</ac:task-list>", "</ul>"), (_TASK + "</ac:task>", "<li>Go</li>"),
     # near misses: another Confluence macro and an HTML list stay as they are
     ('<ac:structured-macro ac:name="info">', '<ac:structured-macro ac:name="info">'),
     ("<ul><li>A</li></ul>", "<ul><li>A</li></ul>")],
)  # fmt: skip
def test_confluence_tasks(line, expected):
    assert rules.confluence_tasks(line) == expected


def test_confluence_task_list_is_a_list():
    doc = parse_document(
        "<h2>Actions</h2>\n<ac:task-list>\n<ac:task><ac:task-status>complete</ac:task-status>"
        "<ac:task-body>Report: publish</ac:task-body></ac:task>\n</ac:task-list>\n<p>Done.</p>\n"
    )
    assert [i.text for i in doc.items] == ["Report: publish"]


# --------------------------------------------------------------------------- converter furniture (session 20, shapes25)
_ALERT_P = '<p style="color: red; font-weight: bold">>>>>>  gd2md-html alert:  ERRORs: 0; WARNINGs: 0; ALERTS: 1.</p>'
_ALERT_UL = (
    '<ul style="color: red; font-weight: bold"><li>See top comment block for details. <li>In the converted '
    "Markdown, search for inline alerts that start with >>>>>  gd2md-html alert:  for specific instances.</ul>"
)


def test_converter_alert():
    assert exports.is_converter_alert(_ALERT_P)
    assert exports.is_converter_alert(_ALERT_UL)
    assert exports.is_converter_alert('<p style="color: red">Links to alert messages:</p><a href="#gdcalert1">a</a>')
    doc = parse_document(f"{_ALERT_P}\n{_ALERT_UL}\n\n# Allies Agree Plan\n\nAllies met.\n\n- Hub: in Naples\n")
    assert doc.title == "Allies Agree Plan"
    assert [i.text for i in doc.items] == ["Hub: in Naples"]
    assert "gd2md" not in " ".join(s.text for s in doc.sections)


def test_converter_alert_near_misses():
    assert not exports.is_converter_alert("<p>Allies met in Brussels.</p>")
    assert not exports.is_converter_alert("The gd2md-html alert lines were deleted before publication.")  # prose
    assert not exports.is_converter_alert("<table><tr><td>gdcalert</td></tr></table>")  # not a <p> or <ul>
    doc = parse_document("# Plan\n\n<ul><li>Hub: in Naples</li></ul>\n")
    assert [i.text for i in doc.items] == ["Hub: in Naples"]


def test_page_separator():
    assert exports.is_page_separator("{0}------------------------------------------------")
    assert exports.is_page_separator("{12}--------")
    doc = parse_document("{0}----------------\n\n# Plan\n\nAllies met.\n\n{1}----------------\n\nThey agreed.\n")
    assert [s.heading for s in doc.sections] == ["Plan"]
    assert doc.sections[0].text == "Allies met.\n\nThey agreed."


def test_page_separator_near_misses():
    assert not exports.is_page_separator("{0}---")  # a short rule: not the converter's
    assert not exports.is_page_separator("{draft}----------------")
    assert not exports.is_page_separator("{1}---------------- page two")
