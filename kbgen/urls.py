"""Where each page of the site is, relative to the site's root: one place for every link."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from kbgen.article_files import BUNDLE_PAGES
from kbgen.markup import wikilink_key

if TYPE_CHECKING:
    from kbgen.link import KnowledgeBase

TAGS = "tags/index.html"  # every tag, with its number of articles
ARCHIVE = "archive"  # archive.html lists the months, archive/<year>-<month>.html their articles
ENTITY_LETTERS = "entities"  # entities/<all or type>/<letter>.html: the entity index, by letter
PAGES = (  # the pages every site has, as the sitemap lists them
    "index.html",
    "archive.html",
    "sources.html",
    "entities/index.html",
    "entities/a-z.html",
    "search.html",
    "graph.html",
    TAGS,
)
OTHER_FILES = ("404.html", "feed.xml", "sitemap.xml", "robots.txt")


def article_url(slug: str) -> str:
    return f"articles/{slug}.html"


ENTITY_PAGES = "entities/"  # the folder of the entity pages (and their feeds)


def entity_url(slug: str) -> str:
    return f"{ENTITY_PAGES}{slug}.html"


def tag_url(slug: str) -> str:
    """A tag's page: a folder's index.html (as `/tags/<tag>/` elsewhere), named in full so that
    links work from file:// too."""
    return f"tags/{slug}/index.html"


def wikilink_pages(kb: KnowledgeBase) -> dict[str, str]:
    """The page each [[wikilink]] target names, from a page one folder deep: an article by its
    title, its address, its file's name (Obsidian links by file name) or its other names
    (Obsidian's aliases), else an entity by its
    name or one of its aliases. An article wins over an entity of the same name."""
    pages: dict[str, str] = {}
    for article in kb.articles:
        stem = PurePosixPath(article.path).stem
        for name in (article.title, article.slug, *([] if stem in BUNDLE_PAGES else [stem]), *article.names):
            pages.setdefault(wikilink_key(name), "../" + article_url(article.slug))
    for homonym in kb.homonyms:  # 'Vidal' is its page, not one of the Vidals'
        pages.setdefault(wikilink_key(homonym.name), "../" + entity_url(homonym.slug))
    for entity in kb.entities:
        for name in (entity.name, *entity.aliases):
            pages.setdefault(wikilink_key(name), "../" + entity_url(entity.slug))
    return pages


def host(address: str) -> str:
    """The site an address is on, for readers: 'https://www.example.org/a' gives 'example.org'."""
    try:
        return (urlsplit(address).hostname or address).removeprefix("www.")
    except ValueError:  # not quite an address: 'http://[oops'
        return address
