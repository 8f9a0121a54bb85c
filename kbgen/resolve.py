"""Stage 3, resolve: mentions across the whole corpus become entities with one name, one type,
their aliases and a stable slug, then the owner's corrections (content/entities.yml) apply.

Mentions are grouped by a folded key (case, accents, apostrophes and hyphens ignored); a form with
a capitalised article ('La Russie') joins the bare form; an acronym written in brackets beside
its expansion joins it ('Organisation des Nations unies (ONU)'); a surname alone joins the one
full name in the corpus that ends with it ('Rutte' -> 'Mark Rutte'). When several people share
the surname, a mention goes to the one named in the same article, and stays on its own
otherwise: two different people are never merged on a guess.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property

from kbgen.articles import Article
from kbgen.curation import Curation, Rule
from kbgen.errors import Problem
from kbgen.extract import Mention
from kbgen.lang import APOSTROPHES, LanguageProfile, plain_forms
from kbgen.slugs import slugify, unique_slug
from kbgen.spans import trim

TYPE_PRIORITY = ("PER", "ORG", "LOC", "MISC")
FOLDED_SEPARATORS = re.compile(rf"[\s{APOSTROPHES}`\-‐–.]+")  # read as one space in a grouping key


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
class Resolution:
    entities: list[Entity]
    warnings: list[Problem] = field(default_factory=list)


@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The grouping key of a name: no case, no accents, apostrophes and hyphens as spaces."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return FOLDED_SEPARATORS.sub(" ", bare).strip()


def resolve(
    mentions: Iterable[Mention],
    articles: Iterable[Article],
    curation: Curation | None = None,
    *,
    language: LanguageProfile,
) -> Resolution:
    """The entities the mentions name; `language` is the articles', whose rules apply."""
    curation = curation or Curation()
    articles = list(articles)
    warnings: list[Problem] = []
    ignored = {fold(name) for name, _ in curation.ignore}
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        if fold(mention.text) not in ignored:
            groups[fold(mention.text)].append(mention)
    _merge_article_forms(groups, language.rules.capitalised_articles)
    _merge_acronyms(groups, articles)
    _merge_surnames(groups)
    overrides = _apply_rules(groups, curation, warnings)
    entities = _entities(groups, overrides)
    return Resolution(_add_missed_mentions(entities, articles, ignored, language), warnings)


# --- automatic merges -------------------------------------------------------------------------


def _merge(groups: dict[str, list[Mention]], source: str, target: str) -> None:
    if source != target and source in groups and target in groups:
        groups[target].extend(groups.pop(source))


def _merge_article_forms(groups: dict[str, list[Mention]], articles: tuple[str, ...]) -> None:
    """'La Russie' joins 'Russie': `articles` are the language's, folded."""
    for key in sorted(groups):
        for article in articles:
            if key.startswith(article) and key[len(article) :] in groups:
                _merge(groups, key, key[len(article) :])
                break


def is_acronym_of(acronym: str, expansion: str) -> bool:
    """'ONU' of 'Organisation des Nations unies': the acronym's letters are, in order, initials
    of the expansion's words, starting with the first."""
    letters = [ch for ch in acronym.upper() if ch.isalpha()]
    initials = [w[0].upper() for w in re.findall(r"[^\W\d_]+", fold(expansion))]
    if not letters or not initials or letters[0] != initials[0] or len(letters) < 2:
        return False
    position = 0
    for letter in letters:
        while position < len(initials) and initials[position] != letter:
            position += 1
        if position == len(initials):
            return False
        position += 1
    return True


