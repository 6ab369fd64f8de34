"""`kroniek read --workers N` prints what `kroniek read` prints; `kroniek batch` says what it did."""
from __future__ import annotations

import json
from pathlib import Path

from kroniek.cli import main


def test_read_workers_same_output(tmp_path: Path, capsys) -> None:
    lines = [json.dumps({"id": f"n{i}", "date": "2021-03", "text": f"Minister Hoekstra bezocht op {i + 1} maart Berlijn."})
             for i in range(6)]
    (tmp_path / "a.jsonl").write_text("\n".join(lines[:4]) + "\n{kapot\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("date 2021-03-09\n" + "De politie arresteerde dinsdag drie betogers.", encoding="utf-8")
    args = ["read", str(tmp_path / "a.jsonl"), str(tmp_path / "b.txt"), str(tmp_path / "weg.txt")]
    assert main(args) == 0
    one = capsys.readouterr().out
    assert main([*args, "--workers", "2"]) == 0
    two = capsys.readouterr().out
    assert two == one
    assert [json.loads(ln)["id"] for ln in two.splitlines()] == ["n0", "n1", "n2", "n3", "a:5", "b", "weg"]


def test_batch_unreachable_scheduler_is_a_clear_error(tmp_path: Path, capsys) -> None:
    import dask

    (tmp_path / "a.txt").write_text("Een zin.", encoding="utf-8")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        code = main(["batch", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--cluster", "tcp://127.0.0.1:9"])
    assert code == 2
    assert "kroniek:" in capsys.readouterr().err
