"""Titles for pages ingest makes from seeds: never empty, never punctuation alone ("...", "…",
"— et les incendies" gives "et les incendies"), whatever text a seed starts with."""

from __future__ import annotations

import re

TITLE_MAX = 80
# Leading characters that open no words: dashes, ellipses, bullets, closing quotes... An opening
# quote or bracket stays ("« Non », dit-il").
_LEADING = re.compile(r"^[^\w«“‘\"'(\[¿¡]+|^_+")
_WORD = re.compile(r"[^\W_]")  # a letter or a digit


def readable_title(text: str) -> str | None:
    """`text` on one line, without the punctuation it starts with; None when no word is left."""
    text = re.sub(r"\s+", " ", text).strip()
    while (stripped := _LEADING.sub("", text)) != text:
        text = stripped
    return text if _WORD.search(text) else None


def infer_title(body: str) -> str | None:
    """The first sentence of the text that has words in it (a paragraph's lines read as one: a
    text wrapped at a fixed width), shortened at a word boundary; None when the text has no word."""
    text = None
    for paragraph in re.split(r"\n\s*\n", body.replace("\\", "").strip()):
        lines = paragraph.split("\n")
        while lines and not readable_title(lines[0]):
            lines.pop(0)  # a line of punctuation alone ('---', '...')
        if lines:
            text = readable_title(" ".join(lines))
            break
    if text is None:
        return None
    sentences = re.split(r"(?<=[.!?…])\s", text)
    sentence = next(s for s in (s.rstrip(" .") for s in sentences) if _WORD.search(s))
    if len(sentence) <= TITLE_MAX:
        return sentence
    cut = sentence[: TITLE_MAX + 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    if " " not in sentence[: TITLE_MAX + 1]:  # one long word: kept whole, never cut inside
        cut = sentence.split(" ", 1)[0]
    return cut + "…" if _WORD.search(cut) else None


def title_from_file_name(name: str) -> str:
    """A seed's file name made readable: `mon_article-2.txt` gives "Mon article 2"; the name as
    it is when its stem has no word."""
    stem = name.rsplit(".", 1)[0]
    words = readable_title(re.sub(r"[-_.+]+", " ", stem))
    return words[0].upper() + words[1:] if words else name
