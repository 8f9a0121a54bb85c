"""What every extraction gives, whatever the text: messy lines of names, common words, page
furniture and punctuation (hypothesis), read by the real model and every rereading rule. Each
mention points at its own words in the article's text; two mentions are apart or one inside the
other (an organisation's name holds the place it names: spans.names_in), never straddling; none
runs across a paragraph or a line end (but a word hyphenated at one); and the common-word check
keeps to the mentions it was given."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kbgen.articles import Article
from kbgen.extract import clean_name, extract
from kbgen.lang import profile
from kbgen.name_edges import apart
from kbgen.ner import without_common_words

# Pieces of today's news pages: names (some beginning with an article, some glued to a town),
# common words capitalised or not, furniture, a table's cells, and the separators pages use.
WORDS = [
    "Le Monde",
    "La Poste",
    "Mme Lemoine",
    "M. Vidal",
    "Vidal Conseil",
    "Jean-Pierre Martin",
    "OTAN",
    "l'OTAN",
    "Cholet Basket",
    "Karine Le Marchand",
    "Apprentis d'Auteuil",
    "université de Bretagne",
    "Lille",
    "Paris",
    "Rennes (AFP)",
    "Hier",
    "Pourtant",
    "Partager",
    "Suivez-nous",
    "Effectif",
    "À LIRE AUSSI",
    "EN BREF",
    "Recevez",
    "la justice",
    "annonce",
    "a signé",
    "occidentale",
    "sur",
    "à la",
    "au",
    "de",
    "des",
    "d'",
    "et",
    "par",
    "Publié le 3 mai 2025",
    "12",
    "70-66",
    "« Lupin »",
    "#Babel",
    "@kbgen",
    "Jean-",
    "Pierre",
]
SEPARATORS = [" ", " ", " ", ", ", ". ", "\n", "\n\n", " · ", " | ", " [", "] ", " : ", " – ", " (", ") "]
TEXT = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=40).map(
    lambda pieces: "".join(word + separator for word, separator in pieces).strip()
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(TEXT, min_size=1, max_size=3))
@example(
    texts=["Karine Le Marchand #Babel"]
)  # the model's 'Karine Le' + 'Marchand #Babel', and the article taken by both
def test_every_mention_is_its_own_words_in_one_line_and_none_straddles_another(french_nlp, texts):
    articles = [Article(f"a{i}", None, f"a{i}", None, "fr", None, text, text) for i, text in enumerate(texts)]
    extraction = extract(articles, french_nlp)
    by_slug = {a.slug: a.text for a in articles}
    for slug, text in by_slug.items():
        mentions = sorted((m for m in extraction.mentions if m.article == slug), key=lambda m: (m.start, m.end))
        for mention in mentions:
            written = text[mention.start : mention.end]
            assert 0 <= mention.start < mention.end <= len(text)
            assert mention.label in {"PER", "ORG", "LOC", "MISC"}
            assert mention.text and clean_name(written) == mention.text
            assert written == written.strip()
            assert "\n\n" not in written
            assert all(written[i - 1] == "-" for i, c in enumerate(written) if c == "\n"), written
        for one, two in itertools.pairwise(mentions):  # sorted by start: two starts inside one, or after it
            assert two.start >= one.end or two.end <= one.end, (one, two)
        for start, end in extraction.sentences[slug]:
            assert 0 <= start < end <= len(text)
    kept = without_common_words(extraction, articles, profile("fr")).mentions
    assert set(kept) <= set(extraction.mentions)


def test_a_span_that_runs_into_the_one_before_starts_after_it():
    text = "Karine Le Marchand et la chambre de commerce de Nantes"
    nantes = text.index("Nantes")
    spans = [(0, 9, "PER"), (7, 18, "LOC"), (text.index("chambre"), len(text), "ORG"), (nantes, len(text), "LOC")]
    assert apart(text, spans) == [(0, 9, "PER"), (10, 18, "LOC"), spans[2], spans[3]]


def _apart_by_a_scan(text, spans):
    """What apart gives, each span compared with every span kept before it."""
    kept = []
    for start, end, label in sorted(spans):
        straddled = [e for s, e, _ in kept if s < start < e < end]
        if straddled:
            start = max(straddled)
            while start < end and not text[start].isalnum():
                start += 1
        if start < end:
            kept.append((start, end, label))
    return kept


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 12)), max_size=12))
def test_spans_are_set_apart_as_a_scan_of_every_pair_sets_them(picks):
    # apart looks only at the spans still open where each one starts (a text may hold 30,000
    # names): the same answer as comparing each with all those kept before it.
    text = "Karine Le Marchand et la Ville de Nantes, puis Lyon"
    spans = [(start, min(len(text), start + length), "LOC") for start, length in picks if start < len(text)]
    assert apart(text, spans) == _apart_by_a_scan(text, spans)
