"""Stage 1, ingest: each raw article in `seeds/` becomes a Markdown page in `content/articles/`.

Seeds are only read. A generated page records the hash of its own text, so a page a person has
edited since is recognised and left alone.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kbgen.config import Config
from kbgen.errors import BuildError, Problem
from kbgen.pages import dump_page, parse_page
from kbgen.slugs import slugify, unique_slug
from kbgen.yamlfile import YamlSyntaxError

SEED_SUFFIXES = (".txt", ".md", ".html", ".htm")
ARTICLES_DIR = Path("content") / "articles"
HASH_KEY = "generated_sha256"
TITLE_MAX = 80


@dataclass(frozen=True)
class Seed:
    source: str  # path relative to the project, with '/'
    sha256: str
    title: str
    date: date | None
    body: str  # Markdown


@dataclass(frozen=True)
class IngestReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept_edited: list[Path] = field(default_factory=list)


def ingest(project: Path, config: Config) -> IngestReport:
    """Create or refresh `content/articles/<slug>.md` for every seed."""
    seed_dir = project / "seeds"
    seed_paths = sorted(p for p in seed_dir.rglob("*") if p.is_file() and p.suffix.lower() in SEED_SUFFIXES) if seed_dir.is_dir() else []
    problems: list[Problem] = []
    seeds = []
    for path in seed_paths:
        try:
            seeds.append(read_seed(path, project))
        except SeedError as exc:
            problems.append(Problem(path, exc.line, str(exc), exc.hint))
    if problems:
        raise BuildError(problems)

    articles_dir = project / ARTICLES_DIR
    pages_by_source = _generated_pages(articles_dir)
    taken = {p.stem for p in articles_dir.glob("*.md")} if articles_dir.is_dir() else set()
    report = IngestReport()
    for seed in seeds:
        target = pages_by_source.get(seed.source)
        if target is None:
            target = articles_dir / f"{unique_slug(slugify(seed.title), taken, fallback='article')}.md"
        text = generated_page(seed, config.lang)
        if target.exists():
            existing = target.read_text("utf-8")
            if existing == text:
                report.unchanged.append(target)
                continue
            if not is_unedited(existing):
                report.kept_edited.append(target)
                continue
        _write_atomically(target, text)
        report.written.append(target)
    return report


def generated_page(seed: Seed, lang: str) -> str:
    meta = {"title": seed.title}
    if seed.date:
        meta["date"] = seed.date
    meta.update(lang=lang, source=seed.source, source_sha256=seed.sha256)
    text = dump_page(meta, seed.body)
    digest = hashlib.sha256(text.encode()).hexdigest()
    meta[HASH_KEY] = digest
    return dump_page(meta, seed.body)


def is_unedited(text: str) -> bool:
    """True when the page is byte for byte what kbgen generated (its recorded hash matches)."""
    match = re.search(rf"^{HASH_KEY}: ([0-9a-f]{{64}})\n", text, re.MULTILINE)
    if not match:
        return False
    original = text[: match.start()] + text[match.end():]
    return hashlib.sha256(original.encode()).hexdigest() == match.group(1)


def _generated_pages(articles_dir: Path) -> dict[str, Path]:
    """Map each seed path to the content page already generated from it."""
    pages = {}
    for path in sorted(articles_dir.glob("*.md")) if articles_dir.is_dir() else []:
        try:
            source = parse_page(path.read_text("utf-8")).meta.get("source")
        except (YamlSyntaxError, UnicodeDecodeError):
            continue  # reported when the articles are read
        if isinstance(source, str):
            pages.setdefault(source, path)
    return pages


def _write_atomically(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_text(text, "utf-8")
    os.replace(temporary, target)


# --- reading seeds --------------------------------------------------------------------------


class SeedError(ValueError):
    def __init__(self, message: str, hint: str, line: int | None = None):
        super().__init__(message)
        self.hint, self.line = hint, line


def read_seed(path: Path, project: Path) -> Seed:
    raw = path.read_bytes()
    source = path.relative_to(project).as_posix()
    digest = hashlib.sha256(raw).hexdigest()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SeedError(f"not UTF-8 text (byte {exc.start})", "save the file as UTF-8") from None
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        title, when, body = _from_html(text)
    elif suffix == ".md":
        title, when, body = _from_markdown(text)
    else:
        title, when, body = _from_plain_text(text)
    if not body.strip():
        raise SeedError("no article text found", "remove the file or give it some text")
    return Seed(source, digest, title or infer_title(body), when, body)


def _from_plain_text(text: str) -> tuple[str | None, None, str]:
    paragraphs = clean_paragraphs(text)
    title = None
    # A short first line with no closing punctuation, followed by more text, is the file's title.
    if len(paragraphs) > 1 and "\n" not in paragraphs[0] and len(paragraphs[0]) <= 150 and paragraphs[0][-1] not in ".!?:;,…»\"":
        title, paragraphs = paragraphs[0], paragraphs[1:]
    return title, None, "\n\n".join(escape_markdown(p) for p in paragraphs)


def _from_markdown(text: str) -> tuple[str | None, date | None, str]:
    try:
        page = parse_page(text)
    except YamlSyntaxError as exc:
        raise SeedError(str(exc), "fix the front matter", exc.line) from None
    title = page.meta.get("title")
    body = page.body
    heading = re.match(r"\s*#\s+(.+?)\s*#*\s*(\n|$)", body)
    if heading:
        title = title or heading.group(1)
        body = body[heading.end():]
    when = page.meta.get("date")
    if isinstance(when, str):
        when = _parse_date(when)
    return (str(title) if title else None), (when if isinstance(when, date) else None), "\n\n".join(clean_paragraphs(body))


def _from_html(text: str) -> tuple[str | None, date | None, str]:
    import trafilatura  # imported only when a saved web page is ingested

    document = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    if document is None or not (document.text or "").strip():
        raise SeedError("no article text found in this web page", "save the article's page itself, or paste its text into a .txt file")
    body = "\n\n".join(escape_markdown(p) for p in clean_paragraphs(document.text))
    return document.title, _parse_date(document.date or ""), body


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def clean_paragraphs(text: str) -> list[str]:
    """Paragraphs without scraping debris: stray spaces trimmed, runs of blank lines collapsed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = []
    for block in re.split(r"\n[ \t\u00a0]*\n", text):
        lines = [re.sub(r"[ \t]+", " ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            paragraphs.append("\n".join(lines))
    return paragraphs


_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]])")
_LINE_START_SPECIAL = re.compile(r"^(\s*)([#>+=-]|\d+[.)])", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """Plain text as Markdown that renders to the same words, not to headings, lists or HTML."""
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    return _LINE_START_SPECIAL.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), text)


def _escape_marker(marker: str) -> str:
    return marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker


def infer_title(body: str) -> str:
    """The first sentence of the text, shortened at a word boundary."""
    first_line = body.strip().split("\n", 1)[0].replace("\\", "")
    sentence = re.split(r"(?<=[.!?…])\s", first_line, maxsplit=1)[0].rstrip(" .")
    if len(sentence) <= TITLE_MAX:
        return sentence
    cut = sentence[: TITLE_MAX + 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"
