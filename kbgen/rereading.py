"""The model's second look at parts of a text, for kbgen.extract: a piece of a span read alone
(is it a name, and of which kind?), and the part of speech of a word opening a span at a
sentence start (kbgen.spans.is_common_opening), and the model's lexicon on a span in capitals
(a heading). Each runs in one batch over the few texts that need it.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kbgen.lang import LanguageProfile
from kbgen.name_edges import opens_with_names_article
from kbgen.spans import (
    is_common_noun,
    is_common_opening,
    joined,
    starts_sentence,
    trim,
    written_as_name,
)

if TYPE_CHECKING:
    from kbgen.extract import Normalised

# Loaded but left out of the NER pass: they tag only the words that open a sentence and a span.
TAGGER = ("tok2vec", "morphologizer")


def with_pieces_alone(
    normalised: list[Normalised],
    spans: list[list[tuple[int, int, str]]],
    broken: list[list[tuple[int, int]]],
    nlp,
    language: LanguageProfile,
) -> list[list[tuple[int, int, str]]]:
    """The spans, with each piece of a span that ran over a line end or a dateline's dash
    (spans.line_pieces) that the model, reading it alone, finds a name in, with that label."""
    labels = labels_alone((norm.text[s:e] for norm, pieces in zip(normalised, broken) for s, e in pieces), nlp)
    result = []
    for norm, found, pieces in zip(normalised, spans, broken):
        alone = [(start, end, labels[norm.text[start:end]]) for start, end in pieces]
        kept = [trim(norm.text, start, end, label, language) for start, end, label in alone if label]
        result.append(sorted(found + [span for span in kept if span]))
    return result


def without_common_openings(
    normalised: list[Normalised], spans: list[list[tuple[int, int, str]]], nlp, language: LanguageProfile
) -> list[list[tuple[int, int, str]]]:
    """The spans less the word that opens each span at a sentence start when the model tags it
    as no name (spans.is_common_opening: 'Pourtant', 'Retrouvez', 'Interrogé'), or, a span of one
    word, as a common noun its lemmatizer lists (spans.is_common_noun: 'Vidéo', 'Crédit'), and the
    text never writes it capitalised inside a sentence ('M. Hotz' makes 'Hotz' a name); what
    follows it in the span is trimmed again as a span of its own. An article the model put in
    the span and that belongs to the name stays (name_edges.opens_with_names_article: 'Le Havre')."""
    if not all(name in nlp.component_names for name in TAGGER):
        return spans  # no part-of-speech evidence in this pipeline
    openings: dict[tuple[int, int], tuple[str, bool]] = {}  # (article, span start) -> its sentence, one word?
    lexicon_nouns = common_nouns(getattr(nlp, "_path", None))
    for index, (norm, found) in enumerate(zip(normalised, spans)):
        for start, end, _ in found:
            line_end = norm.text.find("\n", start, start + 200)
            opening = norm.text[start : line_end if line_end != -1 else start + 200]
            word = re.match(r"[\w'-]*", opening).group()  # type: ignore[union-attr]
            # A word in capitals is left alone: the tagger reads them poorly; so is an initial
            # ('A. Q'), but a capital letter alone is read ('À Évreux').
            if (
                not (word.isupper() and (len(word) > 1 or opening[1:2] == "."))
                and not opens_with_names_article(norm.text, start, end, language, lexicon_nouns)
                and starts_sentence(norm.text, start, language)
                and not written_as_name(norm.text, word, language)
            ):
                openings[index, start] = (opening, " " not in norm.text[start:end])
    keys = sorted(set(openings.values()))
    tagged = tagged_texts(nlp, [text for text, _ in keys])
    lowered = tagged_texts(nlp, [text[:1].lower() + text[1:] for text, _ in keys])
    common = {key for key, doc, low in zip(keys, tagged, lowered) if is_common_opening(doc, low, key[1])}
    # A common noun alone ('Vidéo - ...', 'Crédit photo : ...'), by the model's own lexicon, read only if needed.
    nouns = {key for key, doc in zip(keys, tagged) if key[1] and key not in common and doc[0].pos_ == "NOUN"}
    if nouns:
        lexicon = common_nouns(getattr(nlp, "_path", None))
        common |= {key for key, doc in zip(keys, tagged) if key in nouns and is_common_noun(doc, lexicon)}
    result: list[list[tuple[int, int, str]]] = []
    for index, (norm, found) in enumerate(zip(normalised, spans)):
        kept = []
        for start, end, label in found:
            if openings.get((index, start)) not in common:
                kept.append((start, end, label))
            elif (space := norm.text.find(" ", start, end)) != -1 and (
                rest := trim(norm.text, space, end, label, language)
            ):
                kept.append(rest)
        result.append(kept)
    return result


# What the tagger reads right after a word that makes it a name: its verb ('Orange annonce'), a
# number (a dateline's day: 'Gènes 16 août.').
AFTER_A_NAME_POS = frozenset(("VERB", "AUX", "NUM"))


def without_lexicon_openings(
    normalised: list[Normalised], spans: list[list[tuple[int, int, str]]], nlp, language: LanguageProfile
) -> list[list[tuple[int, int, str]]]:
    """The spans less those of one word opening a sentence, a line or a speaker's turn that the
    model's lexicon knows as a common noun or adjective (common_words: 'Bonjour', 'Naissances',
    'Grêle'), that the text never writes capitalised inside a sentence, and after which, in its
    line read as written and with the word in lower case, the tagger finds no verb nor number:
    a name opening a sentence is followed by its verb ('Orange annonce', a noun to the tagger
    after 'orange'), a dateline's place by its date ('Gènes 16 août'). A word alone on its line
    (a table's cell: 'Rennes') or before a bracket (a dateline's agency: 'Paris (AFP) -'; a
    rider's country: 'Olano (Esp)') is left alone."""
    if not all(name in nlp.component_names for name in TAGGER):
        return spans
    known: Callable[[str], bool] | None = None  # the lexicon, read only when some word needs it
    lines: dict[tuple[int, int], str] = {}  # (article, span start) -> its line from the word
    for index, (norm, found) in enumerate(zip(normalised, spans)):
        for start, end, _ in found:
            word = norm.text[start:end]
            line_end = norm.text.find("\n", end, end + 200)
            line = norm.text[start : line_end if line_end != -1 else end + 200]
            after = line[len(word) :].strip()
            if not (word.isalpha() and word[1:].islower() and after) or after.startswith("("):
                continue
            if not starts_sentence(norm.text, start, language) or written_as_name(norm.text, word, language):
                continue
            known = known or common_words(getattr(nlp, "_path", None))
            if known(word.lower()):
                lines[index, start] = line
    keys = sorted(set(lines.values()))
    readings = zip(keys, tagged_texts(nlp, keys), tagged_texts(nlp, [key[:1].lower() + key[1:] for key in keys]))
    common = {
        key for key, *docs in readings if not any(doc[1].pos_ in AFTER_A_NAME_POS for doc in docs if len(doc) > 1)
    }
    return [[span for span in found if lines.get((index, span[0])) not in common] for index, found in enumerate(spans)]


CONTEXT_CHARS = 120  # of the line on each side of a word, for the tagger to read it in


def without_common_nouns_inside(
    normalised: list[Normalised],
    spans: list[list[tuple[int, int, str]]],
    nlp,
    language: LanguageProfile,
) -> list[list[tuple[int, int, str]]]:
    """The spans less those of one capitalised word inside a sentence that is a common noun by
    three witnesses: the text writes it in lower case too, the model's lexicon lists it as a
    noun, and the tagger reads it as a common noun in its line, not as a proper noun: the name
    of a newsletter or a rubric ('notre newsletter Défense' beside 'l'industrie de défense').
    The lexicon and the tagger alone take names too ('le Nord'). A word in capitals (an
    acronym), after a title ('M. Rose') or after a determiner ('le Sénat') is left alone."""
    if not all(name in nlp.component_names for name in TAGGER):
        return spans
    contexts: dict[tuple[int, int], tuple[str, int]] = {}  # (article, span start) -> its line, the word's place in it
    lexicon: frozenset[str] | None = None  # read only when some word needs it
    for index, (norm, found) in enumerate(zip(normalised, spans)):
        lowercase: set[str] | None = None  # the article's words in lower case, once it has a candidate
        for start, end, _ in found:
            word = norm.text[start:end]
            if not (word.isalpha() and word[:1].isupper() and not word.isupper()):
                continue
            if starts_sentence(norm.text, start, language) or language.rules.person_cues.search(
                norm.text, max(0, start - 25), start
            ):
                continue
            lowercase = lowercase if lowercase is not None else set(re.findall(r"(?<![\w-])[^\W\d_A-ZÀ-Þ]+", norm.text))
            if word.lower() not in lowercase:
                continue
            lexicon = lexicon if lexicon is not None else common_nouns(getattr(nlp, "_path", None))
            if word.lower() in lexicon:
                line_start = max(norm.text.rfind("\n", 0, start) + 1, start - CONTEXT_CHARS)
                line_end = norm.text.find("\n", end, end + CONTEXT_CHARS)
                line = norm.text[line_start : line_end if line_end != -1 else end + CONTEXT_CHARS]
                contexts[index, start] = (line, start - line_start)
    keys = sorted(set(contexts.values()))
    tagged = dict(zip(keys, tagged_texts(nlp, [text for text, _ in keys])))
    common = {key for key in keys if _is_noun_at(tagged[key], key[1])}
    return [
        [span for span in found if contexts.get((index, span[0])) not in common] for index, found in enumerate(spans)
    ]


def _is_noun_at(doc, position: int) -> bool:
    """Whether the tagger reads the word at character `position` of `doc` as a common noun with
    no determiner before it: an article makes an institution of it ('le Sénat', 'l'Assemblée')."""
    return any(t.idx == position and t.pos_ == "NOUN" and (t.i == 0 or doc[t.i - 1].pos_ != "DET") for t in doc)


@functools.cache
def lookups(model: Path | None) -> dict:
    """The lemmatizer's tables of the pipeline at `model` (a folder), read once; none when it has
    no such tables. About half a second: read only when a word needs them."""
    tables = model / "lemmatizer" / "lookups" / "lookups.bin" if model else None
    if tables is None or not tables.is_file():
        return {}
    import srsly

    return srsly.read_msgpack(tables)


@functools.cache
def common_nouns(model: Path | None) -> frozenset[str]:
    """The common nouns the lemmatizer of the pipeline at `model` (a folder) lists, in lower case."""
    from spacy.strings import get_string_id

    return frozenset(lookups(model).get("lemma_index", {}).get(get_string_id("noun"), ()))


@functools.cache
def common_adjectives(model: Path | None) -> frozenset[str]:
    """The adjectives the lemmatizer of the pipeline at `model` (a folder) lists, in lower case."""
    from spacy.strings import get_string_id

    return frozenset(lookups(model).get("lemma_index", {}).get(get_string_id("adj"), ()))


@functools.cache
def common_words(model: Path | None, parts: tuple[str, ...] = ("noun", "adj")) -> Callable[[str], bool]:
    """Whether a word in lower case is a common noun or adjective (`parts`) the lemmatizer of the
    pipeline at `model` knows: a lemma it lists ('divers') or a form it gives such a lemma for
    ('travaux', 'associative'; not 'valais', a form of 'valoir'). None is, with no such tables."""
    from spacy.strings import get_string_id

    tables = lookups(model)
    index, forms = tables.get("lemma_index", {}), tables.get("lemma_lookup", {})
    lemmas = frozenset(word for pos in parts for word in index.get(get_string_id(pos), ()))
    return lambda word: word in lemmas or any(lemma in lemmas for lemma in forms.get(get_string_id(word), ()))


def without_headings(
    normalised: list[Normalised], spans: list[list[tuple[int, int, str]]], nlp, language: LanguageProfile
) -> list[list[tuple[int, int, str]]]:
    """The spans less those written wholly in capitals whose every word but the language's
    function words is a common noun or adjective of the model's lexicon (common_words) that the
    text never writes capitalised inside a sentence: a section heading ('VIE ASSOCIATIVE', 'MOT
    DU MAIRE', 'FAITS DIVERS'), no name. 'PARIS' beside 'Paris' stays, and so does a span of
    four letters or fewer, an acronym's length ('CAF', 'CGT')."""
    stop_words = language.stop_words()
    candidates: dict[tuple[int, int], list[str]] = {}  # (article, span start) -> its words
    for index, (norm, found) in enumerate(zip(normalised, spans)):
        for start, end, _ in found:
            name = norm.text[start:end]
            content = [w for w in re.findall(r"[^\W\d_]+", name) if w.lower() not in stop_words]
            if content and name.isupper() and len("".join(content)) > 4:
                candidates[index, start] = content
    if not candidates:
        return spans
    known = common_words(getattr(nlp, "_path", None))
    headings = set()
    for (index, start), content in candidates.items():
        text = normalised[index].text
        if all(known(w.lower()) and not written_as_name(text, w[0] + w[1:].lower(), language) for w in content):
            headings.add((index, start))
    return [[span for span in found if (index, span[0]) not in headings] for index, found in enumerate(spans)]


def with_listed_places_relabelled(
    normalised: list[Normalised], spans: list[list[tuple[int, int, str]]], nlp, language: LanguageProfile
) -> list[list[tuple[int, int, str]]]:
    """The spans, a place's label made an organisation's where the span is listed ('et', 'ou')
    right beside one the model labels an organisation and the model, reading it alone, finds no
    place in it: a company's unfamiliar name beside a known one ('de Stellantis et de Renault',
    'Daher et Europe Technologies'). A town listed beside a body is read alone as a place still,
    and a word of the model's lexicon is no company's unfamiliar name ('le Chœur et l'Orchestre')."""
    candidates = {}
    for index, (norm, found) in enumerate(zip(normalised, spans)):
        for first, second in itertools.pairwise(sorted(found)):
            if {first[2], second[2]} == {"LOC", "ORG"} and first[1] <= second[0]:
                place = first if first[2] == "LOC" else second
                if joined(norm.text[first[1] : second[0]], language.rules):
                    candidates[index, place[0]] = norm.text[place[0] : place[1]]
    if candidates:
        known = common_words(getattr(nlp, "_path", None))
        words = {
            at: name.lower().replace("œ", "oe").split() for at, name in candidates.items()
        }  # the lexicon's 'choeur'
        candidates = {at: name for at, name in candidates.items() if not all(map(known, words[at]))}
    labels = labels_alone(candidates.values(), nlp)
    return [
        [
            (start, end, "ORG" if (index, start) in candidates and labels[candidates[index, start]] != "LOC" else label)
            for start, end, label in found
        ]
        for index, found in enumerate(spans)
    ]


# Parts of speech of a word no name ends with: 'Da Costa sur', 'Gap et'.
CLOSING_FUNCTION_POS = frozenset(("ADP", "DET", "CCONJ", "SCONJ", "PRON"))


def without_closing_words(
    normalised: list[Normalised], spans: list[list[tuple[int, int, str]]], nlp, language: LanguageProfile
) -> list[list[tuple[int, int, str]]]:
    """The spans less the lowercase words that end them when the model, reading the span in
    its sentence, tags them as function words ('Da Costa sur Le Télégramme'), or as a verb when
    the text also writes the name without it ('Vidal Conseil réunis à Lyon' beside 'Vidal
    Conseil'; 'Nations unies' is written whole); what is left is trimmed again."""
    if not all(name in nlp.component_names for name in TAGGER):
        return spans  # no part-of-speech evidence in this pipeline
    contexts: dict[tuple[int, int], str] = {}  # (article, span start) -> the span's line from it
    for index, (norm, found) in enumerate(zip(normalised, spans)):
        for start, end, _ in found:
            words = norm.text[start:end].split()
            if len(words) > 1 and words[-1][:1].islower():
                line_end = norm.text.find("\n", end, end + 200)
                contexts[index, start] = norm.text[start : line_end if line_end != -1 else end + 200]
    keys = sorted(set(contexts.values()))
    tagged = dict(zip(keys, tagged_texts(nlp, keys)))
    result = []
    for index, (norm, found) in enumerate(zip(normalised, spans)):
        kept = []
        for start, end, label in found:
            new_end = end
            if (index, start) in contexts:
                new_end = _name_end(norm.text, start, end, tagged[contexts[index, start]], language.stop_words())
            if new_end == end:
                kept.append((start, end, label))
            elif span := trim(norm.text, start, new_end, label, language):
                kept.append(span)
        result.append(sorted(kept))
    return result


def _name_end(text: str, start: int, end: int, doc, stop_words: frozenset[str]) -> int:
    """Where the name of [start, end) ends, given `doc`, the text from `start` tagged: a
    function word must be one of the language's (`stop_words`), not a scanning error ('Meu ron')."""
    tokens = [t for t in doc if t.idx + len(t.text) <= end - start]
    while len(tokens) > 1 and start + tokens[-1].idx + len(tokens[-1].text) == end and tokens[-1].text[:1].islower():
        last = tokens.pop()
        shorter = text[start : start + last.idx].rstrip()
        if (last.pos_ in CLOSING_FUNCTION_POS and last.text in stop_words) or (
            last.pos_ in ("VERB", "AUX") and _written_without(text, shorter, last.text)
        ):
            end = start + len(shorter)
        else:
            break
    return end


def _written_without(text: str, name: str, word: str) -> bool:
    """Whether `text` writes `name` somewhere not followed by `word`."""
    return any(
        not text[m.end() :].lstrip().startswith(word) for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    )


def lexicon_lists(model: Path | None) -> Callable[[str, str], bool]:
    """Whether the lexicon of the pipeline at `model` lists a lowercase word as a form of a part of speech."""
    return lambda word, part: common_words(model, (part,))(word)


def tagged_texts(nlp, texts: list[str]) -> list:
    """The texts with parts of speech, by the pipeline's tagger (disabled for NER: run by hand)."""
    docs = (nlp.make_doc(text) for text in texts)
    for name in TAGGER:
        docs = nlp.get_pipe(name).pipe(docs)
    return list(docs)


def labels_alone(texts: Iterable[str], nlp) -> dict[str, str | None]:
    """The label the model gives each text when the whole of it is one name (None when it is
    not), read in one batch: a call of the pipeline per text costs many times more."""
    texts = sorted(set(texts))
    labels = {}
    for text, doc in zip(texts, nlp.pipe(texts)):
        whole = [e.label_ for e in doc.ents if e.start_char == 0 and e.end_char == len(text)]
        labels[text] = whole[0] if whole else None
    return labels
