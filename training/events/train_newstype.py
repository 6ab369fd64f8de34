"""Train the news-type token classifier on EventDNA (train split; train folds pick the threshold).

    python training/events/train_newstype.py ../shared/data/eventdna-nl --lexicon /tmp/newstype-lexicon

(--lexicon scores the classifier merged with the event lexicon's news types, as the reader runs
them; the threshold it picks then suits the merged output. Its cache saves minutes on a rerun.)

EventDNA marks events as clause-long spans without a trigger word. Each typed span gets the words
that are most typical of its type across the training data (the share of that word's occurrences
lying in spans of the type) as its triggers; the classifier learns those triggers against the words
outside every span. Other words inside spans, and words in "Unknown" spans (annotators saw an event
there but gave no type), are left out of training.
The learner is L2-regularised logistic regression (AdaGrad, numpy) or the averaged perceptron. The
epoch (perceptron) and decision threshold are chosen by cross-validation over the training
documents, so the dev split stays a fair test; dev scores per type are printed at the end.
Writes src/kroniek/models/events/newstype.json.gz. Never run in CI.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from kroniek.events.newstype import GAP, OUTSIDE, NewsTypeModel, _lemma, features, tags_of

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


def assign_triggers(sents: list[dict], per_span: int = 1, prior: float = 3.0) -> None:
    """Label the `per_span` trigger words of each typed span most typical of the span's type: the
    share of the word's occurrences inside spans of the type, counting `prior` extra occurrences
    outside, so that a word seen once (by chance inside a span) does not outrank a frequent trigger
    such as aanslag or ontslag whose share is high but not whole."""
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
            ranked = sorted(cands, key=lambda i: (inside[s["lemmas"][i]][t] + 0.1) / (total[s["lemmas"][i]] + prior),
                            reverse=True)
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


def fit_logistic(examples: list[tuple[list[str], str]], labels: list[str], epochs: int, rate: float, l2: float,
                 seed: int = 13, batch: int = 64, min_abs: float = 0.02) -> dict[str, dict[str, float]]:
    """Multinomial logistic regression by minibatch AdaGrad; weights below `min_abs` are dropped.
    Its margins over O are log-odds, so one threshold means the same for every type."""
    import numpy as np

    vocab: dict[str, int] = {}
    for feats, _ in examples:
        for f in feats:
            vocab.setdefault(f, len(vocab))
    pad = len(vocab)  # a zero row that pads short feature lists
    width = max(len(feats) for feats, _ in examples)
    x = np.full((len(examples), width), pad, dtype=np.int64)
    for n, (feats, _) in enumerate(examples):
        x[n, : len(feats)] = [vocab[f] for f in feats]
    index = {lab: k for k, lab in enumerate(labels)}
    y = np.array([index[gold] for _, gold in examples])
    w = np.zeros((pad + 1, len(labels)))
    g2 = np.full_like(w, 1e-8)
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        order = rng.permutation(len(y))
        for start in range(0, len(y), batch):
            rows = order[start : start + batch]
            xb = x[rows]
            s = w[xb].sum(axis=1)
            p = np.exp(s - s.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            p[np.arange(len(rows)), y[rows]] -= 1.0
            ids, where = np.unique(xb.ravel(), return_inverse=True)
            grad = np.zeros((len(ids), len(labels)))
            np.add.at(grad, where, np.repeat(p, xb.shape[1], axis=0))
            grad += l2 * w[ids]
            g2[ids] += grad * grad
            w[ids] -= rate * grad / np.sqrt(g2[ids])
            w[pad] = 0.0
    out: dict[str, dict[str, float]] = {}
    for f, k in vocab.items():
        row = {lab: round(float(w[k, j]), 3) for j, lab in enumerate(labels) if abs(w[k, j]) >= min_abs}
        if row:
            out[f] = row
    return out


def examples_of(sents: list[dict]) -> list[tuple[list[str], str]]:
    out = []
    for s in sents:
        for i, lab in enumerate(s["labels"]):
            if lab is not None:
                out.append((features(s["words"], i, s["lemmas"], s.get("tags")), lab.split(".")[0]))
    return out


def _cached(sents: list[dict], field: str, key: list, cache: Path | None, compute: Callable[[], list]) -> None:
    """Set s[field] on every sentence from `compute()`, or from `cache` when it was written for the same `key`."""
    import pickle

    if cache is not None and cache.is_file():
        got = pickle.loads(cache.read_bytes())
        if got["key"] == key:
            values = got[field]
            for s, v in zip(sents, values, strict=True):
                s[field] = v
            return
    values = compute()
    for s, v in zip(sents, values, strict=True):
        s[field] = v
    if cache is not None:
        cache.write_bytes(pickle.dumps({"key": key, field: values}))


def parse(sents: list[dict], cache: Path | None) -> None:
    """Tag and parse the sentences with kroniek's own model (cached: it takes minutes), for parse features."""

    def compute() -> list:
        from kroniek.doc import Document
        from kroniek.pipeline import Pipeline

        docs = Pipeline(["tokenize", "analyze"]).pipe(
            Document(id="s", text=" ".join(s["words"]), pretokenized=[s["words"]]) for s in sents)
        return [tags_of([t.upos for t in d.tokens], [t.deprel for t in d.tokens], [t.head for t in d.tokens], s["words"])
                for s, d in zip(sents, docs, strict=True)]

    _cached(sents, "tags", [tuple(s["words"]) for s in sents], cache, compute)


