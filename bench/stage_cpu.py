"""CPU seconds of the read stage (read_articles) and of resolve on a project built once (its
extraction cache warm, so no NER runs), each three times in one process; the first read fills
the read stage's caches when they are cold, and so does the first resolve fill its cache of the
words around each mention (`.kbgen/contexts.sqlite`, where the kbgen run has it; delete the file
to time a cold one). Prints a digest of the entities, to compare two versions of kbgen on the
same project:

    PYTHONPATH=/path/to/other/kbgen/parent .venv/bin/python bench/stage_cpu.py PROJECT [--parts]

With --parts, each resolve also prints the CPU seconds of its steps (kbgen.resolve's functions
that type, attach and merge), timed by wrappers put around them.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections import Counter
from pathlib import Path

import kbgen
from kbgen.articles import read_articles
from kbgen.build import published
from kbgen.curation import load_curation
from kbgen.ner import extract_cached
from kbgen.project import Project
from kbgen.resolve import Resolution, resolve

try:
    from kbgen.context_cache import RememberedContexts
except ImportError:  # a kbgen from before resolve's cache
    RememberedContexts = None


RESOLVE_PARTS = (
    "person_names",
    "attach_surnames",
    "_entities",
    "typed_by_partners",
    "typed_by_tables",
    "add_missed_mentions",
    "_merge_article_forms",
    "_merge_acronyms",
    "_merge_initials",
    "_homonyms",
)


def timed_parts() -> Counter:
    """Wrap resolve's steps so that each adds its CPU seconds to the counter returned."""
    import kbgen.resolve as resolve_module

    spent: Counter = Counter()

    def wrapped(name: str, real):
        def step(*args, **kwargs):
            started = time.process_time()
            try:
                return real(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - started

        return step

    for name in RESOLVE_PARTS:
        setattr(resolve_module, name, wrapped(name, getattr(resolve_module, name)))
    return spent


def main(root: Path, parts: bool = False) -> None:
    print("kbgen from", Path(kbgen.__file__).parent)
    for _ in range(3):
        project = Project.load(root)
        started = time.process_time()
        articles, _ = read_articles(project)
        print(f"read: {len(articles)} articles, {time.process_time() - started:.2f} CPU s")
    articles = published(articles)
    extraction, _ = extract_cached(project, articles, 1, None, None)
    curation = load_curation(project.curation, project.shown(project.curation))
    spent = timed_parts() if parts else Counter()
    for _ in range(3):
        spent.clear()
        cached = (
            "no cache"
            if RememberedContexts is None
            else f"cache {(project.context_cache.exists() and 'found') or 'new'}"
        )
        started = time.process_time()
        entities = resolved(project, articles, extraction.mentions, curation).entities
        print(f"resolve ({cached}): {len(entities)} entities, {time.process_time() - started:.2f} CPU s")
        if spent:
            print("  " + ", ".join(f"{name} {seconds:.2f}" for name, seconds in spent.most_common()))
    shown = repr(
        [(e.slug, e.name, e.type, e.aliases, [(m.article, m.start, m.end) for m in e.mentions]) for e in entities]
    )
    print("entities digest", hashlib.sha256(shown.encode()).hexdigest()[:16])


def resolved(project, articles, mentions, curation) -> Resolution:
    """resolve as a build calls it: with its caches where this kbgen has them."""
    if RememberedContexts is None:
        return resolve(mentions, articles, curation, language=project.language)
    missed = {"missed_cache": project.missed_cache} if hasattr(project, "missed_cache") else {}
    with RememberedContexts(project, articles) as known:
        return resolve(mentions, articles, curation, language=project.language, contexts=known.contexts, **missed)


if __name__ == "__main__":
    main(Path(sys.argv[1]), "--parts" in sys.argv[2:])
