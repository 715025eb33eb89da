"""TIMEX3 values for date expressions, anchored to the document's date when it is known.

A value is never invented: without a document date, "August 30" is XXXX-08-30 and "last
week" XXXX-WXX. With one, relative expressions resolve against it, preferring the past (news
reports what happened) unless the expression or its clause points ahead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from claimgraph.extract.calendar_math import (
    holiday_date,
    shift_period,
    spelled_years,
    unknown_at,
)
from claimgraph.extract.resources import DEFAULT_LANGUAGE, load_lexicon_data


@dataclass(frozen=True)
class Timex:
    value: str
    type: str  # DATE | TIME | DURATION
    anchor: str  # absolute | document | unknown


@dataclass(frozen=True)
class TimeLexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    numbers: dict[str, int | str]
    units: dict[str, str]
    ordinals: dict[str, int]
    past_ref: frozenset[str]
    present_ref: frozenset[str]
    future_ref: frozenset[str]
    holidays: dict[str, str]
    day_ordinals: dict[str, int]
    months_pattern: str  # the month names as one regex alternation, longest first
    # A language other than the grammar's own (English) rewrites its expressions into the
    # grammar's words first: ordered (pattern, replacement) pairs over the lower-cased text
    # ("mercredi dernier" -> "last wednesday"). Calendar arithmetic is the same in every language.
    canonical: tuple[tuple[re.Pattern[str], str], ...] = ()
    # Words naming a part of a day, to TIMEX3's codes (MO, MI, AF, EV, NI, DT); the day a
    # deictic word stands for ("tonight": today); the auxiliaries of the past perfect.
    parts_of_day: dict[str, str] = field(default_factory=dict)
    deictic_days: dict[str, str] = field(default_factory=dict)
    perfect_auxiliaries: frozenset[str] = frozenset()
    parts_pattern: re.Pattern[str] | None = None  # the words of `parts_of_day`, longest first


def load_time_lexicon(lang: str = DEFAULT_LANGUAGE) -> TimeLexicon:
    data = load_lexicon_data("time", lang)
    return TimeLexicon(
        months=data["months"],
        weekdays=data["weekdays"],
        seasons=data["seasons"],
        numbers=data["numbers"],
        units=data["units"],
        ordinals=data["ordinals"],
        past_ref=frozenset(data["past_ref"]),
        present_ref=frozenset(data["present_ref"]),
        future_ref=frozenset(data["future_ref"]),
        holidays=data["holidays"],
        day_ordinals=data["day_ordinals"],
        months_pattern="|".join(sorted(data["months"], key=len, reverse=True)),
        canonical=tuple((re.compile(pattern), replacement) for pattern, replacement in data.get("canonical", ())),
        parts_of_day=data.get("parts_of_day", {}),
        parts_pattern=re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(data["parts_of_day"], key=len, reverse=True)) + r")\b")
        if data.get("parts_of_day") else None,
        deictic_days=data.get("deictic_days", {}),
        perfect_auxiliaries=frozenset(data.get("perfect_auxiliaries", ())),
    )


def canonical_form(text: str, lexicon: TimeLexicon) -> str:
    """The expression in the grammar's words (unchanged for English)."""
    for pattern, replacement in lexicon.canonical:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


_LEADING = re.compile(r"^(?:in|on|at|by|since|until|till|from|during|of|for|the|around|about|early|late|later|earlier|mid|end|beginning|start|start of|end of|beginning of|the end of|the beginning of|the start of|the middle of|middle of)[\s-]+")
_YEAR = r"(1[89]\d\d|20\d\d)"


