"""What the read stage made of each article file, remembered between builds
(`.kbgen/articles.sqlite`): parsing every page's front matter and fields again on every build was
most of the read stage, for files that had not changed. An entry is keyed by the file's bytes,
its path, the folders articles are read from, the project's language and kbgen's code (with the
libraries that read a page), so any change to one of them reads the file again."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kbgen.cache import ArticleCache, code_fingerprint
from kbgen.errors import Problem
from kbgen.project import Project

if TYPE_CHECKING:
    from kbgen.articles import Article

_CHUNK = 500  # files read and looked up at a time: one query each, and never the whole corpus in memory
_LIBRARIES = ("markdown", "nh3", "PyYAML")  # what load_article reads a page with, besides the standard library

Loaded = tuple["Article", list[Problem]]


class KnownArticles:
    """load_article's result for each file whose bytes were read the same way before."""

    def __init__(self, project: Project):
        self.project = project
        self.new: dict[str, Loaded] = {}
        self.used: list[str] | None = None  # the keys of every file, once each() has gone over all of them
        folders = "\0".join(str(project.shown(folder)) for folder in project.article_folders)
        self.settings = f"{code_fingerprint(_LIBRARIES)}\0{project.config.lang}\0{folders}"

    def __enter__(self) -> KnownArticles:
        self.cache = ArticleCache(self.project.article_cache)
        where = self.project.shown(self.project.article_cache)
        warning = self.cache.warning
        self.warnings = [Problem(where, None, warning, "nothing to do", "warning")] if warning else []
        return self

    def each(self, paths: list[Path]) -> Iterator[tuple[Path, bytes | None, Loaded | None]]:
        """(path, its bytes or None when it cannot be read, what was made of them before or None),
        for `paths`: every article file of the project, whose rows alone are kept."""
        used = []
        for start in range(0, len(paths), _CHUNK):
            chunk = [(path, _bytes(path)) for path in paths[start : start + _CHUNK]]
            keys = [self._key(path, data) for path, data in chunk]
            used += [key for key in keys if key]
            found = self.cache.get_pickled([key for key in keys if key])
            for (path, data), key in zip(chunk, keys, strict=True):
                yield path, data, found.get(key) if key else None
        self.used = used

    def keep(self, path: Path, data: bytes, loaded: Loaded) -> None:
        """Remember what load_article made of `data`, the bytes of `path`."""
        key = self._key(path, data)
        if key:
            self.new[key] = loaded

    def _key(self, path: Path, data: bytes | None) -> str | None:
        if data is None:
            return None
        named = f"{self.settings}\0{self.project.shown(path)}\0".encode("utf-8", "surrogatepass")
        return hashlib.sha256(named + data).hexdigest()

    def __exit__(self, *_) -> None:
        try:
            if self.new:
                self.cache.put_pickled(self.new)
            if self.used is not None:  # every file was read: the rows of files gone or changed go
                self.cache.keep_only(self.used)
        finally:
            self.cache.close()


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None  # load_article reads it again and says what is wrong
