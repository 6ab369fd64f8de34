"""Train the news-type token classifier on EventDNA (train split; dev picks epochs and threshold).

    python training/events/train_newstype.py ../shared/data/eventdna-nl [--epochs 8]

EventDNA marks events as clause-long spans without a trigger word. Each typed span gets the word
that is most typical of its type across the training data (the share of that word's occurrences
lying in spans of the type) as its trigger; the classifier learns those triggers against the words
outside every span. Other words inside spans, and words in "Unknown" spans (annotators saw an event
there but gave no type), are left out of training.
Writes src/kroniek/models/events/newstype.json.gz and prints dev scores per type. Never run in CI.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

from kroniek.events.newstype import OUTSIDE, NewsTypeModel, _lemma, features, tags_of

OUT = Path(__file__).resolve().parents[2] / "src" / "kroniek" / "models" / "events" / "newstype.json.gz"
GENERIC = {"Conflict.Conflict", "Contact.Contact", "Justice.Justice", "Transaction.Transaction"}


def load(folder: Path) -> list[dict]:
    """Sentences: words, token labels, and the gold event spans (sentence token offsets)."""
    sents = []
    for p in sorted(folder.glob("*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))["doc"]
        toks = d["token_string"].split(" ")
        events = [e["features"] for e in d["annotations"]["events"].values()]
        for sid in sorted(d["sentences"], key=lambda k: int(k.split("_")[1])):
            ids = d["sentences"][sid]["token_ids"]
            pos = {t: n for n, t in enumerate(ids)}
            spans = []
            for f in events:
                idx = [pos[t] for t in f["span"] if t in pos]
                if idx:
                    label = "Unknown" if f["type"] == "Unknown" else f"{f['type']}.{f.get('subtype')}"
                    spans.append((min(idx), max(idx) + 1, label))
            labels = [None if any(s[0] <= n < s[1] for s in spans) else OUTSIDE for n in range(len(ids))]
            sents.append({"words": [toks[t] for t in ids], "labels": labels, "spans": spans, "doc": p.stem})
    return sents


def candidate(words: list[str], i: int) -> bool:
    """Words that can be triggers: not names (capitalised inside the sentence), numbers or punctuation."""
    w = words[i]
    return w[:1].isalpha() and len(w) > 2 and not (i > 0 and w[:1].isupper())


def assign_triggers(sents: list[dict], per_span: int = 1) -> None:
    """Label the `per_span` trigger words of each typed span most typical of the span's type."""
    total: Counter = Counter()
    inside: dict[str, Counter] = defaultdict(Counter)
    for s in sents:
        s["lemmas"] = [_lemma(w) for w in s["words"]]
        for i, lem in enumerate(s["lemmas"]):
            if not candidate(s["words"], i):
                continue
            total[lem] += 1
            for t in {g[2].split(".")[0] for g in s["spans"] if g[0] <= i < g[1] and g[2] != "Unknown"}:
                inside[lem][t] += 1
    for s in sents:
        for a, b, label in s["spans"]:
            if label == "Unknown":
                continue
            t = label.split(".")[0]
            cands = [i for i in range(a, b) if candidate(s["words"], i)]
            if not cands:
                continue
            ranked = sorted(cands, key=lambda i: (inside[s["lemmas"][i]][t] + 0.1) / (total[s["lemmas"][i]] + 1), reverse=True)
            for best in ranked[:per_span]:
                s["labels"][best] = label


def subtype_table(sents: list[dict]) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """Per type, the usual subtype of each trigger lemma, and the type's most common subtype."""
    by_lemma: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    overall: dict[str, Counter] = defaultdict(Counter)
    for s in sents:
        for lem, lab in zip(s["lemmas"], s["labels"], strict=True):
            if lab and lab != OUTSIDE:
                t = lab.split(".")[0]
                by_lemma[t][lem][lab] += 1
                overall[t][lab] += 1
    table = {t: {lem: c.most_common(1)[0][0] for lem, c in rows.items()} for t, rows in by_lemma.items()}
    return table, {t: c.most_common(1)[0][0] for t, c in overall.items()}


