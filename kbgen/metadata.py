"""What an article's front matter says, read as Jekyll, Hugo, Zola, Pelican, MkDocs and Obsidian
write it: the keys they share under their several names, each checked, with the line it is on.

Keys are read whatever their case (`Title:`, `publishDate`). A key kbgen does not know is kept
in `extra`, with no warning unless it is one edit away from a known key (a likely typo). A value
of the wrong type is a warning and is left out; only a date that cannot be read is an error, as
the article would be put at the wrong place in every list.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from kbgen.dates import ACCEPTED, When, parse_when
from kbgen.errors import Problem
from kbgen.pages import Page
from kbgen.slugs import slugify

DATE_KEYS = ("date", "publishdate", "pubdate", "published", "created")
UPDATED_KEYS = ("updated", "lastmod", "modified", "last_modified_at")
TAG_KEYS = ("tags", "categories", "category", "keywords")
KNOWN_KEYS = frozenset(
    (*DATE_KEYS, *UPDATED_KEYS, *TAG_KEYS)
    + ("title", "lang", "slug", "author", "authors", "kicker", "subtitle", "summary", "description", "excerpt")
    + ("aliases", "redirect_from", "image", "cover", "images", "draft", "status", "taxonomies")
    + ("original_url", "site_name")  # where a saved web page came from
    + ("source", "source_sha256", "generated_sha256")  # kbgen's own, in the pages ingest writes
)
# Hugo keeps the keys it does not reserve under `params:`; its own documentation puts `author` there.
IN_HUGO_PARAMS = ("author", "authors", "kicker", "subtitle", "image", "cover", "images")
_LANG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
_TRUE, _FALSE = {"true", "yes", "on", "1"}, {"false", "no", "off", "0", ""}


@dataclass
class Fields:
    """The front matter's values kbgen uses; None or empty where it says nothing."""

    title: str | None = None
    when: When | None = None
    updated: When | None = None
    slug: str | None = None
    lang: str | None = None
    source: str | None = None
    authors: tuple[str, ...] = ()
    kicker: str | None = None  # the short line above the title: 'INTERVIEW'
    subtitle: str | None = None
    summary: str | None = None
    tags: tuple[str, ...] = ()
    old_urls: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    image: str | None = None
    original_url: str | None = None  # the address of the original, for a link to it
    site_name: str | None = None
    draft: bool = False
    extra: dict = field(default_factory=dict)
    extra_lines: dict[str, int] = field(default_factory=dict)


class _Reader:
    """The front matter of one page, looked up by lower-case key, collecting problems."""

    def __init__(self, page: Page, shown: Path):
        self.page, self.shown = page, shown
        self.keys: dict[str, str] = {}  # lower case -> as written (the first one written)
        for key in page.meta:
            self.keys.setdefault(str(key).lower(), key)
        self.problems: list[Problem] = []

    def get(self, name: str) -> object:
        key = self.keys.get(name)
        if key is not None:
            return self.page.meta[key]
        params = self.page.meta.get(self.keys.get("params", "params"))
        if name in IN_HUGO_PARAMS and isinstance(params, dict):
            return next((v for k, v in params.items() if str(k).lower() == name), None)
        return None

    def first(self, *names: str) -> tuple[str, object]:
        """The first of `names` given a value, and its value; ('', None) when none is."""
        for name in names:
            if (value := self.get(name)) is not None:
                return name, value
        return "", None

    def line(self, name: str) -> int | None:
        key = self.keys.get(name, self.keys.get("params"))
        return self.page.meta_lines.get(key) if key is not None else None

    def warn(self, name: str, message: str, hint: str, severity: str = "warning") -> None:
        self.problems.append(Problem(self.shown, self.line(name), message, hint, severity))

    def text(self, name: str, value: object, hint: str) -> str | None:
        """`value` as text (a number is text too); a warning and None for a list or mapping."""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.warn(name, f"'{self.keys.get(name, name)}' must be text", hint)
            return None
        return str(value).strip() or None


def read_fields(page: Page, shown: Path) -> tuple[Fields, list[Problem]]:
    """The fields of `page` (shown as `shown` in messages), and the problems found in them."""
    reader = _Reader(page, shown)
    fields = Fields()
    name, title = reader.first("title")
    if name:
        fields.title = reader.text(name, title, "write it as 'title: Some title'")
    fields.when, fields.updated = _dates(reader, fields.extra)
    fields.slug = _slug(reader)
    fields.lang = _lang(reader)
    name, source = reader.first("source")
    fields.source = str(source) if name else None
    fields.authors = _authors(reader)
    for attribute, names in (
        ("kicker", ("kicker",)),
        ("subtitle", ("subtitle",)),
        ("summary", ("summary", "description", "excerpt")),
    ):
        name, value = reader.first(*names)
        if name:
            setattr(fields, attribute, reader.text(name, value, f"write it as '{name}: Some text'"))
    fields.tags = _tags(reader)
    fields.old_urls, fields.names = _old_urls(reader, fields.extra)
    fields.image = _image(reader)
    fields.original_url = _address(reader)
    if reader.get("site_name") is not None:
        fields.site_name = reader.text("site_name", reader.get("site_name"), "write it as 'site_name: Some text'")
    fields.draft = _draft(reader, fields.extra)
    _keep_unknown(reader, fields)
    return fields, reader.problems


