#!/usr/bin/env python3
"""Times kbgen.graph on a real network: every entity's neighbourhood picture (as render.py draws
them), the whole-graph picture, GEXF and JSON.

    .venv/bin/python bench/graph.py [--against REV] [--graph PATH] [--repeat N]

The network is read from a built site's api/graph.json (default: the 1,000-article bench corpus;
bench/run.py deletes that site while it builds, so a copy elsewhere is safer). Each step runs
--repeat times and the fastest run counts. With --against, kbgen/graph.py as of git revision REV
is loaded as a second module and timed in the same process, its runs alternating with the
current one's so that the ratios hold on a noisy machine; the results of both are compared (the
pictures byte for byte), except for the two export files, whose format may change.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import astuple
from pathlib import Path
from types import SimpleNamespace

REPO_DIR = Path(__file__).resolve().parent.parent
DEFAULT_GRAPH = REPO_DIR / "bench/.work/n1000/kbgen/_site/api/graph.json"
sys.path.insert(0, str(REPO_DIR))


def load(rev: str | None):
    """kbgen's drawing of the network as it is now (kbgen.graph_svg, with kbgen.graph's data
    types and exports), or as of git revision `rev` (kbgen/graph_svg.py there, or kbgen/graph.py
    in revisions from before the picture had a module of its own)."""
    if rev is None:
        import kbgen.graph
        import kbgen.graph_svg

        return SimpleNamespace(**(vars(kbgen.graph) | vars(kbgen.graph_svg)))

    def show(path: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", "-C", str(REPO_DIR), "show", f"{rev}:{path}"], capture_output=True, text=True)

    shown = show("kbgen/graph_svg.py")
    source = (shown if shown.returncode == 0 else show("kbgen/graph.py")).stdout
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph_before.py"
        path.write_text(source)
        spec = importlib.util.spec_from_file_location("graph_before", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return module


def steps(g, data):
    nodes = [g.Node(n["id"], n["name"], n["type"], n["mentions"]) for n in data["nodes"]]
    edges = [g.Edge(e["source"], e["target"], e["weight"]) for e in data["edges"]]

    # Each entity with its strongest neighbours, as render.py draws it (from co-mention counts).
    by_slug = {n.slug: n for n in nodes}
    links = {n.slug: [] for n in nodes}
    for e in edges:
        links[e.source].append((e.weight, e.target))
        links[e.target].append((e.weight, e.source))
    stars = {slug: sorted(near, key=lambda wn: (-wn[0], wn[1]))[:25] for slug, near in links.items()}

    def pictures():
        out = []
        for n in nodes:
            if stars[n.slug]:
                around = [g.Node(slug, by_slug[slug].name, by_slug[slug].type, w) for w, slug in stars[n.slug]]
                out.append(
                    g.draw(
                        [n] + around,
                        [g.Edge(n.slug, a.slug, a.mentions) for a in around],
                        lambda slug: f"{slug}.html",
                        f"Around {n.name}",
                        width=640,
                        height=420,
                        layout=g.radial_layout(n.slug),
                    ).svg
                )
        return out

    def whole():
        return g.draw(nodes, edges, lambda slug: f"entities/{slug}.html", "The network").svg

    return {
        "draw x all neighbourhoods": pictures,
        "draw whole graph": whole,
        "to_gexf": lambda: g.to_gexf(nodes, edges),
        "to_json": lambda: g.to_json(nodes, edges),
    }


def plain(result):
    """Nodes and edges as tuples, comparable with those of another version of the module."""
    if isinstance(result, (list, tuple)):
        return [plain(item) for item in result]
    return astuple(result) if hasattr(result, "__dataclass_fields__") else result


def timed(steps, repeat):
    """The fastest time of each step and its result, the steps taking turns."""
    best, results = [float("inf")] * len(steps), [None] * len(steps)
    for _ in range(repeat):
        for i, step in enumerate(steps):
            start = time.perf_counter()
            results[i] = step()
            best[i] = min(best[i], time.perf_counter() - start)
    return best, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", metavar="REV", help="also time kbgen/graph.py as of this git revision")
    parser.add_argument("--graph", type=Path, default=DEFAULT_GRAPH, help="a built site's api/graph.json")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each step; the fastest counts")
    parser.add_argument("--steps", default="", help="only the steps whose name contains this")
    args = parser.parse_args()
    data = json.loads(args.graph.read_text())
    print(f"{len(data['nodes'])} nodes, {len(data['edges'])} edges")
    now = steps(load(None), data)
    before = steps(load(args.against), data) if args.against else None
    print(f"{'step':28} {'now s':>8}" + (f" {'before s':>9} {'speed-up':>9}  same result" if before else ""))
    for name, step in now.items():
        if args.steps not in name:
            continue
        (seconds, *old_seconds), (result, *old_result) = timed([step] + ([before[name]] if before else []), args.repeat)
        line = f"{name:28} {seconds:8.3f}"
        if before:
            same = "" if name.startswith("to_") else "yes" if plain(result) == plain(old_result[0]) else "NO"
            line += f" {old_seconds[0]:9.3f} {old_seconds[0] / seconds:8.1f}x  {same}"
        print(line, flush=True)


if __name__ == "__main__":
    main()
