"""Incremental builds: a rebuild remakes only the files whose inputs changed, does nothing when
no input changed, and always gives the bytes a clean build gives."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from conftest import site_files, write

import kbgen.build as build_module
import kbgen.search as search_module
from kbgen.build import build
from kbgen.errors import BuildError, Problem


def clean_build(project, out):
    """The same project built from nothing: no extraction cache, no state, no previous site."""
    fresh = out.with_name(out.name + "-project")
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns(".kbgen", "_site"))
    build(fresh, out)
    return out


def count_made(monkeypatch) -> list[str]:
    """The paths of the files the next builds make (rather than link from the last build)."""
    made = []
    real = build_module.render_site

    def counting(*args, **kwargs):
        files = real(*args, **kwargs)

        def spy(file):
            def make():
                made.append(file.path)
                return file.make()

            return type(file)(file.path, file.key, make)  # the same key, a counted make

        return [spy(f) for f in files]

    monkeypatch.setattr(build_module, "render_site", counting)
    return made


EDITS = {
    "body": lambda p: p.joinpath("content/articles/note-de-terrain.md").write_text(
        p.joinpath("content/articles/note-de-terrain.md")
        .read_text("utf-8")
        .replace("Jean Martin a rejoint", "Jean Martin a quitté"),
        "utf-8",
    ),
    "new entity": lambda p: p.joinpath("content/articles/note-de-terrain.md").write_text(
        p.joinpath("content/articles/note-de-terrain.md").read_text("utf-8") + "\nL’Agence européenne était à Lyon.\n",
        "utf-8",
    ),
    "title": lambda p: p.joinpath("content/articles/note-de-terrain.md").write_text(
        p.joinpath("content/articles/note-de-terrain.md")
        .read_text("utf-8")
        .replace("title: Note de terrain à Genève", "title: Carnet de Genève"),
        "utf-8",
    ),
    "same size and time": lambda p: _same_size_and_time(p / "content/articles/note-de-terrain.md", "Genève", "Genèva"),
    "removed article": lambda p: p.joinpath("content/articles/note-de-terrain.md").unlink(),
    "added article": lambda p: write(
        p / "content/articles/ajout.md", "---\ntitle: Ajout\ndate: 2024-01-02\n---\nLyon et Jean Martin.\n"
    ),
    "curation": lambda p: write(p / "content/entities.yml", "entities:\n  Lyon:\n    description: Une ville.\n"),
    "entity note": lambda p: write(p / "content/entities/lyon.md", "Une note sur *Lyon*.\n"),
    "theme": lambda p: write(
        p / "site_templates/404.html", "{% extends 'base.html' %}{% block main %}<p>Perdu.</p>{% endblock %}\n"
    ),
    "settings": lambda p: p.joinpath("kbgen.yml").write_text(
        p.joinpath("kbgen.yml").read_text("utf-8") + "top_entities: 2\n", "utf-8"
    ),
}


def _same_size_and_time(page, old: str, new: str) -> None:
    """An edit that leaves the file's size and time as they were: only its bytes tell."""
    stat = page.stat()
    page.write_text(page.read_text("utf-8").replace(old, new), "utf-8")
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert page.stat().st_size == stat.st_size


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_rebuild_after_an_edit_is_a_clean_build(golden_project, tmp_path, edit):
    build(golden_project)
    EDITS[edit](golden_project)
    summary = build(golden_project)
    assert not summary.up_to_date
    assert site_files(golden_project / "_site") == site_files(clean_build(golden_project, tmp_path / "clean"))


def test_an_edit_remakes_only_the_pages_it_changes(golden_project, monkeypatch):
    build(golden_project)
    made = count_made(monkeypatch)
    page = golden_project / "content/articles/note-de-terrain.md"
    page.write_text(page.read_text("utf-8").replace("Jean Martin a rejoint", "Jean Martin a quitté"), "utf-8")
    build(golden_project)
    pages = [p for p in site_files(golden_project / "_site") if p.endswith(".html")]
    assert "articles/note-de-terrain.html" in made  # its text changed
    assert "entities/jean-martin.html" in made  # it quotes the changed sentence
    assert len([p for p in made if p.endswith(".html")]) < len(pages) / 2


