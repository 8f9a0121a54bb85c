"""What the owner should look at before curating: entities that are probably wrong."""

from __future__ import annotations

import difflib
from collections import Counter

from kbgen.resolve import Entity, fold

DUPLICATE = "duplicate?"
FRAGMENT = "fragment?"
TYPE_DISAGREEMENT = "type?"


def suspicions(entities: list[Entity]) -> dict[str, list[str]]:
    """For each entity slug, what looks wrong with it, with the reason."""
    flags: dict[str, list[str]] = {e.slug: [] for e in entities}
    folded = {e.slug: fold(e.name) for e in entities}
    by_token: dict[str, list[Entity]] = {}
    for e in entities:
        for token in set(folded[e.slug].split()):
            by_token.setdefault(token, []).append(e)
    for e in entities:
        name = folded[e.slug]
        # Another entity whose name holds this one's words, or spelt almost the same (OCR, typos).
        others = {o.slug: o for token in name.split() for o in by_token.get(token, []) if o.slug != e.slug}
        for other in sorted(others.values(), key=lambda o: o.slug):
            other_name = folded[other.slug]
            if (
                set(name.split()) <= set(other_name.split())
                or difflib.SequenceMatcher(None, name, other_name).ratio() >= 0.85
            ):
                flags[e.slug].append(f"{DUPLICATE} of {other.name}")
        if len(e.mentions) == 1 and (len(e.name) <= 3 or e.name.isupper() or any(ch.isdigit() for ch in e.name)):
            flags[e.slug].append(f"{FRAGMENT} one short mention")
        votes = Counter(m.label for m in e.mentions)
        if len(e.mentions) >= 2 and votes.most_common(1)[0][1] < 2 / 3 * len(e.mentions):
            flags[e.slug].append(f"{TYPE_DISAGREEMENT} " + ", ".join(f"{t} {n}" for t, n in votes.most_common()))
    return flags
