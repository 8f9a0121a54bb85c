"""A body named by an acronym and its department's or unit's number: 'le SDIS 85'."""

from __future__ import annotations

from conftest import spans_of

from kbgen.numbered_bodies import with_body_numbers


def test_an_acronym_takes_the_number_after_it_and_is_an_organisation():
    text = "Soixante pompiers ont été engagés, selon le SDIS 85. Deux mobil-homes ont brûlé."
    spans = spans_of(text, ("SDIS", "MISC"))
    start = text.index("SDIS 85")
    assert with_body_numbers(text, spans) == [(start, start + 7, "ORG")]


def test_an_acronym_and_number_read_as_a_work_is_an_organisation():
    text = "La Fédération des chasseurs de la Haute-Marne (FDC 52) rappelle les règles."
    spans = spans_of(text, ("FDC 52", "MISC"))
    assert with_body_numbers(text, spans) == [(*spans[0][:2], "ORG")]


def test_a_number_that_goes_on_or_counts_something_is_left_alone():
    for text, name in [
        ("Un ATR 42-600 assure la liaison.", "ATR"),
        ("Son autonomie WLTP 364 km reste correcte.", "WLTP"),
        ("Le franc suisse: CHF 1,2 milliard de dette.", "CHF"),
        ("Elle signe un CDD 12 mois plus tard.", "CDD"),
        ("La Société générale 12 fois citée.", "Société"),
    ]:
        spans = spans_of(text, (name, "MISC"))
        assert with_body_numbers(text, spans) == spans, text


def test_a_number_another_span_begins_with_stays_its_own():
    text = "Le SDIS 85. Il intervient."
    spans = spans_of(text, ("SDIS", "ORG"), ("85", "MISC"))
    assert with_body_numbers(text, spans) == spans
