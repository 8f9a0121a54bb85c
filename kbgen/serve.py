"""`kbgen serve`: build, serve the site to this machine, rebuild on every change, reload open pages.

The output folder is served exactly as `kbgen build` wrote it, except that an edited article's
page is shown at once as a preview (kbgen/preview.py) while the rebuild runs. Each HTML page gets one
`<script src="/__kbgen/reload.js">` on its way out (never on disk), an external script so the
pages' Content-Security-Policy (`script-src 'self'`) needs no exception. The script listens to
`/__kbgen/events` (server-sent events) and reloads the page after a good rebuild; after a failed
one it lays the problems over the page, which stays the last good build.
"""

from __future__ import annotations

import functools
import html
import io
import json
import os
import queue
import signal
import sys
import threading
import time
from dataclasses import dataclass, field, replace
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import click

from kbgen.errors import BuildError, Problem
from kbgen.project import Layout

if TYPE_CHECKING:
    from kbgen.preview import PreviewBase

HOST = "127.0.0.1"  # the preview is for this machine only: never another interface
OWN_PREFIX = "/__kbgen/"
SCRIPT_URL = "/__kbgen/reload.js"
EVENTS_URL = "/__kbgen/events"
STATUS_URL = "/__kbgen/status"
KEEPALIVE_SECONDS = 15  # an idle event stream sends a comment this often, so a closed tab is noticed
STEP_MS = 50  # watchfiles: a change is reported once files have been quiet this long...
DEBOUNCE_MS = 1600  # ...or after this long at most while they keep changing
LOCKED = "another kbgen build is running"  # kbgen.build.project_lock's message


@dataclass(frozen=True)
class Status:
    """What open pages are told. `build` counts good builds and previews: a page from an older
    one reloads."""

    build: int = 0
    attempts: int = 0  # finished builds, good or failed
    ok: bool = True
    building: bool = False
    errors: tuple[str, ...] = ()  # the problems of the last build, when it failed
    # Pages served in place of the output's files (by path) until the build under way ends.
    previews: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)

    def to_json(self) -> bytes:
        return json.dumps({"build": self.build, "attempts": self.attempts, "ok": self.ok,
                           "building": self.building, "errors": list(self.errors)}).encode()


