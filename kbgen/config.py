"""The project's settings, read from an optional `kbgen.yml` and validated."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import ErrorDetails

from kbgen import lang as languages
from kbgen.errors import BuildError, Problem
from kbgen.yamlfile import LocatedMapping, YamlSyntaxError, load_mapping


class Config(BaseModel):
    """Every key `kbgen.yml` accepts."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str | None = None
    """The site's name; defaults to the language's 'knowledge base'."""
    lang: str = "fr"
    """Language of the articles and of the site's labels and dates."""
    model: str | None = None
    """spaCy pipeline for NER: a package name, a path, or `blank:LANG` (patterns only)."""
    entity_patterns: str | None = None
    """Optional JSONL file of spaCy entity_ruler patterns for names the model misses."""
    base_url: str | None = None
    """Absolute URL the site is published at (only needed where absolute links are)."""
    top_entities: int = 20
    """How many of the most-mentioned entities the home page lists."""
    max_article_mb: float = 5
    """Seeds larger than this many megabytes are skipped with a warning (NER time grows with size)."""
    search_shard_pages: int = Field(default=3000, ge=1)
    """Pages per search index shard: Pagefind holds in memory the whole index of the pages it indexes at once."""
    search_entity_pages: bool = False
    """Whether the full-text search indexes every entity page (its name and aliases), not only
    those with a note or a description of their own: one more search file per entity. The search
    page finds every entity by name and alias from the finder's data either way."""
    neighbourhood_pictures: bool = True
    """Whether each entity page draws its neighbourhood in the network (an SVG picture): about a
    sixth of the entity pages' bytes; the page lists the same entities either way."""
    entity_feeds: bool = False
    """An Atom feed per entity (entities/<slug>.xml): one more file per entity, so off by default."""
    graph_exports: bool = False
    """The co-mention network for analysis tools (api/graph.json, api/graph.gexf): large on a big corpus."""
    headline_types: tuple[Literal["PER", "ORG", "LOC", "MISC"], ...] = ("PER", "ORG", "LOC")
    """Entity types the home page's most-mentioned list shows (MISC is left out by default)."""
    theme_dir: str | None = None
    """The project's theme folder (templates and static files replacing kbgen's); default `theme/`."""
    content_dirs: tuple[str, ...] = ()
    """More folders of articles, read in place and never changed (a Hugo `content/posts`, a Jekyll
    `_posts`, an MkDocs `docs/blog/posts`, an Obsidian vault); paths relative to the project."""

    @field_validator("content_dirs", mode="before")
    @classmethod
    def _one_or_more(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @field_validator("content_dirs")
    @classmethod
    def _not_empty(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not folder.strip() for folder in value):
            raise ValueError("a folder's path is empty; write each as a path relative to the project")
        return value

    @field_validator("lang")
    @classmethod
    def _known_lang(cls, value: str) -> str:
        if value not in languages.available():
            raise ValueError(f"'{value}' is not a supported language; use one of {languages.available()}")
        return value

    @property
    def ner_model(self) -> str:
        model = self.model or languages.profile(self.lang).model
        assert model is not None  # load_config refuses a language without a model unless `model:` names one
        return model


def load_config(file: Path, path: Path) -> Config:
    """The settings in `file` (defaults when there is none); problems name it as `path`."""
    if not file.exists():
        return Config()
    try:
        located = load_mapping(file.read_text("utf-8"))
    except YamlSyntaxError as exc:
        raise BuildError([Problem(path, exc.line, str(exc), "fix the YAML syntax")]) from None
    except UnicodeDecodeError:
        raise BuildError([Problem(path, None, "not UTF-8 text", "save it as UTF-8")]) from None
    try:
        config = Config(**located.data)
    except ValidationError as exc:
        problems = [_problem(path, err, located.key_lines) for err in exc.errors()]
        raise BuildError(sorted(problems, key=lambda p: p.line or 0)) from None
    _check_content_dirs(file.parent, config, path, located)
    if config.model is None and languages.profile(config.lang).model is None:
        raise BuildError(
            [
                Problem(
                    path,
                    located.key_lines.get("lang"),
                    f"no spaCy model is known for lang '{config.lang}'",
                    "install one and name it with `model:` in kbgen.yml",
                )
            ]
        )
    return config


def _check_content_dirs(root: Path, config: Config, path: Path, located: LocatedMapping) -> None:
    """Each extra content folder must exist: a typo would otherwise leave its articles out unseen."""
    problems = []
    for index, folder in enumerate(config.content_dirs):
        where = root / folder
        if not where.is_dir():
            what = "is not a folder" if where.exists() else "does not exist"
            problems.append(
                Problem(
                    path,
                    located.line("content_dirs", index),
                    f"'content_dirs': '{folder}' {what}",
                    f"write the path of a folder of articles relative to the project ({root})",
                )
            )
    if problems:
        raise BuildError(problems)


def _problem(path: Path, err: ErrorDetails, key_lines: dict[str, int]) -> Problem:
    key = str(err["loc"][0]) if err["loc"] else ""
    line = key_lines.get(key)
    if err["type"] == "extra_forbidden":
        close = difflib.get_close_matches(key, Config.model_fields, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"valid keys: {', '.join(Config.model_fields)}"
        return Problem(path, line, f"unknown key '{key}'", hint)
    message = err["msg"].removeprefix("Value error, ")
    return Problem(path, line, f"'{key}': {message}", "see the README for valid values")
