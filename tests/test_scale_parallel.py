"""read_parallel: worker processes give the same readings as one process, in input order, errors in place."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kroniek.input import Article, ArticleError
from kroniek.reader import read_paths
from kroniek.scale.parallel import ShippedResult, chunked, read_items_parallel, read_parallel


def _corpus(folder: Path, n: int = 30) -> list[Path]:
    lines = [
        json.dumps({"id": f"a{i}", "date": f"2020-09-{i % 28 + 1:02d}",
                    "text": f"Op maandag kwam president Poetin in Sotsji aan. Hij beloofde {i} miljoen dollar."})
        for i in range(n)
    ]
    lines.insert(5, "{not json")
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "one.txt").write_text("date 2021-01-02\nDe minister sprak gisteren in Den Haag.", encoding="utf-8")
    (folder / "empty.txt").write_text("date 2021-01-02\n", encoding="utf-8")
    return [folder / "batch.jsonl", folder / "one.txt", folder / "empty.txt", folder / "missing.txt"]


def test_same_readings_as_one_process_in_order(tmp_path: Path) -> None:
    from kroniek.output.conllu import to_conllu

    paths = _corpus(tmp_path)
    single = list(read_paths(paths))
    parallel = list(read_parallel(paths, workers=2, chunk_size=4, conllu=True))
    assert all(isinstance(r, ShippedResult) for r in parallel)
    assert [r.reading() for r in parallel] == [r.reading() for r in single]
    assert [r.conllu for r in parallel if r.ok] == [to_conllu(r.doc) for r in single if r.doc is not None]
    assert [r.id for r in parallel][:3] == ["a0", "a1", "a2"]
    errors = [r for r in parallel if not r.ok]
    assert {r.id for r in errors} == {"batch:6", "empty", "missing"}  # bad input stays in its place


def test_one_worker_reads_in_process(tmp_path: Path) -> None:
    paths = _corpus(tmp_path, 3)
    results = list(read_parallel(paths, workers=1))
    assert results[0].doc is not None  # the document itself, not a shipped copy


# The pool mechanics below run a tokenizer-only pipeline: they test ordering and flow, not the models.
LIGHT = ("tokenize",)


def test_input_is_pulled_lazily_and_errors_stay_in_place() -> None:
    pulled = 0

    def items():
        nonlocal pulled
        yield ArticleError("bad", "bad date")
        for i in range(1000):
            pulled += 1
            yield Article.build(f"x{i}", f"Zin nummer {i} staat hier.")

    results = read_items_parallel(items(), workers=2, chunk_size=5, in_flight=3, names=LIGHT)
    first, second = next(results), next(results)
    assert (first.id, first.ok, first.error) == ("bad", False, "bad date")
    assert (second.id, second.ok) == ("x0", True) and second.reading()["text"] == "Zin nummer 0 staat hier."
    assert pulled <= 5 * 3 + 5  # a bounded window of chunks, not the whole input
    results.close()


@pytest.mark.parametrize("n,size", [(0, 3), (7, 3), (6, 3), (2, 10)])
def test_chunked(n: int, size: int) -> None:
    chunks = list(chunked(range(n), size))
    assert [x for c in chunks for x in c] == list(range(n))
    assert all(len(c) == size for c in chunks[:-1]) and all(chunks)


def test_a_killed_worker_costs_nothing() -> None:
    import psutil

    items = [Article.build(f"k{i}", f"Dit is zin nummer {i}.") for i in range(40)]
    results = read_items_parallel(iter(items), workers=2, chunk_size=2, in_flight=4, names=LIGHT)
    got = [next(results)]
    me = psutil.Process()
    workers = [p for p in me.children(recursive=True) if p.ppid() != me.pid]  # forked by the forkserver
    assert workers
    workers[0].kill()
    got.extend(results)
    assert [r.id for r in got] == [a.id for a in items]
    assert all(r.ok for r in got)  # the chunks in flight were read again by a fresh pool
