"""The site's theme: kbgen's packaged templates and static files, each replaceable one by one by
a file of the same name in the project's own theme folder (like MkDocs' `custom_dir`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from kbgen.errors import BuildError, Problem
from kbgen.keys import digest


@dataclass(frozen=True)
class ThemeFolders:
    own: Path  # the project's theme folder; may not exist
    shown: Path  # the same, as messages name it (relative to the project)
    packaged: Path  # kbgen's default theme

    def loader(self) -> jinja2.BaseLoader:
        """The project's own templates first, then kbgen's."""
        return jinja2.ChoiceLoader([jinja2.FileSystemLoader(self.own), jinja2.FileSystemLoader(self.packaged)])

    def has_own_templates(self) -> bool:
        return self.own.is_dir() and any(p.suffix == ".html" for p in self.own.rglob("*"))

    def where(self, template: str) -> str:
        """A template as an error message names it: the project's file if it has one."""
        if (self.own / template).is_file():
            return f"{self.shown.as_posix()}/{template}"
        return f"{template} (kbgen's built-in theme)"

    def static_files(self) -> list[tuple[str, bytes]]:
        """Every static asset by its path under static/, the project's replacing kbgen's."""
        found: dict[str, bytes] = {}
        for folder in (self.packaged / "static", self.own / "static"):
            if folder.is_dir():
                for path in folder.rglob("*"):
                    if path.is_file() and not path.is_symlink() and "__pycache__" not in path.parts:
                        found[path.relative_to(folder).as_posix()] = path.read_bytes()
        return sorted(found.items())


def file_digests(root: Path) -> list[str]:
    """A line per file under `root` with its digest (none when `root` is missing)."""
    lines = []
    if root.is_dir():
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and not path.is_symlink():
                lines.append(f"{path.relative_to(root)}:{digest(repr(path.read_bytes()))}")
    return lines


def template_problem(folders: ThemeFolders, exc: jinja2.TemplateError, template: str) -> BuildError:
    """A template's error as `theme/NAME:LINE: error: ...`, the project's file if it has one."""
    name = getattr(exc, "name", None) or template
    line = getattr(exc, "lineno", None)
    frame = exc.__traceback__
    while frame is not None and not isinstance(exc, jinja2.TemplateSyntaxError):
        if frame.tb_frame.f_code.co_filename.endswith("/" + name):
            line = frame.tb_lineno  # while rendering, Jinja's frames carry the template's lines; the innermost wins
        frame = frame.tb_next
    return BuildError(
        [
            Problem(
                folders.where(name),
                line,
                f"template error: {exc.message or exc}",
                "fix the template, or remove it to use kbgen's own",
            )
        ]
    )
