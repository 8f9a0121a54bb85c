"""Stage 3, resolve: mentions across the whole corpus become entities with one name, one type,
their aliases and a stable slug, then the owner's corrections (content/entities.yml) apply.

Mentions are grouped by a folded key (case, accents, apostrophes and hyphens ignored); a form with
a capitalised article ('La Russie') joins the bare form; an acronym joins its expansion, written
in brackets beside it ('Organisation des Nations unies (ONU)') or named in the same article with
the acronym's letters as its initials ('Les Républicains', 'LR'); a bare surname joins its person
(kbgen.surnames), a bare first name the one person of its article of that first name
(kbgen.first_names), and a surname several people bear gets a homonym page listing them. Each
entity's type is decided by all its mentions (kbgen.entity_types); the names the model missed
are linked after (kbgen.missed).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from pathlib import Path

from kbgen.acronym_types import typed_by_definitions
from kbgen.article_names import Candidate, owned, written_inside_sentence
from kbgen.articles import Article
from kbgen.capitals import title_cased, written_in_capitals
from kbgen.curation import Curation, Rule
from kbgen.entity_types import Contexts, decided_type, mention_cue, model_type, person_names
from kbgen.errors import Problem
from kbgen.extract import Mention, clean_name
from kbgen.first_names import attach_first_names
from kbgen.lang import LanguageProfile, plain_forms
from kbgen.missed import add_missed_mentions
from kbgen.names import fold, is_acronym_of
from kbgen.numbered_works import typed_by_numbers
from kbgen.partners import typed_by_partners
from kbgen.slugs import slugify, unique_slug
from kbgen.surnames import attach_surnames
from kbgen.tables import typed_by_tables

__all__ = ["Entity", "Homonym", "Resolution", "fold", "is_acronym_of", "resolve"]


@dataclass(frozen=True)
class Entity:
    slug: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    description: str | None = None
    wikidata: str | None = None

    @cached_property  # asked for by every stage after this one; an Entity never changes
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({m.article for m in self.mentions}))


@dataclass(frozen=True)
class Homonym:
    """A surname several people of the corpus bear, and its mentions that do not say which one:
    its page lists them ('Vidal peut désigner…'), most cited first."""

    slug: str
    name: str
    people: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    type = "PER"  # its people's: a homonym's mentions name a person, whichever it is


@dataclass(frozen=True)
class Resolution:
    entities: list[Entity]
    warnings: list[Problem] = field(default_factory=list)
    homonyms: list[Homonym] = field(default_factory=list)


def resolve(
    mentions: Iterable[Mention],
    articles: Iterable[Article],
    curation: Curation | None = None,
    *,
    language: LanguageProfile,
    contexts: Contexts | None = None,
    missed_cache: Path | None = None,
) -> Resolution:
    """The entities the mentions name; `language` is the articles', whose rules apply;
    `contexts`, the words around the mentions read before (kbgen.context_cache), and where this
    resolve leaves what it read; `missed_cache`, where the names the model missed are kept
    (kbgen.missed)."""
    curation = curation or Curation()
    articles = list(articles)
    texts = {a.slug: a.text for a in articles}
    warnings: list[Problem] = []
    ignored = curation.ignored()
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        ignored_in = ignored.get(fold(mention.text), frozenset())
        if ignored_in is not None and mention.article not in ignored_in:
            groups[fold(mention.text)].append(mention)
    named_with_article = _merge_article_forms(groups, texts, language)
    _merge_acronyms(groups, texts)
    _merge_initials(groups)
    known = Contexts() if contexts is None else contexts
    persons = person_names(groups, texts, language.rules, known)
    type_of = partial(decided_type, texts=texts, rules=language.rules, persons=persons, known=known)
    cue_of = partial(mention_cue, texts=texts, rules=language.rules, known=known)
    homonyms = attach_surnames(groups, texts, type_of, language.rules, cue_of)
    attach_first_names(groups, texts, type_of, language.rules)
    overrides = _apply_rules(groups, curation, warnings)
    left_to = {key: [c for c in people if c in groups] for key, people in homonyms.items() if key in groups}
    left_to = {key: people for key, people in left_to.items() if len(people) > 1}
    owner_typed_mentions = {groups[key][0] for key, rule in overrides.items() if rule.type and groups.get(key)}
    kept = {k: v for k, v in groups.items() if k not in left_to}
    entities = _entities(kept, overrides, type_of, language.stop_words(), named_with_article)
    owner_typed = {e.slug for e in entities if not owner_typed_mentions.isdisjoint(e.mentions)}
    entities = typed_by_partners(entities, texts, language.rules, known, owner_typed)
    entities = typed_by_tables(entities, texts, known, owner_typed)
    entities = typed_by_numbers(entities, texts, language.rules, known, owner_typed)
    entities = typed_by_definitions(entities, texts, owner_typed)
    ambiguous = {form for key, people in left_to.items() for form in _homonym_forms(groups, key, people)}
    entities = add_missed_mentions(entities, articles, language, ambiguous, ignored, missed_cache)
    return Resolution(entities, warnings, _homonyms(groups, left_to, entities))


# --- automatic merges -------------------------------------------------------------------------


def _merge(groups: dict[str, list[Mention]], source: str, target: str) -> None:
    if source != target and source in groups and target in groups:
        groups[target].extend(groups.pop(source))


def _merge_article_forms(
    groups: dict[str, list[Mention]], texts: dict[str, str], language: LanguageProfile
) -> dict[str, str]:
    """'La Russie' joins 'Russie'. Extraction keeps an article only where the text says it is
    the name's ('selon Le Monde'), so a bare mention written right after that article,
    capitalised, takes it too ('Le Monde a révélé', where the model's span starts after 'Le');
    after a lowercase one it stays as it is ('la Russie'). Gives the groups whose name keeps the
    article (article_names: 'Le Mans', though 'du Mans' is written more), with the
    key of that form; the others are named by their most written form."""
    rules, candidates = language.rules, []
    for key in sorted(groups):
        for article in rules.capitalised_articles:
            bare = key[len(article) :]
            if key in groups and key.startswith(article) and bare in groups:
                groups[bare] = [_with_article(m, texts, rules.name_article) for m in groups[bare]]
                written = [m for m in groups[key] + groups[bare] if fold(m.text) == key]  # with the article
                if written_inside_sentence(written, texts, language):
                    bare_forms = frozenset(m.text for m in groups[bare] if fold(m.text) == bare)
                    candidates.append((bare, key, Candidate(article, bare_forms)))
                _merge(groups, key, bare)
                break
    kept = owned((candidate for _, _, candidate in candidates), texts)  # the corpus read once for all
    return {bare: key for bare, key, candidate in candidates if candidate in kept}


def _with_article(mention: Mention, texts: dict[str, str], name_article: re.Pattern) -> Mention:
    text = texts.get(mention.article, "")
    written = re.search(
        rf"(?<!\w)(?:{name_article.pattern})$", plain_forms(text[max(0, mention.start - 4) : mention.start])
    )
    if not written:
        return mention
    start = mention.start - len(written.group())
    return replace(mention, start=start, text=clean_name(text[start : mention.end]))


def _merge_acronyms(groups: dict[str, list[Mention]], texts: dict[str, str]) -> None:
    """An acronym in brackets just after or before a name it is the acronym of joins it:
    'Organisation des Nations unies (ONU)', and 'Républicains (LR)' when that name is also
    written 'Les Républicains'."""
    key_of: dict[Mention, str] = {}
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for key, mentions in groups.items():
        for m in mentions:
            key_of[m] = key
            by_article[m.article].append(m)
    expansions = {key: {m.text for m in mentions if " " in m.text} for key, mentions in groups.items()}
    pairs = set()
    for slug, mentions in by_article.items():
        mentions.sort(key=lambda m: m.start)
        text = texts.get(slug, "")
        for first, second in itertools.pairwise(mentions):
            if text[first.end : second.start].strip() != "(" or text[second.end : second.end + 1] != ")":
                continue
            for short, long in ((second, first), (first, second)):
                forms = expansions[key_of[long]]
                if short.text.isupper() and any(is_acronym_of(short.text, form) for form in forms):
                    pairs.add((key_of[short], key_of[long]))
                    break
    for acronym, expansion in sorted(pairs):
        _merge(groups, acronym, expansion)


WORDS = re.compile(r"[^\W\d_]+")


def initials(name: str) -> str:
    """The letters an acronym of `name` is made of: the first of each word but the short lowercase
    ones ('des', 'de', 'la'): 'Rassemblement national' -> 'RN', 'Les Républicains' -> 'LR'."""
    return "".join(w[0].upper() for w in WORDS.findall(name) if w[0].isupper() or len(w) > 3)


def _merge_initials(groups: dict[str, list[Mention]]) -> None:
    """An acronym joins the one organisation or place whose initials it is, when an article
    names both: 'LR' and 'Les Républicains'."""
    expansions: dict[str, set[str]] = defaultdict(set)
    for key, mentions in groups.items():
        if " " in key and model_type(mentions) != "PER":
            for form in {m.text for m in mentions}:
                if len(letters := initials(form)) >= 2:
                    expansions[letters].add(key)
    for key in sorted(groups):
        forms = {m.text for m in groups.get(key, ())}
        acronym = next((f for f in sorted(forms) if f.isupper() and f.isalpha() and 2 <= len(f) <= 6), None)
        targets = expansions.get(acronym or "", set())
        if len(targets) == 1 and " " not in key:
            target = next(iter(targets))
            if {m.article for m in groups[key]} & {m.article for m in groups.get(target, ())}:
                _merge(groups, key, target)


# --- the owner's rules ------------------------------------------------------------------------


def _apply_rules(groups: dict[str, list[Mention]], curation: Curation, warnings: list[Problem]) -> dict[str, Rule]:
    """Merge, unmerge and split what the rules say; return the rule that overrides each group."""

    def find(name: str) -> str | None:
        key = fold(name)
        if key in groups:
            return key
        for group_key, mentions in groups.items():
            if any(slugify(m.text) == name for m in mentions):
                return group_key
        return None

    def warn(rule: Rule, message: str) -> None:
        warnings.append(Problem(curation.path, rule.line, message, "check the spelling, or remove the rule", "warning"))

    overrides: dict[str, Rule] = {}
    for rule in curation.rules:
        key = find(rule.target)
        if key is None:
            warn(rule, f"no entity named '{rule.target}' in this build")
            continue
        for alias in rule.aliases:
            if fold(alias) in groups:
                _merge(groups, fold(alias), key)
        for alias in rule.remove_aliases:
            if not _move(groups, key, fold(alias), lambda m, alias=alias: fold(m.text) == fold(alias)):
                warn(rule, f"'{rule.target}' has no alias '{alias}' in this build")
        for name, slugs in rule.split.items():
            new = fold(name) if fold(name) != key else f"{key}\x00{name}"  # the same name, another entity
            existing = new in groups  # then the mentions join that entity, named as it is
            if not _move(groups, key, new, lambda m, slugs=slugs: m.article in slugs):
                warn(rule, f"'{rule.target}' is named in none of the articles split to '{name}'")
            elif not existing:
                overrides[new] = Rule(target=name, name=name, line=rule.line)
        if rule.merge_into:
            target = find(rule.merge_into)
            if target is None:
                warn(rule, f"no entity named '{rule.merge_into}' in this build")
            else:
                _merge(groups, key, target)
                continue
        overrides[key] = rule
    return overrides


def _move(groups: dict[str, list[Mention]], source: str, target: str, which) -> bool:
    """Move the mentions of `source` that `which` picks to the group `target` (made if need be);
    whether there was one. An emptied group is removed."""
    moved = [m for m in groups[source] if which(m)]
    if moved:
        groups[source] = [m for m in groups[source] if not which(m)]
        groups.setdefault(target, []).extend(moved)
        if not groups[source]:
            del groups[source]
    return bool(moved)


# --- entities and homonyms --------------------------------------------------------------------


def _name(forms: Counter, key: str) -> str:
    """The most used form of the group's own, one in capitals last ('Nouméa', not the dateline's
    'NOUMÉA', nor 'CIOTAT' beside 'La Ciotat'); on a tie the longer, then the accented one
    ('États-Unis' over 'Etats-Unis')."""
    own = Counter({f: n for f, n in forms.items() if fold(f) == key}) or forms
    if all(written_in_capitals(f) for f in own):
        own = Counter({f: n for f, n in forms.items() if not written_in_capitals(f)}) or own
    return min(own, key=lambda f: (written_in_capitals(f), -own[f], -len(f), -sum(not ch.isascii() for ch in f), f))


def _entities(
    groups: dict[str, list[Mention]],
    overrides: dict[str, Rule],
    type_of: Callable[[list[Mention]], str],
    stop_words: frozenset[str],
    named_with_article: dict[str, str] | None = None,
) -> list[Entity]:
    """One entity per group; a group of `named_with_article` (its key -> the key of its form with
    the article) is named by that form."""
    named_with_article = named_with_article or {}
    taken: set[str] = set()
    entities = []
    for key in sorted(groups):
        mentions = sorted(groups[key], key=lambda m: (m.article, m.start))
        rule = overrides.get(key)
        forms = Counter(m.text for m in mentions)
        entity_type = (rule and rule.type) or type_of(mentions)
        name = (rule and rule.name) or _name(forms, named_with_article.get(key, key))
        if not (rule and rule.name) and entity_type in ("PER", "LOC") and written_in_capitals(name):
            name = title_cased(name, stop_words)  # a person or a place only ever written in capitals
        removed = {fold(alias) for alias in rule.remove_aliases} if rule else set()
        aliases = {f for f in forms if fold(f) not in removed} | set(rule.aliases if rule else ())
        aliases.discard(name)
        entities.append(
            Entity(
                slug=unique_slug(slugify(name), taken, fallback="entity"),
                name=name,
                type=entity_type,
                aliases=tuple(sorted(aliases)),
                mentions=tuple(mentions),
                description=rule.description if rule else None,
                wikidata=rule.wikidata if rule else None,
            )
        )
    return sorted(entities, key=lambda e: (fold(e.name), e.slug))


def _homonym_forms(groups: dict[str, list[Mention]], key: str, people: list[str]) -> Counter[str]:
    """How a homonym is written, and how often: its own mentions, and its people's last names."""
    forms, size = Counter(m.text for m in groups[key]), len(key.split())
    forms.update(last for p in people for m in groups[p] if fold(last := " ".join(m.text.split()[-size:])) == key)
    return forms or Counter([key.title()])


def _homonyms(groups: dict[str, list[Mention]], left_to: dict[str, list[str]], entities: list[Entity]) -> list[Homonym]:
    """The homonym pages: each with its people, most cited first, and its own mentions; slugs
    after the entities' so that theirs never change for a homonym's sake."""
    taken = {e.slug for e in entities}
    by_key: dict[str, Entity] = {}
    for entity in entities:
        for m in entity.mentions:
            by_key.setdefault(fold(m.text), entity)
    homonyms = []
    for key, people in sorted(left_to.items()):
        mentions = sorted(groups[key], key=lambda m: (m.article, m.start))
        name = _name(_homonym_forms(groups, key, people), key)
        found = {by_key[p].slug: by_key[p] for p in people if p in by_key}
        homonyms.append(
            Homonym(
                slug=unique_slug(slugify(name), taken, fallback="entity"),
                name=name,
                people=tuple(sorted(found.values(), key=lambda e: (-len(e.articles), fold(e.name), e.slug))),
                mentions=tuple(mentions),
            )
        )
    return homonyms
