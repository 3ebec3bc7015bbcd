"""From one number found in a text to a quantity: scale, unit, range, hedge, noun.

`find_number` reads the number at a match of the language's core pattern, grows it to
the right (scale, unit, the second end of a range, the counted noun) and to the left
(a currency symbol, a hedge, a range opener), or drops it when it is not a quantity
(a code, ordinal, date, clock time, year or reference number).
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.lang import load_lang
from pipeline.quantities.found import Found
from pipeline.quantities.fractions import (
    ORDINAL,
    SLASH,
    closing_scale,
    half_of,
    read_fraction,
    slash_fraction,
)
from pipeline.quantities.lexicon import NOT_LETTER_AFTER, Before, Lexicon, trie_pattern
from pipeline.quantities.numbers import numeral_value, words_value
from pipeline.quantities.units import COUNT, Unit, rate, resolve, size_of

_CODE_AFTER = re.compile(r"[.,]\d|/\d")
_LAST_WORD = re.compile(r"(\S{1,20})[\s\u00a0]{1,2}$")
# a share is a measure too: "ein Prozent" is one percent
_NOT_MEASURES = frozenset({"currency", "count", "time"})
_YEARS = (1800, 2100)
# two ends written with scales this far apart are two amounts ('de 132 mil a 99 mil
# millones'), no range
_SCALE_GAP = 1e6
# after 'met' (by), ends further apart than this are a change and the new level
_CHANGE_GAP = 4.0


def find_number(text: str, scan: str, match: re.Match, lex: Lexicon) -> tuple[Found | None, int]:
    """The quantity starting at `match` (found in `scan`, the text as searched: same
    offsets, maybe lowercased) or None, and where the scan goes on."""
    item = _read(text, match, lex)
    if item is None:
        return None, _resume(text, match, lex)
    if _vague_scale(text, item, lex):
        return None, item.end  # past all its scale words: 'several hundred thousand'
    _uncertainty(text, item, lex)
    end = item.end
    if item.unit is not None and item.unit.dimension == "time" and _clock_or_date(text, item, lex):
        return None, end
    year_like = _is_year(item) and not lex.range_start.find(text, item.start)
    second = _range_end(text, scan, item, lex)
    if year_like and second is not None and not _is_year(second):
        return None, end  # 'from 43,421 in 2019 to 90,110 in 2022': a year, then the level
    if second is not None and item.unit is None and _reference_range(text, item, second, lex):
        return None, second.end  # 'ngày 10-11' (a day), 'zwischen 7 und 8 Uhr', 'pages 4-9'
    if second is None and not _over(text, item, lex) and item.weak:
        return None, _resume(text, match, lex)
    if item.unit is None:
        _age(text, item, lex)
    if second is None and _not_quantity(text, item, lex):
        return None, end
    if second is not None and _is_year(second) and (_is_year(item) or _month_of(text, end, item)):
        return None, second.end  # '2019-2021', 'tháng 12-2025'
    _hedge(text, item, lex)
    if item.bound == "eq" and lex.approx and _approx_scale(text, item, lex):
        item.bound = "approx"  # 'une dizaine de morts': about ten
    spelled_part = item.form == "words" and not item.value.is_integer()
    if item.unit is None and item.value_max is None and not spelled_part:
        _noun(text, item, lex)  # 'a quarter century', 'a half hour' count nothing
    return item, item.end


def _age(text: str, item: Found, lex: Lexicon) -> None:
    """'aged 34', 'at age 7', and each of 'aged 18, 19 and 21': a bare number after an
    age word, or in a list of numbers right after one, is an age in years."""
    if item.scale != 1.0:
        return
    listed = _age_list(lex.data.code).search(text, max(0, item.start - 60), item.start)
    counted = lex.noun.match(text, item.end)
    if listed and counted and _plural(counted.group("n"), lex):
        listed = None  # 'aged 12 or 13 and 40 boys': the list ended, a count begins
    if (
        listed
        or _age_before(lex.data.code).find(text, item.start) is not None
        or (lex.data.units.age_apposed and _apposed(text, item, lex))
    ):
        item.unit, item.kind = resolve("year"), "age"


_AFTER_NAME = re.compile(r"(?<![^\W\d_])[^\W\d_]*[A-Z][^\W\d_]*,[ \u00a0]$")
_OLDEST = 120


def _apposed(text: str, item: Found, lex: Lexicon) -> bool:
    """'The Serb, 28, won', 'Jane Doe, 41, of Leeds': a whole number of a lifetime between
    commas right after a capitalised name (no month: 'in March, 12, ...')."""
    return (
        item.form == "num"
        and item.raw.isdigit()
        and 0 < item.value <= _OLDEST
        and text[item.end : item.end + 1] == ","
        and (name := _AFTER_NAME.search(text, max(0, item.start - 40), item.start)) is not None
        and name.group(0).rstrip(", \u00a0") not in lex.data.not_quantity.months
    )


@cache
def _age_before(code: str) -> Before:
    return Before(load_lang(code).units.age_before, gap=r"[\s\u00a0]{1,2}")


@cache
def _age_list(code: str) -> re.Pattern:
    """An age word, then numbers of a list up to the one that ends the match."""
    data = load_lang(code)
    joins = trie_pattern([*data.numbers.connectors, *data.units.list_joins])
    ages = trie_pattern(data.units.age_before)
    return re.compile(
        rf"(?<![^\W\d_])(?i:{ages})(?:[\s\u00a0]{{1,2}}\d{{1,3}}"
        rf"(?:[\s\u00a0]*,|[\s\u00a0]{{1,2}}(?i:{joins})))+[\s\u00a0]{{1,2}}$"
        if data.units.age_before
        else r"(?!x)x"
    )


def _vague_scale(text: str, item: Found, lex: Lexicon) -> bool:
    """'several hundred years', 'a few hundred thousand people': scale words alone after a
    word that makes them vague write no number."""
    if item.form != "words" or lex.vague_before.find(text, item.start) is None:
        return False
    words = [w for w in lex.pieces.findall(item.raw.lower()) if w in lex.words]
    return bool(words) and all(lex.scale_of(w) is not None for w in words)


_PLUS_MINUS = re.compile(r"[ \u00a0]{0,2}(?:\u00b1|\+/[-\u2212]|\+-)[ \u00a0]{0,2}")


def _uncertainty(text: str, item: Found, lex: Lexicon) -> None:
    """'2,000.45 ± 0.01 pounds', '9.8 +/- 0.1 m': the margin after a measurement is part
    of it, and the unit written after the margin is the measurement's."""
    join = _PLUS_MINUS.match(text, item.end)
    match = join and lex.core_any_case.match(text, join.end())
    margin = _read(text, match, lex, joined=True) if match else None
    if margin is None or margin.value < 0:
        return
    if item.unit is not None and margin.unit is not None and item.unit != margin.unit:
        return
    if item.unit is None and margin.unit is not None:
        item.unit, item.unit_surface = margin.unit, margin.unit_surface
    note = f"\u00b1 {margin.value:g}"
    item.note = f"{item.note}; {note}" if item.note else note
    item.end = margin.end


def _approx_scale(text: str, item: Found, lex: Lexicon) -> bool:
    words = lex.pieces.findall(text[item.start : item.end].lower())
    return not lex.approx.isdisjoint(words)


def _clock_or_date(text: str, item: Found, lex: Lexicon) -> bool:
    """'at 2200 hours', 'om 8 uur', 'в 2025 году', 'ngày 4 tháng 11': a time of day or a
    date written with a time unit. Any other time is a duration (or an age)."""
    if item.raw.isdigit() and len(item.raw) == 4 and _YEARS[0] <= item.value <= _YEARS[1]:
        return True
    if lex.cue_before.find(text, item.start) is not None:
        return True
    return item.unit.canonical == "hour" and lex.clock_before.find(text, item.start) is not None


def _month_of(text: str, end: int, item: Found) -> bool:
    """'12-2025', '03/2024': a month glued to the year after it."""
    return text[end : end + 1] in ("-", "/") and item.value in _MONTHS and item.form == "num"


_MONTHS = frozenset(float(month) for month in range(1, 13))


