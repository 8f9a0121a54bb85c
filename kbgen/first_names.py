"""Bare first names: 'Hugo' is 'Hugo Martin' in an article that names one person whose first name
it is ('Les frères Martin, Hugo et Léo ... Hugo Martin ... Léo Martin'), as a bare surname is the
person its article names (kbgen.surnames). Only within an article: 'Hugo' elsewhere may be anyone.

Left as it is: a mention in an article naming two people of that first name, or one whose other
words it is too ('Hugo' beside 'Victor Hugo' and 'Hugo Martin'); one with a title ('M. Hugo' is
a surname); one glued to another capitalised word ('Hugo Boss'), part of another name; one
its article reads as a place ('née à Florence' beside 'Florence Parly': kbgen.place_surnames); a
name the corpus reads as an organisation's ('Macif' beside 'Macif Santé Prévoyance'), whatever
the longer name's type."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from kbgen.extract import Mention
from kbgen.lang import Rules
from kbgen.names import fold, inside_longer_name
from kbgen.place_surnames import read_as_place

Groups = dict[str, list[Mention]]


def attach_first_names(
    groups: Groups, texts: dict[str, str], type_of: Callable[[list[Mention]], str], rules: Rules
) -> None:
    """Move each bare first name's mentions, in `groups`, to the one person of its article whose
    first name it is; `type_of` decides a group's type."""
    bare = {key for key, mentions in groups.items() if all(" " not in m.text for m in mentions)}
    firsts: dict[str, set[str]] = defaultdict(set)  # a first name (folded) -> the persons' keys
    others: dict[str, set[str]] = defaultdict(set)  # any other word of a person's name -> their keys
    for key, mentions in groups.items():
        written = {tuple(fold(w) for w in m.text.split()) for m in mentions if _first_and_surname(m.text)}
        if not any(bare.intersection(words) for words in written) or type_of(mentions) != "PER":
            continue
        for words in written:
            firsts[words[0]].add(key)
            for word in words[1:]:
                others[word].add(key)
    for key in sorted(bare & set(firsts)):
        if type_of(groups[key]) == "ORG":  # 'Macif' beside 'Macif Santé Prévoyance'
            continue
        articles = {c: {m.article for m in groups[c]} for c in firsts[key] | others.get(key, set())}
        kept: list[Mention] = []
        for mention in groups[key]:
            # The article's other mentions of the name count: 'maire de Lourdes' says 'de Lourdes' is the town.
            same = [m for m in groups[key] if m.article == mention.article]
            owner = _owner(mention, same, firsts[key], articles, texts, rules)
            (groups[owner] if owner else kept).append(mention)
        if kept:
            groups[key] = kept
        else:
            del groups[key]


def _first_and_surname(name: str) -> bool:
    """Whether a name may be a first name and a surname: several words, the last capitalised (not
    a result's 'Beuchat m. t.')."""
    words = name.split()
    return len(words) > 1 and words[-1][:1].isupper()


def _owner(
    mention: Mention,
    same: list[Mention],
    persons: set[str],
    articles: dict[str, set[str]],
    texts: dict[str, str],
    rules: Rules,
) -> str | None:
    """The person of `persons` (keys of those whose first name the mention is) it is a mention
    of: the one its article names, where it names no other person of that name (`articles`:
    each such person's articles, and those whose name has it as another word), and does not read
    the name as a place (`same`: the name's mentions in the article)."""
    named = [c for c, found in articles.items() if mention.article in found]
    if len(named) != 1 or named[0] not in persons or mention.title:
        return None
    text = texts.get(mention.article, "")
    if inside_longer_name(text, mention.start, mention.end, rules.person_cues):
        return None
    return None if read_as_place(same, named, texts, rules) else named[0]
