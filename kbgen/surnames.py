"""Bare surnames: 'Rutte' is 'Mark Rutte' when he is the one Rutte of the corpus, or the one the
article names; of several the article names, its subject: the one it names more often than the
others, the relatives and namesakes it sets beside them being named less ('Gérard Bonnefoy ...
Son fils, Julien Bonnefoy ... M. Gérard Bonnefoy ... M. Bonnefoy'); when two are named as often,
the one named first, where the mention reads as a person (kbgen.surnames._subject_of). A surname several
people of the corpus bear is never given to one of them on a guess: its mentions in no such
article are a homonym, whose page lists them ('Vidal peut désigner…'). A name whose own mentions elsewhere say it is no person ('France', beside 'Cécile
de France') is never attached to one, nor one its mentions read as a place ('née à Hayange' beside 'Vincent
Hayange': kbgen.place_surnames); a surname glued to the next capitalised word ('Vidal
Conseil') is part of another name, not the person. A surname after a plural determiner or a number in an
article naming several of its people ('Deux Chabrol', 'les frères Martin') is the family: no
person's mention, nor a homonym's."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

from kbgen.coordinated_places import places_of_several_words
from kbgen.extract import Mention
from kbgen.houses import set_apart
from kbgen.lang import Rules, line_before
from kbgen.names import inside_longer_name
from kbgen.place_surnames import fronted_places_relabelled, read_as_place

Groups = dict[str, list[Mention]]
_NOUN_BEFORE = re.compile(r"(?<![\w'-])[a-zà-ÿœæ]+\s+$")  # a word in lower case at the end of the text before a name
HOUSE = "\x00house"  # the key of a house named like several persons, apart from their homonym
PARTICLE_LETTERS = 3  # a surname of two words starts with a short one: 'Le Pen', not 'Laurent Girard'


def attach_surnames(
    groups: Groups,
    texts: dict[str, str],
    type_of: Callable[[list[Mention]], str],
    rules: Rules,
    cue_of: Callable[[Mention], str | None] = lambda m: None,
) -> dict[str, tuple[str, ...]]:
    """Move each bare surname's mentions to its person in `groups`; return the homonyms: the
    key of each surname left to several people -> their keys. `type_of` decides a group's type;
    `rules` are the language's (its titles before a name, 'Mme Vidal', and its places' words);
    `cue_of`, the type a mention's words give it, by which a house named after the person is
    told from him (kbgen.houses)."""
    cues = rules.person_cues
    # The types of the names of several words, decided once: the persons' and the places' below.
    types = {key: type_of(mentions) for key, mentions in groups.items() if len(key.split()) > 1}
    people = _people_by_surname(types)
    places = places_of_several_words(groups, types, set(people))  # 'Oger et Le Mesnil-sur-Oger'
    homonyms = {}
    for key in sorted(k for k in groups if k in people):
        candidates = sorted(c for c in people[key] if c in groups)  # a person may have joined another
        if not candidates:
            continue
        in_article = {c: {m.article for m in groups[c]} for c in candidates}
        subject = _subjects(groups, candidates)
        glued = [inside_longer_name(texts.get(m.article, ""), m.start, m.end, cues) for m in groups[key]]
        mentions = [m for m, part in zip(groups[key], glued, strict=True) if not part]
        # 'Chez Dior,' beside 'Christian Dior': the house, no mention of the person
        mentions, houses = set_apart(groups, key, mentions, cue_of, texts, rules, len(candidates) == 1)
        elsewhere = [m for m in mentions if not any(m.article in in_article[c] for c in candidates)]
        if not mentions:  # only ever inside longer names ('Verdier Distribution'): left as it is
            continue
        if elsewhere and type_of(elsewhere) != "PER":
            # A place or an organisation of its own elsewhere: that name stays, but an article that
            # names one of its people still says who its mentions read as a person are.
            groups[key] = _read_as_people(groups[key], mentions, groups, subject, texts, rules)
            continue
        if read_as_place(mentions, candidates, texts, rules, places):  # 'née à Hayange' beside 'Vincent Hayange'
            groups[key] = fronted_places_relabelled(groups[key], texts, rules)
            continue
        del groups[key]  # its glued mentions with it: parts of other names
        left = []
        for mention in mentions:
            if _several(mention, in_article, texts, rules):  # 'les frères Martin': the family, nobody's mention
                continue
            owner = candidates[0] if len(candidates) == 1 else _subject_of(mention, subject, texts, rules)
            if owner:
                groups[owner].append(mention)
            else:
                left.append(replace(mention, label="PER"))
        if len(candidates) > 1:  # its page says who the name may be, bare mentions or not
            groups[key] = left
            homonyms[key] = tuple(candidates)
        if houses:  # an entity of its own, apart from the homonym's page
            groups[key if len(candidates) == 1 else f"{key}{HOUSE}"] = houses
    return homonyms


def _people_by_surname(types: dict[str, str]) -> dict[str, list[str]]:
    """Each surname -> the keys of the persons' names (of `types`) that end with it."""
    people: dict[str, list[str]] = defaultdict(list)
    for key, kind in types.items():
        words = key.split()
        if kind == "PER":
            people[words[-1]].append(key)
            if len(words) > 2 and len(words[-2]) <= PARTICLE_LETTERS:  # 'Le Pen', 'Da Costa', 'Van Damme'
                people[" ".join(words[-2:])].append(key)
    return people


