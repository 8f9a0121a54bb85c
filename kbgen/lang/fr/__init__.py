"""French: the words that tell a name from what surrounds it (see kbgen.lang.Rules). Plain forms
only (straight apostrophes), compared in lower case unless said otherwise."""

from __future__ import annotations

import re

from kbgen.lang import DateWords, Rules
from kbgen.lang.fr import determiners, numerals, peoples
from kbgen.lang.fr.several import SEVERAL_BEFORE

MODEL = "fr_core_news_sm"
# Elided articles and pronouns glued to a name: "l'OTAN", "d'Allemagne", "qu'".
ELISION = re.compile(r"(?:[LlDdJjMmNnSsTtCc]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]uelqu)'")
# A whole word each ('un' never eats the start of 'université').
LEADING_ARTICLES = re.compile(r"(?:(?:la|le|les|du|des|de|au|aux|un|une)(?:\s+|$)|(?:l'|d')\s*)+")
TRAILING_ELIDED_WORD = re.compile(r"\s+\w+'$")

# Titles and functions before a name; the longest first so "premier ministre" beats "ministre".
TITLES = tuple(
    sorted(
        (
            "premier ministre",
            "première ministre",
            "secrétaire général",
            "secrétaire générale",
            "conseiller fédéral",
            "conseillère fédérale",
            "conseiller d'etat",
            "conseiller d'état",
            "président",
            "présidente",
            "ministre",
            "général",
            "chancelier",
            "chancelière",
            "roi",
            "reine",
            "pape",
            "prince",
            "princesse",
            "sénateur",
            "sénatrice",
            "député",
            "députée",
            "maire",
            "syndic",
            "commandant",
            "colonel",
            "capitaine",
            "lieutenant",
            "major",
            "amiral",
            "maréchal",
            "docteur",
            "professeur",
            "abbé",
            "pasteur",
            "curé",
            "maître",
            "juge",
            "conseiller",
            "conseillère",
            "chef",
            "monsieur",
            "madame",
            "mademoiselle",
            "messieurs",
            "mesdames",
            "m.",
            "mm.",
            "mme",
            "mmes",
            "mlle",
            "mgr",
            "monseigneur",
            "dr",
            "dr.",
            "pr",
            "me",
            "sa majesté",
            "saint",
            "sainte",
            "feu",
        ),
        key=lambda t: -len(t),
    )
)
# Short titles that, written just before a capitalised word, make it a person.
ADDRESS = r"\b(?:M|MM|Mme|Mmes|Mlle|Dr|Me|Mgr)\.?|\b(?:[Mm]onsieur|[Mm]onseigneur|[Mm]adame|[Mm]ademoiselle)\b"
PERSON_CUES = re.compile(  # titles, functions, ranks of nobility
    rf"(?:{ADDRESS}|\b(?:général|colonel|capitaine|lieutenant|major|maréchal|docteur|professeur|abbé|pasteur|président|"
    r"présidente|conseiller|conseillère|ministre|syndic|juge|maître|chancelier|chancelière|sénateur|député|roi|reine|"
    r"pape|prince|princesse|baron|baronne|comte|comtesse|duc|duchesse|marquis|marquise|vicomte|vicomtesse))\s+$"
)
# A person's age in apposition after the name: "Malo, 17 ans", "Léa (24 ans)".
PERSON_AFTER = re.compile(r"\s*[,(]\s*\d{1,3}\s+ans\s*[,).]")
# What cites the name after it as the source of what is reported, its author or publisher: a speaker, a medium or a
# body ("selon Le Monde", "interrogée par France Inter", "a confirmé dimanche sur BFMTV", "une étude de Bruitparif",
# "distribué par Le Pacte"), never a place by itself. A verb of saying comes before "sur", which otherwise says where.
SAID = (
    r"(?:dit|déclaré|confirmé|reconnu|annoncé|expliqué|affirmé|assuré|indiqué|estimé|rappelé|souligné|précisé"
    r"|réagi|témoigné|répondu|démenti|raconté|confié)e?s?"
)
SOURCE_BEFORE = re.compile(
    r"(?:\b(?:selon|d'après)|\b(?:interrogé|cité|rapporté|publié|contacté|sollicité)e?s?\s+par"
    r"|\b(?:distribué|édité|diffusé)e?s?\s+par|\b(?:étude|enquête|rapport|sondage)s?\s+(?:d'|(?:de|du|des)\s)"
    r"|\b(?:paru|publié)e?s?\s+dans|\bau\s+micro\s+de|\bà\s+l'antenne\s+de"
    rf"|\b{SAID}\b(?:(?!\bqu)[^.;:!?]){{0,40}}?\bsur)\s*(?:(?:le|la|les)\s+|l')?$",
    re.IGNORECASE,
)
PREPOSITIONS = ("de la ", "de l'", "des ", "du ", "de ", "d'")
PORTFOLIOS = frozenset(
    "défense, intérieur, justice, économie, finances, santé, éducation, culture, "
    "travail, agriculture, affaires étrangères, armées, environnement, budget".split(", ")
)

