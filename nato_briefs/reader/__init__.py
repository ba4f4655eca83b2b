"""The reader's parts: text rules, line (block) rules and the HTML block reader.

``nato_briefs.parse`` assembles them: it re-segments the lines with the rules of
``rules.py`` so that markdown-it reads every block as its author meant it, and
hands markdown-it's ``html_block`` tokens to ``html.py``.
"""
