"""The differential check of ``bench.prose_bench`` compares rows per document, not by position."""

from bench.prose_bench import document_differences


def _row(doc: str, text: str) -> dict[str, str]:
    return {"source_path": doc, "text": text}


def test_an_added_row_moves_only_its_own_document() -> None:
    before = [_row("a", "x"), _row("b", "y"), _row("c", "z")]
    after = [_row("a", "x"), _row("a", "new"), _row("b", "y"), _row("c", "z")]
    changed = document_differences(before, after)
    assert list(changed) == ["a"]
    assert changed["a"]["-"] == []
    assert changed["a"]["+"] == [repr(sorted(_row("a", "new").items()))]


def test_the_same_rows_in_another_order_are_identical() -> None:
    rows = [_row("a", "x"), _row("b", "y"), _row("a", "w")]
    assert document_differences(rows, list(reversed(rows))) == {}


def test_a_changed_value_and_a_vanished_document_are_both_reported() -> None:
    before = [_row("a", "x"), _row("b", "y")]
    after = [_row("a", "X")]
    changed = document_differences(before, after)
    assert sorted(changed) == ["a", "b"]
    assert changed["b"] == {"-": [repr(sorted(_row("b", "y").items()))], "+": []}


def test_a_duplicated_row_counts_as_a_difference() -> None:
    changed = document_differences([_row("a", "x")], [_row("a", "x"), _row("a", "x")])
    assert changed == {"a": {"-": [], "+": [repr(sorted(_row("a", "x").items()))]}}
