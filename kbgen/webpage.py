"""A saved web page, read: its bytes (decoded) give the fields it states about itself and its
article's text as Markdown blocks. One page at a time, and nothing learnt from other pages: what
pages of one site share (its name in their titles, its boilerplate) is `kbgen.websites`'s.

A page saved from a web archive is first given back as it was: the archive's toolbar, scripts
and comments are removed and its addresses unwrapped, so nothing the archive added (its capture
dates) is ever read. The main text is trafilatura's, tuned for precision, as Markdown (headings,
quotes, lists, emphasis and links kept); the dates are htmldate's, from the metadata alone.
"""

from __future__ import annotations

import copy
import re
from dataclasses import asdict, dataclass, fields
from typing import Any
from urllib.parse import urljoin, urlsplit

from kbgen import webmeta
from kbgen.webtitles import is_kicker, segments

EXTRACTOR_VERSION = 6  # bumped whenever what this module gives for a page changes
TRAFILATURA: dict[str, Any] = dict(
    output_format="markdown",
    favor_precision=True,
    include_formatting=True,
    include_links=True,
    include_tables=True,
    include_images=False,
    include_comments=False,
    deduplicate=False,
)

_ARCHIVE_INSERT = re.compile(
    r"<!--\s*BEGIN WAYBACK TOOLBAR INSERT\s*-->.*?<!--\s*END WAYBACK TOOLBAR INSERT\s*-->", re.S
)
_ARCHIVED_ADDRESS = re.compile(r"(?:(?:https?:)?//web\.archive\.org)?/web/\d{1,14}(?:[a-z]{2}_)?/(?=(?:https?:)?//)")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_MD_LINK = re.compile(r"(!?)\[([^\]]*)\]\((<[^>\n]*>|[^)\s]*)(?:\s+\"[^\"]*\")?\)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# Page furniture inside an article, told by its markup (class, id, role: markup's conventions, in
# no reader's language): bylines, photo credits, share bars, related links, embedded posts.
FURNITURE_MARKS = frozenset(
    "byline author signature credit credits copyright share sharing social related "
    "tweet twitter instagram tiktok embed".split()
)
FURNITURE_TEXT_MAX = 300  # characters: a marked element longer than this may hold the article
_MARK_WORD = re.compile(r"[a-z]+")


def fingerprint() -> str:
    """What the reading of a page depends on besides its bytes: this module and its libraries."""
    import htmldate
    import trafilatura

    settings = ",".join(f"{k}={v}" for k, v in sorted(TRAFILATURA.items()))
    return f"webpage {EXTRACTOR_VERSION}; trafilatura {trafilatura.__version__}; htmldate {htmldate.__version__}; {settings}"


@dataclass(frozen=True)
class WebPage:
    """What one saved page says about itself. Titles are as the page gives them, with where
    from: 'og' (og:title), 'headline' (JSON-LD), 'h1', 'title' (<title>)."""

    titles: tuple[tuple[str, str], ...] = ()
    site_name: str | None = None
    url: str | None = None  # canonical address (or og:url), the archive's wrapping removed
    date: str | None = None  # ISO day published, from the metadata
    updated: str | None = None
    # The authors as the page gives them, not yet cleaned, with where from, best evidence first:
    # ('json-ld', name), ('meta', text), ('byline', text).
    authors: tuple[tuple[str, str], ...] = ()
    description: str | None = None
    image: str | None = None
    lang: str | None = None
    section: str | None = None
    link_texts: tuple[str, ...] = ()  # the short texts of the page's links: its sections' names
    blocks: tuple[str, ...] = ()  # the article's text, Markdown, a paragraph (or list item) each

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> WebPage:
        """The page a cache row holds; a TypeError or ValueError when it is not one."""
        values = {}
        for f in fields(cls):
            value = data[f.name]
            if isinstance(value, list):
                value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
            values[f.name] = value
        return cls(**values)


def unarchived(text: str) -> str:
    """The page as it was before a web archive (the Wayback Machine) wrapped it."""
    text = _ARCHIVE_INSERT.sub("", text)
    text = _ARCHIVED_ADDRESS.sub("", text)
    return _COMMENT.sub("", text)


def read_webpage(text: str) -> WebPage:
    """The fields and article text of the saved page `text` (its markup, decoded). Raises
    ValueError when it cannot be parsed as HTML at all."""
    from lxml import etree
    from lxml import html as lxml_html

    text = unarchived(text)
    try:
        parser = lxml_html.HTMLParser(encoding="utf-8")
        tree = lxml_html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ValueError(f"is not HTML that can be read ({exc})") from None
    for element in tree.xpath('//*[starts-with(@id, "wm-") or starts-with(@id, "donato")]'):
        element.drop_tree()  # what remains of an archive's toolbar
    meta = webmeta.meta_tags(tree)
    ld = webmeta.json_ld(tree)
    url = _absolute(_first(tree.xpath('//link[@rel="canonical"]/@href')) or meta.get("og:url"))
    published, updated = webmeta.page_dates(webmeta.metadata_document(tree))
    titles = _titles(tree, meta, ld)
    if published is None:  # a day in the furniture of its <title> ('Title | Site | 23.05.2011')
        furniture = [parts[-1] for w, t in titles if w in ("title", "og") and len(parts := segments(t)) > 1]
        published = next((day for text in furniture if (day := webmeta.date_in(text))), None)
    published = published or webmeta.heading_time(tree)
    return WebPage(
        titles=titles,
        site_name=meta.get("og:site_name") or _publisher(ld) or meta.get("application-name"),
        url=url,
        date=published.isoformat() if published else None,
        updated=updated.isoformat() if updated else None,
        authors=_author_candidates(tree, meta, ld),
        description=_one_line(meta.get("og:description") or meta.get("description") or ""),
        image=_absolute(meta.get("og:image") or meta.get("twitter:image") or webmeta.ld_text(ld, "image"), url),
        lang=_lang(tree, meta),
        section=meta.get("article:section") or webmeta.ld_text(ld, "articleSection"),
        link_texts=_link_texts(tree),
        blocks=tuple(body_blocks(tree, url)),  # last: trafilatura prunes the tree it reads
    )


def _first(values: list) -> str | None:
    return str(values[0]).strip() if values and str(values[0]).strip() else None


def _absolute(address: str | None, base: str | None = None) -> str | None:
    """An http(s) address, `base` completing a relative one; None for anything else."""
    if not address:
        return None
    try:
        address = urljoin(base, address.strip()) if base else address.strip()
        if address.startswith("//"):
            address = "https:" + address
        parts = urlsplit(address)
        return address if parts.scheme in ("http", "https") and parts.hostname else None
    except ValueError:  # not an address: 'http://[oops'
        return None


def _one_line(text: str) -> str | None:
    return " ".join(text.split()) or None


def _publisher(ld: list[dict]) -> str | None:
    value = webmeta.ld_text(ld, "publisher")
    return value if value and not value.startswith("http") else None


def _titles(tree, meta: dict[str, str], ld: list[dict]) -> tuple[tuple[str, str], ...]:
    found = [("og", meta.get("og:title") or meta.get("twitter:title")), ("headline", webmeta.ld_text(ld, "headline"))]
    found += [("h1", _heading(h1)) for h1 in list(tree.iter("h1"))[:3]]
    found.append(("title", _first(tree.xpath("//title/text()"))))
    return tuple((where, line) for where, title in found if title and (line := _one_line(title)))


def _heading(h1) -> str:
    """A main heading's text; a kicker it starts with (an element of its own: '<span>INTERVIEW</span>
    Le maire...') set apart by a full stop; for a heading that is a kicker alone, the heading
    right after it ('<h1>INTERVIEW</h1><h2>Le maire...</h2>')."""
    text = _one_line(h1.text_content()) or ""
    children = list(h1)
    first = _one_line(children[0].text_content()) if children and not (h1.text or "").strip() else None
    if first and is_kicker(first) and len(first) < len(text) and (len(first) > 4 or " " in first):
        return f"{first}. {text[len(first) :].strip()}"
    if is_kicker(text):
        after = h1.getnext()
        if after is not None and after.tag in ("h2", "h3") and (following := _one_line(after.text_content())):
            return f"{text}. {following}" if len(following) <= 200 else text
    return text


def _author_candidates(tree, meta: dict[str, str], ld: list[dict]) -> tuple[tuple[str, str], ...]:
    """The authors the page names, best evidence first: JSON-LD, meta tags, bylines."""
    found = [("json-ld", n) for n in webmeta.ld_names(ld, "author") or webmeta.ld_names(ld, "creator")]
    given = [meta.get(k) for k in ("author", "article:author", "dc.creator", "sailthru.author")]
    found += [("meta", n) for n in given if n and not n.startswith("http")]
    bylines = tree.xpath(
        '//*[@rel="author" or @itemprop="author" or contains(@class, "author") or contains(@class, "byline")]'
    )
    texts = [_one_line(e.text_content()) for e in bylines[:5]]
    found += [("byline", t) for t in texts if t and len(t) < 120]
    return tuple(found)


def _lang(tree, meta: dict[str, str]) -> str | None:
    value = tree.get("lang") or meta.get("og:locale") or meta.get("language") or ""
    match = re.match(r"[a-zA-Z]{2}(?![a-zA-Z])", value.strip())
    return match.group(0).lower() if match else None


def _link_texts(tree) -> tuple[str, ...]:
    texts: dict[str, None] = {}
    for link in tree.iter("a"):
        text = _one_line(link.text_content() or "")
        if text and len(text.split()) <= 6:
            texts.setdefault(text, None)
        if len(texts) >= 400:
            break
    return tuple(texts)


def body_blocks(tree, url: str | None) -> list[str]:
    """The article's text (of the page's parsed `tree`) as Markdown blocks: paragraphs,
    headings, quotes, each list item."""
    import trafilatura

    quotes = {_bare(q.text_content()) for q in tree.iter("blockquote")} - {""}  # before trafilatura prunes
    tree = without_furniture(copy.deepcopy(tree))
    markdown = trafilatura.extract(copy.deepcopy(tree), url=url, **TRAFILATURA) or ""
    if not markdown.strip():  # too little for precision: what recall finds, rather than no article
        markdown = trafilatura.extract(tree, url=url, **{**TRAFILATURA, "favor_precision": False}) or ""
    blocks: list[str] = []
    for block in re.split(r"\n[ \t]*\n", markdown.replace("\r", "")):
        block = _MD_LINK.sub(lambda m: _link(m, url), block).strip()
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        if lines and all(_LIST_ITEM.match(line) for line in lines):
            blocks += lines  # a list: each item a block of its own (boilerplate is told item by item)
        elif lines and _bare(_MD_LINK.sub(r"\2", block)) in quotes:  # trafilatura's Markdown has no quote marks
            blocks.append("\n".join(f"> {line}" for line in lines))
        elif lines:
            blocks.append("\n".join(lines))
    return [b for b in blocks if re.search(r"\w", b)]


def without_furniture(tree):
    """`tree` without the furniture its markup marks (see FURNITURE_MARKS): an element whose
    class, id or role says so, short enough not to hold the article and not inside a paragraph,
    or an embedded post (a quote so marked: what a tweet embed is), whatever its length."""
    for element in list(tree.iter("*")):
        if element.getparent() is None or not isinstance(element.tag, str):
            continue
        words = _MARK_WORD.findall(" ".join(element.get(a) or "" for a in ("class", "id", "role")).lower())
        if not FURNITURE_MARKS.intersection(words) or element.xpath("ancestor::p"):
            continue  # an author's name marked in a sentence is the sentence's
        if element.tag == "blockquote" or len(" ".join(element.text_content().split())) <= FURNITURE_TEXT_MAX:
            element.drop_tree()
    return tree


def _bare(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _link(match: re.Match, base: str | None) -> str:
    """A Markdown link kept only to an http(s) address (made absolute); an image left out."""
    image, label, address = match.groups()
    address = address.removeprefix("<").removesuffix(">")  # [label](<address with spaces or brackets>)
    if image:
        return ""
    target = _absolute(address, base)
    if not target or not label.strip():
        return label
    for character in " ()<>":  # an address Markdown reads whole
        target = target.replace(character, f"%{ord(character):02X}")
    return f"[{label}]({target})"
