"""A MISC span of common words in sentence case that opens a heading's line is no name, and nor is
a MISC word that the lexicon and the tagger both read as a common noun."""

from __future__ import annotations

import pytest
from conftest import one_span
from hypothesis import given, settings
from hypothesis import strategies as st

from kbgen.heading_phrases import opens_heading, without_heading_phrases, without_misc_common_nouns
from kbgen.lang import profile

FRENCH = profile("fr")


@pytest.mark.parametrize(
    "text, span, label, heading",
    [
        # headlines and labels: common words, only the first capitalised, opening a line with no full stop
        (
            "Accueil\nTrafic ferroviaire interrompu entre Strasbourg et Sarrebourg\nLe trafic a repris.",
            "Trafic ferroviaire interrompu",
            "MISC",
            True,
        ),
        ("Temps de lecture : 3 min\n\nLe conseil a voté.", "Temps de lecture", "MISC", True),
        ("Mardi 4 août 2021\n\nLe conseil a voté.", "Mardi 4", "MISC", True),
        ("Chronique locale\nLa foire a ouvert hier.", "Chronique locale", "MISC", True),
        # inside a sentence, a sentence's line, a word the tagger reads as a name, another label
        ("Hier, la Fête du citron a ouvert ses portes.", "Fête du citron", "MISC", False),
        ("Une vie violente de Thierry de Peretti a été revu.", "Une vie violente", "MISC", False),
        ("Le Festival de Cannes ouvre\nLe jury est connu.", "Festival de Cannes", "MISC", False),
        ("Conseil fédéral\nLe gouvernement a décidé.", "Conseil fédéral", "ORG", False),
        ("Temps de lecture\nIl lit. Le Temps de lecture est un titre.", "Temps de lecture", "MISC", False),
        # a field of a byline's line, after a separator set apart by spaces
        (
            "Par Ana Lopez\n3 mai 2025 · Temps de lecture : 4 min\n\nLe conseil a voté.",
            "Temps de lecture",
            "MISC",
            True,
        ),
        ("Publié le 3 mai — Mis à jour le 4 mai\n\nLe conseil a voté.", "Mis à jour", "MISC", True),
        # not after a word's hyphen, nor after a separator inside a sentence's line
        ("Il a vu Saint-Temps de lecture : un village.", "Temps de lecture", "MISC", False),
        ("Il a dit · Temps de lecture aussi, puis il est parti.", "Temps de lecture", "MISC", False),
    ],
)
def test_a_misc_of_common_words_opening_a_heading_is_no_name(french_nlp, text, span, label, heading):
    norms, spans = one_span(text, span, label)
    assert without_heading_phrases(norms, spans, french_nlp, FRENCH) == ([[]] if heading else spans)


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzé", min_size=2, max_size=8)


@given(st.lists(words, min_size=2, max_size=5), st.sampled_from(["", " : 3 min", " entre deux villes"]))
def test_a_lines_opening_phrase_in_sentence_case_opens_a_heading(phrase, rest):
    name = " ".join(phrase).capitalize()
    text = f"Une phrase.\n{name}{rest}\nUne autre phrase."
    start = text.index(name)
    assert opens_heading(text, start, start + len(name))
    # not within a line, not at the start of a sentence's line, nor with a second capital
    assert not opens_heading(f"Il a dit {name}{rest}.", 9, 9 + len(name))
    assert not opens_heading(f"{name} est fini.", 0, len(name))
    titled = name[: len(phrase[0]) + 1] + name[len(phrase[0]) + 1].upper() + name[len(phrase[0]) + 2 :]
    assert not opens_heading(f"{titled}{rest}", 0, len(titled))


def test_extraction_leaves_out_a_heading_the_model_reads_as_a_misc_name(french_nlp):
    from kbgen.articles import Article
    from kbgen.extract import extract

    text = "Accueil\nTrafic ferroviaire interrompu entre Strasbourg et Sarrebourg\nLe trafic a repris lundi à Saverne."
    art = Article("a", None, "a", None, "fr", None, text, text)
    names = {m.text for m in extract([art], french_nlp).mentions}
    assert "Trafic ferroviaire interrompu" not in names
    assert {"Strasbourg", "Sarrebourg"} <= names


@pytest.mark.parametrize(
    "text, word, common",
    [
        # common nouns the writer capitalised: a portfolio, a festival's head word, a report's title, a nationality
        (
            "Du côté de l'exécutif, le commissaire à l'Économie, le Letton Valdis Dombrovskis, a parlé.",
            "Économie",
            True,
        ),
        ("Ils évoquent la reconstruction, jusqu'au Festival interceltique et au FC Lorient.", "Festival", True),
        ("Sources : Eurostat, « Taxation trends in the European Union », 2025.", "Taxation", True),
        ("Pour le quotidien sportif, l'Espagnol, mené deux sets à zéro, a gagné.", "Espagnol", True),
        # names: words the lexicon does not list, or that the tagger reads as a proper noun in their sentence
        ("Il a parlé sur TikTok hier soir.", "TikTok", False),
        ("Les abonnés au passe Navigo seront remboursés.", "Navigo", False),
        ("On y voit une Nana monumentale prêtée par le musée.", "Nana", False),
        ("Le club reste à deux points de la troisième place de National.", "National", False),
        # a town the model reads as a work, after a place's preposition: kbgen.entity_types makes it a place
        ("Il a vu M. Walewski pendant son séjour à Amphion, sur les bords du lac.", "Amphion", False),
        # a work's title alone in its quotes
        ('Parmi eux, le manuscrit complet de " Guerre ", un roman inconnu.', "Guerre", False),
        ("Parmi eux, le manuscrit complet de « Guerre », un roman inconnu.", "Guerre", False),
    ],
)
def test_a_misc_word_both_the_lexicon_and_the_tagger_read_as_a_common_noun_is_no_name(french_nlp, text, word, common):
    norms, spans = one_span(text, word, "MISC")
    assert without_misc_common_nouns(norms, spans, french_nlp, FRENCH) == ([[]] if common else spans)
    # the rule doubts the MISC label only: the model is surer of the others
    for label in ("PER", "ORG", "LOC"):
        norms, other = one_span(text, word, label)
        assert without_misc_common_nouns(norms, other, french_nlp, FRENCH) == other


@settings(max_examples=25, deadline=None)
@given(
    st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=3, max_size=9),
    st.sampled_from(["Il en parle sur {} depuis hier.", "La présidence veut finir avant {}.", "{} a tout changé."]),
)
def test_a_misc_word_the_lexicon_does_not_list_stays(french_nlp, letters, sentence):
    word = letters.capitalize()  # no vowel: no French common noun
    norms, spans = one_span(sentence.format(word), word, "MISC")
    assert without_misc_common_nouns(norms, spans, french_nlp, FRENCH) == spans
