"""One type per entity, decided by the evidence of all its mentions: the model's label of each, and
the words around it, which outweigh the model (a title makes a person: 'M. Vidal', 'la Première
ministre britannique Theresa May', and so does an age after the name: 'Malo, 17 ans'; an
organisation's head noun an organisation: 'la société Lime', 'le groupe Vinci', with the complement
that narrows it: 'les opérateurs de trottinettes Lime'; a name joined to another by 'et' shares its
cue: '... Lime et Bird', '... Force ouvrière et Sud Santé'; a name in capitals after a definite
article is an organisation's acronym: 'la FDSEA'; a one-word short name in brackets beside a body's
full name is that body's: 'la Banque publique d'investissement (Bpifrance)', which says what the
name is, as an apposition does, and outweighs the model's labels on two other mentions
(kbgen.bracket_definitions); a one-word name after a place's preposition is a place, 'à Écully',
unless the corpus says it is a person's: 'à Macron' beside 'Emmanuel Macron'; after 'chez', a
business unless the corpus says so too: 'chez Verkor', not 'chez Haeberlin' beside 'Marc
Haeberlin'), and the name's own first word or a compound's first part ('Université de Lyon',
'Radio-Canada'), or its last word after capitalised ones ('Bordeaux Métropole'), a head noun of the
language's names too ('lycée Chaptal', 'rue de Brest'); a word in capitals beside others in a name
the model reads as a work or an event: the acronym a firm's or a body's name carries ('Mistral AI',
'Oddo BHF'). A name cited as a source ('selon Mediapart', 'a confirmé sur BFMTV'), or a one-word
work a text is on ('sur Netflix'), is no place nor work: the model's place or misc label there
counts for an organisation (a one-word place ending its clause there, a little more than its place
label: 'en ligne sur Instagram.'); so does a place or a work after a verb of a match, a club named
by its town ('a battu Lens': kbgen.match_cues); so does a work of several words where someone is
('à la Maison de la radio'). A name alone in its quotes is a work's title ('chanter
« L'Aventurier »'); a first name and a surname that speak after a quotation are a person's, whatever
the model's label ('», résume Lourdes Ibarra': kbgen.speakers).

The model's person label is doubted where the text contradicts it: it is void after a title and a
preposition ('le président de Nantes Métropole' is about what he presides), and on a name that
begins with a word the corpus's persons bear as their surname, never written with a title nor
referred to by its last word alone ('Girard Industries' beside 'Marie Girard'), or on a name of two
words that are a word of a name of no person's and a common noun of the corpus, with no person's
evidence ('Corse Matin' beside 'la Collectivité de Corse' and 'ce matin': kbgen.common_tails); on a
one-word name that nothing in the corpus says is a person it loses a tie ('imposés par Washington'
PER, 'Washington a annoncé' LOC). The model's place label counts for an organisation on a name of a
place the corpus names alone and a word no place's nor the language's ('Trenitalia France', 'Qatar
Racing': kbgen.place_brands)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from kbgen.acronym_persons import is_acronym
from kbgen.apposition_cues import DESCRIBED, described_as_body
from kbgen.bracket_definitions import defined_in_brackets
from kbgen.business_cues import (
    AT_HOUSE,
    AT_HOUSE_NAMED,
    OF_ORIGIN,
    ON_MEDIUM,
    ON_MEDIUM_NAMED,
    at_house,
    is_cited,
    medium_read_as_person,
    medium_read_as_place,
    of_origin,
)
from kbgen.common_tails import common_nouns, common_tail_candidates, first_name_joined
from kbgen.extract import Mention
from kbgen.lang import Rules, line_before
from kbgen.match_cues import opponent
from kbgen.names import fold
from kbgen.place_brands import place_brand_candidates
from kbgen.speakers import speaker
from kbgen.trade_heads import is_establishment, is_org_head

TYPE_PRIORITY = ("PER", "ORG", "LOC", "MISC")
CUE_WEIGHT = 2  # a word in the text says more than the model's guess on one mention, not more than two
WORD_BEFORE = re.compile(r"([^\W\d_][\w-]*)['\s]+$")  # the last word before a name, and its spaces
LOWER_WORD_BEFORE = re.compile(r"[\s']([a-zà-ÿ][\w-]*)\s+$")  # a lowercase word just before a name
# A name just before the words that join the next to it; a lowercase word may end it: 'Force ouvrière'.
COORDINATED = re.compile(r"[A-ZÀ-Þ][\w'-]*(?:\s+[a-zà-ÿ][\w'-]*)?$")
NO_PERSON = "ORG"  # a name that is neither a person nor, by the model, a place: most often a body
NOT_SPEAKING = ("LOC", "MISC")  # labels of what is cited as a source only by mistake


def majority(votes: Mapping[str, float], doubted: str = "") -> str:
    """The type with the most votes; on a tie the first of TYPE_PRIORITY, the `doubted` type last."""
    return max(TYPE_PRIORITY, key=lambda t: (votes.get(t, 0), t != doubted, -TYPE_PRIORITY.index(t)))


def model_type(mentions: Iterable[Mention]) -> str:
    return majority(Counter(m.label for m in mentions))


def cue(text: str, start: int, end: int, rules: Rules) -> str | None:
    """The type the words around a name at [start, end) give it, if any."""
    before = line_before(text, start)
    if rules.person_after.match(text, end):
        return "PER"
    found = _cue_before(before, rules)
    joined = re.search(rf"(?:{rules.coordination.pattern})$", before)
    coordinated = COORDINATED.search(before, 0, joined.start()) if joined else None
    if found is None and coordinated:
        # 'les opérateurs Lime et Bird': a name joined to the one before shares its cue.
        found = _cue_before(before[: coordinated.start()], rules)
    return found


def _cue_before(before: str, rules: Rules) -> str | None:
    """The type the words just before a name give it: a title ('M.', 'la ministre britannique'),
    an organisation's head noun ('la société', 'l'opérateur de trottinettes', 'la compagnie
    marseillaise', an adjective of the demonyms' shapes between: never a verb, 'le groupe quitte')."""
    shorter = _without_demonym(before, rules)
    if rules.person_cues.search(before) or (shorter != before and rules.person_cues.search(shorter)):
        return "PER"
    for words in (before, _without_modifier(before, rules), shorter):
        word = WORD_BEFORE.search(words)
        head = word.group(1) if word else ""
        # 'les opérateurs Lime, Dott'; 'la moutarderie Edmond Fallot' (written in lower case: no name's word)
        if is_org_head(head, rules) and (head.islower() or not is_establishment(head, rules)):
            return "ORG"
    return None


def _without_demonym(before: str, rules: Rules) -> str:
    """The words before a name less the people's adjective that ends them ('ministre britannique '
    gives 'ministre '), so that the title before it is read."""
    word = LOWER_WORD_BEFORE.search(before)
    return before[: word.start(1)] if word and rules.demonym.search(word.group(1)) else before


def _without_modifier(before: str, rules: Rules) -> str:
    """The words before a name less the complement that narrows the head noun before them, a
    preposition with no article and a lowercase word: 'opérateurs de trottinettes ' gives
    'opérateurs '. A lowercase word alone may be a verb ('le groupe quitte Lyon'); a
    preposition with an article introduces a thing of its own ('la police du quartier X')."""
    word = LOWER_WORD_BEFORE.search(before)
    if word is None:
        return before
    rest = before[: word.start(1)].lower()
    for preposition in rules.bare_prepositions:
        joined = preposition.strip()
        if re.search(rf"\s{re.escape(joined)}\s*$", rest):
            return before[: len(rest.rstrip()) - len(joined)]
    return before


def is_title_of(mention: Mention, rules: Rules) -> bool:
    """Whether the mention's title ends with a preposition and is no form of address: 'président
    de' is about the name after it, which is then what is presided, no person; 'M. de Moustier'
    is one."""
    title = mention.title
    return title.lower().endswith(tuple(p.strip() for p in rules.prepositions)) and not rules.address.match(title)


Context = tuple[str | None, bool]  # a mention's cue (_context), and whether it is cited as a source (is_cited)
Fields = tuple[int, int, str, str, str]  # a mention within its article: start, end, text, label, title


@dataclass
class Contexts:
    """The words around each mention, read once a resolve, whose texts and rules they are of: a
    group of mentions is typed several times (person_names, surnames, entities). `remembered` is
    what an earlier build read around the mentions of the same articles' texts, by article and
    the mention's fields (kbgen.context_cache): each entry used is moved to `read`, and a mention
    it lacks is read, its article noted in `read_afresh`."""

    remembered: dict[str, dict[Fields, Context]] = field(default_factory=dict)
    read: dict[Mention, Context] = field(default_factory=dict)
    read_afresh: set[str] = field(default_factory=set)


def fields_of(m: Mention) -> Fields:
    return (m.start, m.end, m.text, m.label, m.title)


class PersonNames(NamedTuple):
    """What the corpus's names of persons of more than one word say, folded."""

    words: frozenset[str] = frozenset()  # their first names and surnames ('David' where 'David Wehren' is)
    surnames: frozenset[str] = frozenset()  # words more often last in them than first ('Girard', not 'Albert')
    first_names: frozenset[str] = frozenset()  # words that open two of them or more ('Marc': a first name)
    common: frozenset[str] = frozenset()  # of them, a place's word and a common noun (common_tails: 'Corse Matin')
    brands: frozenset[str] = frozenset()  # names read as places, a place and a brand's word (place_brands)


