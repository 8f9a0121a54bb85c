"""The co-mention network as pages show it: each entity's neighbourhood and the whole network
drawn (kbgen.graph_svg) with the site's words, and the strongest links as text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kbgen import graph, graph_svg
from kbgen import lang as languages
from kbgen.link import KnowledgeBase
from kbgen.urls import entity_url

EGO_NEIGHBOURS = 12  # an entity page draws its strongest neighbours, few enough to read on a phone
MIN_WEIGHT = 2  # a link is drawn when two entities share this many articles: one shared article is chance


COUNTED_ONCE = 100  # two entities each named in this many articles have their articles in common counted once a build


class Shared:
    """What the entities' ego networks share within a build: each entity's articles as a set,
    and the articles in common of the pairs named in many articles. The strongest neighbours of
    most entities are the same few entities named in thousands of articles, whose articles in
    common were counted again for every entity naming them."""

    def __init__(self) -> None:
        self.sets: dict[str, frozenset[str]] = {}
        self.counted: dict[tuple[str, str], int] = {}

    def in_common(self, one, other) -> int:
        small, large = sorted((self._set(one), self._set(other)), key=len)
        if len(small) < COUNTED_ONCE:
            return len(small & large)
        pair = (one.slug, other.slug)
        if pair not in self.counted:
            self.counted[pair] = len(small & large)
        return self.counted[pair]

    def _set(self, entity) -> frozenset[str]:
        if entity.slug not in self.sets:
            self.sets[entity.slug] = frozenset(entity.articles)
        return self.sets[entity.slug]


def ego(
    kb: KnowledgeBase, entity, shared: Shared | None = None
) -> tuple[tuple[graph.Node, ...], tuple[graph.Edge, ...]]:
    """An entity's ego network: the entity (first) and its strongest neighbours, each sized by
    the articles it shares with the entity, and the links between all of them (articles in
    common). Plain values, so the page is remade only when they change. `shared`: what the
    build's ego networks share (one for all of them)."""
    shared = shared or Shared()
    around = [(other, n) for other, n in kb.co_mentions[entity.slug][:EGO_NEIGHBOURS] if n >= MIN_WEIGHT]
    if not around:
        return (), ()
    nodes = (graph.Node(entity.slug, entity.name, entity.type, around[0][1]),) + tuple(
        graph.Node(other.slug, other.name, other.type, n) for other, n in around
    )
    edges = [graph.Edge(entity.slug, other.slug, n) for other, n in around]
    # Between neighbours, only the strongest links: all of them would make a ring of chords.
    between = [
        graph.Edge(a.slug, b.slug, shared.in_common(a, b))
        for i, (a, _) in enumerate(around)
        for b, _ in around[i + 1 :]
    ]
    between.sort(key=lambda e: (-e.weight, e.source, e.target))
    edges += [
        graph.Edge(e.source, e.target, drawn_weight(e.weight)) for e in between[: len(around)] if e.weight >= MIN_WEIGHT
    ]
    return nodes, tuple(edges)


def drawn_weight(weight: int) -> int:
    """A link between two neighbours as its line shows it: its weight to two significant digits
    (597 -> 600). Only the line's width says it, to a tenth of a pixel; exact, one article more
    naming two entities cited hundreds of times together changed the key of every page drawing
    them, whose bytes stayed the same (bench/results/scale.md)."""
    return weight if weight < 100 else round(weight, 2 - len(str(weight)))


def neighbourhood(lang: str, nodes: tuple[graph.Node, ...], edges: tuple[graph.Edge, ...]) -> graph_svg.Drawing | None:
    """The entity (the first node) in the middle of its strongest neighbours, strongest first
    from the top, with the links between them: who is named with it, and whether they are named
    together too. None when no entity shares more than one article with it."""
    if not nodes:
        return None
    strings = languages.profile(lang).strings
    centre = nodes[0]

    def tooltip(node: graph.Node) -> str:
        if node.slug == centre.slug:
            return centre.name
        return f"{node.name} ({languages.count(node.mentions, strings['articles_in_common'], lang)})"

    return graph_svg.draw(
        list(nodes),
        list(edges),
        _sibling_page,
        strings["neighbourhood_of"].format(name=centre.name),
        width=400,
        height=320,
        layout=graph_svg.radial_layout(centre.slug),
        describe=_graph_words(strings, lang)["describe"],
        tooltip=tooltip,
    )


