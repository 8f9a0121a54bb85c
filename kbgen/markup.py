"""Markdown to safe HTML, and the plain text that NER reads, from one walk of one tree.

The text is collected from the rendered tree in document order, so the character offsets NER
gives in it point at the same places when the tree is walked again to wrap mentions in links.
"""

from __future__ import annotations

import html
import re
import threading
import xml.etree.ElementTree as etree
from collections.abc import Mapping
from dataclasses import dataclass

import markdown
import nh3
from markdown.extensions.footnotes import NBSP_PLACEHOLDER, FootnoteExtension
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

BLOCK_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote pre table tr td th dd dt div hr".split())
CONTAINER_TAGS = frozenset("div ul ol dl blockquote table thead tbody tr".split())
NO_LINK_TAGS = frozenset(("a", "code", "pre"))
ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "dl",
    "dt",
    "dd",
    "sup",
    "sub",
    "div",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "img": {"src", "alt", "title"},
    "th": {"align"},
    "td": {"align"},
    # Only Python-Markdown's extensions make these (raw HTML is never passed through):
    "code": {"class"},  # a fenced block's language
    "div": {"class"},  # the footnotes
    "sup": {"id"},  # a footnote's call, its back link's target
    "li": {"id"},  # a footnote, its call's target
}
NOT_TEXT_CLASSES = frozenset(("footnote-ref", "footnote-backref"))  # a note's number, its back arrow
# Obsidian's links: [[Target]], [[Target|label]], [[Target#heading]], ![[embedded]]; never across lines.
WIKILINK = re.compile(r"!?\[\[([^\[\]|#\n]+)(?:#[^\[\]|\n]*)?(?:\|([^\[\]\n]+))?\]\]")


@dataclass(frozen=True, slots=True)  # many thousands of them: no __dict__ each
class Link:
    start: int  # offsets in the plain text
    end: int
    href: str
    css_class: str = "mention"


@dataclass(frozen=True)
class Rendered:
    html: str
    text: str


def wikilink_key(name: str) -> str:
    """The name a wikilink target is looked up by: Obsidian ignores case and spacing."""
    return " ".join(name.casefold().split())


def wikilink_targets(body: str) -> set[str]:
    """The keys of the [[targets]] `body` links to, to look up before rendering it."""
    return {wikilink_key(match[1]) for match in WIKILINK.finditer(body)}


def render(
    body: str,
    links: tuple[Link, ...] = (),
    wikilinks: Mapping[str, str] | None = None,
    footnote_back: str = "",
) -> Rendered:
    """Render Markdown `body`; wrap each link's text span in an <a> where it lies in one text run.
    A [[wikilink]] whose target's key is in `wikilinks` links to its href; any other shows its
    label as plain text (the text NER reads is the same either way). `footnote_back` is the
    title of a footnote's back link, '{}' its number."""
    md, walker, wikilink = _converter()
    walker.links = sorted(links, key=lambda link: link.start)
    wikilink.hrefs = wikilinks or {}
    md.footnotes.setConfig("BACKLINK_TITLE", footnote_back)
    try:
        converted = md.reset().convert(body)
    finally:
        walker.links, wikilink.hrefs = [], {}
    clean = nh3.clean(
        converted,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
    )
    return Rendered(clean, "".join(walker.parts))


_converters = threading.local()


def _converter() -> tuple[markdown.Markdown, _TextWalker, _WikiLink]:
    """This thread's Markdown converter, made once and reset for each text: a new one each time
    would leave a cycle of objects to the cycle collector, which a build keeps off."""
    if not hasattr(_converters, "md"):
        footnotes = FootnoteExtension()
        md = markdown.Markdown(extensions=["tables", "sane_lists", "fenced_code", footnotes], output_format="html")
        md.footnotes = footnotes
        # Raw HTML in an article is shown as text, never passed through.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        # ...except comments (Hugo's <!--more-->, MkDocs' <!-- more -->), which no browser shows.
        md.preprocessors.register(_CommentLines(md), "kbgen_comment_lines", 20)  # after fenced code
        md.inlinePatterns.register(_InlineComment(r"<!--.*?-->", md), "kbgen_comment", 175)
        wikilink = _WikiLink(WIKILINK.pattern, md)
        md.inlinePatterns.register(wikilink, "kbgen_wikilink", 175)  # before links ([...]) are read
        walker = _TextWalker([], md)
        md.treeprocessors.register(walker, "kbgen_text", -10)
        _converters.md, _converters.walker, _converters.wikilink = md, walker, wikilink
    return _converters.md, _converters.walker, _converters.wikilink


