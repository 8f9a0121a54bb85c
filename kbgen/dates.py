"""Dates as other generators write them: a day (`2024-03-05`, or Pelican's `2024/03/05`), a day
with a time (with or without seconds, `T` or a space between), with or without a zone (`Z`,
`+01:00`, `+0100`); an RFC 2822 date, as feeds and blog exports write it; the values PyYAML and
tomllib already made; and Jekyll's and Zola's date at the front of a file name."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass

ACCEPTED = (
    "write the date as YYYY-MM-DD, or with a time and a zone: "
    "2024-03-05 08:30, 2024-03-05T08:30:00Z, 2024-03-05 08:30:00 +01:00 or +0100"
)

_ZONE = r"(?P<zone>[Zz]|UTC|GMT|[+-]\d{2}(?::?\d{2})?)"
_WHEN = re.compile(
    r"(?P<y>\d{4})(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"(?:(?:[Tt]|\s+)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,](?P<f>\d+))?)?\s*" + _ZONE + r"?)?"
)
# Jekyll's `2024-03-05-title.md`; Zola's also `2024-03-05_title.md` and an RFC 3339 date-time.
_FILENAME = re.compile(
    r"(?P<when>\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)(?:[-_](?P<rest>.*))?", re.DOTALL
)


# A date anywhere in a file name: 2024-03-05, 2024_03_05, 2024.03.05 or 20240305.
_IN_NAME = re.compile(r"(?<!\d)(?P<y>\d{4})(?P<sep>[-_.]?)(?P<m>\d{2})(?P=sep)(?P<d>\d{2})(?!\d)")


@dataclass(frozen=True)
class When:
    date: dt.date
    time: dt.time | None = None  # with its zone (tzinfo) where one was written

    def iso(self) -> str:
        return f"{self.date.isoformat()}T{self.time.isoformat()}" if self.time else self.date.isoformat()


def parse_when(value: object) -> When:
    """A date, or a date and time, from a front matter value; ValueError for anything else."""
    if isinstance(value, dt.datetime):
        return When(value.date(), value.timetz())
    if isinstance(value, dt.date):
        return When(value)
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    match = _WHEN.fullmatch(value.strip())
    if not match:
        return _mail_date(value)
    day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))  # ValueError for 2024-02-30
    if match["H"] is None:
        return When(day)
    micro = int((match["f"] or "0")[:6].ljust(6, "0"))
    zone = _zone(match["zone"]) if match["zone"] else None
    return When(day, dt.time(int(match["H"]), int(match["M"]), int(match["S"] or 0), micro, tzinfo=zone))


def _mail_date(value: str) -> When:
    """An RFC 2822 date ('Tue, 05 Mar 2024 08:30:00 +0100'), as RSS and blog exports write it."""
    try:
        moment = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"not a date: {value!r}") from None
    return When(moment.date(), moment.timetz())


def _zone(text: str) -> dt.tzinfo:
    if text.upper() in ("Z", "UTC", "GMT"):
        return dt.UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 23 or minutes > 59:
        raise ValueError(f"not a time zone: {text!r}")
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def split_filename_date(stem: str) -> tuple[When | None, str]:
    """The date a file name starts with (`2024-03-05-titre`) and the rest of the name; (None,
    stem) when it does not start with a valid date."""
    match = _FILENAME.fullmatch(stem)
    if not match:
        return None, stem
    try:
        when = parse_when(match["when"])
    except ValueError:
        return None, stem
    return when, match["rest"] or ""


def date_in_name(stem: str) -> When | None:
    """The date a file name starts with (as split_filename_date reads it, with its time), else
    the first valid date anywhere in it (`depeche_2024_03_05`, `afp-20181207`); None if none."""
    when, _ = split_filename_date(stem)
    if when is not None:
        return when
    for match in _IN_NAME.finditer(stem):
        try:
            return When(dt.date(int(match["y"]), int(match["m"]), int(match["d"])))
        except ValueError:
            continue
    return None
