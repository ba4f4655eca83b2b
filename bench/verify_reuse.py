"""What verified reuse costs: checksum throughput, and a +1% incremental run with and without checks.

    python -m bench.verify_reuse checksums --mb 100
    python -m bench.verify_reuse incremental --n 10000 --repeat 3 --label new

``checksums`` hashes a part set of the given size with BLAKE2b and SHA-256 (stdlib)
and, when importable, xxhash. ``incremental`` publishes an N-file corpus once, then
times runs that add 1% of files, each on a fresh copy of that published root:
``--verify off|on`` (size+rows checks, or checksums too). Run it with the
PYTHONPATH of an older checkout (``--label old``) to time code without the checks.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from nato_briefs.config import Settings


def checksums(mb: int, work: Path) -> dict[str, float]:
    """MB/s of each algorithm over part-like files (1-4 MB each) totalling ``mb``."""
    folder = work / f"partset-{mb}"
    folder.mkdir(parents=True, exist_ok=True)
    sizes = [(1 + i % 4) * 1_000_000 for i in range(mb * 4 // 10)]
    for i, size in enumerate(sizes):
        path = folder / f"part-{i:05d}.parquet"
        if not path.exists():
            path.write_bytes(os.urandom(size))
    algorithms = {"blake2b": hashlib.blake2b, "sha256": hashlib.sha256}
    try:
        import xxhash

        algorithms |= {"xxh3_128": xxhash.xxh3_128, "xxh64": xxhash.xxh64}
    except ImportError:
        pass
    total = sum(sizes)
    rates = {}
    for name, make in algorithms.items():
        best = min(_hash_all(folder, make) for _ in range(3))
        rates[name] = round(total / best / 1e6)
        print(f"{name:9s} {total / 1e6:.0f} MB in {best:.3f} s: {rates[name]:,} MB/s")
    return rates


def _hash_all(folder: Path, make) -> float:
    started = time.perf_counter()
    for path in sorted(folder.iterdir()):
        digest = make()
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        digest.hexdigest()
    return time.perf_counter() - started


def incremental(n: int, repeat: int, label: str, work: Path) -> dict:
    from flows.cli import start_api

    server = start_api()  # the runs' own API, started before Prefect is imported (as the CLI does)
    from flows.pipeline import nato_briefs_flow

    corpus, extra = _corpus(n, work)
    published = work / f"out-{label}"
    shutil.rmtree(published, ignore_errors=True)
    modes = ["off", "on"]  # Settings.verify; "none" measured a version before the option existed
    figures: dict = {"n": n, "added": len(extra), "label": label, "runs": {}}
    if server is not None:
        server.wait_ready(120)
    try:
        started = time.perf_counter()
        full = nato_briefs_flow(str(corpus), str(published))
        figures["full_wall"] = round(time.perf_counter() - started, 2)
        figures["full_flow"] = round(full["seconds"], 2)
        for mode in modes:
            walls, flows = [], []
            for _ in range(repeat):
                wall, seconds = _one_increment(nato_briefs_flow, corpus, extra, published, work, mode)
                walls.append(wall)
                flows.append(seconds)
            figures["runs"][mode] = {
                "wall_median": round(statistics.median(walls), 2),
                "walls": walls,
                "flow_median": round(statistics.median(flows), 2),
            }
    finally:
        if server is not None:
            server.stop()
    if "on" in modes:
        figures["checks"] = check_costs(published, repeat)
    print(json.dumps(figures, indent=1))
    return figures


def check_costs(published: Path, repeat: int) -> dict:
    """The checks alone, on the published root: input index read vs size+rows vs checksums too."""
    from nato_briefs.config import Settings
    from nato_briefs.planner import config_fingerprint, load_previous, read_previous
    from nato_briefs.publish import OutputRoot, read_input_index

    root = OutputRoot.open(published)
    manifest = read_previous(root, config_fingerprint(Settings())).manifest
    costs = {"parts": sum(len(b.parts) for b in manifest.batches), "bytes": 0}
    costs["bytes"] = sum(p.size for b in manifest.batches for p in b.parts.values())
    timings = {
        "input_index": lambda: read_input_index(root, manifest.to_dict()),
        "size_rows": lambda: load_previous(root, manifest, False),
        "checksums": lambda: load_previous(root, manifest, True),
    }
    for name, call in timings.items():
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            call()
            samples.append(time.perf_counter() - started)
        costs[name] = round(statistics.median(samples), 3)
    return costs


def _one_increment(flow, corpus: Path, extra: list[Path], published: Path, work: Path, mode: str):
    out = work / "out-increment"
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(published, out, symlinks=True)
    added = [Path(shutil.copy(path, corpus / path.name)) for path in extra]
    kwargs = {} if mode == "none" else {"settings": Settings(verify=mode == "on")}
    try:
        started = time.perf_counter()
        summary = flow(str(corpus), str(out), **kwargs)
        wall = round(time.perf_counter() - started, 2)
    finally:
        for path in added:
            path.unlink()
    assert summary["files_parsed"] == len(extra), summary
    return wall, round(summary["seconds"], 2)


def _corpus(n: int, work: Path) -> tuple[Path, list[Path]]:
    """N files to publish, and 1% more (generated with them, kept aside) to add."""
    corpus = work / f"corpus-{n}"
    aside = work / f"extra-{n}"
    if not corpus.exists():
        extra_n = max(1, n // 100)
        subprocess.run([sys.executable, "-m", "bench.corpus", str(corpus), "--n", str(n + extra_n)], check=True)
        aside.mkdir(parents=True, exist_ok=True)
        files = sorted(p for p in corpus.rglob("*") if p.is_file())
        for path in files[:: max(1, len(files) // extra_n)][:extra_n]:
            path.rename(aside / path.name)
        time.sleep(2.1)  # older than the racy window: the full run trusts their stat signatures
    return corpus, sorted(aside.iterdir())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["checksums", "incremental"])
    parser.add_argument("--mb", type=int, default=100)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--label", default="new")
    parser.add_argument("--work", type=Path, default=Path("bench/out/verify_reuse"))
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    if args.what == "checksums":
        checksums(args.mb, args.work)
    else:
        incremental(args.n, args.repeat, args.label, args.work.resolve())


if __name__ == "__main__":
    main()
