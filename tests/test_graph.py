"""The co-mention network: a static, accessible SVG, and GEXF and JSON files, all deterministic."""

from __future__ import annotations

import io
import json
import random
import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kbgen.graph import Edge, Node, clean_network, to_gexf, to_json, xml_safe
from kbgen.graph_svg import (
    FONT_SIZE,
    LABELLED,
    Drawing,
    _label_width,
    _num,
    _overlap,
    _place_labels,
    _short,
    draw,
)

SVG = "{http://www.w3.org/2000/svg}"
GEXF = "{http://www.gexf.net/1.2draft}"
NASTY = "Tom & \"Jerry\" <script>alert('x')</script> O'Brien"


def href(slug: str) -> str:
    return f"/entities/{slug}/?from=graph&x=1"


def network(n: int, m: int, seed: int = 1) -> tuple[list[Node], list[Edge]]:
    """n entities with distinct mention counts, in no relation to their slugs, and m distinct edges."""
    rng = random.Random(seed)
    types = ["PER", "ORG", "LOC", "MISC"]
    nodes = [Node(f"e{i:04d}", f"Entité n° {i}", types[i % 4], 1 + (i * 7919) % n) for i in range(n)]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < m:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    edges = [Edge(f"e{a:04d}", f"e{b:04d}", rng.randint(1, 9)) for a, b in sorted(pairs)]
    return nodes, edges


def parse(drawing: Drawing) -> ET.Element:
    """The SVG as XML: fails if it is not well-formed."""
    return ET.fromstring(drawing.svg)


def links(root: ET.Element) -> list[ET.Element]:
    return root.findall(f".//{SVG}a")


@pytest.fixture(scope="module")
def big() -> tuple[list[Node], list[Edge], Drawing]:
    """600 entities and 2,000 links, drawn once for the tests that only read the result."""
    nodes, edges = network(600, 2000)
    return nodes, edges, draw(nodes, edges, href, "Le réseau")


# --- draw ----------------------------------------------------------------------------------------


def test_the_same_network_in_any_order_gives_the_same_bytes(big):
    nodes, edges, first = big
    rng = random.Random(5)
    nodes, edges = nodes[:], [Edge(e.target, e.source, e.weight) if i % 2 else e for i, e in enumerate(edges)]
    rng.shuffle(nodes)
    rng.shuffle(edges)
    assert draw(nodes, edges, href, "Le réseau") == first


def test_limits_keep_the_most_mentioned_and_say_what_was_left_out(big):
    nodes, edges, drawing = big
    kept = {n.slug for n in nodes if n.mentions > 100}  # mentions are 1..600
    between = [e for e in edges if e.source in kept and e.target in kept]
    assert (drawing.shown_nodes, drawing.hidden_nodes) == (500, 100)
    assert drawing.shown_edges == min(1500, len(between))
    assert drawing.hidden_edges == len(edges) - drawing.shown_edges
    root = parse(drawing)
    assert {a.get("href") for a in links(root)} == {href(slug) for slug in kept}
    desc = root.find(f"{SVG}desc").text
    assert "500 entities" in desc and "100 entities" in desc and f"{drawing.hidden_edges} links left out" in desc


def drawn_edges(drawing: Drawing) -> list[tuple[str, str, float]]:
    """(source, target, stroke width) of each <line>, in the order drawn, found by its ends."""
    root = parse(drawing)
    at = {}
    for a in links(root):
        circle = a.find(f"{SVG}circle")
        at[(circle.get("cx"), circle.get("cy"))] = a.get("href").split("/")[2]
    lines = []
    for line in root.iter(f"{SVG}line"):
        ends = sorted([at[(line.get("x1"), line.get("y1"))], at[(line.get("x2"), line.get("y2"))]])
        lines.append((ends[0], ends[1], float(line.get("stroke-width"))))
    return lines


