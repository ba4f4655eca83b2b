"""Session 18 rules (shapes20): chat assistants' answers, newsletters, PDF text and other dialects pasted into a
feed, each rule in the module of its concern and tested with its positive and near-miss cases. Found by
tests/shapes_corpus/836-860.
"""

from __future__ import annotations

import nato_briefs
from nato_briefs.normalize import split_initiative
from nato_briefs.reader.rules import extracted
from nato_briefs.reader.rules.dialects import is_asciidoc_author_line, is_pasted_org
from nato_briefs.reader.rules.items import glyph_before_bold
from nato_briefs.reader.rules.page_copy import document_margin
from nato_briefs.reader.rules.sequences import line_record, record_lines
from nato_briefs.reader.rules.tables import fenced_table_end, mismatched_delimiter
from nato_briefs.reader.rules.titles import blank_running_headers, numbered_headings, pipe_page_turn, starred_heading


def _article(text: str, name: str = "x.md"):
    return nato_briefs.read_article(text.encode(), source_path=name)


def _headings(text: str, name: str = "x.md") -> list[str]:
    return [s.heading for s in _article(text, name).sections if s.heading is not None]


def _names(text: str, name: str = "x.md") -> list[str]:
    return [r["name"] for r in _article(text, name).rows("initiatives")]


def _priorities(text: str, name: str = "x.md") -> list[list[str]]:
    return [[r["area"], r["focus"], r["outcome"]] for r in _article(text, name).rows("priorities")]


INTRO = "# Allies Agree Steps\n\nAllies agreed the following steps on Tuesday.\n\n"
ROWS = [["Cyber", "Task force", "Faster response"], ["Readiness", "Drills", "Cohesion"]]

# --------------------------------------------------------------------------- double_hyphen_dash (normalize)


def test_double_hyphen_dash_separates_name_and_detail():
    assert split_initiative("Joint military exercises -- Increasing the frequency") == (
        "Joint military exercises",
        "Increasing the frequency",
    )


def test_double_hyphen_dash_near_misses():
    assert split_initiative("A well--known drill") == ("A well--known drill", None)  # no blanks: inside a word
    assert split_initiative("Drills --more often") == ("Drills --more often", None)  # one side only
    assert split_initiative("Cyber: faster -- response") == ("Cyber", "faster -- response")  # the earliest wins


# --------------------------------------------------------------------------- glyph_bold_lead (items, walk, normalize)


def test_glyph_before_bold_lead_is_no_part_of_the_name():
    assert glyph_before_bold("✅ **Patriot batteries** – two") == 2
    text = INTRO + "- ✅ **Patriot batteries** – two more systems\n- 🔹 **Repairs** – hubs in Poland\n"
    assert _names(text) == ["Patriot batteries", "Repairs"]


def test_glyph_bold_lead_near_misses():
    assert glyph_before_bold("🇺🇦 Ukraine: support") == 0  # no bold after the glyph: the flag stays
    assert glyph_before_bold("A **bold** claim") == 0  # a word, no glyph
    assert _names(INTRO + "- 🇺🇦 Ukraine: more air defence\n- 🇵🇱 Poland: a new base\n") == ["🇺🇦 Ukraine", "🇵🇱 Poland"]


# --------------------------------------------------------------------------- asciidoc_author_line (dialects)

ADOC = "= Allies Agree Plan\n{}\n2025-03-14\n\nMinisters met in Oslo.\n\n== Priorities\n\nText.\n"


def test_asciidoc_author_line_is_no_heading():
    assert is_asciidoc_author_line("Press Office <press@example.org>", "= Allies Agree Plan")
    assert _headings(ADOC.format("Press Office <press@example.org>"), "x.txt") == ["Allies Agree Plan", "Priorities"]


def test_asciidoc_author_line_near_misses():
    assert not is_asciidoc_author_line("Press Office", "== Priorities")  # under a section title: its text
    assert not is_asciidoc_author_line(":toc:", "= Allies Agree Plan")  # an attribute entry
    assert not is_asciidoc_author_line("", "= Allies Agree Plan")


# --------------------------------------------------------------------------- starred_heading (titles)


def test_starred_heading():
    assert starred_heading("*** PRIORITIES ***") == (2, "PRIORITIES")
    text = "THE WEEKLY\n\n*** TOP STORY ***\n\nAllies met in Oslo.\n\n*** IN BRIEF ***\n\nSweden hosts next.\n"
    assert _headings(text, "x.txt") == ["THE WEEKLY", "TOP STORY", "IN BRIEF"]


