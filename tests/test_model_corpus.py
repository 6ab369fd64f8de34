"""Conversion of the training data (training/corpus.py) into spaCy documents."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from spacy.vocab import Vocab

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # training/ lives beside src/, not in the package

from training.corpus import CorpusError, conll2002_sentences, conllu_sentences, ner_doc, ud_doc  # noqa: E402

CONLLU = """# text = Hij viel af.
1\tHij\thij\tPRON\tVNW|pers\tPerson=3\t2\tnsubj\t_\t_
2\tviel\taf_vallen\tVERB\tWW|pv|verl|ev\tTense=Past\t0\troot\t_\t_
3\taf\taf\tADP\tVZ|fin\t_\t2\tcompound:prt\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\tLET\t_\t2\tpunct\t_\t_
"""


def test_ud_sentence_keeps_tree_subtypes_and_lemmas(tmp_path: Path) -> None:
    p = tmp_path / "a.conllu"
    p.write_text(CONLLU + "\n", encoding="utf-8")
    [rows] = list(conllu_sentences(p))
    doc = ud_doc(Vocab(), rows, lemmas=True)
    assert [t.text for t in doc] == ["Hij", "viel", "af", "."]
    assert [t.head.i for t in doc] == [1, 1, 1, 1]
    assert [t.dep_ for t in doc] == ["nsubj", "ROOT", "compound:prt", "punct"]
    assert doc[1].lemma_ == "af_vallen" and doc[1].pos_ == "VERB" and doc[1].tag_ == "WW|pv|verl|ev"
    assert doc[2].whitespace_ == "" and doc[1].whitespace_ == " "  # SpaceAfter=No kept
    assert ud_doc(Vocab(), rows, lemmas=False)[1].lemma_ == ""


def test_bad_conllu_row_names_file_and_line(tmp_path: Path) -> None:
    p = tmp_path / "bad.conllu"
    p.write_text(CONLLU.replace("2\tviel\taf_vallen", "2\tviel"), encoding="utf-8")
    with pytest.raises(CorpusError, match=r"bad.conllu:3: expected 10"):
        list(conllu_sentences(p))


def test_conll2002_entities_and_bad_tag(tmp_path: Path) -> None:
    p = tmp_path / "ned.train"
    p.write_text("-DOCSTART- -DOCSTART- O\nMark N I-PER\nRutte N I-PER\nin Prep O\nGent N B-LOC\n\n", encoding="utf-8")
    [(words, tags)] = list(conll2002_sentences(p))
    doc = ner_doc(Vocab(), words, tags)
    assert [(e.text, e.label_) for e in doc.ents] == [("Mark Rutte", "PER"), ("Gent", "LOC")]
    p.write_text("Mark N B-PERSON\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"ned.train:1: bad NER tag"):
        list(conll2002_sentences(p))


def test_joint_corpus_leaves_the_other_corpus_annotation_missing(tmp_path: Path) -> None:
    from spacy.tokens import DocBin
    from training.corpus import build

    data = tmp_path / "data"
    for f in ("train/alpino-reconverted.conllu", "train/lassysmall-2017-filtered.conllu",
              "dev/nl_alpino-ud-dev.conllu", "dev/nl_lassysmall-ud-dev.conllu"):
        (data / "ud-nl" / f).parent.mkdir(parents=True, exist_ok=True)
        (data / "ud-nl" / f).write_text(CONLLU + "\n", encoding="utf-8")
    (data / "ner-nl/conll2002").mkdir(parents=True)
    for f in ("ned.train", "ned.testa"):
        (data / "ner-nl/conll2002" / f).write_text("Mark N B-PER\nRutte N I-PER\nsprak V O\n\n", encoding="utf-8")
    counts = build(data, tmp_path / "corpus")
    assert counts["joint-train"] == counts["ud-train"] + counts["ner-train"] == 3
    vocab = Vocab()
    ud, _, ner = DocBin().from_disk(tmp_path / "corpus/joint-train.spacy").get_docs(vocab)
    # spaCy skips missing annotation in the losses: no entity labels on treebank sentences (not "O"),
    # no tree on CoNLL sentences
    assert ud.has_annotation("DEP") and not ud.has_annotation("ENT_IOB")
    assert ner.has_annotation("ENT_IOB") and not ner.has_annotation("DEP") and not ner.has_annotation("POS")
