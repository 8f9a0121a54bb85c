"""A club the text names by its town, read by the model as the town, after a verb of a match
(kbgen.match_cues): 'affronter le Paris Saint-Germain', 'a battu Lens'."""

from __future__ import annotations

import pytest
from conftest import typed


@pytest.mark.parametrize(
    "text, name, label",
    [
        ("Les Rennais se sont imposés 2-1 dimanche soir face au Losc grâce à un doublé.", "Losc", "LOC"),
        ("Il se déplacera au Parc des Princes pour affronter le Paris Saint-Germain.", "Paris Saint-Germain", "LOC"),
        ("L'AS Monaco, qui a battu Lens samedi, a défilé.", "Lens", "LOC"),
        ("Les soirs de match contre Benfica, la ville s'habille de bleu.", "Benfica", "LOC"),
        ("Le club recevra le Biarritz Olympique le 25 octobre.", "Biarritz Olympique", "MISC"),
    ],
)
def test_a_place_or_a_work_after_a_verb_of_a_match_is_a_club(text, name, label):
    assert typed(text, (name, label)) == {name: "ORG"}


@pytest.mark.parametrize(
    "text, name, label",
    [
        # a place faced, stood before, or sanctioned
        ("La villa est face à la Manche.", "Manche", "LOC"),
        ("Les Vingt-Sept ont pris des sanctions contre la Russie.", "Russie", "LOC"),
        ("Les fidèles se sont rassemblés devant Notre-Dame.", "Notre-Dame", "LOC"),
        # an award received, no opponent
        ("Elle a reçu le César du meilleur espoir féminin.", "César du meilleur espoir féminin", "MISC"),
        # a person met: the model's person stays
        ("Bellamy affrontera Jordan Bardella en juin.", "Jordan Bardella", "PER"),
        # no verb of a match, though its letters begin so
        ("La salle est pleine au Bataclan Paris ce soir.", "Bataclan Paris", "LOC"),
    ],
)
def test_no_verb_of_a_match_or_a_person_keeps_the_model_s_type(text, name, label):
    assert typed(text, (name, label)) == {name: label}
