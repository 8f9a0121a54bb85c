"""An entity's pages: where its mentions go when they are too many for one page, and the few
facts its lead gives. No I/O and no markup: render.py makes the pages, entity.html shows them.

An entity cited in at most ARTICLES_PER_PAGE articles has one page. Beyond that its own page
holds the newest ARTICLES_PER_PAGE and the older mentions go to archive pages of at most
ARTICLES_PER_ARCHIVE, each holding whole consecutive years (a reader looks for a period, not for
page 7), packed from the oldest year so that the pages of past years keep their names as articles
are added; a year with more articles than an archive page holds has pages of its own, and so
do the undated articles. A page is named by the years it holds: `2021-2023.html`, `2024.html`,
`2024-2.html` (2024's second page), `undated.html`."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from kbgen.link import CitingArticle
from kbgen.urls import entity_url

ARTICLES_PER_PAGE = 50
# At 10,000 articles of the bench corpus, 250 puts the older mentions of the 400 entities cited in
# more than 50 articles on 768 pages instead of 3,265 year pages, the largest 215 KB; 500 would
# save 233 pages more, with pages twice as heavy (docs/performance.md).
ARTICLES_PER_ARCHIVE = 250


@dataclass(frozen=True)
class Part:
    """One page of an entity's mentions: `years` it holds, newest first (None: undated), or the
    whole timeline when it fits on one page (`whole`); `number` counts the pages of a year that has
    several (1 otherwise), `year_pages` are (number, path) of that year's pages, `previous` and
    `next` the pages around it."""

    path: str
    years: tuple[int | None, ...]
    number: int
    whole: bool
    citing: tuple[CitingArticle, ...]
    year_pages: tuple[tuple[int, str], ...] = ()
    previous: str | None = None
    next: str | None = None


@dataclass(frozen=True)
class Year:
    """A link of the year bar: the year (None: undated), its articles, the page and anchor of its
    newest articles."""

    year: int | None
    articles: int
    path: str


def parts(
    slug: str,
    citations: tuple[CitingArticle, ...],
    per_page: int = ARTICLES_PER_PAGE,
    per_archive: int = ARTICLES_PER_ARCHIVE,
) -> list[Part]:
    """The pages of an entity's mentions, the entity's own page first, then the archive, newest
    first. `citations` come newest first, undated last (link.by_date)."""
    own = citations[:per_page]
    if len(citations) <= per_page:
        return [Part(entity_url(slug), _years(own), 1, True, own)]
    groups = by_year(citations[per_page:])
    dated = [(year, citing) for year, citing in groups if year is not None]
    undated = [citing for year, citing in groups if year is None]
    archive = [*reversed(_pack(slug, dated[::-1], per_archive))]
    for citing in undated:
        archive += _split(slug, None, citing, per_archive)
    pages = [Part(entity_url(slug), _years(own), 1, False, own), *archive]
    paths = [None, *(page.path for page in pages), None]
    return [replace(page, previous=paths[index], next=paths[index + 2]) for index, page in enumerate(pages)]


def _pack(slug: str, oldest_first: list[tuple[int, list[CitingArticle]]], size: int) -> list[Part]:
    """Archive pages of whole years, oldest first: consecutive years while they fit in `size`,
    a larger year alone on as many pages as it needs."""
    pages: list[Part] = []
    held: list[tuple[int, list[CitingArticle]]] = []  # the years of the page being filled

    def close() -> None:
        if held:
            newest_first = held[::-1]
            years = tuple(year for year, _ in newest_first)
            name = str(years[0]) if len(years) == 1 else f"{years[-1]}-{years[0]}"
            citing = tuple(c for _, group in newest_first for c in group)
            pages.append(Part(f"entities/{slug}/{name}.html", years, 1, False, citing))
            held.clear()

    for year, citing in oldest_first:
        if len(citing) > size:
            close()
            pages += _split(slug, year, citing, size)[::-1]
            continue
        if sum(len(group) for _, group in held) + len(citing) > size:
            close()
        held.append((year, citing))
    close()
    return pages


def _split(slug: str, year: int | None, citing: list[CitingArticle], size: int) -> list[Part]:
    """One year's (or the undated articles') pages, newest first, each linking all of them."""
    name = "undated" if year is None else str(year)
    chunks = [tuple(citing[start : start + size]) for start in range(0, len(citing), size)]
    numbered = tuple((n, f"entities/{slug}/{name}{'' if n == 1 else f'-{n}'}.html") for n in range(1, len(chunks) + 1))
    return [
        Part(path, (year,), number, False, chunk, numbered if len(chunks) > 1 else ())
        for (number, path), chunk in zip(numbered, chunks, strict=True)
    ]


def _years(citations: tuple[CitingArticle, ...]) -> tuple[int | None, ...]:
    return tuple(year for year, _ in by_year(citations))


def years(pages: list[Part], citations: tuple[CitingArticle, ...]) -> list[Year]:
    """The year bar: each year's number of articles and a link to its heading on the first page
    holding it (the newest of its articles)."""
    first: dict[int | None, str] = {}
    for page in pages:
        for year in page.years:
            first.setdefault(year, page.path)
    return [Year(year, len(citing), f"{first[year]}#{year_anchor(year)}") for year, citing in by_year(citations)]


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
