"""Spans that glue two names ('OTAN Jens Stoltenberg', 'Morel Transports Fabrice Marchand',
'Chauvin sur La Voix du Nord', 'De Souza et M. Muller'), for kbgen.extract: the first name is
one the text has alone elsewhere; the model, reading the second alone, says whether it is a
name and of which kind (rereading.labels_alone), which decides the split.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import NamedTuple

from kbgen.lang import LanguageProfile
from kbgen.spans import LABELS, trim


class Glued(NamedTuple):
    """A span, and when it may glue two names, where the first ends and the second starts."""

    start: int
    end: int
    label: str
    first_label: str | None = None  # the first name's label, where the text has it alone
    first_end: int | None = None
    rest_start: int | None = None
    # What the second name, read alone, must be for a split: 'other' (a name of another kind,
    # right after the first), 'joined' (the same, after a function word: 'à', 'sur'), 'person'
    # (a person after a name that is none), 'any' (a name: two names coordinated), 'apart' (a
    # place or organisation after 'de': `rest_label`, else the model's reading alone).
    rest: str = "other"
    rest_label: str | None = None  # for 'apart': the kind the text gives the second name alone, if any


def split_all(
    texts: list[str], spans: list[list[tuple[int, int, str]]], nlp, language: LanguageProfile
) -> list[list[tuple[int, int, str]]]:
    """Each text's spans, those that glue two names split (`glued`, then `split_glued` on the
    model's readings of the parts alone, read in one batch for all the texts)."""
    from kbgen import rereading

    common = rereading.common_words(getattr(nlp, "_path", None))
    decisions = [list(glued(text, found, language, common)) for text, found in zip(texts, spans)]
    labels = rereading.labels_alone(
        (
            part
            for text, decided in zip(texts, decisions)
            for g in decided
            if g.rest_start is not None and g.first_end is not None
            for part in (text[g.rest_start : g.end], text[g.start : g.first_end])
        ),
        nlp,
    )
    return [split_glued(text, decided, labels, language) for text, decided in zip(texts, decisions)]


def glued(
    text: str,
    spans: list[tuple[int, int, str]],
    language: LanguageProfile,
    common: Callable[[str], bool] = lambda word: False,
) -> Iterator[Glued]:
    """Each span with, when it starts with a name found alone elsewhere in the text and goes on
    with another capitalised one, that first name's label and where each part is. `common`: whether
    a lowercase word is a common noun or adjective of the model's lexicon."""
    alone = labels_seen(text, spans)
    for start, end, label in spans:
        first, _, rest = text[start:end].partition(" ")
        # An acronym before two or more capitalised words is another name: 'OTAN Jens Stoltenberg'.
        words = rest.split()
        acronym_first = (
            first.isupper()
            and 2 <= len(first) <= 6
            and len(words) >= 2
            and all(w[:1].isupper() and not w.isupper() for w in words)
        )
        if acronym_first and first not in alone:
            alone[first] = "ORG" if label in ("PER", "MISC") else label
        if first in alone and rest[:1].isupper() and first != text[start:end]:
            yield Glued(start, end, label, alone[first], start + len(first), start + len(first) + 1)
        else:
            yield (
                _longer_first(text, start, end, label, alone, language)
                or _person_after(text, start, end, label, alone)
                or _place_apart(text, start, end, label, alone, language, common)
                or Glued(start, end, label)
            )


