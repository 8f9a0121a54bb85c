"""The whole network's picture: strongest links only, no lone entity, Louvain's communities."""

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from kbgen import network_pages
from kbgen.graph import Edge, Node


def two_groups() -> tuple[list[Node], list[Edge]]:
    """Two tight groups of four joined by one weak link, and a pair named together only once."""
    nodes = [Node(f"{g}{i}", f"{g.upper()}{i}", "PER" if i % 2 else "LOC", 10 - i) for g in "ab" for i in range(4)]
    nodes += [Node("lone1", "Lone1", "ORG", 1), Node("lone2", "Lone2", "ORG", 1)]
    edges = [Edge(f"{g}{i}", f"{g}{j}", 5 + i + j) for g in "ab" for i, j in itertools.combinations(range(4), 2)]
    edges += [Edge("a3", "b3", 2), Edge("lone1", "lone2", 1)]
    return sorted(nodes, key=lambda n: n.slug), sorted(edges, key=lambda e: (e.source, e.target))


def test_the_overview_draws_the_strongest_links_coloured_by_community():
    nodes, edges = two_groups()
    picture = network_pages.overview("fr", nodes, edges)
    assert picture is not None
    svg = picture.drawing.svg
    assert "lone1" not in svg  # named together once: no link drawn, and no entity without one
    assert picture.drawing.shown_nodes == 8 and picture.drawing.shown_edges == 13
    assert [c.members for c in picture.communities] == [4, 4]
    colours = {c.colour for c in picture.communities}
    assert len(colours) == 2
    for group in "ab":
        fills = set(re.findall(rf'href="entities/{group}\d\.html"[^>]*>.*?fill="(#[0-9a-f]+)"', svg))
        assert len(fills) == 1 and fills <= colours
    # The filters' classes: type and weight class on each entity, ends' types on each line.
    assert 'class="n-loc w10"' in svg and 'class="edge e-per w2"' in svg and 'class="edge e-loc e-per w5"' in svg
    assert picture.thresholds == (2, 3, 5, 10)


def test_the_overview_is_the_same_bytes_every_time():
    nodes, edges = two_groups()
    first = network_pages.overview("fr", nodes, edges)
    again = network_pages.overview("fr", list(reversed(nodes)), list(reversed(edges)))
    assert first == again


def test_nothing_to_draw_when_no_two_entities_share_two_articles():
    nodes = [Node(s, s, "LOC", 1) for s in "abc"]
    edges = [Edge("a", "b", 1), Edge("a", "c", 1), Edge("b", "c", 1)]
    assert network_pages.overview("fr", nodes, edges) is None


def test_the_overview_keeps_within_its_budget():
    nodes = [Node(f"n{i:03d}", f"N{i}", "PER", 5) for i in range(200)]
    edges = [Edge(f"n{i:03d}", f"n{i + 1:03d}", 2 + i % 7) for i in range(199)]
    kept_nodes, kept_edges = network_pages.strongest_links(nodes, edges)
    assert len(kept_nodes) <= network_pages.OVERVIEW_NODES and len(kept_edges) <= network_pages.OVERVIEW_EDGES
    ends = {slug for e in kept_edges for slug in (e.source, e.target)}
    assert ends == {n.slug for n in kept_nodes}


def _kb_of(texts: dict[str, str], names: list[str]):
    """The knowledge base of `texts` (by slug, a day apart), each of `names` a place wherever written."""
    from datetime import date

    from kbgen.articles import Article
    from kbgen.extract import Mention
    from kbgen.link import link
    from kbgen.resolve import Entity

    articles = [
        Article(slug, None, slug, date(2024, 1, 1 + n % 28), "fr", None, t, t)
        for n, (slug, t) in enumerate(texts.items())
    ]

    def named(name):
        found = [
            Mention(a.slug, a.text.index(name), a.text.index(name) + len(name), name, "LOC")
            for a in articles
            if name in a.text
        ]
        return Entity(name.lower(), name, "LOC", (), tuple(found))

    return link(articles, [named(n) for n in names], {})


def test_ego_networks_sharing_their_counts_are_the_ones_counted_alone(monkeypatch):
    """Shared: each entity's articles made a set once, and the articles in common of pairs named
    in many articles counted once (every pair here, with COUNTED_ONCE at 1), give the same
    neighbourhoods as counting each one afresh."""
    names = ["Nantes", "Brest", "Rennes", "Lorient", "Vannes"]
    kb = _kb_of({f"a{n}": ", ".join(names[: 2 + n % 4]) + "." for n in range(12)}, names)
    alone = [network_pages.ego(kb, e) for e in kb.entities]
    monkeypatch.setattr(network_pages, "COUNTED_ONCE", 1)
    shared = network_pages.Shared()
    assert [network_pages.ego(kb, e, shared) for e in kb.entities] == alone
    assert shared.counted and any(
        edge.source != e.slug for e in kb.entities for edge in network_pages.ego(kb, e, shared)[1]
    )
    assert kb.article("a3") is next(a for a in kb.articles if a.slug == "a3")


def _neighbourhood_links(texts: dict[str, str]) -> tuple:
    kb = _kb_of(texts, ["Nantes", "Brest", "Rennes"])
    return network_pages.ego(kb, next(e for e in kb.entities if e.slug == "nantes"))


def test_a_link_between_neighbours_counts_for_a_page_only_as_its_line_shows_it():
    # Brest and Rennes are named together in 150 articles, and each twice with Nantes: one
    # article more naming the two leaves Nantes's neighbourhood (and so its page's key) alone.
    with_nantes = {f"n{i}": "Nantes, Brest, Rennes." for i in range(2)}
    before = _neighbourhood_links(with_nantes | {f"b{i}": "Brest, Rennes." for i in range(148)})
    after = _neighbourhood_links(with_nantes | {f"b{i}": "Brest, Rennes." for i in range(149)})
    assert before == after and ("brest", "rennes", 150) in {(e.source, e.target, e.weight) for e in before[1]}
    small = _neighbourhood_links(with_nantes | {f"b{i}": "Brest, Rennes." for i in range(48)})  # kept exact
    assert ("brest", "rennes", 50) in {(e.source, e.target, e.weight) for e in small[1]}


@given(st.integers(1, 10**7))
def test_a_drawn_weight_is_exact_under_a_hundred_and_within_five_percent_above(weight):
    drawn = network_pages.drawn_weight(weight)
    assert drawn == weight if weight < 100 else abs(drawn - weight) <= weight * 0.05
    assert network_pages.drawn_weight(weight + 1) >= drawn
