"""Stage 4a, link: from articles and resolved entities, everything the pages cross-reference:
which entity each mention links to, the sentence around each mention, and co-mentions."""

from __future__ import annotations

import bisect
import heapq
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from kbgen.articles import Article
from kbgen.extract import Mention
from kbgen.resolve import Entity, Homonym, fold


class Citation:
    """One mention seen in its sentence, for the entity's page: its `before`, `name` and `after`.
    Made of what the build holds anyway (the article's text, the mention, its sentence's
    bounds), and the quoted text cut only when a page shows it: a corpus has hundreds of
    thousands of citations, and copies of their quotes were much of a build's memory (see
    docs/performance.md, Memory)."""

    __slots__ = ("_mention", "_sentence", "_text")
    __match_args__ = ("before", "name", "after")  # all a page shows of it: what keys encode it by

    def __init__(self, text: str, sentence: tuple[int, int], mention: Mention) -> None:
        self._text, self._sentence, self._mention = text, sentence, mention

    @property
    def before(self) -> str:
        return _context(self._text, self._sentence[0], self._mention.start, before=True)

    @property
    def name(self) -> str:
        return self._mention.text

    @property
    def after(self) -> str:
        return _context(self._text, self._mention.end, self._sentence[1], before=False)

    def __repr__(self) -> str:
        return f"Citation(before={self.before!r}, name={self.name!r}, after={self.after!r})"


class CoMentions(Sequence):
    """An entity's co-mentions, most shared first: (entity, articles in common) pairs, kept as
    two arrays of numbers (the entity's rank in `entities`, the count) rather than a tuple each,
    as there are many more pairs than entities."""

    __slots__ = ("_counts", "_entities", "_ranks")

    def __init__(self, entities: tuple[Entity, ...], ranks: array, counts: array) -> None:
        self._entities, self._ranks, self._counts = entities, ranks, counts

    def __len__(self) -> int:
        return len(self._ranks)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(zip(map(self._entities.__getitem__, self._ranks[index]), self._counts[index]))
        return self._entities[self._ranks[index]], self._counts[index]

    def __iter__(self) -> Iterator[tuple[Entity, int]]:
        return zip(map(self._entities.__getitem__, self._ranks), self._counts)

    @classmethod
    def first_of(cls, pairs: CoMentions, count: int):
        """The `count` first of `pairs`, still two arrays: a tuple of pairs for each entity's
        page was much of what render holds (docs/performance.md, Memory)."""
        return cls(pairs._entities, pairs._ranks[:count], pairs._counts[:count])


@dataclass(frozen=True, slots=True)  # many thousands of them: no __dict__ each
class CitingArticle:
    article: Article
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)  # many thousands of them: no __dict__ each
class LinkedMention:
    start: int
    end: int
    entity: Entity | Homonym  # a homonym when the article does not say which of its people


@dataclass(frozen=True)
class KnowledgeBase:
    articles: tuple[Article, ...]  # newest first, undated last
    entities: tuple[Entity, ...]  # by name
    mentions_by_article: dict[str, tuple[LinkedMention, ...]]
    entities_by_article: dict[str, tuple[Entity, ...]]  # in order of first mention
    citations: dict[str, tuple[CitingArticle, ...]]  # entity slug -> its mentions in context, by article
    co_mentions: dict[str, CoMentions]  # entity slug -> (entity, shared articles) pairs
    related: dict[str, tuple[tuple[Article, tuple[Entity, ...]], ...]]  # article slug -> (article, shared entities)
    homonyms: tuple[Homonym, ...] = ()  # by name

    def article(self, slug: str) -> Article:
        return self._articles_by_slug[slug]

    @cached_property  # asked for each article a homonym's page cites: a scan each was quadratic
    def _articles_by_slug(self) -> dict[str, Article]:
        return {a.slug: a for a in self.articles}

    @cached_property
    def homonyms_of(self) -> dict[str, tuple[Homonym, ...]]:
        """A person's slug -> the homonym pages that list them (a person's page points to them)."""
        listed: dict[str, list[Homonym]] = defaultdict(list)
        for homonym in self.homonyms:
            for person in homonym.people:
                listed[person.slug].append(homonym)
        return {slug: tuple(homonyms) for slug, homonyms in listed.items()}


def by_date(article: Article) -> tuple:
    """Newest first; undated articles last, by title."""
    return (article.date is None, -(article.date or date.min).toordinal(), article.title, article.slug)


CONTEXT_CHARS = 160  # at most this much of the sentence on each side of a quoted mention


def _context(text: str, start: int, end: int, before: bool) -> str:
    """Text of [start, end) shortened to CONTEXT_CHARS at a word boundary, on the side away from
    the mention."""
    if end - start <= CONTEXT_CHARS:
        return text[start:end]
    if before:
        cut = text[end - CONTEXT_CHARS : end]
        return "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut
    cut = text[start : start + CONTEXT_CHARS]
    return (cut[: cut.rfind(" ")] if " " in cut else cut) + "…"


