"""Parquet output of `kroniek batch`: date partitions, flat columns DuckDB can query, readings back unchanged."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from kroniek.input import Article, ArticleError
from kroniek.scale.parquet import date_partition, is_done, iter_readings, partition_key, write_partition


def _reading(id_: str, date: str | None, events: int = 0) -> dict:
    return {
        "id": id_, "date": date, "language": "nl", "title": None, "url": None, "source": None,
        "text": "Poetin ontmoette Loekasjenko.",
        "sentences": [{"start": 0, "end": 29, "tokens": [{"start": 0, "end": 6, "text": "Poetin"}]}],
        "entities": [], "times": [], "quantities": [],
        "events": [{"id": f"v{k}", "trigger": {"start": 7, "end": 17, "text": "ontmoette"}, "sentence": 0,
                    "plover": "CONSULT", "cameo": "040", "source": {"actor": "RUSGOV", "entity": "e1", "text": "Poetin"},
                    "target": {"actor": "BLRGOV", "entity": "e2", "text": "Loekasjenko"},
                    "time": {"value": None, "earliest": "2020-09-01", "latest": "2020-09-30"}, "modality": "asserted"}
                   for k in range(1, events + 1)],
        "warnings": [], "kroniek": {"schema": 1},
    }


def test_written_by_date_and_read_back(tmp_path: Path) -> None:
    readings = [_reading("a", "2020-09", 2), _reading("b", "2021-01-05"), {"id": "c", "error": "bad date"},
                _reading("d", "2020-09-14T10:00:00Z", 1), _reading("e", None)]
    summary = write_partition(readings, tmp_path, "k1")
    assert summary["articles"] == 5 and summary["errors"] == 1 and summary["events"] == 3
    assert is_done(tmp_path, "k1") and not is_done(tmp_path, "k2")
    assert (tmp_path / "articles" / "year=2020" / "month=9" / "part-k1.parquet").is_file()
    assert (tmp_path / "events" / "year=2020" / "month=9" / "part-k1.parquet").is_file()
    assert not list(tmp_path.rglob("*.tmp"))
    back = list(iter_readings(tmp_path))
    assert sorted(back, key=lambda r: r["id"]) == sorted(readings, key=lambda r: r["id"])
    assert [r["id"] for r in iter_readings(tmp_path, errors=False)] == ["e", "a", "d", "b"]  # by date, then input order


def test_duckdb_queries_the_folder(tmp_path: Path) -> None:
    write_partition([_reading("a", "2020-09", 2), _reading("b", "2020-10-01", 1)], tmp_path, "k1")
    write_partition([_reading("c", "2020-09-30", 1)], tmp_path, "k2")
    con = duckdb.connect()
    rows = con.execute(
        f"SELECT year, month, count(*) FROM read_parquet('{tmp_path}/events/**/*.parquet', hive_partitioning=true) "
        "WHERE source_actor LIKE 'RUS%' GROUP BY ALL ORDER BY ALL").fetchall()
    assert rows == [(2020, 9, 3), (2020, 10, 1)]
    (n,) = con.execute(
        f"SELECT sum(n_events) FROM read_parquet('{tmp_path}/articles/**/*.parquet') WHERE date_earliest >= '2020-09-01'"
    ).fetchone()
    assert n == 4


def test_rewrite_replaces_instead_of_adding(tmp_path: Path) -> None:
    write_partition([_reading("a", "2020-09")], tmp_path, "k1")
    write_partition([_reading("a", "2020-09")], tmp_path, "k1")
    assert [r["id"] for r in iter_readings(tmp_path)] == ["a"]


def test_partition_key_follows_content_and_order() -> None:
    a = Article.build("a", "Een zin.", date="2020-09")
    b = Article.build("b", "Nog een zin.")
    err = ArticleError("c", "bad date")
    assert partition_key([a, b, err]) == partition_key([a, b, err])
    assert partition_key([a, b]) != partition_key([b, a])
    assert partition_key([a, b]) != partition_key([a, Article.build("b", "Nog een andere zin.")])
    assert partition_key([a]) != partition_key([a], salt="tokenize")


@pytest.mark.parametrize("date,want", [("2020-09", (2020, 9)), ("1999", (1999, 1)), (None, (0, 0)), ("bad", (0, 0))])
def test_date_partition(date: str | None, want: tuple[int, int]) -> None:
    assert date_partition({"date": date}) == want


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such folder"):
        list(iter_readings(tmp_path / "nope"))
