"""YAML that remembers where each top-level key was written, for messages with line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml


class YamlSyntaxError(ValueError):
    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class LocatedMapping:
    data: dict
    key_lines: dict[str, int] = field(default_factory=dict)


def load_mapping(text: str, first_line: int = 1) -> LocatedMapping:
    """Parse `text` as a YAML mapping; lines are counted from `first_line`."""
    try:
        data = yaml.safe_load(text)
        node = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        if mark and mark.line > text.rstrip().count("\n") and getattr(exc, "context_mark", None):
            mark = exc.context_mark  # an error found at the end points back to what was left open
        line = mark.line + first_line if mark else first_line
        problem = getattr(exc, "problem", None) or str(exc)
        raise YamlSyntaxError(f"invalid YAML: {problem}", line) from None
    if data is None:
        return LocatedMapping({})
    if not isinstance(data, dict):
        raise YamlSyntaxError("expected a mapping of `key: value` lines", first_line)
    key_lines = {
        str(key.value): key.start_mark.line + first_line
        for key, _ in node.value
        if isinstance(key, yaml.ScalarNode)
    }
    return LocatedMapping({str(k): v for k, v in data.items()}, key_lines)