def _sibling_page(slug: str) -> str:
    return f"{slug}.html"


OVERVIEW_NODES = 80  # the whole network's picture: its strongest links, among this many entities at most
OVERVIEW_EDGES = 200  # and this many links
LOUVAIN_SEED = 7  # fixed, so the same network always falls into the same communities
PALETTE = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#a6761d", "#6a3d9a")
OTHER_COMMUNITY = "#888888"  # the smallest communities, past the palette
THRESHOLDS = (2, 3, 5, 10, 20, 50)  # the filter's minimum weights (style.css hides what is below)


@dataclass(frozen=True)
class Community:
    """A group of entities named together more than with the others, as the legend shows it."""

    colour: str
    members: int
    names: tuple[str, ...]  # its most mentioned members' names, first


@dataclass(frozen=True)
class Overview:
    """The whole network's picture, its communities, the entity types it shows and the
    filter's minimum weights that make a difference."""

    drawing: graph_svg.Drawing
    communities: tuple[Community, ...]
    types: tuple[str, ...]
    thresholds: tuple[int, ...]


def strongest_links(nodes: list[graph.Node], edges: Sequence[graph.Edge]) -> tuple[list[graph.Node], list[graph.Edge]]:
    """The strongest links (at least MIN_WEIGHT articles in common), heaviest first, while they
    fit among OVERVIEW_NODES entities, and the entities they link: no entity without a link."""
    kept: list[graph.Edge] = []
    slugs: set[str] = set()
    for edge in sorted(_at_least(edges, MIN_WEIGHT), key=lambda e: (-e.weight, e.source, e.target)):
        if len(kept) == OVERVIEW_EDGES:
            break
        new = {edge.source, edge.target} - slugs
        if len(slugs) + len(new) <= OVERVIEW_NODES:
            kept.append(edge)
            slugs |= new
    return [n for n in nodes if n.slug in slugs], sorted(kept, key=lambda e: (e.source, e.target))


def communities(nodes: list[graph.Node], edges: list[graph.Edge]) -> list[list[graph.Node]]:
    """Louvain's communities (networkx, seeded), largest first, each most mentioned first."""
    import networkx as nx  # here: only the writer making the network's picture needs it

    network = nx.Graph()
    network.add_nodes_from(n.slug for n in nodes)
    network.add_weighted_edges_from((e.source, e.target, e.weight) for e in edges)
    found = nx.community.louvain_communities(network, weight="weight", seed=LOUVAIN_SEED)
    by_slug = {n.slug: n for n in nodes}
    groups = [sorted((by_slug[slug] for slug in group), key=lambda n: (-n.mentions, n.slug)) for group in found]
    return sorted(groups, key=lambda g: (-len(g), -sum(n.mentions for n in g), g[0].slug))


