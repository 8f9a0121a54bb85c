"""Bare surnames: 'Rutte' is 'Mark Rutte' when he is the one Rutte of the corpus, or the one the
article names; of several the article names, its subject: the one it names more often than the
others, the relatives and namesakes it sets beside them being named less ('Gérard Bonnefoy ...
Son fils, Julien Bonnefoy ... M. Gérard Bonnefoy ... M. Bonnefoy'); when two are named as often,
nobody (the name is then a homonym's). A surname several
people of the corpus bear is never given to one of them on a guess: its mentions in no such
article are a homonym, whose page lists them ('Vidal peut désigner…'). A name whose own mentions elsewhere say it is no person ('France', beside 'Cécile
de France') is never attached to one, nor one its mentions read as a place ('née à Hayange' beside 'Vincent
Hayange': kbgen.place_surnames); a surname glued to the next capitalised word ('Vidal
Conseil') is part of another name, not the person."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

from kbgen.coordinated_places import places_of_several_words
from kbgen.extract import Mention
from kbgen.lang import Rules
from kbgen.names import inside_longer_name
from kbgen.place_surnames import read_as_place

Groups = dict[str, list[Mention]]
PARTICLE_LETTERS = 3  # a surname of two words starts with a short one: 'Le Pen', not 'Laurent Girard'


def attach_surnames(
    groups: Groups, texts: dict[str, str], type_of: Callable[[list[Mention]], str], rules: Rules
) -> dict[str, tuple[str, ...]]:
    """Move each bare surname's mentions to its person in `groups`; return the homonyms: the
    key of each surname left to several people -> their keys. `type_of` decides a group's type;
    `rules` are the language's (its titles before a name, 'Mme Vidal', and its places' words)."""
    cues = rules.person_cues
    people: dict[str, list[str]] = defaultdict(list)
    for key, mentions in groups.items():
        words = key.split()
        if len(words) > 1 and type_of(mentions) == "PER":
            people[words[-1]].append(key)
            if len(words) > 2 and len(words[-2]) <= PARTICLE_LETTERS:  # 'Le Pen', 'Da Costa', 'Van Damme'
                people[" ".join(words[-2:])].append(key)
    places = places_of_several_words(groups, type_of, set(people))  # 'Oger et Le Mesnil-sur-Oger'
    homonyms = {}
    for key in sorted(k for k in groups if k in people):
        candidates = sorted(c for c in people[key] if c in groups)  # a person may have joined another
        if not candidates:
            continue
        in_article = {c: {m.article for m in groups[c]} for c in candidates}
        subject = _subjects(groups, candidates)
        glued = [inside_longer_name(texts.get(m.article, ""), m.start, m.end, cues) for m in groups[key]]
        mentions = [m for m, part in zip(groups[key], glued, strict=True) if not part]
        elsewhere = [m for m in mentions if not any(m.article in in_article[c] for c in candidates)]
        # Only ever inside longer names ('Verdier Distribution'), or a place or an organisation
        # of its own: no person's surname, and left as it is.
        if not mentions or (elsewhere and type_of(elsewhere) != "PER"):
            continue
        if read_as_place(mentions, candidates, texts, rules, places):  # 'née à Hayange' beside 'Vincent Hayange'
            continue
        del groups[key]  # its glued mentions with it: parts of other names
        left = []
        for mention in mentions:
            owner = candidates[0] if len(candidates) == 1 else subject.get(mention.article)
            if owner:
                groups[owner].append(mention)
            else:
                left.append(replace(mention, label="PER"))
        if len(candidates) > 1:  # its page says who the name may be, bare mentions or not
            groups[key] = left
            homonyms[key] = tuple(candidates)
    return homonyms


def _subjects(groups: Groups, candidates: list[str]) -> dict[str, str]:
    """Each article's subject among the `candidates` (keys in `groups`) it names: the only one
    it names, else the one it names more often than any other; none when two tie."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for candidate in candidates:
        for m in groups[candidate]:
            counts[m.article, candidate] += 1
    ranked: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for (article, candidate), count in counts.items():
        ranked[article].append((count, candidate))
    subject: dict[str, str] = {}
    for article, named in ranked.items():
        named.sort(reverse=True)
        if len(named) == 1 or named[0][0] > named[1][0]:  # a tie says nothing: no guess
            subject[article] = named[0][1]
    return subject
