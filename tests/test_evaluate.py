"""`kbgen eval` on a small hand-made gold folder (model-free): figures computed by hand."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kbgen.evaluate import normalize
from kbgen.names import is_acronym_of

FIXTURE = Path(__file__).parent / "eval_fixture"


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    out = tmp_path_factory.mktemp("eval")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kbgen",
            "eval",
            str(FIXTURE / "gold"),
            "--project",
            str(FIXTURE / "project"),
            "--json",
            str(out / "scores.json"),
            "--predictions",
            str(out / "pred.jsonl"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return json.loads((out / "scores.json").read_text()), result.stdout, (out / "pred.jsonl").read_text()


def test_mention_level(scores):
    figures = scores[0]["scores"]
    # PER: 'Marie Dupont', 'Dupont', 'Dupont' found, 'Paul' missed. ORG: 'Lyon' twice mistyped.
    assert figures["strict"]["PER"] == pytest.approx({"P": 1.0, "R": 0.75, "F1": 6 / 7, "gold": 4, "pred": 3})
    assert figures["strict"]["ORG"]["P"] == pytest.approx(1 / 3)
    assert figures["strict"]["micro"]["P"] == pytest.approx(5 / 7)
    assert figures["strict"]["micro"]["R"] == pytest.approx(5 / 8)
    assert figures["overlap-untyped"]["micro"]["R"] == pytest.approx(7 / 8)


def test_entity_level(scores):
    figures = scores[0]["scores"]["entity"]
    assert (figures["micro"]["gold"], figures["micro"]["pred"]) == (7, 6)
    assert figures["micro"]["P"] == pytest.approx(5 / 6)
    assert figures["LOC"]["R"] == pytest.approx(1 / 2)


def test_resolution_bcubed(scores):
    # The two people called Dupont (Q1 in d1, Q5 in d2) land on one page: precision suffers.
    resolution = scores[0]["resolution"]
    assert resolution["P"] == pytest.approx(17 / 21)
    assert resolution["R"] == pytest.approx(1.0)
    assert resolution["mentions"] == 7


def test_report_and_predictions(scores):
    _, stdout, predictions = scores
    assert "worst type confusions:" in stdout and "LOC->ORG: Lyon / Lyon" in stdout
    assert "PER: Paul" in stdout
    lines = [json.loads(line) for line in predictions.splitlines()]
    assert [line["doc"] for line in lines] == ["d1", "d2"]
    assert {"text": "OTAN", "type": "ORG", "start": 2, "end": 6, "entity": "otan"} in lines[1]["entities"]


@pytest.mark.parametrize(
    "acronym, expansion, expected",
    [
        ("ONU", "Organisation des Nations unies", True),
        ("OTAN", "Organisation du traité de l’Atlantique nord", True),
        ("UE", "Union européenne", True),
        ("NSATU", "Groupe d’assistance", False),
        ("ONU", "Nations unies", False),
    ],
)
def test_acronyms(acronym, expansion, expected):
    assert is_acronym_of(acronym, expansion) is expected


def test_normalize_follows_the_reference_definition():
    assert normalize("  l\u2019OTAN , ") == "l'otan"
    assert normalize("Jean\u2014Paul") == "jean-paul"


@pytest.fixture(scope="module")
def judged(tmp_path_factory):
    out = tmp_path_factory.mktemp("judged")
    command = [sys.executable, "-m", "kbgen", "eval", str(FIXTURE / "judged"), "--project", str(FIXTURE / "project")]
    result = subprocess.run(
        [*command, "--json", str(out / "scores.json"), "--predictions", str(out / "pred.json")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return json.loads((out / "scores.json").read_text()), result.stdout, json.loads((out / "pred.json").read_text())


def test_judged_documents(judged):
    # visite: Bruxelles, Marie Dupont, OTAN right, Lyon typed ORG; retour: Bruxelles (LOC or ORG
    # accepted) and Marie Dupont (the bare Dupont resolved to her) right, Paul Martin missed.
    figures = judged[0]["scores"]["document"]
    assert figures["micro"] == pytest.approx({"P": 5 / 6, "R": 5 / 7, "F1": 10 / 13, "gold": 7, "pred": 6})
    assert figures["ORG"]["P"] == pytest.approx(1 / 2)
    assert judged[0]["errors"]["wrong type"] == {"ORG: Lyon": 1}
    assert judged[0]["errors"]["missed"] == {"LOC: lyon": 1, "PER: paul martin": 1}


def test_judged_pages(judged):
    # The set's unique entities: Marie Dupont, Bruxelles, OTAN right, Lyon (ORG) wrong; five expected.
    figures = judged[0]["scores"]["pages"]
    assert (figures["micro"]["P"], figures["micro"]["R"]) == pytest.approx((3 / 4, 3 / 5))
    assert figures["LOC"]["gold"] == 2


def test_judged_seeds_are_ingested(judged):
    # The title line is the article's title, not its text, and the seed's path names the document.
    assert sorted(judged[2]) == ["seeds/retour.txt", "seeds/visite.txt"]
    assert ["Marie Dupont", "PER"] in judged[2]["seeds/retour.txt"]


def test_a_name_written_as_its_entitys_alias_is_found_with_its_type_only():
    # The acronym merged into its expansion is on the expansion's page: found, and one page
    # counted once. A name written as the alias of an entity of another type is not found.
    from kbgen.evaluate import normalize
    from kbgen.judged import Judged, score

    expansion = "Centre national de la recherche scientifique"
    expected = {normalize(n): t for n, t in [(expansion, ("ORG",)), ("CNRS", ("ORG",)), ("France", ("LOC",))]}
    predicted = {
        "doc": {
            (expansion, "ORG"): {expansion, "CNRS"},
            ("Cécile de France", "PER"): {"France"},
        }
    }
    result = score({"doc": Judged(expected, frozenset())}, predicted)
    figures = result["scores"]["document"]
    assert (figures["ORG"]["R"], figures["ORG"]["P"], figures["ORG"]["pred"]) == (1.0, 1.0, 1)
    assert figures["LOC"]["R"] == 0.0
    assert result["errors"]["missed"] == {"LOC: france": 1}
    assert result["scores"]["pages"]["ORG"]["R"] == 1.0


def test_judged_list_naming_a_missing_seed_is_a_clear_error(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "judged.yml").write_text("seeds/nowhere.txt:\n  PER: [Marie Dupont]\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "kbgen", "eval", str(tmp_path), "--project", str(FIXTURE / "project")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "judged.yml:1: error: seeds/nowhere.txt: no such seed in the folder" in result.stderr
    assert "Traceback" not in result.stderr


BENCH_SETS = sorted(p.parent for p in (Path(__file__).parent.parent / "bench").glob("*/judged.yml"))


@pytest.mark.parametrize("folder", BENCH_SETS, ids=lambda p: p.name)
def test_bench_judged_lists_are_well_formed(folder):
    # A seed renamed or a type misspelt in a judged list is an error, not a set scored on less.
    from kbgen.judged import load_judged

    judged = load_judged(folder)
    assert judged and all(j.expected for j in judged.values())


def test_every_bench_judged_set_is_checked():
    assert {"modern_news", "modern_news_holdout", "modern_news_holdout2"} <= {p.name for p in BENCH_SETS}
