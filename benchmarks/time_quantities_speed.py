"""Speed of the times and quantities layers: ms per sentence on the raw sentences of EventDNA.

    .venv/bin/python benchmarks/time_quantities_speed.py [--data ../shared/data/eventdna-nl] [--limit N]

Each sentence is read as its own dated document (no tokens: the rules work on text alone), through
both components, so the figure includes recognition, normalisation and the table lookups.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from kroniek.dates import parse_doc_date
from kroniek.doc import Document
from kroniek.pipeline import get_component


def sentences(root: Path, limit: int | None) -> list[str]:
    out: list[str] = []
    for p in sorted(root.rglob("*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))["doc"]
        toks = d["token_string"].split(" ")
        for sid in sorted(d["sentences"], key=lambda k: int(k.split("_")[1])):
            out.append(" ".join(toks[t] for t in d["sentences"][sid]["token_ids"]))
            if limit and len(out) >= limit:
                return out
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data/eventdna-nl")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--date", default="2020-09-16")
    args = ap.parse_args()
    sents = sentences(args.data, args.limit)
    quantities, times = get_component("quantities"), get_component("times")
    ref = parse_doc_date(args.date)
    quantities(times(Document("warm-up", "Maandag 9 augustus om 16.00 uur: 1,5 miljard dollar.", ref)))
    n_t = n_q = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for k, s in enumerate(sents):
        doc = times(quantities(Document(str(k), s, ref)))
        n_t += len(doc.times)
        n_q += len(doc.quantities)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"{len(sents)} sentences, {sum(map(len, sents))} characters: {n_t} times, {n_q} quantities")
    print(f"{1000 * dt / len(sents):.3f} ms/sentence wall clock ({len(sents) / dt:.0f} sentences/s), "
          f"{1000 * cpu / len(sents):.3f} ms/sentence CPU time (less sensitive to other load)")


if __name__ == "__main__":
    main()
