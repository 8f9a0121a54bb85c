"""A file of the site as render gives it to write: its path, its key, and how to make it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from kbgen.keys import digest


@dataclass(frozen=True)
class OutputFile:
    """A file of the site, made when the writer asks. Both its key and its bytes are computed on
    demand, by the process (of --jobs) that writes it."""

    path: str  # relative to the output folder, with '/'
    key: Callable[[], str]  # digest of everything the file is made from: the same key, the same bytes
    make: Callable[[], bytes]
    heavy: bool = False  # made from the whole knowledge base (the network, the exports): started first


def heavy(file: OutputFile) -> OutputFile:
    return replace(file, heavy=True)


def made(path: str, data: bytes) -> OutputFile:
    """A file whose bytes are already known."""
    return OutputFile(path, lambda: digest(repr(data)), lambda: data)


def copied(path: str, source: Path, key: str) -> OutputFile:
    """A copy of the file `source`, whose content `key` stands for (an image): read by the writer."""
    return OutputFile(path, lambda: digest("copy:" + key), source.read_bytes)
