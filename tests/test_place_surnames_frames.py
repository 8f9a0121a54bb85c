"""A bare name read as a place by its frame: a common noun and 'de' after a definite article
('le village de Ventron'), or a list beside a place of several words ('Oger et Le
Mesnil-sur-Oger'); kbgen.place_surnames, kbgen.coordinated_places."""

from __future__ import annotations

import pytest

from tests.test_place_surnames import assert_place_kept_apart, assert_surname_of


@pytest.mark.parametrize(
    ("text", "names", "place"),
    [
        # a common noun with its article, then 'de': the village, not the spokeswoman
        (
            "Sa porte-parole, Agnès Ventron, parle. Le village de Ventron a renoncé à son téléski.",
            (("Agnès Ventron", "PER"), ("Ventron", "LOC")),
            "Ventron",
        ),
        # the same with a contracted article: the town's emergency ward, not the nurse
        (
            "La nuit des urgences de Commentry est fermée, dénonce Laurent Commentry, infirmier.",
            (("Commentry", "LOC"), ("Laurent Commentry", "PER")),
            "Commentry",
        ),
        # in a list beside a place of several words
        (
            "Avize, Cramant, Oger et Le Mesnil-sur-Oger sont touchés. Son directeur, Frédéric Oger, parle.",
            (("Cramant", "LOC"), ("Oger", "LOC"), ("Le Mesnil-sur-Oger", "LOC"), ("Frédéric Oger", "PER")),
            "Oger",
        ),
        (
            "Son directeur, Dominique Calvi, parle. Les liaisons vers Calvi et L'Île-Rousse restent hors délégation.",
            (("Dominique Calvi", "PER"), ("Calvi", "LOC"), ("L'Île-Rousse", "LOC")),
            "Calvi",
        ),
    ],
)
def test_a_name_in_a_places_frame_stays_apart_from_the_person_it_names(text, names, place):
    assert_place_kept_apart(text, names, place)


@pytest.mark.parametrize(
    ("text", "names", "person"),
    [
        # the same frame before a person's surname the model reads as a person
        (
            "Jannik Sinner gagne. Tout le monde pleurait, même les fans de Sinner.",
            (("Jannik Sinner", "PER"), ("Sinner", "PER")),
            "Jannik Sinner",
        ),
        # the frame, but the person's own name has the particle: his family
        (
            "Joseph Laurent de Mont écrit. La généalogie de la famille de Mont remonte loin.",
            (("Joseph Laurent de Mont", "PER"), ("Mont", "LOC")),
            "Joseph Laurent de Mont",
        ),
        # no article before the noun: whose entrance, not a place
        (
            "Ludovic Blas marque. Double changement : entrée de Blas à l'heure de jeu.",
            (("Ludovic Blas", "PER"), ("Blas", "LOC")),
            "Ludovic Blas",
        ),
        # a list beside names of one word the model reads as places: a team sheet
        (
            "Brendan Chardonnet joue. Brest : Bizot - Lala, Chardonnet, Coulibaly, Le Guen.",
            (("Brendan Chardonnet", "PER"), ("Lala", "LOC"), ("Chardonnet", "LOC"), ("Coulibaly", "LOC")),
            "Brendan Chardonnet",
        ),
        # a list beside a person of several words: cognac houses named after their founders
        (
            "Sylvie Martell parle. Les maisons Hennessy, Martell, Rémy Martin et Courvoisier vendent.",
            (("Sylvie Martell", "PER"), ("Hennessy", "LOC"), ("Martell", "LOC"), ("Rémy Martin", "PER")),
            "Sylvie Martell",
        ),
    ],
)
def test_a_surname_outside_a_places_frame_goes_to_its_person(text, names, person):
    assert_surname_of(text, names, person)
