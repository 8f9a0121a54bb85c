"""Writes the Le Fil Info saved pages of bench/modern_news: `python bench/modern_news/make_lefilinfo.py bench/modern_news`
(the pages are committed; this keeps how they were made)."""

import sys
from html import escape
from pathlib import Path

OUT = Path(sys.argv[1]) / "seeds/web/www.lefilinfo.fr"
OUT.mkdir(parents=True, exist_ok=True)

HEAD = """<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{title} - Le Fil Info</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Le Fil Info">
<link rel="canonical" href="https://www.lefilinfo.fr/{section_slug}/{slug}.html">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}", "datePublished": "{date}T{time}:00+01:00"}}</script>
</head>
<body>
<div class="topbar"><span>Édition du jour</span> <a href="/kiosque">Le kiosque</a> <a href="/abonnement">S'abonner : 1 € le premier mois</a> <a href="/compte">Mon compte</a></div>
<nav class="menu"><a href="/france">France</a> <a href="/monde">Monde</a> <a href="/economie">Économie</a> <a href="/culture">Culture</a> <a href="/medias">Médias</a> <a href="/sciences">Sciences</a> <a href="/podcasts">Podcasts</a></nav>
<main>
<article>
<nav class="breadcrumb"><a href="/">Accueil</a> &gt; <a href="/{section_slug}">{section}</a></nav>
<h1>{title}</h1>
<p class="chapo">{lede}</p>
<p class="signature">{author} | Le {date_fr} | Lecture 4 min.</p>
<ul class="social"><li>Partager sur Facebook</li><li>Partager sur X</li><li>Envoyer par e-mail</li><li>Sauvegarder</li></ul>
<figure><img src="/img/{slug}.webp" alt=""><figcaption>{caption} ({credit})</figcaption></figure>
"""

PAYWALL = """<div class="paywall"><p>Il vous reste 68 % de cet article à lire. La suite est réservée aux abonnés.</p>
<p>Déjà abonné ? <a href="/connexion">Connectez-vous</a></p>
<p><a href="/abonnement">Profitez de l'offre : 1 € le premier mois, sans engagement</a></p></div>
"""

TAIL = """<p class="tags">Sur le même sujet : <a href="/t1">Télévision</a> <a href="/t2">Entreprises</a></p>
<div class="app"><p>Téléchargez l'application Le Fil Info et suivez l'actualité en continu.</p></div>
</article>
<aside><h2>À la une</h2><ul><li><a href="/b1">Retraites : ce qui change au 1er avril</a></li><li><a href="/b2">Nos tests : les meilleurs aspirateurs robots</a></li></ul></aside>
</main>
<footer><p>Le Fil Info - Tous droits réservés. Reproduction interdite sans autorisation.</p>
<p><a href="/cgu">CGU</a> - <a href="/cookies">Paramétrer les cookies</a> - <a href="/pub">Publicité</a> - <a href="/rss">Flux RSS</a></p></footer>
</body>
</html>
"""