def _over(text: str, item: Found, lex: Lexicon) -> bool:
    """'one over three', '2000 over 3': a fraction, only between two bare numbers that
    end a clause ('20 over 30 years' is no fraction); after a ratio word ('one in three
    adults', '9 out of 10 doctors') a noun may follow a share."""
    join = None if item.unit or item.scale != 1.0 else lex.over.match(text, item.end)
    match = join and lex.core_any_case.match(text, join.end())
    # after a ratio word a weak word is the number it spells (vi 'hai phần ba': two
    # thirds), unless it names a unit too ('một phần năm ngoái': part of last year)
    ratio = bool(join and join.group("r")) and not (match and lex.unit(match.group(0)))
    below = _read(text, match, lex, joined=True, lone=ratio) if match else None
    counted = below is not None and below.unit == COUNT and join.group("r")
    if counted:  # 'seven in ten people': what is counted, no unit of the share
        below.unit, below.noun = None, below.unit_surface
    if below is None or below.unit or below.scale != 1.0 or not below.value:
        return False
    rest = text[below.end : below.end + 2].lstrip()
    if (join.group("r") and not _share(item, below)) or (
        rest and rest[0].isalnum() and not join.group("r")
    ):
        return False
    item.value /= below.value
    item.end, item.noun = below.end, below.noun
    return True


def _share(item: Found, below: Found) -> bool:
    """'one in three': a whole number below a larger one that is no year."""
    return item.value.is_integer() and 0 < item.value < below.value and not _is_year(below)


def _resume(text: str, match: re.Match, lex: Lexicon) -> int:
    """Where to go on after a dropped number: past an identifier it belongs to, or, for
    words that do not read as one number ("a three-foot"), after the first word."""
    if match.group("words") is not None:
        first = lex.pieces.match(match.group(0).lower())
        return match.start() + (first.end() if first else len(match.group(0)))
    return _skip_code(text, match.end())


def _skip_code(text: str, end: int) -> int:
    """Past the rest of an identifier ("192.168.1.2", "4/11/2025") after a dropped number."""
    while _CODE_AFTER.match(text, end):
        end += 1
        while end < len(text) and text[end].isdigit():
            end += 1
    return end


def _read(
    text: str, match: re.Match, lex: Lexicon, joined: bool = False, lone: bool = False
) -> Found | None:
    """The number at `match`, with its scale and its unit; None when it is not a number.
    `lone`: a weak word alone is a number too (the cents in 'one dollar and one')."""
    start, end = match.span()
    raw = match.group(0)
    halved = False
    if match.group("num") is not None:
        if _glued_code(text, start, end, lex, joined):
            return None
        parsed = numeral_value(raw, lex.data.numbers)
        if parsed is None:
            return None
        item = Found(parsed[0], start, end, "num", raw, note=parsed[1])
        if slash_fraction(text, item, lex) is None and not _unit(text, item, lex):
            return None  # "4/11", "24/7": a date or a ratio unless a unit follows
        _spoken_decimal(text, item, lex)
    else:
        item = _read_words(text, start, raw, lex)
        if item is None or (
            _digit_follows(text, item.end) and not _words_then_groups(text, item, lex)
        ):
            return None
        _decimals(text, item, lex)
        halved = half_of(text, item, lex)  # 'nửa triệu': a scale word alone, yet an amount
    fraction = read_fraction(text, item, lex)
    if fraction is ORDINAL:
        return None
    _scale(text, item, lex)
    _money_scale(text, item, lex)
    if item.scale != 1.0 and not fraction:  # "3 millones y medio": half a million more
        read_fraction(text, item, lex, scale=item.scale)
    _more_groups(text, item, lex)
    if item.unit is None:
        _unit(text, item, lex)
    if item.unit is None:
        _times_compared(text, item, lex)
    named_money = _named_money(item)  # before a price: 'een ton per jaar' is money too
    if item.unit is not None and item.unit.dimension in _PER_KINDS:
        _per_unit(text, item, lex)
    # a weak word, then a scale word outside the run: 'une vingtaine' is about twenty
    scaled = item.scale != 1.0
    weak = item.form == "words" and not (fraction or halved or scaled) and _weak(item, lex)
    no_amount = weak and (
        _lone_scale(item, lex)
        or not (named_money or _one_measure(text, item, lex) or _counted(text, item, lex))
    )
    if no_amount and not lone and not _negative_word(text, item, lex):  # "minus one" too
        if not lex.over.match(text, item.end):
            return None  # "a dollar", "una milla" are amounts; "$2 a litre" is a rate
        item.weak = True  # "one over three"
    if item.form == "words" and item.unit is not None and _digit_follows(text, item.end):
        return None
    _negative(text, item, lex)
    _spaced_minus(text, item)
    _dash_after_number(text, item)
    return item


def _decimals(text: str, item: Found, lex: Lexicon) -> None:
    """'two hundred point seventy-one', 'nought point nought four': the number words
    after a decimal word are its digits, one word a digit or one number for them all."""
    join = lex.decimal_word.match(text, item.end)
    match = join and lex.core_any_case.match(text, join.end())
    if not match or match.group("words") is None:
        return
    digits = _decimal_digits(match.group(0), lex)
    end = match.start() + digits[1] if digits else 0
    if digits is None or lex.fraction_times.match(text, end) or lex.fraction_plus.match(text, end):
        return  # 'cinco con tres cuartos', 'once con uno y medio': wholes and fractions
    item.value += float("0." + digits[0])
    item.end = match.start() + digits[1]


_DIGIT_RUN = re.compile(r"\d{1,6}(?![\d.,]\d|[^\W\d_])")


def _spoken_decimal(text: str, item: Found, lex: Lexicon) -> None:
    """'9 komma 7 miljoen': a decimal word between two runs of digits, as transcripts of
    spoken news write a decimal."""
    if not item.raw.isdigit() or item.end != item.start + len(item.raw):
        return
    join = lex.decimal_word.match(text, item.end)
    digits = join and _DIGIT_RUN.match(text, join.end())
    if digits:
        item.value = float(f"{item.raw}.{digits.group(0)}")
        item.end = digits.end()


def _decimal_digits(run: str, lex: Lexicon) -> tuple[str, int] | None:
    """The digits a run of number words spells after a decimal word, and where they end."""
    pieces = [m for m in lex.pieces.finditer(run.lower()) if m.group(0) in lex.words]
    while pieces and lex.scale_of(pieces[-1].group(0)) and lex.words[pieces[-1].group(0)] >= 100:
        pieces.pop()  # a scale after the digits scales the whole: "two point five million"
    values = [lex.words[m.group(0)] for m in pieces]
    if not pieces:
        return None
    if len(values) > 1 and all(v < 10 and v == int(v) for v in values):
        return "".join(str(int(v)) for v in values), pieces[-1].end()
    value = words_value(run[: pieces[-1].end()], lex.data.code, lex.words, lex.pieces)
    if value is None or value != int(value) or value < 0:
        return None
    return str(int(value)), pieces[-1].end()


def _negative(text: str, item: Found, lex: Lexicon) -> None:
    """'minus five', 'negative 3': a negative word before the number, unless it is part
    of a hedge ('al menos 5', 'au moins 5' are 'at least 5')."""
    if text[item.start] in "-\u2212" or lex.hedge.find(text, item.start) is not None:
        return
    found = lex.negative.find(text, item.start)
    if found is not None:
        item.value, item.start = -abs(item.value), found[1]


def _negative_word(text: str, item: Found, lex: Lexicon) -> bool:
    """'minus one', 'negative one': a weak word, not an article, after a negative word."""
    words = lex.pieces.findall(item.raw.lower())
    return not lex.articles.intersection(words) and lex.negative.find(text, item.start) is not None


def _read_words(text: str, start: int, raw: str, lex: Lexicon) -> Found | None:
    """The longest run of number words from `start` that reads as one number: "one and a
    half" is "one", then a fraction."""
    ends = [m.end() for m in lex.pieces.finditer(raw.lower()) if m.group(0) in lex.words]
    for end in reversed(ends[-6:] if len(ends) > 6 else ends):
        value = words_value(raw[:end], lex.data.code, lex.words, lex.pieces)
        if value is not None:
            return Found(value, start, start + end, "words", raw[:end])
        if len(ends) > 6:
            return None
    return None


