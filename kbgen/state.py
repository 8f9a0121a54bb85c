"""What the last successful build of a project read and wrote, kept in `.kbgen/` so the next
build can do only what changed: nothing at all when no input changed and the output folder is
as it was left, and otherwise remake only the files whose keys changed (kbgen/write.py)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from kbgen import keys
from kbgen.errors import Problem
from kbgen.project import Project
from kbgen.write import Written

FORMAT = 2


@dataclass(frozen=True)
class BuildState:
    inputs: str  # digest of every input, see inputs_digest
    articles: int
    entities: int
    pages: int
    warnings: list[Problem]  # of the stages after ingest (ingest runs on every build), errors too
    files: dict[str, Written] = field(default_factory=dict)
    skipped: list[Problem] = field(default_factory=list)  # the errors of the files left out, for `kbgen check`


def inputs_digest(project: Project, *settings: str) -> str:
    """A digest of every file a build reads (the project's inputs, entity patterns aside, which
    the extraction fingerprint among `settings` covers), of kbgen's own code and theme, and of
    `settings`."""
    parts = list(settings)
    for root, only, shown in ((project.root, project.inputs, ""), (Path(__file__).parent, None, "kbgen0:")):
        for path in _files(root, only):
            try:
                data = path.read_bytes()
            except OSError as exc:
                data = repr(exc).encode()  # the build will report it; the digest only has to differ
            name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
            parts.append(f"{shown}{name}:{keys.digest(repr(data))}")
    return keys.digest("\n".join(parts))


def _files(root: Path, only: tuple[Path, ...] | None) -> list[Path]:
    found = []
    for top in only or [root]:
        if top.is_file():
            found.append(top)
        for folder, subfolders, names in os.walk(top, followlinks=False):
            subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
            found += [Path(folder, name) for name in sorted(names)]
    return found


def load_state(path: Path) -> BuildState | None:
    """The saved state, or None when there is none or it cannot be read (it is only a shortcut:
    without it the build does everything)."""
    try:
        data = json.loads(path.read_text("utf-8"))
        if data.get("format") != FORMAT:
            return None
        return BuildState(
            data["inputs"],
            data["articles"],
            data["entities"],
            data["pages"],
            [Problem(*w) for w in data["warnings"]],
            {name: Written(*w) for name, w in data["files"].items()},
            [Problem(*p) for p in data["skipped"]],
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def save_state(path: Path, state: BuildState) -> None:
    data = {
        "format": FORMAT,
        "inputs": state.inputs,
        "articles": state.articles,
        "entities": state.entities,
        "pages": state.pages,
        "warnings": [_saved(w) for w in state.warnings],
        "files": {name: [w.key, w.size, w.mtime_ns] for name, w in state.files.items()},
        "skipped": [_saved(p) for p in state.skipped],
    }
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    os.replace(temporary, path)


def _saved(problem: Problem) -> list:
    return [str(problem.path), problem.line, problem.message, problem.hint, problem.severity]
