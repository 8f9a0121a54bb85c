"""Whether a name keeps the capitalised article some of its mentions are written with (kbgen.resolve):
'Le Havre' is the town's name even where French contracts the article away ('du Havre',
'au Havre'), while 'la Russie' is the country's name after a determiner."""

from __future__ import annotations

import re
from collections.abc import Iterable

from kbgen.lang import plain_forms


def owns_article(article: str, bare_forms: Iterable[str], texts: Iterable[str]) -> bool:
    """Whether the folded `article` ('le ', 'l ') that extraction kept before a name (only where
    the text says it is the name's: kbgen.spans._owns_article) belongs to the name everywhere:
    no text of the corpus writes one of the name's `bare_forms` after that article in lower case,
    where it is a determiner ('la Russie', 'à la Poste'); an article of the name keeps its
    capital inside a sentence ('à La Rochelle')."""
    lowered = article.replace(" ", "'") if article.endswith(" ") and len(article.strip()) == 1 else article
    forms = sorted(set(bare_forms))
    if not forms:
        return False
    pattern = re.compile(rf"(?<!\w){re.escape(lowered)}\s*(?:{'|'.join(map(re.escape, forms))})(?!\w)")
    return not any(pattern.search(plain_forms(text)) for text in texts)
