"""One command to rebuild kroniek's Dutch model from ../shared/data (never run in CI):

    python -m training.train [--data ../shared/data] [--recipe joint|separate] [--steps N] [--pretrain EPOCHS]

1. training.corpus converts UD Dutch (Alpino + LassySmall) and CoNLL-2002 into training/corpus/*.spacy;
2. --recipe joint (the default, the shipped model): spaCy trains training/joint.cfg, every component over
   one shared encoder on both corpora at once, into training/output/joint/; with --pretrain EPOCHS the
   encoder first learns from the raw text of the training splits (training/pretrain.py) and the joint
   training starts from those weights (or from --init-tok2vec FILE, weights pretrained before);
   --recipe separate: training/ud.cfg (tags, morphology, lemmas, dependencies) then training/ner.cfg
   (entities, with an encoder of their own), one process at a time; --steps-ud-more N resumes the UD
   pipeline from its last checkpoint with training/ud_more.cfg;
3. training.assemble names the best checkpoint(s) kroniek_nl and swaps the result into
   src/kroniek/models/nl/pipeline. Run benchmarks/accuracy.py afterwards for the scores.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "training/output"


def spacy_train(cfg: str, out: Path, steps: int | None, corpus: Path, *extra: str, config: Path | None = None) -> Path:
    config = config or ROOT / "training" / cfg
    cmd = [sys.executable, "-m", "spacy", "train", str(config), "--output", str(out), *extra]
    name = cfg.split(".")[0].split("_")[0]
    cmd += ["--paths.train", str(corpus / f"{name}-train.spacy"), "--paths.dev", str(corpus / f"{name}-dev.spacy")]
    if steps:
        cmd += ["--training.max_steps", str(steps)]
    # one BLAS thread: the matrices are small, and more threads only burn CPU (see kroniek/__init__.py)
    env = {**os.environ, "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS", "1")}
    subprocess.run(cmd, check=True, cwd=ROOT, env=env)
    return out / "model-best"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    ap.add_argument("--recipe", choices=("joint", "separate"), default="joint")
    ap.add_argument("--steps", type=int, help="override max_steps of training/joint.cfg")
    ap.add_argument("--steps-ud", type=int, help="override max_steps of training/ud.cfg")
    ap.add_argument("--steps-ner", type=int, help="override max_steps of training/ner.cfg")
    ap.add_argument("--steps-ud-more", type=int, help="resume UD training for this many more steps")
    ap.add_argument("--pretrain", type=int, metavar="EPOCHS", help="pretrain the joint encoder on raw text first")
    ap.add_argument("--init-tok2vec", type=Path, help="start the joint encoder from these pretrained weights")
    ap.add_argument("--no-install", action="store_true", help="train only; leave the shipped model alone")
    a = ap.parse_args()

    from training import assemble, corpus, pretrain

    corpus_dir = ROOT / "training/corpus"
    for name, n in corpus.build(a.data, corpus_dir).items():
        print(f"{name}: {n} sentences", flush=True)
    ner: Path | None = None
    if a.recipe == "joint":
        init = a.init_tok2vec
        if a.pretrain:
            init = pretrain.run(a.data, a.pretrain, pretrain.OUT)
        if init:
            # spaCy loads init_tok2vec only through a [pretraining] section naming the component: the merged config
            cfg = pretrain.merged_config(OUT / "joint-pretrained.cfg")
            ud = spacy_train("joint.cfg", OUT / "joint", a.steps, corpus_dir, "--paths.init_tok2vec", str(init),
                             config=cfg)
        else:
            ud = spacy_train("joint.cfg", OUT / "joint", a.steps, corpus_dir)
    else:
        ud = spacy_train("ud.cfg", OUT / "ud", a.steps_ud, corpus_dir)
        ner = spacy_train("ner.cfg", OUT / "ner", a.steps_ner, corpus_dir)
        if a.steps_ud_more:
            last = str(OUT / "ud/model-last")
            ud = spacy_train("ud_more.cfg", OUT / "ud_more", a.steps_ud_more, corpus_dir, "--paths.source", last)
    built = OUT / "pipeline"
    assemble.assemble(ud, ner, built)
    if not a.no_install:
        assemble.install(built)
        print(f"installed {assemble.SHIP}")


if __name__ == "__main__":
    main()
