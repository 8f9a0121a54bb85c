"""The search index in shards: every indexed page in exactly one Pagefind bundle, a rebuild
indexing again only the shards that hold a changed page, and pages without a
data-pagefind-body left out as Pagefind itself would (real Pagefind, on small sites)."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import write

from kbgen import search, searchable
from kbgen.build import build
from kbgen.project import Project
from kbgen.search import index_site, shard_count, shard_of


def page(body: str, indexed: bool = True) -> str:
    attribute = " data-pagefind-body" if indexed else ""
    return f'<!DOCTYPE html><html lang="fr"><head><title>t</title></head><body><main{attribute}><p>{body}</p></main></body></html>'


def pages_in(bundle) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    return sum(language["page_count"] for language in entry["languages"].values())


def test_every_indexed_page_is_in_one_shard(tmp_path):
    site = tmp_path / "site"
    for i in range(12):
        write(site / f"articles/a{i}.html", page(f"mot{i} commun"))
    write(site / "index.html", page("accueil", indexed=False))
    index_site(site, shard_pages=5)
    listing = json.loads((site / "pagefind/shards.json").read_text())
    assert listing["shards"] == shard_count(12, 5) == 3
    expected = {str(s) for s in (shard_of(f"articles/a{i}.html", 3) for i in range(12))}
    assert set(listing["bundles"]) == expected
    counts = {name: pages_in(site / "pagefind" / name) for name in listing["bundles"]}
    assert sum(counts.values()) == 12  # the home page, with no data-pagefind-body, is not indexed
    for name, count in counts.items():
        assert count == sum(shard_of(f"articles/a{i}.html", 3) == int(name) for i in range(12))


def test_a_rebuild_indexes_only_the_shards_with_a_changed_page(golden_project, monkeypatch):
    indexed = []
    real = search._index_shard
    monkeypatch.setattr(
        search, "_index_shard", lambda site, shard, *rest: indexed.append(shard) or real(site, shard, *rest)
    )
    with open(golden_project / "kbgen.yml", "a", encoding="utf-8") as config:
        config.write("search_shard_pages: 3\n")
    build(golden_project)
    site = golden_project / "_site"
    listing = json.loads((site / "pagefind/shards.json").read_text())
    assert len(listing["bundles"]) >= 2
    assert sorted(map(str, indexed)) == listing["bundles"]
    entries = {name: (site / "pagefind" / name / "pagefind-entry.json").stat().st_ino for name in listing["bundles"]}
    copies = Project.load(golden_project, site).search_copies / "pages"  # one per page, made by the writers
    mine = str(shard_of("articles/note-de-terrain.html", listing["shards"]))
    copied = {p: (p.stat().st_ino, p.stat().st_mtime_ns) for p in copies.rglob("*.html")}
    pages = {p: p.stat().st_ino for p in site.rglob("*.html")}
    assert {p.relative_to(copies).as_posix() for p in copied} == {
        p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "pagefind"
    }
    edited = golden_project / "content/articles/note-de-terrain.md"
    edited.write_text(edited.read_text("utf-8").replace("a rejoint", "a retrouvé"), "utf-8")
    indexed.clear()
    build(golden_project)
    assert list(map(str, indexed)) == [mine]
    # the copies are kept: the edited page's rewritten in place, those of the pages kept as they were untouched
    own = copies / "articles/note-de-terrain.html"
    assert b"a retrouv" in own.read_bytes() and own.stat().st_ino == copied[own][0]
    kept = [copies / p.relative_to(site) for p, inode in pages.items() if p.stat().st_ino == inode]
    assert len(kept) > len(pages) / 2 and all((p.stat().st_ino, p.stat().st_mtime_ns) == copied[p] for p in kept)
    assert sorted(p.name for p in copies.parent.iterdir()) == [
        "copies.json",
        "pages",
    ]  # the shards' folders of links are gone
    after = {name: (site / "pagefind" / name / "pagefind-entry.json").stat().st_ino for name in listing["bundles"]}
    assert json.loads((site / "pagefind/shards.json").read_text()) == listing
    assert after[mine] != entries[mine]  # its shard indexed again (the page's words changed)
    assert all(after[name] == entries[name] for name in listing["bundles"] if name != mine)  # the others linked


def test_a_copy_not_of_its_page_is_made_again(golden_project):
    """The copy of a page linked unchanged from the live site is trusted only if it is of that
    page: copies left by a build that failed after writing them, or damaged, are made again."""
    build(golden_project)
    site = golden_project / "_site"
    copies = Project.load(golden_project, site).search_copies / "pages"
    for copy in copies.rglob("*.html"):
        copy.write_bytes(b"<p>une autre version</p>")
    (copies / "index.html").unlink()
    inodes = {p: p.stat().st_ino for p in site.rglob("*.html")}
    edited = golden_project / "content/articles/note-de-terrain.md"
    edited.write_text(edited.read_text("utf-8").replace("a rejoint", "a retrouvé"), "utf-8")
    build(golden_project)
    linked = [p for p, inode in inodes.items() if p.exists() and p.stat().st_ino == inode and "pagefind" not in p.parts]
    assert len(linked) > len(inodes) / 2
    for page in site.rglob("*.html"):
        if page.relative_to(site).parts[0] != "pagefind":
            assert (
                (copies / page.relative_to(site)).read_bytes().startswith(searchable.search_copy(page.read_bytes()))
            ), page


def test_what_pagefind_may_read_of_a_page(tmp_path):
    def digest(html: str) -> str:
        return searchable.searchable_digest(write(tmp_path / "p.html", html))

    base = digest(
        "<main data-pagefind-body><h1>Nom</h1><div data-pagefind-ignore><p>citation <b>une</b></div><p>fin</p></main>"
    )
    # only inside the ignored element (an unclosed <p> included): Pagefind sees the same page
    assert (
        digest(
            "<main data-pagefind-body><h1>Nom</h1><div data-pagefind-ignore><p>autre <i>citation</i></div><p>fin</p></main>"
        )
        == base
    )
    # outside it, or a meta Pagefind reads even there: not the same
    assert (
        digest(
            "<main data-pagefind-body><h1>Nom</h1><div data-pagefind-ignore><p>citation <b>une</b></div><p>FIN</p></main>"
        )
        != base
    )
    assert (
        digest(
            '<main data-pagefind-body><h1>Nom</h1><div data-pagefind-ignore><p>citation <b>une</b><span data-pagefind-meta="x:y"></span></div><p>fin</p></main>'
        )
        != base
    )
    assert searchable.searchable_digest(tmp_path / "absent.html") is None


def test_a_page_with_a_body_is_read_only_there_as_pagefind_reads_it(tmp_path):
    """What the digest says Pagefind does not read, Pagefind does not read: the bundles made
    from the two pages are the same exactly when their digests are."""

    def article(aside: str = "Alpha", body: str = "texte", heading: str = "Nom", meta: str = "auteur") -> str:
        return (
            f'<!doctype html><html lang="fr"><head><title>T</title></head><body><nav>menu</nav>'
            f"<article data-pagefind-body><h1>{heading}</h1><p>{body}</p></article>"
            f'<aside><h2>Liés</h2><ul><li>{aside}<li>autre</ul><span data-pagefind-meta="by">{meta}</span></aside>'
            f'<template><div class="card">{aside}</div></template></body></html>'
        )

    def bundle_and_digest(name: str, html: str) -> tuple[dict[str, bytes], str | None]:
        site = tmp_path / name
        write(site / "p.html", html)
        digest = searchable.searchable_digest(site / "p.html")
        index_site(site, shard_pages=10)
        folder = site / "pagefind"
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}, digest

    base = bundle_and_digest("base", article())
    variants = {
        "aside": (article(aside="Omega"), True),  # outside the body: neither reads it
        "body": (article(body="texte changé"), False),
        "meta": (article(meta="autre auteur"), False),  # a meta outside the body is read
    }
    for name, (html, same) in variants.items():
        bundle, digest = bundle_and_digest(name, html)
        assert (digest == base[1]) is same, name
        assert (bundle == base[0]) is same, name
    # a page without a body is read everywhere
    without = article().replace(" data-pagefind-body", "")
    assert searchable.searchable_digest(write(tmp_path / "a.html", without)) != searchable.searchable_digest(
        write(tmp_path / "b.html", without.replace("<li>Alpha", "<li>Omega"))
    )


def test_pages_pagefind_does_not_index_leave_the_shards_be(tmp_path, monkeypatch):
    live, site = tmp_path / "live", tmp_path / "site"
    for folder, home in ((live, "accueil"), (site, "accueil modifié")):
        for i in range(4):
            write(folder / f"articles/a{i}.html", page(f"mot{i}"))
        write(folder / "index.html", page(home, indexed=False))
    index_site(live, shard_pages=2)
    indexed = []
    real = search._index_shard
    monkeypatch.setattr(
        search, "_index_shard", lambda site, shard, *rest: indexed.append(shard) or real(site, shard, *rest)
    )
    index_site(site, shard_pages=2, live=live, changed={"index.html"})
    assert indexed == [] and (site / "pagefind/shards.json").read_text() == (live / "pagefind/shards.json").read_text()
    write(site / "articles/a1.html", page("mot1 changé"))
    shutil.rmtree(site / "pagefind")
    index_site(site, shard_pages=2, live=live, changed={"index.html", "articles/a1.html"})
    assert indexed == [shard_of("articles/a1.html", 2)]


def test_pagefind_is_given_pages_without_what_it_ignores():
    def cut(html: str) -> str:
        return searchable.without_ignored(html.encode()).decode()

    page = (
        "<main data-pagefind-body><h1>Nom</h1><figure data-pagefind-ignore><svg><g><title>t</title></g></svg></figure>"
        '<div class="columns" data-pagefind-ignore><div><p>citation</div><section>x</section></div><p>fin</p></main>'
    )
    assert cut(page) == "<main data-pagefind-body><h1>Nom</h1><p>fin</p></main>"
    same = [
        '<div data-pagefind-ignore><span data-pagefind-meta="x:y"></span></div>',  # Pagefind reads meta even there
        '<div data-pagefind-ignore><span DATA-PAGEFIND-FILTER="x:y"></span></div>',
        '<div data-pagefind-ignore data-pagefind-filter="x:y">texte</div>',  # and on the element itself
        "<div data-pagefind-ignore><p>jamais fermé</p>",  # its end is not certain
        "<div data-pagefind-ignore><!-- </div> --></div>",
        '<div data-pagefind-ignore><script>"</div>"</script></div>',
        "<svg><g data-pagefind-ignore><g/></g><text>mot</text></g></svg>",  # <g/> closes itself in SVG only
        "<p data-pagefind-ignore>un paragraphe<p>que le suivant ferme</p>",  # an end tag the browser may guess
        '<p title=" data-pagefind-ignore">texte</p><div>data-pagefind-ignore</div>',  # the words, not the attribute
    ]
    for html in same:
        assert searchable.without_ignored(html.encode()) == html.encode(), html
    assert cut("<DIV class=a Data-Pagefind-Ignore=all><div>x</div></DIV><p>y</p>") == "<p>y</p>"


def test_pagefind_makes_the_same_index_from_the_copies(golden_project, monkeypatch):
    """The golden site (entity pages with pictures and quotes, marked data-pagefind-ignore)
    gives byte-identical bundles whether Pagefind reads the pages or their copies."""
    with open(golden_project / "kbgen.yml", "a", encoding="utf-8") as config:
        config.write("search_entity_pages: true\n")  # every entity page, each with its quotes
    build(golden_project)
    site = golden_project / "_site"
    copies = site.parent / "copies"
    shutil.copytree(site, copies, ignore=shutil.ignore_patterns("pagefind"))
    shutil.copytree(site, site.parent / "whole", ignore=shutil.ignore_patterns("pagefind"))
    entity_page = (site / "entities/marie-dupont.html").read_bytes()
    assert len(searchable.search_copy(entity_page)) < len(entity_page) / 2
    index_site(copies, shard_pages=4)
    monkeypatch.setattr(searchable, "without_ignored", lambda page: page)
    index_site(site.parent / "whole", shard_pages=4)
    files = sorted(p.relative_to(copies).as_posix() for p in (copies / "pagefind").rglob("*") if p.is_file())
    assert files == sorted(
        p.relative_to(site.parent / "whole").as_posix()
        for p in (site.parent / "whole/pagefind").rglob("*")
        if p.is_file()
    )
    assert len(files) > 20
    for name in files:
        assert (copies / name).read_bytes() == (site.parent / "whole" / name).read_bytes(), name


def test_the_mark_is_found_wherever_it_is(tmp_path):
    for at in (0, (1 << 16) - 5, 3 * (1 << 16) - 10):  # at the start, across a chunk's end, far down
        (tmp_path / "p.html").write_bytes(b"x" * at + search.MARK + b"y" * 100)
        assert search._has_mark(tmp_path / "p.html"), at
    (tmp_path / "p.html").write_bytes(b"x" * 200_000)
    assert not search._has_mark(tmp_path / "p.html") and not search._has_mark(tmp_path / "absent.html")


def test_shards_that_one_more_process_can_take_at_once_are_indexed_at_once(tmp_path, monkeypatch):
    """Pagefind keeps more than one core busy only part of the time: with --jobs 2, three shards
    are indexed together (none is left alone at the end), five two at a time."""
    from kbgen import parallel

    sizes = []
    real = parallel.ThreadPoolExecutor
    monkeypatch.setattr(parallel, "ThreadPoolExecutor", lambda workers: sizes.append(workers) or real(workers))
    for shards in (3, 5):
        site = tmp_path / str(shards)
        for i in range(40):
            write(site / f"articles/a{i}.html", page(f"mot{i}"))
        index_site(site, shard_pages=-(-40 // shards), jobs=2)
        assert json.loads((site / "pagefind/shards.json").read_text())["shards"] == shards
    assert sizes == [3, 2]


def test_the_copies_have_straight_apostrophes():
    """Pagefind splits "l'hôpital" at a straight apostrophe only: "hôpital" then finds it."""
    page = "<p>l’hôpital, d’urgence, qu’ʼelle, l'OTAN</p>".encode()
    assert searchable.search_copy(page) == "<p>l'hôpital, d'urgence, qu''elle, l'OTAN</p>".encode()


def test_an_entity_weighs_by_its_mentions():
    weights = [float(search.entity_weight(n)) for n in (0, 1, 10, 12, 100, 1395, 10**6)]
    assert weights == sorted(weights) and weights[0] == weights[1] == 1.0 and weights[-1] == 10.0
    assert weights[3] < weights[5]


def test_pages_with_no_word_to_index_make_no_bundle(tmp_path):
    """Pagefind refuses pages with no word (an article titled ":" with no text): no bundle, and
    the search page, finding none listed, shows the finder over entity names."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.html").write_text("<html><body><main data-pagefind-body><h1>:</h1></main></body></html>")
    index_site(site, shard_pages=10)
    assert json.loads((site / "pagefind/shards.json").read_text()) == {"shards": 1, "bundles": []}


