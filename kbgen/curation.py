"""The owner's corrections to the entities, read from `content/entities.yml`.

kbgen creates the file, commented, when it is missing, and never writes it again: what the owner
writes there, comments included, stays as written. The rules are applied by the resolve stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TypeGuard

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from kbgen.errors import BuildError, Problem
from kbgen.lang import LanguageProfile
from kbgen.names import fold
from kbgen.yamlfile import LocatedMapping, YamlSyntaxError, load_mapping

TYPES = ("PER", "ORG", "LOC", "MISC")


class RuleSettings(BaseModel):
    """What one entry of `entities:` may set; any other key is an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str | None = None
    type: str | None = None
    aliases: tuple[str, ...] = ()
    remove_aliases: tuple[str, ...] = ()  # names merged into it that are not it
    split: dict[str, tuple[str, ...]] = {}  # another entity's name -> the articles (slugs) naming that one
    merge_into: str | None = None
    description: str | None = None
    wikidata: str | None = None

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str | None) -> str | None:
        if value is not None and value not in TYPES:
            raise ValueError(f"must be one of {', '.join(TYPES)}")
        return value

    @field_validator("wikidata")
    @classmethod
    def _qid(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"Q[1-9][0-9]*", value):
            raise ValueError("must be a Wikidata ID like Q57792")
        return value


class Rule(RuleSettings):
    """A validated entry, with the entity it names (as written) and its line."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    target: str
    line: int | None = None


@dataclass(frozen=True)
class Ignored:
    """A name that is no entity: everywhere, or only in the articles (slugs) listed."""

    name: str
    line: int | None
    articles: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Curation:
    path: Path | str = ""  # as messages name it; a Curation without a file has no rule to name it
    rules: tuple[Rule, ...] = ()
    ignore: tuple[Ignored, ...] = ()

    def ignored(self) -> dict[str, frozenset[str] | None]:
        """Each ignored name, folded -> the articles it is ignored in (None: everywhere)."""
        found: dict[str, frozenset[str] | None] = {}
        for entry in self.ignore:
            key = fold(entry.name)
            before = found.get(key, frozenset())
            if entry.articles is None or before is None:
                found[key] = None
            else:
                found[key] = before | frozenset(entry.articles)
        return found


def create_curation_file(path: Path, language: LanguageProfile) -> None:
    """The curation file, commented (in `language`) and without rules, for the owner to find and
    fill (in a project that has a content folder)."""
    if not path.exists() and path.parent.is_dir():
        path.write_text(language.curation_template, "utf-8")


def load_curation(path: Path, shown: Path) -> Curation:
    """The rules in the curation file at `path`, named `shown` in messages (none when it is missing)."""
    if not path.exists():
        return Curation()
    try:
        located = load_mapping(path.read_text("utf-8"))
    except YamlSyntaxError as exc:
        raise BuildError([Problem(shown, exc.line, str(exc), "fix the YAML syntax")]) from None
    except UnicodeDecodeError:
        raise BuildError([Problem(shown, None, "not UTF-8 text", "save it as UTF-8")]) from None
    problems, rules, ignore = [], [], []
    for key in located.data:
        if key not in ("entities", "ignore"):
            problems.append(Problem(shown, located.line(key), f"unknown key '{key}'", "use 'entities:' and 'ignore:'"))
    entities = located.data.get("entities") or {}
    if not isinstance(entities, dict):
        problems.append(
            Problem(
                shown,
                located.line("entities"),
                "'entities' must be a mapping of names to rules",
                "see the example at the top of the file",
            )
        )
        entities = {}
    for target, body in entities.items():
        rule = _rule(str(target), body, located, shown, problems)
        if rule is not None:
            rules.append(rule)
    ignore = _ignored(located, shown, problems)
    if problems:
        raise BuildError(problems)
    return Curation(shown, tuple(rules), tuple(ignore))


def _ignored(located: LocatedMapping, shown: Path, problems: list[Problem]) -> list[Ignored]:
    """The `ignore:` list: '- Name' (everywhere) or '- Name: [article, ...]' (in those articles)."""
    names = located.data.get("ignore") or []
    if not isinstance(names, list):
        hint = "write one '- Name' per line, or '- Name: [article-slug]' for some articles only"
        problems.append(Problem(shown, located.line("ignore"), "'ignore' must be a list of names", hint))
        return []
    found = []
    for i, entry in enumerate(names):
        line = located.line("ignore", i)
        articles = next(iter(entry.values())) if isinstance(entry, dict) and len(entry) == 1 else None
        if isinstance(entry, (str, int)):
            found.append(Ignored(str(entry), line))
        elif _is_list_of_names(articles):
            found.append(Ignored(str(next(iter(entry))), line, tuple(str(a) for a in articles)))
        else:
            problems.append(
                Problem(
                    shown,
                    line,
                    "an 'ignore' entry must be a name, or one name with the articles it is no entity in",
                    "write '- Name', or '- Name: [article-slug, ...]' (slugs as in the articles' addresses)",
                )
            )
    return found


def _is_list_of_names(value: object) -> TypeGuard[list]:
    return isinstance(value, list) and bool(value) and all(isinstance(v, (str, int)) for v in value)


def _rule(target: str, body: object, located: LocatedMapping, shown: Path, problems: list[Problem]) -> Rule | None:
    """The rule written for `target`, or None with its problems added to `problems`."""
    line = located.line("entities", target)
    try:
        rule = RuleSettings(**(body or {})) if isinstance(body, (dict, type(None))) else None
    except ValidationError as exc:
        for err in exc.errors():
            key = str(err["loc"][0]) if err["loc"] else ""
            where = located.line("entities", target, key) or line
            message = "unknown key" if err["type"] == "extra_forbidden" else err["msg"].removeprefix("Value error, ")
            problems.append(
                Problem(
                    shown,
                    where,
                    f"'{target}' -> '{key}': {message}",
                    "valid keys: " + ", ".join(RuleSettings.model_fields),
                )
            )
        return None
    if rule is None:
        problems.append(
            Problem(
                shown,
                line,
                f"'{target}' must be followed by its rules (name:, type:, ...)",
                "see the example at the top of the file",
            )
        )
        return None
    return Rule(target=target, line=line, **rule.model_dump())
