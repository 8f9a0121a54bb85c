"""The site's lists, at any size: the home page's latest articles, the archive by month, the
entities by letter (for every type and for each), a tag's articles and a source folder's. A list
longer than PAGE_SIZE is cut into numbered pages, so that no list page grows with the corpus;
every page is plain HTML (a small script, static/lists.js, only filters the page a reader is on
by name).

People are filed by surname, as a printed index files them ("Rutte, Mark"). The surname is
what the corpus calls them alone: the longest of their other names that ends their full name
("Le Gall" for "Jean Le Gall"), else the last word; lower-case words before it ("de") go after
the given names ("Gaulle, Charles de"), as they are particles by their case."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from kbgen.articles import Article
from kbgen.resolve import Entity, fold
from kbgen.slugs import slugify, unique_slug
from kbgen.spans import LABELS
from kbgen.tags import Tag
from kbgen.urls import ARCHIVE, ENTITY_LETTERS, tag_url

PAGE_SIZE = 200  # entries per list page: a page stays far below 200 KB whatever the corpus
HOME_ARTICLES = 20  # the newest articles the home page shows, with their ledes
TOP_PER_TYPE = 10  # the most mentioned entities of each type the index starts with
ALL = "all"  # the letter pages of every type (entities/all/<letter>.html)
OTHER = "other"  # the letter of names that start with no letter


@dataclass(frozen=True)
class Filed:
    """An entity as the index shows it: under `key` (its filing name folded), as `shown`."""

    entity: Entity
    key: str
    shown: str

    @property
    def letter(self) -> str:
        first = self.key[:1]
        return first if first.isalpha() else OTHER


@dataclass(frozen=True)
class ListPage:
    """One page of a list: `items`, page `number` of `pages` of the list named `name`."""

    path: str
    name: str
    number: int
    pages: int
    items: tuple

    def path_of(self, number: int) -> str:
        """The path of page `number` of the same list."""
        return page_path(self.path.rsplit("/", 1)[0], self.name, number)


def filed(entity: Entity) -> Filed:
    """`entity` under its filing name: a person's surname first."""
    words = entity.name.split()
    if entity.type != "PER" or len(words) < 2:
        return Filed(entity, fold(entity.name), entity.name)
    tails = [
        a.split() for a in entity.aliases if 0 < len(a.split()) < len(words) and words[-len(a.split()) :] == a.split()
    ]
    cut = len(words) - max((len(t) for t in tails), default=1)
    while cut < len(words) - 1 and words[cut].islower():
        cut += 1  # a particle, by its case: filed after the given names
    surname, given = " ".join(words[cut:]), " ".join(words[:cut])
    # The surname alone first: "Rémy, Diane" before "Rémy Industries", as an index files them.
    return Filed(entity, f"{fold(surname)}\x00{fold(given)}", f"{surname}, {given}")


def paged(items: list, size: int = PAGE_SIZE) -> list[tuple]:
    """`items` in runs of at most `size` (one empty run for no items)."""
    return [tuple(items[i : i + size]) for i in range(0, len(items), size)] or [()]


def page_path(folder: str, name: str, number: int) -> str:
    return f"{folder}/{name}.html" if number == 1 else f"{folder}/{name}-{number}.html"


def _pages(folder: str, name: str, items: list) -> list[ListPage]:
    runs = paged(items)
    return [ListPage(page_path(folder, name, n), name, n, len(runs), run) for n, run in enumerate(runs, 1)]


def entity_letters(entities: Sequence[Entity]) -> dict[str, dict[str, list[ListPage]]]:
    """For ALL and each type that has entities: its letters, each with its pages, in order."""
    every = sorted((filed(e) for e in entities), key=lambda f: (f.letter == OTHER, f.key, f.entity.slug))
    shelves: dict[str, dict[str, list[ListPage]]] = {}
    for kind in (ALL, *LABELS):
        of_kind = [f for f in every if kind in (ALL, f.entity.type)]
        letters: dict[str, list[Filed]] = {}
        for item in of_kind:
            letters.setdefault(item.letter, []).append(item)
        if letters:
            folder = f"{ENTITY_LETTERS}/{kind.lower()}"
            shelves[kind] = {letter: _pages(folder, letter, items) for letter, items in letters.items()}
    return shelves


def months(articles: tuple[Article, ...]) -> dict[int | None, dict[str, list[ListPage]]]:
    """The archive of `articles` (newest first, undated last): per year (None: undated), its
    months ('2024-03', or 'undated'), each with its pages of articles in that order."""
    groups: dict[int | None, dict[str, list[Article]]] = {}
    for article in articles:
        day = article.date
        month = day.strftime("%Y-%m") if day else "undated"
        groups.setdefault(day.year if day else None, {}).setdefault(month, []).append(article)
    return {year: {m: _pages(ARCHIVE, m, items) for m, items in by_month.items()} for year, by_month in groups.items()}


