"""The review queue measured: how many of the entities `kbgen entities --suspicious` flags are
really wrong, on a project of mixed French news.

Assembles the project in DIR (which must not exist):
- 150 articles from bench/run.py's generator (seed 1), as Markdown;
- the saved web pages and text seeds of bench/webpages/ (every folder, held-out ones too: no
  rule of the queue was tuned on them);
- the historical articles of ../shared/corpus/dev, as text seeds, when that folder exists;
- the hand-written articles of bench/suspicious/ (homonyms, page furniture, acronyms);
builds it, then writes `kbgen entities --suspicious --json` to DIR/queue.json and prints the
counts, and the share of the queue judged wrong by hand in bench/results/suspicious-judged.json
("name|TYPE" -> {"wrong": bool, "why": ...}: an entity is judged as typed, since a type the rules
change may make it right or wrong; entities of the queue not judged there are listed).

    .venv/bin/python bench/suspicious.py DIR
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
DEV = BENCH.parent.parent / "shared" / "corpus" / "dev" / "articles"
GENERATED = 150
JUDGED = BENCH / "results" / "suspicious-judged.json"


def assemble(project: Path) -> None:
    sys.path.insert(0, str(BENCH))
    from run import make_corpus  # bench/run.py's generator

    articles = project / "content" / "articles"
    articles.mkdir(parents=True)
    (project / "kbgen.yml").write_text("model: fr_core_news_sm\n", "utf-8")
    for name, text in make_corpus(GENERATED, seed=1):
        (articles / name).write_text(text, "utf-8")
    seeds = project / "seeds"
    for folder in sorted(p for p in (BENCH / "webpages").iterdir() if p.is_dir()):
        shutil.copytree(folder, seeds / folder.name)
    if DEV.is_dir():
        shutil.copytree(DEV, seeds / "dev")
    shutil.copytree(BENCH / "suspicious", seeds / "suspicious")


def main() -> None:
    project = Path(sys.argv[1])
    assemble(project)
    kbgen = [sys.executable, "-m", "kbgen"]
    subprocess.run([*kbgen, "build", "--project", str(project)], check=True, capture_output=True)
    every = subprocess.run([*kbgen, "entities", "--project", str(project), "--json"], check=True, capture_output=True)
    queue = subprocess.run(
        [*kbgen, "entities", "--project", str(project), "--suspicious", "--json"], check=True, capture_output=True
    )
    (project / "queue.json").write_bytes(queue.stdout)
    articles = len(list((project / "content" / "articles").glob("*.md")))
    total, flagged = len(json.loads(every.stdout)), [f"{e['name']}|{e['type']}" for e in json.loads(queue.stdout)]
    print(f"{articles} articles, {total} entities, {len(flagged)} flagged ({100 * len(flagged) / total:.1f}%)")
    judged = json.loads(JUDGED.read_text("utf-8"))
    wrong = sum(judged[name]["wrong"] for name in flagged if name in judged)
    print(f"judged wrong: {wrong} of {len(flagged)} flagged ({100 * wrong / max(1, len(flagged)):.1f}%)")
    print("not judged:", [name for name in flagged if name not in judged])


if __name__ == "__main__":
    main()
