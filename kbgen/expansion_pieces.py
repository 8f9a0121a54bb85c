"""Names the model read in pieces where the text defines them by an acronym in brackets: 'la
Commission indépendante sur les abus' of "... sexuels dans l'Église (Ciase)", 'Bordeaux' of 'la
direction interrégionale des services pénitentiaires de Bordeaux (DISP)', 'Coalition' and
'Québec' of 'la Coalition avenir Québec (CAQ)'. The acronym's letters, in order, are initials of
the words before the bracket (names.is_acronym_of), from a word that opens it: that stretch is
one name, whatever pieces of it the model found.
"""

from __future__ import annotations

import re

from kbgen.names import fold, is_acronym_of

# An opening bracket, an acronym (a capital, then letters, digits, '&' or '-'), perhaps a
# department's or a unit's number ('FDC 52', 'UIISC 7'), its closing bracket.
_BRACKETED = re.compile(r"\(([^\W\d_][\w&-]{1,11})(?: \d{1,3})?\)")
_WORD = re.compile(r"[^\W\d_]+(?:['’]|-[^\W\d_]+)*")
# What ends a sentence or an aside: an expansion never runs over it.
_BREAK = re.compile(r"[.;:!?()«»\"\n]")
MAX_WORDS = 16  # the longest expansion looked for, in words (elided articles count as words)


def with_expansions_whole(
    text: str, spans: list[tuple[int, int, str]], stop_words: frozenset[str]
) -> list[tuple[int, int, str]]:
    """`spans` (start, end, label), sorted, where the words before an acronym in brackets are its
    expansion (_expansion) and the model found only pieces of it, no person: the expansion in
    their place, an organisation's; a place among the pieces stays a name of its own ('Bordeaux'
    of the 'direction ... de Bordeaux'), as a head noun's place does (spans.names_in)."""
    result = list(spans)
    for match in _BRACKETED.finditer(text):
        acronym = match.group(1)
        if not _is_acronym_word(acronym, match.span(1), spans):
            continue
        start = _expansion(text, match.start(), acronym, stop_words)
        if start is None:
            continue
        end = len(text[: match.start()].rstrip())
        pieces = [s for s in result if s[0] < end and start < s[1]]
        if not pieces or any(s[0] < start or s[1] > end or s[2] == "PER" for s in pieces):
            continue
        if pieces == [(start, end, pieces[0][2])]:
            continue
        kept = [s for s in pieces if s[2] == "LOC" and s[0] > start]
        result = sorted([s for s in result if s not in pieces or s in kept] + [(start, end, "ORG")])
    return result


def _is_acronym_word(acronym: str, where: tuple[int, int], spans: list[tuple[int, int, str]]) -> bool:
    """Whether the word in brackets is an acronym: two letters or more, in capitals, or a name the
    model found there ('Ciase', 'Inrae')."""
    letters = [ch for ch in acronym if ch.isalpha()]
    if len(letters) < 2:
        return False
    return all(ch.isupper() for ch in letters) or any(s[0] <= where[0] and where[1] <= s[1] for s in spans)


def _expansion(text: str, bracket: int, acronym: str, stop_words: frozenset[str]) -> int | None:
    """Where the expansion of `acronym` starts in the words right before `bracket`: the nearest
    word, no function word and written with the acronym's first letter as a capital, from which
    the acronym's letters are initials of the words (names.is_acronym_of), its last letter that of
    the last word or of the word before a place's complement ('... de Bordeaux')."""
    breaks = [m.end() for m in _BREAK.finditer(text, max(0, bracket - 400), bracket)]
    line_start = breaks[-1] if breaks else max(0, bracket - 400)
    before = text[line_start:bracket].rstrip()
    words = list(_WORD.finditer(before))[-MAX_WORDS:]
    letters = [ch.upper() for ch in acronym if ch.isalpha()]
    for first in reversed(range(len(words) - 1)):
        word = words[first].group()
        if word.lower() in stop_words or _initial(word) != letters[0] or not _opens_name(words, first):
            continue
        expansion = before[words[first].start() :]
        if is_acronym_of(acronym, expansion) and _ends_with(words[first:], letters[-1], stop_words):
            return line_start + words[first].start()
    return None


def _opens_name(words: list[re.Match], first: int) -> bool:
    """Whether the word `first` can open a name: capitalised, or in lower case after a definite
    article ('la direction interrégionale ...', "l'unité d'instruction ...")."""
    word = words[first].group()
    if word[:1].isupper():
        return True
    return first > 0 and words[first - 1].group().lower() in DEFINITE


# The definite articles and their contractions with 'à' and 'de': a name's head noun in lower
# case follows one (a closed class of the language).
DEFINITE = frozenset(("le", "la", "les", "l'", "l’", "du", "des", "au", "aux"))


def _ends_with(words: list[re.Match], letter: str, stop_words: frozenset[str]) -> bool:
    """Whether `letter` is the initial of the last word, or, when the last words are a preposition
    and a capitalised name (a place's complement), of the content word before them."""
    last = [w.group() for w in words]
    if _initial(last[-1]) == letter:
        return True
    if (
        len(last) >= 3
        and last[-1][:1].isupper()
        and last[-2].rstrip("'’").lower() in ("de", "du", "des", "d", "la", "l")
    ):
        content = [w for w in last[:-1] if w.rstrip("'’").lower() not in stop_words]
        return bool(content) and _initial(content[-1]) == letter
    return False


def _initial(word: str) -> str:
    return fold(word)[:1].upper()
