"""What the owner should look at before curating: a review queue of the entities most likely
wrong, the most cited first, so that a few minutes of review fix what readers see most.

Each entity gets a doubt between 0 and 1 from independent evidence (DOUBTS), combined as
chances that each is right; its place in the queue is mentions × doubt. Only entities scoring
at least MIN_SCORE are queued, and at most QUEUE_SHARE of all entities (at least the first
one): a longer list is not reviewed."""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from dataclasses import dataclass

from kbgen.resolve import Entity, fold

DUPLICATE = "duplicate?"
GLUED = "glued?"
SPELLING = "misspelt?"
FRAGMENT = "fragment?"
TYPE_DISAGREEMENT = "type?"
COMMON_WORD = "common word?"
NOT_A_PERSON = "not a person?"
NOT_A_NAME = "not a name?"

QUEUE_SHARE = 0.05  # at most this share of all entities is flagged
MIN_SCORE = 1.5  # mentions × doubt: two mentions' worth of a strong doubt, or more of weaker ones
DOUBTS = {  # how likely each kind of evidence is to mean the entity is wrong
    DUPLICATE: 0.7,  # the last words of a name of the same type cited as often: 'Macron', 'Emmanuel Macron'
    GLUED: 0.8,  # another entity's name then two or more capitalised words: 'Colmar Sabine Joly'
    SPELLING: 0.5,  # one word spelt almost as in a name three times as cited: a typo, an OCR error
    FRAGMENT: 0.3,  # one short mention
    COMMON_WORD: 0.9,  # written in lower case at least as often as capitalised within a sentence: 'Aucune'
    NOT_A_PERSON: 0.7,  # a surname and a common noun other names end with, never said alone: 'Dupont Immobilier'
    NOT_A_NAME: 0.8,  # a person named with a long lowercase word, or a name with a symbol: 'Merci ! Votre'
}
# The model's split vote, its share of mentions against the type most voted, counts for this much:
# resolve's types already weigh those votes with evidence of their own (titles, head nouns, the
# corpus's other names), so an entity doubted for its votes alone is mostly right (measured:
# bench/results/suspicious.md).
VOTES_WEIGHT = 0.4
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")  # 'franco-allemand' is one word, not 'franco'
SENTENCE_END = re.compile(r"(?:^|[.!?:…»\n])[\s«\"'’*#>-]*$")
SYMBOLS = re.compile(r"[!?©@#|/\\=+<>\[\]{}]")

Reason = tuple[str, float]  # what looks wrong, and how likely that makes the entity wrong


@dataclass(frozen=True)
class Suspect:
    entity: Entity
    score: float  # mentions × doubt
    reasons: tuple[str, ...]


def review_queue(entities: list[Entity], texts: dict[str, str]) -> list[Suspect]:
    """The entities to review, highest mentions × doubt first, at most QUEUE_SHARE of them;
    `texts` are the articles' by slug, the corpus whose words tell a name from a common word."""
    words = Counter(w for text in texts.values() for w in WORD.findall(text))
    last_words = Counter(e.name.split()[-1] for e in entities if e.type == "PER" and " " in e.name)
    by_word, found = _by_word(entities), []
    for entity in entities:
        reasons = _relatives(entity, by_word) + _word_evidence(entity, texts, words, last_words) + _votes(entity)
        doubt = 1 - math.prod(1 - chance for _, chance in reasons)
        if len(entity.mentions) * doubt >= MIN_SCORE:
            found.append(Suspect(entity, len(entity.mentions) * doubt, tuple(text for text, _ in reasons)))
    found.sort(key=lambda s: (-s.score, fold(s.entity.name), s.entity.slug))
    return found[: max(1, math.floor(QUEUE_SHARE * len(entities)))]


def _by_word(entities: list[Entity]) -> dict[str, list[Entity]]:
    """The entities by each capitalised word of their names, folded."""
    index: dict[str, list[Entity]] = {}
    for e in entities:
        for word in {fold(w) for w in e.name.split() if w[:1].isupper()}:
            index.setdefault(word, []).append(e)
    return index


