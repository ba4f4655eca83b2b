"""Jekyll's Liquid markup (``rules/liquid.py``), each rule with its positive and near-miss cases.

The rules of sweep 13 are tested in ``test_reader_sweep13.py``; sweep 15's here.
"""

from __future__ import annotations

from nato_briefs import read_article
from nato_briefs.reader.rules import liquid


def _prose(text: str) -> str:
    return "\n".join(s.text for s in read_article(text).sections)


# --------------------------------------------------------------------------- inline_liquid_tag (sweep 15)

NEWSLETTER = (
    "# News\n\n{% comment %}<!-- https://example.int/search -->{% endcomment %}\n\n"
    '- Signing devices over QR codes were discussed. {% assign timestamp="1:27" %}\n\n'
    'The discussion continues on the mailing list. {% assign timestamp="1:40" %}\n\n'
    'Results of the exercise were posted. {% assign timestamp="1:52" %}\n'
)


def test_inline_liquid_tag_is_markup():
    assert liquid.strip_liquid_tags('in a single step. {% assign timestamp="37:15" %}') == "in a single step."
    assert liquid.strip_liquid_tags("{% comment %}<!-- x -->{% endcomment %}") == ""
    assert liquid.strip_liquid_tags("a {% comment %}draft{% endcomment %} b") == "a  b"
    article = read_article(NEWSLETTER)
    assert [i.text for i in article.list_items] == ["Signing devices over QR codes were discussed."]
    assert [s.heading for s in article.sections] == ["News"]  # "... mailing list." no longer looks like a title
    assert "{%" not in _prose(NEWSLETTER) and "comment" not in _prose(NEWSLETTER)


def test_inline_liquid_tag_near_misses():
    assert liquid.strip_liquid_tags("{% include note.html %}") == "{% include note.html %}"  # the line rules' own
    code = "Write `{% include note.html %}` in the page."
    assert liquid.strip_liquid_tags(code) == code  # a code span: a tutorial's example, text
    assert liquid.strip_liquid_tags("A 50% share {% if x %}") == "A 50% share"
    assert liquid.strip_liquid_tags('{% assign x = "50%" %} rest') == '{% assign x = "50%" %} rest'
    assert liquid.strip_liquid_tags("{% comment %} left open") == "{% comment %} left open"
    raw = "{% raw %}{{ updated }}{% endraw %}"
    assert liquid.strip_liquid_tags(raw) == raw  # raw prints what it wraps: the line as sweep 13 reads it
