"""Redirect pages from an article's old URLs (Hugo's `aliases`, Jekyll's `redirect_from`): a small
page at the old address sends the reader on to the article. Static hosts cannot be told to
redirect, so it is what Hugo and jekyll-redirect-from write: a meta refresh, a canonical link and
a visible link, all relative, so the site still works under a sub-path and from file://.

An old URL comes from an article, so nothing in it may choose where a file goes outside the
site, replace a page kbgen makes, or another redirect: such a URL is refused with a warning."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from kbgen.articles import Article
from kbgen.errors import Problem
from kbgen.tags import tags_of
from kbgen.urls import OTHER_FILES, PAGES, article_url, entity_url, tag_url

PAGE_SUFFIXES = (".html", ".htm")
OWN_FOLDERS = ("static", "api", "media", "pagefind")  # kbgen's folders that hold no page of an old site


def redirect_path(url: str) -> tuple[str | None, str]:
    """The file an old URL becomes in the site ('/2024/03/05/old/' -> '2024/03/05/old/index.html',
    '/posts/old.html' as it is), or None and why it cannot be one. Relative URLs are taken from
    the site's root."""
    if not isinstance(url, str) or not url.strip():
        return None, "it is empty"
    url = url.strip()
    if "\\" in url or any(ord(c) < 32 or c == "\x7f" for c in url):
        return None, "it holds a backslash or a control character"
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("//"):
        return None, "it names another site; only a path on this site can be redirected"
    if parts.query or parts.fragment or "?" in url or "#" in url:
        return None, "a static site cannot serve a URL with '?' or '#'"
    path = unquote(parts.path)
    if "\\" in path or ":" in path or "\x00" in path:
        return None, "its path holds a backslash or a colon"
    segments = [s for s in path.split("/") if s]
    if any(s in (".", "..") or s.startswith(".") for s in segments):
        return None, "it leaves the site's folder or names a hidden file ('..', '.name')"
    if not segments:
        return None, "it is the site's home page"
    if segments[0] in OWN_FOLDERS:
        return None, f"kbgen's own folder {segments[0]}/ holds no page"
    last = PurePosixPath(segments[-1]).suffix.lower()
    if path.endswith("/") or not last:
        segments.append("index.html")
    elif last not in PAGE_SUFFIXES:
        return None, f"only pages (.html, or a folder ending in '/') can be redirected, not '{last}' files"
    return "/".join(segments), ""


def site_paths(articles, entities) -> set[str]:
    """Every file a site of these articles and entities has, outside the folders of files that
    are not pages (static/, api/...): where an old URL's redirect may not go."""
    paths = {*PAGES, *OTHER_FILES}
    paths.update(article_url(a.slug) for a in articles)
    paths.update(path for e in entities for path in (entity_url(e.slug), f"entities/{e.slug}.xml"))
    paths.update(tag_url(t.slug) for t in tags_of(articles))
    return paths


def plan(articles: Iterable[Article], taken: set[str]) -> tuple[dict[str, Article], list[Problem]]:
    """The redirect page of every old URL (its path in the site -> the article), and a warning
    for each refused: unsafe, or where a file in `taken` or an earlier redirect is, or would have
    to be a folder ('feed.xml/'). Paths are compared without case, as a Mac's or Windows's disk
    would."""
    redirects: dict[str, Article] = {}
    files: dict[str, Article | None] = {path.casefold(): None for path in taken}  # path -> the redirect there
    folders = {folder for path in files for folder in _folders(path)}
    problems = []
    for article in articles:
        for url in article.old_urls:
            path, why = redirect_path(url)
            if path is not None:
                key = path.casefold()
                if key in files or key in folders or any(f in files for f in _folders(key)):
                    other = files.get(key) or next((files[f] for f in _folders(key) if files.get(f)), None)
                    why = (
                        f"another old URL of {other.path} is redirected there"
                        if other
                        else "the site has a file at that path or in it"
                    )
                    path = None
            if path is None:
                problems.append(
                    Problem(
                        article.path,
                        None,
                        f"old URL '{url}' is not redirected: {why}",
                        "fix or remove it under 'aliases:' / 'redirect_from:'",
                        "warning",
                    )
                )
                continue
            redirects[path] = article
            files[path.casefold()] = article
            folders.update(_folders(path.casefold()))
    return redirects, problems


def _folders(path: str) -> list[str]:
    """The folders `path` lies in: 'a/b/c.html' -> ['a', 'a/b']."""
    parts = path.split("/")
    return ["/".join(parts[:n]) for n in range(1, len(parts))]
