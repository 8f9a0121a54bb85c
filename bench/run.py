#!/usr/bin/env python3
"""Benchmark kbgen against the NER ceiling and three static-site generators.

Run with kbgen's own interpreter, e.g. `.venv/bin/python bench/run.py --articles 1000`.
See bench/README.md. Everything it writes goes under --work (default bench/.work) and, for the
peer generators, into bench/.venv (created on first use).
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import itertools
import json
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

import site_size  # bench/site_size.py, beside this script
from dask_cluster import LocalCluster, tree_differences  # bench/dask_cluster.py

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
GENERATOR_VERSION = 1  # bump when the corpus generator changes, so old work folders are rewritten
MODEL = "fr_core_news_sm"
PEER_PACKAGES = ["pelican", "markdown", "mkdocs", "hugo"]
ARTICLE_RE = re.compile(r"article-\d{5}")

# --------------------------------------------------------------------------------------------
# Corpus: deterministic French news articles with many distinct people, organisations, places.
# --------------------------------------------------------------------------------------------

FIRST_M = """Jean Pierre Michel Philippe Alain Nicolas François Laurent Olivier Thierry Christophe
Patrick Julien Antoine Sébastien Mathieu Guillaume Éric Stéphane Vincent Bruno Hugo Lucas Thomas
Maxime Romain Benoît Didier Gérard Yves Xavier Arnaud Damien Frédéric Gilles Hervé Jérôme Luc Marc
Pascal Raphaël Samuel Yann Karim Mehdi Rachid Youssef Adrien Cédric Fabrice""".split()
FIRST_F = """Marie Sophie Isabelle Nathalie Catherine Christine Sylvie Valérie Anne Julie Claire
Camille Léa Chloé Émilie Aurélie Céline Hélène Laure Manon Pauline Sandrine Véronique Agnès
Brigitte Delphine Élodie Florence Géraldine Inès Jeanne Karine Laetitia Mélanie Nadia Océane
Patricia Rachida Sarah Sabine Virginie Yasmina Zoé Amandine Béatrice Cécile Diane Fatima Juliette
Margaux""".split()
SURNAMES = """Martin Bernard Dubois Robert Richard Petit Durand Leroy Moreau Simon Lefebvre Garcia
David Bertrand Roux Fournier Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet Martinez
Legrand Garnier Faure Rousseau Blanc Guérin Muller Henry Roussel Perrin Morin Clément Gauthier
Dumont Lopez Fontaine Chevalier Robin Masson Sanchez Nguyen Boyer Denis Lemaire Duval Joly Roche
Meyer Meunier Perez Marchand Dufour Blanchard Barbier Brun Dumas Brunet Schmitt Leroux Colin
Fernandez Renard Rolland Caron Aubert Giraud Leclerc Vidal Bourgeois Renaud Lemoine Picard Gaillard
Lacroix Fabre Dupuis Rodriguez Hubert Guillot Rivière Moulin Gonzalez Berger Lecomte Ménard Fleury
Deschamps Carpentier Maillard Marchal Aubry Vasseur Renault Jacquet Collet Prévost Poirier
Charpentier Royer Huet Baron Dupuy Pons Carré Breton Rémy Schneider Perrot Barré Marty Cousin
Bouvier Tessier Lebrun Hoarau Chauvin Weber Benard Texier Besson Ollivier Laurent-Ricard Leblanc
Guyot Jourdan Delmas Cordier Marechal Bailly Hamon Bouchet Millet Traoré Diallo Haddad Benali
Kowalski Da_Costa Le_Gall Le_Roux De_Souza Mallet Pichon Verdier Langlois Tanguy Bouchard"""
SURNAMES = list(dict.fromkeys(s.replace("_", " ") for s in SURNAMES.split()))  # "Le_Gall": one surname

CITIES = """Paris Lyon Marseille Toulouse Nice Nantes Strasbourg Montpellier Bordeaux Lille Rennes
Reims Toulon Grenoble Dijon Angers Nîmes Villeurbanne Clermont-Ferrand Aix-en-Provence Brest Tours
Amiens Limoges Annecy Perpignan Metz Besançon Orléans Rouen Mulhouse Caen Nancy Argenteuil Roubaix
Tourcoing Avignon Poitiers Pau Calais La_Rochelle Dunkerque Béziers Bourges Cannes Saint-Nazaire
Colmar Valence Quimper Ajaccio Bastia Troyes Lorient Chambéry Niort Vannes Saint-Malo Laval
Cherbourg Belfort Évreux Chartres Angoulême Bayonne Biarritz Arles Sète Albi Tarbes Montauban
Carcassonne Narbonne Agen Périgueux Brive-la-Gaillarde Aurillac Rodez Cahors Auxerre Nevers
Mâcon Bourg-en-Bresse Vienne Roanne Saint-Étienne Alençon Saint-Brieuc Lannion
Morlaix Épinal Verdun Thionville Charleville-Mézières Soissons Beauvais Compiègne Arras Lens
Douai Valenciennes Maubeuge Boulogne-sur-Mer Saint-Quentin Châlons-en-Champagne Chaumont Gap
Digne-les-Bains Fréjus Hyères Menton Grasse Antibes Martigues Istres Salon-de-Provence Ajaccio
Vichy Moulins Montluçon Guéret Tulle Mont-de-Marsan Dax Auch Foix Mende Privas Annonay""".split()
CITIES = list(dict.fromkeys(c.replace("_", " ") for c in CITIES))
REGIONS = [
    "Bretagne",
    "Normandie",
    "Occitanie",
    "Auvergne-Rhône-Alpes",
    "Nouvelle-Aquitaine",
    "Hauts-de-France",
    "Grand Est",
    "Provence-Alpes-Côte d’Azur",
    "Île-de-France",
    "Pays de la Loire",
    "Centre-Val de Loire",
    "Bourgogne-Franche-Comté",
    "Corse",
]
# (subject form, "in" form, "of" form)
COUNTRIES = [
    ("l’Allemagne", "en Allemagne", "de l’Allemagne"),
    ("l’Italie", "en Italie", "de l’Italie"),
    ("l’Espagne", "en Espagne", "de l’Espagne"),
    ("la Belgique", "en Belgique", "de la Belgique"),
    ("la Suisse", "en Suisse", "de la Suisse"),
    ("le Portugal", "au Portugal", "du Portugal"),
    ("les Pays-Bas", "aux Pays-Bas", "des Pays-Bas"),
    ("la Pologne", "en Pologne", "de la Pologne"),
    ("l’Autriche", "en Autriche", "de l’Autriche"),
    ("la Grèce", "en Grèce", "de la Grèce"),
    ("la Suède", "en Suède", "de la Suède"),
    ("la Norvège", "en Norvège", "de la Norvège"),
    ("le Danemark", "au Danemark", "du Danemark"),
    ("la Finlande", "en Finlande", "de la Finlande"),
    ("l’Irlande", "en Irlande", "de l’Irlande"),
    ("le Royaume-Uni", "au Royaume-Uni", "du Royaume-Uni"),
    ("la Roumanie", "en Roumanie", "de la Roumanie"),
    ("la Hongrie", "en Hongrie", "de la Hongrie"),
    ("l’Ukraine", "en Ukraine", "de l’Ukraine"),
    ("la Turquie", "en Turquie", "de la Turquie"),
    ("le Maroc", "au Maroc", "du Maroc"),
    ("l’Algérie", "en Algérie", "de l’Algérie"),
    ("la Tunisie", "en Tunisie", "de la Tunisie"),
    ("le Sénégal", "au Sénégal", "du Sénégal"),
    ("la Côte d’Ivoire", "en Côte d’Ivoire", "de la Côte d’Ivoire"),
    ("le Mali", "au Mali", "du Mali"),
    ("le Cameroun", "au Cameroun", "du Cameroun"),
    ("l’Égypte", "en Égypte", "de l’Égypte"),
    ("le Liban", "au Liban", "du Liban"),
    ("l’Inde", "en Inde", "de l’Inde"),
    ("la Chine", "en Chine", "de la Chine"),
    ("le Japon", "au Japon", "du Japon"),
    ("la Corée du Sud", "en Corée du Sud", "de la Corée du Sud"),
    ("le Viêt Nam", "au Viêt Nam", "du Viêt Nam"),
    ("l’Australie", "en Australie", "de l’Australie"),
    ("le Canada", "au Canada", "du Canada"),
    ("les États-Unis", "aux États-Unis", "des États-Unis"),
    ("le Mexique", "au Mexique", "du Mexique"),
    ("le Brésil", "au Brésil", "du Brésil"),
    ("l’Argentine", "en Argentine", "de l’Argentine"),
    ("le Chili", "au Chili", "du Chili"),
    ("la Colombie", "en Colombie", "de la Colombie"),
    ("le Québec", "au Québec", "du Québec"),
    ("la Nouvelle-Calédonie", "en Nouvelle-Calédonie", "de la Nouvelle-Calédonie"),
]
# (article, name): the article decides "de la", "du", "d’", "au"...
INSTITUTIONS = [
    ("la", "Banque centrale européenne"),
    ("la", "Banque de France"),
    ("l’", "Assemblée nationale"),
    ("le", "Sénat"),
    ("le", "Conseil constitutionnel"),
    ("la", "Cour des comptes"),
    ("la", "Commission européenne"),
    ("le", "Parlement européen"),
    ("l’", "Organisation mondiale de la santé"),
    ("le", "Fonds monétaire international"),
    ("l’", "Organisation des Nations unies"),
    ("l’", "OTAN"),
    ("la", "SNCF"),
    ("la", "RATP"),
    ("", "EDF"),
    ("", "Engie"),
    ("", "TotalEnergies"),
    ("", "Airbus"),
    ("", "Renault"),
    ("", "Stellantis"),
    ("", "Michelin"),
    ("", "Danone"),
    ("", "L’Oréal"),
    ("", "BNP Paribas"),
    ("la", "Société générale"),
    ("le", "Crédit agricole"),
    ("", "Orange"),
    ("", "Bouygues"),
    ("", "Vinci"),
    ("", "Safran"),
    ("", "Thales"),
    ("", "Dassault Aviation"),
    ("", "Air France"),
    ("la", "Poste"),
    ("", "France Travail"),
    ("l’", "Insee"),
    ("le", "CNRS"),
    ("l’", "Inserm"),
    ("l’", "Institut Pasteur"),
    ("", "Météo-France"),
    ("la", "Cnil"),
    ("l’", "Arcom"),
    ("l’", "Autorité de la concurrence"),
    ("le", "Medef"),
    ("la", "CGT"),
    ("la", "CFDT"),
    ("", "Force ouvrière"),
    ("la", "FNSEA"),
    ("", "Médecins sans frontières"),
    ("la", "Croix-Rouge française"),
    ("le", "Secours populaire"),
    ("l’", "Agence France-Presse"),
    ("l’", "Université Paris-Saclay"),
    ("", "Sciences Po"),
    ("l’", "École polytechnique"),
    ("l’", "Unesco"),
    ("le", "Conseil d’État"),
    ("la", "Cour de cassation"),
    ("l’", "Ademe"),
    ("la", "Caisse des dépôts"),
    ("", "Bpifrance"),
    ("l’", "Agence régionale de santé"),
]
LOCAL_BODIES = [
    ("la", "Chambre de commerce et d’industrie {}"),
    ("l’", "Université {}"),
    ("le", "Centre hospitalier universitaire {}"),
    ("le", "Tribunal judiciaire {}"),
    ("l’", "Office de tourisme {}"),
    ("le", "Conservatoire {}"),
    ("le", "Musée des beaux-arts {}"),
    ("la", "Chambre d’agriculture {}"),
    ("le", "Théâtre municipal {}"),
    ("l’", "Opéra {}"),
    ("le", "Port autonome {}"),
]  # {}: "de" + city
COMPANY_SUFFIXES = [
    "Industries",
    "Logistique",
    "Bâtiment",
    "Énergies",
    "Conseil",
    "Transports",
    "Agroalimentaire",
    "Technologies",
    "Immobilier",
    "Distribution",
]
BRAND_HEADS = [
    "Alt",
    "Nov",
    "Ver",
    "Sol",
    "Hex",
    "Cap",
    "Lum",
    "Aqu",
    "Terr",
    "Oct",
    "Bel",
    "Mir",
    "Cor",
    "Val",
    "Zen",
    "Arc",
]
BRAND_TAILS = ["ea", "ix", "ora", "ium", "ance", "is", "elia", "one", "al", "ys"]
MEDIA = [
    "Le Monde",
    "Libération",
    "Le Figaro",
    "Les Échos",
    "Ouest-France",
    "France Inter",
    "Franceinfo",
    "BFMTV",
    "La Dépêche du Midi",
    "Le Parisien",
    "La Voix du Nord",
    "Le Progrès",
    "Sud Ouest",
    "Le Télégramme",
    "Mediapart",
    "L’Humanité",
    "La Croix",
    "Nice-Matin",
]
MONTHS = [
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
]
DAYS = [
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lundi matin",
    "mardi soir",
    "jeudi après-midi",
    "vendredi soir",
]
# (masculine, feminine); {o} "de" + an organisation, {dc} "de" + a city, {r} a region
ROLES = [
    ("le ministre de l’Économie", "la ministre de l’Économie"),
    ("le ministre de l’Intérieur", "la ministre de l’Intérieur"),
    ("le ministre de la Santé", "la ministre de la Santé"),
    ("le ministre des Armées", "la ministre des Armées"),
    ("le ministre de la Culture", "la ministre de la Culture"),
    ("le maire {dc}", "la maire {dc}"),
    ("le président {o}", "la présidente {o}"),
    ("le directeur général {o}", "la directrice générale {o}"),
    ("le porte-parole {o}", "la porte-parole {o}"),
    ("le secrétaire général {o}", "la secrétaire générale {o}"),
    ("l’économiste", "l’économiste"),
    ("le syndicaliste", "la syndicaliste"),
    ("le préfet de la région {r}", "la préfète de la région {r}"),
    ("l’avocat", "l’avocate"),
    ("le juge d’instruction", "la juge d’instruction"),
    ("le procureur {dc}", "la procureure {dc}"),
    ("le député", "la députée"),
    ("le sénateur", "la sénatrice"),
    ("l’adjoint au maire {dc}", "l’adjointe au maire {dc}"),
    ("le chercheur", "la chercheuse"),
    ("l’entraîneur", "l’entraîneuse"),
    ("le chef d’entreprise", "la cheffe d’entreprise"),
]
FILLERS = [
    "Les discussions doivent se poursuivre dans les prochaines semaines.",
    "Aucune date n’a encore été fixée pour la suite des négociations.",
    "Le dossier reste très sensible, à quelques mois des élections.",
    "Les habitants attendent désormais des réponses concrètes.",
    "Le calendrier pourrait toutefois être revu en fonction de l’évolution de la situation.",
    "Plusieurs associations ont salué une décision attendue depuis longtemps.",
    "Le coût total du projet n’a pas été communiqué.",
    "Les premiers résultats sont attendus au printemps prochain.",
    "Une consultation publique sera organisée avant la fin de l’année.",
    "Sur le terrain, la mobilisation ne faiblit pas.",
    "Le texte doit encore être examiné en commission.",
    "Les opposants dénoncent un projet coûteux et mal préparé.",
    "La hausse des prix de l’énergie pèse lourdement sur les comptes.",
    "Les élus locaux restent divisés sur la question.",
    "Les investissements annoncés devraient être étalés sur cinq ans.",
    "Pour l’heure, rien ne permet de dire si l’accord sera respecté.",
    "Dans les rangs de l’opposition, le ton est nettement plus critique.",
    "Les salariés, eux, disent manquer de visibilité sur leur avenir.",
]
EDITED_SENTENCES = [  # what the one-article edit puts in place of the article's last sentence
    "La présidente de la Fondation Lumière, Odile Marchetti, a visité Quimper mardi pour saluer l’engagement des bénévoles.",
    "Le directeur de la Fondation Lumière, Octave Marchetti, a visité Quimper mercredi pour saluer l’engagement des bénévoles.",
]
# Sentences: {P} a person introduced or referred to, {N} a person's full name, {S} a short
# reference (M. X / Mme X / X), {O} an organisation as subject, {dO} "de" + organisation,
# {c} a city, {dc} "de" + the city, {r} a region, {inC} "in" + country, {dC} "of" + country,
# {m} a medium, {day}, {date}, {year}, {num}, {pct}, {e} the person's gender ending ("" or "e").
TEMPLATES = [
    "{P} a rencontré à {c} les dirigeants {dO}.",
    "{P} a annoncé {day} un plan de {num} millions d’euros pour la région {r}.",
    "« Nous ne lâcherons rien », a déclaré {S} devant les salariés {dO} réunis à {c}.",
    "{O} a confirmé {day} l’ouverture d’un nouveau site à {c}, qui devrait créer {num} emplois.",
    "La délégation conduite par {P} s’est rendue {inC} pour y rencontrer {P2}.",
    "{P} et {P2} ont signé {day} à {c} un accord de coopération avec {O2}.",
    "Les représentants {dO} et {dO2} se retrouveront le {date} à {c}.",
    "Interrogé{e} par {m}, {P} a rappelé que {O} avait déjà investi {num} millions d’euros à {c}.",
    "D’après les chiffres publiés par {O}, le chômage a reculé de {pct} % à {c} en {year}.",
    "{N} a succédé en {year} à {N2} à la tête {dO}.",
    "Le conseil d’administration {dO} doit se réunir {day} à {c} pour examiner la proposition de {S}.",
    "À {c}, {P} a inauguré le nouveau siège {dO} en présence de {N2}.",
    "{S} a toutefois refusé de commenter les informations parues dans {m}.",
    "Cette décision intervient quelques semaines après la visite de {N} à {c}.",
    "Plusieurs élus de la région {r}, dont {P}, réclament l’intervention {dO}.",
    "{O} et {O2} ont annoncé leur rapprochement, une opération estimée à {num} millions d’euros.",
    "Le projet, soutenu par {P}, prévoit la construction d’une ligne reliant {c} à {c2}.",
    "{S} s’est entretenu{e} {day} par téléphone avec {P2}, en déplacement {inC}.",
    "Les syndicats, emmenés par {P}, ont appelé à manifester le {date} devant le siège {dO} à {c}.",
    "« Ce n’est qu’un début », a estimé {S}, qui espère convaincre {O} d’ici à la fin de l’année.",
    "Une réunion avec {P} est prévue {day} à la préfecture {dc}.",
    "Le rapport {dO} pointe notamment les retards accumulés à {c} et à {c2}.",
    "{N} a été nommé{e} à la direction {dO}, a annoncé {O2} dans un communiqué.",
    "Venu{e} {dc}, {N} a rejoint {O} en {year} après plusieurs années passées au sein {dO2}.",
    "Pour {P}, l’enjeu est avant tout de rassurer les habitants {dc}.",
    "La justice a ouvert une enquête visant {O}, selon une source proche du dossier citée par {m}.",
    "Le {date}, {P} avait déjà alerté {O} sur la situation de l’usine {dc}.",
    "{S} doit présenter ses conclusions {day} devant {O}.",
    "{N}, {role}, a salué « une avancée importante » pour les habitants {dc}.",
    "Des représentants {dC} et {dO} participeront également au sommet {dc}.",
    "Selon {m}, {O} envisagerait de fermer son usine {dc} d’ici à {year}.",
    "{P} a reçu {day} à {c} son homologue {dC}, {N2}.",
    "« La situation à {c} est préoccupante », a reconnu {S} sur {m}.",
    "Les échanges commerciaux entre la France et {C} ont progressé de {pct} % en {year}, selon {O}.",
    "{S} a également évoqué le rôle {dO} dans la relance du port {dc}.",
]
TITLE_TEMPLATES = [
    "{sur} annonce {thing} à {c}",
    "{O} prévoit {thing} à {c}",
    "À {c}, {thing} divise les élus",
    "{sur} et {sur2} signent un accord {inC}",
    "{O} et {O2} se rapprochent",
    "{thing} à {c}, un dossier sensible pour {sur}",
    "La région {r} mise sur {thing}",
    "{sur} défend {thing} devant {O}",
    "Enquête sur {thing} à {c}",
]
TITLE_THINGS = [
    "un plan d’investissement",
    "la fermeture d’une usine",
    "un nouveau tramway",
    "des mesures d’urgence",
    "la création de nouveaux emplois",
    "un budget en hausse",
    "la rénovation du centre-ville",
    "un projet de ligne ferroviaire",
    "un accord salarial",
    "la réforme de l’hôpital",
    "un parc éolien",
    "la relance du port",
]


def de(article: str, name: str) -> str:
    """ "de" + name with the French contractions."""
    if article == "le":
        return "du " + name
    if article == "la":
        return "de la " + name
    if article == "l’":
        return "de l’" + name
    return ("d’" if name[0].lower() in "aeiouyéèêâîôh" else "de ") + name


def subject(article: str, name: str) -> str:
    return f"{article}{name}" if article == "l’" else f"{article} {name}".strip()


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    female: bool

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


class Pools:
    """Everything an article can name; the same for every corpus size, so that a corpus of N
    articles is the first N articles of any larger one (same seed)."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(f"pools:{seed}")
        people = [Person(f, s, False) for f in FIRST_M for s in SURNAMES] + [
            Person(f, s, True) for f in FIRST_F for s in SURNAMES
        ]
        rng.shuffle(people)
        self.people = people
        orgs = list(INSTITUTIONS)
        orgs += [(a, t.format(de("", c))) for a, t in LOCAL_BODIES for c in CITIES]
        orgs += [("", f"{s} {x}") for s in SURNAMES for x in COMPANY_SUFFIXES]
        orgs += [("", h + t) for h in BRAND_HEADS for t in BRAND_TAILS]
        orgs += [("le", f"Groupe {s}") for s in SURNAMES] + [("la", f"Fondation {s}") for s in SURNAMES]
        rng.shuffle(orgs)
        self.orgs = orgs
        # A few names recur all the time (a head), most are rare (the long tail).
        self.person_head = list(itertools.accumulate(1 / (k + 1) ** 1.1 for k in range(400)))
        self.org_head = list(itertools.accumulate(1 / (k + 1) ** 1.1 for k in range(150)))

    def person(self, rng: random.Random) -> Person:
        if rng.random() < 0.35:
            return self.people[rng.choices(range(len(self.person_head)), cum_weights=self.person_head)[0]]
        return rng.choice(self.people)

    def org(self, rng: random.Random) -> tuple[str, str]:
        if rng.random() < 0.5:
            return self.orgs[rng.choices(range(len(self.org_head)), cum_weights=self.org_head)[0]]
        return rng.choice(self.orgs)


