"""Verbs and adverbs in headings written in capitals. The model reads a heading's last word
alone as a name ('DES TARIFS RÉSIDENTS GELÉS', 'UN MOLIÈRE POUR OUVRIR', 'RÉPARABLE, VRAIMENT ?',
'LA FORÊT DE DEMAIN'), and the lexicon of common nouns and adjectives that tells a heading's
words from a name does not list verbs or adverbs. Read in lower case, as a sentence, the tagger
says what such a word is; the lemmatizer's tables confirm it, so that a place the tagger misreads
in lower case ('GUERRE AU NIGER') stays a name."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kbgen.lang import LanguageProfile
from kbgen.spans import written_as_name

if TYPE_CHECKING:
    from kbgen.extract import Normalised

VERB_OR_ADVERB = ("VERB", "AUX", "ADV")  # the parts of speech no name takes


def verbs_or_adverbs(text: str, words: list[tuple[int, int]], nlp) -> set[tuple[int, int]]:
    """The words at [start, end) of `text`, each on a line wholly in capitals, that the tagger
    reads as a verb or an adverb in their line written in lower case and that the lexicon lists
    as a verb's or an adverb's form."""
    from kbgen.rereading import TAGGER, tagged_texts

    if not words or nlp is None or not all(name in nlp.component_names for name in TAGGER):
        return set()  # no tagger to read them
    known = verb_or_adverb_forms(getattr(nlp, "_path", None))
    lines = {word: _sentence_cased_line(text, *word) for word in words}
    keys = sorted({line for line in lines.values() if line})
    tagged = dict(zip(keys, tagged_texts(nlp, [line for line, _ in keys])))
    found = set()
    for (start, end), line in lines.items():
        if line is None or not known(text[start:end].lower()):
            continue
        offset = start - line[1]
        if any(t.idx == offset and t.pos_ in VERB_OR_ADVERB for t in tagged[line]):
            found.add((start, end))
    return found


def _sentence_cased_line(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The line holding [start, end), in lower case but its first letter, and where it starts;
    None when lower case changes its length (offsets would no longer match)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    cased = line[:1] + line[1:].lower()
    return (cased, line_start) if len(cased) == len(line) else None


@functools.cache
def verb_or_adverb_forms(model: Path | None) -> Callable[[str], bool]:
    """Whether a word in lower case is a verb's or an adverb's form that the lemmatizer of the
    pipeline at `model` lists: a lemma of its index ('vraiment', 'demain'), an irregular form or
    lemma of its exceptions ('ouvrir', 'retenir'), or a form it gives such a lemma for ('gelés')."""
    from spacy.strings import get_string_id

    from kbgen.rereading import lookups

    tables = lookups(model)
    index, exceptions = tables.get("lemma_index", {}), tables.get("lemma_exc", {})
    lemmas, forms = set(), set()
    for part in ("verb", "adv"):
        lemmas.update(index.get(get_string_id(part), ()))
        for form, its_lemmas in exceptions.get(get_string_id(part), {}).items():
            forms.add(form)
            lemmas.update(its_lemmas)
    lookup = tables.get("lemma_lookup", {})
    return lambda word: (
        word in lemmas or word in forms or any(lemma in lemmas for lemma in lookup.get(get_string_id(word), ()))
    )


def without_verbs_in_capitals(
    normalised: list[Normalised], spans: list[list[tuple[int, int, str]]], nlp, language: LanguageProfile
) -> list[list[tuple[int, int, str]]]:
    """The spans less those written in capitals whose words are verbs or adverbs (verbs_or_adverbs)
    and the language's function words, at least one verb or adverb among them: a heading's or a
    label's words ('UN MOLIÈRE POUR OUVRIR', 'ON AIME MOINS : le prix'). Not a word the text also
    writes capitalised inside a sentence: a town may be a verb's form ('Aime', 'Vire')."""
    stop_words = language.stop_words()
    result = []
    for norm, found in zip(normalised, spans):
        candidates = {}
        for start, end, _ in found:
            words = _words_to_read(norm.text, start, end, stop_words, language)
            if words:
                candidates[start, end] = words
        verbs = verbs_or_adverbs(norm.text, [w for ws in candidates.values() for w in ws], nlp)
        dropped = {span for span, words in candidates.items() if all(w in verbs for w in words)}
        result.append([s for s in found if (s[0], s[1]) not in dropped])
    return result


def _words_to_read(
    text: str, start: int, end: int, stop_words: frozenset[str], language: LanguageProfile
) -> list[tuple[int, int]]:
    """Where the words of a span in capitals stand that are no function words (its function
    words alone when it has no other); none when it is not in capitals or the text writes one
    of them capitalised inside a sentence, nor when a full stop follows it, nor after lower case
    on its line: a heading or a label opens its line ('ON AIME : le prix')."""
    name = text[start:end]
    if not name.isupper() or re.match(r"\.(?!\.)", text[end : end + 2]):
        return []  # before a full stop, a word in capitals is a dateline's place ('VALAIS. —', capitals.py)
    if any(ch.islower() for ch in text[text.rfind("\n", 0, start) + 1 : start]):
        return []  # after lower case on its line, capitals are an acronym's ('les TER vers Marseille')
    words = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^\W\d_]{2,}", name)]
    content = [(s, e) for s, e in words if text[s:e].lower() not in stop_words] or words
    if any(written_as_name(text, text[s] + text[s + 1 : e].lower(), language) for s, e in content):
        return []
    return content
