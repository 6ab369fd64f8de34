"""Dyad F1 of PLOVER events in political news sentences (EventDNA, hand-labelled dyads).

    .venv/bin/python benchmarks/political_dyads.py [--set NAME|all] [--details]

Reads the EventDNA documents (dev for tune and check, train for the other sets) that hold the sentences of
benchmarks/data/eventdna_dyads.gold.json
with the whole pipeline (`kroniek.read`, no article date: EventDNA has none) and scores, per labelled
sentence, the PLOVER events whose trigger lies in it, as `score.py reading` scores events: a system
event matches a gold event of its type in the same sentence (best dyad first); dyad F1 counts a match
only when both actor countries are right (a gold side of null takes anything; a symmetric event may
run either way). Events in sentences that were not labelled are not counted.
"""
from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import kroniek

HERE = Path(__file__).resolve().parent
GOLD = HERE / "data" / "eventdna_dyads.gold.json"
DATA = HERE.parents[1] / "shared" / "data" / "eventdna-nl"


def document_lines(path: Path) -> list[str]:
    """The document's sentences, tokens joined by spaces (as `score.py input eventdna` writes them)."""
    d = json.loads(path.read_text(encoding="utf-8"))["doc"]
    toks = d["token_string"].split(" ")
    order = sorted(d["sentences"], key=lambda k: int(k.split("_")[1]))
    return [" ".join(toks[t] for t in d["sentences"][s]["token_ids"]) for s in order]


def country(side: dict | None) -> str | None:
    code = (side or {}).get("actor") or ""
    return code[:3] or None


def allowed(got: str | None, want: str | list[str] | None) -> bool:
    return want is None or got in (want if isinstance(want, list) else [want])


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "tp": tp, "fp": fp, "fn": fn}


def score(items: list[dict], readings: dict[str, dict], details: bool) -> dict:
    tp = fp = fn = right = 0
    for item in items:
        reading = readings[item["doc"]]
        lines = reading["text"].split("\n")
        start = sum(len(x) + 1 for x in lines[: item["sentence"]])
        end = start + len(lines[item["sentence"]])
        found = [v for v in reading["events"] if v.get("plover") and start <= v["trigger"]["start"] < end]
        used: set[int] = set()
        for g in item["events"]:
            best, best_ok = None, -1
            for i, v in enumerate(found):
                if i in used or v["plover"] not in g["plover"]:
                    continue
                s, t = country(v.get("source")), country(v.get("target"))
                ok = int((allowed(s, g["source"]) and allowed(t, g["target"]))
                         or (g["symmetric"] and allowed(t, g["source"]) and allowed(s, g["target"])))
                if ok > best_ok:
                    best, best_ok = i, ok
            if best is None:
                fn += 1
                if details:
                    print(f"missed   {item['doc']}:{item['sentence']} {g}")
                continue
            used.add(best)
            tp += 1
            right += best_ok
            if details and not best_ok:
                v = found[best]
                print(f"dyad     {item['doc']}:{item['sentence']} {g} got {country(v.get('source'))} -> "
                      f"{country(v.get('target'))}")
        for i, v in enumerate(found):
            if i not in used:
                fp += 1
                if details:
                    print(f"extra    {item['doc']}:{item['sentence']} {v['plover']} {v['trigger']['text']!r} "
                          f"{country(v.get('source'))} -> {country(v.get('target'))}")
    wrong = tp - right
    return {"sentences": len(items), "gold_events": tp + fn, "events": prf(tp, fp, fn),
            "dyads": prf(right, fp + wrong, fn + wrong)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    splits = gold["splits"]  # set -> the EventDNA split its documents are in
    ap.add_argument("--set", choices=(*splits, "all"), default="all")
    ap.add_argument("--data", type=Path, default=DATA, help="the EventDNA folder (with dev/ and train/)")
    ap.add_argument("--details", action="store_true", help="print each miss, wrong dyad and extra event")
    a = ap.parse_args()
    sets = gold["sets"]
    names = list(splits) if a.set == "all" else [a.set]
    docs = sorted({(splits[name], item["doc"]) for name in names for item in sets[name]})
    readings = {}
    for split, doc in docs:
        lines = document_lines(a.data / split / f"{doc}.json")
        readings[doc] = kroniek.read("\n".join(lines), id=doc)
        for item in (i for name in names if splits[name] == split for i in sets[name] if i["doc"] == doc):
            if hashlib.sha1(lines[item["sentence"]].encode()).hexdigest()[:12] != item["sha1"]:
                raise SystemExit(f"{doc}: sentence {item['sentence']} is not the labelled one (SHA-1 differs)")
    print(json.dumps({name: score(sets[name], readings, a.details) for name in names}, indent=1))


if __name__ == "__main__":
    main()
