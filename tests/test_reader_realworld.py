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

from tests.labelled_corpus import LabelledCorpus

# article -> diagnosis of why it is still read wrong (xfail, strict: a pass means the mark must go)
KNOWN_LOSSES: dict[str, str] = {
    "66_ocr_wrapped_order_lines.md": "text extracted from a scanned order (pdftotext/OCR) breaks lines where the "
    "page did, at no steady width: a short line after a short finished one ('Prior Order Amended.' / 'Paragraph "
    "(a) of Section 7 of prior', 'Section 2.' / 'Pursuant to section 85 of the General') reads as a bare title "
    "over the rest of its sentence. Only the words say it runs on (an adjective waiting for its noun: 'prior' "
    "Executive Order, 'General' Staff Regulations); the wrap-width rule needs a steady width and the run-on "
    "rules a function word at the line's end. Not fixed: a sentence-case title ending on an adjective reads the same",
    "79_line_separator_mid_sentence.md": "a Word document's manual line break (U+2028, which line_separators makes a "
    "line end) inside a sentence: the part before it is short and unpunctuated and reads as a bare title",
}
CORPUS = LabelledCorpus(Path(__file__).parent / "realworld_corpus", KNOWN_LOSSES)


def test_every_article_is_labelled():
    assert CORPUS.articles_on_disk() == set(CORPUS.expected)


def test_every_known_loss_names_an_article():
    assert set(KNOWN_LOSSES) <= set(CORPUS.expected)


@pytest.mark.parametrize("name", CORPUS.params())
def test_article_reads_as_its_author_meant(name: str):
    CORPUS.check(name)
