"""The extraction caches, in SQLite inside the project: what NER found in each article text
(`.kbgen/cache.sqlite`), so that a rebuild reads no text twice with the same model and settings;
what was read from each saved web page (`PageCache`), so that a rebuild extracts no page twice
with the same extractor; and the plain text of each article's Markdown (`TextCache`), so that a
rebuild converts no unchanged article again; and what the read stage made of each article file
(`ArticleCache`), so that a rebuild parses no unchanged file again.

A file that is not a kbgen cache (corrupt, foreign, or of another layout) is never trusted: it is
set aside with a warning and a new cache is started.
"""

from __future__ import annotations

import functools
import hashlib
import json
import pickle
import sqlite3
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

APPLICATION_ID = 0x6B62676E  # 'kbgn': marks the file as ours
LAYOUT = 1  # bumped when the table layout changes


@dataclass(frozen=True)
class Cached:
    mentions: tuple[tuple[int, int, str, str, str], ...]  # (start, end, text, label, title)
    sentences: tuple[tuple[int, int], ...]


class ExtractionCache:
    TABLE = "extraction"

    def __init__(self, path: Path):
        self.path = path
        self.warning: str | None = None
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as exc:
            self.db = self._set_aside(str(exc))

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        application_id = db.execute("PRAGMA application_id").fetchone()[0]
        layout = db.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables and application_id == 0:  # a new, empty file
            db.executescript(f"""
                PRAGMA application_id = {APPLICATION_ID};
                PRAGMA user_version = {LAYOUT};
                CREATE TABLE {self.TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            """)
            return db
        if application_id != APPLICATION_ID or layout != LAYOUT or self.TABLE not in tables:
            db.close()
            raise sqlite3.DatabaseError("not a kbgen extraction cache of this version")
        if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            db.close()
            raise sqlite3.DatabaseError("failed its integrity check")
        return db

    def _set_aside(self, reason: str) -> sqlite3.Connection:
        number = 1
        while (aside := self.path.with_name(f"{self.path.name}.broken-{number}")).exists():
            number += 1
        self.path.rename(aside)
        self.warning = f"{reason}; set aside as {aside.name}, and a new cache was started"
        return self._open()

    @staticmethod
    def key(fingerprint: str, text: str) -> str:
        return hashlib.sha256(f"{fingerprint}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()

    def get_json(self, keys: list[str]) -> dict[str, Any]:
        """The JSON values stored under `keys` (a row that is not JSON is a miss)."""
        return dict(self._rows(keys))

    def _rows(self, keys: list[str]) -> Iterator[tuple[str, Any]]:
        """(key, JSON value) of each row under `keys`, one at a time."""
        for key, value in self._stored(keys):
            try:
                yield key, json.loads(value)
            except ValueError:
                continue

    def _stored(self, keys: list[str]) -> Iterator[tuple[str, Any]]:
        """(key, value as stored) of each row under `keys`."""
        for start in range(0, len(keys), 500):
            batch = keys[start : start + 500]
            yield from self.db.execute(
                f"SELECT key, value FROM {self.TABLE} WHERE key IN ({','.join('?' * len(batch))})", batch
            )

    def put_json(self, values: dict[str, object]) -> None:
        # Each row made as SQLite takes it (here and below): a list of a corpus's rows made at
        # once was 11 KB per article of memory the process never gave back (docs/performance.md).
        with self.db:
            self.db.executemany(
                f"INSERT OR REPLACE INTO {self.TABLE} (key, value) VALUES (?, ?)",
                ((key, json.dumps(value, ensure_ascii=False)) for key, value in values.items()),
            )

    def get_many(self, keys: list[str]) -> dict[str, Cached]:
        return dict(self.each(keys))

    def each(self, keys: list[str]) -> Iterator[tuple[str, Cached]]:
        """(key, value) of each readable row under `keys`, one row's JSON at a time: a corpus's
        is hundreds of MB."""
        for key, data in self._rows(keys):
            try:
                yield key, Cached(tuple(tuple(m) for m in data["mentions"]), tuple(tuple(s) for s in data["sentences"]))
            except (KeyError, TypeError):
                continue  # an unreadable row is just a miss

    def put_many(self, values: dict[str, Cached]) -> None:
        self.put_json({key: {"mentions": v.mentions, "sentences": v.sentences} for key, v in values.items()})

    def keep_only(self, keys: Iterable[str]) -> None:
        """Drop every row but those under `keys` (the rows the build that gives them used), so
        that the file grows with the corpus, not with its history: each new kbgen version or
        setting would otherwise add a whole corpus's rows, which every build then opens and
        checks (PRAGMA quick_check reads the whole file)."""
        with self.db:
            self._drop_all_but(keys)
        self._compact()

    def _drop_all_but(self, keys: Iterable[str]) -> None:
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS kept (key TEXT PRIMARY KEY)")
        self.db.execute("DELETE FROM kept")
        self.db.executemany("INSERT OR IGNORE INTO kept (key) VALUES (?)", ((key,) for key in keys))
        self.db.execute(f"DELETE FROM {self.TABLE} WHERE key NOT IN (SELECT key FROM kept)")
        self.db.execute("DELETE FROM kept")

    def _compact(self) -> None:
        """The file made small again once most of it is free space (VACUUM): after a change
        of kbgen or of the settings let a corpus's rows go, not on an ordinary build."""
        free = self.db.execute("PRAGMA freelist_count").fetchone()[0]
        if free * 2 > self.db.execute("PRAGMA page_count").fetchone()[0]:
            self.db.execute("VACUUM")

    def close(self) -> None:
        self.db.close()


class PageCache(ExtractionCache):
    """What `kbgen.webpage` read from each saved page, by the page's bytes and the extractor."""

    TABLE = "webpage"


class TextCache(ExtractionCache):
    """The plain text NER reads of each Markdown body, by the body and kbgen's Markdown code."""

    TABLE = "plaintext"


class ArticleCache(ExtractionCache):
    """What the read stage made of each article file (kbgen.read_cache), pickled: an Article holds
    dates, times with their zones and any value the front matter gives, which JSON would not give
    back as they were. The file is kbgen's own, in the project's .kbgen/, written by no one else."""

    TABLE = "article"

    def get_pickled(self, keys: list[str]) -> dict[str, Any]:
        """The values stored under `keys` (a row that does not unpickle is a miss)."""
        found = {}
        for key, value in self._stored(keys):
            try:
                found[key] = pickle.loads(value)
            except Exception:  # a damaged row can fail in any way unpickling does; it is only a miss
                continue
        return found

    def put_pickled(self, values: Mapping[str, object]) -> None:
        with self.db:
            self.db.executemany(
                f"INSERT OR REPLACE INTO {self.TABLE} (key, value) VALUES (?, ?)",
                ((key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL)) for key, value in values.items()),
            )


