"""Regression test on the reference article: the whole pipeline, events as the dev gold expects."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from kroniek.analysis.model import MODEL_DIR
from kroniek.reader import read_paths

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "sotsji-2020-09.txt"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
GOLD = ROOT.parent / "shared" / "eval" / "dev"

pytestmark = pytest.mark.skipif(not (MODEL_DIR / "config.cfg").is_file(), reason="the Dutch model is not trained")


@pytest.fixture(scope="module")
def reading() -> dict:
    (res,) = list(read_paths([EXAMPLE]))
    assert res.ok, res.error
    return res.reading()


def _events(reading: dict, word: str) -> list[dict]:
    return [e for e in reading["events"] if e["trigger"]["text"] == word]


def test_pledge_arrests_and_protests_are_coded(reading: dict) -> None:
    (pledge,) = _events(reading, "toegezegd")
    assert pledge["plover"] == "AGREE" and pledge["modality"] == "intended"
    assert pledge["source"]["actor"][:3] == "RUS" and pledge["target"]["actor"][:3] == "BLR"
    q = [reading["quantities"][k]["value"] for k in pledge["quantities"]]
    assert 1.5e9 in q
    (arrest,) = _events(reading, "aangehouden")
    assert arrest["plover"] == "COERCE" and arrest["news_type"] == "Justice.ArrestJail"
    assert any(reading["quantities"][k]["value"] == 774 for k in arrest["quantities"])
    (causative,) = _events(reading, "oppakken")
    assert causative["source"]["actor"][:3] == "BLR" and causative["target"]["actor"][:3] == "RUS"
    protests = [e for e in reading["events"] if e["plover"] == "PROTEST"]
    assert len(protests) == 2
    assert all(e["news_type"] == "Conflict.Demonstrate" for e in protests)


def test_reporting_verbs_are_not_events(reading: dict) -> None:
    for word in ("zei", "meldde", "liet"):
        assert not [e for e in _events(reading, word) if e["plover"]]


def test_event_times_follow_the_weekdays_within_the_month(reading: dict) -> None:
    (talk,) = _events(reading, "spraken")
    assert talk["time"]["earliest"] <= "2020-09-14" <= talk["time"]["latest"]
    (protest,) = _events(reading, "gingen")
    assert protest["time"]["earliest"] <= "2020-09-13" <= protest["time"]["latest"]


@pytest.mark.skipif(not SCORER.is_file(), reason="the shared scorer is not here")
def test_reference_scores_meet_the_targets(reading: dict, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("score", SCORER)
    score = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(score)
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(reading, ensure_ascii=False) + "\n", encoding="utf-8")
    tot, _ = score.score_reading(score.load_gold_reading([str(GOLD)]), score.load_readings(str(path)))
    out = score.report_reading(tot)
    assert out["events_plover"]["f1"] >= 0.85
    assert out["events_plover_dyad"]["f1"] >= 0.75
    assert out["event_time_plover_acc"]["acc"] == 1.0


@pytest.mark.parametrize("word,plover,source,target", [
    ("toegezegd", "AGREE", "RUS", "BLR"), ("staat", "SUPPORT", "RUS", "BLR"), ("spraken", "CONSULT", "RUS", "BLR"),
    ("bedankte", "SUPPORT", "BLR", "RUS"), ("beloofde", "AGREE", "BLR", "RUS"),
    ("overeengekomen", "AGREE", "BLR", "RUS"), ("voortzetten", "COOPERATE", "RUS", "BLR"),
    ("sturen", "MOBILIZE", "RUS", "BLR"), ("oppakken", "COERCE", "BLR", "RUS"),
])
def test_reference_dyads(reading: dict, word: str, plover: str, source: str, target: str) -> None:
    """Each dyad of the reference article, so that a regression shows before the F1 targets would."""
    (ev,) = [e for e in _events(reading, word) if e["plover"]]
    assert ev["plover"] == plover
    assert (ev["source"]["actor"][:3], ev["target"]["actor"][:3]) == (source, target)