class Perceptron:
    def __init__(self) -> None:
        self.w: dict[str, dict[str, float]] = defaultdict(dict)
        self.total: dict[tuple[str, str], float] = defaultdict(float)
        self.stamp: dict[tuple[str, str], int] = defaultdict(int)
        self.t = 0

    def predict(self, feats: list[str], labels: list[str]) -> str:
        sc = Counter()
        for f in feats:
            for k, v in self.w.get(f, {}).items():
                sc[k] += v
        return max(labels, key=lambda k: (sc[k], k == OUTSIDE))

    def update(self, feats: list[str], gold: str, guess: str) -> None:
        self.t += 1
        if gold == guess:
            return
        for f in feats:
            for label, delta in ((gold, 1.0), (guess, -1.0)):
                key = (f, label)
                cur = self.w[f].get(label, 0.0)
                self.total[key] += (self.t - self.stamp[key]) * cur
                self.stamp[key] = self.t
                self.w[f][label] = cur + delta

    def averaged(self, min_abs: float = 0.05) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        for f, row in self.w.items():
            for label, cur in row.items():
                key = (f, label)
                total = self.total[key] + (self.t - self.stamp[key]) * cur
                avg = total / max(self.t, 1)
                if abs(avg) >= min_abs:
                    out.setdefault(f, {})[label] = round(avg, 3)
        return out


def examples_of(sents: list[dict]) -> list[tuple[list[str], str]]:
    out = []
    for s in sents:
        for i, lab in enumerate(s["labels"]):
            if lab is not None:
                out.append((features(s["words"], i, s["lemmas"], s.get("tags")), lab.split(".")[0]))
    return out


def parse(sents: list[dict], cache: Path | None) -> None:
    """Tag and parse the sentences with kroniek's own model (cached: it takes minutes), for parse features."""
    import pickle

    key = [tuple(s["words"]) for s in sents]
    if cache is not None and cache.is_file():
        got = pickle.loads(cache.read_bytes())
        if got["key"] == key:
            for s, t in zip(sents, got["tags"], strict=True):
                s["tags"] = t
            return
    from kroniek.doc import Document
    from kroniek.pipeline import Pipeline

    nlp = Pipeline(["tokenize", "analyze"])
    tags = []
    for s in sents:
        doc = nlp(Document(id="s", text=" ".join(s["words"]), pretokenized=[s["words"]]))
        toks = doc.tokens
        tags.append(tags_of([t.upos for t in toks], [t.deprel for t in toks], [t.head for t in toks], s["words"]))
    for s, t in zip(sents, tags, strict=True):
        s["tags"] = t
    if cache is not None:
        cache.write_bytes(pickle.dumps({"key": key, "tags": tags}))


def fit(sents: list[dict], labels: list[str], epochs: int) -> Perceptron:
    examples = examples_of(sents)
    rng = random.Random(13)
    p = Perceptron()
    for _ in range(epochs):
        rng.shuffle(examples)
        for feats, gold in examples:
            p.update(feats, gold, p.predict(feats, labels))
    return p


def relabel(sents: list[dict], model: NewsTypeModel, per_span: int) -> None:
    """Re-choose each typed span's trigger words: those the model scores highest for the span's type."""
    for s in sents:
        typed = [g for g in s["spans"] if g[2] != "Unknown"]
        if not typed:
            continue
        s["labels"] = [None if any(g[0] <= n < g[1] for g in s["spans"]) else OUTSIDE for n in range(len(s["words"]))]
        for a, b, label in typed:
            t = label.split(".")[0]
            cands = [i for i in range(a, b) if candidate(s["words"], i)]
            scored = []
            for i in cands:
                sc = model.scores(features(s["words"], i, s["lemmas"], s.get("tags")))
                scored.append((sc.get(t, 0.0) - sc.get(OUTSIDE, 0.0), i))
            for _, i in sorted(scored, reverse=True)[:per_span]:
                s["labels"][i] = label


