"""Convert the shared Dutch treebanks and NER data into spaCy DocBin files.

One spaCy Doc per sentence, because kroniek parses sentence by sentence with fixed boundaries.
Columns a source lacks (XPOS and Alpino-style lemmas in the 2017 LassySmall file) stay empty,
which spaCy treats as missing annotation rather than as a label.
"""
from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab


class CorpusError(ValueError):
    pass


def conllu_sentences(path: Path) -> Iterator[list[list[str]]]:
    """Token rows (10 columns) of each sentence; multiword ranges and empty nodes are skipped."""
    cur: list[list[str]] = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                if cur:
                    yield cur
                cur = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise CorpusError(f"{path}:{n}: expected 10 tab-separated columns, got {len(cols)}")
            if "-" in cols[0] or "." in cols[0]:
                continue
            cur.append(cols)
    if cur:
        yield cur


def _blank(v: str) -> str:
    return "" if v == "_" else v


def ud_doc(vocab: Vocab, rows: list[list[str]], lemmas: bool) -> Doc:
    words = [r[1] for r in rows]
    spaces = ["SpaceAfter=No" not in r[9] for r in rows]
    heads = [int(r[6]) - 1 if r[6] != "0" else i for i, r in enumerate(rows)]
    # subtypes stay (nsubj:pass, obl:agent, compound:prt): the events layer reads voice and particles off them
    deps = [r[7] if r[6] != "0" else "ROOT" for r in rows]
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=[_blank(r[4]) for r in rows],
        pos=[_blank(r[3]) or None for r in rows] if all(_blank(r[3]) for r in rows) else None,
        morphs=[_blank(r[5]) for r in rows],
        lemmas=[_blank(r[2]) for r in rows] if lemmas else None,
        heads=heads,
        deps=deps,
        sent_starts=[i == 0 for i in range(len(rows))],
    )


def conll2002_sentences(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="latin-1" if _is_latin1(path) else "utf-8") as f:
        for n, line in enumerate(f, 1):
            parts = line.split()
            if not parts or parts[0] == "-DOCSTART-":
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            tag = parts[-1]
            if tag != "O" and not (tag[:2] in ("B-", "I-") and tag[2:] in ("PER", "ORG", "LOC", "MISC")):
                raise CorpusError(f"{path}:{n}: bad NER tag {tag!r}")
            words.append(parts[0])
            tags.append(tag)
    if words:
        yield words, tags


def _is_latin1(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
        return False
    except UnicodeDecodeError:
        return True


def _iob2(tags: list[str]) -> list[str]:
    """CoNLL files may open an entity with I-; spaCy wants B- there."""
    out, prev = [], "O"
    for t in tags:
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def ner_doc(vocab: Vocab, words: list[str], tags: list[str]) -> Doc:
    return Doc(vocab, words=words, ents=_iob2(tags), sent_starts=[i == 0 for i in range(len(words))])


def build(data: Path, out: Path) -> dict[str, int]:
    vocab = Vocab()
    out.mkdir(parents=True, exist_ok=True)
    ud = data / "ud-nl"
    counts: dict[str, int] = {}
    # Alpino lemmas mark compound and particle boundaries with "_" (the UD Dutch convention the
    # scorer uses); the 2017 LassySmall file does not, so its lemmas are left out of training.
    sets = {
        "ud-train": [(ud / "train/alpino-reconverted.conllu", True), (ud / "train/lassysmall-2017-filtered.conllu", False)],
        "ud-dev": [(ud / "dev/nl_alpino-ud-dev.conllu", True), (ud / "dev/nl_lassysmall-ud-dev.conllu", True)],
        "ud-dev-alpino": [(ud / "dev/nl_alpino-ud-dev.conllu", True)],
    }
    for name, files in sets.items():
        db = DocBin(store_user_data=False)
        for path, lemmas in files:
            for rows in conllu_sentences(path):
                if any(r[7] == "_" for r in rows):  # a few LassySmall trees lack relations
                    continue
                db.add(ud_doc(vocab, rows, lemmas))
        db.to_disk(out / f"{name}.spacy")
        counts[name] = len(db)
    ner = data / "ner-nl/conll2002"
    for name, path in (("ner-train", ner / "ned.train"), ("ner-dev", ner / "ned.testa")):
        db = DocBin(store_user_data=False)
        for words, tags in conll2002_sentences(path):
            db.add(ner_doc(vocab, words, tags))
        db.to_disk(out / f"{name}.spacy")
        counts[name] = len(db)
    # the joint recipe (training/joint.cfg) trains every component on both corpora at once
    for name, parts in (("joint-train", ("ud-train", "ner-train")), ("joint-dev", ("ud-dev", "ner-dev"))):
        db = DocBin(store_user_data=False)
        for part in parts:
            for doc in DocBin().from_disk(out / f"{part}.spacy").get_docs(vocab):
                db.add(doc)
        db.to_disk(out / f"{name}.spacy")
        counts[name] = len(db)
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/data")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "corpus")
    a = ap.parse_args()
    for name, n in build(a.data, a.out).items():
        print(f"{name}: {n} sentences")


if __name__ == "__main__":
    main()
