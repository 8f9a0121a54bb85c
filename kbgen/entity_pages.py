"""An entity's pages: where its mentions go when they are too many for one page, and the few
facts its lead gives. No I/O and no markup: render.py makes the pages, entity.html shows them.

An entity cited in at most ARTICLES_PER_PAGE articles has one page. Beyond that its mentions
are split by year (a reader looks for a period, not for page 7), and a year with more articles
than a page holds is split into pages of ARTICLES_PER_PAGE; the entity's own page holds the
first of them, the newest."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from kbgen.link import CitingArticle
from kbgen.urls import entity_url

ARTICLES_PER_PAGE = 50


@dataclass(frozen=True)
class Part:
    """One page of an entity's mentions: `year` is None for undated articles, or for the whole
    timeline when it fits on one page (`whole`); `number` counts from 1 within the year;
    `year_pages` are (number, path) of its year's pages, `previous` and `next` the pages around it."""

    path: str
    year: int | None
    number: int
    whole: bool
    citing: tuple[CitingArticle, ...]
    year_pages: tuple[tuple[int, str], ...] = ()
    previous: str | None = None
    next: str | None = None


@dataclass(frozen=True)
class Year:
    """A link of the year bar: the year (None: undated), its articles, its first page."""

    year: int | None
    articles: int
    path: str


def parts(slug: str, citations: tuple[CitingArticle, ...], per_page: int = ARTICLES_PER_PAGE) -> list[Part]:
    """The pages of an entity's mentions, the entity's own page first. `citations` come newest
    first, undated last (link.by_date)."""
    if len(citations) <= per_page:
        return [Part(entity_url(slug), None, 1, True, citations)]
    pages: list[Part] = []
    for year, citing in by_year(citations):
        for start in range(0, len(citing), per_page):
            number = start // per_page + 1
            path = entity_url(slug) if not pages else _part_path(slug, year, number)
            pages.append(Part(path, year, number, False, tuple(citing[start : start + per_page])))
    paths = [None, *(page.path for page in pages), None]
    return [
        replace(
            page,
            year_pages=tuple((p.number, p.path) for p in pages if p.year == page.year),
            previous=paths[index],
            next=paths[index + 2],
        )
        for index, page in enumerate(pages)
    ]


def _part_path(slug: str, year: int | None, number: int) -> str:
    name = "undated" if year is None else str(year)
    return f"entities/{slug}/{name}{'' if number == 1 else f'-{number}'}.html"


def years(pages: list[Part], citations: tuple[CitingArticle, ...]) -> list[Year]:
    """The year bar: each year's number of articles and first page (on a single page, the
    year's heading, as an anchor)."""
    counts = {year: len(citing) for year, citing in by_year(citations)}
    if pages[0].whole:
        return [Year(year, n, f"{pages[0].path}#{year_anchor(year)}") for year, n in counts.items()]
    first: dict[int | None, str] = {}
    for page in pages:
        first.setdefault(page.year, page.path)
    return [Year(year, n, first[year]) for year, n in counts.items()]


def year_anchor(year: int | None) -> str:
    return f"y{year}" if year is not None else "undated"


def seen(citations: tuple[CitingArticle, ...]) -> tuple[date | None, date | None]:
    """The first and last dates the entity is mentioned on (None when no citing article has one)."""
    days = [c.article.date for c in citations if c.article.date is not None]
    return (min(days), max(days)) if days else (None, None)


def by_year(citations: tuple[CitingArticle, ...]) -> list[tuple[int | None, list[CitingArticle]]]:
    """(year or None, citing articles) groups, in the order given."""
    groups: dict[int | None, list[CitingArticle]] = {}
    for citing in citations:
        day = citing.article.date
        groups.setdefault(day.year if day else None, []).append(citing)
    return list(groups.items())
