"""The corpus-wide common-word check (kbgen.word_case): its counts, and their sum kept between
builds, which must always be the sum over the texts of this build, never a stale one."""

from __future__ import annotations

import sqlite3

from kbgen.lang import profile
from kbgen.word_case import corpus_cases, mostly_lowercase, text_cases

FRENCH = profile("fr")

TEXTS = [
    "Hier, Pierre est venu. Justice sera rendue.",
    "Il pleuvait hier. Le ministre de la Justice a parlé avec Pierre.",
    "La justice tranche. Hier encore, la justice a tranché.",
    "Aujourd’hui, l’État paie. Il le fera aujourd’hui et demain, dit l’État.",
]


def rows(cache) -> int:
    with sqlite3.connect(cache) as db:
        return db.execute("SELECT count(*) FROM summary").fetchone()[0]


def test_a_word_is_counted_by_how_it_is_written_and_where():
    cases = text_cases(TEXTS[3], FRENCH)
    # A word inside a chain counts ('État' of 'l’État'), and so does the chain ('aujourd’hui').
    assert cases.named["État"] == 2 and cases.lower["aujourd’hui"] == 1
    assert cases.named["Aujourd’hui"] == 0  # it opens the sentence: its capital says nothing
    assert text_cases(TEXTS[0], FRENCH).named["Pierre"] == 1


def test_the_judgment_is_made_on_the_whole_corpus():
    corpus = corpus_cases(TEXTS, FRENCH)
    assert mostly_lowercase(["Hier", "Justice", "Pierre", "Aujourd’hui", "État"], corpus) == {
        "Hier",
        "Justice",
        "Aujourd’hui",
    }


def test_a_kept_sum_is_the_sum_of_this_builds_texts_after_edits_and_deletions(tmp_path):
    cache = tmp_path / "wordcase.sqlite"
    builds = [
        TEXTS,
        TEXTS,  # warm: nothing counted again
        [*TEXTS[:2], TEXTS[2].replace("la justice a tranché", "la Justice a tranché"), TEXTS[3]],  # edited
        TEXTS[1:],  # deleted
        [*TEXTS, TEXTS[0]],  # the same text twice is counted twice
        [],
        TEXTS[:1],
    ]
    for texts in builds:
        assert corpus_cases(texts, FRENCH, cache) == corpus_cases(texts, FRENCH)
        assert rows(cache) == len(set(texts)) + 1  # each text's counts and their sum: no more


def test_an_edited_texts_old_counts_are_not_used(tmp_path):
    cache = tmp_path / "wordcase.sqlite"
    assert "Justice" in mostly_lowercase(["Justice"], corpus_cases(TEXTS, FRENCH, cache))
    edited = [t.replace("la justice", "la Justice") for t in TEXTS]
    assert "Justice" not in mostly_lowercase(["Justice"], corpus_cases(edited, FRENCH, cache))


def test_a_sum_that_cannot_be_taken_apart_is_made_again(tmp_path):
    cache = tmp_path / "wordcase.sqlite"
    corpus_cases(TEXTS, FRENCH, cache)
    with sqlite3.connect(cache) as db:  # one text's counts lost: its share of the sum is unknown
        db.execute("DELETE FROM summary WHERE rowid = (SELECT min(rowid) FROM summary)")
    assert corpus_cases(TEXTS[1:], FRENCH, cache) == corpus_cases(TEXTS[1:], FRENCH)


def test_a_part_of_the_corpus_is_judged_by_the_kept_sum_and_leaves_it_as_it_is(tmp_path, monkeypatch):
    cache = tmp_path / "wordcase.sqlite"
    corpus_cases(TEXTS, FRENCH, cache)
    kept = cache.read_bytes()
    # kbgen serve's preview of one edited text: the last build's sum, plus that text's counts.
    edited = TEXTS[2].replace("la justice a tranché", "la Justice a tranché")
    part = corpus_cases([edited], FRENCH, cache, whole=False)
    assert part == corpus_cases([*TEXTS, edited], FRENCH)
    assert corpus_cases([TEXTS[0]], FRENCH, cache, whole=False) == corpus_cases(TEXTS, FRENCH)
    assert cache.read_bytes() == kept
    # So the next build counts only the edited text again, not the whole corpus.
    counted = []
    monkeypatch.setattr(
        "kbgen.word_case.text_cases", lambda text, language: counted.append(text) or text_cases(text, language)
    )
    corpus_cases([*TEXTS[:2], edited, TEXTS[3]], FRENCH, cache)
    assert counted == [edited]
