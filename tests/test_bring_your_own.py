"""Bring your own articles, end to end: a project whose kbgen.yml `content_dirs` names a Hugo
site's posts and a Jekyll blog's `_posts`, both outside the project, built by the real build.
The two folders (tests/fixtures/bring_your_own, written from Hugo's and Jekyll's documented
front matter) are copied, and the copies must come out of the builds unchanged."""

from __future__ import annotations

import gzip
import json
import posixpath
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import site_files, write

from kbgen.build import build
from kbgen.check import check_site
from kbgen.cli import cli

SOURCES = Path(__file__).parent / "fixtures" / "bring_your_own"
BASE_URL = "https://owner.github.io/repo"  # as on GitHub Pages: a sub-path, so 404.html is absolute
# Model-free, as the golden project: a blank French pipeline finding these names only.
PATTERNS = [
    ("PER", "Marie Dupont"),
    ("PER", "Jean Martin"),
    ("PER", "Simone Weil"),  # named by the Hugo draft only
    ("PER", "Paul Verlaine"),  # named by the unpublished Jekyll post only
    ("ORG", "OTAN"),
    ("LOC", "Lyon"),
    ("LOC", "Genève"),
    ("LOC", "Annecy"),  # named by those two only
]
# What only the draft and the unpublished post say: their titles, slugs, tags, old URLs, names.
UNPUBLISHED = [
    "Projet cach",
    "projet-cache",
    "Confidentiel",
    "confidentiel",
    "projet-secret",
    "pas encore publi",
    "pas-encore",
    "brouillons",
    "inedit",
    "Simone Weil",
    "simone-weil",
    "Paul Verlaine",
    "paul-verlaine",
    "Annecy",
    "annecy",
]
ARTICLES = {"marche-de-lyon", "titre"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One build (and a second one into another folder), shared by the tests below."""
    root = tmp_path_factory.mktemp("bring-your-own")
    for folder in ("hugo", "jekyll"):
        shutil.copytree(SOURCES / folder, root / folder)
    project = root / "kb"
    write(
        project / "kbgen.yml",
        """
        title: Mes carnets
        model: blank:fr
        entity_patterns: patterns.jsonl
        content_dirs:
          - ../hugo/content/posts
          - ../jekyll/_posts
        """,
    )
    write(project / "patterns.jsonl", "".join(json.dumps({"label": k, "pattern": p}) + "\n" for k, p in PATTERNS))
    sources_before = {folder: site_files(root / folder) for folder in ("hugo", "jekyll")}
    summary = build(project, root / "site", base_url=BASE_URL)
    again = build(project, root / "again", base_url=BASE_URL)
    return {
        "root": root,
        "project": project,
        "site": root / "site",
        "again": root / "again",
        "summary": summary,
        "again_summary": again,
        "sources_before": sources_before,
    }


def text(site: Path, path: str) -> str:
    return (site / path).read_text("utf-8")


def readable(data: bytes) -> bytes:
    """A file's bytes as a reader of its text sees them: Pagefind's files are gzipped."""
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def followed(page: str, url: str) -> str:
    """The site path a relative URL on the page at site path `page` leads to."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), url))


def articles_json(site: Path) -> dict[str, dict]:
    return {row["slug"]: row for row in json.loads(text(site, "api/articles.json"))}


def test_the_build_reads_both_folders_without_a_problem(built):
    assert built["summary"].warnings == []
    assert built["summary"].articles == len(ARTICLES)
    assert set(articles_json(built["site"])) == ARTICLES  # Hugo's _index.md is a list, not an article


def test_drafts_and_unpublished_posts_are_nowhere_in_the_site(built):
    site = built["site"]
    files = site_files(site)
    # The published articles are where the drafts would be: the absence below means something.
    for slug in ARTICLES:
        assert f"articles/{slug}.html" in files
        for shown in ("feed.xml", "sitemap.xml"):
            assert f"articles/{slug}.html".encode() in files[shown], (slug, shown)
    assert b"entities/marie-dupont.html" in files["static/finder-data.js"]  # the search page's names
    assert any(b"Marie Dupont" in readable(data) for path, data in files.items() if path.startswith("pagefind/"))
    assert "tags/confidentiel/index.html" not in files and "tags/brouillons/index.html" not in files
    assert "posts/projet-secret/index.html" not in files and "inedit/index.html" not in files
    assert "entities/simone-weil.html" not in files and "entities/annecy.html" not in files
    found = [
        (path, marker)
        for path, data in files.items()
        for marker in UNPUBLISHED
        if marker.encode() in readable(data) or marker in path
    ]
    assert found == []


def test_each_tag_has_a_page_linking_its_articles(built):
    site = built["site"]
    tagged = {"lyon": "marche-de-lyon", "marches": "marche-de-lyon", "otan": "titre"}
    tagged |= {"politique": "titre", "diplomatie": "titre"}  # Jekyll's categories, separated by spaces
    for tag, slug in tagged.items():
        page = f"tags/{tag}/index.html"
        links = re.findall(r'href="([^"#]+)"', text(site, page))
        assert f"articles/{slug}.html" in {followed(page, url) for url in links}, page
        article = f"articles/{slug}.html"
        links = re.findall(r'href="([^"#]+)"', text(site, article))
        assert page in {followed(article, url) for url in links}, (article, page)
    assert {tag["slug"] for tag in articles_json(site)["titre"]["tags"]} == {"otan", "politique", "diplomatie"}


@pytest.mark.parametrize(
    "old, slug",
    [
        ("posts/ancien-marche/index.html", "marche-de-lyon"),  # Hugo's aliases
        ("2024/04/marche.html", "marche-de-lyon"),
        ("2024/03/05/reunion/index.html", "titre"),  # Jekyll's redirect_from
        ("anciens/reunion.html", "titre"),
    ],
)
def test_old_urls_redirect_to_the_article(built, old, slug):
    page = text(built["site"], old)
    (refresh,) = re.findall(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', page)
    (canonical,) = re.findall(r'<link rel="canonical" href="([^"]+)">', page)
    assert followed(old, refresh) == followed(old, canonical) == f"articles/{slug}.html"


def test_a_jekyll_post_is_dated_by_its_file_name_and_named_without_the_date(built):
    site = built["site"]
    row = articles_json(site)["titre"]
    assert row["date"] == "2024-03-05" and row["url"] == "articles/titre.html"
    assert '<time datetime="2024-03-05">' in text(site, "articles/titre.html")
    assert not [path for path in site_files(site) if "2024-03-05-titre" in path]
    assert articles_json(site)["marche-de-lyon"]["date"] == "2024-04-12"  # Hugo's TOML date


def test_the_source_folders_are_never_modified(built):
    for folder, before in built["sources_before"].items():
        after = site_files(built["root"] / folder)
        assert after == before == site_files(SOURCES / folder), folder


def test_kbgen_check_passes_on_the_site(built):
    assert check_site(built["site"]) == []
    result = CliRunner().invoke(cli, ["check", "--project", str(built["project"]), "--out", str(built["site"])])
    assert result.exit_code == 0, result.output


def test_a_second_build_gives_the_same_bytes(built):
    assert built["again_summary"].warnings == []
    assert site_files(built["again"]) == site_files(built["site"])