def test_nothing_is_done_when_nothing_changed(golden_project, monkeypatch):
    first = build(golden_project)
    before = {p: os.stat(golden_project / "_site" / p).st_mtime_ns for p in site_files(golden_project / "_site")}

    def refuse(*args, **kwargs):
        raise AssertionError("articles were read again")

    monkeypatch.setattr(build_module, "read_articles", refuse)
    again = build(golden_project)
    assert again.up_to_date and (again.articles, again.entities, again.pages) == (
        first.articles,
        first.entities,
        first.pages,
    )
    assert [str(w) for w in again.warnings] == [str(w) for w in first.warnings]
    assert {
        p: os.stat(golden_project / "_site" / p).st_mtime_ns for p in site_files(golden_project / "_site")
    } == before


@pytest.mark.parametrize("damage", ["deleted", "edited", "added"])
def test_a_touched_output_is_rebuilt(golden_project, tmp_path, damage):
    build(golden_project)
    page = golden_project / "_site/entities/lyon.html"
    if damage == "deleted":
        page.unlink()
    elif damage == "edited":
        page.write_text("<p>changed by hand</p>")
    else:
        (golden_project / "_site/extra.html").write_text("<p>left over</p>")
    summary = build(golden_project)
    assert not summary.up_to_date or damage == "added"  # a file kbgen does not know of does not matter...
    if damage == "added":
        return
    assert site_files(golden_project / "_site") == site_files(clean_build(golden_project, tmp_path / "clean"))


def test_another_output_folder_has_its_own_state(golden_project, tmp_path):
    build(golden_project)
    other = build(golden_project, tmp_path / "elsewhere")
    assert not other.up_to_date and (tmp_path / "elsewhere/index.html").is_file()
    assert build(golden_project, tmp_path / "elsewhere").up_to_date
    assert not build(golden_project, base_url="https://example.org/kb/").up_to_date  # another setting


def test_a_broken_state_file_only_costs_a_full_build(golden_project):
    build(golden_project)
    for state in (golden_project / ".kbgen").glob("site-*.json"):
        state.write_text("{not json")
    summary = build(golden_project)
    assert not summary.up_to_date and (golden_project / "_site/index.html").is_file()
    assert build(golden_project).up_to_date


def test_files_made_in_several_processes_are_the_same(golden_project, tmp_path, monkeypatch):
    import kbgen.write as write_module

    build(golden_project, tmp_path / "serial", jobs=1)
    monkeypatch.setattr(write_module, "PARALLEL_MIN_FILES", 0)
    build(golden_project, tmp_path / "parallel", jobs=2)
    assert site_files(tmp_path / "serial") == site_files(tmp_path / "parallel")


def test_a_template_error_in_a_worker_process_is_reported_whole(golden_project, monkeypatch):
    import kbgen.write as write_module
    from kbgen.errors import BuildError

    monkeypatch.setattr(write_module, "PARALLEL_MIN_FILES", 0)
    write(
        golden_project / "site_templates/entity.html",
        "{% extends 'base.html' %}{% block main %}\n{{ entity.missing.name }}{% endblock %}\n",
    )
    with pytest.raises(BuildError) as exc:
        build(golden_project, jobs=2)
    assert str(exc.value.problems[0]).startswith("site_templates/entity.html:2: error: template error:")
    assert not (golden_project / "_site").exists()


def test_the_cycle_collector_stays_off_during_a_build_and_comes_back(golden_project, monkeypatch):
    import gc

    seen = []
    extract_cached, link = build_module.extract_cached, build_module.link

    def extract_like_spacy(*args, **kwargs):
        gc.enable()  # what loading a spaCy model does (srsly's msgpack reader)
        return extract_cached(*args, **kwargs)

    def watched_link(*args):
        seen.append(gc.get_threshold()[0])
        return link(*args)

    monkeypatch.setattr(build_module, "extract_cached", extract_like_spacy)
    monkeypatch.setattr(build_module, "link", watched_link)
    before = gc.get_threshold()
    build(golden_project)
    assert seen == [0] and gc.get_threshold() == before


def test_writer_processes_end_quietly_under_kbgen_serve_signal_handlers(golden_project, tmp_path, monkeypatch, capfd):
    import signal

    import kbgen.write as write_module

    def interrupt(signum, frame):  # as kbgen serve does
        raise KeyboardInterrupt

    monkeypatch.setattr(write_module, "PARALLEL_MIN_FILES", 0)
    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        build(golden_project, tmp_path / "out", jobs=2)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert "Traceback" not in capfd.readouterr().err


