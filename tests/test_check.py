"""`kbgen check` finds each kind of problem in a built site."""

from __future__ import annotations

import pytest
from conftest import write

from kbgen.check import check_site

HOME = (
    '<!DOCTYPE html><html><head><link rel="stylesheet" href="s.css"></head><body><a href="a.html">a</a></body></html>'
)


@pytest.fixture
def site(tmp_path):
    write(tmp_path / "index.html", HOME)
    write(tmp_path / "s.css", "body {}")
    write(tmp_path / "a.html", '<p id="x">A <a href="index.html#">home</a> <a href="https://example.org/">out</a></p>')
    return tmp_path


def test_a_good_site_has_no_problem(site):
    assert check_site(site) == []


@pytest.mark.parametrize(
    "page, problem",
    [
        ('<p><a href="missing.html">x</a></p>', "b.html: broken link missing.html"),
        ('<p><a href="a.html#nowhere">x</a></p>', "b.html: missing anchor a.html#nowhere"),
        ('<p><a href="../../etc/passwd">x</a></p>', "b.html: broken link ../../etc/passwd"),
        (
            '<p><img src="https://cdn.example.org/x.png" alt=""></p>',
            "b.html: external request https://cdn.example.org/x.png",
        ),
        ('<p><a href="javascript:alert(1)">x</a></p>', "b.html: unsafe link javascript:alert(1)"),
        ("<div><p>x</div>", "b.html: line 1: </div> closes p"),
        ("<div>x", "b.html: line 1: <div> is never closed"),
        ('<p id="a">x</p><p id="a">y</p>', "b.html: line 1: duplicate id 'a'"),
    ],
)
def test_each_problem_is_found(site, page, problem):
    write(site / "b.html", page)
    write(site / "a.html", '<p id="x"><a href="b.html">b</a></p>')
    assert problem in check_site(site)


def test_orphan_pages_are_found(site):
    write(site / "lonely.html", "<p>nobody links here</p>")
    assert check_site(site) == ["lonely.html: orphan page, no link leads to it"]


def test_the_files_the_last_build_skipped_are_known_from_its_state(tmp_path):
    from kbgen.check import skipped_by_last_build
    from kbgen.errors import Problem
    from kbgen.project import Project
    from kbgen.state import BuildState, load_state, save_state

    project = Project.load(tmp_path / "p")
    out = project.out
    assert skipped_by_last_build(project.root, out) == []  # never built
    skipped = [Problem("content/articles/b.md", 2, "bad title; skipped", "write a title")]
    project.state_dir.mkdir(parents=True)
    save_state(project.build_state, BuildState("x", 1, 0, 3, [], {}, skipped))
    assert load_state(project.build_state).skipped == skipped
    assert skipped_by_last_build(project.root, out) == skipped
    assert skipped_by_last_build(project.root, tmp_path / "elsewhere") == []  # another output's build
    write(project.config_file, "modle: x\n")
    assert skipped_by_last_build(project.root, out) == []  # unreadable settings: not known


BASE = "https://owner.github.io/repo/"


def test_links_under_the_sites_own_base_url_are_internal_wherever_they_are(site):
    from kbgen.feeds import robots

    # What a build with --base-url writes: robots.txt names the sitemap under the base, and
    # the 404 page (served at any depth) links the site absolutely.
    (site / "robots.txt").write_bytes(robots(BASE + "sitemap.xml"))
    write(
        site / "404.html",
        f'<html><head><link rel="stylesheet" href="{BASE}s.css"></head><body>'
        f'<a href="{BASE}index.html">home</a> <a href="{BASE}a.html#x">a</a> <a href="{BASE[:-1]}">home</a>'
        "</body></html>",
    )
    write(site / "a.html", '<p id="x"><a href="HTTPS://OWNER.GITHUB.IO/repo/b.html">b</a></p>')
    write(site / "b.html", "<p>reached by an absolute link only</p>")
    assert check_site(site) == []
    # Still a fault: a broken or anchorless link under the base, and a request out of the site,
    # even to the same host (another repository's site) or from the 404 page.
    write(
        site / "404.html",
        f'<p><a href="{BASE}gone.html">x</a> <a href="{BASE}a.html#nowhere">y</a>'
        f'<img src="https://owner.github.io/other/x.png" alt=""> <img src="https://owner.github.io/repository/x.png" alt="">'
        f'<img src="https://cdn.example.org/x.png" alt=""> <img src="http://owner.github.io/repo/x.png" alt=""></p>',
    )
    assert check_site(site) == [
        f"404.html: broken link {BASE}gone.html",
        f"404.html: missing anchor {BASE}a.html#nowhere",
        "404.html: external request https://owner.github.io/other/x.png",
        "404.html: external request https://owner.github.io/repository/x.png",
        "404.html: external request https://cdn.example.org/x.png",
        "404.html: external request http://owner.github.io/repo/x.png",
    ]


def test_without_a_base_url_absolute_links_are_external(site):
    from kbgen.feeds import robots

    (site / "robots.txt").write_bytes(robots(None))  # a build that did not know its URL
    write(site / "404.html", f'<link rel="stylesheet" href="{BASE}s.css">')
    assert check_site(site) == [f"404.html: external request {BASE}s.css"]
