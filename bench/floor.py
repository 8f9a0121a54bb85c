"""The least a cold kbgen build could take on this machine, part by part, beside the NER ceiling.

Run with kbgen's own interpreter after bench/run.py has written the corpus, e.g.
`.venv/bin/python bench/floor.py --articles 1000`. In one run it times, each in a fresh process:
the NER ceiling (as bench/run.py does); kbgen's extraction alone, from an empty cache (import,
read, NER: the first part of a cold build); then, with the cache filled, each part of the site
on its own: resolve and link (one core), making every file's key and bytes with no I/O (CPU
time, shared perfectly over --jobs cores), writing those bytes (shared the same way), and the
search index in one shard (the search copies and one Pagefind run); and last, a real cold build.
The floor is the sum of the parts: no scheduling, no waiting, no fork. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

from run import BENCH_DIR, MODEL, NER_CEILING, Layout, kbgen_parallel_rule, lock_work_folder, measure, prepare_corpus

EXTRACT = r"""
import gc, json, sys
from pathlib import Path
gc.set_threshold(0)  # as kbgen build does
from kbgen.articles import read_articles
from kbgen.ner import extract_cached
from kbgen.project import Project
project, jobs = Project.load(Path(sys.argv[1])), int(sys.argv[2])
articles, _ = read_articles(project)
extraction, _ = extract_cached(project, articles, jobs)
print(json.dumps({"mentions": len(extraction.mentions)}))
"""

SITE = r"""
import gc, json, sys, time
from pathlib import Path
gc.set_threshold(0)  # as kbgen build does
from kbgen.articles import read_articles
from kbgen.ner import extract_cached
from kbgen.curation import load_curation
from kbgen.link import link
from kbgen.project import Project
from kbgen.render import Theme, render_site
from kbgen.resolve import resolve
from kbgen.search import index_site
project, site, copies, jobs = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
project = Project.load(project, site)
articles, _ = read_articles(project)
extraction, _ = extract_cached(project, articles, jobs)
times = {}
clock = time.perf_counter()
resolution = resolve(extraction.mentions, articles, load_curation(project.curation, project.shown(project.curation)), language=project.language)
kb = link(articles, resolution.entities, extraction.sentences)
times["resolve_link"] = time.perf_counter() - clock
folders = project.theme_folders
files = render_site(kb, Theme(folders, project.config), {}, folders.static_files())
cpu = time.process_time()
def made_with_key(file):
    file.key()  # computed as a build computes it, then not needed here
    return file.path, file.make()
made = [made_with_key(f) for f in files]
times["render_cpu"] = time.process_time() - cpu
clock = time.perf_counter()
for path in sorted({(site / p).parent for p, _ in made}):
    path.mkdir(parents=True, exist_ok=True)
for path, data in made:
    (site / path).write_bytes(data)
times["write"] = time.perf_counter() - clock
pages = sum(p.endswith(".html") for p, _ in made)
clock = time.perf_counter()
index_site(site, pages + 1, jobs, copies=copies)  # one shard: one Pagefind run over every page
times["index"] = time.perf_counter() - clock
print(json.dumps(times | {"files": len(made), "pages": pages, "megabytes": sum(len(d) for _, d in made) / 1e6}))
"""


def last_json(step) -> dict:
    try:
        return json.loads(step.output.splitlines()[-1])
    except (ValueError, IndexError):
        raise SystemExit(f"{step.name} failed (exit {step.exit_code}); see {step.extra.get('log')}") from None


def scratch_project(layout: Layout, folder: Path) -> Path:
    """A copy of the bench's kbgen project in `folder`, with no .kbgen/ (no cache)."""
    (folder / "content").mkdir(parents=True)
    shutil.copy(layout.kbgen / "kbgen.yml", folder)
    shutil.copytree(layout.kbgen_articles, folder / "content" / "articles")
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="corpus size (default 1000)")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)), help="processes (default: the cores)")
    parser.add_argument("--work", type=Path, default=BENCH_DIR / ".work", help="work folder (default bench/.work)")
    parser.add_argument("--seed", type=int, default=2024, help="corpus RNG seed (default 2024)")
    args = parser.parse_args(argv)
    layout = Layout(args.work.absolute() / f"n{args.articles}")
    layout.root.mkdir(parents=True, exist_ok=True)
    _lock = lock_work_folder(layout.root.parent)  # held until this process ends
    manifest = prepare_corpus(layout, args.articles, args.seed)
    # New folders each run, deleted only at the end: deleting files just before a timed step
    # slows it on this file system (see bench/README.md).
    scratch = layout.root / f"floor-{time.strftime('%Y%m%d-%H%M%S')}"
    logs = layout.logs / "floor"
    try:
        parts = scratch_project(layout, scratch / "parts")
        cold = scratch_project(layout, scratch / "cold")
        processes, batch = kbgen_parallel_rule(args.jobs, manifest["characters"], args.articles)
        print(f"{args.articles} articles, --jobs {args.jobs} ({MODEL})", flush=True)
        ceiling = measure(
            "NER ceiling",
            [sys.executable, "-c", NER_CEILING, MODEL, str(layout.kbgen_articles), str(processes), str(batch)],
            scratch,
            logs,
            3600,
        )
        last_json(ceiling)
        extract = measure(
            "kbgen extract", [sys.executable, "-c", EXTRACT, str(parts), str(args.jobs)], scratch, logs, 3600
        )
        last_json(extract)
        site = measure(
            "kbgen site parts",
            [sys.executable, "-c", SITE, str(parts), str(scratch / "site"), str(scratch / "copies"), str(args.jobs)],
            scratch,
            logs,
            3600,
        )
        times = last_json(site)
        build = measure(
            "kbgen cold",
            [
                sys.executable,
                "-m",
                "kbgen",
                "build",
                "--project",
                str(cold),
                "--out",
                str(scratch / "cold-site"),
                "--jobs",
                str(args.jobs),
            ],
            scratch,
            logs,
            3600,
        )
        if build.exit_code != 0:
            raise SystemExit(f"kbgen cold failed; see {build.extra['log']}")
        rows = [
            ("NER ceiling (model load included)", ceiling.seconds),
            ("kbgen extraction alone (import, read, NER)", extract.seconds),
            ("resolve and link (one core)", times["resolve_link"]),
            (f"keys and bytes of {times['files']} files, CPU / {args.jobs}", times["render_cpu"] / args.jobs),
            (f"writing their {times['megabytes']:.0f} MB, / {args.jobs}", times["write"] / args.jobs),
            (f"search index of {times['pages']} pages, one shard", times["index"]),
        ]
        floor = sum(seconds for _, seconds in rows[1:])
        without_pages = floor - rows[3][1]
        print(f"\n{'part':<52} {'seconds':>8} {'/ ceiling':>9}")
        for name, seconds in rows:
            print(f"{name:<52} {seconds:8.2f} {seconds / ceiling.seconds:9.2f}")
        for name, seconds in [
            ("floor: the parts of a cold build, summed", floor),
            ("  the same without making the pages' bytes", without_pages),
            ("kbgen cold, measured", build.seconds),
        ]:
            print(f"{name:<52} {seconds:8.2f} {seconds / ceiling.seconds:9.2f}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        os.sync()  # as bench/run.py does after deleting: written out now, the next run waits less
    return 0


if __name__ == "__main__":
    sys.exit(main())
