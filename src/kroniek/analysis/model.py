"""Tagging, lemmatisation, parsing and entity recognition with kroniek's shipped Dutch model.

The model (src/kroniek/models/nl/pipeline, trained by `python -m training.train`) is a spaCy pipeline:
morphologizer (UPOS + features), tagger (CGN XPOS), dependency parser, edit-tree lemmatiser and an
entity recogniser with its own token encoder. It never tokenises: every kroniek sentence becomes one
spaCy Doc built from kroniek's own tokens, with the sentence boundary fixed, so pretokenized input
keeps its tokens exactly and every sentence gets exactly one root.
"""
from __future__ import annotations

import os
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from kroniek.analysis.ner_consistency import harmonise
from kroniek.doc import Document, Mention, Sentence, Token

SHIPPED = Path(__file__).resolve().parents[1] / "models" / "nl" / "pipeline"
# a model of your own (trained with `python -m training.train --no-install`) instead of the shipped one
MODEL_DIR = Path(os.environ.get("KRONIEK_NL_MODEL") or SHIPPED)
BATCH = 256  # sentences per nlp.pipe batch: large enough to amortise the per-call cost, small enough for memory
# spaCy keeps every word it has seen in its vocabulary; a fresh copy of the model is loaded past this many
# (about 60 MB of them), so memory stays flat over millions of articles. Results do not depend on the
# vocabulary: the encoder hashes each word's own attributes.
MAX_LEXEMES = 300_000


class ModelMissing(FileNotFoundError):
    pass


@cache
def load_pipeline(path: Path = MODEL_DIR) -> Any:
    """The spaCy pipeline at `path`, loaded once per process."""
    import spacy

    if not (path / "config.cfg").is_file():
        raise ModelMissing(f"no Dutch model at {path}: train one with `python -m training.train`")
    nlp = spacy.load(path)
    if "trainable_lemmatizer" in nlp.pipe_names:
        # no edit tree fits: leave the lemma empty so the dictionary fallback below decides
        nlp.get_pipe("trainable_lemmatizer").backoff = None
    return nlp


@lru_cache(maxsize=4096 * 4)
def fallback_lemma(word: str) -> str:
    """simplemma's Dutch tables, for words the trained lemmatiser has no edit tree for."""
    import simplemma

    return simplemma.lemmatize(word, lang="nl")


def pick_lemma(word: str, tree: str, upos: str = "") -> str:
    """simplemma where it knows `word` as an inflected form, else the edit-tree lemma, else the word's own.

    On UD Alpino dev with a well-trained edit-tree lemmatiser this scored 0.921, against 0.901 for the edit
    trees with simplemma only where no tree fits and 0.914 for simplemma alone: the dictionary is right on
    frequent irregular forms the trees overgeneralise (bezoekt -> "bezoekken"), the trees handle unknown
    words and write the Alpino "_" between compound parts.
    """
    known = fallback_lemma(word)
    if known.lower() != word.lower():
        # a verb in -en is a plural or an infinitive, never the singular noun simplemma reads it as
        # ("sloten" -> slot, "stellen" -> stel): the tree's infinitive (UD dev lemmas +0.2 points)
        if upos in ("VERB", "AUX") and word.endswith("en") and tree.replace("_", "").endswith("n") \
                and not known.endswith("n"):
            return tree
        return known
    return tree or known


