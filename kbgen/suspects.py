"""What the owner should look at before curating: a review queue of the entities most likely
wrong, the most cited first, so that a few minutes of review fix what readers see most.

Each entity gets a doubt between 0 and 1 from independent evidence (see DOUBTS), combined as
chances that each is right; its place in the queue is mentions × doubt. Only the first
QUEUE_SHARE of all entities are flagged (at least the first one): a longer list is not reviewed."""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from kbgen.resolve import Entity, fold

DUPLICATE = "duplicate?"
FRAGMENT = "fragment?"
TYPE_DISAGREEMENT = "type?"
COMMON_WORD = "common word?"
SENTENCE_START = "sentence start only?"
NOT_A_NAME = "not a name?"

QUEUE_SHARE = 0.05  # at most this share of all entities is flagged
DOUBTS = {  # how likely each kind of evidence is to mean the entity is wrong
    DUPLICATE: 0.7,  # a name whose words are all in another of the same type: 'Macron' beside 'Emmanuel Macron'
    FRAGMENT: 0.3,  # one short mention
    COMMON_WORD: 0.9,  # the corpus writes the word in lower case at least as often: 'Pourtant'
    SENTENCE_START: 0.5,  # always the first word of a sentence, where every word is capitalised
    NOT_A_NAME: 0.8,  # a person or place named with a long lowercase word or a symbol: 'Merci ! Votre inscription'
}
WORD = re.compile(r"[^\W\d_]+")
SENTENCE_END = re.compile(r"(?:^|[.!?:…»\n])[\s«\"'’*#>-]*$")
SYMBOLS = re.compile(r"[!?©@#|/\\=+<>\[\]{}]")


@dataclass(frozen=True)
class Suspect:
    entity: Entity
    score: float  # mentions × doubt
    reasons: tuple[str, ...]


Reason = tuple[str, float]  # what looks wrong, and how likely that makes the entity wrong


def review_queue(entities: list[Entity], texts: dict[str, str]) -> list[Suspect]:
    """The entities to review, highest mentions × doubt first, at most QUEUE_SHARE of them;
    `texts` are the articles' by slug, the corpus whose words tell a name from a common word."""
    words = Counter(w for text in texts.values() for w in WORD.findall(text))
    found = []
    for entity, reasons in _reasons(entities, texts, words):
        doubt = 1 - math.prod(1 - chance for _, chance in reasons)
        if doubt > 0:
            found.append(Suspect(entity, len(entity.mentions) * doubt, tuple(text for text, _ in reasons)))
    found.sort(key=lambda s: (-s.score, fold(s.entity.name), s.entity.slug))
    return found[: max(1, math.floor(QUEUE_SHARE * len(entities)))]


def _reasons(entities: list[Entity], texts: dict[str, str], words: Counter) -> Iterable[tuple[Entity, list[Reason]]]:
    folded = {e.slug: fold(e.name) for e in entities}
    by_token: dict[str, list[Entity]] = {}
    for e in entities:
        for token in set(folded[e.slug].split()):
            by_token.setdefault(token, []).append(e)
    for e in entities:
        reasons: list[Reason] = []
        name = folded[e.slug]
        # Another entity whose name holds this one's words, or spelt almost the same (OCR, typos).
        others = {o.slug: o for token in name.split() for o in by_token.get(token, []) if o.slug != e.slug}
        for other in sorted(others.values(), key=lambda o: o.slug):
            other_name = folded[other.slug]
            alike = set(name.split()) <= set(other_name.split())
            if other.type == e.type and (alike or difflib.SequenceMatcher(None, name, other_name).ratio() >= 0.85):
                reasons.append((f"{DUPLICATE} of {other.name}", DOUBTS[DUPLICATE]))
                break
        if len(e.mentions) == 1 and (len(e.name) <= 3 or e.name.isupper() or any(ch.isdigit() for ch in e.name)):
            reasons.append((f"{FRAGMENT} one short mention", DOUBTS[FRAGMENT]))
        reasons += _word_evidence(e, texts, words)
        votes = Counter(m.label for m in e.mentions)
        top = votes.most_common(1)[0][1] / len(e.mentions) if e.mentions else 1
        if len(e.mentions) >= 2 and top < 2 / 3:
            labels = ", ".join(f"{t} {n}" for t, n in votes.most_common())
            reasons.append((f"{TYPE_DISAGREEMENT} {labels}", 1 - top))
        yield e, reasons


def _word_evidence(e: Entity, texts: dict[str, str], words: Counter) -> list[Reason]:
    """What the words of the name and the text around its mentions say of it."""
    reasons = []
    if " " not in e.name and e.name[:1].isupper() and not e.name.isupper():
        lower, capitalised = words[e.name.lower()], words[e.name]
        if lower and lower >= capitalised:
            reasons.append(
                (f"{COMMON_WORD} '{e.name.lower()}' {lower} times, '{e.name}' {capitalised}", DOUBTS[COMMON_WORD])
            )
        starts = sum(
            bool(SENTENCE_END.search(texts.get(m.article, "")[max(0, m.start - 12) : m.start])) for m in e.mentions
        )
        if len(e.mentions) >= 2 and starts == len(e.mentions):
            reasons.append((f"{SENTENCE_START} {starts} of {len(e.mentions)} mentions", DOUBTS[SENTENCE_START]))
    long_lowercase = any(w.islower() and len(w) > 3 for w in WORD.findall(e.name))
    if (e.type in ("PER", "LOC") and long_lowercase) or SYMBOLS.search(e.name):
        reasons.append((f"{NOT_A_NAME} {e.name}", DOUBTS[NOT_A_NAME]))
    return reasons