def _glued_code(text: str, start: int, end: int, lex: Lexicon, joined: bool = False) -> bool:
    """'F-16', 'COVID-19', 'J1149', '192.168.1.2', '4/11', '21st': not amounts. `joined`:
    the second end of a range, whose dash is the range's own."""
    first = start + 1 if text[start] in "-\u2212" else start
    before = text[first - 1] if first > 0 else " "
    if before.isalpha() or before == "_":
        return not _code_is_currency(text, first, end, lex)  # 'EUR29,99' is money
    if before == "^":
        return True  # an exponent: the 2 of 'J/m^2'
    if not joined and before in "-+\u2010\u2011\u2212" and first > 1 and text[first - 2].isalnum():
        if _hyphenated_link(text, first, lex):
            return False  # '20-of-29 passes': a share of attempts, no code
        return not _tally(text, first, end)  # 'F-16', 'J1149.5+6663'
    if SLASH.match(text, end):
        return False  # a fraction or a date: decided once the unit is known
    return bool(_CODE_AFTER.match(text, end) or lex.ordinal.match(text, end))


_LINK_BEFORE = re.compile(r"(?<![^\W\d_])\d{1,4}-([^\W\d_]{1,4})-$")


def _hyphenated_link(text: str, start: int, lex: Lexicon) -> bool:
    """A number, a link word and this one, hyphenated: '20-of-29', '7-of-10'."""
    found = _LINK_BEFORE.search(text, max(0, start - 10), start)
    return found is not None and found.group(1).lower() in lex.unit_links


_LAST_DAY, _LAST_MONTH = 31, 12
_TALLY = re.compile(r"(?<![\w.,\-/])\d{1,4}[-\u2212]$")
_MORE_CODE = re.compile(r"[\-/.,:]\d")


def _tally(text: str, start: int, end: int) -> bool:
    """'passed 218-212', 'voted 51-49': two figures joined by a hyphen, the first larger
    (so no range), each alone (not a part of '0-7432-7356' or '2-3-1'), that cannot be
    a day and a month."""
    before = _TALLY.search(text, max(0, start - 6), start)
    if before is None or _MORE_CODE.match(text, end):
        return False
    first, second = text[before.start() : start - 1], text[start:end]
    if not second.isdigit() or int(first) <= int(second):
        return False
    season = len(first) == 4 and _YEARS[0] <= int(first) <= _YEARS[1]  # '1990-91'
    day_month = int(first) <= _LAST_DAY and int(second) <= _LAST_MONTH  # 'ngày 7-1', '25-10'
    return not (season or day_month)


