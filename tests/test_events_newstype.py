"""The news-type classifier: features, decoding, saving and loading, and the shipped model."""
from __future__ import annotations

import sys
from pathlib import Path

from kroniek.events.newstype import OUTSIDE, NewsTypeModel, _lemma, features, model, own_features, tags_of

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # training/ lives beside src/, not in the package
from training.events.train_newstype import evaluate, fit_logistic, merged  # noqa: E402


def toy() -> NewsTypeModel:
    weights = {
        "b": {OUTSIDE: 1.0},
        "l=aanslag": {"Conflict": 3.0},
        "l=doden": {"Life": 2.5},
        "l=dood": {"Life": 2.5},
        "l-1=de": {"Conflict": 0.2},
    }
    return NewsTypeModel(weights, [OUTSIDE, "Conflict", "Life"], 0.0,
                         {"Life": {"dood": "Life.Die"}}, {"Conflict": "Conflict.Attack", "Life": "Life.Injure"})


def test_features_see_the_word_its_lemma_and_neighbours() -> None:
    f = features(["Bij", "de", "aanslagen", "vielen", "doden"], 2)
    assert "w=aanslagen" in f and "l-1=de" in f and "l+1=vallen" in f
    assert any(x.startswith("l=aanslag") for x in f)
    assert "l-2=bij" in features(["Bij", "de", "aanslag"], 2)
    assert "l+2=</s>" in features(["de", "aanslag"], 1)


def test_long_lemmas_share_features_with_the_head_of_their_compound() -> None:
    assert "sf=aanslag" in features(["de", "bomaanslag"], 1)
    assert "sf=aanval" in features(["een", "gifgasaanval"], 1)
    assert not any(f.startswith("sf=") for f in features(["de", "aanval"], 1))  # too short to be a compound


def test_triggers_are_typed_subtyped_and_deduplicated() -> None:
    m = toy()
    words = ["Bij", "de", "aanslag", "en", "een", "tweede", "aanslag", "vielen", "drie", "doden", "."]
    got = m.triggers(words, gap=3)
    labels = [(words[i], lab) for i, lab, _ in got]
    # the two attacks lie four words apart: both stay; "doden" gets its type's usual subtype
    assert labels == [("aanslag", "Conflict.Attack"), ("aanslag", "Conflict.Attack"), ("doden", "Life.Injure")]
    assert [lab for _, lab, _ in m.triggers(["aanslag", "aanslag"], gap=3)] == ["Conflict.Attack"]
    assert m.triggers(words, threshold=10.0) == []


def test_model_round_trips_through_its_file(tmp_path: Path) -> None:
    m = toy()
    path = tmp_path / "m.json.gz"
    m.save(path)
    back = NewsTypeModel.load(path)
    assert back.weights == m.weights and back.threshold == m.threshold and back.subtypes == m.subtypes


def test_shipped_model_finds_an_attack_and_no_event_in_a_plain_sentence() -> None:
    m = model()
    assert m is not None
    hits = m.triggers("Bij een bomaanslag in Kaboel zijn zeker twintig doden gevallen .".split())
    assert {lab.split(".")[0] for _, lab, _ in hits} & {"Conflict", "Life"}
    for plain in ("Het weer is zonnig en droog .", "Zij las een boek over de geschiedenis van de stad ."):
        assert m.triggers(plain.split()) == []


def test_batched_scoring_gives_each_word_the_label_and_margin_of_best() -> None:
    # triggers() scores a text's words together with matrix arithmetic; each word must get exactly
    # what best() gives it feature by feature (no threshold, no merging: every word that is not O)
    m = model()
    assert m is not None
    sents = ["Bij een bomaanslag in Kaboel zijn zeker twintig doden gevallen .",
             "De regering heeft de Russische ambassadeur ontboden na de arrestatie van drie journalisten .",
             "Het weer is zonnig en droog , zei de minister maandag in Brussel ."]
    for words in (s.split() for s in sents):
        lem = [_lemma(w) for w in words]
        want = []
        for i, w in enumerate(words):
            label, margin = m.best(features(words, i, lem))
            if w[:1].isalpha() and label != OUTSIDE:
                want.append((i, m.full_label(label, lem[i]), margin))
        assert m.triggers(words, threshold=float("-inf"), gap=-1) == want
        assert m.triggers_many([(words, None)] * 2, threshold=float("-inf"), gap=-1) == [want, want]


