"""Calendar arithmetic for TIMEX3 values: periods shifted from a date, holidays, spelled-out
years. Pure functions, no lexicon."""

from __future__ import annotations

import re
from datetime import date, timedelta

_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_SPELLED_YEAR = re.compile(
    r"\b(nineteen|eighteen|twenty) (" + "|".join(_TENS) + r")(?:[ -](" + "|".join(_ONES) + r"))?\b"
    r"|\b(?:the year )?two thousand(?: and)?(?: (" + "|".join(list(_ONES) + list(_TEENS)) + r"))?\b"
)


def spelled_years(raw: str) -> str:
    """'nineteen ninety-six' -> '1996', 'the year two thousand' -> '2000' (spoken transcripts)."""

    def digits(m: re.Match[str]) -> str:
        if m.group(1):
            return str(_TEENS[m.group(1)] * 100 + _TENS[m.group(2)] + (_ONES.get(m.group(3) or "", 0)))
        extra = m.group(4)
        return str(2000 + (_ONES.get(extra, 0) if extra in _ONES else _TEENS.get(extra or "", 0)))

    return _SPELLED_YEAR.sub(digits, raw)


def holiday_date(rule: str, year: int) -> date:
    if rule[0].isdigit():
        month, day = map(int, rule.split("-"))
        return date(year, month, day)
    if rule == "EASTER":  # anonymous Gregorian algorithm
        a, b, c = year % 19, year // 100, year % 100
        d, e = b // 4, b % 4
        g = (8 * b + 13) // 25
        h = (19 * a + b - d - g + 15) % 30
        i, k = c // 4, c % 4
        l = (32 + 2 * e + 2 * i - h - k) % 7
        m = (a + 11 * h + 19 * l) // 433
        return date(year, (h + l - 7 * m + 90) // 25, (h + l - 7 * m + 33 * ((h + l - 7 * m + 90) // 25) + 19) % 32)
    weekday, month, nth = {"US-THANKSGIVING": (3, 11, 4), "US-LABOR": (0, 9, 1), "US-MEMORIAL": (0, 5, -1), "US-ELECTION": (1, 11, 0)}[rule]
    if rule == "US-ELECTION":  # the Tuesday after the first Monday of November
        first_monday = date(year, 11, 1) + timedelta(days=(0 - date(year, 11, 1).weekday()) % 7)
        return first_monday + timedelta(days=1)
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year, month + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def unknown_at(unit: str) -> str:
    return {"Y": "XXXX", "DE": "XXX", "M": "XXXX-XX", "W": "XXXX-WXX", "D": "XXXX-XX-XX", "Q": "XXXX-QX"}.get(unit, "XXXX")


def shift_period(dct: date, unit: str, steps: int) -> str:
    """The period `steps` units away from the document date, at that unit's granularity."""
    if unit == "Y":
        return str(dct.year + steps)
    if unit == "DE":
        return str((dct.year + 10 * steps) // 10)
    if unit == "M":
        index = dct.year * 12 + dct.month - 1 + steps
        return f"{index // 12}-{index % 12 + 1:02d}"
    if unit == "Q":
        index = dct.year * 4 + (dct.month - 1) // 3 + steps
        return f"{index // 4}-Q{index % 4 + 1}"
    if unit == "W":
        year, week, _ = (dct + timedelta(weeks=steps)).isocalendar()
        return f"{year}-W{week:02d}"
    return (dct + timedelta(days=steps)).isoformat()
