"""A one-word "person" the corpus never names as one is most likely no person. News names a
person in full (a first name and a surname) or with a title at least once, and refers to them
by their surname after that: a one-word name the model reads as a person's, that no longer
name of a person of the corpus contains, that no mention gives a title or a person's cue, and
that no mention lists beside another person ('Pogacar, Vingegaard et Evenepoel'), is a company,
a club, a medium or a place the model did not know ('Engie', 'Keolis', 'Bernardaud'). Which of
the two: a place's cue around a mention ('à Écully') or the model's own labels of its other
mentions, a body when they say nothing."""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from kbgen.entity_types import NO_PERSON, PersonNames
from kbgen.lang import Rules, plain_forms
from kbgen.names import fold
from kbgen.spans import joined

if TYPE_CHECKING:
    from kbgen.entity_types import Contexts
    from kbgen.extract import Mention
    from kbgen.resolve import Entity

PERSON = "PER"
BRACKETS = re.compile(r"\s*\([^()\n]*\)")
COMMA = re.compile(r"\s*,\s*")
OPENING_BRACKET = re.compile(r"\s*\(\s*")
PLACE_REACH = 12  # characters read before a mention for its preposition


def typed_unnamed(
    entities: list[Entity],
    texts: dict[str, str],
    rules: Rules,
    known: Contexts,
    persons: PersonNames,
    owner_typed: set[str],
) -> list[Entity]:
    """The entities, each one-word person the corpus never names as one retyped; `known` holds
    the cues read around each mention, `persons` the words of the corpus's persons' longer names,
    `owner_typed` the slugs whose type the owner's curation set, left alone."""
    listed = _listed_with_persons(entities, texts, rules) | _glossed_by_persons(entities, texts)
    unnamed = [
        e
        for e in entities
        if e.type == PERSON and e.slug not in owner_typed and _never_named(e, known, persons, listed)
    ]
    in_style = _naming_in_full(entities, unnamed)
    alone = {e.slug for e in unnamed if all(a in in_style for a in e.articles)}
    return [replace(e, type=_other_type(e, texts, rules)) if e.slug in alone else e for e in entities]


def _naming_in_full(entities: list[Entity], unnamed: list[Entity]) -> set[str]:
    """The articles written in news style: they name more of their persons in full than by one
    word (the exception counted), and have one such exception at most. A text that names its
    persons by one word alone (a chronicle of old with its 'M. Mercier', a line-up, a results
    list) is written so: there, one more is no exception."""
    exceptions = Counter(a for e in unnamed for a in e.articles)
    in_full: Counter[str] = Counter()
    by_one_word: Counter[str] = Counter()
    for e in entities:
        if e.type == PERSON:
            (in_full if " " in e.name else by_one_word).update(e.articles)
    return {a for a, n in exceptions.items() if n == 1 and in_full[a] > by_one_word[a]}


def _never_named(entity: Entity, known: Contexts, persons: PersonNames, listed: set[Mention]) -> bool:
    """Whether nothing in the corpus names the entity as a person: one word in all its forms,
    none a word of a person's longer name, no title, no person's cue, no list of persons."""
    if any(" " in m.text or fold(m.text) in persons.words for m in entity.mentions):
        return False
    return not any(m.title or m in listed or known.read.get(m, (None, False))[0] == PERSON for m in entity.mentions)


def _other_type(entity: Entity, texts: dict[str, str], rules: Rules) -> str:
    """A place where a place's preposition before its mentions ('en Carélie') or the model's
    place labels outnumber its other labels than a person's, else a body."""
    votes: Counter[str] = Counter()
    for m in entity.mentions:
        before = plain_forms(texts.get(m.article, "")[max(0, m.start - PLACE_REACH) : m.start])
        if m.label == "LOC" or (rules.place_of is not None and rules.place_of.search(before)):
            votes["LOC"] += 1
        elif m.label != PERSON:
            votes[NO_PERSON] += 1
    return "LOC" if votes["LOC"] > votes[NO_PERSON] else NO_PERSON


def _by_article(entities: list[Entity]) -> dict[str, list[Mention]]:
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in (m for e in entities for m in e.mentions):
        by_article[m.article].append(m)
    return by_article


def _glossed_by_persons(entities: list[Entity], texts: dict[str, str]) -> set[Mention]:
    """The mentions right before a bracket that opens on a person named in full: a role and its
    actor, a pen name and the writer's own ('Ce frère, Ghjuvan (Antoine Casanova)')."""
    in_full = {m for e in entities if e.type == PERSON and " " in e.name for m in e.mentions}
    glossed = set()
    for slug, mentions in _by_article(entities).items():
        text = texts.get(slug, "")
        for first, second in itertools.pairwise(sorted(mentions, key=lambda m: m.start)):
            if second in in_full and OPENING_BRACKET.fullmatch(text[first.end : second.start]):
                glossed.add(first)
    return glossed


def _listed_with_persons(entities: list[Entity], texts: dict[str, str], rules: Rules) -> set[Mention]:
    """The mentions the model reads as a person's in a list of names with another such: a
    line-up, a list of candidates ('E. Bossi (Lugano), Va salli (Lugano), Borelli'). What the list
    says of each item in brackets is no break in it."""
    listed: set[Mention] = set()
    for slug, mentions in _by_article(entities).items():
        text = texts.get(slug, "")
        items = sorted((m for m in mentions if text[max(0, m.start - 1) : m.start] != "("), key=lambda m: m.start)
        run: list[Mention] = items[:1]
        for first, second in itertools.pairwise(items):
            if not (first.end <= second.start and _is_joint(text[first.end : second.start], rules)):
                _add_persons(run, listed)
                run = []
            run.append(second)
        _add_persons(run, listed)
    return listed


def _is_joint(between: str, rules: Rules) -> bool:
    """Whether the text between two names makes them items of one list: a comma or a
    coordinating word, less what a bracket says of the first."""
    between = BRACKETS.sub("", between)
    return COMMA.fullmatch(between) is not None or joined(between, rules)


def _add_persons(run: list[Mention], listed: set[Mention]) -> None:
    persons = [m for m in run if m.label == PERSON]
    if len(persons) > 1:
        listed.update(persons)
