"""Fractions read with a number: words after it and written fractions.

"two thirds" and "three twenty-firsts" multiply (the fraction words, and the tens word of a
compound denominator, are the language's data); "five and three quarters" and "one and a
half" add to a whole number; "one billion and a half million" adds half a million, and
"two thirds of a million" takes the scale after "of". Written: "3/4", "2 1/4", "-4/5".
text2num reads whole numbers only, so fractions are read here.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.quantities.found import Found
from pipeline.quantities.lexicon import Lexicon
from pipeline.quantities.numbers import words_value

ORDINAL = None  # what `read_fraction` returns for an ordinal ("the twenty-first"): no number
SLASH = re.compile(r"/(\d{1,3})(?![\d/]|[.,]\d)")  # "3/4." ends a sentence; "1/2.5" is no fraction
_MIXED = re.compile(r"[ \u00a0]{1,2}(\d{1,2})/(\d{1,3})(?![\d/]|[.,]\d)")
_HUNDRED = 100.0
_SMALL_DENOMINATOR = 4  # halves, thirds, quarters
_ORDINAL_WORDS = "ordinal"
_NEVER_ORDINAL = (0.5, 0.25)  # 'half', 'quarter': 'a quarter century' is no ordinal
_SPACE = re.compile(r"[\s\u00a0]{1,3}")
_NEXT_WORD = re.compile(r"[\s\u00a0]{1,2}[^\W\d_]")


class _Part(NamedTuple):
    value: float  # the whole number and the fraction
    whole: float | None  # None: a fraction alone ('two thirds')
    part: float  # the fraction's amount ('three quarters' = 0.75)
    scale: float  # the whole's scale, which the part was taken of ('five billion and ...')


def read_fraction(text: str, item: Found, lex: Lexicon, scale: float = 1.0) -> bool | None:
    """Read the fraction words after `item` into it: True when there were some, False
    when not, ORDINAL when the words make an ordinal ('twenty-first'), no amount.
    `scale`: the scale word just read after digits ('3 millones y medio'), of which a
    fraction added is a part; a fraction times such a number is none."""
    after = text[item.end : item.end + 1]
    if not (after.isspace() or after == "-"):
        return False  # both patterns start with a space or dash: most numbers cost no match
    match = lex.fraction_times.match(text, item.end)
    if match is not None and match.group("f").lower() in lex.plus_fractions:
        read = _added(item, match, lex, scale)
    elif match is not None:
        if scale != 1.0:
            return False
        read = _times(text, item, match, lex)
        if not isinstance(read, _Part):
            return read
    else:
        match = lex.fraction_plus.match(text, item.end)
        read = match and _plus(item, match, lex, scale)
        if read == _ORDINAL_WORDS:
            return ORDINAL
        if not read:
            return False
    item.value, item.end = read.value, match.end()
    _of_scale(text, item, read, lex)
    return True


def _times(text: str, item: Found, match: re.Match, lex: Lexicon) -> _Part | bool | None:
    """'two thirds', 'three twenty-firsts', 'five and three quarters'; False when the
    words are no fraction, ORDINAL for 'the twenty-first'."""
    part = lex.fraction_value(match.group("f"))
    if part is None:
        return False
    if match.group("t"):  # 'three twenty-firsts': the tens word begins the denominator
        below = _denominator(lex.words[match.group("t").lower()], part)
        return False if below is None else _alone(item.value / below)
    split = _tens_below(text, item, part, lex, _plural(match, lex))
    if split is not None:
        return ORDINAL if split == _ORDINAL_WORDS else _alone(split)
    if part == 1.0:
        return False  # 'first' alone is an ordinal, no fraction
    if item.form == "num" and _money_word(match.group("f"), lex):
        return False  # '50 centesimi' are cents; 'tre centesimi di punto' a fraction
    if _ordinal_use(text, item, match, part, lex):
        return False
    whole_and_part = _whole_and_part(item, part, lex)
    if whole_and_part is not None:
        return whole_and_part
    if part not in _NEVER_ORDINAL and _singular_after_many(item, match, lex):
        return ORDINAL
    return _alone(item.value * part)


def _money_word(word: str, lex: Lexicon) -> bool:
    """A fraction word that also names a coin ('centesimi': hundredths and cents). After
    digits it is the coin: news writes a fraction of a whole in words, money in digits."""
    unit = lex.unit(word)
    return unit is not None and unit.dimension == "currency"


def _ordinal_use(text: str, item: Found, match: re.Match, part: float, lex: Lexicon) -> bool:
    """'a third dose', 'un quinto mandato': a lone weak word, a fraction word that is also
    an ordinal, then a word that is not 'of': an ordinal ('a third of' is a fraction)."""
    if not lex.data.numbers.ordinal_fractions or part in _NEVER_ORDINAL:
        return False
    if item.form != "words" or not lex.weak.issuperset(lex.pieces.findall(item.raw.lower())):
        return False
    after = _NEXT_WORD.match(text, match.end())
    return after is not None and lex.fraction_of.match(text, match.end()) is None


def _plural(match: re.Match, lex: Lexicon) -> bool:
    """'fifths', 'quintos': a fraction word that is its singular and an ending, where
    the language makes the plural so."""
    word = match.group("f").lower()
    return lex.data.numbers.plural_fractions and lex.fraction_value(word[:-1]) is not None


def _singular_after_many(item: Found, match: re.Match, lex: Lexicon) -> bool:
    """'one hundred fifth', 'ciento quinto': where fractions take the plural after more
    than one, a singular fraction word after a space ends an ordinal ('two-third
    majority' is an adjective, read as a fraction)."""
    if not lex.data.numbers.plural_fractions or item.value <= 1 or match.group(0)[0] == "-":
        return False
    return lex.fraction_value(match.group("f").lower() + "s") is not None


def _alone(value: float) -> _Part:
    return _Part(value, None, value, 1.0)


def _added(item: Found, match: re.Match, lex: Lexicon, scale: float) -> _Part:
    """vi 'hai trăm rưỡi' = 250, '1 triệu rưỡi' = 1.5 million: a fraction word that
    adds its part of the last scale, with no join word."""
    part = lex.fractions[match.group("f").lower()]
    scale = scale if scale != 1.0 else closing_scale(item, lex)
    return _Part(item.value + part * scale, item.value, part, scale)


def _plus(item: Found, match: re.Match, lex: Lexicon, scale: float = 1.0) -> _Part | str | None:
    """'one and a half', 'fünf und drei Viertel': a fraction added to the whole before;
    'one hundred and fifth', with no count before a fraction of one part, is an ordinal
    ('and a half', 'and a quarter', 'en driekwart' are fractions)."""
    count, numerator = 1.0, match.group("n") or match.groupdict().get("m")
    if not numerator and lex.data.numbers.ordinal_fractions:
        part = lex.fraction_value(match.group("f")) or 0.0
        if part not in _NEVER_ORDINAL and part > 0 and (1 / part).is_integer():
            return _ORDINAL_WORDS
    if numerator:
        count = words_value(numerator, lex.data.code, lex.words, lex.pieces)
        if count is None:
            return None
    part = lex.fraction_value(match.group("f"))
    if part is None:
        return None
    part *= count
    scale = scale if scale != 1.0 else closing_scale(item, lex)
    return _Part(item.value + part * scale, item.value, part, scale)


def _denominator(tens: float, part: float) -> float | None:
    """'twenty' and 'fifth' -> 25, 'twenty' and 'first' -> 21; None past the ones."""
    ones = round(1 / part) if part > 0 else 0
    return tens + ones if 0 < ones < 10 else None


def _tens_below(
    text: str, item: Found, part: float, lex: Lexicon, plural: bool = False
) -> float | str | None:
    """'one hundred thirty fifths' is 100/35: a tens word at the end of the number words,
    not after a connector, begins the denominator; 'twenty-fifth' alone is an ordinal,
    'twenty fifths' (plural, spaced) is 20/5."""
    if item.form != "words" or not lex.data.numbers.compound_denominators:
        return None
    pieces = list(lex.pieces.finditer(item.raw.lower()))
    tens = lex.words.get(pieces[-1].group(0)) if pieces else None
    if tens is None or not _is_tens(tens):
        return None
    if len(pieces) > 1 and pieces[-2].group(0) not in lex.words:
        # 'one hundred and thirty fifths': 'thirty' is the numerator's; 'a hundred and
        # twenty-first' is an ordinal
        return _ORDINAL_WORDS if text[item.end : item.end + 1] == "-" else None
    below = _denominator(tens, part)
    rest = item.raw[: pieces[-1].start()].strip(" -\u00a0")
    if not rest and plural and text[item.end : item.end + 1] != "-":
        return tens * part  # no ordinal is plural: 'twenty fifths' = 4
    if not rest:
        return _ORDINAL_WORDS  # 'twenty-fifth', 'the twenty fifth': an ordinal
    above = words_value(rest, lex.data.code, lex.words, lex.pieces)
    return None if above is None or below is None else above / below


def _is_tens(value: float) -> bool:
    return 20 <= value < 100 and value % 10 == 0


def _whole_and_part(item: Found, part: float, lex: Lexicon) -> _Part | None:
    """'twenty and three and three fifths', 'one hundred and three quarters', 'five
    billion and three quarters': the fraction takes the number words after the last
    connector (times the scale before: 5.75e9), unless the connector is inside a number:
    tens after 'hundred and' ('one hundred and thirty-two fifths' = 132/5)."""
    joins = list(lex.connector.finditer(item.raw)) if item.form == "words" else []
    if not joins and item.form == "words" and lex.data.numbers.compounds:
        # where a number is one word ('tweehonderddrie'), a space parts the whole from
        # the numerator: nl 'twintig drie vijfde' = 20 3/5
        joins = list(_SPACE.finditer(item.raw))
    if not joins:
        return None
    head, tail = item.raw[: joins[-1].start()], item.raw[joins[-1].end() :]
    code = lex.data.code
    whole = words_value(head, code, lex.words, lex.pieces)
    count = words_value(tail, code, lex.words, lex.pieces)
    pieces = lex.pieces.findall(head.lower())
    if whole is None or count is None or not pieces or lex.scale_of(tail.strip()):
        return None
    # the last word of the head, whole: 'twintig' ends 'drieëntwintig' but is not it
    whole_word = f" {head.lower()}".endswith(" " + pieces[-1])
    last = lex.words.get(pieces[-1], 0.0) if whole_word else 0.0
    tens_and_ones = _is_tens(last) and count < 10 and lex.data.numbers.tens_then_connector
    if (last == _HUNDRED and 10 <= count < 100) or tens_and_ones:
        return None  # 'hundred and thirty-two', 'treinta y dos': one number, all counted
    scale = lex.scale_of(pieces[-1]) or 1.0
    scale = scale if scale >= 1000 else 1.0
    return _Part(whole + count * part * scale, whole, count * part, scale)


def _of_scale(text: str, item: Found, read: _Part, lex: Lexicon) -> None:
    """The scale after a fraction: 'two thirds of a million' (all of it) and 'one billion
    and a half million' (only the fraction, when smaller than the whole's scale)."""
    link = lex.fraction_of.match(text, item.end) if read.whole is None else None
    if read.whole is None and link is None:
        return  # 'three quarters million': scaled with the rest of the number
    match = lex.scale.match(text, link.end() if link else item.end)
    factor = match and lex.scale_of(match.group("s") or match.group("g") or match.group("l") or "")
    if not factor:
        if link is not None and _unit_at(text, link.end(), lex):
            item.end = link.end()  # 'a quarter of a percentage point': of the unit after
        return
    if link:
        item.value *= factor
    elif read.whole is not None and 1 < factor < read.scale:
        item.value = read.whole + read.part * factor
    else:
        return
    item.end = match.end()


def closing_scale(item: Found, lex: Lexicon) -> float:
    """The scale word a run of number words ends with ("dos millones" -> 1e6), else 1."""
    if item.form != "words":
        return 1.0
    pieces = [p for p in lex.pieces.findall(item.raw.lower()) if p in lex.words]
    return (lex.scale_of(pieces[-1]) or 1.0) if pieces else 1.0


def half_of(text: str, item: Found, lex: Lexicon) -> bool:
    """'half a million', 'half a dozen', 'quarter million', vi 'nửa triệu': a fraction
    word before a scale word, alone or after a weak word; whether there was one."""
    words = [w for w in lex.pieces.findall(item.raw.lower()) if w in lex.words]
    if not words or not (words[0] in lex.weak or lex.scale_of(words[0])):
        return False
    found = lex.fraction_before.find(text, item.start)
    if found is not None and (lex.scale_of(words[-1]) or _unit_after_weak(text, item, words, lex)):
        item.value *= lex.fractions[found[0].lower().split()[0]]
        item.start = found[1]
        return True
    return False


def _unit_after_weak(text: str, item: Found, words: list[str], lex: Lexicon) -> bool:
    """'half a mile', 'half a percentage point': a weak word alone between a fraction word
    and a unit names one of that unit."""
    if words != [words[0]] or words[0] not in lex.weak:
        return False
    return _unit_at(text, item.end, lex)


def _unit_at(text: str, at: int, lex: Lexicon) -> bool:
    """Whether a unit of measure or money is written at `at`."""
    match = lex.unit_after.match(text, at)
    unit = lex.unit(match.group("u")) if match else None
    return unit is not None and unit.dimension != "count"


def slash_fraction(text: str, item: Found, lex: Lexicon) -> bool | None:
    """'10 1/2 miles', '-4/5', '3/4 of the budget', '1/100': a written fraction, read into
    `item` (True); False when there is none; None for a bare 'x/y' that may be a date or a
    ratio ('4/11', '24/7', '50/50'): read, but a number only if a unit follows."""
    match = SLASH.match(text, item.end)
    if match is not None and item.raw.lstrip("-\u2212").isdigit():
        below = float(match.group(1))
        plain = _plain_fraction(text, item, below, match.end(), lex)
        item.value /= below or float("nan")  # x/0 is dropped as not finite
        item.end = match.end()
        return True if plain else None
    else:
        match = _MIXED.match(text, item.end)
        if match is None or not (0 < int(match.group(1)) < int(match.group(2))):
            return False
        part = int(match.group(1)) / int(match.group(2))
        item.value += -part if item.value < 0 else part
    item.end = match.end()
    return True


def _plain_fraction(text: str, item: Found, below: float, end: int, lex: Lexicon) -> bool:
    """Whether a bare 'x/y' is a fraction: signed, hedged, before 'of' ('3/4 of'), or
    below one with a denominator no day or month can be ('1/100'), or a half, a third
    or a quarter ('1/2', '3/4': days one to three of a month, written so, are rare)."""
    return (
        item.raw[:1] in "-\u2212"
        or lex.hedge.find(text, item.start) is not None
        or lex.fraction_of.match(text, end) is not None
        or (below > 31 and abs(item.value) < below)
        or 0 < item.value < below <= _SMALL_DENOMINATOR
    )
