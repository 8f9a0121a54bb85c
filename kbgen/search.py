"""Full-text search: Pagefind indexes the finished pages, and its index ships inside the site."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kbgen.errors import BuildError, Problem


def index_site(site: Path) -> None:
    """Write the Pagefind index and search UI into `site`/pagefind (offline, deterministic)."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind", "--silent"],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        details = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
        raise BuildError([Problem("pagefind", None, f"the search index could not be built ({details[0]})",
                                  "reinstall kbgen's dependencies: pip install 'pagefind[bin]'")])