def lexicon_triggers(sents: list[dict], cache: Path | None) -> None:
    """The news types kroniek's event lexicon gives each sentence (token index, Type.Subtype or
    None), so that evaluation merges them with the classifier's as the event coder does (cached)."""
    import hashlib
    from importlib import resources

    def compute() -> list:
        from kroniek.doc import Document
        from kroniek.events.lexicon import Trigger, lexicon
        from kroniek.events.syntax import SentenceView
        from kroniek.events.triggers import find
        from kroniek.pipeline import Pipeline

        lex = lexicon()
        found = []
        docs = Pipeline(["tokenize", "analyze"]).pipe(
            Document(id="s", text=" ".join(s["words"]), pretokenized=[s["words"]]) for s in sents)
        for doc in docs:
            view = SentenceView(doc, 0, lex.clause_openers, lex.coordinators)
            matches, _ = find(doc, view, lex)
            found.append([(m.token - view.lo, m.entry.news_type) for m in matches if isinstance(m.entry, Trigger)])
        return found

    # a changed lexicon file makes the cache stale
    table = resources.files("kroniek.lang.nl").joinpath("event_triggers.tsv").read_bytes()
    key = [hashlib.sha256(table).hexdigest(), *(tuple(s["words"]) for s in sents)]
    _cached(sents, "lexicon", key, cache, compute)


def merged(model: NewsTypeModel, s: dict, threshold: float) -> list[tuple[int, str]]:
    """The sentence's news-type triggers as kroniek.events.coder merges them: the lexicon's, then
    the classifier's where no lexicon event of the type lies close by (filling lexicon events without
    a type)."""
    lex = s.get("lexicon", [])
    out = [(i, nt) for i, nt in lex]
    for i, label, _ in model.triggers(s["words"], threshold, tags=s.get("tags")):
        if any((nt or "").split(".")[0] == label.split(".")[0] and abs(j - i) <= GAP for j, nt in lex):
            continue
        at = next((n for n, (k, _) in enumerate(lex) if k == i), None)
        if at is None:
            out.append((i, label))
        elif lex[at][1] is None:
            out[at] = (i, label)
    return [(i, nt) for i, nt in out if nt]


def train_models(sents: list[dict], labels: list[str], a: argparse.Namespace) -> list[tuple[int, dict[str, dict[str, float]]]]:
    """(epoch, weights) for each epoch worth choosing: the perceptron's after every epoch, the
    logistic regression's after the last."""
    examples = examples_of(sents)
    if a.learner == "lr":
        return [(a.epochs, fit_logistic(examples, labels, a.epochs, a.rate, a.l2))]
    rng = random.Random(13)
    p = Perceptron()
    out = []
    for epoch in range(1, a.epochs + 1):
        rng.shuffle(examples)
        for feats, gold in examples:
            p.update(feats, gold, p.predict(feats, labels))
        out.append((epoch, p.averaged()))
    return out


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
    """Type-level P/R/F1 as the shared scorer counts it (trigger start inside a gold span), of the
    classifier's triggers merged with the lexicon's where lexicon_triggers has run."""
    tp = fp = fn = 0
    per = defaultdict(Counter)
    for s in sents:
        pred = merged(model, s, threshold)
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


THRESHOLDS = {"lr": (-2.0, -1.5, -1.25, -1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 1.0), "perceptron": (-2.0, -1.0, 0.0, 1.0, 2.0, 3.0)}


