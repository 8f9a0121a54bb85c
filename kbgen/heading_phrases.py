"""Headings and labels the model reads as a MISC name: a line that opens with common words in
sentence case ('Trafic ferroviaire interrompu entre Strasbourg et Sarrebourg', 'Temps de
lecture : 3 min', 'Mardi 4 août 2021'). A work's title or an event written so inside a
sentence ('une lecture d'En attendant Godot', 'la Fête du citron a ouvert') is left alone:
only a line's opening is doubted, and only the MISC label, the model's least sure one (an
institution's heading, 'Conseil fédéral', is read as an organisation)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kbgen.lang import LanguageProfile
from kbgen.rereading import TAGGER, tagged_texts
from kbgen.spans import written_as_name

if TYPE_CHECKING:
    from kbgen.extract import Normalised

NAME_TAGS = ("PROPN", "X")  # what the tagger gives a name's word, or a word it does not know


def opens_heading(text: str, start: int, end: int) -> bool:
    """Whether the span at [start, end), of two words or more with only its first capitalised,
    opens its line, and that line is a heading or a label: it ends with no full stop, or the
    span ends before a colon."""
    name = text[start:end]
    if " " not in name or name[1:] != name[1:].lower() or text[text.rfind("\n", 0, start) + 1 : start].strip():
        return False
    line_end = text.find("\n", end)
    line = text[start : line_end if line_end != -1 else len(text)].rstrip()
    return not line.endswith((".", "…")) or line[end - start :].lstrip().startswith(":")


def without_heading_phrases(
    normalised: list[Normalised], spans: list[list[tuple[int, int, str]]], nlp, language: LanguageProfile
) -> list[list[tuple[int, int, str]]]:
    """The spans less the MISC ones that open a heading's line (opens_heading) whose words the
    tagger, reading the line, takes for no proper noun, and whose first word the text never
    writes capitalised inside a sentence."""
    if not all(name in nlp.component_names for name in TAGGER):
        return spans  # no part-of-speech evidence in this pipeline
    candidates = [
        (index, start, end)
        for index, (norm, found) in enumerate(zip(normalised, spans))
        for start, end, label in found
        if label == "MISC" and opens_heading(norm.text, start, end)
    ]
    lines = [_line(normalised[index].text, start) for index, start, _ in candidates]
    headings = set()
    for (index, start, end), doc in zip(candidates, tagged_texts(nlp, lines)):
        text = normalised[index].text
        words = [t for t in doc if t.idx < end - start and not t.is_punct]
        first = words[0].text if words else ""
        if words and not any(t.pos_ in NAME_TAGS for t in words) and not written_as_name(text, first, language):
            headings.add((index, start))
    return [[span for span in found if (index, span[0]) not in headings] for index, found in enumerate(spans)]


def _line(text: str, start: int) -> str:
    """The line of `text` that begins at `start`."""
    end = text.find("\n", start)
    return text[start : end if end != -1 else len(text)]
