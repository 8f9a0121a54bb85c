"""Names written in capitals (kbgen.capitals): a dateline's place, through the real model."""

from __future__ import annotations

import pytest

from kbgen.articles import Article
from kbgen.capitals import datelines, title_cased, without_headings_in_capitals, written_in_capitals
from kbgen.extract import Normalised, extract, load_pipeline
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
    assert found["Nouméa"] == "LOC"
    assert found["Toulouse"] == "LOC"
    assert found["Saint-Jean-de-Luz"] == "LOC"


def heading_spans_left(text: str, names: list[str], nlp=None) -> list[str]:
    """The names (each the first occurrence in `text`) left by without_headings_in_capitals."""
    spans = [(text.index(n), text.index(n) + len(n), "MISC") for n in names]
    (left,) = without_headings_in_capitals([Normalised(text, tuple(range(len(text) + 1)))], [spans], nlp, FR)
    return [text[start:end] for start, end, _ in left]


def test_words_of_a_heading_in_capitals_are_no_name():
    text = "DÉCORATIONS ET FEU D'ARTIFICE\n\nLe soir, la ville a tiré son feu d'artifice."
    assert heading_spans_left(text, ["DÉCORATIONS ET FEU D'ARTIFICE"]) == []
    text = "L'ARMÉE DE TERRE S'IMPATIENTE\n\nLes chefs de l'armée de Terre attendent."
    assert heading_spans_left(text, ["ARMÉE DE TERRE S'IMPATIENTE"]) == []


def test_a_name_in_a_heading_in_capitals_stays_when_the_text_writes_it_capitalised(nlp):
    text = "LA CONCURRENCE DE SPACEX\n\nSpaceX a lancé 2 000 satellites.\n\nUN SITE INSCRIT À L'UNESCO\n\nSelon l'Unesco, rien."
    assert heading_spans_left(text, ["SPACEX", "L'UNESCO"]) == ["SPACEX", "L'UNESCO"]
    # written only in lower case elsewhere, only in another heading, or on a line in mixed case
    text = "CE QUE DIT L'ARRÊT\n\nL'arrêt de la cour est net: l'arrêt ne dit rien.\n\nL'ARRÊT, ENFIN"
    assert heading_spans_left(text, ["L'ARRÊT"], nlp) == []
    assert heading_spans_left("Un communiqué de VIE ASSOCIATIVE", ["VIE ASSOCIATIVE"]) == ["VIE ASSOCIATIVE"]


def test_an_acronym_or_an_unknown_word_alone_in_a_heading_stays(nlp):
    assert heading_spans_left("LE DPE, ARBITRE DES PRIX\n\nUn texte.", ["DPE"]) == ["DPE"]
    assert heading_spans_left("LFI-NFP\n\nUn texte.", ["LFI-NFP"]) == ["LFI-NFP"]
    text = "GUERRE EN UKRAINE\n\nLe président ukrainien est à Paris.\n\nLES FINANCES\n\nUn budget."
    assert heading_spans_left(text, ["UKRAINE", "FINANCES"], nlp) == ["UKRAINE"]


def test_short_common_words_of_a_heading_in_capitals_are_no_acronym(nlp):
    """Words of an acronym's length in a heading are words when the lexicon lists them as common
    nouns or adjectives, or when the text itself writes them in lower case."""
    text = "DES EMPLOIS À LA CLÉ\n\nUn texte.\n\nDEUX FRANÇAIS DANS LE TOP 5\n\nUn autre texte."
    assert heading_spans_left(text, ["CLÉ", "TOP 5"], nlp) == []
    text = "LES FAUX GUICHETIERS\n\nDe faux guichetiers appelaient les clients de la banque."
    assert heading_spans_left(text, ["FAUX"], nlp) == []
    text = "LES VOISINS SUR LE QUI-VIVE\n\nLes pays côtiers surveillent leurs frontières."
    assert heading_spans_left(text, ["QUI-VIVE"], nlp) == []


