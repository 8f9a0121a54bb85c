"""An entity's mentions split into pages when they do not fit on one: its own page holds the newest
50, archive pages whole years."""

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


def history(newest: int = 70) -> tuple[CitingArticle, ...]:
    """`newest` articles in 2024, then a few in older years, and one undated."""
    years = [(2024, newest), (2023, 6), (2021, 5), (2020, 4), (2019, 3)]
    return (*citing(*(date(year, 1, 1) for year, n in years for _ in range(n))), *citing(None))


def test_the_newest_stay_on_the_entity_page_and_whole_years_fill_the_archive_pages():
    cited = history()
    parts = entity_pages.parts("x", cited, per_page=50, per_archive=10)
    assert [(p.path, p.years, p.number, len(p.citing)) for p in parts] == [
        ("entities/x.html", (2024,), 1, 50),
        ("entities/x/2024.html", (2024,), 1, 10),  # 2024's 20 older articles: more than a page holds
        ("entities/x/2024-2.html", (2024,), 2, 10),
        ("entities/x/2023.html", (2023,), 1, 6),  # with 2021's 5, 11: too many
        ("entities/x/2021.html", (2021,), 1, 5),  # packed from the oldest: 2019 and 2020 first
        ("entities/x/2019-2020.html", (2020, 2019), 1, 7),
        ("entities/x/undated.html", (None,), 1, 1),
    ]
    assert [c for p in parts for c in p.citing] == list(cited)  # each once, newest first
    assert all(len(p.citing) <= 10 for p in parts[1:])
    paths = [p.path for p in parts]
    assert [p.previous for p in parts] == [None, *paths[:-1]]
    assert [p.next for p in parts] == [*paths[1:], None]
    assert parts[1].year_pages == parts[2].year_pages == ((1, paths[1]), (2, paths[2]))
    assert all(not p.year_pages for p in parts[3:])
    years = entity_pages.years(parts, cited)
    assert [(y.year, y.articles, y.path) for y in years] == [
        (2024, 70, "entities/x.html#y2024"),  # the page with its newest articles
        (2023, 6, "entities/x/2023.html#y2023"),
        (2021, 5, "entities/x/2021.html#y2021"),
        (2020, 4, "entities/x/2019-2020.html#y2020"),
        (2019, 3, "entities/x/2019-2020.html#y2019"),
        (None, 1, "entities/x/undated.html#undated"),
    ]


def test_new_articles_leave_the_pages_of_past_years_as_they_were():
    before = entity_pages.parts("x", history(70), per_page=50, per_archive=10)
    after = entity_pages.parts("x", history(90), per_page=50, per_archive=10)
    assert len(after) == len(before) + 2  # 2024 has 40 articles in the archive now
    assert [(p.path, p.citing) for p in after[-4:]] == [(p.path, p.citing) for p in before[-4:]]


def test_an_entity_with_undated_articles_only_has_no_dates_to_show():
    assert entity_pages.seen(citing(None, None)) == (None, None)
