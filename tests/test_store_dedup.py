"""Cross-article deduplication: the same event told by several articles is one event; distinct events stay apart."""
from __future__ import annotations

from typing import Any

import pytest

from kroniek.db import Chronicle


def reading(aid: str, day: str, events: list[dict[str, Any]], source: str = "nos", doc_date: str | None = None,
            text: str | None = None) -> dict[str, Any]:
    text = text or f"Artikel {aid}: Poetin ontmoette Loekasjenko."
    return {"id": aid, "date": doc_date or day, "language": "nl", "title": None, "url": None, "source": source,
            "text": text, "sentences": [{"start": 0, "end": len(text)}], "entities": [], "times": [],
            "quantities": [], "events": events}


def event(vid: str = "v1", day: str | None = "2020-09-14", cameo: str | None = "040", src: str | None = "RUSGOV",
          tgt: str | None = "BLRGOV", place: str | None = "Sotsji", lat: float | None = None,
          lon: float | None = None, modality: str = "asserted", latest: str | None = None,
          news_type: str | None = None) -> dict[str, Any]:
    loc = {"entity": None, "text": place} if place else None
    if loc is not None and lat is not None:
        loc.update(lat=lat, lon=lon)
    return {"id": vid, "trigger": {"start": 20, "end": 29, "text": "ontmoette"}, "plover": None, "cameo": cameo,
            "news_type": news_type, "source": {"entity": None, "actor": src, "text": src},
            "target": {"entity": None, "actor": tgt, "text": tgt},
            "time": {"value": day, "earliest": day, "latest": latest or day}, "location": loc, "quantities": [],
            "modality": modality}


@pytest.fixture
def db(tmp_path):
    with Chronicle(tmp_path / "c.duckdb") as c:
        yield c


def counts(db: Chronicle) -> list[tuple[int, int, int]]:
    return [tuple(r) for r in db.con.execute(
        "SELECT num_mentions, num_articles, num_sources FROM events ORDER BY seq").fetchall()]


def test_same_event_in_three_articles_is_one_event_with_counts(db):
    st = db.add_readings([reading("a", "2020-09-14", [event()], source="nos"),
                          reading("b", "2020-09-14", [event()], source="nrc"),
                          reading("c", "2020-09-15", [event(day="2020-09-14")], source="nos")])
    assert st["events"] == 1 and st["merged"] == 2
    assert counts(db) == [(3, 3, 2)]


def test_two_protests_on_two_days_stay_two(db):
    db.add_readings([reading("a", "2020-09-14", [event(cameo="141", day="2020-09-14")]),
                     reading("b", "2020-09-16", [event(cameo="141", day="2020-09-16")])])
    assert counts(db) == [(1, 1, 1), (1, 1, 1)]


def test_merge_across_ingests_and_interval_narrows(db):
    # a vague report (some day that week) and a precise one of the same meeting
    db.add_readings([reading("a", "2020-09-18", [event(day="2020-09-12", latest="2020-09-18")])])
    db.add_readings([reading("b", "2020-09-15", [event(day="2020-09-14")])])
    ev = db.events()
    assert len(ev) == 1
    assert str(ev.loc[0, "day"])[:10] == "2020-09-14"
    assert counts(db) == [(2, 2, 1)]


def test_far_apart_places_are_different_events(db):
    db.add_readings([reading("a", "2020-09-14", [event(place="Sotsji", lat=43.6, lon=39.7)]),
                     reading("b", "2020-09-14", [event(place="Minsk", lat=53.9, lon=27.6)])])
    assert len(db.events()) == 2


def test_close_places_by_coordinates_merge_even_with_other_names(db):
    db.add_readings([reading("a", "2020-09-14", [event(place="Sotsji", lat=43.60, lon=39.73)]),
                     reading("b", "2020-09-14", [event(place="Adler", lat=43.43, lon=39.92)])])
    assert len(db.events()) == 1


def test_named_places_must_agree_and_missing_place_is_compatible(db):
    db.add_readings([reading("a", "2020-09-14", [event(place="Sotsji")]),
                     reading("b", "2020-09-14", [event(place="Minsk")]),
                     reading("c", "2020-09-14", [event(place=None)])])
    assert counts(db) == [(2, 2, 1), (1, 1, 1)]


def test_other_actors_type_or_polarity_do_not_merge(db):
    db.add_readings([reading("a", "2020-09-14", [event()]),
                     reading("b", "2020-09-14", [event(tgt="UKRGOV")]),
                     reading("c", "2020-09-14", [event(cameo="111")]),
                     reading("d", "2020-09-14", [event(modality="negated")])])
    assert len(db.events()) == 4


def test_vague_times_never_merge(db):
    # a whole year cannot tell one meeting from the next
    db.add_readings([reading("a", "2020", [event(day="2020-01-01", latest="2020-12-31")]),
                     reading("b", "2020", [event(day="2020-01-01", latest="2020-12-31")], text="Ander artikel.")])
    assert len(db.events()) == 2


def test_event_without_time_uses_the_article_date(db):
    db.add_readings([reading("a", "2020-09-14", [event(day=None)]),
                     reading("b", "2020-09-14", [event(day=None)], text="Nog een artikel."),
                     reading("c", "2020-09-20", [event(day=None)], text="Een week later.")])
    assert counts(db) == [(2, 2, 1), (1, 1, 1)]


def test_events_without_actors_are_kept_apart(db):
    db.add_readings([reading("a", "2020-09-14", [event(src=None, tgt=None, cameo=None, news_type="Life.Die")]),
                     reading("b", "2020-09-14", [event(src=None, tgt=None, cameo=None, news_type="Life.Die")],
                             text="Ander.")])
    assert len(db.events()) == 2
    assert db.stats()["mentions_of_events"] == 2
