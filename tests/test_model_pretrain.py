"""Raw text and config for pretraining the shared encoder (training/pretrain.py)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from thinc.api import Config

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # training/ lives beside src/, not in the package

from training.pretrain import merged_config, write_raw  # noqa: E402

ROW = "{i}\t{w}\t_\tX\t_\t_\t0\troot\t_\t_\n"


def _conllu(words: list[str]) -> str:
    return "".join(ROW.format(i=i, w=w) for i, w in enumerate(words, 1)) + "\n"


def _data(root: Path) -> Path:
    (root / "ud-nl/train").mkdir(parents=True)
    (root / "ud-nl/dev").mkdir(parents=True)
    (root / "ud-nl/train/alpino.conllu").write_text(_conllu(["De", "trein", "reed", "."]), encoding="utf-8")
    (root / "ud-nl/dev/alpino-dev.conllu").write_text(_conllu(["Geheim", "dev", "."]), encoding="utf-8")
    (root / "ner-nl/conll2002").mkdir(parents=True)
    (root / "ner-nl/conll2002/ned.train").write_text(
        "-DOCSTART- -DOCSTART- O\nRutte N B-PER\nwon V O\n\nDe Art O\ntrein N O\nreed V O\n. Punc O\n\n",
        encoding="utf-8")
    (root / "ner-nl/conll2002/ned.testa").write_text("Testa N O\nzin N O\n\n", encoding="utf-8")
    (root / "ner-nl/wikiann").mkdir(parents=True)
    for name, word in (("train", "Gent"), ("val", "Brugge"), ("test", "Geheimstad")):
        (root / f"ner-nl/wikiann/{name}.conllu").write_text(f"0\tin\tO\n1\t{word}\tB-LOC\n\n", encoding="utf-8")
    for split, text in (("train", "Brand in Gent"), ("dev", "Geheime ontploffing")):
        (root / f"eventdna-nl/{split}").mkdir(parents=True)
        doc = {"token_string": text, "sentences": {"0": {"token_ids": [0, 1, 2]}}}
        (root / f"eventdna-nl/{split}/eventdna_1.json").write_text(json.dumps({"doc": doc}), encoding="utf-8")
    return root


def test_raw_text_is_every_training_sentence_once_and_no_dev_text(tmp_path: Path) -> None:
    out = tmp_path / "raw.jsonl"
    n, words = write_raw(_data(tmp_path / "data"), out)
    texts = [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert texts == ["De trein reed .", "Rutte won", "in Gent", "in Brugge", "Brand in Gent"]
    assert (n, words) == (5, 13)
    assert not any("eheim" in t or "Testa" in t for t in texts)


def test_extra_text_of_ones_own_is_added_and_a_bad_line_named(tmp_path: Path) -> None:
    data = _data(tmp_path / "data")
    archive = tmp_path / "archive.jsonl"
    archive.write_text(json.dumps({"id": "a1", "text": "Kop\nEerste alinea hier."}) + "\n\n", encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("Een alinea van tekst.\n", encoding="utf-8")
    out = tmp_path / "raw.jsonl"
    n, _ = write_raw(data, out, [archive, notes])
    texts = [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert texts[-3:] == ["Kop", "Eerste alinea hier.", "Een alinea van tekst."] and n == 8
    archive.write_text("{\"id\": 1}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"archive.jsonl:1: expected a JSON object with a text field"):
        write_raw(data, out, [archive])


def test_pretraining_config_shares_the_joint_encoder(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1] / "training"
    cfg = Config().from_disk(merged_config(tmp_path / "pretrain.cfg"), interpolate=False)
    joint = Config().from_disk(root / "joint.cfg", interpolate=False)
    assert cfg["pretraining"]["component"] == "tok2vec"
    assert cfg["components"]["tok2vec"] == joint["components"]["tok2vec"]
    assert cfg["corpora"]["pretrain"]["path"] == "${paths.raw_text}"
    assert cfg["corpora"]["train"] == joint["corpora"]["train"]


def test_shipped_config_forgets_the_training_machine_and_the_pretraining(tmp_path: Path) -> None:
    import spacy
    from training.assemble import _portable_config

    nlp = spacy.blank("nl")
    cfg = nlp.config
    cfg["paths"] = {"train": "/work/x/joint-train.spacy", "dev": "/work/x/dev.spacy", "raw_text": "/work/x/raw.jsonl",
                    "init_tok2vec": "/work/x/model5.bin", "vectors": None}
    cfg["pretraining"] = {"component": "tok2vec"}
    cfg.setdefault("corpora", {})["pretrain"] = {"path": "${paths.raw_text}"}
    nlp.config = cfg
    _portable_config(nlp)
    nlp.to_disk(tmp_path / "m")
    text = (tmp_path / "m" / "config.cfg").read_text(encoding="utf-8")
    assert "/work/x" not in text and "[pretraining]" not in text and "raw_text" not in text
    assert spacy.load(tmp_path / "m").config["paths"]["train"] == "training/corpus/joint-train.spacy"
