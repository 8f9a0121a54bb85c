"""One type per entity (kbgen.entity_types): the evidence the corpus gives beside the model's label."""

from __future__ import annotations

import pytest
from conftest import typed
from hypothesis import given, settings
from hypothesis import strategies as st

from kbgen.lang import profile

RULES = profile("fr").rules


# Any abbreviation, no word of the sentence's: 'Xbf'.
SHORT_NAME = st.text("bcdfghjklmnprstvz", min_size=1, max_size=4).map(lambda s: "X" + s)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(sorted(RULES.org_heads)),
    st.sampled_from(("", " nationale", " régionale de la santé", " publique d'investissement")),
    SHORT_NAME,
    st.sampled_from(("LOC", "MISC")),
)
def test_a_short_name_in_brackets_after_a_body_s_full_name_is_an_organisation(head, rest, short, label):
    text = f"Le projet est soutenu par la {head.capitalize()}{rest} ({short}) depuis mai."
    assert typed(text, (short, label)) == {short: "ORG"}


@pytest.mark.parametrize(
    "text, short",
    [
        # its letters are the initials of a full name that holds another name
        ("Le bus est exploité pour la Communauté d'agglomération de La Rochelle (CdA), dit-il.", "CdA"),
        # after the full name, spelt by it
        (
            "La formation est assurée avec l'Afpa (Agence nationale pour la formation professionnelle des adultes).",
            "Afpa",
        ),
        # a plural head noun, in lower case
        ("Sous le contrôle des agences régionales de santé (ARS), les médecins exercent.", "ARS"),
    ],
)
@pytest.mark.parametrize("label", ["PER", "LOC", "MISC"])
def test_a_short_name_spelt_by_a_body_s_full_name_beside_it_is_an_organisation(text, short, label):
    assert typed(text, (short, label)) == {short: "ORG"}


def test_a_short_name_defined_in_brackets_outweighs_the_model_s_place_on_two_other_mentions():
    """'la Banque publique d'investissement (Bpifrance)' says what the name is; 'avec Partech et
    Bpifrance.', 'Bpifrance et la région ont apporté' are the model's guesses."""
    text = (
        "La Banque publique d'investissement (Bpifrance) apporte un prêt. La start-up a levé des fonds "
        "avec Bpifrance. Bpifrance et la région ont apporté 3 millions."
    )
    assert typed(text, *[("Bpifrance", "LOC")] * 3) == {"Bpifrance": "ORG"}


@pytest.mark.parametrize(
    "text, name, label",
    [
        # a person's name in brackets after a body: its officer (a surname, or a name of two words)
        ("Un exposé sur la doctrine de l'armée suisse (Loës) a suivi.", "Loës", "PER"),
        ("Un exposé sur la doctrine de l'armée suisse (Col G. de Loës) a suivi.", "Col G. de Loës", "LOC"),
        # another name in the words before the bracket, which the short name does not spell
        ("Le président du conseil régional Jean Dupont (Lyon) a parlé.", "Lyon", "LOC"),
        # a body's name in brackets after a person, which the person's name does not spell
        ("Le photographe Dupont (Agence France-Presse) était là.", "Dupont", "PER"),
        # no head noun of a body before the bracket
        ("Le tableau de Monet (Giverny) a été vendu.", "Giverny", "LOC"),
    ],
)
def test_a_bracket_beside_no_body_s_full_name_is_no_evidence(text, name, label):
    assert typed(text, (name, label)) == {name: label}


TOWN = st.text("bdfglmnrstvz", min_size=3, max_size=7).map(lambda s: "Q" + s)


@settings(max_examples=30, deadline=None)
@given(
    TOWN,
    st.sampled_from(("Il a grandi à ", "Le tournage, à Bonifacio et à ", "Installée (à ", "Elle vit, à ")),
    st.sampled_from(("PER", "MISC")),
)
def test_a_one_word_name_after_a_place_s_preposition_is_a_place(town, before, label):
    assert typed(f"{before}{town}, depuis mai.", (town, label)) == {town: "LOC"}


@pytest.mark.parametrize(
    "text, names",
    [
        # the corpus names the person in full: 'à Macron' is who something is said to
        ("Emmanuel Macron parle. Le ministre a écrit à Macron.", [("Emmanuel Macron", "PER"), ("Macron", "PER")]),
        # a title elsewhere says it is a person
        ("M. Zberg est arrivé. Il a parlé à Zberg.", [("Zberg", "PER"), ("Zberg", "PER")]),
        # not 'à' alone: 'à la', 'au' introduce more than places
        ("Il a parlé à la Qrst hier.", [("Qrst", "PER")]),
        ("Il a parlé au Qrst hier.", [("Qrst", "PER")]),
    ],
)
def test_a_person_s_name_or_another_preposition_is_no_place(text, names):
    found = typed(text, *names)
    assert set(found.values()) == {"PER"}


# A name's word in capitals of two to four letters, no Roman numeral: 'BQF', 'AZ'.
ACRONYM = st.text("ABFGHJKNPQRSTUWYZ", min_size=2, max_size=4)
WORD = st.text("bcdfghjklmnprstvz", min_size=2, max_size=6).map(str.capitalize)


