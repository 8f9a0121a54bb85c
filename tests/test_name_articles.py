"""A capitalised article the model put in a name's span at a sentence start (kbgen.name_edges,
kbgen.rereading.without_common_openings): it stays when it belongs to the name."""

from __future__ import annotations

import pytest
from conftest import one_span
from hypothesis import given
from hypothesis import strategies as st

from kbgen.lang import profile
from kbgen.name_edges import opens_with_names_article

FRENCH = profile("fr")


@pytest.mark.parametrize(
    "text, span, kept",
    [
        # one word after the article, never written after it in lower case: the article is the name's
        ("Les bus roulent.\n\nLe Creusot. Framatome recrute 200 soudeurs.", "Le Creusot", "Le Creusot"),
        ("Le mercato se termine. Le Havre fait caisse au Havre AC.", "Le Havre", "Le Havre"),
        # the text writes it in lower case: a determiner
        ("Il a plu. Le Havre a gagné. Il aime le Havre.", "Le Havre", "Havre"),
        # a common noun after it opens words that name something else
        ("Il a plu. Le Stade rennais a gagné dimanche.", "Le Stade rennais", "Stade rennais"),
    ],
)
def test_an_article_opening_a_sentence_stays_when_it_belongs_to_the_name(french_nlp, text, span, kept):
    from kbgen.rereading import without_common_openings

    norms, spans = one_span(text, span, "LOC")
    [found] = without_common_openings(norms, spans, french_nlp, FRENCH)
    assert [norms[0].text[s:e] for s, e, _ in found] == [kept]


WORD = st.from_regex(r"[A-Z][a-z]{3,9}", fullmatch=True)


@given(word=WORD, article=st.sampled_from(["Le", "La", "Les"]), lowered=st.booleans())
def test_one_word_after_an_article_is_the_name_unless_the_text_writes_it_after_a_lowercase_one(word, article, lowered):
    text = f"Il a plu. {article} {word} a gagné." + (f" Il aime {article.lower()} {word}." if lowered else "")
    start = text.index(article + " ")
    owned = opens_with_names_article(text, start, start + len(article) + 1 + len(word), FRENCH, frozenset())
    assert owned == (not lowered and word.lower() not in FRENCH.rules.org_heads | FRENCH.rules.generic_words)


def test_a_title_after_the_article_is_no_name_and_a_common_noun_opens_words_that_name_something_else():
    text = "Il a plu. Le Président a parlé. Le Stade rennais a gagné."
    assert not opens_with_names_article(text, 10, 22, FRENCH, frozenset())
    start = text.index("Le Stade")
    assert not opens_with_names_article(text, start, start + 16, FRENCH, frozenset({"stade"}))
    assert opens_with_names_article(text, start, start + 16, FRENCH, frozenset())
