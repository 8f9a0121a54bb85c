"""Mentions the model missed: every other occurrence of a resolved name or alias, as whole words,
after the same debris checks as the model's spans (part of resolve)."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from kbgen.articles import Article
from kbgen.extract import Mention
from kbgen.lang import LanguageProfile, plain_forms
from kbgen.names import fold, inside_longer_name
from kbgen.spans import trim

if TYPE_CHECKING:
    from kbgen.resolve import Entity


WORD = re.compile(r"\w+")
WORD_EDGES = re.compile(r"\w(.*\w)?", re.DOTALL)  # names that begin and end with a letter or digit


def _first_words(forms) -> dict[str, int]:
    """The first word of each form -> the most words a form beginning with it has."""
    starts: dict[str, int] = {}
    for form in forms:
        words = WORD.findall(form)
        starts[words[0]] = max(starts.get(words[0], 0), len(words))
    return starts


def _find_names(text: str, forms: dict[str, str], starts: dict[str, int]):
    """Each occurrence of one of `forms` made of whole words, the longest first at each place,
    left to right without overlap: dictionary lookups only where a form's first word is, so the
    cost grows with the text, not with the number of names (a regular expression of thousands
    of names tries them all at every position). `starts` is _first_words(forms)."""
    spans = [m.span() for m in WORD.finditer(text)]
    after = 0  # the first word not inside a name found already
    # Only the words some form begins with are looked at further: most words begin none.
    for index in [i for i, word in enumerate(WORD.findall(text)) if word in starts]:
        if index < after:
            continue
        start, end = spans[index]
        for last in range(min(len(spans), index + starts[text[start:end]]) - 1, index - 1, -1):
            candidate = text[start : spans[last][1]]
            if candidate in forms:
                yield start, spans[last][1], candidate
                after = last + 1
                break


def _running_max_ends(spans: list[tuple[int, int]]) -> list[int]:
    ends, furthest = [], -1
    for _, end in spans:
        furthest = max(furthest, end)
        ends.append(furthest)
    return ends


def _overlaps(spans: list[tuple[int, int]], ends: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted `spans` (ends[i]: furthest end up to i)."""
    index = bisect.bisect_left(spans, (end, -1)) - 1  # the last span starting before `end`
    return index >= 0 and ends[index] > start


def add_missed_mentions(
    entities: list[Entity],
    articles: list[Article],
    language: LanguageProfile,
    ambiguous: Iterable[str] = (),
    ignored: dict[str, frozenset[str] | None] | None = None,
) -> list[Entity]:
    """Link the places where the model missed a name it found elsewhere: every occurrence of an
    entity's name or alias, as a whole word, is a mention of it. A form two entities share, an
    `ambiguous` one (a homonym's), or one shorter than three letters (two for an acronym) is left
    alone, as is an occurrence glued to a capitalised word (part of a longer name) and one the
    owner `ignored` (folded name -> the articles it is ignored in, None: everywhere)."""
    ignored = ignored or {}
    owners: dict[str, set[str]] = defaultdict(set)
    for form in ambiguous:
        owners[plain_forms(form)].add("")
    for entity in entities:
        for form in (entity.name, *entity.aliases):
            if (len(form) >= 3 or (len(form) == 2 and form.isupper())) and ignored.get(fold(form), ()) is not None:
                owners[plain_forms(form)].add(entity.slug)
    unique = {
        form: next(iter(slugs)) for form, slugs in owners.items() if len(slugs) == 1 and WORD_EDGES.fullmatch(form)
    }
    unique = {form: slug for form, slug in unique.items() if slug}
    if not unique:
        return entities
    starts = _first_words(unique)
    by_slug = {e.slug: e for e in entities}
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for entity in entities:
        for m in entity.mentions:
            taken[m.article].append((m.start, m.end))
    added: dict[str, list[Mention]] = defaultdict(list)
    for article in articles:
        spans = sorted(taken[article.slug])
        ends = _running_max_ends(spans)
        plain = plain_forms(article.text)
        for start, end, form in _find_names(plain, unique, starts):
            if _overlaps(spans, ends, start, end) or inside_longer_name(plain, start, end, language.rules.person_cues):
                continue
            if article.slug in (ignored.get(fold(form)) or ()):
                continue
            entity = by_slug[unique[form]]
            # The same checks as the model's own spans: 'les Français' stays a people, not a place.
            if trim(plain, start, end, entity.type, language) is None:
                continue
            added[entity.slug].append(Mention(article.slug, start, end, article.text[start:end], entity.type))
    return [
        replace(e, mentions=tuple(sorted(e.mentions + tuple(added[e.slug]), key=lambda m: (m.article, m.start))))
        if added[e.slug]
        else e
        for e in entities
    ]
