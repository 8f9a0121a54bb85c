"""End to end: a surname several people bear gets a page listing them ('Vidal peut désigner…'),
and each bare mention links to the person its article names, or to that page; the same name
inside a company's name is not the person."""

from __future__ import annotations

import json
import re

from conftest import write

from kbgen.build import build
from kbgen.searchable import searchable_digest

PATTERNS = [("PER", "Jean Vidal"), ("PER", "Marie Vidal"), ("PER", "Vidal"), ("LOC", "Lyon")]
ARTICLES = {
    "jean": "Jean Vidal, maire de Lyon, a parlé. Vidal a conclu.",
    "marie": "Marie Vidal a gagné la course. Vidal était émue.",
    "marie-encore": "Marie Vidal revient à Lyon.",
    "sans-prenom": "Vidal a démissionné. Vidal Conseil recrute à Lyon.",
}


def links(page: str) -> list[tuple[str, str]]:
    return re.findall(r'<a class="mention" href="([^"]+)">([^<]+)</a>', page)


def test_homonyms_get_a_page_and_each_mention_links_to_the_right_one(tmp_path):
    write(tmp_path / "kbgen.yml", "model: blank:fr\nentity_patterns: patterns.jsonl\nbase_url: https://example.org/\n")
    lines = [json.dumps({"label": label, "pattern": pattern}) for label, pattern in PATTERNS]
    write(tmp_path / "patterns.jsonl", "\n".join(lines) + "\n")
    for slug, text in ARTICLES.items():
        write(tmp_path / f"content/articles/{slug}.md", f"---\ntitle: {slug}\n---\n{text}\n")
    build(tmp_path)
    site = tmp_path / "_site"

    def page(path):
        return (site / path).read_text("utf-8")

    # The bare surname after a full name is that person's mention (counted as theirs; only an
    # entity's first mention in an article is a link).
    assert links(page("articles/jean.html")) == [
        ("../entities/jean-vidal.html", "Jean Vidal"),
        ("../entities/lyon.html", "Lyon"),
    ]
    assert "entities/vidal.html" not in page("articles/jean.html") + page("articles/marie.html")
    counted = {e["slug"]: e["mentions"] for e in json.loads(page("api/entities.json"))}
    assert counted["jean-vidal"] == 2 and counted["marie-vidal"] == 3
    # No full name in the article: the bare surname links to the homonym page; 'Vidal Conseil' to nothing.
    assert [link for link in links(page("articles/sans-prenom.html")) if "Vidal" in link[1]] == [
        ("../entities/vidal.html", "Vidal")
    ]
    homonym = page("entities/vidal.html")
    assert "Vidal peut désigner\u00a0:" in homonym
    listed = re.findall(r'href="\.\./entities/([^"]+)\.html">([^<]+)</a> <span class="count">([^<]+)<', homonym)
    assert listed == [("marie-vidal", "Marie Vidal", "2 articles"), ("jean-vidal", "Jean Vidal", "1 article")]
    assert 'href="../articles/sans-prenom.html"' in homonym
    # Each person it lists points back to it, so the page is reached even with no bare mention.
    for person in ("jean-vidal", "marie-vidal"):
        hatnote = re.findall(r'<p class="hatnote"[^>]*>(.*?)</p>', page(f"entities/{person}.html"))
        assert hatnote == [
            'Pour les autres personnes nommées Vidal, voir <a class="entity type-per" href="../entities/vidal.html">Vidal</a>.'
        ]
    assert "hatnote" not in page("entities/lyon.html")
    entities = {e["name"] for e in json.loads(page("api/entities.json"))}
    assert "Vidal" not in entities and {"Jean Vidal", "Marie Vidal"} <= entities
    assert "https://example.org/entities/vidal.html" in page("sitemap.xml")
    # Not in Pagefind's index (a search file less): found by its name, as entities are.
    assert "data-pagefind-body" not in homonym
    finder = json.loads(page("static/finder-data.js").removeprefix("window.KBGEN_ENTITIES = ").rstrip(";\n"))
    assert ["Vidal", [], "PER", "entities/vidal.html", 6] in finder  # its bare mention and its people's five
    # One more article on a Vidal changes the counts the page shows and their order, not what
    # search reads of it (its name: the people are found by theirs): its search shard is not
    # indexed again.
    searchable = searchable_digest(site / "entities/vidal.html")
    write(tmp_path / "content/articles/jean-encore.md", "---\ntitle: jean-encore\n---\nJean Vidal revient.\n")
    build(tmp_path)
    assert page("entities/vidal.html").index("jean-vidal.html") < page("entities/vidal.html").index("marie-vidal.html")
    assert searchable_digest(site / "entities/vidal.html") == searchable
