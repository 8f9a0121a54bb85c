"""How well kbgen's ingest reads saved pages: clean titles, right dates, no boilerplate.

Reads every bench/webpages/expected-*.json (each maps a page's path, relative to bench/webpages/,
to {"title": ..., "date": "YYYY-MM-DD" or null, "boilerplate": [snippets the body must not
have]}), copies those pages into the seeds/ of a temporary project (folders kept: pages are read
site by site, or folder by folder), runs kbgen's ingest on it and compares each page it makes.

    .venv/bin/python bench/webpages.py              # the kbgen installed in .venv
    .venv/bin/python bench/webpages.py --kbgen DIR  # another checkout of kbgen (DIR holds kbgen/)
    .venv/bin/python bench/webpages.py -v           # and every miss, page by page
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent / "webpages"


def expectations() -> dict[str, dict[str, dict]]:
    """{kind ('html', 'text'): {page path: what it should give}}."""
    return {
        path.stem.removeprefix("expected-"): json.loads(path.read_text("utf-8"))
        for path in sorted(HERE.glob("expected-*.json"))
    }


def normal(text: object) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text)).split())


def run(kind: str, expected: dict[str, dict], verbose: bool) -> dict[str, object]:
    from kbgen.ingest import ingest
    from kbgen.pages import parse_page
    from kbgen.project import Project

    with tempfile.TemporaryDirectory(prefix="kbgen-webpages-") as folder:
        root = Path(folder)
        for relative in expected:
            target = root / "seeds" / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(HERE / relative, target)
        report = ingest(Project.load(root))
        made = {}
        for page in report.written:
            parsed = parse_page(page.read_text("utf-8"))
            made[str(parsed.meta["source"]).removeprefix("seeds/")] = parsed
    titles = dates = dated = clean = 0
    misses = []
    for relative, wanted in expected.items():
        page = made.get(relative)
        if page is None:
            misses.append(f"{relative}: no page made")
            continue
        title = normal(page.meta.get("title", ""))
        if title == normal(wanted["title"]):
            titles += 1
        else:
            misses.append(f"{relative}: title {title!r}, not {wanted['title']!r}")
        day = str(page.meta["date"])[:10] if page.meta.get("date") else None
        if wanted["date"]:
            dated += 1
            dates += day == wanted["date"]
        if day != wanted["date"]:
            misses.append(f"{relative}: date {day}, not {wanted['date']}")
        # verbatim, case included: a kicker in capitals ("ÉCONOMIE") is not the word in a sentence
        left = [s for s in wanted.get("boilerplate", []) if normal(s) in normal(page.body)]
        clean += not left
        if left:
            misses.append(f"{relative}: boilerplate left: {', '.join(left)}")
    if verbose and misses:
        print("\n".join(f"  {kind}: {miss}" for miss in misses))
    total = len(expected)
    return {
        "kind": kind,
        "pages": total,
        "clean titles": f"{titles}/{total} ({100 * titles / total:.0f} %)",
        "dated right": f"{dates}/{dated} ({100 * dates / max(dated, 1):.0f} %)",
        "no boilerplate": f"{clean}/{total} ({100 * clean / total:.0f} %)",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kbgen", type=Path, help="a checkout of kbgen to measure instead of the installed one")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    if args.kbgen:
        sys.path.insert(0, str(args.kbgen.resolve()))
    import kbgen

    print(f"kbgen from {Path(kbgen.__file__).parent}")
    print("| seeds | pages | clean titles | dated right (of dated pages) | no boilerplate |")
    print("|---|---|---|---|---|")
    for kind, expected in expectations().items():
        result = run(kind, expected, args.verbose)
        print(
            f"| {kind} | {result['pages']} | {result['clean titles']} | {result['dated right']} | {result['no boilerplate']} |"
        )


if __name__ == "__main__":
    main()
