"""Peoples' words the model reads as names, judged over the whole corpus after the extraction
cache (as kbgen.word_case is): 'les Haut-Marnais', 'une Ciotadenne', 'La Mosellane', 'je suis
Rochelais', 'le Kényan Edwin Kiprono'. Such a word names people, neither a place nor a person:
its mention is dropped (the judged sets list them under `not`).

No list of peoples' words nor of their endings: the evidence is where the word stands and the
corpus's places. A one-word place or work right before a person's name, after a definite
article, says who the person is ('le Belge Arnaud De Lie', 'la Pr Hélène Courbet'); a place or
a person read right after an indefinite article is a common noun ('une Périgourdine, Lou
Vigneras'). After a determiner of people ('les', 'la', 'chers', 'une autre'; the one the model
put in the span: 'La Mosellane'), or after 'je suis', a word is a people's when the corpus names
the place it is made from (derives_from: 'Pagny-sur-Moselle', 'La Rochelle', 'Haute-Marne').

Places stay: a word the corpus writes somewhere where a place is ('à X', 'en X', 'dans les X')
stays everywhere; 'le' is no determiner of people, since a region is named so after its town
('dans le Valenciennois', 'le Condomois'), nor 'des' ('la route des Indes'), nor 'la' after a
preposition ('vis-à-vis de la Bernina'); and a place the model found as a people's word first
('le Belge Marc Aubry') is no place others are made from ('la Belgique')."""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from kbgen.extract import Extraction, Mention
from kbgen.lang import LanguageProfile, Rules, line_before, plain_forms
from kbgen.names import fold

