"""Date expressions in a document, with TIMEX3 values (extract/timex.py).

Candidates are spaCy's DATE spans, its TIME spans that name a part of the day ("evening",
joined to the day told beside it: "Tuesday evening") or a length of time ("the past 48
hours": a DURATION), clock times, and the reference words it
does not tag ("recently", "soon", "in the coming months", "overnight"). Each is anchored to
the document's date, or inside an excerpt to the date of the publication it reproduces; a
year-less "12 January" takes the year of a "12 January 2022" stated elsewhere in the same
text; a time of day told without its day takes one from the text around it (`_days_of_times`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from spacy.tokens import Doc, Span

from claimgraph.extract.quotes import Excerpt
from claimgraph.extract.spans import doc_text
from claimgraph.extract.timex import (
    UNKNOWN_DAY,
    TimeLexicon,
    Timex,
    canonical_form,
    is_day,
    normalize,
    part_of_day,
    refers_back,
)
from claimgraph.records import DateMention


def _scan_pattern(lexicon: TimeLexicon) -> re.Pattern[str]:
    """Reference words spaCy does not tag, rates, and absolute forms it folds into a
    neighbouring number; only unambiguous ones ("now" or "earlier" are as often comparisons
    or discourse words as time references). Months come from data/en/time.json."""
    months = rf"(?:{lexicon.months_pattern})\.?"
    year = r"(?:1[89]|20)\d\d"
    return re.compile(
        r"\b(recently|lately|in the past|in recent (?:years|months|weeks|days)|soon|in the near future|"
        r"in the coming (?:years|months|weeks|days)(?: \(or (?:years|months|weeks|days)\))?|"
        r"(?<=\d |s |n )(?:a|per|each) (?:year|month|week|day)|"  # "10.8 million dollars a month"
        r"in the (?:early |late )?(?:morning|afternoon|evening)|overnight|that (?:morning|afternoon|evening|night)|"  # parts of a day the model leaves untagged
        rf"(?:the )?(?:spring|summer|autumn|fall|winter) of {year}|"
        rf"\d{{1,2}} {months},? {year}|{months} \d{{1,2}},? {year}|{months} {year})\b",
        re.IGNORECASE,  # re caches the compiled pattern: built once per lexicon in practice
    )


_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_FUTURE_VERBS = frozenset({"plan", "expect", "intend", "aim", "schedule", "hope"})
_FULL_DATE = re.compile(r"^\d{4}-(\d{2}-\d{2})$")




def extract_dates(doc: Doc, doc_id: str, lexicon: TimeLexicon, *, dct: date | None, excerpts: list[Excerpt] = ()) -> list[DateMention]:  # type: ignore[assignment]
    text = doc_text(doc)
    # Scanned phrases are more specific than the model's spans they overlap: they win.
    scanned = [m.span(1) for m in _scan_pattern(lexicon).finditer(text) if not _describes_a_noun(doc, *m.span(1))]
    days = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    parts = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "TIME" and _names_part_of_day(e.text, lexicon)
             and not _describes_a_noun(doc, e.start_char, e.end_char)]
    model = _with_parts_of_day(days, parts, text)
    joined = set(model) - set(days) - set(parts)
    # The model's TIME spans that give a length of time ("the past 48 hours", "seconds later")
    lengths = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "TIME" and (e.start_char, e.end_char) not in parts
               and (length := normalize(e.text, lexicon, dct=None)) is not None and length.value.startswith("PT")]
    model = sorted(model + lengths)
    spans = scanned + [(s, e) for s, e in model if not any(a < e and s < b for a, b in scanned)]
    excerpt_dates = {excerpt.start: _citation_date(doc, excerpt, lexicon) for excerpt in excerpts}
    clocks = [(m.start(), m.end(), _clock_value(m)) for m in _CLOCK.finditer(text)]
    spans = [(s, e) for s, e in spans if not any(a < e and s < b for a, b, _ in clocks)]  # "1830 GMT" is no year
    found = []
    for start, end in sorted(spans):
        excerpt = next((x for x in excerpts if x.start <= start < x.end), None)
        anchor_date = excerpt_dates.get(excerpt.start) if excerpt is not None and excerpt_dates.get(excerpt.start) else dct
        timex, future = normalize_span(doc, start, end, lexicon, dct=anchor_date)
        pieces = [(start, end, timex, future)]
        if (start, end) in joined and (timex is None or timex.type != "TIME"):  # a part of a day not of the day beside it
            pieces = [(s, e, *normalize_span(doc, s, e, lexicon, dct=anchor_date)) for s, e in days + parts if start <= s and e <= end]
        for piece_start, piece_end, piece, in_future in pieces:
            if piece is not None:
                found.append(DateMention(doc_id, piece_start, piece_end, text[piece_start:piece_end], piece.value, piece.type,
                                         piece.anchor, in_future))
    return _days_of_times(doc, _with_clock_times(_borrow_years(found), clocks, text, doc_id), lexicon, dct)


# Between a day and the part of it told beside it: "Tuesday evening", "the night of 5 May", "dawn on Friday"
_PART_JOIN = re.compile(r"^,?\s*(?:on\s+|of\s+)?$", re.IGNORECASE)


def _describes_a_noun(doc: Doc, start: int, end: int) -> bool:
    """A one-word expression modifying a noun ("the overnight talks") says what kind of thing
    it is, not when something happened."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].dep_ == "amod"


