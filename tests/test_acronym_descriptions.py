"""A short name in brackets after a description in sentence case that spells it is a body's
(kbgen.acronym_descriptions), whatever head noun the description starts with."""

from __future__ import annotations

import pytest
from conftest import typed


@pytest.mark.parametrize(
    "text, short",
    [
        # a head noun no list holds, a capitalised word inside the description
        ("Les victimes sont parties civiles, tout comme la Caisse nationale de l'Assurance maladie (Cnam).", "Cnam"),
        # the description opens the sentence's clause after 'Selon'
        ("Selon Domaines skiables de France (DSF), les stations ont perdu des skieurs.", "DSF"),
        # a description that lists, with commas
        (
            "Selon l'Institut national de recherche pour l'agriculture, l'alimentation et l'environnement "
            "(Inrae), le frelon progresse.",
            "Inrae",
        ),
    ],
)
@pytest.mark.parametrize("label", ["PER", "LOC", "MISC"])
def test_a_short_name_spelt_by_a_description_in_sentence_case_is_an_organisation(text, short, label):
    assert typed(text, (short, label)) == {short: "ORG"}


def test_the_full_name_and_its_short_name_become_one_organisation():
    text = "Quelque 400 ingénieurs étaient réunis au Centre spatial guyanais (CSG) mardi."
    assert typed(text, ("Centre spatial guyanais", "LOC"), ("CSG", "LOC")) == {"Centre spatial guyanais": "ORG"}


@pytest.mark.parametrize(
    "text, name, label",
    [
        # a region's name: capitalised words and hyphens, no description
        ("Le conseil a voté en Provence-Alpes-Côte d'Azur (PACA) un budget.", "PACA", "LOC"),
        # a disease's name in lower case
        ("Les malades de la sclérose latérale amyotrophique (SLA) attendent.", "SLA", "MISC"),
        # a clause before the bracket whose first word happens to give the first letter
        ("Le même jour, le député Les Républicains (Lr) a parlé.", "Lr", "PER"),
        # a short name the words do not spell
        ("Un stage au Centre de formation des apprentis (Dupont) a suivi.", "Dupont", "PER"),
    ],
)
def test_a_bracket_after_no_description_that_spells_it_is_no_evidence(text, name, label):
    assert typed(text, (name, label)) == {name: label}
