"""The build, stage by stage: ingest -> read -> extract -> resolve -> link -> render -> write."""

from __future__ import annotations

import fcntl
import time
from contextlib import contextmanager
from typing import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from kbgen.articles import read_articles
from kbgen.config import load_config
from kbgen.curation import load_curation
from kbgen.errors import BuildError, Problem
from kbgen.extract import Extraction, extract, load_pipeline
from kbgen.ingest import IngestReport, ingest
from kbgen.link import link
from kbgen.render import render_site
from kbgen.resolve import Resolution, resolve
from kbgen.search import index_site
from kbgen.write import write_site


STATE_DIR = ".kbgen"  # kbgen's own files in the project (lock, cache); never part of the site


@dataclass(frozen=True)
class BuildSummary:
    out: Path
    articles: int
    entities: int
    pages: int
    seconds: float
    ingested: IngestReport
    warnings: list[Problem]  # and notes, in the order of the stages


def build(project: Path, out: Path | None = None, base_url: str | None = None, strict: bool = False) -> BuildSummary:
    """Build the site of `project` into `out`; with `strict`, any warning fails the build."""
    project = project.absolute()
    with project_lock(project):
        return _build(project, (out or project / "_site").absolute(), base_url, strict)


@contextmanager
def project_lock(project: Path) -> Iterator[None]:
    """One build at a time per project: a second one is refused rather than mixed in."""
    folder = project / STATE_DIR
    folder.mkdir(exist_ok=True)
    with open(folder / "build.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError([Problem(project, None, "another kbgen build is running on this project", "wait for it to finish, then build again")]) from None
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _build(project: Path, out: Path, base_url: str | None, strict: bool) -> BuildSummary:
    started = time.perf_counter()
    _check_out(project, out)
    config = load_config(project)
    report = ingest(project, config)
    try:
        articles, article_warnings = read_articles(project, config)
    except BuildError as exc:
        raise BuildError(report.problems + exc.problems) from None
    if report.errors:
        raise BuildError(report.problems + article_warnings)
    extraction, resolution = _extract_and_resolve(project, config, articles, load_curation(project))
    warnings = [p for p in report.problems if p.severity == "warning"] + article_warnings + resolution.warnings
    if strict and warnings:
        raise BuildError([replace(w, severity="error") for w in warnings])
    kb = link(articles, resolution.entities, extraction.sentences)
    files = render_site(kb, config, project, base_url)
    write_site(files, out, finish=index_site)
    pages = sum(f.path.endswith(".html") for f in files)
    notes = [p for p in report.problems if p.severity == "note"]
    return BuildSummary(out, len(articles), len(kb.entities), pages, time.perf_counter() - started, report, notes + warnings)


def resolve_project(project: Path):
    """The project's entities as a build would make them, without writing anything."""
    project = project.absolute()
    config = load_config(project)
    articles, _ = read_articles(project, config)
    return _extract_and_resolve(project, config, articles, load_curation(project, create_missing=False))[1]


def _extract_and_resolve(project: Path, config, articles, curation) -> tuple[Extraction, Resolution]:
    extraction = extract(articles, pipeline_for(project, config)) if articles else Extraction((), {})
    return extraction, resolve(extraction.mentions, articles, curation)


def pipeline_for(project: Path, config):
    """The NER pipeline the project's kbgen.yml asks for."""
    patterns = None
    if config.entity_patterns:
        patterns = (project / config.entity_patterns).resolve()
        if not patterns.is_file() or not patterns.is_relative_to(project.resolve()):
            raise BuildError([Problem("kbgen.yml", None, f"entity_patterns file '{config.entity_patterns}' not found in the project", "fix the path, relative to the project folder")])
    return load_pipeline(config.ner_model, patterns)


def _check_out(project: Path, out: Path) -> None:
    if out == project or project.is_relative_to(out) or any(out.is_relative_to(project / d) for d in ("seeds", "content", "site_templates")):
        raise BuildError([Problem(out, None, "the output folder would replace the project's own files", "choose an --out outside seeds/, content/ and site_templates/, e.g. _site")])
