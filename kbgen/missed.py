"""Mentions the model missed: every other occurrence of a resolved name or alias, as whole words,
after the same debris checks as the model's spans (part of resolve).

Looking for every name in every article is a pass over the whole corpus; given a `cache` (a
build's `.kbgen/missed.sqlite`), what was found in each article is kept, keyed by what it
depends on: the text, the places already taken in it, and the part of the name table that can
match in it (the forms whose first word the text has, with their types). An article is read
again only when one of those changed: a new name elsewhere in the corpus leaves it alone unless
its first word is in the article."""

from __future__ import annotations

import bisect
import hashlib
import re
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from kbgen.articles import Article
from kbgen.cache import SummaryCache, code_fingerprint
from kbgen.extract import Mention
from kbgen.lang import LanguageProfile, plain_forms
from kbgen.names import fold, inside_longer_name
from kbgen.spans import starts_sentence, trim

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
    cache: Path | None = None,
) -> list[Entity]:
    """Link the places where the model missed a name it found elsewhere: every occurrence of an
    entity's name or alias, as a whole word, is a mention of it. A form two entities share, an
    `ambiguous` one (a homonym's), or one shorter than three letters (two for an acronym) is left
    alone, as is an occurrence glued to a capitalised word (part of a longer name) and one the
    owner `ignored` (folded name -> the articles it is ignored in, None: everywhere). With a
    `cache`, what was found in each article is kept there, and only the articles whose part of it
    changed are read again."""
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
    by_slug = {e.slug: e for e in entities}
    types = {form: by_slug[slug].type for form, slug in unique.items()}
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for entity in entities:
        for m in entity.mentions:
            taken[m.article].append((m.start, m.end))
    spans = {a.slug: sorted(taken[a.slug]) for a in articles}
    if cache is None:
        starts = _first_words(types)
        found = {a.slug: _found_in(a.text, spans[a.slug], types, starts, language) for a in articles}
    else:
        with SummaryCache(cache) as remembered:
            found = _Remembered(remembered, language).found(articles, spans, types)
    added: dict[str, list[Mention]] = defaultdict(list)
    named_inside = _named_inside(entities, articles, language)
    for article in articles:
        for start, end, form in found[article.slug]:
            if article.slug not in (ignored.get(fold(form)) or ()) and (
                unique[form] in named_inside or not starts_sentence(article.text, start, language)
            ):
                entity = by_slug[unique[form]]
                added[entity.slug].append(Mention(article.slug, start, end, article.text[start:end], entity.type))
    return [
        replace(e, mentions=tuple(sorted(e.mentions + tuple(added[e.slug]), key=lambda m: (m.article, m.start))))
        if added[e.slug]
        else e
        for e in entities
    ]


def _named_inside(entities: list[Entity], articles: list[Article], language: LanguageProfile) -> set[str]:
    """The slugs of the entities the model found at least once inside a sentence, where a capital
    says the word is a name. One found only where a sentence or a line opens ('Abonnez-vous',
    'Temps de lecture : 3 min') has no such evidence: its other occurrences at a sentence start
    are no more a name than it is, and are left alone."""
    texts = {a.slug: a.text for a in articles}
    return {
        e.slug
        for e in entities
        if any(m.article in texts and not starts_sentence(texts[m.article], m.start, language) for m in e.mentions)
    }


def _found_in(
    text: str, spans: list[tuple[int, int]], types: dict[str, str], starts: dict[str, int], language: LanguageProfile
) -> list[tuple[int, int, str]]:
    """(start, end, form) of each occurrence in `text` of a form of `types` (form -> its entity's
    type) that no span of `spans` (sorted) takes, that is no part of a longer name, and that the
    model's span rules keep as a name of that type ('les Français' stays a people, not a place)."""
    ends = _running_max_ends(spans)
    plain = plain_forms(text)
    return [
        (start, end, form)
        for start, end, form in _find_names(plain, types, starts)
        if not _overlaps(spans, ends, start, end)
        and not inside_longer_name(plain, start, end, language.rules.person_cues)
        and trim(plain, start, end, types[form], language) is not None
    ]


