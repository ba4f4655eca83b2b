"""No framework internals in the runtime: public APIs of Prefect, GX and CPython only.

A shortcut through an internal may live only in a module named for it
(``*_internals.py``), measured in the README; none is left today. The patterns
are the ones the project forbids: ``PREFECT__*`` switches, underscore attributes
of prefect / great_expectations / atexit, and ``os._exit``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "PREFECT__ variable": re.compile(r"PREFECT__"),
    "prefect underscore attribute": re.compile(r"\bprefect(\.[A-Za-z0-9_]+)*\._"),
    "great_expectations underscore attribute": re.compile(r"\bgreat_expectations(\.[A-Za-z0-9_]+)*\._"),
    "atexit underscore attribute": re.compile(r"\batexit\._"),
    "os._exit": re.compile(r"\bos\._exit\b"),
    "getattr on an underscore name": re.compile(r"getattr\([^,]+,\s*[\"']_[a-z]"),
}


def _sources() -> list[Path]:
    files = [p for folder in ("flows", "nato_briefs", "bench") for p in sorted((PROJECT / folder).rglob("*.py"))]
    return [path for path in files if not path.name.endswith("_internals.py")]


def _violations(text: str) -> list[str]:
    return [f"{name}: {match.group(0)!r}" for name, pattern in FORBIDDEN.items() for match in pattern.finditer(text)]


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(PROJECT)))
def test_module_uses_public_apis_only(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    hits = [f"line {number}: {hit}" for number, line in enumerate(lines, 1) for hit in _violations(line)]
    assert not hits, f"{path.relative_to(PROJECT)} reaches into internals:\n" + "\n".join(hits)


@pytest.mark.parametrize(
    "snippet",
    [
        'env = {"PREFECT__SERVER_EPHEMERAL": "1"}',
        "prefect.context._temporary_global_settings_context(x)",
        "from prefect.server.api.server import x; prefect.server.api.server._memoize(y)",
        "great_expectations.data_context._cache.clear()",
        "atexit._run_exitfuncs()",
        "os._exit(0)",
        'hook = getattr(atexit, "_run_exitfuncs", None)',
    ],
)
def test_the_grep_catches_each_kind_of_internal(snippet):
    assert _violations(snippet), f"the patterns miss {snippet!r}"


def test_public_calls_are_not_flagged():
    public = "prefect.settings.temporary_settings(); os.exit_code = 0; sys.exit(1); atexit.register(f)"
    assert not _violations(public)
