"""Stage 2, extract: spaCy NER over each article's text, as Mentions with character offsets.

The model reads a normalised copy of the text (typographic apostrophes and quotes in their plain
form, non-breaking spaces as spaces, runs of spaces collapsed, words hyphenated at line ends
joined, soft hyphens removed) that remembers where each of its characters came from, so every
offset is given back in the original text. What of each predicted span is a name is decided by
the span rules of the text's language (kbgen.spans).
"""

from __future__ import annotations

import functools
import itertools
import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from tqdm import tqdm

from kbgen import heading_phrases, name_adjectives, parallel, peoples_words, reader_prompts, rereading, signatures
from kbgen.article_surnames import with_article_surnames
from kbgen.articles import Article
from kbgen.bracket_acronyms import with_bracket_acronyms, with_defined_names
from kbgen.capitals import with_datelines, without_headings_in_capitals
from kbgen.contained_names import without_contained
from kbgen.errors import BuildError, Problem
from kbgen.glued import split_all
from kbgen.glued_words import without_glued_descriptors
from kbgen.lang import OPENING_QUOTES, LanguageProfile, plain_forms, profile
from kbgen.name_edges import apart, joined_to_their_complement, joined_to_their_place, with_word_before_acronym
from kbgen.named_after import with_named_after
from kbgen.numbered_bodies import with_body_numbers
from kbgen.org_complements import with_organisation_complements
from kbgen.portfolios import without_portfolios
from kbgen.project import CONFIG_FILE
from kbgen.quoted_titles import with_quoted_titles
from kbgen.side_by_side import joined_side_by_side
from kbgen.spans import (
    LABELS,
    joined_at_connectors,
    line_pieces,
    names_in,
    starts_sentence,
    title_before,
    without_descriptors,
)

if TYPE_CHECKING:
    from spacy.pipeline import EntityRuler

# Components a trained pipeline has that NER does not need (their weights are not even loaded).
NOT_NEEDED = ["parser", "senter", "attribute_ruler", "lemmatizer", "tagger", "trainable_lemmatizer"]


@dataclass(frozen=True, slots=True)  # many thousands of them: no __dict__ each
class Mention:
    article: str  # article slug
    start: int  # offsets in Article.text
    end: int
    text: str  # the name as written (see clean_name)
    label: str  # PER, ORG, LOC or MISC
    title: str = ""  # a person's title or function just before the name ('M.', 'Mgr', 'le président'), not part of it


@dataclass(frozen=True)
class Extraction:
    mentions: tuple[Mention, ...]
    sentences: dict[str, tuple[tuple[int, int], ...]]  # article slug -> sentence spans in its text


