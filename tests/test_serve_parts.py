"""The server's small parts: frames to JSON, the bundled map outline and its checks."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kroniek.serve.frames import clean, records, utf8_safe
from kroniek.serve.outline import OutlineError, build_rings, read_outline, simplify


def test_records_from_polars_and_pandas() -> None:
    import pandas as pd
    import polars as pl

    rows = [{"period": dt.date(2020, 9, 1), "events": 2, "g": float("nan")}]
    assert records(pl.DataFrame(rows)) == [{"period": "2020-09-01", "events": 2, "g": None}]
    got = records(pd.DataFrame(rows))
    assert got[0]["events"] == 2 and got[0]["g"] is None
    assert records(None) == []


def test_clean_makes_values_json_safe() -> None:
    value = {"a": [float("inf"), 1.5, (dt.date(2020, 1, 2),)], "b": {"c": None}}
    assert clean(value) == {"a": [None, 1.5, ["2020-01-02"]], "b": {"c": None}}
    json.dumps(clean(value))


def test_utf8_safe_replaces_lone_surrogates() -> None:
    got = utf8_safe({"a": ["x\ud800y", 1], "\udfff": None})
    assert got == {"a": ["x?y", 1], "?": None}
    json.dumps(got, ensure_ascii=False).encode("utf-8")


def test_shipped_outline_is_valid_and_small() -> None:
    rings = read_outline()
    assert len(rings) > 150
    assert sum(map(len, rings)) < 20_000
    # Belarus lies around 27°E 53°N: some ring must have points near it
    assert any(any(23 <= x <= 33 and 51 <= y <= 56 for x, y in r) for r in rings)


@pytest.mark.parametrize(("content", "needle"), [
    ("not json", "cannot read"),
    ('{"ring": []}', "no list under 'rings'"),
    ('{"rings": [[[0, 0], [1, 1]]]}', "ring 0 has fewer than 3 points"),
    ('{"rings": [[[0, 0], [1, 1], [200, 1]]]}', "ring 0 point 2"),
    ('{"rings": [[[0, 0], [1, 1], [1, "a"]]]}', "ring 0 point 2"),
])
def test_bad_outline_names_file_and_place(tmp_path: Path, content: str, needle: str) -> None:
    path = tmp_path / "world.json"
    path.write_text(content)
    with pytest.raises(OutlineError, match=needle) as err:
        read_outline(path)
    assert str(path) in str(err.value)


def test_simplify_keeps_corners_and_drops_straight_points() -> None:
    square = [[0, 0], [0.5, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
    assert simplify(square, 0.1) == [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
    feature = {"geometry": {"type": "Polygon", "coordinates": [square]}}
    assert build_rings([feature], 0.1) == [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]
    assert build_rings([{"geometry": {"type": "MultiPolygon", "coordinates": [[square], [square[:3]]]}}], 0.1) \
        == [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]