NO_NAMES = PersonNames()


def person_names(
    groups: dict[str, list[Mention]], texts: dict[str, str], rules: Rules, known: Contexts | None = None
) -> PersonNames:
    persons = {
        key for key, group in groups.items() if " " in key and decided_type(group, texts, rules, known=known) == "PER"
    }
    names = [key.split() for key in persons]
    firsts, lasts = Counter(words[0] for words in names), Counter(words[-1] for words in names)
    tails, brands = common_tail_candidates(groups, persons), place_brand_candidates(groups, rules)
    # The corpus read once for the common nouns both ask about.
    asked = {second for _, second in tails} | {word for others in brands.values() for word in others}
    nouns = common_nouns(asked, texts.values(), rules)
    return PersonNames(
        frozenset(w for words in names for w in words),
        frozenset(w for w in lasts if lasts[w] > firsts[w]),
        frozenset(w for w in firsts if firsts[w] > 1),
        frozenset(f"{first} {second}" for first, second in tails if second in nouns),
        frozenset(key for key, others in brands.items() if nouns.isdisjoint(others)),
    )


def decided_type(
    mentions: Iterable[Mention],
    texts: dict[str, str],
    rules: Rules,
    persons: PersonNames = NO_NAMES,
    known: Contexts | None = None,
) -> str:
    """The type all the mentions' evidence gives their entity; `persons` is what the corpus's
    persons' longer names say (person_names); `known`, the cues already read of these texts."""
    mentions = list(mentions)
    known = Contexts() if known is None else known
    read = [_known(m, texts, rules, known) for m in mentions]
    cues = [found for found, _ in read]
    titled = any(m.title and not is_title_of(m, rules) for m in mentions)
    words = [m.text.split() for m in mentions]
    # An initial ('F. Ody') is no surname.
    firsts = {fold(w[0]) for w in words if len(w[0].rstrip(".")) > 1} if all(len(w) > 1 for w in words) else set()
    # A person's surname followed by more words, never referred to by its last word alone, with no
    # title: a company named after someone ('Vidal Conseil', 'Girard Industries').
    # So is a place's word and a common noun ('Corse Matin'), unless another first name is joined to it.
    common = bool(persons.common) and {fold(m.text) for m in mentions} <= persons.common
    common = common and not first_name_joined(mentions, texts)
    named_after = "PER" not in cues and not titled and (bool(firsts & persons.surnames) or common)
    # A one-word name that no title, no person's cue and no longer name of a person has.
    # An acronym after a function's title is what the function is of ('le sénateur LR'): no person's cue.
    acronyms = [
        (m.label == "PER" or found == "PER") and is_acronym(m, texts, rules) for m, found in zip(mentions, cues)
    ]
    cues = [None if acronym and found == "PER" else found for found, acronym in zip(cues, acronyms, strict=True)]
    named_person = "PER" in cues or any(_full_name(m.text, rules) or fold(m.text) in persons.words for m in mentions)
    said_person = named_person or titled
    votes: defaultdict[str, float] = defaultdict(float)
    shape_only = False
    for m, context, (_, cited), acronym in zip(mentions, cues, read, acronyms, strict=True):
        if cited:
            votes[NO_PERSON] += CUE_WEIGHT  # a place or a work does not speak: a medium, a body
        elif acronym and m.label == "PER" and not named_person:
            votes[NO_PERSON] += 1
        elif m.label == "LOC" and fold(m.text) in persons.brands:
            votes[NO_PERSON] += 1  # 'Trenitalia France': the place names the body
        elif m.label != "PER" or not (is_title_of(m, rules) or named_after):
            votes[m.label] += 1
        if context == AT_HOUSE_NAMED:
            # 'chez Marc Haeberlin': a person's house, by the corpus's first names (unknown yet: a person's)
            if persons is NO_NAMES or titled or "PER" in cues or fold(m.text.split()[0]) in persons.first_names:
                continue
            shape_only = True  # a person's first name and surname were only the name's shape
        if context and not (context in YIELDING and said_person):
            kind, weight = CUE_VOTES.get(context, (context, CUE_WEIGHT))
            votes[kind] += weight
    return (
        majority(votes, doubted="" if said_person and not shape_only else "PER") if any(votes.values()) else NO_PERSON
    )


