"""The rebuild scheduler of `kbgen serve`: one build at a time, started by the changes the
watchers report (and again when the user changed something during a build); the previewer
(kbgen/serve/previewer.py) shows an edited article meanwhile, even during a build; the outcome
goes to the terminal and to the shared status."""

from __future__ import annotations

import os
import queue
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from kbgen import parallel, report
from kbgen.errors import BuildError, Problem, ProjectLocked
from kbgen.project import Layout
from kbgen.serve.previewer import Previewer
from kbgen.serve.status import LiveState, Status
from kbgen.serve.watch import FOLDER, Signature, Watcher, signature

if TYPE_CHECKING:
    from kbgen.build import BuildSummary
    from kbgen.preview import PreviewBase


PREVIEW_FIRST = 5.0  # seconds a rebuild waits for the preview of its changes (the model may be loading)


class _Reported:
    """Where the watchers put the paths that changed: the previewer is told at once, whatever
    the rebuild thread is doing, and the rebuild thread's queue gets them."""

    def __init__(self, rebuilder: Rebuilder):
        self.rebuilder = rebuilder

    def put(self, paths: set[Path]) -> None:
        if self.rebuilder.previewer:
            self.rebuilder.previewer.edited(paths)
        self.rebuilder.changes.put(paths)


class Rebuilder:
    """Runs the builds, one at a time, and tells the terminal and the pages how they went."""

    def __init__(self, project: Path, out: Path, state: LiveState, drafts: bool = False):
        self.project, self.out, self.state, self.drafts = project, out, state, drafts
        self.changes: queue.Queue = queue.Queue()
        self.previewer: Previewer | None = None  # started with the rebuilds, after the first build
        self.knowledge: PreviewBase | None = None  # what the last good build knew, for previews
        self.watcher = Watcher(project, _Reported(self))
        self.snapshot: dict[Path, Signature] = {}
        self.stopping = threading.Event()
        self.thread = parallel.in_background(self._run, "kbgen rebuild")

    def first_build(self) -> None:
        self.watcher.refresh()
        outcome = self._build()
        self._record(outcome)
        if isinstance(outcome, BuildError):
            report.first_build_failed(outcome.problems, site_left=(self.out / "index.html").is_file())
        else:
            report.first_build_done(outcome)

    def start(self) -> None:
        self.previewer = Previewer(self.project, self.out, self.state)
        if self.knowledge is not None:
            self.previewer.rebase(self.knowledge)
        self.thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self.watcher.stop()
        if self.previewer:
            self.previewer.stop()

    def _run(self) -> None:
        self._warm()
        forced: set[Path] = set()  # changed during the last build: build again, whatever they look like now
        while not self.stopping.is_set():
            try:
                changed = self.changes.get(timeout=0.01 if forced else 0.2)
            except queue.Empty:
                if not forced:
                    continue
                changed = set()
            while True:
                try:
                    changed |= self.changes.get_nowait()
                except queue.Empty:
                    break
            # the build's own writes (generated pages, entities.yml) come back as changes: skip them
            changed = {p for p in changed if signature(p) != self.snapshot.get(p)} | forced
            if forced and self.previewer:
                # Previewed during the last build by the model alone: again now that no build
                # holds the project, so the extraction cache keeps what the model read and this
                # process need not load the model for the build.
                self.previewer.edited(forced)
            forced = self._rebuild(changed) if changed else set()
            self.watcher.refresh()

    def _rebuild(self, changed: set[Path]) -> set[Path]:
        """Build after `changed`; return what the user changed during the build, to build again."""
        if self.previewer:
            self.previewer.wait(PREVIEW_FIRST)  # the preview first: the build would hold the project
        # Taken after the preview, which it would delay (a stat of every watched file), and before
        # the build, which reads the files as they are now.
        before = self._take_snapshot()
        started = time.perf_counter()
        outcome = self._build()
        took = time.perf_counter() - started
        if self.stopping.is_set():
            return set()
        what = _describe(changed, self.project)
        if isinstance(outcome, ProjectLocked):
            self._record(outcome)
            report.rebuild_waits(what)
            self.stopping.wait(1)
            return changed
        written = set() if isinstance(outcome, BuildError) else {p.absolute() for p in outcome.ingested.written}
        after = self.snapshot
        edited = {
            p
            for p in before.keys() | after.keys()
            if before.get(p) != after.get(p)
            and FOLDER not in (before.get(p), after.get(p))
            and p not in written
            and not self._written_by_build(p, before)
        }
        self._record(outcome, edited)
        if isinstance(outcome, BuildError):
            report.rebuild_failed(what, took, outcome.problems)
        else:
            report.rebuilt(what, took, outcome)
        return edited

    def _warm(self) -> None:
        """Ready for previews: what the last build knew (a first build that found the site up to
        date linked nothing); the previewer loads the model meanwhile."""
        from kbgen.build import link_project, project_lock
        from kbgen.preview import PreviewBase

        try:
            if self.knowledge is None and self.state.status.ok and self.previewer:
                with project_lock(Layout.of(self.project)):
                    self.knowledge = PreviewBase.of(link_project(self.project))
                self.previewer.rebase(self.knowledge)
        except (BuildError, OSError):
            pass  # no previews until a build succeeds: each edit waits for its rebuild

    def _build(self) -> BuildSummary | BuildError:
        """One build: its BuildSummary, or the BuildError that stopped it."""
        from kbgen.build import build
        from kbgen.preview import PreviewBase

        self.state.update(building=True)
        outcome: BuildSummary | BuildError
        try:
            summary = build(self.project, self.out, keep_knowledge=True, drafts=self.drafts)
            if summary.knowledge is not None:
                self.knowledge = PreviewBase.of(summary.knowledge)
                if self.previewer:
                    self.previewer.rebase(self.knowledge)
                summary = replace(summary, knowledge=None)
        except BuildError as exc:
            outcome = exc
        except Exception as exc:  # a bug in kbgen: report it like a problem and keep serving
            if os.environ.get("KBGEN_DEBUG"):
                import traceback

                traceback.print_exc()
            outcome = BuildError(
                [
                    Problem(
                        "kbgen",
                        None,
                        f"internal error: {type(exc).__name__}: {exc}",
                        "rerun with KBGEN_DEBUG=1 and report it",
                    )
                ]
            )
        else:
            outcome = summary
        self.snapshot = self._take_snapshot()
        return outcome

    def _record(self, outcome, edited: frozenset[Path] | set[Path] = frozenset()) -> None:
        """The build's outcome in the status open pages are told; the previews of the articles
        `edited` while it ran are kept (the next build replaces them), the others dropped. One
        change of the status, so that a preview made meanwhile is neither lost nor counted twice."""
        if isinstance(outcome, ProjectLocked):  # not a failed build: it runs again in a second
            self.state.update(building=False)
            return

        def recorded(status: Status) -> Status:
            previews = self.previewer.kept(status.previews, set(edited)) if self.previewer else {}
            if isinstance(outcome, BuildError):
                errors = tuple(map(str, outcome.problems))
                return replace(
                    status, building=False, ok=False, attempts=status.attempts + 1, errors=errors, previews=previews
                )
            return replace(
                status,
                building=False,
                ok=True,
                attempts=status.attempts + 1,
                build=status.build + 1,
                errors=(),
                previews=previews,
            )

        self.state.change(recorded)

    def _written_by_build(self, path: Path, before: dict[Path, Signature]) -> bool:
        """content/entities.yml written with its template when missing, or a page generated from
        a seed (by a build that then failed, so its report of written pages is lost)."""
        from kbgen.ingest import is_unedited

        layout = Layout.of(self.project)
        if path == layout.curation:
            return before.get(path) is None
        if path.parent != layout.articles or path.suffix != ".md":
            return False
        try:
            return is_unedited(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError):
            return False

    def _take_snapshot(self) -> dict[Path, Signature]:
        return {p: signature(p) for p in self.watcher.files()}


def _describe(changed: set[Path], project: Path) -> str:
    names = sorted(p.relative_to(project).as_posix() if p.is_relative_to(project) else str(p) for p in changed)
    return f"{names[0]} changed" if len(names) == 1 else f"{names[0]} and {len(names) - 1} more changed"
