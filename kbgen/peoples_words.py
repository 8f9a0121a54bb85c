"""A people's word the model reads as a place or a MISC name: 'les jeunes Genevois', 'un autre
ancien Havrais', 'la victoire du Landais Hugo Lafitte'. Its lower case is an adjective of the
model's lexicon ('genevois', 'havrais') with a people's ending (Rules.demonym); what tells it
from a place named by the same word is the word before it: a place takes a place's article or
preposition ('dans le Lyonnais', 'en Suisse', 'équipe de Suisse'), a people's word the article
of a person ('le Letton Valdis Dombrovskis', a name after it), a plural's determiner or an
adjective ('les jeunes Genevois', 'millions de Français', 'ancien Havrais')."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kbgen.lang import LanguageProfile
from kbgen.rereading import common_adjectives
from kbgen.spans import starts_sentence

if TYPE_CHECKING:
    from kbgen.extract import Normalised

NAME_AFTER = re.compile(r" [A-ZÀ-Þ][a-zà-ÿ]")  # a person's name right after: 'le Letton Valdis'


def without_peoples_words(
    normalised: list[Normalised], spans: list[list[tuple[int, int, str]]], nlp, language: LanguageProfile
) -> list[list[tuple[int, int, str]]]:
    """The spans less the LOC and MISC ones of one word inside a sentence that is a people's word
    (is_peoples_word)."""
    if language.rules.place_article_before is None:
        return spans  # no way to tell a place named by the same word
    adjectives: frozenset[str] | None = None  # the lexicon, read only when some word needs it
    dropped = set()
    for index, (norm, found) in enumerate(zip(normalised, spans)):
        for start, end, label in found:
            word = norm.text[start:end]
            if label not in ("LOC", "MISC") or not (word.isalpha() and word[:1].isupper() and word[1:].islower()):
                continue
            if not language.rules.demonym.search(word) or starts_sentence(norm.text, start, language):
                continue
            adjectives = adjectives if adjectives is not None else common_adjectives(getattr(nlp, "_path", None))
            if word.lower() in adjectives and is_peoples_word(norm.text, start, end, language):
                dropped.add((index, start))
    return [[span for span in found if (index, span[0]) not in dropped] for index, found in enumerate(spans)]


def is_peoples_word(text: str, start: int, end: int, language: LanguageProfile) -> bool:
    """Whether the word at [start, end), a people's adjective capitalised, names people there: not
    after a place's article or preposition (Rules.place_article_before) unless a person's name
    follows it ('le Belge Marc Aubry') or, after a bare 'de', it is a plural ('millions de
    Français': a country after it is a singular, 'équipe de Suisse'); and only after an article
    or a word in lower case: not after a capitalised word (the name it ends: 'le Petit
    Parisien') nor a bracket or a comma ('Davos (Suisse)')."""
    rules = language.rules
    before = text[max(0, start - 12) : start]
    place = rules.place_article_before.search(before) if rules.place_article_before else None
    if place is not None and NAME_AFTER.match(text, end) is None:
        after_origin = (place.group("word") or place.group("elided")).lower() in rules.origin_prepositions
        if not (after_origin and text[end - 1] == "s"):
            return False
    previous = re.search(r"(\S+)\s*$", before)
    if previous is None:
        return False
    if previous.group(1).lower().replace("'", " ").rstrip() + " " in rules.capitalised_articles:
        return True
    word = previous.group(1).rpartition("'")[2]
    return word.isalpha() and not word[:1].isupper()
