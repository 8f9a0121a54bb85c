"""Acronyms the model left out where the text defines them: 'Union nationale lycéenne (UNL)',
'Direction générale de l'armement (DGA)'. The brackets right after a name hold its acronym when
their letters are, in order, initials of its words (names.is_acronym_of): that is a mention of
the same organisation, found by the text's own definition, whatever the model read there.
"""

from __future__ import annotations

import re

from kbgen.names import is_acronym_of

# Up to two spaces, an opening bracket, a word in capitals (digits, '&' and '-' inside), its closing bracket.
_BRACKETED = re.compile(r"[ \t]{0,2}\(([^\W\d_][\w&-]{1,11})\)")


def with_bracket_acronyms(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`spans` (start, end, label), sorted, and the acronym in brackets after each name of several
    words that is no person's, with that name's label, where no span is."""
    added = []
    for start, end, label in spans:
        match = _BRACKETED.match(text, end)
        if label == "PER" or match is None or " " not in text[start:end].strip():
            continue
        acronym = match.group(1)
        letters = [ch for ch in acronym if ch.isalpha()]
        if not all(ch.isupper() for ch in letters) or not is_acronym_of(acronym, text[start:end]):
            continue
        a_start, a_end = match.span(1)
        if not any(s < a_end and a_start < e for s, e, _ in spans):
            added.append((a_start, a_end, label))
    return sorted([*spans, *added]) if added else spans
