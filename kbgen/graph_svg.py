"""The entity co-mention network as a static SVG picture, laid out at build time.

Self-contained on purpose (the standard library, networkx and kbgen.graph only), so it can be
tested and reused on its own. The same nodes and edges, in any order, give the same bytes.

networkx's ForceAtlas2 (the layout Gephi users know) lays out the whole network; `spring_layout`
and `kamada_kawai_layout` need SciPy for graphs of 500 nodes, which kbgen does not otherwise
depend on, while ForceAtlas2 needs only NumPy, which networkx uses anyway.
"""

from __future__ import annotations

import hashlib
import html
import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from kbgen.graph import Edge, Node, clean_network, select, xml_safe


@dataclass(frozen=True)
class Drawing:
    """The SVG to inline in a page, and what was left out of it so the page can say so."""

    svg: str
    shown_nodes: int
    shown_edges: int
    hidden_nodes: int
    hidden_edges: int


LAYOUT_SEED = 7  # fixed, so the same network is always drawn the same way
LAYOUT_ITERATIONS = 60  # ForceAtlas2 is O(n²) per step
LABELLED = 60  # only the most mentioned nodes get a visible label; all keep a tooltip
LABEL_CHARS = 28  # longer names are shortened in the label (the tooltip has them whole)
FONT_SIZE = 11
CHAR_WIDTH = 0.62  # of FONT_SIZE: a generous average for sans-serif, to keep labels inside
R_MIN, R_MAX = 3.0, 14.0
STROKE_MIN, STROKE_MAX = 0.6, 4.0
COLOURS = {"PER": "#0072b2", "ORG": "#d55e00", "LOC": "#009e73", "MISC": "#cc79a7"}  # Okabe-Ito
OTHER_COLOUR = "#777777"
SVG_NS = "http://www.w3.org/2000/svg"


def _layout(nodes: list[Node], edges: Sequence[Edge]) -> dict[str, tuple[float, float]]:
    """Positions in layout units: ForceAtlas2 with a fixed seed on a graph built in sorted order.
    Weights pull on a log scale so a pair named together in 50 articles does not collapse; strong
    gravity keeps loners near the rest, or they would squeeze the picture into a corner."""
    import networkx as nx  # here: only the writer making the network's picture needs it

    graph = nx.Graph()
    graph.add_nodes_from(n.slug for n in nodes)
    graph.add_edges_from((e.source, e.target, {"pull": 1.0 + math.log(max(e.weight, 1))}) for e in edges)
    positions = nx.forceatlas2_layout(
        graph, max_iter=LAYOUT_ITERATIONS, weight="pull", strong_gravity=True, seed=LAYOUT_SEED
    )
    return {slug: (float(x), float(y)) for slug, (x, y) in positions.items()}


def radial_layout(centre: str) -> Callable[[list[Node], Sequence[Edge]], dict[str, tuple[float, float]]]:
    """A layout for a neighbourhood: the centre in the middle, its neighbours around it, the
    strongest first from the top, clockwise. Computed, not simulated, so it costs nothing."""

    def layout(nodes: list[Node], edges: Sequence[Edge]) -> dict[str, tuple[float, float]]:
        strength = {n.slug: 0 for n in nodes}
        for e in edges:
            if centre in (e.source, e.target):
                strength[e.target if e.source == centre else e.source] = e.weight
        around = sorted((n for n in nodes if n.slug != centre), key=lambda n: (-strength[n.slug], -n.mentions, n.slug))
        positions = {centre: (0.0, 0.0)}
        positions.update(zip((n.slug for n in around), _ring(len(around))))
        return positions

    return layout


@lru_cache(maxsize=64)
def _ring(count: int) -> tuple[tuple[float, float], ...]:
    """`count` points evenly spaced on the unit circle, from the top, clockwise (y points down).
    Cached: neighbourhoods mostly have the same few sizes."""
    angles = (2 * math.pi * index / max(count, 1) - math.pi / 2 for index in range(count))
    return tuple((math.cos(angle), math.sin(angle)) for angle in angles)