def _full_name(name: str, rules: Rules) -> bool:
    """Whether a name of several words may be a person's first name and surname: not when an
    article opens it ('Les Houches', 'La Rochelle'), which a person's names take only inside."""
    return len(name.split()) > 1 and not fold(name).startswith(rules.capitalised_articles)


def mention_cue(m: Mention, texts: dict[str, str], rules: Rules, known: Contexts) -> str | None:
    """The type the words around one mention give it (read once a resolve: `known`)."""
    return _known(m, texts, rules, known)[0]


def _known(m: Mention, texts: dict[str, str], rules: Rules, known: Contexts) -> Context:
    try:
        return known.read[m]
    except KeyError:
        found = known.remembered.get(m.article, {}).pop(fields_of(m), None)
        if found is None:
            found = (_context(m, texts, rules), m.label in NOT_SPEAKING and is_cited(m, texts, rules))
            known.read_afresh.add(m.article)
        known.read[m] = found
        return found


def _context(m: Mention, texts: dict[str, str], rules: Rules) -> str | None:
    """The type a mention's words give it: its first word, else the words around it."""
    first, _, rest = m.text.partition(" ")
    # A compound's first part is its head too ('Radio-Canada'), not a place's ('Salon-de-Provence').
    part, _, compound = m.text.partition("-")
    if (rest and is_org_head(first, rules)) or (" " not in part and compound and part.lower() in rules.org_heads):
        return "ORG"
    # A person's name may hold a surname in capitals ('Marie LE GALL'): only other labels are doubted.
    if rest and (_ends_with_head(m.text, rules) or (m.label in ("MISC", "LOC") and _carries_acronym(m.text))):
        return "ORG"
    if rest and first in rules.name_heads:  # written in lower case: 'lycée Chaptal', 'rue de Brest'
        return rules.name_heads[first]
    # The words before a name with a title are that title ('la ministre des Armées'), no cue of its type.
    if m.title:
        return None
    text = texts.get(m.article, "")
    return (
        cue(text, m.start, m.end, rules)
        or speaker(m, text, rules)
        or described_as_body(m, text, rules)
        or _acronym_after_article(m, text, rules)
        or defined_in_brackets(m, text, rules)
        or _at_place(m, text, rules)
        or medium_read_as_place(m, text, rules)
        or medium_read_as_person(m, text, rules)
        or opponent(m, text, rules)
        or at_house(m, text, rules)
        or of_origin(m, text, rules)
        or _venue(m, text, rules)
        or _quoted(m, text)
    )


