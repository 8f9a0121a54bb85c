"""A person's name hyphenated after a noun names what the noun is: 'le cours Jean-Jaurès'."""

from __future__ import annotations

import pytest
from conftest import one_span, spans_of
from hypothesis import given, settings
from hypothesis import strategies as st

from kbgen.extract import normalise
from kbgen.lang import profile
from kbgen.named_after import with_named_after

FRENCH = profile("fr")


@pytest.mark.parametrize(
    "text, compound, whole, label",
    [
        (
            "Les travaux doivent débuter en septembre sur le cours Jean-Jaurès.",
            "Jean-Jaurès",
            "cours Jean-Jaurès",
            "LOC",
        ),
        (
            "La réunion se tiendra dans la salle Pierre-Bérégovoy, à Nevers.",
            "Pierre-Bérégovoy",
            "salle Pierre-Bérégovoy",
            "LOC",
        ),
        (
            "Le recours vise l'extension du CHU Charles-Nicolle. Il a été rejeté.",
            "Charles-Nicolle",
            "CHU Charles-Nicolle",
            "ORG",
        ),
        (
            "Il a été soigné au centre hospitalier William-Morey jeudi.",
            "William-Morey",
            "centre hospitalier William-Morey",
            "ORG",
        ),
        (
            "Le match aura lieu au complexe sportif Jacques-Anquetil samedi.",
            "Jacques-Anquetil",
            "complexe sportif Jacques-Anquetil",
            "LOC",
        ),
    ],
)
def test_a_hyphenated_person_after_a_noun_is_the_name_of_that_thing(french_nlp, text, compound, whole, label):
    norms, spans = one_span(text, compound, "PER")
    start = norms[0].text.index(whole)
    assert with_named_after(norms, spans, french_nlp, FRENCH) == [[(start, start + len(whole), label)]]


@pytest.mark.parametrize(
    "text, compound, label",
    [
        # a verb before it; the person named in full elsewhere in the text
        ("Le maire, Hakim Sabri-Lefort, a parlé. « Assez », a justifié Sabri-Lefort hier.", "Sabri-Lefort", "PER"),
        # a title or a function
        ("Hier, le maire Jean-Louis a parlé.", "Jean-Louis", "PER"),
        ("Une exception, le baron Jean-Henri, qui a commandé.", "Jean-Henri", "PER"),
        # a body named by its own name after its head noun
        ("Il a rejoint le groupe Lacaze-Hospitalité en 2019.", "Lacaze-Hospitalité", "PER"),
        ("Plus modeste, l'imprimerie Barbé-Lecoq a fermé.", "Barbé-Lecoq", "PER"),
        # no hyphen: a person's name has a space
        ("Il a cité le poète Victor Hugo hier.", "Victor Hugo", "PER"),
        # the model's place or organisation: no person's name
        ("Elle vit dans la région Auvergne-Rhône-Alpes depuis.", "Auvergne-Rhône-Alpes", "LOC"),
        # an acronym opening the compound
        ("Selon le délégué CGT-RATP, la grève suit.", "CGT-RATP", "PER"),
    ],
)
def test_a_person_a_function_or_a_body_keeps_its_span(french_nlp, text, compound, label):
    norm = normalise(text)
    spans = [[span for span in spans_of(norm.text, (compound, label))]]
    if compound == "Sabri-Lefort":  # both mentions, the full name's too
        first = norm.text.index("Hakim Sabri-Lefort")
        second = norm.text.rindex(compound)
        spans = [[(first, first + len("Hakim Sabri-Lefort"), label), (second, second + len(compound), label)]]
    assert with_named_after([norm], spans, french_nlp, FRENCH) == spans


_FIRST = st.sampled_from(["Jean", "Pierre", "Louise", "Marie", "Émile", "Henri"])
_LAST = st.sampled_from(["Moulin", "Ferry", "Curie", "Jaurès", "Zola", "Bert"])


@settings(max_examples=15, deadline=None)
@given(first=_FIRST, last=_LAST, spaced=st.booleans())
def test_only_the_hyphenated_form_after_a_noun_is_taken(french_nlp, first, last, spaced):
    compound = f"{first} {last}" if spaced else f"{first}-{last}"
    text = f"La fête aura lieu dans la salle {compound} samedi soir."
    norms, spans = one_span(text, compound, "PER")
    got = with_named_after(norms, spans, french_nlp, FRENCH)
    start = norms[0].text.index("salle")
    expected = spans if spaced else [[(start, spans[0][0][1], "LOC")]]
    assert got == expected
