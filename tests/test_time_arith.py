"""Property tests: date arithmetic around month and year ends and leap days, and honest intervals."""
from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from kroniek.dates import parse_doc_date
from kroniek.time import arith
from kroniek.time.anchor import document_interval
from kroniek.time.resolve import Resolver

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
# month and year ends and leap days are where date arithmetic breaks
edges = st.sampled_from([date(2020, 2, 28), date(2020, 2, 29), date(2020, 3, 1), date(2019, 12, 31),
                         date(2021, 1, 1), date(2100, 2, 28), date(2000, 2, 29), date(2020, 12, 31)])
any_day = st.one_of(days, edges)
SMALL = settings(max_examples=150, deadline=None)


@SMALL
@given(any_day, st.integers(1, 7))
def test_weekday_before_and_after(d, wd):
    before, after = arith.weekday_on_or_before(d, wd), arith.weekday_on_or_after(d, wd)
    assert before.isoweekday() == wd == after.isoweekday()
    assert 0 <= (d - before).days <= 6 and 0 <= (after - d).days <= 6
    assert 1 <= (d - arith.weekday_on_or_before(d, wd, strict=True)).days <= 7


@SMALL
@given(any_day, st.integers(-30, 30))
def test_shifted_periods_hold_their_day(d, k):
    assert arith.shift("D", d, k).lo == d + timedelta(days=k)
    w = arith.shift("W", d, k)
    assert w.lo.isoweekday() == 1 and (w.hi - w.lo).days == 6 and w.lo <= d + timedelta(weeks=k) <= w.hi
    m = arith.shift("M", d, k)
    assert m.lo.day == 1 and (m.hi + timedelta(days=1)).day == 1
    assert (m.lo.year * 12 + m.lo.month) - (d.year * 12 + d.month) == k
    assert arith.shift("Y", d, k).value == f"{d.year + k:04d}"


@SMALL
@given(any_day)
def test_week_value_is_iso_week(d):
    y, w, _ = d.isocalendar()
    assert arith.week(d).value == f"{y:04d}-W{w:02d}"
    we = arith.weekend(d)
    assert we.lo.isoweekday() == 6 and we.hi.isoweekday() == 7 and arith.week(we.lo).value == arith.week(d).value


@SMALL
@given(st.integers(1900, 2099), st.integers(1, 12), st.sampled_from(["START", "MID", "END", None]))
def test_mod_stays_inside_the_period(y, m, mod):
    p = arith.month(y, m)
    q = arith.with_mod(p, mod)
    assert p.lo <= q.lo <= q.hi <= p.hi and q.value == p.value


@SMALL
@given(st.integers(1900, 2099))
def test_easter_is_a_spring_sunday(y):
    e = arith.easter(y)
    assert e.isoweekday() == 7 and date(y, 3, 22) <= e <= date(y, 4, 25)


def _resolve(text_sem: dict, ref: str, tense=None):
    return Resolver(parse_doc_date(ref)).resolve(0, 1, "x", text_sem, tense, 0)


@settings(max_examples=50, deadline=None)
@given(st.integers(1901, 2098), st.integers(1, 12), st.integers(1, 7), st.sampled_from(["PAST", "FUTURE", None]))
def test_month_interval_holds_every_day_precise_reading(y, m, wd, tense):
    """Honesty: for any publication day in the month (from the 7th on: the days before may be cut to stay within
    the 31 days evaluation allows), the day-precise reading lies in the month-precise interval."""
    sem = {"k": "weekday", "wd": wd, "rel": None, "week": False, "dp": None}
    vague = _resolve(sem, f"{y:04d}-{m:02d}", tense)
    lo, hi = date.fromisoformat(vague.earliest), date.fromisoformat(vague.latest)
    assert (hi - lo).days <= 31
    first, last = arith.month(y, m)[:2]
    d = first + timedelta(days=6)
    while d <= last:
        exact = _resolve(sem, d.isoformat(), tense)
        assert lo <= date.fromisoformat(exact.value) <= hi
        d += timedelta(days=1)


@SMALL
@given(any_day, st.integers(-2, 2))
def test_relative_day_crosses_month_and_year_ends(d, n):
    t = _resolve({"k": "relday", "n": n, "dp": None}, d.isoformat())
    assert t.value == (d + timedelta(days=n)).isoformat() == t.earliest == t.latest


@SMALL
@given(any_day, st.integers(1, 28), st.integers(1, 12))
def test_day_month_without_year_is_real_date_near_reference(d, day, month):
    t = _resolve({"k": "date", "d": day, "m": month, "y": None}, d.isoformat())
    got = date.fromisoformat(t.value)
    assert (got.month, got.day) == (month, day) and abs((got - d).days) <= 366


def test_leap_day_without_year_picks_a_leap_year():
    t = _resolve({"k": "date", "d": 29, "m": 2, "y": None}, "2021-03-10", "PAST")
    assert t.value == "2020-02-29"


@SMALL
@given(any_day, st.sampled_from(["day", "month", "year"]))
def test_document_interval_holds_the_publication_day(d, precision):
    given_ = {"day": d.isoformat(), "month": d.isoformat()[:7], "year": d.isoformat()[:4]}[precision]
    ref = parse_doc_date(given_)
    lo, hi = document_interval(ref)
    assert lo <= ref.earliest <= ref.latest <= hi or (lo <= ref.latest == hi)
    if precision != "year":
        assert (hi - lo).days <= 31


def test_document_interval_without_date():
    assert document_interval(None) == (None, None)


WORDS = ["maandag", "zondagavond", "gisteren", "vorig jaar", "volgend jaar", "9 augustus", "31 februari", "om 16.00 uur",
         "eind", "begin", "september", "2019", "de jaren negentig", "twee dagen geleden", "over drie weken", "al 26 jaar",
         "1,5 miljard dollar", "zeker 774", "tientallen", "Pasen", "afgelopen weekend", "half acht", "elke", "nu", ",", "."]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=12), st.one_of(st.none(), any_day, st.sampled_from(
    [date(1, 1, 1), date(9999, 12, 31), date(9999, 1, 1), date(1, 12, 31)])), st.sampled_from(["day", "month", "year"]))
def test_any_text_and_any_date_reads_without_error(parts, d, precision):
    from kroniek.doc import Document
    from kroniek.pipeline import get_component

    text = " ".join(parts)
    given_ = None if d is None else {"day": d.isoformat(), "month": d.isoformat()[:7], "year": d.isoformat()[:4]}[
        precision]
    doc = get_component("times")(get_component("quantities")(Document("f", text, parse_doc_date(given_))))
    for x in [*doc.times, *doc.quantities]:
        assert text[x.start:x.end] == x.text and x.start < x.end
    for t in doc.times:
        if t.earliest and t.latest:
            assert t.earliest <= t.latest
