"""Stage 4b, render: the knowledge base as site files (HTML, CSS, JSON), no I/O but reading
templates. Every link is relative to the page, so the site works from `file://`, at a domain
root and under any sub-path.

Each file comes with a key (kbgen/keys.py) and is made only when the writer asks for it, so a
rebuild makes only the files whose inputs changed, and holds one page at a time in memory."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from functools import lru_cache, partial
from pathlib import Path, PurePosixPath

import jinja2
from markupsafe import Markup, escape

from kbgen import __version__, api, graph, network_pages
from kbgen import lang as languages
from kbgen.articles import Article
from kbgen.config import Config
from kbgen.errors import BuildError, Problem
from kbgen.feeds import description, lastmod, site_feeds
from kbgen.keys import Keys, digest
from kbgen.link import Citation, KnowledgeBase
from kbgen.markup import Link, wikilink_targets
from kbgen.markup import render as render_markdown
from kbgen.media import Image, Media
from kbgen.output import OutputFile, copied, heavy, made
from kbgen.pages import parse_page
from kbgen.resolve import Entity, fold
from kbgen.spans import LABELS
from kbgen.tags import Tag, article_tags, tags_of
from kbgen.theme import ThemeFolders, file_digests
from kbgen.urls import PAGES, TAGS, article_url, entity_url, host, tag_url, wikilink_pages

__all__ = [
    "OutputFile",
    "Theme",
    "article_page",
    "render_site",
    "wikilink_pages",
]  # OutputFile: as write and preview import it


# What pages show of an article and of an entity: templates use these attributes only (the
# text reaches pages through keyed arguments: the article's HTML, quotes, feed entries). Keys are
# made of them, so editing one article's text remakes the pages that show that text, not every
# page that lists the article or an entity it names. A project with templates of its own may
# show more, so its pages are keyed by everything.
class EntityLinks(tuple):
    """Entities a page only links to: their names, types and addresses are all it shows."""


class CoMentionLinks(tuple):
    """(entity, articles in common) pairs a page shows as links with a number."""


SHOWN = {
    # Times by their ISO form (keys take dates, not times); `extra` by its repr(): front matter
    # may hold values of any kind there.
    Article: lambda a: (
        a.slug,
        a.title,
        a.date,
        a.time and a.time.isoformat(),
        a.updated,
        a.updated_time and a.updated_time.isoformat(),
        a.lang,
        a.source,
        a.authors,
        a.subtitle,
        a.kicker,
        a.summary,
        a.tags,
        a.image,
        a.draft,
        a.original_url,
        a.site_name,
        repr(a.extra),
    ),
    Tag: lambda t: (t.slug, t.name, t.articles),
    Entity: lambda e: (e.slug, e.name, e.type, e.aliases, len(e.mentions), e.articles, e.description, e.wikidata),
    EntityLinks: lambda links: tuple((e.slug, e.name, e.type) for e in links),
    CoMentionLinks: lambda pairs: tuple((e.slug, e.name, e.type, n) for e, n in pairs),
}
PLAIN = (graph.Node, graph.Edge, Citation, Link)  # dataclasses of plain values (see Keys)
QUOTES_PER_ARTICLE = 5  # an entity page quotes at most this many mentions of each article
CO_MENTIONS_SHOWN = 40  # and lists this many of the entities mentioned with it (the strongest)
NEIGHBOURS_SHOWN = 25  # and draws the strongest of them around it


def entity_link(entity, root: str) -> Markup:
    """The link to an entity's page from a page `root` away from the site's root, for templates.
    Made once per entity and depth: an entity page links to forty others, whose four parts the
    template escaped again on every page that shows them."""
    return _entity_link(entity.slug, entity.name, entity.type, root)


@lru_cache(maxsize=1 << 17)
def _entity_link(slug: str, name: str, kind: str, root: str) -> Markup:
    return Markup('<a class="entity type-{}" href="{}{}">{}</a>').format(kind.lower(), root, entity_url(slug), name)


class Theme:
    """The site's templates, ready to make pages: the project's own, then kbgen's."""

    def __init__(self, folders: ThemeFolders, config: Config, base_url: str | None = None, keyed: bool = True):
        self.folders, self.config = folders, config
        strings = languages.profile(config.lang).strings
        self.base_url = (base_url or config.base_url or "").rstrip("/") + "/" if (base_url or config.base_url) else None
        env = self.env = jinja2.Environment(
            loader=folders.loader(),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,  # templates do not change during a build: no file check per page
        )
        env.filters["date"] = lambda value: languages.format_date(value, strings)
        env.filters["moment"] = lambda day, clock=None: languages.format_moment(day, clock, strings)
        env.filters["iso"] = languages.iso_moment
        env.filters["fill"] = _fill
        env.filters["host"] = host
        env.filters["month"] = lambda value: languages.format_month(value, strings)
        env.filters["count"] = lambda n, forms: languages.count(n, forms, config.lang)
        env.globals.update(
            t=strings,
            lang=config.lang,
            site_title=config.title or strings["site_title"],
            types=LABELS,
            version=__version__,
            article_url=article_url,
            entity_url=entity_url,
            tag_url=tag_url,
            tags_url=TAGS,
            article_tags=article_tags,
            feed_url=lambda slug: f"entities/{slug}.xml",
            entity_feeds=config.entity_feeds,
            graph_exports=config.graph_exports,
            entity_link=entity_link,
        )
        for template in env.list_templates(filter_func=lambda name: name.endswith(".html")):
            try:
                env.get_template(template)  # every syntax error now, before anything is written
            except jinja2.TemplateError as exc:
                raise _template_problem(folders, exc, template) from None
        # Keys hash kbgen and the theme: a preview of one page (kbgen serve), never keyed, skips that.
        self.keys = (
            Keys(_salt(folders, config, self.base_url), None if folders.has_own_templates() else SHOWN, PLAIN)
            if keyed
            else None
        )

    def page(self, path: str, template: str, root: str | None = None, **context) -> OutputFile:
        """A page from `template`; a `partial` in `context` is computed only when it is made."""
        root = "../" * path.count("/") if root is None else root

        def make() -> bytes:
            values = {name: value() if isinstance(value, partial) else value for name, value in context.items()}
            try:
                return self.env.get_template(template).render(root=root, **values).encode()
            except jinja2.TemplateError as exc:
                raise _template_problem(self.folders, exc, template) from None

        return OutputFile(path, partial(self._key, path, template, root, context), make)

    def lazy(self, path: str, maker: partial) -> OutputFile:
        return OutputFile(path, partial(self._key, path, maker), maker)

    def _key(self, *values) -> str:
        assert self.keys is not None  # only a preview's theme has no keys, and its pages are never keyed
        return self.keys.of(*values)


