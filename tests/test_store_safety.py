"""The chronicle under bad conditions: foreign and corrupt files, bad paths, two writers, a full disk, SIGKILL."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

from kroniek.db import Chronicle, ChronicleError
from kroniek.store.synth import readings as synth_readings

# columns that record when, not what: they differ between any two runs
CLOCK = {"ingested_at", "seen_at"}
CONTENT_TABLES = ["articles", "sentences", "entities", "mentions", "times", "quantities", "events", "event_mentions",
                  "errors", "postings", "vocab"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (minus clock columns), sorted: two databases with the same snapshot hold the same."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        out = {}
        for t in CONTENT_TABLES:
            cols = [r[0] for r in con.execute(f"DESCRIBE {t}").fetchall() if r[0] not in CLOCK]
            sel = ", ".join(f'"{c}"' for c in cols)
            out[t] = con.execute(f"SELECT {sel} FROM {t} ORDER BY ALL").fetchall()
        return out
    finally:
        con.close()


def check_consistent(path: Path) -> int:
    """Invariants that hold after every committed batch; returns the number of articles."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        q = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        assert q("SELECT count(*) FROM event_mentions m LEFT JOIN events e USING (event_id) "
                 "WHERE e.event_id IS NULL") == 0
        assert q("SELECT count(*) FROM event_mentions m LEFT JOIN articles a USING (article_id) "
                 "WHERE a.article_id IS NULL") == 0
        assert q("SELECT count(*) FROM events e WHERE num_mentions <> "
                 "(SELECT count(*) FROM event_mentions m WHERE m.event_id = e.event_id)") == 0
        assert q("SELECT count(*) FROM articles a WHERE n_events <> "
                 "(SELECT count(*) FROM event_mentions m WHERE m.article_id = a.article_id)") == 0
        assert q("SELECT count(DISTINCT article_seq) FROM postings") == q("SELECT count(*) FROM articles")
        assert q("SELECT count(*) FROM (SELECT term_id, count(*) AS n FROM postings GROUP BY term_id) p "
                 "FULL JOIN vocab v ON v.term_id = p.term_id WHERE p.n IS DISTINCT FROM v.df") == 0
        return q("SELECT count(*) FROM articles")
    finally:
        con.close()


def dup_heavy_readings(n: int) -> list[dict[str, Any]]:
    """Synthetic articles, each followed later by another outlet's report of the same events (they merge)."""
    base = list(synth_readings(n, seed=11, events_per_article=3))
    copies = []
    for r in base:
        c = json.loads(json.dumps(r))
        c["id"], c["source"], c["url"] = r["id"] + "-b", "andere-bron", r["url"] + "/b"
        c["text"] = r["text"] + " Overgenomen."
        copies.append(c)
    out = []
    for i in range(n):  # copies trail their originals by a few batches, so merges cross batch boundaries
        out.append(base[i])
        if i >= 40:
            out.append(copies[i - 40])
    return out + copies[n - 40:]


def test_corrupt_file_is_refused_and_left_untouched(tmp_path):
    bad = tmp_path / "kapot.duckdb"
    bad.write_bytes(b"this is not a database at all\x00\x01" * 100)
    before = digest(bad)
    with pytest.raises(ChronicleError, match="not a DuckDB database"):
        Chronicle(bad)
    with pytest.raises(ChronicleError, match="not a DuckDB database"):
        Chronicle(bad, read_only=True)
    assert digest(bad) == before


def test_foreign_duckdb_database_is_refused_and_left_untouched(tmp_path):
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE sales (id INTEGER, amount DOUBLE)")
    con.execute("INSERT INTO sales VALUES (1, 9.5)")
    con.close()
    before = digest(other)
    with pytest.raises(ChronicleError, match="not a kroniek chronicle"):
        Chronicle(other)
    assert digest(other) == before
    con = duckdb.connect(str(other), read_only=True)
    assert con.execute("SELECT * FROM sales").fetchall() == [(1, 9.5)]
    con.close()


def test_bad_paths_are_clear(tmp_path):
    with pytest.raises(ChronicleError, match="does not exist"):
        Chronicle(tmp_path / "no" / "such" / "folder" / "c.duckdb")
    with pytest.raises(ChronicleError, match="is a folder"):
        Chronicle(tmp_path)
    afile = tmp_path / "plain.txt"
    afile.write_text("x")
    with pytest.raises(ChronicleError):
        Chronicle(afile / "c.duckdb")
    with pytest.raises(ChronicleError, match="no such database"):
        Chronicle(tmp_path / "missing.duckdb", read_only=True)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere: permissions cannot be tested as root")
def test_unwritable_folder(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        with pytest.raises(ChronicleError, match="no write permission"):
            Chronicle(ro / "c.duckdb")
    finally:
        ro.chmod(0o700)


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("mount"), reason="needs root to mount a read-only tmpfs")
def test_read_only_disk(tmp_path):
    mnt = tmp_path / "ro"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(mnt)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount tmpfs here")
    try:
        with pytest.raises(ChronicleError, match="read-only disk"):
            Chronicle(mnt / "c.duckdb")
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