def evaluate(model: NewsTypeModel, sents: list[dict], threshold: float) -> dict:
    """Type-level P/R/F1 as the shared scorer counts it (trigger start inside a gold span)."""
    tp = fp = fn = 0
    per = defaultdict(Counter)
    for s in sents:
        pred = [(i, lab) for i, lab, _ in model.triggers(s["words"], threshold, tags=s.get("tags"))]
        gold = [g for g in s["spans"] if g[2] != "Unknown"]
        unknown = [g for g in s["spans"] if g[2] == "Unknown"]
        used = set()
        for a, b, label in gold:
            t = label.split(".")[0]
            hit = next((n for n, (i, lab) in enumerate(pred) if n not in used and a <= i < b and lab.split(".")[0] == t), None)
            if hit is None:
                fn += 1
                per[t]["fn"] += 1
            else:
                used.add(hit)
                tp += 1
                per[t]["tp"] += 1
        for n, (i, lab) in enumerate(pred):
            t = lab.split(".")[0]
            if n in used or any(a <= i < b for a, b, _ in unknown):
                continue
            if any(a <= i < b and g.split(".")[0] == t for a, b, g in gold):
                continue
            fp += 1
            per[t]["fp"] += 1

    def prf(c: Counter | dict) -> dict:
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, **c}

    return {"type": prf({"tp": tp, "fp": fp, "fn": fn}), "per_type": {k: prf(v) for k, v in sorted(per.items())}}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--per-span", type=int, default=2, help="trigger words labelled per gold span")
    ap.add_argument("--parsed", type=Path, default=None, metavar="CACHE",
                    help="add parse features (kroniek's tagger and parser; parses cached in CACHE)")
    ap.add_argument("--relabel", type=int, default=0,
                    help="rounds of re-choosing each span's triggers as the words the last model finds most typical")
    a = ap.parse_args()
    train, dev = load(a.data / "train"), load(a.data / "dev")
    assign_triggers(train, a.per_span)
    if a.parsed is not None:
        parse(train, a.parsed.with_suffix(".train"))
        parse(dev, a.parsed.with_suffix(".dev"))
    subtypes, default = subtype_table(train)
    # the classifier decides the type, which has far more examples than each subtype; the
    # subtype follows from the trigger word
    labels = sorted({lab.split(".")[0] for s in train for lab in s["labels"] if lab})
    for _ in range(a.relabel):
        p = fit(train, labels, a.epochs)
        relabel(train, NewsTypeModel(p.averaged(), labels, 0.0), a.per_span)
    examples = examples_of(train)
    print(f"{len(train)} train / {len(dev)} dev sentences, {len(examples)} tokens, {len(labels)} labels", file=sys.stderr)
    rng = random.Random(13)
    p = Perceptron()
    best = None
    for epoch in range(1, a.epochs + 1):
        rng.shuffle(examples)
        for feats, gold in examples:
            p.update(feats, gold, p.predict(feats, labels))
        model = NewsTypeModel(p.averaged(), labels, 0.0, subtypes, default)
        for th in (-3.0, -2.0, -1.0, 0.0, 1.0, 2.0):
            res = evaluate(model, dev, th)
            f1 = res["type"]["f1"]
            print(f"epoch {epoch} threshold {th}: dev type {res['type']}", file=sys.stderr)
            if best is None or f1 > best[0]:
                best = (f1, epoch, th, NewsTypeModel(model.weights, labels, th, subtypes, default), res)
    assert best is not None
    f1, epoch, th, model, res = best
    model.save(a.out)
    print(json.dumps({"epoch": epoch, "threshold": th, "dev": res, "features": len(model.weights),
                      "bytes": a.out.stat().st_size}, indent=1))


if __name__ == "__main__":
    main()
