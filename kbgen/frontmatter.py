"""The front matter kinds other than YAML: TOML between `+++` lines (Hugo, Zola) and the
`Key: value` header lines Pelican and MultiMarkdown read at the top of a file. Both keep the
line each key is on, as YAML does (kbgen/yamlfile.py), for messages."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field

from kbgen.yamlfile import YamlSyntaxError


class FrontMatterError(YamlSyntaxError):
    """Front matter that cannot be read, with the file's line number (a YamlSyntaxError, so that
    every reader of pages catches it the same way)."""


@dataclass(frozen=True)
class Block:
    data: dict
    key_lines: dict[str, int] = field(default_factory=dict)


_TOML_LINE = re.compile(r"at line (\d+)")
_TOML_KEY = re.compile(r"""\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*[=.]""")
_TOML_TABLE = re.compile(r"""\s*\[\[?\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))""")


def load_toml(text: str, first_line: int) -> Block:
    """Parse `text` (the lines between the `+++` fences) as TOML; lines counted from `first_line`."""
    try:
        data = tomllib.loads(text + "\n")  # so that an error on the last line names that line
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        if line is None and (found := _TOML_LINE.search(str(exc))):
            line = int(found[1])
        elif line is None and "end of document" in str(exc):
            line = text.count("\n") + 1
        message = str(exc).split(" (at ")[0]
        raise FrontMatterError(f"invalid TOML: {message}", (line or 1) + first_line - 1) from None
    return Block(data, _toml_key_lines(text, first_line))


def _toml_key_lines(text: str, first_line: int) -> dict[str, int]:
    """Where each top-level key (or table) is written: tomllib does not say, so the lines are read
    again; a key inside a table is found by its table's line."""
    lines: dict[str, int] = {}
    in_table = False
    for number, line in enumerate(text.split("\n"), first_line):
        if match := _TOML_TABLE.match(line):
            in_table = True
            lines.setdefault(next(g for g in match.groups() if g is not None), number)
        elif not in_table and (match := _TOML_KEY.match(line)):
            lines.setdefault(next(g for g in match.groups() if g is not None), number)
    return lines


_JSON_KEY = re.compile(r'\s*"((?:[^"\\]|\\.)*)"\s*:')


def split_json(text: str) -> tuple[Block, str] | None:
    """Hugo's JSON front matter: an object from the first character of the file, the body after
    the line it closes on. None when the text is not one (a body that starts with '{'); an error
    when the first line is a lone '{' (front matter meant) that does not parse."""
    try:
        data, end = json.JSONDecoder().raw_decode(text)
    except json.JSONDecodeError as exc:
        if text.split("\n", 1)[0].strip() != "{":
            return None
        raise FrontMatterError(f"invalid JSON: {exc.msg}", exc.lineno) from None
    if not isinstance(data, dict):
        return None
    head, _, body = text[end:].partition("\n")
    if head.strip():
        return None  # more on the closing line: not front matter
    key_lines: dict[str, int] = {}
    for number, line in enumerate(text[:end].split("\n"), 1):
        if (match := _JSON_KEY.match(line)) and match[1] in data:
            key_lines.setdefault(match[1], number)
    return Block(data, key_lines), body


_HEADER = re.compile(r"([A-Za-z][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*")
_CONTINUED = re.compile(r"(?: {4}|\t)[ \t]*(\S.*?)[ \t]*")
# A block of `Key: value` lines is front matter only when one of its keys is one of these: an
# article whose first line is 'Paris: la ville...' keeps it as text.
HEADER_KEYS = frozenset(
    "title date modified updated tags category categories slug author authors summary description lang status".split()
)


def split_header_lines(lines: list[str]) -> tuple[Block, int] | None:
    """Pelican's and MultiMarkdown's metadata: `Key: value` lines from the first line up to the
    first blank one (a value may go on over lines indented by four spaces). Keys are read in
    lower case. Returns the block and the index of the first line after it, or None when the
    first lines do not look like metadata."""
    data: dict[str, str] = {}
    key_lines: dict[str, int] = {}
    key = None
    end = len(lines)
    for index, line in enumerate(lines):
        if not line.strip():
            end = index
            break
        if key is not None and (more := _CONTINUED.fullmatch(line)):
            data[key] = f"{data[key]} {more[1]}".strip()
            continue
        match = _HEADER.fullmatch(line.rstrip("\r"))
        if not match:
            return None
        key = match[1].lower()
        if key in data:
            return None  # the same key twice: text, not metadata
        data[key], key_lines[key] = match[2] or "", index + 1
    if not data or not HEADER_KEYS & data.keys():
        return None
    return Block(dict(data), key_lines), end
