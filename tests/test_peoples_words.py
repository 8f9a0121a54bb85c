"""A people's word the model reads as a place or a MISC name is no name; a place named by the
same word keeps its place's article or preposition."""

from __future__ import annotations

import pytest
from conftest import one_span
from hypothesis import given
from hypothesis import strategies as st

from kbgen.lang import profile
from kbgen.peoples_words import is_peoples_word, without_peoples_words

FRENCH = profile("fr")


@pytest.mark.parametrize(
    "text, word, people",
    [
        # a plural's determiner or an adjective before, a person's name after, a plural after 'de'
        ("Septante pour cent des jeunes Genevois utilisent les TPG.", "Genevois", True),
        ("Il rejoint à Londres un autre ancien Havrais, le milieu Kader Traoré.", "Havrais", True),
        ("Victoire du Landais Hugo Lafitte devant le Brésilien Lucas Oliveira.", "Landais", True),
        ("Le rapporteur, le Suédois Jörgen Warborn, a parlé.", "Suédois", True),
        ("C'est une victoire pour les onze millions de Français qui vivent ici.", "Français", True),
        # a place: its article or preposition before, a bare 'de' before a singular, a name it ends
        ("Les vignes du Lyonnais ont gelé.", "Lyonnais", False),
        ("Il a passé ses vacances en Suisse avec elle.", "Suisse", False),
        ("Comparativement à l'équipe de Suisse espoirs, ils ont gagné.", "Suisse", False),
        ("Il l'a lu au Petit Parisien hier.", "Parisien", False),
        ("Davos (Suisse) (AFP) - Le Forum économique mondial s'ouvre.", "Suisse", False),
    ],
)
def test_a_peoples_word_read_as_a_place_is_no_name(french_nlp, text, word, people):
    for label in ("LOC", "MISC"):
        norms, spans = one_span(text, word, label)
        assert without_peoples_words(norms, spans, french_nlp, FRENCH) == ([[]] if people else spans)
    # a person's or an organisation's label is the model's surer reading: left alone
    for label in ("PER", "ORG"):
        norms, spans = one_span(text, word, label)
        assert without_peoples_words(norms, spans, french_nlp, FRENCH) == spans


def test_a_word_the_lexicon_does_not_list_as_an_adjective_stays(french_nlp):
    # a first name with a people's ending, and a plural, which the lexicon lists by its singular
    for text, word in [
        ("Il a parlé avec les amis de Sébastien hier.", "Sébastien"),
        ("Ils ont vu des Bretons.", "Bretons"),
    ]:
        norms, spans = one_span(text, word, "LOC")
        assert without_peoples_words(norms, spans, french_nlp, FRENCH) == spans


@given(
    st.sampled_from(["le", "la", "du", "au", "en", "à", "dans le", "vers la"]),
    st.sampled_from(["Lyonnais", "Suisse", "Beaujolais", "Nord", "Atlantique"]),
    st.sampled_from([".", ", dit-il.", " et ailleurs.", " depuis hier."]),
)
def test_after_a_places_article_or_preposition_with_no_name_after_a_word_stays_a_place(before, word, after):
    text = f"Il est parti {before} {word}{after}"
    start = text.index(word, len("Il est parti"))
    assert not is_peoples_word(text, start, start + len(word), FRENCH)


@given(st.sampled_from(["le", "la", "du", "au"]), st.sampled_from(["Marc Aubry", "Hugo Lafitte", "Valdis Dombrovskis"]))
def test_a_persons_name_after_makes_a_peoples_word(article, person):
    text = f"Il a parlé avec {article} Belge {person} hier."
    start = text.index("Belge")
    assert is_peoples_word(text, start, start + len("Belge"), FRENCH)
