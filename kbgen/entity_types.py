"""One type per entity, decided by the evidence of all its mentions: the model's label of each,
and the words just before it, which outweigh the model (a title makes a person: 'M. Vidal'; an
organisation's head noun an organisation: 'la société Lime', 'le groupe Vinci'), and the name's
own first word ('Université de Lyon')."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from kbgen.extract import Mention
from kbgen.lang import Rules, plain_forms

TYPE_PRIORITY = ("PER", "ORG", "LOC", "MISC")
CUE_WEIGHT = 2  # a word in the text says more than the model's guess on one mention, not more than two
WORD_BEFORE = re.compile(r"([^\W\d_][\w-]*)['\s]+$")  # the last word before a name, and its spaces


def majority(votes: Counter) -> str:
    """The type with the most votes; on a tie the first of TYPE_PRIORITY."""
    return max(TYPE_PRIORITY, key=lambda t: (votes[t], -TYPE_PRIORITY.index(t)))


def model_type(mentions: Iterable[Mention]) -> str:
    return majority(Counter(m.label for m in mentions))


def cue(text: str, start: int, rules: Rules) -> str | None:
    """The type the words just before a name at `start` give it, if any."""
    # On the name's own line only: a table's or a list's previous cell says nothing about it.
    before = plain_forms(text[max(0, start - 30) : start]).rpartition("\n")[2]
    if rules.person_cues.search(before):
        return "PER"
    word = WORD_BEFORE.search(before)
    head = word.group(1).lower() if word else ""
    if head in rules.org_heads or head.removesuffix("s") in rules.org_heads:  # 'les opérateurs Lime, Dott'
        return "ORG"
    return None


def decided_type(mentions: Iterable[Mention], texts: dict[str, str], rules: Rules) -> str:
    """The type all the mentions' evidence gives their entity."""
    votes: Counter[str] = Counter()
    for m in mentions:
        votes[m.label] += 1
        # The words before a name with a title are that title ('la ministre des Armées'), no cue of its type.
        context = None if m.title else cue(texts.get(m.article, ""), m.start, rules)
        first, _, rest = m.text.partition(" ")
        if rest and first.lower() in rules.org_heads:
            context = "ORG"
        if context:
            votes[context] += CUE_WEIGHT
    return majority(votes)