def _when(reader: _Reader, name: str, value: object) -> When | None:
    try:
        return parse_when(value)
    except ValueError:
        shown = value if isinstance(value, str) else repr(value)
        written = reader.keys.get(name.split(".")[0], name)
        reader.warn(name.split(".")[0], f"'{written}' must be a date like 2024-10-15, not '{shown}'", ACCEPTED, "error")
        return None


def _dates(reader: _Reader, extra: dict) -> tuple[When | None, When | None]:
    """The date published and the date updated. MkDocs' blog writes both under `date:`
    (`created:`, `updated:`); Jekyll's `published: false` is no date."""
    names = [n for n in DATE_KEYS if n != "published" or _looks_like_date(reader.get(n))]
    name, value = reader.first(*names)
    updated_name, updated_value = reader.first(*UPDATED_KEYS)
    if isinstance(value, dict):
        dates = {str(k).lower(): v for k, v in value.items()}
        others = {str(k): v for k, v in value.items() if str(k).lower() not in ("created", "updated")}
        if others:
            extra["dates"] = jsonable(others)
        if dates.get("updated") is not None and updated_value is None:
            updated_name, updated_value = f"{name}.updated", dates["updated"]
        name, value = (f"{name}.created", dates["created"]) if dates.get("created") is not None else ("", None)
    when = _when(reader, name, value) if name else None
    updated = _when(reader, updated_name, updated_value) if updated_name else None
    return when, updated


def _slug(reader: _Reader) -> str | None:
    name, value = reader.first("slug")
    if not name:
        return None
    text = reader.text(name, value, "write it as 'slug: my-article'")
    slug = slugify(text) if text else ""
    if text and not slug:
        reader.warn(
            name, f"'slug' {text!r} has no letter or digit to make an address of", "write it as 'slug: my-article'"
        )
    return slug or None


def _lang(reader: _Reader) -> str | None:
    name, value = reader.first("lang")
    if not name:
        return None
    if not isinstance(value, str) or not _LANG.fullmatch(value.strip()):
        reader.warn(name, "'lang' must be a language code like 'fr'", "write it as 'lang: fr'")
        return None
    return value.strip()


def _split(value: str, on_spaces: bool) -> list[str]:
    """Pelican separates list items with ';' (or ','), Jekyll with spaces."""
    for separator in (";", ","):
        if separator in value:
            return value.split(separator)
    return value.split() if on_spaces else [value]


def _items(reader: _Reader, name: str, value: object, split_spaces: bool) -> list[str]:
    """The text items of a list value (or of a text separated as _split says)."""
    if isinstance(value, str):
        return [item.strip() for item in _split(value, split_spaces) if item.strip()]
    items = value if isinstance(value, list | tuple) else [value]
    found = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("name"), str):  # author: {name: ..., email: ...}
            item = item["name"]
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            written = reader.keys.get(name.split(".")[0], name)
            reader.warn(
                name.split(".")[0],
                f"'{written}' must be text or a list of texts",
                f"write it as '{written}: [one, two]'",
            )
            continue
        if str(item).strip():
            found.append(str(item).strip())
    return found


