"""`kbgen check`: verify a built site as a reader's browser would meet it, without a browser.

Every internal link and anchor resolves, every page is well-formed (tags balanced, ids unique),
every page is reachable from the home page, and nothing makes the browser fetch from elsewhere;
and the files the build left out for their errors are listed again (from its saved state).

A site built with its base URL (`--base-url`, `base_url:`) links some pages absolutely (the 404
page, served at any depth): a URL under that base is a link inside the site, checked as one. The
base is read from the site itself, from the sitemap line of the robots.txt kbgen wrote with it.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import SplitResult, unquote, urlsplit

from kbgen.errors import BuildError, Problem
from kbgen.project import Project
from kbgen.state import load_state

VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
# Attributes whose URL the browser fetches by itself (as opposed to a link the reader follows).
FETCHED = {
    ("img", "src"),
    ("script", "src"),
    ("link", "href"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
}
# Links out that a reader may follow; they make no request by themselves.
NOT_CHECKED_PAGES = frozenset({"404.html"})  # served at any depth, so its relative links vary
SITEMAP = "sitemap.xml"  # robots.txt names <base URL>sitemap.xml when the base is known (feeds.robots)


@dataclass
class _Page(HTMLParser):
    problems: list[str] = field(default_factory=list)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attribute, url)
    ids: set[str] = field(default_factory=set)
    open_tags: list[tuple[str, int]] = field(default_factory=list)
    redirect: bool = False  # a page at an old URL sending the reader on (meta refresh): no link leads to it

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag, attrs):
        if tag == "meta" and any(n == "http-equiv" and (v or "").lower() == "refresh" for n, v in attrs):
            self.redirect = True
        for name, value in attrs:
            if name in ("href", "src", "data") and value is not None:
                self.links.append((tag, name, value))
            if name == "id" and value:
                if value in self.ids:
                    self.problems.append(f"line {self.getpos()[0]}: duplicate id '{value}'")
                self.ids.add(value)
        if tag not in VOID:
            self.open_tags.append((tag, self.getpos()[0]))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.open_tags.pop()

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.open_tags or self.open_tags[-1][0] != tag:
            expected = self.open_tags[-1][0] if self.open_tags else "nothing"
            self.problems.append(f"line {self.getpos()[0]}: </{tag}> closes {expected}")
            if any(t == tag for t, _ in self.open_tags):
                while self.open_tags and self.open_tags.pop()[0] != tag:
                    pass
            return
        self.open_tags.pop()

    def finish(self) -> None:
        self.close()
        for tag, line in self.open_tags:
            self.problems.append(f"line {line}: <{tag}> is never closed")


def check_site(site: Path) -> list[str]:
    """Every problem found in the built site, as 'page: what'."""
    site = site.resolve()
    pages: dict[Path, _Page] = {}
    problems: list[str] = []
    for path in sorted(site.rglob("*.html")):
        page = _Page()
        page.feed(path.read_text("utf-8"))
        page.finish()
        pages[path] = page
        problems.extend(f"{path.relative_to(site)}: {p}" for p in page.problems)
    base = site_base_url(site)
    for path, page in pages.items():
        shown = path.relative_to(site)
        for tag, attribute, url in page.links:
            parts = urlsplit(url)
            if parts.scheme == "data":
                continue  # inline data: no request, nothing to resolve
            target = _target(site, base, path, parts)
            if target is None:
                if (tag, attribute) in FETCHED:
                    problems.append(f"{shown}: external request {url}")
                elif parts.scheme not in ("http", "https", "mailto"):
                    problems.append(f"{shown}: unsafe link {url}")
                continue
            if path.name in NOT_CHECKED_PAGES and not (parts.scheme or parts.netloc):
                continue
            if not target.is_relative_to(site) or not target.is_file():
                problems.append(f"{shown}: broken link {url}")
            elif parts.fragment and target in pages and parts.fragment not in pages[target].ids:
                problems.append(f"{shown}: missing anchor {url}")
    problems.extend(f"{p.relative_to(site)}: orphan page, no link leads to it" for p in _orphans(site, pages))
    return problems


def site_base_url(site: Path) -> SplitResult | None:
    """The URL the site was built to be published at, as its robots.txt tells; None when the
    build did not know it (no sitemap line) or the site has no robots.txt."""
    try:
        lines = (site / "robots.txt").read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for line in lines:
        name, _, value = line.partition(":")
        value = value.strip()
        if name.strip().lower() == "sitemap" and value.endswith("/" + SITEMAP):
            base = urlsplit(value[: -len(SITEMAP)])
            if base.scheme and base.netloc:
                return base
    return None


def _target(site: Path, base: SplitResult | None, page: Path, parts: SplitResult) -> Path | None:
    """The file in the site a link of `page` leads to (the page itself for '#anchor'), or None
    when it leads to another site. A URL under the site's own base URL is inside the site, as
    the folder it names would be served: by its index.html."""
    if not (parts.scheme or parts.netloc):
        return (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if base is None or (parts.scheme.lower(), parts.netloc.lower()) != (base.scheme.lower(), base.netloc.lower()):
        return None
    if parts.path + "/" == base.path:  # the base without its last slash: the home page
        inside = ""
    elif parts.path.startswith(base.path):
        inside = unquote(parts.path[len(base.path) :])
    else:
        return None  # the same host, another site (GitHub Pages serves many under one host)
    return (site / inside / "index.html" if not inside or inside.endswith("/") else site / inside).resolve()


def _orphans(site: Path, pages: dict[Path, _Page]) -> list[Path]:
    home = site / "index.html"
    if home not in pages:
        return []
    base = site_base_url(site)
    seen, queue = {home}, deque([home])
    while queue:
        path = queue.popleft()
        for _, _, url in pages[path].links:
            parts = urlsplit(url)
            target = _target(site, base, path, parts)
            if target is not None and target not in seen and target in pages:
                seen.add(target)
                queue.append(target)
    return sorted(p for p in pages if p not in seen and p.name not in NOT_CHECKED_PAGES and not pages[p].redirect)


def skipped_by_last_build(root: Path, out: Path) -> list[Problem]:
    """The errors of the files the last build of `root` into `out` left out; none when that
    build is not known (no saved state, or a kbgen.yml that cannot be read)."""
    try:
        project = Project.load(root, out)
    except BuildError:
        return []
    state = load_state(project.build_state)
    return state.skipped if state else []
