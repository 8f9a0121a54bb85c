"""`kbgen add` against a local web site: a server on 127.0.0.1, in a thread, that counts requests.

Its host is called `journal.localhost` (courlan, which reads feeds and sitemaps for trafilatura,
refuses an IP address with a port); the fixture resolves that name, and only it, to 127.0.0.1,
so no test can reach another machine."""

from __future__ import annotations

import itertools
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from kbgen.cli import cli
from kbgen.fetched import read_record

HOST = "journal.localhost"


def article(title: str, paragraphs: list[str], charset: str = "utf-8") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html>\n<html lang="fr"><head><meta charset="{charset}"><title>{title}</title>'
        '<meta name="author" content="Claire Dupont"><meta name="date" content="2026-12-04"></head>\n'
        f"<body><nav><a href='/'>Accueil</a></nav><article><h1>{title}</h1>\n{body}\n</article>"
        "<footer>© Le Journal</footer></body></html>\n"
    )


BUDGET = article(
    "Le budget adopté à l'Assemblée",
    [
        "Le budget de l'État pour 2027 a été adopté mardi soir à l'Assemblée nationale, après trois semaines "
        "de débats parfois houleux entre la majorité et l'opposition.",
        "Le ministre de l'Économie, Bruno Lemaire, a salué un texte « responsable » qui réduit le déficit "
        "public tout en préservant les investissements dans la transition écologique.",
        "Les sénateurs examineront le projet de loi à partir de la semaine prochaine à Paris.",
    ],
)
GREVE = article(
    "La grève des cheminots se poursuit",
    [
        "La grève des cheminots de la SNCF se poursuit pour le quatrième jour consécutif à Lyon et à Marseille, "
        "perturbant fortement le trafic des trains régionaux.",
        "Les syndicats réclament une hausse des salaires et dénoncent la dégradation des conditions de travail "
        "dans les ateliers de maintenance.",
        "La direction de la SNCF a proposé une nouvelle réunion de négociation jeudi matin.",
    ],
)
RETRAITES = article(
    "La réforme des retraites en débat",
    [
        "Le gouvernement a présenté mercredi sa réforme des retraites devant le Conseil des ministres, "
        "un texte attendu depuis plusieurs mois par les partenaires sociaux.",
        "La Première ministre, Élisabeth Borne, a défendu un projet « juste et nécessaire » face aux critiques "
        "des syndicats réunis à Bordeaux.",
    ],
)
CAFE_1252 = article(
    "Le café de la gare ferme ses portes",
    [
        "Après quarante années de service, le café de la gare de Rennes fermera définitivement ses portes à la "
        "fin du mois, au grand regret des habitués du quartier.",
        "« C'est toute une époque qui s'achève », confie la propriétaire, Hélène Martin, émue.",
    ],
    charset="windows-1252",
).encode("cp1252")
assert CAFE_1252.decode("cp1252") and b"\xe9" in CAFE_1252  # 'é' is one byte: not UTF-8

# Only kbgen is kept out of /prive/: the rules for kbgen's own name are the ones it follows.
ROBOTS = b"User-agent: *\nDisallow:\n\nUser-agent: kbgen\nDisallow: /prive/\n"
PAGES = {
    "/politique/le-budget-adopte.html": BUDGET.encode(),
    "/economie/la-greve-des-cheminots.html": GREVE.encode(),
    "/societe/la-reforme-des-retraites.html": RETRAITES.encode(),
    "/prive/secret.html": article("Secret", ["Interdit aux robots."]).encode(),
}


def feed_rss(base: str) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>{base}{p}</link></item>"
        for t, p in [("Budget", "/politique/le-budget-adopte.html"), ("Grève", "/economie/la-greve-des-cheminots.html")]
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Le Journal</title>'
        f"<link>{base}/</link><description>Actualités</description>{items}</channel></rss>\n"
    ).encode()


def feed_atom(base: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Le Journal</title>'
        f'<id>{base}/</id><updated>2026-12-04T10:00:00Z</updated><link href="{base}/"/>'
        f"<entry><title>Retraites</title><id>{base}/r</id><updated>2026-12-04T10:00:00Z</updated>"
        f'<link href="{base}/societe/la-reforme-des-retraites.html"/></entry>'
        f"<entry><title>Café</title><id>{base}/c</id><updated>2026-12-04T10:00:00Z</updated>"
        f'<link href="{base}/region/le-cafe-de-la-gare.html"/></entry></feed>\n'
    ).encode()


