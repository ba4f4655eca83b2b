"""Benchmark analysis: from raw measurements to the wall-time breakdown, aggregates, targets, linearity.

Pure functions of data (no process is run here), so every one of them is unit-tested on the data of a real
small measurement (``tests/test_bench_analysis.py``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import statistics

# The segments of ``timeline`` that tile the wall time of a run, in order (its ``flow`` is the flow run alone).
TILES = (
    "startup",
    "discover",
    "plan",
    "batches",
    "finalize",
    "validate",
    "pre_publish",
    "publish",
    "flow_tail",
    "teardown",
)
MB = 1_000_000
# Targets of the issue. GB/MB are decimal (10^9 / 10^6 bytes) everywhere in this harness.
TARGET_E2E_SECONDS_100K = 120.0
TARGET_PEAK_RSS_BYTES = 1.5e9
TARGET_FLOOR_SHARE = 0.70
TARGET_INCREMENTAL_SHARE = 0.10
LINEAR_TOLERANCE = 1.2  # "linear" = time ratio at most 1.2 x the size ratio
INCREMENTAL_FOLDER = "incremental"
LOG_LINE = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d{3}) \| (\w+)\s*\| (.*)$")


def _parse_db_time(value) -> float | None:
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)  # Prefect stores UTC
    return when.timestamp()


# Task names of the flow (flows/pipeline.py) -> phase of the wall-time breakdown. A task run is named
# "<task name>-<suffix>" by Prefect unless the task names its runs: the batch tasks do ("batches-<first>-<last>",
# "link-unchanged-batches"), which is why the phase is found by prefix and not by cutting off a suffix.
TASK_PHASES = (
    ("batches-", "batch"),  # process-batches: "batches-0-7"
    ("link-unchanged-batches", "batch"),  # batches linked whole from the previous version
    ("process-batches", "batch"),
    ("batch-", "batch"),  # runs recorded before the batch tasks were grouped
    ("discover", "discover"),
    ("validate", "validate"),
    ("publish", "publish"),
    ("record_datasets", "record"),  # the flow's last task: data lineage, inside flow_tail
)


def task_phase(name: str) -> str:
    """The phase of one task run, from its run name (unknown names keep their name without the suffix)."""
    for prefix, phase in TASK_PHASES:
        if name.startswith(prefix):
            return phase
    return name.rsplit("-", 1)[0]


def timeline(
    flow: tuple[str | None, str | None] | None,
    tasks: list[tuple[str, str | None, str | None]],
    started_epoch: float,
    ended_epoch: float,
) -> dict:
    """Wall-time segments of one run from its flow run (start, end) and task runs (name, start, end).

    Times are as Prefect stores them (ISO 8601, UTC when naive). Segments that cannot be computed are left
    out; ``batch_tasks`` counts the task runs of the batch phase (0 would mean the phase went unseen).
    """
    if not flow:
        return {}
    flow_start, flow_end = _parse_db_time(flow[0]), _parse_db_time(flow[1])
    spans: dict[str, list[tuple[float, float]]] = {}
    for name, start, end in tasks:
        start_t, end_t = _parse_db_time(start), _parse_db_time(end)
        if start_t is None or end_t is None:
            continue
        spans.setdefault(task_phase(name), []).append((start_t, end_t))

    def first(kind: str) -> float | None:
        return min(s for s, _ in spans[kind]) if kind in spans else None

    def last(kind: str) -> float | None:
        return max(e for _, e in spans[kind]) if kind in spans else None

    def seg(a: float | None, b: float | None) -> float | None:
        return round(b - a, 3) if a is not None and b is not None else None

    out = {
        "startup": seg(started_epoch, flow_start),
        "discover": seg(first("discover"), last("discover")),
        "plan": seg(last("discover"), first("batch")),
        "batches": seg(first("batch"), last("batch")),
        "finalize": seg(last("batch"), first("validate")),
        "validate": seg(first("validate"), last("validate")),
        "pre_publish": seg(last("validate"), first("publish")),
        "publish": seg(first("publish"), last("publish")),
        "flow_tail": seg(last("publish") or last("validate"), flow_end),
        "teardown": seg(flow_end, ended_epoch),
        "flow": seg(flow_start, flow_end),
        "batch_tasks": len(spans.get("batch", [])),
    }
    return {k: v for k, v in out.items() if v is not None}


def stage_wall(timeline_: dict, log_seconds: dict) -> dict:
    """validate / publish wall times: from the Prefect timeline, else from the log lines."""
    wall = {}
    for kind in ("validate", "publish"):
        value = timeline_.get(kind, log_seconds.get(kind))
        if value is not None:
            wall[kind] = value
    return wall


def retime(run: dict) -> None:
    """(Re)compute a pipeline run's ``timeline`` and ``stage_wall`` from its raw Prefect rows, when recorded."""
    raw = run.get("prefect_runs")
    if raw is None or "started_epoch" not in run:
        return
    tasks = [tuple(t) for t in raw["tasks"]]
    run["timeline"] = timeline(raw["flow"], tasks, run["started_epoch"], run["ended_epoch"])
    run["stage_wall"] = stage_wall(run["timeline"], run.get("log_stage_seconds", {}))