def normalize(text: str, lexicon: TimeLexicon, *, dct: date | None, future: bool = False, context: str = "") -> Timex | None:
    """The TIMEX3 value of a date expression, or None when it is not one we can normalize.

    `context` is the sentence around it: in a sentence about quarterly results, "a year ago"
    is the same quarter a year before (TimeML's convention for financial news).
    """
    raw = spelled_years(canonical_form(" ".join(text.lower().replace("’", "'").split()).strip(" .,;:"), lexicon))
    raw = _ordinal_days(raw, lexicon)
    if (part := part_of_day(raw, lexicon)) is not None:
        return _time_of_part(part, lexicon, dct=dct, future=future, context=context)
    raw = re.sub(r"^(?:(?:this coming|this|next|last|on) )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?,? (?=\w+\.? \d|\d)", "", raw)
    raw = re.sub(r"^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow)'s$", r"\1", raw)
    raw = re.sub(r"^q([1-4]),? (\d{4})$", r"the q\1 quarter of \2", raw)
    if re.fullmatch(r"(?:more |most |the most |the )?recent(?:ly)?(?: (?:days|weeks|months|years|times|period))?|the last few (?:days|weeks|months|years)|(?:several|a few|many) years ago", raw):
        return Timex("PAST_REF", "DATE", "document")
    if re.fullmatch(r"(?:the )?(?:coming|future|near future|next few) ?(?:days|weeks|months|years|quarters)?", raw) and raw.strip():
        return Timex("FUTURE_REF", "DATE", "document")
    if re.fullmatch(r"(?:the )?(?:near|short|long) term|a later date|as soon as possible|(?:in )?the long run|a (?:year|month|week) or two", raw):
        return Timex("FUTURE_REF", "DATE", "document")
    if re.fullmatch(r"(?:the )?past (?:several |few )?(?:years|quarters|months|weeks)|recent (?:weeks|months|years) and (?:weeks|months|years)|past years", raw):
        return Timex("PAST_REF", "DATE", "document")
    if (found := _financial_period(raw, dct, quarterly="quarter" in context.lower() or "period" in raw, future=future)) is not None:
        return found
    if "quarter" in context.lower() and (found := _year_ago_quarter(raw, dct)) is not None:
        return found
    if raw in lexicon.past_ref:
        return Timex("PAST_REF", "DATE", "document")
    if raw in lexicon.present_ref:
        return Timex("PRESENT_REF", "DATE", "document")
    if raw in lexicon.future_ref or raw.startswith(("in the coming", "in the next few")):
        return Timex("FUTURE_REF", "DATE", "document")
    raw = re.sub(r"\b(the )?previous (?=(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)", "last ", raw)
    for handler in (_iso, _relative_day, _ago, _this_last_next, _this_period, _holiday, _day_month_year, _month_year, _season, _quarter, _year, _decade, _weekday, _duration):
        found = handler(raw, lexicon, dct, future)
        if found is not None:
            return found
    stripped = _strip_leading(raw)
    if stripped != raw:
        return normalize(stripped, lexicon, dct=dct, future=future, context=context)
    return None


_ORDINAL_QUARTER = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# The words around a part of day that are not its day: "early on Tuesday morning", "the night of 5 May"
_PART_FILLER = re.compile(r"\b(?:early|late|later|in|on|of|at|during|through|throughout|the|around|about|shortly|before|after|that)\b")
_ANAPHORIC_PART = re.compile(r"\bthat\b")  # "that night": the day the text told last, never the document's
UNKNOWN_DAY = "XXXX-XX-XX"
_DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d{2}-\d{2}|WXX-[1-7]|W\d{2}-[1-7])$")


def refers_back(raw: str) -> bool:
    """Whether a part of day told without its day names the one the text told last ("that
    night"), in the grammar's words."""
    return bool(_ANAPHORIC_PART.search(raw))


def part_of_day(raw: str, lexicon: TimeLexicon) -> tuple[str, str] | None:
    """(the words that name the day, the TIMEX3 part of day) of an expression naming a part
    of a day, in the grammar's words: "tuesday evening" is ("tuesday", "EV"), "in the
    evening" ("", "EV"), "last night" ("yesterday", "NI"); None when it names none."""
    if lexicon.parts_pattern is None:
        return None
    found = lexicon.parts_pattern.search(raw)
    if found is None:
        return None
    rest = " ".join(_PART_FILLER.sub(" ", raw[: found.start()] + " " + raw[found.end() :]).split())
    day = lexicon.deictic_days.get(rest or found.group(1), rest)
    return day, lexicon.parts_of_day[found.group(1)]


