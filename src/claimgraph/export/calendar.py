"""TIMEX3 values as the calendar dates that event standards want (ACLED's `event_date` with
`time_precision`, PLOVER's `date`): a full YYYY-MM-DD day, the middle of the period when the
text names a week, a month or a season, with how precise it is.

Internal: shared by the export formats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")  # "-WE": the weekend of that week
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_PART = re.compile(r"^(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])$")
_YEAR = re.compile(r"^(\d{4})$")
# The months a season, quarter or half covers (first, last); winter runs into the next year.
_PARTS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14), "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12),
          "H1": (1, 6), "H2": (7, 12)}

DAY, WEEK, MONTH = 1, 2, 3  # ACLED's time_precision: a day, a week, a month (or a longer part of a year)
PRECISION_NAMES = {DAY: "day", WEEK: "week", MONTH: "month"}


@dataclass(frozen=True)
class CalendarDate:
    """A day to file an event under, how precise it is (`DAY`, `WEEK`, `MONTH`) and the
    TIMEX3 value it comes from."""

    day: date
    precision: int
    timex: str

    @property
    def precision_name(self) -> str:
        return PRECISION_NAMES[self.precision]


def calendar_date(timex: str | None) -> CalendarDate | None:
    """The day of a TIMEX3 value: the day itself (precision 1); a week's Thursday, a weekend's
    Saturday (2); the middle of a month, season, quarter or half-year (3). None for a value
    with no year ("XXXX-08-30"), a reference ("PAST_REF"), a bare year (coarser than any
    precision the standards have) and a day that does not exist ("2021-02-30")."""
    if not timex:
        return None
    try:
        if match := _DAY.match(timex):
            return CalendarDate(date(int(match[1]), int(match[2]), int(match[3])), DAY, timex)
        if match := _WEEK.match(timex):
            monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
            return CalendarDate(monday + timedelta(days=5 if match[3] else 3), WEEK, timex)
        if match := _MONTH.match(timex):
            return CalendarDate(date(int(match[1]), int(match[2]), 15), MONTH, timex)
        if match := _PART.match(timex):
            first, last = _PARTS[match[2]]
            start = date(int(match[1]), first, 1)
            end = date(int(match[1]) + (last - 1) // 12, (last - 1) % 12 + 1, 28)
            return CalendarDate(start + (end - start) / 2, MONTH, timex)
    except ValueError:  # no such day, week or month
        return None
    return None


def year_of(timex: str | None) -> int | None:
    """The year a TIMEX3 value names, when it names one ("2021", "2021-08-30"; not "XXXX-08")."""
    match = re.match(r"^(\d{4})(?:$|-)", timex or "")
    return int(match[1]) if match else None


def is_bare_year(timex: str | None) -> bool:
    return bool(timex and _YEAR.match(timex))
