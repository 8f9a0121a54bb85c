"""Names that begin with an article ('Le Havre', 'Le Mans', 'Le Bourget'): the text writing the
name after that article contracted with a preposition ('du Havre', 'au Mans') says the article
is the name's, even at a sentence start where a capital says nothing (kbgen.spans.owns_article);
those contracted mentions are named with it (kbgen.resolve) and are no person's
(kbgen.entity_types). 'Le président', 'Le Japon' beside 'le Japon' and a name never contracted
keep losing the article."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kbgen.articles import Article
from kbgen.extract import Mention
from kbgen.lang import profile
from kbgen.resolve import resolve
from kbgen.spans import owns_article

FR = profile("fr")
TOWNS = ["Havre", "Mans", "Bourget", "Creusot", "Touquet", "Puy-en-Velay"]


def owned(text: str, name: str) -> bool:
    return owns_article(text, text.index(name), FR, text.index(name) + len(name))


@given(st.sampled_from(TOWNS), st.sampled_from(["au", "du", "Au", "Du"]), st.sampled_from([". ", "\n", " - "]))
def test_a_sentence_start_keeps_the_article_the_text_contracts(town, contraction, opening):
    text = f"Le port a fermé{opening}Le {town}, Rouen et Paris attendent. On travaille {contraction} {town} depuis mai."
    assert owned(text, f"Le {town}")


@pytest.mark.parametrize(
    "text",
    [
        "Le Japon a voté. Le sommet a eu lieu au Japon, où le Japon accueille ses voisins.",  # 'le Japon'
        "Le Japon a voté. Il part de Tokyo pour Osaka.",  # never contracted
        "Le Japon a voté. On parle des Japonais au Japonais.",  # another word
        "La Russie a voté. Il vit en Russie.",  # 'la' contracts with nothing
        "Le Gouvernement a voté. Il siège au Gouvernement depuis mai.",  # an institution's head
        "Le Conservatoire d'Évreux a voté. Il joue au Conservatoire d'Évreux.",  # a head and its place
    ],
)
def test_an_article_the_text_writes_in_lower_case_or_never_contracts_is_not_the_names(text):
    assert not owned(text, text.split(" a voté")[0])


def article(slug: str, text: str) -> Article:
    return Article(slug, None, slug, None, "fr", None, text, text)


def mention(art: Article, name: str, label: str, after: int = 0) -> Mention:
    start = art.text.index(name, after)
    return Mention(art.slug, start, start + len(name), name, label)


@pytest.mark.parametrize("label", ["PER", "LOC", "MISC"])
def test_contracted_mentions_take_the_article_and_no_person_is_made_of_them(label):
    a = article("a", "Le Bourget (AFP) - Un terminal a ouvert lundi au Bourget, près du Bourget de Dugny.")
    mentions = [mention(a, "Le Bourget", label), mention(a, "Bourget", "LOC", 20), mention(a, "Bourget", "LOC", 60)]
    [entity] = resolve(mentions, [a], language=FR).entities
    assert (entity.name, entity.type, entity.aliases) == ("Le Bourget", "LOC", ())
    assert [a.text[m.start : m.end] for m in entity.mentions] == ["Le Bourget", "Bourget", "Bourget"]


def test_a_bare_name_not_after_a_contraction_keeps_its_form_and_a_person_stays_one():
    a = article("a", "Le Havre, Rouen et Paris. Le maire du Havre parle. Havre-Caumartin est une station.")
    b = article("b", "Marine Le Pen parle. Le Pen répond. Le Pen insiste.")
    mentions = [
        mention(a, "Le Havre", "LOC"),
        mention(a, "Havre", "LOC", 30),
        mention(b, "Marine Le Pen", "PER"),
        mention(b, "Le Pen", "PER", 15),
        mention(b, "Le Pen", "PER", 30),
    ]
    entities = {e.name: e for e in resolve(mentions, [a, b], language=FR).entities}
    assert entities["Le Havre"].type == "LOC"
    assert entities["Marine Le Pen"].type == "PER"


@pytest.fixture(scope="module")
def french_nlp():
    from kbgen.extract import load_pipeline

    return load_pipeline("fr_core_news_sm")


@pytest.mark.parametrize(
    "text, span, kept",
    [
        ("Il a parlé du port. Le Havre, Rouen et Paris partagent un axe. Le maire du Havre parle.", "Le Havre", True),
        ("Le Mans est un choix naturel. L'usine sera au sud du Mans.", "Le Mans", True),
        ("Il a parlé du port. Le Japon a voté. Il vit au Japon, où le Japon vote.", "Le Japon", False),
    ],
)
def test_the_determiner_opening_a_sentence_stays_when_the_text_contracts_it(french_nlp, text, span, kept):
    from kbgen.extract import normalise
    from kbgen.rereading import without_common_openings

    norm = normalise(text)
    start = norm.text.index(span)
    [[(found, end, _)]] = without_common_openings([norm], [[(start, start + len(span), "LOC")]], french_nlp, FR)
    assert norm.text[found:end] == (span if kept else span.split(" ", 1)[1])
