"""Stage 5: the output folder is swapped in whole, and kbgen never deletes what it did not make."""

from __future__ import annotations

import pytest

from kbgen.errors import BuildError
from kbgen.render import OutputFile
from kbgen.write import MARKER, write_site


def test_output_replaced_as_a_whole(tmp_path):
    out = tmp_path / "site"
    write_site([OutputFile("index.html", b"one"), OutputFile("old.html", b"old")], out)
    write_site([OutputFile("index.html", b"two")], out)
    assert sorted(p.name for p in out.iterdir()) == sorted([MARKER, "index.html"])
    assert (out / "index.html").read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no staging or backup left behind


def test_a_failed_write_leaves_the_previous_site(tmp_path):
    out = tmp_path / "site"
    write_site([OutputFile("index.html", b"good")], out)
    with pytest.raises(ValueError):
        write_site([OutputFile("index.html", b"new"), OutputFile("../escape.html", b"x")], out)
    assert (out / "index.html").read_bytes() == b"good"
    assert not (tmp_path / "escape.html").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_refuses_to_replace_a_folder_kbgen_did_not_make(tmp_path):
    out = tmp_path / "documents"
    (out / "precious.txt").parent.mkdir()
    (out / "precious.txt").write_text("keep me")
    with pytest.raises(BuildError, match="not made by kbgen"):
        write_site([OutputFile("index.html", b"x")], out)
    assert (out / "precious.txt").read_text() == "keep me"
