"""CPU seconds of what a build does before it writes: read, extract (from the cache) and resolve,
link, the list of the site's files (render.render_site) and every file's key, by kind of path.
Writes nothing but the caches. With a third argument, a cProfile of the list and the keys is
written to the file the second names.

    .venv/bin/python bench/render_cost.py PROJECT PROFILE [profile]
"""

from __future__ import annotations

import cProfile
import sys
import time
from collections import Counter
from pathlib import Path

from kbgen.build import _cycle_collector_paused, _resolved
from kbgen.link import link
from kbgen.project import Project
from kbgen.render import Theme, render_site


def main(project_root: str, profile_path: str, profiled: bool) -> None:
    project = Project.load(Path(project_root))
    with _cycle_collector_paused():
        started = time.process_time()
        resolution, articles, sentences = _resolved(project)
        resolved = time.process_time()
        kb = link(articles, resolution.entities, sentences, resolution.homonyms)
        linked = time.process_time()
        print("read+extract+resolve", round(resolved - started, 2), "link", round(linked - resolved, 2), flush=True)
        theme = Theme(project.theme_folders, project.config)
        profile = cProfile.Profile()
        if profiled:
            profile.enable()
        started = time.process_time()
        files = render_site(kb, theme, {}, project.theme_folders.static_files())
        print("render_site", round(time.process_time() - started, 2), len(files), flush=True)
        kinds: Counter[str] = Counter()
        for file in files:
            started = time.process_time()
            file.key()
            kinds[file.path.split("/")[0]] += time.process_time() - started
        profile.disable()
        if profiled:
            profile.dump_stats(profile_path)
        print(
            "keys",
            round(sum(kinds.values()), 2),
            sorted(((round(v, 2), k) for k, v in kinds.items()), reverse=True)[:8],
        )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], len(sys.argv) > 3)
