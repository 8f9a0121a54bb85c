"""What the last successful build of a project read and wrote, kept in `.kbgen/` so the next
build can do only what changed: nothing at all when no input changed and the output folder is
as it was left, and otherwise remake only the files whose keys changed (kbgen/write.py)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from kbgen import keys
from kbgen.errors import Problem
from kbgen.write import Written

FORMAT = 1
INPUT_FOLDERS = ("seeds", "content", "site_templates")  # with kbgen.yml, all a build reads


@dataclass(frozen=True)
class BuildState:
    inputs: str  # digest of every input, see inputs_digest
    articles: int
    entities: int
    pages: int
    warnings: list[Problem]  # of the stages after ingest (ingest runs on every build)
    files: dict[str, Written] = field(default_factory=dict)


def state_path(project: Path, out: Path) -> Path:
    """One state per output folder: the same project may be built into several."""
    return _of_output(project, out, "site.json")


def search_copies_path(project: Path, out: Path) -> Path:
    """Where the build into `out` keeps the copies of its pages that Pagefind reads (kbgen.search)."""
    return _of_output(project, out, "search")


def _of_output(project: Path, out: Path, name: str) -> Path:
    """kbgen's file `name` for the output folder `out`: site.json -> .kbgen/site-<digest of out>.json."""
    stem, dot, suffix = name.partition(".")
    return project / ".kbgen" / f"{stem}-{keys.digest(str(out))[:16]}{dot}{suffix}"


def inputs_digest(project: Path, *settings: str) -> str:
    """A digest of every file a build reads (kbgen.yml, seeds/, content/, site_templates/ and
    entity patterns anywhere in the project), of kbgen's own code and of `settings`."""
    parts = list(settings)
    own = [Path(__file__).parent, Path(str(resources.files("kbgen.site_templates")))]
    for root, shown in [(project, "")] + [(folder, f"kbgen{i}:") for i, folder in enumerate(own)]:
        for path in _files(root, INPUT_FOLDERS + ("kbgen.yml",) if root == project else None):
            try:
                data = path.read_bytes()
            except OSError as exc:
                data = repr(exc).encode()  # the build will report it; the digest only has to differ
            parts.append(f"{shown}{path.relative_to(root).as_posix()}:{keys.digest(repr(data))}")
    return keys.digest("\n".join(parts))


def _files(root: Path, only: tuple[str, ...] | None) -> list[Path]:
    found = []
    for top in ([root / name for name in only] if only else [root]):
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
            data["inputs"], data["articles"], data["entities"], data["pages"],
            [Problem(*w) for w in data["warnings"]],
            {name: Written(*w) for name, w in data["files"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def save_state(path: Path, state: BuildState) -> None:
    data = {
        "format": FORMAT, "inputs": state.inputs, "articles": state.articles, "entities": state.entities,
        "pages": state.pages,
        "warnings": [[str(w.path), w.line, w.message, w.hint, w.severity] for w in state.warnings],
        "files": {name: [w.key, w.size, w.mtime_ns] for name, w in state.files.items()},
    }
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    os.replace(temporary, path)
