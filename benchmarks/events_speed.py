"""Speed of the event layer alone: sentences per second on one core.

    python benchmarks/events_speed.py [PATH ...] [--repeat N]

The articles under PATH (default: examples/) are read once up to the entities layer; then only the
"events" component is timed over them, `--repeat` times. Target: >= 200 sentences/s.
"""
from __future__ import annotations

import argparse
import copy
import time
from pathlib import Path

from kroniek.pipeline import Pipeline, get_component
from kroniek.reader import read_paths

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "examples")])
    ap.add_argument("--repeat", type=int, default=20)
    a = ap.parse_args()
    before = Pipeline(["tokenize", "analyze", "quantities", "times", "entities"])
    docs = [r.doc for r in read_paths(a.paths, pipeline=before) if r.doc is not None]
    events = get_component("events")
    events(copy.deepcopy(docs[0]))  # load the lexicon and the news-type model outside the clock
    sentences = sum(len(d.sentences) for d in docs)
    work = [copy.deepcopy(d) for _ in range(a.repeat) for d in docs]
    t0 = time.process_time()
    n_events = sum(len(events(d).events) for d in work)
    cpu = time.process_time() - t0
    total = sentences * a.repeat
    print(f"{len(docs)} articles, {sentences} sentences x {a.repeat}: {total / cpu:.0f} sentences/s "
          f"({n_events / a.repeat:.0f} events per pass, {cpu:.2f} s CPU)")


if __name__ == "__main__":
    main()
