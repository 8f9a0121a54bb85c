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


@settings(max_examples=30, deadline=None)
@given(
    WORD,
    st.sampled_from(("PER", "LOC", "MISC")),
    st.sampled_from(("Même constat chez ", "Les cellules sont produites chez ", "Chez ", "Il sera vendu chez ")),
    st.sampled_from((", où l'on observe un retour.", ".", ", à Dunkerque.", " et chez Decathlon.")),
)
def test_a_one_word_name_after_chez_is_a_business(name, label, before, after):
    """'chez Verkor', 'chez Cafpi', 'Chez Bic,': where one works, buys or is published."""
    assert typed(f"{before}{name}{after}", (name, label))[name] == "ORG"


@pytest.mark.parametrize(
    "text, names, expected",
    [
        # the corpus names the person: what is learnt from him (ending its clause, 'chez Haeberlin,'
        # is his house, a restaurant's or a firm's: kbgen.houses, tests/test_houses.py)
        (
            "Marc Haeberlin dirige l'Auberge. Elle a appris chez Haeberlin la rigueur, puis chez Haeberlin le goût.",
            [("Marc Haeberlin", "PER"), ("Haeberlin", "PER"), ("Haeberlin", "PER")],
            {"Marc Haeberlin": "PER"},
        ),
        # a title names the person
        (
            "M. Dupont a reçu ses amis. Ils ont dîné chez Dupont.",
            [("Dupont", "PER"), ("Dupont", "PER")],
            {"Dupont": "PER"},
        ),
        # two named together: the house of two persons
        (
            "Chez Manget et Cherbuliez imprimeurs-libraires à Genève.",
            [("Manget", "PER"), ("Cherbuliez", "PER")],
            {"Manget": "PER", "Cherbuliez": "PER"},
        ),
        # not 'chez' but another preposition
        ("Il a dîné avec Dupont.", [("Dupont", "PER")], {"Dupont": "PER"}),
    ],
)
def test_a_named_person_or_two_names_after_chez_stay_persons(text, names, expected):
    assert typed(text, *names) == expected


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "Une convention avec Pernod Ricard. Chez Pernod Ricard, on attend des résultats.",
            [("Pernod Ricard", "PER")] * 2,
        ),
        ("Chez Berry Architectures, on revendique une bibliothèque qui se traverse.", [("Berry Architectures", "PER")]),
        (
            "Les dossards restent disponibles chez Intersport Abbeville jusqu'à samedi.",
            [("Intersport Abbeville", "PER")],
        ),
    ],
)
def test_a_two_word_name_after_chez_is_a_business(text, names):
    """'chez Pernod Ricard': a first name and a surname's shape, but its first word opens no other
    person's name in the corpus."""
    assert typed(text, *names) == {names[0][0]: "ORG"}


@pytest.mark.parametrize(
    "text, names, expected",
    [
        # the first word opens another person's name: a first name, his house
        (
            "Marc Hirtz est venu. Elle a appris chez Marc Haeberlin, à Illhaeusern.",
            [("Marc Hirtz", "PER"), ("Marc Haeberlin", "PER")],
            {"Marc Hirtz": "PER", "Marc Haeberlin": "PER"},
        ),
        # initials
        ("On souscrit chez J. Burgdorfer, libraire.", [("J. Burgdorfer", "PER")], {"J. Burgdorfer": "PER"}),
        # a title before another mention
        (
            "Chez Paul Dubreuil, on dîne tard. M. Paul Dubreuil le confirme.",
            [("Paul Dubreuil", "PER"), ("Paul Dubreuil", "PER")],
            {"Paul Dubreuil": "PER"},
        ),
        # three words
        ("Chez Jean Paul Dubreuil, on dîne tard.", [("Jean Paul Dubreuil", "PER")], {"Jean Paul Dubreuil": "PER"}),
    ],
)
def test_a_two_word_person_after_chez_stays_one(text, names, expected):
    assert typed(text, *names) == expected