def _code_is_currency(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """'EUR29,99', 'GBP3,01': a currency code in capitals glued to the amount (a code
    such as 'A320' or 'J1149' names no currency)."""
    found = lex.unit_before.find(text, start)
    if found is None or found[0][:1].islower() or found[1] != start - len(found[0]):
        return False
    unit = lex.unit(found[0], before=True)
    if found[0] in lex.data.units.stand_ins:
        scaled = lex.scale.match(text, end) or lex.money_scale.match(text, end)
        return _lost_sign_amount(text[start:end], bool(scaled))
    return unit is not None and unit.dimension == "currency"


_NUMBER_BEFORE = re.compile(r"\d[ \u00a0]{1,2}$")


def _dash_after_number(text: str, item: Found) -> None:
    """'75 -300mm', '5 -10 °C': a dash glued to a number right after another number is
    the dash between two figures, no minus sign."""
    if text[item.start : item.start + 1] not in ("-", "\u2212") or item.value >= 0:
        return
    if _NUMBER_BEFORE.search(text, max(0, item.start - 3), item.start):
        item.value, item.start = -item.value, item.start + 1


def _lost_sign_amount(raw: str, scaled: bool) -> bool:
    """Whether digits glued after a stand-in for a lost sign are an amount: 'PS3.5m',
    'PS450'. One digit alone is a name: 'PS5' the console, 'PS2'."""
    return scaled or sum(c.isdigit() for c in raw) > 1 or not raw.isdigit()


def _stand_in(text: str, item: Found, written: str, at: int, lex: Lexicon) -> bool:
    """Whether `written` (a unit found at `at`) may be read: any unit but a stand-in for
    a lost sign, which must be glued before an amount; a stand-in read is noted."""
    sign = lex.data.units.stand_ins.get(written)
    if sign is None:
        return True
    if at < item.start and (
        at + len(written) != item.start or not _lost_sign_amount(item.raw, item.scale != 1.0)
    ):
        return False
    item.note = "; ".join(filter(None, [item.note, f"'{written}' read as '{sign}'"]))
    return True


_SPACED_MINUS = re.compile(r"(?:^|[(\[:;=\n])[ \u00a0]?([-\u2212])[ \u00a0]$")
# an en dash typed for a minus, glued to the number after a word: 'een effect van –0,3'
# ('5 –10' after a figure is a range)
_DASH_MINUS = re.compile(r"[^\W\d_][ \u00a0]\u2013$")


def _spaced_minus(text: str, item: Found) -> None:
    """'(- 12 %)', ': - 3': a minus sign and one space before the number, after an opening
    bracket or at the start of a line or clause ('3 - 5' is a range, not -5)."""
    if item.value <= 0 or text[item.start : item.start + 1] in "-\u2212":
        return
    lo = max(0, item.start - 4)
    match = _SPACED_MINUS.search(text, lo, item.start)
    if match is not None:  # '^' matches at the text's start only, not at `lo`
        item.value, item.start = -item.value, match.start(1)
    elif _DASH_MINUS.search(text, max(0, item.start - 3), item.start):
        item.value, item.start = -item.value, item.start - 1  # 'effect van –0,3 procentpunt'


def _digit_follows(text: str, end: int) -> bool:
    rest = text[end : end + 2].lstrip()
    return bool(rest) and rest[0].isdigit()


def _weak(item: Found, lex: Lexicon) -> bool:
    """A lone 'one', 'a', 'ein', or a lone scale word ('thousands'), is no number."""
    words = [w for w in lex.pieces.findall(item.raw.lower()) if w in lex.words]
    return all(w in lex.weak for w in words) or _lone_scale(item, lex)


def _counted(text: str, item: Found, lex: Lexicon) -> bool:
    """vi 'ba người', 'năm chiếc xe': a weak word that is a number right before a counted
    noun (a classifier, or a unit of count)."""
    words = lex.pieces.findall(item.raw.lower())
    if not words or not lex.counted_weak.issuperset(words):
        return False
    return lex.counted_noun.match(text, item.start + len(item.raw)) is not None


def _named_money(item: Found) -> bool:
    return (
        item.unit is not None
        and item.unit.dimension == "currency"
        and (item.unit_surface or "").replace(" ", "").isalpha()
    )


TIMES = resolve("times")
_TWO_WORDS = re.compile(r"[\s\u00a0]{1,2}([^\W\d_]{1,20})[\s\u00a0]{1,2}([^\W\d_]{1,20})")


def _times_compared(text: str, item: Found, lex: Lexicon) -> None:
    """'3 times higher', 'four times as much', 'twice'-like 'three times the average': a
    multiplier when a comparison follows; 'won 3 times' stays a count."""
    data = lex.data.numbers.multipliers
    if not data.words:
        return
    pair = _TWO_WORDS.match(text, item.end)
    if pair is None or pair.group(1).lower() not in data.words:
        return
    if pair.group(2).lower() in data.compared:
        item.unit, item.unit_surface, item.end = TIMES, pair.group(1), pair.end(1)


def _one_measure(text: str, item: Found, lex: Lexicon) -> bool:
    """'one mile', 'una milla', 'één kilometer': a weak word that means one before a
    unit of measure written as a word, not after an amount ('$2 a litre', '5 euro een kilo')."""
    unit, surface = item.unit, (item.unit_surface or "")
    letters = surface.replace(" ", "").replace(".", "")  # 'una t.métrica', 'один кв. км'
    if (
        unit is None
        or unit.dimension in _NOT_MEASURES
        or not (letters.isalpha() and len(surface) > 2)
    ):
        return False
    article = any(w in lex.articles for w in lex.pieces.findall(item.raw.lower()))
    if article and (surface.lower() not in lex.article_units or _priced(text, item, lex)):
        return False
    before = _LAST_WORD.search(text, max(0, item.start - 24), item.start)
    if before is None:
        return True
    word = before.group(1).strip(".,;:")
    return not (word[-1:].isdigit() or lex.unit(word) or lex.unit(word, before=True))


# the rest of a clause: up to its end, a decimal point no end ('was 185.4p on Monday')
_CLAUSE_REST = re.compile(r"(?:[^.;!?]|(?<=\d)\.(?=\d)){0,80}")
_TOKEN = re.compile(r"[^\W\d_]+|[^\w\s]")


def _priced(text: str, item: Found, lex: Lexicon) -> bool:
    """'a litre of milk costs 2 dollars': money later in the clause makes 'a litre' what a
    price is per, no amount of its own."""
    rest = _CLAUSE_REST.match(text, item.end).group(0)
    for token in _TOKEN.findall(rest):
        unit = lex.unit(token) or lex.unit(token, before=True)
        if unit is not None and unit.dimension == "currency" and not _reads_as(token, item, lex):
            return True
    return False


def _reads_as(word: str, item: Found, lex: Lexicon) -> bool:
    """`word` has another reading in the item's own measure: nl 'een metrische ton is
    2.204,62 pond' converts a weight into pounds, no price."""
    measure = item.unit.dimension if item.unit is not None else None
    return any(
        word.lower() in written and unit.dimension == measure
        for written, _, unit in _context_readings(lex.data.code)
    )


def _lone_scale(item: Found, lex: Lexicon) -> bool:
    """'millions of', 'billones de', ru 'десятки тысяч': a vague scale word with no
    number before it is no amount, nor are the scales after it."""
    words = [w for w in lex.pieces.findall(item.raw.lower()) if w in lex.words]
    return bool(words) and words[0] in lex.vague


def _scale(text: str, item: Found, lex: Lexicon) -> None:
    for _ in range(3):  # "2 mil millones", "three lakh crore"
        match = lex.scale.match(text, item.end)
        if match is None:
            return
        factor = lex.scale_of(match.group("s") or match.group("g") or match.group("l") or "")
        if factor is None or _longer_unit(text, item.end, match.end(), lex):
            return
        tail = _last_group(item, lex) if factor < 100 else None
        if tail is not None:  # "three hundred and two dozen": 300 + 2 x 12
            item.value += tail * (factor - 1)
        else:
            item.value *= factor
            item.scale *= factor
        item.last_scale = factor
        item.end = match.end()


def _longer_unit(text: str, start: int, scale_end: int, lex: Lexicon) -> bool:
    """'10 mi por hora', '5 m/s': a unit whose name begins with a scale word and goes on
    past it is read as the unit ('mi' is 'milhões', 'm' a million)."""
    unit = lex.unit_after.match(text, start)
    return unit is not None and unit.end() > scale_end and lex.unit(unit.group("u")) is not None


def _money_scale(text: str, item: Found, lex: Lexicon) -> None:
    """'£3.5m', 'PS40m': a letter that scales digits only after a currency sign."""
    if item.scale != 1.0 or item.form != "num":
        return
    match = lex.money_scale.match(text, item.end)
    if match is None:
        return
    found = lex.unit_before.find(text, item.start)
    unit = found and lex.unit(found[0], before=True)
    if (unit and unit.dimension == "currency") or _counted_after(text, match, lex):
        factor = lex.scales[match.group(0)]
        item.value, item.scale, item.last_scale = item.value * factor, factor, factor
        item.end = match.end()


def _counted_after(text: str, suffix: re.Match, lex: Lexicon) -> bool:
    """'2m people', '1.5m barrels a day': a glued money suffix before what is counted
    (a plural noun, a listed noun, a unit of another kind than the suffix's own) scales
    the number; before a size word or a singular noun ('a 2m wall') it is its unit."""
    after = _WORD_AFTER.match(text, suffix.end())
    if after is None:
        return False
    word = after.group(1).lower()
    numbers = lex.data.numbers
    if word in numbers.suffix_not_counts:
        return False
    if word in numbers.suffix_counts:
        return True
    written = lex.unit_after.match(text, suffix.end())  # 'Swiss francs' is one unit
    unit = lex.unit(written.group("u")) if written else None
    own = lex.unit(suffix.group(0))
    if unit is not None:
        return own is None or unit.dimension != own.dimension
    return len(word) > 3 and _plural(word, lex) and word not in lex.stopwords


def _last_group(item: Found, lex: Lexicon) -> float | None:
    """The number words after the last hundred or thousand ('two' in 'three hundred and
    two'): what a dozen after them multiplies. None when there is no such word."""
    if item.form != "words" or item.value < 100:
        return None
    pieces = [m for m in lex.pieces.finditer(item.raw.lower()) if lex.words.get(m.group(0))]
    big = [m for m in pieces if (lex.scale_of(m.group(0)) or lex.words[m.group(0)]) >= 100]
    if not big or big[-1] is pieces[-1]:
        return None
    return words_value(item.raw[big[-1].end() :], lex.data.code, lex.words, lex.pieces)


def _words_then_groups(text: str, item: Found, lex: Lexicon) -> bool:
    """'un millón 852 mil', 'two million 300 thousand': number words ending in a scale
    word, then digits with a smaller scale; whether such groups followed."""
    item.last_scale = closing_scale(item, lex)
    end = item.end
    _more_groups(text, item, lex)
    return item.end != end


def _more_groups(text: str, item: Found, lex: Lexicon) -> None:
    """'4 thousand 3 hundred and 21', '2 millones 500 mil': a number with a scale word
    goes on with a smaller group, itself ending in a scale word or joined by a connector
    after 'hundred' ('3 hundred and one'). Where the language joins a thousand to a larger
    scale ('mil millones'), a thousand still open takes the next group's scale too:
    '99 mil 400 millones' is (99 000 + 400) millones."""
    for _ in range(4):
        if item.last_scale < 100 or not text[item.end - 1].isalpha():
            return
        join = lex.group_join.match(text, item.end)
        match = join and lex.core_any_case.match(text, join.end())
        part = _group(text, match, lex) if match else None
        if part is None or part.value <= 0:
            return
        # the thousand is still open: '99 mil', or in words 'dos mil' (scale in the run)
        open_scale = item.scale == item.last_scale or (item.form == "words" and item.scale == 1)
        if (item.last_scale, part.last_scale) in lex.joined_scales and open_scale:
            item.value = (item.value + part.value / part.last_scale) * part.last_scale
            item.scale = part.last_scale * item.last_scale
        elif part.value >= item.last_scale or (
            part.scale == 1.0
            and not (join.group("c") and item.last_scale == 100)
            and not _rest_of_scale(item, part, join)
        ):
            return
        else:
            item.value += part.value
        item.end, item.last_scale = part.end, part.last_scale


def _rest_of_scale(item: Found, part: Found, join: re.Match) -> bool:
    """'3 mil 200 personas', 'dos mil 50 pesos', '2 millions 300 000': a whole number
    right after a scale word, below it and not below its next smaller group, is the
    rest of it. After a thousand: up to three plain digits; after a million or more:
    digits written in groups ('2 millones 300 personas' and '5 millions 2020' are not)."""
    scale = item.last_scale
    if join.group("c") or part.form != "num" or not part.value.is_integer():
        return False
    if not scale / _THOUSAND <= part.value < scale:
        return False
    return part.raw.isdigit() if scale == _THOUSAND else not part.raw.isdigit()


_THOUSAND = 1000.0


def _group(text: str, match: re.Match, lex: Lexicon) -> Found | None:
    """A whole number, digits or words, and its scale: one group of a longer number."""
    if match.group("words") is not None:
        part = _read_words(text, match.start(), match.group(0), lex)
    elif match.group(0).isdigit():
        part = Found(float(match.group(0)), match.start(), match.end(), "num", match.group(0))
    else:  # '300 000', '500.000': a whole number in groups
        parsed = numeral_value(match.group(0), lex.data.numbers)
        if parsed is None or not parsed[0].is_integer() or parsed[0] < 0:
            return None
        part = Found(parsed[0], match.start(), match.end(), "num", match.group(0))
    if part is not None:
        _scale(text, part, lex)
    return part


_BRACKET_PAIRS = frozenset({"()", "[]", "{}", "<>"})
# '1.299,- Euro', '24,-- EUR': a dash for the cents of a whole amount of money
_DASH_CENTS = re.compile(r"[.,](?:--?|\u2013|\u2014)")


def _unit(text: str, item: Found, lex: Lexicon) -> bool:
    match = lex.unit_after.match(text, item.end) or _bracketed_unit(text, item.end, lex)
    dash = _DASH_CENTS.match(text, item.end) if match is None else None
    if dash is not None and item.form == "num":
        match = lex.unit_after.match(text, dash.end())
        unit = match and lex.unit(match.group("u"))
        match = match if unit and unit.dimension == "currency" else None
    if match is not None and _next_amount_sign(text, match, lex):
        match = None  # '€1.3bn-€1.5bn', '$10-$12': the sign of the second end
    clock = lex.cue_after.match(text, item.end)
    if match is not None and clock is not None and clock.end() > match.end():
        match = None  # '10 p.m.': a time of day, not 10 pence
    if match is not None:
        unit = lex.unit(match.group("u"))
        if (
            unit is not None
            and not _plain_word(text, match, lex)
            and not _year_mark(item, match)
            and _stand_in(text, item, match.group("u"), match.start("u"), lex)
        ):
            unit = _hotter_than_air(item, _in_context(text, item.start, match, lex)) or unit
            item.unit, item.unit_surface, item.end = unit, match.group("u"), match.end()
            if unit.dimension == "currency":
                _subunit(text, item, lex)
            elif unit.dimension in _PARTED:
                _smaller_part(text, item, lex)
            return True
    sign = text[item.start] in "-\u2212"
    found = lex.unit_before.find(text, item.start)
    if found is not None:
        unit = lex.unit(found[0], before=True)
        if unit is not None and _stand_in(text, item, found[0], found[1], lex):
            item.unit, item.unit_surface, item.start = unit, found[0], found[1]
            if sign:
                item.value = -abs(item.value)
            if unit.dimension == "currency":
                _subunit(text, item, lex)  # '$5 and 50 cents'
            return True
    return False


# measures written as a larger unit and the rest in a smaller one ('5ft 10in', '7lb
# 8oz'); times are left as two ('2 hours 30 minutes' are often two figures in news)
_PARTED = frozenset({"length", "mass"})
_PART_JOIN = re.compile(r"[ \u00a0]{1,2}|-")


def _smaller_part(text: str, item: Found, lex: Lexicon) -> None:
    """'5ft 10in', '5 feet 10 inches', '7lb 8oz', '6-foot-4': digits right after a
    measure, in a smaller unit of its dimension (or, after a hyphen, in the smaller unit
    the language says the first implies) and less than one of its units, add to it."""
    size = size_of(item.unit)
    join = _PART_JOIN.match(text, item.end) if size else None
    match = lex.core_any_case.match(text, join.end()) if join else None
    if match is None or match.group("num") is None:
        return
    part = _read(text, match, lex, joined=True)
    if part is None or part.scale != 1.0 or part.value < 0 or part.value_max is not None:
        return
    unit = part.unit
    if unit is None and join.group(0) == "-":
        implied = lex.data.units.implied_subunits.get((item.unit_surface or "").lower())
        unit = lex.unit(implied) if implied else None
        if unit is None or text[part.end : part.end + 1].isalnum():
            return  # '6-foot-4x' is a code
    same = unit is not None and unit.dimension == item.unit.dimension
    part_size = size_of(unit) if same else None
    if part_size is None or part.value * part_size >= size:
        return
    item.value += part.value * part_size / size
    item.end = part.end


_DIGIT_NEXT = re.compile(r"[ \u00a0]?\d")


def _next_amount_sign(text: str, match: re.Match, lex: Lexicon) -> bool:
    """A sign written before amounts ('€', '$') after a dash and before digits: it opens
    the next figure, not this one's unit."""
    written = match.group("u")
    dashed = "-" in text[match.start() : match.start("u")] or "\u2013" in match.group(0)
    return (
        dashed
        and written in lex.data.units.before
        and _DIGIT_NEXT.match(text, match.end()) is not None
    )


# how `Lexicon.unit_bracketed` starts: a few spaces, then an opening bracket
_BRACKET_OPENS = re.compile(r"[\s\u00a0]{0,2}[(\[{<]")


def _bracketed_unit(text: str, end: int, lex: Lexicon) -> re.Match | None:
    """'20 (kg)', '20 [kg]': a unit alone between a pair of brackets after the number."""
    if _BRACKET_OPENS.match(text, end) is None:  # spares compiling the unit pattern
        return None
    match = lex.unit_bracketed.match(text, end)
    if match is None or match.group("o") + match.group("c") not in _BRACKET_PAIRS:
        return None
    return match


def _year_mark(item: Found, match: re.Match) -> bool:
    """'by 2031″': a quote or prime sign after a year closes a quotation (or is a stray
    mark); no one measures 2031 inches."""
    written = match.group("u")
    return len(written) == 1 and not written.isalnum() and _is_year(item)


def _plain_word(text: str, match: re.Match, lex: Lexicon) -> bool:
    """A unit sign that closes a quote ('"We need 9"' against 'a 9" plate'), or a unit
    word that is a common word too unless the clause ends after it ('2 in.' against '2
    in the morning')."""
    written = match.group("u")
    sized = _size_after(lex.data.code).match(text, match.end()) is not None
    if written in lex.data.speech.quote_either:
        if match.start("u") != match.start() and not sized:
            return True  # '$ 48 " is not adequate': a sign for inches is written glued
        line = text.rfind("\n", 0, match.start()) + 1
        return text.count(written, line, match.start()) % 2 == 1
    spaced = match.start("u") != match.start()  # '2in' glued is no preposition
    if written.lower() in lex.data.units.clause_final and spaced and not sized:
        rest = text[match.end() : match.end() + 2].lstrip()
        return bool(rest) and rest[0].isalnum()
    return False


@cache
def _size_after(code: str) -> re.Pattern:
    """A word of size right after a unit ('long' in '10 " long', 'thick' in '2 in thick'):
    the sign or word before it measures something."""
    words = trie_pattern(load_lang(code).units.size_after)
    return re.compile(rf"[\s\u00a0]{{1,2}}(?i:{words})(?![^\W\d_])")


_NEAR = (60, 40)  # characters looked at before the number and after its unit


# the hottest air ever measured is 57 degrees Celsius: a bare degree of the weather above
# it ('highs near 100 degrees', 'feels like 102-106°') is an American's Fahrenheit
_HOTTEST_AIR_C = 57.0


def _hotter_than_air(item: Found, unit: Unit | None) -> Unit | None:
    """A temperature that the context read as Celsius, in Fahrenheit when no air is so hot."""
    if unit is None or unit.canonical != "celsius" or item.value * item.scale <= _HOTTEST_AIR_C:
        return unit
    return resolve("fahrenheit")


def _in_context(text: str, start: int, match: re.Match, lex: Lexicon) -> Unit | None:
    """The unit a context-dependent unit word has here ('20 pounds' near 'weighs'),
    or None when it keeps its plain reading."""
    written = match.group("u").lower()
    readings = [r for r in _context_readings(lex.data.code) if written in r[0]]
    plain = lex.unit(match.group("u"))
    # a measure near outweighs a plain reading that is money or a thing counted ('880
    # libras' beside kg), not one that is a measure too ('a 15 kt warhead' at 7,000 km/h
    # stays a yield)
    weighs = plain is None or plain.dimension in ("currency", "count")
    for _, cues, unit in readings:
        low, high = max(0, start - _NEAR[0]), match.end() + _NEAR[1]
        if cues.search(text[low:high].lower()):
            return unit
        # ... and only where one reading has that measure: '30 degrees (86 °F)' is a
        # temperature of either scale, no Fahrenheit for it
        alone = sum(other.dimension == unit.dimension for _, _, other in readings) == 1
        if weighs and alone and _measured_near(text, low, high, unit, lex):
            return unit
    return None


_NUMBER_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")


def _measured_near(text: str, low: int, high: int, unit: Unit, lex: Lexicon) -> bool:
    """Whether an amount of the reading's own measure stands near: 'a tonne is 2,204.62
    pounds', 'pesa 2 kilos (4,4 libras)' weigh, whatever the words around. A measure only:
    money near a 'ton' does not make it a sum ('20 ton zand kostte 500 euro')."""
    if unit.dimension in _NOT_MEASURES:
        return False
    for token in _NUMBER_TOKEN.finditer(text, low, high):
        if not (token.group(0)[0].isdigit() or token.group(0).lower() in lex.words):
            continue
        after = lex.unit_after.match(text, token.end())
        near = after and lex.unit(after.group("u"))
        if near is not None and near.dimension == unit.dimension:
            return True
    return False


@cache
def _context_readings(code: str) -> tuple[tuple[frozenset[str], re.Pattern, Unit], ...]:
    readings = []
    for reading in load_lang(code).units.in_context:
        unit = resolve(reading.unit)
        if unit is not None and reading.words:
            cues = re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, reading.words)) + ")")
            readings.append((frozenset(w.lower() for w in reading.written), cues, unit))
    return tuple(readings)


