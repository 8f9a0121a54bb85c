"""The mentions written in a list beside a place of several words, for kbgen.place_surnames:
'Avize, Cramant, Oger et Le Mesnil-sur-Oger', 'vers Calvi et L'Île-Rousse', 'entre Vieux-Moulin
et Pierrefonds'. The model often reads a bare surname as a place (a team sheet: 'Lala,
Chardonnet, Coulibaly'; fashion houses: 'Alix, Chanel, Lanvin'), so a neighbour of one word it
reads as a place says little; a name of several words it reads as a place ('Le Mesnil-sur-Oger')
is nobody's bare surname, and a list mostly joins names of one kind."""

from __future__ import annotations

from collections import defaultdict

from kbgen.extract import Mention
from kbgen.lang import Rules

Groups = dict[str, list[Mention]]


def places_of_several_words(groups: Groups, types: dict[str, str], surnames: set[str]) -> dict[str, list[Mention]]:
    """Article -> the mentions of places of several words in it: their group typed a place
    (`types`: the type of each key of several words) and no person's surname (`surnames`: 'le pen')."""
    places: dict[str, list[Mention]] = defaultdict(list)
    for key, mentions in groups.items():
        if types.get(key) == "LOC" and key not in surnames:
            for mention in mentions:
                places[mention.article].append(mention)
    return places


def beside_place(mention: Mention, places: dict[str, list[Mention]], texts: dict[str, str], rules: Rules) -> bool:
    """Whether only a comma or a coordination ('et', ', et') stands between the mention and one
    of `places` (places_of_several_words)."""
    text = texts.get(mention.article, "")
    return any(_between(text, mention, place, rules) for place in places.get(mention.article, ()))


def _between(text: str, one: Mention, other: Mention, rules: Rules) -> bool:
    if one.end <= other.start:
        between = text[one.end : other.start]
    elif other.end <= one.start:
        between = text[other.end : one.start]
    else:
        return False
    return between.strip() == "," or rules.coordination.fullmatch(between.removeprefix(",")) is not None
