"""Benchmark rendering: the markdown tables of ``bench/RESULTS.md`` and the console summary."""

from __future__ import annotations

from bench.analysis import INCREMENTAL_FOLDER, MB, mb


def _fmt_s(s: dict | None) -> str:
    if not s:
        return "-"
    if s["n"] == 1:
        return f"{s['median']:.2f}"
    return f"{s['median']:.2f} ({s['min']:.2f}-{s['max']:.2f})"


def _num(value: float) -> str:
    """About three significant digits, thousands separated."""
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def _rate(amount: float, s: dict | None) -> str:
    if not s or not s["median"]:
        return "-"
    return _num(amount / s["median"])


def _times(n: int) -> str:
    return f" x{n}" if n > 1 else ""


def render_size(result: dict) -> str:
    agg = result["aggregate"]
    corpus = result["corpus"]
    n, nb = corpus["n_docs"], corpus["bytes"]
    lines = [
        f"### {n:,} documents ({nb / MB:,.1f} MB, {corpus['min_bytes']}-{corpus['max_bytes']} B articles, "
        f"seed {corpus['seed']})",
        "",
    ]
    if result.get("error"):
        lines += [f"**Harness error**: {result['error']}", ""]
    failed = [r for r in result["repeats"] if not r.get("full", {}).get("ok")]
    for r in failed:
        lines += _failure(f"Repeat {r['repeat']}", r.get("full", {}))
    for r in result["repeats"]:
        inc = r.get("incremental")
        if inc and not inc.get("ok") and not inc.get("skipped"):
            lines += _failure(f"Repeat {r['repeat']} incremental run", inc)
    if not agg["repeats_ok"]:
        lines.append("No successful run at this size.")
        return "\n".join(lines) + "\n"
    st = agg["stage_seconds"]
    floor1, floor2 = agg["floor1"], agg["floor2"]
    lines += [
        f"Medians over {agg['repeats_ok']} successful repeat(s) of {agg['repeats']}, (min-max) when several. "
        "ingest/parse/normalize/write are seconds inside the batch workers summed over workers (run summary "
        "`stage_seconds`); validate/publish and the rest are wall seconds.",
        "",
        "| stage | seconds | docs/s | MB/s | vs floor |",
        "|---|---:|---:|---:|---|",
    ]
    for name in ("ingest", "parse", "normalize", "write", "validate", "publish"):
        lines.append(f"| {name} | {_fmt_s(st[name])} | {_rate(n, st[name])} | {_rate(nb / MB, st[name])} | |")
    pn, pn2 = agg["pn_vs_floor1"], agg.get("pn_vs_floor2")
    versus = [f"**{pn2['median']:.0%}** of the 2-process floor per core (target >= 70%)"] if pn2 else []
    versus += [f"{pn['median']:.0%} of the 1-process floor"] if pn else []
    lines.append(
        f"| **parse+normalize** | {_fmt_s(st['parse+normalize'])} | {_rate(n, st['parse+normalize'])} | "
        f"{_rate(nb / MB, st['parse+normalize'])} | " + ("; ".join(versus) or "-") + " |"
    )
    e2e = agg["e2e_vs_floor2"]
    lines.append(
        f"| **end to end** (process wall) | {_fmt_s(agg['wall'])} | {_rate(n, agg['wall'])} | "
        f"{_rate(nb / MB, agg['wall'])} | " + (f"**{e2e['median']:.0%}** of 2-process floor" if e2e else "-") + " |"
    )
    f2 = agg["flow_vs_floor2"]
    lines.append(
        f"| flow only (summary `seconds`) | {_fmt_s(agg['flow_seconds'])} | {_rate(n, agg['flow_seconds'])} | "
        f"{_rate(nb / MB, agg['flow_seconds'])} | " + (f"{f2['median']:.0%} of 2-process floor" if f2 else "-") + " |"
    )
    lines.append(
        f"| floor, 1 process (read + `MarkdownIt('commonmark').parse`) | {_fmt_s(floor1)} | {_rate(n, floor1)} | "
        f"{_rate(nb / MB, floor1)} | parse alone {_fmt_s(agg['floor1_parse'])} s |"
    )
    lines.append(
        f"| floor, {result['floor_procs']} processes (Pool) | {_fmt_s(floor2)} | {_rate(n, floor2)} | "
        f"{_rate(nb / MB, floor2)} | CPU {_fmt_s(agg.get('floor2_cpu'))} s summed over the processes |"
    )
    if agg["incremental_wall"]:
        share, fshare = agg["incremental_share"], agg["incremental_flow_share"]
        inc_docs = corpus["incremental_docs"]
        lines.append(
            f"| incremental (+{inc_docs:,} new docs, process wall) | {_fmt_s(agg['incremental_wall'])} | | | "
            f"**{share['median']:.0%}** of full run (flow only {_fmt_s(agg['incremental_flow'])} s = "
            f"{fshare['median']:.0%}; target < 10%) |"
        )
    lines.append("")
    rss, single, pss = agg["peak_rss_tree"], agg["peak_rss_single"], agg["peak_pss_tree"]
    text = (
        f"Peak RSS, whole process tree (sum, sampled every {result['sample_ms']} ms): "
        f"**{mb(rss['median']) if rss else '-'} MB** (max {mb(rss['max']) if rss else '-'} MB; target < 1,500 MB)"
    )
    breakdown = agg.get("peak_rss_breakdown")
    if breakdown:
        text += "; at the peak: " + ", ".join(
            f"{role}{_times(v['processes'])} {mb(v['rss_bytes'])} MB"
            for role, v in sorted(breakdown.items(), key=lambda kv: -kv[1]["rss_bytes"])
        )
    text += (
        f". Largest single process {mb(single['median']) if single else '-'} MB; up to "
        f"{agg['peak_processes']['max'] if agg['peak_processes'] else '-'} processes."
    )
    if pss:
        text += f" Peak PSS sum (shared pages split, what the tree really occupies) {mb(pss['median'])} MB."
    text += f" CPU time of the tree {_fmt_s(agg['cpu_seconds'])} s."
    if agg["incremental_peak_rss_tree"]:
        text += f" Incremental run peak RSS {mb(agg['incremental_peak_rss_tree']['median'])} MB."
    lines += [text, ""]
    tl = agg["timeline"]
    if any(tl.values()):
        labels = {
            "startup": "start-up (interpreter, imports, ephemeral Prefect API)",
            "discover": "discover task",
            "plan": "plan + submit batches (process pool start)",
            "batches": "batches (ingest, parse, normalize, write in workers)",
            "finalize": "finalize duplicates",
            "validate": "validate task (Great Expectations)",
            "pre_publish": "summary + manifest",
            "publish": "publish task",
            "flow_tail": "artifacts, flow end",
            "teardown": "API shutdown, exit",
        }
        wall = agg["wall"]["median"] if agg["wall"] else None
        lines += [
            "Where the wall time goes (Prefect task/flow run times):",
            "",
            "| segment | seconds | share of wall |",
            "|---|---:|---:|",
        ]
        for key, label in labels.items():
            s = tl.get(key)
            if s:
                share = f"{s['median'] / wall:.0%}" if wall else "-"
                lines.append(f"| {label} | {_fmt_s(s)} | {share} |")
        lines.append("")
    sizes = agg["output_sizes"]
    if sizes:
        records = agg["records"] or {}
        lines += ["Output (published version after the full run):", "", "| dataset | rows | bytes |", "|---|---:|---:|"]
        for name, value in sizes.items():
            if name == "_total_on_disk":
                continue
            rows = records.get(name)
            lines.append(f"| {name} | {'' if rows is None else f'{rows:,}'} | {value:,} |")
        lines.append(f"| OUT on disk (all versions) | | {sizes.get('_total_on_disk', 0):,} |")
        lines.append("")
    if agg["incremental_summary"]:
        s = agg["incremental_summary"]
        lines.append(
            f"Incremental run: mode {s['mode']}, {s['files_found']:,} files found, {s['files_parsed']:,} parsed, "
            f"{s['files_reused']:,} reused; {s['batches_reused']} of {s['batches']} batches reused whole. "
            + "Its wall time: "
            + ", ".join(f"{k} {_fmt_s(v)} s" for k, v in agg["incremental_timeline"].items() if v)
            + "."
        )
        lines.append("")
    return "\n".join(lines) + "\n"


