"""``python -m bench.validation_bench --out DIR``: time validation of a published output as a run validates it.

The datasets under ``DIR/<name>/`` are read the way a run reads its staged batches for validation
(``nato_briefs.stage.SLIM_COLUMNS`` read as placeholders), then validated ``--repeats`` times in one process
by one :class:`~nato_briefs.validation.Validator` (suites parsed once, a GX engine per pass, as in a run).
Reported: the median wall and CPU seconds of a pass, and the per-suite seconds of the median pass.
CPU time is the steadier figure: the build machine is shared and wall time swings with its load.

``--profile FILE``: also write a cProfile of one more pass (``python -m pstats FILE``).
Build an output first, e.g. ``python -m flows run --raw /tmp/r10k --out /tmp/o10k --no-report``.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import statistics
import time
from pathlib import Path

import pyarrow as pa

from nato_briefs.publish import read_parquet_files
from nato_briefs.schema import DATASETS
from nato_briefs.stage import SLIM_COLUMNS
from nato_briefs.validation import ValidationReport, Validator


def load_for_validation(out: Path) -> dict[str, pa.Table]:
    """Every dataset of ``out`` as one table, free text blanked as a run's validation reads it."""
    from nato_briefs.outroot import OutputRoot

    root = OutputRoot.open(str(out))
    tables = {}
    for name in DATASETS:
        folder = Path(os.path.realpath(out / name))
        parts = sorted(str(p) for p in folder.glob("*.parquet"))
        tables[name] = read_parquet_files(root, parts, name, placeholders=SLIM_COLUMNS.get(name, ()))
    return tables


def timed_pass(validator: Validator, tables: dict[str, pa.Table]) -> tuple[float, float, ValidationReport]:
    wall, cpu = time.perf_counter(), time.process_time()
    report = validator.validate(tables)
    return time.perf_counter() - wall, time.process_time() - cpu, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="a published output folder")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--profile", type=Path, help="write a cProfile of one extra pass here")
    args = parser.parse_args(argv)

    tables = load_for_validation(args.out)
    start = time.perf_counter()
    validator = Validator()
    suites_s = time.perf_counter() - start
    runs = [timed_pass(validator, tables) for _ in range(args.repeats)]
    median_wall = statistics.median(r[0] for r in runs)
    median_run = sorted(runs, key=lambda r: r[0])[len(runs) // 2]
    result = {
        "rows": {name: t.num_rows for name, t in tables.items()},
        "suites_load_s": round(suites_s, 3),
        "wall_s": [round(r[0], 3) for r in runs],
        "cpu_s": [round(r[1], 3) for r in runs],
        "median_wall_s": round(median_wall, 3),
        "median_cpu_s": round(statistics.median(r[1] for r in runs), 3),
        "passed": all(r[2].passed for r in runs),
        "per_suite_s": {s.dataset: round(s.seconds, 3) for s in median_run[2].suites},
    }
    print(json.dumps(result, indent=1))
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(validator.validate, tables)
        profiler.dump_stats(str(args.profile))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
