"""Bad input, one folder per kind under tests/bad_input/: the exact messages kbgen prints, never a
traceback, never a half-written site; and the protections that need a live file system."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kbgen.check import check_site

from conftest import write

CASES = Path(__file__).parent / "bad_input"


def kbgen_build(project: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kbgen", "build", "--project", str(project), "--out", str(project / "_site"), *extra],
        capture_output=True, text=True,
    )


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir()))
def test_bad_input_gets_its_exact_message(case, tmp_path):
    project = tmp_path / case
    shutil.copytree(CASES / case / "project", project)
    expected = (CASES / case / "expected.txt").read_text("utf-8").splitlines()
    result = kbgen_build(project)
    assert [f"exit: {result.returncode}", *result.stderr.splitlines()] == expected
    assert "Traceback" not in result.stderr
    if result.returncode == 0:
        assert check_site(project / "_site") == []
    else:
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
        assert "<script" not in html and "onerror=" not in html.replace("onerror=alert(1)&gt;", "")
        assert "javascript:" not in html
        # and a browser would refuse to run inline script on any page anyway
        assert '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; script-src \'self\';' in html
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
    started = time.perf_counter()
    result = kbgen_build(project)
    assert result.returncode == 0
    assert "seeds/enorme.txt: warning: is 3.3 MB, over the 1 MB limit for one article; skipped" in result.stderr
    assert time.perf_counter() - started < 30


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
    write(project / "content/articles/a000.md", "---\ntitle: Changé\n---\nAutre texte.\n")
    # Stop the build in the middle of writing its files, then kill it.
    process = subprocess.Popen(
        [sys.executable, "-c", (
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
        )],
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
