"""Accuracy and speed of kroniek's Dutch model on the dev sets, scored by the official scorer.

    python benchmarks/accuracy.py [--data ../shared/data] [--out benchmarks/out/accuracy] [--frog] [--limit-words N]

- UD Alpino dev and UD LassySmall dev: UPOS, lemma, feats, UAS, LAS, exactly as the project measures them:
  `score.py input ud GOLD > in.txt; kroniek read --pretokenized --format conllu in.txt > out.conllu;
  score.py ud GOLD --readings out.conllu`.
- CoNLL-2002 ned.testa: NER P/R/F1 per type, twice: through the full `kroniek read --format json`
  (mentions as the entity layer resolves them) and for the recogniser alone (every NER mention as an entity).
- Speed: words per CPU second (and per wall second) of the full pipeline and of analysis alone, one process
  (the ned.testa text in 20-sentence documents, model loaded before the clock starts); with --frog, Frog
  (`frog --threads=1`, pre-tokenised, start-up subtracted) on the first sentences of the same text, and the ratio.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"


def sh(cmd: list[str], out: Path | None = None) -> str:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", PYTHONIOENCODING="utf-8")
    if out is None:
        return subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
    with out.open("w", encoding="utf-8") as f:
        subprocess.run(cmd, check=True, stdout=f, env=env)
    return ""


def kroniek() -> list[str]:
    exe = shutil.which("kroniek", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "kroniek.cli"]


def score_ud(gold: Path, work: Path) -> dict:
    inp, out = work / f"{gold.stem}.txt", work / f"{gold.stem}.out.conllu"
    sh([sys.executable, str(SCORER), "input", "ud", str(gold)], inp)
    sh([*kroniek(), "read", "--pretokenized", "--format", "conllu", str(inp)], out)
    return json.loads(sh([sys.executable, str(SCORER), "ud", str(gold), "--readings", str(out)]))


def recogniser_readings(inp: Path, out: Path) -> None:
    """Readings whose entities are the recogniser's mentions, one entity each."""
    from kroniek.pipeline import Pipeline
    from kroniek.reader import read_paths

    nlp = Pipeline(["tokenize", "analyze"])
    with out.open("w", encoding="utf-8") as f:
        for res in read_paths([str(inp)], pretokenized=True, pipeline=nlp, warn=lambda m: None):
            ms = res.doc.mentions if res.doc is not None else []
            ents = [{"type": m.type, "mentions": [{"start": m.start, "end": m.end, "text": m.text}]} for m in ms]
            f.write(json.dumps({"id": res.id, "text": res.doc.text if res.doc else "", "entities": ents}) + "\n")


def score_ner(gold: Path, work: Path) -> dict:
    inp = work / "ner.txt"
    sh([sys.executable, str(SCORER), "input", "ner", str(gold)], inp)
    full, alone = work / "ner.full.jsonl", work / "ner.recogniser.jsonl"
    sh([*kroniek(), "read", "--pretokenized", "--format", "json", str(inp)], full)
    recogniser_readings(inp, alone)
    score = [sys.executable, str(SCORER), "ner", str(gold), "--readings"]
    return {"recogniser": json.loads(sh([*score, str(alone)])), "full_pipeline": json.loads(sh([*score, str(full)]))}


def speed(inp: Path, limit_words: int) -> dict:
    """Words/s in this process, on one core: analysis alone and the full default pipeline."""
    from kroniek.doc import Document
    from kroniek.pipeline import ComponentError, Pipeline, default_pipeline

    sents = [line.split(" ") for line in inp.read_text(encoding="utf-8").split("\n") if line.strip()]
    docs, cur, n = [], [], 0
    for s in sents:  # ~20-sentence documents, the size of a news article
        cur.append(s)
        n += len(s)
        if len(cur) == 20:
            docs.append(cur)
            cur = []
        if n >= limit_words:
            break
    if cur:
        docs.append(cur)
    out = {}
    for name, nlp in (("analyze", Pipeline(["tokenize", "analyze"])), ("full_pipeline", default_pipeline())):
        nlp(Document(id="warm", text="Dit is een zin .", pretokenized=[["Dit", "is", "een", "zin", "."]]))
        words = failed = 0
        t0, c0 = time.perf_counter(), time.process_time()
        # Pipeline.pipe, as `kroniek read` does: the analyser batches sentences across documents
        batch = (Document(id=str(k), text="\n".join(" ".join(s) for s in d), pretokenized=d) for k, d in enumerate(docs))
        for doc in nlp.pipe(batch):
            if isinstance(doc, ComponentError):  # counted, not timed as words: a speed figure must not hide failures
                failed += 1
            else:
                words += len(doc.tokens)
        dt, cpu = time.perf_counter() - t0, time.process_time() - c0
        # CPU seconds are the honest "one core" figure on a shared machine; wall seconds are shown beside them
        out[name] = {"words": words, "cpu_seconds": round(cpu, 2), "words_per_cpu_s": round(words / cpu),
                     "wall_seconds": round(dt, 2), "words_per_s": round(words / dt), "failed_documents": failed,
                     "pipeline": nlp.names}
    return out


