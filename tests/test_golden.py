"""Builds the small model-free site in tests/golden/project and compares every output file with
tests/golden/expected. Regenerate on purpose with KBGEN_UPDATE_GOLDEN=1."""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from kbgen.check import check_site

EXPECTED = Path(__file__).parent / "golden" / "expected"


def build(project: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kbgen", "build", "--project", str(project), "--out", str(out), *extra],
        capture_output=True,
        text=True,
    )


def tree(folder: Path, search_index: bool = True) -> dict[str, bytes]:
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    return files if search_index else {k: v for k, v in files.items() if not k.startswith("pagefind/")}


def test_golden_site(golden_project, tmp_path):
    out = tmp_path / "site"
    result = build(golden_project, out)
    assert result.returncode == 0, result.stderr
    # Pagefind's own bundle is left out: it is Pagefind's output, checked for determinism below.
    built = tree(out, search_index=False)
    assert any(name.startswith("pagefind/") for name in tree(out)), "no search index was built"
    if os.environ.get("KBGEN_UPDATE_GOLDEN"):
        shutil.rmtree(EXPECTED, ignore_errors=True)
        shutil.copytree(out, EXPECTED, ignore=shutil.ignore_patterns("pagefind"))
    expected = tree(EXPECTED)
    assert sorted(built) == sorted(expected), "the set of output files changed"
    diffs = []
    for name, data in expected.items():
        if built[name] != data:
            diffs.extend(
                difflib.unified_diff(
                    data.decode().splitlines(),
                    built[name].decode().splitlines(),
                    f"expected/{name}",
                    f"built/{name}",
                    lineterm="",
                )
            )
    assert not diffs, "built site differs from tests/golden/expected (KBGEN_UPDATE_GOLDEN=1 to accept):\n" + "\n".join(
        diffs
    )


def test_golden_site_links_resolve(golden_project, tmp_path):
    out = tmp_path / "site"
    assert build(golden_project, out).returncode == 0
    assert check_site(out) == []


def test_rebuild_is_byte_identical(golden_project, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert build(golden_project, first).returncode == 0
    assert build(golden_project, second).returncode == 0
    assert tree(first) == tree(second)


def test_output_does_not_depend_on_where_the_project_lies(golden_project, tmp_path):
    elsewhere = tmp_path / "somewhere else" / "é"
    shutil.copytree(golden_project, elsewhere)
    assert build(golden_project, tmp_path / "one").returncode == 0
    assert build(elsewhere, tmp_path / "two").returncode == 0
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
