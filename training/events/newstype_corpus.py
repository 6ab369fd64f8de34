"""EventDNA as spaCy DocBins for the news-type trigger tagger (training/events/newstype_ner.cfg).

    python training/events/newstype_corpus.py ../shared/data/eventdna-nl OUTDIR [--spans]

One Doc per sentence, EventDNA's own tokens. EventDNA marks clause-long spans without a trigger
word, so by default each typed span's trigger is the one word the shipped word classifier finds most
typical of the span's type, a one-word entity labelled with the Type; the span's other words, and the
words of "Unknown" spans (annotators saw an event but gave no type), are marked missing, so the
tagger is neither taught that they are triggers nor that they are not. With --spans whole typed
spans are the entities instead (the shorter of two overlapping spans wins); that learned far more
slowly in our runs (dev trigger F1 0.13 after 1,200 steps against 0.45 for trigger words).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_newstype import OUTSIDE, assign_triggers, load, relabel  # noqa: E402


def trigger_docs(sents: list[dict], nlp) -> list:  # noqa: ANN001 - spaCy objects
    """Docs whose entities are the one-word triggers of each typed span (the word the shipped
    classifier finds most typical of the span's type); the other words of every span are missing."""
    from spacy.tokens import Doc

    from kroniek.events.newstype import model

    assign_triggers(sents, 1)
    relabel(sents, model(), 1)
    docs = []
    for s in sents:
        doc = Doc(nlp.vocab, words=s["words"])
        ents = [doc[n:n + 1] for n, lab in enumerate(s["labels"]) if lab and lab != OUTSIDE]
        for e, lab in zip(ents, [lab for lab in s["labels"] if lab and lab != OUTSIDE], strict=True):
            e.label_ = lab.split(".")[0]
        trig = {e.start for e in ents}
        missing = [doc[n:n + 1] for n, lab in enumerate(s["labels"]) if lab is None and n not in trig]
        doc.set_ents(ents, missing=missing, default="outside")
        docs.append(doc)
    return docs


def span_docs(sents: list[dict], nlp) -> list:  # noqa: ANN001 - spaCy objects
    from spacy.tokens import Doc

    docs = []
    for s in sents:
        doc = Doc(nlp.vocab, words=s["words"])
        taken = [False] * len(doc)
        ents = []
        for a, b, label in sorted(s["spans"], key=lambda g: g[1] - g[0]):
            if label == "Unknown" or any(taken[a:b]):
                continue
            ents.append(doc.char_span(doc[a].idx, doc[b - 1].idx + len(doc[b - 1]), label=label.split(".")[0]))
            taken[a:b] = [True] * (b - a)
        unknown = {n for a, b, label in s["spans"] if label == "Unknown" for n in range(a, b) if not taken[n]}
        missing = [doc[n:n + 1] for n in sorted(unknown)]
        doc.set_ents([e for e in ents if e is not None], missing=missing, default="outside")
        docs.append(doc)
    return docs


def main() -> None:
    import spacy
    from spacy.tokens import DocBin

    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--spans", action="store_true", help="whole event spans as entities, not trigger words")
    a = ap.parse_args()
    nlp = spacy.blank("nl")
    a.out.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev"):
        docs = (span_docs if a.spans else trigger_docs)(load(a.data / split), nlp)
        DocBin(docs=docs).to_disk(a.out / f"{split}.spacy")
        print(split, len(docs), "sentences", sum(len(d.ents) for d in docs), "events", file=sys.stderr)


if __name__ == "__main__":
    main()