def test_starred_heading_near_misses():
    near = ("***", "* * *", "***Priorities***", "* Priorities *", "*** Priorities ****", "*** a * b ***", "*** 8 ***")
    for line in near:
        assert starred_heading(line) is None, line


# --------------------------------------------------------------------------- fenced_table (tables)

PIPE = ["| Priority Area | Key Focus | Expected Outcome |", "|---|---|---|", "| Cyber | Task force | Faster response |"]
PIPE += ["| Readiness | Drills | Cohesion |", "```"]
SIMPLE = ["Priority Area  Key Focus   Expected Outcome", "-------------  ----------  ----------------"]
SIMPLE += ["Cyber          Task force  Faster response", "Readiness      Drills      Cohesion", "```"]


def test_fenced_table_markdown_fence():
    assert fenced_table_end(["```markdown", *PIPE], 0) == 5
    assert _priorities(INTRO + "\n".join(["```markdown", *PIPE]) + "\n\nMinisters will meet again.\n") == ROWS


def test_fenced_table_bare_fence_simple_table():
    assert fenced_table_end(["```", *SIMPLE], 0) == 5
    assert _priorities(INTRO + "\n".join(["```", *SIMPLE]) + "\n\nMinisters will meet again.\n") == ROWS


def test_fenced_table_near_misses():
    assert fenced_table_end(["```python", *PIPE], 0) is None  # another language: code
    assert fenced_table_end(["```", *PIPE], 0) is None  # a bare fence over pipe rows: code, as before
    assert fenced_table_end(["```markdown", *PIPE[:3], "```"], 0) is None  # one body row
    assert fenced_table_end(["```markdown", *PIPE[:3], "", *PIPE[3:]], 0) is None  # a blank line inside
    code = ["```", "def f(x):", "    return x", "print(f(1))", "```"]
    assert fenced_table_end(code, 0) is None  # no simple-table rule: code


# --------------------------------------------------------------------------- bulleted_records, piped_records


def test_bulleted_records_are_a_table():
    lines = ["- **Area:** Cyber — **Focus:** Task force — **Outcome:** Faster response"]
    lines.append("- **Area:** Readiness — **Focus:** Drills — **Outcome:** Cohesion")
    found = record_lines([*lines, ""], 0)
    assert found is not None and found[0][0] == (["Area", "Focus", "Outcome"], 1)
    assert _priorities(INTRO + "\n".join(lines) + "\n\nText.\n") == ROWS
    assert _names(INTRO + "\n".join(lines) + "\n\nText.\n") == []


def test_bulleted_records_near_misses():
    items = ["- Cyber: faster response", "- Readiness: more drills"]  # one field an item: items
    assert record_lines([*items, ""], 0) is None
    assert _names(INTRO + "\n".join(items) + "\n") == ["Cyber", "Readiness"]
    mixed = ["- **Area:** Cyber — **Focus:** Task force", "* **Area:** Readiness — **Focus:** Drills"]
    assert record_lines([*mixed, ""], 0) is None  # another bullet: not one run


def test_piped_records():
    assert line_record("**Priority Area:** Munitions | **Key Focus:** Shells") == [
        ("Priority Area", "Munitions"),
        ("Key Focus", "Shells"),
    ]
    lines = ["**Priority Area:** Cyber | **Key Focus:** Task force | **Expected Outcome:** Faster response  "]
    lines.append("**Priority Area:** Readiness | **Key Focus:** Drills | **Expected Outcome:** Cohesion")
    assert _priorities(INTRO + "\n".join(lines) + "\n\nText.\n") == ROWS


def test_piped_records_near_miss():
    assert line_record("Allies | Partners") is None  # no labels
    assert line_record("Lead nation: Poland | 2025") is None  # one field and a bare value


# --------------------------------------------------------------------------- shapes20b: the round's known losses
# mismatched_delimiter (tables): a delimiter row of another width than its header, the rows agreeing with the header

GLUED = ["Allies agreed these priorities:", "| Priority Area | Key Focus | Expected Outcome |", "|---|---|"]
GLUED += ["| Cyber | Task force | Faster response |", "| Readiness | Drills | Cohesion |", "Next steps"]


def test_mismatched_delimiter_is_widened():
    assert mismatched_delimiter(GLUED, 2) == "| --- | --- | --- |"
    wide = [*GLUED[:2], "|:--|--:|---|---|", *GLUED[3:]]
    assert mismatched_delimiter(wide, 2) == "| :-- | --: | --- |"  # one cell too many: cut, alignments kept
    text = "# Allies Agree Steps\n" + "\n".join(GLUED) + "\nMinisters will meet again in June.\n"
    assert _priorities(text, "x.txt") == ROWS


