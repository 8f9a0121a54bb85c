"""The furniture of a plain text (an e-mail, a newsletter, a press release, a bulletin): lines
that give the sender's addresses or close the message, not the news.

HTML pages lose their furniture by their markup (kbgen.webpage) and by repetition across a
site's pages (kbgen.boilerplate); a plain text has neither, so the evidence here is the line's
shape and place, never its words:
- a contact line among the first or last lines: an e-mail address, a web address or a phone
  number with a few words around it ('Agence Mots Clés – Juliette Ménard – 06 12 34 56 78 –
  jm@agence.fr'), not a sentence that happens to cite a site;
- what follows a rule of dashes among the last lines: the signature or footer an e-mail sets
  apart that way ('---', as the '-- ' signature separator of mail).

And anywhere, a copyright sign and the few words after it that close a line: a picture's credit
('Photo : la cabine immobilisée au-dessus du pylône 2. © Lecteur / DR'). The sign is the page's,
not a sentence's (an article writes about rights in words), and what follows it names who took
the picture, not who is in the news; the caption before it describes the picture with the
text's own names, and stays (kbgen.signatures drops the names the caption alone gives). Its
holders are counted in words, not the slashes between them.
"""

from __future__ import annotations

import re

EDGE_LINES = 6  # where a text's furniture sits: its first and its last lines
CONTACT_WORDS_MAX = 14  # words of a contact line besides its addresses: more is a sentence
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WEB = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+\.[a-z]{2,6}/\S*", re.IGNORECASE)
# A phone number: ten digits from a 0, or a country code and the rest, in pairs with one
# separator throughout ('06 12 34 56 78', '+33 6 12 34 56 78'); a date's dots change pace.
_PHONE = re.compile(r"(?<![\d,.])(?:\+\d{1,3}[\s.-]?(?:\(0\)\s?)?\d|0\d)(?P<s>[\s.-]?)\d{2}(?:(?P=s)\d{2}){3}(?![\d,])")
_RULE = re.compile(r"^\s*[-_–—=*]{3,}\s*$")
CREDIT_TAIL_WORDS = 6  # words after a copyright sign that closes a line: its holder, a year


def furniture_lines(lines: list[str]) -> set[int]:
    """The indices of the furniture among a plain text's lines (in order); never all of them."""
    edges = {*range(min(EDGE_LINES, len(lines))), *range(max(len(lines) - EDGE_LINES, 0), len(lines))}
    cut = {index for index in edges if _contact(lines[index])}
    rules = [index for index in range(max(len(lines) - EDGE_LINES, 0), len(lines)) if _RULE.match(lines[index])]
    if rules:
        cut |= set(range(rules[-1], len(lines)))
    return cut if len(cut) < len(lines) else set()


def _contact(line: str) -> bool:
    """Whether a line gives an address or a number to write to or call, with few words besides."""
    rest = _PHONE.sub(" ", _WEB.sub(" ", _EMAIL.sub(" ", line)))
    return rest != line and len(re.findall(r"[^\W\d_]+", rest)) <= CONTACT_WORDS_MAX


def without_credit(line: str) -> str:
    """The line less the credit that closes it (see above), or as it is."""
    sign = line.rfind("©")
    # Words, not the bars and slashes between a credit's holders ('© Le Phare de Seine / Hélène Quesnel-Baudry').
    if sign == -1 or len(re.findall(r"\w+(?:[-'’]\w+)*", line[sign + 1 :])) > CREDIT_TAIL_WORDS:
        return line
    return line[:sign].rstrip(" -–—/|·•,")
