"""A people's word glued before a person's name ('la Belge Lubna Azabal', "l'Espagnole Laia
Costa", 'La Suédoise Elvira Öberg'), read as one place or organisation, or as the word and the
name apart, two places that side_by_side would join: the person is lost. The word says who the
person is, as a title does; kbgen.spans.without_descriptors drops it when the word has a
people's ending and the model reads the person as one; this reads the other cases.

No list of nationalities: the evidence is the sentence's grammar, the lexicon and the model. The
first word is capitalised after a definite article of its own ('la', 'le', "l'") and its lower
case is an adjective of the model's lexicon ('belge', 'suédoise'): a common word made a noun by
the article. What follows is two capitalised words or more ('le Grand Palais' goes on with one;
'la Française des Jeux' with a lowercase word) that the model, reading them alone, takes for a
person; or for no place when none of them is a common word of the lexicon, as a foreign name
misread alone is not ('Elvira Öberg' ORG) and a company's name is ('la Lorraine Mondial Air
Ballons')."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from kbgen import rereading
from kbgen.lang import LanguageProfile

if TYPE_CHECKING:
    from kbgen.extract import Normalised

_WORD = re.compile(r"[^\W\d_][^\W\d_]*(?:-[^\W\d_]+)*")  # 'Belge', 'Franco-Tunisienne'


def without_glued_descriptors(
    normalised: list[Normalised], spans: list[list[tuple[int, int, str]]], nlp, language: LanguageProfile
) -> list[list[tuple[int, int, str]]]:
    """Each text's spans, a people's word before a person (`person_after`) dropped, whether in the
    person's span or in one of its own right before it ('Belge' + 'Lubna Azabal', which
    side_by_side would join), when the model reads the name after it alone as a name, no place
    (rereading.labels_alone, in one batch): the name is the person's."""
    adjective = rereading.lexicon_lists(getattr(nlp, "_path", None))
    found: dict[tuple[int, int], tuple[int, int]] = {}  # (text, span's start) -> the person's name
    for index, (norm, spans_of) in enumerate(zip(normalised, spans)):
        opening: dict[int, tuple[int, int]] = {}  # a start -> the first span opening there
        for start, end, _ in spans_of:
            opening.setdefault(start, (start, end))
        for start, end, _ in spans_of:
            name = person_after(norm.text, start, end, opening, language, lambda word: adjective(word, "adj"))
            if name is not None:
                found[(index, start)] = name
    if not found:
        return spans
    labels = rereading.labels_alone((normalised[index].text[slice(*name)] for (index, _), name in found.items()), nlp)
    common = rereading.common_words(getattr(nlp, "_path", None))
    result = []
    for index, (norm, spans_of) in enumerate(zip(normalised, spans)):
        names = [n for (i, _), n in found.items() if i == index and _a_person(norm.text[slice(*n)], labels, common)]
        starts = sorted({s for s, _ in names})
        kept = [span for span in spans_of if not _holds_a_start(span, starts)]
        kept = [span for span in kept if not _describes(span, set(starts), norm.text)]
        result.append(sorted(kept + [(s, e, "PER") for s, e in names]))
    return result


def _holds_a_start(span: tuple[int, int, str], starts: list[int]) -> bool:
    """Whether one of the persons' names (their sorted `starts`) begins within `span`."""
    at = bisect_left(starts, span[0])
    return at < len(starts) and starts[at] < span[1]


def _a_person(name: str, labels: dict[str, str | None], common) -> bool:
    """Whether the model, reading `name` alone, takes it for a person; or for no place, and none of
    its words is a common noun or adjective of the lexicon (`common`): the model misreads a
    foreign name alone ('Elvira Öberg' ORG, 'Arjun Raghavan' none), while a company or a body
    that goes on with a place's adjective is made of common words ('la Lorraine Mondial Air
    Ballons', 'la Fédéral Deposit Insurance Corporation')."""
    label = labels.get(name)
    return label == "PER" or (label != "LOC" and not any(common(w.lower()) for w in name.split()))


def _describes(span: tuple[int, int, str], starts: set[int], text: str) -> bool:
    """Whether `span` is the people's word alone right before one of the persons' names."""
    return span[1] + 1 in starts and text[span[1]] == " "


def person_after(
    text: str, start: int, end: int, opening: dict[int, tuple[int, int]], language: LanguageProfile, adjective
) -> tuple[int, int] | None:
    """Where the person's name is when the span [start, end) opens with a people's word glued
    before it, or is that word and the next span, one space after it, the name (see the
    module); None when neither. `opening`: the text's first span opening at each start;
    `adjective`: whether a lowercase word is an adjective of the model's lexicon."""
    first = _WORD.match(text, start, end)
    if first is None:
        return None
    word = first.group()
    if not (word[:1].isupper() and word[1:].replace("-", "").islower()):
        return None
    if first.end() == end:  # the word alone: the name is the next span
        name = opening.get(end + 1) if text[end : end + 1] == " " else None
    else:
        name = (first.end() + 1, end) if text[first.end()] == " " else None
    if name is None or not all(w[:1].isupper() for w in text[slice(*name)].split(" ")) or " " not in text[slice(*name)]:
        return None
    before = re.search(r"(?:^|\s)(\S+)[ \t]*$", text[max(text.rfind("\n", 0, start) + 1, start - 12) : start])
    if (
        before is None
        or before.group(1).lower().replace("'", " ").rstrip() + " " not in language.rules.capitalised_articles
    ):
        return None  # a definite article of its own: 'la Belge', "l'Espagnole"
    if not all(adjective(part) for part in word.lower().split("-")):
        return None
    return name