def test_a_page_that_loses_its_mark_leaves_the_index(tmp_path, monkeypatch):
    """An entity page whose note is deleted loses data-pagefind-body: its shard is indexed again,
    without it."""
    live, site = tmp_path / "live", tmp_path / "site"
    for folder in (live, site):
        for i in range(4):
            write(folder / f"articles/a{i}.html", page(f"mot{i}"))
    write(live / "entities/e0.html", page("entité note"))
    write(site / "entities/e0.html", page("entité", indexed=False))
    index_site(live, shard_pages=10)
    assert pages_in(live / "pagefind/0") == 5
    indexed = []
    real = search._index_shard
    monkeypatch.setattr(
        search, "_index_shard", lambda site, shard, *rest: indexed.append(shard) or real(site, shard, *rest)
    )
    index_site(site, shard_pages=10, live=live, changed={"entities/e0.html"})
    assert indexed == [0] and pages_in(site / "pagefind/0") == 4


def test_only_the_entity_pages_with_words_of_their_own_are_in_the_search(golden_project):
    """By default Pagefind indexes the articles and the entity pages with a note or a description
    (the search page finds every entity, and every disambiguation page, by name from the
    finder's data: tests/test_homonym_pages.py); search_entity_pages: true indexes every entity page."""
    build(golden_project)
    site = golden_project / "_site"
    marked = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if search.MARK in p.read_bytes())
    entity_pages = [p for p in marked if p.startswith("entities/")]
    assert entity_pages == ["entities/marie-dupont.html"]  # her note and description
    assert pages_in(site / "pagefind/0") == len(marked) == 4
    with open(golden_project / "kbgen.yml", "a", encoding="utf-8") as config:
        config.write("search_entity_pages: true\n")
    build(golden_project)
    entities = json.loads((site / "api/entities.json").read_text())
    assert pages_in(site / "pagefind/0") == 3 + len(entities)


