"""The co-mention network as pages show it: each entity's neighbourhood and the whole network
drawn (kbgen.graph_svg) with the site's words, and the strongest links as text."""

from __future__ import annotations

from dataclasses import replace

from kbgen import graph, graph_svg
from kbgen import lang as languages
from kbgen.link import KnowledgeBase
from kbgen.urls import entity_url


def neighbourhood(
    lang: str, centre: graph.Node, around: tuple[tuple[str, str, str, int], ...]
) -> graph_svg.Drawing | None:
    """The entity in the middle of the entities named with it most often, as a star: each is
    sized by the articles it shares with the centre, so the picture changes when the entity's
    own articles do, not whenever a neighbour is named somewhere else."""
    if not around:
        return None
    strings = languages.profile(lang).strings
    nodes = [replace(centre, mentions=around[0][3])] + [
        graph.Node(slug, name, kind, n) for slug, name, kind, n in around
    ]
    edges = [graph.Edge(centre.slug, slug, n) for slug, _, _, n in around]

    def tooltip(node: graph.Node) -> str:
        if node.slug == centre.slug:
            return f"{centre.name} ({languages.count(centre.mentions, strings['mention_count'], lang)})"
        return f"{node.name} ({languages.count(node.mentions, strings['articles_in_common'], lang)})"

    return graph_svg.draw(
        nodes,
        edges,
        _sibling_page,
        strings["neighbourhood_of"].format(name=centre.name),
        width=640,
        height=420,
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
