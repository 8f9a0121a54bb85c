"""A name inside a longer proper name is a name of its own only where the text writes it alone too."""

from __future__ import annotations

import re

from conftest import spans_of
from hypothesis import given
from hypothesis import strategies as st

from kbgen.contained_names import without_contained


def test_a_town_written_only_inside_an_institutions_name_is_no_name_of_its_own():
    text = "assure le pédiatre au CHU de Toulouse. Il suit."
    spans = spans_of(text, ("CHU de Toulouse", "ORG"))
    inner = spans_of(text, ("Toulouse", "LOC"))
    assert without_contained(text, sorted(spans + inner)) == spans


def test_a_town_the_text_writes_alone_too_stays():
    text = "au CHU de Toulouse. À Toulouse, la mairie suit."
    spans = sorted(
        spans_of(text, ("CHU de Toulouse", "ORG")) + spans_of(text, ("Toulouse", "LOC"), ("Toulouse", "LOC"))
    )
    assert without_contained(text, spans) == spans


def test_a_place_written_alone_where_the_model_found_nothing_stays():
    text = "le Festival de Cannes a ouvert.\nCANNES\nLa suite."  # written otherwise: not the same words
    spans = spans_of(text, ("Festival de Cannes", "MISC")) + spans_of(text, ("Cannes", "LOC"))
    assert without_contained(text, spans) == spans[:1]
    text = "le Festival de Cannes a ouvert. Cannes attend."
    spans = spans_of(text, ("Festival de Cannes", "MISC")) + spans_of(text, ("Cannes", "LOC"))
    assert without_contained(text, spans) == spans


def test_a_lowercase_head_names_its_place_as_well():
    """'la chambre de commerce de Nantes' names Nantes too, as the judgments of the first sets
    say; so does a place with its own head inside a capitalised name."""
    text = "la chambre de commerce de Nantes a voté."
    spans = spans_of(text, ("chambre de commerce de Nantes", "ORG")) + spans_of(text, ("Nantes", "LOC"))
    assert without_contained(text, spans) == spans
    text = "dans la Cour d'honneur du palais des Papes hier."
    spans = spans_of(text, ("Cour d'honneur du palais des Papes", "ORG")) + spans_of(text, ("palais des Papes", "LOC"))
    assert without_contained(text, spans) == spans


def test_spans_side_by_side_and_alike_stay():
    text = "Vidal Conseil et Jean Vidal ont signé."
    spans = spans_of(text, ("Vidal Conseil", "ORG"), ("Jean Vidal", "PER"))
    assert without_contained(text, spans) == spans


@given(town=st.sampled_from(["Nantes", "Brest", "Lyon", "Rodez"]), alone=st.booleans(), head=st.booleans())
def test_the_inner_name_goes_exactly_when_it_is_written_only_inside_a_proper_name(town, alone, head):
    name = f"Université de {town}" if head else f"université de {town}"
    text = f"l'{name} a voté." + (f" {town} suit." if alone else " Elle suit.")
    outer = spans_of(text, (name, "ORG"))
    inner = spans_of(text, (town, "LOC"))
    got = without_contained(text, sorted(outer + inner))
    assert got == (outer if head and not alone else sorted(outer + inner))


def _held_by_a_scan(text, spans):
    """What without_contained keeps, found by comparing every span with every other one."""
    kept = []
    for start, end, label in spans:
        held = any(s <= start and end <= e and (s, e) != (start, end) and text[s].isupper() for s, e, _ in spans)
        alone = any(
            not any(s <= m.start() and m.end() <= e and e - s > m.end() - m.start() for s, e, _ in spans)
            for m in re.finditer(rf"(?<![\w-]){re.escape(text[start:end])}(?![\w-])", text)
        )
        if not (held and text[start].isupper() and not alone):
            kept.append((start, end, label))
    return kept


_WORDS = ["CHU", "de", "Toulouse", "centre", "Nantes", "Lyon", "Festival", "du"]


@given(
    words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12),
    picks=st.lists(st.tuples(st.integers(0, 11), st.integers(1, 4)), max_size=10),
)
def test_the_spans_kept_are_those_a_scan_of_every_pair_keeps(words, picks):
    # Containment is found by sorted starts (a text may hold 30,000 names): the same answer as
    # comparing every span with every other, on spans nested, side by side, repeated, alike.
    text = " ".join(words)
    offsets = [sum(len(w) + 1 for w in words[:i]) for i in range(len(words))]
    spans = []
    for first, count in picks:
        if first < len(words):
            last = min(len(words), first + count) - 1
            spans.append((offsets[first], offsets[last] + len(words[last]), "LOC"))
    assert without_contained(text, spans) == _held_by_a_scan(text, spans)
