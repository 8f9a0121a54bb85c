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
    key_lines: dict[str, int] = field(default_factory=dict)  # top-level key -> line
    lines: dict[tuple, int] = field(default_factory=dict)  # path of keys and indexes -> line

    def line(self, *path) -> int | None:
        """The line of the deepest part of `path` that is known."""
        for length in range(len(path), 0, -1):
            if path[:length] in self.lines:
                return self.lines[path[:length]]
        return None


FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it


def _parse(text: str, loader_class) -> tuple[object, yaml.Node | None]:
    """The document and its node tree, from one parse."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


def load_mapping(text: str, first_line: int = 1) -> LocatedMapping:
    """Parse `text` as a YAML mapping; lines are counted from `first_line`."""
    try:
        try:
            data, node = _parse(text, FAST_LOADER)
        except yaml.YAMLError:
            data, node = _parse(text, yaml.SafeLoader)  # its messages are the clearer ones
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        if mark and mark.line > text.rstrip().count("\n") and (context := getattr(exc, "context_mark", None)):
            mark = context  # an error found at the end points back to what was left open
        last_line = text.rstrip().count("\n")
        line = min(mark.line, last_line) + first_line if mark else first_line
        problem = getattr(exc, "problem", None) or str(exc)
        raise YamlSyntaxError(f"invalid YAML: {problem}", line) from None
    if data is None or node is None:  # an empty document has no node; `null` has one
        return LocatedMapping({})
    if not isinstance(data, dict):
        raise YamlSyntaxError("expected a mapping of `key: value` lines", first_line)
    key_lines = {
        str(key.value): key.start_mark.line + first_line for key, _ in node.value if isinstance(key, yaml.ScalarNode)
    }
    lines: dict[tuple, int] = {}
    _collect_lines(node, (), first_line, lines)
    return LocatedMapping({str(k): v for k, v in data.items()}, key_lines, lines)


def _collect_lines(node: yaml.Node, path: tuple, first_line: int, lines: dict[tuple, int]) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            here = (*path, str(key.value))
            lines[here] = key.start_mark.line + first_line
            _collect_lines(value, here, first_line, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + first_line
            _collect_lines(item, (*path, index), first_line, lines)