def is_day(value: str) -> bool:
    """Whether a TIMEX3 value names one day, known or not ("2024-05-07", "XXXX-WXX-2")."""
    return bool(_DAY_VALUE.match(value))


def _time_of_part(part: tuple[str, str], lexicon: TimeLexicon, *, dct: date | None, future: bool, context: str) -> Timex | None:
    """A part of a day as TIMEX3 TIME: its day's value with the part ("2024-05-07TEV"). A part
    told without its day ("in the evening") has an unknown day here: the text around it
    gives it (extract/dates.py)."""
    day_words, code = part
    if not day_words:
        return Timex(f"{UNKNOWN_DAY}T{code}", "TIME", "unknown")
    day = normalize(day_words, lexicon, dct=dct, future=future, context=context)
    if day is None or not (is_day(day.value) or day.value == UNKNOWN_DAY):
        return None
    return Timex(f"{day.value}T{code}", "TIME", day.anchor)


def _financial_period(raw: str, dct: date | None, *, quarterly: bool, future: bool = False) -> Timex | None:
    """Quarters and periods as financial news names them: 'the fiscal first quarter', 'its
    fourth quarter', 'next year's first quarter', 'the year-ago period', 'the latest period',
    'the last half of 1989'."""
    if m := re.fullmatch(r"(?:the )?(first|last|second) half of (?:(\d{4})|the year)", raw):
        year = m.group(2) or (str(dct.year) if dct else "XXXX")
        return Timex(f"{year}-H{1 if m.group(1) == 'first' else 2}", "DATE", "absolute" if m.group(2) else "document")
    if m := re.fullmatch(r"(?:the )?first two quarters of (\d{4})", raw):
        return Timex(f"{m.group(1)}-H1", "DATE", "absolute")
    if dct is None:
        return None
    m = re.fullmatch(
        r"(?:the |its |a |an |this year's |last year's |next year's )?(?:(?:flat|strong|weak|latest|comparable|corresponding|same|fiscal|fiscal-)[ -]?)*"
        r"(year-ago|year-earlier|year ago|year earlier)?[ -]?(?:(first|second|third|fourth)[ -])?(quarter|period)",
        raw,
    )
    if m and (m.group(2) or m.group(1) or "latest" in raw or raw.startswith(("its ", "last year's", "next year's"))):
        year_shift = -1 if (m.group(1) or raw.startswith("last year's")) else 1 if raw.startswith("next year's") else 0
        if m.group(2):
            current = (dct.month - 1) // 3 + 1
            number = _ORDINAL_QUARTER[m.group(2)]
            # A quarter not yet begun is last year's, unless the clause speaks of the future;
            # "will report third-quarter results" in October is still this year's.
            behind = number > current and year_shift == 0 and not future
            year = dct.year + year_shift - behind
            return Timex(f"{year}-Q{number}", "DATE", "document")
        return Timex(shift_period(dct, "Q", -1 + 4 * year_shift), "DATE", "document")
    if re.fullmatch(r"(?:the )?corresponding period (?:a year earlier|last year)|year-ago|year-earlier", raw):
        return Timex(shift_period(dct, "Q", -5) if quarterly else str(dct.year - 1), "DATE", "document")
    if re.fullmatch(r"around (?:the )?year[ -]end", raw):
        return Timex(f"{dct.year}-12", "DATE", "document")
    if re.fullmatch(r"(?:around |at |by )?(?:the )?(?:year[ -]end|year's end|end of the year)|earlier in the year|later (?:that|this) year", raw):
        return Timex(str(dct.year), "DATE", "document")
    if m := re.fullmatch(r"(?:a good part of |much of )?(\d{4})(?: or later| and beyond| or so)?", raw):
        return Timex(m.group(1), "DATE", "absolute")
    if m := re.fullmatch(r"(?:the )?(\d{4}) (?:quarter|period)", raw):  # "the 1988 quarter": that year's reported quarter
        return Timex(f"{m.group(1)}-Q{(dct.month - 1) // 3 or 4}" if quarterly else m.group(1), "DATE", "absolute")
    if re.fullmatch(r"(?:the )?next year or so", raw):
        return Timex(str(dct.year + 1), "DATE", "document")
    return None


