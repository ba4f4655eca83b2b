"""Tests of the rules in ``nato_briefs/reader/rules/front_matter.py``: each rule's positive and near-miss cases."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nato_briefs.reader import rules
from nato_briefs.reader.rules.front_matter import is_kramdown_rfc_section


# Moved from tests/test_reader_rules.py (session 20): the tests of this module's rules.
@pytest.mark.parametrize(
    ("text", "end", "title"),
    [
        ('---\ntitle: "Summit in Vilnius"\ndate: 2023-07-12\ntags: [nato, summit]\n---\n# X\n', 4, "Summit in Vilnius"),
        ("---\nlayout: post\nauthor: Press Office\n...\nText.\n", 3, None),
        ("---\ntitle: |\n  Two\n  lines\n---\n", 4, "Two lines"),
        # lowercase keys of two or three words beside a one-word one (Windows Terminal specs)
        ("---\nauthor: Jane Doe @jdoe\ncreated on: 2025-04-01\nissue id: #4191\n---\n", 4, None),
        # TOML front matter (Hugo, Zola) between +++ lines
        ('+++\ntitle = "Allies Expand Air Policing"\ndate = 2025-06-01\n+++\nText.\n', 3, "Allies Expand Air Policing"),
    ],
)
def test_front_matter_is_a_yaml_mapping_between_fences(text, end, title):
    meta = rules.front_matter(text.split("\n"))
    assert meta is not None and (meta.end, meta.title) == (end, title)


@pytest.mark.parametrize(
    "text",
    [
        "---\nAllies met in Vilnius on Tuesday.\n---\n",  # a thematic break, then a setext heading
        "---\nKey outcome: more troops\n---\n",  # a key that is a phrase, not a field name
        "---\nkey outcome: more troops\n---\n",  # a spaced key needs a one-word key beside it
        "---\nauthor: x\nKey outcome: more troops\n---\n",  # ... and is lowercase
        "+++\nAllies met = in Vilnius\n+++\n",  # not TOML
        "+++\ntitle: x\n+++\n",  # YAML between +++ lines is not TOML
        "+++\ntitle = 'x'\n---\n",  # closed by the other format's rule
        "\n---\ntitle: x\n---\n",  # not on the first line
        "---\ntitle: x\n",  # never closed
        "---\ndate: 2025-13-45\n---\n",  # PyYAML's date constructor raises ValueError
        "---\na: " + "[" * 5_000 + "\n---\n",  # nesting deep enough for RecursionError
        "---\n" + "k: v\n" * 5_000 + "---\n",  # over MAX_FRONT_MATTER_CHARS
    ],
)
def test_what_is_not_front_matter(text):
    assert rules.front_matter(text.split("\n")) is None


@settings(max_examples=300)
@given(st.text(alphabet="-.:abt \n[]{}'\"&*!|>#%@`\\\t0123456789", max_size=120))
def test_front_matter_never_raises(body):
    rules.front_matter(("---\n" + body + "\n---\n").split("\n"))
    rules.front_matter(("+++\n" + body + "\n+++\n").split("\n"))


def test_multimarkdown_metadata():
    found = rules.front_matter(["Title: Allies Agree Naval Plan", "Author: NATO", "", "## Priorities"])
    assert found is not None and found.title == "Allies Agree Naval Plan" and found.end == 1
    assert rules.front_matter(["Title: Allies agree", "Allies met in Brussels on Tuesday.", ""]) is None
    assert rules.front_matter(["Title: Allies Agree", "", "Text."]) is None  # one field alone


def test_toml_front_matter():
    found = rules.front_matter(["+++", 'title = "Allies Expand Air Policing"', "date = 2025-06-01", "+++", "", "x"])
    assert found is not None and found.title == "Allies Expand Air Policing" and found.end == 3
    assert rules.front_matter(["+++", "not toml at all", "+++"]) is None


def test_front_matter_keys_with_spaces():
    found = rules.front_matter(["---", "author: Jane", "created on: 2025-04-01", "---", "# T"])
    assert found is not None and found.end == 3


@pytest.mark.parametrize(
    ("line", "expected"),
    [("--- abstract", True), ("--- middle", True), ("--- back", True), ("--- note_Editorial_Note", True),
     ("--- abstract  ", True),
     # near misses: a rule, a rule with prose after it, a word kramdown-rfc does not use, no blank after the dashes
     ("---", False), ("--- and then the Allies met", False), ("--- summary", False), ("---abstract", False)],
)  # fmt: skip
def test_is_kramdown_rfc_section(line, expected):
    assert is_kramdown_rfc_section(line) is expected


def test_kramdown_rfc_front_matter_is_metadata_and_its_markers_markup():
    from nato_briefs import read_article

    doc = (
        "---\ntitle: Readiness Data\nauthor:\n  - name: Jane Smith\n--- abstract\n\n"
        "Allies share data.\n\n--- middle\n\n# Scope\n\nText.\n"
    )
    article = read_article(doc)
    assert article.title == "Readiness Data"
    assert [s.heading for s in article.sections] == [None, "Scope"]
    assert "Jane Smith" not in " ".join(s.text for s in article.sections) and "---" not in article.sections[0].text
    # near miss: a plain rule and prose under a front matter closed by "---" stay as they were
    plain = read_article("---\ntitle: Readiness Data\n---\n\nAllies share data.\n\n--- and then more\n")
    assert "--- and then more" in plain.sections[0].text


@pytest.mark.parametrize(
    ("lines", "expected"),
    [(["title:: plugins.edn", "type:: [[Feature]]", "", "- Text."], (1, "plugins.edn")),
     (["type:: [[UI Element]]", "description:: Tables.", "", "- Text."], (1, None)),
     (["title:: Plan", "- Allies met."], (0, "Plan")),
     (["title:: Plan", "public::", ""], (1, "Plan")),
     # near misses: one colon (MultiMarkdown's, read by its own rule), a Haskell signature, prose first
     (["Title: Plan", "Author: Jane", "", "Text."], (1, "Plan")), (["x :: Int", "", "Text."], None),
     (["Allies met.", "title:: Plan"], None)],
)  # fmt: skip
def test_logseq_page_properties_are_front_matter(lines, expected):
    meta = rules.front_matter(lines)
    assert (None if meta is None else (meta.end, meta.title)) == expected
