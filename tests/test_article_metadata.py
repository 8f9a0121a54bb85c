"""What an article's front matter adds to the site (issue 16): drafts, tags, redirects from old
URLs, summary, subtitle, authors, image, per-article language, time and zone, and the new keys of
api/articles.json. Tested on Article values made here, through render, feeds and api."""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree
from dataclasses import replace
from datetime import date, time, timedelta, timezone
from pathlib import Path

import pytest
from conftest import write

from kbgen import api, lang, redirects
from kbgen.articles import Article
from kbgen.build import published
from kbgen.feeds import atom_feed, entry, lastmod, sitemap
from kbgen.link import link
from kbgen.media import Image, Media, article_images
from kbgen.project import Project
from kbgen.render import Theme, render_site
from kbgen.tags import tag_slug, tags_of

ATOM = "{http://www.w3.org/2005/Atom}"
PARIS = timezone(timedelta(hours=2))


def article(slug: str, **fields) -> Article:
    text = fields.pop("text", f"Texte de {slug}.")
    values = dict(
        slug=slug,
        path=Path(f"content/articles/{slug}.md"),
        title=f"Titre {slug}",
        date=date(2024, 3, 5),
        lang="fr",
        source=None,
        body=text,
        text=text,
    )
    return Article(**(values | fields))


@pytest.fixture
def project(tmp_path) -> Project:
    write(tmp_path / "kbgen.yml", "model: blank:fr\n")
    return Project.load(tmp_path)


def site(project: Project, articles, base_url: str | None = None, **extras) -> dict[str, bytes]:
    """The files render makes for `articles` (no entities), made."""
    kb = link(sorted(articles, key=lambda a: (a.date is None, -(a.date or date.min).toordinal())), [], {})
    theme = Theme(project.theme_folders, project.config, base_url)
    return {f.path: f.make() for f in render_site(kb, theme, {}, [], **extras)}


def text(files: dict[str, bytes], path: str) -> str:
    return files[path].decode()


# Drafts


def test_drafts_are_left_out_unless_asked():
    kept, draft = article("a"), article("b", draft=True)
    assert published([kept, draft]) == [kept]
    assert published([kept, draft], drafts=True) == [kept, draft]


def test_a_draft_included_is_marked_on_its_page_and_in_lists_and_in_api(project):
    files = site(project, [article("a"), article("b", draft=True)], drafts=True)
    assert 'class="draft-note"' in text(files, "articles/b.html")
    assert 'class="draft-note"' not in text(files, "articles/a.html")
    home = text(files, "index.html")
    assert home.count('<strong class="draft">Brouillon</strong>') == 1
    rows = json.loads(files["api/articles.json"])
    assert {r["slug"]: r["draft"] for r in rows} == {"a": False, "b": True}
    # Without --drafts, no row says "draft": the contract is the one it was.
    assert all("draft" not in r for r in json.loads(site(project, [article("a")])["api/articles.json"]))


# Tags


def test_tag_pages_list_their_articles_newest_first_and_the_tags_page_counts_them(project):
    older = article("old", date=date(2023, 1, 1), tags=("Politique", "Europe"))
    newer = article("new", date=date(2024, 1, 1), tags=("politique",))
    files = site(project, [older, newer])
    page = text(files, "tags/politique/index.html")
    assert page.index("articles/new.html") < page.index("articles/old.html")
    assert 'href="../../articles/new.html"' in page  # relative, two folders down
    listing = text(files, "tags/index.html")
    assert 'href="../tags/europe/index.html"' in listing and 'href="../tags/politique/index.html"' in listing
    assert '<span class="count">2</span>' in listing
    # Spelt two ways, one page, named as most articles spell it (ties: the first in order).
    assert [(t.slug, t.name) for t in tags_of([older, newer])] == [("europe", "Europe"), ("politique", "Politique")]


