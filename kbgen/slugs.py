"""URL-safe, stable slugs."""

from __future__ import annotations

import re
import unicodedata

from kbgen.lang import APOSTROPHES

_NO_APOSTROPHES = str.maketrans("", "", APOSTROPHES)  # 'l’OTAN' -> 'lotan', not 'l-otan'
_NON_WORD = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_length: int = 60) -> str:
    """ASCII slug: accents folded, words joined by '-', cut at a word boundary."""
    folded = unicodedata.normalize("NFKD", text.translate(_NO_APOSTROPHES))
    ascii_text = folded.encode("ascii", "ignore").decode().lower()
    slug = _NON_WORD.sub("-", ascii_text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] if "-" in slug[:max_length] else slug[:max_length]
    return slug


def unique_slug(base: str, taken: set[str], fallback: str = "page") -> str:
    """`base`, or `base-2`, `base-3`... whichever is not taken yet; records the choice."""
    base = base or fallback
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug
