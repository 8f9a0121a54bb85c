"""What `kbgen add` records beside each page it downloads into `seeds/`: the address it was asked
for, the address it was served from (after redirects) and when. The page itself is kept as it was
fetched, never modified; this record, `<page>.fetch.json` beside it, is what lets a URL never be
fetched twice, the article link to its original, and a rebuild never need the network.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

RECORD_SUFFIX = ".fetch.json"


@dataclass(frozen=True)
class Fetched:
    url: str  # the address asked for, normalised
    final_url: str  # the address the page came from, after redirects
    fetched: str  # when, in UTC, ISO 8601 to the second: '2026-12-05T23:59:29Z'


def record_path(page: Path) -> Path:
    """`seeds/web/x.html` is recorded in `seeds/web/x.html.fetch.json`."""
    return page.with_name(page.name + RECORD_SUFFIX)


def read_record(page: Path) -> Fetched | None:
    """The record of `page`, or None when it was not downloaded by `kbgen add`. A record that is
    not one raises ValueError saying what is wrong."""
    path = record_path(page)
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path.name} is not a kbgen download record ({exc})") from None
    fields = ("url", "final_url", "fetched")
    if not isinstance(data, dict) or not all(isinstance(data.get(name), str) for name in fields):
        raise ValueError(f"{path.name} is not a kbgen download record (it needs the texts {', '.join(fields)})")
    return Fetched(*(data[name] for name in fields))


def write_record(page: Path, fetched: Fetched) -> None:
    """Write the record of `page` atomically (a reader never sees half of one)."""
    path = record_path(page)
    text = json.dumps(asdict(fetched), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as out:
        out.write(text)
    os.replace(out.name, path)
