"""Stage 2 as a build runs it: NER only for the text the extraction cache has not seen, with the
pipeline the project's kbgen.yml names, loaded once per process (kbgen serve keeps it between
builds) or in worker processes, on this machine or a Dask cluster."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from kbgen import (
    article_surnames,
    bracket_acronyms,
    capitals,
    contained_names,
    coordinated_nouns,
    demonyms,
    expansion_pieces,
    glued,
    glued_words,
    heading_phrases,
    heading_verbs,
    hyphen_compounds,
    name_adjectives,
    name_edges,
    named_after,
    names,
    numbered_bodies,
    org_complements,
    peoples_words,
    portfolios,
    quoted_titles,
    reader_prompts,
    rereading,
    side_by_side,
    signatures,
    spans,
    trade_heads,
    word_case,
)
from kbgen import extract as extract_module
from kbgen.articles import Article
from kbgen.cache import Cached, ExtractionCache
from kbgen.cluster import extract_on_cluster
from kbgen.errors import BuildError, Problem
from kbgen.extract import Extraction, Mention, extract, load_pipeline
from kbgen.parallel import default_jobs
from kbgen.project import Project


def extract_cached(
    project: Project,
    articles: list[Article],
    jobs: int | None,
    scheduler: str | None = None,
    workers: extract_module.NerWorkers | None = None,
    whole: bool = False,
    preview: bool = False,
) -> tuple[Extraction, list[Problem]]:
    """NER for the articles whose text, model and settings the cache has not seen; the rest
    from the cache. spaCy is imported and the model loaded only when some text needs it, and
    then in worker processes rather than in this one when there is enough text for them, or
    in `workers` started ahead (start_workers_ahead) when there are enough of them for it.
    `whole`: these are all the articles a build makes its site of, so the cache keeps their
    rows only (a preview of one article gives just that one); `preview`: these are a part of
    the last build's corpus, whose word counts (word_case) they are judged by and leave as they are."""
    cache = ExtractionCache(project.cache)
    warnings = (
        [Problem(project.shown(project.cache), None, cache.warning, "nothing to do", "warning")]
        if cache.warning
        else []
    )
    try:
        fingerprint = extraction_fingerprint(project)
        keys = {a.slug: ExtractionCache.key(fingerprint, a.text) for a in articles}
        slugs_of: dict[str, list[str]] = {}
        for slug, key in keys.items():
            slugs_of.setdefault(key, []).append(slug)
        # Each row made into mentions as it is read: every row read first, then made into
        # mentions, left the memory of both taken long after the rows were gone (fragmented).
        one: Callable = {}.setdefault
        made = {
            slug: _made(slug, cached, one) for key, cached in cache.each(sorted(slugs_of)) for slug in slugs_of[key]
        }
        missing = [a for a in articles if a.slug not in made]
        parallel = bool(missing) and extract_module.use_workers(missing, jobs or default_jobs())
        if workers and (not missing or (parallel and workers.jobs == 1)):
            workers.stop()  # not needed, or too few
            workers = None
        if missing:
            fresh = _extracted(project, missing, fingerprint, parallel, jobs, scheduler, workers)
            rows = _rows(missing, fresh)
            del fresh  # its mentions are in the rows now: a cold build held three copies at once
            cache.put_many({keys[slug]: row for slug, row in rows.items()})
            made.update((slug, _made(slug, row, one)) for slug, row in rows.items())
        if whole:
            cache.keep_only(slugs_of)
    finally:
        cache.close()
    extraction = Extraction(
        tuple(m for a in articles for m in made[a.slug][0]), {a.slug: made[a.slug][1] for a in articles}
    )
    return without_common_words(extraction, articles, project.language, project.word_case_cache, not preview), warnings


def extract_alone(project: Project, articles: list[Article]) -> Extraction:
    """NER of `articles` in this process, with no cache read or written: their common words
    judged by their own texts (a preview made while a build writes the caches)."""
    extraction = extract(articles, _loaded_pipeline(project, extraction_fingerprint(project)))
    return without_common_words(extraction, articles, project.language)