def article_page(
    theme: Theme,
    article: Article,
    linked: Iterable[tuple[int, int, str]],
    entities: tuple,
    related: tuple,
    image: Image | None = None,
    pages_named: dict[str, str] | None = None,
) -> OutputFile:
    """An article's page: its text with each (start, end, entity slug) mention linked, each
    [[wikilink]] to the page `pages_named` gives its target (see wikilink_pages), the entities
    it names (in order of first mention), the articles related to it, and its image."""
    links = tuple(Link(start, end, "../" + entity_url(slug)) for start, end, slug in linked)
    named = pages_named or {}
    # Only this article's targets: the page's key then changes only when one of them moves.
    wikilinks = tuple(sorted((key, named[key]) for key in wikilink_targets(article.body) if key in named))
    footnote_back = languages.profile(theme.config.lang).strings["footnote_back"]
    return theme.page(
        article_url(article.slug),
        "article.html",
        article=article,
        body=partial(_article_html, article.body, links, wikilinks, footnote_back),
        description=partial(description, article.summary, article.text),
        image=image,
        entities=EntityLinks(entities),
        related=related,
    )


def entity_page(
    theme: Theme, kb: KnowledgeBase, entity: Entity, note: str | None, pages_named: dict[str, str] | None = None
) -> OutputFile:
    """An entity's page: its facts and `note`, its neighbourhood in the network, where it is
    quoted (by year) and the entities named with it."""
    centre = graph.Node(entity.slug, entity.name, entity.type, len(entity.mentions))
    co_mentions = kb.co_mentions[entity.slug]
    around = tuple((other.slug, other.name, other.type, n) for other, n in co_mentions[:NEIGHBOURS_SHOWN])
    return theme.page(
        entity_url(entity.slug),
        "entity.html",
        entity=entity,
        neighbourhood=partial(network_pages.neighbourhood, theme.config.lang, centre, around)
        if theme.config.neighbourhood_pictures
        else None,
        note=_note_html(note, pages_named or {}, languages.profile(theme.config.lang).strings["footnote_back"]),
        citations=kb.citations[entity.slug],
        timeline=_by_year(kb.citations[entity.slug], _citing_date),
        co_mentions=CoMentionLinks(co_mentions[:CO_MENTIONS_SHOWN]),
        co_mentions_left=max(0, len(co_mentions) - CO_MENTIONS_SHOWN),
        quotes_per_article=QUOTES_PER_ARTICLE,
    )


