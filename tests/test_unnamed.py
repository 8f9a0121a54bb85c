"""A one-word "person" the corpus never names as one (kbgen.unnamed): a body or a place in an
article that names its persons in full; a person where anything says so."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kbgen.articles import Article
from kbgen.extract import Mention
from kbgen.lang import profile
from kbgen.resolve import resolve


def typed(texts: dict[str, str], *names: tuple[str, str, str]) -> dict[str, str]:
    """The type of each entity the (article, name, label) mentions give, each found at its first
    occurrence after the previous one in its article."""
    articles = [Article(slug, None, slug, None, "fr", None, t, t) for slug, t in texts.items()]
    mentions, cursor = [], dict.fromkeys(texts, 0)
    for slug, name, label in names:
        start = texts[slug].index(name, cursor[slug])
        mentions.append(Mention(slug, start, start + len(name), name, label))
        cursor[slug] = start + len(name)
    return {e.name: e.type for e in resolve(mentions, articles, language=profile("fr")).entities}


NAME = st.text("bcdfgklmnprstvz", min_size=3, max_size=7).map(lambda s: "X" + s.capitalize().lower())
FRAME = st.sampled_from(
    (
        "Marie Dupont a signé mardi un accord avec {x} pour dix ans. Paul Martin a salué le projet.",
        "Selon {x}, les travaux dureront deux ans, a dit Marie Dupont. Paul Martin reste prudent.",
        "Marie Dupont et Paul Martin ont quitté la salle.\n\n{x} recrute 200 soudeurs.",
    )
)


@settings(max_examples=25, deadline=None)
@given(NAME, FRAME)
def test_a_one_word_person_in_an_article_naming_its_persons_in_full_is_a_body(name, frame):
    text = frame.format(x=name)
    people = sorted(("Marie Dupont", "Paul Martin", name), key=text.index)
    found = typed({"a": text}, *[("a", who, "PER") for who in people])
    assert found == {"Marie Dupont": "PER", "Paul Martin": "PER", name: "ORG"}


@settings(max_examples=15, deadline=None)
@given(NAME, st.sampled_from(("en", "à")))
def test_after_a_place_s_preposition_it_is_a_place(name, preposition):
    text = f"Marie Dupont et Paul Martin sont arrivés {preposition} {name} lundi."
    found = typed({"a": text}, ("a", "Marie Dupont", "PER"), ("a", "Paul Martin", "PER"), ("a", name, "PER"))
    assert found[name] == "LOC"


@pytest.mark.parametrize(
    "texts, names",
    [
        # a title says it is a person
        ({"a": "Marie Dupont a reçu M. Xavrel. Paul Martin est venu."}, ["Marie Dupont", "Xavrel", "Paul Martin"]),
        # another article names the person in full
        (
            {"a": "Marie Dupont a écrit à Xavrel. Paul Martin aussi.", "b": "Luc Xavrel a répondu."},
            ["Marie Dupont", "Xavrel", "Paul Martin", "b:Luc Xavrel"],
        ),
        # a line-up, a list of candidates: persons beside persons, brackets between
        (
            {"a": "Marie Dupont, Paul Martin et Jean Roux ont vu jouer Xavrel (Lyon), Xobrin et Xuvan."},
            ["Marie Dupont", "Paul Martin", "Jean Roux", "Xavrel", "Xobrin", "Xuvan"],
        ),
        # a role and its actor in brackets
        (
            {"a": "Marie Dupont a vu le film. Ce frère, Xavrel (Paul Martin), revient au village."},
            ["Marie Dupont", "Xavrel", "Paul Martin"],
        ),
        # a text that names its persons by one word alone is written so
        (
            {"a": "Marie Dupont a reçu M. Xobrin, M. Xuvan et Mme Xelda. Xavrel a parlé ensuite."},
            ["Marie Dupont", "Xobrin", "Xuvan", "Xelda", "Xavrel"],
        ),
    ],
)
def test_a_person_by_anything_the_corpus_says_stays_a_person(texts, names):
    mentions = [(n.partition(":")[0], n.partition(":")[2], "PER") if ":" in n else ("a", n, "PER") for n in names]
    found = typed(texts, *mentions)
    assert [kind for name, kind in found.items() if name.endswith("Xavrel")] == ["PER"]