def _extracted(
    project: Project,
    missing: list[Article],
    fingerprint: str,
    parallel: bool,
    jobs: int | None,
    scheduler: str | None,
    workers: extract_module.NerWorkers | None,
) -> Extraction:
    """NER of the articles the cache has not seen: on the cluster, in the workers started ahead,
    in workers started now, or here."""
    if scheduler:
        config = project.config
        return extract_on_cluster(
            missing, scheduler, config.ner_model, _patterns_bytes(project), fingerprint, config.lang
        )
    if workers:
        return workers.extract(missing)
    if parallel:
        # Worker processes that each load the pipeline: this one imports no spaCy and stays idle.
        return extract_module.extract_in_workers(missing, jobs or default_jobs(), pipeline_for, project)
    return extract(missing, _loaded_pipeline(project, fingerprint))


def _rows(articles: list[Article], fresh: Extraction) -> dict[str, Cached]:
    """The extraction cache's row of each article (by slug), from what NER just found."""
    by_article: dict[str, list] = {a.slug: [] for a in articles}
    for m in fresh.mentions:
        by_article[m.article].append((m.start, m.end, m.text, m.label, m.title))
    return {a.slug: Cached(tuple(by_article[a.slug]), fresh.sentences[a.slug]) for a in articles}


def _extraction(found: dict[str, Cached]) -> Extraction:
    """The mentions and sentences of each article (by slug) as extract_cached makes them."""
    one: Callable = {}.setdefault
    made = {slug: _made(slug, cached, one) for slug, cached in found.items()}
    return Extraction(tuple(m for mentions, _ in made.values() for m in mentions), {s: m[1] for s, m in made.items()})


def _made(slug: str, cached: Cached, one: Callable) -> tuple[tuple[Mention, ...], tuple[tuple[int, int], ...]]:
    """An article's mentions and sentences, equal values as one object (a label, a name, an
    offset: `one` is the setdefault of what the build has met): JSON and pickle make a new one
    each time, and a build keeps every mention (hundreds of thousands in a large corpus)."""
    mentions = tuple(
        Mention(slug, one(start, start), one(end, end), one(text, text), one(label, label), one(title, title))
        for start, end, text, label, title in cached.mentions
    )
    return mentions, tuple((one(start, start), one(end, end)) for start, end in cached.sentences)


def without_common_words(
    extraction: Extraction, articles: list[Article], language, cache: Path | None = None, whole: bool = True
) -> Extraction:
    """The mentions less the one-word ones at a sentence start that the corpus writes mostly in
    lower case (word_case.mostly_lowercase): a corpus-wide judgment, so made after the cache,
    which keeps each article's own; the corpus's word counts kept in `cache` when given (and
    only read when `articles` are not the `whole` corpus: see word_case.corpus_cases); then less
    the peoples' words read as names (kbgen.demonyms), by the places of the same `articles`."""
    texts = {a.slug: a.text for a in articles}
    return demonyms.without_peoples_names(
        _without_common_words(extraction, texts, language, cache, whole), texts, language
    )


def _without_common_words(
    extraction: Extraction, texts: dict[str, str], language, cache: Path | None, whole: bool
) -> Extraction:
    opening = [
        m
        for m in extraction.mentions
        if " " not in m.text and spans.starts_sentence(texts[m.article], m.start, language)
    ]
    words = {m.text for m in opening}
    if not any(w[:1].isupper() and not w.isupper() for w in words):
        return extraction  # nothing to judge: no text is read
    common = word_case.mostly_lowercase(words, word_case.corpus_cases(list(texts.values()), language, cache, whole))
    dropped = {id(m) for m in opening if m.text in common}
    return Extraction(tuple(m for m in extraction.mentions if id(m) not in dropped), extraction.sentences)