_WORD_AFTER = re.compile(r"[\s\u00a0]{1,2}([^\W\d_]{1,20})")
_PER_KINDS = frozenset({"currency", "volume", "mass", "energy", "data", "length"})


def _per_unit(text: str, item: Found, lex: Lexicon) -> None:
    """'$350 per kg', '$80 a barrel', '€0.30/kWh': a price for one unit of a measure;
    '2 million barrels a day': a flow."""
    join = _per_join(lex.data.code).match(text, item.end)
    match = lex.unit_after.match(text, join.end()) if join else None
    per = lex.unit(match.group("u")) if match else None
    if per is not None and per.dimension == "time":
        after = _WORD_AFTER.match(text, match.end())
        if after and after.group(1).lower() in lex.data.units.not_rate_after:
            return  # '$1.2bn a year earlier', 'dólares el año pasado': no price per year
    priced = rate(item.unit, per) if per is not None and item.unit is not None else None
    if priced is not None:
        item.unit, item.end = priced, match.end()


@cache
def _per_join(code: str) -> re.Pattern:
    words = load_lang(code).units.per_words
    spaced = [re.escape(w) for w in words if w.isalpha()]
    signs = [re.escape(w) for w in words if not w.isalpha()]
    parts = [rf"[\s\u00a0]{{1,2}}(?i:{'|'.join(spaced)})[\s\u00a0]{{1,2}}"] if spaced else []
    parts += [rf"[\s\u00a0]{{0,2}}(?:{'|'.join(signs)})[\s\u00a0]{{0,2}}"] if signs else []
    return re.compile("|".join(parts) or r"(?!x)x")


