"""Reading numerals and number words, with each language's separators and words.

Digits: "1.500" / "1,500" are read by the language (dot or comma as the group separator)
and the reading is noted; a separator followed by other than three digits is a decimal
point whatever the language; two different separators ("1.234,5") settle it.
Words: text2num reads the languages it covers (en fr es pt de nl it); where it refuses
(it has no "trillion", no "a hundred") and for vi and ru, which it does not cover, the
small additive/multiplicative reader `words_value` below is used instead.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from schemas.lang import NumberData

MAX_DIGITS = 24  # longer runs of digits are identifiers, not amounts
_T2N_LANGS = frozenset({"en", "fr", "es", "pt", "de", "nl", "it"})
_EXPONENT = re.compile(r"[eE]([-+]?\d{1,3})$")
VULGAR = "\u00bc\u00bd\u00be\u2150-\u215e"  # ¼ ½ ¾ ⅐ ... ⅞, as a character class
_VULGAR = re.compile(rf"[{VULGAR}]$")
SUPERSCRIPT = "\u207a\u207b\u2070\u00b9\u00b2\u00b3\u2074-\u2079"  # ⁺ ⁻ ⁰ ¹ ² ³ ⁴ ... ⁹
# "2.48×10−5", "5.5x10-3", "6.02×10^23", "3×10⁸": times a power of ten; "1.1^23": a power
_POWER = re.compile(
    rf"(?:[×xX]10(?:\^|\*\*)?(?P<e>[-+\u2212]?\d{{1,3}}|[{SUPERSCRIPT}]{{1,4}})"
    r"|\^(?P<p>[-+\u2212]?\d{1,3}))$"
)
_SUPER_DIGITS = str.maketrans(
    "\u207a\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079", "+-0123456789"
)
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_MULTIPLIERS = (10.0, 12.0, 100.0)  # ten, a dozen, a hundred: times the small word before
_HUNDRED = 100.0


def numeral_value(raw: str, numbers: NumberData) -> tuple[float, str | None] | None:
    """The value of a digit numeral (sign included) and a note on an ambiguous reading."""
    if raw.isascii() and raw.isdigit():  # most numerals: plain digits, no sign or separator
        return (float(raw), None) if len(raw) <= MAX_DIGITS else None
    text = raw.replace("\u2212", "-").replace(" ", "")
    text = _SPACES.sub("", text)
    sign = -1.0 if text.startswith("-") else 1.0
    if not text[-1:].isdigit() and _VULGAR.search(text):  # "2½", "⅓": whole and fraction
        whole = numeral_value(text[:-1], numbers) if text[:-1].lstrip("+-") else (0.0, None)
        part = unicodedata.numeric(text[-1])
        return None if whole is None else (whole[0] + sign * part, whole[1])
    maybe_power = not text[-1:].isdigit() or "^" in text or "10" in text  # cheap test first
    power = _POWER.search(text) if maybe_power else None
    if power is not None:
        return _power(text[: power.start()], power, numbers)
    body, exponent = _EXPONENT.sub("", text.lstrip("+-")), _EXPONENT.search(text)
    if exponent is not None:
        parsed = numeral_value(body, numbers)
        if parsed is None:
            return None
        value = sign * float(f"{parsed[0]!r}e{exponent.group(1)}")  # inf, never an error
        return (value, parsed[1]) if _representable(value, parsed[0]) else None
    if sum(c.isdigit() for c in body) > MAX_DIGITS:
        return None
    seps = [c for c in body if not c.isdigit()]
    note = None
    if not seps:
        number = body
    elif len(set(seps)) > 1:
        decimal = seps[-1]
        whole, _, frac = body.rpartition(decimal)
        number = re.sub(r"\D", "", whole) + "." + frac
    else:
        number, note = _one_kind(body, seps[0], numbers)
    try:
        value = sign * float(number)
    except ValueError:
        return None
    return (value, note) if math.isfinite(value) else None


def _power(base_text: str, power: re.Match, numbers: NumberData) -> tuple[float, str | None] | None:
    """A numeral times a power of ten, or raised to a power; None when it overflows."""
    base = numeral_value(base_text, numbers)
    if base is None:
        return None
    exponent = (power.group("e") or power.group("p")).translate(_SUPER_DIGITS)
    exponent = float(exponent.replace("\u2212", "-"))
    try:
        if power.group("e") is not None:
            value = base[0] * math.pow(10.0, exponent)
        else:
            value = math.copysign(math.pow(abs(base[0]), exponent), base[0])
    except (OverflowError, ValueError, ZeroDivisionError):
        return None
    return (value, base[1]) if _representable(value, base[0]) else None


def _representable(value: float, base: float) -> bool:
    """Finite, and not a nonzero number that underflowed to zero ('10^-400')."""
    return math.isfinite(value) and (value != 0 or base == 0)


def _one_kind(body: str, sep: str, numbers: NumberData) -> tuple[str, str | None]:
    """A numeral with one kind of separator: groups, or a decimal point."""
    parts = body.split(sep)
    if sep not in ",.":
        return "".join(parts), None
    if len(parts) > 2 or not parts[0]:
        return ("".join(parts), None) if parts[0] else ("0." + parts[1], None)
    if len(parts[1]) != 3 or parts[0] == "0" or len(parts[0]) > 3:
        return parts[0] + "." + parts[1], None  # a first group has one to three digits
    if sep == numbers.decimal_separator:
        return parts[0] + "." + parts[1], f"{body}: '{sep}' read as the decimal separator"
    return parts[0] + parts[1], f"{body}: '{sep}' read as the group separator"


def words_value(span: str, lang: str, words: dict[str, float], pieces: re.Pattern) -> float | None:
    """The value of a run of number words ("twenty-one", "hai mươi lăm", "две тысячи")."""
    if lang in _T2N_LANGS:
        value = _text2num(span, lang)
        if value is not None:
            return value
    return _own_reader(span, words, pieces)


@lru_cache(maxsize=4096)  # news repeats its number words ('a', 'un', 'een'); a refusal raises
def _text2num(span: str, lang: str) -> float | None:
    from text_to_num import text2num

    try:
        return float(text2num(_SPACES.sub(" ", span.lower()).strip(), lang))
    except (ValueError, TypeError, AttributeError, IndexError, KeyError):
        return None


def _own_reader(span: str, words: dict[str, float], pieces: re.Pattern) -> float | None:
    """Small values add; ten, a dozen or a hundred multiplies the word before it ("hai
    mươi" = 20, "hai trăm năm mươi" = 250, "one hundred" = 100, "a dozen" = 12), a
    hundred all of a group from 11 to 99 before it ("ninety-five hundred" = 9500); a scale
    from a thousand up closes a group, taking in the groups of smaller scales before it
    ("hai nghìn" = 2000, "mil millones" = 1e9, "455 mil 228 millones" = 455228e6)."""
    groups: list[tuple[float, float]] = []  # (value, scale), scales falling
    current, last, seen, joined, zero = 0.0, 0.0, False, False, False
    for match in pieces.finditer(span.lower()):
        value = words.get(match.group(0))
        if value is None:
            joined = True  # a connector: "twee-en-twintig", "tweeentwintig" = 2 + 20
            continue
        if joined and 0 < value < 1:
            return None  # 'vijf miljard en driekwart': a fraction's, read with its scale
        if value == 0 and last:
            return None  # 'three-nought-four' is digits, no sum
        if zero and value in _MULTIPLIERS:
            zero = False
            continue  # vi 'một nghìn không trăm năm mươi' = 1050: a zero hundred adds nothing
        zero = value == 0  # vi 'một trăm không bảy' = 107: a zero ten
        seen, inverted, joined = True, joined and 0 < last < 10 and _tens(value), False
        if value >= 1000:
            amount = current
            while groups and groups[-1][1] < value:
                amount += groups.pop()[0]
            groups.append(((amount or 1.0) * value, value))
            current, last = 0.0, 0.0
        elif value == _HUNDRED and 10 < current < value:
            current *= value  # 'ninety-five hundred' = 9500, the whole group before it
            last = 0.0
        elif value in _MULTIPLIERS and 0 < last < value:
            current += last * (value - 1)
            last = 0.0
        elif inverted:
            current += value
            last = value
        elif last and value >= _place(last):
            return None  # "a three", "one two": not one number
        else:
            current += value
            last = value
    return sum(g[0] for g in groups) + current if seen else None


def _tens(value: float) -> bool:
    return 20 <= value < 100 and value % 10 == 0


def _place(value: float) -> float:
    """The largest power of ten dividing a whole value: 20 -> 10, 300 -> 100, 7 -> 1."""
    place = 1.0
    while value >= place * 10 and value % (place * 10) == 0:
        place *= 10
    return place
