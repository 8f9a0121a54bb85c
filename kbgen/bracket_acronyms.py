"""Acronyms the model left out where the text defines them: 'Union nationale lycéenne (UNL)',
'Direction générale de l'armement (DGA)'. The brackets right after a name hold its acronym when
their letters are, in order, initials of its words (names.is_acronym_of): that is a mention of
the same organisation, found by the text's own definition, whatever the model read there.
"""

from __future__ import annotations

import re

from kbgen.expansion_pieces import with_expansions_whole
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


# The words before an opening bracket on its line, the nearest last.
_WORD = re.compile(r"[^\W\d_]+(?:['’]|-[^\W\d_]+)*")


def with_bracket_expansions(
    text: str, spans: list[tuple[int, int, str]], stop_words: frozenset[str]
) -> list[tuple[int, int, str]]:
    """`spans`, sorted, and the expansion the model left out before each acronym it found in
    brackets ('la direction régionale des affaires culturelles (Drac)'): the nearest words before
    the bracket, from a word that is no function word, whose initials the acronym's letters are
    (names.is_acronym_of), its last letter the last word's; labelled as the acronym, an
    organisation rather than a place or a person when a lowercase word of the expansion says what
    kind of body it is."""
    added = []
    for start, end, label in spans:
        acronym = text[start:end]
        if text[start - 1 : start] != "(" or text[end : end + 1] != ")" or not 2 <= sum(map(str.isalpha, acronym)) <= 6:
            continue
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start : start - 1].rstrip()
        words = list(_WORD.finditer(before))[-12:]
        for first in reversed(range(len(words))):
            expansion = before[words[first].start() :]
            word = words[first].group()
            if word.lower() in stop_words or len(word) < 3 or " " not in expansion:
                continue
            last_letter = [ch for ch in acronym if ch.isalpha()][-1].upper()
            if is_acronym_of(acronym, expansion) and words[-1].group()[0].upper() == last_letter:
                e_start = line_start + words[first].start()
                if not any(s < start - 1 and e_start < e for s, e, _ in spans):
                    kind = label in ("LOC", "PER") and any(
                        w.group().islower() and len(w.group()) > 3 for w in words[first:]
                    )
                    added.append((e_start, e_start + len(expansion), "ORG" if kind else label))
                break
    return sorted([*spans, *added]) if added else spans


def with_defined_names(
    text: str, spans: list[tuple[int, int, str]], stop_words: frozenset[str]
) -> list[tuple[int, int, str]]:
    """`spans`, sorted, with the names the text defines by an acronym in brackets: an expansion the
    model left out (with_bracket_expansions), one it read in pieces (expansion_pieces)."""
    return with_expansions_whole(text, with_bracket_expansions(text, spans, stop_words), stop_words)
