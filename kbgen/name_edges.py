"""Where a name the model found really begins and ends, for kbgen.spans: the lowercase head
noun it is written with that the model left out ('rue de Saint-Malo', 'lycée Chateaubriand'),
and the phrase the model glued after it ('Parc des Princes le week-end').
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable

from kbgen.lang import LanguageProfile, Rules
from kbgen.names import is_acronym_of


@functools.cache
def _name_head(heads: tuple[str, ...], prepositions: tuple[str, ...]) -> re.Pattern:
    """A head noun, up to two words after it ('tribunal correctionnel') and up to two
    complements, each perhaps after a short joining word ('de commerce', "et d'industrie"),
    then a preposition or nothing, up to the span."""
    word = r"[^\W\d_A-ZÀ-Þ][\w-]*"
    connector = "(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in prepositions) + ")"
    return re.compile(
        rf"(?<![\w-])(?P<head>{'|'.join(map(re.escape, heads))})(?P<words>(?:\s+{word}){{0,2}}?)"
        rf"(?:\s+(?:\w{{1,2}}\s+)?{connector}\s*{word}){{0,2}}?(?P<link>\s+{connector}\s*|\s+)$"
    )


def with_name_head(
    text: str, start: int, label: str, language: LanguageProfile, end: int | None = None
) -> tuple[int, str]:
    """Where the name starts, and its kind, when the model left out the lowercase head noun it
    is written with ('rue de Saint-Malo', 'lycée Chateaubriand', "chambre de commerce et
    d'industrie d'Ille-et-Vilaine"; the language's name_heads). The longer words between are
    no function words; a person the model saw is one only written right after the head ('lycée
    Chateaubriand') or after a preposition as a place's one word (_place_named_like_person:
    'la place de Jaude'), never after the head of a locution ('à la place de Dupont' says
    'instead of'). `end`: where the model's span ends."""
    rules = language.rules
    line_start = max(text.rfind("\n", 0, start) + 1, start - 80)
    match = _name_head(tuple(sorted(rules.name_heads)), rules.prepositions).search(text, line_start, start)
    if match is None:
        return start, label
    if label == "PER" and (match.group("link").strip() or match.end("head") != match.start("link")):
        if not (match.group("link").strip() and _place_named_like_person(text, match, start, end)):
            return start, label
    linking = {w for p in rules.prepositions for w in re.findall(r"\w+", p)}
    words = re.findall(r"\w{3,}", text[match.end("head") : match.start("link")])
    if any(w in language.stop_words() and w not in linking for w in words):
        return start, label
    if match.group("head") in rules.institution_heads and not _names_institution_of(text, match, label, rules):
        return start, label
    return match.start(), rules.name_heads[match.group("head")]


def _place_named_like_person(text: str, match: re.Match, start: int, end: int | None) -> bool:
    """Whether the one word the model read as a person after a name's head and a preposition
    ('la place de Jaude', "place d'Armes", 'le quartier de Carnot') is the place's name: the
    head is no locution's ('à la place de', 'à la suite de': a preposition and an article
    before a noun and 'de' make one), the head is the preposition's only word before it, and
    the text never writes the word elsewhere, as it names a person again ('Dupont' after
    'Marie Dupont')."""
    if end is None or re.search(r"\s", text[start:end]) or match.end("head") != match.start("link"):
        return False
    if re.search(r"(?:^|\s)(?:à\s+la|à\s+l['’]|au|aux)\s*$", text[max(0, match.start() - 8) : match.start()]):
        return False
    word = re.escape(text[start:end])
    return len(re.findall(rf"(?<![\w-]){word}(?![\w-])", text)) == 1


def _names_institution_of(text: str, match: re.Match, label: str, rules: Rules) -> bool:
    """Whether the institution's head `match` found before a place is that place's institution:
    a preposition joins them ('la coopérative Limagrain' names the firm alone) and a definite
    article or its contraction opens it on its line ('le centre hospitalier de Brest' is one,
    'un conservatoire de Lyon' any)."""
    if label != "LOC" or not match.group("link").strip():
        return False
    start = match.start()
    before = text[max(text.rfind("\n", 0, start) + 1, start - 12) : start]
    return rules.definite_before is not None and rules.definite_before.search(before) is not None


def with_complement(text: str, start: int, end: int, language: LanguageProfile) -> int:
    """Where the name ends when the model took only an institution's head noun, capitalised,
    and left out the lowercase complement that names it ('Cour' of 'la Cour des comptes', the
    language's org_heads): one or two prepositions, each with a word that is no function word.
    Not when a capitalised word comes before: there the head ends a company's name ('Masson
    Conseil', then "d'ici à la fin")."""
    rules = language.rules
    if text[start:end].lower() not in rules.org_heads or not text[start:end][:1].isupper():
        return end
    if re.search(r"[A-ZÀ-Þ][\w'-]*[ \t]+$", text[max(0, start - 40) : start]):
        return end
    connector = "(?:" + "|".join(re.escape(p).replace(r"\ ", r"[ \t]+") for p in rules.prepositions) + ")"
    complement = re.match(rf"(?:[ \t]+{connector}[ \t]*[^\W\d_A-ZÀ-Þ][\w-]*){{1,2}}", text[end : end + 80])
    if complement is None:
        return end
    words = re.findall(r"\w+", complement.group())
    linking = {w for p in rules.prepositions for w in re.findall(r"\w+", p)}
    if any(w in language.stop_words() and w not in linking for w in words):
        return end
    return end + complement.end()


# Lowercase words (elided ones too) on the span's line, then an acronym in brackets.
_WORDS_THEN_ACRONYM = re.compile(r"((?:[ \t]+|(?<=')|'\s*)[^\W\d_A-ZÀ-Þ][\w'-]*){1,6}[ \t]*\(([A-ZÀ-Þ][^\W\d_]{1,7})\)")


def with_words_of_acronym(text: str, start: int, end: int) -> int:
    """Where the name ends when the model stopped before lowercase words that the acronym in
    brackets after them says are the name's ('Régiment du service militaire' + 'adapté (RSMA)',
    "Service départemental d'incendie" + 'et de secours (Sdis)'): the acronym's letters are the
    initials of the longer name, not of the span, and its last is the last word's."""
    match = _WORDS_THEN_ACRONYM.match(text, end)
    if match is None:
        return end
    acronym, longer = match.group(2), text[start : match.start(2) - 1].rstrip()
    last_word = re.findall(r"[^\W\d_]+", longer)[-1]
    if last_word[0].upper() != acronym[-1].upper() or is_acronym_of(acronym, text[start:end]):
        return end
    return start + len(longer) if is_acronym_of(acronym, longer) else end


def without_trailing_phrase(text: str, start: int, end: int, language: LanguageProfile) -> int:
    """Where the name ends when the model glued to it the phrase after it: an article after a
    capitalised word, then only lowercase words or numbers to the span's end ('Parc des Princes
    le week-end'). Inside a name an article follows a preposition ('Maison de la radio') or
    opens a capitalised word ('Alexandre le Grand')."""
    articles = {a.strip() for a in language.rules.capitalised_articles if a.strip().isalpha()}
    words = list(re.finditer(r"\S+", text[start:end]))
    for before, word in itertools.pairwise(words):
        rest = words[words.index(word) + 1 :]
        if (
            word.group() in articles
            and before.group()[0].isupper()
            and rest
            and all(w.group()[0].islower() or w.group()[0].isdigit() for w in rest)
        ):
            return start + before.end()
    return end


def with_word_before_acronym(
    text: str, spans: list[tuple[int, int, str]], language: LanguageProfile, starts_sentence
) -> list[tuple[int, int, str]]:
    """An acronym the model found takes the capitalised word written right before it inside
    the sentence that no other span has ('les syndicats Sud PTT': the model found 'PTT'): a
    lone capitalised word there is the name's first. Not a function word, a title ('M. DUPONT')
    or a generic word. `starts_sentence` is kbgen.spans's (which imports this module)."""
    rules = language.rules
    taken = sorted((s, e) for s, e, _ in spans)
    result = []
    for start, end, label in spans:
        before = re.search(r"(?<![\w'-])([A-ZÀ-Þ][a-zà-ÿ]+) $", text[max(0, start - 30) : start])
        if before is not None and re.fullmatch(r"[A-ZÀ-Þ]{2,6}", text[start:end]):
            word_start = start - len(before.group())
            lower = before.group(1).lower()
            if not (
                any(s < start and e > word_start for s, e in taken)
                or lower in language.stop_words()
                or lower in rules.generic_words
                or rules.person_cues.search(text, max(0, start - 25), start)
                or starts_sentence(text, word_start, language)
            ):
                start = word_start
        result.append((start, end, label))
    return result


def joined_to_their_place(
    text: str, spans: list[tuple[int, int, str]], language: LanguageProfile
) -> list[tuple[int, int, str]]:
    """An institution's or an event's name written in lower case after its first word, which
    the model ended before its complement ('Festival international du court métrage' + 'de
    Clermont-Ferrand', "Cour d'honneur" + 'du palais des Papes', 'Union maritime' + 'et
    portuaire du Havre'), joined to the place right after it and a preposition on its line,
    with its own label: a name that ends with a lowercase word is not finished, where a
    person's or a place's is ('Marie Dupont de Lyon' stays two). The place stays a name of its
    own too, as in the name of an institution (spans.names_in)."""
    rules = language.rules
    connector = "|".join(re.escape(p).replace(r"\ ", r"[ \t]+") for p in rules.prepositions)
    # a lowercase word joined by a conjunction may come first: 'Union maritime et portuaire du Havre'
    gap = re.compile(rf"(?:{rules.coordination.pattern}[^\W\d_A-ZÀ-Þ][\w-]*)?[ \t]+(?:{connector})[ \t]*")
    result: list[tuple[int, int, str]] = []
    for start, end, label in sorted(spans):
        if result:
            before_start, before_end, before_label = result[-1]
            words = text[before_start:before_end].split()
            if (
                label == "LOC"
                and before_label in ("ORG", "MISC")
                and len(words) > 1
                and words[0][:1].isupper()
                and words[-1].rpartition("'")[2][:1].islower()  # 'Conseil d'État' is finished
                and gap.fullmatch(text, before_end, start)
                and "\n" not in text[before_end:start]
            ):
                result[-1] = (before_start, end, before_label)
        result.append((start, end, label))
    return sorted(result)


def article_is_names(text: str, start: int, language: LanguageProfile, nouns: frozenset[str] = frozenset()) -> bool:
    """Whether the capitalised article at `start` may belong to the name after it, wherever it
    stands: no institution's head noun follows, nor a common noun of `nouns` (in lower case),
    and the text never writes the name after the article in lower case."""
    rules = language.rules
    article = rules.name_article.match(text, start)
    if article is None:
        return False
    head = re.match(r"[^\W\d_][^\s,.;:!?()']*", text[article.end() : article.end() + 60])
    if head is None or not head.group()[0].isupper():
        return False
    if head.group().lower() in rules.org_heads | rules.generic_words | nouns:
        return False
    lowered = re.escape(article.group().lower() + head.group())
    return re.search(rf"(?<!\w){lowered}(?!\w)", text) is None


def opens_with_names_article(text: str, start: int, end: int, language: LanguageProfile, nouns: frozenset[str]) -> bool:
    """Whether the span [start, end) the model found opens with a capitalised article that
    belongs to the name even at a sentence start, where the capital says nothing: the model put
    it in the span, it may belong to the name (article_is_names: the text never writes the name
    after it in lower case), and either one word follows, no title ('Le Havre', 'Le Creusot'; a
    common noun too, 'havre', says little alone), or the words that follow open with no common
    noun of the model's lexicon (`nouns`): in 'Le Stade rennais', 'Le Tour de France 2025' the
    article is the common noun's determiner."""
    article = language.rules.name_article.match(text, start, end)
    if article is None:
        return False
    rest = text[article.end() : end]
    one_word = rest.isalpha() and rest.lower() not in language.rules.titles
    return article_is_names(text, start, language, frozenset() if one_word else nouns)


def joined_to_their_complement(
    text: str, spans: list[tuple[int, int, str]], language: LanguageProfile, lexicon
) -> list[tuple[int, int, str]]:
    """A common noun capitalised inside a sentence that the model found alone names something
    only with its complement after a preposition ('les Apprentis d'Auteuil', 'la coopérative
    Vignerons de la Fine Champagne'): the complement joins it, a name the model found right
    there ('Auteuil', no longer a name of its own), or up to three lowercase words, each no
    function word nor a verb's form ('les Rencontres du capitalisme familial organisées par').
    Only a noun the model reads as an organisation or a MISC name: one it reads as a place is
    a name alone ('Paris', the lexicon's plural of 'pari'); not an institution's head
    (with_complement's) or a generic word.
    `lexicon(word, part)`: whether the model's lexicon lists the lowercase word as a form of
    that part of speech ('noun', 'verb')."""
    from kbgen.spans import starts_sentence  # kbgen.spans imports this module

    rules = language.rules
    connector = "|".join(re.escape(p).replace(r"\ ", r"[ \t]+") for p in rules.prepositions)
    gap = re.compile(rf"[ \t]+(?:{connector})[ \t]*")
    starts = {start: (end, label) for start, end, label in spans}
    result: list[tuple[int, int, str]] = []
    absorbed: set[int] = set()  # the starts of names joined to the noun before them
    for start, end, label in sorted(spans):
        if start in absorbed:
            continue
        word = text[start:end]
        after = gap.match(text, end)
        if (
            after is not None
            and (label in ("ORG", "MISC") or _common_noun_read_as_place(text, start, end, label))
            and re.fullmatch(r"[A-ZÀ-Þ][^\W\d_]+", word)
            and word.lower() not in rules.org_heads | rules.generic_words
            and lexicon(word.lower(), "noun")
            and not starts_sentence(text, start, language)
            # a place the model found after it, written with its own lowercase head, is a place of
            # its own: 'la salle du Conclave du palais des Papes'
            and not (label == "LOC" and after.end() in starts and text[after.end()].islower())
        ):
            if after.end() in starts and starts[after.end()][1] != "PER":
                end = starts[after.end()][0]
                absorbed.add(after.end())
            else:
                end = _lowercase_complement(text, after.end(), language, lexicon) or end
            label = "ORG" if label == "LOC" and end > start + len(word) else label
        result.append((start, end, label))
    return result


# A lowercase definite article, perhaps in a contraction with 'à' or 'de', right before a word.
_DEFINITE_ARTICLE_BEFORE = re.compile(r"(?:^|[\s(])(?:(?:le|la|les|du|des|au|aux)[ \t]+|l['’][ \t]*)$")


def _common_noun_read_as_place(text: str, start: int, end: int, label: str) -> bool:
    """Whether the model read as a place a capitalised word (a common noun, the caller checks)
    that a lowercase definite article introduces ('le Centre des monuments nationaux', 'les
    Thermes du Parc Sévigné'): the head noun of a body, named only with its complement. A town
    takes no article ('à Tours de ...'); one whose article is part of its name writes it
    capitalised ('Le Havre'). A singular only: towns named like plural nouns ('le Paris des
    années folles', 'Tours', 'les Landes') are places with an article too."""
    word = text[start:end].lower()
    return (
        label == "LOC"
        and not word.endswith(("s", "x"))
        and _DEFINITE_ARTICLE_BEFORE.search(text, max(0, start - 8), start) is not None
    )


def _lowercase_complement(text: str, start: int, language: LanguageProfile, lexicon) -> int | None:
    """Where up to three lowercase words from `start` end, each no function word nor verb's form."""
    end, position = None, start
    for _ in range(3):
        word = _NEXT_LOWERCASE.match(text, position)
        if word is None or word.group(1) in language.stop_words() or lexicon(word.group(1), "verb"):
            break
        end = position = word.end()
    return end


_NEXT_LOWERCASE = re.compile(r"[ \t]*([^\W\d_A-ZÀ-Þ][\w-]*)(?![\w'])")


def apart(text: str, spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The spans, sorted, none straddling another: a span whose start runs into one before it (an
    article or a head noun taken from a name the model ended there: 'Karine Le' then 'Le
    Marchand') starts where that one ends. A span inside another stays (an organisation's name
    holds the place it names: spans.names_in)."""
    kept: list[tuple[int, int, str]] = []
    # The kept spans that end after the start of the span read: the spans are read in order of
    # their start, so one that ends before it can straddle none after it (a text of 30,000 names
    # would otherwise compare each with all the others).
    open_ones: list[tuple[int, int]] = []
    for start, end, label in sorted(spans):
        open_ones = [(s, e) for s, e in open_ones if e > start]
        straddled = [before_end for before_start, before_end in open_ones if before_start < start < before_end < end]
        if straddled:
            start = max(straddled)
            while start < end and not text[start].isalnum():  # the space or punctuation between them
                start += 1
        if start < end:
            kept.append((start, end, label))
            open_ones.append((start, end))
    return kept
