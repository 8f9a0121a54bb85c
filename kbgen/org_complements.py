"""Organisations the model cut before the rest of their name, for kbgen.extract: a capitalised
head noun of an organisation ('Institut', 'Fondation') opens a name that runs on through its
complement, which the model may read as a name of its own ('Institut Pasteur' + 'de' + 'Lille',
'Fondation Lune' + 'de' + 'Miel', "Fondation d'entreprise" + 'Crédit Agricole Languedoc').
"""

from __future__ import annotations

import re

from kbgen.lang import LanguageProfile


def with_organisation_complements(
    text: str, spans: list[tuple[int, int, str]], language: LanguageProfile, lexicon
) -> list[tuple[int, int, str]]:
    """The spans, an organisation's name that opens with a capitalised head noun (the language's
    org_heads) joined, with its own label, to the name right after it on its line: a place
    after a preposition, when the organisation ends with a capitalised word ('Institut Pasteur de
    Lille'; one ending in lower case is joined_to_their_place's); or an organisation right after
    a space, when it ends with a lowercase word, which leaves it unfinished ("Fondation
    d'entreprise Crédit Agricole Languedoc"); or a common noun coordinated with its last
    complement (_coordinated_complement). `lexicon(word, part)`: whether the model's lexicon lists
    the lowercase word as a form of that part of speech ('noun'). The second stays a name of its own only where the
    text writes it alone elsewhere ('Lille', not the 'Miel' of 'Fondation Lune de Miel')."""
    rules = language.rules
    connector = "|".join(re.escape(p).replace(r"\ ", r"[ \t]+") for p in rules.prepositions)
    preposition = re.compile(rf"[ \t]+(?:{connector})[ \t]*")
    result: list[tuple[int, int, str]] = []
    for start, end, label in sorted(spans):
        if result and result[-1][1] <= start:
            before_start, before_end, before_label = result[-1]
            words = text[before_start:before_end].split()
            head = re.split(r"['-]", words[0])[0]
            last = words[-1].rpartition("'")[2]
            joins = (
                before_label in ("ORG", "MISC")
                and head[:1].isupper()
                and head.lower() in rules.org_heads
                and len(words) > 1
                and (
                    (label == "LOC" and last[:1].isupper() and preposition.fullmatch(text, before_end, start))
                    or (label == "ORG" and last[:1].islower() and text[before_end:start] == " ")
                    or (
                        lexicon(text[start:end].lower(), "noun")
                        and _coordinated_complement(text, before_start, before_end, start, language)
                    )
                )
            )
            if joins:
                result[-1] = (before_start, end, before_label)
                if not _written_elsewhere(text, start, end):
                    continue
        result.append((start, end, label))
    return sorted(result)


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
