"""kbgen.yml and front matter: every problem named with its file and line, and what to do."""

from __future__ import annotations

import re

import pytest
from conftest import write

from kbgen.articles import read_articles
from kbgen.dates import ACCEPTED
from kbgen.errors import BuildError
from kbgen.project import Project


def problems(exc_info) -> list[str]:
    return [str(p) for p in exc_info.value.problems]


def test_defaults_without_a_config_file(tmp_path):
    config = Project.load(tmp_path).config
    assert (config.lang, config.ner_model) == ("fr", "fr_core_news_sm")


def test_unknown_key_names_the_closest_valid_one(tmp_path):
    write(tmp_path / "kbgen.yml", "title: Test\nmodle: fr_core_news_md\n")
    with pytest.raises(BuildError) as exc:
        Project.load(tmp_path)
    assert problems(exc) == ["kbgen.yml:2: error: unknown key 'modle'; did you mean 'model'?"]


def test_yaml_syntax_error_has_its_line(tmp_path):
    write(tmp_path / "kbgen.yml", "title: Test\nlang: [fr\n")
    with pytest.raises(BuildError) as exc:
        Project.load(tmp_path)
    [message] = problems(exc)
    assert message.startswith("kbgen.yml:2: error: invalid YAML")


def test_unsupported_language_lists_the_supported_ones(tmp_path):
    write(tmp_path / "kbgen.yml", "lang: de\n")
    with pytest.raises(BuildError) as exc:
        Project.load(tmp_path)
    [message] = problems(exc)
    assert ":1: error: 'lang': 'de' is not a supported language; use one of ['en', 'fr']" in message


def test_language_without_a_known_model_asks_for_one(tmp_path):
    write(tmp_path / "kbgen.yml", "lang: en\n")
    with pytest.raises(BuildError, match="no spaCy model is known for lang 'en'"):
        Project.load(tmp_path)


def test_every_bad_article_is_reported_at_once_and_left_out(tmp_path):
    write(tmp_path / "content/articles/a.md", "---\ntitle: A\ndate: 15/10/2024\n---\nTexte.\n")
    write(tmp_path / "content/articles/b.md", "---\ntitle: [B\n---\nTexte.\n")
    write(tmp_path / "content/articles/c.md", "---\ndate: 2024-10-15\n---\nTexte.\n")  # titled 'C', from its name
    write(tmp_path / "content/articles/d.md", "---\ntitle: D\n---\nTexte.\n")
    articles, found = read_articles(Project.load(tmp_path))
    assert [a.slug for a in articles] == ["c", "d"]
    assert [str(p) for p in found] == [
        "content/articles/a.md:3: error: 'date' must be a date like 2024-10-15, not '15/10/2024'; skipped; " + ACCEPTED,
        "content/articles/b.md:2: error: invalid YAML: expected ',' or ']', but got '<stream end>'; skipped; fix the front matter between the '---' lines",
    ]


def test_headline_types_are_checked(tmp_path):
    write(tmp_path / "kbgen.yml", "headline_types: [PER, PLACE]\n")
    with pytest.raises(BuildError, match=re.escape("kbgen.yml:1: error: 'headline_types'")):
        Project.load(tmp_path)
    write(tmp_path / "kbgen.yml", "headline_types: [PER, MISC]\n")
    assert Project.load(tmp_path).config.headline_types == ("PER", "MISC")
