"""The day an article speaks from when its publication date gives only a month.

Some crawlers keep only the month an article appeared in ("2023-07"). Its "on Sunday",
"yesterday" and "last week" then name no day: a month holds four or five Sundays. The
corpus often settles which: another article tells a happening at the same town with its
full date. Where an article of that month tells an event on a weekday at a town (or at a
facility geocoded to one), and the other articles' events there, told as done, fall on that
weekday on exactly one day near that month, that day is its weekday's day. The article is
read again (pipeline.py) from the day that closes the shortest run of days holding that day
and every other weekday it names as past ("gathered on Sunday ... denied on Monday": the
Monday; "gathered on Saturday ... attacked the market on Sunday": the Sunday).

This is an inference, and says so: any event at the town counts (two articles seldom give
one happening the same type), and the article is taken to speak from the last day it names.
Two candidate days, none, or a reference day outside the article's own month leave its
weekdays unresolved, and an article with no month at all (no publication date) is never
given one: without the month, a weekday matches any week of any year. A day settled once
stays: an article added later that gives the town a second candidate day does not undo it
(the weekdays are resolved by then).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from claimgraph.store import Store
from claimgraph.store.events import event_days_at_towns
from claimgraph.store.read import StoredDate, document_dates, documents_dated_to_month

_WEEKDAY = re.compile(r"XXXX-WXX-([1-7])")  # TIMEX3 for a weekday of an unknown week (a time of day may follow)
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WEEK = 7


def corpus_reference_days(store: Store) -> dict[str, str]:
    """The reference day of each month-dated document that the corpus settles, by id."""
    months = documents_dated_to_month(store)
    if not months:
        return {}
    placed = list(event_days_at_towns(store))
    return reference_days(months, placed, {doc: document_dates(store, doc) for doc in months})


def reference_days(months: Mapping[str, str], placed: Iterable[tuple[str, str, str]],
                   dates: Mapping[str, list[StoredDate]]) -> dict[str, str]:
    """`months`: month-dated documents and their month; `placed`: (document, date value, town)
    of the corpus's events told as done; `dates`: each month-dated document's date expressions."""
    days_at: dict[str, set[date]] = defaultdict(set)  # town -> the full days the corpus's events give there
    weekdays_at: dict[str, set[tuple[int, str]]] = defaultdict(set)  # month-dated document -> (weekday, town)
    for doc, value, town in placed:
        if (weekday := _WEEKDAY.match(value)) and doc in months:
            weekdays_at[doc].add((int(weekday.group(1)), town))
        elif (day := _DAY.match(value)) and doc not in months:
            days_at[town].add(date.fromisoformat(day.group()))
    found = {}
    for doc, month in months.items():
        first = date.fromisoformat(month + "-01")
        candidates = {day for weekday, town in weekdays_at.get(doc, ()) for day in days_at.get(town, ())
                      if day.isoweekday() == weekday and first - timedelta(days=_WEEK) <= day and day.isoformat()[:7] <= month}
        if len(candidates) != 1:
            continue
        (anchor,) = candidates
        named = {int(m.group(1)) for d in dates.get(doc, ()) if not d.future and (m := _WEEKDAY.match(d.value))}
        reference = _closing_day(anchor, named)
        if reference.isoformat()[:7] == month:
            found[doc] = reference.isoformat()
    return found


def _closing_day(anchor: date, weekdays: set[int]) -> date:
    """The day that closes the shortest week-long run holding `anchor` and the weekdays
    named (each the latest such day on or before it, as a reference day resolves them)."""
    def run(closing: date) -> int:
        earliest = min((closing - timedelta(days=(closing.isoweekday() - weekday) % _WEEK) for weekday in weekdays), default=anchor)
        return (closing - min(earliest, anchor)).days

    return min((anchor + timedelta(days=offset) for offset in range(_WEEK)), key=lambda closing: (run(closing), closing))
