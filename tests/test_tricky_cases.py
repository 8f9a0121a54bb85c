"""The cases readers notice first, each a small French sentence with the entities it must give,
through the real model, trimming and resolution."""

from __future__ import annotations

import pytest

from kbgen.articles import Article
from kbgen.extract import extract, load_pipeline
from kbgen.lang import profile
from kbgen.resolve import resolve


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("fr_core_news_sm")


def entities_of(nlp, *texts: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    articles = [Article(f"a{i}", None, "t", None, "fr", None, t, t) for i, t in enumerate(texts)]
    resolved = resolve(extract(articles, nlp).mentions, articles, language=profile("fr")).entities
    return {e.name: (e.type, e.aliases) for e in resolved}


@pytest.mark.parametrize(
    "text, expected",
    [
        # elision and typographic apostrophe; surname alone joins the full name
        (
            "Le chef de l’OTAN, Mark Rutte, est arrivé à Bruxelles. Rutte a parlé longuement.",
            {"OTAN": ("ORG", ()), "Mark Rutte": ("PER", ("Rutte",)), "Bruxelles": ("LOC", ())},
        ),
        # leading articles
        (
            "La Russie a répondu à l’Ukraine. Moscou accuse l’Ukraine.",
            {"Russie": ("LOC", ()), "Ukraine": ("LOC", ()), "Moscou": ("LOC", ())},
        ),
        # a title is not part of the name
        (
            "Début septembre, le président russe Vladimir Poutine a déclaré que la guerre continuerait.",
            {"Vladimir Poutine": ("PER", ())},
        ),
        # an elided word after the name is not part of it
        (
            "L’incursion de Kiev dans la région russe de Koursk n’avait pas réussi.",
            {"Kiev": ("LOC", ()), "Koursk": ("LOC", ())},
        ),
        # an acronym defined in brackets is its expansion
        (
            "L’Organisation des Nations unies (ONU) a voté une résolution. L’ONU a ensuite publié un rapport.",
            {"Organisation des Nations unies": ("ORG", ("ONU",))},
        ),
        # two people sharing a surname: the bare surname is not given to either on a guess (nor
        # is it an entity: it is a homonym, see tests/test_resolve.py)
        (
            "Marie Dupont et Jean Dupont sont arrivés à Lyon. Dupont a parlé le premier.",
            {"Marie Dupont": ("PER", ()), "Jean Dupont": ("PER", ()), "Lyon": ("LOC", ())},
        ),
        # peoples, pronouns and function words are no entities
        ("Les Français ont voté dimanche. Des Suisses étaient présents.", {}),
        ("Il a ajouté qu’il était sûr que quelqu’un lèverait le petit doigt.", {}),
        # the same name in NFD and NFC is one entity
        ("Les E\u0301tats-Unis et les États-Unis sont un seul pays.", {"États-Unis": ("LOC", ())}),
        # a title just before a name makes it a person
        ("M. Zberg est arrivé à Sion.", {"Zberg": ("PER", ()), "Sion": ("LOC", ())}),
        # an institution's head noun makes it an organisation; a name the model found with its
        # lowercase head noun is kept whole
        (
            "Le Conseil d’Etat du canton de Vaud a siégé à Lausanne.",
            {"Conseil d’Etat": ("ORG", ()), "canton de Vaud": ("LOC", ()), "Lausanne": ("LOC", ())},
        ),
        # two names glued in one span are split
        (
            "Le chef de l’OTAN Jens Stoltenberg a parlé à Bruxelles.",
            {"OTAN": ("ORG", ()), "Jens Stoltenberg": ("PER", ()), "Bruxelles": ("LOC", ())},
        ),
        # an article inside a sentence is part of the name; a table's cells are no one name
        (
            "Selon Les Échos, le groupe quitte Lyon.\n\nRang\n\nClub\n\nLille",
            {"Les Échos": ("ORG", ()), "Lyon": ("LOC", ()), "Lille": ("LOC", ())},
        ),
        # a portfolio after a title is not part of the person the model glued to it
        (
            "La ministre des Armées Nadia Collet a signé. Le ministre de la Défense est venu.",
            {"Nadia Collet": ("PER", ())},
        ),
        # no name ends with a preposition: the model's 'Tribunal judiciaire de' + 'Morlaix' are one
        (
            "Les chiffres publiés par le Tribunal judiciaire de Morlaix sont bons.",
            {"Tribunal judiciaire de Morlaix": ("ORG", ())},
        ),
        # a span that starts with a name found alone is one name when its rest is of the same kind
        (
            "Le groupe Nestlé a publié ses comptes. La filiale Nestlé Waters France est visée.",
            {"Nestlé": ("ORG", ()), "Nestlé Waters France": ("ORG", ())},
        ),
        # page furniture and sentence-initial common words, told by their part of speech
        (
            "Retrouvez notre dossier dans l’édition du dimanche.\n\nActivez les notifications pour ne rien "
            "manquer.\n\nConnectez-vous à votre espace.\n\nHier, Marie Dupont est arrivée à Lyon.",
            {"Marie Dupont": ("PER", ()), "Lyon": ("LOC", ())},
        ),
        # an imperative the model misreads as a participle, told by the article after it, its object
        (
            "Découvrez nos offres d’abonnement.\n\nMarie Dupont est à Lyon. Découvrez les images du concours.",
            {"Marie Dupont": ("PER", ()), "Lyon": ("LOC", ())},
        ),
        # a heading's common noun alone, which the tagger reads as a noun and the model's lexicon
        # lists; a name the tagger reads as a noun but the lexicon does not list stays ('sur Lyon.'
        # ending its clause, named once, would read as a platform: kbgen.business_cues)
        (
            "Reportage - Les vendanges commencent.\n\nMétéo - La pluie revient sur Lyon ce soir.\n\nMediapart a publié "
            "une enquête.",
            {"Lyon": ("LOC", ()), "Mediapart": ("LOC", ())},
        ),
        # a capitalised preposition opening a sentence is no part of the place after it
        (
            "Les élus ont voté.\n\nÀ Évreux, Marie Dupont a inauguré le siège.",
            {"Évreux": ("LOC", ()), "Marie Dupont": ("PER", ())},
        ),
        # ... but a name at a sentence start that the text writes inside a sentence stays
        ("Huser a gagné. Le coureur M. Huser est suisse.", {"Huser": ("PER", ())}),
    ],
)
def test_tricky_case(nlp, text, expected):
    assert entities_of(nlp, text) == expected


def test_surname_in_another_article_joins_the_only_person_bearing_it(nlp):
    found = entities_of(
        nlp, "Le président Emmanuel Macron est arrivé à Paris.", "Macron a répondu aux questions des journalistes."
    )
    assert found["Emmanuel Macron"] == ("PER", ("Macron",)) and "Macron" not in found


def test_a_title_goes_to_the_mention_not_the_name(nlp):
    text = "Mgr Laurent Ulrich a célébré la messe. Mme Anne Hidalgo était présente."
    article = Article("a", None, "t", None, "fr", None, text, text)
    mentions = {m.text: m.title for m in extract([article], nlp).mentions}
    assert mentions == {"Laurent Ulrich": "Mgr", "Anne Hidalgo": "Mme"}


def mentions_of(nlp, text: str) -> list[tuple[str, str]]:
    article = Article("a", None, "t", None, "fr", None, text, text)
    return [(m.text, m.label) for m in extract([article], nlp).mentions]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a function word the model tagged so ends no name
        (
            "« La situation à Bastia est préoccupante », a reconnu M. Da Costa sur Le Télégramme.",
            [("Bastia", "LOC"), ("Da Costa", "PER"), ("Le Télégramme", "MISC")],
        ),
        # a participle ends no name the text writes without it
        (
            "Les délégués de l’Organisation des Nations unies réunis à Genève ont voté. "
            "L’Organisation des Nations unies a publié un rapport.",
            [("Organisation des Nations unies", "ORG"), ("Genève", "LOC"), ("Organisation des Nations unies", "ORG")],
        ),
        # ... nor does a name that glues a function word and a name of another kind
        (
            "« La situation à Compiègne est préoccupante », a reconnu Chauvin sur La Voix du Nord. M. Chauvin est venu.",
            [("Compiègne", "LOC"), ("Chauvin", "PER"), ("La Voix du Nord", "MISC"), ("Chauvin", "PER")],
        ),
        (
            "Les syndicats ont manifesté devant le siège de Guillot Transports à Sète. Guillot Transports a refusé.",
            [("Guillot Transports", "ORG"), ("Sète", "LOC"), ("Guillot Transports", "ORG")],
        ),
        # an organisation found alone, then a person
        (
            "Le secrétaire général de Morel Transports Fabrice Marchand a reçu son homologue. "
            "Les salariés de Morel Transports ont voté.",
            [("Morel Transports", "ORG"), ("Fabrice Marchand", "PER"), ("Morel Transports", "ORG")],
        ),
        # a place, then a person found alone by a full name
        (
            "Une réunion avec Béatrice Dupuis est prévue à Menton. Venue de Menton Béatrice Dupuis a rejoint le groupe.",
            [("Béatrice Dupuis", "PER"), ("Menton", "LOC"), ("Menton", "LOC"), ("Béatrice Dupuis", "PER")],
        ),
        # two names coordinated by a comma and an article
        (
            "Selon Le Télégramme, le Tribunal judiciaire de Moulins envisagerait de fermer son usine. "
            "Le Tribunal judiciaire de Moulins a démenti, a indiqué Le Télégramme.",
            [
                ("Le Télégramme", "MISC"),
                ("Tribunal judiciaire de Moulins", "ORG"),
                ("Tribunal judiciaire de Moulins", "ORG"),
                ("Le Télégramme", "MISC"),
            ],
        ),
        # a company named after a person stays whole, and a foundation named after one
        ("Vidal Conseil a recruté. M. Vidal est venu.", [("Vidal Conseil", "ORG"), ("Vidal", "PER")]),
        (
            "Le directeur de la Fondation Jean Jaurès a parlé. Jean Jaurès est mort en 1914.",
            [("Fondation Jean Jaurès", "ORG"), ("Jean Jaurès", "PER")],
        ),
        # a name that goes on with a place stays whole
        (
            "Le groupe Nestlé Waters a publié ses comptes. La filiale Nestlé Waters France est visée en France.",
            [("Nestlé Waters", "ORG"), ("Nestlé Waters France", "ORG"), ("France", "LOC")],
        ),
    ],
)
def test_glued_and_overlong_spans(nlp, text, expected):
    assert mentions_of(nlp, text) == expected
