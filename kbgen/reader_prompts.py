"""Prompts that speak to the reader among a text's last lines ('Abonnez-vous à Seine
Sports pour lire tous nos articles.', 'Réagissez à cet article sur notre page Facebook.',
'Téléchargez l'application Armor Sports'): the site's furniture, not the news, so the names in
them (the outlet, its app, a social network) are no mention of the article.

The evidence is the sentence's grammar and place, not its words: it opens with a verb in the
form the language addresses the reader with (its profile's `reader_verb`: French '-ez', with or
without '-vous'), which the tagger, reading the word in lower case, takes for a verb or finds
joined to its pronoun ('Chez Renault' opens with a preposition, 'Assez' is an adverb), and
that the text never writes capitalised inside a sentence ('Rodez à la peine', a town); and it
sits on a short line among the text's last ones, where a site puts its prompts (at the top, they share
their sentence with the news: 'Suivez le derby entre le Stade brestois et le Stade rennais'). A sentence in quotes
is someone's words. Every span of such a sentence is dropped there, and only there.

So are the spans of a page's controls anywhere in the text (without_controls): a button's or a
link's label, a few words opening with an infinitive ('Partager sur Bluesky', 'Voir cette
publication sur Instagram'), which no sentence of the news is.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kbgen.lang import LanguageProfile
from kbgen.rereading import TAGGER, tagged_texts
from kbgen.spans import written_as_name

if TYPE_CHECKING:
    from kbgen.extract import Normalised

TAIL_LINES = 6  # where a site's prompts sit: a text's last lines with words
LINE_WORDS_MAX = 30  # a prompt is a short line of its own; a longer one is a paragraph of the text
_SENTENCE = re.compile(r"[^.!?…\n]+[.!?…]*")


def without_reader_prompts(
    normalised: list[Normalised], spans: list[list[tuple[int, int, str]]], nlp, language: LanguageProfile
) -> list[list[tuple[int, int, str]]]:
    """The spans less those in a prompt to the reader (see above)."""
    verb = language.rules.reader_verb
    if verb is None or not all(name in nlp.component_names for name in TAGGER):
        return spans  # no such form in this language, or no part-of-speech evidence
    candidates = [
        (index, start, end)
        for index, (norm, found) in enumerate(zip(normalised, spans))
        if found
        for start, end in _edge_sentences(norm.text)
        if verb.fullmatch(_first_word(norm.text[start:end]))
        and not written_as_name(norm.text, _first_word(norm.text[start:end]), language)
    ]
    texts = [_lowered(normalised[index].text[start:end]) for index, start, end in candidates]
    prompts: dict[int, list[tuple[int, int]]] = {}
    for (index, start, end), doc in zip(candidates, tagged_texts(nlp, texts)):
        if _addresses_reader(doc):
            prompts.setdefault(index, []).append((start, end))
    kept = [
        [span for span in found if not any(s <= span[0] < e for s, e in prompts.get(index, ()))]
        for index, found in enumerate(spans)
    ]
    return without_controls(normalised, kept, nlp)


CONTROL_WORDS_MAX = 6  # a control's label: a verb and what it acts on ('Voir cette publication sur Instagram')
_PIECE = re.compile(r"[^\n·|\[\]]+")  # a line's pieces: a page puts its controls between such marks


def without_controls(normalised: list[Normalised], spans: list[list[tuple[int, int, str]]], nlp):
    """The spans less those in a page's control: a piece of a line (between line ends, '·', '|'
    or brackets) of a few words that opens with a verb the tagger, reading it in lower case, takes
    for an infinitive (read as written too: 'théo Carpentier' is one, 'Théo' a name), with no
    conjugated verb after it and no end of sentence: a button or a
    link's label ('Partager sur Bluesky', 'Partager : Facebook | X', '[Écouter (9 min)]', 'Voir
    cette publication sur Instagram'), not a sentence of the news."""
    candidates = []
    for index, (norm, found) in enumerate(zip(normalised, spans)):
        for match in _PIECE.finditer(norm.text) if found else ():
            piece = match.group().strip()
            start = match.start() + match.group().index(piece[:1]) if piece else 0
            # 'Partager : Facebook | X | WhatsApp': what a colon opens runs to the line's end
            line_end = norm.text.find("\n", start) if ":" in piece else -1
            end = line_end if line_end != -1 else match.end()
            if (
                piece[:1].isupper()
                and len(piece.split()) <= CONTROL_WORDS_MAX
                and not piece.endswith((".", "!", "?", "…"))
                and any(start <= s < end for s, _, _ in found)
            ):
                candidates.append((index, start, end, piece))
    controls: dict[int, list[tuple[int, int]]] = {}
    pieces = [piece for *_, piece in candidates]
    readings = zip(candidates, tagged_texts(nlp, pieces), tagged_texts(nlp, [_lowered(p) for p in pieces]))
    for (index, start, end, piece), *docs in readings:
        if all(_is_control(doc) for doc in docs) and not _after_lowercase(normalised[index].text, piece.split()[0]):
            controls.setdefault(index, []).append((start, end))
    return [
        [span for span in found if not any(s <= span[0] < e for s, e in controls.get(index, ()))]
        for index, found in enumerate(spans)
    ]


def _after_lowercase(text: str, word: str) -> bool:
    """Whether the text writes `word` after a word in lower case: inside a sentence, as a name."""
    return re.search(rf"[^\W\d_A-ZÀ-Þ] {re.escape(word)}(?!\w)", text) is not None


def _is_control(doc) -> bool:
    """Whether the tagged piece opens with an infinitive and has no conjugated verb."""
    return (
        len(doc) > 0
        and doc[0].pos_ == "VERB"
        and "Inf" in doc[0].morph.get("VerbForm")
        and not any("Fin" in t.morph.get("VerbForm") for t in doc[1:])
    )


def _addresses_reader(doc) -> bool:
    """Whether the tagged sentence opens with a verb joined to its pronoun ('abonnez-vous'), or
    read as a verb with its object's determiner or a preposition right after it: a name opening
    a sentence ('Pérez a marqué', 'Suez rachète') is followed by its own verb, an order by what
    it asks ('téléchargez l'application', 'réagissez à cet article')."""
    if len(doc) < 2:
        return False
    return doc[1].text.startswith("-") or (doc[0].pos_ in ("VERB", "AUX") and doc[1].pos_ in ("DET", "ADP"))


def _edge_sentences(text: str) -> list[tuple[int, int]]:
    """The [start, end) offsets of the sentences, outside quotes, of the text's last short lines."""
    lines = [m.span() for m in re.finditer(r"[^\n]+", text) if any(c.isalnum() for c in m.group())]
    sentences = []
    for line_start, line_end in lines[-TAIL_LINES:]:
        if len(text[line_start:line_end].split()) > LINE_WORDS_MAX:
            continue  # a paragraph: 'Tenez pour certain qu'il ne souffrira pas...' is a letter's words
        for match in _SENTENCE.finditer(text, line_start, line_end):
            start = match.start() + len(match.group()) - len(match.group().lstrip())
            quoted = text.count("«", line_start, start) > text.count("»", line_start, start)
            if start < match.end() and text[start].isalpha() and not quoted and text[start - 1 : start] != '"':
                sentences.append((start, match.end()))
    return sentences


def _first_word(sentence: str) -> str:
    """The sentence's first word, before any hyphen ('Abonnez' of 'Abonnez-vous')."""
    return sentence.split(maxsplit=1)[0].split("-")[0]


def _lowered(sentence: str) -> str:
    """The sentence with its first letter in lower case: the tagger reads a capital as a name."""
    return sentence[:1].lower() + sentence[1:]
