"""A plain-text seed (a news text copied from a page) read as an article: its title, the kicker
above it, its date and update from a dateline, and the paragraphs of its body.

Everything rests on the text's structure, not on its words: the title is the first line when it
is shaped like one (one short line, more text after it), whatever punctuation ends it; a short
line in capitals just above it is its kicker ('INTERVIEW'). A dateline is a date (07/12/2018,
2018-12-07, 5 mars 2024), with its time, among the first or last lines, alone on its line or
opening it; the words around it (month names, 'Publié le', 'Mis à jour le') come from the
language profile. A date in the middle of a sentence is not the article's. Failing a dateline,
a date in the file name (2024-03-05, 20240305, 2024_03_05) dates the text. A byline among the
first or last lines ('Par Clara Moulin') names the author and a credit line ('Crédit photo :
X') is no text either: a line of its own, a cue of the language, then names alone. Contact
lines, an e-mail's header and footer go too (see kbgen.plain_furniture).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from kbgen.dates import When, date_in_name
from kbgen.lang import DateWords
from kbgen.plain_furniture import furniture_lines, without_credit
from kbgen.titles import infer_title

TITLE_LINE_MAX = 200  # characters: a longer first line is a paragraph, not a title
TITLE_WORDS_MAX = 35
KICKER_MAX = 40  # characters of a kicker line ('VRAI OU FAUX', 'GUERRE EN UKRAINE')
KICKER_WORDS_MAX = 5
HEAD_LINES, TAIL_LINES = 6, 5  # where a dateline is looked for: the first and the last lines
DATELINE_MAX = 160  # characters of a line that holds nothing but a dateline
EARLIEST = 1800
LATEST_AHEAD = dt.timedelta(days=31)  # a date further ahead than this is a typo, not a dateline
_WORD = re.compile(r"[^\W_]")
_NOT_A_TITLE_END = ".,;:"
_SEPARATORS = re.compile(r"[-–—|·•,:;/]+")
_AFTER_DATELINE = re.compile(r"\s*(?:[-–—|:]|\([A-ZÀ-Ý]|$)")  # what follows a dateline that opens a line
_LEAD_SEPARATOR = re.compile(r"\s[-–—]\s|\s?[|:]\s")  # between a dateline and the text it opens
# A date set apart from the rest of its line: 'Par la rédaction | 22 mai 2024'.
_SEGMENT_BEFORE = re.compile(r"(?:^|[|·•]|\s[-–—]\s)\s*$")
_SEGMENT_AFTER = re.compile(r"\s*(?:$|[|·•]|[-–—]\s|\([A-ZÀ-Ý])")


@dataclass(frozen=True)
class PlainText:
    title: str | None  # None: the caller takes the first sentence
    kicker: str | None
    when: When | None
    updated: When | None
    paragraphs: list[str]  # plain text, lines joined by '\n'
    author: str | None = None  # named by a byline: 'Par Clara Moulin'


@dataclass(frozen=True)
class _Line:
    paragraph: int
    text: str


@dataclass(frozen=True)
class _Found:
    """A date found in a line: where, the date (and time), and what its words say of it."""

    start: int
    end: int
    when: When
    updated: bool  # after an update cue ('Mis à jour le')
    cued: bool  # after a cue ('Publié le', 'Mis à jour le')


def read_plain_text(paragraphs: list[str], name: str, words: DateWords, today: dt.date | None = None) -> PlainText:
    """The article in `paragraphs` (a text's non-empty paragraphs), from the file `name`."""
    lines = [_Line(n, line) for n, paragraph in enumerate(paragraphs) for line in paragraph.split("\n")]
    when, updated, lines = _dateline(lines, words, today or dt.date.today())
    # After the dateline: an e-mail's 'Date :' header line dates the text before it goes.
    furniture = furniture_lines([line.text for line in lines])
    furniture |= {index for index, line in enumerate(lines) if _caption(line.text, words)}  # 'Photo : © X'
    lines = [
        _Line(line.paragraph, without_credit(line.text)) for index, line in enumerate(lines) if index not in furniture
    ]
    lines = [line for line in lines if line.text.strip()]
    if when is None:
        from_name = date_in_name(name.rsplit(".", 1)[0])
        when = from_name if from_name and _plausible(from_name.date, today or dt.date.today()) else None
    kicker, title, lines = _kicker_and_title(lines)
    if title is None and lines:
        title = _title_after_dateline(lines[0].text, words)
    author, lines = _bylines(lines, words)
    return PlainText(title, kicker, when, updated, _paragraphs(lines), author)


def _paragraphs(lines: list[_Line]) -> list[str]:
    paragraphs: list[list[str]] = []
    last = None
    for line in lines:
        if line.paragraph != last:
            paragraphs.append([])
            last = line.paragraph
        paragraphs[-1].append(line.text)
    return ["\n".join(paragraph) for paragraph in paragraphs]


# --- title and kicker ---------------------------------------------------------------------


def _kicker_and_title(lines: list[_Line]) -> tuple[str | None, str | None, list[_Line]]:
    """The kicker and the title the first lines make, and the lines left for the body."""
    if len(lines) >= 3 and _kicker_shaped(lines[0].text) and _title_shaped(lines, 1):
        kicker = lines[0].text.rstrip(" :-–—|").strip()
        return kicker, lines[1].text, lines[2:]
    if len(lines) >= 2 and _title_shaped(lines, 0):
        return None, lines[0].text, lines[1:]
    return None, None, lines


def _title_shaped(lines: list[_Line], index: int) -> bool:
    """Whether line `index` is a title: one line of words, reasonably short, not ending a
    sentence with a full stop (nor cut at a comma), with more text after it, which, in the same
    paragraph, does not go on in lower case (a text wrapped at a fixed width)."""
    text = lines[index].text
    if not (_WORD.search(text) and len(text) <= TITLE_LINE_MAX and len(text.split()) <= TITLE_WORDS_MAX):
        return False
    if text[-1] in _NOT_A_TITLE_END or index + 1 >= len(lines):
        return False
    following = lines[index + 1]
    return following.paragraph != lines[index].paragraph or not following.text[0].islower()


def _title_after_dateline(text: str, words: DateWords) -> str | None:
    """With no title line, the first sentence after the dateline the text opens with
    ('07/12/2018 - Londres (AFP) - La Première ministre a ...'), not the dateline; None when
    the text opens with none."""
    found = _dates_in(text, words)
    if not found or not _opens(text, found[0], at_head=True):
        return None
    rest = text[found[0].end :]
    ends = [m.end() for m in _LEAD_SEPARATOR.finditer(rest, 0, 80) if _only_names(rest[: m.start()], 4, True)]
    return infer_title(rest[ends[-1] :]) if ends else None


def _kicker_shaped(text: str) -> bool:
    """A short line in capitals: 'INTERVIEW', 'VRAI OU FAUX'."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2 or len(text) > KICKER_MAX or len(text.split()) > KICKER_WORDS_MAX:
        return False
    return text[-1] not in ".,;" and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


# --- bylines and credits ------------------------------------------------------------------

BYLINE_MAX = 80  # characters of a byline or a credit line
BYLINE_NAMES_MAX = 6  # words of the names after its cue ('Christophe Raynaud de Lage')
_BYLINE_PART = re.compile(r"\s[-–—|·•/]\s|[|·•,]")  # between the names and what a byline adds
# A word in lower case between two capitalised words: 'Bertrand Olivo pour Longitudes'.
_JOINED_OUTLET = re.compile(r"(?<=[^\W\d_])\s+[^\W\d_A-ZÀ-Þ]+\s+(?=[A-ZÀ-Þ])")


def _bylines(lines: list[_Line], words: DateWords) -> tuple[str | None, list[_Line]]:
    """The author the first byline names, and the lines without the bylines among the first
    and last lines and the credit lines anywhere. Each is a short line of its own: a cue of the
    language ('Par', 'Crédit photo :', a credit's with its colon), then names alone, capitalised,
    no word of a sentence ('Par ailleurs, ...' is text). Never all the lines."""
    edges = {*range(min(HEAD_LINES, len(lines))), *range(max(len(lines) - TAIL_LINES, 0), len(lines))}
    author, dropped = None, set()
    for index, line in enumerate(lines):
        names = _credited(line.text, words.credits, colon=True)
        if names is None and index in edges:
            names = _credited(line.text, words.bylines, colon=False)
            author = author or names
        if names is not None:
            dropped.add(index)
    kept = [line for index, line in enumerate(lines) if index not in dropped]
    return (author, kept) if kept else (None, lines)


def _credited(text: str, cues: tuple[str, ...], colon: bool) -> str | None:
    """The names a line credits after one of `cues` (and a colon when `colon`: 'Crédit Agricole'
    is a name), or None when the line is not such a credit. After a colon, one word in lower case
    may join the names to the outlet they worked for ('Illustration : Bertrand Olivo pour
    Longitudes'), as a credit's slash does."""
    if not cues or len(text) > BYLINE_MAX:
        return None
    after = r"\s*:\s*" if colon else r"\s*:\s*|\s+"
    match = re.match(rf"(?:{_forms(cues)})(?:{after})", text, re.IGNORECASE)
    names = text[match.end() :].strip(" .") if match else ""
    if colon:
        names = _JOINED_OUTLET.sub(" / ", names, count=1)
    if not (names[:1].isupper() and _only_names(names, BYLINE_NAMES_MAX)):
        return None
    return _BYLINE_PART.split(names)[0].strip()  # 'Clara Moulin | 22 mai 2024': the names


def _caption(text: str, words: DateWords) -> bool:
    """Whether a line is a picture's credit and nothing else: a credit's cue and its colon, then
    a copyright sign and its holders ('Crédit photo : © Neige Express / Christoph Haller'). A
    caption before the sign stays (kbgen.signatures reads the names it alone gives)."""
    rest = without_credit(text)
    if not words.credits or rest == text:
        return False
    return bool(re.fullmatch(rf"(?:{_forms(words.credits)})\s*:?", rest.strip(), re.IGNORECASE))


# --- the dateline -------------------------------------------------------------------------


def _dateline(lines: list[_Line], words: DateWords, today: dt.date) -> tuple[When | None, When | None, list[_Line]]:
    """The date and update the datelines among the first and last lines give, and the lines
    without those that hold nothing but a dateline (all of them, unless no word is left)."""
    published: list[When] = []
    updates: list[When] = []
    pure: set[int] = set()
    head = range(min(HEAD_LINES, len(lines)))
    tail = range(max(len(lines) - TAIL_LINES, HEAD_LINES), len(lines))
    for index in [*head, *tail]:
        text = lines[index].text
        found = [f for f in _dates_in(text, words) if _plausible(f.when.date, today)]
        if not found:
            continue
        if _pure(text, found):
            pure.add(index)
        elif not (_opens(text, found[0], at_head=index in head) or _set_apart(text, found[0])):
            continue
        for item in found if index in pure else [found[0], *(f for f in found[1:] if f.cued)]:
            (updates if item.updated else published).append(item.when)
    kept = [line for index, line in enumerate(lines) if index not in pure]
    first = published[0] if published else None
    return first, updates[0] if updates else None, kept if any(_WORD.search(k.text) for k in kept) else lines


def _plausible(day: dt.date, today: dt.date) -> bool:
    return day.year >= EARLIEST and day <= today + LATEST_AHEAD


def _pure(text: str, found: list[_Found]) -> bool:
    """Whether the line holds nothing but datelines, and a place, an agency or a name:
    '07/12/2018 22:18:13 - Paris (AFP)', 'Publié le 5 mars 2024 à 10h32'."""
    if len(text) > DATELINE_MAX:
        return False
    rest, last = [], 0
    for item in found:
        rest.append(text[last : item.start])
        last = item.end
    rest.append(text[last:])
    return _only_names(" ".join(rest), KICKER_WORDS_MAX)


def _only_names(text: str, most: int, capitalised: bool = False) -> bool:
    """At most `most` words (brackets and dashes left out), none a lower-case word of four
    letters or more (a sentence's); with `capitalised`, none in lower case at all."""
    text = _SEPARATORS.sub(" ", re.sub(r"\([^()]{0,40}\)", " ", text))
    words = text.split()
    short = 1 if capitalised else 4
    return len(words) <= most and not any(w[0].islower() and sum(c.isalpha() for c in w) >= short for w in words)


def _opens(text: str, found: _Found, at_head: bool) -> bool:
    """Whether a date opens a longer line as a dateline does: after a place at most ('PARIS,'),
    and after a cue ('Publié le'), or, among the first lines, before a dash, a bracket or a
    colon ('07/12/2018 - Paris (AFP) - Les ...'). 'Le 5 mars 2024, le conseil a ...' is a
    sentence."""
    if not _only_names(text[: found.start], 3, capitalised=True):
        return False
    return found.cued or (at_head and bool(_AFTER_DATELINE.match(text, found.end)))


def _set_apart(text: str, found: _Found) -> bool:
    """Whether a date is a part of its line of its own, between bars or dashes: 'Par la
    rédaction | 22 mai 2024 | Lecture 3 min'."""
    return bool(_SEGMENT_BEFORE.search(text, 0, found.start) and _SEGMENT_AFTER.match(text, found.end))


def _dates_in(text: str, words: DateWords) -> list[_Found]:
    patterns = _patterns(words)
    found = []
    for match in patterns.expression.finditer(text):
        when = _when(match, patterns)
        if when is not None:
            cue = (match["cue"] or "").lower()
            updated = bool(cue) and bool(patterns.updated.fullmatch(cue.strip(" :")))
            found.append(_Found(match.start(), match.end(), when, updated, bool(cue)))
    return found


@dataclass(frozen=True)
class _Patterns:
    expression: re.Pattern
    updated: re.Pattern
    months: dict[str, int]
    day_first: bool


def _forms(words: tuple[str, ...]) -> str:
    """An alternation of `words`, the longest first, any spaces between their parts."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@functools.cache
def _patterns(words: DateWords) -> _Patterns:
    months = {form: number for number, forms in enumerate(words.months, 1) for form in forms}
    month = rf"(?:{_forms(tuple(months))})\.?"
    ordinal = rf"(?:{_forms(words.ordinals)})?" if words.ordinals else ""
    hours = rf"|\s?(?:{_forms(words.hour_marks)})\s?(?P<M2>\d{{2}})?" if words.hour_marks else ""
    at = rf"(?:(?:{_forms(words.before_time)})\s+)?" if words.before_time else ""
    date = (
        r"(?P<n1>\d{1,2})(?P<ns>[/.-])(?P<n2>\d{1,2})(?P=ns)(?P<ny>\d{4})"
        r"|(?P<iy>\d{4})(?P<is>[-/.])(?P<im>\d{1,2})(?P=is)(?P<id>\d{1,2})"
        rf"|(?P<wd>\d{{1,2}}){ordinal}\s+(?P<wm>{month})\s+(?P<wy>\d{{4}})"
        rf"|(?P<vm>{month})\s+(?P<vd>\d{{1,2}}){ordinal},?\s+(?P<vy>\d{{4}})"
    )
    time = (
        rf"(?:\s*,?\s*{at}(?P<H>\d{{1,2}})(?:\s*:\s*(?P<M>\d{{2}})(?::(?P<S>\d{{2}}))?{hours})"
        r"(?:\s*(?P<ampm>[ap])\.?m\b\.?)?(?!\w))?"
    )
    cue = rf"(?:(?P<cue>{_forms(words.published + words.updated)})\s*:?\s*)?"
    before = rf"(?:(?:{_forms(words.before_date)})\s+)?" if words.before_date else ""
    weekday = rf"(?:(?:{_forms(words.weekdays)})\.?,?\s+)?"
    expression = rf"(?<![\w/.-]){cue}{before}{weekday}{before}(?:{date})(?![\w/]){time}"
    return _Patterns(
        re.compile(expression, re.IGNORECASE),
        re.compile(_forms(words.updated), re.IGNORECASE),
        months,
        words.day_first,
    )


def _when(match: re.Match, patterns: _Patterns) -> When | None:
    """The date (and time) `match` found; None for a date or time that does not exist."""
    if match["n1"]:
        first, second = int(match["n1"]), int(match["n2"])
        day, month = (first, second) if patterns.day_first else (second, first)
        if month > 12 >= day:  # 12/25/2024 in a day-first language, or the reverse
            day, month = month, day
        year = int(match["ny"])
    elif match["iy"]:
        year, month, day = int(match["iy"]), int(match["im"]), int(match["id"])
    else:
        written = "w" if match["wd"] else "v"
        day, year = int(match[f"{written}d"]), int(match[f"{written}y"])
        month = patterns.months[re.sub(r"\s+", " ", match[f"{written}m"].lower().rstrip("."))]
    try:
        return When(dt.date(year, month, day), _time(match))
    except ValueError:
        return None


def _time(match: re.Match) -> dt.time | None:
    if match["H"] is None:
        return None
    hour = int(match["H"])
    if match["ampm"] and hour <= 12:
        hour = hour % 12 + (12 if match["ampm"].lower() == "p" else 0)
    return dt.time(hour, int(match["M"] or match["M2"] or 0), int(match["S"] or 0))
