#!/usr/bin/env python3
"""Glued and overlong spans on bench/run.py's generated corpus, whose every name comes from a
pool of known names (issue 18): mentions that are no known name, by what is wrong with them.

Run with kbgen's own interpreter: `.venv/bin/python bench/glued_spans.py [--articles 300]
[--seed 2024] [--examples 5]`. Mentions are kbgen's (extract, then the corpus-wide
common-word check), before resolution. Kinds, in this order:
- glued: the mention is two known names one after the other ('De Souza Agroalimentaire Chloé
  Gauthier'), perhaps joined by a lowercase word ('De Souza et M. Muller', 'X sur Le Monde');
- cut: a part of a known name that the words around it in the text complete ('Vidal' of
  'Vidal Conseil', 'Monde' of 'Le Monde');
- opening word: a capitalised word the model's vocabulary calls a stop word opens it ('À Évreux');
- closing word: it ends with a lowercase word ('De Souza Transports à', 'Vidal Conseil réunis');
- inner word: another lowercase word inside;
- other: the rest of the unknown names;
- headed: a lowercase head noun opens it ('port de Sète', 'région Bretagne'): kept on purpose
  (name_edges.with_name_head), shown apart, no defect.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import run as generated
from entity_types import generated_articles, known_kinds

KINDS = ("glued", "cut", "opening word", "closing word", "inner word", "other", "headed")


def kind_of(name: str, known: dict[str, str], parts: set[str], stop_words: set[str], fold) -> str | None:
    """What is wrong with the mention `name`; None when it is a known name (or part of one)."""
    if fold(name) in known:
        return None
    words = name.split(" ")
    for cut in range(1, len(words)):
        left = " ".join(words[:cut])
        for skip in (0, 1, 2):  # a joining word, perhaps with a title: 'et M.'
            right = " ".join(words[cut + skip :])
            joint = words[cut : cut + skip]
            if right and all(w.islower() or w.endswith(".") for w in joint):
                if fold(left) in known and fold(right) in known:
                    return "glued"
    if words[0][:1].islower():
        return "headed"
    if len(words) > 1 and words[0].lower() in stop_words and fold(" ".join(words[1:])) in parts:
        return "opening word"
    if len(words) > 1 and re.sub(r"^\w+’", "", words[-1])[:1].islower():
        return "closing word"
    if any(re.fullmatch(r"[a-zà-ÿ]+", w) for w in words[1:-1]):
        return "inner word"
    return "other"


def cut_from(mention, text: str, known: dict[str, str], fold) -> bool:
    """Whether the words around `mention` in `text` make a known name it is only part of
    ('Vidal' of 'Vidal Conseil', 'Monde' of 'Le Monde')."""
    before = re.findall(r"\S+", text[max(0, mention.start - 60) : mention.start])[1:]  # the first may be cut
    after = re.findall(r"[^\s,.;:)]+", text[mention.end : mention.end + 60].split("\n")[0])[:4]
    for i in range(min(4, len(before)) + 1):
        for j in range(len(after) + 1):
            words = before[len(before) - i :] + [mention.text] + after[:j]
            if (i or j) and fold(" ".join(words)) in known:
                return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--examples", type=int, default=5)
    args = parser.parse_args()

    from kbgen.extract import extract, language_of, load_pipeline
    from kbgen.names import fold
    from kbgen.ner import without_common_words

    articles = generated_articles(args.articles, args.seed)
    nlp = load_pipeline(generated.MODEL)
    language = language_of(nlp)
    mentions = without_common_words(extract(articles, nlp), articles, language).mentions
    known = known_kinds()
    # Parts of known names are no defect here ('Gauthier', 'M. Gauthier', 'Vidal' of 'Vidal Conseil').
    parts = {
        fold(" ".join(w[i:j]))
        for k in known
        for w in [k.split(" ")]
        for i in range(len(w))
        for j in range(i + 1, len(w) + 1)
    }
    counts: Counter[str] = Counter()
    names: dict[str, Counter[str]] = defaultdict(Counter)
    texts = {a.slug: a.text for a in articles}
    for mention in mentions:
        kind = None if fold(mention.text) in parts else kind_of(mention.text, known, parts, language.stop_words(), fold)
        if kind is None and fold(mention.text) not in known and cut_from(mention, texts[mention.article], known, fold):
            kind = "cut"
        if kind:
            counts[kind] += 1
            names[kind][mention.text] += 1
    print(f"mentions: {len(mentions)}, of no known name (headed apart): {sum(counts.values()) - counts['headed']}")
    for kind in KINDS:
        examples = ", ".join(f"{n} ({c})" for n, c in names[kind].most_common(args.examples))
        print(f"{kind:13} {counts[kind]:6d} mentions {len(names[kind]):5d} names  {examples}")


if __name__ == "__main__":
    main()
