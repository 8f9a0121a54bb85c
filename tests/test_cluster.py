"""Extraction on a Dask distributed cluster (a LocalCluster here) gives the same site as a local build."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import GOLDEN_PROJECT, site_files, write

from kbgen.build import build
from kbgen.errors import BuildError

distributed = pytest.importorskip("distributed")


def test_a_cluster_build_equals_a_local_build(tmp_path):
    local, remote = tmp_path / "local", tmp_path / "remote"
    shutil.copytree(GOLDEN_PROJECT, local)
    shutil.copytree(GOLDEN_PROJECT, remote)
    for i in range(60):  # more than one batch
        write(
            remote / f"content/articles/extra-{i:02}.md",
            f"---\ntitle: Extra {i}\n---\nMarie Dupont est à Lyon ({i}).\n",
        )
        write(
            local / f"content/articles/extra-{i:02}.md", f"---\ntitle: Extra {i}\n---\nMarie Dupont est à Lyon ({i}).\n"
        )
    build(local, local / "_site")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        build(remote, remote / "_site", scheduler=cluster.scheduler_address)
    assert site_files(local / "_site") == site_files(remote / "_site")


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr("kbgen.cluster.CONNECT_TIMEOUT", "2s")
    shutil.copytree(GOLDEN_PROJECT, tmp_path / "p")
    with pytest.raises(BuildError, match=re.escape("cannot reach the Dask scheduler at tcp://127.0.0.1:1")):
        build(tmp_path / "p", scheduler="tcp://127.0.0.1:1")