class Analyzer:
    def __init__(self, nlp: Any, consistent: bool = True):
        self.nlp = nlp
        self.consistent = consistent  # one type per name within a document (see ner_consistency)

    @classmethod
    def load(cls, path: Path = MODEL_DIR, consistent: bool = True) -> Analyzer:
        return cls(load_pipeline(path), consistent)

    def _sentence_doc(self, doc: Document, s: Sentence) -> Any:
        from spacy.attrs import SENT_START
        from spacy.tokens import Doc

        toks = doc.tokens[s.token_start : s.token_end]
        sdoc = Doc(self.nlp.vocab, words=[t.text for t in toks], spaces=[t.space_after for t in toks])
        # a fixed boundary: the parser may not split our sentence, so it gets one root. Set as
        # Doc(sent_starts=[True, False, ...]) would, but in one array (that converts value by value)
        sdoc.from_array([SENT_START], _sentence_starts(len(toks)))
        return sdoc

    def __call__(self, doc: Document) -> Document:
        return self.pipe([doc])[0]

    def pipe(self, docs: list[Document]) -> list[Document]:
        """Analyse many documents with one stream of sentences through the models: short articles
        fill the model batches together (1.6x the words/s of one article at a time on news briefs)."""
        work = [(doc, s) for doc in docs for s in doc.sentences if s.token_end > s.token_start]
        spacy_docs = self.nlp.pipe((self._sentence_doc(doc, s) for doc, s in work), batch_size=BATCH)
        found: dict[int, list[Mention]] = {id(doc): [] for doc in docs}
        fill = _Filler(self.nlp.vocab)
        for (doc, s), sdoc in zip(work, spacy_docs, strict=True):
            base = s.token_start
            toks = doc.tokens[base : s.token_end]
            fill(toks, sdoc, base)
            for ent in sdoc.ents:
                a, b = toks[ent.start].start, toks[ent.end - 1].end
                found[id(doc)].append(Mention(a, b, doc.text[a:b], ent.label_, source="ner"))
        for doc in docs:
            ner = found[id(doc)]
            # a rerun (Pipeline.pipe retries one by one after a failed batch) replaces, never duplicates
            doc.mentions = [m for m in doc.mentions if m.source != "ner"]
            doc.mentions.extend(harmonise(ner) if self.consistent else ner)
        if len(self.nlp.vocab) > MAX_LEXEMES:
            self.nlp = self._fresh()
        return docs

    def _fresh(self) -> Any:
        path = Path(self.nlp.path) if getattr(self.nlp, "path", None) else MODEL_DIR
        load_pipeline.cache_clear()  # drop the cached copy too, or its vocabulary stays in memory
        return load_pipeline(path)


@lru_cache(maxsize=512)
def _sentence_starts(n: int) -> Any:
    """SENT_START values of an n-token sentence: 1, then -1 (not a start), as spaCy stores them."""
    import numpy as np

    starts = np.full(n, -1, dtype=np.int32)
    starts[:1] = 1
    starts = starts.astype(np.uint64)
    starts.flags.writeable = False  # shared by every sentence of this length
    return starts


class _Filler:
    """Copies a parsed spaCy sentence onto kroniek's tokens. spaCy's annotations are read as arrays of
    ids, as a spaCy Token object per word and attribute costs more than the lookups themselves; tags,
    relations and features are few, so their strings are kept."""

    def __init__(self, vocab: Any):
        from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
        from spacy.parts_of_speech import NAMES

        self.strings = vocab.strings
        self.empty_morph = vocab.morphology.EMPTY_MORPH
        self.pos_names = NAMES
        self.attrs = [POS, TAG, MORPH, LEMMA, DEP]
        self.head = [HEAD]
        self.known: dict[int, str] = {}

    def label(self, h: int) -> str:
        got = self.known.get(h)
        if got is None:
            got = self.known[h] = self.strings[h]
        return got

    def __call__(self, toks: list[Token], sdoc: Any, base: int) -> None:
        # one list per attribute, not one per token
        poss, tags, morphs, lemmas, deps = sdoc.to_array(self.attrs).T.tolist()
        # HEAD comes as the offset to the head, stored unsigned: read the bits back as signed
        heads = sdoc.to_array(self.head).view("int64").ravel().tolist()
        label, strings, names, empty = self.label, self.strings, self.pos_names, self.empty_morph
        for k, (t, pos, tag, morph, lemma, dep, rel) in enumerate(
            zip(toks, poss, tags, morphs, lemmas, deps, heads, strict=True)
        ):
            t.upos = names[pos]
            t.xpos = label(tag)
            feats = label(morph)
            t.feats = "" if feats == empty else feats
            t.lemma = pick_lemma(t.text, strings[lemma], t.upos)
            if rel == 0:
                t.head, t.deprel = -1, "root"
            else:
                t.head, t.deprel = base + k + rel, label(dep)