_YEAR_AGO = re.compile(r"(?:a|one) year (?:ago|earlier|before)|(?:the )?year-(?:ago|earlier)(?: quarter| period)?|the same (?:quarter|period) (?:a year ago|last year)")


def _year_ago_quarter(raw: str, dct: date | None) -> Timex | None:
    if not _YEAR_AGO.fullmatch(raw) or dct is None:
        return None
    return Timex(shift_period(dct, "Q", -5), "DATE", "document")  # the reported quarter, one year back


def _this_period(raw: str, lexicon: TimeLexicon, dct: date | None, future: bool) -> Timex | None:
    """'the year', 'the quarter', 'the latest quarter', 'the weekend': the current period (the
    last completed one for quarters, which is what financial news reports on)."""
    m = re.fullmatch(r"(?:the |this )?(?:full |whole |entire |latest |most recent |recent |current |same )?(year|quarter|weekend|week|month)", raw)
    if not m or not raw.startswith(("the ", "this ")):
        return None
    unit = {"year": "Y", "quarter": "Q", "weekend": "W", "week": "W", "month": "M"}[m.group(1)]
    if dct is None:
        return Timex(unknown_at(unit), "DATE", "unknown")
    if unit == "Q":
        return Timex(shift_period(dct, "Q", -1 if "current" not in raw else 0), "DATE", "document")
    return Timex(shift_period(dct, unit, 0) + ("-WE" if m.group(1) == "weekend" else ""), "DATE", "document")


def _strip_leading(raw: str) -> str:
    previous = None
    while previous != raw:
        previous, raw = raw, _LEADING.sub("", raw)
    return raw


def _ordinal_days(raw: str, lexicon: TimeLexicon) -> str:
    """'March eighth' -> 'march 8' (spoken dates)."""
    if not any(word in raw for word in ("first", "second", "third", "th")):
        return raw
    months = lexicon.months_pattern
    ordinals = "|".join(sorted(lexicon.day_ordinals, key=len, reverse=True))
    return re.sub(rf"\b({months})\.? (?:the )?({ordinals})\b", lambda m: f"{m.group(1)} {lexicon.day_ordinals[m.group(2)]}", raw)


def _holiday(raw: str, lexicon: TimeLexicon, dct: date | None, future: bool) -> Timex | None:
    """'Thanksgiving Day', 'last Christmas', 'Election Day 1998': fixed or computed per year."""
    m = re.fullmatch(r"(last |this |next |this past |this coming )?(.+?)(?:,? (\d{4}))?", raw)
    if not m or m.group(2) not in lexicon.holidays:
        return None
    rule = lexicon.holidays[m.group(2)]
    if m.group(3):
        return Timex(holiday_date(rule, int(m.group(3))).isoformat(), "DATE", "absolute")
    if dct is None:
        return Timex(f"XXXX-{rule}" if rule[0].isdigit() else "XXXX-XX-XX", "DATE", "unknown")
    prefix = (m.group(1) or "").strip()
    past = max(d for d in (holiday_date(rule, dct.year + k) for k in (-1, 0)) if d <= dct + timedelta(days=3))
    ahead = min(d for d in (holiday_date(rule, dct.year + k) for k in (0, 1)) if d > dct + timedelta(days=3))
    if prefix in ("last", "this past"):
        chosen = past
    elif prefix in ("next", "this coming") or future:
        chosen = ahead
    else:  # as for a month: the past one, unless the next is close and nearer
        chosen = ahead if (ahead - dct).days <= 92 and (ahead - dct) < (dct - past) else past
    return Timex(chosen.isoformat(), "DATE", "document")


