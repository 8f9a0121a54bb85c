"""`kbgen new DIR`: a ready project in a new or empty folder.

It writes the settings (every key commented with its default), an example article, the commented
curation file, an empty `seeds/`, a `.gitignore`, and a GitHub Pages workflow with the
`requirements.txt` it installs. It never overwrites anything: a folder that holds anything is
refused before a file is written, and each file is created exclusively.
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import metadata, resources
from pathlib import Path

from kbgen.curation import create_curation_file
from kbgen.errors import BuildError, Problem
from kbgen.lang import profile
from kbgen.project import SITE, STATE, Layout

LANG = "fr"  # the language of the example article and of the curation file's comments
EXAMPLE_ARTICLE = "bienvenue.md"
KEEP = ".gitkeep"  # git keeps no empty folder: this keeps seeds/ (ingest reads only .txt, .md, .html)
# requirements.txt's kbgen line when kbgen was not installed from a place a CI runner can reach;
# the Pages workflow refuses to run while it is there.
PLACEHOLDER = "kbgen @ git+https://github.com/OWNER/kbgen  # OWNER: where kbgen comes from; see above"


def new_project(root: Path, today: dt.date | None = None) -> list[tuple[Path, str]]:
    """Write a new project into `root` (made if missing); give each file written with what it is
    for. A BuildError, with nothing written, when `root` is a file or a folder that is not empty."""
    _refuse_unless_empty(root)
    layout = Layout.of(root)
    article = _template("article.md").replace("{date}", (today or dt.date.today()).isoformat())
    requirement = kbgen_requirement(_recorded_origin())
    files = [
        (layout.config_file, _template("settings.yml"), "the settings: every key, commented, with its default"),
        (layout.articles / EXAMPLE_ARTICLE, article, "an example article (replace it with yours)"),
        (layout.seeds / KEEP, "", "raw articles to ingest go in seeds/ (.txt, .md, saved .html pages)"),
        (layout.gitignore, _gitignore(), "keeps the built site and kbgen's cache out of git"),
        (
            layout.requirements,
            _template("requirements.txt").replace("{kbgen}", requirement),
            "what CI installs: says where kbgen comes from"
            + (" (not known here: edit it)" if requirement == PLACEHOLDER else ""),
        ),
        (layout.pages_workflow, _template("pages.yml"), "builds the site and publishes it on GitHub Pages"),
    ]
    for path, text, _ in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as out:  # "x": never replaces a file
            out.write(text)
    create_curation_file(layout.curation, profile(LANG))
    made = [(path, what) for path, _, what in files]
    made.insert(2, (layout.curation, "your corrections to the entities, with commented examples"))
    return made


def made_lines(root: Path, made: list[tuple[Path, str]]) -> list[str]:
    """What `kbgen new` prints: the files it made, then the commands to run next."""
    root = root.absolute()
    shown = [(path.relative_to(root).as_posix(), what) for path, what in made]
    width = max(len(name) for name, _ in shown)
    lines = [f"Made a kbgen project in {root}:"]
    lines += [f"  {name.ljust(width)}  {what}" for name, what in shown]
    lines += [
        "Next:",
        f"  cd {root}",
        "  kbgen serve    # build the site and see it at http://127.0.0.1:8000/, rebuilt on every change",
        f"  kbgen build    # or build it once into {SITE}/",
        "To publish on GitHub Pages: push to GitHub, then Settings > Pages > Source: GitHub Actions",
        "(docs/publishing.md in kbgen says more, and how to publish elsewhere).",
    ]
    return lines


def kbgen_requirement(direct_url: str | None) -> str:
    """This kbgen as a pip requirement a CI runner can install, from what pip recorded when it
    installed it (PEP 610's direct_url.json): a Git repository at the same commit, or a wheel's
    URL. A local folder or an unknown origin gives the placeholder for the owner to replace."""
    try:
        origin = json.loads(direct_url or "{}")
    except ValueError:
        return PLACEHOLDER
    url = origin.get("url", "") if isinstance(origin, dict) else ""
    if not url.startswith("https://"):
        return PLACEHOLDER
    vcs = origin.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") == "git":
        commit = vcs.get("commit_id")
        return f"kbgen @ git+{url}@{commit}" if commit else f"kbgen @ git+{url}"
    if "archive_info" in origin:
        return f"kbgen @ {url}"
    return PLACEHOLDER


def _recorded_origin() -> str | None:
    try:
        return metadata.distribution("kbgen").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None


def _refuse_unless_empty(root: Path) -> None:
    if root.exists() and not root.is_dir():
        raise BuildError([Problem(root, None, "is a file, not a folder", "name a new or empty folder")])
    entries = sorted(p.name for p in root.iterdir()) if root.is_dir() else []
    if entries:
        held = ", ".join(entries[:3]) + (", ..." if len(entries) > 3 else "")
        hint = "name a new or empty folder: kbgen new never overwrites anything"
        raise BuildError([Problem(root, None, f"the folder is not empty (it holds {held})", hint)])


def _gitignore() -> str:
    """What git should not keep: what a build makes (the default output folder and kbgen's own
    files), and a virtual environment."""
    return (
        "# Made by every build: the site and kbgen's cache and build state.\n"
        f"/{SITE}/\n/{STATE}/\n"
        "# Python\n.venv/\n__pycache__/\n"
    )


def _template(name: str) -> str:
    return (resources.files("kbgen.new_project") / name).read_text("utf-8")
