"""EventDNA as spaCy DocBins for the news-type span tagger (training/events/newstype_ner.cfg).

    python training/events/newstype_corpus.py ../shared/data/eventdna-nl OUTDIR

One Doc per sentence, EventDNA's own tokens. Each typed event span becomes an entity labelled with
its Type; where typed spans overlap the shorter one wins (it is the more specific event). Words of
"Unknown" spans (annotators saw an event but gave no type) that no typed span covers are marked
missing, so the tagger is neither taught that they are events nor that they are not.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_newstype import load  # noqa: E402


def to_docs(sents: list[dict], nlp) -> list:  # noqa: ANN001 - spaCy objects
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
    a = ap.parse_args()
    nlp = spacy.blank("nl")
    a.out.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev"):
        docs = to_docs(load(a.data / split), nlp)
        DocBin(docs=docs).to_disk(a.out / f"{split}.spacy")
        print(split, len(docs), "sentences", sum(len(d.ents) for d in docs), "events", file=sys.stderr)


if __name__ == "__main__":
    main()