class LiveState:
    """The current Status, shared by the builder thread and every request thread."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._status = Status()
        self.stopped = False

    @property
    def status(self) -> Status:
        return self._status

    def update(self, **changes) -> Status:
        with self._changed:
            self._status = replace(self._status, **changes)
            self._changed.notify_all()
            return self._status

    def wait(self, seen: Status | None, timeout: float) -> Status:
        """The status once it is no longer `seen` (or after `timeout`, or on stop)."""
        with self._changed:
            self._changed.wait_for(lambda: self._status is not seen or self.stopped, timeout)
            return self._status

    def stop(self) -> None:
        with self._changed:
            self.stopped = True
            self._changed.notify_all()


# ---------------------------------------------------------------------------- HTTP


def with_reload_script(page: bytes, build: int) -> bytes:
    """`page` with the reload script just before its last `</body>` (or at its end)."""
    tag = f'<script src="{SCRIPT_URL}" data-build="{build}"></script>'.encode()
    at = page.lower().rfind(b"</body>")
    return page + tag if at < 0 else page[:at] + tag + page[at:]


def error_page(errors: tuple[str, ...], build: int) -> bytes:
    """Served in place of every page while there is no site yet because the build failed."""
    lines = html.escape("\n".join(errors) or "(no details)")
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; "
        "style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'\">\n"
        "<title>kbgen serve: the build failed</title>\n</head>\n<body>\n"
        "<h1>The build failed</h1>\n<p>There is no site to show yet. Fix these problems and save: "
        "kbgen serve rebuilds and this page reloads.</p>\n"
        f'<pre id="kbgen-serve-errors">{lines}</pre>\n</body>\n</html>\n'
    )
    return with_reload_script(page.encode(), build)


class LiveServer(ThreadingHTTPServer):
    daemon_threads = True  # open event streams must not hold up Ctrl-C

    def __init__(self, port: int, out: Path, state: LiveState):
        self.out, self.state = out, state
        super().__init__((HOST, port), functools.partial(LiveHandler, directory=str(out)))

    def handle_error(self, request, client_address) -> None:
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError):  # a closed tab is no news
            click.echo(f"kbgen serve: error answering a request: {type(error).__name__}: {error}", err=True)


class LiveHandler(SimpleHTTPRequestHandler):
    server: LiveServer

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - quiet: one line per build only
        pass

    def parse_request(self) -> bool:
        """Only requests addressed to this machine by name: a page elsewhere whose domain is made
        to resolve to 127.0.0.1 (DNS rebinding) cannot read the site."""
        if not super().parse_request():
            return False
        host = (self.headers.get("Host") or HOST).rsplit(":", 1)[0].lower()
        if host not in (HOST, "localhost"):
            self.send_error(403, f"kbgen serve answers requests for {HOST} and localhost only")
            return False
        return True

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # a reload must show the new build
        super().end_headers()

    def do_GET(self) -> None:
        if urlsplit(self.path).path == EVENTS_URL:
            self._events()
        else:
            super().do_GET()

    def send_head(self):
        route = urlsplit(self.path).path
        if route.startswith(OWN_PREFIX):
            return self._own(route)
        status = self.server.state.status  # read before the file: a page is never newer than its tag says
        if not (self.server.out / "index.html").is_file():
            self._wait_for_swap()
        if not (self.server.out / "index.html").is_file() and not status.ok:
            return self._bytes(503, "text/html; charset=utf-8", error_page(status.errors, status.build))
        path = self.translate_path(self.path)
        if os.path.isdir(path) and route.endswith("/"):
            path = os.path.join(path, "index.html")
        if path in status.previews:
            return self._bytes(200, "text/html; charset=utf-8", with_reload_script(status.previews[path], status.build))
        if path.endswith((".html", ".htm")) and os.path.isfile(path):
            return self._page(path, 200, status.build)
        if not os.path.exists(path):
            return self._not_found(status.build)
        return super().send_head()

    def list_directory(self, path):
        return self._not_found(self.server.state.status.build)

    def _wait_for_swap(self) -> None:
        """A build replaces the output folder by two renames; a request landing between them
        waits for the second instead of finding nothing."""
        for _ in range(50):
            if not self.server.state.status.building or (self.server.out / "index.html").is_file():
                return
            time.sleep(0.02)

    def _page(self, path: str, code: int, build: int):
        try:
            with open(path, "rb") as page:
                data = page.read()
        except OSError:
            self.send_error(404)
            return None
        return self._bytes(code, "text/html; charset=utf-8", with_reload_script(data, build))

    def _not_found(self, build: int):
        """The site's own 404 page, as a host would serve it; the default one without it."""
        custom = self.server.out / "404.html"
        if custom.is_file():
            return self._page(str(custom), 404, build)
        self.send_error(404)
        return None

    def _own(self, route: str):
        if route == SCRIPT_URL:
            return self._bytes(200, "text/javascript; charset=utf-8", CLIENT_JS.encode())
        if route == STATUS_URL:
            return self._bytes(200, "application/json", self.server.state.status.to_json())
        self.send_error(404)
        return None

    def _bytes(self, code: int, content_type: str, data: bytes):
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)

    def _events(self) -> None:
        """Server-sent events: the status now, then at each change, until the page goes."""
        state = self.server.state
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.end_headers()
        self.close_connection = True
        seen = None
        try:
            self.wfile.write(b"retry: 1000\n\n")
            while not state.stopped:
                status = state.wait(seen, KEEPALIVE_SECONDS)
                if state.stopped:
                    break
                self.wfile.write(b": keep-alive\n\n" if status is seen else b"data: " + status.to_json() + b"\n\n")
                self.wfile.flush()
                seen = status
        except ConnectionError:
            pass


# ---------------------------------------------------------------------------- watching


Signature = tuple[int, int, int] | None
FOLDER = (0, 0, 0)  # a folder's signature: only whether it is there matters


