"""Pretrain the shared encoder on the raw Dutch text of ../shared/data's training splits (never run in CI):

    python -m training.pretrain [--data ../shared/data] [--epochs N] [--extra FILE ...]

Writes training/output/pretrain/raw.jsonl (UD train, CoNLL-2002 train, WikiANN train+validation and EventDNA
train as plain text; no dev or test text, so the dev scores stay honest), the merged config, and
spaCy's weights per epoch (model{N}.bin). `python -m training.train --init-tok2vec .../modelN.bin` then starts
the joint training from them. --extra adds raw text of your own, such as a news archive: JSON Lines with a
"text" field (kroniek's input format) or plain text, one paragraph per line.

On the shared data alone (778k words, mostly the training sentences themselves) pretraining did not pay:
every dev score stayed within half a point (see the model card); more and new text is what it needs.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from itertools import chain
from pathlib import Path

from thinc.api import Config

from training.corpus import conll2002_sentences, conllu_sentences

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "training/output/pretrain"


def _wikiann(path: Path) -> Iterator[str]:
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 2:
            words.append(cols[1])
        elif words:
            yield " ".join(words)
            words = []
    if words:
        yield " ".join(words)


def _eventdna(folder: Path) -> Iterator[str]:
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))["doc"]
        words = doc["token_string"].split(" ")
        for sent in doc["sentences"].values():
            yield " ".join(words[i] for i in sent["token_ids"])


def raw_sentences(data: Path) -> Iterator[str]:
    """Every training sentence once, as text; duplicates (the corpora overlap a little) are dropped."""
    seen: set[int] = set()
    sources: list[Iterator[str]] = [
        *(" ".join(r[1] for r in rows) for p in sorted((data / "ud-nl/train").glob("*.conllu"))
          for rows in conllu_sentences(p)),
        *(" ".join(w) for w, _ in conll2002_sentences(data / "ner-nl/conll2002/ned.train")),
        *(s for name in ("train.conllu", "val.conllu") for s in _wikiann(data / "ner-nl/wikiann" / name)),
        *_eventdna(data / "eventdna-nl/train"),
    ]
    for text in sources:
        key = hash(text)
        if text and key not in seen:
            seen.add(key)
            yield text


def extra_texts(paths: list[Path]) -> Iterator[str]:
    """Texts of the user's own files: JSON Lines with a "text" field, else one paragraph per line."""
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.strip()
                if not line:
                    continue
                if path.suffix == ".jsonl":
                    try:
                        text = json.loads(line)["text"]
                    except (ValueError, KeyError, TypeError) as e:
                        raise ValueError(f"{path}:{n}: expected a JSON object with a text field ({e})") from None
                    yield from (p.strip() for p in str(text).split("\n") if p.strip())
                else:
                    yield line


def write_raw(data: Path, path: Path, extra: list[Path] = ()) -> tuple[int, int]:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = words = 0
    with path.open("w", encoding="utf-8") as f:
        for text in chain(raw_sentences(data), extra_texts(list(extra))):
            f.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
            n += 1
            words += text.count(" ") + 1
    return n, words


def merged_config(path: Path) -> Path:
    """joint.cfg with the [pretraining] section: spaCy pretrains from it, and `spacy train` needs it too, since it
    loads --paths.init_tok2vec only into the component that section names (without it the weights are ignored)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    cfg = Config().from_disk(ROOT / "training/joint.cfg", interpolate=False)
    cfg = cfg.merge(Config().from_disk(ROOT / "training/pretrain.cfg", interpolate=False))
    cfg.to_disk(path)
    return path


def run(data: Path, epochs: int, out: Path, extra: list[Path] = ()) -> Path:
    """Pretrain for `epochs` epochs; returns the last epoch's weights for --paths.init_tok2vec."""
    raw = out / "raw.jsonl"
    n, words = write_raw(data, raw, extra)
    print(f"raw text: {n} sentences, {words} words", flush=True)
    cfg = merged_config(out / "pretrain.cfg")
    cmd = [sys.executable, "-m", "spacy", "pretrain", str(cfg), str(out / "weights"), "--paths.raw_text", str(raw),
           "--pretraining.max_epochs", str(epochs)]
    env = {**os.environ, "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS", "1")}
    subprocess.run(cmd, check=True, cwd=ROOT, env=env)
    return out / "weights" / f"model{epochs - 1}.bin"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--extra", type=Path, nargs="*", default=[], help="raw text of your own (.jsonl or plain text)")
    a = ap.parse_args()
    print(run(a.data, a.epochs, a.out, a.extra))


if __name__ == "__main__":
    main()
