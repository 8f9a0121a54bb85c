"""A common noun capitalised inside a sentence, found alone, is joined to its complement."""

from __future__ import annotations

import pytest
from conftest import spans_of

from kbgen.lang import profile
from kbgen.name_edges import joined_to_their_complement
from kbgen.rereading import lexicon_lists

FRENCH = profile("fr")


@pytest.fixture
def lexicon(french_nlp):
    return lexicon_lists(getattr(french_nlp, "_path", None))


@pytest.mark.parametrize(
    "text, found, joined, label",
    [
        # a name found right after the preposition joins the noun, and is no name alone
        (
            "Il salue les responsables du Secours catholique et des Apprentis d'Auteuil, très implantés.",
            (("Apprentis", "MISC"), ("Auteuil", "LOC")),
            "Apprentis d'Auteuil",
            "MISC",
        ),
        # lowercase words join up to a function word or a verb
        (
            "Il l'a dit lors des Rencontres du capitalisme familial organisées par le club.",
            (("Rencontres", "MISC"),),
            "Rencontres du capitalisme familial",
            "MISC",
        ),
        # a singular common noun read as a place after an article is a body, with its complement
        (
            "Le site, ancien centre de tri, est géré depuis mai par le Centre des monuments nationaux.",
            (("Centre", "LOC"),),
            "Centre des monuments nationaux",
            "ORG",
        ),
    ],
)
def test_a_common_noun_found_alone_joins_its_complement(lexicon, text, found, joined, label):
    spans = spans_of(text, *found)
    start = text.index(joined)
    assert joined_to_their_complement(text, spans, FRENCH, lexicon) == [(start, start + len(joined), label)]


@pytest.mark.parametrize(
    "text, name, label",
    [
        # a place the model knows, though the lexicon lists 'paris' (of 'pari')
        ("La marche sur Paris des sidérurgistes de Longwy.", "Paris", "LOC"),
        # a sentence's first word, whose capital says nothing
        ("Apprentis de la ville et élèves défilent.", "Apprentis", "ORG"),
        # a name that is no common noun, a person, an institution's head
        ("Il travaille chez Airbus de Toulouse depuis dix ans.", "Airbus", "ORG"),
        ("Il a vu Dupont des années plus tard.", "Dupont", "PER"),
        ("Il a saisi le Conseil des prud'hommes hier.", "Conseil", "ORG"),
    ],
)
def test_a_place_a_sentences_first_word_a_proper_name_a_person_or_a_head_stays(lexicon, text, name, label):
    spans = spans_of(text, (name, label))
    assert joined_to_their_complement(text, spans, FRENCH, lexicon) == spans


@pytest.mark.parametrize(
    "text, name",
    [
        # 'paris' is the plural of 'pari' in the lexicon: a town named like a plural noun
        ("Il a vécu à Lyon puis dans le Paris des années folles.", "Paris"),
        # no article before it: a town, whatever the lexicon says of its word
        ("Il a quitté Montpellier pour Nice, puis Orange de nuit.", "Orange"),
    ],
)
def test_a_plural_or_a_word_with_no_article_read_as_a_place_stays_alone(lexicon, text, name):
    spans = spans_of(text, (name, "LOC"))
    assert joined_to_their_complement(text, spans, FRENCH, lexicon) == spans


def test_a_place_the_model_found_with_its_own_lowercase_head_is_not_taken_as_the_complement(lexicon):
    text = "La conférence a eu lieu dans la salle du Conclave du palais des Papes, à Avignon."
    spans = spans_of(text, ("Conclave", "LOC"), ("palais des Papes", "LOC"), ("Avignon", "LOC"))
    assert joined_to_their_complement(text, spans, FRENCH, lexicon) == spans