def signature(path: Path) -> Signature:
    try:
        st = path.stat()
    except OSError:
        return None
    return FOLDER if path.is_dir() else (st.st_mtime_ns, st.st_size, st.st_ino)


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

    def __init__(self, project: Path, changes: queue.Queue):
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
                for batch in watchfiles.watch(*paths, watch_filter=keep, recursive=recursive, stop_event=stop,
                                              debounce=DEBOUNCE_MS, step=STEP_MS, raise_interrupt=False):
                    self.changes.put({Path(p) for _, p in batch})
            except Exception as exc:  # a folder vanished, or the system's watch limit
                if not stop.is_set():
                    click.echo(f"kbgen serve: watching {', '.join(map(str, paths))} failed: {exc}", err=True)
                    self.changes.put(set())  # the builder refreshes the plan

        threading.Thread(target=run, name="kbgen watch", daemon=True).start()
        return stop


def _patterns_file(project: Path) -> Path | None:
    from kbgen.project import Project

    try:
        return Project.load(project).entity_patterns
    except BuildError:
        return None


# ---------------------------------------------------------------------------- building


class Rebuilder:
    """Runs the builds, one at a time, and tells the terminal and the pages how they went."""

    def __init__(self, project: Path, out: Path, state: LiveState):
        self.project, self.out, self.state = project, out, state
        self.changes: queue.Queue = queue.Queue()
        self.watcher = Watcher(project, self.changes)
        self.snapshot: dict[Path, Signature] = {}
        self.base: PreviewBase | None = None  # what the last good build knew, for previews
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="kbgen rebuild", daemon=True)

    def first_build(self) -> None:
        self.watcher.refresh()
        outcome = self._build()
        if isinstance(outcome, BuildError):
            _echo_problems(outcome.problems)
            click.echo(f"The build failed ({_tally(outcome.problems)}); "
                       + ("serving the previous site with the problems over it."
                          if (self.out / "index.html").is_file() else "serving a page listing the problems."))
            return
        summary = outcome
        for problem in summary.warnings:
            click.echo(str(problem), err=True)
        for path in summary.ingested.kept_edited:
            click.echo(f"{path}: note: edited by hand since it was generated; left as it is")
        click.echo(f"Built {summary.articles} article(s), {summary.entities} entities, {summary.pages} pages "
                   f"in {summary.seconds:.1f} s into {summary.out}")

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self.watcher.stop()

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
            forced = self._rebuild(changed) if changed else set()
            self.watcher.refresh()

    def _rebuild(self, changed: set[Path]) -> set[Path]:
        """Build after `changed`; return what the user changed during the build, to build again."""
        before = self._take_snapshot()
        self._preview(changed)
        started = time.perf_counter()
        outcome = self._build()
        took = time.perf_counter() - started
        if self.stopping.is_set():
            return set()
        what = _describe(changed, self.project)
        stamp = time.strftime("%H:%M:%S")
        if isinstance(outcome, BuildError):
            if _locked(outcome):
                click.echo(f"[{stamp}] {what}: {LOCKED} on this project; trying again in a second")
                self.stopping.wait(1)
                return changed
            click.echo(f"[{stamp}] {what}: build failed in {took:.2f} s ({_tally(outcome.problems)}); "
                       "still serving the last good site")
            _echo_problems(outcome.problems)
            written = set()
        else:
            click.echo(f"[{stamp}] {what}: rebuilt in {took:.2f} s ({outcome.articles} article(s), "
                       f"{outcome.entities} entities, {outcome.pages} pages)")
            for problem in outcome.warnings:
                click.echo(str(problem), err=True)
            written = {p.absolute() for p in outcome.ingested.written}
        after = self.snapshot
        return {p for p in before.keys() | after.keys()
                if before.get(p) != after.get(p) and FOLDER not in (before.get(p), after.get(p))
                and p not in written and not self._written_by_build(p, before)}

    def _warm(self) -> None:
        """Ready for previews: the model loaded, and what the last build knew (a first build that
        found the site up to date linked nothing)."""
        from kbgen.build import link_project, load_model, project_lock
        from kbgen.preview import PreviewBase

        try:
            if self.base is None and self.state.status.ok:
                with project_lock(Layout.of(self.project)):
                    self.base = PreviewBase.of(link_project(self.project))
            load_model(self.project)
        except (BuildError, OSError):
            pass  # no previews until a build succeeds: each edit waits for its rebuild

    def _preview(self, changed: set[Path]) -> None:
        """When only articles the last good build had were edited, show their pages at once."""
        from kbgen.preview import preview_article

        folder = Layout.of(self.project).articles
        if (self.base is None or not self.state.status.ok or not changed
                or any(p.parent != folder or p.suffix != ".md" or not p.is_file() for p in changed)):
            return
        started = time.perf_counter()
        pages = {}
        try:
            for path in sorted(changed):
                page = preview_article(self.project, self.base, path)
                if page is None:
                    return
                pages[str(self.out / page.path)] = page.make()
        except Exception:  # a template's error, or a bug: no preview, and the rebuild reports it
            if os.environ.get("KBGEN_DEBUG"):
                import traceback

                traceback.print_exc()
            return
        self.state.update(build=self.state.status.build + 1, previews=pages)
        click.echo(f"[{time.strftime('%H:%M:%S')}] {_describe(changed, self.project)}: shown in "
                   f"{time.perf_counter() - started:.2f} s (a preview); rebuilding the site")

    def _build(self):
        """One build: its BuildSummary, or the BuildError that stopped it."""
        from kbgen.build import build
        from kbgen.preview import PreviewBase

        self.state.update(building=True)
        try:
            summary = build(self.project, self.out, keep_knowledge=True)
            if summary.knowledge is not None:
                self.base = PreviewBase.of(summary.knowledge)
                summary = replace(summary, knowledge=None)
        except BuildError as exc:
            outcome = exc
        except Exception as exc:  # a bug in kbgen: report it like a problem and keep serving
            if os.environ.get("KBGEN_DEBUG"):
                import traceback

                traceback.print_exc()
            outcome = BuildError([Problem("kbgen", None, f"internal error: {type(exc).__name__}: {exc}",
                                          "rerun with KBGEN_DEBUG=1 and report it")])
        else:
            outcome = summary
        status = self.state.status
        if isinstance(outcome, BuildError) and _locked(outcome):
            self.state.update(building=False)
        elif isinstance(outcome, BuildError):
            self.state.update(building=False, ok=False, attempts=status.attempts + 1,
                              errors=tuple(map(str, outcome.problems)), previews={})
        else:
            self.state.update(building=False, ok=True, attempts=status.attempts + 1,
                              build=status.build + 1, errors=(), previews={})
        self.snapshot = self._take_snapshot()
        return outcome

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


