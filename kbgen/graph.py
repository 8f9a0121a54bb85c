"""The entity co-mention network: its nodes and edges, cleaned, and written as a GEXF file for
Gephi and a JSON file (kbgen/graph_svg.py draws it).

Self-contained on purpose (the standard library only, nothing else from kbgen), so it can be
tested and reused on its own. Everything it writes is deterministic: the same nodes and edges, in
any order, give the same bytes, so a rebuilt site only changes when the data does.
"""

from __future__ import annotations

import itertools
import json
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)  # many thousands of them: no __dict__ each
class Node:
    """An entity: `slug` is its id everywhere, `name` is only ever shown (and escaped)."""

    slug: str
    name: str
    type: str  # "PER" | "ORG" | "LOC" | "MISC"
    mentions: int


@dataclass(frozen=True, slots=True)  # many thousands of them: no __dict__ each
class Edge:
    """Two entities named in the same articles; `weight` is how many articles."""

    source: str
    target: str
    weight: int


class Edges(Sequence[Edge]):
    """Edges between `slugs`, kept as three arrays of numbers (where the source and the target
    are in `slugs`, the weight) rather than an Edge each: a large corpus's network has millions
    of edges, and their objects were the largest part of the memory render holds (see
    docs/performance.md, Memory). Read, each is an Edge."""

    __slots__ = ("_slugs", "_sources", "_targets", "_weights")

    def __init__(self, slugs: tuple[str, ...]) -> None:
        self._slugs = slugs
        self._sources, self._targets, self._weights = array("l"), array("l"), array("l")

    def add(self, source: int, target: int, weight: int) -> None:
        """An edge from slugs[source] to slugs[target]."""
        self._sources.append(source)
        self._targets.append(target)
        self._weights.append(weight)

    def __len__(self) -> int:
        return len(self._weights)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return Edge(self._slugs[self._sources[index]], self._slugs[self._targets[index]], self._weights[index])

    def __iter__(self) -> Iterator[Edge]:
        slugs = self._slugs
        for source, target, weight in zip(self._sources, self._targets, self._weights):
            yield Edge(slugs[source], slugs[target], weight)

    def at_least(self, weight: int) -> list[Edge]:
        """The edges of at least this weight, in order: made as Edge objects only for them (most
        of a network's edges weigh 1 or 2)."""
        return [self[index] for index, heavy in enumerate(w >= weight for w in self._weights) if heavy]

    def key_parts(self) -> tuple[tuple[str, ...], bytes, bytes, bytes]:
        """What the edges are made of, for a digest of them (kbgen.keys): read without making
        an Edge each, as a page's key reads a million of them."""
        return self._slugs, self._sources.tobytes(), self._targets.tobytes(), self._weights.tobytes()


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_JSON_STRING = json.JSONEncoder(ensure_ascii=False).encode  # a str as a JSON string, quoted and escaped


# --- the network, cleaned ---------------------------------------------------------------------


def clean_network(nodes: list[Node], edges: Sequence[Edge]) -> tuple[list[Node], Sequence[Edge]]:
    """One node per slug and one edge per pair, both sorted, so every output is independent of
    input order: edges to unknown slugs and self-loops are dropped, an edge given twice (in
    either direction) keeps its largest weight, a slug given twice keeps its largest node."""
    if _already_clean(nodes, edges):
        return nodes, edges  # as render gives them: a million edges need no dictionary of pairs
    by_slug: dict[str, Node] = {}
    for node in nodes:
        kept = by_slug.get(node.slug)
        if kept is None or (node.mentions, node.name, node.type) > (kept.mentions, kept.name, kept.type):
            by_slug[node.slug] = node
    # The kept Edge objects themselves, not new ones: networks are mostly clean already, and
    # building a frozen dataclass costs more than everything else done here for an edge.
    kept_edges: dict[tuple[str, str], Edge] = {}
    for edge in edges:
        source, target = edge.source, edge.target
        if source == target or source not in by_slug or target not in by_slug:
            continue
        pair = (source, target) if source < target else (target, source)
        other = kept_edges.get(pair)
        if other is None or edge.weight > other.weight:
            kept_edges[pair] = edge if source < target else Edge(target, source, edge.weight)
    return [by_slug[slug] for slug in sorted(by_slug)], [kept_edges[pair] for pair in sorted(kept_edges)]


def _already_clean(nodes: list[Node], edges: Sequence[Edge]) -> bool:
    """Nodes in strictly increasing slug order; edges in strictly increasing (source, target)
    order, each from a smaller slug to a larger one, both known."""
    if any(a.slug >= b.slug for a, b in itertools.pairwise(nodes)):
        return False
    slugs = {n.slug for n in nodes}
    previous = None
    for edge in edges:
        pair = (edge.source, edge.target)
        if edge.source >= edge.target or (previous is not None and pair <= previous):
            return False
        previous = pair
    return all(e.source in slugs and e.target in slugs for e in edges)


