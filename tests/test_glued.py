"""Spans that glue two names (kbgen.glued), model-free: the model's readings are given."""

from __future__ import annotations

import pytest
from conftest import spans_of
from hypothesis import given, settings
from hypothesis import strategies as st

from kbgen.glued import glued, split_glued
from kbgen.lang import profile

FR = profile("fr")


def split(text: str, labels: dict[str, str | None], *names: tuple[str, str]) -> list[tuple[str, str]]:
    found = split_glued(text, list(glued(text, spans_of(text, *names), FR)), labels, FR)
    return [(text[s:e], label) for s, e, label in found]


@pytest.mark.parametrize(
    "labels, expected",
    [
        # after a function word, a name of another kind is another name
        ({"Sète": "LOC"}, [("Guillot Transports", "ORG"), ("Guillot Transports", "ORG"), ("Sète", "LOC")]),
        # of the same kind, or no name, the span stays whole
        ({"Sète": "ORG"}, [("Guillot Transports", "ORG"), ("Guillot Transports à Sète", "ORG")]),
        ({}, [("Guillot Transports", "ORG"), ("Guillot Transports à Sète", "ORG")]),
    ],
)
def test_a_name_found_alone_then_a_function_word_and_a_name_of_another_kind(labels, expected):
    text = "Guillot Transports a refusé. Le siège de Guillot Transports à Sète."
    assert split(text, labels, ("Guillot Transports", "ORG"), ("Guillot Transports à Sète", "ORG")) == expected


def test_a_preposition_that_builds_names_joins_no_two_names():
    text = "Le Musée des beaux-arts a ouvert. Le Musée des beaux-arts de Sète aussi."
    spans = spans_of(text, ("Musée des beaux-arts", "ORG"), ("Musée des beaux-arts de Sète", "ORG"))
    assert all(g.rest_start is None for g in glued(text, spans, FR))


def test_coordinated_names_are_two_even_of_one_kind_and_a_title_goes_with_the_second():
    text = "M. Muller est venu. De Souza et M. Muller ont signé. M. De Souza aussi."
    names = ("Muller", "PER"), ("De Souza et M. Muller", "PER"), ("De Souza", "PER")
    # The model reads no name in 'Muller' alone: the text has it alone.
    assert split(text, {}, *names) == [("Muller", "PER"), ("De Souza", "PER"), ("Muller", "PER"), ("De Souza", "PER")]


def test_an_article_after_a_coordination_opens_the_second_name_but_a_contracted_one_does_not():
    text = "Le Tribunal de Gap siège. Le Tribunal de Gap et le Centre hospitalier ont signé."
    names = ("Tribunal de Gap", "ORG"), ("Tribunal de Gap et le Centre hospitalier", "ORG")
    assert split(text, {"Centre hospitalier": "ORG"}, *names)[1:] == [
        ("Tribunal de Gap", "ORG"),
        ("Centre hospitalier", "ORG"),
    ]
    text = "Le Ministère de l'Europe siège. Le Ministère de l'Europe et des Affaires étrangères a signé."
    names = ("Ministère de l'Europe", "ORG"), ("Ministère de l'Europe et des Affaires étrangères", "ORG")
    assert split(text, {"Affaires étrangères": "ORG"}, *names)[1:] == [
        ("Ministère de l'Europe et des Affaires étrangères", "ORG")
    ]


@pytest.mark.parametrize(
    "labels, expected",
    [
        ({"Béatrice Dupuis": "PER", "Menton": "LOC"}, [("Menton", "LOC"), ("Béatrice Dupuis", "PER")]),
        # the first part read as a person too: one name
        ({"Béatrice Dupuis": "PER", "Menton": "PER"}, [("Menton Béatrice Dupuis", "LOC")]),
    ],
)
def test_a_name_then_a_person_the_text_names_alone_by_a_full_name(labels, expected):
    text = "Béatrice Dupuis est venue. Venue de Menton Béatrice Dupuis, elle a parlé."
    names = ("Béatrice Dupuis", "PER"), ("Menton Béatrice Dupuis", "LOC")
    assert split(text, labels, *names)[1:] == expected


