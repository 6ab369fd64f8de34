"""News event types (EventDNA / ACE typology) from a token classifier.

A linear classifier (logistic regression, or an averaged perceptron; trained by
training/events/train_newstype.py on EventDNA) labels each word with the type of the event it
triggers, or O; the subtype follows from the trigger word. The model is a gzipped JSON file of
feature weights under kroniek/models/events/.
"""
from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

OUTSIDE = "O"
MODEL_FILE = "newstype.json.gz"
GAP = 3  # two triggers of one type this many words apart or closer report the same event


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


# a word's place in the parse: its tag, its relation, its head's lemma and which dependents it has
Tag = tuple[str, str, str, str]
_KID_RELS = ("nsubj", "nsubj:pass", "obj", "ccomp", "xcomp", "obl:agent", "aux:pass")


def tags_of(upos: Sequence[str], deprels: Sequence[str], heads: Sequence[int], words: Sequence[str]) -> list[Tag]:
    """Parse features for a sentence: heads are sentence indices (-1 for the root)."""
    kids: list[set[str]] = [set() for _ in words]
    for k, h in enumerate(heads):
        if 0 <= h < len(words) and deprels[k] in _KID_RELS:
            kids[h].add(deprels[k])
    return [
        (upos[k], deprels[k], _lemma(words[heads[k]]) if 0 <= heads[k] < len(words) else "<root>",
         "+".join(sorted(kids[k])))
        for k in range(len(words))
    ]


def features(words: Sequence[str], i: int, lemmas: Sequence[str] | None = None,
             tags: Sequence[Tag] | None = None) -> list[str]:
    lem = lemmas if lemmas is not None else [_lemma(w) for w in words]
    w = words[i].lower()

    def at(k: int) -> str:
        return lem[k] if 0 <= k < len(words) else ("<s>" if k < 0 else "</s>")

    parse = []
    if tags is not None:
        upos, rel, head, kids = tags[i]
        parse = ["u=" + upos, "d=" + rel, "hl=" + head, "k=" + kids, "ul=" + upos + "|" + lem[i], "dhl=" + rel + "|" + head]
    # the endings of a long lemma name the head of a Dutch compound (bomaanslag, gifgasaanval ->
    # aanslag, aanval), so a compound unseen in training still looks like its head
    suffixes = ["sf=" + lem[i][-k:] for k in range(5, 9) if len(lem[i]) > k + 2]
    return parse + suffixes + [
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


class NewsTypeModel:
    def __init__(self, weights: dict[str, dict[str, float]], labels: list[str], threshold: float,
                 subtypes: dict[str, dict[str, str]] | None = None, default: dict[str, str] | None = None):
        self.weights = weights
        self.labels = labels
        self.threshold = threshold
        self.subtypes = subtypes or {}  # type -> trigger lemma -> Type.Subtype
        self.default = default or {}  # type -> its most common Type.Subtype
        # trained with parse features (train_newstype.py --parsed)? then callers pass the sentence's tags
        self.uses_parse = any(f.startswith("u=") for f in weights)

    @classmethod
    def load(cls, path: Path | None = None) -> NewsTypeModel:
        if path is None:
            raw = resources.files("kroniek.models.events").joinpath(MODEL_FILE).read_bytes()
        else:
            raw = Path(path).read_bytes()
        data = json.loads(gzip.decompress(raw))
        return cls(data["weights"], data["labels"], data["threshold"], data.get("subtypes"), data.get("default"))

    def save(self, path: Path) -> None:
        data = {"labels": self.labels, "threshold": self.threshold, "subtypes": self.subtypes,
                "default": self.default, "weights": self.weights}
        path.write_bytes(gzip.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), 9, mtime=0))

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

    def full_label(self, label: str, lemma: str) -> str:
        """Type.Subtype for a predicted label: a type gets the subtype its trigger word usually has."""
        if "." in label:
            return label
        return self.subtypes.get(label, {}).get(lemma) or self.default.get(label) or f"{label}.{label}"

    def triggers(self, words: Sequence[str], threshold: float | None = None, gap: int = GAP,
                 tags: Sequence[Tag] | None = None) -> list[tuple[int, str, float]]:
        """(token index, Type.Subtype, margin) for each trigger; of two triggers of one type within
        `gap` words only the more confident is kept, as they report the same event."""
        th = self.threshold if threshold is None else threshold
        lem = [_lemma(w) for w in words]
        found = []
        for i, w in enumerate(words):
            if not w[:1].isalpha():
                continue
            label, margin = self.best(features(words, i, lem, tags))
            if label != OUTSIDE and margin > th:
                found.append((margin, i, self.full_label(label, lem[i])))
        out: list[tuple[int, str, float]] = []
        for margin, i, label in sorted(found, reverse=True):
            kind = label.split(".")[0]
            if all(not (k.split(".")[0] == kind and abs(i - j) <= gap) for j, k, _ in out):
                out.append((i, label, margin))
        return sorted(out)


@lru_cache(maxsize=1)
def model() -> NewsTypeModel | None:
    """The shipped model, or None when it has not been trained."""
    try:
        return NewsTypeModel.load()
    except FileNotFoundError:
        return None