def sitemap(base: str) -> bytes:
    locs = "".join(
        f"<url><loc>{base}{p}</loc></url>"
        for p in ["/politique/le-budget-adopte.html", "/economie/la-greve-des-cheminots.html"]
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>\n'
    ).encode()


class Site:
    """The served site's address and every request it received (path, User-Agent)."""

    def __init__(self, base: str):
        self.base = base
        self.requests: list[tuple[str, str]] = []
        self.any_path: bytes | None = None  # served at any address not otherwise known
        self.times: list[float] = []  # when each request came

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


def handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep the test output clean
            pass

        def do_HEAD(self) -> None:
            self.send(200, b"", "text/html")

        def do_GET(self) -> None:
            site.requests.append((self.path, self.headers.get("User-Agent", "")))
            site.times.append(time.monotonic())
            path = self.path
            if path in PAGES:
                self.send(200, PAGES[path], "text/html; charset=utf-8")
            elif path == "/robots.txt":
                self.send(200, ROBOTS, "text/plain")
            elif path == "/ancien/reforme":
                self.send(301, b"", "text/html", Location=site.url("/societe/la-reforme-des-retraites.html"))
            elif path == "/region/le-cafe-de-la-gare.html":
                self.send(200, CAFE_1252, "text/html; charset=windows-1252")
            elif path == "/lent.html":
                time.sleep(2.5)  # beyond the tests' one-second timeout
                self.send(200, BUDGET.encode(), "text/html")
            elif path == "/enorme.html":
                self.send(200, article("Énorme", ["mot " * 50_000]).encode(), "text/html")
            elif path == "/rapport.pdf":
                self.send(200, b"%PDF-1.4\n" + b"0" * 200, "application/pdf")
            elif path == "/flux.rss":
                self.send(200, feed_rss(site.base), "application/rss+xml")
            elif path == "/flux.atom":
                self.send(200, feed_atom(site.base), "application/atom+xml")
            elif path == "/sitemap.xml":
                self.send(200, sitemap(site.base), "application/xml")
            elif site.any_path:
                self.send(200, site.any_path, "text/html")
            else:
                self.send(404, b"<html><body>Introuvable</body></html>", "text/html")

        def send(self, status: int, body: bytes, kind: str, **headers: str) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the slow page)

    return Handler