def _iso(raw: str, lexicon: TimeLexicon, dct: date | None, future: bool) -> Timex | None:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", raw):
        return Timex(raw, "DATE", "absolute")
    if (m := re.fullmatch(r"(19|20)(\d\d)(\d\d)(\d\d)", raw)) and 1 <= int(m.group(3)) <= 12:
        return Timex(f"{m.group(1)}{m.group(2)}-{m.group(3)}-{m.group(4)}", "DATE", "absolute")
    return None


def _relative_day(raw: str, lexicon: TimeLexicon, dct: date | None, future: bool) -> Timex | None:
    offsets = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}
    if raw not in offsets:
        return None
    if dct is None:
        return Timex("XXXX-XX-XX", "DATE", "unknown")
    return Timex((dct + timedelta(days=offsets[raw])).isoformat(), "DATE", "document")


def _ago(raw: str, lexicon: TimeLexicon, dct: date | None, future: bool) -> Timex | None:
    m = re.fullmatch(r"(?:about |some |nearly |almost |more than |over )?([\w\s-]+?) (year|years|month|months|week|weeks|day|days|decade|decades) (ago|earlier|before|later|from now|hence)", raw)
    if not m:
        return None
    count = _count(m.group(1), lexicon)
    unit = lexicon.units[m.group(2)]
    sign = -1 if m.group(3) in ("ago", "earlier", "before") else 1
    if count is None or isinstance(count, str) or dct is None:
        return Timex(unknown_at(unit), "DATE", "unknown" if dct is None else "document")
    return Timex(shift_period(dct, unit, sign * count), "DATE", "document")


def _this_last_next(raw: str, lexicon: TimeLexicon, dct: date | None, future: bool) -> Timex | None:
    m = re.fullmatch(r"(?:earlier |later )?(this|last|past|previous|next|coming|current|the past|the previous|the next|the coming) (week|month|year|quarter|weekend|decade)", raw)
    if not m:
        return None
    step = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "the past": -1, "the previous": -1, "next": 1, "coming": 1, "the next": 1, "the coming": 1}[m.group(1)]
    unit = {"week": "W", "weekend": "W", "month": "M", "year": "Y", "quarter": "Q", "decade": "DE"}[m.group(2)]
    if dct is None:
        return Timex(unknown_at(unit), "DATE", "unknown")
    value = shift_period(dct, unit, step)
    return Timex(value + ("-WE" if m.group(2) == "weekend" else ""), "DATE", "document")


def _day_month_year(raw: str, lexicon: TimeLexicon, dct: date | None, future: bool) -> Timex | None:
    months = lexicon.months_pattern
    day_first = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)?(?: of)? ({months})\.?,?(?: {_YEAR})?", raw)
    month_first = re.fullmatch(rf"({months})\.? (\d{{1,2}})(?:st|nd|rd|th)?,?(?: {_YEAR})?", raw)
    if day_first:
        day, month, year = int(day_first.group(1)), lexicon.months[day_first.group(2)], day_first.group(3)
    elif month_first:
        month, day, year = lexicon.months[month_first.group(1)], int(month_first.group(2)), month_first.group(3)
    else:
        return None
    if not 1 <= day <= 31:
        return None
    if year:
        return Timex(f"{year}-{month:02d}-{day:02d}", "DATE", "absolute")
    if dct is None:
        return Timex(f"XXXX-{month:02d}-{day:02d}", "DATE", "unknown")
    resolved = _nearest_year(dct, month, day, future=future)
    return Timex(f"{resolved}-{month:02d}-{day:02d}", "DATE", "document")


def _month_year(raw: str, lexicon: TimeLexicon, dct: date | None, future: bool) -> Timex | None:
    months = lexicon.months_pattern
    prefix = re.match(r"(last|this|next|this past|this coming) ", raw)
    if prefix:
        raw = raw[prefix.end() :]
    m = re.fullmatch(rf"(?:mid-|early |late |end of |the end of )?({months})\.?(?:,? (?:of )?{_YEAR}| (last|this|next) year)?", raw)
    if not m:
        return None
    month = lexicon.months[m.group(1)]
    if prefix and dct is not None and not m.group(2):
        shift = {"last": -1, "this past": -1, "next": 1, "this coming": 1}.get(prefix.group(1), 0)
        year = dct.year + shift if shift and ((shift < 0 and month >= dct.month) or (shift > 0 and month <= dct.month)) else dct.year
        return Timex(f"{year}-{month:02d}", "DATE", "document")
    if m.group(2):
        return Timex(f"{m.group(2)}-{month:02d}", "DATE", "absolute")
    if dct is None:
        return Timex(f"XXXX-{month:02d}", "DATE", "unknown")
    if m.group(3):
        year = dct.year + {"last": -1, "this": 0, "next": 1}[m.group(3)]
    else:
        year = _nearest_year(dct, month, 1 if month != dct.month else dct.day, future=future)
    return Timex(f"{year}-{month:02d}", "DATE", "document")


