"""Sums of money across sources: their currency and period, and whether two are one sum.

Rates (resolve/data/currencies.json) are approximate, so sums in two currencies agree within
a slack; sums in one currency must be the same figure ("$53m" and "$54m" are two sums).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import NamedTuple

PER_YEAR = {"year": 1, "month": 12, "week": 52, "day": 365}  # periods of a sum, per year
CURRENCY_SLACK = 1.15  # sums in two currencies agree within 15% either way
_SAME_CURRENCY_SLACK = 1.005  # in one currency, within 1%


def load_rates() -> dict[str, float]:
    """Approximate US dollars per unit of each currency (resolve/data/currencies.json)."""
    data = json.loads(resources.files("claimgraph.resolve").joinpath("data/currencies.json").read_text("utf-8"))
    return dict(data["usd_per_unit"])


class Sum(NamedTuple):
    """A sum as stated ("more than EUR 9 million" states 9 million), in approximate US dollars."""

    low: float
    high: float
    period: str | None  # "month" for "$2 million a month"
    currency: str | None  # the currency it was given in


def currency(unit: str) -> tuple[str, str | None] | None:
    """("EUR", "month") for the unit "EUR/month"; None for a unit that is no currency."""
    code, _, period = (unit or "").partition("/")
    return (code, period or None) if len(code) == 3 and code.isupper() else None


def stated_sum(value: float, value_max: float | None, unit: str, rates: dict[str, float]) -> Sum | None:
    """The sum a quantity states, in US dollars; None for a count or an unknown currency."""
    money = currency(unit)
    if money is None or money[0] not in rates:
        return None
    factor = rates[money[0]]
    return Sum(value * factor, (value_max if value_max is not None else value) * factor, money[1], money[0])


def sums_agree(a: Sum, b: Sum) -> bool:
    """Whether two sums may be one sum told twice: "more than EUR 9 million" and "$10.8 million
    a month" (a sum without its period is compared as it stands), "$2 million a month" and
    "$24 million a year" (per year)."""
    if a.low <= 0 or b.low <= 0:
        return False
    per_a = per_b = 1
    if a.period and b.period and a.period != b.period:
        per_a, per_b = PER_YEAR.get(a.period, 0), PER_YEAR.get(b.period, 0)
        if not per_a or not per_b:
            return False
    slack = _SAME_CURRENCY_SLACK if a.currency == b.currency else CURRENCY_SLACK
    return a.low * per_a / slack <= b.high * per_b * slack and b.low * per_b / slack <= a.high * per_a * slack
