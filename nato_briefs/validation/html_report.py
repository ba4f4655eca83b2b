"""The validation report as a static, self-contained HTML page (no scripts, no external assets).

GX Data Docs need the suites, validation definitions and a checkpoint registered in a context, write a
4 MB multi-file site, and their pages load Bootstrap/Vega from CDNs (unusable offline): this page is ours.
"""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime
from pathlib import Path

from nato_briefs.validation.results import SuiteResult, ValidationReport, clip, jsonable

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
    esc = html.escape

    def badge(text: str, cls: str) -> str:
        return f'<span class="badge {cls}">{esc(text)}</span>'

    def suite_badge(s: SuiteResult) -> str:
        return badge(s.status, "fail" if not s.success else "warn" if s.failed_warnings else "pass")

    verdict = badge("PASSED", "pass") if report.passed else badge("FAILED", "fail")
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>nato-briefs data validation</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Data validation {verdict}</h1>",
        f"<p><small>{len(report.errors)} error(s), {len(report.warnings)} warning(s); "
        f"{sum(s.evaluated for s in report.suites)} expectations in {len(report.suites)} suites; "
        f"{report.seconds:.2f} s; generated {esc(generated)}. Errors block publishing, warnings are reported "
        "only; quarantinable failures move their rows to the quarantine dataset.</small></p>",
        "<table><tr><th>suite</th><th>kind</th><th>rows</th><th>expectations</th><th>errors</th>"
        "<th>warnings</th><th>result</th></tr>",
    ]
    for s in report.suites:
        parts.append(
            f'<tr><td><a href="#suite-{esc(s.dataset)}">{esc(s.dataset)}</a></td><td>{esc(s.kind)}</td>'
            f'<td class="num">{"" if s.row_count is None else s.row_count}</td><td class="num">{s.evaluated}</td>'
            f'<td class="num">{s.failed_errors}</td><td class="num">{s.failed_warnings}</td>'
            f"<td>{suite_badge(s)}</td></tr>"
        )
    parts.append("</table>")
    for s in report.suites:
        rows = "-" if s.row_count is None else str(s.row_count)
        parts += [
            f'<h2 id="suite-{esc(s.dataset)}">{esc(s.dataset)} {suite_badge(s)}</h2>',
            f"<p><small>{esc(s.kind)}; {rows} rows; {s.evaluated} expectations; {s.seconds:.3f} s</small></p>",
            "<table><tr><th>status</th><th>severity</th><th>expectation</th><th>column(s)</th>"
            "<th>unexpected</th><th>details</th></tr>",
        ]
        for o in s.outcomes:
            if o.success:
                status = badge("pass", "pass")
            else:
                status = badge("FAIL", "fail") if o.severity == "error" else badge("warn", "warn")
            sev = o.severity + (" (quarantine)" if o.quarantine else "")
            unexpected = ""
            if o.unexpected_count is not None:
                unexpected = f"{o.unexpected_count} / {o.element_count}"
            details = [esc(o.description or "")]
            if not o.success and o.message and o.message != o.description:
                details.append(f"<br><b>{esc(o.message)}</b>")
            if o.observed is not None and not o.success:
                observed = clip(json.dumps(o.observed, ensure_ascii=False), 300)
                details.append(f"<br>observed: <code>{esc(observed)}</code>")
            if o.examples:
                shown = "\n".join(clip(json.dumps(jsonable(e), ensure_ascii=False), 400) for e in o.examples)
                details.append(f"<pre>{esc(shown)}</pre>")
            parts.append(
                f"<tr><td>{status}</td><td>{esc(sev)}</td><td><code>{esc(o.expectation_type)}</code></td>"
                f'<td>{esc(o.column)}</td><td class="num">{unexpected}</td><td>{"".join(details)}</td></tr>'
            )
        parts.append("</table>")
    parts.append("</body></html>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path