class ArticleWriter:
    """One article: a small cast of people, organisations and places, used coherently."""

    def __init__(self, pools: Pools, rng: random.Random) -> None:
        self.rng = rng
        self.cast: list[Person] = []
        size = rng.randint(4, 8)
        while len(self.cast) < size:
            p = pools.person(rng)
            if p not in self.cast:
                self.cast.append(p)
        self.introduced: set[Person] = set()
        self.roles: dict[Person, str] = {}
        self.orgs: list[tuple[str, str]] = []
        size = rng.randint(3, 6)
        while len(self.orgs) < size:
            o = pools.org(rng)
            if o not in self.orgs:
                self.orgs.append(o)
        self.deck: list[str] = []
        self.cities = rng.sample(CITIES, rng.randint(2, 4))
        self.region = rng.choice(REGIONS)
        self.countries = rng.sample(COUNTRIES, 2)

    def role(self, p: Person) -> str:
        if p not in self.roles:
            masc, fem = self.rng.choice(ROLES)
            self.roles[p] = (fem if p.female else masc).format(
                o=de(*self.rng.choice(self.orgs)), dc=de("", self.rng.choice(self.cities)), r=self.region
            )
        return self.roles[p]

    def intro(self, p: Person) -> str:
        """A person as the text names them: introduced with a role the first time."""
        rng = self.rng
        if p not in self.introduced:
            self.introduced.add(p)
            style = rng.random()
            if style < 0.55:
                return f"{self.role(p)} {p.full}"
            if style < 0.8:
                return f"{p.full}, {self.role(p)},"
            return p.full
        return self.short(p)

    def short(self, p: Person) -> str:
        if p not in self.introduced:
            self.introduced.add(p)
            return p.full
        r = self.rng.random()
        return p.full if r < 0.3 else (("Mme " if p.female else "M. ") + p.last) if r < 0.75 else p.last

    def sentence(self) -> str:
        rng = self.rng
        if not self.deck:  # every template once before any twice
            self.deck = rng.sample(TEMPLATES, len(TEMPLATES))
        tpl = self.deck.pop()
        p, p2 = rng.sample(self.cast, 2)
        (oa, on), (oa2, on2) = rng.sample(self.orgs, 2)
        c, c2 = rng.sample(self.cities, 2)
        country = rng.choice(self.countries)
        values = {
            "e": "e" if p.female else "",
            "role": self.role(p),
            "O": subject(oa, on),
            "O2": subject(oa2, on2),
            "dO": de(oa, on),
            "dO2": de(oa2, on2),
            "c": c,
            "c2": c2,
            "dc": de("", c),
            "r": self.region,
            "C": country[0],
            "inC": country[1],
            "dC": country[2],
            "m": rng.choice(MEDIA),
            "day": rng.choice(DAYS),
            "year": str(rng.randint(2015, 2024)),
            "date": f"{rng.randint(1, 28)} {rng.choice(MONTHS)}",
            "num": str(rng.choice([3, 12, 25, 40, 75, 120, 250, 480, 900])),
            "pct": f"{rng.randint(1, 19)},{rng.randint(0, 9)}",
        }
        # People last: the order they are named in decides who is introduced first.
        text = tpl
        for slot in re.findall(r"\{(P2|P|N2|N|S)\}", tpl):
            who = p2 if slot.endswith("2") else p
            name = self.intro(who) if slot.startswith("P") else who.full if slot.startswith("N") else self.short(who)
            if slot.startswith("N"):
                self.introduced.add(who)
            text = text.replace("{" + slot + "}", name, 1)
        text = text.format(**values).replace(",,", ",")
        text = re.sub(r",\s*(?=[.;])", "", text)
        text = re.sub(r"\b([Dd])e (?=[AEIOUÉÈÊÂÎÔH])", "\\1’", text)  # "de Adrien" -> "d’Adrien"
        return text[0].upper() + text[1:]

    def title(self) -> str:
        rng = self.rng
        p, p2 = rng.sample(self.cast, 2)
        (oa, on), (oa2, on2) = rng.sample(self.orgs, 2)
        t = rng.choice(TITLE_TEMPLATES).format(
            sur=p.full,
            sur2=p2.full,
            O=subject(oa, on),
            O2=subject(oa2, on2),
            c=self.cities[0],
            inC=self.countries[0][1],
            r=self.region,
            thing=rng.choice(TITLE_THINGS),
        )
        return t[0].upper() + t[1:]

    def body(self, words: int) -> str:
        rng = self.rng
        paragraphs, count = [], 0
        while count < words:
            sentences = []
            for _ in range(rng.randint(2, 5)):
                s = rng.choice(FILLERS) if rng.random() < 0.22 else self.sentence()
                sentences.append(s)
                count += len(s.split())
            paragraphs.append(" ".join(sentences))
        # Every article ends with a sentence from FILLERS: the one-article edit replaces it.
        paragraphs[-1] += " " + rng.choice(FILLERS)
        return "\n\n".join(paragraphs)


