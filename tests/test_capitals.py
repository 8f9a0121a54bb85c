"""Names written in capitals (kbgen.capitals): a dateline's place, through the real model."""

from __future__ import annotations

import pytest

from kbgen.articles import Article
from kbgen.capitals import datelines
from kbgen.extract import extract, load_pipeline
from kbgen.lang import profile
from kbgen.resolve import resolve

FR = profile("fr")


def never_common(word: str) -> bool:
    return False


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("fr_core_news_sm")


def entities_of(nlp, *texts: str) -> dict[str, str]:
    articles = [Article(f"a{i}", None, "t", None, "fr", None, t, t) for i, t in enumerate(texts)]
    return {e.name: e.type for e in resolve(extract(articles, nlp).mentions, articles, language=FR).entities}


def places(text: str, is_common=never_common) -> list[str]:
    return [text[start:end] for start, end in datelines(text, FR, is_common)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("NOUMÉA. Il était 4 h 10 quand le vote a eu lieu.", ["NOUMÉA"]),
        ("Titre\n\nTOULOUSE. Après deux années de baisse, le marché repart.", ["TOULOUSE"]),
        ("CHAMONIX-MONT-BLANC (Haute-Savoie). Il était 2 h 30.", ["CHAMONIX-MONT-BLANC"]),
        ("GRENOBLE, 8 avril 2025 (AFP) - Le tribunal a jugé.", ["GRENOBLE"]),
        ("DAKAR – Après quatorze heures de débats, les députés ont voté.", ["DAKAR"]),
        ("LA CIOTAT. Elle avait 88 ans.", ["LA CIOTAT"]),
        ("VILLENEUVE-D'ASCQ. Ils étaient 52 000.", ["VILLENEUVE-D'ASCQ"]),
        # not a dateline: a speaker's name before a colon, a heading with no sentence after it,
        # a word in brackets in lower case, an initial, a place inside a line, a sentence in
        # lower case after the full stop
        ("SOPHIE DELATTRE : Bonjour.", []),
        ("RÉUNION DE FAMILLE, LE CHEF-D'ŒUVRE", []),
        ("LE CLAVELIN, 62 CL ET PAS UN DE PLUS", []),
        ("SETLIST (extraits) : Babel Babel", []),
        ("M. Barzalona a gagné.", []),
        ("Le vote a eu lieu à NOUMÉA. Il était tard.", []),
        ("ESPAGNE. pai Ma MADRID, juin.", []),
        ("NOUVELLES ÉTRANGÈRES. ALLEMAGNE. Rastadt, 21 août.", []),
    ],
)
def test_datelines(text, expected):
    assert places(text) == expected


def test_a_common_word_is_no_dateline_unless_the_text_writes_it_as_a_name():
    def common(word: str) -> bool:
        return word in ("interview", "cognac")

    assert places("INTERVIEW. Le ministre répond.", common) == []
    assert places("COGNAC. Réunis mardi, les négociants à Cognac ont voté.", common) == ["COGNAC"]


def test_a_dateline_in_capitals_is_a_place_and_takes_no_type_from_the_model(nlp):
    found = entities_of(
        nlp,
        "NOUMÉA. Il était 4 h 10 quand le président du Congrès a annoncé le résultat.",
        "TOULOUSE. Après deux années de baisse, le marché toulousain se réveille.",
        "SAINT-JEAN-DE-LUZ. Le port de pêche a accueilli mercredi le nouveau chalutier.",
    )
    assert found["NOUMÉA"] == "LOC"
    assert found["TOULOUSE"] == "LOC"
    assert found["SAINT-JEAN-DE-LUZ"] == "LOC"
