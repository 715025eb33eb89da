"""Quantities: numbers with what they count, their unit and how exact they are.

Candidates are spaCy's CARDINAL, MONEY, QUANTITY and PERCENT spans (not those inside a date),
plus "by half" and "twice". Values, ranges, qualifiers, currencies and rates come from a
small grammar over data/en/quantities.json; what is counted is the noun the number modifies,
or the nearest plural noun before it ("these instructors now number about 400").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from claimgraph.extract.magnitudes import (
    MagnitudeLexicon,
    figure_owner,
    figure_scope,
    magnitude_slot,
)
from claimgraph.extract.resources import DEFAULT_LANGUAGE, load_lexicon_data
from claimgraph.extract.spans import doc_text
from claimgraph.records import Quantity

_LABELS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT"})


@dataclass(frozen=True)
class QuantityLexicon:
    number_words: dict[str, float]
    multipliers: dict[str, float]
    vague: dict[str, float]
    qualifiers: dict[str, str]
    currencies: dict[str, str]
    periods: dict[str, str]
    fractions: dict[str, float]
    repetitions: dict[str, float]
    qualifiers_after: dict[str, str]  # "50 or less": up_to
    measures: dict[str, str]  # unit words to their symbol: "kilometres" -> "km"
    number_format: dict[str, Any]  # {"thousands": [",", ...], "decimal": "."}: how the language writes digits
    of_words: list[str]  # "thousands of people", "des centaines de villageois"
    range_openers: list[str]  # "between 20 and 30"
    range_joins: list[str]  # "400 to 500"; those after an opener only: see _joins_a_range
    scale_nouns: list[str]  # "two dozen soldiers": the scale is not what is counted
    approximate_vague: list[str]  # "une centaine": a round figure (about 100), not a lower bound
    none_words: list[str]  # "no civilians", "nobody": a count denied, zero where a slot's word governs it
    none_partial: list[str]  # "no new deaths", "no further casualties", "immediately": none added or none yet, not none


def load_quantity_lexicon(lang: str = DEFAULT_LANGUAGE) -> QuantityLexicon:
    data = load_lexicon_data("quantities", lang)
    return QuantityLexicon(**{key: data[key] for key in QuantityLexicon.__dataclass_fields__})




def standard_digits(text: str, lexicon: QuantityLexicon) -> str:
    """Digits as the grammar reads them (comma thousands, point decimals): "1 500" and
    "2.346" (French thousands) become "1,500" and "2,346", "1,5" becomes "1.5"."""
    decimal = str(lexicon.number_format.get("decimal", "."))
    if decimal == ".":
        return text
    thousands = "".join(re.escape(str(mark)) for mark in lexicon.number_format.get("thousands", ()))
    grouped = re.sub(rf"(?<=\d)[{thousands}](?=\d{{3}}(?!\d))", "\x00", text) if thousands else text
    return re.sub(rf"(?<=\d){re.escape(decimal)}(?=\d)", ".", grouped).replace("\x00", ",")


def _range_pattern(lexicon: QuantityLexicon) -> re.Pattern[str]:
    """What joins the two ends of a range: "300 to 350", "from more than 1,200 to over 3,400"."""
    joins = "|".join(re.escape(word) for word in sorted(lexicon.range_joins, key=len, reverse=True))
    qualifiers = "|".join(re.escape(word) for word in sorted(lexicon.qualifiers, key=len, reverse=True))
    return re.compile(rf"^\s*(?:{joins})\s*(?:{qualifiers})?\s*$")


def extract_quantities(doc: Doc, doc_id: str, lexicon: QuantityLexicon, *, date_spans: list[tuple[int, int]],
                       magnitudes: MagnitudeLexicon | None = None) -> list[Quantity]:
    """The quantities of a document; with `magnitudes`, each number that gives the size of a
    slot (killed, injured, missing, displaced, arrested) carries it."""
    text = doc_text(doc)
    # spaCy sometimes labels a count DATE ("between 20 and 30 soldiers"): a numeric DATE span
    # that did not normalize to a date is a quantity candidate too.
    spans = [
        e
        for e in doc.ents
        if (e.label_ in _LABELS or e.label_ == "DATE" and re.search(r"\d", e.text))
        and not any(s < e.end_char and e.start_char < t for s, t in date_spans)
    ]
    spans = sorted(spans + _unlabelled_numbers(doc, spans, date_spans), key=lambda s: s.start)
    ranges = _merge_ranges(doc, spans, lexicon)
    found: list[Quantity] = []
    for span in ranges:
        previous = next((q.slot for q in reversed(found) if q.slot not in (None, "sum")), None)
        quantity = _quantity(doc, doc_id, span, lexicon, text, magnitudes, previous)
        if quantity is not None:
            found.append(quantity)
    found += _fraction_and_repetition(doc, doc_id, lexicon, text)
    if magnitudes is not None:
        found = sorted(found + _counts_of_none(doc, doc_id, lexicon, text, magnitudes), key=lambda q: q.start)
    return found


_YEAR = re.compile(r"^(1[89]|20)\d\d$")


def _unlabelled_numbers(doc: Doc, labelled: list[Span], date_spans: list[tuple[int, int]]) -> list[Span]:
    """Numbers written in digits that the model left unlabelled ("a toll of 900", "to over
    900"): counted like the labelled ones. A bare year, a number inside a name or a date, and
    a digit inside a word ("G7") are not candidates."""
    taken = {i for span in labelled for i in range(span.start, span.end)}
    found = []
    for token in doc:
        if token.i in taken or not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", token.text) or _YEAR.match(token.text):
            continue
        if token.ent_type_ or any(s <= token.idx < t for s, t in date_spans) or token.dep_ not in _COUNT_DEPS:
            continue
        found.append(Span(doc, token.i, token.i + 1, label="CARDINAL"))
    return found


_COUNT_DEPS = frozenset({"nummod", "pobj", "dobj", "nsubj", "nsubjpass", "conj", "appos", "attr", "npadvmod"})


def _merge_ranges(doc: Doc, spans: list[Span], lexicon: QuantityLexicon) -> list[Span | tuple[Span, Span]]:
    """'400 to 500', '400-500', 'between 400 and 500': two spans that make one range."""
    merged: list[Span | tuple[Span, Span]] = []
    index = 0
    while index < len(spans):
        span = spans[index]
        following = spans[index + 1] if index + 1 < len(spans) else None
        if following is not None and span.label_ == following.label_ and _joins_a_range(doc, span, following, lexicon):
            merged.append((span, following))
            index += 2
        else:
            merged.append(span)
            index += 1
    return merged


def _joins_a_range(doc: Doc, first: Span, second: Span, lexicon: QuantityLexicon) -> bool:
    """Whether two numbers are the ends of one range. 'and' joins ends only after 'between'
    ("between 20 and 30"); otherwise it joins two figures ("2.8 metres and roughly 140 km2")."""
    between = doc_text(doc)[first.end_char : second.start_char]
    if not _range_pattern(lexicon).match(between):
        return False
    if between.strip().split(" ")[0] in _CONJUNCTIONS:
        return first.start > 0 and doc[first.start - 1].lower_ in lexicon.range_openers
    return True


# Joins that also join two figures ("2.8 metres and roughly 140 km2"): a range only after an opener.
_CONJUNCTIONS = frozenset({"and", "et"})


def _quantity(doc: Doc, doc_id: str, found: Span | tuple[Span, Span], lexicon: QuantityLexicon, text: str,
              magnitudes: MagnitudeLexicon | None, previous: str | None) -> Quantity | None:
    first, last = (found, found) if isinstance(found, Span) else found
    start, end = first.start_char, _extended_end(text, last.end_char, lexicon)
    if start > 0 and text[start - 1] in "€$£¥":  # "$5m": spaCy left the currency sign out
        start -= 1
    raw = text[start:end] if last is first else first.text
    inner = _INNER_RANGE.fullmatch(" ".join(raw.lower().replace("-to-", " to ").split()))
    if inner is not None and _value(_range_ends(inner)[0], lexicon) is None and _value(raw, lexicon) is not None:
        inner = None  # "Up to 1,000" opening a sentence is a qualifier, not a range from "up"
    if inner is not None:
        low_raw, high_raw = _range_ends(inner)
        low, high = _value(low_raw, lexicon), _value(high_raw, lexicon)
        if low is None or high is None:
            return None
        qualifier = "range"
        return _finish(doc, doc_id, first, last, start, end, low[0], high[0], qualifier, lexicon, text, magnitudes, previous)
    low = _value(raw, lexicon)
    if low is None:
        return None
    number, qualifier = low
    value_max: float | None = None
    if last is not first:
        high = _value(last.text, lexicon)
        if high is None:
            return None
        value_max = high[0]
        qualifier = "range"
    return _finish(doc, doc_id, first, last, start, end, number, value_max, qualifier, lexicon, text, magnitudes, previous)


# "400-500", "between 20 and 30", "2,000 to 3,000" inside one span; a leading qualifier is kept.
_SCALED = r"(?: (?:million|billion|thousand|hundred))?"
_INNER_RANGE = re.compile(
    r"(?:(?:between|from|some|about|around|roughly) )?"
    rf"(?:(\d[\d,.]*{_SCALED}) ?[-–] ?(\d[\d,.]*{_SCALED})|(\S+{_SCALED}) (?:to|and) (\S+{_SCALED}))"
)


def _range_ends(match: re.Match[str]) -> tuple[str, str]:
    low, high = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    if re.search(r"[a-z]", high) and not re.search(r"[a-z]", low):  # "2 to 3 million": the scale is shared
        low = low + " " + high.split(" ", 1)[1] if " " in high else low
    return low, high


def _extended_end(text: str, end: int, lexicon: QuantityLexicon) -> int:
    """Extend spaCy's span over what it left out: a scale ('$5m', '1.2 bn'), a currency word
    ('1.2 billion euros'), 'per cent', or the second half of a range ('400-500')."""
    rest = text[end : end + 30].lower()
    if m := re.match(r"(?:\s?(?:m|bn|k)\b)", rest):
        return end + m.end()
    currencies = "|".join(sorted((re.escape(c) for c in lexicon.currencies if c.isalpha()), key=len, reverse=True))
    if m := re.match(rf"\s(?:{currencies})\b", rest):
        return end + m.end()
    if m := re.match(r"\s?(?:%|per ?cent\b|percent\b)", rest):
        return end + m.end()
    if m := re.match(r"\s?[-–](?:to[-–])?\s?\d[\d,.]*", rest):
        return end + m.end()
    return end


def _finish(
    doc: Doc, doc_id: str, first: Span, last: Span, start: int, end: int, number: float, value_max: float | None, qualifier: str, lexicon: QuantityLexicon, text: str,
    magnitudes: MagnitudeLexicon | None, previous: str | None,
) -> Quantity | None:
    extended = doc.char_span(start, end, alignment_mode="expand")
    span_tokens = extended if extended is not None else doc[first.start : last.end]
    if qualifier in ("exact", "approximate"):
        told = _qualifier_before(doc, first.start, lexicon) or _qualifier_after(text, end, lexicon)
        qualifier = told or ("about" if qualifier == "approximate" else "exact")
    if _is_not_a_count(span_tokens):
        return None
    measure = _measure(text[start:end], lexicon)
    if measure is not None:
        return Quantity(doc_id, start, end, text[start:end], number, value_max, measure, qualifier, measure)
    unit, about, end, slot, scope = _unit(doc, span_tokens, lexicon, text, end, magnitudes, previous)
    if first.label_ == "PERCENT" or re.search(r"%|per ?cent|percent", text[start:end].lower()):
        unit, slot, scope = "%", None, None
    owner = figure_owner(_number_token(span_tokens), magnitudes, lexicon.of_words) if magnitudes is not None and slot not in (None, "sum") else None
    return Quantity(doc_id, start, end, text[start:end], number, value_max, unit, qualifier, about, slot, scope, owner)


def _value(raw: str, lexicon: QuantityLexicon) -> tuple[float, str] | None:
    """(value, qualifier from inside the span) for '1,000', 'more than €9 million', 'several hundred'."""
    lowered = standard_digits(" ".join(raw.lower().replace("–", "-").replace("’", "'").split()), lexicon)
    qualifier = "exact"
    for phrase, kind in sorted(lexicon.qualifiers.items(), key=lambda item: -len(item[0])):
        if lowered.startswith(phrase + " "):
            lowered, qualifier = lowered[len(phrase) + 1 :], kind
            break
    lowered = re.sub(r"[€$£¥]", "", lowered).strip()
    lowered = _without_currency_words(lowered, lexicon)
    lowered = re.sub(r"\b(?:us )?(?:dollars?|euros?|pounds(?: sterling)?|cfa francs|f?cfa|rubles|roubles|yuan|usd|eur|gbp|xof|rub)\b", "", lowered).strip()
    lowered = lowered.rstrip("%").replace(" percent", "").replace(" per cent", "").strip()
    lowered = _without_measure(lowered, lexicon)
    if (m := re.fullmatch(r"half an? (\w+)", lowered)) and m.group(1) in lexicon.multipliers:
        return 0.5 * lexicon.multipliers[m.group(1)], qualifier
    for phrase, amount in sorted(lexicon.vague.items(), key=lambda item: -len(item[0])):
        if lowered == phrase:
            if phrase in lexicon.approximate_vague:
                return float(amount), "approximate" if qualifier == "exact" else qualifier
            return float(amount), "at_least" if qualifier == "exact" else qualifier
    if m := re.fullmatch(r"(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s*-?\s*(\w+))?", lowered):
        number = float(m.group(1).replace(",", ""))
        scale = m.group(2)
        if scale and scale not in lexicon.multipliers:
            return (number, qualifier) if scale in ("strong", "odd") else None
        return number * (lexicon.multipliers[scale] if scale else 1), qualifier
    words = lowered.replace("-", " ").split()
    if words and all(w in lexicon.number_words or w in lexicon.multipliers or w == "and" for w in words):
        return _words_value(words, lexicon), qualifier
    return None


def _without_currency_words(lowered: str, lexicon: QuantityLexicon) -> str:
    """'1.5 milliard d'euros' -> '1.5 milliard': the language's currency words, with the word
    that links them to the number."""
    words = "|".join(re.escape(c) for c in sorted(lexicon.currencies, key=len, reverse=True) if c.isalpha())
    links = "|".join(re.escape(w) for w in lexicon.of_words)
    if not words:
        return lowered
    return re.sub(rf"\s*(?:(?:{links})\s?)?\b(?:{words})\b$", "", lowered).strip() if links else lowered


def _words_value(words: list[str], lexicon: QuantityLexicon) -> float:
    total, current = 0.0, 0.0
    for word in words:
        if word == "and":
            continue
        if word in lexicon.number_words:
            current += lexicon.number_words[word]
        else:
            current = max(current, 1.0) * lexicon.multipliers[word]
            if lexicon.multipliers[word] >= 1000:
                total, current = total + current, 0.0
    return total + current


def _qualifier_before(doc: Doc, index: int, lexicon: QuantityLexicon) -> str | None:
    if index > 0 and doc[index - 1].dep_ == "prt":  # "handed over three bases": a particle, not "more than"
        return None
    before = " ".join(t.lower_ for t in doc[max(0, index - 3) : index])
    for phrase, kind in sorted(lexicon.qualifiers.items(), key=lambda item: -len(item[0])):
        if before == phrase or before.endswith(" " + phrase):
            return kind
    return None


def _is_not_a_count(tokens: Span) -> bool:
    """'one of these officials' (a pronoun), 'TB-2' (a model name), a lone year."""
    if len(tokens) == 1 and tokens[0].lower_ == "one" and tokens[0].dep_ != "nummod":
        return True
    return any(re.search(r"[A-Za-z]-?\d|\d-?[A-Za-z]{2,}", t.text) and not re.search(r"\d-strong$|^(?:\d[\d,.]*-)?to-\d", t.text)
               for t in tokens)


def _unit(doc: Doc, tokens: Span, lexicon: QuantityLexicon, text: str, end: int,
          magnitudes: MagnitudeLexicon | None, previous: str | None) -> tuple[str, str, int, str | None, str | None]:
    """(unit, what is counted, end of the quantity's span after a rate, magnitude slot, the
    slot's scope) for the number."""
    lowered = text[tokens[0].idx : end].lower()  # with what _extended_end added ("1.2 billion euros")
    currency = next((code for mark, code in sorted(lexicon.currencies.items(), key=lambda item: -len(item[0])) if _has_currency(lowered, mark)), None)
    if currency is not None:
        after = text[end : end + 16].lower()
        for phrase, period in lexicon.periods.items():
            if after.startswith(" " + phrase):
                return f"{currency}/{period}", "amount of money", end + 1 + len(phrase), "sum", None
        return currency, "amount of money", end, "sum", None
    noun = _of_noun(tokens, lexicon) or _counted_noun(tokens, lexicon)
    if noun is not None and noun.lower_ in lexicon.measures:  # "more than 2.8 metres": the model left the unit out
        return lexicon.measures[noun.lower_], lexicon.measures[noun.lower_], end, None, None
    if magnitudes is not None:
        counted = noun if noun is not None and noun.pos_ != "PRON" else None
        finding = magnitude_slot(_number_token(tokens), counted, magnitudes, previous=previous)
        if finding is not None:
            slot = finding.slot
            scope = figure_scope(_number_token(tokens), counted, magnitudes)
            if counted is None or not finding.direct or magnitudes.is_slot_word(counted) or counted.lemma_.lower() in ("people", "person"):
                return magnitudes.unit(slot), magnitudes.unit(slot), end, slot, scope
            return _noun_unit(counted), f"{counted.text} {magnitudes.slots[slot].participle}", end, slot, scope
    if noun is None or noun.pos_ == "PRON":
        noun = _plural_ahead(doc, tokens.end) or _previous_plural(doc, tokens.start, lexicon)
    if noun is None:
        return "", "", end, None, None
    modifiers = [t for t in noun.lefts if t.dep_ in ("amod", "compound") and t.i > tokens.end - 1]
    about = " ".join([t.text for t in modifiers] + [noun.text])
    return _noun_unit(noun), about, end, None, None


def _noun_unit(noun: Token) -> str:
    # A capitalised noun inside a sentence is a name or demonym ("Russians"): keep its case.
    return noun.text if noun.text[:1].isupper() and not noun.is_sent_start else noun.text.lower()


def _number_token(tokens: Span) -> Token:
    """The token holding the number of a quantity's span ('more than 4,000': '4,000')."""
    numeric = [t for t in tokens if t.like_num or t.pos_ == "NUM"]
    return numeric[-1] if numeric else tokens.root


def _qualifier_after(text: str, end: int, lexicon: QuantityLexicon) -> str | None:
    """'50 or less', '10,000 or more': a qualifier told after the number."""
    rest = " ".join(text[end : end + 20].lower().split())
    for phrase, kind in sorted(lexicon.qualifiers_after.items(), key=lambda item: -len(item[0])):
        if rest.startswith(phrase) and (len(rest) == len(phrase) or not rest[len(phrase)].isalpha()):
            return kind
    return None


def _measure_words(lexicon: QuantityLexicon) -> list[str]:
    return sorted(lexicon.measures, key=len, reverse=True)


def _measure(raw: str, lexicon: QuantityLexicon) -> str | None:
    """The symbol of a unit of measurement the quantity's words end with ('about 250 miles': miles)."""
    lowered = " ".join(raw.lower().split())
    for word in _measure_words(lexicon):
        if re.search(rf"[\d\s]{re.escape(word)}$", lowered):
            return lexicon.measures[word]
    return None


def _without_measure(lowered: str, lexicon: QuantityLexicon) -> str:
    for word in _measure_words(lexicon):
        if re.search(rf"[\d\s]{re.escape(word)}$", lowered):
            return lowered[: -len(word)].strip()
    return lowered


def _has_currency(lowered: str, mark: str) -> bool:
    return mark in lowered if not mark.isalpha() else re.search(rf"\b{re.escape(mark)}\b", lowered) is not None


_SCALE_NOUNS = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "score", "scores"})


