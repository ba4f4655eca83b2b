"""Find the countries, country groups and organisations an article names.

Analysts ask "which countries does this concern?", so every mention is kept with
its offsets and an ISO 3166-1 alpha-3 code (groups expanded to their members).
Names and codes come from pycountry, the maintained ISO table, so that a new or
renamed country needs a package upgrade, not an edit here; ``gazetteer.yaml``
adds what ISO lacks: short forms, demonyms, capitals standing for governments,
groups, organisations and the phrases that only look like countries. The rules
are documented at the top of that file.

Matching is one compiled regular expression built as a character trie of every
form (the longest form at a position wins, exclusions included), so a text is
scanned once, in time linear in its length: Python's ``re`` jumps to the next
capital in C and walks the trie in a handful of steps from there, where a flat
alternation of ~900 forms would try each one. Case, person names and the "US" pronoun trap are settled per
match in Python, on the few matches there are.

The package, one module per concern (``from nato_briefs.countries import X`` serves every public name):
``matching`` (the compiled ``Gazetteer``: the scan regex and the verdict on each match, its exclusions
included), ``loading`` (``load_gazetteer``: pycountry and ``gazetteer.yaml`` into a ``Gazetteer``) and
``document`` (``document_mentions``: the mentions of a parsed document, located in its source).
"""

from __future__ import annotations

from nato_briefs.countries.document import (
    FIELDS,
    HEADING,
    LIST_ITEM,
    LOCATE_BUDGET,
    PROSE,
    TABLE_CELL,
    TABLE_HEADER,
    TITLE,
    LocatedMention,
    document_mentions,
)
from nato_briefs.countries.loading import (
    GAZETTEER_FILE,
    load_gazetteer,
    pycountry_form,
)
from nato_briefs.countries.matching import (
    COUNTRY,
    ENTITY_TYPES,
    GROUP,
    ORGANIZATION,
    UNICAMERAL,
    WHITE_SPACE,
    CodeCells,
    Entity,
    Form,
    Gazetteer,
    Mention,
    PersonContext,
    Verdict,
    form_key,
    union_countries,
    without_places,
)

__all__ = [
    "COUNTRY",
    "ENTITY_TYPES",
    "FIELDS",
    "GAZETTEER_FILE",
    "GROUP",
    "HEADING",
    "LIST_ITEM",
    "LOCATE_BUDGET",
    "ORGANIZATION",
    "PROSE",
    "TABLE_CELL",
    "TABLE_HEADER",
    "TITLE",
    "UNICAMERAL",
    "WHITE_SPACE",
    "CodeCells",
    "Entity",
    "Form",
    "Gazetteer",
    "LocatedMention",
    "Mention",
    "PersonContext",
    "Verdict",
    "document_mentions",
    "form_key",
    "load_gazetteer",
    "pycountry_form",
    "union_countries",
    "without_places",
]
