"""Writes the development set of saved news pages: five invented sites, each with its own furniture
(navigation, cookie banner, newsletter box, paywall teaser, "read also" block, share bar, footer,
titles with the site's name), kickers, JSON-LD and meta dates, a page saved from a web archive,
a "last updated" widget, junk author text. Run it to remake bench/webpages/<site>/*.html and
expected-html.json: `.venv/bin/python bench/webpages/make_pages.py`.
"""

from __future__ import annotations

import json
import zlib
from html import escape
from pathlib import Path

from articles import ARTICLES

HERE = Path(__file__).resolve().parent
FR_MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()


def paragraphs(slug: str, middle: str = "") -> str:
    paras = [f"<p>{escape(p)}</p>" for p in ARTICLES[slug][2]]
    paras.insert(2, middle)
    return "\n".join(paras)


def french_day(day: str) -> str:
    year, month, number = day.split("-")
    return f"{int(number)} {FR_MONTHS[int(month) - 1]} {year}"


# --- Le Courrier du Val: og + JSON-LD, kicker paragraph, cookie banner, newsletter, "Lire aussi"


def courrier(slug, day, kicker=None, updated=None, authors=("Marc Le Bihan",), other="tramway"):
    title, lede, _ = ARTICLES[slug]
    shown = f"{kicker}. {title}" if kicker else title
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": shown,
        "datePublished": f"{day}T07:30:00+01:00",
        "dateModified": f"{updated or day}T09:00:00+01:00",
        "author": [{"@type": "Person", "name": a} for a in authors],
        "publisher": {"@type": "Organization", "name": "Le Courrier du Val"},
    }
    widget = (
        f'<p class="dates">Publié le {french_day(day)} à 8h, mis à jour le <time datetime="{updated}T17:12">{french_day(updated)} à 17h12</time></p>'
        if updated
        else f'<p class="dates">Publié le <time>{french_day(day)}</time></p>'
    )
    also = f'<p class="also"><strong>Lire aussi :</strong> <a href="/actualite/{other}.html">{escape(ARTICLES[other][0])}</a></p>'
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>{escape(shown)} - Le Courrier du Val</title>
<meta property="og:title" content="{escape(shown)}">
<meta property="og:site_name" content="Le Courrier du Val">
<meta property="og:description" content="{escape(lede)}">
<meta property="og:image" content="https://static.courrierduval.fr/img/{slug}.jpg">
<meta property="og:url" content="https://www.courrierduval.fr/actualite/{slug}.html">
<link rel="canonical" href="https://www.courrierduval.fr/actualite/{slug}.html">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
</head><body>
<div id="cookie-consent" class="banner">Nous utilisons des cookies pour mesurer l’audience et vous proposer des contenus adaptés. <button>Accepter</button> <button>Refuser</button> <a href="/cookies">Paramétrer mes choix</a></div>
<header><a class="logo" href="/">Le Courrier du Val</a>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/politique">Politique</a></li><li><a href="/societe">Société</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li></ul></nav></header>
<main><article>
{f'<p class="kicker">{kicker}</p>' if kicker else ""}
<h1>{escape(title)}</h1>
<p class="chapo">{escape(lede)}</p>
<p class="byline">Par {" et ".join(authors)}</p>
{widget}
<div class="share"><a href="#">Partager sur Facebook</a> <a href="#">Partager sur X</a> <a href="#">Envoyer par e-mail</a></div>
{paragraphs(slug, also)}
<aside class="newsletter"><p>Recevez chaque matin l’essentiel de l’actualité du Val dans votre boîte mail. Inscrivez-vous gratuitement à notre newsletter.</p><form><input type="email"><button>Je m’inscris</button></form></aside>
</article></main>
<footer><p>© Le Courrier du Val 2023 – Mentions légales – Politique de confidentialité – Contact</p></footer>
</body></html>
"""


# --- Banlieue Express: a blog; its logo is a heading, Yoast titles, bylines, a donation box


def banlieue(slug, day, title_tag=None, byline="Par Samia Khelifi", others=("emploi", "jardins", "boxe")):
    title = ARTICLES[slug][0]
    tag = title_tag or f"{title} - Banlieue Express"
    related = "".join(f'<li><a href="/{o}/">{escape(ARTICLES[o][0])}</a></li>' for o in others if o != slug)
    return f"""<!DOCTYPE html>
