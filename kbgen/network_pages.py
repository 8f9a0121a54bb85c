"""The co-mention network as pages show it: each entity's neighbourhood and the whole network
drawn (kbgen.graph_svg) with the site's words, and the strongest links as text."""

from __future__ import annotations

from kbgen import graph, graph_svg
from kbgen import lang as languages
from kbgen.link import KnowledgeBase
from kbgen.urls import entity_url

EGO_NEIGHBOURS = 12  # an entity page draws its strongest neighbours, few enough to read on a phone
MIN_WEIGHT = 2  # a link is drawn when two entities share this many articles: one shared article is chance


def ego(kb: KnowledgeBase, entity) -> tuple[tuple[graph.Node, ...], tuple[graph.Edge, ...]]:
    """An entity's ego network: the entity (first) and its strongest neighbours, each sized by
    the articles it shares with the entity, and the links between all of them (articles in
    common). Plain values, so the page is remade only when they change."""
    around = [(other, n) for other, n in kb.co_mentions[entity.slug][:EGO_NEIGHBOURS] if n >= MIN_WEIGHT]
    if not around:
        return (), ()
    nodes = (graph.Node(entity.slug, entity.name, entity.type, around[0][1]),) + tuple(
        graph.Node(other.slug, other.name, other.type, n) for other, n in around
    )
    edges = [graph.Edge(entity.slug, other.slug, n) for other, n in around]
    # Between neighbours, only the strongest links: all of them would make a ring of chords.
    cited = {other.slug: frozenset(other.articles) for other, _ in around}
    between = [
        graph.Edge(a.slug, b.slug, len(cited[a.slug] & cited[b.slug]))
        for i, (a, _) in enumerate(around)
        for b, _ in around[i + 1 :]
    ]
    between.sort(key=lambda e: (-e.weight, e.source, e.target))
    edges += [e for e in between[: len(around)] if e.weight >= MIN_WEIGHT]
    return nodes, tuple(edges)


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
        width=480,
        height=360,
        layout=graph_svg.radial_layout(centre.slug),
        describe=_graph_words(strings, lang)["describe"],
        tooltip=tooltip,
    )


def _sibling_page(slug: str) -> str:
    return f"{slug}.html"


def whole_network(lang: str, nodes: list[graph.Node], edges: list[graph.Edge]) -> graph_svg.Drawing:
    strings = languages.profile(lang).strings
    return graph_svg.draw(nodes, edges, entity_url, strings["graph_title"], **_graph_words(strings, lang))


def network(kb: KnowledgeBase) -> tuple[list[graph.Node], list[graph.Edge]]:
    """Entities as nodes, co-mentions (articles in common) as weighted edges, both in the order
    graph's outputs want them (by slug), so that they need not sort a million edges again."""
    by_slug = sorted(kb.entities, key=lambda e: e.slug)
    nodes = [graph.Node(e.slug, e.name, e.type, len(e.mentions)) for e in by_slug]
    edges: list[graph.Edge] = []
    for entity in by_slug:
        after = sorted((other.slug, n) for other, n in kb.co_mentions[entity.slug] if other.slug > entity.slug)
        edges.extend(graph.Edge(entity.slug, slug, n) for slug, n in after)
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


def strongest(kb: KnowledgeBase, edges: list[graph.Edge], count: int = 50):
    """The strongest links, as text: what the picture shows, for readers who cannot see it."""
    named = {e.slug: e for e in kb.entities}
    ranked = sorted(edges, key=lambda e: (-e.weight, e.source, e.target))[:count]
    return [(named[e.source], named[e.target], e.weight) for e in ranked]