# Common nouns capitalised alone at the head of an institution's or a sentence's name, that name nothing alone.
GENERIC_WORDS = frozenset(
    (
        "etat",
        "état",
        "etats",
        "états",
        "conseil",
        "parlement",
        "union",
        "empire",
        "gouvernement",
        "chambre",
        "chambres",
        "assemblée",
        "cour",
        "tribunal",
        "commission",
        "comité",
        "ministère",
        "département",
        "république",
        "royaume",
        "église",
        "armée",
        "nation",
        "nations",
        "ville",
        "canton",
        "commune",
        "municipalité",
        "administration",
        "conférence",
        "président",
        "présidence",
        "gazette",
        "journal",
        "nouvelles",
        "notre",
        "votre",
        "signé",
        "monsieur",
        "madame",
        "messieurs",
        "mm",
        "m",
        "mme",
        "sa majesté",
        "premier consul",
        "ouverture",
        "dieu",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    )
)

# Heads that make a multi-word name an organisation: "Conseil d'Etat", "Chambre des lords".
ORG_HEADS = frozenset(
    (
        "conseil",
        "assemblée",
        "chambre",
        "chambres",
        "comité",
        "commission",
        "tribunal",
        "cour",
        "parlement",
        "gouvernement",
        "ministère",
        "département",
        "parti",
        "banque",
        "société",
        "association",
        "fédération",
        "université",
        "agence",
        "office",
        "bureau",
        "compagnie",
        "groupe",
        "église",
        "syndicat",
        "union",
        "organisation",
        "institut",
        "fondation",
        "club",
        "armée",
        "police",
        "école",
        "académie",
        "musée",
        "théâtre",
        "orchestre",
        # kinds of companies and media, before their name: "l'opérateur Enedis", "le quotidien Libération"
        "entreprise",
        "opérateur",
        "constructeur",
        "fabricant",
        "distributeur",
        "assureur",
        "enseigne",
        "cabinet",
        "laboratoire",
        "start-up",
        "coopérative",  # legal forms of a business, like 'société'
        "mutuelle",
        "quotidien",
        "hebdomadaire",
        "magazine",
        "chaîne",
        "radio",
        # local and regional authorities: "la Métropole de Lyon", "Bordeaux Métropole"
        "métropole",
        "eurométropole",
        "communauté",
        "collectivité",
        "agglomération",
    )
)