def render_targets(targets: list[dict]) -> str:
    lines = ["| target | status | measured |", "|---|---|---|"]
    for t in targets:
        lines.append(f"| {t['target']} | **{t['status']}** | {t['detail']} |")
    return "\n".join(lines) + "\n"


def render_linearity(pairs: list[dict]) -> str:
    if not pairs:
        return "Only one size: no linearity figure.\n"
    lines = ["| sizes | ideal | end-to-end wall | flow only | parse+normalize |", "|---|---:|---:|---:|---:|"]

    def x(v: float | None) -> str:
        return "-" if v is None else f"x{v:.2f}"

    for p in pairs:
        lines.append(
            f"| {p['from']:,} -> {p['to']:,} | x{p['ideal']:.0f} | {x(p['wall_ratio'])} | {x(p['flow_ratio'])} | "
            f"{x(p['pn_ratio'])} |"
        )
    return "\n".join(lines) + "\n"


def render_report(doc: dict) -> str:
    m = doc["machine"]
    cfg = doc["config"]
    pkgs = ", ".join(f"{k} {v}" for k, v in m["packages"].items() if v)
    ram = f"{m['ram_bytes'] / 1e9:.1f} GB" if m.get("ram_bytes") else "?"
    loads = [r["full"]["loadavg_before"][0] for s in doc["results"] for r in s["repeats"] if r.get("full")]
    pipeline_flags = "python -m flows run --raw RAW --out OUT --summary-json FILE"
    if not cfg["with_report"]:
        pipeline_flags += " --no-report"
    if cfg["workers"]:
        pipeline_flags += f" --workers {cfg['workers']}"
    if cfg["batch_size"]:
        pipeline_flags += f" --batch-size {cfg['batch_size']}"
    workers = cfg["workers"] or f"default = CPU count ({m['cpu_count']})"
    load_note = f"; 1-min load average before the runs {min(loads):.2f}-{max(loads):.2f}" if loads else ""
    parts = [
        "# nato-briefs benchmark results",
        "",
        f"Generated by `{cfg['command']}` (bench/harness.py). Raw numbers: `bench/results.json`.",
        "",
        "## Machine",
        "",
        f"- date: {m['date']}",
        f"- CPU: {m['cpu_model']}, `nproc` = {m['nproc']}; RAM {ram}",
        f"- OS: {m['os']}; Python {m['python']}",
        f"- packages: {pkgs}",
        f"- git commit: {m['git_commit']}{' (with uncommitted changes)' if m['git_dirty'] else ''}",
        f"- load average at start: {', '.join(f'{v:.2f}' for v in m['loadavg_at_start'])}{load_note}",
        "",
        f"Figures are medians over {cfg['repeat']} repeat(s), with the min-max spread. On a shared machine "
        "(see the load averages) absolute times are noisy: compare ratios measured in the same session "
        "(pipeline vs floor, incremental vs full) rather than absolute times across sessions.",
        "",
        "## Setup",
        "",
        f"- pipeline: `{pipeline_flags}` in a subprocess (workers: {workers}), fresh OUT per repeat, one "
        "temporary PREFECT_HOME (SQLite) for the session"
        + (", primed by a warm-up run that is not counted" if cfg["warmup"] else "")
        + ".",
        f"- corpus: `bench/corpus.py`, articles of {cfg['min_bytes']}-{cfg['max_bytes']} bytes "
        f"(seed {cfg['seed']}, variants {'on' if cfg['variants'] else 'off'}), generated once per size under "
        "`bench/out/corpus/` and reused.",
        "- floor: read every file + bare `MarkdownIt('commonmark').parse()` of every document, in one process "
        f"and in a {cfg['floor_procs']}-process `multiprocessing.Pool` (file chunks), measured in each repeat "
        "right before the pipeline run. (The pipeline's parser also enables the GFM table and strikethrough "
        "rules and pre-segments the lines.)",
        "- parse+normalize vs floor, per core: the floor's CPU seconds in the 2-process pool (read + parse, summed "
        "over its processes) / the pipeline's parse + normalize CPU seconds summed over its 2 workers: the same "
        "work per core with both cores busy, as they are in the pipeline. The stricter ratio against the "
        "1-process floor (a quiet machine, one core busy) is shown beside it. End to end vs floor = "
        "2-process floor wall / pipeline process wall.",
        f"- incremental: after the full run, {cfg['incremental_pct']:g}% new articles (seed {cfg['seed'] + 1}) "
        f"are moved into `RAW/{INCREMENTAL_FOLDER}/` (sorted after the existing files) and the pipeline re-runs "
        "on the same OUT without `--full-refresh`; its process wall time is compared with the full run's.",
        "- peak RSS: sum of the RSS of the CLI process and all its descendants (ephemeral API server, batch "
        f"workers), sampled every {cfg['sample_ms']} ms with psutil; pages shared between processes count once "
        "per process, so this overestimates: the peak PSS sum is shown beside it.",
        "- MB = 10^6 bytes, GB = 10^9 bytes.",
        "",
        "## Targets",
        "",
        render_targets(doc["targets"]),
        "## Linearity (ratio of median times)",
        "",
        render_linearity(doc["linearity"]),
        "## Per size",
        "",
    ]
    parts += [render_size(r) for r in doc["results"]]
    return "\n".join(parts)


def render_console(doc: dict) -> str:
    parts = ["", "## Results", ""]
    parts += [render_size(r) for r in doc["results"]]
    parts += ["## Linearity", "", render_linearity(doc["linearity"]), "## Targets", "", render_targets(doc["targets"])]
    return "\n".join(parts)


def _failure(label: str, run: dict) -> list[str]:
    """A failed pipeline run: its error and the tail of its stderr, fenced."""
    tail = run.get("stderr_tail", "") or "(empty)"
    return [f"**{label} FAILED** ({run.get('error', 'unknown error')}); stderr tail:", "", "```", tail, "```", ""]
