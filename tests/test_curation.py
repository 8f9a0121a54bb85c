"""content/entities.yml: each kind of rule changes the built site as documented, rule after
rule, build after build; a rule naming nothing is a warning with its line, not a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import write

from kbgen.build import build
from kbgen.curation import load_curation
from kbgen.errors import BuildError
from kbgen.lang import profile

PATTERNS = "\n".join(
    '{{"label": "{}", "pattern": "{}"}}'.format(*pair)
    for pair in [
        ("PER", "Marie Dupont"),
        ("LOC", "Lyon"),
        ("ORG", "OTAN"),
        ("LOC", "Alliance atlantique"),
        ("PER", "Genève"),
        ("ORG", "Ville de Lyon"),
    ]
)


@pytest.fixture
def project(tmp_path):
    write(tmp_path / "kbgen.yml", "model: blank:fr\nentity_patterns: patterns.jsonl\n")
    write(tmp_path / "patterns.jsonl", PATTERNS + "\n")
    write(
        tmp_path / "content/articles/a.md",
        """
        ---
        title: A
        ---
        Marie Dupont est à Lyon et à Genève. L’OTAN, ou Alliance atlantique, siège loin de la Ville de Lyon.
        L’Organisation parle.
        """,
    )
    return tmp_path


CURATION_FILE = "content/entities.yml"


def built(project, rules: str | None = None):
    if rules is not None:
        write(project / CURATION_FILE, rules)
    summary = build(project)
    entities = {e["name"]: e for e in json.loads((project / "_site/api/entities.json").read_text("utf-8"))}
    return summary, entities


def test_the_file_is_created_commented_and_then_left_alone(project):
    built(project)
    assert (project / CURATION_FILE).read_text("utf-8") == profile("fr").curation_template
    mine = "# my own comment\nentities: {}\n"
    (project / CURATION_FILE).write_text(mine, "utf-8")
    built(project)
    assert (project / CURATION_FILE).read_text("utf-8") == mine


def test_rename_retype_describe(project):
    rules = """
        entities:
          marie-dupont:            # by slug
            name: Marie Dupont-Martin
            description: Maire <b>adjointe</b>.
            wikidata: Q42
          Genève:
            type: LOC
        """
    for _ in range(2):  # and again: rules apply on every build
        _, entities = built(project, rules)
        person = entities["Marie Dupont-Martin"]
        assert person["slug"] == "marie-dupont-martin" and person["wikidata"] == "Q42"
        assert "Marie Dupont" in person["aliases"]
        assert entities["Genève"]["type"] == "LOC"
    page = (project / "_site/entities/marie-dupont-martin.html").read_text("utf-8")
    assert "Maire &lt;b&gt;adjointe&lt;/b&gt;." in page
    assert 'href="https://www.wikidata.org/wiki/Q42"' in page


def test_aliases_merge_and_find_every_occurrence(project):
    _, entities = built(project, "entities:\n  OTAN:\n    aliases: [Alliance atlantique, Organisation]\n")
    otan = entities["OTAN"]
    assert "Alliance atlantique" not in entities
    assert otan["aliases"] == ["Alliance atlantique", "Organisation"]
    assert otan["mentions"] == 3  # OTAN, Alliance atlantique, and 'Organisation' found by its alias
    article = (project / "_site/articles/a.html").read_text("utf-8")
    # The article links the entity once, at its first mention; the alias's mentions are quoted on its page.
    assert '<a class="mention" href="../entities/otan.html">OTAN</a>' in article
    assert "<mark>Organisation</mark>" in (project / "_site/entities/otan.html").read_text("utf-8")


def test_merge_into(project):
    _, entities = built(project, "entities:\n  Ville de Lyon:\n    merge_into: Lyon\n")
    assert "Ville de Lyon" not in entities
    assert entities["Lyon"]["mentions"] == 2 and entities["Lyon"]["aliases"] == ["Ville de Lyon"]


def test_ignore(project):
    _, entities = built(project, "ignore:\n  - Genève\n")
    assert "Genève" not in entities
    assert not (project / "_site/entities/geneve.html").exists()
    assert "geneve.html" not in (project / "_site/articles/a.html").read_text("utf-8")


def test_remove_an_alias(project):
    write(project / "content/articles/b.md", "---\ntitle: B\n---\nCécile de France joue. France a répondu.\n")
    more = ['{"label": "PER", "pattern": "Cécile de France"}', '{"label": "PER", "pattern": "France"}']
    write(project / "patterns.jsonl", "\n".join([PATTERNS, *more]) + "\n")
    _, entities = built(project)
    assert entities["Cécile de France"]["aliases"] == ["France"]  # the surname rule's guess
    _, entities = built(project, "entities:\n  Cécile de France:\n    remove_aliases: [France]\n")
    assert entities["Cécile de France"]["aliases"] == [] and entities["France"]["mentions"] == 1
    assert 'href="../entities/france.html">France<' in (project / "_site/articles/b.html").read_text("utf-8")


def test_split_a_wrongly_merged_entity(project):
    write(project / "content/articles/c.md", "---\ntitle: C\n---\nMarie Dupont, la cycliste, gagne.\n")
    rules = "entities:\n  Marie Dupont:\n    split:\n      Marie Dupont (cycliste): [c]\n"
    summary, entities = built(project, rules)
    assert summary.warnings == []
    assert entities["Marie Dupont"]["mentions"] == 1 and entities["Marie Dupont (cycliste)"]["mentions"] == 1
    article = (project / "_site/articles/c.html").read_text("utf-8")
    assert 'href="../entities/marie-dupont-cycliste.html">Marie Dupont<' in article
    summary, _ = built(project, rules.replace("[c]", "[z]"))
    assert [str(w) for w in summary.warnings] == [
        "content/entities.yml:2: warning: 'Marie Dupont' is named in none of the articles split to "
        "'Marie Dupont (cycliste)'; check the spelling, or remove the rule"
    ]


def test_ignore_a_name_in_one_article_only(project):
    write(project / "content/articles/d.md", "---\ntitle: D\n---\nGenève accueille Lyon.\n")
    _, entities = built(project, "ignore:\n  - Genève: [a]\n")
    assert entities["Genève"]["mentions"] == 1  # in d only
    assert "geneve.html" not in (project / "_site/articles/a.html").read_text("utf-8")
    assert "geneve.html" in (project / "_site/articles/d.html").read_text("utf-8")


def test_a_rule_naming_nothing_is_a_warning_with_its_line(project):
    summary, entities = built(project, "entities:\n  Lyon:\n    type: LOC\n  Paris:\n    type: LOC\n")
    assert [str(w) for w in summary.warnings] == [
        "content/entities.yml:4: warning: no entity named 'Paris' in this build; check the spelling, or remove the rule"
    ]
    assert "Lyon" in entities


@pytest.mark.parametrize(
    "text, message",
    [
        ("entities:\n  Lyon:\n    typ: LOC\n", "content/entities.yml:3: error: 'Lyon' -> 'typ': unknown key"),
        (
            "entities:\n  Lyon:\n    type: CITY\n",
            "content/entities.yml:3: error: 'Lyon' -> 'type': must be one of PER, ORG, LOC, MISC",
        ),
        ("entities:\n  Lyon:\n    wikidata: 42\n", "content/entities.yml:3: error: 'Lyon' -> 'wikidata'"),
        ("ignore: Lyon\n", "content/entities.yml:1: error: 'ignore' must be a list of names"),
        ("ignore:\n  - Lyon\n  - Genève: yes\n", "content/entities.yml:3: error: an 'ignore' entry must be a name"),
        ("entities:\n  Lyon:\n    split: Lyon-2\n", "content/entities.yml:3: error: 'Lyon' -> 'split'"),
        (
            "entities:\n  Lyon:\n    remove_aliases: {a: b}\n",
            "content/entities.yml:3: error: 'Lyon' -> 'remove_aliases'",
        ),
        ("entities: [\n", "content/entities.yml:1: error: invalid YAML"),
    ],
)
def test_invalid_rules_are_errors_with_their_line(project, text, message):
    write(project / CURATION_FILE, text)
    with pytest.raises(BuildError) as exc:
        load_curation(project / CURATION_FILE, Path(CURATION_FILE))
    assert str(exc.value.problems[0]).startswith(message)


def test_entities_command_lists_filters_and_flags(project):
    import subprocess
    import sys

    # Capitalised inside a sentence, so that extraction's sentence-opening rule keeps it: the queue's turn.
    text = "Lyon gagne, et Pourtant rien, Pourtant tout. Il est pourtant là, pourtant fier, pourtant seul."
    write(project / "content/articles/b.md", f"---\ntitle: B\n---\n{text}\n")
    write(project / "patterns.jsonl", PATTERNS + '\n{"label": "PER", "pattern": "Pourtant"}\n')

    def run(*args):
        result = subprocess.run(
            [sys.executable, "-m", "kbgen", "entities", "--project", str(project), *args],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    listed = json.loads(run("--json"))
    assert {e["name"] for e in listed} >= {"Marie Dupont", "Lyon", "OTAN"}
    assert not (project / CURATION_FILE).exists()  # listing writes nothing
    assert {e["type"] for e in json.loads(run("--json", "--type", "LOC"))} == {"LOC"}
    flagged = [(e["name"], e["flags"]) for e in json.loads(run("--json", "--suspicious"))]
    # Seven entities: the review queue holds the one most likely wrong, with its reasons.
    assert flagged == [("Pourtant", ["common word? 'pourtant' 3 times, 'Pourtant' 2 within a sentence"])]
    table = run()
    assert "Marie Dupont" in table and "7 entities; 1 flagged" in table


def test_misc_stays_out_of_the_headline_list_unless_configured(project):
    write(project / "patterns.jsonl", PATTERNS + '\n{"label": "MISC", "pattern": "Organisation"}\n')
    write(project / "content/articles/b.md", "---\ntitle: B\n---\nÀ Lyon, l’Organisation parle.\n")  # in two articles
    built(project)
    home = (project / "_site/index.html").read_text("utf-8")
    assert 'href="entities/organisation.html"' not in home and 'href="entities/lyon.html"' in home
    write(project / "kbgen.yml", "model: blank:fr\nentity_patterns: patterns.jsonl\nheadline_types: [MISC]\n")
    built(project)
    home = (project / "_site/index.html").read_text("utf-8")
    assert 'href="entities/organisation.html"' in home and 'href="entities/lyon.html"' not in home


def test_the_review_queue_is_ranked_by_mentions_times_doubt_and_short():
    from kbgen.extract import Mention
    from kbgen.resolve import Entity
    from kbgen.suspects import review_queue

    def entity(name, kind, n, labels=()):
        labels = list(labels) or [kind] * n
        mentions = tuple(Mention("b", 20 + i, 21 + i, name, label) for i, label in enumerate(labels))
        return Entity(name.lower().replace(" ", "-"), name, kind, (), mentions)

    named = [entity(f"Ville{i}", "LOC", 3) for i in range(36)] + [
        entity("Emmanuel Macron", "PER", 10),
        entity("Macron", "PER", 4),  # unmerged: doubt 0.7, score 2.8
        entity("Lime", "ORG", 12, ["ORG"] * 6 + ["PER"] * 4 + ["LOC"] * 2),  # split vote: doubt 0.4 * 0.5, score 2.4
        entity("Bird", "PER", 1),  # no doubt
        entity("Amis", "ORG", 2),  # a common word (doubt 0.9), score 1.8
    ]
    queue = review_queue(named, {"a": "Les amis de Lime. Ses amis.", "b": "mid-sentence " * 5})
    assert [(s.entity.name, round(s.score, 2)) for s in queue] == [("Macron", 2.8), ("Lime", 2.4)]  # 5% of 41
    assert queue[0].reasons == ("duplicate? of Emmanuel Macron",)
    assert queue[1].reasons == ("type? ORG 6, PER 4, LOC 2",)


def test_a_split_vote_alone_weighs_less_than_a_common_word():
    """The model's votes are one piece of the evidence resolve typed an entity with: a split vote
    alone queues an entity only when it is cited often, where a common word needs two mentions."""
    from kbgen.extract import Mention
    from kbgen.resolve import Entity
    from kbgen.suspects import review_queue

    def entity(name, kind, labels):
        mentions = tuple(Mention("b", 20 + i, 21 + i, name, label) for i, label in enumerate(labels))
        return Entity(name.lower(), name, kind, (), mentions)

    others = [entity(f"Ville{i}", "LOC", ["LOC"] * 3) for i in range(60)]
    split = entity("Valone", "ORG", ["ORG", "ORG", "ORG", "PER", "PER", "LOC"])  # half the votes: 6 * 0.2 = 1.2
    common = entity("Amis", "ORG", ["ORG", "ORG"])
    queue = review_queue([*others, split, common], {"a": "Les amis. Ses amis.", "b": "mid-sentence " * 5})
    assert [s.entity.name for s in queue] == ["Amis"]