def _fit(positions: dict[str, tuple[float, float]], width: int, height: int) -> dict[str, tuple[float, float]]:
    """Positions scaled into the viewBox, a margin of the largest radius kept on every side.
    Each axis is stretched on its own: the layout's shape means nothing, filling the box does."""
    margin = R_MAX + 4

    def scale(values: list[float], size: int) -> list[float]:
        low, high = min(values), max(values)
        if high - low < 1e-9:
            return [size / 2] * len(values)
        span, room = high - low, max(size - 2 * margin, 0)
        return [margin + (value - low) / span * room for value in values]

    xs = scale([x for x, _ in positions.values()], width)
    ys = scale([y for _, y in positions.values()], height)
    return dict(zip(positions, zip(xs, ys)))


def _radius(mentions: int, most: int) -> float:
    """Circle area grows with mentions, so the eye compares them fairly."""
    share = max(mentions, 0) / most if most > 0 else 0.0
    return round(R_MIN + (R_MAX - R_MIN) * math.sqrt(share), 1)


def _stroke(weight: int, heaviest: int) -> float:
    """Line width grows with shared articles, on a square-root scale like the circles."""
    share = max(weight, 0) / heaviest if heaviest > 0 else 0.0
    return round(STROKE_MIN + (STROKE_MAX - STROKE_MIN) * math.sqrt(share), 1)


def _num(value: float) -> str:
    """A number as written: one decimal, so that tiny floating-point differences between machines
    rarely change the file, and never "-0.0" (the "z")."""
    return f"{value:z.1f}"


@lru_cache(maxsize=1 << 16)
def _text(value: str) -> str:
    """Safe as SVG text or attribute value. Cached: the same names and links come back in the
    neighbourhood of every entity they are linked to."""
    return html.escape(xml_safe(value), quote=True)


@lru_cache(maxsize=1 << 16)
def _label(name: str) -> tuple[str, float]:
    """A node's label and its estimated width, for every picture the node is in."""
    label = _short(name)
    return label, _label_width(label)


@lru_cache(maxsize=256)
def _kind(type_: str) -> str:
    """An entity type as a CSS class name."""
    return re.sub(r"[^a-z0-9-]", "", type_.lower()) or "other"


def _label_width(label: str) -> float:
    """An estimate of a label's width, wide (CJK) characters counting double and combining
    marks nothing: no font metrics at build time, so it errs on the wide side."""
    ems = sum(
        0.0
        if unicodedata.combining(c)
        else 2 * CHAR_WIDTH
        if unicodedata.east_asian_width(c) in ("W", "F")
        else CHAR_WIDTH
        for c in label
    )
    return ems * FONT_SIZE


