"""Session 18 rules (shapes20): chat assistants' answers, newsletters, PDF text and other dialects pasted into a
feed, each rule in the module of its concern and tested with its positive and near-miss cases. Found by
tests/shapes_corpus/836-860.
"""

from __future__ import annotations

import nato_briefs
from nato_briefs.normalize import split_initiative
from nato_briefs.reader.rules.dialects import is_asciidoc_author_line
from nato_briefs.reader.rules.items import glyph_before_bold
from nato_briefs.reader.rules.sequences import line_record, record_lines
from nato_briefs.reader.rules.tables import fenced_table_end
from nato_briefs.reader.rules.titles import starred_heading


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
