"""The corpus-wide common-word check, made after the extraction cache (kbgen.ner): a one-word
name the model found at a sentence start is a common word when the corpus writes it in lower
case more often than capitalised inside a sentence ('Hier', 'Pourtant', 'Justice').

The judgment needs every article's text, but not every text again on each build: each text's
word counts (`TextCases`) do not depend on the rest of the corpus, so they are counted once,
and their sum over the last build's texts is kept with the list of those texts
(`.kbgen/wordcase.sqlite`). A build counts the texts that are new since and adds them to the
sum, and takes away those that are gone (an edited article is one of each)."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kbgen.cache import SummaryCache, code_fingerprint
from kbgen.lang import LanguageProfile
from kbgen.spans import starts_sentence

# A word: letters, digits, straight apostrophes and hyphens ("aujourd'hui", "Jean-Pierre").
RUN = re.compile(r"[\w'-]+")
# Words joined by one character that is none of these nor a space ("l’État", "Aujourd’hui",
# "AT&T") make a chain: a one-word name can be one, so each stretch of up to this many words of
# a chain counts as a word too.
_LONGEST_CHAIN = 3


@dataclass(frozen=True)
class TextCases:
    """How often a text writes each word in lower case (`lower`, by the word), and capitalised
    inside a sentence (`named`, by the word with a capital and the rest in lower case)."""

    lower: Counter[str]
    named: Counter[str]


def text_cases(text: str, language: LanguageProfile) -> TextCases:
    """Each word of `text` and each stretch of up to _LONGEST_CHAIN words of a chain of words
    (joined by one character that is no space: "l’État", "Aujourd’hui"), counted by how it is
    written; only the words a name could be read as are kept (one with a lower-case letter)."""
    lower: Counter[str] = Counter()
    named: Counter[str] = Counter()
    chain: list[int] = []  # where each word of the chain ending at this word begins
    end = -2
    for match in RUN.finditer(text):
        start = match.start()
        if start == end + 1 and not text[end].isspace():
            chain.append(start)
        else:
            chain = [start]
        end = match.end()
        for first in chain[-_LONGEST_CHAIN:]:
            word = text[first:end]
            if word.islower():
                if word[0].islower():
                    lower[word] += 1
                continue
            key = word[0].upper() + word[1:].lower()
            if key[0].isupper() and not key.isupper() and not starts_sentence(text, first, language):
                named[key] += 1
    return TextCases(lower, named)


def mostly_lowercase(words: Iterable[str], corpus: TextCases) -> set[str]:
    """Of `words` (each capitalised at a sentence start somewhere), those that `corpus` (the
    counts of every text) writes in lower case more often than capitalised inside a sentence:
    common words whose capital comes from the sentence, not names."""
    return {w for w in set(words) if w[:1].isupper() and not w.isupper() and corpus.lower[w.lower()] > corpus.named[w]}


def corpus_cases(
    texts: list[str], language: LanguageProfile, cache: Path | None = None, whole: bool = True
) -> TextCases:
    """The counts of every text of `texts`, summed; with a `cache`, only the texts the last build
    with that cache did not have are counted. `whole=False`: `texts` are a part of the corpus (an
    article previewed by kbgen serve), added to the last build's sum, which stays as it is: taking
    the rest of the corpus out of it would cost the preview a pass over every text, and the next
    build the count of every text again."""
    if cache is None:
        return _summed(text_cases(text, language) for text in texts)
    with SummaryCache(cache) as remembered:
        summing = _CachedSum(remembered, language)
        return summing.of(texts) if whole else summing.with_added(texts)


def _summed(cases: Iterable[TextCases]) -> TextCases:
    total = TextCases(Counter(), Counter())
    for one in cases:
        total.lower.update(one.lower)
        total.named.update(one.named)
    return total


class _CachedSum:
    """The sum over a corpus, from the last build's sum and the texts that came and went since."""

    def __init__(self, cache: SummaryCache, language: LanguageProfile):
        self.cache = cache
        self.language = language
        self.salt = f"{code_fingerprint()}\0{language.code}\0"

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.salt}text\0{text}".encode("utf-8", "surrogatepass")).hexdigest()

    def _totals_key(self) -> str:
        return hashlib.sha256(f"{self.salt}totals".encode()).hexdigest()

    def with_added(self, texts: list[str]) -> TextCases:
        """The last sum with the counts of those of `texts` it does not have; nothing stored."""
        last = self.cache.get_pickled([self._totals_key()]).get(self._totals_key())
        last_members, total = last if last else (Counter(), TextCases(Counter(), Counter()))
        added = [text_cases(text, self.language) for text in texts if self._key(text) not in last_members]
        return _summed([total, *added])

    def of(self, texts: list[str]) -> TextCases:
        keys = [self._key(text) for text in texts]
        by_key = dict(zip(keys, texts, strict=True))
        members = Counter(keys)
        totals_key = self._totals_key()
        last = self.cache.get_pickled([totals_key]).get(totals_key)
        last_members, total = last if last else (Counter(), TextCases(Counter(), Counter()))
        gone, new = last_members - members, members - last_members
        known = self.cache.get_pickled(sorted(set(gone) | set(new)))
        if any(key not in known for key in gone):  # the last sum cannot be taken apart: start again
            last_members, total = Counter(), TextCases(Counter(), Counter())
            gone, new = Counter(), members
            known = self.cache.get_pickled(sorted(new))
        counted = {key: text_cases(by_key[key], self.language) for key in new if key not in known}
        for key, times in gone.items():
            for _ in range(times):
                total.lower.subtract(known[key].lower)
                total.named.subtract(known[key].named)
        for key, times in new.items():
            for _ in range(times):
                total.lower.update((known.get(key) or counted[key]).lower)
                total.named.update((known.get(key) or counted[key]).named)
        total = TextCases(+total.lower, +total.named)  # words no text writes any more, dropped
        if gone or new:
            self.cache.store({**counted, totals_key: (members, total)}, [totals_key, *members])
        return total
