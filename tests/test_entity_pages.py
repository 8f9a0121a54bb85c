"""An entity's mentions split into pages: by year when they do not fit on one, 50 articles a page."""

from datetime import date
from types import SimpleNamespace

from kbgen import entity_pages
from kbgen.link import CitingArticle


def citing(*days: date | None) -> tuple[CitingArticle, ...]:
    return tuple(CitingArticle(SimpleNamespace(date=day), ()) for day in days)  # type: ignore[arg-type]


def test_a_few_articles_fit_on_the_entity_page_with_the_year_bar_as_anchors():
    cited = citing(date(2024, 5, 1), date(2023, 1, 2), None)
    parts = entity_pages.parts("x", cited)
    assert [(p.path, p.whole, len(p.citing)) for p in parts] == [("entities/x.html", True, 3)]
    years = entity_pages.years(parts, cited)
    assert [(y.year, y.articles, y.path) for y in years] == [
        (2024, 1, "entities/x.html#y2024"),
        (2023, 1, "entities/x.html#y2023"),
        (None, 1, "entities/x.html#undated"),
    ]
    assert entity_pages.seen(cited) == (date(2023, 1, 2), date(2024, 5, 1))


def test_many_articles_go_to_one_page_per_year_and_fifty_a_page():
    cited = citing(*[date(2024, 1, 1)] * 120, *[date(2022, 1, 1)] * 3, None)
    parts = entity_pages.parts("x", cited)
    assert [(p.path, p.year, p.number, len(p.citing)) for p in parts] == [
        ("entities/x.html", 2024, 1, 50),
        ("entities/x/2024-2.html", 2024, 2, 50),
        ("entities/x/2024-3.html", 2024, 3, 20),
        ("entities/x/2022.html", 2022, 1, 3),
        ("entities/x/undated.html", None, 1, 1),
    ]
    assert all(len(p.citing) <= entity_pages.ARTICLES_PER_PAGE for p in parts)
    assert sum(len(p.citing) for p in parts) == len(cited)
    years = entity_pages.years(parts, cited)
    assert [(y.year, y.articles, y.path) for y in years] == [
        (2024, 120, "entities/x.html"),
        (2022, 3, "entities/x/2022.html"),
        (None, 1, "entities/x/undated.html"),
    ]


def test_an_entity_with_undated_articles_only_has_no_dates_to_show():
    assert entity_pages.seen(citing(None, None)) == (None, None)
