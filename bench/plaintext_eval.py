"""How well kbgen reads plain-text seeds: the share of right titles and right dates on the texts
in bench/webpages/, against each bench/webpages/expected-text*.json (a path relative to
bench/webpages -> its title, its date, YYYY-MM-DD or null, and snippets that must not be in its
body): expected-text.json for the texts the rules were written with (texts/), and
expected-text-heldout.json for texts written after them and never tuned on (texts-heldout/).

    .venv/bin/python bench/plaintext_eval.py              # the kbgen of this checkout
    .venv/bin/python bench/plaintext_eval.py --at dabbfce # kbgen as it was at a commit
    .venv/bin/python bench/plaintext_eval.py -v           # and every text it got wrong

Only `kbgen.ingest.read_seed` is used, which every version has: a seed's title, date and body.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES = HERE / "webpages"
EXPECTED = sorted(PAGES.glob("expected-text*.json"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--at", help="a commit: measure kbgen as it was there")
    parser.add_argument("-v", "--verbose", action="store_true", help="show every text read wrong")
    args = parser.parse_args()
    if args.at:
        return _at_commit(args.at, args.verbose)
    _measure(args.verbose)
    return 0


def _at_commit(commit: str, verbose: bool) -> int:
    """Runs this script again with the `kbgen` package of `commit` first on the path."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", commit, "kbgen"], cwd=HERE.parent, capture_output=True, check=True
    ).stdout
    with tempfile.TemporaryDirectory() as folder:
        with tarfile.open(fileobj=BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        env = {**os.environ, "PYTHONPATH": folder}
        command = [sys.executable, __file__, *(["-v"] if verbose else [])]
        return subprocess.run(command, env=env, check=False).returncode


def _measure(verbose: bool) -> None:
    import kbgen

    print(f"kbgen from {Path(kbgen.__file__).parent}")
    for expected in EXPECTED:
        _measure_one(expected, verbose)


def _measure_one(expected_file: Path, verbose: bool) -> None:
    from kbgen.config import Config
    from kbgen.ingest import read_seed

    expected = json.loads(expected_file.read_text("utf-8"))
    titles = dates = clean = 0
    wrong = []
    for name, want in expected.items():
        seed = read_seed(PAGES / name, Path(name), Config())
        date = str(seed.date)[:10] if seed.date else None
        left = [snippet for snippet in want["boilerplate"] if snippet in seed.body]
        titles += seed.title == want["title"]
        dates += date == want["date"]
        clean += not left
        if seed.title != want["title"]:
            wrong.append(f"  {name}: title {seed.title!r}, expected {want['title']!r}")
        if date != want["date"]:
            wrong.append(f"  {name}: date {date}, expected {want['date']}")
    n = len(expected)
    print(
        f"{expected_file.name}: {n} texts: titles right {titles}/{n} ({titles / n:.0%}), "
        f"dates right {dates}/{n} ({dates / n:.0%}), bodies without their boilerplate {clean}/{n} ({clean / n:.0%})"
    )
    if verbose:
        print("\n".join(wrong))


if __name__ == "__main__":
    sys.exit(main())
