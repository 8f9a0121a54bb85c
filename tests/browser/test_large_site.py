"""A generated site of 300 articles in a real browser: entity pages in pages, first-mention links
and their cards, the graph at phone width, axe. Screenshots go to tests/browser/artefacts/."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest

from kbgen.entity_pages import ARTICLES_PER_ARCHIVE, ARTICLES_PER_PAGE

from .test_site_in_browser import (
    FAILING_IMPACTS,
    OVERFLOWING,
    RUN_AXE,
    Served,
    _serve,
    describe,
)

pytestmark = pytest.mark.browser

ARTEFACTS = Path(__file__).resolve().parent / "artefacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def large(large_site: Path) -> Iterator[Served]:
    with _serve(large_site) as origin:
        yield Served("large", origin)


@pytest.fixture(scope="module")
def busiest(large_site: Path) -> dict:
    """The entity cited in the most articles: its mentions take several pages."""
    entities = json.loads((large_site / "api/entities.json").read_text("utf-8"))
    return max(entities, key=lambda e: (len(e["articles"]), e["slug"]))


@pytest.fixture(scope="module")
def article(large_site: Path) -> str:
    """An article naming many entities."""
    articles = json.loads((large_site / "api/articles.json").read_text("utf-8"))
    return max(articles, key=lambda a: (len(a["entities"]), a["slug"]))["url"]


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP)
    try:
        yield context.new_page()
    finally:
        context.close()


def test_entity_mentions_are_paged_with_a_year_bar(page, large, busiest) -> None:
    assert len(busiest["articles"]) > 50, "the corpus should have an entity in more than 50 articles"
    page.goto(large.url(busiest["url"]))
    assert page.locator("p.lead").inner_text().count(str(len(busiest["articles"]))) >= 1
    assert page.locator("nav.years a").count() > 1
    seen, pages = 0, 0
    for _ in range(100):  # every page of mentions, by the "next" links
        items = page.locator("ol.citations > li").count()
        assert 0 < items <= (ARTICLES_PER_PAGE if not pages else ARTICLES_PER_ARCHIVE)
        seen, pages = seen + items, pages + 1
        following = page.locator("nav.pages a[rel=next]")
        if not following.count():
            break
        following.click()
        page.wait_for_load_state()
        assert page.locator("h1 a.entity").inner_text() == busiest["name"]
    assert seen == len(busiest["articles"]) and pages > 1
    # The year bar leads to the page holding a year, at its heading; the years shown are marked.
    oldest = page.locator("nav.years a").last
    year, anchor = oldest.inner_text().split()[0], oldest.get_attribute("href").split("#")[1]
    oldest.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"#{anchor}") and page.locator(f"h3#{anchor}").inner_text() == year
    assert page.locator("nav.years a[aria-current]").last.inner_text().split()[0] == year


def test_each_entity_is_linked_at_its_first_mention_only(page, large, large_site, article) -> None:
    page.goto(large.url(article))
    hrefs = page.eval_on_selector_all("article .body a.mention", "links => links.map(a => a.getAttribute('href'))")
    assert hrefs and len(hrefs) == len(set(hrefs))
    aside = page.eval_on_selector_all("aside a.entity", "links => links.map(a => a.getAttribute('href'))")
    listed = json.loads((large_site / "api/entities.json").read_text("utf-8"))
    entities = {f"../entities/{e['slug']}.html" for e in listed}
    assert set(hrefs) & entities <= set(aside)
    # The other links go to homonym pages (a surname several people bear), which the aside does not list.
    for href in set(hrefs) - entities:
        assert "peut désigner" in (large_site / "articles" / href).resolve().read_text("utf-8"), href
    related = page.locator("ul.related li .meta").first.inner_text()
    assert "en commun : " in related


def test_a_card_shows_on_keyboard_focus_without_loading_a_page(page, large, article) -> None:
    page.goto(large.url(article))
    page.wait_for_load_state("networkidle")
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for _ in range(60):  # Tab through the page to the first link in the text
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('article .body a.mention')"):
            break
    else:
        pytest.fail("no entity link in the article's text took the keyboard focus")
    card = page.locator("#entity-card")
    assert card.is_visible()
    text = card.inner_text()
    assert "article" in text and any(kind in text for kind in ("Personne", "Organisation", "Lieu", "Divers"))
    assert page.evaluate("() => document.activeElement.getAttribute('aria-describedby')") == "entity-card"
    # The card is the focused link's entity's.
    href = page.evaluate("() => document.activeElement.getAttribute('href')")
    assert card.locator(".entity-card").get_attribute("data-href") == href
    page.keyboard.press("Escape")
    assert not card.is_visible()
    page.keyboard.press("Tab")  # the next link gets its own card
    assert not [url for url in requested if "/entities/" in url], requested


def test_the_graph_at_phone_width(browser, large) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(large.url("graph.html"))
        scroll, client = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll <= client, page.evaluate(OVERFLOWING)
        # Labels stay readable: drawn at their own size, not shrunk to fit.
        heights = page.eval_on_selector_all(
            ".network text.label", "labels => labels.map(t => t.getBoundingClientRect().height)"
        )
        assert heights and min(heights) >= 10
        # No entity without a link; the filters hide a type, and the weak links.
        visible = (
            "sel => [...document.querySelectorAll(sel)].filter(e => getComputedStyle(e).display !== 'none').length"
        )
        nodes, edges = page.evaluate(visible, ".network .nodes a"), page.evaluate(visible, ".network line")
        assert nodes and edges
        page.locator("label", has=page.locator("#show-per")).click()
        assert page.evaluate(visible, ".network .nodes a.n-per") == 0
        assert page.evaluate(visible, ".network .nodes a") < nodes
        page.locator("label", has=page.locator("#show-per")).click()
        page.locator(".graph-filter input[type=radio]").last.check()
        assert 0 < page.evaluate(visible, ".network line") < edges
        assert page.locator("ul.communities li").count() >= 2
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("which", ["entity", "entity-year", "article", "graph"])
def test_axe_on_the_large_site(browser, large, axe_source, busiest, article, which, scheme) -> None:
    context = browser.new_context(bypass_csp=True, color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(large.url(busiest["url"]))
        year_page = page.locator("nav.years a").last.get_attribute("href")
        pages = {"entity": busiest["url"], "entity-year": year_page, "article": article, "graph": "graph.html"}
        page.goto(
            urljoin(large.url(busiest["url"]), pages[which]) if which == "entity-year" else large.url(pages[which])
        )
        if which == "article":  # with a card shown
            page.locator("article .body a.mention").first.focus()
        page.add_script_tag(content=axe_source)
        serious = [v for v in page.evaluate(RUN_AXE) if v["impact"] in FAILING_IMPACTS]
        assert not serious, describe(serious)
    finally:
        context.close()


@pytest.mark.parametrize("width", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_screenshots(browser, large, busiest, article, width) -> None:
    """Kept as artefacts, to look at: an entity page, the graph, an article with a card shown."""
    ARTEFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport=width)
    try:
        page = context.new_page()
        for name, rel in (("entity", busiest["url"]), ("graph", "graph.html")):
            page.goto(large.url(rel))
            path = ARTEFACTS / f"{name}-{width['width']}.png"
            page.screenshot(path=str(path), full_page=True)
            assert path.stat().st_size > 10_000
            page.screenshot(path=str(ARTEFACTS / f"{name}-{width['width']}-first-screen.png"))
        page.goto(large.url(article))
        page.locator("article .body a.mention").nth(2).focus()
        page.screenshot(path=str(ARTEFACTS / f"article-card-{width['width']}-first-screen.png"))
    finally:
        context.close()
