"""Where a built site's bytes and files go, by kind of file, per article.

    .venv/bin/python bench/site_size.py bench/.work/n1000/out/kbgen [--articles N] [--json FILE]

A benchmark helper, not a test: it reads a site kbgen built and sums its files' sizes by kind
(article pages, entity pages, per-entity feeds, api/ files, Pagefind's fragments and index...),
as bytes on disk would count them for a host (apparent size, each hard link once).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

KINDS = (  # (kind, test on the path relative to the site), the first that matches wins
    ("article pages", lambda p: p.startswith("articles/") and p.endswith(".html")),
    ("entity pages", lambda p: p.startswith("entities/") and p.endswith(".html")),
    ("entity feeds", lambda p: p.startswith("entities/") and p.endswith(".xml")),
    ("pagefind fragments", lambda p: p.startswith("pagefind/") and "/fragment/" in p),
    ("pagefind index", lambda p: p.startswith("pagefind/") and "/index/" in p),
    ("pagefind filters", lambda p: p.startswith("pagefind/") and "/filter/" in p),
    ("pagefind runtime", lambda p: p.startswith("pagefind/")),
    ("api/graph.gexf", lambda p: p == "api/graph.gexf"),
    ("api/graph.json", lambda p: p == "api/graph.json"),
    ("api/ (other)", lambda p: p.startswith("api/")),
    ("static/finder-data.js", lambda p: p == "static/finder-data.js"),
    ("tag pages", lambda p: p.startswith("tags/")),
    ("graph.html", lambda p: p == "graph.html"),
    ("other", lambda p: True),
)


def account(site: Path) -> dict[str, dict[str, int]]:
    """{kind: {"files": n, "bytes": n}}, and "total"."""
    sums = {kind: {"files": 0, "bytes": 0} for kind, _ in KINDS}
    seen: set[tuple[int, int]] = set()
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        status = path.stat()
        if (status.st_dev, status.st_ino) in seen:
            continue
        seen.add((status.st_dev, status.st_ino))
        name = path.relative_to(site).as_posix()
        kind = next(kind for kind, test in KINDS if test(name))
        sums[kind]["files"] += 1
        sums[kind]["bytes"] += status.st_size
    sums = {kind: value for kind, value in sums.items() if value["files"]}
    sums["total"] = {
        "files": sum(v["files"] for v in sums.values()),
        "bytes": sum(v["bytes"] for v in sums.values()),
    }
    return sums


def table(sums: dict[str, dict[str, int]], articles: int) -> str:
    lines = [
        "| kind | files | MB | files / article | KB / article |",
        "|---|---|---|---|---|",
    ]
    for kind, value in sorted(sums.items(), key=lambda item: (item[0] == "total", -item[1]["bytes"])):
        lines.append(
            f"| {kind} | {value['files']:,} | {value['bytes'] / 1e6:.1f} | "
            f"{value['files'] / articles:.2f} | {value['bytes'] / 1e3 / articles:.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--articles", type=int, help="articles in the site (default: its article pages)")
    parser.add_argument("--json", type=Path, help="also write the sums as JSON")
    args = parser.parse_args(argv)
    sums = account(args.site)
    articles = args.articles or sums.get("article pages", {}).get("files") or 1
    print(f"{args.site}: {articles} articles")
    print(table(sums, articles))
    if args.json:
        args.json.write_text(json.dumps({"articles": articles, "kinds": sums}, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
