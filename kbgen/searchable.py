"""What of a page Pagefind reads: a digest of it (so that a page whose searchable part did not
change indexes nothing again), and the copy of the page given to Pagefind, without the elements
marked data-pagefind-ignore and with straight apostrophes (kbgen/search.py says why)."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

from kbgen.lang import PLAIN_FORMS


def searchable_digest(page: Path) -> str | None:
    """A digest of what Pagefind may read of `page` (None when there is no such page): all of it
    but the text and plain tags inside elements marked data-pagefind-ignore; and, on a page with
    data-pagefind-body, only what is inside that element, where the tags with data-pagefind-*
    attributes, the metadata Pagefind takes by default (the title, the first heading and image)
    and the page's language are still read. An article page's list of related articles, outside
    its body, then changes no digest when an article is added."""
    try:
        data = page.read_bytes().decode("utf-8", "replace")
    except OSError:
        return None
    reader = _SearchableParts()
    reader.feed(data)
    reader.close()
    parts = reader.read_with_body if reader.has_body else reader.parts
    return hashlib.blake2b("\x00".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class _SearchableParts(HTMLParser):
    """Collects a page's parts outside ignored elements (`parts`), and those of them Pagefind
    reads when the page has data-pagefind-body (`read_with_body`). The open elements are kept
    with what they are (ignored, the body, marked with data-pagefind-*, or default metadata),
    and an element's end is found as a browser finds it: an end tag closes every element opened
    since its own start tag. Inside an ignored element, tags carrying data-pagefind-* attributes
    are kept all the same (Pagefind still reads meta and filters there)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self.read_with_body: list[str] = []
        self.has_body = False
        self.open: list[tuple[str, str]] = []  # (tag, role): role in _ROLES or ""

    def _within(self, role: str) -> bool:
        return any(r == role for _, r in self.open)

    def _keep(self, part: str, marked: bool = False) -> None:
        ignored = self._within("ignore")
        if not ignored or marked:
            self.parts.append(part)
        if marked or (not ignored and (self._within("body") or self._within("meta"))):
            self.read_with_body.append(part)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        names = {name for name, _ in attrs}
        marked = any(name.startswith("data-pagefind") for name in names) or tag in _DEFAULT_METADATA
        self._keep(repr((tag, attrs)), marked)
        if tag in VOID_ELEMENTS:
            return
        if "data-pagefind-ignore" in names:
            role = "ignore"
        elif "data-pagefind-body" in names:
            role, self.has_body = "body", True
        else:
            role = "meta" if marked and tag != "html" else ""  # its language only
        self.open.append((tag, role))

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        marked = any(name.startswith("data-pagefind") for name, _ in attrs) or tag in _DEFAULT_METADATA
        self._keep(repr((tag, attrs, "/")), marked)

    def handle_endtag(self, tag: str) -> None:
        if not any(t == tag for t, _ in self.open):
            return  # a stray end tag: the browser drops it
        self._keep("/" + tag)
        while self.open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        self._keep(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")


# What Pagefind takes a page's metadata from wherever it is, and the page's language.
_DEFAULT_METADATA = frozenset({"html", "title", "h1", "img"})


VOID_ELEMENTS = frozenset("area base br col embed hr img input link meta param source track wbr".split())


# --- what Pagefind is given of a page ---------------------------------------------------------

IGNORE = b"data-pagefind-ignore"
_IGNORE = re.compile(re.escape(IGNORE), re.I)  # attribute names are not case-sensitive
# A start tag, its attributes written as HTML allows (quoted, unquoted, or a bare name).
_START_TAG = re.compile(
    rb"""<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*/?>"""
)
_ATTRIBUTE_NAME = re.compile(rb"""\s+([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
# Inside these, "</div>" may be text rather than a tag; a region holding one is left whole.
_UNSURE = re.compile(
    rb"<(?:!--|!\[cdata\[|script|style|textarea|xmp|plaintext|noscript|noembed|noframes|iframe)"
)  # in lower case
# Elements a browser may close without their end tag: where they end is not counted, but guessed.
_OPTIONAL_END = frozenset(
    b"p li dt dd tr td th thead tbody tfoot colgroup caption option optgroup rb rt rtc rp".split()
)
_VOID = frozenset(name.encode() for name in VOID_ELEMENTS)


# Apostrophes Pagefind does not split words at, for the one it does.
_CURLY_APOSTROPHES = re.compile(
    "|".join(re.escape(form) for form, plain in PLAIN_FORMS.items() if plain == "'").encode()
)


def search_copy(page: bytes) -> bytes:
    """What Pagefind is given of `page`: the page without what it ignores, its apostrophes straight."""
    return _CURLY_APOSTROPHES.sub(b"'", without_ignored(page))


def without_ignored(page: bytes) -> bytes:
    """`page` without the elements marked data-pagefind-ignore, which Pagefind reads nothing of:
    Pagefind makes the same index from it. An element is cut only where its end is certain
    (counted over its own tag name, with no comment, script or raw text inside) and holds no
    data-pagefind-* attribute (Pagefind reads meta and filters even there); otherwise it stays.
    The page itself comes back when nothing is cut."""
    kept: list[bytes] = []
    done = position = 0
    while found_at := _IGNORE.search(page, position):
        found, position = found_at.start(), found_at.end()
        start = page.rfind(b"<", done, found)
        tag = _START_TAG.match(page, start) if start >= 0 else None
        names = (
            {m.group(1).lower() for m in _ATTRIBUTE_NAME.finditer(tag.group(2))} if tag and tag.end() > found else set()
        )
        if tag is None or IGNORE not in names:
            continue  # the words in text or in an attribute's value, not the attribute
        if any(n.startswith(b"data-pagefind-") for n in names - {IGNORE}):
            continue  # a filter or meta on the element itself: Pagefind reads it
        name = tag.group(1).lower()
        if name in _VOID or name in _OPTIONAL_END:
            continue
        end = _element_end(page, tag.end(), name)
        if end is None:
            continue
        inside = page[tag.end() : end].lower()  # then plain searches: far faster than a regex ignoring case
        if b"data-pagefind-" in inside or _UNSURE.search(inside):
            continue
        kept.append(page[done:start])
        done = position = end
    if not kept:
        return page
    kept.append(page[done:])
    return b"".join(kept)


def _element_end(page: bytes, inside: int, name: bytes) -> int | None:
    """Where the element named `name` whose content starts at `inside` ends (after its end
    tag), counting the elements of the same name opened within it; None if it never does."""
    depth = 1
    for tag in _same_name(name).finditer(page, inside):
        if tag.group(0).endswith(b"/>"):
            return None  # self-closing in SVG, an open tag in HTML: not sure which
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return None


_same_name_tags: dict[bytes, re.Pattern] = {}


def _same_name(name: bytes) -> re.Pattern:
    if name not in _same_name_tags:
        _same_name_tags[name] = re.compile(rb"<(/?)" + re.escape(name) + rb"(?=[\s/>])[^>]*>", re.I)
    return _same_name_tags[name]
