"""Tags (front matter's tags, categories, keywords) as the site groups them: one page per tag,
reached from every article that has it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kbgen.articles import Article
from kbgen.keys import digest
from kbgen.slugs import slugify


@dataclass(frozen=True)
class Tag:
    slug: str
    name: str  # the spelling most articles use
    articles: tuple[Article, ...]  # in the order given (newest first)


def tag_slug(name: str) -> str:
    """A tag's slug, from its name alone (an article's page links its tags without knowing the
    others): tags spelt alike but for case or accents share a page. A name with no letter or
    digit in ASCII ('日本', '#') gets one from its digest, stable from build to build."""
    return slugify(name) or "tag-" + digest(name.casefold())[:8]


def tags_of(articles) -> list[Tag]:
    """Every tag of `articles`, by slug, each with its articles in the order given."""
    spellings: dict[str, Counter] = {}
    tagged: dict[str, list[Article]] = {}
    for article in articles:
        for name in article.tags:
            slug = tag_slug(name)
            spellings.setdefault(slug, Counter())[name] += 1
            listed = tagged.setdefault(slug, [])
            if not listed or listed[-1] is not article:  # an article listing a tag twice, once
                listed.append(article)
    return [
        Tag(slug, min(spellings[slug].items(), key=lambda item: (-item[1], item[0]))[0], tuple(tagged[slug]))
        for slug in sorted(tagged)
    ]


def article_tags(article: Article) -> tuple[tuple[str, str], ...]:
    """An article's tags as its page links them: (slug, name), each slug once."""
    seen: dict[str, str] = {}
    for name in article.tags:
        seen.setdefault(tag_slug(name), name)
    return tuple(seen.items())
