"""The parser and normalizer agree with the generator's ground truth on many variant articles."""

from __future__ import annotations

import random

import pytest

from bench.corpus import generate_article
from nato_briefs.headers import load_header_synonyms, map_headers
from nato_briefs.normalize import split_initiative
from nato_briefs.parse import parse_document

SYN = load_header_synonyms()


@pytest.mark.parametrize(("variants", "formats"), [(True, False), (False, False), (True, True)])
def test_generated_articles_parse_as_their_ground_truth(variants, formats):
    for index in range(250):
        rng = random.Random(f"test:{variants}:{index}" + (":formats" if formats else ""))
        text, exp = generate_article(rng, index, rng.randint(2_000, 12_000), variants=variants, formats=formats)
        doc = parse_document(text)
        got_headings = [s.heading for s in doc.sections if s.heading is not None]
        first = doc.items[0] if doc.items else None
        got = {
            "title": doc.title,
            "headings": got_headings,
            "n_tables": len(doc.tables),
            "n_table_rows": sum(len(t.rows) for t in doc.tables),
            "n_priorities": sum(len(t.rows) for t in doc.tables if map_headers(t.headers, SYN) is not None),
            "n_lists": doc.n_lists,
            "n_list_items": len(doc.items),
            "first_initiative": split_initiative(first.text, first.bold_lead) if first else None,
        }
        want = {key: getattr(exp, key) for key in got}
        if want["first_initiative"] is not None:
            want["first_initiative"] = tuple(want["first_initiative"])
        assert got == want, f"article {index} ({exp.variants})"
