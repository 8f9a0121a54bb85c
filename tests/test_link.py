"""Stage 4a: cross-references: citations in their sentence, co-mentions ranked, articles by date."""

from __future__ import annotations

from datetime import date

from kbgen.articles import Article
from kbgen.extract import Mention
from kbgen.link import link
from kbgen.resolve import Entity


def art(slug, text, when=None):
    return Article(slug, None, slug.upper(), when, "fr", None, text, text)


def mention(a: Article, name: str, label: str) -> Mention:
    start = a.text.index(name)
    return Mention(a.slug, start, start + len(name), name, label)


def test_citations_co_mentions_and_order():
    old = art("old", "Lyon accueille Paris. Rien.", date(2020, 1, 1))
    new = art("new", "Lyon et Paris. Puis Genève.", date(2024, 5, 2))
    undated = art("undated", "Lyon seule.")
    lyon = Entity("lyon", "Lyon", "LOC", (), tuple(mention(a, "Lyon", "LOC") for a in (old, new, undated)))
    paris = Entity("paris", "Paris", "LOC", (), (mention(old, "Paris", "LOC"), mention(new, "Paris", "LOC")))
    geneve = Entity("geneve", "Genève", "LOC", (), (mention(new, "Genève", "LOC"),))
    sentences = {
        "old": ((0, 21), (22, 27)),
        "new": ((0, 14), (15, 27)),
        "undated": ((0, 11),),
    }
    kb = link([old, undated, new], [geneve, lyon, paris], sentences)
    assert [a.slug for a in kb.articles] == ["new", "old", "undated"]
    assert [(e.slug, n) for e, n in kb.co_mentions["lyon"]] == [("paris", 2), ("geneve", 1)]
    assert [c.article.slug for c in kb.citations["lyon"]] == ["new", "old", "undated"]
    [quote] = kb.citations["paris"][1].citations
    assert (quote.before, quote.name, quote.after) == ("Lyon accueille ", "Paris", ".")
    assert [e.slug for e in kb.entities_by_article["new"]] == ["lyon", "paris", "geneve"]


def test_long_sentences_are_quoted_around_the_mention_only():
    text = "mot " * 100 + "Lyon" + " fin" * 100
    a = art("a", text)
    lyon = Entity("lyon", "Lyon", "LOC", (), (mention(a, "Lyon", "LOC"),))
    kb = link([a], [lyon], {"a": ((0, len(text)),)})
    [quote] = kb.citations["lyon"][0].citations
    assert quote.before.startswith("…mot") and quote.before.endswith("mot ") and len(quote.before) <= 161
    assert quote.after.startswith(" fin") and quote.after.endswith("fin…") and len(quote.after) <= 161


def test_related_articles_and_co_mentions_rank_by_count_then_date_or_name():
    # Seven articles about Nantes; a, b, c also name Brest and Rennes, so they share most.
    dates = {
        "a": date(2021, 1, 1),
        "b": date(2023, 1, 1),
        "c": None,
        "d": date(2022, 1, 1),
        "e": date(2024, 1, 1),
        "f": date(2020, 1, 1),
        "g": date(2019, 1, 1),
    }
    articles = {
        slug: art(slug, "Nantes, Brest, Rennes." if slug in "abc" else "Nantes.", when) for slug, when in dates.items()
    }

    def named(name, slugs):
        return Entity(name.lower(), name, "LOC", (), tuple(mention(articles[s], name, "LOC") for s in slugs))

    entities = [named("Nantes", "abcdefg"), named("Rennes", "abc"), named("Brest", "abc")]
    kb = link(list(articles.values()), entities, {})
    related = [(a.slug, len(shared)) for a, shared in kb.related["a"]]
    # b then c share three entities (dated before undated); then the newest of the rest, five in all
    assert related == [("b", 3), ("c", 3), ("e", 1), ("d", 1), ("f", 1)]
    # each with the entities it shares, in order of first mention in the article
    assert [e.slug for e in kb.related["a"][0][1]] == ["nantes", "brest", "rennes"]
    assert [e.slug for e in kb.related["a"][2][1]] == ["nantes"]
    assert all(slug != "e" for slug, _ in [(a.slug, n) for a, n in kb.related["e"]])
    # Brest and Rennes are named with Nantes equally often: then by name
    assert [(e.slug, n) for e, n in kb.co_mentions["nantes"]] == [("brest", 3), ("rennes", 3)]
    assert [(e.slug, n) for e, n in kb.co_mentions["brest"]] == [("nantes", 3), ("rennes", 3)]
