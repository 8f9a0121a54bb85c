"""A platform or a business the model reads as a place, a person or a work, by the words before it
(kbgen.business_cues): 'sur Instagram.', 'chez Verkor'."""

from __future__ import annotations

import pytest
from conftest import typed
from hypothesis import given, settings
from hypothesis import strategies as st

WORD = st.text("bcdfghjklmnprstvz", min_size=2, max_size=6).map(str.capitalize)


@settings(max_examples=30, deadline=None)
@given(
    WORD,
    st.sampled_from(("Les photos sont en ligne sur ", "Suivez-nous sur ", "Elle l'a annoncé en mars, sur ")),
    st.sampled_from((".", ", comme chaque année.", " et sur LinkedIn.", "\n")),
)
def test_a_one_word_place_ending_its_clause_after_sur_is_a_platform(name, before, after):
    """'en ligne sur Instagram.', 'sur Snapchat et sur TikTok': the model reads the platform as a place."""
    assert typed(f"{before}{name}{after}", (name, "LOC")) == {name: "ORG"}


@pytest.mark.parametrize(
    "text, names",
    [
        # a list of places: the preposition is not said again
        ("Les grêlons sont tombés sur Colmar et Turckheim.", [("Colmar", "LOC"), ("Turckheim", "LOC")]),
        # the same place named again: its place label outweighs the cue
        ("Les grêlons sont tombés sur Colmar. À Colmar, les toits ont souffert.", [("Colmar", "LOC")] * 2),
        # a compound of capitalised parts, a place's shape
        ("On les dirige actuellement sur Hong-Kong.", [("Hong-Kong", "LOC")]),
        # the clause goes on: where something was made, said or shot
        ("Le modèle, financé sur Kickstarter en 2023, a été vendu.", [("Kickstarter", "LOC")]),
        # not 'sur'
        ("Les photos sont en ligne à Colmar.", [("Colmar", "LOC")]),
    ],
)
def test_a_place_after_sur_in_a_list_named_again_or_going_on_stays_a_place(text, names):
    assert typed(text, *names) == {names[0][0]: "LOC", **{name: "LOC" for name, _ in names}}
