"""The strings the site shows, one YAML file per language."""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib import resources

import yaml


def available() -> list[str]:
    return sorted(p.name[:-4] for p in resources.files(__name__).iterdir() if p.name.endswith(".yml"))


@cache  # read once per process: every entity page's picture asks
def load(lang: str) -> dict:
    return yaml.safe_load(resources.files(__name__).joinpath(f"{lang}.yml").read_text("utf-8"))


def format_date(value: date | None, strings: dict) -> str:
    if value is None:
        return ""
    return strings["date_format"].format(
        day=value.day, month=strings["months"][value.month - 1], year=value.year
    )


def format_month(value: date | None, strings: dict) -> str:
    return f"{strings['months'][value.month - 1]} {value.year}" if value else strings["no_date"]


def count(n: int, forms: list[str], lang: str) -> str:
    """'1 mention', '3 mentions'; French also uses the singular for 0."""
    one = n <= 1 if lang == "fr" else n == 1
    return forms[0 if one else 1].format(n=n)
