"""Previews for `kbgen serve`: an edited article's page made from the last good build's
knowledge and the article's new text, without resolving, linking or writing the site."""

from __future__ import annotations

from dataclasses import replace

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


def test_a_failing_preview_leaves_the_rebuild_to_report(golden_project, monkeypatch):
    """kbgen serve: whatever goes wrong in a preview, there is none, and the rebuild still runs."""
    import kbgen.preview as preview_module
    from kbgen.serve.rebuild import Rebuilder
    from kbgen.serve.status import LiveState

    def broken(*args):
        raise KeyError("a bug")

    monkeypatch.setattr(preview_module, "preview_article", broken)
    state = LiveState()
    rebuilder = Rebuilder(golden_project.resolve(), golden_project.resolve() / "_site", state)
    rebuilder.first_build()
    assert rebuilder.base is not None and state.status.build == 1
    edit(golden_project, "a rejoint", "a retrouvé")
    rebuilder._rebuild({(golden_project / NOTE).resolve()})
    assert state.status.build == 2 and state.status.ok and state.status.previews == {}
    assert "a retrouvé" in (golden_project / "_site/articles/note-de-terrain.html").read_text("utf-8")


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