def make_corpus(n: int, seed: int) -> list[tuple[str, str]]:
    """[(file name, Markdown with front matter)] for articles 1..n."""
    pools = Pools(seed)
    return [make_article(pools, seed, i) for i in range(1, n + 1)]


def make_article(pools: Pools, seed: int, i: int) -> tuple[str, str]:
    """Article i: the same whatever the corpus's size."""
    start, span = date(2021, 1, 1), (date(2024, 12, 31) - date(2021, 1, 1)).days
    rng = random.Random(f"article:{seed}:{i}")
    writer = ArticleWriter(pools, rng)
    title = writer.title()
    when = start + timedelta(days=rng.randint(0, span))
    body = writer.body(rng.randint(330, 400))
    return f"article-{i:05d}.md", f"---\ntitle: {title}\ndate: {when.isoformat()}\n---\n\n{body}\n"


# --------------------------------------------------------------------------------------------
# Work folder: one kbgen project and one project per peer, all with the same Markdown.
# --------------------------------------------------------------------------------------------

PELICAN_CONF = """\
AUTHOR = "Rédaction"
SITENAME = "Banc d’essai"
SITEURL = ""
PATH = {content!r}
OUTPUT_PATH = {output!r}
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
SLUGIFY_SOURCE = "basename"  # slugs from file names, as kbgen, MkDocs and Hugo do
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = {cache!r}
"""
HUGO_TOML = 'baseURL = "http://localhost/"\ntitle = "Banc d’essai"\n'
# Hugo ships no default theme: without templates it writes only XML (feeds, sitemap) and no HTML
# page at all, so these three minimal templates (written here, by hand) make it render pages.
HUGO_LAYOUTS = {
    "baseof.html": '<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }} | {{ site.Title }}</title></head>\n'
    '<body><header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>\n'
    '<main>{{ block "main" . }}{{ end }}</main></body></html>\n',
    "single.html": '{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006-01-02" }}</time>\n'
    "{{ .Content }}</article>{{ end }}\n",
    "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>\n'
    '{{ range (cond .IsHome site.RegularPages .Pages) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> '
    '{{ .Date.Format "2006-01-02" }}<p>{{ .Summary }}</p></li>\n{{ end }}</ul>{{ end }}\n',
}


