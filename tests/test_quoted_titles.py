"""A title in quotes the model read only in part is one name, a work's (kbgen.quoted_titles)."""

from __future__ import annotations

import pytest

from kbgen.extract import normalise
from kbgen.quoted_titles import with_quoted_titles
from tests.conftest import spans_of


def _names(nlp, text: str, *names: tuple[str, str]) -> list[tuple[str, str]]:
    norm = normalise(text)
    spans = [spans_of(norm.text, *names)]
    return [(norm.text[s:e], label) for s, e, label in with_quoted_titles([norm], spans, nlp)[0]]


@pytest.mark.parametrize(
    "text, names, title",
    [
        (
            "Le musée accueille l'exposition « Marais et pertuis », photographies de Lina Morel.",
            [("Marais", "PER"), ("Lina Morel", "PER")],
            "Marais et pertuis",
        ),
        (
            "Sur France.tv, « Astrid et Raphaëlle » se rattrape.",
            [("France.tv", "MISC"), ("Astrid", "LOC"), ("Raphaëlle", "LOC")],
            "Astrid et Raphaëlle",
        ),
        (
            "Prix du jury : « The Quiet Harbor », de Daniel Okafor.",
            [("Quiet Harbor", "LOC"), ("Daniel Okafor", "PER")],
            "The Quiet Harbor",
        ),
    ],
)
def test_the_spans_inside_a_title_in_quotes_become_the_title(french_nlp, text, names, title):
    result = _names(french_nlp, text, *names)
    assert (title, "MISC") in result
    assert not any(name in title and name != title for name, _ in result)


@pytest.mark.parametrize(
    "text, names",
    [
        # a conjugated verb: quoted speech, not a title
        ("« Le Bourget, c'est notre vitrine », dit-il.", [("Bourget", "LOC")]),
        ("Il a lancé : « Paris est magique » hier.", [("Paris", "LOC")]),
        # a long quote runs on like a sentence
        ("« Merci à tous les bénévoles de la Croix-Rouge et aux pompiers de la ville ».", [("Croix-Rouge", "ORG")]),
        # a span that is the whole quote, or a quote beginning in lower case
        ("Il lit « Le Monde » chaque matin.", [("Le Monde", "ORG")]),
        ("Il parle de « la France d'en bas ».", [("France", "LOC")]),
        # quotes that do not pair on their line
        ("Il dit « Marais et pertuis puis s'en va.", [("Marais", "PER")]),
    ],
)
def test_speech_names_and_unpaired_quotes_are_left_alone(french_nlp, text, names):
    assert _names(french_nlp, text, *names) == list(names)
