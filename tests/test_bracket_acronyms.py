"""An acronym in brackets that the text defines right after a name is a mention of that name."""

from __future__ import annotations

from conftest import spans_of

from kbgen.articles import Article
from kbgen.bracket_acronyms import with_bracket_acronyms
from kbgen.extract import Mention
from kbgen.lang import profile
from kbgen.resolve import resolve


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
