"""Session 15 rules (``rules/interchange.py``, ``item_margin``, ``two_outcomes``): documents handed from tool to
tool, each rule with its positive and near-miss cases. Found by tests/shapes_corpus/666-690.
"""

from __future__ import annotations

import pytest

from nato_briefs.config import ParseLimits
from nato_briefs.headers import load_header_synonyms, map_headers
from nato_briefs.parse import parse_document
from nato_briefs.reader.lines import ends_mid_phrase, looks_like_title
from nato_briefs.reader.rules import interchange
from nato_briefs.reader.rules.items import ascii_bullet_item

TABLE = "| Priority Area | Key Focus | Expected Outcome |\n|---|---|---|\n| Air | Radars | Cover |\n"


def _headings(text: str) -> list[str | None]:
    return [section.heading for section in parse_document(text).sections]


def _items(text: str) -> list[str]:
    return [item.text for item in parse_document(text).items]


def _prose(text: str) -> str:
    return "\n".join(section.text for section in parse_document(text).sections)


def _rows(text: str) -> list[tuple[list[str], list[str]]]:
    return [(table.headers, row.cells) for table in parse_document(text).tables for row in table.rows]


def test_box_rule_heading_reads_org_ascii_titles():
    rule = "━" * 14
    text = f"{rule}\n  ALLIES AGREE\n{rule}\n\n\n1 Background\n════════════\n\n  Allies met.\n"
    doc = parse_document(text)
    assert doc.title == "ALLIES AGREE" and _headings(text) == ["ALLIES AGREE", "1 Background"]
    assert "═" not in _prose(text) and "Allies met." in _prose(text)
    # near miss: a table's rule spans its cells' padding (no heading), and a rule under a line of a paragraph
    table = "Text.\n\n   Priority Area   Key Focus   Expected Outcome\n  " + "─" * 50 + "\n   Air   Radars   Cover\n"
    lines = table.split("\n")
    interchange.interchange_lines(lines)
    assert lines == table.split("\n")
    prose = "Allies met in Oslo.\nKey points\n──────────\n"
    lines = prose.split("\n")
    interchange.interchange_lines(lines)
    assert lines == prose.split("\n")


def test_gemtext_link_is_no_item():
    assert interchange.gemtext_link("=> gemini://host/nato/ Back to the index") == "[Back to the index](<gemini://host/nato/>)"
    assert interchange.gemtext_link("=> https://nato.int") == "<https://nato.int>"
    text = "# T\n\n* Patrols: more ships\n\n=> https://nato.int/a Read more\n=> https://nato.int/b Back\n"
    assert _items(text) == ["Patrols: more ships"]
    # near miss: an ASCII arrow bullet names no URL
    assert interchange.gemtext_link("=> Brigades: more troops") is None
    assert _items("Key measures\n=> Brigades: more troops\n=> Funding: more money\n") == [
        "Brigades: more troops",
        "Funding: more money",
    ]


def test_alt_text_table_reads_a_preformatted_table():
    text = "# T\n\nText.\n\n```Table of priorities\n" + TABLE + "```\n"
    assert _rows(text) == [(["Priority Area", "Key Focus", "Expected Outcome"], ["Air", "Radars", "Cover"])]
    # near miss: a fence naming a language, or none, is code
    assert _rows("# T\n\nText.\n\n```markdown\n" + TABLE + "```\n") == []
    assert _rows("# T\n\nText.\n\n```\n" + TABLE + "```\n") == []


def test_zim_header_is_metadata():
    text = "Content-Type: text/x-zim-wiki\nWiki-Format: zim 0.6\n\n====== Allies Meet ======\n\nText.\n"
    assert interchange.zim_header_end(text.split("\n")) == 2
    assert _headings(text) == ["Allies Meet"] and "zim" not in _prose(text)
    # near miss: another page's first line is its text
    assert interchange.zim_header_end(["Content-Type: NATO's new rules", "Text."]) == 0


