"""Which files `kbgen serve` watches, and how it tells a real change from its own builds' writes:
watchfiles watchers put the changed paths in a queue; file signatures (mtime, size, inode) taken
around each build let the rebuilder skip what the build itself wrote."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import click

from kbgen import parallel
from kbgen.errors import BuildError
from kbgen.project import Layout, Project

STEP_MS = 50  # watchfiles: a change is reported once files have been quiet this long...
DEBOUNCE_MS = 1600  # ...or after this long at most while they keep changing


Signature = tuple[int, int, int] | None
FOLDER = (0, 0, 0)  # a folder's signature: only whether it is there matters


def signature(path: Path) -> Signature:
    try:
        st = path.stat()
    except OSError:
        return None
    return FOLDER if path.is_dir() else (st.st_mtime_ns, st.st_size, st.st_ino)


class Sink(Protocol):
    """Where the paths that changed go (a queue, or kbgen.serve.rebuild's fan-out)."""

    def put(self, paths: set[Path]) -> None: ...


@dataclass(frozen=True)
class WatchPlan:
    deep: tuple[Path, ...]  # watched with everything below them
    flat: tuple[Path, ...]  # watched for their own entries only
    files: frozenset[Path]  # the single files that matter in the flat folders
    folders: tuple[Path, ...]  # the project's input folders, watched when they come or go


class Watcher:
    """Puts the paths that change into `changes`, from watchfiles watchers on the project's
    folders (recursively) and its top level (kbgen.yml, the entity patterns, and the folders
    coming or going). The top level is not watched recursively: _site/ and .venv/ live there."""

    def __init__(self, project: Path, changes: Sink):
        self.project, self.changes = project, changes
        self.plan: WatchPlan | None = None
        self._stops: list[threading.Event] = []

    def make_plan(self) -> WatchPlan:
        layout = Layout.of(self.project)
        deep = tuple(d for d in layout.watched if d.is_dir())
        files = {layout.config_file}
        patterns = _patterns_file(self.project)
        if patterns and not any(patterns.is_relative_to(d) for d in deep):
            files.add(patterns)
        flat = tuple(sorted({f.parent for f in files if f.parent.is_dir()}))
        return WatchPlan(deep, flat, frozenset(files), layout.watched)

    def refresh(self) -> None:
        """Start watching by the current plan, if it changed (the new watchers start before
        the old ones stop, so nothing is missed)."""
        plan = self.make_plan()
        if plan == self.plan:
            return
        stops = []
        if plan.deep:
            stops.append(self._start(plan.deep, True, None))
        top = set(plan.folders) | plan.files
        stops.append(self._start(plan.flat, False, lambda _change, path: Path(path) in top))
        self.stop()
        self.plan, self._stops = plan, stops

    def files(self) -> list[Path]:
        """Every file and folder the watchers cover, for snapshots."""
        found = list(self.plan.files) if self.plan else []
        for folder in self.plan.deep if self.plan else ():
            found.append(folder)
            for parent, dirs, names in os.walk(folder):
                found.extend(Path(parent, n) for n in dirs + names)
        return found

    def stop(self) -> None:
        for stop in self._stops:
            stop.set()
        self._stops = []

    def _start(self, paths, recursive: bool, only) -> threading.Event:
        import watchfiles

        stop = threading.Event()
        keep = only or watchfiles.DefaultFilter()

        def run() -> None:
            try:
                for batch in watchfiles.watch(
                    *paths,
                    watch_filter=keep,
                    recursive=recursive,
                    stop_event=stop,
                    debounce=DEBOUNCE_MS,
                    step=STEP_MS,
                    raise_interrupt=False,
                ):
                    self.changes.put({Path(p) for _, p in batch})
            except Exception as exc:  # a folder vanished, or the system's watch limit
                if not stop.is_set():
                    click.echo(f"kbgen serve: watching {', '.join(map(str, paths))} failed: {exc}", err=True)
                    self.changes.put(set())  # the builder refreshes the plan

        parallel.in_background(run, "kbgen watch").start()
        return stop


def _patterns_file(project: Path) -> Path | None:
    try:
        return Project.load(project).entity_patterns
    except BuildError:
        return None
