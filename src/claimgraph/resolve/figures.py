"""Figures compared across sources: a quantity as the interval its qualifier allows, and why
two figures for one thing cannot both hold.

Figures become intervals by their qualifier ("at least", "up to", "about" ±10%, ranges; two
vague amounts name orders of magnitude: "hundreds" against "thousands") and a range that
holds the other figure is no conflict; a near miss of an approximate figure
("about 1,200" against 1,000) is flagged with the remark that rounding may explain it; sums
in two currencies are compared through approximate rates, and a sum by the month against
one without a period is said to be uncertain, not equal.
"""

from __future__ import annotations

import math
import re

from claimgraph.records import StoredQuantity
from claimgraph.resolve.lexicons import lexicon_words
from claimgraph.resolve.money import CURRENCY_SLACK, PER_YEAR, currency

_ABOUT = 0.1  # "about 400" is 360 to 440
_SCALE_WORD_MIN = 10  # vague amounts from "dozens" up name an order of magnitude; "several" (3) names none
_NEXT_ORDER_SLACK = 1.5  # "thousands" may be said of 11,000 and not of 20,000
_ROUNDING = 1.25  # approximate figures this close may differ by rounding alone: said so, still flagged
_FLOORS_APART = 1.25  # two lower bounds this far apart are two estimates, not one rounded


def compare_quantities(a: StoredQuantity, b: StoredQuantity, rates: dict[str, float]) -> str | None:
    """Why two figures for one thing cannot both hold, or None when they can (or are not
    comparable: a count and a sum)."""
    money_a, money_b = currency(a.unit), currency(b.unit)
    if (money_a is None) != (money_b is None):
        return None
    orders = is_order_of_magnitude(a) and is_order_of_magnitude(b)  # "hundreds" against "thousands"
    low_a, high_a = interval(a, order_of_magnitude=orders)
    low_b, high_b = interval(b, order_of_magnitude=orders)
    if money_a is not None and money_b is not None:
        (code_a, period_a), (code_b, period_b) = money_a, money_b
        if code_a not in rates or code_b not in rates:
            return None
        factor_a, factor_b = rates[code_a], rates[code_b]
        slack = 1.0 if code_a == code_b else CURRENCY_SLACK  # rates are approximate: so is the comparison
        low_a, high_a = low_a * factor_a / slack, high_a * factor_a * slack
        low_b, high_b = low_b * factor_b / slack, high_b * factor_b * slack
        if period_a != period_b and (period_a is None or period_b is None):
            given = a if period_a else b
            return (f"{a.text!r} and {b.text!r} differ in period ({given.text!r} is per {period_a or period_b}, the other gives "
                    f"none), so the amounts cannot be compared as they stand")
        if period_a != period_b:  # "$2 million a month" and "$24 million a year" are one sum
            per_a, per_b = PER_YEAR.get(period_a or "", 0), PER_YEAR.get(period_b or "", 0)
            if not per_a or not per_b:
                return None
            low_a, high_a, low_b, high_b = low_a * per_a, high_a * per_a, low_b * per_b, high_b * per_b
    if high_a < low_b or high_b < low_a:
        return f"{a.text!r} against {b.text!r}{rounding_note(a, b)}"
    return None


def floors_apart(a: StoredQuantity, b: StoredQuantity) -> bool:
    """Whether two figures are lower bounds ("at least 80", "more than 140") far enough
    apart to be two estimates rather than one rounded: they can both hold, so they conflict
    only where a source sets them against each other (resolve/comparators/tolls.py)."""
    floors = ("at_least", "more_than")
    if a.qualifier not in floors or b.qualifier not in floors or is_order_of_magnitude(a) or is_order_of_magnitude(b):
        return False
    low, high = sorted((a.value, b.value))
    return low > 0 and high / low >= _FLOORS_APART


def rounding_note(a: StoredQuantity, b: StoredQuantity) -> str:
    """'about 1,200' against 1,000: close enough that rounding an approximate figure may be
    the whole difference."""
    approximate = "about" in (a.qualifier, b.qualifier)
    if not approximate or currency(a.unit) is not None or min(a.value, b.value) <= 0:
        return ""
    ratio = max(a.value, b.value) / min(a.value, b.value)
    return f" (they differ by {ratio - 1:.0%}, which rounding an approximate figure may explain)" if ratio <= _ROUNDING else ""


