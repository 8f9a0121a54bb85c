"""The download record kept beside each page `kbgen add` fetches."""

from __future__ import annotations

import pytest

from kbgen.fetched import Fetched, read_record, record_path, write_record


def test_a_record_is_read_back_as_written(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(b"<html></html>")
    fetched = Fetched("https://example.org/a", "https://www.example.org/a/", "2026-12-05T23:59:29Z")
    write_record(page, fetched)
    assert record_path(page).name == "page.html.fetch.json"
    assert read_record(page) == fetched
    assert page.read_bytes() == b"<html></html>"  # the page itself is never touched


def test_a_page_without_a_record_was_not_downloaded(tmp_path):
    assert read_record(tmp_path / "saved.html") is None


@pytest.mark.parametrize("text", ["{", "[]", '{"url": "x"}', '{"url": 1, "final_url": "x", "fetched": "y"}'])
def test_a_broken_record_is_named(tmp_path, text):
    page = tmp_path / "page.html"
    record_path(page).write_text(text, "utf-8")
    with pytest.raises(ValueError, match=r"page\.html\.fetch\.json"):
        read_record(page)
