"""Stage 3, resolve: mentions across the whole corpus become entities with one name, one type,
their aliases and a stable slug.

Mentions are grouped by a folded key (case, accents, apostrophes and hyphens ignored); a form with
a capitalised article ('La Russie') joins the bare form; a surname alone joins the one full name
in the corpus that ends with it ('Rutte' -> 'Mark Rutte'). When several people share the
surname, a mention goes to the one named in the same article, and stays on its own otherwise:
two different people are never merged on a guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Iterable

from kbgen.articles import Article
from kbgen.extract import Mention, plain_forms, trim
from kbgen.slugs import slugify, unique_slug

TYPE_PRIORITY = ("PER", "ORG", "LOC", "MISC")
CAPITALISED_ARTICLES = ("la ", "le ", "les ", "l ")


@dataclass(frozen=True)
class Entity:
    slug: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({m.article for m in self.mentions}))


def fold(name: str) -> str:
    """The grouping key of a name: no case, no accents, apostrophes and hyphens as spaces."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\s'’`\-‐–.]+", " ", bare).strip()


def resolve(mentions: Iterable[Mention], articles: Iterable[Article], curation=None) -> list[Entity]:
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        groups[fold(mention.text)].append(mention)
    _merge_article_forms(groups)
    _merge_surnames(groups)
    return _add_missed_mentions(_entities(groups), articles)


def _add_missed_mentions(entities: list[Entity], articles: Iterable[Article]) -> list[Entity]:
    """Link the places where the model missed a name it found elsewhere: every occurrence of an
    entity's name or alias, as a whole word, is a mention of it. A form two entities share, or
    shorter than three letters (two for an acronym), is left alone."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for form in (entity.name, *entity.aliases):
            if len(form) >= 3 or (len(form) == 2 and form.isupper()):
                owners[plain_forms(form)].add(entity.slug)
    unique = {form: next(iter(slugs)) for form, slugs in owners.items() if len(slugs) == 1}
    if not unique:
        return entities
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(unique, key=lambda f: (-len(f), f)))) + r")(?!\w)")
    by_slug = {e.slug: e for e in entities}
    added: dict[str, list[Mention]] = defaultdict(list)
    for article in articles:
        taken = sorted((m.start, m.end) for e in entities for m in e.mentions if m.article == article.slug)
        plain = plain_forms(article.text)
        for match in pattern.finditer(plain):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            entity = by_slug[unique[match.group()]]
            # The same checks as the model's own spans: 'les Français' stays a people, not a place.
            if trim(plain, match.start(), match.end(), entity.type) is None:
                continue
            added[entity.slug].append(Mention(article.slug, match.start(), match.end(), article.text[match.start():match.end()], entity.type))
    return [
        replace(e, mentions=tuple(sorted(e.mentions + tuple(added[e.slug]), key=lambda m: (m.article, m.start))))
        for e in entities
    ]


def _merge_article_forms(groups: dict[str, list[Mention]]) -> None:
    for key in sorted(groups):
        for article in CAPITALISED_ARTICLES:
            bare = key[len(article):]
            if key.startswith(article) and bare in groups:
                groups[bare].extend(groups.pop(key))
                break


def _majority_type(mentions: list[Mention]) -> str:
    votes = Counter(m.label for m in mentions)
    return max(TYPE_PRIORITY, key=lambda t: (votes[t], -TYPE_PRIORITY.index(t)))


def _merge_surnames(groups: dict[str, list[Mention]]) -> None:
    people = [k for k, ms in groups.items() if " " in k and _majority_type(ms) == "PER"]
    for key in sorted(groups):
        mentions = groups[key]
        if " " in key or not any(m.label == "PER" for m in mentions):
            continue
        candidates = [p for p in people if p.endswith(" " + key)]
        if len(candidates) == 1:
            groups[candidates[0]].extend(groups.pop(key))
            continue
        if not candidates:
            continue
        # Shared surname: decide per mention by the full name used in the same article.
        in_article = {c: {m.article for m in groups[c]} for c in candidates}
        left = []
        for mention in mentions:
            owners = [c for c in candidates if mention.article in in_article[c]]
            (groups[owners[0]] if len(owners) == 1 else left).append(mention)
        if left:
            groups[key] = left
        else:
            del groups[key]


def _entities(groups: dict[str, list[Mention]]) -> list[Entity]:
    taken: set[str] = set()
    entities = []
    for key in sorted(groups):
        mentions = sorted(groups[key], key=lambda m: (m.article, m.start))
        forms = Counter(m.text for m in mentions)
        own_forms = Counter({f: n for f, n in forms.items() if fold(f) == key}) or forms
        # Most used form; on a tie the longer, then the accented one ('États-Unis' over 'Etats-Unis').
        name = min(own_forms, key=lambda f: (-own_forms[f], -len(f), -sum(not ch.isascii() for ch in f), f))
        aliases = tuple(sorted(f for f in forms if f != name))
        slug = unique_slug(slugify(name), taken, fallback="entity")
        entities.append(Entity(slug, name, _majority_type(mentions), aliases, tuple(mentions)))
    return sorted(entities, key=lambda e: (fold(e.name), e.slug))
