"""Atom feeds, sitemap and robots.txt: the files other programs read, built with ElementTree.

Timestamps come from the articles' own dates, never from the clock, so the files are the same on
every build. Atom needs an <updated> in every entry: an undated article's is the feed's own (its
newest entry's), so it is never shown as 1970; a feed with no dated article at all is dated
SOURCE_DATE_EPOCH if set, else 1970-01-01.

Atom (RFC 3339) and the sitemap (W3C datetime) want a zone with every time. An article's time is
written with the zone it was given; a time given without one is taken as UTC, as Hugo does when
no time zone is set (the pages show it as written, with no zone). A date alone is midnight UTC
in Atom, and the date alone in the sitemap.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import partial

from kbgen.articles import Article
from kbgen.output import made
from kbgen.urls import article_url, entity_url

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
FEED_SIZE = 50  # newest articles per feed


def _undated() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), UTC) if epoch and epoch.isdigit() else datetime(1970, 1, 1, tzinfo=UTC)


def moment(day: date | None, clock: time | None = None) -> datetime:
    """The instant a feed gives for a date and a time of day (see the module's docstring)."""
    if day is None:
        return _undated()
    when = datetime.combine(day, (clock or time(0)).replace(microsecond=0))
    return when if when.tzinfo is not None and when.utcoffset() is not None else when.replace(tzinfo=UTC)


def _stamp(when: datetime) -> str:
    text = when.isoformat(timespec="seconds")
    return text[: -len("+00:00")] + "Z" if text.endswith("+00:00") else text


def lastmod(day: date | None, clock: time | None = None) -> str | None:
    """A sitemap's <lastmod>: the date, or the date and time with its zone."""
    if day is None:
        return None
    return day.isoformat() if clock is None else _stamp(moment(day, clock))


@dataclass(frozen=True)
class Entry:
    """An article as a feed shows it."""

    title: str
    url: str
    published: datetime | None  # None when undated: Atom's <published> is optional, <updated> is not
    updated: datetime | None  # the last update, else the publication; None when undated
    authors: tuple[str, ...]
    summary: str
    original: str | None = None  # where a saved web page was first published
    id: str = ""  # Atom's entry id: an absolute IRI, the same in every feed it is in


def entry(article: Article, url: str, id: str | None = None) -> Entry:
    """The article as a feed shows it, at `url`, known by `id` (by default its URL)."""
    published = moment(article.date, article.time) if article.date else None
    updated = moment(article.updated, article.updated_time) if article.updated else published
    summary = article.summary or _summary(article.text)
    return Entry(
        article.title, url, published, updated, tuple(article.authors), summary, article.original_url, id or url
    )


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
    latest = max((a.updated for a in newest if a.updated), default=_undated())
    sub(feed, "updated", _stamp(latest))
    sub(sub(feed, "author"), "name", title)
    sub(feed, "generator", "kbgen")
    for article in newest:
        item = sub(feed, "entry")
        sub(item, "title", article.title)
        sub(item, "id", article.id)
        sub(item, "link", href=article.url, rel="alternate")
        if article.original:
            sub(item, "link", href=article.original, rel="via")  # Atom's link to the source
        if article.published:
            sub(item, "published", _stamp(article.published))
        sub(item, "updated", _stamp(article.updated or latest))
        for name in article.authors:
            sub(sub(item, "author"), "name", name)
        sub(item, "summary", article.summary)
    etree.indent(feed)
    return etree.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _summary(text: str, length: int = 280) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[:length].rsplit(" ", 1)[0] + "…"


def description(summary: str | None, text: str, length: int = 160) -> str:
    """An article page's <meta name="description">: its summary, else the start of its text."""
    return " ".join(summary.split()) if summary else _summary(text, length)


def sitemap(urls: list[tuple[str, str | None]]) -> bytes:
    """A sitemap of (URL, last modification or None)."""
    etree.register_namespace("", SITEMAP)
    root = etree.Element(f"{{{SITEMAP}}}urlset")
    for url, modified in sorted(urls, key=lambda item: item[0]):
        page = etree.SubElement(root, f"{{{SITEMAP}}}url")
        etree.SubElement(page, f"{{{SITEMAP}}}loc").text = url
        if modified:
            etree.SubElement(page, f"{{{SITEMAP}}}lastmod").text = modified
    etree.indent(root)
    return etree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def robots(sitemap_url: str | None) -> bytes:
    lines = ["User-agent: *", "Allow: /"]
    if sitemap_url:
        lines.append(f"Sitemap: {sitemap_url}")
    return ("\n".join(lines) + "\n").encode()


def site_feeds(kb, site_title: str, lang: str, base_url: str | None, lazy, pages, per_entity: bool = True) -> list:
    """The site's Atom feed and, if `per_entity`, one per entity (each made when written, by `lazy`); sitemap.xml
    of `pages` ((path, last modification or None)) when the site's URL is known; robots.txt."""
    files = [
        lazy(
            "feed.xml",
            partial(
                atom_feed,
                site_title,
                _absolute(base_url, 0, "feed.xml") if base_url else "urn:kbgen:feed",
                _absolute(base_url, 0, "index.html"),
                [
                    entry(a, _absolute(base_url, 0, article_url(a.slug)), _id(base_url, a))
                    for a in kb.articles[:FEED_SIZE]
                ],
                lang,
            ),
        )
    ]
    entries: dict[str, Entry] = {}  # each article's, as seen from entities/
    for entity in kb.entities if per_entity else ():
        citing = [c.article for c in kb.citations[entity.slug][:FEED_SIZE]]
        for a in citing:
            if a.slug not in entries:
                entries[a.slug] = entry(a, _absolute(base_url, 1, article_url(a.slug)), _id(base_url, a))
        files.append(
            lazy(
                f"entities/{entity.slug}.xml",
                partial(
                    atom_feed,
                    f"{entity.name} · {site_title}",
                    _absolute(base_url, 1, f"entities/{entity.slug}.xml")
                    if base_url
                    else f"urn:kbgen:entity:{entity.slug}",
                    _absolute(base_url, 1, entity_url(entity.slug)),
                    [entries[a.slug] for a in citing],
                    lang,
                ),
            )
        )
    if base_url:
        files.append(made("sitemap.xml", sitemap([(base_url + path, modified) for path, modified in pages])))
    files.append(made("robots.txt", robots(base_url + "sitemap.xml" if base_url else None)))
    return files


def _id(base_url: str | None, article: Article) -> str:
    """An article's Atom id: its URL when the site's is known, else a URN (Atom wants an absolute
    IRI, and the same one in the site's feed and the entities')."""
    return base_url + article_url(article.slug) if base_url else f"urn:kbgen:article:{article.slug}"


def _absolute(base_url: str | None, depth: int, path: str) -> str:
    """The URL of `path` seen from a file `depth` folders down: absolute when the site's is known."""
    return base_url + path if base_url else "../" * depth + path