def _subunit(text: str, item: Found, lex: Lexicon) -> None:
    """'3 dollars 50 cents', 'trece euros y cuarenta y cinco céntimos', 'zwei Euro
    fünfzig': the cents after an amount of money belong to it."""
    if item.unit.factor < 1:
        return  # '64,2 cents une douzaine': cents have no cents
    join = lex.subunit_join.match(text, item.end)
    match = lex.core_any_case.match(text, join.end()) if join else None
    part = _read(text, match, lex, joined=True, lone=True) if match else None
    if part is not None and part.unit is None and part.form == "words":
        _coin_word_last(part, lex)
    if part is None or part.scale != 1.0 or part.value <= 0 or _after_article(part, lex):
        return  # '64 cents a dozen' is a price per dozen
    if part.unit is not None and part.unit.dimension == "currency" and part.unit.factor < 1:
        item.value += part.value * part.unit.factor
    elif (
        part.unit is None
        and _bare_cents(text, item, part, join, lex)
        and _cents_end(text, part, join, lex)
    ):
        item.value += part.value / 100  # 'zwei Euro fünfzig', '15 dólares y 15.'
    else:
        return
    item.end = part.end


def _coin_word_last(part: Found, lex: Lexicon) -> None:
    """'treize euros et quarante-cinq cents': after an amount and a join, a last number
    word that also names a coin ('cents', a hundred in French) is the coin: the words
    before it count them."""
    pieces = list(lex.pieces.finditer(part.raw.lower()))
    coin = lex.unit(pieces[-1].group(0)) if len(pieces) > 1 else None
    if coin is None or coin.dimension != "currency" or coin.factor >= 1:
        return
    count = words_value(part.raw[: pieces[-1].start()], lex.data.code, lex.words, lex.pieces)
    if count is not None and count > 0:
        part.value, part.unit, part.scale = count, coin, 1.0


def _bare_cents(text: str, item: Found, part: Found, join: re.Match, lex: Lexicon) -> bool:
    """Cents written with no word for them: right after the amount, or after a join word
    when they end the clause and the amount is a plain sum ('15 dollars and 15.') that
    opens no range ('between $20 and 40.')."""
    if not (part.value < 100 and part.value.is_integer()):
        return False
    if not join.group("j"):
        return True
    plain = item.scale == 1.0 and item.value.is_integer()
    return plain and lex.range_start.find(text, item.start) is None


def _cents_end(text: str, part: Found, join: re.Match, lex: Lexicon) -> bool:
    """Whether bare cents end where they stop: at the clause's end, before a join word
    ('one dollar and two and ...'), or, written right after the amount, before a function
    word ('twaalf euro vijftig voor de lunch'); before any other word they may count it."""
    if _ends(text, part):
        return True
    after = _WORD_AFTER.match(text, part.end)
    word = after.group(1).lower() if after else ""
    if word in lex.subunit_words:
        return True
    return not join.group("j") and word in lex.stopwords


def _after_article(item: Found, lex: Lexicon) -> bool:
    first = lex.pieces.match(item.raw.lower()) if item.form == "words" else None
    return first is not None and first.group(0) in lex.articles


def _ends(text: str, item: Found) -> bool:
    """Nothing but punctuation or the end of the text after `item`."""
    return _ends_at(text, item.end)


def _ends_at(text: str, end: int) -> bool:
    rest = text[end : end + 2].strip()
    return not rest or not rest[0].isalnum()


def _range_end(text: str, scan: str, item: Found, lex: Lexicon) -> Found | None:
    """'between 3 and 5 million', '3-5 Mio.', 'từ 3 đến 5 triệu': both ends, one unit."""
    opener = lex.range_start.find(text, item.start)
    join = opener and lex.range_join.match(text, item.end)
    if join and _and_after_from(join.group(0), opener[0], lex):
        _share_unit(text, item, join.end(), lex)
        join = None  # 'de 200 y 500 euros', 'van 30 en 40 mensen': two figures
    join = (
        join
        or (text[item.end : item.end + 1] == "-" and lex.range_join.match(text, item.end + 1))
        or lex.range_dash.match(text, item.end)
    )  # the second: a suspended hyphen, '8- to 16-metre'
    if not join:
        return None
    at = join.end()
    symbol = _symbol_at(lex.data.code).match(text, at) if item.unit is not None else None
    at = symbol.end() if symbol else at  # 'between $3 and $5 million'
    match = lex.core.match(scan, at) if scan is not text else None
    match = match or lex.core_any_case.match(text, at)
    second = _read(text, match, lex, joined=True) if match else None
    if second is None or not _same_kind(text, item, second):
        return None
    _open_thousand(item, second, lex)
    if opener and opener[0].lower() in lex.change_start and _whole(item, second):
        return None  # 'pasó de $us 103 millones a $us 133 millones': from one to the other
    if opener and opener[0].lower() in lex.change_start and _change_verb(text, opener[1], lex):
        _share_second(item, second)  # 'rose from 2 to 3 million tonnes'
        return None
    value = item.value
    # a scale written once is both ends': 'between 2 and 3 million', and in words,
    # where it is part of the run, 'entre dos y tres millones'
    second_scale = second.scale if second.scale != 1.0 else closing_scale(second, lex)
    if item.scale == 1.0 and closing_scale(item, lex) == 1.0 and second_scale != 1.0:
        value *= second_scale
    low, high = value, second.value
    if value > second.value < 0:
        low, high = second.value, value  # '-18 °C to -34 °C': the colder end is the low one
    if low > high or (item.scale > 1.0 and second.scale >= item.scale * _SCALE_GAP):
        return None
    if _change_then_level(text, item, join, low, high, lex):
        return None
    item.value = low
    item.unit = item.unit or second.unit
    item.unit_surface = item.unit_surface or second.unit_surface
    item.value_max, item.end, item.bound = high, second.end, "range"
    if opener:
        item.start = opener[1]
    return second


