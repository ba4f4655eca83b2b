"""Front matter (static-site and CMS exports): metadata, not the article.

kramdown-rfc's section markers (``--- abstract``) close an IETF draft's front matter and are markup themselves.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

import yaml

from nato_briefs.reader.rules.extracted import mostly_fields
from nato_briefs.reader.rules.notices import names_fields

# YAML front matter: ``---`` on the first line, ``key: value`` lines, then ``---`` or ``...``.
# Read as markdown it is a thematic break and a setext heading made of the metadata, which
# would become the article's title. A key is a field name; a lowercase name of two or three
# words (``created on``, ``issue id``, as Windows Terminal's specs write them) beside a one-word
# one (``author``), or two or more of them (an RFC template's, ``names_fields``): "Key outcome: more
# troops" between rules is a heading, not metadata.
_FIELD_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*+")
_SPACED_KEY = re.compile(r"[a-z][a-z0-9_-]*+(?: [a-z0-9_-]++){1,2}+")
# TOML front matter (Hugo, Zola): ``+++`` lines around ``key = value`` lines; read as markdown,
# its lines were prose and its title was lost.
_DELIMITERS = {"---": ("---", "..."), "+++": ("+++",)}
MAX_FRONT_MATTER_CHARS = 20_000
# MultiMarkdown / Pelican metadata: "Title: ..." on the first line, then "Key: value" lines up to a blank.
_MMD_FIELD = re.compile(r"([A-Za-z][A-Za-z0-9_-]{0,30}+(?: [A-Za-z0-9_-]{1,30}+){0,2}+):[ \t]*+(.*+)")
# Most metadata lines read for a MultiMarkdown header.
MAX_MMD_LINES = 40
# Logseq's page properties (sweep 4): ``key:: value`` lines opening a page, its front matter.
# A key is a field name (``title``, ``type``, ``initial-version``, ``logseq.order-list-type``).
LOGSEQ_PROPERTY = re.compile(r"([A-Za-z][A-Za-z0-9_.-]{0,40}+)::(?:[ \t]++(.*+)|[ \t]*+)")
# Most property lines read for a Logseq page's properties.
MAX_LOGSEQ_LINES = 60


@dataclass(frozen=True, slots=True)
class FrontMatter:
    end: int  # index of the closing line
    title: str | None  # its ``title``, when that is a non-empty string


def front_matter(lines: list[str]) -> FrontMatter | None:
    """The YAML (``---``) or TOML (``+++``) front matter opening the article, or None.

    Only a real mapping counts (parsed with PyYAML's safe loader or tomllib, keys like
    ``title``, ``date``, ``tags``): a thematic break followed by prose stays markdown.
    """
    if lines and LOGSEQ_PROPERTY.fullmatch(lines[0].rstrip()):
        return logseq_page_properties(lines)
    if lines and lines[0][:6].lower() == "title:":
        return multimarkdown_metadata(lines)
    if lines and lines[0][:2] == "% ":
        return pandoc_title_block(lines)
    closers = _DELIMITERS.get(lines[0].rstrip()) if lines else None
    if closers is None:
        return None
    size = 0
    for end in range(1, len(lines)):
        line = lines[end]
        size += len(line) + 1
        if size > MAX_FRONT_MATTER_CHARS:
            return None
        if line.rstrip() in closers or (closers[0] == "---" and is_kramdown_rfc_section(line)):
            data = _parsed(lines[0].rstrip(), "\n".join(lines[1:end]))
            return None if data is None else _front_matter(data, end)
    return None


def _parsed(opening: str, body: str) -> dict[Any, Any] | None:
    """The body as a mapping by its format, or None when it is none."""
    try:
        data = tomllib.loads(body) if opening == "+++" else yaml.safe_load(body)
    except (tomllib.TOMLDecodeError, yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError):
        return None  # not YAML / TOML (a date like 2025-13-45 raises ValueError, deep nesting RecursionError)
    return data if isinstance(data, dict) and data else None


def _front_matter(data: dict[Any, Any], end: int) -> FrontMatter | None:
    fields = [isinstance(k, str) and _FIELD_KEY.fullmatch(k) is not None for k in data]
    spaced = (field or _SPACED_KEY.fullmatch(k) for field, k in zip(fields, data, strict=True))
    if not names_fields(fields) or not (all(spaced) or mostly_fields(fields)):
        return None  # an odd key among field names: a field commented out, a spaced one (``odd_key``)
    title = data.get("title")
    return FrontMatter(end, " ".join(title.split()) if isinstance(title, str) and title.strip() else None)


def multimarkdown_metadata(lines: list[str]) -> FrontMatter | None:
    """MultiMarkdown's (and Pelican's) metadata: ``Title: ...`` first, ``Key: value`` lines, a blank line.

    Its author means the title as the page's title and the rest as metadata (``mmd_metadata``);
    one ``Title:`` line over prose (no blank line after the block), or a title alone, is no metadata.
    """
    fields: dict[str, str] = {}
    for end, line in enumerate(lines[:MAX_MMD_LINES]):
        if not line.strip():
            title = fields.get("title", "")
            return FrontMatter(end - 1, " ".join(title.split()) or None) if len(fields) >= 2 else None
        if line[:1] in (" ", "\t") and fields:
            continue  # a value continued on an indented line
        match = _MMD_FIELD.fullmatch(line.rstrip())
        if match is None:
            return None
        fields[match.group(1).lower()] = match.group(2)
    return None


def pandoc_title_block(lines: list[str]) -> FrontMatter | None:
    """Pandoc's title block: ``% Title``, ``% Author(s)``, ``% Date`` opening the file, then a blank line.

    Pandoc renders the first as the document's title and the others as its metadata (``pandoc_title_block``),
    as it does YAML front matter's; read as markdown the three lines were one paragraph of prose. Up to three
    ``%`` lines (an empty ``%`` skips a field), each maybe continued on indented lines, and a blank line below.
    """
    count = 0
    for end, line in enumerate(lines[:MAX_MMD_LINES]):
        if not line.strip():
            title = " ".join(lines[0][1:].split())
            return FrontMatter(end - 1, title or None) if end else None
        if line[:1] == "%" and line[1:2] in (" ", ""):
            count += 1
            if count > 3:
                return None
        elif line[:1] not in (" ", "\t") or not count:
            return None
    return None


def logseq_page_properties(lines: list[str]) -> FrontMatter | None:
    """Logseq's page properties: ``key:: value`` lines opening the page, up to the first other line.

    Logseq writes a page's metadata so (``title:: plugins.edn``, ``type:: [[Feature]]``): its author
    means the title as the page's title and the rest as metadata, as YAML front matter
    (``logseq_page_properties``). Read as MultiMarkdown the title was ``: plugins.edn``, and without
    a ``title::`` the properties became prose or items. The double colon sets them apart from prose.
    """
    fields: dict[str, str] = {}
    end = -1
    for end, line in enumerate(lines[:MAX_LOGSEQ_LINES]):
        match = LOGSEQ_PROPERTY.fullmatch(line.rstrip())
        if match is None:
            end -= 1
            break
        fields.setdefault(match.group(1).lower(), match.group(2) or "")
    else:
        if len(lines) > MAX_LOGSEQ_LINES:
            return None  # a page of nothing but properties past the cap is no page's header
    if end < 0:
        return None
    title = " ".join(fields.get("title", "").split())
    return FrontMatter(end, title or None)


# kramdown-rfc's section markers (IETF drafts in markdown): ``--- abstract`` closes the YAML front matter,
# ``--- middle`` and ``--- back`` open the body and the appendices; ``--- note_Title`` opens a note.
_KRAMDOWN_RFC_SECTION = re.compile(r"---[ \t]++(?:abstract|middle|back|note_[\w-]{1,80}+)[ \t]*+")


def is_kramdown_rfc_section(line: str) -> bool:
    """``--- abstract``, ``--- middle``, ``--- back``: kramdown-rfc's section markers (``kramdown_rfc_section``).

    ``--- abstract`` closes an IETF draft's YAML front matter (authors, references); read as text, the
    metadata became prose and items and the title was lost. ``---`` alone stays a rule or a closer.
    """
    return _KRAMDOWN_RFC_SECTION.fullmatch(line.rstrip("\r")) is not None
