"""Whether a bare name its mentions read as a place is no person's surname, for kbgen.surnames:
'née à Hayange' beside 'Vincent Hayange', 'le miracle du Chatrier' beside the court
'Philippe-Chatrier', 'Bouillon et son château' beside 'Godefroy de Bouillon'.

A mention reads as a place where the model labels it a place and: the words before it are a
place's preposition or an article (a person's surname takes neither: 'à Hayange', 'le Fenua',
'du Chatrier'), or a common noun and 'de' after a definite article ('le village de Ventron';
not where the person's own name has that particle: 'la famille de Mont' beside 'Joseph Laurent
de Mont'), or it is listed beside a place of several words ('Oger et Le Mesnil-sur-Oger':
kbgen.coordinated_places), or it opens its sentence set apart by a comma and taken up by a
demonstrative pronoun ('« Rochefort, c'est la ville d'en face'); or it opens a dateline ('La
Rochelle - Le port ...'); or the sentence opens with it as its place, whatever the model's label
('À Mauriac, on m'appelle...': the place only, the bare name then labelled so); or the person's name
writes it after the preposition of origin ('X de Bouillon') and the mention goes without it (a
particle kept, 'les de Mont', is the surname's own). One reads as a person's where the model
labels it a person with no such words before it. All the bare name's mentions weigh: 'à' also
comes before a person ('a répondu à Macron'), so one such mention among many read as a
person's leaves the name to the person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from kbgen.coordinated_places import beside_place
from kbgen.extract import Mention
from kbgen.lang import Rules, line_before, plain_forms
from kbgen.names import fold

# After a dateline's place: a dash set apart by spaces, perhaps after an agency's or a region's
# bracket ('Rennes (AFP) - '); a bracket alone is also a result's country ('Olano (Esp)').
DATELINE_AFTER = re.compile(r"(?:[ \t]+\([^()\n]{1,20}\))?[ \t]+[-–—][ \t]")
# A word, then a preposition written as a word or elided, at the end of the text before a name
NOUN_OF = re.compile(r"(?<![\w'-])(?P<noun>[^\W\d_][\w-]*)\s+(?:(?P<of>\w+)\s+|(?P<elided>\w)'\s*)$")
LOOK_BEHIND = 30  # characters before a mention that hold its preposition and article


def read_as_place(
    mentions: Iterable[Mention],
    people: list[str],
    texts: dict[str, str],
    rules: Rules,
    places: dict[str, list[Mention]] | None = None,
) -> bool:
    """Whether more of the bare name's `mentions` read as a place than as a person's surname;
    `people` are the keys (folded names) of the persons the name may be the surname of; `places`
    the places of several words of each article (kbgen.coordinated_places)."""
    place = person = 0
    after_origin = _origin_tails(people, rules)
    for mention in mentions:
        before = line_before(texts.get(mention.article, ""), mention.start, LOOK_BEHIND)
        origin = fold(mention.text) in after_origin
        placed = _place_word(before, rules) or _origin_dropped(before, origin, rules)
        placed = (
            placed
            or (not origin and _noun_of_before(before, rules))
            or beside_place(mention, places or {}, texts, rules)
        )
        if mention.label == "LOC" and (
            placed or _opens_dateline(mention, before, texts) or _taken_up_as_thing(mention, before, texts, rules)
        ):
            place += 1
        elif _fronted_place(mention, before, texts, rules):  # whatever its label: 'À Mauriac, on...'
            place += 1
        elif mention.label == "PER" and not _place_word(before, rules):
            person += 1
    return place > person


def _opens_dateline(mention: Mention, before: str, texts: dict[str, str]) -> bool:
    """Whether the mention opens its line before a dateline's spaced dash: 'La Rochelle - Le port
    de La Rochelle a signé', 'Rennes (AFP) - ...'."""
    after = texts.get(mention.article, "")[mention.end : mention.end + 30]
    return not before.strip() and bool(DATELINE_AFTER.match(after))


