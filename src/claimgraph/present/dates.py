"""TIMEX3 values as a reader says them, with their precision: "2023-06" is "June 2023"
(month), "XXXX-WXX-2" "a Tuesday" (weekday), "2021-SU" "summer 2021" (season), "PAST_REF"
"some time in the past" (reference).

Internal: the web app's own module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
PARTS = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
REFERENCES = {"PAST_REF": "some time in the past", "FUTURE_REF": "some time in the future", "PRESENT_REF": "now"}
ORDINALS = ("first", "second", "third", "fourth")


@dataclass(frozen=True)
class SpokenDate:
    text: str
    precision: str  # time | day | weekday | week | month | season | quarter | year | decade | century | reference | unknown


_YEAR = r"(?P<year>\d{4}|\d{3}X|\d{2}XX|XXXX)"


def spoken(value: str | None) -> SpokenDate:
    """How a TIMEX3 value reads; a value it cannot read is shown as it is (precision unknown)."""
    if not value:
        return SpokenDate("no date", "unknown")
    if value in REFERENCES:
        return SpokenDate(REFERENCES[value], "reference")
    for pattern, build in _FORMS:
        match = re.fullmatch(pattern, value)
        if match:
            return build(match.groupdict())
    if (timed := re.fullmatch(r"(?P<day>.+)T(?P<time>[\d:]+|[A-Z]{2})", value)) is not None:
        # a time of a day given as a weekday, or of a day no one gave ("in the evening")
        day = "a day not given" if timed["day"] == "XXXX-XX-XX" else spoken(timed["day"]).text
        return SpokenDate(f"{day}, {PARTS.get(timed['time'], timed['time'])}", "time")
    return SpokenDate(value, "unknown")


def _year(year: str) -> tuple[str, bool]:
    """(how the year reads, whether it is known)."""
    if year == "XXXX":
        return "", False
    if year.endswith("XX"):
        return f"the {_ordinal(int(year[:2]) + 1)} century", True
    if year.endswith("X"):
        return f"the {year[:3]}0s", True
    return year, True


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _with_year(text: str, year: str) -> str:
    said, known = _year(year)
    return f"{text} {said}" if known else f"{text} (year not given)"


def _day(g: dict[str, str]) -> SpokenDate:
    text = f"{int(g['day'])} {MONTHS[int(g['month']) - 1]}"
    if g.get("time"):
        part = PARTS.get(g["time"][1:]) if g["time"].startswith("T") and g["time"][1:] in PARTS else None
        clock = part or g["time"].lstrip("T")
        return SpokenDate(f"{_with_year(text, g['year'])}, {clock}", "time")
    return SpokenDate(_with_year(text, g["year"]), "day")


def _month(g: dict[str, str]) -> SpokenDate:
    return SpokenDate(_with_year(MONTHS[int(g["month"]) - 1], g["year"]), "month")


def _weekday_in_month(g: dict[str, str]) -> SpokenDate:
    return SpokenDate(_with_year(f"a {WEEKDAYS[int(g['weekday']) - 1]} in {MONTHS[int(g['month']) - 1]}", g["year"]), "weekday")


def _week(g: dict[str, str]) -> SpokenDate:
    weekday = g.get("weekday")
    if g["week"] == "XX":
        text = f"a {WEEKDAYS[int(weekday) - 1]}" if weekday else "a week"
        said, known = _year(g["year"])
        return SpokenDate(f"{text} in {said}" if known else text, "weekday" if weekday else "week")
    text = f"week {int(g['week'])} of"
    if weekday:
        text = f"the {WEEKDAYS[int(weekday) - 1]} of week {int(g['week'])} of"
    said, known = _year(g["year"])
    return SpokenDate(f"{text} {said}" if known else f"{text} a year not given", "weekday" if weekday else "week")


def _season(g: dict[str, str]) -> SpokenDate:
    season = SEASONS[g["season"]]
    said, known = _year(g["year"])
    return SpokenDate(f"{season} {said}" if known else f"a {season} (year not given)", "season")


def _quarter(g: dict[str, str]) -> SpokenDate:
    kind, number = g["part"][0], int(g["part"][1])
    text = f"the {ORDINALS[number - 1]} {'quarter' if kind == 'Q' else 'half'} of"
    said, known = _year(g["year"])
    return SpokenDate(f"{text} {said}" if known else f"{text} a year not given", "quarter")


def _year_only(g: dict[str, str]) -> SpokenDate:
    said, known = _year(g["year"])
    if not known:
        return SpokenDate("a year not given", "year")
    precision = "century" if g["year"].endswith("XX") else "decade" if g["year"].endswith("X") else "year"
    return SpokenDate(said, precision)


_FORMS = (
    (_YEAR + r"-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?P<time>T[\d:]+|T[A-Z]{2})?", _day),
    (_YEAR + r"-(?P<month>0[1-9]|1[0-2])-WXX-(?P<weekday>[1-7])", _weekday_in_month),
    (_YEAR + r"-(?P<month>0[1-9]|1[0-2])", _month),
    (_YEAR + r"-W(?P<week>\d{2}|XX)(-(?P<weekday>[1-7]))?", _week),
    (_YEAR + r"-(?P<season>SP|SU|FA|AU|WI)", _season),
    (_YEAR + r"-(?P<part>Q[1-4]|H[12])", _quarter),
    (_YEAR, _year_only),
)