def overview(lang: str, nodes: list[graph.Node], edges: Sequence[graph.Edge]) -> Overview | None:
    """The whole network as a reader can take it in: its strongest links only, each entity
    coloured by its community; None when no two entities share MIN_WEIGHT articles (a site of
    one article draws nothing: a complete graph of its entities says nothing)."""
    nodes, edges = strongest_links(nodes, edges)
    if not edges:
        return None
    strings = languages.profile(lang).strings
    groups = communities(nodes, edges)
    colour = {n.slug: PALETTE[i] if i < len(PALETTE) else OTHER_COMMUNITY for i, g in enumerate(groups) for n in g}
    types = {n.slug: n.type for n in nodes}
    strongest = {n.slug: 0 for n in nodes}
    for e in edges:
        strongest[e.source] = max(strongest[e.source], e.weight)
        strongest[e.target] = max(strongest[e.target], e.weight)

    def node_classes(node: graph.Node) -> str:
        return f"n-{node.type.lower()} w{_bucket(strongest[node.slug])}"

    def edge_classes(edge: graph.Edge) -> str:
        ends = sorted({types[edge.source].lower(), types[edge.target].lower()})
        return " ".join([*(f"e-{kind}" for kind in ends), f"w{_bucket(edge.weight)}"])

    drawing = graph_svg.draw(
        nodes,
        edges,
        entity_url,
        strings["graph_title"],
        width=720,
        height=560,
        node_classes=node_classes,
        edge_classes=edge_classes,
        fill=lambda node: colour[node.slug],
        **_graph_words(strings, lang),
    )
    legend = tuple(
        Community(PALETTE[i] if i < len(PALETTE) else OTHER_COMMUNITY, len(g), tuple(n.name for n in g[:3]))
        for i, g in enumerate(groups)
    )
    heaviest = max(e.weight for e in edges)
    return Overview(
        drawing,
        legend,
        tuple(sorted({n.type for n in nodes})),
        tuple(t for t in THRESHOLDS if t <= heaviest),
    )


def _bucket(weight: int) -> int:
    """The largest filter threshold a weight reaches: the class style.css hides it by."""
    return max((t for t in THRESHOLDS if t <= weight), default=THRESHOLDS[0])


def network(kb: KnowledgeBase) -> tuple[list[graph.Node], graph.Edges]:
    """Entities as nodes, co-mentions (articles in common) as weighted edges, both in the order
    graph's outputs want them (by slug), so that they need not sort a million edges again."""
    by_slug = sorted(kb.entities, key=lambda e: e.slug)
    nodes = [graph.Node(e.slug, e.name, e.type, len(e.mentions)) for e in by_slug]
    place = {e.slug: i for i, e in enumerate(by_slug)}
    edges = graph.Edges(tuple(place))
    for source, entity in enumerate(by_slug):
        after = sorted((place[other.slug], n) for other, n in kb.co_mentions[entity.slug] if other.slug > entity.slug)
        for target, n in after:
            edges.add(source, target, n)
    return nodes, edges


def _graph_words(strings: dict, lang: str) -> dict:
    def describe(shown_nodes, shown_edges, hidden_nodes, hidden_edges):
        text = strings["graph_shown"].format(
            entities=languages.count(shown_nodes, strings["entities_count"], lang),
            links=languages.count(shown_edges, strings["links_count"], lang),
        )
        if hidden_nodes or hidden_edges:
            text += " " + strings["graph_hidden"].format(
                entities=languages.count(hidden_nodes, strings["entities_count"], lang),
                links=languages.count(hidden_edges, strings["links_count"], lang),
            )
        return text

    return {
        "describe": describe,
        "tooltip": lambda n: f"{n.name} ({languages.count(n.mentions, strings['mention_count'], lang)})",
    }


def strongest(kb: KnowledgeBase, edges: Sequence[graph.Edge], count: int = 50):
    """The strongest links, as text: what the picture shows, for readers who cannot see it."""
    named = {e.slug: e for e in kb.entities}
    ranked = sorted(_at_least(edges, MIN_WEIGHT), key=lambda e: (-e.weight, e.source, e.target))[:count]
    return [(named[e.source], named[e.target], e.weight) for e in ranked]


def _at_least(edges: Sequence[graph.Edge], weight: int) -> list[graph.Edge]:
    """The edges of at least `weight`; from a graph.Edges, without making an Edge of each of the
    others (a large corpus's network has a million edges, most of weight 1)."""
    if isinstance(edges, graph.Edges):
        return edges.at_least(weight)
    return [e for e in edges if e.weight >= weight]
