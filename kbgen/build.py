"""The build, stage by stage: ingest -> read -> extract -> resolve -> link -> render -> write."""

from __future__ import annotations

import fcntl
import gc
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from kbgen import hosts, redirects
from kbgen.articles import Article, read_articles
from kbgen.context_cache import resolve_cached
from kbgen.curation import create_curation_file, load_curation
from kbgen.errors import BuildError, Problem, ProjectLocked
from kbgen.extract import Extraction, NerWorkers
from kbgen.ingest import IngestReport, ingest
from kbgen.link import KnowledgeBase, link
from kbgen.media import Media, article_images
from kbgen.ner import extract_cached, extraction_fingerprint, start_workers_ahead
from kbgen.parallel import default_jobs, forked_batches
from kbgen.project import Layout, Project
from kbgen.render import Theme, render_site
from kbgen.search import FOLDER as SEARCH_FOLDER
from kbgen.search import SearchCopies, index_site
from kbgen.state import BuildState, inputs_digest, load_state, save_state
from kbgen.write import NewSite, Placed, Written, untouched


@dataclass(frozen=True)
class BuildSummary:
    out: Path
    articles: int
    entities: int
    pages: int
    seconds: float
    ingested: IngestReport
    # The build's problems in the order of the stages: the errors of the files it left out, its
    # warnings and its notes.
    warnings: list[Problem]
    stage_seconds: dict[str, float]
    up_to_date: bool = False  # nothing changed since the last build, so nothing was done
    size: hosts.SiteSize | None = None  # the site's bytes and files, as written
    knowledge: KnowledgeBase | None = field(default=None, repr=False)  # kept when asked (kbgen serve)

    @property
    def skipped(self) -> list[str]:
        """The files left out of the site for their errors."""
        return sorted({str(p.path) for p in self.warnings if p.severity == "error"})


def build(
    project: Path,
    out: Path | None = None,
    base_url: str | None = None,
    strict: bool = False,
    jobs: int | None = None,
    scheduler: str | None = None,
    keep_knowledge: bool = False,
    one_shot: bool = False,
    drafts: bool = False,
) -> BuildSummary:
    """Build the site of `project` into `out`; with `strict`, any warning fails the build; NER
    runs in `jobs` processes (default: one per core) when there is enough text for it to pay, or
    on the Dask cluster whose scheduler is at `scheduler` (tcp://host:port). With
    `keep_knowledge`, the summary holds the knowledge base the site was made from. `one_shot`
    says this process ends after the build (kbgen build): it loads no model itself, even for
    one article, since it would not keep it for a next build (see kbgen.ner.start_workers_ahead).
    Drafts are left out of everything, as if they were not there, unless `drafts`."""
    loaded = Project.load(project, out)
    with project_lock(loaded), _cycle_collector_paused():
        summary = _build(loaded, base_url, strict, jobs, scheduler, one_shot, drafts)
    return summary if keep_knowledge else replace(summary, knowledge=None)


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """A build makes millions of small objects that hold no cycles (mentions, citations, pages).
    Python's cycle collector would walk them again and again (a large part of the link stage's
    time on a large corpus: docs/performance.md) and, in the forked writers, touch every one,
    copying memory they share with the build. Reference counting frees them all the same; the
    collector is back once the build ends. A threshold of 0 turns it off where gc.disable() would
    not hold: loading a spaCy model calls gc.enable() (srsly's msgpack reader)."""
    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


