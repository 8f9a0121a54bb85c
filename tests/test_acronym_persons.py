"""A one-word name in capitals that the model reads as a person is a body's acronym (kbgen.acronym_persons)."""

from __future__ import annotations

import pytest
from conftest import typed
from hypothesis import given, settings
from hypothesis import strategies as st

# Two to five capitals, no Roman numeral: 'FIDE', 'LR', 'OL'.
ACRONYM = st.text("ABEFGHJKNOPQRSTUWYZ", min_size=2, max_size=5)


@settings(max_examples=40, deadline=None)
@given(ACRONYM)
def test_a_one_word_name_in_capitals_read_as_a_person_is_an_organisation(acronym):
    text = f"Il est maître {acronym} depuis mai. Hier, {acronym} a publié son classement."
    assert typed(text, (acronym, "PER"), (acronym, "PER")) == {acronym: "ORG"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a person's surname alone in a heading, named in full elsewhere
        ("MACRON EN VISITE\nEmmanuel Macron a parlé.", [("MACRON", "PER"), ("Emmanuel Macron", "PER")]),
        # a title says it is a person
        ("M. ZBERG est arrivé hier.", [("ZBERG", "PER")]),
        # a Roman numeral is no acronym
        ("Il a salué III hier.", [("III", "PER")]),
        # a word of the language in capitals, written in lower case elsewhere
        ("VENU DE LOIN\nIl est venu de loin.", [("VENU", "PER")]),
        # a name with lowercase letters is no acronym
        ("Il a salué Zberg hier.", [("Zberg", "PER")]),
    ],
)
def test_a_person_s_name_a_numeral_or_a_word_in_capitals_stays_a_person(text, names):
    found = typed(text, *names)
    assert set(found.values()) == {"PER"}


def test_an_acronym_after_a_function_s_title_is_what_the_function_is_of():
    text = "Le sénateur LR Philippe Mouiller a parlé."
    assert typed(text, ("LR", "ORG"), ("Philippe Mouiller", "PER"))["LR"] == "ORG"
