"""The chronicle end to end: ingest readings, query, search, export (Python API and CLI)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest

from kroniek.cli import main
from kroniek.db import Chronicle
from kroniek.store.codes import gdelt_columns
from kroniek.store.queries import QueryError
from kroniek.store.synth import readings as synth_readings

OFFICIAL_GDELT = Path(__file__).resolve().parents[2] / "shared/data/eventcoding/gdelt/gdelt-2.0-event-columns.txt"


def ev(vid: str, cameo: str, src: str, tgt: str, day: str, place: str | None = None, **kw: Any) -> dict[str, Any]:
    loc = {"entity": None, "text": place} if place else None
    return {"id": vid, "trigger": {"start": 0, "end": 6, "text": "Poetin"}, "plover": kw.get("plover"),
            "cameo": cameo, "news_type": kw.get("news_type"), "source": {"entity": kw.get("src_ent"), "actor": src,
                                                                        "text": src},
            "target": {"entity": None, "actor": tgt, "text": tgt},
            "time": {"value": day, "earliest": day, "latest": day}, "location": loc, "quantities": [],
            "modality": "asserted"}


def art(aid: str, date: str, text: str, events: list[dict[str, Any]], entities: list[dict[str, Any]] | None = None,
        title: str | None = None) -> dict[str, Any]:
    return {"id": aid, "date": date, "language": "nl", "title": title, "url": f"https://nieuws.example/{aid}",
            "source": "example", "text": text, "sentences": [{"start": 0, "end": len(text)}],
            "entities": entities or [], "times": [], "quantities": [], "events": events}


POETIN = {"id": "e1", "type": "PER", "name": "Vladimir Poetin", "kb": "Q7747", "actor": "RUSGOV",
          "mentions": [{"start": 0, "end": 6, "text": "Poetin"}]}

ARTICLES = [
    art("a1", "2020-09-14", "Poetin belooft Belarus een lening; de grondwetswijziging van Loekasjenko krijgt steun.",
        [ev("v1", "0331", "RUSGOV", "BLRGOV", "2020-09-14", "Sotsji", src_ent="e1")], [POETIN], title="Lening"),
    art("a2", "2020-09-21", "Betogingen in Minsk: duizenden betogers eisen het vertrek van Loekasjenko.",
        [ev("v1", "141", "BLROPP", "BLRGOV", "2020-09-20", "Minsk"),
         ev("v2", "173", "BLRCOP", "BLROPP", "2020-09-20", "Minsk")]),
    art("a3", "2020-10-02", "De EU stelt sancties in tegen Belarus. Rusland veroordeelt de <b>sancties</b>.",
        [ev("v1", "163", "IGOEUREEC", "BLRGOV", "2020-10-02", "Brussel"),
         ev("v2", "111", "RUSGOV", "IGOEUREEC", "2020-10-02")]),
    {"id": "kapot", "error": "kapot.txt: empty article: no text after the header"},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("chron") / "c.duckdb"
    with Chronicle(path) as c:
        c.add_readings(ARTICLES)
        yield c


def test_ingest_stats_errors_and_idempotence(tmp_path):
    with Chronicle(tmp_path / "c.duckdb") as c:
        first = c.add_readings(ARTICLES)
        assert (first["articles"], first["events"], first["errors"]) == (3, 5, 1)
        assert first["error_ids"] == ["kapot"]
        again = c.add_readings(ARTICLES)
        assert (again["articles"], again["duplicates"], again["events"]) == (0, 3, 0)
        s = c.stats()
        assert (s["articles"], s["events"], s["errors"], s["entities"]) == (3, 5, 1, 1)
        assert c.con.execute("SELECT doc_id, error FROM errors").fetchall() == [("kapot", ARTICLES[3]["error"])]


def test_same_id_other_content_is_kept_under_its_own_id(tmp_path):
    with Chronicle(tmp_path / "c.duckdb") as c:
        c.add_readings([art("x", "2020-01-01", "Eerste tekst.", [])])
        c.add_readings([art("x", "2020-01-01", "Andere tekst.", [])])
        ids = c.articles()["article_id"].tolist()
        assert ids[0] == "x" and ids[1].startswith("x~") and len(ids) == 2


def test_article_round_trip(db):
    a = db.article("a1")
    assert a["text"] == ARTICLES[0]["text"]
    assert a["entities"][0]["kb"] == "Q7747"
    assert a["event_ids"] == {"v1": "a1:v1"}
    assert db.article("nope") is None


def test_events_filters(db):
    assert set(db.events(actor="BLR")["event_id"]) == {"a1:v1", "a2:v1", "a2:v2", "a3:v1"}
    assert db.events(source="RUS")["event_id"].tolist() == ["a1:v1", "a3:v2"]
    assert db.events(source="Q7747")["event_id"].tolist() == ["a1:v1"]  # entity id
    assert db.events(target="BLRGOV", quadclass=4)["event_id"].tolist() == ["a3:v1"]
    assert db.events(quadclass=[3, 4])["quadclass"].tolist() == [3, 4, 4, 3]
    assert db.events(cameo="03")["event_id"].tolist() == ["a1:v1"]
    assert db.events(start="2020-09-15", end="2020-09-30")["event_id"].tolist() == ["a2:v1", "a2:v2"]
    assert db.events(place="mins")["event_id"].tolist() == ["a2:v1", "a2:v2"]
    assert db.events(article_id="a3")["event_id"].tolist() == ["a3:v1", "a3:v2"]
    assert db.events(limit=1, offset=1)["event_id"].tolist() == ["a2:v1"]


@pytest.mark.parametrize("hostile", ["x' OR 1=1 --", "%", "_", "'; DROP TABLE events; --", "\\", '"'])
def test_filters_with_quotes_and_sql_are_values(db, hostile):
    for key in ("actor", "source", "target", "plover", "cameo", "news_type", "place", "article_id"):
        assert len(db.events(**{key: hostile})) == 0
    assert len(db.search(hostile)) == 0
    assert db.entities(hostile).empty
    assert db.stats()["events"] == 5


def test_bad_filters_are_clear(db):
    with pytest.raises(QueryError, match="quadclass"):
        db.events(quadclass=7)
    with pytest.raises(QueryError, match="start"):
        db.events(start="gisteren")
    with pytest.raises(QueryError, match="unknown event filter"):
        db.events(colour="red")
    with pytest.raises(QueryError, match="by"):
        db.dyad("RUS", "BLR", by="fortnight")


def test_dyad_timeline_actors_network_locations(db):
    d = db.dyad("BLR", "BLR", by="week")
    assert d["events"].tolist() == [2] and d["q3"].tolist() == [1] and d["q4"].tolist() == [1]
    d = db.dyad("RUS", "BLR", by="month")
    assert d["period"].astype(str).tolist() == ["2020-09-01"]
    assert d["goldstein_sum"].tolist() == [pytest.approx(5.2)]
    assert db.dyad("BLR", "RUS").empty
    assert len(db.dyad("BLR", "RUS", both=True)) == 1
    t = db.timeline("BLRGOV", by="month")
    assert t["period"].astype(str).tolist() == ["2020-09-01", "2020-10-01"]
    assert t["events"].tolist() == [2, 1] and t["q4"].tolist() == [0, 1]
    top = db.actors(top=2)
    assert top["actor"].tolist() == ["BLRGOV", "BLROPP"] and top["events"].tolist() == [3, 2]
    net = db.network(min_events=1, quadclass=4)
    assert set(zip(net["source"], net["target"], strict=True)) == {("BLRCOP", "BLROPP"), ("IGOEUREEC", "BLRGOV")}
    locs = db.locations()
    assert locs["name"].tolist()[0] == "Minsk" and locs["events"].tolist()[0] == 2


def test_entities_registry(db):
    e = db.entities("poetin")
    assert e["entity_id"].tolist() == ["Q7747"] and e["mentions"].tolist() == [1]
    one = db.entity("Q7747")
    assert one["name"] == "Vladimir Poetin" and one["events"] == 1 and one["recent_articles"] == ["a1"]
    assert db.entity("Q0") is None


def test_search_dutch_stemming_compounds_and_marks(db):
    hits = db.search("betoging")  # finds "Betogingen" (stem) and "betogers" does not count as the same word
    assert hits["article_id"].tolist() == ["a2"]
    assert "<mark>Betogingen</mark>" in hits.loc[0, "snippet"]
    comp = db.search("grondwet")  # only inside the compound "grondwetswijziging"
    assert comp["article_id"].tolist() == ["a1"] and "<mark>grondwetswijziging</mark>" in comp.loc[0, "snippet"]
    both = db.search("sancties lening")
    assert set(both["article_id"]) == {"a1", "a3"}
    # markup in the text is escaped, never passed through
    assert "&lt;b&gt;<mark>sancties</mark>&lt;/b&gt;" in db.search("sanctie").loc[0, "snippet"]
    assert db.search("").empty and db.search("qqqzzz").empty


def test_polars_frames(tmp_path):
    with Chronicle(tmp_path / "p.duckdb", frame="polars") as c:
        c.add_readings(ARTICLES)
        assert isinstance(c.events(), pl.DataFrame) and c.events().height == 5
        assert isinstance(c.search("betoging"), pl.DataFrame) and c.search("zzzz").height == 0
        assert isinstance(c.dyad("RUS", "BLR"), pl.DataFrame)


def test_exports(db, tmp_path):
    assert db.export(tmp_path / "e.jsonl", format="jsonl") == 5
    rows = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert rows[0]["event_id"] == "a1:v1" and rows[0]["day"] == "2020-09-14"
    assert db.export(tmp_path / "e.csv", format="csv", actor="RUS") == 2
    assert len(pd.read_csv(tmp_path / "e.csv")) == 2
    assert db.export(tmp_path / "e.parquet", format="parquet") == 5
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 5
    with pytest.raises(ValueError, match="format"):
        db.export(tmp_path / "e.xml", format="xml")


def test_gdelt_export_loads_with_the_official_column_list(db, tmp_path):
    assert db.export(tmp_path / "g.tsv", format="gdelt") == 5
    official = (OFFICIAL_GDELT.read_text().split() if OFFICIAL_GDELT.exists() else list(gdelt_columns()))
    assert tuple(official) == gdelt_columns()
    df = pd.read_csv(tmp_path / "g.tsv", sep="\t", header=None, names=official, dtype=str, keep_default_na=False)
    assert len(df) == 5 and df.shape[1] == 61
    first = df.iloc[0]
    assert first["GLOBALEVENTID"] == "1" and first["SQLDATE"] == "20200914" and first["MonthYear"] == "202009"
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == ("RUSGOV", "RUS", "GOV")
    assert first["Actor1Name"] == "VLADIMIR POETIN"
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("0331", "033", "03")
    assert (first["QuadClass"], first["GoldsteinScale"], first["NumMentions"]) == ("1", "5.2", "1")
    assert first["ActionGeo_FullName"] == "Sotsji" and first["SOURCEURL"] == "https://nieuws.example/a1"
    eu = df[df["Actor1Code"] == "IGOEUREEC"].iloc[0]
    assert (eu["Actor1Type1Code"], eu["Actor1KnownGroupCode"]) == ("IGO", "EUR")


def test_synthetic_readings_load(tmp_path):
    with Chronicle(tmp_path / "s.duckdb") as c:
        st = c.add_readings(synth_readings(40, seed=3))
        assert st["articles"] == 40 and st["mentions"] == 200
        assert c.stats()["events"] == st["events"]


def test_cli_ingest_readings_dyad_search_export(tmp_path, capsys):
    src = tmp_path / "readings.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES) + "{broken\n")
    db = str(tmp_path / "cli.duckdb")
    assert main(["ingest", "--readings", str(src), "--db", db, "--quiet"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["articles"] == 3 and out["errors"] == 2
    assert main(["ingest", "--readings", str(src), "--db", db, "--quiet"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 0
    assert main(["dyad", "RUS", "BLR", "--db", db, "--by", "week", "--format", "json"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["events"] for r in rows] == [1] and rows[0]["q1"] == 1
    assert main(["search", "betoging", "--db", db, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["article_id"] == "a2"
    assert main(["events", "--db", db, "--actor", "BLR", "--quadclass", "4"]) == 0
    assert "a3:v1" in capsys.readouterr().out
    assert main(["export", str(tmp_path / "x.tsv"), "--db", db, "--to", "gdelt"]) == 0
    assert len((tmp_path / "x.tsv").read_text().splitlines()) == 5
    assert main(["stats", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 3
    assert main(["dyad", "RUS", "BLR", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "no such database" in capsys.readouterr().err


def _no_pipeline(*_a: Any, **_k: Any) -> None:
    raise AssertionError("a pipeline was built although every article was already stored")


def test_ingest_article_files_skips_stored_ones_and_records_errors(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("date 2020-09-14\nPoetin ontmoette Loekasjenko in Sotsji.\n")
    (folder / "b.txt").write_text("date 2020-09-15\nDe betogingen in Minsk gaan door.\n")
    (folder / "leeg.txt").write_text("date 2020-09-15\n\n")
    db = str(tmp_path / "t.duckdb")
    args = ["ingest", str(folder), "--db", db, "--quiet", "--components", "tokenize"]
    assert main(args) == 0
    captured = capsys.readouterr()
    stats = json.loads(captured.out)
    assert (stats["articles"], stats["errors"]) == (2, 1)
    assert "leeg" in captured.err
    assert main(args) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["articles"], stats["duplicates"]) == (0, 2)
    # a re-run with nothing new never builds a pipeline (no model load), and still records the broken file
    monkeypatch.setattr("kroniek.pipeline.Pipeline.__init__", _no_pipeline)
    assert main(args) == 0
    assert "leeg" in capsys.readouterr().err
    with Chronicle(db, read_only=True) as c:
        assert c.stats()["articles"] == 2
        assert c.search("betoging")["article_id"].tolist() == ["b"]
        assert c.article("a")["date"] == "2020-09-14"


def test_ingest_readings_from_batch_parquet_output(tmp_path):
    from kroniek.scale.parquet import write_partition

    out = tmp_path / "batch"
    write_partition(ARTICLES, out, "k1")
    with Chronicle(tmp_path / "p.duckdb") as c:
        st = c.ingest_readings([out])
        assert (st["articles"], st["events"], st["errors"]) == (3, 5, 1)
        assert c.article("a2")["text"] == ARTICLES[1]["text"]
        assert c.ingest_readings([out])["articles"] == 0


def test_ingest_with_a_home_country(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("date 2024-03-14\nDe oppositie bekritiseert het kabinet.\n", encoding="utf-8")
    with Chronicle(str(tmp_path / "t.duckdb")) as c:
        c.ingest([folder], country="NLD")
        events = c.events(target="NLDGOV")
    assert len(events) == 1
