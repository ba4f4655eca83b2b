"""Session 17 rules (``rules/shapes18.py`` and the header wordings): the users' four gaps in their most ordinary
forms, each rule with its positive and near-miss cases. Found by tests/shapes_corpus/791-815.
"""

from __future__ import annotations

import nato_briefs
from nato_briefs.headers import load_header_synonyms, map_headers
from nato_briefs.parse import parse_document
from nato_briefs.reader import rules
from nato_briefs.reader.rules import shapes18

SYN = load_header_synonyms()


def _items(text: str) -> list[tuple[int, str]]:
    return [(item.depth, item.text) for item in parse_document(text).items]


def _prose(text: str) -> str:
    return "\n".join(s.text for s in parse_document(text).sections)


def _priorities(text: str) -> list[list[str]]:
    article = nato_briefs.read_article(text.encode(), source_path="x.md")
    return [[r["area"], r["focus"], r["outcome"]] for r in article.rows("priorities")]


def _table_rows(text: str) -> list[list[str]]:
    article = nato_briefs.read_article(text.encode(), source_path="x.md")
    return [r["cells"] for r in article.rows("table_rows")]


def test_new_rules_are_named():
    assert set(shapes18.SHAPES18_RULES) <= set(rules.RULES)


# --------------------------------------------------------------------------- number_colon_run, hash, numero

INTRO = "Allies agreed the following steps on Tuesday.\n\n"


def test_number_colon_run_is_a_list():
    text = INTRO + "Follow-up\n1: Intelligence sharing – closer cooperation\n2: Training programs – more courses\n"
    assert _items(text) == [(0, "Intelligence sharing – closer cooperation"), (0, "Training programs – more courses")]


def test_number_colon_near_misses():
    assert _items(INTRO + "1: Intelligence sharing – closer cooperation\n\nText.\n") == []  # alone: no run
    assert _items(INTRO + "1: Intelligence sharing\n3: Training\n") == []  # the numbers do not follow on
    assert _items(INTRO + "Meet at 10:30 in room 1:2.\n") == []


def test_hash_number_run_is_a_list():
    text = INTRO + "#1 Cyber Defense: stronger networks\n#2 Intelligence: shared threat pictures\n"
    assert _items(text) == [(0, "Cyber Defense: stronger networks"), (0, "Intelligence: shared threat pictures")]
    assert len(_items(INTRO + "#1: Cyber\n#2: Space\n#3: Land\n")) == 3


def test_hash_number_near_misses():
    text = INTRO + "#1 priority for the Alliance is deterrence, ministers said.\n\nText.\n"
    assert _items(text) == [] and "#1 priority for the Alliance" in _prose(text)  # a rank in a sentence
    assert _items(INTRO + "#NATO #Summit\n#Defence\n") == []  # hashtags


def test_numero_run_is_a_list():
    text = INTRO + "No. 1 Unified Threat Assessment – shared intelligence\nNo. 2 Logistics – joint supply\n"
    assert _items(text) == [(0, "Unified Threat Assessment – shared intelligence"), (0, "Logistics – joint supply")]
    assert len(_items(INTRO + "№ 1 Cyber\n№ 2 Space\n")) == 2


def test_numero_run_wrapped_with_a_hanging_indent():
    text = INTRO + "No. 1 Cyber Defense Enhancement – Strengthening cyber resilience against\n"
    text += "      state and non-state actors\nNo. 2 Intelligence Coordination – Streamlining threat\n"
    text += "      assessment capabilities\n"
    assert [t for _, t in _items(text)] == [
        "Cyber Defense Enhancement – Strengthening cyber resilience against state and non-state actors",
        "Intelligence Coordination – Streamlining threat assessment capabilities",
    ]


def test_numero_near_misses():
    text = INTRO + "No. 10 Downing Street said the plan was welcome.\n\nText.\n"
    assert _items(text) == [] and "No. 10 Downing Street" in _prose(text)
    assert _items(INTRO + "No. 1 Cyber\nNo. 3 Space\n") == []  # the numbers do not follow on


# --------------------------------------------------------------------------- totals_row

TOTALS = """# Plan

## Priorities

| Priority Area | Key Focus | Expected Outcome | Budget (EUR m) |
|---|---|---|---:|
| Air Defence | Batteries | Layered protection | 600 |
| Missile Defence | Radars | Earlier warning | 450 |
| **Total** | | | **1,050** |
"""


def test_totals_row_is_no_priority_but_stays_a_row():
    assert _priorities(TOTALS) == [
        ["Air Defence", "Batteries", "Layered protection"],
        ["Missile Defence", "Radars", "Earlier warning"],
    ]
    assert _table_rows(TOTALS)[-1] == ["Total", "", "", "1,050"]
    assert shapes18.is_totals_row(["Grand total", "", "", "€1.2bn"], SYN.total_words)
    assert shapes18.is_totals_row(["Totals:", "", "5.5 %"], SYN.total_words)


def test_totals_row_near_misses():
    assert not shapes18.is_totals_row(["Total Defence", "Civil preparedness", "Resilience"], SYN.total_words)
    assert not shapes18.is_totals_row(["Total", "3 areas", "9 measures"], SYN.total_words)  # words beside it
    assert not shapes18.is_totals_row(["Total", "", ""], SYN.total_words)  # no figure: not a sum
    mid = TOTALS.replace("| **Total** | | | **1,050** |\n", "").replace(
        "| Missile Defence |", "| Total | | | 600 |\n| Missile Defence |"
    )
    assert len(_priorities(mid)) == 3  # not the last row: read as written
    one_row = "| Area | Focus | Outcome | Cost |\n|---|---|---|---|\n| Air | A | B | 1 |\n| Total | | | 1 |\n"
    assert len(_priorities(one_row)) == 2  # a "total" under one row sums nothing


# --------------------------------------------------------------------------- sup_footnote_mark

SUP = """<h1>Plan</h1>
<table>
<tr><th>Priority Area<sup>1</sup></th><th>Key Focus<sup>2</sup></th><th>Expected Outcome</th></tr>
<tr><td>Land</td><td>Brigades</td><td>Deterrence</td></tr>
</table>
"""


def test_sup_footnote_mark_in_a_header_is_raised():
    assert parse_document(SUP).tables[0].headers == ["Priority Area¹", "Key Focus²", "Expected Outcome"]
    assert _priorities(SUP) == [["Land", "Brigades", "Deterrence"]]
    assert shapes18.superscript_mark("2") == "²"


def test_sup_footnote_mark_near_misses():
    assert shapes18.superscript_mark("st") == "st"  # "1<sup>st</sup>": letters stay
    assert shapes18.superscript_mark("2026") == "2026"  # more than a mark
    html = "<table><tr><th>Area</th><th>Focus</th></tr><tr><td>1<sup>st</sup> brigade</td><td>x</td></tr></table>\n"
    assert parse_document(html).tables[0].rows[0].cells == ["1st brigade", "x"]


# --------------------------------------------------------------------------- header_determiners


def test_header_determiners_map():
    assert map_headers(["The priority area", "Our key focus", "Expected outcome(s) by 2030"], SYN) == (0, 1, 2)
    # "Our strategic focus" is the area phrase "strategic focus": two areas, the left one the area
    assert map_headers(["Our strategic focus", "The priority area", "Expected outcome(s)"], SYN) == (0, 1, 2)


def test_header_determiners_near_misses():
    assert map_headers(["The", "Our key focus", "The expected outcome"], SYN) is None  # a lone word stays
    assert map_headers(["Our country", "Our key focus", "The expected outcome"], SYN) is None
