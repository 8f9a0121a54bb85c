"""Stage 1, ingest: each raw article in `seeds/` becomes a Markdown page in `content/articles/`.

Seeds are only read. A generated page records the hash of its own text, so a page a person has
edited since is recognised and left alone.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from kbgen.articles import read_article
from kbgen.boilerplate import find_boilerplate
from kbgen.config import Config
from kbgen.dates import When
from kbgen.errors import BuildError, Problem
from kbgen.lang import profile
from kbgen.pages import dump_page, parse_page
from kbgen.plaintext import read_plain_text
from kbgen.project import Project
from kbgen.seed_files import SeedError, SeedText, seed_text
from kbgen.slugs import slugify, unique_slug
from kbgen.titles import infer_title, readable_title, title_from_file_name
from kbgen.websites import Saved, WebArticle, read_sites
from kbgen.yamlfile import YamlSyntaxError

SEED_SUFFIXES = (".txt", ".md", ".html", ".htm")
WEB_SUFFIXES = (".html", ".htm")
HASH_KEY = "generated_sha256"
_Day = date | datetime | None  # a date, or a date and time where the seed gives one
OWN_KEYS = frozenset({"title", "source", "source_sha256", HASH_KEY})  # written by kbgen, never copied from a seed


@dataclass(frozen=True)
class Seed:
    source: str  # path relative to the project, with '/'
    sha256: str
    title: str
    date: _Day
    body: str  # Markdown
    encoding: str = "utf-8"
    author: str | None = None
    lang: str | None = None
    # The rest of a Markdown seed's front matter (draft, tags, slug, a date as written...), kept in
    # its page for the reader to interpret; and the line of each key, for messages.
    meta: dict = field(default_factory=dict)
    meta_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    kicker: str | None = None  # the short line above the title ('INTERVIEW')
    updated: _Day = None


@dataclass(frozen=True)
class IngestReport:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept_edited: list[Path] = field(default_factory=list)
    # Errors and warnings (each for a seed left out) and notes.
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def ingest(project: Project) -> IngestReport:
    """Create or refresh `content/articles/<slug>.md` for every seed. A seed with a problem is
    reported and left out (its page, if an earlier build made one, stays as it was), so that
    one bad seed never stops a build; only a content folder leading elsewhere is raised."""
    report = IngestReport()
    seeds = []
    config = project.config
    paths = _seed_paths(project, report.problems)
    files = _read_files(paths, config)
    readable = {path: file for path, file in files.items() if isinstance(file, SeedText)}
    web = _web_pages({p: f for p, f in readable.items() if p.suffix.lower() in WEB_SUFFIXES}, project, report.problems)
    cross_references = profile(config.lang).cross_references
    furniture = _text_boilerplate({p: f for p, f in readable.items() if p.suffix.lower() == ".txt"}, cross_references)
    del readable
    for path in paths:
        shown = project.shown(path)
        try:  # each file's text is let go of once its seed is made
            seed = read_seed(path, shown, config, web, furniture.get(path, frozenset()), files.pop(path))
        except SeedError as exc:
            report.problems.append(Problem(shown, exc.line, str(exc), exc.hint, exc.severity))
            continue
        if seed.encoding not in ("utf-8", "utf-8-sig"):
            report.problems.append(
                Problem(
                    shown, None, f"read as {seed.encoding}, not UTF-8", "its content page is written in UTF-8", "note"
                )
            )
        seeds.append(seed)

    articles_dir, shown_dir = project.articles, project.shown(project.articles)
    if articles_dir.exists() and not articles_dir.resolve().is_relative_to(project.root.resolve()):
        where = f"make {shown_dir.as_posix()} a real folder inside the project"
        raise BuildError([*report.problems, Problem(shown_dir, None, "leads outside the project", where)])
    pages_by_source = _generated_pages(articles_dir) if seeds else {}  # reads every page: only when needed
    taken = {p.stem for p in articles_dir.glob("*.md")} if articles_dir.is_dir() else set()
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
        rejected = _write_if_readable(target, text, seed, project)
        report.problems.extend(rejected)
        if not rejected:
            report.written.append(target)
    return report


def _seed_paths(project: Project, problems: list[Problem]) -> list[Path]:
    """The seed files, sorted; a symlink leading out of the project is skipped with a warning."""
    seed_dir = project.seeds
    if not seed_dir.is_dir():
        return []
    paths = []
    for path in sorted(seed_dir.rglob("*")):
        if path.suffix.lower() not in SEED_SUFFIXES or not path.is_file():
            continue
        if not path.resolve().is_relative_to(project.root.resolve()):
            problems.append(
                Problem(
                    project.shown(path),
                    None,
                    "is a link to a file outside the project; skipped",
                    f"copy the file into {project.shown(seed_dir).as_posix()}/ instead",
                    "warning",
                )
            )
            continue
        paths.append(path)
    return paths


def _read_files(paths: list[Path], config: Config) -> dict[Path, SeedText | SeedError]:
    """Each seed file read and decoded once, for the steps that learn from all of them and for
    its own seed; or the SeedError that says why it cannot be read (told with its seed)."""
    files: dict[Path, SeedText | SeedError] = {}
    for path in paths:
        try:
            files[path] = seed_text(path, config)
        except SeedError as exc:
            files[path] = exc
    return files


def _web_pages(files: Mapping[Path, SeedText], project: Project, problems: list[Problem]) -> dict[Path, WebArticle]:
    """The saved web pages among the seeds, read together (see kbgen.websites)."""
    saved = [Saved(path, file.sha256, file.text) for path, file in files.items()]
    if not saved:
        return {}
    articles, warnings = read_sites(saved, project.page_cache, profile(project.config.lang).cross_references)
    for path, why in warnings:
        hint = "nothing to do" if path == project.page_cache else "remove the record, or download the page again"
        problems.append(Problem(project.shown(path), None, why, hint, "warning"))
    return articles


def _text_boilerplate(files: Mapping[Path, SeedText], cross_references: Sequence[str]) -> dict[Path, frozenset[str]]:
    """The paragraphs of each text seed that its folder's texts repeat (a site's footer copied
    with every text), learnt folder by folder as a site's furniture is (see kbgen.boilerplate);
    never all of a text."""
    folders: dict[Path, dict[Path, list[str]]] = {}
    for path, file in files.items():
        folders.setdefault(path.parent, {})[path] = clean_paragraphs(file.text)
    found: dict[Path, frozenset[str]] = {}
    for texts in folders.values():
        for path, marked in find_boilerplate(texts, cross_references).items():
            if len(marked) < len(texts[path]):  # all of it repeated: a copy of a story, kept whole
                found[path] = frozenset(texts[path][i] for i in marked)
    return found


def generated_page(seed: Seed, lang: str) -> str:
    meta: dict[str, object] = {"title": seed.title}
    if seed.kicker:
        meta["kicker"] = seed.kicker
    if seed.date:
        meta["date"] = seed.date
    if seed.updated:
        meta["updated"] = seed.updated
    if seed.author:
        meta["author"] = seed.author
    meta.update((key, value) for key, value in seed.meta.items() if key not in OWN_KEYS)
    meta.setdefault("lang", seed.lang or lang)
    meta.update(source=seed.source, source_sha256=seed.sha256)
    text = dump_page(meta, seed.body)
    digest = hashlib.sha256(text.encode()).hexdigest()
    meta[HASH_KEY] = digest
    return dump_page(meta, seed.body)


def is_unedited(text: str) -> bool:
    """True when the page is byte for byte what kbgen generated (its recorded hash matches)."""
    match = re.search(rf"^{HASH_KEY}: ([0-9a-f]{{64}})\n", text, re.MULTILINE)
    if not match:
        return False
    original = text[: match.start()] + text[match.end() :]
    return hashlib.sha256(original.encode()).hexdigest() == match.group(1)


def _generated_pages(articles_dir: Path) -> dict[str, Path]:
    """Map each seed path to the content page already generated from it."""
    pages: dict[str, Path] = {}
    for path in sorted(articles_dir.glob("*.md")) if articles_dir.is_dir() else []:
        try:
            source = parse_page(path.read_text("utf-8")).meta.get("source")
        except (YamlSyntaxError, UnicodeDecodeError):
            continue  # reported when the articles are read
        if isinstance(source, str):
            pages.setdefault(source, path)
    return pages


def _write_if_readable(target: Path, text: str, seed: Seed, project: Project) -> list[Problem]:
    """Write the page `text` at `target` (atomically) only if the article reader accepts it, so
    that ingest never makes a page the build then rejects; otherwise the reader's problems,
    told against the seed (at the line of its front matter they come from, where there is one)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    # Read under its own name (the reader may look at it), in a hidden folder beside it.
    with tempfile.TemporaryDirectory(prefix=".ingest-", dir=target.parent) as folder:
        temporary = Path(folder, target.name)
        temporary.write_text(text, "utf-8")
        try:
            read_article(temporary, target.stem, project)
        except BuildError as exc:
            return [_against_seed(p, text, seed) for p in exc.problems]
        os.replace(temporary, target)
    return []


