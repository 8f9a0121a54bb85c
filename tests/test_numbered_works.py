"""Names that end with a number: an edition, a level, a model (kbgen.numbered_works)."""

from __future__ import annotations

import re

import pytest
from conftest import typed
from hypothesis import given, settings
from hypothesis import strategies as st

from kbgen.articles import Article
from kbgen.extract import Mention
from kbgen.lang import profile
from kbgen.resolve import resolve

NAME = st.text("bcdfgklmnprstvz", min_size=3, max_size=7).map(lambda s: "X" + s)


@pytest.mark.parametrize(
    "text, names, expected",
    [
        # an edition, by its year: whatever the model read it as
        ("Il restera sélectionneur jusqu'au Mondial 2026, assis là.", [("Mondial 2026", "LOC")], "MISC"),
        # a league's level after a definite article
        ("Le club compte six points d'avance en tête de la Ligue 1.", [("Ligue 1", "ORG")], "MISC"),
        # a boat's series, in Roman numerals
        ("Le patron du Saint-Clair II arme depuis vingt ans.", [("Saint-Clair II", "LOC")], "MISC"),
        # a launcher the model reads as a work once, as a company once: no article is needed
        (
            "Le onzième vol d'Ariane 6 a réussi.\n\nDate\n\nLanceur\n\nMars\n\nAriane 6",
            [("Ariane 6", "MISC"), ("Ariane 6", "ORG")],
            "MISC",
        ),
    ],
)
def test_a_name_numbered_as_an_edition_a_level_or_a_model_is_a_work(text, names, expected):
    assert typed(text, *names) == {names[0][0]: expected}


@pytest.mark.parametrize(
    "text, names",
    [
        # a channel named after a place of the corpus
        ("La France a voté. Le film passe sur France 2, jeudi.", [("France", "LOC"), ("France 2", "ORG")]),
        # a radio or a university with no article and no work's reading
        ("a-t-il raconté au micro d'Alpes 1.", [("Alpes 1", "LOC")]),
        ("Ils se connaissent depuis les bancs de la fac, à Rennes 2.", [("Rennes 2", "LOC")]),
        # an acronym and a number: a numbered body (kbgen.numbered_bodies)
        ("Le SDIS 85 est intervenu.", [("SDIS 85", "ORG")]),
        # a head noun of the language's names: a place
        ("Sur le terminal de Port 2000, les portiques attendent.", [("Port 2000", "LOC")]),
        # a cue before it says what it is: an association
        ("avec l'association Présence 17, dit-elle.", [("Présence 17", "ORG")]),
        # a king's number after a person's name
        ("Le roi Louis XIV a fait bâtir le château.", [("Louis XIV", "PER")]),
        # no number at its end
        ("Le Parc des Princes a vibré.", [("Parc des Princes", "LOC")]),
    ],
)
def test_a_numbered_place_body_or_person_keeps_its_type(text, names):
    assert typed(text, *names)[names[-1][0]] == names[-1][1]


@settings(max_examples=30, deadline=None)
@given(NAME, st.sampled_from(("1", "2", "14", "40", "120", "II", "XI")), st.sampled_from(("ORG", "LOC")))
def test_a_level_or_a_model_after_an_article_is_a_work_a_bare_one_keeps_its_type(name, number, label):
    numbered = f"{name} {number}"
    assert typed(f"Il joue en tête de la {numbered} cette saison.", (numbered, label)) == {numbered: "MISC"}
    assert typed(f"Il l'a dit à {numbered} hier.", (numbered, label)) == {numbered: label}


@settings(max_examples=30, deadline=None)
@given(NAME, st.integers(1900, 2099), st.sampled_from(("ORG", "LOC")))
def test_an_edition_by_its_year_is_a_work(name, year, label):
    numbered = f"{name} {year}"
    assert typed(f"Il sera là pour {numbered}, dit-il.", (numbered, label)) == {numbered: "MISC"}


def _typed_in(texts: dict[str, str], *names: tuple[str, str]) -> dict[str, str]:
    """The entities' types of every (name, label) mention at each place it is written in `texts`."""
    articles = [Article(slug, None, slug, None, "fr", None, t, t) for slug, t in texts.items()]
    mentions = [
        Mention(slug, found.start(), found.end(), name, label)
        for slug, t in texts.items()
        for name, label in names
        for found in re.finditer(rf"(?<!\w){re.escape(name)}(?![\w ]\d)", t)
    ]
    return {e.name: e.type for e in resolve(mentions, articles, language=profile("fr")).entities}


