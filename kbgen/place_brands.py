"""Names the model reads as a place that are a place's name and a brand's word ('Trenitalia France',
'Qatar Racing', 'Niort Tech'), for kbgen.entity_types: a company's branch, a team or a cluster is
named after where it is, and a place's own name is not made of a place and a word that is no
place's nor the language's. The corpus says both: the place is named alone elsewhere, and the other
words are never written in lower case after a determiner (kbgen.common_tails.common_nouns). A
place of several words is made of a place and a common word ('Centre Manche', 'Deux Alpes', 'Haute
Savoie': 'le centre', 'les deux', 'la haute'), of two places ('Seine Saint-Denis', 'Paris
Champs-Élysées'), of an article ('Le Havre') or of a line's letter ('RER B'): none is read so."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from kbgen.extract import Mention
from kbgen.lang import Rules
from kbgen.names import fold


def place_brand_candidates(groups: Mapping[str, list[Mention]], rules: Rules) -> dict[str, list[str]]:
    """The keys of the groups (folded names) that the model reads as a place, written in capitalised
    words of which the first or the last is a place the corpus names alone, with their other words
    (folded), no place's: those whose other words are no common noun of the corpus (common_nouns,
    read once for every caller by entity_types.person_names) are the ones."""
    read = {key: group for key, group in groups.items() if _read_as(group) == "LOC"}
    places = {key for key, group in read.items() if " " not in group[0].text}
    articles = {article.strip() for article in rules.capitalised_articles}
    candidates: dict[str, list[str]] = {}
    for key, group in read.items():
        words = next((m.text.split() for m in group if m.label == "LOC"), [])
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            continue
        folded = [fold(w) for w in words]
        others = [w for w in folded if w not in places]
        if {folded[0], folded[-1]} & places and others and all(_brand_word(w, articles) for w in others):
            candidates[key] = others
    return candidates


def _read_as(group: list[Mention]) -> str:
    """The model's label of most of the group's mentions."""
    return group[0].label if len(group) == 1 else Counter(m.label for m in group).most_common(1)[0][0]


def _brand_word(word: str, articles: set[str]) -> bool:
    """A whole word of letters, no article ('Le Havre') and no letter alone ('RER B')."""
    return len(word) > 1 and word.replace(" ", "").isalpha() and word not in articles
