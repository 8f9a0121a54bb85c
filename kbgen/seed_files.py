"""A seed file's bytes and its text: within the size limit, not empty, not binary, decoded from
whatever encoding it was saved in (a BOM's, UTF-8, else the legacy encoding charset-normalizer
finds, Western European ones first)."""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from kbgen.config import Config


class SeedError(ValueError):
    def __init__(self, message: str, hint: str, line: int | None = None, severity: str = "error"):
        super().__init__(message)
        self.hint, self.line, self.severity = hint, line, severity


@dataclass(frozen=True)
class SeedText:
    """A seed file, read: the digest of its bytes, its text and the encoding it was in."""

    sha256: str
    text: str
    encoding: str


def seed_text(path: Path, config: Config) -> SeedText:
    """The seed file at `path`, read; a SeedError when it is too large, empty or not text."""
    size = path.stat().st_size
    if size > config.max_article_mb * 1_000_000:
        raise SeedError(
            f"is {size / 1_000_000:.1f} MB, over the {config.max_article_mb:g} MB limit for one article; skipped",
            "split it into articles, or raise max_article_mb in kbgen.yml",
            severity="warning",
        )
    raw = path.read_bytes()
    if not raw.strip():
        raise SeedError("is empty; skipped", "give it some text, or remove it", severity="warning")
    text, encoding = decode(raw)
    return SeedText(hashlib.sha256(raw).hexdigest(), text, encoding)


BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings of Western European text, tried before any other when a file is not UTF-8.
WESTERN = ["cp1252", "iso8859_15", "mac_roman"]


def decode(raw: bytes) -> tuple[str, str]:
    """The text of `raw` and the encoding it was in: a BOM's, else UTF-8, else what
    charset-normalizer finds (Western encodings first); binary data is refused."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            return _strict(raw, encoding), encoding
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    if b"\x00" in raw[:8192]:
        best = from_bytes(raw[:65536]).best()
        if best is None or not best.encoding.startswith(("utf_16", "utf_32")):
            raise SeedError(
                "is binary data, not text; skipped", "save the article as text (.txt, .md or .html)", severity="warning"
            )
        return _strict(raw, best.encoding), best.encoding
    best = from_bytes(raw, cp_isolation=WESTERN).best() or from_bytes(raw).best()
    if best is None:
        try:
            return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            raise SeedError("is in an encoding kbgen cannot tell", "save it as UTF-8") from None
    return str(best), best.encoding


def _strict(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise SeedError(f"is not valid {encoding} (byte {exc.start})", "save it as UTF-8") from None