def _sentence_around(sentences: tuple[tuple[int, int], ...], start: int, end: int) -> tuple[int, int]:
    """The sentence holding [start, end) (the very tuple of `sentences`, not a copy), else itself."""
    index = bisect.bisect_right(sentences, (start, float("inf"))) - 1
    if index >= 0 and sentences[index][0] <= start and end <= sentences[index][1]:
        return sentences[index]
    return start, end


RELATED_PER_ARTICLE = 5


def _related(articles: list[Article], entities: list[Entity], entities_by_article: dict) -> dict:
    """Other articles ranked by how many entities they share with each article, then newest
    first, each with the entities they share (in order of first mention). Entities named in a large share of the corpus say little about relatedness (and would
    make this quadratic), so they are not counted."""
    newest_first = sorted(articles, key=by_date)
    rank = {a.slug: i for i, a in enumerate(newest_first)}
    common = max(50, len(articles) // 20)
    citing = {e.slug: [rank[slug] for slug in e.articles] for e in entities if len(e.articles) <= common}
    counted = {slug: frozenset(newest_first[r].slug for r in ranks) for slug, ranks in citing.items()}
    # Each candidate as one number, most shared then newest smallest: a heap picks the few best
    # of millions of candidates far faster than sorting them all.
    scale = len(articles)
    related = {}
    for article in articles:
        shared: Counter[int] = Counter()
        for entity in entities_by_article[article.slug]:
            shared.update(citing.get(entity.slug, ()))
        del shared[rank[article.slug]]
        best = heapq.nsmallest(RELATED_PER_ARTICLE, [r - n * scale for r, n in shared.items()])
        named = entities_by_article[article.slug]
        related[article.slug] = tuple(
            (other, tuple(e for e in named if other.slug in counted.get(e.slug, ())))
            for other in (newest_first[score % scale] for score in best)
        )
    return related


def _co_mentions(entities: list[Entity], entities_by_article: dict[str, tuple[Entity, ...]]) -> dict:
    """Each entity's co-mentions, most shared first, then by name: each as one number, as in
    _related."""
    by_name = tuple(sorted(entities, key=lambda e: (fold(e.name), e.slug)))
    rank = {e.slug: i for i, e in enumerate(by_name)}
    scale = len(entities)
    ranks = {
        slug: tuple(rank[e.slug] for e in named) for slug, named in entities_by_article.items()
    }  # once per article
    co_mentions = {}
    for entity in entities:
        together: Counter[int] = Counter()
        for article_slug in entity.articles:
            together.update(ranks[article_slug])
        del together[rank[entity.slug]]
        scores = sorted(r - n * scale for r, n in together.items())
        co_mentions[entity.slug] = CoMentions(
            by_name,
            array("I", [score % scale for score in scores]),
            array("I", [-(score // scale) for score in scores]),
        )
    return co_mentions


def link(
    articles: list[Article],
    entities: list[Entity],
    sentences: dict[str, tuple[tuple[int, int], ...]],
    homonyms: list[Homonym] | tuple[Homonym, ...] = (),
) -> KnowledgeBase:
    by_slug = {a.slug: a for a in articles}
    mentions_by_article: dict[str, list[LinkedMention]] = {a.slug: [] for a in articles}
    for homonym in homonyms:  # linked to its page; not an entity the article names
        for m in homonym.mentions:
            mentions_by_article[m.article].append(LinkedMention(m.start, m.end, homonym))
    citations = {}
    for entity in entities:
        cited: dict[str, list[Citation]] = {}
        for m in entity.mentions:
            mentions_by_article[m.article].append(LinkedMention(m.start, m.end, entity))
            sentence = _sentence_around(sentences.get(m.article, ()), m.start, m.end)
            cited.setdefault(m.article, []).append(Citation(by_slug[m.article].text, sentence, m))
        citations[entity.slug] = tuple(
            sorted(
                (CitingArticle(by_slug[slug], tuple(found)) for slug, found in cited.items()),
                key=lambda c: by_date(c.article),
            )
        )

    entities_by_article = {}
    for slug, linked in mentions_by_article.items():
        linked.sort(key=lambda lm: (lm.start, lm.end))
        seen: dict[str, Entity] = {}
        for lm in linked:
            if isinstance(lm.entity, Entity):
                seen.setdefault(lm.entity.slug, lm.entity)
        entities_by_article[slug] = tuple(seen.values())

    co_mentions = _co_mentions(entities, entities_by_article)
    return KnowledgeBase(
        related=_related(articles, entities, entities_by_article),
        articles=tuple(sorted(articles, key=by_date)),
        entities=tuple(entities),
        mentions_by_article={k: tuple(v) for k, v in mentions_by_article.items()},
        entities_by_article=entities_by_article,
        citations=citations,
        co_mentions=co_mentions,
        homonyms=tuple(sorted(homonyms, key=lambda h: (fold(h.name), h.slug))),
    )
