"""`kbgen eval` on a judged list: the entity pages kbgen makes from a folder of seeds, scored
against the names a reader expects, judged by hand.

The folder holds `seeds/` (texts and saved pages, with their furniture) and `judged.yml`: per
seed (its path relative to the folder), the expected names by type (`PER`, `ORG`, `LOC`,
`MISC`; a key `ORG/LOC` accepts either type) and, under `not`, furniture and common words that
must never become entities. The seeds go through ingest as in a build, so what ingest removes
counts. Scores are per type at two levels: `document` (each document's unique entities, by
their entity's name and type) and `pages` (the unique entities of the whole set: the pages of
the site). A predicted entity is right when its name is expected in that document (anywhere, for
pages) with that type. An expected name is found when an entity of its type has it as its name,
or is written so in that document: an acronym merged into its expansion ('CNRS' on the page of
the 'Centre national de la recherche scientifique'), a surname into its person, is on that page.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from kbgen.errors import BuildError, Problem
from kbgen.evaluate import normalize
from kbgen.yamlfile import YamlSyntaxError, load_mapping

JUDGED_FILE = "judged.yml"
TYPES = ("PER", "ORG", "LOC", "MISC")
NOT_KEY = "not"


@dataclass(frozen=True)
class Judged:
    """One document's judgment: normalised name -> the types accepted (the first is its own)."""

    expected: dict[str, tuple[str, ...]]
    not_entities: frozenset[str]


# document -> {(entity name, type): the names its mentions in the document are written as}
Predicted = dict[str, dict[tuple[str, str], set[str]]]


def is_judged(folder: Path) -> bool:
    return (folder / JUDGED_FILE).is_file()


def load_judged(folder: Path) -> dict[str, Judged]:
    """The judgments of `folder`/judged.yml, each for a seed that exists."""
    path = folder / JUDGED_FILE
    try:
        located = load_mapping(path.read_text("utf-8"))
    except (YamlSyntaxError, UnicodeDecodeError) as exc:
        raise BuildError([Problem(path, getattr(exc, "line", None), str(exc), "fix the YAML")]) from None
    return {
        str(doc): _judgment(folder, str(doc), lists, path, located.key_lines.get(doc))
        for doc, lists in located.data.items()
    }


def _judgment(folder: Path, doc: str, lists, path: Path, line: int | None) -> Judged:
    def problem(what: str) -> BuildError:
        hint = f"map each seed to lists under {', '.join(TYPES)}, 'A/B' or '{NOT_KEY}'"
        return BuildError([Problem(path, line, f"{doc}: {what}", hint)])

    if not (folder / doc).is_file():
        raise problem("no such seed in the folder")
    if not isinstance(lists, dict):
        raise problem("not a mapping of lists")
    expected: dict[str, tuple[str, ...]] = {}
    for key, names in lists.items():
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise problem(f"'{key}' is not a list of names")
        types = tuple(str(key).split("/"))
        if key != NOT_KEY and not set(types) <= set(TYPES):
            raise problem(f"unknown type '{key}'")
        if key != NOT_KEY:
            expected.update((normalize(n), types) for n in names)
    return Judged(expected, frozenset(normalize(n) for n in lists.get(NOT_KEY, [])))


def ingested_articles(folder: Path):
    """The articles a build makes of `folder`/seeds, ingested in a scratch project with the
    default settings, each with its seed's path (relative to `folder`) as `source`."""
    from kbgen.articles import read_articles
    from kbgen.ingest import ingest
    from kbgen.project import Layout, Project

    with tempfile.TemporaryDirectory(prefix="kbgen-eval-") as scratch:
        project = Project.load(Path(scratch))
        shutil.copytree(Layout.of(folder).seeds, project.seeds)
        report = ingest(project)
        articles, problems = read_articles(project)
    errors = [p for p in [*report.problems, *problems] if p.severity == "error"]
    if errors:
        raise BuildError(errors)
    return articles