def _counted_noun(tokens: Span, lexicon: QuantityLexicon) -> Token | None:
    """The noun a number counts: its head, through compound modifiers ('two Kessan KX-7
    drones'), or the noun an adjective like '5,000-strong' modifies."""
    for token in tokens:
        head = token.head
        if token.dep_ in ("nummod", "quantmod", "compound") and head.pos_ in ("NOUN", "PROPN") and head.i >= tokens.end - 1:
            while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i > head.i:
                head = head.head
            if head.lower_ in _SCALE_NOUNS or head.lower_ in lexicon.scale_nouns:  # "two dozen soldiers": the scale is not what is counted
                return None
            return head
        if token.dep_ == "amod" and head.pos_ == "NOUN" and head.lower_ not in _SCALE_NOUNS and head.lower_ not in lexicon.scale_nouns:
            return head
    last = tokens[-1]
    if last.head.pos_ == "ADJ" and last.head.head.pos_ == "NOUN":  # "the 5,000-strong French contingent"
        return last.head.head
    following = tokens.doc[tokens.end] if tokens.end < len(tokens.doc) else None
    return following if following is not None and following.pos_ == "NOUN" and following.tag_ in ("NNS", "NNPS") else None


def _of_noun(tokens: Span, lexicon: QuantityLexicon) -> Token | None:
    """'dozens of civilians', 'tens of thousands of people', 'des centaines de villageois':
    the noun of the last of-phrase after a scale."""
    doc = tokens.doc
    index = tokens.end
    noun = None
    scales = set(lexicon.scale_nouns)
    while index + 1 < len(doc) and doc[index].lower_.replace("’", "'") in lexicon.of_words and doc[index + 1].pos_ in ("NOUN", "PROPN", "NUM", "ADJ", "DET"):
        phrase_end = index + 1
        while phrase_end < len(doc) and doc[phrase_end].pos_ in ("ADJ", "DET", "NUM", "NOUN", "PROPN") and doc[phrase_end].lower_ not in lexicon.of_words:
            phrase_end += 1
        # The phrase's head noun: its last noun in English ("of Russian mercenaries"), its first in
        # French ("de villageois armés"): the noun whose head lies outside the phrase.
        nouns = [t for t in doc[index + 1 : phrase_end] if t.pos_ in ("NOUN", "PROPN")]
        candidate = next((t for t in nouns if not index < t.head.i < phrase_end), doc[phrase_end - 1])
        if candidate.pos_ in ("NOUN", "PROPN") and candidate.lower_ not in scales:
            noun = candidate
        index = phrase_end
    last = tokens[-1]
    return noun if last.lower_ in scales and (noun is not None or last.lower_.endswith("s")) or noun is not None and last.lemma_ in scales else None


