"""A person's label on an acronym: a one-word name in capitals ('FIDE', 'LR', 'OL') is a body's
short name, not a person's. A person's surname in capitals comes after a first name ('Marie LE
GALL'); one written alone in capitals (a heading's 'MACRON') is a word the corpus's persons'
names bear, or has a form of address before it ('M. DUPONT'). A function's title before an
acronym says whose member the function is ('le sénateur LR', 'maître FIDE'), not that it is a
person. A word of the language in capitals (a heading's 'VENU') is written in lower case
elsewhere in the corpus; a Roman numeral ('III' of a cut 'Napoléon III') is no acronym."""

from __future__ import annotations

import re

from kbgen.extract import Mention
from kbgen.lang import Rules

CAPITALS = re.compile(r"[A-ZÀ-Þ]{2,}")
ROMAN_NUMERAL = re.compile(r"[IVXLCDM]+")


def is_acronym(m: Mention, texts: dict[str, str], rules: Rules) -> bool:
    """Whether `m` is an acronym, not a person's name, whatever its label: see the module."""
    if not CAPITALS.fullmatch(m.text) or ROMAN_NUMERAL.fullmatch(m.text):
        return False
    before = texts.get(m.article, "")[max(0, m.start - 20) : m.start]
    # 'M. DUPONT': a form of address is a person's, in the title or just before.
    if (m.title and rules.address.match(m.title)) or re.search(rf"(?:{rules.address.pattern})\s*$", before):
        return False
    lowered = re.compile(rf"(?<!\w){re.escape(m.text.lower())}(?!\w)")
    return not any(lowered.search(text) for text in texts.values())
