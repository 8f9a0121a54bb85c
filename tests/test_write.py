"""Stage 5: the output folder is swapped in whole, and kbgen never deletes what it did not make."""

from __future__ import annotations

import os

import pytest

from kbgen.errors import BuildError
from kbgen.parallel import forked_batches
from kbgen.render import made
from kbgen.write import MARKER, NewSite, write_site


def test_output_replaced_as_a_whole(tmp_path):
    out = tmp_path / "site"
    write_site([made("index.html", b"one"), made("old.html", b"old")], out)
    write_site([made("index.html", b"two")], out)
    assert sorted(p.name for p in out.iterdir()) == sorted([MARKER, "index.html"])
    assert (out / "index.html").read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no staging or backup left behind


def test_a_failed_write_leaves_the_previous_site(tmp_path):
    out = tmp_path / "site"
    write_site([made("index.html", b"good")], out)
    with pytest.raises(ValueError):
        write_site([made("index.html", b"new"), made("../escape.html", b"x")], out)
    assert (out / "index.html").read_bytes() == b"good"
    assert not (tmp_path / "escape.html").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_refuses_to_replace_a_folder_kbgen_did_not_make(tmp_path):
    out = tmp_path / "documents"
    (out / "precious.txt").parent.mkdir()
    (out / "precious.txt").write_text("keep me")
    with pytest.raises(BuildError, match="not made by kbgen"):
        write_site([made("index.html", b"x")], out)
    assert (out / "precious.txt").read_text() == "keep me"


def test_a_site_left_aside_by_a_killed_build_is_put_back(tmp_path):
    out = tmp_path / "site"
    write_site([made("index.html", b"good")], out)
    out.rename(tmp_path / ".site.previous-999")  # killed between its two renames
    (tmp_path / ".site.building-999").mkdir()
    write_site([made("index.html", b"new")], out)
    assert (out / "index.html").read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_recovery_restores_the_previous_site_when_the_new_one_fails(tmp_path):
    out = tmp_path / "site"
    write_site([made("index.html", b"good")], out)
    out.rename(tmp_path / ".site.previous-999")
    with pytest.raises(ValueError):
        write_site([made("../x", b"bad")], out)
    assert (out / "index.html").read_bytes() == b"good"


def test_unchanged_files_keep_their_bytes_and_time(tmp_path):
    out = tmp_path / "site"
    write_site([made("same.html", b"same"), made("changed.html", b"old")], out)
    os.utime(out / "same.html", ns=(1_000_000_000, 1_000_000_000))
    os.utime(out / "changed.html", ns=(1_000_000_000, 1_000_000_000))
    write_site([made("same.html", b"same"), made("changed.html", b"new"), made("added.html", b"+")], out)
    assert (out / "same.html").stat().st_mtime_ns == 1_000_000_000
    assert (out / "changed.html").stat().st_mtime_ns != 1_000_000_000
    assert (out / "changed.html").read_bytes() == b"new" and (out / "added.html").read_bytes() == b"+"


def test_the_finishing_step_is_told_which_pages_changed(tmp_path):
    out, calls = tmp_path / "site", []

    def write_site(files, previous=None, finish=None):  # the writers and a stage beside them, as kbgen.build runs them
        with NewSite(files, out, previous) as site:
            placed, _ = forked_batches(site.place_batch, *site.batches(1), 1, then=lambda pages: finish(site, pages))
            site.placed(placed)
            site.adopt("pagefind")
        return site.written

    def index(site, pages):
        calls.append((site.live, site.changed(pages)))
        (site.folder / "pagefind").mkdir()
        (site.folder / "pagefind/index.bin").write_bytes(b"index of " + (site.folder / "a.html").read_bytes())

    first = write_site([made("a.html", b"one")], finish=index)
    assert calls[-1] == (None, None) and (out / "pagefind/index.bin").read_bytes() == b"index of one"
    assert first["pagefind/index.bin"].key == ""  # not kbgen's own: never counted as a changed page
    again = write_site([made("a.html", b"one")], first, finish=index)
    assert calls[-1] == (out, set())
    assert again["pagefind/index.bin"] == first["pagefind/index.bin"]  # the same bytes keep their time
    changed = write_site([made("a.html", b"two"), made("b.html", b"new")], again, finish=index)
    assert calls[-1] == (out, {"a.html", "b.html"}) and (out / "pagefind/index.bin").read_bytes() == b"index of two"
    write_site([made("a.html", b"two")], changed, finish=index)
    assert calls[-1] == (out, {"b.html"})  # removed
