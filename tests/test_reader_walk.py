"""The token walk's helpers: which inline texts are handed to markdown-it's inline parser."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nato_briefs.reader.walk import _INLINE_SYNTAX, _may_hold_syntax


@given(st.text(alphabet="ab &#;x1\\`*_[]!<~>AMP", max_size=30))
def test_prefilter_agrees_with_the_syntax_pattern(text: str) -> None:
    assert _may_hold_syntax(text) == (_INLINE_SYNTAX.search(text) is not None)


def test_prefilter_on_plain_text_and_entities() -> None:
    assert not _may_hold_syntax("NATO allies met in Vilnius; R&D spending rose.")
    assert _may_hold_syntax("AT&amp;T") and _may_hold_syntax("**Bold**") and _may_hold_syntax("a\\|b")
