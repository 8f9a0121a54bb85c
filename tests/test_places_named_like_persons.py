"""A place named by one word the model reads as a person, after a name's head and a
preposition ('la place de Jaude', "place d'Armes", 'le quartier de Carnot'): the head joins it
and the name is a place, unless the head opens a locution ('à la place de Dupont') or the text
names the word again (a person is named more than once)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kbgen.lang import plain_forms, profile
from kbgen.spans import trim

FRENCH = profile("fr")


def name_of(text: str, word: str, label: str = "PER") -> tuple[str, str] | None:
    """The name kbgen makes of the model's span `word` (read as `label`), its last occurrence."""
    text = plain_forms(text)
    start = text.rindex(word)
    found = trim(text, start, start + len(word), label, FRENCH)
    return (text[found[0] : found[1]], found[2]) if found else None


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("La foule s'est massée sur la place de Jaude samedi.", "Jaude", ("place de Jaude", "LOC")),
        ("lançait-il sur le podium, place d'Armes, devant la cathédrale", "Armes", ("place d'Armes", "LOC")),
        ("Les habitants du quartier de Carnot ont manifesté.", "Carnot", ("quartier de Carnot", "LOC")),
        ("Il habite rue de Verneuil depuis vingt ans.", "Verneuil", ("rue de Verneuil", "LOC")),
    ],
)
def test_a_place_named_like_a_person_takes_its_head(text, word, expected):
    assert name_of(text, word) == expected


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # a locution's head: 'instead of', 'after'
        ("à la place de Dupont hier", "Dupont", ("Dupont", "PER")),
        ("Il est arrivé au quartier de Dupont hier.", "Dupont", ("Dupont", "PER")),
        # a person named again: the surname after the first name
        ("Marie Dupont a dit non. Elle a pris la place de Dupont au conseil.", "Dupont", ("Dupont", "PER")),
        # a person's full name is no place's one word
        ("Il a pris la place de Seko Fofana au milieu.", "Seko Fofana", ("Seko Fofana", "PER")),
        # no head of a name before the preposition
        ("la statue de Carnot a été restaurée", "Carnot", ("Carnot", "PER")),
        # right after the head, as before: 'lycée Chateaubriand'
        ("un élève du lycée Chateaubriand, Malo", "Chateaubriand", ("lycée Chateaubriand", "ORG")),
    ],
)
def test_persons_after_a_head_stay_persons(text, word, expected):
    assert name_of(text, word) == expected


@given(
    head=st.sampled_from(["la place", "le quartier", "la rue", "l'avenue"]),
    word=st.from_regex(r"[A-Z][a-zé]{3,9}", fullmatch=True),
    again=st.booleans(),
)
def test_the_word_written_again_decides(head, word, again):
    """Written once after the head it is the place's name; written again it stays the person's."""
    before = f"{word.upper()[0]}. {word} est venu. " if again else "Ils sont venus. "
    text = f"{before}Ils ont défilé sur {head} de {word} samedi."
    found = name_of(text, word)
    assert found is not None
    if again:
        assert found == (word, "PER")
    else:
        assert found[0].endswith(f"de {word}") and found[1] == "LOC"