def start_workers_ahead(
    project: Project, fingerprint: str, jobs: int, one_shot: bool
) -> extract_module.NerWorkers | None:
    """NER workers started before the articles are read when some article's file is newer than
    the extraction cache (or there is no cache), so that they load spaCy and the model (the slow
    part of their start) while this process reads: as many as a parallel extraction would use
    when the new files hold enough text for one; else, in a `one_shot` process, one (a process
    that builds again keeps the model it loads itself). A guess from file times and sizes only:
    when it is wrong, the workers are stopped unused, or a build needing NER starts them as it
    would have.
    None when this process has the pipeline of `fingerprint` loaded already (kbgen serve)."""
    if fingerprint in _pipelines:
        return None
    try:
        since = project.cache.stat().st_mtime_ns
    except FileNotFoundError:
        since = None
    new = [s for s in (p.stat() for p in project.articles.glob("*.md")) if since is None or s.st_mtime_ns > since]
    if not new:
        return None
    many = jobs > 1 and sum(s.st_size for s in new) >= extract_module.PARALLEL_MIN_CHARS
    if not (many or one_shot):
        return None
    return extract_module.NerWorkers(jobs if many else 1, pipeline_for, project)


def _patterns_bytes(project: Project) -> bytes | None:
    return _patterns_file(project).read_bytes() if project.entity_patterns else None


def load_model(root: Path) -> None:
    """Load the project's NER pipeline into this process ahead of need (kbgen serve)."""
    project = Project.load(root)
    _loaded_pipeline(project, extraction_fingerprint(project))


_pipelines: dict[str, object] = {}  # the last pipeline loaded, by fingerprint: kept for `kbgen serve`


def _loaded_pipeline(project: Project, fingerprint: str):
    """The NER pipeline, loaded once per process and settings: a serving process rebuilds
    without loading the model again."""
    if fingerprint not in _pipelines:
        _pipelines.clear()
        _pipelines[fingerprint] = pipeline_for(project)
    return _pipelines[fingerprint]


# kbgen's modules whose code decides what extraction finds (tests/test_extract.py checks that
# every kbgen module they take code from is here, or decides nothing).
EXTRACTION_MODULES = (
    extract_module,
    spans,
    rereading,
    name_adjectives,
    heading_phrases,
    peoples_words,
    portfolios,
    glued,
    glued_words,
    name_edges,
    names,
    reader_prompts,
    signatures,
    bracket_acronyms,
    capitals,
    article_surnames,
    org_complements,
    side_by_side,
    numbered_bodies,
    quoted_titles,
    heading_verbs,
    expansion_pieces,
    coordinated_nouns,
    hyphen_compounds,
    named_after,
    contained_names,
    trade_heads,
)


def extraction_fingerprint(project: Project) -> str:
    """What, besides the text, decides what extraction finds: the model and its version, the
    entity patterns, the language whose span rules apply, and kbgen's own extraction code."""
    config = project.config
    parts = [config.ner_model, _model_version(project.model_folders, config.ner_model), config.lang]
    if project.entity_patterns and project.entity_patterns.is_file():
        parts.append(hashlib.sha256(project.entity_patterns.read_bytes()).hexdigest())
    for path in (*(Path(m.__file__) for m in EXTRACTION_MODULES), *project.language.files()):  # type: ignore[arg-type]
        parts.append(hashlib.sha256(path.read_bytes()).hexdigest())
    return "\n".join(parts)


def _model_version(folders: tuple[Path, ...], model: str) -> str:
    """The model's version, read without importing spaCy: from the meta.json of the first of
    `folders` that has one, else from its installed package."""
    if model.startswith("blank:"):
        return "spacy " + metadata.version("spacy")
    for folder in folders:
        if (folder / "meta.json").is_file():
            return hashlib.sha256((folder / "meta.json").read_bytes()).hexdigest()
    try:
        return metadata.version(model)
    except metadata.PackageNotFoundError:
        return "not installed"  # loading it will say so, with what to do


def pipeline_for(project: Project):
    """The NER pipeline the project's kbgen.yml asks for."""
    config = project.config
    return load_pipeline(config.ner_model, _patterns_file(project) if project.entity_patterns else None, config.lang)


def _patterns_file(project: Project) -> Path:
    """The entity patterns file kbgen.yml names, which must be inside the project."""
    path = project.entity_patterns.resolve() if project.entity_patterns else project.root
    if not path.is_file() or not path.is_relative_to(project.root.resolve()):
        raise BuildError(
            [
                Problem(
                    project.shown(project.config_file),
                    None,
                    f"entity_patterns file '{project.config.entity_patterns}' not found in the project",
                    "fix the path, relative to the project folder",
                )
            ]
        )
    return path
