"""Benchmark measurement: corpora, the markdown-it floor, the pipeline run with its RSS sampled, raw data.

Everything here runs something or reads what a run left behind (summary JSON, Prefect database, output
sizes); what the numbers mean is ``bench/analysis.py``, how they are shown ``bench/render.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import multiprocessing
import os
import platform
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

try:
    import psutil
except ImportError:  # pragma: no cover - psutil comes with the pipeline's dependencies
    psutil = None

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows
    fcntl = None


from bench.analysis import INCREMENTAL_FOLDER, MB, log_stage_seconds, mb, retime

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
INPUT_SUFFIXES = (".txt", ".md")
KEY_PACKAGES = (
    "prefect",
    "markdown-it-py",
    "pyarrow",
    "great_expectations",
    "pandas",
    "numpy",
    "fsspec",
    "dask",
    "distributed",
    "psutil",
)
FLOW_RUN_ID = re.compile(r"/runs/flow-run/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _run_text(cmd: list[str], cwd: Path | None = None) -> str | None:
    try:
        out = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def machine_info(project: Path) -> dict:
    cpu_model = None
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    mem_total = None
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_total = int(line.split()[1]) * 1024
                break
    versions = {}
    for name in KEY_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    commit = _run_text(["git", "rev-parse", "HEAD"], project)
    dirty = _run_text(["git", "status", "--porcelain", "--untracked-files=no"], project)
    nproc = _run_text(["nproc"])
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
        "hostname": platform.node(),
        "nproc": int(nproc) if nproc and nproc.isdigit() else len(os.sched_getaffinity(0)),
        "cpu_count": os.cpu_count(),
        "cpu_model": cpu_model or platform.processor() or None,
        "ram_bytes": mem_total,
        "os": platform.platform(),
        "python": platform.python_version(),
        "python_executable": sys.executable,
        "packages": versions,
        "git_commit": commit,
        "git_dirty": bool(dirty),
        "loadavg_at_start": list(os.getloadavg()),
        "project": str(project),
    }


def list_docs(raw: Path) -> list[Path]:
    """Every article under ``raw`` the way ingest sees it (suffix, no hidden names), sorted."""
    found = []
    for dirpath, dirnames, filenames in os.walk(raw):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found += [Path(dirpath, f) for f in filenames if f.lower().endswith(INPUT_SUFFIXES) and not f.startswith(".")]
    return sorted(found)


def generated_corpus(folder: Path, marker: Path, params: dict) -> int:
    """Bytes of the corpus ``params`` describes (``Corpus.params``' keys) in ``folder``: generated unless ``marker``
    records these params and ``folder`` holds that many documents (100k documents take minutes to write, and
    every run of the harness reads the same ones). The marker goes first, so a generation cut short is redone."""
    from bench.corpus import generate_corpus

    info = None
    with contextlib.suppress(OSError, ValueError):
        info = json.loads(marker.read_text())
    if info and info.get("params") == params and len(list_docs(folder)) == params["n_docs"]:
        return info["bytes"]
    log(f"generating corpus of {params['n_docs']:,} documents in {folder} ...")
    started = time.perf_counter()
    with contextlib.suppress(FileNotFoundError):
        marker.unlink()
    expected = generate_corpus(
        folder,
        params["n_docs"],
        seed=params["seed"],
        min_bytes=params["min_bytes"],
        max_bytes=params["max_bytes"],
        variants=params["variants"],
        overwrite=True,
    )
    n_bytes = sum(e.n_bytes for e in expected)
    marker.write_text(json.dumps({"params": params, "bytes": n_bytes}, indent=1))
    log(f"  {n_bytes / MB:.1f} MB in {time.perf_counter() - started:.1f} s")
    return n_bytes


@contextlib.contextmanager
def corpus_lock(folder: Path) -> Iterator[None]:
    """One harness at a time per corpus (the incremental scenario moves files into it)."""
    folder.mkdir(parents=True, exist_ok=True)
    if fcntl is None:  # pragma: no cover
        yield
        return
    with (folder / ".lock").open("w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log(f"waiting for another benchmark using {folder} ...")
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


class Corpus:
    """A generated corpus (``raw``) and its incremental batch, staged outside ``raw`` between runs."""

    def __init__(
        self,
        folder: Path,
        n_docs: int,
        seed: int,
        min_bytes: int,
        max_bytes: int,
        variants: bool,
        incremental_docs: int,
    ) -> None:
        self.folder = folder
        self.raw = folder / "raw"
        self.n_docs = n_docs
        self.seed = seed
        self.min_bytes = min_bytes
        self.max_bytes = max_bytes
        self.variants = variants
        self.incremental_docs = incremental_docs
        self.incremental_seed = seed + 1
        self.staged = folder / f"inc_s{self.incremental_seed}_n{incremental_docs}" / INCREMENTAL_FOLDER
        self.n_bytes = 0
        self.incremental_bytes = 0

    @property
    def marker(self) -> Path:
        return self.folder / "corpus.json"

    def params(self) -> dict:
        return {
            "n_docs": self.n_docs,
            "seed": self.seed,
            "min_bytes": self.min_bytes,
            "max_bytes": self.max_bytes,
            "variants": self.variants,
        }

    def restore(self) -> None:
        """Put the incremental files back outside ``raw`` (after a crash in the middle of a repeat)."""
        inside = self.raw / INCREMENTAL_FOLDER
        if inside.exists():
            if self.staged.exists():
                shutil.rmtree(inside)
            else:
                self.staged.parent.mkdir(parents=True, exist_ok=True)
                os.rename(inside, self.staged)

    def ensure(self) -> None:
        """Generate the corpus and its incremental batch, each unless its marker says it is there already."""
        self.restore()
        self.n_bytes = generated_corpus(self.raw, self.marker, self.params())
        if self.incremental_docs:
            wanted = {**self.params(), "n_docs": self.incremental_docs, "seed": self.incremental_seed}
            self.incremental_bytes = generated_corpus(self.staged, self.staged.parent / "corpus.json", wanted)

    @contextlib.contextmanager
    def with_incremental(self) -> Iterator[Path]:
        """The incremental articles moved into ``raw/incremental/`` for the duration of the block."""
        inside = self.raw / INCREMENTAL_FOLDER
        os.rename(self.staged, inside)
        try:
            yield inside
        finally:
            os.rename(inside, self.staged)


_FLOOR_MD = None


def _floor_parser():
    global _FLOOR_MD
    if _FLOOR_MD is None:
        from markdown_it import MarkdownIt

        _FLOOR_MD = MarkdownIt("commonmark")
    return _FLOOR_MD


def _floor_chunk(paths: list[str]) -> tuple[int, int, float, float, float]:
    """Read and parse ``paths``; returns (docs, bytes, read seconds, parse seconds, CPU seconds)."""
    md = _floor_parser()
    read_s = parse_s = 0.0
    n_bytes = 0
    cpu_started = time.thread_time()
    for path in paths:
        t0 = time.perf_counter()
        with open(path, "rb") as fh:
            data = fh.read()
        text = data.decode("utf-8", errors="replace")
        t1 = time.perf_counter()
        md.parse(text)
        parse_s += time.perf_counter() - t1
        read_s += t1 - t0
        n_bytes += len(data)
    return len(paths), n_bytes, read_s, parse_s, time.thread_time() - cpu_started


def floor_single(paths: list[Path]) -> dict:
    _floor_parser()  # import and build the parser outside the timed region (the pipeline's workers do too)
    started = time.perf_counter()
    n, n_bytes, read_s, parse_s, cpu_s = _floor_chunk([str(p) for p in paths])
    wall = time.perf_counter() - started
    return {
        "procs": 1,
        "docs": n,
        "bytes": n_bytes,
        "seconds": wall,
        "read_seconds": read_s,
        "parse_seconds": parse_s,
        "cpu_seconds": cpu_s,
    }


def floor_pool(paths: list[Path], procs: int) -> dict:
    """The same work over ``procs`` processes; wall time includes starting and stopping the pool."""
    names = [str(p) for p in paths]
    size = max(1, math.ceil(len(names) / (procs * 8)))
    chunks = [names[i : i + size] for i in range(0, len(names), size)]
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    started = time.perf_counter()
    with ctx.Pool(procs) as pool:
        parts = list(pool.imap_unordered(_floor_chunk, chunks))
    wall = time.perf_counter() - started
    return {
        "procs": procs,
        "docs": sum(p[0] for p in parts),
        "bytes": sum(p[1] for p in parts),
        "seconds": wall,
        "read_seconds": sum(p[2] for p in parts),
        "parse_seconds": sum(p[3] for p in parts),
        "cpu_seconds": sum(p[4] for p in parts),  # summed over the processes, like the pipeline's stage times
    }


def process_role(cmdline: list[str], is_root: bool) -> str:
    """What a process of the pipeline's tree is, from its command line."""
    if is_root:
        return "flow (CLI)"
    text = " ".join(cmdline)
    if "uvicorn" in text or "prefect.server" in text:
        return "Prefect API server"
    if "resource_tracker" in text:
        return "other"
    if "multiprocessing" in text or "spawn_main" in text or "distributed" in text:
        return "batch worker"
    return "other"


class TreeSampler(threading.Thread):
    """Samples the memory of a process and all its descendants every ``interval`` seconds.

    Keeps the peak of the summed RSS (the reported figure; pages shared between processes count once per
    process), the peak of the summed PSS (shared pages split between the processes sharing them, so the sum is
    what the tree really occupies), the largest single RSS, and which processes held what at the RSS peak.
    """

    def __init__(self, pid: int, interval: float) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.stop_event = threading.Event()
        self.peak_sum = 0
        self.peak_pss_sum = 0
        self.peak_single = 0
        self.peak_procs = 0
        self.peak_breakdown: dict[str, list[int]] = {}
        self.samples = 0
        self._roles: dict[int, str] = {}

    def _role(self, proc) -> str:
        if proc.pid not in self._roles:
            try:
                cmdline = proc.cmdline()
            except psutil.Error:
                cmdline = []
            self._roles[proc.pid] = process_role(cmdline, proc.pid == self.pid)
        return self._roles[proc.pid]

    def run(self) -> None:
        if psutil is None:
            return
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self.stop_event.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            total = pss_total = single = alive = 0
            breakdown: dict[str, list[int]] = {}
            for proc in procs:
                try:
                    try:
                        mem = proc.memory_full_info()
                        rss, pss = mem.rss, getattr(mem, "pss", mem.rss)
                    except psutil.AccessDenied:
                        rss = pss = proc.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                pss_total += pss
                single = max(single, rss)
                alive += 1
                entry = breakdown.setdefault(self._role(proc), [0, 0])
                entry[0] += 1
                entry[1] += rss
            if alive:
                self.samples += 1
                if total > self.peak_sum:
                    self.peak_sum = total
                    self.peak_breakdown = breakdown
                self.peak_pss_sum = max(self.peak_pss_sum, pss_total)
                self.peak_single = max(self.peak_single, single)
                self.peak_procs = max(self.peak_procs, alive)
            self.stop_event.wait(self.interval)


def _kill_tree(pid: int) -> None:
    """Kill the pipeline process we started and its descendants (by pid)."""
    if psutil is not None:
        try:
            parent = psutil.Process(pid)
            children = parent.children(recursive=True)
        except psutil.Error:
            children = []
        for child in children:
            with contextlib.suppress(psutil.Error):
                child.kill()
    with contextlib.suppress(OSError):
        os.kill(pid, 9)


def _tail(text: str, lines: int = 30) -> str:
    return "\n".join(text.rstrip().splitlines()[-lines:])


def run_pipeline(
    cmd: list[str], env: dict, cwd: Path, log_dir: Path, name: str, timeout: float, interval: float
) -> dict:
    """Run the CLI once; wall time, tree RSS peak, CPU time of the tree, exit status and logs."""
    log_dir.mkdir(parents=True, exist_ok=True)
    stdout_path, stderr_path = log_dir / f"{name}.stdout", log_dir / f"{name}.stderr"
    usage_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    loadavg = os.getloadavg()
    started_epoch = time.time()
    started = time.perf_counter()
    timed_out = False
    with stdout_path.open("wb") as out, stderr_path.open("wb") as err:
        try:
            proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        except OSError as exc:
            return {"ok": False, "returncode": None, "error": f"could not start {cmd[0]}: {exc}", "stderr_tail": ""}
        sampler = TreeSampler(proc.pid, interval)
        sampler.start()
        try:
            returncode = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            _kill_tree(proc.pid)
            returncode = proc.wait()
        wall = time.perf_counter() - started
        ended_epoch = time.time()
        sampler.stop_event.set()
        sampler.join()
    usage_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    stderr = stderr_path.read_text(errors="replace")
    stdout = stdout_path.read_text(errors="replace")
    result = {
        "ok": returncode == 0 and not timed_out,
        "returncode": returncode,
        "timed_out": timed_out,
        "wall_seconds": wall,
        "started_epoch": started_epoch,
        "ended_epoch": ended_epoch,
        "cpu_seconds": (usage_after.ru_utime - usage_before.ru_utime) + (usage_after.ru_stime - usage_before.ru_stime),
        "peak_rss_tree_bytes": sampler.peak_sum or None,
        "peak_rss_single_bytes": sampler.peak_single or None,
        "peak_pss_tree_bytes": sampler.peak_pss_sum or None,
        "peak_rss_breakdown": {
            role: {"processes": n, "rss_bytes": rss} for role, (n, rss) in sampler.peak_breakdown.items()
        },
        "peak_processes": sampler.peak_procs,
        "rss_samples": sampler.samples,
        "loadavg_before": list(loadavg),
        "stdout_path": str(stdout_path),
        "stderr_path": str(stderr_path),
    }
    if not result["ok"]:
        reason = f"timed out after {timeout:.0f} s" if timed_out else f"exit status {returncode}"
        result["error"] = reason
        result["stderr_tail"] = _tail(stderr) or _tail(stdout)
    result["flow_run_id"] = (FLOW_RUN_ID.findall(stderr) or [None])[-1]
    result["log_stage_seconds"] = log_stage_seconds(stderr)
    return result


def read_prefect_runs(prefect_home: Path, flow_run_id: str | None) -> tuple[tuple | None, list[tuple]]:
    """The flow run (start, end) and its task runs (name, start, end) from the session's Prefect database."""
    db = prefect_home / "prefect.db"
    if not db.exists():
        return None, []
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
        try:
            if flow_run_id is None:
                row = con.execute("SELECT id FROM flow_run ORDER BY start_time DESC LIMIT 1").fetchone()
                flow_run_id = row[0] if row else None
            flow = con.execute("SELECT start_time, end_time FROM flow_run WHERE id = ?", (flow_run_id,)).fetchone()
            tasks = con.execute(
                "SELECT name, start_time, end_time FROM task_run WHERE flow_run_id = ?", (flow_run_id,)
            ).fetchall()
        finally:
            con.close()
    except sqlite3.Error:
        return None, []
    return flow, tasks


def dir_bytes(path: Path) -> int:
    total = 0
    seen: set[tuple[int, int]] = set()
    for dirpath, _dirnames, filenames in os.walk(path):
        for name in filenames:
            try:
                st = os.lstat(os.path.join(dirpath, name))
            except OSError:
                continue
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                total += st.st_size
    return total


def output_sizes(out: Path) -> dict[str, int]:
    """Bytes per published dataset folder (following OUT/<name> -> current/<name>) and OUT on disk."""
    sizes: dict[str, int] = {}
    if not out.is_dir():
        return sizes
    for entry in sorted(out.iterdir()):
        if entry.name.startswith(".") or entry.name == "current":
            continue
        target = entry.resolve()
        if target.is_dir():
            sizes[entry.name] = dir_bytes(target)
        elif target.is_file():
            sizes[entry.name] = target.stat().st_size
    sizes["_total_on_disk"] = dir_bytes(out)  # every version kept, hard links counted once
    return sizes


def read_summary(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def pipeline_env(prefect_home: Path) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not (
            k.startswith("PREFECT_API_")
            or k.startswith("PREFECT_SERVER_DATABASE")
            or k in ("PREFECT_PROFILE", "PREFECT_PROFILES_PATH", "PREFECT_HOME")
        )
    }
    env.update(
        PREFECT_HOME=str(prefect_home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        GX_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
        PREFECT_LOGGING_LEVEL="INFO",
        PREFECT_LOGGING_COLORS="false",
        PYTHONUNBUFFERED="1",
    )
    return env


def pipeline_cmd(args: argparse.Namespace, raw: Path, out: Path, summary: Path) -> list[str]:
    cmd = [sys.executable, "-m", "flows", "run", "--raw", str(raw), "--out", str(out), "--summary-json", str(summary)]
    if not args.with_report:
        cmd.append("--no-report")
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    if args.batch_size:
        cmd += ["--batch-size", str(args.batch_size)]
    return cmd


def measured_run(args, env, raw: Path, out: Path, log_dir: Path, name: str, prefect_home: Path) -> dict:
    summary_path = log_dir / f"{name}.summary.json"
    log_dir.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileNotFoundError):
        summary_path.unlink()
    result = run_pipeline(
        pipeline_cmd(args, raw, out, summary_path),
        env,
        args.project,
        log_dir,
        name,
        args.timeout,
        args.sample_ms / 1000,
    )
    result["summary"] = read_summary(summary_path) if result["ok"] else None
    if result["ok"] and result["summary"] is None:
        result.update(
            ok=False, error="no summary JSON written", stderr_tail=_tail(Path(result["stderr_path"]).read_text())
        )
    flow, tasks = read_prefect_runs(prefect_home, result.get("flow_run_id"))
    # The raw rows travel in results.json: `--render` re-derives the breakdown with the current analysis.
    result["prefect_runs"] = {"flow": list(flow) if flow else None, "tasks": [list(t) for t in tasks]}
    retime(result)
    return result


def new_size_result(args: argparse.Namespace, size: int) -> dict:
    inc_docs = max(1, round(size * args.incremental_pct / 100)) if args.incremental_pct > 0 else 0
    return {
        "size": size,
        "floor_procs": args.floor_procs,
        "sample_ms": args.sample_ms,
        "corpus": {
            "path": None,
            "n_docs": size,
            "bytes": 0,
            "min_bytes": args.min_bytes,
            "max_bytes": args.max_bytes,
            "seed": args.seed,
            "incremental_docs": inc_docs,
            "incremental_bytes": 0,
        },
        "repeats": [],
    }


def bench_size(args, env, result: dict, prefect_home: Path, runs_dir: Path) -> None:
    """Every repeat at one size; fills ``result`` as it goes (a failure keeps what was measured)."""
    size = result["size"]
    inc_docs = result["corpus"]["incremental_docs"]
    folder = (
        args.work_dir
        / "corpus"
        / (f"n{size}_b{args.min_bytes}-{args.max_bytes}_s{args.seed}{'' if args.variants else '_plain'}")
    )
    corpus = Corpus(folder, size, args.seed, args.min_bytes, args.max_bytes, args.variants, inc_docs)
    with corpus_lock(folder):
        corpus.ensure()
        result["corpus"].update(path=str(corpus.raw), bytes=corpus.n_bytes, incremental_bytes=corpus.incremental_bytes)
        paths = list_docs(corpus.raw)
        for rep in range(1, args.repeat + 1):
            record: dict = {"repeat": rep}
            rep_dir = runs_dir / f"n{size}" / f"rep{rep}"
            out = rep_dir / "out"
            if args.floor:
                log(f"{size:,} docs, repeat {rep}/{args.repeat}: floor (1 process) ...")
                record["floor1"] = floor_single(paths)
                log(f"  {record['floor1']['seconds']:.2f} s; floor ({args.floor_procs} processes) ...")
                record["floor2"] = floor_pool(paths, args.floor_procs)
                log(f"  {record['floor2']['seconds']:.2f} s")
            log(f"{size:,} docs, repeat {rep}/{args.repeat}: pipeline, full run ...")
            full = measured_run(args, env, corpus.raw, out, rep_dir, "full", prefect_home)
            record["full"] = full
            if full["ok"]:
                full["output_sizes"] = output_sizes(out)
                st = full["summary"].get("stage_seconds", {})
                log(
                    f"  {full['wall_seconds']:.1f} s wall (flow {full['summary'].get('seconds', 0):.1f} s), "
                    f"peak RSS {mb(full['peak_rss_tree_bytes'])} MB, stages "
                    + ", ".join(f"{k} {v:.2f}" for k, v in st.items())
                    + ", "
                    + ", ".join(f"{k} {v:.2f}" for k, v in full["stage_wall"].items())
                )
                if inc_docs:
                    log(f"{size:,} docs, repeat {rep}/{args.repeat}: incremental run (+{inc_docs:,} docs) ...")
                    with corpus.with_incremental():
                        inc = measured_run(args, env, corpus.raw, out, rep_dir, "incremental", prefect_home)
                    record["incremental"] = inc
                    if inc["ok"]:
                        s = inc["summary"]
                        log(
                            f"  {inc['wall_seconds']:.1f} s wall (flow {s.get('seconds', 0):.1f} s, "
                            f"{inc['wall_seconds'] / full['wall_seconds']:.0%} of full), mode {s.get('mode')}, "
                            f"{s.get('files_parsed')} parsed, {s.get('files_reused')} reused"
                        )
                        inc["output_sizes"] = output_sizes(out)
                    else:
                        log(f"  incremental run FAILED ({inc.get('error')}):\n{inc.get('stderr_tail', '')}")
                else:
                    record["incremental"] = {"ok": False, "skipped": True}
            else:
                log(f"  FAILED ({full.get('error')}):\n{full.get('stderr_tail', '')}")
                record["incremental"] = {"ok": False, "skipped": True}
            if not args.keep_outputs:
                shutil.rmtree(out, ignore_errors=True)
            result["repeats"].append(record)


def warm_up(args, env, prefect_home: Path, runs_dir: Path) -> dict:
    """One tiny run so that creating the Prefect database is not charged to the first measured run."""
    folder = args.work_dir / "corpus" / "warmup_n20"
    corpus = Corpus(folder, 20, 0, 3000, 8000, True, 0)
    with corpus_lock(folder):
        corpus.ensure()
        log("warm-up run (20 docs, not counted) ...")
        out = runs_dir / "warmup" / "out"
        run = measured_run(args, env, corpus.raw, out, runs_dir / "warmup", "warmup", prefect_home)
        shutil.rmtree(out, ignore_errors=True)
    log(f"  {run['wall_seconds']:.1f} s" if run["ok"] else f"  FAILED ({run.get('error')}):\n{run.get('stderr_tail')}")
    return {k: run.get(k) for k in ("ok", "wall_seconds", "error", "stderr_tail")}
