"""A Dask cluster on this machine for the bench (`bench/run.py --dask`): one `dask scheduler`
and `dask worker`s of one thread each (no nanny, so that each worker's own use is measured), started as the documented commands a
user would run, and stopped at the end; and the byte-for-byte check of two output trees."""

from __future__ import annotations

import filecmp
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

STARTUP_SECONDS = 60  # the scheduler and workers import Dask (a few seconds on a loaded machine)


class LocalCluster:
    """`with LocalCluster(folder, workers) as cluster:` a scheduler at `cluster.address`, with
    `workers` workers connected to it. The processes' logs go into `folder`; once stopped,
    `cpu_seconds` and `peak_worker_mib` say what the workers used (from wait4)."""

    def __init__(self, folder: Path, workers: int) -> None:
        self.folder, self.workers = folder, workers
        self.dask = Path(sys.executable).with_name("dask")  # the interpreter's own: same kbgen and model
        self.processes: list[subprocess.Popen] = []
        self.address = ""
        self.cpu_seconds = 0.0
        self.peak_worker_mib = 0.0

    def __enter__(self) -> LocalCluster:
        self.folder.mkdir(parents=True, exist_ok=True)
        info = self.folder / "scheduler.json"
        info.unlink(missing_ok=True)
        try:
            self._start("scheduler", ["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard"], info)
            self.address = self._wait_for_address(info)
            for number in range(self.workers):
                args = ["worker", "--nthreads", "1", "--no-nanny", "--no-dashboard"]
                args += ["--local-directory", str(self.folder / f"worker-{number}")]
                self._start(f"worker-{number}", args, info)
            self._wait_for_workers()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc) -> None:
        for proc in reversed(self.processes):  # workers first, so none complains of a lost scheduler
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
            _, _, usage = os.wait4(proc.pid, 0)
            self.cpu_seconds += usage.ru_utime + usage.ru_stime
            if proc is not self.processes[0]:
                self.peak_worker_mib = max(self.peak_worker_mib, usage.ru_maxrss / 1024)
        self.processes = []

    def _start(self, name: str, args: list[str], info: Path) -> None:
        log = open(self.folder / f"{name}.log", "wb")
        with log:
            self.processes.append(
                subprocess.Popen(
                    [str(self.dask), *args, "--scheduler-file", str(info)],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )

    def _wait_for_address(self, info: Path) -> str:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.processes[0].poll() is not None:
                raise RuntimeError(f"dask scheduler ended; see {self.folder / 'scheduler.log'}")
            try:
                return json.loads(info.read_text("utf-8"))["address"]
            except (OSError, ValueError, KeyError):
                time.sleep(0.2)
        raise RuntimeError(f"dask scheduler not up in {STARTUP_SECONDS} s; see {self.folder / 'scheduler.log'}")

    def _wait_for_workers(self) -> None:
        from distributed import Client

        with Client(self.address, timeout=STARTUP_SECONDS) as client:
            client.wait_for_workers(self.workers, timeout=STARTUP_SECONDS)


def tree_differences(a: Path, b: Path) -> list[str]:
    """The relative paths of the files that differ between two folders, byte for byte, or that
    only one of them has (like `diff -rq`), sorted."""
    found = []

    def walk(comparison: filecmp.dircmp, prefix: str) -> None:
        found.extend(
            prefix + name
            for name in comparison.left_only + comparison.right_only + comparison.common_funny + comparison.funny_files
        )
        _, mismatch, errors = filecmp.cmpfiles(
            comparison.left, comparison.right, comparison.common_files, shallow=False
        )
        found.extend(prefix + name for name in mismatch + errors)
        for name, sub in comparison.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b, ignore=[]), "")
    return sorted(found)