def frog_speed(inp: Path, work: Path, limit_words: int) -> dict:
    frog = shutil.which("frog")
    if frog is None:
        return {"error": "frog is not installed (Debian: apt-get install frog frogdata)"}
    lines, n = [], 0
    for line in inp.read_text(encoding="utf-8").split("\n"):
        if line.strip():
            lines.append(line)
            n += len(line.split(" "))
        if n >= limit_words:
            break
    src = work / "frog-in.txt"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # one sentence per line, pre-tokenised: the same units kroniek gets; Frog's start-up is timed apart
    base = [frog, "--threads=1", "-n", "--skip=t", "--nostdout", "-o", str(work / "frog-out.tsv")]
    def cpu() -> float:
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return r.ru_utime + r.ru_stime

    empty = work / "frog-empty.txt"
    empty.write_text("Dit is een zin .\n", encoding="utf-8")
    t0, c0 = time.perf_counter(), cpu()
    sh([*base, "-t", str(empty)])
    startup, startup_cpu = time.perf_counter() - t0, cpu() - c0
    t0, c0 = time.perf_counter(), cpu()
    sh([*base, "-t", str(src)])
    dt, dc = time.perf_counter() - t0 - startup, cpu() - c0 - startup_cpu
    return {"words": n, "cpu_seconds": round(dc, 2), "words_per_cpu_s": round(n / dc), "wall_seconds": round(dt, 2),
            "words_per_s": round(n / dt), "startup_seconds": round(startup, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=SHARED / "data")
    ap.add_argument("--out", type=Path, help="keep the inputs and readings here (default: a temporary folder)")
    ap.add_argument("--frog", action="store_true", help="also time Frog on the same text")
    ap.add_argument("--limit-words", type=int, default=20000, help="words for the speed runs")
    ap.add_argument("--frog-words", type=int, default=3000, help="words for Frog (it is slow)")
    ap.add_argument("--skip", default="", help="comma-separated parts to leave out: ud,ner,speed")
    a = ap.parse_args()
    skip = set(filter(None, a.skip.split(",")))

    with tempfile.TemporaryDirectory() as tmp:
        work = a.out or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        report: dict = {}
        if "ud" not in skip:
            for gold in sorted((a.data / "ud-nl/dev").glob("*.conllu")):
                report[gold.stem] = score_ud(gold, work)
                print(gold.stem, json.dumps(report[gold.stem]), file=sys.stderr, flush=True)
        testa = a.data / "ner-nl/conll2002/ned.testa"
        if "ner" not in skip:
            report["conll2002-testa"] = score_ner(testa, work)
            print("ner", json.dumps(report["conll2002-testa"]["recogniser"]["all"]), file=sys.stderr, flush=True)
        if "speed" not in skip:
            inp = work / "speed.txt"
            sh([sys.executable, str(SCORER), "input", "ner", str(testa)], inp)
            report["speed"] = speed(inp, a.limit_words)
            if a.frog:
                report["speed"]["frog"] = fr = frog_speed(inp, work, a.frog_words)
                if "words_per_cpu_s" in fr:
                    ours = report["speed"]["full_pipeline"]["words_per_cpu_s"]
                    report["speed"]["kroniek_over_frog_cpu"] = round(ours / fr["words_per_cpu_s"], 1)
        json.dump(report, sys.stdout, indent=1)
        print()


if __name__ == "__main__":
    main()
