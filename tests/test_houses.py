"""A house named after a person (kbgen.houses): a bare surname the article's words read as an
organisation's is the house, apart from the person the article names in full."""

from __future__ import annotations

import pytest
from conftest import typed
from hypothesis import given, settings
from hypothesis import strategies as st

SURNAME = st.text("bcdfghjklmnprstvz", min_size=3, max_size=7).map(str.capitalize)


@settings(max_examples=30, deadline=None)
@given(
    SURNAME,
    st.sampled_from(("Chez ", "Pour sa première collection chez ", "Il a fait entrer la couleur chez ")),
    st.sampled_from((", Jonathan Anderson a signé un défilé.", ".", ", avenue George-V, dans les salons.")),
)
def test_a_surname_ending_its_clause_after_chez_is_the_persons_house(surname, before, after):
    """'Chez Dior, Jonathan Anderson a signé...' beside 'les tailleurs de Christian Dior'."""
    text = f"Les tailleurs de Christian {surname} sont connus. {before}{surname}{after}"
    names = [(f"Christian {surname}", "PER"), (surname, "PER")]
    if after.startswith(", Jonathan"):
        names.append(("Jonathan Anderson", "PER"))
    types = typed(text, *names)
    assert types[f"Christian {surname}"] == "PER"
    assert types[surname] == "ORG"


@pytest.mark.parametrize(
    "text, names, expected",
    [
        # the group named by its head noun, the person by her function: each its own type
        (
            "Le groupe Legrand ferme son usine. Nathalie Legrand, déléguée syndicale, le déplore.",
            [("Legrand", "ORG"), ("Nathalie Legrand", "PER")],
            {"Legrand": "ORG", "Nathalie Legrand": "PER"},
        ),
        # the model reads the bare name as an organisation twice: the publisher, not its head
        (
            "En six ans, Gallimard a obtenu quatre prix. « Gallimard publie les bons livres », a dit Antoine Gallimard.",
            [("Gallimard", "ORG"), ("Gallimard", "ORG"), ("Antoine Gallimard", "PER")],
            {"Gallimard": "ORG", "Antoine Gallimard": "PER"},
        ),
        # the house of a family of several persons: its own entity, beside their homonym
        (
            "Chez Bolloré, la transmission est engagée. Vincent Bolloré a cédé la place à Cyrille Bolloré.",
            [("Bolloré", "PER"), ("Vincent Bolloré", "PER"), ("Cyrille Bolloré", "PER")],
            {"Bolloré": "ORG", "Vincent Bolloré": "PER", "Cyrille Bolloré": "PER"},
        ),
    ],
)
def test_a_surname_read_as_an_organisation_is_the_house(text, names, expected):
    assert typed(text, *names) == expected


@pytest.mark.parametrize(
    "text, names",
    [
        # after 'chez', more words: the person whose manner is spoken of
        (
            "Caspar Diethelm a écrit un quatuor. On retrouve chez Diethelm la sincérité des débuts.",
            [("Caspar Diethelm", "PER"), ("Diethelm", "PER")],
        ),
        # the model's organisation label once: a guess
        (
            "Johan de Muynck attaque. Dans la descente, de Muynck se détache.",
            [("Johan de Muynck", "PER"), ("Muynck", "ORG")],
        ),
        # twice, in a heading's capitals
        (
            "Magnus Carlsen est absent. CARLSEN, L'ABSENT. Tout le monde parle de CARLSEN.",
            [("Magnus Carlsen", "PER"), ("CARLSEN", "ORG"), ("CARLSEN", "ORG")],
        ),
        # no cue: the person
        ("Christian Dior est mort en 1957. Dior avait 52 ans.", [("Christian Dior", "PER"), ("Dior", "PER")]),
    ],
)
def test_a_surname_with_no_house_of_its_own_stays_the_persons(text, names):
    assert list(typed(text, *names)) == [names[0][0]]  # one entity: the person's, the surname among its names


def test_the_model_reading_a_family_as_an_organisation_makes_no_house():
    """Where several persons bear the surname, the bare name is the family's ('la famille
    Peugeot', 'les Peugeot'), which the model reads as an organisation too."""
    text = "Robert Peugeot et Édouard Peugeot dirigent. La famille Peugeot vote. Les Peugeot attendent."
    names = [("Robert Peugeot", "PER"), ("Édouard Peugeot", "PER"), ("Peugeot", "ORG"), ("Peugeot", "ORG")]
    assert "ORG" not in typed(text, *names).values()


def test_a_surname_alone_in_a_tables_cell_is_the_house_it_ranks():
    """A stock table's company, not the founder the text names ('Hermès' beside 'Thierry Hermès')."""
    text = "Son gérant descend du fondateur Thierry Hermès.\n\nGroupe\n\n2026\n\nLVMH\n\n58,8\n\nHermès\n\n11,9\n"
    names = [("Thierry Hermès", "PER"), ("LVMH", "ORG"), ("Hermès", "PER")]
    assert typed(text, *names) == {"Thierry Hermès": "PER", "LVMH": "ORG", "Hermès": "ORG"}


def test_a_surname_among_a_lines_words_in_a_table_stays_the_persons():
    """A match sheet's line of scorers is no cell of one name: 'Dembélé (61e, 88e)'."""
    text = "Ousmane Dembélé a marqué deux fois.\n\nButs\n\nBarcola (31e), Dembélé (61e, 88e)\n\nPossession\n\n64 %\n"
    names = [("Ousmane Dembélé", "PER"), ("Barcola", "PER"), ("Dembélé", "LOC")]
    assert typed(text, *names) == {"Ousmane Dembélé": "PER", "Barcola": "PER"}
