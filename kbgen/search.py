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
The copies have straight apostrophes: Pagefind indexes both parts of "l'hôpital" but
takes "l’hôpital" for one word (the search page shows the typographic apostrophe again).
A build keeps the copies in its own folder (.kbgen/search-<digest of the output folder>/pages/),
made by the processes writing the site from the bytes they have just made (SearchCopies), so
indexing reads no page again; each shard's Pagefind reads a folder of hard links to its copies.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import nullcontext
from pathlib import Path

from kbgen import parallel
from kbgen.errors import BuildError, Problem
from kbgen.searchable import search_copy, searchable_digest

FOLDER = "pagefind"
LISTING = "shards.json"
MARK = b"data-pagefind-body"  # once a page has it, Pagefind indexes only the pages that do


def entity_weight(mentions: int) -> str:
    """The weight of an entity's name on its page (Pagefind's data-pagefind-weight, 0 to 10), by
    how much the corpus is about it: of two namesakes, the one mentioned 1,000 times ranks above
    the one mentioned 10 times. 1 for one mention, 4 for ten, 7 for a hundred, 10 from a thousand."""
    return f"{min(10.0, 1 + 3 * math.log10(max(1, mentions))):.1f}"


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
) -> None:
    """Write the search bundles into `site`/pagefind. A shard none of whose pages is in `changed`
    (paths of pages made, changed or removed since the build that wrote `live`) is linked from
    `live` rather than indexed again; `changed=None` indexes every shard. Pagefind reads the
    pages' search copies in `copies` (the build's own folder, kept between builds), or in a
    temporary folder. `marks` gives every page of `site` and whether it has data-pagefind-body,
    and says that the writers have put their copies in `copies` already (SearchCopies.update);
    without it, the pages are read and copied here. Only the pages with data-pagefind-body are
    indexed when any has it (as Pagefind does)."""
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
        indexed = [p for p in pages if marks[p]] or pages
        shards = shard_count(len(indexed), shard_pages)
        members: dict[int, list[str]] = {}
        for page in indexed:
            members.setdefault(shard_of(page, shards), []).append(page)
        before = _listing(live / FOLDER) if live else None
        if changed is None or live is None or before is None or before["shards"] != shards:
            stale = set(range(shards))
        else:
            stale = _stale_shards(site, live, changed, indexed, shards)
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
    # A shard none of whose pages has a word to index (an article titled ":" and nothing else) has no bundle.
    listing = {"shards": shards, "bundles": [str(s) for s in sorted(members) if (site / FOLDER / str(s)).is_dir()]}
    (site / FOLDER / LISTING).write_text(json.dumps(listing) + "\n", "utf-8")


def _stale_shards(site: Path, live: Path, changed: set[str], indexed: list[str], shards: int) -> set[int]:
    """The shards to index again: those of the `changed` pages whose searchable part changed (a
    page changed only where Pagefind does not look, such as an entity page's quotes, leaves its
    shard be), a page removed from the live site counting where it had data-pagefind-body."""
    looked_at = set(indexed) | {p for p in changed if p.endswith(".html") and _has_mark(live / p)}
    return {
        shard_of(p, shards) for p in changed & looked_at if searchable_digest(site / p) != searchable_digest(live / p)
    }


class SearchCopies:
    """The search copies of a site's pages, one per page in `folder`/pages/<path>, kept from one
    build to the next. Each ends with a comment (which Pagefind reads nothing of) naming the key
    of the page it was made from, so that the copy of a page linked unchanged from the live site
    is trusted only if it is of that very page: a build that failed after writing its copies
    leaves copies of pages the live site does not have."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.known: dict[str, tuple[str, bool, int, int]] = {}  # see begin()

    def begin(self) -> None:
        """Before the copies are made: read what the last build's copies are of (each page's key,
        whether it has data-pagefind-body, the copy's size and time), so that the copy of a page
        linked unchanged is trusted on a stat() instead of being opened (30,000 at 10,000
        articles); and delete that list until finish() writes the new one, so that a build
        stopped meanwhile leaves none."""
        try:
            listed = json.loads((self.folder / MANIFEST).read_text("utf-8"))
            self.known = {
                path: (key, bool(marked), int(size), int(time)) for path, (key, marked, size, time) in listed.items()
            }
        except (OSError, ValueError, TypeError, AttributeError):
            self.known = {}
        (self.folder / MANIFEST).unlink(missing_ok=True)

    def finish(self, copied: dict[str, tuple[str, bool]]) -> None:
        """Once every copy is made: the key of the page each is of, and its mark (see begin())."""
        self.folder.mkdir(parents=True, exist_ok=True)  # a site of no page has no copy
        listed = {}
        for path, (key, marked) in copied.items():
            status = (self.folder / PAGES / path).stat()
            listed[path] = (key, marked, status.st_size, status.st_mtime_ns)
        partial = self.folder / (MANIFEST + ".new")
        partial.write_text(json.dumps(listed, sort_keys=True, separators=(",", ":")), "utf-8")
        os.replace(partial, self.folder / MANIFEST)

    def update(self, path: str, key: str, data: bytes | None, live: Path) -> bool | None:
        """In the process that has just placed the file at `path` (see write.Derive): make sure
        its copy is there, from `data`, or from the live file when it was linked (`data` None)
        and its copy is not of it. Gives whether the page has data-pagefind-body; None for a
        file that is not a page."""
        if not path.endswith(".html") or path.startswith(FOLDER + "/"):
            return None
        copy = self.folder / PAGES / path
        if data is None:
            known = self.known.get(path)
            if known is not None and known[0] == key and _same_file(copy, known[2:]):
                return known[1]
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
            if entry.name not in (PAGES, MANIFEST):
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
MANIFEST = "copies.json"  # and what they are copies of (SearchCopies.begin)
TRAILER_MAX = 200  # bytes: more than a trailer takes


def _trailer(key: str, marked: bool) -> bytes:
    return f"\n<!-- kbgen {key} {int(marked)} -->\n".encode("utf-8", "surrogatepass")


def _same_file(path: Path, size_and_time: tuple) -> bool:
    try:
        status = path.stat()
    except OSError:
        return False
    return (status.st_size, status.st_mtime_ns) == size_and_time


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


NOTHING_INDEXED = "not able to build an index"  # what Pagefind says of pages with no word at all


def _run_pagefind(folder: Path, output: Path) -> None:
    """Index the pages in `folder` into `output`; none is made when they have no word to index."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(folder), "--output-path", str(output), "--silent"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 and NOTHING_INDEXED in result.stderr + result.stdout and any(folder.rglob("*.html")):
        shutil.rmtree(output, ignore_errors=True)
    elif result.returncode != 0:
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