def test_a_writer_process_that_dies_is_reported_not_waited_for(golden_project, monkeypatch):
    import kbgen.write as write_module
    from kbgen.errors import BuildError

    real = write_module._place

    def die_on_one_page(item, *rest):
        if item[0].path == "archive.html":
            os._exit(9)  # as the out-of-memory killer would end it
        return real(item, *rest)

    monkeypatch.setattr(write_module, "PARALLEL_MIN_FILES", 0)
    monkeypatch.setattr(write_module, "_place", die_on_one_page)
    with pytest.raises(BuildError) as exc:
        build(golden_project, jobs=2)
    assert "a process writing the site ended with status 9" in str(exc.value)
    assert not (golden_project / "_site").exists()


def test_writers_are_fresh_processes_each_with_a_batch(golden_project, tmp_path, monkeypatch):
    """Each batch of files in a process of its own (so none keeps the memory it copied), all
    forked by the build's own thread, and the same site as one process makes."""
    import multiprocessing.context
    import threading

    import kbgen.write as write_module

    noted, threads = tmp_path / "pids", set()
    real_place, real_start = write_module._place, multiprocessing.context.ForkProcess.start

    started = [0]  # processes started: a writer forked from the build sees its own rank in it

    def noting_place(item, *rest):  # runs in the writers: they note their pid, rank and file in a file
        with open(noted, "a") as pids:
            pids.write(f"{os.getpid()} {started[0]} {item[0].path}\n")
        return real_place(item, *rest)

    def noting_start(process):
        threads.add(threading.current_thread().name)
        started[0] += 1
        return real_start(process)

    build(golden_project, tmp_path / "serial", jobs=1)
    monkeypatch.setattr(write_module, "PARALLEL_MIN_FILES", 0)
    monkeypatch.setattr(write_module, "_place", noting_place)
    monkeypatch.setattr(multiprocessing.context.ForkProcess, "start", noting_start)
    build(golden_project, tmp_path / "parallel", jobs=2)
    # In the order the batches started (not the order their first lines were noted: under load
    # a batch may write its first file after the next one has written its own).
    placed = sorted((line.split() for line in noted.read_text().splitlines()), key=lambda p: int(p[1]))
    pids = [pid for pid, _, _ in placed]
    # the files made from the whole knowledge base come first, one to a batch
    heavy = [
        "api/articles.json",
        "api/entities.json",
        "graph.html",
    ]
    firsts, paths_of = {}, {}
    for pid, _, path in placed:
        firsts.setdefault(pid, path)
        paths_of.setdefault(pid, []).append(path)
    assert set(heavy) <= set(firsts.values())
    # the pages and heavy files before the others (the search index is made while those are written)
    leading = [firsts[pid].endswith(".html") or firsts[pid] in heavy for pid in firsts]  # batches, as they started
    assert leading == sorted(leading, reverse=True) and leading[0] and not all(leading)
    for paths in paths_of.values():  # a batch: its share of the heavy files, then a run in path order
        assert len({p.endswith(".html") or p in heavy for p in paths}) == 1
        light = [p for p in paths if p not in heavy]
        assert light == sorted(light)
    assert 2 < len(set(pids)) <= 2 * write_module.WRITERS_PER_JOB + 2 and str(os.getpid()) not in pids
    assert threads == {threading.current_thread().name}
    assert site_files(tmp_path / "serial") == site_files(tmp_path / "parallel")


