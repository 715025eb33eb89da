"""A weekday told beside a date it does not fall on ("Saturday, 5 May" in a year when the 5th
was a Sunday), against another article telling that date with the weekday it does fall on
("Sunday, 5 May"): one outlet has the day wrong, and whoever relies on it for
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
from claimgraph.resolve.accounts import narrowest_holding
from claimgraph.resolve.comparison import Comparison, ToldDate
from claimgraph.resolve.contradictions import contradiction_id
from claimgraph.resolve.lexicons import lexicon_mapping

_BETWEEN = frozenset({" (", ", ", " ", "(", ",", ", ("})  # what stands between a weekday and its date
_FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# (the claim telling a weekday beside a date, the weekday told: 0 is Monday)
Telling = tuple[StoredClaim, int]


@comparators.register("weekday")
class WeekdayOfADate:
    name = "weekday"
    kind = "date"
    precedence = 2

    def find(self, comparison: Comparison) -> Iterator[Contradiction]:
        for day, tellings in sorted(weekdays_told(comparison.told_dates, comparison.claims_by_doc).items()):
            falls_on = datetime.date.fromisoformat(day).weekday()
            fitting = [t for t in tellings if t[1] == falls_on]
            for wrong in (t for t in tellings if t[1] != falls_on):
                right = next((t for t in fitting if t[0].doc != wrong[0].doc), None)
                if right is None:
                    continue
                a, b = wrong[0], right[0]
                told, fits = _NAMES[wrong[1]], _NAMES[falls_on]
                explanation = (f"{day} told as a {told} by one article and as a {fits} by the other; "
                               f"it fell on a {fits}")
                yield Contradiction(contradiction_id(self.kind, "weekday", *sorted((a.id, b.id))), self.kind, a.id, b.id,
                                    explanation[0].upper() + explanation[1:], None, slot="weekday", value_a=told, value_b=fits,
                                    caveat=f"the date did not fall on a {told}: an error of one article", strength=0.3)


_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekdays_told(told_dates: Mapping[str, Sequence[ToldDate]],
                  claims_of: Mapping[str, Sequence[StoredClaim]]) -> dict[str, list[Telling]]:
    """Each whole date told beside a weekday (only a bracket, a comma or a space between them,
    in one claim), with the claim that tells them and the weekday told."""
    weekdays = lexicon_mapping("time", "weekdays")
    found: dict[str, list[Telling]] = defaultdict(list)
    for doc, dates in told_dates.items():
        for first, second in itertools.pairwise(sorted(dates)):
            holder = narrowest_holding(claims_of.get(doc, ()), first[0], second[1])
            if holder is None or holder.text[first[1] - holder.start: second[0] - holder.start] not in _BETWEEN:
                continue
            for name, whole in ((first, second), (second, first)):
                weekday = weekdays.get(name[2].casefold())
                if weekday is not None and _FULL_DAY.match(whole[3]) and any(c.isdigit() for c in whole[2]):
                    found[whole[3]].append((holder, int(weekday)))
    return found
