"""Writes a second set of saved pages, bench/webpages/heldout/, written after kbgen's rules were set
and measured once without changing them (bench/results/webpages.md): three more invented sites,
dressed unlike the first five (a title prefix with a bar, WordPress's « separator and hAtom
dates, a Yoast JSON-LD @graph with a kicker in the heading). Same words as the first set, other
furniture. `.venv/bin/python bench/webpages/make_heldout.py`.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from articles import ARTICLES

HERE = Path(__file__).resolve().parent


def body(slug: str) -> str:
    return "\n".join(f"<p>{escape(p)}</p>" for p in ARTICLES[slug][2])


def matin(slug: str, day: str, author: str) -> str:
    """Afrique Matin: 'Site | Title' titles, microdata dates, rel=author, a 'same subject' list."""
    title = ARTICLES[slug][0]
    return f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Afrique Matin | {escape(title)}</title>
<meta property="og:title" content="{escape(title)}"><meta property="og:site_name" content="Afrique Matin">
<meta property="og:url" content="https://afriquematin.info/articles/{slug}">
</head><body>
<div class="topbar"><a href="/">Afrique Matin</a> <a href="/politique">Politique</a> <a href="/economie">Économie</a> <a href="/newsletter">Newsletter</a></div>
<main><article itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">{escape(title)}</h1>
<div class="meta">Par <a rel="author" href="/auteurs/x">{escape(author)}</a> · <span itemprop="datePublished" content="{day}T06:00:00Z">{day}</span></div>
<div class="share-top">Cet article vous a plu ? Partagez-le : <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Telegram</a></div>
{body(slug)}
<section class="same"><h2>Sur le même sujet</h2><ul>
<li><a href="/articles/a-{slug}">Un autre regard sur ce dossier</a></li><li><a href="/articles/b-{slug}">Les réactions à Abidjan</a></li></ul></section>
<div class="nl">Newsletter : recevez chaque matin l’essentiel de l’actualité africaine, gratuitement. <a href="/newsletter">Je m’abonne</a></div>
</article></main>
<div class="comments"><h3>Commentaires (3)</h3><p>Connectez-vous pour commenter.</p></div>
<footer>© Afrique Matin – À propos – Publicité – Contact</footer></body></html>
"""


def hebdo(slug: str, day: str) -> str:
    """Ouest Hebdo: an old WordPress blog, 'Title « Site', hAtom dates, the day in the address."""
    title = ARTICLES[slug][0]
    path = f"{day.replace('-', '/')}/{slug}/"
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>{escape(title)} « Ouest Hebdo</title>
<link rel="canonical" href="http://ouest-hebdo.fr/{path}" />
</head><body><div id="page"><div id="header"><h1><a href="/">Ouest Hebdo</a></h1><div class="description">Le blog de l’actualité de l’Ouest</div></div>
<div id="content"><div class="post hentry">
<h2 class="entry-title">{escape(title)}</h2>
<small>Posté le <abbr class="published" title="{day}T10:00:00">{day}</abbr> dans <a href="/category/actu/">Actu</a></small>
<div class="entry-content">{body(slug)}
<p class="postmetadata">Publié dans <a href="/category/actu/">Actu</a> | <a href="#respond">Pas de commentaire »</a></p></div></div>
<div id="respond"><h3>Laisser une réponse</h3><p>Vous devez être connecté pour rédiger un commentaire.</p></div></div>
<div id="sidebar"><h2>Archives</h2><ul><li><a href="/2015/06/">juin 2015</a></li><li><a href="/2015/05/">mai 2015</a></li></ul></div>
<div id="footer"><p>Ouest Hebdo est propulsé par WordPress | Articles (RSS) et Commentaires (RSS).</p></div></div></body></html>
"""


def sahel(slug: str, day: str, kicker: str | None) -> str:
    """Radio Sahel Info: a Yoast JSON-LD @graph, og:title with the site's name, a kicker in the heading."""
    title = ARTICLES[slug][0]
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Radio Sahel Info", "url": "https://radiosahel.info/"},
            {
                "@type": "NewsArticle",
                "headline": title,
                "datePublished": f"{day}T09:30:00+00:00",
                "author": {"@type": "Person", "name": "Radio Sahel Info"},
            },
        ],
    }
    heading = (
        f'<h1 class="title"><span class="tag">{kicker}</span> {escape(title)}</h1>'
        if kicker
        else f"<h1>{escape(title)}</h1>"
    )
    return f"""<!DOCTYPE html><html lang="fr-FR"><head><meta charset="UTF-8">
<title>{escape(title)} - Radio Sahel Info</title>
<meta property="og:title" content="{escape(title)} - Radio Sahel Info"><meta property="og:site_name" content="Radio Sahel Info">
<link rel="canonical" href="https://radiosahel.info/{slug}/">
<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(graph, ensure_ascii=False)}</script>
</head><body>
<div class="gdpr">Nous respectons votre vie privée. Ce site utilise des cookies techniques et de mesure d’audience. <a href="#">J’accepte</a></div>
<header><a href="/">Radio Sahel Info</a> <a href="/direct">Écouter le direct</a> <a href="/podcasts">Podcasts</a></header>
<div class="single">{heading}
<div class="post-date">{day}</div>
<div class="td-post-content">{body(slug)}
<p><strong>Écoutez Radio Sahel Info en direct sur 98.5 FM à Niamey et partout dans le monde sur notre application.</strong></p>
</div></div>
<footer>Radio Sahel Info © 2020 – Tous droits réservés</footer></body></html>
"""


def pages() -> dict[str, tuple[str, dict]]:
    made = {
        "heldout/matin/sommet.html": (matin("sommet", "2021-09-14", "Aïcha Diallo"), "sommet", "2021-09-14"),
        "heldout/matin/eau.html": (matin("eau", "2021-10-02", "Ibrahim Sow"), "eau", "2021-10-02"),
        "heldout/matin/election.html": (matin("election", "2021-04-12", "Aïcha Diallo"), "election", "2021-04-12"),
        "heldout/hebdo/tramway.html": (hebdo("tramway", "2015-06-03"), "tramway", "2015-06-03"),
        "heldout/hebdo/festival.html": (hebdo("festival", "2015-05-21"), "festival", "2015-05-21"),
        "heldout/hebdo/hopital.html": (hebdo("hopital", "2015-01-09"), "hopital", "2015-01-09"),
        "heldout/sahel/port.html": (sahel("port", "2020-03-02", "EXCLUSIF"), "port", "2020-03-02"),
        "heldout/sahel/universite.html": (sahel("universite", "2020-07-15", None), "universite", "2020-07-15"),
        "heldout/sahel/cacao.html": (sahel("cacao", "2020-11-23", "DOSSIER SPÉCIAL"), "cacao", "2020-11-23"),
    }
    boiler = {
        "matin": ["Partagez-le", "Sur le même sujet", "Newsletter", "Commentaires", "Un autre regard"],
        "hebdo": ["Publié dans", "Laisser une réponse", "propulsé par WordPress", "Archives"],
        "sahel": ["cookies", "Écoutez Radio Sahel Info", "Tous droits réservés", "Écouter le direct"],
    }
    return {
        path: (text, {"title": ARTICLES[slug][0], "date": day, "boilerplate": boiler[path.split("/")[1]]})
        for path, (text, slug, day) in made.items()
    }


def main() -> None:
    expected = {}
    for path, (text, wanted) in pages().items():
        (HERE / path).parent.mkdir(parents=True, exist_ok=True)
        (HERE / path).write_text(text, "utf-8")
        expected[path] = wanted
    (HERE / "expected-heldout.json").write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
