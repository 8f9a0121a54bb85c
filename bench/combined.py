"""Every judged set of bench/ as one corpus, the way issue 18's held-out check reads its pages:
the sets' seeds in one project, their judgments in one list. Prints `kbgen eval` of the whole,
then the most-cited entities of the site built from it, each marked by the judgments (right,
wrong type, listed as no name, judged nowhere), and the persons one of whose names is judged a
place only. With --queue, the review queue (`kbgen entities --suspicious`) of that site judged
the same way: the share of its entities really wrong, on judgments none of its weights was
chosen on, beside the share wrong among every judged entity.

    .venv/bin/python bench/combined.py [--top 30] [--queue] [--keep DIR] [SET ...]

SET defaults to every bench/modern_news* folder. Runs `python -m kbgen` of this interpreter.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

from kbgen.evaluate import normalize

BENCH = Path(__file__).resolve().parent


def fold(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold().strip()


def combine(sets: list[Path], folder: Path) -> dict:
    """The sets' seeds under folder/seeds/<set>/, their judgments in folder/judged.yml."""
    judged = {}
    for one in sets:
        for seed, names in (yaml.safe_load((one / "judged.yml").read_text("utf-8")) or {}).items():
            target = Path("seeds", one.name, *Path(seed).parts[1:])
            (folder / target).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(one / seed, folder / target)
            judged[target.as_posix()] = names
    (folder / "judged.yml").write_text(yaml.safe_dump(judged, allow_unicode=True, sort_keys=True), "utf-8")
    return judged


def kbgen(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "kbgen", *args], capture_output=True, text=True, cwd="/")
    if done.returncode:
        sys.exit(f"kbgen {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def built_entities(folder: Path) -> list[dict]:
    """The entities of the site built from folder/seeds as one project (folder/project)."""
    project = folder / "project"
    kbgen("new", str(project))
    for example in (project / "content/articles").glob("*.md"):
        example.unlink()
    shutil.copytree(folder / "seeds", project / "seeds", dirs_exist_ok=True)
    kbgen("build", "--project", str(project), "--out", str(project / "_site"))
    return json.loads((project / "_site/api/entities.json").read_text("utf-8"))


def verdicts(judged: dict) -> tuple[dict[str, set[str]], set[str]]:
    """Each judged name (folded) -> the types it may have; the names listed as no names."""
    types: dict[str, set[str]] = defaultdict(set)
    nots: set[str] = set()
    for names in judged.values():
        for kind, listed in names.items():
            for name in listed or ():
                if kind == "not":
                    nots.add(fold(str(name)))
                else:
                    types[fold(str(name))].update(kind.split("/"))
    return types, nots


def verdict(entity: dict, types: dict[str, set[str]], nots: set[str]) -> str:
    forms = [fold(entity["name"]), *map(fold, entity["aliases"])]
    judged = [types[f] for f in forms if f in types]
    if any(entity["type"] in t for t in judged):
        return "right"
    if judged:
        return f"wrong type (judged {'/'.join(sorted(set().union(*judged)))})"
    return "not a name (listed)" if any(f in nots for f in forms) else "judged nowhere"


def judge_queue(project: Path, judged: dict, entities: list[dict]) -> None:
    """The review queue (`kbgen entities --suspicious`) judged as `kbgen eval` judges a
    document's entities: an entity is wrong in a document whose judgment does not expect its
    name with its type, and wrong when it is wrong in most of the judged documents it is in.
    The same for every entity, to compare."""
    listed = json.loads(kbgen("entities", "--project", str(project), "--suspicious", "--json"))
    source = {}
    for path in (project / "content" / "articles").glob("*.md"):
        front = path.read_text("utf-8").split("\n---\n", 1)[0].removeprefix("---\n")
        source[path.stem] = (yaml.safe_load(front) or {}).get("source")
    expected = {
        doc: {normalize(str(n)): kind.split("/") for kind, names in lists.items() if kind != "not" for n in names or ()}
        for doc, lists in judged.items()
    }

    def wrong_in(entity: dict) -> tuple[int, int]:
        docs = [source.get(slug) for slug in entity["articles"]]
        judged_docs = [expected[d] for d in docs if d in expected]
        right = sum(entity["type"] in j.get(normalize(entity["name"]), ()) for j in judged_docs)
        return len(judged_docs) - right, len(judged_docs)

    every = {e["slug"]: e for e in entities}
    queue = [every[e["slug"]] for e in listed if e["slug"] in every]
    for title, group in (("review queue", queue), ("every entity", entities)):
        verdicts = [wrong_in(e) for e in group]
        judged_ones = sum(1 for _, n in verdicts if n)
        wrong = sum(1 for w, n in verdicts if n and 2 * w > n)
        print(
            f"{title}: {len(group)} entities ({100 * len(group) / max(1, len(entities)):.1f}%), {judged_ones} in a "
            f"judged document, {wrong} wrong in most of theirs ({100 * wrong / max(1, judged_ones):.1f}%)"
        )
    for entity in queue:
        w, n = wrong_in(entity)
        print(f"  {entity['name'][:40]:40} {entity['type']:4} {entity['mentions']:4}  wrong in {w} of {n} documents")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--queue", action="store_true", help="judge the review queue too")
    parser.add_argument("--keep", type=Path, help="build in this new folder and keep it")
    args = parser.parse_args()
    sets = [s.resolve() for s in args.sets] or sorted(p for p in BENCH.glob("modern_news*") if p.is_dir())
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep.resolve() if args.keep else Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        judged = combine(sets, folder)
        print(f"{len(judged)} judged items of {len(sets)} sets, as one corpus")
        print(kbgen("eval", str(folder)))
        entities = built_entities(folder)
        types, nots = verdicts(judged)
        entities.sort(key=lambda e: (-len(e["articles"]), -e["mentions"], e["name"]))
        counts: dict[str, int] = defaultdict(int)
        print(f"The {args.top} most-cited entities (articles, mentions):")
        for rank, entity in enumerate(entities[: args.top], 1):
            said = verdict(entity, types, nots)
            counts[said.split(" (")[0]] += 1
            print(
                f"{rank:3} {entity['name'][:40]:40} {entity['type']:4} {len(entity['articles']):3} {entity['mentions']:4}  {said}"
            )
        print("  " + ", ".join(f"{kind}: {n}" for kind, n in sorted(counts.items())))
        place_only = {name for name, kinds in types.items() if kinds == {"LOC"}}
        for entity in entities:
            if entity["type"] == "PER" and any(fold(a) in place_only for a in entity["aliases"]):
                print(f"person with a place alias: {entity['name']} {entity['aliases']}")
        if args.queue:
            judge_queue(folder / "project", judged, entities)


if __name__ == "__main__":
    main()
