"""Writes the Centre Matin saved pages of bench/modern_news_holdout2:
`python bench/modern_news_holdout2/make_centrematin.py bench/modern_news_holdout2`
(the pages are committed; this keeps how they were made, with the furniture they share)."""

import sys
from html import escape
from pathlib import Path

OUT = Path(sys.argv[1]) / "seeds/web/www.centrematin.fr"
OUT.mkdir(parents=True, exist_ok=True)

HEAD = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - Centre Matin</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Centre Matin">
<meta property="og:type" content="article">
<meta name="description" content="{lede}">
<link rel="canonical" href="https://www.centrematin.fr/{section_slug}/{slug}_{number}">
<meta property="article:published_time" content="{date}T{time}:00+02:00">
<meta property="article:section" content="{section}">
<script>var tc_vars = {{"env": "prod", "page": "article"}};</script>
</head>
<body>
<div id="cookie-banner" class="cmp">
<p>Centre Matin et ses partenaires utilisent des cookies pour mesurer l'audience, personnaliser les publicités et
vous proposer des contenus adaptés. Vous pouvez accepter, refuser ou paramétrer vos choix à tout moment.</p>
<button>Accepter et fermer</button> <button>Paramétrer</button> <a href="#">Continuer sans accepter</a>
</div>
<header class="site-header">
<a class="logo" href="/">Centre Matin</a>
<nav class="menu"><ul>
<li><a href="/actualite">Actualité</a></li><li><a href="/clermont-ferrand">Clermont-Ferrand</a></li>
<li><a href="/puy-de-dome">Puy-de-Dôme</a></li><li><a href="/allier">Allier</a></li>
<li><a href="/cantal">Cantal</a></li><li><a href="/haute-loire">Haute-Loire</a></li>
<li><a href="/sports">Sports</a></li><li><a href="/faits-divers">Faits divers</a></li>
<li><a href="/loisirs">Loisirs</a></li><li><a href="/abonnes">Abonnés</a></li>
</ul></nav>
<div class="account"><a href="/abonnement">Abonnez-vous dès 1 € le premier mois</a> <a href="/connexion">Se connecter</a></div>
</header>
<main>
<article>
<p class="breadcrumb"><a href="/">Accueil</a> › <a href="/{section_slug}">{section}</a></p>
<h1>{title}</h1>
<p class="chapo">{lede}</p>
<p class="byline">Par {author} | Publié le {date_fr}</p>
<div class="share"><a href="#">Partager</a> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">E-mail</a></div>
<p class="comments-count"><a href="#commentaires">{comments} commentaires</a></p>
<figure><img src="/photos/{slug}.jpg" alt="">
<figcaption>{caption} <span class="credit">© Photo {credit}</span></figcaption></figure>
"""

PAYWALL = """<div class="paywall">
<p>Cet article est réservé aux abonnés. Il vous reste 75 % à découvrir.</p>
<p><a href="/abonnement">Abonnez-vous : 1 € le premier mois, sans engagement</a></p>
<p>Déjà abonné ? <a href="/connexion">Se connecter</a></p>
</div>
"""

TAIL = """<div class="newsletter-box"><p>Chaque matin, recevez l'essentiel de l'actualité de votre département.</p>
<p><a href="/newsletters">Je m'inscris gratuitement</a></p></div>
<section id="commentaires" class="comments"><h2>{comments} commentaires</h2>
<p>Réagissez à cet article. Vous devez être abonné pour commenter.</p></section>
</article>
<aside class="related"><h2>Sur le même sujet</h2><ul>
{related}
</ul></aside>
<aside class="most-read"><h2>Les plus lus</h2><ol>
<li><a href="/r1">Puy-de-Dôme : les nouveaux radars tourelles entrent en service lundi</a></li>
<li><a href="/r2">Immobilier : où acheter moins cher dans l'agglomération clermontoise ?</a></li>
<li><a href="/r3">Jeu concours : gagnez vos places pour le festival Europavox</a></li>
</ol></aside>
</main>
<footer>
<p>Suivez Centre Matin sur Facebook, X, Instagram et TikTok. Téléchargez l'application.</p>
<p>Centre Matin, 45 rue du Clos-Four, 63100 Clermont-Ferrand.</p>
<p>© 2025 Centre Matin - Mentions légales - CGV - Politique de confidentialité - Gestion des cookies - Plan du site - Nous contacter</p>
</footer>
</body>
</html>
"""

TWEET = (
    '<blockquote class="twitter-tweet"><p lang="fr" dir="ltr">CE MICHELIN EN FEU 🔥💛💙 '
    "On ne lâche rien, rendez-vous à Mayol ! "
    '<a href="https://t.co/xyz">pic.twitter.com/xyz</a></p>&mdash; ASM Clermont Auvergne (@ASMOfficiel) '
    '<a href="https://twitter.com/ASMOfficiel/status/2">April 12, 2025</a></blockquote>'
)

TABLE = (
    "<table><tr><th>Pos.</th><th>Équipe</th><th>Pts</th><th>J</th><th>Diff.</th></tr>"
    "<tr><td>1</td><td>Toulouse</td><td>66</td><td>21</td><td>+214</td></tr>"
    "<tr><td>2</td><td>Bordeaux-Bègles</td><td>61</td><td>21</td><td>+157</td></tr>"
    "<tr><td>3</td><td>Toulon</td><td>55</td><td>21</td><td>+61</td></tr>"
    "<tr><td>4</td><td>Clermont</td><td>52</td><td>21</td><td>+38</td></tr>"
    "<tr><td>5</td><td>Castres</td><td>50</td><td>21</td><td>+12</td></tr>"
    "<tr><td>6</td><td>Bayonne</td><td>49</td><td>21</td><td>-9</td></tr></table>"
)

PAGES = [
    dict(
        slug="top-14-asm-clermont-toulouse-marcel-michelin",
        number="12003417",
        section="Sports",
        section_slug="sports",
        date="2025-04-12",
        time="23:05",
        date_fr="12/04/2025 à 23h05",
        author="Romain Chabrol",
        comments="14",
        title="Top 14 : l'ASM fait tomber Toulouse au stade Marcel-Michelin",
        lede="Les Clermontois ont battu le leader 27-23 samedi soir et reviennent dans le top 4.",
        caption="Alivereti Raka à la conclusion du premier essai clermontois.",
        credit="Franck Boileau / Centre Matin",
        related=(
            '<li><a href="/s1">Pro D2 : Aurillac arrache le nul à Provence Rugby</a></li>\n'
            '<li><a href="/s2">Ligue 1 : le Clermont Foot 63 prépare la réception de Montpellier</a></li>'
        ),
        body=[
            "Il a fallu attendre la 78e minute et une pénalité de Benjamin Urdapilleta pour que le stade Marcel-Michelin explose. "
            "Samedi soir, l'ASM Clermont Auvergne a battu le Stade toulousain (27-23), leader du Top 14, devant 18 000 spectateurs.",
            "Menés 13-20 à la pause, les Jaunards ont renversé la rencontre grâce à un essai d'Alivereti Raka, sur un ballon porté "
            "par le talonneur Étienne Fourcade. Côté toulousain, Antoine Dupont, préservé, n'était pas sur la feuille de match.",
            "« On a montré qu'on pouvait battre n'importe qui ici », a réagi le manager Christophe Urios en conférence de presse. "
            "Son homologue Ugo Mola a regretté « trop d'indiscipline en seconde période ».",
            "À lire aussi : Rugby, la billetterie du match contre La Rochelle est ouverte",
            "TWEET",
            "Grâce à ce succès, Clermont remonte à la quatrième place, à trois points de Toulon, son prochain adversaire au stade Mayol.",
            "TABLE",
            "Dans les autres rencontres de la 21e journée, l'Union Bordeaux-Bègles s'est imposée face à Castres (34-17) "
            "et Bayonne a perdu à Pau (19-22).",
        ],
    ),
    dict(
        slug="tram-travaux-montferrand-rue-montlosier",
        number="12003122",
        section="Clermont-Ferrand",
        section_slug="clermont-ferrand",
        date="2025-04-09",
        time="06:30",
        date_fr="09/04/2025 à 06h30",
        author="Aurélie Vidalenc",
        comments="27",
        title="Travaux de la ligne B : Montferrand coupé en deux jusqu'à l'été",
        lede="La rue Montlosier et l'avenue de la République seront fermées à la circulation dès lundi.",
        caption="Les engins de chantier devant la place de la Fontaine, à Montferrand.",
        credit="Thierry Lindauer / Centre Matin",
        related=(
            '<li><a href="/c1">Tram : ce qui change pour les bus à partir du 14 avril</a></li>\n'
            '<li><a href="/c2">Les Cézeaux : le campus attend sa piste cyclable depuis dix ans</a></li>'
        ),
        body=[
            "Les habitants de Montferrand vont devoir s'armer de patience. À partir de lundi, la rue Montlosier et le bas de "
            "l'avenue de la République seront fermés à la circulation pour les travaux de la future ligne B du tramway, "
            "qui reliera le quartier à la gare et au campus des Cézeaux.",
            "Le Syndicat mixte des transports en commun de l'agglomération clermontoise (SMTC) promet des déviations "
            "par le boulevard Léon-Jouhaux et l'avenue Édouard-Michelin. Les bus de la ligne 20 ne desserviront plus l'arrêt "
            "de la place de la Fontaine jusqu'au 30 juin.",
            "Lire aussi : [Tram, le tracé définitif de la ligne B dévoilé](/c3)",
            "« On nous a prévenus par un papier dans la boîte aux lettres, c'est tout », regrette Martine Chassaing, qui tient "
            "une boulangerie rue de la Rodade depuis 1994. Plus au nord, aux Vergnes et à la Croix-de-Neyrat, des riverains "
            "craignent que les camions ne passent par leurs rues.",
            "Le maire de Clermont-Ferrand, Olivier Bianchi, a assuré mercredi que les commerçants seraient indemnisés. "
            "Clermont Auvergne Métropole a voté une enveloppe de 400 000 euros pour les secteurs touchés, du lieu-dit "
            "les Gravanches jusqu'à la zone du Brézet.",
            "Une réunion publique est prévue jeudi 17 avril à 18 heures à la salle Jean-Cocteau, place de la Rodade.",
        ],
    ),
    dict(
        slug="agriculteurs-prefecture-puy-de-dome-genevard",
        number="12003290",
        section="Puy-de-Dôme",
        section_slug="puy-de-dome",
        date="2025-04-11",
        time="19:40",
        date_fr="11/04/2025 à 19h40",
        author="Romain Chabrol et Aurélie Vidalenc",
        comments="58",
        title="Colère agricole : la préfète reçoit les syndicats, la ministre attendue à Clermont",
        lede="Une centaine de tracteurs ont convergé vendredi vers la place de Jaude.",
        caption="Les tracteurs place de Jaude, vendredi midi.",
        credit="Richard Brunel / Centre Matin",
        related=(
            '<li><a href="/p1">Allier : les éleveurs bloquent l\'A71 près de Montmarault</a></li>\n'
            '<li><a href="/p2">Eau : le Cantal placé en alerte sécheresse</a></li>'
        ),
        paywall=True,
        body=[
            "Une centaine de tracteurs ont convergé vendredi matin vers la place de Jaude, à l'appel de la FDSEA et des "
            "Jeunes agriculteurs (JA) du Puy-de-Dôme, rejoints l'après-midi par la Coordination rurale. Reçus en fin de journée, "
            "leurs représentants ont obtenu de la préfète du Puy-de-Dôme, Mme Élisabeth Couderc, la promesse d'une "
            "cellule de crise sur les prix du lait.",
            "« Nous ne repartirons pas avec des paroles », a prévenu le président de la FDSEA, Sébastien Roux, éleveur à "
            "Saint-Anthème. M. Roux réclame la venue de la ministre de l'Agriculture, Annie Genevard, annoncée la semaine "
            "prochaine à Cournon-d'Auvergne. Le sénateur Les Républicains de la Haute-Loire, Laurent Duplomb, a apporté "
            "son soutien aux manifestants, tout comme le président du conseil départemental, Lionel Chauvin.",
            "De son côté, la chambre d'agriculture du Puy-de-Dôme demande que les aides de la politique agricole commune (PAC) "
            "soient versées avant le 15 mai.",
        ],
    ),
]

for page in PAGES:
    fields = {k: escape(v) if isinstance(v, str) else v for k, v in page.items()}
    fields["related"] = page["related"]
    parts = [HEAD.format(**fields)]
    body = page["body"]
    shown = body[:2] if page.get("paywall") else body
    for paragraph in shown:
        if paragraph == "TWEET":
            parts.append(TWEET + "\n")
        elif paragraph == "TABLE":
            parts.append(TABLE + "\n")
        elif paragraph.startswith("Lire aussi : ["):
            title, address = paragraph[len("Lire aussi : [") :].rstrip(")").split("](")
            parts.append(f'<p>Lire aussi : <a href="{address}">{escape(title)}</a></p>\n')
        elif paragraph.startswith("À lire aussi"):
            parts.append(f'<p class="read-also"><a href="/a">{escape(paragraph)}</a></p>\n')
        else:
            parts.append(f"<p>{escape(paragraph)}</p>\n")
    if page.get("paywall"):
        parts.append(PAYWALL)
    parts.append(TAIL.format(comments=page["comments"], related=page["related"]))
    (OUT / f"{page['slug']}.html").write_text("".join(parts), "utf-8")
