"""Two-word names of a place's word and a common noun, read by the model as persons (kbgen.common_tails):
'Corse Matin', 'Cholet Basket', 'SNCF Voyageurs'."""

from __future__ import annotations

import pytest
from conftest import typed

from kbgen.common_tails import common_nouns
from kbgen.lang import profile

RULES = profile("fr").rules


@pytest.mark.parametrize(
    "text, names, name",
    [
        (
            "La Collectivité de Corse a financé la tournée. Ce matin, Corse Matin diffusera la première.",
            [("Collectivité de Corse", "ORG"), ("Corse Matin", "PER")],
            "Corse Matin",
        ),
        (
            "Le Mans reste une ville de basket. Le match contre Cholet Basket est reporté. À Cholet, on attend.",
            [("Le Mans", "LOC"), ("Cholet Basket", "PER"), ("Cholet", "LOC")],
            "Cholet Basket",
        ),
        (
            "La SNCF annonce la grève. SNCF Voyageurs a supprimé les TER, au grand dam des voyageurs.",
            [("SNCF", "ORG"), ("SNCF Voyageurs", "PER")],
            "SNCF Voyageurs",
        ),
    ],
)
def test_a_place_s_word_and_a_common_noun_is_no_person(text, names, name):
    assert typed(text, *names)[name] == "ORG"


@pytest.mark.parametrize(
    "text, names, name",
    [
        # a title
        (
            "La Collectivité de Corse a financé. Le matin, Mme Corse Matin chante.",
            [("Collectivité de Corse", "ORG"), ("Corse Matin", "PER")],
            "Corse Matin",
        ),
        # a person's cue: an age
        (
            "Le Tour de Rue passe à Rue. Florian Rue, 31 ans, court dans la rue.",
            [("Rue", "LOC"), ("Florian Rue", "PER")],
            "Florian Rue",
        ),
        # another person ends with the second word: a surname
        (
            "La Commission de Sylvie a statué. Gérard Loup et Sylvie Loup suivent le loup.",
            [("Commission de Sylvie", "ORG"), ("Gérard Loup", "PER"), ("Sylvie Loup", "PER")],
            "Sylvie Loup",
        ),
        # the first word opens another person's name: a first name
        (
            "La Fondation Claire ouvre. Claire Dupuis et Claire Fontaine boivent à la fontaine.",
            [("Fondation Claire", "ORG"), ("Claire Dupuis", "PER"), ("Claire Fontaine", "PER")],
            "Claire Fontaine",
        ),
        # another first name joined by 'et': one family
        (
            "La Fondation Auguste ouvre. Louis et Auguste Lumière montrèrent la lumière.",
            [("Fondation Auguste", "ORG"), ("Auguste Lumière", "PER")],
            "Auguste Lumière",
        ),
        # the first word is a compound's part only: a street named after a person
        (
            "Il habite rue Victor-Hugo. Victor Berger garde ses brebis avec le berger.",
            [("rue Victor-Hugo", "LOC"), ("Victor Berger", "PER")],
            "Victor Berger",
        ),
        # the first word is no word of another name: the shape of a first name
        ("La chanteuse Vanessa Paradis évoque le paradis.", [("Vanessa Paradis", "PER")], "Vanessa Paradis"),
        # the second word is never a common noun of the text
        (
            "La Collectivité de Corse a financé. Corse Sbraggia chante.",
            [("Collectivité de Corse", "ORG"), ("Corse Sbraggia", "PER")],
            "Corse Sbraggia",
        ),
    ],
)
def test_a_person_s_evidence_or_no_place_s_word_keeps_a_person(text, names, name):
    assert typed(text, *names)[name] == "PER"


def test_common_nouns_are_words_written_in_lower_case_after_a_determiner():
    texts = ["Ce matin, il pleut. Une ville de basket.", "L'immobilier baisse ; Matin Sbraggia chante."]
    assert common_nouns({"matin", "basket", "immobilier", "sbraggia", "pleut"}, texts, RULES) == {
        "matin",
        "basket",
        "immobilier",
    }