@dataclass
class Layout:
    root: Path

    @property
    def kbgen(self) -> Path:
        return self.root / "kbgen"

    @property
    def kbgen_articles(self) -> Path:
        return self.kbgen / "content" / "articles"

    @property
    def pelican(self) -> Path:
        return self.root / "pelican"

    @property
    def mkdocs(self) -> Path:
        return self.root / "mkdocs"

    @property
    def hugo(self) -> Path:
        return self.root / "hugo"

    @property
    def out(self) -> Path:
        return self.root / "out"

    @property
    def logs(self) -> Path:
        return self.root / "logs"


def prepare_corpus(layout: Layout, n: int, seed: int) -> dict:
    """Write the corpus (once: reused while its manifest matches) into every project."""
    manifest_path = layout.root / "corpus.json"
    wanted = {"generator": GENERATOR_VERSION, "seed": seed, "articles": n}
    if manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text())
        if {k: manifest.get(k) for k in wanted} == wanted and _corpus_intact(layout, manifest):
            print("   corpus already there, unchanged: reused", flush=True)
            return manifest
    t = time.perf_counter()
    files = make_corpus(n, seed)
    if layout.root.exists():
        shutil.rmtree(layout.root)
    targets = [
        layout.kbgen_articles,
        layout.pelican / "content",
        layout.mkdocs / "docs" / "articles",
        layout.hugo / "content" / "posts",
    ]
    for folder in targets:
        folder.mkdir(parents=True)
        for name, text in files:
            (folder / name).write_text(text, "utf-8")
    (layout.kbgen / "kbgen.yml").write_text(f"title: Banc d’essai\nlang: fr\nmodel: {MODEL}\n", "utf-8")
    (layout.pelican / "pelicanconf.py").write_text(
        PELICAN_CONF.format(
            content=str(layout.pelican / "content"),
            output=str(layout.out / "pelican"),
            cache=str(layout.pelican / "cache"),
        ),
        "utf-8",
    )
    (layout.mkdocs / "mkdocs.yml").write_text("site_name: Banc d’essai\ndocs_dir: docs\n", "utf-8")
    (layout.hugo / "hugo.toml").write_text(HUGO_TOML, "utf-8")
    (layout.hugo / "layouts").mkdir()
    for name, text in HUGO_LAYOUTS.items():
        (layout.hugo / "layouts" / name).write_text(text, "utf-8")
    texts = [text for _, text in files]
    bodies = [t.split("\n---\n", 1)[1] for t in texts]
    manifest = wanted | {
        "sha256": hashlib.sha256("".join(texts).encode()).hexdigest(),
        "words": sum(len(b.split()) for b in bodies),
        "characters": sum(len(b) for b in bodies),
        "generated_in_s": round(time.perf_counter() - t, 2),
    }
    manifest_path.write_text(json.dumps(manifest, indent=2))
    print(f"   corpus written in {manifest['generated_in_s']} s", flush=True)
    return manifest