def _unique(items: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(item.casefold(), item)
    return tuple(seen.values())


def _authors(reader: _Reader) -> tuple[str, ...]:
    name, value = reader.first("authors", "author")
    if not name:
        return ()
    if isinstance(value, str) and name == "author":
        return (value.strip(),) if value.strip() else ()
    return _unique(_items(reader, name, value, split_spaces=False))


def _tags(reader: _Reader) -> tuple[str, ...]:
    """tags, categories and keywords together; Zola writes them under [taxonomies]."""
    found: list[str] = []
    sources = [(n, reader.get(n)) for n in TAG_KEYS]
    taxonomies = reader.get("taxonomies")
    if isinstance(taxonomies, dict):
        sources += [(f"taxonomies.{k}", v) for k, v in taxonomies.items() if str(k).lower() in TAG_KEYS]
    spaces = reader.page.format != "headers"  # Jekyll's `tags: one two`; Pelican's `Category: Two words`
    for name, value in sources:
        if value is not None:
            found += _items(reader, name, value, split_spaces=spaces and name in ("tags", "categories"))
    return _unique([tag.lstrip("#").strip() for tag in found if tag.lstrip("#").strip()])


_ADDRESS = re.compile(r".*/.*|.*\.(?:html?|php|aspx?)", re.IGNORECASE)


def _old_urls(reader: _Reader, extra: dict) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The old addresses (Hugo's aliases, Jekyll's redirect_from) and the other names (Obsidian's
    aliases, which [[wikilinks]] use). An alias is an address when it looks like one (a '/', or
    a page's suffix: '/2010/01/old/', 'posts/old', 'old.html'); else it is a name, kept in
    `extra` too."""
    urls: list[str] = []
    names: list[str] = []
    for name in ("aliases", "redirect_from"):
        value = reader.get(name)
        if value is None:
            continue
        items = _items(reader, name, value, split_spaces=False) if not isinstance(value, str) else [value.strip()]
        named = [item for item in items if item and name == "aliases" and not _ADDRESS.fullmatch(item)]
        if named:
            extra[reader.keys[name]] = named
        names += named
        urls += [item for item in items if item and item not in named]
    return _unique(urls), _unique(names)


def _image(reader: _Reader) -> str | None:
    """image, cover or Hugo's images (the first); some themes write `cover: {image: ...}`."""
    name, value = reader.first("image", "cover", "images")
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = next((value[k] for k in ("image", "src", "url") if isinstance(value.get(k), str)), None)
    if not name or value == "":
        return None
    if isinstance(value, str) and value.strip():
        return value.strip()
    written = reader.keys.get(name, name)
    reader.warn(name, f"'{written}' must be the path or address of an image", f"write it as '{written}: cover.jpg'")
    return None


def _address(reader: _Reader) -> str | None:
    """original_url: an http(s) address, or nothing (a warning)."""
    value = reader.get("original_url")
    if value is None:
        return None
    if isinstance(value, str) and re.fullmatch(r"https?://\S+", value.strip()):
        return value.strip()
    hint = "write it as 'original_url: https://example.org/article'"
    reader.warn("original_url", "'original_url' must be an http(s) address", hint)
    return None


def _flag(reader: _Reader, name: str, value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str | int) and str(value).strip().lower() in _TRUE | _FALSE:
        return str(value).strip().lower() in _TRUE
    reader.warn(
        name,
        f"'{reader.keys[name]}' must be true or false; the article is taken for a draft",
        f"write it as '{name}: true'",
    )
    return None


def _draft(reader: _Reader, extra: dict) -> bool:
    """Hugo's `draft: true`, Jekyll's `published: false`, Pelican's `status: draft` or `hidden`."""
    draft = False
    if (value := reader.get("draft")) is not None:
        draft = _flag(reader, "draft", value) is not False
    published = reader.get("published")
    if isinstance(published, bool | str) and not _looks_like_date(published):
        draft = draft or _flag(reader, "published", published) is not True
    status = reader.get("status")
    if status is not None:
        if str(status).strip().lower() in ("draft", "hidden"):
            draft = True
        elif str(status).strip().lower() != "published":
            extra[reader.keys["status"]] = jsonable(status)  # Obsidian's `status: in-progress` is the owner's own
    return draft


def _looks_like_date(value: object) -> bool:
    try:
        parse_when(value)
        return True
    except ValueError:
        return False


def one_edit_apart(one: str, other: str) -> bool:
    """True when one insertion, deletion, substitution or swap of two neighbours turns `one`
    into `other` ('titel', 'dat', 'tagss')."""
    if one == other or abs(len(one) - len(other)) > 1:
        return False
    if len(one) == len(other):
        diff = [i for i in range(len(one)) if one[i] != other[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and one[diff[0]] == other[diff[1]]
            and one[diff[1]] == other[diff[0]]
        )
    short, long = sorted((one, other), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _keep_unknown(reader: _Reader, fields: Fields) -> None:
    """Keys kbgen does not read go into `extra`; one a single edit from a known key is a warning."""
    for lower, key in reader.keys.items():
        if lower in KNOWN_KEYS:
            continue
        fields.extra[str(key)] = jsonable(reader.page.meta[key])
        if (line := reader.page.meta_lines.get(key)) is not None:
            fields.extra_lines[str(key)] = line
        close = sorted(k for k in KNOWN_KEYS if one_edit_apart(lower, k))
        if close:
            reader.warn(lower, f"unknown field '{key}'", f"did you mean '{close[0]}'?")


def jsonable(value: object) -> object:
    """`value` as JSON can carry it: dates as ISO text, lists for tuples, text for the rest."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
