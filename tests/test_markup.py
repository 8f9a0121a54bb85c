"""Markdown rendering: the text NER reads and the links put back line up; nothing unsafe passes."""

from __future__ import annotations

from kbgen.markup import Link, render


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
