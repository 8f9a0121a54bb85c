"""The speaker of a quotation is no place (kbgen.speakers): '», résume Lourdes Ibarra, femme de chambre'."""

from __future__ import annotations

import pytest
from conftest import spans_of, typed
from hypothesis import given, settings
from hypothesis import strategies as st

from kbgen.articles import Article
from kbgen.extract import Mention
from kbgen.lang import profile
from kbgen.resolve import resolve


@pytest.mark.parametrize(
    "text, name, label",
    [
        # a person whose first name or surname is a town's, read by the model as the town
        (
            "« Personne ne nous demande où nous dormons », résume Lourdes Ibarra, femme de chambre.",
            "Lourdes Ibarra",
            "LOC",
        ),
        ("« On fait grève pour les salaires », assure Fabien Villedieu, délégué syndical.", "Fabien Villedieu", "LOC"),
        # the typographic apostrophe and quotes, a compound surname
        ("“C’est trop tard”, estime Marie Vasquez-Lenoir.", "Marie Vasquez-Lenoir", "MISC"),
        ("« Une forme de confinement », résume Tomás Herrera, entomologiste.", "Tomás Herrera", "ORG"),
    ],
)
def test_the_speaker_of_a_quotation_is_a_person(text, name, label):
    assert typed(text, (name, label)) == {name: "PER"}


@pytest.mark.parametrize(
    "text, name, label",
    [
        # a name in capitals, a newspaper opening with its article, a one-word name: left to the model
        ("« Le match du siècle », titre L'Équipe, qui consacre seize pages.", "L'Équipe", "ORG"),
        ("« Nous tiendrons », répond Kharkiv.", "Kharkiv", "LOC"),
        ("« Restez chez vous », rappelle Météo-France.", "Météo-France", "ORG"),
        ("« Tout va bien », dit CMA CGM dans un communiqué.", "CMA CGM", "ORG"),
        # no quotation before the verb: a place a sentence is about
        ("Les bus, circulent Saint-Martin Vésubie et Roya.", "Saint-Martin Vésubie", "LOC"),
        # the quotation goes on after the name: no incise
        ("« Il pleut », dans Lyon Centre, toute la journée.", "Lyon Centre", "LOC"),
    ],
)
def test_no_speaker_keeps_the_model_s_type(text, name, label):
    assert typed(text, (name, label)) == {name: label}


def test_a_town_named_in_the_article_stays_apart_from_the_speaker_who_bears_its_name():
    # 'de Lourdes' alone says nothing; 'maire de Lourdes' in the same article says the town (first_names)
    text = (
        "LOURDES\n\nLes saisonniers de Lourdes manifestent. L'intersyndicale a écrit au maire de Lourdes.\n"
        "« Personne ne nous demande où nous dormons », résume Lourdes Ibarra, femme de chambre."
    )
    names = [("LOURDES", "LOC"), ("Lourdes", "LOC"), ("Lourdes", "LOC"), ("Lourdes Ibarra", "LOC")]
    mentions = [Mention("a", start, end, text[start:end], label) for start, end, label in spans_of(text, *names)]
    article = Article("a", None, "a", None, "fr", None, text, text)
    entities = {e.name: e for e in resolve(mentions, [article], language=profile("fr")).entities}
    assert entities["Lourdes Ibarra"].type == "PER"
    assert {m.text for m in entities["Lourdes Ibarra"].mentions} == {"Lourdes Ibarra"}
    assert entities["Lourdes"].type == "LOC" and len(entities["Lourdes"].mentions) == 3


NAME = st.from_regex(r"[A-Z][a-z]{2,8} [A-Z][a-z]{2,8}", fullmatch=True)


@given(name=NAME, verb=st.sampled_from(["dit", "résume", "assure", "confie"]), label=st.sampled_from(["LOC", "MISC"]))
@settings(max_examples=40, deadline=None)
def test_any_name_of_two_words_after_a_quotation_s_incise_is_a_person(name, verb, label):
    text = f"« Nous tiendrons », {verb} {name}, à la sortie."
    start = text.index(name)
    mention = Mention("a", start, start + len(name), name, label)
    article = Article("a", None, "a", None, "fr", None, text, text)
    (entity,) = resolve([mention], [article], language=profile("fr")).entities
    assert entity.type == "PER"
