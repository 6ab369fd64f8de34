"""Document dates: the forms the input may give (YYYY, YYYY-MM, YYYY-MM-DD, ISO timestamp)
and the calendar interval each one stands for."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

_FORMS = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?P<time>[T ][0-9:.,]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$"
)


class BadDate(ValueError):
    """A document date that is not one of the accepted forms or not a real calendar date."""


@dataclass(frozen=True, slots=True)
class DocDate:
    """The date of a document as given, with the precision the text allows."""

    given: str  # exactly as written in the input
    precision: str  # year | month | day | time
    earliest: date
    latest: date
    timestamp: datetime | None = None

    @property
    def day(self) -> date | None:
        """The day, when the date is day-precise."""
        return self.earliest if self.precision in ("day", "time") else None

    def __str__(self) -> str:
        return self.given


def parse_doc_date(text: str | None) -> DocDate | None:
    """Parse a document date; None for none given, BadDate for a malformed one."""
    if text is None:
        return None
    s = str(text).strip()
    if not s:
        return None
    m = _FORMS.match(s)
    if not m:
        raise BadDate(f"bad date {s!r}: expected YYYY, YYYY-MM, YYYY-MM-DD or an ISO timestamp")
    y = int(m["y"])
    if y < 1 or y > 9999:
        raise BadDate(f"bad date {s!r}: year out of range")
    if m["m"] is None:
        return DocDate(s, "year", date(y, 1, 1), date(y, 12, 31))
    mo = int(m["m"])
    if not 1 <= mo <= 12:
        raise BadDate(f"bad date {s!r}: month {mo} does not exist")
    if m["d"] is None:
        last = calendar.monthrange(y, mo)[1]
        return DocDate(s, "month", date(y, mo, 1), date(y, mo, last))
    d = int(m["d"])
    try:
        day = date(y, mo, d)
    except ValueError as e:
        raise BadDate(f"bad date {s!r}: {e}") from None
    if m["time"] is None:
        return DocDate(s, "day", day, day)
    try:
        ts = datetime.fromisoformat(s.replace(" ", "T").replace("Z", "+00:00"))
    except ValueError as e:
        raise BadDate(f"bad date {s!r}: {e}") from None
    return DocDate(s, "time", ts.date(), ts.date(), ts)


def month_bounds(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def add_days(d: date, n: int) -> date:
    return d + timedelta(days=n)