def _locked(error: BuildError) -> bool:
    return len(error.problems) == 1 and LOCKED in str(error.problems[0])


def _describe(changed: set[Path], project: Path) -> str:
    names = sorted(p.relative_to(project).as_posix() if p.is_relative_to(project) else str(p) for p in changed)
    return f"{names[0]} changed" if len(names) == 1 else f"{names[0]} and {len(names) - 1} more changed"


def _tally(problems: list[Problem]) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    return f"{errors} error(s)" + (f", {warnings} warning(s)" if warnings else "")


def _echo_problems(problems) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


# ---------------------------------------------------------------------------- the command


class ServeError(Exception):
    """kbgen serve cannot start; the message is one printable line."""


def serve(project: Path, out: Path | None, port: int) -> None:
    """Build, then serve `out` on 127.0.0.1:`port` until Ctrl-C, rebuilding on every change."""
    try:
        import watchfiles  # noqa: F401
    except ImportError:
        raise ServeError("error: kbgen serve needs the watchfiles package; install it with `pip install watchfiles`") from None
    project = project.resolve()  # as the watchers report paths
    layout = Layout.of(project)
    out = (out or layout.site).resolve()
    state = LiveState()
    try:
        server = LiveServer(port, out, state)
    except OSError as exc:
        raise ServeError(f"{HOST}:{port}: error: cannot serve there ({exc.strerror or exc}); "
                         "pass another --port, or --port 0 for any free one") from None
    rebuilder = Rebuilder(project, out, state)
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous_term = signal.signal(signal.SIGTERM, _interrupt) if in_main_thread else None
    try:
        rebuilder.first_build()
        rebuilder.start()
        click.echo(f"Serving {out} at http://{HOST}:{server.server_address[1]}/ "
                   f"(watching {', '.join(layout.shown(p).as_posix() for p in layout.inputs)}; Ctrl-C to stop)")
        server.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        pass
    finally:
        rebuilder.stop()
        state.stop()
        server.server_close()
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous_term)
    _finish(rebuilder)


