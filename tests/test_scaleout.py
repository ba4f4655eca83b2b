"""Scale-out paths: a real Dask cluster through prefect-dask, and a non-local fsspec filesystem."""

from __future__ import annotations

import pandas as pd
import pytest

from flows.cli import main
from nato_briefs.schema import DATASETS
from tests.test_incremental import _corpus, assert_same, datasets

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]


def test_dask_cluster_gives_the_same_datasets(tmp_path):
    from distributed import LocalCluster

    raw = _corpus(tmp_path / "raw", 12)
    assert main(["run", "--raw", str(raw), "--out", str(tmp_path / "local"), "--workers", "1", "--no-report"]) == 0
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        code = main(
            [
                "run",
                "--raw",
                str(raw),
                "--out",
                str(tmp_path / "dask"),
                "--batch-size",
                "4",
                "--validation-chunk-docs",
                "3",  # four validation groups: validated side by side on the cluster
                "--dask-address",
                cluster.scheduler_address,
                "--no-report",
            ]
        )
    assert code == 0
    assert_same(datasets(tmp_path / "local"), datasets(tmp_path / "dask"))


def test_memory_filesystem_output(tmp_path):
    import fsspec

    raw = _corpus(tmp_path / "raw", 4)
    url = "memory://nato-briefs-test/out"
    assert main(["run", "--raw", str(raw), "--out", url, "--workers", "1"]) == 0
    fs = fsspec.filesystem("memory")
    assert fs.exists("/nato-briefs-test/out/_manifest.json")
    local = tmp_path / "local"
    assert main(["run", "--raw", str(raw), "--out", str(local), "--workers", "1", "--no-report"]) == 0
    for name in DATASETS:
        remote = pd.read_parquet(f"{url}/{name}")
        pd.testing.assert_frame_equal(remote, pd.read_parquet(local / name), obj=name)
    # a second run replaces the version: the folder holds only the current files
    (raw / "part0" / "doc_000.md").unlink()
    assert main(["run", "--raw", str(raw), "--out", url, "--workers", "1"]) == 0
    assert len(pd.read_parquet(f"{url}/documents")) == 4