def test_the_heaviest_edges_are_kept_ties_by_slugs_and_drawn_lightest_first():
    nodes = [Node(s, s.upper(), "ORG", 5) for s in "abcd"]
    edges = [Edge("a", "b", 7), Edge("c", "d", 1), Edge("a", "c", 3), Edge("b", "d", 2), Edge("d", "a", 1)]
    drawing = draw(nodes, edges, href, "t", max_edges=4)
    assert (drawing.shown_edges, drawing.hidden_edges) == (4, 1)
    lines = drawn_edges(drawing)
    assert [(s, t) for s, t, _ in lines] == [("a", "d"), ("b", "d"), ("a", "c"), ("a", "b")]
    widths = [w for _, _, w in lines]
    assert widths == sorted(widths) and widths[0] < widths[-1]  # heavier is thicker, and on top


def test_the_most_mentioned_nodes_are_kept_ties_by_slug():
    nodes = [Node("d", "D", "PER", 9), Node("c", "C", "PER", 2), Node("b", "B", "PER", 2), Node("a", "A", "PER", 1)]
    drawing = draw(nodes, [Edge("a", "d", 1), Edge("b", "d", 1)], href, "t", max_nodes=2)
    assert {a.get("href") for a in links(parse(drawing))} == {href("d"), href("b")}
    assert (drawing.shown_edges, drawing.hidden_nodes, drawing.hidden_edges) == (1, 2, 1)


def test_every_node_is_a_link_with_a_tooltip_and_the_most_mentioned_have_labels(big):
    nodes, _, drawing = big
    by_href = {href(n.slug): n for n in nodes}
    labelled = []
    for a in links(parse(drawing)):
        node = by_href[a.get("href")]
        assert a.find(f"{SVG}title").text == f"{node.name} ({node.mentions} mentions)"
        circle = a.find(f"{SVG}circle")
        assert circle.get("class") == f"node type-{node.type.lower()}"
        if a.find(f"{SVG}text") is not None:
            assert a.find(f"{SVG}text").text == node.name
            labelled.append(node)
    assert 40 <= len(labelled) <= LABELLED  # a few may find no room
    assert min(n.mentions for n in labelled) >= sorted((n.mentions for n in nodes), reverse=True)[LABELLED - 1]


def test_labels_and_circles_stay_inside_the_viewbox_without_overlapping(big):
    root = parse(big[2])
    _, _, width, height = map(float, root.get("viewBox").split())
    for circle in root.iter(f"{SVG}circle"):
        cx, cy, r = (float(circle.get(k)) for k in ("cx", "cy", "r"))
        assert r <= cx <= width - r and r <= cy <= height - r
    boxes = []
    for text in root.iter(f"{SVG}text"):
        x, y, w = float(text.get("x")), float(text.get("y")), _label_width(text.text)
        left = {"start": x, "end": x - w, "middle": x - w / 2}[text.get("text-anchor")]
        box = (left, y - 0.8 * FONT_SIZE, left + w, y + 0.25 * FONT_SIZE)
        assert 0 <= box[0] and box[2] <= width and 0 <= box[1] and box[3] <= height
        assert not any(_overlap(box, other) for other in boxes)
        boxes.append(box)


