"""Short names a text defines in brackets beside a body's full name ('la Banque publique
d'investissement (Bpifrance)', "l'Afpa (Agence nationale pour la formation professionnelle des
adultes)"), for kbgen.entity_types. The definition says what the name is, as an apposition does
(kbgen.apposition_cues): its cue outweighs the model's labels on two other mentions, which read
an unfamiliar short name as a place or a person wherever the text does not define it ('avec
Partech et Bpifrance.', 'Bpifrance et la région ... ont apporté')."""

from __future__ import annotations

import re

from kbgen.acronym_descriptions import defined_in_sentence_case
from kbgen.apposition_cues import DESCRIBED
from kbgen.extract import Mention
from kbgen.lang import Rules, plain_forms
from kbgen.names import is_acronym_of

# The words before a bracket opened right before a name, on its line, back to a sentence's punctuation.
BEFORE_BRACKET = re.compile(r"([^.,;:!?()\n]*)\(\s*$")
BRACKET_AFTER = re.compile(r"\s*\(([^()\n]*)\)")  # a bracket right after a name, and what it holds


def defined_in_brackets(m: Mention, text: str, rules: Rules) -> str | None:
    """An organisation's cue that says what the name is (DESCRIBED), for a short name in
    brackets right after the full name of a body ('la Banque publique d'investissement
    (Bpifrance)', 'des agences régionales de santé (ARS)', "la Communauté d'agglomération de La
    Rochelle (CdA)"), or before it ("l'Afpa (Agence nationale pour la formation professionnelle
    des adultes)"): the full name's head noun says what both are, or, whatever its head, a
    description in sentence case that spells it (kbgen.acronym_descriptions). The model reads an
    unfamiliar short name as anything; its full name, a description, it does not."""
    if " " in m.text:  # a short name is one word; a person's name in brackets is the body's officer
        return None
    if text[m.end : m.end + 1] == ")":
        before = BEFORE_BRACKET.search(plain_forms(text[max(0, m.start - 120) : m.start]))
        # A word the model reads as a person's must be spelt by the full name: a body's officer
        # may be named in brackets after it too.
        if before and _names_a_body(m.text, before.group(1), rules, before=True, spelt=m.label == "PER"):
            return DESCRIBED
        if defined_in_sentence_case(m.text, text, m.start, rules):
            return DESCRIBED
    after = BRACKET_AFTER.match(text, m.end)
    if after and _names_a_body(m.text, after.group(1), rules, before=False, spelt=True):
        return DESCRIBED
    return None


def _names_a_body(short: str, words: str, rules: Rules, before: bool, spelt: bool) -> bool:
    """Whether `words`, before the bracket (`before`) or in it, hold the full name of a body that
    `short` abbreviates: from one of the organisation's head nouns before the bracket (or from
    the bracket's first word) on, the short name's letters are its words' initials, or, unless it
    must be `spelt` so, nothing else in it is capitalised (a description, no other name: not 'le
    conseil régional Jean Dupont (LR)'), so that any abbreviation is read ('Bpifrance'). A full
    name in brackets after a short one must be spelt by it: the bracket may be a person's
    affiliation."""
    tokens = words.split()
    heads = [i for i, word in enumerate(tokens) if _is_head(word, rules)]
    if not heads or (not before and heads[0] != 0):
        return False
    expansions = [tokens[i:] for i in heads] if before else [tokens]
    return any(
        is_acronym_of(short, " ".join(words)) or (not spelt and not any(w[:1].isupper() for w in words[1:]))
        for words in expansions
    )


def _is_head(word: str, rules: Rules) -> bool:
    """Whether a word, less an elided article ("l'Agence"), is an organisation's head noun, in
    the singular or the plural ('agences')."""
    elided = rules.elision.match(word)
    word = word[elided.end() :].lower() if elided else word.lower()
    return word in rules.org_heads or word.removesuffix("s") in rules.org_heads
