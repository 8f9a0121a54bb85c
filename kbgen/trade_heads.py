"""Nouns that name a trade's establishment by their suffix (French '-erie': 'la moutarderie
Edmond Fallot', "l'imprimerie Barbé-Lecoq", 'Brasserie Lefranc', 'la coutellerie Forge de
Laguiole'): a business, as the words of Rules.org_heads are bodies, wherever the type of a name
reads an organisation's head noun (kbgen.entity_types). The suffix is the language's own way of
making such nouns, so no list of trades is needed; a work's or an event's noun has another shape
('série', with its accent, is none), and a stem of four letters or more leaves out first names
of that ending ('Valerie'). Before a name the noun counts in lower case only: a capitalised word
there is a name's own."""

from __future__ import annotations

from kbgen.lang import Rules


def is_org_head(word: str, rules: Rules) -> bool:
    """Whether a word, in any case, is an organisation's head noun: one of the language's
    (`org_heads`, singular or plural) or a noun of its suffix of a trade's establishment."""
    word = word.lower()
    return word in rules.org_heads or word.removesuffix("s") in rules.org_heads or is_establishment(word, rules)


def is_establishment(word: str, rules: Rules) -> bool:
    """Whether a word, as written, is a noun of the suffix of a trade's establishment."""
    return rules.establishment_noun is not None and rules.establishment_noun.fullmatch(word) is not None