<html lang="fr-FR"><head><meta charset="UTF-8">
<title>{escape(tag)}</title>
<meta property="og:title" content="{escape(tag)}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{day}T10:15:00+00:00">
<meta property="article:section" content="Société">
<link rel="canonical" href="https://www.banlieue-express.net/{slug}/">
</head><body class="single">
<header class="site-header"><h1 class="site-title"><a href="/">Banlieue Express</a></h1>
<p class="site-description">Le média des quartiers populaires</p>
<nav class="menu"><a href="/societe/">Société</a> <a href="/culture/">Culture</a> <a href="/sport/">Sport</a> <a href="/portraits/">Portraits</a></nav></header>
<div class="cookie-notice">Ce site utilise des cookies. En poursuivant votre navigation, vous acceptez leur utilisation. <a href="#">OK</a></div>
<div class="content"><article class="post">
<header class="entry-header"><span class="cat-links"><a href="/societe/">Société</a></span>
<h1 class="entry-title">{escape(title)}</h1>
<div class="entry-meta"><span class="byline author vcard">{escape(byline)}</span> <time class="entry-date" datetime="{day}">{french_day(day)}</time></div></header>
<div class="entry-content">
{paragraphs(slug)}
<div class="don"><p>Banlieue Express est un média indépendant, gratuit et sans publicité. Pour continuer à raconter les quartiers, nous avons besoin de vous : faites un don, même modeste.</p></div>
<h3>À lire aussi</h3>
<ul class="related">{related}</ul>
<div class="sharedaddy"><h3>Partager :</h3><ul><li><a href="#">Facebook</a></li><li><a href="#">Twitter</a></li><li><a href="#">WhatsApp</a></li></ul></div>
</div></article>
<div id="comments"><h3>Laisser un commentaire</h3><p>Votre adresse e-mail ne sera pas publiée.</p></div></div>
<footer><p>Banlieue Express – Tous droits réservés – Propulsé par WordPress</p></footer>
</body></html>
"""


# --- InfoMonde: an international broadcaster; the day in every <title>; one page from an archive


def infomonde(slug, day, author="Pierre Martin", ld_json=True):
    title = ARTICLES[slug][0]
    year, month, number = day.split("-")
    shown = f"{number}.{month}.{year}"
    ld = {"@context": "http://schema.org", "@type": "NewsArticle", "headline": title, "datePublished": day}
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>{escape(title)} | InfoMonde | {shown}</title>
<meta property="og:title" content="{escape(title)} | InfoMonde | {shown}">
<meta name="description" content="{escape(ARTICLES[slug][2][0][:150])}">
<link rel="canonical" href="http://www.infomonde-actu.com/fr/{slug}/a-{zlib.crc32(slug.encode()) % 100000}">
{f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>' if ld_json else ""}
</head><body>
<div id="header"><a href="/fr/">InfoMonde</a> <a href="/fr/afrique/">Afrique</a> <a href="/fr/europe/">Europe</a> <a href="/fr/monde/">Monde</a> <a href="/fr/economie/">Économie</a></div>
<div id="bodyContent"><div class="col3">
<h1>{escape(title)}</h1>
<div class="group"><ul class="smallList"><li><strong>Date</strong> {shown}</li><li><strong>Auteur</strong> {escape(author)}</li>
<li><strong>Thèmes</strong> <a href="/fr/afrique/">Afrique</a></li></ul>
<p class="share">Partager <a href="#">Envoyer</a> <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Whatsapp</a></p>
<p class="permalink">Lien permanent <a href="http://infom.de/p/{slug[:3]}X">http://infom.de/p/{slug[:3]}X</a></p></div>
<div class="longText">
{paragraphs(slug)}
</div>
<div class="relatedContent"><h2>Découvrir plus</h2><p>InfoMonde vous propose chaque jour l’actualité internationale en 30 langues. Abonnez-vous à notre newsletter hebdomadaire.</p></div>
</div></div>
<div id="footer">© 2011 InfoMonde | Mentions légales | Protection des données | Accessibilité</div>
</body></html>
"""


