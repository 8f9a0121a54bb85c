"""A bare name its mentions read as a place is no person's surname (kbgen.place_surnames)."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kbgen.articles import Article
from kbgen.extract import Mention
from kbgen.lang import profile
from kbgen.place_surnames import _origin_tails
from kbgen.resolve import resolve


def article(text: str) -> Article:
    return Article("a", None, "a", None, "fr", None, text, text)


def entities(text: str, *names: tuple[str, str]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each entity's name -> its type and aliases, the mentions being each (name, label) at its
    first occurrence after the previous one."""
    art, found, cursor = article(text), [], 0
    for name, label in names:
        start = text.index(name, cursor)
        found.append(Mention(art.slug, start, start + len(name), name, label))
        cursor = start + len(name)
    resolution = resolve(found, [art], language=profile("fr"))
    return {e.name: (e.type, e.aliases) for e in resolution.entities}


def assert_place_kept_apart(text: str, names: tuple[tuple[str, str], ...], place: str) -> None:
    """The person of `names` has no alias, and `place` is a place of its own."""
    found = entities(text, *names)
    person = next(name for name, label in names if label == "PER")
    assert found[person] == ("PER", ())
    assert found[place][0] == "LOC"


def assert_surname_of(text: str, names: tuple[tuple[str, str], ...], person: str) -> None:
    """The bare surname of `person` is one of its names, no entity of its own."""
    found = entities(text, *names)
    surname = person.split()[-1]
    assert found[person][1] == (surname,)
    assert surname not in found


@pytest.mark.parametrize(
    ("text", "names", "place"),
    [
        # a place's preposition: the town the person is named like
        (
            "Elle est née à Hayange en 1974. Vincent Hayange, son ami, porte le nom de la ville.",
            (("Hayange", "LOC"), ("Vincent Hayange", "PER")),
            "Hayange",
        ),
        # an article: a court, not the man it is named after
        (
            "L'Équipe titre sur le miracle du Chatrier. Il a gagné sur le court Philippe-Chatrier.",
            (("Chatrier", "LOC"), ("Philippe-Chatrier", "PER")),
            "Chatrier",
        ),
        # the person's name says 'of Bouillon', the mention does not: the town
        (
            "À vingt kilomètres de Sedan, Bouillon et son château de Godefroy de Bouillon attirent.",
            (("Bouillon", "LOC"), ("Godefroy de Bouillon", "PER")),
            "Bouillon",
        ),
        # a dateline: the place the article is written from, not the radio named after it
        (
            "La Rochelle - Le port a signé mardi un accord.\n\nInterrogé par France Bleu La Rochelle, il parle.",
            (("La Rochelle", "LOC"), ("France Bleu La Rochelle", "PER")),
            "La Rochelle",
        ),
    ],
)
def test_a_name_read_as_a_place_stays_apart_from_the_person_it_names(text, names, place):
    found = entities(text, *names)
    person = next(name for name, label in names if label == "PER")
    assert found[person][1] == ()
    assert found[place][0] == "LOC"


@pytest.mark.parametrize(
    ("text", "names", "person"),
    [
        # 'à' before a person too: one such mention among those read as a person's
        (
            "Emmanuel Macron parle. Macron insiste. Le maire a répondu à Macron. Macron conclut.",
            (("Emmanuel Macron", "PER"), ("Macron", "PER"), ("Macron", "LOC"), ("Macron", "PER")),
            "Emmanuel Macron",
        ),
        # the bare preposition of origin also says whose a thing is
        (
            "Ludovic Blas marque. Double changement : entrée de Blas à l'heure de jeu.",
            (("Ludovic Blas", "PER"), ("Blas", "LOC")),
            "Ludovic Blas",
        ),
        # a particle kept is the surname's own: the family, not the place
        (
            "Joseph de Mont écrit. La généalogie des de Mont remonte loin.",
            (("Joseph de Mont", "PER"), ("Mont", "LOC")),
            "Joseph de Mont",
        ),
        # a place's label alone, in a results list, says nothing
        (
            "Baptiste Rouergue gagne. CLASSEMENT FINAL\n\n1. Rouergue / Julie Sabatier",
            (("Baptiste Rouergue", "PER"), ("Rouergue", "LOC")),
            "Baptiste Rouergue",
        ),
        # a result's country in brackets, with no dateline's dash after it
        (
            'Abraham Olano gagne.\nOlano (Esp) 47\'07", Mauri à 41".',
            (("Abraham Olano", "PER"), ("Olano", "LOC")),
            "Abraham Olano",
        ),
        # a spaced dash inside a line: a team sheet's, no dateline
        (
            "Marco Bizot garde la cage.\nBrest : Bizot - Lala, Chardonnet.",
            (("Marco Bizot", "PER"), ("Bizot", "LOC")),
            "Marco Bizot",
        ),
    ],
)
def test_a_surname_the_model_reads_as_a_place_without_a_places_words_goes_to_its_person(text, names, person):
    found = entities(text, *names)
    surname = person.split()[-1]
    assert found[person][1] == (surname,)
    assert surname not in found


FRENCH = profile("fr").rules
WORDS = st.sampled_from(["de", "d", "du", "la", "bouillon", "mont", "x"])


@given(st.lists(st.lists(WORDS, min_size=1, max_size=5).map(" ".join), max_size=6), st.lists(WORDS, max_size=3))
@example(["la de x de mont"], ["mont"])
def test_the_names_written_after_a_preposition_of_origin_are_read_once_as_a_scan_would(people, written):
    """What a person's name writes after 'de' (read once per bare name) is what a scan of every
    name for every mention finds: 'bouillon' of 'godefroy de bouillon', 'mont' of 'la de x de mont'."""
    mention = " ".join(written)
    scanned = any(f" {p}".endswith(f" {w} {mention}") for p in people for w in FRENCH.origin_prepositions)
    assert (mention in _origin_tails(people, FRENCH)) == scanned
