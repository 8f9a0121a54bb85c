"""A name the text defines by an acronym in brackets is one name, whatever pieces of it the model found."""

from __future__ import annotations

from conftest import spans_of

from kbgen.expansion_pieces import with_expansions_whole
from kbgen.lang import profile

STOP_WORDS = profile("fr").stop_words()


def _span(text: str, name: str, label: str) -> tuple[int, int, str]:
    start = text.index(name)
    return (start, start + len(name), label)


def test_a_name_cut_before_the_words_its_acronym_names_is_made_whole():
    text = "le rapport de la Commission indépendante sur les abus sexuels dans l'Église (Ciase), présidée par M. Sauvé."
    spans = spans_of(text, ("Commission indépendante sur les abus", "ORG"), ("Église", "MISC"), ("Ciase", "ORG"))
    whole = _span(text, "Commission indépendante sur les abus sexuels dans l'Église", "ORG")
    assert with_expansions_whole(text, spans, STOP_WORDS) == sorted([whole, _span(text, "Ciase", "ORG")])


def test_an_institution_with_a_lowercase_head_keeps_its_place_as_a_name_of_its_own():
    text = "La direction interrégionale des services pénitentiaires de Bordeaux (DISP) a promis un abri."
    spans = spans_of(text, ("Bordeaux", "LOC"), ("DISP", "MISC"))
    whole = _span(text, "direction interrégionale des services pénitentiaires de Bordeaux", "ORG")
    assert with_expansions_whole(text, spans, STOP_WORDS) == sorted([whole, *spans])


def test_pieces_of_no_expansion_or_of_a_person_stay_as_they_are():
    for text, pieces in [
        ("Le sénateur Laurent Reynaud (LR) a voté contre.", [("Laurent Reynaud", "PER"), ("LR", "ORG")]),
        # the letters are no initials of the words before ('Parti socialiste' has no R)
        ("Le Parti socialiste (PRS) a voté contre.", [("Parti", "ORG")]),
        # a lowercase head with no article before it describes: 'un conseil ...'
        ("Il parle à un conseil régional de Bretagne (CRB) ce soir.", [("Bretagne", "LOC")]),
        # the model's span runs over the bracket's words: its reading stands
        ("Il a rejoint Air France Industries (AFI) hier.", [("Il a rejoint Air France Industries", "ORG")]),
        # the brackets hold a word in lower case, no acronym
        ("La Fondation Lune de Miel (fondée en 2001) aide.", [("Fondation Lune", "ORG"), ("Miel", "LOC")]),
    ]:
        spans = spans_of(text, *pieces)
        assert with_expansions_whole(text, spans, STOP_WORDS) == spans, text