def test_moin_table_rows():
    text = "== T ==\n\n||<rowbgcolor=\"#ddd\">'''Priority Area'''||'''Key Focus'''||'''Expected Outcome'''||\n"
    text += "||Air||Radars||Cover||\n||<(>Land||Brigades||Defence||\n"
    assert [cells for _, cells in _rows(text)] == [["Air", "Radars", "Cover"], ["Land", "Brigades", "Defence"]]
    # near miss: Jira's header over single-pipe rows is left to the Jira reader
    jira = ["||Area||Focus||", "|Air|Radars|"]
    assert interchange.moin_rows(jira, 0) == 0 and jira == ["||Area||Focus||", "|Air|Radars|"]


def test_moin_instruction_is_a_setting():
    text = "#format wiki\n#language en\n= Allies Meet =\n\nText.\n"
    assert interchange.is_moin_instruction("#format wiki") and "#format" not in _prose(text)
    # near miss: a hashtag line is text
    assert not interchange.is_moin_instruction("#NATO #Summit")


@pytest.mark.parametrize(
    "line", ["Created Wednesday 14 May 2025", "Last updated 2025-10-14 09:12:33 +0200", "Updated: 2025-06-01"]
)
def test_stamp_line_is_no_title(line):
    assert interchange.is_stamp_line(line) and not looks_like_title(line, ParseLimits())


@pytest.mark.parametrize("line", ["Created in 1949", "Updated Defence Plans", "Created Wednesday 14 May 2025 in Oslo"])
def test_stamp_line_near_misses_may_be_titles(line):
    assert not interchange.is_stamp_line(line)


def test_month_may_ends_an_item():
    text = "Next steps\n• Exercises: a live exercise\n• Reporting: plans due by May\nMinisters will meet in June.\n"
    assert _items(text)[-1] == "Reporting: plans due by May" and "Ministers will meet in June." in _prose(text)
    assert not ends_mid_phrase("plans due by May")
    # near miss: the verb runs on into the next line
    assert ends_mid_phrase("Allies said that the plan may")
    text = "Next steps\n• Reporting: Allies may\nreport in June.\n"
    assert _items(text) == ["Reporting: Allies may report in June."]


def test_cjk_bracket_title():
    text = "# 見出し\n\n【東京、9月8日】事務総長は会談した。\n\n【主な優先事項】\n\n" + TABLE
    assert _headings(text) == ["見出し", "【主な優先事項】"]
    # near miss: the bracketed dateline opens a sentence
    assert "【東京、9月8日】事務総長は会談した。" in _prose(text)


def test_item_margin_ends_a_glyph_list():
    text = "Initiatives\n\n  • Patrols: more ships\n  • Radars: new sites\n\n  Ministers will meet again.\n"
    assert _items(text) == ["Patrols: more ships", "Radars: new sites"]
    assert "Ministers will meet again." in _prose(text)
    # near miss: indented deeper than the glyph, the paragraph is the item's
    text = "Initiatives\n\n  • Patrols: more ships\n\n    in the Baltic Sea\n"
    assert _items(text) == ["Patrols: more ships in the Baltic Sea"]


def test_spanned_title_header():
    title = "| Priorities 2025 | Priorities 2025 | Priorities 2025 |\n|---|---|---|\n"
    text = "# T\n\n" + title + "| Priority Area | Key Focus | Expected Outcome |\n| Air | Radars | Cover |\n"
    assert _rows(text) == [(["Priority Area", "Key Focus", "Expected Outcome"], ["Air", "Radars", "Cover"])]
    # near miss: a first row that names no columns is a row under the repeated header
    text = "# T\n\n" + title + "| Air | Radars | Cover |\n| Land | Brigades | Defence |\n"
    assert [cells for _, cells in _rows(text)] == [["Air", "Radars", "Cover"], ["Land", "Brigades", "Defence"]]