def _longer_first(
    text: str, start: int, end: int, label: str, alone: dict[str, str], language: LanguageProfile
) -> Glued | None:
    """The span as a name of several words found alone in the text, then another name: right
    after it, when the other is a person ('Morel Transports Fabrice Marchand'; a name goes on
    with a place or a brand, 'Nestlé Waters France', not with a person's full name); or after a
    function word ('Guillot Transports à Sète', 'Chauvin sur La Voix du Nord') or a coordination
    ('De Souza et M. Muller', 'X, le Tribunal de Y'), but never after a preposition that builds
    names ('Musée des beaux-arts de Sète'). The longest such first name."""
    rules = language.rules
    linking = {w for p in rules.prepositions for w in re.findall(r"\w+", p)}
    articles = {w for a in rules.capitalised_articles for w in re.findall(r"\w+", a)}
    name = text[start:end]
    for cut in reversed([m.start() for m in re.finditer(" ", name)]):
        first = name[:cut].rstrip(",")
        joint = re.match(r"(,)?\s+(?:([^\W\d_A-ZÀ-Þ]+)\s+)?", name[len(first) :])
        if first not in alone or joint is None:
            continue
        comma, word = joint.groups()
        position = len(first) + joint.end()
        if word and (word not in language.stop_words() or word in linking):
            continue
        coordinated = bool(comma) or (word is not None and rules.coordination.fullmatch(f" {word} ") is not None)
        article = rules.leading_articles.match(name, position)
        if coordinated and article and set(re.findall(r"\w+", article.group())) <= articles:
            position = article.end()  # 'et le Centre', not 'et des Affaires étrangères'
        title = next((t for t in rules.titles if name[position:].lower().startswith(t + " ")), None)
        if coordinated and title:
            position += len(title) + 1
        if not name[position : position + 1].isupper():
            continue
        if not (comma or word) and " " not in first:
            continue  # a one-word first name: glued() decides
        kind = "any" if coordinated else "joined" if word else "person"
        return Glued(start, end, label, alone[first], start + len(first), start + position, kind)
    return None


def _person_after(text: str, start: int, end: int, label: str, alone: dict[str, str]) -> Glued | None:
    """The span as a name, then right after it a person the text names alone elsewhere by a
    full name ('Menton Béatrice Dupuis' beside 'Béatrice Dupuis'; not 'Marie' + 'Dupont'): the
    first name's kind is the model's reading of it alone (None here)."""
    name = text[start:end]
    for cut in (m.start() for m in re.finditer(" ", name)):
        if alone.get(name[cut + 1 :]) == "PER" and " " in name[cut + 1 :] and name[:1].isupper():
            return Glued(start, end, label, None, start + cut, start + cut + 1, "person")
    return None


def _place_apart(
    text: str,
    start: int,
    end: int,
    label: str,
    alone: dict[str, str],
    language: LanguageProfile,
    common: Callable[[str], bool],
) -> Glued | None:
    """The span as a name, 'de', then a place or an organisation: a business or a work and where
    or whose it is ('Al Boraq de Kénitra', 'Kuiper d'Amazon'). The first name opens with no common
    noun nor article of the lexicon and has no lowercase word, which 'de' completes ('Institut
    Pasteur de Lille', 'Le Journal de Québec', 'Musée des beaux-arts de Sète'), and is two words or more or one the text has alone (not a first name and particle:
    'Cécile de France'). The second the text names alone as a place or organisation (beside
    'Kénitra', 'à Rezé'); or the model reads it so alone (`split_glued`), when the text has the
    first alone too ('le procès du Mediator') or a common noun, no title, stands before a first of
    two words or more ('au magasin Leroy Merlin de Guichainville')."""
    name = text[start:end]
    articles = {a.strip().lower() for a in language.rules.capitalised_articles}
    before = re.search(r"(\w+)\s+$", text[max(0, start - 30) : start])
    noun_before = bool(before and before[1].islower() and common(before[1]) and before[1] not in language.rules.titles)
    for joint in language.rules.bare_prepositions:
        for m in re.finditer(rf" {re.escape(joint)}(?=[A-ZÀ-Þ])", name):
            first, rest = name[: m.start()], name[m.end() :]
            head = first.split(" ")[0]
            if not all(w[:1].isupper() for w in first.split(" ")) or common(head.lower()) or head.lower() in articles:
                continue  # a lowercase word inside: a name 'de' completes ('Musée des beaux-arts de Sète')
            if " " not in first and first not in alone:
                continue
            rest_label = _named_apart(text, rest, alone, language)
            business = noun_before and " " in first
            if rest_label is None and first not in alone and not business:
                continue
            return Glued(start, end, label, alone.get(first), start + m.start(), start + m.end(), "apart", rest_label)
    return None


