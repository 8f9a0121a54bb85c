"""Read the article pages into Article values: kbgen's own in `content/articles/` (generated
or hand-written) and those in the folders `content_dirs` names, as other generators wrote them."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import markdown

from kbgen import keys, markup
from kbgen.article_files import article_files, name_of
from kbgen.cache import TextCache
from kbgen.errors import BuildError, Problem
from kbgen.markup import render
from kbgen.metadata import read_fields
from kbgen.pages import Page, parse_page
from kbgen.project import Project
from kbgen.read_cache import KnownArticles
from kbgen.slugs import unique_slug
from kbgen.yamlfile import YamlSyntaxError

DRAFTS_FOLDER = "_drafts"


@dataclass(frozen=True)
class Article:
    slug: str
    path: Path  # the content page, relative to the project
    title: str
    date: date | None  # the day it was published; None when no date is given anywhere
    lang: str
    source: str | None
    body: str  # Markdown
    text: str  # the plain text NER reads; mention offsets point into it
    authors: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict)  # front-matter fields kbgen does not know, for templates
    extra_lines: dict = field(default_factory=dict, compare=False, repr=False)
    time: dt.time | None = None  # the time of day, where given; with its zone (tzinfo) where one was given
    updated: dt.date | None = None  # updated / lastmod
    updated_time: dt.time | None = None
    subtitle: str | None = None
    kicker: str | None = None  # the short line above the title ('INTERVIEW')
    summary: str | None = None  # summary / description / excerpt: the lede, meta description, Atom summary
    tags: tuple[str, ...] = ()  # tags, categories, keywords
    old_urls: tuple[str, ...] = ()  # Hugo aliases, Jekyll redirect_from: redirected to this article
    names: tuple[str, ...] = ()  # other names it goes by (Obsidian aliases), that [[wikilinks]] use
    image: str | None = None  # image / cover: a local file (relative to the page) or an http(s) URL
    draft: bool = False  # draft: true, published: false, status: draft or hidden
    original_url: str | None = None  # where the original is (a saved web page's address)
    site_name: str | None = None  # the site it was published on

    @property
    def author(self) -> str | None:
        """The authors as one line, for the places that show one."""
        return ", ".join(self.authors) or None

    def __reduce__(self):
        # Pickled (the read cache, the NER workers) with its Markdown and text as UTF-8 bytes
        # encoded here: CPython keeps the UTF-8 copy that pickle makes of a str inside the str for
        # as long as it lives, which doubled every article's texts in memory for the whole build.
        texts = {name: getattr(self, name).encode("utf-8", "surrogatepass") for name in _LONG_TEXTS}
        return _unpickled, (dict(vars(self), **texts),)


_LONG_TEXTS = ("body", "text")


def _unpickled(fields: dict) -> Article:
    texts = {name: fields[name].decode("utf-8", "surrogatepass") for name in _LONG_TEXTS}
    return Article(**dict(fields, **texts))


def read_articles(project: Project) -> tuple[list[Article], list[Problem]]:
    """Every article page that can be read (content/articles first, then each extra folder, each
    sorted by path), and the problems of all pages: a page with an error is left out (the error
    says so), so that one bad file never sinks the site."""
    paths, problems = article_files(project.article_folders, project.shown)
    articles: list[Article] = []
    taken: set[str] = set()
    with PlainTexts(project) as texts, KnownArticles(project) as known:
        for path, data, loaded in known.each(paths):
            try:
                if loaded is None:
                    loaded = load_article(path, project, plain_text=texts.of, data=data)
                    if data is not None:
                        known.keep(path, data, loaded)
                article, warnings = loaded
                problems.extend(warnings)
                articles.append(_with_unique_slug(article, taken))
            except BuildError as exc:  # not remembered: a file with an error is read again until fixed
                problems.extend(_skipped(exc.problems, path))
        problems += texts.warnings + known.warnings
    return articles, problems


def plain_text(body: str) -> str:
    """The text NER reads of a Markdown body."""
    return render(body).text


class PlainTexts:
    """plain_text(), remembered between builds (.kbgen/texts.sqlite): converting every article's
    Markdown was most of the read stage, on every build, for articles that had not changed. Keyed
    by the body and by the Markdown code and library that make the text."""

    FINGERPRINT = keys.digest(Path(markup.__file__).read_text("utf-8") + markdown.__version__ + sys.version)

    def __init__(self, project: Project):
        self.project = project
        self.new: dict[str, object] = {}

    def __enter__(self) -> PlainTexts:
        self.cache = TextCache(self.project.text_cache)
        where = self.project.shown(self.project.text_cache)
        warning = self.cache.warning
        self.warnings = [Problem(where, None, warning, "nothing to do", "warning")] if warning else []
        return self

    def of(self, body: str) -> str:
        key = TextCache.key(self.FINGERPRINT, body)
        known = self.cache.get_json([key]).get(key)
        if isinstance(known, str):
            return known
        self.new[key] = text = plain_text(body)
        return text

    def __exit__(self, *_) -> None:
        try:
            if self.new:
                self.cache.put_json(self.new)
        finally:
            self.cache.close()


def _with_unique_slug(article: Article, taken: set[str]) -> Article:
    """Two articles never share an address: the later one gets '-2', '-3'..."""
    slug = unique_slug(article.slug, taken, fallback="article")
    return replace(article, slug=slug) if slug != article.slug else article


def _skipped(problems: list[Problem], path: Path) -> list[Problem]:
    """A left-out page's errors, saying so, and naming the seed the page was made from."""
    try:
        source = parse_page(path.read_text("utf-8")).meta.get("source")
    except (OSError, UnicodeDecodeError, YamlSyntaxError):
        source = None
    # Ingest checks the pages it writes: a generated page the reader rejects was edited by hand.
    made = (
        f" in this page, made from {source} and edited since (or remove it to make it again from {source})"
        if isinstance(source, str)
        else ""
    )
    return [
        replace(p, message=f"{p.message}; skipped", hint=p.hint + made) if p.severity == "error" else p
        for p in problems
    ]


