"""The CLI: options generated from Settings, and every bad setting fails fast with one line (real subprocesses)."""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import resource
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import timedelta
from pathlib import Path

import pytest

from nato_briefs.cli import (
    ENVIRONMENT_DEFAULTS,
    api_startup_timeout,
    deployment,
    serve_problem,
    set_environment_defaults,
)
from nato_briefs.cli import parser as _parser
from nato_briefs.config import Settings, settings_from_args
from tests.conftest import PROJECT, RAW

FAST_FAIL_SECONDS = 10


def _run_cli(args: list[str], tmp_path: Path, **env_overrides: str) -> tuple[subprocess.CompletedProcess, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_")}
    env.update({"PREFECT_HOME": str(tmp_path / "prefect_home"), "PYTHONPATH": str(PROJECT), **env_overrides})
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "flows", *args], env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    return proc, time.monotonic() - started


def _assert_fails_fast(proc: subprocess.CompletedProcess, seconds: float, code: int, *words: str) -> None:
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == code, proc.stderr[-2000:]
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    assert all(word in lines[0] for word in words), lines[0]
    assert seconds < FAST_FAIL_SECONDS


# -- options generated from Settings --------------------------------------------------------------------------------


def _run_help() -> str:
    with contextlib.redirect_stdout(io.StringIO()) as text, pytest.raises(SystemExit):
        _parser().parse_args(["run", "--help"])
    return text.getvalue()


def test_help_shows_the_real_defaults():
    text = " ".join(_run_help().split())
    defaults = Settings()
    assert f"(default: {defaults.inline_max_files})" in text
    assert f"(default: {defaults.validation_chunk_docs})" in text
    assert f"(default: {defaults.ingest.max_file_bytes // 1024**2})" in text
    assert "sized from the corpus" in text and "(default: 500)" not in text  # the stale --batch-size help


@pytest.mark.parametrize("command", ["run", "validate", "report", "serve"])
def test_every_option_of_every_command_says_what_it_is(command):
    """`--help` is where a new user looks first: no option is listed bare (validate/report/serve's were)."""
    with contextlib.redirect_stdout(io.StringIO()) as text, pytest.raises(SystemExit):
        _parser().parse_args([command, "--help"])
    lines = text.getvalue().split("options:", 1)[1].splitlines()
    # an option's help follows on its line or, when the option is long, on the next one, indented
    bare = [
        line.split()[0]
        for line, after in zip(lines, [*lines[1:], ""], strict=True)
        if line.lstrip().startswith("--") and len(line.split()) <= 2 and not after.lstrip()[:1].isalpha()
    ]
    assert bare == [], f"{command}: options without help: {bare}"


def test_every_tunable_has_an_option():
    text = _run_help()
    for item in fields(Settings):
        if "help" in item.metadata:
            assert (item.metadata["flag"] or "--" + item.name.replace("_", "-")) in text


def test_options_become_settings_with_their_scale():
    args = _parser().parse_args(["run", "--workers", "3", "--max-file-mb", "1.5", "--raw", "r", "--wait-lock", "2"])
    settings = settings_from_args(args, Settings)
    assert settings.workers == 3 and settings.wait_lock == 2.0 and settings.raw_dir == Path("r")
    assert settings.ingest.max_file_bytes == int(1.5 * 1024**2)
    assert settings.batch_size is None and settings.inline_max_files == Settings().inline_max_files


def test_environment_defaults_do_not_override_the_user():
    environ = {"DO_NOT_TRACK": "0"}
    set_environment_defaults(environ)
    assert environ["DO_NOT_TRACK"] == "0"
    assert environ["ARROW_DEFAULT_MEMORY_POOL"] == ENVIRONMENT_DEFAULTS["ARROW_DEFAULT_MEMORY_POOL"]


# -- bad settings: exit 2 (3 for the lock), one line naming the problem and the fix, under 10 s ----------------------


@dataclass
class Case:
    """One bad setting: extra CLI arguments and environment, the exit status and the words its one line must hold."""

    args: list[str]
    env: dict[str, str]
    code: int
    words: tuple[str, ...]
    server_boot: bool = False  # the failure comes from the API server itself, after its boot (see _bound)


