"""What resolve read around each mention, remembered between builds (`.kbgen/contexts.sqlite`):
reading the words around every mention of the corpus (kbgen.entity_types: each mention's cue and
whether it is cited as a source) was most of resolve, on every build, for articles that had not
changed.

What is read around a mention depends only on the mention, its article's text, the language's
rules and kbgen's code. An article's row is keyed by its slug, its text, the language and kbgen's
code (the rules are code too), and holds what was read around each of its mentions by the
mention's offsets, text, label and title: an edited text, another language or other code reads
the article again, and a mention the row lacks is read. After a resolve, the row of each article
with a mention read afresh, or with an entry no longer used, is written again with what that
resolve read, and every row under a key no longer asked for (an article deleted, edited, left out
as a draft) is deleted: the cache holds one row for each article of the last resolve."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from kbgen.articles import Article
from kbgen.cache import ContextCache, code_fingerprint
from kbgen.curation import Curation
from kbgen.entity_types import Context, Contexts, Fields, fields_of
from kbgen.errors import Problem
from kbgen.extract import Mention
from kbgen.project import Project
from kbgen.resolve import Resolution, resolve


class RememberedContexts:
    """The contexts a resolve of `articles` starts from (`.contexts`), and, on leaving without an
    error, what it read kept for the next."""

    def __init__(self, project: Project, articles: Iterable[Article]):
        self.project = project
        settings = f"{code_fingerprint()}\0{project.language.code}\0"
        self.keys = {a.slug: _key(settings, a) for a in articles}
        self.warnings: list[Problem] = []

    def __enter__(self) -> RememberedContexts:
        self.cache = ContextCache(self.project.context_cache)
        if self.cache.warning:
            where = self.project.shown(self.project.context_cache)
            self.warnings.append(Problem(where, None, self.cache.warning, "nothing to do", "warning"))
        found = self.cache.get_pickled(list(self.keys.values()))
        self.contexts = Contexts({slug: found[key] for slug, key in self.keys.items() if key in found})
        return self

    def __exit__(self, error: type[BaseException] | None, *_) -> None:
        try:
            if error is None:
                self._keep()
        finally:
            self.cache.close()

    def _keep(self) -> None:
        contexts = self.contexts
        # An entry left in `remembered` was not used: its mention is gone from this resolve.
        changed = (
            contexts.read_afresh | {slug for slug, left in contexts.remembered.items() if left}
        ) & self.keys.keys()
        # Rows of articles no longer resolved (deleted, edited, drafts) go in the same transaction.
        self.cache.store(self._rows(changed) if changed else {}, list(self.keys.values()))

    def _rows(self, changed: set[str]) -> dict[str, dict[Fields, Context]]:
        """The rows of the `changed` articles, with what this resolve read of them."""
        rows: dict[str, dict[Fields, Context]] = defaultdict(dict)
        for slug in changed:
            rows[self.keys[slug]] = {}  # an article none of whose mentions was read any more has an empty row
        # A few answers, each stored once a row: the next build loads one object of each, not one a mention.
        shared: dict[Context, Context] = {}
        for mention, context in self.contexts.read.items():
            if mention.article in changed:
                rows[self.keys[mention.article]][fields_of(mention)] = shared.setdefault(context, context)
        return rows


def _key(settings: str, article: Article) -> str:
    named = f"{settings}{article.slug}\0{article.text}"
    return hashlib.sha256(named.encode("utf-8", "surrogatepass")).hexdigest()


def resolve_cached(
    project: Project, articles: list[Article], mentions: Iterable[Mention], curation: Curation
) -> tuple[Resolution, list[Problem]]:
    """The resolve stage as a build runs it: with what the project keeps between builds (the
    words around each mention, here; the names the model missed, in kbgen.missed's cache), and
    the caches' own warnings."""
    with RememberedContexts(project, articles) as known:
        resolution = resolve(
            mentions,
            articles,
            curation,
            language=project.language,
            contexts=known.contexts,
            missed_cache=project.missed_cache,
        )
    return resolution, known.warnings
