"""A family's members named in one article: a bare first name is the one person of the article
with that first name (kbgen.first_names); a surname after a plural determiner or a number, in an
article naming several people of that name, is the family, not a person (kbgen.surnames)."""

from __future__ import annotations

from kbgen.articles import Article
from kbgen.extract import Mention
from kbgen.lang import profile
from kbgen.resolve import resolve


def article(slug: str, text: str) -> Article:
    return Article(slug, None, slug, None, "fr", None, text, text)


def mentions_of(art: Article, *names: str, label: str = "PER") -> list[Mention]:
    """A mention of each name at its first occurrence after the previous one."""
    found, cursor = [], 0
    for name in names:
        start = art.text.index(name, cursor)
        found.append(Mention(art.slug, start, start + len(name), name, label))
        cursor = start + len(name)
    return found


def resolved(mentions, articles):
    result = resolve(mentions, articles, language=profile("fr"))
    return {e.name: e for e in result.entities}, {h.name: h for h in result.homonyms}


BROTHERS = (
    "Les frères Martin, Hugo et Léo, ont gagné. Hugo Martin est premier, Léo Martin deuxième, Romain Martin troisième."
)


def test_a_bare_first_name_is_the_one_person_of_its_article_with_that_first_name():
    a = article("a", BROTHERS)
    names = ("Martin", "Hugo", "Léo", "Hugo Martin", "Léo Martin", "Romain Martin")
    entities, homonyms = resolved(mentions_of(a, *names), [a])
    assert {"Hugo", "Léo", "Martin"}.isdisjoint(entities)
    assert [m.text for m in entities["Hugo Martin"].mentions] == ["Hugo", "Hugo Martin"]
    assert [m.text for m in entities["Léo Martin"].mentions] == ["Léo", "Léo Martin"]
    assert all(not h.mentions for h in homonyms.values())  # 'les frères Martin': the family, no mention


def test_a_bare_first_name_is_left_alone_where_its_article_does_not_say_whose_it_is():
    a = article("a", "Hugo parle. Hugo Martin et Hugo Bernard sont là.")  # two people named Hugo
    c = article("c", "Hugo arrive. Hugo Martin aussi.")  # the one that is his
    d = article("d", "M. Hugo arrive. Hugo Martin aussi.")  # a title: a surname
    e = article("e", "Hugo Boss recrute. Hugo Martin signe.")  # part of another name
    mentions = (
        mentions_of(a, "Hugo", "Hugo Martin", "Hugo Bernard")
        + mentions_of(c, "Hugo", "Hugo Martin")
        + [Mention("d", 3, 7, "Hugo", "PER", title="M.")]
        + mentions_of(d, "Hugo Martin")
        + mentions_of(e, "Hugo", "Hugo Martin")
    )
    entities, _ = resolved(mentions, [a, c, d, e])
    hugo_martin = {m.article for m in entities["Hugo Martin"].mentions if m.text == "Hugo"}
    assert hugo_martin == {"c"}
    assert {m.article for m in entities["Hugo"].mentions} == {"a", "d", "e"}


def test_a_bare_first_name_that_is_also_another_persons_other_word_is_left_alone():
    a = article("a", "Martin parle. Martin Dubois et Hugo Martin sont là.")
    b = article("b", "Martin Dubois revient.")
    mentions = mentions_of(a, "Martin", "Martin Dubois", "Hugo Martin") + mentions_of(b, "Martin Dubois")
    entities, _ = resolved(mentions, [a, b])
    assert [m.text for m in entities["Martin Dubois"].mentions] == ["Martin Dubois", "Martin Dubois"]


def test_a_surname_after_a_plural_determiner_names_the_family_only_where_several_bear_it():
    a = article("a", "Deux Chabrol se sont croisés : Marc Chabrol et Léna Chabrol. Chabrol rit.")
    b = article("b", "Les Vidal sont venus. Paul Vidal a parlé.")  # one Vidal named: his
    mentions = mentions_of(a, "Chabrol", "Marc Chabrol", "Léna Chabrol", "Chabrol") + mentions_of(
        b, "Vidal", "Paul Vidal"
    )
    entities, homonyms = resolved(mentions, [a, b])
    marc = [(m.text, m.start) for m in entities["Marc Chabrol"].mentions]
    assert marc == [("Marc Chabrol", a.text.index("Marc")), ("Chabrol", a.text.rindex("Chabrol"))]  # first named
    assert not homonyms["Chabrol"].mentions and "Chabrol" not in entities  # 'Deux Chabrol': nobody's
    assert [m.text for m in entities["Paul Vidal"].mentions] == ["Vidal", "Paul Vidal"]


def test_an_organisations_name_or_a_results_line_gives_no_first_name():
    a = article("a", "La Macif assure. Le bateau Macif Santé Prévoyance arrive.")
    b = article("b", "140. Beuchat m. t. 155. Beuchat à 8'01.")  # a result's line: no first name and surname
    mentions = (
        mentions_of(a, "Macif", label="ORG")
        + mentions_of(a, "Macif Santé Prévoyance")
        + mentions_of(b, "Beuchat m")
        + [Mention("b", b.text.rindex("Beuchat"), b.text.rindex("Beuchat") + 7, "Beuchat", "LOC")]
    )
    entities, _ = resolved(mentions, [a, b])
    assert [m.text for m in entities["Macif Santé Prévoyance"].mentions] == ["Macif Santé Prévoyance"]
    assert [m.text for m in entities["Beuchat m"].mentions] == ["Beuchat m"]


def test_a_tie_leaves_a_surname_after_an_article_and_a_noun_to_the_homonym():
    a = article("a", "Marcel Bich fonde Bic. Gonzalve Bich dirige. La relève de la famille Bich est prête. Bich rit.")
    mentions = mentions_of(a, "Marcel Bich", "Gonzalve Bich", "Bich", "Bich")
    entities, homonyms = resolved(mentions, [a])
    assert [m.start for m in homonyms["Bich"].mentions] == [a.text.index("Bich est")]  # the family's
    assert [m.text for m in entities["Marcel Bich"].mentions] == ["Marcel Bich", "Bich"]  # 'Bich rit': the first named
