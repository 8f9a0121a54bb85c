"""English: the words that tell a name from what surrounds it (see kbgen.lang.Rules).

No English spaCy model installs with kbgen, so kbgen.yml must name one (`model:`).
"""

from __future__ import annotations

import re

from kbgen.lang import NEVER, DateWords, Rules

MODEL = None

LEADING_ARTICLES = re.compile(r"(?:(?:the|a|an)\s+)+")

# Titles and functions before a name; the longest first so "prime minister" beats "minister".
TITLES = tuple(
    sorted(
        (
            "prime minister",
            "secretary general",
            "secretary-general",
            "foreign minister",
            "president",
            "minister",
            "chancellor",
            "secretary",
            "senator",
            "governor",
            "mayor",
            "king",
            "queen",
            "pope",
            "prince",
            "princess",
            "general",
            "colonel",
            "captain",
            "lieutenant",
            "major",
            "admiral",
            "doctor",
            "professor",
            "judge",
            "sir",
            "dame",
            "lord",
            "lady",
            "mr",
            "mr.",
            "mrs",
            "mrs.",
            "ms",
            "ms.",
            "dr",
            "dr.",
            "prof.",
            "saint",
            "st.",
            "the late",
        ),
        key=lambda t: -len(t),
    )
)
# Short titles that, written just before a capitalised word, make it a person.
ADDRESS = r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?|\b(?:[Ss]ir|[Dd]ame)\b"
PERSON_CUES = re.compile(
    rf"(?:{ADDRESS}|\b(?:[Pp]resident|[Gg]eneral|[Cc]olonel|[Cc]aptain|"
    r"[Ll]ieutenant|[Aa]dmiral|[Pp]rofessor|[Ss]enator|[Gg]overnor|[Mm]ayor|[Jj]udge|[Cc]hancellor|"
    r"[Kk]ing|[Qq]ueen|[Pp]ope|[Pp]rince|[Pp]rincess|[Mm]inister))\s+$"
)
PREPOSITIONS = ("of the ", "of ")
PORTFOLIOS = frozenset(
    (
        "defence",
        "defense",
        "interior",
        "justice",
        "economy",
        "finance",
        "health",
        "education",
        "culture",
        "labour",
        "labor",
        "agriculture",
        "foreign affairs",
        "environment",
        "state",
        "the treasury",
        "home affairs",
    )
)

# Common nouns that are capitalised alone at the head of an institution's or a sentence's name
# but name nothing by themselves.
GENERIC_WORDS = frozenset(
    (
        "state",
        "states",
        "council",
        "parliament",
        "union",
        "empire",
        "government",
        "house",
        "chamber",
        "assembly",
        "court",
        "commission",
        "committee",
        "ministry",
        "department",
        "republic",
        "kingdom",
        "church",
        "army",
        "nation",
        "nations",
        "city",
        "county",
        "town",
        "administration",
        "conference",
        "president",
        "presidency",
        "mr",
        "mrs",
        "ms",
        "god",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    )
)

# Heads that make a multi-word name an organisation: "Bank of England", "House of Commons".
ORG_HEADS = frozenset(
    (
        "council",
        "assembly",
        "house",
        "chamber",
        "committee",
        "commission",
        "court",
        "parliament",
        "ministry",
        "department",
        "party",
        "bank",
        "society",
        "association",
        "federation",
        "university",
        "agency",
        "office",
        "bureau",
        "company",
        "group",
        "church",
        "union",
        "organisation",
        "organization",
        "institute",
        "foundation",
        "club",
        "army",
        "police",
        "school",
        "academy",
        "museum",
        "theatre",
        "orchestra",
    )
)

# Words for peoples ("the French", "two Americans"): not places.
DEMONYM = re.compile(r"(?:ans|ese|ish|ch|is)$")
PEOPLE_DETERMINERS = re.compile(
    r"(?:\b(?:the|these|those|our|your|their|two|three|some|several|many)|\d)\s+$", re.IGNORECASE
)

RULES = Rules(
    elision=NEVER,  # English elides no article into a name
    leading_articles=LEADING_ARTICLES,
    trailing_elided_word=NEVER,
    titles=TITLES,
    person_cues=PERSON_CUES,
    person_after=re.compile(r"\s*,\s*(?:aged\s+)?\d{1,3}(?:\s+years?\s+old)?\s*,"),  # "Jane Doe, 45, said"
    # A source cited: "according to the Guardian", "told CNN", "reported by Reuters".
    source_before=re.compile(
        r"(?:\baccording\s+to|\btold|\b(?:quoted|reported|interviewed)\s+by|\bsaid\s+on)\s+(?:the\s+)?$",
        re.IGNORECASE,
    ),
    address=re.compile(ADDRESS),
    coordination=re.compile(r"\s+(?:and|or)\s+"),
    prepositions=PREPOSITIONS,
    bare_prepositions=("of ",),
    portfolios=PORTFOLIOS,
    generic_words=GENERIC_WORDS,
    org_heads=ORG_HEADS,
    name_heads={},  # English capitalises them: 'Baker Street', 'University of Oxford'
    demonym=DEMONYM,
    people_determiners=PEOPLE_DETERMINERS,
    name_particles=("de ", "von ", "van "),
    capitalised_articles=("the ",),  # 'The Netherlands' is 'Netherlands'
    name_article=re.compile(r"The "),
    zero_is_singular=False,  # "0 mentions"
)

# Datelines of English news texts: 'Published Monday, March 5, 2024 at 10:32', 'Updated 6 March 2024'.
DATES = DateWords(
    months=(
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sept", "sep"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    weekdays=("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    + ("mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun"),
    published=("published on", "published", "posted on", "posted", "first published on", "first published"),
    updated=("last updated on", "last updated", "updated on", "updated", "last modified on", "last modified"),
    before_date=("on",),
    before_time=("at",),
    hour_marks=(),
    ordinals=("st", "nd", "rd", "th"),
    day_first=False,
    bylines=("by", "interview by", "words by"),
    credits=("photo credit", "photograph", "photo", "photos", "picture", "credit", "illustration"),
)

# What opens a line pointing to another article ('Read more: The budget passed'), before its colon.
CROSS_REFERENCES = ("read more", "read also", "see also", "related", "more on this story")
