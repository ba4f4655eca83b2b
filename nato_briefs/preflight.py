"""Checks a run makes before anything heavy: each names the problem and the fix, in well under 10 s.

Pure functions of their arguments (paths, URLs, the environment mapping), so the
CLI can call them before Prefect, pandas or Great Expectations are imported: a
wrong setting costs a second, not the ~15 s of start-up it used to take before
failing, or a hang. Each check returns ``None`` or a :class:`Problem`.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import socket
import tempfile
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

USAGE = 2  # exit status of a wrong setting
LOCKED = 3  # exit status when another run holds the output lock
HEALTH_TIMEOUT_SECONDS = 3.0
CONNECT_TIMEOUT_SECONDS = 3.0


@dataclass(frozen=True)
class Problem:
    """One failed check: the line the operator reads and the exit status."""

    message: str
    exit_code: int = USAGE


def check_positive(option: str, value: float | None) -> Problem | None:
    """A count or size option must be > 0 (None means "use the default")."""
    if value is not None and value <= 0:
        return Problem(f"{option} must be a positive number, got {value:g}; omit it to use the default")
    return None


def check_non_negative(option: str, value: float | None) -> Problem | None:
    """Options where 0 has a meaning (e.g. ``--inline-max-files 0``: always a pool)."""
    if value is not None and value < 0:
        return Problem(f"{option} must be 0 or more, got {value:g}")
    return None


def check_raw(raw: str) -> Problem | None:
    if not Path(raw).is_dir():
        return Problem(f"raw folder {raw!r} does not exist or is not a folder; pass --raw DIR with the articles")
    return None


def check_out(out: str, raw: str, allow_out_in_raw: bool = False) -> Problem | None:
    """``--out`` must be a folder (or not exist yet), and not inside RAW: outputs would be read as input."""
    if "://" in out:
        return None
    out_path = Path(out).expanduser()
    if out_path.exists() and not out_path.is_dir():
        return Problem(f"--out {out!r} is a file, not a folder; pass a folder path (it is created if missing)")
    raw_real, out_real = Path(raw).resolve(), out_path.resolve()
    if not allow_out_in_raw and (out_real == raw_real or raw_real in out_real.parents):
        return Problem(
            f"--out {out!r} is inside the raw folder {raw!r}; choose a folder outside it (or pass --allow-out-in-raw)"
        )
    return None


def _nearest_existing(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def check_writable(name: str, path: str | Path) -> Problem | None:
    """``path`` (or the folder it would be created in) accepts a new file."""
    target = _nearest_existing(Path(path).expanduser())
    if not target.is_dir():
        return Problem(f"{name} {str(path)!r} is not a folder; point {name} at a writable folder")
    try:
        with tempfile.TemporaryFile(dir=target):
            pass
    except OSError as exc:
        return Problem(
            f"{name} {str(path)!r} is not writable ({exc.strerror}); "
            f"fix its permissions or point {name} at a writable folder"
        )
    return None


def prefect_home(environ: Mapping[str, str]) -> Path:
    """Prefect's home folder: ``PREFECT_HOME``, else ``~/.prefect`` (Prefect's documented default)."""
    return Path(environ.get("PREFECT_HOME") or Path(environ.get("HOME") or Path.home()) / ".prefect").expanduser()


def _toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}


def _dotenv_value(path: Path, key: str) -> str | None:
    with contextlib.suppress(OSError, UnicodeDecodeError):
        for line in path.read_text(encoding="utf-8").splitlines():
            name, sep, value = line.removeprefix("export ").partition("=")
            if sep and name.strip() == key:
                return value.strip().strip("'\"") or None
    return None


def configured_api_url(environ: Mapping[str, str], cwd: Path | None = None) -> str | None:
    """The Prefect API URL a run would use, read from the sources Prefect documents, in its order.

    Read here, before Prefect is imported, because the CLI must decide whether
    to start its own ephemeral API (and put its URL in the environment) before
    Prefect reads its settings. ``tests/test_preflight.py`` compares the answer
    with Prefect's own resolution for every source, so drift fails loudly.
    """
    cwd = cwd or Path.cwd()
    if environ.get("PREFECT_API_URL"):
        return environ["PREFECT_API_URL"]
    from_dotenv = _dotenv_value(cwd / ".env", "PREFECT_API_URL")
    if from_dotenv:
        return from_dotenv
    from_toml = _toml(cwd / "prefect.toml").get("api", {}).get("url")
    if from_toml:
        return from_toml
    from_pyproject = _toml(cwd / "pyproject.toml").get("tool", {}).get("prefect", {}).get("api", {}).get("url")
    if from_pyproject:
        return from_pyproject
    profiles_path = Path(environ.get("PREFECT_PROFILES_PATH") or prefect_home(environ) / "profiles.toml")
    profiles = _toml(profiles_path.expanduser())
    active = environ.get("PREFECT_PROFILE") or profiles.get("active") or "ephemeral"
    return profiles.get("profiles", {}).get(active, {}).get("PREFECT_API_URL") or None


def check_api_health(url: str, timeout: float = HEALTH_TIMEOUT_SECONDS) -> Problem | None:
    """A configured Prefect API answers ``GET <url>/health`` within ``timeout`` seconds.

    A server that accepts connections but never answers used to hang a run silently.
    """
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/health", timeout=timeout) as response:
            if response.status == 200:
                return None
            reason = f"HTTP {response.status}"
    except urllib.error.HTTPError as exc:
        reason = f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = str(getattr(exc, "reason", exc)) or type(exc).__name__
    return Problem(
        f"the Prefect API at PREFECT_API_URL={url} did not answer its health check in {timeout:g} s "
        f"({reason}); start that server, or unset PREFECT_API_URL to use a temporary one"
    )


def check_dask_address(address: str, timeout: float = CONNECT_TIMEOUT_SECONDS) -> Problem | None:
    """``--dask-address`` accepts a TCP connection within ``timeout`` seconds."""
    parsed = urllib.parse.urlsplit(address if "://" in address else f"tcp://{address}")
    try:
        host, port = parsed.hostname, parsed.port
    except ValueError:
        host, port = None, None
    if not host or not port:
        return Problem(f"--dask-address {address!r} is not of the form tcp://HOST:PORT")
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
    return Problem(
        f"no Dask scheduler answers at --dask-address {address} ({reason}); "
        "start the cluster or drop --dask-address to use the local process pool"
    )


def check_dask_inline(dask_address: str | None, inline_max_files: int | None) -> Problem | None:
    """``--inline-max-files N`` (N > 0) given with ``--dask-address``: one of them would be ignored.

    With a cluster every batch runs on it; a small run read in the flow's process would
    leave the cluster idle without a word (issue 15), so the pair is refused, not guessed.
    """
    if dask_address and inline_max_files:
        return Problem(
            f"--inline-max-files {inline_max_files} has no effect with --dask-address (every batch runs "
            "on the cluster); drop --inline-max-files, or drop --dask-address to read small runs inline"
        )
    return None


DATABASE_URL_VARIABLES = ("PREFECT_SERVER_DATABASE_CONNECTION_URL", "PREFECT_API_DATABASE_CONNECTION_URL")


def check_database_location(environ: Mapping[str, str]) -> Problem | None:
    """A SQLite database configured for the run's own Prefect API can be created where it is set.

    Without this the API server finds out after ~7 s of CPU spent importing itself (20 s on a
    loaded machine); the check costs a stat. Other databases are the server's business: its own
    first error line is reported if it fails to start.
    """
    name = next((key for key in DATABASE_URL_VARIABLES if environ.get(key)), None)
    if name is None:
        return None
    url = environ[name].replace("${PREFECT_HOME}", str(prefect_home(environ)))
    scheme, sep, rest = url.partition(":///")
    if not sep or scheme.split("+")[0] != "sqlite":
        return None
    path = rest.split("?", 1)[0]
    if not path or path == ":memory:" or path.startswith("file:"):
        return None
    db = Path(path).expanduser()
    if db.is_dir():
        return Problem(f"{name} names a folder ({db}), not a database file; point it at a file path")
    if check_writable(name, db.parent) is not None:
        return Problem(
            f"{name} puts the Prefect database at {db}, but {db.parent} is not a writable folder; "
            "point it at a writable folder, or unset it to use PREFECT_HOME"
        )
    return None


def check_lock_free(out: str) -> Problem | None:
    """Nobody holds ``OUT/.lock``: a non-blocking shared flock, released at once, writes nothing.

    The run takes the real (exclusive) lock later; this only saves the start-up
    of a run that would be refused anyway.
    """
    if "://" in out:
        return None
    lock = Path(out).expanduser() / ".lock"
    try:
        fd = os.open(lock, os.O_RDONLY)
    except OSError:
        return None  # no lock file yet, or unreadable: the run's own lock decides
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno not in (errno.EAGAIN, errno.EACCES):
            return None
        holder = os.pread(fd, 512, 0).decode("utf-8", "replace").strip() or "unknown holder"
        return Problem(
            f"another nato-briefs run is writing to {out} ({holder}); "
            "wait for it to finish or pass --wait-lock SECONDS",
            LOCKED,
        )
    finally:
        os.close(fd)  # closing releases the shared lock
    return None


def first_problem(*problems: Problem | None) -> Problem | None:
    """The first failed check, in the order given."""
    return next((problem for problem in problems if problem is not None), None)
