"""Whether a name keeps the capitalised article some of its mentions are written with (kbgen.resolve):
'Le Mans' is the town's name even where French contracts the article away ('du Mans', 'au
Mans'), while 'la Russie' is the country's name after a determiner."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from kbgen.lang import LanguageProfile, plain_forms
from kbgen.spans import starts_sentence

if TYPE_CHECKING:
    from kbgen.extract import Mention


class Candidate(NamedTuple):
    """A name some of whose mentions keep a capitalised `article` (folded: 'le ', 'l '), and its
    `bare_forms`, as written without it."""

    article: str
    bare_forms: frozenset[str]


def owns_article(
    article: str,
    with_article: Iterable[Mention],
    bare_forms: Iterable[str],
    texts: dict[str, str],
    language: LanguageProfile,
) -> bool:
    """Whether the folded `article` that extraction kept in the mentions `with_article` belongs
    to the name (see written_inside_sentence and owned)."""
    candidate = Candidate(article, frozenset(bare_forms))
    return written_inside_sentence(with_article, texts, language) and bool(owned([candidate], texts))


def written_inside_sentence(with_article: Iterable[Mention], texts: dict[str, str], language: LanguageProfile) -> bool:
    """Whether one of the mentions is written inside a sentence, where the article's capital
    says it is the name's ('que Le Mans reste'; at a sentence start it says nothing)."""
    return any(not starts_sentence(texts.get(m.article, ""), m.start, language) for m in with_article)


def owned(candidates: Iterable[Candidate], texts: dict[str, str]) -> set[Candidate]:
    """The candidates no text of the corpus writes with one of their bare forms after their
    article in lower case, where it is a determiner ('la Russie', 'à la Poste'). One pass over
    the corpus for all of them: a pass per name grew with the corpus times its names."""
    candidates = [c for c in candidates if c.bare_forms]
    wanted = {(_lowered(c.article), form) for c in candidates for form in c.bare_forms}
    if not wanted:
        return set()
    articles = sorted({article for article, _ in wanted}, key=len, reverse=True)
    forms = sorted({form for _, form in wanted}, key=len, reverse=True)  # the longest first: see below
    # A lookahead finds every place an article and a form are written, overlapping ones too.
    pattern = re.compile(
        rf"(?<!\w)(?=({'|'.join(map(re.escape, articles))})\s*({'|'.join(map(re.escape, forms))})(?!\w))"
    )
    written: set[tuple[str, str]] = set()
    for text in texts.values():
        for match in pattern.finditer(plain_forms(text)):
            article, longest = match.groups()
            # The forms that end inside the longest one at a word's end are written there too.
            written.update((article, form) for form in forms if _opens(longest, form))
    return {c for c in candidates if not any((_lowered(c.article), form) in written for form in c.bare_forms)}


def _lowered(article: str) -> str:
    return article.replace(" ", "'") if len(article.strip()) == 1 else article  # 'l ' is written "l'"


def _opens(longest: str, form: str) -> bool:
    return longest.startswith(form) and (len(form) == len(longest) or not _WORD.match(longest, len(form)))


_WORD = re.compile(r"\w")
