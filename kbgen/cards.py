"""The small card an article's page shows on hovering or focusing an entity's link: what it
says of each entity, made once per build and embedded in every article naming the entity, so no
card loads a page (static/cards.js shows it)."""

from __future__ import annotations

from dataclasses import dataclass

from kbgen.link import KnowledgeBase

CO_MENTIONS_NAMED = 2  # a card without a description names this many of the strongest co-mentions


@dataclass(frozen=True, slots=True)  # one per entity, shared by every article naming it
class Card:
    """An entity's type, a line about it (its description, else the names it is most often
    cited with) and its number of articles."""

    slug: str
    name: str
    type: str
    description: str | None
    articles: int
    cited_with: tuple[str, ...]


def cards_of(kb: KnowledgeBase) -> dict[str, Card]:
    """Every entity's card, by slug."""
    return {
        e.slug: Card(
            e.slug,
            e.name,
            e.type,
            e.description,
            len(e.articles),
            tuple(other.name for other, _ in kb.co_mentions.get(e.slug, ())[:CO_MENTIONS_NAMED]),
        )
        for e in kb.entities
    }
