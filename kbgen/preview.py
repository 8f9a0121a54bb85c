"""For `kbgen serve`: an edited article's page a moment after it is saved, before the rebuild.

A rebuild resolves and links the whole corpus again and indexes the whole site for search, which
takes seconds once there are a few hundred articles. Meanwhile serve shows the edited article as
the last good build would link it (as Hugo's fast render shows the page being edited): the model,
kept loaded, reads the article's new text, and each name it finds links to the entity the last
build gave that name. A name the build never saw, or one that several entities share, stays plain
until the rebuild, which starts at once and replaces the preview when it is done.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kbgen.articles import Article, read_article
from kbgen.build import project_lock
from kbgen.cards import Card, cards_of
from kbgen.errors import BuildError, ProjectLocked
from kbgen.extract import Extraction
from kbgen.link import KnowledgeBase
from kbgen.ner import extract_alone, extract_cached
from kbgen.project import Project
from kbgen.render import OutputFile, Theme, article_page, wikilink_pages
from kbgen.resolve import fold


@dataclass(frozen=True)
class Named:
    """What a link to an entity shows."""

    slug: str
    name: str
    type: str


@dataclass(frozen=True)
class PreviewBase:
    """What the last good build knew that an article's page shows, without the texts."""

    slugs: dict[Path, str]  # content page, relative to the project -> article slug
    names: dict[str, Named]  # folded name or alias -> the one entity the build gave it
    related: dict[str, tuple]  # article slug -> (article, shared entities), as the page lists them
    pages_named: dict[str, str]  # [[wikilink]] target -> its page, as the build links them
    cards: dict[str, Card]  # entity slug -> its card, as the build embeds them

    @classmethod
    def of(cls, kb: KnowledgeBase) -> PreviewBase:
        owners: dict[str, set[str]] = {}
        named = {}
        for entity in kb.entities:
            named[entity.slug] = Named(entity.slug, entity.name, entity.type)
            for form in (entity.name, *entity.aliases):
                owners.setdefault(fold(form), set()).add(entity.slug)
        names = {key: named[next(iter(slugs))] for key, slugs in owners.items() if len(slugs) == 1}
        return cls({a.path: a.slug for a in kb.articles}, names, dict(kb.related), wikilink_pages(kb), cards_of(kb))


def preview_article(root: Path, base: PreviewBase, path: Path) -> OutputFile | None:
    """The page of the article at `path` (in content/articles/, known to the last build) as it
    reads now; None when there is nothing to preview: a new or unreadable article. The model reads
    the text (and the extraction cache keeps it, so the rebuild does not read it again, unless a
    build is running: see _extraction)."""
    slug = base.slugs.get(path.relative_to(root))
    if slug is None:
        return None
    try:
        project = Project.load(root)
        article = read_article(path, slug, project)
        extraction = _extraction(project, article)
    except (BuildError, OSError):
        return None  # the rebuild says what is wrong
    linked: list[tuple[int, int, str]] = []
    entities: dict[str, Named] = {}
    for mention in sorted(extraction.mentions, key=lambda m: (m.start, m.end)):
        entity = base.names.get(fold(mention.text))
        if entity and not (linked and mention.start < linked[-1][1]):
            linked.append((mention.start, mention.end, entity.slug))
            entities.setdefault(entity.slug, entity)
    theme = preview_theme(project)
    related = base.related.get(slug, ())
    cards = tuple(base.cards[slug] for slug in entities)
    return article_page(
        theme, article, linked, tuple(entities.values()), related, pages_named=base.pages_named, cards=cards
    )


def _extraction(project: Project, article: Article) -> Extraction:
    """The article's mentions: through the extraction cache, which keeps them for the rebuild,
    when no build holds the project; while one does, by the model alone, touching none of the
    caches it is writing (one found locked would be taken for broken and set aside), the
    article's common words judged by its own text."""
    try:
        with project_lock(project):
            return extract_cached(project, [article], jobs=1, preview=True)[0]
    except ProjectLocked:
        return extract_alone(project, [article])


_themes: dict[tuple, Theme] = {}  # the last preview's theme, by what it is made from


def preview_theme(project: Project) -> Theme:
    """The theme previews render with, made again only when the settings or a template file
    changed: making one compiles every template, most of a preview's time."""
    folders = project.theme_folders
    templates = [p for folder in (folders.own, folders.packaged) if folder.is_dir() for p in sorted(folder.rglob("*"))]
    key = (folders, project.config.model_dump_json(), tuple((p, p.stat().st_mtime_ns) for p in templates))
    if key not in _themes:
        _themes.clear()
        _themes[key] = Theme(folders, project.config, keyed=False)
    return _themes[key]
