"""Institutions written with a lowercase head noun before their place ('le centre hospitalier
de Brest', "la cour d'appel de Poitiers", 'au CHU de Nantes'): the model finds the place only;
the name takes the head after a definite article, and the place stays a name of its own."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kbgen.articles import Article
from kbgen.extract import extract
from kbgen.lang import plain_forms, profile
from kbgen.spans import names_in, trim

FRENCH = profile("fr")


def names_at(text: str, place: str) -> list[tuple[str, str]]:
    """The names kbgen makes of the model's span `place` (a LOC), the last one in `text`."""
    text = plain_forms(text)
    start = text.rindex(place)
    return [(text[s:e], label) for s, e, label in names_in(text, start, start + len(place), "LOC", FRENCH)]


@pytest.mark.parametrize(
    "text, place, institution",
    [
        ("Il a été transporté au centre hospitalier de Brest lundi.", "Brest", "centre hospitalier de Brest"),
        ("Il a saisi la cour d’appel de Poitiers.", "Poitiers", "cour d’appel de Poitiers"),
        ("Me Tessier, du barreau de Nantes, a plaidé.", "Nantes", "barreau de Nantes"),
        ("Elle enseigne au conservatoire de Lyon.", "Lyon", "conservatoire de Lyon"),
        ("Le directeur de la cave coopérative de Turckheim a dit", "Turckheim", "cave coopérative de Turckheim"),
        ("avant d’être transféré au CHU de Nantes.", "Nantes", "CHU de Nantes"),
        (
            "Je remercie le conseil départemental de la Charente-Maritime.",
            "Charente-Maritime",
            "conseil départemental de la Charente-Maritime",
        ),
        ("La métropole de Lyon a voté.", "Lyon", "métropole de Lyon"),
        # a place's word capitalised names its authority
        ("Il remercie la Ville d’Aurillac et la région.", "Aurillac", "Ville d’Aurillac"),
        ("Le Département de la Vendée finance les travaux.", "Vendée", "Département de la Vendée"),
        # words between the head and its place: an adjective, a complement
        (
            "soigné au centre hospitalier universitaire de Rennes",
            "Rennes",
            "centre hospitalier universitaire de Rennes",
        ),
        ("jugé par la cour d’assises de la Vendée.", "Vendée", "cour d’assises de la Vendée"),
        ("Il étudie à la faculté de médecine de Lille.", "Lille", "faculté de médecine de Lille"),
        ("selon l’office de tourisme de Vannes.", "Vannes", "office de tourisme de Vannes"),
    ],
)
def test_an_institution_written_with_its_lowercase_head_before_its_place_is_named_whole(text, place, institution):
    assert names_at(text, place) == [(plain_forms(institution), "ORG"), (place, "LOC")]


@pytest.mark.parametrize(
    "text, place",
    [
        # a person's title, a town's description, a part of a town, a region, a station
        ("Le maire de Brest a inauguré le marché.", "Brest"),
        ("La ville de Brest a acheté le terrain.", "Brest"),
        ("Les commerces du centre de Brest ferment tôt.", "Brest"),
        ("Les habitants de la région de Nantes protestent.", "Nantes"),
        ("Le conseil de Rennes est sage.", "Rennes"),
        # no definite article: any such institution, not the one of that place
        ("Il rêve d’un conservatoire de Lyon à Paris.", "Lyon"),
        ("Un centre hospitalier de Brest recrute.", "Brest"),
        ("ce centre hospitalier de Brest recrute.", "Brest"),
        # a name right after the head is the firm's own ('Limagrain', not 'coopérative Limagrain')
        ("Il a rejoint la coopérative Limagrain.", "Limagrain"),
        # a line end between the article and the head
        ("Il a rejoint le\ncentre hospitalier de Brest.", "Brest"),
    ],
)
def test_a_place_after_a_word_that_names_no_institution_stays_a_place(text, place):
    assert names_at(text, place) == [(place, "LOC")]


def test_a_station_stays_a_place():
    assert names_at("Le train arrive à la gare de Lyon à midi.", "Lyon") == [("gare de Lyon", "LOC")]


HEADS = sorted(FRENCH.rules.institution_heads)
DEFINITE = ["le ", "la ", "l’", "au ", "du ", "aux ", "des ", "Le ", "La ", "Au "]
PLACES = ["Brest", "Saint-Brieuc", "La Roche-sur-Yon", "Poitiers", "Île-de-France", "Aix-en-Provence"]
PREPOSITIONS = ["de ", "d’"]


@given(
    head=st.sampled_from(HEADS),
    article=st.sampled_from(DEFINITE),
    place=st.sampled_from(PLACES),
    before=st.sampled_from(["", "Selon ", "Hier, ", "il a rejoint "]),
    after=st.sampled_from([".", ", a-t-il dit.", " mardi", ""]),
)
def test_any_institution_head_after_a_definite_article_names_the_institution_and_its_place(
    head, article, place, before, after
):
    preposition = "d’" if place[0] in "AÉÈÊIÎOUY" else "de "
    text = f"{before}{article}{head} {preposition}{place}{after}"
    institution = f"{head} {preposition}{place}"
    assert names_at(text, place) == [(plain_forms(institution), "ORG"), (place, "LOC")]


@given(
    head=st.sampled_from(HEADS),
    determiner=st.sampled_from(["un ", "une ", "ce ", "cette ", "son ", "notre ", "chaque ", ""]),
    place=st.sampled_from(PLACES),
)
def test_any_institution_head_without_a_definite_article_leaves_the_place_alone(head, determiner, place):
    preposition = "d’" if place[0] in "AÉÈÊIÎOUY" else "de "
    text = f"Il dit que {determiner}{head} {preposition}{place} recrute."
    assert names_at(text, place) == [(place, "LOC")]


def test_the_rule_trims_nothing_of_a_span_that_is_no_place():
    text = "selon le barreau de Marie Dupont"
    start = text.index("Marie")
    assert trim(text, start, len(text), "PER", FRENCH) == (start, len(text), "PER")


def test_the_model_and_the_rules_name_the_institution_and_keep_the_traps_places(french_nlp):
    texts = {
        "transporté au centre hospitalier de Challans, puis au CHU de Nantes.": {
            ("centre hospitalier de Challans", "ORG"),
            ("CHU de Nantes", "ORG"),
        },
        "Le maire de Brest a inauguré le marché.": {("Brest", "LOC")},
        "La ville de Brest a acheté le terrain.": {("Brest", "LOC")},
        "Les commerces du centre de Brest ferment tôt.": {("Brest", "LOC")},
        "Le train arrive à la gare de Lyon à midi.": {("gare de Lyon", "LOC")},
    }
    articles = [Article(f"a{i}", None, "", None, "fr", None, t, t) for i, t in enumerate(texts)]  # type: ignore[arg-type]
    mentions = extract(articles, french_nlp).mentions
    for article, expected in zip(articles, texts.values()):
        found = {(m.text, m.label) for m in mentions if m.article == article.slug}
        assert expected <= found, (article.text, found)
        assert not {name for name, label in found if label == "ORG"} - {name for name, _ in expected}
