"""Full-text search: Pagefind indexes the finished pages, and its index ships inside the site.

Pagefind holds the whole index it builds in memory (growing with the pages: figures in
docs/performance.md), so the pages are indexed in shards of at most `search_shard_pages` pages, each
its own Pagefind bundle in pagefind/<n>/, and the search page merges them (Pagefind's multisite
search, which ranks the results of every bundle together by score). A page's shard follows from
its path, so a rebuild indexes again only the shards that hold a changed page; shards are indexed
in `jobs` processes at a time. pagefind/shards.json lists the bundles for the search page.

Pagefind parses every byte of a page, even inside the elements it is told to ignore, and those
are most of an entity page (the picture, the quotes): it is given copies of the pages without
them (search_copy), which it indexes into exactly the same bundle in much less CPU time.
A build keeps the copies in its own folder (.kbgen/search-<digest of the output folder>/pages/),
made by the processes writing the site from the bytes they have just made (SearchCopies), so
indexing reads no page again; each shard's Pagefind reads a folder of hard links to its copies.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from contextlib import nullcontext
from html.parser import HTMLParser
from pathlib import Path

from kbgen import parallel
from kbgen.errors import BuildError, Problem

FOLDER = "pagefind"
LISTING = "shards.json"
MARK = b"data-pagefind-body"  # once a page has it, Pagefind indexes only the pages that do


def shard_count(pages: int, shard_pages: int) -> int:
    return max(1, -(-pages // shard_pages))


def shard_of(path: str, shards: int) -> int:
    """The shard of the page at `path`, the same in every build with this many shards."""
    return int.from_bytes(hashlib.blake2b(path.encode("utf-8"), digest_size=8).digest(), "big") % shards


def index_site(
    site: Path,
    shard_pages: int,
    jobs: int = 1,
    live: Path | None = None,
    changed: set[str] | None = None,
    copies: Path | None = None,
    marks: dict[str, bool] | None = None,
    left_out: tuple[str, ...] = (),
) -> None:
    """Write the search bundles into `site`/pagefind. A shard none of whose pages is in `changed`
    (paths of pages made, changed or removed since the build that wrote `live`) is linked from
    `live` rather than indexed again; `changed=None` indexes every shard. Pagefind reads the
    pages' search copies in `copies` (the build's own folder, kept between builds), or in a
    temporary folder. `marks` gives every page of `site` and whether it has data-pagefind-body,
    and says that the writers have put their copies in `copies` already (SearchCopies.update);
    without it, the pages are read and copied here. Pages whose path starts with one of
    `left_out` are not indexed (the entity pages, with search_entity_pages: false)."""
    with (
        nullcontext(copies)
        if copies is not None
        else tempfile.TemporaryDirectory(prefix=".kbgen-search-", dir=site.parent) as folder
    ):
        store = SearchCopies(Path(folder))
        if marks is None:
            marks = {}
            for path in sorted(site.rglob("*.html")):
                page = path.relative_to(site).as_posix()
                if not page.startswith(FOLDER + "/"):
                    data = path.read_bytes()
                    marked = store.update(page, hashlib.blake2b(data, digest_size=16).hexdigest(), data, path)
                    assert marked is not None  # None only for a file that is not a page
                    marks[page] = marked
        pages = sorted(marks)
        store.keep_only(pages)
        indexed = [p for p in ([p for p in pages if marks[p]] or pages) if not p.startswith(left_out or "\x00")]
        shards = shard_count(len(indexed), shard_pages)
        members: dict[int, list[str]] = {}
        for page in indexed:
            members.setdefault(shard_of(page, shards), []).append(page)
        before = _listing(live / FOLDER) if live else None
        if changed is None or live is None or before is None or before["shards"] != shards:
            stale = set(range(shards))
        else:
            stale = _stale_shards(site, live, changed, indexed, shards, left_out)
        (site / FOLDER).mkdir()
        todo = []
        for shard in sorted(members):
            old = live / FOLDER / str(shard) if live else None
            if shard not in stale and before and str(shard) in before["bundles"] and old and old.is_dir():
                shutil.copytree(old, site / FOLDER / str(shard), copy_function=os.link)
            else:
                todo.append(shard)
        # Pagefind keeps more than one core busy only part of the time: when jobs + 1 processes
        # take every shard at once, none is left to run alone at the end.
        at_once = len(todo) if 1 < jobs and len(todo) <= jobs + 1 else jobs
        parallel.in_threads(lambda shard: _index_shard(site, shard, members[shard], store), todo, at_once)
    listing = {"shards": shards, "bundles": [str(s) for s in sorted(members)]}
    (site / FOLDER / LISTING).write_text(json.dumps(listing) + "\n", "utf-8")


def _stale_shards(
    site: Path, live: Path, changed: set[str], indexed: list[str], shards: int, left_out: tuple[str, ...]
) -> set[int]:
    """The shards to index again: those of the `changed` pages whose searchable part changed (a
    page changed only where Pagefind does not look, such as an entity page's quotes, leaves its
    shard be), a page removed from the live site counting where it had data-pagefind-body."""
    looked_at = set(indexed) | {
        p for p in changed if p.endswith(".html") and not p.startswith(left_out or "\x00") and _has_mark(live / p)
    }
    return {shard_of(p, shards) for p in changed & looked_at if _searchable(site / p) != _searchable(live / p)}


class SearchCopies:
    """The search copies of a site's pages, one per page in `folder`/pages/<path>, kept from one
    build to the next. Each ends with a comment (which Pagefind reads nothing of) naming the key
    of the page it was made from, so that the copy of a page linked unchanged from the live site
    is trusted only if it is of that very page: a build that failed after writing its copies
    leaves copies of pages the live site does not have."""

    def __init__(self, folder: Path):
        self.folder = folder

    def update(self, path: str, key: str, data: bytes | None, live: Path) -> bool | None:
        """In the process that has just placed the file at `path` (see write.Derive): make sure
        its copy is there, from `data`, or from the live file when it was linked (`data` None)
        and its copy is not of it. Gives whether the page has data-pagefind-body; None for a
        file that is not a page."""
        if not path.endswith(".html") or path.startswith(FOLDER + "/"):
            return None
        copy = self.folder / PAGES / path
        if data is None:
            marked = _copy_mark(copy, key)
            if marked is not None:
                return marked
            data = live.read_bytes()
        marked = MARK in data
        wanted = search_copy(data) + _trailer(key, marked)
        try:
            if copy.stat().st_size == len(wanted) and copy.read_bytes() == wanted:
                return marked  # left alone: its time stays
        except FileNotFoundError:
            copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(wanted)
        return marked

    def keep_only(self, pages: list[str]) -> None:
        """Delete the copies of pages the site no longer has, and what older builds kept here."""
        if not self.folder.is_dir():
            return
        for entry in self.folder.iterdir():
            if entry.name != PAGES:
                shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
        wanted = set(pages)
        for path in (self.folder / PAGES).rglob("*"):
            if path.is_file() and path.relative_to(self.folder / PAGES).as_posix() not in wanted:
                path.unlink()

    def linked(self, pages: list[str], into: Path) -> Path:
        """A folder holding the copies of `pages` alone, as hard links (copies where the file
        system has none)."""
        for page in pages:
            target = into / page
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(self.folder / PAGES / page, target)
            except OSError:
                shutil.copyfile(self.folder / PAGES / page, target)
        return into


PAGES = "pages"  # the copies' folder in a SearchCopies folder
TRAILER_MAX = 200  # bytes: more than a trailer takes


def _trailer(key: str, marked: bool) -> bytes:
    return f"\n<!-- kbgen {key} {int(marked)} -->\n".encode("utf-8", "surrogatepass")


def _copy_mark(copy: Path, key: str) -> bool | None:
    """Whether the page of `copy` has data-pagefind-body, if the copy is of the page with `key`;
    None if it is not (or there is no copy)."""
    try:
        with open(copy, "rb") as file:
            file.seek(max(0, file.seek(0, os.SEEK_END) - TRAILER_MAX))
            tail = file.read()
    except OSError:
        return None
    for marked in (True, False):
        if tail.endswith(_trailer(key, marked)):
            return marked
    return None


def _has_mark(page: Path) -> bool:
    """Whether `page` has data-pagefind-body, read only as far as it (near the top, as a rule)."""
    try:
        with open(page, "rb") as file:
            seen = b""
            while chunk := file.read(1 << 16):
                seen = seen[-len(MARK) :] + chunk  # the mark may straddle two chunks
                if MARK in seen:
                    return True
    except OSError:
        pass
    return False


def _listing(folder: Path) -> dict | None:
    try:
        listing = json.loads((folder / LISTING).read_text("utf-8"))
        return listing if isinstance(listing.get("shards"), int) and isinstance(listing.get("bundles"), list) else None
    except (OSError, ValueError, AttributeError):
        return None


def _index_shard(site: Path, shard: int, pages: list[str], store: SearchCopies) -> None:
    """Index `pages` of `site` into pagefind/<shard>/, from a folder holding their copies alone."""
    with tempfile.TemporaryDirectory(prefix=f"shard-{shard}-", dir=store.folder) as folder:
        _run_pagefind(store.linked(pages, Path(folder)), site / FOLDER / str(shard))


def _run_pagefind(folder: Path, output: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(folder), "--output-path", str(output), "--silent"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        details = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
        raise BuildError(
            [
                Problem(
                    "pagefind",
                    None,
                    f"the search index could not be built ({details[0]})",
                    "reinstall kbgen's dependencies: pip install 'pagefind[bin]'",
                )
            ]
        )


def _searchable(page: Path) -> str | None:
    """A digest of what Pagefind may read of `page` (None when there is no such page): all of it
    but the text and plain tags inside elements marked data-pagefind-ignore."""
    try:
        data = page.read_bytes().decode("utf-8", "replace")
    except OSError:
        return None
    reader = _SearchableParts()
    reader.feed(data)
    reader.close()
    return hashlib.blake2b("\x00".join(reader.parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class _SearchableParts(HTMLParser):
    """Collects a page's parts outside ignored elements. Inside one, tags carrying data-pagefind-*
    attributes are kept all the same (Pagefind still reads meta and filters there), and its end is
    found as a browser finds it: an end tag closes every element opened since its own start tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self.ignored: list[str] = []  # the open elements of the ignored region, outermost first

    def handle_starttag(self, tag: str, attrs: list) -> None:
        marked = any(name.startswith("data-pagefind") for name, _ in attrs)
        if not self.ignored or marked:
            self.parts.append(repr((tag, attrs)))
        if self.ignored and tag not in VOID_ELEMENTS:
            self.ignored.append(tag)
        elif not self.ignored and tag not in VOID_ELEMENTS and any(name == "data-pagefind-ignore" for name, _ in attrs):
            self.ignored.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if not self.ignored or any(name.startswith("data-pagefind") for name, _ in attrs):
            self.parts.append(repr((tag, attrs, "/")))

    def handle_endtag(self, tag: str) -> None:
        if self.ignored:
            if tag in self.ignored:
                while self.ignored.pop() != tag:
                    pass
            return
        self.parts.append("/" + tag)

    def handle_data(self, data: str) -> None:
        if not self.ignored:
            self.parts.append(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")


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


def search_copy(page: bytes) -> bytes:
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