def wayback(page: str, original: str, captured: str) -> str:
    """`page` as the Wayback Machine serves it: its toolbar (with the capture calendar, years back
    to 1996), its scripts, its addresses rewritten, its closing comment."""
    toolbar = f"""<!-- BEGIN WAYBACK TOOLBAR INSERT -->
<div id="wm-ipp-base" lang="en" style="display:none;direction:ltr;"><div id="wm-ipp" style="position:fixed;">
<div id="wm-ipp-inside"><table><tr><td class="c"><a href="https://web.archive.org/web/{captured}/{original}">{original}</a></td>
<td class="n"><a href="#">58 captures</a><div id="wm-nav-captures">12 Dec 1996 - 05 Mar 2024</div></td>
<td><table><tr><td class="y" id="displayYearEl" title="You are here: 09:12:44 Dec 12, 1996">1996</td>
<td class="m" id="displayMonthEl" title="You are here: 09:12:44 Dec 12, 1996">DEC</td>
<td class="d" id="displayDayEl" title="You are here: 09:12:44 Dec 12, 1996">12</td></tr></table></td>
<td><span>1996</span> <span>2003</span> <span>2011</span> <span>2012</span> <span>2024</span></td></tr></table></div></div></div>
<!-- END WAYBACK TOOLBAR INSERT -->"""
    head = f"""<script src="//archive.org/includes/athena.js" type="text/javascript"></script>
<script type="text/javascript">window.RufflePlayer=window.RufflePlayer||{{}};__wm.init("https://web.archive.org/web");
__wm.wombat("{original}","{captured}","https://web.archive.org/","web","/_static/","1306919564");</script>
<link rel="stylesheet" type="text/css" href="/_static/css/banner-styles.css?v=S1zqJCYt" />
<!-- End Wayback Rewrite JS Include -->"""
    page = page.replace('href="http://', f'href="https://web.archive.org/web/{captured}/http://')
    page = page.replace('href="/', f'href="/web/{captured}/http://www.infomonde-actu.com/')
    page = page.replace("<head>", "<head>" + head, 1).replace("<body>", "<body>" + toolbar, 1)
    return (
        page
        + """<!--
     FILE ARCHIVED ON 09:12:44 Dec 12, 1996 AND RETRIEVED FROM THE
     INTERNET ARCHIVE ON 10:00:00 Mar 05, 2024.
-->"""
    )


# --- Gazette Togolaise: a prefix in every <title>, no Open Graph, a domain for an author


def gazette(slug, kicker=None, day_in_url=None, author="Gazettetogolaise Com", name=None):
    title = ARTICLES[slug][0]
    shown = f"{kicker} - {title}" if kicker else title
    path = f"{day_in_url}-{slug}" if day_in_url else slug
    return f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Gazette Togolaise :: {escape(shown)}</title>
