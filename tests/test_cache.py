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


def test_keep_only_drops_the_other_rows_and_compacts_a_mostly_free_file(tmp_path):
    cache = ExtractionCache(tmp_path / "c.sqlite")
    cache.put_json({f"k{i}": {"text": "x" * 2000} for i in range(200)})
    full = (tmp_path / "c.sqlite").stat().st_size
    cache.keep_only(["k1", "k2", "gone"])
    assert sorted(cache.get_json([f"k{i}" for i in range(200)])) == ["k1", "k2"]
    assert (tmp_path / "c.sqlite").stat().st_size < full / 10  # the freed pages given back
    cache.close()


def _rows(path, table: str) -> int:
    with sqlite3.connect(path) as db:
        return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_the_caches_hold_the_last_builds_rows_only(project, tmp_path):
    # Each edit (or new kbgen version) would otherwise leave its rows behind: a project's caches
    # grew by a corpus's rows on every upgrade, and every build reads them whole (quick_check).
    def rows() -> tuple[int, int]:
        return _rows(project / ".kbgen/articles.sqlite", "article"), _rows(
            project / ".kbgen/cache.sqlite", "extraction"
        )

    build(project, tmp_path / "one")
    files, texts = rows()  # every article file read; every published article's text (no draft)
    folder = project / "content/articles"
    (folder / "2024-10-20-suite-a-geneve.md").unlink()
    edited = folder / "note-de-terrain.md"
    edited.write_text(edited.read_text("utf-8") + "\nUne phrase de plus.\n", "utf-8")
    build(project, tmp_path / "two")
    assert rows() == (files - 1, texts - 1)
    shutil.rmtree(project / ".kbgen")
    build(project, tmp_path / "cold")
    assert site_files(tmp_path / "two") == site_files(tmp_path / "cold")
