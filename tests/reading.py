"""Read a markdown article from a string as a run reads a ``.md`` file: helpers shared by the rule tests."""

from __future__ import annotations

import nato_briefs


def md_article(text: str, name: str = "x.md") -> nato_briefs.Article:
    return nato_briefs.read_article(text.encode(), source_path=name)


def md_headings(text: str, name: str = "x.md") -> list[str]:
    return [s.heading for s in md_article(text, name).sections if s.heading is not None]


def md_names(text: str, name: str = "x.md") -> list[str]:
    return [r["name"] for r in md_article(text, name).rows("initiatives")]


def md_priorities(text: str, name: str = "x.md") -> list[list[str]]:
    return [[r["area"], r["focus"], r["outcome"]] for r in md_article(text, name).rows("priorities")]
