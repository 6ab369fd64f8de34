"""The shipped Dutch model: loads, tags, parses and finds entities on kroniek's own tokens."""
from __future__ import annotations

import pytest

from kroniek.analysis.model import MODEL_DIR, Analyzer, ModelMissing, fallback_lemma, load_pipeline, pick_lemma
from kroniek.doc import Document
from kroniek.pipeline import Pipeline


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline(["tokenize", "analyze"])


def read(nlp: Pipeline, text: str, pretokenized: list[list[str]] | None = None) -> Document:
    return nlp(Document(id="t", text=text, pretokenized=pretokenized))


def test_model_ships_and_loads_once() -> None:
    assert (MODEL_DIR / "config.cfg").is_file()
    assert load_pipeline() is load_pipeline()
    assert {"morphologizer", "tagger", "parser", "trainable_lemmatizer"} <= set(load_pipeline().pipe_names)


def test_missing_model_names_the_training_command(tmp_path) -> None:
    with pytest.raises(ModelMissing, match="training.train"):
        Analyzer.load(tmp_path)


def test_tags_and_parses_a_dutch_sentence(nlp: Pipeline) -> None:
    doc = read(nlp, "De minister bezoekt morgen het ziekenhuis in Utrecht.")
    by_text = {t.text: t for t in doc.tokens}
    verb = by_text["bezoekt"]
    assert verb.upos == "VERB"
    assert verb.head == -1 and verb.deprel == "root"
    assert by_text["minister"].upos == "NOUN" and by_text["minister"].head == verb.i
    assert by_text["minister"].deprel.startswith("nsubj")
    assert by_text["De"].upos == "DET" and by_text["De"].head == by_text["minister"].i
    assert by_text["."].upos == "PUNCT"
    assert verb.xpos.startswith("WW")
    assert "Tense=Pres" in verb.feats
    assert verb.lemma == "bezoeken"
    assert by_text["ziekenhuis"].head == verb.i and by_text["ziekenhuis"].deprel == "obj"


def test_one_root_per_sentence_and_heads_stay_inside(nlp: Pipeline) -> None:
    doc = read(nlp, "Het kabinet is gevallen. Premier Rutte biedt vandaag zijn ontslag aan bij de koning. Ja.")
    assert len(doc.sentences) == 3
    for k, s in enumerate(doc.sentences):
        toks = doc.sentence_tokens(s)
        assert sum(t.head == -1 for t in toks) == 1
        for t in toks:
            assert t.sent == k and t.upos and t.lemma
            assert t.head == -1 or s.token_start <= t.head < s.token_end


def test_pretokenized_input_keeps_its_tokens(nlp: Pipeline) -> None:
    sents = [["Het", "kabinet-Rutte", "viel", "in", "2021", "."], ["Oké", "?"]]
    doc = read(nlp, "\n".join(" ".join(s) for s in sents), pretokenized=sents)
    assert [[t.text for t in doc.sentence_tokens(s)] for s in doc.sentences] == sents
    assert all(t.upos for t in doc.tokens)


def test_entity_recogniser_finds_person_and_location(nlp: Pipeline) -> None:
    text = "Volgens Mark Rutte wordt de top volgende week in Brussel gehouden."
    doc = read(nlp, text)
    found = {(m.text, m.type) for m in doc.mentions}
    assert ("Mark Rutte", "PER") in found
    assert ("Brussel", "LOC") in found
    for m in doc.mentions:
        assert text[m.start : m.end] == m.text and m.source == "ner"


def test_empty_document_is_fine(nlp: Pipeline) -> None:
    doc = read(nlp, "")
    assert doc.tokens == [] and doc.mentions == []


def test_fallback_lemma_uses_dictionary() -> None:
    assert fallback_lemma("huizen") == "huis"


def test_a_verb_in_en_keeps_the_infinitive_the_dictionary_reads_as_a_noun() -> None:
    assert fallback_lemma("stellen") == "stel"  # the dictionary's reading: a plural noun
    assert pick_lemma("stellen", "stellen", "VERB") == "stellen"
    assert pick_lemma("stellen", "stellen", "NOUN") == "stel"
    assert pick_lemma("huizen", "huizen", "NOUN") == "huis"
    assert pick_lemma("bezoekt", "bezoekken", "VERB") == "bezoeken"  # the dictionary still wins on -t forms


def test_vocabulary_stays_bounded_and_results_do_not_change(monkeypatch) -> None:
    import kroniek.analysis.model as model
    import kroniek.analysis.tokenizer as tokenizer

    words = [f"Woord{k}je" for k in range(400)]
    texts = [f"De {words[k]} bezocht {words[k + 1]} in Sotsji en Minsk." for k in range(0, 400, 2)]
    before = [Pipeline(["tokenize", "analyze"])(Document(id=str(k), text=t)) for k, t in enumerate(texts[:3])]
    monkeypatch.setattr(model, "MAX_LEXEMES", len(load_pipeline().vocab) + 100)
    monkeypatch.setattr(tokenizer, "MAX_LEXEMES", len(tokenizer.dutch_tokenizer().vocab) + 100)
    nlp = Pipeline(["tokenize", "analyze"])
    analyzer = dict(nlp.steps)["analyze"]
    first_model = analyzer.nlp
    docs = list(nlp.pipe(Document(id=str(k), text=t) for k, t in enumerate(texts)))
    assert analyzer.nlp is not first_model  # a fresh copy was loaded along the way
    assert len(analyzer.nlp.vocab) <= model.MAX_LEXEMES + 600
    assert len(tokenizer.dutch_tokenizer().vocab) <= tokenizer.MAX_LEXEMES + 100
    again = list(nlp.pipe(Document(id=str(k), text=t) for k, t in enumerate(texts[:3])))
    for a, b in zip(before, again, strict=True):
        assert [(t.text, t.upos, t.lemma, t.head, t.deprel) for t in a.tokens] == \
            [(t.text, t.upos, t.lemma, t.head, t.deprel) for t in b.tokens]
    assert len(docs) == len(texts)
