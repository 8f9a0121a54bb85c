"""Saved web pages (.html seeds) read like articles: title without the site's furniture, kicker
apart, the publication date from metadata, clean authors, no boilerplate, cached extraction."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbgen import webmeta
from kbgen.boilerplate import find_boilerplate, min_pages, normalise, remove_boilerplate
from kbgen.build import build
from kbgen.fetched import Fetched, write_record
from kbgen.ingest import ingest
from kbgen.markup import render
from kbgen.pages import parse_page
from kbgen.project import Project
from kbgen.webpage import read_webpage, unarchived
from kbgen.websites import _authors
from kbgen.webtitles import Affixes, choose_title, host_keys, key, learn_affixes

FIXTURES = Path(__file__).parent / "fixtures" / "webpages"
TEXT = "<p>" + "Le conseil municipal de Nantes a voté lundi soir un budget en hausse pour les écoles. " * 4 + "</p>"


def page(head: str, body: str = "") -> str:
    return f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">{head}</head><body><article>{body}{TEXT}</article></body></html>'


def ingested(tmp_path: Path) -> dict[str, object]:
    """Ingest the project at `tmp_path`: each page made, by the seed it was made from."""
    report = ingest(Project.load(tmp_path))
    assert [p for p in report.problems if p.severity != "note"] == []
    pages = {}
    for path in report.written + report.unchanged:
        parsed = parse_page(path.read_text("utf-8"))
        pages[str(parsed.meta["source"])] = parsed
    return pages


# --- titles -------------------------------------------------------------------------------------


def test_the_title_candidates_agree_and_the_sites_name_goes():
    titles = [("og", "Le maire répond"), ("h1", "Le maire répond"), ("title", "Le maire répond - Le Courrier")]
    assert choose_title(titles, {key("Le Courrier")}, Affixes(), set()) == ("Le maire répond", None)
    # Without the site's name: what <title> adds to the heading is furniture all the same.
    assert (
        choose_title([("h1", "Le maire répond"), ("title", "Le maire répond | Le Courrier")], set(), Affixes(), set())[
            0
        ]
        == "Le maire répond"
    )


def test_a_logo_heading_is_the_sites_name_not_the_title():
    titles = [("h1", "Banlieue Express"), ("title", "Des jardins dans la cité - Banlieue Express")]
    assert choose_title(titles, set(), Affixes(), set()) == ("Des jardins dans la cité", None)


def test_a_sections_name_is_no_title():
    titles = [
        ("og", "Société - Banlieue Express"),
        ("h1", "Des jardins dans la cité"),
        ("title", "Société - Banlieue Express"),
    ]
    site = {key("Banlieue Express")}
    assert choose_title(titles, site, Affixes(), {key("Société"), key("Sport")})[0] == "Des jardins dans la cité"


def test_a_short_title_a_link_repeats_is_still_the_title_when_nothing_else_is():
    assert (
        choose_title([("h1", "Le budget adopté")], set(), Affixes(), {key("Le budget adopté")})[0] == "Le budget adopté"
    )
    # A title that ends with a year is no date: only a day is furniture.
    assert choose_title([("title", "Les athlètes se préparent - Paris 2024")], set(), Affixes(), set())[0] == (
        "Les athlètes se préparent - Paris 2024"
    )


def test_furniture_repeated_across_a_hosts_titles_is_learnt_dates_included():
    affixes = learn_affixes(
        [["Un sommet à Nairobi | InfoMonde | 23.05.2011"], ["La Grèce obtient un délai | InfoMonde | 30.05.2011"]]
    )
    assert key("InfoMonde") in affixes.suffixes
    title = choose_title([("title", "Élections au Bénin | InfoMonde | 11.04.2011")], set(), affixes, set())[0]
    assert title == "Élections au Bénin"
    prefixes = learn_affixes([["Gazette Togolaise :: Le port"], ["Gazette Togolaise :: Le cacao"]])
    assert (
        choose_title([("title", "Gazette Togolaise :: La filière bois")], set(), prefixes, set())[0]
        == "La filière bois"
    )


def test_a_hosts_name_is_a_sites_name():
    assert host_keys("www.republicoftogo.com") == {"republicoftogo", "republicoftogocom"}
    titles = [("title", "Le port de Lomé s’agrandit - Republicoftogo.com")]
    assert choose_title(titles, host_keys("republicoftogo.com"), Affixes(), set())[0] == "Le port de Lomé s’agrandit"


@pytest.mark.parametrize(
    ("titles", "expected"),
    [
        ([("title", "INTERVIEW. Le maire répond - Le Courrier")], ("Le maire répond", "INTERVIEW")),
        ([("og", "VRAI OU FAUX - Les radars rapportent-ils ?")], ("Les radars rapportent-ils ?", "VRAI OU FAUX")),
        ([("h1", "REPORTAGE"), ("title", "REPORTAGE - Le Courrier")], (None, "REPORTAGE")),
        ([("title", "OTAN : les alliés divisés")], ("OTAN : les alliés divisés", None)),  # a name, not a kicker
        ([("title", "ONU « Nous agirons » - Le Courrier")], ("ONU « Nous agirons »", None)),
        ([("title", "Le maire : « Nous agirons » « Le Courrier")], ("Le maire : « Nous agirons »", None)),
    ],
)
def test_a_kicker_never_stands_alone_as_the_title(titles, expected):
    assert choose_title(titles, {key("Le Courrier")}, Affixes(), set()) == expected


def test_a_kicker_heading_takes_the_heading_after_it():
    read = read_webpage(page("<title>INTERVIEW - Le Courrier</title>", "<h1>INTERVIEW</h1><h2>Le maire répond</h2>"))
    assert choose_title(read.titles, {key("Le Courrier")}, Affixes(), set()) == ("Le maire répond", "INTERVIEW")
    read = read_webpage(page("", '<h1><span class="kicker">VRAI OU FAUX</span> Les radars rapportent</h1>'))
    assert choose_title(read.titles, set(), Affixes(), set()) == ("Les radars rapportent", "VRAI OU FAUX")


# --- dates ----------------------------------------------------------------------------------------

WAYBACK = """<!DOCTYPE html><html><head>
<script src="//archive.org/includes/athena.js"></script>
<script>__wm.wombat("http://example.org/a","19961212091244","https://web.archive.org/","web");</script>
<title>Un article | Le Site | 30.05.2011</title>
<link rel="canonical" href="https://web.archive.org/web/19961212091244/http://example.org/a">
</head><body><!-- BEGIN WAYBACK TOOLBAR INSERT -->
<div id="wm-ipp-base"><td class="y" id="displayYearEl" title="You are here: 09:12:44 Dec 12, 1996">1996</td>
<div>58 captures 12 Dec 1996 - 05 Mar 2024</div></div>
<!-- END WAYBACK TOOLBAR INSERT -->
<article><h1>Un article</h1>{text}</article></body></html>
<!-- FILE ARCHIVED ON 09:12:44 Dec 12, 1996 AND RETRIEVED FROM THE INTERNET ARCHIVE ON 10:00:00 Mar 05, 2024. -->"""


def test_a_web_archives_banner_never_dates_the_page():
    text = WAYBACK.format(text=TEXT)
    assert "wm-ipp" not in unarchived(text) and "FILE ARCHIVED" not in unarchived(text)
    read = read_webpage(text)
    assert read.url == "http://example.org/a"  # the archive's address unwrapped
    assert read.date == "2011-05-30"  # from the <title>'s furniture, not the banner's 1996
    assert not any("1996" in b or "captures" in b for b in read.blocks)


def test_the_update_is_kept_apart_and_a_last_updated_widget_is_not_read():
    head = (
        '<meta property="article:published_time" content="2022-04-02T08:00:00+01:00">'
        '<meta property="article:modified_time" content="2022-04-05T17:12:00+01:00">'
    )
    widget = '<p class="updated">Mis à jour le <time datetime="2022-06-30">30 juin 2022</time></p>'
    read = read_webpage(page(head, widget))
    assert (read.date, read.updated) == ("2022-04-02", "2022-04-05")
    # Only a widget: no metadata date, and the widget's is not taken for one.
    assert read_webpage(page("", widget)).date is None


def test_a_day_in_the_file_name_or_the_address_is_the_fallback(tmp_path):
    write(tmp_path / "seeds/web/2020-02-17-cacao.html", page("<title>La filière cacao</title>"))
    write(tmp_path / "seeds/web/port.html", page('<link rel="canonical" href="https://example.tg/2019/11/08/port">'))
    pages = ingested(tmp_path)
    assert pages["seeds/web/2020-02-17-cacao.html"].meta["date"] == date(2020, 2, 17)
    assert pages["seeds/web/port.html"].meta["date"] == date(2019, 11, 8)
    assert webmeta.date_in("a 23.05.2011 b") == date(2011, 5, 23)


# --- authors --------------------------------------------------------------------------------------


def test_authors_are_names_and_junk_is_left_out():
    clean = webmeta.clean_authors
    assert clean(["Par AFP publié le 12/05/2021; Mis À Jour Le 13/05/2021"], []) == ("AFP",)
    assert clean(["Zone Société"], []) == ()
    assert clean(["Republicoftogo Com"], []) == ()
    assert clean(["Par Karim Benali et Léa Martin"], []) == ("Karim Benali", "Léa Martin")
    assert clean(["Jean de La Fontaine, Le Courrier"], ["Le Courrier"]) == ("Jean de La Fontaine",)


def test_json_ld_authors_come_before_bylines():
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Anne Guillou"}]}</script>'
    read = read_webpage(page(head, '<p class="byline">Par La Rédaction Web</p>'))
    assert read.authors == (("json-ld", "Anne Guillou"), ("byline", "Par La Rédaction Web"))
    assert _authors(read, []) == ("Anne Guillou",)
    # Junk as the best evidence: the next one that names someone.
    junk = read_webpage(page('<meta name="author" content="Zone Société">', '<p class="byline">Par Léa Martin</p>'))
    assert _authors(junk, []) == ("Léa Martin",)


# --- boilerplate ----------------------------------------------------------------------------------


def test_paragraphs_repeated_across_a_sites_pages_are_boilerplate():
    pages = {
        n: [
            f"Article {n}: {word} à Nantes, un texte qui lui est propre.",
            "Abonnez-vous pour 1 € par mois !",
            f"Lire aussi : [Titre {n}](https://x.example/{n})",
        ]
        for n, word in enumerate(["grue", "école", "vélo", "tram"])
    }
    found = find_boilerplate(pages)
    assert found == {n: {1, 2} for n in range(4)}
    assert normalise("Publié le **3 mai**") == normalise("publié le 12 juin".replace("juin", "mai"))


def test_a_few_pages_need_most_of_them_and_a_story_saved_twice_keeps_its_text():
    assert [min_pages(n) for n in (1, 2, 3, 4, 50)] == [2, 2, 2, 3, 3]
    story = ["Premier paragraphe de l’article.", "Deuxième paragraphe.", "Troisième paragraphe.", "Quatrième."]
    assert find_boilerplate({"a": story, "b": [*story, "Mise à jour : un cinquième."]}) == {"a": set(), "b": set()}
    kept = remove_boilerplate({"site": {"a": ["Un texte.", "Partager"], "b": ["Un autre texte.", "Partager"]}})
    assert kept == {"a": ["Un texte."], "b": ["Un autre texte."]}


def test_links_under_a_repeated_heading_go_with_it():
    pages = {
        n: [f"Le texte {n}.", "## À lire aussi", f"- [Un titre {n}](https://x.example/{n})", f"Fin {n}, sans lien."]
        for n in "abc"
    }
    assert find_boilerplate(pages) == {n: {1, 2} for n in "abc"}


def test_a_sites_boilerplate_leaves_its_pages(tmp_path):
    shutil.copytree(FIXTURES / "journal", tmp_path / "seeds/journal")
    pages = ingested(tmp_path)
    assert len(pages) == 3
    for parsed in pages.values():
        assert "abonnez-vous" not in parsed.body.casefold() and "cookies" not in parsed.body
        assert parsed.meta["site_name"] == "Le Journal de l’Ouest"
        assert "|" not in parsed.meta["title"]
        assert parsed.meta["author"] == "Jeanne Moreau"
    assert pages["seeds/journal/grue.html"].meta["title"] == "Une grue s’effondre sur un chantier de Nantes"


# --- the cache ------------------------------------------------------------------------------------


def test_a_second_ingest_extracts_nothing(tmp_path, monkeypatch):
    import trafilatura

    shutil.copytree(FIXTURES / "journal", tmp_path / "seeds/journal")
    calls = []
    extract = trafilatura.extract
    monkeypatch.setattr(trafilatura, "extract", lambda *a, **k: calls.append(1) or extract(*a, **k))
    first = ingested(tmp_path)
    assert len(calls) == 3
    assert ingested(tmp_path) == first and len(calls) == 3  # every page from the cache
    (tmp_path / "seeds/journal/velo.html").write_text(page("<title>Autre</title>"), "utf-8")
    ingested(tmp_path)
    assert len(calls) == 4  # the changed page alone


# --- end to end -----------------------------------------------------------------------------------


def test_the_article_links_to_its_original(golden_project):
    seed = golden_project / "seeds/web/maire.html"
    write(
        seed,
        page(
            '<title>Le maire répond - Le Courrier</title><meta property="og:site_name" content="Le Courrier">',
            "<h1>Le maire répond</h1>",
        ),
    )
    write_record(
        seed, Fetched("https://courrier.example/maire", "https://www.courrier.example/maire", "2026-12-05T23:59:29Z")
    )
    build(golden_project, golden_project / "_site")
    made = parse_page((golden_project / "content/articles/le-maire-repond.md").read_text("utf-8"))
    assert made.meta["original_url"] == "https://courrier.example/maire"  # the record's, first
    html = (golden_project / "_site/articles/le-maire-repond.html").read_text("utf-8")
    assert '<a href="https://courrier.example/maire" rel="external">Lire l’original sur Le Courrier</a>' in html


# --- messy pages ----------------------------------------------------------------------------------

TAGS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<h1>",
        "</h1>",
        "<title>",
        "<meta property='og:title' content='",
        "<a href='",
        "'>",
        "<blockquote class='twitter-tweet'>",
        "<div role='byline' id='credit'>",
        "<p><span class='author'>",
        "</div>",
        "<script>",
        "<!--",
        "-->",
        "<![CDATA[",
        "&amp;",
        "&#0;",
        "<html",
        "<?xml version='1.0' encoding='utf-8'?>",
        "\x00",
        "\ud800",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(TAGS, st.text(max_size=30)), max_size=25))
def test_messy_html_never_crashes_ingest(tmp_path_factory, parts):
    root = tmp_path_factory.mktemp("messy")
    (root / "seeds").mkdir()
    (root / "seeds/page.html").write_bytes("".join(parts).encode("utf-8", "surrogatepass"))
    report = ingest(Project.load(root))  # never raises
    assert len(report.written) + len([p for p in report.problems if p.severity != "note"]) == 1
    for problem in report.problems:  # a page left out says which, and why
        assert str(problem).startswith("seeds/page.html: ")


def test_a_paragraph_that_only_points_elsewhere_is_boilerplate_even_alone():
    from kbgen.boilerplate import is_cross_reference

    assert is_cross_reference(
        "**Lire aussi :** [Le budget voté](https://x.example/a) et [Le vote](https://x.example/b)"
    )
    assert is_cross_reference("- [Un autre article](https://x.example/c)")
    assert not is_cross_reference("Le maire, [Jean Dupont](https://x.example/d), a répondu : non.")
    assert find_boilerplate({"seul": ["Un texte.", "Lire aussi : [Autre](https://x.example/e)"]}) == {"seul": {1}}


@given(
    st.lists(
        st.sampled_from(["Caen : le Stade Malherbe relégué", "Tennis : Sinner « déçu mais fier »", "Le budget voté"]),
        min_size=2,
        max_size=4,
    ),
    st.sampled_from(["Lire aussi", "À lire aussi", "LIRE AUSSI"]),
)
def test_lines_that_each_point_elsewhere_are_boilerplate_together_but_not_with_a_sentence(headlines, lead_in):
    from kbgen.lang import profile

    references = profile("fr").cross_references
    listed = "\n".join(f"{lead_in} : {headline}" for headline in headlines)
    sentence = "Le maire a répondu aux questions des habitants pendant deux heures jeudi soir."
    pages = {"seul": [sentence, listed, f"{listed}\n{sentence}", f"{sentence}\n{sentence}"]}
    assert find_boilerplate(pages, references) == {"seul": {1}}


def test_a_time_after_the_heading_dates_a_page_without_metadata_but_not_an_update():
    dated = read_webpage(page("", '<h1>Un titre</h1><p>Publié le <time datetime="2021-03-04">4 mars</time></p>'))
    assert dated.date == "2021-03-04"
    widget = '<h1>Un titre</h1><p class="date-update">Mis à jour le <time datetime="2021-03-06">6 mars</time></p>'
    assert read_webpage(page("", widget)).date is None


def test_the_body_is_safe_markdown(tmp_path):
    body = (
        "<h1>Un titre</h1><p>Le texte dit &lt;img src=x onerror=alert(1)&gt; et cite "
        '<a href="javascript:alert(1)">un lien piégé</a>, <a href="/relatif">un lien relatif</a>, '
        '<img src="x.jpg" alt="une image"> et <em>insiste</em>. ' + "Une phrase de plus pour la longueur. " * 8 + "</p>"
        "<h2>Une partie</h2><ul><li>Un point</li><li>Un autre point</li></ul>"
        "<blockquote><p>Nous n’avons pas le choix, a dit la maire devant le conseil.</p></blockquote>"
    )
    write(tmp_path / "seeds/a.html", page('<link rel="canonical" href="https://example.org/a/b.html">', body))
    [parsed] = ingested(tmp_path).values()
    html = render(parsed.body).html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "<img" not in html  # text, not markup
    assert "javascript:" not in html and "un lien piégé" in html
    assert '<a href="https://example.org/relatif"' in html  # made absolute, from the page's address
    assert "<img" not in html and "<h2>Une partie</h2>" in html and "<li>Un point</li>" in html
    assert "<em>insiste</em>" in html
    assert "<blockquote>\n<p>Nous n’avons pas le choix" in html


def test_a_broken_download_record_is_a_warning_and_the_page_is_read(tmp_path):
    write(
        tmp_path / "seeds/web/a.html", page('<link rel="canonical" href="https://example.org/a">', "<h1>Un titre</h1>")
    )
    (tmp_path / "seeds/web/a.html.fetch.json").write_text("{", "utf-8")
    report = ingest(Project.load(tmp_path))
    [problem] = report.problems
    assert str(problem).startswith("seeds/web/a.html: warning: a.html.fetch.json is not a kbgen download record")
    [made] = report.written
    assert parse_page(made.read_text("utf-8")).meta["original_url"] == "https://example.org/a"


def test_a_page_that_cannot_be_read_is_not_tried_again(tmp_path, monkeypatch):
    import kbgen.websites

    write(tmp_path / "seeds/web/a.html", page("<title>Un titre</title>"))
    calls = []

    def failing(text):
        calls.append(text)
        raise RuntimeError("boom")

    monkeypatch.setattr(kbgen.websites, "read_webpage", failing)
    for _ in range(2):
        [problem] = ingest(Project.load(tmp_path)).problems
        assert str(problem).startswith(
            "seeds/web/a.html: warning: could not be read as a web page (RuntimeError: boom)"
        )
    assert len(calls) == 1


# --- furniture marked by the markup -------------------------------------------------------------

TWEET = (
    '<blockquote class="twitter-tweet"><p lang="fr">QUELLE SOIRÉE ! <a href="https://t.co/a">pic.twitter.com/a</a></p>'
    '&mdash; Un Club (@unclub) <a href="https://twitter.com/unclub/status/1">March 16, 2025</a></blockquote>'
)


@pytest.mark.parametrize(
    "furniture",
    [
        '<p class="signature">Par Léa Fontaine | Le 10 avril 2025 à 11h20 | Lecture 4 min.</p>',
        '<div class="article__byline"><span>Par</span> <a href="/auteur/x">Jean Martin</a>, à Rennes</div>',
        '<p id="photo-credit">Photo : Yann Briand / AFP</p>',
        '<ul role="social-share"><li>Partager sur Facebook</li><li>Envoyer</li></ul>',
        '<div class="related-links"><p>Lire aussi : Le budget des écoles voté à Rennes</p></div>',
        TWEET,
        '<blockquote class="instagram-media">' + "Un long message sur la soirée de la veille. " * 20 + "</blockquote>",
    ],
)
def test_furniture_the_markup_marks_leaves_the_article(furniture):
    blocks = read_webpage(page("<title>Budget</title>", furniture)).blocks
    assert blocks and all("conseil municipal" in b for b in blocks), blocks


def test_the_articles_own_text_stays_whatever_its_markup_says():
    inline = (
        '<p>Le texte de <span class="tweet">Victor Hugo</span> a été lu au conseil, <em class="credit">dit-on</em>.</p>'
    )
    quote = (
        "<blockquote><p>« Nous tiendrons le budget », a promis la maire de Nantes devant le conseil.</p></blockquote>"
    )
    long_text = "La commission des affaires sociales de Nantes a rendu son avis sur les cantines. " * 4
    long_marked = f'<div class="credit-union"><p>{long_text}</p></div>'
    blocks = "\n".join(read_webpage(page("<title>Budget</title>", inline + quote + long_marked)).blocks)
    assert "Le texte de Victor Hugo a été lu au conseil, *dit-on*." in blocks
    assert "Nous tiendrons le budget" in blocks
    assert "commission des affaires sociales" in blocks


def test_a_line_the_languages_lead_in_opens_points_elsewhere_even_without_a_link():
    from kbgen.boilerplate import is_cross_reference
    from kbgen.lang import profile

    lead_ins = frozenset({"lire aussi", "à lire aussi"})  # normalised (boilerplate.normalise)
    assert is_cross_reference("Lire aussi : Droits de douane, ce que risquent les viticulteurs", lead_ins)
    assert is_cross_reference("**Lire aussi :** Le budget voté à Rennes", lead_ins)
    assert not is_cross_reference("Lire aussi : Le budget voté à Rennes", frozenset())  # another language's
    assert not is_cross_reference("Lire aussi ce que le maire a dit lundi soir au conseil.", lead_ins)  # no colon
    assert not is_cross_reference("Selon lui : le budget sera voté à Rennes lundi.", lead_ins)
    assert not is_cross_reference("Lire aussi : le budget.\nLe conseil a voté lundi.", lead_ins)  # two lines
    assert not is_cross_reference("Lire aussi : " + "un mot de plus " * 10, lead_ins)  # a paragraph's length
    pages = {"seul": ["Un texte.", "À lire aussi : La grève à la SNCF", "Fin du texte."]}
    assert find_boilerplate(pages, profile("fr").cross_references) == {"seul": {1}}
    assert find_boilerplate(pages, profile("en").cross_references) == {"seul": set()}


@given(
    heading=st.sampled_from(["À LIRE AUSSI", "À lire aussi :", "Sur le même sujet", "**Lire aussi**"]),
    headlines=st.lists(
        st.lists(
            st.sampled_from(["Budget", ":", "Éric", "Girard", "promet", "l'équilibre", "à", "Québec"]),
            min_size=1,
            max_size=12,
        ).map(lambda words: " ".join(["Budget", *words])),
        min_size=1,
        max_size=5,
    ),
    dash=st.sampled_from(["", "- ", "• "]),
)
def test_headlines_under_a_lead_in_alone_point_elsewhere(heading, headlines, dash):
    from kbgen.boilerplate import is_cross_reference
    from kbgen.lang import profile

    lead_ins = frozenset(normalise(words) for words in profile("fr").cross_references)
    paragraph = "\n".join([heading, *(dash + line for line in headlines)])
    assert is_cross_reference(paragraph, lead_ins)
    # the same lines under a heading of the article's own, or with a paragraph's length, are text
    assert not is_cross_reference("\n".join(["Ottawa en embuscade", *headlines]), lead_ins)
    assert not is_cross_reference("\n".join([heading, "Le conseil a voté lundi " * 8]), lead_ins)