def interval(quantity: StoredQuantity, *, order_of_magnitude: bool = False) -> tuple[float, float]:
    """The values a figure allows. `order_of_magnitude`: a vague amount ("hundreds", "des
    milliers") is also fewer than the next order of magnitude, or the speaker would have named
    that one ("thousands", not "hundreds") — read so only against another vague amount: set
    against a count ("dozens of bodies" seen, "471 killed"), the vague word is an observer's."""
    value = quantity.value
    if quantity.qualifier == "range" and quantity.value_max is not None:
        return value, quantity.value_max
    if order_of_magnitude and is_order_of_magnitude(quantity):
        return value, 10 ** (math.floor(math.log10(value)) + 1) * _NEXT_ORDER_SLACK
    if quantity.qualifier in ("at_least", "more_than"):
        return value, math.inf
    if quantity.qualifier == "up_to":
        return 0.0, value
    if quantity.qualifier == "about":
        return value * (1 - _ABOUT), value * (1 + _ABOUT)
    return value, value


def different_scopes(a: StoredQuantity, b: StoredQuantity) -> bool:
    """Whether two counts are limited to different parts, as told ("in the north" and "in the
    south", "from Ruvia" and "from Kessa", "a day" and "a week"): they share no word that
    names the part. A count per period ("30 a day") counts another thing than a total, and
    one told apart by a scope adverb or "other" ("25 more elsewhere", "three other villagers")
    another part than any count not told so. A
    count that tells no scope may be of any part, and one told only by a
    container noun ("in the territory", "in the region": the magnitude lexicons'
    `scope_nouns`) names no particular part and may hold the other ("59 in the territory"
    against "hundreds in one town alone"): that is a caveat of the comparison
    (resolve/contradictions.py), not a difference."""
    if _is_rate(a) != _is_rate(b):
        return True  # "30 a day" against "400 in all": a rate and a total count different things
    told_apart = lexicon_words("magnitudes", "scope_adverbs") | lexicon_words("magnitudes", "scope_others")
    if {(a.scope or "").casefold(), (b.scope or "").casefold()} & told_apart:
        # "25 more elsewhere" counts the part outside what the rest of the text counts
        return (a.scope or "").casefold() != (b.scope or "").casefold()
    if a.scope is None or b.scope is None:
        return False
    if container_only(a.scope) or container_only(b.scope):
        return False
    first, second = _scope_words(a.scope), _scope_words(b.scope)
    return not (first & second) if first and second else a.scope.lower() != b.scope.lower()


def _is_rate(quantity: StoredQuantity) -> bool:
    """A count per period ("30 a day", "every week"): its scope is a rate noun after a word
    of distribution ("a", "per", "every"); "last week" is when, not how often."""
    words = re.findall(r"\w+", (quantity.scope or "").casefold())
    return (len(words) >= 2 and words[-1] in lexicon_words("magnitudes", "rate_nouns")
            and words[0] in lexicon_words("magnitudes", "rate_determiners"))


def container_only(scope: str) -> bool:
    """Whether a scope names its part by a container noun alone ("in the territory", "in the
    region": the magnitude lexicons' `scope_nouns`), no particular part."""
    words = _scope_words(scope)
    return bool(words) and words <= lexicon_words("magnitudes", "scope_nouns")


def _scope_words(scope: str) -> set[str]:
    # the words that name the part: not the preposition it opens with ("from", "in"), nor
    # short function words ("the", "a")
    words = re.findall(r"\w+", scope.lower())
    return {word for word in words[1:] if len(word) > 3} if len(words) > 1 else set(words)


def is_order_of_magnitude(quantity: StoredQuantity) -> bool:
    """Whether a figure is told by a vague amount alone that names an order of magnitude
    ("hundreds", "plusieurs centaines", "dozens"; not "several", nor "at least several hundred")."""
    return (quantity.qualifier == "at_least" and quantity.value >= _SCALE_WORD_MIN
            and " ".join(quantity.text.casefold().split()) in lexicon_words("quantities", "vague"))


def counts_a_group(quantity: StoredQuantity) -> bool:
    """Whether a figure counts a named group ("400 protesters", "cinq vols"): no slot of harm,
    and a counted noun for its unit, not a sum, a measure or a share."""
    unit = quantity.unit or ""
    return (quantity.slot is None and currency(unit) is None and unit.casefold() not in lexicon_words("quantities", "measures", values=True)
            and bool(re.fullmatch(r"[^\W\d_][\w'’-]{2,}", unit)))


def counted_group(quantity: StoredQuantity) -> str:
    """The group a count names, for comparing counts: its noun, without a plural ending
    ("protesters" and "protester", "manifestants" and "manifestant" are one group)."""
    noun = (quantity.unit or "").split()[0].casefold()
    return noun[:-1] if len(noun) > 3 and noun[-1] in "sx" else noun


def numerals(text: str) -> str:
    """The numbers a figure is told by ("100 to 300" and "100-300": "100-300"; "nearly 500": "500")."""
    return "-".join(re.findall(r"\d+(?:[.,]\d+)*", text))
