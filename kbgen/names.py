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


def inside_longer_name(text: str, end: int) -> bool:
    """Whether the name ending at `end` is glued to a capitalised word that follows it: 'Vidal'
    in 'Vidal Conseil' is part of another name, not the person."""
    after = NEXT_WORD.match(text, end)
    return after is not None and after.group(1).isupper()
