"""Stage 4a: cross-references: citations in their sentence, co-mentions ranked, articles by date."""

from __future__ import annotations

import tracemalloc
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


def test_a_quote_is_cut_from_the_text_only_when_shown_and_keyed_by_what_it_shows():
    a = art("a", "Lyon accueille Paris. Rien.")
    paris = Entity("paris", "Paris", "LOC", (), (mention(a, "Paris", "LOC"),))
    [quote] = link([a], [paris], {"a": ((0, 21), (22, 27))}).citations["paris"][0].citations
    # render.PLAIN keys a quote by its repr(): all of what a page shows of it, and nothing else
    assert repr(quote) == "Citation(before='Lyon accueille ', name='Paris', after='.')"
    edited = art("a", "Lyon accueille Paris! Rien.")
    [other] = link([edited], [paris], {"a": ((0, 21), (22, 27))}).citations["paris"][0].citations
    assert repr(other) != repr(quote)


def _bytes_kept(make) -> tuple[object, int]:
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        made = make()
        return made, tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()


def test_the_knowledge_base_keeps_no_copy_of_the_quoted_text():
    # Half a million mentions at 10,000 articles: a copy of each quote's sentence (up to 320
    # characters) would be most of a build's memory; a mention costs its few references instead.
    sentence = "Au conseil municipal de la ville, " * 4 + "Lyon a voté le budget de l’année prochaine. "
    a = art("a", sentence * 2000)
    lyon = Entity("lyon", "Lyon", "LOC", (), tuple(Mention("a", i, i + 4, "Lyon", "LOC") for i in _found(a.text)))
    sentences = {"a": tuple((i, i + len(sentence) - 1) for i in range(0, len(a.text), len(sentence)))}
    kb, kept = _bytes_kept(lambda: link([a], [lyon], sentences))
    assert len(kb.citations["lyon"][0].citations) == 2000
    assert kept / 2000 < 200, kept / 2000


def _found(text: str) -> list[int]:
    return [i for i in range(len(text)) if text.startswith("Lyon", i)]


def test_co_mentions_keep_a_few_bytes_a_pair():
    # A pair for each two entities named together: many more than there are entities.
    text = " ".join(f"Ville{i}" for i in range(400))
    a = art("a", text)
    entities = [Entity(f"ville{i}", f"Ville{i}", "LOC", (), (mention(a, f"Ville{i} ", "LOC"),)) for i in range(399)]
    kb, kept = _bytes_kept(lambda: link([a], entities, {}))
    co = kb.co_mentions["ville0"]
    assert len(co) == 398 and co[0][1] == 1 and [e.slug for e, _ in co[:2]] == ["ville1", "ville10"]
    assert list(co)[:2] == list(co[:2]) and co[-1] == tuple(co)[-1]
    assert kept / (399 * 398) < 24, kept / (399 * 398)
