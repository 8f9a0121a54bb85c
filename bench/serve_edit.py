#!/usr/bin/env python3
"""Times a one-article edit in `kbgen serve`: from saving the file to the page being served with
the new text, and the rebuild time serve itself prints.

    .venv/bin/python bench/serve_edit.py [--project DIR] [--article SLUG] [--edits N]

The project (default: the 1,000-article bench corpus, made by `bench/run.py --articles 1000`) is
copied to a temporary folder with its extraction cache, so serve's first build reads no text it
has read before and the original is never touched. Each edit replaces the article's last sentence
with one naming a new person; serve keeps the model loaded, so only the first edit loads it. The
median of the edits is printed. With --during-rebuild SECONDS, each edit after the first is saved
that long after the one before is served, while the rebuild it started runs (an author saving
often; at 10,000 articles a rebuild takes a minute).
"""

from __future__ import annotations

import argparse
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
DEFAULT_PROJECT = REPO_DIR / "bench/.work/n1000/kbgen"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def edited(text: str, i: int) -> str:
    """`text` with its last sentence replaced by one naming people no other edit names."""
    body = text.rstrip("\n")
    cut = body.rstrip(".").rfind(". ")
    return f"{body[: cut + 1]} Selon Firmin Vasquez-Lebel{i}, la réunion à Tarbes avec Ondine Marchetti s'est bien passée.\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=DEFAULT_PROJECT)
    parser.add_argument("--article", default="article-00500", help="slug of the article to edit")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=600, help="seconds to wait for a build")
    parser.add_argument(
        "--during-rebuild",
        type=float,
        metavar="SECONDS",
        help="save each edit this long after the last one is served, while its rebuild runs",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        shutil.copytree(args.project, project, ignore=shutil.ignore_patterns("_site", "*.lock"))
        page = project / "content/articles" / f"{args.article}.md"
        original = page.read_text("utf-8")
        port = free_port()
        serve = subprocess.Popen(
            [sys.executable, "-m", "kbgen", "serve", "--project", str(project), "--port", str(port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in serve.stdout], daemon=True).start()

        def wait_for(pattern: str) -> str:
            deadline = time.monotonic() + args.timeout
            while True:
                line = lines.get(timeout=max(deadline - time.monotonic(), 0.01))
                print("   |", line.rstrip())
                if re.search(pattern, line):
                    return line

        try:
            wait_for(r"^Serving ")
            url = f"http://127.0.0.1:{port}/articles/{args.article}.html"
            served, rebuilt = [], []
            for i in range(args.edits):
                if i and args.during_rebuild is not None:
                    time.sleep(args.during_rebuild)
                started = time.perf_counter()
                page.write_text(edited(original, i), "utf-8")
                while f"Vasquez-Lebel{i}" not in urllib.request.urlopen(url).read().decode("utf-8"):
                    time.sleep(0.02)
                served.append(time.perf_counter() - started)
                if args.during_rebuild is None:
                    rebuilt.append(float(re.search(r"rebuilt in ([0-9.]+) s", wait_for(r"rebuilt in")).group(1)))
            if args.during_rebuild is not None:  # the rebuilds the edits started: one, then one for the edits during it
                rebuilt = [
                    float(re.search(r"rebuilt in ([0-9.]+) s", wait_for(r"rebuilt in")).group(1)) for _ in range(2)
                ]
        finally:
            serve.terminate()
            serve.wait()
    print(f"save -> page served, s: {' '.join(f'{t:.2f}' for t in served)}; median {statistics.median(served):.2f}")
    print(
        f"rebuild (serve's own line), s: {' '.join(f'{t:.2f}' for t in rebuilt)}; median {statistics.median(rebuilt):.2f}"
    )


if __name__ == "__main__":
    main()
