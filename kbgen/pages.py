"""Markdown pages with YAML front matter: split, parse (with line numbers) and write."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from kbgen.yamlfile import LocatedMapping, YamlSyntaxError, load_mapping

FENCE = "---"


@dataclass(frozen=True)
class Page:
    meta: dict
    body: str
    meta_lines: dict[str, int] = field(default_factory=dict)
    body_line: int = 1


def parse_page(text: str) -> Page:
    """Split front matter from body; raises YamlSyntaxError with the file's line number."""
    text = text.lstrip("\ufeff")
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        return Page({}, text)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FENCE, "..."):
            located: LocatedMapping = load_mapping("\n".join(lines[1:index]), first_line=2)
            return Page(located.data, "\n".join(lines[index + 1 :]), located.key_lines, index + 2)
    raise YamlSyntaxError("front matter opened with '---' is never closed", 1)


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
