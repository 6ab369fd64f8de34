"""Throughput of the whole reading pipeline: one process, all cores, and a Dask LocalCluster, side by side.

    python benchmarks/throughput.py [--limit N] [--workers N] [--modes single,multi,dask] [--data ../shared/data]

The corpus is built from the raw text in the shared data (EventDNA documents, CoNLL-2002 documents and
UD Dutch sentences grouped into documents by their sent_id), written as JSON Lines files with dates
spread over 2019-2021 into a temporary folder. Each mode reads the whole corpus, models loaded inside
the clock (a real run pays for them too):

- single: `read_paths` in this process, every reading serialised to JSON as `kroniek read` does;
- multi: `read_parallel` on N worker processes (default: all cores), readings serialised likewise;
- dask: `run_batch` on a `distributed.LocalCluster` of N single-threaded workers, writing Parquet.

It reports articles/s, words/s (tokens of the readings) and peak memory: of all processes together and
of the largest single process (sampled every 0.1 s with psutil), and CPU seconds of all of them. Frog (the
reference Dutch pipeline) reads the first `--frog-words` words of the same text through the accuracy benchmark's
`frog_speed` helper (one thread, start-up subtracted); without Frog or the helper it is skipped.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?)\]'](?:\s|$))")
_NO_SPACE_AFTER = re.compile(r"([(\[]) ")


def detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens)
    return _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", text + " ")).strip()


def eventdna_docs(data: Path) -> Iterator[str]:
    for split in ("train", "dev"):
        for path in sorted((data / "eventdna-nl" / split).glob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))["doc"]
            words = doc["token_string"].split(" ")
            sents = [detokenize([words[i] for i in s["token_ids"]]) for s in doc["sentences"].values()]
            yield " ".join(s for s in sents if s)


def conll2002_docs(data: Path) -> Iterator[str]:
    for name in ("ned.train", "ned.testa"):
        sents: list[str] = []
        words: list[str] = []
        for line in (data / "ner-nl" / "conll2002" / name).read_text(encoding="latin-1").splitlines():
            if line.startswith("-DOCSTART-"):
                if sents:
                    yield " ".join(sents)
                sents = []
            elif not line.strip():
                if words:
                    sents.append(detokenize(words))
                words = []
            else:
                words.append(line.split(" ")[0])
        if words:
            sents.append(detokenize(words))
        if sents:
            yield " ".join(sents)


def ud_docs(data: Path, sents_per_doc: int = 25) -> Iterator[str]:
    """UD sentences in documents: by the document part of the sent_id, else runs of `sents_per_doc`."""
    for path in sorted((data / "ud-nl").glob("*/*.conllu")):
        docs: dict[str, list[str]] = {}
        key, n = "", 0
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# sent_id = "):
                sid = line.split("= ", 1)[1]
                key = sid.split(".p.")[0] if ".p." in sid else f"run{n // sents_per_doc}"
                n += 1
            elif line.startswith("# text = "):
                docs.setdefault(key, []).append(line.split("= ", 1)[1])
        for sents in docs.values():
            yield " ".join(sents)


def build_corpus(data: Path, folder: Path, limit: int | None, per_file: int = 200) -> dict[str, int]:
    """Interleave the three sources (so any prefix is a mix) into JSON Lines files under `folder`."""
    sources = [eventdna_docs(data), conll2002_docs(data), ud_docs(data)]
    docs: list[str] = []
    while sources and (limit is None or len(docs) < limit):
        for src in list(sources):
            doc = next(src, None)
            if doc is None:
                sources.remove(src)
            elif len(doc.split()) >= 5:
                docs.append(doc)
    docs = docs[:limit] if limit else docs
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, len(docs), per_file):
        lines = []
        for i, text in enumerate(docs[start : start + per_file], start):
            date = f"{2019 + i % 3}-{i % 12 + 1:02d}-{i % 28 + 1:02d}"
            lines.append(json.dumps({"id": f"doc{i}", "date": date, "text": text}, ensure_ascii=False))
        (folder / f"corpus-{start // per_file:04d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"articles": len(docs), "words": sum(len(d.split()) for d in docs), "chars": sum(map(len, docs))}


class PeakMemory:
    """Samples the resident memory of this process and all its descendants."""

    def __init__(self, interval: float = 0.1):
        self.interval = interval
        self.total = 0
        self.largest = 0
        self.children = 0  # the most worker processes seen at once
        self.cpu: dict[int, float] = {}  # pid -> CPU seconds last seen (workers are not our children to reap)
        self._cpu0 = self._own_cpu()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _own_cpu() -> float:
        t = psutil.Process().cpu_times()
        return t.user + t.system

    @property
    def cpu_seconds(self) -> float:
        me = os.getpid()
        return sum(v for pid, v in self.cpu.items() if pid != me) + self._own_cpu() - self._cpu0

    def _sample(self) -> None:
        me = psutil.Process()
        procs = [me, *me.children(recursive=True)]
        rss = []
        for p in procs:
            try:
                rss.append(p.memory_info().rss)
                t = p.cpu_times()
                self.cpu[p.pid] = t.user + t.system
            except psutil.Error:
                pass
        self.total = max(self.total, sum(rss))
        self.largest = max(self.largest, max(rss[1:], default=0))
        self.children = max(self.children, len(procs) - 1)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> PeakMemory:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()


def _count(reading: dict[str, Any]) -> int:
    return sum(len(s.get("tokens") or []) for s in reading.get("sentences") or [])


def _consume(results: Iterable[Any]) -> dict[str, Any]:
    """Serialise every reading as `kroniek read` does; count articles, words and errors."""
    n = words = errors = 0
    examples: Counter[str] = Counter()
    with open(os.devnull, "w") as sink:
        for res in results:
            reading = res.reading()
            sink.write(json.dumps(reading, ensure_ascii=False) + "\n")
            n += 1
            words += _count(reading)
            if not res.ok:
                errors += 1
                examples[str(res.error)[:200]] += 1
    return {"articles": n, "errors": errors, "words": words, "error_examples": examples.most_common(3)}


def run_single(corpus: Path) -> dict[str, Any]:
    from kroniek.reader import read_paths

    return _consume(read_paths([corpus], warn=lambda m: None))


def run_multi(corpus: Path, workers: int) -> dict[str, Any]:
    from kroniek.scale.parallel import read_parallel

    return _consume(read_parallel([corpus], workers, warn=lambda m: None))


def run_dask(corpus: Path, workers: int, out: Path, articles: int) -> dict[str, Any]:
    import duckdb
    from distributed import Client

    from kroniek.scale.distributed import local_cluster, run_batch

    cluster = local_cluster(workers)
    client = Client(cluster)
    try:
        # enough partitions that every worker stays busy to the end (a real archive has thousands)
        size = max(4, min(256, articles // (8 * workers)))
        stats = run_batch([corpus], out, client, partition_size=size, warn=lambda m: None)
    finally:
        client.close()
        cluster.close()
    (words,) = duckdb.sql(f"SELECT sum(n_tokens) FROM read_parquet('{out}/articles/**/*.parquet')").fetchone()
    return {"articles": stats.articles, "errors": stats.errors, "words": int(words or 0), "failed": stats.failed}


def frog_helper() -> Any:
    """The accuracy benchmark's Frog timer (`frog_speed(inp, work, limit_words)`), when it has one."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import accuracy  # type: ignore[import-not-found]
    except Exception:
        return None
    fn = getattr(accuracy, "frog_speed", None)
    return fn if callable(fn) else None


