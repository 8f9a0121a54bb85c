"""Names of several common nouns coordinated, for kbgen.extract: an association's, a party's or a
department's name made of capitalised common nouns joined by 'et' ('Parole et Réparation', 'Saint-Malo
Écologie et Solidarités', 'Immigration, Réfugiés et Citoyenneté Canada'), which the model reads as
names of their own, one for each noun. A common noun capitalised inside a sentence is a name's word,
not a name alone: where the words on both sides of the coordination are such nouns, the pieces are one
name. Names proper coordinated ('Martell et Courvoisier', 'Lyon et Marseille') stay apart.
"""

from __future__ import annotations

import itertools
import re

from kbgen.lang import LanguageProfile

# Between two pieces of one name: 'et', or a comma when an 'et' closes the run later.
_AND = re.compile(r"[ \t]+et[ \t]+")
_COMMA = re.compile(r",[ \t]+")


def joined_coordinated_nouns(
    text: str, spans: list[tuple[int, int, str]], language: LanguageProfile, lexicon
) -> list[tuple[int, int, str]]:
    """The spans, each run of pieces joined by commas and a closing 'et' on one line, where every
    word next to a joint is a capitalised common noun (`lexicon(word, 'noun')`) inside a sentence,
    one piece is such a noun alone, and no person's piece has a title or several words, as one
    name: an organisation's when a piece is one or every piece is a person's (a person is named by
    no common nouns alone), else the first's kind."""
    from kbgen.spans import starts_sentence

    spans = sorted(spans)
    result: list[tuple[int, int, str]] = []
    index = 0
    while index < len(spans):
        run = [spans[index]]
        while index + len(run) < len(spans):
            following = spans[index + len(run)]
            joint = text[run[-1][1] : following[0]]
            if not (_AND.fullmatch(joint) or _COMMA.fullmatch(joint)):
                break
            run.append(following)
        run = _closed_by_and(text, run)
        if (
            len(run) > 1
            and _all_nouns_at_joints(text, run, lexicon, language.stop_words())
            and not starts_sentence(text, run[0][0], language)
            and not _after_title(text, run, language)
        ):
            labels = [label for _, _, label in run]
            label = (
                "ORG" if "ORG" in labels or set(labels) == {"PER"} else next(kind for kind in labels if kind != "PER")
            )
            result.append((run[0][0], run[-1][1], label))
            index += len(run)
        else:
            result.append(spans[index])
            index += 1
    return result


def _after_title(text: str, run: list[tuple[int, int, str]], language: LanguageProfile) -> bool:
    """Whether a person's piece of the run comes with a title ('MM. Boulanger et Marchand') or is
    of several words ('Olivier Gourmet et Virginie Efira': first names are common nouns too)."""
    cues = language.rules.person_cues
    return any(
        label == "PER" and (cues.search(text, max(0, start - 25), start) or " " in text[start:end].strip())
        for start, end, label in run
    )


def _closed_by_and(text: str, run: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The run up to its last piece after an 'et': a list of names closes so; a comma alone joins two names."""
    for last in reversed(range(1, len(run))):
        if _AND.fullmatch(text[run[last - 1][1] : run[last][0]]):
            return run[: last + 1]
    return run[:1]


def _all_nouns_at_joints(text: str, run: list[tuple[int, int, str]], lexicon, stop_words: frozenset[str]) -> bool:
    """Whether the words on both sides of each joint of the run are capitalised common nouns, whole
    words (not 'Saint' of 'Saint-Laurent-du-Var'), no function words ('Le' of 'Le Figaro'), not
    all adjectives too."""
    joints = [
        word
        for before, after in itertools.pairwise(run)
        for word in (text[before[0] : before[1]].split()[-1], text[after[0] : after[1]].split()[0])
    ]
    for word in joints:
        if not (word.isalpha() and word[:1].isupper() and not word.isupper()) or word.lower() in stop_words:
            return False
        if not lexicon(word.lower(), "noun"):
            return False
    # nouns that are all adjectives too name peoples or qualities ('Juifs et Arabes'), no name's words
    if all(lexicon(word.lower(), "adj") for word in joints):
        return False
    # a common noun alone is no name by itself: one piece is one; two names of several words
    # each are a list ('Air Canada et Air France': 'canada' is a noun too)
    return any(" " not in text[start:end].strip() for start, end, _ in run)
