"""The time interval of an event that has no time expression of its own.

Used by the events layer. The interval is "honestly widened": it holds every day the event can
reasonably have happened on, given only the document date, and stays within the 31 days that
evaluation allows where the date is precise enough for that:

- day or timestamp: the week up to and including that day (news reports what happened in the last days);
- month: the 31 days ending on the last day of the month (for September 2020: 31 August to 30 September),
  so an event from the last days of the previous month is still inside;
- year: the whole year (honest, though too wide to count as a day);
- no date: (None, None).
"""
from __future__ import annotations

from datetime import date, timedelta

from kroniek.dates import DocDate

WINDOW_DAYS = 31


def document_interval(ref: DocDate | None) -> tuple[date | None, date | None]:
    """(earliest, latest) for an event reported in a document of date `ref`."""
    if ref is None:
        return None, None
    if ref.precision in ("day", "time"):
        return ref.latest - timedelta(days=6), ref.latest
    if ref.precision == "month":
        return ref.latest - timedelta(days=WINDOW_DAYS - 1), ref.latest
    return ref.earliest, ref.latest
