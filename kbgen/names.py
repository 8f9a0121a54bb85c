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
