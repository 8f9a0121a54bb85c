"""Previews for `kbgen serve`: an edited article's page made from the last good build's
knowledge and the article's new text, without resolving, linking or writing the site."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kbgen.build import build
from kbgen.preview import PreviewBase, preview_article, preview_theme
from kbgen.project import Project

NOTE = "content/articles/note-de-terrain.md"


def edit(project, old: str, new: str) -> None:
    path = project / NOTE
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def test_a_preview_is_the_page_the_rebuild_writes_when_no_name_changes(golden_project):
    base = PreviewBase.of(build(golden_project, keep_knowledge=True).knowledge)
    edit(golden_project, "a rejoint", "a retrouvé")
    page = preview_article(golden_project, base, golden_project / NOTE)
    assert page.path == "articles/note-de-terrain.html"
    shown = page.make()
    assert "a retrouvé".encode() in shown
    build(golden_project)
    assert shown == (golden_project / "_site" / page.path).read_bytes()


def test_known_names_are_linked_and_new_ones_wait_for_the_rebuild(golden_project):
    base = PreviewBase.of(build(golden_project, keep_knowledge=True).knowledge)
    before = (golden_project / "_site/articles/note-de-terrain.html").read_text("utf-8")
    assert "entities/lyon.html" not in before
    with open(golden_project / "patterns.jsonl", "a", encoding="utf-8") as patterns:
        patterns.write('{"label": "LOC", "pattern": "Tarbes"}\n')  # a name no build has seen
    edit(golden_project, "à Genève.", "à Genève, puis à Lyon et à Tarbes.")
    shown = preview_article(golden_project, base, golden_project / NOTE).make().decode()
    assert 'href="../entities/lyon.html">Lyon</a>' in shown  # named elsewhere in the corpus: linked
    assert "à Tarbes." in shown and "entities/tarbes.html" not in shown  # not an entity yet
    build(golden_project)
    assert 'href="../entities/tarbes.html">Tarbes</a>' in (
        golden_project / "_site/articles/note-de-terrain.html"
    ).read_text("utf-8")


def test_nothing_to_preview_for_a_new_or_broken_article(golden_project):
    base = PreviewBase.of(build(golden_project, keep_knowledge=True).knowledge)
    new = golden_project / "content/articles/nouveau.md"
    new.write_text("---\ntitle: Nouveau\n---\nLyon.\n", "utf-8")
    assert preview_article(golden_project, base, new) is None
    edit(golden_project, "date: 2024-10-15", "date: demain")
    assert preview_article(golden_project, base, golden_project / NOTE) is None


def test_a_name_two_entities_share_is_not_linked(golden_project):
    kb = build(golden_project, keep_knowledge=True).knowledge
    marie = next(e for e in kb.entities if e.name == "Marie Dupont")
    assert PreviewBase.of(kb).names["marie dupont"].slug == marie.slug
    namesake = replace(marie, slug="marie-dupont-2", name="Marie Dupont (2)", aliases=("Marie Dupont",))
    assert "marie dupont" not in PreviewBase.of(replace(kb, entities=kb.entities + (namesake,))).names


def test_a_failing_preview_answers_nothing(golden_project, monkeypatch):
    """kbgen serve's preview process: whatever goes wrong in a preview, it answers None (no
    preview: the rebuild reports the problem) and goes on with the next message."""
    import multiprocessing
    import signal

    import kbgen.preview as preview_module
    from kbgen.serve import previewer

    base = PreviewBase.of(build(golden_project, keep_knowledge=True).knowledge)
    real = preview_module.preview_article
    calls = []

    def broken_once(*args):
        calls.append(args)
        if len(calls) == 1:
            raise KeyError("a bug")
        return real(*args)

    monkeypatch.setattr(preview_module, "preview_article", broken_once)
    monkeypatch.setattr(signal, "signal", lambda *args: None)  # the process ignores Ctrl-C; not pytest
    ours, theirs = multiprocessing.Pipe()
    slug = base.slugs[Path(NOTE)]
    asked = ("page", (golden_project / NOTE, slug, base.related.get(slug, ())))
    for message in (("base", replace(base, related={})), asked, asked, ("stop", None)):
        ours.send(message)
    previewer._previews(theirs, golden_project)  # answers all four, then returns
    assert ours.recv() is None
    path, page = ours.recv()
    assert path == "articles/note-de-terrain.html" and b"a rejoint" in page


def test_the_preview_theme_is_kept_until_a_template_or_setting_changes(golden_project):
    base = PreviewBase.of(build(golden_project, keep_knowledge=True).knowledge)
    first = preview_theme(Project.load(golden_project))
    assert preview_theme(Project.load(golden_project)) is first  # its templates compiled once
    own = golden_project / "theme" / "article.html"
    own.parent.mkdir(exist_ok=True)
    own.write_text('{% extends "base.html" %}{% block main %}<p>gabarit du projet</p>{% endblock %}', "utf-8")
    edit(golden_project, "a rejoint", "a retrouvé")
    assert b"gabarit du projet" in preview_article(golden_project, base, golden_project / NOTE).make()
    config = golden_project / "kbgen.yml"
    config.write_text(config.read_text("utf-8").replace("Réunions de test", "Autre titre"), "utf-8")
    assert preview_theme(Project.load(golden_project)).config.title == "Autre titre"


def test_a_preview_leaves_the_builds_word_counts_as_they_are(golden_project):
    """The common-word check of a previewed article reads the last build's word counts of the
    corpus; keeping that one article's instead made the next rebuild count every text again."""
    edit(golden_project, "a rejoint", "a rejoint Genève. Genève")  # a name opening a sentence: judged
    base = PreviewBase.of(build(golden_project, keep_knowledge=True).knowledge)
    counts = Project.load(golden_project).word_case_cache
    kept = counts.read_bytes()
    edit(golden_project, "a rejoint", "a retrouvé")
    assert preview_article(golden_project, base, golden_project / NOTE) is not None
    assert counts.read_bytes() == kept