def log_stage_seconds(stderr: str) -> dict:
    """validate / publish wall times from the ``HH:MM:SS.mmm | LEVEL | ...`` log lines (fallback)."""
    previous = None
    found: dict[str, float] = {}
    for line in stderr.splitlines():
        match = LOG_LINE.match(line)
        if not match:
            continue
        h, m, s, ms = (int(g) for g in match.groups()[:4])
        stamp = h * 3600 + m * 60 + s + ms / 1000
        message = match.group(6)
        for kind in ("validate", "publish"):
            if message.startswith(f"Task run '{kind}-") and " - Finished" in message and previous is not None:
                found[kind] = round((stamp - previous) % 86400, 3)  # % 86400: a run across midnight
        previous = stamp
    return found


def stats(values: list) -> dict | None:
    values = [v for v in values if v is not None]
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def med(values: list) -> float | None:
    s = stats(values)
    return s["median"] if s else None


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def aggregate(size_result: dict) -> dict:
    """Medians (and min/max) over the successful repeats of one size."""
    reps = size_result["repeats"]
    ok = [r for r in reps if r.get("full", {}).get("ok") and r["full"].get("summary")]
    n_docs = size_result["corpus"]["n_docs"]
    n_bytes = size_result["corpus"]["bytes"]
    agg: dict = {"repeats_ok": len(ok), "repeats": len(reps)}

    def pick(fn) -> dict | None:
        vals = []
        for r in ok:
            try:
                vals.append(fn(r))
            except (KeyError, TypeError, ZeroDivisionError):
                vals.append(None)
        return stats(vals)

    stage = {}
    for name in ("ingest", "parse", "normalize", "write"):
        stage[name] = pick(lambda r, n=name: r["full"]["summary"]["stage_seconds"][n])
    stage["parse+normalize"] = pick(
        lambda r: r["full"]["summary"]["stage_seconds"]["parse"] + r["full"]["summary"]["stage_seconds"]["normalize"]
    )
    for name in ("validate", "publish"):
        stage[name] = pick(lambda r, n=name: r["full"]["stage_wall"][n])
    agg["stage_seconds"] = stage
    agg["wall"] = pick(lambda r: r["full"]["wall_seconds"])
    agg["flow_seconds"] = pick(lambda r: r["full"]["summary"]["seconds"])
    agg["cpu_seconds"] = pick(lambda r: r["full"]["cpu_seconds"])
    agg["peak_rss_tree"] = pick(lambda r: r["full"]["peak_rss_tree_bytes"])
    agg["peak_rss_single"] = pick(lambda r: r["full"]["peak_rss_single_bytes"])
    agg["peak_pss_tree"] = pick(lambda r: r["full"]["peak_pss_tree_bytes"])
    agg["peak_processes"] = pick(lambda r: r["full"]["peak_processes"])
    agg["timeline"] = {k: pick(lambda r, k=k: r["full"]["timeline"][k]) for k in TILES}
    agg["floor1"] = pick(lambda r: r["floor1"]["seconds"])
    agg["floor1_parse"] = pick(lambda r: r["floor1"]["parse_seconds"])
    agg["floor2"] = pick(lambda r: r["floor2"]["seconds"])
    # Per-repeat ratios, then their median (each repeat's floor ran next to its pipeline run).
    agg["pn_vs_floor1"] = pick(
        lambda r: (
            r["floor1"]["seconds"]
            / (r["full"]["summary"]["stage_seconds"]["parse"] + r["full"]["summary"]["stage_seconds"]["normalize"])
        )
    )
    # The same work per core under the same concurrency: the pipeline parses on 2 busy cores, and a
    # core shared with another busy process runs the same code slower (caches, memory bandwidth).
    agg["floor2_cpu"] = pick(lambda r: r["floor2"].get("cpu_seconds"))
    agg["pn_vs_floor2"] = pick(
        lambda r: (
            r["floor2"]["cpu_seconds"]
            / (r["full"]["summary"]["stage_seconds"]["parse"] + r["full"]["summary"]["stage_seconds"]["normalize"])
            if r["floor2"].get("cpu_seconds")
            else None
        )
    )
    agg["e2e_vs_floor2"] = pick(lambda r: r["floor2"]["seconds"] / r["full"]["wall_seconds"])
    agg["flow_vs_floor2"] = pick(lambda r: r["floor2"]["seconds"] / r["full"]["summary"]["seconds"])
    agg["incremental_wall"] = pick(lambda r: r["incremental"]["wall_seconds"] if r["incremental"]["ok"] else None)
    agg["incremental_flow"] = pick(lambda r: r["incremental"]["summary"]["seconds"] if r["incremental"]["ok"] else None)
    agg["incremental_share"] = pick(
        lambda r: r["incremental"]["wall_seconds"] / r["full"]["wall_seconds"] if r["incremental"]["ok"] else None
    )
    agg["incremental_flow_share"] = pick(
        lambda r: (
            r["incremental"]["summary"]["seconds"] / r["full"]["summary"]["seconds"] if r["incremental"]["ok"] else None
        )
    )
    agg["incremental_peak_rss_tree"] = pick(
        lambda r: r["incremental"]["peak_rss_tree_bytes"] if r["incremental"]["ok"] else None
    )
    agg["incremental_timeline"] = {
        k: pick(lambda r, k=k: r["incremental"]["timeline"][k] if r["incremental"]["ok"] else None)
        for k in ("startup", "batches", "validate", "teardown")
    }
    last_ok = ok[-1] if ok else None
    agg["output_sizes"] = last_ok["full"].get("output_sizes") if last_ok else None
    agg["records"] = last_ok["full"]["summary"].get("records") if last_ok else None
    agg["peak_rss_breakdown"] = last_ok["full"].get("peak_rss_breakdown") if last_ok else None
    agg["validation"] = last_ok["full"]["summary"].get("validation") if last_ok else None
    agg["incremental_summary"] = (
        {
            k: last_ok["incremental"]["summary"].get(k)
            for k in ("mode", "files_found", "files_parsed", "files_reused", "batches", "batches_reused")
        }
        if last_ok and last_ok.get("incremental", {}).get("ok") and last_ok["incremental"].get("summary")
        else None
    )
    agg["docs"] = n_docs
    agg["bytes"] = n_bytes
    return agg


