"""Speed of the knowledge base and the entity layer: KB load time and linking time per mention.

    python benchmarks/entities_speed.py [PATH ...] [--repeat N]

Loads the knowledge base in a fresh process (target < 0.5 s), then reads the articles under PATH
(default: examples/) up to the times layer once and times only the "entities" component over them,
`--repeat` times, reporting milliseconds per name mention (target < 1 ms).
"""
from __future__ import annotations

import argparse
import copy
import subprocess
import sys
import time
from pathlib import Path

from kroniek.pipeline import Pipeline, get_component
from kroniek.reader import read_paths

ROOT = Path(__file__).resolve().parents[1]


def kb_load_seconds() -> tuple[float, float]:
    """(wall, CPU) seconds to import and load the knowledge base in a fresh process; CPU time is what
    the loader costs when the machine is shared, wall time what a user waits for."""
    code = ("import time; t = time.perf_counter(); c = time.process_time(); from kroniek.kb import load; load(); "
            "print(time.perf_counter() - t, time.process_time() - c)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    wall, cpu = out.stdout.split()
    return float(wall), float(cpu)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "examples")])
    ap.add_argument("--repeat", type=int, default=20)
    a = ap.parse_args()
    loads = sorted(kb_load_seconds() for _ in range(3))
    print(f"kb load: {loads[1][0]:.3f} s wall, {loads[1][1]:.3f} s CPU (median of 3 fresh processes)")
    before = Pipeline(["tokenize", "analyze", "quantities", "times"])
    docs = [r.doc for r in read_paths(a.paths, pipeline=before) if r.doc is not None]
    entities = get_component("entities")
    entities(copy.deepcopy(docs[0]))  # warm the word lists outside the clock
    mentions, seconds = 0, 0.0
    for _ in range(a.repeat):
        batch = copy.deepcopy(docs)
        t = time.perf_counter()
        for d in batch:
            entities(d)
        seconds += time.perf_counter() - t
        mentions += sum(len(e.mentions) + len(e.references) for d in batch for e in d.entities)
    print(f"entities: {len(docs)} articles x {a.repeat}, {mentions} mentions, "
          f"{1000 * seconds / max(mentions, 1):.3f} ms per mention")


if __name__ == "__main__":
    main()