# Lowercase nouns written before a name as its first word, and the kind of name they make: a
# street, a body of water, a school, a court ('rue de Saint-Malo', 'lycée Chateaubriand',
# 'tribunal de commerce de Saint-Brieuc'). Not the words that only say what a place is ('la
# ville de Rennes', 'la commune de Dugny'): there the name is the place's alone.
NAME_HEADS = {
    **dict.fromkeys(
        ("rue", "avenue", "boulevard", "place", "quai", "allée", "impasse", "pont", "gare", "aéroport", "port"),
        "LOC",
    ),
    **dict.fromkeys(("île", "îles", "mer", "lac", "golfe", "baie", "vallée", "canton", "quartier"), "LOC"),
    **dict.fromkeys(("château", "cathédrale", "basilique", "abbaye", "stade"), "LOC"),
    **dict.fromkeys(
        ("université", "lycée", "collège", "académie", "préfecture", "sous-préfecture", "tribunal", "chambre"),
        "ORG",
    ),
    **dict.fromkeys(("mairie", "hôpital", "musée"), "ORG"),
    **dict.fromkeys(("salon", "festival"), "MISC"),
}
# Institutions named by their place, written with a lowercase head (a noun and the words that
# make it an institution's: 'centre' alone is part of a town, 'conseil' alone advice) or an
# acronym: 'le centre hospitalier de Brest', "la cour d'appel de Poitiers", 'au CHU de Nantes';
# and a place's word capitalised, as French writes the authority ("la Ville d'Avignon"; 'la
# ville de Quimper' is the town). Only after a definite article: 'un conservatoire de Lyon'
# describes (Rules.institution_heads).
INSTITUTION_HEADS = frozenset(
    "centre hospitalier, CHU, CHR, CHRU, clinique, cour d'appel, cour administrative d'appel, cour d'assises, "
    "barreau, parquet, conservatoire, faculté, cave coopérative, coopérative, office de tourisme, "
    "conseil départemental, conseil régional, conseil municipal, métropole, Ville, Département, Région, "
    "communauté de communes, communauté d'agglomération, communauté urbaine".split(", ")
)
NAME_HEADS.update(dict.fromkeys(INSTITUTION_HEADS, "ORG"))

# Words for peoples ("les Français", "des Suisses", "un Américain"): not places.
DEMONYM = re.compile(
    r"(?:ien|ienne|ain|aine|and|ande|ois|oise|ais|aise|ol|ole|sse|usse|que|ote|on|one|onne|ite|in|ine|éen|éenne)s?$"
)
# A determiner and a noun of a person's function, its complement, a comma: a name in apposition
# after it is the person's ("dont la directrice générale, Laure Ganivet, assure").
FUNCTION_BEFORE = re.compile(
    r"\b(?:le|la|l'|son|sa|leur|notre|votre)\s*(?:président|directeur|directrice|secrétaire|porte-parole|"
    r"maire|ministre|fondateur|fondatrice|délégué|adjoint|responsable|patron|patronne|dirigeant|avocat|avocate|"
    r"entraîneur|entraîneuse|chef|cheffe|conseiller|conseillère|procureur|procureure)e?\b[^.;:!?«»()\n,]{0,60},\s*$",
    re.IGNORECASE,
)
# A minister's title, up to two words after it ("déléguée chargée"), a preposition: a portfolio follows.
PORTFOLIO_BEFORE = re.compile(
    r"\b(?:ministre|ministère|secrétaire d'état)s?(?:\s+[a-zà-ÿ-]+){0,2}\s+(?:de la |de l'|des |du |de |d')$",
    re.IGNORECASE,
)

