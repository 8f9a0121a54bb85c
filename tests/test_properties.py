"""Property-based tests: any string as a title, an entity name or front matter builds, stays
escaped, and never leads a path out of the output folder."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import yaml
from conftest import write
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kbgen.build import build
from kbgen.ingest import Seed, generated_page, is_unedited
from kbgen.pages import dump_page, parse_page
from kbgen.slugs import slugify, unique_slug

# Text as articles really contain it, hostile markup included; no surrogates, which no file holds.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)
HOSTILE = st.one_of(
    TEXT,
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            '"><img src=x onerror=alert(1)>',
            "javascript:alert(1)",
            "../../etc/passwd",
            "/etc/passwd",
            "C:\\Windows",
            "{{ 7*7 }}",
            "{% raw %}",
            "&lt;b&gt;",
            "\u202e\u0000",
        ]
    ),
)
SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@given(TEXT)
def test_slugs_are_url_safe_and_bounded(text):
    slug = slugify(text)
    assert all(ch in "abcdefghijklmnopqrstuvwxyz0123456789-" for ch in slug)
    assert len(slug) <= 60 and not slug.startswith("-") and not slug.endswith("-")
    assert slugify(text) == slug  # stable


@given(st.lists(TEXT, max_size=12))
def test_unique_slugs_are_unique(texts):
    taken: set[str] = set()
    slugs = [unique_slug(slugify(t), taken) for t in texts]
    assert len(set(slugs)) == len(slugs) and all(slugs)


@given(HOSTILE, TEXT)
@example("a\x85b", "")  # NEL: PyYAML would write it as a line break
def test_front_matter_round_trips(title, body):
    meta = {"title": title, "source": "seeds/x.txt"}
    page = parse_page(dump_page(meta, body))
    assert page.meta == meta
    assert page.body.strip() == body.strip()


@given(HOSTILE, TEXT)
def test_generated_pages_are_recognised_as_unedited(title, body):
    seed = Seed("seeds/x.txt", "0" * 64, title, None, body or "x")
    text = generated_page(seed, "fr")
    assert is_unedited(text)
    assert not is_unedited(text.replace("lang: fr", "lang: en"))


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: set[str] = set()
        self.handlers: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.handlers += [
            name
            for name, value in attrs
            if name.startswith("on")
            or (name in ("href", "src", "action", "data") and (value or "").strip().lower().startswith("javascript:"))
        ]
        if tag == "script":
            self.handlers += [
                f"script {value}" for name, value in attrs if name == "src" and "static/" not in (value or "")
            ]

    def handle_data(self, data):
        self.text.append(data)


def _site_is_safe(site: Path, root: Path) -> str:
    """Every page parsed: only the theme's tags, no event handler, no script URL; returns all text."""
    theme = {
        "html",
        "head",
        "meta",
        "title",
        "link",
        "body",
        "a",
        "header",
        "nav",
        "main",
        "footer",
        "h1",
        "h2",
        "h3",
        "p",
        "ul",
        "ol",
        "li",
        "div",
        "section",
        "aside",
        "article",
        "dl",
        "dt",
        "dd",
        "span",
        "time",
        "blockquote",
        "mark",
        "code",
        "strong",
        "em",
        "label",
        "input",
        "noscript",
        "script",
        "figure",
        "figcaption",
        "details",
        "summary",
        "svg",
        "desc",
        "g",
        "line",
        "circle",
        "text",
        "template",  # an article's entity cards
        "form",  # the graph's filter
        "fieldset",
        "legend",
    }
    texts = []
    for page in site.rglob("*.html"):
        parser = _Tags()
        parser.feed(page.read_text("utf-8"))
        assert parser.tags <= theme, parser.tags - theme
        assert parser.handlers == []
        texts.append("".join(parser.text))
    for path in root.rglob("*"):
        assert path.resolve().is_relative_to(root.resolve())
    return "\n".join(texts)


@SETTINGS
@given(title=HOSTILE, body=HOSTILE)
def test_any_title_and_body_build_escaped(tmp_path_factory, title, body):
    project = tmp_path_factory.mktemp("p")
    write(project / "kbgen.yml", "model: blank:fr\n")
    (project / "content/articles").mkdir(parents=True)
    title = title if title.strip() else "x"  # a blank title is an error, tested in test_bad_input
    (project / "content/articles/a.md").write_text(dump_page({"title": title}, body), "utf-8")
    build(project)
    text = _site_is_safe(project / "_site", project)
    if "\x00" not in title:
        assert " ".join(title.split()) in " ".join(text.split())


@SETTINGS
@given(name=HOSTILE, description=HOSTILE)
def test_any_entity_name_builds_escaped_inside_the_output(tmp_path_factory, name, description):
    project = tmp_path_factory.mktemp("p")
    write(project / "kbgen.yml", "model: blank:fr\nentity_patterns: patterns.jsonl\n")
    write(project / "patterns.jsonl", '{"label": "LOC", "pattern": "Lyon"}\n')
    write(project / "content/articles/a.md", "---\ntitle: A\n---\nLyon est une ville.\n")
    rules = {"entities": {"Lyon": {"name": name or "x", "description": description, "aliases": [name or "x"]}}}
    # double-quoted: PyYAML writes U+0085 as is in other styles, where it reads back as a space
    (project / "content/entities.yml").write_text(yaml.safe_dump(rules, allow_unicode=True, default_style='"'), "utf-8")
    build(project)
    _site_is_safe(project / "_site", project)
    [entity] = json.loads((project / "_site/api/entities.json").read_text("utf-8"))
    assert entity["name"] == (name or "x")
    assert (project / "_site" / entity["url"]).is_file()


@given(TEXT)
def test_nfc_and_nfd_give_one_slug(text):
    import unicodedata

    assert slugify(unicodedata.normalize("NFC", text)) == slugify(unicodedata.normalize("NFD", text))
