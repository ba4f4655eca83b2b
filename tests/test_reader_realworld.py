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
    "26_indented_list_under_paragraph_line.md": (
        "a list indented four columns directly under a paragraph line is kept verbatim after the blank the "
        "segmenter puts before a list, so markdown reads it as an indented code block: the items are dropped"
    ),
    "27_wrapped_enumerated_paragraphs.md": (
        "a (1) paragraph hard-wrapped at the document's width keeps only its first line as the item when the "
        "next line starts with a capital (Agency, Allies): the rest of the paragraph leaks into prose"
    ),
    "28_german_function_word_line_ends.md": (
        "the words a line cannot end on (the, of, for ...) are English only: German lines ending in der, "
        "sowie, für are read as bare titles and end the (1) item they wrap"
    ),
    "29_dated_byline.md": (
        "a blog's dated byline (June 25, 2025 by [The Team](...)) is read as a bare title and, first in the "
        "body, as the document's title over the front matter's"
    ),
    "30_navigation_link_line.md": (
        "a line of navigation links ([Back to the minutes](...) - [Back to the top](...)) is read as a bare title"
    ),
}
CORPUS = LabelledCorpus(Path(__file__).parent / "realworld_corpus", KNOWN_LOSSES)


def test_every_article_is_labelled():
    assert CORPUS.articles_on_disk() == set(CORPUS.expected)


def test_every_known_loss_names_an_article():
    assert set(KNOWN_LOSSES) <= set(CORPUS.expected)


@pytest.mark.parametrize("name", CORPUS.params())
def test_article_reads_as_its_author_meant(name: str):
    CORPUS.check(name)
