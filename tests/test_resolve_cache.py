"""Resolve's cache of the words around each mention (kbgen.context_cache): a warm cache gives the
resolution no cache gives, an edited article is read again, and the cache keeps no row of an
article no longer built."""

from __future__ import annotations

import pytest
from conftest import write

import kbgen.entity_types as entity_types
from kbgen.articles import Article
from kbgen.cache import ContextCache
from kbgen.context_cache import RememberedContexts
from kbgen.extract import Mention
from kbgen.lang import profile
from kbgen.project import Project
from kbgen.resolve import resolve


def article(slug: str, text: str) -> Article:
    return Article(slug, None, slug, None, "fr", None, text, text)


def mention(art: Article, name: str, label: str, title: str = "") -> Mention:
    start = art.text.index(name)
    return Mention(art.slug, start, start + len(name), name, label, title)


CORPUS = [
    article("a", "La ministre Marie Dupont arrive. Dupont parle. La société Vinci Autoroutes répond."),
    article("b", "Jean Dupont arrive à Lyon, selon Mediapart. M. Dupont parle."),
    article("c", "Les opérateurs de trottinettes Lime et Bird quittent Paris."),
]
NAMES = {
    "a": [("Marie Dupont", "PER", "La ministre"), ("Dupont", "PER", ""), ("Vinci Autoroutes", "PER", "")],
    "b": [("Jean Dupont", "PER", ""), ("Lyon", "LOC", ""), ("Mediapart", "LOC", ""), ("M. Dupont", "PER", "")],
    "c": [("Lime", "PER", ""), ("Bird", "LOC", ""), ("Paris", "LOC", "")],
}


def mentions_of(articles: list[Article]) -> list[Mention]:
    return [mention(a, *name) for a in articles for name in NAMES.get(a.slug, ())]


@pytest.fixture
def project(tmp_path) -> Project:
    write(tmp_path / "kbgen.yml", "title: Essai\nlang: fr\n")
    return Project.load(tmp_path)


@pytest.fixture
def reads(monkeypatch) -> list[Mention]:
    """The mentions whose words are read (not taken from the cache)."""
    read: list[Mention] = []
    real = entity_types._context
    monkeypatch.setattr(entity_types, "_context", lambda m, texts, rules: read.append(m) or real(m, texts, rules))
    return read


def cached_resolve(project: Project, articles: list[Article], mentions: list[Mention] | None = None):
    with RememberedContexts(project, articles) as known:
        mentions = mentions_of(articles) if mentions is None else mentions
        return resolve(mentions, articles, language=profile("fr"), contexts=known.contexts)


def test_a_warm_cache_gives_the_resolution_no_cache_gives_and_reads_nothing(project, reads):
    plain = resolve(mentions_of(CORPUS), CORPUS, language=profile("fr"))
    cold = cached_resolve(project, CORPUS)
    assert reads
    reads.clear()
    warm = cached_resolve(project, CORPUS)
    assert reads == []
    assert plain == cold == warm
    assert {e.name: e.type for e in warm.entities}["Vinci Autoroutes"] == "ORG"


def test_an_edited_article_is_read_again_whatever_its_mentions(project, reads):
    """The same mention at the same offsets, the word before it edited: its type follows the new text."""
    company = article("d", "Hier la société Girard répond.")
    deputy = article("d", "Hier la députée Girard répond.")
    assert mention(company, "Girard", "PER") == mention(deputy, "Girard", "PER")
    before = cached_resolve(project, [company], [mention(company, "Girard", "PER")])
    after = cached_resolve(project, [deputy], [mention(deputy, "Girard", "PER")])
    assert [e.type for e in before.entities] == ["ORG"] and [e.type for e in after.entities] == ["PER"]
    assert after == resolve([mention(deputy, "Girard", "PER")], [deputy], language=profile("fr"))


def test_a_mention_the_cache_lacks_is_read_and_one_no_longer_used_is_dropped(project, reads):
    fewer = [m for m in mentions_of(CORPUS) if m.text != "Bird"]
    expected = (
        resolve(fewer, CORPUS, language=profile("fr")),
        resolve(mentions_of(CORPUS), CORPUS, language=profile("fr")),
    )
    cached_resolve(project, CORPUS)
    reads.clear()
    assert cached_resolve(project, CORPUS, fewer) == expected[0]
    assert reads == []
    assert cached_resolve(project, CORPUS) == expected[1]
    assert [m.text for m in reads] == ["Bird"]  # its entry was dropped with the row written again


def test_the_cache_keeps_one_row_for_each_article_of_the_last_resolve(project):
    cached_resolve(project, CORPUS)
    cached_resolve(project, [CORPUS[0], article("b", CORPUS[1].text + " Fin.")])  # c deleted, b edited
    cache = ContextCache(project.context_cache)
    try:
        assert len(cache.keys()) == 2
    finally:
        cache.close()


def test_a_resolve_that_fails_keeps_nothing(project):
    with pytest.raises(ZeroDivisionError), RememberedContexts(project, CORPUS) as known:
        resolve(mentions_of(CORPUS), CORPUS, language=profile("fr"), contexts=known.contexts)
        raise ZeroDivisionError
    cache = ContextCache(project.context_cache)
    try:
        assert cache.keys() == set()
    finally:
        cache.close()
