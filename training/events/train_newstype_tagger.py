"""Train the news-type trigger tagger on EventDNA (train split; dev picks the best checkpoint).

    python training/events/train_newstype_tagger.py ../shared/data/eventdna-nl [--minutes 15]

Run train_newstype.py first: the word classifier it writes chooses each span's trigger word and
gives the tagger's triggers their subtypes. The corpus (newstype_corpus.py) and the spaCy run
(newstype_ner.cfg) go to a temporary folder; the best checkpoint (exact trigger F1 on dev) is copied
to src/kroniek/models/events/newstype_tagger; then the two cut-offs that combine it with the
classifier (see kroniek/events/tagger.py) are chosen on dev, scored as the shared scorer counts it,
and written to the model's combine.json. Never run in CI.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parents[1] / "src" / "kroniek" / "models" / "events" / "newstype_tagger"
sys.path.insert(0, str(HERE))

from train_newstype import evaluate, load  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--minutes", type=float, default=15.0, help="training time limit (the best checkpoint is kept)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--checkpoint", type=Path, default=None,
                    help="a spaCy checkpoint trained before (e.g. an interrupted run's model-best): only choose the cut-offs")
    a = ap.parse_args()
    if a.checkpoint is not None:
        if a.out.exists():
            shutil.rmtree(a.out)
        shutil.copytree(a.checkpoint, a.out)
    else:
        train(a.data, a.minutes, a.out)
    combine(a.data, a.out)


def train(data: Path, minutes: float, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        subprocess.run([sys.executable, str(HERE / "newstype_corpus.py"), str(data), str(work)], check=True)
        cmd = [sys.executable, "-m", "spacy", "train", str(HERE / "newstype_ner.cfg"), "--output", str(work / "out"),
               "--paths.train", str(work / "train.spacy"), "--paths.dev", str(work / "dev.spacy")]
        try:
            subprocess.run(cmd, check=True, timeout=minutes * 60)
        except subprocess.TimeoutExpired:
            print("time limit reached: keeping the best checkpoint so far", file=sys.stderr)
        best = work / "out" / "model-best"
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(best, out)


def combine(data: Path, out: Path) -> None:
    from kroniek.events.newstype import model
    from kroniek.events.tagger import NewsTypeTagger

    tagger = NewsTypeTagger.load(out, model())
    dev = load(data / "dev")
    tagged = {tuple(s["words"]): tagger.tagged(s["words"]) for s in dev}
    tagger.tagged = lambda words: tagged[tuple(words)]  # type: ignore[method-assign]  # the grid re-reads dev
    best = None
    for agree in (float("-inf"), -4.0, -3.0, -2.0, -1.0, 0.0):
        for alone in (0.0, 1.0, 2.0, 3.0, 5.0, 1e9):
            tagger.agree, tagger.alone = agree, alone
            res = evaluate(tagger, dev, None)  # type: ignore[arg-type]
            print(f"agree {agree} alone {alone}: dev type {res['type']}", file=sys.stderr)
            if best is None or res["type"]["f1"] > best[0]:
                best = (res["type"]["f1"], agree, alone, res)
    assert best is not None
    _, tagger.agree, tagger.alone, res = best
    tagger.save_cutoffs(out)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(json.dumps({"agree": tagger.agree, "alone": tagger.alone, "dev": res, "bytes": size}, indent=1))


if __name__ == "__main__":
    main()