def test_two_outcomes_name_the_focus():
    synonyms = load_header_synonyms()
    assert map_headers(["Cooperation Area", "Concrete Deliverables", "Anticipated Benefits"], synonyms) == (0, 1, 2)
    # near miss: one outcome and no focus, or no area, still maps nothing
    assert map_headers(["Cooperation Area", "Anticipated Benefits"], synonyms) is None
    assert map_headers(["Country", "Deliverables", "Benefits"], synonyms) is None


def test_xml_vocabulary_nitf_docbook_enex():
    nitf = (
        "<nitf>\n<body>\n<body.head><hedline><hl1>Allies Agree Plan</hl1></hedline>"
        "<byline>By Staff</byline></body.head>\n<body.content><p>Text.</p></body.content>\n</body>\n</nitf>\n"
    )
    assert parse_document(nitf).title == "Allies Agree Plan"
    docbook = (
        "<article>\n<info><title>Allies Agree Plan</title></info>\n<section><title>Priorities</title>\n"
        "<informaltable><tgroup cols='2'><thead><row><entry>Area</entry><entry>Focus</entry></row></thead>"
        "<tbody><row><entry>Air</entry><entry>Radars</entry></row></tbody></tgroup></informaltable>\n"
        "<itemizedlist><listitem><para><emphasis role='bold'>Patrols</emphasis>: more ships</para></listitem>"
        "</itemizedlist>\n</section>\n</article>\n"
    )
    doc = parse_document(docbook)
    assert _headings(docbook) == ["Allies Agree Plan", "Priorities"]
    assert _rows(docbook) == [(["Area", "Focus"], ["Air", "Radars"])]
    assert [(item.text, item.bold_lead) for item in doc.items] == [("Patrols: more ships", "Patrols")]
    enex = (
        "<en-export>\n<note><title>Allies Meet</title><content><en-note><div>Text.</div></en-note></content>"
        "<created>20250515T081200Z</created><tag>NATO</tag></note>\n</en-export>\n"
    )
    assert _headings(enex) == ["Allies Meet"] and "20250515" not in _prose(enex)
    # near miss: an Atom entry's <title> and a <para> outside a DocBook document are left as they were
    atom = "<feed>\n<entry><title>Allies Meet</title><content>Text.</content></entry>\n</feed>\n"
    assert _headings(atom) == ["Allies Meet"]
    assert _headings("<div>\n<para>Text.</para>\n</div>\n") == [None]


def test_hidden_element_is_not_read():
    text = '<div style="display:none;max-height:0">This week: a teaser</div>\n<h1>Allies Meet</h1>\n<p>Text.</p>\n'
    assert parse_document(text).title == "Allies Meet" and "teaser" not in _prose(text)
    # near miss: a styled element that shows is read
    shown = '<div style="display:block">Shown text.</div>\n<h1>Allies Meet</h1>\n'
    assert "Shown text." in _prose(shown)


def test_iframe_markup_is_read():
    table = "<table><tr><th>Area</th><th>Focus</th></tr><tr><td>Air</td><td>Radars</td></tr></table>"
    text = f"<h1>T</h1>\n<figure class='op-interactive'><iframe>{table}</iframe></figure>\n"
    assert _rows(text) == [(["Area", "Focus"], ["Air", "Radars"])]
    # near miss: an iframe that loads a page stays unread, its fallback text too
    text = "<h1>T</h1>\n<p>Text.</p>\n<iframe src='https://x.org/embed'>Your browser has no frames.</iframe>\n"
    assert _rows(text) == [] and "frames" not in _prose(text)


def test_chat_export_chrome_is_not_read():
    text = (
        "<div class='history'>\n<div class='message service'><div class='body details'>12 June 2025</div></div>\n"
        "<div class='message default'><div class='from_name'>NATO Press</div>"
        "<div class='pull_right date details'>10:15</div><div class='text'>Allies met today.</div></div>\n</div>\n"
    )
    assert _headings(text) == [None] and _prose(text) == "Allies met today."
    # near miss: a page's own "date" element is its text
    assert "12 June 2025" in _prose("<div>\n<p class='date'>12 June 2025</p>\n<p>Allies met.</p>\n</div>\n")