HOLD = """
import sys, time
from kroniek.db import Chronicle
c = Chronicle(sys.argv[1])
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
c.close()
"""


def test_second_writer_refuses_clearly_or_waits(tmp_path):
    path = tmp_path / "c.duckdb"
    Chronicle(path).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path), "2"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(ChronicleError, match="in use by another process"):
            Chronicle(path)
        t0 = time.monotonic()
        with Chronicle(path, wait=30) as c:  # waits for the holder to finish, then works
            assert c.stats()["articles"] == 0
        assert time.monotonic() - t0 > 0.5
    finally:
        holder.kill()
        holder.wait()


class DiskFull(duckdb.IOException):
    pass


def test_injected_disk_full_mid_batch_keeps_database_consistent(tmp_path):
    """An OSError-like failure injected between the writes of a batch (stands in for ENOSPC)."""
    data = dup_heavy_readings(60)
    path = tmp_path / "c.duckdb"
    writes = {"n": 0}

    def fail(table: str) -> None:
        writes["n"] += 1
        if writes["n"] == 25:  # somewhere inside the third or fourth batch
            raise DiskFull("IO Error: No space left on device")

    with Chronicle(path, batch_size=16) as c:
        with pytest.raises(ChronicleError, match="No space left"):
            c.add_readings(data, _fail=fail)
    kept = check_consistent(path)
    assert 0 < kept < len(data) and kept % 16 == 0
    with Chronicle(path, batch_size=16) as c:
        c.add_readings(data)
    ref = tmp_path / "ref.duckdb"
    with Chronicle(ref, batch_size=16) as c:
        c.add_readings(data)
    assert snapshot(path) == snapshot(ref)


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("mount"), reason="needs root to mount a small tmpfs")
@pytest.mark.slow
def test_real_disk_full_on_small_tmpfs(tmp_path):
    mnt = tmp_path / "small"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1200k", "tmpfs", str(mnt)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount tmpfs here")
    try:
        path = mnt / "c.duckdb"
        data = list(synth_readings(1500, seed=5))
        # the database, its write-ahead log and the checkpoints outgrow 1.2 MB long before 1500 articles
        proc = subprocess.run([sys.executable, "-m", "kroniek.cli", "ingest", "--readings", "-", "--db", str(path),
                               "--quiet", "--batch-size", "50"], input="".join(json.dumps(r) + "\n" for r in data),
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode != 0
        assert "No space left" in proc.stderr or "space" in proc.stderr.lower(), proc.stderr[-2000:]
        assert "Traceback" not in proc.stderr
        # nothing half-written: what is there opens and is consistent (moved to a roomy disk to check)
        roomy = tmp_path / "moved"
        roomy.mkdir()
        for f in mnt.iterdir():
            shutil.copy(f, roomy / f.name)
        kept = check_consistent(roomy / "c.duckdb")
        assert kept < len(data)
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


@pytest.mark.slow
def test_sigkill_mid_ingest_then_rerun_equals_uninterrupted_run(tmp_path):
    data = dup_heavy_readings(240)
    src = tmp_path / "readings.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in data))
    path = tmp_path / "killed.duckdb"
    cmd = [sys.executable, "-m", "kroniek.cli", "ingest", "--readings", str(src), "--db", str(path),
           "--batch-size", "24"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        committed = 0
        for line in proc.stderr:
            if "committed" in line:
                committed += 1
                if committed == 3:
                    break
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    kept = check_consistent(path)
    assert 0 < kept < len(data), "the kill should land mid-run"

    again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr[-2000:]
    assert json.loads(again.stdout)["duplicates"] >= kept

    ref = tmp_path / "uninterrupted.duckdb"
    with Chronicle(ref, batch_size=24) as c:
        c.ingest_readings([src])
    assert check_consistent(path) == check_consistent(ref) == len(data)
    got, want = snapshot(path), snapshot(ref)
    for table in CONTENT_TABLES:
        assert got[table] == want[table], table
    with Chronicle(ref, read_only=True) as c:
        assert c.stats()["merged_events"] > 0  # the run really deduplicated across articles


@pytest.mark.slow
def test_parallel_ingest_equals_single_process(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(12):
        (folder / f"a{i:02d}.txt").write_text(f"date 2020-09-{i + 1:02d}\nBericht {i}: de betogingen in Minsk gaan door.\n")
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    with Chronicle(one, batch_size=5) as c:
        c.ingest([folder], names=["tokenize"])
    with Chronicle(two, batch_size=5) as c:
        st = c.ingest([folder], workers=2, names=["tokenize"])
    assert st["articles"] == 12
    assert snapshot(one) == snapshot(two)
