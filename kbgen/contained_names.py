"""Names inside a longer name, for kbgen.extract: the town of 'CHU de Toulouse', of 'Université
de Poitiers', of 'Festival international du court métrage de Clermont-Ferrand' is a name of its
own only where the text also writes it outside every longer name that holds it; otherwise it is
a word of that name, not the town ('Vidal' of 'Vidal Conseil'). Only inside a name that opens
with a capital, an acronym or a capitalised word, which is one proper name whole: a lowercase
head names a thing by its place ('la chambre de commerce de Nantes', 'la préfecture de la
Vendée'), and the place is named there as well (bench/results/entities.md, round 12)."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate


def without_contained(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The spans less a capitalised one lying inside a longer span that opens with a capital,
    whose words the text writes nowhere outside a longer span: a name written alone somewhere
    (even where the model found nothing: a heading, a list) is a name of its own, and stays."""
    every = _Holders([(s, e) for s, e, _ in spans])
    capitalised = _Holders([(s, e) for s, e, _ in spans if text[s].isupper()])
    alone: dict[str, bool] = {}  # a name -> whether the text writes it outside every longer span
    kept = []
    for start, end, label in spans:
        # a name with its own lowercase head is a name whole: 'palais des Papes' of "Cour d'honneur du palais des Papes"
        if text[start].isupper() and capitalised.hold(start, end):
            name = text[start:end]
            if name not in alone:
                alone[name] = _written_alone(text, name, every)
            if not alone[name]:
                continue
        kept.append((start, end, label))
    return kept


class _Holders:
    """Spans, asked whether one of them holds a stretch of text and is longer than it: each
    question in logarithmic time, as a text may hold tens of thousands of names."""

    def __init__(self, spans: list[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.furthest = list(accumulate((e for _, e in ordered), max))  # the furthest end of those up to each
        self.longest_from: dict[int, int] = {}  # a start -> the furthest end of the spans opening there
        for s, e in ordered:
            self.longest_from[s] = max(e, self.longest_from.get(s, e))

    def hold(self, start: int, end: int) -> bool:
        """Whether a span other than [start, end) itself holds it: one opening before it and
        ending at its end or after, or one opening with it and ending after it."""
        before = bisect_left(self.starts, start)
        return (before > 0 and self.furthest[before - 1] >= end) or self.longest_from.get(start, end) > end


def _written_alone(text: str, name: str, spans: _Holders) -> bool:
    """Whether the text writes `name` somewhere outside every longer span."""
    found = re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
    return any(not spans.hold(*match.span()) for match in found)