def test_mismatched_delimiter_near_misses():
    assert mismatched_delimiter([*GLUED[:2], "|---|---|---|", *GLUED[3:]], 2) is None  # as wide as its header
    two_cells = [*GLUED[:3], "| Cyber | Task force |", "| Readiness | Drills |", "Next steps"]
    assert mismatched_delimiter(two_cells, 2) is None  # rows of the delimiter's width: the header is the odd one
    assert mismatched_delimiter([*GLUED[:4], "| Readiness | Drills |", "Next steps"], 2) is None  # mixed widths
    assert mismatched_delimiter([*GLUED[:4], "Next steps"], 2) is None  # one row: no evidence
    blank = ["Allies agreed these priorities:", "", *GLUED[1:]]
    assert mismatched_delimiter(blank, 3) is None  # a blank line above: conventional markdown, cmark-gfm's reading
    assert _priorities("# Allies Agree Steps\n\n" + "\n".join(blank[1:]) + "\n", "x.md") == []
    wrapped = ["Allies agreed:", "| Priority | Key | Expected |", "| Area | Focus | Outcome |", *GLUED[2:]]
    assert mismatched_delimiter(wrapped, 3) is None  # a header wrapped over two rows: not this rule's


# numbered_heading (titles): "1." to "n." alone over prose, spread over a blank-free document: section headings

SECTIONS = ["Allies Agree Steps", "Ministers met in Brussels on Tuesday.", "1. Air Defence", "Allies will buy more."]
SECTIONS += ["- Patriot batteries", "- Radars", "2. Logistics", "Depots open next year.", "| Area | Focus | Outcome |"]
SECTIONS += ["|---|---|---|", "| Rail | Hubs | Speed |", "| Fuel | Pipes | Stock |", "3. Closing Remarks"]
SECTIONS += ["Ministers will meet again in June."]


def test_numbered_headings_are_headings():
    assert numbered_headings(SECTIONS) == frozenset({2, 6, 12})
    text = "\n".join(SECTIONS) + "\n"
    assert _headings(text, "x.txt") == ["Allies Agree Steps", "1. Air Defence", "2. Logistics", "3. Closing Remarks"]
    assert _names(text, "x.txt") == ["Patriot batteries", "Radars"]


def test_numbered_headings_near_misses():
    assert numbered_headings(SECTIONS[:12]) == frozenset()  # two numbers only: no outline
    skipped = [line.replace("2. ", "4. ") for line in SECTIONS]
    assert numbered_headings(skipped) == frozenset()  # 1, 4, 3: numbers that skip are no outline
    over_items = [*SECTIONS[:3], "- Patriot batteries", *SECTIONS[4:]]
    assert numbered_headings(over_items) == frozenset()  # "1. Air Defence" over an item: an outline's item
    sentence = [line.replace("3. Closing Remarks", "3. Ministers closed the meeting.") for line in SECTIONS]
    assert numbered_headings(sentence) == frozenset()  # a sentence after the number: an item
    listed = ["Allies agreed:", "1. Air Defence", "2. Logistics", "3. Cyber", "Ministers will meet again."]
    assert numbered_headings(listed) == frozenset()  # an ordered list: adjacent items
    spaced = "\n\n".join(SECTIONS) + "\n"  # conventional markdown: cmark-gfm's one-item lists
    assert "1. Air Defence" not in _headings(spaced, "x.md")


# indented_document (page_copy): every text line four spaces in or more: the page's margin, dedented

INDENTED = ["    Allies Agree Steps", "    Ministers met in Brussels on Tuesday to agree new steps.", "    - Radars"]
INDENTED += ["      - Coastal radars", "    | Area | Focus | Outcome |", "    |---|---|---|"]
INDENTED += ["    | Rail | Hubs | Speed |"]


def test_indented_document_is_read_without_its_margin():
    assert document_margin(INDENTED) == 4
    assert document_margin(["", *INDENTED, "  "]) == 4  # blank lines, of any width, are no text lines
    article = _article("\n".join(INDENTED) + "\n", "x.txt")
    assert [s.heading for s in article.sections if s.heading] == ["Allies Agree Steps"]
    assert [r["name"] for r in article.rows("initiatives")] == ["Radars", "Coastal radars"]
    assert [r["cells"] for r in article.rows("table_rows")] == [["Rail", "Hubs", "Speed"]]


