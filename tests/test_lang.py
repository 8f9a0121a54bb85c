"""Language profiles: every language says the same things, and the stages take their words from it."""

from __future__ import annotations

import pytest
from conftest import write

from kbgen.articles import Article
from kbgen.errors import BuildError
from kbgen.extract import Mention
from kbgen.lang import available, plain_forms, profile
from kbgen.project import Project
from kbgen.resolve import resolve
from kbgen.spans import trim


def keys(strings: dict, prefix: str = "") -> set[str]:
    return {f"{prefix}{k}" for k in strings} | {
        key for k, v in strings.items() if isinstance(v, dict) for key in keys(v, f"{k}.")
    }


@pytest.mark.parametrize("lang", available())
def test_every_profile_has_the_strings_french_has(lang):
    assert keys(profile(lang).strings) == keys(profile("fr").strings)
    assert len(profile(lang).strings["months"]) == 12


def test_english_without_a_model_asks_for_one_in_kbgen_yml(tmp_path):
    write(tmp_path / "kbgen.yml", "title: Test\nlang: en\n")
    with pytest.raises(BuildError) as exc:
        Project.load(tmp_path)
    assert [str(p) for p in exc.value.problems] == [
        "kbgen.yml:2: error: no spaCy model is known for lang 'en'; install one and name it with `model:` in kbgen.yml"
    ]


def test_english_with_a_model_is_accepted(tmp_path):
    write(tmp_path / "kbgen.yml", "lang: en\nmodel: blank:en\n")
    assert Project.load(tmp_path).config.ner_model == "blank:en"


def named(text: str, predicted: str, label: str, lang: str):
    start = text.index(predicted)
    found = trim(plain_forms(text), start, start + len(predicted), label, profile(lang))
    return (text[found[0] : found[1]], found[2]) if found else None


def test_titles_and_articles_are_the_languages_own():
    assert named("selon le Président Emmanuel Macron", "Président Emmanuel Macron", "MISC", "fr") == (
        "Emmanuel Macron",
        "PER",
    )
    assert named("selon le Président Emmanuel Macron", "Président Emmanuel Macron", "MISC", "en") == (
        "Président Emmanuel Macron",
        "MISC",
    )
    assert named("said President Joe Biden today", "President Joe Biden", "MISC", "en") == ("Joe Biden", "PER")
    assert named("said President Joe Biden today", "President Joe Biden", "MISC", "fr") == (
        "President Joe Biden",
        "MISC",
    )
    assert named("le chef de l’OTAN a dit", "l’OTAN", "ORG", "fr") == ("OTAN", "ORG")
    assert named("le chef de l’OTAN a dit", "l’OTAN", "ORG", "en") is None  # "l'OTAN": lower case, debris


def test_a_capitalised_article_joins_the_bare_name_in_its_language():
    text = "La Russie et Russie. The Netherlands and Netherlands."
    a = Article("a", None, "a", None, "fr", None, text, text)

    def mention(form: str, nth: int = 0) -> Mention:
        start = text.index(form) if nth == 0 else text.index(form, text.index(form) + 1)
        return Mention("a", start, start + len(form), form, "LOC")

    mentions = [mention("La Russie"), mention("Russie", 1), mention("The Netherlands"), mention("Netherlands", 1)]
    names = {
        lang: sorted(e.name for e in resolve(mentions, [a], language=profile(lang)).entities) for lang in ("fr", "en")
    }
    assert names["fr"] == ["Netherlands", "Russie", "The Netherlands"]
    assert names["en"] == ["La Russie", "Netherlands", "Russie"]


def test_a_source_is_cited_in_the_languages_own_words():
    text = "According to the Courier, prices rose. Selon Gazette Bleue, les prix montent."
    a = Article("a", None, "a", None, "fr", None, text, text)
    mentions = [
        Mention("a", text.index(name), text.index(name) + len(name), name, "LOC")
        for name in ("Courier", "Gazette Bleue")
    ]
    types = {
        lang: {e.name: e.type for e in resolve(mentions, [a], language=profile(lang)).entities} for lang in ("fr", "en")
    }
    assert types["en"] == {"Courier": "ORG", "Gazette Bleue": "LOC"}
    assert types["fr"] == {"Courier": "LOC", "Gazette Bleue": "ORG"}


@pytest.mark.parametrize("lang", available())
def test_every_profile_has_the_words_of_a_dateline(lang):
    words = profile(lang).dates
    assert len(words.months) == 12 and all(words.months)
    assert len(set(words.weekdays)) >= 7 and words.published and words.updated
    assert all(w == w.lower() for forms in (*words.months, words.published, words.updated) for w in forms)
