"""Bad input, one folder per kind under tests/bad_input/: the exact messages kbgen prints, never a
traceback, never a half-written site; and the protections that need a live file system."""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import write

from kbgen.check import check_site

CASES = Path(__file__).parent / "bad_input"


def kbgen_build(project: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kbgen", "build", "--project", str(project), "--out", str(project / "_site"), *extra],
        capture_output=True,
        text=True,
    )


def timed_build(project: Path) -> tuple[subprocess.CompletedProcess, float]:
    """The build, and the CPU seconds it took (its processes' and theirs): not the clock's
    seconds, which a loaded machine stretches while the work stays the same."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = kbgen_build(project)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return result, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir()))
def test_bad_input_gets_its_exact_message(case, tmp_path):
    """Regenerate the expected messages on purpose with KBGEN_UPDATE_GOLDEN=1."""
    project = tmp_path / case
    shutil.copytree(CASES / case / "project", project)
    result = kbgen_build(project)
    got = [f"exit: {result.returncode}", *result.stderr.splitlines()]
    if os.environ.get("KBGEN_UPDATE_GOLDEN"):
        (CASES / case / "expected.txt").write_text("\n".join(got) + "\n", "utf-8")
    assert got == (CASES / case / "expected.txt").read_text("utf-8").splitlines()
    assert "Traceback" not in result.stderr
    if result.returncode != 0:
        assert not (project / "_site").exists()
        return
    assert check_site(project / "_site") == []
    if any(": error: " in line or ": warning: " in line for line in got):
        # A build that left files out, or warned, writes its site; --strict (for CI) refuses to.
        shutil.rmtree(project / "_site")
        strict = kbgen_build(project, "--strict")
        assert strict.returncode == 1 and strict.stderr.endswith("; the site was not written.\n")
        assert not (project / "_site").exists()


def test_every_legacy_encoding_reads_back_the_same_words(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(CASES / "encodings" / "project", project)
    assert kbgen_build(project).returncode == 0
    bodies = {p.read_text("utf-8").rsplit("---\n", 1)[1].strip() for p in (project / "content/articles").glob("*.md")}
    assert bodies == {
        "Le ministre a annoncé à Noël une réforme de l’État — « déjà » votée.",
        "Le ministre a annoncé à Noël une réforme de l'État - « déjà » votée.",
    }


def test_hostile_titles_and_bodies_are_escaped_and_stay_inside(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(CASES / "hostile_names" / "project", project)
    assert kbgen_build(project).returncode == 0
    site = project / "_site"
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert all(path.startswith("p/") for path in written)
    for page in site.rglob("*.html"):
        html = page.read_text("utf-8")
        scripts = re.findall(r"<script[^>]*>", html)
        assert all(re.fullmatch(r'<script src="(\.\./)*static/[a-z-]+\.js">', tag) for tag in scripts), scripts
        assert "onerror=" not in html.replace("onerror=alert(1)&gt;", "")
        assert "javascript:" not in html
        # and a browser would refuse to run inline script on any page anyway
        assert (
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval';"
            in html
        )
    titles = [a["title"] for a in json.loads((site / "api/articles.json").read_text("utf-8"))]
    assert "../../etc/x <script>alert(1)</script>" in titles


def test_seed_linking_out_of_the_project_is_skipped(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Le mot de passe de Marie Dupont.")
    project = tmp_path / "p"
    write(project / "kbgen.yml", "model: blank:fr\n")
    (project / "seeds").mkdir()
    (project / "seeds" / "lien.txt").symlink_to(secret)
    result = kbgen_build(project)
    assert result.returncode == 0
    assert "seeds/lien.txt: warning: is a link to a file outside the project; skipped" in result.stderr
    assert "mot de passe" not in "".join(p.read_text() for p in (project / "_site").rglob("*.html"))


def test_content_folder_linking_out_of_the_project_is_never_written(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    project = tmp_path / "p"
    write(project / "kbgen.yml", "model: blank:fr\n")
    write(project / "seeds/a.txt", "Un texte.\n")
    (project / "content").mkdir()
    (project / "content" / "articles").symlink_to(elsewhere)
    result = kbgen_build(project)
    assert result.returncode == 1
    assert "content/articles: error: leads outside the project" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_oversized_seed_is_skipped_in_bounded_time(tmp_path):
    project = tmp_path / "p"
    write(project / "kbgen.yml", "model: blank:fr\nmax_article_mb: 1\n")
    big = project / "seeds" / "enorme.txt"
    big.parent.mkdir()
    big.write_text("Une très longue ligne sans fin, " * 100_000)  # 3.2 MB on one line
    result, seconds = timed_build(project)
    assert result.returncode == 0
    assert "seeds/enorme.txt: warning: is 3.3 MB, over the 1 MB limit for one article; skipped" in result.stderr
    assert seconds < 30


def test_strict_turns_warnings_into_errors(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(CASES / "typo_field" / "project", project)
    result = kbgen_build(project, "--strict")
    assert result.returncode == 1
    assert "content/articles/a.md:3: error: unknown field 'authr'; did you mean 'author'?" in result.stderr
    assert not (project / "_site").exists()


def test_a_build_killed_while_writing_leaves_the_previous_site(tmp_path):
    project = tmp_path / "p"
    write(project / "kbgen.yml", "model: blank:fr\n")
    for i in range(400):
        write(project / f"content/articles/a{i:03}.md", f"---\ntitle: Article {i}\n---\nTexte {i}.\n")
    assert kbgen_build(project).returncode == 0
    before = {p: p.read_bytes() for p in (project / "_site").rglob("*") if p.is_file()}
    write(project / "kbgen.yml", "model: blank:fr\ntitle: Un autre titre\n")  # every page changes
    # Stop the build in the middle of writing its files, then kill it.
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sys, os, signal, pathlib\n"
                "from kbgen import write\n"
                "real = write.Path.write_bytes\n"
                "count = [0]\n"
                "def slow(self, data):\n"
                "    count[0] += 1\n"
                "    if count[0] == 100: os.kill(os.getpid(), signal.SIGKILL)\n"
                "    return real(self, data)\n"
                "write.Path.write_bytes = slow\n"
                "from kbgen.build import build\n"
                f"build(pathlib.Path({str(project)!r}))\n"
            ),
        ],
    )
    assert process.wait(timeout=120) == -signal.SIGKILL
    after = {p: p.read_bytes() for p in (project / "_site").rglob("*") if p.is_file()}
    assert after == before
    # The next build cleans up after the killed one and succeeds.
    assert kbgen_build(project).returncode == 0
    assert [p.name for p in project.iterdir() if p.name.startswith("._site")] == []


def test_two_builds_at_once_never_mix(tmp_path):
    project = tmp_path / "p"
    write(project / "kbgen.yml", "model: blank:fr\n")
    for i in range(200):
        write(project / f"content/articles/a{i:03}.md", f"---\ntitle: Article {i}\n---\nTexte {i}.\n")
    command = [sys.executable, "-m", "kbgen", "build", "--project", str(project)]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    results = [(p.wait(timeout=120), p.stderr.read()) for p in (first, second)]
    for code, stderr in results:
        assert code == 0 or "another kbgen build is running on this project" in stderr, stderr
    assert any(code == 0 for code, _ in results)
    assert check_site(project / "_site") == []
    assert len(list((project / "_site/articles").glob("*.html"))) == 200


def test_odd_file_names_get_clean_unique_stable_slugs(tmp_path):
    project = tmp_path / "p"
    write(project / "kbgen.yml", "model: blank:fr\n")
    for name in ("Été à Lyon.md", "ete a lyon.md", "  ???  .md", "x'; rm -rf ~.md"):
        write(project / "content/articles" / name, f"---\ntitle: {name!r}\n---\nTexte.\n")
    assert kbgen_build(project).returncode == 0
    slugs = sorted(a["slug"] for a in json.loads((project / "_site/api/articles.json").read_text("utf-8")))
    assert slugs == ["article", "ete-a-lyon", "ete-a-lyon-2", "x-rm-rf"]
    assert kbgen_build(project).returncode == 0
    assert slugs == sorted(a["slug"] for a in json.loads((project / "_site/api/articles.json").read_text("utf-8")))


def test_a_very_long_line_builds_in_bounded_time(tmp_path):
    project = tmp_path / "p"
    write(project / "kbgen.yml", "model: blank:fr\nentity_patterns: patterns.jsonl\n")
    write(project / "patterns.jsonl", '{"label": "LOC", "pattern": "Lyon"}\n')
    write(project / "seeds/long.txt", "Une ligne sans fin passe par Lyon, " * 30_000)  # 1 MB, one line
    result, seconds = timed_build(project)
    assert result.returncode == 0
    assert seconds < 60
    [lyon] = json.loads((project / "_site/api/entities.json").read_text("utf-8"))
    assert lyon["mentions"] == 30_000
    page = (project / "_site/entities/lyon.html").read_text("utf-8")
    assert len(page) < 20_000  # quotes are cut to their context, five per article
    assert page.count("<blockquote>") == 5 and "et 29995 autres mentions dans cet article" in page


def test_unknown_front_matter_reaches_the_templates_and_themes_override(tmp_path):
    project = tmp_path / "p"
    write(project / "kbgen.yml", "model: blank:fr\n")
    write(project / "content/articles/a.md", "---\ntitle: A\nrubrique: politique\n---\nTexte.\n")
    write(
        project / "site_templates/article.html",
        '{% extends "base.html" %}{% block main %}<p class="cat">{{ article.extra.rubrique }}</p>{% endblock %}\n',
    )
    write(project / "site_templates/static/style.css", "body { color: red; }\n")
    assert kbgen_build(project).returncode == 0
    assert '<p class="cat">politique</p>' in (project / "_site/articles/a.html").read_text("utf-8")
    assert (project / "_site/static/style.css").read_text() == "body { color: red; }\n"


def test_a_second_build_is_refused_while_one_holds_the_project(tmp_path):
    from kbgen.build import project_lock
    from kbgen.project import Layout

    project = tmp_path / "p"
    write(project / "kbgen.yml", "model: blank:fr\n")
    with project_lock(Layout.of(project)):
        result = kbgen_build(project)
    assert result.returncode == 1
    assert (
        "error: another kbgen build is running on this project; wait for it to finish, then build again"
        in result.stderr
    )
    assert not (project / "_site").exists()
    assert kbgen_build(project).returncode == 0  # and once it is released, building works


def test_a_theme_may_still_import_entity_link_from_the_macros(tmp_path):
    """entity_link is kbgen's own function now (made once per entity); a theme's template that
    imports it from _macros.html, as it used to be, gets it, names escaped."""
    from types import SimpleNamespace

    from kbgen.project import Project
    from kbgen.render import Theme

    project = Project.load(tmp_path / "p")
    write(project.config_file, "model: blank:fr\n")
    theme = Theme(project.theme_folders, project.config)
    html = theme.env.from_string('{% from "_macros.html" import entity_link %}{{ entity_link(e, "../") }}').render(
        e=SimpleNamespace(slug="a-b", name="<A & B>", type="PER")
    )
    assert html == '<a class="entity type-per" href="../entities/a-b.html">&lt;A &amp; B&gt;</a>'


def test_one_bad_file_among_good_ones_leaves_only_it_out(tmp_path):
    project = tmp_path / "p"
    write(project / "kbgen.yml", "model: blank:fr\n")
    for i in range(3):
        write(project / f"seeds/s{i}.txt", f"Graine {i}\n\nUn texte sur Lyon numéro {i}.\n")
        write(project / f"content/articles/a{i}.md", f"---\ntitle: Article {i}\n---\nTexte {i}.\n")
    write(project / "seeds/points.txt", "… et les incendies ont ravagé la Provence.\n")
    write(project / "content/articles/casse.md", "---\ntitle: [jamais fermé\n---\nTexte.\n")
    write(project / "content/articles/typo.md", "---\ntitle: T\nauthr: X\n---\nTexte.\n")
    command = [sys.executable, "-m", "kbgen", "build", "--project", str(project)]
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    assert (
        "content/articles/casse.md:2: error: invalid YAML: expected ',' or ']', but got '<stream end>'; skipped; "
        "fix the front matter between the '---' lines"
    ) in lines
    assert "content/articles/typo.md:3: warning: unknown field 'authr'; did you mean 'author'?" in lines
    assert lines[-1] == (
        "1 error(s), 1 warning(s); 1 file(s) skipped, the site was built without them: "
        "see the errors above (kbgen check lists them)."
    )
    titles = sorted(a["title"] for a in json.loads((project / "_site/api/articles.json").read_text("utf-8")))
    assert titles == [
        "Article 0",
        "Article 1",
        "Article 2",
        "Graine 0",
        "Graine 1",
        "Graine 2",
        "T",
        "et les incendies ont ravagé la Provence",
    ]
    assert check_site(project / "_site") == []
    # kbgen check, run in the project, lists what the build left out (from the saved state).
    checked = subprocess.run([sys.executable, "-m", "kbgen", "check"], cwd=project, capture_output=True, text=True)
    assert checked.returncode == 1
    [skipped, closing] = checked.stderr.splitlines()
    assert skipped == (
        "content/articles/casse.md:2: error: invalid YAML: expected ',' or ']', but got '<stream end>'; skipped; "
        "fix the front matter between the '---' lines"
    )
    assert re.fullmatch(r"0 problem\(s\) in \d+ pages; the last build skipped 1 file\(s\)\.", closing), closing
    # The same build again is up to date, and says the same.
    again = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert again.returncode == 0 and "Up to date" in again.stdout
    assert again.stdout.splitlines()[-1] == lines[-1]
    # For CI: --strict fails on the error (and the warning), and writes no site.
    shutil.rmtree(project / "_site")
    strict = kbgen_build(project, "--strict")
    assert strict.returncode == 1
    assert strict.stderr.splitlines()[-1] == "2 error(s); the site was not written."
    assert "content/articles/typo.md:3: error: unknown field 'authr'" in strict.stderr
    assert not (project / "_site").exists()
    # Fixed, the file is built and kbgen check has nothing to say.
    write(project / "content/articles/casse.md", "---\ntitle: Réparé\n---\nTexte.\n")
    assert kbgen_build(project).returncode == 0
    checked = subprocess.run(
        [sys.executable, "-m", "kbgen", "check", "--project", str(project)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr


def test_a_build_stopped_by_a_broken_template_still_shows_every_warning(tmp_path):
    project = tmp_path / "p"
    shutil.copytree(CASES / "broken_template_variable" / "project", project)
    write(project / "content/articles/typo.md", "---\ntitle: T\nauthr: X\n---\nTexte.\n")
    write(project / "content/articles/casse.md", "---\ntitle: [B\n---\nTexte.\n")
    result = kbgen_build(project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("content/articles/casse.md:2: error: invalid YAML")
    assert lines[1] == "content/articles/typo.md:3: warning: unknown field 'authr'; did you mean 'author'?"
    assert lines[2].startswith("site_templates/article.html:3: error: template error:")
    assert lines[3] == "2 error(s), 1 warning(s); the site was not written."
    assert not (project / "_site").exists()