def read_article(path: Path, slug: str | None, project: Project) -> Article:
    """The article at `path`, at the address `slug` (None: the one its front matter or name gives)."""
    return load_article(path, project, slug)[0]


def load_article(
    path: Path,
    project: Project,
    slug: str | None = None,
    plain_text: Callable[[str], str] = plain_text,
    data: bytes | None = None,
) -> tuple[Article, list[Problem]]:
    """The article at `path` and the warnings about it; a BuildError when it cannot be read.
    `plain_text` gives the text NER reads of its body (PlainTexts.of, in a build); `data`, the
    file's bytes when already read (what the read stage's cache is keyed by)."""
    shown = project.shown(path)
    page = _page(path, shown, data)
    fields, problems = read_fields(page, shown)
    if any(p.severity == "error" for p in problems):
        raise BuildError(problems)
    folder = _folder_of(path, project)
    name = name_of(path, folder)
    body, heading = _without_heading(page.body, fields.title)
    title = fields.title or heading or name.title.strip() or path.name
    when = fields.when or name.when or fields.updated  # Hugo, too, dates a page by its update when nothing else does
    updated = fields.updated if fields.updated != when else None
    article = Article(
        slug=slug or fields.slug or name.slug,
        path=shown,
        title=title,
        date=when.date if when else None,
        lang=fields.lang or name.lang or project.config.lang,
        source=fields.source,
        body=body,
        text=plain_text(body),
        authors=fields.authors,
        extra=fields.extra,
        extra_lines=fields.extra_lines,
        time=when.time if when else None,
        updated=updated.date if updated else None,
        updated_time=updated.time if updated else None,
        subtitle=fields.subtitle,
        kicker=fields.kicker,
        summary=fields.summary,
        tags=fields.tags,
        old_urls=fields.old_urls,
        names=fields.names,
        image=fields.image,
        original_url=fields.original_url,
        site_name=fields.site_name,
        # Jekyll keeps unpublished posts in _drafts/, beside _posts/.
        draft=fields.draft or DRAFTS_FOLDER in path.relative_to(folder).parts[:-1] or folder.name == DRAFTS_FOLDER,
    )
    return article, problems


def _page(path: Path, shown: Path, data: bytes | None = None) -> Page:
    try:
        # As read_text() reads it, line endings made '\n', whether read here or before.
        text = path.read_text("utf-8") if data is None else io.TextIOWrapper(io.BytesIO(data), "utf-8").read()
    except UnicodeDecodeError:
        raise BuildError([Problem(shown, None, "not UTF-8 text", "save the file as UTF-8")]) from None
    except OSError as exc:
        raise BuildError(
            [Problem(shown, None, f"cannot be read: {exc.strerror}", "check the file's permissions")]
        ) from None
    try:
        return parse_page(text)
    except YamlSyntaxError as exc:
        start = text.lstrip("\ufeff")[:3]
        where = "'{' and '}'" if start.startswith("{") else "the '+++' lines" if start == "+++" else "the '---' lines"
        raise BuildError([Problem(shown, exc.line, str(exc), f"fix the front matter between {where}")]) from None


def _folder_of(path: Path, project: Project) -> Path:
    """The content folder `path` is in (the deepest, when one is inside another)."""
    inside = [f for f in project.article_folders if path.is_relative_to(f)]
    return max(inside, key=lambda f: len(f.parts)) if inside else path.parent


_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_ATX_H1 = re.compile(r" {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*")
_SETEXT_H1 = re.compile(r" {0,3}=+[ \t]*")
_PLAIN_LINE = re.compile(r" {0,3}[^\s>#|`~=*+-]")  # a line that may be a setext heading's text


def first_heading(body: str) -> tuple[str, int, int] | None:
    """The first level-1 heading outside code blocks (`# Title`, or `Title` underlined with
    `===`): its Markdown text and the lines it spans (start, end)."""
    lines = body.split("\n")
    fence = ""
    for index, line in enumerate(lines):
        line = line.rstrip("\r")
        if match := _FENCE.match(line):
            marker = match[1]
            fence = "" if fence and marker.startswith(fence) else (fence or marker)
            continue
        if fence:
            continue
        if match := _ATX_H1.fullmatch(line):
            return match[1], index, index + 1
        if (
            index
            and _SETEXT_H1.fullmatch(line)
            and _PLAIN_LINE.match(lines[index - 1])
            and (index == 1 or not lines[index - 2].strip())
        ):
            return lines[index - 1].strip(), index - 1, index + 1
    return None


def _without_heading(body: str, title: str | None) -> tuple[str, str | None]:
    """The body without its first level-1 heading, and that heading's text, when the front matter
    gives no title; with a title, a heading at the top saying the same is removed too (MkDocs
    posts repeat it), so the page does not show it twice."""
    found = first_heading(body)
    if not found:
        return body, None
    markdown, start, end = found
    text = " ".join(render("# " + markdown).text.split())
    lines = body.split("\n")
    at_top = not any(line.strip() for line in lines[:start])
    if title is not None and not (at_top and text.casefold() == title.casefold()):
        return body, None
    if not text:
        return body, None
    return "\n".join(lines[:start] + lines[end:]).strip("\n") + ("\n" if body.endswith("\n") else ""), text
