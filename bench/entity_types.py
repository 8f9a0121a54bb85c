#!/usr/bin/env python3
"""How many entities get the right type on bench/run.py's generated corpus, whose every name
comes from a pool of known kind (people, organisations, media, cities, regions, countries).

Run with kbgen's own interpreter: `.venv/bin/python bench/entity_types.py [--articles 300]`.
It prints the entities of a known name by (kind, type kbgen gave) and the share typed right;
entities whose name is in no pool (cut or glued spans, places of the text) are counted apart.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import run as generated


def generated_articles(n: int, seed: int) -> list:
    """The generator's articles 1..n as kbgen Articles, their Markdown body as their text."""
    from kbgen.articles import Article

    articles = []
    for name, page in generated.make_corpus(n, seed):
        body = page.split("---\n", 2)[2]
        articles.append(Article(name, Path(name), name, None, "fr", None, body, body))
    return articles


def known_kinds() -> dict[str, str]:
    """Folded name -> its kind, for every name the generator writes."""
    from kbgen.lang import plain_forms
    from kbgen.names import fold

    pools = generated.Pools(1)
    kinds = {fold(f"{p.first} {p.last}"): "PER" for p in pools.people}
    kinds.update((fold(plain_forms(name)), "ORG") for _, name in pools.orgs)
    kinds.update((fold(name), "ORG") for name in generated.MEDIA)
    kinds.update((fold(plain_forms(name)), "LOC") for name in generated.CITIES + generated.REGIONS)
    # A country's "in" form without its preposition: 'en Allemagne' -> 'Allemagne'.
    kinds.update((fold(plain_forms(forms[1]).split(" ", 1)[1]), "LOC") for forms in generated.COUNTRIES)
    return kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    import spacy

    from kbgen.evaluate import resolved_entities
    from kbgen.names import fold

    articles = generated_articles(args.articles, args.seed)
    kinds = known_kinds()
    counts: Counter[tuple[str, str]] = Counter()
    for entity in resolved_entities(articles, spacy.load(generated.MODEL)):
        counts[kinds.get(fold(entity.name), "unknown"), entity.type] += 1
    for (kind, typed), n in sorted(counts.items()):
        print(f"{kind:8} typed {typed:5} {n:6d}")
    known = {key: n for key, n in counts.items() if key[0] != "unknown"}
    right = sum(n for (kind, typed), n in known.items() if kind == typed)
    print(
        f"entities of a known name: {sum(known.values())}, typed right: {right} ({100 * right / sum(known.values()):.1f}%)"
    )


if __name__ == "__main__":
    main()
