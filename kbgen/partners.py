"""Names joined by 'et' or 'ou' are things of one kind ('une demande de Stellantis et de
Renault', 'Daher et Europe Technologies'): an entity whose own words say nothing of its type,
most of whose mentions the text lists beside an organisation's, is an organisation too. The
model reads a company's or a body's unfamiliar name as a person's, a work's or a place's ('la
Croix-Rouge française et la Protection civile du Var', 'Shearson-Lehman-Hutton et Salomon
Brothers'); the partner it knows says what the list is of. So with places: a small town or a
station the model reads as a person or a work, listed beside places, is a place ('des dépôts de
Jumet et de Genson'). A first name and a surname, a title or any cue of kbgen.entity_types
around a mention is evidence of its own, which a partner does not outweigh."""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from kbgen.lang import Rules, line_before
from kbgen.spans import joined

if TYPE_CHECKING:
    from kbgen.entity_types import Contexts
    from kbgen.extract import Mention
    from kbgen.resolve import Entity

# The types a list's partner may give, and what the model misreads a name of that type as, when
# the name is unfamiliar: a company's as a person's, a work's or a place's (a place's only where
# the name is not written as a town's, TOWN_COMPOUND); a small town's or a station's as a
# person's or a work's ('des dépôts de Jumet et de Genson', 'Champs-Élysées et Guy-Môquet').
MISREAD = {"ORG": ("PER", "MISC", "LOC"), "LOC": ("PER", "MISC")}
# A compound holding a word in lower case, the way a town's name is written ('Salon-de-Provence',
# 'Boulogne-sur-Mer'): listed beside a body, it is where the body is ('le port de Dax et Salon-de-Provence').
TOWN_COMPOUND = re.compile(r"\w-[a-zà-ÿ'’]+-\w")


def typed_by_partners(
    entities: list[Entity], texts: dict[str, str], rules: Rules, known: Contexts, owner_typed: set[str]
) -> list[Entity]:
    """The entities, those listed with organisations or places and nothing else to say typed as
    one. `known` holds the cues entity_types read around each mention (all of them read by now: each
    entity was typed); `owner_typed`, the slugs of the entities whose type the owner's curation
    set, left alone."""
    partners = _partner_types(entities, texts, rules)
    result = []
    for i, entity in enumerate(entities):
        votes = partners.get(i, Counter())
        listed = [t for t in MISREAD if _listed_as(t, entity, votes, texts, rules)]
        if listed and _misread(entity, listed[0]) and entity.slug not in owner_typed and says_nothing(entity, known):
            entity = replace(entity, type=listed[0])
        result.append(entity)
    return result


def _listed_as(kind: str, entity: Entity, votes: Counter[str], texts: dict[str, str], rules: Rules) -> bool:
    """Whether most of the entity's mentions are listed with names of type `kind`, more than with
    its own; or half of them with organisations where no mention is where something is ('à
    Nevers', 'en Suisse'): a body named twice, once listed with another ('un préavis déposé par
    Sud-Rail et la CGT-Cheminots', 'délégué syndical de Sud-Rail'), unless the model reads it as
    a place on each mention."""
    if votes[kind] <= votes[entity.type]:
        return False
    if 2 * votes[kind] > len(entity.mentions):
        return True
    # A place the model reads as one on every mention stays one ('la Serbie et la Yougoslavie').
    doubted = entity.type != "LOC" or any(m.label != "LOC" for m in entity.mentions)
    half = 2 * votes[kind] == len(entity.mentions)
    return kind == "ORG" and half and doubted and not _placed(entity, texts, rules)


def _placed(entity: Entity, texts: dict[str, str], rules: Rules) -> bool:
    """Whether a mention of the entity comes after a place's preposition ('à Nevers', 'en Suisse')."""
    pattern = rules.place_use_before
    return pattern is None or any(
        pattern.search(line_before(texts.get(m.article, ""), m.start)) for m in entity.mentions
    )


def _misread(entity: Entity, partner_type: str) -> bool:
    """Whether the entity's type is one the model gives a name of `partner_type` by mistake."""
    town = entity.type == "LOC" and TOWN_COMPOUND.search(entity.name) is not None
    return entity.type in MISREAD[partner_type] and not town


def _partner_types(entities: list[Entity], texts: dict[str, str], rules: Rules) -> dict[int, Counter[str]]:
    """For each entity (by index), the types of the other entities its mentions are joined to."""
    owner: dict[Mention, int] = {m: i for i, e in enumerate(entities) for m in e.mentions}
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for m in owner:
        by_article[m.article].append(m)
    partners: dict[int, Counter[str]] = defaultdict(Counter)
    for slug, mentions in by_article.items():
        mentions.sort(key=lambda m: m.start)
        text = texts.get(slug, "")
        for first, second in itertools.pairwise(mentions):
            a, b = owner[first], owner[second]
            if a != b and first.end <= second.start and joined(text[first.end : second.start], rules):
                partners[a][entities[b].type] += 1
                partners[b][entities[a].type] += 1
    return partners


def says_nothing(entity: Entity, known: Contexts) -> bool:
    """No first name and surname, no title, no cue around any mention says what it is."""
    if entity.type == "PER" and " " in entity.name:
        return False
    return all(not m.title and known.read.get(m, (None, False)) == (None, False) for m in entity.mentions)
