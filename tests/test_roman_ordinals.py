"""An ordinal in Roman numerals is no name: the model reads a century's numeral alone as a work or
a place ('au XIXe siècle'), kbgen.spans.is_debris drops it (Rules.roman_ordinal)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kbgen.lang import profile
from kbgen.spans import is_debris, trim

FRENCH = profile("fr")
ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


@pytest.mark.parametrize("name", ["XIXe", "XVIIe", "XXIe", "IIe", "Ier", "Xe", "XVème"])
def test_a_roman_ordinal_is_debris(name):
    assert is_debris(name, FRENCH)


@pytest.mark.parametrize(
    "name", ["Louis XIV", "François Ier", "Vatican II", "Ve République", "Xavier", "Ivan", "Vera", "Lee", "Léa", "Luc"]
)
def test_a_name_with_a_numeral_or_the_numeral_s_letters_is_no_debris(name):
    assert not is_debris(name, FRENCH)


def test_a_century_s_numeral_the_model_reads_as_a_name_is_dropped():
    text = "La charpente du XIXe siècle s'affaisse."
    start = text.index("XIXe")
    assert trim(text, start, start + 4, "MISC", FRENCH) is None
    king = "Le roi Louis XIV a fait bâtir le château."
    start = king.index("Louis")
    assert trim(king, start, start + len("Louis XIV"), "PER", FRENCH) == (start, start + 9, "PER")


@given(st.integers(1, 39), st.sampled_from(("e", "er", "ème")))
def test_every_ordinal_up_to_the_thirty_ninth_is_debris_and_a_king_s_number_is_not(n, suffix):
    assert is_debris(roman(n) + suffix, FRENCH)
    assert not is_debris(f"Henri {roman(n)}", FRENCH)
