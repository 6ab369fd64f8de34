"""`kroniek batch` on a real distributed.LocalCluster (2 workers) gives the single-process readings, article by article."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from kroniek.reader import read_paths
from kroniek.scale.distributed import local_cluster, run_batch
from kroniek.scale.parquet import done_marker, iter_readings

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    cluster = local_cluster(2)
    c = distributed.Client(cluster)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


def _corpus(folder: Path) -> list[Path]:
    lines = [
        json.dumps({"id": f"a{i}", "date": ["2020-09-14", "2020-10", None][i % 3],
                    "text": f"Op maandag ontmoette president Poetin in Sotsji Loekasjenko. Rusland leent {i} miljard dollar."})
        for i in range(14)
    ]
    lines.insert(3, "{not json")
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "kort.txt").write_text("date 2019-03-01\nDe rechter in Utrecht veroordeelde gisteren twee mannen.",
                                     encoding="utf-8")
    return [folder / "news.jsonl", folder / "kort.txt", folder / "missing.txt"]


def test_cluster_equals_single_process(client, tmp_path: Path) -> None:
    paths = _corpus(tmp_path)
    out = tmp_path / "out"
    stats = run_batch(paths, out, client, partition_size=4)
    assert (stats.partitions, stats.skipped, stats.failed) == (5, 0, 0)
    assert stats.articles == 17 and stats.errors == 2

    single = [r.reading() for r in read_paths(paths)]
    got = {r["id"]: r for r in iter_readings(out)}
    assert len(got) == len(single)
    for want in single:  # article by article
        assert got[want["id"]] == want

    # a re-run writes nothing; losing one partition's marker re-does exactly that partition, in place
    files = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    again = run_batch(paths, out, client, partition_size=4)
    assert (again.partitions, again.skipped) == (0, 5)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == files
    marker = sorted((out / "_done").glob("*.json"))[0]
    marker.unlink()
    redo = run_batch(paths, out, client, partition_size=4)
    assert (redo.partitions, redo.skipped) == (1, 4)
    assert done_marker(out, marker.stem).exists()
    assert sorted(r["id"] for r in iter_readings(out)) == sorted(r["id"] for r in single)


def test_ingest_on_the_cluster(client, tmp_path: Path, capsys) -> None:
    from kroniek.cli import main
    from kroniek.db import Chronicle

    paths = [str(p) for p in _corpus(tmp_path)]
    db = tmp_path / "chronicle.duckdb"
    argv = ["ingest", *paths, "--db", str(db), "--cluster", client.scheduler.address, "--partition-size", "6"]
    assert main(argv) == 0
    first = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert first["batch"]["partitions"] == 3 and first["articles"] == 15
    assert (tmp_path / "chronicle.duckdb.parquet" / "articles").is_dir()
    with Chronicle(db, read_only=True) as chron:
        stored = chron.stats()
    assert stored["articles"] == 15

    assert main(argv) == 0  # a re-run reads nothing again and stores nothing new
    again = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert again["batch"]["skipped"] == 3 and again["batch"]["partitions"] == 0 and again["articles"] == 0
    with Chronicle(db, read_only=True) as chron:
        assert chron.stats()["articles"] == 15


def test_a_home_country_reaches_the_workers_and_is_part_of_the_partition_key(client, tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "k1", "date": "2021-05-24",
                                                  "text": "De regering liet tientallen betogers oppakken."}) + "\n",
                                      encoding="utf-8")
    paths = [tmp_path / "a.jsonl"]
    out = tmp_path / "out"
    plain = run_batch(paths, out, client, partition_size=4)
    homed = run_batch(paths, out, client, partition_size=4, country="BLR")
    assert (plain.partitions, homed.partitions, homed.skipped) == (1, 1, 0)  # another key: read again
    got = {r["id"]: r for r in iter_readings(out, keys=homed.keys)}
    [want] = [r.reading() for r in read_paths(paths, country="BLR")]
    assert got["k1"] == want
    assert any((e.get("source") or {}).get("actor") == "BLRGOV" for e in want["events"])
