"""A name the text describes as a body beside it, which the model reads as a person or a work
(kbgen.apposition_cues): 'Solaris Ouest, une société installée à Aizenay', 'Son entreprise,
Bessin Marée,'."""

from __future__ import annotations

import pytest
from conftest import typed


@pytest.mark.parametrize(
    "text, names",
    [
        # after it, an indefinite article and the head; the name read twice as a person's
        (
            "Les deux hommes dirigeaient Solaris Ouest, une société installée à Aizenay. "
            "Le tribunal a prononcé la liquidation de Solaris Ouest.",
            [("Solaris Ouest", "PER"), ("Solaris Ouest", "PER")],
        ),
        # an adjective between the article and the head
        (
            "Produite par Karukera Films, une jeune société de Baie-Mahault, la série plaît.",
            [("Karukera Films", "PER")],
        ),
        # a work's label
        (
            "La Fruitière des Deux Vallées, une coopérative de Moirans, recrute.",
            [("La Fruitière des Deux Vallées", "MISC")],
        ),
        # before it, a possessive, the head and a comma
        ("Son entreprise, Bessin Marée, expédie vers Rungis.", [("Bessin Marée", "PER")]),
        ("Leur association, Bouscat Demain, réclame une étude.", [("Bouscat Demain", "PER")]),
    ],
)
def test_a_name_described_as_a_body_is_an_organisation(text, names):
    assert typed(text, *names) == {names[0][0]: "ORG"}


@pytest.mark.parametrize(
    "text, names, expected",
    [
        # a definite article after a person: another body, or the next item of a list
        ("Lucien Ravel, le Groupe Ravel et la mairie ont signé.", [("Lucien Ravel", "PER")], {"Lucien Ravel": "PER"}),
        ("Paul Vernier, le groupe familial, a tout vendu.", [("Paul Vernier", "PER")], {"Paul Vernier": "PER"}),
        # a definite article before: the body's officer
        (
            "Le président du conseil départemental, Lionel Chauvin, a voté.",
            [("Lionel Chauvin", "PER")],
            {"Lionel Chauvin": "PER"},
        ),
        # no head noun of a body in the apposition: a person
        ("Hakim, un compositeur de Lyon, joue ce soir.", [("Hakim", "PER")], {"Hakim": "PER"}),
        # a town described as an authority stays a place
        ("Lyon, une métropole de 1,4 million d'habitants, vote.", [("Lyon", "LOC")], {"Lyon": "LOC"}),
        # the head on the next line: a table's next cell, not an apposition
        ("Solaris Ouest\n, une société", [("Solaris Ouest", "PER")], {"Solaris Ouest": "PER"}),
    ],
)
def test_a_person_beside_a_body_or_a_place_described_so_keep_their_type(text, names, expected):
    assert typed(text, *names) == expected
