"""An article's image (front matter's `image` or `cover`): a local file copied into the site's
`media/` folder and shown on the article's page. Read at build time, before render (which does no
I/O): the page needs to know where the copy is, and the owner needs a warning naming the article
when the file is missing or lies outside the project.

A copy's folder is its content's digest (`media/<digest>/<name>`): two articles showing the same
file share one copy, and an edited image gets a new address, so no browser shows a stale one.
An http(s) image is never fetched, by the build or by the reader's browser (the pages make no
request to another site): the page shows a plain link to it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from kbgen.errors import Problem
from kbgen.slugs import slugify

SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg")  # what <img> shows everywhere
FOLDER = "media"


@dataclass(frozen=True)
class Image:
    """An article's image as its page shows it."""

    url: str  # media/<digest>/<name>, from the site's root; or an http(s) URL, never fetched
    local: bool  # a copy in the site (shown), or a link to another site


@dataclass(frozen=True)
class Media:
    images: dict[str, Image]  # article slug -> its image
    copies: dict[str, Path]  # media/<digest>/<name> -> the file copied there


def article_images(root: Path, articles, folders: tuple[Path, ...] = ()) -> tuple[Media, list[Problem]]:
    """The image of every article that names one, with a warning for each that cannot be shown.
    A relative path is looked up beside the article's file, then from the project's `root`; a
    path starting with '/' from the project's root, then from the site the article's content
    folder (one of `folders`) belongs to. The file must lie in the project, the article's own
    folder or that site, and be an image."""
    images: dict[str, Image] = {}
    copies: dict[str, Path] = {}
    problems: list[Problem] = []
    for article in articles:
        if not article.image:
            continue
        image, copy, why = _image(root.resolve(), article, folders)
        if image is None:
            problems.append(
                Problem(
                    article.path,
                    None,
                    f"image '{article.image}' is not shown: {why}",
                    "put the image in the project and give its path beside the article or from the project's folder",
                    "warning",
                )
            )
            continue
        images[article.slug] = image
        if copy is not None:
            copies[image.url] = copy
    return Media(images, copies), problems


def _image(root: Path, article, folders: tuple[Path, ...]) -> tuple[Image | None, Path | None, str]:
    value = str(article.image).strip()
    parts = urlsplit(value)
    if parts.scheme in ("http", "https") and parts.netloc:
        return Image(value, local=False), None, ""
    if parts.scheme and len(parts.scheme) > 1:  # 'C:' is a Windows drive, not a scheme
        return None, None, f"'{parts.scheme}:' is neither a local file nor an http(s) URL"
    page = root / article.path
    sites = _sites_of(page, folders)
    if value.startswith("/"):
        path = value.lstrip("/")
        candidates = [root / path] + [site / under / path for site in sites for under in ("", "static")]
    else:
        candidates = [page.parent / value, root / value]
    found = next((c.resolve() for c in candidates if _is_file(c)), None)
    if found is None and value.startswith("/") and _is_file(Path(value)):
        return None, None, "the file lies outside the project (a path starting with '/' is from the project's folder)"
    if found is None:
        return None, None, "no such file (looked at " + ", ".join(_shown(c, root) for c in candidates) + ")"
    allowed = [root, page.parent.resolve(), *(site.resolve() for site in sites[-1:])]
    if not any(found.is_relative_to(place) for place in allowed):
        return None, None, "the file lies outside the project"
    if found.suffix.lower() not in SUFFIXES:
        return None, None, f"not an image ({', '.join(SUFFIXES)})"
    try:
        data = found.read_bytes()
    except OSError as exc:
        return None, None, f"cannot be read ({exc.strerror or exc})"
    name = (slugify(found.stem) or "image") + found.suffix.lower()
    url = str(PurePosixPath(FOLDER, hashlib.blake2b(data, digest_size=8).hexdigest(), name))
    return Image(url, local=True), found, ""


def _sites_of(page: Path, folders: tuple[Path, ...]) -> list[Path]:
    """Where a path starting with '/' may be from, for a page of another generator's site read
    in place: its content folder and the two folders above it (Jekyll's `_posts/..`, Hugo's and
    Zola's `content/posts/../..`, whose `static/` is served at '/', MkDocs' `docs/blog/posts/../..`)."""
    inside = [f.resolve() for f in folders if page.is_relative_to(f.resolve())]
    if not inside:
        return []
    folder = max(inside, key=lambda f: len(f.parts))
    return [folder, *folder.parents[:2]]


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long, or with a NUL
        return False


def _shown(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
