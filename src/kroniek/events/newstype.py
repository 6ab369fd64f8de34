"""News event types (EventDNA / ACE typology) from a token classifier.

A linear classifier (logistic regression, or an averaged perceptron; trained by
training/events/train_newstype.py on EventDNA) labels each word with the type of the event it
triggers, or O; the subtype follows from the trigger word. The model is a gzipped JSON file of
feature weights under kroniek/models/events/.
"""
from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources
from itertools import chain, zip_longest
from pathlib import Path
from typing import Any

import numpy as np

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


def own_features(word: str, lemma: str) -> list[str]:
    """The features of a word by itself, in `features` order (they follow the parse features)."""
    w = word.lower()
    # the endings of a long lemma name the head of a Dutch compound (bomaanslag, gifgasaanval ->
    # aanslag, aanval), so a compound unseen in training still looks like its head
    suffixes = ["sf=" + lemma[-k:] for k in range(5, min(9, len(lemma) - 2))]
    return suffixes + ["b", "w=" + w, "l=" + lemma, "s3=" + w[-3:], "p4=" + w[:4], "sh=" + _shape(word)]


def features(words: Sequence[str], i: int, lemmas: Sequence[str] | None = None,
             tags: Sequence[Tag] | None = None) -> list[str]:
    lem = lemmas if lemmas is not None else [_lemma(w) for w in words]
    n = len(words)
    li = lem[i]
    # the neighbours' lemmas, "<s>" / "</s>" past the sentence's ends
    l_1 = lem[i - 1] if i >= 1 else "<s>"
    l_2 = lem[i - 2] if i >= 2 else "<s>"
    l1 = lem[i + 1] if i + 1 < n else "</s>"
    l2 = lem[i + 2] if i + 2 < n else "</s>"
    parse = []
    if tags is not None:
        upos, rel, head, kids = tags[i]
        parse = ["u=" + upos, "d=" + rel, "hl=" + head, "k=" + kids, "ul=" + upos + "|" + li, "dhl=" + rel + "|" + head]
    return parse + own_features(words[i], li) + [
        "l-1=" + l_1,
        "l+1=" + l1,
        "l-2=" + l_2,
        "l+2=" + l2,
        "l-1l=" + l_1 + "|" + li,
        "ll+1=" + li + "|" + l1,
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
        # the weights as a matrix, built on first use by `triggers` (the weights must not change after)
        self._table: tuple[Any, ...] | None = None
        # matrix rows of a word's own features (by word) and of a lemma as each neighbour (l-1, l+1, l-2,
        # l+2; None where the model has no weight): `triggers_many` looks them up once per word form
        # (tuples: the garbage collector stops tracking tuples of ints, where it would walk every list)
        self._own_rows: dict[str, tuple[int, ...]] = {}
        self._near_rows: dict[str, tuple[int | None, ...]] = {}
        # rows of the lemma-pair features "l-1l=" + left + "|" + lemma and "ll+1=" + lemma + "|" + right,
        # by (lemma, neighbour's lemma): looked up without building the strings
        self._pair_rows: tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]] = ({}, {})

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

    def _matrix(self) -> tuple[dict[str, int], Any, Any, list[str], int]:
        """The weights as a (features + 1) x labels matrix for `triggers`, whose words are scored together:
        feature -> row, weights, which labels each feature has at all (a label with weight 0.0 still
        competes in `best`), the label of each column, and the column of O (-1 without one). The last
        row is all zero and absent, for padding."""
        if self._table is None:
            # C-level iteration (map, chain) throughout: the model has hundreds of thousands of weights
            used = [f for f, w in self.weights.items() if w]
            ws = list(map(self.weights.__getitem__, used))
            cols = {label: c for c, label in enumerate(dict.fromkeys(chain.from_iterable(ws)))}
            rows = dict(zip(used, range(len(used)), strict=True))
            r_idx = np.repeat(np.arange(len(used)), list(map(len, ws)))
            c_idx = np.fromiter(map(cols.__getitem__, chain.from_iterable(ws)), dtype=np.intp, count=len(r_idx))
            vals = np.fromiter(chain.from_iterable(map(dict.values, ws)), dtype=float, count=len(r_idx))
            mat = np.zeros((len(rows) + 1, max(1, len(cols))))
            has = np.zeros(mat.shape, dtype=bool)
            mat[r_idx, c_idx] = vals
            has[r_idx, c_idx] = True
            self._table = (rows, mat, has, list(cols), cols.get(OUTSIDE, -1))
            left, right = self._pair_rows = ({}, {})
            for f, r in rows.items():
                if f.startswith(("l-1l=", "ll+1=")):
                    pair = f[5:]
                    # a lemma may hold "|" itself: every split of the feature is a pair that spells it
                    for cut in (k for k, c in enumerate(pair) if c == "|"):
                        a, b = pair[:cut], pair[cut + 1 :]
                        if f[0:2] == "l-":  # "l-1l=" + left + "|" + lemma
                            left[b, a] = r
                        else:  # "ll+1=" + lemma + "|" + right
                            right[a, b] = r
        return self._table

    def _best_many(self, hits: list[list[int]], feats: Callable[[int], list[str]]) -> list[tuple[str, float]]:
        """`best` for many words at once, given the matrix rows of each word's features (in feature
        order) and the features of word k (`feats(k)`), with the same sums: each word's feature weights
        are added one feature after another, in its feature order, as `scores` does (a padding row
        adds 0.0, which changes no sum). A tie for the top label falls back to `best`, whose pick among
        equal scores depends on the order the labels turn up in."""
        rows, mat, has, labels, o_col = self._matrix()
        pad = len(rows)
        if not any(hits):
            return [self.best(feats(k)) for k in range(len(hits))]
        idx = np.array(list(zip_longest(*hits, fillvalue=pad)), dtype=np.intp)  # features x words
        picked = mat[idx]
        sums = picked[0].copy()
        for k in range(1, len(picked)):
            sums += picked[k]
        rivals = np.where(has[idx].any(axis=0), sums, -np.inf)
        if o_col >= 0:
            rivals[:, o_col] = -np.inf
        top = rivals.max(axis=1)
        ties = ((rivals == top[:, None]).sum(axis=1) > 1).tolist()
        margins = (top - sums[:, o_col] if o_col >= 0 else top).tolist()
        out: list[tuple[str, float]] = []
        for k, (t, arg) in enumerate(zip(top.tolist(), rivals.argmax(axis=1).tolist(), strict=True)):
            if t == -np.inf:
                out.append((OUTSIDE, -1.0))
            elif ties[k]:
                out.append(self.best(feats(k)))
            else:
                out.append((labels[arg], margins[k]))
        return out

    def _rows(self, words: Sequence[str], lem: Sequence[str], alpha: list[int],
              tags: Sequence[Tag] | None) -> list[list[int]]:
        """The matrix rows of `features(words, i, lem, tags)` for each i in `alpha`, in feature order,
        the features the model has no weight for left out. Without parse features, a word's own
        features and its neighbours' come from caches by word form (lem must be `_lemma` of words):
        building and hashing some twenty feature strings per word cost more than the scoring."""
        rows = self._matrix()[0]
        get = rows.get
        if tags is not None:
            return [[r for r in map(get, features(words, i, lem, tags)) if r is not None] for i in alpha]
        if len(self._own_rows) > 1 << 18:  # bounded in a long run
            self._own_rows.clear()
            self._near_rows.clear()
        own, near = self._own_rows, self._near_rows
        left, right = self._pair_rows
        bounds = ("<s>", "<s>", *lem, "</s>", "</s>")  # lemma of word i at i + 2, ends padded
        ctx = []
        for x in bounds:
            got = near.get(x)
            if got is None:
                got = near[x] = (get("l-1=" + x), get("l+1=" + x), get("l-2=" + x), get("l+2=" + x))
            ctx.append(got)
        out = []
        for i in alpha:
            w, li = words[i], lem[i]
            mine = own.get(w)
            if mine is None:
                mine = own[w] = tuple(r for r in map(get, own_features(w, li)) if r is not None)
            l_1, l1 = bounds[i + 1], bounds[i + 3]
            after = (ctx[i + 1][0], ctx[i + 3][1], ctx[i][2], ctx[i + 4][3],
                     left.get((li, l_1)), right.get((li, l1)))
            out.append([*mine, *(r for r in after if r is not None)])
        return out

    def full_label(self, label: str, lemma: str) -> str:
        """Type.Subtype for a predicted label: a type gets the subtype its trigger word usually has."""
        if "." in label:
            return label
        return self.subtypes.get(label, {}).get(lemma) or self.default.get(label) or f"{label}.{label}"

    def triggers(self, words: Sequence[str], threshold: float | None = None, gap: int = GAP,
                 tags: Sequence[Tag] | None = None) -> list[tuple[int, str, float]]:
        """(token index, Type.Subtype, margin) for each trigger; of two triggers of one type within
        `gap` words only the more confident is kept, as they report the same event."""
        return self.triggers_many([(words, tags)], threshold, gap)[0]

    def triggers_many(self, sentences: Sequence[tuple[Sequence[str], Sequence[Tag] | None]],
                      threshold: float | None = None, gap: int = GAP) -> list[list[tuple[int, str, float]]]:
        """`triggers` for each (words, tags) sentence; the words of all of them are scored in one go,
        as the matrix arithmetic costs about as much for one sentence as for a whole article."""
        th = self.threshold if threshold is None else threshold
        lems = [[_lemma(w) for w in words] for words, _ in sentences]
        hits: list[list[int]] = []
        where: list[tuple[int, int]] = []
        for s, ((words, tags), lem) in enumerate(zip(sentences, lems, strict=True)):
            alpha = [i for i, w in enumerate(words) if w[:1].isalpha()]
            hits.extend(self._rows(words, lem, alpha, tags))
            where.extend((s, i) for i in alpha)

        def feats(k: int) -> list[str]:
            s, i = where[k]
            return features(sentences[s][0], i, lems[s], sentences[s][1])

        found: list[list[tuple[float, int, str]]] = [[] for _ in sentences]
        for (s, i), (label, margin) in zip(where, self._best_many(hits, feats) if hits else [], strict=True):
            if label != OUTSIDE and margin > th:
                found[s].append((margin, i, self.full_label(label, lems[s][i])))
        return [_apart(f, gap) for f in found]


def _apart(found: list[tuple[float, int, str]], gap: int) -> list[tuple[int, str, float]]:
    """The most confident of the (margin, index, label) triggers of one type within `gap` words."""
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