def select(
    nodes: list[Node], edges: Sequence[Edge], max_nodes: int, max_edges: int
) -> tuple[list[Node], Sequence[Edge]]:
    """The most mentioned nodes and the heaviest edges between them: a picture of thousands of
    nodes is unreadable and slow to lay out."""
    # Both come in clean, sorted by slugs: when everything fits, nothing needs sorting again.
    if len(nodes) > max_nodes:
        kept = sorted(nodes, key=lambda n: (-n.mentions, n.slug))[: max(max_nodes, 0)]
        slugs = {n.slug for n in kept}
        edges = [e for e in edges if e.source in slugs and e.target in slugs]
        nodes = sorted(kept, key=lambda n: n.slug)
    if len(edges) > max_edges:
        heaviest = sorted(edges, key=lambda e: (-e.weight, e.source, e.target))[: max(max_edges, 0)]
        edges = sorted(heaviest, key=lambda e: (e.source, e.target))
    return nodes, edges


# --- files for other tools ---------------------------------------------------------------------


def xml_safe(text: str) -> str:
    """Without the characters XML 1.0 cannot hold at all (most control characters, lone
    surrogates): escaping cannot make them well-formed, so they are dropped."""
    return _NOT_XML.sub("", text)


GEXF_HEAD = """<?xml version='1.0' encoding='utf-8'?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">
<meta>
<creator>kbgen</creator>
</meta>
<graph defaultedgetype="undirected" mode="static" name="">
<attributes mode="static" class="node">
<attribute id="0" title="type" type="string" />
<attribute id="1" title="mentions" type="long" />
</attributes>
"""
_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}
)


def _attribute(text: str) -> str:
    """`text` as an XML attribute value, with no character XML 1.0 cannot hold."""
    return xml_safe(text).translate(_ATTRIBUTE_ESCAPES)


def to_gexf(nodes: list[Node], edges: Sequence[Edge]) -> bytes:
    """The network as GEXF 1.2, for Gephi: node label, type and mentions, edge weight; one
    element a line, so that a diff shows what changed. Written line by line: networkx's writer
    holds the whole network twice more (a graph, then an ElementTree), much slower and with much
    more memory on a large network (docs/performance.md)."""
    nodes, edges = clean_network(nodes, edges)
    node_lines = (
        f'<node id="{_attribute(n.slug)}" label="{_attribute(n.name)}">\n<attvalues>\n'
        f'<attvalue for="0" value="{_attribute(n.type)}" />\n<attvalue for="1" value="{n.mentions:d}" />\n'
        "</attvalues>\n</node>\n"
        for n in nodes
    )
    edge_lines = (
        f'<edge source="{_attribute(e.source)}" target="{_attribute(e.target)}" id="{i}" weight="{e.weight:d}" />\n'
        for i, e in enumerate(edges)
    )
    return _encoded(
        itertools.chain(
            [GEXF_HEAD, "<nodes>\n"],
            node_lines,
            ["</nodes>\n<edges>\n"],
            edge_lines,
            ["</edges>\n</graph>\n</gexf>\n"],
        )
    )


def _encoded(lines: Iterable[str], errors: str = "strict", batch: int = 10_000) -> bytes:
    """The lines joined and encoded as UTF-8 a batch at a time: the text of a million lines is
    never held whole beside its bytes."""
    lines = iter(lines)
    chunks = []
    while batch_lines := list(itertools.islice(lines, batch)):
        chunks.append("".join(batch_lines).encode("utf-8", errors))
    return b"".join(chunks)


def to_json(nodes: list[Node], edges: Sequence[Edge]) -> bytes:
    """The network as JSON, for scripts and other front ends: sorted, and one node or edge a line
    so that a diff shows what changed. Written row by row, each string by the json module's own
    encoder: json.dumps with an indent runs in pure Python, many times slower."""
    nodes, edges = clean_network(nodes, edges)
    string = _JSON_STRING
    node_rows = (
        f'{{"id":{string(n.slug)},"name":{string(n.name)},"type":{string(n.type)},"mentions":{n.mentions:d}}}'
        for n in nodes
    )
    edge_rows = (f'{{"source":{string(e.source)},"target":{string(e.target)},"weight":{e.weight:d}}}' for e in edges)
    # A lone surrogate (undecodable input) cannot be UTF-8; as "\udcxx" it is still valid JSON.
    return _encoded(
        itertools.chain(
            ['{"nodes":'],
            _json_rows(node_rows),
            [',"edges":'],
            _json_rows(edge_rows),
            ["}\n"],
        ),
        "backslashreplace",
    )


def _json_rows(rows: Iterable[str]) -> Iterator[str]:
    """A JSON array of values already written, one a line."""
    first = True
    for row in rows:
        yield ("[\n" if first else ",\n") + row
        first = False
    yield "[]" if first else "\n]"
