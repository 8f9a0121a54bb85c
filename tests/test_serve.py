"""`kbgen serve` on a small model-free project, run as a subprocess: it builds, serves on
127.0.0.1 only, rebuilds on change, keeps the last good site after a failed build, reports the
problems at /__kbgen/status, and stops on Ctrl-C with status 0. Every wait is bounded; every
request goes to 127.0.0.1, never through a proxy."""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest
from conftest import GOLDEN_PROJECT, write

from kbgen.build import project_lock
from kbgen.errors import BuildError, ProjectLocked
from kbgen.project import Layout
from kbgen.serve.rebuild import Rebuilder
from kbgen.serve.server import LiveServer, reload_script, with_reload_script
from kbgen.serve.status import LiveState, Status

WAIT_SECONDS = 60  # a rebuild of these projects takes well under a second; the first build a few
POLL_SECONDS = 0.1
RELOAD_TAG = re.compile(r'<script src="/__kbgen/reload\.js" data-build="\d+"></script>')
DATE_ERROR = "content/articles/a.md:3: error: 'date' must be a date like 2024-10-15, not 'demain'"
LANG_ERROR = "kbgen.yml:2: error: 'lang': 'xx' is not a supported language"
LOOPBACK = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # ignore any *_proxy variable
T = TypeVar("T")


