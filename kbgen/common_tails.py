"""Names of two words whose second is a common noun of the corpus ('Corse Matin', 'Cholet Basket',
'SNCF Voyageurs'), for kbgen.entity_types: the model reads a capitalised word and another as a
first name and a surname, but a newspaper, a club or a firm is named so, a place's or a brand's
word and the noun of what it is. The corpus says which second words are common nouns: it writes
them in lower case after a determiner ('ce matin', 'de basket', 'des voyageurs'); and which first
words are no first names: they are words of names of no person ('la Collectivité de Corse',
'Cholet', 'la SNCF') and open no other person's name. Surnames are common nouns too ('Florian Rue',
'Sylvie Loup', 'Vanessa Paradis'), so the person's evidence of decided_type keeps the name a
person's: a title or a person's cue ('Mme Sylvie Loup', 'Florian Rue, 31 ans'), a second word that
ends another person's name ('Gérard Loup'), another first name joined before it by 'et' ('Louis et
Auguste Lumière'); and a first name is no name of its own."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from kbgen.extract import Mention
from kbgen.lang import Rules, line_before
from kbgen.names import fold

# A capitalised word, then 'et', right before the name, and the word before it (group 1), if any:
# another first name of one family when that word is no capitalised one ('où Louis et Auguste
# Lumière'), the end of another name when it is ('Gérard Loup et Sylvie Loup', 'Air Corsica et').
JOINED_BEFORE = re.compile(r"(?:(\S+)\s+)?[A-ZÀ-Þ][\w-]*\s+et\s+$")


def common_tail_candidates(groups: Mapping[str, list[Mention]], persons: set[str]) -> list[tuple[str, str]]:
    """Of the persons' names of two words (`persons`, keys of `groups`, folded), those whose first
    word is a word of a name of no person and opens no other person's name, and whose second ends
    no other person's name, as (first, second): those whose second word is a common noun of the
    corpus (common_nouns, read once for every caller by entity_types.person_names) are the ones."""
    pairs = [key.split() for key in persons if key.count(" ") == 1]
    firsts, lasts = Counter(first for first, _ in pairs), Counter(last for _, last in pairs)
    # A compound's parts are no words of their own: 'rue Victor-Hugo' names no 'Victor'.
    others = {fold(word) for key, group in groups.items() if key not in persons for word in group[0].text.split()}
    return [(f, s) for f, s in pairs if f in others and firsts[f] == 1 and lasts[s] == 1]


def common_nouns(words: set[str], texts: Iterable[str], rules: Rules) -> frozenset[str]:
    """Of `words` (folded), those some text writes in lower case right after a determiner: the
    common nouns of the language as the corpus uses them. One pass over each text."""
    if rules.noun_determiners is None or not words:
        return frozenset()
    found: set[str] = set()
    for text in texts:
        found.update(w for w in map(fold, rules.noun_determiners.findall(text)) if w in words)
    return frozenset(found)


def first_name_joined(mentions: Iterable[Mention], texts: dict[str, str]) -> bool:
    """Whether a capitalised word alone and 'et' come right before a mention ('Louis et Auguste
    Lumière'): the first names of two persons of one family."""
    for m in mentions:
        joined = JOINED_BEFORE.search(line_before(texts.get(m.article, ""), m.start))
        if joined and not (joined.group(1) or "")[:1].isupper():
            return True
    return False
