"""Stage 4b, render: the knowledge base as site files (HTML, CSS, JSON), no I/O but reading
templates. Every link is relative to the page, so the site works from `file://`, at a domain
root and under any sub-path.

Each file comes with a key (kbgen/keys.py) and is made only when the writer asks for it, so a
rebuild makes only the files whose inputs changed, and holds one page at a time in memory."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache, partial
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
from markupsafe import Markup, escape

from kbgen import __version__, api, graph, lists, network_pages, search
from kbgen import entity_pages as entity_parts
from kbgen import lang as languages
from kbgen.articles import Article
from kbgen.cards import Card, cards_of
from kbgen.config import Config
from kbgen.feeds import description, lastmod, site_feeds
from kbgen.keys import Keys, digest
from kbgen.link import Citation, CoMentions, KnowledgeBase, by_date
from kbgen.markup import Link, wikilink_targets
from kbgen.markup import render as render_markdown
from kbgen.media import Image, Media
from kbgen.output import OutputFile, copied, heavy, made
from kbgen.pages import parse_page
from kbgen.resolve import Entity, Homonym
from kbgen.spans import LABELS
from kbgen.tags import Tag, article_tags, tags_of
from kbgen.theme import ThemeFolders, file_digests, template_problem
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


class CoMentionLinks(CoMentions):
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
PLAIN = (graph.Node, graph.Edge, Citation, Link, Card)  # records of plain values (see Keys)
QUOTES_PER_ARTICLE = 5  # an entity page quotes at most this many mentions of each article
CO_MENTIONS_SHOWN = 20  # and lists this many of the entities mentioned with it (the strongest; its picture, at most 12)
STRONGEST_IN_LEAD = 3  # and names the strongest in its lead


def entity_link(entity, root: str) -> Markup:
    """The link to an entity's page from a page `root` deep, for templates; made once per entity
    and depth (a page links to forty others, whose parts a template escaped on every page)."""
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
            search_weight=lambda entity: search.entity_weight(len(entity.mentions)),
        )
        for template in env.list_templates(filter_func=lambda name: name.endswith(".html")):
            try:
                env.get_template(template)  # every syntax error now, before anything is written
            except jinja2.TemplateError as exc:
                raise template_problem(folders, exc, template) from None
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
                raise template_problem(self.folders, exc, template) from None

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
    cards: tuple[Card, ...] = (),
) -> OutputFile:
    """An article's page: its text with the first mention of each entity linked (`linked`:
    (start, end, entity slug), in order; later mentions stay plain text: a link a line is noise),
    each [[wikilink]] to the page `pages_named` gives its target (see wikilink_pages), the
    entities it names (in order of first mention) with their `cards`, the articles related to it
    (with the entities they share), and its image."""
    first: dict[str, Link] = {}
    for start, end, slug in linked:
        first.setdefault(slug, Link(start, end, "../" + entity_url(slug)))
    links = tuple(first.values())
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
        related=tuple((other, EntityLinks(shared)) for other, shared in related),
        cards=cards,
    )


def entity_pages(
    theme: Theme, kb: KnowledgeBase, entity: Entity, note: str | None, pages_named: dict | None = None, shared=None
) -> list[OutputFile]:
    """An entity's page: its lead (type, articles, first and last seen, strongest co-mentions),
    facts and `note`, its neighbourhood in the network, the entities named with it, and the
    newest of its mentions, quoted; then, when they do not fit on it, one page of mentions per
    year or part of a year (kbgen/entity_pages.py). `shared`: see network_pages.ego."""
    citations, co_mentions = kb.citations[entity.slug], kb.co_mentions[entity.slug]
    parts = entity_parts.parts(entity.slug, citations)
    first_seen, last_seen = entity_parts.seen(citations)
    lead: dict[str, Any] = dict(
        entity=entity,
        years=tuple(entity_parts.years(parts, citations)),
        first_seen=first_seen,
        last_seen=last_seen,
        strongest=CoMentionLinks.first_of(co_mentions, STRONGEST_IN_LEAD),
        quotes_per_article=QUOTES_PER_ARTICLE,
        homonyms=EntityLinks(kb.homonyms_of.get(entity.slug, ())),  # reached from the people they list
    )
    main = theme.page(
        parts[0].path,
        "entity.html",
        part=parts[0],
        timeline=entity_parts.by_year(parts[0].citing),
        neighbourhood=partial(network_pages.neighbourhood, theme.config.lang, *network_pages.ego(kb, entity, shared))
        if theme.config.neighbourhood_pictures
        else None,
        note=_note_html(note, pages_named or {}, languages.profile(theme.config.lang).strings["footnote_back"]),
        # The search page finds every entity by name from the finder's data: Pagefind needs only
        # the pages with words of their own (a search file each), unless asked for all.
        searchable=bool(note or entity.description) or theme.config.search_entity_pages,
        co_mentions=CoMentionLinks.first_of(co_mentions, CO_MENTIONS_SHOWN),
        co_mentions_left=max(0, len(co_mentions) - CO_MENTIONS_SHOWN),
        **lead,
    )
    more: dict[str, Any] = dict(neighbourhood=None, note=None, co_mentions=(), co_mentions_left=0)
    rest = [
        theme.page(part.path, "entity.html", part=part, timeline=entity_parts.by_year(part.citing), **more, **lead)
        for part in parts[1:]
    ]
    return [main, *rest]


def homonym_page(theme: Theme, kb: KnowledgeBase, homonym: Homonym) -> OutputFile:
    """A name several people bear: who it may be, and the articles naming it without saying."""
    cited = sorted((kb.article(slug) for slug in {m.article for m in homonym.mentions}), key=by_date)
    # Found by its name in the finder's data, as entities are, unless every entity page is indexed.
    context: dict[str, Any] = dict(homonym=homonym, cited=tuple(cited), searchable=theme.config.search_entity_pages)
    return theme.page(entity_url(homonym.slug), "disambiguation.html", **context)


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
    files = [  # the lists, in pages of bounded size
        *lists.list_files(page, kb.articles, kb.entities, _most_mentioned(kb, config), _lede),
        *lists.source_files(page, _by_source(kb.articles, strings)),
        *lists.tag_files(page, tags),
        page(TAGS, "tags.html", tags=tuple(tags)),
    ]
    listed = [file.path for file in files]
    files += _content_pages(kb, theme, notes, media)
    files += [
        page("search.html", "search.html"),
        heavy(
            page(
                "graph.html",
                "graph.html",
                network=partial(network_pages.overview, config.lang, nodes, edges),
                strongest=network_pages.strongest(kb, edges),
            )
        ),
        # Served at any depth, so its links are absolute: under the site's URL when it is known,
        # else from the domain's root (a site served there: a user's or a custom domain's).
        page("404.html", "404.html", root=base_url or "/"),
        made("static/finder-data.js", api.finder_data(kb)),
    ]
    files += [page(path, "redirect.html", article=article) for path, article in sorted((moved or {}).items())]
    files += [copied(url, source, url) for url, source in sorted(media.copies.items())]
    site_title = config.title or strings["site_title"]
    files += site_feeds(kb, site_title, config.lang, base_url, lazy, _sitemap_pages(kb, listed), config.entity_feeds)
    files += [made(f"static/{name}", data) for name, data in static]
    files += [heavy(file) for file in _api_files(kb, lazy, nodes, edges, media, drafts, config.graph_exports)]
    files.append(lazy("api/tags.json", partial(api.tags_json, tuple(tags))))  # small: not heavy
    return files


def _content_pages(kb: KnowledgeBase, theme: Theme, notes: dict[str, str], media: Media) -> list[OutputFile]:
    """The articles' pages, the entities' (with their pages of mentions) and the homonyms'."""
    pages_named, cards = wikilink_pages(kb), cards_of(kb)
    files = []
    for article in kb.articles:
        linked = ((m.start, m.end, m.entity.slug) for m in kb.mentions_by_article[article.slug])
        entities, related, image = (
            kb.entities_by_article[article.slug],
            kb.related[article.slug],
            media.images.get(article.slug),
        )
        shown = tuple(cards[e.slug] for e in entities)
        files.append(article_page(theme, article, linked, entities, related, image, pages_named, shown))
    shared = network_pages.Shared()  # by the entities' neighbourhoods
    for entity in kb.entities:
        files += entity_pages(theme, kb, entity, notes.get(entity.slug), pages_named, shared)
    return files + [homonym_page(theme, kb, homonym) for homonym in kb.homonyms]