def test_the_search_index_is_made_in_a_process_of_its_own_once_every_page_is_written(
    golden_project, tmp_path, monkeypatch
):
    import kbgen.write as write_module

    noted = tmp_path / "index"
    real_index = build_module.index_site

    def noting_index(site, *args):  # notes, in a file, its process and the pages it finds there
        pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
        noted.write_text("\n".join([str(os.getpid()), *pages]))
        return real_index(site, *args)

    build(golden_project, tmp_path / "serial", jobs=1)
    monkeypatch.setattr(write_module, "PARALLEL_MIN_FILES", 0)
    monkeypatch.setattr(build_module, "index_site", noting_index)
    summary = build(golden_project, tmp_path / "parallel", jobs=2)
    pid, *pages = noted.read_text().splitlines()
    assert pid != str(os.getpid()) and summary.stage_seconds["index"] > 0
    assert set(pages) == {
        p for p in site_files(tmp_path / "serial") if p.endswith(".html") and not p.startswith("pagefind/")
    }
    assert site_files(tmp_path / "serial") == site_files(tmp_path / "parallel")


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_search_index_that_fails_fails_the_build_and_leaves_the_site_as_it_was(
    golden_project, tmp_path, monkeypatch, jobs
):
    import kbgen.write as write_module

    def failing_index(*args):
        raise BuildError([Problem("pagefind", None, "the search index could not be built (test)", "reinstall")])

    out = tmp_path / "site"
    build(golden_project, out, jobs=1)
    before = site_files(out)
    (golden_project / "content/articles" / sorted(os.listdir(golden_project / "content/articles"))[0]).open("a").write(
        "\nUne ligne de plus.\n"
    )
    monkeypatch.setattr(write_module, "PARALLEL_MIN_FILES", 0)
    monkeypatch.setattr(build_module, "index_site", failing_index)
    with pytest.raises(BuildError) as raised:
        build(golden_project, out, jobs=jobs)
    assert "the search index could not be built (test)" in str(raised.value.problems[0].message)
    assert site_files(out) == before and not list(tmp_path.glob(".site.*"))


def test_a_deleted_article_leaves_no_trace_in_the_site(golden_project):
    """Deleting an article removes its page and every mention of it: lists, entity pages, feeds,
    api/, the search index and its search copy."""
    build(golden_project)
    site = golden_project / "_site"
    assert "note-de-terrain" in (site / "entities/otan.html").read_text("utf-8")
    golden_project.joinpath("content/articles/note-de-terrain.md").unlink()
    build(golden_project)
    assert not (site / "articles/note-de-terrain.html").exists()
    for path in sorted(site.rglob("*")):
        if path.is_file() and not path.relative_to(site).parts[0] == "pagefind":
            text = path.read_bytes().decode("utf-8", "replace")
            assert "note-de-terrain" not in text and "Note de terrain" not in text, path
    copies = [p.relative_to(golden_project).as_posix() for p in golden_project.joinpath(".kbgen").rglob("*.html")]
    assert copies and not [c for c in copies if c.endswith("note-de-terrain.html")]
    index = gzip_members(b"".join(p.read_bytes() for p in (site / "pagefind").rglob("*") if p.is_file()))
    assert b"suite-a-geneve" in index and b"note-de-terrain" not in index


def gzip_members(data: bytes) -> bytes:
    """Pagefind's files are gzip streams (after a signature): their contents, joined."""
    import zlib

    out, start = [], 0
    while (start := data.find(b"\x1f\x8b", start)) != -1:
        try:
            decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
            out.append(decompressor.decompress(data[start:]))
        except zlib.error:
            pass
        start += 2
    return b"".join(out)


def test_adding_an_article_does_not_remake_the_pages_of_articles_naming_its_entities(
    golden_project, tmp_path, monkeypatch
):
    """Their entity cards say 'more than 10 articles' before and after: not one article's page
    but the new one's changes, and the site is a clean build's."""
    for number in range(12):
        write(golden_project / f"content/articles/lyon-{number}.md", f"---\ntitle: Lyon {number}\n---\nÀ Lyon.\n")
    build(golden_project)
    made = count_made(monkeypatch)
    write(golden_project / "content/articles/lyon-new.md", "---\ntitle: Lyon encore\n---\nÀ Lyon, encore.\n")
    build(golden_project)
    assert [p for p in made if p.startswith("articles/")] == ["articles/lyon-new.html"]
    assert site_files(golden_project / "_site") == site_files(clean_build(golden_project, tmp_path / "clean"))


