"""Calendar arithmetic for time normalisation: periods (day, week, weekend, month, season, year)
as closed date intervals with their TIMEX3 value."""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import NamedTuple

MIN_YEAR, MAX_YEAR = 1, 9999


class Period(NamedTuple):
    lo: date
    hi: date
    value: str


def day(d: date) -> Period:
    return Period(d, d, d.isoformat())


def week(d: date) -> Period:
    mon = d - timedelta(days=d.isoweekday() - 1)
    y, w, _ = d.isocalendar()
    return Period(mon, mon + timedelta(days=6), f"{y:04d}-W{w:02d}")


def weekend(d: date) -> Period:
    """The weekend (Saturday and Sunday) of the ISO week holding d."""
    sat = d + timedelta(days=6 - d.isoweekday())
    y, w, _ = d.isocalendar()
    return Period(sat, sat + timedelta(days=1), f"{y:04d}-W{w:02d}-WE")


def month(y: int, m: int) -> Period:
    return Period(date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), f"{y:04d}-{m:02d}")


def year(y: int) -> Period:
    return Period(date(y, 1, 1), date(y, 12, 31), f"{y:04d}")


def decade(prefix: str) -> Period:
    y = int(prefix) * 10
    return Period(date(y, 1, 1), date(y + 9, 12, 31), prefix)


def season(y: int, code: str, first: int, last: int) -> Period:
    """A season of year y; one that wraps the year end (winter) starts in y."""
    end_y = y + 1 if last < first else y
    return Period(date(y, first, 1), month(end_y, last).hi, f"{y:04d}-{code}")


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def shift(unit: str, d: date, k: int) -> Period:
    """The period of `unit` holding d, moved k periods."""
    if unit == "D":
        return day(d + timedelta(days=k))
    if unit == "W":
        return week(d + timedelta(weeks=k))
    if unit == "WE":
        return weekend(d + timedelta(weeks=k))
    if unit == "M":
        return month(*add_months(d.year, d.month, k))
    if unit == "Y":
        return year(d.year + k)
    raise ValueError(f"no calendar unit {unit!r}")


def weekday_on_or_before(d: date, wd: int, strict: bool = False) -> date:
    back = (d.isoweekday() - wd) % 7
    if strict and back == 0:
        back = 7
    return d - timedelta(days=back)


def weekday_on_or_after(d: date, wd: int, strict: bool = False) -> date:
    ahead = (wd - d.isoweekday()) % 7
    if strict and ahead == 0:
        ahead = 7
    return d + timedelta(days=ahead)


def with_mod(p: Period, mod: str | None) -> Period:
    """The part of a period that begin/medio/eind leaves: the first, middle or last 40% of it.

    The parts overlap on purpose: 'eind september' may be the 20th, and an interval that
    misses the true day is worse than one a few days wider.
    """
    if mod not in ("START", "MID", "END"):
        return p
    n = (p.hi - p.lo).days + 1
    part = max(1, round(n * 0.4))
    if mod == "START":
        return Period(p.lo, p.lo + timedelta(days=part - 1), p.value)
    if mod == "END":
        return Period(p.hi - timedelta(days=part - 1), p.hi, p.value)
    lo = p.lo + timedelta(days=(n - part) // 2)
    return Period(lo, lo + timedelta(days=part - 1), p.value)


def common_value(lo: date, hi: date) -> str | None:
    """The most precise TIMEX3 value that covers the whole interval, if it stays within one year."""
    if lo == hi:
        return lo.isoformat()
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo.year:04d}-{lo.month:02d}"
    if lo.year == hi.year:
        return f"{lo.year:04d}"
    return None


def easter(y: int) -> date:
    """Easter Sunday of year y (Gregorian calendar; the anonymous computus)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month_, day_ = divmod(h + l_ - 7 * m + 114, 31)
    return date(y, month_, day_ + 1)
