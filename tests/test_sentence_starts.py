"""Where a sentence opens (kbgen.spans.starts_sentence), and what kbgen.missed looks for there: a
name the model found only at sentence starts is not carried to other sentence starts."""

from __future__ import annotations

import pytest

from kbgen.articles import Article
from kbgen.extract import Mention
from kbgen.lang import profile
from kbgen.resolve import resolve
from kbgen.spans import starts_sentence

FRENCH = profile("fr")


@pytest.mark.parametrize(
    "before, opens",
    [
        ("Classement\n23. ", False),  # a rank in a list: 'Huser' after it is a name inside a line
        ("Le classement : 1. Nancy, 2. ", False),
        ("la revue de presse chaque matin à 7h30. ", True),  # a time closes the sentence
        ("Le chantier s'achèvera en 2025. ", True),  # so does a year
        ("Le taux est passé à 1,5. ", True),  # and a decimal
        ("Il a signé hier. ", True),
        ("selon M. ", False),
    ],
)
def test_a_rank_is_a_short_number_alone_not_a_time_or_a_year(before, opens):
    text = before + "Abonnez-vous à notre lettre."
    assert starts_sentence(text, len(before), FRENCH) is opens


def article(slug: str, text: str) -> Article:
    return Article(slug, None, slug, None, "fr", None, text, text)


def mention(art: Article, name: str, label: str) -> Mention:
    start = art.text.index(name)
    return Mention(art.slug, start, start + len(name), name, label)


def articles_of(entities, name):
    return sorted({m.article for e in entities if e.name == name for m in e.mentions})


def test_a_name_found_only_at_sentence_starts_is_not_carried_to_other_sentence_starts():
    a = article("a", "Publié le 3 mai.\n\nTemps de lecture : 3 min\n\nLe recteur a parlé.")
    b = article("b", "Mis à jour.\nTemps de lecture : 5 min\n\nIl pleut.")
    c = article("c", "On lit vite.\n\nTemps de lecture : 4 min\n\nLa rentrée.")
    entities = resolve([mention(a, "Temps de lecture", "MISC")], [a, b, c], language=FRENCH).entities
    assert articles_of(entities, "Temps de lecture") == ["a"]


def test_a_name_found_inside_a_sentence_is_still_found_everywhere():
    a = article("a", "Le club a rencontré Vidal Conseil hier. Il pleut.")
    b = article("b", "Fin de saison.\nVidal Conseil recrute.")
    c = article("c", "Il a quitté Vidal Conseil en mai.")
    entities = resolve([mention(a, "Vidal Conseil", "ORG")], [a, b, c], language=FRENCH).entities
    assert articles_of(entities, "Vidal Conseil") == ["a", "b", "c"]


def test_a_name_found_only_at_sentence_starts_is_still_found_inside_sentences():
    a = article("a", "Il pleut.\nMarseille attend la pluie.")
    b = article("b", "Le train part pour Marseille ce soir.")
    entities = resolve([mention(a, "Marseille", "LOC")], [a, b], language=FRENCH).entities
    assert articles_of(entities, "Marseille") == ["a", "b"]
