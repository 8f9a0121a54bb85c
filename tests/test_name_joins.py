"""Names the model cut in pieces, joined again: a surname that opens with an article after its
first name (article_surnames), an organisation's head noun and the name after it
(org_complements), two names side by side (side_by_side)."""

from __future__ import annotations

import pytest
from conftest import spans_of

from kbgen.article_surnames import with_article_surnames
from kbgen.articles import Article
from kbgen.extract import extract
from kbgen.lang import profile
from kbgen.org_complements import with_organisation_complements
from kbgen.rereading import common_words, lexicon_lists
from kbgen.side_by_side import joined_side_by_side

FRENCH = profile("fr")


@pytest.fixture
def common(french_nlp):
    return common_words(getattr(french_nlp, "_path", None))


@pytest.fixture
def lexicon(french_nlp):
    return lexicon_lists(getattr(french_nlp, "_path", None))


def whole(text: str, name: str, label: str) -> tuple[int, int, str]:
    start = text.index(name)
    return start, start + len(name), label


# --- article_surnames -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, first, surname",
    [
        ("Karine Le Marchand retrouve Thierry, éleveur.", ("Karine", "LOC"), ("Le Marchand", "LOC")),
        ("Banque Populaire XI d'Armel Le Cléac'h a pris la deuxième place.", ("Armel", "ORG"), ("Le Cléac'h", "LOC")),
        ("Le centre de Yann Le Goff est repoussé.", ("Yann", "PER"), ("Le Goff", "MISC")),
    ],
)
def test_a_first_name_and_a_surname_opening_with_an_article_are_one_person(common, text, first, surname):
    spans = spans_of(text, first, surname)
    full = f"{first[0]} {surname[0]}"
    assert with_article_surnames(text, spans, FRENCH, common) == [whole(text, full, "PER")]


@pytest.mark.parametrize(
    "text, first, second",
    [
        # a function word, a common noun of the lexicon: the article opens the next name
        ("Selon Le Monde, le constructeur a cédé.", ("Selon", "MISC"), ("Le Monde", "ORG")),
        ("Il a vendu la Société Le Nickel hier.", ("Société", "ORG"), ("Le Nickel", "ORG")),
        ("Interrogé par France Bleu La Rochelle, il a dit non.", ("Bleu", "ORG"), ("La Rochelle", "LOC")),
        # a place the text writes after 'à': two places
        ("Il vit à Nantes. Le match Nantes Le Havre est reporté.", ("Nantes", "LOC"), ("Le Havre", "LOC")),
        # a heading in capitals, a comma between, two words after the article
        ("SOPHIE LE GOFF a parlé.", ("SOPHIE", "PER"), ("LE GOFF", "PER")),
        ("Avec Yann, Le Goff a marqué.", ("Yann", "PER"), ("Le Goff", "PER")),
        ("Il a vu Marie La Fonte des jours hier.", ("Marie", "PER"), ("La Fonte des jours", "MISC")),
    ],
)
def test_no_person_without_a_first_name_right_before_a_one_word_surname(common, text, first, second):
    spans = spans_of(text, first, second)
    assert with_article_surnames(text, spans, FRENCH, common) == spans


def test_a_glued_first_name_and_article_surname_come_out_of_extract_as_one_person(french_nlp):
    # glued splits 'Yann Le Goff' (the text has 'Yann' and 'Le Goff' alone); the surname rule joins it again
    text = (
        "Le centre de Yann Le Goff est repoussé des deux poings par Marco Bizot.\n\n"
        "Attention, il y a deux Le Goff sur la pelouse ce soir : Yann joue à Rennes, Mathis à Brest.\n\n"
        "Brest : Bizot - Lala, Chardonnet - Del Castillo, Sima, M. Le Goff."
    )
    article = Article("a", None, "a", None, "fr", None, text, text)
    names = {(m.text, m.label) for m in extract([article], french_nlp).mentions}
    assert ("Yann Le Goff", "PER") in names
    assert ("Le Goff", "MISC") not in names


# --- org_complements --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, first, second, full",
    [
        (
            "Il travaille avec l'Institut Pasteur de Lille sur le dosage.",
            ("Institut Pasteur", "ORG"),
            ("Lille", "LOC"),
            "Institut Pasteur de Lille",
        ),
        (
            "Mécène de l'exposition, la Fondation d'entreprise Crédit Agricole Languedoc a financé la salle.",
            ("Fondation d'entreprise", "ORG"),
            ("Crédit Agricole Languedoc", "ORG"),
            "Fondation d'entreprise Crédit Agricole Languedoc",
        ),
        (
            "Selon la Fédération de la Haute Couture et de la Mode, le défilé aura lieu.",
            ("Fédération de la Haute Couture", "ORG"),
            ("Mode", "MISC"),
            "Fédération de la Haute Couture et de la Mode",
        ),
    ],
)
def test_an_organisations_head_runs_on_through_the_name_after_it(lexicon, text, first, second, full):
    spans = spans_of(text, first, second)
    assert with_organisation_complements(text, spans, FRENCH, lexicon) == [whole(text, full, "ORG")]