def test_labels_are_placed_as_if_every_pair_of_labels_were_compared():
    """The placement only compares labels in nearby rows; it must choose what comparing every
    pair would."""

    def every_pair(nodes, spots, radii, width, height):
        placed, boxes = {}, []
        for node in sorted(nodes, key=lambda n: (-n.mentions, n.slug))[:LABELLED]:
            label = _short(node.name)
            (cx, cy), r, w = spots[node.slug], radii[node.slug], _label_width(label)
            ascent, descent, mid = 0.8 * FONT_SIZE, 0.25 * FONT_SIZE, cy + 0.35 * FONT_SIZE
            options = [
                (cx + r + 3, mid, "start", cx + r + 3),
                (cx - r - 3, mid, "end", cx - r - 3 - w),
                (cx, cy + r + 3 + ascent, "middle", cx - w / 2),
                (cx, cy - r - 3 - descent, "middle", cx - w / 2),
            ]
            for x, y, anchor, left in options:
                x, y, left = round(x, 1), round(y, 1), left + round(x, 1) - x
                box = (left, y - ascent, left + w, y + descent)
                if (
                    box[0] >= 1
                    and box[1] >= 1
                    and box[2] <= width - 1
                    and box[3] <= height - 1
                    and not any(_overlap(box, other) for other in boxes)
                ):
                    placed[node.slug] = (x, y, anchor, label)
                    boxes.append(box)
                    break
        return placed

    rng = random.Random(3)
    for _ in range(40):
        nodes = [Node(f"n{i}", "x" * rng.randint(1, 30), "PER", rng.randint(1, 50)) for i in range(80)]
        # some at the same height, or a label's height apart, where labels touch without overlapping
        base = round(rng.uniform(20, 280), 1)
        ys = [base, base + 11.55, base - 11.55, base + 11.5, base + 23.1]
        spots = {n.slug: (rng.uniform(0, 400), rng.choice(ys + [rng.uniform(0, 300)])) for n in nodes}
        radii = {n.slug: rng.choice([3.0, 7.5, 14.0]) for n in nodes}
        assert _place_labels(nodes, spots, radii, 400, 300) == every_pair(nodes, spots, radii, 400, 300)


def test_bigger_circles_for_more_mentions_and_coordinates_to_one_decimal(big):
    root = parse(big[2])
    mentions = {href(n.slug): n.mentions for n in big[0]}
    sizes = sorted((mentions[a.get("href")], float(a.find(f"{SVG}circle").get("r"))) for a in links(root))
    radii = [r for _, r in sizes]
    assert radii == sorted(radii) and radii[0] < radii[-1]
    geometry = {"line": ("x1", "y1", "x2", "y2", "stroke-width"), "circle": ("cx", "cy", "r"), "text": ("x", "y")}
    numbers = [el.get(k) for tag, keys in geometry.items() for el in root.iter(f"{SVG}{tag}") for k in keys]
    assert len(numbers) > 3000 and all(re.fullmatch(r"\d+\.\d", v) for v in numbers)


def test_accessible_offline_and_without_javascript(big):
    svg = big[2].svg
    root = parse(big[2])
    assert root.tag == f"{SVG}svg" and root.get("role") == "group" and root.get("viewBox") == "0 0 960 720"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "Le réseau" and root.get("aria-labelledby") == title.get("id")
    assert root.get("aria-describedby") == desc.get("id")
    assert not svg.startswith("<?xml")
    assert "<script" not in svg and "url(" not in svg and "style=" not in svg and "javascript:" not in svg
    assert not [k for el in root.iter() for k in el.attrib if k.startswith("on")]
    assert {el.tag for el in root.iter()} <= {
        f"{SVG}{t}" for t in ("svg", "title", "desc", "g", "line", "a", "circle", "text")
    }
    # edges before nodes
    groups = root.findall(f"{SVG}g")
    assert [g.get("class") for g in groups] == ["edges", "nodes"]


def test_names_are_escaped_and_the_svg_stays_well_formed():
    nodes = [
        Node("tom", NASTY, "PER", 9),
        Node("amp", "A&B <b>bold</b> \x01", "ORG", 3),
        Node("x", "x", "weird type!", 1),
    ]
    edges = [Edge("tom", "amp", 2), Edge("amp", "x", 1)]
    drawing = draw(nodes, edges, lambda slug: f'/e/{slug}?a=1&b="2"', NASTY)
    root = parse(drawing)  # raises if anything was not escaped
    assert not [el for el in root.iter() if el.tag.endswith("script") or el.tag.endswith("b")]
    assert "<script" not in drawing.svg and "&amp;" in drawing.svg
    assert root.find(f"{SVG}title").text == NASTY
    a = next(a for a in links(root) if a.find(f"{SVG}title").text.startswith("Tom"))
    assert a.get("href") == '/e/tom?a=1&b="2"'
    assert a.find(f"{SVG}title").text == f"{NASTY} (9 mentions)"
    assert a.find(f"{SVG}text").text == _short(NASTY)
    assert {c.get("class") for c in root.iter(f"{SVG}circle")} == {
        "node type-per",
        "node type-org",
        "node type-weirdtype",
    }


