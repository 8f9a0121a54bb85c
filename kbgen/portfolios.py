"""A minister's field of work after the title ('ministre des Transports'), which the model reads
as a name: no entity (kbgen.extract's spans, before resolution)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kbgen.lang import LanguageProfile
from kbgen.rereading import common_words, labels_alone

if TYPE_CHECKING:
    from kbgen.extract import Normalised


def without_portfolios(
    normalised: list[Normalised], spans: list[list[tuple[int, int, str]]], nlp, language: LanguageProfile
) -> list[list[tuple[int, int, str]]]:
    """The spans less those right after a minister's title and its preposition
    (`Rules.portfolio_before`: 'ministre des Transports', 'ministre de l'Éducation nationale')
    that the model, reading them alone, finds no name in: a portfolio. A place it does read as
    one stays ('Premier ministre des Pays-Bas')."""
    pattern = language.rules.portfolio_before
    if pattern is None:
        return spans
    candidates = {
        (index, start): norm.text[start:end]
        for index, (norm, found) in enumerate(zip(normalised, spans))
        for start, end, _ in found
        if pattern.search(norm.text, max(0, start - 80), start)
    }
    labels = labels_alone(candidates.values(), nlp)
    common = common_words(getattr(nlp, "_path", None))
    stop_words = language.stop_words()

    def named(text: str) -> bool:
        # A place the model reads alone stays ('des Pays-Bas', 'du Canada': the lexicon lists
        # 'canada' too); of other names, a field of the state's work is common words ('du
        # Logement', which the model reads alone as a person's name).
        words = [w.lower() for w in re.split(r"[\s'’]+", text) if w and w.lower() not in stop_words]
        return labels[text] == "LOC" or (labels[text] is not None and not all(map(common, words)))

    return [
        [span for span in found if (index, span[0]) not in candidates or named(candidates[index, span[0]])]
        for index, found in enumerate(spans)
    ]
