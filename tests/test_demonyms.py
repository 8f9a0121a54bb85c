"""A people's word the model reads as a place or a person is dropped over the whole corpus
(kbgen.demonyms): by its determiner, a person's name after it, and the corpus's place it is made
from; places and persons after an article stay."""

from __future__ import annotations

import pytest

from kbgen.demonyms import derives_from, without_peoples_names
from kbgen.extract import Extraction, Mention
from kbgen.lang import profile

FRENCH = profile("fr")


def kept(texts: dict[str, str], names: list[tuple[str, str, str]]) -> set[tuple[str, str]]:
    """The (article, name) pairs left of `names`, each (article, name as written, label) at its
    first place in its article's text."""
    mentions = []
    for slug, name, label in names:
        start = texts[slug].index(name)
        mentions.append(Mention(slug, start, start + len(name), name, label))
    result = without_peoples_names(Extraction(tuple(mentions), {}), texts, FRENCH)
    return {(m.article, m.text) for m in result.mentions}


@pytest.mark.parametrize(
    "text, name, label, place",
    [
        # a determiner of people, a place of the corpus the word is made from
        ("Les Haut-Marnais qui souhaitent chasser s'inscrivent en mairie.", "Haut-Marnais", "LOC", "Haute-Marne"),
        (
            "Elle coordonne les pilotes. La Mosellane porte le nom d'un village.",
            "La Mosellane",
            "PER",
            "Pagny-sur-Moselle",
        ),
        ("« Moi, je suis Rochelais depuis trois générations. »", "Rochelais", "LOC", "La Rochelle"),
        ("« Les Malouins nous ont fait confiance », dit-elle.", "Les Malouins", "MISC", "Saint-Malo"),
        ("Chères Lagordaises, chers Lagordais, le printemps est là.", "Lagordais", "LOC", "Lagord"),
        ("Le portrait d'une autre Lectouroise, Paulette Marsan.", "Lectouroise", "MISC", "Lectoure"),
    ],
)
def test_a_word_made_from_a_place_of_the_corpus_after_a_determiner_of_people_is_dropped(text, name, label, place):
    texts = {"a": text, "b": f"Nous sommes allés à {place} en mai."}
    assert kept(texts, [("a", name, label), ("b", place, "LOC")]) == {("b", place)}
    # with no such place in the corpus, nothing says it is no place
    assert kept({"a": text}, [("a", name, label)]) == {("a", name)}


@pytest.mark.parametrize(
    "text, name, label",
    [
        ("Le prix est allé à une Périgourdine, Lou Vigneras, pour son album.", "Périgourdine", "PER"),
        ("Le maire salue « une Ciotadenne qui a tenu debout ».", "Ciotadenne", "LOC"),
    ],
)
def test_a_place_or_a_person_after_an_indefinite_article_is_dropped(text, name, label):
    assert kept({"a": text}, [("a", name, label)]) == set()


@pytest.mark.parametrize(
    "text, name, label",
    [
        ("Le musée expose une Nana monumentale.", "Nana", "MISC"),  # a work
        # a word between: the name may be a noun's complement
        ("Selon un sondage Ifop, le RN arrive en tête.", "Ifop", "LOC"),
        ("Il a réclamé « un plan Marshall de l'eau ».", "Marshall", "PER"),
    ],
)
def test_a_work_or_a_nouns_complement_after_an_indefinite_article_stays(text, name, label):
    assert kept({"a": text}, [("a", name, label)]) == {("a", name)}


@pytest.mark.parametrize(
    "text, word, person",
    [
        ("Sous un vent de face, le Kényan Edwin Kiprono a battu le record.", "Kényan", "Edwin Kiprono"),
        ("Le Belge Arnaud De Lie a remporté l'étape.", "Belge", "Arnaud De Lie"),
        ("Dès le premier tour, la Coréenne Park Ji-yeon a dominé.", "Coréenne", "Park Ji-yeon"),
        (
            "Il a gagné. L'Aveyronnais Baptiste Rouergue, 29 ans, a remporté la course.",
            "Aveyronnais",
            "Baptiste Rouergue",
        ),
    ],
)
def test_a_word_between_a_definite_article_and_a_persons_name_is_dropped(text, word, person):
    assert kept({"a": text}, [("a", word, "LOC"), ("a", person, "PER")]) == {("a", person)}


