"""Bodies named by an acronym and a number: 'le SDIS 85', 'la FDC 52', 'le SDE 22'. French
departmental and numbered bodies (fire brigades, energy unions, hunters' federations, civil
protection units) carry their department's or unit's number after their acronym, so the number
belongs to the name: the model often stops at the acronym ('SDIS' of 'SDIS 85') or reads the whole
as a work. An acronym in capitals right before a number of one to three digits that nothing
continues (no further digit, decimal, hyphen, unit or word in lower case: 'WLTP 364 km', 'ATR
42-600', 'CHF 1,2 milliard') is one name with it, an organisation's.
"""

from __future__ import annotations

import re

# An acronym: two to six capitals (digits and '&' allowed after the first), the whole span.
_ACRONYM = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ&]{1,5}")
# A space and a number of one to three digits that nothing continues: no digit, decimal, hyphen
# or letter ('ATR 42-600', 'CHF 1,2').
_NUMBER = r" \d{1,3}(?![,.'’-]\w|[\w-])"
_WHOLE_NUMBER = re.compile(_NUMBER)
# ... nor, to take it into a name, a word in lower case or a unit's sign after it ('WLTP 364 km',
# 'CDD 12 mois'): the model's reading decides there.
_NUMBER_AFTER = re.compile(_NUMBER + r"(?![ \t]*[a-zà-ÿ%€$°])")
_NUMBERED = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ&]{1,5} \d{1,3}")


def with_body_numbers(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`spans` (start, end, label), sorted, each acronym span taking the number right after it,
    and every span that is an acronym and such a number labelled as an organisation."""
    starts = {start for start, _, _ in spans}
    result = []
    for start, end, label in spans:
        name = text[start:end]
        if _ACRONYM.fullmatch(name):
            number = _NUMBER_AFTER.match(text, end)
            if number and number.end() not in starts and not _inside_another(spans, end, number.end()):
                end = number.end()
                name = text[start:end]
        if _NUMBERED.fullmatch(name) and _WHOLE_NUMBER.match(text, start + name.rindex(" ")):
            label = "ORG"
        result.append((start, end, label))
    return result


def _inside_another(spans: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """Whether another span overlaps [start, end)."""
    return any(s < end and start < e for s, e, _ in spans)
