"""Time `kroniek read` over a folder of articles: articles/s, words/s and peak memory.

    python benchmarks/read_speed.py FOLDER [--repeat N] [--pipeline tokenize,analyze,...]

The pipeline is loaded (models included) before the clock starts; the time covers input parsing, every
pipeline component and serialising the readings to JSON, as `kroniek read` does.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--repeat", type=int, default=1, help="read the input this many times")
    ap.add_argument("--pipeline", help="comma-separated component names (default: the full pipeline)")
    a = ap.parse_args()

    from kroniek.pipeline import Pipeline, default_pipeline
    from kroniek.reader import read_paths

    nlp = Pipeline(a.pipeline.split(",")) if a.pipeline else default_pipeline()
    warmup = next(iter(read_paths(a.paths, pipeline=nlp, warn=lambda m: None)), None)
    del warmup

    articles = errors = words = chars = 0
    t0 = time.perf_counter()
    for _ in range(a.repeat):
        for res in read_paths(a.paths, pipeline=nlp, warn=lambda m: None):
            line = json.dumps(res.reading(), ensure_ascii=False)
            if res.ok:
                articles += 1
                words += len(res.doc.tokens)
                chars += len(res.doc.text)
            else:
                errors += 1
            del line
    dt = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {
        "pipeline": nlp.names,
        "articles": articles,
        "errors": errors,
        "tokens": words,
        "seconds": round(dt, 3),
        "articles_per_s": round(articles / dt, 2) if dt else None,
        "words_per_s": round(words / dt, 1) if dt else None,
        "peak_memory_mb": round(peak_mb, 1),
    }
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
