"""Shared helpers: small projects written on the fly, and a link checker for built sites."""

from __future__ import annotations

import shutil
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

REPO = Path(__file__).resolve().parent.parent
GOLDEN_PROJECT = Path(__file__).parent / "golden" / "project"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), "utf-8")
    return path


@pytest.fixture
def golden_project(tmp_path: Path) -> Path:
    """A copy of the model-free golden project (blank French pipeline + entity patterns)."""
    project = tmp_path / "project"
    shutil.copytree(GOLDEN_PROJECT, project)
    return project


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.refs.append(value)
            if name == "id" and value:
                self.ids.add(value)


def broken_links(site: Path) -> list[str]:
    """Every internal href/src in every page that does not resolve to a file (and anchor)."""
    pages = {p: _References() for p in site.rglob("*.html")}
    for page, parser in pages.items():
        parser.feed(page.read_text("utf-8"))
    broken = []
    for page, parser in pages.items():
        if page.name == "404.html":
            continue  # served at any depth; its links are checked with --base-url elsewhere
        for ref in parser.refs:
            parts = urlsplit(ref)
            if parts.scheme == "https" and parts.netloc == "www.wikidata.org":
                continue  # a link out for the reader, not a request the page makes
            if parts.scheme or ref.startswith("//"):
                broken.append(f"{page.relative_to(site)}: external reference {ref}")
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_relative_to(site.resolve()) or not target.is_file():
                broken.append(f"{page.relative_to(site)}: {ref}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in pages[target].ids:
                broken.append(f"{page.relative_to(site)}: missing anchor {ref}")
    return broken
