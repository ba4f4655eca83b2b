"""The HTML report of a published output root, for people who do not open Parquet.

``build_report(OUT)`` reads the datasets under ``OUT/<name>/`` and writes
``OUT/report/index.html`` with PNG charts beside it and one brief per document
under ``OUT/report/briefs/``. An analyst reads, first, what the corpus says:
statements (commitments, priorities, concerns) by kind and theme, which
countries go with which themes, and per document its statements, priorities
and initiatives with their lines; then how the pipeline did (documents,
themes, top areas, validation, quarantine).

It reads only what it finds: datasets may be missing, empty, from an older run
without a ``theme`` column or without the prose datasets; the page then says so
instead of failing. Every string that comes from the data is treated as hostile
(articles are untrusted input): it is HTML-escaped, and chart labels are
cleaned and drawn without mathtext. Modules: ``read`` (what is published),
``stats`` and ``validation`` (pipeline figures), ``prose`` (statements and
countries), ``briefs`` (per-document pages), ``draw`` (PNG charts), ``markup``
and ``page`` (HTML), ``build`` (the order of writes).
"""

from nato_briefs.report.build import REPORT_DIR, build_report, main
from nato_briefs.report.draw import Bars, Heatmap, chart_label, draw_chart
from nato_briefs.report.read import Published, read_published
from nato_briefs.report.stats import documents_bars

__all__ = [
    "REPORT_DIR",
    "Bars",
    "Heatmap",
    "Published",
    "build_report",
    "chart_label",
    "documents_bars",
    "draw_chart",
    "main",
    "read_published",
]
