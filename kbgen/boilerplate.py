"""Boilerplate: the paragraphs a site repeats on its pages (cookie notices, subscription prompts,
"read also" lists, share bars), told apart from an article's own text by repetition across pages,
not by their words.

It works on any group of pages that share their furniture: the saved web pages of one host, or
the plain-text seeds of one folder. A page is a sequence of paragraphs (Markdown or plain text);
`find_boilerplate` says which paragraphs of each page are boilerplate.

The rule, and why:

- A paragraph is compared by its words (case, digits, punctuation and Markdown markup aside), and,
  when it has links, also with the text of each link masked: "Lire aussi : [any title](any
  address)" is one paragraph on every page, whatever article it points to.
- It is boilerplate when pages of *different stories* share it: three of them, or two when the
  group has only two or three stories (then two is most of them). Three, not two, in larger
  groups, because two articles of one site may well quote the same sentence; a site's furniture
  comes back on nearly every page.
- Two pages that share most of their own paragraphs are one story told twice (an article and its
  update, saved twice): what they share is the story, so they count as one page.
- A paragraph made of links alone, right after a boilerplate paragraph, is boilerplate too: the
  list under a repeated "read also" heading changes from page to page, its heading does not.
- On any page, even a site's only one, a paragraph that only points elsewhere is boilerplate:
  links alone, or a short lead-in, a colon and links ("Lire aussi : [another article](...)").
  Article text reads on its own; a cross-reference has nothing but its links. Without a link,
  one line whose lead-in is one the language uses for that (its profile's `cross_references`)
  and whose rest is a headline's length ("Lire aussi : Droits de douane, ce que risquent..."),
  or several such lines, one under the other (a plain text's copy of a page's list), or
  headlines one a line under such a lead-in alone ('À LIRE AUSSI', then '- Budget : ...').
- On any page too, a paragraph whose every line is a credit or a post's signature: a short line
  with a copyright sign ('© 2025 AFP', 'Photo X / AFP ©'), or an embedded post's attribution, a
  dash, a name and an @handle ('— Un Club (@unclub) March 16, 2025'). These are told by their
  signs, not their words; a sentence of the article has neither.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

Page = TypeVar("Page", bound=Hashable)

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[#>*_`|\\~-]+")
_NOT_WORD = re.compile(r"[^\w]+")
_DIGITS = re.compile(r"\d+")
_LINK_PLACEHOLDER = " lnk "
SAME_STORY = 0.5  # two pages sharing more than this share of their own paragraphs tell one story
MIN_SHARED = 3  # ...and at least this many of them


def normalise(paragraph: str) -> str:
    """The words of `paragraph`, for comparing: links by their text, no markup, case, digits or
    punctuation ('Publié le 3 mai' and 'publié le 12 juin' differ only by a word)."""
    text = _LINK.sub(r"\1", paragraph)
    return _words(text)


def _words(text: str) -> str:
    text = _MARKUP.sub(" ", text)
    text = _DIGITS.sub("0", text.casefold())
    return " ".join(_NOT_WORD.sub(" ", text).split())


def link_masked(paragraph: str) -> str | None:
    """`paragraph` with each link's text masked, or None when it has no link."""
    if not _LINK.search(paragraph):
        return None
    return _words(_LINK.sub(_LINK_PLACEHOLDER, paragraph))


def link_share(paragraph: str) -> float:
    """How much of the paragraph's text is the text of links (0 to 1)."""
    text = normalise(paragraph)
    if not text:
        return 0.0
    linked = sum(len(_words(m.group(1))) for m in _LINK.finditer(paragraph))
    return min(1.0, linked / len(text))


_LEAD_IN = re.compile(r"^[*_]*[^\W\d_][^.!?\[\]:]{0,30}[*_]*\s*:\s*[*_]*")


HEADLINE_WORDS_MAX = 25  # the rest of an unlinked cross-reference: a headline, not a paragraph


def is_cross_reference(paragraph: str, lead_ins: frozenset[str] = frozenset()) -> bool:
    """A paragraph that only points to other pages, on any page: links alone ('[Un autre
    article](...)'), or a lead-in of a few words, a colon and links ('Lire aussi : [...]'); or
    one line, a lead-in of `lead_ins` (normalised), a colon and a headline, or lines that each are
    one."""
    text = paragraph.strip().lstrip("-*+ ")
    lead_in = _LEAD_IN.match(text)
    rest = text[lead_in.end() :] if lead_in else text
    between = _words(_LINK.sub(" ", rest)).split()  # what joins the links: 'et', 'ou', nothing
    if _LINK.search(rest):
        return all(len(word) <= 3 for word in between)
    if "\n" in text:  # a list of them, one a line, as a plain text copies it
        return all(is_cross_reference(line, lead_ins) for line in text.split("\n")) or _headed_list(text, lead_ins)
    return lead_in is not None and _words(lead_in.group(0)) in lead_ins and 0 < len(between) <= HEADLINE_WORDS_MAX