class SummaryCache(ArticleCache):
    """What kbgen made of each article text for a corpus-wide pass (kbgen.word_case,
    kbgen.missed, kbgen.context_cache), pickled, by the text, kbgen's code and what else the pass
    reads. Only the rows the last build used are kept (store), so the file grows with the corpus,
    not with its history."""

    TABLE = "summary"

    def __enter__(self) -> SummaryCache:
        return self

    def __exit__(self, *_) -> None:
        self.close()

    def keys(self) -> set[str]:
        return {key for (key,) in self.db.execute(f"SELECT key FROM {self.TABLE}")}

    def store(self, values: Mapping[str, object], keep: list[str]) -> None:
        """Put `values` and drop every row but those under `keep`, at once: a build that stops
        half-way leaves the rows of the last build or of this one, never a mix."""
        with self.db:
            self.db.executemany(
                f"INSERT OR REPLACE INTO {self.TABLE} (key, value) VALUES (?, ?)",
                ((key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL)) for key, value in values.items()),
            )
            self._drop_all_but(keep)
        self._compact()


class ContextCache(SummaryCache):
    """The words resolve read around each article's mentions (kbgen.context_cache), one row an
    article under a key of its text; the rows of the last resolve's articles alone are kept."""

    TABLE = "context"


@functools.cache
def code_fingerprint(libraries: tuple[str, ...] = ()) -> str:
    """kbgen's code, all of it (what a cached answer depends on is spread over several modules,
    and one left out here would leave stale answers behind), the versions of `libraries`, and
    Python's (its regular expressions read the text)."""
    package = Path(__file__).parent
    parts = [
        f"{path.relative_to(package)}:{hashlib.sha256(path.read_bytes()).hexdigest()}"
        for path in sorted(package.rglob("*.py"))
    ]
    parts += [f"{name} {metadata.version(name)}" for name in libraries] + [sys.version]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()
