"""Names inside a longer name, for kbgen.extract: the town of 'CHU de Toulouse', of 'Université
de Poitiers', of 'Festival international du court métrage de Clermont-Ferrand' is a name of its
own only where the text also writes it outside every longer name that holds it; otherwise it is
a word of that name, not the town ('Vidal' of 'Vidal Conseil'). Only inside a name that opens
with a capital, an acronym or a capitalised word, which is one proper name whole: a lowercase
head names a thing by its place ('la chambre de commerce de Nantes', 'la préfecture de la
Vendée'), and the place is named there as well (bench/results/entities.md, round 12)."""

from __future__ import annotations

import re


def without_contained(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The spans less a capitalised one lying inside a longer span that opens with a capital,
    whose words the text writes nowhere outside a longer span: a name written alone somewhere
    (even where the model found nothing: a heading, a list) is a name of its own, and stays."""
    longer = sorted((s, e) for s, e, _ in spans)
    kept = []
    for start, end, label in spans:
        held = any(s <= start and end <= e and (s, e) != (start, end) and text[s].isupper() for s, e in longer)
        # a name with its own lowercase head is a name whole: 'palais des Papes' of "Cour d'honneur du palais des Papes"
        if held and text[start].isupper() and not _written_alone(text, start, end, longer):
            continue
        kept.append((start, end, label))
    return kept


def _written_alone(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether the text writes text[start:end] somewhere outside every longer span."""
    name = re.escape(text[start:end])
    for match in re.finditer(rf"(?<![\w-]){name}(?![\w-])", text):
        m_start, m_end = match.span()
        if not any(s <= m_start and m_end <= e and e - s > m_end - m_start for s, e in spans):
            return True
    return False