def test_an_article_page_links_its_tags(project):
    files = site(project, [article("a", tags=("Été 2024", "日本"))])
    page = text(files, "articles/a.html")
    assert '<a href="../tags/ete-2024/index.html" rel="tag">Été 2024</a>' in page
    assert f'<a href="../tags/{tag_slug("日本")}/index.html" rel="tag">日本</a>' in page
    assert tag_slug("日本").startswith("tag-") and tag_slug("日本") == tag_slug("日本")
    assert f"tags/{tag_slug('日本')}/index.html" in files


def test_tags_are_in_api_and_in_the_sitemap(project):
    files = site(project, [article("a", tags=("Europe",))], base_url="https://example.org/kb/")
    assert json.loads(files["api/tags.json"]) == [
        {"slug": "europe", "name": "Europe", "url": "tags/europe/index.html", "articles": ["a"]}
    ]
    row = json.loads(files["api/articles.json"])[0]
    assert row["tags"] == [{"name": "Europe", "slug": "europe", "url": "tags/europe/index.html"}]
    sitemap_text = text(files, "sitemap.xml")
    assert "https://example.org/kb/tags/europe/index.html" in sitemap_text
    assert "https://example.org/kb/tags/index.html" in sitemap_text
    locs = [line.strip() for line in sitemap_text.splitlines() if "<loc>" in line]
    assert len(locs) == len(set(locs))  # a tag's page once, though it is one of the list pages too


# Redirects from old URLs


@pytest.mark.parametrize(
    "url, path",
    [
        ("/2024/03/05/old-title/", "2024/03/05/old-title/index.html"),
        ("/posts/old.html", "posts/old.html"),
        ("posts/old", "posts/old/index.html"),
        ("/articles/old-title/", "articles/old-title/index.html"),
        ("/caf%C3%A9/", "café/index.html"),
    ],
)
def test_an_old_url_becomes_a_page_in_the_site(url, path):
    assert redirects.redirect_path(url) == (path, "")


@pytest.mark.parametrize(
    "url",
    [
        "/../outside/",
        "/a/%2e%2e/%2e%2e/b/",
        "..\\evil.html",
        "https://example.org/old/",
        "//example.org/old/",
        "javascript:alert(1)",
        "C:/Windows/x.html",
        "/old?p=1",
        "/old/#part",
        "/",
        "",
        "/.kbgen-site",
        "/static/style.css",
        "/pagefind/x/",
        "/feed.rss",
        "/a\x00b/",
    ],
)
def test_an_old_url_that_could_leave_the_site_or_is_no_page_is_refused(url):
    path, why = redirects.redirect_path(url)
    assert path is None and why


def test_old_urls_that_collide_are_refused_with_a_warning_naming_the_article():
    one = article("one", old_urls=("/old/", "/index.html", "/articles/two.html"))
    two = article("two", old_urls=("/OLD/index.html", "/x/../../etc/"))
    planned, problems = redirects.plan([one, two], redirects.site_paths([one, two], []))
    assert planned == {"old/index.html": one}
    messages = [str(p) for p in problems]
    assert len(messages) == 4
    assert all(m.startswith("content/articles/") and ": warning: old URL" in m for m in messages)
    assert (
        "content/articles/one.md: warning: old URL '/index.html' is not redirected: the site has a file" in messages[0]
    )
    assert "another old URL of content/articles/one.md" in messages[2]


def test_an_old_url_may_not_make_a_folder_of_a_file_or_a_file_of_a_folder():
    one = article("one", old_urls=("/feed.xml/", "/articles/one.html/", "/old.html", "/new/"))
    two = article("two", old_urls=("/old.html/", "/new", "/new/index.html/"))
    planned, problems = redirects.plan([one, two], redirects.site_paths([one, two], []))
    assert planned == {"old.html": one, "new/index.html": one}
    assert len(problems) == 5
    assert "the site has a file at that path or in it" in problems[0].message
    assert "another old URL of content/articles/one.md" in problems[2].message


