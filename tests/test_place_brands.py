"""Names read as places that are a place and a brand's word (kbgen.place_brands): 'Trenitalia
France', 'Qatar Racing'."""

from __future__ import annotations

import pytest
from conftest import typed
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.mark.parametrize(
    "text, names, name",
    [
        (
            "La grève profite aux compagnies privées. Trenitalia France, qui relie Paris et Lyon, ajoute des "
            "trains. La France entière est bloquée.",
            [("Trenitalia France", "LOC"), ("Paris", "LOC"), ("Lyon", "LOC"), ("France", "LOC")],
            "Trenitalia France",
        ),
        (
            "Le Qatar, partenaire de l'épreuve par le biais de Qatar Racing, a prolongé son contrat.",
            [("Qatar", "LOC"), ("Qatar Racing", "LOC")],
            "Qatar Racing",
        ),
        (
            "Le pôle Niort Tech annonce un appel à projets. La ville de Niort en est le siège.",
            [("Niort Tech", "LOC"), ("Niort", "LOC")],
            "Niort Tech",
        ),
    ],
)
def test_a_place_and_a_brand_s_word_read_as_a_place_is_a_body(text, names, name):
    assert typed(text, *names)[name] == "ORG"


@pytest.mark.parametrize(
    "text, names, name, label",
    [
        # a common word of the corpus beside the place: a place's own name
        (
            "Les coureurs montent aux Deux Alpes. Les deux cols des Alpes sont fermés.",
            [("Deux Alpes", "LOC"), ("Alpes", "LOC")],
            "Deux Alpes",
            "LOC",
        ),
        (
            "Le parc de Centre Manche est prolongé au large de la Manche, dans le centre du chenal.",
            [("Centre Manche", "LOC"), ("Manche", "LOC")],
            "Centre Manche",
            "LOC",
        ),
        # two places
        (
            "La Seine Saint-Denis vote. Saint-Denis et la Seine attendent.",
            [("Seine Saint-Denis", "LOC"), ("Saint-Denis", "LOC"), ("Seine", "LOC")],
            "Seine Saint-Denis",
            "LOC",
        ),
        # a line's letter
        ("Le RER B est coupé. Le RER reprendra demain.", [("RER B", "LOC"), ("RER", "LOC")], "RER B", "LOC"),
        # no place named alone
        ("Il part en stage dans la Sierra Nevada.", [("Sierra Nevada", "LOC")], "Sierra Nevada", "LOC"),
        # the model's person: a first name and a surname
        (
            "Léa Garnier danse au palais Garnier. Garnier est plein.",
            [("Léa Garnier", "PER"), ("Garnier", "LOC")],
            "Léa Garnier",
            "PER",
        ),
        # a compound's part is no place named alone
        (
            "L'aéroport de Tarbes-Lourdes-Pyrénées ferme. Lourdes Pyrénées reste ouvert.",
            [("Tarbes-Lourdes-Pyrénées", "LOC"), ("Lourdes Pyrénées", "LOC")],
            "Lourdes Pyrénées",
            "LOC",
        ),
    ],
)
def test_a_place_s_own_name_keeps_the_model_s_type(text, names, name, label):
    assert typed(text, *names)[name] == label


WORD = st.from_regex(r"[A-Z][a-z]{3,8}", fullmatch=True)


@given(brand=WORD, lower=st.booleans())
@settings(max_examples=40, deadline=None)
def test_the_brand_word_decides_by_its_use_in_lower_case(brand, lower):
    text = f"Grève à Lisbonne. {brand} Lisbonne ajoute des bus."
    if lower:
        text += f" Le {brand.lower()} est plein."
    expected = "LOC" if lower or brand == "Lisbonne" else "ORG"
    assert typed(text, ("Lisbonne", "LOC"), (f"{brand} Lisbonne", "LOC"))[f"{brand} Lisbonne"] == expected
