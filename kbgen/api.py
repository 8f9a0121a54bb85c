"""The knowledge base for programs: the JSON copy in `api/` (a contract outside tools rely on:
see docs/site.md) and the entity finder's data."""

from __future__ import annotations

import datetime as dt
import json
import math

from kbgen.lang import iso_moment
from kbgen.link import KnowledgeBase
from kbgen.tags import article_tags
from kbgen.urls import article_url, entity_url, tag_url


def entities_json(entities) -> bytes:
    return _json(
        [
            {
                "slug": e.slug,
                "name": e.name,
                "type": e.type,
                "aliases": list(e.aliases),
                "mentions": len(e.mentions),
                "articles": list(e.articles),
                "url": entity_url(e.slug),
                "description": e.description,
                "wikidata": e.wikidata,
            }
            for e in entities
        ]
    )


def articles_json(articles, entities_by_article, images: dict[str, str] | None = None, drafts: bool = False) -> bytes:
    """Every article, newest first. The keys after `entities` came later and only add: a tool
    written for the first ones reads these files as before. `images` gives an article's image
    (media/..., or an http(s) URL); `draft` is there in a build with --drafts only."""
    images = images or {}
    rows = []
    for a in articles:
        row = {
            "slug": a.slug,
            "title": a.title,
            "date": a.date.isoformat() if a.date else None,
            "url": article_url(a.slug),
            "entities": [e.slug for e in entities_by_article[a.slug]],
            "datetime": iso_moment(a.date, a.time) or None,
            "updated": iso_moment(a.updated, a.updated_time) or None,
            "authors": list(a.authors),
            "subtitle": a.subtitle,
            "summary": a.summary,
            "tags": [{"name": name, "slug": slug, "url": tag_url(slug)} for slug, name in article_tags(a)],
            "lang": a.lang,
            "image": images.get(a.slug),
            "extra": _plain(a.extra),
            "kicker": a.kicker,
            "original_url": a.original_url,
            "site_name": a.site_name,
        }
        if drafts:
            row["draft"] = a.draft
        rows.append(row)
    return _json(rows)


def tags_json(tags) -> bytes:
    """Every tag, by slug: its name, page and articles (newest first)."""
    return _json(
        [
            {"slug": t.slug, "name": t.name, "url": tag_url(t.slug), "articles": [a.slug for a in t.articles]}
            for t in tags
        ]
    )


def _json(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode()


def _plain(value):
    """Front matter's values as JSON holds them: dates and times in ISO form, keys as text,
    anything else JSON has no form for (NaN, an infinity) as text."""
    if isinstance(value, dict):
        return {_plain(k) if isinstance(k, (dt.date, dt.time)) else str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)


def finder_data(kb: KnowledgeBase) -> bytes:
    """Entity names, aliases and types (and the homonyms' pages) as a script file, for the finder
    that works from file:// (where the full-text index cannot load): a script is loaded, unlike a
    fetched JSON file."""
    rows = [[e.name, list(e.aliases), e.type, entity_url(e.slug), len(e.mentions)] for e in kb.entities]
    # A name several people bear leads to its page listing them, ranked by how often it is cited.
    rows += [
        [h.name, [], h.type, entity_url(h.slug), len(h.mentions) + sum(len(p.mentions) for p in h.people)]
        for h in kb.homonyms
    ]
    return ("window.KBGEN_ENTITIES = " + json.dumps(rows, ensure_ascii=True) + ";\n").encode()
