"""Capitalised common nouns coordinated by 'et' are one name, where the model read one name each."""

from __future__ import annotations

from conftest import spans_of

from kbgen.coordinated_nouns import joined_coordinated_nouns
from kbgen.lang import profile

FRENCH = profile("fr")
NOUNS = {
    "parole",
    "réparation",
    "villes",
    "villages",
    "sports",
    "loisirs",
    "aviron",
    "boulanger",
    "marchand",
    "air",
    "canada",
}


ADJECTIVES = {"juifs", "arabes"}


def lexicon(word: str, part: str) -> bool:
    return word in (NOUNS | ADJECTIVES if part == "noun" else ADJECTIVES if part == "adj" else set())


def _joined(text: str, *pieces: tuple[str, str]) -> list[tuple[int, int, str]]:
    return joined_coordinated_nouns(text, spans_of(text, *pieces), FRENCH, lexicon)


def test_capitalised_common_nouns_coordinated_are_one_name():
    text = "présidente de l'association angevine Parole et Réparation, sans lien avec l'évêque."
    start = text.index("Parole")
    assert _joined(text, ("Parole", "PER"), ("Réparation", "PER")) == [(start, start + 20, "ORG")]
    text = "l'association Villes et Villages de France, qui regroupe 300 communes."
    start = text.index("Villes")
    assert _joined(text, ("Villes", "ORG"), ("Villages de France", "LOC")) == [(start, start + 28, "ORG")]


def test_names_proper_persons_with_a_title_and_sentence_starts_stay_apart():
    for text, pieces in [
        # names, no common nouns
        ("Les maisons Martell et Courvoisier se sont engagées.", [("Martell", "LOC"), ("Courvoisier", "LOC")]),
        # two persons after their title
        ("MM. Boulanger et Marchand ont voté.", [("Boulanger", "PER"), ("Marchand", "PER")]),
        # a comma alone, no closing 'et': two names of a list
        ("Il cite Parole, Réparation, puis se tait.", [("Parole", "ORG"), ("Réparation", "ORG")]),
        # the run opens a sentence, where a capital says nothing
        ("Parole et Réparation ont signé.", [("Parole", "ORG"), ("Réparation", "ORG")]),
        # peoples' words: nouns and adjectives
        ("des négociations de paix entre Juifs et Arabes ?", [("Juifs", "PER"), ("Arabes", "PER")]),
        # two names of several words each: a list, though their words are nouns too
        ("avec Air Canada et Air France depuis Montréal.", [("Air Canada", "ORG"), ("Air France", "ORG")]),
        # a lowercase word between: 'et de la', another joint
        ("le club Aviron et de la Réparation ouvre.", [("Aviron", "ORG"), ("Réparation", "ORG")]),
    ]:
        spans = spans_of(text, *pieces)
        assert joined_coordinated_nouns(text, spans, FRENCH, lexicon) == spans, text