def test_a_redirect_page_sends_the_reader_on_with_relative_links(project):
    moved = article("a", old_urls=("/2024/03/05/old/",))
    planned, _ = redirects.plan([moved], redirects.site_paths([moved], []))
    files = site(project, [moved], base_url="https://example.org/kb/", moved=planned)
    page = text(files, "2024/03/05/old/index.html")
    assert '<meta http-equiv="refresh" content="0; url=../../../../articles/a.html">' in page
    assert '<link rel="canonical" href="../../../../articles/a.html">' in page
    assert '<a href="../../../../articles/a.html">Titre a</a>' in page
    assert "2024/03/05/old" not in text(files, "sitemap.xml")


# Summary, subtitle, authors, image, language


def test_summary_subtitle_and_authors_are_shown_and_escaped(project):
    a = article("a", summary="Le <b>résumé</b>.", subtitle="Un & sous-titre", authors=("Ana", "Bo <x>"))
    page = text(site(project, [a]), "articles/a.html")
    assert '<meta name="description" content="Le &lt;b&gt;résumé&lt;/b&gt;.">' in page
    assert '<p class="lede">Le &lt;b&gt;résumé&lt;/b&gt;.</p>' in page
    assert '<p class="subtitle">Un &amp; sous-titre</p>' in page
    assert "par Ana, Bo &lt;x&gt;" in page


def test_without_a_summary_the_description_is_the_start_of_the_text(project):
    words = " ".join(["mot"] * 100)
    page = text(site(project, [article("a", text=words)]), "articles/a.html")
    described = page.split('<meta name="description" content="')[1].split('"')[0]
    assert described.startswith("mot mot") and described.endswith("…") and len(described) <= 161
    assert 'class="lede"' not in page


def test_atom_gives_the_summary_and_each_author(project):
    a = article("a", summary="Résumé.", authors=("Ana", "Bo"))
    feed = etree.fromstring(site(project, [a])["feed.xml"])
    item = feed.find(f"{ATOM}entry")
    assert item.find(f"{ATOM}summary").text == "Résumé."
    assert [n.text for n in item.findall(f"{ATOM}author/{ATOM}name")] == ["Ana", "Bo"]


def test_an_article_in_another_language_says_so_on_its_element(project):
    page = text(site(project, [article("a", lang="en")]), "articles/a.html")
    assert '<article data-pagefind-body lang="en">' in page
    # The page's own language stays the site's: Pagefind indexes by <html lang>, and the search
    # page (in the site's language) would not find an article indexed apart.
    assert '<html lang="fr">' in page


def test_a_local_image_is_copied_into_the_site_and_shown(project):
    root = project.root
    write(root / "content/articles/a.md", "---\n---\n")
    (root / "content/articles/Cover Photo.JPG").write_bytes(b"\xff\xd8jpeg")
    (root / "images").mkdir()
    (root / "images/b.png").write_bytes(b"png")
    articles = [
        article("a", image="Cover Photo.JPG"),
        article("b", image="images/b.png"),
        article("c", image="/images/b.png"),
        article("d", image="https://example.org/x.jpg"),
    ]
    media, problems = article_images(root, articles)
    assert problems == []
    a, b = media.images["a"], media.images["b"]
    assert a.local and a.url.startswith("media/") and a.url.endswith("/cover-photo.jpg")
    assert media.images["c"] == b  # the same file, one copy
    assert media.images["d"] == Image("https://example.org/x.jpg", local=False)
    files = site(project, articles, media=media)
    assert files[a.url] == b"\xff\xd8jpeg" and files[b.url] == b"png"
    assert f'<img class="cover" src="../{a.url}" alt="Titre a">' in text(files, "articles/a.html")
    remote = text(files, "articles/d.html")
    assert '<a href="https://example.org/x.jpg" rel="external">' in remote and "<img" not in remote
    assert {r["slug"]: r["image"] for r in json.loads(files["api/articles.json"])} == {
        "a": a.url,
        "b": b.url,
        "c": b.url,
        "d": "https://example.org/x.jpg",
    }