def test_namespaced_block_reads_confluence_layouts():
    text = (
        "<ac:layout><ac:layout-section><ac:layout-cell><h1>Allies Meet</h1><p>Text.</p>"
        '<ac:structured-macro ac:name="toc"><ac:parameter ac:name="maxLevel">2</ac:parameter>'
        "</ac:structured-macro></ac:layout-cell></ac:layout-section></ac:layout>\n"
    )
    assert _headings(text) == ["Allies Meet"] and _prose(text) == "Text."
    # near miss: a namespaced element holding no block is left to the markdown reading
    assert interchange.namespaced_element_block('<ac:emoticon ac:name="smile" /> Allies met.') is None


def test_bold_br_line_heads_a_list():
    lines = "<b>Initiatives:</b><br>• Patrols: ships<br>• Radars: sites"
    text = f"<div>\n<div><b>Allies Meet</b><br><br>Text.<br><br>{lines}</div>\n</div>\n"
    assert _headings(text) == ["Allies Meet", "Initiatives:"] and _items(text) == ["Patrols: ships", "Radars: sites"]
    # near miss: a bold lead over a sentence is the paragraph's lead
    text = "<h1>T</h1>\n<p><b>Background</b><br>Allies met on Friday.</p>\n"
    assert _headings(text) == ["T"] and "Background Allies met on Friday." in _prose(text)


def test_bold_br_line_after_empty_lines():
    """Empty ``<br>`` lines before a bold line break nothing (shapes 890): the bold line still heads its bullets."""
    mark, bold = "\x1e", interchange.BOLD_LINE
    raw = f"\n{mark} \nKey initiatives{bold}{mark} \n\u2022 Patrols: ships"
    assert interchange.bold_br_line(raw, mark) == ("Key initiatives", " \n\u2022 Patrols: ships")
    # near miss: the first line with text is not bold
    assert interchange.bold_br_line(f"\n{mark} Allies met.{mark} Key initiatives{bold}{mark}", mark) is None


def test_zim_checkbox_is_an_item():
    assert ascii_bullet_item("[*] Baltic Sentry: patrols") is not None
    assert _items("Initiatives\n\n[*] Baltic Sentry: patrols\n[ ] Digital Ocean: sensors\n") == [
        "Baltic Sentry: patrols",
        "Digital Ocean: sensors",
    ]
    # near miss: a footnote mark typed onto its word is no checkbox
    assert ascii_bullet_item("[*]Note: estimates.") is None


# --------------------------------------------------------------------------- NewsML-G2 (shapes26)
NEWSML = (
    '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x" version="1">\n'
    '  <itemMeta><itemClass qcode="ninat:text"/><versionCreated>2026-12-01T10:15:00Z</versionCreated></itemMeta>\n'
    "  <contentMeta><headline>Allies Agree Plan</headline><slugline>NATO-PLAN/</slugline></contentMeta>\n"
    '  <contentSet><inlineXML contenttype="application/xhtml+xml"><html><body>\n'
    "  <h1>Allies Agree Plan</h1><p>Allies met in Oslo.</p>\n"
    "  </body></html></inlineXML></contentSet>\n</newsItem>\n"
)


def test_newsml_g2_metadata_is_no_text():
    doc = parse_document(NEWSML)
    prose = " ".join(s.text for s in doc.sections)
    assert "Allies met in Oslo." in prose and "NATO-PLAN/" not in prose and "2026-12-01T10" not in prose


def test_newsml_like_elements_without_a_news_item_are_read():
    doc = parse_document("<div><contentMeta>Allies met in Oslo.</contentMeta></div>\n")  # no <newsItem>: its text
    assert "Allies met in Oslo." in " ".join(s.text for s in doc.sections)