def month_of(name: str) -> date | None:
    """The first day of an archive page's month ('2024-03'); None for the undated articles."""
    return None if name == "undated" else date(int(name[:4]), int(name[5:7]), 1)


@dataclass(frozen=True)
class Letter:
    """A letter in a list's letter bar: shown as `label`, its first page at `path`."""

    label: str
    path: str
    count: int | None  # None in the bar of a letter's own pages (see _index_files)


def list_files(page, articles: tuple[Article, ...], entities: Sequence[Entity], top: list[Entity], ledes) -> list:
    """The home page, the archive and the entity index as pages made by `page` (Theme.page):
    `top` the entities the home page puts forward, `ledes` a function giving an article's lede."""
    latest = articles[:HOME_ARTICLES]
    home = page(
        "index.html", "home.html", articles=latest, ledes=tuple(map(ledes, latest)), total=len(articles), top=top
    )
    return [home, *_archive_files(page, articles), *_index_files(page, entities)]


def _archive_files(page, articles: tuple[Article, ...]) -> list:
    archive = months(articles)
    bar = tuple(
        (year, tuple((month_of(name), pages[0].path, _count(pages)) for name, pages in by_month.items()))
        for year, by_month in archive.items()
    )
    files = [page(f"{ARCHIVE}.html", "archive.html", years=bar)]
    # A month's pages link the other months without their counts, which archive.html gives:
    # else every article added would make every month's pages again, not its own month's.
    other_months = tuple((year, tuple((day, path, None) for day, path, _ in months)) for year, months in bar)
    for by_month in archive.values():
        for name, pages in by_month.items():
            files += [page(p.path, "month.html", month=month_of(name), shelf=p, years=other_months) for p in pages]
    return files


def _index_files(page, entities: Sequence[Entity]) -> list:
    shelves = entity_letters(entities)
    bars = {
        kind: tuple(Letter(_label(letter), pages[0].path, _count(pages)) for letter, pages in letters.items())
        for kind, letters in shelves.items()
    }
    most = sorted(entities, key=lambda e: (-len(e.mentions), e.slug))
    top = {kind: tuple(e for e in most if e.type == kind)[:TOP_PER_TYPE] for kind in shelves}
    files = [
        page("entities/index.html", "entities.html", bars=bars, top=top),
        page("entities/a-z.html", "a-z.html", bar=bars.get(ALL, ())),
    ]
    # A letter's pages link the other letters without their counts (the index pages give them),
    # so that an entity added remakes its own letter's pages only.
    uncounted = {kind: tuple(replace(letter, count=None) for letter in bar) for kind, bar in bars.items()}
    for kind, letters in shelves.items():
        for letter, pages in letters.items():
            # The same letter in each type's list where it has one (else its first), for the type filter.
            across = {
                other: shelves[other].get(letter, next(iter(shelves[other].values())))[0].path for other in shelves
            }
            files += [
                page(
                    p.path, "letter.html", kind=kind, letter=_label(letter), shelf=p, bar=uncounted[kind], across=across
                )
                for p in pages
            ]
    return files


def tag_files(page, tags: Sequence[Tag]) -> list:
    """A tag's articles, newest first, on pages of tags/<slug>/ (its first is tag_url's)."""
    files = []
    for tag in tags:
        shelf = _pages(tag_url(tag.slug).rsplit("/", 1)[0], "index", list(tag.articles))
        files += [page(p.path, "tag.html", tag=tag, shelf=p) for p in shelf]
    return files


def source_files(page, sources: list[tuple[str, list[Article]]]) -> list:
    """sources.html, the folders articles came from with their numbers of articles, and each
    folder's articles on pages of sources/<slug>/."""
    taken: set[str] = set()
    shelves = [
        (name, _pages(f"sources/{unique_slug(slugify(name), taken)}", "index", items)) for name, items in sources
    ]
    listing = tuple((name, pages[0].path, _count(pages)) for name, pages in shelves)
    files = [page("sources.html", "sources.html", sources=listing)]
    for name, pages in shelves:
        files += [page(p.path, "source.html", source=name, shelf=p) for p in pages]
    return files


def _count(pages: list[ListPage]) -> int:
    return sum(len(p.items) for p in pages)


def _label(letter: str) -> str:
    return "#" if letter == OTHER else letter.upper()
