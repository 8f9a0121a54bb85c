"""A saved page's title: the best of what the page offers (og:title, JSON-LD headline, its main
heading, <title>), without the site's furniture around it (the site's name, a date, a section)
and never a kicker in capitals alone ('INTERVIEW', 'VRAI OU FAUX'), which is kept apart.

What is furniture is learnt from evidence, not from a list of names: the site's own name
(og:site_name, its publisher in JSON-LD, its host), the segments that come back at the start or
the end of the titles of several pages of one host (`learn_affixes`), and, within a page, what
one title adds around another ('X | Site' beside 'X').
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from kbgen.titles import readable_title

# What separates a title from the site's name: a dash, bar, bullet or guillemet between spaces
# (a colon is left alone: in French it is part of titles).
_SEPARATOR = re.compile(r"\s+[-–—|·•«»‹›~/]\s+|\s*\|\s*|\s+::\s+")
_SEPARATOR_BESIDE_QUOTES = re.compile(r"\s+[-–—|·•‹›~/]\s+|\s*\|\s*|\s+::\s+")  # « » open and close a quote
_KICKER = re.compile(
    r"^\s*([^\W\d_][^\W\d_\s'’-]*(?:[\s'’-]+[^\W\d_][^\W\d_\s'’-]*){0,3})\s*(?:[.:|–—-]|\s[-–—]\s)\s+(\S.*)$"
)
_DATE_ONLY = re.compile(r"[\d\s./:,-]*\d[\d\s./:,-]*|\d{1,2}(?:er)?\s+\w+\.?\s+\d{4}(?:\s+\d{1,2}[:h]\d\d)?")
PREFERENCE = ("h1", "og", "headline", "title")  # on a tie, the heading the reader saw first


@dataclass(frozen=True)
class Affixes:
    """The segments (compared by `key`) that start or end the titles of several pages of one host."""

    prefixes: frozenset[str] = frozenset()
    suffixes: frozenset[str] = frozenset()


def key(text: str) -> str:
    """A segment as compared: letters and digits, any digit alike, case aside."""
    return re.sub(r"\d", "0", "".join(c for c in text.casefold() if c.isalnum()))


def segments(title: str) -> list[str]:
    """The parts of a title between separators ('Title - Site', 'Title « Site', 'Site | Title')."""
    separator = _SEPARATOR
    if "«" in title and "»" in title:  # a quote; only a « no » follows, or a » no « precedes, separates
        separator = _SEPARATOR_BESIDE_QUOTES
        if (at := title.rfind(" « ")) > title.rfind("»"):
            title = f"{title[:at]} | {title[at + 3 :]}"
        if -1 < (at := title.find(" » ")) < title.find("«"):
            title = f"{title[:at]} | {title[at + 3 :]}"
    return [s.strip() for s in separator.split(title) if s.strip()]


def learn_affixes(titles_by_page: Iterable[Iterable[str]]) -> Affixes:
    """The furniture of one host's titles: a first or a last segment (or one of the last three)
    that two pages or more share. Each page counts once, whatever titles it gives."""
    starts: Counter[str] = Counter()
    ends: Counter[str] = Counter()
    for titles in titles_by_page:
        page_starts: set[str] = set()
        page_ends: set[str] = set()
        for title in titles:
            parts = segments(title)
            if len(parts) < 2:
                continue
            page_starts.add(key(parts[0]))
            page_ends.update(key(p) for p in parts[1:][-3:])
        starts.update(page_starts)
        ends.update(page_ends)
    return Affixes(
        frozenset(k for k, n in starts.items() if n >= 2 and k),
        frozenset(k for k, n in ends.items() if n >= 2 and k),
    )


def host_keys(host: str | None) -> set[str]:
    """A host's name as a site's name could spell it: 'www.republicoftogo.com' gives
    'republicoftogocom' and 'republicoftogo'."""
    if not host or "." not in host:
        return set()
    labels = host.casefold().removeprefix("www.").split(".")
    return {key("".join(labels)), key(labels[0]), key("".join(labels[:-1]))} - {""}


def is_kicker(text: str) -> bool:
    """A label in capitals of one to four words ('INTERVIEW', 'VRAI OU FAUX'): no title alone."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and len(text.split()) <= 4


