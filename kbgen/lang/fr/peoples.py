"""The words around a people's word in French (kbgen.demonyms): what determines it, what says
a word names a place."""

from __future__ import annotations

import re

# Determiners of people, several or one ('les ', 'deux ', 'une '), before a word they make a noun.
PEOPLE_DETERMINERS = re.compile(
    r"(?:\b(?:les|des|aux|ces|nos|vos|leurs|deux|trois|quelques|plusieurs|nombreux|un|une)|\d)\s+$", re.IGNORECASE
)
# 'la' of a person, not a place's after a preposition ('vis-à-vis de la Bernina'); not 'le',
# with which a region is named after its town ('le Valenciennois'), nor 'des', 'de les' too
_NOT_AFTER = "".join(rf"(?<!\b{word} )" for word in ("de", "à", "entre", "par", "sur", "pour", "avec", "vers"))
PEOPLE_NOUN_BEFORE = re.compile(
    rf"(?:^|[\s«\"('])(?:{_NOT_AFTER}la|les|ces|mes|tes|ses|nos|vos|leurs|chers|chères)\s+$", re.IGNORECASE
)
# at most one word in lower case after it, no preposition nor conjunction ('une autre
# Lectouroise', 'un plan Marshall'; not 'une fois à Toulouse')
INDEFINITE_BEFORE = re.compile(
    r"(?:^|[\s«\"('])une?\s+(?:(?!(?:à|au|aux|en|de|du|des|et|ou|sur|par|pour|dans|chez|vers)\s)"
    r"(?P<between>[a-zà-ÿ]+)\s+)?$",
    re.IGNORECASE,
)
COPULA_BEFORE = re.compile(
    r"(?:^|[\s«\"(])(?:je suis|j'étais|tu es|(?:il|elle|on) (?:est|était)|nous sommes|vous êtes"
    r"|(?:ils|elles) (?:sont|étaient))\s+$",
    re.IGNORECASE,
)
PLACE_USE_BEFORE = re.compile(r"(?:^|[\s,(])(?:à|au|en|vers|depuis|(?:dans|vers|depuis) (?:le|la|les|l'))\s*$", re.I)
