"""Where each page of the site is, relative to the site's root: one place for every link."""

from __future__ import annotations


def article_url(slug: str) -> str:
    return f"articles/{slug}.html"


def entity_url(slug: str) -> str:
    return f"entities/{slug}.html"