def test_a_tie_goes_to_the_label_the_word_met_first() -> None:
    # "w=" comes before "s3=" in a word's features, so B turns up first for "aanslag" and wins the
    # tie, though A has the first column of the weight matrix
    assert own_features("aanslag", "aanslag").index("w=aanslag") < own_features("aanslag", "aanslag").index("s3=lag")
    m = NewsTypeModel({"s3=lag": {"A": 1.0, "B": 1.0}, "w=aanslag": {"B": 0.0}}, ["A", "B", OUTSIDE], 0.0)
    assert m.best(features(["aanslag"], 0)) == ("B", 1.0)
    assert m.triggers(["aanslag"]) == [(0, "B.B", 1.0)]


def test_parse_features_describe_relation_head_and_dependents() -> None:
    words = ["Demonstranten", "werden", "aangehouden", "."]
    tags = tags_of(["NOUN", "AUX", "VERB", "PUNCT"], ["nsubj:pass", "aux:pass", "root", "punct"], [2, 2, -1, 2], words)
    assert tags[2] == ("VERB", "root", "<root>", "aux:pass+nsubj:pass")
    assert tags[0][2].replace("_", "") == "aanhouden"  # the head's lemma
    f = features(words, 2, tags=tags)
    assert "d=root" in f and "k=aux:pass+nsubj:pass" in f
    assert not any(x.startswith("u=") for x in features(words, 2))
    assert not toy().uses_parse


def test_logistic_regression_learns_triggers_with_log_odds_margins() -> None:
    examples = [(["b", "l=aanslag"], "Conflict"), (["b", "l=doden"], "Life"), (["b", "l=weer"], OUTSIDE),
                (["b", "l=boek"], OUTSIDE)] * 20
    labels = [OUTSIDE, "Conflict", "Life"]
    m = NewsTypeModel(fit_logistic(examples, labels, epochs=10, rate=0.5, l2=0.001), labels, 0.0)
    assert m.best(["b", "l=aanslag"])[0] == "Conflict" and m.best(["b", "l=doden"])[0] == "Life"
    label, margin = m.best(["b", "l=boek"])
    assert margin < -1.0  # O is far more likely: a negative log-odds margin
    assert 0.0 < m.best(["b", "l=aanslag"])[1] < 20.0


def test_evaluation_merges_lexicon_and_classifier_as_the_coder_does() -> None:
    m = toy()
    words = ["Bij", "de", "aanslag", "vielen", "doden", "."]
    s = {"words": words, "lexicon": [(2, "Conflict.Attack"), (4, None)]}
    # the lexicon reports the attack, the classifier fills in the type of the lexicon's "doden"
    assert merged(m, s, 0.0) == [(2, "Conflict.Attack"), (4, "Life.Injure")]
    s["spans"] = [(0, 3, "Conflict.Attack"), (3, 5, "Life.Die"), (0, 5, "Unknown")]
    res = evaluate(m, [s], 0.0)
    assert res["type"]["f1"] == 1.0 and res["per_type"]["Life"]["tp"] == 1
    # a lexicon attack further away is another event: the classifier's attack stays
    far = {"words": ["de", "aanslag", "van", "gisteren", "en", "het", "vuurgevecht", "."], "lexicon": [(6, "Conflict.Attack")]}
    assert merged(m, far, 0.0) == [(6, "Conflict.Attack"), (1, "Conflict.Attack")]
    s["lexicon"] = [(3, "Justice.ArrestJail")]
    assert evaluate(m, [s], 0.0)["type"]["fp"] == 0  # inside the Unknown span: not counted
