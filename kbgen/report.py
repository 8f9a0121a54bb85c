"""What kbgen tells the terminal, the same from `kbgen build`, `kbgen entities` and `kbgen serve`:
problems and their tally, the lines that sum a build up, and progress bars for long stages.

Problems, warnings and failures go to stderr; what was done goes to stdout.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

import click

from kbgen.errors import Problem

if TYPE_CHECKING:
    from kbgen.build import BuildSummary


# ---------------------------------------------------------------------------- problems


def tally(problems: Iterable[Problem]) -> str:
    """`2 error(s), 1 warning(s)`: the warnings only when there are some."""
    problems = list(problems)
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    return f"{errors} error(s)" + (f", {warnings} warning(s)" if warnings else "")


def failure_lines(problems: list[Problem], consequence: str = "") -> list[str]:
    """Every problem, then their tally and what it means (`...; the site was not written.`)."""
    closing = f"{tally(problems)}; {consequence}." if consequence else f"{tally(problems)}."
    return [str(p) for p in problems] + [closing]


def echo_problems(problems: Iterable[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


# ---------------------------------------------------------------------------- builds


def counts(summary: BuildSummary) -> str:
    return f"{summary.articles} article(s), {summary.entities} entities, {summary.pages} pages"


def counts_and_skipped(summary: BuildSummary) -> str:
    skipped = f", {len(summary.skipped)} file(s) skipped for their errors" if summary.skipped else ""
    return counts(summary) + skipped


def skipped_line(summary: BuildSummary) -> str:
    """The last line of a build that left files out: it wrote the site all the same."""
    return (
        f"{tally(summary.warnings)}; {len(summary.skipped)} file(s) skipped, the site was built without them: "
        "see the errors above (kbgen check lists them)."
    )


def echo_findings(summary: BuildSummary) -> None:
    """A build's problems (the errors of the files it left out, its warnings), and the generated
    pages it left alone because they were edited."""
    echo_problems(summary.warnings)
    for path in summary.ingested.kept_edited:
        click.echo(f"{path}: note: edited by hand since it was generated; left as it is")


def build_done(summary: BuildSummary) -> None:
    """`kbgen build`'s account of a good build: what it ingested, made, and how long each stage took."""
    report = summary.ingested
    echo_findings(summary)
    click.echo(f"Ingested {len(report.written)} new or changed seed(s), {len(report.unchanged)} unchanged.")
    stages = " · ".join(f"{stage} {seconds:.2f} s" for stage, seconds in summary.stage_seconds.items())
    if summary.up_to_date:
        click.echo(
            f"Up to date (no input changed since the last build): {counts(summary)} in {summary.out}; "
            f"checked in {summary.seconds:.1f} s ({stages})"
        )
    else:
        click.echo(f"Built {counts(summary)} in {summary.seconds:.1f} s ({stages}) into {summary.out}")
    if summary.size:
        click.echo(f"Site: {summary.size.line()}{_per_article(summary)}.")
    click.echo(
        f"Open {summary.out / 'index.html'} in a browser, or serve it: python -m http.server -d {summary.out} 8000"
    )
    if summary.skipped:
        click.echo(skipped_line(summary), err=True)


def _per_article(summary: BuildSummary) -> str:
    size = summary.size
    if not (size and summary.articles):
        return ""
    return (
        f" ({size.bytes / 1000 / summary.articles:,.1f} KB and {size.files / summary.articles:.1f} files per article)"
    )


# ---------------------------------------------------------------------------- kbgen serve's builds


def first_build_done(summary: BuildSummary) -> None:
    echo_findings(summary)
    click.echo(f"Built {counts_and_skipped(summary)} in {summary.seconds:.1f} s into {summary.out}")


def first_build_failed(problems: list[Problem], site_left: bool) -> None:
    echo_problems(problems)
    click.echo(
        f"The build failed ({tally(problems)}); "
        + (
            "serving the previous site with the problems over it."
            if site_left
            else "serving a page listing the problems."
        )
    )


def rebuilt(what: str, seconds: float, summary: BuildSummary) -> None:
    _stamped(what, f"rebuilt in {seconds:.2f} s ({counts_and_skipped(summary)})")
    echo_problems(summary.warnings)


def rebuild_failed(what: str, seconds: float, problems: list[Problem]) -> None:
    _stamped(what, f"build failed in {seconds:.2f} s ({tally(problems)}); still serving the last good site")
    echo_problems(problems)


def rebuild_waits(what: str) -> None:
    _stamped(what, "another kbgen build is running on this project; trying again in a second")


def previewed(what: str, seconds: float, building: bool = False) -> None:
    then = "rebuilt once the build under way is done" if building else "rebuilding the site"
    _stamped(what, f"shown in {seconds:.2f} s (a preview); {then}")


def _stamped(what: str, line: str) -> None:
    click.echo(f"[{time.strftime('%H:%M:%S')}] {what}: {line}")


# ---------------------------------------------------------------------------- entities


def entity_list(rows, entities, flags: dict[str, list[str]], as_json: bool) -> None:
    """`kbgen entities`: the `rows` chosen among `entities`, as a table or as JSON."""
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "slug": e.slug,
                        "name": e.name,
                        "type": e.type,
                        "mentions": len(e.mentions),
                        "aliases": list(e.aliases),
                        "flags": flags[e.slug],
                    }
                    for e in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    width = max((len(e.name) for e in rows), default=4)
    click.echo(f"{'name':<{width}}  type  mentions  aliases / flags")
    for e in rows:
        notes = "; ".join([", ".join(e.aliases)] * bool(e.aliases) + flags[e.slug])
        click.echo(f"{e.name:<{width}}  {e.type:<4}  {len(e.mentions):>8}  {notes}")
    click.echo(f"{len(rows)} of {len(entities)} entities; {sum(bool(flags[e.slug]) for e in entities)} flagged.")


# ---------------------------------------------------------------------------- progress


def progress(items=None, *, total: int, unit: str, desc: str, only_over: int | None = None):
    """A progress bar on stderr for a long stage: drawn on a terminal only, and when `only_over`
    is given only for more than that many items; gone once the stage ends."""
    from tqdm import tqdm

    shown = only_over is None or total > only_over
    return tqdm(items, total=total, unit=unit, desc=desc, disable=None if shown else True, leave=False)