def test_an_acronym_in_a_heading_stays_when_it_is_no_common_word_or_the_text_writes_it_so(nlp):
    # no common word; a common word's form the text writes in capitals in a sentence ('la BAC')
    text = "LA CGT DIT NON\n\nUn texte.\n\nLA BAC EN RENFORT\n\nLa BAC a interpellé deux hommes."
    assert heading_spans_left(text, ["CGT", "BAC"], nlp) == ["CGT", "BAC"]
    # a word in lower case inside another word is not the word ('faussaire' is no 'faux')
    text = "LES FAUX EN FINALE\n\nUn faussaire, dit-on."
    assert heading_spans_left(text, ["FAUX"], nlp) == ["FAUX"]
    # a line or a table's cell of its own: a group's acronym in a vote's table, whatever the lexicon
    text = "Le vote par groupe\nSOC\nPour\nLR\nContre\n\nLe soc de la charrue."
    assert heading_spans_left(text, ["SOC"], nlp) == ["SOC"]


def test_a_verb_or_an_adverb_in_capitals_is_no_name(nlp):
    text = (
        "DES TARIFS RÉSIDENTS GELÉS JUSQU'EN 2028\n\nLe tarif reste.\n\nUN MOLIÈRE POUR OUVRIR\n\nRÉPARABLE, VRAIMENT ?"
    )
    assert heading_spans_left(text, ["GELÉS", "OUVRIR", "VRAIMENT"], nlp) == []
    text = "QUELLES ESSENCES POUR LA FORÊT DE DEMAIN ?\n\nLes chênes souffrent."
    assert heading_spans_left(text, ["DEMAIN"], nlp) == []
    # a label in capitals opening a line in mixed case
    text = "ON AIME : le design.\nON AIME MOINS : le prix."
    assert heading_spans_left(text, ["AIME", "ON AIME MOINS"], nlp) == []
    # a place the tagger may misread in lower case is no verb of the lexicon; a verb's form the
    # text writes capitalised inside a sentence is a name (the town of Aime); a noun stays
    text = "GUERRE AU NIGER\n\nUn texte.\n\nDÉPART D'AIME\n\nLe car part d'Aime à 8 h.\n\nLA CGT"
    assert heading_spans_left(text, ["NIGER", "AIME", "CGT"], nlp) == ["NIGER", "AIME", "CGT"]
    # a dateline's place in capitals inside a line, before its full stop ('valais' of 'valoir')
    text = "M. Capré était né en 1847. VALAIS. — La grève s'est étendue samedi aux travaux."
    assert heading_spans_left(text, ["VALAIS"], nlp) == ["VALAIS"]
    # inside a sentence in mixed case, capitals are an acronym's ('ter', Latin, is an adverb)
    text = "SNCF Voyageurs a supprimé les TER entre Toulon et Les Arcs ce lundi."
    assert heading_spans_left(text, ["TER"], nlp) == ["TER"]


def test_an_entity_is_named_by_its_mixed_case_form_not_its_dateline_in_capitals(nlp):
    found = entities_of(
        nlp,
        "NOUMÉA. Il était 4 h 10 quand le Congrès a voté à Nouméa le budget de la province.",
        "LA CIOTAT. Elle avait 88 ans et n'avait jamais quitté La Ciotat.",
    )
    assert found.get("Nouméa") == "LOC" and "NOUMÉA" not in found
    assert found.get("La Ciotat") == "LOC" and "LA CIOTAT" not in found


def test_written_in_capitals():
    assert written_in_capitals("NOUMÉA") and written_in_capitals("PASCAL VANHOUTTE")
    assert not written_in_capitals("CNRS") and not written_in_capitals("LFI-NFP")
    assert not written_in_capitals("Nouméa") and not written_in_capitals("SpaceX")


def test_a_person_or_a_place_only_written_in_capitals_is_named_as_a_name_is_written(nlp):
    found = entities_of(nlp, "SAINT-JEAN-DE-LUZ. Le port de pêche a accueilli mercredi le nouveau chalutier.")
    assert found.get("Saint-Jean-de-Luz") == "LOC"


@pytest.mark.parametrize(
    "written, name",
    [
        ("SAINT-JEAN-DE-LUZ", "Saint-Jean-de-Luz"),
        ("VILLENEUVE-D'ASCQ", "Villeneuve-d'Ascq"),
        ("LA CIOTAT", "La Ciotat"),
        ("PASCAL VANHOUTTE", "Pascal Vanhoutte"),
        # an initial is no elided function word, and a function word ending a name stays capitalised
        ("A. FABRE", "A. Fabre"),
        ("M. N RIOUST", "M. N Rioust"),
        ("PIERRE LE", "Pierre Le"),
    ],
)
def test_title_cased(written, name):
    assert title_cased(written, FR.stop_words()) == name