def _season(raw: str, lexicon: TimeLexicon, dct: date | None, future: bool) -> Timex | None:
    seasons = "|".join(lexicon.seasons)
    m = re.fullmatch(rf"(?:this past |this |last |next |early |late )?({seasons})(?:,? (?:of )?{_YEAR})?", raw)
    if not m:
        return None
    code = lexicon.seasons[m.group(1)]
    if m.group(2):
        return Timex(f"{m.group(2)}-{code}", "DATE", "absolute")
    if dct is None:
        return Timex(f"XXXX-{code}", "DATE", "unknown")
    year = dct.year + (-1 if raw.startswith("last ") else 1 if raw.startswith("next ") else 0)
    if raw.startswith("this past ") and code in ("SU", "FA", "WI") and dct.month < {"SU": 7, "FA": 10, "WI": 13}[code]:
        year -= 1
    return Timex(f"{year}-{code}", "DATE", "document")


def _quarter(raw: str, lexicon: TimeLexicon, dct: date | None, future: bool) -> Timex | None:
    ordinals = "|".join(lexicon.ordinals)
    m = re.fullmatch(rf"(?:the |this year's |last year's )?({ordinals}|[1-4](?:st|nd|rd|th)|q[1-4])[ -]quarter(?:,? (?:of )?(?:fiscal )?{_YEAR})?", raw)
    if not m:
        return None
    number = lexicon.ordinals.get(m.group(1)) or int(m.group(1).lstrip("q")[0])
    if m.group(2):
        return Timex(f"{m.group(2)}-Q{number}", "DATE", "absolute")
    if dct is None:
        return Timex(f"XXXX-Q{number}", "DATE", "unknown")
    current = (dct.month - 1) // 3 + 1
    year = dct.year - 1 if number > current and not future else dct.year
    if raw.startswith("last year's"):
        year = dct.year - 1
    return Timex(f"{year}-Q{number}", "DATE", "document")


def _year(raw: str, lexicon: TimeLexicon, dct: date | None, future: bool) -> Timex | None:
    if m := re.fullmatch(rf"(?:the year |fiscal |fiscal year |calendar |calendar year |fy ?|the )?{_YEAR}(?: period| fiscal year| year)?", raw):
        return Timex(m.group(1), "DATE", "absolute")
    if m := re.fullmatch(rf"(?:the )?{_YEAR} (first|second|third|fourth) quarter", raw):
        return Timex(f"{m.group(1)}-Q{lexicon.ordinals[m.group(2)]}", "DATE", "absolute")
    if re.fullmatch(r"(?:the )?(?:latest|last|previous|most recent) fiscal year", raw):
        return Timex(str(dct.year - 1), "DATE", "document") if dct else Timex("XXXX", "DATE", "unknown")
    if re.fullmatch(r"(?:the )?(?:current |this )?fiscal year|(?:the )?current year", raw):
        return Timex(str(dct.year), "DATE", "document") if dct else Timex("XXXX", "DATE", "unknown")
    return None


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}


