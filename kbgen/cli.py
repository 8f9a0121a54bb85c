"""The `kbgen` command line."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from kbgen import __version__, report
from kbgen.errors import BuildError
from kbgen.project import SITE

F = TypeVar("F", bound=Callable[..., object])  # a click command function


_drafts_option = click.option(
    "--drafts", is_flag=True, help="Include drafts (draft: true, published: false, status: draft), marked as drafts."
)


def _project_option(help: str) -> Callable[[F], F]:
    """--project, the same on every command that reads a project; `help` says what it reads there."""
    return click.option(
        "--project", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True, help=help
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kbgen")
def cli() -> None:
    """Turn news articles into a cross-linked static knowledge base.

    Raw articles in seeds/ become Markdown pages in content/articles/; the people,
    organisations and places they name get their own pages, linked from every mention.
    """


@cli.command()
@click.argument("directory", type=click.Path(path_type=Path))
def new(directory: Path) -> None:
    """Make a ready project in DIRECTORY, a new or empty folder: kbgen.yml with every setting
    commented, an example article, content/entities.yml, seeds/, a .gitignore and a GitHub
    Pages workflow (with the requirements.txt it installs). Never overwrites anything."""
    from kbgen.new import made_lines, new_project

    try:
        made = new_project(directory)
    except BuildError as exc:
        _fail(report.failure_lines(exc.problems, "nothing was written"))
    for line in made_lines(directory, made):
        click.echo(line)


@cli.command()
@_project_option("Project folder holding seeds/, content/ and an optional kbgen.yml.")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Output folder, replaced as a whole on success.  [default: PROJECT/_site]",
)
@click.option("--base-url", default=None, help="Absolute URL the site will be published at (for the 404 page's links).")
@click.option(
    "--strict",
    is_flag=True,
    help="Fail, writing no site, on any error or warning (files skipped, misspelt fields, stale curation rules).",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 256),
    default=None,
    help="Processes for NER on new text and for making pages.  [default: one per core]",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="tcp://HOST:PORT",
    help="Run NER on this Dask distributed cluster (pip install 'kbgen[dask]').",
)
@_drafts_option
def build(
    project: Path,
    out: Path | None,
    base_url: str | None,
    strict: bool,
    jobs: int | None,
    scheduler: str | None,
    drafts: bool,
) -> None:
    """Build the site: ingest seeds, extract and resolve entities, render and write HTML."""
    from kbgen.build import build as run_build

    if not project.is_dir():
        _fail([f"{project}: error: no such project folder; pass an existing folder to --project"])
    try:
        summary = run_build(project, out, base_url, strict, jobs, scheduler, one_shot=True, drafts=drafts)
    except BuildError as exc:
        _fail(report.failure_lines(exc.problems, "the site was not written"))
    report.build_done(summary)


@cli.command()
@click.argument("urls", nargs=-1, metavar="[URL]...")
@click.option(
    "--list",
    "lists",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Also the addresses in FILE, one a line (blank lines and # comments left out).",
)
@click.option("--feed", "feeds", multiple=True, metavar="URL", help="Also every page an RSS or Atom feed lists.")
@click.option("--sitemap", "sitemaps", multiple=True, metavar="URL", help="Also every page a sitemap lists.")
@_project_option("Project folder whose seeds/ receives the pages.")
@click.option(
    "--delay",
    type=click.FloatRange(0, 3600),
    default=2.0,
    show_default=True,
    help="Seconds between two requests to the same site (longer if its robots.txt asks).",
)
@click.option(
    "--timeout", type=click.IntRange(1, 600), default=20, show_default=True, help="Seconds to wait for a page."
)
@click.option(
    "--max-mb",
    type=click.FloatRange(0, min_open=True),
    default=5.0,
    show_default=True,
    help="Pages larger than this are not downloaded.",
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Also download from this machine and the local network (refused by default, so that no feed can point there).",
)
def add(
    urls: tuple[str, ...],
    lists: tuple[Path, ...],
    feeds: tuple[str, ...],
    sitemaps: tuple[str, ...],
    project: Path,
    delay: float,
    timeout: int,
    max_mb: float,
    allow_private: bool,
) -> None:
    """Download web pages into seeds/web/<site>/, for the next build to make articles of: each
    URL, those listed in a file, a feed or a sitemap. Politely: robots.txt is obeyed, one request
    at a time per site; a page is kept as it was served, with a record of its address and date
    beside it, and never downloaded twice. Fails when nothing could be added."""
    from kbgen.add import Politeness, summary_lines
    from kbgen.add import add as run_add
    from kbgen.project import Layout

    if not (urls or lists or feeds or sitemaps):
        raise click.UsageError("give at least one URL, or --list, --feed or --sitemap")
    if not project.is_dir():
        _fail([f"{project}: error: no such project folder; pass an existing folder to --project"])
    layout = Layout.of(project)
    try:
        done = run_add(layout, urls, lists, feeds, sitemaps, Politeness(delay, timeout, max_mb, allow_private))
    except BuildError as exc:
        _fail(report.failure_lines(exc.problems, "nothing was downloaded"))
    report.echo_problems([*done.notes, *done.skipped])
    for line in summary_lines(done, layout):
        click.echo(line)
    if done.failed:
        sys.exit(1)


@cli.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The built site to check.  [default: PROJECT/_site]",
)
@_project_option("Project the site was built from: the files its last build skipped are listed.")
def check(out: Path | None, project: Path) -> None:
    """Check a built site: internal links and anchors resolve, pages are well-formed, every page
    is reachable from the home page, no page makes a request to another site, and no file was
    left out of the site by its last build (an article with an error)."""
    from kbgen.check import check_site, skipped_by_last_build

    out = out or project / SITE
    if not (out / "index.html").is_file():
        _fail([f"{out}: error: no built site here (no index.html); run `kbgen build` first or pass --out"])
    problems = check_site(out)
    for problem in problems:
        click.echo(problem, err=True)
    skipped = skipped_by_last_build(project, out)
    report.echo_problems(skipped)
    pages = len(list(out.rglob("*.html")))
    if problems or skipped:
        left_out = f"; the last build skipped {len({str(p.path) for p in skipped})} file(s)" if skipped else ""
        _fail([f"{len(problems)} problem(s) in {pages} pages{left_out}."])
    click.echo(f"{out}: {pages} pages checked, no problem found.")


@cli.command()
@_project_option("Project folder holding content/ and an optional kbgen.yml.")
@click.option(
    "--type",
    "types",
    multiple=True,
    type=click.Choice(["PER", "ORG", "LOC", "MISC"]),
    help="Only entities of this type (repeat for several).",
)
@click.option(
    "--suspicious",
    is_flag=True,
    help="Only the review queue: the entities most likely wrong (duplicates, common words, fragments, "
    "mistyped), most mentions × doubt first.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def entities(project: Path, types: tuple[str, ...], suspicious: bool, as_json: bool) -> None:
    """List the entities of the project's articles, flagging the ones worth curating in
    content/entities.yml. Reads content/articles/ as it is (run `kbgen build` first to ingest
    new seeds); writes nothing."""
    from kbgen.build import resolve_project
    from kbgen.suspects import review_queue

    try:
        resolution, articles = resolve_project(project)
    except BuildError as exc:
        _fail(report.failure_lines(exc.problems))
    queue = review_queue(resolution.entities, {a.slug: a.text for a in articles})
    flags: dict[str, list[str]] = {e.slug: [] for e in resolution.entities} | {
        s.entity.slug: list(s.reasons) for s in queue
    }
    listed = (
        [s.entity for s in queue]
        if suspicious
        else sorted(resolution.entities, key=lambda e: (-len(e.mentions), e.name))
    )
    rows = [e for e in listed if not types or e.type in types]
    report.echo_problems(resolution.warnings)
    report.entity_list(rows, resolution.entities, flags, as_json)


@cli.command()
@_project_option("Project folder holding seeds/, content/ and an optional kbgen.yml.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port on 127.0.0.1 to serve at (0: any free one).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    default=None,
    help="Output folder, replaced as a whole on each good build.  [default: PROJECT/_site]",
)
@_drafts_option
def serve(project: Path, port: int, out: Path | None, drafts: bool) -> None:
    """Build, serve the site at http://127.0.0.1:PORT/ (this machine only), and rebuild whenever
    seeds/, content/, theme/ or kbgen.yml change; open pages reload, or show the problems
    of a failed build over the last good site. Ctrl-C stops."""
    from kbgen.serve import ServeError
    from kbgen.serve import serve as run_serve

    if not project.is_dir():
        _fail([f"{project}: error: no such project folder; pass an existing folder to --project"])
    try:
        run_serve(project, out, port, drafts)
    except ServeError as exc:
        _fail([str(exc)])


@cli.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--gold-span",
    type=click.Choice(["core", "full"]),
    default="core",
    show_default=True,
    help="Score persons against their names without titles (core) or the full gold span.",
)
@click.option("--model", default=None, help="spaCy pipeline to evaluate.  [default: the project's]")
@_project_option("Project whose kbgen.yml and content/entities.yml apply.")
@click.option("--raw", is_flag=True, help="Score the model's own spans, without kbgen's trimming and resolution.")
@click.option(
    "--predictions",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the predictions as JSONL in the gold format.",
)
@click.option(
    "--json",
    "json_out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the scores as JSON.",
)
def evaluate(
    gold_dir: Path,
    gold_span: str,
    model: str | None,
    project: Path,
    raw: bool,
    predictions: Path | None,
    json_out: Path | None,
) -> None:
    """Measure extraction and resolution against human-annotated articles in GOLD_DIR
    (articles/<doc>.txt and gold.jsonl), or the entities made of its seeds/ against the names
    judged by hand in its judged.yml (see docs/curation.md)."""
    import json

    from kbgen import evaluate as ev
    from kbgen import judged
    from kbgen.curation import load_curation
    from kbgen.extract import load_pipeline
    from kbgen.ner import pipeline_for
    from kbgen.project import Project

    try:
        loaded = Project.load(project)
        config = loaded.config
        nlp = load_pipeline(model, lang=config.lang) if model else pipeline_for(loaded)
        curation = load_curation(loaded.curation, loaded.shown(loaded.curation))
        if judged.is_judged(gold_dir):
            judgments = judged.load_judged(gold_dir)
            articles = judged.ingested_articles(gold_dir)
            found = judged.predict(articles, nlp, curation=curation, raw=raw)
        else:
            texts, gold = ev.load_gold(gold_dir, gold_span)
            pred = ev.predict(texts, nlp, curation=curation, raw=raw)
    except BuildError as exc:
        _fail([str(p) for p in exc.problems])
    shown_model = f"model: {model or config.ner_model}{' (raw)' if raw else ''}"
    if judged.is_judged(gold_dir):
        result = judged.score(judgments, found)
        click.echo(f"{gold_dir}: {len(judgments)} judged documents, {shown_model}")
        click.echo(judged.report(result))
        if predictions:
            listed = {doc: sorted(names) for doc, names in sorted(found.items())}
            predictions.write_text(json.dumps(listed, ensure_ascii=False, indent=1) + "\n", "utf-8")
        if json_out:
            json_out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", "utf-8")
        return
    scores, resolution, errors = ev.score(gold, pred), ev.bcubed(gold, pred), ev.confusions(gold, pred)
    click.echo(f"{gold_dir}: {len(gold)} articles, gold span: {gold_span}, {shown_model}")
    click.echo(ev.report(scores, resolution, errors))
    if predictions:
        predictions.write_text(ev.predictions_jsonl(pred), "utf-8")
    if json_out:
        json_out.write_text(json.dumps({"scores": scores, "resolution": resolution}, indent=1) + "\n", "utf-8")


def _fail(lines: list[str]) -> None:
    for line in lines:
        click.echo(line, err=True)
    sys.exit(1)


def main() -> None:
    try:
        cli(prog_name="kbgen")
    except KeyboardInterrupt:
        click.echo("interrupted; nothing was left half-written (a build keeps the previous site)", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug in kbgen: say so plainly instead of a traceback
        if os.environ.get("KBGEN_DEBUG"):
            raise
        click.echo(f"internal error: {type(exc).__name__}: {exc}; rerun with KBGEN_DEBUG=1 and report it", err=True)
        sys.exit(2)