def test_indented_document_near_misses():
    assert document_margin(["Allies Agree Steps", *INDENTED[1:]]) == 0  # a line at the margin: code samples
    assert document_margin(["\tAllies Agree Steps", *INDENTED[1:]]) == 0  # a tab: no width to share
    assert document_margin(INDENTED[:1] + INDENTED[2:]) == 0  # no sentence of prose: a code listing stays code
    assert document_margin(INDENTED[:2]) == 0  # two text lines only
    code = ["    def plan(allies):", "        return [a for a in allies]", "    print(plan(['Poland']))"]
    assert document_margin(code) == 0


# lone_number_run (extracted): "2." alone under "1. Brigade Lithuania: ...", pdftotext -raw's hanging indent

HANGING = ["Ministers agreed:", "", "1.", "Brigade: in Lithuania by 2027", "2.", "Air defence: Patriot rotation"]
HANGING += ["3.", "Corridors: rail links", "", "The next meeting is in Riga."]


def test_lone_number_run_goes_on_the_list():
    lines = list(HANGING)
    extracted.lone_number_lines(lines)
    joined = ["1. Brigade: in Lithuania by 2027", "2. Air defence: Patriot rotation", "3. Corridors: rail links"]
    assert lines[3:8:2] == joined
    assert lines[2:8:2] == ["", "", ""]  # the numbers' own lines: blank
    text = "# Allies Agree Steps\n\n" + "\n".join(HANGING) + "\n"
    assert _names(text, "x.txt") == ["Brigade", "Air defence", "Corridors"]
    assert _headings(text, "x.txt") == ["Allies Agree Steps"]


def test_lone_number_run_near_misses():
    for above in ("a new backing store of size", "1. Brigade: in Lithuania", "1) Brigade: in Lithuania"):
        lines = [above, "3.", "", "And so on."]  # under prose, or not the next number, or another delimiter
        extracted.lone_number_lines(lines)
        assert lines[1] == "3."
    lines = ["2. Brigade: in Lithuania", "3)", "Air defence"]  # the next number, another delimiter: no run
    extracted.lone_number_lines(lines)
    assert lines[1] == "3)"


# pasted_org (dialects): "* Title" first and two kinds of org's own marks below: an org file, keywords lost

ORG = ["* Allies Agree Plan", "", "Ministers met in Oslo.", "", "** Priorities", ""]
ORG += ["| Priority Area | Key Focus | Expected Outcome |", "|---+---+---|", "| Cyber | Task force | Faster response |"]
ORG += ["| Readiness | Drills | Cohesion |", "", "** Initiatives", "", "- Joint orders :: pooled through NSPA"]
ORG += ["- Exercises :: live fire in June", "", "Ministers meet again in October."]


def test_pasted_org_reads_as_org():
    assert is_pasted_org(ORG, 0)
    text = "\n".join(ORG) + "\n"
    assert _headings(text) == ["Allies Agree Plan", "Priorities", "Initiatives"]
    assert _names(text) == ["Joint orders", "Exercises"]
    assert _priorities(text) == ROWS


def test_pasted_org_near_misses():
    assert not is_pasted_org(["- Allies Agree Plan", *ORG[1:]], 0)  # a dash bullet first: markdown
    only_rule = [line for line in ORG if line[:2] != "**" and " :: " not in line]
    assert not is_pasted_org(only_rule, 0)  # one kind of mark alone (a "+"-jointed rule)
    markdown = ["* Allies met", "* Ministers agreed", "", "** Note ** the rest", "", "Text."]
    assert not is_pasted_org(markdown, 0)  # a "**" line alone
    assert not is_pasted_org(["** Allies Agree Plan", *ORG[1:]], 0)  # two stars first: no one-star title
    assert "Allies Agree Plan" not in _headings("* Allies Agree Plan\n* Second item\n\nText.\n")


# wrapped_heading (extracted): a PDF's headings wrapped over two lines, one of them breaking mid-phrase

WRAPPED = "The ministers met in Brussels on Tuesday to agree the steps set out below, and they\n"
WRAPPED += "agreed to review them at their next meeting in the autumn of this year in Riga.\n"
HEADS = ["Allies Agree New Steps to Strengthen", "Transatlantic Cooperation", "", WRAPPED]
HEADS += ["Next Steps for the Alliance Ahead of the Summit in", "The Hague", "", WRAPPED]


def _lines(text: list[str]) -> list[str]:
    return "\n".join(text).split("\n")