def _against_seed(problem: Problem, text: str, seed: Seed) -> Problem:
    """The reader's `problem` with the page kbgen would make from `seed`, told against the seed."""
    try:
        keys_at = {line: key for key, line in parse_page(text).meta_lines.items()}
    except YamlSyntaxError:
        keys_at = {}
    line = seed.meta_lines.get(keys_at.get(problem.line or 0, ""))
    message = problem.message if line else f"{problem.message} (in the page kbgen makes from it)"
    return Problem(seed.source, line, f"{message}; skipped", problem.hint, problem.severity)


# --- reading seeds --------------------------------------------------------------------------


def read_seed(
    path: Path,
    shown: Path,
    config: Config,
    web: Mapping[Path, WebArticle] | None = None,
    boilerplate: AbstractSet[str] = frozenset(),
    file: SeedText | SeedError | None = None,
) -> Seed:
    """The seed at `path` (`shown` relative to the project: its `source`), from its `file` when
    it was read already; a saved web page as `web`, the pages read together, gives it; a text
    seed leaves out its `boilerplate` paragraphs."""
    if isinstance(file, SeedError):
        raise file
    file = file or seed_text(path, config)
    text, encoding, digest = file.text, file.encoding, file.sha256
    source = shown.as_posix()
    suffix = path.suffix.lower()
    author = lang = kicker = updated = None
    meta: dict = {}
    meta_lines: dict[str, int] = {}
    if suffix in WEB_SUFFIXES:
        title, when, body, author, lang, meta = _from_web((web or {}).get(path))
    elif suffix == ".md":
        title, body, meta, meta_lines = _from_markdown(text)
        when = None  # the date is in `meta`, as written: the reader reads it
    else:
        title, kicker, when, updated, body, author = _from_plain_text(text, path.name, config.lang, boilerplate)
    if not body.strip():
        raise SeedError("has no article text; skipped", "give it some text, or remove it", severity="warning")
    title = readable_title(title or "") or infer_title(body) or title_from_file_name(path.name)
    return Seed(source, digest, title, when, body, encoding, author, lang, meta, meta_lines, kicker, updated)


