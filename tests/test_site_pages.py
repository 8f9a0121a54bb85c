"""The reader's pages and the files other programs read: feeds, sitemap, graph exports, indexes."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as etree

import networkx as nx
import pytest

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """The golden project built three times: without and with --base-url, with the entities'
    feeds and the graph's exports turned on; and with the default settings."""
    import shutil

    from conftest import GOLDEN_PROJECT

    project, default = tmp_path_factory.mktemp("project"), tmp_path_factory.mktemp("default")
    shutil.copytree(GOLDEN_PROJECT, project, dirs_exist_ok=True)
    shutil.copytree(GOLDEN_PROJECT, default, dirs_exist_ok=True)
    with open(project / "kbgen.yml", "a", encoding="utf-8") as settings:
        settings.write("entity_feeds: true\ngraph_exports: true\n")
    out = {"default": default / "_site"}
    subprocess.run([sys.executable, "-m", "kbgen", "build", "--project", str(default)], check=True, capture_output=True)
    for name, extra in (("relative", []), ("absolute", ["--base-url", "https://example.org/kb/"])):
        out[name] = project / f"_{name}"
        result = subprocess.run(
            [sys.executable, "-m", "kbgen", "build", "--project", str(project), "--out", str(out[name]), *extra],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
    return out


def test_atom_feeds_with_absolute_urls(sites):
    feed = etree.parse(sites["absolute"] / "feed.xml").getroot()
    assert feed.find(f"{ATOM}id").text == "https://example.org/kb/feed.xml"
    entries = feed.findall(f"{ATOM}entry")
    titles = ["Suite à Genève", "Note de terrain à Genève", "Réunion à Lyon"]  # newest first, the undated last
    assert [e.find(f"{ATOM}title").text for e in entries] == titles
    assert entries[1].find(f"{ATOM}link").get("href") == "https://example.org/kb/articles/note-de-terrain.html"
    assert entries[1].find(f"{ATOM}updated").text == "2024-10-15T00:00:00Z"
    assert entries[0].find(f"{ATOM}published").text == "2024-10-20T18:45:00+02:00"
    assert entries[2].find(f"{ATOM}updated").text == feed.find(f"{ATOM}updated").text == "2024-10-22T00:00:00Z"
    entity_feed = etree.parse(sites["absolute"] / "entities/geneve.xml").getroot()
    assert len(entity_feed.findall(f"{ATOM}entry")) == 3


def test_entity_feeds_and_graph_exports_are_opt_in(sites):
    """By default a site has no file per entity but its page, and no network exports: neither
    the files nor a link to them."""
    default, opted = sites["default"], sites["relative"]
    assert not list(default.glob("entities/*.xml")) and not (default / "api/graph.json").exists()
    assert not (default / "api/graph.gexf").exists() and (default / "api/entities.json").exists()
    for site, shown in ((default, False), (opted, True)):
        assert ('entities/geneve.xml"' in (site / "entities/geneve.html").read_text("utf-8")) is shown
        assert ("api/graph.gexf" in (site / "graph.html").read_text("utf-8")) is shown
    assert (opted / "entities/geneve.xml").is_file() and (opted / "api/graph.gexf").is_file()


def test_neighbourhood_pictures_can_be_left_out(golden_project, tmp_path):
    from kbgen.build import build

    with open(golden_project / "kbgen.yml", "a", encoding="utf-8") as settings:
        settings.write("neighbourhood_pictures: false\n")
    build(golden_project, tmp_path / "site")
    page = (tmp_path / "site/entities/marie-dupont.html").read_text("utf-8")
    assert 'class="kb-graph"' not in page and 'href="../entities/geneve.html"' in page  # listed still


def test_feeds_without_base_url_use_relative_links_and_no_sitemap(sites):
    feed = etree.parse(sites["relative"] / "feed.xml").getroot()
    assert feed.find(f"{ATOM}entry/{ATOM}link").get("href") == "articles/suite-a-geneve.html"
    assert not (sites["relative"] / "sitemap.xml").exists()
    assert (sites["relative"] / "robots.txt").read_text() == "User-agent: *\nAllow: /\n"


def test_entry_ids_are_absolute_and_one_per_article_in_every_feed(sites):
    """Atom wants an absolute IRI for an id, and the same one wherever the entry is: a reader
    subscribed to the site and to an entity sees one article once."""
    for name, expected in (
        ("relative", "urn:kbgen:article:suite-a-geneve"),
        ("absolute", "https://example.org/kb/articles/suite-a-geneve.html"),
    ):
        ids = []
        for feed in (sites[name] / "feed.xml", sites[name] / "entities/geneve.xml"):
            entry = etree.parse(feed).getroot().find(f"{ATOM}entry")
            ids.append(entry.find(f"{ATOM}id").text)
        assert ids == [expected, expected]


def test_sitemap_lists_every_page(sites):
    root = etree.parse(sites["absolute"] / "sitemap.xml").getroot()
    urls = {loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert "https://example.org/kb/entities/marie-dupont.html" in urls
    assert "https://example.org/kb/graph.html" in urls
    assert all(u.startswith("https://example.org/kb/") for u in urls)
    assert "Sitemap: https://example.org/kb/sitemap.xml" in (sites["absolute"] / "robots.txt").read_text()


def test_graph_exports_agree_with_the_knowledge_base(sites):
    data = json.loads((sites["relative"] / "api/graph.json").read_text("utf-8"))
    entities = json.loads((sites["relative"] / "api/entities.json").read_text("utf-8"))
    assert {n["id"] for n in data["nodes"]} == {e["slug"] for e in entities}
    weights = {(e["source"], e["target"]): e["weight"] for e in data["edges"]}
    assert weights[("geneve", "marie-dupont")] == 3  # both named in the three articles
    gexf = nx.read_gexf(sites["relative"] / "api/graph.gexf")
    assert gexf["geneve"]["marie-dupont"]["weight"] == 3


def test_graph_page_and_neighbourhoods_link_every_node(sites):
    page = (sites["relative"] / "graph.html").read_text("utf-8")
    assert page.count('<a href="entities/') >= 6
    entity = (sites["relative"] / "entities/marie-dupont.html").read_text("utf-8")
    assert 'class="kb-graph"' in entity and '<a href="geneve.html">' in entity


def test_indexes_timeline_and_related(sites):
    site = sites["relative"]
    archive = (site / "archive.html").read_text("utf-8")
    assert archive.index('id="year-2024">2024<') < archive.index('id="year-undated">Sans date<')
    a_z = (site / "entities/a-z.html").read_text("utf-8")
    assert a_z.index('entities/all/a.html"') < a_z.index('entities/all/g.html"') < a_z.index('entities/all/m.html"')
    sources = (site / "sources.html").read_text("utf-8")
    assert "<code>seeds/</code>" in sources and "Écrits à la main" in sources
    entity = (site / "entities/marie-dupont.html").read_text("utf-8")
    assert entity.index('<h3 class="year" id="y2024">2024</h3>') < entity.index(
        '<h3 class="year" id="undated">Sans date</h3>'
    )
    # The lead: type, number of articles, first and last seen, strongest co-mentions; the year bar.
    lead = entity[entity.index('<p class="lead"') : entity.index("</p>", entity.index('<p class="lead"'))]
    assert "Personne" in lead and "dans 3 articles" in lead and "le plus souvent avec" in lead
    assert '<nav class="years"' in entity and 'href="../entities/marie-dupont.html#y2024"' in entity
    article = (site / "articles/reunion-a-lyon.html").read_text("utf-8")
    assert (
        'href="../articles/note-de-terrain.html">Note de terrain à Genève</a> <span class="meta">4 entités en commun'
        in article
    )


def test_search_index_and_finder_data_ship_inside_the_site(sites):
    site = sites["relative"]
    assert (site / "pagefind/0/pagefind-ui.js").is_file() and list((site / "pagefind/0").glob("wasm.fr*"))
    data = (site / "static/finder-data.js").read_text()
    assert data.startswith("window.KBGEN_ENTITIES = ") and "marie-dupont.html" in data
    entity = (site / "entities/marie-dupont.html").read_text("utf-8")
    assert 'data-pagefind-meta="title:Marie Dupont (Personne)"' in entity


def test_an_entity_page_lists_the_strongest_co_mentions_and_counts_the_rest(tmp_path):
    from conftest import write

    from kbgen.build import build
    from kbgen.render import CO_MENTIONS_SHOWN

    names = [f"Ville{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(45)]
    write(tmp_path / "kbgen.yml", "model: blank:fr\nentity_patterns: patterns.jsonl\n")
    write(tmp_path / "patterns.jsonl", "".join(f'{{"label": "LOC", "pattern": "{n}"}}\n' for n in names))
    write(tmp_path / "content/articles/a.md", "---\ntitle: A\n---\n" + ", ".join(names) + ".\n")
    build(tmp_path)
    page = (tmp_path / "_site/entities/villeaa.html").read_text("utf-8")
    assert page.count('<span class="count">1</span>') == CO_MENTIONS_SHOWN == 20
    assert "et 24 autres entités, moins souvent" in page
    # One article: no entity shares two with another, so there is no picture to draw, here or
    # on the graph's page, which says so.
    assert 'class="kb-graph"' not in page
    graph_page = (tmp_path / "_site/graph.html").read_text("utf-8")
    assert 'class="kb-graph"' not in graph_page and "Rien à dessiner" in graph_page
