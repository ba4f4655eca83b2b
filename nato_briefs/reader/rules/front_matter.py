"""YAML front matter (static-site and CMS exports): metadata, not the article."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

# YAML front matter (static-site and CMS exports): ``---`` on the first line, ``key: value``
# lines, then ``---`` or ``...``. Read as markdown it is a thematic break and a setext heading
# made of the metadata, which would become the article's title.
_FRONT_MATTER_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*+")
MAX_FRONT_MATTER_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class FrontMatter:
    end: int  # index of the closing line
    title: str | None  # its ``title``, when that is a non-empty string


def front_matter(lines: list[str]) -> FrontMatter | None:
    """The YAML front matter opening the article, or None.

    Only a real mapping counts (parsed with PyYAML's safe loader, keys like ``title``,
    ``date``, ``tags``): a thematic break followed by prose stays markdown.
    """
    if not lines or lines[0].rstrip() != "---":
        return None
    size = 0
    for end in range(1, len(lines)):
        line = lines[end]
        size += len(line) + 1
        if size > MAX_FRONT_MATTER_CHARS:
            return None
        if line.rstrip() in ("---", "..."):
            return _mapping(lines[1:end], end)
    return None


def _mapping(body: list[str], end: int) -> FrontMatter | None:
    try:
        data = yaml.safe_load("\n".join(body))
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError):
        return None  # not YAML (a date like 2025-13-45 raises ValueError, deep nesting RecursionError)
    if not isinstance(data, dict) or not data:
        return None
    if not all(isinstance(k, str) and _FRONT_MATTER_KEY.fullmatch(k) for k in data):
        return None
    title = data.get("title")
    return FrontMatter(end, " ".join(title.split()) if isinstance(title, str) and title.strip() else None)