def _is_furniture(segment: str, furniture: set[str]) -> bool:
    return key(segment) in furniture or bool(_DATE_ONLY.fullmatch(segment.strip()))


def strip_title(title: str, site: set[str], affixes: Affixes) -> tuple[str | None, str | None]:
    """`title` without the site's name, learnt affixes and dates around it, and without its
    kicker; and the kicker. The title is None when nothing but furniture is left."""
    parts = segments(title)
    while len(parts) > 1 and _is_furniture(parts[-1], site | affixes.suffixes):
        parts.pop()
    while len(parts) > 1 and _is_furniture(parts[0], site | affixes.prefixes):
        parts.pop(0)
    if len(parts) == 1 and _is_furniture(parts[0], site):
        return None, None
    text = _rejoin(title, parts)
    kicker = None
    if len(parts) > 1 and is_kicker(parts[0]) and _not_an_acronym(parts[0]):  # 'REPORTAGE - À Lyon, ...'
        kicker, text = parts[0], _rejoin(title, parts[1:])
    elif (match := _KICKER.match(text)) and is_kicker(match[1]) and _not_an_acronym(match[1]):
        kicker, text = match[1], match[2]  # 'INTERVIEW. Le maire répond'
    return readable_title(text), kicker


def _rejoin(title: str, parts: list[str]) -> str:
    """The stretch of `title` from its part parts[0] to parts[-1], separators as written."""
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end] if 0 <= start < end else " ".join(parts)


def _not_an_acronym(text: str) -> bool:
    """'OTAN : les alliés...' starts with a name, not a kicker: one word of four letters or fewer."""
    return len(text.split()) > 1 or len(text) > 4


@dataclass(frozen=True)
class Candidate:
    where: str  # og, headline, h1, title
    text: str


def choose_title(
    titles: Iterable[tuple[str, str]], site: set[str], affixes: Affixes, sections: set[str]
) -> tuple[str | None, str | None]:
    """The page's title and its kicker, from its `titles` ((where, text) pairs). A candidate
    that is only the site's name, a kicker or a section's name (`sections`: the short texts of
    the page's links, its article:section) is no title. The one most candidates agree on wins;
    on a tie, the main heading, then og:title, the headline and <title>."""
    cleaned: list[Candidate] = []
    named_like_sections: list[Candidate] = []  # titles only when nothing else is
    kickers: list[str] = []
    given = list(titles)
    site = site | _trailing_names([t for _, t in given])
    for where, text in given:
        text = _within_another(text, [t for _, t in given if t != text and not is_kicker(t) and key(t) not in site])
        title, kicker = strip_title(text, site, affixes)
        if kicker:
            kickers.append(kicker)
        if title and is_kicker(title):
            kickers.append(title)
        elif title:
            short = len(title.split()) <= 3 and key(title) in sections
            (named_like_sections if short else cleaned).append(Candidate(where, title))
    cleaned = cleaned or named_like_sections
    if not cleaned:
        return None, kickers[0] if kickers else None
    support = Counter(key(c.text) for c in cleaned)

    def rank(candidate: Candidate) -> tuple[int, int]:
        order = PREFERENCE.index(candidate.where) if candidate.where in PREFERENCE else len(PREFERENCE)
        return -support[key(candidate.text)], order

    best = min(cleaned, key=rank)
    return best.text, kickers[0] if kickers else None


def _within_another(text: str, others: list[str]) -> str:
    """`text` reduced to another candidate it starts with, before a separator ('X - Site' beside 'X')."""
    parts = segments(text)
    for other in sorted(others, key=len, reverse=True):
        wanted = key(other)
        for end in range(len(parts) - 1, 0, -1):
            if wanted and key(" ".join(parts[:end])) == wanted:
                return _rejoin(text, parts[:end])
    return text


def _trailing_names(texts: list[str]) -> set[str]:
    """Candidates that another one ends with, after a separator: the site's name ('X - Site'
    beside a heading 'Site', its logo)."""
    names: set[str] = set()
    for text in texts:
        parts = segments(text)
        ends = {key(" ".join(parts[start:])) for start in range(1, len(parts))}
        names.update(key(other) for other in texts if other != text and key(other) in ends)
    return names - {""}
