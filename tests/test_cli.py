"""The CLI: options generated from Settings, and every bad setting fails fast with one line (real subprocesses)."""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import fields
from pathlib import Path

import pytest

from nato_briefs.cli import ENVIRONMENT_DEFAULTS, serve_problem, set_environment_defaults
from nato_briefs.cli import parser as _parser
from nato_briefs.config import Settings, settings_from_args
from tests.conftest import PROJECT, RAW

FAST_FAIL_SECONDS = 10


def _run_cli(args: list[str], tmp_path: Path, **env_overrides: str) -> tuple[subprocess.CompletedProcess, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_")}
    env.update({"PREFECT_HOME": str(tmp_path / "prefect_home"), "PYTHONPATH": str(PROJECT), **env_overrides})
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "flows", *args], env=env, capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
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


# -- bad settings: exit 2 (3 for the lock), one line, under 10 s ----------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value"),
    [("--workers", "0"), ("--batch-size", "-5"), ("--max-file-mb", "-1"), ("--validation-chunk-docs", "0"),
     ("--inline-max-files", "-1"), ("--wait-lock", "-1")],
)
def test_non_positive_numbers_are_rejected(tmp_path, option, value):
    proc, seconds = _run_cli(["run", "--raw", str(RAW), "--out", str(tmp_path / "out"), option, value], tmp_path)
    _assert_fails_fast(proc, seconds, 2, option)
    assert not (tmp_path / "out").exists()


def test_out_naming_a_file(tmp_path):
    (tmp_path / "afile").write_text("x")
    proc, seconds = _run_cli(["run", "--raw", str(RAW), "--out", str(tmp_path / "afile")], tmp_path)
    _assert_fails_fast(proc, seconds, 2, "is a file")


def test_out_inside_raw(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    proc, seconds = _run_cli(["run", "--raw", str(raw), "--out", str(raw / "outputs")], tmp_path)
    _assert_fails_fast(proc, seconds, 2, "inside the raw folder", "--allow-out-in-raw")


def test_unwritable_prefect_home(tmp_path):
    (tmp_path / "afile").write_text("x")
    proc, seconds = _run_cli(["run", "--raw", str(RAW), "--out", str(tmp_path / "out")], tmp_path,
                             PREFECT_HOME=str(tmp_path / "afile" / "home"))
    _assert_fails_fast(proc, seconds, 2, "PREFECT_HOME")


def test_api_url_that_never_answers(tmp_path):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    try:
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/api"
        proc, seconds = _run_cli(["run", "--raw", str(RAW), "--out", str(tmp_path / "out")], tmp_path,
                                 PREFECT_API_URL=url)
    finally:
        silent.close()
    _assert_fails_fast(proc, seconds, 2, "PREFECT_API_URL", url)


def test_dead_dask_address(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc, seconds = _run_cli(["run", "--raw", str(RAW), "--out", str(tmp_path / "out"),
                              "--dask-address", f"tcp://127.0.0.1:{port}"], tmp_path)
    _assert_fails_fast(proc, seconds, 2, "--dask-address")


def test_locked_output_exits_3_at_once(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    fd = os.open(out / ".lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        proc, seconds = _run_cli(["run", "--raw", str(RAW), "--out", str(out)], tmp_path)
    finally:
        os.close(fd)
    _assert_fails_fast(proc, seconds, 3, "another nato-briefs run", "--wait-lock")
    assert seconds < 5


def test_the_command_line_imports_no_prefect_before_it_decides_about_its_api():
    """The core CLI never imports Prefect, and flows.cli not at import: PREFECT_API_URL must be set first."""
    code = ("import sys, nato_briefs.cli, nato_briefs.processes, nato_briefs.interrupts, flows.cli\n"
            "flows.cli.cli.parser().parse_args(['run', '--workers', '2'])\n"
            "assert not [m for m in sys.modules if m.split('.')[0] == 'prefect'], 'prefect imported'\n")
    proc = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(PROJECT)},
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_serve_needs_a_server_that_answers():
    assert "PREFECT_API_URL is not set" in serve_problem(None).message
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    problem = serve_problem(f"http://127.0.0.1:{port}/api")
    assert problem.exit_code == 2 and "did not answer its health check" in problem.message
