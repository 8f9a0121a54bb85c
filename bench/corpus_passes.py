"""CPU seconds of the two passes over the whole corpus that follow extraction: the common-word
check (ner.without_common_words) and the missed names (missed.add_missed_mentions, in resolve),
on a project built once (its extraction cache warm, so no NER runs). Each pass is timed without
a cache, then, where this kbgen keeps one, with a new cache (cold), the same again (warm) and
with one article added (article n + 1 of bench/run.py's generator); each prints a digest of what
it gives, which must be the same with and without the cache. The caches are made in a
temporary folder; the project's extraction cache gets the added article's NER.

    .venv/bin/python bench/corpus_passes.py PROJECT
    PYTHONPATH=/path/to/other/kbgen/parent .venv/bin/python bench/corpus_passes.py PROJECT
"""

from __future__ import annotations

import hashlib
import inspect
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import kbgen
from kbgen import missed, ner, resolve
from kbgen.articles import Article, read_articles
from kbgen.build import published
from kbgen.curation import load_curation
from kbgen.project import Project

sys.path.insert(0, str(Path(__file__).parent))
from run import Pools, make_article


def digest(value: object) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()[:16]


def timed(label: str, run) -> object:
    started = time.process_time()
    result = run()
    print(f"{label}: {time.process_time() - started:.2f} CPU s, digest {digest(result)}")
    return result


def added_article(articles: list[Article]) -> Article:
    """Article n + 1 of the generator, as an Article (its Markdown body is its text)."""
    name, page = make_article(Pools(2024), 2024, len(articles) + 1)
    body = page.split("---\n", 2)[2].strip()
    return replace(articles[-1], slug=name.removesuffix(".md"), text=body, body=body)


def main(root: Path) -> None:
    print("kbgen from", Path(kbgen.__file__).parent)
    project = Project.load(root)
    articles = published(read_articles(project)[0])
    plus_one = [*articles, added_article(articles)]
    language = project.language
    raw = {}

    def keep(extraction, texts, lang, *rest):
        raw[len(texts)] = extraction  # the mentions before the check
        return extraction

    real_check = ner.without_common_words
    ner.without_common_words = keep
    ner.extract_cached(project, articles, 1)
    ner.extract_cached(project, plus_one, 1)  # the added article's NER, kept in the project's cache
    ner.without_common_words = real_check
    cached_check = "cache" in inspect.signature(real_check).parameters

    def check(texts, cache=None):
        extra = (cache,) if cached_check else ()
        return lambda: real_check(raw[len(texts)], texts, language, *extra).mentions

    timed("common words, no cache", check(articles))
    if cached_check:
        with tempfile.TemporaryDirectory() as folder:
            cache = Path(folder) / "wordcase.sqlite"
            timed("common words, cold cache", check(articles, cache))
            timed("common words, warm cache", check(articles, cache))
            timed("common words, one added, warm cache", check(plus_one, cache))
    timed("common words, one added, no cache", check(plus_one))
    curation = load_curation(project.curation, project.shown(project.curation))
    calls = {}
    real_missed = resolve.add_missed_mentions

    def recording(entities, texts, *rest):
        calls[len(texts)] = (entities, texts, *rest)
        return real_missed(entities, texts, *rest)

    resolve.add_missed_mentions = recording
    for texts in (articles, plus_one):
        resolve.resolve(real_check(raw[len(texts)], texts, language).mentions, texts, curation, language=language)
    resolve.add_missed_mentions = real_missed

    def shown(entities):
        return [(e.slug, [(m.article, m.start, m.end, m.label) for m in e.mentions]) for e in entities]

    def run(texts, cache=None):
        args = calls[len(texts)][:5]  # what resolve gave it, less the cache it may have given
        return lambda: shown(real_missed(*args, cache) if cache else real_missed(*args))

    timed("missed names, no cache", run(articles))
    if "cache" in inspect.signature(missed.add_missed_mentions).parameters:
        with tempfile.TemporaryDirectory() as folder:
            cache = Path(folder) / "missed.sqlite"
            timed("missed names, cold cache", run(articles, cache))
            timed("missed names, warm cache", run(articles, cache))
            timed("missed names, one added, warm cache", run(plus_one, cache))
    timed("missed names, one added, no cache", run(plus_one))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
