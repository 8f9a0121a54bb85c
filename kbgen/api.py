"""The knowledge base for programs: the JSON copy in `api/` (a contract outside tools rely on:
see docs/site.md) and the entity finder's data."""

from __future__ import annotations

import json

from kbgen.link import KnowledgeBase
from kbgen.urls import article_url, entity_url


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


def articles_json(articles, entities_by_article) -> bytes:
    return _json(
        [
            {
                "slug": a.slug,
                "title": a.title,
                "date": a.date.isoformat() if a.date else None,
                "url": article_url(a.slug),
                "entities": [e.slug for e in entities_by_article[a.slug]],
            }
            for a in articles
        ]
    )


def _json(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode()


def finder_data(kb: KnowledgeBase) -> bytes:
    """Entity names, aliases and types as a script file, for the finder that works from file://
    (where the full-text index cannot load): a script is loaded, unlike a fetched JSON file."""
    rows = [[e.name, list(e.aliases), e.type, entity_url(e.slug), len(e.mentions)] for e in kb.entities]
    return ("window.KBGEN_ENTITIES = " + json.dumps(rows, ensure_ascii=True) + ";\n").encode()
