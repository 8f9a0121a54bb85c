"""Plain-text seeds read as news articles (kbgen.plaintext): the title whatever ends it, the
kicker above it, datelines at the start or end (date, time, update), the file name's date, and
dates that are not datelines."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from conftest import write
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kbgen.build import build
from kbgen.check import check_site
from kbgen.dates import When, date_in_name
from kbgen.ingest import clean_paragraphs
from kbgen.lang import profile
from kbgen.pages import parse_page
from kbgen.plaintext import PlainText, read_plain_text
from kbgen.project import Project
from kbgen.titles import infer_title, readable_title

TODAY = dt.date(2024, 12, 1)
BODY = "Le conseil municipal s'est réuni jeudi soir à Lyon.\n\nIl a voté le budget de l'année."


def read(text: str, name: str = "texte.txt", lang: str = "fr") -> PlainText:
    return read_plain_text(clean_paragraphs(text), name, profile(lang).dates, TODAY)


def day(text: str, name: str = "texte.txt") -> str | None:
    when = read(text, name).when
    return when.iso() if when else None


# --- titles and kickers ---------------------------------------------------------------------


def test_a_first_line_is_the_title_whatever_punctuation_ends_it():
    for title in (
        "Faut-il avoir peur de l'IA ?",
        "Le ministre : « Nous ne céderons pas »",
        'Le patron au Sénat : "Nous ne sommes pas des profiteurs"',
        "Un boulanger du 14e sacré !",
        "Et si la semaine de quatre jours devenait la norme…",
    ):
        read_text = read(f"{title}\n\n{BODY}")
        assert (read_text.title, read_text.kicker) == (title, None)
        assert read_text.paragraphs == clean_paragraphs(BODY)


def test_a_long_title_line_is_kept_whole():
    title = "Budget : où vont les 312 millions d'euros votés jeudi soir par les élus de la communauté d'agglomération ?"
    assert len(title) > 80
    assert read(f"{title}\n\n{BODY}").title == title


def test_a_short_line_in_capitals_above_the_title_is_its_kicker():
    for kicker, written in (
        ("INTERVIEW", "INTERVIEW"),
        ("VRAI OU FAUX", "VRAI OU FAUX"),
        ("TÉMOIGNAGES", "TÉMOIGNAGES"),
        ("EXCLUSIF", "EXCLUSIF :"),
    ):
        for between in ("\n", "\n\n"):
            read_text = read(f"{written}{between}Les éoliennes font-elles fuir les poissons ?\n\n{BODY}")
            assert (read_text.kicker, read_text.title) == (kicker, "Les éoliennes font-elles fuir les poissons ?")
            assert read_text.paragraphs == clean_paragraphs(BODY)


def test_a_capitals_title_with_no_title_under_it_stays_the_title():
    read_text = read(f"LE LOUP ATTAQUE DANS LE VERCORS\n\n{BODY}")
    assert (read_text.kicker, read_text.title) == (None, "LE LOUP ATTAQUE DANS LE VERCORS")
    # A capitals line over a sentence (a lede or the body) is no kicker: the title is not a sentence.
    read_text = read("ALERTE\n\nLe conseil municipal s'est réuni jeudi soir.\n\nIl a voté.")
    assert (read_text.kicker, read_text.title) == (None, "ALERTE")


def test_a_sentence_or_a_wrapped_paragraph_is_no_title():
    assert read(BODY).title is None
    wrapped = "Les habitants de Saint-Malo ont découvert mercredi une digue\nfortement endommagée par les marées.\n"
    assert read(wrapped + "\nLa mairie a fermé la promenade.").title is None
    assert infer_title(wrapped) == "Les habitants de Saint-Malo ont découvert mercredi une digue fortement…"
    assert read("Seule ligne sans point").title is None  # nothing after it: the text itself


def test_the_first_sentence_is_never_cut_inside_a_word():
    long_word = "Anticonstitutionnellement" * 5
    assert infer_title(long_word + " encore.") == long_word + "…"
    title = infer_title("mot " * 40)
    assert title and title.endswith("mot…") and len(title) <= 81


# --- datelines ------------------------------------------------------------------------------


def test_numeric_datelines_with_a_place_and_an_agency():
    assert day(f"Titre\n\n07/12/2018 22:18:13 - Paris (AFP)\n\n{BODY}") == "2018-12-07T22:18:13"
    assert day(f"Titre\n\n14.12.2018 09:30 - Strasbourg (AFP)\n\n{BODY}") == "2018-12-14T09:30:00"
    assert day(f"Titre\n\n2018-12-15 - Katowice (AFP)\n\n{BODY}") == "2018-12-15"
    assert day(f"Titre\n\nParis (AFP), 07/12/2018\n\n{BODY}") == "2018-12-07"
    # Day first in French: 07/12 is the 7th of December; 12/25 can only be the other way.
    assert day(f"Titre\n\n12/25/2018\n\n{BODY}") == "2018-12-25"


def test_a_pure_dateline_line_is_removed_and_a_dateline_opening_a_paragraph_is_kept():
    read_text = read(f"Titre\n\n07/12/2018 22:18:13 - Paris (AFP)\n\n{BODY}")
    assert read_text.paragraphs == clean_paragraphs(BODY)
    opening = "10/12/2018 16:45 - Londres (AFP) - La Première ministre a reporté le vote."
    read_text = read(f"Titre\n\n{opening}\n\nSuite.")
    assert read_text.when == When(dt.date(2018, 12, 10), dt.time(16, 45))
    assert read_text.paragraphs == [opening, "Suite."]
    read_text = read(f"Titre\n\nBORDEAUX, 28 août 2023 (AFP) - Les vendanges commencent.\n\n{BODY}")
    assert read_text.when == When(dt.date(2023, 8, 28))


def test_with_no_title_line_the_title_is_the_first_sentence_after_the_dateline():
    text = "10/12/2018 16:45 - Londres (AFP) - La Première ministre a reporté le vote. Suite.\n\nFin."
    assert read(text).title == "La Première ministre a reporté le vote"
    assert read("BORDEAUX, 28 août 2023 (AFP) - Les vendanges commencent.\n\nFin.").title == "Les vendanges commencent"
    assert read("Publié le 5 mars 2024 à 10h, par la rédaction. Le conseil a voté.\n\nFin.").title is None


def test_written_datelines_and_their_time():
    assert day(f"Titre\n\nPublié le 5 mars 2024 à 10h32\n\n{BODY}") == "2024-03-05T10:32:00"
    assert day(f"Titre\n\nPublié le 05/03/2024 à 10:32\n\n{BODY}") == "2024-03-05T10:32:00"
    assert day(f"Titre\n\nLundi 5 mars 2024\n\n{BODY}") == "2024-03-05"
    assert day(f"Titre\n\nPar Marie Durand, le 1er avril 2024\n\n{BODY}") == "2024-04-01"
    assert day(f"Titre\n\nPUBLIÉ LE VENDREDI 16 FÉVRIER 2024 À 21 H 05\n\n{BODY}") == "2024-02-16T21:05:00"
    assert day(f"Titre\n\nle 3 déc. 2023, 18:30\n\n{BODY}") == "2023-12-03T18:30:00"


def test_a_date_set_apart_by_bars_or_dashes_dates_the_text_and_its_line_stays():
    read_text = read(f"Titre\n\nPar la rédaction | 22 mai 2024 | Lecture 3 min\n\n{BODY}")
    assert read_text.when == When(dt.date(2024, 5, 22))
    assert read_text.paragraphs[0] == "Par la rédaction | 22 mai 2024 | Lecture 3 min"
    assert day(f"Titre\n\n{BODY}\n\nAvec la rédaction sportive — 3 juin 2024") == "2024-06-03"
    assert day("Titre\n\nLe 5 mars 2024 (jour du vote), le conseil a voté.\n\nFin.") is None


def test_an_update_gives_updated_not_the_date():
    read_text = read(f"Titre\n\nMis à jour le 6 mars 2024 à 08h15\n\n{BODY}")
    assert (read_text.when, read_text.updated) == (None, When(dt.date(2024, 3, 6), dt.time(8, 15)))
    both = "Publié le 5 mars 2024 à 10h32, mis à jour le 6 mars 2024 à 8h"
    read_text = read(f"Titre\n\n{both}\n\n{BODY}")
    assert read_text.when == When(dt.date(2024, 3, 5), dt.time(10, 32))
    assert read_text.updated == When(dt.date(2024, 3, 6), dt.time(8, 0))
    assert read_text.paragraphs == clean_paragraphs(BODY)
    read_text = read(f"Titre\n\nMis à jour le 6 mars 2024\nPublié le 5 mars 2024\n\n{BODY}")
    assert (read_text.when.date, read_text.updated.date) == (dt.date(2024, 3, 5), dt.date(2024, 3, 6))


def test_a_dateline_at_the_end():
    read_text = read(f"Titre\n\n{BODY}\n\nPublié le 21 juin 2024\n\n© Le Site 2024. Tous droits réservés.")
    assert read_text.when == When(dt.date(2024, 6, 21))
    assert read_text.paragraphs == clean_paragraphs(BODY)  # the copyright line is no text (kbgen.plain_furniture)
    assert day(f"Titre\n\n{BODY}\n\nMardi 12 mars 2024, 18:30") == "2024-03-12T18:30:00"


def test_a_date_inside_a_sentence_is_not_the_articles():
    assert day("Titre\n\nLe 7 janvier 2015, deux hommes armés entraient dans les locaux.\n\nSuite.") is None
    assert day("Titre\n\nLes juges rendront leur jugement le 31 mars 2024, a dit la présidente.\n\nFin.") is None
    assert day(f"Titre\n\n{BODY}\n\nL'audience est fixée au 12 juin 2024.") is None
    assert day(f"Titre\n\n{BODY}\n\nLa mise en service était prévue le 01/09/2024.") is None
    middle = f"Titre\n\n{BODY}\n\nUn.\n\nDeux.\n\nTrois.\n\n5 mars 2024\n\nTrois.\n\nQuatre.\n\nCinq.\n\nSix.\n\nSept."
    assert day(middle) is None  # a dateline in the middle of the text is not looked for
    assert day(f"Titre\n\nLe 5 mars 2024, 3 hommes ont été arrêtés.\n\n{BODY}") is None


def test_impossible_far_future_and_old_dates_are_no_datelines():
    assert day(f"Titre\n\nPublié le 14 avril 2099\n\n{BODY}") is None
    assert day(f"Titre\n\nle 3 mai 1750\n\n{BODY}") is None
    assert day(f"Titre\n\n31/02/2024 - Paris (AFP)\n\n{BODY}") is None
    assert day(f"Titre\n\n07/12/2018 25:61 - Paris (AFP)\n\n{BODY}") is None
    read_text = read(f"Titre\n\nle 3 mai 1750\n\n{BODY}")
    assert read_text.paragraphs[0] == "le 3 mai 1750"  # kept: it is no dateline


def test_the_file_names_date_when_the_text_has_none():
    assert day(BODY, "2024-03-05-greve.txt") == "2024-03-05"
    assert day(BODY, "depeche_2023_11_20_inondations.txt") == "2023-11-20"
    assert day(BODY, "article-20190314-climat.txt") == "2019-03-14"
    assert day(BODY, "dossier-12345678.txt") is None
    assert day(BODY, "2099-01-01-futur.txt") is None
    assert day(f"Titre\n\nPublié le 5 mars 2024\n\n{BODY}", "2020-01-01-x.txt") == "2024-03-05"
    assert date_in_name("2024-03-05T08:30-titre") == When(dt.date(2024, 3, 5), dt.time(8, 30))


def test_english_datelines_come_from_the_english_profile():
    read_text = read(f"Title\n\nPublished Monday, March 5, 2024 at 10:32 pm\nUpdated 6 March 2024\n\n{BODY}", lang="en")
    assert read_text.when == When(dt.date(2024, 3, 5), dt.time(22, 32))
    assert read_text.updated == When(dt.date(2024, 3, 6))
    assert day(f"Titre\n\n03/05/2024 - Paris (AFP)\n\n{BODY}") == "2024-05-03"  # French: day first


# --- anything at all ------------------------------------------------------------------------

PIECES = st.sampled_from(
    ["", " ", "\n", "\n\n", "...", "…", "—", "«", "»", '"', "?", "!", ".", ",", ":", "(", ")", "-", "/", "\\"]
    + ["INTERVIEW", "VRAI OU FAUX", "É", "mot", "Titre", "Publié le", "Mis à jour le", "le", "Lundi", "mars", "h"]
    + ["07/12/2018", "2018-12-07", "22:18:13", "10h32", "31/02/2024", "(AFP)", "Paris", "1er", "2099"]
)
TEXT = st.lists(PIECES | st.text(max_size=6) | st.from_regex(r"[0-9/.: -]{1,12}", fullmatch=True), max_size=30).map(
    "".join
)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(["x.txt", "2024-03-05.txt", "a_20240305_b.txt", "9999-99-99.txt"]))
@example("0000000000\n...", "x.txt")  # a phone number, then punctuation: no word left but furniture
def test_any_text_reads_without_error_and_has_a_title(text, name):
    paragraphs = clean_paragraphs(text)
    if not paragraphs:
        return
    read_text = read_plain_text(paragraphs, name, profile("fr").dates, TODAY)
    assert read_text.paragraphs, "a text never loses all its paragraphs"
    body = "\n\n".join(read_text.paragraphs)
    title = readable_title(read_text.title or "") or infer_title(body)
    # A text with words keeps one in its title, unless all of them were furniture (a contact
    # line: '0000000000' is a phone number), where ingest names the article after its file.
    if re.search(r"[^\W_]", "\n".join(filter(None, (read_text.title, read_text.kicker, body)))):
        assert title and re.search(r"[^\W_]", title), (text, read_text)
    if read_text.kicker:
        assert read_text.title, "a kicker is never alone: there is a title under it"
    for when in (read_text.when, read_text.updated):
        assert when is None or (1800 <= when.date.year and when.date <= TODAY + dt.timedelta(days=31))


# --- bylines and credits ---------------------------------------------------------------------

NAMES = st.sampled_from(["Clara Moulin", "Jean-Luc Courcoult", "Christophe Raynaud de Lage", "AFP", "Marie Le Goff"])


@settings(max_examples=60, deadline=None)
@given(NAMES, st.sampled_from(["Par ", "par ", "PAR ", "Par : ", "Propos recueillis par ", "Texte : "]), st.booleans())
def test_a_byline_at_the_top_or_the_end_names_the_author_and_leaves_the_text(name, cue, at_end):
    byline = f"{cue}{name}"
    text = f"Titre\n\n{BODY}\n\n{byline}" if at_end else f"Titre\n\n{byline}\n\n{BODY}"
    read_text = read(text)
    assert (read_text.author, read_text.paragraphs) == (name, clean_paragraphs(BODY))


@settings(max_examples=60, deadline=None)
@given(NAMES, st.sampled_from(["Crédit photo : ", "Photo : ", "Crédits photo: ", "Illustration : "]), st.integers(0, 8))
def test_a_credit_line_anywhere_is_no_text_and_names_no_author(name, cue, where):
    paragraphs = [f"Paragraphe {n} du récit, qui continue." for n in range(9)]
    paragraphs.insert(where, f"{cue}{name} / AFP")
    read_text = read("Titre\n\n" + "\n\n".join(paragraphs))
    assert read_text.author is None and not any(name in p for p in read_text.paragraphs)


@pytest.mark.parametrize(
    "line", ["Illustration : Bertrand Olivo pour Méridiens", "Photo : Anne Vasseur pour Le Clairon"]
)
def test_a_credit_that_names_the_outlet_it_was_made_for_is_no_text(line):
    read_text = read(f"Titre\n\n{line}\n\n{BODY}")
    assert read_text.paragraphs == clean_paragraphs(BODY)


def test_a_sentence_a_name_or_a_byline_in_the_middle_stays():
    middle = "\n\n".join(f"Paragraphe {n}." for n in range(6))
    for line in (
        "Par ailleurs, Clara Moulin a démissionné.",  # a sentence: words in lower case
        "Par Clara Moulin, la mairie a été informée de la décision du conseil municipal.",
        "Crédit Agricole",  # a name: no colon after the cue
        "Photo de famille",
        "Par la rédaction",
    ):
        read_text = read(f"Titre\n\n{line}\n\n{BODY}")
        assert read_text.paragraphs[0] == line and read_text.author is None, line
    read_text = read(f"Titre\n\n{middle}\n\nPar Clara Moulin\n\n{middle}")
    assert "Par Clara Moulin" in read_text.paragraphs and read_text.author is None
    assert read("Titre\n\nPar Clara Moulin").paragraphs == ["Par Clara Moulin"]  # never all the text


# --- through ingest and a build -------------------------------------------------------------

SEED = """\
REPORTAGE
À Lyon, Marie Dupont face à « la pire saison depuis vingt ans » ?