def test_wrapped_headings_are_joined():
    lines = _lines(HEADS)
    extracted.wrapped_heading_lines(lines, lambda line: line.endswith(" in"))
    assert lines[0] == "Allies Agree New Steps to Strengthen Transatlantic Cooperation" and lines[1] == ""
    heads = ["Allies Agree New Steps to Strengthen Transatlantic Cooperation"]
    heads.append("Next Steps for the Alliance Ahead of the Summit in The Hague")
    assert _headings("\n".join(HEADS), "x.txt") == heads


def test_wrapped_heading_near_misses():
    subtitle = ["NATO Annual Report 2025", "Building a Stronger Alliance", "", WRAPPED, "Next Steps Ahead", "", WRAPPED]
    assert _headings("\n".join(subtitle), "x.txt")[:2] == ["NATO Annual Report 2025", "Building a Stronger Alliance"]
    lines = _lines(subtitle)  # no block breaks mid-phrase: a title over its subtitle
    extracted.wrapped_heading_lines(lines, lambda line: line.endswith(" in"))
    assert lines == _lines(subtitle)
    longer = ["Summit in", "The Hague and Brussels Meetings", "", WRAPPED]  # the second line the longer
    lines = _lines(longer)
    extracted.wrapped_heading_lines(lines, lambda line: line.endswith(" in"))
    assert lines == _lines(longer)
    three = ["Allies Agree New Steps in", "The Hague", "Brussels Plans", "", WRAPPED]  # a block of three
    lines = _lines(three)
    extracted.wrapped_heading_lines(lines, lambda line: line.endswith(" in"))
    assert lines == _lines(three)


# pipe_page_turn, repeated_running_header (titles): a PDF's page number and running header between a table's rows

RUNNING = "NATO Review" + " " * 40 + "March 2025"
PAGED = [RUNNING, "", "# Allies Agree Steps", "", "Allies agreed these priorities:", ""]
PAGED += ["| Priority Area | Key Focus | Expected Outcome |", "|---|---|---|"]
PAGED += ["| Cyber | Task force | Faster response |"]
PAGED += ["", " " * 60 + "1", RUNNING, "", "| Readiness | Drills | Cohesion |", "", "Ministers meet again in June."]


def test_pipe_page_turn_goes_on_with_the_table():
    assert pipe_page_turn(PAGED, 9, 3) == 13
    article = _article("\n".join(PAGED) + "\n")
    assert _priorities("\n".join(PAGED) + "\n") == ROWS
    assert "NATO Review" not in "\n".join(s.text for s in article.sections)
    lines = list(PAGED)
    blank_running_headers(lines)
    assert lines[0] == lines[11] == ""


def test_pipe_page_turn_near_misses():
    assert pipe_page_turn([*PAGED[:9], "", "", *PAGED[12:]], 9, 3) is None  # blank lines alone end the table
    assert pipe_page_turn([*PAGED[:11], "Text.", *PAGED[12:]], 9, 3) is None  # text between: a paragraph
    assert pipe_page_turn([*PAGED[:13], "| Readiness | Drills |", *PAGED[14:]], 9, 3) is None  # another width
    header = [*PAGED[:13], "| Area | Focus | Outcome |", "|---|---|---|", *PAGED[14:]]
    assert pipe_page_turn(header, 9, 3) is None  # a header over its delimiter row: a table of its own
    dateline = ["NATO Review" + " " * 40 + "March 2025", "", "Text.", "", "NATO Review" + " " * 40 + "March 2025"]
    lines = list(dateline)
    blank_running_headers(lines)  # under no page number: a gapped line stays
    assert lines == dateline
    footers = ["NATO UNCLASSIFIED" + " " * 30 + "Page 1 of 2", "", "NATO UNCLASSIFIED" + " " * 30 + "Page 2 of 2"]
    lines = list(footers)
    blank_running_headers(lines)  # a footer's own gapped line under the last page's: a footer, not a header
    assert lines == footers
    # a pandoc multiline table: a row's cell wrapped to a bare "0" under its column, glued to the row above, is no
    # page number, and a row of figures set apart by a gap is no running header (found by the hypothesis test of
    # test_reader_text_tables after the merge)
    multiline = ["-" * 17, "0        0", "-------- --------", "0        0000000", "         0", ""]
    multiline += ["0        0", "-" * 17]
    lines = list(multiline)
    blank_running_headers(lines)
    assert lines == multiline
    figures = ["", " " * 60 + "1", "2025        2026", "", "2025        2026"]
    lines = list(figures)
    blank_running_headers(lines)  # under a page number, but no word: a row of figures
    assert lines == figures
