"""News event types (EventDNA / ACE typology) from a token classifier.

An averaged perceptron (trained by training/events/train_newstype.py on EventDNA) labels each
token with the `Type.Subtype` of the event it reports, or O. A run of tokens with the same label is
one event, triggered at its most confident token. The model is a small JSON file of feature
weights under kroniek/models/events/.
"""
from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

OUTSIDE = "O"
MODEL_FILE = "newstype.json.gz"


@lru_cache(maxsize=1 << 16)
def _lemma(word: str) -> str:
    # the classifier sees simplemma's lemmas in training and in use, whatever tagger runs
    import simplemma

    return simplemma.lemmatize(word, lang="nl").lower()


def _shape(w: str) -> str:
    if w[:1].isupper():
        return "Xx"
    if any(c.isdigit() for c in w):
        return "d"
    if not w[:1].isalnum():
        return "p"
    return "x"


def features(words: Sequence[str], i: int, lemmas: Sequence[str] | None = None) -> list[str]:
    lem = lemmas if lemmas is not None else [_lemma(w) for w in words]
    w = words[i].lower()

    def at(k: int) -> str:
        return lem[k] if 0 <= k < len(words) else ("<s>" if k < 0 else "</s>")

    return [
        "b",
        "w=" + w,
        "l=" + lem[i],
        "s3=" + w[-3:],
        "p4=" + w[:4],
        "sh=" + _shape(words[i]),
        "l-1=" + at(i - 1),
        "l+1=" + at(i + 1),
        "l-2=" + at(i - 2),
        "l+2=" + at(i + 2),
        "l-1l=" + at(i - 1) + "|" + lem[i],
        "ll+1=" + lem[i] + "|" + at(i + 1),
    ]


@dataclass(slots=True)
class Span:
    label: str
    start: int  # token index in the sentence
    end: int
    best: int  # the most confident token
    margin: float


class NewsTypeModel:
    def __init__(self, weights: dict[str, dict[str, float]], labels: list[str], threshold: float):
        self.weights = weights
        self.labels = labels
        self.threshold = threshold

    @classmethod
    def load(cls, path: Path | None = None) -> NewsTypeModel:
        if path is None:
            raw = resources.files("kroniek.models.events").joinpath(MODEL_FILE).read_bytes()
        else:
            raw = Path(path).read_bytes()
        data = json.loads(gzip.decompress(raw))
        return cls(data["weights"], data["labels"], data["threshold"])

    def save(self, path: Path) -> None:
        data = {"labels": self.labels, "threshold": self.threshold, "weights": self.weights}
        path.write_bytes(gzip.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), 9))

    def scores(self, feats: list[str]) -> dict[str, float]:
        out: dict[str, float] = {}
        for f in feats:
            w = self.weights.get(f)
            if w:
                for label, v in w.items():
                    out[label] = out.get(label, 0.0) + v
        return out

    def best(self, feats: list[str]) -> tuple[str, float]:
        """The best label and its margin over O (negative when O wins)."""
        sc = self.scores(feats)
        o = sc.get(OUTSIDE, 0.0)
        label, top = OUTSIDE, float("-inf")
        for k, v in sc.items():
            if k != OUTSIDE and v > top:
                label, top = k, v
        if label == OUTSIDE:
            return OUTSIDE, -1.0
        return label, top - o

    def spans(self, words: Sequence[str], threshold: float | None = None) -> list[Span]:
        th = self.threshold if threshold is None else threshold
        lem = [_lemma(w) for w in words]
        out: list[Span] = []
        cur: Span | None = None
        for i in range(len(words)):
            label, margin = self.best(features(words, i, lem))
            if label == OUTSIDE or margin <= th or not words[i][:1].isalnum():
                if cur is not None:
                    out.append(cur)
                    cur = None
                continue
            if cur is not None and cur.label == label:
                cur.end = i + 1
                if margin > cur.margin:
                    cur.best, cur.margin = i, margin
            else:
                if cur is not None:
                    out.append(cur)
                cur = Span(label, i, i + 1, i, margin)
        if cur is not None:
            out.append(cur)
        return out


@lru_cache(maxsize=1)
def model() -> NewsTypeModel | None:
    """The shipped model, or None when it has not been trained."""
    try:
        return NewsTypeModel.load()
    except FileNotFoundError:
        return None