07/12/2018 22:18:13 - Lyon (AFP)

Marie Dupont a rencontré mardi à Lyon les représentants de l'OTAN.

Jean Martin, maire de Lyon, a salué l'initiative.

Mis à jour le 8 décembre 2018 à 09h00
"""


def test_a_text_seed_with_a_kicker_and_a_dateline_makes_a_page_that_builds(golden_project):
    write(golden_project / "seeds/reportage.txt", SEED)
    out = golden_project / "_site"
    build(golden_project, out)
    pages = {
        parse_page(p.read_text("utf-8")).meta.get("source"): p
        for p in (golden_project / "content/articles").glob("*.md")
    }
    page = parse_page(pages["seeds/reportage.txt"].read_text("utf-8"))
    assert page.meta["title"] == "À Lyon, Marie Dupont face à « la pire saison depuis vingt ans » ?"
    assert page.meta["kicker"] == "REPORTAGE"
    assert page.meta["date"] == dt.datetime(2018, 12, 7, 22, 18, 13)
    assert page.meta["updated"] == dt.datetime(2018, 12, 8, 9, 0)
    assert "07/12/2018" not in page.body and "Mis à jour" not in page.body
    slug = pages["seeds/reportage.txt"].stem
    html = (out / f"articles/{slug}.html").read_text("utf-8")
    assert html.index('<p class="kicker">REPORTAGE</p>') < html.index("<h1")
    assert 'datetime="2018-12-07T22:18:13"' in html
    rows = {r["slug"]: r for r in json.loads((out / "api/articles.json").read_text("utf-8"))}
    assert rows[slug]["kicker"] == "REPORTAGE" and rows[slug]["date"] == "2018-12-07"
    assert check_site(out) == []
    assert Project.load(golden_project).config.lang == "fr"


def test_a_footer_repeated_under_a_folders_texts_is_left_out_but_their_datelines_stay(tmp_path):
    """The footer every text of one folder carries is boilerplate; agency datelines, alike once
    digits are set aside, are read before and date each text; a sentence shared by two texts
    of a larger folder (a quote) stays."""
    from kbgen.ingest import ingest

    footer = "Retrouvez nos émissions sur notre application mobile et sur le site de la radio."
    quote = "« Nous ne céderons pas », a répété le porte-parole devant la presse."
    stories = {
        "Un train bloqué à Dijon": "Les voyageurs ont attendu trois heures en gare.",
        "Des vignes gelées en Bourgogne": "Les viticulteurs craignent une récolte maigre.",
        "Un pont fermé à Mâcon": "La circulation est déviée par le centre-ville.",
        "La foire de Beaune": "Les exposants attendent des milliers de visiteurs.",
    }
    for day, (title, story) in enumerate(stories.items(), start=1):
        shared = f"{quote}\n\n" if day <= 2 else ""
        text = f"{title}\n\n0{day}/03/2024 10:1{day} - Dijon (AFP)\n\n{story}\n\n{shared}{footer}\n"
        write(tmp_path / f"seeds/radio/texte-{day}.txt", text)
    write(tmp_path / "seeds/autre/seul.txt", f"Un texte seul\n\nSon récit.\n\n{footer}\n")
    report = ingest(Project.load(tmp_path))
    pages = {parse_page(p.read_text("utf-8")).meta["source"]: parse_page(p.read_text("utf-8")) for p in report.written}
    for day in range(1, 5):
        page = pages[f"seeds/radio/texte-{day}.txt"]
        assert footer not in page.body and list(stories.values())[day - 1] in page.body
        assert page.meta["date"] == dt.datetime(2024, 3, day, 10, 10 + day)
    assert "Nous ne céderons pas" in pages["seeds/radio/texte-1.txt"].body
    assert footer in pages["seeds/autre/seul.txt"].body  # one text alone teaches nothing


def test_credits_a_posts_signature_and_a_read_also_line_leave_even_a_texts_only_page(tmp_path):
    """A credit line (a copyright sign), an embedded post's signature or a line the language's
    lead-in opens ('Lire aussi :') is furniture on any page; a sentence about a copyright, a
    quoted post's sentence and a list item stay."""
    from kbgen.ingest import ingest

    kept = [
        "Le tribunal a jugé que la photo © AFP reprise sans accord par le journal était une contrefaçon.",
        "— Le président (@EmmanuelMacron) a déclaré que la réforme serait votée.",
        "- Marie (@marie) 12 mars",
    ]
    furniture = [
        "© 2025 AFP",
        "Rennes (AFP) - © 2018 AFP",
        "— Stade Rennais F.C. (@staderennais) March 16, 2025",
        "Lire aussi : Droits de douane, ce que risquent les viticulteurs de Bordeaux",
    ]
    body = "\n\n".join(kept[:1] + furniture[:1] + kept[1:] + furniture[1:])
    write(tmp_path / "seeds/seul.txt", f"Un texte seul\n\nSon récit commence ici.\n\n{body}\n")
    report = ingest(Project.load(tmp_path))
    page = parse_page(report.written[0].read_text("utf-8"))
    for line in kept:
        assert line.lstrip("- ") in page.body.replace("\\", "")
    assert page.body.count("©") == 1 and "2018" not in page.body and "staderennais" not in page.body
    assert "Bordeaux" not in page.body