def test_an_image_missing_outside_the_project_or_not_an_image_gets_a_warning(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.png"
    outside.write_bytes(b"png")
    write(project.root / "kbgen.yml", "model: blank:fr\n")
    cases = {
        "missing": "nope.png",
        "outside": str(outside),
        "escaping": "../../../" + outside.parent.name + "/secret.png",
        "not-an-image": "/kbgen.yml",
        "scheme": "file:///etc/passwd",
    }
    media, problems = article_images(project.root, [article(slug, image=value) for slug, value in cases.items()])
    assert media == Media({}, {})
    assert [str(p.path) for p in problems] == [f"content/articles/{slug}.md" for slug in cases]
    assert all(p.severity == "warning" and "is not shown" in p.message for p in problems)
    assert "no such file" in problems[0].message and "outside the project" in problems[1].message


def test_a_path_from_the_root_of_another_generators_site_is_found_there(project, tmp_path_factory):
    """Jekyll serves `/assets/x.png` from its site's folder, Hugo and Zola from `static/`: a
    content folder read in place finds them there, and nowhere above that site."""
    jekyll, hugo = tmp_path_factory.mktemp("jekyll"), tmp_path_factory.mktemp("hugo")
    (jekyll / "assets").mkdir()
    (jekyll / "assets/cover.png").write_bytes(b"png jekyll")
    (hugo / "static/images").mkdir(parents=True)
    (hugo / "static/images/cover.png").write_bytes(b"png hugo")
    (hugo.parent / "above.png").write_bytes(b"png above")
    folders = (jekyll / "_posts", hugo / "content/posts")
    articles = [
        article("j", path=jekyll / "_posts/2024-03-05-j.md", image="/assets/cover.png"),
        article("h", path=hugo / "content/posts/h.md", image="/images/cover.png"),
        article("above", path=hugo / "content/posts/above.md", image="/../above.png"),
    ]
    media, problems = article_images(project.root, articles, folders)
    assert {media.copies[media.images[slug].url].read_bytes() for slug in ("j", "h")} == {b"png jekyll", b"png hugo"}
    assert [(str(p.path), "outside the project" in p.message) for p in problems] == [(str(articles[2].path), True)]


# Time and zone


def test_dates_and_times_in_the_site_language():
    fr, en = lang.profile("fr").strings, lang.profile("en").strings
    assert lang.format_moment(date(2024, 3, 5), time(8, 30), fr) == "5 mars 2024 à 8\u00a0h\u00a030"
    assert lang.format_moment(date(2024, 3, 5), time(14, 0), fr) == "5 mars 2024 à 14\u00a0h"
    assert lang.format_moment(date(2024, 3, 5), None, fr) == "5 mars 2024"
    assert lang.format_moment(date(2024, 3, 5), time(8, 5), en) == "5 March 2024, 08:05"
    assert lang.iso_moment(date(2024, 3, 5), time(8, 30, tzinfo=PARIS)) == "2024-03-05T08:30+02:00"
    assert lang.iso_moment(date(2024, 3, 5), time(8, 30)) == "2024-03-05T08:30"
    assert lang.iso_moment(date(2024, 3, 5), time(8, 30, 15)) == "2024-03-05T08:30:15"


def test_an_article_page_shows_its_time_and_its_update(project):
    a = article("a", time=time(8, 30, tzinfo=PARIS), updated=date(2024, 3, 6), updated_time=time(9, 0))
    page = text(site(project, [a]), "articles/a.html")
    assert '<time datetime="2024-03-05T08:30+02:00">5 mars 2024 à 8\u00a0h\u00a030</time>' in page
    assert 'mis à jour le <time class="updated" datetime="2024-03-06T09:00">6 mars 2024 à 9\u00a0h</time>' in page
    home = text(site(project, [a]), "index.html")
    assert 'datetime="2024-03-05T08:30+02:00"' in home


def test_atom_and_sitemap_carry_time_and_zone():
    zoned = article("a", time=time(8, 30, tzinfo=PARIS), updated=date(2024, 3, 6), updated_time=time(9, 0))
    e = entry(zoned, "articles/a.html")
    item = etree.fromstring(atom_feed("t", "urn:x", "index.html", [e], "fr")).find(f"{ATOM}entry")
    assert item.find(f"{ATOM}published").text == "2024-03-05T08:30:00+02:00"
    assert item.find(f"{ATOM}updated").text == "2024-03-06T09:00:00Z"  # a time without zone: UTC
    plain = etree.fromstring(atom_feed("t", "urn:x", "i", [entry(article("b"), "b")], "fr")).find(f"{ATOM}entry")
    assert plain.find(f"{ATOM}published").text == plain.find(f"{ATOM}updated").text == "2024-03-05T00:00:00Z"
    undated = etree.fromstring(atom_feed("t", "urn:x", "i", [entry(article("c", date=None), "c")], "fr"))
    assert undated.find(f"{ATOM}entry/{ATOM}published") is None  # optional in Atom; never 1970
    mixed = [entry(article("c", date=None), "c"), entry(article("b", updated=date(2024, 4, 1)), "b")]
    items = etree.fromstring(atom_feed("t", "urn:x", "i", mixed, "fr")).findall(f"{ATOM}entry")
    # Atom needs <updated>: an undated entry takes the feed's newest, not 1970.
    assert [i.find(f"{ATOM}updated").text for i in items] == ["2024-04-01T00:00:00Z"] * 2
    assert lastmod(date(2024, 3, 5)) == "2024-03-05"
    assert lastmod(date(2024, 3, 5), time(8, 30, tzinfo=PARIS)) == "2024-03-05T08:30:00+02:00"
    xml = sitemap([("https://e.org/a.html", "2024-03-05"), ("https://e.org/b.html", None)]).decode()
    assert "<lastmod>2024-03-05</lastmod>" in xml and xml.count("<lastmod>") == 1


def test_the_sitemap_dates_an_article_by_its_update(project):
    a = article("a", updated=date(2024, 4, 1))
    xml = text(site(project, [a], base_url="https://e.org/"), "sitemap.xml")
    assert "<loc>https://e.org/articles/a.html</loc>\n    <lastmod>2024-04-01</lastmod>" in xml


# api/articles.json


def test_api_articles_gains_keys_and_keeps_the_old_ones_first():
    a = article(
        "a",
        time=time(8, 30, tzinfo=PARIS),
        authors=("Ana",),
        summary="S",
        subtitle="T",
        tags=("X",),
        lang="en",
        extra={"weight": 3, "when": date(2020, 1, 2), 7: [time(1, 2)], "nan": float("nan")},
    )
    row = json.loads(api.articles_json([a], {"a": ()}, {"a": "media/x/a.png"}))[0]
    assert list(row)[:5] == ["slug", "title", "date", "url", "entities"]
    assert row["date"] == "2024-03-05" and row["datetime"] == "2024-03-05T08:30+02:00"
    assert row | {"tags": None} == row | {
        "authors": ["Ana"],
        "summary": "S",
        "subtitle": "T",
        "lang": "en",
        "image": "media/x/a.png",
        "updated": None,
        "tags": None,
        "extra": {"weight": 3, "when": "2020-01-02", "7": ["01:02:00"], "nan": "nan"},
    }
    assert "draft" not in row


# Incremental builds: what pages show is in their keys


@pytest.mark.parametrize(
    "change",
    [
        {"time": time(9, 0)},
        {"updated": date(2024, 4, 1)},
        {"summary": "S"},
        {"subtitle": "T"},
        {"authors": ("Ana",)},
        {"tags": ("X",)},
        {"image": "x.png"},
        {"draft": True},
        {"extra": {"k": time(1, 0)}},
    ],
)
def test_a_page_key_changes_with_every_field_pages_show(project, change):
    theme = Theme(project.theme_folders, project.config)

    def home_key(a):
        return theme.page("index.html", "home.html", articles=(a,), top=()).key()

    assert home_key(article("a")) != home_key(replace(article("a"), **change))
