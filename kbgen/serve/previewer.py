"""Previews of edited articles for `kbgen serve` (kbgen/preview.py), made in a process of their
own, so that an article saved while a rebuild runs is shown a moment later rather than once that
rebuild and the next are done (at 10,000 articles a rebuild takes a minute and more).

The process loads the model once and gets the last good build's knowledge after each build; a
thread here hands it the edited articles as the watchers report them, whatever the rebuild
thread is doing. The model never runs in the build's process, which forks its writers: a fork
taken while another thread holds one of the model's locks can leave a writer waiting for ever."""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
import time
import traceback
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kbgen import parallel, report
from kbgen.project import Layout
from kbgen.serve.status import Status

if TYPE_CHECKING:
    from kbgen.preview import PreviewBase
    from kbgen.serve.status import LiveState


class Previewer:
    """Previews the articles edited(), from the knowledge rebase() gave, into the shared status;
    kept() says which survive a build's end."""

    def __init__(self, project: Path, out: Path, state: LiveState):
        self.project, self.out, self.state = project, out, state
        self.base: PreviewBase | None = None  # as the process has it
        self.sources: dict[str, Path] = {}  # each preview shown -> the article it is of
        # ("base", PreviewBase) or ("edited", paths), in the order they came; None stops
        self._todo: queue.Queue[tuple | None] = queue.Queue()
        self._idle = threading.Condition()
        self._pending = 0  # edits reported and not yet previewed
        context: Any = multiprocessing.get_context(parallel.start_method())  # typeshed: no Process on BaseContext
        self._connection, theirs = context.Pipe()
        self._process = context.Process(target=_previews, args=(theirs, project), daemon=True, name="kbgen preview")
        self._process.start()
        theirs.close()
        self._thread = parallel.in_background(self._run, "kbgen preview")
        self._thread.start()

    def rebase(self, base: PreviewBase) -> None:
        """What the last good build knew, for the previews after this."""
        self._todo.put(("base", base))

    def edited(self, paths: set[Path]) -> None:
        """The watchers' report: the articles among `paths` are previewed as soon as may be."""
        with self._idle:
            self._pending += 1
        self._todo.put(("edited", set(paths)))

    def wait(self, timeout: float) -> None:
        """Until every edit reported has been previewed (or `timeout`): a build started at the
        same time would find the project locked by the preview, or read its article's text again."""
        with self._idle:
            self._idle.wait_for(lambda: self._pending == 0, timeout)

    def kept(self, previews: dict[str, bytes], articles: set[Path]) -> dict[str, bytes]:
        """Of `previews` (the status's, as a build ends: called inside LiveState.change), those of
        `articles`, edited again while the build ran (the next build replaces them); the others
        are forgotten."""
        self.sources = {page: source for page, source in self.sources.items() if source in articles}
        return {page: data for page, data in previews.items() if page in self.sources}

    def stop(self) -> None:
        self._todo.put(None)
        try:
            self._connection.send(("stop", None))
        except OSError:
            pass  # gone already
        self._process.join(1)
        self._process.terminate()

    def _run(self) -> None:
        while (task := self._todo.get()) is not None:
            kind, payload = task
            try:
                if kind == "base":
                    self.base = payload
                    # The articles' related lists stay here (with every related article's text,
                    # they are most of the base); each preview sends its article's.
                    self._connection.send(("base", replace(payload, related={})))
                else:
                    self._preview(payload)
            except (OSError, EOFError):
                return  # the process is gone: serve is stopping
            finally:
                if kind == "edited":
                    with self._idle:
                        self._pending -= 1
                        self._idle.notify_all()

    def _preview(self, paths: set[Path]) -> None:
        """The pages of `paths` in the status, when they are all articles the last build had."""
        folder = Layout.of(self.project).articles
        base = self.base
        if base is None or not self.state.status.ok or any(p.parent != folder or p.suffix != ".md" for p in paths):
            return  # what else changed may change any page: the rebuild shows it
        started = time.perf_counter()
        pages, sources = {}, {}
        for path in sorted(paths):
            slug = base.slugs.get(path.relative_to(self.project))
            if slug is None or not path.is_file():
                return  # a new or deleted article: the rebuild shows it
            self._connection.send(("page", (path, slug, base.related.get(slug, ()))))
            answer = self._connection.recv()
            if answer is None:
                return  # nothing to preview (a broken article): the rebuild says what is wrong
            page = str(self.out / answer[0])
            pages[page], sources[page] = answer[1], path

        def shown(status: Status) -> Status:
            self.sources.update(sources)  # here, as a build's end drops the sources with their pages
            return replace(status, build=status.build + 1, previews={**status.previews, **pages})

        status = self.state.change(shown)
        report.previewed(_described(sorted(paths), self.project), time.perf_counter() - started, status.building)


def _described(articles: list[Path], project: Path) -> str:
    names = [p.relative_to(project).as_posix() for p in articles]
    return f"{names[0]} changed" if len(names) == 1 else f"{names[0]} and {len(names) - 1} more changed"


def _previews(connection, project: Path) -> None:
    """The preview process: the model and the theme loaded once, then each message answered in
    turn: ("base", PreviewBase) kept for the pages after it; ("page", (article, its slug, its
    related list)) answered with (the page's path, its bytes) or None; ("stop", None) ends it."""
    from kbgen.errors import BuildError
    from kbgen.ner import load_model
    from kbgen.preview import preview_article, preview_theme
    from kbgen.project import Project

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is serve's to handle
    try:
        load_model(project)
        preview_theme(Project.load(project))
    except (BuildError, OSError):
        pass  # each preview tries again, and gives None
    base = None
    while True:
        try:
            kind, payload = connection.recv()
        except (EOFError, OSError):
            return
        if kind == "stop":
            return
        if kind == "base":
            base = payload
            continue
        path, slug, related = payload
        page = None
        try:
            if base is not None:
                found = preview_article(project, replace(base, related={slug: related}), path)
                page = (found.path, found.make()) if found else None
        except Exception:  # a template's error, or a bug: no preview, and the rebuild reports it
            if os.environ.get("KBGEN_DEBUG"):
                traceback.print_exc()
        connection.send(page)
