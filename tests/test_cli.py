"""The command line contract: options, exit codes and messages without tracebacks."""

from __future__ import annotations

import subprocess
import sys

from conftest import write


def kbgen(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kbgen", *args], capture_output=True, text=True)


def test_help_and_version():
    assert kbgen("--version").stdout.strip() == "kbgen, version 0.1.0"
    top = kbgen("--help").stdout
    assert "build" in top
    build_help = kbgen("build", "--help").stdout
    for option in ("--project", "--out", "--base-url"):
        assert option in build_help


def test_a_bad_article_is_named_with_its_line_and_left_out_or_fails_strict_builds(tmp_path):
    write(tmp_path / "content/articles/a.md", "---\ntitle: A\ndate: demain\n---\nTexte.\n")
    message = "content/articles/a.md:3: error: 'date' must be a date like 2024-10-15, not 'demain'; skipped"
    result = kbgen("build", "--project", str(tmp_path), "--out", str(tmp_path / "out"), "--strict")
    assert result.returncode == 1 and message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
    result = kbgen("build", "--project", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 0 and message in result.stderr
    assert (tmp_path / "out/index.html").is_file() and not (tmp_path / "out/articles/a.html").exists()


def test_missing_project_folder(tmp_path):
    result = kbgen("build", "--project", str(tmp_path / "nope"))
    assert result.returncode != 0 and "Traceback" not in result.stderr


def test_out_may_not_replace_the_project(tmp_path):
    write(tmp_path / "seeds/a.txt", "Bonjour.\n")
    result = kbgen("build", "--project", str(tmp_path), "--out", str(tmp_path))
    assert result.returncode == 1 and "would replace the project's own files" in result.stderr
    assert (tmp_path / "seeds/a.txt").exists()


def test_empty_project_builds_an_empty_site(tmp_path):
    result = kbgen("build", "--project", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "_site/index.html").is_file()
    assert (tmp_path / "_site/api/entities.json").read_text() == "[]\n"
