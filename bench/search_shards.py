"""Which pages make the search index's shards be indexed again: `kbgen build` as usual (the same
arguments), printing, when the build compares its pages with the live site's, how many pages
changed by kind, those of them whose searchable part changed (kbgen.searchable: what Pagefind
reads), and the shards indexed again.

    .venv/bin/python bench/search_shards.py build --project PROJECT --out SITE --jobs 2

Run it on a built site after an edit (an article added, say) to see what the edit reaches.
"""

from __future__ import annotations

import sys
from collections import Counter

from kbgen import cli, search

_stale_shards = search._stale_shards


def reporting_stale_shards(site, live, changed, indexed, shards):
    kinds = Counter(path.split("/")[0] if "/" in path else "pages at the root" for path in changed)
    print(f"changed pages: {len(changed)} ({', '.join(f'{k} {n}' for k, n in kinds.most_common())})", file=sys.stderr)
    searchable = sorted(
        path
        for path in changed & set(indexed)
        if search.searchable_digest(site / path) != search.searchable_digest(live / path)
    )
    print(f"of which Pagefind reads a change: {len(searchable)}: {', '.join(searchable[:20])}", file=sys.stderr)
    stale = _stale_shards(site, live, changed, indexed, shards)
    print(f"shards indexed again: {len(stale)} of {shards}", file=sys.stderr)
    return stale


if __name__ == "__main__":
    search._stale_shards = reporting_stale_shards
    sys.argv = ["kbgen", *sys.argv[1:]]
    cli.main()
