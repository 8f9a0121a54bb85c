"""Names written in capitals. The model was trained on text in mixed case and reads words in
capitals poorly: of the 33 datelines in capitals the judged sets open paragraphs with
('NOUMÉA.', 'TOULOUSE.', 'SAINT-JEAN-DE-LUZ.'), it labels 4 a place, 18 an organisation, a
work or a person, and finds nothing in 11. The structure of the text says more than the model there: a word in capitals
that opens a paragraph, followed by a full stop, a date after a comma, a region in brackets or
a dash, and then the paragraph's sentence, is the place the news is reported from.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from kbgen.lang import LanguageProfile
from kbgen.spans import written_as_name

if TYPE_CHECKING:
    from kbgen.extract import Normalised

CAPITAL = "A-ZÀ-ÖØ-ÞŒ"
# A place's one word in capitals (a compound's hyphens and apostrophes inside: 'VILLENEUVE-D'ASCQ').
PLACE_WORD = rf"[{CAPITAL}](?:[{CAPITAL}'-]*[{CAPITAL}])?"
# What follows a dateline's place, before its paragraph's sentence: a full stop and a sentence's
# capital, a comma and a date, a region or an agency in brackets, a dash.
AFTER_PLACE = rf"(?:\.[ \t]+(?=[{CAPITAL}][a-zà-ÿ])|,[ \t]+(?=\d)|[ \t]+\((?=[{CAPITAL}])|[ \t]+[-–—][ \t]+)"


def dateline_pattern(language: LanguageProfile) -> re.Pattern:
    """A line that opens with a dateline's place: the language's capitalised articles, in
    capitals, may open it ('LA CIOTAT.', 'LES ALDUDES.'); group `place` is the place."""
    articles = sorted({a.strip().upper() for a in language.rules.capitalised_articles if a.strip()}, key=len)
    article = "|".join(rf"{re.escape(a)}(?: |')" for a in reversed(articles))
    return re.compile(rf"^[ \t]*(?P<place>(?:{article})?{PLACE_WORD}){AFTER_PLACE}(?=.*[a-zà-ÿ])", re.M)


def datelines(text: str, language: LanguageProfile, is_common: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Where the text's datelines name their place: not a title's abbreviation ('MME. Dupont'),
    nor a common word of the lexicon the text never writes capitalised inside a sentence (a
    kicker: 'INTERVIEW. Le ministre...'); a place of fewer than three letters neither."""
    found = []
    titles = {t.lower() for t in language.rules.titles}
    for match in dateline_pattern(language).finditer(text):
        place = match.group("place")
        word = re.split(r"[ ']", place)[-1]
        if sum(ch.isalpha() for ch in word) < 3 or word.lower() in titles:
            continue
        if is_common(word.lower()) and not written_as_name(text, word[0] + word[1:].lower(), language):
            continue
        found.append(match.span("place"))
    return found


def with_datelines(
    normalised: list[Normalised], spans: list[list[tuple[int, int, str]]], nlp, language: LanguageProfile
) -> list[list[tuple[int, int, str]]]:
    """The spans, with each dateline's place a place: the model's span over it, whatever its
    label, gives way to the whole place (its article too: 'LA CIOTAT'), and one is added where
    the model found none."""
    from kbgen.rereading import common_words

    model = getattr(nlp, "_path", None)

    def is_common(word: str) -> bool:  # the lexicon's tables are read only when a dateline needs them
        return common_words(model)(word)

    result = []
    for norm, found in zip(normalised, spans):
        places = datelines(norm.text, language, is_common)
        kept = [s for s in found if not any(s[0] < end and start < s[1] for start, end in places)]
        result.append(sorted(kept + [(start, end, "LOC") for start, end in places]))
    return result
