"""Join the trained UD pipeline and the entity recogniser into the one pipeline kroniek ships.

The recogniser gets its own copy of its token encoder (replace_listeners), so the two halves
stay independent and the result loads with a single `spacy.load`.
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

import spacy
from thinc.api import Config

SHIP = Path(__file__).resolve().parents[1] / "src/kroniek/models/nl/pipeline"
RECIPE = Path(__file__).resolve().parent / "joint.cfg"


def assemble(ud_dir: Path, ner_dir: Path | None, out: Path) -> None:
    nlp = spacy.load(ud_dir)
    if ner_dir is not None:
        ner = spacy.load(ner_dir)
        ner.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
        nlp.add_pipe("ner", source=ner)
    nlp.meta.update({"name": "kroniek_nl", "version": "0.1.0", "lang": "nl",
                     "description": "kroniek's Dutch tagger, lemmatiser, parser and entity recogniser",
                     "license": "research-only (CoNLL-2002); see MODEL_CARD.md"})
    nlp.meta.pop("performance", None)
    _portable_config(nlp)
    nlp.to_disk(out)


def _portable_config(nlp: spacy.Language) -> None:
    """The shipped config names the recipe's own paths (training/joint.cfg's), not the training machine's, and
    leaves out the pretraining section (its raw text and weights were only the starting point)."""
    cfg = nlp.config
    cfg.pop("pretraining", None)
    cfg.get("corpora", {}).pop("pretrain", None)
    cfg["paths"] = dict(Config().from_disk(RECIPE, interpolate=False)["paths"])
    nlp.config = cfg


def install(built: Path, ship: Path = SHIP) -> None:
    """Swap a built pipeline into the package, so a loadable model is there at every moment."""
    ship.parent.mkdir(parents=True, exist_ok=True)
    old = ship.with_name(ship.name + ".old")
    staged = ship.with_name(ship.name + ".new")
    shutil.rmtree(staged, ignore_errors=True)
    shutil.copytree(built, staged)
    shutil.rmtree(old, ignore_errors=True)
    if ship.exists():
        ship.rename(old)
    staged.rename(ship)
    shutil.rmtree(old, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("ud", type=Path, help="trained UD pipeline (e.g. training/output/ud/model-best)")
    ap.add_argument("ner", type=Path, nargs="?", help="trained NER pipeline (e.g. training/output/ner/model-best)")
    ap.add_argument("--install", action="store_true", help="swap the result into src/kroniek/models/nl/pipeline")
    ap.add_argument("--out", type=Path, help="write here instead")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = a.out or Path(tmp) / "pipeline"
        assemble(a.ud, a.ner, out)
        if a.install:
            install(out)
            print(f"installed {SHIP}")
        else:
            print(f"assembled {out}")


if __name__ == "__main__":
    main()
