"""A line that signs the text: its authors after a byline's cue ('Par Olivier Kerbrat,
correspondant à Berlin', '(Rédigé par Julien Meyrand, édité par Sophie Lavaud)'). The persons it
names wrote the text; they are not in the news, and a site's every page names them.

kbgen.plaintext drops a byline among a text's first lines when it holds names alone; a line
that adds a function or a second author, or signs a dispatch in the middle of a wire, stays in
the text. What tells it from a sentence of the news is its grammar: a line of its own, short,
with no conjugated verb (the tagger's reading: 'Reçu par Emmanuel Macron, le ministre a plaidé'
has one), the person right after the language's byline cue (`DateWords.bylines`: 'par') or
listed after such a person ('Par X et Y'); and the text names the person nowhere else: an
article about someone writes their name again.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kbgen.lang import LanguageProfile
from kbgen.rereading import TAGGER, tagged_texts
from kbgen.spans import joined

if TYPE_CHECKING:
    from kbgen.extract import Normalised

LINE_WORDS_MAX = 15  # a signature is a short line of its own


def without_signatures(
    normalised: list[Normalised], spans: list[list[tuple[int, int, str]]], nlp, language: LanguageProfile
) -> list[list[tuple[int, int, str]]]:
    """The spans less the persons a signature's line names (see above)."""
    cues = language.dates.bylines
    if not cues or not all(name in nlp.component_names for name in TAGGER):
        return spans
    after_cue = re.compile(rf"(?:^|\W)(?:{'|'.join(re.escape(c) for c in cues)})\s*$", re.IGNORECASE)
    candidates: dict[tuple[int, int], str] = {}  # (article, span start) -> its line
    for index, (norm, found) in enumerate(zip(normalised, spans)):
        signed: tuple[int, int] | None = None  # the last person the line signs with, its line's start
        for start, end, label in sorted(found):
            line_start = norm.text.rfind("\n", 0, start) + 1
            line_end = norm.text.find("\n", end)
            line = norm.text[line_start : line_end if line_end != -1 else len(norm.text)]
            before = norm.text[line_start:start]
            listed = (
                signed is not None and signed[1] == line_start and joined(norm.text[signed[0] : start], language.rules)
            )
            if label != "PER" or len(line.split()) > LINE_WORDS_MAX or not (after_cue.search(before) or listed):
                continue
            if not _named_elsewhere(norm.text, norm.text[start:end], line_start, line_start + len(line)):
                candidates[index, start] = line
                signed = (end, line_start)
    lines = sorted(set(candidates.values()))
    verbless = {line for line, doc in zip(lines, tagged_texts(nlp, lines)) if not _conjugated(doc)}
    return [
        [span for span in found if candidates.get((index, span[0])) not in verbless]
        for index, found in enumerate(spans)
    ]


def _named_elsewhere(text: str, name: str, line_start: int, line_end: int) -> bool:
    """Whether the text writes the person's last name outside the line."""
    last = name.split()[-1]
    return any(not line_start <= m.start() < line_end for m in re.finditer(rf"(?<!\w){re.escape(last)}(?!\w)", text))


def _conjugated(doc) -> bool:
    return any("Fin" in t.morph.get("VerbForm") for t in doc)