@contextmanager
def project_lock(project: Layout) -> Iterator[None]:
    """One build at a time per project: a second one is refused rather than mixed in."""
    project.state_dir.mkdir(exist_ok=True)
    with open(project.lock, "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ProjectLocked(
                [
                    Problem(
                        project.root,
                        None,
                        "another kbgen build is running on this project",
                        "wait for it to finish, then build again",
                    )
                ]
            ) from None
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _build(
    project: Project,
    base_url: str | None,
    strict: bool,
    jobs: int | None,
    scheduler: str | None,
    one_shot: bool = False,
    drafts: bool = False,
) -> BuildSummary:
    clock = _StageClock()
    _check_out(project)
    out = project.out
    report = ingest(project)
    create_curation_file(project.curation, project.language)
    clock.done("ingest")
    # Every input as it is now, after ingest wrote its pages: what this build is made from.
    fingerprint = extraction_fingerprint(project)
    settings = (str(out), repr(base_url), repr(strict), f"drafts={drafts}", os.environ.get("SOURCE_DATE_EPOCH", ""))
    inputs = inputs_digest(project, fingerprint, *settings)
    saved = project.build_state
    previous = load_state(saved)
    if previous and previous.inputs == inputs and untouched(out, previous.files):
        clock.done("check")
        return _up_to_date(project, previous, report, clock)
    workers = None if scheduler else start_workers_ahead(project, fingerprint, jobs or default_jobs(), one_shot)
    with _told_with(report.problems):
        articles, notes, extraction, warnings = _read_and_extract(project, jobs, scheduler, workers, clock, drafts)
    with _told_with(report.problems + warnings):
        curation = load_curation(project.curation, project.shown(project.curation))
        resolution, cache_warnings = resolve_cached(project, articles, extraction.mentions, curation)
        extras, extra_warnings = _extras(project, articles, resolution.entities, drafts)
        clock.done("resolve")
    warnings += cache_warnings + extra_warnings + resolution.warnings
    problems = report.problems + warnings
    if strict and _not_notes(problems):
        raise BuildError([replace(p, severity="error") for p in _not_notes(problems)])
    with _told_with(problems):
        kb = link(articles, resolution.entities, extraction.sentences, resolution.homonyms)
        clock.done("link")
        previous_files = previous.files if previous else None
        written, pages = _make_site(project, kb, notes, base_url, previous_files, jobs, clock, extras)
    skipped = [p for p in problems if p.severity == "error"]
    save_state(saved, BuildState(inputs, len(articles), len(kb.entities), pages, warnings, written, skipped))
    size, limits = _site_size(project, written)
    return BuildSummary(
        out,
        len(articles),
        len(kb.entities),
        pages,
        clock.total(),
        report,
        problems + limits,
        clock.stages,
        knowledge=kb,
        size=size,
    )


def _site_size(project: Project, written: dict[str, Written]) -> tuple[hosts.SiteSize, list[Problem]]:
    """The site's size as written, and a warning for each host limit it nears (after the build,
    so that --strict never fails on them: the site is right, the host is small)."""
    size = hosts.SiteSize.of({path: w.size for path, w in written.items()})
    return size, hosts.warnings(size, project.shown(project.out))


def _up_to_date(project: Project, previous: BuildState, report: IngestReport, clock: _StageClock) -> BuildSummary:
    """The summary of a build that found nothing to do: the last build's, with its warnings."""
    size, limits = _site_size(project, previous.files)
    return BuildSummary(
        project.out,
        previous.articles,
        previous.entities,
        previous.pages,
        clock.total(),
        report,
        report.problems + previous.warnings + limits,
        clock.stages,
        up_to_date=True,
        size=size,
    )


def _not_notes(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity != "note"]


@contextmanager
def _told_with(earlier: list[Problem]) -> Iterator[None]:
    """A problem that stops the build (a broken template, a missing model...) is told after
    the problems found before it, so that every warning is shown, even then."""
    try:
        yield
    except BuildError as exc:
        if not earlier or isinstance(exc, ProjectLocked):
            raise
        raise BuildError(earlier + exc.problems) from None


def _read_and_extract(
    project: Project,
    jobs: int | None,
    scheduler: str | None,
    workers: NerWorkers | None,
    clock: _StageClock,
    drafts: bool = False,
) -> tuple[list[Article], dict[str, str], Extraction, list[Problem]]:
    """The read and extract stages: every article (drafts only if `drafts`) and entity note that
    can be read, what NER found in the articles, and the problems of both (the errors of the
    files left out too)."""
    try:
        articles, problems = read_articles(project)
        articles = published(articles, drafts)
        notes, note_problems = _entity_notes(project)
        problems += note_problems
        clock.done("read")
        with _told_with(problems):
            extraction, cache_warnings = extract_cached(project, articles, jobs, scheduler, workers, whole=True)
    finally:
        if workers:
            workers.stop()  # idle by now, or never needed
    clock.done("extract")
    return articles, notes, extraction, problems + cache_warnings


def _entity_notes(project: Project) -> tuple[dict[str, str], list[Problem]]:
    """The hand-written entity notes by slug; one that cannot be read is left out, with an error."""
    notes, problems = {}, []
    folder = project.entity_notes
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        try:
            notes[path.stem] = path.read_text("utf-8")
        except UnicodeDecodeError:
            problems.append(Problem(project.shown(path), None, "not UTF-8 text; skipped", "save the file as UTF-8"))
        except OSError as exc:
            problems.append(
                Problem(project.shown(path), None, f"cannot be read ({exc.strerror}); skipped", "check what it is")
            )
    return notes, problems


