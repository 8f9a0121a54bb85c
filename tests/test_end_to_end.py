"""`kbgen build` on the project's own seeds/ and content/ with the real French model."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO

from kbgen.resolve import fold

EXPECTED_ENTITIES = {
    "Mark Rutte": "PER",
    "Christopher Cavoli": "PER",
    "Boris Pistorius": "PER",
    "Jens Stoltenberg": "PER",
    "Donald Trump": "PER",
    "Vladimir Poutine": "PER",
    "OTAN": "ORG",
    "NSATU": "ORG",
    "Ukraine": "LOC",
    "Kiev": "LOC",
    "Russie": "LOC",
    "Pays-Bas": "LOC",
    "Wiesbaden": "LOC",
    "Allemagne": "LOC",
    "Europe": "LOC",
    "États-Unis": "LOC",
    "Moscou": "LOC",
    "Donbass": "LOC",
    "Koursk": "LOC",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("seed-project")
    for folder in ("seeds", "content"):
        shutil.copytree(REPO / folder, project / folder)
    result = subprocess.run(
        [sys.executable, "-m", "kbgen", "build", "--project", str(project), "--out", str(project / "_site")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return project / "_site"


def entities(site: Path) -> list[dict]:
    return json.loads((site / "api/entities.json").read_text("utf-8"))


def test_the_seed_entities_are_found_once_each_with_their_type(built):
    found = {e["name"]: e["type"] for e in entities(built)}
    for name, kind in EXPECTED_ENTITIES.items():
        assert found.get(name) == kind, f"{name} missing or mistyped: {found.get(name)}"
    rutte = next(e for e in entities(built) if e["name"] == "Mark Rutte")
    assert rutte["aliases"] == ["Rutte"] and rutte["mentions"] >= 4


def test_no_duplicate_or_debris_entity(built):
    names = [e["name"] for e in entities(built)]
    assert len({fold(n) for n in names}) == len(names)
    for name in names:
        assert name[0].isupper(), name
        assert not re.search(r"^(l|d|qu|s|n)['’]|['’]$", name, re.IGNORECASE), name
        assert not name.startswith(("la ", "le ", "les ")), name
    # Surnames alone are merged with their full name.
    people = [e["name"] for e in entities(built) if e["type"] == "PER"]
    for name in people:
        if " " not in name:
            assert not any(other.endswith(" " + name) for other in people if other != name), name


class _Mentions(HTMLParser):
    def __init__(self):
        super().__init__()
        self.mentions: list[tuple[str, str]] = []
        self._href = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("class") == "mention":
            self._href = attrs["href"]

    def handle_data(self, data):
        if self._href:
            self.mentions.append((data, self._href))
            self._href = None


def test_each_entity_links_at_its_first_mention_to_its_page_and_back(built):
    [article] = list((built / "articles").glob("*.html"))
    html = article.read_text("utf-8")
    parser = _Mentions()
    parser.feed(html)
    linked = {text: href for text, href in parser.mentions}
    assert linked["Mark Rutte"] == "../entities/mark-rutte.html" and "Rutte" not in linked
    assert linked["OTAN"] == "../entities/otan.html"
    # Linked once each, at the first mention; the later ones are plain text.
    hrefs = [href for _, href in parser.mentions]
    assert len(hrefs) == len(set(hrefs))
    body = html[html.index('<div class="body">') : html.index("<aside")]
    assert body.count("OTAN") >= 8 and body.count('href="../entities/otan.html"') == 1
    for _text, href in parser.mentions:
        page = (article.parent / href).resolve()
        assert page.is_file(), href
        assert f'href="../articles/{article.name}"' in page.read_text("utf-8")


def test_the_reader_sees_entities_grouped_by_type_on_the_index(built):
    index = (built / "entities/index.html").read_text("utf-8")
    for heading in ("Personnes", "Organisations", "Lieux"):
        assert f">{heading} <span" in index
    assert 'href="../entities/otan.html"' in index  # among the most mentioned organisations
    home = (built / "index.html").read_text("utf-8")
    assert "Les plus citées" not in home  # one article: no entity is seen in two, none is put forward


def test_kbgen_check_passes_on_the_built_seed_site(built):
    result = subprocess.run(
        [sys.executable, "-m", "kbgen", "check", "--out", str(built)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "65 pages checked, no problem found." in result.stdout  # tags/index.html among them
