"""An acronym in brackets that the text defines right after a name is a mention of that name."""

from __future__ import annotations

from conftest import spans_of

from kbgen.articles import Article
from kbgen.bracket_acronyms import with_bracket_acronyms, with_bracket_expansions
from kbgen.extract import Mention
from kbgen.lang import profile
from kbgen.resolve import resolve

STOP_WORDS = profile("fr").stop_words()


def test_the_acronym_after_its_name_is_found_with_the_names_label():
    text = "La Direction générale de l'armement (DGA) doit livrer d'ici juin un premier bilan."
    spans = spans_of(text, ("Direction générale de l'armement", "ORG"))
    start = text.index("DGA")
    assert with_bracket_acronyms(text, spans) == [*spans, (start, start + 3, "ORG")]


def test_brackets_that_are_no_acronym_of_the_name_or_follow_a_person_add_nothing():
    for text, name, label in [
        ("L'Union nationale lycéenne (PDG) appelle à la grève.", "Union nationale lycéenne", "ORG"),
        ("L'Union nationale lycéenne (unl) appelle à la grève.", "Union nationale lycéenne", "ORG"),
        ("Jean Dupont (JD) a parlé hier.", "Jean Dupont", "PER"),
        ("Le maire de Lyon (LY) a parlé hier.", "Lyon", "LOC"),
    ]:
        spans = spans_of(text, (name, label))
        assert with_bracket_acronyms(text, spans) == spans


def test_an_acronym_the_model_found_stays_as_it_is():
    text = "à l'appel de l'Union nationale lycéenne (UNL)."
    spans = spans_of(text, ("Union nationale lycéenne", "ORG"), ("UNL", "MISC"))
    assert with_bracket_acronyms(text, spans) == spans


def test_the_acronym_found_so_joins_its_expansions_entity():
    text = "Direction départementale de la protection des populations (DDPP). Elle a fermé le site."
    spans = with_bracket_acronyms(
        text, spans_of(text, ("Direction départementale de la protection des populations", "ORG"))
    )
    article = Article("a", None, "a", None, "fr", None, text, text)
    mentions = [Mention("a", start, end, text[start:end], label) for start, end, label in spans]
    (entity,) = resolve(mentions, [article], language=profile("fr")).entities
    assert {m.text for m in entity.mentions} == {"Direction départementale de la protection des populations", "DDPP"}


def test_extraction_gives_the_acronym_the_model_left_out(french_nlp):
    from kbgen.extract import extract

    text = "La Direction générale de l'armement (DGA) doit livrer d'ici juin un premier bilan du char."
    article = Article("a", None, "a", None, "fr", None, text, text)
    found = {(m.text, m.label) for m in extract([article], french_nlp).mentions}
    assert ("DGA", "ORG") in found


def test_the_expansion_before_an_acronym_in_brackets_is_found_as_an_organisation():
    text = "Le lotissement est suspendu, et la direction régionale des affaires culturelles (Drac) a été saisie."
    spans = spans_of(text, ("Drac", "LOC"))
    start = text.index("direction")
    expansion = (start, start + len("direction régionale des affaires culturelles"), "ORG")
    assert with_bracket_expansions(text, spans, STOP_WORDS) == [expansion, *spans]


def test_the_expansion_starts_at_its_first_word_not_at_a_function_word():
    text = "Le service départemental d'incendie et de secours (SDIS 83) a prépositionné 450 sapeurs."
    spans = spans_of(text, ("SDIS 83", "MISC"))
    found = with_bracket_expansions(text, spans, STOP_WORDS)
    assert [text[s:e] for s, e, _ in found] == ["service départemental d'incendie et de secours", "SDIS 83"]
    assert found[0][2] == "MISC"  # the acronym's label, no place or person to correct


def test_no_expansion_where_the_words_before_do_not_spell_the_acronym_or_a_name_is_found():
    for text, names in [
        ("Il habite à Vannes (Morbihan) depuis dix ans.", [("Vannes", "LOC"), ("Morbihan", "LOC")]),
        ("Il parle de la Confédération paysanne (CP) hier.", [("Confédération paysanne", "ORG"), ("CP", "ORG")]),
        ("Il répond à la ville de Rennes (DR) ce matin.", [("Rennes", "LOC"), ("DR", "ORG")]),
    ]:
        spans = spans_of(text, *names)
        assert with_bracket_expansions(text, spans, STOP_WORDS) == spans


def test_extraction_gives_the_expansion_the_model_left_out(french_nlp):
    from kbgen.extract import extract

    text = "Le service départemental d'incendie et de secours (SDIS 83) a prépositionné 450 sapeurs-pompiers."
    article = Article("a", None, "a", None, "fr", None, text, text)
    found = {m.text for m in extract([article], french_nlp).mentions}
    assert "service départemental d'incendie et de secours" in found
