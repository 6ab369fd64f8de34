"""Normalising found time expressions against the document date.

The document date is a reference interval [R0, R1]: one day for a dated article, a whole month or
year for a vaguer one. A relative expression is resolved for every possible reference day and the
result is the union, so "maandag" in an article dated only 2020-09 is "some Monday from 31 August
to 28 September", never a guessed day. With a month-precise date, an interval that would span more than
31 days (a past Monday when the month starts on a Tuesday) loses its earliest days: the ones only an
article from the first days of the month allows. Without a document date relative expressions stay
unresolved (value null or a TIMEX3 pattern such as XXXX-WXX-1).

Weekdays in one story belong to one week: the first bare weekday anchors the others, so a
"zondag" told around a "maandag" meeting is the day before it, not six days later.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from kroniek.dates import DocDate
from kroniek.doc import TimeExpr
from kroniek.time import arith
from kroniek.time.arith import Period
from kroniek.time.lexicon import lexicon

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_DAYS = 31  # the widest interval evaluation still counts as a date
DATE_KINDS = {"sameday", "holiday", "date", "month", "year", "decade", "season", "relday", "weekday", "relunit", "ago", "vague"}


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.6g}"


def duration_value(n: float | None, unit: str, factor: float = 1) -> str:
    """TIMEX3 duration: P26Y, PT4H, PT30M, PXD for 'enkele dagen'."""
    amount_f = None if n is None else n * factor
    # a fraction in the next smaller unit reads better: anderhalf jaar = P18M, een half uur = PT30M
    smaller = {"Y": ("M", 12), "H": ("MI", 60), "MI": ("S", 60), "W": ("D", 7)}
    while amount_f is not None and not float(amount_f).is_integer() and unit in smaller:
        unit, k = smaller[unit]
        amount_f *= k
    timed = unit in ("H", "MI", "S")
    letter = "M" if unit == "MI" else unit
    amount = "X" if amount_f is None else _num(round(amount_f, 6))
    return f"P{'T' if timed else ''}{amount}{letter}"


class Resolver:
    """Resolves the time expressions of one document, in text order."""

    def __init__(self, ref: DocDate | None):
        self.ref = ref
        self.r0: date | None = ref.earliest if ref else None
        self.r1: date | None = ref.latest if ref else None
        self.day_precise = bool(ref and ref.precision in ("day", "time"))
        self.anchor: tuple[int, date, date] | None = None  # weekday, lo, hi of the first bare weekday
        self.context: dict[int, tuple[date, date, str | None]] = {}  # sentence -> last day-like interval
        self.last_sentence: int | None = None  # the sentence of the expression before this one

    # ------------------------------------------------------------ helpers

    def over_ref(self, f: Callable[[date], Period]) -> tuple[date, date, str | None] | None:
        """f applied to every possible reference day: the union, and the value if all agree."""
        if self.r0 is None or self.r1 is None:
            return None
        a, b = f(self.r0), f(self.r1)
        return a.lo, b.hi, (a.value if a.value == b.value else None)

    def mid(self) -> date | None:
        if self.r0 is None or self.r1 is None:
            return None
        return self.r0 + (self.r1 - self.r0) / 2

    def pick_year(self, make: Callable[[int], Period | None], tense: str | None) -> Period | None:
        """The year for a date or month written without one: before the reference for past tense,
        after it for future tense, else the closest."""
        mid = self.mid()
        if mid is None or self.r0 is None or self.r1 is None:
            return None
        cands = [p for y in (mid.year - 1, mid.year, mid.year + 1) if (p := make(y)) is not None]
        if not cands:
            return None
        if tense == "PAST":
            past = [p for p in cands if p.lo <= self.r1]
            if past:
                return past[-1]
        if tense == "FUTURE":
            future = [p for p in cands if p.hi >= self.r0]
            if future:
                return future[0]
        return min(cands, key=lambda p: abs((p.lo + (p.hi - p.lo) / 2 - mid).days))

    # ------------------------------------------------------------ resolve

    def resolve(self, start: int, end: int, text: str, sem: dict[str, Any], tense: str | None,
                sentence: int | None) -> TimeExpr | None:
        k = sem["k"]
        if k == "duration":
            mod = sem.get("mod")
            return TimeExpr(start, end, text, "DURATION", duration_value(sem["n"], sem["u"], sem.get("f", 1)),
                            mod=mod)
        if k == "set":
            return TimeExpr(start, end, text, "SET", sem["v"])
        try:
            out = getattr(self, "_" + k)(sem, tense, sentence)
        except (ValueError, OverflowError):  # beyond the calendar (year 0 or 10000): found, but not resolvable
            return TimeExpr(start, end, text, "TIME" if k in ("clock", "daypart") else "DATE")
        self.last_sentence = sentence
        if out is None:
            return None
        typ, value, lo, hi, mod = out
        if lo is not None and hi is not None and self.ref is not None and self.ref.precision == "month":
            lo = self._within_window(k, lo, hi)
        t = TimeExpr(start, end, text, typ, value, lo.isoformat() if lo else None, hi.isoformat() if hi else None,
                     mod)
        if lo is not None and hi is not None and sentence is not None and (hi - lo).days <= 31:
            day_value = value[:10] if value and _DAY.match(value) else None
            self.context[sentence] = (lo, hi, day_value)
        return t

    @staticmethod
    def _within_window(kind: str, lo: date, hi: date) -> date:
        """With a month-precise reference, keep intervals within the 31 days evaluation allows by
        dropping the earliest possibilities (those only an article from the month's first days allows).
        A weekday keeps its weekday: four weeks back from the latest."""
        if (hi - lo).days <= MAX_DAYS:
            return lo
        return hi - timedelta(days=28 if kind == "weekday" else MAX_DAYS)

    @staticmethod
    def _with_daypart(value: str | None, dp: str | None, fallback: str) -> tuple[str, str | None]:
        if not dp:
            return "DATE", value
        base = value if value and len(value) == 10 else fallback
        return "TIME", f"{base}T{dp}"

    def _date(self, sem, tense, sentence):
        d, m, y = sem["d"], sem["m"], sem["y"]

        def make(yy: int) -> Period | None:
            try:
                return arith.day(date(yy, m, d))
            except ValueError:
                return None

        wd = sem.get("wd")
        if y is None and sem.get("yrel") is not None and self.r0 is not None:
            y = self.r0.year + sem["yrel"]  # 13 februari van dit jaar
        if y is not None:
            p = make(y)
            if p is None:
                return None
        elif wd is not None and self.r0 is not None:
            # "donderdag 14 december": the year in which that day is a Thursday, nearest the reference
            mid = self.mid()
            assert mid is not None
            fits = [q for yy in range(mid.year - 6, mid.year + 7) if (q := make(yy)) and q.lo.isoweekday() == wd]
            p = min(fits, key=lambda q: abs((q.lo - mid).days)) if fits else self.pick_year(make, tense)
        else:
            p = self.pick_year(make, tense)
        if p is None:  # a day no year has ("31 september"): found, left unresolved
            return "DATE", f"XXXX-{m:02d}-{d:02d}", None, None, None
        return "DATE", p.value, p.lo, p.hi, None

    def _month(self, sem, tense, sentence):
        m, y, mod = sem["m"], sem["y"], sem.get("mod")
        p = arith.month(y, m) if y is not None else self.pick_year(lambda yy: arith.month(yy, m), tense)
        if p is None:
            return "DATE", f"XXXX-{m:02d}", None, None, mod
        p = arith.with_mod(p, mod)
        return "DATE", p.value, p.lo, p.hi, mod

    def _holiday(self, sem, tense, sentence):
        how, a, b = lexicon().holidays[sem["h"]]

        def make(yy: int) -> Period | None:
            if not arith.MIN_YEAR < yy < arith.MAX_YEAR:
                return None
            d = date(yy, a, b) if how == "fixed" else arith.easter(yy) + timedelta(days=a)
            return arith.day(d)

        p = make(sem["y"]) if sem["y"] is not None else self.pick_year(make, tense)
        if p is None:
            return "DATE", None, None, None, None
        return "DATE", p.value, p.lo, p.hi, None

    def _year(self, sem, tense, sentence):
        p = arith.with_mod(arith.year(sem["y"]), sem.get("mod"))
        return "DATE", p.value, p.lo, p.hi, sem.get("mod")

    def _decade(self, sem, tense, sentence):
        p = arith.with_mod(arith.decade(sem["v"]), sem.get("mod"))
        return "DATE", p.value, p.lo, p.hi, sem.get("mod")

    def _season(self, sem, tense, sentence):
        code, first, last = lexicon().seasons[sem["s"]]
        mod = sem.get("mod")
        if sem["y"] is not None:
            p = arith.season(sem["y"], code, first, last)
        else:
            mid = self.mid()
            if mid is None:
                return "DATE", f"XXXX-{code}", None, None, mod
            cands = [arith.season(y, code, first, last) for y in (mid.year - 2, mid.year - 1, mid.year, mid.year + 1)]
            rel = sem["rel"] if sem["rel"] is not None else {"PAST": -1, "FUTURE": 1}.get(tense or "", 0)
            if rel < 0:
                ps = [c for c in cands if c.lo <= mid]
                p = ps[-1] if ps else cands[0]
            elif rel > 0:
                p = next((c for c in cands if c.hi >= mid), cands[-1])
            else:
                p = min(cands, key=lambda c: 0 if c.lo <= mid <= c.hi else min(abs((c.lo - mid).days),
                                                                                   abs((c.hi - mid).days)))
        p = arith.with_mod(p, mod)
        return "DATE", p.value, p.lo, p.hi, mod

    def _relday(self, sem, tense, sentence):
        n, dp = sem["n"], sem["dp"]
        got = self.over_ref(lambda r: arith.day(r + timedelta(days=n)))
        if got is None:
            return ("TIME" if dp else "DATE"), None, None, None, None
        lo, hi, value = got
        typ, value = self._with_daypart(value, dp, "XXXX-XX-XX")
        return typ, value, lo, hi, None

    def _weekday(self, sem, tense, sentence):
        wd, rel, dp = sem["wd"], sem["rel"], sem["dp"]
        pattern = f"XXXX-WXX-{wd}"
        if self.r0 is None or self.r1 is None:
            return ("TIME" if dp else "DATE"), pattern + (f"T{dp}" if dp else ""), None, None, None
        # news tells of a coming weekday in the present tense (de Kamer stemt dinsdag) and of a past one in the past
        future = rel == 1 or (rel is None and tense in ("FUTURE", "PRESENT"))
        if sem["week"]:
            def f(r: date) -> Period:
                return arith.day(arith.week(r + timedelta(weeks=rel or 0)).lo + timedelta(days=wd - 1))
        elif rel == -1:
            def f(r: date) -> Period:
                return arith.day(arith.weekday_on_or_before(r, wd, strict=True))
        elif rel == 1:
            def f(r: date) -> Period:
                return arith.day(arith.weekday_on_or_after(r, wd, strict=True))
        elif rel == 0 and not future:
            def f(r: date) -> Period:
                return arith.day(arith.week(r).lo + timedelta(days=wd - 1))
        elif future:
            def f(r: date) -> Period:
                return arith.day(arith.weekday_on_or_after(r, wd))
        else:
            def f(r: date) -> Period:
                return arith.day(arith.weekday_on_or_before(r, wd))
        got = self.over_ref(f)
        assert got is not None
        lo, hi, value = got
        if rel is None and not self.day_precise:
            lo, hi = self._anchored(wd, lo, hi, future)
            value = lo.isoformat() if lo == hi else None
        typ, value = self._with_daypart(value or pattern, dp, pattern)
        return typ, value, lo, hi, None

    def _anchored(self, wd: int, lo: date, hi: date, future: bool) -> tuple[date, date]:
        """Keep bare weekdays of one story in one week (see the module docstring)."""
        if self.anchor is None:
            self.anchor = (wd, lo, hi)
            return lo, hi
        awd, alo, ahi = self.anchor
        delta = (wd - awd) % 7
        if delta > 3:
            delta -= 7
        lo2, hi2 = alo + timedelta(days=delta), ahi + timedelta(days=delta)
        assert self.r0 is not None and self.r1 is not None
        # never past what the reference allows: a past Monday cannot lie after the last publication day
        if not future and hi2 > self.r1:
            hi2 = arith.weekday_on_or_before(self.r1, wd)
        if future and lo2 < self.r0:
            lo2 = arith.weekday_on_or_after(self.r0, wd)
        if lo2 > hi2:
            return lo, hi
        return lo2, hi2

    def _relunit(self, sem, tense, sentence):
        u, rel, mod = sem["u"], sem["rel"], sem.get("mod")
        if u == "WE":
            def f(r: date) -> Period:
                if rel < 0:
                    return arith.weekend(arith.weekday_on_or_before(r - timedelta(days=1), 6))
                if rel > 0:
                    return arith.weekend(arith.weekday_on_or_after(r, 6))
                return arith.weekend(r)
        else:
            def f(r: date) -> Period:
                return arith.shift(u, r, rel)
        got = self.over_ref(lambda r: arith.with_mod(f(r), mod))
        if got is None:
            return "DATE", None, None, None, mod
        lo, hi, value = got
        if value is None:
            # the unit itself is known even when the reference is vague: keep its value only if it agrees
            a, b = f(self.r0), f(self.r1)  # type: ignore[arg-type]
            value = a.value if a.value == b.value else None
        return "DATE", value, lo, hi, mod

    def _ago(self, sem, tense, sentence):
        n, u, sign = sem["n"], sem["u"], sem["dir"]
        if n is None:
            return self._vague({"v": "PAST_REF" if sign < 0 else "FUTURE_REF"}, tense, sentence)
        if u == "Y" and not float(n).is_integer():
            u, n = "M", n * 12
        if u == "M" and not float(n).is_integer():
            u, n = "D", round(n * 30)
        if u == "W" and not float(n).is_integer():
            u, n = "D", round(n * 7)
        typ = "DATE"
        if u in ("H", "MI", "S"):
            typ, u, n = "TIME", "D", 0

        def f(r: date) -> Period:
            if u == "D":
                return arith.day(r + timedelta(days=sign * int(n)))
            return arith.shift(u, r, sign * int(n))

        got = self.over_ref(f)
        if got is None:
            return typ, None, None, None, None
        lo, hi, value = got
        return typ, value, lo, hi, None

    def _clock(self, sem, tense, sentence):
        hhmm = f"T{sem['h']:02d}:{sem['mi']:02d}"
        return self._on_context_day(hhmm, sentence)

    def _sameday(self, sem, tense, sentence):
        """'eerder op de dag': the day last spoken of."""
        ctx = self._context(sentence)
        if ctx is None:
            got = self.over_ref(arith.day)
            if got is None:
                return "DATE", None, None, None, None
            return "DATE", got[2], got[0], got[1], None
        lo, hi, day_value = ctx
        return "DATE", day_value, lo, hi, None

    def _daypart(self, sem, tense, sentence):
        return self._on_context_day(f"T{sem['dp']}", sentence)

    def _on_context_day(self, suffix: str, sentence: int | None):
        ctx = self._context(sentence)
        if ctx is not None:
            lo, hi, day_value = ctx
        elif self.r0 is not None and self.r1 is not None:
            lo, hi = self.r0, self.r1
            day_value = self.r0.isoformat() if self.day_precise else None
        else:
            return "TIME", "XXXX-XX-XX" + suffix, None, None, None
        return "TIME", (day_value or "XXXX-XX-XX") + suffix, lo, hi, None

    def _context(self, sentence: int | None) -> tuple[date, date, str | None] | None:
        """The day spoken of in this sentence, or else in the sentence of the time expression before (a clock
        time or 'eerder op de dag' right after "Dinsdag ..." belongs to that Tuesday)."""
        if sentence is None:
            return None
        ctx = self.context.get(sentence)
        if ctx is None and self.last_sentence is not None and self.last_sentence != sentence:
            ctx = self.context.get(self.last_sentence)
        return ctx

    def _vague(self, sem, tense, sentence):
        v = sem["v"]
        if self.r0 is None:
            return "DATE", v, None, None, None
        if v == "PAST_REF":
            return "DATE", v, None, self.r1, None
        if v == "FUTURE_REF":
            return "DATE", v, self.r0, None, None
        return "DATE", v, self.r0, self.r1, None
