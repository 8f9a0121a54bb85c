"""Saved web pages read together, site by site: each page read once (`kbgen.webpage`, cached by
its bytes and the extractor), then what the pages of one host share is learnt from them all, on
the cached results: the site's name and the furniture around titles (`kbgen.webtitles`) and the
boilerplate paragraphs (`kbgen.boilerplate`). Gives each page's fields for its content page.

A page's host is the one its download record (`kbgen add`) names, else its canonical address or
og:url; a page that says none is grouped with the pages of its folder.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from kbgen import webmeta, webtitles
from kbgen.boilerplate import find_boilerplate
from kbgen.cache import ExtractionCache, PageCache
from kbgen.fetched import read_record
from kbgen.webpage import WebPage, fingerprint, read_webpage


@dataclass(frozen=True)
class WebArticle:
    """One saved page, ready to be a content page; `problem` says why it cannot be one."""

    title: str | None = None
    date: date | None = None
    body: str = ""
    authors: tuple[str, ...] = ()
    lang: str | None = None
    meta: dict = field(default_factory=dict)  # original_url, site_name, kicker, updated, description, image
    problem: str | None = None


@dataclass(frozen=True)
class Saved:
    """A saved page to read: its seed's path, the digest of its bytes and its decoded text."""

    path: Path
    sha256: str
    text: str


def read_sites(
    saved: list[Saved], cache_path: Path, cross_references: Sequence[str] = ()
) -> tuple[dict[Path, WebArticle], list[tuple[Path, str]]]:
    """Every saved page's article, and warnings, each with the file it is about (the cache set
    aside, a download record that cannot be read); `cross_references` are the language's
    lead-ins of a line pointing elsewhere (kbgen.boilerplate)."""
    warnings: list[tuple[Path, str]] = []
    pages, problems = _read_cached(saved, cache_path, warnings)
    urls = {s.path: _original_url(s.path, pages.get(s.path), warnings) for s in saved}
    hosts: dict[str, list[Path]] = {}
    for path in pages:
        hosts.setdefault(_host(urls[path]) or f"folder:{path.parent.as_posix()}", []).append(path)
    articles = {path: WebArticle(problem=why) for path, why in problems.items()}
    for host, paths in hosts.items():
        articles.update(_site(host, {p: pages[p] for p in paths}, urls, cross_references))
    return articles, warnings


def _read_cached(
    saved: list[Saved], cache_path: Path, warnings: list[tuple[Path, str]]
) -> tuple[dict[Path, WebPage], dict[Path, str]]:
    """Each page as `kbgen.webpage` reads it (or why it cannot be read): from the cache, else
    read now and kept there."""
    cache = PageCache(cache_path)
    if cache.warning:
        warnings.append((cache_path, cache.warning))
    try:
        stamp = fingerprint()
        keys = {s.path: ExtractionCache.key(stamp, s.sha256) for s in saved}
        known = cache.get_json(sorted(set(keys.values())))
        pages: dict[Path, WebPage] = {}
        problems: dict[Path, str] = {}
        new: dict[str, object] = {}
        for item in saved:
            cached = known.get(keys[item.path])
            if isinstance(cached, dict) and isinstance(cached.get("problem"), str):
                problems[item.path] = cached["problem"]
                continue
            try:
                pages[item.path] = WebPage.from_json(cached)  # type: ignore[arg-type]
                continue
            except (KeyError, TypeError, ValueError):
                pass  # not cached yet (or a row of another shape): read it
            try:
                page = read_webpage(item.text)
            except Exception as exc:  # a library failing on one odd page leaves that page out, not the build
                problems[item.path] = f"could not be read as a web page ({type(exc).__name__}: {exc})"
                new[keys[item.path]] = {"problem": problems[item.path]}  # not tried again on every build
                continue
            pages[item.path] = page
            new[keys[item.path]] = page.to_json()
        cache.put_json(new)
    finally:
        cache.close()
    return pages, problems


def _original_url(path: Path, page: WebPage | None, warnings: list[tuple[Path, str]]) -> str | None:
    """The address the page was downloaded from (its record), else the one it gives itself."""
    try:
        record = read_record(path)
    except ValueError as exc:
        warnings.append((path, f"{exc}; the page is read without it"))
        record = None
    if record and _host(record.url):
        return record.url
    return page.url if page else None


def _host(url: str | None) -> str | None:
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:  # not an address: 'http://[oops'
        return None
    return host.removeprefix("www.") if host else None


