"""Houses named after a person (kbgen.surnames): a bare surname the article's words read as an
organisation's is the house, not the person the article names in full ('Chez Dior, Jonathan
Anderson a signé...' beside 'les tailleurs Bar de Christian Dior'; 'Le groupe Legrand ...' beside
'Nathalie Legrand, déléguée syndicale'; 'Chez Bouygues, Martin Bouygues a démenti'). Fashion and
luxury houses, publishers, family groups and industrial firms keep their founder's name; news
names the person and the house side by side. The mention's own cue says which (kbgen.entity_types:
a head noun before it, an apposition, the preposition of a house): the cue is read on that
mention alone, so a person's surname elsewhere stays his. After 'chez', the house ends its clause
('Chez Dior, ...', 'chez Balenciaga, avenue George-V'): followed by more words, it is the person
whose work or manner is spoken of ('on retrouve chez Diethelm la sincérité'). A surname alone in
a table's cell beside numbers is what the table ranks, a company on a stock table (kbgen.tables:
a table names persons in full), not the founder the text names ('Hermès' beside 'Thierry Hermès').
The model's organisation label says so too where it is given to two bare mentions or more (once is
a guess: 'de Muynck se détache') and one person of the corpus bears the name: where several do, the
bare name is often the family's ('la famille Peugeot'), which the model reads as an organisation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from kbgen.apposition_cues import DESCRIBED
from kbgen.business_cues import CLAUSE_END, ON_MEDIUM
from kbgen.extract import Mention
from kbgen.lang import Rules, line_before
from kbgen.tables import is_cell

# The cues of kbgen.entity_types that say a one-word name is an organisation's.
ORGANISATION_CUES = ("ORG", DESCRIBED, ON_MEDIUM)
READ_TWICE = 2  # the model's organisation label on one mention is a guess ('de Muynck se détache'), on two a reading


def names_house(mention: Mention, cue: str | None, texts: dict[str, str], rules: Rules, read: bool) -> bool:
    """Whether a bare surname's mention, of cue `cue` (kbgen.entity_types), names a house; `read`,
    whether the model's organisation label is read. After the preposition of a house whatever the
    model's label (the cue is read for other labels only)."""
    if cue in ORGANISATION_CUES:
        return True
    if read and _read_as_body(mention):
        return True
    text = texts.get(mention.article, "")
    if is_cell(text, mention.start, mention.end):
        return True
    if rules.house_before is None or not rules.house_before.search(line_before(text, mention.start)):
        return False
    return CLAUSE_END.match(text, mention.end) is not None


def houses_of(
    mentions: list[Mention],
    cue_of: Callable[[Mention], str | None],
    texts: dict[str, str],
    rules: Rules,
    one: bool = True,
) -> list[Mention]:
    """The mentions of a bare surname that name a house, read as organisations; `one`, whether
    one person of the corpus bears the surname."""
    read = one and sum(map(_read_as_body, mentions)) >= READ_TWICE
    return [m for m in mentions if names_house(m, cue_of(m), texts, rules, read)]


def _read_as_body(mention: Mention) -> bool:
    """The model's organisation label, not on a heading's capitals ('CARLSEN, L'ABSENT')."""
    return mention.label == "ORG" and not mention.text.isupper()


def set_apart(
    groups: dict[str, list[Mention]],
    key: str,
    mentions: list[Mention],
    cue_of: Callable[[Mention], str | None],
    texts: dict[str, str],
    rules: Rules,
    one: bool,
) -> tuple[list[Mention], list[Mention]]:
    """The mentions of the bare surname `key` (of `groups`) that may be its person's, and those
    of its house, labelled organisations as they are in `groups`, where the surname left as it
    is keeps them."""
    houses = houses_of(mentions, cue_of, texts, rules, one)
    if not houses:
        return mentions, []
    groups[key] = [replace(m, label="ORG") if m in houses else m for m in groups[key]]
    return [m for m in mentions if m not in houses], [replace(m, label="ORG") for m in houses]
