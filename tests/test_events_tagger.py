"""The news-type trigger tagger: how its triggers combine with the word classifier's, and the shipped model."""
from __future__ import annotations

from pathlib import Path

import spacy

import kroniek
from kroniek.events.newstype import OUTSIDE, NewsTypeModel
from kroniek.events.tagger import NewsTypeTagger, tagger


def words_model() -> NewsTypeModel:
    weights = {
        "b": {OUTSIDE: 1.0},
        "l=aanslag": {"Conflict": 3.0},
        "l=bomaanslag": {"Conflict": 3.0},
        "l=dood": {"Life": 2.5},
        "l=doden": {"Life": 2.5},
    }
    return NewsTypeModel(weights, [OUTSIDE, "Conflict", "Life"], 0.0,
                         {"Conflict": {"bomaanslag": "Conflict.Attack"}}, {"Conflict": "Conflict.Demonstrate", "Life": "Life.Die"})


def ruler_tagger(words: NewsTypeModel | None) -> NewsTypeTagger:
    # a real spaCy pipeline whose entity ruler stands in for the trained tagger's predictions
    nlp = spacy.blank("nl")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "Conflict", "pattern": [{"LOWER": "bomaanslag"}]},
                        {"label": "Justice", "pattern": [{"LOWER": "opgepakt"}]}])
    return NewsTypeTagger(nlp, words)


def test_tagger_triggers_get_subtypes_and_the_classifier_adds_what_it_missed() -> None:
    t = ruler_tagger(words_model())
    words = "Na de bomaanslag en een aanslag vielen doden ; later werd iemand opgepakt .".split()
    got = [(words[i], lab) for i, lab, _ in t.triggers(words)]
    # "aanslag" lies within 3 words of the tagger's Conflict trigger: the same event, left out;
    # "doden" is a Life event the tagger missed; "opgepakt" has no subtype table: Justice.Justice
    assert got == [("bomaanslag", "Conflict.Attack"), ("doden", "Life.Die"), ("opgepakt", "Justice.Justice")]
    assert t.triggers([]) == []
    # a tagger trigger the classifier does not back (margin not above `agree`) is dropped
    t.agree = 0.5
    got = [(words[i], lab) for i, lab, _ in t.triggers(words)]
    assert ("opgepakt", "Justice.Justice") not in got and ("bomaanslag", "Conflict.Attack") in got


def test_without_a_classifier_only_the_tagger_speaks(tmp_path: Path) -> None:
    t = ruler_tagger(None)
    t.nlp.to_disk(tmp_path / "m")
    back = NewsTypeTagger.load(tmp_path / "m")
    words = "Na de bomaanslag vielen doden .".split()
    assert [(i, lab) for i, lab, _ in back.triggers(words)] == [(2, "Conflict.Conflict")]
    assert not back.uses_parse


def test_shipped_tagger_finds_an_attack_and_no_event_in_a_plain_sentence() -> None:
    t = tagger()
    assert t is not None
    hits = t.tagged("Bij een bomaanslag in Kaboel zijn zeker twintig doden gevallen .".split())
    assert {kind for _, kind in hits} & {"Conflict", "Life"}
    for plain in ("Het weer is zonnig en droog .", "Zij las een boek over de geschiedenis van de stad ."):
        assert t.triggers(plain.split()) == []


def test_batch_tagging_matches_one_by_one_and_reaches_the_reading() -> None:
    t = tagger()
    assert t is not None
    sentences = [s.split() for s in ("Bij een bomaanslag in Kaboel zijn zeker twintig doden gevallen .",
                                     "De politie heeft twee verdachten opgepakt .", "Het regent .")]
    one_by_one = [t.tagged(w) for w in sentences]
    t.prepare(sentences)
    assert [t.tagged(w) for w in sentences] == one_by_one
    t.prepare([])
    reading = kroniek.read("Bij een bomaanslag in Kaboel zijn zeker twintig doden gevallen.", date="2022-03-01")
    assert {(e["news_type"] or "").split(".")[0] for e in reading["events"]} & {"Conflict", "Life"}
