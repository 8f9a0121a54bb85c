"""A full name and the short name the text defines for it in brackets right after it are one
body's: when one is typed an organisation, so is the other (kbgen.acronym_types)."""

from __future__ import annotations

import pytest
from conftest import typed
from hypothesis import given, settings
from hypothesis import strategies as st

CEDEAO = (
    "Les trois ont quitté la Communauté économique des États de l’Afrique de l’Ouest (Cédéao) en janvier. "
    "Le président tente de jouer les médiateurs entre la Cédéao et l’AES."
)


@pytest.mark.parametrize(
    "text, names, retyped",
    [
        # a short name in title case, accents aside, read as a place on its other mention
        (
            CEDEAO,
            [("Communauté économique des États de l’Afrique de l’Ouest", "ORG"), ("Cédéao", "LOC"), ("Cédéao", "LOC")],
            "Cédéao",
        ),
        # read as a person, after a full name in English
        (
            "Le European Research Council (Erc) finance le projet. Erc a publié ses données.",
            [("European Research Council", "ORG"), ("Erc", "PER"), ("Erc", "PER")],
            "Erc",
        ),
        # the full name read as a place, its short name an organisation
        (
            "Selon Santé publique France (SpF), l'épidémie progresse. SpF place la région en alerte.",
            [("Santé publique France", "LOC"), ("SpF", "ORG"), ("SpF", "ORG")],
            "Santé publique France",
        ),
    ],
)
def test_a_name_and_the_short_name_it_defines_are_one_organisation(text, names, retyped):
    assert typed(text, *names)[retyped] == "ORG"


@pytest.mark.parametrize(
    "text, names",
    [
        # a person and the party in brackets: no initials of the name
        ("Le député Jean Dupont (Lr) a voté.", [("Jean Dupont", "PER"), ("Lr", "ORG")]),
        # a region and its short name: no organisation among them
        (
            "Le conseil a voté en Provence-Alpes-Côte d'Azur (Paca) un budget.",
            [("Provence-Alpes-Côte d'Azur", "LOC"), ("Paca", "LOC")],
        ),
        # a place and a code it does not spell
        (
            "L'avion a décollé de Saint-Jean de Terre-Neuve (YYT) hier.",
            [("Saint-Jean de Terre-Neuve", "LOC"), ("YYT", "ORG")],
        ),
        # a bracket that goes on after the short name: no definition
        (
            "La Société des amis du musée (Sam et ses amis) a voté.",
            [("Société des amis du musée", "ORG"), ("Sam", "PER")],
        ),
    ],
)
def test_a_bracket_that_defines_no_short_name_changes_no_type(text, names):
    found = typed(text, *names)
    assert {name: found[name] for name, _ in names} == dict(names)


WORD = st.text("bcdfglmnprstv", min_size=3, max_size=8)


@settings(max_examples=30, deadline=None)
@given(st.lists(WORD, min_size=2, max_size=4), st.sampled_from(("LOC", "PER", "MISC")))
def test_a_short_name_spelt_by_an_organisation_s_name_is_an_organisation(words, label):
    full = "Xagence " + " ".join(words)
    short = "X" + "".join(w[0] for w in words)
    text = f"Selon la {full} ({short}), tout va bien. La {short} le confirme."
    assert typed(text, (full, "ORG"), (short, label), (short, label))[short] == "ORG"
