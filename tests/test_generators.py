"""Articles as Jekyll, Hugo, Zola, Pelican, MkDocs and Obsidian write them, read from a folder
`content_dirs` names: each fixture folder (written from that generator's own documentation) gives
the Articles its `expected.json` holds. KBGEN_UPDATE_GOLDEN=1 rewrites them, to accept a change
on purpose (then read the diff)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write

from kbgen.articles import Article, read_articles
from kbgen.errors import BuildError
from kbgen.project import Project
from kbgen.state import inputs_digest

FIXTURES = Path(__file__).parent / "fixtures" / "generators"
GENERATORS = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


def project_reading(tmp_path: Path, generator: str, settings: str = "") -> Path:
    """A project whose kbgen.yml names a copy of the generator's fixture folder."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / generator, project / generator, ignore=shutil.ignore_patterns("expected.json"))
    write(project / "kbgen.yml", f"model: blank:fr\ncontent_dirs: [{generator}]\n{settings}")
    return project


def as_json(article: Article) -> dict:
    def iso(value):
        return value.isoformat() if value is not None else None

    return {
        "path": article.path.as_posix(),
        "slug": article.slug,
        "title": article.title,
        "date": iso(article.date),
        "time": iso(article.time),
        "updated": iso(article.updated),
        "updated_time": iso(article.updated_time),
        "lang": article.lang,
        "authors": list(article.authors),
        "subtitle": article.subtitle,
        "summary": article.summary,
        "tags": list(article.tags),
        "old_urls": list(article.old_urls),
        "names": list(article.names),
        "image": article.image,
        "draft": article.draft,
        "extra": article.extra,
        "body": article.body,
    }


@pytest.mark.parametrize("generator", GENERATORS)
def test_each_generators_articles_read_as_expected(generator, tmp_path):
    articles, problems = read_articles(Project.load(project_reading(tmp_path, generator)))
    found = {"articles": [as_json(a) for a in articles], "problems": [str(p) for p in problems]}
    expected_file = FIXTURES / generator / "expected.json"
    if os.environ.get("KBGEN_UPDATE_GOLDEN"):
        expected_file.write_text(json.dumps(found, ensure_ascii=False, indent=2) + "\n", "utf-8")
    assert found == json.loads(expected_file.read_text("utf-8"))
    assert all(a.title.strip() for a in articles)
    json.dumps([a.extra for a in articles])  # extra is plain JSON


def test_a_content_folder_that_does_not_exist_is_named(tmp_path):
    write(tmp_path / "kbgen.yml", "content_dirs:\n  - posts\n  - ../blog/_posts\n")
    (tmp_path / "posts").mkdir()
    with pytest.raises(BuildError) as exc:
        Project.load(tmp_path)
    [problem] = exc.value.problems
    assert str(problem).startswith("kbgen.yml:3: error: 'content_dirs': '../blog/_posts' does not exist;")


def test_content_folders_are_inputs_and_slugs_stay_unique_across_folders(tmp_path):
    project = project_reading(tmp_path, "pelican")
    write(project / "content/articles/my-super-post.md", "---\ntitle: Mine\n---\nTexte.\n")
    loaded = Project.load(project)
    assert loaded.article_folders == (project / "content/articles", project / "pelican")
    assert project / "pelican" in loaded.watched  # kbgen serve watches it
    articles, _ = read_articles(loaded)
    assert [a.slug for a in articles] == ["my-super-post", "my-super-post-2", "semicolons"]
    before = inputs_digest(loaded)
    (project / "pelican/content/semicolons.md").write_text("Title: Changed\n\nTexte.\n", "utf-8")
    assert inputs_digest(loaded) != before  # the incremental build sees the change


def test_the_output_folder_may_not_be_inside_a_content_folder(tmp_path):
    project = project_reading(tmp_path, "jekyll")
    assert Project.load(project, project / "jekyll" / "site").output_overlaps_inputs()
    assert not Project.load(project).output_overlaps_inputs()


def test_a_jekyll_folder_builds_into_a_site(tmp_path):
    """The articles read from another generator's folder go through the whole build: their pages
    are written with their titles, and the folder is left as it was."""
    project = project_reading(tmp_path, "jekyll")
    before = {p: p.read_bytes() for p in (project / "jekyll").rglob("*") if p.is_file()}
    result = subprocess.run(
        [sys.executable, "-m", "kbgen", "build", "--project", str(project)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    page = (project / "_site/articles/welcome-to-jekyll.html").read_text("utf-8")
    assert "<title>Welcome to Jekyll!" in page
    assert "Dated by its name" in (project / "_site/articles/dated-by-its-name.html").read_text("utf-8")
    assert {p: p.read_bytes() for p in (project / "jekyll").rglob("*") if p.is_file()} == before
