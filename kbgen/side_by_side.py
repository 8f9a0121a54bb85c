"""Names written side by side, for kbgen.extract: two names the model found with only a space
between them on one line, neither a person's, are one name ('Caen' + 'TTC', 'Renew' + 'Europe',
'TGV' + 'INOUI', 'Clermont' + 'Auvergne Métropole'). A sentence separates two names by a comma, a
preposition or a conjunction; side by side, they are a place and its club, a brand and its
product, a group and its region. A person's name after another is an apposition ('LR Philippe
Mouiller', 'la Belge Marc Aubry', "l'AFP Nathalie Legrand"): kbgen.glued splits those.
"""

from __future__ import annotations

import re

from kbgen.lang import LanguageProfile

_WORDS = re.compile(r"[^\W\d_]")  # a name of letters: not '2-1', not a date


def joined_side_by_side(
    text: str, spans: list[tuple[int, int, str]], language: LanguageProfile
) -> list[tuple[int, int, str]]:
    """The spans, two neighbours that no person's is and only one space parts joined as one
    name: an organisation when either is one, else of the first's label. Not after a people's
    word that an article opens: it says who or what follows ("l'Américaine Coco Gauff", the
    model reading the player as an organisation), as spans.without_descriptors reads it."""
    result: list[tuple[int, int, str]] = []
    for start, end, label in sorted(spans):
        if result:
            before_start, before_end, before_label = result[-1]
            if (
                text[before_end:start] == " "
                and "PER" not in (label, before_label)
                and _WORDS.search(text, before_start, before_end)
                and _WORDS.search(text, start, end)
                and not _peoples_word(text, before_start, before_end, language)
            ):
                result[-1] = (before_start, end, "ORG" if "ORG" in (label, before_label) else before_label)
                continue
        result.append((start, end, label))
    return result


def _peoples_word(text: str, start: int, end: int, language: LanguageProfile) -> bool:
    """Whether [start, end) is one people's word ('Américaine') right after an article."""
    rules = language.rules
    word_before = re.search(r"(\S+)[ \t]*$", text[max(0, start - 12) : start])
    return (
        " " not in text[start:end]
        and rules.demonym.search(text[start:end]) is not None
        and word_before is not None
        and word_before.group(1).lower().replace("'", " ").rstrip() + " " in rules.capitalised_articles
    )
