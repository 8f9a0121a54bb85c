"""A line that signs the text (kbgen.signatures): the persons it names after a byline's cue
wrote the text and are no mention of it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kbgen.extract import normalise
from kbgen.lang import profile
from kbgen.signatures import without_captions, without_signatures
from tests.conftest import spans_of

FRENCH = profile("fr")
BODY = "Le conseil municipal a voté lundi le budget de la ville.\nLe maire a salué un vote serré.\n"


def _kept(nlp, text: str, *names: str) -> list[str]:
    norm = normalise(text)
    spans = [spans_of(norm.text, *((n, "PER") for n in names))]
    return [norm.text[s:e] for s, e, _ in without_signatures([norm], spans, nlp, FRENCH)[0]]


@pytest.mark.parametrize(
    "line, names",
    [
        ("Par Olivier Kerbrat, correspondant à Berlin", ["Olivier Kerbrat"]),
        ("(Rédigé par Julien Meyrand, édité par Sophie Lavaud)", ["Julien Meyrand", "Sophie Lavaud"]),
        ("Par Bastien Morvillier et Inès Charpentier", ["Bastien Morvillier", "Inès Charpentier"]),
    ],
)
def test_the_persons_a_signature_names_are_no_mention(french_nlp, line, names):
    assert _kept(french_nlp, BODY + line + "\n" + BODY, *names) == []


@pytest.mark.parametrize(
    "text, name",
    [
        # a conjugated verb: a sentence of the news
        ("Reçu par Emmanuel Macron, le ministre a plaidé pour la paix.", "Emmanuel Macron"),
        # the text names the person again: the news is about them
        ("Salué par Jean Dupont\nJean Dupont a inauguré la salle.", "Jean Dupont"),
        # no byline's cue before the name
        ("Une journée avec Marie Curie", "Marie Curie"),
    ],
)
def test_a_line_that_signs_nothing_keeps_its_persons(french_nlp, text, name):
    assert _kept(french_nlp, BODY + text + "\n", name) == [name]


@pytest.mark.parametrize(
    "line, names",
    [
        # a page's byline strip: parts set apart by middle dots, one a date
        (
            "Yann-Erwan Doré et Nolwenn Querré · 15 mars 2026 à 23h10 · Mis à jour le 16 mars",
            ["Yann-Erwan Doré", "Nolwenn Querré"],
        ),
        ("Par Élodie Fabre-Chantelot · 5 novembre 2026 à 17 h 40 · 2 min de lecture", ["Élodie Fabre-Chantelot"]),
        ("Lecture : 6 min · Photos : Vaimiti Lenoir / Campus Fenua", ["Vaimiti Lenoir"]),
        # a second author after the first, whatever joins them
        ("Par Nadia Ferhat, avec Loïc Bénard", ["Nadia Ferhat", "Loïc Bénard"]),
        # a noun whose complement is the authors, at the head
        ("Une enquête de Bastien Morvillier et Inès Charpentier", ["Bastien Morvillier", "Inès Charpentier"]),
    ],
)
def test_a_byline_at_the_head_of_a_page_names_no_mention(french_nlp, line, names):
    assert _kept(french_nlp, line + "\n" + BODY, *names) == []


@pytest.mark.parametrize(
    "text, name",
    [
        # parts and a time, but a sentence with its verb: a television listing
        ("France 3 · 21h10 · Capitaine Marleau. Corinne Masiero enquête dans un haras.", "Corinne Masiero"),
        # the head's noun phrase names someone the text writes about again
        ("Le retour de Jean Dupont\nJean Dupont a inauguré la salle.", "Jean Dupont"),
        # far below the head: a strip in the body is the text's own list
        (BODY * 5 + "Marie Curie · 1867 · Varsovie", "Marie Curie"),
    ],
)
def test_a_head_line_that_signs_nothing_keeps_its_persons(french_nlp, text, name):
    assert _kept(french_nlp, text + "\n" + BODY, name) == [name]


# --- captions ---------------------------------------------------------------------------------


def _left_by_captions(text: str, *names: tuple[str, str]) -> list[str]:
    norm = normalise(text)
    (left,) = without_captions([norm], [spans_of(norm.text, *names)], FRENCH)
    return [norm.text[s:e] for s, e, _ in left]


def test_a_name_only_a_caption_gives_is_the_pictures_not_the_news():
    text = f"{BODY}Photo : le départ de la spéciale près de Salles-Curan, samedi matin.\n"
    assert _left_by_captions(text, ("Salles-Curan", "LOC")) == []
    text = f"Crédit photo : la salle des fêtes de Villefort.\n{BODY}"
    assert _left_by_captions(text, ("Villefort", "LOC")) == []


def test_a_caption_name_the_text_names_too_stays():
    # the place again in the text; a person by the last word of the name ('l'Aveyronnais Baptiste Rouergue')
    text = "Photo : un engin du centre de secours de Crest.\nLes pompiers de Crest sont intervenus."
    assert _left_by_captions(text, ("Crest", "LOC"), ("Crest", "LOC")) == ["Crest", "Crest"]
    text = "Photo : la voiture de Baptiste Rouergue.\nLe pilote Rouergue a gagné dimanche."
    assert _left_by_captions(text, ("Baptiste Rouergue", "PER")) == ["Baptiste Rouergue"]


@pytest.mark.parametrize(
    "line",
    [
        "Photographie de famille à Salles-Curan, dimanche.",  # no cue and colon: a sentence
        "Le photographe de Salles-Curan expose : ses photos sont au musée.",
        "Il a montré la photo : Salles-Curan sous la neige.",  # the cue inside the line
    ],
)
def test_a_line_that_is_no_caption_keeps_its_names(line):
    assert _left_by_captions(f"{BODY}{line}\n", ("Salles-Curan", "LOC")) == ["Salles-Curan"]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["Salles-Curan", "Villefort", "Saint-Affrique", "Bozouls"]),
    st.sampled_from(["Photo : le départ près de {}, samedi.", "Crédit photo : la halle de {}.", "Photos: vue de {}"]),
    st.booleans(),
)
def test_a_caption_name_stays_exactly_when_the_text_names_it_too(place, caption, repeated):
    text = f"{caption.format(place)}\n{BODY}" + (f"Les habitants de {place} ont voté.\n" if repeated else "")
    names = [(place, "LOC"), (place, "LOC")] if repeated else [(place, "LOC")]
    assert _left_by_captions(text, *names) == ([place, place] if repeated else [])
