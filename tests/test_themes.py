"""The theme rules on the sample articles' own wording, plus the guarantees analysts rely on."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_briefs.themes import Taxonomy, assign_themes, keyword_pattern, load_taxonomy, parse_taxonomy, theme_array

RAW_004 = Path(__file__).resolve().parents[1] / "raw" / "004_664f1cef579698de.txt"

# Every table area and list-item name of article 004, with the theme a reader would give it.
SAMPLE_004 = {
    "Defense Modernization": "modernization_technology",
    "Cybersecurity": "cyber",
    "Collective Training": "exercises_training",
    "Cyber Defense": "cyber",
    "Military Readiness": "deterrence_posture",
    "Strategic Alliances": "partnerships",
    "Command & Control": "command_control",
    "Training & Exercises": "exercises_training",
    "Technology": "modernization_technology",
    "Strengthening intelligence-sharing frameworks": "intelligence_sharing",
    "Expanding joint military exercises and training programs": "exercises_training",
    "Promoting resilience against hybrid and asymmetric threats": "hybrid_threats",
    "Joint military exercises": "exercises_training",
    "Technological innovation": "modernization_technology",
    "Strategic partnerships": "partnerships",
    "Resource sharing": "logistics",
    "Unified Threat Assessment": "intelligence_sharing",
    "Cybersecurity Collaboration": "cyber",
    "Logistical Integration": "logistics",
    "Cyber Defense Enhancement": "cyber",
    "Intelligence Coordination": "intelligence_sharing",
    "Joint Military Exercises": "exercises_training",
    "Strategic Partnerships": "partnerships",
}

EXPECTED_IDS = {
    "cyber",
    "intelligence_sharing",
    "exercises_training",
    "modernization_technology",
    "partnerships",
    "logistics",
    "command_control",
    "deterrence_posture",
    "hybrid_threats",
    "climate_energy",
    "counter_terrorism",
    "crisis_response",
}


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def _plain_scan(taxonomy: Taxonomy, text: str | None) -> str | None:
    """The rule without the word prefilter: the reference the fast path must agree with."""
    if not text:
        return None
    return next((t.id for t in taxonomy.themes if t.pattern.search(text)), None)


def test_taxonomy_has_the_agreed_stable_ids(taxonomy: Taxonomy) -> None:
    assert set(taxonomy.ids) == EXPECTED_IDS
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in taxonomy.ids)
    assert taxonomy.label("command_control") == "Command & control"


def test_sample_phrases_really_come_from_article_004() -> None:
    text = RAW_004.read_text(encoding="utf-8")
    assert [phrase for phrase in SAMPLE_004 if phrase not in text] == []


@pytest.mark.parametrize(("text", "expected"), sorted(SAMPLE_004.items()))
def test_sample_article_wording(taxonomy: Taxonomy, text: str, expected: str) -> None:
    assert taxonomy.assign(text) == expected


def test_cyber_variants_share_one_theme(taxonomy: Taxonomy) -> None:
    themes = {taxonomy.assign(t) for t in ("Cybersecurity", "Cyber Defense", "Cyber Defense Enhancement")}
    assert themes == {"cyber"}


def test_named_examples(taxonomy: Taxonomy) -> None:
    assert taxonomy.assign("Joint military exercises") == "exercises_training"
    assert taxonomy.assign("Command & Control") == "command_control"
    assert taxonomy.assign("Xylophone quorum blorptastic") is None
    assert taxonomy.assign(None, "", None) is None
    assert taxonomy.assign() is None


def test_whole_words_only(taxonomy: Taxonomy) -> None:
    assert taxonomy.assign("retraining") is None  # `training*` must not match inside a word
    assert taxonomy.assign("determine the deteriorating") is None
    assert taxonomy.assign("paid") is None  # `ai`
    assert taxonomy.assign("AI-driven analytics") == "modernization_technology"
    assert taxonomy.assign("counter-terrorism") == taxonomy.assign("counter  terrorism") == "counter_terrorism"


def test_first_field_that_matches_wins(taxonomy: Taxonomy) -> None:
    # area "Technology" decides even though the focus mentions cyber.
    assert taxonomy.assign("Technology", "AI & Cyber Tools", "Superior Threat Detection") == "modernization_technology"
    assert taxonomy.assign("Budget", "Unified Cybersecurity Task Force") == "cyber"
    match = taxonomy.explain("Budget", "Unified Cybersecurity Task Force")
    assert match is not None and (match.field_index, match.keyword_text) == (1, "Cybersecurity")


def test_within_a_field_the_theme_listed_first_wins(taxonomy: Taxonomy) -> None:
    # "exercises" comes first in the text, but cyber is listed above exercises_training in the file.
    assert taxonomy.ids.index("cyber") < taxonomy.ids.index("exercises_training")
    assert taxonomy.assign("Exercises against cyber attacks") == "cyber"


def test_keyword_syntax() -> None:
    rules = parse_taxonomy(
        {
            "themes": [
                {"id": "a", "label": "A", "keywords": ["supply chain*"]},
                {"id": "b", "label": "B", "keywords": ["r&d", "x-ray"]},
            ]
        }
    )
    assert rules.assign("Supply-Chains") == "a"
    assert rules.assign("supply\tchain") == "a"
    assert rules.assign("chain supply") is None
    assert rules.assign("R&D budget") == "b"
    assert rules.assign("X Ray") == "b"
    assert re.fullmatch(keyword_pattern("cyber*"), "cybersecurity")


@pytest.mark.parametrize(
    "bad",
    [
        {"themes": [{"id": "Not Snake", "label": "x", "keywords": ["a"]}]},
        {"themes": [{"id": "a", "label": "x", "keywords": []}]},
        {"themes": [{"id": "a", "keywords": ["a"]}, {"id": "a", "keywords": ["b"]}]},
        {"themes": [{"id": "a", "keywords": ["--"]}]},
        {"nothing": []},
    ],
)
def test_bad_taxonomy_files_are_rejected_with_a_reason(bad: dict) -> None:
    with pytest.raises(ValueError):
        parse_taxonomy(bad)


def test_load_taxonomy_is_cached(tmp_path: Path) -> None:
    assert load_taxonomy() is load_taxonomy()
    path = tmp_path / "themes.yaml"
    path.write_text("themes:\n  - id: only\n    label: Only\n    keywords: [alpha]\n", encoding="utf-8")
    assert load_taxonomy(path).assign("Alpha team") == "only"


def test_assign_themes_accepts_lists_arrow_and_pandas(taxonomy: Taxonomy) -> None:
    areas = ["Cyber Defense", None, "Budget", "", "Budget"]
    focus = ["x", "Joint drills", None, "humanitarian aid", "Budget"]
    expected = ["cyber", "exercises_training", None, "crisis_response", None]
    assert assign_themes(taxonomy, [areas, focus]) == expected
    assert assign_themes(taxonomy, [pa.chunked_array([areas[:2], areas[2:]]), pa.array(focus)]) == expected
    assert assign_themes(taxonomy, [pd.Series(areas), pd.Series(focus, dtype="string")]) == expected
    assert assign_themes(taxonomy, [pa.array(areas).dictionary_encode(), focus]) == expected
    assert theme_array(taxonomy, [[]]).to_pylist() == []
    with pytest.raises(ValueError):
        assign_themes(taxonomy, [])
    with pytest.raises(ValueError):
        assign_themes(taxonomy, [["a"], ["a", "b"]])


_vocabulary = st.sampled_from([*SAMPLE_004, "cyber", "ſpace", "İntelligence", "R&D", "c2", "drill", "-", "&", " "])
_texts = st.one_of(st.none(), st.text(), st.lists(_vocabulary | st.text(max_size=5)).map(" ".join))


@settings(max_examples=400)
@given(texts=st.lists(_texts, max_size=4))
def test_assign_never_raises_and_agrees_with_the_plain_regex_scan(texts: list[str | None]) -> None:
    taxonomy = load_taxonomy()
    theme = taxonomy.assign(*texts)
    assert theme is None or theme in taxonomy.ids
    expected = next((t for t in (_plain_scan(taxonomy, x) for x in texts) if t is not None), None)
    assert theme == expected


@settings(max_examples=100)
@given(rows=st.lists(st.tuples(_texts, _texts, _texts), max_size=30))
def test_column_helper_equals_row_by_row_assign(rows: list[tuple[str | None, ...]]) -> None:
    taxonomy = load_taxonomy()
    columns = [list(column) for column in zip(*rows, strict=True)] if rows else [[], [], []]
    assert assign_themes(taxonomy, columns) == [taxonomy.assign(*row) for row in rows]


@settings(max_examples=150)
@given(
    st.lists(
        st.sampled_from(
            [" ", "-", ", ", "cyber", "Cybersecurity", "energy", "troops", "x", "\x1c", "Baltic", "’", "—"]
        ),
        max_size=20,
    )
)
def test_ascii_mode_themes_match_like_unicode_ones(parts: list[str]) -> None:
    """Texts ``reads_as_ascii`` accepts are matched in re.ASCII mode: the same matches as the Unicode patterns."""
    from nato_briefs.regexes import reads_as_ascii

    text = "".join(parts)
    if reads_as_ascii(text):
        for theme in load_taxonomy().themes:
            spans = [m.span() for m in theme.pattern.finditer(text)]
            assert [m.span() for m in theme.twins.ascii.finditer(text)] == spans
            if theme.twins.lower is not None:  # and the lowercase twin, on the text lowercased
                assert [m.span() for m in theme.twins.lower.finditer(text.lower())] == spans


def _keyword_words() -> list[str]:
    words = {w for theme in load_taxonomy().themes for k in theme.keywords for w in k.rstrip("*").split()}
    return sorted(words | {w.upper() for w in words} | {w + "s" for w in words})


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_keyword_words()) | _vocabulary | st.text(max_size=4), max_size=12))
def test_theme_of_with_the_sentence_words_agrees_with_the_plain_scan(parts: list[str]) -> None:
    """The statements' path: words read once for the rules are reused, and a single-word keyword proves its theme."""
    from nato_briefs.statements import sentence_words

    text = " ".join(parts)
    taxonomy = load_taxonomy()
    assert taxonomy.first_theme(text, sentence_words(text)) == _plain_scan(taxonomy, text)
    assert taxonomy.first_theme(text) == _plain_scan(taxonomy, text)
