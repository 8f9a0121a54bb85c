"""The site's size and the static hosts' limits: kbgen build says how big the site is and warns
before a host refuses it."""

from __future__ import annotations

import subprocess
import sys

from kbgen import hosts
from kbgen.hosts import GB, LIMITS, SiteSize


def test_size_counts_bytes_files_folders_and_the_largest_file():
    size = SiteSize.of({"index.html": 10, "a/b/c.html": 30, "a/d.html": 5})
    assert (size.bytes, size.files, size.folders, size.largest) == (45, 3, 2, ("a/b/c.html", 30))
    assert SiteSize.of({}).largest == ("", 0)


def test_a_small_site_gets_no_warning():
    assert hosts.warnings(SiteSize(50_000_000, 3_000, 10, ("api/a.json", 1_000_000)), "_site") == []


def test_each_limit_warns_before_it_is_crossed_and_says_when_it_is():
    near_bytes = hosts.warnings(SiteSize(int(0.85 * GB), 10, 0, ("a", 1)), "_site")
    assert {w.message.split("near ")[1].split("'s")[0] for w in near_bytes} == {
        "GitHub Pages",
        "GitLab Pages (gitlab.com)",
    }
    assert all(w.severity == "warning" and str(w.path) == "_site" for w in near_bytes)
    over_files = hosts.warnings(SiteSize(1_000, 21_000, 0, ("a", 1)), "_site")
    assert [w.message for w in over_files] == [
        "the site has 21,000 files: over Cloudflare Pages (free plan)'s limit of 20,000 files"
    ]
    # GitLab counts folders among its entries
    gitlab = hosts.warnings(SiteSize(1_000, 150_000, 20_000, ("a", 1)), "_site")
    assert any("GitLab" in w.message and "170,000 files" in w.message for w in gitlab)
    big_file = hosts.warnings(SiteSize(1_000, 10, 0, ("api/graph.gexf", 30 * 1024 * 1024)), "_site")
    assert [w.message for w in big_file] == [
        "api/graph.gexf is 31.5 MB: over Cloudflare Pages (free plan)'s limit of 26 MB"
    ]


def test_every_limit_names_a_host_and_limits_something():
    assert all(limit.host and (limit.site_bytes or limit.files or limit.file_bytes) for limit in LIMITS)


def test_build_prints_the_size_and_warns_past_a_limit(golden_project, tmp_path, monkeypatch):
    out = tmp_path / "site"
    command = [sys.executable, "-m", "kbgen", "build", "--project", str(golden_project), "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    files = [p for p in out.rglob("*") if p.is_file()]
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    assert f"Site: {megabytes:,.1f} MB in {len(files):,} files (" in result.stdout
    assert "limit" not in result.stderr
    tiny = (
        "import sys, kbgen.hosts as h; h.LIMITS = (h.HostLimit('Tiny', files=10),); from kbgen.cli import main; main()"
    )
    again = subprocess.run([sys.executable, "-c", tiny, *command[3:]], capture_output=True, text=True, check=True)
    assert "Up to date" in again.stdout
    assert f"warning: the site has {len(files)} files: over Tiny's limit of 10 files" in again.stderr
