"""Stage 3: mentions across the corpus become entities (aliases merged, one type, stable slugs)."""

from __future__ import annotations

from kbgen.articles import Article
from kbgen.extract import Mention
from kbgen.lang import profile
from kbgen.resolve import fold
from kbgen.resolve import resolve as resolve_all


def resolve(mentions, articles, curation=None):
    return resolve_all(mentions, articles, curation, language=profile("fr")).entities


def article(slug: str, text: str) -> Article:
    return Article(slug, None, slug, None, "fr", None, text, text)


def mentions_of(art: Article, *names: tuple[str, str]) -> list[Mention]:
    """Mentions of each (name, label) at its first occurrence after the previous one."""
    found, cursor = [], 0
    for name, label in names:
        start = art.text.index(name, cursor)
        found.append(Mention(art.slug, start, start + len(name), name, label))
        cursor = start + len(name)
    return found


def by_name(entities):
    return {e.name: e for e in entities}


def test_surname_joins_the_full_name_and_type_follows_the_majority():
    a = article("a", "Mark Rutte parle. Rutte insiste. Rutte conclut.")
    entities = resolve(mentions_of(a, ("Mark Rutte", "PER"), ("Rutte", "PER"), ("Rutte", "LOC")), [a])
    [rutte] = entities
    assert (rutte.name, rutte.type, rutte.aliases, len(rutte.mentions)) == ("Mark Rutte", "PER", ("Rutte",), 3)
    assert rutte.slug == "mark-rutte"


def test_shared_surname_is_decided_by_the_article_and_never_guessed():
    a = article("a", "Marie Dupont arrive. Dupont parle.")
    b = article("b", "Jean Dupont arrive. Dupont parle.")
    c = article("c", "Dupont, sans prénom.")
    mentions = (
        mentions_of(a, ("Marie Dupont", "PER"), ("Dupont", "PER"))
        + mentions_of(b, ("Jean Dupont", "PER"), ("Dupont", "PER"))
        + mentions_of(c, ("Dupont", "PER"))
    )
    entities = by_name(resolve(mentions, [a, b, c]))
    assert [m.article for m in entities["Marie Dupont"].mentions] == ["a", "a"]
    assert [m.article for m in entities["Jean Dupont"].mentions] == ["b", "b"]
    assert [m.article for m in entities["Dupont"].mentions] == ["c"]  # ambiguous: stays apart


def test_capitalised_article_and_case_or_accent_variants_are_one_entity():
    a = article("a", "La Russie et la Russie. Les Etats-Unis et les États-Unis. OTAN.")
    mentions = mentions_of(a, ("La Russie", "LOC"), ("Russie", "LOC"), ("Etats-Unis", "LOC"), ("États-Unis", "LOC"))
    entities = by_name(resolve(mentions, [a]))
    assert set(entities) == {"Russie", "États-Unis"}
    assert entities["États-Unis"].aliases == ("Etats-Unis",)
    assert len(entities["Russie"].mentions) == 2


def test_missed_occurrences_of_a_known_name_are_linked():
    a = article("a", "L’OTAN se réunit. Le chef de l’OTAN parle. OTANIEN n’est pas un mot.")
    [otan] = resolve(mentions_of(a, ("OTAN", "ORG")), [a])
    assert [a.text[m.start : m.end] for m in otan.mentions] == ["OTAN", "OTAN"]  # not inside 'OTANIEN'


def test_slugs_are_unique_and_stable():
    a = article("a", "AT&T et AT T ne sont pas le même nom.")
    entities = resolve(mentions_of(a, ("AT&T", "ORG"), ("AT T", "ORG")), [a])
    assert sorted(e.slug for e in entities) == ["at-t", "at-t-2"]
    assert resolve(mentions_of(a, ("AT&T", "ORG"), ("AT T", "ORG")), [a]) == entities


def test_fold():
    assert fold("États-Unis") == fold("etats unis") == "etats unis"
    assert fold("l’OTAN") == fold("l'otan")