def _quoted(m: Mention, text: str) -> str | None:
    """MISC for a name alone in its quotes: a work's title ('chanter « L'Aventurier »')."""
    opened = re.search(r"[«\"“]\s*$", text[max(0, m.start - 3) : m.start])
    return "MISC" if opened and re.match(r"\s*[»\"”]", text[m.end : m.end + 3]) else None


def _venue(m: Mention, text: str, rules: Rules) -> str | None:
    """ORG for a name of several words, the first capitalised, that the model reads as a work,
    after 'à la', 'à l'', 'au': where someone is, works or speaks ('à la Maison de la radio',
    "à l'Auberge de l'Ill"), an institution's; a work is not a place to be. Not 'aux': events
    are named in the plural ('aux Francofolies de La Rochelle'); nor a name whose first word is a
    head of the language's names, which gives its type ('au Festival de Cannes')."""
    words = m.text.split()
    if rules.venue_before is None or m.label != "MISC" or len(words) < 2 or not words[0][:1].isupper():
        return None
    if words[0].lower() in rules.name_heads:
        return None
    return "ORG" if rules.venue_before.search(line_before(text, m.start)) else None


AT_PLACE = "LOC?"  # a place's cue that a person's name elsewhere in the corpus outweighs (decided_type)
# What the cues of their own kind vote, a type and a weight; any other cue votes its type, CUE_WEIGHT.
CUE_VOTES = {
    AT_PLACE: ("LOC", CUE_WEIGHT),
    AT_HOUSE: ("ORG", CUE_WEIGHT),
    AT_HOUSE_NAMED: ("ORG", CUE_WEIGHT),
    ON_MEDIUM: ("ORG", 1.5),
    DESCRIBED: ("ORG", CUE_WEIGHT + 1),
    OF_ORIGIN: ("ORG", CUE_WEIGHT),
    ON_MEDIUM_NAMED: ("ORG", CUE_WEIGHT),
}
YIELDING = (AT_PLACE, AT_HOUSE, OF_ORIGIN, ON_MEDIUM_NAMED)  # cues a person's evidence in the corpus outweighs


