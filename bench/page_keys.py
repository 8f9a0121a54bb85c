"""CPU seconds of the keys of a site's files (kbgen.keys: what tells an incremental build which
files to make again), by kind of file, on a project built once (its extraction cache warm, so no
NER runs): the build runs up to the list of the site's files (render_site, timed too), each
file's key is then computed in this process, and nothing is written.

    .venv/bin/python bench/page_keys.py PROJECT

Entity pages are also split by their entity's number of mentions (an entity page's key encodes
every quote it shows); "archive" is an entity's pages of older mentions.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from kbgen import build as build_module
from kbgen.render import Theme, render_site

BUCKETS = ((1, 2), (3, 9), (10, 49), (50, None))  # an entity's mentions


class _Listed(Exception):
    """Raised once the keys are counted: the build stops before writing anything."""


def count_keys(project, kb, notes, base_url, previous, jobs, clock, extras=None):
    """In place of build._make_site: the site's files listed, their keys timed by kind."""
    extras = extras or build_module._Extras()
    theme = Theme(project.theme_folders, project.config, base_url)
    started = time.process_time()
    static = project.theme_folders.static_files()
    files = render_site(kb, theme, notes, static, extras.media, extras.moved, extras.drafts)
    print(f"render_site: {len(files)} files, {time.process_time() - started:.2f} CPU s")
    mentions = {e.slug: len(e.mentions) for e in kb.entities}
    seconds: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for file in files:
        started = time.process_time()
        file.key()
        kind = _kind(file.path, mentions)
        seconds[kind] += time.process_time() - started
        counts[kind] += 1
    print(f"keys: {sum(seconds.values()):.2f} CPU s")
    for kind, spent in seconds.most_common():
        print(f"  {kind}: {spent:.2f} CPU s, {counts[kind]} files")
    raise _Listed


def _kind(path: str, mentions: dict[str, int]) -> str:
    parts = path.split("/")
    if parts[0] != "entities" or len(parts) < 2:
        return parts[0] if len(parts) > 1 else "pages at the root"
    if len(parts) > 2:
        return "entities: archive"
    n = mentions.get(parts[1].removesuffix(".html"))
    if n is None:
        return "entities: homonyms and feeds"
    low, high = next((low, high) for low, high in BUCKETS if n >= low and (high is None or n <= high))
    return f"entities: {low}+ mentions" if high is None else f"entities: {low}-{high} mentions"


def main(project: Path) -> None:
    build_module._make_site = count_keys  # the stages before it run as in a build
    try:
        # An output folder of its own: the project's site and build state are left alone.
        build_module.build(project, out=project / ".kbgen" / "page-keys-bench")
    except _Listed:
        pass


if __name__ == "__main__":
    main(Path(sys.argv[1]))