def _site(
    host: str, pages: Mapping[Path, WebPage], urls: Mapping[Path, str | None], cross_references: Sequence[str] = ()
) -> dict[Path, WebArticle]:
    """The articles of one host's pages, its furniture learnt from them all."""
    titles = [[t for w, t in p.titles if w in ("title", "og")] for p in pages.values()]
    affixes = webtitles.learn_affixes(titles)
    names = [p.site_name for p in pages.values() if p.site_name]
    on_the_web = not host.startswith("folder:")
    site_keys = {webtitles.key(n) for n in names} | webtitles.host_keys(host if on_the_web else None)
    site_name = _most_common(names) or _learnt_name(titles, affixes) or (host if on_the_web else None)
    articles = {}
    chosen, blocks = {}, {}
    for path, page in pages.items():
        sections = {webtitles.key(t) for t in (*page.link_texts, page.section or "")}
        chosen[path] = webtitles.choose_title(page.titles, site_keys - {""}, affixes, sections - {""})
        authors = _authors(page, [*names, host])
        blocks[path] = _own_blocks(list(page.blocks), *chosen[path], page.description, authors)
        articles[path] = WebArticle(title=chosen[path][0], authors=authors, lang=page.lang)
    boilerplate = find_boilerplate(blocks, cross_references)
    for path, page in pages.items():
        kept = [b for i, b in enumerate(blocks[path]) if i not in boilerplate[path]]
        url = urls.get(path)
        meta = {
            "kicker": chosen[path][1],
            "original_url": url,
            "site_name": site_name,
            "updated": date.fromisoformat(page.updated) if page.updated else None,
            "description": _lede(page.description, kept),
            "image": page.image,
        }
        articles[path] = replace(
            articles[path], date=_date(page, path, url), body=_joined(kept), meta={k: v for k, v in meta.items() if v}
        )
    return articles


def _authors(page: WebPage, site_names: list[str]) -> tuple[str, ...]:
    """The page's authors from its best evidence that names someone: JSON-LD, meta tags, bylines."""
    for evidence in ("json-ld", "meta", "byline"):
        texts = [text for where, text in page.authors if where == evidence]
        if names := webmeta.clean_authors(texts, site_names):
            return names
    return ()


def _most_common(values: list[str]) -> str | None:
    return max(sorted(set(values)), key=values.count) if values else None


def _learnt_name(titles: list[list[str]], affixes: webtitles.Affixes) -> str | None:
    """The site's name as its titles spell it: their most common learnt affix that is no date."""
    learnt = affixes.prefixes | affixes.suffixes
    found = [
        part
        for page in titles
        for title in page
        for part in webtitles.segments(title)[1:] + webtitles.segments(title)[:1]
        if webtitles.key(part) in learnt and not webmeta.date_in(part) and len(webtitles.segments(title)) > 1
    ]
    return _most_common(found)


def _lede(description: str | None, blocks: list[str]) -> str | None:
    """The page's description, unless it only is the start of its text, cut short."""
    if not description or not blocks:
        return description
    start = webtitles.key(description.rstrip(" .…"))
    return None if webtitles.key(blocks[0]).startswith(start) else description


def _date(page: WebPage, path: Path, url: str | None) -> date | None:
    """The date the page's metadata gives, else a day in its file name or its address."""
    if page.date:
        return date.fromisoformat(page.date)
    return webmeta.date_in(path.name) or webmeta.date_in(url or "") or webmeta.date_in(page.url or "")


_HEADING = re.compile(r"#{1,6}\s+")


def _own_blocks(
    blocks: list[str], title: str | None, kicker: str | None, lede: str | None, authors: tuple[str, ...]
) -> list[str]:
    """The article's blocks without what the page shows apart: its title heading and what comes
    before it (kicker, breadcrumbs), its kicker, its lede when the front matter has it, and a
    short byline naming its authors."""
    wanted = webtitles.key(title or "")
    heads = {wanted, webtitles.key(f"{kicker} {title}")} if kicker else {wanted}
    for index, block in enumerate(blocks[:6]):
        if wanted and webtitles.key(_HEADING.sub("", block, count=1)) in heads:
            blocks = blocks[index + 1 :]
            break
    if blocks and kicker and webtitles.key(blocks[0]) == webtitles.key(kicker):
        blocks = blocks[1:]
    if blocks and lede and webtitles.key(blocks[0]) == webtitles.key(lede):
        blocks = blocks[1:]
    names = [name.casefold() for name in authors]
    while blocks and (_is_dateline(blocks[0]) or _is_byline(blocks[0], names)):
        blocks = blocks[1:]
    return [re.sub(r"^#(?=\s)", "##", b) for b in blocks]  # the page's title is the only level-1 heading


_TIME = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}[/.]\d{1,2}\b|\b\d{1,2}\s?h\s?\d{0,2}\b")


def _is_dateline(block: str) -> bool:
    """A short line at the top of the text that gives a date or a time ('Publié le 2 avril 2022 à 8h')."""
    return len(block.split()) <= 15 and bool(_TIME.search(block)) and not block.startswith(("#", "-", "*"))


def _is_byline(block: str, names: list[str]) -> bool:
    """A short line at the top of the text that names the article's authors."""
    return len(block.split()) <= 25 and any(name in block.casefold() for name in names)


def _joined(blocks: list[str]) -> str:
    """Blocks as Markdown: list items one under another, other blocks apart."""
    out = ""
    for index, block in enumerate(blocks):
        both_items = index and _is_item(block) and _is_item(blocks[index - 1])
        out += ("\n" if both_items else "\n\n" if index else "") + block
    return out


def _is_item(block: str) -> bool:
    return bool(re.match(r"\s*(?:[-*+]|\d+[.)])\s", block))