def _corpus_intact(layout: Layout, manifest: dict) -> bool:
    files = sorted(layout.kbgen_articles.glob("*.md"))
    if len(files) != manifest["articles"]:
        return False
    return hashlib.sha256("".join(f.read_text("utf-8") for f in files).encode()).hexdigest() == manifest["sha256"]


def corpus_stats(layout: Layout, n: int) -> dict:
    """Distinct names the generator put in (counted from the text, roughly: full names only)."""
    first = "|".join(FIRST_M + FIRST_F)
    last = "|".join(sorted(map(re.escape, SURNAMES), key=len, reverse=True))
    person = re.compile(rf"\b(?:{first}) (?:{last})\b")
    org = re.compile("|".join(sorted(map(re.escape, {name for _, name in Pools(0).orgs}), key=len, reverse=True)))
    people, orgs, places = set(), set(), set()
    for f in sorted(layout.kbgen_articles.glob("*.md")):
        text = f.read_text("utf-8")
        people.update(person.findall(text))
        orgs.update(org.findall(text))
        places.update(c for c in CITIES if c in text)
    return {
        "distinct_full_person_names": len(people),
        "distinct_organisations": len(orgs),
        "distinct_cities": len(places),
    }


# --------------------------------------------------------------------------------------------
# Measuring one child process: wall time, CPU, peak memory.
# --------------------------------------------------------------------------------------------

PAGE = os.sysconf("SC_PAGE_SIZE")


def _descendants(root: int) -> list[int]:
    """root and every process below it (one scan of /proc: this kernel has no task/*/children)."""
    parents: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rfind(b")") + 2 :].split()[1])
        parents.setdefault(ppid, []).append(int(name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, []))
    return found


def _memory_kib(pid: int) -> int:
    """Proportional set size (shared pages split between the processes sharing them), so that
    forked NER workers are not counted twice; RSS where PSS cannot be read."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * PAGE // 1024
    except OSError:
        return 0


class TreeSampler(threading.Thread):
    """Samples the memory of a process tree (sum of PSS) until stopped; keeps the peak."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak_kib = pid, interval, 0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                total = sum(_memory_kib(p) for p in _descendants(self.pid))
            except Exception:  # a process vanished mid-scan: try again
                total = 0
            self.peak_kib = max(self.peak_kib, total)
            self.stopped.wait(self.interval)


@dataclass
class Step:
    name: str
    seconds: float | None = None
    cpu_seconds: float | None = None
    pages: int | None = None
    article_pages: int | None = None
    peak_tree_mib: float | None = None  # sampled: the whole process tree at once (PSS)
    peak_process_mib: float | None = None  # exact: the largest single process (ru_maxrss)
    exit_code: int | None = None
    load_before: float | None = None
    command: list[str] = field(default_factory=list)
    output: str = ""  # the last lines the command printed
    extra: dict = field(default_factory=dict)

    @property
    def peak_mib(self) -> float | None:
        values = [v for v in (self.peak_tree_mib, self.peak_process_mib) if v is not None]
        return max(values) if values else None

    @property
    def pages_per_second(self) -> float | None:
        if self.pages is None or not self.seconds:
            return None
        return self.pages / self.seconds