@pytest.fixture
def site(monkeypatch):
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    server.daemon_threads = True
    served = Site(f"http://{HOST}:{server.server_address[1]}")
    server.RequestHandlerClass = handler_for(served)
    real = socket.getaddrinfo

    def local_only(host, *args, **kwargs):
        if host not in (HOST, "127.0.0.1"):
            raise socket.gaierror(f"the tests reach 127.0.0.1 only, not {host}")
        return real("127.0.0.1", *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", local_only)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield served
    server.shutdown()
    server.server_close()


def kbgen_add(project: Path, *args: str):
    options = ["--project", str(project), "--delay", "0", "--timeout", "1", "--allow-private"]
    return CliRunner().invoke(cli, ["add", *options, *args])


def pages(project: Path) -> dict[str, bytes]:
    return {
        p.relative_to(project).as_posix(): p.read_bytes()
        for p in sorted(project.rglob("*"))
        if p.is_file() and not p.name.endswith(".fetch.json")
    }


def test_pages_are_kept_as_served_with_their_record_and_never_fetched_twice(tmp_path, site):
    folder = f"seeds/web/{HOST}-{site.base.rsplit(':', 1)[1]}"
    urls = [site.url("/politique/le-budget-adopte.html"), site.url("/region/le-cafe-de-la-gare.html")]
    result = kbgen_add(tmp_path, *urls, site.url("/ancien/reforme"))
    assert result.exit_code == 0, result.output
    assert pages(tmp_path) == {
        f"{folder}/le-budget-adopte.html": BUDGET.encode(),
        f"{folder}/le-cafe-de-la-gare.html": CAFE_1252,  # the bytes served, in windows-1252
        f"{folder}/la-reforme-des-retraites.html": RETRAITES.encode(),
    }
    record = read_record(tmp_path / folder / "la-reforme-des-retraites.html")
    assert record.url == site.url("/ancien/reforme")
    assert record.final_url == site.url("/societe/la-reforme-des-retraites.html")
    assert record.fetched.endswith("Z") and len(record.fetched) == 20
    assert "added 3, already there 0, skipped 0." in result.stdout
    assert f"{folder}/le-budget-adopte.html: added from {urls[0]}" in result.stdout
    assert result.stderr == ""
    assert {agent for _, agent in site.requests} == {"kbgen/0.1.0 (knowledge-base generator)"}

    site.requests.clear()
    again = kbgen_add(tmp_path, *urls, site.url("/ancien/reforme"), site.url("/societe/la-reforme-des-retraites.html"))
    assert again.exit_code == 0 and "added 0, already there 4, skipped 0." in again.stdout
    assert site.requests == []  # known from the records: not even robots.txt is asked for
    assert len(pages(tmp_path)) == 3


def test_each_page_not_downloaded_is_named_with_why(tmp_path, site):
    wanted = ["/prive/secret.html", "/absent.html", "/lent.html", "/enorme.html", "/rapport.pdf"]
    result = kbgen_add(tmp_path, "--max-mb", "0.1", *map(site.url, wanted), "ftp://example.org/x")
    assert result.exit_code == 1
    assert "added 0, already there 0, skipped 6; nothing was added." in result.stdout
    lines = result.stderr.splitlines()
    expected = {
        "/prive/secret.html": "warning: forbidden by the site's robots.txt",
        "/absent.html": "warning: not downloaded: HTTP 404 not found; check the address",
        "/lent.html": "warning: not downloaded: timed out (after 1 s); try again later, or pass a longer --timeout",
        "/enorme.html": "warning: not downloaded: too big (over 0.1 MB); pass a larger --max-mb to download it",
        "/rapport.pdf": "warning: skipped: not an HTML page (application/pdf)",
    }
    for path, message in expected.items():
        assert f"{site.url(path)}: {message}" in lines
    assert "ftp://example.org/x: error: is not a web address; give an http:// or https:// address" in lines
    assert "/prive/secret.html" not in site.paths()  # robots.txt was read first, and obeyed
    assert not (tmp_path / "seeds").exists()
    assert "Traceback" not in result.output


def test_a_run_with_one_page_added_succeeds(tmp_path, site):
    result = kbgen_add(tmp_path, site.url("/politique/le-budget-adopte.html"), site.url("/absent.html"))
    assert result.exit_code == 0
    assert "added 1, already there 0, skipped 1." in result.stdout


def test_private_addresses_are_refused_unless_allowed(tmp_path, site):
    result = CliRunner().invoke(cli, ["add", "--project", str(tmp_path), site.url("/politique/le-budget-adopte.html")])
    assert result.exit_code == 1
    assert "a private address (this machine or the local network); pass --allow-private" in result.stderr
    assert site.requests == []


@pytest.mark.parametrize(
    "kind, path", [("--feed", "/flux.rss"), ("--feed", "/flux.atom"), ("--sitemap", "/sitemap.xml")]
)
def test_feeds_and_sitemaps_list_the_pages_to_add(tmp_path, site, kind, path):
    result = kbgen_add(tmp_path, kind, site.url(path))
    assert result.exit_code == 0, result.output
    assert f"{site.url(path)}: note: lists 2 page(s)" in result.stderr
    assert "added 2, already there 0, skipped 0." in result.stdout
    site.requests.clear()
    again = kbgen_add(tmp_path, kind, site.url(path))
    assert "added 0, already there 2, skipped 0." in again.stdout
    assert [p for p in site.paths() if p.endswith(".html")] == []  # the feed is read again, no page


def test_a_list_file(tmp_path, site):
    listed = tmp_path / "urls.txt"
    lines = ["# à lire", "", site.url("/politique/le-budget-adopte.html"), "pas une adresse"]
    listed.write_text("\n".join(lines) + "\n", "utf-8")
    result = kbgen_add(tmp_path, "--list", str(listed))
    assert result.exit_code == 0, result.output
    assert "added 1, already there 0, skipped 1." in result.stdout
    assert f"{listed}:4: error: 'pas une adresse' is not a web address" in result.stderr


def test_a_missing_list_file_is_an_error_before_any_download(tmp_path, site):
    result = kbgen_add(tmp_path, site.url("/politique/le-budget-adopte.html"), "--list", str(tmp_path / "absent.txt"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'absent.txt'}: error: cannot read this list of addresses (No such file or directory)" in (
        result.stderr
    )
    assert "nothing was downloaded" in result.stderr and site.requests == []


def test_no_address_at_all_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["add", "--project", str(tmp_path)])
    assert result.exit_code == 2 and "give at least one URL" in result.output