def test_an_article_saved_during_a_rebuild_is_previewed_at_once(golden_project, monkeypatch):
    """kbgen serve: an article saved while a build holds the project (a minute and more at
    10,000 articles) is previewed at once by the preview process, which then reads it with the
    model alone, leaving the caches the build is writing be; the build after shows it too, and
    no build of serve's own process runs the model: the preview process read every text."""
    import threading
    import time

    import kbgen.build as build_module
    import kbgen.ner as ner_module
    from kbgen.serve.rebuild import Rebuilder
    from kbgen.serve.status import LiveState

    project = golden_project.resolve()
    page = str(project / "_site/articles/note-de-terrain.html")
    state = LiveState()
    rebuilder = Rebuilder(project, project / "_site", state)
    rebuilder.first_build()
    holding, release = threading.Event(), threading.Event()
    real_resolve, read_here = build_module.resolve_cached, []

    def held(*args, **kwargs):  # after the build read the articles, inside the project's lock
        holding.set()
        release.wait(120)
        return real_resolve(*args, **kwargs)

    def until(condition, what: str) -> None:
        deadline = time.monotonic() + 90
        while not condition():
            assert time.monotonic() < deadline, f"waited too long for {what}"
            time.sleep(0.05)

    monkeypatch.setattr(build_module, "resolve_cached", held)
    monkeypatch.setattr(ner_module, "extract", lambda articles, *rest: read_here.append(articles) or [][0])
    rebuilder.start()
    try:
        edit(project, "a rejoint", "a retrouvé")
        assert holding.wait(60)
        cache = Project.load(project).cache
        kept = cache.read_bytes()
        edit(project, "a retrouvé", "a revu")
        until(lambda: b"a revu" in state.status.previews.get(page, b""), "the preview")
        assert state.status.building and not release.is_set()
        assert cache.read_bytes() == kept  # the build's caches left alone
        release.set()
        until(lambda: not state.status.building and not state.status.previews, "the rebuilds")
        assert "a revu" in (project / "_site/articles/note-de-terrain.html").read_text("utf-8")
        assert state.status.ok and read_here == []
    finally:
        release.set()
        rebuilder.stop()