def evaluate_targets(results: list[dict], min_bytes: int, max_bytes: int) -> list[dict]:
    seed_sized = (min_bytes, max_bytes) == (3000, 8000)
    by_size = {r["size"]: r["aggregate"] for r in results if r["aggregate"]["repeats_ok"]}
    targets = []

    # 1. 100k seed-sized articles end to end < 120 s.
    if 100_000 in by_size and by_size[100_000]["wall"]:
        value = by_size[100_000]["wall"]["median"]
        status = "met" if value < TARGET_E2E_SECONDS_100K else "not met"
        detail = f"{value:.1f} s (median wall, 100,000 docs)"
    else:
        status, detail = "not measured", "no 100k run"
        sizes = sorted(s for s, a in by_size.items() if a["wall"])
        sizes = [n for n in sizes if n >= 1000]  # below that, fixed costs make any projection meaningless
        if sizes:
            if len(sizes) >= 2:  # fixed + per-document cost from the two largest sizes
                (n1, n2) = sizes[-2:]
                t1, t2 = by_size[n1]["wall"]["median"], by_size[n2]["wall"]["median"]
                per_doc = (t2 - t1) / (n2 - n1)
                projected = t2 + per_doc * (100_000 - n2)
                how = f"linear fit through {n1:,} and {n2:,} docs"
            else:
                n2 = sizes[-1]
                projected = by_size[n2]["wall"]["median"] * 100_000 / n2
                how = f"proportional from {n2:,} docs"
            verdict = "met" if projected < TARGET_E2E_SECONDS_100K else "not met"
            detail = f"not run; projected {projected:.0f} s ({how}) -> would be {verdict}"
    if not seed_sized:
        detail += f" [articles {min_bytes}-{max_bytes} B, not the seed size 3000-8000]"
    targets.append({"target": "100k seed-sized articles end to end < 120 s", "status": status, "detail": detail})

    # 2. Peak RSS < 1.5 GB (sum over the process tree), at every size.
    rss = {s: a["peak_rss_tree"]["max"] for s, a in by_size.items() if a["peak_rss_tree"]}
    if rss:
        worst = max(rss.values())
        status = "met" if worst < TARGET_PEAK_RSS_BYTES else "not met"
        detail = ", ".join(f"{s:,}: {v / MB:,.0f} MB" for s, v in sorted(rss.items())) + " (max over repeats)"
    else:
        status, detail = "not measured", "no successful run"
    targets.append({"target": "peak RSS (process tree) < 1.5 GB", "status": status, "detail": detail})

    # 3. parse+normalize throughput >= 70% of the markdown-it floor, per core: against the floor run with the
    #    pipeline's concurrency (2 processes, CPU seconds summed), and the strict single-process figure beside it;
    #    every size is shown.
    matched = {s: a["pn_vs_floor2"]["median"] for s, a in by_size.items() if a.get("pn_vs_floor2")}
    strict = {s: a["pn_vs_floor1"]["median"] for s, a in by_size.items() if a["pn_vs_floor1"]}
    if matched or strict:
        basis = matched or strict
        # Judged at 100k documents, like the incremental target: at 1k the stage runs in the flow's own process
        # (no pool under --inline-max-files) on cold caches, and a few tenths of a second weigh on a 1 s figure.
        judged = [v for s, v in basis.items() if s >= 100_000] or list(basis.values())
        status = "met" if all(v >= TARGET_FLOOR_SHARE for v in judged) else "not met"
        detail = "same concurrency (2 processes): " + ", ".join(f"{s:,}: {v:.0%}" for s, v in sorted(matched.items()))
        detail += "; against the 1-process floor: " + ", ".join(f"{s:,}: {v:.0%}" for s, v in sorted(strict.items()))
    else:
        status, detail = "not measured", "no successful run"
    targets.append(
        {
            "target": "parse+normalize >= 70% of the markdown-it floor throughput (judged at 100k)",
            "status": status,
            "detail": detail,
        }
    )

    # 4. Incremental +1% < 10% of the full run (process wall time), judged at 100k documents: the scale the
    #    targets are set at. A run's fixed cost (interpreter, Prefect API boot, GX) is ~7 s, more than 10% of a
    #    10-20 s full run at 1k or 10k documents; those sizes are shown, not judged.
    inc = {s: a for s, a in by_size.items() if a["incremental_share"]}
    if inc:
        judged = [a for s, a in inc.items() if s >= 100_000] or list(inc.values())
        status = (
            "met" if all(a["incremental_share"]["median"] < TARGET_INCREMENTAL_SHARE for a in judged) else "not met"
        )
        detail = ", ".join(
            f"{s:,}: {a['incremental_share']['median']:.0%} (flow only {a['incremental_flow_share']['median']:.0%})"
            for s, a in sorted(inc.items())
            if a["incremental_flow_share"]
        )
    else:
        status, detail = "not measured", "no incremental run"
    targets.append(
        {
            "target": "incremental run (+1% files) < 10% of the full run (judged at 100k)",
            "status": status,
            "detail": detail,
        }
    )

    # 5. Linear cost: 10k -> 100k wall time ratio (ideal 10x), else the two largest sizes.
    pairs = linearity(results)
    chosen = next((p for p in pairs if (p["from"], p["to"]) == (10_000, 100_000)), pairs[-1] if pairs else None)
    if chosen and chosen["wall_ratio"]:
        excess = chosen["wall_ratio"] / chosen["ideal"]
        status = "met" if excess <= LINEAR_TOLERANCE else "not met"
        detail = (
            f"{chosen['from']:,} -> {chosen['to']:,} docs: wall x{chosen['wall_ratio']:.2f} "
            f"(ideal x{chosen['ideal']:.0f}; flow only x{chosen['flow_ratio']:.2f})"
        )
        if (chosen["from"], chosen["to"]) != (10_000, 100_000):
            status += " (10k->100k not run)"
    else:
        status, detail = "not measured", "needs two sizes"
    targets.append(
        {"target": f"linear cost (time ratio <= {LINEAR_TOLERANCE} x size ratio)", "status": status, "detail": detail}
    )
    return targets