def _share_second(item: Found, second: Found, with_surface: bool = True) -> None:
    """The first of two levels takes the scale and the unit written once with the second
    ('from $3 to $5 million', 'from 2 to 3 million tonnes'); with `with_surface`, the
    unit's words too."""
    if item.unit is not None and item.unit != second.unit:
        return
    if item.scale == 1.0 and second.scale != 1.0:
        item.value *= second.scale
        item.scale = second.scale
    if item.unit is None and second.unit is not None:
        item.unit = second.unit
        if with_surface:
            item.unit_surface = second.unit_surface
        note = "unit of the figure after it"
        item.note = f"{item.note}; {note}" if item.note else note


_ADVERB_BEFORE = re.compile(r"[\s\u00a0]+[^\W\d_]+ly[\s\u00a0]*$")


def _change_verb(text: str, start: int, lex: Lexicon) -> bool:
    """A verb of change before 'from' ('rose from 120 to 150', 'fell sharply from'): a
    level before and one after, two figures."""
    adverb = _ADVERB_BEFORE.search(text, max(0, start - 20), start)
    at = adverb.start() if adverb else start
    return lex.change_verbs.find(text, at) is not None


def _change_then_level(
    text: str, item: Found, join: re.Match, low: float, high: float, lex: Lexicon
) -> bool:
    """'steeg met 15.000 tot 240.000': after a word for the amount of a change, a word
    that could join a range leads to the new level. Two ends close together are still
    a range ('met 20 tot 30 procent'); a level many times the change is not."""
    if not join.group(0).strip().isalpha():
        return False
    if lex.change_by.find(text, item.start) is not None:
        return low <= 0 or high > _CHANGE_GAP * low
    # after a verb alone, both ends above zero: 'fall to -12 °C to -20 °C' is a range
    return low > 0 and high > _CHANGE_GAP * low and _changed_in_clause(text, item, lex)


_CLAUSE_REACH = 40  # characters before a figure searched for the verb of its change


def _changed_in_clause(text: str, item: Found, lex: Lexicon) -> bool:
    """A verb of change earlier in the figure's clause, the figure with its own unit
    ('shares dropped 4%, or 21.4p to 553.5p'): it is how much, the one after 'to' the
    new level."""
    if item.unit is None or lex.range_start.find(text, item.start):
        return False  # 'rose 2 to 3 percent', 'rose between 2% and 9%': a range
    start = max(0, item.start - _CLAUSE_REACH)
    last = None
    for verb in _change_verb_words(lex.data.code).finditer(text, start, item.start):
        last = verb
    return last is not None and _CLAUSE_END_MARK.search(text, last.end(), item.start) is None


_CLAUSE_END_MARK = re.compile(r"[.;:!?]")


@cache
def _change_verb_words(code: str) -> re.Pattern:
    words = load_lang(code).hedges.change_verbs
    return re.compile(rf"(?<![^\W\d_])(?i:{trie_pattern(words)}){NOT_LETTER_AFTER}")


def _open_thousand(first: Found, second: Found, lex: Lexicon) -> None:
    """'de 12 mil a 15 mil millones', 'de 3 mil para 4 mil milhões': where the language
    writes a larger scale as two words ('mil millones'), a first end that stops at the
    thousand takes the larger scale its second end writes after its own thousand, whether
    the two make a range or a change (a fall from 132 to 99 'mil millones')."""
    if first.unit is not None:
        return  # '$12 mil to ...': the first end is written whole
    if first.form == "words":
        small = closing_scale(first, lex) if first.scale == 1.0 else 0.0
    else:
        small = first.scale if first.scale == first.last_scale else 0.0
    large = second.scale / small if small else 0.0
    # the second's thousand is read with the larger scale ('99 mil 400 millones'), or
    # the two words are one scale word of the language ('15 mil millones')
    if (small, large) in lex.joined_scales and second.last_scale in (large, second.scale):
        first.value *= large
        first.scale *= large
        first.last_scale = large


def _share_unit(text: str, item: Found, at: int, lex: Lexicon) -> None:
    """'de 200 y 500 euros', 'of 2 and 3 million tonnes': the first of two figures joined
    by 'and' takes the unit and scale written once after the second."""
    match = lex.core_any_case.match(text, at)
    second = _read(text, match, lex, joined=True) if match else None
    if second is None or second.unit is None or item.unit is not None:
        return
    _share_second(item, second, with_surface=False)


def _and_after_from(join: str, opener: str, lex: Lexicon) -> bool:
    """An 'and' after a from-word ('de', 'van', 'from'): 'and' closes a range only after
    'between'."""
    return opener.lower() in lex.change_start and join.strip().lower() in lex.between_joins


def _whole(first: Found, second: Found) -> bool:
    """Whether both ends of a from-to are written whole: each with its unit and its own
    scale word. A range writes what its ends share once ('from $3 to $5 million'); one
    that repeats only the unit ('ranged from -18 °C to -34 °C', '$350 per kg to $680 per
    kg') is still read as a range, as quantulum3's suite does; repeating the scale word
    too ('de $us 103 millones a $us 133 millones') names two amounts."""
    return (
        first.scale > 1.0
        and first.unit is not None
        and second.unit is not None
        and second.unit_surface is not None
        and first.scale == second.scale
        and first.last_scale == second.last_scale
    )


@cache
def _symbol_at(code: str) -> re.Pattern:
    """A unit written before a number ('$', 'US$', 'EUR'), right before a digit."""
    signs = sorted(load_lang(code).units.before, key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, signs))})[\\s\u00a0]{{0,2}}(?=\\d)")


def _same_kind(text: str, first: Found, second: Found) -> bool:
    """Whether two figures may be the ends of one range: one unit, or one left unsaid.
    Two units of one dimension ('150 millas por hora y 240 kilómetros por hora') are two
    figures, the second often the first converted."""
    if first.unit is not None and second.unit is None:
        # a range writes a unit after its numbers once, after the last ('3 to 4%'); one
        # written after the first alone starts a change ('fell 0.8% to 7,512'), while a
        # sign before the first stands for both ('$3 to 5 million')
        return text.startswith(first.unit_surface or "", first.start)
    if first.unit is None or second.unit is None:
        return True
    return first.unit == second.unit


def _is_year(item: Found) -> bool:
    return (
        item.form == "num"
        and item.unit is None
        and item.scale == 1.0
        and len(item.raw) == 4
        and item.raw.isdigit()
        and _YEARS[0] <= item.value <= _YEARS[1]
    )


def _not_quantity(text: str, item: Found, lex: Lexicon) -> bool:
    """Years, dates, clock times, reference numbers, footnotes and glued codes."""
    end = item.end
    if end < len(text) and (text[end].isalpha() or text[end] == "_"):
        return True
    if item.unit is not None:
        return False
    return (
        _is_year(item)
        or _after_cue(text, item, lex)
        or bool(lex.cue_after.match(text, end))
        or (item.value.is_integer() and _next_to_month(text, item, lex))
        or _footnote(text, item)
        or _after_name(text, item, lex)
        or _ordinal_dot(text, item, lex)
    )


def _ordinal_dot(text: str, item: Found, lex: Lexicon) -> bool:
    """de 'der 1. Fußball-Bundesliga', 'zum 3. Mal': after an article, digits with a point
    and a space are an ordinal."""
    if text[item.end : item.end + 2] not in (". ", ".\u00a0") or not item.raw.isdigit():
        return False
    before = _ordinal_dot_words(lex.data.code)
    return before is not None and before.find(text, item.start) is not None


