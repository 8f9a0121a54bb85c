"""A name and the short name the text defines for it in brackets right after it are the same
body's ('la direction régionale des affaires culturelles (Drac)', "l'Office européen de lutte
antifraude (Olaf)", 'Santé publique France (SpF)'). resolve merges an acronym in capitals into its
full name; a short name in title case ('Drac', 'Olaf', 'Cédéao', 'SpF') stays an entity of its
own, which the model reads as a place or a person on its other mentions ('la Drac a validé'), or
whose full name it reads as a place ('Santé publique France'). When the short name's letters
spell the full name's words (names.is_acronym_of, accents aside: 'Cédéao') and one of the two is
typed an organisation, the other is too: the text's own definition says they name one thing.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from kbgen.names import fold, is_acronym_of

if TYPE_CHECKING:
    from kbgen.extract import Mention
    from kbgen.resolve import Entity

BODY = "ORG"
RETYPED = ("LOC", "PER", "MISC")
_OPENING = re.compile(r"[ \t]{0,2}\([ \t]?")  # a bracket right after a name


def typed_by_definitions(entities: list[Entity], texts: dict[str, str], owner_typed: set[str]) -> list[Entity]:
    """The entities, a full name or its short name typed as the organisation the other is."""
    at = {(m.article, m.start): (i, m) for i, e in enumerate(entities) for m in e.mentions}
    bodies: set[int] = set()
    for i, entity in enumerate(entities):
        for m in entity.mentions:
            text = texts.get(m.article, "")
            opening = _OPENING.match(text, m.end) if " " in m.text else None
            j, short = at.get((m.article, opening.end()), (i, m)) if opening else (i, m)
            if j == i or not _defines(short, text, m.text):
                continue
            if BODY in (entity.type, entities[j].type) and (entity.type in RETYPED or entities[j].type in RETYPED):
                bodies.add(i if entity.type in RETYPED else j)
    return [replace(e, type=BODY) if k in bodies and e.slug not in owner_typed else e for k, e in enumerate(entities)]


def _defines(short: Mention, text: str, full: str) -> bool:
    """Whether a one-word mention, closed by its bracket, spells the full name before it."""
    closed = text[short.end : short.end + 2].lstrip()[:1] == ")"
    return closed and " " not in short.text and is_acronym_of(fold(short.text), full)
