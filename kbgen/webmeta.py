"""What a saved web page says about itself in its metadata: the meta tags, its JSON-LD, its
dates (published and updated, from metadata and structured markup only, never from the page's
text, so that neither a web archive's banner nor a "last updated" widget dates it) and its
authors (only what reads as names of people or agencies)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date

from lxml import html as lxml_html

from kbgen.titles import readable_title

ARTICLE_TYPES = re.compile(r"(Article|BlogPosting|Report|Posting)$")
DATE_PROPS = ("datepublished", "datecreated", "datemodified", "uploaddate")


def meta_tags(tree) -> dict[str, str]:
    """The page's <meta> values by property, name or itemprop (lower case; the first one given)."""
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        content = element.xpath("string(@content)")
        if key and content and content.strip():
            found.setdefault(key.strip().lower(), content.strip())
    return found


def json_ld(tree) -> list[dict]:
    """Every JSON-LD object of the page that describes an article (a @graph's too)."""
    objects: list[dict] = []
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        try:
            data = json.loads(script.text_content() or "")
        except ValueError:
            continue
        objects.extend(_objects(data))
    return [o for o in objects if any(ARTICLE_TYPES.search(t) for t in _types(o))]


def _objects(data: object, depth: int = 0) -> Iterator[dict]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph"), depth + 1)


def _types(value: dict) -> list[str]:
    kind = value.get("@type")
    return [t for t in (kind if isinstance(kind, list) else [kind]) if isinstance(t, str)]


def ld_text(objects: list[dict], key: str) -> str | None:
    for item in objects:
        value = item.get(key)
        if isinstance(value, dict):
            value = value.get("name") or value.get("url")
        if isinstance(value, list) and value:
            value = value[0].get("url") if isinstance(value[0], dict) else value[0]
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def ld_names(objects: list[dict], key: str) -> list[str]:
    """The names under `key` (author, creator): a text, a {name: ...} or a list of them."""
    names: list[str] = []
    for item in objects:
        value = item.get(key)
        for one in value if isinstance(value, list) else [value]:
            name = one.get("name") if isinstance(one, dict) else one
            if isinstance(name, str) and name.strip():
                names.append(name.strip())
    return names


# --- dates -------------------------------------------------------------------------------------


def metadata_document(tree) -> str:
    """A page of the original's metadata alone: its <title>, <meta> and <link> elements, its JSON-LD,
    and its dates in microdata (itemprop="datePublished"...) as meta tags. Nothing from its text."""
    kept = []
    for element in tree.iter("title", "meta", "link"):
        kept.append(lxml_html.tostring(element, encoding="unicode", with_tail=False))
    for script in tree.xpath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]'):
        kept.append(lxml_html.tostring(script, encoding="unicode", with_tail=False))
    for element in tree.xpath("//*[@itemprop]"):
        prop = (element.get("itemprop") or "").strip()
        value = element.xpath("string(@content)") or element.get("datetime")
        if prop.lower() in DATE_PROPS and value and element.tag != "meta":
            kept.append(f'<meta itemprop="{prop}" content="{_attribute(value)}">')
    return "<html><head>" + "\n".join(kept) + "</head><body></body></html>"


def _attribute(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def page_dates(document: str) -> tuple[date | None, date | None]:
    """The date published and the date updated (None when the same), from `metadata_document`."""
    from htmldate import find_date

    found = []
    for original in (True, False):
        value = find_date(
            document,
            original_date=original,
            extensive_search=False,
            outputformat="%Y-%m-%d",
            deferred_url_extractor=True,
        )
        found.append(_day(value))
    published, updated = found
    if published is None or updated is None or updated <= published:
        return published, None
    return published, updated


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


_UPDATE_CONTEXT = re.compile(r"updat|modif|maj\b|mis-a-jour|mise-a-jour|edited", re.IGNORECASE)


def heading_time(tree) -> date | None:
    """The page's own <time datetime> when its metadata gives no date: the first one after its
    main heading, unless it sits in an update's box (class or id saying so) or in a list."""
    headings = tree.xpath("//h1")
    if not headings:
        return None
    for element in headings[0].xpath("following::time[@datetime]")[:3]:
        context = " ".join(
            f"{a.get('class', '')} {a.get('id', '')} {a.get('itemprop', '')}" for a in element.iterancestors()
        )
        context += f" {element.get('class', '')} {element.get('itemprop', '')}"
        if _UPDATE_CONTEXT.search(context) or element.xpath("ancestor::li"):
            continue
        return _day(element.get("datetime"))
    return None


_DAY_IN_TEXT = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[-_/](\d\d)[-_/](\d\d)(?!\d)|(?<![\d.])(\d\d)[./](\d\d)[./]((?:19|20)\d\d)(?![\d.])"
)


def date_in(text: str) -> date | None:
    """A day written in a file name, an address or a title's furniture: 2011-05-23, 2011/05/23,
    23.05.2011 or 23/05/2011."""
    for match in _DAY_IN_TEXT.finditer(text):
        year, month, day = match.group(1, 2, 3) if match[1] else match.group(6, 5, 4)
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            continue
    return None


# --- authors -----------------------------------------------------------------------------------

_SEPARATORS = re.compile(r"\s*(?:[,;|/&+]|\bet\b|\band\b|\bavec\b|\bwith\b)\s*", re.IGNORECASE)
_BY = re.compile(r"^(?:par|by|de|texte|propos recueillis par)\s*:?\s+", re.IGNORECASE)
_NOT_A_NAME = re.compile(
    r"\b(?:publi|mis à jour|mise à jour|modifi|updated|published|zone\b|rubrique|section|catégorie|https?\b|www\.)"
    r"|@|\d",
    re.IGNORECASE,
)
_DOMAIN = re.compile(r"\w[ .](?:com|fr|net|org|info|io|eu|be|ch|ca|tg|sn|ci|cm|ma|tn|dz)$", re.IGNORECASE)
_PARTICLES = frozenset("de du des d la le les van von der den da di dos el al ben bin ibn y e of".split())


def clean_authors(candidates: list[str], site_names: list[str]) -> tuple[str, ...]:
    """The names among `candidates` (texts as pages give them, several names in one), each once;
    texts that are not a person's or an agency's name are left out: dates, 'publié le',
    section labels, a site's name or domain."""
    sites = {_letters(s) for s in site_names if _letters(s)}
    names: dict[str, str] = {}
    for candidate in candidates:
        for part in _SEPARATORS.split(candidate):
            if junk := _NOT_A_NAME.search(part):  # 'Par AFP publié le 12' names AFP
                part = part[: junk.start()]
            name = readable_title(_BY.sub("", part.strip()).strip(" .:-–—()")) or ""
            if is_name(name) and _letters(name) not in sites:
                names.setdefault(name.casefold(), name)
    return tuple(names.values())


def is_name(text: str) -> bool:
    """True when `text` reads as a name: one to five words, each capitalised (or a particle, or an
    agency's capitals), with no date, address, 'publié' or label word in it."""
    words = text.replace("’", "'").split()
    if not 1 <= len(words) <= 5 or len(text) > 60 or _NOT_A_NAME.search(text) or _DOMAIN.search(text):
        return False
    for word in words:
        bare = word.split("'")[-1].strip(".-")
        if bare.casefold() in _PARTICLES or (word.casefold().rstrip("'") in _PARTICLES):
            continue
        if not bare or not bare[0].isupper():
            return False
    return any(w.casefold() not in _PARTICLES for w in words)


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())
