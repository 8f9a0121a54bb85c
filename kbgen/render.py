"""Stage 4b, render: the knowledge base as site files (HTML, CSS, JSON), in memory, no I/O
but reading templates. Every link is relative to the page, so the site works from `file://`,
at a domain root and under any sub-path."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path, PurePosixPath

import jinja2

from kbgen import __version__, graph, locales
from kbgen.config import Config
from kbgen.extract import LABELS
from kbgen.link import KnowledgeBase
from kbgen.markup import Link, render as render_markdown
from kbgen.pages import parse_page
from kbgen.feeds import atom_feed, robots, sitemap
from kbgen.resolve import fold

ENTITY_NOTES_DIR = Path("content") / "entities"
QUOTES_PER_ARTICLE = 5  # an entity page quotes at most this many mentions of each article
CO_MENTIONS_SHOWN = 40  # and lists this many of the entities mentioned with it (the strongest)


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
    base_url = (base_url or config.base_url or "").rstrip("/") + "/" if (base_url or config.base_url) else None
    env = jinja2.Environment(
        loader=theme_loader(project), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters["date"] = lambda value: locales.format_date(value, strings)
    env.filters["month"] = lambda value: locales.format_month(value, strings)
    env.filters["count"] = lambda n, forms: locales.count(n, forms, config.lang)
    env.globals.update(
        t=strings, lang=config.lang, site_title=config.title or strings["site_title"],
        types=LABELS, version=__version__, article_url=article_url, entity_url=entity_url,
        feed_url=lambda slug: f"entities/{slug}.xml",
    )

    def page(path: str, template: str, root: str | None = None, **context) -> OutputFile:
        html = env.get_template(template).render(root="../" * path.count("/") if root is None else root, **context)
        return OutputFile(path, html.encode())

    nodes, edges = _network(kb)
    words = _graph_words(strings, config.lang)
    files = [page("index.html", "home.html", kb=kb, top=_most_mentioned(kb, config))]
    for article in kb.articles:
        links = tuple(
            Link(m.start, m.end, "../" + entity_url(m.entity.slug))
            for m in kb.mentions_by_article[article.slug]
        )
        files.append(page(
            article_url(article.slug), "article.html", article=article,
            body=render_markdown(article.body, links).html,
            entities=kb.entities_by_article[article.slug], related=kb.related[article.slug],
        ))
    network = graph.Network(nodes, edges)
    for entity in kb.entities:
        near_nodes, near_edges = network.neighbourhood(entity.slug, star=True)  # a star reads best
        neighbourhood = graph.draw(
            near_nodes, near_edges, lambda slug: f"{slug}.html", strings["neighbourhood_of"].format(name=entity.name),
            width=640, height=420, layout=graph.radial_layout(entity.slug), **words,
        ) if len(near_nodes) > 1 else None
        files.append(page(
            entity_url(entity.slug), "entity.html", entity=entity, neighbourhood=neighbourhood,
            note=_entity_note(project, entity.slug), citations=kb.citations[entity.slug],
            timeline=_by_year(kb.citations[entity.slug], lambda citing: citing.article.date),
            co_mentions=kb.co_mentions[entity.slug][:CO_MENTIONS_SHOWN],
            co_mentions_left=max(0, len(kb.co_mentions[entity.slug]) - CO_MENTIONS_SHOWN), quotes_per_article=QUOTES_PER_ARTICLE,
        ))
    files += [
        page("entities/index.html", "entities.html", kb=kb),
        page("entities/a-z.html", "a-z.html", letters=_by_letter(kb.entities)),
        page("archive.html", "archive.html", years=_by_year(kb.articles, lambda article: article.date)),
        page("sources.html", "sources.html", sources=_by_source(kb.articles, strings)),
        page("search.html", "search.html"),
        page("graph.html", "graph.html", drawing=graph.draw(nodes, edges, entity_url, strings["graph_title"], **words),
             strongest=_strongest(kb, edges)),
        # Served at any depth, so its links are absolute when the site's URL is known.
        page("404.html", "404.html", root=base_url),
        OutputFile("static/finder-data.js", _finder_data(kb)),
    ]
    files += _feeds(kb, config, strings, base_url)
    files += _static_files(project)
    files += _api_files(kb, nodes, edges)
    return files


def _network(kb: KnowledgeBase) -> tuple[list[graph.Node], list[graph.Edge]]:
    """Entities as nodes, co-mentions (articles in common) as weighted edges."""
    nodes = [graph.Node(e.slug, e.name, e.type, len(e.mentions)) for e in kb.entities]
    edges = [
        graph.Edge(entity.slug, other.slug, n)
        for entity in kb.entities for other, n in kb.co_mentions[entity.slug] if entity.slug < other.slug
    ]
    return nodes, edges


def _graph_words(strings: dict, lang: str) -> dict:
    def describe(shown_nodes, shown_edges, hidden_nodes, hidden_edges):
        text = strings["graph_shown"].format(
            entities=locales.count(shown_nodes, strings["entities_count"], lang),
            links=locales.count(shown_edges, strings["links_count"], lang))
        if hidden_nodes or hidden_edges:
            text += " " + strings["graph_hidden"].format(
                entities=locales.count(hidden_nodes, strings["entities_count"], lang),
                links=locales.count(hidden_edges, strings["links_count"], lang))
        return text

    return {"describe": describe, "tooltip": lambda n: f"{n.name} ({locales.count(n.mentions, strings['mention_count'], lang)})"}


def _strongest(kb: KnowledgeBase, edges: list[graph.Edge], count: int = 50):
    """The strongest links, as text: what the picture shows, for readers who cannot see it."""
    named = {e.slug: e for e in kb.entities}
    ranked = sorted(edges, key=lambda e: (-e.weight, e.source, e.target))[:count]
    return [(named[e.source], named[e.target], e.weight) for e in ranked]


def _by_year(items, date_of):
    """(year or None, items) groups, in the order given (newest first, undated last)."""
    groups: dict = {}
    for item in items:
        day = date_of(item)
        groups.setdefault(day.year if day else None, []).append(item)
    return list(groups.items())


def _by_letter(entities):
    letters: dict[str, list] = {}
    for entity in sorted(entities, key=lambda e: (fold(e.name), e.slug)):
        first = fold(entity.name)[:1].upper()
        letters.setdefault(first if first.isalpha() else "#", []).append(entity)
    return sorted(letters.items(), key=lambda item: (item[0] == "#", item[0]))


def _by_source(articles, strings) -> list[tuple[str, list]]:
    """Articles grouped by where they came from: the seed's folder, or written by hand."""
    groups: dict[str, list] = {}
    for article in articles:
        where = str(PurePosixPath(article.source).parent) + "/" if article.source else strings["hand_written"]
        groups.setdefault(where, []).append(article)
    return sorted(groups.items())


