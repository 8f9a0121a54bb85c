"""The saved-page extraction cache: ingest of bench/webpages' HTML pages into a new project, then
twice again with nothing changed, in one process; the ratio says what the cache saves.

    .venv/bin/python bench/ingest_cache.py
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from kbgen.ingest import ingest
from kbgen.project import Project

PAGES = Path(__file__).parent / "webpages"


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="kbgen-ingest-cache-") as folder:
        root = Path(folder)
        for page in PAGES.rglob("*.html"):
            target = root / "seeds" / page.relative_to(PAGES)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page, target)
        times = []
        for _ in range(3):
            start = time.perf_counter()
            ingest(Project.load(root))
            times.append(time.perf_counter() - start)
        count = len(list((root / "seeds").rglob("*.html")))
        cold, warm = times[0], min(times[1:])
        print(f"{count} pages: cold {cold:.2f} s, no change {warm:.2f} s (ratio {warm / cold:.2f})")


if __name__ == "__main__":
    main()
