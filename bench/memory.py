"""Where a build's memory goes: the build process's resident size at the end of each stage, and
the largest resident size of each kind of process in its tree (the build, its forked writers,
NER workers, Pagefind), sampled every 0.2 s from outside the build.

    python bench/memory.py PROJECT OUT [--jobs N]

The build runs in a child process of this one (`kbgen.build.build`, as `kbgen build` runs it),
which prints its stages as they end; this process only watches, so the build has no thread of
ours (a thread in a process that forks its workers can kill them).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

SAMPLE_SECONDS = 0.2


def _status(pid: int | str) -> dict:
    fields = {}
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                key, _, value = line.partition(":")
                if key in ("Name", "PPid", "VmRSS", "VmHWM"):
                    fields[key] = value.strip() if key == "Name" else int(value.split()[0])
    except (OSError, ValueError):
        return {}
    return fields


def _tree_peaks(root: int, peaks: Counter) -> None:
    """Fold the resident size of every process under `root` into `peaks`, by kind."""
    processes = {int(p): s for p in os.listdir("/proc") if p.isdigit() and "VmRSS" in (s := _status(p))}
    tree, grew = {root}, True
    while grew:
        found = {pid for pid, s in processes.items() if pid not in tree and s["PPid"] in tree}
        tree |= found
        grew = bool(found)
    for pid in tree & processes.keys():
        s = processes[pid]
        kind = "build" if pid == root else f"{'child' if s['PPid'] == root else 'grandchild'} {s['Name']}"
        peaks[kind] = max(peaks[kind], s["VmRSS"] // 1024)


def _build(project: Path, out: Path, jobs: int) -> None:
    """The build, printing its resident size when each stage ends (run in the child)."""
    import kbgen.build as build

    done = build._StageClock.done

    def told(clock, stage: str) -> None:
        done(clock, stage)
        s = _status("self")
        print(f"{stage:>8}: {s['VmRSS'] // 1024:6,} MiB (highest so far {s['VmHWM'] // 1024:,})", flush=True)

    build._StageClock.done = told  # type: ignore[method-assign]
    summary = build.build(project, out, jobs=jobs, one_shot=True)
    print(f"{summary.articles:,} articles, {summary.entities:,} entities, {summary.pages:,} pages", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _build(args.project, args.out, args.jobs)
        return
    where = [str(Path(__file__).absolute()), str(args.project.absolute()), str(args.out.absolute())]
    command = [sys.executable, *where, "--jobs", str(args.jobs), "--child"]
    child = subprocess.Popen(command, cwd="/")
    peaks: Counter = Counter()
    while child.poll() is None:
        _tree_peaks(child.pid, peaks)
        time.sleep(SAMPLE_SECONDS)
    print("largest resident size by kind of process, MiB:")
    for kind, mib in peaks.most_common():
        print(f"  {kind}: {mib:,}")
    sys.exit(child.returncode)


if __name__ == "__main__":
    main()