def test_unknown_slugs_self_loops_and_repeated_edges_are_ignored():
    nodes = [Node("a", "A", "PER", 2), Node("b", "B", "LOC", 1)]
    edges = [Edge("b", "a", 4), Edge("a", "b", 1), Edge("a", "ghost", 9), Edge("a", "a", 3)]
    assert json.loads(to_json(nodes, edges))["edges"] == [{"source": "a", "target": "b", "weight": 4}]
    drawing = draw(nodes, edges, href, "t")
    assert (drawing.shown_nodes, drawing.shown_edges, drawing.hidden_nodes, drawing.hidden_edges) == (2, 1, 0, 0)
    assert len(list(parse(drawing).iter(f"{SVG}line"))) == 1
    assert "1 link shown" in parse(drawing).find(f"{SVG}desc").text


@pytest.mark.parametrize("nodes, max_nodes, hidden", [([], 500, 0), ([Node("a", "A", "PER", 1)], 0, 1)])
def test_nothing_to_show_is_still_a_valid_picture(nodes, max_nodes, hidden):
    drawing = draw(nodes, [], href, "Vide", max_nodes=max_nodes)
    root = parse(drawing)
    assert (drawing.shown_nodes, drawing.shown_edges, drawing.hidden_nodes) == (0, 0, hidden)
    assert root.find(f"{SVG}title").text == "Vide" and "Nothing to show" in root.find(f"{SVG}desc").text
    assert not links(root) and "Nothing to show" in root.find(f"{SVG}text").text


def test_a_single_node_is_centred_and_two_pictures_have_different_ids():
    one = parse(draw([Node("a", "A", "MISC", 1)], [], href, "One", width=200, height=100))
    circle = one.find(f".//{SVG}circle")
    assert (circle.get("cx"), circle.get("cy")) == ("100.0", "50.0")
    two = parse(draw([Node("b", "B", "MISC", 1)], [], href, "Two"))
    assert one.find(f"{SVG}title").get("id") != two.find(f"{SVG}title").get("id")


# --- GEXF and JSON -------------------------------------------------------------------------------


def test_gexf_is_deterministic_well_formed_and_loads_back_in_networkx():
    nodes = [Node("b", NASTY, "ORG", 3), Node("a", "Ana Lúcia", "PER", 7), Node("c", "C><D\x01", "LOC", 1)]
    edges = [Edge("b", "a", 5), Edge("c", "a", 2), Edge("a", "ghost", 1)]
    first = to_gexf(nodes, edges)
    assert first == to_gexf(list(reversed(nodes)), list(reversed(edges)))
    assert b"lastmodifieddate" not in first
    root = ET.fromstring(first)
    assert root.get("version") == "1.2" and root.find(f"{GEXF}graph").get("defaultedgetype") == "undirected"
    assert [n.get("id") for n in root.iter(f"{GEXF}node")] == ["a", "b", "c"]
    assert [(e.get("source"), e.get("target")) for e in root.iter(f"{GEXF}edge")] == [("a", "b"), ("a", "c")]
    graph = nx.read_gexf(io.BytesIO(first))
    assert graph.nodes["b"] == {"label": NASTY, "type": "ORG", "mentions": 3}
    assert graph.nodes["c"]["label"] == "C><D"
    assert graph["a"]["b"]["weight"] == 5 and graph["a"]["c"]["weight"] == 2
    assert graph.number_of_edges() == 2


