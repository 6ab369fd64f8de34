"""`kroniek read` end to end, as a user runs it."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"

SCORER = SHARED / "eval" / "score.py"
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MODALITIES = {"asserted", "intended", "negated", "hypothetical", "reported"}


def check_span(item: dict, text: str) -> None:
    assert 0 <= item["start"] < item["end"] <= len(text)
    if "text" in item:
        assert text[item["start"] : item["end"]] == item["text"]


def check_reading(r: dict) -> None:
    """Every field of ../shared/spec/reading.md, with valid values."""
    for key in ("id", "date", "language", "text", "sentences", "entities", "times", "quantities", "events"):
        assert key in r, key
    text = r["text"]
    assert r["language"] == "nl"
    for s in r["sentences"]:
        check_span(s, text)
    for e in r["entities"]:
        assert e["type"] in {"PER", "ORG", "LOC", "MISC"}
        assert {"id", "name", "kb", "actor", "mentions"} <= set(e)
        assert e["mentions"]
        for m in e["mentions"]:
            check_span(m, text)
    for t in r["times"]:
        check_span(t, text)
        assert t["type"] in {"DATE", "TIME", "DURATION", "SET"}
        assert "value" in t
        if t["type"] in ("DATE", "TIME"):
            assert "earliest" in t and "latest" in t
    for q in r["quantities"]:
        check_span(q, text)
        assert "value" in q and "unit" in q
    ids = {e["id"] for e in r["entities"]}
    for v in r["events"]:
        check_span(v["trigger"], text)
        assert v["plover"] is None or v["plover"] in PLOVER
        assert v["modality"] in MODALITIES
        for side in ("source", "target", "location"):
            if v.get(side) and v[side].get("entity") is not None:
                assert v[side]["entity"] in ids
        assert all(0 <= i < len(r["quantities"]) for i in v["quantities"])


def test_read_example_prints_one_valid_json_line(run_kroniek, example_path):
    p = run_kroniek("read", example_path)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert len(lines) == 1
    r = json.loads(lines[0])
    assert r["id"] == "sotsji-2020-09" and r["date"] == "2020-09"
    assert r["text"].startswith("De Russische president Vladimir Poetin") and r["text"].endswith("toegestaan.")
    assert len(r["sentences"]) == 19
    check_reading(r)


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py not present")
def test_scorer_accepts_the_reading(run_kroniek, example_path, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text(run_kroniek("read", example_path).stdout, encoding="utf-8")
    p = subprocess.run([sys.executable, str(SCORER), "reading", str(SHARED / "eval" / "dev"), "--readings", str(out)],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    scores = json.loads(p.stdout)
    assert {"entities", "times", "quantities_acc", "events_plover", "events_plover_dyad"} <= set(scores)


def test_bad_inputs_do_not_stop_the_batch(run_kroniek, tmp_path):
    (tmp_path / "a_good.txt").write_text("date 2020-09-14\nPoetin sprak maandag met Loekasjenko.", encoding="utf-8")
    (tmp_path / "b_bad_date.txt").write_text("date 2020-13 Tekst.", encoding="utf-8")
    (tmp_path / "c_empty.txt").write_text("date 2020-09-14\n", encoding="utf-8")
    (tmp_path / "d_binary.txt").write_bytes(b"\x00\x01\x02" * 1000)
    (tmp_path / "e_latin.txt").write_bytes("Caf\xe9 in Den Haag.".encode("latin-1"))
    (tmp_path / "f.jsonl").write_text('{"id": "j1", "text": "Eén."}\n{kapot\n{"id": "j3", "text": "Drie."}\n',
                                      encoding="utf-8")
    p = run_kroniek("read", tmp_path, tmp_path / "missing.txt")
    assert p.returncode == 0
    out = [json.loads(x) for x in p.stdout.splitlines()]
    assert [r["id"] for r in out] == ["a_good", "b_bad_date", "c_empty", "d_binary", "e_latin", "j1", "f:2", "j3",
                                      "missing"]
    errors = {r["id"]: r["error"] for r in out if "error" in r}
    assert set(errors) == {"b_bad_date", "c_empty", "d_binary", "f:2", "missing"}
    assert "month 13" in errors["b_bad_date"] and "empty" in errors["c_empty"]
    assert "binary" in errors["d_binary"] and "not JSON" in errors["f:2"] and "no such file" in errors["missing"]
    latin = next(r for r in out if r["id"] == "e_latin")
    assert latin["text"] == "Café in Den Haag."
    assert "Windows-1252" in p.stderr
    for r in out:
        if "error" not in r:
            check_reading(r)


def test_exit_status_is_nonzero_only_when_nothing_was_read(run_kroniek, tmp_path):
    (tmp_path / "empty").mkdir()
    p = run_kroniek("read", tmp_path / "empty", tmp_path / "nope.txt")
    assert p.returncode == 1
    assert "no articles" in p.stderr and "no such file" in p.stderr
    assert len(p.stdout.splitlines()) == 2


def _ud_sample(tmp_path: Path, n: int = 40) -> Path:
    src = SHARED / "data" / "ud-nl" / "dev" / "nl_alpino-ud-dev.conllu"
    if not src.exists():
        pytest.skip("UD dev data not present")
    blocks = src.read_text(encoding="utf-8").split("\n\n")[:n]
    gold = tmp_path / "gold.conllu"
    gold.write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")
    return gold


def test_pretokenized_conllu_round_trips_tokens(run_kroniek, tmp_path):
    gold = _ud_sample(tmp_path)
    sents = []
    for block in gold.read_text(encoding="utf-8").split("\n\n"):
        toks = [ln.split("\t")[1] for ln in block.splitlines() if ln and not ln.startswith("#")
                and "-" not in ln.split("\t")[0] and "." not in ln.split("\t")[0]]
        if toks:
            sents.append(toks)
    inp = tmp_path / "in.txt"
    inp.write_text("\n\n".join(" ".join(s) for s in sents) + "\n", encoding="utf-8")
    p = run_kroniek("read", "--pretokenized", "--format", "conllu", inp)
    assert p.returncode == 0, p.stderr
    got: list[list[str]] = []
    cur: list[str] = []
    for ln in p.stdout.splitlines():
        if not ln:
            if cur:
                got.append(cur)
            cur = []
        elif not ln.startswith("#"):
            cols = ln.split("\t")
            assert len(cols) == 10
            cur.append(cols[1])
    if cur:
        got.append(cur)
    assert got == sents
    assert "# sent_id = in.txt:1:1" in p.stdout and "# doc_id = in.txt:1" in p.stdout


def test_pretty_format_shows_tables(run_kroniek, example_path):
    p = run_kroniek("read", "--format", "pretty", example_path)
    assert p.returncode == 0, p.stderr
    assert "sotsji-2020-09" in p.stdout and "date 2020-09" in p.stdout
    p2 = run_kroniek("show", example_path)
    assert p2.returncode == 0 and "sotsji-2020-09" in p2.stdout


def test_python_api_read():
    import kroniek

    r = kroniek.read("Poetin sprak maandag in Sotsji met Loekasjenko.", date="2020-09-14", id="x")
    check_reading(r)
    assert r["id"] == "x" and r["date"] == "2020-09-14"
    with pytest.raises(ValueError, match="bad date"):
        kroniek.read("Tekst.", date="2020-13")


def test_five_megabyte_article_comes_out_whole_and_the_batch_goes_on(run_kroniek, tmp_path):
    para = "De Russische president Vladimir Poetin heeft Loekasjenko op 9 augustus 1,5 miljard dollar toegezegd. " * 8
    body = "\n\n".join([para] * (5_000_000 // (len(para) + 2) + 1))
    (tmp_path / "a_big.txt").write_text("date 2020-09\n" + body, encoding="utf-8")
    (tmp_path / "b_small.txt").write_text("date 2020-09-14\nPoetin sprak maandag met Loekasjenko.", encoding="utf-8")
    # the layers that read every character (tokens, sentences, numbers, dates); the models are measured in benchmarks/
    p = run_kroniek("read", "--components", "tokenize,quantities,times", tmp_path, timeout=600)
    assert p.returncode == 0, p.stderr[-2000:]
    big, small = (json.loads(x) for x in p.stdout.splitlines())
    assert big["id"] == "a_big" and len(big["text"]) >= 5_000_000 and big["text"] == body.strip()
    assert big["sentences"][-1]["end"] == len(big["text"])
    assert len(big["quantities"]) == len(big["times"]) == body.count("1,5 miljard dollar")
    assert small["id"] == "b_small" and "error" not in small


def test_components_choose_the_pipeline(run_kroniek, example_path):
    p = run_kroniek("read", "--components", "tokenize,quantities", example_path)
    r = json.loads(p.stdout)
    assert r["quantities"] and not r["times"] and not r["entities"] and not r["events"]
    bad = run_kroniek("read", "--components", "tokenize,nope", example_path)
    assert bad.returncode == 2 and "no pipeline component 'nope'" in bad.stderr


def test_home_country_for_articles_that_name_none(run_kroniek, tmp_path):
    (tmp_path / "a.txt").write_text("date 2024-03-14\nDe oppositie bekritiseert het kabinet.\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "b", "text": "De oppositie bekritiseert het kabinet.",
                                                  "date": "2024-03-14", "country": "BEL"}) + "\n", encoding="utf-8")
    p = run_kroniek("read", tmp_path / "a.txt", tmp_path / "b.jsonl", "--country", "nld")
    assert p.returncode == 0, p.stderr
    targets = {r["id"]: [e["target"]["actor"] for e in r["events"] if e["cameo"]] for r in map(json.loads, p.stdout.splitlines())}
    assert targets == {"a": ["NLDGOV"], "b": ["BELGOV"]}  # the input's own country wins
    bad = run_kroniek("read", tmp_path / "a.txt", "--country", "Nederland")
    assert bad.returncode == 2 and "alpha-3" in bad.stderr