def _unwritable_folder(tmp_path: Path) -> Path:
    """A folder no file can be created in: by permissions, or (root writes through those) sysfs."""
    if os.geteuid() == 0:
        return Path("/sys")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    return locked


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def _listening() -> Iterator[str]:
    """A socket that accepts connections (kernel backlog) and never answers: ``host:port``."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        yield f"127.0.0.1:{silent.getsockname()[1]}"


@contextlib.contextmanager
def _case(name: str, tmp_path: Path) -> Iterator[Case]:  # one branch per row of the table
    (tmp_path / "afile").write_text("x")
    if name in NUMBERS:
        yield Case([NUMBERS[name][0], NUMBERS[name][1]], {}, 2, (NUMBERS[name][0],))
    elif name == "out is a file":
        yield Case(["--out", str(tmp_path / "afile")], {}, 2, ("is a file", "pass a folder"))
    elif name == "out inside raw":
        shutil.copytree(RAW, tmp_path / "raw")
        yield Case(
            ["--raw", str(tmp_path / "raw"), "--out", str(tmp_path / "raw" / "outputs")],
            {},
            2,
            ("inside the raw folder", "--allow-out-in-raw"),
        )
    elif name == "PREFECT_HOME not a folder":
        yield Case([], {"PREFECT_HOME": str(tmp_path / "afile" / "home")}, 2, ("PREFECT_HOME", "writable folder"))
    elif name == "HOME unwritable":
        yield Case([], {"HOME": str(_unwritable_folder(tmp_path))}, 2, ("HOME", "not writable", "writable folder"))
    elif name == "Prefect database unwritable":
        url = f"sqlite+aiosqlite:///{tmp_path / 'afile' / 'prefect.db'}"
        yield Case(
            [],
            {"PREFECT_API_DATABASE_CONNECTION_URL": url},
            2,
            ("PREFECT_API_DATABASE_CONNECTION_URL", "not a writable folder", "unset it"),
        )
    elif name == "API accepts, never answers":
        with _listening() as address:
            url = f"http://{address}/api"
            yield Case([], {"PREFECT_API_URL": url}, 2, ("PREFECT_API_URL", url, "did not answer", "unset"))
    elif name == "dead --dask-address":
        address = f"tcp://127.0.0.1:{_free_port()}"
        yield Case(["--dask-address", address], {}, 2, ("--dask-address", address, "start the cluster"))
    elif name == "--dask-address with --inline-max-files":
        with _listening() as address:  # reachable: the pair itself is refused, not the address
            yield Case(
                ["--dask-address", f"tcp://{address}", "--inline-max-files", "50"],
                {},
                2,
                ("--inline-max-files 50", "--dask-address", "drop"),
            )
    elif name == "locked OUT":
        (tmp_path / "out").mkdir()
        fd = os.open(tmp_path / "out" / ".lock", os.O_RDWR | os.O_CREAT)
        os.write(fd, b"pid 4242 on testhost")
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as nato_briefs.publish.writer_lock holds it
        try:
            yield Case([], {}, 3, ("another nato-briefs run", "pid 4242", "--wait-lock"))
        finally:
            os.close(fd)
    elif name == "API server fails to start":
        # Passes every preflight check; the server's own first error line is the message.
        yield Case(
            [],
            {"PREFECT_API_DATABASE_CONNECTION_URL": "nosuchdb://host/db"},
            2,
            ("failed to start", "NoSuchModuleError", "nosuchdb", "PREFECT_API_URL"),
            server_boot=True,
        )
    else:
        raise AssertionError(name)


NUMBERS = {
    "--max-file-mb -1": ("--max-file-mb", "-1"),
    "--workers 0": ("--workers", "0"),
    "--batch-size -5": ("--batch-size", "-5"),
    "--validation-chunk-docs 0": ("--validation-chunk-docs", "0"),
    "--inline-max-files -1": ("--inline-max-files", "-1"),
    "--wait-lock -1": ("--wait-lock", "-1"),
}
BAD_SETTINGS = [
    *NUMBERS,
    "out is a file",
    "out inside raw",
    "PREFECT_HOME not a folder",
    "HOME unwritable",
    "Prefect database unwritable",
    "API accepts, never answers",
    "dead --dask-address",
    "--dask-address with --inline-max-files",
    "locked OUT",
    "API server fails to start",
]


def _bound(case: Case) -> float:
    """10 s; for the server's own failure, 10 s on a machine with a core to spare (scaled by the load).

    That error exists only once the server has failed: ~6 s of one core importing Prefect's
    server (measured: 6.1 s CPU, 14.6 s wall at load 7.4 on 2 cores), while the CLI imports on
    the other core. Everything preflight can check is checked before, in about 0.5 s.
    """
    if not case.server_boot:
        return FAST_FAIL_SECONDS
    return FAST_FAIL_SECONDS * max(1.0, os.getloadavg()[0] / (os.cpu_count() or 1))


def _option_values(args: list[str]) -> dict[str, str]:
    return dict(zip(args[::2], args[1::2], strict=True))


@pytest.mark.slow
@pytest.mark.parametrize("name", BAD_SETTINGS)
def test_bad_setting_fails_fast_in_one_line(tmp_path, name):
    with _case(name, tmp_path) as case:
        args = {"--raw": str(RAW), "--out": str(tmp_path / "out")} | _option_values(case.args)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        proc, seconds = _run_cli(
            ["run", *(x for pair in args.items() for x in pair), "--no-report"], tmp_path, **case.env
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = [line for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]
    load = os.getloadavg()[0]
    context = f"{name}: exit {proc.returncode} after {seconds:.1f} s (CPU {cpu:.1f} s, load {load:.1f}): {lines[-5:]}"
    print(context)  # the figures: pytest -s shows each case's wall and CPU time
    assert proc.returncode == case.code, context
    assert len(lines) == 1 and lines[0].startswith("error: "), context
    assert all(word in lines[0] for word in case.words), context
    assert seconds < _bound(case), context
    if case.code == 2:
        assert not (tmp_path / "out").exists(), context  # nothing created before failing


def test_the_command_line_imports_no_prefect_before_it_decides_about_its_api():
    """The core CLI never imports Prefect, and flows.cli not at import: PREFECT_API_URL must be set first."""
    code = (
        "import sys, nato_briefs.cli, nato_briefs.processes, nato_briefs.interrupts, flows.cli\n"
        "flows.cli.cli.parser().parse_args(['run', '--workers', '2'])\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'prefect'], 'prefect imported'\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_serve_needs_a_server_that_answers():
    assert "PREFECT_API_URL is not set" in serve_problem(None).message
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    problem = serve_problem(f"http://127.0.0.1:{port}/api")
    assert problem.exit_code == 2 and "did not answer its health check" in problem.message


def test_serve_deploys_on_cron_or_interval_and_says_so():
    cron = _parser().parse_args(["serve", "--cron", "5 4 * * *", "--raw", "in", "--out", "o", "--name", "daily"])
    options, line = deployment(cron, "http://127.0.0.1:4200/api")
    assert options == {
        "name": "daily",
        "parameters": {"raw_dir": "in", "out_dir": "o", "wait_lock": 600.0},
        "limit": 1,  # one run at a time: they share one output folder and its lock
        "cron": "5 4 * * *",
    }
    assert line.startswith("serving deployment nato-briefs/daily (") and "5 4 * * *" in line
    assert line.endswith("against http://127.0.0.1:4200/api, one run at a time; Ctrl-C stops")
    every, _ = deployment(_parser().parse_args(["serve", "--interval", "90"]), "u")
    assert every["interval"] == timedelta(seconds=90) and "cron" not in every  # --interval wins over the default cron
    assert every["parameters"] == {"raw_dir": "raw", "out_dir": "outputs", "wait_lock": 600.0}


def test_api_startup_timeout_is_the_users_or_the_default():
    key = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"
    assert api_startup_timeout({}) == float(ENVIRONMENT_DEFAULTS[key]) == 90.0
    assert api_startup_timeout({key: "2.5"}) == 2.5
