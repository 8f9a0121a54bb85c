"""A line that signs the text: its authors after a byline's cue ('Par Olivier Kerbrat,
correspondant à Berlin', '(Rédigé par Julien Meyrand, édité par Sophie Lavaud)'). The persons it
names wrote the text; they are not in the news, and a site's every page names them.

kbgen.plaintext drops a byline among a text's first lines when it holds names alone; a line
that adds a function or a second author, or signs a dispatch in the middle of a wire, stays in
the text. What tells it from a sentence of the news is its grammar: a line of its own, short,
with no conjugated verb (the tagger's reading: 'Reçu par Emmanuel Macron, le ministre a plaidé'
has one), the person right after the language's byline cue (`DateWords.bylines`: 'par') or
after such a person on the same line ('Par X et Y', 'Par X, avec Y'); and the text names the
person nowhere else: an article about someone writes their name again.

A page's head adds two shapes with no cue: the strip under its title, parts set apart by middle
dots or bars, one with a digit ('Yann-Erwan Doré et Nolwenn Querré · 15 mars 2026 à 23h10 · Mis
à jour le 16 mars'; its words are counted part by part), and a noun whose complement is the
authors ('Une enquête de Bastien Morvillier et Inès Charpentier').
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from kbgen.lang import LanguageProfile
from kbgen.rereading import TAGGER, tagged_texts

if TYPE_CHECKING:
    from kbgen.extract import Normalised

LINE_WORDS_MAX = 15  # a signature is a short line of its own (words with a letter or a digit)
HEAD_LINES = 8  # where a page's byline strip sits: among the first lines of its text
AUTHORED_BY_WORDS = 3  # words before 'de' in 'Une enquête de X': an article and a noun
# between a byline strip's parts: 'X et Y · 15 mars 2026 à 23h10 · Mis à jour le 16 mars'
_STRIP_SEPARATOR = re.compile(r"\s[·•|]\s")
_WORD = re.compile(r"\w")


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
        candidates.update({(index, start): line for start, line in _signed(norm.text, found, after_cue)})
    lines = sorted(set(candidates.values()))
    verbless = {line for line, doc in zip(lines, tagged_texts(nlp, lines)) if not _conjugated(doc)}
    return [
        [span for span in found if candidates.get((index, span[0])) not in verbless]
        for index, found in enumerate(spans)
    ]


def _signed(text: str, found: list[tuple[int, int, str]], after_cue: re.Pattern) -> list[tuple[int, str]]:
    """The persons a line may sign, by their start, with their line (its verbs are read later):
    after a byline's cue, in a page's byline strip, after 'Une enquête de', or after a person the
    same line signs ('Par X et Y', 'Par X, avec Y')."""
    signed: list[tuple[int, str]] = []
    signed_line = -1  # the start of the line that signs the last person found
    for start, end, label in sorted(found):
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start : line_end if line_end != -1 else len(text)]
        before = text[line_start:start]
        if label != "PER" or _words(_part_of(line, start - line_start)) > LINE_WORDS_MAX:
            continue
        head = text.count("\n", 0, line_start) < HEAD_LINES
        signs = (
            after_cue.search(before)
            or signed_line == line_start
            or (head and (_byline_strip(line) or _authored_by(before)))
        )
        if signs and not _named_elsewhere(text, text[start:end], line_start, line_start + len(line)):
            signed.append((start, line))
            signed_line = line_start
    return signed


def _part_of(line: str, offset: int) -> str:
    """The part of a byline strip that holds `offset` (the whole line when it is no strip)."""
    starts = [0, *(m.end() for m in _STRIP_SEPARATOR.finditer(line) if m.end() <= offset)]
    after = _STRIP_SEPARATOR.search(line, starts[-1])
    return line[starts[-1] : after.start() if after else len(line)]


def _words(text: str) -> int:
    return sum(1 for word in text.split() if _WORD.search(word))


def _byline_strip(line: str) -> bool:
    """A line of parts set apart by middle dots or bars, one with a digit (a date, a time, a
    reading time): the strip a page prints under its title, never a sentence."""
    return len(_STRIP_SEPARATOR.split(line)) > 1 and any(c.isdigit() for c in line)


def _authored_by(before: str) -> bool:
    """'Une enquête de X', 'Reportage de X': a line opening with a noun whose complement is the
    person; a line of the head that names the person nowhere else is its author's."""
    words = before.split()
    return (
        1 < len(words) <= AUTHORED_BY_WORDS + 1 and words[0][:1].isupper() and words[-1].lower() in ("de", "d'", "d’")
    )


def _named_elsewhere(text: str, name: str, line_start: int, line_end: int) -> bool:
    """Whether the text writes the person's last name outside the line."""
    last = name.split()[-1]
    return any(not line_start <= m.start() < line_end for m in re.finditer(rf"(?<!\w){re.escape(last)}(?!\w)", text))


def without_captions(
    normalised: list[Normalised], spans: list[list[tuple[int, int, str]]], language: LanguageProfile
) -> list[list[tuple[int, int, str]]]:
    """The spans less the names a picture's caption alone gives: a line that opens with a
    credit's cue and its colon ('Photo : la Citroën C3 dans la spéciale de Bozouls.', kbgen.plaintext
    has cut the credit that closed it) describes the picture; a name of the news is named in the
    text too (a person by the last word of their name), and that one stays."""
    cues = language.dates.credits
    if not cues:
        return spans
    caption = re.compile(rf"^[ \t]*(?:{'|'.join(re.escape(c) for c in cues)})[ \t]*:", re.IGNORECASE | re.MULTILINE)
    result = []
    for norm, found in zip(normalised, spans):
        lines = _Captions([(m.start(), _line_end(norm.text, m.start())) for m in caption.finditer(norm.text)])
        result.append([span for span in found if not lines.alone_gives(norm.text, span)])
    return result


class _Captions:
    """A text's caption lines (their start and end, in order), asked whether a span's name is
    written nowhere but on the caption line that holds it: each line found by bisection and each
    name's places in the text looked up once, as a text may hold thousands of names."""

    def __init__(self, lines: list[tuple[int, int]]):
        self.lines = lines
        self.starts = [a for a, _ in lines]
        self.written_on: dict[str, set[int | None]] = {}  # a name -> the caption lines (None: elsewhere) it is on

    def line_of(self, at: int) -> int | None:
        index = bisect_right(self.starts, at) - 1
        return index if index >= 0 and at < self.lines[index][1] else None

    def alone_gives(self, text: str, span: tuple[int, int, str]) -> bool:
        start, end, label = span
        line = self.line_of(start) if self.lines else None
        if line is None:
            return False
        name = text[start:end] if label != "PER" else text[start:end].split()[-1]
        if name not in self.written_on:
            found = re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
            self.written_on[name] = {self.line_of(m.start()) for m in found}
        return self.written_on[name] <= {line}


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return end if end != -1 else len(text)


def _conjugated(doc) -> bool:
    return any("Fin" in t.morph.get("VerbForm") for t in doc)
