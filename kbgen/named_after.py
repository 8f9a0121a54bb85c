"""Places and buildings named after a person, for kbgen.extract: French joins the words of such
a name with hyphens ('le cours Jean-Jaurès', 'la salle Pierre-Bérégovoy', 'du CHU
Charles-Nicolle', 'au centre hospitalier William-Morey'), where the person's own name has a
space ('Jean Jaurès'). The model reads the compound as the person; the noun written before it,
which the tagger reads as a noun in its sentence, is the name's head, whatever the noun is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kbgen.lang import LanguageProfile
from kbgen.trade_heads import is_establishment

if TYPE_CHECKING:
    from kbgen.extract import Normalised

# A compound of capitalised words joined by hyphens, perhaps with particles ('Charles-de-Gaulle',
# 'Philippe-le-Bon'), its first word no acronym ('CGT-RATP'), and perhaps its town after 'de'
# ('Jacques-Monod de Flers').
_COMPOUND = re.compile(
    r"[A-ZÀ-Þ][a-zà-ÿ]+(?:-(?:[A-ZÀ-Þ][\w]*|d[eu]|des|la|le|l['’][A-ZÀ-Þ]\w*|d['’][A-ZÀ-Þ]\w*))+"
    r"(?: (?:de|du|d['’]) ?[A-ZÀ-Þ][\w-]+)?"
)
# The two words before the span on its line: a determiner, a preposition or a number, then the
# head, then perhaps an adjective ('au centre hospitalier ', 'sur le cours ', '4 rue ').
_BEFORE = re.compile(r"(?:^|(?<=[\s'’(]))(?P<head>[a-zà-ÿ][\w-]{2,}|[A-ZÀ-Þ]{2,5})(?: (?P<adj>[a-zà-ÿ]{3,}))? $")


def with_named_after(
    normalised: list[Normalised], spans: list[list[tuple[int, int, str]]], nlp, language: LanguageProfile
) -> list[list[tuple[int, int, str]]]:
    """The spans, a person's name written as a hyphenated compound (_COMPOUND) right after a
    noun that the tagger reads as one (perhaps with its adjective: 'centre hospitalier') taken
    as the name of what that noun is, with the head's kind (Rules.name_heads; an organisation's
    head noun, ORG; else a place). Not after a title or a function ('le maire Jean-Louis'), nor
    a body's head that names it by its own name ('le groupe Lacaze-Hospitalité',
    'l'imprimerie Barbé-Lecoq'); not when the text writes the compound elsewhere without that
    head (a person's surname: 'Hakim Sabri-Lefort', then 'a justifié Sabri-Lefort')."""
    from kbgen.rereading import TAGGER, tagged_texts

    if not all(name in nlp.component_names for name in TAGGER):
        return spans  # no part-of-speech evidence in this pipeline
    candidates: dict[tuple[int, int], tuple[int, str]] = {}  # (text, span start) -> head's start, snippet
    compounds: dict[str, int] = {}  # snippet -> where its compound starts in it
    for index, (norm, found) in enumerate(zip(normalised, spans)):
        for start, end, label in found:
            head = _head_before(norm.text, start, end, label, language)
            if head is not None:
                # the line's words before the head too: the tagger reads the head in its context
                opening = max(norm.text.rfind("\n", 0, head) + 1, head - 60)
                candidates[index, start] = head, norm.text[opening:end]
                compounds[norm.text[opening:end]] = start - opening
    snippets = sorted(compounds)
    nouns = {text for text, doc in zip(snippets, tagged_texts(nlp, snippets)) if _is_head(doc, compounds[text])}
    result = []
    for index, (norm, found) in enumerate(zip(normalised, spans)):
        kept = []
        for start, end, label in found:
            head, snippet = candidates.get((index, start), (start, ""))
            if snippet in nouns:
                start, label = head, _kind(norm.text[head:start], language)
            kept.append((start, end, label))
        result.append(kept)
    return result


def _head_before(text: str, start: int, end: int, label: str, language: LanguageProfile) -> int | None:
    """Where the head noun written before the compound [start, end) starts, if the span is one
    the rule reads (a person's hyphenated compound, never written without that head)."""
    rules = language.rules
    if label != "PER" or not _COMPOUND.fullmatch(text, start, end):
        return None
    line_start = text.rfind("\n", 0, start) + 1
    before = _BEFORE.search(text, max(line_start, start - 40), start)
    if before is None:
        return None
    head = before.group("head").lower()
    if (head in rules.org_heads and head not in rules.name_heads) or is_establishment(head, rules):
        return None  # the body named by its own name: 'le groupe Lacaze-Hospitalité'
    words = text[before.start() : start].strip().lower()
    if any(w in rules.titles or w in language.stop_words() for w in (head, words)):
        return None
    if rules.person_cues.search(text, max(0, start - 25), start):
        return None  # a title makes a person of the name: 'le général Leclerc', 'le baron Jean-Henri'
    if before.group("head").isupper() and head not in {h.lower() for h in rules.name_heads}:
        return None  # an acronym is a head only as one of the language's ('CHU')
    compound = re.escape(text[start:end].split(" ")[0])
    heads = {text[max(0, m.start() - len(words) - 1) : m.start()] for m in re.finditer(rf"(?<![\w-]){compound}", text)}
    return before.start() if heads == {text[before.start() : start]} else None


def _is_head(doc, compound: int) -> bool:
    """Whether the tagged snippet (words before the head, the head, perhaps its adjective, then
    the compound, from `compound` to its end) reads the head as a noun (an acronym as a proper noun too)
    after a determiner, a preposition or a number, and the adjective, if any, as an adjective."""
    match = _BEFORE.search(doc.text, 0, compound)
    if match is None:
        return False
    words = [t for t in doc if match.start() <= t.idx < match.end() - 1]
    before = [t for t in doc if t.idx < match.start()]
    if not words or (before and before[-1].pos_ not in ("DET", "ADP", "NUM")):
        return False
    head, adjective = words[0], words[1:]
    noun = head.pos_ == "NOUN" or (head.text.isupper() and head.pos_ == "PROPN")
    return noun and all(t.pos_ == "ADJ" for t in adjective)


def _kind(head: str, language: LanguageProfile) -> str:
    """The kind of name the head makes: the language's for its head nouns, an organisation for
    a body's head noun, else a place."""
    rules = language.rules
    head = head.strip()
    word = head.split()[0]
    for known in (head, word):  # 'centre hospitalier', then 'salle'
        if known in rules.name_heads:
            return rules.name_heads[known]
    return "ORG" if word.lower() in rules.org_heads or is_establishment(word.lower(), rules) else "LOC"