def small_project(root: Path, title: str = "Premier titre", date: str = "2024-10-15") -> Path:
    write(root / "kbgen.yml", "model: blank:fr\n")
    write(root / "content/articles/a.md", f"---\ntitle: {title}\ndate: {date}\n---\n\nTexte initial.\n")
    return root


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check: Callable[[], T], what: str, proc: subprocess.Popen | None = None) -> T:
    """`check()`'s first true result, polled at most WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    for _ in range(int(WAIT_SECONDS / POLL_SECONDS) + 1):
        try:
            result = check()
        except OSError:  # not answering yet
            result = None
        if result:
            return result
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"kbgen serve exited with {proc.returncode} while waiting for {what}")
        if time.monotonic() > deadline:
            break
        time.sleep(POLL_SECONDS)
    pytest.fail(f"waited {WAIT_SECONDS} s for {what} in vain")


@dataclass
class Served:
    project: Path
    port: int
    proc: subprocess.Popen
    logs: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def get(self, path: str) -> tuple[int, str]:
        try:
            with LOOPBACK.open(self.base + path, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()

    def status(self) -> dict:
        code, body = self.get("__kbgen/status")
        assert code == 200
        return json.loads(body)

    def wait(self, check: Callable[[], T], what: str) -> T:
        return wait_until(check, what, self.proc)

    def output(self) -> str:
        return (self.logs / "stdout").read_text() + (self.logs / "stderr").read_text()


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@contextlib.contextmanager
def serving(project: Path, logs: Path) -> Iterator[Served]:
    port = free_port()
    logs.mkdir(exist_ok=True)
    with open(logs / "stdout", "w") as out, open(logs / "stderr", "w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "kbgen", "serve", "--project", str(project), "--port", str(port)],
            stdout=out,
            stderr=err,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
            # Ctrl-C reaches it even when the tests run as a background job, which a shell starts
            # with SIGINT ignored (a child inherits that, and Python then never raises KeyboardInterrupt).
            preexec_fn=_interruptible,
        )
    served = Served(project, port, proc, logs)
    try:
        served.wait(served.status, "the server to answer")
        yield served
    except BaseException:
        print(f"kbgen serve's output:\n{served.output()}")
        raise
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=15)


def listening(port: int) -> set[str]:
    """The local addresses listening on `port`, as /proc/net/tcp{,6} write them."""
    found = set()
    for table in ("tcp", "tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/net/{table}").read_text().splitlines()[1:]:
                fields = line.split()
                address, hex_port = fields[1].rsplit(":", 1)
                if fields[3] == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                    found.add(f"{table}:{address}")
    return found


def test_serve_rebuilds_and_keeps_the_last_good_site(tmp_path):
    project = small_project(tmp_path / "project")
    page = project / "_site" / "articles" / "a.html"
    article = project / "content" / "articles" / "a.md"
    with serving(project, tmp_path / "logs") as served:
        # served with the reload script; the file on disk is what `kbgen build` writes
        code, html = served.get("articles/a.html")
        assert code == 200 and "Premier titre" in html
        assert '<script src="/__kbgen/reload.js"' in html
        on_disk = page.read_text("utf-8")
        assert "__kbgen" not in on_disk
        assert RELOAD_TAG.sub("", html, count=1) == on_disk
        assert not any(b"__kbgen" in p.read_bytes() for p in (project / "_site").rglob("*") if p.is_file())
        code, script = served.get("__kbgen/reload.js")
        assert code == 200 and "EventSource" in script and "textContent" in script and "innerHTML" not in script
        first = served.status()
        assert first["ok"] and first["build"] == 1 and first["errors"] == []

        # bound to 127.0.0.1 and nothing else, answering requests for this machine only
        if Path("/proc/net/tcp").exists():
            assert listening(served.port) == {"tcp:0100007F"}
        request = urllib.request.Request(served.base + "articles/a.html", headers={"Host": "rebound.example"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            LOOPBACK.open(request, timeout=10)
        assert refused.value.code == 403

        # an edit is shown at once as a preview (build 2), then rebuilt (build 3) and served from disk
        article.write_text(article.read_text("utf-8").replace("Premier titre", "Second titre"), "utf-8")
        served.wait(lambda: "Second titre" in served.get("articles/a.html")[1], "the edit to be served")
        served.wait(lambda: served.status()["build"] == 3, "the preview and the rebuild to be counted")
        served.wait(lambda: "rebuilt in" in served.output(), "the rebuild's line")
        assert re.search(
            r"content/articles/a\.md changed: shown in [0-9.]+ s \(a preview\); rebuilding", served.output()
        )
        good = page.read_bytes()
        assert (
            b"Second titre" in good and RELOAD_TAG.sub("", served.get("articles/a.html")[1], count=1) == good.decode()
        )

        # a broken setting: the build fails, the last good site stays, the status tells what is wrong
        settings = project / "kbgen.yml"
        settings.write_text("model: blank:fr\nlang: xx\n", "utf-8")
        status = served.wait(lambda: (s := served.status()) and not s["ok"] and s, "the failed build")
        assert any(line.startswith(LANG_ERROR) for line in status["errors"]), status["errors"]
        assert status["build"] == 3  # no preview: no article changed
        code, html = served.get("articles/a.html")
        assert code == 200 and "Second titre" in html and RELOAD_TAG.search(html)
        assert page.read_bytes() == good

        # fixed: a new good build, no errors left
        settings.write_text("model: blank:fr\n", "utf-8")
        status = served.wait(lambda: (s := served.status()) and s["ok"] and s, "the fixed build")
        assert status["build"] == 4 and status["errors"] == []

        # a broken article is left out of a good build, its error told in the terminal
        article.write_text(article.read_text("utf-8").replace("date: 2024-10-15", "date: demain"), "utf-8")
        served.wait(lambda: served.get("articles/a.html")[0] == 404, "the site without the broken article")
        assert served.status()["ok"]
        served.wait(lambda: "1 file(s) skipped for their errors" in served.output(), "the rebuild's line")

        # Ctrl-C: a clean stop
        served.proc.send_signal(signal.SIGINT)
        assert served.proc.wait(timeout=20) == 0
    output = served.output()
    assert "Traceback" not in output
    assert "rebuilt in" in output and DATE_ERROR in output and "Stopped." in output


def test_a_failed_first_build_serves_a_page_of_its_problems(tmp_path):
    project = small_project(tmp_path / "project")
    settings = project / "kbgen.yml"
    settings.write_text("model: blank:fr\nlang: <b>de</b>\n", "utf-8")
    with serving(project, tmp_path / "logs") as served:
        code, html = served.get("")
        assert code == 503
        assert "kbgen.yml:2: error: &#x27;lang&#x27;: &#x27;&lt;b&gt;de&lt;/b&gt;&#x27; is not" in html
        assert "<b>" not in html
        assert RELOAD_TAG.search(html) and "script-src 'self'" in html
        assert served.status()["ok"] is False
        assert not (project / "_site").exists()
        settings.write_text("model: blank:fr\n", "utf-8")
        served.wait(lambda: served.get("")[0] == 200, "the site once the article is fixed")
        assert served.get("articles/a.html")[0] == 200


def test_serve_listens_on_loopback_only():
    result = subprocess.run(
        [sys.executable, "-m", "kbgen", "serve", "--host", "0.0.0.0"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2 and "No such option" in result.stderr
    assert (
        "127.0.0.1"
        in subprocess.run(
            [sys.executable, "-m", "kbgen", "serve", "--help"], capture_output=True, text=True, timeout=60
        ).stdout
    )


def test_a_taken_port_is_an_error_not_a_traceback(tmp_path):
    project = small_project(tmp_path / "project")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "kbgen", "serve", "--project", str(project), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert f"127.0.0.1:{port}: error: cannot serve there" in result.stderr and "Traceback" not in result.stderr
    assert not (project / "_site").exists()


def test_reload_script_goes_before_the_last_body_end():
    tag = b'<script src="/__kbgen/reload.js" data-build="7"></script>'
    assert with_reload_script(b"<p></body> x</BODY>\n", 7) == b"<p></body> x" + tag + b"</BODY>\n"
    assert with_reload_script(b"<p>no end", 7) == b"<p>no end" + tag


def test_the_reload_script_is_the_themes_file_and_never_part_of_a_site(tmp_path):
    from importlib import resources

    shipped = resources.files("kbgen.default_theme").joinpath("serve", "live-reload.js").read_bytes()
    assert reload_script() == shipped and b"EventSource" in shipped
    server = LiveServer(0, tmp_path, LiveState())
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/__kbgen/reload.js"
        with LOOPBACK.open(url, timeout=10) as response:
            assert response.headers["Content-Type"] == "text/javascript; charset=utf-8"
            assert response.read() == shipped
    finally:
        server.shutdown()
        server.server_close()
    assert not any(
        p.name == "live-reload.js" for p in resources.files("kbgen.default_theme").joinpath("static").iterdir()
    )


def test_a_build_while_the_project_is_locked_waits_and_is_not_a_failure(tmp_path, capsys):
    """The lock is told by its type: a second build is refused with ProjectLocked (a BuildError,
    so `kbgen build` prints it like any problem), and kbgen serve tries again instead of failing."""
    project = small_project(tmp_path / "project").resolve()
    article = project / "content" / "articles" / "a.md"
    state = LiveState()
    rebuilder = Rebuilder(project, project / "_site", state)
    layout = Layout.of(project)
    with project_lock(layout):
        with pytest.raises(ProjectLocked) as refused, project_lock(layout):
            pass
        assert isinstance(refused.value, BuildError)
        assert isinstance(pickle.loads(pickle.dumps(refused.value)), ProjectLocked)  # whole from a worker
        assert rebuilder._rebuild({article}) == {article}  # to build again
    assert state.status == Status() and state.status.errors == ()  # no failed attempt counted
    assert (
        "content/articles/a.md changed: another kbgen build is running on this project; "
        "trying again in a second" in capsys.readouterr().out
    )
    assert not (project / "_site").exists()


# ---------------------------------------------------------------- in a real browser

CHROMIUM = Path(os.environ.get("KBGEN_CHROMIUM", "/usr/bin/chromium"))


def test_open_pages_reload_and_show_problems_in_chromium(tmp_path):
    """The client script under the site's Content-Security-Policy: reload after a good build,
    an overlay of escaped problem lines after a failed one, gone after the fix."""
    if not CHROMIUM.is_file():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    sync_api = pytest.importorskip("playwright.sync_api")
    project = tmp_path / "project"
    shutil.copytree(GOLDEN_PROJECT, project)
    article = project / "content" / "articles" / "note-de-terrain.md"
    original = article.read_text("utf-8")
    wait_ms = WAIT_SECONDS * 1000
    with serving(project, tmp_path / "logs") as served, sync_api.sync_playwright() as playwright:
        assert served.status()["ok"], served.status()["errors"]
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            console: list[str] = []
            page.on("console", lambda message: console.append(message.text))
            page.goto(served.base + "articles/note-de-terrain.html")
            heading = page.locator("h1")
            sync_api.expect(heading).to_contain_text("Note de terrain", timeout=wait_ms)

            article.write_text(original.replace("title: Note de terrain", "title: Carnet de terrain"), "utf-8")
            sync_api.expect(heading).to_contain_text("Carnet de terrain", timeout=wait_ms)

            settings = project / "kbgen.yml"
            good_settings = settings.read_text("utf-8")
            settings.write_text(good_settings + "lang: <img src=x onerror=alert(1)>\n", "utf-8")
            overlay = page.locator("#kbgen-serve-overlay")
            sync_api.expect(overlay).to_contain_text("'<img src=x onerror=alert(1)>' is not", timeout=wait_ms)
            sync_api.expect(overlay).to_contain_text("kbgen.yml:")
            assert overlay.locator("img").count() == 0
            sync_api.expect(heading).to_contain_text("Carnet de terrain")  # still the last good page

            settings.write_text(good_settings, "utf-8")
            article.write_text(original, "utf-8")
            sync_api.expect(heading).to_contain_text("Note de terrain", timeout=wait_ms)
            sync_api.expect(overlay).to_have_count(0)
            assert not [m for m in console if "Content Security Policy" in m or "Refused" in m], console
        finally:
            browser.close()