def test_a_place_before_a_persons_name_after_a_complements_article_stays():
    text = "La députée de l'Ariège Martine Froger a voté contre."
    names = [("a", "Ariège", "LOC"), ("a", "Martine Froger", "PER")]
    assert kept({"a": text}, names) == {("a", "Ariège"), ("a", "Martine Froger")}


@pytest.mark.parametrize(
    "text, name, label, other",
    [
        # the masculine singular article names a region after its town
        ("Le chômage a baissé dans le Valenciennois cette année.", "Valenciennois", "LOC", "Valenciennes"),
        ("« À Condom, on m'appelle toujours le Condomois. »", "Condomois", "LOC", "Condom"),
        ("L'Angoumois a ses vignes.", "L'Angoumois", "LOC", "Angoulême"),
        # after a preposition, 'la' is a place's: 'vis-à-vis de la Bernina'
        ("Le col est vis-à-vis de la Bernina, à mi-chemin.", "Bernina", "LOC", "Berne"),
        # 'des' is 'de les' too, a number an address's: no determiner of people
        ("Il a suivi la route des Indes jusqu'au bout.", "Indes", "LOC", "Indre"),
        ("Le siège est 14 rue de la République, 34000 Montpellier.", "Montpellier", "LOC", "Montpel"),
        # an organisation, a person after a title: the model's surer reading, or no determiner of people
        ("Il est assuré chez un assureur comme la MAIF, la Macif ou AXA.", "Macif", "ORG", "Mâcon"),
        ("Le prince et la princesse Charlène sont venus.", "Charlène", "PER", "Saint-Charles"),
        # places after their article, made from no place of the corpus
        ("Les Landes sont touchées par les incendies.", "Landes", "LOC", "Mont-de-Marsan"),
        ("Le Havre accueille la course.", "Le Havre", "LOC", "Rouen"),
        ("On a revu la Callas à Paris.", "Callas", "PER", "Paris"),
        ("Le Gers compte 190 000 habitants.", "Gers", "LOC", "Auch"),
    ],
)
def test_places_and_persons_after_an_article_stay(text, name, label, other):
    texts = {"a": text, "b": f"Nous sommes allés à {other} en mai."}
    assert kept(texts, [("a", name, label), ("b", other, "LOC")]) == {("a", name), ("b", other)}


def test_a_place_a_peoples_word_is_made_from_is_no_place_for_others():
    # 'Belge' says who Marc Aubry is: 'la Belgique' is not made from a place
    texts = {"a": "Pour le Belge Marc Aubry, c'est fini.", "b": "Il finit devant la Belgique et le Danemark."}
    names = [("a", "Belge", "LOC"), ("a", "Marc Aubry", "PER"), ("b", "Belgique", "LOC")]
    assert kept(texts, names) == {("a", "Marc Aubry"), ("b", "Belgique")}


def test_a_word_the_corpus_writes_where_a_place_is_stays_everywhere():
    # 'La Rochelle' could be made from 'Roche'; 'à La Rochelle' elsewhere says it is a place
    texts = {
        "a": "La Rochelle accueille les Francofolies.",
        "b": "Ils habitent à Roche depuis longtemps.",
        "c": "Le train arrive à La Rochelle à midi.",
    }
    names = [("a", "La Rochelle", "LOC"), ("b", "Roche", "LOC"), ("c", "La Rochelle", "LOC")]
    assert kept(texts, names) == {("a", "La Rochelle"), ("b", "Roche"), ("c", "La Rochelle")}
    assert kept({k: texts[k] for k in "ab"}, names[:2]) == {("b", "Roche")}


@pytest.mark.parametrize(
    "word, place, made",
    [
        ("rochelais", "la rochelle", True),
        ("condomois", "condom", True),
        ("haut marnais", "haute marne", True),
        ("haut alpine", "hautes alpes", True),
        ("malouins", "saint malo", True),
        ("mosellane", "pagny sur moselle", True),
        ("manceaux", "le mans", False),  # four letters shared at least
        ("macif", "macon", False),
        ("alpes", "alpe", False),  # a plural is no ending of its own
        ("rochelle", "rochefort", False),
        ("haut marnais", "marne", False),
        ("rochelle", "rochelle", False),
    ],
)
def test_a_word_is_made_from_a_place_by_an_ending(word, place, made):
    assert derives_from(tuple(word.split()), tuple(place.removeprefix("la ").removeprefix("le ").split())) is made