def _named_apart(text: str, name: str, alone: dict[str, str], language: LanguageProfile) -> str | None:
    """The kind of place or organisation the text gives `name` written alone: the model's, or a
    place where a one-word name follows the language's preposition of a place ('à Rezé')."""
    if alone.get(name) in ("LOC", "ORG"):
        return alone[name]
    place_before = language.rules.place_before
    if place_before is None or " " in name:
        return None
    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
        if place_before.search(text[max(0, m.start() - 20) : m.start()]):
            return "LOC"
    return None


def split_glued(
    text: str, spans: list[Glued], labels: dict[str, str | None], language: LanguageProfile
) -> list[tuple[int, int, str]]:
    """Split each span that glues two names, as `glued` found them ('OTAN Jens Stoltenberg' ->
    'OTAN' + 'Jens Stoltenberg'), when the model, reading the second part alone (`labels`, from
    rereading.labels_alone), finds there the name `Glued.rest` asks for; else the span is one
    name ('Nestlé Waters France' beside 'Nestlé'). A coordinated second name the text has alone
    elsewhere is one too ('M. Muller', read alone as no name, beside 'Muller'); so are a name
    and a person's full name when the text has both alone ('Groupe Gaillard Manon Morin', where
    the model reads 'Manon Morin' as MISC and took 'Groupe Gaillard' for a person). Both parts
    must stay names once trimmed."""
    seen = labels_seen(text, [(g.start, g.end, g.label) for g in spans])
    result = []
    for g in spans:
        if g.rest_start is None or g.first_end is None:
            result.append((g.start, g.end, g.label))
            continue
        rest = text[g.rest_start : g.end]
        first_label = g.first_label or labels.get(text[g.start : g.first_end])
        both_seen = g.rest == "person" and g.first_label is not None and seen.get(rest) == "PER"
        # After a coordination, a capitalised rest is a name: of the kind the model or the text
        # gives it alone, else of the span's ('Tribunal de Gap et le Centre hospitalier').
        coordinated = labels.get(rest) or seen.get(rest) or g.label if g.rest == "any" else None
        alone = "PER" if both_seen else coordinated or labels.get(rest)
        if g.rest == "apart":  # after 'de' (`_place_apart`): the text's place or organisation, else the model's
            alone = g.rest_label or (labels.get(rest) if labels.get(rest) in ("LOC", "ORG") else None)
        first = trim(text, g.start, g.first_end, first_label, language) if first_label in LABELS else None
        # Words read alone right after a name are weak evidence ('Conseil' of 'Vidal Conseil'
        # read as a place): a longer name is built on a shorter one, a club on its town ('Lagord
        # Athletic Club'), a team on its acronym ('ASM Clermont Auvergne'). They must be a name
        # the text has alone too, or a person's full name, which no name goes on with.
        named = g.rest != "other" or rest in seen or (" " in rest and alone == "PER")
        remainder = trim(text, g.rest_start, g.end, alone, language) if alone in LABELS and named else None
        fits = both_seen or _fits(g.rest, first_label, alone)
        if not fits or remainder is None or first is None or first[:2] != (g.start, g.first_end):
            result.append((g.start, g.end, g.label))
            continue
        assert first_label is not None  # first is not None
        result.extend([(g.start, g.first_end, first_label), remainder])
    return result


def labels_seen(text: str, spans: list[tuple[int, int, str]]) -> dict[str, str]:
    """Each name of `spans` with the label the model gives it most often in the text."""
    counts: dict[str, Counter[str]] = {}
    for start, end, label in spans:
        counts.setdefault(text[start:end], Counter())[label] += 1
    return {name: labels.most_common(1)[0][0] for name, labels in counts.items()}


def _fits(rest: str, first_label: str | None, alone: str | None) -> bool:
    """Whether a second part read alone as `alone` is the name `rest` (Glued.rest) asks for
    after a first name of `first_label`."""
    if first_label not in LABELS or alone not in LABELS:
        return False
    if rest == "person":
        return alone == "PER" != first_label
    return rest in ("any", "apart") or alone != first_label
