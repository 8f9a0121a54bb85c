"""An opponent in a match, for kbgen.entity_types: a club the text names by its town ('face au
Losc', 'affronter le Paris Saint-Germain', "l'Union Bordeaux-Bègles s'est imposée face à Castres",
'Quevilly-Rouen recevra Boulogne', "l'AS Monaco, qui a battu Lens", 'les soirs de match contre
Benfica'), which the model reads as the town. A place is faced or stood before ('face à la Manche',
'devant la préfecture'), sanctions are taken against it ('contre la Russie'): only the verbs of a
match say that the name plays (Rules.opponent_before)."""

from __future__ import annotations

from kbgen.extract import Mention
from kbgen.lang import Rules, line_before


def opponent(m: Mention, text: str, rules: Rules) -> str | None:
    """An organisation's cue for a name the model reads as a place or a work right after a verb of
    a match, who is played, met or beaten."""
    if rules.opponent_before is None or m.label not in ("LOC", "MISC"):
        return None
    return "ORG" if rules.opponent_before.search(line_before(text, m.start)) else None