def test_adding_an_article_remakes_only_its_own_month_and_letters(golden_project, tmp_path, monkeypatch):
    """The archive's and the entity index's counts are on their overview pages only: an article
    added in October naming Lyon remakes October's page and Lyon's letter, not September's page
    nor the other letters' (whose navigation used to carry every count), and the site is a
    clean build's."""
    write(golden_project / "content/articles/lyon.md", "---\ntitle: Lyon\ndate: 2024-09-02\n---\nÀ Lyon.\n")
    build(golden_project)
    made = count_made(monkeypatch)
    write(golden_project / "content/articles/encore.md", "---\ntitle: Encore\ndate: 2024-10-30\n---\nÀ Lyon, encore.\n")
    build(golden_project)
    months = sorted(p for p in made if p.startswith("archive"))
    assert months == ["archive.html", "archive/2024-10.html"]
    letters = sorted(p for p in made if p.startswith("entities/") and p.count("/") == 2 and len(p.split("/")[2]) < 8)
    assert letters == ["entities/all/l.html", "entities/loc/l.html"]
    assert site_files(golden_project / "_site") == site_files(clean_build(golden_project, tmp_path / "clean"))


def test_the_corpus_wide_passes_follow_an_added_and_a_deleted_article(golden_project, tmp_path):
    """Whether a word opening a sentence is a common word, and where a known name was missed, is
    judged on the whole corpus from what the last build kept (kbgen.word_case, kbgen.missed): an
    article that writes 'hier' in lower case makes the 'Hier' the patterns find opening another
    article a common word, and its deletion makes it a name again; each time, as a clean build
    has it."""
    patterns = golden_project / "patterns.jsonl"
    patterns.write_text(patterns.read_text("utf-8") + '{"label": "MISC", "pattern": "Hier"}\n', "utf-8")
    write(golden_project / "content/articles/hier.md", "---\ntitle: Hier\n---\nHier, Jean Martin à Lyon.\n")
    build(golden_project)
    opening = golden_project / "_site/articles/hier.html"
    assert "entities/hier" in opening.read_text("utf-8")
    lower = golden_project / "content/articles/minuscules.md"
    write(lower, "---\ntitle: Minuscules\n---\nPartie hier, revenue hier. Jean Martin à Genève.\n")
    build(golden_project)
    assert "entities/hier" not in opening.read_text("utf-8")
    assert site_files(golden_project / "_site") == site_files(clean_build(golden_project, tmp_path / "clean"))
    lower.unlink()
    build(golden_project)
    assert "entities/hier" in opening.read_text("utf-8")
    assert site_files(golden_project / "_site") == site_files(clean_build(golden_project, tmp_path / "clean-2"))


def test_an_edit_of_the_word_before_a_name_retypes_it_as_a_clean_build_does(golden_project, tmp_path):
    """Resolve remembers the words around each mention (kbgen.context_cache): a word before a
    name edited, the name at the same place, is read again, and the type follows."""
    patterns = golden_project / "patterns.jsonl"
    patterns.write_text(patterns.read_text("utf-8") + '{"label": "PER", "pattern": "Girard"}\n', "utf-8")

    def built_type(body: str) -> str:
        write(golden_project / "content/articles/girard.md", f"---\ntitle: Girard\ndate: 2024-01-03\n---\n\n{body}\n")
        build(golden_project)
        entities = json.loads((golden_project / "_site/api/entities.json").read_text("utf-8"))
        return next(e["type"] for e in entities if e["name"] == "Girard")

    assert built_type("Hier la société Girard a répondu.") == "ORG"
    assert built_type("Hier la députée Girard a répondu.") == "PER"
    assert site_files(golden_project / "_site") == site_files(clean_build(golden_project, tmp_path / "clean"))


@pytest.mark.parametrize("edit", ["added article", "body"])
def test_a_rebuild_keeping_search_shards_is_a_clean_build(golden_project, tmp_path, monkeypatch, edit):
    """With the search index in several shards, a rebuild indexes again only the shards where
    Pagefind reads a change (not, say, an article page whose related articles changed outside
    its data-pagefind-body) and links the others from the live site: the same bytes as a clean build."""
    with open(golden_project / "kbgen.yml", "a", encoding="utf-8") as config:
        config.write("search_shard_pages: 3\n")
    build(golden_project)
    EDITS[edit](golden_project)
    indexed: list[int] = []
    real = search_module._index_shard
    monkeypatch.setattr(
        search_module, "_index_shard", lambda site, shard, *rest: indexed.append(shard) or real(site, shard, *rest)
    )
    build(golden_project)
    shards = json.loads((golden_project / "_site/pagefind/shards.json").read_text("utf-8"))["shards"]
    assert 0 < len(indexed) < shards  # a shard kept from the live site
    monkeypatch.undo()
    assert site_files(golden_project / "_site") == site_files(clean_build(golden_project, tmp_path / "clean"))
