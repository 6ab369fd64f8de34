"""Accuracy of time recognition and normalisation on real Dutch news (EventDNA dev).

    .venv/bin/python benchmarks/time_accuracy.py [--no-tagger] [--details]

1. Against benchmarks/data/eventdna_dev_times.gold.json: hand-annotated time expressions of 100 EventDNA
   dev documents (standoff; sets dev-a and dev-b), read as dated 2018-06-13. Prints recognition P/R/F1 (a find counts when it
   overlaps a gold span) and normalisation accuracy (type and value right, durations compared by length).
2. Recall of the Time arguments of EventDNA dev events (annotated by the EventDNA authors; some are not
   time expressions at all, such as "China", so 100% is out of reach).
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from kroniek.dates import parse_doc_date
from kroniek.doc import Document
from kroniek.pipeline import Pipeline

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "shared" / "data" / "eventdna-nl" / "dev"
DUR = re.compile(r"^PT?(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?"
                 r"(?:T?(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


def same_value(got: str | None, want: str | None) -> bool:
    if got == want:
        return True
    if not (got and want and got.startswith("P") and want.startswith("P")):
        return False
    a, b = DUR.match(got.replace("PT", "PT" if "T" in got else "P")), DUR.match(want)
    if not (a and b):
        return False

    def size(v: str) -> float:
        date_part, _, time_part = v[1:].partition("T")
        days = 0.0
        for n, u in re.findall(r"(\d+(?:\.\d+)?)([YMWD])", date_part):
            days += float(n) * {"Y": 365.25, "M": 30.4375, "W": 7, "D": 1}[u]
        for n, u in re.findall(r"(\d+(?:\.\d+)?)([HMS])", time_part):
            days += float(n) * {"H": 1 / 24, "M": 1 / 1440, "S": 1 / 86400}[u]
        return round(days, 3)

    return size(got) == size(want)


def load_doc(name: str) -> str:
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))["doc"]["token_string"]


def pipeline(tagger: bool) -> Pipeline:
    names = ["tokenize", "analyze", "quantities", "times"] if tagger else ["tokenize", "quantities", "times"]
    try:
        return Pipeline(names)
    except Exception:  # no trained models here: the rules work on text alone
        return Pipeline(["tokenize", "quantities", "times"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-tagger", action="store_true", help="leave out the analysis models (tense from words only)")
    ap.add_argument("--details", action="store_true")
    args = ap.parse_args()
    gold = json.loads((HERE / "data" / "eventdna_dev_times.gold.json").read_text(encoding="utf-8"))
    nlp = pipeline(not args.no_tagger)
    print("pipeline:", " ".join(nlp.names))
    ref = parse_doc_date(gold["reference_date"])
    for set_name, docs in gold["sets"].items():
        score_set(set_name, docs, gold, nlp, ref, args.details)
    time_arguments(nlp, ref)


def score_set(set_name, docs, gold, nlp, ref, details) -> None:
    tp = fp = fn = ok = 0
    for name in docs:
        text = load_doc(name)
        doc = nlp(Document(name, text, ref))
        want = [g for g in gold["times"] if g["doc"] == name]
        used: set[int] = set()
        for g in want:
            assert text[g["start"]:g["end"]] == g["text"], (name, g)
            k = next((i for i, t in enumerate(doc.times) if i not in used and t.start < g["end"] and g["start"] < t.end),
                     None)
            if k is None:
                fn += 1
                if details:
                    print(f"  missed {name}: {g['text']!r}")
                continue
            used.add(k)
            tp += 1
            t = doc.times[k]
            if t.type == g["type"] and same_value(t.value, g["value"]):
                ok += 1
            elif details:
                print(f"  wrong  {name}: {g['text']!r} {t.type} {t.value} (want {g['type']} {g['value']})")
        for i, t in enumerate(doc.times):
            if i not in used:
                fp += 1
                if details:
                    print(f"  extra  {name}: {t.text!r} {t.type} {t.value}")
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    f = 2 * p * r / max(1e-9, p + r)
    print(f"{set_name} ({len(docs)} docs, {tp + fn} times): recognition P {p:.3f} R {r:.3f} F1 {f:.3f}; "
          f"normalisation {ok}/{tp} = {ok / max(1, tp):.3f}")


def time_arguments(nlp, ref) -> None:
    hit = n = 0
    for path in sorted(DATA.glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))["doc"]
        toks = d["token_string"].split(" ")
        offs, pos = [], 0
        for t in toks:
            offs.append((pos, pos + len(t)))
            pos += len(t) + 1
        doc = nlp(Document(path.stem, d["token_string"], ref))
        for e in d["annotations"]["events"].values():
            for a in e["features"].get("arguments", []):
                if a["features"]["argument_role"] != "Time":
                    continue
                span = a["features"]["span"]
                s, t_end = offs[min(span)][0], offs[max(span)][1]
                n += 1
                hit += any(t.start < t_end and s < t.end for t in doc.times)
    print(f"EventDNA dev Time arguments found: {hit}/{n} = {hit / max(1, n):.3f}")


if __name__ == "__main__":
    main()