def _decade(raw: str, lexicon: TimeLexicon, dct: date | None, future: bool) -> Timex | None:
    if m := re.fullmatch(r"(the )?(?:early |mid-|late )?(1[89]\d|20\d)0'?s", raw):
        # TimeML writes "the 1990s" as 199 and a bare "1990s" as 199X.
        return Timex(m.group(2) + ("" if m.group(1) else "X"), "DATE", "absolute")
    if m := re.fullmatch(r"(?:the )?(?:early |mid-|late )?(?:'|19)?(\d)0'?s|(?:the )?(?:early |mid-|late )?(" + "|".join(_DECADE_WORDS) + ")", raw):
        digit = m.group(1) or str(_DECADE_WORDS[m.group(2)])
        return Timex(f"19{digit}", "DATE", "absolute")
    if m := re.fullmatch(r"(?:the )?(\d{1,2})(?:st|nd|rd|th) century", raw):
        return Timex(f"{int(m.group(1)) - 1:02d}", "DATE", "absolute")
    return None


def _weekday(raw: str, lexicon: TimeLexicon, dct: date | None, future: bool) -> Timex | None:
    days = "|".join(lexicon.weekdays)
    m = re.fullmatch(rf"(last |this |next |on |this past |this coming )?({days})(?: (?:morning|afternoon|evening|night))?", raw)
    if not m:
        return None
    target = lexicon.weekdays[m.group(2)]
    if dct is None:
        return Timex(f"XXXX-WXX-{target + 1}", "DATE", "unknown")
    ahead = (m.group(1) or "").strip() in ("next", "this coming") or (future and not m.group(1))
    delta = (target - dct.weekday()) % 7 if ahead else -((dct.weekday() - target) % 7)
    if ahead and delta == 0:
        delta = 7
    if (m.group(1) or "").strip() in ("last", "this past") and delta == 0:
        delta = -7  # "last Thursday" written on a Thursday is a week ago
    return Timex((dct + timedelta(days=delta)).isoformat(), "DATE", "document")


_CLOCK_UNITS = {"H": "H", "MIN": "M", "SEC": "S"}  # the lexicon's units of a clock, as TIMEX3 writes them after "PT"


def _duration(raw: str, lexicon: TimeLexicon, dct: date | None, future: bool) -> Timex | None:
    m = re.fullmatch(r"(?:for |over |in |within |just |the last |the past |the next |the first |the |less than |more than |under |nearly |almost |about |around |up to |at least )*"
                     r"(?:(.+?)[ -])?(year|years|month|months|week|weeks|day|days|decade|decades|century|centuries|hour|hours|minute|minutes|second|seconds)"
                     r"(?:-long| long)?(?: later| earlier)?", raw)
    if not m:
        return None
    unit = lexicon.units[m.group(2)]
    clock = _CLOCK_UNITS.get(unit)
    if m.group(1) is None:
        if m.group(2).endswith("s"):
            return Timex(f"PTX{clock}" if clock else f"PX{unit}", "DURATION", "document")  # "for years", "seconds later"
        return None
    count = _count(m.group(1), lexicon)
    if count is None:
        return None
    return Timex(f"PT{count}{clock}" if clock else f"P{count}{unit}", "DURATION", "document")


def _count(words: str, lexicon: TimeLexicon) -> int | str | None:
    words = words.strip().replace("-", " ")
    if words.replace(",", "").isdigit():
        return int(words.replace(",", ""))
    if words in lexicon.numbers:
        return lexicon.numbers[words]
    parts = words.split()
    if parts and all(p in lexicon.numbers and isinstance(lexicon.numbers[p], int) for p in parts):
        return sum(int(lexicon.numbers[p]) for p in parts)  # "twenty four"
    return None


def _nearest_year(dct: date, month: int, day: int, *, future: bool) -> int:
    """The year of a year-less day or month: a 'December' in a January article is last
    December, a 'January' in a December one next January."""
    candidates = [date(dct.year + shift, month, min(day, 28)) for shift in (-1, 0, 1)]
    past = max(d for d in candidates if d <= dct + timedelta(days=3))
    ahead = min(d for d in candidates if d > dct + timedelta(days=3))
    # News reports what happened: the past occurrence, unless the next one is close (within
    # about three months) and nearer, or the clause speaks of the future.
    if future or ((ahead - dct).days <= 92 and (ahead - dct) < (dct - past)):
        return ahead.year
    return past.year
