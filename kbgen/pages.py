"""Markdown pages with front matter: split, parse (with line numbers) and write.

kbgen writes YAML between `---` lines; it reads that, TOML between `+++` lines (Hugo, Zola),
Hugo's JSON object and Pelican's `Key: value` header lines (kbgen/frontmatter.py)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

import yaml

from kbgen.frontmatter import FrontMatterError, load_toml, split_header_lines, split_json
from kbgen.yamlfile import LocatedMapping, YamlSyntaxError, load_mapping

FENCE = "---"
TOML_FENCE = "+++"


@dataclass(frozen=True)
class Page:
    meta: dict
    body: str
    meta_lines: dict[str, int] = field(default_factory=dict)
    body_line: int = 1
    format: str = ""  # "yaml", "toml", "json", "headers", or "" for a page without front matter


def parse_page(text: str) -> Page:
    """Split front matter from body; raises YamlSyntaxError (FrontMatterError for TOML) with the
    file's line number."""
    text = text.lstrip("\ufeff")
    lines = text.split("\n")
    first = lines[0].rstrip()
    if first == FENCE:
        index = _closing(lines, (FENCE, "..."), FENCE)
        located = _yaml("\n".join(lines[1:index]))
        return Page(located.data, "\n".join(lines[index + 1 :]), located.key_lines, index + 2, "yaml")
    if first == TOML_FENCE:
        index = _closing(lines, (TOML_FENCE,), TOML_FENCE)
        block = load_toml("\n".join(lines[1:index]), first_line=2)
        return Page(block.data, "\n".join(lines[index + 1 :]), block.key_lines, index + 2, "toml")
    if first.startswith("{") and (found := split_json(text)):
        block, body = found
        return Page(block.data, body, block.key_lines, text[: len(text) - len(body)].count("\n") + 1, "json")
    if headers := split_header_lines(lines):
        block, end = headers
        return Page(block.data, "\n".join(lines[end + 1 :]), block.key_lines, end + 2, "headers")
    return Page({}, text)


_DAY = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")


def _yaml(text: str) -> LocatedMapping:
    """The YAML front matter (its first line is the file's second). PyYAML reads 2024-13-45 as a
    date and fails with a bare ValueError: that is a FrontMatterError on the line it is on."""
    try:
        return load_mapping(text, first_line=2)
    except (ValueError, OverflowError) as exc:
        if isinstance(exc, FrontMatterError | YamlSyntaxError):
            raise
        line = next((n for n, t in enumerate(text.split("\n"), 2) if _impossible_day(t)), 1)
        raise FrontMatterError(f"invalid YAML: {exc}", line) from None


def _impossible_day(line: str) -> bool:
    for match in _DAY.finditer(line):
        try:
            datetime.date(*map(int, match.groups()))
        except ValueError:
            return True
    return False


def _closing(lines: list[str], fences: tuple[str, ...], opening: str) -> int:
    for index in range(1, len(lines)):
        if lines[index].rstrip() in fences:
            return index
    raise FrontMatterError(f"front matter opened with '{opening}' is never closed", 1)


class _Dumper(yaml.SafeDumper):
    """PyYAML writes U+0085 (NEL) as is inside a quoted string, where a reader takes it for a line
    break and folds it to a space; such strings are written double-quoted, where it is escaped."""


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = '"' if "\x85" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_page(meta: dict, body: str) -> str:
    front = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    return f"{FENCE}\n{front}{FENCE}\n\n{body.strip()}\n"
