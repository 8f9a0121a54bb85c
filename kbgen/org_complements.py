"""Organisations the model cut before the rest of their name, for kbgen.extract: a capitalised
head noun of an organisation ('Institut', 'Fondation') opens a name that runs on through its
complement, which the model may read as a name of its own ('Institut Pasteur' + 'de' + 'Lille',
'Fondation Lune' + 'de' + 'Miel', "Fondation d'entreprise" + 'Crédit Agricole Languedoc').
"""

from __future__ import annotations

import re

from kbgen.coordinated_nouns import joined_coordinated_nouns
from kbgen.lang import LanguageProfile


def with_organisation_complements(
    text: str, spans: list[tuple[int, int, str]], language: LanguageProfile, lexicon
) -> list[tuple[int, int, str]]:
    """The spans, an organisation's name that opens with a capitalised head noun (the language's
    org_heads) joined, with its own label, to the name right after it on its line (_runs_on).
    The second stays a name of its own only where the text writes it alone elsewhere ('Lille',
    not the 'Miel' of 'Fondation Lune de Miel'). `lexicon(word, part)`: whether the model's
    lexicon lists the lowercase word as a form of that part of speech ('noun'). Capitalised common
    nouns coordinated are one name too (coordinated_nouns: 'Parole et Réparation')."""
    result: list[tuple[int, int, str]] = []
    for start, end, label in sorted(spans):
        if result and result[-1][1] <= start and _runs_on(text, result[-1], (start, end, label), language, lexicon):
            result[-1] = (result[-1][0], end, result[-1][2])
            if not _written_elsewhere(text, start, end):
                continue
        result.append((start, end, label))
    return joined_coordinated_nouns(text, sorted(result), language, lexicon)


def _runs_on(
    text: str, first: tuple[int, int, str], second: tuple[int, int, str], language: LanguageProfile, lexicon
) -> bool:
    """Whether the organisation `first`, opening with a capitalised head noun, runs on through
    `second`: a place after a preposition, when the organisation is its head and capitalised
    words only, and the place opens with no lowercase head of its own ('Institut Pasteur' + 'de
    Lille'; 'Conseil d'Etat' + 'du canton de Vaud' has its complement, and one ending in lower case
    is joined_to_their_place's); an organisation right after a space, when it ends with a
    lowercase word, which leaves it unfinished ("Fondation d'entreprise" + 'Crédit Agricole
    Languedoc'); or a common noun coordinated with its last complement (_coordinated_complement)."""
    rules = language.rules
    (first_start, first_end, first_label), (start, end, label) = first, second
    words = text[first_start:first_end].split()
    head = re.split(r"['-]", words[0])[0]
    if first_label not in ("ORG", "MISC") or len(words) < 2 or not head[:1].isupper():
        return False
    if head.lower() not in rules.org_heads:
        return False
    connector = "|".join(re.escape(p).replace(r"\ ", r"[ \t]+") for p in rules.prepositions)
    after_preposition = re.fullmatch(rf"[ \t]+(?:{connector})[ \t]*", text[first_end:start]) is not None
    if label == "LOC" and after_preposition:
        return all(w[:1].isupper() for w in words) and text[start : start + 1].isupper()
    if label == "ORG" and text[first_end:start] == " ":
        return words[-1].rpartition("'")[2][:1].islower()
    return lexicon(text[start:end].lower(), "noun") and _coordinated_complement(
        text, first_start, first_end, start, language
    )


def _written_elsewhere(text: str, start: int, end: int) -> bool:
    """Whether the text writes the name at [start, end) somewhere else too."""
    name = re.escape(text[start:end])
    return any(m.start() != start for m in re.finditer(rf"(?<!\w){name}(?!\w)", text))


def _coordinated_complement(text: str, start: int, end: int, after: int, language: LanguageProfile) -> bool:
    """Whether the text between the name [start, end) and the name at `after`, a common noun,
    coordinates a second complement with the name's last one, its preposition repeated as written
    ('Fédération de la Haute Couture' + 'et de la' + 'Mode', 'ministère de la Culture et de la
    Communication'): a common noun capitalised inside a sentence is a name's word, where a list
    of two names repeats a preposition before a name ('Tribunal judiciaire de Laval et de Vidal
    Conseil')."""
    rules = language.rules
    connector = "|".join(re.escape(p).replace(r"\ ", r"[ \t]+") for p in rules.prepositions)
    last = re.search(
        rf"[ \t](?P<preposition>{connector})[ \t]*[A-ZÀ-Þ][^ \t]*(?:[ \t]+[A-ZÀ-Þ][^ \t]*)*$", text[start:end]
    )
    if last is None:
        return False
    repeated = last.group("preposition")
    between = text[end:after]
    return rules.coordination.fullmatch(between[: -len(repeated)] or " ") is not None and between.endswith(repeated)
