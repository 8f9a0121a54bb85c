"""Names written in capitals. The model was trained on text in mixed case and reads words in
capitals poorly: of the 33 datelines in capitals the judged sets open paragraphs with
('NOUMÉA.', 'TOULOUSE.', 'SAINT-JEAN-DE-LUZ.'), it labels 4 a place, 19 an organisation, a
work or a person, and finds nothing in 10. The structure of the text says more than the model
there: a word in capitals that opens a paragraph, followed by a full stop, a date after a
comma, a region in brackets or a dash, and then the paragraph's sentence, is the place the news
is reported from. And a line wholly in capitals is a heading: what the model finds in it is a
name only if the text names it elsewhere too ('LA CONCURRENCE DE SPACEX' beside 'SpaceX'), not
'LE CHOIX DE LA RÉDACTION'."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from kbgen.heading_verbs import without_verbs_in_capitals
from kbgen.lang import LanguageProfile
from kbgen.spans import written_as_name

if TYPE_CHECKING:
    from kbgen.extract import Normalised

CAPITAL = "A-ZÀ-ÖØ-ÞŒ"
# A place's one word in capitals (a compound's hyphens and apostrophes inside: 'VILLENEUVE-D'ASCQ').
PLACE_WORD = rf"[{CAPITAL}](?:[{CAPITAL}'-]*[{CAPITAL}])?"
ACRONYM_MAX = 4  # letters of a word in capitals that may be an acronym ('CGT', 'LFI-NFP')
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


def without_headings_in_capitals(
    normalised: list[Normalised], spans: list[list[tuple[int, int, str]]], nlp, language: LanguageProfile
) -> list[list[tuple[int, int, str]]]:
    """The spans less those in capitals on a line wholly in capitals (a heading: 'DÉCORATIONS ET
    FEU D'ARTIFICE', 'LE CHOIX DE LA RÉDACTION', "L'ARMÉE DE TERRE S'IMPATIENTE") that the text
    never writes otherwise, capitalised, on a line in mixed case: a name in a heading is named in
    the text too ('LA CONCURRENCE DE SPACEX' beside 'SpaceX', 'SUR LES PLANCHES' beside 'les
    Planches'). A span whose every word is an acronym's length stays ('LE DPE', 'LFI-NFP') unless
    each is a common word (_heading_words: 'À LA CLÉ', 'DANS LE TOP 5'), and so does one word the model's lexicon does not list as a common noun or adjective: a place
    or a name the heading alone gives ('GUERRE EN UKRAINE'). Then those in capitals that are
    verbs or adverbs, on any line (heading_verbs: 'UN MOLIÈRE POUR OUVRIR', 'ON AIME : le prix')."""
    from kbgen.rereading import common_words

    model = getattr(nlp, "_path", None)
    stop_words = language.stop_words()
    result = []

    def is_common(word: str) -> bool:  # the lexicon, read only once a heading needs it (common_words caches it)
        return common_words(model)(word)

    for norm, found in zip(normalised, spans):
        text = norm.text

        def in_use(word: str, text: str = text) -> bool:  # the lexicon's, or the text's own in lower case
            return is_common(word) or _written_in_lower_case(text, word)

        headings = [s for s in found if _heading_words(text, s[0], s[1], stop_words, in_use)]
        # A short word the text writes in lower case is a common word too ('LES FAUX CONSEILLERS').
        names = {
            s
            for s in headings
            if _unknown_word(text[s[0] : s[1]], stop_words, in_use if _short(text[s[0] : s[1]]) else is_common)
        }
        result.append([s for s in found if s not in headings or s in names])
    return without_verbs_in_capitals(normalised, result, nlp, language)


def _unknown_word(name: str, stop_words: frozenset[str], is_common: Callable[[str], bool]) -> bool:
    """Whether the name is one word that the lexicon lists as no common noun nor adjective."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]{2,}", name) if w.lower() not in stop_words]
    return len(words) == 1 and not is_common(words[0]) and not is_common(words[0].replace("œ", "oe"))


def _heading_words(
    text: str, start: int, end: int, stop_words: frozenset[str], is_common: Callable[[str], bool]
) -> bool:
    """Whether the span at [start, end) is words of a heading in capitals, no name (see above).
    Words of an acronym's length are an acronym's unless each is a common word, to the lexicon
    or to the text itself in lower case ('À LA CLÉ', 'LES FAUX CONSEILLERS' beside 'aux faux
    conseillers', 'DANS LE TOP 5'), the line holds more than them, and the text writes none as a
    name in mixed case."""
    name = text[start:end]
    words = re.findall(r"[^\W\d_]+", name)
    if not name.isupper() or not words:
        return False
    if _short(name):
        content = [w.lower() for w in words if w.lower() not in stop_words]
        alone = _line(text, start, end).strip() == name  # a line or a cell of its own: an acronym's ('SOC', 'LR')
        if alone or not content or not all(is_common(w) for w in content):
            return False
    if _has_lower_case(_line(text, start, end)):
        return False
    core = _less_opening_function_words(name, stop_words)
    for match in re.finditer(rf"(?<!\w){re.escape(core)}(?!\w)", text, re.IGNORECASE):
        if match.group()[0].isupper() and _has_lower_case(_line(text, *match.span())):
            return False
    return True


def _short(name: str) -> bool:
    """Whether every word of the name is of an acronym's length."""
    return all(len(w) <= ACRONYM_MAX for w in re.findall(r"[^\W\d_]+", name))


def _written_in_lower_case(text: str, word: str) -> bool:
    """Whether the text writes `word`, in lower case, as a word of its own."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def _line(text: str, start: int, end: int) -> str:
    """The line that holds [start, end)."""
    line_end = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : line_end if line_end != -1 else len(text)]


def _has_lower_case(text: str) -> bool:
    return any(ch.islower() for ch in text)


def _less_opening_function_words(name: str, stop_words: frozenset[str]) -> str:
    """The name less the articles and elided words that open it: 'L'UNESCO' is 'UNESCO'."""
    while (word := re.match(r"([^\W\d_]+)('|\s+)(?=\S)", name)) and (
        word.group(1).lower() in stop_words or word.group(1).lower() + "'" in stop_words
    ):
        name = name[word.end() :]
    return name


def written_in_capitals(form: str) -> bool:
    """Whether a name is written in capitals and longer than an acronym in some word ('NOUMÉA',
    'PASCAL VANHOUTTE'; not 'CNRS'): a dateline's, a heading's or a speaker's form, not the
    name's own where the text writes it in mixed case too."""
    return form.isupper() and any(len(w) > ACRONYM_MAX for w in re.findall(r"[^\W\d_]+", form))


def title_cased(name: str, stop_words: frozenset[str]) -> str:
    """A name in capitals as a name is written: each word capitalised, the language's function
    words inside it in lower case ('SAINT-JEAN-DE-LUZ' -> 'Saint-Jean-de-Luz', "VILLENEUVE-D'ASCQ"
    -> "Villeneuve-d'Ascq", 'LA CIOTAT' -> 'La Ciotat')."""
    pieces = re.split(r"(\W+)", name)  # words at even places, what separates them at odd ones
    written = []
    for index, piece in enumerate(pieces):
        inside = 0 < index < len(pieces) - 1
        elided = inside and pieces[index + 1] == "'" and piece.lower() + "'" in stop_words  # 'D'ASCQ'
        if index % 2 == 0 and inside and (elided or (len(piece) > 1 and piece.lower() in stop_words)):
            written.append(piece.lower())
        else:
            written.append(piece[:1] + piece[1:].lower() if index % 2 == 0 else piece)
    return "".join(written)
