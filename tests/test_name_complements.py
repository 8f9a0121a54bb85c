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


def test_a_name_found_right_after_the_preposition_joins_the_noun_and_is_no_name_alone(lexicon):
    text = "Il salue les responsables du Secours catholique et des Apprentis d'Auteuil, très implantés."
    spans = spans_of(text, ("Apprentis", "MISC"), ("Auteuil", "LOC"))
    start = text.index("Apprentis")
    assert joined_to_their_complement(text, spans, FRENCH, lexicon) == [
        (start, start + len("Apprentis d'Auteuil"), "MISC")
    ]


def test_lowercase_words_join_up_to_a_function_word_or_a_verb(lexicon):
    text = "Il l'a dit lors des Rencontres du capitalisme familial organisées par le club."
    spans = spans_of(text, ("Rencontres", "MISC"))
    start = text.index("Rencontres")
    assert joined_to_their_complement(text, spans, FRENCH, lexicon) == [
        (start, start + len("Rencontres du capitalisme familial"), "MISC")
    ]


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


def test_a_singular_common_noun_read_as_a_place_after_an_article_is_a_body_with_its_complement(lexicon):
    text = "Le site, ancien centre de tri, est géré depuis mai par le Centre des monuments nationaux."
    spans = spans_of(text, ("Centre", "LOC"))
    start = text.index("Centre")
    assert joined_to_their_complement(text, spans, FRENCH, lexicon) == [
        (start, start + len("Centre des monuments nationaux"), "ORG")
    ]


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