def _from_plain_text(
    text: str, name: str, lang: str, boilerplate: AbstractSet[str]
) -> tuple[str | None, str | None, _Day, _Day, str, str | None]:
    """Title, kicker, date, update, body and author of a plain-text seed (see kbgen.plaintext)."""
    read = read_plain_text(clean_paragraphs(text), name, profile(lang).dates)
    # Title, kicker and dateline first: an agency's datelines look alike once digits are set aside.
    # A repeated paragraph that lost its furniture lines is still repeated: its lines say so.
    repeated = {line for paragraph in boilerplate for line in paragraph.split("\n")}
    body = "\n\n".join(escape_markdown(p) for p in read.paragraphs if not set(p.split("\n")) <= repeated)
    return read.title, read.kicker, _moment(read.when), _moment(read.updated), body, read.author


def _moment(when: When | None) -> _Day:
    """A date, or a date and time, as the page's front matter holds it."""
    if when is None:
        return None
    return datetime.combine(when.date, when.time) if when.time else when.date


def _from_markdown(text: str) -> tuple[str | None, str, dict, dict[str, int]]:
    """Title, body, and the front matter as written (with the line of each key)."""
    try:
        page = parse_page(text)
    except YamlSyntaxError as exc:
        raise SeedError(str(exc), "fix the front matter", exc.line) from None
    given = page.meta.get("title")
    title = str(given) if isinstance(given, (str, int, float)) and not isinstance(given, bool) else ""
    body = page.body
    heading = re.match(r"\s*#\s+(.+?)\s*#*\s*(\n|$)", body)
    if heading:
        title = readable_title(title) or heading.group(1)
        body = body[heading.end() :]
    return title or None, "\n\n".join(clean_paragraphs(body)), page.meta, page.meta_lines


def _from_web(article: WebArticle | None) -> tuple[str | None, date | None, str, str | None, str | None, dict]:
    """Title, date, Markdown body, author, language and the other front matter of a saved web page."""
    if article is None or article.problem or not article.body.strip():
        why = (
            article.problem
            if article and article.problem
            else "has no article text that kbgen can find in this web page"
        )
        raise SeedError(
            f"{why}; skipped",
            "save the article's page itself, or paste its text into a .txt file",
            severity="warning",
        )
    meta = dict(article.meta)
    if len(article.authors) > 1:
        meta["authors"] = list(article.authors)
    author = article.authors[0] if len(article.authors) == 1 else None
    return article.title, article.date, article.body, author, article.lang, meta


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
