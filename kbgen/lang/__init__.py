"""Language profiles, as spaCy's `lang/`: `kbgen/lang/<code>/` holds everything kbgen knows
about one language (the NER model it loads by default, the words that tell a name from what
surrounds it, the strings the site shows, the commented entities.yml it creates), so that the
stages ask `profile(config.lang)` and spell no word of any language themselves. Adding a language
is adding a folder: `__init__.py` (its RULES), `strings.yml` and `curation.yml`.

Typography every profile shares (apostrophes, quotes) is here too, outside any profile.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from importlib import resources
from pathlib import Path

import yaml

# Typographic punctuation and spaces -> their plain form, one character for one (offsets hold).
PLAIN_FORMS = {
    "’": "'",
    "‘": "'",
    "ʼ": "'",
    "′": "'",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "„": '"',
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
}
APOSTROPHES = "'’"  # the apostrophes a name is typed with: slugs drop them, grouping keys read a space
OPENING_QUOTES = "«“‘"
NEVER = re.compile(r"(?!)")  # a rule a language does not have: matches nothing


def plain_forms(text: str) -> str:
    """Typographic punctuation in its plain form, one character for one. A replace() per form
    scans the text at C speed; translate() looks up every character of a non-ASCII text in a
    dictionary, many times slower."""
    for typographic, plain in PLAIN_FORMS.items():
        if typographic in text:
            text = text.replace(typographic, plain)
    return text


def line_before(text: str, start: int, chars: int = 80) -> str:
    """At most `chars` characters before `start`, in plain forms, on its own line only: a
    table's or a list's previous cell says nothing about the words that follow it."""
    return plain_forms(text[max(0, start - chars) : start]).rpartition("\n")[2]


@dataclass(frozen=True)
class Rules:
    """The words of one language that tell a name from what surrounds it, used to trim and
    clean NER spans (kbgen.spans) and to group mentions (kbgen.resolve). Plain forms only
    (straight apostrophes), compared in lower case unless said otherwise."""

    elision: re.Pattern  # an elided article or pronoun glued to a name: "l'OTAN", "qu'"
    leading_articles: re.Pattern  # articles before a name, dropped from it
    trailing_elided_word: re.Pattern  # an elided word the model took at a name's end
    titles: tuple[str, ...]  # titles and functions before a name, the longest first
    person_cues: re.Pattern  # short titles that, just before a capitalised word, make it a person
    person_after: re.Pattern  # what, matched right after a name, makes it a person: "Malo, 17 ans"
    source_before: re.Pattern  # what, just before a name, cites it as a source: "selon", "interrogé par"
    coordination: re.Pattern  # what joins two names of one kind: ", ", " et "
    address: re.Pattern  # forms of address, which take a person's name only: "M.", "Mme" ("M. de Moustier")
    prepositions: tuple[str, ...]  # after a title: "ministre de X" is about X, not a person
    bare_prepositions: tuple[str, ...]  # of "prepositions", those with no article: "opérateur de trottinettes"
    portfolios: frozenset[str]  # what follows "ministre de" and is no name: "la Défense"
    generic_words: frozenset[str]  # capitalised nouns that name nothing alone: "Etat", days, months
    org_heads: frozenset[str]  # first words that make a longer name an organisation
    name_heads: dict[str, str]  # lowercase nouns a name is written after as its part ('rue de X') -> its type
    demonym: re.Pattern  # word endings of peoples' names ("Français", "Américains")
    people_determiners: re.Pattern  # words before a people's name ("les", "des", "deux")
    name_particles: tuple[str, ...]  # between a title and a surname: 'général de Gaulle'
    capitalised_articles: tuple[str, ...]  # articles a name may start with ("La Russie"), folded
    name_article: re.Pattern  # a capitalised article that may begin a name, as written: "Le " in "selon Le Monde"
    zero_is_singular: bool  # "0 mention" rather than "0 mentions"
    # first words of a sports club's name when a people's adjective (demonym) follows: "Stade rennais"
    club_heads: frozenset[str] = frozenset()
    # a person's function, then a comma: the name in apposition after it is a person's ("Son
    # secrétaire fédéral, Fabien Villedieu, a dit"); None: no such evidence in this language
    function_before: re.Pattern | None = None
    # a minister's title and its preposition, just before a span: what follows is a portfolio
    # unless the model reads it alone as a name ("ministre des Transports", "des Pays-Bas")
    portfolio_before: re.Pattern | None = None
    # a definite article of one thing, just before a name in capitals: an organisation's acronym
    # ("la FDSEA", "la CMA CGM", "le CNRS"); None: no such evidence in this language
    article_before_acronym: re.Pattern | None = None
    # of name_heads, those of an institution named by its place ("centre hospitalier de Brest",
    # "cour d'appel de Poitiers"): a name only where definite_before ends right before them
    institution_heads: frozenset[str] = frozenset()
    # a definite article or a contraction of one, at the end of the text before a name ("le ", "au ")
    definite_before: re.Pattern | None = None
    # the preposition of a medium, just before a one-word name the model reads as a work: where
    # something is published or aired ('sur Netflix', 'sur TikTok'), an organisation's platform or
    # channel; a place after it the model reads as a place ('tombés sur Colmar'); None: no such evidence
    medium_before: re.Pattern | None = None
    # a place's preposition with a definite article of one thing, just before a name ('à la ', 'au
    # '): where someone is, works or speaks, so no work the model reads there; None: no such evidence
    venue_before: re.Pattern | None = None
    # the preposition of a place, just before a one-word name: a place unless the corpus says the
    # name is a person's ('à Écully', but 'il a écrit à Macron' where Emmanuel Macron is named)
    place_before: re.Pattern | None = None
    # the preposition of someone's house, just before a one-word name: a business where one works,
    # buys or is published unless the corpus says the name is a person's ('chez Verkor'); None: none
    house_before: re.Pattern | None = None
    # the form of a verb that addresses the reader, matched on a sentence's first word before any
    # hyphen ('Abonnez-vous', 'Téléchargez'): a site's prompt (kbgen.reader_prompts); None: none
    reader_verb: re.Pattern | None = None
    # a place's article or preposition at the end of the text before a one-word name ("le ",
    # "en ", "de ", "l'"; group `word` or `elided`): a people's adjective after it is the place
    # named so ('dans le Lyonnais', 'en Suisse'); None: no such evidence in this language
    place_article_before: re.Pattern | None = None
    # of those, the bare preposition of origin ("de", "d"): a country after it is a singular
    # ('équipe de Suisse'), a people's word a plural ('millions de Français')
    origin_prepositions: frozenset[str] = frozenset()
    # the shape of a noun naming a trade's establishment, in lower case, which makes the name after
    # it or begun by it a business ('la moutarderie X', 'Brasserie X'); None: no such suffix
    establishment_noun: re.Pattern | None = None
    # what, at the end of the text before a surname, makes it several people's: a plural
    # determiner or a number ('les frères Martin', 'Deux Chabrol'), the family, not one person of
    # it (kbgen.surnames); None: no such evidence in this language
    several_before: re.Pattern | None = None
    # a determiner right before a word in lower case, the word in group 1 ('ce matin', 'les
    # nouvelles', "l'immobilier"): the word is a common noun of the language, as a text uses it
    # (kbgen.common_tails); None: no such evidence in this language
    noun_determiners: re.Pattern | None = None
    # a verb of a match, just before a name: who is played, met or beaten ('affronter le ', 'a battu ',
    # 'match contre '), a club, which the model reads as its town (kbgen.match_cues); None: none
    opponent_before: re.Pattern | None = None
    # a quotation's end, a comma and the verb of the incise, just before a name: who said it ('»,
    # résume ', '», assure-t-elle '), a speaker, never a place (kbgen.speakers); None: none
    speaker_before: re.Pattern | None = None
    # a definite article and a people's adjective in lower case, just before a name: a company named
    # by where it is from ('le français Orano', 'du chinois ByteDance'); a person's people is a noun,
    # capitalised ('le Français Dupont') (kbgen.business_cues); None: no such evidence
    origin_adjective_before: re.Pattern | None = None
    # what may follow a medium named after medium_before: the clause's end, a preposition or a
    # conjunction, no article ('sur Arte à l'automne', not 'sur Staline des illusions'); None: none
    medium_after: re.Pattern | None = None
    # a sentence's opening and a place's preposition, at the end of the text before a name that a
    # comma follows: the place a sentence opens with ('À Lyon, les loyers...'), not someone a
    # sentence is about; None: no such evidence in this language
    fronted_place_before: re.Pattern | None = None
    # a comma and a demonstrative pronoun right after a name that opens its sentence: the name
    # set apart and taken up as a thing ('Rochefort, c'est la ville'; a person's is taken up by a
    # personal pronoun, 'Macron, il...'); None: no such evidence in this language
    demonstrative_after: re.Pattern | None = None
    # a determiner of people at the end of the text before a capitalised word ('les ', 'la ',
    # 'chers '): a word the corpus's places are made into after it names people ('les
    # Malouins', kbgen.demonyms); not the masculine singular article, with which a region is
    # named ('le Valenciennois'), nor 'des', a contraction too ('la route des Indes'); None: none
    people_noun_before: re.Pattern | None = None
    # the indefinite article of one, with at most one lower-case word after it (group `between`):
    # no place nor person's name follows it, whatever the word ('une Périgourdine, Lou Vigneras')
    indefinite_before: re.Pattern | None = None
    # a subject and the verb 'be' right before a word: it says what the subject is ('je suis ')
    copula_before: re.Pattern | None = None
    # where a word is a place's name: its preposition before it ('à ', 'en ', 'dans les ')
    place_use_before: re.Pattern | None = None
    # an ordinal in Roman numerals, a century's or a rank's ('XIXe', 'XVIIe'): no name; None: none
    roman_ordinal: re.Pattern | None = None


@dataclass(frozen=True)
class DateWords:
    """The words a dateline is written with ('Publié le lundi 5 mars 2024 à 10h32', 'Mis à jour
    le 6 mars'), and a byline or a credit line ('Par Clara Moulin', 'Crédit photo : X'), for
    kbgen.plaintext; lower case, the longest form first where one starts another."""

    months: tuple[tuple[str, ...], ...]  # twelve tuples, January first: each month's names and abbreviations
    weekdays: tuple[str, ...]  # names and abbreviations of the days of the week
    published: tuple[str, ...]  # cues before the date an article was published: 'publié le'
    updated: tuple[str, ...]  # cues before the date it was updated: 'mis à jour le'
    before_date: tuple[str, ...]  # short words a dateline may put before its date: 'le', 'du'
    before_time: tuple[str, ...]  # words between the date and its time: 'à'
    hour_marks: tuple[str, ...]  # letters between hours and minutes, besides ':' ('10h32')
    ordinals: tuple[str, ...]  # endings of a day written as an ordinal: '1er'
    day_first: bool  # 07/12/2018 is the 7th of December
    bylines: tuple[str, ...] = ()  # what opens a line naming the text's author: 'par', 'propos recueillis par'
    credits: tuple[str, ...] = ()  # what opens a line crediting a picture: 'crédit photo', 'photo'


@dataclass(frozen=True)
class LanguageProfile:
    code: str
    model: str | None  # the spaCy pipeline loaded when kbgen.yml names none (None: it must)
    rules: Rules
    dates: DateWords
    # What opens a line pointing to another article, before a colon ('Lire aussi : ...'), lower case
    cross_references: tuple[str, ...] = ()

    @property
    def strings(self) -> dict:
        """Every string the site shows in this language."""
        return _yaml(self.code, "strings.yml")

    @property
    def curation_template(self) -> str:
        """The commented content/entities.yml kbgen creates for the owner to fill."""
        return _text(self.code, "curation.yml")

    def stop_words(self) -> frozenset[str]:
        return _stop_words(self.code)

    def files(self) -> list[Path]:
        """The files whose content decides what the rules find (for the extraction cache): this
        module and every module of the language's package (its rules are split across several)."""
        rules_file = importlib.import_module(f"{__name__}.{self.code}").__file__
        assert rules_file is not None  # each language is a package with an __init__.py
        return [Path(__file__), *sorted(Path(rules_file).parent.glob("*.py"))]


def available() -> list[str]:
    return sorted(p.name for p in resources.files(__name__).iterdir() if p.joinpath("strings.yml").is_file())


@functools.cache
def profile(lang: str) -> LanguageProfile:
    """The profile of `lang` (one of available(), which kbgen.yml's validation checks)."""
    module = importlib.import_module(f"{__name__}.{lang}")
    return LanguageProfile(lang, module.MODEL, module.RULES, module.DATES, module.CROSS_REFERENCES)


@functools.cache  # read once per process: every entity page's picture asks
def _yaml(lang: str, name: str) -> dict:
    return yaml.safe_load(_text(lang, name))


def _text(lang: str, name: str) -> str:
    return resources.files(__name__).joinpath(lang, name).read_text("utf-8")


@functools.cache
def _stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words for `lang`, read from its data file without importing spaCy (which
    takes seconds): a build whose extraction is all cached never loads spaCy."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("No module named 'spacy'", name="spacy")
    path = Path(spec.submodule_search_locations[0]) / "lang" / lang / "stop_words.py"
    namespace: dict = {}
    exec(compile(path.read_text("utf-8"), str(path), "exec"), namespace)
    return frozenset(namespace["STOP_WORDS"])


def format_date(value: date | None, strings: dict) -> str:
    if value is None:
        return ""
    return strings["date_format"].format(day=value.day, month=strings["months"][value.month - 1], year=value.year)


def format_moment(day: date | None, clock: time | None, strings: dict) -> str:
    """The date in the site's words, and the time of day where one was given, as written (its
    zone is in the <time datetime> beside it): '5 mars 2024 à 8 h 30'."""
    text = format_date(day, strings)
    if day is None or clock is None:
        return text
    form = strings["time_format"] if clock.minute else strings["time_format_on_the_hour"]
    return strings["date_at_time"].format(date=text, time=form.format(hour=clock.hour, minute=clock.minute))


def iso_moment(day: date | None, clock: time | None = None) -> str:
    """The value of <time datetime>: the date, with the time and zone where given (seconds only
    when there are some); a time given without a zone stays without one."""
    if day is None:
        return ""
    if clock is None:
        return day.isoformat()
    spec = "seconds" if clock.second or clock.microsecond else "minutes"
    return datetime.combine(day, clock.replace(microsecond=0)).isoformat(timespec=spec)


def format_month(value: date | None, strings: dict) -> str:
    return f"{strings['months'][value.month - 1]} {value.year}" if value else strings["no_date"]


def count(n: int, forms: list[str], lang: str) -> str:
    """'1 mention', '3 mentions'; some languages (French) also use the singular for 0."""
    one = n <= 1 if profile(lang).rules.zero_is_singular else n == 1
    return forms[0 if one else 1].format(n=n)
