"""A project's layout and settings, in one value: the only place that names a project's folders.

Made once per build from the command line and `kbgen.yml`; every stage receives it, or the parts
it needs, and never joins a project path itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kbgen import keys
from kbgen.config import Config, load_config
from kbgen.errors import BuildError
from kbgen.lang import LanguageProfile, profile
from kbgen.theme import ThemeFolders

CONFIG_FILE = "kbgen.yml"
SEEDS = "seeds"
WEB_SEEDS = "web"  # in seeds/: the pages `kbgen add` downloads, one folder per host
CONTENT = "content"
THEME = "theme"
LEGACY_THEME = "site_templates"  # the theme folder's earlier name, still read when `theme/` is absent
SITE = "_site"
STATE = ".kbgen"  # kbgen's own files (lock, cache, build states); never part of the site
# Files `kbgen new` writes beside the project's own folders.
GITIGNORE = ".gitignore"
REQUIREMENTS = "requirements.txt"  # what CI installs to build the site
PAGES_WORKFLOW = ".github/workflows/pages.yml"


def packaged_theme() -> Path:
    """kbgen's own theme, inside the package: templates and static/, each replaceable by a
    project's file of the same name."""
    return Path(str(resources.files("kbgen.default_theme")))


def theme_folder(root: Path, config: Config) -> Path:
    """The project's own theme folder: `theme_dir` in kbgen.yml, else theme/ (or, in a project
    made before it had that name, site_templates/)."""
    if config.theme_dir:
        return root / config.theme_dir
    if not (root / THEME).exists() and (root / LEGACY_THEME).is_dir():
        return root / LEGACY_THEME
    return root / THEME


def content_folders(root: Path, config: Config) -> tuple[Path, ...]:
    """The extra folders of articles `content_dirs` names, relative to the project (kept as
    written, so messages show them as '../blog/posts/a.md')."""
    return tuple(root / folder for folder in config.content_dirs)


@dataclass(frozen=True)
class Layout:
    """Where a project's files are; known without reading kbgen.yml but for the theme folder."""

    root: Path
    theme: Path  # the project's own theme folder (templates and static/ overriding kbgen's); may not exist
    content_dirs: tuple[Path, ...]  # kbgen.yml's extra folders of articles, as written (they may be outside)

    @classmethod
    def of(cls, root: Path) -> Layout:
        """The layout of the project at `root`, even when its kbgen.yml cannot be read (kbgen
        serve watches a project whose settings are being fixed)."""
        root = root.absolute()
        try:
            config = load_config(root / CONFIG_FILE, Path(CONFIG_FILE))
        except BuildError:
            config = Config()
        return cls(root, theme_folder(root, config), content_folders(root, config))

    # What the project holds.
    @property
    def config_file(self) -> Path:
        return self.root / CONFIG_FILE

    @property
    def seeds(self) -> Path:
        return self.root / SEEDS

    @property
    def web_seeds(self) -> Path:
        """Where `kbgen add` keeps the pages it downloads: seeds/web/<host>/<name>.html."""
        return self.seeds / WEB_SEEDS

    @property
    def content(self) -> Path:
        return self.root / CONTENT

    @property
    def articles(self) -> Path:
        """Markdown articles: written by ingest from the seeds, or by hand."""
        return self.content / "articles"

    @property
    def article_folders(self) -> tuple[Path, ...]:
        """Every folder whose articles a build reads, in this order: content/articles, then the
        folders kbgen.yml names (read in place, never written)."""
        return (self.articles, *self.content_dirs)

    @property
    def entity_notes(self) -> Path:
        """Hand-written notes, one Markdown file per entity slug."""
        return self.content / "entities"

    @property
    def curation(self) -> Path:
        """The owner's corrections to the entities."""
        return self.content / "entities.yml"

    @property
    def theme_folders(self) -> ThemeFolders:
        """Where templates and static files are looked for: the project's theme, then kbgen's."""
        return ThemeFolders(self.theme, self.shown(self.theme), packaged_theme())

    @property
    def inputs(self) -> tuple[Path, ...]:
        """Every file or folder a build reads (entity patterns aside: a file anywhere)."""
        return (self.config_file, *self.watched)

    @property
    def site(self) -> Path:
        """The output folder when none is given."""
        return self.root / SITE

    # What `kbgen new` adds for git and for publishing.
    @property
    def gitignore(self) -> Path:
        return self.root / GITIGNORE

    @property
    def requirements(self) -> Path:
        """What a CI build installs (kbgen is not on PyPI: the file says where it comes from)."""
        return self.root / REQUIREMENTS

    @property
    def pages_workflow(self) -> Path:
        """The GitHub Actions workflow that builds the site and publishes it on GitHub Pages."""
        return self.root / PAGES_WORKFLOW

    # kbgen's own files.
    @property
    def state_dir(self) -> Path:
        return self.root / STATE

    @property
    def cache(self) -> Path:
        """The extraction cache (SQLite): NER results by text, model and settings."""
        return self.state_dir / "cache.sqlite"

    @property
    def page_cache(self) -> Path:
        """The web page cache (SQLite): what was read from each saved page, by its bytes and the extractor."""
        return self.state_dir / "webpages.sqlite"

    @property
    def text_cache(self) -> Path:
        """The plain text cache (SQLite): each article body's text, so that a rebuild converts none twice."""
        return self.state_dir / "texts.sqlite"

    @property
    def article_cache(self) -> Path:
        """The read stage's cache (SQLite): what was read from each article file, so that a rebuild parses none twice."""
        return self.state_dir / "articles.sqlite"

    @property
    def word_case_cache(self) -> Path:
        """The common-word check's cache (SQLite): each article text's word counts, and their sum."""
        return self.state_dir / "wordcase.sqlite"

    @property
    def missed_cache(self) -> Path:
        """The missed names' cache (SQLite): what was found in each article text, by the names that can match in it."""
        return self.state_dir / "missed.sqlite"

    @property
    def context_cache(self) -> Path:
        """The resolve stage's cache (SQLite): the words read around each article's mentions, so that a rebuild reads no unchanged article's again."""
        return self.state_dir / "contexts.sqlite"

    @property
    def lock(self) -> Path:
        return self.state_dir / "build.lock"

    def shown(self, path: Path) -> Path:
        """`path` as messages show it: relative to the project when inside it."""
        return path.relative_to(self.root) if path.is_relative_to(self.root) else path

    @property
    def watched(self) -> tuple[Path, ...]:
        """The folders whose files a build reads (kbgen.yml and entity patterns aside)."""
        return (self.seeds, self.content, self.theme, *self.content_dirs)


