"""Fixtures shared by the browser tests: Chromium driven by Playwright, axe-core, and a site built
from a generated corpus of a few hundred articles (bench/run.py's), for what only shows at size
(lists cut into pages, ranking)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
LARGE_ARTICLES = 300
CHROMIUM = Path(os.environ.get("KBGEN_CHROMIUM", "/usr/bin/chromium"))
AXE_JS = HERE / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
UNDER_CI = bool(os.environ.get("CI"))
INSTALL_HINT = "run `make test`, which installs it (Debian's chromium, playwright, npm ci in tests/browser)"


def require(ok: bool, what: str) -> None:
    """Skip the test when `what` is missing, or fail it under CI, where it must run."""
    if ok:
        return
    message = f"{what} is missing: {INSTALL_HINT}"
    if UNDER_CI:
        pytest.fail(f"{message} (CI is set, so browser tests must run, not skip)", pytrace=False)
    pytest.skip(message)


def _playwright_importable() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


# Module-scoped, not session-scoped: a sync Playwright left running would make every later
# sync_playwright() in the session (other test files) fail with "Sync API inside the asyncio loop".
@pytest.fixture(scope="module")
def browser():
    require(CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK), f"Chromium ({CHROMIUM})")
    require(_playwright_importable(), "Playwright for Python (the `test` extra)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def axe_source() -> str:
    require(AXE_JS.is_file(), f"axe-core ({AXE_JS.relative_to(HERE.parent.parent)})")
    return AXE_JS.read_text("utf-8")


@pytest.fixture(scope="session")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """bench/run.py's corpus of LARGE_ARTICLES articles (seed 1), built once into <tmp>/large/_site."""
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from run import make_corpus
    finally:
        sys.path.remove(str(REPO / "bench"))
    project = tmp_path_factory.mktemp("large")
    (project / "content" / "articles").mkdir(parents=True)
    for name, text in make_corpus(LARGE_ARTICLES, seed=1):
        (project / "content" / "articles" / name).write_text(text, "utf-8")
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