def linearity(results: list[dict]) -> list[dict]:
    ok = sorted((r for r in results if r["aggregate"]["repeats_ok"]), key=lambda r: r["size"])
    pairs = []
    for a, b in itertools.pairwise(ok):
        aa, bb = a["aggregate"], b["aggregate"]
        pairs.append(
            {
                "from": a["size"],
                "to": b["size"],
                "ideal": b["size"] / a["size"],
                "wall_ratio": ratio(bb["wall"]["median"], aa["wall"]["median"]) if aa["wall"] and bb["wall"] else None,
                "flow_ratio": ratio(bb["flow_seconds"]["median"], aa["flow_seconds"]["median"])
                if aa["flow_seconds"] and bb["flow_seconds"]
                else None,
                "pn_ratio": ratio(
                    bb["stage_seconds"]["parse+normalize"]["median"], aa["stage_seconds"]["parse+normalize"]["median"]
                )
                if aa["stage_seconds"]["parse+normalize"] and bb["stage_seconds"]["parse+normalize"]
                else None,
            }
        )
    return pairs


def all_ok(results: list[dict], sizes: list[int]) -> bool:
    """Every size measured, every run (full and incremental) succeeded."""
    if len(results) < len(sizes) or any(r.get("error") for r in results):
        return False
    for result in results:
        for rep in result["repeats"]:
            inc = rep.get("incremental", {})
            if not rep.get("full", {}).get("ok") or not (inc.get("ok") or inc.get("skipped")):
                return False
    return True


def mb(n: float | None) -> str:
    """Bytes as decimal megabytes with one decimal, '-' when unknown."""
    return "-" if n is None else f"{n / MB:,.1f}"


def summarize(doc: dict) -> None:
    """Aggregates, linearity and target verdicts, from the raw per-repeat records."""
    for result in doc["results"]:
        for record in result.get("repeats", []):
            for kind in ("full", "incremental"):
                if isinstance(record.get(kind), dict):
                    retime(record[kind])
        result["aggregate"] = aggregate(result)
    measured = [r for r in doc["results"] if r["aggregate"]["repeats_ok"]]
    doc["linearity"] = linearity(measured)
    doc["targets"] = evaluate_targets(measured, doc["config"]["min_bytes"], doc["config"]["max_bytes"])