def _merge_acronyms(groups: dict[str, list[Mention]], articles: list[Article]) -> None:
    texts = {a.slug: a.text for a in articles}
    by_article: dict[str, list[Mention]] = defaultdict(list)
    for mentions in groups.values():
        for m in mentions:
            by_article[m.article].append(m)
    pairs = set()
    for slug, mentions in by_article.items():
        mentions.sort(key=lambda m: m.start)
        text = texts.get(slug, "")
        for first, second in itertools.pairwise(mentions):
            bracketed = text[first.end : second.start].strip() == "(" and text[second.end : second.end + 1] == ")"
            if not bracketed:
                continue
            if second.text.isupper() and " " in first.text and is_acronym_of(second.text, first.text):
                pairs.add((fold(second.text), fold(first.text)))
            elif first.text.isupper() and " " in second.text and is_acronym_of(first.text, second.text):
                pairs.add((fold(first.text), fold(second.text)))
    for acronym, expansion in sorted(pairs):
        _merge(groups, acronym, expansion)


def _majority_type(mentions: list[Mention]) -> str:
    votes = Counter(m.label for m in mentions)
    return max(TYPE_PRIORITY, key=lambda t: (votes[t], -TYPE_PRIORITY.index(t)))


def _merge_surnames(groups: dict[str, list[Mention]]) -> None:
    """A surname alone joins the full name ending with it: everywhere when it was once tagged a
    person and one person in the corpus bears it; otherwise only in the articles where that
    full name appears. A surname shared by two people named in one article stays apart, tagged
    a person."""
    people_by_surname: dict[str, list[str]] = defaultdict(list)
    for k, ms in groups.items():
        if " " in k and _majority_type(ms) == "PER":
            people_by_surname[k.rsplit(" ", 1)[1]].append(k)
    for key in sorted(groups):
        candidates = sorted(people_by_surname.get(key, ())) if " " not in key else []
        if not candidates:
            continue
        mentions = groups[key]
        if len(candidates) == 1 and any(m.label == "PER" for m in mentions):
            _merge(groups, key, candidates[0])
            continue
        in_article = {c: {m.article for m in groups[c]} for c in candidates}
        left = []
        for mention in mentions:
            owners = [c for c in candidates if mention.article in in_article[c]]
            if len(owners) == 1:
                groups[owners[0]].append(mention)
            else:
                left.append(replace(mention, label="PER") if owners else mention)
        if left:
            groups[key] = left
        else:
            del groups[key]


# --- the owner's rules ------------------------------------------------------------------------


def _apply_rules(groups: dict[str, list[Mention]], curation: Curation, warnings: list[Problem]) -> dict[str, Rule]:
    """Merge what the rules merge; return the rule that overrides each remaining group."""

    def find(name: str) -> str | None:
        key = fold(name)
        if key in groups:
            return key
        for group_key, mentions in groups.items():
            if any(slugify(m.text) == name for m in mentions):
                return group_key
        return None

    def missing(rule: Rule, name: str) -> None:
        warnings.append(
            Problem(
                curation.path,
                rule.line,
                f"no entity named '{name}' in this build",
                "check the spelling, or remove the rule",
                severity="warning",
            )
        )

    overrides: dict[str, Rule] = {}
    for rule in curation.rules:
        key = find(rule.target)
        if key is None:
            missing(rule, rule.target)
            continue
        for alias in rule.aliases:
            if fold(alias) in groups:
                _merge(groups, fold(alias), key)
        if rule.merge_into:
            target = find(rule.merge_into)
            if target is None:
                missing(rule, rule.merge_into)
            else:
                _merge(groups, key, target)
                continue
        overrides[key] = rule
    return overrides


def _entities(groups: dict[str, list[Mention]], overrides: dict[str, Rule]) -> list[Entity]:
    taken: set[str] = set()
    entities = []
    for key in sorted(groups):
        mentions = sorted(groups[key], key=lambda m: (m.article, m.start))
        rule = overrides.get(key)
        forms = Counter(m.text for m in mentions)
        own_forms = Counter({f: n for f, n in forms.items() if fold(f) == key}) or forms
        # Most used form; on a tie the longer, then the accented one ('États-Unis' over 'Etats-Unis').
        name = min(own_forms, key=lambda f: (-own_forms[f], -len(f), -sum(not ch.isascii() for ch in f), f))
        aliases = set(forms)
        if rule:
            name = rule.name or name
            aliases.update(rule.aliases)
        aliases.discard(name)
        entities.append(
            Entity(
                slug=unique_slug(slugify(name), taken, fallback="entity"),
                name=name,
                type=(rule and rule.type) or _majority_type(mentions),
                aliases=tuple(sorted(aliases)),
                mentions=tuple(mentions),
                description=rule.description if rule else None,
                wikidata=rule.wikidata if rule else None,
            )
        )
    return sorted(entities, key=lambda e: (fold(e.name), e.slug))


