"""Reading one article: front matter of every kind, dates, titles, metadata and file names,
messy input included. Anything in a file gives an Article with a title, or a BuildError naming
the file; never another exception."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import write
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kbgen.article_files import name_of
from kbgen.articles import Article, load_article, read_articles
from kbgen.dates import ACCEPTED, When, parse_when, split_filename_date
from kbgen.errors import BuildError
from kbgen.metadata import one_edit_apart
from kbgen.pages import parse_page
from kbgen.project import Project

PLUS_TWO = dt.timezone(dt.timedelta(hours=2))
MINUS_EIGHT = dt.timezone(dt.timedelta(hours=-8))


@pytest.mark.parametrize(
    "text, day, time",
    [
        ("2024-03-05", dt.date(2024, 3, 5), None),
        ("2024-03-05 08:30", dt.date(2024, 3, 5), dt.time(8, 30)),
        ("2024-03-05T08:30", dt.date(2024, 3, 5), dt.time(8, 30)),
        ("2024-03-05 08:30:15", dt.date(2024, 3, 5), dt.time(8, 30, 15)),
        ("2024-03-05T08:30:15.250Z", dt.date(2024, 3, 5), dt.time(8, 30, 15, 250000, tzinfo=dt.UTC)),
        ("2024-03-05 08:30:00 +0200", dt.date(2024, 3, 5), dt.time(8, 30, tzinfo=PLUS_TWO)),
        ("2024-03-05 08:30 +02:00", dt.date(2024, 3, 5), dt.time(8, 30, tzinfo=PLUS_TWO)),
        ("2024-03-05T08:30:00+02", dt.date(2024, 3, 5), dt.time(8, 30, tzinfo=PLUS_TWO)),
        ("2024-02-02T04:14:54-08:00", dt.date(2024, 2, 2), dt.time(4, 14, 54, tzinfo=MINUS_EIGHT)),
        (" 2024-3-5 ", dt.date(2024, 3, 5), None),
        ("2010/12/03 10:20", dt.date(2010, 12, 3), dt.time(10, 20)),  # Pelican's slashes
        ("Tue, 05 Mar 2024 08:30:00 +0200", dt.date(2024, 3, 5), dt.time(8, 30, tzinfo=PLUS_TWO)),  # RSS
        (dt.date(2024, 3, 5), dt.date(2024, 3, 5), None),
        (dt.datetime(2024, 3, 5, 8, 30), dt.date(2024, 3, 5), dt.time(8, 30)),
        (dt.datetime(2024, 3, 5, 8, 30, tzinfo=PLUS_TWO), dt.date(2024, 3, 5), dt.time(8, 30, tzinfo=PLUS_TWO)),
    ],
)
def test_dates_as_generators_write_them(text, day, time):
    when = parse_when(text)
    assert (when.date, when.time) == (day, time)
    assert (when.time.tzinfo if when.time else None) == (time.tzinfo if time else None)


@pytest.mark.parametrize(
    "text",
    [
        "15/10/2024",
        "2024/03-05",
        "Tue, 35 Mar 2024",
        "demain",
        "2024-02-30",
        "2024-03-05 25:00",
        "2024-03-05T08:30+2500",
        "",
        2024,
        [2024],
        None,
    ],
)
def test_what_is_not_a_date(text):
    with pytest.raises(ValueError):
        parse_when(text)


def test_file_names_give_dates_slugs_titles_and_languages():
    folder = Path("posts")
    assert split_filename_date("2024-03-05-titre") == (When(dt.date(2024, 3, 5)), "titre")
    assert split_filename_date("2018-10-10_hello") == (When(dt.date(2018, 10, 10)), "hello")
    assert split_filename_date("2024-13-05-titre") == (None, "2024-13-05-titre")
    jekyll = name_of(folder / "2024-03-05-le_titre-ici.md", folder)
    assert (jekyll.slug, jekyll.title, jekyll.when, jekyll.lang) == (
        "le-titre-ici",
        "Le titre ici",
        When(dt.date(2024, 3, 5)),
        None,
    )
    hugo = name_of(folder / "bonjour.en.md", folder)
    assert (hugo.slug, hugo.title, hugo.lang) == ("bonjour", "Bonjour", "en")
    bundle = name_of(folder / "mon-billet" / "index.fr.md", folder)
    assert (bundle.slug, bundle.lang) == ("mon-billet", "fr")
    assert name_of(folder / "v1.2.md", folder).lang is None
    assert name_of(folder / "index.md", folder).slug == "index"  # the folder's own index is no bundle


def test_header_lines_only_when_they_look_like_metadata():
    page = parse_page("Title: Mon titre\nDATE: 2024-03-05\ntags: a, b\nSummary: Une longue\n    phrase.\n\nLe texte.\n")
    assert page.format == "headers"
    assert page.meta == {"title": "Mon titre", "date": "2024-03-05", "tags": "a, b", "summary": "Une longue phrase."}
    assert page.meta_lines == {"title": 1, "date": 2, "tags": 3, "summary": 4}
    assert page.body == "Le texte.\n"
    for text in (
        "Paris: la ville lumière a accueilli hier les athlètes.\n\nSuite.",
        "Paris: la ville\nLe texte continue ici.\n",
        "Note: à lire\nAuteur: moi\n\nTexte.",  # no key kbgen knows
        "Title: deux fois\nTitle: encore\n\nTexte.",
        "http://exemple.org: lien\n\nTexte.",
    ):
        assert parse_page(text).meta == {} and parse_page(text).body == text


def test_toml_errors_give_the_files_line(tmp_path):
    write(tmp_path / "content/articles/a.md", '+++\ntitle = "A"\ndate = \n+++\nTexte.\n')
    articles, [problem] = read_articles(Project.load(tmp_path))
    assert articles == []
    assert str(problem).startswith("content/articles/a.md:3: error: invalid TOML:")
    assert problem.hint == "fix the front matter between the '+++' lines"


def test_an_unreadable_date_names_file_line_and_the_accepted_forms(tmp_path):
    write(tmp_path / "content/articles/a.md", "Title: A\nDate: le 5 mars\n\nTexte.\n")
    articles, found = read_articles(Project.load(tmp_path))
    assert articles == []
    assert [str(p) for p in found] == [
        f"content/articles/a.md:2: error: 'date' must be a date like 2024-10-15, not 'le 5 mars'; skipped; {ACCEPTED}"
    ]


def read(tmp_path: Path, text: str, name: str = "a.md"):
    path = write(tmp_path / "content/articles" / name, text)
    return load_article(path, Project.load(tmp_path))


def test_titles_are_never_empty(tmp_path):
    article, _ = read(tmp_path, "Intro.\n\n```\n# not a heading\n```\n\n# Le *vrai* titre #\n\nTexte.\n")
    assert article.title == "Le vrai titre" and "vrai" not in article.body and "# not a heading" in article.body
    article, _ = read(tmp_path, "Un titre souligné\n=================\n\nTexte.\n")
    assert article.title == "Un titre souligné" and article.body == "Texte.\n"
    article, _ = read(tmp_path, "---\ntitle: ''\n---\nTexte sans titre.\n", "2024-03-05-mon_article.md")
    assert (article.title, article.slug, article.date) == ("Mon article", "mon-article", dt.date(2024, 3, 5))
    article, _ = read(tmp_path, "---\ntitle: Le titre\n---\n\n# Le titre\n\nTexte.\n")
    assert article.body.strip() == "Texte."  # said once, not twice
    article, _ = read(tmp_path, "---\ntitle: Le titre\n---\n# Autre chose\n\nTexte.\n")
    assert article.body.startswith("# Autre chose")


def test_metadata_under_its_several_names(tmp_path):
    article, problems = read(
        tmp_path,
        "---\nTitle: T\npublishDate: 2024-03-05T08:30:00+02:00\nlastmod: 2024-03-06\n"
        "tags: [Un, ' deux ', un]\ncategories: trois quatre\nkeywords: 'cinq, six'\n"
        "authors: Ann, Bob\nsubtitle: Sous-titre\nexcerpt: Le chapeau\nimage: {src: img.png}\n"
        "aliases: /vieux/\nredirect_from: [/ancien.html]\nstatus: hidden\nlang: en\nslug: Été 2024\n---\nTexte.\n",
    )
    assert problems == []
    assert (article.date, article.time) == (dt.date(2024, 3, 5), dt.time(8, 30, tzinfo=PLUS_TWO))
    assert (article.updated, article.updated_time) == (dt.date(2024, 3, 6), None)
    assert article.tags == ("Un", "deux", "trois", "quatre", "cinq", "six")
    assert article.authors == ("Ann", "Bob") and article.author == "Ann, Bob"
    assert (article.subtitle, article.summary, article.image) == ("Sous-titre", "Le chapeau", "img.png")
    assert article.old_urls == ("/vieux/", "/ancien.html")
    assert (article.draft, article.lang, article.slug, article.extra) == (True, "en", "ete-2024", {})


def test_undated_is_none_never_1970(tmp_path):
    article, _ = read(tmp_path, "Texte.\n")
    assert (article.date, article.time, article.updated) == (None, None, None)


def test_wrong_types_are_warnings_naming_file_and_line(tmp_path):
    article, problems = read(
        tmp_path, "---\ntitle: [1, 2]\ntags: [a, {b: c}]\ndraft: peut-être\nlang: 3\n---\nTexte.\n"
    )
    assert [str(p) for p in problems] == [
        "content/articles/a.md:2: warning: 'title' must be text; write it as 'title: Some title'",
        "content/articles/a.md:5: warning: 'lang' must be a language code like 'fr'; write it as 'lang: fr'",
        "content/articles/a.md:3: warning: 'tags' must be text or a list of texts; write it as 'tags: [one, two]'",
        "content/articles/a.md:4: warning: 'draft' must be true or false; the article is taken for a draft; write it as 'draft: true'",
    ]
    assert (article.title, article.tags, article.draft, article.lang) == ("A", ("a",), True, "fr")


def test_unknown_keys_are_kept_and_only_likely_typos_warned(tmp_path):
    text = "---\ntitel: T\ndat: 2024-01-01\ntagss: [x]\nauthors: [A]\nsubtitle: S\nweight: 3\nwhen: 2024-01-01\n---\nTexte.\n"
    article, problems = read(tmp_path, text)
    assert [(p.line, p.message, p.hint) for p in problems] == [
        (2, "unknown field 'titel'", "did you mean 'title'?"),
        (3, "unknown field 'dat'", "did you mean 'date'?"),
        (4, "unknown field 'tagss'", "did you mean 'tags'?"),
    ]
    assert article.extra == {"titel": "T", "dat": "2024-01-01", "tagss": ["x"], "weight": 3, "when": "2024-01-01"}


def test_one_edit_apart():
    assert one_edit_apart("titel", "title") and one_edit_apart("dat", "date") and one_edit_apart("tagss", "tags")
    assert one_edit_apart("authr", "author") and one_edit_apart("slgu", "slug")
    assert not one_edit_apart("title", "title") and not one_edit_apart("weight", "date")
    assert one_edit_apart("titre", "title")  # French for title
    assert not one_edit_apart("autor", "authors")  # two edits


def test_other_files_are_skipped(tmp_path):
    for name in (".obsidian/x.md", "._mac.md", "_index.md", "notes.txt", "image.png", "sub/.hidden/y.md"):
        write(tmp_path / "content/articles" / name, "---\ntitle: X\n---\n")
    write(tmp_path / "content/articles/sub/b.mdown", "B.\n")
    write(tmp_path / "content/articles/c.MKD", "C.\n")
    articles, problems = read_articles(Project.load(tmp_path))
    assert [a.path.as_posix() for a in articles] == ["content/articles/c.MKD", "content/articles/sub/b.mdown"]
    assert problems == []


MESSY = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
PREFIXES = st.sampled_from(["", "---\n", "+++\n", "Title: ", "Date: ", "# ", "---\ntitle: x\n---\n", "+++\ndate = "])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(PREFIXES, MESSY)
@example("---\n", "date: 2024-13-45\n---\n")
@example("Title: \n", "\n")
@example("", "=\n")
@example("+++\n", "date = 1979-05-27T07:32:00Z\ntags = [{a = 1}]\n+++\n")
def test_any_text_gives_an_article_with_a_title_or_a_build_error(tmp_path, prefix, text):
    path = tmp_path / "content/articles/a.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(prefix + text, "utf-8")
    try:
        article, problems = load_article(path, Project.load(tmp_path))
    except BuildError as exc:
        assert exc.problems and all(str(p).startswith("content/articles/a.md") for p in exc.problems)
        return
    assert article.title.strip()
    assert all(str(p).startswith("content/articles/a.md") for p in problems)


def test_an_alias_is_an_old_address_when_it_looks_like_one_else_another_name(tmp_path):
    article, _ = read(
        tmp_path,
        "---\ntitle: A\naliases: [Otan, /2010/01/old/, posts/old, ancien.html, Deux mots]\nredirect_from: vieux\n---\n",
    )
    assert article.old_urls == ("/2010/01/old/", "posts/old", "ancien.html", "vieux")
    assert article.names == ("Otan", "Deux mots")  # Obsidian's: what [[wikilinks]] may call it
    assert article.extra == {"aliases": ["Otan", "Deux mots"]}


def test_hugo_json_front_matter(tmp_path):
    text = '{\n  "title": "En JSON",\n  "date": "2024-03-05T08:30:00+01:00",\n  "tags": ["a", "b"],\n  "draft": true,\n  "params": {"subtitle": "Sous-titre"}\n}\n\nLe texte.\n'
    article, problems = read(tmp_path, text)
    assert (article.title, article.date.isoformat(), article.time.isoformat()) == (
        "En JSON",
        "2024-03-05",
        "08:30:00+01:00",
    )
    assert (article.tags, article.draft, article.subtitle, article.body.strip()) == (
        ("a", "b"),
        True,
        "Sous-titre",
        "Le texte.",
    )
    assert problems == []
    assert parse_page(text).meta_lines["date"] == 3
    # A body that merely starts with a brace is text; a lone '{' line that does not parse is an error.
    assert parse_page("{x} marque un ensemble.\n").meta == {}
    assert parse_page('{"a": 1} suivi de texte\n').meta == {}
    write(tmp_path / "content/articles/b.md", '{\n  "title": "B",\n  "date": \n}\nTexte.\n')
    articles, [problem] = read_articles(Project.load(tmp_path))
    assert [a.title for a in articles] == ["En JSON"]  # the other file is built
    assert str(problem).startswith(
        "content/articles/b.md:4: error: invalid JSON: Expecting value; skipped"
    )  # where JSON stops
    assert problem.hint == "fix the front matter between '{' and '}'"


def test_a_jekyll_drafts_folder_holds_drafts(tmp_path):
    write(tmp_path / "kbgen.yml", "content_dirs: [blog]\n")
    write(tmp_path / "blog/_posts/2024-03-05-paru.md", "---\ntitle: Paru\n---\nTexte.\n")
    write(tmp_path / "blog/_drafts/en-cours.md", "---\ntitle: En cours\n---\nTexte.\n")
    articles, problems = read_articles(Project.load(tmp_path))
    assert {a.title: a.draft for a in articles} == {"Paru": False, "En cours": True}
    assert problems == []


def test_the_plain_text_of_an_unchanged_article_is_not_made_again(tmp_path, monkeypatch):
    """The read stage keeps each body's plain text in .kbgen/texts.sqlite: a rebuild converts only
    the bodies it has not seen, and gives the same articles."""
    import kbgen.articles as articles_module

    for name, body in (("a", "Une *première* phrase."), ("b", "Une [seconde](https://e.org) phrase.")):
        write(tmp_path / f"content/articles/{name}.md", f"---\ntitle: {name}\n---\n\n{body}\n")
    first, _ = read_articles(Project.load(tmp_path))
    converted = []
    real = articles_module.plain_text
    monkeypatch.setattr(articles_module, "plain_text", lambda body: converted.append(body) or real(body))
    again, problems = read_articles(Project.load(tmp_path))
    assert again == first and converted == [] and problems == []
    assert [a.text for a in again] == ["Une première phrase.", "Une seconde phrase."]
    write(tmp_path / "content/articles/b.md", "---\ntitle: b\n---\n\nUne autre phrase.\n")
    changed, _ = read_articles(Project.load(tmp_path))
    assert (
        [c.strip() for c in converted] == ["Une autre phrase."]
        and changed[1].text == "Une autre phrase."
        and changed[0] == first[0]
    )


def test_a_broken_text_cache_is_set_aside_with_a_warning(tmp_path):
    write(tmp_path / "content/articles/a.md", "---\ntitle: a\n---\n\nUne phrase.\n")
    write(tmp_path / ".kbgen/texts.sqlite", "not a database")
    articles, [problem] = read_articles(Project.load(tmp_path))
    assert articles[0].text == "Une phrase." and problem.severity == "warning"
    assert "set aside as texts.sqlite.broken-1" in problem.message


def test_an_unchanged_article_file_is_not_read_again(tmp_path, monkeypatch):
    """The read stage keeps what it made of each file in .kbgen/articles.sqlite, by the file's
    bytes: a rebuild parses only new or changed files, and gives the same articles."""
    import kbgen.articles as articles_module

    write(tmp_path / "content/articles/a.md", "---\ntitle: A\ndate: 2024-03-05 08:30 +02:00\nrubrique: x\n---\n\nUn.\n")
    write(tmp_path / "content/articles/b.md", "---\ntitle: B\nauteurs: [x]\n---\n\nDeux.\n")
    first, first_problems = read_articles(Project.load(tmp_path))
    parsed = []
    real = articles_module.parse_page
    monkeypatch.setattr(articles_module, "parse_page", lambda text: parsed.append(text) or real(text))
    again, problems = read_articles(Project.load(tmp_path))
    assert parsed == [] and again == first and problems == first_problems
    assert again[0].time == dt.time(8, 30, tzinfo=PLUS_TWO) and again[0].extra == first[0].extra
    write(tmp_path / "content/articles/b.md", "---\ntitle: C\n---\n\nDeux.\n")
    changed, _ = read_articles(Project.load(tmp_path))
    assert len(parsed) == 1 and [a.title for a in changed] == ["A", "C"]


def test_a_file_edited_with_the_same_size_and_time_is_read_again(tmp_path):
    import os

    page = write(tmp_path / "content/articles/a.md", "---\ntitle: Avant\n---\n\nUn.\n")
    read_articles(Project.load(tmp_path))
    stat = page.stat()
    page.write_text("---\ntitle: Apres\n---\n\nUn.\n", "utf-8")
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert page.stat().st_size == stat.st_size
    [article], _ = read_articles(Project.load(tmp_path))
    assert article.title == "Apres"


def test_a_setting_that_changes_how_a_file_reads_is_not_cached_over(tmp_path):
    """The language and the folders articles come from are part of what the cache is keyed by."""
    write(tmp_path / "content/articles/a.md", "---\ntitle: A\n---\n\nUn.\n")
    write(tmp_path / "blog/mon-billet/index.md", "Deux.\n")
    [article], _ = read_articles(Project.load(tmp_path))
    assert article.lang == "fr"
    write(tmp_path / "kbgen.yml", "lang: en\nmodel: blank:en\ncontent_dirs: [blog]\n")
    articles, _ = read_articles(Project.load(tmp_path))
    assert [(a.slug, a.lang) for a in articles] == [("a", "en"), ("mon-billet", "en")]
    write(tmp_path / "kbgen.yml", "lang: en\nmodel: blank:en\ncontent_dirs: [blog/mon-billet]\n")
    articles, _ = read_articles(Project.load(tmp_path))
    assert [a.slug for a in articles] == ["a", "index"]


def test_a_broken_article_cache_is_set_aside_with_a_warning(tmp_path):
    write(tmp_path / "content/articles/a.md", "---\ntitle: a\n---\n\nUne phrase.\n")
    write(tmp_path / ".kbgen/articles.sqlite", "not a database")
    articles, [problem] = read_articles(Project.load(tmp_path))
    assert articles[0].text == "Une phrase." and problem.severity == "warning"
    assert "set aside as articles.sqlite.broken-1" in problem.message
    again, problems = read_articles(Project.load(tmp_path))
    assert again == articles and problems == []


def test_a_damaged_row_of_the_article_cache_is_a_miss(tmp_path):
    import sqlite3

    write(tmp_path / "content/articles/a.md", "---\ntitle: a\n---\n\nUne phrase.\n")
    first, _ = read_articles(Project.load(tmp_path))
    with sqlite3.connect(tmp_path / ".kbgen/articles.sqlite") as db:
        db.execute("UPDATE article SET value = ?", (b"\x80\x05garbage",))
    again, problems = read_articles(Project.load(tmp_path))
    assert again == first and problems == []


@given(st.text(min_size=1, max_size=300), st.text(min_size=1, max_size=300))
def test_an_article_pickled_comes_back_equal_and_its_texts_grow_no_utf8_copy(body, text):
    # The read cache and the NER workers pickle articles; pickling a str would keep its UTF-8
    # form inside it (CPython) for the whole build, doubling the memory of every article's texts.
    import pickle
    import sys

    article = Article("s", Path("a.md"), "Titre", None, "fr", None, "Élève " + body, "Été " + text, extra={"k": [1]})
    sizes = sys.getsizeof(article.body), sys.getsizeof(article.text)
    assert pickle.loads(pickle.dumps(article, pickle.HIGHEST_PROTOCOL)) == article
    assert (sys.getsizeof(article.body), sys.getsizeof(article.text)) == sizes
