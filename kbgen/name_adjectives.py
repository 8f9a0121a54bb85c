"""The lowercase adjective that ends a name the model stopped before, for kbgen.extract: an
organisation's, a work's or a place's name of several words goes on with the adjective that
qualifies its head ('université de Bretagne' + 'occidentale', "ministère de l'Éducation" +
'nationale', 'Le Républicain' + 'lorrain'). The tagger, reading the name and what follows it,
says whether the word after it is an adjective.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kbgen.lang import LanguageProfile

if TYPE_CHECKING:
    from kbgen.extract import Normalised

# A lowercase word right after the span, one space apart, on its line.
_NEXT_WORD = re.compile(r" ([^\W\d_A-ZÀ-Þ][^\W\d_]*)(?=[\s,.;:!?)»]|$)")


def with_closing_adjectives(
    normalised: list[Normalised], spans: list[list[tuple[int, int, str]]], nlp, language: LanguageProfile
) -> list[list[tuple[int, int, str]]]:
    """The spans, each name of two words or more (no person's) that the model ended right before
    an adjective in lower case taken up to it: the model's lexicon lists the word as an
    adjective's form and as no verb's ('Le Monde, cité', 'le stade Marcel-Michelin explose'),
    and the tagger, reading it after the name, as an adjective, no participle, that agrees
    with a word of the name: the tagger alone reads a verb after a name as an adjective ('La
    Commission européenne tape'), of another number ('la Fonction publique lance une ...')."""
    from kbgen.rereading import TAGGER, common_words, tagged_texts

    if not all(name in nlp.component_names for name in TAGGER):
        return spans  # no part-of-speech evidence in this pipeline
    stop_words = language.stop_words()
    adjective_form = common_words(getattr(nlp, "_path", None), ("adj",))
    verb_form = common_words(getattr(nlp, "_path", None), ("verb",))
    candidates: dict[tuple[int, int], str] = {}  # (text, span start) -> the name and the word after it
    for index, (norm, found) in enumerate(zip(normalised, spans)):
        for start, end, label in found:
            word = _NEXT_WORD.match(norm.text, end)
            if label == "PER" or word is None or " " not in norm.text[start:end].strip():
                continue
            lower = word.group(1)
            if lower not in stop_words and adjective_form(lower) and not verb_form(lower):
                candidates[index, start] = norm.text[start : word.end()]
    texts = sorted(set(candidates.values()))
    closed = {text for text, doc in zip(texts, tagged_texts(nlp, texts)) if _ends_with_agreeing_adjective(doc)}
    result = []
    for index, found in enumerate(spans):
        kept = []
        for start, end, label in found:
            name = candidates.get((index, start), "")
            kept.append((start, start + len(name) if name in closed else end, label))
        result.append(kept)
    return result


def _ends_with_agreeing_adjective(doc) -> bool:
    """Whether the last word of `doc` is an adjective, no participle, whose number and gender
    (those the tagger gives) are those of a noun or an adjective before it."""
    if len(doc) < 2 or doc[-1].pos_ != "ADJ" or doc[-1].morph.get("VerbForm"):
        return False
    last = doc[-1].morph
    return any(
        word.pos_ in ("NOUN", "PROPN", "ADJ")
        and all(not last.get(f) or not word.morph.get(f) or last.get(f) == word.morph.get(f) for f in _AGREEMENT)
        for word in doc[:-1]
    )


_AGREEMENT = ("Number", "Gender")
