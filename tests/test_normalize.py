"""Header synonyms, the name/detail split and the Arrow tables of a batch."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nato_briefs.headers import dotted_capital_i, load_header_synonyms, map_headers, normalize_header
from nato_briefs.ingest import SourceDocument
from nato_briefs.normalize import BatchNormalizer, split_initiative
from nato_briefs.parse import parse_document
from nato_briefs.schema import DATASETS

SYN = load_header_synonyms()


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        (["Priority Area", "Key Focus", "Expected Outcome"], (0, 1, 2)),
        (["Focus Area", "Key Initiative", "Expected Outcome"], (0, 1, 2)),
        (["Strategic Focus", "Priority Area", "Expected Outcome"], (0, 1, 2)),
        (["**Area**", "Focus:", "Impact"], (0, 1, 2)),
        (["Result", "Priority Area", "Key Focus"], (1, 2, 0)),
        (["Area", "Timeline", "Focus", "Owner", "Outcome"], (0, 2, 4)),
        (["Area of Focus", "Key Measures", "Intended Effect"], (0, 1, 2)),
        (["Pillar", "Objective", "Goal"], (0, 1, 2)),
        (["Domain", "Action", "Desired Outcome"], (0, 1, 2)),
        (["Theme", "Planned Activities", "Result"], (0, 1, 2)),
        (["Priority", "Initiative", "Impact"], (0, 1, 2)),
        (["Main Objective", "Lead Nation", "Capability Pillar", "Anticipated Benefits"], (2, 0, 3)),
        (["Expected Results", "Timeline", "Key Actions", "Budget", "Thematic Areas"], (4, 2, 0)),
        (["Theme", "Pillar", "Outcome"], (0, 1, 2)),
        (["Outcome(s)", "Area", "Objective(s)"], (1, 2, 0)),
        (["Area of Responsibility", "Task", "Aim"], (0, 1, 2)),
        (["Pillar", "Key aim", "Expected result"], (0, 1, 2)),  # the key aim is what the area pursues
        (["Domain", "Main Aim", "Goal"], (0, 1, 2)),
        # "aim" alone is an outcome word: two outcome columns and no focus, the left one is the focus (two_outcomes,
        # session 15; before it, this table did not map)
        (["Pillar", "Aim", "Expected result"], (0, 1, 2)),
        (["Aim", "Expected result"], None),  # near miss: two outcomes and no area
        # two focus columns and no area, with an outcome: the left one is the area (two_focuses, session 20 shapes27)
        (["Objective", "Approach", "Target"], (0, 1, 2)),
        (["Key Initiative", "Action", "Expected Outcome"], (0, 1, 2)),
        (["Objective", "Approach"], None),  # near miss: two focuses and no outcome
        (["Objective", "Approach", "Timeline"], None),  # near miss: no outcome column
        # an aim left of the action, a result right of it, no area: the aim is the area (aim_before_action, session 23)
        (["Aim", "Activity", "Benefit"], (0, 1, 2)),
        (["Purpose", "Action", "Result"], (0, 1, 2)),
        (["Purpose", "Task", "Budget", "Effect"], (0, 1, 3)),
        (["Action", "Result", "Benefit"], None),  # near miss: no aim left of the action
        (["Goal", "Result"], None),  # near miss: no action
        (["Goal", "Action", "Result"], None),  # near miss: a goal stays an outcome (the logframe of header_wordings)
        (["Aim", "Activity", "Timeline"], None),  # near miss: no result right of the action
        (["Expected Outcome", "Key Focus", "Impact"], None),  # near miss: the left outcome names no aim (aim_words)
        (["Result", "Action", "Impact"], None),
        (["Key Focus Area", "Key Initiative", "Expected Outcome"], (0, 1, 2)),
        (["Priority Area", "Key Focus Area", "Outcome"], (0, 1, 2)),
        (["Area", "Focus", "Outcome", "Impact"], (0, 1, 2)),
        (["Milestone", "Target Date"], None),
        (["Date", "Event", "Location"], None),
        (["Country", "Contribution", "Year"], None),
        (["Priority Area", "Expected Outcome"], None),
        ([], None),
    ],
)
def test_map_headers(headers, expected):
    assert map_headers(headers, SYN) == expected


def test_synonyms_are_data_and_a_word_belongs_to_one_role(tmp_path):
    path = tmp_path / "syn.yaml"
    path.write_text("area: {words: [pillar]}\nfocus: {words: [lever]}\noutcome: {words: [pillar]}\n")
    with pytest.raises(ValueError, match="pillar"):
        load_header_synonyms(path)
    path.write_text("area: {words: [pillar]}\nfocus: {words: [lever]}\noutcome: {words: [payoff]}\n")
    assert map_headers(["Payoff", "Lever", "Pillar"], load_header_synonyms(path)) == (2, 1, 0)


def test_normalize_header():
    assert normalize_header("  Command &amp; **Control**: ") == "command and amp control"
    assert normalize_header("Key  Focus:") == "key focus"


@pytest.mark.parametrize(
    ("header", "expected"),
    [("Priority Area¹", "priority area"), ("Expected Outcome (2030)", "expected outcome"),
     ("priority_area", "priority area"), ("Key Focus*", "key focus"), ("Outcome ②", "outcome"),
     # near misses: a number inside a word stays, and so does a word with digits and letters
     ("Q1 Goal", "q1 goal"), ("Phase 2b Outcome", "phase 2b outcome"), ("F35 Fleet", "f35 fleet")],
)  # fmt: skip
def test_normalize_header_drops_marks_numbers_and_underscores(header, expected):
    assert normalize_header(header) == expected


def test_dotted_capital_i_folds_to_i():
    """Turkish capitals (shapes 907): "İ" folds to "i" and a combining dot, which broke the word in two."""
    assert normalize_header("TEMEL FAALİYETLER") == "temel faaliyetler"
    assert normalize_header("ÖNCELİKLİ ALAN") == "öncelikli alan"
    assert normalize_header("FAALI\u0307YETLER") == "faaliyetler"  # the İ decomposed: I and a combining dot
    # near miss: another letter keeps its combining dot above
    assert dotted_capital_i("a\u0307rea") == "a\u0307rea"


def test_dotless_i_folds_to_i():
    """Turkish capitals (session 19, ``dotless_i``): the capital of ı is the plain I, which folds to i, so both
    spellings of a word are one."""
    assert normalize_header("BEKLENEN ÇIKTI") == normalize_header("Beklenen çıktı") == "beklenen çikti"
    # near miss: the other Turkish letters stay
    assert normalize_header("SONUÇ Öncelik ş") == "sonuç öncelik ş"


def test_greek_accents_drop():
    """Greek capitals carry no accents (session 19, ``greek_accents``): ``ΤΟΜΕΑΣ`` and ``Τομέας`` are one word."""
    assert normalize_header("ΑΝΑΜΕΝΟΜΕΝΑ ΑΠΟΤΕΛΕΣΜΑΤΑ") == normalize_header("Αναμενόμενα αποτελέσματα")
    assert normalize_header("Τομέας") == "τομεασ"
    # near misses: the diaeresis stays, as capitals keep it, and other scripts keep their accents
    assert normalize_header("ΠΡΟΫΠΟΛΟΓΙΣΜΟΣ") == "προϋπολογισμοσ"
    assert normalize_header("Résultat Ἀξία") == "résultat αξια"


@pytest.mark.parametrize(
    ("headers", "expected"),
    [(["Priority Area / Domaine prioritaire", "Key Focus / Axe principal", "Expected Outcome / Résultat attendu"],
      (0, 1, 2)),
     (["priority_area", "key_focus", "expected_outcome"], (0, 1, 2)),
     (["Priority Area¹", "Key Focus*", "Expected Outcome (2030)"], (0, 1, 2)),
     # near misses: a slash between two words that name no role, and a header with only a number
     (["Country / Region", "Key Focus", "Expected Outcome"], None),
     (["2030", "Key Focus", "Expected Outcome"], None),
     # a year with its preposition ("time_words" in header_synonyms.yaml) names no role either
     (["Priority Area (2025–2030)", "Key Focus", "Expected Outcome by 2030"], (0, 1, 2)),
     (["Area", "Focus for 2026", "Outcome as of 2030"], (0, 1, 2)),
     # near misses: only a preposition and a year left, and a dated header that names no role
     (["Area", "Key Focus", "By 2030"], None),
     (["Priority Area", "Key Focus", "Budget until 2030"], None)],
)  # fmt: skip
def test_headers_with_marks_snake_case_or_two_languages_map(headers, expected):
    assert map_headers(headers, SYN) == expected


@pytest.mark.parametrize(
    ("text", "bold", "expected"),
    [
        (
            "Joint military exercises: Increasing the frequency.",
            None,
            ("Joint military exercises", "Increasing the frequency."),
        ),
        (
            "Strengthening intelligence-sharing frameworks",
            None,
            ("Strengthening intelligence-sharing frameworks", None),
        ),
        ("Cyber Defense — stronger nets", None, ("Cyber Defense", "stronger nets")),
        ("Cyber Defense—stronger nets", None, ("Cyber Defense", "stronger nets")),
        ("Cyber Defense - stronger nets", None, ("Cyber Defense", "stronger nets")),
        ("Cyber Defense: stronger nets", "Cyber Defense", ("Cyber Defense", "stronger nets")),
        ("Cyber Defense stronger nets", "Cyber Defense", ("Cyber Defense", "stronger nets")),
        ("Cyber Defense: stronger nets", "Cyber Defense:", ("Cyber Defense", "stronger nets")),
        ("See http://nato.int for more", None, ("See http://nato.int for more", None)),
        ("Name:", None, ("Name", None)),
        ("non-NATO allies", None, ("non-NATO allies", None)),
        ("Readiness Action Plan – faster reinforcement", None, ("Readiness Action Plan", "faster reinforcement")),
        ("Funding 2025–2030 agreed", None, ("Funding 2025–2030 agreed", None)),
        ("Funding 2025—2030 agreed", None, ("Funding 2025—2030 agreed", None)),
        ("Cyber–defence centres", None, ("Cyber–defence centres", None)),
        ("Air policing: more jets — and tankers", None, ("Air policing", "more jets — and tankers")),
        ("Drones — eastern flank: more", None, ("Drones", "eastern flank: more")),
        # the full-width colon of Chinese and Japanese text, with no space after it
        ("能力目标：由所有盟国通过", None, ("能力目标", "由所有盟国通过")),
        ("共同演習：秋に実施", None, ("共同演習", "秋に実施")),
        # a typed step label before the name (step_label, session 23): numbering, as a "1." marker is
        ("Step 1: Military Mobility Pledge - national plans", None, ("Military Mobility Pledge", "national plans")),
        ("STEP 2 – Connecting Europe Facility: EU funds", None, ("Connecting Europe Facility", "EU funds")),
        ("Phase II: Host Nation Support — depots", None, ("Host Nation Support", "depots")),
        ("Step 3: Military Mobility Corridors - routes", "Step 3:", ("Military Mobility Corridors", "routes")),
        # near misses: the rest has no separator, no step word, a number run on into a word
        ("Step 1: Agree the national plans", None, ("Step 1", "Agree the national plans")),
        ("Step 1: Agree the national plans", "Step 1:", ("Step 1", "Agree the national plans")),
        ("Pledge 1: Rail - wider tunnels", None, ("Pledge 1", "Rail - wider tunnels")),
        ("Step 1a: Rail - wider tunnels", None, ("Step 1a", "Rail - wider tunnels")),
        ("Part of the plan: rail - wider tunnels", None, ("Part of the plan", "rail - wider tunnels")),
        # near miss: a plain colon with no space after it (a time, a ratio) still does not split
        ("Exercise at 10:30 in Riga", None, ("Exercise at 10:30 in Riga", None)),
    ],
)
def test_split_initiative(text, bold, expected):
    assert split_initiative(text, bold) == expected


@given(st.text(max_size=200), st.one_of(st.none(), st.text(max_size=20)))
def test_split_never_raises_and_name_nonempty_for_nonempty_text(text, bold):
    name, detail = split_initiative(" ".join(text.split()), bold)
    if text.strip():
        assert name
    assert detail is None or detail


def _batch(text: str, path: str = "a.txt"):
    normalizer = BatchNormalizer()
    normalizer.add(SourceDocument(path, "f" * 64, text, "utf-8", len(text)), parse_document(text))
    return normalizer.finish()


def test_batch_tables_match_schemas_and_counts():
    text = (
        "Title Line\nIntro:\n- **A**: one\n- B\n| Area | Focus | Outcome |\n|---|---|---|\n| x |  | z |\n"
        "| Country | Year |\n|---|---|\n| NO | 2024 |\n"
    )
    batch = _batch(text)
    for name, table in batch.tables.items():
        assert table.schema.equals(DATASETS[name], check_metadata=False), name
    doc = batch.tables["documents"].to_pylist()[0]
    assert (doc["n_tables"], doc["n_list_items"], doc["n_priorities"], doc["n_unmapped_tables"]) == (2, 2, 1, 1)
    assert batch.n_unmapped_tables == 1
    prio = batch.tables["priorities"].to_pylist()[0]
    assert (prio["area"], prio["focus"], prio["outcome"], prio["line"]) == ("x", "", "z", 7)
    init = batch.tables["initiatives"].to_pylist()
    assert [(r["name"], r["detail"]) for r in init] == [("A", "one"), ("B", None)]
    assert batch.tables["table_rows"].num_rows == 2


def test_split_is_linear_on_long_runs_of_blanks():
    # the former "\s*[—–]\s*" search rescanned a run of blanks from every position (quadratic)
    text = "Name" + " " * 200_000 + "x"
    assert split_initiative(text) == (text, None)


def test_batch_statements_from_prose():
    text = (
        "\ufeffTitle Line\r\n\r\nThe talks ended. NATO leaders agreed to double the battlegroups.\r\n"
        "- Allies agreed to x\r\n"
    )
    rows = _batch(text).tables["statements"].to_pylist()
    assert [(r["sentence_index"], r["kind"], r["line"], r["column"], r["section"]) for r in rows] == [
        (1, "commitment", 3, 18, "Title Line")
    ]
    assert rows[0]["cue"] and rows[0]["countries"] == []  # list items are not prose


def test_suspect_lines_reach_documents_and_the_batch_counts():
    batch = _batch("Intro.\n\n¤ odd bullet one\n¤ odd bullet two\n")
    assert batch.tables["documents"].column("n_suspect_lines").to_pylist() == [2]
    assert (batch.n_suspect_lines, batch.n_suspect_documents) == (2, 1)


def test_a_bom_is_no_code_point_of_line_one():
    """CONTRACT: ``column`` is the 1-based code point on the source line; a leading BOM is not one of them.

    Lines are split once per document for statements and mentions: both must count line 1 without it.
    """
    text = "\ufeffNATO leaders agreed to double the battlegroups in Poland.\nMore text.\n"
    tables = _batch(text).tables
    statements = tables["statements"].to_pylist()
    assert [(r["line"], r["column"]) for r in statements] == [(1, 1)]
    mentions = {r["surface"]: (r["line"], r["column"]) for r in tables["mentions"].to_pylist()}
    assert mentions["NATO"] == (1, 1)
    assert mentions["Poland"] == (1, text.index("Poland"))  # 0-based in the text with its BOM: 1-based without


# --------------------------------------------------------------------------- double_hyphen_dash (shapes20)


def test_double_hyphen_dash_separates_name_and_detail():
    assert split_initiative("Joint military exercises -- Increasing the frequency") == (
        "Joint military exercises",
        "Increasing the frequency",
    )


def test_double_hyphen_dash_near_misses():
    assert split_initiative("A well--known drill") == ("A well--known drill", None)  # no blanks: inside a word
    assert split_initiative("Drills --more often") == ("Drills --more often", None)  # one side only
    assert split_initiative("Cyber: faster -- response") == ("Cyber", "faster -- response")  # the earliest wins
