"""What the words before a one-word name say of a body, a platform, a medium or a business that the
model reads as a place, a person or a work (kbgen.entity_types): the source of what is reported
('selon Mediapart'), the medium something is on ('sur Netflix', 'sur Instagram.'), the house where
one works, buys or is published ('chez Verkor', 'chez Cafpi'), the company a people's adjective
names by where it is from ('le français Orano')."""

from __future__ import annotations

import re

from kbgen.extract import Mention
from kbgen.lang import Rules, line_before

CLAUSE_END = re.compile(r"[^\S\n]*(?:[^\w\s'’-]|\n|$)")  # punctuation or a line's end after a name
# A platform's cue that outweighs the model's place label on its own mention, not on two more
# (decided_type): a name the corpus reads as a place again stays one.
ON_MEDIUM = "ORG~"
AT_HOUSE = "ORG?"  # a business's cue that a person's name elsewhere in the corpus outweighs (decided_type)
# A business's cue for a name of two words, which a person's first name and surname have too: it
# yields to a title, a person's cue, or a first word that opens another person's name (decided_type).
AT_HOUSE_NAMED = "ORG?2"
# A company's cue from the people's adjective before it ('du chinois ByteDance'), which a person's
# evidence in the corpus outweighs (decided_type): 'l'historien Fluck' beside 'Pierre Fluck'.
OF_ORIGIN = "ORG?o"
# A medium's cue for a one-word name the model reads as a person's ('diffusé sur Arte'), which a
# person's evidence in the corpus outweighs (decided_type): 'compter sur Mbappé' beside 'Kylian Mbappé'.
ON_MEDIUM_NAMED = "ORG?m"
WHOLE_WORD = re.compile(r"[A-ZÀ-Þ][^\W\d_]+(?:-[^\W\d_]+)*")  # no initial ('J. J. Burgdorfer'), no number


def is_cited(m: Mention, texts: dict[str, str], rules: Rules) -> bool:
    """Whether the words before the mention cite it as the source of what is reported ('selon
    Mediapart', 'interrogée par France Inter', 'a confirmé sur BFMTV'), or, for a one-word name
    the model reads as a work, as the medium it is on ('sur Netflix', 'sur TikTok': a platform or
    a channel; a work is on one, not on another work). The medium ends what is said, or a list
    of them does ('sur GitHub et Hugging Face.'); a subject is developed ('une conférence sur
    l'Helvétie sous la domination romaine')."""
    text = texts.get(m.article, "")
    before = line_before(text, m.start)
    if rules.source_before.search(before):
        return True
    if rules.medium_before is None or m.label != "MISC" or " " in m.text:
        return False
    ends = CLAUSE_END.match(text, m.end) or rules.coordination.match(text, m.end)
    return ends is not None and rules.medium_before.search(before) is not None


def medium_read_as_place(m: Mention, text: str, rules: Rules) -> str | None:
    """An organisation's cue for a one-word name the model reads as a place, after the medium's
    preposition, that ends the clause or is followed by the preposition again for the next name:
    the platform something is on ('en ligne sur Instagram.', 'sur Snapchat et sur TikTok').
    A place is where one goes or falls, and it is said in a list of places ('tombés sur Colmar
    et Turckheim'): the preposition is not said again there. A weak cue, not a citation: the
    model's place label still counts, so that a place the corpus names again ('les grêlons sont
    tombés sur Colmar.', 'à Colmar') stays one, and a platform it names so in most mentions is one
    ('sur Instagram.' five times, 'de l'Antiquité à Instagram' once). Not a compound of capitalised parts, a place's
    shape ('sur Hong-Kong.')."""
    if rules.medium_before is None or m.label != "LOC" or " " in m.text or "-" in m.text:
        return None
    if not rules.medium_before.search(line_before(text, m.start)):
        return None
    joined = rules.coordination.match(text, m.end)
    again = joined is not None and rules.medium_before.search(text[m.end : joined.end() + 4]) is not None
    return ON_MEDIUM if again or CLAUSE_END.match(text, m.end) else None


def at_house(m: Mention, text: str, rules: Rules) -> str | None:
    """A business's cue for a one-word name the model reads as no organisation, right after the
    preposition of someone's house ('chez Verkor', 'chez Cafpi', 'publié chez Gallimard'): where
    one works, buys or is published. A person's house too ('chez Haeberlin' where Marc Haeberlin
    is named), which decided_type leaves to the corpus's evidence of a person; and the house of
    two named together ('chez Manget et Cherbuliez'): not read. A name of two whole capitalised
    words ('chez Pernod Ricard', 'Chez Berry Architectures') gets the weaker cue AT_HOUSE_NAMED:
    'chez Marc Haeberlin' is a person's house, whose first name opens other persons' names."""
    words = m.text.split()
    if rules.house_before is None or m.label == "ORG" or len(words) > 2:
        return None
    if not rules.house_before.search(line_before(text, m.start)):
        return None
    joined = rules.coordination.match(text, m.end)
    if joined and text[joined.end() : joined.end() + 1].isupper():
        return None
    if len(words) == 1:
        return AT_HOUSE
    return AT_HOUSE_NAMED if all(WHOLE_WORD.fullmatch(word) for word in words) else None


def of_origin(m: Mention, text: str, rules: Rules) -> str | None:
    """A company's cue for a name the model reads as a person or a work, right after a definite
    article and a people's adjective in lower case ('le français Orano', 'du chinois ByteDance',
    'la française MaiaSpace'): the adjective stands for the company's noun it leaves out ('le
    groupe français'); a person's people is a capitalised noun ('le Français Dupont'). A place
    the model reads as one is left alone ('l'ancienne Yougoslavie'); a name of a person's shape,
    or known as a person's in the corpus, keeps its person's evidence (decided_type): the nouns of
    that shape are also persons' trades ('l'historien Pierre Fluck')."""
    if rules.origin_adjective_before is None or m.label not in ("PER", "MISC"):
        return None
    return OF_ORIGIN if rules.origin_adjective_before.search(line_before(text, m.start)) else None


def medium_read_as_person(m: Mention, text: str, rules: Rules) -> str | None:
    """A medium's cue for a one-word name the model reads as a person's, right after the medium's
    preposition, whatever follows ('un reportage diffusé sur Arte à l'automne', 'publiées sur
    Strava.'): a channel or a platform, which the model reads as a first name or a surname. A
    person is written in full before being named by one word; a surname alone after 'sur'
    ('compter sur Mbappé') is the person's where the corpus names him (decided_type). The medium
    ends its complement: an article after the name opens the verb's object, the name is what the
    verb is about ('nourrissaient sur Staline des illusions')."""
    if rules.medium_before is None or rules.medium_after is None or m.label != "PER" or " " in m.text or "-" in m.text:
        return None
    if not rules.medium_after.match(text, m.end):
        return None
    return ON_MEDIUM_NAMED if rules.medium_before.search(line_before(text, m.start)) else None