def test_a_surname_alone_is_no_reason_to_split_a_full_name():
    text = "Dupont est venu. Marie Dupont a parlé."
    spans = spans_of(text, ("Dupont", "PER"), ("Marie Dupont", "PER"))
    assert all(g.rest_start is None for g in glued(text, spans, FR))


def test_one_word_read_alone_after_a_name_must_be_a_name_the_text_has_alone():
    # 'Industries' read as a place does not make 'Schmitt' of 'Schmitt Industries' the person
    text = "M. Schmitt est venu. Schmitt Industries a recruté."
    names = ("Schmitt", "PER"), ("Schmitt Industries", "ORG")
    assert split(text, {"Industries": "LOC"}, *names) == [("Schmitt", "PER"), ("Schmitt Industries", "ORG")]
    text = "L'OTAN a parlé. Stoltenberg aussi. L'OTAN Stoltenberg a signé."
    names = ("OTAN", "ORG"), ("Stoltenberg", "PER"), ("OTAN Stoltenberg", "ORG")
    assert split(text, {"Stoltenberg": "PER"}, *names)[2:] == [("OTAN", "ORG"), ("Stoltenberg", "PER")]


def test_a_name_then_a_person_both_found_alone_are_two_whatever_the_model_reads():
    # the model took the company for a person and reads the person alone as MISC
    text = "Le Groupe Gaillard a recruté. Manon Morin est venue. Au Groupe Gaillard Manon Morin a parlé."
    names = ("Groupe Gaillard", "PER"), ("Manon Morin", "PER"), ("Groupe Gaillard Manon Morin", "ORG")
    assert split(text, {"Manon Morin": "MISC"}, *names)[2:] == [("Groupe Gaillard", "PER"), ("Manon Morin", "PER")]


def test_a_coordinated_name_the_model_reads_as_none_alone_takes_the_kind_of_the_span():
    text = "Le Tribunal de Gap siège. Le Tribunal de Gap et le Centre hospitalier ont signé."
    names = ("Tribunal de Gap", "ORG"), ("Tribunal de Gap et le Centre hospitalier", "ORG")
    assert split(text, {"Centre hospitalier": None}, *names)[1:] == [
        ("Tribunal de Gap", "ORG"),
        ("Centre hospitalier", "ORG"),
    ]


WORDS = ["Morel", "Transports", "Manon", "Morin", "Sète", "Le", "Télégramme", "et", "sur", "à", "de", "le", "M.", ","]
LABELS = ["PER", "ORG", "LOC", "MISC"]


@settings(max_examples=200, deadline=None)
@given(
    names=st.lists(
        st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6), st.sampled_from(LABELS)),
        min_size=1,
        max_size=5,
    ),
    read=st.dictionaries(
        st.sampled_from(["Sète", "Manon Morin", "Le Télégramme", "Morin", "Morel"]), st.sampled_from([*LABELS, None])
    ),
)
def test_a_span_is_kept_whole_or_split_in_two_names_inside_it(names, read):
    parts = [(" ".join(words).replace(" ,", ","), label) for words, label in names]
    text = ". ".join(name for name, _ in parts) + "."
    spans, position = [], 0
    for name, label in parts:
        spans.append((position, position + len(name), label))
        position += len(name) + 2
    found = split_glued(text, list(glued(text, spans, FR)), read, FR)
    for start, end, _ in spans:
        inside = [(s, e) for s, e, _ in found if start <= s < end]
        assert all(e <= end for _, e in inside)
        assert inside == [(start, end)] or (
            len(inside) == 2 and inside[0][0] == start and inside[0][1] < inside[1][0] and inside[1][1] <= end
        )