def test_a_rebuild_opens_no_copy_of_a_page_linked_unchanged(golden_project, monkeypatch):
    """What each copy is of is listed (copies.json) once a build is done: the next trusts the
    copies of the pages it links unchanged on their size and time, without opening them."""
    build(golden_project)
    opened = []
    real = search._copy_mark
    monkeypatch.setattr(search, "_copy_mark", lambda copy, key: opened.append(copy) or real(copy, key))
    edited = golden_project / "content/articles/note-de-terrain.md"
    edited.write_text(edited.read_text("utf-8").replace("a rejoint", "a retrouvé"), "utf-8")
    build(golden_project)
    assert opened == []
    copies = Project.load(golden_project, golden_project / "_site").search_copies
    listed = json.loads((copies / "copies.json").read_text("utf-8"))
    assert sorted(listed) == sorted(p.relative_to(copies / "pages").as_posix() for p in copies.rglob("*.html"))


def test_a_build_stopped_while_copying_leaves_no_list_of_the_copies(golden_project, monkeypatch):
    build(golden_project)
    copies = Project.load(golden_project, golden_project / "_site").search_copies
    monkeypatch.setattr("kbgen.write.NewSite.placed", lambda *_: (_ for _ in ()).throw(KeyboardInterrupt))
    edited = golden_project / "content/articles/note-de-terrain.md"
    edited.write_text(edited.read_text("utf-8").replace("a rejoint", "a retrouvé"), "utf-8")
    with pytest.raises(KeyboardInterrupt):
        build(golden_project)
    assert not (copies / "copies.json").exists()  # the copies made meanwhile are not trusted on a list
    monkeypatch.undo()
    build(golden_project)
    assert (copies / "copies.json").exists()
