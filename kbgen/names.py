"""The grouping key of a name, shared by the stages that compare names."""

from __future__ import annotations

import functools
import re
import unicodedata

from kbgen.lang import APOSTROPHES

FOLDED_SEPARATORS = re.compile(rf"[\s{APOSTROPHES}`\-‐–.]+")  # read as one space in a grouping key


@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The grouping key of a name: no case, no accents, apostrophes and hyphens as spaces."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return FOLDED_SEPARATORS.sub(" ", bare).strip()


NEXT_WORD = re.compile(r"[ \-‐]([^\W\d_])")
WORD_BEFORE = re.compile(r"(^|.)\s*([^\W\d_][\w'’-]*) $", re.DOTALL)  # the word just before, and what precedes it
SENTENCE_BOUNDARY = frozenset('.!?:;«»"“”\n')


def inside_longer_name(text: str, start: int, end: int, cues: re.Pattern) -> bool:
    """Whether the name at [start, end) is glued to a capitalised word, so part of another name:
    'Vidal' in 'Vidal Conseil' or in 'Verdier Vidal' is not the person. A word before it that
    starts a sentence ('Selon Vidal') or is a title (`cues`: 'Mme Vidal') is no such word."""
    after = NEXT_WORD.match(text, end)
    if after is not None and after.group(1).isupper():
        return True
    before = WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None or not before.group(2)[:1].isupper() or cues.search(text, max(0, start - 25), start):
        return False
    return before.group(1) not in SENTENCE_BOUNDARY and before.start(2) > 0


def is_acronym_of(acronym: str, expansion: str) -> bool:
    """'ONU' of 'Organisation des Nations unies': the acronym's letters are, in order, initials
    of the expansion's words, starting with the first."""
    letters = [ch for ch in acronym.upper() if ch.isalpha()]
    initials = [w[0].upper() for w in re.findall(r"[^\W\d_]+", fold(expansion))]
    if not letters or not initials or letters[0] != initials[0] or len(letters) < 2:
        return False
    position = 0
    for letter in letters:
        while position < len(initials) and initials[position] != letter:
            position += 1
        if position == len(initials):
            return False
        position += 1
    return True
