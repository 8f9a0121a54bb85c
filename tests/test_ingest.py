"""Stage 1: seeds become Markdown pages; edited pages and seeds are never touched."""

from __future__ import annotations

from conftest import write

from kbgen.ingest import clean_paragraphs, escape_markdown, infer_title, ingest, is_unedited
from kbgen.markup import render
from kbgen.pages import parse_page
from kbgen.project import Project


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