def render_site(
    kb: KnowledgeBase,
    theme: Theme,
    notes: dict[str, str],
    static: list[tuple[str, bytes]],
    media: Media | None = None,
    moved: dict[str, Article] | None = None,
    drafts: bool = False,
) -> list[OutputFile]:
    """Every file of the site, each made when it is written: pages from `theme`'s templates,
    `notes` (Markdown by entity slug) on entity pages, the theme's `static` files, the articles'
    images (`media`) and the redirect pages from their old URLs (`moved`, see
    kbgen.redirects.plan); `drafts` says the build includes drafts (api/ then says which)."""
    config = theme.config
    strings, base_url, page, lazy = languages.profile(config.lang).strings, theme.base_url, theme.page, theme.lazy
    media = media or Media({}, {})
    nodes, edges = network_pages.network(kb)
    tags = tags_of(kb.articles)
    files = [page("index.html", "home.html", articles=kb.articles, top=_most_mentioned(kb, config))]
    pages_named = wikilink_pages(kb)
    for article in kb.articles:
        linked = ((m.start, m.end, m.entity.slug) for m in kb.mentions_by_article[article.slug])
        entities, related, image = (
            kb.entities_by_article[article.slug],
            kb.related[article.slug],
            media.images.get(article.slug),
        )
        files.append(article_page(theme, article, linked, entities, related, image, pages_named))
    files += [entity_page(theme, kb, entity, notes.get(entity.slug), pages_named) for entity in kb.entities]
    files += [
        heavy(page("entities/index.html", "entities.html", entities=kb.entities)),
        heavy(page("entities/a-z.html", "a-z.html", letters=_by_letter(kb.entities))),
        page("archive.html", "archive.html", years=_by_year(kb.articles, _article_date)),
        page("sources.html", "sources.html", sources=_by_source(kb.articles, strings)),
        page("search.html", "search.html"),
        heavy(
            page(
                "graph.html",
                "graph.html",
                drawing=partial(network_pages.whole_network, config.lang, nodes, edges),
                strongest=network_pages.strongest(kb, edges),
            )
        ),
        # Served at any depth, so its links are absolute when the site's URL is known.
        page("404.html", "404.html", root=base_url),
        made("static/finder-data.js", api.finder_data(kb)),
    ]
    files += _tag_pages(theme, tags)
    files += [page(path, "redirect.html", article=article) for path, article in sorted((moved or {}).items())]
    files += [copied(url, source, url) for url, source in sorted(media.copies.items())]
    site_title = config.title or strings["site_title"]
    files += site_feeds(kb, site_title, config.lang, base_url, lazy, _sitemap_pages(kb, tags), config.entity_feeds)
    files += [made(f"static/{name}", data) for name, data in static]
    files += [heavy(file) for file in _api_files(kb, lazy, nodes, edges, media, drafts, config.graph_exports)]
    files.append(lazy("api/tags.json", partial(api.tags_json, tuple(tags))))  # small: not heavy
    return files