def test_gexf_reads_back_as_the_same_network_one_element_a_line():
    nodes, edges = network(80, 300)
    data = to_gexf(nodes, edges)
    graph = nx.read_gexf(io.BytesIO(data))
    assert sorted(graph.nodes(data=True)) == sorted(
        (n.slug, {"label": n.name, "type": n.type, "mentions": n.mentions}) for n in nodes
    )
    assert sorted((*sorted((s, t)), w) for s, t, w in graph.edges(data="weight")) == sorted(
        (e.source, e.target, e.weight) for e in edges
    )
    lines = data.decode().splitlines()
    assert data.endswith(b"</gexf>\n") and len(lines) > 6 * len(nodes) + len(edges)
    assert all(line.startswith("<") and line.endswith(">") for line in lines)


def test_json_round_trip_sorted_one_node_or_edge_a_line():
    nodes = [Node("b", 'Bérénice "B" <b>', "PER", 2), Node("a", "Ålesund", "LOC", 4)]
    edges = [Edge("b", "a", 3), Edge("a", "nowhere", 1)]
    data = to_json(nodes, edges)
    assert data == to_json(nodes[::-1], edges[::-1])
    assert (
        data
        == (
            '{"nodes":[\n'
            '{"id":"a","name":"Ålesund","type":"LOC","mentions":4},\n'
            '{"id":"b","name":"Bérénice \\"B\\" <b>","type":"PER","mentions":2}\n'
            '],"edges":[\n'
            '{"source":"a","target":"b","weight":3}\n'
            "]}\n"
        ).encode()
    )
    assert json.loads(data) == {
        "nodes": [
            {"id": "a", "name": "Ålesund", "type": "LOC", "mentions": 4},
            {"id": "b", "name": 'Bérénice "B" <b>', "type": "PER", "mentions": 2},
        ],
        "edges": [{"source": "a", "target": "b", "weight": 3}],
    }
    assert to_json([], []) == b'{"nodes":[],"edges":[]}\n'


def test_json_keeps_any_string_as_it_was():
    names = [NASTY, "back\\slash", "new\nline\ttab", "\x01\x1f", "line\u2028separator", "lone \udc80 surrogate", "東京"]
    nodes = [Node(f"n{i}", name, name, i) for i, name in enumerate(names)]
    edges = [Edge("n0", "n1", 2), Edge("n5", "n6", 10**12)]
    data = to_json(nodes, edges)
    data.decode("utf-8")  # strict: it is UTF-8
    loaded = json.loads(data)
    assert [(n["name"], n["type"]) for n in loaded["nodes"]] == [(name, name) for name in names]
    assert [e["weight"] for e in loaded["edges"]] == [2, 10**12]
    assert len(data.splitlines()) == 1 + len(nodes) + 1 + len(edges) + 1


# --- helpers -------------------------------------------------------------------------------------


def test_helpers():
    assert xml_safe("a\x00b\x1fc\td\ud800e") == "abc\tde"
    assert _num(-0.04) == "0.0" and _num(12.345) == "12.3" and _num(3) == "3.0"
    assert _short("Short name") == "Short name"
    assert _short("Organisation des Nations unies pour l'éducation") == "Organisation des Nations…"
    assert len(_short("x" * 100)) == 28 and _short("a  b\n c") == "a b c"
    assert _label_width("東京") == 2 * _label_width("ab") and _label_width("é") == _label_width("e\u0301")
    assert _overlap((0, 0, 10, 10), (5, 5, 15, 15)) and not _overlap((0, 0, 10, 10), (10, 0, 20, 10))


def test_words_come_in_the_site_language():
    nodes = [Node("a", "Lyon", "LOC", 3), Node("b", "Genève", "LOC", 1)]
    drawing = draw(
        nodes,
        [Edge("a", "b", 1)],
        lambda slug: f"{slug}.html",
        "Graphe",
        describe=lambda *counts: "{} entités et {} liens".format(*counts[:2]),
        tooltip=lambda n: f"{n.name} : {n.mentions} mentions",
    )
    assert "2 entités et 1 liens" in drawing.svg
    assert "<title>Lyon : 3 mentions</title>" in drawing.svg


