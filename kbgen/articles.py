"""Read the Markdown pages in `content/articles/` into Article values (generated or hand-written)."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from kbgen.errors import BuildError, Problem
from kbgen.markup import render
from kbgen.pages import parse_page
from kbgen.project import Project
from kbgen.slugs import slugify, unique_slug
from kbgen.yamlfile import YamlSyntaxError

KNOWN_FIELDS = ("title", "date", "lang", "author", "source", "source_sha256", "generated_sha256")


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
    summary: str | None = None  # summary / description / excerpt: the lede, meta description, Atom summary
    tags: tuple[str, ...] = ()  # tags, categories, keywords
    old_urls: tuple[str, ...] = ()  # Hugo aliases, Jekyll redirect_from: redirected to this article
    image: str | None = None  # image / cover: a local file (relative to the page) or an http(s) URL
    draft: bool = False  # draft: true, published: false, status: draft or hidden

    @property
    def author(self) -> str | None:
        """The authors as one line, for the places that show one."""
        return ", ".join(self.authors) or None


def read_articles(project: Project) -> tuple[list[Article], list[Problem]]:
    """Every article page that can be read, sorted by slug, and the problems of all pages: a page
    with an error is left out (the error says so), so that one bad file never sinks the site."""
    folder = project.articles
    paths = sorted(folder.glob("*.md")) if folder.is_dir() else []
    articles: list[Article] = []
    problems: list[Problem] = []
    taken: set[str] = set()
    for path in paths:
        try:
            slug = unique_slug(slugify(path.stem), taken, fallback="article")
            articles.append(read_article(path, slug, project))
        except BuildError as exc:
            problems.extend(_skipped(exc.problems, path))
        except OSError as exc:  # unreadable: a folder named *.md, no permission...
            problems.append(
                Problem(project.shown(path), None, f"cannot be read ({exc.strerror}); skipped", "check what it is")
            )
    return articles, problems + [w for a in articles for w in _typo_warnings(a)]


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


def read_entity_notes(folder: Path) -> dict[str, str]:
    """The hand-written entity notes: each `<slug>.md` file's text by slug."""
    if not folder.is_dir():
        return {}
    return {path.stem: path.read_text("utf-8") for path in sorted(folder.glob("*.md")) if path.is_file()}


def _typo_warnings(article: Article) -> list[Problem]:
    """An unknown field is kept for templates; one that looks like a known field misspelt is
    worth a warning ('titel')."""
    warnings = []
    for key in article.extra:
        close = difflib.get_close_matches(key, KNOWN_FIELDS, n=1, cutoff=0.75)
        if close:
            warnings.append(
                Problem(
                    article.path,
                    article.extra_lines.get(key),
                    f"unknown field '{key}'",
                    f"did you mean '{close[0]}'?",
                    "warning",
                )
            )
    return warnings


def read_article(path: Path, slug: str, project: Project) -> Article:
    shown, config = project.shown(path), project.config
    try:
        page = parse_page(path.read_text("utf-8"))
    except UnicodeDecodeError:
        raise BuildError([Problem(shown, None, "not UTF-8 text", "save the file as UTF-8")]) from None
    except YamlSyntaxError as exc:
        raise BuildError([Problem(shown, exc.line, str(exc), "fix the front matter between the '---' lines")]) from None
    meta, problems = page.meta, []

    def problem(key: str, message: str, hint: str) -> None:
        problems.append(Problem(shown, page.meta_lines.get(key), message, hint))

    title = meta.get("title")
    if title is None:
        problem("title", "no 'title' in the front matter", "add a line 'title: ...' between the '---' lines")
    elif not isinstance(title, (str, int, float)) or not str(title).strip():
        problem("title", "'title' must be text", "write it as 'title: Some title'")
    when = meta.get("date")
    if isinstance(when, datetime):
        when = when.date()
    elif isinstance(when, str):
        try:
            when = date.fromisoformat(when)
        except ValueError:
            when = None
            problem(
                "date", f"'date' must be a date like 2024-10-15, not '{meta['date']}'", "write the date as YYYY-MM-DD"
            )
    elif when is not None and not isinstance(when, date):
        problem("date", "'date' must be a date like 2024-10-15", "write the date as YYYY-MM-DD")
        when = None
    lang = meta.get("lang", config.lang)
    if not isinstance(lang, str):
        problem("lang", "'lang' must be a language code like 'fr'", "write it as 'lang: fr'")
    if problems:
        raise BuildError(problems)
    source = meta.get("source")
    extra = {k: v for k, v in meta.items() if k not in KNOWN_FIELDS}
    author = meta.get("author")
    return Article(
        slug=slug,
        path=shown,
        title=str(title).strip(),
        date=when,
        lang=lang,
        source=str(source) if source is not None else None,
        body=page.body,
        text=render(page.body).text,
        authors=(str(author),) if author is not None else (),
        extra=extra,
        extra_lines={k: page.meta_lines[k] for k in extra if k in page.meta_lines},
    )
