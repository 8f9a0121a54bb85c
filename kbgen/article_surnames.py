"""Surnames that open with an article ('Karine Le Marchand', "Armel Le Cléac'h", 'Yann Le Goff'),
for kbgen.extract: the model, or kbgen.glued after it, often has the first name and the surname
as two names ('Karine' LOC, 'Le Marchand' LOC). A language writes its articles in lower case
inside a sentence; one capitalised right after a capitalised word, a space between and no
punctuation, opens a name, and the word before it, when it is no common word, is the first
name of a person whose surname that is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kbgen.lang import LanguageProfile

# One word in title case, perhaps hyphenated ('Jean-Marie'): a first name's shape ('SOPHIE' is a heading's).
_FIRST_NAME = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?")
# One capitalised word after the article: the surname ("Le Cléac'h", 'La Fontaine').
_ONE_WORD = re.compile(r"[A-ZÀ-Þ][^\W\d_]*(?:['-][^\W\d_]+)*")


def with_article_surnames(
    text: str, spans: list[tuple[int, int, str]], language: LanguageProfile, common: Callable[[str], bool]
) -> list[tuple[int, int, str]]:
    """The spans, a one-word name and the name right after it joined as one person where the
    second is an article and one capitalised word ('Karine' + 'Le Marchand'). The first must be
    no function word, title, generic word nor common noun or adjective of the model's lexicon
    (`common`, in lower case: 'Selon Le Monde', 'la Société Le Nickel', 'France Bleu La
    Rochelle'), and no place the text writes after its preposition of a place ('à Nantes': 'Nantes
    La Beaujoire' is two places)."""
    result: list[tuple[int, int, str]] = []
    for start, end, label in sorted(spans):
        if result and _first_name_before(text, result[-1], start, end, language, common):
            result[-1] = (result[-1][0], end, "PER")
            continue
        result.append((start, end, label))
    return result


def _first_name_before(
    text: str,
    before: tuple[int, int, str],
    start: int,
    end: int,
    language: LanguageProfile,
    common: Callable[[str], bool],
) -> bool:
    """Whether the span `before` is the first name of the surname [start, end) that an article opens."""
    first_start, first_end, _ = before
    first = text[first_start:first_end]
    article = language.rules.name_article.match(text, start, end)
    if text[first_end:start] != " " or article is None or not _ONE_WORD.fullmatch(text, article.end(), end):
        return False
    lower = first.lower()
    rules = language.rules
    if not _FIRST_NAME.fullmatch(first) or lower in language.stop_words() or lower in rules.generic_words:
        return False
    if lower in rules.titles or common(lower):
        return False
    return not _written_as_place(text, first, language)


def _written_as_place(text: str, word: str, language: LanguageProfile) -> bool:
    """Whether the text writes `word` right after its language's preposition of a place ('à Nantes')."""
    place_before = language.rules.place_before
    if place_before is None:
        return False
    return any(
        place_before.search(text[max(0, m.start() - 20) : m.start()])
        for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)
    )