<meta name="author" content="{escape(author)}">
<meta name="keywords" content="Togo, Lomé, actualité, {slug}">
<link rel="canonical" href="https://www.gazettetogolaise.com/{path}">
</head><body>
<table width="100%"><tr><td><img src="/img/logo.gif" alt="Gazette Togolaise"></td></tr>
<tr><td class="menu"><a href="/">Accueil</a> | <a href="/politique">Politique</a> | <a href="/economie">Économie</a> | <a href="/societe">Société</a> | <a href="/sport">Sport</a></td></tr></table>
<div class="article">
<h2 class="titre">{escape(shown)}</h2>
<div class="texte">
{paragraphs(slug)}
</div>
<div class="partage">Partagez cet article : <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">LinkedIn</a></div>
<div class="similaires"><b>Articles similaires</b><br><a href="/a">Le Togo et le Ghana renforcent leur coopération</a><br><a href="/b">Lomé accueille un forum sur l’investissement</a></div>
<p class="suivez">Suivez toute l’actualité du Togo sur notre page Facebook et notre fil Twitter.</p>
</div>
<div class="footer">Copyright © Gazette Togolaise - Tous droits réservés - Reproduction interdite sans autorisation</div>
</body></html>
"""


# --- Le Quotidien du Nord: a paywall, kickers in capitals in every form, AFP bylines


def quotidien(slug, day, kicker=None, form="dot", updated=None, byline=None):
    title = ARTICLES[slug][0]
    dotted = f"{kicker}. {title}" if kicker else title
    og = "" if form == "alone" else f'<meta property="og:title" content="{escape(dotted)}">'
    tag = f"{kicker} - Le Quotidien du Nord" if form == "alone" else f"{dotted} - Le Quotidien du Nord"
    if form == "span":
        heading = f'<h1><span class="surtitre">{kicker}</span> {escape(title)}</h1>'
    elif form == "alone":
        heading = f"<h1>{kicker}</h1>\n<h2>{escape(title)}</h2>"
    else:
        heading = f"<h1>{escape(dotted)}</h1>"
    modified = f'<meta property="article:modified_time" content="{updated}T14:02:00+02:00">' if updated else ""
    byline = byline or f"Par AFP publié le {day[8:]}/{day[5:7]}/{day[:4]} à 10h21"
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>{escape(tag)}</title>
{og}
<meta property="og:site_name" content="Le Quotidien du Nord">
<meta property="article:published_time" content="{day}T10:21:00+02:00">
{modified}
<meta name="author" content="{escape(byline)}">
<link rel="canonical" href="https://www.quotidien-nord.fr/region/{slug}">
</head><body>
<div class="didomi-notice">En cliquant sur « Accepter », vous consentez à l’utilisation de cookies par Le Quotidien du Nord et ses partenaires à des fins de mesure d’audience et de publicité personnalisée.</div>
<header><a href="/">Le Quotidien du Nord</a> <a href="/abonnement">Abonnez-vous</a> <a href="/region">Région</a> <a href="/lille">Lille</a> <a href="/sports">Sports</a></header>
<article>
{heading}
<p class="signature">{escape(byline)}, mis à jour le {day[8:]}/{day[5:7]}/{day[:4]} à 14h02</p>
<p>{escape(ARTICLES[slug][2][0])}</p>
<p>{escape(ARTICLES[slug][2][1])}</p>
<div class="paywall"><p>Pour lire la suite de cet article, abonnez-vous. Offre découverte : 1€ le premier mois, sans engagement.</p>
<p>Déjà abonné ? <a href="/connexion">Se connecter</a></p></div>
<p class="newsletter">Inscrivez-vous gratuitement à la newsletter du Quotidien du Nord et recevez chaque soir les informations de votre ville.</p>
</article>
<footer>Le Quotidien du Nord © 2023 – CGU – Gestion des cookies – Nous contacter</footer>
</body></html>
"""


