"""A name of several words the model ended right before the adjective that closes it takes it."""

from __future__ import annotations

import pytest
from conftest import one_span

from kbgen.lang import profile
from kbgen.name_adjectives import with_closing_adjectives

FRENCH = profile("fr")


@pytest.mark.parametrize(
    "text, name, label, whole",
    [
        (
            "L'université de Bretagne occidentale, qui forme les internes, recrute.",
            "université de Bretagne",
            "ORG",
            "université de Bretagne occidentale",
        ),
        ("Elle lit Le Républicain lorrain à voix haute.", "Le Républicain", "ORG", "Le Républicain lorrain"),
        (
            "Elle avait reçu le César du meilleur espoir féminin en 2003.",
            "César du meilleur espoir",
            "MISC",
            "César du meilleur espoir féminin",
        ),
    ],
)
def test_the_adjective_after_a_name_of_several_words_is_its_last_word(french_nlp, text, name, label, whole):
    norms, spans = one_span(text, name, label)
    start = norms[0].text.index(name)
    assert with_closing_adjectives(norms, spans, french_nlp, FRENCH) == [[(start, start + len(whole), label)]]


@pytest.mark.parametrize(
    "text, name, label",
    [
        # a verb after the name, which the tagger alone reads as an adjective
        ("Le stade Marcel-Michelin explose.", "stade Marcel-Michelin", "LOC"),
        (
            "La Chambre d'agriculture de la Charente organise une réunion.",
            "Chambre d'agriculture de la Charente",
            "ORG",
        ),
        ("La Commission européenne tape du poing sur la table.", "Commission européenne", "ORG"),
        # a participle, a person's name, a name of one word
        ("Le Monde cité par nos confrères l'affirme.", "Le Monde", "ORG"),
        ("Jean Dupont seul a voté contre.", "Jean Dupont", "PER"),
        ("La Bretagne occidentale a voté.", "Bretagne", "LOC"),
    ],
)
def test_a_verb_a_participle_a_person_or_one_word_takes_nothing(french_nlp, text, name, label):
    norms, spans = one_span(text, name, label)
    assert with_closing_adjectives(norms, spans, french_nlp, FRENCH) == spans


def test_a_verb_the_tagger_reads_as_an_adjective_of_another_number_takes_nothing(french_nlp):
    text = "Le ministère de la Fonction publique lance une expérimentation dans plusieurs administrations."
    norms, spans = one_span(text, "Fonction publique", "MISC")
    assert with_closing_adjectives(norms, spans, french_nlp, FRENCH) == spans