LOOK_BEHIND = 40  # characters before a mention that hold its determiner
LABELS = ("LOC", "MISC", "PER")  # the model's readings of a people's word
WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:-[^\W\d_][^\W\d_'’-]*)*")  # one word, its hyphenated parts with it


def without_peoples_names(extraction: Extraction, texts: dict[str, str], language: LanguageProfile) -> Extraction:
    """The extraction less the mentions of a people's word; `texts`: each article's text by its
    slug, the corpus whose places are the evidence."""
    rules = language.rules
    if rules.people_noun_before is None:
        return extraction
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in extraction.mentions:
        if m.label in LABELS:
            by_article[m.article].append(m)
    found: dict[int, str] = {}  # id of a people's word's mention -> the word, folded
    words = _Words(language)
    candidates: list[tuple[Mention, str]] = []  # one-word mentions not found so, and their word
    for slug, mentions in by_article.items():
        text = texts[slug]
        mentions.sort(key=lambda m: m.start)
        for index, m in enumerate(mentions):
            word = words.of(m)
            if word is None:
                continue
            following = mentions[index + 1] if index + 1 < len(mentions) else None
            if _before_a_person(m, following, text, language) or _after_indefinite(m, text, language):
                found[id(m)] = fold(word)
            else:
                candidates.append((m, word))
    places = _place_stems([m for m in extraction.mentions if m.label == "LOC" and id(m) not in found], words)
    made = words.made_from(places)
    # The place a word is made from first, a dictionary's lookup; its determiner, a pattern's search, after.
    found.update(
        (id(m), fold(word))
        for m, word in candidates
        if made(word) and _after_people_determiner(m, texts[m.article], language)
    )
    if not found:
        return extraction
    places_named = _written_as_places(extraction.mentions, set(found.values()), texts, words)
    dropped = {key for key, word in found.items() if word not in places_named}
    return Extraction(tuple(m for m in extraction.mentions if id(m) not in dropped), extraction.sentences)


class _Words:
    """Each mention's word (_word_of), and whether a word is made from a place (_made_from_a_place),
    worked out once per name: a corpus names the same places and people again and again."""

    def __init__(self, language: LanguageProfile):
        self.language = language
        self._words: dict[str, str | None] = {}

    def of(self, mention: Mention) -> str | None:
        if mention.text not in self._words:
            self._words[mention.text] = _word_of(mention, self.language)
        return self._words[mention.text]

    def made_from(self, places: dict[str, set[tuple[str, ...]]]):
        return functools.cache(lambda word: _made_from_a_place(word, places))


def _word_of(mention: Mention, language: LanguageProfile) -> str | None:
    """The one word a mention is, less a capitalised article it opens with ('La Mosellane'); None
    when it is more than one word, or in capitals (an acronym, a heading)."""
    text = mention.text[len(_article_in(mention, language)) :].lstrip()
    if WORD.fullmatch(text) is None or text.isupper() or not text[:1].isupper() or len(text) < 3:
        return None
    return text


def _article_in(mention: Mention, language: LanguageProfile) -> str:
    """The capitalised article a mention opens with, as written ('La ', "L'"; '' when none)."""
    found = language.rules.name_article.match(plain_forms(mention.text))
    return found.group() if found and found.end() < len(mention.text) else ""


def _before_a_person(mention: Mention, following: Mention | None, text: str, language: LanguageProfile) -> bool:
    """A place or a work of one word right before a person's name, one space between, after a
    definite article that is not a complement's ('de l'Ariège Martine Froger'): what the person
    is, a people's word or a title ('le Kényan Edwin Kiprono', 'la Pr Hélène Courbet')."""
    if mention.label not in ("LOC", "MISC") or following is None or following.label != "PER":
        return False
    if following.start != mention.end + 1 or text[mention.end] != " " or _article_in(mention, language):
        return False
    before = line_before(text, mention.start, LOOK_BEHIND)
    found = re.search(r"(?:^|(?<=\W))(?P<article>\w+'?)\s*$", before)
    if found is None:
        return False
    article = found.group("article").lower().replace("'", " ").rstrip() + " "
    if article not in language.rules.capitalised_articles:
        return False
    previous = re.search(r"(\w+)('?)\s*$", before[: found.start()])
    return (
        previous is None
        or previous.group(1).lower() + (previous.group(2) or " ") not in language.rules.bare_prepositions
    )


def _after_indefinite(mention: Mention, text: str, language: LanguageProfile) -> bool:
    """A place or a person read by the model right after an indefinite article ('une Ciotadenne'):
    the article makes it a common noun. Not with a word between: a name may be a noun's
    complement ('un sondage Ifop'), a work may be one ('une Nana monumentale')."""
    if (
        mention.label not in ("LOC", "PER")
        or _article_in(mention, language)
        or language.rules.indefinite_before is None
    ):
        return False
    found = language.rules.indefinite_before.search(line_before(text, mention.start, LOOK_BEHIND))
    return found is not None and not found.groupdict().get("between")


def _after_people_determiner(mention: Mention, text: str, language: LanguageProfile) -> bool:
    """A place, a work or a person read by the model right after a determiner of people
    (Rules.people_noun_before, Rules.indefinite_before; a capitalised one the model put in the
    span too: 'La Mosellane', 'Les Malouins', at a sentence's start) or after 'je suis'
    (Rules.copula_before)."""
    rules = language.rules
    article = _article_in(mention, language)
    if article:
        return _determined(rules.people_noun_before, article.strip().lower() + " ", rules)
    before = line_before(text, mention.start, LOOK_BEHIND)
    return any(
        _determined(pattern, before, rules)
        for pattern in (rules.people_noun_before, rules.indefinite_before, rules.copula_before)
    )


def _determined(pattern: re.Pattern | None, before: str, rules: Rules) -> bool:
    """Whether `pattern` ends `before`, with the word between the determiner and the name, if
    any, no head noun of a place's name ('la rue Condorcet')."""
    if pattern is None:
        return False
    found = pattern.search(before)
    if found is None:
        return False
    between = found.groupdict().get("between")
    return not between or between.lower() not in rules.name_heads


def _place_stems(mentions: list[Mention], known: _Words) -> dict[str, set[tuple[str, ...]]]:
    """The names of places `mentions` (the corpus's places) are written with, less an article they
    open with, each as its folded words, by their last word's first three letters."""
    stems: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for m in mentions:
        word = known.of(m)
        name = word if word is not None else m.text
        words = tuple(fold(name).split())
        if words and len(words[-1]) >= 3:
            stems[words[-1][:3]].add(words)
    return stems


def _made_from_a_place(word: str, places: dict[str, set[tuple[str, ...]]]) -> bool:
    """Whether `word` is made from one of `places` (_place_stems)."""
    words = tuple(fold(word).split())
    return any(derives_from(words, place) for place in places.get(words[-1][:3], ()))


def derives_from(word: tuple[str, ...], place: tuple[str, ...]) -> bool:
    """Whether a word (its folded parts: ('haut', 'alpine')) is made from a place's name by an
    ending: its last part continues the place's last word, less at most its last two letters,
    with two letters or more of its own ('rochelle' -> 'rochelais', 'moselle' -> 'mosellane',
    'condom' -> 'condomois'); the two share four letters at least (not 'mans' -> 'manceaux', as
    'macon' -> 'macif' is not), three where the word's other parts are the place's, in either
    one's form ('haute marne' -> 'haut marnais', 'hautes alpes' -> 'haut alpine'). A word of
    one part is matched with the place's last word ('saint malo' -> 'malouins')."""
    if len(word) != len(place) and len(word) != 1:
        return False
    if len(word) > 1 and not all(a.startswith(b) or b.startswith(a) for a, b in zip(word[:-1], place[:-1])):
        return False
    last, base = word[-1], place[-1]
    shared = 0
    for a, b in zip(last, base):
        if a != b:
            break
        shared += 1
    return shared >= max(3 if len(word) > 1 else 4, len(base) - 2) and len(last) - shared >= 2


def _written_as_places(
    mentions: tuple[Mention, ...], words: set[str], texts: dict[str, str], known: _Words
) -> set[str]:
    """Of `words` (folded), those the corpus names somewhere where a place is named: after a
    place's preposition (Rules.place_use_before: 'à Tournus', 'en Suisse', 'dans les Landes')."""
    pattern = known.language.rules.place_use_before
    if pattern is None:
        return set()
    named = set()
    for m in mentions:
        folded = fold(m.text)
        if (folded in words or folded.partition(" ")[2] in words) and (word := known.of(m)):
            if fold(word) not in named and pattern.search(line_before(texts[m.article], m.start, LOOK_BEHIND)):
                named.add(fold(word))
    return named
