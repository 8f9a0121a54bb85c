"""The speaker of a quotation, for kbgen.entity_types: the name right after a quotation's end, a comma
and the incise's verb ('», résume Lourdes Ibarra, femme de chambre', '», assure Fabien Villedieu')
is who said it. A place says nothing; a body does, but one named with a first name and a surname is
a person: the model reads a person whose first name or surname is a town's ('Lourdes', 'Villedieu')
as the town. Only a name of two or three whole capitalised words, none in capitals ('», titre
L'Équipe', '», rappelle Météo-France', '», selon Moscou' are left)."""

from __future__ import annotations

import re

from kbgen.extract import Mention
from kbgen.lang import Rules, line_before

# A first name and a surname: whole capitalised words, a compound's parts capitalised ('Jean-Pierre').
NAME_WORD = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)*")


def speaker(m: Mention, text: str, rules: Rules) -> str | None:
    """A person's cue for a name of a person's shape in the speaker's place of a quotation."""
    words = m.text.split()
    if rules.speaker_before is None or not 2 <= len(words) <= 3:
        return None
    if not all(NAME_WORD.fullmatch(word) for word in words):
        return None
    if f"{words[0].lower()} " in rules.capitalised_articles:  # 'La Croix', 'Les Échos'
        return None
    return "PER" if rules.speaker_before.search(line_before(text, m.start)) else None