@settings(max_examples=40, deadline=None)
@given(WORD, ACRONYM, st.booleans(), st.sampled_from(["MISC", "LOC"]))
def test_a_misc_or_place_name_that_carries_an_acronym_is_an_organisation(word, acronym, acronym_first, label):
    name = f"{acronym} {word}" if acronym_first else f"{word} {acronym}"
    assert typed(f"Elle travaille chez {name} depuis mai.", (name, label)) == {name: "ORG"}


@pytest.mark.parametrize(
    "name, label, kind",
    [
        ("Le Chat Enterprise", "MISC", "MISC"),  # a product's title in words
        ("Concile Vatican II", "MISC", "MISC"),  # a Roman numeral
        ("EPR2", "MISC", "MISC"),  # one word, an acronym alone
        ("L'AVVENTURA", "MISC", "MISC"),  # a title wholly in capitals
        ("Fabien BAGNON", "PER", "PER"),  # a person's surname in capitals
        ("Marie LE GALL", "PER", "PER"),
    ],
)
def test_a_name_with_no_acronym_beside_words_keeps_its_type(name, label, kind):
    assert typed(f"Ils ont parlé de {name} hier.", (name, label)) == {name: kind}


@pytest.mark.parametrize("name", ["SPORTS dernière", "Birmanie PARIS", "À NEW YORK", "GUERRE D'ORIENT"])
def test_a_heading_in_capitals_glued_to_a_word_carries_no_acronym(name):
    assert typed(f"Ils ont parlé de {name} hier.", (name, "MISC")) == {name: "MISC"}


@settings(max_examples=30, deadline=None)
@given(
    WORD,
    st.sampled_from(("Elle l'a annoncé sur ", "Le même jour, sur ", "Sur ", "Il vendait le matériel sur ")),
    st.sampled_from((", la série", ".", " et YouTube.", " »")),
)
def test_a_one_word_work_the_text_is_on_is_a_medium(name, before, after):
    """'sur Netflix', 'sur TikTok': a platform or a channel, which the model reads as a work."""
    assert typed(f"{before}{name}{after}", (name, "MISC")) == {name: "ORG"}


@pytest.mark.parametrize(
    "text, name, label",
    [
        # a subject developed after it, not a medium
        ("Il donne une conférence sur Helvétie sous la domination romaine.", "Helvétie", "MISC"),
        # a place the model reads as one, in a list of places (business_cues.medium_read_as_place)
        ("Les grêlons sont tombés sur Colmar et Turckheim.", "Colmar", "LOC"),
        # a work's title of several words
        ("Un assistant branché sur Google Drive.", "Google Drive", "MISC"),
        # not 'sur' but a place's preposition
        ("Le film est sorti en Europe.", "Europe", "MISC"),
    ],
)
def test_a_subject_a_place_or_a_title_after_sur_is_no_medium(text, name, label):
    assert typed(text, (name, label)) == {name: label}


@settings(max_examples=30, deadline=None)
@given(
    WORD,
    st.sampled_from(("Maison de la ", "Auberge du ", "Grand ")),
    st.sampled_from(("Il a présenté le parcours à la ", "Elle a cuisiné huit ans à l'", "Il a réagi au ")),
)
def test_a_work_of_several_words_after_a_places_preposition_and_article_is_an_institution(word, head, before):
    """'à la Maison de la radio', "à l'Auberge de l'Ill", 'au Grand Bé': where someone is or works."""
    name = f"{head}{word}"
    assert typed(f"{before}{name}, hier.", (name, "MISC")) == {name: "ORG"}


@pytest.mark.parametrize(
    "text, name",
    [
        # 'aux': an event named in the plural
        ("Le groupe, repéré aux Francofolies de La Rochelle, sort un album.", "Francofolies de La Rochelle"),
        # a head of the language's names gives the type
        ("Le film a été présenté au Festival de Cannes, hier.", "Festival de Cannes"),
        # one word, or not after 'à la', 'au'
        ("Il a joué au Silo, hier.", "Silo"),
        ("La série Les Rivières pourpres est en ligne.", "Les Rivières pourpres"),
    ],
)
def test_an_event_a_named_head_or_one_word_after_au_keeps_the_models_work(text, name):
    assert typed(text, (name, "MISC")) == {name: "MISC"}


@pytest.mark.parametrize("label", ["PER", "LOC", "ORG"])
@pytest.mark.parametrize(
    "text, name",
    [
        ("Ils étaient 52 000 à chanter « L'Aventurier » à l'unisson.", "L'Aventurier"),
        ("Le public réclame « Kao Bang » ; il s'exécute.", "Kao Bang"),
        ('Le musée présente "Rivages" cet automne.', "Rivages"),
    ],
)
def test_a_name_alone_in_its_quotes_is_a_works_title(text, name, label):
    assert typed(text, (name, label)) == {name: "MISC"}


@pytest.mark.parametrize(
    "text, name, label",
    [
        # quotes around more than the name
        ("Il a dit « Lyon a gagné » hier.", "Lyon", "LOC"),
        # a quote opened before the name, closed later
        ("« Dupont est parti », dit-il.", "Dupont", "PER"),
    ],
)
def test_a_name_inside_a_longer_quote_keeps_its_type(text, name, label):
    assert typed(text, (name, label)) == {name: label}