def _plural_ahead(doc: Doc, index: int) -> Token | None:
    """A plural a few words on when the parse lost the link ('two Kessan KX-7 drones')."""
    for token in doc[index : min(len(doc), index + 4)]:
        if token.is_punct or token.pos_ in ("ADP", "CCONJ", "SCONJ"):
            return None
        if token.tag_ in ("NNS", "NNPS") or (token.is_lower and token.is_alpha and len(token) > 3 and token.text.endswith("s") and not token.text.endswith("ss")):
            return token
    return None


def _previous_plural(doc: Doc, index: int, lexicon: QuantityLexicon) -> Token | None:
    """The nearest plural noun before the number in its sentence that is no unit of measure."""
    sentence = doc[index].sent
    for token in reversed(doc[sentence.start : index]):
        if token.tag_ == "NNS" and token.lower_ not in lexicon.measures:
            return token
    return None


def _comparison_follows(doc: Doc, index: int) -> bool:
    """'twice as many soldiers': a comparison, not a count of repetitions."""
    return index + 1 < len(doc) and doc[index + 1].lower_ in ("as", "the", "more", "that")


def _counts_of_none(doc: Doc, doc_id: str, lexicon: QuantityLexicon, text: str, magnitudes: MagnitudeLexicon) -> list[Quantity]:
    """Counts of harm told as none ("no civilians were killed", "nobody died", "none of the
    crew was hurt"): zero, where a slot's word governs the denying word as it would a number.
    A count of zero states that no harm of the slot happened; set against a count of some,
    it is the existence of the harm that two accounts dispute. None of what is found of the
    dead ("no bodies were recovered") counts no one: the dead may not be found yet."""
    found = []
    words, partial = frozenset(lexicon.none_words), frozenset(lexicon.none_partial)
    for token in doc:
        if token.lower_ not in words or token.dep_ == "neg":
            continue  # "no fewer than 40", "no more than five": a bound on a figure told, not none
        if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in partial:
            continue  # "no more dead", "no further casualties": nothing new since, not none at all
        if token.dep_ == "det" and token.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and token.head.i > token.i:
            counted: Token | None = token.head  # "no civilians", "no one"
            noun = counted
        elif token.pos_ in ("PRON", "NOUN") or token.dep_ in ("nsubj", "nsubjpass", "dobj"):
            counted = None  # "nobody", "none of the crew": the crew is who is counted, the pronoun what the verb says it of
            noun = next((g for c in token.children if c.dep_ == "prep" and c.lower_ in lexicon.of_words
                         for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
        else:
            continue
        if counted is not None and counted.lemma_.lower() in magnitudes.remains_nouns:
            continue
        finding = magnitude_slot(token, counted, magnitudes)
        if finding is None or not finding.direct or _partial(token, counted, partial):
            continue
        last = noun or token
        start, end = token.idx, max(last.idx + len(last.text), token.idx + len(token.text))
        if noun is not None and (noun.pos_ != "NOUN" or noun.like_num or magnitudes.is_slot_word(noun)):
            noun = None  # "no one", "no deaths": people of the slot
        unit = _noun_unit(noun) if noun is not None else magnitudes.unit(finding.slot)
        about = f"{noun.text} {magnitudes.slots[finding.slot].participle}" if noun is not None else unit
        scope = figure_scope(token, counted, magnitudes)
        found.append(Quantity(doc_id, start, end, text[start:end], 0.0, None, unit, "exact", about, finding.slot, scope))
    return found


def _partial(token: Token, counted: Token | None, partial: frozenset[str]) -> bool:
    """Whether a count told as none is told as none of the new or none yet ("no new deaths",
    "no further casualties", "no casualties were immediately reported", "nobody has been
    found alive yet"): a count of what was added, or one provisional, denies no earlier count."""
    modifiers = [c for c in (counted.children if counted is not None else ()) if c.dep_ in ("amod", "advmod")]
    verb = (counted or token).head
    modifiers += [c for c in verb.children if c.dep_ in ("advmod", "npadvmod")] if verb.pos_ in ("VERB", "AUX") else []
    return any(m.lower_ in partial for m in modifiers)


def _fraction_and_repetition(doc: Doc, doc_id: str, lexicon: QuantityLexicon, text: str) -> list[Quantity]:
    """'reduce ... by half' (a fraction), 'a coup twice' (a count of the noun before it)."""
    found = []
    for token in doc:
        if token.lower_ == "half" and token.i > 0 and doc[token.i - 1].lower_ == "by":
            start = doc[token.i - 1].idx
            found.append(Quantity(doc_id, start, token.idx + len(token.text), text[start : token.idx + len(token.text)], 0.5, None, "fraction", "exact", "share"))
        elif token.lower_ in lexicon.repetitions and token.lower_ != "once" and token.pos_ == "ADV" and not _comparison_follows(doc, token.i):
            noun = next((t for t in reversed(doc[token.sent.start : token.i]) if t.pos_ == "NOUN"), None)
            unit = (noun.lemma_.lower() + "s") if noun is not None else "times"
            found.append(Quantity(doc_id, token.idx, token.idx + len(token.text), token.text, float(lexicon.repetitions[token.lower_]), None, unit, "exact", unit))
    return found