@settings(max_examples=50, deadline=None)
@given(
    first=st.sampled_from([("Lagord", "LOC"), ("ASM", "ORG"), ("Morel", "ORG")]),
    rest=st.sampled_from(["Athletic Club", "Clermont Auvergne", "Handball Club Nord"]),
    read=st.sampled_from(["ORG", "LOC", "MISC"]),
)
def test_words_after_a_name_that_the_text_never_writes_apart_are_the_same_name(first, rest, read):
    # a club named on its town, a team on its acronym: the rest, no person, is never alone
    name, label = first
    text = f"{name} a voté. Le {name} {rest} fête ses 50 ans."
    names = (name, label), (f"{name} {rest}", "ORG")
    assert split(text, {rest: read}, *names)[1:] == [(f"{name} {rest}", "ORG")]
    # written alone elsewhere, it is a name of its own
    text = f"{name} a voté. {rest} aussi. Le {name} {rest} fête ses 50 ans."
    names = (name, label), (rest, read), (f"{name} {rest}", "ORG")
    if read != label:
        assert split(text, {rest: read}, *names)[2:] == [(name, label), (rest, read)]


def split_with(text: str, labels: dict[str, str | None], nouns: set[str], *names: tuple[str, str]):
    """`split`, the lexicon's common nouns and adjectives being `nouns`."""
    found = glued(text, spans_of(text, *names), FR, lambda word: word in nouns)
    return [(text[s:e], label) for s, e, label in split_glued(text, list(found), labels, FR)]


def test_a_business_then_de_and_a_place_the_text_names_alone_are_two_names():
    text = "Le TGV relie Kénitra. La ligne Al Boraq de Kénitra va jusqu'à Marrakech."
    names = ("Kénitra", "LOC"), ("Al Boraq de Kénitra", "PER")
    assert split_with(text, {"Al Boraq": "MISC"}, set(), *names)[1:] == [("Al Boraq", "MISC"), ("Kénitra", "LOC")]
    # a place by the preposition of a place before it, where the model read no name
    text = "Elle vit à Rezé. Son agent, à l'agence Guy Hoquet de Rezé, a parlé."
    names = (("Guy Hoquet de Rezé", "PER"),)
    assert split_with(text, {"Guy Hoquet": "ORG"}, set(), *names) == [("Guy Hoquet", "ORG"), ("Rezé", "LOC")]


def test_de_after_a_common_noun_an_article_or_a_first_name_builds_one_name():
    text = "Lille a voté. L'Institut Pasteur de Lille recrute. Le Journal de Lille aussi. Cécile de Lille a chanté."
    names = ("Lille", "LOC"), ("Institut Pasteur de Lille", "ORG"), ("Journal de Lille", "ORG")
    names += (("Cécile de Lille", "PER"),)
    labels = {"Institut Pasteur": "ORG", "Journal": "ORG", "Cécile": "PER", "Le Journal": "ORG"}
    assert all(g.rest_start is None for g in glued(text, spans_of(text, *names), FR, lambda w: w == "institut"))
    assert split_with(text, labels, {"institut", "journal"}, *names) == [(n, label) for n, label in names]


def test_the_model_reading_a_place_alone_will_do_after_a_name_the_text_has_alone_or_a_business():
    text = "Le procès du Mediator s'ouvre. Le scandale du Mediator de Servier a éclaté."
    names = ("Mediator", "MISC"), ("Mediator de Servier", "LOC")
    assert split_with(text, {"Servier": "ORG"}, set(), *names)[1:] == [("Mediator", "MISC"), ("Servier", "ORG")]
    assert split_with(text, {"Servier": "PER"}, set(), *names)[1:] == [("Mediator de Servier", "LOC")]
    text = "Un vol au magasin Leroy Merlin de Guichainville, samedi."
    names = (("Leroy Merlin de Guichainville", "PER"),)
    labels = {"Guichainville": "LOC", "Leroy Merlin": "ORG"}
    assert split_with(text, labels, {"magasin"}, *names) == [("Leroy Merlin", "ORG"), ("Guichainville", "LOC")]
    # no common noun before it (nor the first name alone in the text): one name
    assert split_with(text, labels, set(), *names) == [("Leroy Merlin de Guichainville", "PER")]
