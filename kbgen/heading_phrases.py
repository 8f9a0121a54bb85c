"""Headings and labels the model reads as a MISC name: a line, or a field of a byline's line, that
opens with common words in sentence case ('Trafic ferroviaire interrompu entre Strasbourg et
Sarrebourg', 'Temps de lecture : 3 min', 'Publié le 3 mai · Temps de lecture : 4 min', 'Mardi 4
août 2021'). A work's title or an event written so inside a
sentence ('une lecture d'En attendant Godot', 'la Fête du citron a ouvert') is left alone:
only a line's opening is doubted, and only the MISC label, the model's least sure one (an
institution's heading, 'Conseil fédéral', is read as an organisation). And a MISC word that
is a common noun to the lexicon and to the tagger in its sentence ('le commissaire à
l'Économie', 'jusqu'au Festival interceltique'), wherever it stands."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kbgen.lang import OPENING_QUOTES, LanguageProfile, line_before
from kbgen.rereading import CONTEXT_CHARS, TAGGER, common_nouns, tagged_texts
from kbgen.spans import written_as_name

if TYPE_CHECKING:
    from kbgen.extract import Normalised

NAME_TAGS = ("PROPN", "X")  # what the tagger gives a name's word, or a word it does not know


def opens_heading(text: str, start: int, end: int) -> bool:
    """Whether the span at [start, end), of two words or more with only its first capitalised,
    opens its line, or one of the line's fields (opens_field), and that line is a heading or a
    label: it ends with no full stop, or the span ends before a colon."""
    name = text[start:end]
    before = text[text.rfind("\n", 0, start) + 1 : start]
    if " " not in name or name[1:] != name[1:].lower() or (before.strip() and not opens_field(before)):
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


# A field of a line set apart by a separator with spaces around it: 'Publié le 3 mai · Temps de
# lecture : 4 min', 'Par X — Mis à jour le 2 juin'. Typography, not words: no hyphen of a word.
FIELD_SEPARATOR = re.compile(r"\s[·•|—–-]\s+$")


def opens_field(before: str) -> bool:
    """Whether the text before a span on its line ends with a field separator set apart by spaces."""
    return FIELD_SEPARATOR.search(before) is not None


def _line(text: str, start: int) -> str:
    """The line of `text` that begins at `start`."""
    end = text.find("\n", start)
    return text[start : end if end != -1 else len(text)]


def without_misc_common_nouns(
    normalised: list[Normalised], spans: list[list[tuple[int, int, str]]], nlp, language: LanguageProfile
) -> list[list[tuple[int, int, str]]]:
    """The spans less the MISC ones of one word in sentence case ('Festival', 'Économie',
    'Taxation') that the model's lexicon lists as a common noun and the tagger, reading the
    word capitalised in its line, takes for a common noun, not a proper noun. On a capitalised
    word the tagger says PROPN for names and for most common nouns too ('l'Antiquité', 'une
    Nana'), so NOUN is the strong reading; the lexicon alone lists names too ('Rose'). A word
    right after a place's preposition ('à Amphion', a town) or alone in its quotes ('le manuscrit
    de « Guerre »', a title) is left alone."""
    if not all(name in nlp.component_names for name in TAGGER):
        return spans  # no part-of-speech evidence in this pipeline
    lexicon: frozenset[str] | None = None  # read only when some word needs it
    contexts: dict[tuple[int, int], tuple[str, int]] = {}  # (article, span start) -> its line, the word's place in it
    for index, (norm, found) in enumerate(zip(normalised, spans)):
        for start, end, label in found:
            word = norm.text[start:end]
            if label != "MISC" or not (word.replace("-", "").isalpha() and word[:1].isupper() and word[1:].islower()):
                continue
            if _after_place_preposition(norm.text, start, language) or _quoted_alone(norm.text, start, end):
                continue  # 'à Amphion', a town kbgen.entity_types makes a place; '« Guerre »', a work's title
            lexicon = lexicon if lexicon is not None else common_nouns(getattr(nlp, "_path", None))
            if word.lower() in lexicon:
                line_start = max(norm.text.rfind("\n", 0, start) + 1, start - CONTEXT_CHARS)
                line_end = norm.text.find("\n", end, end + CONTEXT_CHARS)
                contexts[index, start] = (
                    norm.text[line_start : line_end if line_end != -1 else end + CONTEXT_CHARS],
                    start - line_start,
                )
    keys = sorted(set(contexts.values()))
    tagged = tagged_texts(nlp, [line for line, _ in keys])
    common = {key for key, doc in zip(keys, tagged) if any(t.idx == key[1] and t.pos_ == "NOUN" for t in doc)}
    return [
        [span for span in found if contexts.get((index, span[0])) not in common] for index, found in enumerate(spans)
    ]


def _after_place_preposition(text: str, start: int, language: LanguageProfile) -> bool:
    """Whether the word at `start` follows a place's preposition on its line ('à Amphion')."""
    pattern = language.rules.place_before
    before = line_before(text, start)
    return pattern is not None and pattern.search(before) is not None


def _quoted_alone(text: str, start: int, end: int) -> bool:
    """Whether the word at [start, end) is all its quotes hold: a title ('de « Guerre », un roman')."""
    before, after = text[max(0, start - 3) : start].rstrip(), text[end : end + 3].lstrip()
    return before[-1:] in ('"', *OPENING_QUOTES) and after[:1] in ('"', "»", "”", "’")