def _headed_list(text: str, lead_ins: frozenset[str]) -> bool:
    """Lines under a lead-in of `lead_ins` alone on the first ('À LIRE AUSSI', 'Sur le même
    sujet :'), each a headline's length: a plain text's copy of a page's list of other articles,
    whose heading is the only sign of what they are."""
    heading, *items = text.split("\n")
    return _words(heading) in lead_ins and all(0 < len(_words(item).split()) <= HEADLINE_WORDS_MAX for item in items)


CREDIT_WORDS_MAX = 12  # a line with a copyright sign longer than this may be a sentence about one
# '— Name (@handle) date': a long dash (a list item's is short), then nothing or a date (a digit
# among at most four words) after the handle
_POST_SIGNATURE = re.compile(r"^[—–]\s*[^\n]{0,80}\(@\w{1,30}\)(?:\s*|\s+(?=\D*\d)\S+(?:\s+\S+){0,3})$")


def is_credit(paragraph: str) -> bool:
    """A paragraph made of credit lines or a post's signature alone (see above)."""
    lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
    return bool(lines) and all(_credit_line(_LINK.sub(r"\1", line)) for line in lines)


def _credit_line(line: str) -> bool:
    return ("©" in line and len(line.split()) <= CREDIT_WORDS_MAX) or bool(_POST_SIGNATURE.match(line))


def _keys(paragraph: str) -> set[str]:
    keys = {normalise(paragraph)}
    masked = link_masked(paragraph)
    if masked and masked.strip(_LINK_PLACEHOLDER.strip() + " "):
        keys.add(masked)  # not a paragraph of links alone: those differ on each page
    return {key for key in keys if key}


def min_pages(stories: int) -> int:
    """How many stories of one group must share a paragraph for it to be boilerplate (see above);
    more than any group has when it has only one."""
    return 3 if stories >= 4 else 2 if stories >= 2 else stories + 1


def find_boilerplate(pages: Mapping[Page, Sequence[str]], cross_references: Sequence[str] = ()) -> dict[Page, set[int]]:
    """For each page of one group (one site, one folder), the positions of its boilerplate
    paragraphs; `cross_references` are the language's lead-ins of a line pointing elsewhere."""
    lead_ins = frozenset(_words(words) for words in cross_references)
    keys = {page: [_keys(p) for p in paragraphs] for page, paragraphs in pages.items()}
    story = _stories({page: set().union(*k) if k else set() for page, k in keys.items()})
    seen: dict[str, set[Page]] = {}
    for page, page_keys in keys.items():
        for key in set().union(*page_keys) if page_keys else ():
            seen.setdefault(key, set()).add(story[page])
    needed = min_pages(len(set(story.values())))
    repeated = {key for key, stories in seen.items() if len(stories) >= needed}
    found: dict[Page, set[int]] = {}
    for page, paragraphs in pages.items():
        marked = {
            i
            for i, k in enumerate(keys[page])
            if k & repeated or is_cross_reference(paragraphs[i], lead_ins) or is_credit(paragraphs[i])
        }
        for i in range(1, len(paragraphs)):  # links alone under a boilerplate heading
            if i - 1 in marked and link_share(paragraphs[i]) >= 0.8:
                marked.add(i)
        found[page] = marked
    return found


def _stories(keys: Mapping[Page, set[str]]) -> dict[Page, Page]:
    """Each page's story, named by its first page: pages sharing most of their own paragraphs
    (those not on most of the group's pages) are one story."""
    counts = Counter(key for page_keys in keys.values() for key in page_keys)
    common = {key for key, n in counts.items() if n >= min_pages(len(keys)) and n > 2}
    own = {page: page_keys - common for page, page_keys in keys.items()}
    story: dict[Page, Page] = {}
    pages = list(keys)
    for index, page in enumerate(pages):
        story[page] = page
        for earlier in pages[:index]:
            shared = len(own[page] & own[earlier])
            smaller = min(len(own[page]), len(own[earlier])) or 1
            if shared >= MIN_SHARED and shared / smaller > SAME_STORY:
                story[page] = story[earlier]
                break
    return story


def remove_boilerplate(groups: Mapping[Hashable, Mapping[Page, Sequence[str]]]) -> dict[Page, list[str]]:
    """Every page's paragraphs without its boilerplate, each group (site, folder) learnt on its own."""
    kept: dict[Page, list[str]] = {}
    for pages in groups.values():
        for page, marked in find_boilerplate(pages).items():
            kept[page] = [p for i, p in enumerate(pages[page]) if i not in marked]
    return kept