def _finish(rebuilder: Rebuilder) -> None:
    """Let a build that is under way end (a second Ctrl-C leaves it to the next build's recovery)."""
    try:
        if rebuilder.thread.is_alive() and rebuilder.state.status.building:
            click.echo("Stopping after the build under way (Ctrl-C again to stop now)...")
        while rebuilder.thread.is_alive():
            rebuilder.thread.join(0.2)
    except KeyboardInterrupt:
        pass
    click.echo("Stopped.")


def _interrupt(signum, frame) -> None:  # SIGTERM stops as cleanly as Ctrl-C
    raise KeyboardInterrupt


# ---------------------------------------------------------------------------- the page's side

CLIENT_JS = r"""// kbgen serve: reload this page after each good rebuild; show a failed build's problems.
(function () {
  "use strict";
  var me = document.currentScript;
  var built = me ? parseInt(me.getAttribute("data-build"), 10) : NaN;  // the build this page is from
  var overlay = null, text = null, source = null, shownAt = -1, hiddenAt = -1;

  function show(state) {
    var lines = state.errors.join("\n");
    var list = document.getElementById("kbgen-serve-errors");  // the page shown while there is no site
    if (list) { list.textContent = lines; return; }
    shownAt = state.attempts;
    if (shownAt === hiddenAt) return;
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "kbgen-serve-overlay";
      overlay.setAttribute("role", "alert");
      var s = overlay.style;  // set through the CSSOM, which style-src 'self' allows (a style attribute it would not)
      s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.zIndex = "2147483647";
      s.maxHeight = "60vh"; s.overflow = "auto"; s.boxSizing = "border-box"; s.padding = "1em";
      s.background = "#fff4f4"; s.color = "#5c0000"; s.borderTop = "4px solid #c00000";
      s.font = "14px/1.4 system-ui, sans-serif"; s.textAlign = "left";
      var title = document.createElement("p");
      title.style.margin = "0 0 0.5em"; title.style.fontWeight = "bold";
      title.textContent = "kbgen: the build failed. This page is from the last good build; it reloads once the problems are fixed.";
      var close = document.createElement("button");
      close.type = "button"; close.textContent = "Hide"; close.style.cssFloat = "right";
      close.addEventListener("click", function () { hiddenAt = shownAt; hide(); });
      text = document.createElement("pre");
      text.style.margin = "0"; text.style.whiteSpace = "pre-wrap"; text.style.font = "13px/1.4 monospace";
      overlay.appendChild(close); overlay.appendChild(title); overlay.appendChild(text);
      document.body.appendChild(overlay);
    }
    text.textContent = lines;
  }

  function hide() {
    if (overlay) { overlay.parentNode.removeChild(overlay); overlay = null; text = null; }
  }

  function update(state) {
    if (isNaN(built)) built = state.build;
    if (state.ok && state.build > built) { location.reload(); return; }
    if (state.ok) hide(); else show(state);
  }

  function connect() {
    if (source || document.hidden) return;
    source = new EventSource("/__kbgen/events");
    source.onmessage = function (event) { update(JSON.parse(event.data)); };
  }

  function disconnect() {  // hidden tabs let go of their connection: browsers allow few per server
    if (source) { source.close(); source = null; }
  }

  if (window.EventSource) {
    document.addEventListener("visibilitychange", function () { if (document.hidden) disconnect(); else connect(); });
    connect();
  } else {
    setInterval(function () {
      fetch("/__kbgen/status", {cache: "no-store"}).then(function (r) { return r.json(); }).then(update, function () {});
    }, 1000);
  }
})();
"""
