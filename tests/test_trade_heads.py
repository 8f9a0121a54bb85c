"""A noun of the suffix of a trade's establishment (French '-erie') is an organisation's head
noun where the type of a name reads one (kbgen.trade_heads, kbgen.entity_types)."""

from __future__ import annotations

import pytest
from conftest import typed


@pytest.mark.parametrize(
    "text, name, label",
    [
        # before the name, written in lower case
        ("Plus modeste, l'imprimerie Barbé-Lecoq fera des démonstrations.", "Barbé-Lecoq", "LOC"),
        ("Il a gagné un couteau fabriqué par la coutellerie Forge de Laguiole.", "Forge de Laguiole", "PER"),
        ("Les spectateurs ont croisé la maroquinerie Longchamp, qui présentait un sac.", "Longchamp", "MISC"),
        # the name's own first word
        ("Le prix du public est allé à la Brasserie Lefranc pour son IPA.", "Brasserie Lefranc", "PER"),
        ("Le stand de la Brasserie des Fils Aymon ne désemplissait pas.", "Brasserie des Fils Aymon", "PER"),
    ],
)
def test_a_name_after_or_begun_by_a_noun_of_a_trade_s_establishment_is_an_organisation(text, name, label):
    assert typed(text, (name, label)) == {name: "ORG"}


@pytest.mark.parametrize(
    "text, name, label",
    [
        # a work's noun with the accent: 'série' is no trade
        ("Elle a tourné la série Tropiques criminels en Guadeloupe.", "Tropiques criminels", "MISC"),
        # a first name of that ending: too short a stem for a trade's noun
        ("L'actrice Valerie Lemercier joue à Paris.", "Valerie Lemercier", "PER"),
        ("La galerie Perrotin reste une adresse.", "Perrotin", "PER"),
        # one word alone: a place or a family may be named so ('Tuileries')
        ("Il se promène aux Tuileries le dimanche.", "Tuileries", "LOC"),
        # the suffix's noun before a person's title keeps the person
        ("La boulangerie du village a reçu M. Dupont hier.", "Dupont", "PER"),
    ],
)
def test_no_trade_s_noun_there_leaves_the_type_as_it_was(text, name, label):
    assert typed(text, (name, label)) == {name: label}
