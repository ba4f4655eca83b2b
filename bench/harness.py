"""Benchmark harness: the real pipeline (CLI subprocess) at several corpus sizes, against a markdown-it floor.

``python -m bench --sizes 1000 10000 100000 --repeat 3`` (``make bench``) does, for every size:

1. generates a deterministic corpus once (``bench/corpus.py``, seed-sized 3-8 KB articles by default) under
   ``bench/out/corpus/`` and reuses it across repeats and sessions;
2. per repeat, measures the *floor*: reading every file plus a bare ``MarkdownIt("commonmark").parse()`` of
   every document, in one process and spread over 2 processes (``multiprocessing.Pool`` over file chunks);
3. per repeat, runs ``python -m flows run`` (the ``nato-briefs`` CLI) in a subprocess on a fresh output folder,
   sampling the RSS of the whole process tree every ~50 ms, and reads the per-stage times from the run summary
   JSON (``stage_seconds``: ingest, parse, normalize, write; seconds spent inside the batch workers, summed over
   workers) and the wall times of the Prefect tasks (validate, publish, the batch phase ...) from the Prefect
   database of the session's temporary ``PREFECT_HOME`` (falling back to the timestamps of the log lines);
4. adds 1% new articles (another seed) in a sub-folder and re-runs incrementally on the same output folder.

It prints one markdown table per size, the targets (met / not met) and, unless ``--no-results``, writes
``bench/RESULTS.md`` and the raw numbers to ``bench/results.json``. A failed run is reported with the tail of its
stderr, never a crash of the harness.

This module is the CLI only: ``bench/measure.py`` runs things and records raw data (including the Prefect
task runs of every pipeline run), ``bench/analysis.py`` turns raw data into the breakdown, aggregates and
verdicts (pure functions, unit-tested), ``bench/render.py`` writes the tables.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.analysis import all_ok, summarize
from bench.measure import BENCH_DIR, PROJECT_DIR, bench_size, log, machine_info, new_size_result, pipeline_env, warm_up
from bench.render import render_console, render_report


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Benchmark the nato-briefs pipeline (the real CLI) at several corpus sizes against a "
        "markdown-it floor; writes bench/RESULTS.md and bench/results.json.",
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000], help="corpus sizes (docs)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; medians are reported (default 3)")
    parser.add_argument("--workers", type=int, default=None, help="pass --workers N to the pipeline")
    parser.add_argument("--batch-size", type=int, default=None, help="pass --batch-size N to the pipeline")
    parser.add_argument("--min-bytes", type=int, default=3000, help="smallest article (default 3000: seed-sized)")
    parser.add_argument("--max-bytes", type=int, default=8000, help="largest article (default 8000: seed-sized)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (the incremental files use seed + 1)")
    parser.add_argument("--no-variants", dest="variants", action="store_false", help="plain seed-style articles")
    parser.add_argument(
        "--incremental-pct",
        type=float,
        default=1.0,
        help="new files for the incremental run, in %% of the size (default 1; 0 = no incremental run)",
    )
    parser.add_argument("--floor-procs", type=int, default=2, help="processes of the parallel floor (default 2)")
    parser.add_argument("--no-floor", dest="floor", action="store_false", help="skip the markdown-it floor")
    parser.add_argument("--with-report", action="store_true", help="let the pipeline build its HTML report too")
    parser.add_argument(
        "--warmup",
        dest="warmup",
        action="store_true",
        default=None,
        help="one uncounted run first (default when --repeat > 1)",
    )
    parser.add_argument("--no-warmup", dest="warmup", action="store_false")
    parser.add_argument("--sample-ms", type=int, default=50, help="RSS sampling period (default 50 ms)")
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds before a pipeline run is killed")
    parser.add_argument("--no-results", action="store_true", help="do not write bench/RESULTS.md and results.json")
    parser.add_argument(
        "--render", action="store_true", help="only rewrite RESULTS.md from results.json (wording, verdicts); no run"
    )
    parser.add_argument("--results-dir", type=Path, default=BENCH_DIR, help="where RESULTS.md and results.json go")
    parser.add_argument("--work-dir", type=Path, default=BENCH_DIR / "out", help="corpora and run logs (bench/out)")
    parser.add_argument("--keep-outputs", action="store_true", help="keep each run's OUT folder")
    parser.add_argument(
        "--project",
        type=Path,
        default=PROJECT_DIR,
        help="checkout whose `flows` package is benchmarked (default: this one)",
    )
    args = parser.parse_args(argv)
    if any(s < 1 for s in args.sizes) or args.repeat < 1 or args.floor_procs < 1:
        parser.error("--sizes, --repeat and --floor-procs must be positive")
    if not 1000 <= args.min_bytes <= args.max_bytes:
        parser.error("need 1000 <= --min-bytes <= --max-bytes")
    if args.warmup is None:
        args.warmup = args.repeat > 1
    args.work_dir = args.work_dir.resolve()
    args.project = args.project.resolve()
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.render:
        return rerender(args.results_dir)
    command = "python -m bench " + " ".join(sys.argv[1:] if argv is None else argv)
    sizes = sorted(dict.fromkeys(args.sizes))
    machine = machine_info(args.project)
    log(
        f"{machine['cpu_model']} x{machine['nproc']}, load {machine['loadavg_at_start'][0]:.2f}; sizes {sizes}, "
        f"{args.repeat} repeat(s)"
    )
    stamp = time.strftime("%Y%m%dT%H%M%S")
    runs_dir = args.work_dir / "runs" / f"{stamp}-{os.getpid()}"
    session = Path(tempfile.mkdtemp(prefix="nato-bench-prefect-"))
    prefect_home = session / "prefect_home"
    prefect_home.mkdir()
    env = pipeline_env(prefect_home)
    results: list[dict] = []
    warmup = None
    try:
        if args.warmup:
            warmup = warm_up(args, env, prefect_home, runs_dir)
        for size in sizes:
            result = new_size_result(args, size)
            results.append(result)
            try:
                bench_size(args, env, result, prefect_home, runs_dir)
            except Exception as exc:  # a bug or an environment problem: report it, go on with the next size
                log(f"size {size:,}: harness error {type(exc).__name__}: {exc}")
                result["error"] = f"{type(exc).__name__}: {exc}"
    except KeyboardInterrupt:
        log("interrupted: reporting what was measured so far")
    finally:
        shutil.rmtree(session, ignore_errors=True)
    doc = {
        "machine": machine,
        "config": {
            "command": command,
            "sizes": sizes,
            "repeat": args.repeat,
            "workers": args.workers,
            "batch_size": args.batch_size,
            "min_bytes": args.min_bytes,
            "max_bytes": args.max_bytes,
            "seed": args.seed,
            "variants": args.variants,
            "incremental_pct": args.incremental_pct,
            "floor_procs": args.floor_procs,
            "floor": args.floor,
            "with_report": args.with_report,
            "warmup": args.warmup,
            "sample_ms": args.sample_ms,
            "runs_dir": str(runs_dir),
        },
        "warmup": warmup,
        "results": results,
    }
    summarize(doc)
    print(render_console(doc), flush=True)
    if not args.no_results:
        write_results(doc, args.results_dir)
    log(f"run logs: {runs_dir}")
    return 0 if all_ok(results, sizes) else 1


def write_results(doc: dict, results_dir: Path) -> None:
    """RESULTS.md and results.json; a hand-written section after ANALYSIS_MARKER in RESULTS.md is kept."""
    results_dir.mkdir(parents=True, exist_ok=True)
    (results_dir / "results.json").write_text(json.dumps(doc, indent=1, default=str) + "\n")
    report = results_dir / "RESULTS.md"
    analysis = ""
    if report.exists() and ANALYSIS_MARKER in report.read_text():
        analysis = report.read_text().split(ANALYSIS_MARKER, 1)[1]
    report.write_text(render_report(doc) + (f"\n{ANALYSIS_MARKER}{analysis}" if analysis else ""))
    log(f"wrote {report} and {results_dir / 'results.json'}")


ANALYSIS_MARKER = "## Analysis (written by hand"


def rerender(results_dir: Path) -> int:
    """``--render``: RESULTS.md again from results.json with the current wording and verdicts, no run."""
    doc = json.loads((results_dir / "results.json").read_text())
    summarize(doc)
    write_results(doc, results_dir)
    return 0