@pytest.mark.parametrize(
    "path",
    ["/../../x", "/%2e%2e/%2e%2e/etc/passwd", "/a/..%2f..%2f..%2fescape.html", "/" + "tres-long-" * 300 + ".html"],
)
def test_no_address_writes_outside_seeds(tmp_path, site, path):
    project = tmp_path / "project"
    project.mkdir()
    site.any_path = BUDGET.encode()
    result = kbgen_add(project, site.base + path)
    assert result.exit_code == 0, result.output
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(written) == 2 and all(p.is_relative_to(project / "seeds" / "web") for p in written)
    assert all(len(p.name) < 100 for p in written)


def test_a_built_site_needs_no_network(golden_project, site):
    urls = [site.url("/politique/le-budget-adopte.html"), site.url("/economie/la-greve-des-cheminots.html")]
    assert kbgen_add(golden_project, *urls).exit_code == 0
    records = sorted(golden_project.glob("seeds/web/*/*.fetch.json"))
    assert {json.loads(r.read_text("utf-8"))["url"] for r in records} == set(urls)
    site.requests.clear()
    out = golden_project / "_site"
    result = CliRunner().invoke(cli, ["build", "--project", str(golden_project), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert site.requests == []
    sources = "\n".join(p.read_text("utf-8") for p in (golden_project / "content" / "articles").glob("*.md"))
    assert sources.count("source: seeds/web/") == 2
    budget = (out / "articles" / "le-budget-adopte-a-lassemblee.html").read_text("utf-8")
    greve = (out / "articles" / "la-greve-des-cheminots-se-poursuit.html").read_text("utf-8")
    assert "Le budget de l&#39;État pour 2027 a été adopté" in budget and "quatrième jour consécutif" in greve
    # the article links to its original, the address it was downloaded from
    assert f'href="{urls[0]}"' in budget and "Lire l’original" in budget
    assert f'<link href="{urls[0]}" rel="via" />' in (out / "feed.xml").read_text("utf-8")
    rows = {r["title"]: r for r in json.loads((out / "api/articles.json").read_text("utf-8"))}
    assert rows["Le budget adopté à l'Assemblée"]["original_url"] == urls[0]


def test_a_page_reached_by_a_redirect_is_not_fetched_again_in_the_same_run(tmp_path, site):
    result = kbgen_add(tmp_path, site.url("/ancien/reforme"), site.url("/societe/la-reforme-des-retraites.html"))
    assert result.exit_code == 0 and "added 1, already there 1, skipped 0." in result.stdout
    assert site.paths().count("/societe/la-reforme-des-retraites.html") == 1


def test_one_request_at_a_time_per_site_with_the_delay_between(tmp_path, site):
    urls = [site.url(p) for p in PAGES if not p.startswith("/prive/")]
    options = ["--project", str(tmp_path), "--delay", "0.3", "--allow-private"]
    result = CliRunner().invoke(cli, ["add", *options, *urls])
    assert result.exit_code == 0 and "added 3" in result.stdout
    assert site.paths()[0] == "/robots.txt"
    pages_at = site.times[1:]
    assert len(pages_at) == 3 and all(later - earlier >= 0.3 for earlier, later in itertools.pairwise(pages_at))


def test_a_download_cut_off_before_its_page_was_in_place_is_done_again(tmp_path, site):
    """A record whose page is missing (the run was interrupted) does not count as downloaded."""
    url = site.url("/politique/le-budget-adopte.html")
    assert kbgen_add(tmp_path, url).exit_code == 0
    (page,) = (tmp_path / "seeds/web").rglob("*.html")
    page.unlink()
    again = kbgen_add(tmp_path, url)
    assert again.exit_code == 0 and "added 1, already there 0" in again.stdout, again.output
    assert page.read_bytes() == BUDGET.encode()
    assert not list((tmp_path / "seeds").rglob("*.part"))
