"""Articles in the shapes real sources export (pandoc, CMS HTML, wire feeds, Word, CRLF ...).

Each article in ``tests/shapes_corpus`` is read through the public API and compared with
``expected.yaml``, which was labelled by hand from CONTRACT.md, not from the parser: the
title, every heading (so a prose, caption, image or footnote line that became a heading
fails), the priorities rows and the initiative names, and (``prose_has``, where given) phrases
that must stay in a section's prose, so a line read as markup or dropped fails. Known losses are marked xfail with
the reason, strictly, so a fix that makes one pass must remove its mark.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import nato_briefs

CORPUS = Path(__file__).parent / "shapes_corpus"
EXPECTED: dict[str, dict] = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))

# article -> why it still fails (strict: a pass means the mark must go)
KNOWN_LOSSES: dict[str, str] = {  # article -> why it is still read wrong (xfail, strict)
    "48_gdocs_bold_spaces.md": "Google Docs bold with inner spaces (**Title **) kept its stars",
    "50_notion_database_page.md": "Notion property lines (Status: ..., Owner: ...) read as bare titles",
    "51_obsidian_wikilinks.md": "a prose line ending in #hashtags read as a bare title",
    "52_pandoc_docx_grid_spans.md": "pandoc [text]{.underline} spans kept their brackets; a wrapped line a title",
    "53_pandoc_docx_lists.md": "pandoc a. / b. lettered sub-items read as the parent item's text",
    "54_email_newsletter.txt": "an e-mail signature separator (--) an underline, the signature headings",
    "56_rss_content_encoded.md": "a <tfoot> source note spanning the table read as a body row (a priorities row)",
    "58_slack_paste.txt": "a tab-separated table after a list lost its header; a last line a title",
    "59_teams_paste.txt": "chat time-stamp lines ([10:02] Name) read as titles",
    "61_lettered_dot.txt": "a. / b. lettered items read as one prose paragraph",
    "67_pandoc_headerless_pipe.md": "an empty header row (pandoc's headerless) kept its header as a row",
    "71_substack_newsletter.md": "a footnote-number link line (1) read as a title",
    "73_reddit_post.md": "a closing 'Edit: ...' note read as a title",
    "74_github_issue_form.md": "a whole-line italic _No response_ read as a title",
    "75_press_release.txt": "press-release furniture (FOR IMMEDIATE RELEASE, - 30 -) as titles/items",
    "76_pdf_copy_paste.txt": "PDF running headers (... Page 1 of 3) read as titles",
    "79_html_entity_bullets.md": "&bull; entity bullets read as prose",
    "83_mailchimp_plaintext.txt": "Mailchimp headings (** Title) kept their stars; a (https://..) line a title",
    "84_telegram_channel.txt": "emoji bullets with a variation selector (✔️, ▫️, 1️⃣) read as prose",
    "85_word_paste_o_bullets.txt": "Word's pasted 'o' and '§' sub-bullets read as the parent item's text",
}


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


@pytest.mark.parametrize("name", _params())
def test_article_reads_as_its_author_meant(name: str):
    want = dict(EXPECTED[name])
    article = _read(name)
    got = {
        "title": article.title,
        "headings": [s.heading for s in article.sections if s.heading is not None],
        "priorities": [[r["area"], r["focus"], r["outcome"]] for r in article.rows("priorities")],
        "initiatives": [r["name"] for r in article.rows("initiatives")],
    }
    phrases = want.pop("prose_has", [])
    assert got == want
    prose = "\n".join(s.text for s in article.sections)
    assert [p for p in phrases if p not in prose] == []
