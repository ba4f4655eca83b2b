"""The validation report as a static, self-contained HTML page (no scripts, no external assets).

GX Data Docs need the suites, validation definitions and a checkpoint registered in a context, write a
4 MB multi-file site, and their pages load Bootstrap/Vega from CDNs (unusable offline): this page is ours.
"""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime
from pathlib import Path

from nato_briefs.validation.results import ExpectationOutcome, SuiteResult, ValidationReport, clip, jsonable

_esc = html.escape

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1d2330;max-width:90rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #d6dae1;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.9rem}
th{background:#f2f4f7}td.num{text-align:right}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:.6rem;font-size:.8rem;font-weight:600}
.pass{background:#dcf5e3;color:#17612f}.fail{background:#fde2e1;color:#9b1c1c}.warn{background:#fff2cc;color:#7a5b00}
pre{margin:0;white-space:pre-wrap;word-break:break-all;font-size:.8rem}small{color:#5a6372}
"""


def write_html_report(report: ValidationReport, path: Path) -> Path:
    """Write a static, self-contained HTML page of the report (no scripts, no external assets)."""
    path = Path(path)
    parts = [*_head(report), *_summary_table(report)]
    for suite in report.suites:
        parts += _suite_section(suite)
    parts.append("</body></html>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path


def _badge(text: str, cls: str) -> str:
    return f'<span class="badge {cls}">{_esc(text)}</span>'


def _suite_badge(s: SuiteResult) -> str:
    return _badge(s.status, "fail" if not s.success else "warn" if s.failed_warnings else "pass")


def _head(report: ValidationReport) -> list[str]:
    verdict = _badge("PASSED", "pass") if report.passed else _badge("FAILED", "fail")
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>nato-briefs data validation</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Data validation {verdict}</h1>",
        f"<p><small>{len(report.errors)} error(s), {len(report.warnings)} warning(s); "
        f"{sum(s.evaluated for s in report.suites)} expectations in {len(report.suites)} suites; "
        f"{report.seconds:.2f} s; generated {_esc(generated)}. Errors block publishing, warnings are reported "
        "only; quarantinable failures move their rows to the quarantine dataset.</small></p>",
    ]


def _summary_table(report: ValidationReport) -> list[str]:
    parts = [
        "<table><tr><th>suite</th><th>kind</th><th>rows</th><th>expectations</th><th>errors</th>"
        "<th>warnings</th><th>result</th></tr>"
    ]
    for s in report.suites:
        parts.append(
            f'<tr><td><a href="#suite-{_esc(s.dataset)}">{_esc(s.dataset)}</a></td><td>{_esc(s.kind)}</td>'
            f'<td class="num">{"" if s.row_count is None else s.row_count}</td><td class="num">{s.evaluated}</td>'
            f'<td class="num">{s.failed_errors}</td><td class="num">{s.failed_warnings}</td>'
            f"<td>{_suite_badge(s)}</td></tr>"
        )
    parts.append("</table>")
    return parts


def _suite_section(s: SuiteResult) -> list[str]:
    rows = "-" if s.row_count is None else str(s.row_count)
    return [
        f'<h2 id="suite-{_esc(s.dataset)}">{_esc(s.dataset)} {_suite_badge(s)}</h2>',
        f"<p><small>{_esc(s.kind)}; {rows} rows; {s.evaluated} expectations; {s.seconds:.3f} s</small></p>",
        "<table><tr><th>status</th><th>severity</th><th>expectation</th><th>column(s)</th>"
        "<th>unexpected</th><th>details</th></tr>",
        *(_outcome_row(o) for o in s.outcomes),
        "</table>",
    ]


def _outcome_row(o: ExpectationOutcome) -> str:
    if o.success:
        status = _badge("pass", "pass")
    else:
        status = _badge("FAIL", "fail") if o.severity == "error" else _badge("warn", "warn")
    sev = o.severity + (" (quarantine)" if o.quarantine else "")
    unexpected = "" if o.unexpected_count is None else f"{o.unexpected_count} / {o.element_count}"
    return (
        f"<tr><td>{status}</td><td>{_esc(sev)}</td><td><code>{_esc(o.expectation_type)}</code></td>"
        f'<td>{_esc(o.column)}</td><td class="num">{unexpected}</td><td>{_details(o)}</td></tr>'
    )


def _details(o: ExpectationOutcome) -> str:
    """The description, and for a failure what GX saw: its message, the observed value, a few examples."""
    details = [_esc(o.description or "")]
    if not o.success and o.message and o.message != o.description:
        details.append(f"<br><b>{_esc(o.message)}</b>")
    if o.observed is not None and not o.success:
        observed = clip(json.dumps(o.observed, ensure_ascii=False), 300)
        details.append(f"<br>observed: <code>{_esc(observed)}</code>")
    if o.examples:
        shown = "\n".join(clip(json.dumps(jsonable(e), ensure_ascii=False), 400) for e in o.examples)
        details.append(f"<pre>{_esc(shown)}</pre>")
    return "".join(details)
