"""Drafts, tags, redirects and images through whole builds of the golden project, read from
front matter by the real reader."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import site_files, write

from kbgen.build import build
from kbgen.check import check_site
from kbgen.errors import BuildError

DRAFT = """\
---
title: Brouillon secret
date: 2024-11-01
draft: true
tags: [Secret]
aliases: [/vieux/brouillon/]
---

Marie Dupont prépare quelque chose à Genève.
"""


def test_a_draft_is_nowhere_unless_asked_and_the_option_is_a_build_input(golden_project):
    write(golden_project / "content/articles/brouillon.md", DRAFT)
    out = golden_project / "_site"
    build(golden_project, out)
    files = {path: data for path, data in site_files(out).items() if not path.startswith("pagefind/")}
    assert "articles/brouillon.html" not in files and "vieux/brouillon/index.html" not in files
    assert not [path for path, data in files.items() if b"brouillon" in data.lower() or b"Secret" in data]
    assert check_site(out) == []

    build(golden_project, out, drafts=True)
    page = (out / "articles/brouillon.html").read_text("utf-8")
    assert 'class="draft-note"' in page
    assert "articles/brouillon.html" in (out / "entities/marie-dupont.html").read_text("utf-8")
    rows = json.loads((out / "api/articles.json").read_text("utf-8"))
    assert {r["slug"]: r["draft"] for r in rows}["brouillon"] is True
    assert check_site(out) == []

    build(golden_project, out)  # without again: nothing of the draft is reused
    assert site_files(out).keys() == files.keys() | {p for p in site_files(out) if p.startswith("pagefind/")}
    assert not (out / "articles/brouillon.html").exists()
    assert "draft" not in (out / "api/articles.json").read_text("utf-8")


TAGGED = """\
---
title: Carnet de Lyon
date: 2024-11-02
tags: [Réunions, Lyon]
aliases: [/2024/11/02/carnet/, /anciens/carnet.html, /index.html, ../../etc/x]
image: photo.png
summary: Ce que Jean Martin a vu à Lyon.
---

Jean Martin était à Lyon.
"""


def test_tags_redirects_and_images_make_a_site_that_checks(golden_project):
    write(golden_project / "content/articles/carnet.md", TAGGED)
    (golden_project / "content/articles/photo.png").write_bytes(b"\x89PNG fake")
    out = golden_project / "_site"
    summary = build(golden_project, out)
    warned = [str(w) for w in summary.warnings]
    assert (
        "content/articles/carnet.md: warning: old URL '/index.html' is not redirected: the site has a file" in warned[0]
    )
    assert "old URL '../../etc/x' is not redirected" in warned[1]
    for path in ("tags/reunions/index.html", "tags/lyon/index.html", "2024/11/02/carnet/index.html"):
        assert (out / path).is_file(), path
    assert (out / "anciens/carnet.html").is_file()
    page = (out / "articles/carnet.html").read_text("utf-8")
    image = next(p for p in site_files(out) if p.startswith("media/"))
    assert (out / image).read_bytes() == b"\x89PNG fake" and f'src="../{image}"' in page
    assert '<p class="lede">Ce que Jean Martin a vu à Lyon.</p>' in page
    assert check_site(out) == []  # redirect pages are reached by no link, and that is no fault


def test_strict_fails_on_an_image_it_cannot_show(golden_project):
    write(golden_project / "content/articles/carnet.md", TAGGED.replace("photo.png", "manquante.png"))
    with pytest.raises(BuildError) as caught:
        build(golden_project, golden_project / "_site", strict=True)
    assert any(
        "content/articles/carnet.md: error: image 'manquante.png' is not shown: no such file" in str(p)
        for p in caught.value.problems
    )


@pytest.mark.parametrize("command", ["build", "serve"])
def test_the_drafts_option_is_offered(command):
    result = subprocess.run([sys.executable, "-m", "kbgen", command, "--help"], capture_output=True, text=True)
    assert "--drafts" in result.stdout