class _Remembered:
    """_found_in for each article, from the last build when the article's text and taken spans
    are the same and no form that can match in it (one whose words it all has) is new, gone or
    of another type since. The last build's forms are kept with what was found, and each text's
    words, which is how the articles a changed form can match in are known without reading them."""

    def __init__(self, cache: SummaryCache, language: LanguageProfile):
        self.cache = cache
        self.language = language
        self.salt = f"{code_fingerprint()}\0{language.code}\0".encode()

    def _text_key(self, text: str) -> str:
        return hashlib.sha256(self.salt + b"text\0" + text.encode("utf-8", "surrogatepass")).hexdigest()

    def found(
        self, articles: list[Article], spans: dict[str, list[tuple[int, int]]], types: dict[str, str]
    ) -> dict[str, list[tuple[int, int, str]]]:
        texts = [self._text_key(a.text) for a in articles]
        keys = [
            hashlib.sha256(
                self.salt + b"found\0" + text.encode() + array("q", chain.from_iterable(spans[a.slug])).tobytes()
            ).hexdigest()
            for a, text in zip(articles, texts, strict=True)
        ]
        forms_key = hashlib.sha256(self.salt + b"forms").hexdigest()
        known = self.cache.get_pickled(sorted({forms_key, *keys}))
        last: dict[str, str] | None = known.pop(forms_key, None)
        changed = {f for f in set(types) | set(last or ()) if types.get(f) != (last or {}).get(f)}
        stale = [last is None or key not in known for key in keys]
        # The words of every text when some form changed (an article it can match in is read
        # again), else of the texts read again only.
        wanted = [index for index in range(len(articles)) if changed or stale[index]]
        words = self._words({texts[index]: articles[index].text for index in wanted})
        if changed and last is not None:
            for index in _having_all(words, texts, changed):
                stale[index] = True
        again = [index for index, is_stale in enumerate(stale) if is_stale]
        tables = _tables([words[texts[index]] for index in again], types)
        new = {}
        for index, table in zip(again, tables, strict=True):
            its = {form: types[form] for form in table}
            a = articles[index]
            new[keys[index]] = _found_in(a.text, spans[a.slug], its, _first_words(its), self.language)
        self.cache.store({**new, forms_key: types}, [forms_key, *texts, *keys])
        found = known | new
        return {a.slug: found[key] for a, key in zip(articles, keys, strict=True)}

    def _words(self, texts: dict[str, str]) -> dict[str, set[str]]:
        """The words of each text (by its key), from the cache, or read and kept."""
        known = {key: set(value.split("\n")) for key, value in self.cache.get_pickled(sorted(texts)).items()}
        new = {
            key: "\n".join(sorted(set(WORD.findall(plain_forms(text)))))
            for key, text in texts.items()
            if key not in known
        }
        self.cache.put_pickled(new)
        return known | {key: set(value.split("\n")) for key, value in new.items()}


def _having_all(words: dict[str, set[str]], texts: list[str], forms: set[str]) -> set[int]:
    """The indices of `texts` (keys of `words`) that have every word of one of `forms`."""
    needed = {form: set(WORD.findall(form)) for form in forms}
    vocabulary = set().union(*needed.values())
    having: dict[str, set[int]] = defaultdict(set)
    for index, text in enumerate(texts):
        for word in words[text] & vocabulary:
            having[word].add(index)
    return set().union(
        *(set.intersection(*(having[w] for w in its)) for its in needed.values() if its <= having.keys())
    )


def _tables(words: list[set[str]], types: dict[str, str]) -> list[list[str]]:
    """For each text (its words), the forms of `types` whose words it all has, in order: only
    those can be found in it. Found from the texts that have each word, so that a text is not
    compared with every form."""
    form_words = {form: set(WORD.findall(form)) for form in sorted(types)}
    vocabulary = set().union(*form_words.values())
    having: dict[str, set[int]] = defaultdict(set)
    for index, its in enumerate(words):
        for word in its & vocabulary:
            having[word].add(index)
    tables: list[list[str]] = [[] for _ in words]
    for form, its in form_words.items():
        for index in set.intersection(*sorted((having.get(word, set()) for word in its), key=len)):
            tables[index].append(form)
    return tables