def run_frog(frog_speed: Any, corpus: Path, work: Path, limit_words: int) -> dict[str, Any]:
    """Frog on the corpus's own sentences, tokenised by kroniek (Frog gets one pre-tokenised sentence per line)."""
    from kroniek.input import iter_articles
    from kroniek.pipeline import get_component

    tokenize = get_component("tokenize")
    lines, n = [], 0
    for art in iter_articles([corpus], warn=lambda m: None):
        if n >= limit_words or not hasattr(art, "to_document"):
            continue
        doc = tokenize(art.to_document())
        for si in range(len(doc.sentences)):
            words = [t.text for t in doc.sentence_tokens(si)]
            lines.append(" ".join(words))
            n += len(words)
    inp = work / "frog-sentences.txt"
    inp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return frog_speed(inp, work, limit_words)


def measure(name: str, fn: Any, *args: Any) -> dict[str, Any]:
    print(f"[throughput] {name} ...", file=sys.stderr, flush=True)
    with PeakMemory() as mem:
        t0 = time.perf_counter()
        out = fn(*args)
        dt = time.perf_counter() - t0
    cpu = mem.cpu_seconds
    out.update({
        "mode": name,
        "seconds": round(dt, 2),
        "articles_per_s": round(out["articles"] / dt, 2),
        "words_per_s": round(out["words"] / dt, 1),
        # on a shared machine wall time depends on the neighbours; CPU time is what the work itself costs
        "cpu_seconds": round(cpu, 2),
        "articles_per_cpu_s": round(out["articles"] / cpu, 2) if cpu else None,
        "peak_memory_mb_total": round(mem.total / 2**20, 1),
        "peak_memory_mb_largest_worker": round(mem.largest / 2**20, 1) if mem.children else None,
        "processes": 1 + mem.children,
    })
    print(f"[throughput] {json.dumps(out)}", file=sys.stderr, flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=3000, help="articles in the corpus (0: all, about 2,600)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--modes", default="single,multi,dask")
    ap.add_argument("--frog-words", type=int, default=20_000, help="words of the corpus Frog reads (0: skip Frog)")
    a = ap.parse_args()

    results: dict[str, Any] = {"cpus": os.cpu_count(), "workers": a.workers}
    with tempfile.TemporaryDirectory(prefix="kroniek-throughput-") as tmp:
        corpus = Path(tmp) / "corpus"
        results["corpus"] = build_corpus(a.data, corpus, a.limit or None)
        runs = []
        for mode in a.modes.split(","):
            if mode == "single":
                runs.append(measure("single", run_single, corpus))
            elif mode == "multi":
                runs.append(measure(f"multi-{a.workers}", run_multi, corpus, a.workers))
            elif mode == "dask":
                runs.append(measure(f"dask-local-{a.workers}", run_dask, corpus, a.workers, Path(tmp) / "parquet",
                                    results["corpus"]["articles"]))
            else:
                raise SystemExit(f"unknown mode {mode!r}: single, multi or dask")
        results["runs"] = runs
        by = {r["mode"].split("-")[0]: r for r in runs}
        if "single" in by and "multi" in by:
            results["multi_over_single"] = round(by["multi"]["articles_per_s"] / by["single"]["articles_per_s"], 2)
        if "dask" in by and "multi" in by:
            results["dask_over_multi"] = round(by["dask"]["articles_per_s"] / by["multi"]["articles_per_s"], 2)
        frog = frog_helper() if a.frog_words else None
        if frog is None:
            results["frog"] = "skipped: --frog-words 0, or benchmarks/accuracy.py has no frog_speed helper"
            print(f"[throughput] {results['frog']}", file=sys.stderr)
        else:
            print("[throughput] frog ...", file=sys.stderr, flush=True)
            results["frog"] = fr = run_frog(frog, corpus, Path(tmp), a.frog_words)
            single = by.get("single")
            if single and fr.get("words_per_s"):
                # Frog runs on one thread: compare it with the single process, per wall and per CPU second
                results["kroniek_single_over_frog_words_per_s"] = round(single["words_per_s"] / fr["words_per_s"], 2)
                if fr.get("words_per_cpu_s") and single["cpu_seconds"]:
                    ours = single["words"] / single["cpu_seconds"]
                    results["kroniek_single_over_frog_words_per_cpu_s"] = round(ours / fr["words_per_cpu_s"], 2)
    json.dump(results, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
