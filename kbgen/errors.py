"""Problems found in a project's files, reported as `path:line: error: what; what to do`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    path: Path | str
    line: int | None
    message: str
    hint: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        text = f"{where}: {self.severity}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text


class BuildError(Exception):
    """Raised with every problem of a build at once, so the owner can fix them in one pass."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems

    def __reduce__(self):  # raised in a worker process, it arrives whole in its parent
        return type(self), (self.problems,)


class ProjectLocked(BuildError):
    """Another build holds the project's lock: nothing is wrong with the project, so `kbgen serve`
    tries again instead of reporting a failed build."""
