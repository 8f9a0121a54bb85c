"""`kbgen add`: download web pages into `seeds/`, where ingest reads them like any saved page.

The addresses come from the command line, a list file, an RSS or Atom feed (`trafilatura.feeds`)
or a sitemap (`trafilatura.sitemaps`); courlan normalises them, so that a page already downloaded
(its record, `kbgen.fetched`, names the address asked for and the one it came from) is never
fetched again. Downloading is trafilatura's, with its timeouts, retries with back-off and size
cap, and courlan's UrlStore handing out one address per host at a time, `delay` seconds apart;
robots.txt is read by `trafilatura.spider.get_rules` (the standard library's parser). A page is
kept exactly as served, as `seeds/web/<host>/<name>.html`; nothing in it is parsed here.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Iterator, Sequence
from configparser import ConfigParser
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, unquote, urlsplit
from urllib.robotparser import RobotFileParser

from courlan import UrlStore, get_base_url, normalize_url, validate_url

from kbgen import __version__
from kbgen.errors import BuildError, Problem
from kbgen.fetched import RECORD_SUFFIX, Fetched, read_record, write_record
from kbgen.project import Layout
from kbgen.slugs import slugify, unique_slug

USER_AGENT = f"kbgen/{__version__} (knowledge-base generator)"  # robots.txt rules for 'kbgen' apply
HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_CRAWL_DELAY = 60.0  # a robots.txt asking for more is not followed that far
THREADS = 4  # hosts downloaded from at once (one request at a time per host)
PAGE_SUFFIX = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cgi)$", re.IGNORECASE)


@dataclass(frozen=True)
class Politeness:
    delay: float = 2.0  # seconds between two requests to one host
    timeout: int = 20  # seconds (trafilatura takes whole seconds)
    max_mb: float = 5.0  # ingest's own limit for one article (max_article_mb)
    allow_private: bool = False  # this machine and the local network are refused by default


@dataclass
class AddReport:
    added: list[tuple[str, Path]] = field(default_factory=list)  # (address, page)
    already: list[str] = field(default_factory=list)  # addresses downloaded before
    skipped: list[Problem] = field(default_factory=list)  # each address not downloaded, and why
    notes: list[Problem] = field(default_factory=list)  # a broken record, a feed's count of pages

    @property
    def failed(self) -> bool:
        """Nothing was added and something could not be: the command fails."""
        return not self.added and bool(self.skipped)


def add(
    layout: Layout,
    urls: Sequence[str] = (),
    lists: Sequence[Path] = (),
    feeds: Sequence[str] = (),
    sitemaps: Sequence[str] = (),
    politeness: Politeness = Politeness(),
) -> AddReport:
    """Download every page asked for into `layout.web_seeds`, but those already there. A list
    file that cannot be read raises a BuildError before anything is fetched."""
    report = AddReport()
    asked = [(url, Problem(url, None, "is not a web address", "give an http:// or https:// address")) for url in urls]
    for path in lists:
        asked += _list_file(path)
    config = trafilatura_config(politeness)
    with _quiet_trafilatura() as failures:
        robots = Robots(config)
        asked += _listed_by(feeds, sitemaps, config, robots, report, politeness.delay)
        known = known_urls(layout, report)
        todo: dict[str, None] = {}  # in the order asked, once each
        for text, invalid in asked:
            url = normalised(text)
            if url is None:
                report.skipped.append(invalid)
            elif url in known:
                report.already.append(url)
            elif url not in todo and robots.allows(url, report):
                todo[url] = None
        politeness = replace(politeness, delay=robots.delay(politeness.delay))
        _download(list(todo), layout, config, politeness, known, report, failures)
    return report


def normalised(url: str) -> str | None:
    """The address as courlan normalises it (lowercase host, no default port, no tracking query
    parameters...), or None when it is no http(s) address."""
    valid, parts = validate_url(url.strip())
    if not valid or parts is None or parts.scheme not in ("http", "https"):
        return None
    return normalize_url(parts)


def trafilatura_config(politeness: Politeness) -> ConfigParser:
    """trafilatura's settings with kbgen's name, timeout, size cap and delay."""
    from trafilatura.settings import use_config

    config = use_config()
    defaults = config["DEFAULT"]
    defaults["USER_AGENTS"] = USER_AGENT
    defaults["DOWNLOAD_TIMEOUT"] = str(politeness.timeout)
    defaults["MAX_FILE_SIZE"] = str(int(politeness.max_mb * 1_000_000))
    defaults["SLEEP_TIME"] = str(politeness.delay)
    defaults["SSRF_PROTECTION"] = "off" if politeness.allow_private else "on"
    return config


# --- what to download ------------------------------------------------------------------------


def _list_file(path: Path) -> list[tuple[str, Problem]]:
    """The addresses in a list file, one a line (blank lines and # comments left out), each with
    the problem to report if it is no web address."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        problem = Problem(path, None, f"cannot read this list of addresses ({why})", "pass a UTF-8 text file to --list")
        raise BuildError([problem]) from None
    return [
        (line.strip(), Problem(path, number, f"{line.strip()!r} is not a web address", "give http(s):// addresses"))
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


def _listed_by(
    feeds: Sequence[str], sitemaps: Sequence[str], config: ConfigParser, robots: Robots, report: AddReport, delay: float
) -> list[tuple[str, Problem]]:
    """The pages the feeds and sitemaps list (trafilatura reads them; a sitemap index is followed)."""
    from trafilatura.feeds import find_feed_urls
    from trafilatura.sitemaps import sitemap_search

    found = []
    searches = [("feed", url, find_feed_urls) for url in feeds] + [("sitemap", url, sitemap_search) for url in sitemaps]
    for kind, url, search in searches:
        address = normalised(url)
        if address is None:
            report.skipped.append(Problem(url, None, f"is not a web address ({kind})", "give an http(s):// address"))
            continue
        if not robots.allows(address, report):
            continue
        # No target language: trafilatura would ask Google News for more. A feed may list other sites.
        pages = search(address, target_lang=None, external=kind == "feed", sleep_time=delay, config=config)
        if not pages:
            why = f"lists no page (not an RSS or Atom {kind}, or it could not be downloaded)"
            report.skipped.append(Problem(url, None, why, f"check the {kind}'s address"))
            continue
        report.notes.append(Problem(url, None, f"lists {len(pages)} page(s)", severity="note"))
        found += [(page, Problem(page, None, f"is not a web address (in {url})")) for page in pages]
    return found


def known_urls(layout: Layout, report: AddReport) -> set[str]:
    """Every address (asked for, and after redirects) of the pages already in seeds/, from their
    records; a broken record is reported."""
    known: set[str] = set()
    records = sorted(layout.seeds.rglob("*" + RECORD_SUFFIX)) if layout.seeds.is_dir() else []
    for record in records:
        try:
            fetched = read_record(record.with_name(record.name.removesuffix(RECORD_SUFFIX)))
        except ValueError as exc:
            hint = "delete it to download its page again"
            report.notes.append(Problem(layout.shown(record), None, str(exc), hint, "warning"))
            continue
        if fetched and record.with_name(record.name.removesuffix(RECORD_SUFFIX)).is_file():  # else interrupted
            known.update(url for url in (normalised(fetched.url), normalised(fetched.final_url)) if url)
    return known


class Robots:
    """Each host's robots.txt, read once (a missing one allows everything)."""

    def __init__(self, config: ConfigParser):
        self.config = config
        self.rules: dict[str, RobotFileParser | None] = {}

    def allows(self, url: str, report: AddReport) -> bool:
        from trafilatura.spider import get_rules

        base = get_base_url(url)
        if base not in self.rules:
            self.rules[base] = get_rules(base, self.config)
        rules = self.rules[base]
        if rules is None or rules.can_fetch(USER_AGENT, url):
            return True
        report.skipped.append(Problem(url, None, "forbidden by the site's robots.txt", "", "warning"))
        return False

    def delay(self, delay: float) -> float:
        """`delay`, or a longer Crawl-delay a site's robots.txt asks kbgen for."""
        asked = [rules.crawl_delay(USER_AGENT) for rules in self.rules.values() if rules]
        return max([delay, *(min(float(a), MAX_CRAWL_DELAY) for a in asked if a)])


# --- downloading -----------------------------------------------------------------------------


def _download(
    urls: list[str],
    layout: Layout,
    config: ConfigParser,
    politeness: Politeness,
    known: set[str],
    report: AddReport,
    failures: _Failures,
) -> None:
    """Download `urls`, one per host at a time, `politeness.delay` apart, keeping each page."""
    from tqdm import tqdm
    from trafilatura.downloads import buffered_response_downloads, load_download_buffer
    from trafilatura.settings import Extractor

    if not urls:
        return
    folder = layout.web_seeds
    if folder.exists() and not folder.resolve().is_relative_to(layout.root.resolve()):
        shown = layout.shown(folder).as_posix()
        raise BuildError([Problem(shown, None, "leads outside the project", f"make {shown} a real folder")])
    store = UrlStore(compressed=False, strict=False)
    store.add_urls(urls)
    names = PageNames(folder)
    options = Extractor(config=config)
    shown_bar = sys.stderr.isatty() and len(urls) > 3  # a bar only where someone watches a long run
    with tqdm(total=len(urls), unit="page", disable=not shown_bar, leave=False) as bar:
        while True:
            batch, store = load_download_buffer(store, politeness.delay)
            if not batch:
                break
            # A page an earlier address was redirected to is not downloaded again.
            report.already += [url for url in batch if url in known]
            bar.update(sum(url in known for url in batch))
            batch = [url for url in batch if url not in known]
            for url, response in buffered_response_downloads(batch, max(1, min(THREADS, len(batch))), options):
                problem = _unusable(url, response, failures, politeness)
                if problem:
                    report.skipped.append(problem)
                else:
                    _keep(url, response, names, known, report)
                bar.update()


def _unusable(url: str, response: Any, failures: _Failures, politeness: Politeness) -> Problem | None:
    """Why the page at `url` is not kept, or None: it is an HTML page."""
    if not response:
        why, hint = _failure(failures.errors.get(url), politeness)
        return Problem(url, None, f"not downloaded: {why}", hint, "warning")
    if response.status != 200:
        try:
            phrase = f" {HTTPStatus(response.status).phrase.lower()}"
        except ValueError:
            phrase = ""
        return Problem(url, None, f"not downloaded: HTTP {response.status}{phrase}", "check the address", "warning")
    kind = (response.headers or {}).get("content-type", "").split(";")[0].strip().lower()
    if kind not in HTML_TYPES and (kind or not _looks_like_html(response.data)):
        return Problem(url, None, f"skipped: not an HTML page ({kind or 'no type given'})", "", "warning")
    return None


def _looks_like_html(data: bytes) -> bool:
    start = data[:1024].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html"))


def _failure(error: object, politeness: Politeness) -> tuple[str, str]:
    """What went wrong, from the exception trafilatura logged, and what to do."""
    import urllib3.exceptions as http

    cause = getattr(error, "reason", None) or error
    text = str(error)
    if isinstance(error, ValueError) and "MAX_FILE_SIZE" in text:
        return f"too big (over {politeness.max_mb:g} MB)", "pass a larger --max-mb to download it"
    if "SSRF" in text:
        return "a private address (this machine or the local network)", "pass --allow-private to download from it"
    if isinstance(cause, http.NameResolutionError):
        return "no such host", "check the address"
    if isinstance(cause, http.NewConnectionError):
        return "could not connect", "check the address, or try again later"
    if isinstance(cause, http.TimeoutError) or "timed out" in text.lower():
        return f"timed out (after {politeness.timeout} s)", "try again later, or pass a longer --timeout"
    if error is None:
        return "the download failed", "try again later"
    return f"the download failed ({cause})", "check the address, or try again later"


def _keep(url: str, response: Any, names: PageNames, known: set[str], report: AddReport) -> None:
    """Write the page as served, then its record; a redirect to a page already there adds nothing."""
    final = normalised(response.url) or url
    if final in known:
        report.already.append(url)
        return
    page = names.new_page(final)
    page.parent.mkdir(parents=True, exist_ok=True)
    # Interrupted anywhere, this leaves no half page and no page without its record: the page is
    # written under a name ingest does not read, and takes its own name once the record is there.
    partial = page.with_name(f".{page.name}.part")
    partial.write_bytes(response.data)
    write_record(page, Fetched(url, final, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")))
    os.replace(partial, page)  # a new name (PageNames), never a page already there
    known.update((url, final))
    report.added.append((url, page))


class PageNames:
    """`seeds/web/<host>/<name>.html`, each name new: made of slugs only, so no address can lead
    outside the folder."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.taken: dict[str, set[str]] = {}

    def new_page(self, url: str) -> Path:
        parts = urlsplit(url)
        host = host_folder(parts)
        folder = self.folder / host
        if host not in self.taken:
            self.taken[host] = {p.name.removesuffix(".html") for p in folder.glob("*.html")}
        return folder / f"{unique_slug(page_name(parts), self.taken[host], fallback='index')}.html"


def host_folder(parts: SplitResult) -> str:
    """'www.lemonde.fr', 'journal.localhost-8080': each label a slug, so never '..'."""
    labels = [slugify(label) for label in (parts.hostname or "").split(".")]
    name = ".".join(label for label in labels if label) or "host"
    return f"{name}-{parts.port}" if parts.port else name


def page_name(parts: SplitResult) -> str:
    """A readable name from the address's last words: '/politique/le-budget-adopte.html' ->
    'le-budget-adopte'; a number alone keeps the segment before it; the query is kept."""
    segments = [unquote(s) for s in parts.path.split("/") if s.strip(".")]
    if segments:
        segments[-1] = PAGE_SUFFIX.sub("", segments[-1])
        if segments[-1].lower() in ("", "index", "default"):
            segments.pop()
    words = segments[-2:] if len(segments) > 1 and not re.search("[^\\W\\d_]", segments[-1]) else segments[-1:]
    return slugify(" ".join([*words, unquote(parts.query)]))


# --- trafilatura's messages ------------------------------------------------------------------


class _Failures(logging.Handler):
    """trafilatura logs why a download failed and returns nothing: the reason, kept by address."""

    def __init__(self) -> None:
        super().__init__()
        self.errors: dict[str, object] = {}

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args if isinstance(record.args, tuple) else ()
        if str(record.msg).startswith(("download error", "pycurl error")) and len(args) == 2:
            self.errors[str(args[0])] = args[1]


@contextmanager
def _quiet_trafilatura() -> Iterator[_Failures]:
    """trafilatura's, courlan's and urllib3's log messages kept off the terminal (kbgen says what
    went wrong, once, in its own words), the download failures kept for that."""
    failures = _Failures()
    loggers = [logging.getLogger(name) for name in ("trafilatura", "courlan", "htmldate", "urllib3")]
    before = [(logger.propagate, logger.level) for logger in loggers]
    handlers: list[logging.Handler] = [failures, *(logging.NullHandler() for _ in loggers[1:])]
    for logger, handler in zip(loggers, handlers, strict=True):
        logger.propagate = False
        logger.setLevel(logging.ERROR)
        logger.addHandler(handler)  # with none, Python's last resort would print the message
    try:
        yield failures
    finally:
        for logger, handler, (propagate, level) in zip(loggers, handlers, before, strict=True):
            logger.removeHandler(handler)
            logger.propagate, logger.level = propagate, level


def summary_lines(report: AddReport, layout: Layout) -> list[str]:
    """Each page added, then the tally."""
    lines = [f"{layout.shown(page).as_posix()}: added from {url}" for url, page in report.added]
    tally = f"added {len(report.added)}, already there {len(report.already)}, skipped {len(report.skipped)}"
    return [*lines, f"{tally}." if report.added or not report.skipped else f"{tally}; nothing was added."]
