"""End to end over tests/formats_corpus/: articles in the shapes real sources use, records checked by hand.

The score is an F1 over records, as in issue 12: titles, headings, table rows
(section, headers, line, cells), priorities (section, line, area, focus,
outcome), list items (section, depth, ordered, line, text) and initiatives
(line, name, detail). Expected records are in ``expected.yaml``, written from
the articles themselves.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from nato_briefs.headers import load_header_synonyms, map_headers
from nato_briefs.normalize import split_initiative
from nato_briefs.parse import ParsedDocument, parse_document

CORPUS = Path(__file__).resolve().parent / "formats_corpus"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
SYN = load_header_synonyms()
F1_TARGET = 0.98


def got_records(doc: ParsedDocument) -> Counter:
    records: Counter = Counter()
    records["title", doc.title] += 1
    for section in doc.sections:
        if section.heading is not None:
            records["heading", section.heading] += 1
    for table in doc.tables:
        width = len(table.headers)
        columns = map_headers(table.headers, SYN)
        for row in table.rows:
            cells = tuple((row.cells + [""] * width)[:width])
            records["row", table.section, tuple(table.headers), row.line, cells] += 1
            if columns is not None:
                records["priority", table.section, row.line, *(cells[c] for c in columns)] += 1
    for item in doc.items:
        records["item", item.section, item.depth, item.ordered, item.line, item.text] += 1
        records["initiative", item.line, *split_initiative(item.text, item.bold_lead)] += 1
    return records


def want_records(exp: dict) -> Counter:
    records: Counter = Counter()
    records["title", exp["title"]] += 1
    for heading in exp.get("headings", ()):
        records["heading", heading] += 1
    for table in exp.get("tables", ()):
        headers = tuple(table["headers"])
        for line, *cells in table["rows"]:
            records["row", table["section"], headers, line, tuple(cells)] += 1
            if table["priorities"] is not None:
                records["priority", table["section"], line, *(cells[c] for c in table["priorities"])] += 1
    split = {line: (name, detail) for line, name, detail in exp.get("initiatives", ())}
    for section, depth, ordered, line, text in exp.get("items", ()):
        records["item", section, depth, ordered, line, text] += 1
        records["initiative", line, *split.get(line, (text, None))] += 1
    return records


def score(got: Counter, want: Counter) -> tuple[int, int, int]:
    """(true positives, records found, records expected)."""
    return sum((got & want).values()), sum(got.values()), sum(want.values())


def f1(tp: int, n_got: int, n_want: int) -> float:
    precision = tp / n_got if n_got else 1.0
    recall = tp / n_want if n_want else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def parse_article(name: str) -> ParsedDocument:
    return parse_document((CORPUS / name).read_text(encoding="utf-8"))


def test_corpus_has_twenty_articles_all_with_expectations():
    articles = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".md", ".txt"))
    assert len(articles) >= 20 and articles == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_article_records(name):
    got, want = got_records(parse_article(name)), want_records(EXPECTED[name])
    assert got == want, {"missing": want - got, "extra": got - want}


def test_overall_f1():
    totals = [0, 0, 0]
    for name in sorted(EXPECTED):
        for k, value in enumerate(score(got_records(parse_article(name)), want_records(EXPECTED[name]))):
            totals[k] += value
    assert f1(*totals) >= F1_TARGET, totals


def test_f1_counts_what_it_should():
    want = Counter({("item", None, 0, False, 1, "a"): 1, ("title", None): 1})
    assert f1(*score(want, want)) == 1.0
    assert f1(*score(Counter({("title", None): 1}), want)) == pytest.approx(2 / 3)
