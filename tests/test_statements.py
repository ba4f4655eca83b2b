"""Statement classification: the rules file, the contract's examples, and F1 on a hand-labelled corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_briefs.parse import parse_document
from nato_briefs.sentences import split_sentences
from nato_briefs.statements import KINDS, classify, load_statement_rules, parse_statement_rules, sentence_words

CORPUS = Path(__file__).parent / "prose_corpus"
LABELS = yaml.safe_load((CORPUS / "labels.yaml").read_text(encoding="utf-8"))


def _sentences(path: Path) -> list[str]:
    doc = parse_document(path.read_text(encoding="utf-8"))
    return [p[a:b] for s in doc.sections for p in s.text.split("\n\n") for a, b in split_sentences(p)]


def corpus_scores() -> dict[str, float]:
    """Statement precision/recall/F1 (a sentence is a statement or not) and kind accuracy on true positives."""
    tp = fp = fn = kind_right = 0
    for name, gold_list in LABELS.items():
        gold = {g["text"]: g["kind"] for g in gold_list or []}
        sentences = _sentences(CORPUS / name)
        missing = set(gold) - set(sentences)
        assert not missing, f"{name}: labelled sentences the splitter does not produce: {missing}"
        for sentence in sentences:
            found = classify(sentence)
            if found and sentence in gold:
                tp += 1
                kind_right += found.kind == gold[sentence]
            elif found:
                fp += 1
            elif sentence in gold:
                fn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "kind_accuracy": kind_right / tp if tp else 0.0}


def test_corpus_covers_enough_articles() -> None:
    files = sorted(p.name for p in CORPUS.glob("*.txt"))
    assert sorted(LABELS) == files
    assert len(files) >= 25
    assert sum(len(v or []) for v in LABELS.values()) >= 80
    assert {g["kind"] for v in LABELS.values() for g in v or []} == set(KINDS)


def test_corpus_f1_and_kind_accuracy() -> None:
    scores = corpus_scores()
    print(f"prose corpus: {scores}")
    assert scores["f1"] >= 0.9, scores
    assert scores["kind_accuracy"] >= 0.9, scores


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("NATO leaders agreed to increase intelligence cooperation and information sharing.", "commitment"),
        ("Training programs for local forces in vulnerable countries will also be expanded.", "commitment"),
        ("These steps include strengthening the troop presence in the Baltic states.", "commitment"),
        ("Allies have decided to step up patrols in the Baltic Sea.", "commitment"),
        ("Investing in cybersecurity technology is a priority on the agenda.", "priority"),
        ("One of the main topics discussed was increased Russian military activity.", "priority"),
        ("Leaders expressed deep concern about the aggressive actions.", "concern"),
        ("Cyber attacks are one of the most damaging threats to the stability of NATO countries.", "concern"),
        ("Ministers identified critical gaps in air defence.", "concern"),
        ("Ministers named energy security as a key concern.", "concern"),
        ("Participants agreed that interoperability remains crucial.", "priority"),
        ("Leaders expressed concern about cyber attacks and agreed to invest in cyber defence.", "commitment"),
        ("Leaders called cyber security a priority and warned of attacks.", "priority"),
    ],
)
def test_contract_examples(sentence: str, kind: str) -> None:
    found = classify(sentence)
    assert found is not None and found.kind == kind, found


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting took place in Brussels on Monday.",
        "Ministers from all Allies attended the session.",
        "The decisions resulting from this meeting will provide strategic guidance for NATO's future actions.",
        "It is hoped that this dialogue will create space for closer collaboration.",
        "The mission was launched in 1994.",
        "The main initiatives are listed below:",
        "The Secretary General will visit Tokyo next week.",
        "A press conference will be held after the summit.",
        "Russia announced that it will deploy new missiles in Kaliningrad.",
        "The company said it will build a new factory in Lithuania.",
        "The issue of climate change was also part of the discussion.",
        "Speakers praised the dedication of the troops.",
        "Discussions spanned topics including cyber threats and hybrid warfare.",
    ],
)
def test_not_statements(sentence: str) -> None:
    assert classify(sentence) is None


def test_cue_names_a_rule_of_the_yaml() -> None:
    rules = load_statement_rules()
    cues = {rule.cue for _, kind_rules in rules.kinds for rule in kind_rules}
    found = classify("NATO leaders agreed to increase intelligence cooperation.")
    assert found is not None and found.cue in cues


def test_editing_the_rules_changes_the_outcome() -> None:
    document = {
        "actors": ["NATO"],
        "not_statement": [{"cue": "sports", "pattern": r"\bfootball\b"}],
        "kinds": {
            "commitment": [{"cue": "will train", "pattern": r"\b{actor} will train\b"}],
            "priority": [],
            "concern": [{"cue": "storm", "pattern": r"\bstorm\b"}],
        },
    }
    rules = parse_statement_rules(document)
    assert classify("NATO will train pilots.", rules).cue == "will train"
    assert classify("non-NATO will train pilots.", rules) is None  # an actor is a whole word, not inside "non-NATO"
    assert classify("A storm is coming.", rules).kind == "concern"
    assert classify("A football storm is coming.", rules) is None


def test_unknown_blocked_kind_is_rejected() -> None:
    document = {
        "actors": ["NATO"],
        "not_statement": [{"cue": "x", "pattern": "x", "blocks": ["wish"]}],
        "kinds": {"commitment": [], "priority": [], "concern": []},
    }
    with pytest.raises(ValueError, match="wish"):
        parse_statement_rules(document)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_classifies_without_error(text: str) -> None:
    found = classify(text)
    assert found is None or found.kind in KINDS


def test_hostile_sentence_is_bounded() -> None:
    """A 1 MB sentence is classified on its first MAX_CHARS code points: bounded work."""
    assert classify("NATO agreed to act " + "and act " * 125_000) is not None
    assert classify("Allies " * 150_000) is None


def _all_test_sentences() -> list[str]:
    sentences = [s for name in LABELS for s in _sentences(CORPUS / name)]
    cases = yaml.safe_load((CORPUS / "sentence_cases.yaml").read_text(encoding="utf-8"))["cases"]
    return sentences + [s for case in cases for s in case["sentences"]]


def test_word_gates_never_hide_a_match() -> None:
    """Every rule's ``words`` gate admits every sentence its pattern matches (corpus and cases)."""
    rules = load_statement_rules()
    all_rules = list(rules.not_statement) + [r for _, kind_rules in rules.kinds for r in kind_rules]
    assert sum(bool(r.words or r.stems) for r in all_rules) >= len(all_rules) - 5
    matched = 0
    for sentence in _all_test_sentences():
        words = sentence_words(sentence)
        for rule in all_rules:
            if rule.pattern.search(sentence):
                matched += 1
                assert rule.may_match(words), (rule.cue, sentence)
    assert matched > 200


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(sorted({w for r in load_statement_rules().all_rules() for w in r.words})), max_size=25),
    st.data(),
)
def test_ascii_mode_rules_match_like_unicode_ones(words: list[str], data: st.DataObject) -> None:
    """On plain ASCII text every rule's re.ASCII twin finds exactly the Unicode pattern's matches."""
    from nato_briefs.themes import is_plain_ascii

    glue = data.draw(
        st.lists(
            st.sampled_from([" ", " ", ", ", ". ", ": ", "; ", " NATO ", " 1994 ", "-", "\x1c", "K"]),
            min_size=len(words),
            max_size=len(words),
        )
    )
    text = "".join(g + (w.upper() if k % 3 == 0 else w) for k, (g, w) in enumerate(zip(glue, words, strict=True)))
    rules = load_statement_rules()
    if not is_plain_ascii(text):
        return
    for rule in rules.all_rules():
        assert [m.span() for m in rule.ascii_pattern.finditer(text)] == [m.span() for m in rule.pattern.finditer(text)]
    assert [m.span() for m in rules.ascii_actor.finditer(text)] == [m.span() for m in rules.actor.finditer(text)]


def test_the_classify_cache_keeps_no_more_than_classify_reads() -> None:
    """A hostile sentence of megabytes is classified on its first MAX_CHARS code points, and cached by those."""
    from nato_briefs.statements import MAX_CHARS, _classify_prefix, classify_cached, clear_classify_cache

    clear_classify_cache()
    head = "NATO agreed to act " + "and more " * (MAX_CHARS // 9)
    assert classify_cached(head + "x" * 1_000_000) == classify(head) == classify_cached(head[:MAX_CHARS] + "y")
    assert classify_cached(head).kind == "commitment"
    assert _classify_prefix.cache_info().currsize == 1  # all three share one key of MAX_CHARS code points
