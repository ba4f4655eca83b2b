"""Shapes found in real markdown from public GitHub repositories, as minimal repros.

bench/REALWORLD.md put 187 human-written files (READMEs, changelogs, docs sites, RFCs,
ADRs, Obsidian vaults, blog posts with front matter, non-English docs) through
``read_article`` and compared them with cmark-gfm. Each article in
``tests/realworld_corpus`` is a few synthetic lines in the same markdown shape as a real
file that was read wrong (or, for the passing ones, a real shape worth keeping right).
``expected.yaml`` was labelled by hand from CONTRACT.md and cmark-gfm's reading, not from
the parser. Besides the keys of the shapes corpus it may give ``rows`` (every table row's
cells, so a list read as a table or a table whose rows leak into prose fails) and
``prose_lacks`` (metadata or markup that must not reach the prose). Known losses are
xfail, strictly, so a fix that makes one pass must remove its mark.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import nato_briefs

CORPUS = Path(__file__).parent / "realworld_corpus"
EXPECTED: dict[str, dict] = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))

# article -> diagnosis of why it is still read wrong (xfail, strict: a pass means the mark must go)
KNOWN_LOSSES: dict[str, str] = {}


def _params() -> list:
    out = []
    for name in sorted(EXPECTED):
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN_LOSSES[name])] if name in KNOWN_LOSSES else []
        out.append(pytest.param(name, marks=marks, id=name))
    return out


def _read(name: str) -> nato_briefs.Article:
    return nato_briefs.read_article((CORPUS / name).read_bytes(), source_path=name)


def test_every_article_is_labelled():
    on_disk = {p.name for p in CORPUS.iterdir() if p.suffix in (".md", ".txt")}
    assert on_disk == set(EXPECTED)


def test_every_known_loss_names_an_article():
    assert set(KNOWN_LOSSES) <= set(EXPECTED)


@pytest.mark.parametrize("name", _params())
def test_article_reads_as_its_author_meant(name: str):
    want = dict(EXPECTED[name])
    phrases = want.pop("prose_has", [])
    unwanted = want.pop("prose_lacks", [])
    article = _read(name)
    got = {
        "title": article.title,
        "headings": [s.heading for s in article.sections if s.heading is not None],
        "priorities": [[r["area"], r["focus"], r["outcome"]] for r in article.rows("priorities")],
        "initiatives": [r["name"] for r in article.rows("initiatives")],
    }
    if "rows" in want:
        got["rows"] = [r["cells"] for r in article.rows("table_rows")]
    assert got == want
    prose = "\n".join(s.text for s in article.sections)
    assert [p for p in phrases if p not in prose] == []
    assert [p for p in unwanted if p in prose] == []
