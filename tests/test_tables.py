"""A table's names beside its numbers (kbgen.tables): organisations unless persons by name."""

from __future__ import annotations

import pytest
from conftest import typed
from hypothesis import given, settings
from hypothesis import strategies as st

from kbgen.articles import Article
from kbgen.extract import Mention
from kbgen.lang import profile
from kbgen.resolve import resolve
from kbgen.tables import is_cell

NUMBER = st.sampled_from(("12,40", "+0,8 %", "-2,10 %", "1 480 220", "36 pts", "12h38'05''", "à 9''", "52"))
NAME = st.text("bcdfgklmnprstvz", min_size=2, max_size=6).map(lambda s: "X" + s)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(NAME, st.sampled_from(("PER", "MISC")), NUMBER), min_size=1, max_size=4, unique_by=lambda r: r[0]
    ),
    st.sampled_from(("\n\n", "\n")),
)
def test_a_name_read_as_a_person_or_a_work_in_a_table_s_cell_is_an_organisation(rows, gap):
    text = "Valeur" + gap + "Cours" + gap + gap.join(f"{name}{gap}{number}" for name, _, number in rows)
    assert typed(text, *[(name, label) for name, label, _ in rows]) == {name: "ORG" for name, _, _ in rows}


def test_a_place_in_a_table_of_organisations_is_one_and_a_table_of_places_stays():
    parties = "Groupe\n\nPour\n\nRN\n\n52\n\nSOC\n\n64\n\nLiot\n\n22\n\nHOR\n\n3"
    found = typed(parties, ("RN", "ORG"), ("SOC", "ORG"), ("Liot", "LOC"), ("HOR", "LOC"))
    assert found == {"RN": "ORG", "SOC": "ORG", "Liot": "ORG", "HOR": "ORG"}
    towns = "Ville\n\nMax\n\nBrest\n\n12°\n\nRennes\n\n14°\n\nLotto\n\n3"
    found = typed(towns, ("Brest", "LOC"), ("Rennes", "LOC"), ("Lotto", "ORG"))
    assert found == {"Brest": "LOC", "Rennes": "LOC", "Lotto": "ORG"}


@pytest.mark.parametrize(
    "text, names",
    [
        # a person named in full, a rider beside his time
        ("Rang\n\nCoureur\n\n1\n\nAxel Dufour\n\n12h38'05''", [("Axel Dufour", "PER")]),
        # a title elsewhere says it is a person
        ("Selon M. Xavier, tout va bien.\n\nXavier\n\n12,5", [("Xavier", "PER"), ("Xavier", "PER")]),
        # beside words, not numbers: no table
        ("Il est parti.\n\nXandr\n\nLa suite au prochain numéro.", [("Xandr", "PER")]),
        # a name inside a line with a number is no cell of its own
        ("Xandr a gagné 12 points.", [("Xandr", "PER")]),
    ],
)
def test_no_table_or_a_person_by_its_name_is_no_organisation(text, names):
    assert typed(text, *names) == {names[0][0]: names[0][1]}


def test_a_cell_is_alone_on_its_line_beside_a_number():
    text = "Titre long de la page\n\nKering\n\n171,30\n\nLe groupe Kering a reculé."
    kering, second = text.index("Kering"), text.rindex("Kering")
    assert is_cell(text, kering, kering + 6) and not is_cell(text, second, second + 6)


def test_a_town_named_in_other_articles_keeps_its_type_beside_a_table_of_organisations():
    table = "Valeur\n\nCours\n\nXbc\n\n12,40\n\nXdf\n\n8,10\n\nOrange\n\n3,55"
    texts = {"a": table, "b": "Il vit à Orange depuis mai.", "c": "Orange a fêté son maire."}
    articles = [Article(slug, None, slug, None, "fr", None, t, t) for slug, t in texts.items()]
    mentions = [
        Mention(slug, t.index(name), t.index(name) + len(name), name, label)
        for slug, t in texts.items()
        for name, label in (("Xbc", "ORG"), ("Xdf", "ORG"), ("Orange", "LOC"))
        if name in t
    ]
    found = {e.name: e.type for e in resolve(mentions, articles, language=profile("fr")).entities}
    assert found == {"Xbc": "ORG", "Xdf": "ORG", "Orange": "LOC"}
