"""What an apposition says a name is, for kbgen.entity_types: a body the text describes as one
beside its name, with an organisation's head noun ('Solaris Ouest, une société installée à
Aizenay', 'Son entreprise, Bessin Marée, expédie ...'). The model reads a company named like a
person ('Karukera Films', 'Bouscat Demain') as one; a person is never described as a company.

Only an indefinite article after the name: a definite one may open the next item of a list or
another body the person is tied to ('Lucien Ravel, le Groupe Ravel', 'Paul Vernier, le groupe
familial'); only a possessive before it: a definite article there is a function's body, the
person its officer ('le président du conseil départemental, Lionel Chauvin')."""

from __future__ import annotations

import re

from kbgen.extract import Mention
from kbgen.lang import Rules, line_before
from kbgen.trade_heads import is_org_head

# A cue that says what the name is, stronger than the model's label on two mentions (decided_type).
DESCRIBED = "ORG!"
# ', une société ...', ', un cabinet ...', ', une start-up lilloise': the head, or an adjective then the head.
# The indefinite articles are the language's closed class (French): no word list tuned on names.
DESCRIBED_AFTER = re.compile(r"[^\S\n]*,[^\S\n]+(?:un|une)[^\S\n]+([^\W\d_][\w-]*)(?:[^\S\n]+([^\W\d_][\w-]*))?")
# 'Son entreprise, ', 'leur association, ': a possessive determiner (a closed class), the head, a comma.
DESCRIBED_BEFORE = re.compile(r"(?:^|[^\w'])(?:son|sa|leur|notre|votre|mon|ma)\s+([^\W\d_][\w-]*)\s*,\s*$", re.I)


def described_as_body(m: Mention, text: str, rules: Rules) -> str | None:
    """An organisation's cue for a name the model reads as a person or a work, described in an
    apposition by a lowercase organisation's head noun: after it with an indefinite article, or
    before it with a possessive. A place is left: a town is described as 'une métropole'."""
    if m.label not in ("PER", "MISC"):
        return None
    after = DESCRIBED_AFTER.match(text, m.end)
    if after and any(word and word.islower() and is_org_head(word, rules) for word in after.groups()):
        return DESCRIBED
    before = DESCRIBED_BEFORE.search(line_before(text, m.start))
    if before and before.group(1).islower() and is_org_head(before.group(1), rules):
        return DESCRIBED
    return None
