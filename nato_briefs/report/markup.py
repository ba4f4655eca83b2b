"""HTML building blocks shared by the report's pages: escaping, tables, the page shell, atomic writes.

Every string from the data is hostile (articles are untrusted input): it goes
through ``e()`` before it reaches the page. The pages carry a Content Security
Policy that forbids scripts and any resource from elsewhere, so even a missed
escape could not run code or call out; they need nothing from a CDN.
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from pathlib import Path

CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1400px;color:#222;
padding:0 1rem}
h1{margin-bottom:.2rem}.muted{color:#666}.cards{display:flex;gap:1rem;flex-wrap:wrap;margin:1.5rem 0}
.card{border:1px solid #ddd;border-radius:8px;padding:.8rem 1.2rem;min-width:9rem}
.card b{display:block;font-size:1.8rem}figure{margin:1.5rem 0}img{max-width:100%;height:auto;border:1px solid #eee}
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ddd;padding:.3rem .6rem;text-align:left;
vertical-align:top}td.num{text-align:right}.passed{color:#1a7f37}.failed{color:#cf222e}
.brief{border-top:2px solid #ccc;margin-top:2rem;padding-top:.5rem}.brief:target{background:#fffbe6}
.kind-commitment{color:#0a5ca8}.kind-priority{color:#8250df}.kind-concern{color:#b35900}
nav a{margin-right:1rem}code{font-size:.9em}
"""

_HEAD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><style>{css}</style></head>
<body>"""


def e(value: object) -> str:
    return html.escape(str(value), quote=True)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], raw_columns: Sequence[int] = ()) -> str:
    """A table of escaped cells; ``raw_columns`` hold HTML the caller built (and escaped) itself."""
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(_cell(c, i in raw_columns) for i, c in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value: object, raw: bool) -> str:
    if raw:
        return f"<td>{value}</td>"
    if isinstance(value, int) and not isinstance(value, bool):
        return f'<td class="num">{e(value)}</td>'
    return f"<td>{e(value)}</td>"


def page(title: str, body: str) -> str:
    return _HEAD.format(title=e(title), css=CSS) + body + "\n</body></html>\n"


def write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