PAGES = [
    dict(
        slug="cannes-jury-de-niro-cecile-de-france",
        section="Culture",
        section_slug="culture",
        date="2025-04-10",
        time="11:20",
        date_fr="10 avril 2025 à 11h20",
        author="Par Léa Fontaine",
        title="Festival de Cannes : Robert De Niro et Cécile de France dans le jury",
        lede="Le Festival de Cannes a dévoilé jeudi la composition de son jury, présidé par Juliette Binoche.",
        caption="Robert De Niro à New York en 2023.",
        credit="Photo Angela Weiss / AFP",
        paywall=False,
        body=[
            "Le Festival de Cannes a dévoilé jeudi la composition du jury de sa 78e édition, présidé par l'actrice Juliette Binoche. Y siégeront notamment l'acteur américain Robert De Niro, la comédienne belge Cécile de France et le réalisateur mexicain Guillermo del Toro.",
            "Benedict Cumberbatch et Benicio del Toro, un temps annoncés par la presse britannique, n'en feront finalement pas partie.",
            "Cécile de France, révélée par L'Auberge espagnole de Cédric Klapisch, avait reçu le César du meilleur espoir féminin en 2003. Interrogée par France Inter, elle s'est dite « émue et un peu intimidée ».",
            "Le festival se tiendra du 13 au 24 mai sur la Croisette. Le délégué général Thierry Frémaux présentera la sélection officielle le 10 avril au cinéma UGC Normandie, à Paris.",
        ],
    ),
    dict(
        slug="france-televisions-mediapart-enquete",
        section="Médias",
        section_slug="medias",
        date="2025-04-12",
        time="08:05",
        date_fr="12 avril 2025 à 08h05",
        author="Par Thomas Arnaud",
        title="France Télévisions visée par une enquête de Mediapart sur ses sous-traitants",
        lede="Le site d'investigation met en cause les contrats de production de plusieurs magazines.",
        caption="Le siège de France Télévisions, à Paris.",
        credit="Photo Joël Saget / AFP",
        paywall=True,
        body=[
            "Mediapart a publié vendredi une enquête sur les contrats passés par France Télévisions avec plusieurs sociétés de production. Selon le site, certaines factures auraient été gonflées entre 2019 et 2023.",
            "La présidente du groupe public, Delphine Ernotte Cunci, a démenti toute irrégularité dans un message adressé aux salariés. « Nos comptes sont contrôlés chaque année par la Cour des comptes », écrit-elle.",
            "Hier, la ministre de la Culture, Rachida Dati, a demandé un audit à l'Inspection générale des finances. L'affaire intéresse aussi nos confrères de Radio-Canada, qui ont révélé des pratiques comparables au Québec.",
        ],
    ),
    dict(
        slug="nestle-waters-vinci-autoroutes-enedis",
        section="Économie",
        section_slug="economie",
        date="2025-04-14",
        time="17:40",
        date_fr="14 avril 2025 à 17h40",
        author="Par Sophie Marchal",
        title="Eaux minérales : Nestlé Waters sommé de s'expliquer devant le Sénat",
        lede="La filiale du groupe suisse est soupçonnée d'avoir traité illégalement ses eaux en bouteille.",
        caption="L'usine Perrier de Vergèze, dans le Gard.",
        credit="Photo Sylvain Thomas / AFP",
        paywall=True,
        body=[
            "Le PDG de Nestlé Waters France, Muriel Lienau, sera entendue mercredi par la commission d'enquête du Sénat sur les pratiques des industriels de l'eau en bouteille.",
            "La filiale du groupe Nestlé est accusée d'avoir utilisé des traitements interdits sur ses sources de Vittel, Contrexéville et Vergèze. Le rapporteur, le sénateur Alexandre Ouizille, veut savoir ce que savait l'Élysée.",
            "Pourtant, l'entreprise affirme avoir « toujours respecté la réglementation ». Dans un tout autre secteur, Vinci Autoroutes et Enedis ont été entendus la semaine dernière par la même commission sur leurs marges.",
        ],
    ),
    dict(
        slug="macron-trump-washington-droits-de-douane",
        section="Monde",
        section_slug="monde",
        date="2025-04-16",
        time="06:30",
        date_fr="16 avril 2025 à 06h30",
        author="Par Antoine Leroy, à Washington",
        title="À Washington, Emmanuel Macron tente de convaincre Donald Trump sur les droits de douane",
        lede="Le président français a été reçu mardi à la Maison Blanche.",
        caption="Emmanuel Macron et Donald Trump, mardi, dans le bureau Ovale.",
        credit="Photo Ludovic Marin / AFP",
        paywall=False,
        body=[
            "Le président Emmanuel Macron a été reçu mardi à la Maison Blanche par Donald Trump. Les deux dirigeants ont évoqué pendant deux heures les droits de douane imposés par Washington sur l'acier européen.",
            "« Nous avons eu une discussion franche », a déclaré M. Macron à l'issue de la rencontre. Trump, lui, a jugé l'Union européenne « très dure en affaires ».",
            "À Paris, Les Républicains (LR) ont salué la démarche. Le président du parti, Bruno Retailleau, a toutefois appelé à « ne rien céder ». L'ancienne Première ministre britannique Theresa May, de passage à Bruxelles, a plaidé pour une réponse commune des Européens.",
            "Partager",
            "Lire aussi : Droits de douane, ce que risquent les viticulteurs de Bordeaux",
        ],
    ),
]

for page in PAGES:
    fields = {k: escape(v) if isinstance(v, str) else v for k, v in page.items()}
    fields["title"] = escape(page["title"])
    parts = [HEAD.format(**fields)]
    body = page["body"]
    shown = body[:2] if page["paywall"] else body
    for paragraph in shown:
        parts.append(f"<p>{escape(paragraph)}</p>\n")
    if page["paywall"]:
        parts.append(PAYWALL)
    parts.append(TAIL)
    (OUT / f"{page['slug']}.html").write_text("".join(parts), "utf-8")