def test_the_place_stays_a_name_of_its_own_where_the_text_writes_it_elsewhere(lexicon):
    text = "À Lille, l'Institut Pasteur de Lille a mis au point le dosage."
    spans = spans_of(text, ("Institut Pasteur", "ORG"), ("Lille", "LOC"))
    assert with_organisation_complements(text, spans, FRENCH, lexicon) == [(spans[0][0], spans[1][1], "ORG"), spans[1]]


@pytest.mark.parametrize(
    "text, first, second",
    [
        # a list of two organisations repeats its preposition before a name, not a common noun
        (
            "Le Tribunal judiciaire de Laval et de Vidal Conseil ont signé.",
            ("Tribunal judiciaire de Laval", "ORG"),
            ("Vidal Conseil", "ORG"),
        ),
        # no head noun of an organisation; a person after it; a place after an unfinished head
        ("La société Airbus Défense de Toulouse recrute.", ("Airbus Défense", "ORG"), ("Toulouse", "LOC")),
        ("La Fondation Lune de Marie Curie est née.", ("Fondation Lune", "ORG"), ("Marie Curie", "PER")),
        (
            "Le Comité du patrimoine mondial de l'Unesco a inscrit le site.",
            ("Comité du patrimoine mondial", "ORG"),
            ("Unesco", "ORG"),
        ),
        ("La Fondation Lune\nde Miel", ("Fondation Lune", "ORG"), ("Miel", "LOC")),
        # a head with its own complement, a place with its own head noun
        ("Le Conseil d'Etat du canton de Vaud a siégé.", ("Conseil d'Etat", "ORG"), ("canton de Vaud", "LOC")),
    ],
)
def test_lists_persons_an_owner_and_line_ends_stay_apart(lexicon, text, first, second):
    spans = spans_of(text, first, second)
    assert with_organisation_complements(text, spans, FRENCH, lexicon) == spans


# --- side_by_side -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, first, second, label",
    [
        ("Le club du Caen TTC monte en Pro A.", ("Caen", "LOC"), ("TTC", "ORG"), "ORG"),
        ("Les élus du groupe Renew Europe ont voté.", ("Renew", "ORG"), ("Europe", "LOC"), "ORG"),
        (
            "Le président de Clermont Auvergne Métropole a signé.",
            ("Clermont", "LOC"),
            ("Auvergne Métropole", "LOC"),
            "LOC",
        ),
    ],
)
def test_two_names_side_by_side_are_one(text, first, second, label):
    spans = spans_of(text, first, second)
    assert joined_side_by_side(text, spans, FRENCH) == [whole(text, f"{first[0]} {second[0]}", label)]


@pytest.mark.parametrize(
    "text, first, second",
    [
        ("Selon LR Philippe Mouiller, le texte passe.", ("LR", "ORG"), ("Philippe Mouiller", "PER")),
        ("L'Américaine Coco Gauff a gagné.", ("Américaine", "LOC"), ("Coco Gauff", "ORG")),
        ("Entre Rennes, Brest et Nantes.", ("Rennes", "LOC"), ("Brest", "LOC")),
        ("Rennes\nBrest", ("Rennes", "LOC"), ("Brest", "LOC")),
        ("Le score Rennes 2 est rare.", ("Rennes", "LOC"), ("2", "MISC")),
    ],
)
def test_a_person_a_peoples_word_punctuation_a_line_end_or_a_number_keep_them_apart(text, first, second):
    spans = spans_of(text, first, second)
    assert joined_side_by_side(text, spans, FRENCH) == spans


@pytest.mark.parametrize(
    "text, name, label",
    [
        (
            "Le projet est financé par l'Agence nationale de la recherche (ANR) et par la Fondation Lune de Miel, "
            "créée par un apiculteur de Loches.",
            "Fondation Lune de Miel",
            "ORG",
        ),
        (
            "L'équipe première termine deuxième de sa poule de Nationale 3, derrière Caen TTC, et rate de peu la montée.",
            "Caen TTC",
            "ORG",
        ),
    ],
)
def test_extract_gives_back_names_the_model_cut_in_two(french_nlp, text, name, label):
    article = Article("a", None, "a", None, "fr", None, text, text)
    names = {(m.text, m.label) for m in extract([article], french_nlp).mentions}
    assert (name, label) in names
