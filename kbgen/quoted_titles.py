"""A title in quotes that the model read only in part: 'l'exposition « Marais et pertuis »', '«
Astrid et Raphaëlle » se rattrape', '« The Quiet Harbor », de Daniel Okafor'. French puts a
work's title (a book, a show, an exhibition, a report) in « » and writes it with a capital; the
model reads the names in it ('Marais', 'Astrid' and 'Raphaëlle', 'Quiet Harbor') and not the
title. What tells a title from a quoted sentence is its grammar: short, no comma nor full stop
inside, and no conjugated verb (the tagger's reading: « Le Bourget, c'est notre vitrine » is
speech). Such quotes, when a span lies inside without covering them, are one name: a work's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kbgen.rereading import TAGGER, tagged_texts

if TYPE_CHECKING:
    from kbgen.extract import Normalised

TITLE_WORDS_MAX = 8  # a title is a few words; a quoted sentence runs on
# What quotes hold, in the text the model reads (kbgen.lang.plain_forms writes every quote '"'):
# a capital first, no stop, comma or colon inside; a closing '!' or '?' belongs to the title ('«
# Quelle époque ! »').
_TITLE = re.compile(r"\s*([A-ZÀ-Þ][^.,;:!?]*?[!?]?)\s*")


def with_quoted_titles(
    normalised: list[Normalised], spans: list[list[tuple[int, int, str]]], nlp
) -> list[list[tuple[int, int, str]]]:
    """Each text's spans, the spans inside a title in quotes (see above) replaced by the title."""
    if not all(name in nlp.component_names for name in TAGGER):
        return spans
    candidates = [
        (index, bounds)
        for index, (norm, found) in enumerate(zip(normalised, spans))
        for bounds in _quoted(norm.text)
        if _read_in_part(found, *bounds)
    ]
    quotes = [normalised[index].text[start:end] for index, (start, end) in candidates]
    titles: dict[int, list[tuple[int, int]]] = {}
    for (index, bounds), doc in zip(candidates, tagged_texts(nlp, quotes)):
        if not any(_conjugated(token) for token in doc):
            titles.setdefault(index, []).append(bounds)
    return [_as_titles(found, titles.get(index, [])) for index, found in enumerate(spans)]


def _conjugated(token) -> bool:
    """A finite verb of a statement; the tagger's imperatives in a title are mostly plural nouns
    it misreads ('« Marais et pertuis »')."""
    return "Fin" in token.morph.get("VerbForm") and "Imp" not in token.morph.get("Mood")


def _quoted(text: str) -> list[tuple[int, int]]:
    """The bounds of what each pair of quotes on a line holds, when it may be a title (_TITLE, a
    few words); a line with an odd number of quotes pairs none."""
    found = []
    line_start = 0
    for line in text.split("\n"):
        marks = [line_start + m.start() for m in re.finditer('"', line)]
        if len(marks) % 2 == 0:
            for opening, closing in zip(marks[::2], marks[1::2]):
                title = _TITLE.fullmatch(text, opening + 1, closing)
                if title and len(title.group(1).split()) <= TITLE_WORDS_MAX:
                    found.append(title.span(1))
        line_start += len(line) + 1
    return found


def _read_in_part(found: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """Whether spans lie inside [start, end), none covering it all, none crossing its edges."""
    overlapping = [(s, e) for s, e, _ in found if s < end and start < e]
    return bool(overlapping) and all(start <= s and e <= end and (s, e) != (start, end) for s, e in overlapping)


def _as_titles(found: list[tuple[int, int, str]], titles: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    if not titles:
        return found
    kept = [span for span in found if not any(start <= span[0] < end for start, end in titles)]
    return sorted([*kept, *((start, end, "MISC") for start, end in titles)])