RULES = Rules(
    elision=ELISION,
    leading_articles=LEADING_ARTICLES,
    trailing_elided_word=TRAILING_ELIDED_WORD,
    titles=TITLES,
    person_cues=PERSON_CUES,
    person_after=PERSON_AFTER,
    source_before=SOURCE_BEFORE,
    address=re.compile(ADDRESS),
    coordination=re.compile(r"\s+(?:et|ou)\s+"),
    prepositions=PREPOSITIONS,
    bare_prepositions=("de ", "d'"),
    portfolios=PORTFOLIOS,
    generic_words=GENERIC_WORDS,
    org_heads=ORG_HEADS,
    name_heads=NAME_HEADS,
    demonym=DEMONYM,
    people_determiners=peoples.PEOPLE_DETERMINERS,
    several_before=SEVERAL_BEFORE,
    noun_determiners=determiners.NOUN_DETERMINERS,
    opponent_before=determiners.OPPONENT_BEFORE,
    speaker_before=determiners.SPEAKER_BEFORE,
    origin_adjective_before=determiners.ORIGIN_ADJECTIVE_BEFORE,
    medium_after=determiners.MEDIUM_AFTER,
    fronted_place_before=re.compile(r"(?:^|[.!?…]\s+|[\"“]\s*)[ÀA]\s+$"),  # 'À Mauriac, on...' ('A' unaccented)
    demonstrative_after=re.compile(r",\s+(?:c'|ce\s|ça\s|cela\s)", re.IGNORECASE),  # 'Arudy, c'est à...'
    function_before=FUNCTION_BEFORE,
    portfolio_before=PORTFOLIO_BEFORE,
    article_before_acronym=re.compile(r"(?:^|[\s(])[Ll](?:e|a|')\s*$"),  # as in a sentence: 'LA CIOTAT.' is a dateline
    place_before=re.compile(r"(?:^|[\s,(])à\s+$"),  # 'à Écully', ', à Sartène': 'à' alone, not 'à la' nor 'au'
    house_before=re.compile(r"(?:^|[\s,(])chez\s+$", re.IGNORECASE),  # 'chez Verkor', 'Chez Bic,'
    medium_before=re.compile(r"(?:^|[\s,(])sur\s+$", re.IGNORECASE),  # 'sur Netflix', 'Sur TikTok,'
    venue_before=re.compile(r"(?:^|[\s(])(?:à la|à l'|au)\s*$", re.IGNORECASE),  # not 'aux' (Rules.venue_before)
    reader_verb=re.compile(r"[^\W\d_]{2,}ez", re.IGNORECASE),  # 2nd person plural: 'Abonnez', 'Réagissez'
    place_article_before=re.compile(r"(?:\b(?P<word>le|la|du|au|en|à|de)\s+|\b(?P<elided>[ld])'\s*)$", re.IGNORECASE),
    origin_prepositions=frozenset(("de", "d")),
    name_particles=("de ",),
    capitalised_articles=("la ", "le ", "les ", "l "),  # 'La Russie' is 'Russie' (folded keys: "l'" reads "l ")
    name_article=re.compile(r"Le |La |Les |L'"),
    zero_is_singular=True,  # "0 mention"
    # 'le Stade rennais', 'l'Olympique lyonnais' (clubs); 'le Stade de France', 'le stade Marcel-Michelin' are places
    club_heads=frozenset(("stade", "olympique", "racing", "sporting", "athletic", "entente")),
    institution_heads=INSTITUTION_HEADS,
    establishment_noun=re.compile(r"[^\W\d_]{4,}eries?"),  # moutarderie, imprimerie; not Valerie
    people_noun_before=peoples.PEOPLE_NOUN_BEFORE,
    indefinite_before=peoples.INDEFINITE_BEFORE,
    copula_before=peoples.COPULA_BEFORE,
    place_use_before=peoples.PLACE_USE_BEFORE,
    roman_ordinal=numerals.ROMAN_ORDINAL,
    definite_before=re.compile(r"(?<![\w'-])(?:[Ll][ea]|[Ll]es|[Aa]ux?|[Dd]u|[Dd]es)\s+$|(?<![\w'-])[Ll]'\s*$"),
)

# Datelines of French news texts: 'Publié le lundi 5 mars 2024 à 10h32', '07/12/2018 22:18:13'.
DATES = DateWords(
    months=(
        ("janvier", "janv"),
        ("février", "fevrier", "févr", "fevr", "fév", "fev"),
        ("mars",),
        ("avril", "avr"),
        ("mai",),
        ("juin",),
        ("juillet", "juil"),
        ("août", "aout"),
        ("septembre", "sept"),
        ("octobre", "oct"),
        ("novembre", "nov"),
        ("décembre", "decembre", "déc", "dec"),
    ),
    weekdays=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    published=("publié le", "publie le", "publié", "publie", "paru le", "parution le", "créé le", "mis en ligne le"),
    updated=("mis à jour le", "mis a jour le", "mis à jour", "mis a jour", "mise à jour le", "mise à jour", "màj le")
    + ("màj", "maj le", "actualisé le", "actualise le", "actualisé", "modifié le", "modifie le")
    + ("dernière mise à jour",),
    before_date=("le", "du", "en date du"),
    before_time=("à", "a"),
    hour_marks=("h",),
    ordinals=("er",),
    day_first=True,
    bylines=("par", "propos recueillis par", "texte", "un article de"),
    credits=("crédit photo", "credit photo", "crédits photo", "crédit", "crédits", "photo", "photos", "illustration"),
)

# What opens a line pointing to another article ('Lire aussi : Le budget voté'), before its colon.
CROSS_REFERENCES = tuple(
    "lire aussi, à lire aussi, a lire aussi, lire également, à lire également, voir aussi, à voir aussi, "
    "sur le même sujet, pour aller plus loin".split(", ")
)