def _tag_pages(theme: Theme, tags: list[Tag]) -> list[OutputFile]:
    """A page per tag listing its articles (newest first), and the list of every tag."""
    pages = [theme.page(tag_url(tag.slug), "tag.html", tag=tag) for tag in tags]
    return pages + [theme.page(TAGS, "tags.html", tags=tuple(tags))]


def _sitemap_pages(kb: KnowledgeBase, tags: list[Tag]) -> list[tuple[str, str | None]]:
    """Every page a search engine should know, with when it last changed where that is known
    (an article's update, else its publication)."""
    pages: list[tuple[str, str | None]] = [(path, None) for path in PAGES]
    for a in kb.articles:
        changed = lastmod(a.updated, a.updated_time) if a.updated else lastmod(a.date, a.time)
        pages.append((article_url(a.slug), changed))
    pages += [(entity_url(e.slug), None) for e in kb.entities] + [(tag_url(t.slug), None) for t in tags]
    return pages


def _api_files(kb: KnowledgeBase, lazy, nodes, edges, media: Media, drafts: bool, exports: bool) -> list[OutputFile]:
    images = {slug: image.url for slug, image in media.images.items()}
    files = [
        lazy("api/articles.json", partial(api.articles_json, kb.articles, kb.entities_by_article, images, drafts)),
        lazy("api/entities.json", partial(api.entities_json, kb.entities)),
    ]
    if exports:
        files += [
            lazy("api/graph.json", partial(graph.to_json, nodes, edges)),
            lazy("api/graph.gexf", partial(graph.to_gexf, nodes, edges)),
        ]
    return files


def _salt(folders: ThemeFolders, config: Config, base_url: str | None) -> str:
    """What every file depends on: kbgen's code and packaged theme, the project's theme, the settings."""
    parts = [__version__, config.model_dump_json(), repr(base_url), os.environ.get("SOURCE_DATE_EPOCH", "")]
    parts += file_digests(Path(__file__).parent) + file_digests(folders.own)
    return digest("\n".join(parts))


def _template_problem(folders: ThemeFolders, exc: jinja2.TemplateError, template: str) -> BuildError:
    """A template's error as `theme/NAME:LINE: error: ...`, the project's file if it has one."""
    name = getattr(exc, "name", None) or template
    line = getattr(exc, "lineno", None)
    frame = exc.__traceback__
    while frame is not None and not isinstance(exc, jinja2.TemplateSyntaxError):
        if frame.tb_frame.f_code.co_filename.endswith("/" + name):
            line = frame.tb_lineno  # while rendering, Jinja's frames carry the template's lines; the innermost wins
        frame = frame.tb_next
    return BuildError(
        [
            Problem(
                folders.where(name),
                line,
                f"template error: {exc.message or exc}",
                "fix the template, or remove it to use kbgen's own",
            )
        ]
    )


def _fill(template: str, **values) -> Markup:
    """A site string with {names} filled by markup ('mis à jour le {date}', the date a <time>):
    the string escaped, the values escaped unless they are markup already."""
    return Markup(escape(template)).format(**values)


def _article_html(body: str, links: tuple[Link, ...], wikilinks=(), footnote_back: str = "") -> str:
    return render_markdown(body, links, dict(wikilinks), footnote_back).html


def _citing_date(citing) -> date | None:
    return citing.article.date


def _article_date(article) -> date | None:
    return article.date


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


def _most_mentioned(kb: KnowledgeBase, config: Config):
    headline = [e for e in kb.entities if e.type in config.headline_types]
    return sorted(headline, key=lambda e: (-len(e.mentions), e.name))[: config.top_entities]


def _note_html(note: str | None, pages_named: dict[str, str], footnote_back: str) -> str | None:
    """An entity note's Markdown body as HTML (its front matter, if any, is left out), its
    [[wikilinks]] linked as an article's are."""
    return None if note is None else render_markdown(parse_page(note).body, (), pages_named, footnote_back).html
