"""Where each page of the site is, relative to the site's root: one place for every link."""

from __future__ import annotations

TAGS = "tags/index.html"  # every tag, with its number of articles
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


def entity_url(slug: str) -> str:
    return f"entities/{slug}.html"


def tag_url(slug: str) -> str:
    """A tag's page: a folder's index.html (as `/tags/<tag>/` elsewhere), named in full so that
    links work from file:// too."""
    return f"tags/{slug}/index.html"
