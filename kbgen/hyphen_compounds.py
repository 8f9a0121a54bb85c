"""Hyphenated compounds the tokenizer splits: a common noun joined to a capitalised word is the
opening of a name ('Météo-France'), not a common word opening a sentence."""

from __future__ import annotations


def opens_hyphenated_name(doc) -> bool:
    """Whether the first word of `doc` (tagged tokens) is joined by a hyphen, with no space on
    either side, to a capitalised word: 'Météo-France', not 'Vidéo - France' (a heading's dash)."""
    return (
        len(doc) > 2
        and doc[1].text == "-"
        and not doc[0].whitespace_
        and not doc[1].whitespace_
        and doc[2].text[:1].isupper()
    )