@dataclass(frozen=True)
class Normalised:
    text: str
    origin: tuple[int, ...]  # origin[i]: where text[i] was in the original; one more at the end

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of normalised [start, end)."""
        return self.origin[start], self.origin[end - 1] + 1


_HYPHENATED = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[a-zà-ÿ])|\u00ad")
_SPACES = re.compile(r"[ \t\u00a0\u202f\u2009]{2,}")


def normalise(text: str) -> Normalised:
    """What the model reads, and where each of its characters came from."""
    removed = [(m.start(), m.end(), "") for m in _HYPHENATED.finditer(text)]
    removed += [(m.start(), m.end(), " ") for m in _SPACES.finditer(text)]
    out: list[str] = []
    origin: list[int] = []
    cursor = 0
    for start, end, replacement in sorted(removed):
        if start < cursor:
            continue
        out.append(text[cursor:start])
        origin.extend(range(cursor, start))
        out.append(replacement)
        origin.extend([start] * len(replacement))
        cursor = end
    out.append(text[cursor:])
    origin.extend(range(cursor, len(text) + 1))
    return Normalised(plain_forms("".join(out)), tuple(origin))


def load_pipeline(model: str, patterns: Path | None = None, lang: str | None = None):
    """The NER pipeline named by config: a package, a path, or `blank:LANG` (patterns only);
    `lang` is the language of the texts it will read, whose span rules apply to what it finds
    (by default the model's own). The pipeline carries it (language_of), so that worker
    processes, which get only the pipeline, apply the same rules."""
    _small_pages_for_numpy()
    import spacy  # imported here: only a build that has text to read pays for it

    if model.startswith("blank:"):
        nlp = spacy.blank(model.split(":", 1)[1])
    else:
        try:
            nlp = spacy.load(model, exclude=NOT_NEEDED)
        except OSError:
            raise BuildError(
                [
                    Problem(
                        CONFIG_FILE,
                        None,
                        f"the spaCy model '{model}' is not installed",
                        f"install it with `pip install {model.replace('_', '-')}` or set `model:` in {CONFIG_FILE}",
                    )
                ]
            ) from None
    _multiply_with_numpy(nlp)
    for name in rereading.TAGGER:
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    if patterns is not None:
        ruler = cast("EntityRuler", nlp.add_pipe("entity_ruler", before="ner" if "ner" in nlp.pipe_names else None))
        try:
            ruler.from_disk(patterns)
        except ValueError as exc:
            raise BuildError(
                [Problem(patterns, None, f"invalid entity patterns: {exc}", "write one JSON pattern per line")]
            ) from None
    nlp.add_pipe("sentencizer")
    nlp.meta[LANG_KEY] = lang or nlp.lang
    return nlp


LANG_KEY = "kbgen_lang"  # in a pipeline's meta: the language whose span rules apply to it


def language_of(nlp) -> LanguageProfile:
    """The profile of the language `nlp` reads for kbgen (load_pipeline's `lang`)."""
    return profile(nlp.meta.get(LANG_KEY) or nlp.lang)


def _small_pages_for_numpy() -> None:
    """Have numpy (imported by spaCy next) leave its large arrays in ordinary memory pages: by
    default it asks the kernel for huge pages (madvise), and where the kernel makes them on
    demand (transparent_hugepage/defrag = madvise) it compacts memory to find each one. The
    model's first batch then spent many times longer in the kernel than this way, and later
    batches ran no faster with huge pages (docs/performance.md). numpy reads this when it is
    imported, so a process that imported it already, or whose environment says otherwise, keeps
    its own choice."""
    if "numpy" not in sys.modules:
        os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")


def _multiply_with_numpy(nlp) -> None:
    """Have the pipeline's models multiply their matrices with numpy rather than with blis,
    thinc's default. numpy's BLAS (OpenBLAS) picks its kernel for the CPU it finds, where blis
    1.3 falls back to a generic C loop on a CPU it does not know: on this project's machine
    (AMD family 1Ah) that loop took a large share of NER's time, which this way saves, with the
    same entities (docs/performance.md). One BLAS thread: a build runs one NER process per core
    already, and more threads only spin, costing more CPU time for the same work."""
    from thinc.api import Model
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")
    ops = _numpy_matrix_ops()
    for _, component in nlp.pipeline:
        if isinstance(getattr(component, "model", None), Model):
            for layer in component.model.walk():
                layer.ops = ops


@functools.cache
def _numpy_matrix_ops():
    import numpy
    from thinc.api import NumpyOps

    class NumpyMatrixOps(NumpyOps):
        """thinc's NumpyOps, with matrix products by numpy.matmul."""

        name = "kbgen-numpy-matrix"

        def gemm(self, x, y, out=None, trans1=False, trans2=False):
            return numpy.matmul(x.T if trans1 else x, y.T if trans2 else y, out=out)

    return NumpyMatrixOps()


CHUNK_CHARS = 100_000  # the model reads long texts in pieces of at most this, cut between paragraphs


PARALLEL_MIN_CHARS = 500_000  # below this, starting worker processes costs more than it saves
BATCH_CHARS = 80_000  # text per batch sent to a worker process: enough to read efficiently, small enough to spread


def extract(articles: Iterable[Article], nlp, jobs: int = 1) -> Extraction:
    """Mentions and sentences of every article, read by `nlp` in this process; with `jobs` > 1
    and enough text (use_workers), in worker processes that are handed this pipeline."""
    articles = list(articles)
    if use_workers(articles, jobs):
        return extract_in_workers(articles, jobs, _given, nlp)
    language = language_of(nlp)
    normalised = [normalise(a.text) for a in articles]
    pieces = [(index, start) for index, norm in enumerate(normalised) for start, _ in chunks(norm.text)]
    texts = (
        normalised[index].text[start:end] for index, norm in enumerate(normalised) for start, end in chunks(norm.text)
    )
    spans: list[list[tuple[int, int, str]]] = [[] for _ in articles]
    sentences: list[list[tuple[int, int]]] = [[] for _ in articles]
    quiet = len(pieces) <= 50 or None  # tqdm: None shows a bar only on a terminal
    progress = tqdm(nlp.pipe(texts), total=len(pieces), unit="text", desc="NER", disable=quiet, leave=False)
    broken: list[list[tuple[int, int]]] = [[] for _ in articles]  # pieces of spans that ran over a line end
    for (index, offset), doc in zip(pieces, progress):
        norm = normalised[index]
        for ent in doc.ents:
            label = ent.label_ if ent.label_ in LABELS else "MISC"
            lines = line_pieces(norm.text, offset + ent.start_char, offset + ent.end_char)
            if len(lines) > 1:
                broken[index].extend(lines)
            else:
                spans[index].extend(names_in(norm.text, *lines[0], label, language))
        sentences[index].extend(sentence_spans(doc, norm, articles[index].text, offset))
    spans = _read_again(normalised, spans, broken, nlp, language)
    mentions: list[Mention] = []
    split = split_all([norm.text for norm in normalised], spans, nlp, language)
    common = rereading.common_words(getattr(nlp, "_path", None))
    for article, norm, found in zip(articles, normalised, split):
        found = with_article_surnames(
            norm.text, without_contained(norm.text, apart(norm.text, found)), language, common
        )
        found = joined_side_by_side(norm.text, found, language)
        found = with_bracket_acronyms(norm.text, with_body_numbers(norm.text, found))
        found = with_defined_names(norm.text, found, language.stop_words())
        for start, end, label in found:
            title = title_before(norm.text, start, language) if label == "PER" else (start, start)
            start, end = norm.span(start, end)
            title_text = clean_name(article.text[slice(*norm.span(*title))]) if title[0] < title[1] else ""
            mentions.append(Mention(article.slug, start, end, clean_name(article.text[start:end]), label, title_text))
    return Extraction(tuple(mentions), {a.slug: tuple(s) for a, s in zip(articles, sentences)})


def _read_again(
    normalised: list[Normalised],
    spans: list[list[tuple[int, int, str]]],
    broken: list[list[tuple[int, int]]],
    nlp,
    language: LanguageProfile,
) -> list[list[tuple[int, int, str]]]:
    """Each text's spans after the rules that read them again in their text: pieces cut at a line end, joins, common
    words, adjectives, headings, peoples' words, places, prompts, signatures, captions, datelines, titles, glued words."""
    spans = rereading.with_pieces_alone(normalised, spans, broken, nlp, language)
    spans = [joined_at_connectors(norm.text, found, language) for norm, found in zip(normalised, spans)]
    spans = [joined_to_their_place(norm.text, found, language) for norm, found in zip(normalised, spans)]
    lexicon = rereading.lexicon_lists(getattr(nlp, "_path", None))
    spans = [with_organisation_complements(n.text, found, language, lexicon) for n, found in zip(normalised, spans)]
    spans = [joined_to_their_complement(n.text, f, language, lexicon) for n, f in zip(normalised, spans)]
    spans = [with_word_before_acronym(n.text, found, language, starts_sentence) for n, found in zip(normalised, spans)]
    spans = rereading.without_common_openings(normalised, spans, nlp, language)
    spans = name_adjectives.with_closing_adjectives(normalised, spans, nlp, language)
    spans = rereading.without_lexicon_openings(normalised, spans, nlp, language)
    spans = rereading.without_common_nouns_inside(normalised, spans, nlp, language)
    spans = rereading.without_headings(normalised, spans, nlp, language)
    spans = without_headings_in_capitals(normalised, spans, nlp, language)
    spans = heading_phrases.without_heading_phrases(normalised, spans, nlp, language)
    spans = heading_phrases.without_misc_common_nouns(normalised, spans, nlp, language)
    spans = peoples_words.without_peoples_words(normalised, spans, nlp, language)
    spans = without_portfolios(normalised, spans, nlp, language)
    spans = rereading.without_closing_words(normalised, spans, nlp, language)
    spans = rereading.with_listed_places_relabelled(normalised, spans, nlp, language)
    spans = reader_prompts.without_reader_prompts(normalised, spans, nlp, language)
    spans = signatures.without_signatures(normalised, spans, nlp, language)
    spans = signatures.without_captions(normalised, spans, language)
    spans = with_quoted_titles(normalised, with_datelines(normalised, spans, nlp, language), nlp)
    spans = without_glued_descriptors(normalised, spans, nlp, language)
    spans = with_named_after(normalised, spans, nlp, language)
    return [without_descriptors(norm.text, sorted(found), language) for norm, found in zip(normalised, spans)]


# --- worker processes -------------------------------------------------------------------------


def use_workers(articles: list[Article], jobs: int) -> bool:
    """Whether reading `articles` in `jobs` worker processes pays for starting them."""
    return jobs > 1 and sum(len(a.text) for a in articles) >= PARALLEL_MIN_CHARS


def batches(articles: list[Article], size: int | None = None) -> list[list[Article]]:
    """The articles in consecutive runs of at most `size` characters of text (an article longer
    than that alone), so that work spreads evenly over the workers."""
    size = size or BATCH_CHARS
    runs: list[list[Article]] = []
    characters = size
    for article in articles:
        if characters + len(article.text) > size:
            runs.append([])
            characters = 0
        runs[-1].append(article)
        characters += len(article.text)
    return runs


def extract_in_workers(articles: list[Article], jobs: int, load: Callable[..., Any], *args) -> Extraction:
    """extract() in `jobs` worker processes (NerWorkers) that get their pipeline from `load(*args)`."""
    with NerWorkers(max(1, min(jobs, len(batches(articles)))), load, *args) as workers:
        return workers.extract(articles)


class NerWorkers(parallel.LoadedWorkers):
    """Worker processes for extract() (kbgen.parallel runs them): each gets its pipeline once
    from `load(*args)` (picklable: a module-level function), reads batches of articles with the
    serial extract() and sends back only mentions and sentence spans. This process neither
    imports spaCy nor loads a model: it waits, and puts the batches back in article order, so
    the result is the same as a serial run. A problem loading the pipeline (a BuildError) is
    raised by extract() as it would be in this process."""

    def __init__(self, jobs: int, load: Callable[..., Any], *args):
        super().__init__(jobs, functools.partial(load, *args))

    def extract(self, articles: list[Article]) -> Extraction:
        runs = batches(articles)
        with tqdm(total=len(articles), unit="article", desc="NER", disable=None, leave=False) as progress:
            return merged(
                self.map(extract_batch, runs, parallel.LOCAL, done=lambda index: progress.update(len(runs[index])))
            )


def merged(results: list[Extraction]) -> Extraction:
    """The extractions of consecutive batches as one, in their order."""
    return Extraction(
        tuple(m for r in results for m in r.mentions), {slug: s for r in results for slug, s in r.sentences.items()}
    )


def extract_batch(articles: list[Article], settings: str, load: Callable[[], Any] | None = None) -> Extraction:
    """One batch, in a worker process (of a local pool, or of a Dask cluster: kbgen.cluster):
    the serial extract() with the pipeline of `settings`, loaded once per process by `load`
    (a local pool's workers have loaded it already)."""
    return extract(articles, parallel.loaded(settings, load))


def _given(nlp):
    """The loader of a pipeline this process has already loaded (extract with jobs > 1)."""
    return nlp


def chunks(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """[start, end) pieces of at most `size` characters, cut after a blank line where there is
    one, else after a sentence or a space, so that no name is cut in two."""
    size = size or CHUNK_CHARS
    pieces, start = [], 0
    while len(text) - start > size:
        window = text[start : start + size]
        # Prefer the last blank line, then the last sentence end, then the last space.
        cut = next((c for c in (window.rfind("\n\n"), window.rfind(". "), window.rfind(" ")) if c > 0), -1)
        end = start + (cut + 1 if cut > 0 else size)
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


def clean_name(surface: str) -> str:
    """A name as written, minus line-end hyphenation, soft hyphens and odd spacing."""
    return re.sub(r"\s+", " ", _HYPHENATED.sub("", surface)).strip()


def sentence_spans(doc, norm: Normalised, text: str, offset: int = 0) -> tuple[tuple[int, int], ...]:
    """Sentences as (start, end) offsets in the original `text`, never running past a paragraph,
    spaces trimmed, and an opening quote the splitter left at a sentence's end given to the next."""
    spans: list[list[int]] = []
    for sentence in doc.sents:
        start = offset + sentence.start_char
        for part in re.split(r"(\n\n+)", sentence.text):
            stripped = part.strip()
            if stripped and not part.startswith("\n\n"):
                begin = start + part.index(stripped)
                spans.append(list(norm.span(begin, begin + len(stripped))))
            start += len(part)
    for current, following in itertools.pairwise(spans):
        while current[1] > current[0] + 1 and text[current[1] - 1] in OPENING_QUOTES + " \u00a0":
            current[1] -= 1
            if text[current[1]] in OPENING_QUOTES:
                following[0] = current[1]
    return tuple((start, end) for start, end in spans if end > start)
