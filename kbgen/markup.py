"""Markdown to safe HTML, and the plain text that NER reads, from one walk of one tree.

The text is collected from the rendered tree in document order, so the character offsets NER
gives in it point at the same places when the tree is walked again to wrap mentions in links.
"""

from __future__ import annotations

import threading
import xml.etree.ElementTree as etree
from dataclasses import dataclass

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor

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
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "class"}, "img": {"src", "alt", "title"}, "th": {"align"}, "td": {"align"}}


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


def render(body: str, links: tuple[Link, ...] = ()) -> Rendered:
    """Render Markdown `body`; wrap each link's text span in an <a> where it lies in one text run."""
    md, walker = _converter()
    walker.links = sorted(links, key=lambda link: link.start)
    try:
        html = md.reset().convert(body)
    finally:
        walker.links = []
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
    )
    return Rendered(clean, "".join(walker.parts))


_converters = threading.local()


def _converter() -> tuple[markdown.Markdown, _TextWalker]:
    """This thread's Markdown converter, made once and reset for each text: a new one each time
    would leave a cycle of objects to the cycle collector, which a build keeps off."""
    if not hasattr(_converters, "md"):
        walker = _TextWalker([])
        md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
        # Raw HTML in an article is shown as text, never passed through.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(walker, "kbgen_text", -10)
        _converters.md, _converters.walker = md, walker
    return _converters.md, _converters.walker


def _layout_whitespace(text: str, element: etree.Element) -> bool:
    """Whitespace between blocks is layout, not text: NER reads blocks joined by blank lines."""
    return text.isspace() and (element.tag in BLOCK_TAGS or element.tag in CONTAINER_TAGS)


class _TextWalker(Treeprocessor):
    def __init__(self, links: list[Link]):
        super().__init__()
        self.links = links
        self.parts: list[str] = []
        self.offset = 0

    def run(self, root: etree.Element) -> None:
        self.parts, self.offset = [], 0
        self._visit(root, linkable=True)

    def _visit(self, element: etree.Element, linkable: bool) -> None:
        if element.tag in BLOCK_TAGS and self.parts and not self.parts[-1].endswith("\n\n"):
            self._emit("\n\n")
        linkable = linkable and element.tag not in NO_LINK_TAGS
        children = list(element)  # before any anchor is inserted, so anchors are not walked
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
