"""Whether a name keeps the capitalised article some of its mentions are written with (kbgen.resolve):
'Le Mans' is the town's name even where French contracts the article away ('du Mans', 'au
Mans'), while 'la Russie' is the country's name after a determiner."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kbgen.lang import LanguageProfile, plain_forms
from kbgen.spans import starts_sentence

if TYPE_CHECKING:
    from kbgen.extract import Mention


def owns_article(
    article: str,
    with_article: Iterable[Mention],
    bare_forms: Iterable[str],
    texts: dict[str, str],
    language: LanguageProfile,
) -> bool:
    """Whether the folded `article` ('le ', 'l ') that extraction kept in the mentions
    `with_article` belongs to the name: one of them is written inside a sentence, where the
    article's capital says so ('que Le Mans reste'; at a sentence start it says nothing), and no
    text of the corpus writes one of the name's `bare_forms` after that article in lower case,
    where it is a determiner ('la Russie', 'à la Poste')."""
    if not any(not starts_sentence(texts.get(m.article, ""), m.start, language) for m in with_article):
        return False
    lowered = article.replace(" ", "'") if len(article.strip()) == 1 else article  # 'l ' is written "l'"
    forms = sorted(set(bare_forms))
    if not forms:
        return False
    pattern = re.compile(rf"(?<!\w){re.escape(lowered)}\s*(?:{'|'.join(map(re.escape, forms))})(?!\w)")
    return not any(pattern.search(plain_forms(text)) for text in texts.values())
