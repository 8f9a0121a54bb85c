"""A name an article opens is no person's first name and surname (entity_types._full_name)."""

from __future__ import annotations

from conftest import typed


def test_a_name_an_article_opens_does_not_make_a_person_of_a_tie():
    # 'Les Houches': the model's person on the bare form, its work on the form with the article
    found = typed(
        "Des stages ont lieu aux Houches. Les touristes séjournent entre Les Houches et Vallorcine.",
        ("Houches", "PER"),
        ("Les Houches", "MISC"),
    )
    assert found["Les Houches"] != "PER"


def test_a_first_name_and_surname_still_win_a_tie():
    found = typed("Jean Qrst parle. Plus tard, Jean Qrst insiste.", ("Jean Qrst", "PER"), ("Jean Qrst", "MISC"))
    assert found == {"Jean Qrst": "PER"}


def test_a_surname_an_article_opens_stays_its_persons():
    found = typed("Marine Le Pen parle. Le Pen insiste.", ("Marine Le Pen", "PER"), ("Le Pen", "MISC"))
    assert found == {"Marine Le Pen": "PER"}
