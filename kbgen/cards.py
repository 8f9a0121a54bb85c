"""The small card an article's page shows on hovering or focusing an entity's link: what it
says of each entity, made once per build and embedded in every article naming the entity, so no
card loads a page (static/cards.js shows it).

Since a card is in every page naming its entity, what it says must not change with each article
added: an exact count of articles would remake, on every addition, the pages of every article
naming the entities it names (most of the site, for an entity in half the corpus). Past EXACT
articles, a card says "more than" the step of 10, 20, 50, 100... below the count, which changes
only when the entity crosses a step; the entity's own page gives the exact count."""

from __future__ import annotations

from dataclasses import dataclass

from kbgen.link import KnowledgeBase

CO_MENTIONS_NAMED = 2  # a card without a description names this many of the strongest co-mentions
EXACT = 10  # a card gives its entity's number of articles exactly up to this, else a step below it


@dataclass(frozen=True, slots=True)  # one per entity, shared by every article naming it
class Card:
    """An entity's type, a line about it (its description, else the names it is most often
    cited with) and its number of articles: exact, or the step it is more than (`more`)."""

    slug: str
    name: str
    type: str
    description: str | None
    articles: int
    cited_with: tuple[str, ...]
    more: bool = False


def articles_shown(count: int) -> tuple[int, bool]:
    """The number of articles a card shows for `count`, and whether the count is more than it:
    up to EXACT, `count` itself; past it, the highest step of 10, 20, 50, 100, 200... below it
    (so the card changes once per step crossed)."""
    if count <= EXACT:
        return count, False
    power = 10 ** (len(str(count - 1)) - 1)
    return max(step * power for step in (1, 2, 5) if step * power < count), True


def cards_of(kb: KnowledgeBase) -> dict[str, Card]:
    """Every entity's card, by slug."""
    cards = {}
    for e in kb.entities:
        articles, more = articles_shown(len(e.articles))
        cited_with = tuple(other.name for other, _ in kb.co_mentions.get(e.slug, ())[:CO_MENTIONS_NAMED])
        cards[e.slug] = Card(e.slug, e.name, e.type, e.description, articles, cited_with, more)
    return cards