class _CommentLines(Preprocessor):
    """Lines that are HTML comments, from a line starting with '<!--' to the one ending with
    '-->': left out. Code blocks are safe: fenced ones are stored away before this runs, and
    indented ones never start a line with '<'."""

    def run(self, lines: list[str]) -> list[str]:
        kept: list[str] = []
        inside = False
        for line in lines:
            if not inside and line.startswith("<!--"):
                inside = True
            if not inside:
                kept.append(line)
            elif line.rstrip().endswith("-->"):
                inside = False
                kept.append("")  # the comment ends a paragraph, as the HTML block did
        return kept if not inside else lines  # never closed: not a comment, shown as written


class _InlineComment(InlineProcessor):
    """An HTML comment within a line of text: left out."""

    def handleMatch(self, m: re.Match, data: str):
        return "", m.start(0), m.end(0)


class _WikiLink(InlineProcessor):
    """[[Target|label]]: a link where the target is known, else the label as plain text."""

    hrefs: Mapping[str, str] = {}

    def handleMatch(self, m: re.Match, data: str):
        target, label = m[1].strip(), (m[2] or m[1]).strip()
        href = self.hrefs.get(wikilink_key(target))
        if href is None:
            return label, m.start(0), m.end(0)
        anchor = etree.Element("a", {"href": href, "class": "wikilink"})
        anchor.text = AtomicString(label)
        return anchor, m.start(0), m.end(0)


def _layout_whitespace(text: str, element: etree.Element) -> bool:
    """Whitespace between blocks is layout, not text: NER reads blocks joined by blank lines. A
    no-break space is text (`&nbsp;` was written), whatever follows it."""
    return not text.strip(" \t\r\n") and (element.tag in BLOCK_TAGS or element.tag in CONTAINER_TAGS)


_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


class _TextWalker(Treeprocessor):
    def __init__(self, links: list[Link], md: markdown.Markdown):
        super().__init__(md)
        self.links = links
        self.parts: list[str] = []
        self.offset = 0

    def run(self, root: etree.Element) -> None:
        self.parts, self.offset = [], 0
        self._visit(root, linkable=True)

    def _visit(self, element: etree.Element, linkable: bool) -> None:
        if self._not_text(element):
            return
        if element.tag in BLOCK_TAGS and self.parts and not self.parts[-1].endswith("\n\n"):
            self._emit("\n\n")
        linkable = linkable and element.tag not in NO_LINK_TAGS
        children = list(element)  # before any anchor is inserted, so anchors are not walked
        element.text = self._characters(element.text)
        for child in children:
            child.tail = self._characters(child.tail)
        if element.text and not _layout_whitespace(element.text, element):
            start = self._emit(element.text)
            if linkable:
                element.text, anchors = self._split(element.text, start)
                for index, anchor in enumerate(anchors):
                    element.insert(index, anchor)
        for child in children:
            self._visit(child, linkable)
            if child.tail and not _layout_whitespace(child.tail, child):
                start = self._emit(child.tail)
                if linkable:
                    child.tail, anchors = self._split(child.tail, start)
                    position = list(element).index(child) + 1
                    for index, anchor in enumerate(anchors):
                        element.insert(position + index, anchor)

    def _not_text(self, element: etree.Element) -> bool:
        """A footnote's number and back arrow, and a fenced code block (a paragraph holding
        only the placeholder of the HTML stored for it), are not text to read."""
        if element.get("class") in NOT_TEXT_CLASSES:
            return True
        text = element.text or ""
        return element.tag == "p" and not len(element) and HTML_PLACEHOLDER_RE.fullmatch(text.strip()) is not None

    def _characters(self, text: str | None) -> str | None:
        """`text` with the placeholders of character references (&amp;, &#160;) as the
        characters they stand for, so that NER reads 'AT&T', not a placeholder."""
        if not text:
            return text
        stash = self.md.htmlStash.rawHtmlBlocks

        def character(match: re.Match) -> str:
            stored = stash[int(match[1])] if int(match[1]) < len(stash) else None
            return html.unescape(stored) if isinstance(stored, str) and _REFERENCE.fullmatch(stored) else match[0]

        return HTML_PLACEHOLDER_RE.sub(character, text).replace(NBSP_PLACEHOLDER, "\u00a0")

    def _emit(self, text: str) -> int:
        start = self.offset
        self.parts.append(text)
        self.offset += len(text)
        return start

    def _split(self, text: str, start: int) -> tuple[str, list[etree.Element]]:
        """Cut `text` (which starts at `start`) around the links lying wholly inside it."""
        end = start + len(text)
        inside = [link for link in self.links if start <= link.start and link.end <= end]
        if not inside:
            return text, []
        anchors: list[etree.Element] = []
        cursor, head = start, None
        for link in inside:
            if link.start < cursor:
                continue  # overlaps the previous link
            before = text[cursor - start : link.start - start]
            if anchors:
                anchors[-1].tail = before
            else:
                head = before
            anchor = etree.Element("a", {"href": link.href, "class": link.css_class})
            anchor.text = text[link.start - start : link.end - start]
            anchors.append(anchor)
            cursor = link.end
        anchors[-1].tail = text[cursor - start :]
        return head or "", anchors
