"""Which files in the content folders are articles, and what their names say: Jekyll's date
(`2024-03-05-titre.md`), Hugo's language (`titre.en.md`), Hugo's and Zola's page bundles
(`titre/index.md`), and a readable title for an article that gives none."""

from __future__ import annotations

import locale
import os
import re
from dataclasses import dataclass
from pathlib import Path

from kbgen.dates import When, split_filename_date
from kbgen.errors import Problem
from kbgen.slugs import slugify

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
# reStructuredText is not read: an Article's body is Markdown, which kbgen renders and links
# mentions in by walking Python-Markdown's tree (kbgen/markup.py); docutils makes another tree.
UNREAD_SUFFIXES = {".rst": "convert it to Markdown, e.g. `pandoc -f rst -t markdown -o page.md page.rst`"}
LIST_PAGES = ("_index",)  # Hugo's and Zola's section pages: lists, not articles
BUNDLE_PAGES = ("index",)  # a page bundle (`titre/index.md`): the folder names the article

# Two-letter language codes, for `titre.en.md`: those the system's locale table knows.
_CODES = frozenset(
    key.split("_")[0].split(".")[0] for key in locale.locale_alias if re.fullmatch(r"[a-z]{2}", key.split("_")[0])
)
_LANG_SUFFIX = re.compile(r"(?P<code>[a-z]{2})(?:[-_][a-z]{2,4})?", re.IGNORECASE)


@dataclass(frozen=True)
class FileName:
    slug: str  # the name as an address: date and language dropped
    title: str  # the name made readable, for an article with no title of its own
    when: When | None  # the date the name starts with
    lang: str | None  # the language the name ends with


def article_files(folders: tuple[Path, ...], shown) -> tuple[list[Path], list[Problem]]:
    """The article files in `folders` (recursively, each folder's sorted, hidden files and
    folders left out), each once; and a warning for each file in a format kbgen does not read."""
    found: list[Path] = []
    problems: list[Problem] = []
    seen: set[Path] = set()
    for top in folders:
        for path in _walk(top):
            suffix = path.suffix.lower()
            if suffix in UNREAD_SUFFIXES:
                message = f"'{suffix}' files are not read; this article is left out"
                problems.append(Problem(shown(path), None, message, UNREAD_SUFFIXES[suffix], "warning"))
            elif suffix in MARKDOWN_SUFFIXES and _stem(path).lower() not in LIST_PAGES:
                if (real := path.resolve()) not in seen:  # a folder named twice, or inside another
                    seen.add(real)
                    found.append(path)
    return found, problems


def _walk(top: Path) -> list[Path]:
    if not top.is_dir():
        return []
    files = []
    for folder, subfolders, names in os.walk(top):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        files += [Path(folder, name) for name in sorted(names) if not name.startswith(".")]
    return files


def _stem(path: Path) -> str:
    """The name without its suffix nor its language (`index.en.md` -> `index`)."""
    stem, _ = _without_lang(path.stem)
    return stem


def _without_lang(stem: str) -> tuple[str, str | None]:
    base, dot, last = stem.rpartition(".")
    match = _LANG_SUFFIX.fullmatch(last) if dot and base else None
    if match and match["code"].lower() in _CODES:
        return base, last.lower().replace("_", "-")
    return stem, None


def name_of(path: Path, folder: Path) -> FileName:
    """What the name of `path` (an article file in the content folder `folder`) says."""
    stem, lang = _without_lang(path.stem)
    if stem.lower() in BUNDLE_PAGES and path.parent != folder:
        stem = path.parent.name
    when, rest = split_filename_date(stem)
    words = rest if when and rest else stem
    title = readable(words) if words != stem or not when else stem  # a daily note keeps its date as it is
    return FileName(slugify(words) or slugify(stem), title, when, lang)


def readable(stem: str) -> str:
    """A file name as a title: dashes and underscores as spaces, the first letter a capital."""
    text = " ".join(re.sub(r"[-_]+", " ", stem).split()) or stem.strip() or stem
    return text[:1].upper() + text[1:]