def _read_as_people(
    own: list[Mention],
    mentions: list[Mention],
    groups: Groups,
    subject: dict[str, tuple[str, bool]],
    texts: dict[str, str],
    rules: Rules,
) -> list[Mention]:
    """Of a name's `mentions`, those a title says are a person's ('Mme Dupuis') go to the person
    their article names (`subject`: each article's, of the name's people); the name keeps the
    others (`own`: all its mentions). 'France' in 'en France' stays the place beside 'Cécile de
    France', and so does a 'Bergerac' only the model reads as a person beside 'Jérôme Bergerac'
    ('Pour moi, Bergerac n'est pas seulement une ville'); 'Mme Dupuis' is the one Dupuis her
    article names, though 'Dupuis' is an organisation somewhere else."""
    moved = set()
    for mention in mentions:
        owner = _subject_of(mention, subject, texts, rules) if mention.title else None
        if owner:
            groups[owner].append(mention)
            moved.add(id(mention))
    return [m for m in own if id(m) not in moved]


def _several(mention: Mention, in_article: dict[str, set[str]], texts: dict[str, str], rules: Rules) -> bool:
    """Whether the bare surname names several people of its article at once: written after a
    plural determiner or a number ('Deux Chabrol', 'les frères Martin') where the article names
    two people of that name or more (`in_article`: each person's articles)."""
    named = sum(mention.article in articles for articles in in_article.values())
    if rules.several_before is None or named < 2:
        return False
    return rules.several_before.search(line_before(texts.get(mention.article, ""), mention.start, 40)) is not None


def _subject_of(
    mention: Mention, subjects: dict[str, tuple[str, bool]], texts: dict[str, str], rules: Rules
) -> str | None:
    """The person a bare surname names in its article, of several who bear it: the article's
    subject, when named more often; when named first only, where the mention reads as a person
    (the model's label, or a title: 'Mme Morvan'), as the subject's type then follows it, and
    not after an article and a noun ('la famille Bich', 'au palais Garnier': what the noun says)."""
    found = subjects.get(mention.article)
    if found is None:
        return None
    person, more_often = found
    if more_often or mention.title:
        return person
    line = line_before(texts.get(mention.article, ""), mention.start, 40)
    noun = _NOUN_BEFORE.search(line)
    definite = rules.definite_before
    after_noun = noun is not None and definite is not None and definite.search(line, 0, noun.start()) is not None
    return person if mention.label == "PER" and not after_noun else None


def _subjects(groups: Groups, candidates: list[str]) -> dict[str, tuple[str, bool]]:
    """Each article's subject among the `candidates` (keys in `groups`) it names, and whether it
    names it more often than any other: the only one it names, else the one it names most; of
    those named as often, the one it names first (its lead names its subject, relatives and
    namesakes come after it: 'Jeanne Morvan est morte ... Son fils, Pierre Morvan ... Mme Morvan
    laisse trois enfants')."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    first: dict[tuple[str, str], int] = {}
    for candidate in candidates:
        for m in groups[candidate]:
            counts[m.article, candidate] += 1
            first[m.article, candidate] = min(m.start, first.get((m.article, candidate), m.start))
    ranked: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for (article, candidate), count in counts.items():
        ranked[article].append((count, -first[article, candidate], candidate))
    subjects = {}
    for article, named in ranked.items():
        named.sort(reverse=True)
        subjects[article] = (named[0][2], len(named) == 1 or named[0][0] > named[1][0])
    return subjects