def test_radial_layout_puts_the_centre_in_the_middle_and_the_strongest_on_top():
    from kbgen.graph_svg import radial_layout

    nodes = [Node("c", "Centre", "PER", 9), Node("a", "A", "LOC", 1), Node("b", "B", "ORG", 1)]
    edges = [Edge("c", "a", 1), Edge("c", "b", 5)]
    spots = radial_layout("c")(nodes, edges)
    assert spots["c"] == (0.0, 0.0)
    assert spots["b"][1] == pytest.approx(-1.0)  # top: drawn first, the strongest neighbour
    drawing = draw(nodes, edges, lambda s: s, "t", layout=radial_layout("c"))
    assert drawing.shown_nodes == 3


def test_gexf_is_written_as_networkx_would_write_it():
    """The line-by-line writer gives networkx's own GEXF (but for the creator), odd names included."""
    nodes = [Node("a&b", 'N "q" <x> & \n\t\r é\x01', "PER", 3), Node("b", "B", "ORG", 1), Node("c", "C", "LOC", 2)]
    edges = [Edge("b", "a&b", 2), Edge("c", "b", 1)]
    clean_nodes, clean_edges = clean_network(nodes, edges)
    reference = nx.Graph()
    reference.add_nodes_from(
        (n.slug, {"label": xml_safe(n.name), "type": n.type, "mentions": n.mentions}) for n in clean_nodes
    )
    reference.add_edges_from((e.source, e.target, {"weight": e.weight}) for e in clean_edges)
    buffer = io.BytesIO()
    nx.write_gexf(reference, buffer, prettyprint=False)
    expected = re.sub(rb' lastmodifieddate="[^"]*"', b"", buffer.getvalue().replace(b"><", b">\n<") + b"\n")
    expected = re.sub(rb"<creator>[^<]*</creator>", b"<creator>kbgen</creator>", expected)
    assert to_gexf(nodes, edges) == expected


@given(
    st.sets(st.tuples(st.integers(0, 7), st.integers(0, 7), st.integers(1, 300)), max_size=40),
    st.integers(1, 300),
)
def test_edges_kept_as_numbers_read_write_and_key_as_a_list_of_edges(triples, heavy):
    # graph.Edges holds a network's edges as arrays: every output must be what the same edges as
    # Edge objects give, and a page's key must change exactly when one of the edges does.
    from kbgen.graph import Edges
    from kbgen.keys import Keys

    slugs = tuple(f"e{i}" for i in range(8))
    nodes = [Node(slug, slug.upper(), "PER", 1) for slug in slugs]
    pairs = sorted({(s, t): w for s, t, w in triples if s < t}.items())
    compact = Edges(slugs)
    for (source, target), weight in pairs:
        compact.add(source, target, weight)
    edges = [Edge(slugs[s], slugs[t], w) for (s, t), w in pairs]
    assert list(compact) == edges and len(compact) == len(edges) and compact[1:3] == edges[1:3]
    assert to_json(nodes, compact) == to_json(nodes, edges) and to_gexf(nodes, compact) == to_gexf(nodes, edges)
    assert compact.at_least(heavy) == [e for e in edges if e.weight >= heavy]

    def key(pairs) -> str:
        made = Edges(slugs)
        for (source, target), weight in pairs:
            made.add(source, target, weight)
        return Keys("salt", leaves=(Node, Edge)).of(nodes, made)

    assert key(pairs) == key(list(pairs))  # the same edges, other objects
    for index, ((source, target), weight) in enumerate(pairs):
        heavier = [*pairs[:index], ((source, target), weight + 1), *pairs[index + 1 :]]
        assert key(heavier) != key(pairs)
    assert not pairs or key(pairs[:-1]) != key(pairs)