def fronted_places_relabelled(mentions: list[Mention], texts: dict[str, str], rules: Rules) -> list[Mention]:
    """The mentions, those a sentence opens with as its place ('À Mauriac, on...') labelled a
    place: the model's person label there is the article's person's name read into it."""
    relabelled = []
    for mention in mentions:
        before = line_before(texts.get(mention.article, ""), mention.start, LOOK_BEHIND)
        fronted = mention.label != "LOC" and _fronted_place(mention, before, texts, rules)
        relabelled.append(replace(mention, label="LOC") if fronted else mention)
    return relabelled


def _opens_sentence(before: str) -> bool:
    """Whether the text before a name (plain forms) ends a sentence or opens a quotation."""
    return not before.strip() or before.rstrip()[-1] in '.!?…"“'


def _fronted_place(mention: Mention, before: str, texts: dict[str, str], rules: Rules) -> bool:
    """Whether the mention is the place its sentence opens with: the preposition of a place
    opening the sentence, the name, a comma ('À Mauriac, on m'appelle déjà le pilote'; 'À Lyon,
    les loyers'). News opens sentences so with places; a person after a fronted 'À' is rare, so
    this holds whatever the model's label (it reads a surname of the article as the person's)."""
    after = texts.get(mention.article, "")[mention.end : mention.end + 1]
    return rules.fronted_place_before is not None and after == "," and bool(rules.fronted_place_before.search(before))


def _taken_up_as_thing(mention: Mention, before: str, texts: dict[str, str], rules: Rules) -> bool:
    """Whether the mention opens its sentence, set apart by a comma and taken up by a
    demonstrative pronoun ('« Rochefort, c'est la ville d'en face'): said of a thing or a place,
    where a person is taken up by a personal pronoun ('Macron, il...'). Counted with the model's
    place label only: 'Macron, c'est fini' is also written."""
    if rules.demonstrative_after is None or not _opens_sentence(before):
        return False
    after = plain_forms(texts.get(mention.article, "")[mention.end : mention.end + 12])
    return rules.demonstrative_after.match(after) is not None


def _place_word(before: str, rules: Rules) -> bool:
    """A place's preposition or an article right before ('à ', 'le ', 'du ', "l'"); not the bare
    preposition of origin, which also says whose a thing is ('entrée de Blas')."""
    if rules.place_article_before is None:
        return False
    found = rules.place_article_before.search(before)
    if not found:
        return False
    word = (found.group("word") or found.group("elided")).lower()
    return word not in rules.origin_prepositions


def _origin_tails(people: list[str], rules: Rules) -> set[str]:
    """What the persons' names write after a preposition of origin, to their end ('bouillon' of
    'godefroy de bouillon'): the folded names a mention may be written after it. Read once per
    bare name, not once per mention (a common surname has hundreds of persons and mentions)."""
    tails = set()
    for person in people:
        spaced = f" {person}"
        for word in rules.origin_prepositions:
            at = spaced.find(f" {word} ")
            while at >= 0:
                tails.add(spaced[at + len(word) + 2 :])
                at = spaced.find(f" {word} ", at + 1)
    return tails


def _origin_dropped(before: str, after_origin: bool, rules: Rules) -> bool:
    """Whether the person's name writes the mention after the preposition of origin and the
    mention does not ('Bouillon et son château'): the place he is named after."""
    last_word = before.rstrip().rpartition(" ")[2].casefold()
    return after_origin and last_word not in rules.origin_prepositions


def _noun_of_before(before: str, rules: Rules) -> bool:
    """A definite article, a lowercase word (a common noun) and the preposition of origin right
    before: 'le village de Ventron', 'des urgences de Commentry', 'la montée de Rue'. A person's
    surname is also written so ('les fans de Sinner'), so this counts only with the model's place
    label, and not where the person's own name has the preposition ('la famille de Mont' beside
    'Joseph Laurent de Mont': his particle)."""
    found = NOUN_OF.search(before)
    if rules.definite_before is None or not found or found.group("noun")[0].isupper():
        return False
    origin = (found.group("of") or found.group("elided")).casefold()
    return origin in rules.origin_prepositions and rules.definite_before.search(before[: found.start()]) is not None