def _make_site(
    project: Project,
    kb: KnowledgeBase,
    notes: dict[str, str],
    base_url: str | None,
    previous: dict[str, Written] | None,
    jobs: int | None,
    clock: _StageClock,
    extras: _Extras | None = None,
) -> tuple[dict[str, Written], int]:
    """The render, write and index stages: what was written, and the number of pages."""
    folders = project.theme_folders
    theme = Theme(folders, project.config, base_url)
    extras = extras or _Extras()
    # Made while written: one stage.
    files = render_site(kb, theme, notes, folders.static_files(), extras.media, extras.moved, extras.drafts)
    copies = SearchCopies(project.search_copies)  # made by the writers, for the search index
    written, indexing = _write_and_index(files, project.out, previous, project.config, copies, jobs or default_jobs())
    clock.done("render")
    # The search index is made while the feeds are written; its time is shown on its own.
    clock.stages["render"] -= indexing
    clock.stages["index"] = indexing
    return written, sum(f.path.endswith(".html") for f in files)


def _write_and_index(
    files: list, out: Path, previous: dict[str, Written] | None, config, copies: SearchCopies, jobs: int
) -> tuple[dict[str, Written], float]:
    """The write stage, and the index stage beside it: the pages (and the heavy files) are
    placed first, then the search index is made from them in a process of its own while the
    other files are placed (neither waits alone), and the new site replaces the live one only
    once both are done. Gives what was written, and the seconds the index took."""
    with NewSite(files, out, previous, derive=copies.update) as site:

        def index(pages: list[list[Placed[bool]]]) -> float:
            started = time.perf_counter()
            index_site(
                site.folder,
                config.search_shard_pages,
                jobs,
                site.live,
                site.changed(pages),
                copies.folder,
                site.derived(pages),
            )
            return time.perf_counter() - started

        writers = site.writers(jobs)
        copies.begin()
        placed, seconds = forked_batches(
            site.place_batch, *site.batches(writers), writers, then=index, doing="writing the site"
        )
        site.placed(placed)
        site.adopt(SEARCH_FOLDER)
        copies.finish({path: (key, marked) for batch in placed for path, key, marked in batch if marked is not None})
    return site.written, seconds


def published(articles: list[Article], drafts: bool = False) -> list[Article]:
    """The articles a build publishes: drafts only when asked (--drafts). Left out before
    extraction, a draft is nowhere: no page, list, feed, entity, search entry or api/ row."""
    return articles if drafts else [a for a in articles if not a.draft]


@dataclass(frozen=True)
class _Extras:
    """What the site shows besides the knowledge base: the articles' images, the redirects from
    their old URLs, and whether drafts are in."""

    media: Media | None = None
    moved: dict[str, Article] = field(default_factory=dict)
    drafts: bool = False


def _extras(project: Project, articles: list[Article], entities, drafts: bool) -> tuple[_Extras, list[Problem]]:
    """The articles' images and the redirects from their old URLs, with the warnings about
    those that cannot be: known before render, so that --strict fails on them."""
    media, media_warnings = article_images(project.root, articles, project.article_folders)
    moved, moved_warnings = redirects.plan(articles, redirects.site_paths(articles, entities))
    return _Extras(media, moved, drafts), media_warnings + moved_warnings


class _StageClock:
    def __init__(self) -> None:
        self.started = self.last = time.perf_counter()
        self.stages: dict[str, float] = {}

    def done(self, stage: str) -> None:
        now = time.perf_counter()
        self.stages[stage] = now - self.last
        self.last = now

    def total(self) -> float:
        return time.perf_counter() - self.started


def resolve_project(root: Path):
    """The project's entities as a build would make them, and the articles they were found in,
    without writing anything but the cache."""
    resolution, articles, _ = _resolved(Project.load(root))
    return resolution, articles


def link_project(root: Path) -> KnowledgeBase:
    """The knowledge base a build would make its site from, without writing anything but the cache."""
    resolution, articles, sentences = _resolved(Project.load(root))
    with _cycle_collector_paused():
        return link(articles, resolution.entities, sentences, resolution.homonyms)


def _resolved(project: Project):
    """The resolution (with the problems of the articles read: the ones left out too), the
    published articles and their sentences."""
    articles, problems = read_articles(project)
    articles = published(articles)
    extraction, _ = extract_cached(project, articles, None)
    curation = load_curation(project.curation, project.shown(project.curation))
    resolution, cache_warnings = resolve_cached(project, articles, extraction.mentions, curation)
    warnings = problems + cache_warnings + resolution.warnings
    return replace(resolution, warnings=warnings), articles, extraction.sentences


def _check_out(project: Project) -> None:
    if project.output_overlaps_inputs():
        inputs = ", ".join(f"{project.shown(p)}/" for p in (project.seeds, project.content, project.theme))
        raise BuildError(
            [
                Problem(
                    project.out,
                    None,
                    "the output folder would replace the project's own files",
                    f"choose an --out outside {inputs} e.g. _site",
                )
            ]
        )
