"""TIMEX3 normalization (extract/timex.py) and date extraction (extract/dates.py).

The table below is written by hand from TimeML conventions, not from the code's output:
a value is never invented (no document date -> XXXX), relative expressions resolve against
the document creation time (DCT), preferring the past unless the clause points ahead.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from claimgraph.extract.dates import dateline_date, extract_dates, latest_past_date
from claimgraph.extract.timex import load_time_lexicon, normalize

from .conftest import extract_text

LEXICON = load_time_lexicon()

DCT = date(2021, 9, 30)  # a Thursday, ISO week 2021-W39, third quarter
JAN_DOC = date(2022, 1, 15)
DEC_DOC = date(2021, 12, 15)
OCT_DOC = date(2021, 10, 20)  # fourth quarter: the latest reported quarter is 2021-Q3


def _xfail(*values: object, reason: str) -> object:
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason))


CASES = [
    # --- absolute expressions (the DCT must not matter) ---
    ("30 September 2021", None, "2021-09-30"),
    ("30 September 2021", DCT, "2021-09-30"),
    ("September 30, 2021", None, "2021-09-30"),
    ("Sept. 30, 2021", None, "2021-09-30"),
    ("Oct. 1, 2021", None, "2021-10-01"),
    ("Jan. 5, 2022", None, "2022-01-05"),
    ("the 1st of May 2015", None, "2015-05-01"),
    ("on 4 September 2019", DCT, "2019-09-04"),
    ("Tuesday, 14 May 2019", None, "2019-05-14"),
    ("December 2020", None, "2020-12"),
    ("mid-December 2020", None, "2020-12"),
    ("Jan 2020", None, "2020-01"),
    ("2018", None, "2018"),
    ("in 2014", DCT, "2014"),
    ("since 2015", None, "2015"),
    ("early 2019", None, "2019"),
    ("mid-2019", None, "2019"),
    ("at the end of 2020", None, "2020"),
    ("the year 2000", None, "2000"),
    ("1870", None, "1870"),
    ("the summer of 2021", None, "2021-SU"),
    ("summer 2021", None, "2021-SU"),
    ("fall of 2019", None, "2019-FA"),
    ("winter 2019", None, "2019-WI"),
    ("the 1990s", None, "199"),
    ("the 1990s", DCT, "199"),
    ("the 2010s", None, "201"),
    ("the '90s", None, "199"),
    ("the nineties", None, "199"),
    ("the 21st century", None, "20"),
    ("fiscal 1989", None, "1989"),
    ("FY2020", None, "2020"),
    ("the third quarter of 2020", None, "2020-Q3"),
    ("the second quarter of fiscal 2020", None, "2020-Q2"),
    ("the first half of 2020", None, "2020-H1"),
    ("2021-09-30", None, "2021-09-30"),
    ("19980114", None, "1998-01-14"),
    ("Q3 2020", None, "2020-Q3"),
    # --- year-less, no document date: unknown parts stay X ---
    ("August 30", None, "XXXX-08-30"),
    ("4 September", None, "XXXX-09-04"),
    ("on Sept. 4", None, "XXXX-09-04"),
    ("4th September", None, "XXXX-09-04"),
    ("September 4th", None, "XXXX-09-04"),
    ("late on September 30", None, "XXXX-09-30"),
    ("in June", None, "XXXX-06"),
    ("March", None, "XXXX-03"),
    ("December last year", None, "XXXX-12"),
    ("last week", None, "XXXX-WXX"),
    ("the weekend", None, "XXXX-WXX"),
    ("two years ago", None, "XXXX"),
    ("four years ago", None, "XXXX"),
    ("last year", None, "XXXX"),
    ("this year", None, "XXXX"),
    ("next month", None, "XXXX-XX"),
    ("yesterday", None, "XXXX-XX-XX"),
    ("today", None, "XXXX-XX-XX"),
    ("Tuesday", None, "XXXX-WXX-2"),
    ("the third quarter", None, "XXXX-Q3"),
    ("summer", None, "XXXX-SU"),
    # --- year-less, resolved against the document date (2021-09-30, a Thursday) ---
    ("August 30", DCT, "2021-08-30"),
    ("2 September", DCT, "2021-09-02"),
    ("Sept. 30", DCT, "2021-09-30"),
    ("late on September 30", DCT, "2021-09-30"),
    ("in June", DCT, "2021-06"),
    ("September", DCT, "2021-09"),
    ("mid-September", DCT, "2021-09"),
    ("the end of September", DCT, "2021-09"),
    ("December", JAN_DOC, "2021-12"),
    ("January", DEC_DOC, "2022-01"),
    ("December 31", date(2022, 1, 2), "2021-12-31"),
    ("January 3", date(2021, 12, 30), "2022-01-03"),
    ("last December", DCT, "2020-12"),
    ("next March", DCT, "2022-03"),
    ("December last year", DCT, "2020-12"),
    ("last week", DCT, "2021-W38"),
    ("the previous week", DCT, "2021-W38"),
    ("a week ago", DCT, "2021-W38"),
    ("this week", DCT, "2021-W39"),
    ("two weeks ago", DCT, "2021-W37"),
    ("2 weeks ago", DCT, "2021-W37"),
    ("yesterday", DCT, "2021-09-29"),
    ("the day before yesterday", DCT, "2021-09-28"),
    ("today", DCT, "2021-09-30"),
    ("tomorrow", DCT, "2021-10-01"),
    ("three days ago", DCT, "2021-09-27"),
    ("ten days ago", DCT, "2021-09-20"),
    ("Tuesday", DCT, "2021-09-28"),
    ("Tuesday's", DCT, "2021-09-28"),
    ("Monday morning", DCT, "2021-09-27TMO"),
    ("tonight", DCT, "2021-09-30TNI"),
    ("Sunday", DCT, "2021-09-26"),
    ("next Tuesday", DCT, "2021-10-05"),
    ("next Thursday", DCT, "2021-10-07"),
    ("last year", DCT, "2020"),
    ("a year earlier", DCT, "2020"),
    ("two years ago", DCT, "2019"),
    ("this year", DCT, "2021"),
    ("earlier this year", DCT, "2021"),
    ("next year", DCT, "2022"),
    ("the third quarter", DCT, "2021-Q3"),
    ("the first quarter", date(2021, 5, 10), "2021-Q1"),
    ("the fourth quarter", date(2022, 2, 1), "2021-Q4"),
    ("last month", DCT, "2021-08"),
    ("this month", DCT, "2021-09"),
    ("three months ago", DCT, "2021-06"),
    ("this summer", DCT, "2021-SU"),
    ("last Thursday", DCT, "2021-09-23"),
    ("the day after tomorrow", DCT, "2021-10-02"),
    ("yesterday's", DCT, "2021-09-29"),
    # --- references ---
    ("recently", DCT, "PAST_REF"),
    ("recently", None, "PAST_REF"),
    ("lately", None, "PAST_REF"),
    ("in the past", DCT, "PAST_REF"),
    ("in recent years", DCT, "PAST_REF"),
    ("in recent weeks", DCT, "PAST_REF"),
    ("several years ago", DCT, "PAST_REF"),
    ("years ago", DCT, "PAST_REF"),
    ("decades ago", DCT, "PAST_REF"),
    ("soon", DCT, "FUTURE_REF"),
    ("shortly", DCT, "FUTURE_REF"),
    ("in the coming months", None, "FUTURE_REF"),
    ("in the near future", DCT, "FUTURE_REF"),
    ("in the years ahead", DCT, "FUTURE_REF"),
    ("now", DCT, "PRESENT_REF"),
    ("currently", None, "PRESENT_REF"),
    ("nowadays", DCT, "PRESENT_REF"),
    ("at present", DCT, "PRESENT_REF"),
    # --- durations ---
    ("eight years", DCT, "P8Y"),
    ("a month", DCT, "P1M"),
    ("six months", DCT, "P6M"),
    ("for years", DCT, "PXY"),
    ("two weeks", None, "P2W"),
    ("a couple of weeks", DCT, "P2W"),
    ("less than two years", DCT, "P2Y"),
    ("twelve years", DCT, "P12Y"),
    ("14 years", None, "P14Y"),
    ("30 days", DCT, "P30D"),
    ("two decades", DCT, "P2DE"),
    ("24 hours", DCT, "PT24H"),
    ("twenty-four hours", DCT, "PT24H"),
    ("the past five years", DCT, "P5Y"),
    ("thirteen years", DCT, "P13Y"),
    ("eighteen months", DCT, "P18M"),
    ("sixty days", DCT, "P60D"),
    ("just over an hour", DCT, "PT1H"),
    ("the past 36 hours", None, "PT36H"),
    ("20 minutes", DCT, "PT20M"),
    ("seconds later", None, "PTXS"),
    ("the hours", None, "PTXH"),
    # --- spelled-out years (spoken transcripts) ---
    ("nineteen ninety-six", None, "1996"),
    ("in nineteen eighty-four", None, "1984"),
    ("the year two thousand", None, "2000"),
]


@pytest.mark.parametrize(("text", "dct", "value"), CASES)
def test_normalize_value(text: str, dct: date | None, value: str) -> None:
    timex = normalize(text, LEXICON, dct=dct)
    assert timex is not None, f"{text!r} not normalized"
    assert timex.value == value


@pytest.mark.parametrize("text", ["the company", "blue", "the government", "Mali", "five", "second", "twenty"])
@pytest.mark.parametrize("dct", [None, DCT])
def test_non_dates_give_none(text: str, dct: date | None) -> None:
    assert normalize(text, LEXICON, dct=dct) is None


def test_this_year_without_dct_is_never_the_current_year() -> None:
    timex = normalize("this year", LEXICON, dct=None)
    assert timex is not None
    assert timex.value == "XXXX"
    assert timex.value != str(date.today().year)
    assert timex.anchor == "unknown"


@pytest.mark.parametrize(
    ("text", "dct", "type_", "anchor"),
    [
        ("30 September 2021", None, "DATE", "absolute"),
        ("30 September 2021", DCT, "DATE", "absolute"),
        ("the summer of 2021", None, "DATE", "absolute"),
        ("19980114", None, "DATE", "absolute"),
        ("August 30", DCT, "DATE", "document"),
        ("last week", DCT, "DATE", "document"),
        ("yesterday", DCT, "DATE", "document"),
        ("two years ago", DCT, "DATE", "document"),
        ("August 30", None, "DATE", "unknown"),
        ("last week", None, "DATE", "unknown"),
        ("two years ago", None, "DATE", "unknown"),
        ("Tuesday", None, "DATE", "unknown"),
        ("recently", None, "DATE", "document"),
        ("eight years", DCT, "DURATION", "document"),
        ("for years", None, "DURATION", "document"),
    ],
)
def test_type_and_anchor(text: str, dct: date | None, type_: str, anchor: str) -> None:
    timex = normalize(text, LEXICON, dct=dct)
    assert timex is not None
    assert (timex.type, timex.anchor) == (type_, anchor)


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("Tuesday", DCT, "2021-10-05"),  # the coming Tuesday, not the past one
        ("in June", DCT, "2022-06"),  # next June, not June 2021
        ("June", DCT, "2022-06"),
        ("August 30", DCT, "2022-08-30"),
        ("the fourth quarter", DCT, "2021-Q4"),
    ],
)
def test_future_flag_resolves_ahead(text: str, dct: date, value: str) -> None:
    timex = normalize(text, LEXICON, dct=dct, future=True)
    assert timex is not None
    assert timex.value == value
    assert timex.anchor == "document"
    # Without the flag the same expression resolves to the past (or stays on the DCT's side).
    assert normalize(text, LEXICON, dct=dct).value != value


def test_year_ago_in_quarterly_context_is_the_same_quarter_a_year_back() -> None:
    context = "Profit rose in the third quarter."
    timex = normalize("a year ago", LEXICON, dct=OCT_DOC, context=context)
    assert timex is not None
    assert timex.value == "2020-Q3"
    # Without the financial context it is just the previous year.
    assert normalize("a year ago", LEXICON, dct=OCT_DOC).value == "2020"


# --- extract_dates over parsed text ---------------------------------------------------------


def _dates(build_tools, text: str, dct: date | None = None):
    doc = build_tools.nlp(text)
    return extract_dates(doc, "doc1", build_tools.lexicons.time, dct=dct)


def _by_text(mentions, text: str):
    found = [m for m in mentions if m.text == text]
    assert len(found) == 1, f"{text!r} not found once in {[m.text for m in mentions]}"
    return found[0]


def test_undated_day_month_stays_unknown(build_tools) -> None:
    mentions = _dates(build_tools, "On 4 September the minister flew to Moscow.")
    mention = _by_text(mentions, "4 September")
    assert mention.value == "XXXX-09-04"
    assert mention.anchor == "unknown"
    assert mention.type == "DATE"


def test_undated_day_month_resolves_with_dct(build_tools) -> None:
    mentions = _dates(build_tools, "On 4 September the minister flew to Moscow.", dct=DCT)
    mention = _by_text(mentions, "4 September")
    assert (mention.value, mention.anchor) == ("2021-09-04", "document")


def test_year_less_date_borrows_year_from_same_text(build_tools) -> None:
    text = "The talks opened on 12 January 2022 in Geneva. On 12 January, the delegations met again."
    mentions = _dates(build_tools, text)
    full = _by_text(mentions, "12 January 2022")
    short = _by_text(mentions, "12 January")
    assert full.value == "2022-01-12"
    assert short.value == "2022-01-12"
    assert short.anchor == "absolute"
    assert text[short.start : short.end] == "12 January"


def test_reference_words_spacy_does_not_tag_are_found(build_tools) -> None:
    text = "The army recently withdrew from the north. Officials said the troops would return soon."
    doc = build_tools.nlp(text)
    assert not [e for e in doc.ents if e.text in ("recently", "soon")]  # spaCy leaves them out
    mentions = extract_dates(doc, "doc1", build_tools.lexicons.time, dct=None)
    assert _by_text(mentions, "recently").value == "PAST_REF"
    assert _by_text(mentions, "soon").value == "FUTURE_REF"


def test_a_length_of_time_the_model_tags_as_a_time_is_a_duration(build_tools) -> None:
    text = "Rescuers searched the rubble for the past 36 hours. Seconds later, a second blast shook the port."
    mentions = extract_dates(build_tools.nlp(text), "doc1", build_tools.lexicons.time, dct=None)
    assert [(m.text, m.value, m.type) for m in mentions] == [("the past 36 hours", "PT36H", "DURATION"), ("Seconds later", "PTXS", "DURATION")]


def test_lately_and_in_the_past_are_found(build_tools) -> None:
    mentions = _dates(build_tools, "He was lately seen in Bamako and had lived there in the past.")
    assert _by_text(mentions, "lately").value == "PAST_REF"
    assert _by_text(mentions, "in the past").value == "PAST_REF"


def test_latest_past_date_ignores_future_clause(build_tools) -> None:
    text = "The force grew to 5,000 in 2019 and stood at 4,500 in March 2021. It will drop to 3,000 in the summer of 2030."
    mentions = _dates(build_tools, text)
    summer = _by_text(mentions, "the summer of 2030")
    assert summer.value == "2030-SU"
    assert summer.future is True
    assert not _by_text(mentions, "March 2021").future
    assert latest_past_date(mentions) == "2021-03"


def test_latest_past_date_skips_future_calendar_date(build_tools) -> None:
    mentions = _dates(build_tools, "The force grew to 5,000 in 2019. It will drop to 3,000 in March 2030.")
    march = _by_text(mentions, "March 2030")
    assert (march.value, march.future) == ("2030-03", True)
    assert latest_past_date(mentions) == "2019"
    # It is the future flag, not the value, that keeps 2030 out.
    assert latest_past_date([replace(m, future=False) for m in mentions]) == "2030-03"


def test_latest_past_date_empty() -> None:
    assert latest_past_date([]) is None


def test_dateline_date() -> None:
    assert dateline_date((("date", "30 September 2021"),), LEXICON) == "2021-09-30"
    assert dateline_date((("published", "September 30, 2021"),), LEXICON) == "2021-09-30"
    assert dateline_date((("date", "September 2021"),), LEXICON) is None  # not a full date
    assert dateline_date((("author", "30 September 2021"),), LEXICON) is None  # not a date field
    assert dateline_date((("date", "30 September"),), LEXICON) is None  # year unknown


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("Thanksgiving Day", date(1999, 12, 1), "1999-11-25"),  # the fourth Thursday of November
        ("last Thanksgiving", date(2000, 3, 1), "1999-11-25"),
        ("Election Day", date(1998, 10, 20), "1998-11-03"),  # two weeks ahead: the coming one
        ("Christmas", date(2021, 1, 10), "2020-12-25"),
        ("Christmas", None, "XXXX-12-25"),
        ("Easter 2000", None, "2000-04-23"),
        ("this coming Sunday, March eighth", date(1998, 3, 5), "1998-03-08"),
        ("the previous Friday", date(1989, 10, 25), "1989-10-20"),
        ("the latest fiscal year", date(1989, 10, 25), "1988"),
        ("last year's quarter", date(1989, 10, 25), "1988-Q3"),
        ("the 1990s", None, "199"),
        ("1990s", None, "199X"),
        ("this past summer", date(1998, 3, 1), "1997-SU"),
    ],
)
def test_holidays_spoken_days_and_period_phrases(text: str, dct: date | None, value: str) -> None:
    timex = normalize(text, LEXICON, dct=dct)
    assert timex is not None and timex.value == value


@pytest.mark.parametrize(("text", "expression", "value"), [
    ("The shelling began at around 1830 GMT on Friday, residents said.", "around 1830 GMT on Friday", "XXXX-WXX-5T18:30"),
    ("The convoy was hit on Monday at 5pm local time.", "Monday at 5pm local time", "XXXX-WXX-1T17:00"),
])
def test_a_time_of_day_joins_its_day_and_is_no_year(build_tools, text: str, expression: str, value: str) -> None:
    doc = build_tools.nlp(text)
    assert [(d.text, d.value) for d in doc._.dates] == [(expression, value)]
    assert not doc._.quantities  # "1830 GMT" counts nothing either


# --- parts of the day (TIMEX3 MO, MI, AF, EV, NI) ------------------------------------------


@pytest.mark.parametrize(("text", "dct", "value", "type_"), [
    ("Tuesday evening", DCT, "2021-09-28TEV", "TIME"),
    ("Tuesday evening", None, "XXXX-WXX-2TEV", "TIME"),
    ("early on Monday morning", DCT, "2021-09-27TMO", "TIME"),
    ("the night of 5 May", None, "XXXX-05-05TNI", "TIME"),
    ("last night", DCT, "2021-09-29TNI", "TIME"),
    ("tonight", DCT, "2021-09-30TNI", "TIME"),
    ("this afternoon", DCT, "2021-09-30TAF", "TIME"),
    ("yesterday at dawn", DCT, "2021-09-29TMO", "TIME"),
    ("in the evening", DCT, "XXXX-XX-XXTEV", "TIME"),  # its day comes from the text around it
])
def test_parts_of_the_day(text: str, dct: date | None, value: str, type_: str) -> None:
    timex = normalize(text, LEXICON, dct=dct)
    assert timex is not None and (timex.value, timex.type) == (value, type_)


def test_a_part_of_the_day_joins_the_day_the_model_tags_apart(build_tools) -> None:
    mentions = _dates(build_tools, "The convoy was shelled on Tuesday evening near Kidal.", dct=DCT)
    assert [(m.text, m.value) for m in mentions] == [("Tuesday evening", "2021-09-28TEV")]


@pytest.mark.parametrize(("text", "expression", "value"), [
    # the day its own sentence gave before it
    ("On Sunday the column left Gao, and in the evening it reached the river.", "in the evening", "2021-09-26TEV"),
    # else the document's day
    ("The last families reached the camp overnight, aid workers said.", "overnight", "2021-09-30TNI"),
    # in the past perfect, the day before the one the report looks back from
    ("The families arrived at dawn. They had left Kidal in the evening.", "in the evening", "2021-09-29TEV"),
])
def test_a_part_of_the_day_told_alone_takes_the_day_of_its_story(build_tools, text: str, expression: str, value: str) -> None:
    assert _by_text(_dates(build_tools, text, dct=DCT), expression).value == value


def test_that_night_is_the_day_told_last_never_the_document_date(build_tools) -> None:
    text = "The depot burned on the night of 12 August. Witnesses heard two blasts that night."
    assert _by_text(_dates(build_tools, text, dct=DCT), "that night").value == "2021-08-12TNI"
    alone = _dates(build_tools, "Witnesses heard two blasts that night.", dct=DCT)
    assert _by_text(alone, "that night").value == "XXXX-XX-XXTNI"


def test_an_event_is_filed_under_the_day_of_its_time_of_day(build_tools) -> None:
    found = extract_text(build_tools, "Gunmen attacked a checkpoint near Gao on Tuesday evening.")
    assert [(e.plover, e.date) for e in found.events] == [("ASSAULT", "XXXX-WXX-2")]
