"""A short name in brackets after the words it abbreviates, written as French writes a body's
name: its first word capitalised, lowercase words after it ('la Caisse nationale de l'Assurance
maladie (Cnam)', 'selon Domaines skiables de France (DSF)', "l'Institut national de recherche
pour l'agriculture, l'alimentation et l'environnement (Inrae)"). The text defines the short name
there; a description in sentence case that an acronym stands for is an institution's or a
company's, whatever head noun it starts with. A region's or a country's name is written in
capitalised words and hyphens ('Provence-Alpes-Côte d'Azur (PACA)'), a disease's or a rule's in
lower case ('la sclérose latérale amyotrophique (SLA)'): neither is one.
"""

from __future__ import annotations

import re

from kbgen.lang import Rules, plain_forms
from kbgen.names import is_acronym_of

# The words before a bracket opened right before a name, back to a sentence's end; commas kept
# (a description may list: "pour l'agriculture, l'alimentation et l'environnement").
CLAUSE_BEFORE_BRACKET = re.compile(r"([^.;:!?()\n]*)\(\s*$")
# A lowercase word of four letters or more: a description's own word, not a particle ('de', 'du').
DESCRIPTION_WORD = re.compile(r"^[a-zà-ÿ][a-zà-ÿ-]{3,}$")


def defined_in_sentence_case(short: str, text: str, start: int, rules: Rules) -> bool:
    """Whether the bracket that opens right before `start` follows words spelling `short` from a
    capitalised first word on, with a lowercase description word among them."""
    found = CLAUSE_BEFORE_BRACKET.search(plain_forms(text[max(0, start - 160) : start]))
    if found is None:
        return False
    words = [_without_elision(word, rules) for word in found.group(1).split()]
    for i, word in enumerate(words):
        if not word[:1].isupper() or word[0] != short[0].upper():
            continue
        rest = words[i + 1 :]
        if (
            any(DESCRIPTION_WORD.match(w) for w in rest)
            and _second_letter_begins_next_word(short, rest)
            and is_acronym_of(short, " ".join(words[i:]))
        ):
            return True
    return False


def _second_letter_begins_next_word(short: str, rest: list[str]) -> bool:
    """Whether the short name's second letter begins the next word of the description that is no
    particle (four letters or more, or capitalised): 'Caisse nationale' for 'Cnam'. The words
    of a clause before a name ('Le même jour, le député Les Républicains (LR)') spell no short name
    from their first word on."""
    following = next((w for w in rest if len(w) > 3 or w[:1].isupper()), "")
    return len(short) > 1 and following[:1].upper() == short[1].upper()


def _without_elision(word: str, rules: Rules) -> str:
    elided = rules.elision.match(word)
    return word[elided.end() :] if elided else word