@settings(max_examples=30, deadline=None)
@given(
    WORD,
    st.sampled_from(("PER", "MISC")),
    st.sampled_from(
        (
            "Au moment même où le français ",
            "TikTok, propriété du chinois ",
            "Le lancement de la française ",
            "L'américain ",
            "X, l'ancien ",
            "Un accord avec l'énergéticien ",
        )
    ),
    st.sampled_from((" perdait le contrôle de sa mine.", ", est visé.", " a annoncé un plan.")),
)
def test_a_name_after_a_definite_article_and_a_peoples_adjective_is_a_company(name, label, before, after):
    """'le français Orano', 'du chinois ByteDance', 'la française MaiaSpace': the adjective stands for
    the company's noun it leaves out; the model reads the unfamiliar name as a person or a work."""
    assert typed(f"{before}{name}{after}", (name, label)) == {name: "ORG"}


@pytest.mark.parametrize(
    "text, names, expected",
    [
        # a people's noun, capitalised: a person of that people
        ("Victoire du Français Dupont devant le Brésilien Silva.", [("Dupont", "PER")], {"Dupont": "PER"}),
        # a person's trade of that shape, the person named in full
        (
            "« C'était la potasse », rappelle l'historien Pierre Fluck.",
            [("Pierre Fluck", "PER")],
            {"Pierre Fluck": "PER"},
        ),
        # the same trade before a surname the corpus gives a first name
        (
            "Pierre Fluck a enseigné à Mulhouse. Selon l'historien Fluck, la potasse a tout changé.",
            [("Pierre Fluck", "PER"), ("Fluck", "PER")],
            {"Pierre Fluck": "PER"},
        ),
        # a place the model reads as one
        ("Il est né dans l'ancienne Yougoslavie.", [("Yougoslavie", "LOC")], {"Yougoslavie": "LOC"}),
        # an indefinite article: no company's noun left out
        ("Il a rencontré un américain Smith.", [("Smith", "PER")], {"Smith": "PER"}),
        # a word of another shape ('célèbre')
        ("Le célèbre Dupont a chanté.", [("Dupont", "PER")], {"Dupont": "PER"}),
    ],
)
def test_a_person_or_a_place_after_a_peoples_word_stays_one(text, names, expected):
    assert typed(text, *names) == expected


@settings(max_examples=30, deadline=None)
@given(
    WORD,
    st.sampled_from(
        (
            "Un reportage sera diffusé sur ",
            "Les traces GPS sont publiées sur ",
            "Il commentait la finale en direct sur ",
            "Six épisodes diffusés jeudi sur ",
        )
    ),
    st.sampled_from((" à l'automne.", ".", " devant un million de spectateurs.", " et déjà en ligne.", ", dès jeudi.")),
)
def test_a_one_word_person_after_sur_ending_its_complement_is_a_medium(name, before, after):
    """'diffusé sur Arte à l'automne', 'publiées sur Strava.': the model reads the channel or the
    platform as a person's first name or surname."""
    assert typed(f"{before}{name}{after}", (name, "PER")) == {name: "ORG"}


@pytest.mark.parametrize(
    "text, names, expected",
    [
        # an article after the name: the verb's object follows, the name is what it is about
        (
            "Roosevelt et Churchill nourrissaient sur Staline des illusions.",
            [("Staline", "PER")],
            {"Staline": "PER"},
        ),
        # the corpus names the person in full
        (
            "Kylian Mbappé a marqué. Le club compte sur Mbappé pour la finale.",
            [("Kylian Mbappé", "PER"), ("Mbappé", "PER")],
            {"Kylian Mbappé": "PER"},
        ),
        # a title
        (
            "M. Dupont a parlé. Elle a tiré sur Dupont à bout portant.",
            [("Dupont", "PER"), ("Dupont", "PER")],
            {"Dupont": "PER"},
        ),
        # a person's first name and surname
        ("Une exposition sur Camille Claudel.", [("Camille Claudel", "PER")], {"Camille Claudel": "PER"}),
        # not 'sur'
        ("Un reportage sera diffusé par Dupont à l'automne.", [("Dupont", "PER")], {"Dupont": "PER"}),
    ],
)
def test_a_person_after_sur_stays_one(text, names, expected):
    assert typed(text, *names) == expected
