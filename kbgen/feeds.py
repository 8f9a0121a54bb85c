"""Atom feeds, sitemap and robots.txt: the files other programs read, built with ElementTree.

Timestamps come from the articles' own dates, never from the clock, so the files are the same on
every build; an undated article is dated SOURCE_DATE_EPOCH if set, else 1970-01-01.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from datetime import UTC, date, datetime

from kbgen.articles import Article

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
FEED_SIZE = 50  # newest articles per feed


def _undated() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), UTC) if epoch and epoch.isdigit() else datetime(1970, 1, 1, tzinfo=UTC)


def _stamp(day: date | None) -> str:
    moment = datetime(day.year, day.month, day.day, tzinfo=UTC) if day else _undated()
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Entry:
    """An article as a feed shows it."""

    title: str
    url: str
    date: date | None
    author: str | None
    summary: str


def entry(article: Article, url: str) -> Entry:
    return Entry(article.title, url, article.date, article.author, _summary(article.text))


def atom_feed(title: str, feed_url: str, page_url: str, entries: list[Entry], lang: str) -> bytes:
    """An Atom feed of `entries` (newest first). URLs are absolute when the site's base URL is
    known."""
    etree.register_namespace("", ATOM)
    feed = etree.Element(f"{{{ATOM}}}feed", {"xml:lang": lang})

    def sub(parent, tag, text=None, **attrs):
        element = etree.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        element.text = text
        return element

    newest = entries[:FEED_SIZE]
    sub(feed, "title", title)
    sub(feed, "id", feed_url)
    sub(feed, "link", href=feed_url, rel="self")
    sub(feed, "link", href=page_url, rel="alternate")
    sub(feed, "updated", max((_stamp(a.date) for a in newest), default=_stamp(None)))
    sub(sub(feed, "author"), "name", title)
    sub(feed, "generator", "kbgen")
    for article in newest:
        item = sub(feed, "entry")
        sub(item, "title", article.title)
        sub(item, "id", article.url)
        sub(item, "link", href=article.url, rel="alternate")
        sub(item, "updated", _stamp(article.date))
        if article.author:
            sub(sub(item, "author"), "name", article.author)
        sub(item, "summary", article.summary)
    etree.indent(feed)
    return etree.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _summary(text: str, length: int = 280) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[:length].rsplit(" ", 1)[0] + "…"


def sitemap(urls: list[str]) -> bytes:
    etree.register_namespace("", SITEMAP)
    root = etree.Element(f"{{{SITEMAP}}}urlset")
    for url in sorted(urls):
        etree.SubElement(etree.SubElement(root, f"{{{SITEMAP}}}url"), f"{{{SITEMAP}}}loc").text = url
    etree.indent(root)
    return etree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def robots(sitemap_url: str | None) -> bytes:
    lines = ["User-agent: *", "Allow: /"]
    if sitemap_url:
        lines.append(f"Sitemap: {sitemap_url}")
    return ("\n".join(lines) + "\n").encode()
