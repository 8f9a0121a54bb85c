"""The extraction cache: a warm rebuild runs no NER and loads no model; changed text, model or
patterns are extracted again; a corrupt or foreign cache is set aside, never trusted."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from conftest import GOLDEN_PROJECT, site_files, write

import kbgen.ner as ner_module
from kbgen.build import build
from kbgen.cache import ExtractionCache


@pytest.fixture
def project(tmp_path):
    shutil.copytree(GOLDEN_PROJECT, tmp_path / "p")
    return tmp_path / "p"


def refuse_ner(monkeypatch):
    def no_model(*args):
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(ner_module, "pipeline_for", no_model)
    monkeypatch.setattr(ner_module, "_pipelines", {})


def test_warm_rebuild_loads_no_model_and_gives_the_same_site(project, tmp_path, monkeypatch):
    build(project, tmp_path / "cold")
    refuse_ner(monkeypatch)
    build(project, tmp_path / "warm")
    assert site_files(tmp_path / "cold") == site_files(tmp_path / "warm")


def test_an_edited_article_alone_is_read_again(project, tmp_path, monkeypatch):
    build(project)
    calls = []
    real = ner_module.extract

    def counting(articles, nlp, jobs=1):
        calls.append([a.slug for a in articles])
        return real(articles, nlp, jobs)

    monkeypatch.setattr(ner_module, "extract", counting)
    page = project / "content/articles/note-de-terrain.md"
    page.write_text(page.read_text("utf-8").replace("Jean Martin a rejoint", "Jean Martin a retrouvé"), "utf-8")
    build(project)
    assert calls == [["note-de-terrain"]]
    monkeypatch.undo()
    build(project, project / "_clean")  # the same as a build from an empty cache
    shutil.rmtree(project / ".kbgen")
    build(project, project / "_cold")
    assert site_files(project / "_clean") == site_files(project / "_cold")


def test_changed_patterns_are_applied(project, monkeypatch):
    build(project)
    with (project / "patterns.jsonl").open("a") as patterns:
        patterns.write('{"label": "LOC", "pattern": "Bruxelles"}\n')
    write(project / "content/articles/b.md", "---\ntitle: B\n---\nBruxelles et Lyon.\n")
    build(project)
    assert (project / "_site/entities/bruxelles.html").is_file()


@pytest.mark.parametrize("damage", ["garbage", "foreign", "truncated"])
def test_a_broken_cache_is_set_aside_and_rebuilt(project, tmp_path, damage):
    build(project, tmp_path / "first")
    cache = project / ".kbgen/cache.sqlite"
    if damage == "garbage":
        cache.write_bytes(b"this is not a database" * 100)
    elif damage == "foreign":
        cache.unlink()
        db = sqlite3.connect(cache)
        db.execute("CREATE TABLE extraction (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("INSERT INTO extraction VALUES ('x', 'y')")
        db.commit()
        db.close()
    else:
        cache.write_bytes(cache.read_bytes()[:1500])
    summary = build(project, tmp_path / "second")
    assert any(
        ".kbgen/cache.sqlite" in str(w) and "set aside as cache.sqlite.broken-1" in str(w) for w in summary.warnings
    )
    assert (project / ".kbgen/cache.sqlite.broken-1").exists()
    assert site_files(tmp_path / "first") == site_files(tmp_path / "second")
    assert ExtractionCache(cache).warning is None  # the new cache is sound


def test_unreadable_rows_are_misses(tmp_path):
    cache = ExtractionCache(tmp_path / "c.sqlite")
    cache.db.execute("INSERT INTO extraction VALUES ('k', 'not json')")
    assert cache.get_many(["k"]) == {}