# --- mentions the model missed ----------------------------------------------------------------


WORD = re.compile(r"\w+")
WORD_EDGES = re.compile(r"\w(.*\w)?", re.DOTALL)  # names that begin and end with a letter or digit


def _first_words(forms) -> dict[str, int]:
    """The first word of each form -> the most words a form beginning with it has."""
    starts: dict[str, int] = {}
    for form in forms:
        words = WORD.findall(form)
        starts[words[0]] = max(starts.get(words[0], 0), len(words))
    return starts


def _find_names(text: str, forms: dict[str, str], starts: dict[str, int]):
    """Each occurrence of one of `forms` made of whole words, the longest first at each place,
    left to right without overlap: dictionary lookups only where a form's first word is, so the
    cost grows with the text, not with the number of names (a regular expression of thousands
    of names tries them all at every position). `starts` is _first_words(forms)."""
    spans = [m.span() for m in WORD.finditer(text)]
    after = 0  # the first word not inside a name found already
    # Only the words some form begins with are looked at further: most words begin none.
    for index in [i for i, word in enumerate(WORD.findall(text)) if word in starts]:
        if index < after:
            continue
        start, end = spans[index]
        for last in range(min(len(spans), index + starts[text[start:end]]) - 1, index - 1, -1):
            candidate = text[start : spans[last][1]]
            if candidate in forms:
                yield start, spans[last][1], candidate
                after = last + 1
                break


def _running_max_ends(spans: list[tuple[int, int]]) -> list[int]:
    ends, furthest = [], -1
    for _, end in spans:
        furthest = max(furthest, end)
        ends.append(furthest)
    return ends


def _overlaps(spans: list[tuple[int, int]], ends: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted `spans` (ends[i]: furthest end up to i)."""
    index = bisect.bisect_left(spans, (end, -1)) - 1  # the last span starting before `end`
    return index >= 0 and ends[index] > start


def _add_missed_mentions(
    entities: list[Entity], articles: list[Article], ignored: set[str], language: LanguageProfile
) -> list[Entity]:
    """Link the places where the model missed a name it found elsewhere: every occurrence of an
    entity's name or alias, as a whole word, is a mention of it. A form two entities share, or
    shorter than three letters (two for an acronym), is left alone."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for form in (entity.name, *entity.aliases):
            if (len(form) >= 3 or (len(form) == 2 and form.isupper())) and fold(form) not in ignored:
                owners[plain_forms(form)].add(entity.slug)
    unique = {
        form: next(iter(slugs)) for form, slugs in owners.items() if len(slugs) == 1 and WORD_EDGES.fullmatch(form)
    }
    if not unique:
        return entities
    starts = _first_words(unique)
    by_slug = {e.slug: e for e in entities}
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for entity in entities:
        for m in entity.mentions:
            taken[m.article].append((m.start, m.end))
    added: dict[str, list[Mention]] = defaultdict(list)
    for article in articles:
        spans = sorted(taken[article.slug])
        ends = _running_max_ends(spans)
        plain = plain_forms(article.text)
        for start, end, form in _find_names(plain, unique, starts):
            if _overlaps(spans, ends, start, end):
                continue
            entity = by_slug[unique[form]]
            # The same checks as the model's own spans: 'les Français' stays a people, not a place.
            if trim(plain, start, end, entity.type, language) is None:
                continue
            added[entity.slug].append(Mention(article.slug, start, end, article.text[start:end], entity.type))
    return [
        replace(e, mentions=tuple(sorted(e.mentions + tuple(added[e.slug]), key=lambda m: (m.article, m.start))))
        if added[e.slug]
        else e
        for e in entities
    ]
