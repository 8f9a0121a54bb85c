"""The site's lists (kbgen/lists.py): filing names, pages of at most PAGE_SIZE, the archive by
month, and the built pages at a size where a letter and a month fill several pages."""

from __future__ import annotations

from conftest import write
from hypothesis import given
from hypothesis import strategies as st

from kbgen import lists
from kbgen.build import build
from kbgen.extract import Mention
from kbgen.resolve import Entity


def entity(name: str, kind: str = "PER", aliases: tuple[str, ...] = (), mentions: int = 1) -> Entity:
    slug = name.lower().replace(" ", "-")
    return Entity(slug, name, kind, aliases, tuple(Mention(f"a{i}", 0, 1, name, kind) for i in range(mentions)))


def test_people_are_filed_by_surname():
    assert lists.filed(entity("Mark Rutte", aliases=("Rutte",))).shown == "Rutte, Mark"
    assert lists.filed(entity("Mark Rutte")).shown == "Rutte, Mark"  # the last word, with no alias saying otherwise
    assert (
        lists.filed(entity("Jean Le Gall", aliases=("Le Gall",))).shown == "Le Gall, Jean"
    )  # the corpus's own short name
    assert lists.filed(entity("Charles de Gaulle")).shown == "Gaulle, Charles de"  # a particle by its case
    assert lists.filed(entity("Madonna")).shown == "Madonna"
    assert lists.filed(entity("Banque de France", "ORG")).shown == "Banque de France"  # only people
    # The surname alone before a longer name starting with it, as an index files them.
    names = ["Rémy Industries", "Diane Rémy", "Reims", "Damien Rémy"]
    kinds = {"Rémy Industries": "ORG", "Reims": "LOC"}
    filed = sorted((lists.filed(entity(n, kinds.get(n, "PER"))) for n in names), key=lambda f: f.key)
    assert [f.shown for f in filed] == ["Reims", "Rémy, Damien", "Rémy, Diane", "Rémy Industries"]
    assert {f.letter for f in filed} == {"r"}
    assert lists.filed(entity("3M", "ORG")).letter == lists.OTHER


@given(st.lists(st.integers(), max_size=700), st.integers(min_value=1, max_value=300))
def test_pages_hold_every_item_once_and_at_most_a_page_each(items, size):
    runs = lists.paged(items, size)
    assert [x for run in runs for x in run] == items
    assert all(0 < len(run) <= size for run in runs) or runs == [()]


def test_the_index_files_each_entity_under_its_letter_in_every_list():
    people = [entity(f"Jean Nom{i:03d}") for i in range(lists.PAGE_SIZE + 5)]
    places = [entity("Nantes", "LOC"), entity("Évry", "LOC")]
    shelves = lists.entity_letters(people + places)
    assert set(shelves) == {lists.ALL, "PER", "LOC"}  # no empty list for a type with no entity
    n_pages = shelves[lists.ALL]["n"]
    assert [p.path for p in n_pages] == ["entities/all/n.html", "entities/all/n-2.html"]
    assert n_pages[1].path_of(1) == "entities/all/n.html" and n_pages[0].pages == 2
    assert [f.shown for f in n_pages[0].items[:2]] == ["Nantes", "Nom000, Jean"]
    assert [f.shown for f in shelves["LOC"]["e"][0].items] == ["Évry"]  # filed without its accent


def test_the_site_at_size(tmp_path):
    """More articles than a month's page and entities than a letter's: numbered pages, linked;
    an undated article in the archive without a date; people by surname."""
    n = lists.PAGE_SIZE + 3
    write(tmp_path / "kbgen.yml", "model: blank:fr\nentity_patterns: patterns.jsonl\n")
    names = [f"Paul Nom{i:03d}" for i in range(n)]
    write(tmp_path / "patterns.jsonl", "".join(f'{{"label": "PER", "pattern": "{x}"}}\n' for x in names))
    for i in range(n):
        write(
            tmp_path / f"content/articles/a{i:03d}.md",
            f"---\ntitle: A{i}\ndate: 2024-03-{1 + i % 28:02d}\ntags: [lot]\n---\n{names[i]} et {names[i - 1]}.\n",
        )
    write(tmp_path / "content/articles/sans-date.md", "---\ntitle: Sans date\n---\nTexte.\n")
    build(tmp_path)
    site = tmp_path / "_site"
    march, march_2 = (site / "archive/2024-03.html").read_text(), (site / "archive/2024-03-2.html").read_text()
    assert march.count("<li><time") == lists.PAGE_SIZE and march_2.count("<li><time") == 3
    assert 'href="../archive/2024-03-2.html">2</a>' in march and 'aria-current="page"' in march_2
    undated = (site / "archive/undated.html").read_text()
    assert "Sans date</a>" in undated and "<time" not in undated
    letter = (site / "entities/per/n.html").read_text()
    assert ">Nom000, Paul</a>" in letter and 'href="../../entities/per/n-2.html"' in letter
    home = (site / "index.html").read_text()
    assert home.count('<p class="lede">') == lists.HOME_ARTICLES and f"{n + 1} articles" in home
    sizes = [
        p.stat().st_size for p in site.glob("**/*.html") if "entities/" in p.as_posix() and p.parent.name != "entities"
    ]
    assert max(sizes) < 200_000
