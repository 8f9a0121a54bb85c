"""The static hosts' limits on a site, and how near a built site is to each: `kbgen build` says
the site's size and file count, and warns before a limit is crossed (a knowledge base grows by
the day, so the warning comes while there is still room)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kbgen.errors import Problem


@dataclass(frozen=True)
class HostLimit:
    host: str
    site_bytes: int | None = None  # the whole site
    files: int | None = None  # files in the site (GitLab counts folders too)
    file_bytes: int | None = None  # any one file


MB = 1_000_000
GB = 1_000_000_000
# Each host's published limits; the source of each is named beside it. Bytes as decimal units,
# the stricter reading of "1 GB".
LIMITS = (
    # docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits:
    # "Published GitHub Pages sites may be no larger than 1 GB."
    HostLimit("GitHub Pages", site_bytes=GB),
    # developers.cloudflare.com/pages/platform/limits/: 20,000 files per site on the Free plan,
    # 25 MiB per file.
    HostLimit("Cloudflare Pages (free plan)", files=20_000, file_bytes=25 * 1024 * 1024),
    # docs.gitlab.com/user/gitlab_com/#gitlab-pages: maximum size 1 GB, 200,000 files per
    # website (file entries, folders included).
    HostLimit("GitLab Pages (gitlab.com)", site_bytes=GB, files=200_000),
)
WARN_FROM = 0.8  # share of a limit from which the build warns


@dataclass(frozen=True)
class SiteSize:
    bytes: int
    files: int
    folders: int
    largest: tuple[str, int]  # the largest file's path and size

    @classmethod
    def of(cls, sizes: dict[str, int]) -> SiteSize:
        """The size of a site whose files (by path relative to it, with '/') have these sizes."""
        folders = {path.rsplit("/", 1)[0] for path in sizes if "/" in path}
        folders |= {folder.rsplit("/", i)[0] for folder in folders for i in range(1, folder.count("/") + 1)}
        largest = max(sizes.items(), key=lambda item: (item[1], item[0]), default=("", 0))
        return cls(sum(sizes.values()), len(sizes), len(folders), largest)

    def line(self) -> str:
        return f"{self.bytes / MB:,.1f} MB in {self.files:,} files"


def warnings(size: SiteSize, where: Path | str) -> list[Problem]:
    """A warning for each host limit the site has come near (WARN_FROM) or crossed."""
    found = []
    for limit in LIMITS:
        checks = (
            (limit.site_bytes, size.bytes, f"the site is {size.bytes / MB:,.0f} MB", "MB", MB),
            (limit.files, size.files + size.folders * (limit.host.startswith("GitLab")), None, "files", 1),
            (limit.file_bytes, size.largest[1], f"{size.largest[0]} is {size.largest[1] / MB:,.1f} MB", "MB", MB),
        )
        for allowed, used, what, unit, scale in checks:
            if allowed is None or used < WARN_FROM * allowed:
                continue
            what = what or f"the site has {used:,} files"
            state = "over" if used > allowed else "near"
            found.append(
                Problem(
                    where,
                    None,
                    f"{what}: {state} {limit.host}'s limit of {allowed / scale:,.0f} {unit}",
                    "see docs/performance.md (Fitting the hosts) for the kbgen.yml switches that make it smaller",
                    "warning",
                )
            )
    return found