def prepare(sents: list[dict], labels: list[str] | None, a: argparse.Namespace) -> None:
    """Fresh token labels for `sents`: each typed span's most typical words (by their statistics in
    `sents` alone), re-chosen by `a.relabel` rounds of training."""
    for s in sents:
        s["labels"] = [None if any(g[0] <= n < g[1] for g in s["spans"]) else OUTSIDE for n in range(len(s["words"]))]
    assign_triggers(sents, a.per_span, a.prior)
    for _ in range(a.relabel if labels else 0):
        relabel(sents, NewsTypeModel(train_models(sents, labels, a)[-1][1], labels, 0.0), a.per_span)


def cross_validate(train: list[dict], labels: list[str], a: argparse.Namespace) -> tuple[int, float]:
    """The (epoch, threshold) with the best type F1 summed over `a.folds` folds of training documents."""
    docs = sorted({s["doc"] for s in train})
    random.Random(7).shuffle(docs)
    fold = {d: n % a.folds for n, d in enumerate(docs)}
    total: dict[tuple[int, float], Counter] = defaultdict(Counter)
    for k in range(a.folds):
        fit_on = [s for s in train if fold[s["doc"]] != k]
        held = [s for s in train if fold[s["doc"]] == k]
        prepare(fit_on, labels, a)
        subtypes, default = subtype_table(fit_on)
        for epoch, weights in train_models(fit_on, labels, a):
            model = NewsTypeModel(weights, labels, 0.0, subtypes, default)
            for th in THRESHOLDS[a.learner]:
                res = evaluate(model, held, th)["type"]
                total[(epoch, th)].update({c: res[c] for c in ("tp", "fp", "fn")})
        print(f"fold {k + 1}/{a.folds} done", file=sys.stderr)

    def f1(c: Counter) -> float:
        return 2 * c["tp"] / (2 * c["tp"] + c["fp"] + c["fn"]) if c["tp"] else 0.0

    for key in sorted(total):
        print(f"cv epoch {key[0]} threshold {key[1]}: type F1 {f1(total[key]):.4f} {dict(total[key])}", file=sys.stderr)
    return max(total, key=lambda key: f1(total[key]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--learner", choices=("lr", "perceptron"), default="lr")
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--rate", type=float, default=0.1, help="AdaGrad learning rate (lr)")
    ap.add_argument("--l2", type=float, default=0.1, help="L2 penalty (lr)")
    ap.add_argument("--folds", type=int, default=4, help="training-document folds that choose epoch and threshold")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--per-span", type=int, default=1, help="trigger words labelled per gold span")
    ap.add_argument("--prior", type=float, default=3.0,
                    help="pseudo-occurrences outside spans when ranking a span's words by typicality")
    ap.add_argument("--parsed", type=Path, default=None, metavar="CACHE",
                    help="add parse features (kroniek's tagger and parser; parses cached in CACHE)")
    ap.add_argument("--relabel", type=int, default=0,
                    help="rounds of re-choosing each span's triggers as the words the last model finds most typical")
    ap.add_argument("--lexicon", type=Path, default=None, metavar="CACHE",
                    help="score the classifier together with kroniek's event lexicon, as the reader runs them "
                         "(kroniek's tagger and parser find the lexicon's triggers; cached in CACHE, which a "
                         "changed lexicon invalidates; delete it after changing the Dutch model)")
    a = ap.parse_args()
    train, dev = load(a.data / "train"), load(a.data / "dev")
    if a.lexicon is not None:
        lexicon_triggers(train, a.lexicon.with_suffix(".train"))
        lexicon_triggers(dev, a.lexicon.with_suffix(".dev"))
    if a.parsed is not None:
        parse(train, a.parsed.with_suffix(".train"))
        parse(dev, a.parsed.with_suffix(".dev"))
    prepare(train, None, a)
    # the classifier decides the type, which has far more examples than each subtype; the
    # subtype follows from the trigger word
    labels = sorted({lab.split(".")[0] for s in train for lab in s["labels"] if lab})
    epoch, th = cross_validate(train, labels, a) if a.folds > 1 else (a.epochs, 0.0)
    prepare(train, labels, a)
    subtypes, default = subtype_table(train)
    print(f"{len(train)} train / {len(dev)} dev sentences, {len(examples_of(train))} tokens, {len(labels)} labels",
          file=sys.stderr)
    weights = dict(train_models(train, labels, a))[epoch]
    model = NewsTypeModel(weights, labels, th, subtypes, default)
    model.save(a.out)
    res = evaluate(model, dev, th)
    print(json.dumps({"learner": a.learner, "epoch": epoch, "threshold": th, "dev": res,
                      "features": len(model.weights), "bytes": a.out.stat().st_size}, indent=1))


if __name__ == "__main__":
    main()
