"""The name of an entity some of whose mentions keep a capitalised article (kbgen.resolve,
kbgen.article_names): 'Le Havre' even where 'du Havre' is written more, not 'la Russie', nor
an article only ever written opening a sentence."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kbgen.article_names import Candidate, owned, owns_article
from kbgen.articles import Article
from kbgen.extract import Mention
from kbgen.lang import plain_forms, profile
from kbgen.resolve import resolve

FRENCH = profile("fr")


def article(slug: str, text: str) -> Article:
    return Article(slug, None, slug, None, "fr", None, text, text)


def mentions(art: Article, name: str, label: str = "LOC") -> list[Mention]:
    found, start = [], art.text.find(name)
    while start != -1:
        found.append(Mention(art.slug, start, start + len(name), name, label))
        start = art.text.find(name, start + len(name))
    return found


def names(texts_and_forms) -> dict[str, tuple[str, ...]]:
    arts = [article(str(i), text) for i, (text, _) in enumerate(texts_and_forms)]
    found = [m for art, (_, forms) in zip(arts, texts_and_forms) for form in forms for m in mentions(art, form)]
    return {e.name: e.aliases for e in resolve(found, arts, language=FRENCH).entities}


def test_the_name_keeps_an_article_it_owns_though_contracted_more_often():
    found = names(
        [
            ("Le maire du Havre, au Havre, parle du Havre.", ["Havre"]),
            ("Il habite à Lyon. Selon lui, Le Havre attire.", ["Le Havre"]),
        ]
    )
    assert found == {"Le Havre": ("Havre",)}


def test_an_article_the_corpus_writes_in_lower_case_before_the_name_is_a_determiner():
    found = names(
        [
            ("Il parle de la Russie et de Russie.", ["Russie"]),
            ("Il a dit que La Russie gagnera.", ["La Russie"]),
        ]
    )
    assert found == {"Russie": ("La Russie",)}


def test_an_article_written_only_where_a_sentence_opens_says_nothing():
    found = names(
        [
            ("Le maire du Havre parle du Havre.", ["Havre"]),
            ("Il pleut.\nLe Havre attire.", ["Le Havre"]),
        ]
    )
    assert found == {"Havre": ("Le Havre",)}


def test_owns_article_reads_elided_articles_and_needs_a_bare_form():
    text = "Il travaille chez L'Oréal."
    oreal = Mention("a", text.index("L'"), len(text) - 1, "L'Oréal", "ORG")
    assert owns_article("l ", [oreal], ["Oréal"], {"a": text}, FRENCH)
    europe = "Il parle de l'Europe. Il vit chez L'Europe."
    written = Mention("a", europe.index("L'E"), len(europe) - 1, "L'Europe", "LOC")
    assert not owns_article("l ", [written], ["Europe"], {"a": europe}, FRENCH)
    assert not owns_article("le ", [oreal], [], {"a": text}, FRENCH)


def _one_scan_per_candidate(candidate: Candidate, texts: dict[str, str]) -> bool:
    """What owned() says of one candidate, the plain way: a search of each text for it alone."""
    lowered = candidate.article.replace(" ", "'") if len(candidate.article.strip()) == 1 else candidate.article
    forms = "|".join(map(re.escape, sorted(candidate.bare_forms)))
    pattern = re.compile(rf"(?<!\w){re.escape(lowered)}\s*(?:{forms})(?!\w)")
    return not any(pattern.search(plain_forms(text)) for text in texts.values())


_WORDS = ["le ", "la ", "les ", "l'", "l’", "Le ", "du ", " ", ", ", ".\n", "Mans", "Mans Sarthe", "Russie", "Mansart"]
_FORMS = ["Mans", "Mans Sarthe", "Russie", "Oréal", "Sarthe"]


@settings(max_examples=200, deadline=None)
@given(
    texts=st.lists(st.lists(st.sampled_from(_WORDS), max_size=12).map("".join), max_size=4),
    candidates=st.lists(
        st.builds(
            Candidate,
            st.sampled_from(["le ", "la ", "les ", "l "]),
            st.frozensets(st.sampled_from(_FORMS), max_size=3),
        ),
        max_size=5,
    ),
)
@example(  # a shorter form written inside a longer one
    texts=["à la Mans Sarthe"],
    candidates=[Candidate("la ", frozenset({"Mans"})), Candidate("la ", frozenset({"Mans Sarthe"}))],
)
@example(texts=["l’Oréal"], candidates=[Candidate("l ", frozenset({"Oréal"}))])  # a typographic apostrophe
def test_owned_reads_the_corpus_once_and_says_what_a_scan_per_name_says(texts, candidates):
    corpus = {str(i): text for i, text in enumerate(texts)}
    expected = {c for c in candidates if c.bare_forms and _one_scan_per_candidate(c, corpus)}
    assert owned(candidates, corpus) == expected