@cache
def _ordinal_dot_words(code: str) -> Before | None:
    words = load_lang(code).not_quantity.ordinal_dot_after
    return Before(words, gap=r"[\s\u00a0]{1,2}") if words else None


_SHORT_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,2})?")
_SENTENCE_END = ".!?\n\"\u201c\u2018'(:"


def _after_name(text: str, item: Found, lex: Lexicon) -> bool:
    """'the Model 3', 'PlayStation 5', 'Title 42': a bare number of up to three digits
    right after a capitalised word that does not open the sentence is part of a name.
    A word in -s ('Storm Kills 12' in a headline), a function word and a month keep it."""
    if not lex.data.not_quantity.after_names or item.form != "num":
        return False
    if not _SHORT_NUMBER.fullmatch(item.raw):
        return False
    found = _LAST_WORD.search(text, max(0, item.start - 24), item.start)
    word = found.group(1) if found else ""
    if not word[:1].isupper() or not word.isalnum() or word.endswith("s"):
        return False
    if word.lower() in lex.stopwords or lex.month_before.find(text, item.start):
        return False
    after = lex.noun.match(text, item.end)
    if after is not None and _plural(after.group("n"), lex):
        return False  # 'called Bob 3 times', 'told Reuters 12 people died'
    before = text[: found.start(1)].rstrip(" \u00a0")
    return bool(before) and before[-1] not in _SENTENCE_END


def _reference_range(text: str, item: Found, second: Found, lex: Lexicon) -> bool:
    """Two bare numbers read as a range that a reference word stands before or a clock
    word after: a date, pages or hours of the clock, no amount."""
    return _after_cue(text, item, lex) or bool(lex.cue_after.match(text, second.end))


def _after_cue(text: str, item: Found, lex: Lexicon) -> bool:
    """After a reference word ('page 3', 'năm 2024'); a grouped numeral after a word of
    time is no year or day ('từ đầu năm 7.723 ca': cases since the start of the year)."""
    cue = lex.cue_before.find(text, item.start)
    if cue is None:
        return False
    unit = lex.units_after.get(cue[0]) or lex.units_after.get(cue[0].lower())
    if unit is None or unit.dimension != "time":
        return True
    # a scaled or decimal figure after a word of time is an amount of that year or day:
    # 'vorig jaar 8,3 miljoen boetes', 'im vergangenen Jahr 3 Millionen'; so is a whole
    # number larger than any day, week or month label that counts a noun ('im letzten
    # Jahr 675 Firmen'; years are read as years elsewhere)
    decimal = not item.value.is_integer() and "/" not in text[item.start : item.end]
    counts = item.value > _LARGEST_LABEL and _counts_a_noun(text, item, lex)
    return not (_grouped(item) or item.scale != 1.0 or decimal or counts)


def _counts_a_noun(text: str, item: Found, lex: Lexicon) -> bool:
    """Whether a noun that the number counts follows it: a classifier where the language
    counts with them ('75 người'), else a word that is no stopword and no unit."""
    if lex.data.counts.classifiers:
        return lex.counted_noun.match(text, item.end) is not None
    match = lex.noun.match(text, item.end)
    if match is None or match.group("c"):
        return match is not None
    word = match.group("n")
    return word.lower() not in lex.stopwords and lex.unit(word) is None


# a day of the month, a week of the year, a minute: the largest number a word of time
# labels ('ngày 31', 'week 53')
_LARGEST_LABEL = 60


def _grouped(item: Found) -> bool:
    """'7.723', '12,500': a whole numeral written with group separators, as years and
    days are not."""
    return (
        item.form == "num"
        and item.value >= 1000
        and item.value.is_integer()
        and not item.raw.isdigit()
        and bool(item.note)
        and "group" in item.note
    )


def _footnote(text: str, item: Found) -> bool:
    """'(3)', '[12]': a bracketed whole number alone; '(140,7 milioni)' and '(1234,00)'
    are amounts."""
    return (
        item.raw.isdigit()
        and item.start > 0
        and text[item.start - 1] in "(["
        and text[item.end : item.end + 1] in ")]"
        and item.form == "num"
        and item.scale == 1.0
        and item.value.is_integer()
    )


def _next_to_month(text: str, item: Found, lex: Lexicon) -> bool:
    """'4 March', 'March 4', '18 de febrero': a day (a fraction, 'dos décimas en marzo',
    is none)."""
    return lex.month_before.find(text, item.start) is not None or bool(
        lex.month_after.match(text, item.end)
    )


def _hedge(text: str, item: Found, lex: Lexicon) -> None:
    _hedge_after(text, item, lex)
    found = lex.hedge.find(text, item.start)
    if found is None:
        return
    if item.bound != "range":
        item.bound = lex.hedge_kind.get(found[0].lower(), "eq")
    item.start = found[1]


def _hedge_after(text: str, item: Found, lex: Lexicon) -> None:
    """'40-plus countries', '200-odd delegates', '18 or over': a hedge after the number."""
    match = _hedges_after(lex.data.code).match(text, item.end) if item.bound == "eq" else None
    if match is not None:
        item.bound, item.end = match.lastgroup, match.end()


@cache
def _hedges_after(code: str) -> re.Pattern:
    hedges = load_lang(code).hedges
    parts = []
    for bound, words in (
        ("approx", hedges.approx_after),
        ("gt", hedges.gt_after),
        ("lt", hedges.lt_after),
    ):
        glued = [w for w in words if w.startswith("-")]
        spaced = [w for w in words if not w.startswith("-")]
        alternatives = [f"(?i:{trie_pattern(glued)})"] if glued else []
        alternatives += [rf"[\s\u00a0]{{1,2}}(?i:{trie_pattern(spaced)})"] if spaced else []
        if alternatives:
            parts.append(f"(?P<{bound}>{'|'.join(alternatives)})")
    return re.compile(f"(?:{'|'.join(parts)}){NOT_LETTER_AFTER}" if parts else r"(?!x)x")


def _plural_name(word: str, lex: Lexicon) -> bool:
    """'Britons', 'MPs', 'Democrats': a capitalised plural after a number, where the
    language counts such words ('10 Downing Street' stays a name)."""
    return lex.data.counts.capitalised_plurals and _plural(word, lex) and not word.isupper()


def _noun(text: str, item: Found, lex: Lexicon) -> None:
    match = lex.noun.match(text, item.end)
    if match is None:
        return
    word = match.group("n")
    if word.lower() in lex.unit_links and (item.scale != 1.0 or closing_scale(item, lex) > 1):
        # "2,5 millones de trabajadores", "3 milioni di persone": a scale word takes its
        # noun through the same link word as its unit ("millones de euros")
        match = lex.noun.match(text, match.end())
        if match is None:
            return
        word = match.group("n")
    if word.lower() in lex.stopwords or word.lower() in lex.amount_nouns:
        return  # a sum ('515 millones de ingresos') counts nothing; its unit is implicit
    if word[0].isupper() and not (lex.data.counts.capitalised_nouns or _plural_name(word, lex)):
        return
    head = _head_after_adjectives(text, match, lex)
    if head is not None:
        word, match = text[match.start("n") : head.end()], head
    item.noun = ((match.group("c") or "") + word).strip()
    item.end = match.end()


def _head_after_adjectives(text: str, first: re.Match, lex: Lexicon) -> re.Match | None:
    """'5,000 new jobs', '200 million daily active users': where the language counts in
    the plural, a word that is no plural before one is an adjective of it; the noun runs
    to that plural (up to `counts.adjectives` words before it), else it is the first word."""
    if not _plural(first.group("n"), lex):
        match = first
        for _ in range(lex.data.counts.adjectives):
            match = lex.noun.match(text, match.end())
            if match is None or match.group("c") or match.group("n").lower() in lex.stopwords:
                return None
            if _plural(match.group("n"), lex):
                return match
    return None


def _plural(word: str, lex: Lexicon) -> bool:
    """Whether `word` reads as a plural noun: a listed one ('people'), or one ending in
    -s but not in -ss, -us, -is ('class', 'bus', 'this')."""
    lowered = word.lower()
    if lowered in lex.data.numbers.suffix_counts:
        return True
    return len(word) > 2 and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is"))