def _relatives(e: Entity, by_word: dict[str, list[Entity]]) -> list[Reason]:
    """What other entities' names say of this one's, words as written ('Vieux-Lille' is one)."""
    words = [fold(w) for w in e.name.split()]
    others = {o.slug: o for w in words for o in by_word.get(w, ()) if o.slug != e.slug}
    for other in sorted(others.values(), key=lambda o: (-len(o.mentions), o.slug)):
        theirs, written = [fold(w) for w in other.name.split()], e.name.split()
        rest, extra = written[len(theirs) :], other.name.split()[: len(theirs) - len(words)]
        # Not 'Office de' + 'La Rochelle', nor a first name + 'Le Gall'.
        whole = " " in other.name or other.type != e.type
        glued = whole and other.name.split()[-1][:1].isupper() and len(rest) >= 2
        if glued and words[: len(theirs)] == theirs and all(w[:1].isupper() for w in rest):
            return [(f"{GLUED} {other.name} + {' '.join(rest)}", DOUBTS[GLUED])]
        if other.type != e.type or len(other.mentions) < len(e.mentions):
            continue
        if theirs[len(theirs) - len(words) :] == words and extra and all(w[:1].isupper() for w in extra):
            return [(f"{DUPLICATE} of {other.name}", DOUBTS[DUPLICATE])]
        differing = [(a, b) for a, b in zip(words, theirs, strict=False) if a != b]
        if len(theirs) == len(words) and len(differing) == 1 and 3 * len(e.mentions) <= len(other.mentions):
            mine, its = differing[0]
            if min(len(mine), len(its)) >= 5 and difflib.SequenceMatcher(None, mine, its).ratio() >= 0.8:
                return [(f"{SPELLING} of {other.name}", DOUBTS[SPELLING])]
    return []


def _word_evidence(e: Entity, texts: dict[str, str], words: Counter, last_words: Counter) -> list[Reason]:
    """What the corpus's words, and the name's own, say of it."""
    reasons: list[Reason] = []
    if " " not in e.name and e.name[:1].isupper() and not e.name.isupper():
        at_start = sum(
            bool(SENTENCE_END.search(texts.get(m.article, "")[max(0, m.start - 12) : m.start])) for m in e.mentions
        )
        lower, within = words[e.name.lower()], len(e.mentions) - at_start
        if lower and lower >= within:
            found = f"'{e.name.lower()}' {lower} times, '{e.name}' {within} within a sentence"
            reasons.append((f"{COMMON_WORD} {found}", DOUBTS[COMMON_WORD]))
    first, last = e.name.split()[0], e.name.split()[-1]
    # 'Lemaire Transports': a surname, then a common noun other names end with, never alone.
    if (
        e.type == "PER"
        and first != last
        and last_words[last] >= 2
        and last_words[first]
        and words[last.lower()]
        and last not in e.aliases
    ):
        reasons.append((f"{NOT_A_PERSON} '{first}' a surname, '{last.lower()}' a common word", DOUBTS[NOT_A_PERSON]))
    long_lowercase = any(w.islower() and len(w) > 3 for w in WORD.findall(e.name))
    if (e.type == "PER" and long_lowercase) or SYMBOLS.search(e.name):
        reasons.append((f"{NOT_A_NAME} {e.name}", DOUBTS[NOT_A_NAME]))
    if len(e.mentions) == 1 and (len(e.name) <= 3 or e.name.isupper() or any(ch.isdigit() for ch in e.name)):
        reasons.append((f"{FRAGMENT} one short mention", DOUBTS[FRAGMENT]))
    return reasons


def _votes(e: Entity) -> list[Reason]:
    """Mentions the model typed differently: the entity's type may be wrong."""
    votes = Counter(m.label for m in e.mentions)
    top = votes.most_common(1)[0][1] / len(e.mentions) if e.mentions else 1
    if len(e.mentions) >= 2 and top < 2 / 3:
        split = ", ".join(f"{t} {n}" for t, n in votes.most_common())
        return [(f"{TYPE_DISAGREEMENT} {split}", VOTES_WEIGHT * (1 - top))]
    return []
