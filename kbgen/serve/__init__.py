"""`kbgen serve`: build, serve the site to this machine, rebuild on every change, reload open pages.

Four parts, wired together here:
- kbgen/serve/server.py, the HTTP side: the output folder as `kbgen build` wrote it, previews,
  the reload script's tag on every page, the error page while there is no site, the event stream;
- kbgen/serve/rebuild.py, the rebuild scheduler: one build at a time after each change
  (kbgen/serve/watch.py says which);
- kbgen/serve/previewer.py, an edited article's page at once, in a process of its own, even
  while a build runs;
- kbgen/serve/status.py, what the two share: the status open pages are told.
The pages' side is a static script shipped with the theme: kbgen/default_theme/serve/live-reload.js.
"""

from __future__ import annotations

import signal
import threading
from pathlib import Path

import click

from kbgen.project import Layout
from kbgen.serve.rebuild import Rebuilder
from kbgen.serve.server import HOST, LiveServer
from kbgen.serve.status import LiveState

__all__ = ["ServeError", "serve"]


class ServeError(Exception):
    """kbgen serve cannot start; the message is one printable line."""


def serve(project: Path, out: Path | None, port: int, drafts: bool = False) -> None:
    """Build, then serve `out` on 127.0.0.1:`port` until Ctrl-C, rebuilding on every change
    (with the drafts if `drafts`)."""
    try:
        import watchfiles  # noqa: F401
    except ImportError:
        raise ServeError(
            "error: kbgen serve needs the watchfiles package; install it with `pip install watchfiles`"
        ) from None
    project = project.resolve()  # as the watchers report paths
    layout = Layout.of(project)
    out = (out or layout.site).resolve()
    state = LiveState()
    try:
        server = LiveServer(port, out, state)
    except OSError as exc:
        raise ServeError(
            f"{HOST}:{port}: error: cannot serve there ({exc.strerror or exc}); "
            "pass another --port, or --port 0 for any free one"
        ) from None
    rebuilder = Rebuilder(project, out, state, drafts)
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous_term = signal.signal(signal.SIGTERM, _interrupt) if in_main_thread else None
    try:
        rebuilder.first_build()
        rebuilder.start()
        click.echo(
            f"Serving {out} at http://{HOST}:{server.server_address[1]}/ "
            f"(watching {', '.join(layout.shown(p).as_posix() for p in layout.inputs)}; Ctrl-C to stop)"
        )
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
