"""bench/dask_cluster.py, which `bench/run.py --dask` times the Dask path with: the cluster it
starts and stops, and its byte-for-byte comparison of two sites."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from dask_cluster import LocalCluster, tree_differences


def test_two_sites_differ_by_the_files_whose_bytes_differ_or_only_one_has(tmp_path):
    for side in ("a", "b"):
        (tmp_path / side / "entities").mkdir(parents=True)
        (tmp_path / side / "index.html").write_bytes(b"<h1>Accueil</h1>")
        (tmp_path / side / "entities" / "lyon.html").write_bytes(b"Lyon")
    assert tree_differences(tmp_path / "a", tmp_path / "b") == []
    (tmp_path / "b" / "entities" / "lyon.html").write_bytes(b"Lyom")  # same size, other bytes
    (tmp_path / "b" / "entities" / "paris.html").write_bytes(b"Paris")
    (tmp_path / "a" / "old").mkdir()
    assert tree_differences(tmp_path / "a", tmp_path / "b") == ["entities/lyon.html", "entities/paris.html", "old"]


def test_the_bench_cluster_runs_work_on_its_workers_and_stops(tmp_path):
    distributed = pytest.importorskip("distributed")
    with LocalCluster(tmp_path, 2) as cluster, distributed.Client(cluster.address) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        assert client.gather(client.map(abs, [-1, -2])) == [1, 2]
        processes = list(cluster.processes)
    assert all(p.poll() is not None for p in processes) and cluster.processes == []
    assert cluster.cpu_seconds > 0 and cluster.peak_worker_mib > 0
