"""Writes the Ouest Matin saved pages of bench/modern_news: `python bench/modern_news/make_ouestmatin.py bench/modern_news`
(the pages are committed; this keeps how they were made)."""

import sys
from html import escape
from pathlib import Path

OUT = Path(sys.argv[1]) / "seeds/web/www.ouestmatin.fr"
OUT.mkdir(parents=True, exist_ok=True)

HEAD = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{title} | Ouest Matin</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Ouest Matin">
<meta name="description" content="{lede}">
<link rel="canonical" href="https://www.ouestmatin.fr/{section_slug}/{slug}">
<meta property="article:published_time" content="{date}T07:30:00+01:00">
<script>window.dataLayer = window.dataLayer || [];</script>
</head>
<body>
<header class="site-header">
<a class="logo" href="/">Ouest Matin</a>
<nav><ul>
<li><a href="/actualite">Actualité</a></li><li><a href="/politique">Politique</a></li>
<li><a href="/economie">Économie</a></li><li><a href="/sports">Sports</a></li>
<li><a href="/culture">Culture</a></li><li><a href="/bretagne">Bretagne</a></li>
<li><a href="/pays-de-la-loire">Pays de la Loire</a></li>
</ul></nav>
<div class="account"><a href="/connexion">Connectez-vous</a> <a href="/abonnement">Abonnez-vous</a></div>
<div class="notifications"><p>Activez les notifications pour ne rien manquer de l'actualité de votre région.</p>
<button>Activer</button> <button>Plus tard</button></div>
</header>
<main>
<article>
<p class="kicker">{section}</p>
<h1>{title}</h1>
<p class="byline">Par {author} - Publié le {date_fr}</p>
<div class="share"><a href="#">Partager</a> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">Copier le lien</a></div>
<figure><img src="/photos/{slug}.jpg" alt=""><figcaption>{caption} Photo : {credit}</figcaption></figure>
"""

TAIL = """<div class="newsletter"><p>Recevez chaque matin l'essentiel de l'actualité de l'Ouest.</p>
<p><a href="/newsletters">Inscrivez-vous gratuitement à notre newsletter</a></p></div>
<div class="comments"><h2>Commentaires</h2><p>Lancez la conversation. Soyez le premier à réagir.</p></div>
</article>
<aside class="most-read"><h2>Les plus lus</h2><ol>
<li><a href="/a1">Météo : un week-end gris et venteux sur tout l'Ouest</a></li>
<li><a href="/a2">Carburants : les prix repartent à la hausse</a></li>
<li><a href="/a3">Jeux concours : tentez de gagner vos places pour les Vieilles Charrues</a></li>
</ol></aside>
</main>
<footer>
<p>Retrouvez Ouest Matin sur Facebook, Instagram et LinkedIn.</p>
<p>© 2025 Ouest Matin - Mentions légales - Politique de confidentialité - Gérer mes cookies - Contact</p>
</footer>
</body>
</html>
"""

PAGES = [
    dict(
        slug="la-poste-greve-centre-de-tri-rennes",
        section="Économie",
        section_slug="economie",
        date="2025-03-11",
        date_fr="11/03/2025 à 07h30",
        author="Camille Le Goff",
        title="Grève au centre de tri de La Poste à Rennes : les colis s'accumulent",
        lede="Depuis lundi, une partie des agents du centre de tri de Rennes-Chantepie cesse le travail.",
        caption="Le centre de tri de Chantepie, mardi matin.",
        credit="Ouest Matin / Yann Briand",
        body=[
            "Depuis lundi, une partie des agents du centre de tri de La Poste à Chantepie, près de Rennes, a cessé le travail. Les syndicats Sud PTT et CGT dénoncent la suppression de douze tournées.",
            "Pourtant, la direction régionale assure que « aucun emploi n'est menacé ». Interrogé mardi, le directeur des opérations, Didier Le Bihan, a promis de recevoir les délégués avant la fin de la semaine.",
            "Hier, plus de 40 000 colis attendaient d'être triés. Les commerçants du centre-ville, eux, s'inquiètent. « Mes clients ne reçoivent rien depuis cinq jours », explique Sandrine Morvan, qui tient une librairie rue de Saint-Malo.",
            "À lire aussi : Chronopost recrute 300 intérimaires pour les fêtes",
            "Mme Morvan n'est pas la seule. La chambre de commerce et d'industrie d'Ille-et-Vilaine a demandé une médiation à la préfecture de Bretagne.",
        ],
    ),
    dict(
        slug="sorbonne-nouvelle-chercheuse-rennes",
        section="Actualité",
        section_slug="actualite",
        date="2025-03-13",
        date_fr="13/03/2025 à 18h02",
        author="Paul Guillou",
        title="Une chercheuse de l'université Sorbonne-Nouvelle s'installe à l'université Rennes 2",
        lede="La linguiste Hélène Vidal quitte Paris pour diriger un laboratoire breton.",
        caption="Hélène Vidal dans son bureau, jeudi.",
        credit="Ouest Matin / C. Le Goff",
        body=[
            "La linguiste Hélène Vidal, professeure à l'université Sorbonne-Nouvelle depuis 2012, prendra en septembre la direction d'un laboratoire de l'université Rennes 2.",
            "Bien connue des spécialistes du breton, elle a longtemps travaillé avec le Centre national de la recherche scientifique (CNRS). « Rennes est la ville où tout se passe pour les langues régionales », dit-elle.",
            "Sa nomination a été saluée par le président de la région Bretagne, Loïg Chesnais-Girard, et par Mgr Pierre d'Ornellas, archevêque de Rennes, qui a financé un fonds de manuscrits anciens.",
            "Publiée dans Les Échos la semaine dernière, une enquête classait Rennes parmi les trois villes étudiantes les plus attractives de France.",
            "Activez les alertes pour suivre l'actualité de l'université.",
        ],
    ),
    dict(
        slug="bourget-salon-aeronautique-nantes",
        section="Économie",
        section_slug="economie",
        date="2025-03-15",
        date_fr="15/03/2025 à 09h12",
        author="Camille Le Goff",
        title="Les sous-traitants nantais se préparent au salon du Bourget",
        lede="Une trentaine d'entreprises de Loire-Atlantique exposeront en juin.",
        caption="L'usine Airbus de Bouguenais.",
        credit="AFP / Loïc Venance",
        body=[
            "Une trentaine d'entreprises de Loire-Atlantique exposeront en juin au salon international de l'aéronautique du Bourget, selon la chambre de commerce de Nantes.",
            "Parmi elles, Daher et Europe Technologies, deux sous-traitants d'Airbus, dont l'usine de Bouguenais emploie 2 500 salariés. « Le Bourget, c'est notre vitrine », résume Jean-Marc Tessier, le PDG d'Europe Technologies.",
            "Selon Le Monde, le constructeur européen prévoit d'annoncer plusieurs commandes de Qatar Airways et d'Air France-KLM. Retrouvez notre dossier spécial aéronautique dans l'édition du dimanche.",
            "Le président de Nantes Métropole, Johanna Rolland, sera du voyage. M. Tessier, lui, espère signer un contrat avec Dassault Aviation.",
        ],
    ),
    dict(
        slug="stade-rennais-victoire-classement",
        section="Sports",
        section_slug="sports",
        date="2025-03-16",
        date_fr="16/03/2025 à 22h45",
        author="Erwan Kerjean",
        title="Ligue 1 : le Stade rennais renverse Lille au Roazhon Park",
        lede="Menés à la pause, les Rennais se sont imposés 2-1 grâce à un doublé d'Arnaud Kalimuendo.",
        caption="Arnaud Kalimuendo après son deuxième but.",
        credit="Ouest Matin / Franck Dubray",
        body=[
            "Menés à la pause après un but de Jonathan David, les Rennais se sont imposés 2-1 dimanche soir face au Losc grâce à un doublé d'Arnaud Kalimuendo.",
            "« On n'a rien lâché », a confié l'entraîneur Habib Beye au micro de DAZN. Interrogé sur le mercato, il a refusé de répondre.",
            "<table><tr><th>Rang</th><th>Club</th><th>Pts</th><th>J</th></tr><tr><td>6</td><td>Lille</td><td>44</td><td>26</td></tr><tr><td>7</td><td>Lyon</td><td>43</td><td>26</td></tr><tr><td>11</td><td>Rennes</td><td>34</td><td>26</td></tr></table>",
            "TWEET",
            "Le Stade rennais se déplacera au Parc des Princes le week-end prochain pour affronter le Paris Saint-Germain.",
        ],
    ),
]

TWEET = (
    '<blockquote class="twitter-tweet"><p lang="fr" dir="ltr">QUELLE SOIRÉE AU ROAZHON ! 🔴⚫ '
    '<a href="https://t.co/abc">pic.twitter.com/abc</a></p>&mdash; Stade Rennais F.C. (@staderennais) '
    '<a href="https://twitter.com/staderennais/status/1">March 16, 2025</a></blockquote>'
)

for page in PAGES:
    parts = [HEAD.format(**{k: escape(v) if isinstance(v, str) else v for k, v in page.items()})]
    for paragraph in page["body"]:
        if paragraph == "TWEET":
            parts.append(TWEET + "\n")
        elif paragraph.startswith("<table>"):
            parts.append(paragraph + "\n")
        elif paragraph.startswith("À lire aussi"):
            parts.append(f'<p class="read-also"><a href="/a">{escape(paragraph)}</a></p>\n')
        else:
            parts.append(f"<p>{escape(paragraph)}</p>\n")
    parts.append(TAIL)
    (OUT / f"{page['slug']}.html").write_text("".join(parts), "utf-8")
