"""Each preflight check on real files, sockets and servers: fast, no Prefect."""

from __future__ import annotations

import fcntl
import json
import os
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from nato_briefs import preflight


def test_positive_and_non_negative_options():
    assert preflight.check_positive("--workers", 4) is None
    assert preflight.check_positive("--workers", None) is None
    for bad in (0, -5, -1.0):
        problem = preflight.check_positive("--batch-size", bad)
        assert problem is not None and problem.exit_code == 2 and "--batch-size" in problem.message
    assert preflight.check_non_negative("--inline-max-files", 0) is None
    assert preflight.check_non_negative("--inline-max-files", -1).exit_code == 2


def test_raw_must_be_a_folder(tmp_path):
    assert preflight.check_raw(str(tmp_path)) is None
    assert "does not exist" in preflight.check_raw(str(tmp_path / "missing")).message


def test_out_must_not_be_a_file(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (tmp_path / "file").write_text("x")
    problem = preflight.check_out(str(tmp_path / "file"), str(raw))
    assert problem is not None and "is a file" in problem.message
    assert preflight.check_out(str(tmp_path / "new" / "out"), str(raw)) is None
    assert preflight.check_out("s3://bucket/prefix", str(raw)) is None


def test_out_inside_raw_is_refused_unless_allowed(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for out in (raw, raw / "outputs", raw / "a" / "b"):
        problem = preflight.check_out(str(out), str(raw))
        assert problem is not None and "--allow-out-in-raw" in problem.message
        assert preflight.check_out(str(out), str(raw), allow_out_in_raw=True) is None
    assert preflight.check_out(str(tmp_path / "raw2"), str(raw)) is None  # a sibling sharing the prefix


def test_writable_folders(tmp_path):
    assert preflight.check_writable("PREFECT_HOME", tmp_path / "not" / "yet" / "made") is None
    (tmp_path / "file").write_text("x")
    problem = preflight.check_writable("PREFECT_HOME", tmp_path / "file" / "home")
    assert problem is not None and "PREFECT_HOME" in problem.message and "not a folder" in problem.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through permissions")
def test_unwritable_folder_by_permissions(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    assert "not writable" in preflight.check_writable("HOME", locked).message


class _Health(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200 if self.path == "/api/health" else 404)
        self.end_headers()
        self.wfile.write(b"true")

    def log_message(self, *args):
        pass


def _serve(handler) -> tuple[HTTPServer, str]:
    server = HTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/api"


def test_api_health_check_passes_on_a_healthy_api():
    server, url = _serve(_Health)
    try:
        assert preflight.check_api_health(url) is None
        assert "HTTP 404" in preflight.check_api_health(url + "/elsewhere").message
    finally:
        server.shutdown()


def test_api_that_accepts_but_never_answers_fails_within_the_timeout():
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # accepts connections (kernel backlog), never answers
    url = f"http://127.0.0.1:{silent.getsockname()[1]}/api"
    try:
        started = time.monotonic()
        problem = preflight.check_api_health(url, timeout=1.0)
        assert time.monotonic() - started < 5
        assert problem is not None and "PREFECT_API_URL" in problem.message and "unset" in problem.message
    finally:
        silent.close()


def test_dask_address_reachable_or_not():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    port = listener.getsockname()[1]
    try:
        assert preflight.check_dask_address(f"tcp://127.0.0.1:{port}") is None
    finally:
        listener.close()
    problem = preflight.check_dask_address(f"tcp://127.0.0.1:{port}", timeout=1.0)
    assert problem is not None and "--dask-address" in problem.message
    assert "HOST:PORT" in preflight.check_dask_address("tcp://nohostport").message


def test_lock_check_sees_a_held_lock_and_writes_nothing(tmp_path):
    assert preflight.check_lock_free(str(tmp_path / "never-run")) is None
    lock = tmp_path / ".lock"
    lock.write_text("pid 123 on host since then")
    assert preflight.check_lock_free(str(tmp_path)) is None
    fd = os.open(lock, os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as nato_briefs.publish.writer_lock holds it
    try:
        problem = preflight.check_lock_free(str(tmp_path))
        assert problem is not None and problem.exit_code == 3 and "pid 123" in problem.message
    finally:
        os.close(fd)
    assert preflight.check_lock_free(str(tmp_path)) is None
    assert lock.read_text() == "pid 123 on host since then"


def test_first_problem_keeps_the_order():
    first, second = preflight.Problem("a"), preflight.Problem("b", 3)
    assert preflight.first_problem(None, first, second) is first
    assert preflight.first_problem(None, None) is None


# -- configured_api_url agrees with Prefect's own resolution: drift fails here --------------------------------------

PREFECTS_ANSWER = "from prefect.settings import get_current_settings; print(get_current_settings().api.url or '')"


def _prefects_api_url(cwd: Path, env: dict[str, str]) -> str | None:
    proc = subprocess.run(
        [sys.executable, "-c", PREFECTS_ANSWER],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return proc.stdout.strip() or None


def _clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    return {**env, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}


SOURCES = {
    "none": ({}, {}),
    "environment": ({"PREFECT_API_URL": "http://env:1/api"}, {}),
    "active profile": ({}, {"profiles.toml": 'active = "team"\n[profiles.team]\nPREFECT_API_URL = "http://p:2/api"\n'}),
    "PREFECT_PROFILE": (
        {"PREFECT_PROFILE": "b"},
        {
            "profiles.toml": 'active = "a"\n[profiles.a]\nPREFECT_API_URL = "http://a:3/api"\n'
            '[profiles.b]\nPREFECT_API_URL = "http://b:4/api"\n'
        },
    ),
    "prefect.toml": ({}, {"cwd/prefect.toml": '[api]\nurl = "http://toml:5/api"\n'}),
    ".env": ({}, {"cwd/.env": "PREFECT_API_URL=http://dotenv:6/api\n"}),
    "pyproject": ({}, {"cwd/pyproject.toml": '[tool.prefect.api]\nurl = "http://py:7/api"\n'}),
    "env beats profile": (
        {"PREFECT_API_URL": "http://env:8/api"},
        {"profiles.toml": 'active = "t"\n[profiles.t]\nPREFECT_API_URL = "http://p:9/api"\n'},
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", list(SOURCES))
def test_configured_api_url_matches_prefects_resolution(tmp_path, case):
    environ, files = SOURCES[case]
    home, cwd = tmp_path / "home", tmp_path / "cwd"
    home.mkdir()
    cwd.mkdir()
    for name, text in files.items():
        (tmp_path / name if name.startswith("cwd/") else home / name).write_text(text)
    env = {**_clean_env(home), **environ}
    ours = preflight.configured_api_url(env, cwd=cwd)
    assert ours == _prefects_api_url(cwd, env), json.dumps({"case": case, "ours": ours})


def test_dask_address_with_inline_max_files_is_refused():
    assert preflight.check_dask_inline(None, 50) is None
    assert preflight.check_dask_inline("tcp://h:1", None) is None  # not given: every batch goes to the cluster
    assert preflight.check_dask_inline("tcp://h:1", 0) is None  # agrees with the cluster
    problem = preflight.check_dask_inline("tcp://h:1", 50)
    assert problem is not None and problem.exit_code == 2 and "--inline-max-files 50" in problem.message


def test_sqlite_database_location(tmp_path):
    (tmp_path / "afile").write_text("x")
    variable = preflight.DATABASE_URL_VARIABLES[1]
    assert preflight.check_database_location({}) is None
    good = {variable: f"sqlite+aiosqlite:///{tmp_path / 'new' / 'prefect.db'}"}
    assert preflight.check_database_location(good) is None
    bad = {variable: f"sqlite+aiosqlite:///{tmp_path / 'afile' / 'prefect.db'}"}
    problem = preflight.check_database_location(bad)
    assert problem is not None and variable in problem.message and str(tmp_path / "afile") in problem.message
    assert "names a folder" in preflight.check_database_location({variable: f"sqlite:///{tmp_path}"}).message
    home = {"PREFECT_HOME": str(tmp_path / "afile"), variable: "sqlite+aiosqlite:///${PREFECT_HOME}/prefect.db"}
    assert preflight.check_database_location(home) is not None
    for other in ("postgresql+asyncpg://u@h/db", "sqlite+aiosqlite:///:memory:", "nosuchdb://x"):
        assert preflight.check_database_location({variable: other}) is None  # the server's own business
