"""A table's names are what it ranks or quotes beside its numbers: companies on a stock table,
parties on a vote table, teams and clubs on a results table, and persons, named in full. The
model reads a name alone in its cell with no sentence around it, and guesses: a company as a
person ('Hermès') or a work ('Pernod Ricard'), a party as a place ('LFI-NFP'). An entity with
a name in such a cell, whose mentions say nothing else of it (no first name and surname, no
title, no cue of kbgen.entity_types), is an organisation when the model reads it as a person or
a work; when it reads it as a place, only when the table's other names are organisations more
than anything else (a table of towns' weather or votes is of places)."""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from kbgen.partners import says_nothing

if TYPE_CHECKING:
    from kbgen.entity_types import Contexts
    from kbgen.extract import Mention
    from kbgen.resolve import Entity

TABLE_TYPE = "ORG"
MISREAD = ("PER", "MISC")  # what the model reads a company's or a party's name in a cell as
LETTERS = re.compile(r"[^\W\d_]")
PROSE_WORDS = 7  # a line of this many words between two cells is a sentence: another table, if any
UNIT_LETTERS = 3  # letters a number's cell may hold: '36 pts', '12h38', 'à 9'''


def typed_by_tables(
    entities: list[Entity], texts: dict[str, str], known: Contexts, owner_typed: set[str]
) -> list[Entity]:
    """The entities, those named in a table's cell and nothing else to say typed as organisations
    (see the module); `known` and `owner_typed` as for kbgen.partners.typed_by_partners."""
    tables = _tables(entities, texts)
    if not tables:
        return entities
    cell_articles: dict[int, set[str]] = defaultdict(set)
    for article, table in tables:
        for i in table:
            cell_articles[i].add(article)
    retypable = {
        i for i, articles in cell_articles.items() if _may_be_retyped(entities[i], articles, known, owner_typed)
    }
    misread = {i for i in retypable if entities[i].type in MISREAD}
    typed = [TABLE_TYPE if i in misread else e.type for i, e in enumerate(entities)]
    places = {
        i
        for _, table in tables
        for i in table
        if i in retypable and typed[i] == "LOC" and _kind_of_the_others(table, i, typed) == TABLE_TYPE
    }
    return [replace(e, type=TABLE_TYPE) if i in misread | places else e for i, e in enumerate(entities)]


def _may_be_retyped(entity: Entity, articles: set[str], known: Contexts, owner_typed: set[str]) -> bool:
    """Neither the owner's curation nor the words around its mentions typed it; a person's name
    is one word (a name of two is a first name and a surname); most of its mentions are in the
    articles of its cells (a town's name in many articles is the town's, whatever a stock table
    of one calls so)."""
    if entity.slug in owner_typed or (entity.type == "PER" and " " in entity.name):
        return False
    if 2 * sum(m.article in articles for m in entity.mentions) <= len(entity.mentions):
        return False
    return says_nothing(entity, known)


def _kind_of_the_others(table: list[int], i: int, typed: list[str]) -> str | None:
    """The type more of the table's other names (persons left out: a column of their own) have
    than any other, at least two of them."""
    counts = Counter(typed[j] for j in set(table) - {i} if typed[j] != "PER")
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _tables(entities: list[Entity], texts: dict[str, str]) -> list[tuple[str, list[int]]]:
    """The tables of each article, each its article and the entities (by index) of its cells, in
    order; a line of prose between two cells separates two tables."""
    cells: dict[str, list[tuple[Mention, int]]] = defaultdict(list)
    for i, entity in enumerate(entities):
        for m in entity.mentions:
            if is_cell(texts.get(m.article, ""), m.start, m.end):
                cells[m.article].append((m, i))
    tables = []
    for article, found in cells.items():
        found.sort(key=lambda cell: cell[0].start)
        table = [found[0][1]]
        for (before, _), (m, i) in itertools.pairwise(found):
            if any(len(line.split()) >= PROSE_WORDS for line in texts[article][before.end : m.start].split("\n")):
                tables.append((article, table))
                table = []
            table.append(i)
        tables.append((article, table))
    return tables


def is_cell(text: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) is alone on its line beside a line of a number: the
    nearest line with words before or after it holds digits and at most a unit's letters."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:start].strip() or text[end:line_end].strip():
        return False
    return _is_number(_line_before(text, line_start)) or _is_number(_line_after(text, line_end))


def _line_before(text: str, line_start: int) -> str:
    """The nearest line with words before the line starting at `line_start`."""
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            return text[start:end]
        end = start - 1
    return ""


def _line_after(text: str, line_end: int) -> str:
    """The nearest line with words after the line ending at `line_end`."""
    start = line_end + 1
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            return text[start:end]
        start = end + 1
    return ""


def _is_number(line: str) -> bool:
    return any(ch.isdigit() for ch in line) and len(LETTERS.findall(line)) <= UNIT_LETTERS
