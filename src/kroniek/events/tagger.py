"""News-type triggers from a small spaCy tagger, backed by the word classifier.

The tagger (kroniek/models/events/newstype_tagger, trained by training/events/train_newstype_tagger.py
on EventDNA) marks one trigger word per event with its Type; its token encoder sees each word's
prefix, suffix and shape, so it generalises to unseen compounds (verkiezingsoverwinning). The word
classifier (newstype.py) vets and subtypes each of the tagger's triggers (kept when the classifier's
margin for the tagged type is above `agree`) and adds the confident events of a type the tagger
missed (margin above `alone`): the two disagree often enough that together they do better than
either. Both cut-offs are chosen on dev by the training script and kept in the model's combine.json.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from kroniek.events.newstype import OUTSIDE, NewsTypeModel, Tag, _lemma, features
from kroniek.events.newstype import model as word_model

MODEL_DIR = "newstype_tagger"
COMBINE = "combine.json"


class NewsTypeTagger:
    def __init__(self, nlp: Any, words: NewsTypeModel | None, agree: float = float("-inf"),
                 alone: float | None = None, gap: int = 3):
        self.nlp = nlp
        self.words = words
        self.agree = agree
        self.alone = alone  # None: the classifier's own threshold
        self.gap = gap  # a classifier trigger this close to a tagger trigger of its type is the same event
        self.uses_parse = words.uses_parse if words is not None else False
        self._ready: dict[tuple[str, ...], list[tuple[int, str]]] = {}

    @classmethod
    def load(cls, path: Path, words: NewsTypeModel | None = None) -> NewsTypeTagger:
        import spacy

        cut = json.loads((path / COMBINE).read_text()) if (path / COMBINE).is_file() else {}
        return cls(spacy.load(path), words, cut.get("agree", float("-inf")), cut.get("alone"))

    def save_cutoffs(self, path: Path) -> None:
        (path / COMBINE).write_text(json.dumps({"agree": self.agree, "alone": self.alone}) + "\n")

    def prepare(self, sentences: Sequence[Sequence[str]]) -> None:
        """Tag a document's sentences in one batch (several times faster than one by one);
        `tagged` then answers from these until the next call."""
        from spacy.tokens import Doc

        todo = [list(w) for w in sentences if w]
        docs = self.nlp.pipe(Doc(self.nlp.vocab, words=w) for w in todo)
        self._ready = {tuple(w): [(e.start, e.label_) for e in d.ents] for w, d in zip(todo, docs, strict=True)}

    def tagged(self, words: Sequence[str]) -> list[tuple[int, str]]:
        """(token index, Type) for each word the tagger marks."""
        from spacy.tokens import Doc

        got = self._ready.get(tuple(words))
        if got is not None:
            return got
        doc = self.nlp(Doc(self.nlp.vocab, words=list(words)))
        return [(e.start, e.label_) for e in doc.ents]

    def triggers(self, words: Sequence[str], threshold: float | None = None, gap: int = 3,
                 tags: Sequence[Tag] | None = None) -> list[tuple[int, str, float]]:
        """(token index, Type.Subtype, margin) per trigger, as NewsTypeModel.triggers (tagger
        triggers get margin 1.0). `threshold` (default: `alone`), `gap` and `tags` go to the classifier."""
        if not words:
            return []
        lem = [_lemma(w) for w in words]
        out: list[tuple[int, str, float]] = []
        kept: list[tuple[int, str]] = []
        for i, kind in self.tagged(words):
            if self.words is None:
                out.append((i, f"{kind}.{kind}", 1.0))
                kept.append((i, kind))
                continue
            sc = self.words.scores(features(words, i, lem, tags))
            if sc.get(kind, 0.0) - sc.get(OUTSIDE, 0.0) > self.agree:
                out.append((i, self.words.full_label(kind, lem[i]), 1.0))
                kept.append((i, kind))
        if self.words is not None:
            th = threshold if threshold is not None else self.alone
            for i, label, margin in self.words.triggers(words, th, gap, tags):
                kind = label.split(".")[0]
                if not any(k == kind and abs(i - j) <= self.gap for j, k in kept):
                    out.append((i, label, margin))
        return sorted(out)


@cache
def tagger() -> NewsTypeTagger | None:
    """The shipped tagger with the shipped classifier, or None when the tagger has not been trained."""
    path = Path(str(resources.files("kroniek.models.events").joinpath(MODEL_DIR)))
    if not (path / "config.cfg").is_file():
        return None
    return NewsTypeTagger.load(path, word_model())
