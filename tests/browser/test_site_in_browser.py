"""The built site in a real browser: links, dark mode, small screens, accessibility (axe-core).

The site is built once per session from a copy of the model-free golden project and served by
the standard library's http.server, both at the domain root and under /kb/; it is also opened
straight from disk (file://). Chromium is Debian's (/usr/bin/chromium, installed by `make test`
when missing), started once and driven by Playwright's sync API; axe-core comes from npm
(tests/browser/package.json, `npm ci` in `make test`).

Without Chromium, Playwright or axe-core these tests skip, except under CI (CI set), where a
missing piece is an error: CI must run them.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import shutil
import subprocess
import sys
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pytest

from kbgen.search import shard_of

pytestmark = pytest.mark.browser

HERE = Path(__file__).resolve().parent
GOLDEN_PROJECT = HERE.parent / "golden" / "project"
# ---------------------------------------------------------------- the site


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The golden project built once into <tmp>/project/_site."""
    project = tmp_path_factory.mktemp("browser") / "project"
    shutil.copytree(GOLDEN_PROJECT, project)
    with open(project / "kbgen.yml", "a", encoding="utf-8") as config:
        config.write("search_shard_pages: 2\n")  # the search index in several shards, merged by the search page
    out = project / "_site"
    result = subprocess.run(
        [sys.executable, "-m", "kbgen", "build", "--project", str(project), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"kbgen build failed:\n{result.stdout}\n{result.stderr}"
    assert (out / "index.html").is_file()
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """No request log: the test output stays readable."""


@dataclass(frozen=True)
class Served:
    """Where the site's index.html lives: `base` ends with a slash."""

    name: str
    base: str

    def url(self, rel: str) -> str:
        return self.base + rel


@contextlib.contextmanager
def _serve(directory: Path, handler_class: type = _QuietHandler) -> Iterator[str]:
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name=f"http {directory}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def at_root(site: Path) -> Iterator[Served]:
    """The site served at the domain root: http://127.0.0.1:PORT/index.html."""
    with _serve(site) as origin:
        yield Served("root", origin)


@pytest.fixture(scope="session")
def under_kb(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The site served under a sub-path: http://127.0.0.1:PORT/kb/index.html."""
    parent = tmp_path_factory.mktemp("served")
    shutil.copytree(site, parent / "kb")
    with _serve(parent) as origin:
        yield Served("kb", origin + "kb/")


@pytest.fixture(scope="session")
def from_file(site: Path) -> Served:
    """The site opened straight from disk: file:///…/_site/index.html."""
    return Served("file", site.as_uri() + "/")


# ---------------------------------------------------------------- the browser


# ---------------------------------------------------------------- the tests

ARTICLE = "articles/reunion-a-lyon.html"
ARTICLE_TITLE = "Réunion à Lyon"
PAGES = {
    "home": "index.html",
    "article": ARTICLE,
    "entity": "entities/marie-dupont.html",
    "entity-index": "entities/index.html",
    "a-z": "entities/a-z.html",
    "graph": "graph.html",
    "archive": "archive.html",
    "search": "search.html",
}
MOBILE = {"width": 375, "height": 740}
FAILING_IMPACTS = {"serious", "critical"}

# What the reader sees behind the text: the body's own background, or else the root
# element's (which the canvas shows when the body's is transparent).
EFFECTIVE_BACKGROUND = """() => {
  for (const el of [document.body, document.documentElement]) {
    const colour = getComputedStyle(el).backgroundColor;
    if (colour && colour !== 'transparent' && colour !== 'rgba(0, 0, 0, 0)') return colour;
  }
  return 'rgb(255, 255, 255)';
}"""

# What sticks out past the right edge of the viewport: element boxes, then lines of text.
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (el.classList.length ? '.' + [...el.classList].join('.') : '');
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 0.5) out.push(`${name(el)} (right edge ${Math.round(box.right)}px)`);
  }
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (texts.nextNode()) {
    const node = texts.currentNode;
    if (!node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const right = Math.max(...[...range.getClientRects()].map(r => r.right));
    if (right > width + 0.5) out.push(`text "${node.textContent.trim().slice(0, 30)}" in ${name(node.parentElement)} (right edge ${Math.round(right)}px)`);
  }
  return out.slice(0, 20);
}"""

# axe's default rules (WCAG 2.0/2.1 A and AA, best practices) plus WCAG 2.2's target size,
# which axe leaves off by default.
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}});
  return result.violations.map(v => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary || ''})),
  }));
}"""


@pytest.fixture(params=["root", "kb", "file"])
def served(request: pytest.FixtureRequest):
    """The same site at the domain root, under /kb/, and straight from disk."""
    fixture = {"root": "at_root", "kb": "under_kb", "file": "from_file"}[request.param]
    return request.getfixturevalue(fixture)


def watch(page) -> list[str]:
    """Collect what goes wrong while loading: HTTP errors, failed requests, console errors."""
    problems: list[str] = []
    page.on("response", lambda r: r.status >= 400 and problems.append(f"HTTP {r.status} {r.url}"))
    page.on("requestfailed", lambda r: problems.append(f"failed {r.url}: {r.failure}"))
    page.on(
        "console", lambda m: m.type == "error" and not _favicon(m.location) and problems.append(f"console: {m.text}")
    )
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    return problems


def _favicon(location: dict) -> bool:
    # Chromium asks every origin for /favicon.ico; the site ships none (reported, not a test failure).
    return location.get("url", "").endswith("/favicon.ico")


def rgb(colour: str) -> tuple[float, float, float]:
    inside = colour[colour.index("(") + 1 : colour.index(")")].replace("/", " ").replace(",", " ")
    r, g, b = (float(x) for x in inside.split()[:3])
    return r, g, b


def luminance(colour: str) -> float:
    """WCAG relative luminance of a computed `rgb(…)` colour, 0 (black) to 1 (white)."""

    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_mention_to_entity_and_back(browser, served) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        problems = watch(page)
        article_url = served.url(ARTICLE)
        page.goto(article_url)
        hrefs = list(dict.fromkeys(page.locator("a.mention").evaluate_all("as => as.map(a => a.getAttribute('href'))")))
        assert hrefs, f"no a.mention on {article_url}"

        for href in hrefs:
            page.goto(article_url)
            entity_url = urljoin(article_url, href)
            assert entity_url.startswith(served.base), f"mention {href!r} leaves the site: {entity_url}"
            page.locator(f'a.mention[href="{href}"]').first.click()
            page.wait_for_url(entity_url)
            assert "/entities/" in page.url
            assert page.locator("h1").inner_text().strip(), f"empty h1 on {page.url}"

            # The entity page lists the articles citing it; its link leads back to this one.
            back = page.locator(f'main a[href$="{ARTICLE}"]')
            assert back.count() >= 1, f"{page.url} does not link back to {ARTICLE}"
            back.first.click()
            page.wait_for_url(article_url)
            assert page.locator("h1").inner_text().strip() == ARTICLE_TITLE

        assert not problems, f"while browsing from {served.base}:\n" + "\n".join(problems)
    finally:
        context.close()


def test_dark_mode_changes_the_background(browser, at_root) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        for name, rel in PAGES.items():
            page.goto(at_root.url(rel))
            page.emulate_media(color_scheme="light")
            light = page.evaluate(EFFECTIVE_BACKGROUND)
            page.emulate_media(color_scheme="dark")
            dark = page.evaluate(EFFECTIVE_BACKGROUND)
            assert light != dark, f"{name}: the background stays {light} in dark mode"
            assert luminance(dark) < 0.2 < 0.8 < luminance(light), f"{name}: light {light}, dark {dark}"
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_horizontal_overflow_on_a_phone(browser, at_root, scheme: str) -> None:
    context = browser.new_context(viewport=MOBILE, color_scheme=scheme, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        failures = []
        for name, rel in PAGES.items():
            page.goto(at_root.url(rel))
            scroll, client = page.evaluate(
                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            if scroll > client:
                culprits = page.evaluate(OVERFLOWING)
                failures.append(f"{name} ({rel}): scrollWidth {scroll} > clientWidth {client}; " + ", ".join(culprits))
        assert not failures, f"horizontal overflow at {MOBILE['width']}px:\n" + "\n".join(failures)
    finally:
        context.close()


@pytest.fixture(scope="module")
def axe_page(browser, at_root, axe_source: str):
    # The pages' CSP (script-src 'self') refuses an injected inline script: bypass it here only.
    context = browser.new_context(bypass_csp=True)
    try:
        yield context.new_page()
    finally:
        context.close()


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"]:
            summary = " ".join(node["summary"].split())
            lines.append(f"    {node['target']}  {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_serious_violation(axe_page, at_root, axe_source: str, name: str, scheme: str) -> None:
    page = axe_page
    page.emulate_media(color_scheme=scheme)
    page.goto(at_root.url(PAGES[name]))
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(RUN_AXE)
    serious = [v for v in violations if v["impact"] in FAILING_IMPACTS]
    others = [v for v in violations if v not in serious]
    if others:
        warnings.warn(f"axe-core on {name} ({scheme}), not failing:\n{describe(others)}", stacklevel=1)
    assert not serious, (
        f"axe-core on {name} ({PAGES[name]}, {scheme}): serious or critical violations\n"
        + describe(serious)
        + ("\nothers (moderate or minor):\n" + describe(others) if others else "")
    )


def test_axe_reports_a_planted_violation(axe_page, at_root, axe_source: str) -> None:
    """Guards the check above: axe really runs on these pages and its findings reach us."""
    page = axe_page
    page.emulate_media(color_scheme="light")
    page.goto(at_root.url(PAGES["home"]))
    page.evaluate(
        "() => { const img = document.createElement('img'); img.src = 'static/none.png'; document.querySelector('main').append(img); }"
    )
    page.add_script_tag(content=axe_source)
    ids = {v["id"] for v in page.evaluate(RUN_AXE)}
    assert "image-alt" in ids, ids


def test_search_for_a_name_finds_its_entity_page(browser, served, site) -> None:
    """Served (at the root or under /kb/), Pagefind finds the entity, whose page is indexed in
    a shard other than the first (merged into the first); from file://, the finder over entity names does,
    and the page says full-text search needs a server."""
    listing = json.loads((site / "pagefind/shards.json").read_text())
    shards = listing["shards"]
    assert shards >= 2 and listing["bundles"] == [str(n) for n in range(shards)]
    assert shard_of("entities/marie-dupont.html", shards) != 0
    page = browser.new_page()
    try:
        problems = watch(page)
        page.goto(served.url("search.html"))
        if served.name == "file":
            assert page.is_visible("#finder-note")
            page.fill("#finder-input", "dupont")
            link = page.wait_for_selector("#finder-results a")
        else:
            page.fill(".pagefind-ui__search-input", "Dupont")
            # the entity among the results (articles that name her may rank above it)
            link = page.wait_for_selector(
                '.pagefind-ui__result-link[href$="entities/marie-dupont.html"]', timeout=15_000
            )
            assert "Personne" in link.inner_text()  # results show the entity's type
        link.click()
        page.wait_for_load_state()
        assert page.url.endswith("entities/marie-dupont.html"), page.url
        assert page.inner_text("h1") == "Marie Dupont"
        assert problems == []
    finally:
        page.close()


def test_graph_nodes_are_links(browser, served) -> None:
    page = browser.new_page()
    try:
        page.goto(served.url("graph.html"))
        nodes = page.query_selector_all("svg.kb-graph a")
        assert len(nodes) >= 4  # the entities named together in at least two articles
        target = next(n for n in nodes if "marie-dupont" in (n.get_attribute("href") or ""))
        target.click()
        page.wait_for_load_state()
        assert page.url.endswith("entities/marie-dupont.html") and page.inner_text("h1") == "Marie Dupont"
    finally:
        page.close()
