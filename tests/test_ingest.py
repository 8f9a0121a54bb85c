"""Stage 1: seeds become Markdown pages; edited pages and seeds are never touched."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
import yaml
from conftest import write
from hypothesis import given, settings
from hypothesis import strategies as st

from kbgen.articles import read_article
from kbgen.dates import ACCEPTED
from kbgen.ingest import clean_paragraphs, escape_markdown, infer_title, ingest, is_unedited
from kbgen.markup import render
from kbgen.pages import parse_page
from kbgen.project import Project
from kbgen.titles import readable_title, title_from_file_name


def test_title_from_a_short_first_line(tmp_path):
    write(tmp_path / "seeds/a.txt", "Réunion à Lyon\n\n\nLe texte commence ici. Et continue.\n")
    report = ingest(Project.load(tmp_path))
    [page] = report.written
    assert page.name == "reunion-a-lyon.md"
    meta = parse_page(page.read_text("utf-8")).meta
    assert meta["title"] == "Réunion à Lyon"
    assert meta["source"] == "seeds/a.txt"
    assert meta["lang"] == "fr"
    assert len(meta["source_sha256"]) == 64
    assert "date" not in meta  # none in the input, none invented


def test_title_inferred_from_first_sentence_cut_at_a_word():
    body = "Un nouveau commandement de l’OTAN spécifiquement chargé de coordonner l’aide militaire occidentale à l’Ukraine aidera Kiev. Suite."
    title = infer_title(body)
    assert title == "Un nouveau commandement de l’OTAN spécifiquement chargé de coordonner l’aide…"
    assert len(title) <= 81
    assert infer_title("Court. Deuxième phrase.") == "Court"


def test_scraping_debris_is_cleaned():
    text = "  Premier   paragraphe.  \r\n\r\n\n\n\n  Second\t\tparagraphe.\n   \n"
    assert clean_paragraphs(text) == ["Premier paragraphe.", "Second paragraphe."]


def test_plain_text_stays_plain_in_markdown():
    text = "# pas un titre\n1. pas une liste\n*pas en italique* et [pas un lien](x) <b>pas gras</b>"
    rendered = render(escape_markdown(text))
    assert rendered.text == text.replace("\n", "\n")
    assert "<h1>" not in rendered.html and "<em>" not in rendered.html and "<ol>" not in rendered.html
    assert "<b>" not in rendered.html


def test_markdown_seed_keeps_its_title_and_date(tmp_path):
    write(tmp_path / "seeds/b.md", "---\ntitle: Un titre\ndate: 2024-10-15\n---\nCorps du texte.\n")
    [page] = ingest(Project.load(tmp_path)).written
    meta = parse_page(page.read_text("utf-8")).meta
    assert meta["title"] == "Un titre"
    assert str(meta["date"]) == "2024-10-15"


def test_html_seed_main_text_is_extracted(tmp_path):
    paragraph = "Le ministre a annoncé à Paris une réforme importante pour les collectivités locales du pays. " * 3
    write(
        tmp_path / "seeds/c.html",
        f"""
        <html><head><title>Une réforme annoncée</title></head><body>
        <nav><a href="/">Accueil</a> <a href="/sport">Sport</a></nav>
        <article><h1>Une réforme annoncée</h1><p>{paragraph}</p><p>{paragraph}</p></article>
        <footer>Mentions légales - Tous droits réservés</footer></body></html>""",
    )
    [page] = ingest(Project.load(tmp_path)).written
    parsed = parse_page(page.read_text("utf-8"))
    assert parsed.meta["title"] == "Une réforme annoncée"
    assert "réforme importante" in parsed.body
    assert "Mentions légales" not in parsed.body and "Sport" not in parsed.body


def test_rerun_is_a_no_op_and_seeds_are_untouched(tmp_path):
    seed = write(tmp_path / "seeds/a.txt", "Bonjour Lyon.\n")
    before = seed.read_bytes(), seed.stat().st_mtime_ns
    [page] = ingest(Project.load(tmp_path)).written
    again = ingest(Project.load(tmp_path))
    assert again.written == [] and again.unchanged == [page]
    assert (seed.read_bytes(), seed.stat().st_mtime_ns) == before


def test_edited_page_is_never_overwritten(tmp_path):
    seed = write(tmp_path / "seeds/a.txt", "Bonjour Lyon.\n")
    [page] = ingest(Project.load(tmp_path)).written
    assert is_unedited(page.read_text("utf-8"))
    edited = page.read_text("utf-8").replace("Bonjour", "Bonsoir")
    page.write_text(edited, "utf-8")
    assert not is_unedited(edited)
    seed.write_text("Bonjour Lyon et Paris.\n", "utf-8")  # the seed changes too
    report = ingest(Project.load(tmp_path))
    assert report.kept_edited == [page] and report.written == []
    assert page.read_text("utf-8") == edited


def test_unedited_page_follows_its_changed_seed(tmp_path):
    seed = write(tmp_path / "seeds/a.txt", "Bonjour Lyon.\n")
    [page] = ingest(Project.load(tmp_path)).written
    seed.write_text("Bonjour Lyon et Paris.\n", "utf-8")
    assert ingest(Project.load(tmp_path)).written == [page]  # same page, found by its source
    assert "Paris" in page.read_text("utf-8")


def test_two_seeds_with_one_title_get_two_pages(tmp_path):
    write(tmp_path / "seeds/a.txt", "Même titre\n\nTexte A.\n")
    write(tmp_path / "seeds/b.txt", "Même titre\n\nTexte B.\n")
    pages = ingest(Project.load(tmp_path)).written
    assert sorted(p.name for p in pages) == ["meme-titre-2.md", "meme-titre.md"]


def test_undecodable_text_is_an_error_naming_the_file(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds/illisible.txt").write_bytes(bytes(range(0x80, 0x100)) * 4)
    report = ingest(Project.load(tmp_path))
    assert [str(p) for p in report.errors] == [
        "seeds/illisible.txt: error: is in an encoding kbgen cannot tell; save it as UTF-8"
    ]
    assert report.written == []


# --- titles never empty, front matter kept, and no page the reader rejects --------------------


@pytest.mark.parametrize(
    "text, title",
    [
        ("... et les incendies ont ravagé la Provence. Suite.\n", "et les incendies ont ravagé la Provence"),
        ("… et les incendies\n\nLe feu a pris.\n", "et les incendies"),
        ("— et les incendies\n\nLe feu a pris.\n", "et les incendies"),
        ("…\n\nUn texte à Lyon.\n", "Un texte à Lyon"),
        ("***\n\nUn texte à Lyon.\n", "Un texte à Lyon"),
        ("« Non », dit-il. Puis il part.\n", "« Non », dit-il"),
        ("...\n", "Mon article 2"),  # no word at all: the file name, made readable
        ("— … !\n\n?!\n", "Mon article 2"),
    ],
)
def test_titles_are_made_of_words(tmp_path, text, title):
    write(tmp_path / "seeds/mon_article-2.txt", text)
    project = Project.load(tmp_path)
    report = ingest(project)
    [page] = report.written
    assert parse_page(page.read_text("utf-8")).meta["title"] == title
    assert read_article(page, page.stem, project).title == title


def test_a_file_name_without_words_still_gives_a_title():
    assert title_from_file_name("___.txt") == "___.txt"
    assert title_from_file_name("2024-03-05-le_titre.md") == "2024 03 05 le titre"
    assert readable_title("…") is None and readable_title("  — x ") == "x"
    assert infer_title("...\n\n…") is None


def test_markdown_seed_keeps_all_its_front_matter(tmp_path):
    write(
        tmp_path / "seeds/b.md",
        "---\ntitle: Un titre\ndate: 2024-10-15\ndraft: true\ntags: [a, b]\nslug: mon-slug\n"
        "summary: Le résumé.\nauthors: [Ann, Bob]\nlang: en\nsource: https://example.org/x\n"
        "generated_sha256: abc\n---\nCorps du texte.\n",
    )
    [page] = ingest(Project.load(tmp_path)).written
    text = page.read_text("utf-8")
    meta = parse_page(text).meta
    assert meta["draft"] is True and meta["tags"] == ["a", "b"] and meta["slug"] == "mon-slug"
    assert meta["summary"] == "Le résumé." and meta["authors"] == ["Ann", "Bob"] and meta["lang"] == "en"
    assert meta["source"] == "seeds/b.md"  # kbgen's own keys are kbgen's
    assert is_unedited(text)


def test_markdown_seed_titles_fall_back_to_the_heading_then_the_text(tmp_path):
    write(tmp_path / "seeds/a.md", "---\ntitle: '...'\n---\n# … Le vrai titre\n\nCorps.\n")
    write(tmp_path / "seeds/b.md", "---\ntitle: [1, 2]\n---\nUne phrase. Une autre.\n")
    pages = sorted(ingest(Project.load(tmp_path)).written)
    assert [parse_page(p.read_text("utf-8")).meta["title"] for p in pages] == ["Le vrai titre", "Une phrase"]


def test_a_seed_whose_page_the_reader_rejects_is_reported_against_the_seed(tmp_path):
    write(tmp_path / "seeds/a.md", "---\ntitle: A\ndate: mardi prochain\n---\nTexte.\n")
    write(tmp_path / "seeds/b.txt", "Un bon texte.\n")
    report = ingest(Project.load(tmp_path))
    assert [str(p) for p in report.errors] == [
        "seeds/a.md:3: error: 'date' must be a date like 2024-10-15, not 'mardi prochain'; skipped; " + ACCEPTED
    ]
    assert [p.name for p in report.written] == ["un-bon-texte.md"]
    assert sorted(p.name for p in (tmp_path / "content/articles").iterdir()) == ["un-bon-texte.md"]


# Seed texts as they come: leading punctuation, punctuation only, empty, one word, any unicode.
PUNCTUATION = st.text(st.sampled_from(list(".…—–-*#>!?«»\"'()[]_~ \n")), max_size=12)
WORD = st.text(st.characters(whitelist_categories=("Ll", "Lu", "Nd")), min_size=1, max_size=12)
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
SEED_TEXT = st.one_of(
    st.builds(lambda p, w, t: p + w + t, PUNCTUATION, WORD, ANY_TEXT),
    PUNCTUATION,
    WORD,
    st.just(""),
    ANY_TEXT,
    st.builds(lambda a, b: f"{a}\n\n{b}", SEED_TEXT_PART := st.one_of(PUNCTUATION, ANY_TEXT), SEED_TEXT_PART),
)
VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), ANY_TEXT, st.dates()),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(WORD, inner, max_size=3),
    max_leaves=6,
)
KEYS = st.one_of(
    st.sampled_from(["title", "date", "draft", "tags", "slug", "summary", "authors", "lang", "source", "published"]),
    WORD,
)
FRONT_MATTER = st.dictionaries(KEYS, VALUE, max_size=5)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([".txt", ".md"]), SEED_TEXT, st.none() | FRONT_MATTER), max_size=4))
def test_ingest_never_writes_a_page_its_reader_rejects(seeds):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for number, (suffix, text, front) in enumerate(seeds):
            if front is not None and suffix == ".md":
                text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + text
            write(root / f"seeds/s{number}{suffix}", text)
        project = Project.load(root)
        report = ingest(project)
        made_from = set()
        for page in report.written:
            article = read_article(page, page.stem, project)  # raises if the reader rejects it
            assert re.search(r"[^\W_]", article.title), article.title
            made_from.add(article.source)
        refused = {str(p.path) for p in report.problems if p.severity in ("error", "warning")}
        # Every seed makes a page or is reported; only a seed's own front matter (or a .md text
        # that opens one, '---' first) can hold what the reader refuses.
        assert made_from | refused == {f"seeds/s{n}{suffix}" for n, (suffix, _, _) in enumerate(seeds)}
        for problem in report.errors:
            number = int(re.match(r"seeds/s(\d+)", str(problem.path)).group(1))
            suffix, text, front = seeds[number]
            assert suffix == ".md" and (front or text.lstrip("\ufeff").startswith(("---", "+++"))), problem