@dataclass(frozen=True)
class Project(Layout):
    """A project to build: its layout, its validated settings and its output folder."""

    out: Path
    config: Config

    @classmethod
    def load(cls, root: Path, out: Path | None = None) -> Project:
        """The project at `root` built into `out` (default: root/_site), with its validated
        kbgen.yml; a BuildError names what is wrong in kbgen.yml."""
        root = root.absolute()
        config = load_config(root / CONFIG_FILE, Path(CONFIG_FILE))
        folders = content_folders(root, config)
        return cls(root, theme_folder(root, config), folders, (out or root / SITE).absolute(), config)

    @property
    def language(self) -> LanguageProfile:
        """The articles' language: its model, rules and the site's strings."""
        return profile(self.config.lang)

    @property
    def model_folders(self) -> tuple[Path, Path]:
        """Where the model kbgen.yml names may be a folder: in the project, or as written."""
        return (self.root / self.config.ner_model, Path(self.config.ner_model))

    @property
    def entity_patterns(self) -> Path | None:
        return self.root / self.config.entity_patterns if self.config.entity_patterns else None

    @property
    def build_state(self) -> Path:
        """What the last build into `out` read and wrote (kbgen.state): one per output folder."""
        return self._of_output("site.json")

    @property
    def search_copies(self) -> Path:
        """Where the build into `out` keeps the copies of its pages that Pagefind reads."""
        return self._of_output("search")

    def _of_output(self, name: str) -> Path:
        """kbgen's file `name` for the output folder: site.json -> .kbgen/site-<digest of out>.json."""
        stem, dot, suffix = name.partition(".")
        return self.state_dir / f"{stem}-{keys.digest(str(self.out))[:16]}{dot}{suffix}"

    def output_overlaps_inputs(self) -> bool:
        """True when writing `out` would replace the project or its own files."""
        out, root = self.out, self.root
        extra = [folder.resolve() for folder in self.content_dirs]
        return (
            out == root
            or root.is_relative_to(out)
            or any(out.is_relative_to(p) for p in (self.seeds, self.content, self.theme))
            or any(out.resolve().is_relative_to(p) or p.is_relative_to(out.resolve()) for p in extra)
        )