def _short(name: str, chars: int = LABEL_CHARS) -> str:
    """A name short enough for a label, cut at a space when there is one near the end."""
    name = " ".join(xml_safe(name).split())
    if len(name) <= chars:
        return name
    cut = name[: chars - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space >= chars // 2 else cut).rstrip(" ,;:-") + "…"


def _place_labels(
    nodes: list[Node], spots: dict[str, tuple[float, float]], radii: dict[str, float], width: int, height: int
) -> dict[str, tuple[float, float, str, str]]:
    """(x, y, text-anchor, text) for the labels of the most mentioned nodes: each goes right,
    left, below or above its circle, wherever it stays inside the viewBox without covering a
    label already placed; a node with no such room keeps only its tooltip."""
    placed: dict[str, tuple[float, float, str, str]] = {}
    gap, ascent, descent = 3.0, 0.8 * FONT_SIZE, 0.25 * FONT_SIZE
    # The boxes placed, by rows a little taller than a label: two labels can only overlap when
    # their rows are the same or next to each other, so the others need not be looked at.
    row_height = ascent + descent + 1
    rows: dict[int, list[tuple[float, float, float, float]]] = {}
    for node in sorted(nodes, key=lambda n: (-n.mentions, n.slug))[:LABELLED]:
        label, w = _label(node.name)
        if not label:
            continue
        (cx, cy), r = spots[node.slug], radii[node.slug]
        mid = cy + 0.35 * FONT_SIZE
        options = [
            (cx + r + gap, mid, "start", cx + r + gap),
            (cx - r - gap, mid, "end", cx - r - gap - w),
            (cx, cy + r + gap + ascent, "middle", cx - w / 2),
            (cx, cy - r - gap - descent, "middle", cx - w / 2),
        ]
        for x, y, anchor, left in options:
            rounded = round(x, 1)
            x, y, left = rounded, round(y, 1), left + rounded - x  # the box of the label as written
            top, right, bottom = y - ascent, left + w, y + descent
            if not (left >= 1 and top >= 1 and right <= width - 1 and bottom <= height - 1):
                continue
            row = int(top // row_height)
            near = rows.get(row - 1, []) + rows.get(row, []) + rows.get(row + 1, [])
            for l2, t2, r2, b2 in near:  # _overlap, written out: this runs for every pair of labels
                if left < r2 and l2 < right and top < b2 and t2 < bottom:
                    break  # it would cover a label already placed: try the next side
            else:
                placed[node.slug] = (x, y, anchor, label)
                rows.setdefault(row, []).append((left, top, right, bottom))
                break
    return placed


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Whether two (left, top, right, bottom) boxes intersect."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _plural(count: int, one: str, many: str) -> str:
    """A count in words ("1 link", "2 links"), since screen readers read it aloud."""
    return f"{count} {one if count == 1 else many}"


def _describe(shown_nodes: int, shown_edges: int, hidden_nodes: int, hidden_edges: int) -> str:
    """The <desc>: what the picture shows, and what it leaves out, in words."""
    shown = f"{_plural(shown_nodes, 'entity', 'entities')} and {_plural(shown_edges, 'link', 'links')} shown"
    if shown_nodes == 0:
        shown = "Nothing to show"
    if hidden_nodes or hidden_edges:
        left = f"{_plural(hidden_nodes, 'entity', 'entities')} and {_plural(hidden_edges, 'link', 'links')}"
        return f"{shown}; {left} left out (only the most mentioned entities and the strongest links are drawn)."
    return f"{shown}."


def _element_id(title: str, nodes: list[Node]) -> str:
    """An id for aria-labelledby, derived from the content so it is stable across builds and
    two pictures on one page do not share it."""
    digest = hashlib.sha256("\n".join([title, *(n.slug for n in nodes)]).encode("utf-8", "surrogatepass"))
    return "kb-graph-" + digest.hexdigest()[:10]


def _svg_open(ident: str, title: str, desc: str, width: int, height: int) -> list[str]:
    """The <svg> start tag with its accessible name (<title>) and description (<desc>). A group,
    not an image: its links must stay reachable to screen readers."""
    return [
        f'<svg xmlns="{SVG_NS}" class="kb-graph" viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        f' role="group" aria-labelledby="{ident}-title" aria-describedby="{ident}-desc">',
        f'<title id="{ident}-title">{_text(title)}</title>',
        f'<desc id="{ident}-desc">{_text(desc)}</desc>',
    ]


def _svg_edges(
    edges: Sequence[Edge], spots: dict[str, tuple[float, float]], classes: Callable[[Edge], str] | None = None
) -> list[str]:
    """One <line> per edge, the lightest first so the heaviest are drawn on top; `classes` adds
    to an edge's class (for a page's filters)."""
    if not edges:
        return []
    heaviest = max((e.weight for e in edges), default=1)
    # Each end and each width written once (as _num does), not once per edge: a node has many
    # edges, and most edges share a few small weights.
    ends = {slug: (_num(x), _num(y)) for slug, (x, y) in spots.items()}
    widths = {w: _num(_stroke(w, heaviest)) for w in {e.weight for e in edges}}
    lines = ['<g class="edges" stroke="#8a8a8a" stroke-opacity="0.5" stroke-linecap="round">']
    for e in sorted(edges, key=attrgetter("weight", "source", "target")):
        (x1, y1), (x2, y2) = ends[e.source], ends[e.target]
        kind = f"edge {classes(e)}" if classes else "edge"
        lines.append(
            f'<line class="{kind}" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke-width="{widths[e.weight]}"/>'
        )
    lines.append("</g>")
    return lines


def _svg_nodes(
    nodes: list[Node],
    spots: dict[str, tuple[float, float]],
    radii: dict[str, float],
    labels: dict[str, tuple[float, float, str, str]],
    href: Callable[[str], str],
    tooltip: Callable[[Node], str],
    classes: Callable[[Node], str] | None = None,
    fill: Callable[[Node], str] | None = None,
) -> list[str]:
    """One link per node holding its tooltip, circle and (for the most mentioned) label.
    Unlabelled nodes come first, least mentioned first, so the labels end up on top. `classes`
    gives a node's link a class (for a page's filters), `fill` its colour (else its type's)."""
    lines = [f'<g class="nodes" stroke="#ffffff" stroke-width="1" font-family="sans-serif" font-size="{FONT_SIZE}">']
    for n in sorted(nodes, key=lambda n: (n.slug in labels, n.mentions, n.slug)):
        (cx, cy), text = spots[n.slug], ""
        if n.slug in labels:
            x, y, anchor, label = labels[n.slug]
            text = (
                f'<text class="label" x="{x:z.1f}" y="{y:z.1f}" text-anchor="{anchor}" fill="#1a1a1a"'
                f' stroke-width="3" stroke-linejoin="round" paint-order="stroke">{_text(label)}</text>'
            )
        link = f' class="{_text(classes(n))}"' if classes else ""
        circle = "node" if fill else f"node type-{_kind(n.type)}"  # a type's class: the theme colours it
        colour = fill(n) if fill else COLOURS.get(n.type, OTHER_COLOUR)
        lines.append(  # numbers formatted as _num does, without a call for each
            f'<a href="{_text(href(n.slug))}"{link}><title>{_text(tooltip(n))}</title>'
            f'<circle class="{circle}" cx="{cx:z.1f}" cy="{cy:z.1f}" r="{radii[n.slug]:z.1f}"'
            f' fill="{colour}"/>{text}</a>'
        )
    lines.append("</g>")
    return lines


def _svg_empty(width: int) -> list[str]:
    """The body of a picture with nothing in it: a short line of text, in a short viewBox."""
    return [
        f'<text x="{_num(width / 2)}" y="34.0" text-anchor="middle" font-family="sans-serif" font-size="14"'
        ' fill="#555555">Nothing to show.</text>'
    ]


def draw(
    nodes: list[Node],
    edges: Sequence[Edge],
    href: Callable[[str], str],
    title: str,
    max_nodes: int = 500,
    max_edges: int = 1500,
    width: int = 960,
    height: int = 720,
    describe: Callable[[int, int, int, int], str] | None = None,
    tooltip: Callable[[Node], str] | None = None,
    layout: Callable[[list[Node], Sequence[Edge]], dict[str, tuple[float, float]]] | None = None,
    node_classes: Callable[[Node], str] | None = None,
    edge_classes: Callable[[Edge], str] | None = None,
    fill: Callable[[Node], str] | None = None,
) -> Drawing:
    """The network as an SVG element to inline in a page: works offline and without JavaScript,
    every entity a link to `href(slug)` with its name as tooltip, and a title and description
    for screen readers. Only the `max_nodes` most mentioned entities and the `max_edges`
    heaviest links between them are drawn; the Drawing says how many were left out.
    `describe(shown nodes, shown links, hidden nodes, hidden links)` and `tooltip(node)` give the
    words, in the site's language (English by default); `node_classes`, `edge_classes` and
    `fill` add classes to nodes and edges and colour nodes (by default, by type)."""
    describe = describe or _describe
    tooltip = tooltip or (lambda n: f"{n.name} ({_plural(n.mentions, 'mention', 'mentions')})")
    nodes, edges = clean_network(nodes, edges)
    shown, links = select(nodes, edges, max_nodes, max_edges)
    hidden_nodes, hidden_edges = len(nodes) - len(shown), len(edges) - len(links)
    desc = describe(len(shown), len(links), hidden_nodes, hidden_edges)
    ident = _element_id(title, shown)
    if not shown:
        svg = _svg_open(ident, title, desc, width, 60) + _svg_empty(width) + ["</svg>"]
        return Drawing("\n".join(svg) + "\n", 0, 0, hidden_nodes, hidden_edges)
    spots = _fit((layout or _layout)(shown, links), width, height)
    most = max(n.mentions for n in shown)
    radii = {n.slug: _radius(n.mentions, most) for n in shown}
    labels = _place_labels(shown, spots, radii, width, height)
    svg = (
        _svg_open(ident, title, desc, width, height)
        + _svg_edges(links, spots, edge_classes)
        + _svg_nodes(shown, spots, radii, labels, href, tooltip, node_classes, fill)
        + ["</svg>"]
    )
    return Drawing("\n".join(svg) + "\n", len(shown), len(links), hidden_nodes, hidden_edges)