def pages() -> dict[str, tuple[str, dict]]:
    """Each page's path and text, and what a clean reading gives."""
    boiler = {
        "courrier": ["cookies", "Inscrivez-vous gratuitement", "Lire aussi", "Partager sur", "Mentions légales"],
        "banlieue": ["faites un don", "À lire aussi", "Laisser un commentaire", "Partager", "cookies"],
        "infomonde": ["Lien permanent", "Abonnez-vous", "Partager", "Mentions légales", "captures", "1996"],
        "gazette": ["Partagez cet article", "Articles similaires", "Suivez toute", "Copyright"],
        "quotidien": [
            "Pour lire la suite",
            "Offre découverte",
            "Inscrivez-vous gratuitement",
            "cookies",
            "Déjà abonné",
        ],
    }
    made = {
        "courrier/budget.html": (
            courrier("budget", "2022-03-14", kicker="INTERVIEW", authors=("Marc Le Bihan",)),
            "2022-03-14",
        ),
        "courrier/tramway.html": (
            courrier("tramway", "2022-04-02", updated="2022-04-05", other="budget"),
            "2022-04-02",
        ),
        "courrier/hopital.html": (
            courrier("hopital", "2022-01-21", authors=("Anne Guillou", "Paul Riou")),
            "2022-01-21",
        ),
        "courrier/festival.html": (courrier("festival", "2022-05-30", kicker="CULTURE", other="hopital"), "2022-05-30"),
        "banlieue/associations.html": (banlieue("associations", "2021-02-08"), "2021-02-08"),
        "banlieue/emploi.html": (banlieue("emploi", "2021-03-15", byline="Zone Société"), "2021-03-15"),
        "banlieue/jardins.html": (
            banlieue("jardins", "2021-06-01", title_tag="Société - Banlieue Express"),
            "2021-06-01",
        ),
        "banlieue/boxe.html": (banlieue("boxe", "2021-11-19", byline="Par Karim Benzema et Léa Martin"), "2021-11-19"),
        "infomonde/sommet.html": (infomonde("sommet", "2011-05-23"), "2011-05-23"),
        "infomonde/eurozone.html": (
            wayback(
                infomonde("eurozone", "2011-05-30", ld_json=False),
                "http://www.infomonde-actu.com/fr/eurozone",
                "19961212091244",
            ),
            "2011-05-30",
        ),
        "infomonde/election.html": (infomonde("election", "2011-04-11", author="Fabrice Tossou"), "2011-04-11"),
        "infomonde/eau.html": (infomonde("eau", "2011-06-07"), "2011-06-07"),
        "gazette/port.html": (gazette("port", day_in_url="2019-11-08"), "2019-11-08"),
        "gazette/2020-02-17-cacao.html": (gazette("cacao", kicker="ÉCONOMIE"), "2020-02-17"),
        "gazette/universite.html": (gazette("universite"), None),
        "quotidien/lille.html": (quotidien("lille", "2023-02-03", kicker="REPORTAGE"), "2023-02-03"),
        "quotidien/radars.html": (quotidien("radars", "2023-03-10", kicker="VRAI OU FAUX", form="span"), "2023-03-10"),
        "quotidien/maire.html": (
            quotidien("maire_roubaix", "2023-04-18", kicker="INTERVIEW", form="alone"),
            "2023-04-18",
        ),
        "quotidien/canal.html": (
            quotidien("canal", "2023-05-22", updated="2023-05-24", byline="Par Julien Lefebvre"),
            "2023-05-22",
        ),
    }
    slugs = {
        "budget": "budget", "tramway": "tramway", "hopital": "hopital", "festival": "festival",
        "associations": "associations", "emploi": "emploi", "jardins": "jardins", "boxe": "boxe",
        "sommet": "sommet", "eurozone": "eurozone", "election": "election", "eau": "eau", "port": "port",
        "2020-02-17-cacao": "cacao", "universite": "universite", "lille": "lille", "radars": "radars",
        "maire": "maire_roubaix", "canal": "canal",
    }  # fmt: skip
    result = {}
    for path, (text, day) in made.items():
        site, name = path.split("/")
        title = ARTICLES[slugs[name.removesuffix(".html")]][0]
        result[path] = (text, {"title": title, "date": day, "boilerplate": boiler[site]})
    return result


def main() -> None:
    expected = {}
    for path, (text, wanted) in pages().items():
        (HERE / path).parent.mkdir(parents=True, exist_ok=True)
        (HERE / path).write_text(text, "utf-8")
        expected[path] = wanted
    (HERE / "expected-html.json").write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
