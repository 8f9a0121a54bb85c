"""Span rules: what of a span the model predicted is a name, and of which kind, decided from
the span and the words around it in the text, with the rules of the text's language
(kbgen.lang): elisions, articles and titles are trimmed, debris is dropped (a span gluing
two names is split in kbgen.glued). kbgen.extract runs the model and hands its spans here.
"""

from __future__ import annotations

import functools
import itertools
import re

from kbgen.hyphen_compounds import opens_hyphenated_name
from kbgen.lang import LanguageProfile, Rules, plain_forms
from kbgen.name_edges import (
    article_is_names,
    with_complement,
    with_name_head,
    with_words_of_acronym,
    without_trailing_phrase,
)

LABELS = ("PER", "ORG", "LOC", "MISC")

EDGE_PUNCTUATION = "\"'()[]{}.,;:!?-–—/ \n\t"


# A line end, a dash set apart by spaces (a dateline's), a colon set apart as French writes it
# before what it introduces ('Mariage : Anaïs Perrin'), or a closing bracket (checked unopened).
_BREAK = re.compile(r"\n|\s[-–—]\s|\s:\s|\)\s")


def line_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut at each line end and spaced dash: no name runs over a line or a
    paragraph of the source ('Fronde lycéenne' and 'Il' on two lines, a table's cells) or over a
    dateline's dash ('Avignon - Le directeur'), a spaced colon ('Mariage : Anaïs Perrin') or a
    bracket the span closes without opening it ('JA) du Puy-de-Dôme' of 'Jeunes agriculteurs (JA)
    du Puy-de-Dôme'): what precedes such a mark is no part of the name after it."""
    pieces, position = [], start
    for match in _BREAK.finditer(text, start, end):
        if match.group().startswith(")") and "(" in text[start : match.start()]:
            continue  # a bracket the name itself opened: 'Association (loi 1901) de Lyon'
        pieces.append((position, match.start()))
        position = match.end()
    pieces.append((position, end))
    return [(s, e) for s, e in pieces if text[s:e].strip()] or [(start, end)]


def names_in(text: str, start: int, end: int, label: str, language: LanguageProfile) -> list[tuple[int, int, str]]:
    """The names of the model's span [start, end) (trim), and, when the name is an organisation
    written with a head noun the model left out, the place the model found in it as well:
    'chambre de commerce de Nantes' names Nantes too (a street named after a place does not)."""
    name = trim(text, start, end, label, language)
    if name is None or label != "LOC" or name[2] != "ORG" or name[0] >= start:
        return [name] if name else []
    place = trim(text, start, end, label, language, head=False)
    return [name, place] if place else [name]


def trim(
    text: str, start: int, end: int, label: str, language: LanguageProfile, head: bool = True
) -> tuple[int, int, str] | None:
    """The part of [start, end) that is the name, with its label; None when nothing is left.
    `text` is the plain-form text the model read, so the words around the span are evidence;
    `language` is the text's, whose rules apply; `head`: whether the name may take the head noun
    before it (name_edges.with_name_head)."""
    rules = language.rules
    start = _with_name_article(text, start, language)
    if head:
        start, label = with_name_head(text, start, label, language, end)

    def strip_edges() -> None:
        nonlocal start, end
        while start < end and text[start] in EDGE_PUNCTUATION:
            start += 1
        while end > start and text[end - 1] in EDGE_PUNCTUATION:
            end -= 1

    match = rules.trailing_elided_word.search(text, start, end)
    if match and match.end() == end:
        end = match.start()
    strip_edges()
    for pattern in (rules.elision, rules.leading_articles):
        match = pattern.match(text, start, end)
        if match and not _owns_article(text, start, language):
            start = match.end()
    strip_edges()
    title_end, label = _strip_title(text, start, end, label, language)
    if title_end is None:
        return None
    start = title_end
    after_portfolio = _after_portfolio(text, start, end, label, language)
    if after_portfolio is None:
        return None
    start, label = after_portfolio
    end = without_trailing_phrase(text, start, end, language)
    strip_edges()
    end = with_complement(text, start, end, language)
    if label != "PER":
        end = with_words_of_acronym(text, start, end)
    name = text[start:end]
    if (is_debris(name, language) and not is_headed_name(name, label, language)) or (
        _is_heading_word(text, name) or _is_people(text, start, name, label, language)
    ):
        return None
    return start, end, _label_by_context(text, start, name, label, language)


def _with_name_article(text: str, start: int, language: LanguageProfile) -> int:
    """Where the name starts when a capitalised article just before it, left out by the model,
    is part of it ('dans Les Échos', 'selon Le Monde': see _owns_article)."""
    before = re.search(rf"(?<!\w)(?:{language.rules.name_article.pattern})$", text[max(0, start - 4) : start])
    if before is None:
        return start
    article_start = start - len(before.group())
    return article_start if _owns_article(text, article_start, language) else start


def _owns_article(text: str, start: int, language: LanguageProfile) -> bool:
    """Whether the capitalised article at `start` belongs to the name after it: inside a
    sentence ('selon Le Monde', 'révélée par L'Auberge espagnole'), unless an institution's head
    noun follows ('L'Assemblée fédérale') or the text also writes that name after the article in
    lower case ('le Conseil fédéral'). At a sentence start the capital says nothing ('Le président...')."""
    return not starts_sentence(text, start, language) and article_is_names(text, start, language)


# Parts of speech (Universal Dependencies) of a word that is no name, whatever its case.
NOT_NAME_POS = frozenset(("VERB", "AUX", "ADV", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "INTJ"))


def is_common_opening(doc, lowered, alone: bool) -> bool:
    """Whether the first word of `doc` (the text from a span's start at a sentence start, tagged
    by the model) is a common word: the model tags it as a verb ('Retrouvez', 'Interrogé'), an
    adverb ('Pourtant', 'Hier'), a determiner, a pronoun...; or it is joined to the pronoun after
    it ('Connectez-vous'); or, when it is the whole span (`alone`), the model tags it in
    `lowered` (the same text, its first letter in lower case) as a conjugated verb ('activez'),
    or as a verb of any form with a determiner right after it, its object ('découvrez la
    bande-annonce', whose form the model misreads): a name opening a sentence is followed by
    its verb, not by an article; or as a participle with no verb right after it ('Menés 13-20
    à la pause, les Jaunards...'); or as an adjective in both readings with its noun after it
    ('Bonne lecture !', 'Grave accident à Sarnen'; 'Blanc a marqué' is a name). The model
    tags an unknown name written in lower case as anything, rarely as a conjugated verb; a
    first name before a surname it does ('benedict Cumberbatch'), hence `alone`."""
    if not len(doc) or not len(lowered):
        return False
    joined_pronoun = len(doc) > 1 and doc[1].text.startswith("-") and doc[1].pos_ == "PRON"
    verb = alone and lowered[0].pos_ in ("VERB", "AUX")
    conjugated = verb and "Fin" in lowered[0].morph.get("VerbForm")
    with_object = verb and len(lowered) > 1 and lowered[1].pos_ == "DET"
    # a participle opening its clause: 'Menés 13-20 à la pause, ...'; a name is followed by its verb
    participle = (
        verb
        and "Part" in lowered[0].morph.get("VerbForm")
        and (len(lowered) < 2 or lowered[1].pos_ not in ("VERB", "AUX"))
    )
    adjective = alone and doc[0].pos_ == lowered[0].pos_ == "ADJ" and len(lowered) > 1 and lowered[1].pos_ == "NOUN"
    return doc[0].pos_ in NOT_NAME_POS or conjugated or with_object or participle or joined_pronoun or adjective


def is_common_noun(doc, nouns: frozenset[str]) -> bool:
    """Whether the first word of `doc` (a span of one word at a sentence or line start) is a
    common noun by two witnesses: the tagger reads it as one in its context, not as a proper
    noun, and the model's lexicon (`nouns`, in lower case) lists it ('Vidéo - Découvrez...',
    'Crédit photo : ...'). Either alone is weak: the tagger reads unknown names as nouns
    ('Mediapart a publié'), and the lexicon lists nouns that are names too ('Rose'). Not one opening a hyphenated name."""
    return len(doc) > 0 and doc[0].pos_ == "NOUN" and doc[0].text.lower() in nouns and not opens_hyphenated_name(doc)


def starts_sentence(text: str, start: int, language: LanguageProfile) -> bool:
    """Whether `start` opens a sentence, a line or a dateline's text ('Rennes (AFP) - Le ...'),
    or a piece of a page's line after a middle dot, a bar or a bracket ('Yann Doré · Mis à jour
    ...', 'Votants | Blancs', '[Écouter]'), where a capital says nothing about the word; not after
    a title's abbreviation ('M. Hotz')."""
    before = text[max(0, start - 40) : start].rstrip(" \t\"'«([")
    if not before:
        return start <= 40
    # 'M. Hotz'; a rank in a list ('23. Huser'): a short number alone, no time ('à 7h30.') nor year
    if language.rules.person_cues.search(text, max(0, start - 25), start) or re.search(r"(?:^|\s)\d{1,3}\.$", before):
        return False
    return before[-1] in ".!?…:\n·|•" or before.endswith((" -", " –", " —"))


def written_as_name(text: str, word: str, language: LanguageProfile) -> bool:
    """Whether the text also writes `word`, capitalised, inside a sentence: then it is a name."""
    return any(
        not starts_sentence(text, m.start(), language) for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)
    )


def _strip_title(text: str, start: int, end: int, label: str, language: LanguageProfile) -> tuple[int | None, str]:
    """'le président russe Vladimir Poutine' -> 'Vladimir Poutine'; 'Premier ministre des Pays-Bas' -> 'Pays-Bas'."""
    rules = language.rules
    lower = text[start:end].lower()
    if " " in lower and lower in rules.titles:
        # A title of several words alone names no one ('le Premier ministre, François Bayrou');
        # one word may be a name too ('Prince').
        return None, label
    title = next((t for t in rules.titles if lower.startswith(t + " ")), None)
    if title is None:
        return start, label
    position = start + len(title) + 1
    # Lowercase adjectives after the title: 'président russe', 'ministre allemand'.
    while (match := re.match(r"([a-zà-ÿ]+)\s+", text[position:end])) and not any(
        text[position:end].lower().startswith(p) for p in rules.prepositions
    ):
        position += match.end()
    rest = text[position:end].lower()
    preposition = next((p for p in rules.prepositions if rest.startswith(p)), None)
    if preposition:
        position += len(preposition)
        if text[position:end].lower() in rules.portfolios:
            return None, label
        # 'chef de X', 'ministre des Y': X is a place or a body, not the person.
        return position, ("LOC" if label in ("PER", "MISC") else label)
    return position, "PER"


def _after_portfolio(text: str, start: int, end: int, label: str, language: LanguageProfile) -> tuple[int, str] | None:
    """'ministre des Armées Nadia Collet', the model's span starting at the portfolio: the
    person is what follows it ('Nadia Collet'); a span that is the portfolio alone is no name."""
    rules = language.rules
    before = text[max(0, start - 60) : start].lower()
    if not any(
        before.endswith(f"{title} {preposition}") for title in rules.titles for preposition in rules.prepositions
    ):
        return start, label
    lower = text[start:end].lower()
    if lower in rules.portfolios:
        return None
    portfolio = next((p for p in sorted(rules.portfolios, key=len, reverse=True) if lower.startswith(p + " ")), None)
    rest = start + len(portfolio) + 1 if portfolio else start
    return (rest, "PER") if portfolio and text[rest : rest + 1].isupper() else (start, label)


def title_before(text: str, start: int, language: LanguageProfile) -> tuple[int, int]:
    """Where the title or function written just before a person's name at `start` is ('M.',
    'Mgr', 'le président russe' gives 'président russe'); (start, start) when there is none."""
    window_start = max(0, start - 60)
    lower = text[window_start:start].lower()
    rules = language.rules
    prepositions = "|".join(re.escape(p.strip()) for p in rules.prepositions)
    portfolio = (
        rf"(?:\s+(?:{prepositions})\s*(?:{'|'.join(map(re.escape, rules.portfolios))}))?"  # 'ministre des Armées'
    )
    for title in rules.titles:  # the longest first
        match = re.search(rf"(?<!\w){re.escape(title)}(?:\s+[a-zà-ÿ]+)?{portfolio}\s+$", lower)
        if match:
            return window_start + match.start(), window_start + len(lower.rstrip())
    return start, start


def is_debris(name: str, language: LanguageProfile) -> bool:
    """Fragments no reader wants as a page: function words, lowercase words, single characters,
    generic nouns alone ('Etat', 'Conseil'), days and months, ordinals ('XIXe')."""
    if len(name) < 2 or not (name[0].isupper() or name[0].isdigit()):
        return True
    letters, ordinal = sum(ch.isalpha() for ch in name), language.rules.roman_ordinal
    if letters == 0 or letters < len(name.replace(" ", "")) / 2 or (ordinal and ordinal.fullmatch(name)):
        return True
    lower = name.lower().rstrip(".")
    return lower in language.stop_words() or lower in language.rules.generic_words


_HEADED = re.compile(r"([^\W\d_A-ZÀ-Þ][^\W\d_]{2,})\s+(?:[^\W\d]+'|[^\W\d]+\s+)*?(?=[A-ZÀ-Þ0-9])")


def is_headed_name(name: str, label: str, language: LanguageProfile) -> bool:
    """Whether `name`, a span the model found whole, is a name that opens with its lowercase
    head noun ('université Sorbonne-Nouvelle', 'place de la République', 'canton de Vaud'): a
    word of three letters or more, no function word, then a capitalised name ('République'
    too, a generic word alone). A person's lowercase opening is a title or a function
    (_strip_title), never the name."""
    match = _HEADED.match(name)
    if label == "PER" or match is None or match.group(1) in language.stop_words():
        return False
    rest = name[match.end() :]
    return rest.lower() in language.rules.generic_words or not is_debris(rest, language)


def _is_heading_word(text: str, name: str) -> bool:
    """A single word in capitals that the text also writes in lower case ('RAPPORTS' and
    'rapports') is a heading, not a name."""
    return (
        name.isupper()
        and len(name) > 3
        and " " not in name
        and re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", text) is not None
    )


def _is_people(text: str, start: int, name: str, label: str, language: LanguageProfile) -> bool:
    """'les Français', 'des Suisses', 'un Américain' name peoples, not places."""
    return (
        label in ("LOC", "MISC")
        and " " not in name
        and "-" not in name
        and language.rules.demonym.search(name) is not None
        and language.rules.people_determiners.search(text, max(0, start - 20), start) is not None
    )


def _label_by_context(text: str, start: int, name: str, label: str, language: LanguageProfile) -> str:
    """Evidence around and inside the span beats the model's label: a title just before makes a
    person ('M. Zberg', 'général de Gaulle'), so does a function in apposition
    (_in_apposition_to_function); an institution's head noun makes an organisation, so does an
    ampersand, and so does a club's head with a people's adjective after it ('Stade rennais')."""
    cues = language.rules.person_cues
    if cues.search(text, max(0, start - 25), start) or any(
        text[max(0, start - len(p)) : start] == p and cues.search(text, max(0, start - 25 - len(p)), start - len(p))
        for p in language.rules.name_particles
    ):
        return "PER"
    if _in_apposition_to_function(text, start, name, language):
        return "PER"
    first, _, rest = name.partition(" ")
    if rest and first.lower() in language.rules.org_heads:
        return "ORG"
    if re.search(r"\w ?& ?[A-ZÀ-Þ]", name):
        # partners' names joined by an ampersand: a firm's ('Vilmorin & Cie', 'B&B Hotels'); an old
        # text's '&' for 'et' joins what follows in lower case ('la Turquie & de l'Asie')
        return "ORG"
    people = rest.islower() or (rest.isalpha() and rest[:1].isupper())  # 'Stade Brestois', not 'Stade Jean-Bouin'
    if first.lower() in language.rules.club_heads and people and language.rules.demonym.search(rest):
        return "ORG"  # a club named after its town's people, not a stadium: 'Stade rennais'
    return label


def _in_apposition_to_function(text: str, start: int, name: str, language: LanguageProfile) -> bool:
    """Whether `name` at `start`, two capitalised words or more, is set between commas right
    after a person's function ('Son secrétaire fédéral, Fabien Villedieu, a dit', 'Le directeur
    du Festival d'Avignon, Tiago Rodrigues, a présenté'): it names the person who holds it."""
    pattern = language.rules.function_before
    words = name.split()
    return (
        pattern is not None
        and len(words) > 1
        and all(word[:1].isupper() and word.replace("-", "").isalpha() for word in words)
        and text[start + len(name) : start + len(name) + 1] == ","
        and pattern.search(text, max(0, start - 100), start) is not None
    )


def without_descriptors(
    text: str, spans: list[tuple[int, int, str]], language: LanguageProfile
) -> list[tuple[int, int, str]]:
    """The spans less a people's word that a definite article opens and a person's name follows,
    one space after it: it says who the person is, as a title does ('le Nantais Jean-Luc
    Courcoult', 'la Franco-Tunisienne Sarra Ben Ali', 'le Français Bernard Hinault'), no place
    ('le maire de Moulins Sylvie Guillot' names one)."""
    rules = language.rules
    dropped = set()
    for (start, end, label), (after, _, after_label) in itertools.pairwise(spans):
        word_before = re.search(r"(\S+)[ \t]*$", text[max(0, start - 12) : start])
        if (
            label in ("LOC", "MISC")
            and after_label == "PER"
            and text[end:after] == " "
            and not any(c.isspace() for c in text[start:end])
            and rules.demonym.search(text[start:end])
            and word_before is not None
            and word_before.group(1).lower().replace("'", " ").rstrip() + " " in rules.capitalised_articles
        ):
            dropped.add(start)
    return [span for span in spans if span[0] not in dropped]


def joined_at_connectors(
    text: str, spans: list[tuple[int, int, str]], language: LanguageProfile
) -> list[tuple[int, int, str]]:
    """No name ends with a preposition: a span that does ('Tribunal judiciaire de') is joined
    to the span right after it on the same line ('Morlaix'), keeping its own label; with none
    there, it loses the preposition."""
    endings = tuple(" " + p.strip() for p in language.rules.prepositions if p.endswith(" "))
    result: list[tuple[int, int, str]] = []
    for start, end, label in sorted(spans):
        if result and text[result[-1][0] : result[-1][1]].lower().endswith(endings):
            before_start, before_end, before_label = result[-1]
            if start > before_end and not text[before_end:start].strip(" \t\u00a0"):  # never over a line end
                result[-1] = (before_start, end, before_label)
                continue
        result.append((start, end, label))
    return [_without_connector(text, *span, endings) for span in result]


def _without_connector(text: str, start: int, end: int, label: str, endings: tuple[str, ...]) -> tuple[int, int, str]:
    ending = next((e for e in endings if text[start:end].lower().endswith(e)), None)
    return (start, end - len(ending), label) if ending else (start, end, label)


def joined(between: str, rules: Rules) -> bool:
    """Whether the text between two names joins them as a list's items: a coordinating word, and
    the preposition or article of the first repeated ('de Stellantis et de Renault')."""
    joint = _list_joint(rules.coordination, (*rules.prepositions, *rules.capitalised_articles, "l'"))
    return joint.fullmatch(plain_forms(between)) is not None


@functools.lru_cache(maxsize=8)  # asked for each pair of neighbouring mentions of a corpus
def _list_joint(coordination: re.Pattern, repeated: tuple[str, ...]) -> re.Pattern:
    words = "|".join(re.escape(word) for word in repeated)
    return re.compile(rf"{coordination.pattern}(?:{words})?\s*")