def predict(articles, nlp, curation=None, raw: bool = False) -> Predicted:
    """Each document's entities (by seed path): the name and type of the entity each mention
    resolves to; or, with `raw`, the model's own spans and labels (the baseline)."""
    from kbgen.evaluate import resolved_entities

    predicted: Predicted = {a.source: {} for a in articles}
    if raw:
        for a in articles:
            for e in nlp(a.text).ents:
                predicted[a.source].setdefault((e.text, e.label_), set()).add(e.text)
        return predicted
    source = {a.slug: a.source for a in articles}
    for entity in resolved_entities(articles, nlp, curation):
        for m in entity.mentions:
            predicted[source[m.article]].setdefault((entity.name, entity.type), set()).add(m.text)
    return predicted


def score(judged: dict[str, Judged], predicted: Predicted) -> dict:
    """P/R/F1 per type and micro at the document and pages levels, and the errors by kind."""
    counts: dict[str, dict[str, Counter[str]]] = {
        level: {t: Counter() for t in TYPES} for level in ("document", "pages")
    }
    errors: dict[str, Counter[str]] = {k: Counter() for k in ("not a name", "wrong type", "furniture", "missed")}
    everywhere: dict[str, list[str]] = {}  # name -> every type it is accepted with, its first judgment's first
    for j in judged.values():
        for name, types in j.expected.items():
            everywhere.setdefault(name, []).extend(types)
    pages: dict[tuple[str, str], str] = {}
    pages_written: set[tuple[str, str]] = set()
    for doc, j in judged.items():
        found = {(normalize(n), t): n for n, t in predicted.get(doc, {}) if t in TYPES}
        written = {(normalize(w), t) for (_, t), ws in predicted.get(doc, {}).items() for w in ws} | set(found)
        pages.update((key, name) for key, name in found.items() if key not in pages)
        pages_written |= written
        for (name, t), shown in found.items():
            right = t in j.expected.get(name, ())
            counts["document"][t].update(pred=1, tp_pred=right)
            if not right:
                kind = "wrong type" if name in j.expected else "furniture" if name in j.not_entities else "not a name"
                errors[kind][f"{t}: {shown}"] += 1
        for name, types in j.expected.items():
            hit = any((name, t) in written for t in types)
            counts["document"][types[0]].update(gold=1, tp_gold=hit)
            if not hit:
                errors["missed"][f"{types[0]}: {name}"] += 1
    for (name, t), _ in pages.items():
        counts["pages"][t].update(pred=1, tp_pred=t in everywhere.get(name, ()))
    for name, accepted in everywhere.items():
        counts["pages"][accepted[0]].update(gold=1, tp_gold=any((name, t) in pages_written for t in accepted))
    scores = {
        level: {t: _prf(c) for t, c in [*per_type.items(), ("micro", sum(per_type.values(), Counter()))]}
        for level, per_type in counts.items()
    }
    return {"scores": scores, "errors": {k: dict(c.most_common()) for k, c in errors.items()}}


def _prf(c: Counter) -> dict[str, float]:
    p = c["tp_pred"] / c["pred"] if c["pred"] else 0.0
    r = c["tp_gold"] / c["gold"] if c["gold"] else 0.0
    return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0, "gold": c["gold"], "pred": c["pred"]}


def report(result: dict, top: int = 12) -> str:
    lines = [f"{'level':<9} {'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for level, per_type in result["scores"].items():
        lines += [
            f"{level:<9} {t:<6} {s['P'] * 100:6.1f} {s['R'] * 100:6.1f} {s['F1'] * 100:6.1f} {s['gold']:6d} {s['pred']:6d}"
            for t, s in per_type.items()
        ]
    for kind, items in result["errors"].items():
        lines.append(f"{kind} ({sum(items.values())} in documents):")
        lines += [f"  {n:4d}  {what}" for what, n in list(items.items())[:top]]
    return "\n".join(lines)
