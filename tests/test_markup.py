"""Markdown rendering: the text NER reads and the links put back line up; nothing unsafe passes."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from kbgen.markup import Link, render, wikilink_key
from kbgen.urls import wikilink_pages


def test_links_wrap_exactly_the_mentioned_words():
    body = "Bonjour **Mark Rutte** et l’OTAN.\n\nParis, `Paris` et Paris."
    text = render(body).text
    assert text == "Bonjour Mark Rutte et l’OTAN.\n\nParis, Paris et Paris."
    links = [
        Link(text.index("Mark"), text.index("Mark") + 10, "r.html"),
        Link(text.index("OTAN"), text.index("OTAN") + 4, "o.html"),
    ]
    last = text.rindex("Paris")
    links += [Link(0 + text.index("Paris"), text.index("Paris") + 5, "p.html"), Link(last, last + 5, "p.html")]
    html = render(body, tuple(links)).html
    assert '<strong><a class="mention" href="r.html">Mark Rutte</a></strong>' in html
    assert 'l’<a class="mention" href="o.html">OTAN</a>.' in html
    assert html.count('href="p.html"') == 2  # not inside the code span
    assert "<code>Paris</code>" in html


def test_raw_html_and_script_links_are_neutralised():
    html = render("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1))").html
    assert "<script" not in html and "<img" not in html  # shown as text, not markup
    assert "&lt;script&gt;" in html and "&lt;img" in html
    assert "javascript:" not in html


def test_wikilinks_link_known_targets_and_leave_a_plain_label_otherwise():
    body = "Voir [[Mark Rutte]], [[otan|l’Alliance]], [[Note de terrain#Suite]] et [[Nulle part|ici]]."
    pages = {"mark rutte": "../entities/rutte.html", "otan": "../entities/otan.html", "note de terrain": "n.html"}
    html = render(body, wikilinks=pages).html
    assert '<a class="wikilink" href="../entities/rutte.html">Mark Rutte</a>' in html
    assert '<a class="wikilink" href="../entities/otan.html">l’Alliance</a>' in html
    assert '<a class="wikilink" href="n.html">Note de terrain</a>' in html
    assert " et ici." in html and "[[" not in html and "Nulle part" not in html
    # The text NER reads is the same whether targets are known (a build) or not (reading).
    assert (
        render(body).text
        == render(body, wikilinks=pages).text
        == "Voir Mark Rutte, l’Alliance, Note de terrain et ici."
    )


def test_a_wikilink_is_escaped_and_never_makes_its_own_address():
    body = "[[javascript:alert(1)|<script>x</script>]] et [[<img src=x onerror=alert(1)>]]"
    html = render(body, wikilinks={}).html
    assert "<script" not in html and "<img" not in html and "href" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html


def test_mentions_after_a_wikilink_still_line_up():
    body = "[[Note de terrain|La note]] cite Mark Rutte."
    text = render(body).text
    start = text.index("Mark")
    html = render(body, (Link(start, start + 10, "r.html"),), {"note de terrain": "n.html"}).html
    assert '<a class="wikilink" href="n.html">La note</a> cite <a class="mention" href="r.html">Mark Rutte</a>.' in html


def test_footnotes_render_and_their_numbers_are_not_text():
    body = "Mark Rutte l’a dit[^1].\n\n[^1]: Selon l’OTAN."
    text = render(body).text
    assert text.split() == ["Mark", "Rutte", "l’a", "dit.", "Selon", "l’OTAN."]
    start = text.index("OTAN")
    html = render(body, (Link(start, start + 4, "o.html"),), footnote_back="Retour à l’appel {}").html
    assert '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>' in html
    assert '<li id="fn:1">' in html and 'title="Retour à l’appel 1"' in html
    assert 'l’<a class="mention" href="o.html">OTAN</a>' in html


def test_fenced_code_renders_as_code_and_is_not_read_or_linked():
    body = "Avant Paris.\n\n```python\nParis = '<b>' + [[Paris]]\n```\n\nAprès Paris."
    text = render(body).text
    assert text == "Avant Paris.\n\nAprès Paris."
    links = tuple(Link(i, i + 5, "p.html") for i in (text.index("Paris"), text.rindex("Paris")))
    html = render(body, links, {"paris": "p.html"}).html
    assert "<pre><code class=\"language-python\">Paris = '&lt;b&gt;' + [[Paris]]\n</code></pre>" in html
    assert html.count('href="p.html"') == 2


def test_character_references_are_read_as_the_characters_they_stand_for():
    body = "AT&amp;T&nbsp;et Mark Rutte &copy; 2024"
    text = render(body).text
    assert text == "AT&T\u00a0et Mark Rutte © 2024"
    start = text.index("Mark")
    html = render(body, (Link(start, start + 10, "r.html"),)).html
    assert html == '<p>AT&amp;T&nbsp;et <a class="mention" href="r.html">Mark Rutte</a> © 2024</p>'


PIECES = st.sampled_from(
    [
        "Mark Rutte",
        "[[Mark Rutte]]",
        "[[x|y]]",
        "[^1]",
        "\n\n[^1]: note\n\n",
        "\n\n```\ncode\n```\n\n",
        "&amp;",
        "&#160;",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=8))
def test_the_text_read_never_holds_a_placeholder_and_never_depends_on_the_links(parts):
    body = " ".join(parts)
    text = render(body).text
    assert not re.search(r"[\x02\x03]|qq\d+zz|zz\d+qq", text)
    assert render(body, wikilinks={"mark rutte": "r.html", "x": "x.html"}, footnote_back="{}").text == text


def test_wikilink_targets_are_articles_first_then_entities_by_name_or_alias():
    article = SimpleNamespace(
        title="Genève", slug="geneve-2024", path=PurePosixPath("vault/Genève en octobre.md"), names=("Octobre",)
    )
    bundle = SimpleNamespace(title="Un dossier", slug="dossier", path=PurePosixPath("posts/dossier/index.md"), names=())
    entity = SimpleNamespace(name="Genève", aliases=("Genf",), slug="geneve")
    vidals = [SimpleNamespace(name="Jean Vidal", aliases=("Vidal",), slug="jean-vidal")]
    homonym = SimpleNamespace(name="Vidal", slug="vidal")
    pages = wikilink_pages(SimpleNamespace(articles=[article, bundle], entities=[entity, *vidals], homonyms=[homonym]))
    assert pages[wikilink_key("genève")] == "../articles/geneve-2024.html"  # the article wins
    assert pages[wikilink_key("Genève  en Octobre")] == "../articles/geneve-2024.html"  # its file's name
    assert pages["octobre"] == "../articles/geneve-2024.html"  # an Obsidian alias
    assert pages["genf"] == "../entities/geneve.html"
    assert pages["dossier"] == "../articles/dossier.html" and "index" not in pages
    assert pages["vidal"] == "../entities/vidal.html"  # a homonym's page, not one of its people's


def test_html_comments_are_left_out_and_code_keeps_them():
    body = "Le début.\n\n<!-- more -->\n\nLa suite<!--more--> et la fin.\n\n<!--\nnote\n-->\n\n```\n<!-- code -->\n```"
    rendered = render(body)
    assert rendered.text == "Le début.\n\nLa suite et la fin."
    assert "more" not in rendered.html and "note" not in rendered.html
    assert "<pre><code>&lt;!-- code --&gt;\n</code></pre>" in rendered.html
    assert render("<!-- jamais fermé\n\nTexte").text == "<!-- jamais fermé\n\nTexte"  # not a comment: shown


def test_an_obsidian_embed_shows_as_its_link_or_its_name():
    html = render("Voir ![[photo.png]] et ![[Note]].", wikilinks={"note": "n.html"}).html
    assert html == '<p>Voir photo.png et <a class="wikilink" href="n.html">Note</a>.</p>'
