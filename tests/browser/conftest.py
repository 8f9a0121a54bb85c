"""Fixtures shared by the browser tests."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="session")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated corpus of 300 articles (bench/run.py's make_corpus, spaCy's French model),
    built once into <tmp>/project/_site: enough for entity pages with several pages of mentions."""
    spec = importlib.util.spec_from_file_location("bench_run", BENCH / "run.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = bench  # its dataclasses look their module up while being made
    spec.loader.exec_module(bench)
    project = tmp_path_factory.mktemp("large") / "project"
    articles = project / "content" / "articles"
    articles.mkdir(parents=True)
    for name, text in bench.make_corpus(300, seed=1):
        (articles / name).write_text(text, "utf-8")
    (project / "kbgen.yml").write_text("title: Banc d’essai\nlang: fr\nmodel: fr_core_news_sm\n", "utf-8")
    out = project / "_site"
    result = subprocess.run(
        [sys.executable, "-m", "kbgen", "build", "--project", str(project), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, f"kbgen build failed:\n{result.stdout}\n{result.stderr}"
    return out