def _names_part_of_day(text: str, lexicon: TimeLexicon) -> bool:
    return part_of_day(canonical_form(" ".join(text.lower().split()), lexicon), lexicon) is not None


def _with_parts_of_day(days: list[tuple[int, int]], parts: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The model's dates, each joined with a part of the day told beside it (the English model
    tags "Tuesday" a DATE and "evening" a TIME), and the parts of the day told alone."""
    merged = sorted(days + [p for p in parts if not any(a < p[1] and p[0] < b for a, b in days)])
    joined: list[tuple[int, int]] = []
    for start, end in merged:
        if joined and _PART_JOIN.match(text[joined[-1][1] : start]) and ((start, end) in parts or joined[-1] in parts):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _days_of_times(doc: Doc, dates: list[DateMention], lexicon: TimeLexicon, dct: date | None) -> list[DateMention]:
    """A part of the day or a clock time told without its day ("in the evening", "shortly after
    00:30") takes the day the sentence gives before it ("On Sunday ... in the evening"), else
    the document's day; in the past perfect ("they had left in the evening") the day before
    it, the time the report looks back from. "That night" takes the last day the text told.
    Without any it keeps an unknown day."""
    resolved = []
    for mention in dates:
        words = canonical_form(" ".join(mention.text.lower().split()), lexicon)
        part = part_of_day(words, lexicon)
        if not mention.value.startswith(UNKNOWN_DAY + "T") or (part is not None and part[0]):
            resolved.append(mention)  # a day of its own, known or not ("yesterday evening" without a document date)
            continue
        time_of_day = mention.value[len(UNKNOWN_DAY) :]
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        sentence = span.sent if span is not None else None
        anaphoric = refers_back(words)
        earlier = [d for d in resolved if (anaphoric or (sentence is not None and sentence.start_char <= d.start))
                   and d.end <= mention.start and _day_of(d) is not None]
        if earlier:
            resolved.append(replace(mention, value=f"{_day_of(earlier[-1])}{time_of_day}", anchor=earlier[-1].anchor))
        elif dct is not None and not anaphoric:
            day = dct - timedelta(days=1) if span is not None and _in_past_perfect(span, lexicon) else dct
            resolved.append(replace(mention, value=day.isoformat() + time_of_day, anchor="document"))
        else:
            resolved.append(mention)
    return resolved


def _day_of(mention: DateMention) -> str | None:
    """The day a date or a time of day names ("2024-05-07" of "2024-05-07TEV"), if it names one."""
    day = mention.value.split("T")[0] if mention.type in ("DATE", "TIME") else ""
    return day if is_day(day) else None


def _in_past_perfect(span: Span, lexicon: TimeLexicon) -> bool:
    """Whether the verb the expression belongs to is in the past perfect: a participle with a
    perfect auxiliary conjugated in a past tense ("had left", "étaient partis"; not the
    participle "été" of a passive)."""
    token = span.root
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token.morph.get("VerbForm", []) == ["Part"] and any(
        child.dep_.startswith("aux") and child.lemma_.lower() in lexicon.perfect_auxiliaries
        and child.morph.get("VerbForm", []) == ["Fin"] and set(child.morph.get("Tense", [])) & {"Past", "Imp"} for child in token.children)


# A time of day: "2000 GMT", "8pm", "8 p.m.", "20:00 local time", "around 1830 GMT".
_CLOCK = re.compile(
    r"\b(?:(?:at |around |about |approximately |shortly after |shortly before )?)"
    r"(?:(\d{1,2})(?::(\d{2}))?\s?([ap])\.?m\.?(?!\w)|([01]\d|2[0-3]):?([0-5]\d)\s?(?:GMT|UTC|hrs\b|h\b|local time)|"
    r"([01]?\d|2[0-3]):([0-5]\d)(?:\s?(?:GMT|UTC|local time))?|([01]?\d|2[0-3])h([0-5]\d)(?!\w))(?:\s?(?:GMT|UTC|local time))?",
    re.IGNORECASE,
)
_DAY_AFTER = re.compile(r"^,?\s*(?:on\s+)?$", re.IGNORECASE)
_DAY_BEFORE = re.compile(r"^,?\s*(?:at\s+|around\s+)?$", re.IGNORECASE)


def _clock_value(match: re.Match[str]) -> str:
    """'20:00' for '8pm', '2000 GMT' or '20:00'."""
    if match.group(1):
        hour = int(match.group(1)) % 12 + (12 if match.group(3).lower() == "p" else 0)
        return f"{hour:02d}:{match.group(2) or '00'}"
    if match.group(4):
        return f"{match.group(4)}:{match.group(5)}"
    if match.group(8):  # "00h30", as French writes the time
        return f"{int(match.group(8)):02d}:{match.group(9)}"
    return f"{int(match.group(6)):02d}:{match.group(7)}"


def _with_clock_times(dates: list[DateMention], clocks: list[tuple[int, int, str]], text: str, doc_id: str) -> list[DateMention]:
    """A time of day joins the day it is told with ("around 2000 GMT Thursday", "Thursday at
    8pm"): one expression, the day's value with the time (TIMEX3 'XXXX-WXX-4T20:00'). A time
    told alone is kept with an unknown day."""
    merged = list(dates)
    for start, end, clock in clocks:
        after = next((d for d in merged if d.start >= end and _DAY_AFTER.match(text[end:d.start]) and d.type == "DATE"), None)
        before = next((d for d in merged if d.end <= start and _DAY_BEFORE.match(text[d.end:start]) and d.type == "DATE"), None)
        day = after or before
        if day is not None and "T" not in day.value:
            merged.remove(day)
            span_start, span_end = min(start, day.start), max(end, day.end)
            merged.append(replace(day, start=span_start, end=span_end, text=text[span_start:span_end], value=f"{day.value}T{clock}"))
        elif day is None:
            merged.append(DateMention(doc_id, start, end, text[start:end], f"XXXX-XX-XXT{clock}", "TIME", "unknown", False))
    return sorted(merged, key=lambda d: d.start)


def normalize_span(doc: Doc, start: int, end: int, lexicon: TimeLexicon, *, dct: date | None) -> tuple[Timex | None, bool]:
    """Normalize the expression at [start, end) with what its sentence says: whether its
    clause speaks of the future, and the sentence itself as context. Also (value, future)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    future = span is not None and _in_future_clause(span)
    # The sentence and the one before it: "Net income rose in the third quarter. A year ago, ..."
    context = ""
    if span is not None:
        before = doc[span.sent.start - 1].sent.text if span.sent.start > 0 else ""
        context = before + " " + span.sent.text
    return normalize(doc_text(doc)[start:end], lexicon, dct=dct, future=future, context=context), future


def latest_past_date(dates: list[DateMention]) -> str | None:
    """The latest full or partial calendar date the text refers to as past: a lower bound on
    the publication date of an undated article."""
    candidates = []
    for mention in dates:
        if mention.future or mention.type != "DATE":
            continue
        if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", mention.value):
            candidates.append(mention.value)
        elif m := re.fullmatch(r"(\d{4})-W(\d{2})", mention.value):
            # A week is bounded below by its Monday: a calendar date readers can compare.
            candidates.append(date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1).isoformat())
    return max(candidates, key=lambda v: (v + "-01-01")[:10], default=None)


_TODAY = re.compile(r"(?:^|\b)(?:this (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|today),?$")


def stated_today(doc: Doc, dates: list[DateMention], lexicon: TimeLexicon) -> date | None:
    """The day an undated text says it speaks from: a full date told as this very day ("this
    Monday, 31 July 2023", "ce jeudi 14 mars 2024", "today, 3 May 2021"), the first one."""
    text = doc_text(doc)
    for mention in dates:
        if not _FULL_DATE.match(mention.value) or mention.type != "DATE":
            continue
        words = re.split(r"[.!?;:\n]", text[max(0, mention.start - 24) : mention.start])[-1].lower().split()
        before = canonical_form(" ".join(words[-2:]), lexicon)  # the words just before, in the grammar's words
        inside = canonical_form(" ".join(mention.text.lower().split()), lexicon)
        if _TODAY.search(before) or re.match(r"(?:this \w+day|today)\b", inside):
            return date.fromisoformat(mention.value)
    return None


def dateline_date(fields: tuple[tuple[str, str], ...], lexicon: TimeLexicon) -> str | None:
    """A full date from a 'Date: 14 March 2019' header line, if the text has one."""
    for name, value in fields:
        if name in ("date", "published", "published on", "posted", "posted on"):
            timex = normalize(value, lexicon, dct=None)
            if timex is not None and timex.anchor == "absolute" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", timex.value):
                return timex.value
    return None


def _citation_date(doc: Doc, excerpt: Excerpt, lexicon: TimeLexicon) -> date | None:
    """The date of the publication an excerpt reproduces, from its citation line."""
    for ent in doc.ents:
        if ent.label_ == "DATE" and excerpt.citation[0] <= ent.start_char < excerpt.citation[1]:
            timex = normalize(ent.text, lexicon, dct=None)
            if timex is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", timex.value):
                return date.fromisoformat(timex.value)
    return None


def _in_future_clause(span: Span) -> bool:
    """Whether the verb governing the expression speaks of what will happen."""
    token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            if token.lemma_.lower() in _FUTURE_VERBS:
                return True
            if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in token.children):
                return True
            if token.dep_ not in ("xcomp", "advcl", "conj", "relcl", "acl", "pcomp"):
                return False
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _borrow_years(dates: list[DateMention]) -> list[DateMention]:
    """'12 January' (XXXX-01-12) takes the year of a '12 January 2022' in the same text."""
    years: dict[str, str] = {}
    for mention in dates:
        if m := _FULL_DATE.match(mention.value):
            years.setdefault(m.group(1), mention.value[:4])
    return [
        replace(d, value=years[d.value[5:]] + d.value[4:], anchor="absolute") if d.value.startswith("XXXX-") and d.value[5:] in years else d
        for d in dates
    ]


__all__ = ["DateMention", "Timex", "dateline_date", "extract_dates", "latest_past_date", "normalize_span", "stated_today"]
