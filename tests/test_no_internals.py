"""No framework internals in the runtime: public APIs of Prefect, GX and CPython only.

A shortcut through an internal may live only in a module named for it
(``*_internals.py``), measured in the README; none is left today. The patterns
are the ones the project forbids: ``PREFECT__*`` switches, underscore attributes
of prefect / great_expectations / atexit, and ``os._exit``.

The grep reads what a line spells; the syntax-tree scan (``test_no_private_name_of_another_library``)
reads what it does, in every folder of the project (tests too): a private module or name imported from
outside the project (``from re import _parser``, ``import _thread``, ``from prefect.x import _y``) and
an underscore attribute no project source defines (``sys._getframe()``, ``ctx._cache``, an alias's
``px._memo``), each outside the commented ``ALLOWED`` list.
"""

from __future__ import annotations

import ast
import re
from functools import cache
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


# --------------------------------------------------------------------------- the syntax-tree scan
FOLDERS = ("flows", "nato_briefs", "bench", "tests")
# Underscore names of other libraries the project may use, each with the files that may (None: any file).
ALLOWED: dict[str, frozenset[str] | None] = {
    # lxml's element class: its API reference documents it under this name, with no public alias; the reader
    # names it in type hints only (strings under ``from __future__ import annotations``).
    "_Element": None,
    # CPython's regex parser: the one parse tree of a pattern there is (``sre_parse`` is its deprecated alias).
    # Measuring tools only, never the runtime: the statement rules' step counter and the adversarial probe.
    "_parser": frozenset({"tests/counted_regex.py", "bench/rule_probe.py"}),
    "_constants": frozenset({"tests/counted_regex.py", "bench/rule_probe.py"}),
}


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _project_files() -> list[Path]:
    return [p for folder in FOLDERS for p in sorted((PROJECT / folder).rglob("*.py"))]


@cache
def _project_modules() -> frozenset[str]:
    """Top-level names a project file imports the project by: its packages, and the tests' sibling modules."""
    return frozenset({*FOLDERS, *(p.stem for p in (PROJECT / "tests").glob("*.py"))})


@cache
def _project_names() -> frozenset[str]:
    """Every underscore name the project defines: a project object's private attribute is the project's own
    business (``fuzz._as_bytes``, ``self._memo``); one defined nowhere here belongs to another library."""
    names: set[str] = set()
    for path in _project_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
    return frozenset(n for n in names if _private(n))


def _is_project_module(module: str | None, level: int) -> bool:
    return level > 0 or (module or "").split(".")[0] in _project_modules()


def _names_private_attribute(node: ast.AST, defined: frozenset[str]) -> bool:
    """An underscore attribute no project source defines, read (``x._y``) or named (``getattr(x, "_y")``)."""
    if isinstance(node, ast.Attribute):
        name = node.attr
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("getattr", "setattr", "hasattr", "delattr")
        and len(node.args) > 1
        and isinstance(node.args[1], ast.Constant)
    ):
        name = node.args[1].value
    else:
        return False
    return isinstance(name, str) and _private(name) and name not in defined


def private_uses(source: str, defined: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """(line, what) for each private name of another library ``source`` uses; ``defined``: the project's own."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, f"import {a.name}") for a in node.names if any(map(_private, a.name.split(".")))]
        elif isinstance(node, ast.ImportFrom) and not _is_project_module(node.module, node.level):
            module = node.module or ""
            names = [a.name for a in node.names]
            if any(map(_private, module.split("."))) or any(map(_private, names)):
                found.append((node.lineno, f"from {module} import {', '.join(names)}"))
        elif _names_private_attribute(node, defined):
            found.append((node.lineno, ast.unparse(node)))
    return found


def _allowed(what: str, path: str) -> bool:
    """Whether ``what`` names only allowed underscore names, each in a file allowed to."""
    used = [part for part in re.findall(r"\b_\w+", what) if _private(part)]
    return bool(used) and all(n in ALLOWED and (ALLOWED[n] is None or path in ALLOWED[n]) for n in used)


@pytest.mark.parametrize(
    "path",
    [p for p in _project_files() if not p.name.endswith("_internals.py")],
    ids=lambda p: str(p.relative_to(PROJECT)),
)
def test_no_private_name_of_another_library(path):
    relative = str(path.relative_to(PROJECT))
    uses = private_uses(path.read_text(encoding="utf-8"), _project_names())
    hits = [f"line {line}: {what}" for line, what in uses if not _allowed(what, relative)]
    assert not hits, f"{relative} uses another library's private names:\n" + "\n".join(hits)


@pytest.mark.parametrize(
    "snippet",
    [
        "from re import _parser",
        "import _thread",
        "from prefect.server import _memoize",
        "from prefect._internal.concurrency import api",
        "import sys\nframe = sys._getframe(1)",
        "import prefect.context as pc\npc._temporary(x)",
        "ctx = get_run_context()\nctx._cache.clear()",
        'hook = getattr(atexit, "_run_exitfuncs", None)',
    ],
)
def test_the_scan_catches_each_kind_of_private_use(snippet):
    assert private_uses(snippet), f"the scan misses {snippet!r}"


def test_the_scan_leaves_public_and_project_names_alone():
    public = "import os\nfrom prefect import flow\nfrom nato_briefs.x import _y\nfrom ._z import w\nos.getpid()"
    assert not private_uses(public)
    assert not private_uses("self._memo.clear(); fuzz._as_bytes(b)", frozenset({"_memo", "_as_bytes"}))
    assert not _allowed("from re import _parser", "nato_briefs/reader/lines.py")  # allowed in two tools only
    assert _allowed("from re import _parser", "bench/rule_probe.py")