def measure(name: str, cmd: list[str], cwd: Path, logs: Path, timeout: float, env: dict | None = None) -> Step:
    """Run `cmd` as a fresh child; its own rusage comes from wait4, so no other child counts."""
    logs.mkdir(parents=True, exist_ok=True)
    step = Step(name, command=[str(c) for c in cmd], load_before=round(os.getloadavg()[0], 2))
    log = logs / (re.sub(r"[^\w.-]+", "_", name) + ".log")
    with open(log, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            step.command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
        sampler = TreeSampler(proc.pid)
        sampler.start()
        timer = threading.Timer(timeout, lambda: _kill_group(proc.pid))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:  # Ctrl-C: take the child's whole process group down with us
            _kill_group(proc.pid)
            os.wait4(proc.pid, 0)
            proc.returncode = -9
            raise
        elapsed = time.perf_counter() - start
        timer.cancel()
        sampler.stopped.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    step.seconds = elapsed
    step.cpu_seconds = usage.ru_utime + usage.ru_stime
    step.peak_process_mib = usage.ru_maxrss / 1024  # KiB on Linux
    step.peak_tree_mib = sampler.peak_kib / 1024 or None
    step.exit_code = proc.returncode
    text = log.read_text("utf-8", "replace")
    step.output = "\n".join(text.strip().splitlines()[-12:])
    step.extra["log"] = str(log)
    return step


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def count_pages(folder: Path) -> tuple[int, int]:
    """(.html files, of which single-article pages) under folder."""
    pages = articles = 0
    for path in folder.rglob("*.html") if folder.is_dir() else ():
        pages += 1
        rel = path.relative_to(folder).as_posix()
        if ARTICLE_RE.search(rel) and "/page/" not in rel:
            articles += 1
    return pages, articles


# --------------------------------------------------------------------------------------------
# The steps.
# --------------------------------------------------------------------------------------------

NER_CEILING = r"""
import glob, json, os, sys, time
t0 = time.perf_counter()
import spacy, spacy.util
model, folder, n_process, batch_size = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
path = spacy.util.get_package_path(model)
metas = sorted(glob.glob(os.path.join(path, "meta.json")) + glob.glob(os.path.join(path, "*", "meta.json")))
meta = json.load(open(metas[0], encoding="utf-8"))
components = meta.get("components") or meta["pipeline"]
nlp = spacy.load(model, exclude=[c for c in components if c != "ner"])
t1 = time.perf_counter()
texts = []
for name in sorted(os.listdir(folder)):
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        text = f.read()
    texts.append(text.split("\n---\n", 1)[1].strip() if text.startswith("---\n") else text)
ents = 0
for doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
    ents += len(doc.ents)
t2 = time.perf_counter()
print(json.dumps({"pipe_names": nlp.pipe_names, "load_s": round(t1 - t0, 3), "pipe_s": round(t2 - t1, 3),
                  "docs": len(texts), "characters": sum(map(len, texts)), "entities": ents,
                  "n_process": n_process, "batch_size": batch_size}))
"""

KBGEN_STAGES = r"""
import json, sys
from pathlib import Path
from kbgen.build import build
summary = build(Path(sys.argv[1]), Path(sys.argv[2]), jobs=int(sys.argv[3]))
print(json.dumps({"seconds": round(summary.seconds, 3), "pages": summary.pages,
                  "stages": {k: round(v, 3) for k, v in summary.stage_seconds.items()}}))
"""


def kbgen_source_hash() -> str:
    """A hash of the kbgen code the children will run (an editable install: the work tree)."""
    import importlib.util

    spec = importlib.util.find_spec("kbgen")
    if spec is None or not spec.submodule_search_locations:
        return ""
    root = Path(next(iter(spec.submodule_search_locations)))
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".html", ".css", ".js", ".yml"):
            digest.update(path.as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def kbgen_has_jobs_option() -> bool:
    result = subprocess.run([sys.executable, "-m", "kbgen", "build", "--help"], capture_output=True, text=True)
    return "--jobs" in result.stdout


def kbgen_parallel_rule(jobs: int, characters: int, articles: int) -> tuple[int, int]:
    """The ceiling's `nlp.pipe` process count and batch size: as many processes as kbgen reads
    this corpus in (its PARALLEL_MIN_CHARS read from kbgen), and batches of up to 64 texts.
    The ceiling stays spaCy's own multiprocessing; kbgen runs worker processes of its own."""
    try:
        from kbgen.extract import PARALLEL_MIN_CHARS
    except Exception:
        PARALLEL_MIN_CHARS = 0
    processes = jobs if jobs > 1 and characters >= PARALLEL_MIN_CHARS else 1
    batch = max(1, min(64, articles // (4 * processes) or 1))
    return processes, batch


def edit_article(path: Path, variant: int) -> str:
    """Replace the article's last sentence (always one of FILLERS); returns the original text."""
    original = path.read_text("utf-8")
    body = original.rstrip("\n")
    for filler in FILLERS:
        if body.endswith(filler):
            path.write_text(body[: -len(filler)] + EDITED_SENTENCES[variant] + "\n", "utf-8")
            return original
    raise RuntimeError(f"{path}: does not end with a known sentence; delete the work folder and run again")


SUMMARY_RE = re.compile(r"^(?:Built|Up to date) .*$", re.M)


SET_ASIDE_NOTE = (
    "earlier outputs and kbgen's cache are set aside (renamed) before the timed steps and deleted when "
    "the run ends: on ext4 without a journal, creating files is slow for minutes after many were deleted, "
    "and a timed build would pay for deleting the last run's output"
)


def set_aside_outputs(layout: Layout, folder: Path) -> None:
    """Move the last run's outputs and kbgen's cache out of the way without deleting them (a
    rename frees no inode), so that every build below starts from nothing, as on a first run.
    Deleting them here would slow the builds timed next: ext4 without a journal (this machine's
    file system) skips inodes freed in the last minutes when it allocates new ones, scanning
    past every one of them (5.5 s more to create 18,000 files right after deleting as many)."""
    folder.mkdir(exist_ok=True)
    for old in (layout.out, layout.kbgen / ".kbgen", layout.pelican / "cache"):
        if old.exists():
            name, number = f"{layout.root.name}-{old.parent.name}-{old.name}", 1
            while (folder / f"{name}-{number}").exists():  # set aside more than once (--rounds)
                number += 1
            os.rename(old, folder / f"{name}-{number}")


def delete_set_aside(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
        os.sync()  # written out now: clean blocks make the file system's wait for those inodes shorter


def kbgen_command(layout: Layout, jobs: int, jobs_option: bool, out: Path | None = None) -> list[str]:
    out = out or layout.out / "kbgen"
    cmd = [sys.executable, "-m", "kbgen", "build", "--project", str(layout.kbgen), "--out", str(out)]
    return cmd + ["--jobs", str(jobs)] if jobs_option else cmd


def run_cold_round(
    layout: Layout,
    number: int,
    jobs: int,
    jobs_option: bool,
    processes: int,
    batch: int,
    timeout: float,
    set_aside: Path,
) -> tuple[Step, Step]:
    """One more pair of the NER ceiling and a kbgen cold build (--rounds), its outputs set aside."""
    (layout.kbgen / "content" / "entities.yml").unlink(missing_ok=True)  # made by a first build
    ceiling = run_ceiling(layout, processes, batch, timeout)
    cold = measure("kbgen cold", kbgen_command(layout, jobs, jobs_option), layout.kbgen, layout.logs, timeout)
    set_aside_outputs(layout, set_aside)
    for step in (ceiling, cold):
        step.name += f" (round {number})"
        step.extra["diagnostic"] = True
    return ceiling, cold


def run_kbgen(
    layout: Layout, n: int, jobs: int, jobs_option: bool, timeout: float, stages: bool, seed: int
) -> tuple[list[Step], list[str]]:
    notes = []
    out = layout.out / "kbgen"
    cmd = kbgen_command(layout, jobs, jobs_option)

    def build(name: str) -> Step:
        source = kbgen_source_hash()
        step = measure(name, cmd, layout.kbgen, layout.logs, timeout)
        step.extra["kbgen_source"] = source
        step.extra["kbgen_source_after"] = kbgen_source_hash()
        step.pages, step.article_pages = count_pages(out)
        found = SUMMARY_RE.findall(Path(step.extra["log"]).read_text("utf-8", "replace"))
        step.extra["summary"] = found[-1] if found else None
        if found:  # newer kbgen prints the time of each stage in its summary line
            step.extra["stages"] = {
                k: float(v) for k, v in re.findall(r"(\w+) ([\d.]+) s\b", found[-1].rsplit("(", 1)[-1])
            }
        ingested = re.findall(r"^Ingested .*$", Path(step.extra["log"]).read_text("utf-8", "replace"), re.M)
        step.extra["ingest_line"] = ingested[-1] if ingested else None
        return step

    steps = []
    for folder in (layout.kbgen / ".kbgen", out):
        shutil.rmtree(folder, ignore_errors=True)
    (layout.kbgen / "content" / "entities.yml").unlink(missing_ok=True)  # made by the first build
    steps.append(build("kbgen cold"))
    steps[-1].extra["site"] = site_size.account(out)
    steps.append(build("kbgen warm (no change)"))
    target = layout.kbgen_articles / f"article-{(n + 1) // 2:05d}.md"
    original = edit_article(target, 0)
    try:
        steps.append(build("kbgen one article edited"))
    finally:
        target.write_text(original, "utf-8")
    if stages:
        # The CLI prints only a total; the same build through kbgen's Python API gives the time of
        # each stage. Diagnostic only: not in the ratios. First put the edited article back.
        steps.append(_stages_step("kbgen warm (stages, API)", layout, out, jobs, timeout))
        original = edit_article(target, 1)
        try:
            steps.append(_stages_step("kbgen edit (stages, API)", layout, out, jobs, timeout))
        finally:
            target.write_text(original, "utf-8")
    notes.append(f"edited article: {target.name} (its last sentence replaced, then put back)")
    steps.append(build("kbgen edit put back"))  # so that the next step times the addition alone
    steps[-1].extra["diagnostic"] = True
    added, text = make_article(Pools(seed), seed, n + 1)  # the article the corpus of n + 1 would end with
    added_path = layout.kbgen_articles / added
    added_path.write_text(text, "utf-8")
    try:
        steps.append(build("kbgen one article added"))
    finally:
        added_path.unlink()
    steps.append(build("kbgen one article deleted"))  # the one just added: back to the corpus of n
    notes.append(f"added article: {added} (article {n + 1} of the generator), then deleted")
    return steps, notes


def run_dask(layout: Layout, jobs: int, jobs_option: bool, timeout: float) -> tuple[list[Step], list[str]]:
    """A cold build on this machine, then a cold build whose NER runs on a Dask cluster started
    here (a scheduler and `jobs` workers of one thread each), and the check that both sites are
    the same byte for byte. Each starts with no extraction cache."""
    local, remote = layout.out / "kbgen", layout.out / "kbgen-dask"
    steps = []
    for name, out in (("kbgen cold", local), ("kbgen cold, NER on Dask", remote)):
        for folder in (layout.kbgen / ".kbgen", out):
            shutil.rmtree(folder, ignore_errors=True)
        (layout.kbgen / "content" / "entities.yml").unlink(missing_ok=True)  # made by a first build
        cmd = kbgen_command(layout, jobs, jobs_option, out)
        if out == local:
            steps.append(measure(name, cmd, layout.kbgen, layout.logs, timeout))
            continue
        with LocalCluster(layout.logs / "dask", jobs) as cluster:
            steps.append(measure(name, [*cmd, "--scheduler", cluster.address], layout.kbgen, layout.logs, timeout))
        steps[-1].extra |= {"cluster_cpu_seconds": cluster.cpu_seconds, "peak_worker_mib": cluster.peak_worker_mib}
    for step, out in zip(steps, (local, remote)):
        step.pages, step.article_pages = count_pages(out)
    differences = tree_differences(local, remote)
    steps[-1].extra["differences"] = differences
    notes = [
        f"Dask: a scheduler and {jobs} workers (--nthreads 1, no nanny) on this machine; the cluster's "
        f"processes used {steps[-1].extra['cluster_cpu_seconds']:.1f} CPU s, the largest worker "
        f"{steps[-1].extra['peak_worker_mib']:.0f} MiB (the build's own CPU s and peak are in its row)",
        "Dask build's site vs the local build's, byte for byte: "
        + (f"{len(differences)} files differ, e.g. {differences[:5]}" if differences else "identical"),
    ]
    return steps, notes


def _stages_step(name: str, layout: Layout, out: Path, jobs: int, timeout: float) -> Step:
    step = measure(
        name,
        [sys.executable, "-c", KBGEN_STAGES, str(layout.kbgen), str(out), str(jobs)],
        layout.kbgen,
        layout.logs,
        timeout,
    )
    step.extra["diagnostic"] = True
    step.pages, step.article_pages = count_pages(out)
    try:
        step.extra.update(json.loads(step.output.splitlines()[-1]))
    except (ValueError, IndexError):
        step.extra["error"] = "no stage times (kbgen's build() API may have changed)"
    return step


def run_ceiling(layout: Layout, processes: int, batch: int, timeout: float) -> Step:
    step = measure(
        "NER ceiling (spaCy ner only)",
        [sys.executable, "-c", NER_CEILING, MODEL, str(layout.kbgen_articles), str(processes), str(batch)],
        layout.root,
        layout.logs,
        timeout,
    )
    try:
        step.extra.update(json.loads(step.output.splitlines()[-1]))
    except (ValueError, IndexError):
        pass
    return step


def peer_venv(logs: Path) -> tuple[Path, dict]:
    """bench/.venv with Pelican, Markdown, MkDocs and Hugo, created when missing."""
    venv = BENCH_DIR / ".venv"
    python = venv / "bin" / "python"
    check = [str(python), "-c", "import pelican, markdown, mkdocs, hugo"]
    if not python.exists():
        print(f"creating {venv} ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    if subprocess.run(check, capture_output=True).returncode != 0:
        print(f"installing {' '.join(PEER_PACKAGES)} into {venv} (pip) ...", flush=True)
        logs.mkdir(parents=True, exist_ok=True)
        with open(logs / "pip-install.log", "wb") as log:
            subprocess.run(
                [str(python), "-m", "pip", "install", "--disable-pip-version-check", *PEER_PACKAGES],
                stdout=log,
                stderr=subprocess.STDOUT,
                check=True,
            )
    versions = json.loads(
        subprocess.run(
            [
                str(python),
                "-c",
                "import json; from importlib.metadata import version as v; "
                f"print(json.dumps({{p: v(p) for p in {PEER_PACKAGES!r}}}))",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    return venv, versions


def hugo_binary(venv: Path) -> Path:
    """The Hugo binary the `hugo` package ships; its bin/hugo is a Python wrapper that adds an
    interpreter start and a banner, so the binary is run directly when it can be found."""
    found = sorted(venv.glob("lib/python*/site-packages/hugo/binaries/hugo*"))
    return found[0] if found else venv / "bin" / "hugo"


def run_peers(layout: Layout, venv: Path, timeout: float) -> list[Step]:
    env = dict(os.environ, PATH=f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}")
    env.pop("PYTHONPATH", None)
    bin_ = venv / "bin"
    steps = []

    out = layout.out / "pelican"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(layout.pelican / "cache", ignore_errors=True)
    cmd = [
        str(bin_ / "pelican"),
        str(layout.pelican / "content"),
        "-s",
        str(layout.pelican / "pelicanconf.py"),
        "-o",
        str(out),
    ]
    for name in ("Pelican first build", "Pelican cached (2nd run)"):
        step = measure(name, cmd, layout.pelican, layout.logs, timeout, env)
        step.pages, step.article_pages = count_pages(out)
        steps.append(step)

    out = layout.out / "mkdocs"
    shutil.rmtree(out, ignore_errors=True)
    step = measure(
        "MkDocs build",
        [str(bin_ / "mkdocs"), "build", "-q", "-f", str(layout.mkdocs / "mkdocs.yml"), "-d", str(out)],
        layout.mkdocs,
        layout.logs,
        timeout,
        env,
    )
    step.pages, step.article_pages = count_pages(out)
    steps.append(step)

    out = layout.out / "hugo"
    shutil.rmtree(out, ignore_errors=True)
    hugo = hugo_binary(venv)
    step = measure(
        "Hugo build",
        [str(hugo), "--source", str(layout.hugo), "--destination", str(out)],
        layout.hugo,
        layout.logs,
        timeout,
        env,
    )
    step.pages, step.article_pages = count_pages(out)
    steps.append(step)
    return steps


# --------------------------------------------------------------------------------------------
# Report.
# --------------------------------------------------------------------------------------------


def ratios(steps: list[Step]) -> dict[str, float | None]:
    by = {s.name: s for s in steps if s.exit_code == 0}

    def r(a: str, b: str) -> float | None:
        if a in by and b in by and by[b].seconds:
            return by[a].seconds / by[b].seconds
        return None

    return {
        "kbgen cold / NER ceiling": r("kbgen cold", "NER ceiling (spaCy ner only)"),
        "kbgen warm / MkDocs": r("kbgen warm (no change)", "MkDocs build"),
        "kbgen warm / Pelican first": r("kbgen warm (no change)", "Pelican first build"),
        "kbgen warm / Pelican cached": r("kbgen warm (no change)", "Pelican cached (2nd run)"),
        "kbgen warm / Hugo": r("kbgen warm (no change)", "Hugo build"),
        "one-article edit / kbgen cold": r("kbgen one article edited", "kbgen cold"),
        "one-article edit / kbgen warm": r("kbgen one article edited", "kbgen warm (no change)"),
        "one article added / kbgen cold": r("kbgen one article added", "kbgen cold"),
        "one article deleted / kbgen cold": r("kbgen one article deleted", "kbgen cold"),
        "kbgen cold, NER on Dask / here": r("kbgen cold, NER on Dask", "kbgen cold"),
    }


def cold_rounds(steps: list[Step]) -> list[tuple[float, float]]:
    """The seconds of the NER ceiling and of kbgen's cold build in each round (--rounds), the
    table's own last."""
    by = {s.name: s for s in steps if s.exit_code == 0}
    ceiling = "NER ceiling (spaCy ner only)"
    rounds = [s.name[len(ceiling) :] for s in steps if s.name.startswith(ceiling)]  # " (round k)", then ""
    pairs = [(by.get(ceiling + suffix), by.get("kbgen cold" + suffix)) for suffix in rounds]
    return [(c.seconds, k.seconds) for c, k in pairs if c and k and c.seconds]


def _fmt(value, spec: str) -> str:
    width = re.match(r"\d*", spec).group()
    return "-".rjust(int(width or 0)) if value is None else format(value, spec)


def table(n: int, steps: list[Step]) -> str:
    head = f"{'step':<30} {'seconds':>8} {'CPU s':>7} {'pages':>7} {'(articles)':>10} {'pages/s':>8} {'peak MiB':>9} {'1 proc MiB':>10}"
    lines = [f"N = {n} articles", head, "-" * len(head)]
    for s in steps:
        flag = "" if s.exit_code == 0 else f"  FAILED (exit {s.exit_code})"
        arts = (
            "-"
            if s.article_pages is None
            else f"({s.article_pages})"
            + ("!" if s.article_pages != n and s.pages is not None and not s.name.startswith("NER") else "")
        )
        lines.append(
            f"{s.name:<30} {_fmt(s.seconds, '8.2f')} {_fmt(s.cpu_seconds, '7.1f')} "
            f"{'-' if s.pages is None else s.pages:>7} {arts:>10} {_fmt(s.pages_per_second, '8.1f')} "
            f"{_fmt(s.peak_mib, '9.0f')} {_fmt(s.peak_process_mib, '10.0f')}{flag}"
        )
    return "\n".join(lines)


def ratio_lines(rs: dict[str, float | None]) -> str:
    return "\n".join(f"  {k:<32} {v:7.2f}" for k, v in rs.items() if v is not None)  # the steps run


def machine_info() -> dict:
    info = {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "affinity": len(os.sched_getaffinity(0)),
        "loadavg_start": os.getloadavg(),
    }
    try:
        info["kbgen_commit"] = subprocess.run(
            ["git", "-C", str(REPO_DIR), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "--no-optional-locks", "-C", str(REPO_DIR), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
        ).stdout
        info["kbgen_tree_modified"] = [line[3:] for line in dirty.splitlines()]
    except OSError:
        pass
    info["kbgen_source_sha256_16"] = kbgen_source_hash()
    try:
        from importlib.metadata import version

        info["spacy"] = version("spacy")
        info[MODEL] = version(MODEL.replace("_", "-"))
    except Exception:
        pass
    return info


def lock_work_folder(work: Path):
    """The work folder's lock, for as long as the returned file stays open: two runs in one work
    folder would delete each other's builds."""
    lock = open(work / ".lock", "w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise SystemExit(
            f"{work}: another bench run is using this work folder; wait for it, or pass another --work"
        ) from None
    return lock


def parse_counts(values: list[str] | None) -> list[int]:
    counts = [int(v) for arg in values or ["1000"] for v in arg.split(",") if v.strip()]
    if not counts or min(counts) < 2:
        raise SystemExit("--articles: give counts of at least 2, e.g. --articles 200 or --articles 1000,10000")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--articles",
        action="append",
        metavar="N[,N...]",
        help="corpus size(s); repeat or comma-separate (default 1000)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=len(os.sched_getaffinity(0)),
        help="NER processes for kbgen and the NER ceiling (default: the number of cores)",
    )
    parser.add_argument("--skip-peers", action="store_true", help="time kbgen and the NER ceiling only")
    parser.add_argument(
        "--work",
        type=Path,
        default=BENCH_DIR / ".work",
        help="work folder for corpora and outputs (default bench/.work)",
    )
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    parser.add_argument("--seed", type=int, default=2024, help="corpus RNG seed (default 2024)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds before a step is killed (default 3600)")
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="time the NER ceiling and kbgen's cold build this many times, in turn, and give "
        "the median of their ratios as well (this machine's speed drifts within minutes)",
    )
    parser.add_argument(
        "--dask",
        action="store_true",
        help="instead of the steps above, time a cold build on this machine and one whose NER runs on a "
        "Dask cluster the bench starts here (a scheduler and --jobs workers), and check that both sites "
        "are identical byte for byte",
    )
    parser.add_argument(
        "--api-stages",
        action="store_true",
        help="also run a warm and an edited build through kbgen's Python API to time each "
        "stage (for a kbgen whose CLI summary line does not show stage times)",
    )
    args = parser.parse_args(argv)
    counts = parse_counts(args.articles)
    work = args.work.absolute()
    work.mkdir(parents=True, exist_ok=True)
    _lock = lock_work_folder(work)  # held until this process ends

    jobs_option = kbgen_has_jobs_option()
    default_jobs = len(os.sched_getaffinity(0))
    kbgen_jobs = args.jobs if jobs_option else default_jobs
    general_notes = []
    if jobs_option:
        general_notes.append(f"kbgen build run with --jobs {kbgen_jobs}")
    else:
        general_notes.append(
            f"`kbgen build` has no --jobs option here: the CLI builds use kbgen's default "
            f"({default_jobs} NER processes, one per core), and so does the NER ceiling"
        )
    venv = versions = None
    if not (args.skip_peers or args.dask):
        venv, versions = peer_venv(work / "logs")
    results = {
        "machine": machine_info(),
        "peer_versions": versions,
        "jobs": kbgen_jobs,
        "notes": general_notes,
        "runs": [],
    }
    failed = False
    set_aside = work / ".set-aside"
    delete_set_aside(set_aside)  # left by a run that was stopped
    general_notes.append(SET_ASIDE_NOTE)
    for n in counts:
        layout = Layout(work / f"n{n}")
        print(f"\n== {n} articles: preparing the corpus in {layout.root} ...", flush=True)
        manifest = prepare_corpus(layout, n, args.seed)
        set_aside_outputs(layout, set_aside)
        stats = corpus_stats(layout, n)
        processes, batch = kbgen_parallel_rule(kbgen_jobs, manifest["characters"], n)
        notes = [
            f"corpus: {manifest['words']} words, {manifest['characters']} characters of article text, "
            f"{stats['distinct_full_person_names']} distinct people (full names), "
            f"{stats['distinct_organisations']} organisations, {stats['distinct_cities']} cities",
            f"NER ceiling: spaCy's nlp.pipe, n_process={processes} (kbgen's process count for this corpus: "
            f"{kbgen_jobs} jobs, parallel only above its character threshold), batch_size={batch}",
        ]
        steps: list[Step] = []
        if args.dask:
            print("   kbgen cold, here then with NER on a local Dask cluster ...", flush=True)
            steps, dask_notes = run_dask(layout, kbgen_jobs, jobs_option, args.timeout)
            notes += dask_notes
            failed |= bool(steps[-1].extra["differences"])
        else:
            for number in range(1, args.rounds):
                print(f"   round {number} of {args.rounds}: NER ceiling, kbgen cold ...", flush=True)
                steps += run_cold_round(
                    layout, number, kbgen_jobs, jobs_option, processes, batch, args.timeout, set_aside
                )
            print("   NER ceiling ...", flush=True)
            steps.append(run_ceiling(layout, processes, batch, args.timeout))
            print("   kbgen (cold, warm, one article edited) ...", flush=True)
            kb_steps, kb_notes = run_kbgen(layout, n, kbgen_jobs, jobs_option, args.timeout, args.api_stages, args.seed)
            steps += kb_steps
            notes += kb_notes
        if venv is not None:
            print("   Pelican, MkDocs, Hugo ...", flush=True)
            steps += run_peers(layout, venv, args.timeout)
        seen = {s.extra[k] for s in steps for k in ("kbgen_source", "kbgen_source_after") if k in s.extra}
        if len(seen) > 1:
            notes.insert(
                0,
                "WARNING: kbgen's source files changed between or during its steps (someone is "
                "editing the work tree): the kbgen rows may mix versions of kbgen; run again",
            )
        elif seen and seen != {kbgen_source_hash()}:
            notes.append(
                f"kbgen's source changed after its steps; they all ran source {seen.pop()} "
                f"(commit {results['machine'].get('kbgen_commit')} plus any edits in the tree)"
            )
        main_steps = [s for s in steps if not s.extra.get("diagnostic")]
        rs = ratios(main_steps)
        rounds = cold_rounds(steps)
        if len(rounds) > 1:
            rs[f"kbgen cold / NER ceiling, median of {len(rounds)}"] = statistics.median(
                cold / ceiling for ceiling, cold in rounds
            )
            notes.append(
                "NER ceiling and kbgen cold in each round, in the order run (the last round's are the table's): "
                + "; ".join(f"{ceiling:.2f} s and {cold:.2f} s ({cold / ceiling:.2f})" for ceiling, cold in rounds)
            )
        for s in steps:
            if s.exit_code != 0:
                failed = True
                notes.append(f"{s.name} FAILED (exit {s.exit_code}); last output:\n{s.output}")
        for s in steps:
            if s.extra.get("summary"):
                notes.append(f"{s.name}: {s.extra['summary'].split(' into ')[0]}")
            if "load_s" in s.extra:
                notes.append(
                    f"{s.name}: model load {s.extra['load_s']} s, pipe {s.extra['pipe_s']} s, "
                    f"{s.extra['entities']} entities, components {s.extra['pipe_names']}"
                )
            if "stages" in s.extra and "seconds" in s.extra:
                stages = ", ".join(f"{k} {v:.2f}" for k, v in s.extra["stages"].items())
                notes.append(
                    f"{s.name}: {s.extra['seconds']:.2f} s in build() of {s.seconds:.2f} s wall; stages: {stages}"
                )
        for s in steps:
            if "site" in s.extra:
                notes.append(f"{s.name}: the site's bytes and files by kind:\n" + site_size.table(s.extra["site"], n))
        print()
        print(table(n, main_steps))
        print("\nratios (wall time):")
        print(ratio_lines(rs))
        print("\nnotes:")
        for note in general_notes + notes:
            print("  - " + note)
        results["runs"].append(
            {
                "articles": n,
                "corpus": manifest | stats,
                "n_process": processes,
                "batch_size": batch,
                "steps": [asdict(s) | {"peak_mib": s.peak_mib, "pages_per_second": s.pages_per_second} for s in steps],
                "ratios": rs,
                "notes": notes,
            }
        )
    delete_set_aside(set_aside)
    results["machine"]["loadavg_end"] = os.getloadavg()
    text = json.dumps(results, indent=2, ensure_ascii=False, default=str)
    (work / "last-results.json").write_text(text, "utf-8")
    if args.json:
        args.json.write_text(text, "utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
