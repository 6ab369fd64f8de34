"""The reference article: every time and quantity of its gold reading right, and no false hits."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kroniek.dates import parse_doc_date
from kroniek.doc import Document
from kroniek.pipeline import Pipeline

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "sotsji-2020-09.gold.json"


@pytest.fixture(scope="module")
def gold_and_doc():
    if not GOLD.exists():
        pytest.skip("the shared gold data is not here")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    doc = Document(gold["id"], gold["text"], parse_doc_date(gold["date"]))
    return gold, Pipeline(["tokenize", "quantities", "times"])(doc)


def _overlapping(items, g):
    return [x for x in items if x.start < g["end"] and g["start"] < x.end]


def test_every_gold_time_found_and_normalised(gold_and_doc):
    gold, doc = gold_and_doc
    for g in gold["times"]:
        hits = _overlapping(doc.times, g)
        assert len(hits) == 1, g["text"]
        t = hits[0]
        assert t.type == g["type"], g["text"]
        if "truth" in g:
            lo, hi, truth = date.fromisoformat(t.earliest), date.fromisoformat(t.latest), date.fromisoformat(g["truth"])
            assert lo <= truth <= hi and (hi - lo).days <= 31, g["text"]
        else:
            assert t.value == g["value"], g["text"]


def test_no_time_outside_the_gold(gold_and_doc):
    gold, doc = gold_and_doc
    extra = [t.text for t in doc.times if not any(t.start < g["end"] and g["start"] < t.end for g in gold["times"])]
    assert extra == []


def test_every_gold_quantity_right(gold_and_doc):
    gold, doc = gold_and_doc
    for g in gold["quantities"]:
        hits = _overlapping(doc.quantities, g)
        assert len(hits) == 1, g["text"]
        q = hits[0]
        assert q.value == g["value"] and q.unit == g.get("unit", q.unit), g["text"]


def test_monday_and_sunday_are_consistent(gold_and_doc):
    _, doc = gold_and_doc
    monday = next(t for t in doc.times if t.text == "maandag")
    sunday = next(t for t in doc.times if t.text == "zondag")
    assert (monday.earliest, monday.latest) == ("2020-08-31", "2020-09-28")
    assert (sunday.earliest, sunday.latest) == ("2020-08-30", "2020-09-27")
