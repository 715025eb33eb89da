"""A weekday told beside a date it does not fall on ("Thursday (20 October)" in a year when
the 20th was a Friday), against another article telling that date with the weekday it does
fall on ("Friday (20 October)"): one outlet has the day wrong, and whoever relies on it for
a timeline should know. The calendar decides which: the contradiction's first side is the
article whose weekday does not fit, and its caveat says the difference is an error of one
article, not a disagreement about what happened.

A weekday and a date are told together when only a bracket, a comma or a space stands
between them. Weekday names are the time lexicons' `weekdays` (extract/data/<lang>/time.json).
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence

from claimgraph.records import Contradiction, StoredClaim
from claimgraph.registry import comparators
from claimgraph.resolve.comparison import Comparison, ToldDate
from claimgraph.resolve.contradictions import contradiction_id
from claimgraph.resolve.lexicons import lexicon_mapping

_BESIDE = 2  # characters between a weekday and its date: " (", ", "
_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# (document, the weekday told (0: Monday), start of the weekday, end of the date)
Telling = tuple[str, int, int, int]


@comparators.register("weekday")
class WeekdayOfADate:
    name = "weekday"
    kind = "date"
    precedence = 2

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        by_day = weekdays_told(comparison.told_dates)
        claims_of: dict[str, list[StoredClaim]] = defaultdict(list)
        for claim in comparison.claims.values():
            claims_of[claim.doc].append(claim)
        for day, tellings in sorted(by_day.items()):
            falls_on = datetime.date.fromisoformat(day).weekday()
            fitting = [t for t in tellings if t[1] == falls_on]
            for wrong in (t for t in tellings if t[1] != falls_on):
                right = next((t for t in fitting if t[0] != wrong[0]), None)
                a, b = _holder(wrong, claims_of), _holder(right, claims_of) if right else None
                if a is None or b is None:
                    continue
                told, fits = _NAMES[wrong[1]], _NAMES[falls_on]
                explanation = (f"{day} told as a {told} by one article and as a {fits} by the other; "
                               f"it fell on a {fits}")
                yield Contradiction(contradiction_id(self.kind, "weekday", *sorted((a.id, b.id))), self.kind, a.id, b.id,
                                    explanation[0].upper() + explanation[1:], None, slot="weekday", value_a=told, value_b=fits,
                                    caveat=f"the date did not fall on a {told}: an error of one article", strength=0.3)


_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekdays_told(told_dates: Mapping[str, Sequence[ToldDate]]) -> dict[str, list[Telling]]:
    """Each whole date told beside a weekday, with the weekdays told beside it."""
    weekdays = lexicon_mapping("time", "weekdays")
    found: dict[str, list[Telling]] = defaultdict(list)
    for doc, dates in told_dates.items():
        ordered = sorted(dates)
        for first, second in itertools.pairwise(ordered):
            if not 0 <= second[0] - first[1] <= _BESIDE:
                continue
            for name, whole in ((first, second), (second, first)):
                weekday = weekdays.get(name[2].casefold())
                if weekday is not None and _FULL_DAY.match(whole[3]) and any(c.isdigit() for c in whole[2]):
                    found[whole[3]].append((doc, int(weekday), first[0], second[1]))
    return found


def _holder(telling: Telling, claims_of: Mapping[str, list[StoredClaim]]) -> StoredClaim | None:
    """The narrowest claim holding a weekday and its date."""
    doc, _, start, end = telling
    holding = [c for c in claims_of.get(doc, ()) if c.start <= start and end <= c.end]
    return min(holding, key=lambda c: (c.end - c.start, c.id)) if holding else None
