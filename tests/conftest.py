"""Shared helpers: small projects written on the fly."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from kbgen.articles import Article
from kbgen.extract import Mention, Normalised, load_pipeline, normalise
from kbgen.lang import profile
from kbgen.resolve import resolve

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


def site_files(folder: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path in the site: two sites compare equal when byte-identical."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def spans_of(text: str, *names: tuple[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, label) of each (name, label), at its first place in `text` after the previous one."""
    spans, position = [], 0
    for name, label in names:
        start = text.index(name, position)
        spans.append((start, start + len(name), label))
        position = start + len(name)
    return spans


def one_span(text: str, name: str, label: str) -> tuple[list[Normalised], list[list[tuple[int, int, str]]]]:
    """What a rereading rule reads: `text` normalised, and `name` in it as its one span, of `label`."""
    norm = normalise(text)
    return [norm], [spans_of(norm.text, (name, label))]


def typed(text: str, *names: tuple[str, str]) -> dict[str, str]:
    """The type of each entity that the (name, label) mentions of `text` give, each found at its
    first place after the previous one, resolved as French."""
    article = Article("a", None, "a", None, "fr", None, text, text)
    mentions = [Mention("a", start, end, text[start:end], label) for start, end, label in spans_of(text, *names)]
    return {e.name: e.type for e in resolve(mentions, [article], language=profile("fr")).entities}


@pytest.fixture(scope="session")
def french_nlp():
    """The French model, loaded once for every test that reads text with it."""
    return load_pipeline("fr_core_news_sm")
