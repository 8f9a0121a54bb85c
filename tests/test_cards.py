"""The entity cards articles embed: what they say of an entity's number of articles stays the
same while articles are added, so that adding one does not remake every page naming its
entities (tests/test_incremental.py checks the pages made)."""

from __future__ import annotations

from conftest import write
from hypothesis import given
from hypothesis import strategies as st

from kbgen.build import build
from kbgen.cards import EXACT, articles_shown


@given(st.integers(min_value=0, max_value=10**7))
def test_a_card_counts_exactly_up_to_a_few_then_says_more_than_a_step_below(count):
    shown, more = articles_shown(count)
    if count <= EXACT:
        assert (shown, more) == (count, False)
    else:
        assert more and shown < count <= 2.5 * shown
        assert _is_step(shown)


@given(st.integers(min_value=0, max_value=10**7))
def test_a_card_changes_only_when_its_entity_crosses_a_step(count):
    if articles_shown(count) != articles_shown(count + 1):
        assert count < EXACT or _is_step(count)


def _is_step(number: int) -> bool:
    """10, 20, 50, 100, 200, 500..."""
    digits = str(number)
    return number >= EXACT and digits[0] in "125" and set(digits[1:]) <= {"0"}


def test_an_article_card_says_more_than_a_step_past_a_few_articles(golden_project):
    for number in range(12):
        write(golden_project / f"content/articles/lyon-{number}.md", f"---\ntitle: Lyon {number}\n---\nÀ Lyon.\n")
    build(golden_project)
    page = (golden_project / "_site/articles/lyon-0.html").read_text("utf-8")
    card = page[page.index('<div class="entity-card" data-href="../entities/lyon.html">') :]
    assert "Lieu · dans plus de 10 articles</p>" in card[: card.index("</div>")]
    entity = (golden_project / "_site/entities/lyon.html").read_text("utf-8")
    assert "dans 13 articles" in entity  # its own page counts exactly (twelve and note-de-terrain)
