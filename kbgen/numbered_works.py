"""Names that end with a number: an edition, a model, a league's level, a launcher's version.
French news numbers what it makes and holds: a competition's edition by its year ('Mondial
2026', 'Paris 2024'), a league's level ('Ligue 1'), a product's or a vehicle's model ('Ariane 6',
'Biomass 2', 'Renault 5'), a boat's series ('Saint-Clair II'). The model reads the name before the
number and types the whole by it: a place ('Mondial 2026' LOC), a company ('Ariane 6' ORG). A maker's
name and a model's code, letters then digits, is a product's too ('Citroën C3 Rally2', 'Alpine
A290'), which the model reads as the maker or a place. Such a name is a work or an event (MISC),
whatever its mentions were read as, unless:

- its first word is an acronym in capitals: a numbered body ('SDIS 85', kbgen.numbered_bodies);
- its first word is a head noun of the language's names ('Port 2000', 'Université Rennes 2'), or,
  before a model's code, an organisation's ('Groupe M6');
- a number that is no year follows a name the corpus has as a place's or a body's on its own: the
  channel, the radio or the university named after its place ('France 2'), or a body's branch
  ('France Victimes 27'), unless a definite article says it is a thing: a maker's model ('la
  Peugeot 408' beside 'Peugeot'). A year after a place is its edition ('Paris 2024');
- with a number that is no year, nothing says it is a thing: no mention the model reads as a work
  nor one after a definite article ('la Ligue 1', 'du Saint-Clair II'). A work or an event takes
  one; a medium or a university named by its place and number does not ('au micro d'Alpes 1', 'à
  Rennes 2');
- the words around a mention say what it is (kbgen.entity_types's cues: 'l'association Présence
  17'), or it is cited as a source, or the owner typed it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from kbgen.lang import line_before
from kbgen.names import fold
from kbgen.partners import says_nothing
from kbgen.trade_heads import is_org_head

if TYPE_CHECKING:
    from kbgen.entity_types import Contexts
    from kbgen.lang import Rules
    from kbgen.resolve import Entity

RETYPED = ("ORG", "LOC")  # the model's misreadings of a numbered work; a person's name with a number is a king's
WORK_TYPE = "MISC"
# A capitalised name, a space and a number: a year, one of one to three digits (no leading zero:
# a department's, 'Samu 03'), or a Roman numeral of two letters or more ('II', 'XI').
_NUMBERED = re.compile(r"(?P<name>[A-ZÀ-Þ][^\d]*?) (?:(?P<year>(?:19|20)\d\d)|[1-9]\d{0,2}|[IVX]{2,5})")
_ACRONYM = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ&]+")
# A model's code after a maker's name: a word of letters, then digits that end it ('Citroën C3
# Rally2', 'Alpine A290', 'Peugeot e-208', 'Airbus A320'). A time, a unit, an ordinal open with
# their digits ('14h30', '5G', '13e'); an acronym holding one goes on with letters ('AG2R').
_MODEL = re.compile(r"[^\W\d_][^\d\s]*(?: \S+)*? [^\W\d_]+(?:-[^\W\d_]+)*-?\d+(?: \S+)*")


def typed_by_numbers(
    entities: list[Entity], texts: dict[str, str], rules: Rules, known: Contexts, owner_typed: set[str]
) -> list[Entity]:
    """The entities, those named with a number (see the module) typed as works."""
    bodies = _places_and_bodies(entities)
    works = [
        _numbered_work(entity, texts, rules, known, owner_typed, bodies) and _thing(entity, texts, rules)
        for entity in entities
    ]
    entities = [replace(e, type=WORK_TYPE) if work else e for e, work in zip(entities, works, strict=True)]
    short = _short_forms(entities, known, owner_typed)
    return [replace(e, type=WORK_TYPE) if i in short else e for i, e in enumerate(entities)]


def _short_forms(entities: list[Entity], known: Contexts, owner_typed: set[str]) -> set[int]:
    """The entities that are a numbered work's name without its number, in one of its articles,
    with nothing around them to say what they are: the work's short form. The model reads it as a
    person ('« Ariane fait maintenant ce qu'on attend »' beside 'Ariane 6') or, an event's named by
    its year, as a place ('le Mondial' beside 'Mondial 2030'); a place named only in the event's
    articles: a town of the corpus is its host ('Paris' beside 'Paris 2024'), a river a product's
    namesake ('le Furan' beside 'le Furan 2')."""
    numbered: dict[str, set[str]] = {}
    editions: dict[str, set[str]] = {}
    for e in entities:
        found = _NUMBERED.fullmatch(e.name)
        if e.type == WORK_TYPE and found:
            numbered.setdefault(fold(found.group("name")), set()).update(e.articles)
            if found.group("year"):
                editions.setdefault(fold(found.group("name")), set()).update(e.articles)
    return {
        i
        for i, e in enumerate(entities)
        if " " not in e.name
        and (
            (e.type == "PER" and not numbered.get(fold(e.name), set()).isdisjoint(e.articles))
            or (e.type == "LOC" and set(e.articles) <= editions.get(fold(e.name), set()))
        )
        and e.slug not in owner_typed
        and says_nothing(e, known)
    }


def _places_and_bodies(entities: list[Entity]) -> set[str]:
    """The folded names and aliases of the corpus's places and bodies."""
    return {fold(name) for e in entities if e.type in RETYPED for name in (e.name, *e.aliases)}


def _numbered_work(
    entity: Entity, texts: dict[str, str], rules: Rules, known: Contexts, owner_typed: set[str], bodies: set[str]
) -> bool:
    numbered = _NUMBERED.fullmatch(entity.name)
    model = numbered is None and entity.name[:1].isupper() and _MODEL.fullmatch(entity.name)
    if entity.type not in RETYPED or not (numbered or model) or entity.slug in owner_typed:
        return False
    name = numbered.group("name") if numbered else entity.name
    first = name.split()[0]
    if _ACRONYM.fullmatch(first) or first.lower() in rules.name_heads or (model and is_org_head(first, rules)):
        return False
    # 'France 2' beside 'France' is a channel; 'la Peugeot 408' beside 'Peugeot' the maker's model:
    # a medium or a university named by its place and number takes no article (_thing).
    if numbered and not numbered.group("year") and (fold(name) in bodies or fold(first) in bodies):
        if not _after_article(entity, texts, rules):
            return False
    return says_nothing(entity, known)


def _thing(entity: Entity, texts: dict[str, str], rules: Rules) -> bool:
    """Whether the name is a thing's: numbered by a year, read as a work by the model once, or
    written after a definite article once."""
    numbered = _NUMBERED.fullmatch(entity.name)
    if (numbered and numbered.group("year")) or any(m.label == WORK_TYPE for m in entity.mentions):
        return True
    return numbered is None or _after_article(entity, texts, rules)  # a model's code is a thing's


def _after_article(entity: Entity, texts: dict[str, str], rules: Rules) -> bool:
    """Whether a mention of the entity is written after a definite article."""
    definite = rules.definite_before
    return definite is not None and any(
        definite.search(line_before(texts.get(m.article, ""), m.start)) for m in entity.mentions
    )