def test_a_numbered_work_s_short_form_in_its_article_is_the_work():
    launcher = "« Ariane fait maintenant ce qu'on attend d'elle », dit-il. Le vol d'Ariane 6 a réussi."
    assert _typed_in({"a": launcher}, ("Ariane", "PER"), ("Ariane 6", "MISC")) == {"Ariane": "MISC", "Ariane 6": "MISC"}
    cup = "Le Mondial, accélérateur ou mirage ? Les chantiers du Mondial 2030 avancent."
    assert _typed_in({"a": cup}, ("Mondial", "LOC"), ("Mondial 2030", "LOC")) == {
        "Mondial": "MISC",
        "Mondial 2030": "MISC",
    }


@pytest.mark.parametrize(
    "texts, names, kept",
    [
        # a town of the corpus, the host of an edition named by its year
        (
            {"a": "Les Jeux de Paris 2024 ont plu. Paris a fêté ses athlètes.", "b": "Paris a voté dimanche."},
            [("Paris", "LOC"), ("Paris 2024", "MISC")],
            {"Paris": "LOC"},
        ),
        # a river a product is named after: no year, no edition
        (
            {"a": "Le Furan 2 corrige ses défauts. Le Furan coule en contrebas."},
            [("Furan", "LOC"), ("Furan 2", "MISC")],
            {"Furan": "LOC"},
        ),
        # a person of the same first name in another article
        (
            {"a": "Le vol d'Ariane 6 a réussi.", "b": "Ariane a ri."},
            [("Ariane", "PER"), ("Ariane 6", "MISC")],
            {"Ariane": "PER"},
        ),
    ],
)
def test_a_place_or_a_person_beside_a_numbered_work_keeps_its_type(texts, names, kept):
    found = _typed_in(texts, *names)
    assert {name: found[name] for name in kept} == kept


@pytest.mark.parametrize(
    "text, names",
    [
        # a maker's name and a model's code: letters, then digits
        (
            "au volant d'une Citroën C3 Rally2 préparée par l'équipe.",
            [("Citroën C3 Rally2", "ORG")],
        ),
        ("Même usine, et pourtant l'Alpine A290 réclame 38 700 euros.", [("Alpine A290", "LOC")]),
        ("La Peugeot e-208 reste la plus vendue.", [("Peugeot e-208", "ORG")]),
        # a maker named alone too, and its model after a definite article
        (
            "Peugeot a lancé la Peugeot 408 à Mulhouse.",
            [("Peugeot", "ORG"), ("Peugeot 408", "ORG")],
        ),
    ],
)
def test_a_maker_s_name_and_a_model_s_code_is_a_work(text, names):
    assert typed(text, *names)[names[-1][0]] == "MISC"


@pytest.mark.parametrize(
    "text, names",
    [
        # an organisation's head noun before the code: a group's name
        ("Le Groupe M6 a annoncé ses résultats.", [("Groupe M6", "ORG")]),
        # the code first: a channel, a line
        ("Il l'a dit sur TF1 Info hier.", [("TF1 Info", "ORG")]),
        ("La ligne C7 Soléa est coupée.", [("C7 Soléa", "LOC")]),
        # an acronym holding a digit: a team's sponsor, no model
        ("Il court pour Décathlon AG2R La Mondiale depuis 2024.", [("Décathlon AG2R La Mondiale", "ORG")]),
        # digits first: a district, a time
        ("Il habite Paris 15e depuis dix ans.", [("Paris 15e", "LOC")]),
        # a channel named by a place of the corpus, with no article
        ("La France a voté. Le film passe sur France 2, jeudi.", [("France", "LOC"), ("France 2", "ORG")]),
    ],
)
def test_a_name_with_a_code_or_a_number_that_is_no_model_keeps_its_type(text, names):
    assert typed(text, *names)[names[-1][0]] == names[-1][1]


@settings(max_examples=30, deadline=None)
@given(
    NAME,
    st.text("ACGQRSTWXZ", min_size=1, max_size=2),
    st.integers(1, 999),
    st.sampled_from(("ORG", "LOC")),
)
def test_a_name_and_a_code_of_letters_then_digits_is_a_work(name, letters, number, label):
    model = f"{name} {letters}{number}"
    assert typed(f"Il roule en {model} depuis un an.", (model, label)) == {model: "MISC"}
    # digits then letters: a time or an ordinal, no model
    other = f"{name} {number}h{letters.lower()}"
    assert typed(f"Il roule en {other} depuis un an.", (other, label)) == {other: label}
