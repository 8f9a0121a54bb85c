"""A prompt to the reader among a text's last lines (kbgen.reader_prompts): its names are the
site's furniture, not mentions of the article."""

from __future__ import annotations

import pytest

from kbgen.extract import normalise
from kbgen.lang import profile
from kbgen.reader_prompts import without_reader_prompts

FRENCH = profile("fr")
BODY = "Le conseil municipal a voté lundi le budget de la ville.\nLe maire a salué un vote serré.\n"


def _kept(nlp, text: str, names: list[str]) -> list[str]:
    norm = normalise(text)
    spans = [[(norm.text.index(n), norm.text.index(n) + len(n), "ORG") for n in names]]
    return [norm.text[s:e] for s, e, _ in without_reader_prompts([norm], spans, nlp, FRENCH)[0]]


@pytest.mark.parametrize(
    "prompt, name",
    [
        ("Abonnez-vous à Seine Sports pour lire tous nos articles.", "Seine Sports"),
        ("Réagissez à cet article sur notre page Facebook.", "Facebook"),
        ("Téléchargez l'application Armor Sports et activez les alertes.", "Armor Sports"),
        ("Cet article vous a plu ? Inscrivez-vous à la newsletter d'Octet.", "Octet"),
        ("Retrouvez l'intégralité de cet entretien sur l'application Radio Opale.", "Radio Opale"),
    ],
)
def test_a_prompt_to_the_reader_at_the_end_names_no_one_of_the_article(french_nlp, prompt, name):
    text = BODY + prompt
    assert _kept(french_nlp, text, ["Le conseil", name]) == ["Le conseil"]


@pytest.mark.parametrize(
    "line, name",
    [
        ("Chez Renault, les salariés ont voté la grève.", "Renault"),  # a preposition
        ("Pérez a marqué deux buts pour le Stade rennais.", "Pérez"),  # a name, its verb after it
        ("Suez rachète Veolia pour dix milliards.", "Veolia"),
        ("« Votez pour Marie Dupont », a lancé le maire.", "Marie Dupont"),  # someone's words
        ("Rodez à la peine face à Brest.\nBrest a battu Rodez dimanche.", "Brest"),  # a name the text writes
    ],
)
def test_a_sentence_that_opens_with_a_name_or_is_quoted_is_no_prompt(french_nlp, line, name):
    assert _kept(french_nlp, BODY + line, [name]) == [name]


def test_a_prompt_at_the_top_shares_its_sentence_with_the_news(french_nlp):
    text = "Suivez le derby entre le Stade brestois et le Stade rennais.\n" + BODY * 4
    assert _kept(french_nlp, text, ["Stade brestois"]) == ["Stade brestois"]


def test_an_order_inside_a_paragraph_is_the_texts_own(french_nlp):
    paragraph = (
        "Tenez pour absolument certain qu'il ne souffrira pas la moindre infraction au traité de Prague, "
        "écrit notre correspondant, qui regarde donc la guerre comme fatale et s'abstient de vous en fixer "
        "la date, faute de nouvelles sûres de la capitale."
    )
    assert _kept(french_nlp, BODY + paragraph, ["traité de Prague"]) == ["traité de Prague"]


@pytest.mark.parametrize(
    "line, name",
    [
        ("Partager sur Bluesky", "Bluesky"),
        ("Voir cette publication sur Instagram", "Instagram"),
        ("Partager : Facebook | X | WhatsApp | E-mail", "WhatsApp"),  # what the colon opens, to the line's end
        ("Publié le 22 octobre 2025 · [Écouter (9 min)] · [Offrir]", "Écouter"),
    ],
)
def test_a_pages_control_names_no_one_of_the_article(french_nlp, line, name):
    text = "Le conseil municipal a voté lundi le budget de la ville.\n" + line + "\n" + BODY
    assert _kept(french_nlp, text, ["Le conseil", name]) == ["Le conseil"]


@pytest.mark.parametrize(
    "line, name",
    [
        ("5 | Théo Carpentier | Arkéa-B&B Hotels", "Théo Carpentier"),  # a table's cell: 'théo' alone reads as a verb
        ("Sauver Notre-Dame a coûté 846 millions.", "Notre-Dame"),  # a sentence, its verb conjugated
    ],
)
def test_a_line_that_is_no_control_keeps_its_names(french_nlp, line, name):
    text = BODY + line + "\n" + BODY + "La métropole de Lyon a voté.\n"
    assert _kept(french_nlp, text, [name]) == [name]
