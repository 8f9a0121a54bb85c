"""Stage 4b, render: the knowledge base as site files (HTML, CSS, JSON), in memory, no I/O
but reading templates. Every link is relative to the page, so the site works from `file://`,
at a domain root and under any sub-path."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jinja2

from kbgen import __version__, locales
from kbgen.config import Config
from kbgen.extract import LABELS
from kbgen.link import KnowledgeBase
from kbgen.markup import Link, render as render_markdown
from kbgen.pages import parse_page

ENTITY_NOTES_DIR = Path("content") / "entities"
QUOTES_PER_ARTICLE = 5  # an entity page quotes at most this many mentions of each article


@dataclass(frozen=True)
class OutputFile:
    path: str  # relative to the output folder, with '/'
    data: bytes


def article_url(slug: str) -> str:
    return f"articles/{slug}.html"


def entity_url(slug: str) -> str:
    return f"entities/{slug}.html"


def theme_loader(project: Path) -> jinja2.BaseLoader:
    """The project's own `site_templates/` first, then kbgen's built-in theme."""
    return jinja2.ChoiceLoader([
        jinja2.FileSystemLoader(project / "site_templates"),
        jinja2.FileSystemLoader(str(resources.files("kbgen.site_templates"))),
    ])


def render_site(kb: KnowledgeBase, config: Config, project: Path, base_url: str | None = None) -> list[OutputFile]:
    strings = locales.load(config.lang)
    env = jinja2.Environment(
        loader=theme_loader(project), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters["date"] = lambda value: locales.format_date(value, strings)
    env.filters["count"] = lambda n, forms: locales.count(n, forms, config.lang)
    env.globals.update(
        t=strings, lang=config.lang, site_title=config.title or strings["site_title"],
        types=LABELS, version=__version__, article_url=article_url, entity_url=entity_url,
    )

    def page(path: str, template: str, **context) -> OutputFile:
        root = "../" * path.count("/")
        html = env.get_template(template).render(root=root, **context)
        return OutputFile(path, html.encode())

    files = [page("index.html", "home.html", kb=kb, top=_most_mentioned(kb, config))]
    for article in kb.articles:
        links = tuple(
            Link(m.start, m.end, "../" + entity_url(m.entity.slug))
            for m in kb.mentions_by_article[article.slug]
        )
        files.append(page(
            article_url(article.slug), "article.html", article=article,
            body=render_markdown(article.body, links).html,
            entities=kb.entities_by_article[article.slug],
        ))
    for entity in kb.entities:
        files.append(page(
            entity_url(entity.slug), "entity.html", entity=entity,
            note=_entity_note(project, entity.slug), citations=kb.citations[entity.slug],
            co_mentions=kb.co_mentions[entity.slug], quotes_per_article=QUOTES_PER_ARTICLE,
        ))
    files.append(page("entities/index.html", "entities.html", kb=kb))
    # The 404 page is served at any depth; links there are absolute when the site's URL is known.
    not_found = page("404.html", "404.html")
    if base_url or config.base_url:
        prefix = (base_url or config.base_url).rstrip("/") + "/"
        not_found = OutputFile("404.html", env.get_template("404.html").render(root=prefix).encode())
    files.append(not_found)
    files.extend(_static_files(project))
    files.extend(_api_files(kb))
    return files


def _most_mentioned(kb: KnowledgeBase, config: Config):
    headline = [e for e in kb.entities if e.type in config.headline_types]
    return sorted(headline, key=lambda e: (-len(e.mentions), e.name))[:config.top_entities]


def _entity_note(project: Path, slug: str) -> str | None:
    path = project / ENTITY_NOTES_DIR / f"{slug}.md"
    if not path.is_file():
        return None
    return render_markdown(parse_page(path.read_text("utf-8")).body).html


def _static_files(project: Path) -> list[OutputFile]:
    """Built-in static assets, each replaced by the project's file of the same name if any."""
    found: dict[str, bytes] = {}
    builtin = resources.files("kbgen.site_templates").joinpath("static")
    for item in builtin.iterdir():
        if item.is_file():
            found[item.name] = item.read_bytes()
    own = project / "site_templates" / "static"
    if own.is_dir():
        for path in own.rglob("*"):
            if path.is_file() and not path.is_symlink():
                found[path.relative_to(own).as_posix()] = path.read_bytes()
    return [OutputFile(f"static/{name}", data) for name, data in sorted(found.items())]


def _api_files(kb: KnowledgeBase) -> list[OutputFile]:
    entities = [
        {
            "slug": e.slug, "name": e.name, "type": e.type, "aliases": list(e.aliases),
            "mentions": len(e.mentions), "articles": list(e.articles), "url": entity_url(e.slug),
            "description": e.description, "wikidata": e.wikidata,
        }
        for e in kb.entities
    ]
    articles = [
        {
            "slug": a.slug, "title": a.title, "date": a.date.isoformat() if a.date else None,
            "url": article_url(a.slug), "entities": [e.slug for e in kb.entities_by_article[a.slug]],
        }
        for a in kb.articles
    ]
    return [
        OutputFile("api/articles.json", _json(articles)),
        OutputFile("api/entities.json", _json(entities)),
    ]


def _json(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode()
