"""The reader's site at size, in a real browser: search through the site's own search box (French
elisions, namesakes ranked by how much the corpus is about them), the entity index's letters,
types, pages and name filter, the archive by month, the 404 page at any depth, axe on the list
pages. Screenshots of the home page and the index at desktop and phone width are saved in
tests/browser/artefacts/ (ignored by git) for a person to look at."""

from __future__ import annotations

import http.server
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from .test_site_in_browser import FAILING_IMPACTS, OVERFLOWING, RUN_AXE, _serve, describe, watch

pytestmark = pytest.mark.browser

ARTEFACTS = Path(__file__).parent / "artefacts"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# One article with each elision, typographic and straight, before a word found nowhere else.
ELISIONS = {
    "hôpital": "l’hôpital",
    "urgence": "d’urgence",
    "albert": "qu’Albert",
    "oublie": "n’oublie",
    "amusent": "s’amusent",
    "avoue": "j’avoue",
    "était": "c’était",
    "armée": "l'armée",
    "europe": "d'Europe",
    "anne": "qu'Anne",
    "importe": "n'importe",
    "excuse": "s'excuse",
    "arrive": "j'arrive",
    "est": "c'est",
}


class _Handler(http.server.SimpleHTTPRequestHandler):
    """As GitHub Pages serves a site: a missing page gets the site's 404.html, with status 404."""

    def log_message(self, format: str, *args: object) -> None:
        """No request log."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def large(large_site: Path) -> Iterator[str]:
    with _serve(large_site, _Handler) as origin:
        yield origin


@pytest.fixture(scope="module")
def elided(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A small model-free site whose one article has every elision, served at the root."""
    project = tmp_path_factory.mktemp("elisions")
    (project / "content/articles").mkdir(parents=True)
    text = " ".join(f"Il dit {form} ici." for form in ELISIONS.values())
    (project / "content/articles/elisions.md").write_text(f"---\ntitle: Élisions\ndate: 2024-01-02\n---\n\n{text}\n")
    (project / "kbgen.yml").write_text("model: blank:fr\n")
    result = subprocess.run(
        [sys.executable, "-m", "kbgen", "build", "--project", str(project)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    with _serve(project / "_site") as origin:
        yield origin


def _search(page, query: str) -> list[dict]:
    """The results the search page's box shows for `query`: their links, titles and excerpts."""
    page.fill(".pagefind-ui__search-input", query)
    page.wait_for_selector(".pagefind-ui__result", timeout=15_000)
    return _results(page)


def _results(page) -> list[dict]:
    page.wait_for_timeout(300)  # Pagefind renders results one by one as their fragments come
    return page.eval_on_selector_all(
        ".pagefind-ui__result",
        """rs => rs.map(r => ({href: r.querySelector('.pagefind-ui__result-link').getAttribute('href'),
            title: r.querySelector('.pagefind-ui__result-link').textContent,
            excerpt: r.querySelector('.pagefind-ui__result-excerpt').innerHTML}))""",
    )


def test_a_word_after_an_elision_is_found_through_the_search_box(browser, elided) -> None:
    page = browser.new_page()
    try:
        problems = watch(page)
        page.goto(elided + "search.html")
        for word, form in ELISIONS.items():
            results = _search(page, word)
            assert results and results[0]["href"].endswith("articles/elisions.html"), (word, results)
            # The excerpt marks the word, its apostrophe typographic whichever the text has.
            assert f"<mark>{form.replace(chr(39), '’')}" in results[0]["excerpt"], (word, results[0]["excerpt"])
            # Typed whole, with either apostrophe, the elided form finds it too.
            for typed in (form, form.replace("’", "'"), form.replace("'", "’")):
                page.fill(".pagefind-ui__search-input", typed)
                page.wait_for_function(
                    "q => (document.querySelector('.pagefind-ui__message') || {}).textContent?.includes(q)", arg=typed
                )
                assert _results(page)[0]["href"].endswith("articles/elisions.html"), typed
        assert problems == []
    finally:
        page.close()


def test_search_loads_only_when_opened(browser, large) -> None:
    """A normal page asks for nothing of the search; the search page, served, asks for Pagefind,
    and for the finder's data only once a query is typed."""
    page = browser.new_page()
    try:
        asked: list[str] = []
        page.on("request", lambda r: asked.append(r.url))
        for rel in ("index.html", "articles/article-00001.html", "entities/index.html"):
            page.goto(large + rel)
        assert not [u for u in asked if "pagefind" in u or "finder-data" in u], asked
        page.goto(large + "search.html")
        page.wait_for_selector(".pagefind-ui__search-input")
        assert any("pagefind" in u for u in asked) and not any("finder-data" in u for u in asked)
        page.fill(".pagefind-ui__search-input", "Paris")
        page.wait_for_selector("#entity-matches li")
        assert [u for u in asked if "finder-data" in u] == [large + "static/finder-data.js"]
    finally:
        page.close()


def _entity_matches(page, origin: str, query: str) -> list[str]:
    """The entity pages the search page lists above Pagefind's results for `query`, in order."""
    page.fill(".pagefind-ui__search-input", query)
    page.wait_for_selector("#entity-matches li", timeout=15_000)
    hrefs = page.eval_on_selector_all("#entity-matches li a", "as => as.map(a => a.href)")
    return [href.removeprefix(origin) for href in hrefs]


def test_namesakes_rank_by_how_much_the_corpus_is_about_them(browser, large, large_site) -> None:
    """Of the people sharing a surname, the search page lists the most mentioned first."""
    people = [e for e in json.loads((large_site / "api/entities.json").read_text()) if e["type"] == "PER"]
    surnames = Counter(p["name"].split()[-1] for p in people)
    surname = next(
        s
        for s, n in surnames.most_common()
        if n >= 3 and len({p["mentions"] for p in people if p["name"].split()[-1] == s}) >= 3
    )
    mentions = {p["url"]: p["mentions"] for p in people if p["name"].split()[-1] == surname}
    page = browser.new_page()
    try:
        page.goto(large + "search.html")
        shown = [mentions[u] for u in _entity_matches(page, large, surname) if u in mentions]
        assert len(shown) >= 3, (surname, shown)
        assert shown == sorted(shown, reverse=True), (surname, shown)
    finally:
        page.close()


def test_entities_are_found_by_name_above_the_articles(browser, large, large_site) -> None:
    """The search page lists the entities whose name matches (after an elision too) between its
    box and Pagefind's results, which hold articles and no entity page without words of its own
    (a generated corpus has no note): the entity pages are found through the finder's data."""
    entities = json.loads((large_site / "api/entities.json").read_text())
    place = max((e for e in entities if e["type"] == "LOC" and " " not in e["name"]), key=lambda e: e["mentions"])
    page = browser.new_page()
    try:
        problems = watch(page)
        page.goto(large + "search.html")
        for query in (place["name"], "d’" + place["name"].lower(), "l'" + place["name"].upper()):
            assert _entity_matches(page, large, query)[0] == place["url"], query
            page.wait_for_function(  # Pagefind's results for this very query
                "q => (document.querySelector('.pagefind-ui__message') || {}).textContent?.includes(q)", arg=query
            )
            results = _results(page)
            assert results and all(r["href"].lstrip("/").startswith("articles/") for r in results), (query, results)
        matches = page.query_selector("#entity-matches").bounding_box()
        first = page.query_selector(".pagefind-ui__result").bounding_box()
        assert matches["y"] + matches["height"] <= first["y"]
        page.fill(".pagefind-ui__search-input", "")
        page.wait_for_selector("#entity-matches", state="hidden")
        assert problems == []
    finally:
        page.close()


def _visible_names(page) -> list[str]:
    return page.eval_on_selector_all("ul.filed li:not([hidden]) a", "as => as.map(a => a.textContent)")


def test_the_index_pages_letters_and_filters(browser, large, large_site) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        problems = watch(page)
        page.goto(large + "entities/a-z.html")
        page.click('nav.letters a:text-is("R")')
        page.wait_for_url("**/entities/all/r.html")
        names = _visible_names(page)
        assert names and all(n.upper().startswith("R") for n in names)
        assert "Rémy, Damien" in names  # people by surname
        # The type filter: plain links to the same letter of each type.
        page.click('nav.types a[href$="entities/per/r.html"]')
        page.wait_for_url("**/entities/per/r.html")
        assert page.eval_on_selector_all("ul.filed a", "as => as.every(a => a.classList.contains('type-per'))")
        # The name filter, with JavaScript: the page's names narrowed as the reader types.
        page.fill("#name-filter", "damien")
        assert _visible_names(page) == [n for n in names if "damien" in n.lower() and n.count(",")]
        page.fill("#name-filter", "zzzz")
        assert _visible_names(page) == [] and page.inner_text("#name-filter-none").strip()
        # A letter longer than a page: numbered pages, each its own plain page.
        paged = sorted(p.name for p in (large_site / "entities/all").glob("*-2.html"))
        assert paged, "no letter of the generated corpus fills two pages"
        letter = paged[0].removesuffix("-2.html")
        page.goto(large + f"entities/all/{letter}.html")
        first = _visible_names(page)
        page.click('nav.pager a:text-is("2")')
        page.wait_for_url(f"**/entities/all/{letter}-2.html")
        second = _visible_names(page)
        assert second and not set(first) & set(second)
        assert page.get_attribute('nav.pager a[aria-current="page"]', "href").endswith(f"{letter}-2.html")
        assert problems == []
    finally:
        context.close()


def test_the_index_works_without_javascript(browser, large) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(large + "entities/index.html")
        page.click("#type-org ~ nav.letters a >> nth=0")
        assert "/entities/org/" in page.url and page.locator("ul.filed li").count() > 0
        assert not page.is_visible("#name-filter")  # nothing a reader could type in vain
    finally:
        context.close()


def test_home_and_archive(browser, large, large_site) -> None:
    page = browser.new_page()
    try:
        page.goto(large + "index.html")
        assert page.locator("ul.latest > li").count() == 20
        assert page.locator("ul.latest .lede").count() == 20
        page.click('a[href="archive.html"]')
        months = page.locator("ul.months a")
        assert months.count() >= 12
        months.first.click()
        assert re.search(r"/archive/\d{4}-\d{2}\.html$", page.url)
        assert page.locator("ul.articles li").count() >= 1
    finally:
        page.close()


@pytest.mark.parametrize("depth", ["missing.html", "a/b/c/missing"])
def test_the_404_page_is_styled_at_any_depth(browser, large, depth: str) -> None:
    page = browser.new_page()
    try:
        problems = watch(page)
        response = page.goto(large + depth)
        assert response is not None and response.status == 404
        assert page.evaluate("getComputedStyle(document.body).maxWidth") == "1152px"  # style.css applies
        page.click('main a:text-is("Accueil")')
        page.wait_for_url(large + "index.html")
        # The missing page itself, and nothing else (the stylesheet, the links' targets).
        missing = f"HTTP 404 {large + depth}"
        assert sorted(problems) == [missing, "console: " + NOT_FOUND], problems
    finally:
        page.close()


NOT_FOUND = "Failed to load resource: the server responded with a status of 404 (Not Found)"
LIST_PAGES = {
    "home": "index.html",
    "archive": "archive.html",
    "month": "archive/2024-12.html",
    "index": "entities/index.html",
    "a-z": "entities/a-z.html",
    "letter": "entities/all/r.html",
    "404-deep": "a/b/c/missing",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_and_phone_width_on_the_list_pages(browser, large, axe_source: str, scheme: str) -> None:
    context = browser.new_context(bypass_csp=True, viewport=PHONE, color_scheme=scheme)
    try:
        page = context.new_page()
        failures = []
        for name, rel in LIST_PAGES.items():
            page.goto(large + rel)
            if page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth"):
                failures.append(f"{name}: overflows at {PHONE['width']}px: {page.evaluate(OVERFLOWING)}")
            page.add_script_tag(content=axe_source)
            serious = [v for v in page.evaluate(RUN_AXE) if v["impact"] in FAILING_IMPACTS]
            if serious:
                failures.append(f"{name} ({rel}, {scheme}):\n{describe(serious)}")
        assert not failures, "\n".join(failures)
    finally:
        context.close()


def test_screenshots_of_the_home_and_the_index(browser, large) -> None:
    """Kept for a person to look at: tests/browser/artefacts/<page>-<width>.png."""
    ARTEFACTS.mkdir(exist_ok=True)  # beside test_large_site.py's screenshots
    names = [f"{name}-{size['width']}.png" for size in (DESKTOP, PHONE) for name in ("home", "index", "letter")]
    for name in names:
        (ARTEFACTS / name).unlink(missing_ok=True)
    for size in (DESKTOP, PHONE):
        context = browser.new_context(viewport=size)
        try:
            page = context.new_page()
            for name, rel in (
                ("home", "index.html"),
                ("index", "entities/index.html"),
                ("letter", "entities/all/r.html"),
            ):
                page.goto(large + rel)
                page.screenshot(path=str(ARTEFACTS / f"{name}-{size['width']}.png"), full_page=False)
        finally:
            context.close()
    assert all((ARTEFACTS / name).stat().st_size > 10_000 for name in names)
