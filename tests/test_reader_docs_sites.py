"""Docs and news site rules (``rules/docs_sites.py``), each with its positive and near-miss cases."""

from __future__ import annotations

from nato_briefs import read_article
from nato_briefs.reader.rules import docs_sites


def _prose(text: str) -> str:
    return "\n".join(s.text for s in read_article(text).sections)


# --------------------------------------------------------------------------- snippet_include (sweep 15)

SNIPPET = (
    '# Data documentation\n\n!!! success "Compliance Info"\n\n    --8<-- "docs/_compliance-info-box.partial"\n\n'
    '## Rationale\n\n--8<-- "docs/_shared/rationale-note.md"\n\nData documentation is a key practice.\n'
)


def test_snippet_include_is_markup():
    for line in ('--8<-- "docs/_info-box.partial"', "--8<-- 'x.md'", '    --8<-- "x.md"', "--8<--", "---8<---"):
        assert docs_sites.is_snippet_include(line), line
    prose = _prose(SNIPPET)
    assert "--8<--" not in prose and ".partial" not in prose and "rationale-note" not in prose
    assert "Compliance Info" in prose and "Data documentation is a key practice." in prose


def test_snippet_include_near_misses():
    for line in ("----", "-- 8 ships", 'See --8<-- "x.md" here', "--8<-- docs/x.md", "- 8<"):
        assert not docs_sites.is_snippet_include(line), line
    assert "-- 8 ships sailed." in _prose("# Fleet\n\n-- 8 ships sailed.\n")
