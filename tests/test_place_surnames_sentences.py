"""A bare name its sentence reads as a place: the place a sentence opens with ('À Mauriac, on
m'appelle...'), or a name set apart at a sentence's opening and taken up by a demonstrative
pronoun ('Rochefort, c'est la ville d'en face'); kbgen.place_surnames."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.test_place_surnames import assert_place_kept_apart, assert_surname_of, entities


@pytest.mark.parametrize(
    ("text", "names", "place"),
    [
        # a quotation opening with 'À', the name, a comma: the town, whatever the model's label
        (
            "Le commandant Sébastien Mauriac pilote. « À Mauriac, on m'appelle déjà le pilote du village. »",
            (("Sébastien Mauriac", "PER"), ("Mauriac", "PER")),
            "Mauriac",
        ),
        # a sentence opening so, unaccented as capitals often are
        (
            "Marie Dax dirige le club depuis 2019. A Dax, les arènes seront pleines samedi.",
            (("Marie Dax", "PER"), ("Dax", "PER")),
            "Dax",
        ),
        # set apart and taken up by 'c'': a place the model reads as one
        (
            "Yves Rochefort, charpentier, explique : « Rochefort, c'est la ville d'en face. »",
            (("Yves Rochefort", "PER"), ("Rochefort", "LOC")),
            "Rochefort",
        ),
        (
            "Le maire, Paul Verdun, se souvient. Verdun, ça reste la ville de la bataille.",
            (("Paul Verdun", "PER"), ("Verdun", "LOC")),
            "Verdun",
        ),
    ],
)
def test_a_name_its_sentence_reads_as_a_place_stays_apart_from_the_person(text, names, place):
    assert_place_kept_apart(text, names, place)


@pytest.mark.parametrize(
    ("text", "names", "person"),
    [
        # set apart and taken up by 'c'', but read as a person by the model: the person
        (
            "Emmanuel Macron a parlé. Macron, c'est le président qui décide.",
            (("Emmanuel Macron", "PER"), ("Macron", "PER")),
            "Emmanuel Macron",
        ),
        # taken up by a personal pronoun: the person, whatever the label
        (
            "Emmanuel Macron a parlé. « Macron, il ne lâche rien », dit un proche.",
            (("Emmanuel Macron", "PER"), ("Macron", "LOC")),
            "Emmanuel Macron",
        ),
        # 'à' inside a sentence: someone written to, not the place the sentence opens with
        (
            "Jean Dupont a écrit, et la mairie a répondu à Dupont, deux jours plus tard.",
            (("Jean Dupont", "PER"), ("Dupont", "PER")),
            "Jean Dupont",
        ),
        # 'À' opening a sentence, no comma: whose turn it is
        (
            "Marc Lenoir a écouté. À Lenoir de décider maintenant.",
            (("Marc Lenoir", "PER"), ("Lenoir", "PER")),
            "Marc Lenoir",
        ),
        # a demonstrative after a name inside a sentence: not set apart
        (
            "Anne Soulier a cité Soulier, c'est-à-dire elle-même.",
            (("Anne Soulier", "PER"), ("Soulier", "LOC")),
            "Anne Soulier",
        ),
    ],
)
def test_a_surname_its_sentence_reads_as_a_person_goes_to_its_person(text, names, person):
    assert_surname_of(text, names, person)


SURNAMES = st.from_regex(r"[A-Z][a-z]{3,9}", fullmatch=True)


@given(SURNAMES, st.sampled_from(["PER", "LOC"]), st.sampled_from(["« À {}, on", "Mardi. À {}, les", "A {}, le"]))
def test_a_fronted_place_is_never_the_persons_whatever_the_name_and_label(surname, label, frame):
    opening = frame.format(surname)
    text = f"Pierre {surname} parle. {opening} reste calme."
    found = entities(text, (f"Pierre {surname}", "PER"), (surname, label))
    assert found[f"Pierre {surname}"] == ("PER", ())
    assert found[surname][0] == "LOC"


@given(SURNAMES, st.sampled_from(["a répondu à {}, puis", "{} a dit", "selon {}, le"]))
def test_a_surname_after_no_fronted_place_goes_to_its_person(surname, frame):
    said = frame.format(surname)
    text = f"Pierre {surname} parle. On sait qu'il {said} tout."
    found = entities(text, (f"Pierre {surname}", "PER"), (surname, "PER"))
    assert found[f"Pierre {surname}"] == ("PER", (surname,))
