"""The HTTP side of `kbgen serve`: the output folder served exactly as `kbgen build` wrote it,
except that an edited article's page is shown at once as a preview while the rebuild runs.

Each HTML page gets one `<script src="/__kbgen/reload.js">` on its way out (never on disk), an
external script so the pages' Content-Security-Policy (`script-src 'self'`) needs no exception.
The script, shipped with the theme (kbgen/default_theme/serve/live-reload.js, never copied into a
site), listens to `/__kbgen/events` (server-sent events) and reloads the page after a good
rebuild; after a failed one it lays the problems over the page, which stays the last good build.
"""

from __future__ import annotations

import functools
import html
import io
import os
import sys
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import click

from kbgen.serve.status import LiveState

HOST = "127.0.0.1"  # the preview is for this machine only: never another interface
OWN_PREFIX = "/__kbgen/"
SCRIPT_URL = "/__kbgen/reload.js"
EVENTS_URL = "/__kbgen/events"
STATUS_URL = "/__kbgen/status"
KEEPALIVE_SECONDS = 15  # an idle event stream sends a comment this often, so a closed tab is noticed


@functools.cache
def reload_script() -> bytes:
    """The pages' side of the live reload, as the theme ships it."""
    return resources.files("kbgen.default_theme").joinpath("serve", "live-reload.js").read_bytes()


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

    def log_message(self, format: str, *args) -> None:
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
            return self._bytes(200, "text/javascript; charset=utf-8", reload_script())
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