def _finder_data(kb: KnowledgeBase) -> bytes:
    """Entity names, aliases and types as a script file, for the finder that works from file://
    (where the full-text index cannot load): a script is loaded, unlike a fetched JSON file."""
    rows = [[e.name, list(e.aliases), e.type, entity_url(e.slug), len(e.mentions)] for e in kb.entities]
    return ("window.KBGEN_ENTITIES = " + json.dumps(rows, ensure_ascii=True) + ";\n").encode()


def _feeds(kb: KnowledgeBase, config: Config, strings: dict, base_url: str | None) -> list[OutputFile]:
    """The site's Atom feed and one per entity; sitemap.xml when the site's URL is known."""
    site_title = config.title or strings["site_title"]

    def absolute(path: str, depth: int) -> str:
        return base_url + path if base_url else "../" * depth + path

    files = [OutputFile("feed.xml", atom_feed(
        site_title, absolute("feed.xml", 0) if base_url else "urn:kbgen:feed", absolute("index.html", 0),
        list(kb.articles), lambda a: absolute(article_url(a.slug), 0), config.lang,
    ))]
    for entity in kb.entities:
        citing = [c.article for c in kb.citations[entity.slug]]
        files.append(OutputFile(f"entities/{entity.slug}.xml", atom_feed(
            f"{entity.name} · {site_title}",
            absolute(f"entities/{entity.slug}.xml", 1) if base_url else f"urn:kbgen:entity:{entity.slug}",
            absolute(entity_url(entity.slug), 1), citing, lambda a: absolute(article_url(a.slug), 1), config.lang,
        )))
    if base_url:
        pages = ["index.html", "archive.html", "sources.html", "entities/index.html", "entities/a-z.html", "search.html", "graph.html"]
        pages += [article_url(a.slug) for a in kb.articles] + [entity_url(e.slug) for e in kb.entities]
        files.append(OutputFile("sitemap.xml", sitemap([base_url + p for p in pages])))
    files.append(OutputFile("robots.txt", robots(base_url + "sitemap.xml" if base_url else None)))
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


def _api_files(kb: KnowledgeBase, nodes: list[graph.Node], edges: list[graph.Edge]) -> list[OutputFile]:
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
        OutputFile("api/graph.json", graph.to_json(nodes, edges)),
        OutputFile("api/graph.gexf", graph.to_gexf(nodes, edges)),
    ]


def _json(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode()