def _at_place(m: Mention, text: str, rules: Rules) -> str | None:
    """A place's cue for a one-word name right after a place's preposition ('à Écully', 'à
    Sartène'), which the model, reading an unfamiliar town, labels a person's or a work's: a
    person after it is the one something is given or said to ('à Macron'), which decided_type
    leaves to the corpus's persons' names."""
    if rules.place_before is None or " " in m.text or m.label not in ("PER", "MISC"):
        return None
    return AT_PLACE if rules.place_before.search(line_before(text, m.start)) else None


def _ends_with_head(name: str, rules: Rules) -> bool:
    """Whether a name of capitalised words ends with an organisation's head noun: a body named
    after its place the way new ones are, the place first ('Bordeaux Métropole', 'La Rochelle
    Université', 'Lagord Athletic Club'); a lowercase word before says it is a description."""
    words = name.split()
    return words[-1].lower() in rules.org_heads and all(w[:1].isupper() for w in words)


def _carries_acronym(name: str) -> bool:
    """Whether a name of several words has one in capitals beside words that are not: a firm's
    or a body's name carries its acronym ('Mistral AI', 'Oddo BHF', 'UGC Normandie'); a work's
    or an event's title is written in words. An acronym is short: a longer word in capitals
    beside others is a heading glued to the text ('SPORTS dernière', 'Birmanie PARIS'); a
    Roman numeral is none ('Vatican II')."""
    words = name.split()
    acronyms = [w for w in words if w.isalpha() and w.isupper() and 1 < len(w) <= 4 and set(w) - set("IVXLCDM")]
    return bool(acronyms) and any(w != w.upper() for w in words)


ACRONYM = re.compile(r"[A-ZÀ-Þ]{2,}(?:[ &-][A-ZÀ-Þ]{2,})*")


def _acronym_after_article(m: Mention, text: str, rules: Rules) -> str | None:
    """ORG for a name in capitals after a definite article of one thing ('la FDSEA', 'la CMA
    CGM'): an organisation's acronym, which a person's name never takes. A place's acronym
    ('l'URSS', 'la RDA') the model reads as a place: its label is left to decide."""
    pattern = rules.article_before_acronym
    if pattern is None or m.label == "LOC" or not ACRONYM.fullmatch(m.text):
        return None
    return "ORG" if pattern.search(line_before(text, m.start)) else None