def _sitemap_pages(kb: KnowledgeBase, listed: list[str]) -> list[tuple[str, str | None]]:
    """Every page a search engine should know, with when it last changed where that is known
    (an article's update, else its publication); `listed`: the list pages (kbgen.lists, tags'
    pages among them)."""
    pages: list[tuple[str, str | None]] = [(path, None) for path in dict.fromkeys((*PAGES, *listed))]
    for a in kb.articles:
        changed = lastmod(a.updated, a.updated_time) if a.updated else lastmod(a.date, a.time)
        pages.append((article_url(a.slug), changed))
    pages += [(entity_url(e.slug), None) for e in kb.entities] + [(entity_url(h.slug), None) for h in kb.homonyms]
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


def _fill(template: str, **values) -> Markup:
    """A site string with {names} filled by markup ('mis à jour le {date}', a <time>), escaped."""
    return Markup(escape(template)).format(**values)


def _article_html(body: str, links: tuple[Link, ...], wikilinks=(), footnote_back: str = "") -> str:
    return render_markdown(body, links, dict(wikilinks), footnote_back).html


def _lede(article: Article) -> str:
    return description(article.summary, article.text)


def _by_source(articles, strings) -> list[tuple[str, list]]:
    """Articles grouped by where they came from: the seed's folder, or written by hand."""
    groups: dict[str, list] = {}
    for article in articles:
        where = str(PurePosixPath(article.source).parent) + "/" if article.source else strings["hand_written"]
        groups.setdefault(where, []).append(article)
    return sorted(groups.items())


def _most_mentioned(kb: KnowledgeBase, config: Config):
    """The entities the home page puts forward: of the headline types, named in two articles at least."""
    headline = [e for e in kb.entities if e.type in config.headline_types and len(e.articles) > 1]
    return sorted(headline, key=lambda e: (-len(e.mentions), e.name))[: config.top_entities]


def _note_html(note: str | None, pages_named: dict[str, str], footnote_back: str) -> str | None:
    """An entity note's Markdown body as HTML (its front matter, if any, is left out), its
    [[wikilinks]] linked as an article's are."""
    return None if note is None else render_markdown(parse_page(note).body, (), pages_named, footnote_back).html
